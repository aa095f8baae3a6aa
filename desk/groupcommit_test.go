package desk_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"stormdesk"
	"stormdesk/desk"
)

func TestGroupCommitAnswersEveryCaller(t *testing.T) {
	d, _ := newService(t, groupCommit(2, 8))
	ctx := context.Background()
	const n = 200
	var wg sync.WaitGroup
	created := make([]bool, n)
	ids := make([]int64, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Every external id is sent twice, so half the calls are
			// repeats that must come back as the stored ticket.
			tk := &stormdesk.Ticket{Subject: fmt.Sprintf("t%d", i/2), ExternalID: fmt.Sprint(i / 2)}
			c, err := d.IngestTicket(ctx, tk)
			if err != nil {
				t.Error(err)
			}
			created[i], ids[i] = c, tk.ID
		}()
	}
	wg.Wait()
	d.Close()
	nCreated := 0
	for i := 0; i < n; i += 2 {
		if ids[i] != ids[i+1] || ids[i] == 0 {
			t.Fatalf("external id %d got ids %d and %d", i/2, ids[i], ids[i+1])
		}
		if created[i] == created[i+1] {
			t.Fatalf("external id %d: created %v/%v, want exactly one new", i/2, created[i], created[i+1])
		}
	}
	for _, c := range created {
		if c {
			nCreated++
		}
	}
	var all []*stormdesk.Ticket
	d.Store.View(ctx, func(tx stormdesk.Tx) (err error) { all, err = tx.Tickets(ctx, stormdesk.TicketFilter{}); return err })
	if nCreated != n/2 || len(all) != n/2 {
		t.Fatalf("created %d, stored %d, want %d", nCreated, len(all), n/2)
	}
}

func TestGroupCommitRejectsBadTicketAlone(t *testing.T) {
	d, _ := newService(t, groupCommit(1, 8))
	_, err := d.IngestTicket(context.Background(), &stormdesk.Ticket{Subject: ""})
	if stormdesk.ErrorCode(err) != stormdesk.EINVALID {
		t.Fatalf("got %v", err)
	}
}

// poisonStore fails any transaction that writes a ticket titled "poison".
type poisonStore struct{ stormdesk.Store }

type poisonTx struct{ stormdesk.Tx }

func (s poisonStore) Update(ctx context.Context, fn func(stormdesk.Tx) error) error {
	return s.Store.Update(ctx, func(tx stormdesk.Tx) error { return fn(poisonTx{tx}) })
}

func (tx poisonTx) CreateTickets(ctx context.Context, ts []*stormdesk.Ticket) ([]bool, error) {
	for _, t := range ts {
		if t.Subject == "poison" {
			return nil, fmt.Errorf("disk on fire")
		}
	}
	return tx.Tx.CreateTickets(ctx, ts)
}

func TestGroupCommitIsolatesAFailingTicket(t *testing.T) {
	d := openDesk(t, poisonStore{sqliteStore(t)}, desk.Options{Now: func() time.Time { return t0 }}, groupCommit(1, 64))
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make([]error, 40)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			subj := "fine"
			if i == 7 {
				subj = "poison"
			}
			_, errs[i] = d.IngestTicket(ctx, &stormdesk.Ticket{Subject: subj})
		}()
	}
	wg.Wait()
	d.Close()
	for i, err := range errs {
		if (i == 7) != (err != nil) {
			t.Fatalf("ticket %d: err %v", i, err)
		}
	}
	var all []*stormdesk.Ticket
	d.Store.View(ctx, func(tx stormdesk.Tx) (err error) { all, err = tx.Tickets(ctx, stormdesk.TicketFilter{}); return err })
	if len(all) != 39 {
		t.Fatalf("stored %d, want 39", len(all))
	}
}

// TestGroupCommitNotes: concurrent notes share transactions; a note for a
// missing incident fails alone and its neighbours are stored.
func TestGroupCommitNotes(t *testing.T) {
	d, _ := newService(t, groupCommit(1, 16))
	ctx := context.Background()
	inc, err := d.Declare(ctx, "Login fails", stormdesk.SeverityMajor, "U1")
	if err != nil {
		t.Fatal(err)
	}
	const n = 100
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			id := inc.ID
			if i%10 == 0 {
				id = 9999
			}
			_, errs[i] = d.AddNote(ctx, id, fmt.Sprintf("note %d", i), "U1", t0)
		}()
	}
	wg.Wait()
	d.Close()
	for i, err := range errs {
		if want := i%10 == 0; want != (stormdesk.ErrorCode(err) == stormdesk.ENOTFOUND) || (!want && err != nil) {
			t.Errorf("note %d: %v", i, err)
		}
	}
	es, _ := d.Timeline(ctx, inc.ID)
	notes := 0
	for _, e := range es {
		if e.Kind == stormdesk.KindNote {
			notes++
		}
	}
	if notes != n-n/10 {
		t.Errorf("%d notes stored, want %d", notes, n-n/10)
	}
}

// groupCommit turns on group commit with writers (for tickets and notes
// alike), up to max values a transaction.
func groupCommit(writers, max int) func(*desk.Options) {
	return func(o *desk.Options) {
		o.GroupCommit = &desk.GroupCommit{Writers: writers, NoteWriters: writers, Max: max}
	}
}

// Package desktest opens the real desk on a fresh embedded SQLite store
// with a small fixture, for the tests of the adapters that run its use
// cases (the chat bot and its Slack and Discord adapters). They test
// against the real rules, not against a stand-in that re-implements them
// and can drift; a failure is injected at the store, so "a failed
// command changes nothing" is proved by a real rollback.
package desktest

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"stormdesk"
	"stormdesk/desk"
	"stormdesk/notify"
	"stormdesk/store/sqlite"
	"stormdesk/store/sqlstore"
)

// T0 is when the fixture's first incident opened; the desk's clock reads
// an hour later.
var T0 = time.Date(2026, 3, 14, 15, 13, 0, 0, time.UTC)

// ApprovalThreshold is the fixture's email approval threshold: an email
// to more recipients waits for a second person.
const ApprovalThreshold = 10

// Components are the fixture's status page components: Login (feature
// login) and Checkout (feature checkout).
var Components = []stormdesk.Component{
	{ID: "login", Name: "Login", Features: []string{"login"}},
	{ID: "checkout", Name: "Checkout", Description: "Paying for an order", Features: []string{"checkout"}},
}

// ConfirmSecret signs the fixture's status page subscription
// confirmation links (https://acme.example/status/confirm?token=...).
var ConfirmSecret = []byte("desktest-confirm-secret")

// Desk is a real desk.Service on its own SQLite store.
type Desk struct {
	*desk.Service
	// Now is the desk's (fixed) clock reading, for the bot core's clock.
	Now   time.Time
	store *faulty
	base  *sqlstore.Store
	// posters receive the chat posts of the platforms New was given.
	posters map[string]notify.ChatPoster
	// subscribers counts the extra audience SetAudience added.
	subscribers int
}

// New returns a desk on a fresh store holding two incidents: #1 "Login
// fails" (triage, major, feature login) with 12 reports from 3
// customers, so its audience is 3, and a first-report entry on its
// timeline; #2 "Checkout slow" (investigating, minor) with 2 reports.
// Tickets 1..102 exist: 91..100 and 1..2 are #1's, 3..4 are #2's, 101
// and 102 are linked to nothing. Customer email is on (every automatic
// email sent by itself, approval above ApprovalThreshold). Chat posts are
// written to the outbox for each of chatPlatforms; Chat delivers them.
func New(t testing.TB, chatPlatforms ...string) *Desk {
	t.Helper()
	return NewWithComponents(t, Components, chatPlatforms...)
}

// NewWithComponents is New with the status page components comps instead
// of Components, for tests of a page with more of them.
func NewWithComponents(t testing.TB, comps []stormdesk.Component, chatPlatforms ...string) *Desk {
	t.Helper()
	return NewWithOptions(t, comps, nil, chatPlatforms...)
}

// NewWithOptions is NewWithComponents with edit applied to the desk's
// options before it is built (nil: none), for tests of an option.
func NewWithOptions(t testing.TB, comps []stormdesk.Component, edit func(*desk.Options), chatPlatforms ...string) *Desk {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "desk.db"), T0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	f := &faulty{Store: st}
	d := &Desk{Now: T0.Add(time.Hour), store: f, base: st, posters: map[string]notify.ChatPoster{}}
	confirm, err := notify.ConfirmLinks("https://acme.example/status/confirm", ConfirmSecret, func() time.Time { return d.Now })
	if err != nil {
		t.Fatal(err)
	}
	opt := desk.Options{Now: func() time.Time { return d.Now }, ProductName: "Acme", Log: slog.New(slog.DiscardHandler),
		Email: &desk.Email{Auto: map[string]bool{"acknowledged": true, "update": true, "resolved": true},
			ApprovalThreshold: ApprovalThreshold, Placeholder: "UNSUBSCRIBE", ConfirmURL: confirm}, Components: comps}
	if len(chatPlatforms) > 0 {
		opt.Chat = &desk.Chat{Platforms: chatPlatforms}
	}
	if edit != nil {
		edit(&opt)
	}
	if d.Service, err = desk.New(ctx, f, opt); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(d.Service.Close)
	err = st.Update(ctx, func(tx stormdesk.Tx) error {
		login := &stormdesk.Incident{Title: "Login fails", Status: stormdesk.StatusTriage, Severity: stormdesk.SeverityMajor,
			Features: []string{"login"}, CreatedAt: T0, UpdatedAt: T0, ConfirmedAt: &T0}
		t1 := T0.Add(10 * time.Minute)
		checkout := &stormdesk.Incident{Title: "Checkout slow", Status: stormdesk.StatusInvestigating, Severity: stormdesk.SeverityMinor,
			CreatedAt: t1, UpdatedAt: t1, ConfirmedAt: &t1}
		for _, inc := range []*stormdesk.Incident{login, checkout} {
			if err := tx.CreateIncident(ctx, inc); err != nil {
				return err
			}
		}
		var tks []*stormdesk.Ticket
		for i := 1; i <= 102; i++ {
			tk := &stormdesk.Ticket{Source: stormdesk.SourceAPI, ExternalID: fmt.Sprintf("t%d", i), Subject: "Question",
				CustomerEmail: fmt.Sprintf("customer%d@example.com", i), ReceivedAt: T0.Add(-time.Hour), CreatedAt: T0.Add(-time.Hour)}
			switch {
			case i <= 2 || i > 90 && i <= 100:
				tk.IncidentID, tk.Subject, tk.CustomerEmail = login.ID, "Can't log in", fmt.Sprintf("reporter%d@example.com", i%3)
			case i <= 4:
				tk.IncidentID, tk.Subject = checkout.ID, "Checkout slow"
			}
			tks = append(tks, tk)
		}
		if _, err := tx.CreateTickets(ctx, tks); err != nil {
			return err
		}
		return tx.AppendTimeline(ctx, &stormdesk.TimelineEntry{IncidentID: login.ID, At: T0, Kind: stormdesk.KindFirstReport,
			Actor: "reporter1@example.com", Text: "First report: can't log in"})
	})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// Chat sends the desk's chat posts for platform (one New was given:
// alerts, their updates, approval requests, reminders) to poster, as
// `serve` does: through the outbox. The posts wait there until the test
// calls the returned deliver, which runs one dispatcher round on the
// desk's clock.
func (d *Desk) Chat(platform string, poster notify.ChatPoster) (deliver func(t testing.TB)) {
	d.posters[platform] = poster
	disp := notify.NewChatDispatcher(d.base.ChatOutbox(), &notify.Chat{Store: d.base, Posters: d.posters})
	disp.Now, disp.Log = func() time.Time { return d.Now }, slog.New(slog.DiscardHandler)
	return func(t testing.TB) {
		t.Helper()
		if _, err := disp.RunOnce(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
}

// SetAudience makes incident #1's audience n recipients (at least its 3
// reporters): subscribers of feature login are added, or suppressed.
func (d *Desk) SetAudience(t testing.TB, n int) {
	t.Helper()
	ctx := context.Background()
	err := d.base.Update(ctx, func(tx stormdesk.Tx) error {
		for i := 0; i < max(n-3, d.subscribers); i++ {
			email := fmt.Sprintf("subscriber%d@example.com", i)
			if i >= d.subscribers {
				if err := tx.UpsertCustomer(ctx, &stormdesk.Customer{Email: email}, d.Now); err != nil {
					return err
				}
				if err := tx.Subscribe(ctx, email, "login"); err != nil {
					return err
				}
			}
			if i >= n-3 {
				if err := tx.Suppress(ctx, email, "test", d.Now); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	d.subscribers = max(n-3, d.subscribers)
}

// FailWrites makes every write transaction run and then fail with err,
// so that it is rolled back; nil ends it.
func (d *Desk) FailWrites(err error) { d.store.set(&d.store.write, err) }

// FailReads makes every read transaction fail with err; nil ends it.
func (d *Desk) FailReads(err error) { d.store.set(&d.store.read, err) }

// Delay makes every transaction wait first (tests of how an adapter
// answers a slow command).
func (d *Desk) Delay(wait time.Duration) {
	d.store.mu.Lock()
	defer d.store.mu.Unlock()
	d.store.delay = wait
}

// Snapshot is a JSON image of the incidents, their timelines, the
// tickets' links and the emails, to compare before and after.
func (d *Desk) Snapshot(t testing.TB) string {
	t.Helper()
	ctx := context.Background()
	var image []any
	err := d.base.View(ctx, func(tx stormdesk.Tx) error {
		incs, err := tx.Incidents(ctx, stormdesk.IncidentFilter{})
		if err != nil {
			return err
		}
		image = append(image, incs)
		for _, inc := range incs {
			es, err := tx.Timeline(ctx, inc.ID)
			if err != nil {
				return err
			}
			image = append(image, es)
		}
		tks, err := tx.Tickets(ctx, stormdesk.TicketFilter{Limit: 1000})
		if err != nil {
			return err
		}
		for _, tk := range tks {
			image = append(image, [2]int64{tk.ID, tk.IncidentID})
		}
		ms, err := tx.Messages(ctx, 0, time.Time{})
		image = append(image, ms)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(image)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Entries returns an incident's timeline.
func (d *Desk) Entries(t testing.TB, id int64) []*stormdesk.TimelineEntry {
	t.Helper()
	var es []*stormdesk.TimelineEntry
	err := d.base.View(context.Background(), func(tx stormdesk.Tx) (err error) {
		es, err = tx.Timeline(context.Background(), id)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return es
}

// Count counts the entries of an incident's timeline whose text
// contains text.
func (d *Desk) Count(t testing.TB, id int64, text string) int {
	t.Helper()
	n := 0
	for _, e := range d.Entries(t, id) {
		if strings.Contains(e.Text, text) {
			n++
		}
	}
	return n
}

// Send is one email let out of the desk: queued at once or approved.
type Send struct {
	IncidentID                       int64
	Template, RequestedBy, DecidedBy string
	Recipients                       int
}

// Sends lists the emails queued for sending, oldest first (held and
// cancelled ones are not).
func (d *Desk) Sends(t testing.TB) []Send {
	t.Helper()
	var out []Send
	err := d.base.View(context.Background(), func(tx stormdesk.Tx) error {
		ms, err := tx.Messages(context.Background(), 0, time.Time{})
		for _, m := range ms {
			if m.State == stormdesk.MessageHeld || m.State == stormdesk.MessageCancelled {
				continue
			}
			out = append(out, Send{IncidentID: m.IncidentID, Template: m.Template, RequestedBy: m.RequestedBy, DecidedBy: m.DecidedBy,
				Recipients: m.Sent + m.Failed + m.Pending + m.Suppressed})
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// faulty is the store with failures and delays injected.
type faulty struct {
	stormdesk.Store
	mu          sync.Mutex
	read, write error
	delay       time.Duration
}

func (f *faulty) set(p *error, err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	*p = err
}

func (f *faulty) faults() (read, write error, delay time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.read, f.write, f.delay
}

// Update implements stormdesk.Store: fn runs, then an injected failure
// rolls it back.
func (f *faulty) Update(ctx context.Context, fn func(stormdesk.Tx) error) error {
	_, fail, delay := f.faults()
	time.Sleep(delay)
	return f.Store.Update(ctx, func(tx stormdesk.Tx) error {
		if err := fn(tx); err != nil {
			return err
		}
		return fail
	})
}

// View implements stormdesk.Store.
func (f *faulty) View(ctx context.Context, fn func(stormdesk.Tx) error) error {
	fail, _, delay := f.faults()
	time.Sleep(delay)
	if fail != nil {
		return fail
	}
	return f.Store.View(ctx, fn)
}

package storetest

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"stormdesk"
)

// runHelpdeskOutbox checks the helpdesk write-back jobs of the outbox:
// stored once and only when they change something, claimed in the order
// an incident's jobs need (links wait for the problem ticket, the problem
// ticket's jobs wait for everything before them), fenced by their claim
// token, the problem ticket's id kept as its job's result, failures
// reported once, in-doubt jobs never written twice, kept apart from email
// and chat, and the customers they answer left out of the email audience.
func runHelpdeskOutbox(t *testing.T, open Opener) {
	ctx := context.Background()
	s, _ := open(t)
	defer s.Close()
	hd := capability[stormdesk.HelpdeskOutboxStore](t, s).HelpdeskOutbox()
	incs := createIncidents(t, s, 3)
	tk := map[string]*stormdesk.Ticket{}
	update(t, s, func(tx stormdesk.Tx) error {
		for _, x := range []struct{ source, ext, email string }{
			{"zendesk", "101", "ana@example.com"}, {"zendesk", "102", "bob@example.com"}, {"api", "101", "carl@example.com"}, {"zendesk", "103", "dora@example.com"},
		} {
			k := &stormdesk.Ticket{Source: x.source, ExternalID: x.ext, CustomerEmail: x.email, Subject: "login fails", Body: "b", ReceivedAt: t0, CreatedAt: t0}
			if _, err := tx.CreateTickets(ctx, []*stormdesk.Ticket{k}); err != nil {
				return err
			}
			if err := tx.SetTicketIncident(ctx, k.ID, incs[0], 0); err != nil {
				return err
			}
			tk[x.source+":"+x.ext] = k
		}
		return nil
	})
	enqueue := func(j stormdesk.HelpdeskJob) bool {
		t.Helper()
		var stored bool
		update(t, s, func(tx stormdesk.Tx) (err error) { stored, err = tx.EnqueueHelpdesk(ctx, j, t0); return err })
		return stored
	}
	job := func(id string, inc int64, kind, ticket string) stormdesk.HelpdeskJob {
		return stormdesk.HelpdeskJob{ID: id, IncidentID: inc, Helpdesk: "zendesk", Kind: kind, Ticket: ticket, Subject: "subj " + id, Text: "text " + id}
	}
	audience := func() string {
		t.Helper()
		var got []string
		err := s.View(ctx, func(tx stormdesk.Tx) error {
			return tx.Audience(ctx, incs[0], nil, func(e string) error { got = append(got, e); return nil })
		})
		if err != nil {
			t.Fatal(err)
		}
		return strings.Join(got, " ")
	}
	const everyone = "ana@example.com bob@example.com carl@example.com dora@example.com"
	if got := audience(); got != everyone {
		t.Fatalf("audience before any write-back: %q", got)
	}

	// A comment needs a problem ticket to go on.
	if enqueue(job("c0", incs[0], stormdesk.HelpdeskComment, "")) {
		t.Fatal("a comment was stored for an incident without a problem job")
	}
	if !enqueue(job("p", incs[0], stormdesk.HelpdeskProblem, "")) || enqueue(job("p", incs[0], stormdesk.HelpdeskProblem, "")) {
		t.Fatal("the problem job was not stored exactly once")
	}
	for _, ticket := range []string{"101", "102", "103"} {
		if !enqueue(job("l"+ticket, incs[0], stormdesk.HelpdeskLink, ticket)) {
			t.Fatalf("link of %s not stored", ticket)
		}
	}
	if enqueue(job("l101-again", incs[0], stormdesk.HelpdeskLink, "101")) {
		t.Fatal("a second link of a linked ticket was stored")
	}
	if enqueue(job("u-never", incs[0], stormdesk.HelpdeskUnlink, "999")) {
		t.Fatal("an unlink of a ticket never linked was stored")
	}
	if !enqueue(job("c1", incs[0], stormdesk.HelpdeskComment, "")) {
		t.Fatal("a comment after the problem job was not stored")
	}
	// Another incident's problem job does not wait for this one's.
	enqueue(job("q", incs[1], stormdesk.HelpdeskProblem, ""))
	// Linked (the jobs are pending, not failed): the Zendesk customers
	// hear it from Zendesk; carl's ticket came through the API.
	if got := audience(); got != "carl@example.com" {
		t.Fatalf("audience with pending links: %q, want carl only", got)
	}

	claimed := map[string]int64{} // row ids by job, as last claimed
	claim := func(token string, at time.Time) string {
		t.Helper()
		cl, err := hd.Claim(ctx, token, at, time.Minute, 10)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, c := range cl {
			name := "zendesk"
			if c.Message.Template == stormdesk.HelpdeskReply {
				name = "intercom"
			}
			if c.Token != token || len(c.Recipients) != 1 || c.Recipients[0].Name != name {
				t.Fatalf("claim %+v: want one row of the helpdesk with the caller's token", c)
			}
			m := c.Message
			if m.Subject != "subj "+m.MessageID || m.Text != "text "+m.MessageID {
				t.Fatalf("claimed job %s lost its subject or text: %+v", m.MessageID, m)
			}
			claimed[m.MessageID] = c.Recipients[0].ID
			got = append(got, fmt.Sprintf("%s:%s:%s", m.MessageID, m.Template, c.Recipients[0].Email))
		}
		sort.Strings(got)
		return strings.Join(got, " ")
	}
	settle := func(token, id string, sent bool, result string) {
		t.Helper()
		ids := []int64{claimed[id]}
		if held, err := hd.MarkSending(ctx, token, ids, t0); err != nil || len(held) != 1 {
			t.Fatalf("mark sending %s: %v %v", id, held, err)
		}
		var err error
		if sent {
			err = hd.MarkSent(ctx, token, ids, t0, result)
		} else {
			err = hd.MarkFailed(ctx, token, ids, t0, result)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if got := claim("tok-1", t0); got != "p:problem: q:problem:" {
		t.Fatalf("first claim: %q, want both problem jobs and nothing behind them", got)
	}
	settle("tok-1", "q", true, "6001")
	err := s.View(ctx, func(tx stormdesk.Tx) error {
		_, err := tx.HelpdeskProblem(ctx, incs[0], "zendesk")
		return err
	})
	if stormdesk.ErrorCode(err) != stormdesk.ENOTFOUND {
		t.Fatalf("problem id before the problem was created: %v, want ENOTFOUND", err)
	}
	if got := claim("tok-2", t0.Add(time.Second)); got != "" {
		t.Fatalf("claimed behind an unsettled problem job: %q", got)
	}
	settle("tok-1", "p", true, "5001")
	var ref string
	if err := s.View(ctx, func(tx stormdesk.Tx) (err error) { ref, err = tx.HelpdeskProblem(ctx, incs[0], "zendesk"); return err }); err != nil || ref != "5001" {
		t.Fatalf("problem id %q, %v; want 5001", ref, err)
	}
	// The links go out side by side; the comment waits for them.
	if got := claim("tok-3", t0.Add(2*time.Second)); got != "l101:link:101 l102:link:102 l103:link:103" {
		t.Fatalf("after the problem: %q, want the three links", got)
	}
	settle("tok-3", "l101", true, "")
	settle("tok-3", "l102", false, "status 404: RecordNotFound: Not found")
	// l103's claimer stalls past its lease: another takes it over, and the
	// first can no longer touch it.
	stale := claimed["l103"]
	if got := claim("tok-4", t0.Add(2*time.Minute)); got != "l103:link:103" {
		t.Fatalf("after the lease: %q, want the stalled link only (the comment waits)", got)
	}
	if held, err := hd.MarkSending(ctx, "tok-3", []int64{stale}, t0); err != nil || len(held) != 0 {
		t.Fatalf("the stale claimer still holds the row: %v %v", held, err)
	}
	if err := hd.MarkRetry(ctx, "tok-4", []int64{stale}, t0.Add(10*time.Minute), "status 429"); err != nil {
		t.Fatal(err)
	}
	if got := claim("tok-5", t0.Add(5*time.Minute)); got != "" {
		t.Fatalf("claimed before the retry was due, or the comment overtook a link: %q", got)
	}
	if got := claim("tok-6", t0.Add(10*time.Minute)); got != "l103:link:103" {
		t.Fatalf("the retry: %q", got)
	}
	settle("tok-6", "l103", true, "")
	if got := claim("tok-7", t0.Add(11*time.Minute)); got != "c1:comment:" {
		t.Fatalf("after the links: %q, want the comment", got)
	}
	// bob's ticket could not be linked: he gets email again.
	if got := audience(); got != "bob@example.com carl@example.com" {
		t.Fatalf("audience after bob's link failed: %q", got)
	}

	// Unlinks: only of a linked ticket; a ticket unlinked may be linked
	// again.
	if enqueue(job("u102", incs[0], stormdesk.HelpdeskUnlink, "102")) {
		t.Fatal("an unlink of a ticket whose link failed was stored")
	}
	if enqueue(job("l102b", incs[0], stormdesk.HelpdeskLink, "102")) {
		t.Fatal("a link that failed (a deleted ticket) was queued again")
	}
	if !enqueue(job("u101", incs[0], stormdesk.HelpdeskUnlink, "101")) || enqueue(job("u101b", incs[0], stormdesk.HelpdeskUnlink, "101")) {
		t.Fatal("the unlink of a linked ticket was not stored exactly once")
	}
	if !enqueue(job("l101b", incs[0], stormdesk.HelpdeskLink, "101")) {
		t.Fatal("a link after an unlink was not stored")
	}

	// Failures are listed until reported, once.
	var fs []stormdesk.HelpdeskFailure
	if err := s.View(ctx, func(tx stormdesk.Tx) (err error) { fs, err = tx.HelpdeskFailures(ctx); return err }); err != nil {
		t.Fatal(err)
	}
	want := stormdesk.HelpdeskFailure{JobID: "l102", IncidentID: incs[0], Helpdesk: "zendesk", Kind: "link", Ticket: "102", Subject: "subj l102",
		Reason: "status 404: RecordNotFound: Not found"}
	if len(fs) != 1 || fs[0] != want {
		t.Fatalf("failures %+v, want %+v", fs, want)
	}
	update(t, s, func(tx stormdesk.Tx) error {
		if ok, err := tx.MarkReported(ctx, "l102", t0); err != nil || !ok {
			t.Errorf("MarkReported = %v, %v", ok, err)
		}
		fs, err := tx.HelpdeskFailures(ctx)
		if err == nil && len(fs) != 0 {
			t.Errorf("failures still listed after being reported: %+v", fs)
		}
		return err
	})

	// In doubt: the process died with a comment and another incident's
	// problem job sending. The problem is sent again (its idempotency key
	// makes that safe); the comment fails, whatever the caller's policy
	// says: a comment posted twice is a double answer. (The unlink queued
	// behind the comment shows below that a link job in doubt is sent
	// again.)
	if held, err := hd.MarkSending(ctx, "tok-7", []int64{claimed["c1"]}, t0); err != nil || len(held) != 1 {
		t.Fatal(held, err)
	}
	enqueue(job("r", incs[2], stormdesk.HelpdeskProblem, ""))
	if got := claim("tok-8", t0.Add(12*time.Minute)); got != "r:problem:" {
		t.Fatalf("claim of the third incident's problem: %q", got)
	}
	if held, err := hd.MarkSending(ctx, "tok-8", []int64{claimed["r"]}, t0); err != nil || len(held) != 1 {
		t.Fatal(held, err)
	}
	late := t0.Add(time.Hour)
	if n, err := hd.ExpireInDoubt(ctx, late, false, "in doubt"); err != nil || n != 2 {
		t.Fatalf("ExpireInDoubt = %d, %v; want r and c1 settled", n, err)
	}
	// The problem job is due again; the failed comment no longer holds
	// back the unlink queued behind it, and the relink waits for the
	// unlink of its ticket.
	if got := claim("tok-9", late); got != "r:problem: u101:unlink:101" {
		t.Fatalf("after the in-doubt jobs were settled: %q, want the problem again and the unlink", got)
	}
	if err := s.View(ctx, func(tx stormdesk.Tx) (err error) { fs, err = tx.HelpdeskFailures(ctx); return err }); err != nil || len(fs) != 1 || fs[0].JobID != "c1" {
		t.Fatalf("failures after the in-doubt comment: %+v %v", fs, err)
	}
	if held, err := hd.MarkSending(ctx, "tok-9", []int64{claimed["u101"]}, late); err != nil || len(held) != 1 {
		t.Fatal(held, err)
	}
	if n, err := hd.ExpireInDoubt(ctx, late.Add(time.Hour), false, "in doubt"); err != nil || n != 1 {
		t.Fatalf("ExpireInDoubt of the unlink = %d, %v", n, err)
	}
	if got := claim("tok-10", late.Add(time.Hour)); got != "r:problem: u101:unlink:101" {
		t.Fatalf("after the in-doubt unlink: %q, want it again (and the problem, whose tok-9 claim lapsed)", got)
	}

	// Replies (Intercom's, to each customer's own conversation) go out per
	// conversation, and the customer they answer is left out of the
	// email until one fails.
	update(t, s, func(tx stormdesk.Tx) error {
		k := &stormdesk.Ticket{Source: "intercom", ExternalID: "c-7", CustomerEmail: "eve@example.com", Subject: "login fails", Body: "b", ReceivedAt: t0, CreatedAt: t0}
		if _, err := tx.CreateTickets(ctx, []*stormdesk.Ticket{k}); err != nil {
			return err
		}
		return tx.SetTicketIncident(ctx, k.ID, incs[1], 0)
	})
	audience1 := func() string {
		t.Helper()
		var got []string
		if err := s.View(ctx, func(tx stormdesk.Tx) error {
			return tx.Audience(ctx, incs[1], nil, func(e string) error { got = append(got, e); return nil })
		}); err != nil {
			t.Fatal(err)
		}
		return strings.Join(got, " ")
	}
	if got := audience1(); got != "eve@example.com" {
		t.Fatalf("audience before the reply: %q", got)
	}
	reply := func(id string) stormdesk.HelpdeskJob {
		return stormdesk.HelpdeskJob{ID: id, IncidentID: incs[1], Helpdesk: "intercom", Kind: stormdesk.HelpdeskReply, Ticket: "c-7", Subject: "subj " + id, Text: "text " + id}
	}
	if !enqueue(reply("r0")) || enqueue(reply("r0")) {
		t.Fatal("the reply was not stored exactly once")
	}
	if got := claim("tok-r0", late.Add(2*time.Hour)); !strings.Contains(got, "r0:reply:c-7") {
		t.Fatalf("reply claim: %q", got)
	}
	settle("tok-r0", "r0", true, "")
	if got := audience1(); got != "" {
		t.Fatalf("audience after a reply reached her: %q, want nobody", got)
	}
	if !enqueue(reply("r1")) {
		t.Fatal("the second reply was not stored")
	}
	err = s.Update(ctx, func(tx stormdesk.Tx) error {
		_, err := tx.EnqueueHelpdesk(ctx, stormdesk.HelpdeskJob{ID: "r-bad", IncidentID: incs[1], Helpdesk: "intercom", Kind: stormdesk.HelpdeskReply}, t0)
		return err
	})
	if stormdesk.ErrorCode(err) != stormdesk.EINVALID {
		t.Fatalf("a reply without a conversation: %v, want EINVALID", err)
	}
	if got := audience1(); got != "" {
		t.Fatalf("audience with a pending reply: %q, want nobody", got)
	}
	if got := claim("tok-r", late.Add(3*time.Hour)); !strings.Contains(got, "r1:reply:c-7") {
		t.Fatalf("reply claim: %q", got)
	}
	rid := claimed["r1"]
	if _, err := hd.MarkSending(ctx, "tok-r", []int64{rid}, late); err != nil {
		t.Fatal(err)
	}
	if err := hd.MarkFailed(ctx, "tok-r", []int64{rid}, late, "status 404: not_found"); err != nil {
		t.Fatal(err)
	}
	if got := audience1(); got != "eve@example.com" {
		t.Fatalf("audience after the reply failed: %q, want eve again", got)
	}
	// No more replies there; eve stays in the audience although the
	// earlier reply r0 had reached her.
	if enqueue(stormdesk.HelpdeskJob{ID: "r2", IncidentID: incs[1], Helpdesk: "intercom", Kind: stormdesk.HelpdeskReply, Ticket: "c-7"}) {
		t.Fatal("a reply was queued in a conversation where one failed")
	}

	// Email and chat never see helpdesk jobs.
	email := s.(stormdesk.Outbox)
	if ec, err := email.Claim(ctx, "mail", late, time.Minute, 100); err != nil || len(ec) != 0 {
		t.Fatalf("email claim took helpdesk jobs: %+v %v", ec, err)
	}
	chat := s.(stormdesk.ChatOutboxStore).ChatOutbox()
	if cc, err := chat.Claim(ctx, "chat", late, time.Minute, 100); err != nil || len(cc) != 0 {
		t.Fatalf("chat claim took helpdesk jobs: %+v %v", cc, err)
	}
	err = s.View(ctx, func(tx stormdesk.Tx) error {
		ms, err := tx.Messages(ctx, 0, time.Time{})
		if err == nil && len(ms) != 0 {
			t.Errorf("the email views list helpdesk jobs: %+v", ms)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// runHelpdeskOutboxRace: claimers racing over many incidents' jobs (as
// the dispatchers of several replicas do) never take the same row twice,
// and never take a link while its incident's problem job is unsettled.
func runHelpdeskOutboxRace(t *testing.T, open Opener) {
	ctx := context.Background()
	s, _ := open(t)
	defer s.Close()
	hd := s.(stormdesk.HelpdeskOutboxStore).HelpdeskOutbox()
	const n, links = 20, 3
	update(t, s, func(tx stormdesk.Tx) error {
		for i := range n {
			id, err := createIncident(ctx, tx, i)
			if err != nil {
				return err
			}
			jobs := []stormdesk.HelpdeskJob{{ID: fmt.Sprint("p", id), IncidentID: id, Helpdesk: "zendesk", Kind: stormdesk.HelpdeskProblem}}
			for k := range links {
				jobs = append(jobs, stormdesk.HelpdeskJob{ID: fmt.Sprintf("l%d-%d", id, k), IncidentID: id, Helpdesk: "zendesk", Kind: stormdesk.HelpdeskLink, Ticket: fmt.Sprint(k)})
			}
			for _, j := range jobs {
				if _, err := tx.EnqueueHelpdesk(ctx, j, t0); err != nil {
					return err
				}
			}
		}
		return nil
	})
	var mu sync.Mutex
	seen := map[int64]int{}
	problemDone := map[int64]bool{}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for k := 0; ; k++ {
				tok := fmt.Sprintf("w%d-%d", w, k)
				cl, err := hd.Claim(ctx, tok, t0, time.Hour, 5)
				if err != nil {
					t.Error(err)
					return
				}
				if len(cl) == 0 {
					mu.Lock()
					done := len(seen) == n*(links+1)
					mu.Unlock()
					if done {
						return
					}
					time.Sleep(time.Millisecond)
					continue
				}
				for _, c := range cl {
					id := c.Recipients[0].ID
					mu.Lock()
					seen[id]++
					if c.Message.Template == stormdesk.HelpdeskLink && !problemDone[c.Message.IncidentID] {
						t.Errorf("link %s claimed before its problem job settled", c.Message.MessageID)
					}
					mu.Unlock()
					if _, err := hd.MarkSending(ctx, tok, []int64{id}, t0); err != nil {
						t.Error(err)
						return
					}
					mu.Lock()
					if c.Message.Template == stormdesk.HelpdeskProblem {
						problemDone[c.Message.IncidentID] = true
					}
					mu.Unlock()
					if err := hd.MarkSent(ctx, tok, []int64{id}, t0, "1"); err != nil {
						t.Error(err)
						return
					}
				}
			}
		})
	}
	wg.Wait()
	if len(seen) != n*(links+1) {
		t.Fatalf("%d of %d rows claimed", len(seen), n*(links+1))
	}
	for id, k := range seen {
		if k != 1 {
			t.Fatalf("row %d claimed %d times", id, k)
		}
	}
}

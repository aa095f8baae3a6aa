package storetest

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"stormdesk"
)

// RunOutboxContract checks that an outbox implementation keeps the
// promises stormdesk.Outbox documents. newStore returns an empty store for
// each subtest (and cleans it up with t.Cleanup).
func RunOutboxContract(t *testing.T, newStore func(t *testing.T) OutboxStore) {
	ctx := context.Background()
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	lease := time.Minute
	msg := func(id string) stormdesk.OutboundMessage {
		return stormdesk.OutboundMessage{IncidentID: 7, MessageID: id, Template: "update", Subject: "Update: login",
			Text: "text " + unsubscribeTag, HTML: "<p>html</p>"}
	}
	recips := func(n int, prefix string) []stormdesk.OutboxRecipient {
		rs := make([]stormdesk.OutboxRecipient, n)
		for i := range rs {
			rs[i] = stormdesk.OutboxRecipient{Email: fmt.Sprintf("%s%03d@example.com", prefix, i), Name: fmt.Sprintf("Customer %d", i)}
		}
		return rs
	}
	enqueue := func(t *testing.T, s OutboxStore, m stormdesk.OutboundMessage, rs []stormdesk.OutboxRecipient) {
		t.Helper()
		if _, err := s.Enqueue(ctx, m, rs, t0); err != nil {
			t.Fatal(err)
		}
	}
	claim := func(t *testing.T, s OutboxStore, token string, now time.Time, max int) []stormdesk.OutboxClaim {
		t.Helper()
		cs, err := s.Claim(ctx, token, now, lease, max)
		if err != nil {
			t.Fatal(err)
		}
		return cs
	}
	rowsOf := func(t *testing.T, s OutboxStore, id string) []stormdesk.Delivery {
		t.Helper()
		rs, err := s.Rows(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return rs
	}
	states := func(t *testing.T, s OutboxStore, id string) map[string]int {
		t.Helper()
		m := map[string]int{}
		for _, r := range rowsOf(t, s, id) {
			m[r.State]++
		}
		return m
	}
	count := func(cs []stormdesk.OutboxClaim) int {
		n := 0
		for _, c := range cs {
			n += len(c.Recipients)
		}
		return n
	}
	all := func(cs []stormdesk.OutboxClaim) []int64 {
		var ids []int64
		for _, c := range cs {
			for _, r := range c.Recipients {
				ids = append(ids, r.ID)
			}
		}
		return ids
	}
	// sending claims everything due and moves it to sending.
	sending := func(t *testing.T, s OutboxStore, token string, now time.Time) []int64 {
		t.Helper()
		ids := all(claim(t, s, token, now, 1000))
		held, err := s.MarkSending(ctx, token, ids, now)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(held, ids) {
			t.Fatalf("MarkSending held %v, want %v", held, ids)
		}
		return ids
	}

	t.Run("EnqueueIsIdempotent", func(t *testing.T) {
		s := newStore(t)
		n, err := s.Enqueue(ctx, msg("m1"), recips(3, "a"), t0)
		if err != nil || n != 3 {
			t.Fatalf("Enqueue = %d, %v; want 3 new", n, err)
		}
		again := recips(4, "a")
		again[0].Email = strings.ToUpper(again[0].Email[:1]) + again[0].Email[1:]
		n, err = s.Enqueue(ctx, msg("m1"), again, t0)
		if err != nil || n != 1 {
			t.Fatalf("second Enqueue = %d, %v; want 1 new (case-insensitive key)", n, err)
		}
		if got := len(rowsOf(t, s, "m1")); got != 4 {
			t.Fatalf("%d rows, want 4", got)
		}
	})

	t.Run("ClaimGroupsByMessageAndLeases", func(t *testing.T) {
		s := newStore(t)
		enqueue(t, s, msg("m1"), recips(3, "a"))
		enqueue(t, s, msg("m2"), recips(2, "b"))
		cs := claim(t, s, "tok1", t0, 10)
		if len(cs) != 2 || count(cs) != 5 {
			t.Fatalf("claimed %d groups, %d rows; want 2 groups, 5 rows", len(cs), count(cs))
		}
		byID := map[string]stormdesk.OutboxClaim{}
		for _, c := range cs {
			byID[c.Message.MessageID] = c
			if c.Token != "tok1" {
				t.Errorf("token %q, want tok1", c.Token)
			}
			if !slices.IsSortedFunc(c.Recipients, func(a, b stormdesk.OutboxRecipient) int { return int(a.ID - b.ID) }) {
				t.Errorf("recipients of %s not in id order", c.Message.MessageID)
			}
			for _, r := range c.Recipients {
				if r.Attempts != 0 || r.ID == 0 || r.Email == "" {
					t.Errorf("recipient %+v: want an id, an email and 0 attempts", r)
				}
			}
		}
		if m := byID["m1"].Message; !reflect.DeepEqual(m, msg("m1")) {
			t.Errorf("message = %+v, want %+v", m, msg("m1"))
		}
		if r := byID["m1"].Recipients[0]; r.Name != "Customer 0" || r.Email != "a000@example.com" {
			t.Errorf("first recipient %+v", r)
		}
		if got := claim(t, s, "tok2", t0.Add(lease-time.Second), 10); len(got) != 0 {
			t.Fatalf("leased rows claimed again before the lease ended: %d groups", len(got))
		}
		if got := states(t, s, "m1"); got[stormdesk.OutboxClaimed] != 3 {
			t.Errorf("states %v, want 3 claimed", got)
		}
	})

	t.Run("ClaimRespectsMaxAndDueOrder", func(t *testing.T) {
		s := newStore(t)
		enqueue(t, s, msg("m1"), recips(25, "a"))
		seen := map[int64]bool{}
		for i := range 3 {
			cs := claim(t, s, fmt.Sprintf("tok%d", i), t0, 10)
			want := []int{10, 10, 5}[i]
			if n := count(cs); n != want {
				t.Fatalf("claim %d took %d rows, want %d", i, n, want)
			}
			for _, id := range all(cs) {
				if seen[id] {
					t.Fatalf("row %d claimed twice", id)
				}
				seen[id] = true
			}
		}
		if cs := claim(t, s, "tok9", t0, 10); len(cs) != 0 {
			t.Fatalf("claimed %d groups from an exhausted outbox", len(cs))
		}
		if cs := claim(t, s, "tokZ", t0, 0); len(cs) != 0 {
			t.Fatalf("max 0 claimed %d groups", len(cs))
		}
	})

	t.Run("RetryIsDueAtItsTime", func(t *testing.T) {
		s := newStore(t)
		enqueue(t, s, msg("m1"), recips(2, "a"))
		ids := sending(t, s, "tok1", t0)
		next := t0.Add(10 * time.Minute)
		if err := s.MarkRetry(ctx, "tok1", ids, next, "status 503: busy"); err != nil {
			t.Fatal(err)
		}
		for _, r := range rowsOf(t, s, "m1") {
			if r.State != stormdesk.OutboxPending || r.Attempts != 1 || r.LastError != "status 503: busy" {
				t.Errorf("after retry: %+v", r)
			}
		}
		if cs := claim(t, s, "tok2", next.Add(-time.Microsecond), 10); len(cs) != 0 {
			t.Fatal("a retry was claimed before it was due")
		}
		cs := claim(t, s, "tok3", next, 10)
		if count(cs) != 2 {
			t.Fatalf("claimed %d rows at the retry time, want 2", count(cs))
		}
		if r := cs[0].Recipients[0]; r.Attempts != 1 {
			t.Errorf("attempts %d, want 1", r.Attempts)
		}
	})

	t.Run("ExpiredClaimIsTakenOverAndFenced", func(t *testing.T) {
		s := newStore(t)
		enqueue(t, s, msg("m1"), recips(3, "a"))
		old := all(claim(t, s, "old", t0, 10))
		// The first dispatcher stalls past its lease; another takes over.
		taken := all(claim(t, s, "new", t0.Add(lease), 10))
		if !slices.Equal(old, taken) {
			t.Fatalf("took over %v, want %v", taken, old)
		}
		held, err := s.MarkSending(ctx, "old", old, t0.Add(lease))
		if err != nil {
			t.Fatal(err)
		}
		if len(held) != 0 {
			t.Fatalf("stale token still holds %v", held)
		}
		for _, f := range []func() error{
			func() error { return s.MarkSent(ctx, "old", old, t0, "x") },
			func() error { return s.MarkRetry(ctx, "old", old, t0, "x") },
			func() error { return s.MarkFailed(ctx, "old", old, t0, "x") },
		} {
			if err := f(); err != nil {
				t.Fatal(err)
			}
		}
		if got := states(t, s, "m1"); got[stormdesk.OutboxClaimed] != 3 {
			t.Fatalf("stale token changed rows: %v", got)
		}
		held, err = s.MarkSending(ctx, "new", taken, t0.Add(lease))
		if err != nil || len(held) != 3 {
			t.Fatalf("new token holds %v, %v", held, err)
		}
	})

	t.Run("PartialTakeOver", func(t *testing.T) {
		s := newStore(t)
		enqueue(t, s, msg("m1"), recips(4, "a"))
		old := all(claim(t, s, "old", t0, 10))
		taken := all(claim(t, s, "new", t0.Add(lease), 2))
		held, err := s.MarkSending(ctx, "old", old, t0.Add(lease))
		if err != nil {
			t.Fatal(err)
		}
		want := slices.DeleteFunc(slices.Clone(old), func(id int64) bool { return slices.Contains(taken, id) })
		if !slices.Equal(held, want) {
			t.Fatalf("old token holds %v, want %v", held, want)
		}
	})

	t.Run("SentAndFailedAreFinal", func(t *testing.T) {
		s := newStore(t)
		enqueue(t, s, msg("m1"), recips(4, "a"))
		ids := sending(t, s, "tok1", t0)
		if err := s.MarkSent(ctx, "tok1", ids[:2], t0.Add(time.Second), "sg-1"); err != nil {
			t.Fatal(err)
		}
		if err := s.MarkFailed(ctx, "tok1", ids[2:], t0.Add(time.Second), "status 400: from.email: bad"); err != nil {
			t.Fatal(err)
		}
		for _, r := range rowsOf(t, s, "m1") {
			switch r.Recipient {
			case "a000@example.com", "a001@example.com":
				if r.State != stormdesk.OutboxSent || r.SentAt == nil || !r.SentAt.Equal(t0.Add(time.Second)) || r.LastError != "" {
					t.Errorf("sent row %+v", r)
				}
			default:
				if r.State != stormdesk.OutboxFailed || r.LastError != "status 400: from.email: bad" || r.SentAt != nil {
					t.Errorf("failed row %+v", r)
				}
			}
			if r.Attempts != 1 {
				t.Errorf("row %d attempts %d, want 1", r.ID, r.Attempts)
			}
		}
		if cs := claim(t, s, "tok2", t0.Add(24*time.Hour), 10); len(cs) != 0 {
			t.Fatal("settled rows were claimed again")
		}
		if n, err := s.ExpireInDoubt(ctx, t0.Add(24*time.Hour), true, "x"); err != nil || n != 0 {
			t.Fatalf("ExpireInDoubt touched settled rows: %d, %v", n, err)
		}
	})

	t.Run("SendingIsNeverClaimedAgain", func(t *testing.T) {
		s := newStore(t)
		enqueue(t, s, msg("m1"), recips(3, "a"))
		sending(t, s, "tok1", t0)
		if cs := claim(t, s, "tok2", t0.Add(100*lease), 10); len(cs) != 0 {
			t.Fatal("rows in doubt were claimed: SendGrid may have them already")
		}
	})

	t.Run("InDoubtFailThenReconcile", func(t *testing.T) {
		s := newStore(t)
		enqueue(t, s, msg("m1"), recips(3, "a"))
		enqueue(t, s, msg("m2"), recips(1, "b"))
		sending(t, s, "tok1", t0)
		if n, err := s.ExpireInDoubt(ctx, t0.Add(lease-time.Second), false, "in doubt"); err != nil || n != 0 {
			t.Fatalf("ExpireInDoubt before the lease ended = %d, %v", n, err)
		}
		n, err := s.ExpireInDoubt(ctx, t0.Add(lease), false, "in doubt")
		if err != nil || n != 4 {
			t.Fatalf("ExpireInDoubt = %d, %v; want 4", n, err)
		}
		if got := states(t, s, "m1"); got[stormdesk.OutboxFailed] != 3 {
			t.Fatalf("states %v, want 3 failed", got)
		}
		if cs := claim(t, s, "tok2", t0.Add(100*lease), 10); len(cs) != 0 {
			t.Fatal("in-doubt failures were claimed")
		}
		// A webhook event for the batch proves SendGrid accepted it.
		n, err = s.Reconcile(ctx, "tok1", "m1", t0.Add(2*lease))
		if err != nil || n != 3 {
			t.Fatalf("Reconcile = %d, %v; want 3", n, err)
		}
		if n, _ := s.Reconcile(ctx, "tok1", "m1", t0.Add(2*lease)); n != 0 {
			t.Fatalf("second Reconcile marked %d", n)
		}
		if n, _ := s.Reconcile(ctx, "other", "m2", t0); n != 0 {
			t.Fatalf("Reconcile with another token marked %d", n)
		}
		if got := states(t, s, "m1"); got[stormdesk.OutboxSent] != 3 {
			t.Fatalf("states %v, want 3 sent", got)
		}
		if got := states(t, s, "m2"); got[stormdesk.OutboxFailed] != 1 {
			t.Fatalf("m2 states %v, want 1 failed (no event for it)", got)
		}
	})

	t.Run("InDoubtReconciledWhileSending", func(t *testing.T) {
		s := newStore(t)
		enqueue(t, s, msg("m1"), recips(2, "a"))
		sending(t, s, "tok1", t0)
		if n, err := s.Reconcile(ctx, "tok1", "m1", t0); err != nil || n != 2 {
			t.Fatalf("Reconcile = %d, %v", n, err)
		}
		if n, _ := s.ExpireInDoubt(ctx, t0.Add(10*lease), false, "x"); n != 0 {
			t.Fatalf("ExpireInDoubt settled %d reconciled rows", n)
		}
	})

	t.Run("InDoubtResend", func(t *testing.T) {
		s := newStore(t)
		enqueue(t, s, msg("m1"), recips(2, "a"))
		sending(t, s, "tok1", t0)
		n, err := s.ExpireInDoubt(ctx, t0.Add(lease), true, "in doubt, resent")
		if err != nil || n != 2 {
			t.Fatalf("ExpireInDoubt = %d, %v", n, err)
		}
		cs := claim(t, s, "tok2", t0.Add(lease), 10)
		if count(cs) != 2 || cs[0].Recipients[0].Attempts != 1 {
			t.Fatalf("resend claim %+v", cs)
		}
	})

	t.Run("LateAnswerCorrectsInDoubtFailure", func(t *testing.T) {
		s := newStore(t)
		enqueue(t, s, msg("m1"), recips(2, "a"))
		ids := sending(t, s, "tok1", t0)
		if _, err := s.ExpireInDoubt(ctx, t0.Add(lease), false, "in doubt"); err != nil {
			t.Fatal(err)
		}
		if err := s.MarkSent(ctx, "tok1", ids, t0.Add(lease), "sg"); err != nil {
			t.Fatal(err)
		}
		if got := states(t, s, "m1"); got[stormdesk.OutboxSent] != 2 {
			t.Fatalf("states %v, want 2 sent", got)
		}
	})

	t.Run("SuppressedAreNeverClaimed", func(t *testing.T) {
		s := newStore(t)
		enqueue(t, s, msg("m1"), recips(3, "a"))
		if err := s.Suppress(ctx, "A001@example.com", t0); err != nil {
			t.Fatal(err)
		}
		cs := claim(t, s, "tok1", t0, 10)
		for _, r := range cs[0].Recipients {
			if r.Email == "a001@example.com" {
				t.Fatal("claimed a suppressed recipient")
			}
		}
		if count(cs) != 2 {
			t.Fatalf("claimed %d, want 2", count(cs))
		}
		if got := states(t, s, "m1"); got[stormdesk.OutboxSuppressed] != 1 {
			t.Fatalf("states %v, want 1 suppressed", got)
		}
	})

	t.Run("ConcurrentClaimsNeverOverlap", func(t *testing.T) {
		s := newStore(t)
		const n = 600
		enqueue(t, s, msg("m1"), recips(n/2, "a"))
		enqueue(t, s, msg("m2"), recips(n/2, "b"))
		var (
			mu   sync.Mutex
			seen = map[int64]string{}
			wg   sync.WaitGroup
			errs = make(chan error, 8)
		)
		for w := range 8 {
			wg.Go(func() {
				for i := 0; ; i++ {
					tok := fmt.Sprintf("w%d-%d", w, i)
					cs, err := s.Claim(ctx, tok, t0, lease, 7)
					if err != nil {
						errs <- err
						return
					}
					if len(cs) == 0 {
						return
					}
					ids := all(cs)
					held, err := s.MarkSending(ctx, tok, ids, t0)
					if err != nil || len(held) != len(ids) {
						errs <- fmt.Errorf("MarkSending held %d of %d: %v", len(held), len(ids), err)
						return
					}
					if err := s.MarkSent(ctx, tok, ids, t0, tok); err != nil {
						errs <- err
						return
					}
					mu.Lock()
					for _, id := range ids {
						if prev, dup := seen[id]; dup {
							errs <- fmt.Errorf("row %d claimed by %s and %s", id, prev, tok)
						}
						seen[id] = tok
					}
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		if len(seen) != n {
			t.Fatalf("%d rows sent, want %d", len(seen), n)
		}
	})
}

// unsubscribeTag stands for the dispatcher's per-recipient unsubscribe
// placeholder in the suite's messages: the outbox stores text as given.
const unsubscribeTag = "-stormdesk_unsubscribe_url-"

// OutboxStore is an Outbox plus the writes the desk makes in its own
// transactions, which the contract suite needs to set up its cases.
type OutboxStore interface {
	stormdesk.Outbox
	// Enqueue stores msg once (by MessageID) and one pending row per
	// recipient, due at once, unique on (MessageID, lower(email)); it
	// returns how many rows were new. In the real store this runs inside
	// the transaction of the status change that causes the message.
	Enqueue(ctx context.Context, msg stormdesk.OutboundMessage, recipients []stormdesk.OutboxRecipient, at time.Time) (int, error)
	// Suppress records that email must get no more mail (unsubscribe,
	// bounce, spam report).
	Suppress(ctx context.Context, email string, at time.Time) error
	// Rows returns the rows of one message in id order.
	Rows(ctx context.Context, messageID string) ([]stormdesk.Delivery, error)
}

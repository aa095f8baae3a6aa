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

// runChatOutbox checks the chat side of the outbox: posts stored once,
// claimed one platform row at a time, in order per incident and platform,
// fenced by their claim token, and kept apart from the email rows.
func runChatOutbox(t *testing.T, open Opener) {
	ctx := context.Background()
	s, _ := open(t)
	defer s.Close()
	chat := capability[stormdesk.ChatOutboxStore](t, s).ChatOutbox()
	email := capability[stormdesk.Outbox](t, s)
	incs := createIncidents(t, s, 2)
	platforms := []string{"discord", "slack"}
	enqueue := func(p stormdesk.ChatPost, at time.Time) int {
		t.Helper()
		var n int
		update(t, s, func(tx stormdesk.Tx) (err error) { n, err = tx.EnqueueChat(ctx, p, platforms, at); return err })
		return n
	}
	alert := stormdesk.ChatPost{ID: "chat:alert:a", IncidentID: incs[0], Kind: stormdesk.ChatPostAlert, Text: "burst of login tickets"}
	if n := enqueue(alert, t0); n != 2 {
		t.Fatalf("alert stored for %d platforms, want 2", n)
	}
	if n := enqueue(alert, t0); n != 0 {
		t.Fatalf("the same alert raised again stored %d rows, want 0", n)
	}
	// An update while the alert waits: the alert will render it.
	if n := enqueue(stormdesk.ChatPost{ID: "chat:update:1", IncidentID: incs[0], Kind: stormdesk.ChatPostUpdate}, t0); n != 0 {
		t.Fatalf("an update behind a waiting alert stored %d rows, want 0", n)
	}
	// An email of the same incident stays with the email dispatcher.
	update(t, s, func(tx stormdesk.Tx) error {
		_, err := tx.EnqueueMessage(ctx, &stormdesk.OutboundMessage{IncidentID: incs[0], MessageID: "mail-1", Template: "acknowledged", Subject: "s", Text: "t", HTML: "h"},
			[]stormdesk.Customer{{Email: "ana@example.com"}}, t0)
		return err
	})

	// settle marks rows sent, as a dispatcher does once a post went out.
	settle := func(token string, ids []int64) {
		t.Helper()
		if held, err := chat.MarkSending(ctx, token, ids, t0); err != nil || len(held) != len(ids) {
			t.Fatalf("mark sending: %v %v", held, err)
		}
		if err := chat.MarkSent(ctx, token, ids, t0, ""); err != nil {
			t.Fatal(err)
		}
	}
	var claimed []int64 // by the last claim
	claim := func(token string, at time.Time, max int) []string {
		t.Helper()
		cl, err := chat.Claim(ctx, token, at, time.Minute, max)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		claimed = nil
		for _, c := range cl {
			claimed = append(claimed, c.Recipients[0].ID)
			if c.Token != token || len(c.Recipients) != 1 {
				t.Fatalf("claim %+v: want one platform row with the caller's token", c)
			}
			got = append(got, fmt.Sprintf("%s/%s/%s:%s", c.Message.MessageID, c.Recipients[0].Email, c.Message.Template, c.Message.Subject))
		}
		sort.Strings(got)
		return got
	}
	ids := func(token string, at time.Time) map[string]int64 {
		t.Helper()
		cl, err := chat.Claim(ctx, token, at, time.Minute, 10)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]int64{}
		for _, c := range cl {
			out[c.Message.MessageID+"/"+c.Recipients[0].Email] = c.Recipients[0].ID
		}
		return out
	}
	got := ids("tok-1", t0)
	if len(got) != 2 || got["chat:alert:a/slack"] == 0 || got["chat:alert:a/discord"] == 0 {
		t.Fatalf("first claim: %v, want the alert for both platforms and no email", got)
	}
	// Now the alert is claimed, an update is stored, but not claimable
	// before the alert is settled on that platform.
	if n := enqueue(stormdesk.ChatPost{ID: "chat:update:2", IncidentID: incs[0], Kind: stormdesk.ChatPostUpdate}, t0.Add(time.Second)); n != 2 {
		t.Fatalf("an update behind a claimed alert stored %d rows, want 2", n)
	}
	enqueue(stormdesk.ChatPost{ID: "chat:reminder:b", IncidentID: incs[1], Kind: stormdesk.ChatPostReminder, Text: "no update for 30 minutes"}, t0.Add(time.Second))
	if got := claim("tok-2", t0.Add(2*time.Second), 10); strings.Join(got, " ") != "chat:reminder:b/discord/reminder:no update for 30 minutes chat:reminder:b/slack/reminder:no update for 30 minutes" {
		t.Fatalf("claim behind a claimed alert: %v, want only the other incident's reminder", got)
	}
	settle("tok-2", claimed)
	settle("tok-1", []int64{got["chat:alert:a/slack"]})
	if got := claim("tok-3", t0.Add(3*time.Second), 10); strings.Join(got, " ") != "chat:update:2/slack/update:" {
		t.Fatalf("after the Slack alert was sent: %v, want the Slack update only", got)
	}
	settle("tok-3", claimed)
	// The Discord alert's claimer stalls past its lease: another takes it,
	// and the first can no longer touch it.
	after := t0.Add(2 * time.Minute)
	again := ids("tok-4", after)
	if again["chat:alert:a/discord"] != got["chat:alert:a/discord"] {
		t.Fatalf("expired claim not taken over: %v", again)
	}
	if held, err := chat.MarkSending(ctx, "tok-1", []int64{got["chat:alert:a/discord"]}, after); err != nil || len(held) != 0 {
		t.Fatalf("the stale claimer still holds the row: %v %v", held, err)
	}
	// A retry waits for its time.
	if err := chat.MarkRetry(ctx, "tok-4", []int64{again["chat:alert:a/discord"]}, after.Add(time.Minute), "status 503"); err != nil {
		t.Fatal(err)
	}
	if got := claim("tok-5", after.Add(30*time.Second), 10); len(got) != 0 {
		t.Fatalf("claimed before the retry is due: %v", got)
	}
	if got := claim("tok-6", after.Add(time.Minute), 10); strings.Join(got, " ") != "chat:alert:a/discord/alert:burst of login tickets" {
		t.Fatalf("the retry: %v", got)
	}
	// In doubt: a row left sending is settled by the chat outbox's
	// ExpireInDoubt, never by the email one's.
	inDoubt := ids("tok-7", after.Add(2*time.Minute))
	var id int64
	for _, v := range inDoubt {
		id = v
	}
	if id == 0 {
		t.Fatalf("nothing to send: %v", inDoubt)
	}
	if _, err := chat.MarkSending(ctx, "tok-7", []int64{id}, after); err != nil {
		t.Fatal(err)
	}
	late := after.Add(time.Hour)
	if n, err := email.ExpireInDoubt(ctx, late, false, "in doubt"); err != nil || n != 0 {
		t.Fatalf("the email outbox settled %d chat rows (%v)", n, err)
	}
	if n, err := chat.ExpireInDoubt(ctx, late, false, "in doubt"); err != nil || n != 1 {
		t.Fatalf("the chat outbox settled %d rows (%v), want 1", n, err)
	}
	// The email dispatcher sees its email only, and the email views list
	// no chat post.
	ec, err := email.Claim(ctx, "mail-tok", late, time.Minute, 100)
	if err != nil || len(ec) != 1 || ec[0].Message.MessageID != "mail-1" || len(ec[0].Recipients) != 1 {
		t.Fatalf("email claim: %+v %v", ec, err)
	}
	err = s.View(ctx, func(tx stormdesk.Tx) error {
		ms, err := tx.Messages(ctx, 0, time.Time{})
		if err != nil {
			return err
		}
		if len(ms) != 1 || ms[0].MessageID != "mail-1" {
			t.Errorf("messages list chat posts: %+v", ms)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// runChatOutboxRace: claimers racing over many incidents' alerts (as the
// dispatchers of several replicas do) never take the same row twice.
func runChatOutboxRace(t *testing.T, open Opener) {
	ctx := context.Background()
	s, _ := open(t)
	defer s.Close()
	chat := s.(stormdesk.ChatOutboxStore).ChatOutbox()
	const n = 60
	update(t, s, func(tx stormdesk.Tx) error {
		for i := range n {
			id, err := createIncident(ctx, tx, i)
			if err != nil {
				return err
			}
			if _, err := tx.EnqueueChat(ctx, stormdesk.ChatPost{ID: fmt.Sprint("chat:alert:", id), IncidentID: id, Kind: stormdesk.ChatPostAlert, Text: "x"},
				[]string{"slack"}, t0); err != nil {
				return err
			}
		}
		return nil
	})
	var mu sync.Mutex
	seen := map[int64]int{}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for k := 0; ; k++ {
				cl, err := chat.Claim(ctx, fmt.Sprintf("w%d-%d", w, k), t0, time.Hour, 5)
				if err != nil {
					t.Error(err)
					return
				}
				if len(cl) == 0 {
					return
				}
				mu.Lock()
				for _, c := range cl {
					seen[c.Recipients[0].ID]++
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if len(seen) != n {
		t.Fatalf("%d of %d rows claimed", len(seen), n)
	}
	for id, k := range seen {
		if k != 1 {
			t.Fatalf("row %d claimed %d times", id, k)
		}
	}
}

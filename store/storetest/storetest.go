// Package storetest is the one contract suite that every store backend
// must pass. Each backend's test calls Run with a function that opens a
// fresh, migrated store and can reopen the same database.
package storetest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"stormdesk"
)

// Opener opens a fresh empty store; reopen opens the same database again
// (as a restart would) after the caller closed the first one.
type Opener func(t *testing.T) (s stormdesk.Store, reopen func() stormdesk.Store)

var t0 = time.Date(2018, 11, 28, 16, 46, 0, 123456000, time.UTC)

func ticket(ext, subject string, at time.Time) *stormdesk.Ticket {
	return &stormdesk.Ticket{Source: stormdesk.SourceAPI, ExternalID: ext, CustomerEmail: "ana@example.com",
		Subject: subject, Body: "body of " + subject, ReceivedAt: at, CreatedAt: at.Add(time.Second)}
}

func update(t *testing.T, s stormdesk.Store, fn func(stormdesk.Tx) error) {
	t.Helper()
	if err := s.Update(context.Background(), fn); err != nil {
		t.Fatal(err)
	}
}

// capability returns s as the optional store interface T (the chat or
// helpdesk outbox, say), failing the test when the backend lacks it.
func capability[T any](t *testing.T, s stormdesk.Store) T {
	t.Helper()
	c, ok := s.(T)
	if !ok {
		t.Fatalf("%T does not implement %v", s, reflect.TypeFor[T]())
	}
	return c
}

// createIncident creates incident "inc i", in triage at t0, and returns
// its id: the outbox tests need incidents to hang rows on, nothing more.
func createIncident(ctx context.Context, tx stormdesk.Tx, i int) (int64, error) {
	inc := &stormdesk.Incident{Title: fmt.Sprint("inc ", i), Status: stormdesk.StatusTriage, Severity: stormdesk.SeverityMinor, CreatedAt: t0, UpdatedAt: t0}
	err := tx.CreateIncident(ctx, inc)
	return inc.ID, err
}

// createIncidents creates incidents "inc 0" to "inc n-1" in one
// transaction and returns their ids.
func createIncidents(t *testing.T, s stormdesk.Store, n int) []int64 {
	t.Helper()
	ids := make([]int64, n)
	update(t, s, func(tx stormdesk.Tx) error {
		for i := range ids {
			var err error
			if ids[i], err = createIncident(context.Background(), tx, i); err != nil {
				return err
			}
		}
		return nil
	})
	return ids
}

// Run runs the whole contract suite.
func Run(t *testing.T, open Opener) {
	ctx := context.Background()

	t.Run("TicketRoundTripAndRestart", func(t *testing.T) {
		s, reopen := open(t)
		in := ticket("zd-1", "Can't log in", t0)
		in.CustomerName, in.Organisation, in.ExternalCustomerID = "Ana Núñez", "Acme ☂", "29418"
		in.Body = strings.Repeat("é", stormdesk.MaxBodyLen/2)
		var created []bool
		update(t, s, func(tx stormdesk.Tx) (err error) {
			created, err = tx.CreateTickets(ctx, []*stormdesk.Ticket{in})
			return err
		})
		if !created[0] || in.ID == 0 {
			t.Fatalf("created=%v id=%d, want a new ticket with an id", created, in.ID)
		}
		s.Close()
		s = reopen()
		defer s.Close()
		var got *stormdesk.Ticket
		if err := s.View(ctx, func(tx stormdesk.Tx) (err error) { got, err = tx.Ticket(ctx, in.ID); return err }); err != nil {
			t.Fatal(err)
		}
		if got.Subject != in.Subject || got.Body != in.Body || got.CustomerName != in.CustomerName || got.Organisation != in.Organisation ||
			got.ExternalID != "zd-1" || got.Source != "api" || got.ExternalCustomerID != "29418" {
			t.Fatalf("round trip changed the ticket: got %+v", got.String())
		}
		var byExt *stormdesk.Ticket
		if err := s.View(ctx, func(tx stormdesk.Tx) (err error) { byExt, err = tx.TicketByExternalID(ctx, "api", "zd-1"); return err }); err != nil {
			t.Fatal(err)
		}
		if byExt.ID != in.ID || byExt.ExternalCustomerID != "29418" {
			t.Fatalf("by external id: got %+v", byExt)
		}
		for _, k := range [][2]string{{"api", "zd-2"}, {stormdesk.SourceEmail, "zd-1"}} {
			err := s.View(ctx, func(tx stormdesk.Tx) error { _, err := tx.TicketByExternalID(ctx, k[0], k[1]); return err })
			if stormdesk.ErrorCode(err) != stormdesk.ENOTFOUND {
				t.Fatalf("ticket %s/%s: %v, want ENOTFOUND", k[0], k[1], err)
			}
		}
		if !got.ReceivedAt.Equal(t0) || got.ReceivedAt.Location() != time.UTC || !got.CreatedAt.Equal(t0.Add(time.Second)) {
			t.Fatalf("times: got received %v created %v, want %v (UTC, microseconds kept)", got.ReceivedAt, got.CreatedAt, t0)
		}
	})

	t.Run("TicketTagsAndChannel", func(t *testing.T) {
		s, reopen := open(t)
		// The most a ticket may carry: MaxTags tags of MaxTagLen bytes,
		// multi-byte text, JSON's special characters and a tag that
		// looks like JSON, in an order that is not sorted.
		tags := make([]string, stormdesk.MaxTags)
		for i := range tags {
			tags[i] = fmt.Sprintf("%02d-%s", stormdesk.MaxTags-i, strings.Repeat("x", stormdesk.MaxTagLen-3))
		}
		tags[0] = strings.Repeat("☂", stormdesk.MaxTagLen/3)
		tags[1] = `"quoted" \ back,slash`
		tags[2] = `["not","an","array"]`
		tagged := ticket("zd-tags", "Tagged", t0)
		tagged.Tags, tagged.Channel = tags, stormdesk.TicketChannelChat
		plain := ticket("zd-plain", "Untagged", t0.Add(time.Second))
		update(t, s, func(tx stormdesk.Tx) error {
			_, err := tx.CreateTickets(ctx, []*stormdesk.Ticket{tagged, plain})
			return err
		})
		s.Close()
		s = reopen()
		defer s.Close()
		check := func(how string, got *stormdesk.Ticket, wantTags []string, wantChannel string) {
			t.Helper()
			if fmt.Sprintf("%q", got.Tags) != fmt.Sprintf("%q", wantTags) || got.Channel != wantChannel {
				t.Errorf("%s: ticket %d: tags %q channel %q, want %q and %q", how, got.ID, got.Tags, got.Channel, wantTags, wantChannel)
			}
			if wantTags == nil && got.Tags != nil {
				t.Errorf("%s: ticket %d: tags %#v, want nil", how, got.ID, got.Tags)
			}
		}
		var byID, byExt *stormdesk.Ticket
		var list []*stormdesk.Ticket
		if err := s.View(ctx, func(tx stormdesk.Tx) (err error) {
			if byID, err = tx.Ticket(ctx, tagged.ID); err != nil {
				return err
			}
			if byExt, err = tx.TicketByExternalID(ctx, stormdesk.SourceAPI, "zd-plain"); err != nil {
				return err
			}
			list, err = tx.Tickets(ctx, stormdesk.TicketFilter{})
			return err
		}); err != nil {
			t.Fatal(err)
		}
		check("by id", byID, tags, "chat")
		check("by external id", byExt, nil, "")
		if len(list) != 2 {
			t.Fatalf("listed %d tickets, want 2", len(list))
		}
		check("listed", list[0], tags, "chat")
		check("listed", list[1], nil, "")
		// A repeat delivery answers with the stored tags and channel,
		// not the ones it carries.
		again := ticket("zd-tags", "Tagged", t0)
		again.Tags, again.Channel = []string{"other"}, stormdesk.TicketChannelEmail
		update(t, s, func(tx stormdesk.Tx) error { _, err := tx.CreateTickets(ctx, []*stormdesk.Ticket{again}); return err })
		check("repeat", again, tags, "chat")
	})

	t.Run("TicketNotFound", func(t *testing.T) {
		s, _ := open(t)
		defer s.Close()
		err := s.View(ctx, func(tx stormdesk.Tx) error { _, err := tx.Ticket(ctx, 424242); return err })
		if stormdesk.ErrorCode(err) != stormdesk.ENOTFOUND {
			t.Fatalf("got %v, want ENOTFOUND", err)
		}
	})

	t.Run("TicketsIdempotentOnSourceAndExternalID", func(t *testing.T) {
		s, _ := open(t)
		defer s.Close()
		first := ticket("zd-7", "Login broken", t0)
		update(t, s, func(tx stormdesk.Tx) error { _, err := tx.CreateTickets(ctx, []*stormdesk.Ticket{first}); return err })

		again := ticket("zd-7", "Login broken (resent, edited)", t0.Add(time.Hour))
		other := ticket("zd-7", "same id, other source", t0)
		other.Source = stormdesk.SourceEmail
		noExt1, noExt2 := ticket("", "no id", t0), ticket("", "no id", t0)
		dupInBatch1, dupInBatch2 := ticket("zd-8", "twice in one batch", t0), ticket("zd-8", "twice in one batch", t0)
		batch := []*stormdesk.Ticket{again, other, noExt1, noExt2, dupInBatch1, dupInBatch2}
		var created []bool
		update(t, s, func(tx stormdesk.Tx) (err error) { created, err = tx.CreateTickets(ctx, batch); return err })
		want := []bool{false, true, true, true, true, false}
		if fmt.Sprint(created) != fmt.Sprint(want) {
			t.Fatalf("created = %v, want %v", created, want)
		}
		if again.ID != first.ID || again.Subject != first.Subject || !again.ReceivedAt.Equal(first.ReceivedAt) {
			t.Fatalf("a repeat must come back as the stored ticket: got id %d subject %q, want id %d subject %q", again.ID, again.Subject, first.ID, first.Subject)
		}
		if dupInBatch2.ID != dupInBatch1.ID || noExt1.ID == noExt2.ID || other.ID == first.ID {
			t.Fatalf("ids: dup %d/%d noext %d/%d other %d first %d", dupInBatch1.ID, dupInBatch2.ID, noExt1.ID, noExt2.ID, other.ID, first.ID)
		}
		var all []*stormdesk.Ticket
		s.View(ctx, func(tx stormdesk.Tx) (err error) { all, err = tx.Tickets(ctx, stormdesk.TicketFilter{}); return err })
		if len(all) != 5 {
			t.Fatalf("stored %d tickets, want 5", len(all))
		}
	})

	t.Run("ConcurrentDuplicateDeliveries", func(t *testing.T) {
		s, _ := open(t)
		defer s.Close()
		var wg sync.WaitGroup
		ids := make([]int64, 16)
		errs := make([]error, 16)
		for i := range ids {
			wg.Add(1)
			go func() {
				defer wg.Done()
				tk := ticket("race-1", "dup", t0)
				errs[i] = s.Update(ctx, func(tx stormdesk.Tx) error { _, err := tx.CreateTickets(ctx, []*stormdesk.Ticket{tk}); return err })
				ids[i] = tk.ID
			}()
		}
		wg.Wait()
		for i := range ids {
			// ON CONFLICT DO NOTHING makes a concurrent repeat wait for
			// the first insert and come back as the stored ticket: any
			// error, like any second id, is a failure.
			if errs[i] != nil {
				t.Fatalf("delivery %d: %v", i, errs[i])
			}
			if ids[i] != ids[0] {
				t.Fatalf("deliveries got ids %v, want one id", ids)
			}
		}
	})

	t.Run("RollbackLeavesNothing", func(t *testing.T) {
		s, _ := open(t)
		defer s.Close()
		boom := errors.New("boom")
		err := s.Update(ctx, func(tx stormdesk.Tx) error {
			if _, err := tx.CreateTickets(ctx, []*stormdesk.Ticket{ticket("rb-1", "x", t0)}); err != nil {
				return err
			}
			inc := &stormdesk.Incident{Title: "x", Status: stormdesk.StatusTriage, Severity: stormdesk.SeverityMinor, CreatedAt: t0, UpdatedAt: t0}
			if err := tx.CreateIncident(ctx, inc); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("Update returned %v, want the callback's error", err)
		}
		s.View(ctx, func(tx stormdesk.Tx) error {
			ts, _ := tx.Tickets(ctx, stormdesk.TicketFilter{})
			is, _ := tx.Incidents(ctx, stormdesk.IncidentFilter{})
			if len(ts) != 0 || len(is) != 0 {
				t.Fatalf("after rollback: %d tickets, %d incidents stored", len(ts), len(is))
			}
			return nil
		})
	})

	t.Run("TicketFilters", func(t *testing.T) {
		s, _ := open(t)
		defer s.Close()
		var tks []*stormdesk.Ticket
		for i := range 5 {
			// Inserted out of time order to check ordering by received time.
			tks = append(tks, ticket(fmt.Sprintf("f-%d", i), fmt.Sprintf("t%d", i), t0.Add(time.Duration(4-i)*time.Minute)))
		}
		inc := &stormdesk.Incident{Title: "Login", Status: stormdesk.StatusTriage, Severity: stormdesk.SeverityMajor, CreatedAt: t0, UpdatedAt: t0}
		update(t, s, func(tx stormdesk.Tx) error {
			if _, err := tx.CreateTickets(ctx, tks); err != nil {
				return err
			}
			if err := tx.CreateIncident(ctx, inc); err != nil {
				return err
			}
			for _, tk := range tks[:2] {
				if err := tx.SetTicketIncident(ctx, tk.ID, inc.ID, 77); err != nil {
					return err
				}
			}
			return nil
		})
		s.View(ctx, func(tx stormdesk.Tx) error {
			all, _ := tx.Tickets(ctx, stormdesk.TicketFilter{})
			if got := subjects(all); got != "t4 t3 t2 t1 t0" {
				t.Errorf("order by received time: got %s", got)
			}
			linked, _ := tx.Tickets(ctx, stormdesk.TicketFilter{IncidentID: inc.ID})
			if got := subjects(linked); got != "t1 t0" || linked[0].ClusterID != 77 || linked[0].IncidentID != inc.ID {
				t.Errorf("by incident: got %s", got)
			}
			since, _ := tx.Tickets(ctx, stormdesk.TicketFilter{Since: t0.Add(3 * time.Minute)})
			if got := subjects(since); got != "t1 t0" {
				t.Errorf("since: got %s", got)
			}
			lim, _ := tx.Tickets(ctx, stormdesk.TicketFilter{Limit: 2})
			if got := subjects(lim); got != "t4 t3" {
				t.Errorf("limit: got %s", got)
			}
			after, _ := tx.Tickets(ctx, stormdesk.TicketFilter{AfterID: tks[3].ID})
			if got := subjects(after); got != "t4" {
				t.Errorf("after id: got %s", got)
			}
			got, _ := tx.Incident(ctx, inc.ID)
			if got.TicketCount != 2 {
				t.Errorf("ticket count = %d, want 2", got.TicketCount)
			}
			return nil
		})
		err := s.Update(ctx, func(tx stormdesk.Tx) error { return tx.SetTicketIncident(ctx, 999999, inc.ID, 0) })
		if stormdesk.ErrorCode(err) != stormdesk.ENOTFOUND {
			t.Fatalf("linking a missing ticket: %v, want ENOTFOUND", err)
		}
	})

	t.Run("IncidentLifecycle", func(t *testing.T) {
		s, reopen := open(t)
		inc := &stormdesk.Incident{Title: "Auth0 outage", Status: stormdesk.StatusTriage, Severity: stormdesk.SeverityCritical,
			Features: []string{"login", "screenshare"}, CreatedAt: t0, UpdatedAt: t0}
		other := &stormdesk.Incident{Title: "Billing", Status: stormdesk.StatusInvestigating, Severity: stormdesk.SeverityMinor, CreatedAt: t0, UpdatedAt: t0}
		update(t, s, func(tx stormdesk.Tx) error {
			if err := tx.CreateIncident(ctx, inc); err != nil {
				return err
			}
			return tx.CreateIncident(ctx, other)
		})
		ack, res := t0.Add(10*time.Minute), t0.Add(2*time.Hour)
		update(t, s, func(tx stormdesk.Tx) error {
			got, err := tx.Incident(ctx, inc.ID)
			if err != nil {
				return err
			}
			if got.AcknowledgedAt != nil || got.ResolvedAt != nil || fmt.Sprint(got.Features) != "[login screenshare]" {
				t.Errorf("fresh incident: %+v", got)
			}
			got.Status, got.AcknowledgedAt, got.ResolvedAt, got.UpdatedAt = stormdesk.StatusResolved, &ack, &res, res
			got.LikelyCause = "Auth0: elevated error rates"
			return tx.UpdateIncident(ctx, got)
		})
		s.Close()
		s = reopen()
		defer s.Close()
		s.View(ctx, func(tx stormdesk.Tx) error {
			got, err := tx.Incident(ctx, inc.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Status != stormdesk.StatusResolved || got.AcknowledgedAt == nil || !got.AcknowledgedAt.Equal(ack) || !got.ResolvedAt.Equal(res) || got.LikelyCause == "" {
				t.Errorf("after update: %+v", got)
			}
			open, _ := tx.Incidents(ctx, stormdesk.IncidentFilter{Open: true})
			all, _ := tx.Incidents(ctx, stormdesk.IncidentFilter{})
			if len(open) != 1 || open[0].ID != other.ID || len(all) != 2 || all[0].ID != other.ID {
				t.Errorf("open = %d incidents, all = %d (newest first)", len(open), len(all))
			}
			_, err = tx.Incident(ctx, 987654)
			if stormdesk.ErrorCode(err) != stormdesk.ENOTFOUND {
				t.Errorf("missing incident: %v", err)
			}
			return nil
		})
		err := s.Update(ctx, func(tx stormdesk.Tx) error {
			return tx.UpdateIncident(ctx, &stormdesk.Incident{ID: 987654, Title: "x", Status: stormdesk.StatusTriage, Severity: stormdesk.SeverityMinor, UpdatedAt: t0})
		})
		if stormdesk.ErrorCode(err) != stormdesk.ENOTFOUND {
			t.Errorf("updating a missing incident: %v", err)
		}
	})

	t.Run("ClustersAndTriageState", func(t *testing.T) { runClusters(t, open) })

	t.Run("UpstreamWatching", func(t *testing.T) { runUpstream(t, open) })
	t.Run("CustomersAndAudience", func(t *testing.T) { runAudience(t, open) })
	t.Run("HeldMessagesAndPolicy", func(t *testing.T) { runHeld(t, open) })
	t.Run("ChatStateSharedByReplicas", func(t *testing.T) { runChat(t, open) })
	t.Run("Reminders", func(t *testing.T) { runReminders(t, open) })
	t.Run("ChatOutbox", func(t *testing.T) { runChatOutbox(t, open) })
	t.Run("ChatOutboxRacingClaims", func(t *testing.T) { runChatOutboxRace(t, open) })
	t.Run("HelpdeskOutbox", func(t *testing.T) { runHelpdeskOutbox(t, open) })
	t.Run("HelpdeskOutboxRacingClaims", func(t *testing.T) { runHelpdeskOutboxRace(t, open) })
	t.Run("TriageSharedByReplicas", func(t *testing.T) { runTriageShared(t, open) })
	t.Run("StatusPage", func(t *testing.T) { runStatusPage(t, open) })
	t.Run("Maintenance", func(t *testing.T) { runMaintenance(t, open) })
	t.Run("ComponentSubscriptions", func(t *testing.T) { runComponentSubscriptions(t, open) })
	t.Run("SubscriptionLeftovers", func(t *testing.T) { runSubscriptionLeftovers(t, open) })

	t.Run("Timeline", func(t *testing.T) {
		s, _ := open(t)
		defer s.Close()
		inc := &stormdesk.Incident{Title: "x", Status: stormdesk.StatusTriage, Severity: stormdesk.SeverityMinor, CreatedAt: t0, UpdatedAt: t0}
		update(t, s, func(tx stormdesk.Tx) error {
			if err := tx.CreateIncident(ctx, inc); err != nil {
				return err
			}
			for i, at := range []time.Time{t0.Add(time.Hour), t0, t0.Add(time.Hour), t0.Add(-time.Hour)} {
				e := &stormdesk.TimelineEntry{IncidentID: inc.ID, At: at, Kind: stormdesk.KindNote, Actor: "U123", Text: fmt.Sprintf("e%d", i)}
				if i == 0 {
					e.Data = json.RawMessage(`{"tickets":3}`)
				}
				if err := tx.AppendTimeline(ctx, e); err != nil {
					return err
				}
			}
			return nil
		})
		s.View(ctx, func(tx stormdesk.Tx) error {
			es, err := tx.Timeline(ctx, inc.ID)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range es {
				got = append(got, e.Text)
			}
			if strings.Join(got, " ") != "e3 e1 e0 e2" {
				t.Errorf("timeline order (time, then insertion): %v", got)
			}
			if string(es[2].Data) != `{"tickets":3}` || es[0].Data != nil || es[0].At.Location() != time.UTC {
				t.Errorf("data/at round trip: %s %s %v", es[2].Data, es[0].Data, es[0].At)
			}
			return nil
		})
		s.View(ctx, func(tx stormdesk.Tx) error {
			var n int
			stop := errors.New("stop")
			err := tx.EachTimelineEntry(ctx, inc.ID, func(e *stormdesk.TimelineEntry) error {
				if n++; n == 2 {
					return stop
				}
				return nil
			})
			if !errors.Is(err, stop) || n != 2 {
				t.Errorf("EachTimelineEntry must stop on the callback's error: %v after %d", err, n)
			}
			return nil
		})
		update(t, s, func(tx stormdesk.Tx) error {
			es, _ := tx.Timeline(ctx, inc.ID)
			e := es[0]
			e.Text, e.At, e.Data = "corrected", t0.Add(2*time.Hour), json.RawMessage(`{"queued":3}`)
			if err := tx.UpdateTimelineEntry(ctx, e); err != nil {
				return err
			}
			got, err := tx.TimelineEntry(ctx, e.ID)
			if err != nil || got.Text != "corrected" || !got.At.Equal(t0.Add(2*time.Hour)) || got.Kind != stormdesk.KindNote || string(got.Data) != `{"queued":3}` {
				t.Errorf("corrected entry: %+v %v", got, err)
			}
			if _, err := tx.TimelineEntry(ctx, 987654); stormdesk.ErrorCode(err) != stormdesk.ENOTFOUND {
				t.Errorf("missing entry: %v", err)
			}
			return nil
		})
		err := s.Update(ctx, func(tx stormdesk.Tx) error {
			return tx.AppendTimeline(ctx, &stormdesk.TimelineEntry{IncidentID: 987654, At: t0, Kind: "note", Actor: "x", Text: "x"})
		})
		if stormdesk.ErrorCode(err) != stormdesk.ENOTFOUND {
			t.Errorf("a timeline entry for a missing incident: %v, want ENOTFOUND", err)
		}
	})
}

func runClusters(t *testing.T, open Opener) {
	ctx := context.Background()
	s, _ := open(t)
	defer s.Close()
	var tks []*stormdesk.Ticket
	for i, email := range []string{"a@x.io", "b@x.io", "a@x.io", "", ""} {
		tk := ticket("", fmt.Sprintf("c%d", i), t0.Add(-time.Duration(i)*time.Minute))
		tk.CustomerEmail = email
		if i == 1 || i == 2 {
			tk.Channel, tk.Tags = stormdesk.TicketChannelChat, []string{"login", fmt.Sprintf("t%d", i)}
		}
		tks = append(tks, tk)
	}
	inc := &stormdesk.Incident{Title: "Login", Status: stormdesk.StatusTriage, Severity: stormdesk.SeverityMajor, ClusterID: 10, CreatedAt: t0, UpdatedAt: t0}
	old := &stormdesk.Incident{Title: "Old", Status: stormdesk.StatusResolved, Severity: stormdesk.SeverityMajor, ClusterID: 10, CreatedAt: t0, UpdatedAt: t0}
	update(t, s, func(tx stormdesk.Tx) error {
		if _, err := tx.CreateTickets(ctx, tks); err != nil {
			return err
		}
		un, err := tx.UntriagedTickets(ctx, 3)
		if err != nil || subjects(un) != "c0 c1 c2" {
			t.Errorf("UntriagedTickets: %s %v, want the first three in id order", subjects(un), err)
		}
		// Triage sees them out of id order: c4 first.
		if err := tx.SetTriage(ctx, []int64{tks[4].ID, tks[0].ID, tks[1].ID, tks[2].ID, tks[3].ID}, []int64{11, 10, 10, 10, 10}, []int64{1, 2, 3, 4, 5}); err != nil {
			return err
		}
		if un, _ := tx.UntriagedTickets(ctx, 10); len(un) != 0 {
			t.Errorf("%d untriaged after SetTriage", len(un))
		}
		replay, _ := tx.TriagedTickets(ctx, 1, 3)
		if subjects(replay) != "c0 c1 c2" || replay[0].ClusterID != 10 {
			t.Errorf("TriagedTickets(after 1): %s", subjects(replay))
		}
		if err := tx.CreateIncident(ctx, old); err != nil {
			return err
		}
		if err := tx.CreateIncident(ctx, inc); err != nil {
			return err
		}
		n, err := tx.LinkCluster(ctx, 10, inc.ID)
		if n != 4 || err != nil {
			t.Errorf("LinkCluster linked %d (%v), want 4", n, err)
		}
		if n, _ := tx.LinkCluster(ctx, 10, inc.ID); n != 0 {
			t.Errorf("a second LinkCluster linked %d, want 0", n)
		}
		return tx.RelabelCluster(ctx, 11, 10)
	})
	s.View(ctx, func(tx stormdesk.Tx) error {
		got, err := tx.IncidentByCluster(ctx, 10)
		if err != nil || got.ID != inc.ID {
			t.Errorf("IncidentByCluster: %v %v, want the open incident %d", got, err, inc.ID)
		}
		if _, err := tx.IncidentByCluster(ctx, 99); stormdesk.ErrorCode(err) != stormdesk.ENOTFOUND {
			t.Errorf("no incident for cluster 99: %v", err)
		}
		n, c, err := tx.IncidentStats(ctx, inc.ID)
		if n != 4 || c != 3 || err != nil {
			t.Errorf("stats: %d tickets %d customers (%v), want 4 and 3", n, c, err)
		}
		var times []string
		tx.EachTicketTime(ctx, inc.ID, func(at time.Time) error { times = append(times, at.Format("15:04")); return nil })
		sort.Strings(times)
		if strings.Join(times, " ") != "16:43 16:44 16:45 16:46" {
			t.Errorf("EachTicketTime: %v", times)
		}
		var labels []string
		if err := tx.EachTicketLabels(ctx, inc.ID, func(channel string, tags []string, n int) error {
			labels = append(labels, fmt.Sprintf("%q%q×%d", channel, tags, n))
			return nil
		}); err != nil || strings.Join(labels, " ") != `""[]×2 "chat"["login" "t1"]×1 "chat"["login" "t2"]×1` {
			t.Errorf("EachTicketLabels: %v (%v), want the two untagged tickets once, then c1's and c2's", labels, err)
		}
		if n, err := tx.CountTickets(ctx, stormdesk.TicketFilter{IncidentID: inc.ID}); n != 4 || err != nil {
			t.Errorf("CountTickets(incident) = %d (%v), want 4", n, err)
		}
		if n, _ := tx.CountTickets(ctx, stormdesk.TicketFilter{ClusterID: 10, Since: t0.Add(-90 * time.Second)}); n != 2 {
			t.Errorf("CountTickets(cluster, since) = %d, want 2", n)
		}
		byCluster, _ := tx.Tickets(ctx, stormdesk.TicketFilter{ClusterID: 10, ByID: true})
		if got := subjects(byCluster); got != "c0 c1 c2 c3 c4" {
			t.Errorf("cluster 10 by id after relabel: %s", got)
		}
		return nil
	})

	err := s.View(ctx, func(tx stormdesk.Tx) error { _, _, err := tx.TriageSnapshot(ctx); return err })
	if stormdesk.ErrorCode(err) != stormdesk.ENOTFOUND {
		t.Fatalf("no snapshot yet: %v", err)
	}
	blob := []byte{0, 1, 2, 0xff, 0}
	update(t, s, func(tx stormdesk.Tx) error { return tx.SaveTriageSnapshot(ctx, t0, 5, []byte("old")) })
	update(t, s, func(tx stormdesk.Tx) error { return tx.SaveTriageSnapshot(ctx, t0, 7, blob) })
	s.View(ctx, func(tx stormdesk.Tx) error {
		last, data, err := tx.TriageSnapshot(ctx)
		if last != 7 || string(data) != string(blob) || err != nil {
			t.Errorf("snapshot: %d %v %v", last, data, err)
		}
		return nil
	})
}

func runUpstream(t *testing.T, open Opener) {
	ctx := context.Background()
	s, reopen := open(t)
	err := s.View(ctx, func(tx stormdesk.Tx) error { _, err := tx.WatchState(ctx, "auth0"); return err })
	if stormdesk.ErrorCode(err) != stormdesk.ENOTFOUND {
		t.Fatalf("no state yet: %v", err)
	}
	// The validators are the fetcher's, opaque to the store: any bytes
	// come back as they went in, and none come back as none.
	validators := []byte("\x00opaque \xff bytes")
	st := &stormdesk.WatchState{Name: "auth0", Kind: "statuspage", URL: "http://127.0.0.1/x", Validators: []byte("first"), LastPollAt: t0, State: stormdesk.WatchUnreadable,
		Reason: "unreadable: truncated JSON", Failures: 2, Snapshot: []byte(`{"incidents":[]}`)}
	update(t, s, func(tx stormdesk.Tx) error { return tx.SaveWatchState(ctx, st) })
	st.Failures, st.State, st.LastOKAt, st.Validators = 0, stormdesk.WatchOK, t0.Add(time.Minute), validators
	update(t, s, func(tx stormdesk.Tx) error { return tx.SaveWatchState(ctx, st) })
	probe := &stormdesk.WatchState{Name: "probe", Kind: "probe", Validators: []byte("dropped"), LastPollAt: t0, State: stormdesk.WatchOK}
	update(t, s, func(tx stormdesk.Tx) error { return tx.SaveWatchState(ctx, probe) })
	probe.Validators = nil
	update(t, s, func(tx stormdesk.Tx) error { return tx.SaveWatchState(ctx, probe) })
	ev := func(key, upID, text string, at time.Time) *stormdesk.UpstreamEvent {
		return &stormdesk.UpstreamEvent{DedupKey: key, Provider: "auth0", Kind: "incident_update", UpstreamID: upID, At: at, Text: text}
	}
	batch := []*stormdesk.UpstreamEvent{ev("k2", "i1", "second", t0.Add(time.Hour)), ev("k1", "i1", "first", t0), ev("k3", "i2", "other", t0)}
	var ins []bool
	update(t, s, func(tx stormdesk.Tx) (err error) { ins, err = tx.AddUpstreamEvents(ctx, batch); return err })
	if fmt.Sprint(ins) != "[true true true]" || batch[0].ID == 0 {
		t.Fatalf("first insert: %v", ins)
	}
	again := []*stormdesk.UpstreamEvent{ev("k1", "i1", "first", t0), ev("k4", "i1", "third", t0.Add(2*time.Hour))}
	update(t, s, func(tx stormdesk.Tx) (err error) { ins, err = tx.AddUpstreamEvents(ctx, again); return err })
	if fmt.Sprint(ins) != "[false true]" {
		t.Fatalf("a re-poll stored a known event again: %v", ins)
	}
	inc := &stormdesk.Incident{Title: "x", Status: stormdesk.StatusTriage, Severity: stormdesk.SeverityMinor, CreatedAt: t0, UpdatedAt: t0}
	update(t, s, func(tx stormdesk.Tx) error {
		if err := tx.CreateIncident(ctx, inc); err != nil {
			return err
		}
		if n, err := tx.LinkUpstream(ctx, inc.ID, "auth0", "i1", t0); !n || err != nil {
			t.Errorf("first link: %v %v", n, err)
		}
		if n, _ := tx.LinkUpstream(ctx, inc.ID, "auth0", "i1", t0); n {
			t.Errorf("a second link reported new")
		}
		return nil
	})
	// A merge moves the tickets, the timeline and the upstream links.
	other := &stormdesk.Incident{Title: "y", Status: stormdesk.StatusTriage, Severity: stormdesk.SeverityMinor, CreatedAt: t0, UpdatedAt: t0}
	update(t, s, func(tx stormdesk.Tx) error {
		if err := tx.CreateIncident(ctx, other); err != nil {
			return err
		}
		tk := ticket("m1", "moved", t0)
		tk.IncidentID = other.ID
		if _, err := tx.CreateTickets(ctx, []*stormdesk.Ticket{tk}); err != nil {
			return err
		}
		if err := tx.AppendTimeline(ctx, &stormdesk.TimelineEntry{IncidentID: other.ID, At: t0, Kind: "note", Actor: "a", Text: "from y"}); err != nil {
			return err
		}
		if _, err := tx.LinkUpstream(ctx, other.ID, "auth0", "i2", t0); err != nil {
			return err
		}
		if _, err := tx.LinkUpstream(ctx, other.ID, "auth0", "i1", t0); err != nil { // both linked to i1
			return err
		}
		n, err := tx.MoveIncidentData(ctx, other.ID, inc.ID)
		if n != 1 || err != nil {
			t.Errorf("MoveIncidentData moved %d tickets (%v), want 1", n, err)
		}
		return err
	})
	s.Close()
	s = reopen()
	defer s.Close()
	s.View(ctx, func(tx stormdesk.Tx) error {
		if es, _ := tx.Timeline(ctx, inc.ID); len(es) != 1 || es[0].Text != "from y" {
			t.Errorf("timeline after merge: %v", es)
		}
		if n, _ := tx.CountTickets(ctx, stormdesk.TicketFilter{IncidentID: inc.ID}); n != 1 {
			t.Errorf("tickets after merge: %d", n)
		}
		if l, _ := tx.UpstreamLinks(ctx, "auth0", "i2"); len(l) != 1 || l[0] != inc.ID {
			t.Errorf("links of i2 after merge: %v", l)
		}
		return nil
	})
	s.View(ctx, func(tx stormdesk.Tx) error {
		got, err := tx.WatchState(ctx, "auth0")
		if err != nil || got.State != stormdesk.WatchOK || !bytes.Equal(got.Validators, validators) || !got.LastOKAt.Equal(t0.Add(time.Minute)) || string(got.Snapshot) != `{"incidents":[]}` {
			t.Errorf("watch state: %+v %v", got, err)
		}
		all, _ := tx.WatchStates(ctx)
		if len(all) != 2 || all[0].Name != "auth0" || !bytes.Equal(all[0].Validators, validators) || all[1].Name != "probe" || len(all[1].Validators) != 0 {
			t.Errorf("watch states: %+v", all)
		}
		es, _ := tx.UpstreamEvents(ctx, "auth0", "i1")
		var texts []string
		for _, e := range es {
			texts = append(texts, e.Text)
		}
		if strings.Join(texts, " ") != "first second third" {
			t.Errorf("events of i1 by time: %v", texts)
		}
		// The audit's history: an upstream incident with any event at or
		// after since comes whole (i1's first event is before it); one
		// without (i2) is left out.
		hist, err := tx.UpstreamHistory(ctx, t0.Add(30*time.Minute))
		var hs []string
		for _, e := range hist {
			hs = append(hs, e.UpstreamID+":"+e.Text)
		}
		if err != nil || strings.Join(hs, " ") != "i1:first i1:second i1:third" {
			t.Errorf("upstream history since t0+30m: %v %v", hs, err)
		}
		hist, _ = tx.UpstreamHistory(ctx, time.Time{})
		hs = nil
		for _, e := range hist {
			hs = append(hs, e.UpstreamID+":"+e.Text)
		}
		if strings.Join(hs, " ") != "i1:first i1:second i1:third i2:other" {
			t.Errorf("whole upstream history: %v", hs)
		}
		links, _ := tx.UpstreamLinks(ctx, "auth0", "i1")
		if len(links) != 1 || links[0] != inc.ID {
			t.Errorf("links: %v", links)
		}
		return nil
	})
}

func runAudience(t *testing.T, open Opener) {
	ctx := context.Background()
	s, _ := open(t)
	defer s.Close()
	inc := &stormdesk.Incident{Title: "x", Status: stormdesk.StatusTriage, Severity: stormdesk.SeverityMinor, CreatedAt: t0, UpdatedAt: t0}
	update(t, s, func(tx stormdesk.Tx) error {
		if err := tx.CreateIncident(ctx, inc); err != nil {
			return err
		}
		var tks []*stormdesk.Ticket
		for i, email := range []string{"ana@x.io", "ana@x.io", "bob@x.io", "", "gone@x.io"} {
			tk := ticket(fmt.Sprint("a", i), "login", t0)
			tk.CustomerEmail, tk.IncidentID = email, inc.ID
			tks = append(tks, tk)
		}
		other := ticket("other", "billing", t0)
		other.CustomerEmail = "notme@x.io"
		if _, err := tx.CreateTickets(ctx, append(tks, other)); err != nil {
			return err
		}
		for _, sub := range [][2]string{{"sub@x.io", "login"}, {"ana@x.io", "login"}, {"dark@x.io", "billing"}, {"Unsub@x.io", "login"}} {
			if err := tx.Subscribe(ctx, sub[0], sub[1]); err != nil {
				return err
			}
		}
		if err := tx.UpsertCustomer(ctx, &stormdesk.Customer{Email: "Ana@x.io", Name: "Ana"}, t0); err != nil {
			return err
		}
		if err := tx.Suppress(ctx, "gone@x.io", "bounce", t0); err != nil {
			return err
		}
		return tx.Suppress(ctx, "unsub@x.io", "unsubscribe", t0)
	})
	s.View(ctx, func(tx stormdesk.Tx) error {
		var got []string
		if err := tx.Audience(ctx, inc.ID, []string{"login", "screenshare"}, func(e string) error { got = append(got, e); return nil }); err != nil {
			t.Fatal(err)
		}
		if strings.Join(got, " ") != "ana@x.io bob@x.io sub@x.io" {
			t.Errorf("audience: %v", got)
		}
		p1, _ := tx.AudiencePage(ctx, inc.ID, []string{"login"}, "", 2)
		p2, _ := tx.AudiencePage(ctx, inc.ID, []string{"login"}, p1[len(p1)-1], 2)
		if strings.Join(p1, " ") != "ana@x.io bob@x.io" || strings.Join(p2, " ") != "sub@x.io" {
			t.Errorf("pages: %v %v", p1, p2)
		}
		got = nil
		tx.Audience(ctx, inc.ID, nil, func(e string) error { got = append(got, e); return nil })
		if strings.Join(got, " ") != "ana@x.io bob@x.io" {
			t.Errorf("reporters only: %v", got)
		}
		c, err := tx.Customer(ctx, "ANA@x.io")
		if err != nil || c.Name != "Ana" || c.SuppressedAt != nil {
			t.Errorf("customer: %+v %v", c, err)
		}
		if c, _ := tx.Customer(ctx, "gone@x.io"); c == nil || c.SuppressedWhy != "bounce" || c.SuppressedAt == nil {
			t.Errorf("suppressed customer: %+v", c)
		}
		return nil
	})
}

func subjects(ts []*stormdesk.Ticket) string {
	var s []string
	for _, t := range ts {
		s = append(s, t.Subject)
	}
	return strings.Join(s, " ")
}

// runHeld checks the approval life of a message (held, then approved or
// cancelled exactly once), the delivery counts per message, and that an
// incident's email policy survives a round trip.
func runHeld(t *testing.T, open Opener) {
	ctx := context.Background()
	s, reopen := open(t)
	inc := &stormdesk.Incident{Title: "x", Status: stormdesk.StatusTriage, Severity: stormdesk.SeverityMinor, CreatedAt: t0, UpdatedAt: t0,
		EmailPolicy: stormdesk.EmailPolicy{"update": stormdesk.EmailApprove, "resolved": stormdesk.EmailOff}}
	held := &stormdesk.OutboundMessage{MessageID: "m-held", Template: "update", Subject: "s", Text: "t", HTML: "<p>t</p>", CreatedAt: t0,
		RequestedBy: "Ana (slack:U1)", RequesterKey: "slack:U1", Audience: 3}
	queued := &stormdesk.OutboundMessage{MessageID: "m-queued", Template: "acknowledged", Subject: "s", Text: "t", HTML: "h", RequestedBy: "stormdesk"}
	update(t, s, func(tx stormdesk.Tx) error {
		if err := tx.CreateIncident(ctx, inc); err != nil {
			return err
		}
		held.IncidentID, queued.IncidentID = inc.ID, inc.ID
		if _, err := tx.EnqueueMessage(ctx, queued, []stormdesk.Customer{{Email: "a@x.io"}, {Email: "b@x.io"}}, t0); err != nil {
			return err
		}
		return tx.HoldMessage(ctx, held)
	})
	err := s.Update(ctx, func(tx stormdesk.Tx) error { return tx.HoldMessage(ctx, held) })
	if stormdesk.ErrorCode(err) != stormdesk.ECONFLICT {
		t.Errorf("holding a message id twice: %v, want ECONFLICT", err)
	}
	s.Close()
	s = reopen()
	defer s.Close()
	err = s.View(ctx, func(tx stormdesk.Tx) error {
		got, err := tx.Incident(ctx, inc.ID)
		if err != nil {
			return err
		}
		if got.EmailPolicy.String() != "update=approve resolved=off" {
			t.Errorf("email policy after a round trip: %q", got.EmailPolicy.String())
		}
		m, err := tx.Message(ctx, "m-held")
		if err != nil {
			return err
		}
		if m.State != stormdesk.MessageHeld || m.RequesterKey != "slack:U1" || m.Audience != 3 || !m.CreatedAt.Equal(t0) || m.HTML != "<p>t</p>" || m.DecidedAt != nil {
			t.Errorf("held message: %+v", m)
		}
		latest, err := tx.LatestMessage(ctx, inc.ID)
		if err != nil || latest.MessageID != "m-queued" {
			t.Errorf("latest message must skip held ones: %+v %v", latest, err)
		}
		if _, err := tx.Message(ctx, "nope"); stormdesk.ErrorCode(err) != stormdesk.ENOTFOUND {
			t.Errorf("missing message: %v", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	update(t, s, func(tx stormdesk.Tx) error {
		m, err := tx.DecideMessage(ctx, "m-held", stormdesk.MessageQueued, "Bob (slack:U2)", t0.Add(time.Minute))
		if err != nil {
			return err
		}
		if m.State != stormdesk.MessageQueued || m.DecidedBy != "Bob (slack:U2)" || m.DecidedAt == nil || !m.DecidedAt.Equal(t0.Add(time.Minute)) {
			t.Errorf("approved message: %+v", m)
		}
		_, err = tx.EnqueueMessage(ctx, m, []stormdesk.Customer{{Email: "a@x.io"}}, t0.Add(time.Minute))
		return err
	})
	for _, state := range []string{stormdesk.MessageQueued, stormdesk.MessageCancelled} {
		err = s.Update(ctx, func(tx stormdesk.Tx) error {
			_, err := tx.DecideMessage(ctx, "m-held", state, "Eve", t0.Add(2*time.Minute))
			return err
		})
		if stormdesk.ErrorCode(err) != stormdesk.ECONFLICT || !strings.Contains(stormdesk.ErrorMessage(err), "approved by Bob") {
			t.Errorf("second decision (%s): %v, want ECONFLICT naming the first", state, err)
		}
	}
	err = s.View(ctx, func(tx stormdesk.Tx) error {
		ms, err := tx.Messages(ctx, inc.ID, time.Time{})
		if err != nil {
			return err
		}
		var got []string
		for _, m := range ms {
			got = append(got, fmt.Sprintf("%s/%s/pending=%d", m.MessageID, m.State, m.Pending))
		}
		if strings.Join(got, " ") != "m-held/queued/pending=1 m-queued/queued/pending=2" {
			t.Errorf("messages: %v", got)
		}
		if ms, _ := tx.Messages(ctx, 0, t0.Add(time.Hour)); len(ms) != 0 {
			t.Errorf("messages since later: %d", len(ms))
		}
		if ms, _ := tx.Messages(ctx, inc.ID+1, time.Time{}); len(ms) != 0 {
			t.Errorf("messages of another incident: %d", len(ms))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// runChat checks the chat state replicas share: alert messages and the
// replay guard.
func runChat(t *testing.T, open Opener) {
	ctx := context.Background()
	s, reopen := open(t)
	update(t, s, func(tx stormdesk.Tx) error {
		if err := tx.SaveChatAlert(ctx, &stormdesk.ChatAlert{Platform: "slack", IncidentID: 7, Channel: "C1", MessageID: "1.000001", Reason: "burst"}); err != nil {
			return err
		}
		if err := tx.SaveChatAlert(ctx, &stormdesk.ChatAlert{Platform: "discord", IncidentID: 7, Channel: "C1", MessageID: "1.000001"}); err != nil {
			return err
		}
		// Replacing an incident's alert moves it to the new message.
		return tx.SaveChatAlert(ctx, &stormdesk.ChatAlert{Platform: "slack", IncidentID: 7, Channel: "C1", MessageID: "2.000002", Reason: "upstream"})
	})
	err := s.Update(ctx, func(tx stormdesk.Tx) error {
		return tx.SaveChatAlert(ctx, &stormdesk.ChatAlert{Platform: "slack", IncidentID: 8, Channel: "C1", MessageID: "2.000002"})
	})
	if stormdesk.ErrorCode(err) != stormdesk.ECONFLICT {
		t.Errorf("one message alerting about two incidents: %v", err)
	}
	s.Close()
	s = reopen()
	defer s.Close()
	err = s.View(ctx, func(tx stormdesk.Tx) error {
		a, err := tx.ChatAlert(ctx, "slack", 7)
		if err != nil || a.MessageID != "2.000002" || a.Reason != "upstream" {
			t.Errorf("slack alert: %+v %v", a, err)
		}
		if a, err := tx.ChatAlertByMessage(ctx, "discord", "C1", "1.000001"); err != nil || a.IncidentID != 7 {
			t.Errorf("by message: %+v %v", a, err)
		}
		if _, err := tx.ChatAlertByMessage(ctx, "slack", "C1", "1.000001"); stormdesk.ErrorCode(err) != stormdesk.ENOTFOUND {
			t.Errorf("the replaced message still maps: %v", err)
		}
		if _, err := tx.ChatAlert(ctx, "slack", 8); stormdesk.ErrorCode(err) != stormdesk.ENOTFOUND {
			t.Errorf("missing alert: %v", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	until := t0.Add(10 * time.Minute)
	for i, c := range []struct {
		key  string
		now  time.Time
		want bool
	}{
		{"slack:sig:a", t0, true},
		{"slack:sig:a", t0.Add(time.Minute), false},
		{"slack:sig:b", t0, true},
		{"slack:sig:a", until.Add(time.Second), true}, // expired: new again
		{"slack:sig:a", until.Add(2 * time.Second), false},
	} {
		u := until
		if c.now.After(until) {
			u = c.now.Add(10 * time.Minute)
		}
		got, err := s.FirstSeen(ctx, c.key, c.now, u)
		if err != nil || got != c.want {
			t.Errorf("%d: FirstSeen(%s) = %v %v, want %v", i, c.key, got, err, c.want)
		}
	}
	if _, err := s.FirstSeen(ctx, "", t0, until); stormdesk.ErrorCode(err) != stormdesk.EINVALID {
		t.Errorf("empty key: %v", err)
	}
	// Racing replicas: of many concurrent calls with one key, one wins.
	var wg sync.WaitGroup
	var wins atomic.Int64
	for range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if ok, err := s.FirstSeen(ctx, "slack:sig:race", t0, until); err != nil {
				t.Error(err)
			} else if ok {
				wins.Add(1)
			}
		}()
	}
	wg.Wait()
	if wins.Load() != 1 {
		t.Errorf("%d concurrent calls saw the key first", wins.Load())
	}
}

// runReminders checks what the reminders read and write.
func runReminders(t *testing.T, open Opener) {
	ctx := context.Background()
	s, _ := open(t)
	defer s.Close()
	inc := &stormdesk.Incident{Title: "x", Status: stormdesk.StatusInvestigating, Severity: stormdesk.SeverityMinor, CreatedAt: t0, UpdatedAt: t0}
	update(t, s, func(tx stormdesk.Tx) error {
		if err := tx.CreateIncident(ctx, inc); err != nil {
			return err
		}
		for i, k := range []string{stormdesk.KindAcknowledged, stormdesk.KindNote, stormdesk.KindStatusChange, stormdesk.KindNote} {
			if err := tx.AppendTimeline(ctx, &stormdesk.TimelineEntry{IncidentID: inc.ID, At: t0.Add(time.Duration(i) * time.Minute), Kind: k, Actor: "U1", Text: k}); err != nil {
				return err
			}
		}
		return nil
	})
	update(t, s, func(tx stormdesk.Tx) error {
		at, err := tx.LastEntryAt(ctx, inc.ID, stormdesk.KindAcknowledged, stormdesk.KindStatusChange)
		if err != nil || !at.Equal(t0.Add(2*time.Minute)) {
			t.Errorf("last update: %v %v", at, err)
		}
		if at, err := tx.LastEntryAt(ctx, inc.ID, stormdesk.KindMerge); err != nil || !at.IsZero() {
			t.Errorf("no entry of a kind: %v %v", at, err)
		}
		if at, err := tx.Reminded(ctx, inc.ID, "no_update"); err != nil || !at.IsZero() {
			t.Errorf("never reminded: %v %v", at, err)
		}
		for _, at := range []time.Time{t0.Add(time.Hour), t0.Add(2 * time.Hour)} {
			if err := tx.SetReminded(ctx, inc.ID, "no_update", at); err != nil {
				return err
			}
		}
		if at, err := tx.Reminded(ctx, inc.ID, "no_update"); err != nil || !at.Equal(t0.Add(2*time.Hour)) {
			t.Errorf("reminded: %v %v", at, err)
		}
		if err := tx.SetExported(ctx, inc.ID, t0.Add(3*time.Hour)); err != nil {
			return err
		}
		if err := tx.SetExported(ctx, 987654, t0); stormdesk.ErrorCode(err) != stormdesk.ENOTFOUND {
			t.Errorf("export of a missing incident: %v", err)
		}
		got, err := tx.Incident(ctx, inc.ID)
		if err != nil || got.ExportedAt == nil || !got.ExportedAt.Equal(t0.Add(3*time.Hour)) {
			t.Errorf("exported at: %+v %v", got, err)
		}
		return nil
	})
}

// runTriageShared checks the triage state replicas share: queued
// corrections and cluster views.
func runTriageShared(t *testing.T, open Opener) {
	ctx := context.Background()
	s, _ := open(t)
	defer s.Close()
	update(t, s, func(tx stormdesk.Tx) error {
		for _, c := range []stormdesk.TriageCorrection{{Kind: stormdesk.CorrectionMerge, A: 3, B: 1, At: t0}, {Kind: stormdesk.CorrectionSuppress, A: 7, At: t0.Add(time.Second)}} {
			if err := tx.QueueCorrection(ctx, &c); err != nil || c.ID == 0 {
				return fmt.Errorf("queue: %v (id %d)", err, c.ID)
			}
		}
		return tx.SaveClusterViews(ctx, []stormdesk.ClusterView{
			{ID: 1, Label: "can't log in", Size: 12, Customers: 9, TopTerms: []string{"login", "sso"}, FirstSeen: t0, LastSeen: t0.Add(time.Minute), Candidate: true},
			{ID: 2, Label: "refund", Size: 3, Customers: 3, TopTerms: []string{}, FirstSeen: t0, LastSeen: t0},
		})
	})
	update(t, s, func(tx stormdesk.Tx) error {
		cs, err := tx.PendingCorrections(ctx)
		if err != nil || len(cs) != 2 || cs[0].Kind != stormdesk.CorrectionMerge || cs[0].A != 3 || cs[0].B != 1 || !cs[1].At.Equal(t0.Add(time.Second)) {
			t.Errorf("pending: %+v %v", cs, err)
		}
		if err := tx.DeleteCorrections(ctx, cs[0].ID); err != nil {
			return err
		}
		if left, _ := tx.PendingCorrections(ctx); len(left) != 1 || left[0].Kind != stormdesk.CorrectionSuppress {
			t.Errorf("after delete: %+v", left)
		}
		// An update overwrites; a replace drops the rest.
		if err := tx.SaveClusterViews(ctx, []stormdesk.ClusterView{{ID: 2, Label: "refund", Size: 30, Customers: 20, FirstSeen: t0, LastSeen: t0, Suppressed: true}}); err != nil {
			return err
		}
		vs, n, err := tx.ClusterViews(ctx, 10)
		if err != nil || n != 2 || len(vs) != 2 || vs[0].ID != 2 || !vs[0].Suppressed || vs[1].Label != "can't log in" || !vs[1].Candidate ||
			strings.Join(vs[1].TopTerms, ",") != "login,sso" || !vs[1].LastSeen.Equal(t0.Add(time.Minute)) {
			t.Errorf("views: %+v %d %v", vs, n, err)
		}
		if err := tx.ReplaceClusterViews(ctx, []stormdesk.ClusterView{{ID: 5, Label: "new", Size: 1, Customers: 1, FirstSeen: t0, LastSeen: t0}}); err != nil {
			return err
		}
		if vs, n, _ := tx.ClusterViews(ctx, 1); n != 1 || len(vs) != 1 || vs[0].ID != 5 {
			t.Errorf("after replace: %+v %d", vs, n)
		}
		return nil
	})
}

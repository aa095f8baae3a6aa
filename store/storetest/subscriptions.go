package storetest

import (
	"context"
	"strings"
	"testing"

	"stormdesk"
)

// runComponentSubscriptions: a status page subscription is a subscription
// under the component's key; the audience of an incident asked with that
// key takes its subscribers in, each address once beside the reporters,
// never a suppressed one nor another component's; and a confirmation
// email, which belongs to no incident, is stored once and listed with the
// other messages.
func runComponentSubscriptions(t *testing.T, open Opener) {
	ctx := context.Background()
	s, _ := open(t)
	defer s.Close()
	login := stormdesk.Component{ID: "login", Name: "Login", Features: []string{"login"}}
	inc := &stormdesk.Incident{Title: "Login fails", Status: stormdesk.StatusInvestigating, Severity: stormdesk.SeverityMajor,
		Features: []string{"login"}, CreatedAt: t0, UpdatedAt: t0}
	update(t, s, func(tx stormdesk.Tx) error {
		if err := tx.CreateIncident(ctx, inc); err != nil {
			return err
		}
		tk := ticket("cs-1", "can't log in", t0)
		tk.CustomerEmail, tk.IncidentID = "rep@example.com", inc.ID
		if _, err := tx.CreateTickets(ctx, []*stormdesk.Ticket{tk}); err != nil {
			return err
		}
		for _, sub := range [][2]string{{"Sub@Example.com", login.SubscriptionKey()}, {"rep@example.com", login.SubscriptionKey()},
			{"gone@example.com", login.SubscriptionKey()}, {"other@example.com", "component:billing"}, {"sub@example.com", login.SubscriptionKey()}} {
			if err := tx.Subscribe(ctx, sub[0], sub[1]); err != nil {
				return err
			}
		}
		return tx.Suppress(ctx, "gone@example.com", "unsubscribe", t0)
	})
	var got []string
	if err := s.View(ctx, func(tx stormdesk.Tx) error {
		return tx.Audience(ctx, inc.ID, []string{"login", login.SubscriptionKey()}, func(e string) error { got = append(got, e); return nil })
	}); err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, " ") != "rep@example.com sub@example.com" {
		t.Errorf("audience %v, want the reporter and the component's subscriber, once each", got)
	}
	m := &stormdesk.OutboundMessage{MessageID: "confirm-abc-20181128", Template: "confirm", Subject: "Confirm", Text: "t", HTML: "h",
		State: stormdesk.MessageQueued, CreatedAt: t0, RequestedBy: "status page"}
	for i, want := range []int{1, 0} {
		var n int
		update(t, s, func(tx stormdesk.Tx) (err error) {
			n, err = tx.EnqueueMessage(ctx, m, []stormdesk.Customer{{Email: "sub@example.com"}}, t0)
			return err
		})
		if n != want {
			t.Errorf("enqueue %d: %d rows, want %d", i, n, want)
		}
	}
	var ms []stormdesk.MessageDeliveries
	if err := s.View(ctx, func(tx stormdesk.Tx) (err error) { ms, err = tx.Messages(ctx, 0, t0); return err }); err != nil {
		t.Fatal(err)
	}
	if len(ms) != 1 || ms[0].MessageID != m.MessageID || ms[0].IncidentID != 0 || ms[0].Pending != 1 {
		t.Errorf("messages: %+v", ms)
	}
}

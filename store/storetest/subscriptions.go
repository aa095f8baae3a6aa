package storetest

import (
	"context"
	"strings"
	"testing"
	"time"

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

// runSubscriptionLeftovers: a solicited message (a confirmation the
// person asked for) reaches an address that only unsubscribed, never one
// that bounced or reported spam, and an unsolicited one reaches none of
// them; a message's components round-trip through the claim; an
// unsubscribe suppression is lifted only as such; subscriptions are
// listed by page and by key and removed one by one; an address's history
// is kept in order.
func runSubscriptionLeftovers(t *testing.T, open Opener) {
	ctx := context.Background()
	s, _ := open(t)
	defer s.Close()
	ob, ok := s.(stormdesk.Outbox)
	if !ok {
		t.Skip("the store has no outbox")
	}
	rcpts := []stormdesk.Customer{{Email: "left@example.com"}, {Email: "bounced@example.com"}, {Email: "spam@example.com"}, {Email: "fine@example.com"}}
	asked := &stormdesk.OutboundMessage{MessageID: "confirm-1", Template: "confirm", Subject: "Confirm", Text: "t", HTML: "h", State: stormdesk.MessageQueued,
		CreatedAt: t0, Solicited: true}
	news := &stormdesk.OutboundMessage{MessageID: "news-1", Template: "update", Subject: "Update", Text: "t", HTML: "h", State: stormdesk.MessageQueued,
		CreatedAt: t0, Components: []string{"login", "api"}}
	update(t, s, func(tx stormdesk.Tx) error {
		for _, sup := range [][2]string{{"left@example.com", stormdesk.SuppressedUnsubscribe}, {"bounced@example.com", stormdesk.SuppressedBounce},
			{"spam@example.com", stormdesk.SuppressedSpamReport}} {
			if err := tx.Suppress(ctx, sup[0], sup[1], t0); err != nil {
				return err
			}
		}
		for _, m := range []*stormdesk.OutboundMessage{asked, news} {
			if _, err := tx.EnqueueMessage(ctx, m, rcpts, t0); err != nil {
				return err
			}
		}
		return nil
	})
	claims, err := ob.Claim(ctx, "tok", t0.Add(time.Minute), time.Minute, 100)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, c := range claims {
		for _, r := range c.Recipients {
			got[c.Message.MessageID] = append(got[c.Message.MessageID], r.Email)
		}
		switch c.Message.MessageID {
		case "confirm-1":
			if !c.Message.Solicited || c.Message.Components != nil {
				t.Errorf("claimed confirmation %+v: want solicited, no components", c.Message)
			}
		case "news-1":
			if c.Message.Solicited || strings.Join(c.Message.Components, ",") != "login,api" {
				t.Errorf("claimed update %+v: want unsolicited, components login,api", c.Message)
			}
		}
	}
	if g := strings.Join(got["confirm-1"], " "); g != "left@example.com fine@example.com" {
		t.Errorf("solicited message claimed for %q, want the address that unsubscribed and the unsuppressed one", g)
	}
	if g := strings.Join(got["news-1"], " "); g != "fine@example.com" {
		t.Errorf("unsolicited message claimed for %q, want the unsuppressed address only", g)
	}
	var msg *stormdesk.OutboundMessage
	if err := s.View(ctx, func(tx stormdesk.Tx) (err error) { msg, err = tx.Message(ctx, "news-1"); return err }); err != nil {
		t.Fatal(err)
	}
	if strings.Join(msg.Components, ",") != "login,api" {
		t.Errorf("stored message components %v", msg.Components)
	}

	// Lifting: only a suppression of the reason named, recorded before
	// the time given.
	update(t, s, func(tx stormdesk.Tx) error {
		for _, c := range []struct {
			email, why string
			before     time.Time
			want       bool
		}{{"left@example.com", stormdesk.SuppressedBounce, t0, false}, {"bounced@example.com", stormdesk.SuppressedUnsubscribe, t0, false},
			{"left@example.com", stormdesk.SuppressedUnsubscribe, t0, false},
			{"LEFT@example.com", stormdesk.SuppressedUnsubscribe, t0.Add(time.Millisecond), true}, {"left@example.com", stormdesk.SuppressedUnsubscribe, t0.Add(time.Hour), false}} {
			ok, err := tx.Unsuppress(ctx, c.email, c.why, c.before)
			if err != nil {
				return err
			}
			if ok != c.want {
				t.Errorf("unsuppress %s for %s before %s: %v, want %v", c.email, c.why, c.before, ok, c.want)
			}
		}
		for email, suppressed := range map[string]bool{"left@example.com": false, "bounced@example.com": true} {
			c, err := tx.Customer(ctx, email)
			if err != nil {
				return err
			}
			if (c.SuppressedAt != nil) != suppressed || (suppressed && c.SuppressedWhy != stormdesk.SuppressedBounce) || (!suppressed && c.SuppressedWhy != "") {
				t.Errorf("%s after unsuppress: %+v", email, c)
			}
		}
		return nil
	})

	// Listing and removing.
	update(t, s, func(tx stormdesk.Tx) error {
		for _, sub := range [][2]string{{"b@example.com", "component:login"}, {"a@example.com", "component:login"}, {"a@example.com", "component:api"},
			{"c@example.com", "login"}, {"d@example.com", "component:login"}} {
			if err := tx.Subscribe(ctx, sub[0], sub[1]); err != nil {
				return err
			}
		}
		return nil
	})
	list := func(f stormdesk.SubscriptionFilter) string {
		var subs []stormdesk.Subscription
		if err := s.View(ctx, func(tx stormdesk.Tx) (err error) { subs, err = tx.Subscriptions(ctx, f); return err }); err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, sub := range subs {
			out = append(out, sub.Email+"/"+sub.Feature)
		}
		return strings.Join(out, " ")
	}
	for _, c := range []struct {
		f    stormdesk.SubscriptionFilter
		want string
	}{
		{stormdesk.SubscriptionFilter{}, "a@example.com/component:api a@example.com/component:login b@example.com/component:login c@example.com/login d@example.com/component:login"},
		{stormdesk.SubscriptionFilter{Limit: 2}, "a@example.com/component:api a@example.com/component:login"},
		{stormdesk.SubscriptionFilter{Limit: 2, After: stormdesk.Subscription{Email: "a@example.com", Feature: "component:login"}}, "b@example.com/component:login c@example.com/login"},
		{stormdesk.SubscriptionFilter{Feature: "component:login", Limit: 2}, "a@example.com/component:login b@example.com/component:login"},
		{stormdesk.SubscriptionFilter{Feature: "component:login", After: stormdesk.Subscription{Email: "b@example.com", Feature: "component:login"}}, "d@example.com/component:login"},
		{stormdesk.SubscriptionFilter{Email: "A@example.com"}, "a@example.com/component:api a@example.com/component:login"},
		{stormdesk.SubscriptionFilter{Email: "a@example.com", Feature: "component:login"}, "a@example.com/component:login"},
	} {
		if got := list(c.f); got != c.want {
			t.Errorf("subscriptions %+v:\n got %s\nwant %s", c.f, got, c.want)
		}
	}
	update(t, s, func(tx stormdesk.Tx) error {
		for i, want := range []bool{true, false} {
			ok, err := tx.Unsubscribe(ctx, "A@example.com", "component:login")
			if err != nil {
				return err
			}
			if ok != want {
				t.Errorf("unsubscribe %d: %v, want %v", i, ok, want)
			}
		}
		return nil
	})
	if got := list(stormdesk.SubscriptionFilter{Feature: "component:login"}); got != "b@example.com/component:login d@example.com/component:login" {
		t.Errorf("after unsubscribing: %s", got)
	}

	// The history, by time then id, of one address only.
	update(t, s, func(tx stormdesk.Tx) error {
		for _, e := range []stormdesk.SubscriptionEvent{
			{Email: "A@example.com", At: t0.Add(time.Hour), Kind: stormdesk.SubEventUnsubscribed, Actor: "a@example.com", Text: "second"},
			{Email: "a@example.com", At: t0, Kind: stormdesk.SubEventSubscribed, Actor: "a@example.com", Text: "first"},
			{Email: "b@example.com", At: t0, Kind: stormdesk.SubEventSubscribed, Actor: "b@example.com", Text: "other"},
			{Email: "a@example.com", At: t0.Add(time.Hour), Kind: stormdesk.SubEventRemoved, Actor: "ana", Text: "third"},
		} {
			if err := tx.AddSubscriptionEvent(ctx, &e); err != nil {
				return err
			}
			if e.ID == 0 {
				t.Error("event stored without an id")
			}
		}
		return nil
	})
	var evs []stormdesk.SubscriptionEvent
	if err := s.View(ctx, func(tx stormdesk.Tx) (err error) { evs, err = tx.SubscriptionEvents(ctx, "a@EXAMPLE.com"); return err }); err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, e := range evs {
		texts = append(texts, e.Text)
		if e.Email != "a@example.com" {
			t.Errorf("event %+v: address not lower-cased", e)
		}
	}
	if strings.Join(texts, " ") != "first second third" || !evs[0].At.Equal(t0) {
		t.Errorf("history %+v", evs)
	}
}

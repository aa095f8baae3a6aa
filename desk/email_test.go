package desk_test

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"stormdesk"
	"stormdesk/desk"
	"stormdesk/notify"
	"stormdesk/notify/sendgridtest"
	"stormdesk/store/postgres"
	"stormdesk/store/postgres/pgtest"
)

// TestStatusChangesEmailTheRightPeopleOnce walks an incident through
// acknowledge, an update and resolution with customer email on: each
// status change queues its email in the same transaction, and the
// dispatcher delivers it to the local fake SendGrid exactly once per
// reporter and subscriber, never to a suppressed address.
func TestStatusChangesEmailTheRightPeopleOnce(t *testing.T) {
	ctx := context.Background()
	s := sqliteStore(t)
	now := t0
	d := openDesk(t, s, desk.Options{Now: func() time.Time { return now },
		Email: &desk.Email{Auto: map[string]bool{"acknowledged": true, "update": true, "resolved": true}, Placeholder: notify.UnsubscribeTag}})
	fake := sendgridtest.New(t)
	disp := &notify.Dispatcher{Outbox: s, Sender: &notify.SendGrid{APIKey: fake.APIKey, BaseURL: fake.URL, FromEmail: "status@example.com"},
		Now: func() time.Time { return now }, UnsubscribeURL: func(e string, _ []string) string { return "https://x/unsubscribe?u=" + e }}

	inc, _ := d.Declare(ctx, "Can't log in", stormdesk.SeverityCritical, "U1")
	inc.Features = []string{"login"}
	var reporters []string
	err := s.Update(ctx, func(tx stormdesk.Tx) error {
		if err := tx.UpdateIncident(ctx, inc); err != nil {
			return err
		}
		var tks []*stormdesk.Ticket
		for i, e := range []string{"Ana@Example.com", "ana@example.com", "bob@example.com", "gone@example.com", ""} {
			tks = append(tks, &stormdesk.Ticket{Source: "api", ExternalID: fmt.Sprint(i), Subject: "login", CustomerEmail: strings.ToLower(e),
				ReceivedAt: t0, CreatedAt: t0, IncidentID: inc.ID})
		}
		if _, err := tx.CreateTickets(ctx, tks); err != nil {
			return err
		}
		if err := tx.Subscribe(ctx, "sub@example.com", "login"); err != nil {
			return err
		}
		return tx.Suppress(ctx, "gone@example.com", "bounce", t0)
	})
	if err != nil {
		t.Fatal(err)
	}
	reporters = []string{"ana@example.com", "bob@example.com", "sub@example.com"}
	send := func() { t.Helper(); drainOutbox(t, ctx, disp, d) }
	// The incident is already acknowledged (declared by a person), so
	// acknowledge is refused; a status change with a message sends the
	// update, resolution the resolved email.
	if _, err := d.SetStatus(ctx, inc.ID, stormdesk.StatusIdentified, "Our login provider has an outage.", "U1", "slack:U1"); err != nil {
		t.Fatal(err)
	}
	send()
	now = now.Add(2 * time.Hour)
	if _, err := d.SetStatus(ctx, inc.ID, stormdesk.StatusResolved, "Logins work again.", "U1", "slack:U1"); err != nil {
		t.Fatal(err)
	}
	send()
	send() // nothing left: a second run sends nothing twice
	got := map[string][]string{}
	for p, n := range fake.Recipients() {
		if n != 1 {
			t.Errorf("%s got %s %d times", p.Email, p.MessageID, n)
		}
		tmpl := strings.Split(p.MessageID, "-")[1]
		got[tmpl] = append(got[tmpl], p.Email)
	}
	for _, tmpl := range []string{"update", "resolved"} {
		sort.Strings(got[tmpl])
		if strings.Join(got[tmpl], " ") != strings.Join(reporters, " ") {
			t.Errorf("%s email went to %v, want %v", tmpl, got[tmpl], reporters)
		}
	}
	if len(got) != 2 {
		t.Errorf("messages sent: %v", got)
	}
	queued := notificationTexts(t, d, inc.ID)
	want := "update email queued for 3 customers|update email sent to 3 customers, 0 failed|" +
		"resolved email queued for 3 customers|resolved email sent to 3 customers, 0 failed"
	if strings.Join(queued, "|") != want {
		t.Errorf("timeline: %v", queued)
	}
	// A manual send needs email configured and names what it queued.
	if r, err := d.Notify(ctx, inc.ID, "", "U2", "slack:U2"); err != nil || r.Queued != 3 || r.Held() {
		t.Fatalf("manual send: %+v %v", r, err)
	}
}

// TestLargeAudienceIsQueuedPageByPage queues an email to more customers
// than one page of the audience holds: every one is queued, once.
func TestLargeAudienceIsQueuedPageByPage(t *testing.T) {
	ctx := context.Background()
	s := sqliteStore(t)
	d := openDesk(t, s, desk.Options{Now: func() time.Time { return t0 }, Email: &desk.Email{Placeholder: notify.UnsubscribeTag, ApprovalThreshold: -1}})
	inc, _ := d.Declare(ctx, "Can't log in", stormdesk.SeverityMajor, "U1")
	inc.Features = []string{"login"}
	s.Update(ctx, func(tx stormdesk.Tx) error {
		tx.UpdateIncident(ctx, inc)
		for i := range 2500 {
			if err := tx.Subscribe(ctx, fmt.Sprintf("c%05d@example.com", i), "login"); err != nil {
				return err
			}
		}
		return nil
	})
	r, err := d.Notify(ctx, inc.ID, "acknowledged", "U1", "slack:U1")
	if err != nil || r.Queued != 2500 {
		t.Fatalf("queued %d (%v), want 2500", r.Queued, err)
	}
}

// TestEmailExactlyOnceUnderFaultsOnPostgres runs the real path on
// Postgres: a resolution queues the email to 3,000 customers; two
// dispatchers race to send it through a fake SendGrid that fails with 500s,
// rate-limits once and stalls once; each customer gets it exactly once.
func TestEmailExactlyOnceUnderFaultsOnPostgres(t *testing.T) {
	ctx := context.Background()
	s, err := postgres.Open(ctx, pgtest.URL(t), t0)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var mu sync.Mutex
	now := t0
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	d := openDesk(t, s, desk.Options{Now: clock, Email: &desk.Email{Auto: map[string]bool{"resolved": true}, Placeholder: notify.UnsubscribeTag, ApprovalThreshold: -1}})
	inc, _ := d.Declare(ctx, "Can't log in", stormdesk.SeverityMajor, "U1")
	inc.Features = []string{"login"}
	want := map[string]bool{}
	s.Update(ctx, func(tx stormdesk.Tx) error {
		tx.UpdateIncident(ctx, inc)
		for i := range 3000 {
			e := fmt.Sprintf("c%05d@example.com", i)
			want[e] = true
			if err := tx.Subscribe(ctx, e, "login"); err != nil {
				return err
			}
		}
		return nil
	})
	if _, err := d.SetStatus(ctx, inc.ID, stormdesk.StatusResolved, "Logins work again.", "U1", "slack:U1"); err != nil {
		t.Fatal(err)
	}
	fake := sendgridtest.New(t)
	fake.FailNext(2, 500)
	fake.RateLimitNext(1, time.Second)
	fake.StallNext(1, 3*time.Second)
	newDispatcher := func() *notify.Dispatcher {
		return &notify.Dispatcher{Outbox: s, Sender: &notify.SendGrid{APIKey: fake.APIKey, BaseURL: fake.URL, FromEmail: "status@example.com"},
			Now: clock, BatchSize: 500, SendTimeout: time.Second, Lease: 10 * time.Second, BackoffBase: time.Second, BackoffMax: 5 * time.Second,
			UnsubscribeURL: func(e string, _ []string) string { return "https://x/u?e=" + e }}
	}
	a, b := newDispatcher(), newDispatcher()
	for round := 0; round < 60 && len(fake.Recipients()) < 3000; round++ {
		var wg sync.WaitGroup
		for _, disp := range []*notify.Dispatcher{a, b} {
			wg.Add(1)
			go func() { defer wg.Done(); disp.RunOnce(ctx) }()
		}
		wg.Wait()
		mu.Lock()
		now = now.Add(30 * time.Second) // past every backoff, pause and lease
		mu.Unlock()
	}
	got := map[string]int{}
	for p, n := range fake.Recipients() {
		got[p.Email] += n
	}
	if len(got) != len(want) {
		t.Fatalf("%d of %d customers got the email", len(got), len(want))
	}
	for e, n := range got {
		if n != 1 || !want[e] {
			t.Fatalf("%s got it %d times", e, n)
		}
	}
}

// drainOutbox runs the dispatcher until a pass sends, retries and fails
// nothing, then lets the desk report the deliveries on the timelines.
func drainOutbox(t *testing.T, ctx context.Context, disp *notify.Dispatcher, d *desk.Service) {
	t.Helper()
	for {
		st, err := disp.RunOnce(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Sent+st.Retried+st.Failed == 0 {
			break
		}
	}
	if _, err := d.ReportDeliveries(ctx); err != nil {
		t.Fatal(err)
	}
}

package desk_test

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"stormdesk"
	"stormdesk/desk"
	"stormdesk/notify"
	"stormdesk/notify/sendgridtest"
)

// TestMaintenanceEmails: the subscribers of a maintenance's components
// (component subscriptions and the components' features' subscribers,
// never another component's, never an unsubscribed one) are emailed when
// it is scheduled, starts and ends, through the outbox, each once; above
// the approval threshold the email waits, the person who scheduled it
// cannot approve it, a second person can; each email's fate is on the
// maintenance's timeline.
func TestMaintenanceEmails(t *testing.T) {
	ctx := context.Background()
	s := sqliteStore(t)
	now := t0
	clock := func() time.Time { return now }
	comps := []stormdesk.Component{{ID: "login", Name: "Login", Features: []string{"login"}}, {ID: "billing", Name: "Billing", Features: []string{"billing"}}}
	asks := &maintenanceAsks{got: make(chan string, 4)}
	d := openDesk(t, s, desk.Options{Now: clock, ProductName: "Acme", Components: comps,
		Email: &desk.Email{ApprovalThreshold: 2, Placeholder: notify.UnsubscribeTag}}, withChat(t, s, asks))
	fake := sendgridtest.New(t)
	disp := &notify.Dispatcher{Outbox: s, Sender: &notify.SendGrid{APIKey: fake.APIKey, BaseURL: fake.URL, FromEmail: "status@example.com"},
		Now: clock, UnsubscribeURL: func(e string, _ []string) string { return "https://x/unsubscribe?u=" + e }}
	send := func() { t.Helper(); drainOutbox(t, ctx, disp, d) }
	received := func(phase string) []string {
		t.Helper()
		var out []string
		for _, dl := range fake.Deliveries() {
			if strings.Contains(dl.MessageID, "-"+phase+"-") {
				out = append(out, dl.Email)
			}
		}
		sort.Strings(out)
		return out
	}
	if err := s.Update(ctx, func(tx stormdesk.Tx) error {
		for _, sub := range [][2]string{{"page@example.com", "component:login"}, {"feature@example.com", "login"}, {"other@example.com", "component:billing"},
			{"gone@example.com", "component:login"}} {
			if err := tx.Subscribe(ctx, sub[0], sub[1]); err != nil {
				return err
			}
		}
		return tx.Suppress(ctx, "gone@example.com", "unsubscribe", t0)
	}); err != nil {
		t.Fatal(err)
	}
	m, err := d.ScheduleMaintenance(ctx, stormdesk.Maintenance{Components: []string{"login"}, StartsAt: now.Add(time.Hour), EndsAt: now.Add(2 * time.Hour),
		Title: "Database upgrade", Text: "Sign-in may pause for a minute."}, "ana", "api:ana")
	if err != nil {
		t.Fatal(err)
	}
	send()
	send()
	if got := received("scheduled"); strings.Join(got, " ") != "feature@example.com page@example.com" {
		t.Fatalf("the scheduling email went to %v", got)
	}
	for _, dl := range fake.Deliveries() {
		if !strings.Contains(dl.Subject, "[Acme] Scheduled maintenance: Database upgrade") || !strings.Contains(dl.Text, "Sign-in may pause for a minute.") {
			t.Errorf("email: %q\n%s", dl.Subject, dl.Text)
		}
	}
	// A third subscriber: the start's email passes the threshold and waits.
	if err := s.Update(ctx, func(tx stormdesk.Tx) error { return tx.Subscribe(ctx, "late@example.com", "component:login") }); err != nil {
		t.Fatal(err)
	}
	now = m.StartsAt.Add(time.Minute)
	if _, err := d.MaintenanceRound(ctx); err != nil {
		t.Fatal(err)
	}
	send()
	if got := received("started"); len(got) != 0 {
		t.Fatalf("a start email above the threshold went out unapproved to %v", got)
	}
	held := ""
	ms, _ := d.Messages(ctx, 0, time.Time{})
	for _, msg := range ms {
		if msg.State == stormdesk.MessageHeld {
			held = msg.MessageID
		}
	}
	if !strings.HasPrefix(held, fmt.Sprintf("maint%d-started-", m.ID)) {
		t.Fatalf("no held start email: %+v", ms)
	}
	// The ops channel is asked to approve it, with no incident.
	select {
	case got := <-asks.got:
		if got != "no incident "+held+" held audience=3" {
			t.Errorf("approval request: %s", got)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the ops channel was not asked to approve the maintenance email")
	}
	if r, err := d.ApproveNotification(ctx, held, "bo", "api:bo"); err != nil || r.Queued != 3 {
		t.Fatalf("approve: %+v %v", r, err)
	}
	if _, err := d.ApproveNotification(ctx, held, "cy", "api:cy"); stormdesk.ErrorCode(err) != stormdesk.ECONFLICT {
		t.Errorf("approving twice: %v", err)
	}
	send()
	if got := received("started"); strings.Join(got, " ") != "feature@example.com late@example.com page@example.com" {
		t.Fatalf("the approved start email went to %v", got)
	}
	// Rescheduled by ana (the same window, a new text): ana cannot
	// approve her own announcement; it is cancelled instead.
	now = now.Add(time.Minute)
	m2, err := d.ScheduleMaintenance(ctx, stormdesk.Maintenance{Components: []string{"Login"}, StartsAt: now.Add(time.Hour), EndsAt: now.Add(2 * time.Hour)}, "ana", "api:ana")
	if err != nil {
		t.Fatal(err)
	}
	ms, _ = d.Messages(ctx, 0, now)
	if len(ms) != 1 || ms[0].State != stormdesk.MessageHeld || ms[0].Audience != 3 {
		t.Fatalf("the second scheduling's email: %+v", ms)
	}
	if _, err := d.ApproveNotification(ctx, ms[0].MessageID, "ana", "api:ana"); stormdesk.ErrorCode(err) != stormdesk.EFORBIDDEN {
		t.Errorf("the scheduler approving her own announcement: %v", err)
	}
	if _, err := d.CancelNotification(ctx, ms[0].MessageID, "bo"); err != nil {
		t.Fatal(err)
	}
	now = m.EndsAt.Add(time.Minute)
	if _, err := d.MaintenanceRound(ctx); err != nil {
		t.Fatal(err)
	}
	send()
	if dup := fake.Duplicates(); len(dup) != 0 {
		t.Errorf("sent twice: %v", dup)
	}
	_, es, _ := d.MaintenanceTimeline(ctx, m.ID)
	var texts []string
	for _, e := range es {
		if e.Kind == stormdesk.KindNotification {
			texts = append(texts, e.Text)
		}
	}
	want := []string{"The scheduled email queued for 2 subscribers", "maintenance email sent to 2 customers, 0 failed",
		"The started email to 3 subscribers waits for a second person's approval", "Maintenance email approved by bo: queued for 3 subscribers",
		"maintenance email sent to 3 customers, 0 failed", "The ended email to 3 subscribers waits"}
	if len(texts) != len(want) {
		t.Fatalf("maintenance timeline notifications:\n%s", strings.Join(texts, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(texts[i], want[i]) {
			t.Errorf("entry %d: %q, want it to start %q", i, texts[i], want[i])
		}
	}
	// A window first seen after its end (the round did not run during
	// it): its end is told, its start is not.
	late, err := d.ScheduleMaintenance(ctx, stormdesk.Maintenance{Components: []string{"login"}, StartsAt: now.Add(time.Minute), EndsAt: now.Add(2 * time.Minute)}, "bo", "api:bo")
	if err != nil {
		t.Fatal(err)
	}
	now = late.EndsAt.Add(time.Hour)
	if _, err := d.MaintenanceRound(ctx); err != nil {
		t.Fatal(err)
	}
	ms, _ = d.Messages(ctx, 0, late.CreatedAt)
	var phases []string
	for _, msg := range ms {
		if strings.HasPrefix(msg.MessageID, fmt.Sprintf("maint%d-", late.ID)) {
			phases = append(phases, strings.Split(msg.MessageID, "-")[1])
		}
	}
	if strings.Join(phases, " ") != "scheduled ended" {
		t.Errorf("emails of a window seen only after its end: %v, want scheduled and ended", phases)
	}
	_, es2, _ := d.MaintenanceTimeline(ctx, m2.ID)
	cancelled := false
	for _, e := range es2 {
		cancelled = cancelled || strings.HasPrefix(e.Text, "Maintenance email cancelled by bo")
	}
	if !cancelled {
		t.Errorf("the cancelled announcement is not on its maintenance's timeline")
	}
}

// maintenanceAsks records the approval requests of maintenance emails.
type maintenanceAsks struct {
	noPoster
	got chan string
}

func (a *maintenanceAsks) AskApproval(_ context.Context, inc *stormdesk.Incident, m *stormdesk.OutboundMessage) error {
	what := "no incident"
	if inc != nil {
		what = fmt.Sprintf("incident #%d", inc.ID)
	}
	select {
	case a.got <- fmt.Sprintf("%s %s %s audience=%d", what, m.MessageID, m.State, m.Audience):
	default:
	}
	return nil
}

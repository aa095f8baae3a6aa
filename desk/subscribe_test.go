package desk_test

import (
	"context"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"stormdesk"
	"stormdesk/desk"
	"stormdesk/notify"
	"stormdesk/notify/sendgridtest"
)

var confirmLink = regexp.MustCompile(`https://acme\.example/status/confirm\?token=\S+`)

// TestSubscriptionDoubleOptIn runs status page subscriptions through the
// real outbox and dispatcher to a fake SendGrid: asking (twice) sends
// one confirmation email and subscribes no one, so the next update does
// not reach the address; once the signed link is opened the subscriber
// is in the audience (the preview, the approval threshold and the
// automatic emails), receiving each email once even when they also
// reported a ticket; a customer imported with component:login counts
// too; after unsubscribing nothing more reaches them.
func TestSubscriptionDoubleOptIn(t *testing.T) {
	ctx := context.Background()
	s := sqliteStore(t)
	now := t0
	clock := func() time.Time { return now }
	secret := []byte("subscribe-secret-0123456789")
	confirmURL, err := notify.ConfirmLinks("https://acme.example/status/confirm", secret, clock)
	if err != nil {
		t.Fatal(err)
	}
	comps := []stormdesk.Component{{ID: "login", Name: "Login", Features: []string{"login"}}, {ID: "billing", Name: "Billing", Features: []string{"billing"}}}
	d := openDesk(t, s, desk.Options{Now: clock, ProductName: "Acme", Components: comps,
		Email: &desk.Email{Auto: map[string]bool{"update": true, "resolved": true}, ApprovalThreshold: 2, Placeholder: notify.UnsubscribeTag, ConfirmURL: confirmURL}})
	fake := sendgridtest.New(t)
	unsubscribe, _ := notify.UnsubscribeLinks("https://acme.example/unsubscribe", secret, clock)
	disp := &notify.Dispatcher{Outbox: s, Sender: &notify.SendGrid{APIKey: fake.APIKey, BaseURL: fake.URL, FromEmail: "status@example.com"},
		Now: clock, UnsubscribeURL: unsubscribe}
	send := func() { t.Helper(); drainOutbox(t, ctx, disp, d) }
	received := func(template string) []string {
		t.Helper()
		var out []string
		for _, dl := range fake.Deliveries() {
			if strings.Contains(dl.MessageID, "-"+template+"-") || strings.HasPrefix(dl.MessageID, template+"-") {
				out = append(out, dl.Email)
			}
		}
		sort.Strings(out)
		return out
	}
	inc, _ := d.Declare(ctx, "Can't log in", stormdesk.SeverityCritical, "U1")
	inc.Features = []string{"login"}
	if err := s.Update(ctx, func(tx stormdesk.Tx) error {
		if err := tx.UpdateIncident(ctx, inc); err != nil {
			return err
		}
		_, err := tx.CreateTickets(ctx, []*stormdesk.Ticket{{Source: "api", ExternalID: "r1", Subject: "login", CustomerEmail: "rep@example.com",
			ReceivedAt: t0, CreatedAt: t0, IncidentID: inc.ID}})
		return err
	}); err != nil {
		t.Fatal(err)
	}

	// Asking: one confirmation email per address and day, nobody subscribed.
	for i, want := range []bool{true, false} {
		if queued, err := d.RequestSubscription(ctx, " Sub@Example.com", []string{"Login"}); err != nil || queued != want {
			t.Fatalf("request %d: queued %v (%v), want %v", i, queued, err, want)
		}
	}
	if q, err := d.RequestSubscription(ctx, "rep@example.com", []string{"billing", "login"}); err != nil || !q {
		t.Fatalf("the reporter's request: %v %v", q, err)
	}
	if q, err := d.RequestSubscription(ctx, "bounces@example.com", []string{"login"}); err != nil || !q {
		t.Fatalf("a request: %v %v", q, err)
	}
	if _, err := d.RequestSubscription(ctx, "sub@example.com", []string{"payroll"}); stormdesk.ErrorCode(err) != stormdesk.ENOTFOUND {
		t.Errorf("an unknown component: %v", err)
	}
	if _, err := d.RequestSubscription(ctx, "not an address", []string{"login"}); stormdesk.ErrorCode(err) != stormdesk.EINVALID {
		t.Errorf("a bad address: %v", err)
	}
	send()
	if got := received("confirm"); strings.Join(got, " ") != "bounces@example.com rep@example.com sub@example.com" {
		t.Fatalf("confirmation emails went to %v", got)
	}
	// SendGrid reports a bounce of a confirmation email: the address is
	// suppressed, though the email belongs to no incident.
	for _, dl := range fake.Deliveries() {
		if dl.Email == "bounces@example.com" {
			if err := d.Suppress(ctx, dl.Email, "bounce", dl.MessageID); err != nil {
				t.Fatalf("a confirmation email's bounce: %v", err)
			}
		}
	}
	links := map[string]string{}
	for _, dl := range fake.Deliveries() {
		if link := confirmLink.FindString(dl.Text); link != "" && strings.HasPrefix(dl.MessageID, "confirm-") {
			links[dl.Email] = link
			if !strings.Contains(dl.Text, "https://acme.example/unsubscribe?token=") {
				t.Errorf("the confirmation email to %s has no unsubscribe link", dl.Email)
			}
		}
	}
	if p, _ := d.PreviewNotification(ctx, inc.ID, ""); p.Recipients != 1 {
		t.Fatalf("before confirmation the preview counts %d recipients, want the reporter only", p.Recipients)
	}
	if _, err := d.SetStatus(ctx, inc.ID, stormdesk.StatusIdentified, "Our login provider is down.", "U1", "slack:U1"); err != nil {
		t.Fatal(err)
	}
	send()
	if got := received("update"); strings.Join(got, " ") != "rep@example.com" {
		t.Fatalf("an update before confirmation went to %v, want the reporter only", got)
	}

	// Confirming (twice, harmlessly) subscribes.
	confirm := func(email string) {
		t.Helper()
		u, err := url.Parse(links[email])
		if err != nil || links[email] == "" {
			t.Fatalf("no confirmation link for %s", email)
		}
		addr, ids, issued, err := notify.VerifyConfirm(secret, u.Query().Get("token"), now)
		if err != nil || addr != email {
			t.Fatalf("the link for %s: %q %v", email, addr, err)
		}
		for range 2 {
			if _, _, err := d.ConfirmSubscription(ctx, addr, ids, issued); err != nil {
				t.Fatal(err)
			}
		}
	}
	confirm("sub@example.com")
	confirm("rep@example.com")
	if p, _ := d.PreviewNotification(ctx, inc.ID, ""); p.Recipients != 2 {
		t.Fatalf("after confirmation the preview counts %d recipients, want 2", p.Recipients)
	}
	now = now.Add(10 * time.Minute)
	if _, err := d.SetStatus(ctx, inc.ID, stormdesk.StatusMonitoring, "A fix is rolling out.", "U1", "slack:U1"); err != nil {
		t.Fatal(err)
	}
	send()
	if got := received("update"); strings.Join(got, " ") != "rep@example.com rep@example.com sub@example.com" {
		t.Fatalf("updates went to %v: want the reporter twice (two updates) and the subscriber once", got)
	}

	// An imported customer subscribed to the component counts too: the
	// audience passes the approval threshold, and the email is held.
	if err := d.ImportCustomers(ctx, []*stormdesk.CustomerImport{{Customer: stormdesk.Customer{Email: "imp@example.com"}, Features: []string{"component:login"}}}); err != nil {
		t.Fatal(err)
	}
	if err := d.ImportCustomers(ctx, []*stormdesk.CustomerImport{{Customer: stormdesk.Customer{Email: "x@example.com"}, Features: []string{"component:payroll"}}}); stormdesk.ErrorCode(err) != stormdesk.EINVALID {
		t.Errorf("importing a subscription to an unknown component: %v", err)
	}
	r, err := d.Notify(ctx, inc.ID, "", "U1", "slack:U1")
	if err != nil || !r.Held() || r.Audience != 3 {
		t.Fatalf("a send to reporter, subscriber and imported subscriber: %+v %v, want held for 3", r, err)
	}
	if _, err := d.CancelNotification(ctx, r.Message.MessageID, "U1"); err != nil {
		t.Fatal(err)
	}

	// Unsubscribing through the link of an email they received.
	var unsub string
	for _, dl := range fake.Deliveries() {
		if dl.Email == "sub@example.com" {
			unsub = regexp.MustCompile(`https://acme\.example/unsubscribe\?token=\S+`).FindString(dl.Text)
		}
	}
	u, _ := url.Parse(unsub)
	addr, err := notify.VerifyUnsubscribe(secret, u.Query().Get("token"))
	if err != nil || addr != "sub@example.com" {
		t.Fatalf("the unsubscribe link %q: %q %v", unsub, addr, err)
	}
	if err := d.Suppress(ctx, addr, "unsubscribe", ""); err != nil {
		t.Fatal(err)
	}
	now = now.Add(10 * time.Minute)
	if _, err := d.SetStatus(ctx, inc.ID, stormdesk.StatusResolved, "Logins work again.", "U1", "slack:U1"); err != nil {
		t.Fatal(err)
	}
	send()
	if got := received("resolved"); strings.Join(got, " ") != "imp@example.com rep@example.com" {
		t.Fatalf("the resolution went to %v, want the reporter and the imported subscriber, not the one who unsubscribed", got)
	}
	if dup := fake.Duplicates(); len(dup) != 0 {
		t.Errorf("sent twice: %v", dup)
	}
}

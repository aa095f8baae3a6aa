package desk_test

import (
	"context"
	"fmt"
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

// subscribeRig is a desk with a status page of two components, customer
// email through the real outbox and dispatcher to a fake SendGrid, and an
// open incident about login, on a clock the test moves.
type subscribeRig struct {
	t      *testing.T
	ctx    context.Context
	s      stormdesk.Store
	d      *desk.Service
	fake   *sendgridtest.Server
	disp   *notify.Dispatcher
	now    time.Time
	secret []byte
	inc    *stormdesk.Incident
}

func newSubscribeRig(t *testing.T) *subscribeRig {
	r := &subscribeRig{t: t, ctx: context.Background(), now: t0, secret: []byte("subscribe-secret-0123456789")}
	s := sqliteStore(t)
	r.s = s
	clock := func() time.Time { return r.now }
	confirmURL, err := notify.ConfirmLinks("https://acme.example/status/confirm", r.secret, clock)
	if err != nil {
		t.Fatal(err)
	}
	comps := []stormdesk.Component{{ID: "login", Name: "Login", Features: []string{"login"}}, {ID: "billing", Name: "Billing", Features: []string{"billing"}}}
	r.d = openDesk(t, s, desk.Options{Now: clock, ProductName: "Acme", Components: comps,
		Email: &desk.Email{Auto: map[string]bool{"update": true, "resolved": true}, ApprovalThreshold: 100, Placeholder: notify.UnsubscribeTag, ConfirmURL: confirmURL}})
	r.fake = sendgridtest.New(t)
	unsubscribe, _ := notify.UnsubscribeLinks("https://acme.example/unsubscribe", r.secret, clock)
	r.disp = &notify.Dispatcher{Outbox: s, Sender: &notify.SendGrid{APIKey: r.fake.APIKey, BaseURL: r.fake.URL, FromEmail: "status@example.com"},
		Now: clock, UnsubscribeURL: unsubscribe}
	r.inc, _ = r.d.Declare(r.ctx, "Can't log in", stormdesk.SeverityCritical, "U1")
	r.inc.Features = []string{"login"}
	if err := s.Update(r.ctx, func(tx stormdesk.Tx) error { return tx.UpdateIncident(r.ctx, r.inc) }); err != nil {
		t.Fatal(err)
	}
	return r
}

// send drains the outbox and returns who received what since the last
// call, as "template:address" sorted.
func (r *subscribeRig) send() []string {
	r.t.Helper()
	before := len(r.fake.Deliveries())
	for {
		st, err := r.disp.RunOnce(r.ctx)
		if err != nil {
			r.t.Fatal(err)
		}
		if st.Sent+st.Retried+st.Failed == 0 {
			break
		}
	}
	var out []string
	for _, dl := range r.fake.Deliveries()[before:] {
		kind, _, _ := strings.Cut(dl.MessageID, "-")
		if strings.HasPrefix(kind, "inc") {
			kind = strings.Split(dl.MessageID, "-")[1]
		}
		out = append(out, kind+":"+dl.Email)
	}
	sort.Strings(out)
	return out
}

// confirmFromInbox opens the confirmation link the address received last.
func (r *subscribeRig) confirmFromInbox(email string) []stormdesk.Component {
	r.t.Helper()
	var link string
	for _, dl := range r.fake.Deliveries() {
		if dl.Email == email && strings.HasPrefix(dl.MessageID, "confirm-") {
			link = confirmLink.FindString(dl.Text)
		}
	}
	u, err := url.Parse(link)
	if err != nil || link == "" {
		r.t.Fatalf("no confirmation link for %s", email)
	}
	addr, ids, issued, err := notify.VerifyConfirm(r.secret, u.Query().Get("token"), r.now)
	if err != nil || addr != email {
		r.t.Fatalf("the link for %s: %q %v", email, addr, err)
	}
	comps, _, err := r.d.ConfirmSubscription(r.ctx, addr, ids, issued)
	if err != nil {
		r.t.Fatal(err)
	}
	return comps
}

func (r *subscribeRig) update(status stormdesk.Status, text string) {
	r.t.Helper()
	r.now = r.now.Add(10 * time.Minute)
	if _, err := r.d.SetStatus(r.ctx, r.inc.ID, status, text, "U1", "slack:U1"); err != nil {
		r.t.Fatal(err)
	}
}

func (r *subscribeRig) customer(email string) *stormdesk.Customer {
	r.t.Helper()
	var c *stormdesk.Customer
	err := r.s.View(r.ctx, func(tx stormdesk.Tx) (err error) { c, err = tx.Customer(r.ctx, email); return err })
	if stormdesk.ErrorCode(err) == stormdesk.ENOTFOUND {
		return &stormdesk.Customer{Email: email} // never suppressed
	} else if err != nil {
		r.t.Fatal(err)
	}
	return c
}

// TestResubscribeAfterUnsubscribing: an address that unsubscribed from
// all email asks again on the page; its confirmation email reaches it
// (one that bounced or reported spam gets none), and confirming lifts the
// unsubscribe, so incident emails reach it again, with the whole story in
// its subscription history. A confirmation link issued before the
// unsubscribe subscribes but lifts nothing, and one for a bounced address
// lifts nothing either.
func TestResubscribeAfterUnsubscribing(t *testing.T) {
	r := newSubscribeRig(t)
	for _, e := range []string{"back@example.com", "bounced@example.com", "spam@example.com"} {
		if q, err := r.d.RequestSubscription(r.ctx, e, []string{"login"}); err != nil || !q {
			t.Fatalf("request for %s: %v %v", e, q, err)
		}
	}
	if got := strings.Join(r.send(), " "); got != "confirm:back@example.com confirm:bounced@example.com confirm:spam@example.com" {
		t.Fatalf("first confirmations: %s", got)
	}
	for _, e := range []string{"back@example.com", "bounced@example.com", "spam@example.com"} {
		r.confirmFromInbox(e)
	}
	r.now = r.now.Add(5 * time.Minute)
	for e, why := range map[string]string{"back@example.com": stormdesk.SuppressedUnsubscribe, "bounced@example.com": stormdesk.SuppressedBounce,
		"spam@example.com": stormdesk.SuppressedSpamReport} {
		if err := r.d.Suppress(r.ctx, e, why, ""); err != nil {
			t.Fatal(err)
		}
	}
	r.update(stormdesk.StatusIdentified, "Our login provider is down.")
	if got := r.send(); len(got) != 0 {
		t.Fatalf("an update reached suppressed addresses: %v", got)
	}

	// The old confirmation link, issued before the unsubscribe (an old
	// email, perhaps forwarded), pressed again: it lifts nothing.
	r.confirmFromInbox("back@example.com")
	if c := r.customer("back@example.com"); c.SuppressedWhy != stormdesk.SuppressedUnsubscribe {
		t.Fatalf("a link from before the unsubscribe lifted it: %+v", c)
	}

	// Asking again, hours later: the answer is the same for all three,
	// and only the address that merely unsubscribed gets the email.
	r.now = r.now.Add(3 * time.Hour)
	for _, e := range []string{"back@example.com", "bounced@example.com", "spam@example.com"} {
		if q, err := r.d.RequestSubscription(r.ctx, e, []string{"login", "billing"}); err != nil || !q {
			t.Fatalf("asking again for %s: %v %v", e, q, err)
		}
	}
	if got := strings.Join(r.send(), " "); got != "confirm:back@example.com" {
		t.Fatalf("second confirmations went to %q, want the address that unsubscribed only", got)
	}
	// Until the link is confirmed, the address stays unsubscribed.
	r.update(stormdesk.StatusMonitoring, "A fix is rolling out.")
	if got := r.send(); len(got) != 0 {
		t.Fatalf("an update before the new confirmation: %v", got)
	}
	if comps := r.confirmFromInbox("back@example.com"); len(comps) != 2 {
		t.Fatalf("confirmed %v", comps)
	}
	if c := r.customer("back@example.com"); c.SuppressedAt != nil || c.SuppressedWhy != "" {
		t.Fatalf("after confirming, the address is still suppressed: %+v", c)
	}
	// A confirmation link for the bounced address (as if forged): it
	// lifts nothing.
	if _, why, err := r.d.ConfirmSubscription(r.ctx, "bounced@example.com", []string{"login"}, r.now); err != nil || why != stormdesk.SuppressedBounce {
		t.Fatalf("confirming for a bounced address: still suppressed for %q (%v), want bounce", why, err)
	}
	if c := r.customer("bounced@example.com"); c.SuppressedWhy != stormdesk.SuppressedBounce {
		t.Fatalf("a bounce was lifted: %+v", c)
	}
	r.update(stormdesk.StatusResolved, "Logins work again.")
	if got := strings.Join(r.send(), " "); got != "resolved:back@example.com" {
		t.Fatalf("the resolution went to %q, want the re-subscribed address only", got)
	}

	hist, err := r.d.SubscriptionHistory(r.ctx, "back@example.com")
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, e := range hist {
		kinds = append(kinds, e.Kind)
	}
	if got := strings.Join(kinds, " "); got != "subscribed suppressed subscribed subscribed unsuppressed" {
		t.Errorf("history %s (%+v)", got, hist)
	}
	if hist[4].Actor != "back@example.com" || !strings.Contains(hist[4].Text, "resumed") {
		t.Errorf("the lifting is recorded as %+v", hist[4])
	}
	bounced, _ := r.d.SubscriptionHistory(r.ctx, "bounced@example.com")
	for _, e := range bounced {
		if e.Kind == stormdesk.SubEventUnsuppressed {
			t.Errorf("the bounced address's history records a lifting: %+v", e)
		}
	}
}

// TestConfirmationRateLimit: one confirmation email per address in any
// hour, whatever the components; another address is not held back.
func TestConfirmationRateLimit(t *testing.T) {
	r := newSubscribeRig(t)
	r.now = time.Date(2026, 12, 4, 10, 59, 0, 0, time.UTC)
	ask := func(email string, comps ...string) bool {
		t.Helper()
		q, err := r.d.RequestSubscription(r.ctx, email, comps)
		if err != nil {
			t.Fatal(err)
		}
		return q
	}
	steps := []struct {
		after time.Duration
		email string
		comps []string
		want  bool
	}{
		{0, "a@example.com", []string{"login"}, true},
		{0, "A@example.com", []string{"billing"}, false},                       // another component set, same address
		{0, "b@example.com", []string{"login"}, true},                          // another address
		{time.Minute, "a@example.com", []string{"login"}, false},               // 11:00, a new clock hour, 1 minute later
		{58 * time.Minute, "a@example.com", []string{"billing"}, false},        // 11:58
		{2 * time.Minute, "a@example.com", []string{"login", "billing"}, true}, // 12:00, an hour and a minute later
		{30 * time.Minute, "a@example.com", []string{"login"}, false},
	}
	for i, st := range steps {
		r.now = r.now.Add(st.after)
		if got := ask(st.email, st.comps...); got != st.want {
			t.Errorf("step %d at %s (%s %v): queued %v, want %v", i, r.now.Format("15:04"), st.email, st.comps, got, st.want)
		}
	}
	if got := strings.Join(r.send(), " "); got != "confirm:a@example.com confirm:a@example.com confirm:b@example.com" {
		t.Errorf("sent %s", got)
	}
}

var unsubscribeLinkRE = regexp.MustCompile(`https://acme\.example/unsubscribe\?token=[^\s"<]+`)

// unsubscribeLink is the link in the last email of kind (a message id
// prefix or part) the address received, with the scope it verifies to.
func (r *subscribeRig) unsubscribeLink(email, kind string) (token string, components []string) {
	r.t.Helper()
	for _, dl := range r.fake.Deliveries() {
		if dl.Email == email && strings.Contains(dl.MessageID, kind) {
			u, err := url.Parse(unsubscribeLinkRE.FindString(dl.Text))
			if err != nil {
				r.t.Fatal(err)
			}
			token = u.Query().Get("token")
		}
	}
	if token == "" {
		r.t.Fatalf("%s received no %s email with an unsubscribe link", email, kind)
	}
	addr, comps, err := notify.VerifyUnsubscribeScope(r.secret, token)
	if err != nil || addr != email {
		r.t.Fatalf("the unsubscribe link of %s: %q %v", email, addr, err)
	}
	return token, comps
}

// TestUnsubscribeFromOneComponent: the unsubscribe link in an incident's
// email, and in a maintenance's, is scoped to the components the email is
// about; following it removes those component subscriptions only (the
// address still hears about its other component, and is not
// suppressed), opening it again removes nothing more and never escalates
// to everything; the link in a confirmation email (about no incident)
// still stops everything.
func TestUnsubscribeFromOneComponent(t *testing.T) {
	r := newSubscribeRig(t)
	for _, e := range []string{"both@example.com", "login@example.com"} {
		comps := []string{"login"}
		if e == "both@example.com" {
			comps = append(comps, "billing")
		}
		if _, err := r.d.RequestSubscription(r.ctx, e, comps); err != nil {
			t.Fatal(err)
		}
	}
	r.send()
	r.confirmFromInbox("both@example.com")
	r.confirmFromInbox("login@example.com")
	if _, comps := r.unsubscribeLink("both@example.com", "confirm-"); comps != nil {
		t.Errorf("the confirmation email's link is scoped to %v, want everything", comps)
	}
	r.update(stormdesk.StatusIdentified, "Our login provider is down.")
	if got := strings.Join(r.send(), " "); got != "update:both@example.com update:login@example.com" {
		t.Fatalf("first update: %s", got)
	}
	_, comps := r.unsubscribeLink("both@example.com", "-update-")
	if strings.Join(comps, ",") != "login" {
		t.Fatalf("the incident email's link is scoped to %v, want login", comps)
	}
	for i := range 2 {
		res, err := r.d.Unsubscribe(r.ctx, "both@example.com", comps)
		if err != nil {
			t.Fatal(err)
		}
		want := "[Login]"
		if i == 1 {
			want = "[]"
		}
		if res.All || fmt.Sprint(res.Removed) != want || fmt.Sprint(res.Remaining) != "[Billing]" {
			t.Errorf("unsubscribe %d: %+v, want removed %s, Billing remaining", i, res, want)
		}
	}
	if c := r.customer("both@example.com"); c.SuppressedAt != nil {
		t.Fatalf("a component unsubscribe suppressed the address: %+v", c)
	}
	r.update(stormdesk.StatusMonitoring, "A fix is rolling out.")
	if got := strings.Join(r.send(), " "); got != "update:login@example.com" {
		t.Fatalf("after unsubscribing from login: %s", got)
	}

	// A maintenance on billing still reaches the address; its link is
	// scoped to billing.
	if _, err := r.d.ScheduleMaintenance(r.ctx, stormdesk.Maintenance{Components: []string{"billing"}, StartsAt: r.now.Add(time.Hour), EndsAt: r.now.Add(2 * time.Hour),
		Title: "Card processor upgrade"}, "ana", "api:ana"); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(r.send(), " "); !strings.Contains(got, "both@example.com") || strings.Contains(got, "login@example.com") {
		t.Fatalf("the maintenance email went to %s", got)
	}
	if _, comps := r.unsubscribeLink("both@example.com", "maint"); strings.Join(comps, ",") != "billing" {
		t.Fatalf("the maintenance email's link is scoped to %v, want billing", comps)
	}
	if res, err := r.d.Unsubscribe(r.ctx, "both@example.com", []string{"billing"}); err != nil || fmt.Sprint(res.Removed) != "[Billing]" || len(res.Remaining) != 0 {
		t.Fatalf("unsubscribing from billing: %+v %v", res, err)
	}
	hist, _ := r.d.SubscriptionHistory(r.ctx, "both@example.com")
	var texts []string
	for _, e := range hist {
		if e.Kind == stormdesk.SubEventUnsubscribed {
			texts = append(texts, e.Text)
		}
	}
	if fmt.Sprint(texts) != "[Unsubscribed from Login through the link of an email Unsubscribed from Billing through the link of an email]" {
		t.Errorf("history of unsubscribes: %q", texts)
	}

	// The link for everything still stops everything.
	if res, err := r.d.Unsubscribe(r.ctx, "login@example.com", nil); err != nil || !res.All {
		t.Fatalf("unsubscribing from everything: %+v %v", res, err)
	}
	if c := r.customer("login@example.com"); c.SuppressedWhy != stormdesk.SuppressedUnsubscribe {
		t.Errorf("after the link for everything: %+v", c)
	}
}

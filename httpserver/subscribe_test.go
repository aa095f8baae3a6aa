package httpserver_test

import (
	"encoding/base64"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"stormdesk"
	"stormdesk/desk/desktest"
	"stormdesk/httpserver"
	"stormdesk/notify"
	"stormdesk/statuspage"
)

// TestSubscribeRoutes: with subscriptions on, the page carries the form
// (and its CSP lets it post here); the form queues one confirmation
// email however often it is sent, and subscribes no one; a tampered
// confirmation link is refused; opening a good one asks for a press and
// subscribes nobody until it is pressed; pressing it puts the address in
// the incident's audience.
func TestSubscribeRoutes(t *testing.T) {
	d := desktest.New(t)
	ts := serveDesk(t, d, func(srv *httpserver.Server) {
		srv.StatusPage = statuspage.Config{Name: "Acme status"}
		srv.Email = &httpserver.Email{VerifyUnsubscribe: func(string) (string, []string, error) { return "", nil, nil },
			VerifyConfirm: func(tok string) (string, []string, time.Time, error) {
				return notify.VerifyConfirm(desktest.ConfirmSecret, tok, d.Now)
			}}
	})
	resp, page := get(t, ts, "/status")
	if !strings.Contains(page, `<form class="subscribe" method="post" action="/status/subscribe">`) || !strings.Contains(page, `name="component" value="checkout"`) ||
		!strings.Contains(resp.Header.Get("Content-Security-Policy"), "form-action 'self'") {
		t.Fatalf("the page has no subscribe form, or its CSP forbids it: %v\n%s", resp.Header, page)
	}
	form := func(path string, v url.Values) (int, string) {
		t.Helper()
		resp, err := http.PostForm(ts.URL+path, v)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	audience := func() int {
		t.Helper()
		p, err := d.PreviewNotification(t.Context(), 1, "")
		if err != nil {
			t.Fatal(err)
		}
		return p.Recipients
	}
	before := audience()
	for range 2 {
		if status, body := form("/status/subscribe", url.Values{"email": {"new@example.com"}, "component": {"login"}}); status != 200 || !strings.Contains(body, "Check your inbox") {
			t.Fatalf("subscribe: %d %s", status, body)
		}
	}
	confirms := 0
	for _, s := range d.Sends(t) {
		if s.Template == "confirm" {
			confirms++
		}
	}
	if confirms != 1 || audience() != before {
		t.Fatalf("after two requests: %d confirmation emails, audience %d (was %d): want 1 and unchanged", confirms, audience(), before)
	}
	if status, _ := form("/status/subscribe", url.Values{"email": {"nobody"}, "component": {"login"}}); status != 400 {
		t.Errorf("a bad address: %d", status)
	}
	if status, _ := form("/status/subscribe", url.Values{"email": {"new@example.com"}, "component": {"payroll"}}); status != 404 {
		t.Errorf("an unknown component: %d", status)
	}
	good := notify.SignConfirm(desktest.ConfirmSecret, "new@example.com", []string{"login"}, d.Now)
	tampered := notify.SignConfirm(desktest.ConfirmSecret, "new@example.com", []string{"checkout"}, d.Now)
	tampered = strings.Split(tampered, ".")[0] + good[strings.Index(good, "."):]
	if r, _ := get(t, ts, "/status/confirm?token="+url.QueryEscape(tampered)); r.StatusCode != 401 {
		t.Errorf("a tampered link: %d", r.StatusCode)
	}
	if status, _ := form("/status/confirm", url.Values{"token": {tampered}}); status != 401 || audience() != before {
		t.Errorf("pressing with a tampered token: %d, audience %d", status, audience())
	}
	r, body := get(t, ts, "/status/confirm?token="+url.QueryEscape(good))
	if r.StatusCode != 200 || !strings.Contains(body, `<button type="submit">Confirm my subscription</button>`) || audience() != before {
		t.Fatalf("opening the link: %d, audience %d\n%s", r.StatusCode, audience(), body)
	}
	if status, body := form("/status/confirm", url.Values{"token": {good}}); status != 200 || !strings.Contains(body, "Login") {
		t.Fatalf("confirming: %d %s", status, body)
	}
	if got := audience(); got != before+1 {
		t.Fatalf("after confirming the audience is %d, want %d", got, before+1)
	}
}

// TestUnsubscribeRoutes: the link of an email about a component (a
// component-scoped token) removes that component subscription only and
// answers with a page offering to stop everything; a tampered scoped link
// (another component, or the components cut off) is refused and changes
// nothing; the page's button (the same token, scope=all) stops all
// email, as the link for everything still does.
func TestUnsubscribeRoutes(t *testing.T) {
	d := desktest.New(t)
	ts := serveDesk(t, d, func(srv *httpserver.Server) {
		srv.Email = &httpserver.Email{VerifyUnsubscribe: func(tok string) (string, []string, error) {
			return notify.VerifyUnsubscribeScope(desktest.ConfirmSecret, tok)
		}}
	})
	ctx := t.Context()
	for _, e := range []string{"ana@example.com", "bob@example.com"} {
		if _, _, err := d.ConfirmSubscription(ctx, e, []string{"login", "checkout"}, d.Now); err != nil {
			t.Fatal(err)
		}
	}
	state := func(email string) string {
		t.Helper()
		var subs []stormdesk.Subscription
		var c *stormdesk.Customer
		err := d.Store.View(ctx, func(tx stormdesk.Tx) (err error) {
			if subs, err = tx.Subscriptions(ctx, stormdesk.SubscriptionFilter{Email: email}); err != nil {
				return err
			}
			c, err = tx.Customer(ctx, email)
			if stormdesk.ErrorCode(err) == stormdesk.ENOTFOUND {
				c, err = &stormdesk.Customer{}, nil
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, s := range subs {
			out = append(out, s.Feature)
		}
		return strings.Join(out, " ") + " suppressed=" + c.SuppressedWhy
	}
	post := func(v url.Values) (int, string) {
		t.Helper()
		resp, err := http.PostForm(ts.URL+"/unsubscribe", v)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	login := notify.SignUnsubscribeComponents(desktest.ConfirmSecret, "ana@example.com", []string{"login"}, d.Now)
	parts := strings.Split(login, ".")
	enc := base64.RawURLEncoding.EncodeToString
	for name, bad := range map[string]string{
		"another component":  enc([]byte("ana@example.com\x00checkout")) + "." + parts[1] + "." + parts[2],
		"components cut off": enc([]byte("ana@example.com")) + "." + parts[1] + "." + parts[2],
	} {
		if r, _ := get(t, ts, "/unsubscribe?token="+url.QueryEscape(bad)); r.StatusCode != 400 {
			t.Errorf("%s: %d, want 400", name, r.StatusCode)
		}
		if status, _ := post(url.Values{"token": {bad}, "scope": {"all"}}); status != 400 {
			t.Errorf("%s, everything: %d, want 400", name, status)
		}
	}
	if got := state("ana@example.com"); got != "component:checkout component:login suppressed=" {
		t.Fatalf("after tampered links: %s", got)
	}
	r, body := get(t, ts, "/unsubscribe?token="+url.QueryEscape(login))
	if r.StatusCode != 200 || !strings.Contains(body, "no more emails about Login") || !strings.Contains(body, "still subscribed to Checkout") ||
		!strings.Contains(body, `<input type="hidden" name="scope" value="all"><button type="submit">Stop all email from us</button>`) {
		t.Fatalf("the component link: %d\n%s", r.StatusCode, body)
	}
	if got := state("ana@example.com"); got != "component:checkout suppressed=" {
		t.Fatalf("after the component link: %s", got)
	}
	if r, body := get(t, ts, "/unsubscribe?token="+url.QueryEscape(login)); r.StatusCode != 200 || !strings.Contains(body, "You were not subscribed to Login (any more)") {
		t.Fatalf("the component link again: %d\n%s", r.StatusCode, body)
	}
	if status, body := post(url.Values{"token": {login}, "scope": {"all"}}); status != 200 || !strings.Contains(body, "no more incident emails") {
		t.Fatalf("stop everything: %d %s", status, body)
	}
	if got := state("ana@example.com"); got != "component:checkout suppressed=unsubscribe" {
		t.Fatalf("after stopping everything: %s", got)
	}
	all := notify.SignUnsubscribe(desktest.ConfirmSecret, "bob@example.com", d.Now)
	if r, body := get(t, ts, "/unsubscribe?token="+url.QueryEscape(all)); r.StatusCode != 200 || !strings.Contains(body, "no more incident emails") {
		t.Fatalf("the link for everything: %d %s", r.StatusCode, body)
	}
	if got := state("bob@example.com"); got != "component:checkout component:login suppressed=unsubscribe" {
		t.Fatalf("after the link for everything: %s", got)
	}
}

// TestResubscribeThroughThePage: an address that unsubscribed from
// everything presses the button of a confirmation link issued before it
// did (an old email): the page says nothing will reach it, and it stays
// suppressed; pressing a link issued after (it asked again) lifts the
// unsubscribe and the page says it is subscribed.
func TestResubscribeThroughThePage(t *testing.T) {
	d := desktest.New(t)
	ts := serveDesk(t, d, func(srv *httpserver.Server) {
		srv.Email = &httpserver.Email{VerifyUnsubscribe: func(tok string) (string, []string, error) {
			return notify.VerifyUnsubscribeScope(desktest.ConfirmSecret, tok)
		},
			VerifyConfirm: func(tok string) (string, []string, time.Time, error) {
				return notify.VerifyConfirm(desktest.ConfirmSecret, tok, d.Now)
			}}
	})
	press := func(tok string) (int, string) {
		t.Helper()
		resp, err := http.PostForm(ts.URL+"/status/confirm", url.Values{"token": {tok}})
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	suppressed := func() string {
		t.Helper()
		var c *stormdesk.Customer
		if err := d.Store.View(t.Context(), func(tx stormdesk.Tx) (err error) { c, err = tx.Customer(t.Context(), "ana@example.com"); return err }); err != nil {
			t.Fatal(err)
		}
		return c.SuppressedWhy
	}
	old := notify.SignConfirm(desktest.ConfirmSecret, "ana@example.com", []string{"login"}, d.Now.Add(-time.Hour))
	if r, body := get(t, ts, "/unsubscribe?token="+url.QueryEscape(notify.SignUnsubscribe(desktest.ConfirmSecret, "ana@example.com", d.Now))); r.StatusCode != 200 {
		t.Fatalf("unsubscribe: %d %s", r.StatusCode, body)
	}
	if status, body := press(old); status != 200 || !strings.Contains(body, "You unsubscribed since") || suppressed() != "unsubscribe" {
		t.Fatalf("an old link: %d, suppressed %q\n%s", status, suppressed(), body)
	}
	fresh := notify.SignConfirm(desktest.ConfirmSecret, "ana@example.com", []string{"login"}, d.Now.Add(time.Second))
	if status, body := press(fresh); status != 200 || !strings.Contains(body, "You are subscribed") || suppressed() != "" {
		t.Fatalf("a link asked for after unsubscribing: %d, suppressed %q\n%s", status, suppressed(), body)
	}
}

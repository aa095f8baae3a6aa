package httpserver_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

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
	reg := prometheus.NewRegistry()
	srv := httpserver.New(d.Service, token, slog.New(slog.DiscardHandler), reg)
	srv.StatusPage = statuspage.Config{Name: "Acme status"}
	srv.Email = &httpserver.Email{VerifyUnsubscribe: func(string) (string, error) { return "", nil },
		VerifyConfirm: func(tok string) (string, []string, error) {
			return notify.VerifyConfirm(desktest.ConfirmSecret, tok, d.Now)
		}}
	ts := httptest.NewServer(srv.Handler(reg))
	defer ts.Close()
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

package httpserver_test

import (
	"bytes"
	"errors"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"stormdesk/httpserver"
)

// limitedHandler is the server with a rate limit of 1/s, bursts of 5,
// on a stopped clock, with a Slack front end that refuses unsigned posts,
// the inbound email webhook, and unsubscribe links that refuse bogus
// tokens.
func limitedHandler(t *testing.T, l *httpserver.RateLimit) http.Handler {
	t.Helper()
	reg := prometheus.NewRegistry()
	srv := httpserver.New(plainDesk(t, sqliteStore(t)), token, slog.New(slog.NewTextHandler(io.Discard, nil)), reg)
	srv.RateLimit = l
	srv.Slack = unsignedSlack{}
	srv.Inbound = &httpserver.Inbound{Secret: "0123456789abcdef"}
	srv.Email = &httpserver.Email{VerifyUnsubscribe: func(string) (string, []string, error) { return "", nil, errors.New("bogus token") }}
	return srv.Handler(reg)
}

// unsignedSlack refuses every post as unsigned.
type unsignedSlack struct{}

func (unsignedSlack) refuse() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "invalid request signature", http.StatusUnauthorized)
	})
}
func (s unsignedSlack) CommandsHandler() http.Handler     { return s.refuse() }
func (s unsignedSlack) InteractionsHandler() http.Handler { return s.refuse() }
func (s unsignedSlack) EventsHandler() http.Handler       { return s.refuse() }

// inboundEmail is a multipart post as SendGrid Inbound Parse sends it.
func inboundEmail(t *testing.T) (body, contentType string) {
	t.Helper()
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	for k, v := range map[string]string{"from": "Ana <ana@example.com>", "subject": "Can't log in", "text": "The sign-in page spins."} {
		if err := w.WriteField(k, v); err != nil {
			t.Fatal(err)
		}
	}
	w.Close()
	return b.String(), w.FormDataContentType()
}

func serve(h http.Handler, method, path, remote string, hdr map[string]string) int {
	body := ""
	if path == "/api/v1/tickets" {
		body = `{"subject":"x"}`
	}
	r := httptest.NewRequest(method, path, strings.NewReader(body))
	r.RemoteAddr = remote
	r.Header.Set("Content-Type", "application/json")
	for k, v := range hdr {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w.Code
}

// TestRateLimitClassesAreSeparate: 25 unsigned posts to a chat webhook
// and 25 bogus unsubscribe links from one address (every client behind
// one load balancer) exhaust only their own classes: an authenticated
// intake request and a genuine inbound email from that address are still
// served (issue 14, item 3).
func TestRateLimitClassesAreSeparate(t *testing.T) {
	now := testNow
	h := limitedHandler(t, &httpserver.RateLimit{Rate: 1, Burst: 5, Now: func() time.Time { return now }})
	const lb = "10.0.0.1:4000"
	auth := map[string]string{"Authorization": "Bearer " + token}
	codes := map[int]int{}
	for range 25 {
		codes[serve(h, "POST", "/slack/commands", lb, nil)]++
	}
	if codes[401] != 5 || codes[429] != 20 {
		t.Fatalf("junk chat posts: %v, want 5 refused as unsigned and 20 rate limited", codes)
	}
	if code := serve(h, "POST", "/api/v1/tickets", lb, auth); code != http.StatusCreated {
		t.Errorf("intake after junk chat posts: %d, want 201", code)
	}
	body, ct := inboundEmail(t)
	r := httptest.NewRequest("POST", "/inbound/sendgrid/0123456789abcdef", strings.NewReader(body))
	r.RemoteAddr, r.Header["Content-Type"] = lb, []string{ct}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if code := w.Code; code != http.StatusCreated {
		t.Errorf("inbound email after junk chat posts: %d, want 201", code)
	}
	codes = map[int]int{}
	for range 25 {
		codes[serve(h, "GET", "/unsubscribe?token=x", lb, nil)]++
	}
	if codes[400] != 5 || codes[429] != 20 {
		t.Fatalf("bogus unsubscribe links: %v, want 5 refused and 20 rate limited", codes)
	}
	if code := serve(h, "POST", "/api/v1/tickets", lb, auth); code != http.StatusCreated {
		t.Errorf("intake after bogus unsubscribe links: %d, want 201", code)
	}
	// Unauthenticated intake requests are refused before the limit and
	// cost nothing.
	for range 25 {
		if code := serve(h, "POST", "/api/v1/tickets", lb, nil); code != http.StatusUnauthorized {
			t.Fatalf("intake without a token: %d, want 401", code)
		}
	}
	if code := serve(h, "POST", "/api/v1/tickets", lb, auth); code != http.StatusCreated {
		t.Errorf("intake after tokenless requests: %d, want 201", code)
	}
}

// TestForwardedClientsNeedTrustedProxies: forwarding headers are ignored
// unless the peer is a trusted proxy (anyone can send them); behind
// trusted proxies each client has its own buckets, and what a client
// writes to the left of the proxies' own entries does not matter.
func TestForwardedClientsNeedTrustedProxies(t *testing.T) {
	now := testNow
	auth := func(xff string) map[string]string {
		return map[string]string{"Authorization": "Bearer " + token, "X-Forwarded-For": xff}
	}
	// Default: the header is ignored, both "clients" are the proxy.
	h := limitedHandler(t, &httpserver.RateLimit{Rate: 1, Burst: 2, Now: func() time.Time { return now }})
	serve(h, "POST", "/api/v1/tickets", "10.0.0.1:1", auth("203.0.113.5"))
	serve(h, "POST", "/api/v1/tickets", "10.0.0.1:1", auth("203.0.113.5"))
	if code := serve(h, "POST", "/api/v1/tickets", "10.0.0.1:1", auth("203.0.113.6")); code != http.StatusTooManyRequests {
		t.Errorf("untrusted X-Forwarded-For changed the client: %d, want 429", code)
	}
	// Trusted: one bucket per forwarded client.
	l := &httpserver.RateLimit{Rate: 1, Burst: 2, Now: func() time.Time { return now },
		TrustedProxies: []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}}
	h = limitedHandler(t, l)
	serve(h, "POST", "/api/v1/tickets", "10.0.0.1:1", auth("203.0.113.5"))
	serve(h, "POST", "/api/v1/tickets", "10.0.0.1:1", auth("203.0.113.5"))
	if code := serve(h, "POST", "/api/v1/tickets", "10.0.0.1:1", auth("203.0.113.5")); code != http.StatusTooManyRequests {
		t.Errorf("the forwarded client over its limit: %d, want 429", code)
	}
	if code := serve(h, "POST", "/api/v1/tickets", "10.0.0.1:1", auth("1.1.1.1, 203.0.113.5")); code != http.StatusTooManyRequests {
		t.Errorf("a client escaped its limit by prepending an address: %d, want 429", code)
	}
	if code := serve(h, "POST", "/api/v1/tickets", "10.0.0.1:1", auth("203.0.113.6")); code != http.StatusCreated {
		t.Errorf("another forwarded client: %d, want 201", code)
	}
}

func TestClientAddress(t *testing.T) {
	l := &httpserver.RateLimit{TrustedProxies: []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("2001:db8::/32")}}
	for _, c := range []struct {
		remote, xff, fwd, want string
	}{
		{"203.0.113.9:5", "", "", "203.0.113.9"},
		{"203.0.113.9:5", "198.51.100.1", "", "203.0.113.9"},                     // peer not trusted: header ignored
		{"10.0.0.1:5", "", "", "10.0.0.1"},                                       // trusted, no header
		{"10.0.0.1:5", "198.51.100.1", "", "198.51.100.1"},                       // one proxy
		{"10.0.0.1:5", "6.6.6.6, 198.51.100.1, 10.0.0.7", "", "198.51.100.1"},    // two proxies, a spoofed hop
		{"10.0.0.1:5", "10.0.0.9, 10.0.0.7", "", "10.0.0.9"},                     // every hop trusted: the leftmost
		{"10.0.0.1:5", "garbage, 10.0.0.7", "", "10.0.0.7"},                      // not an address: the trusted hop before it
		{"10.0.0.1:5", "198.51.100.1:4711", "", "198.51.100.1"},                  // with a port
		{"[::ffff:10.0.0.1]:5", "198.51.100.1", "", "198.51.100.1"},              // IPv4-mapped peer
		{"[2001:db8::1]:5", "[2001:db8:cafe::17]:4711", "", "2001:db8:cafe::17"}, // IPv6
		{"10.0.0.1:5", "", `for=192.0.2.60;proto=http;by=203.0.113.43, for="[2001:db8::5]:4711"`, "192.0.2.60"},
		{"10.0.0.1:5", "", `For="198.51.100.2"`, "198.51.100.2"},
		{"10.0.0.1:5", "", `for=unknown`, "10.0.0.1"},
		{"10.0.0.1:5", "198.51.100.1", `for=192.0.2.60`, "198.51.100.1"}, // X-Forwarded-For wins
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.RemoteAddr = c.remote
		if c.xff != "" {
			r.Header.Set("X-Forwarded-For", c.xff)
		}
		if c.fwd != "" {
			r.Header.Set("Forwarded", c.fwd)
		}
		if got := l.Client(r); got != c.want {
			t.Errorf("peer %s, X-Forwarded-For %q, Forwarded %q: client %s, want %s", c.remote, c.xff, c.fwd, got, c.want)
		}
	}
}

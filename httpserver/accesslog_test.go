package httpserver_test

import (
	"encoding/json"
	"log/slog"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"stormdesk/httpserver"
	"stormdesk/internal/syncbuf"
)

// logLines parses a JSON log, one object a line.
func logLines(t *testing.T, s *syncbuf.Buffer) []map[string]any {
	var out []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(s.String()), "\n") {
		if l == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("log line is not JSON: %q", l)
		}
		out = append(out, m)
	}
	return out
}

// TestAccessLog: every request, 4xx included, leaves exactly one line at
// info with its method, route pattern, status, duration, request id and
// client, and never its body; the id is echoed in X-Request-Id and in
// error bodies, and a sane incoming id is kept.
func TestAccessLog(t *testing.T) {
	var logs syncbuf.Buffer
	reg := prometheus.NewRegistry()
	srv := httpserver.New(plainDesk(t, sqliteStore(t)), token, slog.New(slog.NewJSONHandler(&logs, nil)), reg)
	h := srv.Handler(reg)
	send := func(method, path, body, id string, auth bool) *httptest.ResponseRecorder {
		r := httptest.NewRequest(method, path, strings.NewReader(body))
		r.RemoteAddr = "192.0.2.7:4711"
		r.Header.Set("Content-Type", "application/json")
		if auth {
			r.Header.Set("Authorization", "Bearer "+token)
		}
		if id != "" {
			r.Header.Set("X-Request-Id", id)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w
	}

	secret := "my password is hunter2"
	created := send("POST", "/api/v1/tickets", `{"subject":"Can't log in","body":"`+secret+`"}`, "lb-1234.abc", true)
	if created.Code != 201 || created.Header().Get("X-Request-Id") != "lb-1234.abc" {
		t.Fatalf("create: %d, X-Request-Id %q; want 201 and the incoming id kept", created.Code, created.Header().Get("X-Request-Id"))
	}
	unauth := send("GET", "/api/v1/tickets/1", "", "", false)
	missing := send("GET", "/api/v1/tickets/999", "", "bad id\nwith a newline", true)
	nowhere := send("GET", "/no/such/route?token=hunter2", "", "", true)

	for _, c := range []struct {
		name   string
		w      *httptest.ResponseRecorder
		status int
	}{{"unauthorized", unauth, 401}, {"not found", missing, 404}, {"no route", nowhere, 404}} {
		id := c.w.Header().Get("X-Request-Id")
		if c.w.Code != c.status || len(id) != 16 {
			t.Errorf("%s: %d, X-Request-Id %q; want %d and a made-up 16-character id", c.name, c.w.Code, id, c.status)
		}
		var body struct {
			Error struct {
				RequestID string `json:"request_id"`
			} `json:"error"`
		}
		if err := json.Unmarshal(c.w.Body.Bytes(), &body); err != nil || body.Error.RequestID != id {
			t.Errorf("%s: error body %s does not carry the request id %q", c.name, c.w.Body, id)
		}
	}

	lines := logLines(t, &logs)
	if len(lines) != 4 {
		t.Fatalf("%d log lines for 4 requests:\n%s", len(lines), logs.String())
	}
	want := []struct {
		route  string
		status float64
		id     string
	}{
		{"POST /api/v1/tickets", 201, "lb-1234.abc"},
		{"GET /api/v1/tickets/{id}", 401, unauth.Header().Get("X-Request-Id")},
		{"GET /api/v1/tickets/{id}", 404, missing.Header().Get("X-Request-Id")},
		{"unmatched", 404, nowhere.Header().Get("X-Request-Id")},
	}
	for i, l := range lines {
		w := want[i]
		if l["level"] != "INFO" || l["msg"] != "http request" || l["route"] != w.route || l["status"] != w.status ||
			l["request_id"] != w.id || l["client"] != "192.0.2.7" || l["method"] == nil {
			t.Errorf("line %d: %v, want route %q status %v request_id %q client 192.0.2.7", i, l, w.route, w.status, w.id)
		}
		if _, ok := l["duration_ms"].(float64); !ok {
			t.Errorf("line %d has no duration_ms: %v", i, l)
		}
	}
	if strings.Contains(logs.String(), "hunter2") || strings.Contains(logs.String(), "log in") {
		t.Errorf("the access log carries request content:\n%s", logs.String())
	}
}

// TestAccessLogClientBehindProxy: behind a trusted proxy the line names
// the client the proxy forwarded for, as rate limits do.
func TestAccessLogClientBehindProxy(t *testing.T) {
	var logs syncbuf.Buffer
	reg := prometheus.NewRegistry()
	srv := httpserver.New(plainDesk(t, sqliteStore(t)), token, slog.New(slog.NewJSONHandler(&logs, nil)), reg)
	srv.RateLimit = &httpserver.RateLimit{TrustedProxies: []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}}
	r := httptest.NewRequest("GET", "/healthz", nil)
	r.RemoteAddr = "10.1.2.3:80"
	r.Header.Set("X-Forwarded-For", "198.51.100.9")
	srv.Handler(reg).ServeHTTP(httptest.NewRecorder(), r)
	if l := logLines(t, &logs); len(l) != 1 || l[0]["client"] != "198.51.100.9" || l[0]["route"] != "GET /healthz" {
		t.Fatalf("log: %v, want one line for GET /healthz from 198.51.100.9", l)
	}
}

package httpserver_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"stormdesk"
	"stormdesk/desk"
	"stormdesk/httpserver"
	"stormdesk/upstream"
)

// TestAudit serves the dependency audit under /api/v1 (token required),
// with the one error map: a bad since or format is a 400 naming it, and a
// service with no dependencies configured says so.
func TestAudit(t *testing.T) {
	s := sqliteStore(t)
	now := time.Date(2026, 3, 20, 12, 0, 0, 0, time.UTC)
	cfg := &upstream.Config{Dependencies: []upstream.Dependency{{Name: "auth0", Features: []string{"login", "screenshare"}}},
		Probes: []upstream.Probe{{ProbeConfig: upstream.ProbeConfig{Name: "share"}, Features: []string{"screenshare"}}}}
	d, err := desk.New(context.Background(), s, desk.Options{Now: func() time.Time { return now }, Upstream: &desk.Upstream{Config: cfg}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	t0 := now.Add(-48 * time.Hour)
	err = s.Update(context.Background(), func(tx stormdesk.Tx) error {
		_, err := tx.AddUpstreamEvents(context.Background(), []*stormdesk.UpstreamEvent{
			{DedupKey: "a1", Provider: "auth0", Kind: "incident_opened", UpstreamID: "a", At: t0, Status: "investigating", Impact: "major", Title: "Login errors"},
			{DedupKey: "a2", Provider: "auth0", Kind: "incident_resolved", UpstreamID: "a", At: t0.Add(45 * time.Minute), Status: "resolved", Impact: "major"},
		})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	reg := prometheus.NewRegistry()
	srv := httpserver.New(d, token, slog.New(slog.NewTextHandler(io.Discard, nil)), reg)
	ts := newTestHTTP(t, srv.Handler(reg))

	code, out := do(t, ts, "GET", "/api/v1/audit?since=7d", "", nil)
	ps, _ := out["providers"].([]any)
	if code != 200 || out["schema"] != "stormdesk.audit/v1" || len(ps) != 1 {
		t.Fatalf("audit: %d %v", code, out)
	}
	p := ps[0].(map[string]any)
	if p["incidents_seen"] != 1.0 || p["trouble_minutes"] != 45.0 {
		t.Errorf("auth0: %v", p)
	}
	sp, _ := out["single_points"].([]any)
	if len(sp) != 2 || sp[0].(map[string]any)["text"] != "login depends only on auth0; no synthetic probe configured" ||
		sp[1].(map[string]any)["text"] != "screenshare depends only on auth0; guarded by probe share" {
		t.Errorf("single points: %v", sp)
	}
	if code, out := do(t, ts, "GET", "/api/v1/audit?since=1d", "", nil); code != 200 || out["providers"].([]any)[0].(map[string]any)["incidents_seen"] != 0.0 {
		t.Errorf("since 1d: %d %v", code, out)
	}
	for q, says := range map[string]string{
		"since=ninety":     `since: "ninety" is not a span`,
		"format=pdf":       `format: "pdf" is not one of md, html, json, csv`,
		"since=2027-01-01": "since: \"2027-01-01\" is in the future",
	} {
		code, out := do(t, ts, "GET", "/api/v1/audit?"+q, "", nil)
		if c, msg := errMsg(out); code != 400 || c != stormdesk.EINVALID || !strings.Contains(msg, says) {
			t.Errorf("%s: %d %s %q; want 400 saying %q", q, code, c, msg, says)
		}
	}
	for format, ctype := range map[string]string{"html": "text/html", "md": "text/markdown", "csv": "text/csv"} {
		req, _ := http.NewRequest("GET", ts.URL+"/api/v1/audit?format="+format, nil)
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := ts.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), ctype) || !strings.Contains(string(body), "auth0") {
			t.Errorf("%s: %d %s\n%s", format, resp.StatusCode, resp.Header.Get("Content-Type"), body)
		}
	}
	resp, err := ts.Client().Get(ts.URL + "/api/v1/audit")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("without the token: %d", resp.StatusCode)
	}

	plain := httpserver.New(plainDesk(t, sqliteStore(t)), token, slog.New(slog.NewTextHandler(io.Discard, nil)), prometheus.NewRegistry())
	code, out = do(t, newTestHTTP(t, plain.Handler(prometheus.NewRegistry())), "GET", "/api/v1/audit", "", nil)
	if c, msg := errMsg(out); code != 400 || c != stormdesk.EINVALID || !strings.Contains(msg, "no dependencies configured") {
		t.Errorf("no dependencies: %d %s %s", code, c, msg)
	}
}

func newTestHTTP(t *testing.T, h http.Handler) *httptest.Server {
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts
}

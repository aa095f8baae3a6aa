package main

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// zendeskExport stands in for Zendesk's Incremental Ticket Export: two
// cursor pages with sideloaded users. It checks each request's path and
// auth and records its query.
func zendeskExport(t *testing.T, queries *[]string) *httptest.Server {
	pages := map[string]string{
		"": `{"tickets":[{"id":101,"subject":"Login fails","description":"I cannot log in","status":"new","requester_id":1,"created_at":"2026-01-02T10:00:00Z","generated_timestamp":1767348000,"tags":["login","vip"],"via":{"channel":"web"}}],
		      "users":[{"id":1,"name":"Ada","email":"ada@example.com"}],"after_cursor":"C1","after_url":"x","end_of_stream":false}`,
		"C1": `{"tickets":[{"id":102,"subject":"Checkout 500","description":"<p>error 500</p>","status":"open","requester_id":2,"created_at":"2026-01-02T10:05:00Z","generated_timestamp":1767348300}],
		      "users":[{"id":2,"name":"Bob","email":"bob@example.com"}],"after_cursor":"C2","after_url":"","end_of_stream":true}`,
	}
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/api/v2/incremental/tickets/cursor.json" {
			t.Errorf("path %q", r.URL.Path)
		}
		if u, p, ok := r.BasicAuth(); !ok || u != "admin@example.com/token" || p != "tok-123" {
			t.Errorf("auth %q", r.Header.Get("Authorization"))
		}
		*queries = append(*queries, r.URL.RawQuery)
		w.Write([]byte(pages[r.URL.Query().Get("cursor")]))
	}))
}

// TestZendeskImportTwiceThenWebhook: the backfill stores each ticket
// once however often it runs, and the webhook's later post of an imported
// ticket is the same ticket, not a new one.
func TestZendeskImportTwiceThenWebhook(t *testing.T) {
	var queries []string
	srv := zendeskExport(t, &queries)
	defer srv.Close()
	dbURL := "sqlite:" + filepath.Join(t.TempDir(), "z.db")
	environ := []string{"STORMDESK_DATABASE_URL=" + dbURL, "STORMDESK_ZENDESK_API_URL=" + srv.URL,
		"STORMDESK_ZENDESK_EMAIL=admin@example.com", "STORMDESK_ZENDESK_API_TOKEN=tok-123"}

	code, out, errb := runCLI(t, environ, "connectors", "zendesk", "import", "--since", "2h")
	if code != 0 || !strings.Contains(out, "2 pages, 2 tickets read") || !strings.Contains(out, "2 imported, 0 already stored, 0 skipped") {
		t.Fatalf("first run: exit %d\n%s%s", code, out, errb)
	}
	if !strings.Contains(errb, "page 1: 1 tickets read, 1 created, 0 already stored") || !strings.Contains(errb, "page 2: 2 tickets read, 2 created") {
		t.Errorf("progress lines:\n%s", errb)
	}
	if strings.Contains(out+errb, "tok-123") {
		t.Errorf("output leaks the token")
	}
	since := time.Now().Add(-2 * time.Hour).Unix()
	if len(queries) != 2 || !strings.HasPrefix(queries[0], "include=users%2Corganizations&start_time=") || queries[1] != "cursor=C1&include=users%2Corganizations" {
		t.Errorf("queries %q", queries)
	} else if n, err := strconv.ParseInt(strings.TrimPrefix(queries[0], "include=users%2Corganizations&start_time="), 10, 64); err != nil || n < since-60 || n > since+60 {
		t.Errorf("start_time in %q, want about %d (2h ago)", queries[0], since)
	}

	code, out, errb = runCLI(t, environ, "connectors", "zendesk", "import", "--since", time.Now().Add(-3*time.Hour).UTC().Format(time.RFC3339))
	if code != 0 || !strings.Contains(out, "0 imported, 2 already stored") {
		t.Fatalf("second run: exit %d\n%s%s", code, out, errb)
	}

	// The webhook posts ticket 101 afterwards: already stored.
	const secret = "zendesk-webhook-secret"
	base, stop := startServe(t, []string{"STORMDESK_DATABASE_URL=" + dbURL, "STORMDESK_ZENDESK_WEBHOOK_SECRET=" + secret})
	defer stop()
	body := []byte(`{"event":"updated","ticket":{"id":"101","subject":"Login fails","description":"I cannot log in","requester":{"email":"ada@example.com","name":"Ada"},"created_at":"2026-01-02T10:00:00Z"}}`)
	stamp := time.Now().UTC().Format(time.RFC3339)
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(stamp))
	mac.Write(body)
	req, _ := http.NewRequest(http.MethodPost, base+"/connectors/zendesk/webhook", strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Zendesk-Webhook-Signature", base64.StdEncoding.EncodeToString(mac.Sum(nil)))
	req.Header.Set("X-Zendesk-Webhook-Signature-Timestamp", stamp)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var got struct {
		Created  bool  `json:"created"`
		TicketID int64 `json:"ticket_id"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&got); err != nil || resp.StatusCode != http.StatusOK || got.Created {
		t.Errorf("webhook post of an imported ticket: status %d, created %v (%v); want 200, false", resp.StatusCode, got.Created, err)
	}
	// The imported ticket kept the export's tags and via channel; the
	// webhook's post (without them) changed nothing.
	tr, err := http.Get(fmt.Sprintf("%s/api/v1/tickets/%d", base, got.TicketID))
	if err != nil {
		t.Fatal(err)
	}
	defer tr.Body.Close()
	var tk struct {
		Tags    []string `json:"tags"`
		Channel string   `json:"channel"`
	}
	if err := json.NewDecoder(tr.Body).Decode(&tk); err != nil || fmt.Sprint(tk.Tags) != "[login vip]" || tk.Channel != "web" {
		t.Errorf("imported ticket %d: tags %v channel %q (%v), want [login vip] and web", got.TicketID, tk.Tags, tk.Channel, err)
	}
}

func TestZendeskImportUsage(t *testing.T) {
	for _, args := range [][]string{{"connectors"}, {"connectors", "zendesk", "import"}, {"connectors", "zendesk", "import", "--since", "-1h"},
		{"connectors", "zendesk", "import", "--since", "yesterday"}} {
		if code, out, errb := runCLI(t, nil, args...); code != 2 {
			t.Errorf("%q: exit %d, want 2\n%s%s", args, code, out, errb)
		}
	}
	code, _, errb := runCLI(t, []string{"STORMDESK_DATABASE_URL=sqlite:" + filepath.Join(t.TempDir(), "u.db")}, "connectors", "zendesk", "import", "--since", "2h")
	if code != 1 || !strings.Contains(errb, "STORMDESK_ZENDESK_SUBDOMAIN") {
		t.Errorf("no credentials: exit %d\n%s", code, errb)
	}
	if code, out, _ := runCLI(t, nil, "connectors", "zendesk", "import", "--help"); code != 0 || !strings.Contains(out, "--since") && !strings.Contains(out, "-since") {
		t.Errorf("help: exit %d\n%s", code, out)
	}
}

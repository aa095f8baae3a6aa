package httpserver_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"stormdesk"
	"stormdesk/desk"
	"stormdesk/desk/desktest"
	"stormdesk/httpserver"
	"stormdesk/schedule"
	"stormdesk/store/sqlite"
	"stormdesk/triage"
)

const token = "test-token-0123456789"

func newServer(t testing.TB, s stormdesk.Store, tok string) *httptest.Server {
	ts, _ := newServerDesk(t, s, tok)
	return ts
}

// newServerDesk wires the server as `stormdesk serve` does: triage on with
// its worker, group commit on.
func newServerDesk(t testing.TB, s stormdesk.Store, tok string, email ...*desk.Email) (*httptest.Server, *desk.Service) {
	t.Helper()
	var e *desk.Email
	if len(email) > 0 {
		e = email[0]
	}
	return newServerWith(t, s, tok, e, nil)
}

// newServerWith is newServerDesk with configure run on the server before
// its routes are built (the outside services' endpoints).
func newServerWith(t testing.TB, s stormdesk.Store, tok string, email *desk.Email, configure func(*httpserver.Server)) (*httptest.Server, *desk.Service) {
	t.Helper()
	reg := prometheus.NewRegistry()
	cfg := triage.DefaultConfig()
	opt := desk.Options{Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Triage: &cfg,
		GroupCommit: &desk.GroupCommit{Writers: 1, NoteWriters: 1, Max: desk.GroupCommitMax}, Email: email}
	d, err := desk.New(context.Background(), s, opt)
	if err != nil {
		t.Fatal(err)
	}
	sched, err := schedule.New(opt.Log, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := sched.Loop("triage", time.Second, d.TriageWake(), desk.TriageDebounce, d.TriageRound); err != nil {
		t.Fatal(err)
	}
	sched.Start()
	srv := httpserver.New(d, tok, slog.New(slog.NewTextHandler(io.Discard, nil)), reg)
	if configure != nil {
		configure(srv)
	}
	ts := httptest.NewServer(srv.Handler(reg))
	t.Cleanup(func() { ts.Close(); sched.Stop(); d.Close() })
	return ts, d
}

// serveDesk serves d (desktest's desk) with the test token, configure run
// on the server before its routes are built; closed when the test ends.
func serveDesk(t testing.TB, d *desktest.Desk, configure func(*httpserver.Server)) *httptest.Server {
	t.Helper()
	reg := prometheus.NewRegistry()
	srv := httpserver.New(d.Service, token, slog.New(slog.DiscardHandler), reg)
	if configure != nil {
		configure(srv)
	}
	ts := httptest.NewServer(srv.Handler(reg))
	t.Cleanup(ts.Close)
	return ts
}

// plainDesk is a desk over s with no options.
func plainDesk(t testing.TB, s stormdesk.Store) *desk.Service {
	t.Helper()
	d, err := desk.New(context.Background(), s, desk.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func sqliteStore(t testing.TB) stormdesk.Store {
	t.Helper()
	dir := t.TempDir()
	s, err := sqlite.Open(context.Background(), filepath.Join(dir, "h.db"), testNow)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func do(t testing.TB, ts *httptest.Server, method, path, ctype string, body []byte) (int, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest(method, ts.URL+path, bytes.NewReader(body))
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	raw, _ := io.ReadAll(resp.Body)
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("%s %s: response is not JSON: %q", method, path, raw)
	}
	return resp.StatusCode, out
}

func errMsg(out map[string]any) (code, msg string) {
	e, _ := out["error"].(map[string]any)
	code, _ = e["code"].(string)
	msg, _ = e["message"].(string)
	return
}

func TestBadInputs(t *testing.T) {
	ts := newServer(t, sqliteStore(t), token)
	big := `{"subject":"x","body":"` + strings.Repeat("a", httpserver.DefaultMaxBodyBytes) + `"}`
	many := "[" + strings.TrimSuffix(strings.Repeat(`{"subject":"x"},`, httpserver.MaxBatch+1), ",") + "]"
	for _, tc := range []struct {
		name, ctype, body string
		status            int
		code, msg         string
	}{
		{"malformed", "application/json", `{"subject":`, 400, "invalid", "request body: truncated JSON at byte 11"},
		{"truncated after a field", "application/json", `{"subject":"x",`, 400, "invalid", "request body: truncated JSON at byte 15"},
		{"truncated batch", "application/json", `[{"subject":"x"},`, 400, "invalid", "request body: truncated JSON at byte 17"},
		{"syntax", "application/json", `{"subject" "x"}`, 400, "invalid", "request body: malformed JSON at byte 11"},
		{"wrong type", "application/json", `{"subject":["x"]}`, 400, "invalid", "subject: want string, got JSON array"},
		{"missing subject and body", "application/json", `{"body":" ","customer_email":"a@b.example"}`, 400, "invalid", "subject: required when the body is empty"},
		{"unknown field", "application/json", `{"subject":"x","sujbect":"y"}`, 400, "invalid", "sujbect: unknown field"},
		{"invalid utf-8", "application/json", "{\"subject\":\"\xc3\x28\"}", 400, "invalid", "request body: invalid UTF-8 at byte 12"},
		{"bad email", "application/json", `{"subject":"x","customer_email":"nope"}`, 400, "invalid", `customer_email: "nope" is not an email address`},
		{"bad time", "application/json", `{"subject":"x","received_at":"28/11/2018"}`, 400, "invalid", "received_at:"},
		{"zero time", "application/json", `{"subject":"x","received_at":"0001-01-01T00:00:00Z"}`, 400, "invalid", "received_at: 0001-01-01T00:00:00Z is out of range"},
		{"zero time in a batch", "application/json", `[{"subject":"x"},{"subject":"y","received_at":"0001-01-01T00:00:00Z"}]`, 400, "invalid", "tickets[1].received_at: 0001-01-01T00:00:00Z is out of range"},
		{"old time", "application/json", `{"subject":"x","received_at":"1999-12-31T23:59:59Z"}`, 400, "invalid", "received_at: 1999-12-31T23:59:59Z is out of range"},
		{"bad source", "application/json", `{"subject":"x","source":"pigeon"}`, 400, "invalid", `source: "pigeon" is not one of`},
		{"empty body", "application/json", ``, 400, "invalid", "request body: empty"},
		{"trailing data", "application/json", `{"subject":"x"} {"subject":"y"}`, 400, "invalid", "request body: unexpected data after the JSON value"},
		{"not an object", "application/json", `"x"`, 400, "invalid", "request body: want an object, got JSON string"},
		{"oversized", "application/json", big, 413, "too_large", "request body: larger than 16777216 bytes"},
		{"content type", "text/plain", `{"subject":"x"}`, 415, "unsupported_media_type", "Content-Type: want application/json, got text/plain"},
		{"no content type", "", `{"subject":"x"}`, 415, "unsupported_media_type", "Content-Type: want application/json, got none"},
		{"empty batch", "application/json", `[]`, 400, "invalid", "tickets: empty batch"},
		{"batch too big", "application/json", many, 400, "invalid", "tickets: at most 1000 per request, got 1001"},
		{"bad item", "application/json", `[{"subject":"ok"},{"body":"a body-only ticket is fine"},{"source":"api"}]`, 400, "invalid", "tickets[2].subject: required"},
		{"bad item type", "application/json", `[{"subject":"ok"},7]`, 400, "invalid", "tickets[1]: want an object, got JSON number"},
		{"too many tags", "application/json", `{"subject":"x","tags":[` + manyTags(stormdesk.MaxTags+1) + `]}`, 400, "invalid", "tags: at most 20 tags, got 21"},
		{"too many tags in a batch", "application/json", `[{"subject":"x"},{"subject":"y","tags":[` + manyTags(stormdesk.MaxTags+1) + `]}]`, 400, "invalid", "tickets[1].tags: at most 20 tags, got 21"},
		{"long tag", "application/json", `{"subject":"x","tags":["ok","` + strings.Repeat("t", stormdesk.MaxTagLen+1) + `"]}`, 400, "invalid", "tags[1]: longer than 64 bytes"},
		{"tags not an array", "application/json", `{"subject":"x","tags":"sso login"}`, 400, "invalid", "tags: want an array, got JSON string"},
		{"tag not a string", "application/json", `{"subject":"x","tags":["sso",7]}`, 400, "invalid", "tags: want string, got JSON number"},
		{"bad channel", "application/json", `{"subject":"x","channel":"fax"}`, 400, "invalid", `channel: "fax" is not one of email, web, chat, api, voice, sms, social, mobile, other`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, out := do(t, ts, "POST", "/api/v1/tickets", tc.ctype, []byte(tc.body))
			code, msg := errMsg(out)
			if status != tc.status || code != tc.code || !strings.HasPrefix(msg, tc.msg) {
				t.Fatalf("got %d %s %q, want %d %s %q…", status, code, msg, tc.status, tc.code, tc.msg)
			}
		})
	}
	// Nothing of any rejected request was stored, not even the good items
	// of the rejected batch.
	status, out := do(t, ts, "GET", "/api/v1/tickets/1", "", nil)
	if status != 404 {
		t.Fatalf("after only bad requests, ticket 1 exists: %d %v", status, out)
	}
}

// manyTags is n distinct JSON strings, comma-separated.
func manyTags(n int) string {
	tags := make([]string, n)
	for i := range tags {
		tags[i] = fmt.Sprintf(`"tag-%d"`, i)
	}
	return strings.Join(tags, ",")
}

// TestTicketTagsAndChannel: the API takes tags and a channel, trims the
// tags and drops repeats, and shows both on the answer and on GET; a
// ticket without them shows neither.
func TestTicketTagsAndChannel(t *testing.T) {
	ts := newServer(t, sqliteStore(t), token)
	status, out := do(t, ts, "POST", "/api/v1/tickets", "application/json",
		[]byte(`{"subject":"Can't log in","tags":[" sso ","vip","sso",""],"channel":"Chat"}`))
	if status != 201 || fmt.Sprint(out["tags"]) != "[sso vip]" || out["channel"] != "chat" {
		t.Fatalf("create: %d %v", status, out)
	}
	got := getTicket(t, ts, out["id"].(float64))
	if fmt.Sprint(got["tags"]) != "[sso vip]" || got["channel"] != "chat" {
		t.Fatalf("get: %v", got)
	}
	// The most a ticket may carry is accepted whole.
	status, out = do(t, ts, "POST", "/api/v1/tickets", "application/json",
		[]byte(`{"subject":"x","tags":[`+manyTags(stormdesk.MaxTags-1)+`,"`+strings.Repeat("é", stormdesk.MaxTagLen/2)+`"]}`))
	if tags, _ := out["tags"].([]any); status != 201 || len(tags) != stormdesk.MaxTags {
		t.Fatalf("%d tags: %d %v", stormdesk.MaxTags, status, out)
	}
	status, out = do(t, ts, "POST", "/api/v1/tickets", "application/json", []byte(`{"subject":"plain"}`))
	if _, has := out["tags"]; status != 201 || has || out["channel"] != nil {
		t.Fatalf("a ticket without tags or channel: %d %v", status, out)
	}
}

func TestTicketRoundTripAndIdempotency(t *testing.T) {
	ts := newServer(t, sqliteStore(t), token)
	body := []byte(`{"subject":"Can't log in","body":"SSO error","customer_email":"Ana@Example.com","external_id":"zd-1","received_at":"2018-11-28T17:46:00+01:00"}`)
	status, out := do(t, ts, "POST", "/api/v1/tickets", "application/json", body)
	if status != 201 || out["received_at"] != "2018-11-28T16:46:00Z" || out["customer_email"] != "ana@example.com" {
		t.Fatalf("create: %d %v", status, out)
	}
	id := out["id"].(float64)
	if out["duplicate"] != nil {
		t.Fatalf("a new ticket is marked duplicate: %v", out)
	}
	status, again := do(t, ts, "POST", "/api/v1/tickets", "application/json", body)
	if status != 200 || again["id"] != id || again["duplicate"] != true {
		t.Fatalf("repeat: %d %v, want 200 with the same id and duplicate true", status, again)
	}
	// The same external id with other content: the stored ticket, unchanged, said to be a duplicate.
	status, reused := do(t, ts, "POST", "/api/v1/tickets", "application/json", []byte(`{"subject":"Billing question","external_id":"zd-1"}`))
	if status != 200 || reused["id"] != id || reused["subject"] != "Can't log in" || reused["duplicate"] != true {
		t.Fatalf("reused external id: %d %v, want 200 with the stored ticket and duplicate true", status, reused)
	}
	delete(again, "duplicate")
	status, got := do(t, ts, "GET", fmt.Sprintf("/api/v1/tickets/%d", int(id)), "", nil)
	// Triage runs behind intake and may have clustered the ticket by now.
	delete(got, "cluster_id")
	if status != 200 || fmt.Sprint(got) != fmt.Sprint(out) {
		t.Fatalf("get: %d\n got %v\nwant %v", status, got, out)
	}
	batch := []byte(`[{"subject":"a","external_id":"zd-1"},{"subject":"b","external_id":"zd-2"},{"subject":"c"}]`)
	status, res := do(t, ts, "POST", "/api/v1/tickets", "application/json", batch)
	if status != 200 || res["created"] != 2.0 || res["duplicates"] != 1.0 {
		t.Fatalf("batch: %d %v", status, res)
	}
	if items := res["tickets"].([]any); items[0].(map[string]any)["duplicate"] != true || items[1].(map[string]any)["duplicate"] != nil {
		t.Fatalf("batch: the duplicate is not marked: %v", items)
	}
	for path, want := range map[string]int{"/api/v1/tickets/abc": 400, "/api/v1/tickets/0": 400, "/api/v1/tickets/99": 404, "/api/v1/incidents/5": 404,
		"/api/v1/incidents?status=weird": 400, "/api/v1/incidents?limit=0": 400, "/api/v1/incidents?status=open": 200, "/nope": 404} {
		if status, out := do(t, ts, "GET", path, "", nil); status != want {
			t.Errorf("GET %s: %d %v, want %d", path, status, out, want)
		}
	}
}

func TestAuth(t *testing.T) {
	ts := newServer(t, sqliteStore(t), token)
	for _, h := range []string{"", "Bearer wrong", "Bearer " + token + "x", token, "Basic " + token, "Bearer" + token, "Bearer", "Bearer " + token + " x"} {
		req, _ := http.NewRequest("GET", ts.URL+"/api/v1/incidents", nil)
		if h != "" {
			req.Header.Set("Authorization", h)
		}
		resp, err := ts.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 401 || resp.Header.Get("WWW-Authenticate") == "" {
			t.Errorf("Authorization %q: %d, want 401 with a challenge", h, resp.StatusCode)
		}
	}
	// RFC 9110 makes the scheme case-insensitive, with one or more spaces
	// before the token (issue 14, item 7).
	for _, h := range []string{"Bearer " + token, "bearer " + token, "BEARER " + token, "bEaReR  " + token} {
		req, _ := http.NewRequest("GET", ts.URL+"/api/v1/incidents", nil)
		req.Header.Set("Authorization", h)
		resp, err := ts.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("Authorization %q: %d, want 200", strings.Replace(h, token, "TOKEN", 1), resp.StatusCode)
		}
	}
	// Health and metrics stay open to probes and scrapers.
	for _, p := range []string{"/healthz", "/readyz", "/metrics"} {
		resp, err := ts.Client().Get(ts.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("%s: %d", p, resp.StatusCode)
		}
	}
}

func TestStoreFailureLeaksNothing(t *testing.T) {
	s := sqliteStore(t)
	ts := newServer(t, s, token)
	s.Close()
	status, out := do(t, ts, "POST", "/api/v1/tickets", "application/json", []byte(`{"subject":"x"}`))
	code, msg := errMsg(out)
	if status != 500 || code != "internal" || msg != "internal error" {
		t.Fatalf("store down: %d %s %q", status, code, msg)
	}
	status, out = do(t, ts, "GET", "/readyz", "", nil)
	if status != 503 {
		t.Fatalf("readyz with the store closed: %d %v", status, out)
	}
}

func TestMetricsCountTickets(t *testing.T) {
	ts := newServer(t, sqliteStore(t), token)
	do(t, ts, "POST", "/api/v1/tickets", "application/json", []byte(`[{"subject":"a","external_id":"1"},{"subject":"a","external_id":"1"}]`))
	resp, err := ts.Client().Get(ts.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, want := range []string{
		`stormdesk_tickets_ingested_total{result="created",source="api"} 1`,
		`stormdesk_tickets_ingested_total{result="duplicate",source="api"} 1`,
		`stormdesk_http_requests_total{code="200",route="POST /api/v1/tickets"} 1`,
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

func TestCorrectTimelineEntry(t *testing.T) {
	ts, d := newServerDesk(t, sqliteStore(t), token)
	ctx := context.Background()
	inc, _ := d.Declare(ctx, "Login failures", stormdesk.SeverityMajor, "U1")
	note, _ := d.AddNote(ctx, inc.ID, "typo'd note", "U1", time.Time{})
	path := fmt.Sprintf("/api/v1/timeline/%d", note.ID)
	if status, out := do(t, ts, "PATCH", path, "application/json", []byte(`{"text":"fixed note","actor":"U2"}`)); status != 200 || out["text"] != "fixed note" {
		t.Fatalf("correct: %d %v", status, out)
	}
	for body, want := range map[string]string{
		`{"text":"x"}`:                         "actor: required",
		`{"text":"x","actor":"a","at":"noon"}`: "at: ",
		`{"txt":"x","actor":"a"}`:              "txt: unknown field",
		`{"actor":"a"}`:                        "correction: give a new text",
	} {
		status, out := do(t, ts, "PATCH", path, "application/json", []byte(body))
		if _, msg := errMsg(out); status != 400 || !strings.HasPrefix(msg, want) {
			t.Errorf("%s: %d %q, want 400 %q", body, status, msg, want)
		}
	}
	if status, _ := do(t, ts, "PATCH", "/api/v1/timeline/99999", "application/json", []byte(`{"text":"x","actor":"a"}`)); status != 404 {
		t.Errorf("missing entry: %d", status)
	}
}

func TestRateLimitPerClient(t *testing.T) {
	now := testNow
	l := &httpserver.RateLimit{Rate: 2, Burst: 3, Now: func() time.Time { return now }}
	reg := prometheus.NewRegistry()
	srv := httpserver.New(plainDesk(t, sqliteStore(t)), token, slog.New(slog.NewTextHandler(io.Discard, nil)), reg)
	srv.RateLimit = l
	h := srv.Handler(reg)
	post := func(addr string) *httptest.ResponseRecorder {
		r := httptest.NewRequest("POST", "/api/v1/tickets", strings.NewReader(`{"subject":"x"}`))
		r.RemoteAddr = addr
		r.Header.Set("Content-Type", "application/json")
		r.Header.Set("Authorization", "Bearer "+token)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w
	}
	for i := range 3 {
		if w := post("10.0.0.1:1234"); w.Code != 201 {
			t.Fatalf("request %d within the burst: %d", i, w.Code)
		}
	}
	w := post("10.0.0.1:1235")
	if w.Code != 429 || w.Header().Get("Retry-After") != "1" || !strings.Contains(w.Body.String(), "rate_limited") {
		t.Fatalf("over the limit: %d %q %s", w.Code, w.Header().Get("Retry-After"), w.Body)
	}
	if w := post("10.0.0.2:1"); w.Code != 201 {
		t.Fatalf("another client is not limited: %d", w.Code)
	}
	now = now.Add(500 * time.Millisecond) // one token back at 2/s
	if w := post("10.0.0.1:1234"); w.Code != 201 {
		t.Fatalf("after the refill: %d", w.Code)
	}
}

// TestEmailsAndPolicyAPI: an incident's emails come with their delivery
// counts, in the API and in the metrics; its email policy can be changed,
// and a bad one is refused naming what is wrong.
func TestEmailsAndPolicyAPI(t *testing.T) {
	s := sqliteStore(t)
	ts, d := newServerDesk(t, s, token, &desk.Email{Auto: map[string]bool{"acknowledged": true}, ApprovalThreshold: 1, Placeholder: "UNSUB"})
	ctx := context.Background()
	inc, _ := d.Declare(ctx, "Login failures", stormdesk.SeverityMajor, "U1")
	err := s.Update(ctx, func(tx stormdesk.Tx) error {
		var tks []*stormdesk.Ticket
		for i, e := range []string{"ana@example.com", "bob@example.com"} {
			tks = append(tks, &stormdesk.Ticket{Source: "api", ExternalID: fmt.Sprint(i), Subject: "login", CustomerEmail: e,
				ReceivedAt: time.Now(), CreatedAt: time.Now(), IncidentID: inc.ID})
		}
		_, err := tx.CreateTickets(ctx, tks)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.Acknowledge(ctx, inc.ID, "U1", "slack:U1"); err != nil {
		t.Fatal(err)
	}
	path := fmt.Sprintf("/api/v1/incidents/%d/emails", inc.ID)
	status, out := do(t, ts, "GET", path, "", nil)
	emails, _ := out["emails"].([]any)
	if status != 200 || len(emails) != 1 {
		t.Fatalf("emails: %d %v", status, out)
	}
	e := emails[0].(map[string]any)
	if e["state"] != "held" || e["audience"] != 2.0 || e["template"] != "acknowledged" || e["sent"] != 0.0 {
		t.Errorf("held email: %v", e)
	}
	if _, err := d.ApproveNotification(ctx, e["message_id"].(string), "U2", "slack:U2"); err != nil {
		t.Fatal(err)
	}
	_, out = do(t, ts, "GET", path, "", nil)
	if e := out["emails"].([]any)[0].(map[string]any); e["state"] != "queued" || e["pending"] != 2.0 || e["decided_by"] != "U2" {
		t.Errorf("approved email: %v", e)
	}
	// A status page subscription's confirmation (no incident) counts
	// among the messages, with no recipients series of its own.
	if err := s.Update(ctx, func(tx stormdesk.Tx) error {
		_, err := tx.EnqueueMessage(ctx, &stormdesk.OutboundMessage{MessageID: "confirm-x", Template: "confirm", Subject: "s", Text: "t", HTML: "h",
			State: stormdesk.MessageQueued, CreatedAt: time.Now()}, []stormdesk.Customer{{Email: "sub@example.com"}}, time.Now())
		return err
	}); err != nil {
		t.Fatal(err)
	}
	resp, err := ts.Client().Get(ts.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, want := range []string{
		fmt.Sprintf(`stormdesk_email_recipients{incident="%d",message_id="%s",state="pending",template="acknowledged"} 2`, inc.ID, e["message_id"]),
		`stormdesk_email_messages{state="queued"} 2`, `stormdesk_email_messages{state="held"} 0`,
	} {
		if !strings.Contains(string(raw), want) {
			t.Errorf("metrics lack %s", want)
		}
	}
	if strings.Contains(string(raw), `message_id="confirm-x"`) {
		t.Errorf("a confirmation email has a recipients series")
	}

	pp := fmt.Sprintf("/api/v1/incidents/%d/email-policy", inc.ID)
	for body, want := range map[string]string{
		`{"policy":{"update":"approve"}}`:                 "actor: required",
		`{"policy":{"update":"sometimes"},"actor":"U2"}`:  `email policy: update: email mode: "sometimes" is not auto, approve or off`,
		`{"policy":{"apology":"auto"},"actor":"U2"}`:      `email policy: "apology" is not one of acknowledged, update, resolved`,
		`{"policy":{},"actor":"U2"}`:                      "email policy: name at least one",
		`{"policy":{"update":"auto"},"actor":"U2","x":1}`: "x: unknown field",
	} {
		status, out := do(t, ts, "PUT", pp, "application/json", []byte(body))
		if _, msg := errMsg(out); status != 400 || !strings.HasPrefix(msg, want) {
			t.Errorf("%s: %d %q, want 400 %q", body, status, msg, want)
		}
	}
	status, out = do(t, ts, "PUT", pp, "application/json", []byte(`{"policy":{"update":"approve","resolved":"off"},"actor":"U2"}`))
	if p, _ := out["email_policy"].(map[string]any); status != 200 || p["update"] != "approve" || p["resolved"] != "off" || p["acknowledged"] != "auto" {
		t.Errorf("set policy: %d %v", status, out)
	}
	if status, _ := do(t, ts, "GET", "/api/v1/incidents/999/emails", "", nil); status != 404 {
		t.Errorf("emails of a missing incident: %d", status)
	}
}

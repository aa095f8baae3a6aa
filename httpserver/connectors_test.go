package httpserver_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"stormdesk/connectors"
	"stormdesk/connectors/freshdesk"
	"stormdesk/connectors/helpscout"
	"stormdesk/connectors/intercom"
	"stormdesk/connectors/zendesk"
	"stormdesk/httpserver"
)

// vector is one signed post recorded by a connector's testdata/vectors.sh,
// which signs with openssl, apart from the code under test.
type vector struct {
	file, stamp, sig string
	body             []byte
}

// vectors reads a connector's recorded vectors: its secret, and each
// post by body file and timestamp ("-" for schemes that sign none).
func vectors(t *testing.T, dir string) (secret string, byName map[string]vector) {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "vectors.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	byName = map[string]vector{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) == 2 && fields[0] == "# secret" {
			secret = fields[1]
			continue
		}
		if len(fields) != 3 {
			t.Fatalf("%s: bad line %q", dir, sc.Text())
		}
		body, err := os.ReadFile(filepath.Join(dir, fields[0]))
		if err != nil {
			t.Fatal(err)
		}
		byName[fields[0]+"@"+fields[1]] = vector{fields[0], fields[1], fields[2], body}
	}
	if secret == "" || len(byName) == 0 {
		t.Fatalf("%s: no secret or no vectors", dir)
	}
	return secret, byName
}

// postHook sends a webhook post with headers and decodes the JSON answer.
func postHook(t *testing.T, ts *httptest.Server, path string, headers map[string]string, body []byte) (int, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest("POST", ts.URL+path, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var out map[string]any
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("POST %s: response is not JSON: %q", path, raw)
	}
	return resp.StatusCode, out
}

// connectorServer serves hook on the real desk over SQLite; the
// signature clock reads *now.
func connectorServer(t *testing.T, hook connectors.Webhook, now *time.Time) *httptest.Server {
	s := sqliteStore(t)
	ts, _ := newServerWith(t, s, token, nil, func(srv *httpserver.Server) {
		srv.Connectors = &httpserver.Connectors{Webhooks: []connectors.Webhook{hook}, Replays: s,
			Now: func() time.Time { return *now }}
	})
	return ts
}

// step is one post of a connector's table: the vector (file@stamp), the
// signature clock, header changes, and the answer expected.
type step struct {
	name    string
	vector  string
	after   time.Duration // the clock: the vector's timestamp plus this
	headers map[string]string
	body    []byte // replaces the vector's body (the signature stays)
	status  int
	code    string // error code, or "" for a success
	msg     string // error message prefix
	created any    // for a success: true, false, or nil for an ignored event
}

// runSteps posts each step in order on one server (a replay needs its
// first post) and checks the answers; it returns the ticket ids seen by
// step name.
func runSteps(t *testing.T, ts *httptest.Server, now *time.Time, path string, vecs map[string]vector, sign func(v vector) map[string]string, secret string, steps []step) map[string]float64 {
	t.Helper()
	ids := map[string]float64{}
	for _, st := range steps {
		v, ok := vecs[st.vector]
		if !ok {
			t.Fatalf("%s: no vector %s", st.name, st.vector)
		}
		if at, err := time.Parse(time.RFC3339, v.stamp); err == nil {
			*now = at.Add(st.after)
		}
		h := sign(v)
		for k, val := range st.headers {
			if val == "" {
				delete(h, k)
			} else {
				h[k] = val
			}
		}
		body := v.body
		if st.body != nil {
			body = st.body
		}
		status, out := postHook(t, ts, path, h, body)
		code, msg := errMsg(out)
		switch {
		case status != st.status || code != st.code || !strings.HasPrefix(msg, st.msg):
			t.Errorf("%s: got %d %s %q, want %d %s %q…", st.name, status, code, msg, st.status, st.code, st.msg)
		case strings.Contains(fmt.Sprint(out), secret):
			t.Errorf("%s: the answer shows the secret: %v", st.name, out)
		case st.code == "" && out["created"] != st.created:
			t.Errorf("%s: created %v, want %v (%v)", st.name, out["created"], st.created, out)
		}
		if id, ok := out["ticket_id"].(float64); ok {
			ids[st.name] = id
		}
	}
	return ids
}

func getTicket(t *testing.T, ts *httptest.Server, id float64) map[string]any {
	t.Helper()
	status, got := do(t, ts, "GET", fmt.Sprintf("/api/v1/tickets/%d", int(id)), "", nil)
	if status != 200 {
		t.Fatalf("ticket %v: %d %v", id, status, got)
	}
	return got
}

// wantTicket compares the stored ticket's fields with want, as decoded
// from JSON (a list is []any; nil is a field left out).
func wantTicket(t *testing.T, got map[string]any, want map[string]any) {
	t.Helper()
	for k, w := range want {
		if !reflect.DeepEqual(got[k], w) {
			t.Errorf("ticket %s: got %q, want %q", k, got[k], w)
		}
	}
}

func TestZendeskWebhook(t *testing.T) {
	dir := "../connectors/zendesk/testdata"
	secret, vecs := vectors(t, dir)
	var now time.Time
	ts := connectorServer(t, &zendesk.Webhook{Secret: secret}, &now)
	sign := func(v vector) map[string]string {
		return map[string]string{zendesk.SignatureHeader: v.sig, zendesk.TimestampHeader: v.stamp}
	}
	const path = "/connectors/zendesk/webhook"
	bad := "pDp3q52+CvPK8ygjnt/XxAuAosetjPt2/zvPgWTG4fQ="
	ids := runSteps(t, ts, &now, path, vecs, sign, secret, []step{
		{name: "stale", vector: "created.json@2026-12-03T09:00:00Z", after: 5*time.Minute + time.Second, status: 401, code: "unauthorized", msg: "signature timestamp 2026-12-03T09:00:00Z is more than 5m0s from now"},
		{name: "from the future", vector: "created.json@2026-12-03T09:00:00Z", after: -6 * time.Minute, status: 401, code: "unauthorized", msg: "signature timestamp"},
		{name: "wrong signature", vector: "created.json@2026-12-03T09:00:00Z", headers: map[string]string{zendesk.SignatureHeader: bad}, status: 401, code: "unauthorized", msg: "X-Zendesk-Webhook-Signature: does not match the timestamp and body"},
		{name: "signature not base64", vector: "created.json@2026-12-03T09:00:00Z", headers: map[string]string{zendesk.SignatureHeader: "%%%"}, status: 401, code: "unauthorized", msg: "X-Zendesk-Webhook-Signature: not base64"},
		{name: "no signature", vector: "created.json@2026-12-03T09:00:00Z", headers: map[string]string{zendesk.SignatureHeader: ""}, status: 401, code: "unauthorized", msg: "X-Zendesk-Webhook-Signature: missing"},
		{name: "no timestamp", vector: "created.json@2026-12-03T09:00:00Z", headers: map[string]string{zendesk.TimestampHeader: ""}, status: 401, code: "unauthorized", msg: "X-Zendesk-Webhook-Signature-Timestamp: missing"},
		{name: "other timestamp", vector: "created.json@2026-12-03T09:00:00Z", headers: map[string]string{zendesk.TimestampHeader: "2026-12-03T09:00:01Z"}, status: 401, code: "unauthorized", msg: "X-Zendesk-Webhook-Signature: does not match"},
		{name: "tampered body", vector: "created.json@2026-12-03T09:00:00Z", body: bytes.Replace(vecs["created.json@2026-12-03T09:00:00Z"].body, []byte("4821"), []byte("4829"), 1), status: 401, code: "unauthorized", msg: "X-Zendesk-Webhook-Signature: does not match"},
		{name: "unix timestamp", vector: "numeric_id.json@1764752400", status: 401, code: "unauthorized", msg: `X-Zendesk-Webhook-Signature-Timestamp: "1764752400" is not an RFC 3339 time`},
		{name: "too large", vector: "created.json@2026-12-03T09:00:00Z", body: bytes.Repeat([]byte(" "), connectors.MaxBodyBytes+1), status: 413, code: "too_large", msg: "request body: larger than 1048576 bytes"},
		{name: "created", vector: "created.json@2026-12-03T09:00:00Z", after: time.Minute, status: 201, created: true},
		{name: "replayed", vector: "created.json@2026-12-03T09:00:00Z", after: 2 * time.Minute, status: 401, code: "unauthorized", msg: "this signed request was already received (replay refused)"},
		{name: "follow-up comment", vector: "updated.json@2026-12-03T09:20:00Z", status: 200, created: false},
		{name: "numeric id", vector: "numeric_id.json@2026-12-03T09:02:00Z", status: 201, created: true},
		{name: "id of the wrong type", vector: "bad_id_type.json@2026-12-03T09:03:00Z", status: 400, code: "invalid", msg: "ticket.id: want a string, got JSON array"},
		{name: "no id", vector: "missing_id.json@2026-12-03T09:03:00Z", status: 400, code: "invalid", msg: "ticket.id: required"},
		{name: "bad created_at", vector: "bad_created_at.json@2026-12-03T09:03:00Z", status: 400, code: "invalid", msg: `ticket.created_at: "03/12/2026 09:00" is not an RFC 3339 time`},
		{name: "unknown event", vector: "bad_event.json@2026-12-03T09:03:00Z", status: 400, code: "invalid", msg: `event: "solved" is not created or updated`},
		{name: "more tags than a ticket keeps", vector: "tags.json@2026-12-03T09:05:00Z", status: 201, created: true},
	})
	if ids["follow-up comment"] != ids["created"] {
		t.Errorf("the follow-up is ticket %v, the report ticket %v: want the same ticket", ids["follow-up comment"], ids["created"])
	}
	got := getTicket(t, ts, ids["created"])
	wantTicket(t, got, map[string]any{"source": "zendesk", "external_id": "4821", "customer_email": "ana.lopez@clinicq.example",
		"customer_name": "Ana Lopez", "organisation": "Clinicq", "subject": "Cannot log in since this morning",
		// The HTML description reduced to text, the quoted thread dropped;
		// the follow-up's text did not replace it. (The space before the
		// full stop is intake.HTMLToText's, as for inbound email: text
		// after an inline element is joined with a space.)
		"body": "Hi,\nSince 9am the login page says SSO error 502 .", "received_at": "2026-12-03T08:58:10Z",
		// {{ticket.tags}} and {{ticket.via}} ("Mail").
		"tags": []any{"login", "sso"}, "channel": "email"})
	got = getTicket(t, ts, ids["numeric id"])
	wantTicket(t, got, map[string]any{"external_id": "4822", "body": "The CSV export never finishes.\nIt stays at 99%.", "tags": nil, "channel": nil})
	// 29 tags with a repeat and one of 65 bytes: the first 20 others kept,
	// the post not refused; "Phone call (incoming)" is a call.
	got = getTicket(t, ts, ids["more tags than a ticket keeps"])
	if tags, _ := got["tags"].([]any); len(tags) != 20 || tags[0] != "outage" || tags[1] != "phone" || tags[2] != "t00" || tags[19] != "t17" || got["channel"] != "voice" {
		t.Errorf("bounded tags: %v, channel %v", got["tags"], got["channel"])
	}
}

func TestIntercomWebhook(t *testing.T) {
	secret, vecs := vectors(t, "../connectors/intercom/testdata")
	var now time.Time
	ts := connectorServer(t, &intercom.Webhook{ClientSecret: secret}, &now)
	sign := func(v vector) map[string]string { return map[string]string{intercom.SignatureHeader: v.sig} }
	const path = "/connectors/intercom/webhook"
	created := vecs["created.json@-"]
	ids := runSteps(t, ts, &now, path, vecs, sign, secret, []step{
		{name: "no signature", vector: "created.json@-", headers: map[string]string{intercom.SignatureHeader: ""}, status: 401, code: "unauthorized", msg: "X-Hub-Signature: missing"},
		{name: "not sha1=", vector: "created.json@-", headers: map[string]string{intercom.SignatureHeader: strings.TrimPrefix(created.sig, "sha1=")}, status: 401, code: "unauthorized", msg: "X-Hub-Signature: want sha1=<hex digest>"},
		{name: "not hex", vector: "created.json@-", headers: map[string]string{intercom.SignatureHeader: "sha1=zz"}, status: 401, code: "unauthorized", msg: "X-Hub-Signature: the digest is not hex"},
		{name: "another body's signature", vector: "created.json@-", headers: map[string]string{intercom.SignatureHeader: vecs["replied.json@-"].sig}, status: 401, code: "unauthorized", msg: "X-Hub-Signature: does not match the body"},
		{name: "tampered body", vector: "created.json@-", body: bytes.Replace(created.body, []byte("Priya@"), []byte("Mallory@"), 1), status: 401, code: "unauthorized", msg: "X-Hub-Signature: does not match the body"},
		{name: "too large", vector: "created.json@-", body: bytes.Repeat([]byte(" "), connectors.MaxBodyBytes+1), status: 413, code: "too_large", msg: "request body: larger than"},
		{name: "ping", vector: "ping.json@-", status: 200, created: nil},
		{name: "created", vector: "created.json@-", status: 201, created: true},
		// Intercom signs no timestamp: a post again (a retry, a replay)
		// names the stored conversation and stores nothing.
		{name: "posted again", vector: "created.json@-", status: 200, created: false},
		{name: "reply", vector: "replied.json@-", status: 200, created: false},
		{name: "created_at not a number", vector: "bad_created_at.json@-", status: 400, code: "invalid", msg: "data.item.created_at: want a whole number, got JSON string"},
		{name: "no id", vector: "missing_id.json@-", status: 400, code: "invalid", msg: "data.item.id: required"},
		{name: "email conversation", vector: "created_email.json@-", status: 201, created: true},
	})
	if ids["reply"] != ids["created"] || ids["posted again"] != ids["created"] {
		t.Errorf("the reply is ticket %v, the post again %v, the report %v: want one ticket", ids["reply"], ids["posted again"], ids["created"])
	}
	wantTicket(t, getTicket(t, ts, ids["created"]), map[string]any{"source": "intercom", "external_id": "21576498123",
		"customer_email": "priya@learnloop.example", "customer_name": "Priya Raman",
		"body": "The dashboard shows Error 503 for everyone on our team since 8:50.\nIs something down?", "received_at": "2026-12-03T08:58:00Z",
		"tags": []any{"outage", "VIP Customer"}, "channel": "chat"})
	wantTicket(t, getTicket(t, ts, ids["email conversation"]), map[string]any{"external_id": "21576498200", "customer_email": "sam@learnloop.example",
		"subject": "Dashboard down?", "tags": nil, "channel": "email"})
}

func TestHelpScoutWebhook(t *testing.T) {
	secret, vecs := vectors(t, "../connectors/helpscout/testdata")
	var now time.Time
	ts := connectorServer(t, &helpscout.Webhook{Secret: secret}, &now)
	sign := func(v vector) map[string]string {
		return map[string]string{helpscout.SignatureHeader: v.sig, helpscout.EventHeader: helpscout.EventCreated}
	}
	const path = "/connectors/helpscout/webhook"
	created := vecs["created.json@-"]
	ids := runSteps(t, ts, &now, path, vecs, sign, secret, []step{
		{name: "no signature", vector: "created.json@-", headers: map[string]string{helpscout.SignatureHeader: ""}, status: 401, code: "unauthorized", msg: "X-HelpScout-Signature: missing"},
		{name: "not base64", vector: "created.json@-", headers: map[string]string{helpscout.SignatureHeader: "%%"}, status: 401, code: "unauthorized", msg: "X-HelpScout-Signature: not base64"},
		{name: "another body's signature", vector: "created.json@-", headers: map[string]string{helpscout.SignatureHeader: vecs["created_v2.json@-"].sig}, status: 401, code: "unauthorized", msg: "X-HelpScout-Signature: does not match the body"},
		{name: "tampered body", vector: "created.json@-", body: bytes.Replace(created.body, []byte("291938"), []byte("291939"), 1), status: 401, code: "unauthorized", msg: "X-HelpScout-Signature: does not match the body"},
		{name: "too large", vector: "created.json@-", body: bytes.Repeat([]byte(" "), connectors.MaxBodyBytes+1), status: 413, code: "too_large", msg: "request body: larger than"},
		{name: "no event", vector: "created.json@-", headers: map[string]string{helpscout.EventHeader: ""}, status: 400, code: "invalid", msg: "X-HelpScout-Event: missing"},
		{name: "customer reply before the ticket", vector: "created.json@-", headers: map[string]string{helpscout.EventHeader: "convo.customer.reply.created"}, status: 200, created: nil},
		{name: "created", vector: "created.json@-", status: 201, created: true},
		{name: "posted again", vector: "created.json@-", status: 200, created: false},
		{name: "customer reply", vector: "created.json@-", headers: map[string]string{helpscout.EventHeader: "convo.customer.reply.created"}, status: 200, created: nil},
		{name: "created, API 2.0 shape", vector: "created_v2.json@-", status: 201, created: true},
		{name: "no id", vector: "missing_id.json@-", status: 400, code: "invalid", msg: "id: required"},
		{name: "bad createdAt", vector: "bad_created_at.json@-", status: 400, code: "invalid", msg: `createdAt: "Dec 3, 2026 9:05 AM" is not an RFC 3339 time`},
	})
	if ids["posted again"] != ids["created"] {
		t.Errorf("the repost is ticket %v, the report %v: want one ticket", ids["posted again"], ids["created"])
	}
	wantTicket(t, getTicket(t, ts, ids["created"]), map[string]any{"source": "helpscout", "external_id": "291938", "external_customer_id": "29418",
		"customer_email": "vernon.bear@quizhub.example", "customer_name": "Vernon Bear", "subject": "Quiz grading stuck on 'pending'",
		"body": "Since this morning every quiz my class submits stays pending .\n\nThanks, Vernon", "received_at": "2026-12-03T09:05:00Z",
		"tags": []any{"grading", "outage"}, "channel": "email"})
	wantTicket(t, getTicket(t, ts, ids["created, API 2.0 shape"]), map[string]any{"external_id": "291940", "external_customer_id": "29420",
		"customer_email": "kim@quizhub.example", "customer_name": "Kim Ode", "body": "Students see no grades for today's quiz.\nAll of them.",
		"received_at": "2026-12-03T09:07:30Z", "tags": []any{"grading", "urgent"}, "channel": "voice"})
}

func TestFreshdeskWebhook(t *testing.T) {
	secret, vecs := vectors(t, "../connectors/freshdesk/testdata")
	var now time.Time
	ts := connectorServer(t, &freshdesk.Webhook{Secret: secret}, &now)
	sign := func(v vector) map[string]string { return map[string]string{freshdesk.SecretHeader: v.sig} }
	const path = "/connectors/freshdesk/webhook"
	ids := runSteps(t, ts, &now, path, vecs, sign, secret, []step{
		{name: "no secret", vector: "simple.json@-", headers: map[string]string{freshdesk.SecretHeader: ""}, status: 401, code: "unauthorized", msg: "X-Stormdesk-Secret: missing"},
		{name: "wrong secret", vector: "simple.json@-", headers: map[string]string{freshdesk.SecretHeader: secret[:len(secret)-1] + "0"}, status: 401, code: "unauthorized", msg: "X-Stormdesk-Secret: wrong secret"},
		{name: "secret with more", vector: "simple.json@-", headers: map[string]string{freshdesk.SecretHeader: secret + "x"}, status: 401, code: "unauthorized", msg: "X-Stormdesk-Secret: wrong secret"},
		{name: "too large", vector: "simple.json@-", body: bytes.Repeat([]byte(" "), connectors.MaxBodyBytes+1), status: 413, code: "too_large", msg: "request body: larger than"},
		{name: "simple content", vector: "simple.json@-", status: 201, created: true},
		{name: "rule on update", vector: "simple.json@-", status: 200, created: false},
		{name: "advanced content", vector: "advanced.json@-", status: 201, created: true},
		{name: "no id", vector: "missing_id.json@-", status: 400, code: "invalid", msg: "freshdesk_webhook.ticket_id: required"},
		{name: "not wrapped", vector: "unwrapped.json@-", status: 400, code: "invalid", msg: "freshdesk_webhook.ticket_id: required (the ticket's fields go in a freshdesk_webhook object)"},
		{name: "bad created_at", vector: "bad_created_at.json@-", status: 400, code: "invalid", msg: `freshdesk_webhook.ticket_created_at: "Thu, 3 Dec 2026 at 9:15 AM" is not an RFC 3339 time`},
		{name: "malformed", vector: "simple.json@-", body: []byte(`{"freshdesk_webhook": {"ticket_id": `), status: 400, code: "invalid", msg: "request body: truncated JSON"},
		{name: "id of the wrong type", vector: "simple.json@-", body: []byte(`{"freshdesk_webhook": {"ticket_id": true}}`), status: 400, code: "invalid", msg: "freshdesk_webhook.ticket_id: want a string, got JSON bool"},
	})
	if ids["rule on update"] != ids["simple content"] {
		t.Errorf("the update is ticket %v, the report %v: want one ticket", ids["rule on update"], ids["simple content"])
	}
	wantTicket(t, getTicket(t, ts, ids["simple content"]), map[string]any{"source": "freshdesk", "external_id": "1043",
		"customer_email": "jonas@shopwave.example", "customer_name": "Jonas Berg", "organisation": "Shopwave", "subject": "Payments failing at checkout",
		"body": "Our customers get card declined on every payment since 9:10.\nOrder numbers: 5512, 5513",
		"tags": []any{"payments", "checkout"}, "channel": "email"})
	wantTicket(t, getTicket(t, ts, ids["advanced content"]), map[string]any{"external_id": "1044", "received_at": "2026-12-03T09:12:00Z",
		"body": "Card declined for all our EU customers.", "tags": []any{"payments", "eu"}, "channel": "voice"})
}

// TestConnectorRoutesNeedTheirSecret: a helpdesk whose secret is not
// configured has no route.
func TestConnectorRoutesNeedTheirSecret(t *testing.T) {
	ts := newServer(t, sqliteStore(t), token)
	for _, name := range []string{"zendesk", "intercom", "helpscout", "freshdesk"} {
		if status, out := postHook(t, ts, "/connectors/"+name+"/webhook", nil, []byte(`{}`)); status != 404 {
			t.Errorf("%s without a secret: %d %v, want 404", name, status, out)
		}
	}
}

type downGuard struct{}

func (downGuard) FirstSeen(context.Context, string, time.Time, time.Time) (bool, error) {
	return false, errors.New("store: replay guard: connection refused")
}

// TestZendeskReplayGuardDown: a signed post that cannot be checked for
// replay is answered 503 with Retry-After (Zendesk retries it) and
// stores nothing.
func TestZendeskReplayGuardDown(t *testing.T) {
	secret, vecs := vectors(t, "../connectors/zendesk/testdata")
	v := vecs["created.json@2026-12-03T09:00:00Z"]
	at, _ := time.Parse(time.RFC3339, v.stamp)
	ts, _ := newServerWith(t, sqliteStore(t), token, nil, func(srv *httpserver.Server) {
		srv.Connectors = &httpserver.Connectors{Webhooks: []connectors.Webhook{&zendesk.Webhook{Secret: secret}},
			Replays: downGuard{}, Now: func() time.Time { return at }}
	})
	req, _ := http.NewRequest("POST", ts.URL+"/connectors/zendesk/webhook", bytes.NewReader(v.body))
	req.Header.Set(zendesk.SignatureHeader, v.sig)
	req.Header.Set(zendesk.TimestampHeader, v.stamp)
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 503 || resp.Header.Get("Retry-After") == "" {
		t.Fatalf("guard down: %d, Retry-After %q; want 503 with Retry-After", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	if status, _ := do(t, ts, "GET", "/api/v1/tickets/1", "", nil); status != 404 {
		t.Fatalf("a post not checked for replay stored a ticket")
	}
}

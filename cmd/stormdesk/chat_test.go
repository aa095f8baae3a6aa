package main

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack/slacktest"
)

const slackSecret = "8f742231b10e8888abcd99yyyzzz85a5"

// slackCommand builds a slash-command request as Slack signs it; every
// signature is accepted once, so trigger should differ between requests
// with the same text.
func slackCommand(base, secret, user, text, trigger string) *http.Request {
	body := url.Values{"command": {"/incident"}, "text": {text}, "user_id": {user}, "user_name": {"maria"}, "channel_id": {"C0OPS"},
		"team_id": {"T1"}, "response_url": {"http://127.0.0.1:1/unused"}, "trigger_id": {trigger}}.Encode()
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte("v0:" + ts + ":" + body))
	req, _ := http.NewRequest("POST", base+"/slack/commands", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Slack-Request-Timestamp", ts)
	req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
	return req
}

func signedSlash(t *testing.T, base, user, text string, secret string) (int, string) {
	t.Helper()
	resp, err := http.DefaultClient.Do(slackCommand(base, secret, user, text, "x"))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestServeWithSlack runs `stormdesk serve` with the Slack app configured
// against slack-go's slacktest server: signed slash commands change
// incidents (and unsigned or unauthorised ones do not), and a burst of
// tickets posts an alert to the ops channel.
func TestServeWithSlack(t *testing.T) {
	var mu sync.Mutex
	var posted []url.Values
	slackAPI := slacktest.NewTestServer(func(c slacktest.Customize) {
		c.Handle("/chat.postMessage", func(w http.ResponseWriter, r *http.Request) {
			r.ParseForm()
			mu.Lock()
			posted = append(posted, r.Form)
			mu.Unlock()
			json.NewEncoder(w).Encode(map[string]any{"ok": true, "channel": r.Form.Get("channel"), "ts": "1773500000.000100"})
		})
		c.Handle("/chat.update", func(w http.ResponseWriter, r *http.Request) {
			r.ParseForm()
			json.NewEncoder(w).Encode(map[string]any{"ok": true, "channel": r.Form.Get("channel"), "ts": r.Form.Get("ts")})
		})
	})
	slackAPI.Start()
	defer slackAPI.Stop()
	environ := []string{"STORMDESK_DATABASE_URL=sqlite:" + filepath.Join(t.TempDir(), "s.db"),
		"STORMDESK_SLACK_SIGNING_SECRET=" + slackSecret, "STORMDESK_SLACK_BOT_TOKEN=xoxb-test", "STORMDESK_SLACK_OPS_CHANNEL=C0OPS",
		"STORMDESK_SLACK_ALLOWED_USERS=U0MARIA", "STORMDESK_SLACK_API_URL=" + slackAPI.GetAPIURL()}
	base, stop := startServe(t, environ)
	defer stop()

	if code, body := signedSlash(t, base, "U0MARIA", "declare Login page broken sev1", slackSecret); code != 200 || !strings.Contains(body, "#1") {
		t.Fatalf("declare: %d %s", code, body)
	}
	if code, body := signedSlash(t, base, "U0STRANGER", "declare Not allowed", slackSecret); code != 200 || strings.Contains(body, "#2") {
		t.Fatalf("an unauthorised user changed something: %d %s", code, body)
	}
	if code, _ := signedSlash(t, base, "U0MARIA", "declare Forged", "wrong-secret"); code != 401 {
		t.Fatalf("a forged request: %d", code)
	}
	if code, body := signedSlash(t, base, "U0MARIA", "frobnicate", slackSecret); code != 200 || !strings.Contains(strings.ToLower(body), "help") {
		t.Fatalf("an unknown command must answer with help: %d %s", code, body)
	}
	resp, _ := http.Get(base + "/api/v1/incidents")
	var out struct{ Incidents []map[string]any }
	json.NewDecoder(resp.Body).Decode(&out)
	resp.Body.Close()
	if len(out.Incidents) != 1 || out.Incidents[0]["title"] != "Login page broken" {
		t.Fatalf("incidents: %v", out.Incidents)
	}

	// A burst of "can't log in" becomes an incident, and an alert goes to
	// the ops channel.
	postHistory(t, base)
	var batch []string
	for i, p := range []string{"Can't log in", "Unable to sign in", "Login page spins", "SSO error on login", "cannot log in",
		"sign-in fails", "login not working", "I can't login", "can't sign in to the app", "login broken"} {
		batch = append(batch, fmt.Sprintf(`{"subject":%q,"customer_email":"u%d@example.com"}`, p, i))
	}
	r, err := http.Post(base+"/api/v1/tickets", "application/json", strings.NewReader("["+strings.Join(batch, ",")+"]"))
	if err != nil {
		t.Fatal(err)
	}
	r.Body.Close()
	deadline := time.Now().Add(20 * time.Second)
	for {
		mu.Lock()
		n := len(posted)
		var first url.Values
		if n > 0 {
			first = posted[0]
		}
		mu.Unlock()
		if n > 0 {
			if first.Get("channel") != "C0OPS" || !strings.Contains(first.Get("blocks"), "Acknowledge") {
				t.Fatalf("alert: %v", first)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("no alert was posted to the ops channel")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func postInbound(t *testing.T, url string, fields map[string]string) (int, string) {
	t.Helper()
	var buf strings.Builder
	mw := multipart.NewWriter(&buf)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	mw.Close()
	resp, err := http.Post(url, mw.FormDataContentType(), strings.NewReader(buf.String()))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestInboundEmailBecomesATicket posts SendGrid Inbound Parse requests to
// `stormdesk serve`: an email becomes one ticket (a retried delivery does
// not make a second), quoted replies are stripped, the secret path is
// required, and a malformed request is refused with the field named.
func TestInboundEmailBecomesATicket(t *testing.T) {
	const secret = "0123456789abcdef0123"
	base, stop := startServe(t, []string{"STORMDESK_DATABASE_URL=sqlite:" + filepath.Join(t.TempDir(), "i.db"), "STORMDESK_INBOUND_SECRET=" + secret})
	defer stop()
	mail := map[string]string{
		"from":     "Ana Núñez <Ana@Example.com>",
		"to":       "support@stormdesk.example",
		"subject":  "Can't log in",
		"text":     "The sign-in page spins forever.\n\nOn Tue, Nov 27, 2018 at 9:00 AM Support <support@x.io> wrote:\n> How can we help?\n",
		"headers":  "Message-ID: <CAF=abc123@mail.gmail.com>\nDate: Wed, 28 Nov 2018 17:46:00 +0100\nFrom: Ana Núñez <Ana@Example.com>\n",
		"envelope": `{"to":["support@stormdesk.example"],"from":"ana@example.com"}`,
		"charsets": `{"subject":"UTF-8","from":"UTF-8","text":"UTF-8"}`,
	}
	url := base + "/inbound/sendgrid/" + secret
	code, body := postInbound(t, url, mail)
	if code != 201 {
		t.Fatalf("inbound: %d %s", code, body)
	}
	if code, _ := postInbound(t, url, mail); code != 200 {
		t.Fatalf("a retried delivery: %d, want 200 with the stored ticket", code)
	}
	resp, _ := http.Get(base + "/api/v1/tickets/1")
	var tk map[string]any
	json.NewDecoder(resp.Body).Decode(&tk)
	resp.Body.Close()
	if tk["source"] != "email" || tk["channel"] != "email" || tk["customer_email"] != "ana@example.com" || tk["received_at"] != "2018-11-28T16:46:00Z" ||
		strings.Contains(tk["body"].(string), "How can we help") {
		t.Fatalf("ticket: %v", tk)
	}
	if r, _ := http.Get(base + "/api/v1/tickets/2"); r.StatusCode != 404 {
		t.Fatalf("a retried delivery stored a second ticket")
	}
	if code, _ := postInbound(t, base+"/inbound/sendgrid/wrong-secret-000000", mail); code != 404 {
		t.Fatalf("wrong secret: %d", code)
	}
	bad := map[string]string{"to": "support@x.io", "subject": "x", "text": "y"}
	if code, body := postInbound(t, url, bad); code != 400 || !strings.Contains(body, "from") {
		t.Fatalf("no sender: %d %s", code, body)
	}
}

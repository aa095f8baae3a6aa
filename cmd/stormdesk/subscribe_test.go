package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"stormdesk/notify/sendgridtest"
)

// TestServeSubscriberJourney runs the whole program with customer email
// to a fake SendGrid: a customer subscribes to Login and Screen sharing from the
// page and confirms the link of the email they receive; an incident about
// login emails them, and that email's unsubscribe link (signed for Login)
// takes them off Login only, so the next update does not reach them while
// Screen sharing stays; the operators' API lists what is left and the address's
// history says what happened.
func TestServeSubscriberJourney(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "c.yaml")
	os.WriteFile(cfg, []byte("status_page:\n  components:\n    - {name: Login, features: [login]}\n    - {name: Screen sharing, features: [screenshare]}\n"), 0o644)
	sg := sendgridtest.New(t)
	sg.APIKey = "SG.journey"
	base, stop := startServe(t, []string{"STORMDESK_DATABASE_URL=sqlite:" + filepath.Join(dir, "j.db"), "STORMDESK_CONFIG=" + cfg, "STORMDESK_RATE_LIMIT=0",
		"STORMDESK_SENDGRID_API_KEY=" + sg.APIKey, "STORMDESK_SENDGRID_URL=" + sg.URL, "STORMDESK_EMAIL_FROM=status@example.com",
		"STORMDESK_PUBLIC_URL=https://status.example.com", "STORMDESK_UNSUBSCRIBE_SECRET=journey-unsubscribe-secret", "STORMDESK_EMAIL_APPROVAL_THRESHOLD=off"})
	defer stop()
	const sub = "sub@example.com"
	// mail waits for the email of kind (a message id part) to sub and
	// returns the token of the link to path in it.
	mail := func(kind, path string) string {
		t.Helper()
		re := regexp.MustCompile(`https://status\.example\.com` + regexp.QuoteMeta(path) + `\?token=([^\s"<&]+)`)
		for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			for _, d := range sg.Deliveries() {
				if d.Email == sub && strings.Contains(d.MessageID, kind) {
					m := re.FindStringSubmatch(d.Text)
					if m == nil {
						t.Fatalf("the %s email has no %s link:\n%s", kind, path, d.Text)
					}
					tok, err := url.QueryUnescape(m[1])
					if err != nil {
						t.Fatal(err)
					}
					return tok
				}
			}
		}
		t.Fatalf("no %s email reached %s", kind, sub)
		return ""
	}
	form := func(path string, v url.Values) string {
		t.Helper()
		resp, err := http.PostForm(base+path, v)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("POST %s: %d %s", path, resp.StatusCode, b)
		}
		return string(b)
	}
	getBody := func(path string) string {
		t.Helper()
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("GET %s: %d %s", path, resp.StatusCode, b)
		}
		return string(b)
	}
	post := func(path, body string) {
		t.Helper()
		resp, err := http.Post(base+path, "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode >= 300 {
			t.Fatalf("POST %s: %d", path, resp.StatusCode)
		}
	}

	form("/status/subscribe", url.Values{"email": {sub}, "component": {"login", "screen-sharing"}})
	if body := form("/status/confirm", url.Values{"token": {mail("confirm-", "/status/confirm")}}); !strings.Contains(body, "You are subscribed") {
		t.Fatalf("confirming: %s", body)
	}

	postHistory(t, base)
	post("/api/v1/tickets", "["+strings.Join(loginStorm(), ",")+"]")
	waitOneIncident(t, base)
	post("/api/v1/incidents/1/acknowledge", `{"actor":"ana"}`)
	unsub := mail("-acknowledged-", "/unsubscribe")
	if body := getBody("/unsubscribe?token=" + url.QueryEscape(unsub)); !strings.Contains(body, "no more emails about Login") || !strings.Contains(body, "still subscribed to Screen sharing") {
		t.Fatalf("the acknowledged email's unsubscribe link:\n%s", body)
	}

	post("/api/v1/incidents/1/status", `{"status":"identified","message":"Our identity provider is down.","actor":"ana"}`)
	// The update reaches the reporters; once it has, it has not reached
	// the address that left Login.
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		n, toSub := 0, false
		for _, d := range sg.Deliveries() {
			if strings.Contains(d.MessageID, "-update-") {
				n++
				toSub = toSub || d.Email == sub
			}
		}
		if toSub {
			t.Fatal("the update reached the address that unsubscribed from Login")
		}
		if n > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the update reached no one")
		}
	}

	var list struct {
		Subscriptions []struct{ Email, Component string }
	}
	json.Unmarshal([]byte(getBody("/api/v1/subscriptions?email="+sub)), &list)
	if len(list.Subscriptions) != 1 || list.Subscriptions[0].Component != "screen-sharing" {
		t.Errorf("subscriptions left: %+v", list.Subscriptions)
	}
	var rec struct {
		History []struct{ Kind, Text string }
	}
	json.Unmarshal([]byte(getBody("/api/v1/subscriptions/"+sub+"/history")), &rec)
	var kinds []string
	for _, e := range rec.History {
		kinds = append(kinds, e.Kind)
	}
	if strings.Join(kinds, " ") != "subscribed unsubscribed" {
		t.Errorf("history %+v", rec.History)
	}
}

// TestServeRefusesABadConfigFile: a STORMDESK_CONFIG that does not load
// stops serve with the file's error (it once panicked, closing the App
// that New had not returned).
func TestServeRefusesABadConfigFile(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "bad.yaml")
	os.WriteFile(cfg, []byte("status_page:\n  components:\n    - {name: Payroll, features: [payroll]}\n"), 0o644)
	code, _, errs := runCLI(t, []string{"STORMDESK_DATABASE_URL=sqlite:" + filepath.Join(dir, "b.db"), "STORMDESK_CONFIG=" + cfg}, "serve", "--listen", "127.0.0.1:0")
	if code == 0 || !strings.Contains(errs, "STORMDESK_CONFIG") || !strings.Contains(errs, "payroll") {
		t.Fatalf("serve with a bad config: %d\n%s", code, errs)
	}
}

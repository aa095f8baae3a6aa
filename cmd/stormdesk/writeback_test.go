package main

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"stormdesk/connectors/helpscout/helpscouttest"
	"stormdesk/connectors/intercom/intercomtest"
	"stormdesk/connectors/zendesk/zendesktest"
	"stormdesk/notify/sendgridtest"
	"stormdesk/store/postgres/pgtest"
)

const zdWebhookSecret = "zendesk-webhook-signing-secret"

// zendeskStorm is ten log-in reports as Zendesk webhook posts, tickets
// 301..310, over the last 20 minutes.
func zendeskStorm() [][]byte {
	phrases := []string{"Can't log in", "Unable to sign in", "Login page broken", "SSO error on login", "cannot log in at all",
		"sign-in page spins", "login fails with authentication error", "I can't login", "login not working since 16:40", "can't sign in to the app"}
	at := time.Now().UTC().Add(-20 * time.Minute)
	var out [][]byte
	for i, p := range phrases {
		out = append(out, fmt.Appendf(nil, `{"event":"created","ticket":{"id":"%d","subject":%q,"description":"It fails.","requester":{"email":"zd%d@example.com","name":"Customer %d"},"created_at":%q}}`,
			301+i, p, i, i, at.Add(time.Duration(i)*time.Minute).Format(time.RFC3339)))
	}
	return out
}

// postZendesk posts body to base's Zendesk webhook, signed as Zendesk
// signs: base64 HMAC-SHA256 of the timestamp and the body.
func postZendesk(t *testing.T, base string, body []byte) int {
	t.Helper()
	stamp := time.Now().UTC().Format(time.RFC3339)
	mac := hmac.New(sha256.New, []byte(zdWebhookSecret))
	mac.Write([]byte(stamp))
	mac.Write(body)
	return postSigned(t, base+"/connectors/zendesk/webhook", body,
		"X-Zendesk-Webhook-Signature", base64.StdEncoding.EncodeToString(mac.Sum(nil)), "X-Zendesk-Webhook-Signature-Timestamp", stamp)
}

// postSigned posts body as JSON to url with the headers given as name,
// value pairs (a helpdesk's signature), and returns the answer's status.
func postSigned(t *testing.T, url string, body []byte, headers ...string) int {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func postJSON(t *testing.T, url, body string) int {
	t.Helper()
	resp, err := http.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// zendeskEnv is the environment of a serve that takes Zendesk's webhook
// and writes back to zd.
func zendeskEnv(zd *zendesktest.Server) []string {
	return []string{"STORMDESK_ZENDESK_WEBHOOK_SECRET=" + zdWebhookSecret, "STORMDESK_ZENDESK_API_URL=" + zd.URL,
		"STORMDESK_ZENDESK_EMAIL=" + zd.Email, "STORMDESK_ZENDESK_API_TOKEN=" + zd.Token, "STORMDESK_RATE_LIMIT=0"}
}

// zendeskTally counts what the stand-in Zendesk was asked, by outcome:
// problem tickets created, successful links per ticket, public comments
// and solves of the problem ticket, and every other call.
type zendeskTally struct {
	created       []int64
	links         map[int64]int
	comments      []string
	solves        []string
	other, failed []zendesktest.Call
}

func tally(calls []zendesktest.Call) zendeskTally {
	z := zendeskTally{links: map[int64]int{}}
	for _, c := range calls {
		switch {
		case c.Status >= 300:
			z.failed = append(z.failed, c)
		case c.Method == "POST" && c.Ticket.Type == "problem":
			z.created = append(z.created, c.TicketID)
		case c.Ticket.Type == "incident" && c.Ticket.ProblemID != nil:
			z.links[c.TicketID]++
		case c.Ticket.Status == "solved" && c.Ticket.Comment != nil && c.Ticket.Comment.Public:
			z.solves = append(z.solves, c.Ticket.Comment.Body)
		case c.Ticket.Comment != nil && c.Ticket.Comment.Public:
			z.comments = append(z.comments, c.Ticket.Comment.Body)
		default:
			z.other = append(z.other, c)
		}
	}
	return z
}

// waitZendesk polls the stand-in until done says its calls are complete.
func waitZendesk(t *testing.T, zd *zendesktest.Server, within time.Duration, done func(zendeskTally) bool) zendeskTally {
	t.Helper()
	for deadline := time.Now().Add(within); ; time.Sleep(50 * time.Millisecond) {
		z := tally(zd.Calls())
		if done(z) {
			return z
		}
		if time.Now().After(deadline) {
			t.Fatalf("Zendesk calls: %+v", z)
		}
	}
}

// TestServeZendeskWriteBack: `stormdesk serve` with the Zendesk webhook
// and write-back turned on by the environment: a storm posted through
// the signed webhook becomes one incident, one problem ticket in Zendesk
// with every report linked to it once; a status update through the API
// is one public comment and the resolution one solve.
func TestServeZendeskWriteBack(t *testing.T) {
	zd := zendesktest.New(t)
	base, stop := startServe(t, append(zendeskEnv(zd), "STORMDESK_DATABASE_URL=sqlite:"+filepath.Join(t.TempDir(), "z.db")))
	defer stop()
	postHistory(t, base)
	for _, body := range zendeskStorm() {
		if code := postZendesk(t, base, body); code != http.StatusCreated {
			t.Fatalf("webhook: %d", code)
		}
	}
	inc := waitOneIncident(t, base)
	id := int64(inc["id"].(float64))
	n := int(inc["ticket_count"].(float64))
	z := waitZendesk(t, zd, 20*time.Second, func(z zendeskTally) bool { return len(z.links) >= n })
	if len(z.created) != 1 || len(z.failed)+len(z.other) != 0 {
		t.Fatalf("after the storm: %+v", z)
	}
	for tk, k := range z.links {
		if k != 1 || tk < 301 || tk > 310 {
			t.Errorf("ticket %d linked %d times", tk, k)
		}
	}
	if code := postJSON(t, fmt.Sprintf("%s/api/v1/incidents/%d/status", base, id), `{"status":"identified","message":"Our identity provider is down.","actor":"ana"}`); code != 200 {
		t.Fatalf("status: %d", code)
	}
	if code := postJSON(t, fmt.Sprintf("%s/api/v1/incidents/%d/status", base, id), `{"status":"resolved","message":"Logins work again.","actor":"ana"}`); code != 200 {
		t.Fatalf("resolve: %d", code)
	}
	z = waitZendesk(t, zd, 20*time.Second, func(z zendeskTally) bool { return len(z.solves) > 0 })
	time.Sleep(1500 * time.Millisecond) // a second dispatcher poll: nothing more comes
	z = tally(zd.Calls())
	// Triage runs beside intake: a report may join after the incident
	// was first seen, so every member is counted now, at the end.
	n = int(waitOneIncident(t, base)["ticket_count"].(float64))
	if len(z.created) != 1 || len(z.links) != n || strings.Join(z.comments, "|") != "Our identity provider is down." ||
		strings.Join(z.solves, "|") != "Logins work again." || len(z.failed)+len(z.other) != 0 {
		t.Fatalf("Zendesk was asked: %+v", z)
	}
	// The timeline has no write-back failure.
	resp, err := http.Get(fmt.Sprintf("%s/api/v1/incidents/%d/timeline", base, id))
	if err != nil {
		t.Fatal(err)
	}
	var tl map[string]any
	json.NewDecoder(resp.Body).Decode(&tl)
	resp.Body.Close()
	if b, _ := json.Marshal(tl); strings.Contains(string(b), "could not") {
		t.Errorf("timeline reports a failure: %s", b)
	}
}

// TestConfigCheckZendeskWriteBack: config check says whether the
// environment turns the Zendesk write-back on, and refuses credentials
// without a Zendesk to call; help env lists the variables.
func TestConfigCheckZendeskWriteBack(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "stormdesk.yaml")
	if err := os.WriteFile(cfg, []byte("dependencies:\n  - name: github\n    feed: {kind: statuspage, url: https://www.githubstatus.com/api/v2/summary.json}\n    features: [deploys]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	on := []string{"STORMDESK_ZENDESK_SUBDOMAIN=acme", "STORMDESK_ZENDESK_EMAIL=agent@acme.example", "STORMDESK_ZENDESK_API_TOKEN=tok"}
	if code, out, errs := runCLI(t, on, "config", "check", cfg); code != 0 || !strings.Contains(out, "zendesk write-back: on, to https://acme.zendesk.com (API token of agent@acme.example)") {
		t.Errorf("on: %d %s %s", code, out, errs)
	}
	if code, out, errs := runCLI(t, nil, "config", "check", cfg); code != 0 || !strings.Contains(out, "zendesk write-back: off") {
		t.Errorf("off: %d %s %s", code, out, errs)
	}
	if code, out, errs := runCLI(t, []string{"STORMDESK_ZENDESK_OAUTH_TOKEN=o"}, "config", "check", cfg); code != 1 || !strings.Contains(errs, "STORMDESK_ZENDESK_SUBDOMAIN") {
		t.Errorf("credentials without a subdomain: %d %s %s", code, out, errs)
	}
	icOn := []string{"STORMDESK_INTERCOM_ACCESS_TOKEN=t", "STORMDESK_INTERCOM_ADMIN_ID=814860"}
	if code, out, errs := runCLI(t, icOn, "config", "check", cfg); code != 0 || !strings.Contains(out, "intercom write-back: on, to https://api.intercom.io as admin 814860") {
		t.Errorf("intercom on: %d %s %s", code, out, errs)
	}
	hsOn := []string{"STORMDESK_HELPSCOUT_ACCESS_TOKEN=t", "STORMDESK_HELPSCOUT_WEBHOOK_SECRET=0123456789abcdef"}
	if code, out, errs := runCLI(t, hsOn, "config", "check", cfg); code != 0 || !strings.Contains(out, "helpscout write-back: on, to https://api.helpscout.net (an access token, not renewed)") {
		t.Errorf("help scout on: %d %s %s", code, out, errs)
	}
	hsApp := []string{"STORMDESK_HELPSCOUT_APP_ID=hs-app", "STORMDESK_HELPSCOUT_APP_SECRET=s", "STORMDESK_HELPSCOUT_WEBHOOK_SECRET=0123456789abcdef"}
	if code, out, errs := runCLI(t, hsApp, "config", "check", cfg); code != 0 || !strings.Contains(out, "helpscout write-back: on, to https://api.helpscout.net (the app hs-app's client credentials)") {
		t.Errorf("help scout on with the app: %d %s %s", code, out, errs)
	}
	if code, out, errs := runCLI(t, nil, "config", "check", cfg); code != 0 || !strings.Contains(out, "helpscout write-back: off") {
		t.Errorf("help scout off: %d %s %s", code, out, errs)
	}
	if code, out, errs := runCLI(t, hsOn[:1], "config", "check", cfg); code != 1 || !strings.Contains(errs, "STORMDESK_HELPSCOUT_WEBHOOK_SECRET") {
		t.Errorf("help scout token without the webhook: %d %s %s", code, out, errs)
	}
	code, out, _ := runCLI(t, nil, "help", "env")
	if code != 0 || !strings.Contains(out, "STORMDESK_ZENDESK_SUBDOMAIN") || !strings.Contains(out, "writes back") || !strings.Contains(out, "tickets:write") ||
		!strings.Contains(out, "STORMDESK_INTERCOM_ADMIN_ID") || !strings.Contains(out, "STORMDESK_HELPSCOUT_ACCESS_TOKEN") || !strings.Contains(out, "STORMDESK_HELPSCOUT_API_URL") || !strings.Contains(out, "STORMDESK_HELPSCOUT_APP_ID") {
		t.Errorf("help env: %d %s", code, out)
	}
}

// TestReplicasZendeskWriteBackSurviveLeaderKill runs three `stormdesk
// serve` processes on one Postgres with the Zendesk write-back on and a
// slow Zendesk, posts a storm through the Zendesk webhook to all of them,
// SIGKILLs the leader while the links are being written, posts the rest
// of the storm to the survivors and resolves the incident. Zendesk holds
// one problem ticket with every report linked to it, solved once, so
// each customer is answered once in their own thread; SendGrid emails
// none of them.
func TestReplicasZendeskWriteBackSurviveLeaderKill(t *testing.T) {
	if testing.Short() {
		t.Skip("multi-process test")
	}
	dbURL := pgtest.URL(t)
	zd := zendesktest.New(t)
	zd.Delay = 150 * time.Millisecond
	sg := sendgridtest.New(t)
	sg.APIKey = "SG.zd-ha-test"
	env := append(zendeskEnv(zd), "STORMDESK_SENDGRID_API_KEY="+sg.APIKey, "STORMDESK_SENDGRID_URL="+sg.URL, "STORMDESK_EMAIL_FROM=status@example.com",
		"STORMDESK_PUBLIC_URL=https://status.example.com", "STORMDESK_UNSUBSCRIBE_SECRET=zd-ha-test-unsubscribe-secret",
		"STORMDESK_EMAIL_APPROVAL_THRESHOLD=off", "STORMDESK_EMAIL_AUTO=acknowledged,update,resolved")
	var rs []*replica
	for range 3 {
		rs = append(rs, startReplica(t, dbURL, env...))
	}
	var leader *replica
	for deadline := time.Now().Add(20 * time.Second); leader == nil && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		for _, r := range rs {
			if !r.leads().IsZero() {
				leader = r
			}
		}
	}
	if leader == nil {
		t.Fatal("no replica became the leader")
	}
	var survivors []*replica
	for _, r := range rs {
		if r != leader {
			survivors = append(survivors, r)
		}
	}
	postHistory(t, "http://"+leader.addr)
	storm := append(zendeskStorm(), zendeskStorm()...)
	for i := 10; i < 20; i++ {
		// The second ten: other tickets (311..320) and customers.
		storm[i] = bytes.Replace(bytes.Replace(storm[i], fmt.Appendf(nil, `"id":"%d"`, 301+i-10), fmt.Appendf(nil, `"id":"%d"`, 301+i), 1),
			fmt.Appendf(nil, `"zd%d@`, i-10), fmt.Appendf(nil, `"zd%d@`, i), 1)
	}
	for i, body := range storm[:10] {
		if code := postZendesk(t, "http://"+rs[i%3].addr, body); code != http.StatusCreated {
			t.Fatalf("webhook %d: %d", i, code)
		}
	}
	id := haWaitIncident(t, survivors[0], 10, 30*time.Second)
	// Kill the leader while the links are being written.
	waitZendesk(t, zd, 30*time.Second, func(z zendeskTally) bool { return len(z.created) > 0 && len(z.links) > 0 })
	killedAt := time.Now()
	leader.cmd.Process.Signal(syscall.SIGKILL)
	before := tally(zd.Calls())
	for i, body := range storm[10:] {
		if code := postZendesk(t, "http://"+survivors[i%2].addr, body); code != http.StatusCreated {
			t.Fatalf("webhook %d after the kill: %d", 10+i, code)
		}
	}
	haWaitIncident(t, survivors[0], 20, 40*time.Second)
	z := waitZendesk(t, zd, 60*time.Second, func(z zendeskTally) bool { return len(z.links) == 20 })
	t.Logf("links written before the kill: %d of 20; all 20 linked %v after it", len(before.links), time.Since(killedAt).Round(time.Millisecond))
	if code := postJSON(t, fmt.Sprintf("http://%s/api/v1/incidents/%d/status", survivors[1].addr, id), `{"status":"resolved","message":"Logins work again.","actor":"ana"}`); code != 200 {
		t.Fatalf("resolve: %d", code)
	}
	z = waitZendesk(t, zd, 40*time.Second, func(z zendeskTally) bool { return len(z.solves) > 0 })
	time.Sleep(2 * time.Second) // the survivors' dispatchers poll again: nothing more comes
	z = tally(zd.Calls())
	problems := map[int64]bool{}
	for _, p := range z.created {
		problems[p] = true
	}
	if len(problems) != 1 || len(z.solves) != 1 || z.solves[0] != "Logins work again." || len(z.comments) != 0 || len(z.failed) != 0 || len(z.other) != 0 {
		t.Fatalf("Zendesk: %d problem tickets %v, solves %q, comments %q, failed %+v, other %+v", len(problems), z.created, z.solves, z.comments, z.failed, z.other)
	}
	again := 0
	for tk, k := range z.links {
		if tk < 301 || tk > 320 {
			t.Errorf("linked ticket %d, not one of the storm's", tk)
		}
		again += k - 1
	}
	for _, c := range zd.Calls() {
		if c.Ticket.Type == "incident" && (c.Ticket.ProblemID == nil || !problems[*c.Ticket.ProblemID]) {
			t.Errorf("ticket %d linked to another problem: %+v", c.TicketID, c)
		}
	}
	// A link in flight on the killed replica is sent again (it is
	// idempotent); the customers hear it once, from the solve.
	t.Logf("links sent again after the kill (in doubt, idempotent): %d", again)
	for p := range sg.Recipients() {
		if strings.HasPrefix(p.Email, "zd") {
			t.Errorf("SendGrid emailed %s (%s), whom Zendesk answers", p.Email, p.MessageID)
		}
	}
}

const icClientSecret = "intercom-client-secret"

// postIntercom posts a conversation.user.created notification for
// conversation id to base's Intercom webhook, signed as Intercom signs:
// sha1= and the hex HMAC-SHA1 of the body with the app's client secret.
func postIntercom(t *testing.T, base, id, subject, email string, at time.Time) int {
	t.Helper()
	body := fmt.Appendf(nil, `{"type":"notification_event","topic":"conversation.user.created","data":{"item":{"type":"conversation","id":%q,"created_at":%d,"source":{"type":"conversation","subject":"","body":%q,"author":{"type":"user","name":"Customer","email":%q}}}}}`,
		id, at.Unix(), "<p>"+subject+"</p>", email)
	mac := hmac.New(sha1.New, []byte(icClientSecret))
	mac.Write(body)
	return postSigned(t, base+"/connectors/intercom/webhook", body, "X-Hub-Signature", "sha1="+hex.EncodeToString(mac.Sum(nil)))
}

// TestServeIntercomReplies: `stormdesk serve` with the Intercom webhook,
// the Intercom write-back and customer email on: a storm of Intercom
// conversations is one incident; acknowledging it answers each
// conversation once with an admin reply, and SendGrid emails only the
// reporters who did not write in through Intercom.
func TestServeIntercomReplies(t *testing.T) {
	ic := intercomtest.New(t)
	sg := sendgridtest.New(t)
	sg.APIKey = "SG.ic-test"
	base, stop := startServe(t, []string{"STORMDESK_DATABASE_URL=sqlite:" + filepath.Join(t.TempDir(), "i.db"), "STORMDESK_RATE_LIMIT=0",
		"STORMDESK_INTERCOM_CLIENT_SECRET=" + icClientSecret, "STORMDESK_INTERCOM_ACCESS_TOKEN=" + ic.Token, "STORMDESK_INTERCOM_ADMIN_ID=814860",
		"STORMDESK_INTERCOM_API_URL=" + ic.URL,
		"STORMDESK_SENDGRID_API_KEY=" + sg.APIKey, "STORMDESK_SENDGRID_URL=" + sg.URL, "STORMDESK_EMAIL_FROM=status@example.com",
		"STORMDESK_PUBLIC_URL=https://status.example.com", "STORMDESK_UNSUBSCRIBE_SECRET=ic-test-unsubscribe-secret"})
	defer stop()
	convs, others := replyStorm(t, base, "intercom", func(i int, p string, at time.Time) {
		if code := postIntercom(t, base, fmt.Sprint(21576498100+i), p, fmt.Sprintf("ic%d@example.com", i), at); code != http.StatusCreated {
			t.Fatalf("webhook: %d", code)
		}
	})
	waitReplies(t, func() int { return len(ic.Calls()) }, convs, sg, others)
	replied := map[string]int{}
	for _, c := range ic.Calls() {
		if c.Status != 200 || !strings.Contains(c.Reply.Body, "We are aware of a problem") || strings.Contains(c.Reply.Body, "nsubscribe") {
			t.Errorf("reply %+v", c)
		}
		replied[c.Conversation]++
	}
	checkReplied(t, replied, convs, sg, "ic", others)
}

const hsWebhookSecret = "helpscout-secret-0123"

// postHelpScout posts a convo.created event for conversation id (its
// customer customer) to base's Help Scout webhook, signed as Help Scout
// signs: base64 of the HMAC-SHA1 of the body with the webhook's secret key.
func postHelpScout(t *testing.T, base, id, customer, subject, email string, at time.Time) int {
	t.Helper()
	body := fmt.Appendf(nil, `{"id":%s,"type":"email","status":"active","subject":%q,"createdAt":%q,"customer":{"id":%s,"firstName":"Customer","lastName":"","email":%q,"type":"customer"},"threads":[{"id":1,"type":"customer","body":%q}]}`,
		id, subject, at.Format(time.RFC3339), customer, email, "<div>"+subject+"</div>")
	mac := hmac.New(sha1.New, []byte(hsWebhookSecret))
	mac.Write(body)
	return postSigned(t, base+"/connectors/helpscout/webhook", body,
		"X-HelpScout-Event", "convo.created", "X-HelpScout-Signature", base64.StdEncoding.EncodeToString(mac.Sum(nil)))
}

// TestServeHelpScoutReplies: `stormdesk serve` with the Help Scout webhook,
// the Help Scout write-back and customer email on: a storm of Help Scout
// conversations is one incident; acknowledging it answers each
// conversation once with a reply thread to the customer id the webhook
// carried, under one token got with the app's client credentials, and
// SendGrid emails only the reporters who did not write in through Help
// Scout.
func TestServeHelpScoutReplies(t *testing.T) {
	hs := helpscouttest.New(t)
	sg := sendgridtest.New(t)
	sg.APIKey = "SG.hs-test"
	base, stop := startServe(t, []string{"STORMDESK_DATABASE_URL=sqlite:" + filepath.Join(t.TempDir(), "h.db"), "STORMDESK_RATE_LIMIT=0",
		"STORMDESK_HELPSCOUT_WEBHOOK_SECRET=" + hsWebhookSecret, "STORMDESK_HELPSCOUT_APP_ID=" + hs.AppID, "STORMDESK_HELPSCOUT_APP_SECRET=" + hs.AppSecret,
		"STORMDESK_HELPSCOUT_API_URL=" + hs.URL,
		"STORMDESK_SENDGRID_API_KEY=" + sg.APIKey, "STORMDESK_SENDGRID_URL=" + sg.URL, "STORMDESK_EMAIL_FROM=status@example.com",
		"STORMDESK_PUBLIC_URL=https://status.example.com", "STORMDESK_UNSUBSCRIBE_SECRET=hs-test-unsubscribe-secret"})
	defer stop()
	customers := map[string]string{}
	convs, others := replyStorm(t, base, "helpscout", func(i int, p string, at time.Time) {
		conv, cust := fmt.Sprint(291938+i), fmt.Sprint(29418+i)
		customers[conv] = cust
		if code := postHelpScout(t, base, conv, cust, p, fmt.Sprintf("hs%d@example.com", i), at); code != http.StatusCreated {
			t.Fatalf("webhook: %d", code)
		}
	})
	waitReplies(t, func() int { return len(hs.Calls()) }, convs, sg, others)
	replied := map[string]int{}
	for _, c := range hs.Calls() {
		if c.Status != 201 || !strings.Contains(c.Reply.Text, "We are aware of a problem") || strings.Contains(c.Reply.Text, "nsubscribe") ||
			c.Reply.Customer.ID.String() != customers[c.Conversation] || c.Reply.Status != "active" {
			t.Errorf("reply %+v", c)
		}
		replied[c.Conversation]++
	}
	checkReplied(t, replied, convs, sg, "hs", others)
	if n := hs.TokenRequests(); n != 1 {
		t.Errorf("%d token requests, want 1 (the app's token kept for every reply)", n)
	}
}

// replyStorm posts a log-in storm to base after a day of history: every
// fourth report through the API, the others through post (a helpdesk's
// webhook), waits for its one incident and acknowledges it. It returns
// the incident's tickets from source (their helpdesk ids) and the
// addresses of the others.
func replyStorm(t *testing.T, base, source string, post func(i int, phrase string, at time.Time)) (map[string]bool, []string) {
	t.Helper()
	postHistory(t, base)
	phrases := []string{"Can't log in", "Unable to sign in", "Login page broken", "SSO error on login", "cannot log in at all",
		"sign-in page spins", "login fails with authentication error", "I can't login", "login not working since 16:40", "can't sign in to the app"}
	at := time.Now().UTC().Add(-20 * time.Minute)
	for i, p := range phrases {
		at = at.Add(time.Minute)
		if i%4 == 3 {
			body := fmt.Sprintf(`{"subject":%q,"customer_email":"api%d@example.com","received_at":%q}`, p, i, at.Format(time.RFC3339))
			if code := postJSON(t, base+"/api/v1/tickets", body); code != http.StatusCreated {
				t.Fatalf("ticket: %d", code)
			}
			continue
		}
		post(i, p, at)
	}
	inc := waitOneIncident(t, base)
	id := int64(inc["id"].(float64))
	// Tickets are triaged as they are stored, one after another: the
	// incident opens at its first reports and the rest join over the
	// next moments. Wait for them (10 s at most: enough of them, and no
	// more joining for 300 ms), then acknowledge.
	type member struct {
		Source        string `json:"source"`
		ExternalID    string `json:"external_id"`
		CustomerEmail string `json:"customer_email"`
	}
	var convs map[string]bool
	var others []string
	var members []member
	last := -1
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(300 * time.Millisecond) {
		resp, err := http.Get(fmt.Sprintf("%s/api/v1/incidents/%d/tickets", base, id))
		if err != nil {
			t.Fatal(err)
		}
		var page struct {
			Tickets []member `json:"tickets"`
		}
		json.NewDecoder(resp.Body).Decode(&page)
		resp.Body.Close()
		members = page.Tickets
		convs, others = map[string]bool{}, nil
		for _, m := range members {
			if m.Source == source {
				convs[m.ExternalID] = true
			} else {
				others = append(others, m.CustomerEmail)
			}
		}
		if len(convs) >= 6 && len(others) > 0 && len(members) == last {
			break
		}
		last = len(members)
		if time.Now().After(deadline) {
			t.Fatalf("the incident's tickets: %+v", members)
		}
	}
	if code := postJSON(t, fmt.Sprintf("%s/api/v1/incidents/%d/acknowledge", base, id), `{"actor":"ana"}`); code != 200 {
		t.Fatalf("acknowledge: %d", code)
	}
	return convs, others
}

// waitReplies waits (20 s at most) until the helpdesk stand-in has
// answered replies() requests, one a conversation in convs, and SendGrid
// has accepted every one of others, then for another dispatcher poll, so
// that whatever would come twice has come.
func waitReplies(t *testing.T, replies func() int, convs map[string]bool, sg *sendgridtest.Server, others []string) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); replies() < len(convs) || sg.AcceptedRecipients() < len(others); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("replies %d of %d, emails %d of %d", replies(), len(convs), sg.AcceptedRecipients(), len(others))
		}
	}
	time.Sleep(1500 * time.Millisecond) // another dispatcher poll: nothing more comes
}

// checkReplied checks that each conversation in convs got one reply
// (replied counts them) and that SendGrid emailed exactly the others,
// none of the helpdesk's customers (addresses starting with prefix).
func checkReplied(t *testing.T, replied map[string]int, convs map[string]bool, sg *sendgridtest.Server, prefix string, others []string) {
	t.Helper()
	for conv := range convs {
		if replied[conv] != 1 {
			t.Errorf("conversation %s got %d replies, want 1", conv, replied[conv])
		}
	}
	if len(replied) != len(convs) {
		t.Errorf("replied %v, want %v", replied, convs)
	}
	for p := range sg.Recipients() {
		if strings.HasPrefix(p.Email, prefix) {
			t.Errorf("SendGrid emailed %s, whom the helpdesk answers", p.Email)
		}
	}
	if got := sg.AcceptedRecipients(); got != len(others) {
		t.Errorf("SendGrid emailed %d, want the %d others", got, len(others))
	}
}

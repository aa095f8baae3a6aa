package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"stormdesk/internal/syncbuf"
	"stormdesk/store/postgres/pgtest"
)

// startServe runs `stormdesk serve` in-process on a free port and returns
// its base URL and a stop function that waits for a clean exit.
func startServe(t *testing.T, environ []string) (string, func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	addr := make(chan string, 1)
	logs := &syncbuf.Buffer{}
	done := make(chan int, 1)
	e := &env{environ: environ, stdin: strings.NewReader(""), stdout: logs, stderr: logs, ready: func(a string) { addr <- a }}
	go func() { done <- runEnv(ctx, []string{"serve", "--listen", "127.0.0.1:0"}, e) }()
	select {
	case a := <-addr:
		return "http://" + a, func() {
			cancel()
			if code := <-done; code != 0 {
				t.Errorf("serve exited %d:\n%s", code, logs)
			}
		}
	case code := <-done:
		t.Fatalf("serve exited %d before listening:\n%s", code, logs)
	case <-time.After(20 * time.Second):
		t.Fatalf("serve did not start:\n%s", logs)
	}
	cancel()
	return "", nil
}

func runCLI(t *testing.T, environ []string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, environ, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestServeKeepsTicketsAcrossRestart(t *testing.T) {
	for _, backend := range []string{"sqlite", "postgres"} {
		t.Run(backend, func(t *testing.T) {
			dbURL := "sqlite:" + filepath.Join(t.TempDir(), "stormdesk.db")
			if backend == "postgres" {
				dbURL = pgtest.URL(t)
			}
			environ := []string{"STORMDESK_DATABASE_URL=" + dbURL}
			base, stop := startServe(t, environ)
			resp, err := http.Post(base+"/api/v1/tickets", "application/json",
				strings.NewReader(`{"subject":"Can't log in","body":"the login page spins","customer_email":"ana@example.com"}`))
			if err != nil {
				t.Fatal(err)
			}
			var created map[string]any
			json.NewDecoder(resp.Body).Decode(&created)
			resp.Body.Close()
			if resp.StatusCode != 201 {
				t.Fatalf("post: %d %v", resp.StatusCode, created)
			}
			stop()

			base, stop = startServe(t, environ)
			defer stop()
			resp, err = http.Get(base + "/api/v1/tickets/1")
			if err != nil {
				t.Fatal(err)
			}
			var got map[string]any
			json.NewDecoder(resp.Body).Decode(&got)
			resp.Body.Close()
			if resp.StatusCode != 200 || got["subject"] != "Can't log in" || got["received_at"] != created["received_at"] {
				t.Fatalf("after restart: %d %v, want %v", resp.StatusCode, got, created)
			}
		})
	}
}

func TestServeRefusesPublicListenWithoutToken(t *testing.T) {
	code, _, stderr := runCLI(t, []string{"STORMDESK_DATABASE_URL=sqlite:" + filepath.Join(t.TempDir(), "x.db")}, "serve", "--listen", "0.0.0.0:0")
	if code != 1 || !strings.Contains(stderr, "STORMDESK_LISTEN") || !strings.Contains(stderr, "STORMDESK_API_TOKEN") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
}

func TestUsage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{nil, 2, "no command given"},
		{[]string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{[]string{"serve", "--bogus"}, 2, "flag provided but not defined: -bogus"},
		{[]string{"tickets"}, 2, "want the subcommand import"},
		{[]string{"tickets", "import"}, 2, "want exactly one FILE"},
		{[]string{"tickets", "import", "x.txt"}, 2, "pass --format csv"},
		{[]string{"serve", "--help"}, 0, "Usage: stormdesk serve"},
		{[]string{"tickets", "import", "-h"}, 0, "Bad rows are reported by line number"},
	} {
		code, stdout, stderr := runCLI(t, nil, tc.args...)
		if code != tc.code || !strings.Contains(stdout+stderr, tc.want) {
			t.Errorf("%v: exit %d, output %q; want exit %d and %q", tc.args, code, stdout+stderr, tc.code, tc.want)
		}
	}
	code, stdout, _ := runCLI(t, nil, "help", "env")
	if code != 0 || !strings.Contains(stdout, "STORMDESK_DATABASE_URL") {
		t.Errorf("help env: %d %s", code, stdout)
	}
	code, stdout, _ = runCLI(t, nil, "version")
	if code != 0 || !strings.HasPrefix(stdout, "stormdesk ") {
		t.Errorf("version: %d %s", code, stdout)
	}
}

func TestMigrate(t *testing.T) {
	env := []string{"STORMDESK_DATABASE_URL=sqlite:" + filepath.Join(t.TempDir(), "m.db")}
	code, out, errs := runCLI(t, env, "migrate")
	if code != 0 || !strings.Contains(out, "migrated from version 0 to") {
		t.Fatalf("first migrate: %d %s %s", code, out, errs)
	}
	code, out, _ = runCLI(t, env, "migrate")
	if code != 0 || !strings.Contains(out, "up to date") {
		t.Fatalf("second migrate: %d %s", code, out)
	}
	code, _, errs = runCLI(t, []string{"STORMDESK_DATABASE_URL=mysql://x"}, "migrate")
	if code != 1 || !strings.Contains(errs, "STORMDESK_DATABASE_URL") {
		t.Fatalf("bad URL: %d %s", code, errs)
	}
}

func TestImportReportsBadRowsAndKeepsGoodOnes(t *testing.T) {
	dir := t.TempDir()
	env := []string{"STORMDESK_DATABASE_URL=sqlite:" + filepath.Join(dir, "i.db")}
	csvFile := filepath.Join(dir, "tickets.csv")
	os.WriteFile(csvFile, []byte("external_id,subject,body,email,received_at,priority\n"+
		"1,Can't log in,\"multi\nline body\",ana@example.com,2018-11-28T16:46:00Z,high\n"+
		"2,,,bob@example.com,,low\n"+ // line 4: no subject, no body
		"3,SSO error,,not-an-email,,low\n"+ // line 5
		"4,Screen share broken,,cy@example.com,yesterday,low\n"+ // line 6
		"5,Billing question,,,,\n"+
		"6,short row\n"), 0o644) // line 8
	code, out, errs := runCLI(t, env, "tickets", "import", csvFile)
	if code != 1 || !strings.Contains(out, "6 rows read: 2 tickets imported, 0 already stored, 4 bad rows skipped") {
		t.Fatalf("exit %d\nstdout %s\nstderr %s", code, out, errs)
	}
	for _, want := range []string{"ignoring unknown CSV columns: priority", "line 4: subject: required", "line 5: customer_email:", "line 6: received_at:", "line 8: row has 2 fields"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	// Importing again stores nothing twice.
	_, out, _ = runCLI(t, env, "tickets", "import", csvFile)
	if !strings.Contains(out, "0 tickets imported, 2 already stored") {
		t.Fatalf("re-import: %s", out)
	}

	jsonl := filepath.Join(dir, "t.jsonl")
	os.WriteFile(jsonl, []byte(`{"subject":"a","external_id":"j1"}`+"\n\n"+`{"subject":`+"\n"+`{"subject":"b","colour":"red"}`+"\n"+`{"subject":"c"}`), 0o644)
	code, out, errs = runCLI(t, env, "tickets", "import", jsonl, "--source", "email")
	if code != 1 || !strings.Contains(out, "4 rows read: 2 tickets imported") || !strings.Contains(errs, "line 3: ticket: truncated JSON at byte 11") || !strings.Contains(errs, "line 4: colour: unknown field") {
		t.Fatalf("jsonl: exit %d\n%s\n%s", code, out, errs)
	}
	code, _, errs = runCLI(t, env, "tickets", "import", filepath.Join(dir, "missing.csv"))
	if code != 1 || !strings.Contains(errs, "no such file") {
		t.Fatalf("missing file: %d %s", code, errs)
	}
	broken := filepath.Join(dir, "broken.csv")
	os.WriteFile(broken, []byte("subject,external_id\nfine,b1\n\"unterminated,b2\nmore\n"), 0o644)
	code, out, errs = runCLI(t, env, "tickets", "import", broken)
	if code != 1 || !strings.Contains(errs, "line 3: extraneous or missing \" in quoted-field") || !strings.Contains(out, "1 tickets imported") {
		t.Fatalf("broken quote: exit %d\n%s\n%s", code, out, errs)
	}
	empty := filepath.Join(dir, "empty.csv")
	os.WriteFile(empty, nil, 0o644)
	if code, _, errs = runCLI(t, env, "tickets", "import", empty); code != 1 || !strings.Contains(errs, "empty") {
		t.Fatalf("empty csv: %d %s", code, errs)
	}
}

func TestServeClustersABurstIntoAnIncident(t *testing.T) {
	dir := t.TempDir()
	environ := []string{"STORMDESK_DATABASE_URL=sqlite:" + filepath.Join(dir, "b.db")}
	base, stop := startServe(t, environ)
	postHistory(t, base)
	batch := loginStorm()
	storm := len(batch)
	batch = append(batch, `{"subject":"How do I change my billing address?","customer_email":"bg@example.com"}`)
	resp, err := http.Post(base+"/api/v1/tickets", "application/json", strings.NewReader("["+strings.Join(batch, ",")+"]"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	// Triage follows intake; wait for it (bounded), then check the outcome.
	if inc := waitOneIncident(t, base); inc["ticket_count"] != float64(storm) || inc["status"] != "triage" {
		t.Fatalf("incident %v: want %d tickets in triage", inc, storm)
	}
	get := func(path string) (int, string) {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if code, md := get("/api/v1/incidents/1/timeline?format=md"); code != 200 || !strings.Contains(md, "First report: Can't log in") || !strings.Contains(md, "Incident detected") {
		t.Fatalf("markdown export: %d\n%s", code, md)
	}
	if code, body := get("/api/v1/incidents/1/timeline?format=pdf"); code != 400 || !strings.Contains(body, "format") {
		t.Fatalf("bad format: %d %s", code, body)
	}
	if code, _ := get("/api/v1/incidents/99/timeline?format=csv"); code != 404 {
		t.Fatalf("missing incident: %d", code)
	}
	stop()
	out := filepath.Join(dir, "pm.html")
	code, _, errs := runCLI(t, environ, "export", "1", "--format", "html", "-o", out)
	html, _ := os.ReadFile(out)
	if code != 0 || !strings.Contains(string(html), `<svg id="chart"`) {
		t.Fatalf("cli export: %d %s", code, errs)
	}
	code, pv, errs := runCLI(t, environ, "notify", "preview", "1")
	if code != 0 || !strings.Contains(pv, "template: acknowledged") || !strings.Contains(pv, fmt.Sprintf("recipients: %d", storm)) {
		t.Fatalf("notify preview: %d\n%s\n%s", code, pv, errs)
	}
	if code, _, errs := runCLI(t, environ, "notify", "preview", "1", "apology"); code != 1 || !strings.Contains(errs, "template") {
		t.Fatalf("bad template: %d %s", code, errs)
	}
	if code, _, errs := runCLI(t, environ, "export", "42"); code != 1 || !strings.Contains(errs, "incident 42 not found") {
		t.Fatalf("cli export of a missing incident: %d %s", code, errs)
	}
}

func TestUpstreamCommands(t *testing.T) {
	summary, err := os.ReadFile("../../upstream/testdata/feeds/githubstatus_summary.json")
	if err != nil {
		t.Fatal(err)
	}
	broken := false
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if broken {
			w.Write([]byte("<html>maintenance page</html>"))
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write(summary)
	}))
	defer srv.Close()
	dir := t.TempDir()
	cfg := filepath.Join(dir, "stormdesk.yaml")
	os.WriteFile(cfg, []byte("dependencies:\n  - name: github\n    feed: {kind: statuspage, url: "+srv.URL+"/api/v2/summary.json}\n    features: [deploys]\n"), 0o644)
	env := []string{"STORMDESK_DATABASE_URL=sqlite:" + filepath.Join(dir, "u.db"), "STORMDESK_CONFIG=" + cfg}

	if code, out, errs := runCLI(t, env, "config", "check", cfg); code != 0 || !strings.Contains(out, "ok: 1 dependencies") {
		t.Fatalf("config check: %d %s %s", code, out, errs)
	}
	if code, out, errs := runCLI(t, env, "upstream", "poll", "github"); code != 0 || !strings.HasPrefix(out, "github: ok") {
		t.Fatalf("poll: %d %s %s", code, out, errs)
	}
	if code, out, _ := runCLI(t, env, "upstream", "status"); code != 0 || !strings.Contains(out, `"Incident with Packages and Pages" (investigating)`) {
		t.Fatalf("status lacks the open upstream incident: %d\n%s", code, out)
	}
	// GitHub's open incident backs "deploys": an incident was raised.
	if code, out, _ := runCLI(t, env, "export", "1", "--format", "csv"); code != 0 || !strings.Contains(out, "github: ") {
		t.Fatalf("the upstream incident did not raise an incident: %d %s", code, out)
	}
	broken = true
	code, out, errs := runCLI(t, env, "upstream", "poll", "github")
	if code != 1 || !strings.Contains(out, "github: unreadable") || !strings.Contains(errs, "got HTML") {
		t.Fatalf("broken feed: %d %s %s", code, out, errs)
	}
	if code, out, _ := runCLI(t, env, "upstream", "status"); code != 0 || !strings.Contains(out, "github  statuspage  unreadable") {
		t.Fatalf("status: %d\n%s", code, out)
	}
	if code, _, errs := runCLI(t, env, "upstream", "poll", "nope"); code != 1 || !strings.Contains(errs, `dependency "nope" is not configured (configured: github)`) {
		t.Fatalf("unknown dependency: %d %s", code, errs)
	}
	if code, _, errs := runCLI(t, env, "upstream", "frob"); code != 2 || !strings.Contains(errs, "unknown subcommand") {
		t.Fatalf("bad subcommand: %d %s", code, errs)
	}
}

func TestCustomersImport(t *testing.T) {
	dir := t.TempDir()
	env := []string{"STORMDESK_DATABASE_URL=sqlite:" + filepath.Join(dir, "c.db")}
	f := filepath.Join(dir, "customers.csv")
	os.WriteFile(f, []byte("email,name,features,unsubscribed\n"+
		"Ana@Example.com,Ana,login;screenshare,no\n"+
		"not-an-address,Bob,login,\n"+ // line 3
		"cy@example.com,Cy,log!n,\n"+ // line 4: bad feature name
		"dee@example.com,Dee,login,maybe\n"+ // line 5
		"eve@example.com,Eve,,yes\n"), 0o644)
	code, out, errs := runCLI(t, env, "customers", "import", f)
	if code != 1 || !strings.Contains(out, "5 rows read: 2 customers imported, 3 bad rows skipped") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	for _, want := range []string{"line 3: email:", "line 4: features:", "line 5: unsubscribed:"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	if code, _, errs := runCLI(t, env, "customers", "import", filepath.Join(dir, "none.csv")); code != 1 || !strings.Contains(errs, "no such file") {
		t.Fatalf("missing file: %d %s", code, errs)
	}
}

// postHistory gives a fresh service the everyday tickets of the hours
// before now, in one batch: triage tells no burst before it has seen a
// little history (triage.Config.Warmup tickets) to measure bursts
// against.
func postHistory(t *testing.T, base string) {
	t.Helper()
	topics := []string{"billing address", "dark mode", "invoice copy", "seat count", "VAT number", "team roles", "data retention",
		"language setting", "API key", "mobile app font", "logo size", "export format"}
	var batch []string
	at := time.Now().UTC().Add(-12 * time.Hour)
	for i := 0; i < 30; i++ {
		at = at.Add(20 * time.Minute)
		batch = append(batch, fmt.Sprintf(`{"subject":"Question about the %s (%d)","customer_email":"h%d@example.com","external_id":"history-%d","received_at":%q}`,
			topics[i%len(topics)], i, i, i, at.Format(time.RFC3339)))
	}
	resp, err := http.Post(base+"/api/v1/tickets", "application/json", strings.NewReader("["+strings.Join(batch, ",")+"]"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("history: %s", resp.Status)
	}
}

// waitOneIncident polls GET /api/v1/incidents on base until it lists one
// incident (at most 20 s) and returns it; more than one fails the test.
func waitOneIncident(t *testing.T, base string) map[string]any {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		resp, err := http.Get(base + "/api/v1/incidents")
		if err != nil {
			t.Fatal(err)
		}
		var out struct{ Incidents []map[string]any }
		json.NewDecoder(resp.Body).Decode(&out)
		resp.Body.Close()
		if len(out.Incidents) == 1 {
			return out.Incidents[0]
		}
		if len(out.Incidents) > 1 || time.Now().After(deadline) {
			t.Fatalf("incidents: %v", out.Incidents)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// loginStorm is ten log-in reports from ten customers over the last 20
// minutes, as JSON ticket objects for POST /api/v1/tickets.
func loginStorm() []string {
	phrases := []string{"Can't log in", "Unable to sign in", "Login page broken", "SSO error on login", "cannot log in at all",
		"sign-in page spins", "login fails with authentication error", "I can't login", "login not working since 16:40", "can't sign in to the app"}
	at := time.Now().UTC().Add(-20 * time.Minute)
	var batch []string
	for i, p := range phrases {
		batch = append(batch, fmt.Sprintf(`{"subject":%q,"customer_email":"u%d@example.com","received_at":%q}`, p, i, at.Add(time.Duration(i)*time.Minute).Format(time.RFC3339)))
	}
	return batch
}

package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"stormdesk/httpserver"
	"strings"
	"testing"
	"time"
)

// TestConfigCheckStatusPage: config check reads the status page's
// section with the rest of the file, and reports a component whose
// feature nobody knows with its line.
func TestConfigCheckStatusPage(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.yaml")
	os.WriteFile(good, []byte(`features:
  billing: [invoice, charged twice]
status_page:
  name: Acme status
  components:
    - {name: Login, features: [login]}
    - {name: Billing, features: [billing]}
`), 0o644)
	if code, out, errs := runCLI(t, nil, "config", "check", good); code != 0 ||
		!strings.Contains(out, "ok: 0 dependencies, 0 probes, 2 status page components") || !strings.Contains(out, "component Billing (billing): features billing") {
		t.Fatalf("good: %d %s %s", code, out, errs)
	}
	only := filepath.Join(dir, "only.yaml")
	os.WriteFile(only, []byte("status_page:\n  components:\n    - {name: Screen sharing, features: [screenshare]}\n"), 0o644)
	if code, out, errs := runCLI(t, nil, "config", "check", only); code != 0 || !strings.Contains(out, "1 status page components") {
		t.Fatalf("only a status page: %d %s %s", code, out, errs)
	}
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("status_page:\n  components:\n    - {name: Payroll, features: [payroll], logo: x}\nprobes:\n  - name: x\n"), 0o644)
	code, _, errs := runCLI(t, nil, "config", "check", bad)
	// Every problem is reported, each with its line: the rest of the
	// file keeps its line numbers.
	if code != 1 || !strings.Contains(errs, bad+`:3: status_page.components[0].logo: unknown field`) || !strings.Contains(errs, bad+":5: probes[0].url: required") ||
		!strings.Contains(errs, "3 problem(s)") {
		t.Fatalf("bad: %d %s", code, errs)
	}
	os.WriteFile(bad, []byte("status_page:\n  components:\n    - {name: Payroll, features: [payroll]}\n"), 0o644)
	if code, _, errs := runCLI(t, nil, "config", "check", bad); code != 1 || !strings.Contains(errs, bad+`:3: status_page.components[0].features[0]: "payroll" is a feature neither`) {
		t.Fatalf("unknown feature: %d %s", code, errs)
	}
}

// TestSecondStormdeskReadsTheFirst is the status page's acid test: one
// stormdesk serves its page; `stormdesk upstream read` reads its
// summary.json, history.rss and history.atom back (names, statuses,
// update bodies, times), a scheduled maintenance among them read as a
// maintenance (its id, title, status, window and text), never an
// incident; and a second stormdesk whose dependency's feed
// is the first's summary.json picks the published incident up as an
// upstream event, raises an incident for the feature it backs, and sees
// it resolve.
func TestSecondStormdeskReadsTheFirst(t *testing.T) {
	dir := t.TempDir()
	cfg1 := filepath.Join(dir, "first.yaml")
	os.WriteFile(cfg1, []byte(`status_page:
  name: Acme status
  components:
    - {name: Login, features: [login]}
    - {name: Screen sharing, features: [screenshare]}
`), 0o644)
	env1 := []string{"STORMDESK_DATABASE_URL=sqlite:" + filepath.Join(dir, "first.db"), "STORMDESK_CONFIG=" + cfg1, "STORMDESK_PRODUCT_NAME=Acme"}
	base, stop := startServe(t, env1)
	defer stop()

	// A login storm becomes an incident; an operator acknowledges it,
	// notes something private, gives customers an update and publishes.
	postHistory(t, base)
	batch := loginStorm()
	post := func(path, body string) map[string]any {
		t.Helper()
		resp, err := http.Post(base+path, "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out map[string]any
		json.NewDecoder(resp.Body).Decode(&out)
		if resp.StatusCode >= 300 {
			t.Fatalf("POST %s: %d %v", path, resp.StatusCode, out)
		}
		return out
	}
	post("/api/v1/tickets", "["+strings.Join(batch, ",")+"]")
	waitOneIncident(t, base)
	post("/api/v1/incidents/1/acknowledge", `{"actor":"ana"}`)
	post("/api/v1/incidents/1/notes", `{"text":"PRIVATE: the IdP contract lapsed","actor":"ana"}`)
	post("/api/v1/incidents/1/publish", `{"title":"Sign-in failures","actor":"ana"}`)
	post("/api/v1/incidents/1/status", `{"status":"identified","message":"Sign-in fails for most customers; our identity provider is down.","actor":"ana"}`)
	// And schedules work on screen sharing for two hours from now.
	mStart := time.Now().UTC().Add(2 * time.Hour).Truncate(time.Minute)
	post("/api/v1/maintenances", fmt.Sprintf(`{"components":["Screen sharing"],"starts_at":%q,"ends_at":%q,"title":"Screen sharing upgrade","text":"Calls may drop once.","actor":"ana"}`,
		mStart.Format(time.RFC3339), mStart.Add(time.Hour).Format(time.RFC3339)))

	// stormdesk's own reader, as an operator would point it at the page.
	type line struct {
		Type       string
		Page       map[string]any
		Incident   map[string]any
		Update     map[string]any
		IncidentID string `json:"incident_id"`
	}
	type item struct {
		typ     string
		fields  map[string]any
		updates []map[string]any
	}
	read := func(path string) []line {
		t.Helper()
		code, out, errs := runCLI(t, nil, "upstream", "read", base+path)
		if code != 0 {
			t.Fatalf("upstream read %s: %d %s", path, code, errs)
		}
		var lines []line
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			var ln line
			if err := json.Unmarshal([]byte(l), &ln); err != nil {
				t.Fatalf("%s: %v: %s", path, err, l)
			}
			lines = append(lines, ln)
		}
		return lines
	}
	for path, kind := range map[string]string{"/api/v2/summary.json": "statuspage", "/history.rss": "rss", "/history.atom": "atom"} {
		ls := read(path)
		items := map[string]*item{}
		for _, l := range ls[1:] {
			switch l.Type {
			case "incident", "maintenance":
				items[fmt.Sprint(l.Incident["id"])] = &item{typ: l.Type, fields: l.Incident}
			case "update":
				if it := items[l.IncidentID]; it != nil {
					it.updates = append(it.updates, l.Update)
				}
			}
		}
		if ls[0].Page["kind"] != kind || len(items) != 2 || items["1"] == nil || items["m1"] == nil || items["1"].typ != "incident" || len(items["1"].updates) != 2 {
			t.Fatalf("%s: %+v", path, ls)
		}
		m := items["m1"]
		if m.typ != "maintenance" || m.fields["title"] != "Screen sharing upgrade" || m.fields["status"] != "scheduled" ||
			m.fields["scheduled_for"] != mStart.Format(time.RFC3339) || len(m.updates) != 1 || m.updates[0]["body"] != "Calls may drop once." ||
			m.updates[0]["status"] != "scheduled" {
			t.Errorf("%s: maintenance %v %v", path, m.fields, m.updates)
		}
		if kind != "atom" && m.fields["scheduled_until"] != mStart.Add(time.Hour).Format(time.RFC3339) {
			t.Errorf("%s: the maintenance's window ends %v", path, m.fields["scheduled_until"])
		}
		in, newest, first := items["1"].fields, items["1"].updates[0], items["1"].updates[1]
		if in["id"] != "1" || in["title"] != "Sign-in failures" || in["status"] != "identified" || !strings.HasSuffix(in["url"].(string), "/status/incidents/1") {
			t.Errorf("%s: incident %v", path, in)
		}
		if newest["status"] != "identified" || newest["body"] != "Sign-in fails for most customers; our identity provider is down." ||
			first["status"] != "investigating" || first["body"] != "We are investigating this issue." {
			t.Errorf("%s: updates %v, %v", path, newest, first)
		}
		if at, err := time.Parse(time.RFC3339, newest["at"].(string)); err != nil || time.Since(at) > time.Minute || time.Since(at) < -time.Minute {
			t.Errorf("%s: the update's time %v (%v)", path, newest["at"], err)
		}
		if kind == "statuspage" && (ls[0].Page["name"] != "Acme status" || ls[0].Page["indicator"] != "minor" || in["impact"] != "minor") {
			t.Errorf("summary: page %v, incident %v", ls[0].Page, in)
		}
		if b, _ := json.Marshal(ls); strings.Contains(string(b), "PRIVATE") || strings.Contains(string(b), "log in") {
			t.Errorf("%s shows a note or ticket text: %s", path, b)
		}
	}

	// A second stormdesk watches the first as a provider that backs its
	// own login.
	cfg2 := filepath.Join(dir, "second.yaml")
	os.WriteFile(cfg2, []byte("dependencies:\n  - name: acme\n    feed: {kind: statuspage, url: "+base+"/api/v2/summary.json}\n    features: [login]\n"), 0o644)
	env2 := []string{"STORMDESK_DATABASE_URL=sqlite:" + filepath.Join(dir, "second.db"), "STORMDESK_CONFIG=" + cfg2}
	if code, out, errs := runCLI(t, env2, "upstream", "poll", "acme"); code != 0 || !strings.HasPrefix(out, "acme: ok") {
		t.Fatalf("second: poll: %d %s %s", code, out, errs)
	}
	if code, out, _ := runCLI(t, env2, "upstream", "status"); code != 0 || !strings.Contains(out, `"Sign-in failures" (identified)`) {
		t.Fatalf("second: the published incident is not an open upstream incident: %d\n%s", code, out)
	}
	code, md, errs := runCLI(t, env2, "export", "1", "--format", "md")
	if code != 0 || !strings.Contains(md, "acme") || !strings.Contains(md, "Sign-in fails for most customers; our identity provider is down.") {
		t.Fatalf("second: no incident raised from the upstream event: %d %s\n%s", code, errs, md)
	}

	// The first resolves it; the second sees the provider recover.
	// The page reuses its reading of the store's version for up to
	// DefaultStatusFresh, so the second may need one more poll.
	post("/api/v1/incidents/1/status", `{"status":"resolved","message":"Sign-in works again.","actor":"ana"}`)
	for deadline := time.Now().Add(3 * httpserver.DefaultStatusFresh); ; time.Sleep(httpserver.DefaultStatusFresh / 4) {
		if code, out, errs := runCLI(t, env2, "upstream", "poll", "acme"); code != 0 || !strings.HasPrefix(out, "acme: ok") {
			t.Fatalf("second: second poll: %d %s %s", code, out, errs)
		}
		code, out, _ := runCLI(t, env2, "upstream", "status")
		if code == 0 && !strings.Contains(out, `"Sign-in failures" (identified)`) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("second: the resolved incident is still open upstream %s after it was resolved: %d\n%s", 3*httpserver.DefaultStatusFresh, code, out)
		}
	}
	if code, md, _ := runCLI(t, env2, "export", "1", "--format", "md"); code != 0 || !strings.Contains(md, "resolved") {
		t.Fatalf("second: the resolution is not on its timeline:\n%s", md)
	}
}

// TestConfiguredMaintenance: a maintenance in STORMDESK_CONFIG is shown
// by config check, stored when serve starts (once, across a restart) and
// served on the page's scheduled-maintenances JSON.
func TestConfiguredMaintenance(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "c.yaml")
	start := time.Now().UTC().Add(24 * time.Hour).Truncate(time.Minute)
	os.WriteFile(cfg, []byte(`status_page:
  components:
    - {name: Login, features: [login]}
  maintenances:
    - name: Database upgrade
      text: Sign-in may pause for a minute.
      components: [Login]
      start: `+start.Format(time.RFC3339)+`
      end: `+start.Add(time.Hour).Format(time.RFC3339)+`
`), 0o644)
	if code, out, errs := runCLI(t, nil, "config", "check", cfg); code != 0 || !strings.Contains(out, "maintenance Database upgrade: "+start.Format("2006-01-02 15:04")) {
		t.Fatalf("config check: %d %s %s", code, out, errs)
	}
	env := []string{"STORMDESK_DATABASE_URL=sqlite:" + filepath.Join(dir, "m.db"), "STORMDESK_CONFIG=" + cfg}
	for range 2 {
		base, stop := startServe(t, env)
		resp, err := http.Get(base + "/api/v2/scheduled-maintenances/upcoming.json")
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			M []struct {
				Name, Status string
				Updates      []struct{ Body string } `json:"incident_updates"`
			} `json:"scheduled_maintenances"`
		}
		json.NewDecoder(resp.Body).Decode(&doc)
		resp.Body.Close()
		stop()
		if len(doc.M) != 1 || doc.M[0].Name != "Database upgrade" || doc.M[0].Status != "scheduled" || len(doc.M[0].Updates) != 1 ||
			doc.M[0].Updates[0].Body != "Sign-in may pause for a minute." {
			t.Fatalf("upcoming maintenances: %+v", doc.M)
		}
	}
}

// TestComponentSubscribersInPreview: customers imported with
// component:ID are subscribers of that status page component, so
// `notify preview` of an incident on its features counts them (with the
// page's STORMDESK_CONFIG; without it, no component is known); a row
// naming a component the page lacks is skipped with its line.
func TestComponentSubscribersInPreview(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "c.yaml")
	os.WriteFile(cfg, []byte("status_page:\n  components:\n    - {name: Login, features: [login]}\n"), 0o644)
	db := "STORMDESK_DATABASE_URL=sqlite:" + filepath.Join(dir, "p.db")
	env := []string{db, "STORMDESK_CONFIG=" + cfg}
	base, stop := startServe(t, env)
	postHistory(t, base)
	batch := loginStorm()
	resp, err := http.Post(base+"/api/v1/tickets", "application/json", strings.NewReader("["+strings.Join(batch, ",")+"]"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	inc := waitOneIncident(t, base)
	stop()
	reporters := int(inc["ticket_count"].(float64))
	f := filepath.Join(dir, "customers.csv")
	os.WriteFile(f, []byte("email,name,features,unsubscribed\nsub@example.com,Sub,component:login,no\nx@example.com,X,component:payroll,no\n"), 0o644)
	code, out, errs := runCLI(t, env, "customers", "import", f)
	if code != 1 || !strings.Contains(out, "2 rows read: 1 customers imported, 1 bad rows skipped") || !strings.Contains(errs, `line 3: features: component "payroll"`) {
		t.Fatalf("import: %d\n%s\n%s", code, out, errs)
	}
	for _, c := range []struct {
		env  []string
		want int
	}{{env, reporters + 1}, {[]string{db}, reporters}} {
		code, pv, errs := runCLI(t, c.env, "notify", "preview", "1")
		if code != 0 || !strings.Contains(pv, fmt.Sprintf("recipients: %d\n", c.want)) {
			t.Errorf("notify preview with %v: %d, want %d recipients\n%s\n%s", c.env, code, c.want, pv, errs)
		}
	}
}

// TestServeHoldsAStormDuringMaintenance runs the whole program: a
// maintenance of Login scheduled over the API, then a login storm; the
// storm opens no incident, its reports are on the maintenance's
// timeline after its start, and the page shows Login under maintenance.
func TestServeHoldsAStormDuringMaintenance(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "c.yaml")
	os.WriteFile(cfg, []byte("status_page:\n  components:\n    - {name: Login, features: [login]}\n"), 0o644)
	base, stop := startServe(t, []string{"STORMDESK_DATABASE_URL=sqlite:" + filepath.Join(dir, "m.db"), "STORMDESK_CONFIG=" + cfg})
	defer stop()
	now := time.Now().UTC()
	body := fmt.Sprintf(`{"components":["Login"],"starts_at":%q,"ends_at":%q,"text":"Moving sign-in to new servers.","actor":"ana"}`,
		now.Add(-30*time.Minute).Format(time.RFC3339), now.Add(2*time.Hour).Format(time.RFC3339))
	resp, err := http.Post(base+"/api/v1/maintenances", "application/json", strings.NewReader(body))
	if err != nil || resp.StatusCode != 201 {
		t.Fatalf("schedule: %v %v", resp.Status, err)
	}
	resp.Body.Close()
	postHistory(t, base)
	resp, err = http.Post(base+"/api/v1/tickets", "application/json", strings.NewReader("["+strings.Join(loginStorm(), ",")+"]"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	getJSON := func(path string, v any) {
		t.Helper()
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		json.NewDecoder(resp.Body).Decode(v)
	}
	var m struct {
		Maintenance struct{ Tickets int }
		Timeline    []struct{ Kind string }
	}
	for deadline := time.Now().Add(20 * time.Second); m.Maintenance.Tickets < 5; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the maintenance took in %d reports of the storm", m.Maintenance.Tickets)
		}
		getJSON("/api/v1/maintenances/1", &m)
	}
	var kinds []string
	for _, e := range m.Timeline {
		kinds = append(kinds, e.Kind)
	}
	if !strings.HasPrefix(strings.Join(kinds, " "), "scheduled started reports") {
		t.Errorf("maintenance timeline %v", kinds)
	}
	var incs struct{ Incidents []map[string]any }
	getJSON("/api/v1/incidents", &incs)
	if len(incs.Incidents) != 0 {
		t.Errorf("the maintenance's own storm opened incidents: %v", incs.Incidents)
	}
	var sum struct {
		Status     struct{ Indicator string }
		Components []struct{ Name, Status string }
	}
	getJSON("/api/v2/summary.json", &sum)
	if sum.Status.Indicator != "maintenance" || len(sum.Components) != 1 || sum.Components[0].Status != "under_maintenance" {
		t.Errorf("summary: %+v", sum)
	}
}

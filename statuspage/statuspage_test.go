package statuspage_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"math"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"stormdesk"
	"stormdesk/internal/golden"
	"stormdesk/statuspage"
	"stormdesk/upstream"
)

var (
	now  = time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)
	comp = []stormdesk.Component{
		{ID: "login", Name: "Login", Features: []string{"login"}},
		{ID: "screen-sharing", Name: "Screen sharing", Description: "Sharing your screen", Features: []string{"screenshare"}},
		{ID: "billing", Name: "Billing", Features: []string{"billing"}},
	}
	cfg = statuspage.Config{ID: "acme", Name: "Acme status", URL: "https://status.acme.example", Components: comp}
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

func at(d time.Duration) time.Time { return now.Add(d) }
func ptr(t time.Time) *time.Time   { return &t }

// fixture: an open critical login incident published two hours ago with
// two updates; a major screen-sharing incident of three days ago that
// lasted 10 hours and is resolved.
func fixture() []stormdesk.PublicIncident {
	open := &stormdesk.Incident{ID: 7, Title: "SSO error when signing in (ticket text)", PublicTitle: "Login failures", Status: stormdesk.StatusIdentified,
		Severity: stormdesk.SeverityCritical, Features: []string{"login"}, CreatedAt: at(-3 * time.Hour), ConfirmedAt: ptr(at(-3 * time.Hour)),
		UpdatedAt: at(-time.Minute), PublishedAt: ptr(at(-2 * time.Hour))}
	old := &stormdesk.Incident{ID: 3, PublicTitle: "Screen sharing drops", Status: stormdesk.StatusResolved, Severity: stormdesk.SeverityMajor,
		Features: []string{"screenshare"}, CreatedAt: at(-72 * time.Hour), ConfirmedAt: ptr(at(-72 * time.Hour)), UpdatedAt: at(-62 * time.Hour),
		ResolvedAt: ptr(at(-62 * time.Hour)), PublishedAt: ptr(at(-71 * time.Hour))}
	return []stormdesk.PublicIncident{
		{Incident: open, Updates: []stormdesk.PublicUpdate{
			{ID: 101, Status: stormdesk.StatusInvestigating, Body: "We are investigating this issue.", At: at(-2 * time.Hour)},
			{ID: 105, Status: stormdesk.StatusIdentified, Body: "Our login provider is down.\nWe are failing over.", At: at(-time.Hour)}}},
		{Incident: old, Updates: []stormdesk.PublicUpdate{
			{ID: 31, Status: stormdesk.StatusInvestigating, Body: "We are investigating this issue.", At: at(-71 * time.Hour)},
			{ID: 32, Status: stormdesk.StatusResolved, Body: "Calls connect again <b>for everyone</b>.", At: at(-62 * time.Hour)}}},
	}
}

// TestBuild: component states follow the open published incidents'
// severity, an override wins, the overall state is the worst, and the
// uptime bars weigh each day's outage minutes.
func TestBuild(t *testing.T) {
	over := []stormdesk.ComponentOverride{{Component: "billing", Status: stormdesk.ComponentUnderMaintenance, Actor: "ana", At: at(-30 * time.Minute)}}
	p := statuspage.Build(cfg, stormdesk.PublicView{Incidents: fixture(), Overrides: over}, now)
	var states []string
	for _, c := range p.Components {
		states = append(states, c.ID+"="+string(c.Status))
	}
	if got := strings.Join(states, " "); got != "login=major_outage screen-sharing=operational billing=under_maintenance" {
		t.Fatalf("states: %s", got)
	}
	if p.Status.Indicator != "critical" || p.Status.Description != "Major System Outage" || len(p.Open) != 1 || len(p.Incidents) != 2 {
		t.Fatalf("overall: %+v, %d open of %d", p.Status, len(p.Open), len(p.Incidents))
	}
	if !p.UpdatedAt.Equal(at(-30*time.Minute)) || !p.Components[0].UpdatedAt.Equal(at(-time.Hour)) {
		t.Fatalf("updated: page %v, login %v", p.UpdatedAt, p.Components[0].UpdatedAt)
	}
	login, share := p.Components[0], p.Components[1]
	if len(login.Days) != statuspage.Days || !login.Days[89].Date.Equal(now.Truncate(24*time.Hour)) {
		t.Fatalf("days: %d, last %v", len(login.Days), login.Days[89].Date)
	}
	// Login: 3 hours of major outage today (counts wholly).
	if d := login.Days[89]; d.Worst != stormdesk.ComponentMajorOutage || d.DownMinutes != 180 || !slices.Equal(d.Incidents, []int64{7}) {
		t.Fatalf("login today: %+v", d)
	}
	total := now.Sub(p.Since).Minutes()
	if want := 100 * (1 - 180/total); math.Abs(login.Uptime-want) > 1e-9 {
		t.Fatalf("login uptime %v, want %v", login.Uptime, want)
	}
	// Screen sharing: 10 hours of partial outage 3 days ago, split over
	// two days (12:00 → 22:00 on Nov 30), counting 30%.
	var down float64
	for _, d := range share.Days {
		down += d.DownMinutes
		if d.DownMinutes > 0 && (d.Worst != stormdesk.ComponentPartialOutage || !d.Date.Equal(time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC))) {
			t.Fatalf("screen sharing day: %+v", d)
		}
	}
	if math.Abs(down-600*0.3) > 1e-9 || p.Components[2].Uptime != 100 {
		t.Fatalf("screen sharing down %v minutes; billing uptime %v", down, p.Components[2].Uptime)
	}

	// No components, nothing published: all operational, and the page's
	// time is the day's start, so its validators hold all day.
	p = statuspage.Build(statuspage.Config{Name: "X"}, stormdesk.PublicView{}, now)
	if p.Status.Indicator != "none" || p.Status.Description != "All Systems Operational" || !p.UpdatedAt.Equal(now.Truncate(24*time.Hour)) || p.ID != "stormdesk" {
		t.Fatalf("empty page: %+v", p)
	}
}

// TestJSONShapes: every endpoint carries the fields of Atlassian's
// Statuspage v2 documentation with their JSON types.
func TestJSONShapes(t *testing.T) {
	p := statuspage.Build(cfg, stormdesk.PublicView{Incidents: fixture()}, now)
	docs := map[string]map[string]any{}
	for _, e := range []string{statuspage.Summary, statuspage.Status, statuspage.Components, statuspage.Incidents, statuspage.Unresolved} {
		var buf bytes.Buffer
		if err := p.WriteJSON(&buf, e); err != nil {
			t.Fatal(err)
		}
		var doc map[string]any
		if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
			t.Fatalf("%s: %v", e, err)
		}
		docs[e] = doc
	}
	want := map[string][]string{
		statuspage.Summary:    {"components", "incidents", "page", "scheduled_maintenances", "status"},
		statuspage.Status:     {"page", "status"},
		statuspage.Components: {"components", "page"},
		statuspage.Incidents:  {"incidents", "page"},
		statuspage.Unresolved: {"incidents", "page"},
	}
	for e, keys := range want {
		if got := sortedKeys(docs[e]); strings.Join(got, ",") != strings.Join(keys, ",") {
			t.Errorf("%s: keys %v, want %v", e, got, keys)
		}
	}
	s := docs[statuspage.Summary]
	shape(t, "page", s["page"], map[string]string{"id": "string", "name": "string", "url": "string", "time_zone": "string", "updated_at": "time"})
	shape(t, "status", s["status"], map[string]string{"indicator": "string", "description": "string"})
	compShape := map[string]string{"id": "string", "name": "string", "status": "string", "created_at": "time", "updated_at": "time",
		"position": "number", "description": "string|null", "showcase": "bool", "start_date": "string|null", "group_id": "string|null",
		"page_id": "string", "group": "bool", "only_show_if_degraded": "bool"}
	for _, c := range s["components"].([]any) {
		shape(t, "component", c, compShape)
	}
	incs := docs[statuspage.Incidents]["incidents"].([]any)
	if len(incs) != 2 || len(s["incidents"].([]any)) != 1 || len(docs[statuspage.Unresolved]["incidents"].([]any)) != 1 {
		t.Fatalf("incidents: %d, unresolved %d", len(incs), len(s["incidents"].([]any)))
	}
	for _, in := range incs {
		shape(t, "incident", in, map[string]string{"id": "string", "name": "string", "status": "string", "created_at": "time", "updated_at": "time",
			"monitoring_at": "time|null", "resolved_at": "time|null", "impact": "string", "shortlink": "string", "started_at": "time", "page_id": "string",
			"incident_updates": "array", "components": "array"})
		for _, c := range in.(map[string]any)["components"].([]any) {
			shape(t, "incident component", c, compShape)
		}
		for _, u := range in.(map[string]any)["incident_updates"].([]any) {
			shape(t, "incident update", u, map[string]string{"id": "string", "status": "string", "body": "string", "incident_id": "string",
				"created_at": "time", "updated_at": "time", "display_at": "time", "affected_components": "array", "deliver_notifications": "bool",
				"custom_tweet": "string|null", "tweet_id": "string|null"})
		}
	}
	first := incs[0].(map[string]any)
	ups := first["incident_updates"].([]any)
	if first["name"] != "Login failures" || first["impact"] != "critical" || first["status"] != "identified" || first["shortlink"] != "https://status.acme.example/incidents/7" ||
		len(ups) != 2 || ups[0].(map[string]any)["status"] != "identified" {
		t.Fatalf("open incident: %v", first)
	}
	aff := ups[1].(map[string]any)["affected_components"].([]any)[0].(map[string]any)
	if aff["code"] != "login" || aff["old_status"] != "operational" || aff["new_status"] != "major_outage" {
		t.Fatalf("affected components: %v", aff)
	}
	if strings.Contains(mustJSON(t, docs), "ticket text") {
		t.Fatal("the incident's private title leaked into the JSON")
	}
}

func mustJSON(t *testing.T, v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func sortedKeys(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// shape checks that v is an object with exactly the fields of want, each
// of its type ("time" is an RFC 3339 string; "a|null" allows null).
func shape(t *testing.T, what string, v any, want map[string]string) {
	t.Helper()
	m, ok := v.(map[string]any)
	if !ok {
		t.Errorf("%s: not an object: %v", what, v)
		return
	}
	if got, keys := sortedKeys(m), sortedKeysS(want); strings.Join(got, ",") != strings.Join(keys, ",") {
		t.Errorf("%s: fields %v, want %v", what, got, keys)
	}
	for k, types := range want {
		val := m[k]
		okType := false
		for _, ty := range strings.Split(types, "|") {
			switch ty {
			case "null":
				okType = okType || val == nil
			case "string":
				_, is := val.(string)
				okType = okType || is
			case "time":
				s, is := val.(string)
				_, err := time.Parse(time.RFC3339, s)
				okType = okType || is && err == nil
			case "number":
				_, is := val.(float64)
				okType = okType || is
			case "bool":
				_, is := val.(bool)
				okType = okType || is
			case "array":
				_, is := val.([]any)
				okType = okType || is
			}
		}
		if !okType {
			t.Errorf("%s.%s = %#v, want %s", what, k, val, types)
		}
	}
}

func sortedKeysS(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestOwnReaderReadsTheFeeds: stormdesk's upstream reader, detecting the
// kind from the payload as `stormdesk upstream read` does, reads back
// the summary, the RSS and the Atom history: names, statuses, update
// bodies and times.
func TestOwnReaderReadsTheFeeds(t *testing.T) {
	p := statuspage.Build(cfg, stormdesk.PublicView{Incidents: fixture()}, now)
	var js, rss, atom bytes.Buffer
	if err := p.WriteJSON(&js, statuspage.Summary); err != nil {
		t.Fatal(err)
	}
	if err := p.WriteRSS(&rss); err != nil {
		t.Fatal(err)
	}
	if err := p.WriteAtom(&atom); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		data []byte
		kind upstream.Kind
		n    int
	}{{"summary.json", js.Bytes(), upstream.KindStatuspage, 1}, {"history.rss", rss.Bytes(), upstream.KindRSS, 2}, {"history.atom", atom.Bytes(), upstream.KindAtom, 2}} {
		kind, err := upstream.DetectKind(tc.data, "")
		if err != nil || kind != tc.kind {
			t.Fatalf("%s: detected %q %v", tc.name, kind, err)
		}
		snap, err := upstream.Parse(tc.data, "")
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if len(snap.Incidents) != tc.n {
			t.Fatalf("%s: %d incidents", tc.name, len(snap.Incidents))
		}
		in := snap.Incidents[0]
		if in.ID != "7" || in.Title != "Login failures" || in.Status != "identified" || in.Resolved() || len(in.Updates) != 2 {
			t.Fatalf("%s: incident %+v", tc.name, in)
		}
		// Newest first, as Statuspage lists them.
		u := in.Updates[0]
		if u.Status != "identified" || u.Body != "Our login provider is down.\nWe are failing over." || !u.At.Equal(at(-time.Hour)) {
			t.Fatalf("%s: update %+v", tc.name, u)
		}
		if u := in.Updates[1]; u.Status != "investigating" || !u.At.Equal(at(-2*time.Hour)) {
			t.Fatalf("%s: first update %+v", tc.name, u)
		}
		if tc.kind == upstream.KindStatuspage {
			if snap.Indicator != "critical" || len(snap.Components) != 3 || snap.Components[0].Status != "major_outage" || !slices.Contains(in.Components, "login") || in.Impact != "critical" {
				t.Fatalf("summary: %s %+v %+v", snap.Indicator, snap.Components, in)
			}
			continue
		}
		old := snap.Incidents[1]
		if old.Title != "Screen sharing drops" || !old.Resolved() || !old.ResolvedAt.Equal(at(-62*time.Hour)) || old.Updates[0].Body != "Calls connect again <b>for everyone</b>." {
			t.Fatalf("%s: resolved incident %+v", tc.name, old)
		}
	}
}

// TestGolden pins each format of the fixture's page (go test -update
// rewrites testdata/*.golden).
func TestGolden(t *testing.T) {
	over := []stormdesk.ComponentOverride{{Component: "billing", Status: stormdesk.ComponentUnderMaintenance, Actor: "ana", At: at(-30 * time.Minute)}}
	p := statuspage.Build(cfg, stormdesk.PublicView{Incidents: fixture(), Overrides: over}, now)
	for _, e := range []string{statuspage.Summary, statuspage.Incidents} {
		var buf bytes.Buffer
		if err := p.WriteJSON(&buf, e); err != nil {
			t.Fatal(err)
		}
		golden.Check(t, e, buf.Bytes(), *update)
	}
	var rss, atom bytes.Buffer
	if err := p.WriteRSS(&rss); err != nil {
		t.Fatal(err)
	}
	if err := p.WriteAtom(&atom); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "history.rss", rss.Bytes(), *update)
	golden.Check(t, "history.atom", atom.Bytes(), *update)
}

// leaf is the first component that is not a group (a group lists its
// members' ids in a components field; stormdesk's pages have no groups).
func leaf(t *testing.T, v any) map[string]any {
	for _, c := range v.([]any) {
		if m := c.(map[string]any); m["group"] == false {
			return m
		}
	}
	t.Fatal("no leaf component")
	return nil
}

// TestKeysOfARealStatuspage: every field a real Statuspage summary has
// (Twilio's, kept in upstream's testdata) is in ours, at every level.
func TestKeysOfARealStatuspage(t *testing.T) {
	raw, err := os.ReadFile("../upstream/testdata/feeds/twilio_summary.json")
	if err != nil {
		t.Fatal(err)
	}
	var real map[string]any
	if err := json.Unmarshal(raw, &real); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := statuspage.Build(cfg, stormdesk.PublicView{Incidents: fixture()}, now).WriteJSON(&buf, statuspage.Summary); err != nil {
		t.Fatal(err)
	}
	var ours map[string]any
	json.Unmarshal(buf.Bytes(), &ours)
	first := func(v any) map[string]any {
		l, _ := v.([]any)
		if len(l) == 0 {
			t.Fatalf("empty list")
		}
		return l[0].(map[string]any)
	}
	pairs := [][2]map[string]any{
		{real, ours},
		{real["page"].(map[string]any), ours["page"].(map[string]any)},
		{real["status"].(map[string]any), ours["status"].(map[string]any)},
		{leaf(t, real["components"]), first(ours["components"])},
		{first(real["incidents"]), first(ours["incidents"])},
		{first(first(real["incidents"])["incident_updates"]), first(first(ours["incidents"])["incident_updates"])},
		{first(first(first(real["incidents"])["incident_updates"])["affected_components"]), first(first(first(ours["incidents"])["incident_updates"])["affected_components"])},
	}
	for _, p := range pairs {
		for k := range p[0] {
			if _, ok := p[1][k]; !ok {
				t.Errorf("field %q of a real Statuspage object is missing from ours (%v)", k, sortedKeys(p[1]))
			}
		}
	}
}

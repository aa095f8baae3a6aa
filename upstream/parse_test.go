package upstream

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func mustParse(t testing.TB, name string, kind Kind) *Snapshot {
	t.Helper()
	s, err := Parse(readFixture(t, name), kind)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return s
}

func utc(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		panic(err)
	}
	return t.UTC()
}

func find(s *Snapshot, id string) *Incident {
	for i := range s.Incidents {
		if s.Incidents[i].ID == id {
			return &s.Incidents[i]
		}
	}
	return nil
}

func count(s *Snapshot) (incidents, maintenances int) {
	for _, in := range s.Incidents {
		if in.Maintenance {
			maintenances++
		} else {
			incidents++
		}
	}
	return
}

// TestCopiesMatchShared keeps testdata/feeds identical to the shared
// captures it was copied from, when those are present.
func TestCopiesMatchShared(t *testing.T) {
	shared := filepath.Join("..", "..", "shared", "data", "feeds")
	files, _ := filepath.Glob(filepath.Join(shared, "*"))
	if len(files) == 0 {
		t.Skip("no shared captures at", shared)
	}
	for _, f := range files {
		want, _ := os.ReadFile(f)
		got, err := os.ReadFile(filepath.Join("testdata", "feeds", filepath.Base(f)))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("testdata/feeds/%s differs from %s: copy it again", filepath.Base(f), f)
		}
	}
}

// TestFixtures parses every real capture, with the kind detected from the
// content, and checks facts read from each file by hand.
func TestFixtures(t *testing.T) {
	checks := map[string]func(t *testing.T, s *Snapshot){
		"githubstatus_summary.json": func(t *testing.T, s *Snapshot) {
			in := find(s, "ljwdk6qml8z8")
			if s.Indicator != "minor" || len(s.Components) != 11 || len(s.Incidents) != 1 || in == nil || !s.UnresolvedOnly {
				t.Fatalf("indicator %q, %d components, %d incidents", s.Indicator, len(s.Components), len(s.Incidents))
			}
			// The indicator says minor while the incident is major.
			if in.Impact != "major" || in.Status != StatusInvestigating || len(in.Updates) != 7 || in.Maintenance {
				t.Errorf("incident: %+v", in)
			}
			if !in.CreatedAt.Equal(utc("2022-11-25T14:39:09.548Z")) || in.Updates[0].ID != "k0x2s8g2plxb" || in.Updates[6].ID != "n1dr3fb22655" {
				t.Errorf("created %s, updates %s…%s", in.CreatedAt, in.Updates[0].ID, in.Updates[6].ID)
			}
			if strings.Join(in.Components, ",") != "st3j38cctv9l,vg70hn9s2tyj" || in.URL != "https://www.githubstatus.com/incidents/ljwdk6qml8z8" {
				t.Errorf("components %v, url %s", in.Components, in.URL)
			}
		},
		"twilio_summary.json": func(t *testing.T, s *Snapshot) {
			groups := 0
			for _, c := range s.Components {
				if c.Group {
					groups++
				}
			}
			inc, mnt := count(s)
			if len(s.Components) != 73 || groups != 8 || inc != 2 || mnt != 9 {
				t.Fatalf("%d components, %d groups, %d incidents, %d maintenances", len(s.Components), groups, inc, mnt)
			}
			// -07:00 offsets become UTC.
			in := find(s, "4dtnnnnxnhn9")
			if !in.CreatedAt.Equal(utc("2020-06-16T20:27:41.530Z")) || in.CreatedAt.Location() != time.UTC {
				t.Errorf("created %s", in.CreatedAt)
			}
			m := find(s, "9szb6ydlg10w")
			if !m.Maintenance || m.Status != StatusScheduled || !m.ScheduledFor.Equal(utc("2020-06-16T23:00:00Z")) || !m.ScheduledUntil.Equal(utc("2020-06-17T03:00:00Z")) {
				t.Errorf("maintenance %+v", m)
			}
			if find(s, "r0f0vdz8vrgm").Status != StatusMonitoring {
				t.Error("r0f0vdz8vrgm is monitoring")
			}
		},
		"cloudamqp_summary-maintenance.json": func(t *testing.T, s *Snapshot) {
			inc, mnt := count(s)
			if s.Indicator != "maintenance" || inc != 0 || mnt != 1 {
				t.Fatalf("indicator %q, %d incidents, %d maintenances", s.Indicator, inc, mnt)
			}
			m := s.Incidents[0]
			if m.Status != StatusInProgress || m.Impact != "maintenance" || len(m.Updates) != 2 {
				t.Errorf("maintenance %+v", m)
			}
			if s.Components[0].ID != "m9jl6sdbs4vb" || s.Components[0].Status != ComponentUnderMaintenance {
				t.Errorf("component %+v", s.Components[0])
			}
		},
		"discordstatus_incidents.json": func(t *testing.T, s *Snapshot) {
			in := find(s, "n4njzfn1mqy0")
			if s.Page.TimeZone != "America/Tijuana" || s.UnresolvedOnly || in == nil {
				t.Fatalf("%+v", s)
			}
			if in.Status != StatusResolved || !in.ResolvedAt.Equal(utc("2022-02-15T21:37:37.388Z")) || !in.StartedAt.Equal(utc("2022-02-15T21:14:17.737Z")) {
				t.Errorf("%+v", in)
			}
		},
		"discordstatus_scheduled-maintenances.json": func(t *testing.T, s *Snapshot) {
			m := find(s, "chkt3cr0jf7b")
			if !m.Maintenance || m.Status != StatusCompleted || !m.Resolved() {
				t.Fatalf("%+v", m)
			}
			// display_at is earlier than created_at: At keeps display_at.
			u := m.Updates[0]
			if !u.At.Equal(utc("2015-09-19T01:20:00Z")) || !u.CreatedAt.Equal(utc("2015-09-19T01:20:40.794Z")) {
				t.Errorf("at %s created %s", u.At, u.CreatedAt)
			}
			if !strings.Contains(u.Body, "juice (ﾉ◕ヮ◕)ﾉ*:･ﾟ✧\n\nWe're powering") {
				t.Errorf("CRLF not normalised: %q", u.Body)
			}
		},
		"discordstatus_summary.json": func(t *testing.T, s *Snapshot) {
			if s.Indicator != "none" || len(s.Incidents) != 0 || s.Components[0].GroupID != "jk03xttfcz9b" {
				t.Errorf("%+v", s)
			}
		},
		"discordstatus_status.json": func(t *testing.T, s *Snapshot) {
			if s.Indicator != "none" || s.Description != "All Systems Operational" {
				t.Errorf("%+v", s)
			}
		},
		"discordstatus_components.json":                      func(t *testing.T, s *Snapshot) {},
		"discordstatus_incidents-unresolved.json":            func(t *testing.T, s *Snapshot) {},
		"discordstatus_scheduled-maintenances-active.json":   func(t *testing.T, s *Snapshot) {},
		"discordstatus_scheduled-maintenances-upcoming.json": func(t *testing.T, s *Snapshot) {},
		"statuspage-docsexample_summary.json": func(t *testing.T, s *Snapshot) {
			inc, mnt := count(s)
			if inc != 2 || mnt != 2 || s.Page.TimeZone != "" {
				t.Fatalf("%d incidents, %d maintenances", inc, mnt)
			}
			// -06:00 offsets; no time_zone on the page.
			if !find(s, "cp306tmzcl0y").CreatedAt.Equal(utc("2014-05-14T20:22:39.441Z")) {
				t.Error(find(s, "cp306tmzcl0y").CreatedAt)
			}
			// resolved_at is set on an incident that is still monitoring:
			// it is not resolved.
			if in := find(s, "2z5g29qrrxvl"); in.Resolved() || !in.ResolvedAt.IsZero() {
				t.Errorf("%+v", in)
			}
			if m := find(s, "k7mf5z1gz05c"); m.Status != StatusInProgress || !m.Maintenance {
				t.Errorf("%+v", m)
			}
		},
		"githubstatus_history.rss": func(t *testing.T, s *Snapshot) {
			inc, mnt := count(s)
			if s.Kind != KindRSS || inc != 25 || mnt != 0 {
				t.Fatalf("kind %s, %d incidents, %d maintenances", s.Kind, inc, mnt)
			}
			for _, in := range s.Incidents {
				if in.Status != StatusResolved || len(in.ID) != 12 || in.ResolvedAt.IsZero() {
					t.Errorf("%s: status %s", in.ID, in.Status)
				}
			}
			in := find(s, "fpk08rxnqjz2")
			if len(in.Updates) != 8 || !in.CreatedAt.Equal(utc("2022-03-16T14:09:00Z")) || !in.UpdatedAt.Equal(utc("2022-03-16T19:46:00Z")) {
				t.Errorf("%d updates, created %s", len(in.Updates), in.CreatedAt)
			}
			// "Update" keeps the status before it.
			if in.Updates[1].Status != StatusInvestigating || in.Updates[1].Body != "Webhooks is operating normally." {
				t.Errorf("%+v", in.Updates[1])
			}
			// A space-padded day: "Mar  9".
			x := find(s, "xdzs70gjthls")
			if len(x.Updates) != 3 || !x.Updates[2].At.Equal(utc("2022-03-09T11:24:00Z")) {
				t.Errorf("%+v", x.Updates)
			}
			// An update on the 12th in an item published on the 13th.
			y := find(s, "02gsdsw3twdc")
			if !y.CreatedAt.Equal(utc("2021-11-12T23:57:00Z")) {
				t.Error(y.CreatedAt)
			}
			if m := find(s, "r5qrpp2f5fc0"); len(m.Updates) != 12 {
				t.Errorf("%d updates", len(m.Updates))
			}
		},
		"slack_current-active.json": func(t *testing.T, s *Snapshot) {
			in := find(s, "878")
			if s.Kind != KindSlack || len(s.Incidents) != 2 || in == nil || !s.UnresolvedOnly {
				t.Fatalf("%+v", s)
			}
			if in.URL != "https://status.slack.com/2020-07/ea58a170d343b2ad" || !in.CreatedAt.Equal(utc("2020-07-30T22:12:34Z")) || len(in.Updates) != 1 {
				t.Errorf("%+v", in)
			}
			if c := find(s, "879").Components; len(c) != 1 || c[0] != "Apps/Integrations/APIs" {
				t.Errorf("services %v", c)
			}
		},
		"heroku_current-status-incident.json": func(t *testing.T, s *Snapshot) {
			in := find(s, "1918")
			if s.Kind != KindHeroku || s.Indicator != "minor" || len(s.Components) != 3 || in == nil {
				t.Fatalf("%+v", s)
			}
			if s.Components[0].Status != ComponentDegradedPerformance || in.Status != StatusIdentified || in.Impact != "minor" || len(in.Updates) != 2 || in.Updates[1].Status != StatusInvestigating {
				t.Errorf("%+v", in)
			}
		},
		"heroku_current-status-maintenance.json": func(t *testing.T, s *Snapshot) {
			m := find(s, "2120")
			if s.Indicator != "maintenance" || m == nil || !m.Maintenance || m.Status != StatusCompleted || len(m.Updates) != 4 {
				t.Fatalf("%+v", m)
			}
			if m.Updates[1].Status != StatusInProgress || s.Components[1].Status != ComponentUnderMaintenance {
				t.Errorf("%+v", m.Updates[1])
			}
		},
	}
	files, _ := filepath.Glob("testdata/feeds/*")
	for _, f := range files {
		name := filepath.Base(f)
		if name == "SOURCES.md" {
			continue
		}
		t.Run(name, func(t *testing.T) {
			check, ok := checks[name]
			if !ok {
				t.Fatalf("no checks for %s: add facts read from the file", name)
			}
			data := readFixture(t, "feeds/"+name)
			kind, err := DetectKind(data, "")
			if err != nil {
				t.Fatal(err)
			}
			s, err := Parse(data, kind)
			if err != nil {
				t.Fatal(err)
			}
			allUTC(t, s)
			check(t, s)
		})
	}
}

// allUTC checks that every time in s is in UTC.
func allUTC(t testing.TB, s *Snapshot) {
	t.Helper()
	bad := func(what string, tm time.Time) {
		if !tm.IsZero() && tm.Location() != time.UTC {
			t.Errorf("%s: %s is not UTC", what, tm)
		}
	}
	bad("updated_at", s.UpdatedAt)
	for _, c := range s.Components {
		bad("component "+c.ID, c.UpdatedAt)
	}
	for _, in := range s.Incidents {
		for _, tm := range []time.Time{in.CreatedAt, in.UpdatedAt, in.StartedAt, in.ResolvedAt, in.ScheduledFor, in.ScheduledUntil} {
			bad("incident "+in.ID, tm)
		}
		for _, u := range in.Updates {
			bad("update "+u.ID, u.At)
			bad("update "+u.ID, u.CreatedAt)
		}
	}
}

func TestAtom(t *testing.T) {
	s := mustParse(t, "statuspage_history.atom", "")
	allUTC(t, s)
	if s.Kind != KindAtom || len(s.Incidents) != 2 {
		t.Fatalf("kind %s, %d incidents", s.Kind, len(s.Incidents))
	}
	// The id is the code from the link, as in JSON and RSS, not the
	// numeric Atom id.
	in := find(s, "k2x9w7q0v1lm")
	if in == nil || in.Status != StatusResolved || in.Maintenance {
		t.Fatalf("%+v", s.Incidents)
	}
	want := []struct {
		status, at, body string
	}{
		{"resolved", "2023-01-02T09:15:00Z", "This incident has been resolved."},
		{"monitoring", "2023-01-01T08:00:00Z", "A fix has been deployed & we are monitoring.\nLogins succeed again."},
		// December updates on a January entry belong to the year before.
		{"identified", "2022-12-31T22:55:00Z", "The issue has been identified."},
		{"investigating", "2022-12-31T22:40:00Z", "We are investigating failed logins."},
	}
	if len(in.Updates) != len(want) {
		t.Fatalf("%d updates", len(in.Updates))
	}
	for i, w := range want {
		u := in.Updates[i]
		if u.Status != w.status || !u.At.Equal(utc(w.at)) || u.Body != w.body {
			t.Errorf("update %d: %s %s %q, want %s %s %q", i, u.Status, u.At, u.Body, w.status, w.at, w.body)
		}
	}
	if !in.CreatedAt.Equal(utc("2022-12-31T22:40:00Z")) || !in.ResolvedAt.Equal(utc("2023-01-02T09:15:00Z")) {
		t.Errorf("created %s resolved %s", in.CreatedAt, in.ResolvedAt)
	}
	m := find(s, "m4nt3n4nc3zz")
	// Published is the scheduled start, after updated.
	if !m.Maintenance || m.Status != StatusScheduled || !m.ScheduledFor.Equal(utc("2023-01-16T12:00:00Z")) || len(m.Updates) != 1 {
		t.Errorf("%+v", m)
	}
}

func TestRSSEdgeCases(t *testing.T) {
	s := mustParse(t, "edge_history.rss", KindRSS)
	allUTC(t, s)
	if len(s.Incidents) != 3 {
		t.Fatalf("%d incidents: duplicate guids are merged", len(s.Incidents))
	}
	api := find(s, "ap1err0r5abc")
	if api == nil || len(api.Updates) != 3 || api.Status != StatusIdentified {
		t.Fatalf("%+v", api)
	}
	// Two updates in the same minute get distinct ids, numbered from the
	// oldest, so a later update never renames an earlier one.
	if api.Updates[0].ID != "t20230110T083000Z.2" || api.Updates[1].ID != "t20230110T083000Z" || api.Updates[2].ID != "t20230110T081000Z" {
		t.Errorf("ids %s %s %s", api.Updates[0].ID, api.Updates[1].ID, api.Updates[2].ID)
	}
	// No guid, no link: a hash of title and date, stable across parses.
	var aws *Incident
	for i := range s.Incidents {
		if strings.HasPrefix(s.Incidents[i].ID, "h-") {
			aws = &s.Incidents[i]
		}
	}
	if aws == nil || aws.Status != StatusResolved || !aws.UpdatedAt.Equal(utc("2023-01-09T23:10:00Z")) {
		t.Fatalf("%+v", aws)
	}
	if !strings.Contains(aws.Updates[0].Body, "we saw increased latency.") || strings.Contains(aws.Updates[0].Body, "<") {
		t.Errorf("body %q", aws.Updates[0].Body)
	}
	again := mustParse(t, "edge_history.rss", KindRSS)
	if find(again, aws.ID) == nil {
		t.Error("hash id is not stable")
	}
	m := find(s, "n3tw0rkw0rk1")
	if !m.Maintenance || m.Status != StatusScheduled || !m.ScheduledFor.Equal(utc("2023-01-20T21:00:00Z")) || !m.ScheduledUntil.Equal(utc("2023-01-20T22:00:00Z")) {
		t.Errorf("%+v", m)
	}
	if m.Updates[0].Body != "Network maintenance.\nNo downtime expected." {
		t.Errorf("%q", m.Updates[0].Body)
	}
}

func TestParseErrors(t *testing.T) {
	summary := readFixture(t, "feeds/githubstatus_summary.json")
	for _, tc := range []struct {
		name string
		data string
		kind Kind
		want string
	}{
		{"empty", "", KindStatuspage, "upstream: statuspage: empty payload"},
		{"blank", " \n\t", "", "upstream: empty payload"},
		{"html for json", "<!DOCTYPE html><html><body>Status</body></html>", KindStatuspage, "upstream: got HTML, not JSON (is the URL the status page's /api/v2/summary.json?)"},
		{"html detected", "<html><head></head></html>", "", "upstream: got HTML, not a status feed"},
		{"html for rss", "<!doctype html><p>hi</p>", KindRSS, "upstream: got HTML, not an rss feed (is the URL the status page's /history.rss?)"},
		{"json for rss", `{"page":{}}`, KindRSS, "upstream: rss: got JSON, not a feed (is the feed kind statuspage?)"},
		{"xml for json", `<rss version="2.0"><channel></channel></rss>`, KindStatuspage, "upstream: statuspage: got XML, not JSON (is the feed kind rss or atom?)"},
		{"truncated", string(summary[:len(summary)/2]), KindStatuspage, "upstream: statuspage: truncated JSON"},
		{"malformed", `{"incidents": [}`, KindStatuspage, "upstream: statuspage: malformed JSON at byte 16"},
		{"bad time", `{"incidents":[{"id":"w"},{"id":"x"},{"id":"y"},{"id":"z","created_at":"yesterday"}]}`, KindStatuspage, `upstream: statuspage: incidents[3].created_at: "yesterday" is not an ISO-8601 time`},
		{"missing id", `{"incidents":[{"name":"x"}]}`, KindStatuspage, "upstream: statuspage: incidents[0].id: missing"},
		{"missing update id", `{"incidents":[{"id":"a","incident_updates":[{"body":"x"}]}]}`, KindStatuspage, "upstream: statuspage: incidents[0].incident_updates[0].id: missing"},
		{"wrong type", `{"incidents":[{"id":"a","name":7}]}`, KindStatuspage, "upstream: statuspage: incidents.name: got JSON number, want string"},
		{"unknown json", `{"hello":"world"}`, "", "upstream: JSON, but not a status format stormdesk reads (top-level keys: hello)"},
		{"not a feed", `<svg></svg>`, "", "upstream: XML, but neither RSS nor Atom"},
		{"array", `[1,2]`, "", "upstream: a JSON array is not a status format"},
		{"broken rss", `<rss><channel><item><title>x</ti`, KindRSS, "upstream: rss: not a readable RSS or Atom feed"},
		{"heroku colour", `{"status":[{"system":"Apps","status":"purple"}],"incidents":[]}`, KindHeroku, `upstream: heroku: status[0].status: "purple" is not green, yellow, red or blue`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.data), tc.kind)
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Fatalf("got %v\nwant %s…", err, tc.want)
			}
			if !errors.Is(err, ErrUnreadable) || Reason(err) != "unreadable" {
				t.Errorf("%v is not ErrUnreadable", err)
			}
		})
	}
}

func TestDetectKind(t *testing.T) {
	for _, tc := range []struct {
		file string
		want Kind
	}{
		{"feeds/githubstatus_summary.json", KindStatuspage},
		{"feeds/discordstatus_status.json", KindStatuspage},
		{"feeds/githubstatus_history.rss", KindRSS},
		{"statuspage_history.atom", KindAtom},
		{"feeds/slack_current-active.json", KindSlack},
		{"feeds/heroku_current-status-incident.json", KindHeroku},
		{"feeds/heroku_current-status-maintenance.json", KindHeroku},
		{"feeds/cloudamqp_summary-maintenance.json", KindStatuspage},
		{"feeds/discordstatus_components.json", KindStatuspage},
		{"feeds/discordstatus_scheduled-maintenances.json", KindStatuspage},
		{"feeds/twilio_summary.json", KindStatuspage},
		{"edge_history.rss", KindRSS},
		{"providers/statusio_incident.json", KindStatusIO},
		{"providers/gcp_incidents.json", KindGCP},
		{"providers/aws_data.json", KindAWS},
		{"providers/instatus_summary.json", KindInstatus},
		{"providers/instatus_components.json", KindInstatus},
		{"providers/cachet_components.json", KindCachet},
		{"providers/cachet_incidents.json", KindCachet},
		{"providers/betterstack_index.json", KindBetterStack},
	} {
		data := append([]byte("\xef\xbb\xbf\n"), readFixture(t, tc.file)...)
		if got, err := DetectKind(data, "application/json"); got != tc.want || err != nil {
			t.Errorf("%s: %s, %v; want %s", tc.file, got, err, tc.want)
		}
	}
}

// TestDetectKindShapes tells apart payloads whose shapes come close: each
// is the smallest payload of its kind that detection must still place.
func TestDetectKindShapes(t *testing.T) {
	for _, tc := range []struct {
		data string
		want Kind
	}{
		{`{"page":{"id":"x","name":"Rootly-style"},"status":{"indicator":"none"},"incidents":[]}`, KindStatuspage},
		{`{"page":{"name":"Instatus","status":"UP"}}`, KindInstatus},
		{`{"page":{"name":"Not Instatus","status":"up and running"}}`, KindStatuspage},
		{`{"activeIncidents":[]}`, KindInstatus},
		{`{"result":{"status_overall":{"status_code":100}}}`, KindStatusIO},
		{`{"archive":[],"current":[]}`, KindAWS},
		{`{"meta":{"pagination":{"total":0}},"data":[]}`, KindCachet},
		{`{"data":{"id":"1","type":"status_page","attributes":{}},"included":[]}`, KindBetterStack},
		{`[{"id":"a","external_desc":"x"}]`, KindGCP},
		{`[{"id":"c","name":"App","status":"OPERATIONAL","showUptime":true}]`, KindInstatus},
		{`{"status":"ok","date_updated":"2024-01-01T00:00:00Z","active_incidents":[]}`, KindSlack},
		{`{"status":[{"system":"Apps","status":"green"}],"incidents":[]}`, KindHeroku},
	} {
		if got, err := DetectKind([]byte(tc.data), ""); got != tc.want || err != nil {
			t.Errorf("%s: %s, %v; want %s", tc.data, got, err, tc.want)
		}
	}
	for _, tc := range []struct{ data, want string }{
		{`{"data":[{"id":1}]}`, "upstream: JSON, but not a status format stormdesk reads (top-level keys: data)"},
		{`{"data":{"type":"incident"}}`, "upstream: JSON, but not a status format"},
		{`[{"id":1,"date_created":"x","notes":[]}]`, "upstream: Slack's /history is not read"},
		{`[]`, "upstream: an empty JSON array says nothing of its format"},
	} {
		if _, err := DetectKind([]byte(tc.data), ""); err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %s…", tc.data, err, tc.want)
		}
	}
}

func TestHTMLText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain  text\r\n", "plain text"},
		{"<p>One &amp; two</p><p>Three&nbsp;four</p>", "One & two\nThree four"},
		{"a<br>b<br/>c", "a\nb\nc"},
		{"<b>Status: Resolved</b><br/><br/>All good.", "Status: Resolved\n\nAll good."},
		{"<script>alert(1)</script>x<style>p{}</style>", "x"},
		{"<ul><li>a</li><li>b</li></ul>", "a\nb"},
		{"&lt;p&gt;", "<p>"},
		{"<p>unclosed", "unclosed"},
	} {
		if got := HTMLText(tc.in); got != tc.want {
			t.Errorf("HTMLText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestParseSmallDate(t *testing.T) {
	ref := utc("2022-03-16T19:46:00Z")
	for _, tc := range []struct {
		in   string
		ref  time.Time
		want string
	}{
		{"Mar 16, 19:46 UTC", ref, "2022-03-16T19:46:00Z"},
		{"Mar  9, 11:24 UTC", ref, "2022-03-09T11:24:00Z"},
		{"Jan 16, 12:00 CET", utc("2022-01-16T11:00:00Z"), "2022-01-16T11:00:00Z"},
		{"Dec 31, 23:00 PST", utc("2023-01-01T10:00:00Z"), "2023-01-01T07:00:00Z"},
		{"Dec 30, 10:00 GMT", utc("2023-01-02T10:00:00Z"), "2022-12-30T10:00:00Z"},
		{"Jun 5, 2023 - 11:24 EDT", ref, "2023-06-05T15:24:00Z"},
		// An unknown zone takes the reference's offset.
		{"Mar 16, 19:46 XYZ", time.Date(2022, 3, 16, 20, 0, 0, 0, time.FixedZone("", 3600)), "2022-03-16T18:46:00Z"},
	} {
		got, ok := parseSmallDate(tc.in, tc.ref)
		if !ok || !got.Equal(utc(tc.want)) {
			t.Errorf("parseSmallDate(%q) = %s, %v; want %s", tc.in, got, ok, tc.want)
		}
	}
	for _, bad := range []string{"", "Mar", "Foo 9, 11:24 UTC", "Mar 40, 11:24 UTC", "Mar 9, 25:99 UTC"} {
		if _, ok := parseSmallDate(bad, ref); ok {
			t.Errorf("parseSmallDate(%q) accepted", bad)
		}
	}
}

func TestInferStatus(t *testing.T) {
	for _, tc := range []struct{ title, text, want string }{
		{"[RESOLVED] Increased error rates", "", StatusResolved},
		{"Resolved: Increased latency", "", StatusResolved},
		{"Service is operating normally: [RESOLVED] x", "", StatusResolved},
		{"Elevated errors", "Status: Monitoring\n\nA fix is out.", StatusMonitoring},
		{"Informational message: delays", "", StatusInvestigating},
		{"UPDATE: something", "", StatusInvestigating},
	} {
		if got := inferStatus(tc.title, tc.text); got != tc.want {
			t.Errorf("inferStatus(%q, %q) = %s, want %s", tc.title, tc.text, got, tc.want)
		}
	}
}

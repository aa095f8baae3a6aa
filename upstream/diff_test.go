package upstream

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// lifeUpdate is one update of the generated lifecycle incident.
type lifeUpdate struct{ id, status, at, body string }

var lifeUpdates = []lifeUpdate{
	{"upd1invest01", "investigating", "2024-03-05T09:02:10.120-08:00", "We are investigating failed logins."},
	{"upd2identi02", "identified", "2024-03-05T09:20:00.000-08:00", "A bad deploy of the token service was identified."},
	{"upd3monito03", "monitoring", "2024-03-05T09:45:30.500-08:00", "A fix has been rolled out; we are monitoring."},
	{"upd4resolv04", "resolved", "2024-03-05T10:15:00.000-08:00", "This incident has been resolved."},
}

// lifecycle returns the Statuspage payload at step 1…4 of an incident's
// life, as incidents.json plus components (summary=false), or as
// summary.json, where the resolved incident has vanished at step 4.
func lifecycle(step int, summary bool) []byte {
	impact := "minor"
	if step >= 2 {
		impact = "major"
	}
	compStatus := []string{"", "degraded_performance", "major_outage", "operational", "operational"}[step]
	compAt := []string{"", "2024-03-05T09:02:10.000-08:00", "2024-03-05T09:20:00.000-08:00", "2024-03-05T09:45:30.000-08:00", "2024-03-05T09:45:30.000-08:00"}[step]
	var ups []string
	for i := step - 1; i >= 0; i-- {
		u := lifeUpdates[i]
		ups = append(ups, fmt.Sprintf(`{"id":%q,"status":%q,"body":%q,"incident_id":"inc0lifecycl","created_at":%q,"updated_at":%q,"display_at":%q,"affected_components":null}`,
			u.id, u.status, u.body, u.at, u.at, u.at))
	}
	last := lifeUpdates[step-1]
	resolvedAt := "null"
	if step == 4 {
		resolvedAt = fmt.Sprintf("%q", last.at)
	}
	incident := fmt.Sprintf(`{"id":"inc0lifecycl","name":"Login failures","status":%q,"impact":%q,"created_at":"2024-03-05T09:02:10.100-08:00","updated_at":%q,"started_at":"2024-03-05T09:00:00.000-08:00","resolved_at":%s,"shortlink":"https://stspg.io/x","page_id":"pg0000000001","incident_updates":[%s],"components":[{"id":"cmp0auth0001","name":"Authentication","status":%q}]}`,
		last.status, impact, last.at, resolvedAt, strings.Join(ups, ","), compStatus)
	page := `"page":{"id":"pg0000000001","name":"Auth","url":"https://status.auth.example","time_zone":"America/Los_Angeles","updated_at":` + fmt.Sprintf("%q", last.at) + `}`
	components := fmt.Sprintf(`"components":[{"id":"cmp0auth0001","name":"Authentication","status":%q,"updated_at":%q,"group_id":null,"group":false},{"id":"cmp0mgmt0002","name":"Management API","status":"operational","updated_at":"2024-01-01T00:00:00.000-08:00","group_id":null,"group":false}]`, compStatus, compAt)
	if !summary {
		return []byte("{" + page + "," + components + `,"incidents":[` + incident + "]}")
	}
	indicator := "minor"
	incidents := incident
	if step == 4 {
		indicator, incidents = "none", ""
	}
	return []byte("{" + page + "," + components + `,"incidents":[` + incidents + `],"scheduled_maintenances":[],"status":{"indicator":"` + indicator + `","description":"x"}}`)
}

// ev is the part of an Event a lifecycle test checks.
type ev struct {
	kind                            EventKind
	update, component, status, prev string
	at                              string
	inferred                        bool
}

func summarise(events []Event) []ev {
	var out []ev
	for _, e := range events {
		out = append(out, ev{e.Kind, e.UpdateID, e.ComponentID, e.Status, e.PrevStatus, e.At.Format(time.RFC3339Nano), e.Inferred})
	}
	return out
}

func parseLife(t testing.TB, step int, summary bool) *Snapshot {
	t.Helper()
	s, err := Parse(lifecycle(step, summary), KindStatuspage)
	if err != nil {
		t.Fatalf("step %d: %v", step, err)
	}
	return s
}

func TestLifecycle(t *testing.T) {
	const comp = "cmp0auth0001"
	steps := [][]ev{
		1: {
			{EventIncidentOpened, "", "", "investigating", "", "2024-03-05T17:02:10.1Z", false},
			{EventIncidentUpdate, "upd1invest01", "", "investigating", "", "2024-03-05T17:02:10.12Z", false},
			{EventComponentStatus, "", comp, "degraded_performance", "", "2024-03-05T17:02:10Z", false},
		},
		2: {
			{EventIncidentUpdate, "upd2identi02", "", "identified", "", "2024-03-05T17:20:00Z", false},
			{EventIncidentStatus, "", "", "identified", "investigating", "2024-03-05T17:20:00Z", false},
			{EventIncidentImpact, "", "", "identified", "", "2024-03-05T17:20:00Z", false},
			{EventComponentStatus, "", comp, "major_outage", "degraded_performance", "2024-03-05T17:20:00Z", false},
		},
		3: {
			{EventIncidentUpdate, "upd3monito03", "", "monitoring", "", "2024-03-05T17:45:30.5Z", false},
			{EventIncidentStatus, "", "", "monitoring", "identified", "2024-03-05T17:45:30.5Z", false},
			{EventComponentStatus, "", comp, "operational", "major_outage", "2024-03-05T17:45:30Z", false},
		},
		4: {
			{EventIncidentUpdate, "upd4resolv04", "", "resolved", "", "2024-03-05T18:15:00Z", false},
			{EventIncidentResolved, "", "", "resolved", "monitoring", "2024-03-05T18:15:00Z", false},
		},
	}
	var prev *Snapshot
	seen := map[string]bool{}
	for step := 1; step <= 4; step++ {
		next := parseLife(t, step, false)
		got := Diff(prev, next, "auth0")
		if !slices.Equal(summarise(got), steps[step]) {
			t.Errorf("step %d:\n got %v\nwant %v", step, summarise(got), steps[step])
		}
		for _, e := range got {
			if e.Provider != "auth0" || e.IncidentID == "" && e.ComponentID == "" || e.DedupKey == "" {
				t.Errorf("step %d: incomplete event %+v", step, e)
			}
			if seen[e.DedupKey] {
				t.Errorf("step %d: dedup key %s repeated", step, e.DedupKey)
			}
			seen[e.DedupKey] = true
		}
		// A re-poll of the same payload, parsed again, changes nothing.
		if again := Diff(next, parseLife(t, step, false), "auth0"); len(again) != 0 {
			t.Errorf("step %d: re-poll gave %v", step, summarise(again))
		}
		// After a restart there is no previous snapshot: every event of
		// a first look was already seen, so the store drops them all.
		for _, e := range Events(next, "auth0") {
			if !seen[e.DedupKey] {
				t.Errorf("step %d: restart gives new event %+v", step, e)
			}
		}
		prev = next
	}
	if got := Diff(prev, prev, "auth0"); got != nil {
		t.Errorf("self diff: %v", got)
	}
	if e := Diff(parseLife(t, 1, false), parseLife(t, 2, false), "auth0")[2]; e.Impact != "major" || e.PrevImpact != "minor" || e.Kind != EventIncidentImpact {
		t.Errorf("impact event %+v", e)
	}
}

// TestLifecycleSummary walks the same incident through summary.json, where
// resolution shows only as the incident's disappearance.
func TestLifecycleSummary(t *testing.T) {
	s3, s4 := parseLife(t, 3, true), parseLife(t, 4, true)
	got := Diff(s3, s4, "auth0")
	want := []ev{{EventIncidentResolved, "", "", "resolved", "monitoring", "2024-03-05T18:15:00Z", true}}
	if !slices.Equal(summarise(got), want) {
		t.Fatalf("got %v\nwant %v", summarise(got), want)
	}
	// From a feed that is not unresolved-only, a missing incident has only
	// left the window.
	s4.UnresolvedOnly = false
	if got := Diff(s3, s4, "auth0"); len(got) != 0 {
		t.Errorf("got %v", summarise(got))
	}
}

func TestMaintenanceKeptApart(t *testing.T) {
	s := mustParse(t, "feeds/twilio_summary.json", KindStatuspage)
	counts := map[EventKind]int{}
	for _, e := range Events(s, "twilio") {
		counts[e.Kind]++
	}
	// 2 incidents with 2 and 5 updates; 9 maintenances with 1 update each;
	// 6 components not operational.
	want := map[EventKind]int{
		EventIncidentOpened: 2, EventIncidentUpdate: 7,
		EventMaintenanceScheduled: 9, EventMaintenanceUpdate: 9,
		EventComponentStatus: 6,
	}
	if fmt.Sprint(counts) != fmt.Sprint(want) {
		t.Errorf("got %v\nwant %v", counts, want)
	}
	// A maintenance going in progress, then completed.
	c := mustParse(t, "feeds/cloudamqp_summary-maintenance.json", KindStatuspage)
	m := &c.Incidents[0]
	done := *c
	done.Incidents = []Incident{*m}
	done.Incidents[0].Status = StatusCompleted
	done.Incidents[0].UpdatedAt = m.UpdatedAt.Add(2 * time.Hour)
	done.Incidents[0].ResolvedAt = m.UpdatedAt.Add(2 * time.Hour)
	got := Diff(c, &done, "cloudamqp")
	if len(got) != 1 || got[0].Kind != EventMaintenanceCompleted || got[0].PrevStatus != StatusInProgress {
		t.Errorf("%+v", got)
	}
	// And vanishing from summary.json completes it too.
	gone := *c
	gone.Incidents = nil
	got = Diff(c, &gone, "cloudamqp")
	if len(got) != 1 || got[0].Kind != EventMaintenanceCompleted || !got[0].Inferred {
		t.Errorf("%+v", got)
	}
}

// TestClockSkew: a provider whose clock runs two hours ahead is taken at
// its word (no clamping to the poll time), and events keep the provider's
// order even where a backfilled update shows an earlier time than the
// one before it.
func TestClockSkew(t *testing.T) {
	poll := time.Date(2024, 3, 5, 17, 0, 0, 0, time.UTC)
	skewed := []byte(`{"page":{"id":"p","name":"Skew","url":"https://s.example"},"incidents":[{"id":"skew00000001","name":"Ahead","status":"monitoring","impact":"minor",
		"created_at":"2024-03-05T19:00:00Z","updated_at":"2024-03-05T19:30:00Z",
		"incident_updates":[
		 {"id":"u3","status":"monitoring","body":"third","created_at":"2024-03-05T19:30:00Z","display_at":"2024-03-05T19:30:00Z"},
		 {"id":"u2","status":"identified","body":"second, backfilled","created_at":"2024-03-05T19:20:00Z","display_at":"2024-03-05T18:55:00Z"},
		 {"id":"u1","status":"investigating","body":"first","created_at":"2024-03-05T19:00:00Z","display_at":"2024-03-05T19:00:00Z"}]}]}`)
	s, err := Parse(skewed, KindStatuspage)
	if err != nil {
		t.Fatal(err)
	}
	if skew := s.Latest().Sub(poll); skew != 150*time.Minute {
		t.Errorf("skew %s", skew)
	}
	var order []string
	for _, e := range Events(s, "skew") {
		if e.Kind == EventIncidentUpdate {
			order = append(order, e.UpdateID)
		}
		if e.At.Before(poll) && e.UpdateID != "" {
			t.Errorf("%s: time moved to %s", e.UpdateID, e.At)
		}
	}
	if strings.Join(order, ",") != "u1,u2,u3" {
		t.Errorf("order %v", order)
	}
}

func TestDiffRSSWindow(t *testing.T) {
	s := mustParse(t, "feeds/githubstatus_history.rss", KindRSS)
	events := Events(s, "github")
	counts := map[EventKind]int{}
	for _, e := range events {
		counts[e.Kind]++
	}
	if counts[EventIncidentOpened] != 25 || counts[EventIncidentResolved] != 25 || counts[EventComponentStatus] != 0 {
		t.Errorf("%v", counts)
	}
	// The oldest item scrolls out of the window: nothing happens.
	older := *s
	older.Incidents = s.Incidents[:24]
	if got := Diff(s, &older, "github"); len(got) != 0 {
		t.Errorf("window slide gave %v", summarise(got))
	}
	// Events come oldest incident first.
	if events[0].IncidentID != "4cnqjxrv0vzg" {
		t.Errorf("first event is for %s", events[0].IncidentID)
	}
}

func TestDedupKeysStable(t *testing.T) {
	a := Events(mustParse(t, "feeds/githubstatus_summary.json", ""), "github")
	b := Events(mustParse(t, "feeds/githubstatus_summary.json", ""), "github")
	if len(a) == 0 || len(a) != len(b) {
		t.Fatalf("%d vs %d events", len(a), len(b))
	}
	for i := range a {
		if a[i].DedupKey != b[i].DedupKey {
			t.Errorf("%s != %s", a[i].DedupKey, b[i].DedupKey)
		}
	}
	if a[1].DedupKey != "github/incident/ljwdk6qml8z8/update/n1dr3fb22655" {
		t.Errorf("key %s", a[1].DedupKey)
	}
}

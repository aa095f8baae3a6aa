package statuspage_test

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"stormdesk"
	"stormdesk/internal/golden"
	"stormdesk/statuspage"
	"stormdesk/upstream"
)

// maintenance: Billing and Login from 14:00 to 16:00 on the fixture's
// day, scheduled at 09:00, with its start recorded.
func maintenance() stormdesk.PublicMaintenance {
	m := &stormdesk.Maintenance{ID: 4, Title: "Database upgrade", Text: "Payments may be <slow>.", Components: []string{"billing", "login", "gone"},
		StartsAt: at(2 * time.Hour), EndsAt: at(4 * time.Hour), CreatedAt: at(-3 * time.Hour), AlertAbove: 20}
	return stormdesk.PublicMaintenance{Maintenance: m, Entries: []stormdesk.MaintenanceEntry{
		{ID: 1, MaintenanceID: 4, At: at(-3 * time.Hour), Kind: stormdesk.MaintenanceKindScheduled},
		{ID: 2, MaintenanceID: 4, At: at(2 * time.Hour), Kind: stormdesk.MaintenanceKindStarted},
		{ID: 3, MaintenanceID: 4, At: at(4 * time.Hour), Kind: stormdesk.MaintenanceKindEnded},
	}}
}

func statusOf(p *statuspage.Page, id string) stormdesk.ComponentStatus {
	for _, c := range p.Components {
		if c.ID == id {
			return c.Status
		}
	}
	return ""
}

// TestMaintenanceOnThePage: before its window a maintenance is scheduled
// and changes no component; during it, its components are under
// maintenance, unless an open incident is worse (Login's critical one)
// or an override says otherwise, and the overall state says maintenance
// when nothing is worse; after it, it is completed and off the summary.
// Its public updates are those of the past only; a component not on the
// page is dropped.
func TestMaintenanceOnThePage(t *testing.T) {
	view := stormdesk.PublicView{Maintenances: []stormdesk.PublicMaintenance{maintenance()}}
	before := statuspage.Build(cfg, view, now)
	if len(before.Upcoming) != 1 || before.Upcoming[0].Status != stormdesk.MaintenanceScheduled || statusOf(before, "billing") != stormdesk.ComponentOperational ||
		len(before.Upcoming[0].Updates) != 1 || before.Status.Indicator != "none" {
		t.Fatalf("before the window: %+v, billing %s, overall %s", before.Upcoming, statusOf(before, "billing"), before.Status.Indicator)
	}
	if got := before.Upcoming[0].Components; len(got) != 2 || got[0] != "login" || got[1] != "billing" {
		t.Errorf("components %v, want the page's login and billing in page order", got)
	}
	during := statuspage.Build(cfg, view, at(3*time.Hour))
	if m := during.Upcoming[0]; m.Status != stormdesk.MaintenanceInProgress || len(m.Updates) != 2 || m.StartedAt == nil || !m.StartedAt.Equal(at(2*time.Hour)) {
		t.Fatalf("during the window: %+v", m)
	}
	if statusOf(during, "billing") != stormdesk.ComponentUnderMaintenance || statusOf(during, "screen-sharing") != stormdesk.ComponentOperational ||
		during.Status.Indicator != "maintenance" {
		t.Errorf("during: billing %s, screen sharing %s, overall %s", statusOf(during, "billing"), statusOf(during, "screen-sharing"), during.Status.Indicator)
	}
	view.Incidents = fixture()
	view.Overrides = []stormdesk.ComponentOverride{{Component: "billing", Status: stormdesk.ComponentOperational, Actor: "ana", At: at(150 * time.Minute)}}
	mixed := statuspage.Build(cfg, view, at(3*time.Hour))
	if statusOf(mixed, "login") != stormdesk.ComponentMajorOutage || statusOf(mixed, "billing") != stormdesk.ComponentOperational || mixed.Status.Indicator != "critical" {
		t.Errorf("with an incident and an override: login %s, billing %s, overall %s", statusOf(mixed, "login"), statusOf(mixed, "billing"), mixed.Status.Indicator)
	}
	view.Incidents, view.Overrides = nil, nil
	after := statuspage.Build(cfg, view, at(5*time.Hour))
	if len(after.Upcoming) != 0 || len(after.Maintenances) != 1 || after.Maintenances[0].Status != stormdesk.MaintenanceCompleted ||
		statusOf(after, "billing") != stormdesk.ComponentOperational || !after.UpdatedAt.Equal(at(4*time.Hour)) {
		t.Fatalf("after the window: %+v, updated %s", after.Maintenances, after.UpdatedAt)
	}
	view.Maintenances[0].Maintenance.Components = []string{"gone"}
	if p := statuspage.Build(cfg, view, now); len(p.Maintenances) != 0 {
		t.Errorf("a maintenance of no component on the page is shown: %+v", p.Maintenances)
	}
}

// TestMaintenanceJSON: the summary lists scheduled and in-progress
// maintenances, upcoming.json the scheduled, active.json those in
// progress, scheduled-maintenances.json all of them; each has every
// field a real Statuspage maintenance has (Discord's, in upstream's
// testdata), impact maintenance, its window, its updates newest first
// with what they did to its components.
func TestMaintenanceJSON(t *testing.T) {
	view := stormdesk.PublicView{Maintenances: []stormdesk.PublicMaintenance{maintenance()}}
	list := func(p *statuspage.Page, endpoint string) []map[string]any {
		t.Helper()
		var buf bytes.Buffer
		if err := p.WriteJSON(&buf, endpoint); err != nil {
			t.Fatal(err)
		}
		var doc struct {
			M []map[string]any `json:"scheduled_maintenances"`
		}
		if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		return doc.M
	}
	before, during, after := statuspage.Build(cfg, view, now), statuspage.Build(cfg, view, at(3*time.Hour)), statuspage.Build(cfg, view, at(5*time.Hour))
	for _, c := range []struct {
		p        *statuspage.Page
		endpoint string
		want     string
	}{
		{before, statuspage.Summary, "scheduled"}, {before, statuspage.Upcoming, "scheduled"}, {before, statuspage.Active, ""},
		{during, statuspage.Summary, "in_progress"}, {during, statuspage.Upcoming, ""}, {during, statuspage.Active, "in_progress"},
		{after, statuspage.Summary, ""}, {after, statuspage.Maintenances, "completed"}, {after, statuspage.Active, ""},
	} {
		got := list(c.p, c.endpoint)
		switch {
		case c.want == "" && len(got) != 0:
			t.Errorf("%s at %s: %v, want none", c.endpoint, c.p.Now.Format("15:04"), got)
		case c.want != "" && (len(got) != 1 || got[0]["status"] != c.want):
			t.Errorf("%s at %s: %v, want one %s", c.endpoint, c.p.Now.Format("15:04"), got, c.want)
		}
	}
	m := list(after, statuspage.Maintenances)[0]
	if m["id"] != "m4" || m["impact"] != "maintenance" || m["scheduled_for"] != "2026-12-03T14:00:00.000Z" || m["scheduled_until"] != "2026-12-03T16:00:00.000Z" ||
		m["resolved_at"] != "2026-12-03T16:00:00.000Z" || m["shortlink"] != "https://status.acme.example/incidents/m4" {
		t.Errorf("maintenance: %v", m)
	}
	ups := m["incident_updates"].([]any)
	if len(ups) != 3 {
		t.Fatalf("updates %v", ups)
	}
	first, last := ups[2].(map[string]any), ups[0].(map[string]any)
	if first["status"] != "scheduled" || first["body"] != "Payments may be <slow>." || last["status"] != "completed" ||
		last["body"] != statuspage.MaintenanceCompletedText {
		t.Errorf("updates, newest first: %v", ups)
	}
	started := ups[1].(map[string]any)["affected_components"].([]any)[0].(map[string]any)
	if started["old_status"] != "operational" || started["new_status"] != "under_maintenance" {
		t.Errorf("the start's effect on a component: %v", started)
	}
	raw, err := os.ReadFile("../upstream/testdata/feeds/discordstatus_scheduled-maintenances.json")
	if err != nil {
		t.Fatal(err)
	}
	var real struct {
		M []map[string]any `json:"scheduled_maintenances"`
	}
	if err := json.Unmarshal(raw, &real); err != nil {
		t.Fatal(err)
	}
	for k := range real.M[0] {
		if _, ok := m[k]; !ok {
			t.Errorf("field %q of a real Statuspage maintenance is missing from ours", k)
		}
	}
	for k := range real.M[0]["incident_updates"].([]any)[0].(map[string]any) {
		if _, ok := ups[0].(map[string]any)[k]; !ok {
			t.Errorf("field %q of a real maintenance update is missing from ours", k)
		}
	}
}

// TestOurMaintenanceReadsBack: stormdesk's own upstream reader, as a
// second stormdesk watching this page would run it, reads a maintenance
// in progress from our summary.json as a maintenance (never an
// incident), with its name and status, and the component under
// maintenance.
func TestOurMaintenanceReadsBack(t *testing.T) {
	p := statuspage.Build(cfg, stormdesk.PublicView{Maintenances: []stormdesk.PublicMaintenance{maintenance()}}, at(3*time.Hour))
	var buf bytes.Buffer
	if err := p.WriteJSON(&buf, statuspage.Summary); err != nil {
		t.Fatal(err)
	}
	snap, err := upstream.Parse(buf.Bytes(), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(snap.Incidents) != 1 || !snap.Incidents[0].Maintenance || snap.Incidents[0].Title != "Database upgrade" || snap.Incidents[0].Status != "in_progress" {
		t.Fatalf("read back: %+v", snap.Incidents)
	}
	found := false
	for _, c := range snap.Components {
		found = found || c.Name == "Billing" && c.Status == upstream.ComponentUnderMaintenance
	}
	if !found || snap.Indicator != "maintenance" {
		t.Errorf("components %+v, indicator %q", snap.Components, snap.Indicator)
	}
}

// TestMaintenancesInTheFeeds: history.rss and history.atom list the
// maintenances with the incidents, newest first by their dates (a
// maintenance's is its window's start), in Statuspage's markup; and
// stormdesk's own reader, as a second stormdesk would run it, reads each
// back as a maintenance (never an incident) with the JSON's id, its
// status, window and updates, while the incidents read as before. The
// feeds with a maintenance are pinned in golden files.
func TestMaintenancesInTheFeeds(t *testing.T) {
	upcoming := maintenance()
	upcoming.Maintenance = &stormdesk.Maintenance{ID: 5, Title: "Billing move", Components: []string{"billing"}, StartsAt: at(47 * time.Hour),
		EndsAt: at(49 * time.Hour), CreatedAt: at(-time.Hour)}
	upcoming.Entries = []stormdesk.MaintenanceEntry{{ID: 9, MaintenanceID: 5, At: at(-time.Hour), Kind: stormdesk.MaintenanceKindScheduled}}
	// At 15:00, maintenance 4 (14:00-16:00) is in progress; 5 is ahead.
	p := statuspage.Build(cfg, stormdesk.PublicView{Incidents: fixture(), Maintenances: []stormdesk.PublicMaintenance{maintenance(), upcoming}}, at(3*time.Hour))
	var rss, atom bytes.Buffer
	if err := p.WriteRSS(&rss); err != nil {
		t.Fatal(err)
	}
	if err := p.WriteAtom(&atom); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "history-maintenance.rss", rss.Bytes(), *update)
	golden.Check(t, "history-maintenance.atom", atom.Bytes(), *update)
	for name, data := range map[string][]byte{"rss": rss.Bytes(), "atom": atom.Bytes()} {
		snap, err := upstream.Parse(data, "")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var ids []string
		for _, in := range snap.Incidents {
			ids = append(ids, in.ID)
		}
		if strings.Join(ids, " ") != "m5 m4 7 3" {
			t.Fatalf("%s: items %v, want the upcoming maintenance, the running one, then the incidents, newest first", name, ids)
		}
		m, next, inc := snap.Incidents[1], snap.Incidents[0], snap.Incidents[2]
		if !m.Maintenance || m.Title != "Database upgrade" || m.Status != upstream.StatusInProgress || !m.ScheduledFor.Equal(at(2*time.Hour)) ||
			!strings.HasSuffix(m.URL, "/incidents/m4") {
			t.Errorf("%s: running maintenance %+v", name, m)
		}
		if len(m.Updates) != 2 || m.Updates[0].Status != upstream.StatusInProgress || m.Updates[0].Body != statuspage.MaintenanceStartedText ||
			!m.Updates[0].At.Equal(at(2*time.Hour)) || m.Updates[1].Status != upstream.StatusScheduled || m.Updates[1].Body != "Payments may be <slow>." {
			t.Errorf("%s: running maintenance's updates %+v", name, m.Updates)
		}
		if !next.Maintenance || next.Status != upstream.StatusScheduled || !next.ScheduledFor.Equal(at(47*time.Hour)) || next.Resolved() {
			t.Errorf("%s: upcoming maintenance %+v", name, next)
		}
		if name == "rss" && (!m.ScheduledUntil.Equal(at(4*time.Hour)) || !next.ScheduledUntil.Equal(at(49*time.Hour))) {
			t.Errorf("rss: windows end %v and %v", m.ScheduledUntil, next.ScheduledUntil)
		}
		if inc.Maintenance || inc.Title != "Login failures" || inc.Status != "identified" || len(inc.Updates) != 2 {
			t.Errorf("%s: the incident beside them %+v", name, inc)
		}
	}
	// Once over, the maintenance reads completed (and resolved).
	after := statuspage.Build(cfg, stormdesk.PublicView{Maintenances: []stormdesk.PublicMaintenance{maintenance()}}, at(5*time.Hour))
	var buf bytes.Buffer
	if err := after.WriteRSS(&buf); err != nil {
		t.Fatal(err)
	}
	snap, err := upstream.Parse(buf.Bytes(), "")
	if err != nil || len(snap.Incidents) != 1 || snap.Incidents[0].Status != upstream.StatusCompleted || !snap.Incidents[0].Resolved() || len(snap.Incidents[0].Updates) != 3 {
		t.Fatalf("after the window: %+v %v", snap, err)
	}
}

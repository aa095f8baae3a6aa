package desk_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"stormdesk"
	"stormdesk/desk"
	"stormdesk/desk/desktest"
)

// TestScheduleMaintenance: a window names known components (by name or
// id) and a real future window; scheduling records it on its own
// timeline, the page's view carries it, and the round records its start
// and end once each, at the window's times.
func TestScheduleMaintenance(t *testing.T) {
	ctx := context.Background()
	d := desktest.New(t)
	start, end := d.Now.Add(time.Hour), d.Now.Add(3*time.Hour)
	for _, c := range []struct {
		m    stormdesk.Maintenance
		code string
		msg  string
	}{
		{stormdesk.Maintenance{Components: []string{"payroll"}, StartsAt: start, EndsAt: end}, stormdesk.ENOTFOUND, "not one of login, checkout"},
		{stormdesk.Maintenance{Components: []string{"login"}, StartsAt: end, EndsAt: start}, stormdesk.EINVALID, "is not after the start"},
		{stormdesk.Maintenance{Components: []string{"login"}, StartsAt: d.Now.Add(-3 * time.Hour), EndsAt: d.Now.Add(-time.Hour)}, stormdesk.EINVALID, "already past"},
		{stormdesk.Maintenance{Components: []string{"login"}, StartsAt: start, EndsAt: start.Add(8 * 24 * time.Hour)}, stormdesk.EINVALID, "longer than"},
		{stormdesk.Maintenance{StartsAt: start, EndsAt: end}, stormdesk.EINVALID, "components"},
	} {
		if _, err := d.ScheduleMaintenance(ctx, c.m, "ana", "api:ana"); stormdesk.ErrorCode(err) != c.code || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%+v: %v, want %s %q", c.m, err, c.code, c.msg)
		}
	}
	m, err := d.ScheduleMaintenance(ctx, stormdesk.Maintenance{Components: []string{"Login", "login"}, StartsAt: start, EndsAt: end, Text: "Upgrading the database."}, "ana", "api:ana")
	if err != nil {
		t.Fatal(err)
	}
	if m.Title != "Scheduled maintenance: Login" || len(m.Components) != 1 || m.AlertAbove != stormdesk.DefaultMaintenanceAlertAbove || m.CreatedBy != "ana" {
		t.Errorf("scheduled: %+v", m)
	}
	// Many components with long names: the default title is cut to fit.
	var many []stormdesk.Component
	for i := range 20 {
		many = append(many, stormdesk.Component{ID: fmt.Sprintf("c%d", i), Name: fmt.Sprintf("A rather long component name %d", i), Features: []string{"login"}})
	}
	wide := desktest.NewWithComponents(t, many)
	all := make([]string, len(many))
	for i, c := range many {
		all[i] = c.ID
	}
	if w, err := wide.ScheduleMaintenance(ctx, stormdesk.Maintenance{Components: all, StartsAt: start, EndsAt: end}, "ana", "api:ana"); err != nil {
		t.Errorf("a maintenance of 20 components: %v", err)
	} else if len(w.Title) > stormdesk.MaxMaintenanceTitleLen {
		t.Errorf("a maintenance of 20 components: a title of %d bytes", len(w.Title))
	}
	round := func(want int) {
		t.Helper()
		if n, err := d.MaintenanceRound(ctx); n != want || err != nil {
			t.Errorf("at %s the round recorded %d (%v), want %d", d.Now.Format("15:04"), n, err, want)
		}
	}
	round(0)
	d.Now = start.Add(time.Minute)
	round(1)
	round(0)
	d.Now = end.Add(time.Hour)
	round(1)
	round(0)
	_, es, err := d.MaintenanceTimeline(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range es {
		got = append(got, e.Kind+"@"+e.At.Format("15:04"))
	}
	want := []string{"scheduled@" + desktest.T0.Add(time.Hour).Format("15:04"), "started@" + start.Format("15:04"), "ended@" + end.Format("15:04")}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("timeline %v, want %v", got, want)
	}
	view, err := d.PublicView(ctx, desktest.T0)
	if err != nil || len(view.Maintenances) != 1 || len(view.Maintenances[0].Entries) != 3 {
		t.Fatalf("public view: %+v %v", view.Maintenances, err)
	}
	// Cancelling: only one that is not over, once; it leaves the page.
	if _, err := d.CancelMaintenance(ctx, m.ID, "bo"); stormdesk.ErrorCode(err) != stormdesk.ECONFLICT || !strings.Contains(err.Error(), "is over") {
		t.Errorf("cancelling a maintenance that is over: %v", err)
	}
	if _, err := d.CancelMaintenance(ctx, 99, "bo"); stormdesk.ErrorCode(err) != stormdesk.ENOTFOUND {
		t.Errorf("cancelling a missing maintenance: %v", err)
	}
	next, err := d.ScheduleMaintenance(ctx, stormdesk.Maintenance{Components: []string{"checkout"}, StartsAt: d.Now.Add(time.Hour), EndsAt: d.Now.Add(2 * time.Hour)}, "ana", "api:ana")
	if err != nil {
		t.Fatal(err)
	}
	if c, err := d.CancelMaintenance(ctx, next.ID, "bo"); err != nil || c.CancelledAt == nil {
		t.Fatalf("cancel: %+v %v", c, err)
	}
	if _, err := d.CancelMaintenance(ctx, next.ID, "bo"); stormdesk.ErrorCode(err) != stormdesk.ECONFLICT || !strings.Contains(err.Error(), "already cancelled") {
		t.Errorf("cancelling twice: %v", err)
	}
	if view, _ := d.PublicView(ctx, desktest.T0); len(view.Maintenances) != 1 || view.Maintenances[0].Maintenance.ID != m.ID {
		t.Errorf("a cancelled maintenance is on the page: %+v", view.Maintenances)
	}
	d.Now = next.StartsAt.Add(time.Minute)
	round(0)
}

// TestSyncMaintenances: a configured maintenance is stored once under
// its key, left alone when unchanged and rewritten (with a new
// scheduled entry) when the configuration changes.
func TestSyncMaintenances(t *testing.T) {
	ctx := context.Background()
	d := desktest.New(t)
	cfg := stormdesk.Maintenance{Key: "config:db", Title: "Database upgrade", Components: []string{"checkout"},
		StartsAt: d.Now.Add(time.Hour), EndsAt: d.Now.Add(2 * time.Hour), AlertAbove: 5}
	entries := func() []stormdesk.MaintenanceEntry {
		t.Helper()
		ms, err := d.Maintenances(ctx, time.Time{})
		if err != nil || len(ms) != 1 {
			t.Fatalf("maintenances: %+v %v", ms, err)
		}
		_, es, err := d.MaintenanceTimeline(ctx, ms[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		return es
	}
	for range 2 {
		if err := d.SyncMaintenances(ctx, []stormdesk.Maintenance{cfg}); err != nil {
			t.Fatal(err)
		}
	}
	if es := entries(); len(es) != 1 || es[0].Actor != "config" {
		t.Fatalf("after two syncs: %+v", es)
	}
	cfg.EndsAt = cfg.EndsAt.Add(time.Hour)
	if err := d.SyncMaintenances(ctx, []stormdesk.Maintenance{cfg}); err != nil {
		t.Fatal(err)
	}
	ms, _ := d.Maintenances(ctx, time.Time{})
	if es := entries(); len(es) != 2 || !ms[0].EndsAt.Equal(cfg.EndsAt) {
		t.Fatalf("after a change: %+v %+v", ms[0], es)
	}
	if err := d.SyncMaintenances(ctx, []stormdesk.Maintenance{{Title: "no key", Components: []string{"login"}}}); stormdesk.ErrorCode(err) != stormdesk.EINVALID {
		t.Errorf("a configured maintenance without a key: %v", err)
	}
	// Gone from the file: cancelled; back in it, changed: scheduled again.
	if err := d.SyncMaintenances(ctx, []stormdesk.Maintenance{}); err != nil {
		t.Fatal(err)
	}
	if ms, _ := d.Maintenances(ctx, time.Time{}); ms[0].CancelledAt == nil || entries()[2].Kind != stormdesk.MaintenanceKindCancelled {
		t.Fatalf("a maintenance gone from the configuration: %+v", ms[0])
	}
	cfg.Text = "Back on."
	if err := d.SyncMaintenances(ctx, []stormdesk.Maintenance{cfg}); err != nil {
		t.Fatal(err)
	}
	if ms, _ := d.Maintenances(ctx, time.Time{}); ms[0].CancelledAt != nil || ms[0].Text != "Back on." || len(entries()) != 4 {
		t.Fatalf("back in the configuration, changed: %+v", ms[0])
	}
}

// maintenanceStorm runs a login outage through triage on a desk whose
// page has Login and Billing, after schedule (which may schedule a
// maintenance) and with the clock at the storm's start; it returns the
// incidents opened and the maintenances.
func maintenanceStorm(t *testing.T, schedule func(d *desk.Service, now time.Time)) ([]*stormdesk.Incident, []*stormdesk.Maintenance, *desk.Service) {
	t.Helper()
	ctx := context.Background()
	now := t0
	comps := []stormdesk.Component{{ID: "login", Name: "Login", Features: []string{"login"}}, {ID: "billing", Name: "Billing", Features: []string{"billing"}}}
	d := openTriage(t, filepath.Join(t.TempDir(), "t.db"), &now, func(o *desk.Options) { o.Components = comps })
	history(t, d, &now)
	schedule(d, now)
	for i, p := range loginPhrases {
		now = now.Add(2 * time.Minute)
		if _, err := d.IngestTicket(ctx, &stormdesk.Ticket{Subject: p, CustomerEmail: fmt.Sprintf("user%d@example.com", i), ReceivedAt: now}); err != nil {
			t.Fatal(err)
		}
		if _, err := d.TriagePending(ctx); err != nil {
			t.Fatal(err)
		}
	}
	incs, err := d.Incidents(ctx, stormdesk.IncidentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	ms, err := d.Maintenances(ctx, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	return incs, ms, d
}

// TestMaintenanceHoldsTheStormItExpects: during a maintenance of Login,
// the login outage it causes opens no incident: its reports are recorded
// on the maintenance (with its start), and each ticket says why it is in
// no incident. The same storm opens an incident when the maintenance is
// on another component, or over, or when it brings more reports than the
// maintenance expects; in the last case the incident and the
// maintenance both say so.
func TestMaintenanceHoldsTheStormItExpects(t *testing.T) {
	ctx := context.Background()
	schedule := func(comp string, from, to time.Duration, alertAbove int) func(*desk.Service, time.Time) {
		return func(d *desk.Service, now time.Time) {
			if _, err := d.ScheduleMaintenance(ctx, stormdesk.Maintenance{Components: []string{comp}, StartsAt: now.Add(from), EndsAt: now.Add(to), AlertAbove: alertAbove}, "ana", "api:ana"); err != nil {
				t.Fatal(err)
			}
		}
	}
	t.Run("held", func(t *testing.T) {
		incs, ms, d := maintenanceStorm(t, schedule("login", -time.Minute, 2*time.Hour, 100))
		if len(incs) != 0 {
			t.Fatalf("the maintenance's own storm opened %d incidents: %+v", len(incs), incs[0])
		}
		m := ms[0]
		if m.Tickets < 5 {
			t.Fatalf("the maintenance recorded %d reports of the storm", m.Tickets)
		}
		_, es, _ := d.MaintenanceTimeline(ctx, m.ID)
		var kinds []string
		reports := 0
		for _, e := range es {
			kinds = append(kinds, e.Kind)
			if e.Kind == stormdesk.MaintenanceKindReports {
				var n int
				fmt.Sscanf(e.Text, "%d", &n)
				reports += n
			}
		}
		if len(kinds) < 3 || kinds[0] != "scheduled" || kinds[1] != "started" || kinds[2] != "reports" || reports != m.Tickets {
			t.Fatalf("maintenance timeline %v (%d reports in its entries, %d recorded)", kinds, reports, m.Tickets)
		}
		held := 0
		for id := int64(1); ; id++ {
			tk, err := d.Ticket(ctx, id)
			if err != nil {
				break
			}
			if strings.HasPrefix(tk.JoinReason, fmt.Sprintf("recorded on maintenance #%d", m.ID)) {
				held++
			}
		}
		if held != m.Tickets {
			t.Errorf("%d tickets say the maintenance took them in, it recorded %d", held, m.Tickets)
		}
	})
	t.Run("another component", func(t *testing.T) {
		incs, ms, _ := maintenanceStorm(t, schedule("billing", -time.Minute, 2*time.Hour, 100))
		if len(incs) != 1 || ms[0].Tickets != 0 {
			t.Fatalf("a maintenance of Billing during a login storm: %d incidents, %d reports held", len(incs), ms[0].Tickets)
		}
	})
	t.Run("not yet", func(t *testing.T) {
		incs, ms, _ := maintenanceStorm(t, schedule("login", 3*time.Hour, 4*time.Hour, 100))
		if len(incs) != 1 || ms[0].Tickets != 0 {
			t.Fatalf("a login storm before the maintenance: %d incidents, %d reports held", len(incs), ms[0].Tickets)
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		incs, ms, _ := maintenanceStorm(t, func(d *desk.Service, now time.Time) {
			schedule("login", -time.Minute, 2*time.Hour, 100)(d, now)
			if _, err := d.CancelMaintenance(ctx, 1, "ana"); err != nil {
				t.Fatal(err)
			}
		})
		if len(incs) != 1 || ms[0].Tickets != 0 {
			t.Fatalf("a login storm after the maintenance was cancelled: %d incidents, %d reports held", len(incs), ms[0].Tickets)
		}
	})
	t.Run("beyond it after holding some", func(t *testing.T) {
		incs, ms, d := maintenanceStorm(t, schedule("login", -time.Minute, 2*time.Hour, 5))
		if len(incs) != 1 || ms[0].Tickets == 0 {
			t.Fatalf("%d incidents, %d reports held first", len(incs), ms[0].Tickets)
		}
		tks, err := d.IncidentTickets(ctx, incs[0].ID, 0, 100)
		if err != nil {
			t.Fatal(err)
		}
		earlier := 0
		for _, tk := range tks {
			if strings.HasPrefix(tk.JoinReason, fmt.Sprintf("reported during maintenance #%d", ms[0].ID)) {
				earlier++
			}
		}
		if earlier != ms[0].Tickets {
			t.Errorf("the incident took in %d of the %d reports the maintenance held before the storm went beyond it", earlier, ms[0].Tickets)
		}
	})
	t.Run("beyond what it expects", func(t *testing.T) {
		incs, ms, d := maintenanceStorm(t, schedule("login", -time.Minute, 2*time.Hour, 1))
		if len(incs) != 1 {
			t.Fatalf("a storm beyond the maintenance's 1 report opened %d incidents", len(incs))
		}
		es, _ := d.Timeline(ctx, incs[0].ID)
		found := false
		for _, e := range es {
			found = found || e.Kind == stormdesk.KindDetected && strings.Contains(e.Text, fmt.Sprintf("beyond what maintenance #%d", ms[0].ID))
		}
		if !found {
			t.Errorf("the incident's detection does not name the maintenance it exceeded: %+v", es)
		}
		_, mes, _ := d.MaintenanceTimeline(ctx, ms[0].ID)
		if mes[len(mes)-1].Kind != stormdesk.MaintenanceKindExceeded || !strings.Contains(mes[len(mes)-1].Text, fmt.Sprintf("opened incident #%d", incs[0].ID)) {
			t.Errorf("the maintenance's last entry: %+v", mes[len(mes)-1])
		}
	})
}

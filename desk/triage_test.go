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
	"stormdesk/store/sqlite"
	"stormdesk/triage"
)

var loginPhrases = []string{
	"Can't log in", "Unable to sign in to my account", "Login page broken", "cannot log in since this afternoon",
	"Sign-in page spins forever", "SSO error when I try to log in", "I can't login, it says authentication failed",
	"login not working", "Unable to log into the app", "can't sign in, screen share won't start either",
}

var background = []string{
	"How do I change my billing address?", "Please add dark mode", "Invoice for October is wrong",
	"Can I export my contacts to CSV?", "Feature request: calendar integration", "Refund for duplicate charge",
}

// history gives a desk the everyday tickets of the hours before *now: a
// fresh desk tells no burst before it has seen triage.Config.Warmup
// tickets to measure bursts against.
func history(t *testing.T, d *desk.Service, now *time.Time) {
	t.Helper()
	ctx := context.Background()
	topics := []string{"billing address", "dark mode", "invoice copy", "seat count", "VAT number", "team roles", "data retention",
		"language setting", "API key", "mobile app font", "logo size", "export format"}
	at := now.Add(-10 * time.Hour)
	for i := 0; i < 30; i++ {
		at = at.Add(20 * time.Minute)
		tk := &stormdesk.Ticket{Subject: fmt.Sprintf("Question about the %s (%d)", topics[i%len(topics)], i), CustomerEmail: fmt.Sprintf("h%d@example.com", i), ReceivedAt: at}
		if _, err := d.IngestTicket(ctx, tk); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := d.TriagePending(ctx); err != nil {
		t.Fatal(err)
	}
}

func openTriage(t *testing.T, path string, now *time.Time, opts ...func(*desk.Options)) *desk.Service {
	t.Helper()
	s, err := sqlite.Open(context.Background(), path, *now)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	cfg := triage.DefaultConfig()
	return openDesk(t, s, desk.Options{Now: func() time.Time { return *now }, Triage: &cfg}, opts...)
}

func TestTriageOpensOneIncidentForABurst(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "t.db")
	now := t0
	d := openTriage(t, path, &now)
	history(t, d, &now)
	ingest := func(subject, customer string) *stormdesk.Ticket {
		tk := &stormdesk.Ticket{Subject: subject, CustomerEmail: customer, ReceivedAt: now}
		if _, err := d.IngestTicket(ctx, tk); err != nil {
			t.Fatal(err)
		}
		if n, err := d.TriagePending(ctx); n != 1 || err != nil {
			t.Fatalf("triaged %d (%v), want the new ticket", n, err)
		}
		tk, _ = d.Ticket(ctx, tk.ID)
		return tk
	}
	// An ordinary morning: background tickets, no incident.
	for i, b := range background {
		now = now.Add(7 * time.Minute)
		ingest(b, fmt.Sprintf("bg%d@example.com", i))
	}
	if incs, _ := d.Incidents(ctx, stormdesk.IncidentFilter{}); len(incs) != 0 {
		t.Fatalf("background opened %d incidents", len(incs))
	}
	// The outage: login reports from distinct customers, 2 minutes apart,
	// with background still arriving.
	var login []*stormdesk.Ticket
	for i, p := range loginPhrases {
		now = now.Add(2 * time.Minute)
		login = append(login, ingest(p, fmt.Sprintf("user%d@example.com", i)))
		if i%3 == 0 {
			ingest(background[i%len(background)]+" (again)", fmt.Sprintf("bg-late%d@example.com", i))
		}
	}
	incs, _ := d.Incidents(ctx, stormdesk.IncidentFilter{})
	if len(incs) != 1 {
		t.Fatalf("got %d incidents, want 1", len(incs))
	}
	inc := incs[0]
	if inc.Status != stormdesk.StatusTriage || !contains(inc.Features, "login") {
		t.Fatalf("incident %+v: want status triage and feature login", inc)
	}
	linked := 0
	for _, tk := range login {
		got, _ := d.Ticket(ctx, tk.ID)
		if got.IncidentID == inc.ID {
			linked++
		}
	}
	if linked < len(login)-1 {
		t.Fatalf("only %d of %d login tickets linked to the incident", linked, len(login))
	}
	if inc.TicketCount != linked {
		t.Fatalf("incident counts %d tickets, %d login tickets linked: background was swallowed", inc.TicketCount, linked)
	}
	t.Logf("incident %q features %v: %d linked of %d login tickets", inc.Title, inc.Features, linked, len(login))
	es, _ := d.Timeline(ctx, inc.ID)
	var kinds []string
	for _, e := range es {
		kinds = append(kinds, e.Kind)
	}
	t.Logf("timeline kinds %v", kinds)
	if kinds[0] != stormdesk.KindFirstReport || !strings.Contains(strings.Join(kinds, " "), "detected") || !strings.Contains(strings.Join(kinds, " "), "report_count") {
		t.Fatalf("timeline kinds %v", kinds)
	}
	if !es[0].At.Equal(login[0].ReceivedAt) && !es[0].At.Before(login[1].ReceivedAt) {
		t.Fatalf("first report at %v, want the first login ticket's time %v", es[0].At, login[0].ReceivedAt)
	}

	// After a restart (with and without a snapshot) the engine is rebuilt
	// from the store, and a new login ticket still joins the incident.
	for _, snapshot := range []bool{false, true} {
		if snapshot {
			if err := d.MaintainTriage(ctx); err != nil {
				t.Fatal(err)
			}
		}
		d = openTriage(t, path, &now)
		now = now.Add(time.Minute)
		late := ingest("still can't log in!!", fmt.Sprintf("late-%v@example.com", snapshot))
		if late.IncidentID != inc.ID {
			t.Fatalf("snapshot=%v: a late report went to incident %d cluster %d, want incident %d", snapshot, late.IncidentID, late.ClusterID, inc.ID)
		}
	}
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// TestRefitBesideTriage: the maintenance job refits triage's word vectors
// (triage.Engine.PrepareRefit) while tickets keep being triaged; the fit
// runs outside the triage lock (race-tested in make test), and the
// tickets that came meanwhile are triaged.
func TestRefitBesideTriage(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "t.db")
	now := t0
	s, err := sqlite.Open(ctx, path, now)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	cfg := triage.DefaultConfig()
	cfg.VectorRefit = 20
	d := openDesk(t, s, desk.Options{Now: func() time.Time { return now }, Triage: &cfg})
	ingest := func(n int, tag string) {
		for i := 0; i < n; i++ {
			tk := &stormdesk.Ticket{Subject: background[i%len(background)] + " " + tag, CustomerEmail: fmt.Sprintf("%s%d@example.com", tag, i), ReceivedAt: now}
			if _, err := d.IngestTicket(ctx, tk); err != nil {
				t.Error(err)
				return
			}
			if _, err := d.TriagePending(ctx); err != nil {
				t.Error(err)
				return
			}
		}
	}
	ingest(40, "a")
	done := make(chan error)
	go func() { done <- d.MaintainTriage(ctx) }()
	ingest(20, "b")
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	for id := int64(1); id <= 60; id++ {
		if tk, err := d.Ticket(ctx, id); err != nil || tk.ClusterID == 0 {
			t.Fatalf("ticket %d: %+v, %v: not triaged", id, tk, err)
		}
	}
}

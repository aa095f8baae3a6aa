package desk_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"stormdesk"
)

func TestOperatorCorrections(t *testing.T) {
	ctx := context.Background()
	now := t0
	path := t.TempDir() + "/o.db"
	d := openTriage(t, path, &now)
	history(t, d, &now)
	burst := func(prefix string, phrases []string) []*stormdesk.Ticket {
		var out []*stormdesk.Ticket
		for i, p := range phrases {
			now = now.Add(time.Minute)
			tk := &stormdesk.Ticket{Subject: p, CustomerEmail: fmt.Sprintf("%s%d@example.com", prefix, i), ReceivedAt: now}
			if _, err := d.IngestTicket(ctx, tk); err != nil {
				t.Fatal(err)
			}
			out = append(out, tk)
		}
		if _, err := d.TriagePending(ctx); err != nil {
			t.Fatal(err)
		}
		return out
	}
	burst("l", loginPhrases)
	shares := []string{"CSV export fails", "export to CSV gives an error", "the CSV export is broken", "exporting contacts to CSV fails",
		"CSV export returns an empty file", "export to csv times out", "CSV export error 500", "cannot export CSV", "CSV export stuck at 0%"}
	burst("s", shares)
	incs, _ := d.Incidents(ctx, stormdesk.IncidentFilter{Open: true})
	if len(incs) != 2 {
		for _, c := range d.Clusters() {
			t.Logf("cluster %d size %d customers %d cand %v label %q", c.ID, c.Size, c.Customers, c.Candidate, c.Label)
		}
		t.Fatalf("want a login and a screenshare incident, got %d", len(incs))
	}
	login, share := incs[1], incs[0]

	// Acknowledge, once.
	if inc, err := d.Acknowledge(ctx, login.ID, "U1", "slack:U1"); err != nil || inc.Status != stormdesk.StatusInvestigating {
		t.Fatalf("ack: %v %+v", err, inc)
	}
	if _, err := d.Acknowledge(ctx, login.ID, "U1", "slack:U1"); stormdesk.ErrorCode(err) != stormdesk.ECONFLICT || !strings.Contains(err.Error(), "already acknowledged") {
		t.Fatalf("second ack: %v", err)
	}

	// Merge the export incident into the login one (an operator decides
	// they are one outage).
	if err := d.Merge(ctx, share.ID, login.ID, "U1"); err != nil {
		t.Fatal(err)
	}
	if err := d.Merge(ctx, share.ID, login.ID, "U1"); stormdesk.ErrorCode(err) != stormdesk.ECONFLICT {
		t.Fatalf("second merge: %v", err)
	}
	got, _ := d.Incident(ctx, login.ID)
	gone, _ := d.Incident(ctx, share.ID)
	if got.TicketCount != len(loginPhrases)+len(shares) || gone.MergedInto != login.ID || gone.TicketCount != 0 {
		t.Fatalf("after merge: survivor %d tickets, merged one points to %d with %d tickets", got.TicketCount, gone.MergedInto, gone.TicketCount)
	}
	// Triage learned it: a new export report joins the survivor.
	late := burst("late", []string{"CSV export fails again"})[0]
	if tk, _ := d.Ticket(ctx, late.ID); tk.IncidentID != login.ID {
		t.Fatalf("an export report after the merge went to incident %d (cluster %d), want %d", tk.IncidentID, tk.ClusterID, login.ID)
	}

	// Unlink and link a ticket by hand.
	if err := d.UnlinkTicket(ctx, late.ID, "U2"); err != nil {
		t.Fatal(err)
	}
	if err := d.UnlinkTicket(ctx, late.ID, "U2"); stormdesk.ErrorCode(err) != stormdesk.ECONFLICT {
		t.Fatalf("second unlink: %v", err)
	}
	if err := d.LinkTicket(ctx, late.ID, login.ID, "U2"); err != nil {
		t.Fatal(err)
	}
	if err := d.LinkTicket(ctx, 9999, login.ID, "U2"); stormdesk.ErrorCode(err) != stormdesk.ENOTFOUND {
		t.Fatalf("link a missing ticket: %v", err)
	}

	if inc, err := d.SetCause(ctx, login.ID, "Auth0 outage", "U2"); err != nil || inc.LikelyCause != "Auth0 outage" {
		t.Fatalf("cause: %v %+v", err, inc)
	}
	es, _ := d.Timeline(ctx, login.ID)
	var kinds []string
	for _, e := range es {
		kinds = append(kinds, e.Kind)
	}
	for _, k := range []string{"acknowledged", "merge", "ticket_moved", "cause"} {
		if !strings.Contains(strings.Join(kinds, " "), k) {
			t.Errorf("timeline lacks %s: %v", k, kinds)
		}
	}

	// Not an incident: the billing trickle bursts once, is dismissed, and
	// a second burst of the same kind raises nothing.
	bills := []string{"Invoice is wrong", "wrong amount on my invoice", "invoice shows the wrong total", "Incorrect invoice", "my invoice is incorrect",
		"invoice amount wrong", "the invoice total is wrong", "invoice has a mistake", "wrong invoice again"}
	burst("b", bills)
	incs, _ = d.Incidents(ctx, stormdesk.IncidentFilter{Open: true})
	var billing *stormdesk.Incident
	for _, inc := range incs {
		if inc.ID != login.ID {
			billing = inc
		}
	}
	if billing == nil {
		t.Fatal("the invoice burst raised no incident")
	}
	if err := d.NotAnIncident(ctx, billing.ID, "U3"); err != nil {
		t.Fatal(err)
	}
	// Restarted: the corrections survive through the snapshot.
	d = openTriage(t, path, &now)
	now = now.Add(3 * time.Hour)
	burst("b2", bills)
	incs, _ = d.Incidents(ctx, stormdesk.IncidentFilter{Open: true})
	if len(incs) != 1 || incs[0].ID != login.ID {
		var titles []string
		for _, inc := range incs {
			titles = append(titles, inc.Title)
		}
		t.Fatalf("after 'not an incident' a new invoice burst opened incidents: %v", titles)
	}
}

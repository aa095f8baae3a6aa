package desk_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"stormdesk"
	"stormdesk/desk"
	"stormdesk/store/postgres"
	"stormdesk/store/postgres/pgtest"
	"stormdesk/triage"
)

type fixedLeader struct{ leads bool }

func (l fixedLeader) IsLeader(context.Context) error {
	if l.leads {
		return nil
	}
	return errors.New("not the leader")
}

// TestFollowerCorrectionReachesTheLeader runs two replicas' desks on one
// Postgres: only the leader runs the triage engine. An operator marks the
// burst "not an incident" on the follower; the leader's engine learns it
// (more of the same tickets raise nothing), and both replicas list the
// same clusters.
func TestFollowerCorrectionReachesTheLeader(t *testing.T) {
	ctx := context.Background()
	url := pgtest.URL(t)
	now := t0
	open := func(leads bool) *desk.Service {
		st, err := postgres.Open(ctx, url, now)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		cfg := triage.DefaultConfig()
		return openDesk(t, st, desk.Options{Now: func() time.Time { return now }, Leader: fixedLeader{leads}, Triage: &cfg})
	}
	leader, follower := open(true), open(false)
	history(t, leader, &now)
	burst := func(d *desk.Service, prefix string) {
		for i, p := range loginPhrases {
			now = now.Add(time.Minute)
			if _, err := d.IngestTicket(ctx, &stormdesk.Ticket{Subject: p, CustomerEmail: fmt.Sprintf("%s%d@example.com", prefix, i), ReceivedAt: now}); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := leader.TriagePending(ctx); err != nil {
			t.Fatal(err)
		}
	}
	burst(follower, "a")
	incs, _ := follower.Incidents(ctx, stormdesk.IncidentFilter{Open: true})
	if len(incs) != 1 {
		t.Fatalf("incidents after the burst: %d", len(incs))
	}
	lv, ln, _ := leader.ClusterViews(ctx, 10)
	fv, fn, _ := follower.ClusterViews(ctx, 10)
	if ln == 0 || fmt.Sprint(lv) != fmt.Sprint(fv) || ln != fn {
		t.Fatalf("replicas list different clusters: leader %d %v, follower %d %v", ln, lv, fn, fv)
	}
	view := func(views []stormdesk.ClusterView) stormdesk.ClusterView {
		for _, v := range views {
			if v.ID == incs[0].ClusterID {
				return v
			}
		}
		t.Fatalf("no view of the incident's cluster %d: %+v", incs[0].ClusterID, views)
		return stormdesk.ClusterView{}
	}
	if c := view(fv); !c.Candidate || c.Size != len(loginPhrases) {
		t.Errorf("the burst's cluster: %+v", c)
	}

	if err := follower.NotAnIncident(ctx, incs[0].ID, "U1"); err != nil {
		t.Fatal(err)
	}
	// A day later the same trickle comes back: the leader, having learned
	// the correction made on the follower, raises nothing.
	now = now.Add(24 * time.Hour)
	burst(follower, "b")
	if incs, _ := leader.Incidents(ctx, stormdesk.IncidentFilter{Open: true}); len(incs) != 0 {
		t.Fatalf("the leader did not learn the follower's correction: %d open incidents", len(incs))
	}
	fv, _, _ = follower.ClusterViews(ctx, 10)
	if c := view(fv); !c.Suppressed {
		t.Errorf("the follower does not see the suppression: %+v", fv)
	}
}

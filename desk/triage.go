package desk

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"time"

	"stormdesk"
	"stormdesk/triage"
	"stormdesk/upstream"
)

// triageState is the triage engine inside the service. The engine is not
// safe for concurrent use, and its state must follow the store's: the lock
// is held across the transaction that stores the tickets it assigns, and a
// transaction that fails marks the engine dirty, so that it is rebuilt
// from the store before it is used again.
type triageState struct {
	mu    sync.Mutex
	cfg   triage.Config
	eng   *triage.Engine
	tr    *triage.Tracker
	seq   int64 // the triage sequence number of the last ticket the engine saw
	dirty bool
	kick  chan struct{}
	// changed counts the tickets and corrections the engine learned since
	// the last Refine; snapSeq and snapAt are the sequence number and time
	// of the last snapshot saved.
	changed int
	snapSeq int64
	snapAt  time.Time
}

// enableTriage turns triage on. The engine's state is rebuilt from the
// store: the latest snapshot, then every ticket triaged after it, in the
// order triage saw them; this gives the same assignments as before a
// restart. Tickets are triaged by TriagePending, which the triage worker
// (TriageRound, in a schedule loop) calls whenever tickets arrive.
func (s *Service) enableTriage(ctx context.Context, cfg triage.Config) error {
	if err := cfg.Validate(); err != nil {
		return stormdesk.Errorf(stormdesk.EINVALID, "%s", err.Error())
	}
	s.tri = &triageState{cfg: cfg, kick: make(chan struct{}, 1)}
	s.tri.mu.Lock()
	defer s.tri.mu.Unlock()
	return s.rebuildTriage(ctx)
}

// rebuildTriage restores the engine; the caller holds the lock.
func (s *Service) rebuildTriage(ctx context.Context) error {
	t := s.tri
	t.eng, t.seq = nil, 0
	var data []byte
	err := s.Store.View(ctx, func(tx stormdesk.Tx) (err error) {
		t.seq, data, err = tx.TriageSnapshot(ctx)
		return err
	})
	switch {
	case err == nil:
		if eng, rerr := triage.Restore(t.cfg, data); rerr == nil {
			t.eng = eng
		} else {
			// A snapshot from another configuration cannot be used: start
			// over from every stored ticket.
			s.Log.Warn("triage snapshot not usable, replaying all tickets", slog.Any("error", rerr))
			t.seq = 0
		}
	case stormdesk.ErrorCode(err) != stormdesk.ENOTFOUND:
		return fmt.Errorf("desk: load triage snapshot: %w", err)
	}
	if t.eng == nil {
		t.eng = triage.New(t.cfg)
	}
	t.snapSeq, t.snapAt = t.seq, s.now()
	replayed := 0
	for {
		var page []*stormdesk.Ticket
		err := s.Store.View(ctx, func(tx stormdesk.Tx) (err error) {
			page, err = tx.TriagedTickets(ctx, t.seq, 5000)
			return err
		})
		if err != nil {
			return fmt.Errorf("desk: replay tickets into triage: %w", err)
		}
		for _, tk := range page {
			t.eng.Assign(triageTicket(tk))
			t.seq++
		}
		replayed += len(page)
		if len(page) < 5000 {
			break
		}
	}
	// The tracker starts from the store: the recent tickets in no
	// incident (the seeds of a burst to come); the incidents are read
	// before each batch.
	t.tr = triage.NewTracker(t.eng, t.cfg.Tracker)
	var recent []*stormdesk.Ticket
	err = s.Store.View(ctx, func(tx stormdesk.Tx) (err error) {
		recent, err = tx.Tickets(ctx, stormdesk.TicketFilter{Since: s.now().Add(-t.tr.Config().Recent), Unassigned: true, ByID: true, Limit: 10000})
		return err
	})
	if err != nil {
		return fmt.Errorf("desk: recent tickets for triage: %w", err)
	}
	ids := make([]int64, len(recent))
	for i, tk := range recent {
		ids[i] = tk.ID
	}
	t.tr.LoadRecent(ids)
	t.dirty = false
	t.changed = replayed
	s.Log.Info("triage state rebuilt", slog.Int("replayed_tickets", replayed), slog.Int("clusters", len(t.eng.Clusters())))
	return nil
}

func triageTicket(t *stormdesk.Ticket) triage.Ticket {
	return triage.Ticket{ID: t.ID, Text: t.Subject + "\n" + t.Body, Customer: t.CustomerEmail, At: t.ReceivedAt}
}

// lockTriage takes the triage lock and rebuilds a dirty engine. The
// returned function releases the lock; pass it whether the transaction
// committed.
func (s *Service) lockTriage(ctx context.Context) (unlock func(committed bool), err error) {
	t := s.tri
	t.mu.Lock()
	if t.dirty {
		if err := s.rebuildTriage(ctx); err != nil {
			t.mu.Unlock()
			return nil, err
		}
	}
	return func(committed bool) {
		if !committed {
			t.dirty = true
		}
		t.mu.Unlock()
	}, nil
}

// TriageDebounce is how long the triage worker waits after being woken by
// new tickets before it takes them.
const TriageDebounce = 100 * time.Millisecond

// TriageBatch is how many tickets one triage transaction takes.
const TriageBatch = 1000

// kickTriage wakes the triage worker, if any, without waiting.
func (s *Service) kickTriage() {
	if s.tri != nil {
		select {
		case s.tri.kick <- struct{}{}:
		default:
		}
	}
}

// lead reports whether this replica leads. A replica that has just become
// the leader rebuilds its triage engine from the store first: the previous
// leader triaged tickets this one's engine has not seen.
func (s *Service) lead(ctx context.Context) bool {
	if s.Leader == nil {
		return true
	}
	s.leadMu.Lock()
	defer s.leadMu.Unlock()
	if err := s.Leader.IsLeader(ctx); err != nil {
		if s.leading {
			s.Log.Warn("no longer the leader", slog.Any("error", err))
		}
		s.leading = false
		return false
	}
	if !s.leading {
		s.Log.Info("this replica is now the leader: rebuilding triage from the store")
		s.tri.mu.Lock()
		s.tri.dirty = true
		s.tri.mu.Unlock()
		s.leading = true
	}
	return true
}

// TriagePending clusters every stored ticket triage has not seen, in
// arrival order, TriageBatch tickets per transaction, and returns how many
// it triaged. Each transaction records the tickets' clusters, opens an
// incident when a cluster bursts, and links the tickets of clusters with an
// open incident to it; if it fails, the engine is rebuilt from the store
// before its next use, so engine and store never disagree.
func (s *Service) TriagePending(ctx context.Context) (int, error) {
	if s.tri == nil {
		return 0, nil
	}
	total := 0
	for {
		unlock, err := s.lockTriage(ctx)
		if err != nil {
			return total, err
		}
		if err := s.learnCorrections(ctx); err != nil {
			unlock(false)
			return total, err
		}
		// The tickets are read and assigned outside the write transaction,
		// which then only records the result: on SQLite, with one writer at
		// a time, intake is never held up by clustering work.
		var tickets []*stormdesk.Ticket
		var live []triage.Live
		err = s.Store.View(ctx, func(tx stormdesk.Tx) (err error) {
			if tickets, err = tx.UntriagedTickets(ctx, TriageBatch); err != nil || len(tickets) == 0 {
				return err
			}
			// The incidents as they stand now: operators may have linked,
			// merged or resolved since the last batch.
			live, err = s.liveIncidents(ctx, tx, s.now())
			return err
		})
		if err != nil {
			unlock(true) // nothing was assigned
			return total, fmt.Errorf("desk: triage: %w", err)
		}
		n := len(tickets)
		s.tri.tr.LoadLive(live)
		plan := s.assignTickets(tickets)
		tctx, alerts := withCollector(ctx)
		err = s.Store.Update(tctx, func(tx stormdesk.Tx) error {
			return s.recordTriage(tctx, tx, tickets, plan)
		})
		unlock(err == nil)
		if err == nil {
			s.flushAlerts(alerts)
		}
		if err != nil {
			return total, fmt.Errorf("desk: triage: %w", err)
		}
		total += n
		if n < TriageBatch {
			return total, nil
		}
	}
}

// triagePlan is what the engine and the tracker decided for a batch of
// tickets.
type triagePlan struct {
	ids, clusters, seqs []int64
	decisions           []triage.Decision
	touched             []int64 // clusters in first-touched order
}

// assignTickets runs the engine and the tracker over tickets, in order.
// The caller holds the triage lock and records the plan in one
// transaction; if that fails the engine is marked dirty and rebuilt from
// the store.
func (s *Service) assignTickets(tickets []*stormdesk.Ticket) *triagePlan {
	t := s.tri
	n := len(tickets)
	p := &triagePlan{ids: make([]int64, n), clusters: make([]int64, n), seqs: make([]int64, n), decisions: make([]triage.Decision, n)}
	seen := map[int64]bool{}
	t.changed += n
	for i, tk := range tickets {
		a := t.eng.Assign(triageTicket(tk))
		t.seq++
		tk.ClusterID = a.ClusterID
		p.ids[i], p.clusters[i], p.seqs[i] = tk.ID, a.ClusterID, t.seq
		p.decisions[i] = t.tr.Observe(tk.ID, a)
		if !seen[a.ClusterID] {
			seen[a.ClusterID] = true
			p.touched = append(p.touched, a.ClusterID)
		}
	}
	return p
}

// liveIncidents reads what the tracker needs of the incidents that may
// still take tickets: the open ones and those resolved within the grace
// period, with their members and their upstream incidents.
func (s *Service) liveIncidents(ctx context.Context, tx stormdesk.Tx, now time.Time) ([]triage.Live, error) {
	grace := s.tri.tr.Config().Grace
	incs, err := tx.Incidents(ctx, stormdesk.IncidentFilter{Limit: 200})
	if err != nil {
		return nil, err
	}
	var ids []int64
	byID := map[int64]*triage.Live{}
	var out []triage.Live
	for _, inc := range incs {
		if inc.MergedInto != 0 || inc.ResolvedAt != nil && now.Sub(*inc.ResolvedAt) > grace {
			continue
		}
		l := triage.Live{ID: inc.ID, Watching: inc.Watching(), Features: inc.Features, Start: inc.CreatedAt}
		if inc.ResolvedAt != nil {
			l.Until = inc.ResolvedAt.Add(grace)
		}
		out = append(out, l)
		ids = append(ids, inc.ID)
	}
	for i := range out {
		byID[out[i].ID] = &out[i]
	}
	members, err := tx.Members(ctx, ids)
	if err != nil {
		return nil, err
	}
	first := map[int64]bool{}
	for _, m := range members {
		l := byID[m.IncidentID]
		if !first[m.IncidentID] {
			first[m.IncidentID] = true
			l.Start = m.ReceivedAt
		}
		l.Members = append(l.Members, m.TicketID)
		if triage.Shaping(m.JoinReason) {
			if l.Shapes == nil {
				l.Shapes = map[int64]bool{}
			}
			l.Shapes[m.TicketID] = true
		}
		if m.JoinedAt.After(l.LastJoin) {
			l.LastJoin = m.JoinedAt
		}
	}
	links, err := tx.IncidentUpstreams(ctx, ids)
	if err != nil {
		return nil, err
	}
	// An incident tied to upstream incidents began when the first of them
	// did, and stops absorbing a grace period after the last resolved.
	resolved := map[int64]time.Time{}
	for _, ln := range links {
		l := byID[ln.IncidentID]
		if !ln.Start.IsZero() && ln.Start.Before(l.Start) {
			l.Start = ln.Start
		}
		if ln.ResolvedAt == nil {
			l.UpstreamLive = true
		} else if ln.ResolvedAt.After(resolved[ln.IncidentID]) {
			resolved[ln.IncidentID] = *ln.ResolvedAt
		}
	}
	for id, at := range resolved {
		if l := byID[id]; !l.UpstreamLive && (l.Until.IsZero() || at.Add(grace).Before(l.Until)) {
			l.Until = at.Add(grace)
		}
	}
	return out, nil
}

// recordTriage writes a plan inside the transaction: the tickets'
// clusters, the incidents the tracker opened or confirmed, each ticket's
// membership and why, and per touched incident its alert update, the
// catch-up email for late reporters and report-count milestones.
func (s *Service) recordTriage(ctx context.Context, tx stormdesk.Tx, tickets []*stormdesk.Ticket, p *triagePlan) error {
	if len(tickets) == 0 {
		return nil
	}
	if err := tx.SetTriage(ctx, p.ids, p.clusters, p.seqs); err != nil {
		return err
	}
	byID := make(map[int64]*stormdesk.Ticket, len(tickets))
	for _, tk := range tickets {
		byID[tk.ID] = tk
	}
	real := map[int64]int64{} // provisional incident id -> stored id
	var ms []stormdesk.Membership
	type gain struct {
		linked int
		first  *stormdesk.Ticket
		last   time.Time
		emails []string
		// tickets joined, for the helpdesk write-back
		tickets []*stormdesk.Ticket
	}
	opened := map[int64]bool{}
	// held maps the provisional id of a storm a maintenance took in to
	// the maintenance: the tickets that would have joined it are
	// recorded there.
	held := map[int64]*stormdesk.Maintenance{}
	var active []*stormdesk.Maintenance
	hold := func(m *stormdesk.Maintenance, tickets []int64, why string, now time.Time) error {
		hm, err := s.holdReports(ctx, tx, m, tickets, why, now)
		ms = append(ms, hm...)
		return err
	}
	gains := map[int64]*gain{}
	var order []int64
	join := func(ticketID, incidentID int64, reason string, at time.Time) error {
		ms = append(ms, stormdesk.Membership{TicketID: ticketID, IncidentID: incidentID, Reason: truncate(reason, 500), At: at})
		g := gains[incidentID]
		if g == nil {
			g = &gain{}
			gains[incidentID] = g
			order = append(order, incidentID)
		}
		g.linked++
		tk := byID[ticketID]
		if tk == nil {
			var err error
			if tk, err = tx.Ticket(ctx, ticketID); err != nil {
				return err
			}
		}
		if tk.ReceivedAt.After(g.last) {
			g.last = tk.ReceivedAt
		}
		if g.first == nil || tk.ReceivedAt.Before(g.first.ReceivedAt) {
			g.first = tk
		}
		if tk.CustomerEmail != "" && !s.helpdeskAnswers(tk) {
			// (A reporter the helpdesk answers gets no catch-up email.)
			g.emails = append(g.emails, tk.CustomerEmail)
		}
		if tk.ExternalID != "" {
			g.tickets = append(g.tickets, tk)
		}
		return nil
	}
	for i, d := range p.decisions {
		tk := tickets[i]
		now := s.now()
		switch {
		case d.Open != nil && d.Open.Join && held[d.Incident] != nil:
			ids := []int64{}
			for _, m := range d.Open.Members {
				ids = append(ids, m.Ticket)
			}
			if err := hold(held[d.Incident], append(ids, tk.ID), d.Open.Why, now); err != nil {
				return err
			}
		case d.Open != nil && d.Open.Join:
			id := d.Incident
			if id < 0 {
				id = real[id]
			}
			for _, m := range d.Open.Members {
				if err := join(m.Ticket, id, m.Reason, now); err != nil {
					return err
				}
			}
			if err := join(tk.ID, id, d.Reason, now); err != nil {
				return err
			}
		case d.Open != nil:
			op := d.Open
			var exceeded *stormdesk.Maintenance
			if op.Watch == 0 {
				// A maintenance in progress on the storm's features takes
				// its reports in, unless there are more than it expects.
				_, features, _ := s.burstDraft(tk, op)
				m, over, err := s.maintenanceHold(ctx, tx, &active, features, len(op.Members)+1, now)
				if err != nil {
					return err
				}
				if m != nil {
					held[d.Incident] = m
					ids := []int64{}
					for _, mb := range op.Members {
						ids = append(ids, mb.Ticket)
					}
					if err := hold(m, append(ids, tk.ID), op.Why, now); err != nil {
						return err
					}
					continue
				}
				if exceeded = over; exceeded != nil {
					o := *op
					o.Why += fmt.Sprintf(", beyond what maintenance #%d (%s) was expected to cause (%d reports recorded, %d expected at most)",
						over.ID, over.Title, over.Tickets, over.AlertAbove)
					op = &o
				}
			}
			inc, err := s.openIncident(ctx, tx, tk, op, now)
			if err != nil {
				return err
			}
			if exceeded != nil {
				if err := s.exceededEntry(ctx, tx, exceeded, inc.ID, len(op.Members)+1, now); err != nil {
					return err
				}
				// The reports of the same storm that the maintenance took
				// in before it went beyond it are the incident's too: its
				// first reporters hear about it like the others.
				earlier, err := tx.MaintenanceTickets(ctx, exceeded.ID)
				if err != nil {
					return err
				}
				for _, id := range earlier {
					if byID[id] != nil {
						continue // this batch's: its membership is already decided
					}
					t, err := tx.Ticket(ctx, id)
					if err != nil {
						return err
					}
					if t.IncidentID != 0 || t.ClusterID != op.Cluster {
						continue
					}
					if err := join(id, inc.ID, fmt.Sprintf("reported during maintenance #%d, before the storm went beyond it", exceeded.ID), now); err != nil {
						return err
					}
				}
			}
			real[d.Incident] = inc.ID
			opened[inc.ID] = true
			s.tri.tr.Bind(d.Incident, inc.ID)
			for _, m := range d.Open.Members {
				if err := join(m.Ticket, inc.ID, m.Reason, now); err != nil {
					return err
				}
			}
			if err := join(tk.ID, inc.ID, d.Reason, now); err != nil {
				return err
			}
		case d.Incident != 0 && held[d.Incident] != nil:
			if err := hold(held[d.Incident], []int64{tk.ID}, d.Reason, now); err != nil {
				return err
			}
		case d.Incident != 0:
			id := d.Incident
			if id < 0 {
				id = real[id]
			}
			if err := join(tk.ID, id, d.Reason, now); err != nil {
				return err
			}
		case d.Reason != "":
			ms = append(ms, stormdesk.Membership{TicketID: tk.ID, Reason: truncate(d.Reason, 500)})
		}
	}
	if err := tx.SetMemberships(ctx, ms); err != nil {
		return err
	}
	for _, id := range order {
		g := gains[id]
		if err := s.learnFeatures(ctx, tx, id); err != nil {
			return err
		}
		if err := s.raise(ctx, tx, id, ""); err != nil {
			return err
		}
		if err := s.helpdeskJoined(ctx, tx, id, g.tickets); err != nil {
			return err
		}
		if err := s.catchUp(ctx, tx, id, g.emails, g.tickets); err != nil {
			return err
		}
		first := g.first
		if opened[id] {
			first = nil // opening recorded it
		}
		if err := s.recordMilestones(ctx, tx, id, g.linked, first, g.last); err != nil {
			return err
		}
	}
	views := make([]stormdesk.ClusterView, 0, len(p.touched))
	for _, cid := range p.touched {
		if info, ok := s.tri.eng.Cluster(cid); ok {
			views = append(views, clusterView(info))
		}
	}
	return tx.SaveClusterViews(ctx, views)
}

func clusterView(c triage.ClusterInfo) stormdesk.ClusterView {
	terms := c.TopTerms
	if terms == nil {
		terms = []string{}
	}
	return stormdesk.ClusterView{ID: c.ID, Label: c.Label, Size: c.Size, Customers: c.Customers, TopTerms: terms,
		FirstSeen: c.FirstSeen, LastSeen: c.LastSeen, Candidate: c.Candidate, Suppressed: c.Suppressed}
}

// allViews is every active cluster of the engine, as the API shows them.
func (s *Service) allViews() []stormdesk.ClusterView {
	cs := s.tri.eng.Clusters()
	out := make([]stormdesk.ClusterView, len(cs))
	for i, c := range cs {
		out[i] = clusterView(c)
	}
	return out
}

// learnCorrections teaches the engine the operator corrections queued by
// any replica, in order, and records in one transaction that they were
// learned, with a fresh snapshot and the clusters as they now are; if
// that fails the engine is rebuilt (the corrections stay queued). The
// caller holds the triage lock and marks the engine dirty on an error.
func (s *Service) learnCorrections(ctx context.Context) error {
	var cs []stormdesk.TriageCorrection
	if err := s.Store.View(ctx, func(tx stormdesk.Tx) (err error) { cs, err = tx.PendingCorrections(ctx); return err }); err != nil {
		return fmt.Errorf("desk: triage corrections: %w", err)
	}
	if len(cs) == 0 {
		return nil
	}
	eng := s.tri.eng
	s.tri.changed += len(cs)
	for _, c := range cs {
		// A cluster that expired from the engine has nothing to learn:
		// the engine's errors say so and are not failures.
		switch c.Kind {
		case stormdesk.CorrectionMerge:
			_ = eng.Merge(c.A, c.B)
		case stormdesk.CorrectionMove:
			_ = eng.Move(c.A, c.B)
		case stormdesk.CorrectionSuppress:
			_ = eng.Suppress(c.A)
		default:
			s.Log.Warn("unknown triage correction skipped", slog.String("kind", c.Kind), slog.Int64("id", c.ID))
		}
	}
	snap, err := eng.Snapshot()
	if err != nil {
		return fmt.Errorf("desk: triage snapshot: %w", err)
	}
	err = s.Store.Update(ctx, func(tx stormdesk.Tx) error {
		if err := tx.DeleteCorrections(ctx, cs[len(cs)-1].ID); err != nil {
			return err
		}
		if err := tx.ReplaceClusterViews(ctx, s.allViews()); err != nil {
			return err
		}
		return tx.SaveTriageSnapshot(ctx, s.now(), s.tri.seq, snap)
	})
	if err != nil {
		return fmt.Errorf("desk: learn triage corrections: %w", err)
	}
	s.tri.snapSeq, s.tri.snapAt = s.tri.seq, s.now()
	s.Log.Info("triage learned operator corrections", slog.Int("corrections", len(cs)))
	return nil
}

// openIncident opens the incident the tracker decided on for tk: from a
// burst, a new incident with the burst's label as title; for reports that
// confirm an upstream watch, the watch becomes an incident.
func (s *Service) openIncident(ctx context.Context, tx stormdesk.Tx, tk *stormdesk.Ticket, op *triage.Opening, now time.Time) (*stormdesk.Incident, error) {
	first := tk
	if len(op.Members) > 0 {
		t, err := tx.Ticket(ctx, op.Members[0].Ticket)
		if err != nil {
			return nil, err
		}
		if t.ReceivedAt.Before(first.ReceivedAt) || t.ReceivedAt.Equal(first.ReceivedAt) && t.ID < first.ID {
			first = t
		}
	}
	reports := len(op.Members) + 1
	if op.Watch != 0 {
		inc, err := tx.Incident(ctx, op.Watch)
		if err != nil {
			return nil, err
		}
		inc.Status, inc.ConfirmedAt, inc.UpdatedAt = stormdesk.StatusTriage, &now, now
		if err := tx.UpdateIncident(ctx, inc); err != nil {
			return nil, err
		}
		if err := s.firstReport(ctx, tx, inc.ID, first); err != nil {
			return nil, err
		}
		if err := tx.AppendTimeline(ctx, &stormdesk.TimelineEntry{IncidentID: inc.ID, At: now, Kind: stormdesk.KindDetected, Actor: stormdesk.ActorStormdesk,
			Text: "Confirmed: " + op.Why, Data: mustJSON(map[string]any{"reports": reports, "confirmed_by": "tickets"})}); err != nil {
			return nil, err
		}
		s.Log.Info("upstream watch confirmed by reports", slog.Int64("incident_id", inc.ID), slog.Int("reports", reports))
		if err := s.raise(ctx, tx, inc.ID, ""); err != nil {
			return nil, err
		}
		return inc, nil
	}
	title, features, info := s.burstDraft(tk, op)
	inc := &stormdesk.Incident{Title: truncate(title, 200), Status: stormdesk.StatusTriage, Severity: stormdesk.SeverityMinor,
		Features: features, ClusterID: op.Cluster, CreatedAt: now, UpdatedAt: now}
	if err := tx.CreateIncident(ctx, inc); err != nil {
		return nil, err
	}
	if err := s.firstReport(ctx, tx, inc.ID, first); err != nil {
		return nil, err
	}
	data := mustJSON(map[string]any{"cluster_id": op.Cluster, "reports": reports, "top_terms": info.TopTerms})
	if err := tx.AppendTimeline(ctx, &stormdesk.TimelineEntry{IncidentID: inc.ID, At: now, Kind: stormdesk.KindDetected, Actor: stormdesk.ActorStormdesk,
		Text: fmt.Sprintf("Incident detected: %s (%q)", op.Why, title), Data: data}); err != nil {
		return nil, err
	}
	s.Log.Info("incident detected", slog.Int64("incident_id", inc.ID), slog.Int64("cluster_id", op.Cluster), slog.Int("reports", reports))
	if err := s.raise(ctx, tx, inc.ID, fmt.Sprintf("%s: %q", op.Why, title)); err != nil {
		return nil, err
	}
	return inc, nil
}

// learnFeatures adds to an incident's features what its reporters say it
// is about, so that a provider's incident on those features is tied to it
// and chat shows what is affected.
func (s *Service) learnFeatures(ctx context.Context, tx stormdesk.IncidentTx, id int64) error {
	learned := s.tri.tr.Features(id)
	if len(learned) == 0 {
		return nil
	}
	inc, err := tx.Incident(ctx, id)
	if err != nil {
		return err
	}
	changed := false
	for _, f := range learned {
		if !slices.Contains(inc.Features, f) {
			inc.Features = append(inc.Features, f)
			changed = true
		}
	}
	if !changed {
		return nil
	}
	inc.UpdatedAt = s.now()
	return tx.UpdateIncident(ctx, inc)
}

// firstReport records an incident's first customer report.
func (s *Service) firstReport(ctx context.Context, tx stormdesk.TimelineTx, incidentID int64, first *stormdesk.Ticket) error {
	subject := cmp.Or(strings.TrimSpace(first.Subject), truncate(strings.TrimSpace(first.Body), 80))
	return tx.AppendTimeline(ctx, &stormdesk.TimelineEntry{IncidentID: incidentID, At: first.ReceivedAt, Kind: stormdesk.KindFirstReport,
		Actor: customerActor(first), Text: "First report: " + truncate(subject, 200), Data: mustJSON(map[string]any{"ticket_id": first.ID, "customer": first.CustomerEmail}),
		SourceURL: fmt.Sprintf("/api/v1/tickets/%d", first.ID)})
}

// milestones are the report counts that get a timeline entry.
func isMilestone(n int) bool {
	switch n {
	case 1, 5, 10, 25, 50, 100, 250, 500:
		return true
	}
	return n >= 1000 && n%1000 == 0
}

// recordMilestones adds a "report_count" entry for each milestone the
// incident's ticket count passed when linked more tickets joined it.
// An incident that had no report yet (a watch a probe confirmed) records
// its first one as it joins: first is the earliest of the linked tickets.
func (s *Service) recordMilestones(ctx context.Context, tx stormdesk.Tx, incidentID int64, linked int, first *stormdesk.Ticket, at time.Time) error {
	if linked == 0 {
		return nil
	}
	// Counting is an index scan; distinct customers need the rows, so they
	// are only counted when a milestone is passed.
	n, err := tx.CountTickets(ctx, stormdesk.TicketFilter{IncidentID: incidentID})
	if err != nil {
		return err
	}
	if n == linked && first != nil {
		if err := s.firstReport(ctx, tx, incidentID, first); err != nil {
			return err
		}
	}
	for m := n - linked + 1; m <= n; m++ {
		if !isMilestone(m) {
			continue
		}
		n, c, err := tx.IncidentStats(ctx, incidentID)
		if err != nil {
			return err
		}
		data, _ := json.Marshal(map[string]int{"reports": n, "customers": c})
		// The count shown is the one at this transaction's end: a batch that
		// passes a milestone reports where it landed.
		if err := tx.AppendTimeline(ctx, &stormdesk.TimelineEntry{IncidentID: incidentID, At: at, Kind: stormdesk.KindReportCount, Actor: stormdesk.ActorStormdesk,
			Text: fmt.Sprintf("%s from %s", plural(n, "report", "reports"), plural(c, "customer", "distinct customers")), Data: data}); err != nil {
			return err
		}
		break
	}
	return nil
}

// plural writes a count with its noun: "1 report", "5 reports".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// Snapshot cadence: a snapshot only shortens a restart (the tickets
// triaged after it are replayed), so it is saved when this many tickets
// came since the last one, or this long after it.
const (
	snapshotEvery    = 5000
	snapshotInterval = 6 * time.Hour
)

// MaintainTriage runs the engine's periodic work: Refine (merging clusters
// whose centroids converged, with the merges carried into the store) when
// tickets or corrections came since the last run, and Expire; then, when
// enough changed, it saves a snapshot, so that a restart replays only the
// tickets that came after. An idle engine costs next to nothing.
func (s *Service) MaintainTriage(ctx context.Context) error {
	if s.tri == nil || !s.lead(ctx) {
		return nil
	}
	if err := s.refitTriage(ctx); err != nil {
		return err
	}
	unlock, err := s.lockTriage(ctx)
	if err != nil {
		return err
	}
	committed := false
	defer func() { unlock(committed) }()
	t := s.tri
	now := s.now()
	var merges []triage.MergeEvent
	if t.changed > 0 {
		merges = t.eng.Refine(now)
		t.changed = 0
	}
	expired := t.eng.Expire(now)
	if len(merges) == 0 && len(expired) == 0 && t.seq == t.snapSeq {
		committed = true
		return nil
	}
	var snap []byte
	if pending := t.seq - t.snapSeq; pending >= snapshotEvery || pending > 0 && now.Sub(t.snapAt) >= snapshotInterval {
		if snap, err = t.eng.Snapshot(); err != nil {
			return fmt.Errorf("desk: triage snapshot: %w", err)
		}
	}
	if len(merges) == 0 && len(expired) == 0 && snap == nil {
		// Refine moved tickets at most: the cluster views catch up as
		// their clusters next take a ticket or change shape.
		committed = true
		return nil
	}
	err = s.Store.Update(ctx, func(tx stormdesk.Tx) error {
		for _, m := range merges {
			if err := tx.RelabelCluster(ctx, m.From, m.Into); err != nil {
				return err
			}
		}
		if err := tx.ReplaceClusterViews(ctx, s.allViews()); err != nil {
			return err
		}
		if snap == nil {
			return nil
		}
		return tx.SaveTriageSnapshot(ctx, now, t.seq, snap)
	})
	if err != nil {
		return fmt.Errorf("desk: maintain triage: %w", err)
	}
	if snap != nil {
		t.snapSeq, t.snapAt = t.seq, now
	}
	committed = true
	return nil
}

// refitTriage refits triage's word vectors when enough tickets came
// (triage.Engine.PrepareRefit): prepared and applied under the triage
// lock, computed outside it, since the fit takes seconds on a large
// vocabulary and tickets keep being triaged meanwhile.
func (s *Service) refitTriage(ctx context.Context) error {
	unlock, err := s.lockTriage(ctx)
	if err != nil {
		return err
	}
	r := s.tri.eng.PrepareRefit()
	unlock(true)
	if r == nil {
		return nil
	}
	r.Compute()
	if unlock, err = s.lockTriage(ctx); err != nil {
		return err
	}
	defer unlock(true)
	if s.tri.eng.ApplyRefit(r) {
		s.tri.changed++ // Refine runs, and the views are written again
	}
	return nil
}

// ClusterViews lists up to limit of the active triage clusters, largest
// first, and how many there are, as the triage leader last recorded
// them: every replica answers the same.
func (s *Service) ClusterViews(ctx context.Context, limit int) (cs []stormdesk.ClusterView, total int, err error) {
	err = s.Store.View(ctx, func(tx stormdesk.Tx) (err error) {
		cs, total, err = tx.ClusterViews(ctx, limit)
		return err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("desk: clusters: %w", err)
	}
	return cs, total, nil
}

// Clusters returns this process's triage engine's active clusters (nil
// without triage); only the leader's is current.
func (s *Service) Clusters() []triage.ClusterInfo {
	if s.tri == nil {
		return nil
	}
	s.tri.mu.Lock()
	defer s.tri.mu.Unlock()
	return s.tri.eng.Clusters()
}

func customerActor(t *stormdesk.Ticket) string {
	if t.CustomerEmail != "" {
		return t.CustomerEmail
	}
	return "customer"
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && (s[n]&0xC0) == 0x80 {
		n--
	}
	return s[:n] + "…"
}

// TriageConfig adapts a triage configuration to the product's own
// vocabulary (STORMDESK_CONFIG features:): its phrases extend the
// lexicon, and its features, with those the dependencies and probes name,
// are counted for feature bursts beside the built-in ones.
func TriageConfig(base triage.Config, up *upstream.Config) triage.Config {
	if up == nil {
		return base
	}
	base.LexiconExtra = up.Lexicon()
	base.Features = slices.Clone(base.Features)
	for _, f := range up.FeatureNames() {
		f = strings.ReplaceAll(f, "-", "_")
		if !slices.Contains(base.Features, f) {
			base.Features = append(base.Features, f)
		}
	}
	return base
}

// IncidentTickets lists up to limit of an incident's tickets after
// ticket afterID, in arrival order, each with why it joined.
func (s *Service) IncidentTickets(ctx context.Context, id int64, afterID int64, limit int) (out []*stormdesk.Ticket, err error) {
	err = s.Store.View(ctx, func(tx stormdesk.Tx) error {
		if _, err := tx.Incident(ctx, id); err != nil {
			return err
		}
		out, err = tx.Tickets(ctx, stormdesk.TicketFilter{IncidentID: id, AfterID: afterID, Limit: limit, ByID: true})
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("desk: tickets of incident %d: %w", id, err)
	}
	return out, nil
}

// JoinReasons counts why an incident's tickets joined it, by kind of
// reason ("matched the incident's reports", "a follow-up from a customer
// already in the incident", ...), most frequent first.
func (s *Service) JoinReasons(ctx context.Context, id int64) (out []stormdesk.ReasonCount, err error) {
	var ms []stormdesk.Member
	err = s.Store.View(ctx, func(tx stormdesk.Tx) error {
		if _, err := tx.Incident(ctx, id); err != nil {
			return err
		}
		ms, err = tx.Members(ctx, []int64{id})
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("desk: join reasons of incident %d: %w", id, err)
	}
	count := map[string]int{}
	for _, m := range ms {
		kind, _, _ := strings.Cut(m.JoinReason, ":")
		if kind = strings.TrimSpace(kind); kind == "" {
			kind = "linked before reasons were recorded"
		}
		if i := strings.Index(kind, " ("); i > 0 {
			kind = kind[:i]
		}
		count[kind]++
	}
	for k, n := range count {
		out = append(out, stormdesk.ReasonCount{Reason: k, Tickets: n})
	}
	slices.SortFunc(out, func(a, b stormdesk.ReasonCount) int {
		return cmp.Or(b.Tickets-a.Tickets, strings.Compare(a.Reason, b.Reason))
	})
	return out, nil
}

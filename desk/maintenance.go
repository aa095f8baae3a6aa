package desk

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"

	"stormdesk"
	"stormdesk/triage"
)

// Scheduled maintenance: operators announce a window of work on status
// page components (chat, the API or STORMDESK_CONFIG); the page shows it
// in advance, and while it is in progress its components are under
// maintenance. During the window a storm of customer reports about the
// features of those components is what the work was expected to cause,
// so the desk does not open an incident from it: it records the reports
// on the maintenance's timeline instead. A storm that clearly exceeds
// the expected impact (more reports than the maintenance's AlertAbove,
// counting those already recorded) opens its incident and alerts ops as
// if there were no maintenance. The rule is the desk's, applied where a
// triage decision becomes an incident: triage itself knows nothing of
// maintenance.

// configKeyPrefix starts the key of every maintenance from the
// configuration.
const configKeyPrefix = "config:"

// component finds a status page component by name or id.
func (s *Service) component(name string) (*stormdesk.Component, error) {
	name = strings.TrimSpace(name)
	for i, c := range s.components {
		if strings.EqualFold(c.Name, name) || strings.EqualFold(c.ID, name) {
			return &s.components[i], nil
		}
	}
	var names []string
	for _, c := range s.components {
		names = append(names, c.ID)
	}
	if len(names) == 0 {
		return nil, stormdesk.Errorf(stormdesk.ENOTFOUND, "component %q: the status page has no components (status_page.components in STORMDESK_CONFIG)", name)
	}
	return nil, stormdesk.Errorf(stormdesk.ENOTFOUND, "component %q: not one of %s", name, strings.Join(names, ", "))
}

// prepareMaintenance resolves m's components (names or ids) to ids,
// fills the defaults and validates it.
func (s *Service) prepareMaintenance(m *stormdesk.Maintenance) error {
	ids := make([]string, 0, len(m.Components))
	var names []string
	for _, name := range m.Components {
		c, err := s.component(name)
		if err != nil {
			return err
		}
		if !slices.Contains(ids, c.ID) {
			ids = append(ids, c.ID)
			names = append(names, c.Name)
		}
	}
	m.Components = ids
	if strings.TrimSpace(m.Title) == "" && len(names) > 0 {
		// truncate adds a three-byte ellipsis.
		m.Title = truncate("Scheduled maintenance: "+strings.Join(names, ", "), stormdesk.MaxMaintenanceTitleLen-3)
	}
	if m.AlertAbove == 0 {
		m.AlertAbove = stormdesk.DefaultMaintenanceAlertAbove
	}
	return m.Validate()
}

// ScheduleMaintenance announces a window of work on components. m's
// Components may name them by name or id; an empty title names them; a
// zero AlertAbove is the default. Its subscribers are emailed (or the
// email held for a second person: actorKey identifies the actor, as for
// SetStatus). ENOTFOUND for an unknown component, EINVALID for a bad
// window or one already over.
func (s *Service) ScheduleMaintenance(ctx context.Context, m stormdesk.Maintenance, actor, actorKey string) (*stormdesk.Maintenance, error) {
	now := s.now()
	m.Key, m.ID = "", 0
	if err := s.prepareMaintenance(&m); err != nil {
		return nil, err
	}
	if !m.EndsAt.After(now) {
		return nil, stormdesk.Errorf(stormdesk.EINVALID, "end: %s UTC is already past", m.EndsAt.Format("2006-01-02 15:04"))
	}
	m.CreatedBy, m.CreatedAt, m.UpdatedAt = actor, now, now
	ctx, alerts := withCollector(ctx)
	err := s.Store.Update(ctx, func(tx stormdesk.Tx) error {
		if err := tx.CreateMaintenance(ctx, &m); err != nil {
			return err
		}
		return s.scheduledEntry(ctx, tx, &m, requester{actor, actorKey}, now)
	})
	if err != nil {
		return nil, fmt.Errorf("desk: schedule maintenance: %w", err)
	}
	s.flushAlerts(alerts)
	s.Log.Info("maintenance scheduled", slog.Int64("maintenance_id", m.ID), slog.String("actor", actor),
		slog.Time("starts_at", m.StartsAt), slog.Time("ends_at", m.EndsAt))
	return &m, nil
}

// scheduledEntry records m's scheduling (or rescheduling) on its timeline
// and emails its subscribers about it.
func (s *Service) scheduledEntry(ctx context.Context, tx stormdesk.Tx, m *stormdesk.Maintenance, by requester, now time.Time) error {
	e := &stormdesk.MaintenanceEntry{MaintenanceID: m.ID, At: now, Kind: stormdesk.MaintenanceKindScheduled, Actor: by.name,
		Text: fmt.Sprintf("Scheduled for %s to %s UTC on %s", m.StartsAt.Format("2006-01-02 15:04"), m.EndsAt.Format("2006-01-02 15:04"), strings.Join(m.Components, ", ")),
		Data: mustJSON(map[string]any{"starts_at": m.StartsAt, "ends_at": m.EndsAt, "components": m.Components, "text": m.Text, "alert_above": m.AlertAbove})}
	if err := tx.AppendMaintenanceEntry(ctx, e); err != nil {
		return err
	}
	if !m.EndsAt.After(now) {
		return nil // a configured window already over: nobody to tell
	}
	return s.announce(ctx, tx, m, stormdesk.MaintenanceKindScheduled, e.ID, by, now)
}

// SyncMaintenances makes the store hold the maintenances of the
// configuration (each with a Key): a new one is scheduled, a changed one
// rewritten (its timeline says so; a cancelled one is scheduled again),
// an unchanged one left alone (cancelled, if an operator cancelled it),
// and one the configuration no longer has is cancelled unless it is
// over. Every replica may run it at start: the key makes it once.
func (s *Service) SyncMaintenances(ctx context.Context, ms []stormdesk.Maintenance) error {
	now := s.now()
	ctx, alerts := withCollector(ctx)
	defer s.flushAlerts(alerts)
	var keep []string
	for _, m := range ms {
		keep = append(keep, m.Key)
	}
	err := s.Store.Update(ctx, func(tx stormdesk.Tx) error {
		all, err := tx.Maintenances(ctx, stormdesk.MaintenanceFilter{EndsSince: now})
		if err != nil {
			return err
		}
		for _, m := range all {
			if strings.HasPrefix(m.Key, configKeyPrefix) && !slices.Contains(keep, m.Key) && m.Cancellable(now) == nil {
				if err := s.cancel(ctx, tx, m, "config", now); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("desk: sync maintenances: %w", err)
	}
	for _, m := range ms {
		if !strings.HasPrefix(m.Key, configKeyPrefix) {
			return stormdesk.Errorf(stormdesk.EINVALID, "maintenance %q: a configured maintenance needs a key starting %s", m.Title, configKeyPrefix)
		}
		if err := s.prepareMaintenance(&m); err != nil {
			return fmt.Errorf("desk: maintenance %s: %w", m.Key, err)
		}
		err := s.Store.Update(ctx, func(tx stormdesk.Tx) error {
			old, err := tx.MaintenanceByKey(ctx, m.Key)
			switch {
			case stormdesk.ErrorCode(err) == stormdesk.ENOTFOUND:
				m.CreatedBy, m.CreatedAt, m.UpdatedAt = "config", now, now
				if err := tx.CreateMaintenance(ctx, &m); err != nil {
					return err
				}
				return s.scheduledEntry(ctx, tx, &m, requester{"config", "config"}, now)
			case err != nil:
				return err
			}
			if old.Title == m.Title && old.Text == m.Text && slices.Equal(old.Components, m.Components) && old.StartsAt.Equal(m.StartsAt) &&
				old.EndsAt.Equal(m.EndsAt) && old.AlertAbove == m.AlertAbove {
				return nil
			}
			old.Title, old.Text, old.Components, old.StartsAt, old.EndsAt, old.AlertAbove, old.UpdatedAt = m.Title, m.Text, m.Components, m.StartsAt, m.EndsAt, m.AlertAbove, now
			old.CancelledAt = nil
			if err := tx.UpdateMaintenance(ctx, old); err != nil {
				return err
			}
			return s.scheduledEntry(ctx, tx, old, requester{"config", "config"}, now)
		})
		if stormdesk.ErrorCode(err) == stormdesk.ECONFLICT {
			continue // another replica created it first
		}
		if err != nil {
			return fmt.Errorf("desk: sync maintenance %s: %w", m.Key, err)
		}
	}
	return nil
}

// CancelMaintenance calls off a maintenance that is scheduled or in
// progress: it leaves the page, its components follow their incidents
// again, and storms about them open incidents as usual. ECONFLICT when it
// was cancelled already or is over; ENOTFOUND for an unknown id.
func (s *Service) CancelMaintenance(ctx context.Context, id int64, actor string) (m *stormdesk.Maintenance, err error) {
	now := s.now()
	err = s.Store.Update(ctx, func(tx stormdesk.Tx) error {
		if m, err = tx.Maintenance(ctx, id); err != nil {
			return err
		}
		return s.cancel(ctx, tx, m, actor, now)
	})
	if err != nil {
		return nil, fmt.Errorf("desk: cancel maintenance %d: %w", id, err)
	}
	s.Log.Info("maintenance cancelled", slog.Int64("maintenance_id", id), slog.String("actor", actor))
	return m, nil
}

func (s *Service) cancel(ctx context.Context, tx stormdesk.MaintenanceTx, m *stormdesk.Maintenance, actor string, now time.Time) error {
	if err := m.Cancellable(now); err != nil {
		return err
	}
	m.CancelledAt, m.UpdatedAt = &now, now
	if err := tx.UpdateMaintenance(ctx, m); err != nil {
		return err
	}
	return tx.AppendMaintenanceEntry(ctx, &stormdesk.MaintenanceEntry{MaintenanceID: m.ID, At: now, Kind: stormdesk.MaintenanceKindCancelled, Actor: actor,
		Text: "Cancelled by " + actor})
}

// Maintenances lists the maintenances that end at or after since, by
// start.
func (s *Service) Maintenances(ctx context.Context, since time.Time) (out []*stormdesk.Maintenance, err error) {
	err = s.Store.View(ctx, func(tx stormdesk.Tx) (err error) {
		out, err = tx.Maintenances(ctx, stormdesk.MaintenanceFilter{EndsSince: since})
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("desk: maintenances: %w", err)
	}
	return out, nil
}

// MaintenanceTimeline returns a maintenance and its entries, oldest
// first.
func (s *Service) MaintenanceTimeline(ctx context.Context, id int64) (m *stormdesk.Maintenance, es []stormdesk.MaintenanceEntry, err error) {
	err = s.Store.View(ctx, func(tx stormdesk.Tx) (err error) {
		if m, err = tx.Maintenance(ctx, id); err != nil {
			return err
		}
		es, err = tx.MaintenanceEntries(ctx, id)
		return err
	})
	if err != nil {
		return nil, nil, fmt.Errorf("desk: maintenance %d: %w", id, err)
	}
	return m, es, nil
}

// MaintenanceRound records on their timelines the starts and ends of
// maintenance windows that the clock has passed, each once whichever
// replica runs it, and returns how many it recorded. It runs every
// minute (app.Schedule); a storm during a window records the start
// itself if the round has not yet.
func (s *Service) MaintenanceRound(ctx context.Context) (int, error) {
	now := s.now()
	ctx, alerts := withCollector(ctx)
	defer s.flushAlerts(alerts)
	var ms []*stormdesk.Maintenance
	if err := s.Store.View(ctx, func(tx stormdesk.Tx) (err error) {
		ms, err = tx.Maintenances(ctx, stormdesk.MaintenanceFilter{Unended: true})
		return err
	}); err != nil {
		return 0, fmt.Errorf("desk: maintenance round: %w", err)
	}
	n := 0
	for _, m := range ms {
		if now.Before(m.StartsAt) {
			continue
		}
		err := s.Store.Update(ctx, func(tx stormdesk.Tx) error {
			k, err := s.markMaintenance(ctx, tx, m, now)
			n += k
			return err
		})
		if err != nil {
			return n, fmt.Errorf("desk: maintenance round: %w", err)
		}
	}
	return n, nil
}

// markMaintenance records the start of m, and its end, that now has
// passed and no one recorded yet; it returns how many it recorded.
func (s *Service) markMaintenance(ctx context.Context, tx stormdesk.Tx, m *stormdesk.Maintenance, now time.Time) (int, error) {
	n := 0
	for _, step := range []struct {
		what string
		at   time.Time
		text string
	}{
		// A window scheduled after its start began when it was scheduled,
		// as far as its timeline tells.
		{stormdesk.MaintenanceKindStarted, maxTime(m.StartsAt, m.CreatedAt), "Maintenance started: " + strings.Join(m.Components, ", ") + " under maintenance"},
		{stormdesk.MaintenanceKindEnded, m.EndsAt, "Maintenance ended: " + strings.Join(m.Components, ", ") + " back to following their incidents"},
	} {
		if now.Before(step.at) {
			break
		}
		first, err := tx.MarkMaintenance(ctx, m.ID, step.what, now)
		if err != nil {
			return n, err
		}
		if !first {
			continue
		}
		n++
		e := &stormdesk.MaintenanceEntry{MaintenanceID: m.ID, At: step.at, Kind: step.what, Actor: stormdesk.ActorStormdesk,
			Text: step.text, Data: mustJSON(map[string]any{"recorded_at": now})}
		if err := tx.AppendMaintenanceEntry(ctx, e); err != nil {
			return n, err
		}
		// No news to tell: a start recorded after the window's end, or
		// a window that was over when it was scheduled (a configuration
		// describing the past).
		stale := step.what == stormdesk.MaintenanceKindStarted && !now.Before(m.EndsAt) || !m.CreatedAt.Before(m.EndsAt)
		if stale {
			continue
		}
		if err := s.announce(ctx, tx, m, step.what, e.ID, requester{stormdesk.ActorStormdesk, ""}, now); err != nil {
			return n, err
		}
		s.Log.Info("maintenance "+step.what, slog.Int64("maintenance_id", m.ID))
	}
	return n, nil
}

// maintenanceHold decides, inside a triage transaction, what becomes of
// a storm triage wants to open as an incident about features at now.
// Without a maintenance in progress on a component those features map
// to, both results are nil: open it. With one whose recorded reports and
// this storm's stay within its AlertAbove, hold is that maintenance:
// record the reports on it instead. With one they exceed, exceeded is
// it: open the incident, which says so. active caches the batch's
// maintenances in progress.
func (s *Service) maintenanceHold(ctx context.Context, tx stormdesk.MaintenanceTx, active *[]*stormdesk.Maintenance, features []string, reports int, now time.Time) (hold, exceeded *stormdesk.Maintenance, err error) {
	if *active == nil {
		all, err := tx.Maintenances(ctx, stormdesk.MaintenanceFilter{EndsSince: now})
		if err != nil {
			return nil, nil, err
		}
		*active = []*stormdesk.Maintenance{}
		for _, m := range all {
			if m.Active(now) {
				*active = append(*active, m)
			}
		}
	}
	for _, m := range *active {
		if !s.maintains(m, features) {
			continue
		}
		if m.Exceeded(reports) {
			exceeded = m
			continue
		}
		return m, nil, nil
	}
	return nil, exceeded, nil
}

// maintains reports whether m's components map to one of features.
func (s *Service) maintains(m *stormdesk.Maintenance, features []string) bool {
	for _, c := range s.components {
		if slices.Contains(m.Components, c.ID) && c.Affects(features) {
			return true
		}
	}
	return false
}

// holdReports records tickets on maintenance m instead of an incident:
// their memberships say so, the maintenance counts them (each once) and
// its timeline gets one entry for them.
func (s *Service) holdReports(ctx context.Context, tx stormdesk.Tx, m *stormdesk.Maintenance, tickets []int64, why string, now time.Time) ([]stormdesk.Membership, error) {
	if _, err := s.markMaintenance(ctx, tx, m, now); err != nil {
		return nil, err
	}
	added, err := tx.AddMaintenanceTickets(ctx, m.ID, tickets, now)
	if err != nil {
		return nil, err
	}
	m.Tickets += added
	reason := truncate(fmt.Sprintf("recorded on maintenance #%d (%s) instead of an incident", m.ID, m.Title), 500)
	ms := make([]stormdesk.Membership, len(tickets))
	for i, id := range tickets {
		ms[i] = stormdesk.Membership{TicketID: id, Reason: reason, At: now}
	}
	if added == 0 {
		return ms, nil
	}
	text := fmt.Sprintf("%s during the maintenance (%d of the %d it absorbs): %s", plural(added, "customer report", "customer reports"), m.Tickets, m.AlertAbove, why)
	err = tx.AppendMaintenanceEntry(ctx, &stormdesk.MaintenanceEntry{MaintenanceID: m.ID, At: now, Kind: stormdesk.MaintenanceKindReports, Actor: stormdesk.ActorStormdesk,
		Text: truncate(text, 1000), Data: mustJSON(map[string]any{"tickets": tickets, "recorded": m.Tickets})})
	if err != nil {
		return nil, err
	}
	s.Log.Info("reports held by maintenance", slog.Int64("maintenance_id", m.ID), slog.Int("reports", added))
	return ms, nil
}

// exceededEntry records on m that a storm beyond its expected impact
// opened incident id.
func (s *Service) exceededEntry(ctx context.Context, tx stormdesk.MaintenanceTx, m *stormdesk.Maintenance, id int64, reports int, now time.Time) error {
	return tx.AppendMaintenanceEntry(ctx, &stormdesk.MaintenanceEntry{MaintenanceID: m.ID, At: now, Kind: stormdesk.MaintenanceKindExceeded, Actor: stormdesk.ActorStormdesk,
		Text: fmt.Sprintf("A storm of %d reports beyond the %d this maintenance absorbs (%d recorded) opened incident #%d", reports, m.AlertAbove, m.Tickets, id),
		Data: mustJSON(map[string]any{"incident_id": id, "reports": reports})})
}

// burstDraft is the title and features of the incident a burst opens.
func (s *Service) burstDraft(tk *stormdesk.Ticket, op *triage.Opening) (string, []string, triage.ClusterInfo) {
	info, _ := s.tri.eng.Cluster(op.Cluster)
	title := info.Label
	if strings.TrimSpace(title) == "" {
		title = strings.TrimSpace(tk.Subject)
		if title == "" {
			title = truncate(strings.TrimSpace(tk.Body), 80)
		}
	}
	return title, triage.Concepts(strings.Join(append([]string{tk.Subject, tk.Body, title}, info.TopTerms...), " ")), info
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

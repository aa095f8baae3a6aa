package desk

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"stormdesk"
	"stormdesk/templates"
)

// correct runs an operator correction: the store records it (store) and,
// in the same transaction, queues what triage should learn from it
// (learn, which may be nil or return nil) for the replica that runs the
// triage engine, which learns it before it triages another ticket. So a
// correction made on any replica reaches the one engine, and a restart
// loses none (see learnCorrections).
func (s *Service) correct(ctx context.Context, learn func() *stormdesk.TriageCorrection, store func(tx stormdesk.Tx) error) error {
	queued := false
	err := s.Store.Update(ctx, func(tx stormdesk.Tx) error {
		if err := store(tx); err != nil {
			return err
		}
		if s.tri == nil || learn == nil {
			return nil
		}
		c := learn()
		if c == nil {
			return nil
		}
		c.At, queued = s.now(), true
		return tx.QueueCorrection(ctx, c)
	})
	if err == nil && queued {
		s.kickTriage()
	}
	return err
}

// Acknowledge marks an incident as seen by a person: a triage incident
// moves to investigating. It refuses a second acknowledgement, saying when
// the first one was. actorKey identifies actor across requests, as for
// SetStatus: they cannot approve the email their acknowledgement holds.
func (s *Service) Acknowledge(ctx context.Context, id int64, actor, actorKey string) (inc *stormdesk.Incident, err error) {
	now := s.now()
	ctx, alerts := withCollector(ctx)
	err = s.Store.Update(ctx, func(tx stormdesk.Tx) error {
		inc, err = tx.Incident(ctx, id)
		if err != nil {
			return err
		}
		if err := inc.Changeable("acknowledge"); err != nil {
			return err
		}
		if inc.AcknowledgedAt != nil {
			return stormdesk.Errorf(stormdesk.ECONFLICT, "incident %d was already acknowledged at %s UTC", id, inc.AcknowledgedAt.Format("15:04"))
		}
		inc.AcknowledgedAt, inc.UpdatedAt = &now, now
		if inc.Status == stormdesk.StatusTriage || inc.Status == stormdesk.StatusWatching {
			inc.Status = stormdesk.StatusInvestigating
		}
		if inc.ConfirmedAt == nil {
			// Taking on a watch makes it an incident: the operator
			// confirms what no report has yet.
			inc.ConfirmedAt = &now
		}
		if err := tx.UpdateIncident(ctx, inc); err != nil {
			return err
		}
		if err := tx.AppendTimeline(ctx, &stormdesk.TimelineEntry{IncidentID: id, At: now, Kind: stormdesk.KindAcknowledged, Actor: actor,
			Text: "Acknowledged", Data: mustJSON(map[string]string{"to": string(inc.Status)})}); err != nil {
			return err
		}
		if err := s.raise(ctx, tx, id, ""); err != nil {
			return err
		}
		// Confirmed by a person: every helpdesk report of it is linked
		// under its problem ticket (those already linked are skipped).
		if err := s.helpdeskLinkAll(ctx, tx, inc); err != nil {
			return err
		}
		if err := s.publishOnAcknowledge(ctx, tx, inc, actor, now); err != nil {
			return err
		}
		return s.autoEmail(ctx, tx, inc, templates.EmailAcknowledged, "", requester{actor, actorKey}, now)
	})
	if err != nil {
		return nil, fmt.Errorf("desk: acknowledge incident %d: %w", id, err)
	}
	s.flushAlerts(alerts)
	return inc, nil
}

// Merge folds incident from into incident into: its tickets, timeline and
// upstream links move, it points to the survivor, and triage learns that
// the two clusters are one.
func (s *Service) Merge(ctx context.Context, from, into int64, actor string) error {
	if from == into {
		return stormdesk.Errorf(stormdesk.EINVALID, "merge: an incident cannot be merged into itself")
	}
	var src, dst *stormdesk.Incident
	now := s.now()
	ctx, alerts := withCollector(ctx)
	err := s.correct(ctx, func() *stormdesk.TriageCorrection {
		if src.ClusterID != 0 && dst.ClusterID != 0 && src.ClusterID != dst.ClusterID {
			return &stormdesk.TriageCorrection{Kind: stormdesk.CorrectionMerge, A: src.ClusterID, B: dst.ClusterID}
		}
		return nil
	}, func(tx stormdesk.Tx) (err error) {
		if src, err = tx.Incident(ctx, from); err != nil {
			return err
		}
		if dst, err = tx.Incident(ctx, into); err != nil {
			return err
		}
		if err := src.Changeable("merge"); err != nil {
			return err
		}
		if err := dst.Changeable("merge into"); err != nil {
			return err
		}
		n, err := tx.MoveIncidentData(ctx, from, into)
		if err != nil {
			return err
		}
		if src.ClusterID != 0 && dst.ClusterID != 0 && src.ClusterID != dst.ClusterID {
			if err := tx.RelabelCluster(ctx, src.ClusterID, dst.ClusterID); err != nil {
				return err
			}
		}
		src.MergedInto, src.UpdatedAt = into, now
		for _, f := range src.Features {
			if !slices.Contains(dst.Features, f) {
				dst.Features = append(dst.Features, f)
			}
		}
		if dst.LikelyCause == "" {
			dst.LikelyCause = src.LikelyCause
		}
		if dst.ClusterID == 0 {
			dst.ClusterID = src.ClusterID
		}
		dst.UpdatedAt = now
		if err := tx.UpdateIncident(ctx, src); err != nil {
			return err
		}
		if err := tx.UpdateIncident(ctx, dst); err != nil {
			return err
		}
		if err := s.raiseUpdates(ctx, tx, from, into); err != nil {
			return err
		}
		// The tickets that moved are linked to the survivor's problem
		// ticket, which replaces their old link in the helpdesk.
		if err := s.helpdeskLinkAll(ctx, tx, dst); err != nil {
			return err
		}
		data := mustJSON(map[string]any{"from": from, "into": into, "tickets": n})
		if err := tx.AppendTimeline(ctx, &stormdesk.TimelineEntry{IncidentID: into, At: now, Kind: stormdesk.KindMerge, Actor: actor,
			Text: fmt.Sprintf("Merged incident #%d (%s) into this one: %d tickets moved", from, src.Title, n), Data: data}); err != nil {
			return err
		}
		return tx.AppendTimeline(ctx, &stormdesk.TimelineEntry{IncidentID: from, At: now, Kind: stormdesk.KindMerge, Actor: actor,
			Text: fmt.Sprintf("Merged into incident #%d (%s)", into, dst.Title), Data: data})
	})
	if err != nil {
		return fmt.Errorf("desk: merge incident %d into %d: %w", from, into, err)
	}
	s.flushAlerts(alerts)
	return nil
}

// LinkTicket moves a ticket to an incident; triage learns that tickets
// like it belong to that incident's cluster.
func (s *Service) LinkTicket(ctx context.Context, ticketID, incidentID int64, actor string) error {
	var inc *stormdesk.Incident
	now := s.now()
	ctx, alerts := withCollector(ctx)
	err := s.correct(ctx, func() *stormdesk.TriageCorrection {
		if inc.ClusterID != 0 {
			return &stormdesk.TriageCorrection{Kind: stormdesk.CorrectionMove, A: ticketID, B: inc.ClusterID}
		}
		return nil
	}, func(tx stormdesk.Tx) (err error) {
		t, err := tx.Ticket(ctx, ticketID)
		if err != nil {
			return err
		}
		if inc, err = tx.Incident(ctx, incidentID); err != nil {
			return err
		}
		if err := inc.Changeable("link to"); err != nil {
			return err
		}
		if t.IncidentID == incidentID {
			return stormdesk.Errorf(stormdesk.ECONFLICT, "ticket %d is already linked to incident %d", ticketID, incidentID)
		}
		cluster := t.ClusterID
		if inc.ClusterID != 0 {
			cluster = inc.ClusterID
		}
		if err := tx.SetTicketIncident(ctx, ticketID, incidentID, cluster); err != nil {
			return err
		}
		if err := tx.SetMemberships(ctx, []stormdesk.Membership{{TicketID: ticketID, IncidentID: incidentID, Reason: "linked by " + actor, At: now}}); err != nil {
			return err
		}
		// A ticket moved from another incident is linked to this one's
		// problem ticket, which replaces the old link in the helpdesk.
		moved := *t
		moved.IncidentID = incidentID
		if err := s.helpdeskLink(ctx, tx, inc, []*stormdesk.Ticket{&moved}); err != nil {
			return err
		}
		if err := s.raiseUpdates(ctx, tx, t.IncidentID, incidentID); err != nil {
			return err
		}
		text := fmt.Sprintf("Ticket #%d (%s) linked by %s", ticketID, truncate(t.Subject, 120), actor)
		if t.IncidentID != 0 {
			text += fmt.Sprintf(", moved from incident #%d", t.IncidentID)
			if err := tx.AppendTimeline(ctx, &stormdesk.TimelineEntry{IncidentID: t.IncidentID, At: now, Kind: stormdesk.KindTicketMoved, Actor: actor,
				Text: fmt.Sprintf("Ticket #%d moved to incident #%d", ticketID, incidentID), Data: mustJSON(map[string]int64{"ticket_id": ticketID, "to": incidentID})}); err != nil {
				return err
			}
		}
		return tx.AppendTimeline(ctx, &stormdesk.TimelineEntry{IncidentID: incidentID, At: now, Kind: stormdesk.KindTicketMoved, Actor: actor, Text: text,
			Data: mustJSON(map[string]int64{"ticket_id": ticketID, "from": t.IncidentID}), SourceURL: fmt.Sprintf("/api/v1/tickets/%d", ticketID)})
	})
	if err != nil {
		return fmt.Errorf("desk: link ticket %d to incident %d: %w", ticketID, incidentID, err)
	}
	s.flushAlerts(alerts)
	return nil
}

// UnlinkTicket takes a ticket out of its incident.
func (s *Service) UnlinkTicket(ctx context.Context, ticketID int64, actor string) error {
	now := s.now()
	ctx, alerts := withCollector(ctx)
	err := s.Store.Update(ctx, func(tx stormdesk.Tx) error {
		t, err := tx.Ticket(ctx, ticketID)
		if err != nil {
			return err
		}
		if t.IncidentID == 0 {
			return stormdesk.Errorf(stormdesk.ECONFLICT, "ticket %d is not linked to an incident", ticketID)
		}
		if err := tx.SetMemberships(ctx, []stormdesk.Membership{{TicketID: ticketID, Reason: "unlinked by " + actor, At: now}}); err != nil {
			return err
		}
		if err := s.helpdeskUnlink(ctx, tx, t.IncidentID, t); err != nil {
			return err
		}
		if err := s.raise(ctx, tx, t.IncidentID, ""); err != nil {
			return err
		}
		return tx.AppendTimeline(ctx, &stormdesk.TimelineEntry{IncidentID: t.IncidentID, At: now, Kind: stormdesk.KindTicketMoved, Actor: actor,
			Text: fmt.Sprintf("Ticket #%d (%s) unlinked by %s", ticketID, truncate(t.Subject, 120), actor), Data: mustJSON(map[string]int64{"ticket_id": ticketID})})
	})
	if err != nil {
		return fmt.Errorf("desk: unlink ticket %d: %w", ticketID, err)
	}
	s.flushAlerts(alerts)
	return nil
}

// SetCause records what explains an incident: a configured dependency's
// name or free text.
func (s *Service) SetCause(ctx context.Context, id int64, cause, actor string) (inc *stormdesk.Incident, err error) {
	cause = strings.TrimSpace(cause)
	if cause == "" {
		return nil, stormdesk.Errorf(stormdesk.EINVALID, "cause: text required (a dependency's name or a sentence)")
	}
	if d, derr := s.dependency(cause); derr == nil {
		cause = d.Name + " (upstream dependency)"
	}
	now := s.now()
	ctx, alerts := withCollector(ctx)
	err = s.Store.Update(ctx, func(tx stormdesk.Tx) error {
		if inc, err = tx.Incident(ctx, id); err != nil {
			return err
		}
		inc.LikelyCause, inc.UpdatedAt = truncate(cause, 500), now
		if err := tx.UpdateIncident(ctx, inc); err != nil {
			return err
		}
		if err := s.raise(ctx, tx, id, ""); err != nil {
			return err
		}
		return tx.AppendTimeline(ctx, &stormdesk.TimelineEntry{IncidentID: id, At: now, Kind: stormdesk.KindCauseIdentified, Actor: actor, Text: "Likely cause: " + inc.LikelyCause})
	})
	if err != nil {
		return nil, fmt.Errorf("desk: set cause of incident %d: %w", id, err)
	}
	s.flushAlerts(alerts)
	return inc, nil
}

// NotAnIncident closes an incident that triage raised by mistake and
// teaches triage that its cluster is the normal trickle: it is never a
// candidate again, and similar tickets keep landing there.
func (s *Service) NotAnIncident(ctx context.Context, id int64, actor string) error {
	var inc *stormdesk.Incident
	now := s.now()
	ctx, alerts := withCollector(ctx)
	err := s.correct(ctx, func() *stormdesk.TriageCorrection {
		if inc.ClusterID != 0 {
			return &stormdesk.TriageCorrection{Kind: stormdesk.CorrectionSuppress, A: inc.ClusterID}
		}
		return nil
	}, func(tx stormdesk.Tx) (err error) {
		if inc, err = tx.Incident(ctx, id); err != nil {
			return err
		}
		if inc.Status == stormdesk.StatusResolved {
			return stormdesk.Errorf(stormdesk.ECONFLICT, "incident %d is already resolved", id)
		}
		prev := inc.Status
		inc.Status, inc.ResolvedAt, inc.UpdatedAt = stormdesk.StatusResolved, &now, now
		if err := tx.UpdateIncident(ctx, inc); err != nil {
			return err
		}
		if err := s.raise(ctx, tx, id, ""); err != nil {
			return err
		}
		// Its helpdesk reports do not belong under one problem ticket.
		if err := s.helpdeskUnlinkAll(ctx, tx, id); err != nil {
			return err
		}
		return tx.AppendTimeline(ctx, &stormdesk.TimelineEntry{IncidentID: id, At: now, Kind: stormdesk.KindStatusChange, Actor: actor,
			Text: fmt.Sprintf("Marked not an incident by %s: closed, and triage will leave this kind of ticket alone", actor),
			Data: mustJSON(map[string]string{"from": string(prev), "to": "resolved", "reason": "not_an_incident"})})
	})
	if err != nil {
		return fmt.Errorf("desk: mark incident %d not an incident: %w", id, err)
	}
	s.flushAlerts(alerts)
	return nil
}

func mustJSON(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only called with maps of plain values
	}
	return b
}

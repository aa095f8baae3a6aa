package desk

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"stormdesk"
)

// Reminder kinds, as the reminders table records them.
const (
	RemindNoUpdate   = "no_update"
	RemindPostmortem = "postmortem"
)

// Reminders says when to nudge the ops channel; a zero duration turns
// that reminder off.
type Reminders struct {
	// NoUpdate: an acknowledged, unresolved incident whose status has not
	// changed (no acknowledgement or status change) for this long.
	NoUpdate time.Duration
	// NoPostmortem: a resolved incident, once acknowledged, whose
	// post-mortem has not been exported this long after resolution.
	NoPostmortem time.Duration
}

// remindScan bounds how many incidents, newest first, a reminder round
// looks at.
const remindScan = 1000

// Remind finds the incidents that need a nudge, records each reminder
// (so a quiet incident is nudged once per NoUpdate of silence, and a
// missing post-mortem once) and queues it for the chat front ends after
// the transaction commits. It returns how many reminders it queued. Run
// it on the leader only (the scheduler's elector does).
func (s *Service) Remind(ctx context.Context, r Reminders) (int, error) {
	now := s.now()
	// Most rounds find nothing to nudge: look first, so that an idle
	// round takes no write lock.
	due := false
	if err := s.Store.View(ctx, func(tx stormdesk.Tx) error {
		incs, err := tx.Incidents(ctx, stormdesk.IncidentFilter{Limit: remindScan})
		if err != nil {
			return err
		}
		for _, inc := range incs {
			if inc.MergedInto != 0 || inc.AcknowledgedAt == nil {
				continue
			}
			text := ""
			if inc.Status != stormdesk.StatusResolved {
				text, err = noUpdate(ctx, tx, inc, r.NoUpdate, now)
			} else {
				text, err = noPostmortem(ctx, tx, inc, r.NoPostmortem, now)
			}
			if err != nil {
				return err
			}
			if text != "" {
				due = true
				return nil
			}
		}
		return nil
	}); err != nil {
		return 0, fmt.Errorf("desk: reminders: %w", err)
	}
	if !due {
		return 0, nil
	}
	n := 0
	ctx, alerts := withCollector(ctx)
	err := s.Store.Update(ctx, func(tx stormdesk.Tx) error {
		incs, err := tx.Incidents(ctx, stormdesk.IncidentFilter{Limit: remindScan})
		if err != nil {
			return err
		}
		for _, inc := range incs {
			if inc.MergedInto != 0 || inc.AcknowledgedAt == nil {
				continue // merged away, or never taken on (a dismissed candidate)
			}
			var text, kind string
			if inc.Status != stormdesk.StatusResolved {
				if text, err = noUpdate(ctx, tx, inc, r.NoUpdate, now); err != nil {
					return err
				}
				kind = RemindNoUpdate
			} else {
				if text, err = noPostmortem(ctx, tx, inc, r.NoPostmortem, now); err != nil {
					return err
				}
				kind = RemindPostmortem
			}
			if text == "" {
				continue
			}
			if err := tx.SetReminded(ctx, inc.ID, kind, now); err != nil {
				return err
			}
			if err := s.raiseReminder(ctx, tx, inc.ID, kind, text, now); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("desk: reminders: %w", err)
	}
	s.flushAlerts(alerts)
	if n > 0 {
		s.Log.Info("reminders queued", slog.Int("reminders", n))
	}
	return n, nil
}

// noUpdate returns the reminder text for an open incident quiet for
// longer than after, or "" when none is due.
func noUpdate(ctx context.Context, tx stormdesk.Tx, inc *stormdesk.Incident, after time.Duration, now time.Time) (string, error) {
	if after <= 0 {
		return "", nil
	}
	last, err := tx.LastEntryAt(ctx, inc.ID, stormdesk.KindAcknowledged, stormdesk.KindStatusChange)
	if err != nil {
		return "", err
	}
	if last.IsZero() {
		last = *inc.AcknowledgedAt
	}
	if now.Sub(last) < after {
		return "", nil
	}
	prev, err := tx.Reminded(ctx, inc.ID, RemindNoUpdate)
	if err != nil {
		return "", err
	}
	if prev.After(last) && now.Sub(prev) < after {
		return "", nil // already nudged during this quiet spell
	}
	return fmt.Sprintf("Incident #%d is %s and has had no update for %s (last at %s UTC). Post one: /incident status %d %s YOUR UPDATE",
		inc.ID, inc.Status, roundDuration(now.Sub(last)), last.UTC().Format("15:04"), inc.ID, inc.Status), nil
}

// noPostmortem returns the reminder text for a resolved incident whose
// post-mortem was not exported within after, or "" when none is due.
func noPostmortem(ctx context.Context, tx stormdesk.IncidentTx, inc *stormdesk.Incident, after time.Duration, now time.Time) (string, error) {
	if after <= 0 || inc.ResolvedAt == nil || inc.ExportedAt != nil || now.Sub(*inc.ResolvedAt) < after {
		return "", nil
	}
	prev, err := tx.Reminded(ctx, inc.ID, RemindPostmortem)
	if err != nil || !prev.IsZero() {
		return "", err // once is enough
	}
	return fmt.Sprintf("Incident #%d was resolved %s ago and its post-mortem has not been exported yet: /incident export %d",
		inc.ID, roundDuration(now.Sub(*inc.ResolvedAt)), inc.ID), nil
}

func roundDuration(d time.Duration) string {
	switch {
	case d >= 48*time.Hour:
		return fmt.Sprintf("%d days", int(d/(24*time.Hour)))
	case d >= 2*time.Hour:
		return fmt.Sprintf("%d hours", int(d/time.Hour))
	}
	return fmt.Sprintf("%d minutes", int(d/time.Minute))
}

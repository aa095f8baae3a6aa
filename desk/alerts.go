package desk

import (
	"context"
	"log/slog"
	"time"

	"stormdesk"
)

// Alerter tells people about incidents: the chat front ends post an
// alert when an incident is raised and update it in place as it changes.
type Alerter interface {
	Alert(ctx context.Context, inc *stormdesk.Incident, reason string) error
	UpdateAlert(ctx context.Context, inc *stormdesk.Incident) error
}

// ApprovalAsker is an Alerter that can also ask the ops channel to
// approve an automatic customer email held for approval (with Approve
// and Cancel buttons).
type ApprovalAsker interface {
	AskApproval(ctx context.Context, inc *stormdesk.Incident, m *stormdesk.OutboundMessage) error
}

type alertJob struct {
	incidentID int64
	reason     string // "" for an update
	messageID  string // set: ask for approval of this held email
	remind     string // set: post this reminder
}

// alertCollector gathers the alerts a transaction causes; they go out
// only after it commits.
type alertCollector struct {
	jobs  []alertJob
	email bool // emails were queued: wake the dispatcher after commit
}

// raiseEmail records that the transaction queued customer email.
func raiseEmail(ctx context.Context) {
	if c, ok := ctx.Value(collectorKey{}).(*alertCollector); ok {
		c.email = true
	}
}

type collectorKey struct{}

func withCollector(ctx context.Context) (context.Context, *alertCollector) {
	c := &alertCollector{}
	return context.WithValue(ctx, collectorKey{}, c), c
}

// raise records that incident id was raised (reason set) or changed.
func raise(ctx context.Context, id int64, reason string) {
	if c, ok := ctx.Value(collectorKey{}).(*alertCollector); ok {
		for _, j := range c.jobs {
			if j.incidentID == id && j.messageID == "" && j.remind == "" && (j.reason != "" || reason == "") {
				return // already queued, as an alert or the same update
			}
		}
		c.jobs = append(c.jobs, alertJob{incidentID: id, reason: reason})
	}
}

// raiseReminder records a reminder to post about an incident.
func raiseReminder(ctx context.Context, incidentID int64, text string) {
	if c, ok := ctx.Value(collectorKey{}).(*alertCollector); ok {
		c.jobs = append(c.jobs, alertJob{incidentID: incidentID, remind: text})
	}
}

// raiseApproval records that a held email needs an approval request.
func raiseApproval(ctx context.Context, incidentID int64, messageID string) {
	if c, ok := ctx.Value(collectorKey{}).(*alertCollector); ok {
		c.jobs = append(c.jobs, alertJob{incidentID: incidentID, messageID: messageID})
	}
}

// StartAlerts sends alerts to alerters, one at a time and in order, until
// ctx ends, so that a slow chat service never holds up triage and an
// incident's alert is always posted before it is updated.
func (s *Service) StartAlerts(ctx context.Context, alerters []Alerter) (wait func()) {
	s.alerters = alerters
	s.alertQ = make(chan alertJob, 1024)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-ctx.Done():
				return
			case j := <-s.alertQ:
				s.sendAlert(ctx, j)
			}
		}
	}()
	return func() { <-done }
}

func (s *Service) sendAlert(ctx context.Context, j alertJob) {
	inc, err := s.Incident(ctx, j.incidentID)
	if err != nil {
		s.Log.Error("alert: load incident", slog.Int64("incident_id", j.incidentID), slog.Any("error", err))
		return
	}
	var m *stormdesk.OutboundMessage
	if j.messageID != "" {
		if err := s.Store.View(ctx, func(tx stormdesk.Tx) (err error) { m, err = tx.Message(ctx, j.messageID); return err }); err != nil {
			s.Log.Error("alert: load held email", slog.String("message_id", j.messageID), slog.Any("error", err))
			return
		}
	}
	for _, a := range s.alerters {
		actx, cancel := context.WithTimeout(ctx, 30*time.Second)
		err = nil
		switch {
		case m != nil:
			if asker, ok := a.(ApprovalAsker); ok {
				err = asker.AskApproval(actx, inc, m)
			}
		case j.remind != "":
			if r, ok := a.(Reminder); ok {
				err = r.Remind(actx, inc, j.remind)
			}
		case j.reason != "":
			err = a.Alert(actx, inc, j.reason)
		default:
			err = a.UpdateAlert(actx, inc)
		}
		cancel()
		if err != nil {
			s.Log.Warn("alert not delivered", slog.Int64("incident_id", inc.ID), slog.Any("error", err))
		}
	}
}

// SetAlerters delivers alerts to alerters synchronously, as each
// transaction that raises them commits, instead of through the queue of
// StartAlerts: a replay in virtual time then sees each alert posted at
// the virtual moment it was raised.
func (s *Service) SetAlerters(alerters []Alerter) { s.alerters = alerters }

// flushAlerts queues what a committed transaction raised.
func (s *Service) flushAlerts(c *alertCollector) {
	if c.email {
		s.kickEmail()
	}
	if s.alertQ == nil {
		if len(s.alerters) > 0 {
			for _, j := range c.jobs {
				s.sendAlert(context.Background(), j)
			}
		}
		return
	}
	for _, j := range c.jobs {
		select {
		case s.alertQ <- j:
		default:
			s.Log.Warn("alert queue full: alert dropped", slog.Int64("incident_id", j.incidentID))
		}
	}
}

package desk

import (
	"context"
	"fmt"
	"strings"
	"time"

	"stormdesk"
	"stormdesk/templates"
)

// NotifyPreview is what a customer notification would be, without sending.
type NotifyPreview struct {
	Template   string
	Recipients int
	Subject    string
	Sample     string
}

// defaultTemplate picks the email for an incident's state.
func defaultTemplate(inc *stormdesk.Incident) string {
	switch {
	case inc.Status == stormdesk.StatusResolved:
		return templates.EmailResolved
	case inc.AcknowledgedAt == nil || inc.Status == stormdesk.StatusTriage:
		return templates.EmailAcknowledged
	}
	return templates.EmailUpdate
}

// PreviewNotification counts the audience of an incident's customer email
// (its reporters and the subscribers of its features, without suppressed
// addresses) and renders the email once. It writes nothing.
func (s *Service) PreviewNotification(ctx context.Context, id int64, template string) (p NotifyPreview, err error) {
	err = s.Store.View(ctx, func(tx stormdesk.Tx) error {
		inc, err := tx.Incident(ctx, id)
		if err != nil {
			return err
		}
		p.Template = strings.ToLower(strings.TrimSpace(template))
		if p.Template == "" {
			p.Template = defaultTemplate(inc)
		}
		subject, text, _, err := templates.RenderEmail(p.Template, templates.EmailData{Incident: inc, ProductName: s.ProductName,
			UnsubscribeURL: "https://…/unsubscribe"})
		if err != nil {
			return stormdesk.Errorf(stormdesk.EINVALID, "template: %q is not one of %s", template, strings.Join(templates.EmailTemplates, ", "))
		}
		p.Subject, p.Sample = subject, text
		return tx.Audience(ctx, id, inc.Features, func(string) error { p.Recipients++; return nil })
	})
	if err != nil {
		return p, fmt.Errorf("desk: preview notification of incident %d: %w", id, err)
	}
	return p, nil
}

// Email configures customer email: which status changes send one by
// themselves, and what the message says about the sender. Nil means no
// customer email: SendNotification refuses, and nothing is queued.
type Email struct {
	// Auto names the templates sent by themselves: acknowledged (on
	// acknowledge), update (on a status change with a message), resolved.
	Auto        map[string]bool
	FromName    string
	Footer      string
	StatusPage  string
	Placeholder string // where each recipient's unsubscribe link goes
	// Kick wakes the dispatcher once rows are committed.
	Kick func()
}

// SetEmail turns customer email on.
func (s *Service) SetEmail(e *Email) { s.email = e }

// audienceChunk bounds the recipients held in memory while queueing: the
// audience is streamed from the store in chunks of this size.
const audienceChunk = 1000

// queueEmail renders template for inc once and queues one outbox row per
// recipient in the audience, inside tx; the timeline entry that records it
// is written first, and its id makes the message id, so the same cause
// never queues the same message twice. It returns how many rows it queued.
func (s *Service) queueEmail(ctx context.Context, tx stormdesk.Tx, inc *stormdesk.Incident, template, message, actor, approvedBy string, at time.Time) (int, error) {
	subject, text, html, err := templates.RenderEmail(template, templates.EmailData{Incident: inc, Message: message, ProductName: s.ProductName,
		FromName: s.email.FromName, UnsubscribeURL: s.email.Placeholder, Footer: s.email.Footer, StatusPageURL: s.email.StatusPage})
	if err != nil {
		return 0, stormdesk.Errorf(stormdesk.EINVALID, "template %s: %s", template, stormdesk.ErrorMessage(err))
	}
	entry := &stormdesk.TimelineEntry{IncidentID: inc.ID, At: at, Kind: stormdesk.KindNotification, Actor: actor, Text: template + " email queued"}
	if err := tx.AppendTimeline(ctx, entry); err != nil {
		return 0, err
	}
	m := &stormdesk.OutboundMessage{IncidentID: inc.ID, MessageID: fmt.Sprintf("inc%d-%s-e%d", inc.ID, template, entry.ID), Template: template,
		Subject: subject, Text: text, HTML: html}
	// The audience is read a page at a time (keyset paging on the
	// address), each page queued before the next is read: memory stays
	// flat however many customers an incident has.
	queued := 0
	after := ""
	for {
		page, err := tx.AudiencePage(ctx, inc.ID, inc.Features, after, audienceChunk)
		if err != nil {
			return 0, err
		}
		if len(page) == 0 {
			break
		}
		rs := make([]stormdesk.Customer, len(page))
		for i, e := range page {
			rs[i] = stormdesk.Customer{Email: e}
		}
		n, err := tx.EnqueueMessage(ctx, m, rs, at)
		if err != nil {
			return 0, err
		}
		queued += n
		after = page[len(page)-1]
		if len(page) < audienceChunk {
			break
		}
	}
	text2 := fmt.Sprintf("%s email queued for %d customers", template, queued)
	if approvedBy != "" {
		text2 += ", approved by " + approvedBy
	}
	entry.Text = text2
	entry.Data = mustJSON(map[string]any{"template": template, "queued": queued, "message_id": m.MessageID, "approved_by": approvedBy})
	if err := tx.UpdateTimelineEntry(ctx, entry); err != nil {
		return 0, err
	}
	return queued, nil
}

// SendNotification queues a customer email about an incident (template ""
// picks the one for its state) to its audience, in one transaction with
// the timeline entry that records it, and wakes the dispatcher.
func (s *Service) SendNotification(ctx context.Context, id int64, template, actor, approvedBy string) (int, error) {
	if s.email == nil {
		return 0, stormdesk.Errorf(stormdesk.EUNAVAILABLE, "customer email is not configured (set STORMDESK_SENDGRID_API_KEY and the STORMDESK_EMAIL_* variables): use --dry-run to preview")
	}
	now := s.now()
	queued := 0
	err := s.Store.Update(ctx, func(tx stormdesk.Tx) error {
		inc, err := tx.Incident(ctx, id)
		if err != nil {
			return err
		}
		if inc.MergedInto != 0 {
			return stormdesk.Errorf(stormdesk.ECONFLICT, "incident %d was merged into %d: notify about that one", id, inc.MergedInto)
		}
		if template = strings.ToLower(strings.TrimSpace(template)); template == "" {
			template = defaultTemplate(inc)
		}
		queued, err = s.queueEmail(ctx, tx, inc, template, "", actor, approvedBy, now)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("desk: notify about incident %d: %w", id, err)
	}
	s.kickEmail()
	return queued, nil
}

// autoEmail queues template inside tx when the policy sends it by itself.
func (s *Service) autoEmail(ctx context.Context, tx stormdesk.Tx, inc *stormdesk.Incident, template, message string, at time.Time) error {
	if s.email == nil || !s.email.Auto[template] {
		return nil
	}
	_, err := s.queueEmail(ctx, tx, inc, template, message, stormdesk.ActorStormdesk, "", at)
	return err
}

func (s *Service) kickEmail() {
	if s.email != nil && s.email.Kick != nil {
		s.email.Kick()
	}
}

// ReportDeliveries puts the delivery counts of every message whose
// recipients have all been dealt with onto its incident's timeline, once
// ("acknowledged email sent to 214 customers, 2 failed").
func (s *Service) ReportDeliveries(ctx context.Context) (int, error) {
	now := s.now()
	n := 0
	err := s.Store.Update(ctx, func(tx stormdesk.Tx) error {
		reports, err := tx.SettledMessages(ctx)
		if err != nil {
			return err
		}
		for _, r := range reports {
			first, err := tx.MarkReported(ctx, r.MessageID, now)
			if err != nil {
				return err
			}
			if !first {
				continue
			}
			text := fmt.Sprintf("%s email sent to %d customers, %d failed", r.Template, r.Sent, r.Failed)
			if r.Suppressed > 0 {
				text += fmt.Sprintf(", %d unsubscribed or bounced before", r.Suppressed)
			}
			if err := tx.AppendTimeline(ctx, &stormdesk.TimelineEntry{IncidentID: r.IncidentID, At: now, Kind: stormdesk.KindNotification, Actor: stormdesk.ActorStormdesk,
				Text: text, Data: mustJSON(map[string]any{"template": r.Template, "sent": r.Sent, "failed": r.Failed, "suppressed": r.Suppressed, "message_id": r.MessageID})}); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("desk: report deliveries: %w", err)
	}
	return n, nil
}

// catchUp sends reporters who join an incident after an email went out
// the latest one, so that nobody who wrote in is left without news; the
// outbox's (message, recipient) key keeps it to once each.
func (s *Service) catchUp(ctx context.Context, tx stormdesk.Tx, incidentID int64, emails []string) error {
	if s.email == nil || len(emails) == 0 {
		return nil
	}
	m, err := tx.LatestMessage(ctx, incidentID)
	if stormdesk.ErrorCode(err) == stormdesk.ENOTFOUND {
		return nil
	} else if err != nil {
		return err
	}
	rs := make([]stormdesk.Customer, len(emails))
	for i, e := range emails {
		rs[i] = stormdesk.Customer{Email: e}
	}
	n, err := tx.EnqueueMessage(ctx, m, rs, s.now())
	if n > 0 {
		raiseEmail(ctx)
	}
	return err
}

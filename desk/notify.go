package desk

import (
	"context"
	"fmt"
	"strings"

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

// SendNotification is not available yet: customer email delivery (the
// outbox and its dispatcher) is not wired into the service.
func (s *Service) SendNotification(ctx context.Context, id int64, template, actor, approvedBy string) error {
	return stormdesk.Errorf(stormdesk.EUNAVAILABLE, "sending customer email is not set up in this stormdesk yet: use --dry-run to preview the audience and the message")
}

package desk

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"stormdesk"
	"stormdesk/templates"
)

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
func (s *Service) PreviewNotification(ctx context.Context, id int64, template string) (p stormdesk.NotifyPreview, err error) {
	err = s.Store.View(ctx, func(tx stormdesk.Tx) error {
		inc, err := tx.Incident(ctx, id)
		if err != nil {
			return err
		}
		p.Template = strings.ToLower(strings.TrimSpace(template))
		if p.Template == "" {
			p.Template = defaultTemplate(inc)
		}
		message, err := manualMessage(ctx, tx, inc, p.Template)
		if err != nil {
			return err
		}
		subject, text, _, err := templates.RenderEmail(p.Template, templates.EmailData{Incident: inc, Message: message, ProductName: s.ProductName,
			UnsubscribeURL: "https://…/unsubscribe"})
		if err != nil {
			return err
		}
		p.Subject, p.Sample = subject, text
		return tx.Audience(ctx, id, s.audienceKeys(inc), func(string) error { p.Recipients++; return nil })
	})
	if err != nil {
		return p, fmt.Errorf("desk: preview notification of incident %d: %w", id, err)
	}
	return p, nil
}

// manualMessage is the operator's text a manual email carries: for an
// update, the latest customer-facing update (the message of the latest
// status change that had one); other templates need none.
func manualMessage(ctx context.Context, tx stormdesk.TimelineTx, inc *stormdesk.Incident, template string) (string, error) {
	if template != templates.EmailUpdate {
		return "", nil
	}
	es, err := tx.Timeline(ctx, inc.ID)
	if err != nil {
		return "", err
	}
	for i := len(es) - 1; i >= 0; i-- {
		if es[i].Kind != stormdesk.KindStatusChange {
			continue
		}
		var d struct{ Message string }
		if json.Unmarshal(es[i].Data, &d) == nil && strings.TrimSpace(d.Message) != "" {
			return d.Message, nil
		}
	}
	return "", stormdesk.Errorf(stormdesk.EINVALID, "incident %d has no customer update to send yet: post one with `/incident status %d %s YOUR UPDATE` (it is emailed per the policy)",
		inc.ID, inc.ID, inc.Status)
}

// Email configures customer email: which status changes send one by
// themselves, which wait for approval, and what the message says about
// the sender. Nil means no customer email: Notify refuses, and nothing
// is queued.
type Email struct {
	// Auto names the templates sent by themselves: acknowledged (on
	// acknowledge), update (on a status change with a message), resolved.
	Auto map[string]bool
	// Approve names the automatic templates held until an authorised
	// person approves them (it wins over Auto). An incident's own
	// EmailPolicy overrides both.
	Approve map[string]bool
	// ApprovalThreshold: an email to more recipients than this is held
	// for approval, automatic or not. Zero means
	// DefaultApprovalThreshold; negative means no threshold.
	ApprovalThreshold int
	FromName          string
	Footer            string
	StatusPage        string
	Placeholder       string // where each recipient's unsubscribe link goes
	// ConfirmURL writes the signed link that confirms a status page
	// subscription (notify.ConfirmLinks); nil: the page takes no
	// subscriptions.
	ConfirmURL func(email string, components []string) string
	// Kick wakes the dispatcher once rows are committed.
	Kick func()
}

// DefaultApprovalThreshold is the recipient count above which an email
// waits for approval when Email leaves it zero.
const DefaultApprovalThreshold = 50

// ApprovalTTL is how long a held email can be approved; after that it is
// cancelled as expired (ask again: the next update supersedes it anyway).
const ApprovalTTL = 24 * time.Hour

func (e *Email) threshold() int {
	if e.ApprovalThreshold == 0 {
		return DefaultApprovalThreshold
	}
	return e.ApprovalThreshold
}

// mode is what happens to an automatic template for inc.
func (e *Email) mode(inc *stormdesk.Incident, template string) stormdesk.EmailMode {
	if m, ok := inc.EmailPolicy[template]; ok {
		return m
	}
	switch {
	case e.Approve[template]:
		return stormdesk.EmailApprove
	case e.Auto[template]:
		return stormdesk.EmailAuto
	}
	return stormdesk.EmailOff
}

// Policy is the email policy in force for inc: the service's, with the
// incident's own overrides.
func (s *Service) Policy(inc *stormdesk.Incident) stormdesk.EmailPolicy {
	p := stormdesk.EmailPolicy{}
	for _, t := range stormdesk.AutoEmailTemplates {
		if s.email == nil {
			p[t] = stormdesk.EmailOff
		} else {
			p[t] = s.email.mode(inc, t)
		}
	}
	return p
}

// audienceChunk bounds the recipients held in memory while queueing: the
// audience is streamed from the store in chunks of this size.
const audienceChunk = 1000

// requester is the person whose request or change caused an email: the
// email names them (RequestedBy), and key (RequesterKey) keeps them from
// approving it, whether they asked for it (Notify) or their
// acknowledgement or status change queued it by the email policy.
type requester struct{ name, key string }

// newMessage renders template for inc and records the timeline entry
// whose id makes the message id, so the same cause never makes two
// messages. actor is the entry's; the entry's text is finished by the
// caller.
func (s *Service) newMessage(ctx context.Context, tx stormdesk.TimelineTx, inc *stormdesk.Incident, template, message, actor string, by requester, at time.Time) (*stormdesk.OutboundMessage, *stormdesk.TimelineEntry, error) {
	subject, text, html, err := templates.RenderEmail(template, templates.EmailData{Incident: inc, Message: message, ProductName: s.ProductName,
		FromName: s.email.FromName, UnsubscribeURL: s.email.Placeholder, Footer: s.email.Footer, StatusPageURL: s.email.StatusPage})
	if err != nil {
		return nil, nil, stormdesk.Errorf(stormdesk.EINVALID, "template %s: %s", template, stormdesk.ErrorMessage(err))
	}
	entry := &stormdesk.TimelineEntry{IncidentID: inc.ID, At: at, Kind: stormdesk.KindNotification, Actor: actor, Text: template + " email"}
	if err := tx.AppendTimeline(ctx, entry); err != nil {
		return nil, nil, err
	}
	m := &stormdesk.OutboundMessage{IncidentID: inc.ID, MessageID: fmt.Sprintf("inc%d-%s-e%d", inc.ID, template, entry.ID), Template: template,
		Subject: subject, Text: text, HTML: html, CreatedAt: at, RequestedBy: by.name, RequesterKey: by.key, Components: s.componentIDs(inc)}
	return m, entry, nil
}

// enqueueAudience queues one outbox row of m per recipient in inc's
// audience, inside tx. The audience is read a page at a time (keyset
// paging on the address), each page queued before the next is read:
// memory stays flat however many customers an incident has.
func (s *Service) enqueueAudience(ctx context.Context, tx stormdesk.Tx, inc *stormdesk.Incident, m *stormdesk.OutboundMessage, at time.Time) (int, error) {
	// Reporters whose helpdesk takes replies are answered there instead.
	if err := s.helpdeskReplies(ctx, tx, inc, m, nil); err != nil {
		return 0, err
	}
	return s.enqueueKeys(ctx, tx, inc.ID, s.audienceKeys(inc), m, at)
}

// enqueueKeys queues m for the reporters of incident incidentID (none
// for 0) and the subscribers of keys, a page at a time.
func (s *Service) enqueueKeys(ctx context.Context, tx stormdesk.Tx, incidentID int64, keys []string, m *stormdesk.OutboundMessage, at time.Time) (int, error) {
	queued := 0
	after := ""
	for {
		page, err := tx.AudiencePage(ctx, incidentID, keys, after, audienceChunk)
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
	raiseEmail(ctx)
	return queued, nil
}

// queueEmail renders template for inc once and queues one outbox row per
// recipient in the audience, inside tx. It returns how many rows it
// queued.
func (s *Service) queueEmail(ctx context.Context, tx stormdesk.Tx, inc *stormdesk.Incident, template, message, actor string, by requester, at time.Time) (*stormdesk.OutboundMessage, int, error) {
	m, entry, err := s.newMessage(ctx, tx, inc, template, message, actor, by, at)
	if err != nil {
		return nil, 0, err
	}
	m.State = stormdesk.MessageQueued
	queued, err := s.enqueueAudience(ctx, tx, inc, m, at)
	if err != nil {
		return nil, 0, err
	}
	entry.Text = fmt.Sprintf("%s email queued for %s", template, plural(queued, "customer", "customers"))
	entry.Data = mustJSON(map[string]any{"template": template, "queued": queued, "message_id": m.MessageID})
	if err := tx.UpdateTimelineEntry(ctx, entry); err != nil {
		return nil, 0, err
	}
	return m, queued, nil
}

// holdEmail renders template for inc and stores it held for approval,
// with the audience it would have now; no recipient is queued.
func (s *Service) holdEmail(ctx context.Context, tx stormdesk.Tx, inc *stormdesk.Incident, template, message, actor string, by requester, why string, audience int, at time.Time) (*stormdesk.OutboundMessage, error) {
	m, entry, err := s.newMessage(ctx, tx, inc, template, message, actor, by, at)
	if err != nil {
		return nil, err
	}
	m.Audience = audience
	if err := tx.HoldMessage(ctx, m); err != nil {
		return nil, err
	}
	entry.Text = fmt.Sprintf("%s email to %s waits for approval (%s)", template, plural(audience, "customer", "customers"), why)
	entry.Data = mustJSON(map[string]any{"template": template, "audience": audience, "message_id": m.MessageID, "state": stormdesk.MessageHeld})
	if err := tx.UpdateTimelineEntry(ctx, entry); err != nil {
		return nil, err
	}
	return m, nil
}

func (s *Service) countAudience(ctx context.Context, tx stormdesk.CustomerTx, inc *stormdesk.Incident) (int, error) {
	n := 0
	err := tx.Audience(ctx, inc.ID, s.audienceKeys(inc), func(string) error { n++; return nil })
	return n, err
}

func (s *Service) emailConfigured() error {
	if s.email == nil {
		// A setting, not an outage: retrying will not help, so not
		// EUNAVAILABLE (which asks clients to retry and logs an error).
		return stormdesk.Errorf(stormdesk.ECONFLICT, "customer email is not configured: set STORMDESK_SENDGRID_API_KEY and the STORMDESK_EMAIL_* variables (`stormdesk notify preview ID` shows what would be sent)")
	}
	return nil
}

// Notify emails an incident's audience (template "" picks the one for
// its state) on behalf of actor, whose actorKey identifies them across
// requests: at once when the audience is within the approval threshold,
// otherwise held until a second person approves (ApproveNotification).
// Queued rows and the timeline entry are one transaction; the dispatcher
// is woken after it commits.
func (s *Service) Notify(ctx context.Context, id int64, template, actor, actorKey string) (stormdesk.SendResult, error) {
	if err := s.emailConfigured(); err != nil {
		return stormdesk.SendResult{}, err
	}
	now := s.now()
	var r stormdesk.SendResult
	ctx, alerts := withCollector(ctx)
	err := s.Store.Update(ctx, func(tx stormdesk.Tx) error {
		inc, err := tx.Incident(ctx, id)
		if err != nil {
			return err
		}
		if inc.Watching() {
			return stormdesk.Errorf(stormdesk.ECONFLICT, "incident %d is an upstream watch: no customer report or probe has confirmed an impact, so no customer is emailed yet", id)
		}
		if err := inc.Changeable("notify about"); err != nil {
			return err
		}
		if template = strings.ToLower(strings.TrimSpace(template)); template == "" {
			template = defaultTemplate(inc)
		}
		message, err := manualMessage(ctx, tx, inc, template)
		if err != nil {
			return err
		}
		if r.Audience, err = s.countAudience(ctx, tx, inc); err != nil {
			return err
		}
		if t := s.email.threshold(); t >= 0 && r.Audience > t {
			r.Message, err = s.holdEmail(ctx, tx, inc, template, message, actor, requester{actor, actorKey}, fmt.Sprintf("more than %d recipients; requested by %s", t, actor), r.Audience, now)
			return err
		}
		r.Message, r.Queued, err = s.queueEmail(ctx, tx, inc, template, message, actor, requester{actor, actorKey}, now)
		return err
	})
	if err != nil {
		return stormdesk.SendResult{}, fmt.Errorf("desk: notify about incident %d: %w", id, err)
	}
	s.flushAlerts(alerts)
	return r, nil
}

// ApproveNotification releases a held email: its recipients (the
// audience now) are queued in the same transaction that records the
// approval. The requester cannot approve their own request (EFORBIDDEN);
// an email already approved or cancelled gives ECONFLICT naming who did
// it, so two concurrent presses send once; one held longer than
// ApprovalTTL is cancelled as expired.
func (s *Service) ApproveNotification(ctx context.Context, messageID, approver, approverKey string) (stormdesk.SendResult, error) {
	if err := s.emailConfigured(); err != nil {
		return stormdesk.SendResult{}, err
	}
	now := s.now()
	var r stormdesk.SendResult
	expired := false
	ctx, alerts := withCollector(ctx)
	err := s.Store.Update(ctx, func(tx stormdesk.Tx) error {
		m, err := tx.Message(ctx, messageID)
		if err != nil {
			return err
		}
		if m.State == stormdesk.MessageHeld && m.RequesterKey != "" && m.RequesterKey == approverKey {
			return stormdesk.Errorf(stormdesk.EFORBIDDEN, "a second person must approve this email: you asked for it, or your change to the incident queued it")
		}
		if m.IncidentID == 0 {
			r, expired, err = s.approveMaintenanceEmail(ctx, tx, m, approver, now)
			return err
		}
		inc, err := tx.Incident(ctx, m.IncidentID)
		if err != nil {
			return err
		}
		if m.State == stormdesk.MessageHeld && now.Sub(m.CreatedAt) > ApprovalTTL {
			expired = true
			if _, err := tx.DecideMessage(ctx, messageID, stormdesk.MessageCancelled, "expiry", now); err != nil {
				return err
			}
			return tx.AppendTimeline(ctx, &stormdesk.TimelineEntry{IncidentID: inc.ID, At: now, Kind: stormdesk.KindNotification, Actor: stormdesk.ActorStormdesk,
				Text: fmt.Sprintf("%s email expired unapproved after %s; nothing was sent", m.Template, ApprovalTTL),
				Data: mustJSON(map[string]any{"template": m.Template, "message_id": m.MessageID, "state": stormdesk.MessageCancelled})})
		}
		if err := inc.Changeable("notify about"); err != nil {
			return err // merged since the email was requested
		}
		if m, err = tx.DecideMessage(ctx, messageID, stormdesk.MessageQueued, approver, now); err != nil {
			return err
		}
		if r.Queued, err = s.enqueueAudience(ctx, tx, inc, m, now); err != nil {
			return err
		}
		r.Message, r.Audience = m, r.Queued
		return tx.AppendTimeline(ctx, &stormdesk.TimelineEntry{IncidentID: inc.ID, At: now, Kind: stormdesk.KindNotification, Actor: approver,
			Text: fmt.Sprintf("%s email approved by %s: queued for %s (requested by %s)", m.Template, approver, plural(r.Queued, "customer", "customers"), m.RequestedBy),
			Data: mustJSON(map[string]any{"template": m.Template, "queued": r.Queued, "message_id": m.MessageID, "approved_by": approver, "requested_by": m.RequestedBy})})
	})
	if err == nil && expired {
		err = stormdesk.Errorf(stormdesk.ECONFLICT, "this email waited more than %s for approval and expired: nothing was sent; notify again", ApprovalTTL)
	}
	if err != nil {
		return stormdesk.SendResult{}, fmt.Errorf("desk: approve email %s: %w", messageID, err)
	}
	s.flushAlerts(alerts)
	return r, nil
}

// CancelNotification drops a held email; nothing is sent.
func (s *Service) CancelNotification(ctx context.Context, messageID, actor string) (stormdesk.SendResult, error) {
	now := s.now()
	var r stormdesk.SendResult
	err := s.Store.Update(ctx, func(tx stormdesk.Tx) error {
		m, err := tx.DecideMessage(ctx, messageID, stormdesk.MessageCancelled, actor, now)
		if err != nil {
			return err
		}
		r.Message, r.Audience = m, m.Audience
		if id, ok := maintenanceOfMessage(m.MessageID); ok && m.IncidentID == 0 {
			return tx.AppendMaintenanceEntry(ctx, &stormdesk.MaintenanceEntry{MaintenanceID: id, At: now, Kind: stormdesk.KindNotification, Actor: actor,
				Text: fmt.Sprintf("Maintenance email cancelled by %s; nothing was sent (requested by %s)", actor, m.RequestedBy),
				Data: mustJSON(map[string]any{"message_id": m.MessageID, "state": stormdesk.MessageCancelled})})
		}
		return tx.AppendTimeline(ctx, &stormdesk.TimelineEntry{IncidentID: m.IncidentID, At: now, Kind: stormdesk.KindNotification, Actor: actor,
			Text: fmt.Sprintf("%s email cancelled by %s; nothing was sent (requested by %s)", m.Template, actor, m.RequestedBy),
			Data: mustJSON(map[string]any{"template": m.Template, "message_id": m.MessageID, "state": stormdesk.MessageCancelled})})
	})
	if err != nil {
		return stormdesk.SendResult{}, fmt.Errorf("desk: cancel email %s: %w", messageID, err)
	}
	return r, nil
}

// Messages lists an incident's customer emails (every incident's when id
// is 0) created since since, with their delivery counts.
func (s *Service) Messages(ctx context.Context, id int64, since time.Time) (out []stormdesk.MessageDeliveries, err error) {
	err = s.Store.View(ctx, func(tx stormdesk.Tx) error {
		if id != 0 {
			if _, err := tx.Incident(ctx, id); err != nil {
				return err
			}
		}
		out, err = tx.Messages(ctx, id, since)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("desk: emails of incident %d: %w", id, err)
	}
	return out, nil
}

// SetEmailPolicy changes, for one incident, what its automatic emails
// do; templates not named keep their mode. The change is recorded on the
// timeline.
func (s *Service) SetEmailPolicy(ctx context.Context, id int64, p stormdesk.EmailPolicy, actor string) (stormdesk.EmailPolicy, error) {
	if len(p) == 0 {
		return nil, stormdesk.Errorf(stormdesk.EINVALID, "email policy: name at least one TEMPLATE=MODE (templates: %s; modes: auto, approve, off)",
			strings.Join(stormdesk.AutoEmailTemplates, ", "))
	}
	now := s.now()
	var inc *stormdesk.Incident
	err := s.Store.Update(ctx, func(tx stormdesk.Tx) (err error) {
		if inc, err = tx.Incident(ctx, id); err != nil {
			return err
		}
		if err := inc.Changeable("change"); err != nil {
			return err
		}
		if inc.EmailPolicy == nil {
			inc.EmailPolicy = stormdesk.EmailPolicy{}
		}
		for t, m := range p {
			inc.EmailPolicy[t] = m
		}
		inc.UpdatedAt = now
		if err := tx.UpdateIncident(ctx, inc); err != nil {
			return err
		}
		return tx.AppendTimeline(ctx, &stormdesk.TimelineEntry{IncidentID: id, At: now, Kind: stormdesk.KindNote, Actor: actor,
			Text: "Customer email policy set: " + p.String(), Data: mustJSON(map[string]any{"email_policy": p})})
	})
	if err != nil {
		return nil, fmt.Errorf("desk: set email policy of incident %d: %w", id, err)
	}
	return s.Policy(inc), nil
}

// EmailStatus returns an incident's email policy in force and its emails
// with their delivery counts.
func (s *Service) EmailStatus(ctx context.Context, id int64) (st stormdesk.EmailStatus, err error) {
	err = s.Store.View(ctx, func(tx stormdesk.Tx) error {
		inc, err := tx.Incident(ctx, id)
		if err != nil {
			return err
		}
		st.Policy = s.Policy(inc)
		st.Messages, err = tx.Messages(ctx, id, time.Time{})
		return err
	})
	if err != nil {
		return stormdesk.EmailStatus{}, fmt.Errorf("desk: emails of incident %d: %w", id, err)
	}
	return st, nil
}

// autoEmail queues template inside tx when the policy sends it by itself,
// or holds it for approval when the policy or the audience size says so.
// by is the person whose change caused it: the email's timeline entry is
// stormdesk's (it goes out by policy), but by is its requester, so the
// two-person rule holds for automatic emails as for manual ones.
func (s *Service) autoEmail(ctx context.Context, tx stormdesk.Tx, inc *stormdesk.Incident, template, message string, by requester, at time.Time) error {
	if s.email == nil || inc.Watching() {
		// A watch that nothing confirmed emails nobody: its customers
		// may never notice the provider's trouble.
		return nil
	}
	mode := s.email.mode(inc, template)
	if mode == stormdesk.EmailOff {
		return nil
	}
	audience, err := s.countAudience(ctx, tx, inc)
	if err != nil {
		return err
	}
	why := "the email policy asks for approval"
	if t := s.email.threshold(); mode == stormdesk.EmailAuto {
		if t < 0 || audience <= t {
			_, _, err := s.queueEmail(ctx, tx, inc, template, message, stormdesk.ActorStormdesk, by, at)
			return err
		}
		why = fmt.Sprintf("more than %d recipients", t)
	}
	m, err := s.holdEmail(ctx, tx, inc, template, message, stormdesk.ActorStormdesk, by, why, audience, at)
	if err != nil {
		return err
	}
	return s.raiseApproval(ctx, tx, m.IncidentID, m.MessageID)
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
	// Most rounds find nothing: look first, so that an idle round takes
	// no write lock.
	pending := false
	if err := s.Store.View(ctx, func(tx stormdesk.Tx) error {
		reports, err := tx.SettledMessages(ctx)
		pending = len(reports) > 0
		return err
	}); err != nil {
		return 0, fmt.Errorf("desk: report deliveries: %w", err)
	}
	if !pending {
		return 0, nil
	}
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
			text := fmt.Sprintf("%s email sent to %s, %d failed", r.Template, plural(r.Sent, "customer", "customers"), r.Failed)
			if r.Suppressed > 0 {
				text += fmt.Sprintf(", %d unsubscribed or bounced before", r.Suppressed)
			}
			if r.IncidentID == 0 {
				// A maintenance email is reported on its maintenance; a
				// subscription's confirmation on nothing.
				if id, ok := maintenanceOfMessage(r.MessageID); ok {
					if err := tx.AppendMaintenanceEntry(ctx, &stormdesk.MaintenanceEntry{MaintenanceID: id, At: now, Kind: stormdesk.KindNotification, Actor: stormdesk.ActorStormdesk,
						Text: text, Data: mustJSON(map[string]any{"sent": r.Sent, "failed": r.Failed, "suppressed": r.Suppressed, "message_id": r.MessageID})}); err != nil {
						return err
					}
					n++
				}
				continue
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
// Late reporters whose helpdesk takes replies (among tickets) get it as a
// reply in their conversation instead.
func (s *Service) catchUp(ctx context.Context, tx stormdesk.Tx, incidentID int64, emails []string, tickets []*stormdesk.Ticket) error {
	replies := s.helpdesk != nil && slices.ContainsFunc(tickets, func(t *stormdesk.Ticket) bool { return slices.Contains(s.helpdesk.Replies, t.Source) })
	if s.email == nil || len(emails) == 0 && !replies {
		return nil
	}
	m, err := tx.LatestMessage(ctx, incidentID)
	if stormdesk.ErrorCode(err) == stormdesk.ENOTFOUND {
		return nil
	} else if err != nil {
		return err
	}
	if replies {
		inc, err := tx.Incident(ctx, incidentID)
		if err != nil {
			return err
		}
		if err := s.helpdeskReplies(ctx, tx, inc, m, tickets); err != nil {
			return err
		}
	}
	if len(emails) == 0 {
		return nil
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

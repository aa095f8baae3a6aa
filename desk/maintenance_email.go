package desk

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"stormdesk"
	"stormdesk/templates"
)

// Maintenance emails: the subscribers of a maintenance's components
// (component subscriptions, and the subscribers of the components'
// features) are emailed when it is scheduled (or rescheduled), when it
// starts and when it ends, through the outbox like every customer email
// and under the same approval threshold: an email to more recipients
// waits for a second person (the chat's Approve button, or POST
// /api/v1/emails/ID/approve), and the
// person whose scheduling caused it cannot approve it. A maintenance
// email belongs to no incident; its message id names the maintenance
// (maint<ID>-<phase>-e<entry>), and its fate is written on the
// maintenance's timeline.

// maintenanceKeys are the subscriptions m's emails go to, and the names
// and ids of its components on the page.
func (s *Service) maintenanceKeys(m *stormdesk.Maintenance) (keys, names, ids []string) {
	for _, c := range s.components {
		if !slices.Contains(m.Components, c.ID) {
			continue
		}
		names, ids = append(names, c.Name), append(ids, c.ID)
		keys = append(keys, c.SubscriptionKey())
		keys = append(keys, c.Features...)
	}
	return keys, names, ids
}

func maintenanceMessageID(id int64, phase string, entryID int64) string {
	return fmt.Sprintf("maint%d-%s-e%d", id, phase, entryID)
}

// maintenanceOfMessage is the maintenance a message id names, if any.
func maintenanceOfMessage(messageID string) (int64, bool) {
	var id int64
	var rest string
	if n, _ := fmt.Sscanf(strings.Replace(messageID, "-", " ", 1), "maint%d %s", &id, &rest); n != 2 || id <= 0 {
		return 0, false
	}
	return id, true
}

// announce emails m's subscribers about phase (the kind of the timeline
// entry entryID that caused it), inside tx: queued when they are within
// the approval threshold, else held for approval. Nothing happens without
// customer email or subscribers.
func (s *Service) announce(ctx context.Context, tx stormdesk.Tx, m *stormdesk.Maintenance, phase string, entryID int64, by requester, at time.Time) error {
	if s.email == nil {
		return nil
	}
	keys, names, ids := s.maintenanceKeys(m)
	n := 0
	if err := tx.Audience(ctx, 0, keys, func(string) error { n++; return nil }); err != nil {
		return err
	}
	if n == 0 {
		return nil
	}
	subject, text, html, err := templates.RenderMaintenance(templates.MaintenanceData{ProductName: s.ProductName, Phase: phase, Title: m.Title, Text: m.Text,
		Components: names, StartsAt: m.StartsAt, EndsAt: m.EndsAt, StatusPageURL: s.email.StatusPage, UnsubscribeURL: s.email.Placeholder,
		FromName: s.email.FromName, Footer: s.email.Footer})
	if err != nil {
		return err
	}
	msg := &stormdesk.OutboundMessage{MessageID: maintenanceMessageID(m.ID, phase, entryID), Template: templates.EmailMaintenance, Subject: subject,
		Text: text, HTML: html, CreatedAt: at, RequestedBy: by.name, RequesterKey: by.key, Components: ids}
	entry := &stormdesk.MaintenanceEntry{MaintenanceID: m.ID, At: at, Kind: stormdesk.KindNotification, Actor: stormdesk.ActorStormdesk}
	if t := s.email.threshold(); t >= 0 && n > t {
		msg.State, msg.Audience = stormdesk.MessageHeld, n
		if err := tx.HoldMessage(ctx, msg); err != nil {
			return err
		}
		entry.Text = fmt.Sprintf("The %s email to %s waits for a second person's approval (more than %d recipients): in chat, or POST /api/v1/emails/%s/approve",
			phase, plural(n, "subscriber", "subscribers"), t, msg.MessageID)
		if err := s.raiseApproval(ctx, tx, 0, msg.MessageID); err != nil {
			return err
		}
	} else {
		msg.State = stormdesk.MessageQueued
		queued, err := s.enqueueKeys(ctx, tx, 0, keys, msg, at)
		if err != nil {
			return err
		}
		entry.Text = fmt.Sprintf("The %s email queued for %s", phase, plural(queued, "subscriber", "subscribers"))
	}
	entry.Data = mustJSON(map[string]any{"message_id": msg.MessageID, "state": msg.State, "audience": n})
	return tx.AppendMaintenanceEntry(ctx, entry)
}

// approveMaintenanceEmail releases a held maintenance email inside tx:
// its recipients are the subscribers as they are now.
func (s *Service) approveMaintenanceEmail(ctx context.Context, tx stormdesk.Tx, msg *stormdesk.OutboundMessage, approver string, now time.Time) (r stormdesk.SendResult, expired bool, err error) {
	id, ok := maintenanceOfMessage(msg.MessageID)
	if !ok {
		return r, false, stormdesk.Errorf(stormdesk.ECONFLICT, "email %s is not one that waits for approval", msg.MessageID)
	}
	m, err := tx.Maintenance(ctx, id)
	if err != nil {
		return r, false, err
	}
	if msg.State == stormdesk.MessageHeld && now.Sub(msg.CreatedAt) > ApprovalTTL {
		if _, err := tx.DecideMessage(ctx, msg.MessageID, stormdesk.MessageCancelled, "expiry", now); err != nil {
			return r, false, err
		}
		return r, true, tx.AppendMaintenanceEntry(ctx, &stormdesk.MaintenanceEntry{MaintenanceID: id, At: now, Kind: stormdesk.KindNotification, Actor: stormdesk.ActorStormdesk,
			Text: fmt.Sprintf("A maintenance email expired unapproved after %s; nothing was sent", ApprovalTTL)})
	}
	if msg, err = tx.DecideMessage(ctx, msg.MessageID, stormdesk.MessageQueued, approver, now); err != nil {
		return r, false, err
	}
	keys, _, _ := s.maintenanceKeys(m)
	if r.Queued, err = s.enqueueKeys(ctx, tx, 0, keys, msg, now); err != nil {
		return r, false, err
	}
	r.Message, r.Audience = msg, r.Queued
	return r, false, tx.AppendMaintenanceEntry(ctx, &stormdesk.MaintenanceEntry{MaintenanceID: id, At: now, Kind: stormdesk.KindNotification, Actor: approver,
		Text: fmt.Sprintf("Maintenance email approved by %s: queued for %s (requested by %s)", approver, plural(r.Queued, "subscriber", "subscribers"), msg.RequestedBy),
		Data: mustJSON(map[string]any{"message_id": msg.MessageID, "queued": r.Queued, "approved_by": approver})})
}

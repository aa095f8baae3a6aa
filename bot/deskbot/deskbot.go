// Package deskbot adapts the desk to the chat bot's view of it: the bot
// core's Desk interface, with notification results in the bot's types.
package deskbot

import (
	"context"
	"time"

	"stormdesk"
	"stormdesk/bot"
	"stormdesk/desk"
)

// Desk is a *desk.Service as the bot core sees it.
type Desk struct{ *desk.Service }

var _ bot.Desk = Desk{}

// PreviewNotification implements bot.Desk.
func (b Desk) PreviewNotification(ctx context.Context, id int64, template string) (bot.NotifyPreview, error) {
	p, err := b.Service.PreviewNotification(ctx, id, template)
	return bot.NotifyPreview{Template: p.Template, Recipients: p.Recipients, Subject: p.Subject, Sample: p.Sample}, err
}

func result(r desk.SendResult, err error) (bot.NotifyResult, error) {
	if err != nil {
		return bot.NotifyResult{}, err
	}
	m := r.Message
	return bot.NotifyResult{IncidentID: m.IncidentID, MessageID: m.MessageID, Template: m.Template, Held: r.Held(), Audience: r.Audience,
		Queued: r.Queued, RequestedBy: m.RequestedBy}, nil
}

// Notify implements bot.Desk.
func (b Desk) Notify(ctx context.Context, id int64, template, actor, actorKey string) (bot.NotifyResult, error) {
	return result(b.Service.Notify(ctx, id, template, actor, actorKey))
}

// ApproveNotification implements bot.Desk.
func (b Desk) ApproveNotification(ctx context.Context, messageID, approver, approverKey string) (bot.NotifyResult, error) {
	return result(b.Service.ApproveNotification(ctx, messageID, approver, approverKey))
}

// CancelNotification implements bot.Desk.
func (b Desk) CancelNotification(ctx context.Context, messageID, actor string) (bot.NotifyResult, error) {
	return result(b.Service.CancelNotification(ctx, messageID, actor))
}

// EmailStatus implements bot.Desk.
func (b Desk) EmailStatus(ctx context.Context, id int64) (bot.EmailStatus, error) {
	inc, err := b.Service.Incident(ctx, id)
	if err != nil {
		return bot.EmailStatus{}, err
	}
	ms, err := b.Service.Messages(ctx, id, time.Time{})
	return bot.EmailStatus{Policy: b.Service.Policy(inc), Messages: ms}, err
}

// SetEmailPolicy implements bot.Desk.
func (b Desk) SetEmailPolicy(ctx context.Context, id int64, p stormdesk.EmailPolicy, actor string) (stormdesk.EmailPolicy, error) {
	inc, err := b.Service.SetEmailPolicy(ctx, id, p, actor)
	if err != nil {
		return nil, err
	}
	return b.Service.Policy(inc), nil
}

// Alerts keeps one platform's alert messages in the store, so that every
// replica updates the same message in place.
type Alerts struct {
	Store    stormdesk.Store
	Platform string
}

var _ bot.AlertStore = Alerts{}

// SaveAlert implements bot.AlertStore.
func (a Alerts) SaveAlert(ctx context.Context, incidentID int64, ref bot.AlertRef) error {
	return a.Store.Update(ctx, func(tx stormdesk.Tx) error {
		return tx.SaveChatAlert(ctx, &stormdesk.ChatAlert{Platform: a.Platform, IncidentID: incidentID, Channel: ref.Channel, Message: ref.Message, Reason: ref.Reason})
	})
}

// AlertOf implements bot.AlertStore.
func (a Alerts) AlertOf(ctx context.Context, incidentID int64) (ref bot.AlertRef, ok bool, err error) {
	err = a.Store.View(ctx, func(tx stormdesk.Tx) error {
		c, err := tx.ChatAlert(ctx, a.Platform, incidentID)
		if err != nil {
			return err
		}
		ref, ok = bot.AlertRef{Channel: c.Channel, Message: c.Message, Reason: c.Reason}, true
		return nil
	})
	if stormdesk.ErrorCode(err) == stormdesk.ENOTFOUND {
		return bot.AlertRef{}, false, nil
	}
	return ref, ok, err
}

// IncidentOf implements bot.AlertStore.
func (a Alerts) IncidentOf(ctx context.Context, channel, message string) (id int64, ok bool, err error) {
	err = a.Store.View(ctx, func(tx stormdesk.Tx) error {
		c, err := tx.ChatAlertByMessage(ctx, a.Platform, channel, message)
		if err != nil {
			return err
		}
		id, ok = c.IncidentID, true
		return nil
	})
	if stormdesk.ErrorCode(err) == stormdesk.ENOTFOUND {
		return 0, false, nil
	}
	return id, ok, err
}

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

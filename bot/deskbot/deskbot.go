// Package deskbot adapts the desk to the chat bot's view of it: the bot
// core's Desk interface, with notification results in the bot's types.
package deskbot

import (
	"context"

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

// SendNotification implements bot.Desk.
func (b Desk) SendNotification(ctx context.Context, id int64, template, actor, approvedBy string) (bot.NotifySummary, error) {
	p, err := b.Service.PreviewNotification(ctx, id, template)
	if err != nil {
		return bot.NotifySummary{}, err
	}
	n, err := b.Service.SendNotification(ctx, id, p.Template, actor, approvedBy)
	return bot.NotifySummary{Template: p.Template, Queued: n, Skipped: p.Recipients - n}, err
}

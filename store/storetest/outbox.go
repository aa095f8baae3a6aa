package storetest

import (
	"context"
	"time"

	"stormdesk"
	"stormdesk/store/sqlstore"
)

// Outbox adapts a SQL store to the outbox contract suite: the
// suite's set-up writes (enqueue, suppress) go through the store's own
// transactions, as the desk's do.
func Outbox(s *sqlstore.Store) OutboxStore { return outbox{s} }

type outbox struct{ *sqlstore.Store }

func (o outbox) Enqueue(ctx context.Context, m stormdesk.OutboundMessage, rs []stormdesk.OutboxRecipient, at time.Time) (n int, err error) {
	emails := make([]stormdesk.Customer, len(rs))
	for i, r := range rs {
		emails[i] = stormdesk.Customer{Email: r.Email, Name: r.Name}
	}
	err = o.Update(ctx, func(tx stormdesk.Tx) (err error) {
		n, err = tx.EnqueueMessage(ctx, &stormdesk.OutboundMessage{IncidentID: m.IncidentID, MessageID: m.MessageID, Template: m.Template,
			Subject: m.Subject, Text: m.Text, HTML: m.HTML, Solicited: m.Solicited, Components: m.Components}, emails, at)
		return err
	})
	return n, err
}

func (o outbox) Suppress(ctx context.Context, email string, at time.Time) error {
	return o.Update(ctx, func(tx stormdesk.Tx) error { return tx.Suppress(ctx, email, "unsubscribe", at) })
}

func (o outbox) Rows(ctx context.Context, messageID string) ([]stormdesk.Delivery, error) {
	return o.OutboxRows(ctx, messageID)
}

package desk

import (
	"context"
	"fmt"

	"stormdesk"
)

// Suppress takes an address off every future customer email: the
// customer unsubscribed, or SendGrid reported a permanent bounce, a drop
// or a spam report (why names which). When the email that caused it is
// known (messageID, from SendGrid's event), the suppression is noted on
// that incident's timeline in the same transaction.
func (s *Service) Suppress(ctx context.Context, email, why, messageID string) error {
	now := s.now()
	err := s.Store.Update(ctx, func(tx stormdesk.Tx) error {
		if err := tx.Suppress(ctx, email, why, now); err != nil {
			return err
		}
		actor, text := "SendGrid", "No more email to this address ("+why+")"
		if why == stormdesk.SuppressedUnsubscribe {
			actor, text = email, "Unsubscribed from all email"
		}
		if err := tx.AddSubscriptionEvent(ctx, &stormdesk.SubscriptionEvent{Email: email, At: now, Kind: stormdesk.SubEventSuppressed, Actor: actor, Text: text}); err != nil {
			return err
		}
		if messageID == "" {
			return nil
		}
		m, err := tx.Message(ctx, messageID)
		if stormdesk.ErrorCode(err) == stormdesk.ENOTFOUND {
			return nil // not one of ours (or long gone): the suppression stands
		}
		if err != nil {
			return err
		}
		if m.IncidentID == 0 {
			return nil // a subscription's confirmation: no incident to note it on
		}
		return tx.AppendTimeline(ctx, &stormdesk.TimelineEntry{IncidentID: m.IncidentID, At: now, Kind: stormdesk.KindNotification, Actor: "stormdesk",
			Text: fmt.Sprintf("%s gets no more incident email (%s, after the %s email)", email, why, m.Template),
			Data: mustJSON(map[string]string{"suppressed": email, "reason": why, "message_id": messageID})})
	})
	if err != nil {
		return fmt.Errorf("desk: suppress an address: %w", err)
	}
	return nil
}

// Accepted records that SendGrid accepted the batch of message messageID
// sent under token (any of its events proves it): rows a crash left in
// doubt are marked sent. It returns how many rows it marked.
func (s *Service) Accepted(ctx context.Context, token, messageID string) (int, error) {
	outbox, ok := s.Store.(stormdesk.Outbox)
	if !ok {
		return 0, stormdesk.Errorf(stormdesk.EINVALID, "desk: the store has no outbox")
	}
	n, err := outbox.Reconcile(ctx, token, messageID, s.now())
	if err != nil {
		return 0, fmt.Errorf("desk: settle email %s: %w", messageID, err)
	}
	return n, nil
}

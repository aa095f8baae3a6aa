package sqlstore

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"stormdesk"
)

// Chat posts ride the email outbox: a message row per post (channel
// 'chat', template = the kind, subject = the text) and an outbox row per
// platform (recipient = the platform). Everything after the claim (the
// fenced Mark methods, Reconcile) is the email code unchanged; only what
// is due differs, which is what chatOutbox overrides.

// EnqueueChat implements stormdesk.OutboxTx.
func (x *tx) EnqueueChat(ctx context.Context, p stormdesk.ChatPost, platforms []string, at time.Time) (int, error) {
	if p.Kind == stormdesk.ChatPostUpdate {
		// An alert or update still waiting to be claimed renders the
		// incident when it is sent, so it already carries this change.
		var keep []string
		for _, pl := range platforms {
			var waiting int
			if err := x.c.QueryRow(ctx, `SELECT count(*) FROM outbox o JOIN outbox_messages m ON m.message_id = o.message_id
WHERE o.channel = 'chat' AND m.incident_id = $1 AND m.template IN ('alert', 'update') AND o.recipient = $2 AND o.state = 'pending'`,
				p.IncidentID, pl).Scan(&waiting); err != nil {
				return 0, fmt.Errorf("sqlstore: enqueue chat update of incident %d: %w", p.IncidentID, err)
			}
			if waiting == 0 {
				keep = append(keep, pl)
			}
		}
		platforms = keep
	}
	if len(platforms) == 0 {
		return 0, nil
	}
	if _, err := x.c.Exec(ctx, `INSERT INTO outbox_messages (message_id, incident_id, template, subject, text, html, created_at, state, channel)
VALUES ($1, $2, $3, $4, '', '', $5, $6, 'chat') ON CONFLICT (message_id) DO NOTHING`, p.ID, p.IncidentID, p.Kind, p.Text, x.d.EncodeTime(at),
		stormdesk.MessageQueued); err != nil {
		return 0, fmt.Errorf("sqlstore: enqueue chat %s: %w", p.ID, err)
	}
	pairs := make([][2]string, len(platforms))
	for i, pl := range platforms {
		pairs[i] = [2]string{pl, ""}
	}
	list, _ := json.Marshal(pairs) // strings always marshal
	n, err := x.c.Exec(ctx, `INSERT INTO outbox (message_id, recipient, name, state, next_attempt_at, channel)
SELECT $1, r.a, r.b, $2, $3, 'chat' FROM (`+x.d.Pairs("$4")+`) AS r WHERE true
ON CONFLICT (message_id, recipient) DO NOTHING`, p.ID, stormdesk.OutboxPending, x.d.EncodeTime(at), string(list))
	if err != nil {
		return 0, fmt.Errorf("sqlstore: enqueue chat %s for %d platforms: %w", p.ID, len(platforms), err)
	}
	return int(n), nil
}

// ChatOutbox implements stormdesk.ChatOutboxStore.
func (s *Store) ChatOutbox() stormdesk.Outbox { return chatOutbox{s} }

type chatOutbox struct{ *Store }

// Claim takes due chat rows, oldest first, but only the oldest unsettled
// row of each incident and platform: a row waits while an earlier one of
// the same incident and platform is pending, claimed or sending, so an
// update never overtakes the alert it edits, on one replica or several
// (on Postgres a racing claimer skips the locked head row and then sees it
// still unsettled, so it takes nothing of that incident).
func (o chatOutbox) Claim(ctx context.Context, token string, now time.Time, lease time.Duration, max int) (out []stormdesk.OutboxClaim, err error) {
	if max <= 0 {
		return nil, nil
	}
	err = o.Update(ctx, func(t stormdesk.Tx) error {
		x := t.(*tx)
		rows, err := x.c.Query(ctx, fmt.Sprintf(`SELECT o.id, o.message_id, o.recipient, o.attempts, m.incident_id, m.template, m.subject
FROM outbox o JOIN outbox_messages m ON m.message_id = o.message_id
WHERE o.channel = 'chat' AND o.state IN ('pending', 'claimed')
  AND ((o.state = 'pending' AND o.next_attempt_at <= $1) OR (o.state = 'claimed' AND o.lease_until <= $1))
  AND NOT EXISTS (SELECT 1 FROM outbox p JOIN outbox_messages pm ON pm.message_id = p.message_id
    WHERE p.channel = 'chat' AND pm.incident_id = m.incident_id AND p.recipient = o.recipient AND p.id < o.id
      AND p.state IN ('pending', 'claimed', 'sending'))
ORDER BY o.id LIMIT %d%s`, max, o.d.LockRows), o.d.EncodeTime(now))
		if err != nil {
			return err
		}
		out, err = o.takeSingles(ctx, x, rows, token, now.Add(lease), func(c *stormdesk.OutboxClaim, r *stormdesk.OutboxRecipient) error {
			return rows.Scan(&r.ID, &c.Message.MessageID, &r.Email, &r.Attempts, &c.Message.IncidentID, &c.Message.Template, &c.Message.Subject)
		})
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("sqlstore: claim chat rows: %w", err)
	}
	return out, nil
}

// takeSingles reads claimable rows of one recipient each (scan fills the
// claim and its recipient from the current row) and marks them claimed
// by token until leaseUntil, in x: the claim of the chat and helpdesk
// outboxes, whose rows are sent one by one.
func (s *Store) takeSingles(ctx context.Context, x *tx, rows Rows, token string, leaseUntil time.Time, scan func(*stormdesk.OutboxClaim, *stormdesk.OutboxRecipient) error) ([]stormdesk.OutboxClaim, error) {
	var out []stormdesk.OutboxClaim
	var taken []int64
	for rows.Next() {
		var c stormdesk.OutboxClaim
		var r stormdesk.OutboxRecipient
		if err := scan(&c, &r); err != nil {
			rows.Close()
			return nil, err
		}
		c.Token, c.Recipients = token, []stormdesk.OutboxRecipient{r}
		out = append(out, c)
		taken = append(taken, r.ID)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(taken) == 0 {
		return nil, nil
	}
	cond, arg := s.d.InIDs("id", "$3", taken)
	if _, err := x.c.Exec(ctx, `UPDATE outbox SET state = 'claimed', claim_token = $1, lease_until = $2 WHERE `+cond, token, s.d.EncodeTime(leaseUntil), arg); err != nil {
		return nil, err
	}
	return out, nil
}

// ExpireInDoubt settles chat rows left sending (see stormdesk.Outbox).
func (o chatOutbox) ExpireInDoubt(ctx context.Context, before time.Time, resend bool, reason string) (int, error) {
	return o.expireInDoubt(ctx, stormdesk.ChannelChat, before, resend, reason)
}

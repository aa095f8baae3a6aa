package sqlstore

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"stormdesk"
	"stormdesk/notify"
)

// The outbox rows follow notify.Outbox's contract (states, tokens,
// leases); this file is where the store meets the email layer, so it
// speaks notify's row types.

var _ notify.Outbox = (*Store)(nil)

// EnqueueMessage implements stormdesk.Tx.
func (x *tx) EnqueueMessage(ctx context.Context, m *stormdesk.OutboundMessage, recipients []stormdesk.Customer, at time.Time) (int, error) {
	if _, err := x.c.Exec(ctx, `INSERT INTO outbox_messages (message_id, incident_id, template, subject, text, html, created_at, state, requested_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (message_id) DO NOTHING`, m.MessageID, m.IncidentID, m.Template, m.Subject, m.Text, m.HTML, x.d.EncodeTime(at),
		stormdesk.MessageQueued, m.RequestedBy); err != nil {
		return 0, fmt.Errorf("sqlstore: enqueue message %s: %w", m.MessageID, err)
	}
	n := 0
	args := make([][]any, len(recipients))
	for i, r := range recipients {
		args[i] = []any{m.MessageID, strings.ToLower(strings.TrimSpace(r.Email)), r.Name, notify.StatePending, x.d.EncodeTime(at)}
	}
	err := x.c.QueryRowBatch(ctx, `INSERT INTO outbox (message_id, recipient, name, state, next_attempt_at) VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (message_id, recipient) DO NOTHING RETURNING id`, args, func(i int, r Row) error {
		var id int64
		err := r.Scan(&id)
		switch {
		case err == nil:
			n++
		case !x.d.IsNoRows(err):
			return err
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("sqlstore: enqueue %d recipients of %s: %w", len(recipients), m.MessageID, err)
	}
	return n, nil
}

// Claim implements notify.Outbox.
func (s *Store) Claim(ctx context.Context, token string, now time.Time, lease time.Duration, max int) (out []notify.Claimed, err error) {
	if max <= 0 {
		return nil, nil
	}
	err = s.Update(ctx, func(t stormdesk.Tx) error {
		x := t.(*tx)
		rows, err := x.c.Query(ctx, fmt.Sprintf(`SELECT o.id, o.message_id, o.recipient, o.name, o.attempts, c.suppressed_at IS NOT NULL
FROM outbox o LEFT JOIN customers c ON c.email = o.recipient
WHERE (o.state = 'pending' AND o.next_attempt_at <= $1) OR (o.state = 'claimed' AND o.lease_until <= $1)
ORDER BY CASE WHEN o.state = 'pending' THEN o.next_attempt_at ELSE o.lease_until END, o.id
LIMIT %d%s`, max, s.d.LockRows), s.d.EncodeTime(now))
		if err != nil {
			return err
		}
		var suppressed, taken [][]any
		index := map[string]int{}
		for rows.Next() {
			var r notify.Recipient
			var msgID string
			var sup bool
			if err := rows.Scan(&r.ID, &msgID, &r.Email, &r.Name, &r.Attempts, &sup); err != nil {
				rows.Close()
				return err
			}
			if sup {
				suppressed = append(suppressed, []any{notify.StateSuppressed, r.ID})
				continue
			}
			i, ok := index[msgID]
			if !ok {
				i = len(out)
				index[msgID] = i
				out = append(out, notify.Claimed{Token: token, Message: notify.Message{MessageID: msgID}})
			}
			out[i].Recipients = append(out[i].Recipients, r)
			taken = append(taken, []any{token, s.d.EncodeTime(now.Add(lease)), r.ID})
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if err := x.c.ExecBatch(ctx, `UPDATE outbox SET state = $1 WHERE id = $2`, suppressed); err != nil {
			return err
		}
		if err := x.c.ExecBatch(ctx, `UPDATE outbox SET state = 'claimed', claim_token = $1, lease_until = $2 WHERE id = $3`, taken); err != nil {
			return err
		}
		for i := range out {
			m := &out[i].Message
			if err := x.c.QueryRow(ctx, `SELECT incident_id, template, subject, text, html FROM outbox_messages WHERE message_id = $1`, m.MessageID).
				Scan(&m.IncidentID, &m.Template, &m.Subject, &m.Text, &m.HTML); err != nil {
				return err
			}
			slices.SortFunc(out[i].Recipients, func(a, b notify.Recipient) int { return cmp.Compare(a.ID, b.ID) })
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("sqlstore: claim outbox rows: %w", err)
	}
	return out, nil
}

// fenced runs q once per id, for rows that still carry token.
func (s *Store) fenced(ctx context.Context, what, q string, ids []int64, args func(id int64) []any) error {
	err := s.Update(ctx, func(t stormdesk.Tx) error {
		all := make([][]any, len(ids))
		for i, id := range ids {
			all[i] = args(id)
		}
		return t.(*tx).c.ExecBatch(ctx, q, all)
	})
	if err != nil {
		return fmt.Errorf("sqlstore: %s: %w", what, err)
	}
	return nil
}

// MarkSending implements notify.Outbox.
func (s *Store) MarkSending(ctx context.Context, token string, ids []int64, at time.Time) (held []int64, err error) {
	err = s.Update(ctx, func(t stormdesk.Tx) error {
		args := make([][]any, len(ids))
		for i, id := range ids {
			args[i] = []any{id, token}
		}
		return t.(*tx).c.QueryRowBatch(ctx, `UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE id = $1 AND claim_token = $2 AND state = 'claimed' RETURNING id`,
			args, func(i int, r Row) error {
				var id int64
				err := r.Scan(&id)
				switch {
				case err == nil:
					held = append(held, id)
				case !s.d.IsNoRows(err):
					return err
				}
				return nil
			})
	})
	if err != nil {
		return nil, fmt.Errorf("sqlstore: mark sending: %w", err)
	}
	slices.Sort(held)
	return held, nil
}

// MarkSent implements notify.Outbox.
func (s *Store) MarkSent(ctx context.Context, token string, ids []int64, at time.Time, providerID string) error {
	return s.fenced(ctx, "mark sent", `UPDATE outbox SET state = 'sent', sent_at = $1, provider_id = $2, last_error = '' WHERE id = $3 AND claim_token = $4 AND state IN ('sending', 'failed')`,
		ids, func(id int64) []any { return []any{s.d.EncodeTime(at), providerID, id, token} })
}

// MarkRetry implements notify.Outbox.
func (s *Store) MarkRetry(ctx context.Context, token string, ids []int64, next time.Time, reason string) error {
	return s.fenced(ctx, "mark retry", `UPDATE outbox SET state = 'pending', next_attempt_at = $1, last_error = $2 WHERE id = $3 AND claim_token = $4 AND state IN ('claimed', 'sending')`,
		ids, func(id int64) []any { return []any{s.d.EncodeTime(next), reason, id, token} })
}

// MarkFailed implements notify.Outbox.
func (s *Store) MarkFailed(ctx context.Context, token string, ids []int64, at time.Time, reason string) error {
	return s.fenced(ctx, "mark failed", `UPDATE outbox SET state = 'failed', last_error = $1 WHERE id = $2 AND claim_token = $3 AND state IN ('claimed', 'sending')`,
		ids, func(id int64) []any { return []any{reason, id, token} })
}

// Reconcile implements notify.Outbox.
func (s *Store) Reconcile(ctx context.Context, token, messageID string, at time.Time) (n int, err error) {
	err = s.Update(ctx, func(t stormdesk.Tx) error {
		c, err := t.(*tx).c.Exec(ctx, `UPDATE outbox SET state = 'sent', sent_at = $1, last_error = '' WHERE claim_token = $2 AND message_id = $3 AND state IN ('sending', 'failed')`,
			s.d.EncodeTime(at), token, messageID)
		n = int(c)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("sqlstore: reconcile %s: %w", messageID, err)
	}
	return n, nil
}

// ExpireInDoubt implements notify.Outbox.
func (s *Store) ExpireInDoubt(ctx context.Context, before time.Time, resend bool, reason string) (n int, err error) {
	q := `UPDATE outbox SET state = 'failed', last_error = $1 WHERE state = 'sending' AND lease_until <= $2`
	if resend {
		q = `UPDATE outbox SET state = 'pending', next_attempt_at = lease_until, last_error = $1 WHERE state = 'sending' AND lease_until <= $2`
	}
	err = s.Update(ctx, func(t stormdesk.Tx) error {
		c, err := t.(*tx).c.Exec(ctx, q, reason, s.d.EncodeTime(before))
		n = int(c)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("sqlstore: expire in-doubt rows: %w", err)
	}
	return n, nil
}

// OutboxRows returns the rows of one message in id order.
func (s *Store) OutboxRows(ctx context.Context, messageID string) (out []stormdesk.Notification, err error) {
	err = s.View(ctx, func(t stormdesk.Tx) error {
		rows, err := t.(*tx).c.Query(ctx, `SELECT o.id, m.incident_id, o.message_id, m.template, o.recipient, o.state, o.attempts, o.last_error, o.sent_at
FROM outbox o JOIN outbox_messages m ON m.message_id = o.message_id WHERE o.message_id = $1 ORDER BY o.id`, messageID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var n stormdesk.Notification
			var sent ts
			if err := rows.Scan(&n.ID, &n.IncidentID, &n.MessageID, &n.Template, &n.Recipient, &n.State, &n.Attempts, &n.LastError, &sent); err != nil {
				return err
			}
			n.SentAt = sent.ptr()
			out = append(out, n)
		}
		return rows.Err()
	})
	return out, err
}

// SettledMessages implements stormdesk.Tx.
func (x *tx) SettledMessages(ctx context.Context) ([]stormdesk.DeliveryReport, error) {
	rows, err := x.c.Query(ctx, `SELECT m.message_id, m.incident_id, m.template,
  count(*) FILTER (WHERE o.state = 'sent'), count(*) FILTER (WHERE o.state = 'failed'), count(*) FILTER (WHERE o.state = 'suppressed')
FROM outbox_messages m JOIN outbox o ON o.message_id = m.message_id
WHERE o.reported_at IS NULL
GROUP BY m.message_id, m.incident_id, m.template
HAVING count(*) FILTER (WHERE o.state IN ('pending', 'claimed', 'sending')) = 0
ORDER BY m.message_id`)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: settled messages: %w", err)
	}
	defer rows.Close()
	var out []stormdesk.DeliveryReport
	for rows.Next() {
		var r stormdesk.DeliveryReport
		if err := rows.Scan(&r.MessageID, &r.IncidentID, &r.Template, &r.Sent, &r.Failed, &r.Suppressed); err != nil {
			return nil, fmt.Errorf("sqlstore: scan settled message: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// MarkReported implements stormdesk.Tx.
func (x *tx) MarkReported(ctx context.Context, messageID string, at time.Time) (bool, error) {
	n, err := x.c.Exec(ctx, `UPDATE outbox SET reported_at = $1 WHERE message_id = $2 AND reported_at IS NULL AND state IN ('sent', 'failed', 'suppressed')`,
		x.d.EncodeTime(at), messageID)
	if err != nil {
		return false, fmt.Errorf("sqlstore: mark %s reported: %w", messageID, err)
	}
	return n > 0, nil
}

const messageCols = `message_id, incident_id, template, subject, text, html, state, created_at, requested_by, requester_key, audience, decided_by, decided_at`

func scanMessage(r interface{ Scan(...any) error }, extra ...any) (*stormdesk.OutboundMessage, error) {
	var m stormdesk.OutboundMessage
	var created, decided ts
	dst := append([]any{&m.MessageID, &m.IncidentID, &m.Template, &m.Subject, &m.Text, &m.HTML, &m.State, &created, &m.RequestedBy, &m.RequesterKey,
		&m.Audience, &m.DecidedBy, &decided}, extra...)
	if err := r.Scan(dst...); err != nil {
		return nil, err
	}
	m.CreatedAt, m.DecidedAt = created.t, decided.ptr()
	return &m, nil
}

// HoldMessage implements stormdesk.Tx.
func (x *tx) HoldMessage(ctx context.Context, m *stormdesk.OutboundMessage) error {
	_, err := x.c.Exec(ctx, `INSERT INTO outbox_messages (message_id, incident_id, template, subject, text, html, created_at, state, requested_by, requester_key, audience)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`, m.MessageID, m.IncidentID, m.Template, m.Subject, m.Text, m.HTML, x.d.EncodeTime(m.CreatedAt),
		stormdesk.MessageHeld, m.RequestedBy, m.RequesterKey, m.Audience)
	switch {
	case x.d.IsUniqueViolation(err):
		return stormdesk.Errorf(stormdesk.ECONFLICT, "message %s already exists", m.MessageID)
	case err != nil:
		return fmt.Errorf("sqlstore: hold message %s: %w", m.MessageID, err)
	}
	m.State = stormdesk.MessageHeld
	return nil
}

// Message implements stormdesk.Tx.
func (x *tx) Message(ctx context.Context, messageID string) (*stormdesk.OutboundMessage, error) {
	m, err := scanMessage(x.c.QueryRow(ctx, `SELECT `+messageCols+` FROM outbox_messages WHERE message_id = $1`, messageID))
	if x.d.IsNoRows(err) {
		return nil, stormdesk.Errorf(stormdesk.ENOTFOUND, "email %s not found", messageID)
	} else if err != nil {
		return nil, fmt.Errorf("sqlstore: load message %s: %w", messageID, err)
	}
	return m, nil
}

// DecideMessage implements stormdesk.Tx.
func (x *tx) DecideMessage(ctx context.Context, messageID, state, by string, at time.Time) (*stormdesk.OutboundMessage, error) {
	if state != stormdesk.MessageQueued && state != stormdesk.MessageCancelled {
		return nil, stormdesk.Errorf(stormdesk.EINVALID, "message state %q: want queued or cancelled", state)
	}
	// The conditional update is the decision: under concurrent approvals
	// on Postgres the second waits for the first, re-checks the state
	// and changes nothing.
	n, err := x.c.Exec(ctx, `UPDATE outbox_messages SET state = $1, decided_by = $2, decided_at = $3 WHERE message_id = $4 AND state = $5`,
		state, by, x.d.EncodeTime(at), messageID, stormdesk.MessageHeld)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: decide message %s: %w", messageID, err)
	}
	m, err := x.Message(ctx, messageID)
	if err != nil {
		return nil, err
	}
	if n == 0 {
		what := "was " + m.State
		if m.DecidedBy != "" {
			verb := "approved"
			if m.State == stormdesk.MessageCancelled {
				verb = "cancelled"
			}
			what = verb + " by " + m.DecidedBy
		}
		return m, stormdesk.Errorf(stormdesk.ECONFLICT, "this email %s already", what)
	}
	return m, nil
}

// Messages implements stormdesk.Tx.
func (x *tx) Messages(ctx context.Context, incidentID int64, since time.Time) ([]stormdesk.MessageDeliveries, error) {
	q := `SELECT ` + prefixCols("m.", messageCols) + `,
  count(o.id) FILTER (WHERE o.state IN ('pending', 'claimed', 'sending')), count(o.id) FILTER (WHERE o.state = 'sent'),
  count(o.id) FILTER (WHERE o.state = 'failed'), count(o.id) FILTER (WHERE o.state = 'suppressed')
FROM outbox_messages m LEFT JOIN outbox o ON o.message_id = m.message_id
WHERE m.created_at >= $1 AND (CAST($2 AS BIGINT) = 0 OR m.incident_id = CAST($2 AS BIGINT))
GROUP BY ` + prefixCols("m.", messageCols) + `
ORDER BY m.created_at, m.message_id`
	rows, err := x.c.Query(ctx, q, x.d.EncodeTime(since), incidentID)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: list messages: %w", err)
	}
	defer rows.Close()
	out := []stormdesk.MessageDeliveries{}
	for rows.Next() {
		var d stormdesk.MessageDeliveries
		m, err := scanMessage(rows, &d.Pending, &d.Sent, &d.Failed, &d.Suppressed)
		if err != nil {
			return nil, fmt.Errorf("sqlstore: scan message: %w", err)
		}
		d.OutboundMessage = *m
		out = append(out, d)
	}
	return out, rows.Err()
}

func prefixCols(prefix, cols string) string {
	parts := strings.Split(cols, ",")
	for i, c := range parts {
		parts[i] = prefix + strings.TrimSpace(c)
	}
	return strings.Join(parts, ", ")
}

// LatestMessage implements stormdesk.Tx.
func (x *tx) LatestMessage(ctx context.Context, incidentID int64) (*stormdesk.OutboundMessage, error) {
	m, err := scanMessage(x.c.QueryRow(ctx, `SELECT `+messageCols+` FROM outbox_messages WHERE incident_id = $1 AND state = $2
ORDER BY created_at DESC, message_id DESC LIMIT 1`, incidentID, stormdesk.MessageQueued))
	if x.d.IsNoRows(err) {
		return nil, stormdesk.Errorf(stormdesk.ENOTFOUND, "no email about incident %d yet", incidentID)
	} else if err != nil {
		return nil, fmt.Errorf("sqlstore: latest message of incident %d: %w", incidentID, err)
	}
	return m, nil
}

package sqlstore

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"stormdesk"
)

// The outbox rows follow stormdesk.Outbox's contract (states, tokens,
// leases), which notify's dispatcher drains; the contract lives in the
// domain so the store does not import the email adapter.

var _ stormdesk.Outbox = (*Store)(nil)

// EnqueueMessage implements stormdesk.OutboxTx.
func (x *tx) EnqueueMessage(ctx context.Context, m *stormdesk.OutboundMessage, recipients []stormdesk.Customer, at time.Time) (int, error) {
	if _, err := x.c.Exec(ctx, `INSERT INTO outbox_messages (message_id, incident_id, template, subject, text, html, created_at, state, requested_by, solicited, components)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (message_id) DO NOTHING`, m.MessageID, m.IncidentID, m.Template, m.Subject, m.Text, m.HTML, x.d.EncodeTime(at),
		stormdesk.MessageQueued, m.RequestedBy, boolInt(m.Solicited), strings.Join(m.Components, ",")); err != nil {
		return 0, fmt.Errorf("sqlstore: enqueue message %s: %w", m.MessageID, err)
	}
	if len(recipients) == 0 {
		return 0, nil
	}
	// One INSERT ... SELECT for the whole batch; the unique key keeps a
	// recipient once per message, and the count of rows inserted is the
	// number that are new. (WHERE true: SQLite's parser needs it before
	// ON CONFLICT after a SELECT.)
	pairs := make([][2]string, len(recipients))
	for i, r := range recipients {
		pairs[i] = [2]string{strings.ToLower(strings.TrimSpace(r.Email)), r.Name}
	}
	list, _ := json.Marshal(pairs) // strings always marshal
	n, err := x.c.Exec(ctx, `INSERT INTO outbox (message_id, recipient, name, state, next_attempt_at)
SELECT $1, r.a, r.b, $2, $3 FROM (`+x.d.Pairs("$4")+`) AS r WHERE true
ON CONFLICT (message_id, recipient) DO NOTHING`, m.MessageID, stormdesk.OutboxPending, x.d.EncodeTime(at), string(list))
	if err != nil {
		return 0, fmt.Errorf("sqlstore: enqueue %d recipients of %s: %w", len(recipients), m.MessageID, err)
	}
	return int(n), nil
}

// Claim implements stormdesk.Outbox.
func (s *Store) Claim(ctx context.Context, token string, now time.Time, lease time.Duration, max int) (out []stormdesk.OutboxClaim, err error) {
	if max <= 0 {
		return nil, nil
	}
	err = s.Update(ctx, func(t stormdesk.Tx) error {
		x := t.(*tx)
		// Two queries, each on its partial index (one query with an OR
		// and an ORDER BY over both made SQLite scan and sort the whole
		// outbox on every claim), merged in due order: rows due longest
		// ago first. The second query repeats the leased index's
		// condition so that SQLite sees the index applies.
		type row struct {
			r     stormdesk.OutboxRecipient
			msgID string
			sup   bool
			due   time.Time
		}
		var rs []row
		for _, q := range []string{
			`o.state = 'pending' AND o.next_attempt_at <= $1 ORDER BY o.next_attempt_at, o.id`,
			`o.state IN ('claimed', 'sending') AND o.state = 'claimed' AND o.lease_until <= $1 ORDER BY o.lease_until, o.id`,
		} {
			// A recipient is suppressed unless it only unsubscribed and
			// asked for this very message (a confirmation it requested):
			// the message is looked up only for such rows.
			rows, err := x.c.Query(ctx, fmt.Sprintf(`SELECT o.id, o.message_id, o.recipient, o.name, o.attempts,
  c.suppressed_at IS NOT NULL AND NOT (c.suppressed_why = 'unsubscribe' AND EXISTS (SELECT 1 FROM outbox_messages sm WHERE sm.message_id = o.message_id AND sm.solicited = 1)),
  CASE WHEN o.state = 'pending' THEN o.next_attempt_at ELSE o.lease_until END
FROM outbox o LEFT JOIN customers c ON c.email = o.recipient
WHERE o.channel = 'email' AND %s LIMIT %d%s`, q, max, s.d.LockRows), s.d.EncodeTime(now))
			if err != nil {
				return err
			}
			for rows.Next() {
				var w row
				var due ts
				if err := rows.Scan(&w.r.ID, &w.msgID, &w.r.Email, &w.r.Name, &w.r.Attempts, &w.sup, &due); err != nil {
					rows.Close()
					return err
				}
				w.due = due.t
				rs = append(rs, w)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
		}
		slices.SortFunc(rs, func(a, b row) int {
			if c := a.due.Compare(b.due); c != 0 {
				return c
			}
			return cmp.Compare(a.r.ID, b.r.ID)
		})
		if len(rs) > max {
			rs = rs[:max]
		}
		var suppressed, taken []int64
		index := map[string]int{}
		for _, w := range rs {
			if w.sup {
				suppressed = append(suppressed, w.r.ID)
				continue
			}
			i, ok := index[w.msgID]
			if !ok {
				i = len(out)
				index[w.msgID] = i
				out = append(out, stormdesk.OutboxClaim{Token: token, Message: stormdesk.OutboundMessage{MessageID: w.msgID}})
			}
			out[i].Recipients = append(out[i].Recipients, w.r)
			taken = append(taken, w.r.ID)
		}
		if len(suppressed) > 0 {
			cond, arg := s.d.InIDs("id", "$2", suppressed)
			if _, err := x.c.Exec(ctx, `UPDATE outbox SET state = $1 WHERE `+cond, stormdesk.OutboxSuppressed, arg); err != nil {
				return err
			}
		}
		if len(taken) > 0 {
			cond, arg := s.d.InIDs("id", "$3", taken)
			if _, err := x.c.Exec(ctx, `UPDATE outbox SET state = 'claimed', claim_token = $1, lease_until = $2 WHERE `+cond, token, s.d.EncodeTime(now.Add(lease)), arg); err != nil {
				return err
			}
		}
		for i := range out {
			m := &out[i].Message
			var solicited int
			var components string
			if err := x.c.QueryRow(ctx, `SELECT incident_id, template, subject, text, html, solicited, components FROM outbox_messages WHERE message_id = $1`, m.MessageID).
				Scan(&m.IncidentID, &m.Template, &m.Subject, &m.Text, &m.HTML, &solicited, &components); err != nil {
				return err
			}
			m.Solicited, m.Components = solicited == 1, splitList(components)
			slices.SortFunc(out[i].Recipients, func(a, b stormdesk.OutboxRecipient) int { return cmp.Compare(a.ID, b.ID) })
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("sqlstore: claim outbox rows: %w", err)
	}
	return out, nil
}

// fenced runs one UPDATE over the rows ids that still carry token: set
// is its SET clause with placeholders $1.., args their values, and the
// statement's WHERE adds the id list, the token and the allowed states.
func (s *Store) fenced(ctx context.Context, what, set, states string, ids []int64, token string, args ...any) error {
	if len(ids) == 0 {
		return nil
	}
	cond, list := s.d.InIDs("id", fmt.Sprintf("$%d", len(args)+1), ids)
	q := fmt.Sprintf(`UPDATE outbox SET %s WHERE %s AND claim_token = $%d AND state IN (%s)`, set, cond, len(args)+2, states)
	err := s.Update(ctx, func(t stormdesk.Tx) error {
		_, err := t.(*tx).c.Exec(ctx, q, append(args, list, token)...)
		return err
	})
	if err != nil {
		return fmt.Errorf("sqlstore: %s: %w", what, err)
	}
	return nil
}

// MarkSending implements stormdesk.Outbox.
func (s *Store) MarkSending(ctx context.Context, token string, ids []int64, at time.Time) (held []int64, err error) {
	if len(ids) == 0 {
		return nil, nil
	}
	cond, list := s.d.InIDs("id", "$1", ids)
	err = s.Update(ctx, func(t stormdesk.Tx) error {
		rows, err := t.(*tx).c.Query(ctx, `UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE `+cond+` AND claim_token = $2 AND state = 'claimed' RETURNING id`,
			list, token)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return err
			}
			held = append(held, id)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("sqlstore: mark sending: %w", err)
	}
	slices.Sort(held)
	return held, nil
}

// MarkSent implements stormdesk.Outbox.
func (s *Store) MarkSent(ctx context.Context, token string, ids []int64, at time.Time, providerID string) error {
	return s.fenced(ctx, "mark sent", `state = 'sent', sent_at = $1, provider_id = $2, last_error = ''`, `'sending', 'failed'`,
		ids, token, s.d.EncodeTime(at), providerID)
}

// MarkRetry implements stormdesk.Outbox.
func (s *Store) MarkRetry(ctx context.Context, token string, ids []int64, next time.Time, reason string) error {
	return s.fenced(ctx, "mark retry", `state = 'pending', next_attempt_at = $1, last_error = $2`, `'claimed', 'sending'`,
		ids, token, s.d.EncodeTime(next), reason)
}

// MarkFailed implements stormdesk.Outbox.
func (s *Store) MarkFailed(ctx context.Context, token string, ids []int64, at time.Time, reason string) error {
	return s.fenced(ctx, "mark failed", `state = 'failed', last_error = $1`, `'claimed', 'sending'`, ids, token, reason)
}

// Reconcile implements stormdesk.Outbox.
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

// ExpireInDoubt implements stormdesk.Outbox for the email rows.
func (s *Store) ExpireInDoubt(ctx context.Context, before time.Time, resend bool, reason string) (n int, err error) {
	return s.expireInDoubt(ctx, stormdesk.ChannelEmail, before, resend, reason)
}

func (s *Store) expireInDoubt(ctx context.Context, channel string, before time.Time, resend bool, reason string) (n int, err error) {
	set := `state = 'failed', last_error = $1`
	if resend {
		set = `state = 'pending', next_attempt_at = lease_until, last_error = $1`
	}
	q := `UPDATE outbox SET ` + set + ` WHERE state = 'sending' AND lease_until <= $2
  AND channel = $3`
	err = s.Update(ctx, func(t stormdesk.Tx) error {
		c, err := t.(*tx).c.Exec(ctx, q, reason, s.d.EncodeTime(before), channel)
		n = int(c)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("sqlstore: expire in-doubt rows: %w", err)
	}
	return n, nil
}

// OutboxRows returns the rows of one message in id order.
func (s *Store) OutboxRows(ctx context.Context, messageID string) (out []stormdesk.Delivery, err error) {
	err = s.View(ctx, func(t stormdesk.Tx) error {
		rows, err := t.(*tx).c.Query(ctx, `SELECT o.id, m.incident_id, o.message_id, m.template, o.recipient, o.state, o.attempts, o.last_error, o.sent_at
FROM outbox o JOIN outbox_messages m ON m.message_id = o.message_id WHERE o.message_id = $1 ORDER BY o.id`, messageID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var n stormdesk.Delivery
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

// SettledMessages implements stormdesk.OutboxTx.
func (x *tx) SettledMessages(ctx context.Context) ([]stormdesk.DeliveryReport, error) {
	rows, err := x.c.Query(ctx, `SELECT m.message_id, m.incident_id, m.template,
  count(*) FILTER (WHERE o.state = 'sent'), count(*) FILTER (WHERE o.state = 'failed'), count(*) FILTER (WHERE o.state = 'suppressed')
FROM outbox_messages m JOIN outbox o ON o.message_id = m.message_id
WHERE o.reported_at IS NULL AND m.channel = 'email'
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

// MarkReported implements stormdesk.OutboxTx.
func (x *tx) MarkReported(ctx context.Context, messageID string, at time.Time) (bool, error) {
	n, err := x.c.Exec(ctx, `UPDATE outbox SET reported_at = $1 WHERE message_id = $2 AND reported_at IS NULL AND state IN ('sent', 'failed', 'suppressed')`,
		x.d.EncodeTime(at), messageID)
	if err != nil {
		return false, fmt.Errorf("sqlstore: mark %s reported: %w", messageID, err)
	}
	return n > 0, nil
}

const messageCols = `message_id, incident_id, template, subject, text, html, state, created_at, requested_by, requester_key, audience, decided_by, decided_at, solicited, components`

func scanMessage(r interface{ Scan(...any) error }, extra ...any) (*stormdesk.OutboundMessage, error) {
	var m stormdesk.OutboundMessage
	var created, decided ts
	var solicited int
	var components string
	dst := append([]any{&m.MessageID, &m.IncidentID, &m.Template, &m.Subject, &m.Text, &m.HTML, &m.State, &created, &m.RequestedBy, &m.RequesterKey,
		&m.Audience, &m.DecidedBy, &decided, &solicited, &components}, extra...)
	if err := r.Scan(dst...); err != nil {
		return nil, err
	}
	m.CreatedAt, m.DecidedAt = created.t, decided.ptr()
	m.Solicited, m.Components = solicited == 1, splitList(components)
	return &m, nil
}

// splitList reads a comma-separated column ("" is no items).
func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// HoldMessage implements stormdesk.OutboxTx.
func (x *tx) HoldMessage(ctx context.Context, m *stormdesk.OutboundMessage) error {
	_, err := x.c.Exec(ctx, `INSERT INTO outbox_messages (message_id, incident_id, template, subject, text, html, created_at, state, requested_by, requester_key, audience, solicited, components)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`, m.MessageID, m.IncidentID, m.Template, m.Subject, m.Text, m.HTML, x.d.EncodeTime(m.CreatedAt),
		stormdesk.MessageHeld, m.RequestedBy, m.RequesterKey, m.Audience, boolInt(m.Solicited), strings.Join(m.Components, ","))
	switch {
	case x.d.IsUniqueViolation(err):
		return stormdesk.Errorf(stormdesk.ECONFLICT, "message %s already exists", m.MessageID)
	case err != nil:
		return fmt.Errorf("sqlstore: hold message %s: %w", m.MessageID, err)
	}
	m.State = stormdesk.MessageHeld
	return nil
}

// Message implements stormdesk.OutboxTx.
func (x *tx) Message(ctx context.Context, messageID string) (*stormdesk.OutboundMessage, error) {
	m, err := scanMessage(x.c.QueryRow(ctx, `SELECT `+messageCols+` FROM outbox_messages WHERE message_id = $1`, messageID))
	if x.d.IsNoRows(err) {
		return nil, stormdesk.Errorf(stormdesk.ENOTFOUND, "email %s not found", messageID)
	} else if err != nil {
		return nil, fmt.Errorf("sqlstore: load message %s: %w", messageID, err)
	}
	return m, nil
}

// DecideMessage implements stormdesk.OutboxTx.
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

// Messages implements stormdesk.OutboxTx.
func (x *tx) Messages(ctx context.Context, incidentID int64, since time.Time) ([]stormdesk.MessageDeliveries, error) {
	q := `SELECT ` + prefixCols("m.", messageCols) + `,
  count(o.id) FILTER (WHERE o.state IN ('pending', 'claimed', 'sending')), count(o.id) FILTER (WHERE o.state = 'sent'),
  count(o.id) FILTER (WHERE o.state = 'failed'), count(o.id) FILTER (WHERE o.state = 'suppressed')
FROM outbox_messages m LEFT JOIN outbox o ON o.message_id = m.message_id
WHERE m.channel = 'email' AND m.created_at >= $1 AND (CAST($2 AS BIGINT) = 0 OR m.incident_id = CAST($2 AS BIGINT))
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

// LatestMessage implements stormdesk.OutboxTx.
func (x *tx) LatestMessage(ctx context.Context, incidentID int64) (*stormdesk.OutboundMessage, error) {
	m, err := scanMessage(x.c.QueryRow(ctx, `SELECT `+messageCols+` FROM outbox_messages WHERE incident_id = $1 AND state = $2 AND channel = 'email'
ORDER BY created_at DESC, message_id DESC LIMIT 1`, incidentID, stormdesk.MessageQueued))
	if x.d.IsNoRows(err) {
		return nil, stormdesk.Errorf(stormdesk.ENOTFOUND, "no email about incident %d yet", incidentID)
	} else if err != nil {
		return nil, fmt.Errorf("sqlstore: latest message of incident %d: %w", incidentID, err)
	}
	return m, nil
}

package sqlstore

import (
	"context"
	"fmt"
	"time"

	"stormdesk"
)

// Helpdesk write-back jobs ride the outbox as chat posts do: a message
// row per job (channel 'helpdesk', template = the kind, subject and text
// as given) and one outbox row (name = the helpdesk, recipient = the
// customer's ticket, '' for the problem ticket). The fenced Mark methods
// are the email code unchanged; what is due (the order of an incident's
// jobs) and what an in-doubt row becomes are helpdeskOutbox's. A reply
// is a job on the customer's ticket (their conversation), like a link.

// EnqueueHelpdesk implements stormdesk.OutboxTx.
func (x *tx) EnqueueHelpdesk(ctx context.Context, j stormdesk.HelpdeskJob, at time.Time) (bool, error) {
	if j.ID == "" || j.Helpdesk == "" || j.IncidentID == 0 {
		return false, stormdesk.Errorf(stormdesk.EINVALID, "helpdesk job: id, helpdesk and incident required")
	}
	switch j.Kind {
	case stormdesk.HelpdeskLink, stormdesk.HelpdeskUnlink:
		if j.Ticket == "" {
			return false, stormdesk.Errorf(stormdesk.EINVALID, "helpdesk job %s: a %s needs the customer's ticket", j.ID, j.Kind)
		}
		kind, state, err := x.helpdeskLatest(ctx, j.IncidentID, j.Helpdesk, j.Ticket)
		if err != nil {
			return false, err
		}
		// A link is tried once per membership: one that failed (a
		// deleted ticket) is not tried again.
		if j.Kind == stormdesk.HelpdeskLink && kind == stormdesk.HelpdeskLink ||
			j.Kind == stormdesk.HelpdeskUnlink && (kind != stormdesk.HelpdeskLink || state == stormdesk.OutboxFailed) {
			return false, nil
		}
	case stormdesk.HelpdeskComment, stormdesk.HelpdeskSolve:
		var n int
		if err := x.c.QueryRow(ctx, `SELECT count(*) FROM outbox o JOIN outbox_messages m ON m.message_id = o.message_id
WHERE o.channel = 'helpdesk' AND o.name = $1 AND o.recipient = '' AND m.incident_id = $2 AND m.template = 'problem' AND o.state <> 'failed'`,
			j.Helpdesk, j.IncidentID).Scan(&n); err != nil {
			return false, fmt.Errorf("sqlstore: helpdesk problem of incident %d: %w", j.IncidentID, err)
		}
		if n == 0 {
			return false, nil
		}
		j.Ticket = ""
	case stormdesk.HelpdeskProblem:
		j.Ticket = ""
	case stormdesk.HelpdeskReply:
		if j.Ticket == "" {
			return false, stormdesk.Errorf(stormdesk.EINVALID, "helpdesk job %s: a reply needs the customer's conversation", j.ID)
		}
		var failed int
		if err := x.c.QueryRow(ctx, `SELECT count(*) FROM outbox o JOIN outbox_messages m ON m.message_id = o.message_id
WHERE o.channel = 'helpdesk' AND o.name = $1 AND o.recipient = $2 AND m.incident_id = $3 AND m.template = 'reply' AND o.state = 'failed'`,
			j.Helpdesk, j.Ticket, j.IncidentID).Scan(&failed); err != nil {
			return false, fmt.Errorf("sqlstore: helpdesk replies of %s: %w", j.Ticket, err)
		}
		if failed > 0 {
			return false, nil
		}
	default:
		return false, stormdesk.Errorf(stormdesk.EINVALID, "helpdesk job %s: unknown kind %q", j.ID, j.Kind)
	}
	if _, err := x.c.Exec(ctx, `INSERT INTO outbox_messages (message_id, incident_id, template, subject, text, html, created_at, state, channel)
VALUES ($1, $2, $3, $4, $5, '', $6, $7, 'helpdesk') ON CONFLICT (message_id) DO NOTHING`, j.ID, j.IncidentID, j.Kind, j.Subject, j.Text,
		x.d.EncodeTime(at), stormdesk.MessageQueued); err != nil {
		return false, fmt.Errorf("sqlstore: enqueue helpdesk job %s: %w", j.ID, err)
	}
	n, err := x.c.Exec(ctx, `INSERT INTO outbox (message_id, recipient, name, state, next_attempt_at, channel)
VALUES ($1, $2, $3, $4, $5, 'helpdesk') ON CONFLICT (message_id, recipient) DO NOTHING`, j.ID, j.Ticket, j.Helpdesk, stormdesk.OutboxPending, x.d.EncodeTime(at))
	if err != nil {
		return false, fmt.Errorf("sqlstore: enqueue helpdesk job %s: %w", j.ID, err)
	}
	return n > 0, nil
}

// helpdeskLatest returns the kind and state of the latest link or unlink
// job of a ticket at an incident and helpdesk ("" when there is none).
func (x *tx) helpdeskLatest(ctx context.Context, incidentID int64, helpdesk, ticket string) (kind, state string, err error) {
	err = x.c.QueryRow(ctx, `SELECT m.template, o.state FROM outbox o JOIN outbox_messages m ON m.message_id = o.message_id
WHERE o.channel = 'helpdesk' AND o.name = $1 AND o.recipient = $2 AND m.incident_id = $3 AND m.template IN ('link', 'unlink')
ORDER BY o.id DESC LIMIT 1`, helpdesk, ticket, incidentID).Scan(&kind, &state)
	if x.d.IsNoRows(err) {
		return "", "", nil
	} else if err != nil {
		return "", "", fmt.Errorf("sqlstore: helpdesk link of ticket %s: %w", ticket, err)
	}
	return kind, state, nil
}

// HelpdeskProblem implements stormdesk.OutboxTx.
func (x *tx) HelpdeskProblem(ctx context.Context, incidentID int64, helpdesk string) (string, error) {
	var ref string
	err := x.c.QueryRow(ctx, `SELECT o.provider_id FROM outbox o JOIN outbox_messages m ON m.message_id = o.message_id
WHERE o.channel = 'helpdesk' AND o.name = $1 AND o.recipient = '' AND m.incident_id = $2 AND m.template = 'problem' AND o.state = 'sent' AND o.provider_id <> ''
ORDER BY o.id LIMIT 1`, helpdesk, incidentID).Scan(&ref)
	if x.d.IsNoRows(err) {
		return "", stormdesk.Errorf(stormdesk.ENOTFOUND, "incident %d has no %s problem ticket", incidentID, helpdesk)
	} else if err != nil {
		return "", fmt.Errorf("sqlstore: %s problem ticket of incident %d: %w", helpdesk, incidentID, err)
	}
	return ref, nil
}

// HelpdeskFailures implements stormdesk.OutboxTx.
func (x *tx) HelpdeskFailures(ctx context.Context) ([]stormdesk.HelpdeskFailure, error) {
	rows, err := x.c.Query(ctx, `SELECT o.message_id, m.incident_id, o.name, m.template, o.recipient, m.subject, o.last_error
FROM outbox o JOIN outbox_messages m ON m.message_id = o.message_id
WHERE o.channel = 'helpdesk' AND o.state = 'failed' AND o.reported_at IS NULL ORDER BY o.id`)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: failed helpdesk jobs: %w", err)
	}
	defer rows.Close()
	var out []stormdesk.HelpdeskFailure
	for rows.Next() {
		var f stormdesk.HelpdeskFailure
		if err := rows.Scan(&f.JobID, &f.IncidentID, &f.Helpdesk, &f.Kind, &f.Ticket, &f.Subject, &f.Reason); err != nil {
			return nil, fmt.Errorf("sqlstore: scan failed helpdesk job: %w", err)
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// HelpdeskOutbox implements stormdesk.HelpdeskOutboxStore.
func (s *Store) HelpdeskOutbox() stormdesk.Outbox { return helpdeskOutbox{s} }

type helpdeskOutbox struct{ *Store }

// Claim takes due helpdesk rows, oldest first, holding back each row
// that an earlier unsettled row of the same incident and helpdesk must
// precede (see stormdesk.HelpdeskJob): one on the problem ticket, or on
// the same customer's ticket, or any earlier row when this one is on the
// problem ticket. On Postgres a racing claimer skips a locked earlier
// row and then still sees it unsettled, so it takes nothing behind it.
func (o helpdeskOutbox) Claim(ctx context.Context, token string, now time.Time, lease time.Duration, max int) (out []stormdesk.OutboxClaim, err error) {
	if max <= 0 {
		return nil, nil
	}
	err = o.Update(ctx, func(t stormdesk.Tx) error {
		x := t.(*tx)
		rows, err := x.c.Query(ctx, fmt.Sprintf(`SELECT o.id, o.message_id, o.recipient, o.name, o.attempts, m.incident_id, m.template, m.subject, m.text
FROM outbox o JOIN outbox_messages m ON m.message_id = o.message_id
WHERE o.channel = 'helpdesk' AND o.state IN ('pending', 'claimed')
  AND ((o.state = 'pending' AND o.next_attempt_at <= $1) OR (o.state = 'claimed' AND o.lease_until <= $1))
  AND NOT EXISTS (SELECT 1 FROM outbox p JOIN outbox_messages pm ON pm.message_id = p.message_id
    WHERE p.channel = 'helpdesk' AND pm.incident_id = m.incident_id AND p.name = o.name AND p.id < o.id
      AND p.state IN ('pending', 'claimed', 'sending')
      AND (p.recipient = o.recipient OR p.recipient = '' OR o.recipient = ''))
ORDER BY o.id LIMIT %d%s`, max, o.d.LockRows), o.d.EncodeTime(now))
		if err != nil {
			return err
		}
		out, err = o.takeSingles(ctx, x, rows, token, now.Add(lease), func(c *stormdesk.OutboxClaim, r *stormdesk.OutboxRecipient) error {
			return rows.Scan(&r.ID, &c.Message.MessageID, &r.Email, &r.Name, &r.Attempts, &c.Message.IncidentID, &c.Message.Template,
				&c.Message.Subject, &c.Message.Text)
		})
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("sqlstore: claim helpdesk rows: %w", err)
	}
	return out, nil
}

// ExpireInDoubt settles helpdesk rows left sending (see
// stormdesk.HelpdeskOutboxStore): jobs whose write is idempotent go back
// to pending, due at once; comments and solves fail, whatever resend
// says, so that no customer is answered twice.
func (o helpdeskOutbox) ExpireInDoubt(ctx context.Context, before time.Time, _ bool, _ string) (n int, err error) {
	again := `message_id IN (SELECT message_id FROM outbox_messages WHERE channel = 'helpdesk' AND template IN ('problem', 'link', 'unlink'))`
	err = o.Update(ctx, func(t stormdesk.Tx) error {
		c, err := t.(*tx).c.Exec(ctx, `UPDATE outbox SET
  state = CASE WHEN `+again+` THEN 'pending' ELSE 'failed' END,
  next_attempt_at = CASE WHEN `+again+` THEN lease_until ELSE next_attempt_at END,
  last_error = $1
WHERE state = 'sending' AND lease_until <= $2 AND channel = 'helpdesk'`,
			"in doubt: the process stopped while the helpdesk had this write; a comment or solve is not sent again, any other write is (it is idempotent)",
			o.d.EncodeTime(before))
		n = int(c)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("sqlstore: expire in-doubt helpdesk rows: %w", err)
	}
	return n, nil
}

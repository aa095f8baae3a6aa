package notify

import (
	"context"
	"fmt"
	"time"

	"stormdesk"
)

// Helpdesk dispatcher defaults: one write is one small request, as a chat
// post is; Zendesk's rate limit (a 429 with Retry-After) pauses the
// dispatcher until the reset.
const (
	DefaultHelpdeskLease       = 30 * time.Second
	DefaultHelpdeskSendTimeout = 10 * time.Second
	DefaultHelpdeskBackoffBase = 5 * time.Second
	DefaultHelpdeskBackoffMax  = 10 * time.Minute
	// No event settles a helpdesk job later (as SendGrid's webhook
	// does an email), so a job left sending is settled as soon as its
	// lease is over: its dispatcher is dead or its request timed out.
	DefaultHelpdeskInDoubtAfter = time.Nanosecond
	DefaultHelpdeskBatch        = 10
)

// HelpdeskWriter is one helpdesk's write API as the helpdesk dispatcher
// drives it (zendesk.Desk). ticket and problem are the helpdesk's ids. An
// error may say whether to retry and when (Retryable() bool,
// RetryAfter() time.Duration, HTTPStatus() int); other errors are
// retried.
type HelpdeskWriter interface {
	// CreateProblem creates the incident's problem ticket and returns its
	// id. key is the same on every attempt of one job: sent as an
	// idempotency key, a retry returns the ticket the first one created.
	CreateProblem(ctx context.Context, incidentID int64, key, subject, description string) (problem string, err error)
	// Link makes ticket an incident of problem, with an internal note.
	Link(ctx context.Context, incidentID int64, ticket, problem, note string) error
	// Unlink takes ticket out of the incident's problem.
	Unlink(ctx context.Context, incidentID int64, ticket string) error
	// Comment posts a public comment on the problem ticket.
	Comment(ctx context.Context, problem, body string) error
	// Solve solves the problem ticket with a public comment.
	Solve(ctx context.Context, problem, body string) error
}

// Replier is a helpdesk without problem tickets as the helpdesk
// dispatcher drives it (intercom.Desk, helpscout.Desk): it answers a
// customer in their own conversation. Its errors say whether to retry, as
// HelpdeskWriter's do.
type Replier interface {
	Reply(ctx context.Context, r stormdesk.Reply) error
}

// Helpdesk is the Sender of the helpdesk dispatcher: it makes the one
// write of one claimed job (stormdesk.HelpdeskJob) through its helpdesk's
// writer.
type Helpdesk struct {
	// Store is read for the problem ticket's id at send time.
	Store stormdesk.Store
	// Writers by helpdesk name (stormdesk.SourceZendesk) make the
	// problem-ticket jobs; Repliers (stormdesk.SourceIntercom) the replies.
	Writers  map[string]HelpdeskWriter
	Repliers map[string]Replier
}

// NewHelpdeskDispatcher returns the dispatcher of an outbox's helpdesk
// jobs: one request per job, one round at a time. A comment or solve
// whose request was in flight when the process died is not sent again
// (at most once); the store resends the idempotent jobs (see
// stormdesk.HelpdeskOutboxStore).
func NewHelpdeskDispatcher(outbox Outbox, sender Sender) *Dispatcher {
	return &Dispatcher{Outbox: outbox, Sender: sender, BatchSize: DefaultHelpdeskBatch, Concurrency: 1,
		Lease: DefaultHelpdeskLease, SendTimeout: DefaultHelpdeskSendTimeout, BackoffBase: DefaultHelpdeskBackoffBase,
		BackoffMax: DefaultHelpdeskBackoffMax, InDoubt: InDoubtFail, InDoubtAfter: DefaultHelpdeskInDoubtAfter,
		ValidRecipient: func(string) bool { return true }}
}

// replyTx is what replyContext reads: the ticket a conversation belongs
// to and the email a reply stands in for.
type replyTx interface {
	stormdesk.TicketTx
	stormdesk.OutboxTx
}

// replyContext fills in what a reply names besides its conversation: the
// customer intake stored with the conversation's ticket, and whether the
// email the reply stands in for (messageID) is the resolution. A ticket or
// email that is not there leaves them empty: the helpdesk that needs
// them refuses the reply, and its failure is reported.
func replyContext(ctx context.Context, tx replyTx, desk, messageID string, r *stormdesk.Reply) error {
	t, err := tx.TicketByExternalID(ctx, desk, r.Conversation)
	switch {
	case err == nil:
		r.Customer = t.ExternalCustomerID
	case stormdesk.ErrorCode(err) != stormdesk.ENOTFOUND:
		return err
	}
	if messageID == "" {
		return nil
	}
	m, err := tx.Message(ctx, messageID)
	switch {
	case err == nil:
		r.Resolved = m.Template == string(stormdesk.StatusResolved)
	case stormdesk.ErrorCode(err) != stormdesk.ENOTFOUND:
		return err
	}
	return nil
}

// Send implements Sender.
func (h *Helpdesk) Send(ctx context.Context, b *Batch) (Result, error) {
	if len(b.Recipients) != 1 {
		return Result{}, &SendError{Reason: fmt.Sprintf("a helpdesk job is one request, not %d", len(b.Recipients))}
	}
	desk, ticket, m := b.Recipients[0].Name, b.Recipients[0].Email, b.Message
	if m.Template == stormdesk.HelpdeskReply {
		r, ok := h.Repliers[desk]
		if !ok {
			return Result{}, &SendError{Reason: fmt.Sprintf("helpdesk %q takes no replies here", desk)}
		}
		reply := stormdesk.Reply{Conversation: ticket, Text: m.Text}
		if err := h.Store.View(ctx, func(tx stormdesk.Tx) error { return replyContext(ctx, tx, desk, m.Subject, &reply) }); err != nil {
			return Result{Retry: true}, &SendError{Reason: "load the reply's conversation: " + stormdesk.ErrorMessage(err)}
		}
		if err := r.Reply(ctx, reply); err != nil {
			return errorResult(err)
		}
		return Result{}, nil
	}
	w, ok := h.Writers[desk]
	if !ok {
		return Result{}, &SendError{Reason: fmt.Sprintf("helpdesk %q is not configured", desk)}
	}
	var problem string
	switch m.Template {
	case stormdesk.HelpdeskProblem:
		ref, err := w.CreateProblem(ctx, m.IncidentID, m.MessageID, m.Subject, m.Text)
		if err != nil {
			return errorResult(err)
		}
		return Result{ProviderID: ref}, nil
	case stormdesk.HelpdeskLink, stormdesk.HelpdeskComment, stormdesk.HelpdeskSolve:
		err := h.Store.View(ctx, func(tx stormdesk.Tx) (err error) {
			problem, err = tx.HelpdeskProblem(ctx, m.IncidentID, desk)
			return err
		})
		if stormdesk.ErrorCode(err) == stormdesk.ENOTFOUND {
			// The problem job settles before any job behind it is
			// claimed: not sent means it failed.
			return Result{}, &SendError{Reason: fmt.Sprintf("incident %d has no %s problem ticket: creating it failed", m.IncidentID, desk)}
		} else if err != nil {
			return Result{Retry: true}, &SendError{Reason: "load the problem ticket: " + stormdesk.ErrorMessage(err)}
		}
	}
	var err error
	switch m.Template {
	case stormdesk.HelpdeskLink:
		err = w.Link(ctx, m.IncidentID, ticket, problem, m.Text)
	case stormdesk.HelpdeskUnlink:
		err = w.Unlink(ctx, m.IncidentID, ticket)
	case stormdesk.HelpdeskComment:
		err = w.Comment(ctx, problem, m.Text)
	case stormdesk.HelpdeskSolve:
		err = w.Solve(ctx, problem, m.Text)
	default:
		return Result{}, &SendError{Reason: fmt.Sprintf("unknown helpdesk job kind %q", m.Template)}
	}
	if err != nil {
		return errorResult(err)
	}
	return Result{}, nil
}

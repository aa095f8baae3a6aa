package notify

import (
	"context"
	"errors"
	"fmt"
	"time"

	"stormdesk"
)

// Chat dispatcher defaults: a chat post is one small request, so the
// lease and the wait before the first retry are shorter than email's.
const (
	DefaultChatLease        = 30 * time.Second
	DefaultChatSendTimeout  = 10 * time.Second
	DefaultChatBackoffBase  = 5 * time.Second
	DefaultChatBackoffMax   = 10 * time.Minute
	DefaultChatInDoubtAfter = 2 * time.Minute
)

// ChatPoster is one chat front end as the chat dispatcher drives it
// (bot.Alerter, wrapped by the Slack and Discord adapters). Each method
// renders from the incident it is given, as it is when the post is sent.
// An error may say whether to retry and when (Retryable() bool,
// RetryAfter() time.Duration, as bot.PostError does); other errors are
// retried.
type ChatPoster interface {
	// Alert posts the incident's alert, or updates the one it has.
	Alert(ctx context.Context, inc *stormdesk.Incident, reason string) error
	// UpdateAlert rewrites the incident's alert in place.
	UpdateAlert(ctx context.Context, inc *stormdesk.Incident) error
	// AskApproval asks the ops channel to approve a held email (inc is
	// nil for a maintenance's email).
	AskApproval(ctx context.Context, inc *stormdesk.Incident, m *stormdesk.OutboundMessage) error
	// Remind posts a reminder about the incident.
	Remind(ctx context.Context, inc *stormdesk.Incident, text string) error
}

// Chat is the Sender of the chat dispatcher: it delivers one claimed
// chat row (one post, one platform) through that platform's poster.
type Chat struct {
	// Store is read for the incident (and the held email) at send time.
	Store stormdesk.Store
	// Posters by platform name (bot.PlatformSlack, bot.PlatformDiscord).
	Posters map[string]ChatPoster
}

// DefaultChatBatch is how many chat rows one claim takes (each is still
// its own request, in order). A row whose lease runs out while earlier
// ones are sent may be taken by another replica; the claim token fences
// it, so it is still posted once.
const DefaultChatBatch = 10

// NewChatDispatcher returns the dispatcher of an outbox's chat rows: one
// request per row, one round at a time, the chat defaults, and platform
// names as recipients. In doubt (the process died while a post was in
// flight) a row is not posted again: at most once.
func NewChatDispatcher(outbox Outbox, sender Sender) *Dispatcher {
	return &Dispatcher{Outbox: outbox, Sender: sender, BatchSize: DefaultChatBatch, Concurrency: 1,
		Lease: DefaultChatLease, SendTimeout: DefaultChatSendTimeout, BackoffBase: DefaultChatBackoffBase,
		BackoffMax: DefaultChatBackoffMax, InDoubt: InDoubtFail, InDoubtAfter: DefaultChatInDoubtAfter,
		ValidRecipient: func(string) bool { return true }}
}

// Send implements Sender.
func (c *Chat) Send(ctx context.Context, b *Batch) (Result, error) {
	if len(b.Recipients) != 1 {
		return Result{}, &SendError{Reason: fmt.Sprintf("a chat post goes to one platform per request, not %d", len(b.Recipients))}
	}
	platform := b.Recipients[0].Email
	p, ok := c.Posters[platform]
	if !ok {
		return Result{}, &SendError{Reason: fmt.Sprintf("chat platform %q is not configured", platform)}
	}
	m := b.Message
	var inc *stormdesk.Incident
	var held *stormdesk.OutboundMessage
	err := c.Store.View(ctx, func(tx stormdesk.Tx) (err error) {
		// A held maintenance email belongs to no incident: its approval
		// request is posted with none.
		if m.IncidentID != 0 || m.Template != stormdesk.ChatPostApproval {
			if inc, err = tx.Incident(ctx, m.IncidentID); err != nil {
				return err
			}
		}
		if m.Template == stormdesk.ChatPostApproval {
			held, err = tx.Message(ctx, m.Subject)
		}
		return err
	})
	if err != nil {
		return Result{Retry: stormdesk.ErrorCode(err) != stormdesk.ENOTFOUND}, &SendError{Reason: "load what to post: " + stormdesk.ErrorMessage(err)}
	}
	switch m.Template {
	case stormdesk.ChatPostAlert:
		err = p.Alert(ctx, inc, m.Subject)
	case stormdesk.ChatPostUpdate:
		err = p.UpdateAlert(ctx, inc)
	case stormdesk.ChatPostApproval:
		err = p.AskApproval(ctx, inc, held)
	case stormdesk.ChatPostReminder:
		err = p.Remind(ctx, inc, m.Subject)
	default:
		return Result{}, &SendError{Reason: fmt.Sprintf("unknown chat post kind %q", m.Template)}
	}
	if err == nil {
		return Result{}, nil
	}
	return errorResult(err)
}

// errorResult turns a chat poster's or a helpdesk writer's error into the
// retry stage's terms.
func errorResult(err error) (Result, error) {
	res := Result{Retry: true}
	var r interface{ Retryable() bool }
	if errors.As(err, &r) {
		res.Retry = r.Retryable()
	}
	var ra interface{ RetryAfter() time.Duration }
	if errors.As(err, &ra) {
		res.RetryAfter = ra.RetryAfter()
	}
	status := 0
	var st interface{ HTTPStatus() int }
	if errors.As(err, &st) {
		status = st.HTTPStatus()
	}
	return res, &SendError{Status: status, Reason: err.Error()}
}

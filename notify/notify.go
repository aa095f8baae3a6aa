// Package notify sends customer email and chat posts about incidents, and
// takes email in.
//
// It follows Alertmanager's notify design: one small Sender per provider
// (SendGrid for email, the only importer of sendgrid-go; Chat for the
// Slack and Discord front ends), and ONE retry stage, the Dispatcher,
// which decides what is retried and when. Nothing is retried in memory:
// every retry goes back through the durable Outbox, so a crash at any
// instant loses no recipient and no alert. One dispatcher drains each
// channel of the outbox (NewChatDispatcher for chat).
//
// Errors returned by this package never carry the provider's URL or API
// key, so they can be logged and stored as a row's last error.
package notify

import (
	"context"
	"fmt"
	"time"

	"stormdesk"
)

// MaxBatch is the largest number of personalizations SendGrid accepts in
// one /v3/mail/send request.
const MaxBatch = 1000

// UnsubscribeTag is the placeholder to render into a message wherever the
// recipient's own unsubscribe link goes (pass it as
// templates.EmailData.UnsubscribeURL). The message is rendered once;
// SendGrid replaces the tag in each personalization with that recipient's
// link (a substitution), so a batch of 1,000 is one request, not 1,000.
const UnsubscribeTag = "-stormdesk_unsubscribe_url-"

// Message is one email about one incident (stormdesk.OutboundMessage).
type Message = stormdesk.OutboundMessage

// Recipient is one outbox row of a claimed batch
// (stormdesk.OutboxRecipient).
type Recipient = stormdesk.OutboxRecipient

// Batch is one provider request: one message to up to MaxBatch recipients.
// Token identifies the claim it came from (see Outbox); it travels to
// SendGrid as the custom arg stormdesk_batch so that webhook events can
// prove a batch was accepted (Outbox.Reconcile).
type Batch struct {
	Token      string
	Message    stormdesk.OutboundMessage
	Recipients []Recipient
}

// Sender hands a batch to an email provider.
type Sender interface {
	// Send returns nil when the provider accepted the whole batch. On
	// error, Result.Retry says whether trying again later may succeed
	// (rate limits, 5xx, timeouts, connection errors) or not (other 4xx),
	// and Result.RetryAfter, when not zero, is how long the provider asked
	// us to wait.
	Send(ctx context.Context, b *Batch) (Result, error)
}

// Result is what a provider said about one batch.
type Result struct {
	// ProviderID is the provider's id for an accepted request (SendGrid's
	// X-Message-Id).
	ProviderID string
	Retry      bool
	RetryAfter time.Duration
	// BadRecipients, on a permanent failure caused by some personalizations
	// only, holds their indexes in the batch: the dispatcher fails those
	// and sends the rest again.
	BadRecipients []int
}

// SendError is a provider's refusal, with a reason that is safe to store
// and show (it never contains the API key or the provider URL).
type SendError struct {
	// Status is the HTTP status, 0 when no response arrived.
	Status int
	Reason string
}

func (e *SendError) Error() string {
	if e.Status == 0 {
		return "notify: " + e.Reason
	}
	return fmt.Sprintf("notify: status %d: %s", e.Status, e.Reason)
}

// Outbox row states (see stormdesk.OutboxPending).
const (
	StatePending    = stormdesk.OutboxPending
	StateClaimed    = stormdesk.OutboxClaimed
	StateSending    = stormdesk.OutboxSending
	StateSent       = stormdesk.OutboxSent
	StateFailed     = stormdesk.OutboxFailed
	StateSuppressed = stormdesk.OutboxSuppressed
)

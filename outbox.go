package stormdesk

import (
	"context"
	"time"
)

// The outbox contract: the store implements it, notify's dispatcher drains
// it. It lives here, in the domain, so that neither adapter imports the
// other.

// Outbox row states. A row moves pending → claimed → sending → sent, or
// back to pending for a retry, or to failed; suppressed rows are never sent.
const (
	OutboxPending    = "pending"
	OutboxClaimed    = "claimed"
	OutboxSending    = "sending"
	OutboxSent       = "sent"
	OutboxFailed     = "failed"
	OutboxSuppressed = "suppressed"
)

// OutboxRecipient is one outbox row of a claimed batch.
type OutboxRecipient struct {
	// ID is the outbox row's id.
	ID    int64
	Email string
	Name  string
	// Attempts counts the sends already begun for this row, including the
	// current one once MarkSending has run.
	Attempts int
	// UnsubscribeURL replaces notify.UnsubscribeTag in this recipient's
	// copy. The dispatcher fills it from notify.Dispatcher.UnsubscribeURL.
	UnsubscribeURL string
}

// Outbox is the durable queue of (message, recipient) rows the dispatcher
// works through. The desk writes rows in the same store transaction as the
// status change that causes them (one row per message and recipient,
// unique on (message_id, lower(recipient)), so enqueueing twice stores
// once); the store implements this interface for the dispatcher, on SQLite
// and on Postgres, and store/storetest.RunOutboxContract checks it. The
// dispatcher that drains it is notify.Dispatcher.
//
// Every row has a state (OutboxPending, ...), an attempt count, a due time
// (next_attempt_at), a lease deadline (lease_until), the token of the claim
// that last took it, a last error, and, once sent, the send time and the
// provider's id. The tokens are the fence that makes racing dispatchers
// safe: every Mark method changes only rows that still carry the caller's
// token, so a dispatcher that stalled past its lease and lost its rows to
// another can no longer touch them.
//
// How a crash is survived, state by state:
//
//   - claimed: taken by a dispatcher, not yet handed to the provider.
//     Nothing has been sent, so when the lease runs out another Claim takes
//     the row again. No loss, no duplicate.
//   - sending: MarkSending committed, then the request went out. If the
//     dispatcher dies before MarkSent/MarkRetry/MarkFailed, nobody knows
//     whether SendGrid accepted the batch (it has no idempotency key). Such
//     rows are "in doubt"; Claim never takes them. Reconcile (from the
//     event webhook: any event carrying the batch's token proves SendGrid
//     accepted that whole request) marks them sent, and ExpireInDoubt
//     settles the rest after a grace period, by the dispatcher's in-doubt
//     policy (notify.InDoubtPolicy). The window is one HTTP request long.
//
// All methods are safe for concurrent use by several processes.
type Outbox interface {
	// Claim takes up to max rows that are due at now, oldest due first,
	// and returns them grouped by message (one OutboxClaim per message, rows in
	// id order), each group no larger than max. Due means: state pending
	// with next_attempt_at <= now, or state claimed with lease_until <= now
	// (a claim whose dispatcher died before sending). Rows whose recipient
	// is suppressed (unsubscribed, bounced, marked spam) are moved to
	// OutboxSuppressed instead of being returned, except the rows of a
	// Solicited message whose recipient is suppressed only because it
	// unsubscribed (SuppressedUnsubscribe): a confirmation the person asked
	// for reaches them. Taken rows get state
	// claimed, the caller's token (unique per call) and lease_until = now +
	// lease, atomically: two concurrent Claims never return the same row
	// (Postgres: SELECT ... FOR UPDATE SKIP LOCKED in the same transaction
	// as the UPDATE). It returns an empty slice when nothing is due.
	Claim(ctx context.Context, token string, now time.Time, lease time.Duration, max int) ([]OutboxClaim, error)

	// MarkSending moves the given rows from claimed to sending, if they
	// still carry token, adds one to their attempt count, and returns the
	// ids it moved (in id order). The dispatcher sends only to those:
	// a row it no longer holds has been claimed by someone else.
	MarkSending(ctx context.Context, token string, ids []int64, at time.Time) ([]int64, error)

	// MarkSent records that the provider accepted the rows: state sent,
	// sent_at = at, provider id stored, last error cleared. It applies to
	// rows carrying token in state sending or failed (a late answer
	// corrects an in-doubt failure) and ignores the others.
	MarkSent(ctx context.Context, token string, ids []int64, at time.Time, providerID string) error

	// MarkRetry puts rows carrying token in state claimed or sending back
	// to pending, due at next, with reason as their last error.
	MarkRetry(ctx context.Context, token string, ids []int64, next time.Time, reason string) error

	// MarkFailed moves rows carrying token in state claimed or sending to
	// failed for good, with reason as their last error.
	MarkFailed(ctx context.Context, token string, ids []int64, at time.Time, reason string) error

	// Reconcile marks sent every row of message messageID that carries
	// token and is in state sending or failed, and returns how many it
	// marked. It is called for webhook events, which carry both as custom
	// args; calling it again is harmless.
	Reconcile(ctx context.Context, token, messageID string, at time.Time) (int, error)

	// ExpireInDoubt settles rows left in state sending whose lease_until
	// is at or before before: back to pending, due at its lease_until, that
	// is at once (resend true), or
	// failed (resend false), with reason as their last error, keeping their
	// token so a late Reconcile can still correct a failure. It returns how
	// many rows it settled.
	ExpireInDoubt(ctx context.Context, before time.Time, resend bool, reason string) (int, error)
}

// OutboxClaim is the rows of one message taken by one Claim call.
type OutboxClaim struct {
	Token      string
	Message    OutboundMessage
	Recipients []OutboxRecipient
}

// Outbox channels. Email rows (one per message and recipient) and chat
// rows (one per post and platform) share one outbox, one claim-and-lease
// protocol and one retrying dispatcher; each dispatcher drains one
// channel (ChatOutbox scopes a store's outbox to chat).
const (
	ChannelEmail = "email"
	ChannelChat  = "chat"
)

// Kinds of chat post (a ChatPost's Kind).
const (
	// ChatPostAlert posts an incident's alert, once per incident and platform;
	// an alert raised again for an incident that has one is updated in
	// place with the new reason.
	ChatPostAlert = "alert"
	// ChatPostUpdate rewrites an incident's alert in place with its current
	// state. Updates coalesce: one that is still waiting renders the
	// incident as it is when it is sent.
	ChatPostUpdate = "update"
	// ChatPostApproval asks the ops channel to approve a held email.
	ChatPostApproval = "approval"
	// ChatPostReminder posts a reminder about an incident.
	ChatPostReminder = "reminder"
)

// ChatPost is one message for the chat front ends, stored in the outbox in
// the transaction that causes it and delivered to each platform by the
// chat dispatcher. What is posted is rendered when it is sent, from the
// incident as it is then.
type ChatPost struct {
	// ID is unique: alerts, approvals and reminders have ids derived from
	// what they are about, so that raising one twice stores it once;
	// updates get a fresh id each.
	ID         string
	IncidentID int64
	Kind       string
	// Text is the alert's reason, the reminder's text, or the message id
	// of the held email an approval request is about.
	Text string
}

// ChatOutboxStore is a store whose outbox also carries chat posts.
type ChatOutboxStore interface {
	// ChatOutbox is the outbox as the chat dispatcher sees it: Claim and
	// ExpireInDoubt touch only chat rows; in a claim, Message.Template is
	// the post's kind, Message.Subject its text, and each recipient's
	// Email is the platform the row is for. The rows of one incident and
	// platform are claimed in order, never two at once, so an alert is
	// posted before it is updated.
	ChatOutbox() Outbox
}

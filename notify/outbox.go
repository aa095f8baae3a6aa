package notify

import "stormdesk"

// Outbox is the durable queue of (message, recipient) rows the dispatcher
// works through; see stormdesk.Outbox, whose contract the stores implement.
type Outbox = stormdesk.Outbox

// Claimed is the rows of one message taken by one Outbox.Claim call.
type Claimed = stormdesk.OutboxClaim

// InDoubtPolicy says what happens to rows whose dispatcher died while
// their batch was with SendGrid and that no webhook event has settled.
type InDoubtPolicy int

const (
	// InDoubtFail records them as failed and never sends them again: at
	// most once. No recipient gets a duplicate; a recipient whose batch
	// never reached SendGrid is lost, but the loss is recorded (state
	// failed, reason "in doubt ...") and Reconcile corrects it to sent if
	// an event for the batch turns up later.
	InDoubtFail InDoubtPolicy = iota
	// InDoubtResend sends them again: at least once. No recipient is lost;
	// a recipient whose batch SendGrid did accept gets the message twice.
	// Choose it only with the event webhook configured (processed events
	// on), so that accepted batches are reconciled before the grace period
	// ends and only batches that never arrived are resent.
	InDoubtResend
)

func (p InDoubtPolicy) String() string {
	if p == InDoubtResend {
		return "resend"
	}
	return "fail"
}

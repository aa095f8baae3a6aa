package stormdesk

// The helpdesk write-back: what stormdesk writes into the helpdesk a
// customer wrote to (Zendesk: one problem ticket per incident, each
// reporter's ticket linked to it as an incident, comments on it, and its
// solving, which Zendesk carries to every linked ticket). Each write is a
// job in the outbox, stored in the transaction of the desk change that
// causes it and delivered by the helpdesk dispatcher with the outbox's
// claim, lease, fencing token and retry protocol.

// ChannelHelpdesk is the outbox channel of helpdesk write-back jobs.
const ChannelHelpdesk = "helpdesk"

// Kinds of helpdesk job (a HelpdeskJob's Kind).
const (
	// HelpdeskProblem creates the incident's problem ticket; its result
	// (the outbox row's provider id) is the problem ticket's id.
	HelpdeskProblem = "problem"
	// HelpdeskLink makes a customer's ticket an incident of the problem.
	HelpdeskLink = "link"
	// HelpdeskUnlink takes a customer's ticket out of the problem.
	HelpdeskUnlink = "unlink"
	// HelpdeskComment posts a public comment on the problem ticket.
	HelpdeskComment = "comment"
	// HelpdeskSolve solves the problem ticket with a public comment.
	HelpdeskSolve = "solve"
	// HelpdeskReply answers the customer in their own conversation
	// (helpdesks without problem tickets: Intercom's admin reply); one per
	// customer email the desk sends about the incident.
	HelpdeskReply = "reply"
)

// HelpdeskJob is one write into a helpdesk about an incident.
//
// Jobs of one incident and helpdesk are delivered in order where order
// matters: a job on the problem ticket (Ticket "") waits for every
// earlier unsettled job of the incident, and a job on a customer's
// ticket waits for the earlier unsettled jobs on the problem ticket and
// on that same ticket. So links wait for the problem ticket to exist, the
// solve waits for the links, and the links of different tickets go out
// side by side.
type HelpdeskJob struct {
	// ID is unique; a job stored twice under one ID is stored once.
	ID         string
	IncidentID int64
	// Helpdesk names the helpdesk (SourceZendesk).
	Helpdesk string
	Kind     string
	// Ticket is the helpdesk's id of the customer's ticket (link,
	// unlink, reply); "" for a job on the problem ticket.
	Ticket string
	// Subject is the problem ticket's subject (problem jobs), or the id of
	// the customer email a reply stands in for (reply jobs).
	Subject string
	// Text is the problem ticket's internal description, the link's
	// internal note, or the public comment (comment, solve).
	Text string
}

// ReplyNotSent begins the reason a helpdesk adapter gives for a reply it
// refused before making any request (Help Scout's, with no customer id
// stored for the conversation): as with a reply the helpdesk refused with
// a status, nothing was posted, so its customer is emailed instead.
const ReplyNotSent = "not sent: "

// Reply is a reply job as the helpdesk dispatcher hands it to its
// helpdesk: what each helpdesk's reply call needs, read at send time.
type Reply struct {
	// Conversation is the helpdesk's id of the customer's conversation
	// (the job's Ticket, their ticket's ExternalID).
	Conversation string
	// Customer is the helpdesk's id of that conversation's customer (the
	// ticket's ExternalCustomerID): Help Scout replies name it. "" when
	// intake stored none.
	Customer string
	// Text is the email's text the reply stands in for, up to its
	// signature.
	Text string
	// Resolved says that email announces the incident's resolution.
	Resolved bool
}

// HelpdeskFailure is a helpdesk job that failed for good, not yet
// reported on its incident's timeline.
type HelpdeskFailure struct {
	JobID      string
	IncidentID int64
	Helpdesk   string
	Kind       string
	Ticket     string
	// Subject is the job's Subject.
	Subject string
	// Reason is the helpdesk's refusal ("status 404: RecordNotFound: Not
	// found") or why the job could not be sent.
	Reason string
}

// HelpdeskOutboxStore is a store whose outbox also carries helpdesk
// write-back jobs.
type HelpdeskOutboxStore interface {
	// HelpdeskOutbox is the outbox as the helpdesk dispatcher sees it:
	// Claim and ExpireInDoubt touch only helpdesk rows, in the order
	// HelpdeskJob describes. In a claim, Message.Template is the job's
	// kind, Message.Subject and Message.Text its Subject and Text, and the
	// one recipient's Name is the helpdesk and Email the job's Ticket.
	// ExpireInDoubt fails in-doubt comments and solves whatever resend
	// says (one sent twice is a double answer), and sends the other jobs
	// again: a problem job's request carries an idempotency key (the
	// helpdesk returns the ticket the first one created), and a link or
	// unlink sets the ticket's fields to what they already are (at worst
	// its internal note is repeated).
	HelpdeskOutbox() Outbox
}

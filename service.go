package stormdesk

import (
	"context"
	"io"
	"time"
)

// IncidentService is what an operator does to incidents, from chat or
// over HTTP: the use cases, declared here once (desk.Service implements
// them) so that the adapters depend on the domain's words and not on a
// mirror of their own. Every method returns *Error values for anything
// the caller can act on (EINVALID, ENOTFOUND, ECONFLICT, EFORBIDDEN); any
// other error is internal. Each mutating method is one store
// transaction: it changes everything it describes or nothing, and
// queues the chat updates and customer emails the change calls for in
// that same transaction.
type IncidentService interface {
	// Incidents lists incidents, newest first.
	Incidents(ctx context.Context, f IncidentFilter) ([]*Incident, error)
	// Incident returns one incident, or ENOTFOUND.
	Incident(ctx context.Context, id int64) (*Incident, error)
	// JoinReasons counts why the incident's tickets joined it, most
	// frequent first.
	JoinReasons(ctx context.Context, id int64) ([]ReasonCount, error)
	// Declare opens an incident by hand.
	Declare(ctx context.Context, title string, sev Severity, actor string) (*Incident, error)
	// SetStatus moves an incident to a new status; message is the
	// customer-facing update text. actorKey identifies the actor (a chat
	// platform and user id): the automatic email the change may hold
	// cannot be approved by them. ECONFLICT when the incident was merged
	// or the transition is not allowed.
	SetStatus(ctx context.Context, id int64, st Status, message, actor, actorKey string) (*Incident, error)
	// AddNote adds a note at its own time (zero means now).
	AddNote(ctx context.Context, id int64, text, actor string, at time.Time) (*TimelineEntry, error)
	// Timeline returns an incident's entries, oldest first.
	Timeline(ctx context.Context, id int64) ([]*TimelineEntry, error)
	// Export writes the post-mortem in format (md, html, json, csv).
	Export(ctx context.Context, id int64, format string, w io.Writer) error

	// Acknowledge marks an incident acknowledged by actor and starts the
	// automatic customer emails its policy calls for. ECONFLICT when it
	// is already acknowledged, merged or resolved. actorKey as for
	// SetStatus.
	Acknowledge(ctx context.Context, id int64, actor, actorKey string) (*Incident, error)
	// Merge folds incident from into incident into (tickets, timeline
	// reference, subscribers). ECONFLICT when either is merged already;
	// EINVALID when from == into.
	Merge(ctx context.Context, from, into int64, actor string) error
	// LinkTicket attaches a ticket to an incident (moving it from any
	// other incident), recorded on both timelines.
	LinkTicket(ctx context.Context, ticketID, incidentID int64, actor string) error
	// UnlinkTicket detaches a ticket from its incident; ECONFLICT when
	// it is not linked.
	UnlinkTicket(ctx context.Context, ticketID int64, actor string) error
	// SetCause records the likely cause: the name of a configured
	// upstream dependency, or free text.
	SetCause(ctx context.Context, id int64, cause, actor string) (*Incident, error)
	// NotAnIncident dismisses an incident candidate as noise: it is
	// closed without any customer email, and the dismissal is recorded
	// on its timeline; triage learns from it.
	NotAnIncident(ctx context.Context, id int64, actor string) error

	// Publish puts an acknowledged incident on the public status page
	// under title (a default naming the affected components when empty).
	// ECONFLICT when it is not acknowledged, merged or already published.
	Publish(ctx context.Context, id int64, title, actor string) (*Incident, error)
	// SetComponentStatus overrides a status page component's state
	// (named by name or id); an empty status lifts the override.
	// ENOTFOUND for an unknown component.
	SetComponentStatus(ctx context.Context, component string, st ComponentStatus, actor string) (*ComponentOverride, error)
	// ScheduleMaintenance announces a window of planned work on status
	// page components (m.Components by name or id); the desk records its
	// start and end, shows it on the page and takes in the customer
	// reports it causes instead of opening incidents; its subscribers are
	// emailed (held for a second person above the approval threshold;
	// actorKey as for SetStatus). ENOTFOUND for an unknown component,
	// EINVALID for a bad or past window.
	ScheduleMaintenance(ctx context.Context, m Maintenance, actor, actorKey string) (*Maintenance, error)
	// CancelMaintenance calls a scheduled or running maintenance off.
	// ECONFLICT when it was cancelled already or is over.
	CancelMaintenance(ctx context.Context, id int64, actor string) (*Maintenance, error)

	// PreviewNotification counts who a customer email would go to and
	// renders it for one sample recipient. It writes nothing. An empty
	// template means the default template for the incident's status.
	PreviewNotification(ctx context.Context, id int64, template string) (NotifyPreview, error)
	// Notify emails the incident's audience at once, or holds the email
	// for a second authorised person's approval when it would go to more
	// customers than the approval threshold (SendResult.Held). actorKey
	// identifies the requester.
	Notify(ctx context.Context, id int64, template, actor, actorKey string) (SendResult, error)
	// ApproveNotification releases a held email. EFORBIDDEN when the
	// approver asked for it; ECONFLICT when it was already approved,
	// cancelled or expired (so two presses send once, on any replica).
	ApproveNotification(ctx context.Context, messageID, approver, approverKey string) (SendResult, error)
	// CancelNotification drops a held email; ECONFLICT when it was
	// already approved or cancelled.
	CancelNotification(ctx context.Context, messageID, actor string) (SendResult, error)
	// EmailStatus returns an incident's email policy in force and its
	// emails with their delivery counts.
	EmailStatus(ctx context.Context, id int64) (EmailStatus, error)
	// SetEmailPolicy changes what the incident's automatic emails do
	// (templates not named keep their mode) and returns the policy in
	// force.
	SetEmailPolicy(ctx context.Context, id int64, p EmailPolicy, actor string) (EmailPolicy, error)
}

// NotifyPreview is what a customer email would be, without sending it.
type NotifyPreview struct {
	// Template is the template actually chosen (the default resolved).
	Template string `json:"template"`
	// Recipients counts the subscribed customers who would receive it.
	Recipients int    `json:"recipients"`
	Subject    string `json:"subject"`
	// Sample is the body rendered for one sample recipient.
	Sample string `json:"sample"`
}

// SendResult is what became of a request to email an incident's
// customers: queued at once, held for approval, approved or cancelled.
type SendResult struct {
	Message *OutboundMessage
	// Queued counts the outbox rows written (0 while held).
	Queued int
	// Audience counts the recipients when the request was decided.
	Audience int
}

// Held reports whether the email waits for approval.
func (r SendResult) Held() bool { return r.Message != nil && r.Message.State == MessageHeld }

// EmailStatus is an incident's email policy in force and its emails.
type EmailStatus struct {
	Policy   EmailPolicy
	Messages []MessageDeliveries
}

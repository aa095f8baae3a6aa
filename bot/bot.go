// Package bot is the chat command core shared by the Slack and Discord
// adapters: it parses `/incident …` command text, authorises the caller,
// runs the command through the application layer (one Desk call per
// mutating command, so a failing command changes nothing) and describes
// the answer as a platform-neutral Reply that each adapter renders.
//
// The same command text therefore does the same thing on both platforms;
// the adapters only verify and decode requests, fill in an Identity, and
// turn a Reply into Block Kit or Discord components.
package bot

import (
	"context"
	"io"
	"log/slog"
	"time"

	"stormdesk"
)

// Desk is what the command core needs from the application layer
// (*desk.Service). Every method returns *stormdesk.Error values for
// anything the caller can act on (EINVALID, ENOTFOUND, ECONFLICT,
// EFORBIDDEN); any other error is treated as internal, logged, and shown
// as "internal error". Each mutating method is one store transaction: it
// either changes everything it describes or nothing.
type Desk interface {
	// Incidents lists incidents, newest first.
	Incidents(ctx context.Context, f stormdesk.IncidentFilter) ([]*stormdesk.Incident, error)
	// Incident returns one incident, or ENOTFOUND.
	Incident(ctx context.Context, id int64) (*stormdesk.Incident, error)
	// JoinReasons counts why the incident's tickets joined it, most
	// frequent first.
	JoinReasons(ctx context.Context, id int64) ([]stormdesk.ReasonCount, error)
	// Declare opens an incident by hand.
	Declare(ctx context.Context, title string, sev stormdesk.Severity, actor string) (*stormdesk.Incident, error)
	// SetStatus moves an incident to a new status; message is the
	// customer-facing update text.
	// actorKey identifies the actor (Identity.Key): the automatic email
	// the change may hold cannot be approved by them.
	SetStatus(ctx context.Context, id int64, st stormdesk.Status, message, actor, actorKey string) (*stormdesk.Incident, error)
	// AddNote adds a note at its own time (zero means now).
	AddNote(ctx context.Context, id int64, text, actor string, at time.Time) (*stormdesk.TimelineEntry, error)
	// Timeline returns an incident's entries, oldest first.
	Timeline(ctx context.Context, id int64) ([]*stormdesk.TimelineEntry, error)
	// Export writes the post-mortem in format (md, html, json, csv).
	Export(ctx context.Context, id int64, format string, w io.Writer) error

	// Acknowledge marks an incident acknowledged by actor and starts the
	// automatic customer emails its policy calls for. ECONFLICT when it
	// is already acknowledged, merged or resolved. actorKey as for
	// SetStatus.
	Acknowledge(ctx context.Context, id int64, actor, actorKey string) (*stormdesk.Incident, error)
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
	SetCause(ctx context.Context, id int64, cause, actor string) (*stormdesk.Incident, error)
	// NotAnIncident dismisses an incident candidate as noise: it is
	// closed without any customer email, and the dismissal is recorded
	// on its timeline; triage learns from it.
	NotAnIncident(ctx context.Context, id int64, actor string) error
	// PreviewNotification counts who a customer notification would go
	// to and renders it for one sample recipient. It writes nothing.
	// An empty template means the default template for the incident's
	// status.
	PreviewNotification(ctx context.Context, id int64, template string) (NotifyPreview, error)
	// Notify emails the incident's audience at once, or holds the email
	// for a second authorised person's approval when it would go to more
	// customers than the approval threshold (Held in the result).
	// actorKey identifies the requester (Identity.Key).
	Notify(ctx context.Context, id int64, template, actor, actorKey string) (NotifyResult, error)
	// ApproveNotification releases a held email. EFORBIDDEN when the
	// approver asked for it; ECONFLICT when it was already approved,
	// cancelled or expired (so two presses send once, on any replica).
	ApproveNotification(ctx context.Context, messageID, approver, approverKey string) (NotifyResult, error)
	// CancelNotification drops a held email; ECONFLICT when it was
	// already approved or cancelled.
	CancelNotification(ctx context.Context, messageID, actor string) (NotifyResult, error)
	// EmailStatus returns an incident's email policy in force and its
	// emails with their delivery counts.
	EmailStatus(ctx context.Context, id int64) (EmailStatus, error)
	// SetEmailPolicy changes what the incident's automatic emails do and
	// returns the policy in force.
	SetEmailPolicy(ctx context.Context, id int64, p stormdesk.EmailPolicy, actor string) (stormdesk.EmailPolicy, error)
}

// NotifyPreview is what a notification would look like before it is sent.
type NotifyPreview struct {
	// Template is the template actually chosen (the default resolved).
	Template string `json:"template"`
	// Recipients counts the subscribed customers who would receive it.
	Recipients int    `json:"recipients"`
	Subject    string `json:"subject"`
	// Sample is the body rendered for one sample recipient.
	Sample string `json:"sample"`
}

// NotifyResult is the result of a real send, an approval or a
// cancellation.
type NotifyResult struct {
	IncidentID int64  `json:"incident_id"`
	MessageID  string `json:"message_id"`
	Template   string `json:"template"`
	// Held: the email waits for approval; nothing is queued yet.
	Held bool `json:"held"`
	// Audience counts the recipients when the request was decided.
	Audience int `json:"audience"`
	// Queued counts messages put in the outbox.
	Queued      int    `json:"queued"`
	RequestedBy string `json:"requested_by"`
}

// EmailStatus is an incident's email policy and emails.
type EmailStatus struct {
	Policy   stormdesk.EmailPolicy
	Messages []stormdesk.MessageDeliveries
}

// Platforms an Identity can come from.
const (
	PlatformSlack   = "slack"
	PlatformDiscord = "discord"
)

// Identity is the person behind a command or a button press, as the
// adapter verified it.
type Identity struct {
	Platform  string
	UserID    string
	Name      string
	ChannelID string
	// Roles are the caller's Discord role IDs.
	Roles []string
	// MemberOf reports whether the user is in any of the given Slack
	// user groups. It is consulted only when users and channels did not
	// already decide; nil means "in none".
	MemberOf func(ctx context.Context, groups []string) (bool, error)
}

// Key identifies the person across commands: platform and user id.
func (id Identity) Key() string { return id.Platform + ":" + id.UserID }

// Actor is how the timeline names the person: "Ana (slack:U123)", or the
// key alone when no name is known.
func (id Identity) Actor() string {
	name := cleanName(id.Name)
	if name == "" {
		return id.Key()
	}
	return name + " (" + id.Key() + ")"
}

// cleanName keeps a display name printable and short.
func cleanName(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r == '(' || r == ')' {
			continue
		}
		out = append(out, r)
		if len(out) == 80 {
			break
		}
	}
	return string(out)
}

// Policy says who may change things. Read-only commands (help, list,
// show, timeline, export) are open to everyone who can reach the bot;
// every other command and every button press needs the caller to be
// listed here by user, Slack user group, Slack channel or Discord role.
// An empty policy allows no changes at all: access is granted, never
// assumed.
type Policy struct {
	SlackUsers      []string
	SlackUserGroups []string
	SlackChannels   []string
	DiscordUsers    []string
	DiscordRoles    []string
}

// Allows reports whether id may run mutating commands.
func (p Policy) Allows(ctx context.Context, id Identity) (bool, error) {
	if id.UserID == "" {
		return false, nil
	}
	switch id.Platform {
	case PlatformSlack:
		if contains(p.SlackUsers, id.UserID) || (id.ChannelID != "" && contains(p.SlackChannels, id.ChannelID)) {
			return true, nil
		}
		if len(p.SlackUserGroups) > 0 && id.MemberOf != nil {
			return id.MemberOf(ctx, p.SlackUserGroups)
		}
	case PlatformDiscord:
		if contains(p.DiscordUsers, id.UserID) {
			return true, nil
		}
		for _, r := range id.Roles {
			if contains(p.DiscordRoles, r) {
				return true, nil
			}
		}
	}
	return false, nil
}

func contains(set []string, s string) bool {
	for _, v := range set {
		if v == s {
			return true
		}
	}
	return false
}

// Core runs commands. It is safe for concurrent use.
type Core struct {
	desk   Desk
	policy Policy
	log    *slog.Logger
	// Now is the clock (a note's time); tests replace it.
	Now func() time.Time
}

// NewCore returns a Core running commands through d under policy p.
func NewCore(d Desk, p Policy, log *slog.Logger) *Core {
	if log == nil {
		log = slog.Default()
	}
	return &Core{desk: d, policy: p, log: log, Now: time.Now}
}

// Desk returns the application layer the core runs against.
func (c *Core) Desk() Desk { return c.desk }

// Policy returns the authorisation policy.
func (c *Core) Policy() Policy { return c.policy }

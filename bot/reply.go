package bot

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"stormdesk"
)

// Kind says what a Reply is, so that adapters can style it.
type Kind int

// Reply kinds.
const (
	KindOK Kind = iota
	// KindUsage is a malformed or unknown command, answered with help.
	KindUsage
	// KindRefused is a caller without the right to run the command.
	KindRefused
	// KindError is a command the application layer refused or failed.
	KindError
)

// Reply is a platform-neutral answer. Text fields are plain text: the
// adapters escape them for their own markup.
type Reply struct {
	Kind Kind
	// Public replies are shown to the channel; others to the caller only.
	Public bool
	Title  string
	Lines  []string
	Fields []Field
	// Pre is preformatted text (help, timelines, previews).
	Pre     string
	Actions []Action
	File    *File
	// Code is the stormdesk error code of a KindError reply.
	Code string
}

// Field is one labelled value of an incident card.
type Field struct {
	Name, Value string
}

// Action is a button, or a menu when it has Options.
type Action struct {
	ID      string
	Label   string
	Value   string
	Style   string // "", "primary" or "danger"
	Options []Option
}

// Option is one choice of a menu Action.
type Option struct {
	Label, Value string
}

// File is an attachment to upload with the reply.
type File struct {
	Name        string
	ContentType string
	Data        []byte
}

// Action IDs of the buttons and menus the core puts on messages; they
// come back to Core.Act when pressed.
const (
	ActionAck          = "stormdesk_ack"
	ActionMerge        = "stormdesk_merge"
	ActionNotIncident  = "stormdesk_not_incident"
	ActionApprove      = "stormdesk_approve"
	ActionCancelNotify = "stormdesk_cancel_notify"
)

// Button styles.
const (
	StylePrimary = "primary"
	StyleDanger  = "danger"
)

// errorReply maps an error from the application layer to a reply: the
// one place in the core where that happens. Messages of *stormdesk.Error
// values are safe to show; anything else is logged and shown as
// "internal error".
func (c *Core) errorReply(cmd string, err error) Reply {
	code := stormdesk.ErrorCode(err)
	var ue *UsageError
	if errors.As(err, &ue) {
		return usageReply(ue)
	}
	if code == stormdesk.EINTERNAL || code == stormdesk.EUNAVAILABLE {
		c.log.Error("bot: command failed", "command", cmd, "error", err)
	}
	title := map[string]string{
		stormdesk.EINVALID:      "That did not work",
		stormdesk.ENOTFOUND:     "Not found",
		stormdesk.ECONFLICT:     "Not possible right now",
		stormdesk.EUNAUTHORIZED: "Not allowed",
		stormdesk.EFORBIDDEN:    "Not allowed",
		stormdesk.ETOOLARGE:     "Too large",
		stormdesk.EUNAVAILABLE:  "Stormdesk is unavailable",
	}[code]
	if title == "" {
		title = "Something went wrong"
	}
	msg := stormdesk.ErrorMessage(err)
	if code == stormdesk.EINTERNAL {
		msg = "internal error: the details are in the service log. Nothing was changed."
	}
	return Reply{Kind: KindError, Code: code, Title: title, Lines: []string{msg}}
}

func refusal(id Identity, cmd string) Reply {
	return Reply{Kind: KindRefused, Code: stormdesk.EFORBIDDEN, Title: "Not allowed",
		Lines: []string{fmt.Sprintf("You are not allowed to run `%s`: changes to incidents are limited to the people, groups and channels configured for stormdesk. Read-only commands (list, show, timeline, export) are open to you.", cmd)}}
}

// incidentFields describes an incident the same way on every platform.
func incidentFields(inc *stormdesk.Incident) []Field {
	f := []Field{
		{"Status", string(inc.Status)},
		{"Severity", string(inc.Severity)},
		{"Reports", strconv.Itoa(inc.TicketCount)},
		{"Opened", stamp(inc.CreatedAt)},
	}
	if inc.AcknowledgedAt != nil {
		f = append(f, Field{"Acknowledged", stamp(*inc.AcknowledgedAt)})
	}
	if inc.ResolvedAt != nil {
		f = append(f, Field{"Resolved", stamp(*inc.ResolvedAt)})
	}
	if len(inc.Features) > 0 {
		f = append(f, Field{"Features", strings.Join(inc.Features, ", ")})
	}
	if inc.LikelyCause != "" {
		f = append(f, Field{"Likely cause", inc.LikelyCause})
	}
	if inc.MergedInto != 0 {
		f = append(f, Field{"Merged into", fmt.Sprintf("#%d", inc.MergedInto)})
	}
	if inc.PublishedAt != nil {
		f = append(f, Field{"Status page", fmt.Sprintf("%q since %s", inc.PublicTitle, stamp(*inc.PublishedAt))})
	}
	return f
}

// reasonsField shows the three most frequent reasons tickets joined.
func reasonsField(rs []stormdesk.ReasonCount) (Field, bool) {
	if len(rs) == 0 {
		return Field{}, false
	}
	var parts []string
	for _, r := range rs[:min(3, len(rs))] {
		parts = append(parts, fmt.Sprintf("%s: %d", r.Reason, r.Tickets))
	}
	if len(rs) > 3 {
		parts = append(parts, fmt.Sprintf("%d other reasons", len(rs)-3))
	}
	return Field{"Why tickets joined", strings.Join(parts, "; ")}, true
}

func stamp(t time.Time) string { return t.UTC().Format("2006-01-02 15:04 UTC") }

// incidentLine is one incident in a list.
func incidentLine(inc *stormdesk.Incident) string {
	s := fmt.Sprintf("#%d [%s, %s] %s (%d reports)", inc.ID, inc.Status, inc.Severity, truncate(inc.Title, 120), inc.TicketCount)
	if inc.MergedInto != 0 {
		s += fmt.Sprintf(", merged into #%d", inc.MergedInto)
	}
	return s
}

func incidentTitle(inc *stormdesk.Incident) string {
	return fmt.Sprintf("Incident #%d: %s", inc.ID, truncate(inc.Title, 150))
}

// closed reports whether an incident takes no more actions.
func closed(inc *stormdesk.Incident) bool {
	return inc.MergedInto != 0 || inc.Status == stormdesk.StatusResolved
}

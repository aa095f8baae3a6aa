package bot

import (
	"bytes"
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"stormdesk"
)

// Limits on what a reply carries.
const (
	// ListLimit is how many incidents `list` shows.
	ListLimit = 20
	// TimelineLimit is how many of the latest entries `timeline` shows;
	// `export` gives the whole of it.
	TimelineLimit = 40
	// MaxExportBytes bounds an exported file; both platforms refuse
	// larger uploads from a bot anyway.
	MaxExportBytes = 20 << 20
)

// Execute parses, authorises and runs one command on behalf of id. It
// never returns an error: every failure is a Reply that says what went
// wrong and, for malformed commands, the help that fits.
func (c *Core) Execute(ctx context.Context, id Identity, text string) Reply {
	cmd, err := Parse(text)
	if err != nil {
		return usageReply(err)
	}
	return c.Run(ctx, id, cmd)
}

// Run authorises and runs a parsed command.
func (c *Core) Run(ctx context.Context, id Identity, cmd Command) Reply {
	if cmd.Mutating() {
		if r, ok := c.authorise(ctx, id, cmd.Name); !ok {
			return r
		}
	}
	r, err := c.run(ctx, id, cmd)
	if err != nil {
		return c.errorReply(cmd.Name, err)
	}
	return r
}

// authorise checks the policy; a failing group lookup refuses (and is
// logged), it never allows.
func (c *Core) authorise(ctx context.Context, id Identity, what string) (Reply, bool) {
	ok, err := c.policy.Allows(ctx, id)
	if err != nil {
		c.log.Warn("bot: authorisation lookup failed", "platform", id.Platform, "user_id", id.UserID, "error", err)
	}
	if err != nil || !ok {
		return refusal(id, what), false
	}
	return Reply{}, true
}

func (c *Core) run(ctx context.Context, id Identity, cmd Command) (Reply, error) {
	actor := id.Actor()
	switch cmd.Name {
	case "help":
		return helpReply(cmd.Topic), nil
	case "list":
		incs, err := c.desk.Incidents(ctx, stormdesk.IncidentFilter{Open: !cmd.All, Limit: ListLimit})
		if err != nil {
			return Reply{}, err
		}
		title := "Open incidents"
		if cmd.All {
			title = "Incidents"
		}
		r := Reply{Title: title}
		for _, inc := range incs {
			r.Lines = append(r.Lines, incidentLine(inc))
		}
		if len(incs) == 0 {
			r.Lines = []string{"None."}
		} else if len(incs) == ListLimit {
			r.Lines = append(r.Lines, fmt.Sprintf("(the newest %d; the API lists more)", ListLimit))
		}
		return r, nil
	case "show":
		inc, err := c.desk.Incident(ctx, cmd.ID)
		if err != nil {
			return Reply{}, err
		}
		fields := incidentFields(inc)
		reasons, err := c.desk.JoinReasons(ctx, cmd.ID)
		if err != nil {
			return Reply{}, err
		}
		if f, ok := reasonsField(reasons); ok {
			fields = append(fields, f)
		}
		return Reply{Title: incidentTitle(inc), Fields: fields}, nil
	case "declare":
		inc, err := c.desk.Declare(ctx, cmd.Title, cmd.Severity, actor)
		if err != nil {
			return Reply{}, err
		}
		return c.changed(inc, fmt.Sprintf("%s declared incident #%d.", actor, inc.ID)), nil
	case "ack":
		inc, err := c.desk.Acknowledge(ctx, cmd.ID, actor, id.Key())
		if err != nil {
			return Reply{}, err
		}
		return c.changed(inc, fmt.Sprintf("%s acknowledged incident #%d; customer emails follow the notification policy.", actor, inc.ID)), nil
	case "status":
		inc, err := c.desk.SetStatus(ctx, cmd.ID, cmd.Status, cmd.Text, actor, id.Key())
		if err != nil {
			return Reply{}, err
		}
		line := fmt.Sprintf("%s set incident #%d to %s.", actor, inc.ID, inc.Status)
		if cmd.Text != "" {
			line += " Customer update: " + cmd.Text
		}
		return c.changed(inc, line), nil
	case "note":
		e, err := c.desk.AddNote(ctx, cmd.ID, cmd.Text, actor, c.Now())
		if err != nil {
			return Reply{}, err
		}
		return Reply{Public: true, Title: fmt.Sprintf("Note added to incident #%d", e.IncidentID), Lines: []string{e.Text}}, nil
	case "merge":
		if err := c.desk.Merge(ctx, cmd.ID, cmd.Into, actor); err != nil {
			return Reply{}, err
		}
		inc, err := c.desk.Incident(ctx, cmd.Into)
		if err != nil {
			return Reply{}, err
		}
		return c.changed(inc, fmt.Sprintf("%s merged incident #%d into #%d.", actor, cmd.ID, inc.ID)), nil
	case "link":
		if err := c.desk.LinkTicket(ctx, cmd.Ticket, cmd.ID, actor); err != nil {
			return Reply{}, err
		}
		return Reply{Public: true, Title: "Ticket linked", Lines: []string{fmt.Sprintf("%s linked ticket %d to incident #%d.", actor, cmd.Ticket, cmd.ID)}}, nil
	case "unlink":
		if err := c.desk.UnlinkTicket(ctx, cmd.Ticket, actor); err != nil {
			return Reply{}, err
		}
		return Reply{Public: true, Title: "Ticket unlinked", Lines: []string{fmt.Sprintf("%s unlinked ticket %d from its incident.", actor, cmd.Ticket)}}, nil
	case "cause":
		inc, err := c.desk.SetCause(ctx, cmd.ID, cmd.Text, actor)
		if err != nil {
			return Reply{}, err
		}
		return c.changed(inc, fmt.Sprintf("%s recorded the likely cause of incident #%d: %s", actor, inc.ID, inc.LikelyCause)), nil
	case "publish":
		inc, err := c.desk.Publish(ctx, cmd.ID, cmd.Text, actor)
		if err != nil {
			return Reply{}, err
		}
		return c.changed(inc, fmt.Sprintf("%s published incident #%d on the status page as %q.", actor, inc.ID, inc.PublicTitle)), nil
	case "component":
		o, err := c.desk.SetComponentStatus(ctx, cmd.Component, cmd.ComponentStatus, actor)
		if err != nil {
			return Reply{}, err
		}
		line := fmt.Sprintf("%s set component %s to %s on the status page, until `/incident component %s auto`.", actor, o.Component, strings.ToLower(o.Status.Label()), o.Component)
		if o.Status == "" {
			line = fmt.Sprintf("%s lifted the override of component %s: it follows its incidents again.", actor, o.Component)
		}
		return Reply{Public: true, Title: "Status page", Lines: []string{line}}, nil
	case "maintenance":
		if cmd.Cancel {
			m, err := c.desk.CancelMaintenance(ctx, cmd.ID, actor)
			if err != nil {
				return Reply{}, err
			}
			return Reply{Public: true, Title: "Maintenance cancelled", Lines: []string{fmt.Sprintf("%s cancelled maintenance #%d (%s): it is off the status page, and reports about %s open incidents as usual.",
				actor, m.ID, m.Title, strings.Join(m.Components, ", "))}}, nil
		}
		m, err := c.desk.ScheduleMaintenance(ctx, stormdesk.Maintenance{Components: []string{cmd.Component}, StartsAt: cmd.Start, EndsAt: cmd.End, Text: cmd.Text}, actor, id.Key())
		if err != nil {
			return Reply{}, err
		}
		line := fmt.Sprintf("%s scheduled maintenance #%d of %s from %s to %s UTC; it is on the status page now. Up to %d customer reports about it are recorded on it rather than opening an incident.",
			actor, m.ID, strings.Join(m.Components, ", "), m.StartsAt.Format("Jan 2 15:04"), m.EndsAt.Format("Jan 2 15:04"), m.AlertAbove)
		return Reply{Public: true, Title: "Maintenance scheduled", Lines: []string{line}}, nil
	case "notify":
		return c.notify(ctx, id, cmd)
	case "email":
		return c.email(ctx, id, cmd)
	case "timeline":
		return c.timeline(ctx, cmd.ID)
	case "export":
		var buf limitedBuffer
		buf.max = MaxExportBytes
		if err := c.desk.Export(ctx, cmd.ID, cmd.Format, &buf); err != nil {
			return Reply{}, err
		}
		if buf.over {
			return Reply{}, stormdesk.Errorf(stormdesk.ETOOLARGE, "the export is larger than %d MiB: use `stormdesk export %d` instead", MaxExportBytes>>20, cmd.ID)
		}
		name := fmt.Sprintf("incident-%d.%s", cmd.ID, cmd.Format)
		return Reply{Public: true, Title: fmt.Sprintf("Post-mortem of incident #%d", cmd.ID), Lines: []string{name},
			File: &File{Name: name, ContentType: contentTypes[cmd.Format], Data: buf.Bytes()}}, nil
	}
	return Reply{}, usagef("", "unknown command %q", cmd.Name)
}

var contentTypes = map[string]string{
	"md":   "text/markdown; charset=utf-8",
	"html": "text/html; charset=utf-8",
	"json": "application/json",
	"csv":  "text/csv; charset=utf-8",
}

// changed is the public reply to a command that changed an incident. Its
// alert is not edited here: the desk queued the alert's update in the
// outbox, in the transaction that made the change.
func (c *Core) changed(inc *stormdesk.Incident, line string) Reply {
	return Reply{Public: true, Title: incidentTitle(inc), Lines: []string{line}, Fields: incidentFields(inc)}
}

func (c *Core) timeline(ctx context.Context, id int64) (Reply, error) {
	entries, err := c.desk.Timeline(ctx, id)
	if err != nil {
		return Reply{}, err
	}
	r := Reply{Title: fmt.Sprintf("Timeline of incident #%d", id)}
	shown := entries
	if len(shown) > TimelineLimit {
		shown = shown[len(shown)-TimelineLimit:]
		r.Lines = []string{fmt.Sprintf("The latest %d of %d entries; `/incident export %d` has all of them.", TimelineLimit, len(entries), id)}
	}
	var b strings.Builder
	for _, e := range shown {
		fmt.Fprintf(&b, "%s  %-13s %s: %s\n", e.At.UTC().Format("2006-01-02 15:04"), e.Kind, truncate(e.Actor, 40), truncate(strings.Join(strings.Fields(e.Text), " "), 160))
	}
	if len(entries) == 0 {
		b.WriteString("(empty)")
	}
	r.Pre = strings.TrimRight(b.String(), "\n")
	return r, nil
}

// limitedBuffer stops growing at max bytes and remembers that it did.
type limitedBuffer struct {
	bytes.Buffer
	max  int
	over bool
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if b.Len()+len(p) > b.max {
		b.over = true
		return 0, stormdesk.Errorf(stormdesk.ETOOLARGE, "export: larger than %d bytes", b.max)
	}
	return b.Buffer.Write(p)
}

// Act runs a button press or menu choice: action is one of the Action*
// IDs, value what the button carried. Every action changes something, so
// every action needs authorisation.
func (c *Core) Act(ctx context.Context, id Identity, action, value string) Reply {
	if r, ok := c.authorise(ctx, id, actionName(action)); !ok {
		return r
	}
	r, err := c.act(ctx, id, action, value)
	if err != nil {
		return c.errorReply(actionName(action), err)
	}
	return r
}

func actionName(action string) string {
	switch action {
	case ActionAck:
		return "ack"
	case ActionMerge:
		return "merge"
	case ActionNotIncident:
		return "not an incident"
	case ActionApprove:
		return "approve"
	case ActionCancelNotify:
		return "cancel"
	}
	return "that action"
}

func (c *Core) act(ctx context.Context, id Identity, action, value string) (Reply, error) {
	switch action {
	case ActionAck:
		n, err := actionID(value)
		if err != nil {
			return Reply{}, err
		}
		return c.run(ctx, id, Command{Name: "ack", ID: n})
	case ActionNotIncident:
		n, err := actionID(value)
		if err != nil {
			return Reply{}, err
		}
		if err := c.desk.NotAnIncident(ctx, n, id.Actor()); err != nil {
			return Reply{}, err
		}
		inc, err := c.desk.Incident(ctx, n)
		if err != nil {
			return Reply{}, err
		}
		return c.changed(inc, fmt.Sprintf("%s dismissed incident #%d: not an incident.", id.Actor(), inc.ID)), nil
	case ActionMerge:
		from, into, ok := strings.Cut(value, ":")
		if !ok {
			return Reply{}, stormdesk.Errorf(stormdesk.EINVALID, "merge: malformed choice")
		}
		f, err := actionID(from)
		if err != nil {
			return Reply{}, err
		}
		t, err := actionID(into)
		if err != nil {
			return Reply{}, err
		}
		if f == t {
			return Reply{}, stormdesk.Errorf(stormdesk.EINVALID, "merge: an incident cannot be merged into itself")
		}
		return c.run(ctx, id, Command{Name: "merge", ID: f, Into: t})
	case ActionApprove:
		return c.approve(ctx, id, value)
	case ActionCancelNotify:
		return c.cancelPending(ctx, id, value)
	}
	return Reply{}, stormdesk.Errorf(stormdesk.EINVALID, "unknown action")
}

func actionID(s string) (int64, error) {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return 0, stormdesk.Errorf(stormdesk.EINVALID, "malformed incident id in button")
	}
	return n, nil
}

// Incident returns one incident (for adapters refreshing alerts).
func (c *Core) Incident(ctx context.Context, id int64) (*stormdesk.Incident, error) {
	return c.desk.Incident(ctx, id)
}

// MaxMergeOptions bounds the "Merge into…" menu (Slack and Discord both
// stop at 25 options in a select menu shown this way).
const MaxMergeOptions = 25

// Alert describes the ops-channel alert for an incident: the card, the
// reason it was raised, and while it is open the Acknowledge, Merge
// into… and Not an incident actions. Adapters post it once and update it
// in place with a fresh Alert as the incident changes.
func (c *Core) Alert(ctx context.Context, inc *stormdesk.Incident, reason string) Reply {
	r := Reply{Public: true, Title: incidentTitle(inc), Fields: incidentFields(inc)}
	if reason = strings.TrimSpace(reason); reason != "" {
		r.Lines = []string{truncate(reason, 500)}
	}
	if closed(inc) {
		return r
	}
	if inc.AcknowledgedAt == nil {
		r.Actions = append(r.Actions, Action{ID: ActionAck, Label: "Acknowledge", Value: strconv.FormatInt(inc.ID, 10), Style: StylePrimary})
	}
	open, err := c.desk.Incidents(ctx, stormdesk.IncidentFilter{Open: true, Limit: MaxMergeOptions + 1})
	if err != nil {
		// The alert matters more than its menu: post it without one.
		c.log.Warn("bot: list incidents for the merge menu", "incident_id", inc.ID, "error", err)
	}
	merge := Action{ID: ActionMerge, Label: "Merge into…"}
	for _, o := range open {
		if o.ID != inc.ID && len(merge.Options) < MaxMergeOptions {
			merge.Options = append(merge.Options, Option{Label: truncate(fmt.Sprintf("#%d %s", o.ID, o.Title), 75), Value: fmt.Sprintf("%d:%d", inc.ID, o.ID)})
		}
	}
	if len(merge.Options) > 0 {
		r.Actions = append(r.Actions, merge)
	}
	if inc.Status == stormdesk.StatusTriage {
		r.Actions = append(r.Actions, Action{ID: ActionNotIncident, Label: "Not an incident", Value: strconv.FormatInt(inc.ID, 10), Style: StyleDanger})
	}
	return r
}

// Allowed reports whether id may change incidents (a failed lookup
// counts as no).
func (c *Core) Allowed(ctx context.Context, id Identity) bool {
	_, ok := c.authorise(ctx, id, "")
	return ok
}

// AddToTimeline adds a chat message to an incident's timeline on behalf
// of by, who must be allowed to change incidents: the entry carries the
// message's own author and time.
func (c *Core) AddToTimeline(ctx context.Context, by Identity, incidentID int64, author Identity, text string, at time.Time) Reply {
	if r, ok := c.authorise(ctx, by, "pin"); !ok {
		return r
	}
	text = strings.TrimSpace(text)
	if text == "" {
		text = "(message without text)"
	}
	text = truncate(text, 4000) + " (added from chat by " + by.Actor() + ")"
	e, err := c.desk.AddNote(ctx, incidentID, text, author.Actor(), at)
	if err != nil {
		return c.errorReply("pin", err)
	}
	return Reply{Title: fmt.Sprintf("Added to the timeline of incident #%d", incidentID),
		Lines: []string{"At " + e.At.UTC().Format("2006-01-02 15:04:05 UTC") + ", by " + author.Actor() + "."}}
}

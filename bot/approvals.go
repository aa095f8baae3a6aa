package bot

import (
	"context"
	"fmt"
	"strings"

	"stormdesk"
)

// Approvals live in the store (the email is held there), so any replica
// can take the Approve press and two presses send once.

func (c *Core) notify(ctx context.Context, id Identity, cmd Command) (Reply, error) {
	p, err := c.desk.PreviewNotification(ctx, cmd.ID, cmd.Template)
	if err != nil {
		return Reply{}, err
	}
	sample := "Subject: " + p.Subject + "\n\n" + truncate(p.Sample, 2500)
	if cmd.DryRun {
		summary := fmt.Sprintf("Template %s would go to %d recipient%s.", p.Template, p.Recipients, plural(p.Recipients))
		return Reply{Title: fmt.Sprintf("Preview: notification about incident #%d", cmd.ID), Lines: []string{summary, "Nothing was sent."}, Pre: sample}, nil
	}
	r, err := c.desk.Notify(ctx, cmd.ID, p.Template, id.Actor(), id.Key())
	if err != nil {
		return Reply{}, err
	}
	if r.Held() {
		return approvalRequest(r.Message, fmt.Sprintf("%s wants to email %d customers (template %s). A second authorised person must approve.",
			id.Actor(), r.Audience, r.Message.Template), sample), nil
	}
	return sentReply(r, ""), nil
}

// ApprovalRequest describes the ops-channel message asking to approve an
// automatic email that was held (the policy asks for approval, or it
// would go to many customers), with Approve send and Cancel buttons.
// A maintenance's email (inc nil: it belongs to no incident) is asked
// about the same way.
func (c *Core) ApprovalRequest(inc *stormdesk.Incident, m *stormdesk.OutboundMessage) Reply {
	if inc == nil {
		return approvalRequest(m, fmt.Sprintf("The maintenance email %s would go to %d subscribers and waits for approval.", m.MessageID, m.Audience),
			"Subject: "+m.Subject+"\n\n"+truncate(m.Text, 2500))
	}
	return approvalRequest(m, fmt.Sprintf("The %s email about incident #%d (%s) would go to %d customers and waits for approval.",
		m.Template, inc.ID, truncate(inc.Title, 200), m.Audience), "Subject: "+m.Subject+"\n\n"+truncate(m.Text, 2500))
}

// about names what an email is about in a reply's title.
func about(m *stormdesk.OutboundMessage) string {
	if m.IncidentID == 0 {
		return "a maintenance"
	}
	return fmt.Sprintf("incident #%d", m.IncidentID)
}

func approvalRequest(m *stormdesk.OutboundMessage, line, sample string) Reply {
	return Reply{Public: true, Title: "Approval needed: notification about " + about(m),
		Lines: []string{line}, Pre: sample,
		Actions: []Action{
			{ID: ActionApprove, Label: "Approve send", Value: m.MessageID, Style: StylePrimary},
			{ID: ActionCancelNotify, Label: "Cancel", Value: m.MessageID},
		}}
}

func (c *Core) approve(ctx context.Context, id Identity, messageID string) (Reply, error) {
	if err := checkMessageID(messageID); err != nil {
		return Reply{}, err
	}
	r, err := c.desk.ApproveNotification(ctx, messageID, id.Actor(), id.Key())
	if err != nil {
		return Reply{}, err
	}
	return sentReply(r, id.Actor()), nil
}

func (c *Core) cancelPending(ctx context.Context, id Identity, messageID string) (Reply, error) {
	if err := checkMessageID(messageID); err != nil {
		return Reply{}, err
	}
	r, err := c.desk.CancelNotification(ctx, messageID, id.Actor())
	if err != nil {
		return Reply{}, err
	}
	m := r.Message
	return Reply{Public: true, Title: "Notification about " + about(m) + " cancelled",
		Lines: []string{fmt.Sprintf("%s cancelled the %s email requested by %s. Nothing was sent.", id.Actor(), m.Template, m.RequestedBy)}}, nil
}

// checkMessageID refuses button values that cannot be a message id
// before they reach the store.
func checkMessageID(s string) error {
	if s == "" || len(s) > 80 || strings.ContainsFunc(s, func(r rune) bool {
		return !(r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	}) {
		return stormdesk.Errorf(stormdesk.EINVALID, "malformed email id in button")
	}
	return nil
}

func sentReply(r stormdesk.SendResult, approver string) Reply {
	m := r.Message
	line := fmt.Sprintf("%s sent template %s: %d email%s queued", m.RequestedBy, m.Template, r.Queued, plural(r.Queued))
	if approver != "" {
		line = fmt.Sprintf("%s approved the %s email requested by %s: %d email%s queued", approver, m.Template, m.RequestedBy, r.Queued, plural(r.Queued))
	}
	return Reply{Public: true, Title: "Notification about " + about(m) + " sent", Lines: []string{line + "."}}
}

// email shows an incident's email policy and emails, or changes the
// policy when the command names TEMPLATE=MODE pairs.
func (c *Core) email(ctx context.Context, id Identity, cmd Command) (Reply, error) {
	if cmd.Text != "" {
		p, err := stormdesk.ParseEmailPolicy(cmd.Text)
		if err != nil {
			return Reply{}, err
		}
		inForce, err := c.desk.SetEmailPolicy(ctx, cmd.ID, p, id.Actor())
		if err != nil {
			return Reply{}, err
		}
		return Reply{Public: true, Title: fmt.Sprintf("Email policy of incident #%d", cmd.ID),
			Lines: []string{fmt.Sprintf("%s set %s. In force: %s.", id.Actor(), p, inForce)}}, nil
	}
	st, err := c.desk.EmailStatus(ctx, cmd.ID)
	if err != nil {
		return Reply{}, err
	}
	r := Reply{Title: fmt.Sprintf("Customer email of incident #%d", cmd.ID), Lines: []string{"Policy: " + st.Policy.String() + "."}}
	if len(st.Messages) == 0 {
		r.Lines = append(r.Lines, "No email yet.")
	}
	for _, m := range st.Messages {
		line := fmt.Sprintf("%s UTC %s: %s", m.CreatedAt.UTC().Format("Jan 2 15:04"), m.Template, m.State)
		switch m.State {
		case stormdesk.MessageHeld:
			line += fmt.Sprintf(" (%d customers, requested by %s)", m.Audience, m.RequestedBy)
		case stormdesk.MessageCancelled:
			line += " by " + m.DecidedBy
		default:
			line += fmt.Sprintf(": %d sent, %d failed, %d waiting, %d suppressed", m.Sent, m.Failed, m.Pending, m.Suppressed)
		}
		r.Lines = append(r.Lines, line)
	}
	return r, nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

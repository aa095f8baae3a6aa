package bot

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"sync"
	"time"

	"stormdesk"
)

// maxPending bounds the pending bulk sends kept in memory.
const maxPending = 1000

// pendingSend is a bulk notification waiting for a second person.
type pendingSend struct {
	incidentID int64
	template   string
	recipients int
	actor      string // requester, as the timeline names them
	key        string // requester's Identity.Key
	expires    time.Time
}

// approvals holds pending bulk sends in memory. A restart forgets them;
// the requester then runs notify again (nothing was sent).
type approvals struct {
	mu      sync.Mutex
	pending map[string]*pendingSend
}

func newApprovals() *approvals { return &approvals{pending: map[string]*pendingSend{}} }

func (a *approvals) add(p *pendingSend, now time.Time) (string, error) {
	var b [12]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("bot: approval id: %w", err)
	}
	id := hex.EncodeToString(b[:])
	a.mu.Lock()
	defer a.mu.Unlock()
	for k, v := range a.pending {
		if now.After(v.expires) {
			delete(a.pending, k)
		}
	}
	if len(a.pending) >= maxPending {
		return "", stormdesk.Errorf(stormdesk.EUNAVAILABLE, "too many notifications are waiting for approval; approve or cancel some first")
	}
	a.pending[id] = p
	return id, nil
}

// take removes and returns the pending send id for approver, unless the
// approver is its requester (a second person must approve) or it expired.
// Taking it before sending makes a double press send once.
func (a *approvals) take(id, approverKey string, now time.Time) (*pendingSend, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	p, ok := a.pending[id]
	if !ok || now.After(p.expires) {
		delete(a.pending, id)
		return nil, stormdesk.Errorf(stormdesk.ENOTFOUND, "this notification request expired or was already handled: run notify again")
	}
	if p.key == approverKey {
		return nil, stormdesk.Errorf(stormdesk.EFORBIDDEN, "a second person must approve this send: you asked for it")
	}
	delete(a.pending, id)
	return p, nil
}

func (a *approvals) cancel(id string) (*pendingSend, bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	p, ok := a.pending[id]
	delete(a.pending, id)
	return p, ok
}

// PendingApprovals counts bulk sends waiting for approval.
func (c *Core) PendingApprovals() int {
	c.approvals.mu.Lock()
	defer c.approvals.mu.Unlock()
	return len(c.approvals.pending)
}

func (c *Core) notify(ctx context.Context, id Identity, cmd Command) (Reply, error) {
	p, err := c.desk.PreviewNotification(ctx, cmd.ID, cmd.Template)
	if err != nil {
		return Reply{}, err
	}
	summary := fmt.Sprintf("Template %s would go to %d recipient%s.", p.Template, p.Recipients, plural(p.Recipients))
	sample := "Subject: " + p.Subject + "\n\n" + truncate(p.Sample, 2500)
	if cmd.DryRun {
		return Reply{Title: fmt.Sprintf("Preview: notification about incident #%d", cmd.ID), Lines: []string{summary, "Nothing was sent."}, Pre: sample}, nil
	}
	t := c.policy.threshold()
	if t >= 0 && p.Recipients <= t {
		s, err := c.desk.SendNotification(ctx, cmd.ID, p.Template, id.Actor(), "")
		if err != nil {
			return Reply{}, err
		}
		return sentReply(cmd.ID, s, id.Actor(), ""), nil
	}
	pid, err := c.approvals.add(&pendingSend{incidentID: cmd.ID, template: p.Template, recipients: p.Recipients,
		actor: id.Actor(), key: id.Key(), expires: c.Now().Add(ApprovalTTL)}, c.Now())
	if err != nil {
		return Reply{}, err
	}
	return Reply{Public: true, Title: fmt.Sprintf("Approval needed: notification about incident #%d", cmd.ID),
		Lines: []string{
			fmt.Sprintf("%s wants to email %d customers (template %s). A second authorised person must approve within %d minutes.", id.Actor(), p.Recipients, p.Template, int(ApprovalTTL.Minutes())),
		},
		Pre: sample,
		Actions: []Action{
			{ID: ActionApprove, Label: "Approve send", Value: pid, Style: StylePrimary},
			{ID: ActionCancelNotify, Label: "Cancel", Value: pid},
		}}, nil
}

func (c *Core) approve(ctx context.Context, id Identity, pid string) (Reply, error) {
	p, err := c.approvals.take(pid, id.Key(), c.Now())
	if err != nil {
		return Reply{}, err
	}
	s, err := c.desk.SendNotification(ctx, p.incidentID, p.template, p.actor, id.Actor())
	if err != nil {
		return Reply{}, err
	}
	return sentReply(p.incidentID, s, p.actor, id.Actor()), nil
}

func (c *Core) cancelPending(id Identity, pid string) (Reply, error) {
	p, ok := c.approvals.cancel(pid)
	if !ok {
		return Reply{}, stormdesk.Errorf(stormdesk.ENOTFOUND, "this notification request expired or was already handled")
	}
	return Reply{Public: true, Title: fmt.Sprintf("Notification about incident #%d cancelled", p.incidentID),
		Lines: []string{fmt.Sprintf("%s cancelled the send requested by %s. Nothing was sent.", id.Actor(), p.actor)}}, nil
}

func sentReply(incidentID int64, s NotifySummary, actor, approver string) Reply {
	line := fmt.Sprintf("%s sent template %s: %d email%s queued", actor, s.Template, s.Queued, plural(s.Queued))
	if s.Skipped > 0 {
		line += fmt.Sprintf(", %d skipped (unsubscribed or already told)", s.Skipped)
	}
	line += "."
	if approver != "" {
		line += " Approved by " + approver + "."
	}
	return Reply{Public: true, Title: fmt.Sprintf("Notification about incident #%d sent", incidentID), Lines: []string{line}, Refresh: []int64{incidentID}}
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

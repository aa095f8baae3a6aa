// Package bottest provides an in-memory bot.Desk for the command core's
// and the adapters' tests.
package bottest

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"time"

	"stormdesk"
	"stormdesk/bot"
)

// Desk is an in-memory bot.Desk. Each method checks everything before it
// changes anything, as one store transaction would; Fail makes a method
// fail (before any change) with the given error.
type Desk struct {
	mu        sync.Mutex
	Now       time.Time
	incidents map[int64]*stormdesk.Incident
	timeline  map[int64][]*stormdesk.TimelineEntry
	tickets   map[int64]int64 // ticket → incident (0: none)
	nextID    int64
	// Recipients is what PreviewNotification counts.
	Recipients int
	// HoldAbove: Notify holds an email to more recipients for approval.
	HoldAbove int
	// Sent records every email queued (at once or once approved).
	Sent   []Send
	held   map[string]*heldEmail
	policy map[int64]stormdesk.EmailPolicy
	// Fail maps a method name ("SetStatus") to the error it returns.
	Fail map[string]error
	// Delay makes every call sleep first (acknowledgement tests).
	Delay time.Duration
}

type heldEmail struct {
	Send
	key   string
	state string
	by    string
}

// Send is one email queued.
type Send struct {
	IncidentID                  int64
	Template, Actor, ApprovedBy string
}

// New returns a Desk with two incidents: #1 "Login fails" in triage with
// 12 reports, and #2 "Checkout slow" investigating; tickets 100..102 exist
// and 100 is linked to #1.
func New() *Desk {
	t0 := time.Date(2026, 3, 14, 15, 13, 0, 0, time.UTC)
	d := &Desk{Now: t0.Add(time.Hour), incidents: map[int64]*stormdesk.Incident{}, timeline: map[int64][]*stormdesk.TimelineEntry{},
		tickets: map[int64]int64{100: 1, 101: 0, 102: 0}, nextID: 2, Recipients: 3, HoldAbove: 10, Fail: map[string]error{},
		held: map[string]*heldEmail{}, policy: map[int64]stormdesk.EmailPolicy{}}
	d.incidents[1] = &stormdesk.Incident{ID: 1, Title: "Login fails", Status: stormdesk.StatusTriage, Severity: stormdesk.SeverityMajor,
		Features: []string{"login"}, CreatedAt: t0, UpdatedAt: t0, TicketCount: 12}
	d.incidents[2] = &stormdesk.Incident{ID: 2, Title: "Checkout slow", Status: stormdesk.StatusInvestigating, Severity: stormdesk.SeverityMinor,
		CreatedAt: t0.Add(10 * time.Minute), UpdatedAt: t0.Add(10 * time.Minute), TicketCount: 2}
	d.timeline[1] = []*stormdesk.TimelineEntry{{ID: 1, IncidentID: 1, At: t0, Kind: stormdesk.KindFirstReport, Actor: "ana@example.com", Text: "First report: can't log in"}}
	return d
}

func (d *Desk) enter(method string) (func(), error) {
	if d.Delay > 0 {
		time.Sleep(d.Delay)
	}
	d.mu.Lock()
	if err := d.Fail[method]; err != nil {
		d.mu.Unlock()
		return nil, err
	}
	return d.mu.Unlock, nil
}

func (d *Desk) get(id int64) (*stormdesk.Incident, error) {
	inc, ok := d.incidents[id]
	if !ok {
		return nil, stormdesk.Errorf(stormdesk.ENOTFOUND, "incident %d not found", id)
	}
	return inc, nil
}

func (d *Desk) append(id int64, kind, actor, text string, at time.Time) *stormdesk.TimelineEntry {
	e := &stormdesk.TimelineEntry{ID: int64(len(d.timeline[id]) + 1), IncidentID: id, At: at, Kind: kind, Actor: actor, Text: text}
	d.timeline[id] = append(d.timeline[id], e)
	return e
}

func cp(inc *stormdesk.Incident) *stormdesk.Incident { c := *inc; return &c }

// Snapshot returns a JSON image of everything, to compare before and after.
func (d *Desk) Snapshot() string {
	d.mu.Lock()
	defer d.mu.Unlock()
	b, _ := json.Marshal([]any{d.incidents, d.timeline, d.tickets, d.Sent})
	return string(b)
}

// Incidents implements bot.Desk.
func (d *Desk) Incidents(_ context.Context, f stormdesk.IncidentFilter) ([]*stormdesk.Incident, error) {
	done, err := d.enter("Incidents")
	if err != nil {
		return nil, err
	}
	defer done()
	var out []*stormdesk.Incident
	for _, inc := range d.incidents {
		if f.Open && (inc.Status == stormdesk.StatusResolved || inc.MergedInto != 0) {
			continue
		}
		out = append(out, cp(inc))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID > out[j].ID })
	if f.Limit > 0 && len(out) > f.Limit {
		out = out[:f.Limit]
	}
	return out, nil
}

// JoinReasons implements bot.Desk: every ticket the fake links joined
// by an operator's hand.
func (d *Desk) JoinReasons(_ context.Context, id int64) ([]stormdesk.ReasonCount, error) {
	done, err := d.enter("JoinReasons")
	if err != nil {
		return nil, err
	}
	defer done()
	if _, err := d.get(id); err != nil {
		return nil, err
	}
	n := 0
	for _, inc := range d.tickets {
		if inc == id {
			n++
		}
	}
	if n == 0 {
		return nil, nil
	}
	return []stormdesk.ReasonCount{{Reason: "linked by an operator", Tickets: n}}, nil
}

// Incident implements bot.Desk.
func (d *Desk) Incident(_ context.Context, id int64) (*stormdesk.Incident, error) {
	done, err := d.enter("Incident")
	if err != nil {
		return nil, err
	}
	defer done()
	inc, err := d.get(id)
	if err != nil {
		return nil, err
	}
	return cp(inc), nil
}

// Declare implements bot.Desk.
func (d *Desk) Declare(_ context.Context, title string, sev stormdesk.Severity, actor string) (*stormdesk.Incident, error) {
	done, err := d.enter("Declare")
	if err != nil {
		return nil, err
	}
	defer done()
	inc := &stormdesk.Incident{Title: title, Status: stormdesk.StatusInvestigating, Severity: sev, CreatedAt: d.Now, UpdatedAt: d.Now}
	if err := inc.Validate(); err != nil {
		return nil, err
	}
	d.nextID++
	inc.ID = d.nextID
	d.incidents[inc.ID] = inc
	d.append(inc.ID, stormdesk.KindDeclared, actor, "Incident declared: "+inc.Title, d.Now)
	return cp(inc), nil
}

// SetStatus implements bot.Desk.
func (d *Desk) SetStatus(_ context.Context, id int64, st stormdesk.Status, message, actor, _ string) (*stormdesk.Incident, error) {
	done, err := d.enter("SetStatus")
	if err != nil {
		return nil, err
	}
	defer done()
	inc, err := d.get(id)
	if err != nil {
		return nil, err
	}
	if inc.MergedInto != 0 {
		return nil, stormdesk.Errorf(stormdesk.ECONFLICT, "incident %d was merged into %d: change that one", id, inc.MergedInto)
	}
	if err := inc.Status.Transition(st); err != nil {
		return nil, err
	}
	prev := inc.Status
	inc.Status, inc.UpdatedAt = st, d.Now
	if inc.AcknowledgedAt == nil {
		now := d.Now
		inc.AcknowledgedAt = &now
	}
	text := fmt.Sprintf("Status changed from %s to %s", prev, st)
	if message != "" {
		text += ": " + message
	}
	d.append(id, stormdesk.KindStatusChange, actor, text, d.Now)
	return cp(inc), nil
}

// AddNote implements bot.Desk.
func (d *Desk) AddNote(_ context.Context, id int64, text, actor string, at time.Time) (*stormdesk.TimelineEntry, error) {
	done, err := d.enter("AddNote")
	if err != nil {
		return nil, err
	}
	defer done()
	if strings.TrimSpace(text) == "" {
		return nil, stormdesk.Errorf(stormdesk.EINVALID, "note: text required")
	}
	if _, err := d.get(id); err != nil {
		return nil, err
	}
	if at.IsZero() {
		at = d.Now
	}
	e := d.append(id, stormdesk.KindNote, actor, text, at.UTC())
	c := *e
	return &c, nil
}

// Timeline implements bot.Desk.
func (d *Desk) Timeline(_ context.Context, id int64) ([]*stormdesk.TimelineEntry, error) {
	done, err := d.enter("Timeline")
	if err != nil {
		return nil, err
	}
	defer done()
	if _, err := d.get(id); err != nil {
		return nil, err
	}
	out := make([]*stormdesk.TimelineEntry, 0, len(d.timeline[id]))
	for _, e := range d.timeline[id] {
		c := *e
		out = append(out, &c)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].At.Before(out[j].At) })
	return out, nil
}

// Export implements bot.Desk: a small Markdown-ish rendering.
func (d *Desk) Export(_ context.Context, id int64, format string, w io.Writer) error {
	done, err := d.enter("Export")
	if err != nil {
		return err
	}
	defer done()
	inc, err := d.get(id)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "# %s (%s)\n\n%d timeline entries\n", inc.Title, format, len(d.timeline[id]))
	return err
}

// Acknowledge implements bot.Desk.
func (d *Desk) Acknowledge(_ context.Context, id int64, actor, _ string) (*stormdesk.Incident, error) {
	done, err := d.enter("Acknowledge")
	if err != nil {
		return nil, err
	}
	defer done()
	inc, err := d.get(id)
	if err != nil {
		return nil, err
	}
	if inc.AcknowledgedAt != nil || inc.MergedInto != 0 || inc.Status == stormdesk.StatusResolved {
		return nil, stormdesk.Errorf(stormdesk.ECONFLICT, "incident %d is already acknowledged", id)
	}
	now := d.Now
	inc.AcknowledgedAt = &now
	if inc.Status == stormdesk.StatusTriage {
		inc.Status = stormdesk.StatusInvestigating
	}
	d.append(id, stormdesk.KindAcknowledged, actor, "Acknowledged", d.Now)
	return cp(inc), nil
}

// Merge implements bot.Desk.
func (d *Desk) Merge(_ context.Context, from, into int64, actor string) error {
	done, err := d.enter("Merge")
	if err != nil {
		return err
	}
	defer done()
	f, err := d.get(from)
	if err != nil {
		return err
	}
	t, err := d.get(into)
	if err != nil {
		return err
	}
	if from == into || f.MergedInto != 0 || t.MergedInto != 0 {
		return stormdesk.Errorf(stormdesk.ECONFLICT, "cannot merge %d into %d", from, into)
	}
	f.MergedInto = into
	t.TicketCount += f.TicketCount
	f.TicketCount = 0
	d.append(from, stormdesk.KindMerge, actor, fmt.Sprintf("Merged into #%d", into), d.Now)
	d.append(into, stormdesk.KindMerge, actor, fmt.Sprintf("#%d merged in", from), d.Now)
	return nil
}

// LinkTicket implements bot.Desk.
func (d *Desk) LinkTicket(_ context.Context, ticketID, incidentID int64, actor string) error {
	done, err := d.enter("LinkTicket")
	if err != nil {
		return err
	}
	defer done()
	if _, ok := d.tickets[ticketID]; !ok {
		return stormdesk.Errorf(stormdesk.ENOTFOUND, "ticket %d not found", ticketID)
	}
	inc, err := d.get(incidentID)
	if err != nil {
		return err
	}
	d.tickets[ticketID] = incidentID
	inc.TicketCount++
	d.append(incidentID, stormdesk.KindTicketMoved, actor, fmt.Sprintf("Ticket %d linked", ticketID), d.Now)
	return nil
}

// UnlinkTicket implements bot.Desk.
func (d *Desk) UnlinkTicket(_ context.Context, ticketID int64, actor string) error {
	done, err := d.enter("UnlinkTicket")
	if err != nil {
		return err
	}
	defer done()
	cur, ok := d.tickets[ticketID]
	if !ok {
		return stormdesk.Errorf(stormdesk.ENOTFOUND, "ticket %d not found", ticketID)
	}
	if cur == 0 {
		return stormdesk.Errorf(stormdesk.ECONFLICT, "ticket %d is not linked to an incident", ticketID)
	}
	d.tickets[ticketID] = 0
	d.incidents[cur].TicketCount--
	d.append(cur, stormdesk.KindTicketMoved, actor, fmt.Sprintf("Ticket %d unlinked", ticketID), d.Now)
	return nil
}

// SetCause implements bot.Desk.
func (d *Desk) SetCause(_ context.Context, id int64, cause, actor string) (*stormdesk.Incident, error) {
	done, err := d.enter("SetCause")
	if err != nil {
		return nil, err
	}
	defer done()
	inc, err := d.get(id)
	if err != nil {
		return nil, err
	}
	inc.LikelyCause = cause
	d.append(id, stormdesk.KindCauseIdentfied, actor, "Likely cause: "+cause, d.Now)
	return cp(inc), nil
}

// NotAnIncident implements bot.Desk.
func (d *Desk) NotAnIncident(_ context.Context, id int64, actor string) error {
	done, err := d.enter("NotAnIncident")
	if err != nil {
		return err
	}
	defer done()
	inc, err := d.get(id)
	if err != nil {
		return err
	}
	if inc.Status != stormdesk.StatusTriage {
		return stormdesk.Errorf(stormdesk.ECONFLICT, "incident %d is %s, not a candidate in triage", id, inc.Status)
	}
	now := d.Now
	inc.Status, inc.ResolvedAt = stormdesk.StatusResolved, &now
	d.append(id, stormdesk.KindStatusChange, actor, "Dismissed: not an incident", d.Now)
	return nil
}

// PreviewNotification implements bot.Desk.
func (d *Desk) PreviewNotification(_ context.Context, id int64, template string) (bot.NotifyPreview, error) {
	done, err := d.enter("PreviewNotification")
	if err != nil {
		return bot.NotifyPreview{}, err
	}
	defer done()
	inc, err := d.get(id)
	if err != nil {
		return bot.NotifyPreview{}, err
	}
	if template == "" {
		template = "update"
	}
	return bot.NotifyPreview{Template: template, Recipients: d.Recipients, Subject: "[" + string(inc.Status) + "] " + inc.Title,
		Sample: "Hello Ana,\n\nWe are looking into: " + inc.Title + "."}, nil
}

// Notify implements bot.Desk.
func (d *Desk) Notify(_ context.Context, id int64, template, actor, actorKey string) (bot.NotifyResult, error) {
	done, err := d.enter("Notify")
	if err != nil {
		return bot.NotifyResult{}, err
	}
	defer done()
	if _, err := d.get(id); err != nil {
		return bot.NotifyResult{}, err
	}
	e := d.append(id, stormdesk.KindNotification, actor, template+" email", d.Now)
	mid := fmt.Sprintf("inc%d-%s-e%d", id, template, e.ID)
	r := bot.NotifyResult{IncidentID: id, MessageID: mid, Template: template, Audience: d.Recipients, RequestedBy: actor}
	if d.Recipients > d.HoldAbove {
		d.held[mid] = &heldEmail{Send: Send{id, template, actor, ""}, key: actorKey, state: stormdesk.MessageHeld}
		e.Text = fmt.Sprintf("%s email to %d customers waits for approval", template, d.Recipients)
		r.Held = true
		return r, nil
	}
	d.Sent = append(d.Sent, Send{id, template, actor, ""})
	e.Text = fmt.Sprintf("Notified %d customers (%s)", d.Recipients, template)
	r.Queued = d.Recipients
	return r, nil
}

func (d *Desk) decide(messageID, by string) (*heldEmail, error) {
	h, ok := d.held[messageID]
	if !ok {
		return nil, stormdesk.Errorf(stormdesk.ENOTFOUND, "email %s not found", messageID)
	}
	if h.state != stormdesk.MessageHeld {
		return nil, stormdesk.Errorf(stormdesk.ECONFLICT, "this email was %s by %s already", h.state, h.by)
	}
	h.by = by
	return h, nil
}

// ApproveNotification implements bot.Desk.
func (d *Desk) ApproveNotification(_ context.Context, messageID, approver, approverKey string) (bot.NotifyResult, error) {
	done, err := d.enter("ApproveNotification")
	if err != nil {
		return bot.NotifyResult{}, err
	}
	defer done()
	if h, ok := d.held[messageID]; ok && h.state == stormdesk.MessageHeld && h.key == approverKey {
		return bot.NotifyResult{}, stormdesk.Errorf(stormdesk.EFORBIDDEN, "a second person must approve this email: you asked for it")
	}
	h, err := d.decide(messageID, approver)
	if err != nil {
		return bot.NotifyResult{}, err
	}
	h.state = "approved"
	h.ApprovedBy = approver
	d.Sent = append(d.Sent, h.Send)
	d.append(h.IncidentID, stormdesk.KindNotification, approver, fmt.Sprintf("Notified %d customers (%s), approved by %s", d.Recipients, h.Template, approver), d.Now)
	return bot.NotifyResult{IncidentID: h.IncidentID, MessageID: messageID, Template: h.Template, Audience: d.Recipients, Queued: d.Recipients, RequestedBy: h.Actor}, nil
}

// CancelNotification implements bot.Desk.
func (d *Desk) CancelNotification(_ context.Context, messageID, actor string) (bot.NotifyResult, error) {
	done, err := d.enter("CancelNotification")
	if err != nil {
		return bot.NotifyResult{}, err
	}
	defer done()
	h, err := d.decide(messageID, actor)
	if err != nil {
		return bot.NotifyResult{}, err
	}
	h.state = "cancelled"
	return bot.NotifyResult{IncidentID: h.IncidentID, MessageID: messageID, Template: h.Template, RequestedBy: h.Actor}, nil
}

func (d *Desk) policyOf(id int64) stormdesk.EmailPolicy {
	p := stormdesk.EmailPolicy{"acknowledged": stormdesk.EmailAuto, "update": stormdesk.EmailAuto, "resolved": stormdesk.EmailAuto}
	for t, m := range d.policy[id] {
		p[t] = m
	}
	return p
}

// EmailStatus implements bot.Desk.
func (d *Desk) EmailStatus(_ context.Context, id int64) (bot.EmailStatus, error) {
	done, err := d.enter("EmailStatus")
	if err != nil {
		return bot.EmailStatus{}, err
	}
	defer done()
	if _, err := d.get(id); err != nil {
		return bot.EmailStatus{}, err
	}
	st := bot.EmailStatus{Policy: d.policyOf(id)}
	for _, s := range d.Sent {
		if s.IncidentID == id {
			st.Messages = append(st.Messages, stormdesk.MessageDeliveries{OutboundMessage: stormdesk.OutboundMessage{IncidentID: id, Template: s.Template,
				State: stormdesk.MessageQueued, CreatedAt: d.Now, RequestedBy: s.Actor}, Sent: d.Recipients})
		}
	}
	return st, nil
}

// SetEmailPolicy implements bot.Desk.
func (d *Desk) SetEmailPolicy(_ context.Context, id int64, p stormdesk.EmailPolicy, actor string) (stormdesk.EmailPolicy, error) {
	done, err := d.enter("SetEmailPolicy")
	if err != nil {
		return nil, err
	}
	defer done()
	if _, err := d.get(id); err != nil {
		return nil, err
	}
	if d.policy[id] == nil {
		d.policy[id] = stormdesk.EmailPolicy{}
	}
	for t, m := range p {
		d.policy[id][t] = m
	}
	d.append(id, stormdesk.KindNote, actor, "Customer email policy set: "+p.String(), d.Now)
	return d.policyOf(id), nil
}

var _ bot.Desk = (*Desk)(nil)

// Sends returns the emails queued so far.
func (d *Desk) Sends() []Send {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]Send(nil), d.Sent...)
}

// SetFail makes method fail with err (nil: succeed again).
func (d *Desk) SetFail(method string, err error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.Fail[method] = err
}

// Entries returns an incident's timeline entries.
func (d *Desk) Entries(id int64) []*stormdesk.TimelineEntry {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]*stormdesk.TimelineEntry(nil), d.timeline[id]...)
}

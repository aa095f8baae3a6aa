package bot

import (
	"context"
	"fmt"
	"sync"
	"time"

	"stormdesk"
)

// BackgroundTimeout bounds work that continues after a chat request has
// been answered.
const BackgroundTimeout = 2 * time.Minute

// Background runs work after a request has been answered (replies through
// response URLs, uploads, alert updates) and waits for it at shutdown.
// The zero value is ready.
type Background struct{ wg sync.WaitGroup }

// Go runs fn with a context that outlives parent's request but not
// BackgroundTimeout.
func (b *Background) Go(parent context.Context, fn func(ctx context.Context)) {
	b.wg.Add(1)
	go func() {
		defer b.wg.Done()
		ctx, cancel := context.WithTimeout(context.WithoutCancel(parent), BackgroundTimeout)
		defer cancel()
		fn(ctx)
	}()
}

// Wait waits for the background work to finish, or for ctx.
func (b *Background) Wait(ctx context.Context) error {
	done := make(chan struct{})
	go func() { b.wg.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Alerter posts an incident's alert once and then updates that message in
// place, on one platform: the adapters supply how to post and edit a
// Reply. It is safe for concurrent use.
type Alerter struct {
	Platform string // names the platform in errors
	Core     *Core
	Store    AlertStore
	Channel  string // where alerts go; empty disables them
	// Post posts a message to channel and returns its id (Slack's ts,
	// Discord's message id) and the channel it landed in.
	Post func(ctx context.Context, channel string, r Reply) (gotChannel, message string, err error)
	// Edit replaces the message ref points to.
	Edit func(ctx context.Context, ref AlertRef, r Reply) error
	// mu serialises posting and updating so that one incident never
	// gets two alert messages from this process.
	mu sync.Mutex
}

// Alert posts the alert for an incident with the Acknowledge, Merge
// into… and Not an incident actions, and remembers the message; an
// incident that already has an alert gets it updated (with the new
// reason) instead of a second one. Without a channel it does nothing.
func (a *Alerter) Alert(ctx context.Context, inc *stormdesk.Incident, reason string) error {
	if a.Channel == "" {
		return nil
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	ref, ok, err := a.Store.AlertOf(ctx, inc.ID)
	if err != nil {
		return fmt.Errorf("%s: alert of incident %d: %w", a.Platform, inc.ID, err)
	}
	if ok {
		ref.Reason = reason
		if err := a.Store.SaveAlert(ctx, inc.ID, ref); err != nil {
			return fmt.Errorf("%s: save alert of incident %d: %w", a.Platform, inc.ID, err)
		}
		return a.edit(ctx, inc, ref)
	}
	ch, msg, err := a.Post(ctx, a.Channel, a.Core.Alert(ctx, inc, reason))
	if err != nil {
		return fmt.Errorf("%s: post alert of incident %d: %w", a.Platform, inc.ID, err)
	}
	if err := a.Store.SaveAlert(ctx, inc.ID, AlertRef{Channel: ch, Message: msg, Reason: reason}); err != nil {
		// The alert is posted: posting it again would be a duplicate, so
		// this is not worth a retry (its updates will not find it).
		return &PostError{Platform: a.Platform, Err: fmt.Errorf("alert of incident %d posted but not remembered: %w", inc.ID, err)}
	}
	return nil
}

// UpdateAlert rewrites an incident's alert to show its current status
// and report count; resolved, dismissed and merged incidents lose their
// buttons. An incident without an alert is left alone.
func (a *Alerter) UpdateAlert(ctx context.Context, inc *stormdesk.Incident) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	ref, ok, err := a.Store.AlertOf(ctx, inc.ID)
	if err != nil {
		return fmt.Errorf("%s: alert of incident %d: %w", a.Platform, inc.ID, err)
	}
	if !ok {
		return nil
	}
	return a.edit(ctx, inc, ref)
}

func (a *Alerter) edit(ctx context.Context, inc *stormdesk.Incident, ref AlertRef) error {
	if err := a.Edit(ctx, ref, a.Core.Alert(ctx, inc, ref.Reason)); err != nil {
		return fmt.Errorf("%s: update alert of incident %d: %w", a.Platform, inc.ID, err)
	}
	return nil
}

// AskApproval posts the request to approve an automatic email that was
// held, with Approve send and Cancel buttons; a press replaces the
// message with the outcome. Without a channel it does nothing.
func (a *Alerter) AskApproval(ctx context.Context, inc *stormdesk.Incident, m *stormdesk.OutboundMessage) error {
	if a.Channel == "" {
		return nil
	}
	if _, _, err := a.Post(ctx, a.Channel, a.Core.ApprovalRequest(inc, m)); err != nil {
		return fmt.Errorf("%s: ask approval of email %s: %w", a.Platform, m.MessageID, err)
	}
	return nil
}

// Remind posts a reminder about an incident (no buttons). Without a
// channel it does nothing.
func (a *Alerter) Remind(ctx context.Context, inc *stormdesk.Incident, text string) error {
	if a.Channel == "" {
		return nil
	}
	r := Reply{Public: true, Title: fmt.Sprintf("Reminder: incident #%d", inc.ID), Lines: []string{text}, Fields: incidentFields(inc)}
	if _, _, err := a.Post(ctx, a.Channel, r); err != nil {
		return fmt.Errorf("%s: remind about incident %d: %w", a.Platform, inc.ID, err)
	}
	return nil
}

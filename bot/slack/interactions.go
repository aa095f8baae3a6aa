package slack

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"

	"github.com/slack-go/slack"

	"stormdesk"
	"stormdesk/bot"
)

// Alert posts the alert for an incident to the ops channel, with the
// Acknowledge, Merge into… and Not an incident actions, and remembers the
// message so UpdateAlert can change it in place. An incident that already
// has an alert gets it updated (with the new reason) instead of a second
// one. Without an ops channel it does nothing.
func (a *Adapter) Alert(ctx context.Context, inc *stormdesk.Incident, reason string) error {
	if a.cfg.OpsChannel == "" {
		return nil
	}
	a.alertMu.Lock()
	defer a.alertMu.Unlock()
	ref, ok, err := a.alerts.AlertOf(ctx, inc.ID)
	if err != nil {
		return fmt.Errorf("slack: alert of incident %d: %w", inc.ID, err)
	}
	if ok {
		ref.Reason = reason
		if err := a.alerts.SaveAlert(ctx, inc.ID, ref); err != nil {
			return fmt.Errorf("slack: save alert of incident %d: %w", inc.ID, err)
		}
		return a.updateLocked(ctx, inc, ref)
	}
	text, blocks := render(a.core.Alert(ctx, inc, reason))
	ch, ts, err := a.api.PostMessageContext(ctx, a.cfg.OpsChannel, slack.MsgOptionText(text, false), slack.MsgOptionBlocks(blocks...))
	if err != nil {
		return fmt.Errorf("slack: post alert of incident %d: %w", inc.ID, err)
	}
	if err := a.alerts.SaveAlert(ctx, inc.ID, bot.AlertRef{Channel: ch, Message: ts, Reason: reason}); err != nil {
		return fmt.Errorf("slack: save alert of incident %d: %w", inc.ID, err)
	}
	return nil
}

// AskApproval posts, to the ops channel, the request to approve an
// automatic email that was held, with Approve send and Cancel buttons;
// a press replaces the message with the outcome.
func (a *Adapter) AskApproval(ctx context.Context, inc *stormdesk.Incident, m *stormdesk.OutboundMessage) error {
	if a.cfg.OpsChannel == "" {
		return nil
	}
	text, blocks := render(a.core.ApprovalRequest(inc, m))
	if _, _, err := a.api.PostMessageContext(ctx, a.cfg.OpsChannel, slack.MsgOptionText(text, false), slack.MsgOptionBlocks(blocks...)); err != nil {
		return fmt.Errorf("slack: ask approval of email %s: %w", m.MessageID, err)
	}
	return nil
}

// UpdateAlert rewrites an incident's alert (chat.update) to show its
// current status and report count; resolved, dismissed and merged
// incidents lose their buttons. An incident without an alert is left
// alone.
func (a *Adapter) UpdateAlert(ctx context.Context, inc *stormdesk.Incident) error {
	a.alertMu.Lock()
	defer a.alertMu.Unlock()
	ref, ok, err := a.alerts.AlertOf(ctx, inc.ID)
	if err != nil {
		return fmt.Errorf("slack: alert of incident %d: %w", inc.ID, err)
	}
	if !ok {
		return nil
	}
	return a.updateLocked(ctx, inc, ref)
}

func (a *Adapter) updateLocked(ctx context.Context, inc *stormdesk.Incident, ref bot.AlertRef) error {
	text, blocks := render(a.core.Alert(ctx, inc, ref.Reason))
	if _, _, _, err := a.api.UpdateMessageContext(ctx, ref.Channel, ref.Message, slack.MsgOptionText(text, false), slack.MsgOptionBlocks(blocks...)); err != nil {
		return fmt.Errorf("slack: update alert of incident %d: %w", inc.ID, err)
	}
	return nil
}

// parseInteraction decodes an interactivity request body: a form whose
// payload field is JSON.
func parseInteraction(body []byte) (*slack.InteractionCallback, error) {
	v, err := url.ParseQuery(string(body))
	if err != nil {
		return nil, fmt.Errorf("slack: interaction form: %w", err)
	}
	p := v.Get("payload")
	if p == "" {
		return nil, errors.New("slack: interaction without payload")
	}
	var cb slack.InteractionCallback
	if err := json.Unmarshal([]byte(p), &cb); err != nil {
		return nil, fmt.Errorf("slack: interaction payload: %w", err)
	}
	return &cb, nil
}

// pressed is the action and value of a block_actions interaction: a
// button's value or a menu's selected option.
func pressed(cb *slack.InteractionCallback) (action, value string, ok bool) {
	if cb.Type != slack.InteractionTypeBlockActions || len(cb.ActionCallback.BlockActions) == 0 || cb.User.ID == "" {
		return "", "", false
	}
	ba := cb.ActionCallback.BlockActions[0]
	if ba == nil {
		return "", "", false
	}
	value = ba.Value
	if ba.SelectedOption.Value != "" {
		value = ba.SelectedOption.Value
	}
	return ba.ActionID, value, true
}

// InteractionsHandler serves POST /slack/interactions: button presses
// and menu choices on alerts and approval requests. The press is
// acknowledged at once; the result follows through response_url (the
// approval message is replaced, so its buttons cannot be pressed again),
// and changed alerts are updated in place.
func (a *Adapter) InteractionsHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := a.verified(w, r)
		if !ok {
			return
		}
		cb, err := parseInteraction(body)
		if err != nil {
			http.Error(w, "malformed interaction", http.StatusBadRequest)
			return
		}
		action, value, ok := pressed(cb)
		w.WriteHeader(http.StatusOK)
		if !ok {
			return
		}
		id := a.identity(cb.User.ID, cb.User.Name, cb.Channel.ID)
		responseURL := cb.ResponseURL
		a.background(r.Context(), func(ctx context.Context) {
			reply := a.core.Act(ctx, id, action, value)
			msg := webhookMessage(reply)
			if reply.Kind == bot.KindOK && (action == bot.ActionApprove || action == bot.ActionCancelNotify) {
				msg.ReplaceOriginal = true
			}
			if err := a.respond(ctx, responseURL, msg); err != nil {
				a.log.Warn("slack: answer interaction", "action", action, "user_id", id.UserID, "error", err)
			}
			a.refresh(ctx, reply.Refresh)
		})
	})
}

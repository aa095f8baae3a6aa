package slack

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"

	"github.com/slack-go/slack"

	"stormdesk/bot"
)

// post and edit are how bot.Alerter reaches Slack. Their errors are
// classified (postError) for the chat outbox's retry stage.
func (a *Adapter) post(ctx context.Context, channel string, r bot.Reply) (string, string, error) {
	text, blocks := render(r)
	ch, ts, err := a.api.PostMessageContext(ctx, channel, slack.MsgOptionText(text, false), slack.MsgOptionBlocks(blocks...))
	return ch, ts, postError(err)
}

func (a *Adapter) edit(ctx context.Context, ref bot.AlertRef, r bot.Reply) error {
	text, blocks := render(r)
	_, _, _, err := a.api.UpdateMessageContext(ctx, ref.Channel, ref.Message, slack.MsgOptionText(text, false), slack.MsgOptionBlocks(blocks...))
	return postError(err)
}

// slackRetryable are the ok:false error codes Slack documents as worth
// trying again; every other ok:false (channel_not_found, invalid_auth,
// msg_too_long, ...) is a refusal that a retry would only repeat.
var slackRetryable = map[string]bool{"ratelimited": true, "internal_error": true, "fatal_error": true,
	"service_unavailable": true, "request_timeout": true}

// postError classifies slack-go's errors: a 429 with its Retry-After, any
// other non-200 status (5xx retried, 4xx not), and Slack's ok:false codes.
// Transport errors are left as they are (retried).
func postError(err error) error {
	if err == nil {
		return nil
	}
	var rl *slack.RateLimitedError
	var sc slack.StatusCodeError
	var se slack.SlackErrorResponse
	switch {
	case errors.As(err, &rl):
		return &bot.PostError{Platform: bot.PlatformSlack, Status: http.StatusTooManyRequests, Retry: true, After: rl.RetryAfter, Err: err}
	case errors.As(err, &sc):
		return &bot.PostError{Platform: bot.PlatformSlack, Status: sc.Code, Retry: sc.Retryable(), Err: err}
	case errors.As(err, &se):
		return &bot.PostError{Platform: bot.PlatformSlack, Status: http.StatusOK, Retry: slackRetryable[se.Err], Err: err}
	}
	return err
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
		a.bg.Go(r.Context(), func(ctx context.Context) {
			reply := a.core.Act(ctx, id, action, value)
			msg := webhookMessage(reply)
			if reply.Kind == bot.KindOK && (action == bot.ActionApprove || action == bot.ActionCancelNotify) {
				msg.ReplaceOriginal = true
			}
			if err := a.respond(ctx, responseURL, msg); err != nil {
				a.log.Warn("slack: answer interaction", "action", action, "user_id", id.UserID, "error", err)
			}
		})
	})
}

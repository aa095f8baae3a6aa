package slack

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/slack-go/slack"

	"stormdesk/bot"
)

// slashCommand is the part of Slack's slash-command form stormdesk uses.
type slashCommand struct {
	UserID, UserName, ChannelID, Text, ResponseURL string
}

// parseCommandForm decodes a slash-command body. It accepts any form;
// missing fields stay empty and are judged by the caller.
func parseCommandForm(body []byte) (slashCommand, error) {
	v, err := url.ParseQuery(string(body))
	if err != nil {
		return slashCommand{}, fmt.Errorf("slack: command form: %w", err)
	}
	return slashCommand{UserID: v.Get("user_id"), UserName: v.Get("user_name"), ChannelID: v.Get("channel_id"),
		Text: unescape(v.Get("text")), ResponseURL: v.Get("response_url")}, nil
}

// CommandsHandler serves POST /slack/commands. The command runs at once;
// if it answers within the ack budget the reply is the response body,
// otherwise the request is acknowledged and the reply follows through
// response_url. Uploads (exports) and alert refreshes always follow in
// the background.
func (a *Adapter) CommandsHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := a.verified(w, r)
		if !ok {
			return
		}
		sc, err := parseCommandForm(body)
		if err != nil || sc.UserID == "" {
			http.Error(w, "malformed slash command", http.StatusBadRequest)
			return
		}
		select {
		case a.sem <- struct{}{}:
		default:
			writeJSON(w, webhookMessage(bot.Reply{Kind: bot.KindError, Title: "Stormdesk is busy", Lines: []string{"Too many commands are running; try again in a moment."}}))
			return
		}
		id := a.identity(sc.UserID, sc.UserName, sc.ChannelID)
		replies := make(chan bot.Reply, 1)
		a.bg.Go(r.Context(), func(ctx context.Context) {
			defer func() { <-a.sem }()
			replies <- a.core.Execute(ctx, id, sc.Text)
		})
		timer := time.NewTimer(a.cfg.AckBudget)
		defer timer.Stop()
		select {
		case reply := <-replies:
			writeJSON(w, webhookMessage(reply))
			a.followUp(r.Context(), sc, reply, false)
		case <-timer.C:
			writeJSON(w, &slack.WebhookMessage{ResponseType: slack.ResponseTypeEphemeral, Text: "Working on it…"})
			a.bg.Go(r.Context(), func(ctx context.Context) {
				select {
				case reply := <-replies:
					a.followUp(ctx, sc, reply, true)
				case <-ctx.Done():
					a.log.Warn("slack: command timed out", "user_id", sc.UserID)
				}
			})
		}
	})
}

// followUp finishes a command in the background: the reply itself when
// the request was acknowledged before it was ready, and the export
// upload. The alerts the command changed are updated by the outbox.
func (a *Adapter) followUp(parent context.Context, sc slashCommand, reply bot.Reply, sendReply bool) {
	if !sendReply && reply.File == nil {
		return
	}
	a.bg.Go(parent, func(ctx context.Context) {
		if sendReply {
			if err := a.respond(ctx, sc.ResponseURL, webhookMessage(reply)); err != nil {
				a.log.Error("slack: reply through response_url", "user_id", sc.UserID, "error", err)
			}
		}
		if reply.File != nil {
			a.upload(ctx, sc, reply.File)
		}
	})
}

// respond posts a message to a response_url (valid for 30 minutes and
// five uses; it needs no token).
func (a *Adapter) respond(ctx context.Context, responseURL string, msg *slack.WebhookMessage) error {
	if responseURL == "" {
		return fmt.Errorf("slack: no response_url")
	}
	if err := slack.PostWebhookCustomHTTPContext(ctx, responseURL, a.http, msg); err != nil {
		return fmt.Errorf("slack: post to response_url: %w", redact(err, responseURL))
	}
	return nil
}

// upload shares an export in the command's channel; when that fails
// (the bot is not in the channel, a DM) the user is told why.
func (a *Adapter) upload(ctx context.Context, sc slashCommand, f *bot.File) {
	_, err := a.api.UploadFileContext(ctx, slack.UploadFileParameters{
		Reader: bytes.NewReader(f.Data), FileSize: len(f.Data), Filename: f.Name, Title: f.Name, Channel: sc.ChannelID,
	})
	if err == nil {
		return
	}
	a.log.Warn("slack: upload export", "channel_id", sc.ChannelID, "file", f.Name, "error", err)
	msg := webhookMessage(bot.Reply{Kind: bot.KindError, Title: "Upload failed",
		Lines: []string{fmt.Sprintf("Stormdesk could not upload %s here (%s). Invite the app to this channel, or use `stormdesk export`.", f.Name, slackError(err))}})
	if err := a.respond(ctx, sc.ResponseURL, msg); err != nil {
		a.log.Warn("slack: report failed upload", "error", err)
	}
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// slackError is the Slack error code of a Web API failure
// ("not_in_channel"), which is safe to show; anything else is summarised.
func slackError(err error) string {
	var se slack.SlackErrorResponse
	if errors.As(err, &se) {
		return se.Err
	}
	return "the Slack API did not answer"
}

// redact keeps a response_url (a bearer capability) out of errors and
// logs.
func redact(err error, secret string) error {
	return redactedError{err: err, secret: secret}
}

type redactedError struct {
	err    error
	secret string
}

func (e redactedError) Error() string {
	return strings.ReplaceAll(e.err.Error(), e.secret, "[response_url]")
}

func (e redactedError) Unwrap() error { return e.err }

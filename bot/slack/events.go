package slack

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"stormdesk/bot"
)

// envelope is the outer shape of an Events API request.
type envelope struct {
	Type      string `json:"type"`
	Challenge string `json:"challenge"`
	EventID   string `json:"event_id"`
}

// pinEvent is a reaction that may pin a message to a timeline.
type pinEvent struct {
	Reactor, Reaction, Channel, TS string
}

// parseEvent decodes an Events API body. For event callbacks the inner
// event is decoded by slackevents; only reaction_added on a message
// yields a pinEvent.
func parseEvent(body []byte) (envelope, *pinEvent, error) {
	var env envelope
	if err := json.Unmarshal(body, &env); err != nil {
		return env, nil, fmt.Errorf("slack: event: %w", err)
	}
	if env.Type != slackevents.CallbackEvent {
		return env, nil, nil
	}
	ev, err := slackevents.ParseEvent(json.RawMessage(body), slackevents.OptionNoVerifyToken())
	if err != nil {
		// An event type slack-go does not know is not an error for us.
		return env, nil, nil
	}
	ra, ok := ev.InnerEvent.Data.(*slackevents.ReactionAddedEvent)
	if !ok || ra.Item.Type != "message" || ra.Item.Channel == "" || ra.Item.Timestamp == "" || ra.User == "" {
		return env, nil, nil
	}
	return env, &pinEvent{Reactor: ra.User, Reaction: ra.Reaction, Channel: ra.Item.Channel, TS: ra.Item.Timestamp}, nil
}

// EventsHandler serves POST /slack/events: the url_verification
// challenge, and reaction_added events, where the configured reaction on
// a message adds that message to its incident's timeline, at the
// message's own time and in its author's name. Slack retries events it
// thinks were missed; each event id is handled once.
func (a *Adapter) EventsHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := a.verified(w, r)
		if !ok {
			return
		}
		env, pin, err := parseEvent(body)
		if err != nil {
			http.Error(w, "malformed event", http.StatusBadRequest)
			return
		}
		if env.Type == slackevents.URLVerification {
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			_, _ = w.Write([]byte(env.Challenge))
			return
		}
		if pin == nil || pin.Reaction != a.cfg.PinReaction {
			w.WriteHeader(http.StatusOK)
			return
		}
		if env.EventID != "" {
			// Slack retries an event it thinks was not received: handle
			// each event id once, whichever replica gets the retry.
			now := a.now()
			first, err := a.replays.FirstSeen(r.Context(), "slack:event:"+env.EventID, now, now.Add(replayWindow))
			if err != nil {
				a.log.Error("slack: replay guard unavailable", "error", err)
				http.Error(w, "try again", http.StatusServiceUnavailable) // Slack retries
				return
			}
			if !first {
				w.WriteHeader(http.StatusOK)
				return
			}
		}
		w.WriteHeader(http.StatusOK)
		a.bg.Go(r.Context(), func(ctx context.Context) { a.pin(ctx, *pin) })
	})
}

// incidentMention finds "#12" or "incident 12" in a message.
var incidentMention = regexp.MustCompile(`(?i)(?:\bincident\s+#?|#)(\d{1,12})\b`)

// pin adds the reacted-to message to an incident's timeline: the
// incident whose alert the message replies to in a thread, or else the
// one the message names. The reactor must be allowed to change
// incidents; they are told privately what happened.
func (a *Adapter) pin(ctx context.Context, ev pinEvent) {
	reactor := a.identity(ev.Reactor, a.names.name(ctx, ev.Reactor), ev.Channel)
	tell := func(r bot.Reply) {
		text, blocks := render(r)
		if _, err := a.api.PostEphemeralContext(ctx, ev.Channel, ev.Reactor, slack.MsgOptionText(text, false), slack.MsgOptionBlocks(blocks...)); err != nil {
			a.log.Warn("slack: tell reactor", "user_id", ev.Reactor, "error", err)
		}
	}
	if !a.core.Allowed(ctx, reactor) {
		tell(bot.Reply{Kind: bot.KindRefused, Title: "Not added to the timeline", Lines: []string{"You are not allowed to change incidents, so this message was not added to a timeline."}})
		return
	}
	msgs, _, _, err := a.api.GetConversationRepliesContext(ctx, &slack.GetConversationRepliesParameters{ChannelID: ev.Channel, Timestamp: ev.TS, Limit: 1, Inclusive: true, Latest: ev.TS})
	if err != nil {
		a.log.Warn("slack: fetch pinned message", "channel_id", ev.Channel, "error", err)
		tell(bot.Reply{Kind: bot.KindError, Title: "Not added to the timeline", Lines: []string{"Stormdesk could not read this message (" + slackError(err) + "). Invite the app to the channel."}})
		return
	}
	var msg *slack.Message
	for i := range msgs {
		if msgs[i].Timestamp == ev.TS {
			msg = &msgs[i]
		}
	}
	if msg == nil {
		return
	}
	incidentID, ok := a.incidentOf(ctx, ev.Channel, msg)
	if !ok {
		tell(bot.Reply{Kind: bot.KindUsage, Title: "Which incident?", Lines: []string{"Pin messages in the thread of an incident's alert, or mention the incident (#12) in the message."}})
		return
	}
	at, err := parseTS(msg.Timestamp)
	if err != nil {
		return
	}
	authorID := msg.User
	if authorID == "" {
		authorID = msg.BotID
	}
	author := bot.Identity{Platform: bot.PlatformSlack, UserID: authorID, Name: a.names.name(ctx, authorID)}
	if authorID == "" {
		author.Name = msg.Username
	}
	tell(a.core.AddToTimeline(ctx, reactor, incidentID, author, unescape(msg.Text), at))
}

// incidentOf finds the incident a message belongs to.
func (a *Adapter) incidentOf(ctx context.Context, channel string, msg *slack.Message) (int64, bool) {
	if msg.ThreadTimestamp != "" && msg.ThreadTimestamp != msg.Timestamp {
		if id, ok, err := a.Store.IncidentOf(ctx, channel, msg.ThreadTimestamp); err == nil && ok {
			return id, true
		}
	}
	if m := incidentMention.FindStringSubmatch(msg.Text); m != nil {
		if id, err := strconv.ParseInt(m[1], 10, 64); err == nil && id > 0 {
			return id, true
		}
	}
	return 0, false
}

// parseTS reads a Slack message timestamp ("1712345678.123456").
func parseTS(ts string) (time.Time, error) {
	sec, frac, _ := strings.Cut(ts, ".")
	s, err := strconv.ParseInt(sec, 10, 64)
	if err != nil || s <= 0 {
		return time.Time{}, fmt.Errorf("slack: timestamp %q", ts)
	}
	var us int64
	if frac != "" {
		frac = (frac + "000000")[:6]
		if us, err = strconv.ParseInt(frac, 10, 64); err != nil {
			return time.Time{}, fmt.Errorf("slack: timestamp %q", ts)
		}
	}
	return time.Unix(s, us*1000).UTC(), nil
}

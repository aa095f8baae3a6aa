// Package discord is the Discord adapter of the command core: one
// /incident application command with a subcommand per command, served
// over Discord's HTTP interactions endpoint; buttons and menus on alerts
// and approval requests; alerts posted to a channel and edited in place;
// and the registration of the command. It is the only package that
// imports github.com/bwmarrin/discordgo.
//
// Every request is verified first (Ed25519 over timestamp+body with the
// application's public key, timestamps older than five minutes refused,
// each signed timestamp+body accepted once) and answered within
// Discord's three seconds: slower work is deferred and finished through
// the interaction's webhook.
package discord

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"stormdesk"
	"stormdesk/bot"
)

// Defaults and limits.
const (
	DefaultAckBudget = 2 * time.Second
	MaxBodyBytes     = 1 << 20
	MaxInFlight      = 64
	// MaxSkew is how old (or how far ahead) a signed timestamp may be.
	MaxSkew = 5 * time.Minute
)

// Config configures the adapter.
type Config struct {
	// PublicKey is the application's public key, hex (General
	// Information → Public Key). Required.
	PublicKey string
	// BotToken authenticates REST calls (Bot → Token). Required.
	BotToken string
	// AppID is the application id. Required.
	AppID string
	// AlertChannel is the channel id alerts go to; empty disables alerts.
	AlertChannel string
	// GuildID registers the command in one guild (instantly) rather
	// than globally; optional.
	GuildID string
	// AckBudget: DefaultAckBudget when zero.
	AckBudget time.Duration
	// HTTPClient makes the REST calls; a client with a 15 s timeout
	// when nil (tests point it at a local server).
	HTTPClient *http.Client
	// Alerts remembers posted alerts; bot.NewMemoryAlerts() when nil.
	Alerts bot.AlertStore
	// Replays refuses replayed requests; bot.NewMemoryReplays() when
	// nil (one replica only).
	Replays bot.ReplayGuard
}

// Adapter serves Discord's interactions and posts alerts.
type Adapter struct {
	cfg     Config
	key     ed25519.PublicKey
	core    *bot.Core
	log     *slog.Logger
	s       *discordgo.Session
	replays bot.ReplayGuard
	// Alerter posts and updates alerts: Alert, UpdateAlert, AskApproval
	// and Remind make the adapter a notify.ChatPoster, which the chat
	// outbox's dispatcher drives.
	*bot.Alerter
	sem chan struct{}
	bg  bot.Background
	now func() time.Time
}

// New checks cfg and returns an Adapter.
func New(cfg Config, core *bot.Core, log *slog.Logger) (*Adapter, error) {
	key, err := hex.DecodeString(strings.TrimSpace(cfg.PublicKey))
	if err != nil || len(key) != ed25519.PublicKeySize {
		return nil, errors.New("discord: public key must be 64 hex digits")
	}
	if cfg.BotToken == "" || cfg.AppID == "" {
		return nil, errors.New("discord: bot token and application id required")
	}
	if core == nil {
		return nil, errors.New("discord: command core required")
	}
	if log == nil {
		log = slog.Default()
	}
	if cfg.AckBudget <= 0 {
		cfg.AckBudget = DefaultAckBudget
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = &http.Client{Timeout: 15 * time.Second}
	}
	if cfg.Alerts == nil {
		cfg.Alerts = bot.NewMemoryAlerts()
	}
	if cfg.Replays == nil {
		cfg.Replays = bot.NewMemoryReplays()
	}
	s, err := discordgo.New("Bot " + cfg.BotToken)
	if err != nil {
		return nil, fmt.Errorf("discord: session: %w", err)
	}
	s.Client = cfg.HTTPClient
	s.MaxRestRetries = 2
	a := &Adapter{cfg: cfg, key: key, core: core, log: log.With("adapter", "discord"), s: s,
		replays: cfg.Replays, sem: make(chan struct{}, MaxInFlight), now: time.Now}
	a.Alerter = &bot.Alerter{Platform: bot.PlatformDiscord, Core: core, Store: cfg.Alerts, Channel: cfg.AlertChannel, Post: a.post, Edit: a.edit}
	return a, nil
}

// Shutdown waits for background work to finish, or for ctx.
func (a *Adapter) Shutdown(ctx context.Context) error {
	if err := a.bg.Wait(ctx); err != nil {
		return fmt.Errorf("discord: shutdown: %w", err)
	}
	return nil
}

// verified reads the body and checks the Ed25519 signature (with
// discordgo.VerifyInteraction), the timestamp's age and that the signed
// request is new. On failure it has answered 401 (413 for a body over
// MaxBodyBytes) and nothing else happens.
func (a *Adapter) verified(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBodyBytes))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
		} else {
			http.Error(w, "cannot read request body", http.StatusBadRequest)
		}
		return nil, false
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	reason := ""
	ts, tsErr := strconv.ParseInt(r.Header.Get("X-Signature-Timestamp"), 10, 64)
	switch {
	case !discordgo.VerifyInteraction(r, a.key):
		reason = "bad signature"
	case tsErr != nil:
		reason = "malformed timestamp"
	case a.now().Sub(time.Unix(ts, 0)).Abs() > MaxSkew:
		reason = "stale timestamp"
	}
	if reason == "" {
		// Discord signs timestamp+body; the guard remembers those bytes,
		// not the signature's hex, which verifies in either case
		// (stormdesk.ReplayKey).
		now := a.now()
		key := stormdesk.ReplayKey("discord", []byte(r.Header.Get("X-Signature-Timestamp")), body)
		first, err := a.replays.FirstSeen(r.Context(), key, now, now.Add(2*MaxSkew))
		if err != nil {
			a.log.Error("discord: replay guard unavailable", "error", err)
			http.Error(w, "stormdesk cannot check this request now; try again", http.StatusServiceUnavailable)
			return nil, false
		}
		if !first {
			reason = "replayed request"
		}
	}
	if reason != "" {
		a.log.Warn("discord: request refused", "reason", reason, "remote_addr", r.RemoteAddr)
		http.Error(w, "invalid request signature", http.StatusUnauthorized)
		return nil, false
	}
	return body, true
}

// parseInteraction decodes an interaction body.
func parseInteraction(body []byte) (*discordgo.Interaction, error) {
	var in discordgo.Interaction
	if err := json.Unmarshal(body, &in); err != nil {
		return nil, fmt.Errorf("discord: interaction: %w", err)
	}
	return &in, nil
}

// identity is the person behind an interaction: the guild member (with
// roles) or, in a DM, the user.
func identity(in *discordgo.Interaction) (bot.Identity, bool) {
	id := bot.Identity{Platform: bot.PlatformDiscord, ChannelID: in.ChannelID}
	u := in.User
	if in.Member != nil {
		u = in.Member.User
		id.Roles = in.Member.Roles
		id.Name = in.Member.Nick
	}
	if u == nil || u.ID == "" {
		return id, false
	}
	id.UserID = u.ID
	if id.Name == "" {
		id.Name = u.GlobalName
	}
	if id.Name == "" {
		id.Name = u.Username
	}
	return id, true
}

// InteractionsHandler serves POST /discord/interactions.
func (a *Adapter) InteractionsHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := a.verified(w, r)
		if !ok {
			return
		}
		in, err := parseInteraction(body)
		if err != nil {
			http.Error(w, "malformed interaction", http.StatusBadRequest)
			return
		}
		switch in.Type {
		case discordgo.InteractionPing:
			writeJSON(w, &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong})
			return
		case discordgo.InteractionApplicationCommand, discordgo.InteractionMessageComponent:
		default:
			http.Error(w, "unsupported interaction type", http.StatusBadRequest)
			return
		}
		id, ok := identity(in)
		if !ok {
			http.Error(w, "interaction without a user", http.StatusBadRequest)
			return
		}
		var (
			work    func(ctx context.Context) bot.Reply
			replace bool
		)
		if in.Type == discordgo.InteractionApplicationCommand {
			data, _ := in.Data.(discordgo.ApplicationCommandInteractionData)
			cmd, err := toCommand(data)
			if err != nil {
				writeJSON(w, response(discordgo.InteractionResponseChannelMessageWithSource, bot.UsageReply(err)))
				return
			}
			work = func(ctx context.Context) bot.Reply { return a.core.Run(ctx, id, cmd) }
		} else {
			data, _ := in.Data.(discordgo.MessageComponentInteractionData)
			action, value := splitCustomID(data)
			replace = action == bot.ActionApprove || action == bot.ActionCancelNotify
			work = func(ctx context.Context) bot.Reply { return a.core.Act(ctx, id, action, value) }
		}
		a.answer(w, r, in, work, replace)
	})
}

// answer runs work and replies inline if it finishes within the ack
// budget (and has no file to attach); otherwise it defers and finishes
// through the interaction webhook.
func (a *Adapter) answer(w http.ResponseWriter, r *http.Request, in *discordgo.Interaction, work func(context.Context) bot.Reply, replace bool) {
	select {
	case a.sem <- struct{}{}:
	default:
		writeJSON(w, response(discordgo.InteractionResponseChannelMessageWithSource, bot.Reply{Kind: bot.KindError, Title: "Stormdesk is busy", Lines: []string{"Too many commands are running; try again in a moment."}}))
		return
	}
	replies := make(chan bot.Reply, 1)
	a.bg.Go(r.Context(), func(ctx context.Context) {
		defer func() { <-a.sem }()
		replies <- work(ctx)
	})
	timer := time.NewTimer(a.cfg.AckBudget)
	defer timer.Stop()
	select {
	case reply := <-replies:
		if reply.File == nil {
			typ := discordgo.InteractionResponseChannelMessageWithSource
			if replace && reply.Kind == bot.KindOK {
				typ = discordgo.InteractionResponseUpdateMessage
			}
			writeJSON(w, response(typ, reply))
			return
		}
		writeJSON(w, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource})
		a.bg.Go(r.Context(), func(ctx context.Context) { a.finish(ctx, in, reply) })
	case <-timer.C:
		writeJSON(w, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource})
		a.bg.Go(r.Context(), func(ctx context.Context) {
			select {
			case reply := <-replies:
				a.finish(ctx, in, reply)
			case <-ctx.Done():
				a.log.Warn("discord: command timed out")
			}
		})
	}
}

// finish completes a deferred interaction: a public reply (with its
// file) replaces the "thinking…" message; a private one is sent as an
// ephemeral follow-up and the placeholder removed.
func (a *Adapter) finish(ctx context.Context, in *discordgo.Interaction, reply bot.Reply) {
	opt := discordgo.WithContext(ctx)
	m := message(reply)
	var files []*discordgo.File
	if reply.File != nil {
		files = []*discordgo.File{{Name: reply.File.Name, ContentType: reply.File.ContentType, Reader: bytes.NewReader(reply.File.Data)}}
	}
	var err error
	if reply.Public {
		_, err = a.s.InteractionResponseEdit(in, &discordgo.WebhookEdit{Content: &m.Content, Embeds: &m.Embeds, Components: &m.Components, Files: files, AllowedMentions: m.AllowedMentions}, opt)
	} else {
		_, err = a.s.FollowupMessageCreate(in, true, &discordgo.WebhookParams{Content: m.Content, Embeds: m.Embeds, Components: m.Components, Files: files, AllowedMentions: m.AllowedMentions, Flags: discordgo.MessageFlagsEphemeral}, opt)
		if err == nil {
			err = a.s.InteractionResponseDelete(in, opt)
		}
	}
	if err != nil {
		a.log.Error("discord: finish interaction", "error", err)
	}
}

// post and edit are how bot.Alerter reaches Discord.
// post and edit are how bot.Alerter reaches Discord. A 429 comes back as
// an error instead of a sleep inside the request (discordgo's default):
// the chat outbox waits for the reset durably, and any replica may then
// send.
func (a *Adapter) post(ctx context.Context, channel string, r bot.Reply) (string, string, error) {
	m := message(r)
	msg, err := a.s.ChannelMessageSendComplex(channel, &discordgo.MessageSend{Embeds: m.Embeds, Components: m.Components, AllowedMentions: m.AllowedMentions},
		discordgo.WithContext(ctx), discordgo.WithRetryOnRatelimit(false))
	if err != nil {
		return "", "", postError(err)
	}
	return channel, msg.ID, nil
}

func (a *Adapter) edit(ctx context.Context, ref bot.AlertRef, r bot.Reply) error {
	m := message(r)
	_, err := a.s.ChannelMessageEditComplex(&discordgo.MessageEdit{Channel: ref.Channel, ID: ref.Message, Embeds: &m.Embeds, Components: &m.Components, AllowedMentions: m.AllowedMentions},
		discordgo.WithContext(ctx), discordgo.WithRetryOnRatelimit(false))
	return postError(err)
}

// postError classifies discordgo's errors for the chat outbox's retry
// stage: a 429 waits for the body's retry_after, or else the
// X-RateLimit-Reset-After or Retry-After header; 5xx is retried; other
// 4xx are refusals. Transport errors are left as they are (retried).
func postError(err error) error {
	if err == nil {
		return nil
	}
	var rl *discordgo.RateLimitError
	var re *discordgo.RESTError
	switch {
	case errors.As(err, &rl):
		var after time.Duration
		if rl.RateLimit != nil && rl.TooManyRequests != nil {
			after = rl.TooManyRequests.RetryAfter
		}
		return &bot.PostError{Platform: bot.PlatformDiscord, Status: http.StatusTooManyRequests, Retry: true, After: after, Err: err}
	case errors.As(err, &re) && re.Response != nil:
		code := re.Response.StatusCode
		pe := &bot.PostError{Platform: bot.PlatformDiscord, Status: code, Retry: code == http.StatusTooManyRequests || code >= 500, Err: err}
		if code == http.StatusTooManyRequests {
			pe.After = headerSeconds(re.Response.Header, "X-RateLimit-Reset-After", "Retry-After")
		}
		return pe
	}
	return err
}

// headerSeconds reads the first of names that holds a number of seconds
// (Discord sends fractions, "1.25").
func headerSeconds(h http.Header, names ...string) time.Duration {
	for _, n := range names {
		if f, err := strconv.ParseFloat(h.Get(n), 64); err == nil && f >= 0 {
			return time.Duration(f * float64(time.Second))
		}
	}
	return 0
}

// RegisterCommands creates or replaces the /incident command (bulk
// overwrite: running it again is harmless).
func (a *Adapter) RegisterCommands(ctx context.Context) error {
	if _, err := a.s.ApplicationCommandBulkOverwrite(a.cfg.AppID, a.cfg.GuildID, Commands(), discordgo.WithContext(ctx)); err != nil {
		return fmt.Errorf("discord: register commands: %w", err)
	}
	return nil
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

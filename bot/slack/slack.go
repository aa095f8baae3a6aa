// Package slack is the Slack adapter of the command core: the
// /incident slash command, interactive buttons, the Events API (a
// reaction pins a message to an incident's timeline) and the alerts
// posted to the ops channel and updated in place. It is the only package
// that imports github.com/slack-go/slack.
//
// Every request is verified first (v0 HMAC-SHA256 signature over
// "v0:timestamp:body" with the signing secret, timestamps older than
// five minutes refused, each signed timestamp+body accepted once), and
// answered within Slack's three seconds: work that takes longer
// continues in the background and answers through the request's
// response_url.
package slack

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/slack-go/slack"

	"stormdesk/bot"
)

// Defaults.
const (
	DefaultPinReaction = "pushpin"
	// DefaultAckBudget is how long a command may run before the request
	// is acknowledged and the reply follows through response_url; it
	// leaves a second of Slack's three for the network.
	DefaultAckBudget = 2 * time.Second
	// MaxBodyBytes bounds every request body Slack sends.
	MaxBodyBytes = 1 << 20
	// MaxInFlight bounds commands running at once; more are told to
	// retry rather than queued without limit.
	MaxInFlight = 64
)

// Config configures the adapter.
type Config struct {
	// SigningSecret verifies requests (Basic Information → App
	// Credentials → Signing Secret). Required.
	SigningSecret string
	// BotToken is the xoxb- token for Web API calls. Required.
	BotToken string
	// OpsChannel is the channel id alerts go to; empty disables alerts.
	OpsChannel string
	// APIURL replaces https://slack.com/api/ (tests: slacktest's URL).
	APIURL string
	// PinReaction is the reaction name that adds a message to an
	// incident's timeline; DefaultPinReaction when empty.
	PinReaction string
	// AckBudget: DefaultAckBudget when zero.
	AckBudget time.Duration
	// HTTPClient makes the outgoing calls; a client with a 15 s timeout
	// when nil.
	HTTPClient *http.Client
	// Alerts remembers posted alerts; bot.NewMemoryAlerts() when nil.
	Alerts bot.AlertStore
	// Replays refuses replayed requests and retried events;
	// bot.NewMemoryReplays() when nil (one replica only).
	Replays bot.ReplayGuard
}

// Adapter serves Slack's requests and posts alerts.
type Adapter struct {
	cfg  Config
	core *bot.Core
	log  *slog.Logger
	api  *slack.Client
	http *http.Client

	replays bot.ReplayGuard // signed requests, and event ids already handled
	groups  *groupCache
	names   *nameCache

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
	if cfg.SigningSecret == "" {
		return nil, errors.New("slack: signing secret required")
	}
	if cfg.BotToken == "" {
		return nil, errors.New("slack: bot token required")
	}
	if core == nil {
		return nil, errors.New("slack: command core required")
	}
	if log == nil {
		log = slog.Default()
	}
	if cfg.PinReaction == "" {
		cfg.PinReaction = DefaultPinReaction
	}
	cfg.PinReaction = strings.Trim(cfg.PinReaction, ":")
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
	opts := []slack.Option{slack.OptionHTTPClient(cfg.HTTPClient)}
	if cfg.APIURL != "" {
		u := cfg.APIURL
		if !strings.HasSuffix(u, "/") {
			u += "/"
		}
		opts = append(opts, slack.OptionAPIURL(u))
	}
	a := &Adapter{
		cfg: cfg, core: core, log: log.With("adapter", "slack"),
		api: slack.New(cfg.BotToken, opts...), http: cfg.HTTPClient,
		replays: cfg.Replays,
		sem:     make(chan struct{}, MaxInFlight), now: time.Now,
	}
	a.Alerter = &bot.Alerter{Platform: bot.PlatformSlack, Core: core, Store: cfg.Alerts, Channel: cfg.OpsChannel, Post: a.post, Edit: a.edit}
	a.groups = &groupCache{api: a.api, ttl: 5 * time.Minute, m: map[string]groupEntry{}}
	a.names = &nameCache{api: a.api, m: map[string]string{}}
	return a, nil
}

// Shutdown waits for background work (replies, uploads, alert updates)
// to finish, or for ctx.
func (a *Adapter) Shutdown(ctx context.Context) error {
	if err := a.bg.Wait(ctx); err != nil {
		return fmt.Errorf("slack: shutdown: %w", err)
	}
	return nil
}

// identity builds the core's Identity of a Slack user in a channel.
func (a *Adapter) identity(userID, name, channelID string) bot.Identity {
	return bot.Identity{Platform: bot.PlatformSlack, UserID: userID, Name: name, ChannelID: channelID,
		MemberOf: func(ctx context.Context, groups []string) (bool, error) {
			return a.groups.memberOfAny(ctx, userID, groups)
		}}
}

// groupCache answers user-group membership from usergroups.users.list,
// cached for ttl.
type groupCache struct {
	api *slack.Client
	ttl time.Duration
	mu  sync.Mutex
	m   map[string]groupEntry
}

type groupEntry struct {
	members map[string]bool
	at      time.Time
}

func (g *groupCache) memberOfAny(ctx context.Context, userID string, groups []string) (bool, error) {
	for _, grp := range groups {
		g.mu.Lock()
		e, ok := g.m[grp]
		g.mu.Unlock()
		if !ok || time.Since(e.at) > g.ttl {
			users, err := g.api.GetUserGroupMembersContext(ctx, grp)
			if err != nil {
				return false, fmt.Errorf("slack: members of user group %s: %w", grp, err)
			}
			e = groupEntry{members: map[string]bool{}, at: time.Now()}
			for _, u := range users {
				e.members[u] = true
			}
			g.mu.Lock()
			g.m[grp] = e
			g.mu.Unlock()
		}
		if e.members[userID] {
			return true, nil
		}
	}
	return false, nil
}

// nameCache resolves user ids to display names (users.info), for the
// authors of pinned messages; without the users:read scope the id alone
// names them.
type nameCache struct {
	api *slack.Client
	mu  sync.Mutex
	m   map[string]string
}

func (n *nameCache) name(ctx context.Context, userID string) string {
	n.mu.Lock()
	name, ok := n.m[userID]
	n.mu.Unlock()
	if ok {
		return name
	}
	u, err := n.api.GetUserInfoContext(ctx, userID)
	if err != nil {
		return ""
	}
	name = u.Profile.DisplayName
	if name == "" {
		name = u.RealName
	}
	if name == "" {
		name = u.Name
	}
	n.mu.Lock()
	if len(n.m) > 10000 {
		clear(n.m)
	}
	n.m[userID] = name
	n.mu.Unlock()
	return name
}

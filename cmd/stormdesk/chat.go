package main

import (
	"context"
	"fmt"
	"log/slog"
	"maps"
	"net/http"
	"slices"
	"time"

	"stormdesk"

	"stormdesk/bot"
	"stormdesk/bot/discord"
	"stormdesk/bot/slack"
	"stormdesk/config"
	"stormdesk/desk"
	"stormdesk/notify"
)

// chatAdapters builds the Slack and Discord front ends that are
// configured, and returns their routes and, by platform, what posts to
// them.
func chatAdapters(c config.Config, d *desk.Service, log *slog.Logger) (routes []func(*http.ServeMux), alerters map[string]notify.ChatPoster, shutdown func(context.Context), err error) {
	alerters = map[string]notify.ChatPoster{}
	policy := bot.Policy{SlackUsers: c.Slack.AllowedUsers, SlackUserGroups: c.Slack.AllowedUserGroups, SlackChannels: c.Slack.AllowedChannels,
		DiscordUsers: c.Discord.AllowedUsers, DiscordRoles: c.Discord.AllowedRoles}
	core := bot.NewCore(d, policy, log)
	// Alert messages and the replay guard live in the store, so that
	// every replica sees the same (issue 9).
	var replays bot.ReplayGuard = d.Store
	var stops []func(context.Context) error
	if c.Slack.SigningSecret != "" {
		a, err := slack.New(slack.Config{SigningSecret: c.Slack.SigningSecret, BotToken: c.Slack.BotToken, OpsChannel: c.Slack.OpsChannel,
			PinReaction: c.Slack.PinReaction, APIURL: c.Slack.APIURL,
			Alerts: bot.StoreAlerts{Store: d.Store, Platform: bot.PlatformSlack}, Replays: replays}, core, log)
		if err != nil {
			return nil, nil, nil, fmt.Errorf("slack: %w", err)
		}
		routes = append(routes, a.Routes)
		alerters[bot.PlatformSlack] = a
		stops = append(stops, a.Shutdown)
	}
	if c.Discord.PublicKey != "" {
		a, err := discordAdapter(c, core, bot.StoreAlerts{Store: d.Store, Platform: bot.PlatformDiscord}, replays, log)
		if err != nil {
			return nil, nil, nil, err
		}
		routes = append(routes, a.Routes)
		alerters[bot.PlatformDiscord] = a
		stops = append(stops, a.Shutdown)
	}
	return routes, alerters, func(ctx context.Context) {
		for _, stop := range stops {
			_ = stop(ctx)
		}
	}, nil
}

// chatPoll is how often the chat dispatcher looks for posts queued by
// other replicas (or left by one that died); this process's own posts
// wake it at once.
const chatPoll = time.Second

// startChatOutbox turns chat posts on when a chat front end is
// configured: the desk writes alerts, updates, approval requests and
// reminders to the outbox, and a dispatcher on every replica delivers
// them (claims never overlap, so each goes out once).
func startChatOutbox(ctx context.Context, store stormdesk.Store, d *desk.Service, posters map[string]notify.ChatPoster, log *slog.Logger) (stop func(), err error) {
	if len(posters) == 0 {
		return func() {}, nil
	}
	cs, ok := store.(stormdesk.ChatOutboxStore)
	if !ok {
		return nil, stormdesk.Errorf(stormdesk.EINVALID, "chat alerts need a SQL store")
	}
	disp := notify.NewChatDispatcher(cs.ChatOutbox(), &notify.Chat{Store: store, Posters: posters})
	disp.Log = log.With("outbox", "chat")
	platforms := slices.Sorted(maps.Keys(posters))
	d.SetChat(&desk.Chat{Platforms: platforms, Kick: disp.Kick})
	dctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := disp.Run(dctx, chatPoll); err != nil && dctx.Err() == nil {
			log.Error("chat dispatcher stopped", slog.Any("error", err))
		}
	}()
	return func() { cancel(); <-done }, nil
}

func discordAdapter(c config.Config, core *bot.Core, alerts bot.AlertStore, replays bot.ReplayGuard, log *slog.Logger) (*discord.Adapter, error) {
	a, err := discord.New(discord.Config{PublicKey: c.Discord.PublicKey, BotToken: c.Discord.BotToken, AppID: c.Discord.AppID,
		AlertChannel: c.Discord.AlertChannel, GuildID: c.Discord.GuildID, Alerts: alerts, Replays: replays}, core, log)
	if err != nil {
		return nil, fmt.Errorf("discord: %w", err)
	}
	return a, nil
}

func cmdDiscord(ctx context.Context, args []string, e *env) error {
	if len(args) == 0 || args[0] != "register" {
		fmt.Fprint(e.stderr, "Usage: stormdesk discord register\n")
		return &usageError{"discord: want the subcommand register"}
	}
	fs := newFlags(e, "discord register", `discord register

Registers the /incident slash command with Discord (in the server of
STORMDESK_DISCORD_GUILD_ID, or globally), using STORMDESK_DISCORD_APP_ID
and STORMDESK_DISCORD_BOT_TOKEN.`)
	if err := parse(e, fs, args[1:]); err != nil {
		return err
	}
	c, err := loadConfig(e, nil)
	if err != nil {
		return err
	}
	if c.Discord.PublicKey == "" || c.Discord.BotToken == "" {
		return &usageError{"discord register: set STORMDESK_DISCORD_PUBLIC_KEY, STORMDESK_DISCORD_APP_ID and STORMDESK_DISCORD_BOT_TOKEN"}
	}
	a, err := discordAdapter(c, bot.NewCore(nil, bot.Policy{}, newLogger(c, e.stderr)), bot.NewMemoryAlerts(), nil, newLogger(c, e.stderr))
	if err != nil {
		return err
	}
	if err := a.RegisterCommands(ctx); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, "registered the /incident command")
	return nil
}

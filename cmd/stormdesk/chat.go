package main

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"

	"stormdesk/bot"
	"stormdesk/bot/deskbot"
	"stormdesk/bot/discord"
	"stormdesk/bot/slack"
	"stormdesk/config"
	"stormdesk/desk"
)

// chatAdapters builds the Slack and Discord front ends that are
// configured, and returns their routes and alerters.
func chatAdapters(c config.Config, d *desk.Service, log *slog.Logger) (routes []func(*http.ServeMux), alerters []desk.Alerter, shutdown func(context.Context), err error) {
	policy := bot.Policy{SlackUsers: c.Slack.AllowedUsers, SlackUserGroups: c.Slack.AllowedUserGroups, SlackChannels: c.Slack.AllowedChannels,
		DiscordUsers: c.Discord.AllowedUsers, DiscordRoles: c.Discord.AllowedRoles}
	core := bot.NewCore(deskbot.Desk{Service: d}, policy, log)
	// Alert messages and the replay guard live in the store, so that
	// every replica sees the same (issue 9).
	var replays bot.ReplayGuard = d.Store
	var stops []func(context.Context) error
	if c.Slack.SigningSecret != "" {
		a, err := slack.New(slack.Config{SigningSecret: c.Slack.SigningSecret, BotToken: c.Slack.BotToken, OpsChannel: c.Slack.OpsChannel,
			PinReaction: c.Slack.PinReaction, APIURL: c.Slack.APIURL,
			Alerts: deskbot.Alerts{Store: d.Store, Platform: bot.PlatformSlack}, Replays: replays}, core, log)
		if err != nil {
			return nil, nil, nil, fmt.Errorf("slack: %w", err)
		}
		routes = append(routes, a.Routes)
		alerters = append(alerters, a)
		stops = append(stops, a.Shutdown)
	}
	if c.Discord.PublicKey != "" {
		a, err := discordAdapter(c, core, deskbot.Alerts{Store: d.Store, Platform: bot.PlatformDiscord}, replays, log)
		if err != nil {
			return nil, nil, nil, err
		}
		routes = append(routes, a.Routes)
		alerters = append(alerters, a)
		stops = append(stops, a.Shutdown)
	}
	return routes, alerters, func(ctx context.Context) {
		for _, stop := range stops {
			_ = stop(ctx)
		}
	}, nil
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

package main

import (
	"context"
	"fmt"

	"stormdesk/app"
	"stormdesk/bot"
)

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
	a, err := app.DiscordAdapter(c, bot.NewCore(nil, bot.Policy{}, newLogger(c, e.stderr)), bot.NewMemoryAlerts(), nil, newLogger(c, e.stderr))
	if err != nil {
		return err
	}
	if err := a.RegisterCommands(ctx); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, "registered the /incident command")
	return nil
}

package discord

import (
	"testing"

	"github.com/bwmarrin/discordgo"

	"stormdesk/bot"
)

// FuzzInteraction: any interaction JSON decodes, converts to a command
// or an action, and renders, without a panic (discordgo's own option
// accessors panic on unexpected types; the adapter never uses them).
func FuzzInteraction(f *testing.F) {
	f.Add(command(member("1001"), "status", map[string]any{"id": 1, "status": "resolved", "message": "ok"}))
	f.Add(command(member("1001"), "declare", map[string]any{"title": "x y", "severity": "major"}))
	f.Add(command(member("1001"), "notify", map[string]any{"id": 1.5, "dry_run": true}))
	f.Add(press(member("1001"), bot.ActionMerge, "1:2"))
	f.Add(press(member("1001"), "stormdesk_ack|1"))
	f.Add(`{"type":2,"data":{"name":"incident","options":[{"name":"show","type":1,"options":[{"name":"id","type":4,"value":"1"}]}]}}`)
	f.Add(`{"type":2,"data":{"name":"incident","options":[null]}}`)
	f.Add(`{"type":3,"data":{"custom_id":"|"},"user":{"id":"1"}}`)
	f.Add(`{"type":1}`)
	f.Fuzz(func(t *testing.T, body string) {
		in, err := parseInteraction([]byte(body))
		if err != nil {
			return
		}
		identity(in)
		switch d := in.Data.(type) {
		case discordgo.ApplicationCommandInteractionData:
			cmd, err := toCommand(d)
			if err != nil {
				message(bot.UsageReply(err))
				return
			}
			if cmd.Name == "" {
				t.Fatalf("command without a name from %q", body)
			}
		case discordgo.MessageComponentInteractionData:
			splitCustomID(d)
		}
	})
}

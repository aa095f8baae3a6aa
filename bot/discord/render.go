package discord

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"stormdesk/bot"
)

// Discord limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
const (
	maxTitle       = 256
	maxDescription = 4096
	maxFields      = 25
	maxFieldName   = 256
	maxFieldValue  = 1024
	maxLabel       = 80
	maxOptionLabel = 100
	maxOptions     = 25
)

// kindStyle gives replies their look by kind: the one place where the
// core's error, refusal and usage replies are styled for Discord.
var kindStyle = map[bot.Kind]struct {
	prefix string
	colour int
}{
	bot.KindOK:      {"", 0x5865F2},
	bot.KindUsage:   {"❔ ", 0x99AAB5},
	bot.KindRefused: {"⛔ ", 0xED4245},
	bot.KindError:   {"⚠️ ", 0xFEE75C},
}

// cut shortens s to at most n runes, marking the cut.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// noMentions keeps replies from pinging anyone, whatever their text. It
// goes on every message the adapter sends or edits (message sets it):
// stormdesk never means to ping.
var noMentions = &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}

// zwsp is a zero-width space: invisible, and it breaks Discord's syntax.
const zwsp = "\u200b"

// everyoneOrHere matches the two mass mentions, in any case.
var everyoneOrHere = regexp.MustCompile(`(?i)@(everyone|here)`)

// escape makes text from people (incident titles, notes, pinned messages,
// customer updates) inert in Discord markdown: Discord renders <@id>,
// <@!id>, <@&role>, <#channel> and </command:id> as mentions, @everyone
// and @here as mass mentions, and [label](url) as a link that hides its
// address. A zero-width space after every "<", after the "@" of
// @everyone and @here, and between "]" and "(" leaves the text readable
// and renders none of them. noMentions stops the pings as well; this stops
// the rendering. It is the one escaping function of this adapter: message
// passes every text field of a reply through it. Button and menu option
// labels are plain text, which Discord never parses.
func escape(s string) string {
	s = strings.ReplaceAll(s, "<", "<"+zwsp)
	s = strings.ReplaceAll(s, "](", "]"+zwsp+"(")
	return everyoneOrHere.ReplaceAllString(s, "@"+zwsp+"$1")
}

// msg is a rendered reply.
type msg struct {
	Content         string                            `json:"content"`
	Embeds          []*discordgo.MessageEmbed         `json:"embeds"`
	Components      []discordgo.MessageComponent      `json:"components"`
	AllowedMentions *discordgo.MessageAllowedMentions `json:"allowed_mentions"`
	Flags           discordgo.MessageFlags            `json:"flags,omitempty"`
}

// message renders a reply as one embed and its components.
func message(r bot.Reply) msg {
	st := kindStyle[r.Kind]
	e := &discordgo.MessageEmbed{Title: cut(st.prefix+escape(r.Title), maxTitle), Color: st.colour}
	desc := escape(strings.Join(r.Lines, "\n"))
	if r.Pre != "" {
		if desc != "" {
			desc += "\n"
		}
		pre := strings.ReplaceAll(escape(r.Pre), "```", "'''")
		desc += "```\n" + cut(pre, maxDescription-len(desc)-10) + "\n```"
	}
	e.Description = cut(desc, maxDescription)
	for i, f := range r.Fields {
		if i == maxFields {
			break
		}
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: cut(escape(f.Name), maxFieldName), Value: cut(escape(f.Value), maxFieldValue), Inline: true})
	}
	m := msg{Embeds: []*discordgo.MessageEmbed{e}, Components: []discordgo.MessageComponent{}, AllowedMentions: noMentions}
	var buttons []discordgo.MessageComponent
	for _, a := range r.Actions {
		if len(a.Options) > 0 {
			menu := discordgo.SelectMenu{MenuType: discordgo.StringSelectMenu, CustomID: customID(a.ID, ""), Placeholder: cut(a.Label, 150)}
			for i, o := range a.Options {
				if i == maxOptions {
					break
				}
				menu.Options = append(menu.Options, discordgo.SelectMenuOption{Label: cut(o.Label, maxOptionLabel), Value: cut(o.Value, 100)})
			}
			m.Components = append(m.Components, discordgo.ActionsRow{Components: []discordgo.MessageComponent{menu}})
			continue
		}
		style := discordgo.SecondaryButton
		switch a.Style {
		case bot.StylePrimary:
			style = discordgo.PrimaryButton
		case bot.StyleDanger:
			style = discordgo.DangerButton
		}
		buttons = append(buttons, discordgo.Button{Label: cut(a.Label, maxLabel), Style: style, CustomID: customID(a.ID, a.Value)})
	}
	if len(buttons) > 0 {
		m.Components = append([]discordgo.MessageComponent{discordgo.ActionsRow{Components: buttons}}, m.Components...)
	}
	if !r.Public {
		m.Flags = discordgo.MessageFlagsEphemeral
	}
	return m
}

// response is an interaction response carrying a reply.
func response(typ discordgo.InteractionResponseType, r bot.Reply) *discordgo.InteractionResponse {
	m := message(r)
	data := &discordgo.InteractionResponseData{Content: m.Content, Embeds: m.Embeds, Components: m.Components, AllowedMentions: m.AllowedMentions, Flags: m.Flags}
	if typ == discordgo.InteractionResponseUpdateMessage {
		data.Flags = 0
	}
	return &discordgo.InteractionResponse{Type: typ, Data: data}
}

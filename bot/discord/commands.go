package discord

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/bwmarrin/discordgo"

	"stormdesk/bot"
)

// CommandName is the one application command.
const CommandName = "incident"

func ptr[T any](v T) *T { return &v }

func idOpt(name, desc string) *discordgo.ApplicationCommandOption {
	return &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionInteger, Name: name, Description: desc, Required: true, MinValue: ptr(1.0)}
}

func textOpt(name, desc string, required bool, max int) *discordgo.ApplicationCommandOption {
	return &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionString, Name: name, Description: desc, Required: required, MaxLength: max}
}

func choiceOpt(name, desc string, required bool, values ...string) *discordgo.ApplicationCommandOption {
	o := &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionString, Name: name, Description: desc, Required: required}
	for _, v := range values {
		o.Choices = append(o.Choices, &discordgo.ApplicationCommandOptionChoice{Name: v, Value: v})
	}
	return o
}

func sub(name, desc string, opts ...*discordgo.ApplicationCommandOption) *discordgo.ApplicationCommandOption {
	return &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionSubCommand, Name: name, Description: desc, Options: opts}
}

// Commands is the /incident command with one subcommand per command of
// the core, for RegisterCommands.
func Commands() []*discordgo.ApplicationCommand {
	return []*discordgo.ApplicationCommand{{
		Type:        discordgo.ChatApplicationCommand,
		Name:        CommandName,
		Description: "Stormdesk incidents",
		Options: []*discordgo.ApplicationCommandOption{
			sub("help", "The commands, or one command's help",
				choiceOpt("command", "Command", false, "list", "show", "declare", "ack", "status", "note", "merge", "link", "unlink", "cause", "notify", "email", "timeline", "export", "publish", "component", "maintenance")),
			sub("list", "Incidents, newest first", choiceOpt("which", "Open incidents (default) or all", false, "open", "all")),
			sub("show", "One incident", idOpt("id", "Incident id")),
			sub("declare", "Open an incident by hand", textOpt("title", "Title", true, 1000), choiceOpt("severity", "Severity (minor by default)", false, "critical", "major", "minor")),
			sub("ack", "Acknowledge: starts the automatic customer emails", idOpt("id", "Incident id")),
			sub("status", "Move the incident on", idOpt("id", "Incident id"),
				choiceOpt("status", "New status", true, "investigating", "identified", "monitoring", "resolved"),
				textOpt("message", "The customer-facing update", false, 4000)),
			sub("note", "Add a note to the timeline", idOpt("id", "Incident id"), textOpt("text", "Note", true, 4000)),
			sub("merge", "Merge an incident into another", idOpt("id", "Incident to merge"), idOpt("into", "Incident to merge it into")),
			sub("link", "Attach a ticket to an incident", idOpt("ticket", "Ticket id"), idOpt("id", "Incident id")),
			sub("unlink", "Detach a ticket from its incident", idOpt("ticket", "Ticket id")),
			sub("cause", "Record the likely cause", idOpt("id", "Incident id"), textOpt("cause", "An upstream dependency's name or free text", true, 1000)),
			sub("notify", "Email subscribed customers", idOpt("id", "Incident id"), textOpt("template", "Template (the status's default when empty)", false, 64),
				&discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionBoolean, Name: "dry_run", Description: "Preview only: recipient count and a sample"}),
			sub("email", "Customer email policy and deliveries; change the policy with TEMPLATE=MODE pairs", idOpt("id", "Incident id"),
				textOpt("policy", "e.g. update=approve resolved=off (modes: auto, approve, off); empty shows the policy", false, 200)),
			sub("timeline", "The incident's timeline", idOpt("id", "Incident id")),
			sub("export", "The post-mortem as a file", idOpt("id", "Incident id"), choiceOpt("format", "Format (md by default)", false, "md", "html", "json", "csv")),
			sub("publish", "Put an acknowledged incident on the public status page", idOpt("id", "Incident id"),
				textOpt("title", "Public title (by default the components it affects)", false, 200)),
			sub("component", "Set a status page component's state by hand", textOpt("component", "Component name or id", true, 100),
				choiceOpt("state", "State (auto: follow its incidents again)", true, "operational", "degraded", "partial", "major", "maintenance", "auto")),
			sub("maintenance", "Schedule maintenance of a status page component, or cancel one",
				textOpt("component", "Component name or id", false, 100),
				textOpt("start", "Start, like 2026-12-05T02:00Z (UTC unless an offset is given)", false, 40),
				textOpt("end", "End: a time, or a length such as 2h", false, 40),
				textOpt("text", "What customers read about the work", false, 2000),
				&discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionInteger, Name: "cancel", Description: "Cancel this maintenance instead", MinValue: ptr(1.0)}),
		},
	}}
}

// options reads a subcommand's options into strings, whatever JSON type
// they came as; it never panics on unexpected types.
func options(opts []*discordgo.ApplicationCommandInteractionDataOption) map[string]string {
	m := map[string]string{}
	for _, o := range opts {
		if o == nil {
			continue
		}
		switch v := o.Value.(type) {
		case string:
			m[o.Name] = v
		case float64:
			if v == math.Trunc(v) && math.Abs(v) < 1<<53 {
				m[o.Name] = strconv.FormatInt(int64(v), 10)
			} else {
				m[o.Name] = strconv.FormatFloat(v, 'f', -1, 64)
			}
		case bool:
			m[o.Name] = strconv.FormatBool(v)
		}
	}
	return m
}

// toCommand turns the /incident subcommand into the core's Command. The
// structured arguments go through bot.Parse, so that both platforms
// validate them the same way; free text (title, message, note, cause) is
// taken as typed, since Discord already separates it.
func toCommand(data discordgo.ApplicationCommandInteractionData) (bot.Command, error) {
	if data.Name != CommandName || len(data.Options) != 1 || data.Options[0] == nil || data.Options[0].Type != discordgo.ApplicationCommandOptionSubCommand {
		return bot.Command{}, &bot.UsageError{Message: "use one /incident subcommand"}
	}
	s := data.Options[0]
	o := options(s.Options)
	const placeholder = "x"
	var args []string
	free := ""
	switch s.Name {
	case "help":
		args = []string{o["command"]}
	case "list":
		args = []string{o["which"]}
	case "show", "ack", "timeline":
		args = []string{o["id"]}
	case "declare":
		args = []string{placeholder, o["severity"]}
		free = o["title"]
	case "status":
		args = []string{o["id"], o["status"]}
		free = o["message"]
	case "note":
		args = []string{o["id"], placeholder}
		free = o["text"]
	case "cause":
		args = []string{o["id"], placeholder}
		free = o["cause"]
	case "merge":
		args = []string{o["id"], o["into"]}
	case "link":
		args = []string{o["ticket"], o["id"]}
	case "unlink":
		args = []string{o["ticket"]}
	case "notify":
		args = []string{o["id"], o["template"]}
		if o["dry_run"] == "true" {
			args = append(args, "--dry-run")
		}
	case "email":
		args = append([]string{o["id"]}, strings.FieldsFunc(o["policy"], func(r rune) bool { return r == ' ' || r == ',' })...)
	case "export":
		args = []string{o["id"], o["format"]}
	case "publish":
		args = []string{o["id"]}
		free = o["title"]
	case "component":
		args = []string{placeholder, o["state"]}
		free = o["component"]
	case "maintenance":
		if o["cancel"] != "" {
			args = []string{"cancel", o["cancel"]}
			break
		}
		if o["start"] == "" || o["end"] == "" {
			return bot.Command{}, &bot.UsageError{Command: s.Name, Message: "component, start and end: missing (or cancel)"}
		}
		args = []string{placeholder, o["start"], o["end"]}
		free = o["component"]
	default:
		return bot.Command{}, &bot.UsageError{Message: fmt.Sprintf("unknown command %q", s.Name)}
	}
	text := s.Name
	for _, a := range args {
		if a == "" {
			continue
		}
		if strings.ContainsFunc(a, func(r rune) bool { return r == ' ' || r == '"' || r == '\'' || r == '“' || r == '‘' }) || strings.TrimSpace(a) != a {
			return bot.Command{}, &bot.UsageError{Command: s.Name, Message: fmt.Sprintf("%q is not a valid value", a)}
		}
		text += " " + a
	}
	cmd, err := bot.Parse(text)
	if err != nil {
		return cmd, err
	}
	free = strings.TrimSpace(free)
	switch s.Name {
	case "declare":
		if free == "" {
			return cmd, &bot.UsageError{Command: "declare", Message: "title: missing"}
		}
		cmd.Title = free
	case "status":
		cmd.Text = free
	case "note", "cause":
		if free == "" {
			return cmd, &bot.UsageError{Command: s.Name, Message: "text: missing"}
		}
		cmd.Text = free
	case "publish":
		cmd.Text = free
	case "component":
		if free == "" {
			return cmd, &bot.UsageError{Command: s.Name, Message: "component: missing"}
		}
		cmd.Component = free
	case "maintenance":
		if cmd.Cancel {
			break
		}
		if free == "" {
			return cmd, &bot.UsageError{Command: s.Name, Message: "component: missing"}
		}
		cmd.Component, cmd.Text = free, strings.TrimSpace(o["text"])
	}
	return cmd, nil
}

// customID packs an action and its value into a component's custom_id
// (at most 100 characters).
func customID(action, value string) string {
	id := action
	if value != "" {
		id += "|" + value
	}
	if len(id) > 100 {
		id = id[:100]
	}
	return id
}

// splitCustomID is the action and value of a pressed component: a
// button's packed custom_id, or a menu's id and first chosen value.
func splitCustomID(d discordgo.MessageComponentInteractionData) (action, value string) {
	action, value, _ = strings.Cut(d.CustomID, "|")
	if len(d.Values) > 0 {
		value = d.Values[0]
	}
	return action, value
}

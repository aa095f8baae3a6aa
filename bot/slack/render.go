package slack

import (
	"strings"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"stormdesk/bot"
)

// Block Kit limits (https://api.slack.com/reference/block-kit/blocks).
const (
	maxSectionText = 3000
	maxFieldText   = 2000
	maxFields      = 10
	maxOptionText  = 75
	maxButtonText  = 75
	maxValue       = 2000
)

// kindPrefix styles replies by kind: the one place where the core's
// error, refusal and usage replies get their Slack look.
var kindPrefix = map[bot.Kind]string{
	bot.KindOK:      "",
	bot.KindUsage:   ":grey_question: ",
	bot.KindRefused: ":no_entry: ",
	bot.KindError:   ":warning: ",
}

// escape makes plain text safe in mrkdwn and in a message's top-level
// text: Slack reads &, < and > as control characters (<!channel>,
// <@U123>, <https://x|label>), and escaping those three is all it needs
// (https://api.slack.com/reference/surfaces/formatting#escaping). It is
// the one escaping function of this adapter: render passes every text
// field of a reply through it, the fallback text included. Labels of
// buttons and menu options are plain_text objects, which Slack never
// parses for mentions or links, and go out as they are.
func escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// unescape undoes Slack's escaping of command text.
func unescape(s string) string {
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&").Replace(s)
}

// cut shortens s to at most n bytes on a rune boundary, marking the cut.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	n -= len("…")
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func mrkdwn(s string) *slack.TextBlockObject {
	return slack.NewTextBlockObject(slack.MarkdownType, s, false, false)
}

func plain(s string, n int) *slack.TextBlockObject {
	return slack.NewTextBlockObject(slack.PlainTextType, cut(s, n), false, false)
}

// render turns a reply into Block Kit blocks and the notification
// fallback text.
func render(r bot.Reply) (string, []slack.Block) {
	var blocks []slack.Block
	title := kindPrefix[r.Kind] + "*" + escape(r.Title) + "*"
	if len(r.Lines) > 0 {
		title += "\n" + escape(strings.Join(r.Lines, "\n"))
	}
	blocks = append(blocks, slack.NewSectionBlock(mrkdwn(cut(title, maxSectionText)), nil, nil))
	if len(r.Fields) > 0 {
		var fields []*slack.TextBlockObject
		for i, f := range r.Fields {
			if i == maxFields {
				break
			}
			fields = append(fields, mrkdwn(cut("*"+escape(f.Name)+"*\n"+escape(f.Value), maxFieldText)))
		}
		blocks = append(blocks, slack.NewSectionBlock(nil, fields, nil))
	}
	if r.Pre != "" {
		pre := strings.ReplaceAll(escape(r.Pre), "```", "'''")
		blocks = append(blocks, slack.NewSectionBlock(mrkdwn("```"+cut(pre, maxSectionText-8)+"```"), nil, nil))
	}
	if len(r.Actions) > 0 {
		var elems []slack.BlockElement
		for _, a := range r.Actions {
			if len(a.Options) > 0 {
				var opts []*slack.OptionBlockObject
				for _, o := range a.Options {
					opts = append(opts, slack.NewOptionBlockObject(cut(o.Value, 150), plain(o.Label, maxOptionText), nil))
				}
				elems = append(elems, slack.NewOptionsSelectBlockElement(slack.OptTypeStatic, plain(a.Label, maxOptionText), a.ID, opts...))
				continue
			}
			b := slack.NewButtonBlockElement(a.ID, cut(a.Value, maxValue), plain(a.Label, maxButtonText))
			if a.Style != "" {
				b = b.WithStyle(slack.Style(a.Style))
			}
			elems = append(elems, b)
		}
		blocks = append(blocks, slack.NewActionBlock("stormdesk_actions", elems...))
	}
	// The fallback is what notifications and old clients show, and
	// Slack parses it like mrkdwn: it is escaped as the blocks are.
	fallback := escape(r.Title)
	if len(r.Lines) > 0 {
		fallback += ": " + escape(r.Lines[0])
	}
	return cut(fallback, 3000), blocks
}

// responseType is Slack's name for who sees a reply.
func responseType(r bot.Reply) string {
	if r.Public {
		return slack.ResponseTypeInChannel
	}
	return slack.ResponseTypeEphemeral
}

// webhookMessage is a reply as the JSON body of a command response or a
// response_url post.
func webhookMessage(r bot.Reply) *slack.WebhookMessage {
	text, blocks := render(r)
	return &slack.WebhookMessage{ResponseType: responseType(r), Text: text, Blocks: &slack.Blocks{BlockSet: blocks}}
}

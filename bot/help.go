package bot

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"
)

// helpEntry is one command's usage line and what it does.
type helpEntry struct {
	name, usage, what string
}

// helps lists the commands in the order the general help shows them.
var helps = []helpEntry{
	{"help", "/incident help [command]", "This help, or one command's."},
	{"list", "/incident list [open|all]", "Incidents, newest first (open ones by default)."},
	{"show", "/incident show ID", "One incident: status, severity, reports, cause."},
	{"declare", "/incident declare TITLE [critical|major|minor]", "Open an incident by hand (minor unless a severity ends the title; quote a title that ends in one)."},
	{"ack", "/incident ack ID", "Acknowledge: starts the automatic customer emails per policy."},
	{"status", "/incident status ID investigating|identified|monitoring|resolved [message]", "Move the incident on; the message becomes the customer-facing update."},
	{"note", "/incident note ID TEXT", "Add a note to the timeline."},
	{"merge", "/incident merge ID INTO_ID", "Merge an incident into another one."},
	{"link", "/incident link TICKET ID", "Attach a ticket to an incident."},
	{"unlink", "/incident unlink TICKET", "Detach a ticket from its incident."},
	{"cause", "/incident cause ID DEPENDENCY|text", "Record the likely cause: an upstream dependency's name or free text."},
	{"notify", "/incident notify ID [template] [--dry-run]", "Email subscribed customers. --dry-run previews the recipient count and a sample; a send to many customers needs a second person's approval."},
	{"email", "/incident email ID [acknowledged|update|resolved=auto|approve|off ...]", "The incident's customer email policy and every email with its delivery counts; with TEMPLATE=MODE pairs, change what its automatic emails do (approve: wait for an Approve press)."},
	{"publish", "/incident publish ID [public title]", "Put an acknowledged incident on the public status page (title: by default the components it affects); its later status messages become its public updates."},
	{"component", "/incident component COMPONENT operational|degraded|partial|major|maintenance|auto", "Set a status page component's state by hand; auto lets it follow its incidents again."},
	{"maintenance", "/incident maintenance COMPONENT START END [text] | cancel ID", "Schedule maintenance of a status page component: START like 2026-12-05T02:00Z (UTC), END a time or a length (2h); shown on the page at once, the component under maintenance during the window, and the reports the work causes recorded on it instead of opening an incident (unless there are more than expected). cancel ID calls it off."},
	{"timeline", "/incident timeline ID", "The incident's timeline."},
	{"export", "/incident export ID [md|html|json|csv]", "The post-mortem as a file in this channel (Markdown by default)."},
}

func helpFor(name string) (helpEntry, bool) {
	for _, h := range helps {
		if h.name == name {
			return h, true
		}
	}
	return helpEntry{}, false
}

// generalHelp is the text of `/incident help`.
func generalHelp() string {
	var b strings.Builder
	for _, h := range helps {
		b.WriteString(h.usage)
		b.WriteString("\n    ")
		b.WriteString(h.what)
		b.WriteString("\n")
	}
	b.WriteString("\nIDs may be written 12 or #12. Read-only commands (help, list, show, timeline, export, notify --dry-run, email without changes) are open to everyone; the others need to be allowed by stormdesk's configuration.")
	return b.String()
}

// helpReply answers `/incident help [topic]`.
func helpReply(topic string) Reply {
	if topic != "" {
		if h, ok := helpFor(topic); ok {
			return Reply{Title: "/incident " + h.name, Pre: h.usage + "\n    " + h.what}
		}
		return Reply{Kind: KindUsage, Title: "No such command", Lines: []string{"There is no command " + quote(topic) + "."}, Pre: generalHelp()}
	}
	return Reply{Title: "Stormdesk incident commands", Pre: generalHelp()}
}

// usageReply answers a command that could not be parsed with what was
// wrong and the help that fits.
func usageReply(err error) Reply {
	var ue *UsageError
	if !errors.As(err, &ue) {
		ue = &UsageError{Message: err.Error()}
	}
	r := Reply{Kind: KindUsage, Title: "Usage", Lines: []string{capitalise(ue.Message) + "."}}
	if h, ok := helpFor(ue.Command); ok {
		r.Pre = h.usage + "\n    " + h.what
	} else {
		r.Pre = generalHelp()
	}
	return r
}

func quote(s string) string { return "“" + truncate(s, 40) + "”" }

func capitalise(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

// UsageReply is the reply to a command that could not be parsed (a
// *UsageError, or any error, shown with the general help).
func UsageReply(err error) Reply { return usageReply(err) }

package bot

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"stormdesk"
)

// MaxCommandLen bounds command text; Slack itself stops at 4,000
// characters.
const MaxCommandLen = 8000

// Command is one parsed `/incident …` command.
type Command struct {
	// Name is the subcommand: help, list, show, declare, ack, status,
	// note, merge, link, unlink, cause, notify, email, timeline, export,
	// publish, component, maintenance.
	Name string
	// Topic is the subcommand help was asked about.
	Topic  string
	ID     int64
	Into   int64
	Ticket int64
	// All lists every incident rather than open ones.
	All      bool
	Title    string
	Severity stormdesk.Severity
	Status   stormdesk.Status
	// Text is the note text, the status message, the cause, the email
	// policy pairs or the public title.
	Text string
	// Component and ComponentStatus: a status page component's name or
	// id and its manual state ("" lifts the override).
	Component       string
	ComponentStatus stormdesk.ComponentStatus
	// Start and End are a maintenance window (Text is what customers
	// read about it); Cancel calls maintenance ID off instead.
	Start, End time.Time
	Cancel     bool
	Template   string
	DryRun     bool
	Format     string
}

// Mutating reports whether the command changes anything and so needs
// authorisation. notify --dry-run only previews.
func (c Command) Mutating() bool {
	switch c.Name {
	case "help", "list", "show", "timeline", "export":
		return false
	case "notify":
		return !c.DryRun
	case "email":
		return c.Text != ""
	}
	return true
}

// UsageError is a command that could not be parsed. Command names the
// subcommand whose help fits ("" for the general help).
type UsageError struct {
	Command string
	Message string
}

func (e *UsageError) Error() string { return "bot: usage: " + e.Message }

func usagef(cmd, format string, args ...any) *UsageError {
	return &UsageError{Command: cmd, Message: fmt.Sprintf(format, args...)}
}

// token is one word of command text; quoted tells whether it was written
// in quotes (so that `declare "Sev major" …` keeps its words), and start
// is its byte offset, so free text can be taken verbatim.
type token struct {
	s      string
	quoted bool
	start  int
}

// quotes maps opening quotes to their closing ones, including the curly
// quotes that chat clients substitute as people type.
var quotes = map[rune]rune{'"': '"', '\'': '\'', '“': '”', '‘': '’'}

func tokenize(s string) ([]token, error) {
	var out []token
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		if closing, ok := quotes[r]; ok {
			end := strings.IndexRune(s[i+size:], closing)
			if end < 0 {
				return nil, usagef("", "unterminated quote")
			}
			out = append(out, token{s: s[i+size : i+size+end], quoted: true, start: i})
			i += size + end + utf8.RuneLen(closing)
			continue
		}
		j := i
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += size
		}
		out = append(out, token{s: s[i:j], start: i})
		i = j
	}
	return out, nil
}

// rest returns the text from token i on, verbatim, or the token's
// content when it is the only one and was quoted.
func rest(s string, toks []token, i int) string {
	if i >= len(toks) {
		return ""
	}
	if i == len(toks)-1 && toks[i].quoted {
		return strings.TrimSpace(toks[i].s)
	}
	return strings.TrimSpace(s[toks[i].start:])
}

// parseID reads an incident or ticket id: "12" or "#12".
func parseID(cmd, what, s string) (int64, error) {
	n, err := strconv.ParseInt(strings.TrimPrefix(s, "#"), 10, 64)
	if err != nil || n <= 0 {
		return 0, usagef(cmd, "%s: %q is not an id (a positive number such as 12 or #12)", what, s)
	}
	return n, nil
}

// Parse reads command text, with or without the leading "/incident".
// It never panics; every malformed input is a *UsageError.
func Parse(text string) (Command, error) {
	if !utf8.ValidString(text) {
		return Command{}, usagef("", "the command is not valid UTF-8")
	}
	if len(text) > MaxCommandLen {
		return Command{}, usagef("", "the command is longer than %d bytes", MaxCommandLen)
	}
	text = strings.TrimSpace(text)
	if t, ok := strings.CutPrefix(text, "/incident"); ok && (t == "" || unicode.IsSpace(rune(t[0]))) {
		text = strings.TrimSpace(t)
	}
	toks, err := tokenize(text)
	if err != nil {
		return Command{}, err
	}
	if len(toks) == 0 {
		return Command{Name: "help"}, nil
	}
	c := Command{Name: strings.ToLower(toks[0].s)}
	args := toks[1:]
	need := func(n int, what string) error {
		if len(args) < n {
			return usagef(c.Name, "%s: missing", what)
		}
		return nil
	}
	id := func() error {
		if err := need(1, "incident id"); err != nil {
			return err
		}
		c.ID, err = parseID(c.Name, "incident id", args[0].s)
		return err
	}
	switch c.Name {
	case "help", "?":
		c.Name = "help"
		if len(args) > 0 {
			c.Topic = strings.ToLower(args[0].s)
		}
	case "list", "ls":
		c.Name = "list"
		if len(args) > 1 {
			return c, usagef("list", "too many arguments")
		}
		if len(args) == 1 {
			switch strings.ToLower(args[0].s) {
			case "open":
			case "all":
				c.All = true
			default:
				return c, usagef("list", "%q is not open or all", args[0].s)
			}
		}
	case "show", "ack", "timeline":
		if err := id(); err != nil {
			return c, err
		}
		if len(args) > 1 {
			return c, usagef(c.Name, "too many arguments")
		}
	case "declare":
		if err := need(1, "title"); err != nil {
			return c, err
		}
		c.Severity = stormdesk.SeverityMinor
		titleToks := args
		if last := args[len(args)-1]; len(args) > 1 && !last.quoted && isSeverityWord(last.s) {
			c.Severity, _ = stormdesk.ParseSeverity(last.s)
			titleToks = args[:len(args)-1]
		}
		if len(titleToks) == 1 && titleToks[0].quoted {
			c.Title = strings.TrimSpace(titleToks[0].s)
		} else {
			end := len(text)
			if len(titleToks) < len(args) {
				end = args[len(args)-1].start
			}
			c.Title = strings.TrimSpace(text[titleToks[0].start:end])
		}
		if c.Title == "" {
			return c, usagef(c.Name, "title: missing")
		}
	case "status":
		if err := id(); err != nil {
			return c, err
		}
		if len(args) < 2 {
			return c, usagef(c.Name, "status: missing (investigating, identified, monitoring or resolved)")
		}
		st, err := stormdesk.ParseStatus(args[1].s)
		if err != nil || st == stormdesk.StatusTriage {
			return c, usagef(c.Name, "status: %q is not investigating, identified, monitoring or resolved", args[1].s)
		}
		c.Status = st
		c.Text = rest(text, toks, 3)
	case "note", "cause":
		if err := id(); err != nil {
			return c, err
		}
		c.Text = rest(text, toks, 2)
		if c.Text == "" {
			what := "text"
			if c.Name == "cause" {
				what = "cause"
			}
			return c, usagef(c.Name, "%s: missing", what)
		}
	case "publish":
		if err := id(); err != nil {
			return c, err
		}
		c.Text = rest(text, toks, 2)
	case "component":
		if err := need(2, "component and state"); err != nil {
			return c, err
		}
		last := args[len(args)-1]
		if c.ComponentStatus, err = stormdesk.ParseComponentStatus(last.s); err != nil || last.s == "" {
			return c, usagef(c.Name, "state: %q is not operational, degraded, partial, major, maintenance or auto", last.s)
		}
		if len(args) == 2 && args[0].quoted {
			c.Component = strings.TrimSpace(args[0].s)
		} else {
			c.Component = strings.TrimSpace(text[args[0].start:last.start])
		}
	case "maintenance":
		if len(args) > 0 && strings.EqualFold(args[0].s, "cancel") {
			if len(args) != 2 {
				return c, usagef(c.Name, "give the maintenance to cancel: cancel ID")
			}
			c.Cancel = true
			c.ID, err = parseID(c.Name, "maintenance id", args[1].s)
			return c, err
		}
		if err := need(3, "component, start and end"); err != nil {
			return c, err
		}
		if _, ok := parseWhen(args[0].s); ok {
			return c, usagef(c.Name, "component: missing before the start")
		}
		at := -1
		for i := 1; i < len(args); i++ {
			if _, ok := parseWhen(args[i].s); ok {
				at = i
				break
			}
		}
		if at < 0 {
			return c, usagef(c.Name, "start: no time like 2026-12-05T02:00Z (UTC) after the component")
		}
		if at == 1 && args[0].quoted {
			c.Component = strings.TrimSpace(args[0].s)
		} else {
			c.Component = strings.TrimSpace(text[args[0].start:args[at].start])
		}
		if c.Component == "" {
			return c, usagef(c.Name, "component: missing before the start")
		}
		c.Start, _ = parseWhen(args[at].s)
		if at+1 >= len(args) {
			return c, usagef(c.Name, "end: missing (a time, or a length such as 2h)")
		}
		if d, err := time.ParseDuration(strings.TrimPrefix(args[at+1].s, "+")); err == nil && d > 0 {
			c.End = c.Start.Add(d)
		} else if c.End, err = parseEnd(args[at+1].s); err != nil {
			return c, usagef(c.Name, "end: %q is not a time like 2026-12-05T04:00Z or a length such as 2h", args[at+1].s)
		}
		c.Text = rest(text, toks, at+3)
	case "merge":
		if err := id(); err != nil {
			return c, err
		}
		into := args[1:]
		if len(into) > 0 && strings.EqualFold(into[0].s, "into") {
			into = into[1:]
		}
		if len(into) != 1 {
			return c, usagef(c.Name, "give the incident to merge and the one to merge it into")
		}
		if c.Into, err = parseID(c.Name, "target incident id", into[0].s); err != nil {
			return c, err
		}
		if c.Into == c.ID {
			return c, usagef(c.Name, "an incident cannot be merged into itself")
		}
	case "link":
		if err := need(2, "ticket id and incident id"); err != nil {
			return c, err
		}
		if len(args) > 2 {
			return c, usagef(c.Name, "too many arguments")
		}
		if c.Ticket, err = parseID(c.Name, "ticket id", args[0].s); err != nil {
			return c, err
		}
		if c.ID, err = parseID(c.Name, "incident id", args[1].s); err != nil {
			return c, err
		}
	case "unlink":
		if err := need(1, "ticket id"); err != nil {
			return c, err
		}
		if len(args) > 1 {
			return c, usagef(c.Name, "too many arguments")
		}
		if c.Ticket, err = parseID(c.Name, "ticket id", args[0].s); err != nil {
			return c, err
		}
	case "notify":
		if err := id(); err != nil {
			return c, err
		}
		for _, a := range args[1:] {
			switch {
			case !a.quoted && (a.s == "--dry-run" || a.s == "—dry-run" || a.s == "-n"):
				c.DryRun = true
			case !a.quoted && strings.HasPrefix(a.s, "-"):
				return c, usagef(c.Name, "unknown option %q", a.s)
			case c.Template == "":
				c.Template = a.s
			default:
				return c, usagef(c.Name, "too many arguments")
			}
		}
		if c.Template != "" && !validTemplateName(c.Template) {
			return c, usagef(c.Name, "template: %q is not a template name (letters, digits, - and _)", c.Template)
		}
	case "email":
		if err := id(); err != nil {
			return c, err
		}
		var pairs []string
		for _, a := range args[1:] {
			pairs = append(pairs, a.s)
		}
		c.Text = strings.Join(pairs, " ")
		if _, err := stormdesk.ParseEmailPolicy(c.Text); err != nil {
			return c, usagef(c.Name, "%s", stormdesk.ErrorMessage(err))
		}
	case "export":
		if err := id(); err != nil {
			return c, err
		}
		c.Format = "md"
		switch len(args) {
		case 1:
		case 2:
			switch f := strings.ToLower(args[1].s); f {
			case "md", "markdown", "html", "json", "csv":
				c.Format = strings.Replace(f, "markdown", "md", 1)
			default:
				return c, usagef(c.Name, "format: %q is not md, html, json or csv", args[1].s)
			}
		default:
			return c, usagef(c.Name, "too many arguments")
		}
	default:
		return Command{Name: c.Name}, usagef("", "unknown command %q", truncate(toks[0].s, 40))
	}
	return c, nil
}

func isSeverityWord(s string) bool {
	switch strings.ToLower(s) {
	case "critical", "major", "minor", "sev1", "sev2", "sev3":
		return true
	}
	return false
}

func validTemplateName(s string) bool {
	if len(s) > 64 {
		return false
	}
	for _, r := range s {
		if !(r == '-' || r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// truncate cuts s to at most n runes, marking the cut.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// whenLayouts are the times a maintenance window is written in: RFC 3339,
// or to the minute, in UTC unless an offset is given.
var whenLayouts = []string{time.RFC3339, "2006-01-02T15:04Z07:00", "2006-01-02T15:04"}

// parseWhen reads a time of a maintenance window.
func parseWhen(s string) (time.Time, bool) {
	for _, l := range whenLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

func parseEnd(s string) (time.Time, error) {
	if t, ok := parseWhen(s); ok {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("bot: %q is not a time", s)
}

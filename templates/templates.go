// Package templates renders what stormdesk shows people: the post-mortem
// exports (Markdown, HTML with a chart, JSON, CSV) and, as they arrive, the
// customer emails and chat messages. The fixed text lives in embedded
// template files; the code here computes what they show.
package templates

import (
	"embed"
	htmltemplate "html/template"
	"strconv"
	"strings"
	texttemplate "text/template"
	"time"
)

//go:embed files/*
var files embed.FS

var funcs = map[string]any{
	"hhmm":     func(t time.Time) string { return t.UTC().Format("15:04") },
	"rfc3339":  func(t time.Time) string { return t.UTC().Format(time.RFC3339) },
	"day":      Day,
	"duration": Duration,
	"join":     strings.Join,
	"oneline":  func(s string) string { return strings.Join(strings.Fields(s), " ") },
	"md":       MarkdownText,
	"count":    Count,
	"when":     When,
	"labels":   Labels,
}

// Labels says label counts in a line: "email 12, chat 3".
func Labels(counts []LabelCount) string {
	parts := make([]string, len(counts))
	for i, c := range counts {
		parts[i] = c.Name + " " + strconv.Itoa(c.Reports)
	}
	return strings.Join(parts, ", ")
}

// Count says n with the noun that agrees with it: "1 report", "3 reports".
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// When is a milestone's time: "15:13" on the day the impact window
// starts, "Nov 29 09:00" on another.
func When(start time.Time, t *time.Time) string {
	if t == nil {
		return ""
	}
	u := t.UTC()
	if Day(u) == Day(start) {
		return u.Format("15:04")
	}
	return u.Format("Jan 2 15:04")
}

// markdownEscaper: see MarkdownText. The backslash goes first so that
// the escapes it adds are not escaped again.
var markdownEscaper = strings.NewReplacer(`\`, `\\`, "[", `\[`, "]", `\]`, "&", "&amp;", "<", "&lt;", ">", "&gt;")

// MarkdownText makes text that people wrote (titles, notes, pinned
// messages, ticket text, actor names, causes) inert in the Markdown
// export. Markdown passes raw HTML through, so a note "<script>…" or
// "<img onerror=…>" would run wherever the post-mortem is rendered
// (wikis, ticket trackers, previews): &, < and > become entities, which
// every renderer shows as the characters. Square brackets are
// backslash-escaped as well, so that "[click](https://evil.example)" and
// "![](https://tracker.example)" stay text instead of becoming a
// disguised link or an image fetched by every reader.
func MarkdownText(s string) string { return markdownEscaper.Replace(s) }

var (
	mdExport   = texttemplate.Must(texttemplate.New("export.md.tmpl").Funcs(funcs).ParseFS(files, "files/export.md.tmpl"))
	htmlExport = htmltemplate.Must(htmltemplate.New("export.html.tmpl").Funcs(funcs).ParseFS(files, "files/export.html.tmpl"))
)

// Day formats a date as the reference post-mortem does: "November 28th, 2018".
func Day(t time.Time) string {
	t = t.UTC()
	d := t.Day()
	suffix := "th"
	switch {
	case d%100 >= 11 && d%100 <= 13:
	case d%10 == 1:
		suffix = "st"
	case d%10 == 2:
		suffix = "nd"
	case d%10 == 3:
		suffix = "rd"
	}
	return t.Format("January 2") + suffix + t.Format(", 2006")
}

// Duration formats a span as "2 h 5 min" (or "45 min", "30s").
func Duration(d time.Duration) string {
	d = d.Round(time.Second)
	switch {
	case d < time.Minute:
		return d.String()
	case d < time.Hour:
		return strconv.Itoa(int(d.Minutes())) + " min"
	}
	h, m := int(d.Hours()), int(d.Minutes())%60
	if m == 0 {
		return strconv.Itoa(h) + " h"
	}
	return strconv.Itoa(h) + " h " + strconv.Itoa(m) + " min"
}

package templates

import (
	"html"
	htmltemplate "html/template"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"stormdesk"
	"stormdesk/statuspage"
)

// StateColours are the colours of the component states on the page: each
// reads at 4.5:1 or more as text on white and under white text (WCAG AA;
// TestStatusColoursContrast), and is never the only sign of a state: a
// text label and a symbol go with it.
var StateColours = map[stormdesk.ComponentStatus]string{
	stormdesk.ComponentOperational:      "#1a7f37",
	stormdesk.ComponentDegraded:         "#8a5a00",
	stormdesk.ComponentPartialOutage:    "#b23c00",
	stormdesk.ComponentMajorOutage:      "#c4162a",
	stormdesk.ComponentUnderMaintenance: "#0757b8",
}

// stateSymbols go before each state's label.
var stateSymbols = map[stormdesk.ComponentStatus]string{
	stormdesk.ComponentOperational:      "✓",
	stormdesk.ComponentDegraded:         "▲",
	stormdesk.ComponentPartialOutage:    "◆",
	stormdesk.ComponentMajorOutage:      "✕",
	stormdesk.ComponentUnderMaintenance: "⚙",
}

var hexColourRE = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

var statusPage = htmltemplate.Must(htmltemplate.New("status.html.tmpl").Funcs(funcs).Funcs(htmltemplate.FuncMap{
	"symbol": func(s stormdesk.ComponentStatus) string { return stateSymbols[s] },
	"label":  func(s stormdesk.ComponentStatus) string { return s.Label() },
	"status": func(s stormdesk.Status) string { return statusWord(s) },
	"stamp":  func(t time.Time) string { return t.UTC().Format("Jan 2, 15:04") + " UTC" },
	"iso":    func(t time.Time) string { return t.UTC().Format(time.RFC3339) },
	"date":   func(t time.Time) string { return t.UTC().Format("Jan 2, 2006") },
	"newest": func(us []stormdesk.PublicUpdate) []stormdesk.PublicUpdate {
		out := slices.Clone(us)
		slices.Reverse(out)
		return out
	},
	"pct":  formatPct,
	"bars": uptimeBars,
	"hits": func(days []statuspage.Day) []statuspage.Day {
		var out []statuspage.Day
		for _, d := range days {
			if d.Worst != stormdesk.ComponentOperational {
				out = append(out, d)
			}
		}
		return out
	},
}).ParseFS(files, "files/status.html.tmpl"))

func statusWord(s stormdesk.Status) string {
	if s == "" {
		return ""
	}
	return string(s[0]-'a'+'A') + string(s[1:])
}

// formatPct shows an uptime with two decimals, rounded down: an outage
// is never rounded up to a perfect 100.00%.
func formatPct(f float64) string {
	return strconv.FormatFloat(math.Floor(f*100)/100, 'f', 2, 64) + "%"
}

// uptimeBars writes a component's 90 bars at once: the page's largest
// part, made of fixed class names and escaped dates and labels, written
// here rather than by 180 template calls that would make the page
// several times slower to render.
func uptimeBars(days []statuspage.Day) htmltemplate.HTML {
	var b strings.Builder
	for _, d := range days {
		b.WriteString(`<span class="bar s-`)
		b.WriteString(string(d.Worst))
		if d.Worst != stormdesk.ComponentOperational {
			b.WriteString(" hit")
		}
		b.WriteString(`" title="`)
		b.WriteString(html.EscapeString(d.Date.UTC().Format("Jan 2, 2006") + ": " + d.Worst.Label()))
		b.WriteString(`"></span>`)
	}
	return htmltemplate.HTML(b.String()) // only fixed text and escaped labels
}

// statusView is what the page template reads.
type statusView struct {
	*statuspage.Page
	Brand, Text htmltemplate.CSS
	Colours     map[stormdesk.ComponentStatus]htmltemplate.CSS
	// Past are the resolved incidents of the window, newest first.
	Past []statuspage.Incident
}

// RenderStatusPage writes the public status page: server-rendered HTML
// with no script, readable from 390 px wide, with landmarks (header,
// main, footer) and every state in words as well as colour. Only the
// page's customer-facing text is shown: public titles and updates.
func RenderStatusPage(w io.Writer, p *statuspage.Page) error {
	v := statusView{Page: p, Brand: "#1f2937", Text: "#ffffff", Colours: map[stormdesk.ComponentStatus]htmltemplate.CSS{}}
	// Only a validated colour reaches the style sheet.
	if hexColourRE.MatchString(p.Brand) && hexColourRE.MatchString(p.Text) {
		v.Brand, v.Text = htmltemplate.CSS(p.Brand), htmltemplate.CSS(p.Text)
	}
	for s, c := range StateColours {
		v.Colours[s] = htmltemplate.CSS(c)
	}
	for _, in := range p.Incidents {
		if in.Resolved() {
			v.Past = append(v.Past, in)
		}
	}
	return statusPage.Execute(w, v)
}

package audit

import (
	"html/template"
	"strings"
	"time"
)

// chartWidth is the width of each provider's chart in SVG units.
const chartWidth = 720.0

// xOf places t on a provider chart spanning the audited stretch.
func (r *Report) xOf(t time.Time) float64 {
	span := r.Until.Sub(r.Since)
	if span <= 0 {
		return 0
	}
	x := float64(t.Sub(r.Since)) / float64(span) * chartWidth
	return min(max(x, 0), chartWidth)
}

// bar is one provider incident on a chart.
type bar struct {
	X, W     float64
	Customer bool
	Label    string
	// Alert and Ticket place the marks; negative when there is none.
	Alert, Ticket float64
}

// bars lays out a provider's incidents on its chart: the provider's
// trouble as a bar (darker when it became a customer incident), the
// alert and the first ticket as marks.
func (r *Report) bars(p Provider) []bar {
	var out []bar
	for _, u := range p.Incidents {
		end := r.Until
		if u.End != nil {
			end = *u.End
		}
		x0, x1 := r.xOf(u.Start), r.xOf(end)
		b := bar{X: x0, W: max(x1-x0, 2), Customer: u.Customer, Label: u.ID + " " + u.Title + " (" + u.Impact + ", " + minutes(u.Minutes) + ")", Alert: -1, Ticket: -1}
		if u.Alert != nil {
			b.Alert = r.xOf(*u.Alert)
		}
		if u.FirstTicket != nil {
			b.Ticket = r.xOf(*u.FirstTicket)
		}
		out = append(out, b)
	}
	return out
}

var page = template.Must(template.New("audit").Funcs(template.FuncMap{
	"minutes": minutes, "gap": gapText, "impacts": impactsText, "clock": clock, "minutesPtr": minutesPtr,
	"join": strings.Join, "dash": dash, "width": func() float64 { return chartWidth }, "frame": func() float64 { return chartWidth + 12 },
	"day": func(t time.Time) string { return t.UTC().Format("2006-01-02") },
}).Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Dependency audit</title>
<style>
body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1b1f24;max-width:78rem}
table{border-collapse:collapse;margin:.5rem 0 1.5rem;font-size:.9rem}
th,td{border:1px solid #c9d1d9;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f5f7}td.n{text-align:right}
.warn{font-weight:600}svg{max-width:100%;height:auto;border:1px solid #c9d1d9}
</style></head><body><main>
<h1>Dependency audit</h1>
<p>{{clock .SincePtr}} to {{clock .UntilPtr}} UTC. Minutes count overlapping outages once. Time-to-know gaps are over the provider incidents that became customer incidents; a negative gap means the later moment came first.</p>
<table><thead><tr><th scope="col">provider</th><th scope="col">incidents seen</th><th scope="col">trouble</th><th scope="col">became customer incidents</th><th scope="col">customer-visible</th><th scope="col">tickets</th><th scope="col">customers</th><th scope="col">features affected</th><th scope="col">provider → alert</th><th scope="col">alert → first ticket</th><th scope="col">provider → first ticket</th></tr></thead><tbody>
{{range .Providers}}<tr><th scope="row">{{.Name}}</th><td>{{.Seen}}{{with .ByImpact}} ({{impacts .}}){{end}}</td><td class="n">{{minutes .TroubleMinutes}}</td><td class="n">{{.Became}}</td><td class="n">{{minutes .CustomerMinutes}}</td><td class="n">{{.Tickets}}</td><td class="n">{{.Customers}}</td><td>{{dash (join .Features ", ")}}</td><td>{{gap .ProviderToAlert}}</td><td>{{gap .AlertToReport}}</td><td>{{gap .ProviderToReport}}</td></tr>
{{end}}</tbody></table>
<h2>Features that hang on one provider</h2>
<ul>{{range .SinglePoints}}<li{{if not .Guarded}} class="warn"{{end}}>{{if not .Guarded}}⚠ {{end}}{{.Text}}</li>{{else}}<li>None: every feature a provider backs has a second one.</li>{{end}}</ul>
{{$r := .}}{{range $p := .Providers}}{{if or .Incidents .Maintenance}}
<section><h2>{{.Name}}</h2>
{{if .Maintenance}}<p>{{.Maintenance}} scheduled maintenance(s), not counted as incidents.</p>{{end}}
{{with .Incidents}}<figure><svg viewBox="-6 0 {{frame}} 80" width="{{frame}}" role="img" aria-label="{{$p.Name}}: provider incidents from {{day $r.Since}} to {{day $r.Until}}">
<line x1="0" y1="40" x2="{{width}}" y2="40" stroke="#8c959f"/>
{{range $r.BarsOf $p.Name}}<rect x="{{printf "%.1f" .X}}" y="28" width="{{printf "%.1f" .W}}" height="24" fill="{{if .Customer}}#cf222e{{else}}#8c959f{{end}}"><title>{{.Label}}</title></rect>
{{if ge .Alert 0.0}}<path d="M{{printf "%.1f" .Alert}} 24 l-5 -10 h10 z" fill="#0969da"><title>stormdesk alert</title></path>{{end}}
{{if ge .Ticket 0.0}}<path d="M{{printf "%.1f" .Ticket}} 56 l-5 10 h10 z" fill="#1b1f24"><title>first ticket</title></path>{{end}}
{{end}}<text x="0" y="78" font-size="9">{{day $r.Since}}</text><text x="{{printf "%.0f" (width)}}" y="78" font-size="9" text-anchor="end">{{day $r.Until}}</text>
</svg><figcaption>Bars: the provider's incidents (red: became a customer incident; grey: did not). ▼ above: stormdesk's alert. ▲ below: the first ticket.</figcaption></figure>
<table><thead><tr><th scope="col">provider incident</th><th scope="col">impact</th><th scope="col">first update</th><th scope="col">resolved</th><th scope="col">trouble</th><th scope="col">stormdesk incidents</th><th scope="col">stormdesk alert</th><th scope="col">first ticket</th><th scope="col">provider → alert</th><th scope="col">alert → first ticket</th></tr></thead><tbody>
{{range .}}<tr><td>{{.ID}} {{.Title}}</td><td>{{.Impact}}</td><td>{{clock .StartPtr}}</td><td>{{clock .End}}</td><td class="n">{{minutes .Minutes}}</td><td>{{range $i, $id := .Incidents}}{{if $i}}, {{end}}#{{$id}}{{else}}–{{end}}</td><td>{{clock .Alert}}</td><td>{{clock .FirstTicket}}</td><td class="n">{{minutesPtr .ProviderToAlert}}</td><td class="n">{{minutesPtr .AlertToReport}}</td></tr>
{{end}}</tbody></table>{{end}}
</section>{{end}}{{end}}
</main></body></html>
`))

// SincePtr, UntilPtr and StartPtr serve the HTML template's clock.
func (r *Report) SincePtr() *time.Time { return &r.Since }
func (r *Report) UntilPtr() *time.Time { return &r.Until }

// StartPtr is the incident's start for the HTML template.
func (u Upstream) StartPtr() *time.Time { return &u.Start }

// BarsOf lays out the named provider's chart.
func (r *Report) BarsOf(name string) []bar {
	for _, p := range r.Providers {
		if p.Name == name {
			return r.bars(p)
		}
	}
	return nil
}

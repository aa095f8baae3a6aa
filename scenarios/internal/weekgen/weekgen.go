// Package weekgen holds what the labelled-week generators under scenarios/
// share: the two kinds of line a week is made of (Ticket and Update),
// writing them as JSON Lines, placing a time in the week, the small
// random draws every generator makes, and its chores: finding its own
// folder and texts.json, printing the label counts, stopping on an error.
//
// Each generator stays a single-file program with its own seed, texts and
// labels. The helpers that draw take the generator's own *rand.Rand and make
// exactly the calls the generators made before they shared this package, so
// a week's draws stay in the same order and its files stay byte for byte
// what is committed.
package weekgen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"time"
)

// Ticket is one line of tickets.jsonl: a customer's message as the helpdesk
// handed it over, with the label saying which incident it belongs to.
type Ticket struct {
	ID            string `json:"id"`
	ReceivedAt    string `json:"received_at"`
	Subject       string `json:"subject"`
	Body          string `json:"body"`
	Source        string `json:"source"`
	CustomerEmail string `json:"customer_email"`
	CustomerName  string `json:"customer_name"`
	Org           string `json:"org"`
	Label         string `json:"label"`
}

// Update is one line of updates.jsonl: one post on a provider's status page.
type Update struct {
	Provider           string   `json:"provider"`
	ProviderIncidentID string   `json:"provider_incident_id"`
	UpdateID           string   `json:"update_id"`
	Status             string   `json:"status"`
	Impact             string   `json:"impact"`
	At                 string   `json:"at"`
	Title              string   `json:"title"`
	Body               string   `json:"body"`
	Kind               string   `json:"kind"`
	Components         []string `json:"components,omitempty"`
	Label              string   `json:"label,omitempty"`
}

// StatusIncident is one provider incident (or maintenance) as a week's
// texts.json may hold it: what its status page shows, with its posts in
// order.
type StatusIncident struct {
	Provider   string       `json:"provider"`
	ID         string       `json:"id"`
	Title      string       `json:"title"`
	Impact     string       `json:"impact"`
	Kind       string       `json:"kind"`
	Components []string     `json:"components"`
	Label      string       `json:"label"`
	Posts      []StatusPost `json:"posts"`
}

// StatusPost is one post of a StatusIncident.
type StatusPost struct {
	Status string `json:"status"`
	At     string `json:"at"`
	Body   string `json:"body"`
}

// StatusUpdates turns incidents into updates.jsonl lines, one per post
// (update ids ID-u1, ID-u2, ...), ordered by time (stable: posts at the
// same time keep their order).
func StatusUpdates(incidents []StatusIncident) []Update {
	var ups []Update
	for _, pi := range incidents {
		for k, p := range pi.Posts {
			ups = append(ups, Update{
				Provider: pi.Provider, ProviderIncidentID: pi.ID,
				UpdateID: fmt.Sprintf("%s-u%d", pi.ID, k+1), Status: p.Status,
				Impact: pi.Impact, At: p.At, Title: pi.Title, Body: p.Body,
				Kind: pi.Kind, Components: pi.Components, Label: pi.Label,
			})
		}
	}
	sort.SliceStable(ups, func(i, j int) bool { return ups[i].At < ups[j].At })
	return ups
}

// Format says how a week spells its lines. The weeks were written
// independently and differ in three details; each keeps its own so that its
// committed files do not change. The zero Format writes every field and
// leaves <, > and & as they are.
type Format struct {
	// EscapeHTML writes <, > and & as \u003c, \u003e and \u0026, as
	// json.Marshal does.
	EscapeHTML bool
	// OmitEmptyOrg leaves "org" out of a ticket whose Org is empty instead
	// of writing "org":"" (weeks whose customers are mostly people, not
	// companies).
	OmitEmptyOrg bool
	// OmitEmptyKind leaves "kind" out of an update whose Kind is empty.
	OmitEmptyKind bool
}

// The encoder escapes every quote inside a string, so these byte runs can
// only be the fields themselves, never part of a text.
var (
	emptyOrg  = []byte(`,"org":""`)
	emptyKind = []byte(`,"kind":""`)
)

// WriteWeek writes a week's two files into dir: tickets.jsonl and
// updates.jsonl, both spelt by f.
func WriteWeek[T, U any](dir string, tickets []T, updates []U, f Format) error {
	if err := WriteJSONL(filepath.Join(dir, "tickets.jsonl"), tickets, f); err != nil {
		return err
	}
	return WriteJSONL(filepath.Join(dir, "updates.jsonl"), updates, f)
}

// WriteJSONL writes rows to path, one JSON object a line, each ending in a
// newline. Rows are Tickets, Updates, or a generator's own types that embed
// them.
func WriteJSONL[T any](path string, rows []T, f Format) error {
	var buf, line bytes.Buffer
	enc := json.NewEncoder(&line)
	enc.SetEscapeHTML(f.EscapeHTML)
	for i, row := range rows {
		line.Reset()
		if err := enc.Encode(row); err != nil {
			return fmt.Errorf("weekgen: encode line %d of %s: %w", i+1, path, err)
		}
		b := line.Bytes()
		if f.OmitEmptyOrg {
			b = bytes.Replace(b, emptyOrg, nil, 1)
		}
		if f.OmitEmptyKind {
			b = bytes.Replace(b, emptyKind, nil, 1)
		}
		buf.Write(b)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("weekgen: %w", err)
	}
	return nil
}

// At returns the time day days after start, at h:m past start's time of
// day (start is a week's Monday at midnight, so h:m is the clock time).
func At(start time.Time, day, h, m int) time.Time {
	return start.Add(time.Duration(day)*24*time.Hour + time.Duration(h)*time.Hour + time.Duration(m)*time.Minute)
}

// Pick returns one of xs, drawn with one call to r.IntN.
func Pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// Chance reports true with probability p, drawn with one call to r.Float64.
func Chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

// Between returns a whole number from a to b, both included, drawn with one
// call to r.IntN.
func Between(r *rand.Rand, a, b int) int { return a + r.IntN(b-a+1) }

// Weighted returns an index of ws, each drawn with a chance proportional to
// its weight, with one call to r.Float64. Should rounding carry the draw past
// the last weight, it returns the last index.
func Weighted(r *rand.Rand, ws []float64) int {
	total := 0.0
	for _, w := range ws {
		total += w
	}
	x := r.Float64() * total
	for i, w := range ws {
		if x < w {
			return i
		}
		x -= w
	}
	return len(ws) - 1
}

// Table decodes the table name of file, a week's texts.json (one JSON
// object of named tables: the texts a generator draws from). It panics,
// naming the file and the table, when either is missing or of another
// shape: a generator cannot go on without its texts.
func Table[T any](file, name string) (v T) {
	var tables map[string]json.RawMessage
	b, err := os.ReadFile(file)
	if err == nil && json.Unmarshal(b, &tables) == nil && json.Unmarshal(tables[name], &v) == nil {
		return v
	}
	panic(fmt.Sprintf("%s: no table %q of type %T (%v)", file, name, v, err))
}

// Tables decodes several tables of file at once, each into the value its
// name points to (see Table).
func Tables(file string, dst map[string]any) {
	var tables map[string]json.RawMessage
	b, err := os.ReadFile(file)
	if err == nil {
		err = json.Unmarshal(b, &tables)
	}
	if err != nil {
		panic(fmt.Sprintf("%s: %v", file, err))
	}
	for name, v := range dst {
		if err := json.Unmarshal(tables[name], v); err != nil {
			panic(fmt.Sprintf("%s, %s: %v", file, name, err))
		}
	}
}

// ReadTexts decodes the whole of file, a week's texts.json, into v. Like
// Table it panics, naming the file, when the file is missing or does not
// fit v: a generator cannot go on without its texts.
func ReadTexts(file string, v any) {
	b, err := os.ReadFile(file)
	if err == nil {
		err = json.Unmarshal(b, v)
	}
	if err != nil {
		panic(fmt.Sprintf("%s: %v", file, err))
	}
}

// Dir returns the folder of the generator that calls it, where its
// texts.json sits and its week is written: the folder of the calling source
// file. A binary built with -trimpath knows no such folder; Dir then returns
// ".", the generator's folder when it is run as its header says.
func Dir() string { return callerDir(2) }

// TextsFile is texts.json in the folder of the generator that calls it
// (see Dir): the texts a week is written from.
func TextsFile() string { return filepath.Join(callerDir(2), "texts.json") }

// callerDir is the folder of the source file skip frames up the stack
// (1: callerDir's caller), or "." when that file is not on disk.
func callerDir(skip int) string {
	_, file, _, ok := runtime.Caller(skip)
	if !ok {
		return "."
	}
	if _, err := os.Stat(file); err != nil {
		return "."
	}
	return filepath.Dir(file)
}

// PrintCounts writes a week's summary to w: each label and its number of
// tickets, labels in sorted order, then "total" and their sum. The label
// column is as wide as the longest label, so the numbers line up.
func PrintCounts(w io.Writer, counts map[string]int) {
	labels := make([]string, 0, len(counts))
	width, total := len("total"), 0
	for l, n := range counts {
		labels = append(labels, l)
		width = max(width, len(l))
		total += n
	}
	sort.Strings(labels)
	for _, l := range labels {
		fmt.Fprintf(w, "%-*s %4d\n", width, l, counts[l])
	}
	fmt.Fprintf(w, "%-*s %4d\n", width, "total", total)
}

// Must ends a generator that cannot write its week, printing err on
// standard error and leaving with status 1. It does nothing when err is nil,
// so a generator wraps each step that may fail: Must(WriteWeek(...)).
func Must(err error) {
	if err != nil {
		fmt.Fprintln(stderr, err)
		exit(1)
	}
}

// stderr and exit are variables so the tests can see what Must does.
var (
	stderr io.Writer = os.Stderr
	exit             = os.Exit
)

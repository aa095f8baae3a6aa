package upstream

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

// parseFeed reads an RSS 2.0 or Atom status history. Each item becomes an
// incident. Statuspage-hosted feeds hold every update of the incident in
// the item's HTML, newest first; those are split into updates. Other feeds
// give one update per item, with the status read from the text.
func parseFeed(data []byte, kind Kind) (*Snapshot, error) {
	f, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return nil, &ParseError{Kind: kind, Msg: "not a readable RSS or Atom feed", Err: err}
	}
	s := &Snapshot{Kind: kind, Page: Page{Name: strings.TrimSpace(f.Title), URL: strings.TrimRight(f.Link, "/")}}
	switch f.FeedType {
	case "rss":
		s.Kind = KindRSS
	case "atom":
		s.Kind = KindAtom
	}
	if t := firstTime(f.UpdatedParsed, f.PublishedParsed); !t.IsZero() {
		s.UpdatedAt = t.UTC()
	}
	index := map[string]int{}
	for i, it := range f.Items {
		if it == nil {
			continue
		}
		in := feedIncident(it)
		if in.ID == "" {
			return nil, parseErr(s.Kind, fmt.Sprintf("items[%d]", i), "no guid, link, title or date to identify it")
		}
		if j, dup := index[in.ID]; dup {
			s.Incidents[j] = mergeIncidents(s.Incidents[j], in)
			continue
		}
		index[in.ID] = len(s.Incidents)
		s.Incidents = append(s.Incidents, in)
	}
	return s, nil
}

func firstTime(ts ...*time.Time) time.Time {
	for _, t := range ts {
		if t != nil && !t.IsZero() {
			return *t
		}
	}
	return time.Time{}
}

// incidentCode finds the incident id in a Statuspage or incident.io link
// (…/incidents/<id>), which is the id the JSON API uses too.
var incidentCode = regexp.MustCompile(`/incidents/([A-Za-z0-9_-]+)/?$`)

// feedItemID picks a stable id: the incident code from the link or guid,
// else the guid, else the link, else a hash of the title and date.
func feedItemID(it *gofeed.Item) string {
	links := append([]string{it.Link}, it.Links...)
	for _, l := range append(links, it.GUID) {
		if m := incidentCode.FindStringSubmatch(strings.TrimSpace(l)); m != nil {
			return m[1]
		}
	}
	if g := strings.TrimSpace(it.GUID); g != "" {
		return g
	}
	for _, l := range links {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	if it.Title == "" && it.Published == "" && it.Updated == "" {
		return ""
	}
	sum := sha256.Sum256([]byte(strings.TrimSpace(it.Title) + "\x00" + strings.TrimSpace(it.Published) + "\x00" + strings.TrimSpace(it.Updated)))
	return "h-" + hex.EncodeToString(sum[:6])
}

func feedIncident(it *gofeed.Item) Incident {
	in := Incident{ID: feedItemID(it), Title: HTMLText(it.Title), URL: strings.TrimSpace(it.Link)}
	if in.URL == "" && len(it.Links) > 0 {
		in.URL = strings.TrimSpace(it.Links[0])
	}
	published := firstTime(it.PublishedParsed)
	updated := firstTime(it.UpdatedParsed, it.PublishedParsed)
	// The reference time supplies the year missing from the dates in the
	// description; keep its zone for dates whose zone is unknown.
	ref := updated
	content := it.Content
	if strings.TrimSpace(content) == "" {
		content = it.Description
	}
	paras := splitParas(content)
	var header string
	var ups []Update
	for _, p := range paras {
		if p.small == "" {
			if header == "" && p.strong != "" {
				header = p.strong
			}
			continue
		}
		at, ok := parseSmallDate(p.small, ref)
		if !ok {
			continue
		}
		body := tidyText(p.rest.String())
		body = strings.TrimSpace(strings.TrimLeft(body, "-–— "))
		ups = append(ups, Update{Status: p.strong, Body: body, At: at, CreatedAt: at})
	}
	scheduledEvent := strings.HasPrefix(strings.ToUpper(header), "THIS IS A SCHEDULED EVENT")
	if len(ups) == 0 {
		// Not Statuspage markup: one item is one update, and the status
		// comes from the words the provider uses.
		text := HTMLText(content)
		st := inferStatus(in.Title, text)
		at := updated.UTC()
		ups = []Update{{Status: st, Body: text, At: at, CreatedAt: at}}
	} else {
		labelsToStatus(ups)
	}
	assignUpdateIDs(ups)
	in.Updates = ups
	in.Status = ups[0].Status
	for _, u := range ups {
		if isMaintenanceStatus(u.Status) {
			in.Maintenance = true
		}
	}
	if _, ok := it.Custom["maintenanceEndDate"]; ok || scheduledEvent {
		in.Maintenance = true
	}
	if in.Maintenance {
		// For maintenance, pubDate and published are the scheduled start.
		in.ScheduledFor = published.UTC()
		if end, ok := it.Custom["maintenanceEndDate"]; ok {
			if t, err := parseFeedDate(end); err == nil {
				in.ScheduledUntil = t
			}
		}
		if in.Status == StatusResolved {
			in.Status = StatusCompleted
		}
	}
	oldest := ups[len(ups)-1].At
	switch {
	case !in.Maintenance && !published.IsZero() && it.UpdatedParsed != nil:
		// Atom: published is the creation time.
		in.CreatedAt = published.UTC()
	case !oldest.IsZero():
		in.CreatedAt = oldest
	default:
		in.CreatedAt = published.UTC()
	}
	in.StartedAt = in.CreatedAt
	in.UpdatedAt = updated.UTC()
	if in.Resolved() {
		in.ResolvedAt = ups[0].At
	}
	return in
}

// isMaintenanceStatus reports whether a status only maintenances have.
func isMaintenanceStatus(s string) bool {
	switch s {
	case StatusScheduled, StatusInProgress, StatusVerifying, StatusCompleted:
		return true
	}
	return false
}

// labelsToStatus turns the labels of Statuspage history markup into
// statuses, oldest first: "Update" keeps the status before it.
func labelsToStatus(ups []Update) {
	prev := ""
	for i := len(ups) - 1; i >= 0; i-- {
		label := strings.ToLower(strings.TrimSpace(ups[i].Status))
		st := ""
		switch label {
		case "investigating", "identified", "monitoring", "resolved", "postmortem",
			"scheduled", "verifying", "completed":
			st = label
		case "in progress":
			st = StatusInProgress
		case "update", "":
			st = prev
		default:
			st = prev
			if st == "" {
				st = strings.ReplaceAll(label, " ", "_")
			}
		}
		if st == "" {
			st = StatusInvestigating
		}
		ups[i].Status = st
		prev = st
	}
}

// assignUpdateIDs gives feed updates ids that survive re-polls: the update's
// time, with an ordinal for several updates in the same minute counted
// from the oldest, so that a new update never renumbers the old ones.
func assignUpdateIDs(ups []Update) {
	seen := map[string]int{}
	for i := len(ups) - 1; i >= 0; i-- {
		base := "t" + ups[i].At.UTC().Format("20060102T150405Z")
		n := seen[base]
		seen[base] = n + 1
		if n > 0 {
			base += "." + strconv.Itoa(n+1)
		}
		ups[i].ID = base
	}
}

// statusPrefixes are the words feeds put at the start of a title or text to
// say where an incident stands (AWS, Google Cloud, incident.io, Slack).
var statusPrefixes = []struct{ prefix, status string }{
	{"[resolved]", StatusResolved},
	{"resolved", StatusResolved},
	{"service is operating normally", StatusResolved},
	{"status: resolved", StatusResolved},
	{"completed", StatusCompleted},
	{"status: monitoring", StatusMonitoring},
	{"monitoring", StatusMonitoring},
	{"status: identified", StatusIdentified},
	{"identified", StatusIdentified},
	{"status: investigating", StatusInvestigating},
	{"investigating", StatusInvestigating},
	{"postmortem", StatusPostmortem},
	{"scheduled", StatusScheduled},
	{"in progress", StatusInProgress},
	{"verifying", StatusVerifying},
}

// inferStatus reads the status from the start of the title or, failing
// that, of the text; without a recognised word an incident is taken to be
// under investigation.
func inferStatus(title, text string) string {
	for _, s := range []string{title, text} {
		l := strings.ToLower(strings.TrimSpace(s))
		for _, p := range statusPrefixes {
			if strings.HasPrefix(l, p.prefix) {
				return p.status
			}
		}
	}
	return StatusInvestigating
}

// zoneOffsets maps the zone abbreviations status pages print to offsets in
// seconds; Go's time.Parse does not know them.
var zoneOffsets = map[string]int{
	"UTC": 0, "GMT": 0, "Z": 0, "UT": 0,
	"WET": 0, "WEST": 3600, "BST": 3600, "IST": 3600,
	"CET": 3600, "CEST": 2 * 3600, "EET": 2 * 3600, "EEST": 3 * 3600, "MSK": 3 * 3600,
	"EST": -5 * 3600, "EDT": -4 * 3600, "CST": -6 * 3600, "CDT": -5 * 3600,
	"MST": -7 * 3600, "MDT": -6 * 3600, "PST": -8 * 3600, "PDT": -7 * 3600,
	"AKST": -9 * 3600, "AKDT": -8 * 3600, "HST": -10 * 3600,
	"JST": 9 * 3600, "KST": 9 * 3600, "SGT": 8 * 3600, "AEST": 10 * 3600, "AEDT": 11 * 3600,
	"NZST": 12 * 3600, "NZDT": 13 * 3600,
}

// parseSmallDate reads the date of a Statuspage history paragraph, such as
// "Mar  9, 11:24 UTC" or "Jan 16, 2023 - 12:00 CET". The year, when
// missing, is the reference time's, or the one before when that would put
// the update more than half a year after the reference (a December update
// on a January item). An unknown zone takes the reference's offset.
func parseSmallDate(s string, ref time.Time) (time.Time, bool) {
	f := strings.Fields(strings.NewReplacer(",", " ", "-", " ").Replace(s))
	if len(f) < 3 {
		return time.Time{}, false
	}
	mon, err := time.Parse("Jan", f[0][:min(3, len(f[0]))])
	if err != nil {
		return time.Time{}, false
	}
	day, err := strconv.Atoi(f[1])
	if err != nil || day < 1 || day > 31 {
		return time.Time{}, false
	}
	rest := f[2:]
	year := 0
	if len(rest[0]) == 4 {
		if y, err := strconv.Atoi(rest[0]); err == nil {
			year, rest = y, rest[1:]
		}
	}
	if len(rest) == 0 {
		return time.Time{}, false
	}
	clock, err := time.Parse("15:04", rest[0])
	if err != nil {
		return time.Time{}, false
	}
	loc := ref.Location()
	if ref.IsZero() {
		loc = time.UTC
	}
	if len(rest) > 1 {
		if off, ok := zoneOffsets[strings.ToUpper(rest[1])]; ok {
			loc = time.FixedZone(strings.ToUpper(rest[1]), off)
		}
	}
	guessed := year == 0
	if guessed {
		year = ref.Year()
		if ref.IsZero() {
			return time.Time{}, false
		}
	}
	t := time.Date(year, mon.Month(), day, clock.Hour(), clock.Minute(), 0, 0, loc)
	if guessed && t.After(ref.AddDate(0, 6, 0)) {
		t = t.AddDate(-1, 0, 0)
	}
	return t.UTC(), true
}

// parseFeedDate reads an RFC 822 or ISO 8601 date as feeds write them.
func parseFeedDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700", time.RFC3339Nano} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not an RFC 822 or ISO 8601 date", s)
}

// mergeIncidents combines two items with the same id. The one updated last
// gives the incident's fields (the first in the document on a tie), and
// updates from both are kept once each, newest first.
func mergeIncidents(a, b Incident) Incident {
	base, other := a, b
	if b.UpdatedAt.After(a.UpdatedAt) {
		base, other = b, a
	}
	have := map[string]bool{}
	for _, u := range base.Updates {
		have[u.ID] = true
	}
	ups := slices.Clone(base.Updates)
	for _, u := range other.Updates {
		if !have[u.ID] {
			ups = append(ups, u)
			have[u.ID] = true
		}
	}
	slices.SortStableFunc(ups, func(x, y Update) int { return y.At.Compare(x.At) })
	base.Updates = ups
	if !other.CreatedAt.IsZero() && (base.CreatedAt.IsZero() || other.CreatedAt.Before(base.CreatedAt)) {
		base.CreatedAt, base.StartedAt = other.CreatedAt, other.CreatedAt
	}
	return base
}

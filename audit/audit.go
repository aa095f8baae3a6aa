// Package audit is the dependency audit the reference post-mortem promised
// ("audit our dependence on other 3rd party services"): for each provider
// the product depends on, what its outages cost over a stretch of stored
// history, how early stormdesk knew, and which features hang on that
// provider alone with nothing of our own watching them.
//
// It is pure: the desk reads the store (upstream events, the incidents
// they were linked to, those incidents' milestones and tickets) and hands
// it here with the clock's reading; nothing in this package does I/O or
// reads the clock.
package audit

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"stormdesk"
)

// Dependency is a configured provider and the features it backs.
type Dependency struct {
	Name     string
	Features []string
}

// Probe is a configured synthetic probe and the features it guards.
type Probe struct {
	Name     string
	Features []string
}

// Link names one provider incident an incident is tied to.
type Link struct {
	Provider   string
	UpstreamID string
}

// Incident is one stormdesk incident tied to provider incidents, with the
// moments the audit reads (the same milestones as its post-mortem).
type Incident struct {
	ID       int64
	Features []string
	// Customer is true when it became an incident in the customers'
	// sense: customers reported it, a probe failed, or it was confirmed;
	// false for an upstream watch that closed unconfirmed.
	Customer bool
	// Alert is stormdesk's first alert (the first "detected" entry);
	// FirstReport the first ticket received; FirstProbe the first probe
	// failure. Zero when it did not happen.
	Alert, FirstReport, FirstProbe time.Time
	ResolvedAt                     *time.Time
	Tickets                        int
	// Customers are the distinct addresses of its tickets.
	Customers []string
	Links     []Link
}

// Input is what the audit reads.
type Input struct {
	// Since and Now bound the audited stretch; Now is the clock's
	// reading, and ends what is still going.
	Since, Now   time.Time
	Dependencies []Dependency
	Probes       []Probe
	// Events are the stored upstream events, as Tx.UpstreamHistory
	// returns them.
	Events    []*stormdesk.UpstreamEvent
	Incidents []Incident
}

// Report is the audit.
type Report struct {
	Since     time.Time  `json:"since"`
	Until     time.Time  `json:"until"`
	Providers []Provider `json:"providers"`
	// SinglePoints are the features that one provider alone backs,
	// guarded by a probe or not.
	SinglePoints []SinglePoint `json:"single_points"`
}

// Provider is one configured provider's line of the audit. Minutes are
// counted inside the audited stretch, overlapping stretches once.
type Provider struct {
	Name     string   `json:"name"`
	Backs    []string `json:"backs"`
	Seen     int      `json:"incidents_seen"`
	ByImpact []Count  `json:"by_impact"`
	// Maintenance counts scheduled maintenances, which are not incidents.
	Maintenance    int     `json:"maintenances"`
	TroubleMinutes float64 `json:"trouble_minutes"`
	// Became counts provider incidents tied to a customer incident.
	Became          int      `json:"became_customer_incidents"`
	CustomerMinutes float64  `json:"customer_visible_minutes"`
	Tickets         int      `json:"tickets"`
	Customers       int      `json:"distinct_customers"`
	Features        []string `json:"features_affected"`
	// The time-to-know gaps, over the provider incidents that became
	// customer incidents.
	ProviderToAlert  Gap `json:"provider_to_alert"`
	AlertToReport    Gap `json:"alert_to_first_ticket"`
	ProviderToReport Gap `json:"provider_to_first_ticket"`
	// Incidents are the provider incidents themselves, oldest first.
	Incidents []Upstream `json:"incidents"`
}

// Count is how many provider incidents had one impact.
type Count struct {
	Impact string `json:"impact"`
	Count  int    `json:"count"`
}

// Gap is the median and worst (longest) of one time-to-know gap in
// minutes, over N provider incidents; nil when N is 0. A negative gap
// means the second moment came first (stormdesk alerted before the
// provider said anything).
type Gap struct {
	N      int      `json:"n"`
	Median *float64 `json:"median_minutes"`
	Worst  *float64 `json:"worst_minutes"`
}

// Upstream is one provider incident.
type Upstream struct {
	ID     string     `json:"id"`
	Title  string     `json:"title"`
	Impact string     `json:"impact"`
	Start  time.Time  `json:"start"`
	End    *time.Time `json:"end"`
	// Minutes is its trouble inside the audited stretch.
	Minutes   float64 `json:"minutes"`
	Incidents []int64 `json:"incidents"`
	Customer  bool    `json:"customer_incident"`
	// Alert and FirstTicket are when stormdesk alerted and the first
	// customer wrote, over the incidents tied to it.
	Alert            *time.Time `json:"alert"`
	FirstTicket      *time.Time `json:"first_ticket"`
	ProviderToAlert  *float64   `json:"provider_to_alert_minutes"`
	AlertToReport    *float64   `json:"alert_to_first_ticket_minutes"`
	ProviderToReport *float64   `json:"provider_to_first_ticket_minutes"`
}

// SinglePoint is a feature one provider alone backs.
type SinglePoint struct {
	Feature  string   `json:"feature"`
	Provider string   `json:"provider"`
	Probes   []string `json:"probes"`
	Text     string   `json:"text"`
}

// Guarded reports whether a probe of our own watches the feature.
func (p SinglePoint) Guarded() bool { return len(p.Probes) > 0 }

// impacts orders impacts from none to critical; an impact the feed did not
// state is "unknown".
var impacts = []string{"unknown", "none", "maintenance", "minor", "major", "critical"}

func impactRank(s string) int {
	if i := slices.Index(impacts, s); i >= 0 {
		return i
	}
	return 0
}

// maintenanceKind is true for a scheduled maintenance's events.
func maintenanceKind(kind string) bool { return strings.HasPrefix(kind, "maintenance_") }

// incidentKind is true for the events of a provider's incident (component
// changes carry no incident and are left out).
func incidentKind(kind string) bool { return strings.HasPrefix(kind, "incident_") }

// resolves is true for an event that ends its provider incident.
func resolves(e *stormdesk.UpstreamEvent) bool {
	return e.Kind == "incident_resolved" || e.Status == "resolved" || e.Status == "postmortem"
}

// Build computes the audit.
func Build(in Input) *Report {
	r := &Report{Since: in.Since, Until: in.Now}
	byLink := map[Link][]*Incident{}
	for i := range in.Incidents {
		inc := &in.Incidents[i]
		for _, l := range inc.Links {
			byLink[l] = append(byLink[l], inc)
		}
	}
	// Group the events by provider incident, in the store's order
	// (provider, upstream id, time).
	type group struct {
		key    Link
		events []*stormdesk.UpstreamEvent
	}
	var groups []group
	for _, e := range in.Events {
		k := Link{e.Provider, e.UpstreamID}
		if e.UpstreamID == "" {
			continue
		}
		if n := len(groups); n > 0 && groups[n-1].key == k {
			groups[n-1].events = append(groups[n-1].events, e)
			continue
		}
		groups = append(groups, group{key: k, events: []*stormdesk.UpstreamEvent{e}})
	}
	for _, d := range in.Dependencies {
		p := Provider{Name: d.Name, Backs: slices.Clone(d.Features)}
		var trouble, visible []span
		incidents := map[int64]*Incident{}
		counts := map[string]int{}
		var toAlert, alertToReport, toReport []float64
		for _, g := range groups {
			if g.key.Provider != d.Name {
				continue
			}
			if !slices.ContainsFunc(g.events, func(e *stormdesk.UpstreamEvent) bool { return incidentKind(e.Kind) }) {
				if slices.ContainsFunc(g.events, func(e *stormdesk.UpstreamEvent) bool { return maintenanceKind(e.Kind) }) {
					p.Maintenance++
				}
				continue
			}
			u := Upstream{ID: g.key.UpstreamID, Start: g.events[0].At, Impact: "unknown"}
			for _, e := range g.events {
				u.Title = cmp.Or(e.Title, u.Title)
				if impactRank(e.Impact) > impactRank(u.Impact) {
					u.Impact = e.Impact
				}
				if u.End == nil && resolves(e) {
					at := e.At
					u.End = &at
				}
			}
			end := in.Now
			if u.End != nil {
				end = *u.End
			}
			s := clip(span{u.Start, end}, in.Since, in.Now)
			u.Minutes = s.minutes()
			trouble = append(trouble, s)
			p.Seen++
			counts[u.Impact]++

			var alert, first time.Time
			for _, inc := range byLink[g.key] {
				u.Incidents = append(u.Incidents, inc.ID)
				alert = earliest(alert, inc.Alert)
				if !inc.Customer {
					continue
				}
				u.Customer = true
				incidents[inc.ID] = inc
				first = earliest(first, inc.FirstReport)
				// Customers saw trouble from the first report or probe
				// failure to the incident's resolution; while the incident
				// stays open, to the provider's, else to now.
				from := earliest(inc.FirstReport, inc.FirstProbe)
				to := end
				if inc.ResolvedAt != nil {
					to = *inc.ResolvedAt
				}
				if !from.IsZero() && to.After(from) {
					visible = append(visible, clip(span{from, to}, in.Since, in.Now))
				}
			}
			slices.Sort(u.Incidents)
			u.Alert, u.FirstTicket = timePtr(alert), timePtr(first)
			u.ProviderToAlert = gap(u.Start, alert)
			u.AlertToReport = gap(alert, first)
			u.ProviderToReport = gap(u.Start, first)
			if u.Customer {
				p.Became++
				if u.ProviderToAlert != nil {
					toAlert = append(toAlert, *u.ProviderToAlert)
				}
				if u.AlertToReport != nil {
					alertToReport = append(alertToReport, *u.AlertToReport)
				}
				if u.ProviderToReport != nil {
					toReport = append(toReport, *u.ProviderToReport)
				}
			}
			p.Incidents = append(p.Incidents, u)
		}
		slices.SortStableFunc(p.Incidents, func(a, b Upstream) int { return a.Start.Compare(b.Start) })
		for i := len(impacts) - 1; i >= 0; i-- {
			if n := counts[impacts[i]]; n > 0 {
				p.ByImpact = append(p.ByImpact, Count{impacts[i], n})
			}
		}
		// Impacts a feed names that stormdesk does not rank, by name.
		for _, imp := range slices.Sorted(maps.Keys(counts)) {
			if !slices.Contains(impacts, imp) {
				p.ByImpact = append(p.ByImpact, Count{imp, counts[imp]})
			}
		}
		p.TroubleMinutes = union(trouble)
		p.CustomerMinutes = union(visible)
		customers := map[string]bool{}
		for _, inc := range incidents {
			p.Tickets += inc.Tickets
			for _, c := range inc.Customers {
				customers[c] = true
			}
			for _, f := range inc.Features {
				if !slices.Contains(p.Features, f) {
					p.Features = append(p.Features, f)
				}
			}
		}
		p.Customers = len(customers)
		slices.Sort(p.Features)
		p.ProviderToAlert, p.AlertToReport, p.ProviderToReport = gapOf(toAlert), gapOf(alertToReport), gapOf(toReport)
		r.Providers = append(r.Providers, p)
	}
	r.SinglePoints = singlePoints(in.Dependencies, in.Probes)
	return r
}

// singlePoints lists, in configuration order, the features exactly one
// provider backs, with the probes that guard each.
func singlePoints(deps []Dependency, probes []Probe) []SinglePoint {
	var features []string
	backers := map[string][]string{}
	for _, d := range deps {
		for _, f := range d.Features {
			if !slices.Contains(features, f) {
				features = append(features, f)
			}
			if !slices.Contains(backers[f], d.Name) {
				backers[f] = append(backers[f], d.Name)
			}
		}
	}
	var out []SinglePoint
	for _, f := range features {
		if len(backers[f]) != 1 {
			continue
		}
		sp := SinglePoint{Feature: f, Provider: backers[f][0]}
		for _, p := range probes {
			if slices.Contains(p.Features, f) {
				sp.Probes = append(sp.Probes, p.Name)
			}
		}
		if sp.Guarded() {
			sp.Text = fmt.Sprintf("%s depends only on %s; guarded by probe %s", f, sp.Provider, strings.Join(sp.Probes, ", "))
		} else {
			sp.Text = fmt.Sprintf("%s depends only on %s; no synthetic probe configured", f, sp.Provider)
		}
		out = append(out, sp)
	}
	return out
}

type span struct{ from, to time.Time }

func (s span) minutes() float64 {
	if !s.to.After(s.from) {
		return 0
	}
	return s.to.Sub(s.from).Minutes()
}

func clip(s span, lo, hi time.Time) span {
	if !lo.IsZero() && s.from.Before(lo) {
		s.from = lo
	}
	if !hi.IsZero() && s.to.After(hi) {
		s.to = hi
	}
	return s
}

// union is the minutes covered by spans, overlaps counted once: two
// outages of one provider at the same time are one stretch of trouble.
func union(spans []span) float64 {
	spans = slices.DeleteFunc(slices.Clone(spans), func(s span) bool { return !s.to.After(s.from) })
	slices.SortFunc(spans, func(a, b span) int { return a.from.Compare(b.from) })
	var total float64
	var cur span
	for i, s := range spans {
		switch {
		case i == 0:
			cur = s
		case !s.from.After(cur.to):
			if s.to.After(cur.to) {
				cur.to = s.to
			}
		default:
			total += cur.minutes()
			cur = s
		}
	}
	return total + cur.minutes()
}

func earliest(a, b time.Time) time.Time {
	switch {
	case a.IsZero():
		return b
	case b.IsZero() || a.Before(b):
		return a
	}
	return b
}

func timePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

// gap is the minutes from a to b, or nil when either did not happen.
func gap(a, b time.Time) *float64 {
	if a.IsZero() || b.IsZero() {
		return nil
	}
	m := b.Sub(a).Minutes()
	return &m
}

func gapOf(vs []float64) Gap {
	g := Gap{N: len(vs)}
	if len(vs) == 0 {
		return g
	}
	vs = slices.Clone(vs)
	slices.Sort(vs)
	med := vs[len(vs)/2]
	if len(vs)%2 == 0 {
		med = (vs[len(vs)/2-1] + vs[len(vs)/2]) / 2
	}
	worst := vs[len(vs)-1]
	g.Median, g.Worst = &med, &worst
	return g
}

// ParseSince reads --since: a span back from now ("90d", "2w", "36h",
// "45m"; d and w count 24-hour days) or a date or time to start at
// ("2026-03-01", RFC 3339). The error (EINVALID) says what is wrong.
func ParseSince(s string, now time.Time) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, stormdesk.Errorf(stormdesk.EINVALID, "since: empty; give a span like 90d, 2w or 36h, or a date like 2026-03-01")
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return checkSince(s, t, now)
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return checkSince(s, t.UTC(), now)
	}
	var d time.Duration
	if n, unit := s[:len(s)-1], s[len(s)-1]; unit == 'd' || unit == 'w' {
		v, err := strconv.ParseFloat(n, 64)
		if err != nil || v != v {
			return time.Time{}, stormdesk.Errorf(stormdesk.EINVALID, "since: %q is not a span like 90d, 2w or 36h, nor a date like 2026-03-01", s)
		}
		day := 24 * time.Hour
		if unit == 'w' {
			day *= 7
		}
		if v > 100*365 {
			return time.Time{}, stormdesk.Errorf(stormdesk.EINVALID, "since: %q is more than a century", s)
		}
		d = time.Duration(v * float64(day))
	} else {
		var err error
		if d, err = time.ParseDuration(s); err != nil {
			return time.Time{}, stormdesk.Errorf(stormdesk.EINVALID, "since: %q is not a span like 90d, 2w or 36h, nor a date like 2026-03-01", s)
		}
	}
	if d <= 0 {
		return time.Time{}, stormdesk.Errorf(stormdesk.EINVALID, "since: %q must be a positive span back from now", s)
	}
	return now.Add(-d), nil
}

func checkSince(s string, t, now time.Time) (time.Time, error) {
	if t.After(now) {
		return time.Time{}, stormdesk.Errorf(stormdesk.EINVALID, "since: %q is in the future (now is %s)", s, now.UTC().Format(time.RFC3339))
	}
	return t, nil
}

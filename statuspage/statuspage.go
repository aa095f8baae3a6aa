// Package statuspage computes the public status page from the published
// incidents: the overall state, each component's state, the open
// incidents with their customer-facing updates and 90 days of uptime per
// component; and writes it in the formats others already read: the JSON
// of Atlassian's Statuspage API (v2) and RSS and Atom incident history.
// It is pure: the incidents, the overrides and the clock are passed in;
// the HTML page is rendered by templates.
package statuspage

import (
	"slices"
	"strconv"
	"time"

	"stormdesk"
)

// Days is how far back the uptime bars and the history reach.
const Days = 90

// Config is the page as configured.
type Config struct {
	// ID is the page's id in the JSON ("stormdesk" by default).
	ID   string
	Name string
	// URL is the page's public address (".../status"); links in the
	// feeds and the JSON point at it. "" leaves them relative.
	URL     string
	LogoURL string
	// Brand and Text are the header's colours (#rrggbb).
	Brand, Text string
	Components  []stormdesk.Component
	// Subscribe shows the form that subscribes an email address to
	// components (the HTTP edge sets it when the desk takes
	// subscriptions).
	Subscribe bool
}

// Page is the status page at one moment.
type Page struct {
	Config
	Now time.Time
	// Status is the overall state.
	Status Indicator
	// UpdatedAt is the latest change the page shows (an update, a
	// publication, an override); the start of the current day when
	// nothing has happened in the window, so that the page's validators
	// stay stable.
	UpdatedAt  time.Time
	Components []ComponentView
	// Incidents are the published incidents of the window, newest first;
	// Open those of them not resolved.
	Incidents, Open []Incident
	// Maintenances are the scheduled maintenances ending in the window,
	// by start; Upcoming those of them scheduled or in progress.
	Maintenances, Upcoming []Maintenance
	// Since is the start of the uptime window (a UTC midnight).
	Since time.Time
}

// Indicator is the overall state in Statuspage's words: indicator none,
// minor, major, critical or maintenance, and its description.
type Indicator struct {
	Indicator   string                    `json:"indicator"`
	Description string                    `json:"description"`
	Worst       stormdesk.ComponentStatus `json:"-"`
}

// ComponentView is a component with its state now and its history.
type ComponentView struct {
	stormdesk.Component
	Position  int
	Status    stormdesk.ComponentStatus
	Override  *stormdesk.ComponentOverride
	UpdatedAt time.Time
	// Days are the uptime bars, oldest first, today last.
	Days []Day
	// Uptime is the percentage over the window.
	Uptime float64
}

// Day is one uptime bar: the worst state a published incident put the
// component in that day, and the minutes it counted as down.
type Day struct {
	Date        time.Time
	Worst       stormdesk.ComponentStatus
	DownMinutes float64
	Incidents   []int64
}

// Incident is a published incident as the page shows it.
type Incident struct {
	ID int64
	// Name is the public title.
	Name     string
	Status   stormdesk.Status
	Severity stormdesk.Severity
	// Impact is Statuspage's none, minor, major or critical.
	Impact string
	// Component is the state it puts its components in now.
	Component stormdesk.ComponentStatus
	// StartedAt is when it began (confirmed); CreatedAt when it was
	// published.
	StartedAt, CreatedAt, UpdatedAt time.Time
	MonitoringAt, ResolvedAt        *time.Time
	// Components are the ids of the components it affects.
	Components []string
	Updates    []stormdesk.PublicUpdate
}

// Resolved reports whether the incident is over.
func (i *Incident) Resolved() bool { return i.Status == stormdesk.StatusResolved }

// Impact is Statuspage's word for an incident's severity.
func Impact(sev stormdesk.Severity) string {
	switch sev {
	case stormdesk.SeverityCritical:
		return "critical"
	case stormdesk.SeverityMajor:
		return "major"
	}
	return "minor"
}

// downWeight is how much of a minute in a state counts as downtime: a
// major outage wholly, a partial outage for 30% (Statuspage's own
// weighting), degraded performance and maintenance not at all.
func downWeight(s stormdesk.ComponentStatus) float64 {
	switch s {
	case stormdesk.ComponentMajorOutage:
		return 1
	case stormdesk.ComponentPartialOutage:
		return 0.3
	}
	return 0
}

// Build computes the page at now from what view holds: the published
// incidents of the window (open, or resolved since the window's start),
// the overrides in force and the maintenances ending in the window. A
// component is under maintenance while a maintenance on it is in
// progress, unless an open incident puts it in a worse state or an
// override says otherwise.
func Build(cfg Config, view stormdesk.PublicView, now time.Time) *Page {
	pubs, overrides := view.Incidents, view.Overrides
	now = now.UTC()
	today := now.Truncate(24 * time.Hour)
	p := &Page{Config: cfg, Now: now, Since: today.AddDate(0, 0, -(Days - 1))}
	if p.ID == "" {
		p.ID = "stormdesk"
	}
	p.UpdatedAt = today
	for _, pub := range pubs {
		inc := pub.Incident
		v := Incident{ID: inc.ID, Name: inc.PublicTitle, Status: inc.Status, Severity: inc.Severity, Impact: Impact(inc.Severity),
			Component: stormdesk.ComponentImpact(inc.Severity, inc.Status),
			CreatedAt: *inc.PublishedAt, UpdatedAt: inc.UpdatedAt, ResolvedAt: inc.ResolvedAt, Updates: pub.Updates}
		if v.Name == "" {
			v.Name = "Service disruption"
		}
		v.StartedAt = inc.CreatedAt
		if inc.ConfirmedAt != nil {
			v.StartedAt = *inc.ConfirmedAt
		}
		if inc.Status != stormdesk.StatusResolved {
			v.ResolvedAt = nil
		}
		for _, u := range pub.Updates {
			if u.Status == stormdesk.StatusMonitoring && v.MonitoringAt == nil {
				at := u.At
				v.MonitoringAt = &at
			}
		}
		if len(pub.Updates) > 0 {
			// The page changed when its last public update was made,
			// not when something private happened to the incident.
			v.UpdatedAt = pub.Updates[len(pub.Updates)-1].At
		}
		for _, c := range cfg.Components {
			if c.Affects(inc.Features) {
				v.Components = append(v.Components, c.ID)
			}
		}
		if v.UpdatedAt.After(p.UpdatedAt) {
			p.UpdatedAt = v.UpdatedAt
		}
		p.Incidents = append(p.Incidents, v)
		if !v.Resolved() {
			p.Open = append(p.Open, v)
		}
	}
	p.Maintenances = maintenances(cfg, view.Maintenances, now)
	for _, m := range p.Maintenances {
		if m.Upcoming() {
			p.Upcoming = append(p.Upcoming, m)
		}
		if !m.UpdatedAt.After(now) && m.UpdatedAt.After(p.UpdatedAt) {
			p.UpdatedAt = m.UpdatedAt
		}
	}
	worst := stormdesk.ComponentOperational
	for _, v := range p.Open {
		if v.Component.Worse(worst) {
			worst = v.Component
		}
	}
	for i, c := range cfg.Components {
		cv := ComponentView{Component: c, Position: i + 1, Status: stormdesk.ComponentOperational, UpdatedAt: p.Since}
		for _, v := range p.Incidents {
			if !slices.Contains(v.Components, c.ID) {
				continue
			}
			if !v.Resolved() && v.Component.Worse(cv.Status) {
				cv.Status = v.Component
			}
			if v.UpdatedAt.After(cv.UpdatedAt) {
				cv.UpdatedAt = v.UpdatedAt
			}
		}
		for _, m := range p.Maintenances {
			if m.Status != stormdesk.MaintenanceInProgress || !slices.Contains(m.Components, c.ID) {
				continue
			}
			if stormdesk.ComponentUnderMaintenance.Worse(cv.Status) {
				cv.Status = stormdesk.ComponentUnderMaintenance
			}
			if m.ScheduledFor.After(cv.UpdatedAt) {
				cv.UpdatedAt = m.ScheduledFor
			}
		}
		for j, o := range overrides {
			if o.Component == c.ID {
				cv.Override, cv.Status = &overrides[j], o.Status
				if o.At.After(cv.UpdatedAt) {
					cv.UpdatedAt = o.At
				}
			}
		}
		if cv.UpdatedAt.After(p.UpdatedAt) {
			p.UpdatedAt = cv.UpdatedAt
		}
		if cv.Status.Worse(worst) {
			worst = cv.Status
		}
		cv.Days, cv.Uptime = uptime(c, p.Incidents, p.Since, now)
		p.Components = append(p.Components, cv)
	}
	p.Status = indicator(worst)
	return p
}

func indicator(worst stormdesk.ComponentStatus) Indicator {
	switch worst {
	case stormdesk.ComponentMajorOutage:
		return Indicator{"critical", "Major System Outage", worst}
	case stormdesk.ComponentPartialOutage:
		return Indicator{"major", "Partial System Outage", worst}
	case stormdesk.ComponentUnderMaintenance:
		return Indicator{"maintenance", "Service Under Maintenance", worst}
	case stormdesk.ComponentDegraded:
		return Indicator{"minor", "Minor Service Outage", worst}
	}
	return Indicator{"none", "All Systems Operational", stormdesk.ComponentOperational}
}

// uptime lays the incidents that affect c over the days from since to
// now: each day's worst state and weighted down minutes, and the uptime
// percentage of the whole window (today counts up to now). An incident
// counts from when it started (confirmed) to its resolution, at its
// current severity.
func uptime(c stormdesk.Component, incs []Incident, since, now time.Time) ([]Day, float64) {
	days := make([]Day, Days)
	for i := range days {
		days[i] = Day{Date: since.AddDate(0, 0, i), Worst: stormdesk.ComponentOperational}
	}
	var down float64
	for _, v := range incs {
		if !slices.Contains(v.Components, c.ID) {
			continue
		}
		st := v.Severity.Outage()
		start, end := v.StartedAt, now
		if v.ResolvedAt != nil {
			end = *v.ResolvedAt
		}
		if start.Before(since) {
			start = since
		}
		if !end.After(start) {
			continue
		}
		for i := range days {
			lo, hi := days[i].Date, days[i].Date.Add(24*time.Hour)
			a, b := maxTime(lo, start), minTime(hi, end)
			if !b.After(a) {
				continue
			}
			m := b.Sub(a).Minutes() * downWeight(st)
			days[i].DownMinutes += m
			down += m
			if st.Worse(days[i].Worst) {
				days[i].Worst = st
			}
			days[i].Incidents = append(days[i].Incidents, v.ID)
		}
	}
	total := now.Sub(since).Minutes()
	if total <= 0 {
		return days, 100
	}
	return days, 100 * (1 - min(down, total)/total)
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// IncidentURL is where the page shows an incident: its shortlink, which
// the HTTP edge serves at /status/incidents/ID (relative when the page's
// public address is not configured).
func (p *Page) IncidentURL(id int64) string {
	base := p.URL
	if base == "" {
		base = "/status"
	}
	return base + "/incidents/" + strconv.FormatInt(id, 10)
}

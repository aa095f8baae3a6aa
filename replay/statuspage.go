package replay

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"time"
)

// statusPages serves each provider's Statuspage v2 summary.json as it
// stood at the replay's virtual time, at /PROVIDER/api/v2/summary.json,
// so that the real fetcher, parser and differ read it.
type statusPages struct {
	now   func() time.Time
	byKey map[string][]Update // provider -> its updates, by time
}

func newStatusPages(updates []Update, now func() time.Time) *statusPages {
	p := &statusPages{now: now, byKey: map[string][]Update{}}
	for _, u := range updates {
		p.byKey[u.Provider] = append(p.byKey[u.Provider], u)
	}
	for _, us := range p.byKey {
		slices.SortStableFunc(us, func(a, b Update) int { return a.At.Compare(b.At) })
	}
	return p
}

func (p *statusPages) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	provider, rest, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
	if rest != "api/v2/summary.json" {
		http.NotFound(w, r)
		return
	}
	us := p.byKey[provider]
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(summaryAt(provider, us, p.now()))
}

// The Statuspage v2 shapes, as Atlassian's public API documents them.
type spUpdate struct {
	ID         string    `json:"id"`
	Status     string    `json:"status"`
	Body       string    `json:"body"`
	CreatedAt  time.Time `json:"created_at"`
	UpdatedAt  time.Time `json:"updated_at"`
	DisplayAt  time.Time `json:"display_at"`
	IncidentID string    `json:"incident_id"`
}

type spComponent struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	Status    string    `json:"status"`
	UpdatedAt time.Time `json:"updated_at"`
}

type spIncident struct {
	ID             string        `json:"id"`
	Name           string        `json:"name"`
	Status         string        `json:"status"`
	Impact         string        `json:"impact"`
	CreatedAt      time.Time     `json:"created_at"`
	UpdatedAt      time.Time     `json:"updated_at"`
	StartedAt      time.Time     `json:"started_at"`
	ResolvedAt     *time.Time    `json:"resolved_at"`
	ScheduledFor   *time.Time    `json:"scheduled_for,omitempty"`
	ScheduledUntil *time.Time    `json:"scheduled_until,omitempty"`
	Shortlink      string        `json:"shortlink"`
	PageID         string        `json:"page_id"`
	Updates        []spUpdate    `json:"incident_updates"`
	Components     []spComponent `json:"components"`
}

type spSummary struct {
	Page struct {
		ID        string    `json:"id"`
		Name      string    `json:"name"`
		URL       string    `json:"url"`
		TimeZone  string    `json:"time_zone"`
		UpdatedAt time.Time `json:"updated_at"`
	} `json:"page"`
	Status struct {
		Indicator   string `json:"indicator"`
		Description string `json:"description"`
	} `json:"status"`
	Components            []spComponent `json:"components"`
	Incidents             []spIncident  `json:"incidents"`
	ScheduledMaintenances []spIncident  `json:"scheduled_maintenances"`
}

// componentStatus is what an unresolved incident of this impact does to
// the components it names.
func componentStatus(impact string, maintenance bool) string {
	switch {
	case maintenance:
		return "under_maintenance"
	case impact == "critical":
		return "major_outage"
	case impact == "major":
		return "partial_outage"
	case impact == "minor":
		return "degraded_performance"
	}
	return "operational"
}

// summaryAt is the provider's summary.json at t: like Statuspage's, it
// lists only unresolved incidents and maintenances that are not
// completed, each with its updates so far, newest first.
func summaryAt(provider string, updates []Update, t time.Time) *spSummary {
	s := &spSummary{Components: []spComponent{}, Incidents: []spIncident{}, ScheduledMaintenances: []spIncident{}}
	s.Page.ID, s.Page.Name, s.Page.URL, s.Page.TimeZone = provider, provider, "https://status."+provider+".example", "Etc/UTC"
	s.Page.UpdatedAt = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	var order []string
	byID, all := map[string][]Update{}, map[string][]Update{}
	components := map[string]*spComponent{}
	var componentOrder []string
	for _, u := range updates {
		all[u.IncidentID] = append(all[u.IncidentID], u)
		for _, c := range u.Components {
			if components[c] == nil {
				components[c] = &spComponent{ID: componentID(c), Name: c, Status: "operational", UpdatedAt: s.Page.UpdatedAt}
				componentOrder = append(componentOrder, c)
			}
		}
		if u.At.After(t) {
			continue
		}
		if byID[u.IncidentID] == nil {
			order = append(order, u.IncidentID)
		}
		byID[u.IncidentID] = append(byID[u.IncidentID], u)
		if u.At.After(s.Page.UpdatedAt) {
			s.Page.UpdatedAt = u.At
		}
	}
	indicator := "none"
	rank := map[string]int{"none": 0, "maintenance": 1, "minor": 2, "major": 3, "critical": 4}
	for _, id := range order {
		us := byID[id]
		last := us[len(us)-1]
		over := last.Status == "resolved" || last.Status == "postmortem" || last.Status == "completed"
		if over {
			for _, c := range last.Components {
				if components[c] != nil && last.At.After(components[c].UpdatedAt) {
					components[c].Status, components[c].UpdatedAt = "operational", last.At
				}
			}
			continue
		}
		in := spIncident{ID: id, Status: last.Status, CreatedAt: us[0].At, UpdatedAt: last.At, StartedAt: us[0].At,
			Shortlink: "https://stspg.io/" + id, PageID: provider, Updates: []spUpdate{}, Components: []spComponent{}}
		seen := map[string]bool{}
		for _, u := range us {
			if u.Title != "" {
				in.Name = u.Title
			}
			if u.Impact != "" {
				in.Impact = u.Impact
			}
			for _, c := range u.Components {
				if !seen[c] {
					seen[c] = true
					in.Components = append(in.Components, spComponent{ID: componentID(c), Name: c})
				}
			}
		}
		if in.Name == "" {
			in.Name = id
		}
		if in.Impact == "" {
			in.Impact = "none"
		}
		for i := len(us) - 1; i >= 0; i-- {
			u := us[i]
			in.Updates = append(in.Updates, spUpdate{ID: u.UpdateID, Status: u.Status, Body: u.Body, CreatedAt: u.At, UpdatedAt: u.At, DisplayAt: u.At, IncidentID: id})
		}
		for i := range in.Components {
			c := components[in.Components[i].Name]
			c.Status, c.UpdatedAt = componentStatus(in.Impact, last.Maintenance()), last.At
			in.Components[i] = *c
		}
		if last.Maintenance() {
			// A maintenance is announced with its window: from the
			// first update that starts it to the one that completes it.
			start, end := us[0].At, last.At
			for _, u := range all[id] {
				switch u.Status {
				case "in_progress":
					if start == us[0].At {
						start = u.At
					}
				case "completed":
					end = u.At
				}
			}
			in.ScheduledFor, in.ScheduledUntil = &start, &end
			s.ScheduledMaintenances = append(s.ScheduledMaintenances, in)
			if last.Status == "in_progress" || last.Status == "verifying" {
				if rank["maintenance"] > rank[indicator] {
					indicator = "maintenance"
				}
			}
			continue
		}
		if rank[in.Impact] > rank[indicator] {
			indicator = in.Impact
		}
		s.Incidents = append(s.Incidents, in)
	}
	for _, name := range componentOrder {
		s.Components = append(s.Components, *components[name])
	}
	s.Status.Indicator = indicator
	s.Status.Description = map[string]string{"none": "All Systems Operational", "maintenance": "Service Under Maintenance",
		"minor": "Minor Service Outage", "major": "Partial System Outage", "critical": "Major System Outage"}[indicator]
	return s
}

// componentID turns a component's name into a stable id.
func componentID(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

package statuspage

import (
	"encoding/json"
	"io"
	"slices"
	"strconv"
	"time"

	"stormdesk"
)

// The JSON of Atlassian's Statuspage API v2 (summary.json, status.json,
// components.json, incidents.json, incidents/unresolved.json), with every
// field its documentation shows, so that whatever reads a Statuspage
// page reads ours. Ids are strings, times RFC 3339 in UTC with
// milliseconds, absent values null, as Statuspage writes them.

type jsonPage struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	URL       string `json:"url"`
	TimeZone  string `json:"time_zone"`
	UpdatedAt string `json:"updated_at"`
}

type jsonComponent struct {
	ID                 string  `json:"id"`
	Name               string  `json:"name"`
	Status             string  `json:"status"`
	CreatedAt          string  `json:"created_at"`
	UpdatedAt          string  `json:"updated_at"`
	Position           int     `json:"position"`
	Description        *string `json:"description"`
	Showcase           bool    `json:"showcase"`
	StartDate          *string `json:"start_date"`
	GroupID            *string `json:"group_id"`
	PageID             string  `json:"page_id"`
	Group              bool    `json:"group"`
	OnlyShowIfDegraded bool    `json:"only_show_if_degraded"`
}

type jsonAffected struct {
	Code      string `json:"code"`
	Name      string `json:"name"`
	OldStatus string `json:"old_status"`
	NewStatus string `json:"new_status"`
}

type jsonUpdate struct {
	ID                   string         `json:"id"`
	Status               string         `json:"status"`
	Body                 string         `json:"body"`
	IncidentID           string         `json:"incident_id"`
	CreatedAt            string         `json:"created_at"`
	UpdatedAt            string         `json:"updated_at"`
	DisplayAt            string         `json:"display_at"`
	AffectedComponents   []jsonAffected `json:"affected_components"`
	DeliverNotifications bool           `json:"deliver_notifications"`
	CustomTweet          *string        `json:"custom_tweet"`
	TweetID              *string        `json:"tweet_id"`
}

type jsonIncident struct {
	ID              string          `json:"id"`
	Name            string          `json:"name"`
	Status          string          `json:"status"`
	CreatedAt       string          `json:"created_at"`
	UpdatedAt       string          `json:"updated_at"`
	MonitoringAt    *string         `json:"monitoring_at"`
	ResolvedAt      *string         `json:"resolved_at"`
	Impact          string          `json:"impact"`
	Shortlink       string          `json:"shortlink"`
	StartedAt       string          `json:"started_at"`
	PageID          string          `json:"page_id"`
	IncidentUpdates []jsonUpdate    `json:"incident_updates"`
	Components      []jsonComponent `json:"components"`
}

// jsonMaintenance is a scheduled maintenance: Statuspage writes it as an
// incident with impact "maintenance" and its window.
type jsonMaintenance struct {
	jsonIncident
	ScheduledFor   string `json:"scheduled_for"`
	ScheduledUntil string `json:"scheduled_until"`
}

// Endpoints of the JSON API, relative to /api/v2/.
const (
	Summary      = "summary.json"
	Status       = "status.json"
	Components   = "components.json"
	Incidents    = "incidents.json"
	Unresolved   = "incidents/unresolved.json"
	Maintenances = "scheduled-maintenances.json"
	Upcoming     = "scheduled-maintenances/upcoming.json"
	Active       = "scheduled-maintenances/active.json"
)

// Endpoints lists every endpoint WriteJSON writes.
var Endpoints = []string{Summary, Status, Components, Incidents, Unresolved, Maintenances, Upcoming, Active}

// MaxIncidents is how many incidents incidents.json lists, newest first,
// as Statuspage does.
const MaxIncidents = 50

// WriteJSON writes one endpoint's document (Summary, Status, …).
func (p *Page) WriteJSON(w io.Writer, endpoint string) error {
	doc := map[string]any{"page": p.jsonPage()}
	switch endpoint {
	case Summary:
		doc["components"] = p.jsonComponents()
		doc["incidents"] = p.jsonIncidents(p.Open)
		doc["scheduled_maintenances"] = p.jsonMaintenances(p.Upcoming)
		doc["status"] = p.Status
	case Status:
		doc["status"] = p.Status
	case Components:
		doc["components"] = p.jsonComponents()
	case Incidents:
		doc["incidents"] = p.jsonIncidents(p.Incidents[:min(len(p.Incidents), MaxIncidents)])
	case Unresolved:
		doc["incidents"] = p.jsonIncidents(p.Open)
	case Maintenances:
		// Newest first, as Statuspage lists them.
		ms := slices.Clone(p.Maintenances)
		slices.Reverse(ms)
		doc["scheduled_maintenances"] = p.jsonMaintenances(ms[:min(len(ms), MaxIncidents)])
	case Upcoming, Active:
		want := stormdesk.MaintenanceScheduled
		if endpoint == Active {
			want = stormdesk.MaintenanceInProgress
		}
		var ms []Maintenance
		for _, m := range p.Maintenances {
			if m.Status == want {
				ms = append(ms, m)
			}
		}
		doc["scheduled_maintenances"] = p.jsonMaintenances(ms)
	default:
		return stormdesk.Errorf(stormdesk.ENOTFOUND, "no status endpoint %q", endpoint)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

func stamp(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z07:00") }

func stampPtr(t *time.Time) *string {
	if t == nil {
		return nil
	}
	s := stamp(*t)
	return &s
}

func (p *Page) jsonPage() jsonPage {
	return jsonPage{ID: p.ID, Name: p.Name, URL: p.URL, TimeZone: "Etc/UTC", UpdatedAt: stamp(p.UpdatedAt)}
}

func (p *Page) jsonComponent(c ComponentView) jsonComponent {
	j := jsonComponent{ID: c.ID, Name: c.Name, Status: string(c.Status), CreatedAt: stamp(p.Since), UpdatedAt: stamp(c.UpdatedAt),
		Position: c.Position, Showcase: true, PageID: p.ID}
	if c.Description != "" {
		d := c.Description
		j.Description = &d
	}
	return j
}

func (p *Page) jsonComponents() []jsonComponent {
	out := []jsonComponent{}
	for _, c := range p.Components {
		out = append(out, p.jsonComponent(c))
	}
	return out
}

func (p *Page) jsonIncidents(incs []Incident) []jsonIncident {
	out := []jsonIncident{}
	for _, v := range incs {
		id := strconv.FormatInt(v.ID, 10)
		j := jsonIncident{ID: id, Name: v.Name, Status: string(v.Status), CreatedAt: stamp(v.CreatedAt), UpdatedAt: stamp(v.UpdatedAt),
			MonitoringAt: stampPtr(v.MonitoringAt), ResolvedAt: stampPtr(v.ResolvedAt), Impact: v.Impact, Shortlink: p.IncidentURL(v.ID),
			StartedAt: stamp(v.StartedAt), PageID: p.ID, IncidentUpdates: []jsonUpdate{}, Components: []jsonComponent{}}
		var affected []ComponentView
		for _, c := range p.Components {
			for _, cid := range v.Components {
				if c.ID == cid {
					affected = append(affected, c)
					j.Components = append(j.Components, p.jsonComponent(c))
				}
			}
		}
		// Statuspage lists updates newest first; each says what it did
		// to the components the incident affects.
		old := stormdesk.ComponentOperational
		updates := make([]jsonUpdate, len(v.Updates))
		for k, u := range v.Updates {
			now := stormdesk.ComponentImpact(v.Severity, u.Status)
			ju := jsonUpdate{ID: strconv.FormatInt(u.ID, 10), Status: string(u.Status), Body: u.Body, IncidentID: id, CreatedAt: stamp(u.At),
				UpdatedAt: stamp(u.At), DisplayAt: stamp(u.At), AffectedComponents: []jsonAffected{}}
			for _, c := range affected {
				ju.AffectedComponents = append(ju.AffectedComponents, jsonAffected{Code: c.ID, Name: c.Name, OldStatus: string(old), NewStatus: string(now)})
			}
			old = now
			updates[len(updates)-1-k] = ju
		}
		j.IncidentUpdates = append(j.IncidentUpdates, updates...)
		out = append(out, j)
	}
	return out
}

func (p *Page) jsonMaintenances(ms []Maintenance) []jsonMaintenance {
	out := []jsonMaintenance{}
	for _, m := range ms {
		id := maintenanceID(m.ID)
		j := jsonMaintenance{jsonIncident: jsonIncident{ID: id, Name: m.Name, Status: m.Status, CreatedAt: stamp(m.CreatedAt), UpdatedAt: stamp(m.UpdatedAt),
			ResolvedAt: stampPtr(m.CompletedAt), Impact: "maintenance", Shortlink: p.MaintenanceURL(m.ID), StartedAt: stamp(m.ScheduledFor), PageID: p.ID,
			IncidentUpdates: []jsonUpdate{}, Components: []jsonComponent{}}, ScheduledFor: stamp(m.ScheduledFor), ScheduledUntil: stamp(m.ScheduledUntil)}
		var affected []ComponentView
		for _, c := range p.Components {
			if slices.Contains(m.Components, c.ID) {
				affected = append(affected, c)
				j.Components = append(j.Components, p.jsonComponent(c))
			}
		}
		old := stormdesk.ComponentOperational
		updates := make([]jsonUpdate, len(m.Updates))
		for k, u := range m.Updates {
			now := stormdesk.ComponentOperational
			if u.Status == stormdesk.MaintenanceInProgress {
				now = stormdesk.ComponentUnderMaintenance
			}
			ju := jsonUpdate{ID: maintenanceID(m.ID) + "-" + strconv.FormatInt(u.ID, 10), Status: u.Status, Body: u.Body, IncidentID: id, CreatedAt: stamp(u.At),
				UpdatedAt: stamp(u.At), DisplayAt: stamp(u.At), AffectedComponents: []jsonAffected{}, DeliverNotifications: true}
			for _, c := range affected {
				ju.AffectedComponents = append(ju.AffectedComponents, jsonAffected{Code: c.ID, Name: c.Name, OldStatus: string(old), NewStatus: string(now)})
			}
			old = now
			updates[len(updates)-1-k] = ju
		}
		j.IncidentUpdates = append(j.IncidentUpdates, updates...)
		out = append(out, j)
	}
	return out
}

package statuspage

import (
	"slices"
	"strconv"
	"time"

	"stormdesk"
)

// Maintenance is a scheduled maintenance as the page shows it.
type Maintenance struct {
	ID   int64
	Name string
	// Body is what customers read about the work.
	Body string
	// Status is scheduled, in_progress or completed, by the clock: the
	// page turns at the window's start and end whether or not the desk
	// has recorded them yet.
	Status                       string
	ScheduledFor, ScheduledUntil time.Time
	CreatedAt, UpdatedAt         time.Time
	StartedAt, CompletedAt       *time.Time
	// Components are the ids of the page's components it affects;
	// Names their names, in page order.
	Components, Names []string
	Updates           []MaintenanceUpdate
}

// MaintenanceUpdate is one public update of a maintenance: its
// scheduling (or rescheduling), start and end.
type MaintenanceUpdate struct {
	ID     int64
	Status string
	Body   string
	At     time.Time
}

// Statuspage's own sentences for a maintenance's start and end.
const (
	MaintenanceStartedText   = "Scheduled maintenance is currently in progress. We will provide updates as necessary."
	MaintenanceCompletedText = "The scheduled maintenance has been completed."
)

// Upcoming reports whether the maintenance has not ended.
func (m *Maintenance) Upcoming() bool { return m.Status != stormdesk.MaintenanceCompleted }

// ID string of a maintenance in the JSON and the page's anchors: an "m"
// before the number keeps it apart from the incidents' ids.
func maintenanceID(id int64) string { return "m" + strconv.FormatInt(id, 10) }

// MaintenanceURL is where the page shows a maintenance: its shortlink,
// like an incident's (the HTTP edge serves /status/incidents/mID, and
// redirects it to the maintenance on the page), so that a reader that
// takes the id from a Statuspage link (/incidents/CODE) takes "m4", the
// id the JSON gives it.
func (p *Page) MaintenanceURL(id int64) string {
	base := p.URL
	if base == "" {
		base = "/status"
	}
	return base + "/incidents/" + maintenanceID(id)
}

// maintenances turns the stored maintenances into the page's, at now,
// keeping only those whose components are on the page.
func maintenances(cfg Config, pms []stormdesk.PublicMaintenance, now time.Time) []Maintenance {
	var out []Maintenance
	for _, pm := range pms {
		m := pm.Maintenance
		v := Maintenance{ID: m.ID, Name: m.Title, Body: m.Text, Status: m.State(now), ScheduledFor: m.StartsAt, ScheduledUntil: m.EndsAt,
			CreatedAt: m.CreatedAt, UpdatedAt: m.CreatedAt}
		for _, c := range cfg.Components {
			if slices.Contains(m.Components, c.ID) {
				v.Components, v.Names = append(v.Components, c.ID), append(v.Names, c.Name)
			}
		}
		if len(v.Components) == 0 {
			continue
		}
		for _, e := range pm.Entries {
			u := MaintenanceUpdate{ID: e.ID, At: e.At}
			switch e.Kind {
			case stormdesk.MaintenanceKindScheduled:
				u.Status, u.Body = stormdesk.MaintenanceScheduled, m.Text
				if u.Body == "" {
					u.Body = m.Title
				}
			case stormdesk.MaintenanceKindStarted:
				u.Status, u.Body = stormdesk.MaintenanceInProgress, MaintenanceStartedText
			case stormdesk.MaintenanceKindEnded:
				u.Status, u.Body = stormdesk.MaintenanceCompleted, MaintenanceCompletedText
			default:
				continue
			}
			if u.At.After(now) {
				continue
			}
			v.Updates = append(v.Updates, u)
			if u.At.After(v.UpdatedAt) {
				v.UpdatedAt = u.At
			}
		}
		if v.Status != stormdesk.MaintenanceScheduled {
			at := m.StartsAt
			v.StartedAt = &at
			v.UpdatedAt = maxTime(v.UpdatedAt, at)
		}
		if v.Status == stormdesk.MaintenanceCompleted {
			at := m.EndsAt
			v.CompletedAt = &at
			v.UpdatedAt = maxTime(v.UpdatedAt, at)
		}
		out = append(out, v)
	}
	return out
}

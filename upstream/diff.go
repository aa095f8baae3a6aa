package upstream

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// EventKind names what changed upstream.
type EventKind string

// Event kinds. Maintenances have their own kinds so that a planned window
// is never mistaken for an outage.
const (
	EventIncidentOpened   EventKind = "incident_opened"
	EventIncidentUpdate   EventKind = "incident_update"
	EventIncidentStatus   EventKind = "incident_status"
	EventIncidentImpact   EventKind = "incident_impact"
	EventIncidentResolved EventKind = "incident_resolved"
	EventComponentStatus  EventKind = "component_status"

	EventMaintenanceScheduled EventKind = "maintenance_scheduled"
	EventMaintenanceUpdate    EventKind = "maintenance_update"
	EventMaintenanceStatus    EventKind = "maintenance_status"
	EventMaintenanceCompleted EventKind = "maintenance_completed"

	EventProbeFailing   EventKind = "probe_failing"
	EventProbeRecovered EventKind = "probe_recovered"
)

// Event is one real change seen upstream.
type Event struct {
	Kind       EventKind `json:"kind"`
	Provider   string    `json:"provider"`
	IncidentID string    `json:"incident_id,omitempty"`
	UpdateID   string    `json:"update_id,omitempty"`
	// ComponentID is set on component_status events; Components lists the
	// components an incident event names.
	ComponentID string   `json:"component_id,omitempty"`
	Components  []string `json:"components,omitempty"`
	// At is the provider's own time for the change, never the poll time.
	At time.Time `json:"at"`
	// Title is the incident's title or the component's name.
	Title string `json:"title,omitempty"`
	// Text is the update's body on update events.
	Text       string `json:"text,omitempty"`
	Status     string `json:"status,omitempty"`
	PrevStatus string `json:"prev_status,omitempty"`
	Impact     string `json:"impact,omitempty"`
	PrevImpact string `json:"prev_impact,omitempty"`
	URL        string `json:"url,omitempty"`
	// Inferred is true for a resolution read from an incident's
	// disappearance from an unresolved-only payload: the provider gave no
	// time, so At is the page's last-change time.
	Inferred bool `json:"inferred,omitempty"`
	// DedupKey is the same for the same change whenever and however often
	// it is seen, so that a store can keep each event once.
	DedupKey string `json:"dedup_key"`
}

// Events lists what a first look at a provider shows: every incident and
// maintenance with all its updates (and its resolution when it is over), and
// every component that is not operational. Incidents come oldest first,
// each followed by its updates oldest first.
func Events(s *Snapshot, provider string) []Event {
	if s == nil {
		return nil
	}
	return Diff(&Snapshot{}, s, provider)
}

// Diff lists the real changes from prev to next: new incidents, new
// updates, status and impact changes, resolutions and component status
// changes. A nil prev is a first poll (see Events). Diffing a snapshot
// against itself gives nothing. Incidents missing from next are resolved
// only when next.UnresolvedOnly says that their absence means it; otherwise
// they have merely left the feed's window.
func Diff(prev, next *Snapshot, provider string) []Event {
	if next == nil {
		return nil
	}
	if prev == nil {
		prev = &Snapshot{}
	}
	d := differ{provider: provider}
	before := make(map[string]*Incident, len(prev.Incidents))
	for i := range prev.Incidents {
		before[prev.Incidents[i].ID] = &prev.Incidents[i]
	}
	for _, in := range byCreation(next.Incidents) {
		d.incident(before[in.ID], in)
	}
	if next.UnresolvedOnly {
		present := make(map[string]bool, len(next.Incidents))
		for _, in := range next.Incidents {
			present[in.ID] = true
		}
		for _, p := range byCreation(prev.Incidents) {
			if !present[p.ID] && !p.Resolved() {
				d.vanished(p, next)
			}
		}
	}
	d.components(prev, next)
	return d.out
}

// byCreation orders incidents oldest first, keeping payload order on ties,
// so that events come out in the same order on every poll.
func byCreation(list []Incident) []*Incident {
	out := make([]*Incident, len(list))
	for i := range list {
		out[i] = &list[i]
	}
	slices.SortStableFunc(out, func(a, b *Incident) int { return a.CreatedAt.Compare(b.CreatedAt) })
	return out
}

type differ struct {
	provider string
	out      []Event
}

// kinds picks the incident or maintenance flavour of each event.
func kinds(maint bool) (opened, update, status, resolved EventKind) {
	if maint {
		return EventMaintenanceScheduled, EventMaintenanceUpdate, EventMaintenanceStatus, EventMaintenanceCompleted
	}
	return EventIncidentOpened, EventIncidentUpdate, EventIncidentStatus, EventIncidentResolved
}

func (d *differ) key(parts ...string) string {
	return d.provider + "/" + strings.Join(parts, "/")
}

func stamp(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.UTC().Format(time.RFC3339Nano)
}

func (d *differ) base(kind EventKind, in *Incident) Event {
	return Event{
		Kind: kind, Provider: d.provider, IncidentID: in.ID, Title: in.Title,
		Status: in.Status, Impact: in.Impact, URL: in.URL, Components: in.Components,
	}
}

// incident emits the changes of one incident; p is its previous state, or
// nil when it is new.
func (d *differ) incident(p, in *Incident) {
	opened, update, status, resolved := kinds(in.Maintenance)
	if p == nil {
		e := d.base(opened, in)
		e.At = in.CreatedAt
		e.DedupKey = d.key("incident", in.ID, "opened")
		d.out = append(d.out, e)
	}
	seen := map[string]bool{}
	if p != nil {
		for _, u := range p.Updates {
			seen[u.ID] = true
		}
	}
	// Updates are listed newest first; emit them oldest first, in the
	// provider's order rather than by time, because backfilled updates
	// show an earlier time than they were posted at.
	for i := len(in.Updates) - 1; i >= 0; i-- {
		u := &in.Updates[i]
		if seen[u.ID] {
			continue
		}
		seen[u.ID] = true
		e := d.base(update, in)
		e.UpdateID, e.Status, e.Text, e.At = u.ID, u.Status, u.Body, u.At
		e.DedupKey = d.key("incident", in.ID, "update", u.ID)
		d.out = append(d.out, e)
	}
	switch {
	case in.Resolved() && (p == nil || !p.Resolved()):
		e := d.base(resolved, in)
		e.At = cmp.Or(in.ResolvedAt, in.UpdatedAt)
		if p != nil {
			e.PrevStatus = p.Status
		}
		e.DedupKey = d.key("incident", in.ID, "resolved", stamp(e.At))
		d.out = append(d.out, e)
	case p != nil && p.Status != in.Status:
		e := d.base(status, in)
		e.PrevStatus = p.Status
		e.At = d.changedAt(p, in)
		e.DedupKey = d.key("incident", in.ID, "status", in.Status, stamp(e.At))
		d.out = append(d.out, e)
	}
	if p != nil && p.Impact != in.Impact && in.Impact != "" && !in.Maintenance {
		e := d.base(EventIncidentImpact, in)
		e.PrevImpact = p.Impact
		e.At = d.changedAt(p, in)
		e.DedupKey = d.key("incident", in.ID, "impact", in.Impact, stamp(e.At))
		d.out = append(d.out, e)
	}
}

// changedAt is the provider's time for a change to an incident: its
// updated_at, or the newest update's time when the format has none.
func (d *differ) changedAt(p, in *Incident) time.Time {
	if !in.UpdatedAt.IsZero() {
		return in.UpdatedAt
	}
	if len(in.Updates) > 0 {
		return in.Updates[0].At
	}
	return p.UpdatedAt
}

// vanished emits the inferred resolution of an incident that an
// unresolved-only payload no longer lists.
func (d *differ) vanished(p *Incident, next *Snapshot) {
	_, _, _, resolved := kinds(p.Maintenance)
	e := d.base(resolved, p)
	e.PrevStatus = p.Status
	e.Status = StatusResolved
	if p.Maintenance {
		e.Status = StatusCompleted
	}
	e.At = cmp.Or(next.UpdatedAt, p.UpdatedAt)
	e.Inferred = true
	e.DedupKey = d.key("incident", p.ID, "resolved", stamp(e.At))
	d.out = append(d.out, e)
}

// components emits status changes, and on a first sighting the components
// that are not operational.
func (d *differ) components(prev, next *Snapshot) {
	before := make(map[string]string, len(prev.Components))
	for _, c := range prev.Components {
		before[c.ID] = c.Status
	}
	var latest time.Time
	for _, c := range next.Components {
		old, known := before[c.ID]
		if known && old == c.Status || !known && c.Status == ComponentOperational {
			continue
		}
		at := c.UpdatedAt
		if at.IsZero() {
			// Formats without per-component times (Heroku) fall back to
			// the latest time in the payload.
			if latest.IsZero() {
				latest = next.Latest()
			}
			at = latest
		}
		d.out = append(d.out, Event{
			Kind: EventComponentStatus, Provider: d.provider, ComponentID: c.ID, Title: c.Name,
			Status: c.Status, PrevStatus: old, At: at,
			DedupKey: d.key("component", c.ID, c.Status, stamp(at)),
		})
	}
}

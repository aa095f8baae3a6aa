package upstream

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Cachet's public API v1 (docs.cachethq.io): /api/v1/components and
// /api/v1/incidents both answer {"meta": {"pagination": …}, "data": […]},
// told apart by their elements' fields. Statuses are numbers and times
// carry no zone: they are read as UTC, Cachet's default.
type cachetPayload struct {
	Meta json.RawMessage   `json:"meta"`
	Data []json.RawMessage `json:"data"`
}

type cachetComponent struct {
	ID        flexString `json:"id"`
	Name      string     `json:"name"`
	Status    flexString `json:"status"`
	GroupID   flexString `json:"group_id"`
	UpdatedAt string     `json:"updated_at"`
}

type cachetIncident struct {
	ID          flexString `json:"id"`
	ComponentID flexString `json:"component_id"`
	Name        string     `json:"name"`
	Status      flexString `json:"status"`
	Message     string     `json:"message"`
	ScheduledAt string     `json:"scheduled_at"`
	OccurredAt  string     `json:"occurred_at"`
	CreatedAt   string     `json:"created_at"`
	UpdatedAt   string     `json:"updated_at"`
	Updates     []struct {
		ID        flexString `json:"id"`
		Status    flexString `json:"status"`
		Message   string     `json:"message"`
		CreatedAt string     `json:"created_at"`
	} `json:"updates"`
}

// cachetComponentStatuses maps Cachet's component codes
// (docs.cachethq.io/docs/component-statuses); 0, "unknown", is what a
// disabled component shows and is left out.
var cachetComponentStatuses = map[string]string{
	"1": ComponentOperational, "2": ComponentDegradedPerformance, "3": ComponentPartialOutage, "4": ComponentMajorOutage,
}

// cachetIncidentStatuses are Cachet's incident codes
// (docs.cachethq.io/docs/incident-statuses): 0 scheduled (maintenance),
// 1 investigating, 2 identified, 3 watching, 4 fixed.
var cachetIncidentStatuses = []string{"0", "1", "2", "3", "4"}

func parseCachet(data []byte) (*Snapshot, error) {
	var p cachetPayload
	if err := json.Unmarshal(data, &p); err != nil {
		return nil, jsonErr(KindCachet, err)
	}
	if p.Data == nil {
		return nil, parseErr(KindCachet, "data", "missing (is this /api/v1/components or /api/v1/incidents?)")
	}
	s := &Snapshot{Kind: KindCachet}
	tp := timeParser{kind: KindCachet, loc: time.UTC}
	for i, raw := range p.Data {
		path := fmt.Sprintf("data[%d]", i)
		var err error
		switch {
		case hasKeys(raw, "human_status", "message", "component_id", "scheduled_at"):
			err = cachetIncidentInto(s, &tp, path, raw)
		case hasKeys(raw, "status_name", "group_id", "enabled", "link"):
			err = cachetComponentInto(s, &tp, path, raw)
		default:
			err = parseErr(KindCachet, path, "neither a component (status_name, group_id) nor an incident (message, human_status)")
		}
		if err != nil {
			return nil, err
		}
	}
	if tp.err != nil {
		return nil, tp.err
	}
	s.Incidents = firstOfEachID(s.Incidents)
	s.UpdatedAt = s.Latest()
	return s, nil
}

func cachetComponentInto(s *Snapshot, tp *timeParser, path string, raw json.RawMessage) error {
	var c cachetComponent
	if err := json.Unmarshal(raw, &c); err != nil {
		return jsonErr(KindCachet, err)
	}
	if c.ID == "" {
		return parseErr(KindCachet, path+".id", "missing")
	}
	code := strings.TrimSpace(string(c.Status))
	if code == "0" {
		return nil
	}
	st, ok := cachetComponentStatuses[code]
	if !ok {
		return parseErr(KindCachet, path+".status", "%q is not a Cachet component status (0 to 4)", code)
	}
	comp := Component{ID: string(c.ID), Name: strings.TrimSpace(c.Name), Status: st, UpdatedAt: tp.at(path+".updated_at", c.UpdatedAt)}
	if g := string(c.GroupID); g != "0" {
		comp.GroupID = g
	}
	if !slices.ContainsFunc(s.Components, func(o Component) bool { return o.ID == comp.ID }) {
		s.Components = append(s.Components, comp)
	}
	return nil
}

func cachetIncidentInto(s *Snapshot, tp *timeParser, path string, raw json.RawMessage) error {
	var r cachetIncident
	if err := json.Unmarshal(raw, &r); err != nil {
		return jsonErr(KindCachet, err)
	}
	if r.ID == "" {
		return parseErr(KindCachet, path+".id", "missing")
	}
	code := strings.TrimSpace(string(r.Status))
	if !slices.Contains(cachetIncidentStatuses, code) {
		return parseErr(KindCachet, path+".status", "%q is not a Cachet incident status (0 to 4)", code)
	}
	in := Incident{
		ID: string(r.ID), Title: strings.TrimSpace(r.Name), Status: normIncidentStatus(code), Maintenance: code == "0",
		CreatedAt: tp.at(path+".created_at", r.CreatedAt), UpdatedAt: tp.at(path+".updated_at", r.UpdatedAt),
		StartedAt: tp.at(path+".occurred_at", r.OccurredAt),
	}
	if c := string(r.ComponentID); c != "" && c != "0" {
		in.Components = []string{c}
	}
	// Cachet fills scheduled_at on every incident, with the creation
	// time unless it was scheduled ahead: a maintenance stays one when it
	// is fixed (4).
	if at := tp.at(path+".scheduled_at", r.ScheduledAt); in.Maintenance || at.After(in.CreatedAt) && !in.CreatedAt.IsZero() {
		in.Maintenance, in.Impact, in.ScheduledFor = true, "maintenance", at
		in.StartedAt = cmpTime(in.StartedAt, in.ScheduledFor)
	}
	in.StartedAt = cmpTime(in.StartedAt, in.CreatedAt)
	for j, u := range r.Updates {
		up := fmt.Sprintf("%s.updates[%d]", path, j)
		if u.ID == "" {
			return parseErr(KindCachet, up+".id", "missing")
		}
		at := tp.at(up+".created_at", u.CreatedAt)
		in.Updates = append(in.Updates, Update{ID: string(u.ID), Status: normIncidentStatus(string(u.Status)), Body: cleanBody(u.Message), At: at, CreatedAt: at})
	}
	if len(in.Updates) == 0 && strings.TrimSpace(r.Message) != "" {
		// Before Cachet 2.4 the message is the incident's only text: it
		// is its first update, under a fixed id so that an edit is not
		// a new update.
		in.Updates = []Update{{ID: "message", Status: in.Status, Body: cleanBody(r.Message), At: in.CreatedAt, CreatedAt: in.CreatedAt}}
	}
	slices.SortStableFunc(in.Updates, func(a, b Update) int { return b.At.Compare(a.At) })
	if in.Resolved() {
		in.ResolvedAt = in.UpdatedAt
		if in.Maintenance {
			in.Status = StatusCompleted
		}
	}
	s.Incidents = append(s.Incidents, in)
	return tp.err
}

// cmpTime returns a, or b when a is zero.
func cmpTime(a, b time.Time) time.Time {
	if a.IsZero() {
		return b
	}
	return a
}

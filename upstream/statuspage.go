package upstream

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// The Statuspage v2 shapes, holding only the fields stormdesk uses. Times
// stay strings so that a bad one is reported with its path.
type spPayload struct {
	Page                  *spPage       `json:"page"`
	Status                *spStatus     `json:"status"`
	Components            []spComponent `json:"components"`
	Incidents             []spIncident  `json:"incidents"`
	ScheduledMaintenances []spIncident  `json:"scheduled_maintenances"`
}

type spPage struct {
	ID        flexString `json:"id"`
	Name      string     `json:"name"`
	URL       string     `json:"url"`
	TimeZone  string     `json:"time_zone"`
	UpdatedAt string     `json:"updated_at"`
}

type spStatus struct {
	Indicator   string `json:"indicator"`
	Description string `json:"description"`
}

type spComponent struct {
	ID        flexString `json:"id"`
	Name      string     `json:"name"`
	Status    string     `json:"status"`
	GroupID   flexString `json:"group_id"`
	Group     bool       `json:"group"`
	UpdatedAt string     `json:"updated_at"`
}

type spIncident struct {
	ID             flexString    `json:"id"`
	Name           string        `json:"name"`
	Status         string        `json:"status"`
	Impact         string        `json:"impact"`
	Shortlink      string        `json:"shortlink"`
	CreatedAt      string        `json:"created_at"`
	UpdatedAt      string        `json:"updated_at"`
	StartedAt      string        `json:"started_at"`
	ResolvedAt     string        `json:"resolved_at"`
	ScheduledFor   string        `json:"scheduled_for"`
	ScheduledUntil string        `json:"scheduled_until"`
	Updates        []spUpdate    `json:"incident_updates"`
	Components     []spComponent `json:"components"`
}

type spUpdate struct {
	ID                 flexString   `json:"id"`
	Status             string       `json:"status"`
	Body               string       `json:"body"`
	CreatedAt          string       `json:"created_at"`
	UpdatedAt          string       `json:"updated_at"`
	DisplayAt          string       `json:"display_at"`
	AffectedComponents []spAffected `json:"affected_components"`
}

type spAffected struct {
	Code flexString `json:"code"`
}

// flexString accepts a JSON string, number or null, because pages that copy
// the v2 format do not all agree on the type of ids.
type flexString string

func (f *flexString) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0 || string(b) == "null":
		*f = ""
	case b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*f = flexString(s)
	case b[0] == '-' || (b[0] >= '0' && b[0] <= '9'):
		*f = flexString(b)
	default:
		return fmt.Errorf("want a string or number, got %s", preview(b))
	}
	return nil
}

func parseStatuspage(data []byte) (*Snapshot, error) {
	var p spPayload
	if err := json.Unmarshal(data, &p); err != nil {
		return nil, jsonErr(KindStatuspage, err)
	}
	if p.Page == nil && p.Status == nil && p.Components == nil && p.Incidents == nil && p.ScheduledMaintenances == nil {
		return nil, parseErr(KindStatuspage, "", "none of page, status, components, incidents or scheduled_maintenances is present")
	}
	s := &Snapshot{Kind: KindStatuspage}
	loc := time.UTC
	tp := timeParser{kind: KindStatuspage, loc: loc}
	if p.Page != nil {
		s.Page = Page{ID: string(p.Page.ID), Name: p.Page.Name, URL: strings.TrimRight(p.Page.URL, "/"), TimeZone: p.Page.TimeZone}
		if p.Page.TimeZone != "" {
			// A zone the host does not know only matters for times
			// without an offset, which are rare: fall back to UTC.
			if l, err := time.LoadLocation(p.Page.TimeZone); err == nil {
				tp.loc = l
			}
		}
		s.UpdatedAt = tp.at("page.updated_at", p.Page.UpdatedAt)
	}
	if p.Status != nil {
		s.Indicator = strings.ToLower(strings.TrimSpace(p.Status.Indicator))
		s.Description = strings.TrimSpace(p.Status.Description)
		// Only summary.json has both status and incidents; it lists
		// unresolved incidents alone.
		s.UnresolvedOnly = p.Incidents != nil
	}
	for i, c := range p.Components {
		path := fmt.Sprintf("components[%d]", i)
		if c.ID == "" {
			return nil, parseErr(KindStatuspage, path+".id", "missing")
		}
		s.Components = append(s.Components, Component{
			ID: string(c.ID), Name: strings.TrimSpace(c.Name), Status: normComponentStatus(c.Status),
			GroupID: string(c.GroupID), Group: c.Group, UpdatedAt: tp.at(path+".updated_at", c.UpdatedAt),
		})
	}
	for i := range p.Incidents {
		in, err := tp.incident(fmt.Sprintf("incidents[%d]", i), &p.Incidents[i], s.Page.URL, false)
		if err != nil {
			return nil, err
		}
		s.Incidents = append(s.Incidents, in)
	}
	for i := range p.ScheduledMaintenances {
		in, err := tp.incident(fmt.Sprintf("scheduled_maintenances[%d]", i), &p.ScheduledMaintenances[i], s.Page.URL, true)
		if err != nil {
			return nil, err
		}
		s.Incidents = append(s.Incidents, in)
	}
	if tp.err != nil {
		return nil, tp.err
	}
	return s, nil
}

// timeParser parses times in one zone and keeps the first error, so that
// parsing code reads as a list of fields.
type timeParser struct {
	kind Kind
	loc  *time.Location
	err  error
}

func (tp *timeParser) at(path, s string) time.Time {
	if strings.TrimSpace(s) == "" || tp.err != nil {
		return time.Time{}
	}
	t, err := parseTime(s, tp.loc)
	if err != nil {
		tp.err = &ParseError{Kind: tp.kind, Path: path, Err: err}
	}
	return t
}

func (tp *timeParser) incident(path string, r *spIncident, pageURL string, maint bool) (Incident, error) {
	if r.ID == "" {
		return Incident{}, parseErr(KindStatuspage, path+".id", "missing")
	}
	in := Incident{
		ID:             string(r.ID),
		Title:          strings.TrimSpace(r.Name),
		Status:         normIncidentStatus(r.Status),
		Impact:         strings.ToLower(strings.TrimSpace(r.Impact)),
		Maintenance:    maint || r.ScheduledFor != "" || strings.EqualFold(r.Impact, "maintenance"),
		CreatedAt:      tp.at(path+".created_at", r.CreatedAt),
		UpdatedAt:      tp.at(path+".updated_at", r.UpdatedAt),
		StartedAt:      tp.at(path+".started_at", r.StartedAt),
		ResolvedAt:     tp.at(path+".resolved_at", r.ResolvedAt),
		ScheduledFor:   tp.at(path+".scheduled_for", r.ScheduledFor),
		ScheduledUntil: tp.at(path+".scheduled_until", r.ScheduledUntil),
	}
	switch {
	case pageURL != "":
		in.URL = pageURL + "/incidents/" + in.ID
	default:
		in.URL = r.Shortlink
	}
	if in.CreatedAt.IsZero() {
		in.CreatedAt = in.UpdatedAt
	}
	if in.StartedAt.IsZero() {
		in.StartedAt = in.CreatedAt
	}
	if !in.Resolved() {
		// A reopened incident keeps its old resolved_at; it is not
		// resolved now.
		in.ResolvedAt = time.Time{}
	} else if in.ResolvedAt.IsZero() {
		in.ResolvedAt = in.UpdatedAt
	}
	seen := map[string]bool{}
	addComp := func(id string) {
		if id != "" && !seen[id] {
			seen[id] = true
			in.Components = append(in.Components, id)
		}
	}
	for _, c := range r.Components {
		addComp(string(c.ID))
	}
	for j, u := range r.Updates {
		up := fmt.Sprintf("%s.incident_updates[%d]", path, j)
		if u.ID == "" {
			return Incident{}, parseErr(KindStatuspage, up+".id", "missing")
		}
		upd := Update{
			ID:        string(u.ID),
			Status:    normIncidentStatus(u.Status),
			Body:      cleanBody(u.Body),
			CreatedAt: tp.at(up+".created_at", u.CreatedAt),
			At:        tp.at(up+".display_at", u.DisplayAt),
		}
		if upd.CreatedAt.IsZero() {
			upd.CreatedAt = tp.at(up+".updated_at", u.UpdatedAt)
		}
		if upd.At.IsZero() {
			upd.At = upd.CreatedAt
		}
		for _, a := range u.AffectedComponents {
			addComp(string(a.Code))
		}
		in.Updates = append(in.Updates, upd)
	}
	if in.CreatedAt.IsZero() && len(in.Updates) > 0 {
		last := in.Updates[len(in.Updates)-1]
		in.CreatedAt, in.StartedAt = last.At, last.At
	}
	return in, tp.err
}

// cleanBody normalises line breaks and trims a plain-text body. Statuspage
// bodies are not HTML, so nothing else is touched.
func cleanBody(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.TrimSpace(s)
}

// normIncidentStatus maps the spellings of other hosts (Instatus's
// INPROGRESS, Cachet's numeric codes) onto Statuspage's.
func normIncidentStatus(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case "inprogress", "in progress", "in-progress":
		return StatusInProgress
	case "notstartedyet":
		return StatusScheduled
	case "watching":
		return StatusMonitoring
	case "fixed":
		return StatusResolved
	}
	if n, err := strconv.Atoi(s); err == nil {
		// Cachet's incident codes.
		switch n {
		case 0:
			return StatusScheduled
		case 1:
			return StatusInvestigating
		case 2:
			return StatusIdentified
		case 3:
			return StatusMonitoring
		case 4:
			return StatusResolved
		}
	}
	return s
}

// normComponentStatus maps other hosts' component statuses onto
// Statuspage's.
func normComponentStatus(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case "degradedperformance", "degraded":
		return ComponentDegradedPerformance
	case "partialoutage", "minoroutage":
		// Instatus's MINOROUTAGE sits between degraded performance and
		// partial outage; Statuspage has nothing between them.
		return ComponentPartialOutage
	case "majoroutage", "full_outage", "fulloutage", "downtime":
		return ComponentMajorOutage
	case "undermaintenance", "maintenance":
		return ComponentUnderMaintenance
	}
	return s
}

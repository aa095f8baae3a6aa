package upstream

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Instatus pages serve two public shapes (instatus.com/help/api/public-data
// and instatus.com/help/api/components): <page>/summary.json, the page's
// status with its active incidents and maintenances (no updates), and a
// components list whose components carry their incidents with every
// update. Enums are upper case with the words run together (HASISSUES,
// PARTIALOUTAGE, NOTSTARTEDYET).
type instatusSummary struct {
	Page *struct {
		Name   string `json:"name"`
		URL    string `json:"url"`
		Status string `json:"status"`
	} `json:"page"`
	ActiveIncidents    []instatusActive `json:"activeIncidents"`
	ActiveMaintenances []instatusActive `json:"activeMaintenances"`
}

type instatusActive struct {
	ID       flexString `json:"id"`
	Name     string     `json:"name"`
	Started  string     `json:"started"`
	Start    string     `json:"start"`
	Status   string     `json:"status"`
	Impact   string     `json:"impact"`
	Duration flexString `json:"duration"`
	URL      string     `json:"url"`
}

type instatusComponent struct {
	ID        flexString      `json:"id"`
	Name      string          `json:"name"`
	Status    string          `json:"status"`
	Group     json.RawMessage `json:"group"`
	Incidents []struct {
		ID         flexString `json:"id"`
		Name       string     `json:"name"`
		Started    string     `json:"started"`
		Resolved   string     `json:"resolved"`
		Status     string     `json:"status"`
		Impact     string     `json:"impact"`
		Components []struct {
			ID flexString `json:"id"`
		} `json:"components"`
		Updates []struct {
			ID      flexString `json:"id"`
			Message string     `json:"message"`
			Status  string     `json:"status"`
			Started string     `json:"started"`
		} `json:"updates"`
	} `json:"incidents"`
}

func parseInstatus(data []byte) (*Snapshot, error) {
	if len(data) > 0 && data[0] == '[' {
		return parseInstatusComponents(data)
	}
	var p instatusSummary
	if err := json.Unmarshal(data, &p); err != nil {
		return nil, jsonErr(KindInstatus, err)
	}
	if p.Page == nil && p.ActiveIncidents == nil && p.ActiveMaintenances == nil {
		return nil, parseErr(KindInstatus, "", "none of page, activeIncidents or activeMaintenances is present (is this <page>/summary.json?)")
	}
	s := &Snapshot{Kind: KindInstatus, UnresolvedOnly: true}
	if p.Page != nil {
		s.Page = Page{Name: strings.TrimSpace(p.Page.Name), URL: strings.TrimRight(p.Page.URL, "/")}
		s.Description = p.Page.Status
		switch strings.ToUpper(strings.TrimSpace(p.Page.Status)) {
		case "UP":
			s.Indicator = "none"
		case "HASISSUES":
			s.Indicator = "minor"
		case "UNDERMAINTENANCE":
			s.Indicator = "maintenance"
		case "":
		default:
			return nil, parseErr(KindInstatus, "page.status", "%q is not UP, HASISSUES or UNDERMAINTENANCE", p.Page.Status)
		}
	}
	tp := timeParser{kind: KindInstatus, loc: time.UTC}
	for i, r := range p.ActiveIncidents {
		path := fmt.Sprintf("activeIncidents[%d]", i)
		in := Incident{
			ID: instatusID(r.ID, r.URL), Title: strings.TrimSpace(r.Name), URL: r.URL,
			Status: normIncidentStatus(r.Status), Impact: componentImpact(normComponentStatus(r.Impact)),
			CreatedAt: instatusTime(&tp, path+".started", r.Started),
		}
		if in.ID == "" {
			return nil, parseErr(KindInstatus, path, "neither id nor url names the incident")
		}
		in.StartedAt = in.CreatedAt
		// The page's issues are as bad as its worst incident.
		if s.Indicator == "minor" && impactRank(in.Impact) > impactRank(s.Indicator) {
			s.Indicator = in.Impact
		}
		s.Incidents = append(s.Incidents, in)
	}
	for i, r := range p.ActiveMaintenances {
		path := fmt.Sprintf("activeMaintenances[%d]", i)
		in := Incident{
			ID: instatusID(r.ID, r.URL), Title: strings.TrimSpace(r.Name), URL: r.URL, Maintenance: true, Impact: "maintenance",
			Status: normIncidentStatus(r.Status), ScheduledFor: instatusTime(&tp, path+".start", r.Start),
		}
		if in.ID == "" {
			return nil, parseErr(KindInstatus, path, "neither id nor url names the maintenance")
		}
		if in.Status == StatusResolved {
			in.Status = StatusCompleted
		}
		in.CreatedAt, in.StartedAt = in.ScheduledFor, in.ScheduledFor
		if d := strings.TrimSpace(string(r.Duration)); d != "" {
			var minutes int
			if _, err := fmt.Sscan(d, &minutes); err != nil || minutes < 0 || minutes > 1<<20 {
				return nil, parseErr(KindInstatus, path+".duration", "%q is not a number of minutes", d)
			}
			if !in.ScheduledFor.IsZero() {
				in.ScheduledUntil = in.ScheduledFor.Add(time.Duration(minutes) * time.Minute)
			}
		}
		s.Incidents = append(s.Incidents, in)
	}
	if tp.err != nil {
		return nil, tp.err
	}
	s.Incidents = firstOfEachID(s.Incidents)
	return s, nil
}

// parseInstatusComponents reads the components list: the components, and
// the incidents they carry (each listed under every component it
// affects), with their updates.
func parseInstatusComponents(data []byte) (*Snapshot, error) {
	var list []instatusComponent
	if err := json.Unmarshal(data, &list); err != nil {
		return nil, jsonErr(KindInstatus, err)
	}
	s := &Snapshot{Kind: KindInstatus}
	tp := timeParser{kind: KindInstatus, loc: time.UTC}
	for i, c := range list {
		path := fmt.Sprintf("[%d]", i)
		if c.ID == "" {
			return nil, parseErr(KindInstatus, path+".id", "missing")
		}
		comp := Component{ID: string(c.ID), Name: strings.TrimSpace(c.Name), Status: normComponentStatus(c.Status)}
		var g struct {
			ID flexString `json:"id"`
		}
		if json.Unmarshal(c.Group, &g) == nil {
			comp.GroupID = string(g.ID)
		}
		s.Components = append(s.Components, comp)
		for j, r := range c.Incidents {
			ip := fmt.Sprintf("%s.incidents[%d]", path, j)
			if r.ID == "" {
				return nil, parseErr(KindInstatus, ip+".id", "missing")
			}
			in := Incident{
				ID: string(r.ID), Title: strings.TrimSpace(r.Name), Status: normIncidentStatus(r.Status),
				Impact:     componentImpact(normComponentStatus(r.Impact)),
				CreatedAt:  tp.at(ip+".started", r.Started),
				ResolvedAt: tp.at(ip+".resolved", r.Resolved),
			}
			in.StartedAt = in.CreatedAt
			for _, rc := range r.Components {
				if rc.ID != "" && !slices.Contains(in.Components, string(rc.ID)) {
					in.Components = append(in.Components, string(rc.ID))
				}
			}
			for k, u := range r.Updates {
				up := fmt.Sprintf("%s.updates[%d]", ip, k)
				if u.ID == "" {
					return nil, parseErr(KindInstatus, up+".id", "missing")
				}
				at := tp.at(up+".started", u.Started)
				in.Updates = append(in.Updates, Update{ID: string(u.ID), Status: normIncidentStatus(u.Status), Body: cleanBody(u.Message), At: at, CreatedAt: at})
			}
			// Documented oldest first; every other format is newest
			// first.
			slices.SortStableFunc(in.Updates, func(a, b Update) int { return b.At.Compare(a.At) })
			if len(in.Updates) > 0 {
				in.UpdatedAt = in.Updates[0].At
			}
			if !in.Resolved() {
				in.ResolvedAt = time.Time{}
			} else if in.ResolvedAt.IsZero() {
				in.ResolvedAt = in.UpdatedAt
			}
			s.Incidents = append(s.Incidents, in)
		}
	}
	if tp.err != nil {
		return nil, tp.err
	}
	s.Incidents = firstOfEachID(s.Incidents)
	return s, nil
}

// instatusID is the incident's id, or the last segment of its URL
// (…/incident/cl4a8n3070721qtmzvts760c4) when summary.json gives none.
func instatusID(id flexString, url string) string {
	if id != "" {
		return string(id)
	}
	url = strings.TrimRight(url, "/")
	if i := strings.LastIndexByte(url, '/'); i >= 0 && i < len(url)-1 && strings.Contains(url, "://") {
		return url[i+1:]
	}
	return ""
}

// instatusTime reads summary.json's times, which are JavaScript's
// Date.toString ("Sat Jun 11 2022 18:55:50 GMT+0000 (Coordinated Universal
// Time)"), or ISO 8601.
func instatusTime(tp *timeParser, path, s string) time.Time {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '('); i > 0 {
		s = strings.TrimSpace(s[:i])
	}
	if t, err := time.Parse("Mon Jan 02 2006 15:04:05 GMT-0700", s); err == nil {
		return t.UTC()
	}
	return tp.at(path, s)
}

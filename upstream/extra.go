package upstream

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Slack's status API v2 (slack-status.com/api/v2.0.0/current).
type slackCurrent struct {
	Status          string          `json:"status"`
	DateUpdated     string          `json:"date_updated"`
	ActiveIncidents []slackIncident `json:"active_incidents"`
}

type slackIncident struct {
	ID          flexString `json:"id"`
	DateCreated string     `json:"date_created"`
	DateUpdated string     `json:"date_updated"`
	Title       string     `json:"title"`
	Type        string     `json:"type"`
	Status      string     `json:"status"`
	URL         string     `json:"url"`
	Services    []string   `json:"services"`
	Notes       []struct {
		DateCreated string `json:"date_created"`
		Body        string `json:"body"`
	} `json:"notes"`
}

func parseSlack(data []byte) (*Snapshot, error) {
	var c slackCurrent
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, jsonErr(KindSlack, err)
	}
	tp := timeParser{kind: KindSlack, loc: time.UTC}
	s := &Snapshot{
		Kind:           KindSlack,
		Page:           Page{Name: "Slack", URL: "https://slack-status.com"},
		Description:    c.Status,
		UpdatedAt:      tp.at("date_updated", c.DateUpdated),
		UnresolvedOnly: true,
	}
	if c.Status == "ok" {
		s.Indicator = "none"
	}
	for i, r := range c.ActiveIncidents {
		path := fmt.Sprintf("active_incidents[%d]", i)
		if r.ID == "" {
			return nil, parseErr(KindSlack, path+".id", "missing")
		}
		in := Incident{
			ID:         string(r.ID),
			Title:      strings.TrimSpace(r.Title),
			URL:        r.URL,
			CreatedAt:  tp.at(path+".date_created", r.DateCreated),
			UpdatedAt:  tp.at(path+".date_updated", r.DateUpdated),
			Components: slices.Clone(r.Services),
		}
		in.StartedAt = in.CreatedAt
		switch strings.ToLower(r.Type) {
		case "outage":
			in.Impact = "major"
		case "incident":
			in.Impact = "minor"
		case "notice":
			in.Impact = "none"
		case "maintenance":
			in.Impact, in.Maintenance = "maintenance", true
		}
		switch st := strings.ToLower(strings.TrimSpace(r.Status)); st {
		case "active", "":
			in.Status = StatusInvestigating
		case "scheduled":
			in.Status, in.Maintenance = StatusScheduled, true
		case "completed":
			in.Status, in.Maintenance = StatusCompleted, true
		default:
			in.Status = normIncidentStatus(st)
		}
		for j, n := range r.Notes {
			at := tp.at(fmt.Sprintf("%s.notes[%d].date_created", path, j), n.DateCreated)
			in.Updates = append(in.Updates, Update{Status: in.Status, Body: HTMLText(n.Body), At: at, CreatedAt: at})
		}
		// Notes carry no id and their order is not documented: put them
		// newest first like every other format, then number them.
		slices.SortStableFunc(in.Updates, func(a, b Update) int { return b.At.Compare(a.At) })
		assignUpdateIDs(in.Updates)
		if in.Resolved() {
			in.ResolvedAt = in.UpdatedAt
		}
		s.Incidents = append(s.Incidents, in)
	}
	if tp.err != nil {
		return nil, tp.err
	}
	return s, nil
}

// Heroku's status API (status.heroku.com/api/v4/current-status).
type herokuCurrent struct {
	Status []struct {
		System string `json:"system"`
		Status string `json:"status"`
	} `json:"status"`
	Incidents []herokuIncident `json:"incidents"`
	Scheduled []herokuIncident `json:"scheduled"`
}

type herokuIncident struct {
	ID         flexString `json:"id"`
	Title      string     `json:"title"`
	CreatedAt  string     `json:"created_at"`
	UpdatedAt  string     `json:"updated_at"`
	ResolvedAt string     `json:"resolved_at"`
	Resolved   bool       `json:"resolved"`
	FullURL    string     `json:"full_url"`
	Updates    []struct {
		ID         flexString `json:"id"`
		Contents   string     `json:"contents"`
		CreatedAt  string     `json:"created_at"`
		UpdateType string     `json:"update_type"`
		StatusProd string     `json:"status_prod"`
		StatusDev  string     `json:"status_dev"`
	} `json:"updates"`
}

// herokuColours ranks Heroku's colours; blue is maintenance.
var herokuColours = map[string]struct {
	component, impact string
	rank              int
}{
	"green":  {ComponentOperational, "none", 0},
	"blue":   {ComponentUnderMaintenance, "maintenance", 1},
	"yellow": {ComponentDegradedPerformance, "minor", 2},
	"red":    {ComponentMajorOutage, "major", 3},
}

func parseHeroku(data []byte) (*Snapshot, error) {
	var c herokuCurrent
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, jsonErr(KindHeroku, err)
	}
	s := &Snapshot{Kind: KindHeroku, Page: Page{Name: "Heroku", URL: "https://status.heroku.com"}, Indicator: "none"}
	worst := 0
	for i, st := range c.Status {
		if st.System == "" {
			return nil, parseErr(KindHeroku, fmt.Sprintf("status[%d].system", i), "missing")
		}
		col, ok := herokuColours[strings.ToLower(st.Status)]
		if !ok {
			return nil, parseErr(KindHeroku, fmt.Sprintf("status[%d].status", i), "%q is not green, yellow, red or blue", st.Status)
		}
		s.Components = append(s.Components, Component{ID: strings.ToLower(st.System), Name: st.System, Status: col.component})
		if col.rank > worst {
			worst, s.Indicator = col.rank, col.impact
		}
	}
	tp := timeParser{kind: KindHeroku, loc: time.UTC}
	for _, group := range []struct {
		name  string
		list  []herokuIncident
		maint bool
	}{{"incidents", c.Incidents, false}, {"scheduled", c.Scheduled, true}} {
		for i, r := range group.list {
			path := fmt.Sprintf("%s[%d]", group.name, i)
			if r.ID == "" {
				return nil, parseErr(KindHeroku, path+".id", "missing")
			}
			in := Incident{
				ID: string(r.ID), Title: strings.TrimSpace(r.Title), URL: r.FullURL, Maintenance: group.maint,
				CreatedAt: tp.at(path+".created_at", r.CreatedAt), UpdatedAt: tp.at(path+".updated_at", r.UpdatedAt),
			}
			in.StartedAt = in.CreatedAt
			rank := -1
			for j, u := range r.Updates {
				up := fmt.Sprintf("%s.updates[%d]", path, j)
				if u.ID == "" {
					return nil, parseErr(KindHeroku, up+".id", "missing")
				}
				at := tp.at(up+".created_at", u.CreatedAt)
				in.Updates = append(in.Updates, Update{ID: string(u.ID), Status: u.UpdateType, Body: cleanBody(u.Contents), At: at, CreatedAt: at})
				for _, colour := range []string{u.StatusProd, u.StatusDev} {
					if col, ok := herokuColours[strings.ToLower(colour)]; ok && col.rank > rank {
						rank, in.Impact = col.rank, col.impact
					}
				}
			}
			herokuStatuses(in.Updates, group.maint)
			switch {
			case len(in.Updates) > 0:
				in.Status = in.Updates[0].Status
			case group.maint:
				in.Status = StatusScheduled
			default:
				in.Status = StatusInvestigating
			}
			if r.Resolved && !in.Resolved() {
				// Flagged resolved although no update says so.
				in.Status = StatusResolved
				if group.maint {
					in.Status = StatusCompleted
				}
			}
			if in.Resolved() {
				in.ResolvedAt = tp.at(path+".resolved_at", r.ResolvedAt)
				if in.ResolvedAt.IsZero() {
					in.ResolvedAt = in.UpdatedAt
				}
			}
			s.Incidents = append(s.Incidents, in)
		}
	}
	if tp.err != nil {
		return nil, tp.err
	}
	return s, nil
}

// herokuStatuses maps Heroku's update types onto Statuspage statuses,
// oldest first, so that "update" keeps the status before it.
func herokuStatuses(ups []Update, maint bool) {
	prev := StatusInvestigating
	if maint {
		prev = StatusScheduled
	}
	for i := len(ups) - 1; i >= 0; i-- {
		st := prev
		switch strings.ToLower(ups[i].Status) {
		case "investigating":
			st = StatusInvestigating
		case "issue", "identified":
			st = StatusIdentified
		case "monitoring":
			st = StatusMonitoring
		case "resolved", "completed":
			st = StatusResolved
			if maint {
				st = StatusCompleted
			}
		case "scheduled":
			st = StatusScheduled
		case "maintenance", "in_progress":
			st = StatusInProgress
		}
		ups[i].Status, prev = st, st
	}
}

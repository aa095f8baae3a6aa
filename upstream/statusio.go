package upstream

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
)

// status.io's public status API (api.status.io/1.0/status/<page id>), used
// by GitLab and Docker among others. It lists the components with their
// containers (regions or hosts), the active incidents and the active and
// upcoming maintenances: a resolved incident simply leaves the payload.
type statusioPayload struct {
	Result *struct {
		StatusOverall *struct {
			Updated    string `json:"updated"`
			Status     string `json:"status"`
			StatusCode int    `json:"status_code"`
		} `json:"status_overall"`
		Status []struct {
			statusioItem
			Containers []statusioItem `json:"containers"`
		} `json:"status"`
		Incidents   []statusioEvent `json:"incidents"`
		Maintenance struct {
			Active   []statusioEvent `json:"active"`
			Upcoming []statusioEvent `json:"upcoming"`
		} `json:"maintenance"`
	} `json:"result"`
}

type statusioItem struct {
	ID         flexString `json:"id"`
	Name       string     `json:"name"`
	Updated    string     `json:"updated"`
	Status     string     `json:"status"`
	StatusCode int        `json:"status_code"`
}

type statusioEvent struct {
	ID                   flexString `json:"_id"`
	Name                 string     `json:"name"`
	DatetimeOpen         string     `json:"datetime_open"`
	DatetimePlannedStart string     `json:"datetime_planned_start"`
	DatetimePlannedEnd   string     `json:"datetime_planned_end"`
	Messages             []struct {
		Details  string `json:"details"`
		State    int    `json:"state"`
		Status   int    `json:"status"`
		Datetime string `json:"datetime"`
	} `json:"messages"`
	ComponentsAffected []struct {
		ID flexString `json:"_id"`
	} `json:"components_affected"`
}

// statusioCodes maps status.io's numeric statuses
// (kb.status.io/developers/status-codes) onto Statuspage's component
// statuses and impacts. 600, "Security Event", says nothing about
// availability: it is read as a partial outage of major impact so that it
// alerts without claiming the service is down.
var statusioCodes = map[int]struct{ component, impact string }{
	100: {ComponentOperational, "none"},
	200: {ComponentUnderMaintenance, "maintenance"},
	300: {ComponentDegradedPerformance, "minor"},
	400: {ComponentPartialOutage, "major"},
	500: {ComponentMajorOutage, "critical"},
	600: {ComponentPartialOutage, "major"},
}

// statusioStates maps an incident message's state.
var statusioStates = map[int]string{100: StatusInvestigating, 200: StatusIdentified, 300: StatusMonitoring}

func parseStatusIO(data []byte) (*Snapshot, error) {
	var p statusioPayload
	if err := json.Unmarshal(data, &p); err != nil {
		return nil, jsonErr(KindStatusIO, err)
	}
	if p.Result == nil {
		return nil, parseErr(KindStatusIO, "result", "missing (is this api.status.io/1.0/status/<page id>?)")
	}
	r := p.Result
	tp := timeParser{kind: KindStatusIO, loc: time.UTC}
	s := &Snapshot{Kind: KindStatusIO, UnresolvedOnly: true}
	code := func(path string, c int) (struct{ component, impact string }, error) {
		v, ok := statusioCodes[c]
		if !ok {
			return v, parseErr(KindStatusIO, path, "%d is not a status.io status code (100, 200, 300, 400, 500 or 600)", c)
		}
		return v, nil
	}
	if o := r.StatusOverall; o != nil {
		v, err := code("result.status_overall.status_code", o.StatusCode)
		if err != nil {
			return nil, err
		}
		s.Indicator, s.Description = v.impact, strings.TrimSpace(o.Status)
		s.UpdatedAt = tp.at("result.status_overall.updated", o.Updated)
	}
	for i, c := range r.Status {
		path := fmt.Sprintf("result.status[%d]", i)
		if c.ID == "" {
			return nil, parseErr(KindStatusIO, path+".id", "missing")
		}
		v, err := code(path+".status_code", c.StatusCode)
		if err != nil {
			return nil, err
		}
		s.Components = append(s.Components, Component{
			ID: string(c.ID), Name: strings.TrimSpace(c.Name), Status: v.component,
			UpdatedAt: tp.at(path+".updated", c.Updated),
		})
		// A container is the component in one place (a region, a
		// cloud): its id is shared across components, so it is
		// qualified by the component's.
		for j, k := range c.Containers {
			kp := fmt.Sprintf("%s.containers[%d]", path, j)
			if k.ID == "" {
				return nil, parseErr(KindStatusIO, kp+".id", "missing")
			}
			v, err := code(kp+".status_code", k.StatusCode)
			if err != nil {
				return nil, err
			}
			s.Components = append(s.Components, Component{
				ID: string(c.ID) + "/" + string(k.ID), Name: strings.TrimSpace(c.Name) + " (" + strings.TrimSpace(k.Name) + ")",
				Status: v.component, GroupID: string(c.ID), UpdatedAt: tp.at(kp+".updated", k.Updated),
			})
		}
	}
	for _, group := range []struct {
		name   string
		list   []statusioEvent
		status string
	}{
		{"result.incidents", r.Incidents, ""},
		{"result.maintenance.active", r.Maintenance.Active, StatusInProgress},
		{"result.maintenance.upcoming", r.Maintenance.Upcoming, StatusScheduled},
	} {
		for i := range group.list {
			in, err := statusioIncident(&tp, fmt.Sprintf("%s[%d]", group.name, i), &group.list[i], group.status)
			if err != nil {
				return nil, err
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

// statusioIncident reads one incident, or one maintenance when maint is
// its status.
func statusioIncident(tp *timeParser, path string, r *statusioEvent, maint string) (Incident, error) {
	if r.ID == "" {
		return Incident{}, parseErr(KindStatusIO, path+"._id", "missing")
	}
	in := Incident{
		ID: string(r.ID), Title: strings.TrimSpace(r.Name), Maintenance: maint != "",
		CreatedAt:      tp.at(path+".datetime_open", r.DatetimeOpen),
		ScheduledFor:   tp.at(path+".datetime_planned_start", r.DatetimePlannedStart),
		ScheduledUntil: tp.at(path+".datetime_planned_end", r.DatetimePlannedEnd),
	}
	in.StartedAt = in.CreatedAt
	rank := -1
	for j, m := range r.Messages {
		mp := fmt.Sprintf("%s.messages[%d]", path, j)
		v, ok := statusioCodes[m.Status]
		if !ok {
			return Incident{}, parseErr(KindStatusIO, mp+".status", "%d is not a status.io status code (100, 200, 300, 400, 500 or 600)", m.Status)
		}
		st := maint
		if st == "" {
			if st, ok = statusioStates[m.State]; !ok {
				return Incident{}, parseErr(KindStatusIO, mp+".state", "%d is not a status.io incident state (100, 200 or 300)", m.State)
			}
		}
		// The worst status any message gave is the incident's impact.
		if r := impactRank(v.impact); r > rank && !in.Maintenance {
			rank, in.Impact = r, v.impact
		}
		at := tp.at(mp+".datetime", m.Datetime)
		in.Updates = append(in.Updates, Update{Status: st, Body: cleanBody(m.Details), At: at, CreatedAt: at})
	}
	if in.Maintenance {
		in.Impact = "maintenance"
	}
	// Messages carry no id and their order is not documented: newest
	// first like every other format, numbered by time.
	slices.SortStableFunc(in.Updates, func(a, b Update) int { return b.At.Compare(a.At) })
	assignUpdateIDs(in.Updates)
	switch {
	case maint != "":
		in.Status = maint
	case len(in.Updates) > 0:
		in.Status = in.Updates[0].Status
	default:
		in.Status = StatusInvestigating
	}
	if len(in.Updates) > 0 {
		in.UpdatedAt = in.Updates[0].At
	}
	if in.CreatedAt.IsZero() && len(in.Updates) > 0 {
		in.CreatedAt = in.Updates[len(in.Updates)-1].At
		in.StartedAt = in.CreatedAt
	}
	for _, c := range r.ComponentsAffected {
		if c.ID != "" && !slices.Contains(in.Components, string(c.ID)) {
			in.Components = append(in.Components, string(c.ID))
		}
	}
	return in, tp.err
}

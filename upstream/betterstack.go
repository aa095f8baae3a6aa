package upstream

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Better Stack (formerly Better Uptime) status pages answer <page>/index.json
// in JSON:API form (betterstack.com/docs/uptime/status-pages/subscribing-to-status-updates/subscribing-to-api):
// the status page in data, and its sections, resources (components),
// status reports (incidents and maintenances) and their status updates in
// included.
type bsPayload struct {
	Data *struct {
		ID         flexString `json:"id"`
		Type       string     `json:"type"`
		Attributes struct {
			CompanyName    string `json:"company_name"`
			Timezone       string `json:"timezone"`
			Subdomain      string `json:"subdomain"`
			CustomDomain   string `json:"custom_domain"`
			Announcement   string `json:"announcement"`
			AggregateState string `json:"aggregate_state"`
			UpdatedAt      string `json:"updated_at"`
		} `json:"attributes"`
	} `json:"data"`
	Included []struct {
		ID            flexString      `json:"id"`
		Type          string          `json:"type"`
		Attributes    json.RawMessage `json:"attributes"`
		Relationships struct {
			StatusUpdates struct {
				Data []struct {
					ID flexString `json:"id"`
				} `json:"data"`
			} `json:"status_updates"`
		} `json:"relationships"`
	} `json:"included"`
}

type bsResource struct {
	SectionID  flexString `json:"status_page_section_id"`
	PublicName string     `json:"public_name"`
	Status     string     `json:"status"`
}

type bsAffected []struct {
	ResourceID flexString `json:"status_page_resource_id"`
	Status     string     `json:"status"`
}

type bsReport struct {
	Title             string     `json:"title"`
	ReportType        string     `json:"report_type"`
	StartsAt          string     `json:"starts_at"`
	EndsAt            string     `json:"ends_at"`
	AffectedResources bsAffected `json:"affected_resources"`
	AggregateState    string     `json:"aggregate_state"`
}

type bsUpdate struct {
	Message           string     `json:"message"`
	PublishedAt       string     `json:"published_at"`
	StatusReportID    flexString `json:"status_report_id"`
	AffectedResources bsAffected `json:"affected_resources"`
}

// bsStates maps resource and page states onto Statuspage's component
// statuses. not_monitored says nothing either way and never alerts.
var bsStates = map[string]string{
	"operational": ComponentOperational, "not_monitored": ComponentOperational,
	"degraded": ComponentDegradedPerformance, "downtime": ComponentMajorOutage, "maintenance": ComponentUnderMaintenance,
}

func parseBetterStack(data []byte) (*Snapshot, error) {
	var p bsPayload
	if err := json.Unmarshal(data, &p); err != nil {
		return nil, jsonErr(KindBetterStack, err)
	}
	if p.Data == nil || p.Data.Type != "status_page" {
		return nil, parseErr(KindBetterStack, "data.type", "want status_page (is this the status page's /index.json?)")
	}
	a := p.Data.Attributes
	s := &Snapshot{Kind: KindBetterStack, Page: Page{ID: string(p.Data.ID), Name: strings.TrimSpace(a.CompanyName), TimeZone: a.Timezone}}
	switch {
	case a.CustomDomain != "":
		s.Page.URL = "https://" + a.CustomDomain
	case a.Subdomain != "":
		s.Page.URL = "https://" + a.Subdomain + ".betteruptime.com"
	}
	tp := timeParser{kind: KindBetterStack, loc: time.UTC}
	if l, err := time.LoadLocation(a.Timezone); err == nil && a.Timezone != "" {
		tp.loc = l
	}
	s.UpdatedAt = tp.at("data.attributes.updated_at", a.UpdatedAt)
	if a.AggregateState != "" {
		st, ok := bsStates[strings.ToLower(a.AggregateState)]
		if !ok {
			return nil, parseErr(KindBetterStack, "data.attributes.aggregate_state", "%q is not operational, degraded, downtime or maintenance", a.AggregateState)
		}
		s.Indicator = componentImpact(st)
	}
	s.Description = strings.TrimSpace(a.Announcement)

	type report struct {
		path, id string
		r        bsReport
	}
	type update struct {
		reportID string // from its attributes; else from the report's relationships
		u        Update
		affected bsAffected
	}
	var reports []report
	var ups []update
	reportOf := map[string]string{} // update id → report id, from relationships
	for i, inc := range p.Included {
		path := fmt.Sprintf("included[%d]", i)
		if inc.ID == "" {
			return nil, parseErr(KindBetterStack, path+".id", "missing")
		}
		switch inc.Type {
		case "status_page_resource":
			var r bsResource
			if err := json.Unmarshal(inc.Attributes, &r); err != nil {
				return nil, jsonErr(KindBetterStack, err)
			}
			st, ok := bsStates[strings.ToLower(r.Status)]
			if !ok {
				return nil, parseErr(KindBetterStack, path+".attributes.status", "%q is not operational, degraded, downtime, maintenance or not_monitored", r.Status)
			}
			s.Components = append(s.Components, Component{ID: string(inc.ID), Name: strings.TrimSpace(r.PublicName), Status: st, GroupID: string(r.SectionID)})
		case "status_report":
			var r bsReport
			if err := json.Unmarshal(inc.Attributes, &r); err != nil {
				return nil, jsonErr(KindBetterStack, err)
			}
			reports = append(reports, report{path, string(inc.ID), r})
			for _, u := range inc.Relationships.StatusUpdates.Data {
				reportOf[string(u.ID)] = string(inc.ID)
			}
		case "status_update":
			var u bsUpdate
			if err := json.Unmarshal(inc.Attributes, &u); err != nil {
				return nil, jsonErr(KindBetterStack, err)
			}
			at := tp.at(path+".attributes.published_at", u.PublishedAt)
			ups = append(ups, update{string(u.StatusReportID), Update{ID: string(inc.ID), Body: cleanBody(u.Message), At: at, CreatedAt: at}, u.AffectedResources})
		}
	}
	updates := map[string][]Update{}    // by report id
	affected := map[string]bsAffected{} // by update id
	for _, u := range ups {
		rid := cmp.Or(u.reportID, reportOf[u.u.ID])
		updates[rid] = append(updates[rid], u.u)
		affected[u.u.ID] = u.affected
	}
	for _, rp := range reports {
		r := rp.r
		in := Incident{
			ID: rp.id, Title: strings.TrimSpace(r.Title), URL: s.Page.URL,
			Maintenance: strings.EqualFold(r.ReportType, "maintenance"),
			StartedAt:   tp.at(rp.path+".attributes.starts_at", r.StartsAt),
		}
		ends := tp.at(rp.path+".attributes.ends_at", r.EndsAt)
		in.CreatedAt = in.StartedAt
		in.Updates = slices.Clone(updates[rp.id])
		slices.SortStableFunc(in.Updates, func(a, b Update) int {
			if c := b.At.Compare(a.At); c != 0 {
				return c
			}
			return strings.Compare(b.ID, a.ID)
		})
		in.Updates = slices.CompactFunc(in.Updates, func(a, b Update) bool { return a.ID == b.ID })
		worst := -1
		for i := range in.Updates {
			u := &in.Updates[i]
			u.Status = bsUpdateStatus(affected[u.ID], in.Maintenance)
			for _, ar := range affected[u.ID] {
				if imp := componentImpact(bsStates[strings.ToLower(ar.Status)]); impactRank(imp) > worst {
					worst, in.Impact = impactRank(imp), imp
				}
			}
		}
		for _, ar := range r.AffectedResources {
			if id := string(ar.ResourceID); id != "" && !slices.Contains(in.Components, id) {
				in.Components = append(in.Components, id)
			}
		}
		if st, ok := bsStates[strings.ToLower(r.AggregateState)]; ok && impactRank(componentImpact(st)) > 0 {
			in.Impact = componentImpact(st)
		}
		if in.Impact == "none" {
			in.Impact = ""
		}
		if len(in.Updates) > 0 {
			in.UpdatedAt = in.Updates[0].At
		}
		if in.Maintenance {
			in.Impact, in.ScheduledFor, in.ScheduledUntil = "maintenance", in.StartedAt, ends
			// Whether a window is under way is read against the page's
			// own last change, never the clock.
			switch now := s.UpdatedAt; {
			case !ends.IsZero() && !now.Before(ends):
				in.Status, in.ResolvedAt = StatusCompleted, ends
			case !in.StartedAt.IsZero() && !now.Before(in.StartedAt):
				in.Status = StatusInProgress
			default:
				in.Status = StatusScheduled
			}
		} else {
			in.Status = StatusInvestigating
			if len(in.Updates) > 0 {
				in.Status = in.Updates[0].Status
			}
			if !ends.IsZero() {
				in.Status, in.ResolvedAt = StatusResolved, ends
			} else if in.Status == StatusResolved {
				in.ResolvedAt = in.UpdatedAt
			}
		}
		if in.CreatedAt.IsZero() && len(in.Updates) > 0 {
			in.CreatedAt = in.Updates[len(in.Updates)-1].At
			in.StartedAt = in.CreatedAt
		}
		s.Incidents = append(s.Incidents, in)
	}
	if tp.err != nil {
		return nil, tp.err
	}
	s.Incidents = firstOfEachID(s.Incidents)
	return s, nil
}

// bsUpdateStatus reads where a report stands from the states an update
// gives its resources: "resolved" on all of them ends it.
func bsUpdateStatus(aff bsAffected, maint bool) string {
	resolved := len(aff) > 0
	for _, a := range aff {
		if !strings.EqualFold(a.Status, "resolved") {
			resolved = false
		}
	}
	switch {
	case resolved && maint:
		return StatusCompleted
	case resolved:
		return StatusResolved
	case maint:
		return StatusInProgress
	}
	return StatusInvestigating
}

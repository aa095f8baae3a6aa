package upstream

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Google Cloud's incident history (status.cloud.google.com/incidents.json,
// schema at status.cloud.google.com/incidents.schema.json): a JSON array of
// incidents, newest first, each with its updates newest first. It holds
// resolved incidents too, so a missing incident has only left the window.
type gcpIncident struct {
	ID               flexString  `json:"id"`
	Number           flexString  `json:"number"`
	Begin            string      `json:"begin"`
	Created          string      `json:"created"`
	End              string      `json:"end"`
	Modified         string      `json:"modified"`
	ExternalDesc     string      `json:"external_desc"`
	Updates          []gcpUpdate `json:"updates"`
	MostRecentUpdate *gcpUpdate  `json:"most_recent_update"`
	StatusImpact     string      `json:"status_impact"`
	Severity         string      `json:"severity"`
	ServiceKey       string      `json:"service_key"`
	AffectedProducts []struct {
		ID    string `json:"id"`
		Title string `json:"title"`
	} `json:"affected_products"`
	URI string `json:"uri"`
}

type gcpUpdate struct {
	Created  string `json:"created"`
	Modified string `json:"modified"`
	When     string `json:"when"`
	Text     string `json:"text"`
	Status   string `json:"status"`
}

const gcpURL = "https://status.cloud.google.com"

// gcpImpacts maps severity (documented as low, medium, high), and
// status_impact when severity is missing, onto Statuspage impacts.
var gcpImpacts = map[string]string{
	"low": "minor", "medium": "major", "high": "critical",
	"service_information": "minor", "service_disruption": "major", "service_outage": "critical",
}

func parseGCP(data []byte) (*Snapshot, error) {
	if len(data) > 0 && data[0] == '{' {
		return nil, parseErr(KindGCP, "", "got a JSON object; Google Cloud's incidents.json is an array of incidents")
	}
	var list []gcpIncident
	if err := json.Unmarshal(data, &list); err != nil {
		return nil, jsonErr(KindGCP, err)
	}
	s := &Snapshot{Kind: KindGCP, Page: Page{Name: "Google Cloud", URL: gcpURL}}
	tp := timeParser{kind: KindGCP, loc: time.UTC}
	for i := range list {
		r := &list[i]
		path := fmt.Sprintf("[%d]", i)
		if r.ID == "" {
			return nil, parseErr(KindGCP, path+".id", "missing")
		}
		in := Incident{
			ID:         string(r.ID),
			Title:      strings.TrimSpace(r.ExternalDesc),
			Impact:     gcpImpacts[strings.ToLower(strings.TrimSpace(r.Severity))],
			CreatedAt:  tp.at(path+".created", r.Created),
			UpdatedAt:  tp.at(path+".modified", r.Modified),
			StartedAt:  tp.at(path+".begin", r.Begin),
			ResolvedAt: tp.at(path+".end", r.End),
		}
		if in.Impact == "" {
			in.Impact = gcpImpacts[strings.ToLower(strings.TrimSpace(r.StatusImpact))]
		}
		if r.URI != "" {
			in.URL = gcpURL + "/" + strings.TrimPrefix(r.URI, "/")
		}
		// Many incidents name "Multiple Products" (service key zall):
		// the affected products are the components.
		for _, p := range r.AffectedProducts {
			if p.ID != "" && !slices.Contains(in.Components, p.ID) {
				in.Components = append(in.Components, p.ID)
			}
		}
		if len(in.Components) == 0 && r.ServiceKey != "" && r.ServiceKey != "zall" {
			in.Components = []string{r.ServiceKey}
		}
		ups := r.Updates
		if len(ups) == 0 && r.MostRecentUpdate != nil {
			ups = []gcpUpdate{*r.MostRecentUpdate}
		}
		for j, u := range ups {
			up := fmt.Sprintf("%s.updates[%d]", path, j)
			if len(r.Updates) == 0 {
				up = path + ".most_recent_update"
			}
			upd := Update{Body: cleanBody(u.Text), CreatedAt: tp.at(up+".created", u.Created), At: tp.at(up+".when", u.When)}
			if upd.At.IsZero() {
				upd.At = upd.CreatedAt
			}
			// AVAILABLE is the status of the update that ends an
			// incident; the others say how bad it is, not where the
			// work stands.
			upd.Status = StatusInvestigating
			if strings.EqualFold(u.Status, "AVAILABLE") {
				upd.Status = StatusResolved
			}
			in.Updates = append(in.Updates, upd)
		}
		slices.SortStableFunc(in.Updates, func(a, b Update) int { return b.At.Compare(a.At) })
		assignUpdateIDs(in.Updates)
		in.Status = StatusInvestigating
		switch {
		case !in.ResolvedAt.IsZero():
			in.Status = StatusResolved
		case len(in.Updates) > 0 && in.Updates[0].Status == StatusResolved:
			in.Status, in.ResolvedAt = StatusResolved, in.Updates[0].At
		}
		if in.CreatedAt.IsZero() {
			in.CreatedAt = in.StartedAt
		}
		if in.StartedAt.IsZero() {
			in.StartedAt = in.CreatedAt
		}
		if in.UpdatedAt.After(s.UpdatedAt) {
			s.UpdatedAt = in.UpdatedAt
		}
		s.Incidents = append(s.Incidents, in)
	}
	if tp.err != nil {
		return nil, tp.err
	}
	s.Incidents = firstOfEachID(s.Incidents)
	return s, nil
}

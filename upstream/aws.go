package upstream

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// AWS's legacy Service Health Dashboard data (status.aws.amazon.com/data.json):
// "current" holds the events of the last day or so, "archive" older ones.
// Each event is one service in one region, with all its updates in one HTML
// description, oldest first, each stamped with a clock time and a zone
// abbreviation but no date.
type awsPayload struct {
	Archive *[]awsEvent `json:"archive"`
	Current *[]awsEvent `json:"current"`
}

type awsEvent struct {
	ServiceName string     `json:"service_name"`
	Summary     string     `json:"summary"`
	Date        flexString `json:"date"`
	Status      flexString `json:"status"`
	Details     string     `json:"details"`
	Description string     `json:"description"`
	Service     string     `json:"service"`
}

const awsURL = "https://status.aws.amazon.com"

// awsImpacts maps the event status. AWS never documented the codes and
// the readers of this file disagree (erlcloud reads 1 as performance
// issues and 2 as disruption; the dashboard drew four icons: normal,
// informational, performance issues, disruption), so they are kept in
// order and read coarsely.
var awsImpacts = map[string]string{"0": "none", "1": "minor", "2": "major", "3": "critical"}

func parseAWS(data []byte) (*Snapshot, error) {
	var p awsPayload
	if err := json.Unmarshal(data, &p); err != nil {
		return nil, jsonErr(KindAWS, err)
	}
	if p.Archive == nil && p.Current == nil {
		return nil, parseErr(KindAWS, "", "neither current nor archive is present")
	}
	s := &Snapshot{Kind: KindAWS, Page: Page{Name: "AWS", URL: awsURL}}
	for _, group := range []struct {
		name string
		list *[]awsEvent
	}{{"current", p.Current}, {"archive", p.Archive}} {
		if group.list == nil {
			continue
		}
		for i := range *group.list {
			in, err := awsIncident(fmt.Sprintf("%s[%d]", group.name, i), &(*group.list)[i], group.name == "archive")
			if err != nil {
				return nil, err
			}
			if in.UpdatedAt.After(s.UpdatedAt) {
				s.UpdatedAt = in.UpdatedAt
			}
			s.Incidents = append(s.Incidents, in)
		}
	}
	// An event moving from current to archive can sit in both for a
	// poll: the current copy is kept.
	s.Incidents = firstOfEachID(s.Incidents)
	return s, nil
}

func awsIncident(path string, r *awsEvent, archived bool) (Incident, error) {
	if r.Service == "" {
		return Incident{}, parseErr(KindAWS, path+".service", "missing")
	}
	secs, err := strconv.ParseInt(strings.TrimSpace(string(r.Date)), 10, 64)
	if err != nil || secs <= 0 || secs > 1<<40 {
		return Incident{}, parseErr(KindAWS, path+".date", "%q is not a time in seconds since 1970", string(r.Date))
	}
	impact, ok := awsImpacts[strings.TrimSpace(string(r.Status))]
	if !ok {
		return Incident{}, parseErr(KindAWS, path+".status", "%q is not 0, 1, 2 or 3", string(r.Status))
	}
	start := time.Unix(secs, 0).UTC()
	title := strings.TrimSpace(r.Summary)
	status := inferStatus(title, "")
	for _, p := range []string{"[resolved]", "resolved:"} {
		if strings.HasPrefix(strings.ToLower(title), p) {
			title = strings.TrimSpace(title[len(p):])
		}
	}
	if name := strings.TrimSpace(r.ServiceName); name != "" && title != "" {
		title = name + ": " + title
	}
	in := Incident{
		// The event's service and start name it across polls and across
		// the move from current to archive.
		ID: r.Service + "/" + strconv.FormatInt(secs, 10), Title: title, URL: awsURL,
		CreatedAt: start, StartedAt: start, Components: []string{r.Service},
	}
	if impact != "none" {
		in.Impact = impact
	}
	in.Updates = awsUpdates(r.Description, start)
	if len(in.Updates) == 0 && strings.TrimSpace(r.Details) != "" {
		in.Updates = []Update{{Body: HTMLText(r.Details), At: start, CreatedAt: start}}
	}
	assignUpdateIDs(in.Updates)
	in.UpdatedAt = start
	if len(in.Updates) > 0 {
		in.UpdatedAt = in.Updates[0].At
	}
	if archived || status == StatusResolved || impact == "none" {
		in.Status, in.ResolvedAt = StatusResolved, in.UpdatedAt
		if len(in.Updates) > 0 {
			in.Updates[0].Status = StatusResolved
		}
	} else {
		in.Status = StatusInvestigating
	}
	return in, nil
}

// awsUpdates splits an event description into its updates, newest first.
// Each update is "<div><span class="yellowfg"> 8:22 AM PDT</span>&nbsp;text</div>";
// the first is dated from the event's start and each later one from the one
// before, moving a day on when the clock goes back. Text without stamps is
// one update at the start.
func awsUpdates(desc string, start time.Time) []Update {
	const marker = `<span class="yellowfg">`
	parts := strings.Split(desc, marker)
	var ups []Update
	if text := HTMLText(parts[0]); text != "" {
		ups = append(ups, Update{Status: StatusInvestigating, Body: text, At: start, CreatedAt: start})
	}
	prev := start
	for _, part := range parts[1:] {
		stamp, body, _ := strings.Cut(part, "</span>")
		at, ok := awsStamp(HTMLText(stamp), prev)
		if !ok {
			at = prev
		}
		prev = at
		ups = append(ups, Update{Status: StatusInvestigating, Body: HTMLText(body), At: at, CreatedAt: at})
	}
	for i, j := 0, len(ups)-1; i < j; i, j = i+1, j-1 {
		ups[i], ups[j] = ups[j], ups[i]
	}
	return ups
}

// awsStamp reads "8:22 AM PDT" or "Oct 22 8:22 AM PDT" as the first such
// time after prev, give or take an hour (an explicit month and day, the
// first after prev).
func awsStamp(s string, prev time.Time) (time.Time, bool) {
	f := strings.Fields(strings.ReplaceAll(s, ",", " "))
	if len(f) < 3 {
		return time.Time{}, false
	}
	zone := strings.ToUpper(f[len(f)-1])
	off, ok := zoneOffsets[zone]
	if !ok {
		return time.Time{}, false
	}
	clock, err := time.Parse("3:04 PM", f[len(f)-3]+" "+strings.ToUpper(f[len(f)-2]))
	if err != nil {
		return time.Time{}, false
	}
	loc := time.FixedZone(zone, off)
	local := prev.In(loc)
	if len(f) >= 5 {
		md, err := time.Parse("Jan 2", f[0][:min(3, len(f[0]))]+" "+f[1])
		if err != nil {
			return time.Time{}, false
		}
		t := time.Date(local.Year(), md.Month(), md.Day(), clock.Hour(), clock.Minute(), 0, 0, loc)
		// Updates come after the start: a date well before it is in
		// the next year (an event that runs over New Year).
		if t.Before(prev.AddDate(0, 0, -1)) {
			t = t.AddDate(1, 0, 0)
		}
		return t.UTC(), true
	}
	t := time.Date(local.Year(), local.Month(), local.Day(), clock.Hour(), clock.Minute(), 0, 0, loc)
	// Only a clock that goes back by more than an hour has passed
	// midnight: the start is read to the second and stamps to the
	// minute, and a page may post an update stamped a little before it.
	if t.Before(prev.Add(-time.Hour)) {
		t = t.AddDate(0, 0, 1)
	}
	return t.UTC(), true
}

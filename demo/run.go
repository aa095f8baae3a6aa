package demo

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"sort"
	"strings"
	"time"

	"stormdesk"
	"stormdesk/replay"
	"stormdesk/upstream"
)

// Summary is what the replay showed.
type Summary struct {
	Scenario string `json:"scenario"`
	// AlertAt is when stormdesk raised the incident the labelled tickets
	// ended up in; FirstTicketAt and FirstUpstreamAt what it is compared
	// with.
	AlertAt                time.Time         `json:"alert_at"`
	FirstTicketAt          time.Time         `json:"first_ticket_at"`
	FirstUpstreamAt        time.Time         `json:"first_upstream_at"`
	AlertMinutesBeforeTick float64           `json:"alert_minutes_before_first_ticket"`
	AlertMinutesAfterUp    float64           `json:"alert_minutes_after_first_upstream_update"`
	SlackAlerts            int               `json:"slack_alerts_posted"`
	Incidents              []IncidentSummary `json:"incidents"`
	Labels                 []LabelSummary    `json:"labels"`
	Precision              float64           `json:"pairwise_precision"`
	Recall                 float64           `json:"pairwise_recall"`
	F1                     float64           `json:"pairwise_f1"`
	BackgroundTickets      int               `json:"background_tickets"`
	BackgroundSwallowed    int               `json:"background_pulled_into_incidents"`
	Emails                 map[string]int    `json:"emails_per_template"`
	DuplicateEmails        int               `json:"duplicate_emails"`
	ReportersMissed        int               `json:"reporters_without_resolved_email"`
	ReportersNoUpdate      int               `json:"reporters_without_any_update"`
	Files                  []string          `json:"files"`
}

// IncidentSummary is one incident stormdesk opened.
type IncidentSummary struct {
	ID          int64     `json:"id"`
	Title       string    `json:"title"`
	Status      string    `json:"status"`
	Tickets     int       `json:"tickets"`
	LikelyCause string    `json:"likely_cause"`
	RaisedAt    time.Time `json:"raised_at"`
}

// LabelSummary scores the grouping of one true incident's tickets.
type LabelSummary struct {
	Label     string  `json:"label"`
	Tickets   int     `json:"tickets"`
	Precision float64 `json:"pairwise_precision"`
	Recall    float64 `json:"pairwise_recall"`
	F1        float64 `json:"pairwise_f1"`
}

// Input turns the scenario into a replay: one provider incident from the
// upstream updates, a probe failing in its window, labelled tickets with
// the background trickle, and the operators' commands.
func (sc *Scenario) Input() *replay.Input {
	start, _ := sc.at("start", sc.Start)
	end, _ := sc.at("end", sc.End)
	in := &replay.Input{Name: sc.Name, Product: "CrankWheel", Start: start, End: end}
	main := sc.mainLabel()
	for i, t := range sc.Tickets {
		in.Tickets = append(in.Tickets, replay.Ticket{ID: fmt.Sprintf("demo-%d", i), ReceivedAt: t.at, Source: stormdesk.SourceDemo,
			CustomerEmail: t.Customer, Subject: t.Subject, Body: t.Body, Label: t.Label})
	}
	for i, u := range sc.Upstream {
		at, _ := sc.at("", u.At)
		in.Updates = append(in.Updates, replay.Update{Provider: sc.Provider.Name, IncidentID: "demo0incident", UpdateID: fmt.Sprintf("u%d", i+1),
			Status: u.Status, Impact: "major", At: at, Title: sc.Provider.Incident, Body: u.Text, Kind: "incident", Label: main})
	}
	cfg := &upstream.Config{Dependencies: []upstream.Dependency{{Name: sc.Provider.Name, Features: sc.Provider.Features,
		Interval: upstream.DefaultInterval, Timeout: upstream.DefaultTimeout}}}
	if sc.Probe.Name != "" {
		cfg.Probes = append(cfg.Probes, upstream.Probe{ProbeConfig: upstream.ProbeConfig{Name: sc.Probe.Name, Method: "GET",
			ExpectStatus: 200, ExpectBody: `"ok"`, Timeout: upstream.DefaultProbeTimeout}, Interval: upstream.DefaultInterval, Failures: 3, Features: sc.Probe.Features})
		from, _ := sc.at("probe.failing_from", sc.Probe.FailingFrom)
		until, _ := sc.at("probe.failing_until", sc.Probe.FailingUntil)
		in.ProbeFailures = append(in.ProbeFailures, replay.ProbeWindow{Probe: sc.Probe.Name, From: from, Until: until})
	}
	in.Config = cfg
	for _, a := range sc.Actions {
		at, _ := sc.at("", a.At)
		in.Actions = append(in.Actions, replay.Action{At: at, User: a.User, Command: a.Command})
	}
	return in
}

// mainLabel is the incident label most tickets carry: the one the
// provider's outage explains.
func (sc *Scenario) mainLabel() string {
	n := map[string]int{}
	best := ""
	for _, t := range sc.Tickets {
		if t.Label == "background" {
			continue
		}
		n[t.Label]++
		if n[t.Label] > n[best] || n[t.Label] == n[best] && t.Label < best {
			best = t.Label
		}
	}
	return best
}

// Run replays the scenario through stormdesk replay and writes
// timeline.md and timeline.html of the main incident to out.
func Run(ctx context.Context, sc *Scenario, out string, log *slog.Logger) (*Summary, error) {
	in := sc.Input()
	res, err := replay.Run(ctx, in, replay.Options{Log: log, Out: out, Name: func(res *replay.Result, inc replay.IncidentResult) string {
		if m := mainIncident(res); m != nil && m.ID == inc.ID {
			return "timeline"
		}
		return ""
	}})
	if err != nil {
		return nil, err
	}
	return summarise(sc, in, res), nil
}

// mainIncident is the incident with the most tickets (the first such).
func mainIncident(res *replay.Result) *replay.IncidentResult {
	var main *replay.IncidentResult
	for i := range res.Incidents {
		inc := &res.Incidents[i]
		if inc.MergedInto == 0 && (main == nil || inc.Tickets > main.Tickets) {
			main = inc
		}
	}
	return main
}

func summarise(sc *Scenario, in *replay.Input, res *replay.Result) *Summary {
	s := &Summary{Scenario: sc.Name, Emails: map[string]int{}, Files: res.Files}
	for _, a := range res.Alerts {
		if a.Kind == "alert" {
			s.SlackAlerts++
		}
	}
	for _, u := range in.Updates {
		if s.FirstUpstreamAt.IsZero() || u.At.Before(s.FirstUpstreamAt) {
			s.FirstUpstreamAt = u.At
		}
	}
	reporters := map[int64]map[string]bool{}
	for i, t := range in.Tickets {
		tr := res.Tickets[i]
		if t.Label == "background" {
			s.BackgroundTickets++
			if tr.Incident != nil {
				s.BackgroundSwallowed++
			}
		} else if s.FirstTicketAt.IsZero() || t.ReceivedAt.Before(s.FirstTicketAt) {
			s.FirstTicketAt = t.ReceivedAt
		}
		if tr.Incident != nil && t.CustomerEmail != "" {
			if reporters[*tr.Incident] == nil {
				reporters[*tr.Incident] = map[string]bool{}
			}
			reporters[*tr.Incident][strings.ToLower(t.CustomerEmail)] = true
		}
	}
	if sc := res.Scores; sc != nil {
		s.Precision, s.Recall, s.F1 = sc.Precision, sc.Recall, sc.F1
		for _, l := range sc.Labels {
			p := 0.0
			if l.Main != 0 {
				p = l.Purity
			}
			f := 0.0
			if p+l.Recall > 0 {
				f = 2 * p * l.Recall / (p + l.Recall)
			}
			s.Labels = append(s.Labels, LabelSummary{Label: l.Label, Tickets: l.Tickets, Precision: p, Recall: l.Recall, F1: f})
		}
	}
	for i := len(res.Incidents) - 1; i >= 0; i-- {
		inc := res.Incidents[i]
		if inc.MergedInto != 0 {
			continue
		}
		s.Incidents = append(s.Incidents, IncidentSummary{ID: inc.ID, Title: inc.Title, Status: inc.Status, Tickets: inc.Tickets, LikelyCause: inc.LikelyCause, RaisedAt: inc.OpenedAt})
	}
	main := mainIncident(res)
	if main != nil {
		s.AlertAt = main.OpenedAt
		if main.WatchedAt != nil {
			s.AlertAt = *main.WatchedAt // the ops channel knew from the watch
		}
		if !s.FirstTicketAt.IsZero() {
			s.AlertMinutesBeforeTick = s.FirstTicketAt.Sub(s.AlertAt).Minutes()
		}
		if !s.FirstUpstreamAt.IsZero() {
			s.AlertMinutesAfterUp = s.AlertAt.Sub(s.FirstUpstreamAt).Minutes()
		}
	}
	resolvedTo, updatedTo := map[string]bool{}, map[string]bool{}
	for _, e := range res.Emails {
		s.Emails[e.Template] += e.Recipients
		s.DuplicateEmails += e.Duplicates
		for _, to := range e.To {
			switch e.Template {
			case "resolved":
				resolvedTo[to] = true
			case "update":
				updatedTo[to] = true
			}
		}
	}
	if main != nil {
		for e := range reporters[main.ID] {
			if !resolvedTo[e] {
				s.ReportersMissed++
			}
			// Late reporters catch up: everyone who wrote in before the
			// resolution got at least one update.
			if !updatedTo[e] {
				s.ReportersNoUpdate++
			}
		}
	}
	return s
}

// Print writes the summary for a person.
func (s *Summary) Print(w io.Writer) {
	fmt.Fprintf(w, "stormdesk demo: %s\n\n", s.Scenario)
	fmt.Fprintf(w, "  first upstream status update  %s UTC\n", s.FirstUpstreamAt.Format("15:04"))
	fmt.Fprintf(w, "  stormdesk raised the incident %s UTC (%d Slack alert(s) posted)\n", s.AlertAt.Format("15:04"), s.SlackAlerts)
	fmt.Fprintf(w, "  first customer ticket         %s UTC\n", s.FirstTicketAt.Format("15:04"))
	fmt.Fprintf(w, "  => the alert came %.0f minutes before the first ticket, %.0f minutes after the provider's first update\n\n", s.AlertMinutesBeforeTick, s.AlertMinutesAfterUp)
	for _, inc := range s.Incidents {
		fmt.Fprintf(w, "  incident #%d %q: %s, %d tickets, likely cause: %s\n", inc.ID, inc.Title, inc.Status, inc.Tickets, inc.LikelyCause)
	}
	fmt.Fprintf(w, "\n  grouping against the scenario's labels: pairwise precision %.2f, recall %.2f, F1 %.2f\n", s.Precision, s.Recall, s.F1)
	for _, l := range s.Labels {
		fmt.Fprintf(w, "    %s (%d tickets): precision %.2f, recall %.2f, F1 %.2f\n", l.Label, l.Tickets, l.Precision, l.Recall, l.F1)
	}
	fmt.Fprintf(w, "  background tickets pulled into incidents: %d of %d\n\n", s.BackgroundSwallowed, s.BackgroundTickets)
	var names []string
	for k := range s.Emails {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		fmt.Fprintf(w, "  %-13s emails sent: %d\n", k, s.Emails[k])
	}
	fmt.Fprintf(w, "  duplicate emails: %d; reporters without the resolved email: %d; without any update: %d\n\n", s.DuplicateEmails, s.ReportersMissed, s.ReportersNoUpdate)
	for _, f := range s.Files {
		fmt.Fprintf(w, "  wrote %s\n", f)
	}
}

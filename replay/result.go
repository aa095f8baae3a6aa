package replay

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"stormdesk"
	"stormdesk/desk"
	"stormdesk/notify/sendgridtest"
)

// Result is what the service did with a replay's input.
type Result struct {
	Name      string           `json:"name,omitempty"`
	Start     time.Time        `json:"start"`
	End       time.Time        `json:"end"`
	Tickets   []TicketResult   `json:"tickets"`
	Incidents []IncidentResult `json:"incidents"`
	// Watches are the upstream watches: provider incidents on features
	// the product depends on, alerted to ops before any report; those
	// confirmed became the incidents listed under Incidents.
	Watches []WatchResult `json:"watches"`
	Alerts  []Alert       `json:"alerts"`
	// AlertUpdates counts the in-place updates of posted alerts.
	AlertUpdates int           `json:"alert_updates"`
	Emails       []EmailResult `json:"emails"`
	Scores       *Scores       `json:"scores,omitempty"`
	Files        []string      `json:"files,omitempty"`
	// WallSeconds is how long the replay took on the wall clock.
	WallSeconds float64 `json:"-"`
}

// TicketResult is where one ticket went.
type TicketResult struct {
	ID         string     `json:"id"`
	ReceivedAt time.Time  `json:"received_at"`
	Incident   *int64     `json:"incident"`
	Cluster    int64      `json:"cluster"`
	JoinedAt   *time.Time `json:"joined_at"`
	// Reason is why the ticket joined its incident, or why it was kept
	// out of one.
	Reason string `json:"reason,omitempty"`
	stored int64
}

// WatchResult is one upstream watch.
type WatchResult struct {
	ID          int64      `json:"id"`
	Title       string     `json:"title"`
	Upstream    []string   `json:"upstream"`
	OpenedAt    time.Time  `json:"opened_at"`
	ConfirmedAt *time.Time `json:"confirmed_at"`
	ClosedAt    *time.Time `json:"closed_at"`
	// Incident is the incident the watch became, once confirmed.
	Incident *int64 `json:"incident"`
}

// IncidentResult is one incident the service opened.
type IncidentResult struct {
	ID int64 `json:"id"`
	// OpenedAt is when it became an incident (for a watch, when it was
	// confirmed); WatchedAt, for one that began as an upstream watch,
	// when ops were alerted.
	OpenedAt  time.Time  `json:"opened_at"`
	WatchedAt *time.Time `json:"watched_at,omitempty"`
	// OpenedBy is what opened it: tickets, upstream, probe or operator.
	OpenedBy    string     `json:"opened_by"`
	Title       string     `json:"title"`
	Status      string     `json:"status"`
	Features    []string   `json:"features"`
	Upstream    []string   `json:"upstream"`
	Tickets     int        `json:"tickets"`
	LikelyCause string     `json:"likely_cause,omitempty"`
	MergedInto  int64      `json:"merged_into,omitempty"`
	ResolvedAt  *time.Time `json:"resolved_at,omitempty"`
	// upstreamKeys are provider + "/" + provider incident id.
	upstreamKeys []string
}

// Alert is one message the ops channel received.
type Alert struct {
	At       time.Time `json:"at"`
	Kind     string    `json:"kind"` // alert, approval, reminder
	Incident int64     `json:"incident"`
	Text     string    `json:"text"`
}

// EmailResult is one customer email and how many received it.
type EmailResult struct {
	MessageID  string   `json:"message_id"`
	Incident   string   `json:"incident"`
	Template   string   `json:"template"`
	Recipients int      `json:"recipients"`
	Duplicates int      `json:"duplicates"`
	To         []string `json:"to"`
}

// collect reads back what the service stored.
func collect(ctx context.Context, in *Input, sorted []Ticket, r *runner, chat *recorder, sg *sendgridtest.Server, store stormdesk.Store) (*Result, error) {
	res := &Result{Name: in.Name, Alerts: chat.alerts, AlertUpdates: chat.updates, Tickets: []TicketResult{}, Incidents: []IncidentResult{}, Watches: []WatchResult{},
		Emails: []EmailResult{}}
	if res.Alerts == nil {
		res.Alerts = []Alert{}
	}
	byInput := map[string]*stormdesk.Ticket{}
	err := store.View(ctx, func(tx stormdesk.Tx) error {
		var after int64
		for {
			page, err := tx.Tickets(ctx, stormdesk.TicketFilter{AfterID: after, Limit: 1000, ByID: true})
			if err != nil {
				return err
			}
			for _, t := range page {
				if id, ok := r.ids[t.ID]; ok {
					byInput[id] = t
				}
				after = t.ID
			}
			if len(page) < 1000 {
				return nil
			}
		}
	})
	if err != nil {
		return nil, fmt.Errorf("replay: read tickets: %w", err)
	}
	for _, t := range sorted {
		st := byInput[t.ID]
		if st == nil {
			return nil, fmt.Errorf("replay: ticket %s was not stored", t.ID)
		}
		tr := TicketResult{ID: t.ID, ReceivedAt: t.ReceivedAt, Cluster: st.ClusterID, Reason: st.JoinReason, stored: st.ID}
		if st.IncidentID != 0 {
			id := st.IncidentID
			tr.Incident = &id
			if at, ok := r.joined[st.ID]; ok {
				tr.JoinedAt = &at
			}
		}
		res.Tickets = append(res.Tickets, tr)
	}
	var probes []string
	if in.Config != nil {
		for _, p := range in.Config.Probes {
			probes = append(probes, p.Name)
		}
	}
	var incs []*stormdesk.Incident
	err = store.View(ctx, func(tx stormdesk.Tx) (err error) {
		incs, err = tx.Incidents(ctx, stormdesk.IncidentFilter{})
		if err != nil {
			return err
		}
		slices.SortFunc(incs, func(a, b *stormdesk.Incident) int { return int(a.ID - b.ID) })
		for _, inc := range incs {
			ir := IncidentResult{ID: inc.ID, OpenedAt: inc.CreatedAt, Title: inc.Title, Status: string(inc.Status), Features: inc.Features,
				Tickets: inc.TicketCount, LikelyCause: inc.LikelyCause, MergedInto: inc.MergedInto, ResolvedAt: inc.ResolvedAt, Upstream: []string{}}
			if ir.Features == nil {
				ir.Features = []string{}
			}
			entries, err := tx.Timeline(ctx, inc.ID)
			if err != nil {
				return err
			}
			var watched bool
			ir.OpenedBy, watched, ir.upstreamKeys = describe(entries, probes)
			for _, k := range ir.upstreamKeys {
				_, id, _ := strings.Cut(k, "/")
				ir.Upstream = append(ir.Upstream, id)
			}
			if watched {
				w := WatchResult{ID: inc.ID, Title: inc.Title, Upstream: ir.Upstream, OpenedAt: inc.CreatedAt, ConfirmedAt: inc.ConfirmedAt}
				if inc.ConfirmedAt == nil {
					w.ClosedAt = inc.ResolvedAt
					res.Watches = append(res.Watches, w)
					continue // never an incident in the customers' sense
				}
				id := inc.ID
				w.Incident = &id
				res.Watches = append(res.Watches, w)
				created := inc.CreatedAt
				ir.WatchedAt, ir.OpenedAt = &created, *inc.ConfirmedAt
			}
			res.Incidents = append(res.Incidents, ir)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("replay: read incidents: %w", err)
	}
	byMessage := map[string]*EmailResult{}
	var order []string
	for p, n := range sg.Recipients() {
		e := byMessage[p.MessageID]
		if e == nil {
			e = &EmailResult{MessageID: p.MessageID}
			// Message ids read "incident-template-…".
			parts := strings.SplitN(p.MessageID, "-", 3)
			if len(parts) >= 2 {
				e.Incident, e.Template = parts[0], parts[1]
			}
			byMessage[p.MessageID] = e
			order = append(order, p.MessageID)
		}
		e.Recipients++
		e.Duplicates += n - 1
		e.To = append(e.To, p.Email)
	}
	slices.Sort(order)
	for _, id := range order {
		slices.Sort(byMessage[id].To)
		res.Emails = append(res.Emails, *byMessage[id])
	}
	return res, nil
}

// describe reads from an incident's timeline what opened it and which
// upstream incidents it is tied to.
func describe(entries []*stormdesk.TimelineEntry, probes []string) (openedBy string, watched bool, upstream []string) {
	openedBy = "tickets"
	decided := false
	for _, e := range entries {
		var data struct {
			Provider    string `json:"provider"`
			UpstreamID  string `json:"upstream_id"`
			ClusterID   int64  `json:"cluster_id"`
			Event       string `json:"event"`
			Watch       bool   `json:"watch"`
			ConfirmedBy string `json:"confirmed_by"`
		}
		_ = json.Unmarshal([]byte(e.Data), &data)
		switch e.Kind {
		case stormdesk.KindDeclared:
			if !decided {
				openedBy, decided = "operator", true
			}
		case stormdesk.KindAcknowledged:
			if watched && !decided {
				openedBy, decided = "operator", true // taken on before any report
			}
		case stormdesk.KindDetected:
			switch {
			case decided:
			case data.Watch:
				watched = true
			case data.ConfirmedBy != "":
				openedBy, decided = data.ConfirmedBy, true
			case data.ClusterID != 0:
				openedBy, decided = "tickets", true
			case slices.Contains(probes, data.Provider):
				openedBy, decided = "probe", true
			case data.Provider != "":
				openedBy, decided = "upstream", true
			}
		case stormdesk.KindUpstream:
			if data.UpstreamID != "" {
				k := data.Provider + "/" + data.UpstreamID
				if !slices.Contains(upstream, k) {
					upstream = append(upstream, k)
				}
			}
		}
	}
	return openedBy, watched, upstream
}

// writePostmortems exports each incident with tickets as Markdown and
// HTML into dir.
func writePostmortems(ctx context.Context, d *desk.Service, res *Result, dir string, name func(*Result, IncidentResult) string) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("replay: %w", err)
	}
	var files []string
	for _, inc := range res.Incidents {
		if inc.MergedInto != 0 {
			continue
		}
		base := fmt.Sprintf("incident-%d", inc.ID)
		if name != nil {
			if base = name(res, inc); base == "" {
				continue
			}
		}
		for _, f := range []string{"md", "html"} {
			path := filepath.Join(dir, base+"."+f)
			fh, err := os.Create(path)
			if err != nil {
				return nil, fmt.Errorf("replay: %w", err)
			}
			err = d.Export(ctx, inc.ID, f, fh)
			if cerr := fh.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return nil, err
			}
			files = append(files, path)
		}
	}
	return files, nil
}

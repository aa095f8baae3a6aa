package demo

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/slack-go/slack/slacktest"

	"stormdesk"
	"stormdesk/bot"
	"stormdesk/bot/deskbot"
	"stormdesk/bot/slack"
	"stormdesk/desk"
	"stormdesk/httpserver"
	"stormdesk/notify"
	"stormdesk/notify/sendgridtest"
	"stormdesk/store/sqlite"
	"stormdesk/triage"
	"stormdesk/upstream"
)

const slackSecret = "stormdesk-demo-signing-secret-0123"

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

// Run replays the scenario and writes timeline.md and timeline.html of the
// main incident to out.
func Run(ctx context.Context, sc *Scenario, out string, log *slog.Logger) (*Summary, error) {
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	dir, err := os.MkdirTemp("", "stormdesk-demo-")
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	defer os.RemoveAll(dir)

	start, _ := sc.at("start", sc.Start)
	end, _ := sc.at("end", sc.End)
	var mu sync.Mutex
	now := start
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }

	// The provider's status page.
	page := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(sc.statusPage(clock()))
	}))
	defer page.Close()
	// The product's login check.
	from, _ := sc.at("probe.failing_from", sc.Probe.FailingFrom)
	until, _ := sc.at("probe.failing_until", sc.Probe.FailingUntil)
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if t := clock(); sc.Probe.Name != "" && !t.Before(from) && t.Before(until) {
			http.Error(w, `{"error":"auth provider timeout"}`, http.StatusBadGateway)
			return
		}
		io.WriteString(w, `{"status":"ok"}`)
	}))
	defer target.Close()
	// The ops channel.
	var alertMu sync.Mutex
	alerts := 0
	slackAPI := slacktest.NewTestServer(func(c slacktest.Customize) {
		c.Handle("/chat.postMessage", func(w http.ResponseWriter, r *http.Request) {
			r.ParseForm()
			alertMu.Lock()
			alerts++
			alertMu.Unlock()
			json.NewEncoder(w).Encode(map[string]any{"ok": true, "channel": r.Form.Get("channel"), "ts": fmt.Sprintf("1543420000.%06d", alerts)})
		})
		c.Handle("/chat.update", func(w http.ResponseWriter, r *http.Request) {
			r.ParseForm()
			json.NewEncoder(w).Encode(map[string]any{"ok": true, "channel": r.Form.Get("channel"), "ts": r.Form.Get("ts")})
		})
		c.Handle("/response", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) })
	})
	slackAPI.Start()
	defer slackAPI.Stop()
	// Customer email.
	sendgrid := sendgridtest.New(nil)

	store, err := sqlite.Open(ctx, filepath.Join(dir, "demo.db"), start)
	if err != nil {
		return nil, err
	}
	defer store.Close()
	d := desk.New(store)
	d.Now, d.Log, d.ProductName = clock, log, "CrankWheel"
	cfg, err := upstream.LoadConfig(strings.NewReader(sc.config(page.URL, target.URL)), "scenario")
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	d.SetUpstream(&desk.Upstream{Config: cfg, Fetcher: &upstream.Fetcher{}, ProbeClient: target.Client()})
	links, _ := notify.UnsubscribeLinks("https://stormdesk.example/unsubscribe", []byte("demo-unsubscribe-secret-0123"), clock)
	disp := &notify.Dispatcher{Outbox: store, Sender: &notify.SendGrid{APIKey: sendgrid.APIKey, BaseURL: sendgrid.URL, FromEmail: "status@crankwheel.example"},
		Now: clock, UnsubscribeURL: links, Log: log}
	d.SetEmail(&desk.Email{Auto: map[string]bool{"acknowledged": true, "update": true, "resolved": true}, FromName: "CrankWheel support",
		Placeholder: notify.UnsubscribeTag, ApprovalThreshold: 1000})
	if err := d.EnableTriage(ctx, triage.DefaultConfig()); err != nil {
		return nil, err
	}
	core := bot.NewCore(deskbot.Desk{Service: d}, bot.Policy{SlackUsers: sc.users()}, log)
	core.Now = clock
	adapter, err := slack.New(slack.Config{SigningSecret: slackSecret, BotToken: "xoxb-demo", OpsChannel: "C0OPS", APIURL: slackAPI.GetAPIURL(),
		Alerts: bot.NewMemoryAlerts()}, core, log)
	if err != nil {
		return nil, err
	}
	actx, stopAlerts := context.WithCancel(ctx)
	defer stopAlerts()
	waitAlerts := d.StartAlerts(actx, []desk.Alerter{adapter})
	reg := prometheus.NewRegistry()
	srv := httptest.NewServer(httpserver.New(d, "", log, reg).Handler(reg, adapter.Routes))
	defer srv.Close()

	labels := map[int64]string{}
	next, nextUp, nextAct := 0, 0, 0
	var firstUp time.Time
	for t := start; !t.After(end); t = t.Add(time.Minute) {
		mu.Lock()
		now = t
		mu.Unlock()
		for nextUp < len(sc.Upstream) {
			at, _ := sc.at("", sc.Upstream[nextUp].At)
			if at.After(t) {
				break
			}
			if firstUp.IsZero() {
				firstUp = at
			}
			nextUp++
		}
		if _, err := d.PollFeed(ctx, sc.Provider.Name, true); err != nil {
			return nil, err
		}
		if sc.Probe.Name != "" {
			if _, err := d.PollProbe(ctx, sc.Probe.Name); err != nil {
				return nil, err
			}
		}
		for ; next < len(sc.Tickets) && !sc.Tickets[next].at.After(t); next++ {
			spec := sc.Tickets[next]
			tk := &stormdesk.Ticket{Source: stormdesk.SourceDemo, ExternalID: fmt.Sprintf("demo-%d", next), CustomerEmail: spec.Customer,
				Subject: spec.Subject, Body: spec.Body, ReceivedAt: spec.at}
			if _, err := d.IngestTicket(ctx, tk); err != nil {
				return nil, fmt.Errorf("demo: ticket %d: %w", next, err)
			}
			labels[tk.ID] = spec.Label
		}
		if _, err := d.TriagePending(ctx); err != nil {
			return nil, err
		}
		for ; nextAct < len(sc.Actions); nextAct++ {
			a := sc.Actions[nextAct]
			at, _ := sc.at("", a.At)
			if at.After(t) {
				break
			}
			if err := slash(srv.URL, slackAPI.GetAPIURL()+"response", a.User, a.Command, t); err != nil {
				return nil, fmt.Errorf("demo: action %q: %w", a.Command, err)
			}
		}
		for {
			st, err := disp.RunOnce(ctx)
			if err != nil {
				return nil, err
			}
			if st.Sent+st.Retried+st.Failed == 0 {
				break
			}
		}
		if _, err := d.ReportDeliveries(ctx); err != nil {
			return nil, err
		}
	}
	// Let the alert queue drain before reading what the ops channel got.
	time.Sleep(200 * time.Millisecond)
	stopAlerts()
	waitAlerts()
	adapter.Shutdown(ctx)
	return summarise(ctx, sc, d, labels, firstUp, sendgrid, alerts, out)
}

// slash sends a signed Slack slash command to the real handler.
func slash(base, responseURL, user, text string, at time.Time) error {
	form := url.Values{"command": {"/incident"}, "text": {text}, "user_id": {user}, "user_name": {strings.ToLower(user)}, "channel_id": {"C0OPS"},
		"team_id": {"T0DEMO"}, "response_url": {responseURL}, "trigger_id": {"demo"}}
	body := form.Encode()
	// Slack signs with the wall clock; the request is fresh, whatever the
	// scenario's virtual time.
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	mac := hmac.New(sha256.New, []byte(slackSecret))
	mac.Write([]byte("v0:" + ts + ":" + body))
	req, _ := http.NewRequest("POST", base+"/slack/commands", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Slack-Request-Timestamp", ts)
	req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		b, _ := io.ReadAll(resp.Body)
		return fmt.Errorf("status %d: %s", resp.StatusCode, b)
	}
	return nil
}

func (sc *Scenario) users() []string {
	var out []string
	for _, a := range sc.Actions {
		out = append(out, a.User)
	}
	return out
}

// config is the dependency and probe configuration pointing at the
// stand-ins.
func (sc *Scenario) config(pageURL, probeURL string) string {
	c := fmt.Sprintf("dependencies:\n  - name: %s\n    feed: {kind: statuspage, url: %s/api/v2/summary.json}\n    features: [%s]\n",
		sc.Provider.Name, pageURL, strings.Join(sc.Provider.Features, ", "))
	if sc.Probe.Name != "" {
		c += fmt.Sprintf("probes:\n  - name: %s\n    url: %s/health/login\n    expect_body: '\"ok\"'\n    failures: 3\n    features: [%s]\n",
			sc.Probe.Name, probeURL, strings.Join(sc.Probe.Features, ", "))
	}
	return c
}

// statusPage is the provider's summary.json at time t.
func (sc *Scenario) statusPage(t time.Time) map[string]any {
	var updates []map[string]any
	status, updated := "", sc.day
	for i, u := range sc.Upstream {
		at, _ := sc.at("", u.At)
		if at.After(t) {
			break
		}
		status, updated = u.Status, at
		ts := at.Format(time.RFC3339)
		updates = append([]map[string]any{{"id": fmt.Sprintf("u%d", i+1), "status": u.Status, "body": u.Text, "created_at": ts, "display_at": ts, "updated_at": ts}}, updates...)
	}
	page := map[string]any{"id": "demo", "name": sc.Provider.Name, "url": "https://status.example", "time_zone": "Etc/UTC", "updated_at": updated.Format(time.RFC3339)}
	incidents := []any{}
	if status != "" && status != "resolved" {
		first, _ := sc.at("", sc.Upstream[0].At)
		incidents = append(incidents, map[string]any{"id": "demo0incident", "name": sc.Provider.Incident, "status": status, "impact": "major",
			"created_at": first.Format(time.RFC3339), "updated_at": updated.Format(time.RFC3339), "started_at": first.Format(time.RFC3339),
			"resolved_at": nil, "shortlink": "https://stspg.io/demo", "page_id": "demo", "incident_updates": updates, "components": []any{}})
	}
	return map[string]any{"page": page, "status": map[string]any{"indicator": "major", "description": "Partial System Outage"},
		"components": []any{}, "incidents": incidents, "scheduled_maintenances": []any{}}
}

func summarise(ctx context.Context, sc *Scenario, d *desk.Service, labels map[int64]string, firstUp time.Time, sg *sendgridtest.Server, alerts int, out string) (*Summary, error) {
	s := &Summary{Scenario: sc.Name, FirstUpstreamAt: firstUp, SlackAlerts: alerts, Emails: map[string]int{}}
	pred := map[int64]int64{}
	reporters := map[int64]map[string]bool{}
	var ids []int64
	for id := range labels {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, id := range ids {
		tk, err := d.Ticket(ctx, id)
		if err != nil {
			return nil, err
		}
		pred[id] = tk.IncidentID
		if labels[id] == "background" {
			s.BackgroundTickets++
			if tk.IncidentID != 0 {
				s.BackgroundSwallowed++
			}
		} else if s.FirstTicketAt.IsZero() || tk.ReceivedAt.Before(s.FirstTicketAt) {
			s.FirstTicketAt = tk.ReceivedAt
		}
		if tk.IncidentID != 0 {
			if reporters[tk.IncidentID] == nil {
				reporters[tk.IncidentID] = map[string]bool{}
			}
			reporters[tk.IncidentID][tk.CustomerEmail] = true
		}
	}
	// Pairwise scores: a pair of tickets is "together" in truth when they
	// share a label other than background, and in stormdesk when they are
	// in the same incident.
	score := func(keep func(a, b int64) bool) (p, r, f float64) {
		var tp, predPairs, truePairs float64
		for i := 0; i < len(ids); i++ {
			for j := i + 1; j < len(ids); j++ {
				a, b := ids[i], ids[j]
				if !keep(a, b) {
					continue
				}
				same := labels[a] == labels[b] && labels[a] != "background"
				together := pred[a] != 0 && pred[a] == pred[b]
				if together {
					predPairs++
				}
				if same {
					truePairs++
				}
				if same && together {
					tp++
				}
			}
		}
		if predPairs > 0 {
			p = tp / predPairs
		}
		if truePairs > 0 {
			r = tp / truePairs
		}
		if p+r > 0 {
			f = 2 * p * r / (p + r)
		}
		return
	}
	s.Precision, s.Recall, s.F1 = score(func(a, b int64) bool { return true })
	seen := map[string]bool{}
	for _, id := range ids {
		l := labels[id]
		if l == "background" || seen[l] {
			continue
		}
		seen[l] = true
		ls := LabelSummary{Label: l}
		for _, x := range ids {
			if labels[x] == l {
				ls.Tickets++
			}
		}
		ls.Precision, ls.Recall, ls.F1 = score(func(a, b int64) bool {
			return labels[a] == l || labels[b] == l || pred[a] == pred[b] && pred[a] != 0 && (labels[a] == l || labels[b] == l)
		})
		s.Labels = append(s.Labels, ls)
	}
	incs, err := d.Incidents(ctx, stormdesk.IncidentFilter{})
	if err != nil {
		return nil, err
	}
	var main *stormdesk.Incident
	for i := len(incs) - 1; i >= 0; i-- {
		inc := incs[i]
		if inc.MergedInto != 0 {
			continue
		}
		s.Incidents = append(s.Incidents, IncidentSummary{ID: inc.ID, Title: inc.Title, Status: string(inc.Status), Tickets: inc.TicketCount, LikelyCause: inc.LikelyCause, RaisedAt: inc.CreatedAt})
		if main == nil || inc.TicketCount > main.TicketCount {
			main = inc
		}
	}
	if main != nil {
		s.AlertAt = main.CreatedAt
		if !s.FirstTicketAt.IsZero() {
			s.AlertMinutesBeforeTick = s.FirstTicketAt.Sub(s.AlertAt).Minutes()
		}
		if !firstUp.IsZero() {
			s.AlertMinutesAfterUp = s.AlertAt.Sub(firstUp).Minutes()
		}
		for _, f := range []string{"md", "html"} {
			path := filepath.Join(out, "timeline."+f)
			fh, err := os.Create(path)
			if err != nil {
				return nil, err
			}
			err = d.Export(ctx, main.ID, f, fh)
			if cerr := fh.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return nil, err
			}
			s.Files = append(s.Files, path)
		}
	}
	resolvedTo, updatedTo := map[string]bool{}, map[string]bool{}
	for p, n := range sg.Recipients() {
		parts := strings.Split(p.MessageID, "-")
		tmpl := p.MessageID
		if len(parts) >= 2 {
			tmpl = parts[1]
		}
		s.Emails[tmpl]++
		if n > 1 {
			s.DuplicateEmails += n - 1
		}
		switch tmpl {
		case "resolved":
			resolvedTo[p.Email] = true
		case "update":
			updatedTo[p.Email] = true
		}
	}
	if main != nil {
		for e := range reporters[main.ID] {
			if e != "" && !resolvedTo[e] {
				s.ReportersMissed++
			}
			// Late reporters catch up: everyone who wrote in before the
			// resolution got at least one update.
			if e != "" && !updatedTo[e] {
				s.ReportersNoUpdate++
			}
		}
	}
	return s, nil
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

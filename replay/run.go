package replay

import (
	"cmp"
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
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/slack-go/slack/slacktest"

	"stormdesk"
	"stormdesk/app"
	"stormdesk/bot"
	"stormdesk/config"
	"stormdesk/desk"
	"stormdesk/notify"
	"stormdesk/notify/sendgridtest"
	"stormdesk/schedule"
	"stormdesk/store/sqlite"
	"stormdesk/triage"
	"stormdesk/upstream"
)

// Input is what a replay runs.
type Input struct {
	// Name titles the summary.
	Name string
	// Product names the product in customer emails.
	Product string
	Tickets []Ticket
	Updates []Update
	// Config is the STORMDESK_CONFIG a service would read (dependencies,
	// probes, the product's features); feeds and probe URLs are replaced
	// by the replay's stand-ins. nil means none.
	Config *upstream.Config
	// ProbeFailures are the windows in which a configured probe's target
	// fails; outside them it answers as expected.
	ProbeFailures []ProbeWindow
	// Actions are operator slash commands sent at virtual times.
	Actions []Action
	// Start and End bound the virtual time; zero picks an hour before the
	// first event and an hour after the last.
	Start, End time.Time
}

// ProbeWindow is a stretch of virtual time in which a probe fails.
type ProbeWindow struct {
	Probe       string
	From, Until time.Time
}

// Action is an operator's /incident command.
type Action struct {
	At      time.Time
	User    string
	Command string
}

// Options tune a replay.
type Options struct {
	// Background lists the label values, besides "background", that mean
	// "belongs to no incident".
	Background []string
	// Out, when set, receives each incident's post-mortem (Markdown and
	// HTML), named incident-ID.md and .html, or as Name says.
	Out string
	// Name, when set, picks which incidents' post-mortems are written and
	// their file names (without extension); "" skips one.
	Name func(res *Result, inc IncidentResult) string
	// Log receives the service's logs; discarded when nil.
	Log *slog.Logger
	// Progress, when set, is told how many tickets have been replayed.
	Progress func(done, total int)
	// Triage, when set, replaces the default triage configuration (for
	// experiments; the product's vocabulary is added to it).
	Triage *triage.Config
	// Inspect, when set, is called once the week has run, with the
	// service (its store and its clock at the replay's end) before the
	// store is closed: a test reads what the week left, through the
	// desk's use cases.
	Inspect func(ctx context.Context, d *desk.Service) error
}

// slackSecret signs the replay's own slash commands.
const slackSecret = "stormdesk-replay-signing-secret-0123"

// pollDelay is how long after a status update the service's poll reads
// it: feeds are polled every interval, so on average half of one.
func pollAt(at, start time.Time, interval time.Duration) time.Time {
	if interval <= 0 {
		interval = upstream.DefaultInterval
	}
	k := at.Sub(start) / interval
	t := start.Add(k * interval)
	if t.Before(at) {
		t = t.Add(interval)
	}
	return t
}

// Run replays in through stormdesk's real code paths: intake through the
// HTTP API, triage and its periodic maintenance, feed polling against a
// Statuspage stand-in, correlation, alerts to a Slack stand-in, customer
// email through the outbox to a SendGrid stand-in, slash commands through
// the signed Slack endpoint. The store is a temporary SQLite file. Time is
// virtual: each ticket enters at its received_at, each status update is
// read at the first poll after it, scheduled jobs fire at their virtual
// times, and nothing waits on the wall clock. Labels never reach the
// service; they are only read to score the result.
func Run(ctx context.Context, in *Input, opt Options) (*Result, error) {
	log := opt.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	wallStart := time.Now()
	tickets := slices.Clone(in.Tickets)
	slices.SortStableFunc(tickets, func(a, b Ticket) int { return a.ReceivedAt.Compare(b.ReceivedAt) })
	start, end := in.bounds(tickets)

	var mu sync.Mutex
	now := start
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	setNow := func(t time.Time) {
		mu.Lock()
		if t.After(now) {
			now = t
		}
		mu.Unlock()
	}

	dir, err := os.MkdirTemp("", "stormdesk-replay-")
	if err != nil {
		return nil, fmt.Errorf("replay: %w", err)
	}
	defer os.RemoveAll(dir)

	// The stand-ins: the providers' status pages, the probes' target, the
	// ops channel and SendGrid.
	pages := httptest.NewServer(newStatusPages(in.Updates, clock))
	defer pages.Close()
	target := httptest.NewServer(probeTarget(in.ProbeFailures, clock))
	defer target.Close()
	chat := &recorder{now: clock}
	slackAPI := slacktest.NewTestServer(func(c slacktest.Customize) {
		c.Handle("/chat.postMessage", func(w http.ResponseWriter, r *http.Request) {
			r.ParseForm()
			n := chat.posted()
			json.NewEncoder(w).Encode(map[string]any{"ok": true, "channel": r.Form.Get("channel"), "ts": fmt.Sprintf("1700000000.%06d", n)})
		})
		c.Handle("/chat.update", func(w http.ResponseWriter, r *http.Request) {
			r.ParseForm()
			json.NewEncoder(w).Encode(map[string]any{"ok": true, "channel": r.Form.Get("channel"), "ts": r.Form.Get("ts")})
		})
		c.Handle("/response", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) })
	})
	slackAPI.Start()
	defer slackAPI.Stop()
	sendgrid := sendgridtest.New(nil)
	defer sendgrid.Close()

	// The service, built by the app as serve builds it, on defaults, with
	// the stand-ins for the outside world and the virtual clock.
	cfg, err := config.Load(nil)
	if err != nil {
		return nil, fmt.Errorf("replay: %w", err)
	}
	cfg.ProductName = cmp.Or(in.Product, cfg.ProductName)
	// One client posts every ticket of the replay: no rate limit.
	cfg.RateLimit = 0
	var users []string
	for _, a := range in.Actions {
		users = append(users, a.User)
	}
	cfg.Slack = config.Slack{SigningSecret: slackSecret, BotToken: "xoxb-replay", OpsChannel: "C0OPS", APIURL: slackAPI.GetAPIURL(), AllowedUsers: users}
	// The stand-in takes any key when it is given none.
	cfg.Email.APIKey, cfg.Email.URL, cfg.Email.From, cfg.Email.FromName = cmp.Or(sendgrid.APIKey, "replay-key"), sendgrid.URL, "status@stormdesk.example", cfg.ProductName+" support"
	cfg.Email.PublicURL, cfg.Email.UnsubscribeSecret = "https://stormdesk.example", "replay-unsubscribe-secret-0123"
	store, err := sqlite.Open(ctx, filepath.Join(dir, "replay.db"), start)
	if err != nil {
		return nil, err
	}
	defer store.Close()
	up := in.watching(pages.URL, target.URL)
	service, err := app.New(ctx, cfg, app.Deps{Now: clock, Log: log, Store: store, Upstream: up, UpstreamClient: target.Client(), Triage: opt.Triage,
		OwnFeedPolls: true,
		Posters: func(p map[string]notify.ChatPoster) map[string]notify.ChatPoster {
			chat.inner = p[bot.PlatformSlack]
			return map[string]notify.ChatPoster{bot.PlatformSlack: chat}
		}})
	if err != nil {
		return nil, err
	}
	defer service.Close()
	d := service.Desk
	// The outboxes are drained in virtual time, in the step that queued
	// their rows (the desk kicked their dispatcher).
	drain := func(disp *notify.Dispatcher, what string) error {
		for disp.Kicked() {
			for {
				st, err := disp.RunOnce(ctx)
				if err != nil {
					return fmt.Errorf("replay: %s: %w", what, err)
				}
				if st.Sent+st.Retried+st.Failed == 0 {
					break
				}
			}
		}
		return nil
	}
	drainChat := func() error { return drain(service.Chat, "chat posts") }
	api := httptest.NewServer(service.Handler)
	defer api.Close()

	// Periodic work, as serve schedules it, fired in virtual time.
	jobs := schedule.NewVirtual(log, start)
	jobs.SetNow = setNow
	if err := service.Schedule(jobs); err != nil {
		return nil, err
	}
	// A feed's payload changes only when an update is posted; serve's
	// polls in between find nothing new (a conditional GET, or the same
	// payload diffed to nothing). So a feed is polled at the first poll
	// slot after each update, which is what serve's next poll reads.
	polls := feedPolls(in.Updates, up, start)

	r := &runner{ctx: ctx, d: d, api: api.URL, slackResponse: slackAPI.GetAPIURL() + "response", ids: map[int64]string{}, joined: map[int64]time.Time{}, counts: map[int64]int{}}
	nextTicket, nextPoll, nextAction := 0, 0, 0
	for {
		t := end.Add(time.Nanosecond)
		if nextTicket < len(tickets) {
			t = minTime(t, tickets[nextTicket].ReceivedAt)
		}
		if nextPoll < len(polls) {
			t = minTime(t, polls[nextPoll].at)
		}
		if nextAction < len(in.Actions) {
			t = minTime(t, in.Actions[nextAction].At)
		}
		if n := jobs.Next(); !n.IsZero() {
			t = minTime(t, n)
		}
		if t.After(end) {
			break
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if err := jobs.RunDue(ctx, t); err != nil {
			return nil, err
		}
		setNow(t)
		changed := false
		for ; nextPoll < len(polls) && !polls[nextPoll].at.After(t); nextPoll++ {
			if _, err := d.PollFeed(ctx, polls[nextPoll].provider, false); err != nil {
				return nil, fmt.Errorf("replay: poll %s at %s: %w", polls[nextPoll].provider, t.Format(time.RFC3339), err)
			}
			changed = true
		}
		var batch []Ticket
		for ; nextTicket < len(tickets) && !tickets[nextTicket].ReceivedAt.After(t); nextTicket++ {
			batch = append(batch, tickets[nextTicket])
		}
		if len(batch) > 0 {
			if err := r.ingest(batch); err != nil {
				return nil, err
			}
			if _, err := d.TriagePending(ctx); err != nil {
				return nil, err
			}
			changed = true
			if err := drainChat(); err != nil {
				return nil, err
			}
			if opt.Progress != nil {
				opt.Progress(nextTicket, len(tickets))
			}
		}
		for ; nextAction < len(in.Actions) && !in.Actions[nextAction].At.After(t); nextAction++ {
			a := in.Actions[nextAction]
			if err := r.slash(a); err != nil {
				return nil, fmt.Errorf("replay: action %q at %s: %w", a.Command, a.At.Format(time.RFC3339), err)
			}
			changed = true
		}
		if err := drainChat(); err != nil {
			return nil, err
		}
		if err := drain(service.Email, "email"); err != nil {
			return nil, err
		}
		if changed || jobs.Next().Equal(t) {
			if err := r.trackJoins(); err != nil {
				return nil, err
			}
		}
	}
	// Whatever triage maintenance did in the last slot counts too.
	if err := r.trackJoins(); err != nil {
		return nil, err
	}
	res, err := collect(ctx, in, tickets, r, chat, sendgrid, store)
	if err != nil {
		return nil, err
	}
	if opt.Inspect != nil {
		if err := opt.Inspect(ctx, d); err != nil {
			return nil, fmt.Errorf("replay: inspect: %w", err)
		}
	}
	res.Start, res.End = start, end
	res.Scores = Score(res, tickets, in.Updates, opt.Background)
	if opt.Out != "" {
		if res.Files, err = writePostmortems(ctx, d, res, opt.Out, opt.Name); err != nil {
			return nil, err
		}
	}
	res.WallSeconds = time.Since(wallStart).Seconds()
	return res, nil
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

// bounds is the stretch of virtual time the replay covers.
func (in *Input) bounds(sorted []Ticket) (start, end time.Time) {
	start, end = in.Start, in.End
	var first, last time.Time
	see := func(t time.Time) {
		if first.IsZero() || t.Before(first) {
			first = t
		}
		if t.After(last) {
			last = t
		}
	}
	if len(sorted) > 0 {
		see(sorted[0].ReceivedAt)
		see(sorted[len(sorted)-1].ReceivedAt)
	}
	for _, u := range in.Updates {
		see(u.At)
	}
	for _, a := range in.Actions {
		see(a.At)
	}
	for _, p := range in.ProbeFailures {
		see(p.From)
		see(p.Until)
	}
	if start.IsZero() {
		start = first.Add(-time.Hour).Truncate(time.Hour)
	}
	if end.IsZero() {
		end = last.Add(time.Hour)
	}
	return start, end
}

// watching is the input's configuration with feeds and probes pointed at
// the stand-ins.
func (in *Input) watching(pagesURL, targetURL string) *upstream.Config {
	if in.Config == nil {
		return nil
	}
	c := *in.Config
	c.Dependencies = slices.Clone(c.Dependencies)
	for i := range c.Dependencies {
		d := &c.Dependencies[i]
		d.Feed = upstream.Feed{Kind: upstream.KindStatuspage, URL: pagesURL + "/" + url.PathEscape(d.Name) + "/api/v2/summary.json"}
		d.Interval = cmp.Or(d.Interval, upstream.DefaultInterval)
	}
	c.Probes = slices.Clone(c.Probes)
	for i := range c.Probes {
		c.Probes[i].URL = targetURL + "/" + url.PathEscape(c.Probes[i].Name)
	}
	return &c
}

type poll struct {
	at       time.Time
	provider string
}

// feedPolls lists when each dependency's feed is polled: at the first
// poll slot after each of its updates.
func feedPolls(updates []Update, cfg *upstream.Config, start time.Time) []poll {
	if cfg == nil {
		return nil
	}
	interval := map[string]time.Duration{}
	for _, d := range cfg.Dependencies {
		interval[d.Name] = d.Interval
	}
	seen := map[poll]bool{}
	var out []poll
	for _, u := range updates {
		iv, ok := interval[u.Provider]
		if !ok {
			continue
		}
		p := poll{at: pollAt(u.At, start, iv), provider: u.Provider}
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	slices.SortStableFunc(out, func(a, b poll) int {
		return cmp.Or(a.at.Compare(b.at), strings.Compare(a.provider, b.provider))
	})
	return out
}

// probeTarget answers a probe's check: an error inside its failing
// windows, the expected body outside them.
func probeTarget(windows []ProbeWindow, now func() time.Time) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/")
		t := now()
		for _, pw := range windows {
			if pw.Probe == name && !t.Before(pw.From) && t.Before(pw.Until) {
				http.Error(w, `{"error":"upstream timeout"}`, http.StatusBadGateway)
				return
			}
		}
		io.WriteString(w, `{"status":"ok"}`)
	})
}

// runner holds what the replay loop tracks about the service.
type runner struct {
	ctx           context.Context
	d             *desk.Service
	api           string
	slackResponse string
	ids           map[int64]string    // stored ticket id -> the input's id
	joined        map[int64]time.Time // ticket -> when it joined its incident
	counts        map[int64]int       // incident -> tickets when last looked
}

// apiTicket is the intake API's ticket shape.
type apiTicket struct {
	Source        string    `json:"source"`
	ExternalID    string    `json:"external_id"`
	CustomerEmail string    `json:"customer_email,omitempty"`
	CustomerName  string    `json:"customer_name,omitempty"`
	Organisation  string    `json:"organisation,omitempty"`
	Subject       string    `json:"subject"`
	Body          string    `json:"body,omitempty"`
	ReceivedAt    time.Time `json:"received_at"`
}

// ingest posts tickets to the intake API, as a helpdesk would: one
// request for the tickets of one virtual instant.
func (r *runner) ingest(batch []Ticket) error {
	items := make([]apiTicket, len(batch))
	for i, t := range batch {
		items[i] = apiTicket{Source: source(t.Source), ExternalID: t.ID, CustomerEmail: t.CustomerEmail, CustomerName: t.CustomerName,
			Organisation: t.Org, Subject: t.Subject, Body: t.Body, ReceivedAt: t.ReceivedAt}
		if !stormdesk.ValidEmail(strings.ToLower(strings.TrimSpace(items[i].CustomerEmail))) {
			items[i].CustomerEmail = "" // the intake API would refuse it; the ticket still counts
		}
	}
	body, _ := json.Marshal(items)
	resp, err := http.Post(r.api+"/api/v1/tickets", "application/json", strings.NewReader(string(body)))
	if err != nil {
		return fmt.Errorf("replay: intake: %w", err)
	}
	defer resp.Body.Close()
	var out struct {
		Tickets []stormdesk.Ticket `json:"tickets"`
		Error   *struct {
			Message string `json:"message"`
		} `json:"error"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return fmt.Errorf("replay: intake answered %s: %w", resp.Status, err)
	}
	if resp.StatusCode != http.StatusOK {
		msg := resp.Status
		if out.Error != nil {
			msg = out.Error.Message
		}
		return fmt.Errorf("replay: intake refused ticket %s at %s: %s", batch[0].ID, batch[0].ReceivedAt.Format(time.RFC3339), msg)
	}
	for i, t := range out.Tickets {
		r.ids[t.ID] = batch[i].ID
	}
	return nil
}

// trackJoins notes, for each incident whose ticket count changed, when
// its new tickets joined.
func (r *runner) trackJoins() error {
	incs, err := r.d.Incidents(r.ctx, stormdesk.IncidentFilter{})
	if err != nil {
		return err
	}
	now := r.d.Now().UTC()
	for _, inc := range incs {
		if inc.TicketCount == r.counts[inc.ID] {
			continue
		}
		r.counts[inc.ID] = inc.TicketCount
		var ts []*stormdesk.Ticket
		err := r.d.Store.View(r.ctx, func(tx stormdesk.Tx) (err error) {
			ts, err = tx.Tickets(r.ctx, stormdesk.TicketFilter{IncidentID: inc.ID, ByID: true})
			return err
		})
		if err != nil {
			return err
		}
		for _, t := range ts {
			if _, ok := r.joined[t.ID]; !ok {
				r.joined[t.ID] = now
			}
		}
	}
	return nil
}

// slash sends a signed Slack slash command to the real endpoint.
func (r *runner) slash(a Action) error {
	form := url.Values{"command": {"/incident"}, "text": {a.Command}, "user_id": {a.User}, "user_name": {strings.ToLower(a.User)}, "channel_id": {"C0OPS"},
		"team_id": {"T0REPLAY"}, "response_url": {r.slackResponse}, "trigger_id": {"replay"}}
	body := form.Encode()
	// Slack signs with the wall clock: the request is fresh whatever the
	// replay's virtual time.
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	mac := hmac.New(sha256.New, []byte(slackSecret))
	mac.Write([]byte("v0:" + ts + ":" + body))
	req, _ := http.NewRequestWithContext(r.ctx, "POST", r.api+"/slack/commands", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Slack-Request-Timestamp", ts)
	req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(resp.Body)
		return fmt.Errorf("status %d: %s", resp.StatusCode, b)
	}
	return nil
}

// recorder stands between the service and the Slack adapter and notes,
// at virtual time, every alert, approval request and reminder it posts.
type recorder struct {
	inner   notify.ChatPoster
	now     func() time.Time
	mu      sync.Mutex
	alerts  []Alert
	updates int
	posts   int
}

func (c *recorder) posted() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.posts++
	return c.posts
}

func (c *recorder) add(kind string, inc *stormdesk.Incident, text string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.alerts = append(c.alerts, Alert{At: c.now().UTC(), Kind: kind, Incident: inc.ID, Text: text})
}

func (c *recorder) Alert(ctx context.Context, inc *stormdesk.Incident, reason string) error {
	c.add("alert", inc, reason)
	return c.inner.Alert(ctx, inc, reason)
}

func (c *recorder) UpdateAlert(ctx context.Context, inc *stormdesk.Incident) error {
	c.mu.Lock()
	c.updates++
	c.mu.Unlock()
	return c.inner.UpdateAlert(ctx, inc)
}

func (c *recorder) AskApproval(ctx context.Context, inc *stormdesk.Incident, m *stormdesk.OutboundMessage) error {
	c.add("approval", inc, m.Template)
	return c.inner.AskApproval(ctx, inc, m)
}

func (c *recorder) Remind(ctx context.Context, inc *stormdesk.Incident, text string) error {
	c.add("reminder", inc, text)
	return c.inner.Remind(ctx, inc, text)
}

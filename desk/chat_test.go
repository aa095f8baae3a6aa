package desk_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"stormdesk"
	"stormdesk/bot"
	"stormdesk/bot/slack"
	"stormdesk/desk"
	"stormdesk/notify"
	"stormdesk/store/sqlstore"
	"stormdesk/upstream"
)

// slackStandIn speaks Slack's Web API wire format for chat.postMessage
// and chat.update on loopback. It answers the first posts with the
// statuses in fail (a 429 with Retry-After), then accepts.
type slackStandIn struct {
	mu         sync.Mutex
	fail       []int
	retryAfter string
	attempts   int          // chat.postMessage requests seen
	posts      []url.Values // accepted chat.postMessage forms
	updates    []url.Values // accepted chat.update forms
}

func (s *slackStandIn) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	r.ParseForm()
	s.mu.Lock()
	defer s.mu.Unlock()
	switch r.URL.Path {
	case "/api/chat.postMessage":
		s.attempts++
		if len(s.fail) > 0 {
			code := s.fail[0]
			s.fail = s.fail[1:]
			if code == http.StatusTooManyRequests {
				w.Header().Set("Retry-After", s.retryAfter)
			}
			http.Error(w, http.StatusText(code), code)
			return
		}
		s.posts = append(s.posts, r.Form)
		fmt.Fprintf(w, `{"ok":true,"channel":%q,"ts":"1773500000.%06d"}`, r.Form.Get("channel"), len(s.posts))
	case "/api/chat.update":
		s.updates = append(s.updates, r.Form)
		fmt.Fprintf(w, `{"ok":true,"channel":%q,"ts":%q}`, r.Form.Get("channel"), r.Form.Get("ts"))
	default:
		http.NotFound(w, r)
	}
}

func (s *slackStandIn) counts() (attempts, posts, updates int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.attempts, len(s.posts), len(s.updates)
}

// chatRig is a desk on SQLite whose alerts go through the outbox to the
// real Slack adapter and on to the stand-in; the test drives the
// dispatcher (RunOnce) on the desk's clock.
type chatRig struct {
	d     *desk.Service
	now   *time.Time
	slack *slackStandIn
	disp  func() *notify.Dispatcher // a dispatcher, as one replica has
}

func newChatRig(t *testing.T, sl *slackStandIn) *chatRig {
	t.Helper()
	srv := httptest.NewServer(sl)
	t.Cleanup(srv.Close)
	now := time.Date(2018, 11, 28, 15, 0, 0, 0, time.UTC)
	// A probe that fails, for raiseProbeIncident.
	probe := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "auth provider timeout", http.StatusBadGateway)
	}))
	t.Cleanup(probe.Close)
	cfg, err := upstream.LoadConfig(strings.NewReader(fmt.Sprintf("probes:\n  - name: login\n    url: %s/health\n    failures: 1\n    features: [login]\n", probe.URL)), "c.yaml")
	if err != nil {
		t.Fatal(err)
	}
	d := openTriage(t, t.TempDir()+"/c.db", &now, func(o *desk.Options) {
		o.Upstream = &desk.Upstream{Config: cfg, Fetcher: &upstream.Fetcher{}, ProbeClient: probe.Client()}
		o.Chat = &desk.Chat{Platforms: []string{bot.PlatformSlack}}
	})
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	st := d.Store.(*sqlstore.Store)
	core := bot.NewCore(d, bot.Policy{}, log)
	a, err := slack.New(slack.Config{SigningSecret: "8f742231b10e8888abcd99yyyzzz85a5", BotToken: "xoxb-test", OpsChannel: "COPS",
		APIURL: srv.URL + "/api/", Alerts: bot.StoreAlerts{Store: st, Platform: bot.PlatformSlack}, Replays: st}, core, log)
	if err != nil {
		t.Fatal(err)
	}
	r := &chatRig{d: d, now: &now, slack: sl}
	r.disp = func() *notify.Dispatcher {
		disp := notify.NewChatDispatcher(st.ChatOutbox(), &notify.Chat{Store: st, Posters: map[string]notify.ChatPoster{bot.PlatformSlack: a}})
		disp.Now, disp.Log = func() time.Time { return *r.now }, log
		return disp
	}
	return r
}

// raiseProbeIncident makes a failing probe raise an incident, whose alert
// is written to the outbox in the same transaction.
func (r *chatRig) raiseProbeIncident(t *testing.T) *stormdesk.Incident {
	t.Helper()
	if _, err := r.d.PollProbe(context.Background(), "login"); err != nil {
		t.Fatal(err)
	}
	incs, err := r.d.Incidents(context.Background(), stormdesk.IncidentFilter{})
	if err != nil || len(incs) != 1 {
		t.Fatalf("incidents: %v %v", incs, err)
	}
	return incs[0]
}

func runOnce(t *testing.T, disp *notify.Dispatcher) notify.Stats {
	t.Helper()
	st, err := disp.RunOnce(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// TestChatAlertRetriedAfter503ArrivesOnce: Slack answers the alert's
// first post with 503; the post goes back to the outbox, not to memory,
// and two replicas' dispatchers racing for it once it is due post it
// exactly once. Later changes of the incident edit that message.
func TestChatAlertRetriedAfter503ArrivesOnce(t *testing.T) {
	sl := &slackStandIn{fail: []int{http.StatusServiceUnavailable}}
	r := newChatRig(t, sl)
	inc := r.raiseProbeIncident(t)
	a, b := r.disp(), r.disp()
	if st := runOnce(t, a); st.Retried != 1 || st.Sent != 0 {
		t.Fatalf("first round: %+v, want the 503 retried", st)
	}
	if at, posts, _ := sl.counts(); at != 1 || posts != 0 {
		t.Fatalf("after the 503: %d attempts, %d posts", at, posts)
	}
	// Not due yet: nothing is sent again at once.
	if st := runOnce(t, b); st != (notify.Stats{}) {
		t.Fatalf("before the backoff ended: %+v", st)
	}
	*r.now = r.now.Add(notify.DefaultChatBackoffBase)
	var wg sync.WaitGroup
	for _, disp := range []*notify.Dispatcher{a, b} {
		wg.Go(func() { runOnce(t, disp) })
	}
	wg.Wait()
	if at, posts, _ := sl.counts(); at != 2 || posts != 1 {
		t.Fatalf("after the retry: %d attempts, %d posts; want 2 and 1", at, posts)
	}
	if got := sl.posts[0].Get("channel"); got != "COPS" {
		t.Errorf("posted to %q", got)
	}
	// The incident changes: its alert is edited in place, not posted again.
	if _, err := r.d.Acknowledge(context.Background(), inc.ID, "Ana", "slack:UANA"); err != nil {
		t.Fatal(err)
	}
	if _, err := r.d.SetStatus(context.Background(), inc.ID, stormdesk.StatusResolved, "fixed", "Ana", "slack:UANA"); err != nil {
		t.Fatal(err)
	}
	*r.now = r.now.Add(time.Minute)
	runOnce(t, a)
	runOnce(t, b)
	// Both changes waited in one update (it renders the incident when
	// sent), which edited the alert's message.
	_, posts, updates := sl.counts()
	if posts != 1 || updates != 1 {
		t.Fatalf("%d posts and %d updates, want the one alert edited once", posts, updates)
	}
	if u := sl.updates[0]; u.Get("ts") != "1773500000.000001" || !strings.Contains(u.Get("blocks"), "resolved") {
		t.Errorf("update: ts %q, blocks %s", u.Get("ts"), u.Get("blocks"))
	}
}

// TestChatAlertHonoursRetryAfter: a 429 holds the post, and every post
// of this dispatcher, until Slack's Retry-After has passed.
func TestChatAlertHonoursRetryAfter(t *testing.T) {
	sl := &slackStandIn{fail: []int{http.StatusTooManyRequests}, retryAfter: "30"}
	r := newChatRig(t, sl)
	r.raiseProbeIncident(t)
	disp := r.disp()
	if st := runOnce(t, disp); st.Retried != 1 {
		t.Fatalf("first round: %+v", st)
	}
	start := *r.now
	if p := disp.PausedUntil().Sub(start); p < 30*time.Second || p > 31*time.Second {
		t.Fatalf("paused for %v, want Retry-After (30 s) plus at most 1 s", p)
	}
	*r.now = start.Add(29 * time.Second)
	runOnce(t, disp)
	runOnce(t, r.disp()) // another replica respects the row's due time too
	if at, posts, _ := sl.counts(); at != 1 || posts != 0 {
		t.Fatalf("before Retry-After: %d attempts, %d posts; want 1 and 0", at, posts)
	}
	*r.now = start.Add(31 * time.Second)
	if st := runOnce(t, disp); st.Sent != 1 {
		t.Fatalf("after Retry-After: %+v", st)
	}
	if at, posts, _ := sl.counts(); at != 2 || posts != 1 {
		t.Fatalf("after Retry-After: %d attempts, %d posts; want 2 and 1", at, posts)
	}
}

// countingPoster counts alerts by incident.
type countingPoster struct {
	noPoster
	mu     sync.Mutex
	alerts map[int64]int
}

func (p *countingPoster) Alert(_ context.Context, inc *stormdesk.Incident, _ string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.alerts[inc.ID]++
	return nil
}

// TestChatPostsBeyondTheOldQueueAreKept: more alerts than the old
// in-memory queue held (1,024) raised at once, before any is sent, all
// arrive, each once.
func TestChatPostsBeyondTheOldQueueAreKept(t *testing.T) {
	const n = 1100
	d, _ := newService(t)
	ctx := context.Background()
	st := d.Store.(*sqlstore.Store)
	err := st.Update(ctx, func(tx stormdesk.Tx) error {
		for i := range n {
			inc := &stormdesk.Incident{Title: fmt.Sprint("incident ", i), Status: stormdesk.StatusTriage, Severity: stormdesk.SeverityMinor, CreatedAt: t0, UpdatedAt: t0}
			if err := tx.CreateIncident(ctx, inc); err != nil {
				return err
			}
			if _, err := tx.EnqueueChat(ctx, stormdesk.ChatPost{ID: fmt.Sprint("chat:alert:", inc.ID), IncidentID: inc.ID, Kind: stormdesk.ChatPostAlert, Text: "burst"},
				[]string{"test"}, t0); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	p := &countingPoster{alerts: map[int64]int{}}
	disp := notify.NewChatDispatcher(st.ChatOutbox(), &notify.Chat{Store: st, Posters: map[string]notify.ChatPoster{"test": p}})
	disp.Log = slog.New(slog.DiscardHandler)
	if s := runOnce(t, disp); s.Sent != n {
		t.Fatalf("sent %d of %d (%+v)", s.Sent, n, s)
	}
	if len(p.alerts) != n {
		t.Fatalf("%d incidents alerted, want %d", len(p.alerts), n)
	}
	for id, k := range p.alerts {
		if k != 1 {
			t.Fatalf("incident %d alerted %d times", id, k)
		}
	}
}

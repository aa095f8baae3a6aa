package desk_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"stormdesk"
	"stormdesk/desk"
	"stormdesk/upstream"
)

// statuspage serves a Statuspage summary.json whose incident the test walks
// through its life; broken makes it serve a truncated body.
type statuspage struct {
	mu      sync.Mutex
	updates []string // JSON incident_updates, newest first
	status  string
	updated string // the page's updated_at
	broken  bool
	polls   int
}

func (sp *statuspage) set(status, update, at string) {
	sp.mu.Lock()
	defer sp.mu.Unlock()
	sp.status, sp.updated = status, at
	if update != "" {
		sp.updates = append([]string{update}, sp.updates...)
	}
}

func spUpdate(id, status, body, at string) string {
	return fmt.Sprintf(`{"id":%q,"status":%q,"body":%q,"created_at":%q,"display_at":%q,"updated_at":%q}`, id, status, body, at, at, at)
}

func (sp *statuspage) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	sp.mu.Lock()
	defer sp.mu.Unlock()
	sp.polls++
	w.Header().Set("Content-Type", "application/json")
	incidents := "[]"
	if sp.status != "" && sp.status != "resolved" {
		incidents = fmt.Sprintf(`[{"id":"kx3m9z2p7q1w","name":"Elevated error rates","status":%q,"impact":"major","created_at":"2018-11-28T15:13:00Z",
"updated_at":"2018-11-28T16:35:00Z","started_at":"2018-11-28T15:13:00Z","resolved_at":null,"shortlink":"https://stspg.io/x","page_id":"p1",
"incident_updates":[%s],"components":[]}]`, sp.status, strings.Join(sp.updates, ","))
	}
	body := fmt.Sprintf(`{"page":{"id":"p1","name":"Auth0","url":"https://status.auth0.com","time_zone":"Etc/UTC","updated_at":%q},
"status":{"indicator":"major","description":"Partial System Outage"},"components":[],"incidents":%s,"scheduled_maintenances":[]}`, sp.updated, incidents)
	if sp.broken {
		body = body[:len(body)/2]
	}
	fmt.Fprint(w, body)
}

func TestUpstreamOutageRaisesAnIncidentBeforeTheTickets(t *testing.T) {
	ctx := context.Background()
	sp := &statuspage{updated: "2018-11-27T09:00:00Z"}
	spSrv := httptest.NewServer(sp)
	defer spSrv.Close()
	rss, err := os.ReadFile("../upstream/testdata/feeds/githubstatus_history.rss")
	if err != nil {
		t.Fatal(err)
	}
	rssSrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(rss)
	}))
	defer rssSrv.Close()
	var probeOK sync.Mutex
	healthy := true
	probeSrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		probeOK.Lock()
		defer probeOK.Unlock()
		if !healthy {
			http.Error(w, "auth provider timeout", http.StatusBadGateway)
			return
		}
		fmt.Fprint(w, `{"status":"ok"}`)
	}))
	defer probeSrv.Close()

	cfg, err := upstream.LoadConfig(strings.NewReader(fmt.Sprintf(`
dependencies:
  - name: auth0
    feed: {kind: statuspage, url: %s/api/v2/summary.json}
    features: [login, screenshare]
  - name: github
    feed: {kind: auto, url: %s/history.rss}
    features: [deploys]
probes:
  - name: login
    url: %s/health/login
    expect_body: '"ok"'
    failures: 3
    features: [login]
`, spSrv.URL, rssSrv.URL, probeSrv.URL)), "test.yaml")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2018, 11, 28, 15, 0, 0, 0, time.UTC)
	d := openTriage(t, t.TempDir()+"/u.db", &now, func(o *desk.Options) {
		o.Upstream = &desk.Upstream{Config: cfg, Fetcher: &upstream.Fetcher{Client: spSrv.Client()}, ProbeClient: probeSrv.Client()}
	})
	poll := func(name string) {
		t.Helper()
		if _, err := d.PollFeed(ctx, name, false); err != nil {
			t.Fatalf("poll %s: %v", name, err)
		}
	}
	incidents := func() []*stormdesk.Incident {
		incs, _ := d.Incidents(ctx, stormdesk.IncidentFilter{})
		return incs
	}

	// All quiet; GitHub's history holds only resolved incidents: events
	// are stored, nothing is raised.
	poll("auth0")
	poll("github")
	if n := len(incidents()); n != 0 {
		t.Fatalf("quiet feeds raised %d incidents", n)
	}

	// 15:13 the provider reports trouble: an upstream watch is raised at
	// once (ops are alerted; no customer is emailed).
	now = now.Add(15 * time.Minute)
	sp.set("investigating", spUpdate("u1", "investigating", "We are investigating elevated error rates and response times.", "2018-11-28T15:13:00Z"), "2018-11-28T15:13:00Z")
	poll("auth0")
	incs := incidents()
	if len(incs) != 1 || incs[0].LikelyCause != "auth0: Elevated error rates" || strings.Join(incs[0].Features, ",") != "login,screenshare" {
		t.Fatalf("after the upstream incident: %+v", incs)
	}
	inc := incs[0]
	if !inc.Watching() || inc.ConfirmedAt != nil {
		t.Fatalf("the upstream report alone should open a watch, not an incident: %+v", inc)
	}
	// A re-poll of the same payload changes nothing.
	poll("auth0")
	poll("auth0")
	// 16:35 identified.
	now = now.Add(80 * time.Minute)
	sp.set("identified", spUpdate("u2", "identified", "The issue has been identified and a fix is being implemented.", "2018-11-28T16:35:00Z"), "2018-11-28T16:35:00Z")
	poll("auth0")

	// 16:46 the first customers write in about the watched features:
	// three reports from three customers confirm the watch, which becomes
	// the incident, without waiting for a burst; a billing question stays
	// out.
	now = now.Add(11 * time.Minute)
	var login []*stormdesk.Ticket
	for i, subj := range []string{"Can't log in", "SSO error on sign-in", "Login page spins forever"} {
		tk := &stormdesk.Ticket{Subject: subj, CustomerEmail: fmt.Sprintf("c%d@example.com", i), ReceivedAt: now}
		if _, err := d.IngestTicket(ctx, tk); err != nil {
			t.Fatal(err)
		}
		login = append(login, tk)
	}
	billing := &stormdesk.Ticket{Subject: "Invoice address change", CustomerEmail: "bill@example.com", ReceivedAt: now}
	d.IngestTicket(ctx, billing)
	if _, err := d.TriagePending(ctx); err != nil {
		t.Fatal(err)
	}
	for _, tk := range login {
		if got, _ := d.Ticket(ctx, tk.ID); got.IncidentID != inc.ID {
			t.Errorf("ticket %q went to incident %d, want %d", tk.Subject, got.IncidentID, inc.ID)
		}
	}
	if got, _ := d.Ticket(ctx, billing.ID); got.IncidentID != 0 {
		t.Errorf("the billing ticket was pulled into incident %d", got.IncidentID)
	}

	// The login probe fails three times in a row: it joins the incident.
	probeOK.Lock()
	healthy = false
	probeOK.Unlock()
	for range 3 {
		now = now.Add(30 * time.Second)
		if _, err := d.PollProbe(ctx, "login"); err != nil {
			t.Fatal(err)
		}
	}
	probeOK.Lock()
	healthy = true
	probeOK.Unlock()
	now = now.Add(2 * time.Hour)
	d.PollProbe(ctx, "login")

	// A broken payload is survived and reported, then backed off.
	sp.mu.Lock()
	sp.broken = true
	sp.mu.Unlock()
	st, err := d.PollFeed(ctx, "auth0", false)
	if stormdesk.ErrorCode(err) != stormdesk.EUNAVAILABLE || st.State != stormdesk.WatchUnreadable || !strings.Contains(st.Reason, "unreadable") || st.Failures != 1 {
		t.Fatalf("broken feed: %v %+v", err, st)
	}
	before := sp.polls
	if _, err := d.PollFeed(ctx, "auth0", false); err != nil || sp.polls != before {
		t.Fatalf("a poll inside the backoff must be skipped (err %v, polls %d→%d)", err, before, sp.polls)
	}
	sp.mu.Lock()
	sp.broken = false
	sp.mu.Unlock()
	// 18:35 resolved: the incident disappears from summary.json.
	sp.set("resolved", "", "2018-11-28T18:35:00Z")
	if st, err := d.PollFeed(ctx, "auth0", true); err != nil || st.State != stormdesk.WatchOK {
		t.Fatalf("recovered feed: %v %+v", err, st)
	}

	es, _ := d.Timeline(ctx, inc.ID)
	var got []string
	for _, e := range es {
		got = append(got, e.At.Format("15:04")+" "+e.Kind+" "+e.Actor)
	}
	want := []string{
		"15:13 upstream auth0", // incident_opened (backfilled at the provider's time)
		"15:13 upstream auth0", // its first update
		"15:15 detected stormdesk",
		"16:35 upstream auth0", // the identified update
		"16:35 upstream auth0", // the status change
		"16:46 first_report c0@example.com",
		"16:46 detected stormdesk", // confirmed by the reports
		"16:46 report_count stormdesk",
		"16:47 probe login",
		"18:35 upstream auth0", // resolution, inferred from summary.json at the page's updated_at
		"18:47 probe login",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("timeline:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Exactly the real changes were stored, each once, however often the
	// feed was polled.
	d.Store.View(ctx, func(tx stormdesk.Tx) error {
		evs, _ := tx.UpstreamEvents(ctx, "auth0", "kx3m9z2p7q1w")
		var kinds []string
		for _, e := range evs {
			kinds = append(kinds, e.Kind)
		}
		if strings.Join(kinds, " ") != "incident_opened incident_update incident_update incident_status incident_resolved" {
			t.Errorf("stored events: %v", kinds)
		}
		states, _ := tx.WatchStates(ctx)
		if len(states) != 3 {
			t.Errorf("%d watch states, want auth0, github and the probe", len(states))
		}
		for _, st := range states {
			// kind: auto: the RSS history was told from its content and read.
			if st.Name == "github" && (st.Kind != "auto" || st.State != stormdesk.WatchOK) {
				t.Errorf("github (kind: auto): kind %q, state %q %s", st.Kind, st.State, st.Reason)
			}
		}
		return nil
	})
	if sp.polls < 7 {
		t.Errorf("the feed was polled %d times", sp.polls)
	}
}

// TestFeedValidatorsKeptBetweenPolls: the ETag and Last-Modified of a
// feed's answer are kept, opaque, in its watch state, so that the next
// poll is conditional and a 304 costs no payload; they stay out of the
// state's JSON.
func TestFeedValidatorsKeptBetweenPolls(t *testing.T) {
	ctx := context.Background()
	const etag, lastMod = `W/"v1"`, "Wed, 28 Nov 2018 15:00:00 GMT"
	var mu sync.Mutex
	var full, notModified int
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		if r.Header.Get("If-None-Match") == etag && r.Header.Get("If-Modified-Since") == lastMod {
			notModified++
			w.WriteHeader(http.StatusNotModified)
			return
		}
		full++
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lastMod)
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"page":{"id":"p1","name":"Auth0","updated_at":"2018-11-28T15:00:00Z"},"components":[],"incidents":[],"scheduled_maintenances":[]}`)
	}))
	defer srv.Close()
	cfg, err := upstream.LoadConfig(strings.NewReader(fmt.Sprintf("dependencies:\n  - name: auth0\n    feed: {kind: statuspage, url: %s/api/v2/summary.json}\n    features: [login]\n", srv.URL)), "test.yaml")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2018, 11, 28, 15, 0, 0, 0, time.UTC)
	d := openTriage(t, t.TempDir()+"/v.db", &now, func(o *desk.Options) {
		o.Upstream = &desk.Upstream{Config: cfg, Fetcher: &upstream.Fetcher{Client: srv.Client()}}
	})
	for range 2 {
		if st, err := d.PollFeed(ctx, "auth0", false); err != nil || st.State != stormdesk.WatchOK {
			t.Fatalf("poll: %v %+v", err, st)
		}
		now = now.Add(time.Minute)
	}
	mu.Lock()
	if full != 1 || notModified != 1 {
		t.Errorf("%d full answers and %d 304s, want 1 and 1", full, notModified)
	}
	mu.Unlock()
	states, err := d.WatchStates(ctx)
	if err != nil || len(states) != 1 {
		t.Fatalf("watch states: %v %v", states, err)
	}
	if v := upstream.DecodeValidators(states[0].Validators); v.ETag != etag || v.LastModified != lastMod {
		t.Errorf("kept validators %+v", v)
	}
	b, _ := json.Marshal(states[0])
	if s := string(b); strings.Contains(s, "etag") || strings.Contains(s, "valid") || strings.Contains(s, "v1") {
		t.Errorf("the validators leak into the state's JSON: %s", s)
	}
}

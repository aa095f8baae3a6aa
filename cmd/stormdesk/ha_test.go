package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"stormdesk/notify/sendgridtest"
	"stormdesk/store/postgres/pgtest"
)

// TestMain lets this test binary act as the stormdesk program, so the
// multi-process test runs real `stormdesk serve` processes without a
// separate build.
func TestMain(m *testing.M) {
	if os.Getenv("STORMDESK_TEST_AS_MAIN") == "1" {
		if v := os.Getenv("STORMDESK_TEST_RLIMIT_FSIZE"); v != "" {
			// The disk-full test: writes past this many bytes fail (EFBIG)
			// as they would on a full disk. Go ignores SIGXFSZ, so the
			// process lives on and sees the error.
			n, _ := strconv.ParseUint(v, 10, 64)
			if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: n, Max: n}); err != nil {
				fmt.Fprintln(os.Stderr, "setrlimit:", err)
				os.Exit(2)
			}
		}
		main()
		return
	}
	os.Exit(m.Run())
}

type replica struct {
	cmd    *exec.Cmd
	addr   string
	mu     sync.Mutex
	leader time.Time // when it logged that it leads
	logs   strings.Builder
}

var addrRE = regexp.MustCompile(`addr=(127\.0\.0\.1:\d+)`)

func startReplica(t *testing.T, dbURL string, env ...string) *replica {
	t.Helper()
	cmd := exec.Command(os.Args[0], "serve", "--listen", "127.0.0.1:0")
	cmd.Env = append(append(os.Environ(), "STORMDESK_TEST_AS_MAIN=1", "STORMDESK_DATABASE_URL="+dbURL, "STORMDESK_LOG_LEVEL=info"), env...)
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	r := &replica{cmd: cmd}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	ready := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			line := sc.Text()
			r.mu.Lock()
			r.logs.WriteString(line + "\n")
			if strings.Contains(line, "now the leader") && r.leader.IsZero() {
				r.leader = time.Now()
			}
			r.mu.Unlock()
			if m := addrRE.FindStringSubmatch(line); m != nil {
				select {
				case ready <- m[1]:
				default:
				}
			}
		}
	}()
	select {
	case r.addr = <-ready:
	case <-time.After(30 * time.Second):
		t.Fatalf("replica did not start:\n%s", r.logs.String())
	}
	return r
}

func (r *replica) leads() time.Time {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.leader
}

// TestReplicasShareOnePostgres runs three `stormdesk serve` processes on one
// Postgres, sends a storm of tickets to all of them, kills the leader with
// SIGKILL mid-storm, and checks that no ticket is lost, the burst is one
// incident (not one per replica), and a survivor takes over triage.
func TestReplicasShareOnePostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("multi-process test")
	}
	dbURL := pgtest.URL(t)
	// Outside world on loopback: a status page the leader polls every 5 s,
	// a fake SendGrid every replica's dispatcher sends to.
	feed := newHAFeed(t)
	sg := sendgridtest.New(t)
	sg.APIKey = "SG.ha-test"
	cfgPath := filepath.Join(t.TempDir(), "stormdesk.yaml")
	os.WriteFile(cfgPath, []byte(fmt.Sprintf("dependencies:\n  - name: auth0\n    feed: {kind: statuspage, url: %q}\n    features: [login]\n    interval: 5s\n    timeout: 2s\n", feed.URL+"/api/v2/summary.json")), 0o644)
	env := []string{"STORMDESK_CONFIG=" + cfgPath, "STORMDESK_RATE_LIMIT=0",
		"STORMDESK_SENDGRID_API_KEY=" + sg.APIKey, "STORMDESK_SENDGRID_URL=" + sg.URL, "STORMDESK_EMAIL_FROM=status@example.com",
		"STORMDESK_PUBLIC_URL=https://status.example.com", "STORMDESK_UNSUBSCRIBE_SECRET=ha-test-unsubscribe-secret",
		"STORMDESK_EMAIL_APPROVAL_THRESHOLD=off",
		"STORMDESK_SLACK_SIGNING_SECRET=" + haSlackSecret, "STORMDESK_SLACK_BOT_TOKEN=xoxb-ha", "STORMDESK_SLACK_API_URL=http://127.0.0.1:1/",
		"STORMDESK_SLACK_ALLOWED_USERS=UANA"}
	var rs []*replica
	for range 3 {
		rs = append(rs, startReplica(t, dbURL, env...))
	}
	post := func(r *replica, i int) (int, error) {
		body := fmt.Sprintf(`{"subject":%q,"customer_email":"u%d@example.com","external_id":"storm-%d"}`, loginPhrasesHA[i%len(loginPhrasesHA)], i, i)
		resp, err := http.Post("http://"+r.addr+"/api/v1/tickets", "application/json", strings.NewReader(body))
		if err != nil {
			return 0, err
		}
		resp.Body.Close()
		return resp.StatusCode, nil
	}
	// Find the leader: the worker on each replica asks at start.
	var leader *replica
	for deadline := time.Now().Add(20 * time.Second); leader == nil && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		for _, r := range rs {
			if !r.leads().IsZero() {
				leader = r
			}
		}
	}
	if leader == nil {
		t.Fatal("no replica became the leader")
	}
	postHistory(t, "http://"+leader.addr)
	var survivors []*replica
	for _, r := range rs {
		if r != leader {
			survivors = append(survivors, r)
		}
	}
	const n = 60
	for i := range n / 2 {
		if code, err := post(rs[i%3], i); err != nil || code != 201 {
			t.Fatalf("ticket %d: %d %v", i, code, err)
		}
	}
	// Once triage has opened the incident, acknowledge it from Slack on a
	// survivor: the acknowledged email is queued for its reporters and
	// every replica's dispatcher races to send it. The leader dies while
	// that is under way.
	incidentID := haWaitIncident(t, survivors[0], n/2, 30*time.Second)
	if code, body := haSlash(t, survivors[0], fmt.Sprintf("ack %d", incidentID)); code != 200 || !strings.Contains(body, "acknowledged incident") {
		t.Fatalf("ack from Slack: %d %s", code, body)
	}
	killedAt := time.Now()
	leader.cmd.Process.Signal(syscall.SIGKILL)
	for i := n / 2; i < n; i++ {
		if code, err := post(survivors[i%2], i); err != nil || code != 201 {
			t.Fatalf("ticket %d after the kill: %d %v", i, code, err)
		}
	}
	// A survivor takes over and triages everything: one incident holding
	// every ticket.
	haWaitIncident(t, survivors[0], n, 40*time.Second)
	var took time.Duration
	for _, r := range survivors {
		if at := r.leads(); !at.IsZero() {
			took = at.Sub(killedAt)
		}
	}
	if took <= 0 {
		t.Fatal("no survivor logged that it leads")
	}
	t.Logf("takeover after SIGKILL of the leader: %v", took.Round(time.Millisecond))
	// Polling resumed on the new leader.
	if !feed.polledAfter(killedAt, 20*time.Second) {
		t.Fatal("the status page was not polled again after the leader died")
	}
	t.Logf("status page polled again %v after the kill (interval 5 s)", feed.firstAfter(killedAt).Sub(killedAt).Round(time.Millisecond))
	// No ticket lost: every external id came back.
	for i := range n {
		resp, err := http.Get(fmt.Sprintf("http://%s/api/v1/tickets/%d", survivors[1].addr, i+1))
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("ticket %d: %v %v", i+1, err, resp.Status)
		}
		resp.Body.Close()
	}
	// Every reporter gets the acknowledged email exactly once: the early
	// ones from the queue the replicas raced over, the late ones as they
	// join the incident; a recipient whose batch was in flight on the
	// killed replica may be recorded in doubt instead (at most once), but
	// nobody gets it twice.
	if d := sg.Duplicates(); len(d) > 0 {
		t.Fatalf("emails sent twice: %v", d)
	}
	for deadline := time.Now().Add(40 * time.Second); ; time.Sleep(200 * time.Millisecond) {
		got := map[string]int{}
		for p, c := range sg.Recipients() {
			got[p.Email] += c
		}
		inDoubt := haInDoubt(t, dbURL)
		if len(got)+inDoubt == n {
			t.Logf("acknowledged email: %d customers got it once, %d in doubt (their batch was with the killed replica)", len(got), inDoubt)
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d customers got the acknowledged email (%d in doubt)", len(got), n, inDoubt)
		}
	}
	if d := sg.Duplicates(); len(d) > 0 {
		t.Fatalf("emails sent twice: %v", d)
	}
}

const haSlackSecret = "ha-test-slack-signing-secret-0123"

// haSlash sends a signed /incident command to a replica.
func haSlash(t *testing.T, r *replica, text string) (int, string) {
	t.Helper()
	return signedSlash(t, "http://"+r.addr, "UANA", text, haSlackSecret)
}

// haWaitIncident waits until exactly one incident holds want tickets and
// returns its id.
func haWaitIncident(t *testing.T, r *replica, want int, within time.Duration) int64 {
	t.Helper()
	var incs []map[string]any
	for deadline := time.Now().Add(within); ; time.Sleep(100 * time.Millisecond) {
		resp, err := http.Get("http://" + r.addr + "/api/v1/incidents")
		if err != nil {
			t.Fatal(err)
		}
		var out struct{ Incidents []map[string]any }
		json.NewDecoder(resp.Body).Decode(&out)
		resp.Body.Close()
		incs = out.Incidents
		if len(incs) == 1 && incs[0]["ticket_count"] == float64(want) {
			return int64(incs[0]["id"].(float64))
		}
		if time.Now().After(deadline) {
			t.Fatalf("incidents: %v, want one with %d tickets", incs, want)
		}
	}
}

// haInDoubt counts outbox rows a dead dispatcher left with SendGrid.
func haInDoubt(t *testing.T, dbURL string) int {
	t.Helper()
	ctx := context.Background()
	c, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	var k int
	if err := c.QueryRow(ctx, `SELECT count(*) FROM outbox WHERE state IN ('sending', 'failed')`).Scan(&k); err != nil {
		t.Fatal(err)
	}
	return k
}

// haFeed is a Statuspage summary.json that records when it was polled.
type haFeed struct {
	*httptest.Server
	mu    sync.Mutex
	polls []time.Time
}

func newHAFeed(t *testing.T) *haFeed {
	f := &haFeed{}
	summary, err := os.ReadFile("../../upstream/testdata/feeds/discordstatus_summary.json")
	if err != nil {
		t.Fatal(err)
	}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		f.polls = append(f.polls, time.Now())
		f.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.Write(summary)
	}))
	t.Cleanup(f.Close)
	return f
}

func (f *haFeed) firstAfter(at time.Time) time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, p := range f.polls {
		if p.After(at) {
			return p
		}
	}
	return time.Time{}
}

func (f *haFeed) polledAfter(at time.Time, within time.Duration) bool {
	for deadline := time.Now().Add(within); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if !f.firstAfter(at).IsZero() {
			return true
		}
	}
	return false
}

var loginPhrasesHA = []string{"Can't log in", "Unable to sign in", "Login page broken", "SSO error on login", "cannot log in at all",
	"sign-in page spins", "login fails with authentication error", "I can't login", "login not working", "can't sign in to the app"}

// haChatRow reads the state and attempt count of the alert's chat row
// ("" when there is none yet).
func haChatRow(t *testing.T, dbURL string) (state string, attempts int) {
	t.Helper()
	ctx := context.Background()
	c, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	err = c.QueryRow(ctx, `SELECT o.state, o.attempts FROM outbox o JOIN outbox_messages m ON m.message_id = o.message_id
WHERE m.channel = 'chat' AND m.template = 'alert'`).Scan(&state, &attempts)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", 0
	}
	if err != nil {
		t.Fatal(err)
	}
	return state, attempts
}

// TestChatAlertSurvivesLeaderKill: the leader commits an incident and
// its alert; the alert's first post is refused (Slack 429, Retry-After
// 2 s), so it is committed and not posted when the leader is SIGKILLed.
// The surviving replica posts it once the Retry-After has passed: it
// arrives exactly once.
func TestChatAlertSurvivesLeaderKill(t *testing.T) {
	if testing.Short() {
		t.Skip("multi-process test")
	}
	dbURL := pgtest.URL(t)
	var mu sync.Mutex
	attempts, posts := 0, 0
	slackAPI := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.ParseForm()
		mu.Lock()
		defer mu.Unlock()
		switch r.URL.Path {
		case "/api/chat.postMessage":
			attempts++
			if attempts == 1 {
				w.Header().Set("Retry-After", "2")
				http.Error(w, "rate limited", http.StatusTooManyRequests)
				return
			}
			posts++
			fmt.Fprintf(w, `{"ok":true,"channel":%q,"ts":"1773500000.%06d"}`, r.Form.Get("channel"), posts)
		case "/api/chat.update":
			fmt.Fprintf(w, `{"ok":true,"channel":%q,"ts":%q}`, r.Form.Get("channel"), r.Form.Get("ts"))
		default:
			http.NotFound(w, r)
		}
	}))
	defer slackAPI.Close()
	env := []string{"STORMDESK_RATE_LIMIT=0", "STORMDESK_SLACK_SIGNING_SECRET=" + haSlackSecret, "STORMDESK_SLACK_BOT_TOKEN=xoxb-ha",
		"STORMDESK_SLACK_API_URL=" + slackAPI.URL + "/api/", "STORMDESK_SLACK_OPS_CHANNEL=COPS"}
	rs := []*replica{startReplica(t, dbURL, env...), startReplica(t, dbURL, env...)}
	var leader, survivor *replica
	for deadline := time.Now().Add(20 * time.Second); leader == nil; time.Sleep(50 * time.Millisecond) {
		for i, r := range rs {
			if !r.leads().IsZero() {
				leader, survivor = r, rs[1-i]
			}
		}
		if leader == nil && time.Now().After(deadline) {
			t.Fatal("no replica became the leader")
		}
	}
	postHistory(t, "http://"+leader.addr)
	const n = 30
	for i := range n {
		body := fmt.Sprintf(`{"subject":%q,"customer_email":"u%d@example.com","external_id":"storm-%d"}`, loginPhrasesHA[i%len(loginPhrasesHA)], i, i)
		resp, err := http.Post("http://"+leader.addr+"/api/v1/tickets", "application/json", strings.NewReader(body))
		if err != nil || resp.StatusCode != 201 {
			t.Fatalf("ticket %d: %v %v", i, resp, err)
		}
		resp.Body.Close()
	}
	haWaitIncident(t, leader, n, 30*time.Second)
	// The alert is committed; wait until its refused first post is back
	// in the outbox (pending, one attempt), then kill the leader.
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if state, tries := haChatRow(t, dbURL); state == "pending" && tries == 1 {
			break
		}
		if time.Now().After(deadline) {
			state, tries := haChatRow(t, dbURL)
			t.Fatalf("the alert's first post was not refused and requeued: row %q, %d attempts", state, tries)
		}
	}
	leader.cmd.Process.Signal(syscall.SIGKILL)
	leader.cmd.Wait()
	mu.Lock()
	before := posts
	mu.Unlock()
	if before != 0 {
		t.Fatalf("%d posts before the kill, want none", before)
	}
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if state, _ := haChatRow(t, dbURL); state == "sent" {
			break
		}
		if time.Now().After(deadline) {
			state, tries := haChatRow(t, dbURL)
			survivor.mu.Lock()
			logs := survivor.logs.String()
			survivor.mu.Unlock()
			t.Fatalf("the alert was not delivered after the leader died: row %q, %d attempts\n%s", state, tries, logs)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if posts != 1 || attempts != 2 {
		t.Fatalf("Slack saw %d post attempts and accepted %d alerts; want 2 and exactly 1", attempts, posts)
	}
	t.Logf("leader SIGKILLed with the alert committed and not posted: the survivor posted it once (%d attempts in all)", attempts)
}

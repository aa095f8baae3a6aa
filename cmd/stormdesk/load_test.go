package main

// Load benchmarks (issue 9): a load generator on loopback that drives
// ticket intake and signed Slack slash commands together against real
// `stormdesk serve` processes (this test binary acting as the program, see
// TestMain) sharing one PostgreSQL schema.
//
//	go test ./cmd/stormdesk -run '^$' -bench 'ReplicasIngest|SlashUnderStorm' -benchtime 300x
//
// They report numbers and never assert on timings. Each benchmark round
// (each b.N) starts its replicas on a fresh schema, so every measurement
// starts from the same state; the start is kept off the timer.

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"stormdesk/store/postgres/pgtest"
)

const (
	lgSlackSecret = "load-test-signing-secret-0f3c9a7e"
	lgSlackUser   = "UANA"

	// BenchmarkReplicasIngest: closed-loop clients.
	lgIngestClients = 32
	lgIngestSlash   = 4

	// BenchmarkSlashUnderStorm: the open-loop storm and the slash clients.
	lgStormRate     = 1000 // tickets per second
	lgStormInFlight = 256  // storm requests in flight at most; more are dropped
	lgStormWarmup   = time.Second
	lgStormSlash    = 8
)

// lgEnv is what every replica runs with besides its database: Slack on
// (signed commands, nothing answers its Web API, no ops channel so no
// alerts) and no per-client rate limit, since the load generator is one
// client address.
var lgEnv = []string{
	"STORMDESK_SLACK_SIGNING_SECRET=" + lgSlackSecret,
	"STORMDESK_SLACK_BOT_TOKEN=xoxb-load-test",
	"STORMDESK_SLACK_ALLOWED_USERS=" + lgSlackUser,
	"STORMDESK_SLACK_API_URL=http://127.0.0.1:1/",
	"STORMDESK_RATE_LIMIT=0",
}

var lgAddrRE = regexp.MustCompile(`addr=(127\.0\.0\.1:\d+)`)

// lgReplica is one `stormdesk serve` process. Its stderr is consumed line
// by line as it comes (so it never blocks on a full pipe); warnings,
// errors and logged 5xx answers are counted and a few kept as evidence.
type lgReplica struct {
	cmd    *exec.Cmd
	addr   string
	exited chan struct{} // closed when the process has exited
	err    error         // its exit status, once exited is closed

	mu       sync.Mutex
	partial  []byte
	addrCh   chan string
	tail     []string // the last lines of its log
	warnings int      // level=WARN lines
	errors   int      // level=ERROR lines
	http5xx  int      // "http request" lines with a 5xx status
	samples  []string // the first few WARN/ERROR/5xx lines
}

func (r *lgReplica) Write(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.partial = append(r.partial, p...)
	for {
		i := slices.Index(r.partial, '\n')
		if i < 0 {
			break
		}
		r.line(string(r.partial[:i]))
		r.partial = r.partial[i+1:]
	}
	if len(r.partial) > 64<<10 { // a runaway line: keep the log flowing
		r.line(string(r.partial))
		r.partial = r.partial[:0]
	}
	return len(p), nil
}

// line handles one log line; r.mu is held.
func (r *lgReplica) line(l string) {
	if len(r.tail) == 40 {
		r.tail = slices.Delete(r.tail, 0, 1)
	}
	r.tail = append(r.tail, l)
	notable := false
	switch {
	case strings.Contains(l, "level=ERROR"):
		r.errors++
		notable = true
	case strings.Contains(l, "level=WARN"):
		r.warnings++
		notable = true
	}
	if strings.Contains(l, `msg="http request"`) && strings.Contains(l, " status=5") {
		r.http5xx++
		notable = true
	}
	if notable && len(r.samples) < 5 {
		r.samples = append(r.samples, l)
	}
	if r.addrCh != nil {
		if m := lgAddrRE.FindStringSubmatch(l); m != nil {
			r.addrCh <- m[1]
			r.addrCh = nil
		}
	}
}

func (r *lgReplica) logs() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return strings.Join(r.tail, "\n")
}

// startReplicaTB starts `stormdesk serve` on 127.0.0.1:0 against dbURL
// with lgEnv-style extra variables, waits for its address, and kills it
// when tb ends.
func startReplicaTB(tb testing.TB, dbURL string, env ...string) *lgReplica {
	tb.Helper()
	r := &lgReplica{exited: make(chan struct{}), addrCh: make(chan string, 1)}
	addrCh := r.addrCh
	r.cmd = exec.Command(os.Args[0], "serve", "--listen", "127.0.0.1:0")
	r.cmd.Env = append(append(os.Environ(), "STORMDESK_TEST_AS_MAIN=1", "STORMDESK_DATABASE_URL="+dbURL, "STORMDESK_LOG_LEVEL=info"), env...)
	r.cmd.Stdout = io.Discard
	r.cmd.Stderr = r // exec copies the pipe into r until the process exits
	if err := r.cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	go func() {
		r.err = r.cmd.Wait()
		close(r.exited)
	}()
	tb.Cleanup(func() {
		_ = r.cmd.Process.Kill()
		<-r.exited
	})
	select {
	case r.addr = <-addrCh:
	case <-r.exited:
		tb.Fatalf("replica exited before listening (%v):\n%s", r.err, r.logs())
	case <-time.After(30 * time.Second):
		tb.Fatalf("replica did not start:\n%s", r.logs())
	}
	return r
}

// lgCluster is n replicas on one fresh schema and the HTTP client that
// drives them.
type lgCluster struct {
	reps     []*lgReplica
	client   *http.Client
	run      string       // unique per cluster: external ids and note texts
	seq      atomic.Int64 // slash commands sent (each body must differ)
	notes    atomic.Int64 // notes sent
	incident int64        // the declared incident notes go to
}

// lgStart starts n replicas (with env besides lgEnv) on a fresh schema
// and declares an incident.
func lgStart(b *testing.B, n int, env ...string) *lgCluster {
	b.Helper()
	dbURL := pgtest.URL(b)
	tr := &http.Transport{MaxIdleConns: 1024, MaxIdleConnsPerHost: 512, IdleConnTimeout: time.Minute, DisableCompression: true}
	b.Cleanup(tr.CloseIdleConnections)
	rnd := make([]byte, 4)
	_, _ = rand.Read(rnd)
	c := &lgCluster{client: &http.Client{Transport: tr, Timeout: 30 * time.Second}, run: "load-" + hex.EncodeToString(rnd)}
	for range n {
		c.reps = append(c.reps, startReplicaTB(b, dbURL, append(slices.Clone(lgEnv), env...)...))
	}
	for _, r := range c.reps {
		c.waitReady(b, r)
	}
	code, reply, _, err := c.slash(c.reps[0], "declare Load test")
	if err != nil || code != http.StatusOK {
		b.Fatalf("declare: %d %v %s", code, err, reply)
	}
	m := regexp.MustCompile(`incident #(\d+)`).FindStringSubmatch(reply)
	if m == nil {
		b.Fatalf("declare did not name an incident: %s", reply)
	}
	c.incident, _ = strconv.ParseInt(m[1], 10, 64)
	return c
}

func (c *lgCluster) waitReady(b *testing.B, r *lgReplica) {
	b.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := c.client.Get("http://" + r.addr + "/readyz")
		if err == nil {
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		if time.Now().After(deadline) {
			b.Fatalf("replica %s not ready (%v):\n%s", r.addr, err, r.logs())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// report logs what the replicas logged that deserves a look, and fails
// if one died.
func (c *lgCluster) report(b *testing.B) {
	b.Helper()
	for i, r := range c.reps {
		select {
		case <-r.exited:
			b.Fatalf("replica %d (%s) exited during the run: %v\n%s", i, r.addr, r.err, r.logs())
		default:
		}
		r.mu.Lock()
		if r.warnings+r.errors+r.http5xx > 0 {
			b.Logf("replica %d (%s) logged %d warnings, %d errors, %d 5xx answers; first ones:\n%s",
				i, r.addr, r.warnings, r.errors, r.http5xx, strings.Join(r.samples, "\n"))
		}
		r.mu.Unlock()
	}
}

// Ticket subjects: some say the login is down (triage should group them),
// most are the usual varied background.
var (
	lgLoginPhrases = []string{"Can't log in", "Unable to sign in", "Login page broken", "SSO error on login",
		"cannot log in at all", "sign-in page spins forever", "login fails with authentication error", "I can't login",
		"login not working since this morning", "can't sign in to the app"}
	lgBackground = []string{
		"Invoice %d shows the wrong VAT number", "How do I export my reports to CSV (account %d)",
		"Please cancel subscription %d at the end of the month", "Password reset email for user %d never arrived",
		"Feature request: dark mode for dashboard %d", "Question about pricing for %d seats",
		"Refund for order %d please", "Change the billing address on account %d", "API rate limit question from team %d",
		"Mobile app crashes when opening project %d", "Webhook %d delivers duplicate events",
		"How to add a teammate to workspace %d", "Upgrade plan for organisation %d", "Timezone wrong in report %d",
		"Data import of file %d stuck at 90%%", "Where can I download receipt %d", "GDPR data deletion request %d",
		"Slow search results in project %d", "Calendar sync with Outlook fails for user %d", "Typo in email template %d",
	}
	lgDetails = []string{"since yesterday", "after the last update", "on Firefox", "on the iPhone app", "for the whole team",
		"only sometimes", "urgent please", "thanks in advance", "see screenshot", "again"}
)

func lgTicketBody(run string, i int64) string {
	var subject string
	if i%8 == 0 {
		subject = lgLoginPhrases[(i/8)%int64(len(lgLoginPhrases))]
	} else {
		subject = fmt.Sprintf(lgBackground[i%int64(len(lgBackground))], 1000+i%977) + " " + lgDetails[(i/3)%int64(len(lgDetails))]
	}
	return fmt.Sprintf(`{"subject":%q,"external_id":"%s-%d","customer_email":"c%d@example.com"}`, subject, run, i, i%5000)
}

// ticket posts ticket i to r; ok means 201 Created.
func (c *lgCluster) ticket(r *lgReplica, i int64) (lat time.Duration, ok bool) {
	start := time.Now()
	resp, err := c.client.Post("http://"+r.addr+"/api/v1/tickets", "application/json", strings.NewReader(lgTicketBody(c.run, i)))
	if err != nil {
		return time.Since(start), false
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return time.Since(start), resp.StatusCode == http.StatusCreated
}

// slash sends a signed /incident command to r and returns the status and
// reply body and how long Slack would have waited for them.
func (c *lgCluster) slash(r *lgReplica, text string) (int, string, time.Duration, error) {
	req := slackCommand("http://"+r.addr, lgSlackSecret, lgSlackUser, text, c.run+"."+strconv.FormatInt(c.seq.Add(1), 10))
	start := time.Now()
	resp, err := c.client.Do(req)
	if err != nil {
		return 0, "", time.Since(start), err
	}
	reply, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp.StatusCode, string(reply), time.Since(start), err
}

// lgSlashStats collects slash-command outcomes.
type lgSlashStats struct {
	lat      lgLatencies
	errors   atomic.Int64 // transport errors and non-2xx answers
	notAdded atomic.Int64 // 2xx without "Note added": busy, or deferred past the ack budget
}

// note sends one `note` command to r and records it.
func (c *lgCluster) note(r *lgReplica, st *lgSlashStats) {
	code, reply, lat, err := c.slash(r, fmt.Sprintf("note %d load note %d", c.incident, c.notes.Add(1)))
	st.lat.add(lat)
	switch {
	case err != nil || code < 200 || code > 299:
		st.errors.Add(1)
	case !strings.Contains(reply, "Note added"):
		st.notAdded.Add(1)
	}
}

func (st *lgSlashStats) reportTo(b *testing.B) {
	if st.lat.len() > 0 {
		b.ReportMetric(st.lat.ms(0.50), "slash-p50-ms")
		b.ReportMetric(st.lat.ms(0.99), "slash-p99-ms")
	}
	b.ReportMetric(float64(st.lat.len()), "slash-n")
	b.ReportMetric(float64(st.errors.Load()), "slash-errors")
	b.ReportMetric(float64(st.notAdded.Load()), "slash-not-added")
}

// lgLatencies is a concurrent list of latencies with quantiles.
type lgLatencies struct {
	mu sync.Mutex
	d  []time.Duration
}

func (l *lgLatencies) add(d time.Duration) {
	l.mu.Lock()
	l.d = append(l.d, d)
	l.mu.Unlock()
}

func (l *lgLatencies) len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.d)
}

// ms is the p-quantile in milliseconds (0 when empty).
func (l *lgLatencies) ms(p float64) float64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.d) == 0 {
		return 0
	}
	slices.Sort(l.d)
	return float64(l.d[min(len(l.d)-1, int(p*float64(len(l.d))))].Microseconds()) / 1000
}

// BenchmarkReplicasIngest measures closed-loop single-ticket intake by 32
// clients spread round-robin over 1 and 3 replicas on one PostgreSQL,
// while 4 other clients send signed /incident note commands until the
// tickets are done: tickets/s, ticket and slash p50/p99.
func BenchmarkReplicasIngest(b *testing.B) {
	if testing.Short() {
		b.Skip("load benchmark: starts real `stormdesk serve` processes on PostgreSQL; skipped under -short")
	}
	for _, n := range []int{1, 3} {
		b.Run(fmt.Sprintf("replicas=%d", n), func(b *testing.B) { benchReplicasIngest(b, n) })
	}
}

func benchReplicasIngest(b *testing.B, replicas int) {
	b.StopTimer()
	c := lgStart(b, replicas)
	var (
		tickets  lgLatencies
		failed   atomic.Int64
		next     atomic.Int64
		slashes  lgSlashStats
		done     = make(chan struct{})
		tw, sw   sync.WaitGroup
		slashSeq atomic.Int64
	)
	for range lgIngestSlash {
		sw.Go(func() {
			for {
				select {
				case <-done:
					return
				default:
				}
				c.note(c.reps[int(slashSeq.Add(1))%replicas], &slashes)
			}
		})
	}
	b.StartTimer()
	start := time.Now()
	for range lgIngestClients {
		tw.Go(func() {
			for {
				i := next.Add(1)
				if i > int64(b.N) {
					return
				}
				lat, ok := c.ticket(c.reps[int(i)%replicas], i)
				tickets.add(lat)
				if !ok {
					failed.Add(1)
				}
			}
		})
	}
	tw.Wait()
	elapsed := time.Since(start)
	b.StopTimer()
	close(done)
	sw.Wait()
	c.report(b)
	if n := failed.Load(); n > 0 {
		b.Fatalf("%d of %d tickets were not created (non-201 answer or no answer)", n, b.N)
	}
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "tickets/s")
	b.ReportMetric(tickets.ms(0.50), "ticket-p50-ms")
	b.ReportMetric(tickets.ms(0.99), "ticket-p99-ms")
	slashes.reportTo(b)
}

// BenchmarkSlashUnderStorm measures how long Slack waits for a signed
// /incident note (8 concurrent clients, b.N commands) while an open-loop
// storm of 1,000 tickets/s is spread over 1 and 3 replicas: slash p50/p99,
// the storm rate achieved, its p99, and the storm sends dropped because
// 256 were already in flight.
func BenchmarkSlashUnderStorm(b *testing.B) {
	if testing.Short() {
		b.Skip("load benchmark: starts real `stormdesk serve` processes on PostgreSQL; skipped under -short")
	}
	for _, n := range []int{1, 3} {
		b.Run(fmt.Sprintf("replicas=%d", n), func(b *testing.B) { benchSlashUnderStorm(b, n) })
	}
}

// lgStorm is an open-loop sender: one request is due every 1/rate
// seconds whatever the answers do; a due request that finds inFlight
// already in flight is dropped and counted. The ticket storm is one; the
// status page's readers (statusload_test.go) are another.
type lgStorm struct {
	stop      chan struct{}
	loop      sync.WaitGroup // the pacing goroutine
	inFlight  sync.WaitGroup // the requests
	sem       chan struct{}
	measuring atomic.Bool // record only requests started while set
	lat       lgLatencies
	ok        atomic.Int64
	failed    atomic.Int64
	dropped   atomic.Int64
}

// startStorm starts the ticket storm: lgStormRate tickets per second
// spread over the replicas.
func (c *lgCluster) startStorm() *lgStorm {
	return startOpenLoop(lgStormRate, lgStormInFlight, func(i int64) (time.Duration, bool) {
		return c.ticket(c.reps[int(i)%len(c.reps)], i)
	})
}

// startOpenLoop sends send(1), send(2), … at rate per second, at most
// inFlight at once; send reports its latency and whether it succeeded.
func startOpenLoop(rate, inFlight int, send func(i int64) (time.Duration, bool)) *lgStorm {
	s := &lgStorm{stop: make(chan struct{}), sem: make(chan struct{}, inFlight)}
	s.loop.Go(func() {
		interval := time.Second / time.Duration(rate)
		tick := time.NewTicker(interval)
		defer tick.Stop()
		start := time.Now()
		var sent int64
		for {
			select {
			case <-s.stop:
				return
			case <-tick.C:
			}
			// The ticker drops ticks when this loop is late; send every
			// request that is due by now, so the offered rate holds.
			for due := int64(time.Since(start) / interval); sent < due; {
				sent++
				i := sent
				measured := s.measuring.Load()
				select {
				case s.sem <- struct{}{}:
				default:
					if measured {
						s.dropped.Add(1)
					}
					continue
				}
				s.inFlight.Go(func() {
					defer func() { <-s.sem }()
					lat, ok := send(i)
					if !measured {
						return
					}
					s.lat.add(lat)
					if ok {
						s.ok.Add(1)
					} else {
						s.failed.Add(1)
					}
				})
			}
		}
	})
	return s
}

func (s *lgStorm) halt() {
	close(s.stop)
	s.loop.Wait()
	s.inFlight.Wait()
}

func benchSlashUnderStorm(b *testing.B, replicas int) {
	b.StopTimer()
	c := lgStart(b, replicas)
	storm := c.startStorm()
	stopped := false
	b.Cleanup(func() {
		if !stopped {
			storm.halt()
		}
	})
	time.Sleep(lgStormWarmup) // let the storm reach its pace before measuring
	var (
		slashes lgSlashStats
		next    atomic.Int64
		wg      sync.WaitGroup
	)
	storm.measuring.Store(true)
	b.StartTimer()
	start := time.Now()
	for range lgStormSlash {
		wg.Go(func() {
			for {
				i := next.Add(1)
				if i > int64(b.N) {
					return
				}
				c.note(c.reps[int(i)%replicas], &slashes)
			}
		})
	}
	wg.Wait()
	window := time.Since(start)
	b.StopTimer()
	storm.measuring.Store(false)
	storm.halt()
	stopped = true
	c.report(b)
	slashes.reportTo(b)
	b.ReportMetric(float64(storm.ok.Load())/window.Seconds(), "storm-tickets/s")
	b.ReportMetric(storm.lat.ms(0.50), "storm-p50-ms")
	b.ReportMetric(storm.lat.ms(0.99), "storm-p99-ms")
	b.ReportMetric(float64(storm.failed.Load()), "storm-errors")
	b.ReportMetric(float64(storm.dropped.Load()), "storm-dropped")
}

package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

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
	var rs []*replica
	for range 3 {
		rs = append(rs, startReplica(t, dbURL))
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
	const n = 60
	for i := range n / 2 {
		if code, err := post(rs[i%3], i); err != nil || code != 201 {
			t.Fatalf("ticket %d: %d %v", i, code, err)
		}
	}
	killedAt := time.Now()
	leader.cmd.Process.Signal(syscall.SIGKILL)
	var survivors []*replica
	for _, r := range rs {
		if r != leader {
			survivors = append(survivors, r)
		}
	}
	for i := n / 2; i < n; i++ {
		if code, err := post(survivors[i%2], i); err != nil || code != 201 {
			t.Fatalf("ticket %d after the kill: %d %v", i, code, err)
		}
	}
	// A survivor takes over and triages everything: one incident holding
	// every ticket.
	var incs []map[string]any
	deadline := time.Now().Add(40 * time.Second)
	for {
		resp, err := http.Get("http://" + survivors[0].addr + "/api/v1/incidents")
		if err != nil {
			t.Fatal(err)
		}
		var out struct{ Incidents []map[string]any }
		json.NewDecoder(resp.Body).Decode(&out)
		resp.Body.Close()
		incs = out.Incidents
		if len(incs) == 1 && incs[0]["ticket_count"] == float64(n) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("incidents after the storm: %v", incs)
		}
		time.Sleep(100 * time.Millisecond)
	}
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
	// No ticket lost: every external id came back.
	for i := range n {
		resp, err := http.Get(fmt.Sprintf("http://%s/api/v1/tickets/%d", survivors[1].addr, i+1))
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("ticket %d: %v %v", i+1, err, resp.Status)
		}
		resp.Body.Close()
	}
}

var loginPhrasesHA = []string{"Can't log in", "Unable to sign in", "Login page broken", "SSO error on login", "cannot log in at all",
	"sign-in page spins", "login fails with authentication error", "I can't login", "login not working", "can't sign in to the app"}

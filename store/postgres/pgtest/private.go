package pgtest

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Server is a private PostgreSQL server of one test, started from the
// machine's PostgreSQL binaries in a temporary directory on a free
// loopback port, so that a test can stop and restart it without
// disturbing any other test.
type Server struct {
	tb   testing.TB
	bin  string
	dir  string
	port int
	// URL reaches the server's postgres database as user postgres.
	URL string
}

// binDir finds the PostgreSQL server binaries (Debian keeps them in
// /usr/lib/postgresql/VERSION/bin, off the PATH).
func binDir() string {
	if out, err := exec.Command("pg_config", "--bindir").Output(); err == nil {
		if d := strings.TrimSpace(string(out)); fileExists(filepath.Join(d, "initdb")) {
			return d
		}
	}
	ms, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	if len(ms) > 0 {
		return filepath.Dir(ms[len(ms)-1])
	}
	return ""
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

// NewServer initialises and starts a private server, stopped when the
// test ends. Without PostgreSQL's binaries the test is skipped loudly,
// except under CI=true, where it fails.
func NewServer(tb testing.TB) *Server {
	tb.Helper()
	bin := binDir()
	if bin == "" {
		msg := "PostgreSQL server binaries (initdb, pg_ctl) not found"
		if os.Getenv("CI") == "true" {
			tb.Fatalf("%s; CI=true, so this test must run", msg)
		}
		tb.Skipf("SKIPPING PRIVATE POSTGRES TEST: %s", msg)
	}
	dir, err := os.MkdirTemp("", "stormdesk-pg-")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { os.RemoveAll(dir) })
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	s := &Server{tb: tb, bin: bin, dir: dir, port: port,
		URL: fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", port)}
	if os.Geteuid() == 0 {
		// initdb refuses to run as root: the server runs as postgres.
		if out, err := exec.Command("chown", "-R", "postgres", dir).CombinedOutput(); err != nil {
			tb.Fatalf("pgtest: chown %s: %v %s", dir, err, out)
		}
	}
	s.run("initdb", "-D", s.data(), "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8")
	s.Start()
	tb.Cleanup(func() { s.pgctl("stop", "-m", "immediate") })
	return s
}

func (s *Server) data() string { return filepath.Join(s.dir, "data") }

// run runs one of the server's binaries, as postgres when we are root.
func (s *Server) run(name string, args ...string) {
	s.tb.Helper()
	path := filepath.Join(s.bin, name)
	cmd := exec.Command(path, args...)
	if os.Geteuid() == 0 {
		cmd = exec.Command("runuser", append([]string{"-u", "postgres", "--", path}, args...)...)
	}
	if out, err := cmd.CombinedOutput(); err != nil {
		s.tb.Fatalf("pgtest: %s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
}

func (s *Server) pgctl(args ...string) {
	s.tb.Helper()
	s.run("pg_ctl", append([]string{"-D", s.data(), "-l", filepath.Join(s.dir, "log"), "-w", "-t", "60"}, args...)...)
}

// Start starts the server and waits until it accepts connections.
func (s *Server) Start() {
	s.tb.Helper()
	opts := "-c listen_addresses=127.0.0.1 -p " + strconv.Itoa(s.port) + " -k " + s.dir + " -c fsync=off"
	s.pgctl("start", "-o", opts)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for {
		c, err := pgx.Connect(ctx, s.URL)
		if err == nil {
			c.Close(ctx)
			return
		}
		if ctx.Err() != nil {
			s.tb.Fatalf("pgtest: private server did not start: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Stop stops the server the way a crash or an operator's fast restart
// does: "immediate" kills every backend at once, "fast" disconnects
// clients and shuts down cleanly.
func (s *Server) Stop(mode string) {
	s.tb.Helper()
	s.pgctl("stop", "-m", mode)
}

package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	_ "modernc.org/sqlite"

	"stormdesk/store/postgres/pgtest"
)

// answer is what the service said to one ticket post.
type answer struct {
	status     int
	id         int64
	code, msg  string
	retryAfter string
}

func postTicket(t *testing.T, addr, ext, body string) (answer, error) {
	t.Helper()
	in, _ := json.Marshal(map[string]string{"subject": "Can't log in " + ext, "body": body, "external_id": ext, "customer_email": "c-" + ext + "@example.com"})
	resp, err := http.Post("http://"+addr+"/api/v1/tickets", "application/json", strings.NewReader(string(in)))
	if err != nil {
		return answer{}, err
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var out struct {
		ID    int64 `json:"id"`
		Error struct{ Code, Message string }
	}
	json.Unmarshal(raw, &out)
	return answer{status: resp.StatusCode, id: out.ID, code: out.Error.Code, msg: out.Error.Message, retryAfter: resp.Header.Get("Retry-After")}, nil
}

// TestPostgresRestartMidRun stops the service's PostgreSQL (a private
// server, so no other test is disturbed) in the middle of a stream of
// tickets and starts it again: meanwhile intake answers 503 with a clear
// message and Retry-After, never 500; afterwards the service has
// reconnected by itself, and every ticket (the refused ones retried with
// the same external id, as a sender does) is stored exactly once.
func TestPostgresRestartMidRun(t *testing.T) {
	if testing.Short() {
		t.Skip("multi-process fault test")
	}
	pg := pgtest.NewServer(t)
	r := startReplica(t, pg.URL, "STORMDESK_RATE_LIMIT=0")
	postHistory(t, "http://"+r.addr)
	const n = 300
	ids := map[string]int64{}
	var outage []answer
	var mu sync.Mutex
	restarted := make(chan struct{})
	go func() {
		defer close(restarted)
		for {
			mu.Lock()
			k := len(ids)
			mu.Unlock()
			if k >= 100 {
				break
			}
			time.Sleep(5 * time.Millisecond)
		}
		pg.Stop("immediate") // as a crash: every connection dies at once
		time.Sleep(2 * time.Second)
		pg.Start()
	}()
	deadline := time.Now().Add(90 * time.Second)
	for i := 0; i < n; {
		if time.Now().After(deadline) {
			t.Fatalf("only %d of %d tickets stored before the deadline; last refusals: %v", i, n, outage[max(0, len(outage)-3):])
		}
		ext := fmt.Sprintf("pg-%04d", i)
		a, err := postTicket(t, r.addr, ext, "")
		if err != nil {
			t.Fatalf("the service stopped answering: %v", err)
		}
		switch a.status {
		case 200, 201:
			mu.Lock()
			if prev, ok := ids[ext]; ok && prev != a.id {
				t.Fatalf("%s stored twice: ids %d and %d", ext, prev, a.id)
			}
			ids[ext] = a.id
			mu.Unlock()
			i++
		case 503:
			outage = append(outage, a)
			time.Sleep(100 * time.Millisecond) // Retry-After says 1 s; a busy sender retries sooner
		default:
			t.Fatalf("%s: status %d %s %q, want 2xx or 503", ext, a.status, a.code, a.msg)
		}
	}
	<-restarted
	if len(outage) == 0 {
		t.Fatal("no request was refused while PostgreSQL was down: the fault did not happen")
	}
	for _, a := range outage {
		if a.code != "unavailable" || !strings.HasPrefix(a.msg, "store unavailable: ") || a.retryAfter != "1" {
			t.Fatalf("refusal during the outage: %+v, want code unavailable, a message naming the store, Retry-After 1", a)
		}
	}
	t.Logf("%d requests refused with 503 during the restart, e.g. %q", len(outage), outage[0].msg)
	// Exactly once: as many rows as external ids, each with the id the
	// service answered.
	ctx := context.Background()
	c, err := pgx.Connect(ctx, pg.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	var rows, distinct int
	if err := c.QueryRow(ctx, `SELECT count(*), count(DISTINCT external_id) FROM tickets WHERE external_id NOT LIKE 'history-%'`).Scan(&rows, &distinct); err != nil {
		t.Fatal(err)
	}
	if rows != n || distinct != n {
		t.Fatalf("stored %d rows for %d external ids, want %d each", rows, distinct, n)
	}
	for ext, id := range ids {
		var got string
		if err := c.QueryRow(ctx, `SELECT external_id FROM tickets WHERE id = $1`, id).Scan(&got); err != nil || got != ext {
			t.Fatalf("ticket %d: %q %v, want %s", id, got, err, ext)
		}
	}
	// The service is healthy again: ready, leading again (the advisory
	// lock died with the old session), and its triage worker has caught
	// up with every ticket: the storm of "can't log in" is one incident.
	haWaitIncident(t, r, n, 30*time.Second)
	r.mu.Lock()
	leads := strings.Count(r.logs.String(), "now the leader")
	r.mu.Unlock()
	if leads < 2 {
		t.Errorf("the replica did not take the lead again after the restart (%d times)", leads)
	}
	resp, err := http.Get("http://" + r.addr + "/readyz")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("readyz after the restart: %v %v", resp.Status, err)
	}
	resp.Body.Close()
}

// TestSQLiteDiskFull fills the disk under the embedded store (the
// process may not write files past a few megabytes, as on a full disk):
// intake answers 503 naming the store, reads still work, and after a
// restart with room again every ticket that was acknowledged is there
// and the database passes SQLite's integrity check.
func TestSQLiteDiskFull(t *testing.T) {
	if testing.Short() {
		t.Skip("multi-process fault test")
	}
	path := filepath.Join(t.TempDir(), "full.db")
	r := startReplica(t, "sqlite:"+path, "STORMDESK_RATE_LIMIT=0", "STORMDESK_TEST_RLIMIT_FSIZE=3000000")
	body := strings.Repeat("The login page spins forever and then shows an error. ", 40)
	acked := map[string]int64{}
	var full *answer
	for i := 0; i < 20000 && full == nil; i++ {
		ext := fmt.Sprintf("full-%05d", i)
		a, err := postTicket(t, r.addr, ext, body)
		if err != nil {
			t.Fatalf("the service stopped answering after %d tickets: %v\n%s", i, err, r.logs.String())
		}
		switch a.status {
		case 201:
			acked[ext] = a.id
		case 503:
			full = &a
		default:
			t.Fatalf("%s: status %d %s %q, want 201 or 503", ext, a.status, a.code, a.msg)
		}
	}
	if full == nil {
		t.Fatal("the disk never filled up: the fault did not happen")
	}
	if full.code != "unavailable" || !strings.HasPrefix(full.msg, "store unavailable: ") || full.retryAfter != "1" {
		t.Fatalf("refusal on a full disk: %+v", *full)
	}
	t.Logf("disk full after %d tickets: %q", len(acked), full.msg)
	// Reads still work.
	for _, id := range acked {
		resp, err := http.Get(fmt.Sprintf("http://%s/api/v1/tickets/%d", r.addr, id))
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("reading ticket %d on a full disk: %v %v", id, resp.Status, err)
		}
		resp.Body.Close()
		break
	}
	r.cmd.Process.Kill()
	r.cmd.Wait()

	// With room again: everything acknowledged is there, nothing is
	// corrupt, and intake works.
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	var check string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity check: %q %v", check, err)
	}
	for ext, id := range acked {
		var got string
		if err := db.QueryRow(`SELECT external_id FROM tickets WHERE id = ?`, id).Scan(&got); err != nil || got != ext {
			t.Fatalf("acknowledged ticket %d (%s) lost: %q %v", id, ext, got, err)
		}
	}
	db.Close()
	r2 := startReplica(t, "sqlite:"+path, "STORMDESK_RATE_LIMIT=0")
	if a, err := postTicket(t, r2.addr, "after-full", body); err != nil || a.status != 201 {
		t.Fatalf("intake after freeing space: %+v %v", a, err)
	}
}

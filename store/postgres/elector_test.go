package postgres_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"stormdesk/store/postgres"
	"stormdesk/store/postgres/pgtest"
)

func TestElectorOneLeaderAndTakeover(t *testing.T) {
	ctx := context.Background()
	url := pgtest.URL(t)
	// A key of this test's own, so that parallel runs never compete.
	key := time.Now().UnixNano()
	var es []*postgres.Elector
	for range 3 {
		db, err := postgres.OpenDB(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		e := postgres.NewElector(db, key)
		es = append(es, e)
		defer db.Close()
		defer e.Resign(ctx) // before Close: the pool waits for the held connection
	}
	admin, err := postgres.OpenDB(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	leaders := func() []int {
		var out []int
		for i, e := range es {
			if e == nil {
				continue
			}
			err := e.IsLeader(ctx)
			switch {
			case err == nil:
				out = append(out, i)
			case !errors.Is(err, postgres.ErrNotLeader):
				t.Fatal(err)
			}
		}
		return out
	}
	first := leaders()
	if len(first) != 1 || first[0] != 0 {
		t.Fatalf("leaders %v, want exactly replica 0", first)
	}
	if again := leaders(); len(again) != 1 || again[0] != 0 {
		t.Fatalf("leadership moved without cause: %v", again)
	}
	// The leader dies: its session is killed, as when the process is, and
	// another replica takes over at its next question.
	tag, err := admin.Pool.Exec(ctx, `SELECT pg_terminate_backend(pid) FROM pg_locks
WHERE locktype = 'advisory' AND ((classid::bigint << 32) | objid::bigint) = $1`, key)
	if err != nil || tag.RowsAffected() != 1 {
		t.Fatalf("terminate the leader's session: %v (%d rows)", err, tag.RowsAffected())
	}
	es[0] = nil
	// The dead backend lets go of its locks as it exits: ask again until
	// someone leads (bounded; this is not a timing assertion).
	var next []int
	for deadline := time.Now().Add(10 * time.Second); len(next) == 0 && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		next = leaders()
	}
	if len(next) != 1 || next[0] == 0 {
		t.Fatalf("after the leader died: %v", next)
	}
	// A clean resignation hands over at once.
	cur := leaders()[0]
	es[cur].Resign(ctx)
	es[cur] = nil
	if next := leaders(); len(next) != 1 || next[0] == cur {
		t.Fatalf("after resigning: %v", next)
	}
}

// TestLeaderKeyPerSchema: two deployments sharing one database in two
// schemas each elect a leader of their own; the same schema shares one.
func TestLeaderKeyPerSchema(t *testing.T) {
	ctx := context.Background()
	open := func(url string) *postgres.Elector {
		db, err := postgres.OpenDB(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		key, err := postgres.LeaderKey(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		if key == postgres.LeaderLockKey {
			t.Errorf("a test schema got the public schema's key")
		}
		e := postgres.NewElector(db, key)
		t.Cleanup(func() {
			e.Resign(ctx)
			db.Close()
		})
		return e
	}
	a, b := pgtest.URL(t), pgtest.EmptyURL(t)
	ea, eb, ea2 := open(a), open(b), open(a)
	if err := ea.IsLeader(ctx); err != nil {
		t.Fatalf("deployment a: %v", err)
	}
	if err := eb.IsLeader(ctx); err != nil {
		t.Fatalf("deployment b, in another schema, is not its own leader: %v", err)
	}
	if err := ea2.IsLeader(ctx); !errors.Is(err, postgres.ErrNotLeader) {
		t.Fatalf("a second replica of deployment a: %v, want ErrNotLeader", err)
	}
}

package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"stormdesk"
	"stormdesk/store/sqlite"
	"stormdesk/store/sqlstore"
	"stormdesk/store/storetest"
)

func open(t *testing.T, path string) *sqlstore.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), path, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) (stormdesk.Store, func() stormdesk.Store) {
		path := filepath.Join(t.TempDir(), "stormdesk.db")
		return open(t, path), func() stormdesk.Store { return open(t, path) }
	})
}

func TestRefusesNewerSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	open(t, path).Close()
	db, err := sqlite.OpenDB(path)
	if err != nil {
		t.Fatal(err)
	}
	c, _ := db.Begin(ctx, false)
	if _, err := c.Exec(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, '0999_future.sql', 'x')`); err != nil {
		t.Fatal(err)
	}
	c.Commit(ctx)
	db.Close()
	_, err = sqlite.Open(ctx, path, time.Now())
	if stormdesk.ErrorCode(err) != stormdesk.ECONFLICT {
		t.Fatalf("opening a newer schema: %v, want a conflict", err)
	}
}

func TestMigrateTwiceIsNoop(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	open(t, path).Close()
	db, _ := sqlite.OpenDB(path)
	defer db.Close()
	from, to, err := sqlstore.Migrate(ctx, db, sqlite.Dialect(), time.Now())
	if err != nil || from != to || to != sqlite.Dialect().Latest() {
		t.Fatalf("second migrate: from %d to %d err %v", from, to, err)
	}
}

func TestMissingDirectory(t *testing.T) {
	_, err := sqlite.Open(context.Background(), "/nonexistent-dir/x.db", time.Now())
	if stormdesk.ErrorCode(err) != stormdesk.EINVALID {
		t.Fatalf("got %v, want a clear invalid-path error", err)
	}
}

func TestOutboxContract(t *testing.T) {
	storetest.RunOutboxContract(t, func(t *testing.T) storetest.OutboxStore {
		s := open(t, filepath.Join(t.TempDir(), "o.db"))
		t.Cleanup(func() { s.Close() })
		return storetest.Outbox(s)
	})
}

package sqlite_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"stormdesk"
	"stormdesk/store/sqlite"
	"stormdesk/store/sqlstore"
	"stormdesk/store/storetest"
)

// backend is where the shared suites find SQLite: a file in the test's
// own temporary directory.
var backend = storetest.Backend{
	Fresh: func(tb testing.TB) string { return filepath.Join(tb.TempDir(), "stormdesk.db") },
	Open:  sqlite.Open,
}

func TestContract(t *testing.T) { storetest.Run(t, backend.Opener) }

func TestRefusesNewerSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	backend.MustOpen(t, path).Close()
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
	backend.MustOpen(t, path).Close()
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

func TestOutboxContract(t *testing.T) { storetest.RunOutboxContract(t, backend.OutboxStore) }

// TestMigrationsMaySkipANumber: branches reserve migration numbers ahead
// of merging, so a version may be missing; Migrate applies every version
// not yet recorded, so one that arrives later (a lower number merged
// after a higher one was applied) is still applied, once. Two files of
// one version are refused.
func TestMigrationsMaySkipANumber(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.OpenDB(filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	files := fstest.MapFS{
		"m/0001_a.sql": {Data: []byte("CREATE TABLE a (x INTEGER);")},
		"m/0003_c.sql": {Data: []byte("CREATE TABLE c (x INTEGER);")},
	}
	d := sqlite.Dialect()
	if d.Migrations, err = sqlstore.LoadMigrations(files, "m"); err != nil {
		t.Fatal(err)
	}
	if from, to, err := sqlstore.Migrate(ctx, db, d, time.Now()); err != nil || from != 0 || to != 3 {
		t.Fatalf("with a gap: %d -> %d, %v", from, to, err)
	}
	files["m/0002_b.sql"] = &fstest.MapFile{Data: []byte("CREATE TABLE b (x INTEGER);")}
	if d.Migrations, err = sqlstore.LoadMigrations(files, "m"); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if _, _, err := sqlstore.Migrate(ctx, db, d, time.Now()); err != nil {
			t.Fatalf("the late version: %v", err)
		}
	}
	c, _ := db.Begin(ctx, true)
	var n int
	if err := c.QueryRow(ctx, `SELECT COUNT(*) FROM schema_migrations`).Scan(&n); err != nil || n != 3 {
		t.Errorf("%d versions recorded (%v), want 3", n, err)
	}
	if _, err := c.Exec(ctx, `SELECT x FROM b`); err != nil {
		t.Errorf("the late migration was not applied: %v", err)
	}
	c.Rollback(ctx)
	files["m/0002_again.sql"] = &fstest.MapFile{Data: []byte("SELECT 1;")}
	if _, err := sqlstore.LoadMigrations(files, "m"); err == nil || !strings.Contains(err.Error(), "share a version") {
		t.Errorf("two files of version 2: %v", err)
	}
}

// openBefore opens a store whose schema stopped before migration version,
// after running stmt in it (rows as an older release stored them), then
// migrated to the current schema.
func openBefore(t *testing.T, version int, stmt string) *sqlstore.Store {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sqlite.OpenDB(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := sqlstore.Migrate(ctx, db, sqlite.Dialect().Before(version), time.Now()); err != nil {
		t.Fatal(err)
	}
	c, _ := db.Begin(ctx, false)
	if _, err := c.Exec(ctx, stmt); err != nil {
		t.Fatal(err)
	}
	if err := c.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	db.Close()
	return backend.MustOpen(t, path)
}

// TestTicketFromBeforeTags: a ticket stored before migration 0018 reads
// back, once migrated, with no tags and no channel.
func TestTicketFromBeforeTags(t *testing.T) {
	ctx := context.Background()
	s := openBefore(t, 18, `INSERT INTO tickets (source, external_id, subject, received_at, created_at) VALUES ('zendesk', '7', 'old', 1700000000000000, 1700000000000000)`)
	defer s.Close()
	var got *stormdesk.Ticket
	if err := s.View(ctx, func(tx stormdesk.Tx) (err error) { got, err = tx.TicketByExternalID(ctx, "zendesk", "7"); return err }); err != nil {
		t.Fatal(err)
	}
	if got.Tags != nil || got.Channel != "" || got.Subject != "old" {
		t.Fatalf("an old ticket: tags %#v channel %q subject %q, want none, none, old", got.Tags, got.Channel, got.Subject)
	}
}

// TestWatchValidatorsCarriedOver: the ETag and Last-Modified stored
// before migration 0019 are carried over into the opaque validators in
// the fetcher's encoding (JSON etag and last_modified), so no feed is
// fetched in full again; a state with neither keeps none.
func TestWatchValidatorsCarriedOver(t *testing.T) {
	s := openBefore(t, 19, `INSERT INTO watch_states (name, kind, etag, last_modified, state) VALUES ('auth0', 'statuspage', 'W/"1"', 'Mon, 02 Jan 2006 15:04:05 GMT', 'ok'), ('probe', 'probe', '', '', 'ok')`)
	defer s.Close()
	storetest.CheckCarriedValidators(t, s)
}

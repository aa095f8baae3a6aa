package postgres_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"stormdesk"
	"stormdesk/store/postgres"
	"stormdesk/store/postgres/pgtest"
	"stormdesk/store/sqlstore"
	"stormdesk/store/storetest"
)

// backend is where the shared suites find Postgres: each test a schema of
// its own in the test server.
var backend = storetest.Backend{Fresh: pgtest.URL, Open: postgres.Open}

func TestContract(t *testing.T) { storetest.Run(t, backend.Opener) }

func TestRefusesNewerSchema(t *testing.T) {
	ctx := context.Background()
	url := pgtest.EmptyURL(t)
	backend.MustOpen(t, url).Close()
	db, err := postgres.OpenDB(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Pool.Exec(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, '0999_future.sql', 'x')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, err = postgres.Open(ctx, url, time.Now())
	if stormdesk.ErrorCode(err) != stormdesk.ECONFLICT {
		t.Fatalf("opening a newer schema: %v, want a conflict", err)
	}
}

func TestConcurrentMigrations(t *testing.T) {
	// Replicas starting together must not trip over each other's DDL.
	url := pgtest.EmptyURL(t)
	errs := make(chan error, 3)
	for range 3 {
		go func() {
			s, err := postgres.Open(context.Background(), url, time.Now())
			if err == nil {
				s.Close()
			}
			errs <- err
		}()
	}
	for range 3 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
}

func TestBadURL(t *testing.T) {
	_, err := postgres.Open(context.Background(), "postgres://u:secret@127.0.0.1:1/x?sslmode=bogus", time.Now())
	if err == nil {
		t.Fatal("a bad URL was accepted")
	}
	if s := err.Error(); contains(s, "secret") {
		t.Fatalf("error leaks the password: %s", s)
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

func TestOutboxContract(t *testing.T) { storetest.RunOutboxContract(t, backend.OutboxStore) }

// TestWatchValidatorsCarriedOver: the ETag and Last-Modified stored
// before migration 0019 are carried over into the opaque validators in
// the fetcher's encoding (JSON etag and last_modified), so no feed is
// fetched in full again; a state with neither keeps none.
func TestWatchValidatorsCarriedOver(t *testing.T) {
	ctx := context.Background()
	url := pgtest.EmptyURL(t)
	db, err := postgres.OpenDB(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	old := postgres.Dialect().Before(19)
	if _, _, err := sqlstore.Migrate(ctx, db, old, time.Now()); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Pool.Exec(ctx, `INSERT INTO watch_states (name, kind, etag, last_modified, state) VALUES ('auth0', 'statuspage', 'W/"1"', 'Mon, 02 Jan 2006 15:04:05 GMT', 'ok'), ('probe', 'probe', '', '', 'ok')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s := backend.MustOpen(t, url)
	defer s.Close()
	storetest.CheckCarriedValidators(t, s)
}

// Package pgtest gives each test its own PostgreSQL schema, so that test
// runs (and CI runs beside a developer's) never collide.
//
// Migrating a fresh schema costs most of a second on a loaded machine (a
// dozen DDL files, one fsync'd commit, then a DROP SCHEMA … CASCADE), and
// the store contract suite alone opens thirty stores. So URL hands out
// schemas that were migrated once and are then cleared between tests: a
// schema is named after the migrations it holds, claimed with an advisory
// lock held by this process for as long as it runs, and emptied (every
// row deleted, every sequence restarted) when it is claimed. Clearing a
// dozen small tables costs a few milliseconds. Measured on a shared
// 2-core machine, `go test -count=1 ./store/postgres` went from 6–31 s
// (four runs, median 10 s) to 2.4–3.4 s, and from 6.1 s to 3.6 s with -race.
//
// A template database (CREATE DATABASE … TEMPLATE) was measured too: the
// copy is cheap (0.2 s) but DROP DATABASE checkpoints (0.5 s+), so it
// saves little over migrating; and the per-test schema keeps the one
// search_path-based URL the rest of the tests already understand.
package pgtest

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"stormdesk/store/postgres"
	"stormdesk/store/sqlstore"
)

// DefaultURL is used when STORMDESK_TEST_POSTGRES_URL is not set.
const DefaultURL = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"

// BaseURL returns the server the tests use.
func BaseURL() string {
	if u := os.Getenv("STORMDESK_TEST_POSTGRES_URL"); u != "" {
		return u
	}
	return DefaultURL
}

// connect reaches the test server, or skips the test loudly when it is not
// there, except under CI=true, where it fails: the Postgres suite is never
// silently skipped in CI.
func connect(tb testing.TB, ctx context.Context) *pgx.Conn {
	tb.Helper()
	base := BaseURL()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		msg := fmt.Sprintf("PostgreSQL not reachable at STORMDESK_TEST_POSTGRES_URL (%s): %v", redact(base), err)
		if os.Getenv("CI") == "true" {
			tb.Fatalf("%s; CI=true, so the Postgres tests must run", msg)
		}
		tb.Skipf("SKIPPING POSTGRES TESTS: %s", msg)
	}
	return conn
}

// EmptyURL creates a fresh, empty schema and returns a URL whose
// search_path points at it; the schema is dropped when the test ends. It is
// for tests of migration itself; every other test wants URL.
func EmptyURL(tb testing.TB) string {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn := connect(tb, ctx)
	defer conn.Close(ctx)
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	schema := "stormdesk_test_" + hex.EncodeToString(b)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		tb.Fatalf("pgtest: create schema: %v", err)
	}
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		c, err := pgx.Connect(ctx, BaseURL())
		if err != nil {
			tb.Logf("pgtest: drop schema %s: %v", schema, err)
			return
		}
		defer c.Close(ctx)
		if _, err := c.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			tb.Logf("pgtest: drop schema %s: %v", schema, err)
		}
	})
	return schemaURL(tb, schema)
}

// URL returns a URL whose search_path points at a schema of this test
// alone, migrated to this binary's latest version and holding no rows
// (for a benchmark, a fresh empty schema that the store migrates).
// The schema goes back to this process's pool when the test ends. A test
// that changes the schema's tables (not just its rows) must use EmptyURL.
func URL(tb testing.TB) string {
	tb.Helper()
	if _, ok := tb.(*testing.B); ok {
		// A cleared schema keeps the previous run's deleted rows until
		// autovacuum reaches them, and the bloat slows inserts and claims:
		// measured on BenchmarkNotifyFromStore/postgres, half the
		// throughput. A benchmark pays for a fresh schema instead.
		return EmptyURL(tb)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	conn := connect(tb, ctx) // skips or fails before anything is claimed
	conn.Close(ctx)
	schema, err := pool.claim(ctx)
	if err != nil {
		tb.Fatalf("pgtest: %v", err)
	}
	tb.Cleanup(func() { pool.release(schema) })
	return schemaURL(tb, schema)
}

// schemaURL points the base URL at schema. The application name is the
// schema's too, so that the pool can find connections a test left open.
func schemaURL(tb testing.TB, schema string) string {
	tb.Helper()
	u, err := url.Parse(BaseURL())
	if err != nil {
		tb.Fatalf("pgtest: parse %s: %v", redact(BaseURL()), err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	q.Set("application_name", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// lockClass is the first key of the two-key advisory locks that mark a
// pooled schema as claimed; the two-key space never meets the one-key
// locks the store and the elector take.
const lockClass = 0x570d

// pool is this process's set of migrated schemas. A keeper connection,
// open until the process exits, holds one advisory lock per claimed
// schema, so no other test process can take it, and a dead process's
// schemas become free again at once.
var pool = &schemaPool{}

type schemaPool struct {
	mu     sync.Mutex
	keeper *pgx.Conn
	prefix string
	free   []string
	n      int // schemas this process has claimed so far
}

// claim takes a free schema of this process, or locks the next one that
// no process holds (creating and migrating it if it is new), and empties it.
func (p *schemaPool) claim(ctx context.Context) (string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.keeper == nil || p.keeper.IsClosed() {
		c, err := pgx.Connect(ctx, BaseURL())
		if err != nil {
			return "", fmt.Errorf("keeper connection: %w", err)
		}
		p.keeper, p.free = c, nil
		p.prefix = "stormdesk_test_m" + migrationsHash()
		p.dropStale(ctx)
	}
	if k := len(p.free); k > 0 {
		s := p.free[k-1]
		p.free = p.free[:k-1]
		return s, p.prepare(ctx, s)
	}
	for i := 0; i < 1000; i++ {
		s := fmt.Sprintf("%s_%d", p.prefix, i)
		var ok bool
		if err := p.keeper.QueryRow(ctx, `SELECT pg_try_advisory_lock($1, hashtext($2))`, lockClass, s).Scan(&ok); err != nil {
			return "", fmt.Errorf("lock schema %s: %w", s, err)
		}
		if ok {
			return s, p.prepare(ctx, s)
		}
	}
	return "", fmt.Errorf("no free test schema among 1000")
}

// dropStale drops pooled schemas of other migration sets that no process
// holds, so that a developer's test database does not collect a set of
// schemas for every migration ever written. It is best effort: a schema
// that cannot be dropped now is tried again by the next run.
func (p *schemaPool) dropStale(ctx context.Context) {
	rows, err := p.keeper.Query(ctx, `SELECT nspname FROM pg_namespace WHERE nspname LIKE 'stormdesk\_test\_m%' AND nspname NOT LIKE $1`, p.prefix+`\_%`)
	if err != nil {
		return
	}
	stale, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return
	}
	for _, s := range stale {
		var ok bool
		if p.keeper.QueryRow(ctx, `SELECT pg_try_advisory_lock($1, hashtext($2))`, lockClass, s).Scan(&ok) != nil || !ok {
			continue
		}
		_, _ = p.keeper.Exec(ctx, "DROP SCHEMA IF EXISTS "+pgx.Identifier{s}.Sanitize()+" CASCADE")
		_, _ = p.keeper.Exec(ctx, `SELECT pg_advisory_unlock($1, hashtext($2))`, lockClass, s)
	}
}

func (p *schemaPool) release(schema string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.free = append(p.free, schema)
}

// prepare migrates schema (a no-op once done) and deletes every row a
// previous test left, first ending any connection that test left open.
// If anything about the schema is off, it is dropped and made anew.
func (p *schemaPool) prepare(ctx context.Context, schema string) error {
	if _, err := p.keeper.Exec(ctx, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()`, schema); err != nil {
		return fmt.Errorf("end connections to %s: %w", schema, err)
	}
	if err := p.migrateAndClear(ctx, schema); err != nil {
		if _, err := p.keeper.Exec(ctx, "DROP SCHEMA IF EXISTS "+schema+" CASCADE"); err != nil {
			return fmt.Errorf("drop schema %s: %w", schema, err)
		}
		if err := p.migrateAndClear(ctx, schema); err != nil {
			return err
		}
	}
	return nil
}

func (p *schemaPool) migrateAndClear(ctx context.Context, schema string) error {
	if _, err := p.keeper.Exec(ctx, "CREATE SCHEMA IF NOT EXISTS "+schema); err != nil {
		return fmt.Errorf("create schema %s: %w", schema, err)
	}
	d := postgres.Dialect()
	u, err := url.Parse(BaseURL())
	if err != nil {
		return fmt.Errorf("parse %s: %w", redact(BaseURL()), err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	q.Set("pool_max_conns", "1")
	u.RawQuery = q.Encode()
	db, err := postgres.OpenDB(ctx, u.String())
	if err != nil {
		return err
	}
	defer db.Close()
	if _, _, err := sqlstore.Migrate(ctx, db, d, time.Now()); err != nil {
		return fmt.Errorf("migrate %s: %w", schema, err)
	}
	// One statement list, one round trip. With replication triggers off
	// (the tests connect as a superuser) the foreign keys do not fire, so
	// the order of the DELETEs does not matter; without that right the
	// SET fails and the schema is made anew, which is slow but right.
	var clear string
	err = p.keeper.QueryRow(ctx, `
		SELECT coalesce(string_agg(format('DELETE FROM %I.%I', schemaname, tablename), '; '), '')
		FROM pg_tables WHERE schemaname = $1 AND tablename <> 'schema_migrations'`, schema).Scan(&clear)
	if err != nil {
		return fmt.Errorf("list tables of %s: %w", schema, err)
	}
	var seqs string
	err = p.keeper.QueryRow(ctx, `
		SELECT coalesce(string_agg(format('SELECT setval(%L, 1, false)', quote_ident(schemaname) || '.' || quote_ident(sequencename)), '; '), '')
		FROM pg_sequences WHERE schemaname = $1`, schema).Scan(&seqs)
	if err != nil {
		return fmt.Errorf("list sequences of %s: %w", schema, err)
	}
	script := []string{"BEGIN", "SET LOCAL session_replication_role = replica", clear, seqs,
		fmt.Sprintf("DELETE FROM %s.schema_migrations WHERE version > %d", schema, d.Latest()), "COMMIT"}
	if _, err := p.keeper.Exec(ctx, strings.Join(nonEmpty(script), "; ")); err != nil {
		_, _ = p.keeper.Exec(ctx, "ROLLBACK")
		return fmt.Errorf("clear %s: %w", schema, err)
	}
	return nil
}

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// migrationsHash names the schema version a pooled schema holds, so that
// a binary with other migrations never claims it.
func migrationsHash() string {
	h := sha256.New()
	for _, m := range postgres.Dialect().Migrations {
		fmt.Fprintf(h, "%s\x00%s\x00", m.Name, m.SQL)
	}
	return hex.EncodeToString(h.Sum(nil))[:10]
}

func redact(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "(unparsable URL)"
	}
	return u.Redacted()
}

// Package postgres is the production store: PostgreSQL through pgx/v5 and
// pgxpool. It is also how several replicas share one state.
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io"
	"net"
	"runtime"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"stormdesk"
	"stormdesk/store/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// migrationLockKey is the advisory lock that serialises migrations of
// replicas starting at the same moment.
const migrationLockKey = 0x570d_de5c

// Dialect returns the Postgres dialect with its embedded migrations.
func Dialect() sqlstore.Dialect {
	ms, err := sqlstore.LoadMigrations(migrations, "migrations")
	if err != nil {
		panic(err) // the embedded files are part of the binary
	}
	return sqlstore.Dialect{
		Name:       "postgres",
		EncodeTime: func(t time.Time) any { return t.UTC() },
		IsNoRows:   func(err error) bool { return errors.Is(err, pgx.ErrNoRows) },
		IsUniqueViolation: func(err error) bool {
			var e *pgconn.PgError
			return errors.As(err, &e) && e.Code == "23505"
		},
		IsForeignKeyViolation: func(err error) bool {
			var e *pgconn.PgError
			return errors.As(err, &e) && e.Code == "23503"
		},
		Unavailable: unavailable,
		Pairs: func(ph string) string {
			return "SELECT e->>0 AS a, e->>1 AS b FROM jsonb_array_elements(" + ph + "::jsonb) AS e"
		},
		InIDs: func(col, ph string, ids []int64) (string, any) {
			return col + " = ANY(" + ph + "::bigint[])", ids
		},
		Migrations:    ms,
		LockRows:      " FOR UPDATE OF o SKIP LOCKED",
		MigrationLock: fmt.Sprintf("SELECT pg_advisory_xact_lock(%d)", migrationLockKey),
		RelaxedCommit: "SET LOCAL synchronous_commit = off",
	}
}

// DefaultMaxConns is the pool size when the URL sets no pool_max_conns.
const DefaultMaxConns = 16

// Open connects to the database at url (postgres://…), migrates it and
// returns the store.
func Open(ctx context.Context, url string, now time.Time) (*sqlstore.Store, error) {
	db, err := OpenDB(ctx, url)
	if err != nil {
		return nil, err
	}
	d := Dialect()
	if _, _, err := sqlstore.Migrate(ctx, db, d, now); err != nil {
		db.Close()
		return nil, err
	}
	return sqlstore.New(db, d), nil
}

// OpenDB connects without migrating.
func OpenDB(ctx context.Context, url string) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		// pgx's message can quote the URL with its password: keep only the fact.
		return nil, stormdesk.Errorf(stormdesk.EINVALID, "postgres: cannot parse the database URL")
	}
	// pgxpool's default (4 or the core count) starves a service that
	// handles many concurrent requests; a URL's pool_max_conns still wins.
	if !strings.Contains(url, "pool_max_conns") {
		cfg.MaxConns = DefaultMaxConns
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: connect: %w", err)
	}
	pctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := pool.Ping(pctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres: connect to %s:%d/%s: %w", cfg.ConnConfig.Host, cfg.ConnConfig.Port, cfg.ConnConfig.Database, err)
	}
	return &DB{Pool: pool}, nil
}

// DB implements sqlstore.DB over a pgx pool.
type DB struct{ Pool *pgxpool.Pool }

// Begin implements sqlstore.DB.
func (db *DB) Begin(ctx context.Context, readOnly bool) (sqlstore.Conn, error) {
	opts := pgx.TxOptions{}
	if readOnly {
		opts.AccessMode = pgx.ReadOnly
	}
	tx, err := db.Pool.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	return conn{tx}, nil
}

// Ping implements sqlstore.DB.
func (db *DB) Ping(ctx context.Context) error { return db.Pool.Ping(ctx) }

// Close implements sqlstore.DB.
func (db *DB) Close() error { db.Pool.Close(); return nil }

type conn struct{ tx pgx.Tx }

func (c conn) Exec(ctx context.Context, q string, args ...any) (int64, error) {
	tag, err := c.tx.Exec(ctx, q, args...)
	return tag.RowsAffected(), err
}

func (c conn) Query(ctx context.Context, q string, args ...any) (sqlstore.Rows, error) {
	rows, err := c.tx.Query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	return rows, nil
}

func (c conn) QueryRow(ctx context.Context, q string, args ...any) sqlstore.Row {
	return c.tx.QueryRow(ctx, q, args...)
}

// QueryRowBatch pipelines every statement in one round trip.
func (c conn) QueryRowBatch(ctx context.Context, q string, args [][]any, scan func(int, sqlstore.Row) error) error {
	if len(args) == 1 {
		return scan(0, c.tx.QueryRow(ctx, q, args[0]...))
	}
	b := &pgx.Batch{}
	for _, a := range args {
		b.Queue(q, a...)
	}
	br := c.tx.SendBatch(ctx, b)
	for i := range args {
		if err := scan(i, br.QueryRow()); err != nil {
			_ = br.Close()
			return err
		}
	}
	return br.Close()
}

// ExecBatch pipelines every statement in one round trip.
func (c conn) ExecBatch(ctx context.Context, q string, args [][]any) error {
	b := &pgx.Batch{}
	for _, a := range args {
		b.Queue(q, a...)
	}
	return c.tx.SendBatch(ctx, b).Close()
}

func (c conn) Commit(ctx context.Context) error   { return c.tx.Commit(ctx) }
func (c conn) Rollback(ctx context.Context) error { return c.tx.Rollback(ctx) }

// unavailable names the Postgres failures that mean the server cannot
// serve now: unreachable, restarting, out of connections or disk. The
// pool reconnects by itself once the server is back.
func unavailable(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch {
		case strings.HasPrefix(pe.Code, "08"):
			return "the connection to PostgreSQL failed"
		case pe.Code == "57P01" || pe.Code == "57P02" || pe.Code == "57P03":
			return "PostgreSQL is shutting down or starting up"
		case pe.Code == "53300":
			return "PostgreSQL has no connection slot left"
		case pe.Code == "53100":
			return "PostgreSQL's disk is full"
		case pe.Code == "25006":
			return "PostgreSQL is read-only (a standby?)"
		}
		return ""
	}
	var ce *pgconn.ConnectError
	var ne net.Error
	switch {
	case errors.Is(err, context.Canceled):
		return "" // the caller went away; nothing is wrong with the store
	case errors.Is(err, context.DeadlineExceeded):
		return "PostgreSQL did not answer in time"
	case errors.As(err, &ce):
		return "PostgreSQL is unreachable"
	case errors.As(err, &ne), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF), pgconn.Timeout(err), pgconn.SafeToRetry(err):
		return "the connection to PostgreSQL was lost"
	case strings.Contains(err.Error(), "conn closed"):
		return "the connection to PostgreSQL was lost"
	}
	return ""
}

// GroupCommitWriters is how many group-commit writers the desk runs on
// Postgres. Tickets: one per two cores, overlapping a few round trips;
// fewer writers make larger transactions (on this project's 2-core
// machine one writer took 5,300-6,500 single tickets/s where four took
// 3,900-5,300, BenchmarkIngestSingle, service and database sharing the
// cores). Chat notes: four, because a person waits for a note (the
// slash-command p99 was 35 ms where one writer gave 40-53 ms,
// BenchmarkSlashCommandAck, 50 in flight).
func GroupCommitWriters() (tickets, notes int) { return max(1, runtime.GOMAXPROCS(0)/2), 4 }

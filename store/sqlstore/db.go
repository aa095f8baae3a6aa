// Package sqlstore is the one SQL code path behind both store backends.
// The backends (store/sqlite and store/postgres) give it a DB and a Dialect;
// the queries are written once, with $N placeholders that both engines
// accept, and only the schema files differ.
package sqlstore

import (
	"context"
	"fmt"
	"time"
)

// DB is a connection pool as the backends expose it.
type DB interface {
	// Begin starts a transaction. A read-only transaction may run beside
	// others; a read-write one may be serialised by the backend.
	Begin(ctx context.Context, readOnly bool) (Conn, error)
	Ping(ctx context.Context) error
	Close() error
}

// Conn is a transaction.
type Conn interface {
	Exec(ctx context.Context, q string, args ...any) (rowsAffected int64, err error)
	Query(ctx context.Context, q string, args ...any) (Rows, error)
	QueryRow(ctx context.Context, q string, args ...any) Row
	// QueryRowBatch runs q once for each argument list, in order, and hands
	// each single-row result to scan. Backends send the whole batch in as
	// few round trips as they can (Postgres pipelines it).
	QueryRowBatch(ctx context.Context, q string, args [][]any, scan func(i int, r Row) error) error
	// ExecBatch runs q once for each argument list, in order, in as few
	// round trips as the backend can.
	ExecBatch(ctx context.Context, q string, args [][]any) error
	Commit(ctx context.Context) error
	Rollback(ctx context.Context) error
}

// Rows is a result set.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
	Close()
}

// Row is a single-row result. Scan returns an error for which
// Dialect.IsNoRows is true when there was no row.
type Row interface {
	Scan(dest ...any) error
}

// Dialect holds what differs between the engines beyond the schema.
type Dialect struct {
	Name string
	// EncodeTime turns a time into the value the engine stores: a UTC
	// timestamptz for Postgres, Unix microseconds for SQLite.
	EncodeTime func(time.Time) any
	// IsNoRows reports the engine's "no rows" error.
	IsNoRows func(error) bool
	// IsUniqueViolation reports a broken unique constraint.
	IsUniqueViolation func(error) bool
	// IsForeignKeyViolation reports a reference to a missing row.
	IsForeignKeyViolation func(error) bool
	// Migrations are the schema files, named NNNN_what.sql, in order.
	Migrations []Migration
	// LockRows is appended to the outbox claim's SELECT: Postgres's
	// FOR UPDATE SKIP LOCKED lets racing dispatchers take disjoint rows
	// (SQLite has one writer, so it needs nothing).
	LockRows string
	// MigrationLock is run first inside the migration transaction so that
	// replicas starting together migrate one at a time ("" for none).
	MigrationLock string
	// Unavailable explains an engine error that means the store cannot
	// serve now (unreachable, restarting, full, read-only) in words for
	// the caller, or returns "" for any other error.
	Unavailable func(error) string
	// InIDs returns the condition "col is one of ids" with placeholder
	// ph, and the argument that goes with it, so that one statement
	// updates a whole batch of rows (Postgres: col = ANY($n) with an
	// array; SQLite: col IN (SELECT value FROM json_each($n))).
	InIDs func(col, ph string, ids []int64) (string, any)
	// Pairs returns a subquery with columns a and b, one row per element
	// of the JSON array of two-string arrays bound to ph, so that one
	// INSERT ... SELECT stores a whole batch.
	Pairs func(ph string) string
	// RelaxedCommit is run first in transactions whose loss in a crash
	// costs nothing durable (the replay guard's records): Postgres's
	// SET LOCAL synchronous_commit = off skips waiting for the WAL flush
	// ("" for none).
	RelaxedCommit string
}

// Before returns d with only the migrations older than version: the schema
// as it was, for tests that store rows the way an older release did and
// then migrate them.
func (d Dialect) Before(version int) Dialect {
	for i, m := range d.Migrations {
		if m.Version >= version {
			d.Migrations = d.Migrations[:i:i]
			break
		}
	}
	return d
}

// Migration is one versioned schema change.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// ts scans a stored time from either engine: time.Time from Postgres, Unix
// microseconds from SQLite, NULL as the zero time.
type ts struct{ t time.Time }

// Scan implements sql.Scanner.
func (x *ts) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		x.t = time.Time{}
	case time.Time:
		x.t = v.UTC()
	case int64:
		x.t = time.UnixMicro(v).UTC()
	default:
		return fmt.Errorf("sqlstore: cannot scan %T as a time", src)
	}
	return nil
}

func (x ts) ptr() *time.Time {
	if x.t.IsZero() {
		return nil
	}
	t := x.t
	return &t
}

var _ interface{ Scan(any) error } = (*ts)(nil)

// nullTime encodes an optional time for the dialect.
func (d Dialect) nullTime(t *time.Time) any {
	if t == nil || t.IsZero() {
		return nil
	}
	return d.EncodeTime(*t)
}

// nullInt encodes an optional id: 0 is NULL.
func nullInt(v int64) any {
	if v == 0 {
		return nil
	}
	return v
}

// nullStr encodes an optional string: "" is NULL.
func nullStr(s string) any {
	if s == "" {
		return nil
	}
	return s
}

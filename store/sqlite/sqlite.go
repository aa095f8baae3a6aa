// Package sqlite is the embedded default store: SQLite through the pure-Go
// driver modernc.org/sqlite, in WAL mode with a busy timeout. Writes go
// through one connection (SQLite allows one writer at a time, and queuing
// in Go beats SQLITE_BUSY retries); reads use a separate pool.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"stormdesk"
	"stormdesk/store/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Dialect returns the SQLite dialect with its embedded migrations.
func Dialect() sqlstore.Dialect {
	ms, err := sqlstore.LoadMigrations(migrations, "migrations")
	if err != nil {
		panic(err) // the embedded files are part of the binary
	}
	return sqlstore.Dialect{
		Name:       "sqlite",
		EncodeTime: func(t time.Time) any { return t.UTC().UnixMicro() },
		IsNoRows:   func(err error) bool { return errors.Is(err, sql.ErrNoRows) },
		IsUniqueViolation: func(err error) bool {
			var e *sqlite.Error
			return errors.As(err, &e) && (e.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || e.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY)
		},
		IsForeignKeyViolation: func(err error) bool {
			var e *sqlite.Error
			return errors.As(err, &e) && e.Code() == sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY
		},
		Unavailable: unavailable,
		Pairs: func(ph string) string {
			return "SELECT json_extract(value, '$[0]') AS a, json_extract(value, '$[1]') AS b FROM json_each(" + ph + ")"
		},
		InIDs: func(col, ph string, ids []int64) (string, any) {
			b, _ := json.Marshal(ids) // an []int64 always marshals
			return col + " IN (SELECT value FROM json_each(" + ph + "))", string(b)
		},
		Migrations: ms,
	}
}

// unavailable names the SQLite failures that mean the database cannot be
// written now; the data already stored is intact (SQLite rolls the
// transaction back).
func unavailable(err error) string {
	var e *sqlite.Error
	if !errors.As(err, &e) {
		return ""
	}
	switch e.Code() & 0xff {
	case sqlite3.SQLITE_FULL:
		return "the database or its disk is full"
	case sqlite3.SQLITE_READONLY:
		return "the database file is read-only"
	case sqlite3.SQLITE_IOERR:
		return "the disk reported an I/O error"
	case sqlite3.SQLITE_CANTOPEN:
		return "the database file cannot be opened"
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return "the database is locked by another process"
	}
	return ""
}

// Open opens (creating if needed) the database file at path, migrates it
// and returns the store.
func Open(ctx context.Context, path string, now time.Time) (*sqlstore.Store, error) {
	db, err := OpenDB(path)
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

// OpenDB opens the database without migrating it.
func OpenDB(path string) (*DB, error) {
	if path == "" {
		return nil, stormdesk.Errorf(stormdesk.EINVALID, "sqlite: empty database path")
	}
	if dir := filepath.Dir(path); dir != "" {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return nil, stormdesk.Errorf(stormdesk.EINVALID, "sqlite: directory %q of database %q does not exist", dir, path)
		}
	}
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "busy_timeout(10000)", "foreign_keys(ON)", "synchronous(NORMAL)"} {
		q.Add("_pragma", p)
	}
	dsn := "file:" + path + "?" + q.Encode()
	w, err := sql.Open("sqlite", dsn+"&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	r, err := sql.Open("sqlite", dsn+"&mode=ro")
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	r.SetMaxOpenConns(4)
	// Touch the file through the writer first so that the read pool never
	// races to create it.
	if err := w.Ping(); err != nil {
		w.Close()
		r.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	return &DB{w: w, r: r}, nil
}

// DB implements sqlstore.DB over database/sql.
type DB struct{ w, r *sql.DB }

// Begin implements sqlstore.DB.
func (db *DB) Begin(ctx context.Context, readOnly bool) (sqlstore.Conn, error) {
	p := db.w
	if readOnly {
		p = db.r
	}
	tx, err := p.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	return conn{tx}, nil
}

// Ping implements sqlstore.DB.
func (db *DB) Ping(ctx context.Context) error {
	var one int
	return db.r.QueryRowContext(ctx, "SELECT 1").Scan(&one)
}

// Close implements sqlstore.DB.
func (db *DB) Close() error { return errors.Join(db.r.Close(), db.w.Close()) }

type conn struct{ tx *sql.Tx }

func (c conn) Exec(ctx context.Context, q string, args ...any) (int64, error) {
	res, err := c.tx.ExecContext(ctx, q, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

func (c conn) Query(ctx context.Context, q string, args ...any) (sqlstore.Rows, error) {
	rows, err := c.tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	return sqlRows{rows}, nil
}

func (c conn) QueryRow(ctx context.Context, q string, args ...any) sqlstore.Row {
	return c.tx.QueryRowContext(ctx, q, args...)
}

func (c conn) QueryRowBatch(ctx context.Context, q string, args [][]any, scan func(int, sqlstore.Row) error) error {
	st, err := c.tx.PrepareContext(ctx, q)
	if err != nil {
		return err
	}
	defer st.Close()
	for i, a := range args {
		if err := scan(i, st.QueryRowContext(ctx, a...)); err != nil {
			return err
		}
	}
	return nil
}

func (c conn) ExecBatch(ctx context.Context, q string, args [][]any) error {
	st, err := c.tx.PrepareContext(ctx, q)
	if err != nil {
		return err
	}
	defer st.Close()
	for _, a := range args {
		if _, err := st.ExecContext(ctx, a...); err != nil {
			return err
		}
	}
	return nil
}

func (c conn) Commit(context.Context) error   { return c.tx.Commit() }
func (c conn) Rollback(context.Context) error { return c.tx.Rollback() }

type sqlRows struct{ *sql.Rows }

func (r sqlRows) Close() { _ = r.Rows.Close() }

// GroupCommitWriters is how many group-commit writers the desk runs on
// SQLite, for tickets and for chat notes: one each, as SQLite has one
// writer at a time anyway.
func GroupCommitWriters() (tickets, notes int) { return 1, 1 }

package storetest

import (
	"context"
	"testing"
	"time"

	"stormdesk"
	"stormdesk/store/sqlstore"
)

// Backend is one SQL backend as its tests reach it, so that SQLite and
// Postgres run the same suites through the same set-up and differ only
// in where a database lives and how it is opened.
type Backend struct {
	// Fresh returns where a new database with nothing stored in it lives
	// (a file path, a database URL), its own for the test.
	Fresh func(tb testing.TB) string
	// Open opens the store at loc, migrating it to the current schema.
	Open func(ctx context.Context, loc string, now time.Time) (*sqlstore.Store, error)
}

// MustOpen opens the store at loc, failing the test when it cannot.
func (b Backend) MustOpen(tb testing.TB, loc string) *sqlstore.Store {
	tb.Helper()
	s, err := b.Open(context.Background(), loc, time.Now())
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// Opener is the backend's Opener for Run: a fresh database, and a
// reopen of the same one.
func (b Backend) Opener(t *testing.T) (stormdesk.Store, func() stormdesk.Store) {
	loc := b.Fresh(t)
	return b.MustOpen(t, loc), func() stormdesk.Store { return b.MustOpen(t, loc) }
}

// OutboxStore is the backend's store for RunOutboxContract: a fresh
// database, closed when the test ends.
func (b Backend) OutboxStore(t *testing.T) OutboxStore {
	s := b.MustOpen(t, b.Fresh(t))
	t.Cleanup(func() { s.Close() })
	return Outbox(s)
}

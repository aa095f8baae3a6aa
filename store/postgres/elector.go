package postgres

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"sync"

	"github.com/jackc/pgx/v5/pgxpool"
)

// LeaderLockKey is the advisory lock whose holder is the leader: the one
// replica that runs scheduled work (feed polls, probes, triage).
const LeaderLockKey = 0x570d_1ead

// ErrNotLeader is returned by IsLeader on every replica but the leader.
var ErrNotLeader = errors.New("postgres: not the leader")

// Elector elects one leader among the replicas sharing a database, with a
// session-level advisory lock held on one dedicated connection: Postgres
// is the coordination engine, no home-made consensus. When the leader dies
// its session ends, the lock is released, and the next replica to ask
// becomes the leader. It implements gocron's Elector.
type Elector struct {
	pool *pgxpool.Pool
	key  int64
	mu   sync.Mutex
	conn *pgxpool.Conn
}

// NewElector returns an elector over db's pool.
func NewElector(db *DB, key int64) *Elector { return &Elector{pool: db.Pool, key: key} }

// LeaderKey is the leader lock's key for the deployment whose tables are
// in db's current schema. Advisory locks belong to the whole database,
// while a deployment's tables belong to its schema (search_path): two
// deployments sharing one database in two schemas (staging beside
// production, or two test runs) must not elect one leader between them.
// The public schema keeps LeaderLockKey; any other mixes its name in.
func LeaderKey(ctx context.Context, db *DB) (int64, error) {
	var schema string
	if err := db.Pool.QueryRow(ctx, "SELECT current_schema()").Scan(&schema); err != nil {
		return 0, fmt.Errorf("postgres: current schema: %w", err)
	}
	return leaderKey(schema), nil
}

func leaderKey(schema string) int64 {
	if schema == "public" || schema == "" {
		return LeaderLockKey
	}
	h := fnv.New64a()
	h.Write([]byte(schema))
	return LeaderLockKey ^ int64(h.Sum64()&^(1<<63))
}

// IsLeader returns nil when this replica holds (or just took) the lock.
func (e *Elector) IsLeader(ctx context.Context) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.conn != nil {
		// Still leader only while the session that holds the lock lives.
		if _, err := e.conn.Exec(ctx, "SELECT 1"); err == nil {
			return nil
		}
		e.drop(ctx)
	}
	c, err := e.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("postgres: elect: %w", err)
	}
	var got bool
	if err := c.QueryRow(ctx, "SELECT pg_try_advisory_lock($1)", e.key).Scan(&got); err != nil {
		c.Release()
		return fmt.Errorf("postgres: elect: %w", err)
	}
	if !got {
		c.Release()
		return ErrNotLeader
	}
	e.conn = c
	return nil
}

// drop closes the leader connection: closing (not releasing) it makes sure
// the lock never goes back into the pool with a session that holds it.
func (e *Elector) drop(ctx context.Context) {
	_ = e.conn.Conn().Close(ctx)
	e.conn.Release()
	e.conn = nil
}

// Resign gives up leadership (on a clean shutdown), so another replica
// takes over at once rather than when this session times out.
func (e *Elector) Resign(ctx context.Context) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.conn != nil {
		_, _ = e.conn.Exec(ctx, "SELECT pg_advisory_unlock($1)", e.key)
		e.drop(ctx)
	}
}

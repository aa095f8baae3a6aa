package sqlstore

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"stormdesk"
)

// LoadMigrations reads NNNN_name.sql files from dir in fsys.
func LoadMigrations(fsys fs.FS, dir string) ([]Migration, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: read migrations: %w", err)
	}
	var out []Migration
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".sql") {
			continue
		}
		num, _, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("sqlstore: migration file %q: name must start with a positive version number and _", name)
		}
		b, err := fs.ReadFile(fsys, path.Join(dir, name))
		if err != nil {
			return nil, fmt.Errorf("sqlstore: read migration %s: %w", name, err)
		}
		out = append(out, Migration{Version: v, Name: name, SQL: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	// Versions may skip a number: branches developed side by side reserve
	// their numbers ahead of merging (this one's 0015 while another's
	// 0014 is unmerged), and Migrate applies every version not yet
	// recorded, so a skipped one that arrives later is still applied.
	for i, m := range out {
		if i > 0 && m.Version == out[i-1].Version {
			return nil, fmt.Errorf("sqlstore: migrations %s and %s share a version number", out[i-1].Name, m.Name)
		}
	}
	return out, nil
}

// Latest returns the newest schema version this binary knows.
func (d Dialect) Latest() int {
	if len(d.Migrations) == 0 {
		return 0
	}
	return d.Migrations[len(d.Migrations)-1].Version
}

// Migrate applies pending migrations in one transaction and returns the
// versions before and after. It refuses a database whose schema is newer
// than this binary, so an old replica never writes to a schema it does not
// understand.
func Migrate(ctx context.Context, db DB, d Dialect, now time.Time) (from, to int, err error) {
	c, err := db.Begin(ctx, false)
	if err != nil {
		return 0, 0, fmt.Errorf("sqlstore: migrate: begin: %w", err)
	}
	defer func() {
		if err != nil {
			_ = c.Rollback(context.WithoutCancel(ctx))
		}
	}()
	if d.MigrationLock != "" {
		if _, err := c.Exec(ctx, d.MigrationLock); err != nil {
			return 0, 0, fmt.Errorf("sqlstore: migrate: lock: %w", err)
		}
	}
	if _, err := c.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		return 0, 0, fmt.Errorf("sqlstore: migrate: create schema_migrations: %w", err)
	}
	if err := c.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&from); err != nil {
		return 0, 0, fmt.Errorf("sqlstore: migrate: read version: %w", err)
	}
	if from > d.Latest() {
		return from, from, stormdesk.Errorf(stormdesk.ECONFLICT,
			"database schema is at version %d, newer than this stormdesk binary knows (%d): upgrade stormdesk before running it against this database", from, d.Latest())
	}
	applied := map[int]bool{}
	rows, err := c.Query(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return 0, 0, fmt.Errorf("sqlstore: migrate: read versions: %w", err)
	}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			rows.Close()
			return 0, 0, fmt.Errorf("sqlstore: migrate: read versions: %w", err)
		}
		applied[v] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, 0, fmt.Errorf("sqlstore: migrate: read versions: %w", err)
	}
	for _, m := range d.Migrations {
		if applied[m.Version] {
			continue
		}
		if _, err := c.Exec(ctx, m.SQL); err != nil {
			return from, 0, fmt.Errorf("sqlstore: migrate: apply %s: %w", m.Name, err)
		}
		if _, err := c.Exec(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)`, m.Version, m.Name, now.UTC().Format(time.RFC3339)); err != nil {
			return from, 0, fmt.Errorf("sqlstore: migrate: record %s: %w", m.Name, err)
		}
	}
	if err := c.Commit(ctx); err != nil {
		return from, 0, fmt.Errorf("sqlstore: migrate: commit: %w", err)
	}
	return from, d.Latest(), nil
}

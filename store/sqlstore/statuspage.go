package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"stormdesk"
)

// SetComponentOverride implements stormdesk.StatusPageTx.
func (x *tx) SetComponentOverride(ctx context.Context, o stormdesk.ComponentOverride) error {
	var err error
	if o.Status == "" {
		_, err = x.c.Exec(ctx, `DELETE FROM component_overrides WHERE component = $1`, o.Component)
	} else {
		_, err = x.c.Exec(ctx, `INSERT INTO component_overrides (component, status, actor, at) VALUES ($1, $2, $3, $4)
ON CONFLICT (component) DO UPDATE SET status = excluded.status, actor = excluded.actor, at = excluded.at`,
			o.Component, string(o.Status), o.Actor, x.d.EncodeTime(o.At))
	}
	if err != nil {
		return fmt.Errorf("sqlstore: set component %s: %w", o.Component, err)
	}
	return nil
}

// ComponentOverrides implements stormdesk.StatusPageTx.
func (x *tx) ComponentOverrides(ctx context.Context) ([]stormdesk.ComponentOverride, error) {
	rows, err := x.c.Query(ctx, `SELECT component, status, actor, at FROM component_overrides ORDER BY component`)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: component overrides: %w", err)
	}
	defer rows.Close()
	var out []stormdesk.ComponentOverride
	for rows.Next() {
		var o stormdesk.ComponentOverride
		var at ts
		if err := rows.Scan(&o.Component, &o.Status, &o.Actor, &at); err != nil {
			return nil, fmt.Errorf("sqlstore: scan component override: %w", err)
		}
		o.At = at.t
		out = append(out, o)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlstore: component overrides: %w", err)
	}
	return out, nil
}

// PublicVersion implements stormdesk.StatusPageTx. Each published incident of the
// window contributes its id, its updated_at and the id of its latest
// timeline entry (one step down the timeline_by_incident index, whatever
// the timeline's length): updated_at alone misses two changes within the
// same instant (a clock that stands still in tests), the new timeline
// entry that each change writes does not.
func (x *tx) PublicVersion(ctx context.Context, since time.Time) (string, error) {
	rows, err := x.c.Query(ctx, `SELECT i.id, i.updated_at,
  (SELECT t.id FROM timeline_entries t WHERE t.incident_id = i.id ORDER BY t.at DESC, t.id DESC LIMIT 1)
FROM incidents i WHERE i.published_at IS NOT NULL AND (i.resolved_at IS NULL OR i.resolved_at >= $1) ORDER BY i.id`, x.d.EncodeTime(since))
	if err != nil {
		return "", fmt.Errorf("sqlstore: public version: %w", err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var id int64
		var updated ts
		var last sql.NullInt64
		if err := rows.Scan(&id, &updated, &last); err != nil {
			return "", fmt.Errorf("sqlstore: scan public version: %w", err)
		}
		fmt.Fprintf(&b, "i%d@%d#%d;", id, updated.t.UnixMicro(), last.Int64)
	}
	if err := rows.Err(); err != nil {
		return "", fmt.Errorf("sqlstore: public version: %w", err)
	}
	overrides, err := x.ComponentOverrides(ctx)
	if err != nil {
		return "", err
	}
	for _, o := range overrides {
		fmt.Fprintf(&b, "c%s=%s@%d;", o.Component, o.Status, o.At.UnixMicro())
	}
	m, err := x.maintenanceVersion(ctx, since)
	if err != nil {
		return "", err
	}
	return b.String() + m, nil
}

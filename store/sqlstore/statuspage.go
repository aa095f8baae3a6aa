package sqlstore

import (
	"context"
	"fmt"

	"stormdesk"
)

// SetComponentOverride implements stormdesk.Tx.
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

// ComponentOverrides implements stormdesk.Tx.
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

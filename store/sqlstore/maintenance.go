package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"stormdesk"
)

const maintenanceCols = `m.id, COALESCE(m.key, ''), m.title, m.text, m.components, m.starts_at, m.ends_at, m.alert_above, m.created_by, m.created_at, m.updated_at,
  m.started_at, m.ended_at, m.cancelled_at, (SELECT COUNT(*) FROM maintenance_tickets mt WHERE mt.maintenance_id = m.id)`

func scanMaintenance(r interface{ Scan(...any) error }) (*stormdesk.Maintenance, error) {
	var m stormdesk.Maintenance
	var comps string
	var starts, ends, created, updated, started, ended, cancelled ts
	if err := r.Scan(&m.ID, &m.Key, &m.Title, &m.Text, &comps, &starts, &ends, &m.AlertAbove, &m.CreatedBy, &created, &updated, &started, &ended, &cancelled, &m.Tickets); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(comps), &m.Components); err != nil {
		return nil, fmt.Errorf("sqlstore: maintenance %d components: %w", m.ID, err)
	}
	m.StartsAt, m.EndsAt, m.CreatedAt, m.UpdatedAt = starts.t, ends.t, created.t, updated.t
	m.StartedAt, m.EndedAt, m.CancelledAt = started.ptr(), ended.ptr(), cancelled.ptr()
	return &m, nil
}

// CreateMaintenance implements stormdesk.MaintenanceTx.
func (x *tx) CreateMaintenance(ctx context.Context, m *stormdesk.Maintenance) error {
	err := x.c.QueryRow(ctx, `INSERT INTO maintenances (key, title, text, components, starts_at, ends_at, alert_above, created_by, created_at, updated_at, started_at, ended_at,
  cancelled_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
		nullStr(m.Key), m.Title, m.Text, encodeFeatures(m.Components), x.d.EncodeTime(m.StartsAt), x.d.EncodeTime(m.EndsAt), m.AlertAbove, m.CreatedBy,
		x.d.EncodeTime(m.CreatedAt), x.d.EncodeTime(m.UpdatedAt), x.d.nullTime(m.StartedAt), x.d.nullTime(m.EndedAt), x.d.nullTime(m.CancelledAt)).Scan(&m.ID)
	switch {
	case err != nil && x.d.IsUniqueViolation(err):
		return stormdesk.Errorf(stormdesk.ECONFLICT, "maintenance %s already exists", m.Key)
	case err != nil:
		return fmt.Errorf("sqlstore: insert maintenance: %w", err)
	}
	return nil
}

// UpdateMaintenance implements stormdesk.MaintenanceTx.
func (x *tx) UpdateMaintenance(ctx context.Context, m *stormdesk.Maintenance) error {
	n, err := x.c.Exec(ctx, `UPDATE maintenances SET title = $1, text = $2, components = $3, starts_at = $4, ends_at = $5, alert_above = $6,
  updated_at = $7, started_at = $8, ended_at = $9, cancelled_at = $10 WHERE id = $11`,
		m.Title, m.Text, encodeFeatures(m.Components), x.d.EncodeTime(m.StartsAt), x.d.EncodeTime(m.EndsAt), m.AlertAbove,
		x.d.EncodeTime(m.UpdatedAt), x.d.nullTime(m.StartedAt), x.d.nullTime(m.EndedAt), x.d.nullTime(m.CancelledAt), m.ID)
	if err != nil {
		return fmt.Errorf("sqlstore: update maintenance %d: %w", m.ID, err)
	}
	if n == 0 {
		return stormdesk.Errorf(stormdesk.ENOTFOUND, "maintenance %d not found", m.ID)
	}
	return nil
}

// Maintenance implements stormdesk.MaintenanceTx.
func (x *tx) Maintenance(ctx context.Context, id int64) (*stormdesk.Maintenance, error) {
	m, err := scanMaintenance(x.c.QueryRow(ctx, `SELECT `+maintenanceCols+` FROM maintenances m WHERE m.id = $1`, id))
	if x.d.IsNoRows(err) {
		return nil, stormdesk.Errorf(stormdesk.ENOTFOUND, "maintenance %d not found", id)
	} else if err != nil {
		return nil, fmt.Errorf("sqlstore: load maintenance %d: %w", id, err)
	}
	return m, nil
}

// MaintenanceByKey implements stormdesk.MaintenanceTx.
func (x *tx) MaintenanceByKey(ctx context.Context, key string) (*stormdesk.Maintenance, error) {
	m, err := scanMaintenance(x.c.QueryRow(ctx, `SELECT `+maintenanceCols+` FROM maintenances m WHERE m.key = $1`, key))
	if x.d.IsNoRows(err) {
		return nil, stormdesk.Errorf(stormdesk.ENOTFOUND, "maintenance %s not found", key)
	} else if err != nil {
		return nil, fmt.Errorf("sqlstore: load maintenance %s: %w", key, err)
	}
	return m, nil
}

// Maintenances implements stormdesk.MaintenanceTx.
func (x *tx) Maintenances(ctx context.Context, f stormdesk.MaintenanceFilter) ([]*stormdesk.Maintenance, error) {
	var w where
	if !f.EndsSince.IsZero() {
		w.add("m.ends_at >= ?", x.d.EncodeTime(f.EndsSince))
	}
	if f.Unended {
		w.conds = append(w.conds, "m.ended_at IS NULL", "m.cancelled_at IS NULL")
	}
	return queryAll(ctx, x.c, `SELECT `+maintenanceCols+` FROM maintenances m`+w.String()+` ORDER BY m.starts_at, m.id`, w.args, "maintenances", "maintenance", scanMaintenance)
}

// MarkMaintenance implements stormdesk.MaintenanceTx.
func (x *tx) MarkMaintenance(ctx context.Context, id int64, what string, at time.Time) (bool, error) {
	var q string
	switch what {
	case stormdesk.MaintenanceKindStarted:
		q = `UPDATE maintenances SET started_at = $1, updated_at = $1 WHERE id = $2 AND started_at IS NULL`
	case stormdesk.MaintenanceKindEnded:
		q = `UPDATE maintenances SET ended_at = $1, updated_at = $1 WHERE id = $2 AND ended_at IS NULL`
	default:
		return false, fmt.Errorf("sqlstore: mark maintenance %d: %q is not started or ended", id, what)
	}
	n, err := x.c.Exec(ctx, q, x.d.EncodeTime(at), id)
	if err != nil {
		return false, fmt.Errorf("sqlstore: mark maintenance %d %s: %w", id, what, err)
	}
	return n == 1, nil
}

// AddMaintenanceTickets implements stormdesk.MaintenanceTx.
func (x *tx) AddMaintenanceTickets(ctx context.Context, id int64, tickets []int64, at time.Time) (int, error) {
	added := 0
	for _, t := range tickets {
		n, err := x.c.Exec(ctx, `INSERT INTO maintenance_tickets (maintenance_id, ticket_id, at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
			id, t, x.d.EncodeTime(at))
		if err != nil {
			if x.d.IsForeignKeyViolation(err) {
				return 0, stormdesk.Errorf(stormdesk.ENOTFOUND, "maintenance %d or ticket %d not found", id, t)
			}
			return 0, fmt.Errorf("sqlstore: record ticket %d on maintenance %d: %w", t, id, err)
		}
		added += int(n)
	}
	return added, nil
}

// MaintenanceTickets implements stormdesk.MaintenanceTx.
func (x *tx) MaintenanceTickets(ctx context.Context, id int64) ([]int64, error) {
	rows, err := x.c.Query(ctx, `SELECT ticket_id FROM maintenance_tickets WHERE maintenance_id = $1 ORDER BY ticket_id`, id)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: tickets of maintenance %d: %w", id, err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var t int64
		if err := rows.Scan(&t); err != nil {
			return nil, fmt.Errorf("sqlstore: scan maintenance ticket: %w", err)
		}
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlstore: tickets of maintenance %d: %w", id, err)
	}
	return out, nil
}

// AppendMaintenanceEntry implements stormdesk.MaintenanceTx.
func (x *tx) AppendMaintenanceEntry(ctx context.Context, e *stormdesk.MaintenanceEntry) error {
	var data any
	if len(e.Data) > 0 {
		data = string(e.Data)
	}
	err := x.c.QueryRow(ctx, `INSERT INTO maintenance_entries (maintenance_id, at, kind, actor, text, data) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
		e.MaintenanceID, x.d.EncodeTime(e.At), e.Kind, e.Actor, e.Text, data).Scan(&e.ID)
	if err != nil {
		if x.d.IsForeignKeyViolation(err) {
			return stormdesk.Errorf(stormdesk.ENOTFOUND, "maintenance %d not found", e.MaintenanceID)
		}
		return fmt.Errorf("sqlstore: append to maintenance %d: %w", e.MaintenanceID, err)
	}
	return nil
}

// MaintenanceEntries implements stormdesk.MaintenanceTx.
func (x *tx) MaintenanceEntries(ctx context.Context, id int64) ([]stormdesk.MaintenanceEntry, error) {
	rows, err := x.c.Query(ctx, `SELECT id, maintenance_id, at, kind, actor, text, COALESCE(data, '') FROM maintenance_entries WHERE maintenance_id = $1 ORDER BY at, id`, id)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: entries of maintenance %d: %w", id, err)
	}
	defer rows.Close()
	var out []stormdesk.MaintenanceEntry
	for rows.Next() {
		var e stormdesk.MaintenanceEntry
		var at ts
		var data string
		if err := rows.Scan(&e.ID, &e.MaintenanceID, &at, &e.Kind, &e.Actor, &e.Text, &data); err != nil {
			return nil, fmt.Errorf("sqlstore: scan maintenance entry: %w", err)
		}
		e.At = at.t
		if data != "" {
			e.Data = json.RawMessage(data)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlstore: entries of maintenance %d: %w", id, err)
	}
	return out, nil
}

// maintenanceVersion adds to a public version stamp each maintenance
// ending at or after since: its row's updated_at, its latest entry and
// its report count.
func (x *tx) maintenanceVersion(ctx context.Context, since time.Time) (string, error) {
	rows, err := x.c.Query(ctx, `SELECT m.id, m.updated_at,
  (SELECT e.id FROM maintenance_entries e WHERE e.maintenance_id = m.id ORDER BY e.at DESC, e.id DESC LIMIT 1)
FROM maintenances m WHERE m.ends_at >= $1 ORDER BY m.id`, x.d.EncodeTime(since))
	if err != nil {
		return "", fmt.Errorf("sqlstore: maintenance version: %w", err)
	}
	defer rows.Close()
	var b []byte
	for rows.Next() {
		var id int64
		var updated ts
		var last sql.NullInt64
		if err := rows.Scan(&id, &updated, &last); err != nil {
			return "", fmt.Errorf("sqlstore: scan maintenance version: %w", err)
		}
		b = fmt.Appendf(b, "m%d@%d#%d;", id, updated.t.UnixMicro(), last.Int64)
	}
	if err := rows.Err(); err != nil {
		return "", fmt.Errorf("sqlstore: maintenance version: %w", err)
	}
	return string(b), nil
}

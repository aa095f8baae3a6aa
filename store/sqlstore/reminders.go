package sqlstore

import (
	"context"
	"fmt"
	"strings"
	"time"

	"stormdesk"
)

// LastEntryAt implements stormdesk.TimelineTx.
func (x *tx) LastEntryAt(ctx context.Context, incidentID int64, kinds ...string) (time.Time, error) {
	if len(kinds) == 0 {
		return time.Time{}, nil
	}
	args := []any{incidentID}
	marks := make([]string, len(kinds))
	for i, k := range kinds {
		args = append(args, k)
		marks[i] = fmt.Sprintf("$%d", i+2)
	}
	var at ts
	err := x.c.QueryRow(ctx, `SELECT max(at) FROM timeline_entries WHERE incident_id = $1 AND kind IN (`+strings.Join(marks, ", ")+`)`, args...).Scan(&at)
	if err != nil {
		return time.Time{}, fmt.Errorf("sqlstore: last entry of incident %d: %w", incidentID, err)
	}
	return at.t, nil
}

// Reminded implements stormdesk.IncidentTx.
func (x *tx) Reminded(ctx context.Context, incidentID int64, kind string) (time.Time, error) {
	var at ts
	err := x.c.QueryRow(ctx, `SELECT at FROM reminders WHERE incident_id = $1 AND kind = $2`, incidentID, kind).Scan(&at)
	if x.d.IsNoRows(err) {
		return time.Time{}, nil
	} else if err != nil {
		return time.Time{}, fmt.Errorf("sqlstore: reminder of incident %d: %w", incidentID, err)
	}
	return at.t, nil
}

// SetReminded implements stormdesk.IncidentTx.
func (x *tx) SetReminded(ctx context.Context, incidentID int64, kind string, at time.Time) error {
	_, err := x.c.Exec(ctx, `INSERT INTO reminders (incident_id, kind, at) VALUES ($1, $2, $3) ON CONFLICT (incident_id, kind) DO UPDATE SET at = excluded.at`,
		incidentID, kind, x.d.EncodeTime(at))
	if err != nil {
		return fmt.Errorf("sqlstore: record reminder of incident %d: %w", incidentID, err)
	}
	return nil
}

// SetExported implements stormdesk.IncidentTx.
func (x *tx) SetExported(ctx context.Context, incidentID int64, at time.Time) error {
	n, err := x.c.Exec(ctx, `UPDATE incidents SET exported_at = $1 WHERE id = $2`, x.d.EncodeTime(at), incidentID)
	if err != nil {
		return fmt.Errorf("sqlstore: record export of incident %d: %w", incidentID, err)
	}
	if n == 0 {
		return stormdesk.Errorf(stormdesk.ENOTFOUND, "incident %d not found", incidentID)
	}
	return nil
}

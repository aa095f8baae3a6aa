package sqlstore

import (
	"context"
	"encoding/json"
	"fmt"

	"stormdesk"
)

// QueueCorrection implements stormdesk.TriageTx.
func (x *tx) QueueCorrection(ctx context.Context, c *stormdesk.TriageCorrection) error {
	err := x.c.QueryRow(ctx, `INSERT INTO triage_corrections (kind, a, b, at) VALUES ($1, $2, $3, $4) RETURNING id`,
		c.Kind, c.A, c.B, x.d.EncodeTime(c.At)).Scan(&c.ID)
	if err != nil {
		return fmt.Errorf("sqlstore: queue triage correction: %w", err)
	}
	return nil
}

// PendingCorrections implements stormdesk.TriageTx.
func (x *tx) PendingCorrections(ctx context.Context) ([]stormdesk.TriageCorrection, error) {
	rows, err := x.c.Query(ctx, `SELECT id, kind, a, b, at FROM triage_corrections ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: pending triage corrections: %w", err)
	}
	defer rows.Close()
	var out []stormdesk.TriageCorrection
	for rows.Next() {
		var c stormdesk.TriageCorrection
		var at ts
		if err := rows.Scan(&c.ID, &c.Kind, &c.A, &c.B, &at); err != nil {
			return nil, fmt.Errorf("sqlstore: scan triage correction: %w", err)
		}
		c.At = at.t
		out = append(out, c)
	}
	return out, rows.Err()
}

// DeleteCorrections implements stormdesk.TriageTx.
func (x *tx) DeleteCorrections(ctx context.Context, upTo int64) error {
	if _, err := x.c.Exec(ctx, `DELETE FROM triage_corrections WHERE id <= $1`, upTo); err != nil {
		return fmt.Errorf("sqlstore: delete triage corrections: %w", err)
	}
	return nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// SaveClusterViews implements stormdesk.TriageTx.
func (x *tx) SaveClusterViews(ctx context.Context, cs []stormdesk.ClusterView) error {
	if len(cs) == 0 {
		return nil
	}
	args := make([][]any, len(cs))
	for i, c := range cs {
		terms, _ := json.Marshal(c.TopTerms) // a []string always marshals
		args[i] = []any{c.ID, c.Label, c.Size, c.Customers, string(terms), x.d.EncodeTime(c.FirstSeen), x.d.EncodeTime(c.LastSeen),
			boolInt(c.Candidate), boolInt(c.Suppressed)}
	}
	err := x.c.QueryRowBatch(ctx, `INSERT INTO cluster_views (id, label, size, customers, top_terms, first_seen, last_seen, candidate, suppressed)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
ON CONFLICT (id) DO UPDATE SET label = excluded.label, size = excluded.size, customers = excluded.customers, top_terms = excluded.top_terms,
  first_seen = excluded.first_seen, last_seen = excluded.last_seen, candidate = excluded.candidate, suppressed = excluded.suppressed
RETURNING id`, args, func(_ int, r Row) error { var id int64; return r.Scan(&id) })
	if err != nil {
		return fmt.Errorf("sqlstore: save %d cluster views: %w", len(cs), err)
	}
	return nil
}

// ReplaceClusterViews implements stormdesk.TriageTx.
func (x *tx) ReplaceClusterViews(ctx context.Context, cs []stormdesk.ClusterView) error {
	if _, err := x.c.Exec(ctx, `DELETE FROM cluster_views`); err != nil {
		return fmt.Errorf("sqlstore: clear cluster views: %w", err)
	}
	return x.SaveClusterViews(ctx, cs)
}

// ClusterViews implements stormdesk.TriageTx.
func (x *tx) ClusterViews(ctx context.Context, limit int) ([]stormdesk.ClusterView, int, error) {
	var total int
	if err := x.c.QueryRow(ctx, `SELECT count(*) FROM cluster_views`).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("sqlstore: count cluster views: %w", err)
	}
	rows, err := x.c.Query(ctx, `SELECT id, label, size, customers, top_terms, first_seen, last_seen, candidate, suppressed FROM cluster_views
ORDER BY size DESC, id LIMIT $1`, limit)
	if err != nil {
		return nil, 0, fmt.Errorf("sqlstore: cluster views: %w", err)
	}
	defer rows.Close()
	out := []stormdesk.ClusterView{}
	for rows.Next() {
		var c stormdesk.ClusterView
		var terms string
		var first, last ts
		var cand, supp int
		if err := rows.Scan(&c.ID, &c.Label, &c.Size, &c.Customers, &terms, &first, &last, &cand, &supp); err != nil {
			return nil, 0, fmt.Errorf("sqlstore: scan cluster view: %w", err)
		}
		if err := json.Unmarshal([]byte(terms), &c.TopTerms); err != nil {
			return nil, 0, fmt.Errorf("sqlstore: cluster %d top terms: %w", c.ID, err)
		}
		c.FirstSeen, c.LastSeen, c.Candidate, c.Suppressed = first.t, last.t, cand == 1, supp == 1
		out = append(out, c)
	}
	return out, total, rows.Err()
}

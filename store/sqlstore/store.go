package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"stormdesk"
)

// Store implements stormdesk.Store over a DB.
type Store struct {
	db DB
	d  Dialect
	// seenCalls counts FirstSeen calls, to sweep expired records now
	// and then.
	seenCalls atomic.Uint64
}

var _ stormdesk.Store = (*Store)(nil)

// New returns a Store. The caller migrates first (Migrate).
func New(db DB, d Dialect) *Store { return &Store{db: db, d: d} }

// Backend implements stormdesk.Store.
func (s *Store) Backend() string { return s.d.Name }

// Close implements stormdesk.Store.
func (s *Store) Close() error { return s.db.Close() }

// Ping implements stormdesk.Store.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.db.Ping(ctx); err != nil {
		return fmt.Errorf("sqlstore: ping: %w", errors.Join(stormdesk.Errorf(stormdesk.EUNAVAILABLE, "store unreachable"), err))
	}
	return nil
}

// Update implements stormdesk.Store.
func (s *Store) Update(ctx context.Context, fn func(stormdesk.Tx) error) error {
	return s.run(ctx, false, fn)
}

// View implements stormdesk.Store.
func (s *Store) View(ctx context.Context, fn func(stormdesk.Tx) error) error {
	return s.run(ctx, true, fn)
}

func (s *Store) run(ctx context.Context, readOnly bool, fn func(stormdesk.Tx) error) (err error) {
	c, err := s.db.Begin(ctx, readOnly)
	if err != nil {
		return s.classify(fmt.Errorf("sqlstore: begin: %w", err))
	}
	defer func() {
		if p := recover(); p != nil {
			_ = c.Rollback(context.WithoutCancel(ctx))
			panic(p)
		}
	}()
	if err := fn(&tx{c: c, d: s.d}); err != nil {
		_ = c.Rollback(context.WithoutCancel(ctx))
		return s.classify(err)
	}
	if err := c.Commit(ctx); err != nil {
		return s.classify(fmt.Errorf("sqlstore: commit: %w", err))
	}
	return nil
}

// classify gives an error that means "the store cannot serve now" the
// code EUNAVAILABLE and a message saying why (the HTTP edge answers 503
// with Retry-After; callers retry). Errors that already carry a code are
// left alone.
func (s *Store) classify(err error) error {
	var coded *stormdesk.Error
	if errors.As(err, &coded) || s.d.Unavailable == nil {
		return err
	}
	if why := s.d.Unavailable(err); why != "" {
		return errors.Join(stormdesk.Errorf(stormdesk.EUNAVAILABLE, "store unavailable: %s; try again", why), err)
	}
	return err
}

type tx struct {
	c Conn
	d Dialect
}

const ticketCols = `id, source, external_id, external_customer_id, customer_email, customer_name, organisation, subject, body, tags, channel, received_at, created_at, incident_id, cluster_id, join_reason, joined_at`

// encodeTags is a ticket's tags as the tags column keeps them: a JSON
// array of strings, "[]" for none.
func encodeTags(tags []string) (string, error) {
	if len(tags) == 0 {
		return "[]", nil
	}
	b, err := json.Marshal(tags)
	return string(b), err
}

// decodeTags reads the tags column back; none is nil, as a ticket without
// tags was written.
func decodeTags(s string) ([]string, error) {
	if s == "[]" || s == "" {
		return nil, nil // most tickets: no tags, nothing to decode
	}
	var tags []string
	if err := json.Unmarshal([]byte(s), &tags); err != nil {
		// The value is left out: tags are the customer's helpdesk's text.
		return nil, fmt.Errorf("tags column is not a JSON array of strings: %w", err)
	}
	if len(tags) == 0 {
		return nil, nil
	}
	return tags, nil
}

func scanTicket(r interface{ Scan(...any) error }) (*stormdesk.Ticket, error) {
	var t stormdesk.Ticket
	var ext sql.NullString
	var inc, cl sql.NullInt64
	var recv, created, joined ts
	var tags string
	if err := r.Scan(&t.ID, &t.Source, &ext, &t.ExternalCustomerID, &t.CustomerEmail, &t.CustomerName, &t.Organisation, &t.Subject, &t.Body, &tags, &t.Channel, &recv, &created, &inc, &cl, &t.JoinReason, &joined); err != nil {
		return nil, err
	}
	var err error
	if t.Tags, err = decodeTags(tags); err != nil {
		return nil, err
	}
	t.ExternalID, t.ReceivedAt, t.CreatedAt, t.IncidentID, t.ClusterID, t.JoinedAt = ext.String, recv.t, created.t, inc.Int64, cl.Int64, joined.ptr()
	return &t, nil
}

// CreateTickets implements stormdesk.TicketTx.
func (x *tx) CreateTickets(ctx context.Context, tickets []*stormdesk.Ticket) ([]bool, error) {
	created := make([]bool, len(tickets))
	args := make([][]any, len(tickets))
	for i, t := range tickets {
		tags, err := encodeTags(t.Tags)
		if err != nil {
			return nil, fmt.Errorf("sqlstore: insert tickets: %s: %w", t, err)
		}
		args[i] = []any{t.Source, nullStr(t.ExternalID), t.ExternalCustomerID, t.CustomerEmail, t.CustomerName, t.Organisation, t.Subject, t.Body,
			tags, t.Channel, x.d.EncodeTime(t.ReceivedAt), x.d.EncodeTime(t.CreatedAt), nullInt(t.IncidentID), nullInt(t.ClusterID)}
	}
	var missing []int
	err := x.c.QueryRowBatch(ctx, `INSERT INTO tickets (source, external_id, external_customer_id, customer_email, customer_name, organisation, subject, body, tags, channel, received_at, created_at, incident_id, cluster_id)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
ON CONFLICT (source, external_id) DO NOTHING RETURNING id`, args, func(i int, r Row) error {
		err := r.Scan(&tickets[i].ID)
		switch {
		case err == nil:
			created[i] = true
		case x.d.IsNoRows(err):
			missing = append(missing, i)
		default:
			return err
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("sqlstore: insert tickets: %w", err)
	}
	// A ticket that was already stored comes back as stored, so a repeated
	// delivery answers exactly like the first one did.
	for _, i := range missing {
		t := tickets[i]
		got, err := scanTicket(x.c.QueryRow(ctx, `SELECT `+ticketCols+` FROM tickets WHERE source = $1 AND external_id = $2`, t.Source, t.ExternalID))
		if err != nil {
			return nil, fmt.Errorf("sqlstore: load existing ticket %s/%s: %w", t.Source, t.ExternalID, err)
		}
		*t = *got
	}
	return created, nil
}

// TicketByExternalID implements stormdesk.TicketTx.
func (x *tx) TicketByExternalID(ctx context.Context, source, externalID string) (*stormdesk.Ticket, error) {
	t, err := scanTicket(x.c.QueryRow(ctx, `SELECT `+ticketCols+` FROM tickets WHERE source = $1 AND external_id = $2`, source, externalID))
	if x.d.IsNoRows(err) {
		return nil, stormdesk.Errorf(stormdesk.ENOTFOUND, "ticket %s/%s not found", source, externalID)
	} else if err != nil {
		return nil, fmt.Errorf("sqlstore: load ticket %s/%s: %w", source, externalID, err)
	}
	return t, nil
}

// Ticket implements stormdesk.TicketTx.
func (x *tx) Ticket(ctx context.Context, id int64) (*stormdesk.Ticket, error) {
	t, err := scanTicket(x.c.QueryRow(ctx, `SELECT `+ticketCols+` FROM tickets WHERE id = $1`, id))
	if x.d.IsNoRows(err) {
		return nil, stormdesk.Errorf(stormdesk.ENOTFOUND, "ticket %d not found", id)
	} else if err != nil {
		return nil, fmt.Errorf("sqlstore: load ticket %d: %w", id, err)
	}
	return t, nil
}

// where builds a WHERE clause from conditions written with "?" for their
// single argument, numbering the placeholders in order.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, arg any) {
	w.args = append(w.args, arg)
	w.conds = append(w.conds, strings.Replace(cond, "?", fmt.Sprintf("$%d", len(w.args)), 1))
}

func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

func (x *tx) ticketWhere(f stormdesk.TicketFilter) *where {
	var w where
	if f.IncidentID != 0 {
		w.add("incident_id = ?", f.IncidentID)
	}
	if f.ClusterID != 0 {
		w.add("cluster_id = ?", f.ClusterID)
	}
	if !f.Since.IsZero() {
		w.add("received_at >= ?", x.d.EncodeTime(f.Since))
	}
	if f.AfterID != 0 {
		w.add("id > ?", f.AfterID)
	}
	if f.Unassigned {
		w.conds = append(w.conds, "incident_id IS NULL")
	}
	return &w
}

// CountTickets implements stormdesk.TicketTx.
func (x *tx) CountTickets(ctx context.Context, f stormdesk.TicketFilter) (n int, err error) {
	w := x.ticketWhere(f)
	if err := x.c.QueryRow(ctx, `SELECT count(*) FROM tickets`+w.String(), w.args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("sqlstore: count tickets: %w", err)
	}
	return n, nil
}

// Tickets implements stormdesk.TicketTx.
func (x *tx) Tickets(ctx context.Context, f stormdesk.TicketFilter) ([]*stormdesk.Ticket, error) {
	w := x.ticketWhere(f)
	order := ` ORDER BY received_at, id`
	if f.ByID {
		order = ` ORDER BY id`
	}
	q := `SELECT ` + ticketCols + ` FROM tickets` + w.String() + order
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	return x.listTickets(ctx, q, w.args...)
}

func (x *tx) listTickets(ctx context.Context, q string, args ...any) ([]*stormdesk.Ticket, error) {
	return queryAll(ctx, x.c, q, args, "list tickets", "ticket", scanTicket)
}

// queryAll runs q and turns each row into a T with scan, in order (nil
// when there is none). list names the query and item one row in errors:
// "list tickets", "ticket".
func queryAll[T any](ctx context.Context, c Conn, q string, args []any, list, item string, scan func(interface{ Scan(...any) error }) (T, error)) ([]T, error) {
	rows, err := c.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: %s: %w", list, err)
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlstore: scan %s: %w", item, err)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlstore: %s: %w", list, err)
	}
	return out, nil
}

// SetMemberships implements stormdesk.IncidentTx.
func (x *tx) SetMemberships(ctx context.Context, ms []stormdesk.Membership) error {
	for _, m := range ms {
		var joined any
		if m.IncidentID != 0 {
			joined = x.d.EncodeTime(m.At)
		}
		n, err := x.c.Exec(ctx, `UPDATE tickets SET incident_id = $1, join_reason = $2, joined_at = $3 WHERE id = $4`,
			nullInt(m.IncidentID), m.Reason, joined, m.TicketID)
		if err != nil {
			return fmt.Errorf("sqlstore: set membership of ticket %d: %w", m.TicketID, err)
		}
		if n == 0 {
			return stormdesk.Errorf(stormdesk.ENOTFOUND, "ticket %d not found", m.TicketID)
		}
	}
	return nil
}

// Members implements stormdesk.IncidentTx.
func (x *tx) Members(ctx context.Context, incidentIDs []int64) ([]stormdesk.Member, error) {
	if len(incidentIDs) == 0 {
		return nil, nil
	}
	in, arg := x.d.InIDs("incident_id", "$1", incidentIDs)
	rows, err := x.c.Query(ctx, `SELECT id, incident_id, received_at, joined_at, join_reason FROM tickets WHERE `+in+` ORDER BY received_at, id`, arg)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: incident members: %w", err)
	}
	defer rows.Close()
	var out []stormdesk.Member
	for rows.Next() {
		var m stormdesk.Member
		var recv, joined ts
		if err := rows.Scan(&m.TicketID, &m.IncidentID, &recv, &joined, &m.JoinReason); err != nil {
			return nil, fmt.Errorf("sqlstore: incident members: %w", err)
		}
		m.ReceivedAt, m.JoinedAt = recv.t, recv.t
		if p := joined.ptr(); p != nil {
			m.JoinedAt = *p
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlstore: incident members: %w", err)
	}
	return out, nil
}

// SetTicketIncident implements stormdesk.IncidentTx.
func (x *tx) SetTicketIncident(ctx context.Context, ticketID, incidentID, clusterID int64) error {
	n, err := x.c.Exec(ctx, `UPDATE tickets SET incident_id = $1, cluster_id = $2 WHERE id = $3`, nullInt(incidentID), nullInt(clusterID), ticketID)
	if err != nil {
		return fmt.Errorf("sqlstore: link ticket %d: %w", ticketID, err)
	}
	if n == 0 {
		return stormdesk.Errorf(stormdesk.ENOTFOUND, "ticket %d not found", ticketID)
	}
	return nil
}

const incidentCols = `id, title, status, severity, features, likely_cause, cluster_id, created_at, updated_at, acknowledged_at, resolved_at, merged_into, email_policy, exported_at, confirmed_at, published_at, public_title,
(SELECT count(*) FROM tickets t WHERE t.incident_id = incidents.id)`

func scanIncident(r interface{ Scan(...any) error }) (*stormdesk.Incident, error) {
	var i stormdesk.Incident
	var features, policy string
	var cl, merged sql.NullInt64
	var created, updated, acked, resolved, exported, confirmed, published ts
	if err := r.Scan(&i.ID, &i.Title, &i.Status, &i.Severity, &features, &i.LikelyCause, &cl, &created, &updated, &acked, &resolved, &merged, &policy, &exported, &confirmed,
		&published, &i.PublicTitle, &i.TicketCount); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(features), &i.Features); err != nil {
		return nil, fmt.Errorf("sqlstore: incident %d features: %w", i.ID, err)
	}
	if policy != "" {
		if err := json.Unmarshal([]byte(policy), &i.EmailPolicy); err != nil {
			return nil, fmt.Errorf("sqlstore: incident %d email policy: %w", i.ID, err)
		}
	}
	if i.Features == nil {
		i.Features = []string{}
	}
	i.ClusterID, i.MergedInto = cl.Int64, merged.Int64
	i.CreatedAt, i.UpdatedAt, i.AcknowledgedAt, i.ResolvedAt, i.ExportedAt, i.ConfirmedAt = created.t, updated.t, acked.ptr(), resolved.ptr(), exported.ptr(), confirmed.ptr()
	i.PublishedAt = published.ptr()
	if i.Status == stormdesk.StatusTriage && i.ConfirmedAt == nil {
		i.Status = stormdesk.StatusWatching
	}
	return &i, nil
}

// storedStatus is the status column's value. An upstream watch is stored
// as triage without a confirmation time (the schema's status check
// predates watches, and SQLite cannot alter a check in place); a read
// turns it back into watching.
func storedStatus(inc *stormdesk.Incident) string {
	if inc.Status == stormdesk.StatusWatching {
		inc.ConfirmedAt = nil
		return string(stormdesk.StatusTriage)
	}
	return string(inc.Status)
}

func encodeFeatures(f []string) string {
	if f == nil {
		f = []string{}
	}
	b, _ := json.Marshal(f) // a []string always marshals
	return string(b)
}

func encodePolicy(p stormdesk.EmailPolicy) string {
	if len(p) == 0 {
		return ""
	}
	b, _ := json.Marshal(p) // a map of strings always marshals
	return string(b)
}

// CreateIncident implements stormdesk.IncidentTx.
func (x *tx) CreateIncident(ctx context.Context, inc *stormdesk.Incident) error {
	if inc.ConfirmedAt == nil && !inc.Watching() {
		at := inc.CreatedAt
		inc.ConfirmedAt = &at
	}
	err := x.c.QueryRow(ctx, `INSERT INTO incidents (title, status, severity, features, likely_cause, cluster_id, created_at, updated_at, acknowledged_at, resolved_at, merged_into, email_policy, confirmed_at,
published_at, public_title)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
		inc.Title, storedStatus(inc), string(inc.Severity), encodeFeatures(inc.Features), inc.LikelyCause, nullInt(inc.ClusterID),
		x.d.EncodeTime(inc.CreatedAt), x.d.EncodeTime(inc.UpdatedAt), x.d.nullTime(inc.AcknowledgedAt), x.d.nullTime(inc.ResolvedAt), nullInt(inc.MergedInto),
		encodePolicy(inc.EmailPolicy), x.d.nullTime(inc.ConfirmedAt), x.d.nullTime(inc.PublishedAt), inc.PublicTitle).Scan(&inc.ID)
	if err != nil {
		return fmt.Errorf("sqlstore: insert incident: %w", err)
	}
	return nil
}

// Incident implements stormdesk.IncidentTx.
func (x *tx) Incident(ctx context.Context, id int64) (*stormdesk.Incident, error) {
	inc, err := scanIncident(x.c.QueryRow(ctx, `SELECT `+incidentCols+` FROM incidents WHERE id = $1`, id))
	if x.d.IsNoRows(err) {
		return nil, stormdesk.Errorf(stormdesk.ENOTFOUND, "incident %d not found", id)
	} else if err != nil {
		return nil, fmt.Errorf("sqlstore: load incident %d: %w", id, err)
	}
	return inc, nil
}

// Incidents implements stormdesk.IncidentTx.
func (x *tx) Incidents(ctx context.Context, f stormdesk.IncidentFilter) ([]*stormdesk.Incident, error) {
	var w where
	if f.Open {
		w.add("status <> ?", string(stormdesk.StatusResolved))
		w.conds = append(w.conds, "merged_into IS NULL")
	}
	if f.Published {
		w.conds = append(w.conds, "published_at IS NOT NULL")
	}
	if !f.ResolvedSince.IsZero() {
		w.add("(resolved_at IS NULL OR resolved_at >= ?)", x.d.EncodeTime(f.ResolvedSince))
	}
	q := `SELECT ` + incidentCols + ` FROM incidents` + w.String() + ` ORDER BY id DESC`
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	out, err := queryAll(ctx, x.c, q, w.args, "list incidents", "incident", scanIncident)
	if err == nil && out == nil {
		out = []*stormdesk.Incident{} // no incidents is an empty list, not nil
	}
	return out, err
}

// UpdateIncident implements stormdesk.IncidentTx.
func (x *tx) UpdateIncident(ctx context.Context, inc *stormdesk.Incident) error {
	n, err := x.c.Exec(ctx, `UPDATE incidents SET title = $1, status = $2, severity = $3, features = $4, likely_cause = $5, cluster_id = $6,
updated_at = $7, acknowledged_at = $8, resolved_at = $9, merged_into = $10, email_policy = $11, confirmed_at = $12, published_at = $13, public_title = $14 WHERE id = $15`,
		inc.Title, storedStatus(inc), string(inc.Severity), encodeFeatures(inc.Features), inc.LikelyCause, nullInt(inc.ClusterID),
		x.d.EncodeTime(inc.UpdatedAt), x.d.nullTime(inc.AcknowledgedAt), x.d.nullTime(inc.ResolvedAt), nullInt(inc.MergedInto), encodePolicy(inc.EmailPolicy),
		x.d.nullTime(inc.ConfirmedAt), x.d.nullTime(inc.PublishedAt), inc.PublicTitle, inc.ID)
	if err != nil {
		return fmt.Errorf("sqlstore: update incident %d: %w", inc.ID, err)
	}
	if n == 0 {
		return stormdesk.Errorf(stormdesk.ENOTFOUND, "incident %d not found", inc.ID)
	}
	return nil
}

// AppendTimeline implements stormdesk.TimelineTx.
func (x *tx) AppendTimeline(ctx context.Context, e *stormdesk.TimelineEntry) error {
	data := string(e.Data)
	if data == "" {
		data = "{}"
	}
	err := x.c.QueryRow(ctx, `INSERT INTO timeline_entries (incident_id, at, kind, actor, text, data, source_url) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
		e.IncidentID, x.d.EncodeTime(e.At), e.Kind, e.Actor, e.Text, data, e.SourceURL).Scan(&e.ID)
	if err != nil {
		if x.d.IsUniqueViolation(err) {
			return stormdesk.Errorf(stormdesk.ECONFLICT, "timeline entry already recorded")
		}
		if x.d.IsForeignKeyViolation(err) {
			return stormdesk.Errorf(stormdesk.ENOTFOUND, "incident %d not found", e.IncidentID)
		}
		return fmt.Errorf("sqlstore: append timeline of incident %d: %w", e.IncidentID, err)
	}
	return nil
}

// Timeline implements stormdesk.TimelineTx.
func (x *tx) Timeline(ctx context.Context, incidentID int64) ([]*stormdesk.TimelineEntry, error) {
	var out []*stormdesk.TimelineEntry
	err := x.EachTimelineEntry(ctx, incidentID, func(e *stormdesk.TimelineEntry) error { out = append(out, e); return nil })
	return out, err
}

// EachTimelineEntry implements stormdesk.TimelineTx.
func (x *tx) EachTimelineEntry(ctx context.Context, incidentID int64, fn func(*stormdesk.TimelineEntry) error) error {
	rows, err := x.c.Query(ctx, `SELECT id, incident_id, at, kind, actor, text, data, source_url FROM timeline_entries WHERE incident_id = $1 ORDER BY at, id`, incidentID)
	if err != nil {
		return fmt.Errorf("sqlstore: timeline of incident %d: %w", incidentID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var e stormdesk.TimelineEntry
		var at ts
		var data string
		if err := rows.Scan(&e.ID, &e.IncidentID, &at, &e.Kind, &e.Actor, &e.Text, &data, &e.SourceURL); err != nil {
			return fmt.Errorf("sqlstore: scan timeline entry: %w", err)
		}
		e.At = at.t
		if data != "{}" {
			e.Data = json.RawMessage(data)
		}
		if err := fn(&e); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlstore: timeline of incident %d: %w", incidentID, err)
	}
	return nil
}

// EachTicketTime implements stormdesk.TicketTx.
func (x *tx) EachTicketTime(ctx context.Context, incidentID int64, fn func(time.Time) error) error {
	rows, err := x.c.Query(ctx, `SELECT received_at FROM tickets WHERE incident_id = $1`, incidentID)
	if err != nil {
		return fmt.Errorf("sqlstore: ticket times of incident %d: %w", incidentID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var at ts
		if err := rows.Scan(&at); err != nil {
			return fmt.Errorf("sqlstore: scan ticket time: %w", err)
		}
		if err := fn(at.t); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlstore: ticket times of incident %d: %w", incidentID, err)
	}
	return nil
}

// EachTicketLabels implements stormdesk.TicketTx. The tags are grouped as
// their JSON text and decoded here, not unpacked in SQL: the two engines
// unpack JSON with different functions, and this keeps one query for both.
func (x *tx) EachTicketLabels(ctx context.Context, incidentID int64, fn func(string, []string, int) error) error {
	rows, err := x.c.Query(ctx, `SELECT channel, tags, COUNT(*) FROM tickets WHERE incident_id = $1 GROUP BY channel, tags ORDER BY channel, tags`, incidentID)
	if err != nil {
		return fmt.Errorf("sqlstore: ticket labels of incident %d: %w", incidentID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var channel, raw string
		var n int64
		if err := rows.Scan(&channel, &raw, &n); err != nil {
			return fmt.Errorf("sqlstore: scan ticket labels: %w", err)
		}
		tags, err := decodeTags(raw)
		if err != nil {
			return fmt.Errorf("sqlstore: ticket labels of incident %d: %w", incidentID, err)
		}
		if err := fn(channel, tags, int(n)); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlstore: ticket labels of incident %d: %w", incidentID, err)
	}
	return nil
}

// LinkCluster implements stormdesk.TriageTx.
func (x *tx) LinkCluster(ctx context.Context, clusterID, incidentID int64) (int, error) {
	n, err := x.c.Exec(ctx, `UPDATE tickets SET incident_id = $1 WHERE cluster_id = $2 AND incident_id IS NULL`, incidentID, clusterID)
	if err != nil {
		return 0, fmt.Errorf("sqlstore: link cluster %d to incident %d: %w", clusterID, incidentID, err)
	}
	return int(n), nil
}

// RelabelCluster implements stormdesk.TriageTx.
func (x *tx) RelabelCluster(ctx context.Context, from, into int64) error {
	if _, err := x.c.Exec(ctx, `UPDATE tickets SET cluster_id = $1 WHERE cluster_id = $2`, into, from); err != nil {
		return fmt.Errorf("sqlstore: relabel cluster %d as %d: %w", from, into, err)
	}
	return nil
}

// IncidentByCluster implements stormdesk.IncidentTx.
func (x *tx) IncidentByCluster(ctx context.Context, clusterID int64) (*stormdesk.Incident, error) {
	inc, err := scanIncident(x.c.QueryRow(ctx, `SELECT `+incidentCols+` FROM incidents WHERE cluster_id = $1 AND status <> $2 AND merged_into IS NULL ORDER BY id DESC LIMIT 1`,
		clusterID, string(stormdesk.StatusResolved)))
	if x.d.IsNoRows(err) {
		return nil, stormdesk.Errorf(stormdesk.ENOTFOUND, "no open incident for cluster %d", clusterID)
	} else if err != nil {
		return nil, fmt.Errorf("sqlstore: incident of cluster %d: %w", clusterID, err)
	}
	return inc, nil
}

// IncidentStats implements stormdesk.IncidentTx.
func (x *tx) IncidentStats(ctx context.Context, incidentID int64) (tickets, customers int, err error) {
	// A ticket without an address counts as its own customer.
	err = x.c.QueryRow(ctx, `SELECT count(*), count(DISTINCT NULLIF(customer_email, '')) + count(*) FILTER (WHERE customer_email = '') FROM tickets WHERE incident_id = $1`, incidentID).Scan(&tickets, &customers)
	if err != nil {
		return 0, 0, fmt.Errorf("sqlstore: stats of incident %d: %w", incidentID, err)
	}
	return tickets, customers, nil
}

// SaveTriageSnapshot implements stormdesk.TriageTx.
func (x *tx) SaveTriageSnapshot(ctx context.Context, at time.Time, lastSeq int64, data []byte) error {
	_, err := x.c.Exec(ctx, `INSERT INTO triage_snapshots (id, taken_at, last_seq, data) VALUES (1, $1, $2, $3)
ON CONFLICT (id) DO UPDATE SET taken_at = excluded.taken_at, last_seq = excluded.last_seq, data = excluded.data`,
		x.d.EncodeTime(at), lastSeq, data)
	if err != nil {
		return fmt.Errorf("sqlstore: save triage snapshot: %w", err)
	}
	return nil
}

// TriageSnapshot implements stormdesk.TriageTx.
func (x *tx) TriageSnapshot(ctx context.Context) (lastSeq int64, data []byte, err error) {
	err = x.c.QueryRow(ctx, `SELECT last_seq, data FROM triage_snapshots WHERE id = 1`).Scan(&lastSeq, &data)
	if x.d.IsNoRows(err) {
		return 0, nil, stormdesk.Errorf(stormdesk.ENOTFOUND, "no triage snapshot")
	} else if err != nil {
		return 0, nil, fmt.Errorf("sqlstore: load triage snapshot: %w", err)
	}
	return lastSeq, data, nil
}

// UntriagedTickets implements stormdesk.TriageTx.
func (x *tx) UntriagedTickets(ctx context.Context, limit int) ([]*stormdesk.Ticket, error) {
	return x.listTickets(ctx, fmt.Sprintf(`SELECT `+ticketCols+` FROM tickets WHERE triage_seq IS NULL ORDER BY id LIMIT %d`, limit))
}

// TriagedTickets implements stormdesk.TriageTx.
func (x *tx) TriagedTickets(ctx context.Context, afterSeq int64, limit int) ([]*stormdesk.Ticket, error) {
	return x.listTickets(ctx, fmt.Sprintf(`SELECT `+ticketCols+` FROM tickets WHERE triage_seq > $1 ORDER BY triage_seq LIMIT %d`, limit), afterSeq)
}

// SetTriage implements stormdesk.TriageTx.
func (x *tx) SetTriage(ctx context.Context, ticketIDs, clusterIDs, seqs []int64) error {
	if len(ticketIDs) != len(clusterIDs) || len(ticketIDs) != len(seqs) {
		return fmt.Errorf("sqlstore: SetTriage: %d ids, %d clusters, %d seqs", len(ticketIDs), len(clusterIDs), len(seqs))
	}
	args := make([][]any, len(ticketIDs))
	for i := range ticketIDs {
		args[i] = []any{nullInt(clusterIDs[i]), seqs[i], ticketIDs[i]}
	}
	if err := x.c.ExecBatch(ctx, `UPDATE tickets SET cluster_id = $1, triage_seq = $2 WHERE id = $3`, args); err != nil {
		return fmt.Errorf("sqlstore: record triage of %d tickets: %w", len(ticketIDs), err)
	}
	return nil
}

// WatchState implements stormdesk.UpstreamTx.
func (x *tx) WatchState(ctx context.Context, name string) (*stormdesk.WatchState, error) {
	st, err := scanWatch(x.c.QueryRow(ctx, `SELECT `+watchCols+` FROM watch_states WHERE name = $1`, name))
	if x.d.IsNoRows(err) {
		return nil, stormdesk.Errorf(stormdesk.ENOTFOUND, "no state for %q", name)
	} else if err != nil {
		return nil, fmt.Errorf("sqlstore: load watch state %s: %w", name, err)
	}
	return st, nil
}

const watchCols = `name, kind, url, validators, last_poll_at, last_ok_at, state, reason, failures, latency_ms, snapshot`

func scanWatch(r interface{ Scan(...any) error }) (*stormdesk.WatchState, error) {
	var st stormdesk.WatchState
	var poll, ok ts
	if err := r.Scan(&st.Name, &st.Kind, &st.URL, &st.Validators, &poll, &ok, &st.State, &st.Reason, &st.Failures, &st.LatencyMS, &st.Snapshot); err != nil {
		return nil, err
	}
	st.LastPollAt, st.LastOKAt = poll.t, ok.t
	return &st, nil
}

// WatchStates implements stormdesk.UpstreamTx.
func (x *tx) WatchStates(ctx context.Context) ([]*stormdesk.WatchState, error) {
	return queryAll(ctx, x.c, `SELECT `+watchCols+` FROM watch_states ORDER BY name`, nil, "list watch states", "watch state", scanWatch)
}

// SaveWatchState implements stormdesk.UpstreamTx.
func (x *tx) SaveWatchState(ctx context.Context, st *stormdesk.WatchState) error {
	_, err := x.c.Exec(ctx, `INSERT INTO watch_states (`+watchCols+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, url = excluded.url, validators = excluded.validators,
last_poll_at = excluded.last_poll_at, last_ok_at = excluded.last_ok_at, state = excluded.state, reason = excluded.reason,
failures = excluded.failures, latency_ms = excluded.latency_ms, snapshot = excluded.snapshot`,
		st.Name, st.Kind, st.URL, st.Validators, x.d.nullTime(&st.LastPollAt), x.d.nullTime(&st.LastOKAt), st.State, st.Reason, st.Failures, st.LatencyMS, st.Snapshot)
	if err != nil {
		return fmt.Errorf("sqlstore: save watch state %s: %w", st.Name, err)
	}
	return nil
}

// AddUpstreamEvents implements stormdesk.UpstreamTx.
func (x *tx) AddUpstreamEvents(ctx context.Context, events []*stormdesk.UpstreamEvent) ([]bool, error) {
	inserted := make([]bool, len(events))
	if len(events) == 0 {
		return inserted, nil
	}
	args := make([][]any, len(events))
	for i, e := range events {
		args[i] = []any{e.DedupKey, e.Provider, e.Kind, e.UpstreamID, e.UpdateID, x.d.EncodeTime(e.At), e.Title, e.Text, e.Status, e.Impact, e.URL}
	}
	err := x.c.QueryRowBatch(ctx, `INSERT INTO upstream_events (dedup_key, provider, kind, upstream_id, update_id, at, title, text, status, impact, url)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (dedup_key) DO NOTHING RETURNING id`, args, func(i int, r Row) error {
		err := r.Scan(&events[i].ID)
		switch {
		case err == nil:
			inserted[i] = true
		case !x.d.IsNoRows(err):
			return err
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("sqlstore: store %d upstream events: %w", len(events), err)
	}
	return inserted, nil
}

// UpstreamEvents implements stormdesk.UpstreamTx.
func (x *tx) UpstreamEvents(ctx context.Context, provider, upstreamID string) ([]*stormdesk.UpstreamEvent, error) {
	rows, err := x.c.Query(ctx, `SELECT id, dedup_key, provider, kind, upstream_id, update_id, at, title, text, status, impact, url
FROM upstream_events WHERE provider = $1 AND upstream_id = $2 ORDER BY at, id`, provider, upstreamID)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: upstream events of %s/%s: %w", provider, upstreamID, err)
	}
	return scanUpstreamEvents(rows)
}

// UpstreamHistory implements stormdesk.UpstreamTx. An upstream incident that
// began before since but was still posting after it comes whole, so its
// first update (the start of its trouble) is not cut off.
func (x *tx) UpstreamHistory(ctx context.Context, since time.Time) ([]*stormdesk.UpstreamEvent, error) {
	rows, err := x.c.Query(ctx, `SELECT e.id, e.dedup_key, e.provider, e.kind, e.upstream_id, e.update_id, e.at, e.title, e.text, e.status, e.impact, e.url
FROM upstream_events e WHERE EXISTS (SELECT 1 FROM upstream_events r WHERE r.provider = e.provider AND r.upstream_id = e.upstream_id AND r.at >= $1)
ORDER BY e.provider, e.upstream_id, e.at, e.id`, x.d.EncodeTime(since))
	if err != nil {
		return nil, fmt.Errorf("sqlstore: upstream history since %s: %w", since.Format(time.RFC3339), err)
	}
	return scanUpstreamEvents(rows)
}

func scanUpstreamEvents(rows Rows) ([]*stormdesk.UpstreamEvent, error) {
	defer rows.Close()
	var out []*stormdesk.UpstreamEvent
	for rows.Next() {
		var e stormdesk.UpstreamEvent
		var at ts
		if err := rows.Scan(&e.ID, &e.DedupKey, &e.Provider, &e.Kind, &e.UpstreamID, &e.UpdateID, &at, &e.Title, &e.Text, &e.Status, &e.Impact, &e.URL); err != nil {
			return nil, fmt.Errorf("sqlstore: scan upstream event: %w", err)
		}
		e.At = at.t
		out = append(out, &e)
	}
	return out, rows.Err()
}

// LinkUpstream implements stormdesk.UpstreamTx.
func (x *tx) LinkUpstream(ctx context.Context, incidentID int64, provider, upstreamID string, at time.Time) (bool, error) {
	n, err := x.c.Exec(ctx, `INSERT INTO incident_upstreams (incident_id, provider, upstream_id, linked_at) VALUES ($1, $2, $3, $4)
ON CONFLICT (incident_id, provider, upstream_id) DO NOTHING`, incidentID, provider, upstreamID, x.d.EncodeTime(at))
	if err != nil {
		return false, fmt.Errorf("sqlstore: link incident %d to %s/%s: %w", incidentID, provider, upstreamID, err)
	}
	return n == 1, nil
}

// IncidentUpstreams implements stormdesk.UpstreamTx.
func (x *tx) IncidentUpstreams(ctx context.Context, incidentIDs []int64) ([]stormdesk.UpstreamLink, error) {
	if len(incidentIDs) == 0 {
		return nil, nil
	}
	in, arg := x.d.InIDs("l.incident_id", "$1", incidentIDs)
	rows, err := x.c.Query(ctx, `SELECT l.incident_id, l.provider, l.upstream_id,
(SELECT min(e.at) FROM upstream_events e WHERE e.provider = l.provider AND e.upstream_id = l.upstream_id),
(SELECT max(e.at) FROM upstream_events e WHERE e.provider = l.provider AND e.upstream_id = l.upstream_id
   AND (e.kind IN ('incident_resolved', 'probe_recovered') OR e.status IN ('resolved', 'postmortem')))
FROM incident_upstreams l WHERE `+in+` ORDER BY l.incident_id, l.provider, l.upstream_id`, arg)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: incident upstreams: %w", err)
	}
	defer rows.Close()
	var out []stormdesk.UpstreamLink
	for rows.Next() {
		var l stormdesk.UpstreamLink
		var start, resolved ts
		if err := rows.Scan(&l.IncidentID, &l.Provider, &l.UpstreamID, &start, &resolved); err != nil {
			return nil, fmt.Errorf("sqlstore: incident upstreams: %w", err)
		}
		l.Start, l.ResolvedAt = start.t, resolved.ptr()
		out = append(out, l)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlstore: incident upstreams: %w", err)
	}
	return out, nil
}

// UpstreamLinks implements stormdesk.UpstreamTx.
func (x *tx) UpstreamLinks(ctx context.Context, provider, upstreamID string) ([]int64, error) {
	rows, err := x.c.Query(ctx, `SELECT incident_id FROM incident_upstreams WHERE provider = $1 AND upstream_id = $2 ORDER BY incident_id`, provider, upstreamID)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: links of %s/%s: %w", provider, upstreamID, err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// MoveIncidentData implements stormdesk.IncidentTx.
func (x *tx) MoveIncidentData(ctx context.Context, from, into int64) (int, error) {
	n, err := x.c.Exec(ctx, `UPDATE tickets SET incident_id = $1 WHERE incident_id = $2`, into, from)
	if err != nil {
		return 0, fmt.Errorf("sqlstore: move tickets of incident %d: %w", from, err)
	}
	if _, err := x.c.Exec(ctx, `UPDATE timeline_entries SET incident_id = $1 WHERE incident_id = $2`, into, from); err != nil {
		return 0, fmt.Errorf("sqlstore: move timeline of incident %d: %w", from, err)
	}
	if _, err := x.c.Exec(ctx, `INSERT INTO incident_upstreams (incident_id, provider, upstream_id, linked_at)
SELECT $1, provider, upstream_id, linked_at FROM incident_upstreams WHERE incident_id = $2 ON CONFLICT DO NOTHING`, into, from); err != nil {
		return 0, fmt.Errorf("sqlstore: move upstream links of incident %d: %w", from, err)
	}
	if _, err := x.c.Exec(ctx, `DELETE FROM incident_upstreams WHERE incident_id = $1`, from); err != nil {
		return 0, fmt.Errorf("sqlstore: move upstream links of incident %d: %w", from, err)
	}
	return int(n), nil
}

// TimelineEntry implements stormdesk.TimelineTx.
func (x *tx) TimelineEntry(ctx context.Context, id int64) (*stormdesk.TimelineEntry, error) {
	var e stormdesk.TimelineEntry
	var at ts
	var data string
	err := x.c.QueryRow(ctx, `SELECT id, incident_id, at, kind, actor, text, data, source_url FROM timeline_entries WHERE id = $1`, id).
		Scan(&e.ID, &e.IncidentID, &at, &e.Kind, &e.Actor, &e.Text, &data, &e.SourceURL)
	if x.d.IsNoRows(err) {
		return nil, stormdesk.Errorf(stormdesk.ENOTFOUND, "timeline entry %d not found", id)
	} else if err != nil {
		return nil, fmt.Errorf("sqlstore: load timeline entry %d: %w", id, err)
	}
	e.At = at.t
	if data != "{}" {
		e.Data = json.RawMessage(data)
	}
	return &e, nil
}

// UpdateTimelineEntry implements stormdesk.TimelineTx.
func (x *tx) UpdateTimelineEntry(ctx context.Context, e *stormdesk.TimelineEntry) error {
	data := string(e.Data)
	if data == "" {
		data = "{}"
	}
	n, err := x.c.Exec(ctx, `UPDATE timeline_entries SET at = $1, text = $2, data = $3 WHERE id = $4`, x.d.EncodeTime(e.At), e.Text, data, e.ID)
	if err != nil {
		return fmt.Errorf("sqlstore: update timeline entry %d: %w", e.ID, err)
	}
	if n == 0 {
		return stormdesk.Errorf(stormdesk.ENOTFOUND, "timeline entry %d not found", e.ID)
	}
	return nil
}

// UpsertCustomer implements stormdesk.CustomerTx.
func (x *tx) UpsertCustomer(ctx context.Context, c *stormdesk.Customer, at time.Time) error {
	_, err := x.c.Exec(ctx, `INSERT INTO customers (email, name, organisation, created_at) VALUES ($1, $2, $3, $4)
ON CONFLICT (email) DO UPDATE SET name = excluded.name, organisation = excluded.organisation`,
		strings.ToLower(c.Email), c.Name, c.Organisation, x.d.EncodeTime(at))
	if err != nil {
		return fmt.Errorf("sqlstore: upsert customer: %w", err)
	}
	return nil
}

// Customer implements stormdesk.CustomerTx.
func (x *tx) Customer(ctx context.Context, email string) (*stormdesk.Customer, error) {
	var c stormdesk.Customer
	var sup ts
	err := x.c.QueryRow(ctx, `SELECT email, name, organisation, suppressed_at, suppressed_why FROM customers WHERE email = $1`, strings.ToLower(email)).
		Scan(&c.Email, &c.Name, &c.Organisation, &sup, &c.SuppressedWhy)
	if x.d.IsNoRows(err) {
		return nil, stormdesk.Errorf(stormdesk.ENOTFOUND, "customer %s not found", email)
	} else if err != nil {
		return nil, fmt.Errorf("sqlstore: load customer: %w", err)
	}
	c.SuppressedAt = sup.ptr()
	return &c, nil
}

// Subscribe implements stormdesk.CustomerTx.
func (x *tx) Subscribe(ctx context.Context, email, feature string) error {
	if _, err := x.c.Exec(ctx, `INSERT INTO subscriptions (email, feature) VALUES ($1, $2) ON CONFLICT DO NOTHING`, strings.ToLower(email), feature); err != nil {
		return fmt.Errorf("sqlstore: subscribe: %w", err)
	}
	return nil
}

// Suppress implements stormdesk.CustomerTx.
func (x *tx) Suppress(ctx context.Context, email, why string, at time.Time) error {
	_, err := x.c.Exec(ctx, `INSERT INTO customers (email, created_at, suppressed_at, suppressed_why) VALUES ($1, $2, $2, $3)
ON CONFLICT (email) DO UPDATE SET suppressed_at = excluded.suppressed_at, suppressed_why = excluded.suppressed_why`,
		strings.ToLower(email), x.d.EncodeTime(at), why)
	if err != nil {
		return fmt.Errorf("sqlstore: suppress: %w", err)
	}
	return nil
}

// Unsuppress implements stormdesk.CustomerTx.
func (x *tx) Unsuppress(ctx context.Context, email, why string, before time.Time) (bool, error) {
	n, err := x.c.Exec(ctx, `UPDATE customers SET suppressed_at = NULL, suppressed_why = '' WHERE email = $1 AND suppressed_at IS NOT NULL AND suppressed_why = $2
  AND suppressed_at < $3`, strings.ToLower(email), why, x.d.EncodeTime(before))
	if err != nil {
		return false, fmt.Errorf("sqlstore: unsuppress: %w", err)
	}
	return n > 0, nil
}

// Unsubscribe implements stormdesk.CustomerTx.
func (x *tx) Unsubscribe(ctx context.Context, email, feature string) (bool, error) {
	n, err := x.c.Exec(ctx, `DELETE FROM subscriptions WHERE email = $1 AND feature = $2`, strings.ToLower(email), feature)
	if err != nil {
		return false, fmt.Errorf("sqlstore: unsubscribe: %w", err)
	}
	return n > 0, nil
}

// Subscriptions implements stormdesk.CustomerTx.
func (x *tx) Subscriptions(ctx context.Context, f stormdesk.SubscriptionFilter) ([]stormdesk.Subscription, error) {
	q := `SELECT email, feature FROM subscriptions WHERE (email > $1 OR (email = $1 AND feature > $2))`
	args := []any{f.After.Email, f.After.Feature}
	if f.Feature != "" {
		args = append(args, f.Feature)
		q += fmt.Sprintf(` AND feature = $%d`, len(args))
	}
	if f.Email != "" {
		args = append(args, strings.ToLower(f.Email))
		q += fmt.Sprintf(` AND email = $%d`, len(args))
	}
	q += ` ORDER BY email, feature`
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	rows, err := x.c.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: list subscriptions: %w", err)
	}
	defer rows.Close()
	var out []stormdesk.Subscription
	for rows.Next() {
		var sub stormdesk.Subscription
		if err := rows.Scan(&sub.Email, &sub.Feature); err != nil {
			return nil, fmt.Errorf("sqlstore: scan subscription: %w", err)
		}
		out = append(out, sub)
	}
	return out, rows.Err()
}

// AddSubscriptionEvent implements stormdesk.CustomerTx.
func (x *tx) AddSubscriptionEvent(ctx context.Context, e *stormdesk.SubscriptionEvent) error {
	e.Email = strings.ToLower(e.Email)
	if err := x.c.QueryRow(ctx, `INSERT INTO subscription_events (email, at, kind, actor, text) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
		e.Email, x.d.EncodeTime(e.At), e.Kind, e.Actor, e.Text).Scan(&e.ID); err != nil {
		return fmt.Errorf("sqlstore: add subscription event: %w", err)
	}
	return nil
}

// SubscriptionEvents implements stormdesk.CustomerTx.
func (x *tx) SubscriptionEvents(ctx context.Context, email string) ([]stormdesk.SubscriptionEvent, error) {
	rows, err := x.c.Query(ctx, `SELECT id, email, at, kind, actor, text FROM subscription_events WHERE email = $1 ORDER BY at, id`, strings.ToLower(email))
	if err != nil {
		return nil, fmt.Errorf("sqlstore: subscription events: %w", err)
	}
	defer rows.Close()
	var out []stormdesk.SubscriptionEvent
	for rows.Next() {
		var e stormdesk.SubscriptionEvent
		var at ts
		if err := rows.Scan(&e.ID, &e.Email, &at, &e.Kind, &e.Actor, &e.Text); err != nil {
			return nil, fmt.Errorf("sqlstore: scan subscription event: %w", err)
		}
		e.At = at.t
		out = append(out, e)
	}
	return out, rows.Err()
}

// Audience implements stormdesk.CustomerTx.
func (x *tx) Audience(ctx context.Context, incidentID int64, features []string, fn func(string) error) error {
	answered, err := x.helpdeskAnswered(ctx, incidentID)
	if err != nil {
		return err
	}
	q, args := audienceQuery(incidentID, features, "", 0, answered)
	rows, err := x.c.Query(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("sqlstore: audience of incident %d: %w", incidentID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var email string
		if err := rows.Scan(&email); err != nil {
			return fmt.Errorf("sqlstore: scan audience: %w", err)
		}
		if err := fn(email); err != nil {
			return err
		}
	}
	return rows.Err()
}

// AudiencePage implements stormdesk.CustomerTx.
func (x *tx) AudiencePage(ctx context.Context, incidentID int64, features []string, after string, limit int) ([]string, error) {
	var out []string
	answered, err := x.helpdeskAnswered(ctx, incidentID)
	if err != nil {
		return nil, err
	}
	q, args := audienceQuery(incidentID, features, after, limit, answered)
	rows, err := x.c.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: audience of incident %d: %w", incidentID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var email string
		if err := rows.Scan(&email); err != nil {
			return nil, fmt.Errorf("sqlstore: scan audience: %w", err)
		}
		out = append(out, email)
	}
	return out, rows.Err()
}

// helpdeskAnswered says whether a helpdesk answers some of an incident's
// reporters (it has link or reply jobs): only then does the audience pay
// for leaving them out, an index lookup per address (a third slower to
// queue 100,000 subscribers on SQLite).
func (x *tx) helpdeskAnswered(ctx context.Context, incidentID int64) (bool, error) {
	var n int
	if err := x.c.QueryRow(ctx, `SELECT count(*) FROM (SELECT 1 FROM outbox_messages WHERE incident_id = $1 AND channel = 'helpdesk' AND template IN ('link', 'reply') LIMIT 1) h`,
		incidentID).Scan(&n); err != nil {
		return false, fmt.Errorf("sqlstore: helpdesk jobs of incident %d: %w", incidentID, err)
	}
	return n > 0, nil
}

// audienceQuery selects the reporters of an incident and the subscribers
// of features, without suppressed addresses and (when helpdesk) those a
// helpdesk answers, each once, in address order, after after (keyset
// paging) and at most limit (0: all). Each branch applies the page bounds
// itself, on its own index, so a page costs the same at the start of a
// hundred-thousand-address audience as at its end.
func audienceQuery(incidentID int64, features []string, after string, limit int, helpdesk bool) (string, []any) {
	args := []any{incidentID, after}
	page := ""
	if limit > 0 {
		page = fmt.Sprintf(" LIMIT %d", limit)
	}
	notSuppressed := func(col string) string {
		return ` AND NOT EXISTS (SELECT 1 FROM customers c WHERE c.email = ` + col + ` AND c.suppressed_at IS NOT NULL)`
	}
	// A reporter whose ticket a helpdesk link job ties to the incident's
	// problem ticket, or whom a helpdesk reply job answers, hears from
	// the helpdesk, in their own thread; once a reply to their
	// conversation failed, they get email again.
	answered := func(col string) string {
		if !helpdesk {
			return ""
		}
		return ` AND NOT EXISTS (SELECT 1 FROM tickets z JOIN outbox ho ON ho.channel = 'helpdesk' AND ho.name = z.source AND ho.recipient = z.external_id
  JOIN outbox_messages hm ON hm.message_id = ho.message_id
  WHERE z.incident_id = $1 AND z.customer_email = ` + col + ` AND z.external_id <> '' AND hm.incident_id = $1 AND hm.template IN ('link', 'reply') AND ho.state <> 'failed'
  AND NOT EXISTS (SELECT 1 FROM outbox fo JOIN outbox_messages fm ON fm.message_id = fo.message_id
    WHERE fo.channel = 'helpdesk' AND fo.name = ho.name AND fo.recipient = ho.recipient AND fm.incident_id = $1 AND fm.template = 'reply' AND fo.state = 'failed'))`
	}
	q := `SELECT email FROM (SELECT DISTINCT customer_email AS email FROM tickets WHERE incident_id = $1 AND customer_email <> '' AND customer_email > $2` +
		notSuppressed("tickets.customer_email") + answered("tickets.customer_email") + ` ORDER BY customer_email` + page + `) r`
	if len(features) > 0 {
		var ph []string
		for _, f := range features {
			args = append(args, f)
			ph = append(ph, fmt.Sprintf("$%d", len(args)))
		}
		q += ` UNION SELECT email FROM (SELECT DISTINCT email FROM subscriptions WHERE feature IN (` + strings.Join(ph, ", ") + `) AND email > $2` +
			notSuppressed("subscriptions.email") + answered("subscriptions.email") + ` ORDER BY email` + page + `) s`
	}
	return `SELECT a.email FROM (` + q + `) a ORDER BY a.email` + page, args
}

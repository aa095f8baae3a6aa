package sqlstore

import (
	"context"
	"fmt"
	"time"

	"stormdesk"
)

// SaveChatAlert implements stormdesk.ChatTx.
func (x *tx) SaveChatAlert(ctx context.Context, a *stormdesk.ChatAlert) error {
	_, err := x.c.Exec(ctx, `INSERT INTO chat_alerts (platform, incident_id, channel, message, reason) VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (platform, incident_id) DO UPDATE SET channel = excluded.channel, message = excluded.message, reason = excluded.reason`,
		a.Platform, a.IncidentID, a.Channel, a.MessageID, a.Reason)
	switch {
	case x.d.IsUniqueViolation(err):
		return stormdesk.Errorf(stormdesk.ECONFLICT, "%s message %s/%s already alerts about another incident", a.Platform, a.Channel, a.MessageID)
	case err != nil:
		return fmt.Errorf("sqlstore: save %s alert of incident %d: %w", a.Platform, a.IncidentID, err)
	}
	return nil
}

func (x *tx) chatAlert(ctx context.Context, what, where string, args ...any) (*stormdesk.ChatAlert, error) {
	var a stormdesk.ChatAlert
	err := x.c.QueryRow(ctx, `SELECT platform, incident_id, channel, message, reason FROM chat_alerts WHERE `+where, args...).
		Scan(&a.Platform, &a.IncidentID, &a.Channel, &a.MessageID, &a.Reason)
	if x.d.IsNoRows(err) {
		return nil, stormdesk.Errorf(stormdesk.ENOTFOUND, "no alert %s", what)
	} else if err != nil {
		return nil, fmt.Errorf("sqlstore: load alert %s: %w", what, err)
	}
	return &a, nil
}

// ChatAlert implements stormdesk.ChatTx.
func (x *tx) ChatAlert(ctx context.Context, platform string, incidentID int64) (*stormdesk.ChatAlert, error) {
	return x.chatAlert(ctx, fmt.Sprintf("of incident %d on %s", incidentID, platform), `platform = $1 AND incident_id = $2`, platform, incidentID)
}

// ChatAlertByMessage implements stormdesk.ChatTx.
func (x *tx) ChatAlertByMessage(ctx context.Context, platform, channel, messageID string) (*stormdesk.ChatAlert, error) {
	return x.chatAlert(ctx, fmt.Sprintf("in %s message %s/%s", platform, channel, messageID), `platform = $1 AND channel = $2 AND message = $3`, platform, channel, messageID)
}

// seenSweepEvery: one FirstSeen call in this many also deletes the
// records that expired, so the table stays as small as the traffic of
// the last ten minutes.
const seenSweepEvery = 256

// FirstSeen implements stormdesk.Store. The record is written with the
// dialect's relaxed commit: a crash may forget the last moments of
// records, which only reopens a replay window of those requests, and in
// exchange a chat request does not wait for a WAL flush.
func (s *Store) FirstSeen(ctx context.Context, key string, now, until time.Time) (first bool, err error) {
	if key == "" || len(key) > 512 {
		return false, stormdesk.Errorf(stormdesk.EINVALID, "replay key: empty or longer than 512 bytes")
	}
	err = s.Update(ctx, func(t stormdesk.Tx) error {
		x := t.(*tx)
		if s.d.RelaxedCommit != "" {
			if _, err := x.c.Exec(ctx, s.d.RelaxedCommit); err != nil {
				return err
			}
		}
		if s.seenCalls.Add(1)%seenSweepEvery == 0 {
			if _, err := x.c.Exec(ctx, `DELETE FROM seen_requests WHERE until < $1`, s.d.EncodeTime(now)); err != nil {
				return err
			}
		}
		// A record that expired counts as new: the conditional update
		// takes it over; a live one changes nothing (0 rows).
		n, err := x.c.Exec(ctx, `INSERT INTO seen_requests (key, until) VALUES ($1, $2)
ON CONFLICT (key) DO UPDATE SET until = excluded.until WHERE seen_requests.until < $3`, key, s.d.EncodeTime(until), s.d.EncodeTime(now))
		first = n > 0
		return err
	})
	if err != nil {
		return false, fmt.Errorf("sqlstore: replay guard: %w", err)
	}
	return first, nil
}

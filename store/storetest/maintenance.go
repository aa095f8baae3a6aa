package storetest

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"testing"
	"time"

	"stormdesk"
)

// runMaintenance: a maintenance round-trips (by id and by key) and
// survives a restart; a second one under the same key is refused; the
// filters select by end; the start and end are marked once each; tickets
// are recorded once each and counted; entries come back in order; and
// the public version changes with a maintenance's row and its entries
// inside the window, not with one that ended before it.
func runMaintenance(t *testing.T, open Opener) {
	ctx := context.Background()
	s, reopen := open(t)
	starts, ends := t0.Add(time.Hour), t0.Add(3*time.Hour)
	since := t0.Add(-90 * 24 * time.Hour)
	version := func() string {
		t.Helper()
		var v string
		if err := s.View(ctx, func(tx stormdesk.Tx) (err error) { v, err = tx.PublicVersion(ctx, since); return err }); err != nil {
			t.Fatal(err)
		}
		return v
	}
	v0 := version()
	m := &stormdesk.Maintenance{Key: "config:db-upgrade", Title: "Database upgrade", Text: "Logins may fail for a minute.", Components: []string{"login", "api"},
		StartsAt: starts, EndsAt: ends, AlertAbove: 7, CreatedBy: "config", CreatedAt: t0, UpdatedAt: t0}
	old := &stormdesk.Maintenance{Title: "Old", Components: []string{"login"}, StartsAt: since.Add(-48 * time.Hour), EndsAt: since.Add(-47 * time.Hour),
		AlertAbove: 1, CreatedBy: "ana", CreatedAt: t0, UpdatedAt: t0}
	update(t, s, func(tx stormdesk.Tx) error {
		if err := tx.CreateMaintenance(ctx, m); err != nil {
			return err
		}
		return tx.CreateMaintenance(ctx, old)
	})
	if m.ID == 0 || old.ID == 0 || m.ID == old.ID {
		t.Fatalf("ids %d and %d", m.ID, old.ID)
	}
	v1 := version()
	if v1 == v0 {
		t.Error("a new maintenance in the window left the public version unchanged")
	}
	dup := *m
	dup.ID = 0
	if err := s.Update(ctx, func(tx stormdesk.Tx) error { return tx.CreateMaintenance(ctx, &dup) }); stormdesk.ErrorCode(err) != stormdesk.ECONFLICT {
		t.Errorf("a second maintenance under key %s: %v, want a conflict", m.Key, err)
	}
	// Tickets: recorded once each, counted on reads.
	var tks []int64
	update(t, s, func(tx stormdesk.Tx) error {
		for i := range 3 {
			tk := ticket("mt-"+string(rune('a'+i)), "login fails", starts.Add(time.Duration(i)*time.Minute))
			if _, err := tx.CreateTickets(ctx, []*stormdesk.Ticket{tk}); err != nil {
				return err
			}
			tks = append(tks, tk.ID)
		}
		return nil
	})
	for i, want := range []int{2, 1} {
		var n int
		update(t, s, func(tx stormdesk.Tx) (err error) {
			n, err = tx.AddMaintenanceTickets(ctx, m.ID, tks[i:i+2], starts)
			return err
		})
		if n != want {
			t.Errorf("recording tickets %v: %d new, want %d", tks[i:i+2], n, want)
		}
	}
	var listed []int64
	if err := s.View(ctx, func(tx stormdesk.Tx) (err error) { listed, err = tx.MaintenanceTickets(ctx, m.ID); return err }); err != nil ||
		fmt.Sprint(listed) != fmt.Sprint(tks) {
		t.Errorf("the maintenance's tickets: %v (%v), want %v", listed, err, tks)
	}
	if err := s.Update(ctx, func(tx stormdesk.Tx) error {
		_, err := tx.AddMaintenanceTickets(ctx, m.ID+1000, tks[:1], starts)
		return err
	}); stormdesk.ErrorCode(err) != stormdesk.ENOTFOUND {
		t.Errorf("recording a ticket on a missing maintenance: %v, want not found", err)
	}
	// Start and end: once each.
	for _, c := range []struct {
		what  string
		at    time.Time
		first bool
	}{{stormdesk.MaintenanceKindStarted, starts, true}, {stormdesk.MaintenanceKindStarted, ends, false}, {stormdesk.MaintenanceKindEnded, ends, true}, {stormdesk.MaintenanceKindEnded, ends, false}} {
		var first bool
		update(t, s, func(tx stormdesk.Tx) (err error) {
			first, err = tx.MarkMaintenance(ctx, m.ID, c.what, c.at)
			return err
		})
		if first != c.first {
			t.Errorf("marking %s at %s: %v, want %v", c.what, c.at, first, c.first)
		}
	}
	v2 := version()
	if v2 == v1 {
		t.Error("marking the start and end left the public version unchanged")
	}
	entries := []*stormdesk.MaintenanceEntry{
		{MaintenanceID: m.ID, At: t0, Kind: stormdesk.MaintenanceKindScheduled, Actor: "ana", Text: "Scheduled"},
		{MaintenanceID: m.ID, At: starts, Kind: stormdesk.MaintenanceKindReports, Actor: stormdesk.ActorStormdesk, Text: "3 reports", Data: json.RawMessage(`{"tickets":[1,2,3]}`)},
	}
	for _, e := range entries {
		update(t, s, func(tx stormdesk.Tx) error { return tx.AppendMaintenanceEntry(ctx, e) })
		v := version()
		if v == v2 {
			t.Errorf("a %s entry left the public version unchanged", e.Kind)
		}
		v2 = v
	}
	if err := s.Update(ctx, func(tx stormdesk.Tx) error {
		return tx.AppendMaintenanceEntry(ctx, &stormdesk.MaintenanceEntry{MaintenanceID: m.ID + 1000, At: t0, Kind: "note", Actor: "ana", Text: "x"})
	}); stormdesk.ErrorCode(err) != stormdesk.ENOTFOUND {
		t.Errorf("an entry on a missing maintenance: %v, want not found", err)
	}
	// Outside the window: the page does not change.
	update(t, s, func(tx stormdesk.Tx) error {
		return tx.AppendMaintenanceEntry(ctx, &stormdesk.MaintenanceEntry{MaintenanceID: old.ID, At: t0, Kind: "note", Actor: "ana", Text: "late"})
	})
	if v := version(); v != v2 {
		t.Errorf("an entry on a maintenance that ended before the window changed the public version")
	}
	s.Close()
	s = reopen()
	defer s.Close()
	if v := version(); v != v2 {
		t.Errorf("the public version changed across a restart: %q -> %q", v2, v)
	}
	var got, byKey *stormdesk.Maintenance
	var all, inWindow, unended []*stormdesk.Maintenance
	var es []stormdesk.MaintenanceEntry
	if err := s.View(ctx, func(tx stormdesk.Tx) (err error) {
		if got, err = tx.Maintenance(ctx, m.ID); err != nil {
			return err
		}
		if byKey, err = tx.MaintenanceByKey(ctx, m.Key); err != nil {
			return err
		}
		if all, err = tx.Maintenances(ctx, stormdesk.MaintenanceFilter{}); err != nil {
			return err
		}
		if inWindow, err = tx.Maintenances(ctx, stormdesk.MaintenanceFilter{EndsSince: since}); err != nil {
			return err
		}
		if unended, err = tx.Maintenances(ctx, stormdesk.MaintenanceFilter{Unended: true}); err != nil {
			return err
		}
		es, err = tx.MaintenanceEntries(ctx, m.ID)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	want := *m
	want.StartedAt, want.EndedAt, want.Tickets, want.UpdatedAt = &starts, &ends, 3, ends
	if !reflect.DeepEqual(got, &want) {
		t.Errorf("maintenance read back:\n got %+v\nwant %+v", got, &want)
	}
	if !reflect.DeepEqual(byKey, got) {
		t.Errorf("by key: %+v, want %+v", byKey, got)
	}
	if len(all) != 2 || all[0].ID != old.ID || all[1].ID != m.ID {
		t.Errorf("all maintenances: %v, want the old one then the new one by start", ids(all))
	}
	if len(inWindow) != 1 || inWindow[0].ID != m.ID {
		t.Errorf("ending since the window: %v, want [%d]", ids(inWindow), m.ID)
	}
	if len(unended) != 1 || unended[0].ID != old.ID {
		t.Errorf("unended: %v, want [%d]", ids(unended), old.ID)
	}
	if len(es) != 2 || es[0].Kind != stormdesk.MaintenanceKindScheduled || es[1].Kind != stormdesk.MaintenanceKindReports ||
		string(es[1].Data) != `{"tickets":[1,2,3]}` || es[0].Data != nil || !es[1].At.Equal(starts) {
		t.Errorf("entries: %+v", es)
	}
	// An update rewrites the row, its cancellation included; a cancelled
	// maintenance is not among the unended.
	got.Title, got.EndsAt, got.UpdatedAt, got.CancelledAt = "Database upgrade, extended", ends.Add(time.Hour), ends, &ends
	update(t, s, func(tx stormdesk.Tx) error { return tx.UpdateMaintenance(ctx, got) })
	var again *stormdesk.Maintenance
	if err := s.View(ctx, func(tx stormdesk.Tx) (err error) { again, err = tx.Maintenance(ctx, m.ID); return err }); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(again, got) {
		t.Errorf("after an update:\n got %+v\nwant %+v", again, got)
	}
	unended[0].CancelledAt = &ends
	update(t, s, func(tx stormdesk.Tx) error { return tx.UpdateMaintenance(ctx, unended[0]) })
	if err := s.View(ctx, func(tx stormdesk.Tx) (err error) {
		unended, err = tx.Maintenances(ctx, stormdesk.MaintenanceFilter{Unended: true})
		return err
	}); err != nil || len(unended) != 0 {
		t.Errorf("unended after cancelling the last one: %v %v", ids(unended), err)
	}
	if err := s.View(ctx, func(tx stormdesk.Tx) error { _, err := tx.Maintenance(ctx, m.ID+1000); return err }); stormdesk.ErrorCode(err) != stormdesk.ENOTFOUND {
		t.Errorf("a missing maintenance: %v, want not found", err)
	}
	if err := s.Update(ctx, func(tx stormdesk.Tx) error { return tx.UpdateMaintenance(ctx, &stormdesk.Maintenance{ID: m.ID + 1000}) }); stormdesk.ErrorCode(err) != stormdesk.ENOTFOUND {
		t.Errorf("updating a missing maintenance: %v, want not found", err)
	}
}

func ids(ms []*stormdesk.Maintenance) []int64 {
	var out []int64
	for _, m := range ms {
		out = append(out, m.ID)
	}
	return out
}

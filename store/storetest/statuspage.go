package storetest

import (
	"context"
	"testing"
	"time"

	"stormdesk"
)

// runStatusPage: an incident's publication survives a restart, the
// published filter and the resolved-since filter select what the status
// page shows, and component overrides are set, replaced and lifted; the
// page's version stamp changes with each of those, and with a new entry
// on a published incident's timeline even at the same instant, but not
// with a change the page does not show.
func runStatusPage(t *testing.T, open Opener) {
	ctx := context.Background()
	s, reopen := open(t)
	pub, old := t0.Add(5*time.Minute), t0.Add(-100*24*time.Hour)
	live := &stormdesk.Incident{Title: "SSO error when signing in", Status: stormdesk.StatusInvestigating, Severity: stormdesk.SeverityMajor,
		Features: []string{"login"}, CreatedAt: t0, UpdatedAt: t0, AcknowledgedAt: &t0, PublishedAt: &pub, PublicTitle: "Login problems"}
	private := &stormdesk.Incident{Title: "Billing", Status: stormdesk.StatusInvestigating, Severity: stormdesk.SeverityMinor, CreatedAt: t0, UpdatedAt: t0}
	ancient := &stormdesk.Incident{Title: "Old", Status: stormdesk.StatusResolved, Severity: stormdesk.SeverityMinor, CreatedAt: old, UpdatedAt: old,
		ResolvedAt: &old, PublishedAt: &old, PublicTitle: "An old outage"}
	since := t0.Add(-90 * 24 * time.Hour)
	version := func() string {
		t.Helper()
		var v string
		if err := s.View(ctx, func(tx stormdesk.Tx) (err error) { v, err = tx.PublicVersion(ctx, since); return err }); err != nil {
			t.Fatal(err)
		}
		return v
	}
	changed := func(what, before string) string {
		t.Helper()
		v := version()
		if v == before {
			t.Errorf("%s: the public version stayed %q", what, v)
		}
		return v
	}
	v := version()
	update(t, s, func(tx stormdesk.Tx) error {
		for _, inc := range []*stormdesk.Incident{ancient, live, private} {
			if err := tx.CreateIncident(ctx, inc); err != nil {
				return err
			}
		}
		return nil
	})
	v = changed("publishing", v)
	// Outside the window, or not published: the page does not change.
	update(t, s, func(tx stormdesk.Tx) error {
		return tx.AppendTimeline(ctx, &stormdesk.TimelineEntry{IncidentID: ancient.ID, At: t0, Kind: stormdesk.KindNote, Actor: "ana", Text: "late note"})
	})
	update(t, s, func(tx stormdesk.Tx) error {
		return tx.AppendTimeline(ctx, &stormdesk.TimelineEntry{IncidentID: private.ID, At: t0, Kind: stormdesk.KindNote, Actor: "ana", Text: "a note"})
	})
	if got := version(); got != v {
		t.Errorf("a note on an unpublished incident and one on an incident resolved before the window changed the public version: %q -> %q", v, got)
	}
	// Publishing an existing incident is an update.
	later := t0.Add(time.Hour)
	update(t, s, func(tx stormdesk.Tx) error {
		private.PublishedAt, private.PublicTitle = &later, "Invoices delayed"
		return tx.UpdateIncident(ctx, private)
	})
	v = changed("publishing by an update", v)
	// Two changes at one instant: the second one's timeline entry counts.
	for range 2 {
		update(t, s, func(tx stormdesk.Tx) error {
			return tx.AppendTimeline(ctx, &stormdesk.TimelineEntry{IncidentID: live.ID, At: later, Kind: stormdesk.KindStatusChange, Actor: "ana", Text: "status"})
		})
		v = changed("an entry on a published incident's timeline", v)
	}
	s.Close()
	s = reopen()
	defer s.Close()
	if got := version(); got != v {
		t.Errorf("the public version changed with a restart: %q -> %q", v, got)
	}
	s.View(ctx, func(tx stormdesk.Tx) error {
		got, err := tx.Incident(ctx, live.ID)
		if err != nil || got.PublishedAt == nil || !got.PublishedAt.Equal(pub) || got.PublicTitle != "Login problems" {
			t.Errorf("published incident after a restart: %+v %v", got, err)
		}
		got, _ = tx.Incident(ctx, private.ID)
		if got.PublishedAt == nil || !got.PublishedAt.Equal(later) || got.PublicTitle != "Invoices delayed" {
			t.Errorf("published by an update: %+v", got)
		}
		all, _ := tx.Incidents(ctx, stormdesk.IncidentFilter{Published: true})
		recent, _ := tx.Incidents(ctx, stormdesk.IncidentFilter{Published: true, ResolvedSince: t0.Add(-90 * 24 * time.Hour)})
		if len(all) != 3 || len(recent) != 2 || recent[0].ID != private.ID || recent[1].ID != live.ID {
			t.Errorf("published: %d incidents, of which %d resolved within 90 days or open", len(all), len(recent))
		}
		return nil
	})
	update(t, s, func(tx stormdesk.Tx) error {
		if err := tx.SetComponentOverride(ctx, stormdesk.ComponentOverride{Component: "login", Status: stormdesk.ComponentMajorOutage, Actor: "ana", At: t0}); err != nil {
			return err
		}
		if err := tx.SetComponentOverride(ctx, stormdesk.ComponentOverride{Component: "api", Status: stormdesk.ComponentDegraded, Actor: "ana", At: t0}); err != nil {
			return err
		}
		return tx.SetComponentOverride(ctx, stormdesk.ComponentOverride{Component: "login", Status: stormdesk.ComponentUnderMaintenance, Actor: "bo", At: later})
	})
	v = changed("overrides", v)
	s.View(ctx, func(tx stormdesk.Tx) error {
		got, err := tx.ComponentOverrides(ctx)
		if err != nil || len(got) != 2 || got[0].Component != "api" || got[1].Status != stormdesk.ComponentUnderMaintenance || got[1].Actor != "bo" || !got[1].At.Equal(later) {
			t.Errorf("overrides: %+v %v", got, err)
		}
		return nil
	})
	update(t, s, func(tx stormdesk.Tx) error {
		return tx.SetComponentOverride(ctx, stormdesk.ComponentOverride{Component: "login", Actor: "bo", At: later})
	})
	changed("lifting an override", v)
	s.View(ctx, func(tx stormdesk.Tx) error {
		if got, _ := tx.ComponentOverrides(ctx); len(got) != 1 || got[0].Component != "api" {
			t.Errorf("after lifting login's override: %+v", got)
		}
		return nil
	})
}

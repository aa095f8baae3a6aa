package desk

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"stormdesk"
)

// MaxPublicTitleLen bounds the title an incident is published under.
const MaxPublicTitleLen = 200

// Publish puts an acknowledged incident on the public status page. title
// is what customers read; without one it names the components the
// incident affects ("Problems with Login"), never the incident's own
// title, which triage may have taken from a customer's ticket. The
// publication is the incident's first public update, recorded on the
// timeline.
func (s *Service) Publish(ctx context.Context, id int64, title, actor string) (inc *stormdesk.Incident, err error) {
	title = strings.TrimSpace(title)
	if !utf8.ValidString(title) || len(title) > MaxPublicTitleLen || strings.ContainsAny(title, "\r\n\x00") {
		return nil, stormdesk.Errorf(stormdesk.EINVALID, "title: one line of at most %d bytes", MaxPublicTitleLen)
	}
	now := s.now()
	ctx, alerts := withCollector(ctx)
	err = s.Store.Update(ctx, func(tx stormdesk.Tx) error {
		if inc, err = tx.Incident(ctx, id); err != nil {
			return err
		}
		if err := inc.Publishable(); err != nil {
			return err
		}
		return s.publish(ctx, tx, inc, title, actor, "", now)
	})
	if err != nil {
		return nil, fmt.Errorf("desk: publish incident %d: %w", id, err)
	}
	s.flushAlerts(alerts)
	return inc, nil
}

// publish puts inc on the page under title (its default when empty), in
// tx, and records who did it and, for the policy, why.
func (s *Service) publish(ctx context.Context, tx stormdesk.Tx, inc *stormdesk.Incident, title, actor, why string, now time.Time) error {
	if title == "" {
		title = s.defaultPublicTitle(inc)
	}
	inc.PublishedAt, inc.PublicTitle, inc.UpdatedAt = &now, title, now
	if err := tx.UpdateIncident(ctx, inc); err != nil {
		return err
	}
	if err := s.raise(ctx, tx, inc.ID, ""); err != nil {
		return err
	}
	text := fmt.Sprintf("Published on the status page as %q", title)
	if why != "" {
		text += " (" + why + ")"
	}
	return tx.AppendTimeline(ctx, &stormdesk.TimelineEntry{IncidentID: inc.ID, At: now, Kind: stormdesk.KindPublished, Actor: actor,
		Text: text, SourceURL: "/status", Data: mustJSON(map[string]string{"title": title, "status": string(inc.Status)})})
}

// publishOnAcknowledge applies the publication policy to inc, just
// acknowledged by actor, in tx: with PublishOnAcknowledge, an incident
// that can be published and is not yet is published under its default
// title.
func (s *Service) publishOnAcknowledge(ctx context.Context, tx stormdesk.Tx, inc *stormdesk.Incident, actor string, now time.Time) error {
	if !s.publishOnAck || inc.PublishedAt != nil || inc.Publishable() != nil {
		return nil
	}
	return s.publish(ctx, tx, inc, "", actor, "the page's policy publishes acknowledged incidents", now)
}

func (s *Service) defaultPublicTitle(inc *stormdesk.Incident) string {
	var names []string
	for _, c := range s.components {
		if c.Affects(inc.Features) {
			names = append(names, c.Name)
		}
	}
	if len(names) == 0 {
		return "Service disruption"
	}
	return truncate("Problems with "+strings.Join(names, ", "), MaxPublicTitleLen)
}

// Components lists the status page's components, in page order.
func (s *Service) Components() []stormdesk.Component { return s.components }

// SetComponentStatus overrides a component's state on the status page
// until it is lifted (an empty status).
func (s *Service) SetComponentStatus(ctx context.Context, component string, st stormdesk.ComponentStatus, actor string) (*stormdesk.ComponentOverride, error) {
	comp, err := s.component(component)
	if err != nil {
		return nil, err
	}
	o := stormdesk.ComponentOverride{Component: comp.ID, Status: st, Actor: actor, At: s.now()}
	if err := s.Store.Update(ctx, func(tx stormdesk.Tx) error { return tx.SetComponentOverride(ctx, o) }); err != nil {
		return nil, fmt.Errorf("desk: set component %s: %w", comp.ID, err)
	}
	s.Log.Info("component state set", "component", comp.ID, "status", string(st), "actor", actor)
	return &o, nil
}

// PublicView reads what the status page shows: the published incidents
// still open or resolved at or after since, newest first, each with its
// customer-facing updates; the component overrides in force; and the
// maintenances ending at or after since and not cancelled, by start,
// each with its public entries (scheduled, started, ended: never the
// reports it took in).
// One read transaction, so the page is one moment's state.
func (s *Service) PublicView(ctx context.Context, since time.Time) (v stormdesk.PublicView, err error) {
	err = s.Store.View(ctx, func(tx stormdesk.Tx) error {
		incs, err := tx.Incidents(ctx, stormdesk.IncidentFilter{Published: true, ResolvedSince: since})
		if err != nil {
			return err
		}
		v.Incidents = make([]stormdesk.PublicIncident, 0, len(incs))
		for _, inc := range incs {
			if inc.MergedInto != 0 {
				continue
			}
			entries, err := tx.Timeline(ctx, inc.ID)
			if err != nil {
				return err
			}
			v.Incidents = append(v.Incidents, stormdesk.PublicIncident{Incident: inc, Updates: PublicUpdates(entries)})
		}
		if v.Overrides, err = tx.ComponentOverrides(ctx); err != nil {
			return err
		}
		ms, err := tx.Maintenances(ctx, stormdesk.MaintenanceFilter{EndsSince: since})
		if err != nil {
			return err
		}
		for _, m := range ms {
			if m.CancelledAt != nil {
				continue
			}
			es, err := tx.MaintenanceEntries(ctx, m.ID)
			if err != nil {
				return err
			}
			pm := stormdesk.PublicMaintenance{Maintenance: m}
			for _, e := range es {
				switch e.Kind {
				case stormdesk.MaintenanceKindScheduled, stormdesk.MaintenanceKindStarted, stormdesk.MaintenanceKindEnded:
					pm.Entries = append(pm.Entries, e)
				}
			}
			v.Maintenances = append(v.Maintenances, pm)
		}
		return nil
	})
	if err != nil {
		return stormdesk.PublicView{}, fmt.Errorf("desk: public view: %w", err)
	}
	return v, nil
}

// PublicVersion reads the stamp of what PublicView(since) would read
// (stormdesk.Tx.PublicVersion): equal stamps, the same page.
func (s *Service) PublicVersion(ctx context.Context, since time.Time) (string, error) {
	var v string
	err := s.Store.View(ctx, func(tx stormdesk.Tx) (err error) {
		v, err = tx.PublicVersion(ctx, since)
		return err
	})
	if err != nil {
		return "", fmt.Errorf("desk: public version: %w", err)
	}
	return v, nil
}

// PublicUpdates picks an incident's customer-facing updates out of its
// timeline: its publication and every status change after it, each with
// the message given for customers or the status's standard sentence. The
// publication carries the message of the status change that led to the
// status it was published in, if that change had one: customers were
// already told it. Nothing else on the timeline (notes, tickets, upstream
// updates, corrections, alerts) is customer-facing, so nothing else is
// taken, and only the message is taken from a status change, never its
// entry's text.
func PublicUpdates(entries []*stormdesk.TimelineEntry) []stormdesk.PublicUpdate {
	var out []stormdesk.PublicUpdate
	published := false
	var lastTo stormdesk.Status
	lastMsg := ""
	for _, e := range entries {
		var d struct {
			Status  stormdesk.Status `json:"status"`
			To      stormdesk.Status `json:"to"`
			Message string           `json:"message"`
			Reason  string           `json:"reason"`
		}
		_ = json.Unmarshal(e.Data, &d) // entries without data have no status
		switch {
		case e.Kind == stormdesk.KindPublished:
			published = true
			body := stormdesk.PublicStatusText(d.Status)
			if lastMsg != "" && lastTo == d.Status {
				body = lastMsg
			}
			out = append(out, stormdesk.PublicUpdate{ID: e.ID, Status: d.Status, Body: body, At: e.At})
		case e.Kind == stormdesk.KindStatusChange && !published:
			lastTo, lastMsg = d.To, strings.TrimSpace(d.Message)
		case e.Kind == stormdesk.KindStatusChange && published && d.To != "":
			body := strings.TrimSpace(d.Message)
			if body == "" {
				body = stormdesk.PublicStatusText(d.To)
			}
			out = append(out, stormdesk.PublicUpdate{ID: e.ID, Status: d.To, Body: body, At: e.At})
		}
	}
	return out
}

package desk

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"time"

	"stormdesk"
	"stormdesk/audit"
	"stormdesk/templates"
)

// Audit writes the dependency audit of the history stored since since in
// format (md, html, json or csv): for each configured provider, its
// incidents, what they cost customers and how early stormdesk knew, and
// the features that hang on it alone. EINVALID for a bad format or when
// no dependency is configured. Nothing is written when it fails.
func (s *Service) Audit(ctx context.Context, since time.Time, format string, w io.Writer) error {
	format, err := templates.ParseFormat(format)
	if err != nil {
		return err
	}
	r, err := s.AuditReport(ctx, since)
	if err != nil {
		return err
	}
	// Rendered whole first, so a failure leaves nothing half-written; a
	// report is a few kilobytes per provider.
	var buf bytes.Buffer
	if err := audit.Render(&buf, format, r); err != nil {
		return err
	}
	_, err = buf.WriteTo(w)
	return err
}

// AuditReport computes the dependency audit in one read transaction: the
// upstream history since since (Tx.UpstreamHistory), the incidents each
// provider incident was tied to, their milestones as their post-mortems
// read them, and their tickets' customers.
func (s *Service) AuditReport(ctx context.Context, since time.Time) (*audit.Report, error) {
	if s.up == nil || s.up.Config == nil || len(s.up.Config.Dependencies) == 0 {
		return nil, stormdesk.Errorf(stormdesk.EINVALID, "no dependencies configured (set STORMDESK_CONFIG): there is nothing to audit")
	}
	in := audit.Input{Since: since, Now: s.now()}
	if in.Now.Before(since) {
		return nil, stormdesk.Errorf(stormdesk.EINVALID, "since: %s is in the future", since.UTC().Format(time.RFC3339))
	}
	configured := map[string]bool{}
	for _, d := range s.up.Config.Dependencies {
		in.Dependencies = append(in.Dependencies, audit.Dependency{Name: d.Name, Features: slices.Clone(d.Features)})
		configured[d.Name] = true
	}
	for _, p := range s.up.Config.Probes {
		in.Probes = append(in.Probes, audit.Probe{Name: p.Name, Features: slices.Clone(p.Features)})
	}
	err := s.Store.View(ctx, func(tx stormdesk.Tx) error {
		events, err := tx.UpstreamHistory(ctx, since)
		if err != nil {
			return err
		}
		in.Events = events
		links := map[int64][]audit.Link{}
		var ids []int64
		seen := map[audit.Link]bool{}
		for _, e := range events {
			l := audit.Link{Provider: e.Provider, UpstreamID: e.UpstreamID}
			if !configured[e.Provider] || e.UpstreamID == "" || seen[l] {
				continue
			}
			seen[l] = true
			tied, err := tx.UpstreamLinks(ctx, e.Provider, e.UpstreamID)
			if err != nil {
				return err
			}
			for _, id := range tied {
				if _, ok := links[id]; !ok {
					ids = append(ids, id)
				}
				links[id] = append(links[id], l)
			}
		}
		for _, id := range ids {
			inc, err := s.auditIncident(ctx, tx, id)
			if err != nil {
				return err
			}
			inc.Links = links[id]
			in.Incidents = append(in.Incidents, *inc)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("desk: audit since %s: %w", since.UTC().Format(time.RFC3339), err)
	}
	return audit.Build(in), nil
}

// auditTicketPage is how many tickets the audit reads at a time.
const auditTicketPage = 500

// auditIncident reads one incident tied to a provider incident: its
// post-mortem milestones, whether it became a customer incident, and its
// tickets' customers.
func (s *Service) auditIncident(ctx context.Context, tx stormdesk.Tx, id int64) (*audit.Incident, error) {
	inc, err := tx.Incident(ctx, id)
	if err != nil {
		return nil, err
	}
	dismissed := false
	sum, _, err := summarize(ctx, tx, inc, func(e *stormdesk.TimelineEntry) {
		if e.Kind != stormdesk.KindStatusChange || len(e.Data) == 0 {
			return
		}
		var d struct{ Reason string }
		if json.Unmarshal(e.Data, &d) == nil && d.Reason == "not_an_incident" {
			dismissed = true
		}
	})
	if err != nil {
		return nil, err
	}
	out := &audit.Incident{ID: inc.ID, Features: slices.Clone(inc.Features), ResolvedAt: inc.ResolvedAt, Tickets: sum.Reports,
		Alert:       sum.TimeToKnow.At(templates.MilestoneAlert),
		FirstReport: sum.TimeToKnow.At(templates.MilestoneReport),
		FirstProbe:  sum.TimeToKnow.At(templates.MilestoneProbe)}
	// A customer incident: customers reported it, a probe of the product
	// failed, or it was confirmed (declared, or a watch that reports or a
	// probe confirmed); not an upstream watch that closed unconfirmed,
	// nor one an operator dismissed as noise.
	out.Customer = !dismissed && (inc.ConfirmedAt != nil || sum.Reports > 0 || !out.FirstProbe.IsZero())
	// Read in pages: a ticket carries its whole body, and a big
	// incident has thousands.
	seen := map[string]bool{}
	for after := int64(0); ; {
		tickets, err := tx.Tickets(ctx, stormdesk.TicketFilter{IncidentID: id, AfterID: after, ByID: true, Limit: auditTicketPage})
		if err != nil {
			return nil, err
		}
		for _, t := range tickets {
			if t.CustomerEmail != "" && !seen[t.CustomerEmail] {
				seen[t.CustomerEmail] = true
				out.Customers = append(out.Customers, t.CustomerEmail)
			}
		}
		if len(tickets) < auditTicketPage {
			return out, nil
		}
		after = tickets[len(tickets)-1].ID
	}
}

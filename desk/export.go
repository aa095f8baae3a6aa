package desk

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"time"

	"stormdesk"
	"stormdesk/templates"
)

var errStopStream = errors.New("stop")

// Export writes an incident's post-mortem in format (md, html, json or
// csv). It streams: the ticket times and the timeline are read once to
// build the summary and chart, and the timeline once more as it is
// written, so memory stays flat however long the incident.
func (s *Service) Export(ctx context.Context, id int64, format string, w io.Writer) error {
	format, err := templates.ParseFormat(format)
	if err != nil {
		return err
	}
	err = s.Store.View(ctx, func(tx stormdesk.Tx) error {
		inc, err := tx.Incident(ctx, id)
		if err != nil {
			return err
		}
		sum, chart, err := summarize(ctx, tx, inc, nil)
		if err != nil {
			return err
		}
		var streamErr error
		entries := func(yield func(*stormdesk.TimelineEntry) bool) {
			err := tx.EachTimelineEntry(ctx, id, func(e *stormdesk.TimelineEntry) error {
				if !yield(e) {
					return errStopStream
				}
				return nil
			})
			if err != nil && !errors.Is(err, errStopStream) {
				streamErr = err
			}
		}
		err = templates.Render(w, format, &templates.Export{Incident: inc, Summary: sum, Chart: chart, Entries: entries, GeneratedAt: s.now()})
		if streamErr != nil {
			return fmt.Errorf("desk: export incident %d: %w", id, streamErr)
		}
		return err
	})
	if err != nil {
		return err
	}
	// Remembered so that the post-mortem reminder stays quiet; the export
	// itself already succeeded, so a failure here is only logged.
	if err := s.Store.Update(ctx, func(tx stormdesk.Tx) error { return tx.SetExported(ctx, id, s.now()) }); err != nil {
		s.Log.Warn("export: could not record it", slog.Int64("incident_id", id), slog.Any("error", err))
	}
	return nil
}

// summarize reads an incident's ticket times and timeline once and builds
// its post-mortem summary and chart: the same milestones for the export
// and the dependency audit. see, when set, is shown each entry too.
func summarize(ctx context.Context, tx stormdesk.Tx, inc *stormdesk.Incident, see func(*stormdesk.TimelineEntry)) (templates.Summary, templates.Chart, error) {
	reports, customers, err := tx.IncidentStats(ctx, inc.ID)
	if err != nil {
		return templates.Summary{}, templates.Chart{}, err
	}
	b := templates.NewBuilder()
	if err := tx.EachTicketTime(ctx, inc.ID, func(at time.Time) error { b.AddReport(at); return nil }); err != nil {
		return templates.Summary{}, templates.Chart{}, err
	}
	if err := tx.EachTicketLabels(ctx, inc.ID, func(channel string, tags []string, n int) error { b.AddLabels(channel, tags, n); return nil }); err != nil {
		return templates.Summary{}, templates.Chart{}, err
	}
	err = tx.EachTimelineEntry(ctx, inc.ID, func(e *stormdesk.TimelineEntry) error {
		b.AddEntry(e)
		if see != nil {
			see(e)
		}
		return nil
	})
	if err != nil {
		return templates.Summary{}, templates.Chart{}, err
	}
	sum, chart := b.Build(inc, reports, customers)
	return sum, chart, nil
}

package desk_test

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"stormdesk"
	"stormdesk/desk"
	"stormdesk/store/sqlite"
)

// seedExport stores an incident with tickets linked tickets and entries
// timeline entries spread over two hours.
func seedExport(b *testing.B, tickets, entries int) *desk.Service {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "x.db"), t0)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	d := openDesk(b, s, desk.Options{Now: func() time.Time { return t0.Add(3 * time.Hour) }})
	inc := &stormdesk.Incident{Title: "Can't log in", Status: stormdesk.StatusResolved, Severity: stormdesk.SeverityCritical, CreatedAt: t0, UpdatedAt: t0}
	err = s.Update(ctx, func(tx stormdesk.Tx) error {
		if err := tx.CreateIncident(ctx, inc); err != nil {
			return err
		}
		batch := make([]*stormdesk.Ticket, 0, 1000)
		for i := range tickets {
			at := t0.Add(time.Duration(i) * 2 * time.Hour / time.Duration(tickets))
			batch = append(batch, &stormdesk.Ticket{Source: "api", ExternalID: fmt.Sprint(i), CustomerEmail: fmt.Sprintf("c%d@example.com", i%5000),
				Subject: "Can't log in", Body: "The sign-in page spins.", ReceivedAt: at, CreatedAt: at, IncidentID: inc.ID})
			if len(batch) == cap(batch) || i == tickets-1 {
				if _, err := tx.CreateTickets(ctx, batch); err != nil {
					return err
				}
				batch = batch[:0]
			}
		}
		for i := range entries {
			kind := []string{stormdesk.KindNote, stormdesk.KindUpstream, stormdesk.KindReportCount, stormdesk.KindStatusChange}[i%4]
			e := &stormdesk.TimelineEntry{IncidentID: inc.ID, At: t0.Add(time.Duration(i) * 2 * time.Hour / time.Duration(entries)), Kind: kind,
				Actor: "U024BE7LH", Text: fmt.Sprintf("Entry %d: checked the login flow again, still failing for some customers", i),
				Data: []byte(`{"status":"investigating","to":"identified"}`)}
			if err := tx.AppendTimeline(ctx, e); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return d
}

// BenchmarkExport exports an incident with 100,000 linked tickets and
// 10,000 timeline entries (and one ten times smaller, to show that memory
// does not grow with the incident) in each format. peak-heap-MB is the
// largest live heap sampled during the runs.
func BenchmarkExport(b *testing.B) {
	for _, size := range []struct{ tickets, entries int }{{10_000, 1_000}, {100_000, 10_000}} {
		d := seedExport(b, size.tickets, size.entries)
		for _, f := range []string{"md", "html", "json", "csv"} {
			b.Run(fmt.Sprintf("%s/tickets=%d/entries=%d", f, size.tickets, size.entries), func(b *testing.B) {
				runtime.GC()
				var peak atomic.Uint64
				done := make(chan struct{})
				go func() {
					var ms runtime.MemStats
					for {
						select {
						case <-done:
							return
						case <-time.After(2 * time.Millisecond):
							runtime.ReadMemStats(&ms)
							if ms.HeapAlloc > peak.Load() {
								peak.Store(ms.HeapAlloc)
							}
						}
					}
				}()
				b.ReportAllocs()
				b.ResetTimer()
				for range b.N {
					if err := d.Export(context.Background(), 1, f, io.Discard); err != nil {
						b.Fatal(err)
					}
				}
				b.StopTimer()
				close(done)
				b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MB")
			})
		}
	}
}

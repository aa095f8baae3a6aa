package desk_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sync/atomic"
	"testing"
	"time"

	"stormdesk"
	"stormdesk/desk"
	"stormdesk/notify"
	"stormdesk/notify/sendgridtest"
	"stormdesk/store/postgres"
	"stormdesk/store/postgres/pgtest"
	"stormdesk/store/sqlite"
	"stormdesk/store/sqlstore"
)

// BenchmarkNotifyFromStore is the whole email path on the embedded store:
// an email about an incident is queued for its audience (read from the
// store a page at a time) and the dispatcher sends it through the local
// fake SendGrid until every recipient is sent. recipients/s covers both,
// queued/s and dispatched/s each phase;
// peak-heap-MB is the largest live heap sampled meanwhile. The audience
// lives in the database, so memory should not grow with it: compare the
// two sizes.
func BenchmarkNotifyFromStore(b *testing.B) {
	for _, backend := range []string{"sqlite", "postgres"} {
		for _, n := range []int{10_000, 100_000} {
			b.Run(fmt.Sprintf("%s/recipients=%d", backend, n), func(b *testing.B) { benchNotify(b, backend, n) })
		}
	}
}

func benchNotify(b *testing.B, backend string, n int) {
	{
		{
			ctx := context.Background()
			var peak, base uint64
			var queueT, sendT time.Duration
			for range b.N {
				b.StopTimer()
				var s *sqlstore.Store
				var err error
				if backend == "sqlite" {
					s, err = sqlite.Open(ctx, filepath.Join(b.TempDir(), "n.db"), t0)
				} else {
					s, err = postgres.Open(ctx, pgtest.URL(b), t0)
				}
				if err != nil {
					b.Fatal(err)
				}
				d := openDesk(b, s, desk.Options{Email: &desk.Email{ApprovalThreshold: -1, Placeholder: notify.UnsubscribeTag}})
				inc, _ := d.Declare(ctx, "Can't log in", stormdesk.SeverityMajor, "U1")
				inc.Features = []string{"login"}
				err = s.Update(ctx, func(tx stormdesk.Tx) error {
					if err := tx.UpdateIncident(ctx, inc); err != nil {
						return err
					}
					for i := range n {
						if err := tx.Subscribe(ctx, fmt.Sprintf("customer%06d@example.com", i), "login"); err != nil {
							return err
						}
					}
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
				fake := sendgridtest.New(b)
				fake.Discard = true
				disp := &notify.Dispatcher{Outbox: s, Sender: &notify.SendGrid{APIKey: fake.APIKey, BaseURL: fake.URL, FromEmail: "status@example.com"},
					UnsubscribeURL: func(e string, _ []string) string { return "https://x/u?e=" + e }, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
				stop := sampleHeap()
				b.StartTimer()
				start := time.Now()
				r, err := d.Notify(ctx, inc.ID, "acknowledged", "U1", "slack:U1")
				if err != nil || r.Queued != n {
					b.Fatalf("queued %d (%v)", r.Queued, err)
				}
				queued := time.Now()
				queueT += queued.Sub(start)
				for fake.AcceptedRecipients() < n {
					if _, err := disp.RunOnce(ctx); err != nil {
						b.Fatal(err)
					}
				}
				b.StopTimer()
				sendT += time.Since(queued)
				p, bs := stop()
				peak, base = max(peak, p), bs
				fake.Close()
				s.Close()
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "recipients/s")
			b.ReportMetric(float64(n*b.N)/queueT.Seconds(), "queued/s")
			b.ReportMetric(float64(n*b.N)/sendT.Seconds(), "dispatched/s")
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
			b.ReportMetric(float64(peak-base)/(1<<20), "heap-growth-MB")
			b.ReportMetric(0, "ns/op")
		}
	}
}

// sampleHeap samples the live heap every millisecond until stop.
func sampleHeap() (stop func() (peak, base uint64)) {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	read := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	base := read()
	var top atomic.Uint64
	done, finished := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				if v := read(); v > top.Load() {
					top.Store(v)
				}
			}
		}
	}()
	return func() (uint64, uint64) { close(done); <-finished; return max(top.Load(), base), base }
}

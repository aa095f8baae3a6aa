package notify_test

import (
	"context"
	"fmt"
	"net/http"
	"runtime"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"stormdesk"
	"stormdesk/notify"
	"stormdesk/notify/notifytest"
	"stormdesk/notify/sendgridtest"
)

// heapPeak samples the live heap (as of the latest GC, so garbage not yet
// collected does not count) every millisecond until stop is called, and
// returns the peak and the live heap at the start.
func heapPeak() (stop func() (peak, base float64)) {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	read := func() float64 { metrics.Read(sample); return float64(sample[0].Value.Uint64()) }
	base := read()
	var max atomic.Uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				if v := uint64(read()); v > max.Load() {
					max.Store(v)
				}
			}
		}
	})
	return func() (float64, float64) {
		close(done)
		wg.Wait()
		return float64(max.Load()), base
	}
}

func benchSender(url string) *notify.SendGrid {
	s := newSender(url)
	s.Client = &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	return s
}

var benchMessage = stormdesk.OutboundMessage{IncidentID: 42, MessageID: "inc42-upd3", Template: "update", Subject: "[Acme] Update: login",
	Text: "Here is the latest on the problem affecting login.\n\nUnsubscribe: " + notify.UnsubscribeTag,
	HTML: `<p>Here is the latest on the problem affecting <strong>login</strong>.</p><a href="` + notify.UnsubscribeTag + `">Unsubscribe</a>`}

func benchEmail(i int) string { return fmt.Sprintf("customer%06d@example.com", i) }

// BenchmarkDispatch100k sends one message to 100,000 recipients through
// the local fake SendGrid: the dispatcher (in-memory outbox, batches of
// 1,000, 4 in flight) beside a naive sender making one request per
// recipient with the same concurrency. Run with -benchtime=1x.
func BenchmarkDispatch100k(b *testing.B) { benchDispatch(b, 100_000, true) }

// BenchmarkDispatch10k is the batched half with a tenth of the audience:
// its heap growth beside the 100k run's shows what grows with the
// audience (the outbox rows themselves, which a database keeps on disk)
// and what does not (the dispatcher's working set: Concurrency batches).
func BenchmarkDispatch10k(b *testing.B) { benchDispatch(b, 10_000, false) }

func benchDispatch(b *testing.B, benchAudience int, naive bool) {
	const concurrency = 4
	unsub, _ := notify.UnsubscribeLinks("https://acme.example/unsubscribe", secret, nil)

	b.Run("batched", func(b *testing.B) {
		var peak, base float64
		for range b.N {
			b.StopTimer()
			srv := sendgridtest.New(b)
			srv.Discard = true
			out := notifytest.NewMemory()
			rs := make([]notify.Recipient, 1000)
			for i := 0; i < benchAudience; i += len(rs) {
				for j := range rs {
					rs[j] = notify.Recipient{Email: benchEmail(i + j)}
				}
				out.Enqueue(context.Background(), benchMessage, rs, time.Unix(0, 0))
			}
			d := &notify.Dispatcher{Outbox: out, Sender: benchSender(srv.URL), Concurrency: concurrency, BatchSize: notify.MaxBatch,
				UnsubscribeURL: unsub, Log: quiet}
			stop := heapPeak()
			b.StartTimer()
			st, err := d.RunOnce(context.Background())
			b.StopTimer()
			p, bs := stop()
			peak, base = max(peak, p), bs
			if err != nil || st.Sent != benchAudience || out.Counts()[notify.StateSent] != benchAudience || srv.AcceptedRecipients() != benchAudience {
				b.Fatalf("%+v %v: %d recipients accepted", st, err, srv.AcceptedRecipients())
			}
			srv.Close()
		}
		report(b, benchAudience, peak, base)
	})

	if !naive {
		return
	}
	b.Run("naive", func(b *testing.B) {
		var peak, base float64
		for range b.N {
			b.StopTimer()
			srv := sendgridtest.New(b)
			srv.Discard = true
			s := benchSender(srv.URL)
			stop := heapPeak()
			b.StartTimer()
			next := atomic.Int64{}
			var wg sync.WaitGroup
			var failed atomic.Int64
			for range concurrency {
				wg.Go(func() {
					for {
						i := int(next.Add(1) - 1)
						if i >= benchAudience {
							return
						}
						e := benchEmail(i)
						batch := &notify.Batch{Token: "naive", Message: benchMessage,
							Recipients: []notify.Recipient{{ID: int64(i + 1), Email: e, UnsubscribeURL: unsub(e, nil)}}}
						if _, err := s.Send(context.Background(), batch); err != nil {
							failed.Add(1)
						}
					}
				})
			}
			wg.Wait()
			b.StopTimer()
			p, bs := stop()
			peak, base = max(peak, p), bs
			if failed.Load() != 0 || srv.AcceptedRecipients() != benchAudience {
				b.Fatalf("%d failed, %d accepted", failed.Load(), srv.AcceptedRecipients())
			}
			srv.Close()
		}
		report(b, benchAudience, peak, base)
	})
}

func report(b *testing.B, benchAudience int, peak, base float64) {
	b.ReportMetric(float64(benchAudience*b.N)/b.Elapsed().Seconds(), "recipients/s")
	b.ReportMetric(peak/(1<<20), "peak-heap-MB")
	b.ReportMetric((peak-base)/(1<<20), "heap-growth-MB")
	b.ReportMetric(0, "ns/op")
}

package httpserver_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"stormdesk"
	"stormdesk/store/postgres"
	"stormdesk/store/postgres/pgtest"
)

// backends opens each store for the ingest benchmarks.
var backends = []struct {
	name string
	open func(b *testing.B) stormdesk.Store
}{
	{"sqlite", func(b *testing.B) stormdesk.Store { return sqliteStore(b) }},
	{"postgres", func(b *testing.B) stormdesk.Store {
		s, err := postgres.Open(context.Background(), pgtest.URL(b), testNow)
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { s.Close() })
		return s
	}},
}

func benchClient() *http.Client {
	return &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64, MaxConnsPerHost: 64}}
}

func post(b *testing.B, c *http.Client, url string, body []byte) {
	req, _ := http.NewRequest("POST", url, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := c.Do(req)
	if err != nil {
		b.Error(err)
		return
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 201 && resp.StatusCode != 200 {
		b.Errorf("status %d", resp.StatusCode)
	}
}

const benchBody = "Hi, since about ten minutes I can't log in: the sign-in page spins and then says SSO error. Screen share won't start either."

// BenchmarkIngestSingle posts one ticket per request from 16 concurrent
// clients through the real handler over loopback into each backend.
func BenchmarkIngestSingle(b *testing.B) {
	for _, be := range backends {
		b.Run(be.name, func(b *testing.B) {
			ts := newServer(b, be.open(b), token)
			c := benchClient()
			var seq atomic.Int64
			b.SetParallelism((16 + runtime.GOMAXPROCS(0) - 1) / runtime.GOMAXPROCS(0))
			b.ResetTimer()
			start := time.Now()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					n := seq.Add(1)
					body := fmt.Appendf(nil, `{"subject":"Can't log in","body":%q,"customer_email":"c%d@example.com","external_id":"b-%d"}`, benchBody, n%5000, n)
					post(b, c, ts.URL+"/api/v1/tickets", body)
				}
			})
			b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "tickets/s")
		})
	}
}

// BenchmarkIngestBatch posts batches of 1,000 tickets, one request at a
// time, into each backend.
func BenchmarkIngestBatch(b *testing.B) {
	for _, be := range backends {
		b.Run(be.name, func(b *testing.B) {
			ts := newServer(b, be.open(b), token)
			c := benchClient()
			bodies := make([][]byte, b.N)
			for i := range bodies {
				var sb strings.Builder
				sb.WriteByte('[')
				for j := range 1000 {
					if j > 0 {
						sb.WriteByte(',')
					}
					fmt.Fprintf(&sb, `{"subject":"Can't log in","body":%q,"customer_email":"c%d@example.com","external_id":"b-%d-%d"}`, benchBody, j, i, j)
				}
				sb.WriteByte(']')
				bodies[i] = []byte(sb.String())
			}
			b.ResetTimer()
			start := time.Now()
			for i := range b.N {
				post(b, c, ts.URL+"/api/v1/tickets", bodies[i])
			}
			b.ReportMetric(float64(b.N*1000)/time.Since(start).Seconds(), "tickets/s")
		})
	}
}

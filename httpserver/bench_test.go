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

// benchSubjects are the texts the ingest benchmarks cycle through: a mix
// of topics as a support desk sees them, so that triage works as it does
// on real traffic (many clusters, one growing burst), not on one text.
var benchSubjects = []string{
	"Can't log in", "Unable to sign in to my account", "Login page broken", "SSO error when I try to log in",
	"Sign-in page spins forever", "Screen share won't start", "How do I change my billing address?",
	"Invoice for October is wrong", "Refund for duplicate charge", "Can I export my contacts to CSV?",
	"Feature request: calendar integration", "Please add dark mode", "Password reset email never arrives",
	"How do I add a teammate?", "The mobile app crashes on start", "Upload fails with a large file",
	"Where can I download my data?", "Change the owner of our workspace", "API returns 500 on /v1/users",
	"Webhook deliveries are delayed", "Can't connect my Google calendar", "Notifications arrive twice",
	"Cancel my subscription", "Do you offer a nonprofit discount?", "Two-factor code not accepted",
	"Search does not find old messages", "Recording has no sound", "Meeting link expired",
	"Slow page loads since this morning", "Import from Zendesk failed halfway",
}

const benchBody = "Hi team,\nsince about ten minutes this is happening for several people in our office. We tried another browser.\nThanks, Ana"

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
					body := fmt.Appendf(nil, `{"subject":%q,"body":%q,"customer_email":"c%d@example.com","external_id":"b-%d"}`, benchSubjects[n%int64(len(benchSubjects))], benchBody, n%5000, n)
					post(b, c, ts.URL+"/api/v1/tickets", body)
				}
			})
			b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "tickets/s")
		})
	}
}

// BenchmarkIngestBatch posts batches of 1,000 tickets, one request at a
// time, into each backend, with the triage worker clustering behind the
// intake as in `stormdesk serve`. The "triaged/s" figure counts until the
// worker has clustered every ticket: the end-to-end rate.
func BenchmarkIngestBatch(b *testing.B) {
	for _, be := range backends {
		b.Run(be.name, func(b *testing.B) {
			ts, d := newServerDesk(b, be.open(b), token)
			c := benchClient()
			bodies := make([][]byte, b.N)
			for i := range bodies {
				var sb strings.Builder
				sb.WriteByte('[')
				for j := range 1000 {
					if j > 0 {
						sb.WriteByte(',')
					}
					fmt.Fprintf(&sb, `{"subject":%q,"body":%q,"customer_email":"c%d@example.com","external_id":"b-%d-%d"}`, benchSubjects[(i*1000+j)%len(benchSubjects)], benchBody, j, i, j)
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
			for {
				n, err := d.TriagePending(context.Background())
				if err != nil {
					b.Fatal(err)
				}
				if n == 0 {
					break
				}
			}
			b.ReportMetric(float64(b.N*1000)/time.Since(start).Seconds(), "triaged/s")
		})
	}
}

package main

// The status page's load figure (issue 21): during an outage everyone
// refreshes the page at once. An open-loop reader asks one `stormdesk
// serve` (on PostgreSQL, as in load_test.go) for /status or
// /api/v2/summary.json 2,000 times a second, with and without revalidating
// its copy (If-None-Match, answered 304), with and without the 1,000
// tickets/s storm of BenchmarkSlashUnderStorm posted at the same time:
//
//	go test ./cmd/stormdesk -run '^$' -bench StatusPageLoad -benchtime 20000x
//
// b.N is the number of page requests offered (20,000 is a 10 s window).
// It reports numbers and never asserts on timings.

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

const (
	lgPageRate     = 2000 // page requests per second
	lgPageInFlight = 512  // page requests in flight at most; more are dropped
	lgPageWarmup   = time.Second
)

// lgStatusConfig is the page of the benchmark: five components, three of
// which are set to a state by hand once the replica is up.
const lgStatusConfig = `status_page:
  name: Acme status
  url: https://status.acme.example
  colours: {brand: "#0b3d91", text: "#ffffff"}
  components:
    - {name: Login, features: [login, twofactor]}
    - {name: Video calls, description: Calls and their audio, features: [video, audio]}
    - {name: Screen sharing, features: [screenshare]}
    - {name: Uploads, features: [upload, download]}
    - {name: Notifications, features: [notification]}
`

// BenchmarkStatusPageLoad measures /status and /api/v2/summary.json under
// an open-loop 2,000 requests/s on one replica, each with a fresh copy
// (200) or revalidating the one it has (304 while the page has not
// changed; a 200 replaces it), on an idle service and while a 1,000
// tickets/s storm is posted: the page requests answered per second, their
// p50 and p99, those dropped because 512 were in flight, the share
// answered 304, and the storm's rate and p99.
func BenchmarkStatusPageLoad(b *testing.B) {
	if testing.Short() {
		b.Skip("load benchmark: starts a real `stormdesk serve` process on PostgreSQL; skipped under -short")
	}
	for _, intake := range []string{"none", "storm"} {
		b.Run("intake="+intake, func(b *testing.B) {
			for _, route := range []string{"/status", "/api/v2/summary.json"} {
				b.Run("page="+path.Base(route), func(b *testing.B) {
					for _, revalidate := range []bool{false, true} {
						b.Run(fmt.Sprintf("etag=%v", revalidate), func(b *testing.B) { benchStatusPageLoad(b, route, revalidate, intake == "storm") })
					}
				})
			}
		})
	}
}

// lgPublish puts the cluster's declared incident on the page with an
// update, and three components in a state by hand.
func (c *lgCluster) lgPublish(b *testing.B) {
	b.Helper()
	for _, cmd := range []string{
		fmt.Sprintf("ack %d", c.incident),
		fmt.Sprintf("publish %d Sign-in failures", c.incident),
		fmt.Sprintf("status %d identified Our identity provider is failing; we are switching to the standby.", c.incident),
		"component login partial", "component video-calls degraded", "component uploads maintenance",
	} {
		code, reply, _, err := c.slash(c.reps[0], cmd)
		if err != nil || code != http.StatusOK {
			b.Fatalf("%s: %d %v %s", cmd, code, err, reply)
		}
	}
}

func benchStatusPageLoad(b *testing.B, route string, revalidate, intake bool) {
	b.StopTimer()
	cfg := filepath.Join(b.TempDir(), "stormdesk.yaml")
	if err := os.WriteFile(cfg, []byte(lgStatusConfig), 0o644); err != nil {
		b.Fatal(err)
	}
	c := lgStart(b, 1, "STORMDESK_CONFIG="+cfg)
	c.lgPublish(b)
	url := "http://" + c.reps[0].addr + route

	// The reader's copy: its ETag, replaced by every 200.
	var etag atomic.Value
	etag.Store("")
	var fresh, notModified atomic.Int64
	get := func(int64) (time.Duration, bool) {
		req, _ := http.NewRequest("GET", url, nil)
		if revalidate {
			if tag := etag.Load().(string); tag != "" {
				req.Header.Set("If-None-Match", tag)
			}
		}
		start := time.Now()
		resp, err := c.client.Do(req)
		if err != nil {
			return time.Since(start), false
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		lat := time.Since(start)
		switch resp.StatusCode {
		case http.StatusOK:
			fresh.Add(1)
			etag.Store(resp.Header.Get("ETag"))
			return lat, true
		case http.StatusNotModified:
			notModified.Add(1)
			return lat, true
		}
		return lat, false
	}
	if _, ok := get(0); !ok || etag.Load().(string) == "" {
		b.Fatalf("%s: no 200 with an ETag", url)
	}
	if !revalidate {
		etag.Store("")
	}

	var storm *lgStorm
	if intake {
		storm = c.startStorm()
	}
	pages := startOpenLoop(lgPageRate, lgPageInFlight, get)
	var once sync.Once
	halt := func() {
		once.Do(func() {
			pages.halt()
			if storm != nil {
				storm.halt()
			}
		})
	}
	b.Cleanup(halt)
	time.Sleep(lgPageWarmup) // let both reach their pace before measuring
	fresh.Store(0)
	notModified.Store(0)
	pages.measuring.Store(true)
	if storm != nil {
		storm.measuring.Store(true)
	}
	b.StartTimer()
	start := time.Now()
	time.Sleep(time.Duration(b.N) * time.Second / lgPageRate)
	window := time.Since(start)
	b.StopTimer()
	pages.measuring.Store(false)
	if storm != nil {
		storm.measuring.Store(false)
	}
	halt()
	c.report(b)

	b.ReportMetric(float64(pages.ok.Load())/window.Seconds(), "pages/s")
	b.ReportMetric(pages.lat.ms(0.50), "page-p50-ms")
	b.ReportMetric(pages.lat.ms(0.99), "page-p99-ms")
	b.ReportMetric(float64(pages.failed.Load()), "page-errors")
	b.ReportMetric(float64(pages.dropped.Load()), "page-dropped")
	if n := fresh.Load() + notModified.Load(); n > 0 {
		b.ReportMetric(100*float64(notModified.Load())/float64(n), "304-%")
	}
	if storm != nil {
		b.ReportMetric(float64(storm.ok.Load())/window.Seconds(), "storm-tickets/s")
		b.ReportMetric(storm.lat.ms(0.99), "storm-p99-ms")
		b.ReportMetric(float64(storm.failed.Load()+storm.dropped.Load()), "storm-lost")
	}
}

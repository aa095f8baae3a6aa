package httpserver

import (
	"context"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"stormdesk"
	"stormdesk/desk"
)

type metrics struct {
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
	tickets  *prometheus.CounterVec
	limited  *prometheus.CounterVec
}

func newMetrics(reg prometheus.Registerer, d *desk.Service) *metrics {
	m := &metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "stormdesk_http_requests_total", Help: "HTTP requests by route and status code.",
		}, []string{"route", "code"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "stormdesk_http_request_duration_seconds", Help: "HTTP request latency by route.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5},
		}, []string{"route"}),
		tickets: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "stormdesk_tickets_ingested_total", Help: "Tickets received at intake, by source and result (created or duplicate).",
		}, []string{"source", "result"}),
		limited: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "stormdesk_http_rate_limited_total", Help: "Requests refused with 429 because their client was over its rate limit, by route class (intake, chat, email, public).",
		}, []string{"class"}),
	}
	if reg != nil {
		reg.MustRegister(m.requests, m.duration, m.tickets, m.limited, newWatchCollector(d), newEmailCollector(d))
	}
	return m
}

func (m *metrics) observe(route string, code int, d time.Duration) {
	m.requests.WithLabelValues(route, strconv.Itoa(code)).Inc()
	m.duration.WithLabelValues(route).Observe(d.Seconds())
}

// watchCollector reads the feed and probe states from the store at each
// scrape, so every replica reports the same, current picture.
type watchCollector struct {
	desk    *desk.Service
	up      *prometheus.Desc
	fails   *prometheus.Desc
	latency *prometheus.Desc
}

func newWatchCollector(d *desk.Service) *watchCollector {
	return &watchCollector{desk: d,
		up:      prometheus.NewDesc("stormdesk_upstream_up", "1 when the feed or probe was last read fine, 0 when unreadable or failing.", []string{"name", "kind"}, nil),
		fails:   prometheus.NewDesc("stormdesk_upstream_consecutive_failures", "Consecutive failed polls of a feed or probe.", []string{"name", "kind"}, nil),
		latency: prometheus.NewDesc("stormdesk_upstream_latency_seconds", "Latency of the last poll of a feed or probe.", []string{"name", "kind"}, nil),
	}
}

func (c *watchCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- c.up
	ch <- c.fails
	ch <- c.latency
}

func (c *watchCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	states, err := c.desk.WatchStates(ctx)
	if err != nil {
		return // the scrape goes on without these; /readyz reports the store
	}
	for _, st := range states {
		up := 0.0
		if st.State == stormdesk.WatchOK {
			up = 1
		}
		ch <- prometheus.MustNewConstMetric(c.up, prometheus.GaugeValue, up, st.Name, st.Kind)
		ch <- prometheus.MustNewConstMetric(c.fails, prometheus.GaugeValue, float64(st.Failures), st.Name, st.Kind)
		ch <- prometheus.MustNewConstMetric(c.latency, prometheus.GaugeValue, float64(st.LatencyMS)/1000, st.Name, st.Kind)
	}
}

// EmailMetricsWindow is how far back the email metrics look: each
// customer email of the last week is one set of series.
const EmailMetricsWindow = 7 * 24 * time.Hour

// emailCollector reports, at each scrape, the delivery counts of every
// customer email of the last week (from the store, so every replica
// agrees) and how many emails wait for approval.
type emailCollector struct {
	desk       *desk.Service
	recipients *prometheus.Desc
	messages   *prometheus.Desc
}

func newEmailCollector(d *desk.Service) *emailCollector {
	return &emailCollector{desk: d,
		recipients: prometheus.NewDesc("stormdesk_email_recipients", "Recipients of each customer email of the last week, by delivery state (pending, sent, failed, suppressed).",
			[]string{"incident", "message_id", "template", "state"}, nil),
		messages: prometheus.NewDesc("stormdesk_email_messages", "Customer emails of the last week by state: queued, held (waiting for approval), cancelled.",
			[]string{"state"}, nil),
	}
}

func (c *emailCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- c.recipients
	ch <- c.messages
}

func (c *emailCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	ms, err := c.desk.Messages(ctx, 0, time.Now().Add(-EmailMetricsWindow))
	if err != nil {
		return // the scrape goes on without these; /readyz reports the store
	}
	states := map[string]int{stormdesk.MessageQueued: 0, stormdesk.MessageHeld: 0, stormdesk.MessageCancelled: 0}
	for _, m := range ms {
		states[m.State]++
		if m.IncidentID == 0 {
			// A status page subscription's confirmation: one message per
			// subscriber, so a series each would grow with the page's
			// audience. They count among the messages only.
			continue
		}
		inc := strconv.FormatInt(m.IncidentID, 10)
		for _, st := range []struct {
			name string
			n    int
		}{{"pending", m.Pending}, {"sent", m.Sent}, {"failed", m.Failed}, {"suppressed", m.Suppressed}} {
			ch <- prometheus.MustNewConstMetric(c.recipients, prometheus.GaugeValue, float64(st.n), inc, m.MessageID, m.Template, st.name)
		}
	}
	for st, n := range states {
		ch <- prometheus.MustNewConstMetric(c.messages, prometheus.GaugeValue, float64(n), st)
	}
}

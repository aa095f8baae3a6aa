package triage

import (
	"math"
	"sort"
	"time"
)

// burstState tracks one cluster's recent arrivals and its baseline rate.
type burstState struct {
	recent    []arrival      // arrivals within BurstWindow, by time
	inWindow  map[string]int // customer -> arrivals within the window
	bucket    time.Time      // start of the open baseline bucket
	count     int            // arrivals in the open bucket
	ewma      float64        // EWMA of closed bucket counts
	closed    int            // number of closed buckets
	hasBucket bool
}

type arrival struct {
	at       time.Time
	customer string
}

// observeBurst records rec's arrival in c and reports whether this ticket
// makes c an incident candidate. That happens at most once per cluster, and
// never for a suppressed cluster.
func (e *Engine) observeBurst(c *cluster, rec *ticketRec) bool {
	b := &c.burst
	cfg := &e.cfg
	at := rec.at
	start := at.Truncate(cfg.BaselineBucket)
	alpha := 2 / (cfg.BaselineSpan + 1)
	switch {
	case !b.hasBucket:
		b.bucket, b.hasBucket = start, true
	case start.After(b.bucket):
		k := int(start.Sub(b.bucket) / cfg.BaselineBucket)
		b.ewma = alpha*float64(b.count) + (1-alpha)*b.ewma
		if k > 1 {
			b.ewma *= math.Pow(1-alpha, float64(k-1))
		}
		b.closed += k
		b.bucket, b.count = start, 0
	}
	b.count++ // A late ticket counts in the open bucket.

	if c.candidate || c.suppressed {
		b.recent, b.inWindow = nil, nil
		return false
	}
	if b.inWindow == nil {
		b.inWindow = make(map[string]int)
	}
	key := customerKey(rec)
	i := sort.Search(len(b.recent), func(i int) bool { return b.recent[i].at.After(at) })
	b.recent = append(b.recent, arrival{})
	copy(b.recent[i+1:], b.recent[i:])
	b.recent[i] = arrival{at: at, customer: key}
	b.inWindow[key]++
	// Evict arrivals older than the window, measured from the newest.
	newest := b.recent[len(b.recent)-1].at
	cut := 0
	for cut < len(b.recent) && newest.Sub(b.recent[cut].at) > cfg.BurstWindow {
		k := b.recent[cut].customer
		if b.inWindow[k]--; b.inWindow[k] <= 0 {
			delete(b.inWindow, k)
		}
		cut++
	}
	b.recent = b.recent[cut:]

	n := len(b.recent)
	if n < cfg.BurstMinReports || len(b.inWindow) < cfg.BurstMinCustomers {
		return false
	}
	if float64(n) < cfg.BurstFactor*e.expectedInWindow(c, at) {
		return false
	}
	c.candidate, c.candidateAt = true, at
	b.recent, b.inWindow = nil, nil
	return true
}

// expectedInWindow is the cluster's normal number of tickets per burst
// window: the larger of the hourly EWMA and the long-run rate before the
// current window, scaled to the window.
func (e *Engine) expectedInWindow(c *cluster, now time.Time) float64 {
	cfg := &e.cfg
	perBucket := c.burst.ewma
	older := len(c.members) - len(c.burst.recent)
	if span := now.Sub(c.first) - cfg.BurstWindow; older > 0 && span > 0 {
		buckets := math.Max(float64(span)/float64(cfg.BaselineBucket), 1)
		perBucket = math.Max(perBucket, float64(older)/buckets)
	}
	return perBucket * float64(cfg.BurstWindow) / float64(cfg.BaselineBucket)
}

// mergeBurst folds from's burst state into into's.
func mergeBurst(into, from *burstState) {
	into.ewma += from.ewma
	if from.hasBucket && (!into.hasBucket || from.bucket.After(into.bucket)) {
		into.bucket, into.count, into.hasBucket = from.bucket, from.count+into.count, true
	} else {
		into.count += from.count
	}
	if into.closed < from.closed {
		into.closed = from.closed
	}
	if len(from.recent) > 0 {
		into.recent = append(into.recent, from.recent...)
		sort.SliceStable(into.recent, func(i, j int) bool { return into.recent[i].at.Before(into.recent[j].at) })
		if into.inWindow == nil {
			into.inWindow = make(map[string]int)
		}
		for k, v := range from.inWindow {
			into.inWindow[k] += v
		}
	}
}

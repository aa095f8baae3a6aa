package triage

import (
	"math"
	"slices"
	"sort"
	"time"
)

// Burst detection compares a topic with the desk, not with zero. A
// cluster becomes an incident candidate when, within a window, it has
// enough reports from enough distinct customers AND its share of all the
// reports the desk received in that window is well above its usual
// share. A surge that lifts every topic at once (a Monday morning, a
// newsletter, an imported backlog) leaves every share where it was and
// pages nobody; one problem that many customers write about at once
// takes a share it never had.
//
// "Well above" is both a factor (BurstFactor, SlowFactor) and a
// significance: the chance that the topic's usual rate alone gives that
// many reports in the window (a Poisson tail) must be at most
// Significance. The factor keeps big topics from paging on small
// relative rises; the significance keeps small expected counts from
// paging on chance.
//
// A topic's usual share is estimated from what the engine has seen before
// the window: (reports of the cluster before the window + PriorWeight ×
// PriorShare) / (all reports before the window + PriorWeight). With little
// history the prior dominates, so a fresh engine needs a topic to take a
// large share (BurstFactor × PriorShare) before it pages: that is the
// warm-up. A topic that never appeared in a long history has a tiny
// usual share, and a handful of reports is a burst.
//
// Two windows are watched: BurstWindow (a storm: many reports in half an
// hour) and SlowWindow (a slow burn: a trickle over hours, such as a bug
// of the product's own that a few customers a day hit), each with its own
// minimum counts and factor. A slow burn is only told from a topic's
// ordinary pace once the desk has history: the slow rule waits until
// SlowWarmup tickets came before its window.
//
// Only reports count: automatic replies and bounces are not reports, and
// a ticket that describes an individual account problem (forgot password,
// locked out, lost 2FA device) is the everyday trickle, not evidence of an
// outage.

// burstWindow is one of the two windows bursts are told in: a storm's
// (BurstWindow) and a slow burn's (SlowWindow), each with its own
// minimum counts, factor and warm-up.
type burstWindow struct {
	span                     time.Duration
	minReports, minCustomers int
	factor                   float64
	warmup                   int
}

func (c *Config) windows() [2]burstWindow {
	return [2]burstWindow{
		{c.BurstWindow, c.BurstMinReports, c.BurstMinCustomers, c.BurstFactor, c.Warmup},
		{c.SlowWindow, c.SlowMinReports, c.SlowMinCustomers, c.SlowFactor, c.SlowWarmup},
	}
}

// burstState tracks one cluster's reports within the slow window.
type burstState struct {
	recent []arrival // reports within SlowWindow of the newest, by time
}

type arrival struct {
	at       time.Time
	customer string
}

// deskRate counts every report the engine has seen, and keeps the times
// of those within SlowWindow of the newest, to measure the desk's total
// rate in each window.
type deskRate struct {
	total  int         // reports seen, all time
	recent []time.Time // report times within SlowWindow of the newest, sorted
	// first holds the times of the first tickets ever seen (up to
	// firstKept), sorted: the history a young desk measures against.
	first []time.Time
}

// firstKept is how many of the first tickets' times deskRate keeps.
const firstKept = 1000

// warmAt is when the desk had seen k tickets (zero if it has not).
func (d *deskRate) warmAt(k int) time.Time {
	if k <= 0 || k > len(d.first) {
		return time.Time{}
	}
	return d.first[k-1]
}

func (d *deskRate) observe(at time.Time, window time.Duration) {
	d.total++
	if len(d.first) < firstKept {
		i := sort.Search(len(d.first), func(i int) bool { return d.first[i].After(at) })
		d.first = slices.Insert(d.first, i, at)
	}
	i := sort.Search(len(d.recent), func(i int) bool { return d.recent[i].After(at) })
	d.recent = append(d.recent, time.Time{})
	copy(d.recent[i+1:], d.recent[i:])
	d.recent[i] = at
	newest := d.recent[len(d.recent)-1]
	cut := 0
	for cut < len(d.recent) && newest.Sub(d.recent[cut]) > window {
		cut++
	}
	if cut > 0 {
		d.recent = append(d.recent[:0], d.recent[cut:]...)
	}
}

// forget takes a ticket that arrived at at out of the desk's rate: an
// incident's reports are not the desk's usual traffic, and a storm counted
// in it would make every other topic look quiet during the storm and
// loud after it.
func (d *deskRate) forget(at time.Time) {
	d.total = max(d.total-1, 0)
	if i := sort.Search(len(d.recent), func(i int) bool { return !d.recent[i].Before(at) }); i < len(d.recent) && d.recent[i].Equal(at) {
		d.recent = slices.Delete(d.recent, i, i+1)
	}
}

// since counts the reports at or after t.
func (d *deskRate) since(t time.Time) int {
	return len(d.recent) - sort.Search(len(d.recent), func(i int) bool { return !d.recent[i].Before(t) })
}

// observeBurst records a report's arrival in c and returns the window
// whose rule makes c an incident candidate with it (0: none). A cluster
// is a candidate at most once per ReArm: a storm pages once, and the same
// topic can page again a day later. Suppressed clusters never are.
func (e *Engine) observeBurst(c *cluster, rec *ticketRec) time.Duration {
	cfg := &e.cfg
	at := rec.at
	if rec.noise {
		return 0
	}
	e.rate.observe(at, cfg.SlowWindow)
	if !rec.report {
		return 0
	}
	b := &c.burst
	i := sort.Search(len(b.recent), func(i int) bool { return b.recent[i].at.After(at) })
	b.recent = append(b.recent, arrival{})
	copy(b.recent[i+1:], b.recent[i:])
	b.recent[i] = arrival{at: at, customer: customerKey(rec)}
	newest := b.recent[len(b.recent)-1].at
	cut := 0
	for cut < len(b.recent) && newest.Sub(b.recent[cut].at) > cfg.SlowWindow {
		cut++
	}
	if cut > 0 {
		b.recent = append(b.recent[:0], b.recent[cut:]...)
	}
	if c.suppressed || c.candidate && at.Sub(c.candidateAt) < cfg.ReArm {
		return 0
	}
	for _, w := range cfg.windows() {
		if e.bursting(c, at, w.span, w.minReports, w.minCustomers, w.factor, w.warmup) {
			c.candidate, c.candidateAt = true, at
			return w.span
		}
	}
	return 0
}

// bursting applies one window's rule to cluster c at time now.
func (e *Engine) bursting(c *cluster, now time.Time, window time.Duration, minReports, minCustomers int, factor float64, warmup int) bool {
	return e.windowBursts(c.burst.recent, c.reports, now, window, minReports, minCustomers, factor, warmup)
}

// windowBursts applies one window's rule to a topic (a cluster or a
// feature) whose reports within the slow window are recent and whose
// reports of all time number total.
//
// A young desk has no history before the window: the first warmup
// tickets it ever saw are its history, and the window starts after them.
// In a surge on a fresh service (a backlog imported at once) every topic
// keeps the share it had in those first tickets; a storm that starts in
// the middle takes a share it never had.
func (e *Engine) windowBursts(recent []arrival, total int, now time.Time, window time.Duration, minReports, minCustomers int, factor float64, warmup int) bool {
	if e.rate.total < warmup {
		return false
	}
	from := e.windowStart(now, window, warmup)
	if e.seen == nil {
		e.seen = make(map[string]struct{})
	}
	clear(e.seen)
	n := 0
	for j := len(recent) - 1; j >= 0 && !recent[j].at.Before(from); j-- {
		n++
		e.seen[recent[j].customer] = struct{}{}
	}
	if n < minReports || len(e.seen) < minCustomers {
		return false
	}
	cfg := &e.cfg
	deskWindow := e.rate.since(from)
	deskBefore := float64(e.rate.total - deskWindow)
	before := float64(max(total-n, 0))
	share := (before + cfg.PriorWeight*cfg.PriorShare) / (deskBefore + cfg.PriorWeight)
	// The share is estimated from a history of deskBefore tickets: with a
	// short history it is uncertain, and the topic is expected at one
	// standard error above the estimate.
	share += math.Sqrt(share * (1 - share) / (deskBefore + cfg.PriorWeight))
	expected := share * float64(deskWindow)
	return float64(n) >= factor*expected && poissonTail(n, expected) <= cfg.Significance
}

// windowStart is where a burst window ending at now starts: window
// before now, but never before the desk's first warmup tickets, and,
// while the desk is younger than three windows, only in the last third of
// its life, so that two thirds of it are history.
func (e *Engine) windowStart(now time.Time, window time.Duration, warmup int) time.Time {
	from := now.Add(-window)
	if w := e.rate.warmAt(warmup); w.After(from) {
		from = w.Add(time.Nanosecond)
	}
	if first := e.rate.warmAt(1); !first.IsZero() {
		if young := first.Add(now.Sub(first) * 2 / 3); young.After(from) {
			from = young
		}
	}
	return from
}

// poissonTail is P(X >= n) for X ~ Poisson(mu): how likely the topic's
// usual rate alone gives n reports in the window. It is computed only
// when the cheaper criteria have passed.
func poissonTail(n int, mu float64) float64 {
	if mu <= 0 {
		return 0
	}
	// 1 - P(X < n), summing the terms of P(X < n) in order.
	term, sum := math.Exp(-mu), 0.0
	for k := 0; k < n; k++ {
		sum += term
		term *= mu / float64(k+1)
	}
	return max(1-sum, 0)
}

// Feature bursts. A storm's reports are worded in many ways and land in
// several clusters, none of which bursts on its own for a while; but they
// name the same product feature ("screen share", "checkout"), a concept
// the lexicon and the product's own vocabulary recognise. So each feature
// the product has (Config.Features) is watched like a cluster: a report
// naming it counts toward it, with the same windows, minimums and share
// test. The feature burst only says "something about screen sharing is
// rising"; which of those reports make the incident is the tracker's call
// (the core of the burst, by similarity).

// featureState tracks one feature's reports.
type featureState struct {
	reports   int       // all time
	recent    []arrival // within SlowWindow of the newest, by time
	candidate bool
	at        time.Time // when it last burst
}

// observeFeatures records rec's arrival under each product feature it
// names and returns the first feature that bursts with it, and the window.
func (e *Engine) observeFeatures(rec *ticketRec) (string, time.Duration) {
	if !rec.report || len(e.features) == 0 {
		return "", 0
	}
	cfg := &e.cfg
	var fired string
	var window time.Duration
	for _, f := range rec.concepts {
		st := e.features[f]
		if st == nil {
			continue
		}
		st.reports++
		st.recent = insertArrival(st.recent, arrival{at: rec.at, customer: customerKey(rec)}, cfg.SlowWindow)
		if fired != "" || st.candidate && rec.at.Sub(st.at) < cfg.ReArm {
			continue
		}
		for _, w := range cfg.windows() {
			if e.windowBursts(st.recent, st.reports, rec.at, w.span, w.minReports, w.minCustomers, w.factor, w.warmup) {
				st.candidate, st.at = true, rec.at
				fired, window = f, w.span
				break
			}
		}
	}
	return fired, window
}

// rearm lets the cluster and the feature that became candidates with a
// become candidates again: the tracker found no incident in their burst,
// and as it grows it may become one.
func (e *Engine) rearm(a Assignment) {
	if a.Candidate {
		if c := e.clusters[e.resolve(a.ClusterID)]; c != nil {
			c.candidate = false
		}
	}
	if a.Feature != "" {
		if st := e.features[a.Feature]; st != nil {
			st.candidate = false
		}
	}
}

// insertArrival adds a to recent (sorted by time) and drops what is older
// than window before the newest.
func insertArrival(recent []arrival, a arrival, window time.Duration) []arrival {
	i := sort.Search(len(recent), func(i int) bool { return recent[i].at.After(a.at) })
	recent = slices.Insert(recent, i, a)
	newest := recent[len(recent)-1].at
	cut := 0
	for cut < len(recent) && newest.Sub(recent[cut].at) > window {
		cut++
	}
	if cut > 0 {
		recent = append(recent[:0], recent[cut:]...)
	}
	return recent
}

// mergeBurst folds from's burst state into into's.
func mergeBurst(into, from *burstState) {
	if len(from.recent) == 0 {
		return
	}
	into.recent = append(into.recent, from.recent...)
	sort.SliceStable(into.recent, func(i, j int) bool { return into.recent[i].at.Before(into.recent[j].at) })
}

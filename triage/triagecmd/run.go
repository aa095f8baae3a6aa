package triagecmd

import (
	"fmt"
	"runtime"
	"sort"
	"time"

	"stormdesk/triage"
	"stormdesk/triage/eval"
)

// RunOptions control how Run feeds rows to the engine.
type RunOptions struct {
	// Base is the arrival time of rows without a time column: they all
	// arrive at Base, within one burst window, in file order.
	Base time.Time
	// Progress, when set, is called every few thousand rows.
	Progress func(done, total int)
	// NoRefine skips the final Refine pass (for measuring the online pass
	// alone).
	NoRefine bool
	// RefineEvery runs Refine after every so many tickets during the
	// pass, as the service's maintenance job does while tickets arrive
	// (0: only the final pass).
	RefineEvery int
}

// RunResult is what one run measured.
type RunResult struct {
	Pred          []int64     // final cluster of each row, aligned with the rows given
	Scores        eval.Scores // zero unless every row has a label
	Labelled      bool
	AssignSeconds float64
	RefineSeconds float64
	TicketsPerSec float64 // online assignment throughput (excludes Refine)
	PeakHeapBytes uint64  // largest live heap seen (sampled)
	HeapPerTicket float64 // live heap growth per ticket held, bytes
	Merges        int
	Engine        *triage.Engine
}

// Run assigns rows in order (by time when they have one; ties keep file
// order), then refines once at the end, and scores the final clusters
// against the rows' labels.
func Run(cfg triage.Config, rows []eval.Row, opt RunOptions) (RunResult, error) {
	if err := cfg.Validate(); err != nil {
		return RunResult{}, err
	}
	if opt.Base.IsZero() {
		opt.Base = time.Date(2024, 1, 1, 9, 0, 0, 0, time.UTC)
	}
	order := make([]int, len(rows))
	for i := range order {
		order[i] = i
	}
	timed := len(rows) > 0 && rows[0].HasTime
	if timed {
		sort.SliceStable(order, func(a, b int) bool { return rows[order[a]].At.Before(rows[order[b]].At) })
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	baseHeap := ms.HeapAlloc
	peak := baseHeap
	sample := func() {
		runtime.ReadMemStats(&ms)
		if ms.HeapAlloc > peak {
			peak = ms.HeapAlloc
		}
	}

	e := triage.New(cfg)
	pred := make([]int64, len(rows))
	last := opt.Base
	var assignDur time.Duration
	var res RunResult
	start := time.Now()
	for k, i := range order {
		at := opt.Base
		if timed {
			at = rows[i].At
		}
		if at.After(last) {
			last = at
		}
		t0 := time.Now()
		a := e.Assign(triage.Ticket{ID: int64(i + 1), Text: rows[i].Text, Customer: rows[i].Customer, At: at})
		assignDur += time.Since(t0)
		pred[i] = a.ClusterID
		if opt.RefineEvery > 0 && (k+1)%opt.RefineEvery == 0 && k+1 < len(order) {
			t0 := time.Now()
			e.Refit()
			e.Refine(last)
			res.RefineSeconds += time.Since(t0).Seconds()
		}
		if (k+1)%4096 == 0 {
			sample()
			if opt.Progress != nil {
				opt.Progress(k+1, len(rows))
			}
		}
	}
	_ = start
	sample()
	res.Engine, res.AssignSeconds = e, assignDur.Seconds()
	if assignDur > 0 {
		res.TicketsPerSec = float64(len(rows)) / assignDur.Seconds()
	}
	if !opt.NoRefine {
		t0 := time.Now()
		e.Refit()
		res.Merges = len(e.Refine(last.Add(cfg.BurstWindow)))
		res.RefineSeconds += time.Since(t0).Seconds()
	}
	for i := range rows {
		if c, ok := e.ClusterOf(int64(i + 1)); ok {
			pred[i] = c
		}
	}
	sample()
	runtime.GC()
	runtime.ReadMemStats(&ms)
	_, held := e.Len()
	if held > 0 && ms.HeapAlloc > baseHeap {
		res.HeapPerTicket = float64(ms.HeapAlloc-baseHeap) / float64(held)
	}
	res.PeakHeapBytes = peak
	res.Pred = pred
	labelled := len(rows) > 0
	for _, r := range rows {
		if r.Label == "" {
			labelled = false
			break
		}
	}
	if labelled {
		gold := make([]string, len(rows))
		for i, r := range rows {
			gold[i] = r.Label
		}
		s, err := eval.Score(gold, pred)
		if err != nil {
			return res, fmt.Errorf("eval: score: %w", err)
		}
		res.Scores, res.Labelled = s, true
	}
	return res, nil
}

package triage

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"slices"
	"syscall"
	"testing"
	"time"

	"stormdesk/triage/eval"
)

// benchTexts returns real support texts (BANKING77 and Bitext) to drive the
// benchmarks.
func benchTexts(b *testing.B) []string {
	var out []string
	for _, name := range []string{"banking77_train", "banking77_test", "bitext_train"} {
		for _, r := range loadData(b, name) {
			out = append(out, r.Text)
		}
	}
	eval.Shuffle(out, 7)
	return out
}

// pseudoWord makes a deterministic made-up word, so populated clusters are
// distinct without sharing a real vocabulary.
func pseudoWord(i int) string {
	const syl = "bacedifogahujekilomanupeqirosatuvewixoyaza"
	var b []byte
	for k := 0; k < 3; k++ {
		j := (i % 21) * 2
		b = append(b, syl[j], syl[j+1])
		i /= 21
	}
	return string(b)
}

// populate fills e with n active clusters built from real texts made unique
// by an appended made-up word; a threshold of 0.95 during population keeps
// each in its own cluster, so the clusters overlap the way real ones do.
func populate(e *Engine, texts []string, n int, at time.Time) {
	saved := e.cfg.Threshold
	e.cfg.Threshold = 0.95
	for i := 0; len(e.clusters) < n; i++ {
		e.Assign(Ticket{ID: int64(-1 - i), Text: texts[i%len(texts)] + " " + pseudoWord(i) + " " + pseudoWord(i*7+3), At: at})
	}
	e.cfg.Threshold = saved
}

// BenchmarkAssign measures the cost of assigning one ticket (normalisation,
// features, candidate search, update) with N active clusters.
func BenchmarkAssign(b *testing.B) {
	texts := benchTexts(b)
	at := time.Date(2024, 1, 1, 9, 0, 0, 0, time.UTC)
	for _, n := range []int{1_000, 3_000, 10_000, 30_000, 100_000} {
		b.Run(fmt.Sprintf("clusters=%d", n), func(b *testing.B) {
			e := New(DefaultConfig())
			populate(e, texts, n, at)
			runtime.GC()
			b.ReportAllocs()
			cpu0 := cpuTime()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				e.Assign(Ticket{ID: int64(i + 1), Text: texts[i%len(texts)], At: at})
			}
			b.StopTimer()
			// CPU time of the whole process (GC included) per ticket: on a
			// shared machine wall time also counts other processes.
			cpu := float64(cpuTime()-cpu0) / float64(b.N)
			b.ReportMetric(cpu, "cpu-ns/op")
			b.ReportMetric(1e9/cpu, "tickets/cpu-s")
			b.ReportMetric(float64(len(e.clusters)), "clusters_end")
		})
	}
}

// BenchmarkAssignDense compares, in the same run and interleaved, the
// cost of assigning one ticket at 10,000 active clusters with and without
// the dense block (each with its own tuned thresholds), and with the
// block on the shipped vectors alone (dense=shipped: no word learning, the
// engine before issue 19's online part).
func BenchmarkAssignDense(b *testing.B) {
	texts := benchTexts(b)
	at := time.Date(2024, 1, 1, 9, 0, 0, 0, time.UTC)
	shipped := DenseConfig()
	shipped.VectorRefit = 0
	for _, c := range []struct {
		name string
		cfg  Config
	}{{"false", SparseConfig()}, {"true", DenseConfig()}, {"shipped", shipped}} {
		b.Run("clusters=10000/dense="+c.name, func(b *testing.B) {
			e := New(c.cfg)
			populate(e, texts, 10_000, at)
			runtime.GC()
			b.ReportAllocs()
			cpu0 := cpuTime()
			b.ResetTimer()
			assignMeasured(e, texts, b.N, at)
			b.StopTimer()
			cpu := float64(cpuTime()-cpu0) / float64(b.N)
			b.ReportMetric(cpu, "cpu-ns/op")
			b.ReportMetric(1e9/cpu, "tickets/cpu-s")
		})
	}
}

// assignMeasured is the measured loop of BenchmarkAssignDense, in a
// function of its own so that instruction counts can be taken for it
// alone, on a machine where wall and CPU times drift:
//
//	GODEBUG=asyncpreemptoff=1 valgrind --tool=callgrind --collect-atstart=no \
//	  --toggle-collect='stormdesk/triage.assignMeasured' ./triage.test -test.run '^$' \
//	  -test.bench 'AssignDense/clusters=10000/dense=true$' -test.benchtime 4000x -test.cpu 1
//
// (the testing package runs it once with N=1, then with N=4000: divide by
// 4001).
//
//go:noinline
func assignMeasured(e *Engine, texts []string, n int, at time.Time) {
	for i := 0; i < n; i++ {
		e.Assign(Ticket{ID: int64(i + 1), Text: texts[i%len(texts)], At: at})
	}
}

// blockConfig is the default configuration with the dense block on or off.
func blockConfig(dense bool) Config {
	if dense {
		return DenseConfig()
	}
	return SparseConfig()
}

// BenchmarkRefit measures one refit of the word vectors (veclearn.go) on
// the counts of n real tickets: counting the pending words, the joint SVD,
// the rotation, and recomputing every held ticket's dense block and the
// centroids. B/op is what one refit allocates.
func BenchmarkRefit(b *testing.B) {
	texts := benchTexts(b)
	at := time.Date(2024, 1, 1, 9, 0, 0, 0, time.UTC)
	for _, n := range []int{3_000, 30_000} {
		b.Run(fmt.Sprintf("tickets=%d", n), func(b *testing.B) {
			cfg := DenseConfig()
			cfg.VectorRefit = 1
			e := New(cfg)
			for i := 0; i < n; i++ {
				e.Assign(Ticket{ID: int64(i + 1), Text: texts[i%len(texts)], At: at})
			}
			pending := e.learn.pending
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				e.learn.pending = pending
				if !e.Refit() {
					b.Fatal("no refit")
				}
			}
			b.ReportMetric(float64(len(e.vecs.words)), "words")
		})
	}
}

// BenchmarkNormalize measures text normalisation alone.
func BenchmarkNormalize(b *testing.B) {
	texts := benchTexts(b)
	n := newNormalizer(defaultLexicon(), DefaultConfig().MaxTextBytes)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n.tokens(texts[i%len(texts)])
	}
}

// BenchmarkMemoryPerTicket assigns b.N tickets (real texts, one
// arrival time, so none expires) and reports the live heap the engine
// holds per active ticket, its fixed cost (the document-frequency table)
// excluded.
func BenchmarkMemoryPerTicket(b *testing.B) {
	for _, dense := range []bool{false, true} {
		b.Run(fmt.Sprintf("dense=%v", dense), func(b *testing.B) { benchMemory(b, blockConfig(dense)) })
	}
}

func benchMemory(b *testing.B, cfg Config) {
	texts := benchTexts(b)
	at := time.Date(2024, 1, 1, 9, 0, 0, 0, time.UTC)
	var before, empty, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	e := New(cfg)
	runtime.GC()
	runtime.ReadMemStats(&empty)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e.Assign(Ticket{ID: int64(i + 1), Text: texts[i%len(texts)], At: at})
	}
	b.StopTimer()
	runtime.GC()
	runtime.ReadMemStats(&after)
	clusters, held := e.Len()
	b.ReportMetric(float64(after.HeapAlloc-empty.HeapAlloc)/float64(held), "heap-B/ticket")
	b.ReportMetric(float64(empty.HeapAlloc-before.HeapAlloc)/(1<<20), "fixed-MiB")
	b.ReportMetric(float64(clusters), "clusters")
	runtime.KeepAlive(e)
}

// cpuTime returns the process's user+system CPU time in nanoseconds.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

// BenchmarkTrack measures what deciding membership adds to clustering: a
// labelled week (scenarios/meetbeam, 822 tickets) assigned in arrival
// order by the engine alone, and by the engine and the Tracker (every
// ticket observed, incidents opened from bursts). Reported per ticket.
func BenchmarkTrack(b *testing.B) {
	benchTrack(b, weekTickets(b, "../scenarios/meetbeam/tickets.jsonl"))
}

// benchTrack assigns tickets in order with the engine alone and with the
// engine and the Tracker, reporting both per ticket.
func benchTrack(b *testing.B, tickets []Ticket) {
	for _, track := range []bool{false, true} {
		name := "assign"
		if track {
			name = "assign+track"
		}
		b.Run(name, func(b *testing.B) {
			var cpu int64
			for b.Loop() {
				b.StopTimer()
				e := New(DefaultConfig())
				tr := NewTracker(e, DefaultTrackerConfig())
				runtime.GC()
				b.StartTimer()
				cpu0 := cpuTime()
				for _, t := range tickets {
					a := e.Assign(t)
					if track {
						tr.Observe(t.ID, a)
					}
				}
				cpu += cpuTime() - cpu0
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(tickets)), "ns/ticket")
			b.ReportMetric(float64(cpu)/float64(b.N*len(tickets)), "cpu-ns/ticket")
		})
	}
}

// weekTickets reads a scenario's tickets (JSON Lines) in arrival order.
func weekTickets(b *testing.B, path string) []Ticket {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	var out []Ticket
	for i, line := range bytes.Split(data, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var r struct {
			ReceivedAt    time.Time `json:"received_at"`
			Subject, Body string
			Customer      string `json:"customer_email"`
		}
		if err := json.Unmarshal(line, &r); err != nil {
			b.Fatalf("%s:%d: %v", path, i+1, err)
		}
		out = append(out, Ticket{ID: int64(i + 1), Text: r.Subject + "\n" + r.Body, Customer: r.Customer, At: r.ReceivedAt})
	}
	slices.SortStableFunc(out, func(x, y Ticket) int { return x.At.Compare(y.At) })
	return out
}

// BenchmarkTrackSurge measures membership in a hot stream: 3,000 everyday
// questions (BANKING77 and Bitext texts) arriving one a second from 1,500
// customers, the shape of a backlog import or a Monday peak, where every
// report's neighbourhood is full. Reported per ticket, engine alone and
// engine and Tracker.
func BenchmarkTrackSurge(b *testing.B) {
	texts := benchTexts(b)
	if len(texts) < 3000 {
		b.Skip("needs ../shared/data")
	}
	start := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	tickets := make([]Ticket, 3000)
	for i := range tickets {
		tickets[i] = Ticket{ID: int64(i + 1), Text: texts[(i*7919)%len(texts)], Customer: fmt.Sprintf("c%d@example.com", i%1500), At: start.Add(time.Duration(i) * time.Second)}
	}
	benchTrack(b, tickets)
}

// BenchmarkIndividualModel measures the individual model's cost per
// ticket on a week's tickets (tokens made beforehand): what Assign adds
// for it.
func BenchmarkIndividualModel(b *testing.B) {
	tickets := weekTickets(b, "../scenarios/meetbeam/tickets.jsonl")
	n := newNormalizer(defaultLexicon(), DefaultConfig().MaxTextBytes)
	toks := make([][]token, len(tickets))
	for i, t := range tickets {
		toks[i] = slices.Clone(n.tokens(t.Text))
	}
	m := shippedIndividual()
	var buf []uint64
	m.probToks(toks[0], buf)
	b.ResetTimer()
	for b.Loop() {
		for _, ts := range toks {
			buf, _ = m.probToks(ts, buf)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(tickets)), "ns/ticket")
}

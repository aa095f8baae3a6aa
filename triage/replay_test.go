package triage

import (
	"fmt"
	"reflect"
	"testing"
	"time"
)

// stream is a deterministic mixed workload: look-alike bursts, a trickle,
// noise, and operator corrections, Refine and Expire along the way.
type step struct {
	ticket  *Ticket
	op      string // "", "refine", "expire", "merge", "move", "suppress"
	a, b    int64
	nowHour int
}

func syntheticStream(extra []string) []step {
	topics := [][]string{outage, passwordTrickle, {
		"screen share won't start", "screenshare not starting", "sharing my screen fails", "can't share my screen",
	}, {
		"refund for my last invoice", "I want my money back", "please refund the duplicate charge",
	}}
	var out []step
	at := t0
	id := int64(0)
	for i := 0; i < 400; i++ {
		var text string
		switch {
		case len(extra) > 0 && i%3 == 0:
			text = extra[(i/3)%len(extra)]
		default:
			tp := topics[(i*7+i/13)%len(topics)]
			text = tp[(i*5)%len(tp)]
		}
		id++
		out = append(out, step{ticket: &Ticket{ID: id, Text: text, Customer: fmt.Sprint("c", i%37), At: at}})
		at = at.Add(time.Duration(1+(i*31)%300) * time.Second)
		switch i {
		case 120:
			out = append(out, step{op: "merge", a: 3, b: 1})
		case 150:
			out = append(out, step{op: "move", a: 20, b: 2})
		case 180:
			out = append(out, step{op: "suppress", a: 2})
		case 200, 300:
			out = append(out, step{op: "refine", nowHour: 1000})
		case 250:
			out = append(out, step{op: "expire", nowHour: 1000})
		}
	}
	return out
}

type outcome struct {
	Assign []Assignment
	Errs   []string
	Merges [][]MergeEvent
}

func runSteps(e *Engine, steps []step, o *outcome) {
	var last time.Time
	for _, s := range steps {
		if s.ticket != nil {
			o.Assign = append(o.Assign, e.Assign(*s.ticket))
			last = s.ticket.At
			continue
		}
		var err error
		switch s.op {
		case "merge":
			err = e.Merge(s.a, s.b)
		case "move":
			err = e.Move(s.a, s.b)
		case "suppress":
			err = e.Suppress(s.a)
		case "refine":
			e.Refit()
			o.Merges = append(o.Merges, e.Refine(last))
		case "expire":
			e.Expire(last.Add(-time.Hour))
		}
		o.Errs = append(o.Errs, fmt.Sprint(err))
	}
}

func replayTexts(t *testing.T) []string {
	rows, err := loadDataMaybe("banking77_test")
	if err != nil {
		t.Logf("replay without BANKING77 texts: %v", err)
		return nil
	}
	var out []string
	for _, r := range rows[:300] {
		out = append(out, r.Text)
	}
	return out
}

// TestReplayDeterministic: the same tickets and corrections in the same
// order give the same assignments, refinements and final clusters.
func TestReplayDeterministic(t *testing.T) {
	for name, cfg := range testConfigs() {
		t.Run(name, func(t *testing.T) { testReplayDeterministic(t, cfg) })
	}
}

// testConfigs are the configurations the replay tests run under: the
// defaults, and the dense block on and off whichever the default is.
func testConfigs() map[string]Config {
	on, off := DefaultConfig(), DefaultConfig()
	if on.DenseWeight == 0 {
		on.DenseWeight = 0.3
	}
	off.DenseWeight = 0
	// refit: the dense block's vectors are refitted from the desk's
	// tickets at the stream's Refine steps.
	refit := on
	refit.VectorRefit = 100
	return map[string]Config{"dense": on, "sparse": off, "refit": refit}
}

func testReplayDeterministic(t *testing.T, cfg Config) {
	steps := syntheticStream(replayTexts(t))
	var a, b outcome
	ea, eb := New(cfg), New(cfg)
	runSteps(ea, steps, &a)
	runSteps(eb, steps, &b)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two replays of the same stream differ")
	}
	if !reflect.DeepEqual(ea.Clusters(), eb.Clusters()) {
		t.Fatal("two replays end with different clusters")
	}
	sa, _ := ea.Snapshot()
	sb, _ := eb.Snapshot()
	if string(sa) != string(sb) {
		t.Error("equal engines encode to different snapshots")
	}
}

// TestSnapshotRestore: an engine restored from a snapshot taken mid-stream
// continues exactly like the engine that never stopped.
func TestSnapshotRestore(t *testing.T) {
	for name, cfg := range testConfigs() {
		t.Run(name, func(t *testing.T) { testSnapshotRestore(t, cfg) })
	}
	on, off := testConfigs()["dense"], testConfigs()["sparse"]
	data, _ := New(on).Snapshot()
	if _, err := Restore(off, data); err == nil {
		t.Error("a snapshot with the dense block restored without it")
	}
}

func testSnapshotRestore(t *testing.T, cfg Config) {
	steps := syntheticStream(replayTexts(t))
	cuts := []int{0, 90, 160, 260, len(steps)}
	if cfg.VectorRefit > 0 && cfg.VectorRefit < len(steps) {
		cuts = []int{260} // after the first refit, before the second
	}
	for _, cut := range cuts {
		var full, head, tail outcome
		e := New(cfg)
		runSteps(e, steps, &full)

		h := New(cfg)
		runSteps(h, steps[:cut], &head)
		data, err := h.Snapshot()
		if err != nil {
			t.Fatal(err)
		}
		r, err := Restore(cfg, data)
		if err != nil {
			t.Fatal(err)
		}
		runSteps(r, steps[cut:], &tail)
		got := outcome{Assign: append(head.Assign, tail.Assign...), Errs: append(head.Errs, tail.Errs...),
			Merges: append(head.Merges, tail.Merges...)}
		if !reflect.DeepEqual(got.Assign, full.Assign) {
			for i := range full.Assign {
				if i >= len(got.Assign) || !reflect.DeepEqual(got.Assign[i], full.Assign[i]) {
					t.Fatalf("cut %d: assignment %d differs: %+v vs %+v", cut, i, got.Assign[i], full.Assign[i])
				}
			}
		}
		if !reflect.DeepEqual(got.Errs, full.Errs) || !reflect.DeepEqual(got.Merges, full.Merges) {
			t.Fatalf("cut %d: corrections or refinements differ", cut)
		}
		if !reflect.DeepEqual(r.Clusters(), e.Clusters()) {
			t.Fatalf("cut %d: final clusters differ", cut)
		}
	}
	other := DefaultConfig()
	other.CharMax = 4
	data, _ := New(DefaultConfig()).Snapshot()
	if _, err := Restore(other, data); err == nil {
		t.Error("restored under a different feature configuration")
	}
	if _, err := Restore(DefaultConfig(), []byte("garbage")); err == nil {
		t.Error("restored garbage")
	}
}

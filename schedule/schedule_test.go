package schedule

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"sync/atomic"
	"testing"
	"time"
)

func TestEveryRunsAndStops(t *testing.T) {
	s, err := New(slog.New(slog.NewTextHandler(io.Discard, nil)), nil)
	if err != nil {
		t.Fatal(err)
	}
	var runs, fails atomic.Int32
	ran := make(chan struct{}, 100)
	s.Every("count", 20*time.Millisecond, func(context.Context) error { runs.Add(1); ran <- struct{}{}; return nil })
	s.Every("fail", 20*time.Millisecond, func(context.Context) error { fails.Add(1); return errors.New("boom") })
	s.Start()
	for range 3 {
		select {
		case <-ran:
		case <-time.After(10 * time.Second):
			t.Fatal("the job did not run")
		}
	}
	// A failing job is logged and scheduled again, not dropped.
	for deadline := time.Now().Add(10 * time.Second); fails.Load() < 2; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the failing job ran %d times, want it rescheduled", fails.Load())
		}
	}
	if err := s.Stop(); err != nil {
		t.Fatal(err)
	}
	after := runs.Load()
	time.Sleep(60 * time.Millisecond)
	if runs.Load() != after {
		t.Fatal("a job ran after Stop")
	}
}

// TestLoopRunsAtStartOnWakeAndStops: a loop runs once at Start, again
// when woken (long before its interval), and Stop cancels the run in
// progress and waits for it.
func TestLoopRunsAtStartOnWakeAndStops(t *testing.T) {
	s, err := New(slog.New(slog.NewTextHandler(io.Discard, nil)), nil)
	if err != nil {
		t.Fatal(err)
	}
	wake := make(chan struct{}, 1)
	ran := make(chan struct{})
	var runs atomic.Int32
	if err := s.Loop("work", time.Hour, wake, 0, func(ctx context.Context) error {
		ran <- struct{}{}
		if runs.Add(1) == 2 {
			<-ctx.Done() // a long run: Stop must cancel it
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := s.Loop("bad", 0, nil, 0, nil); err == nil {
		t.Error("a loop without an interval was accepted")
	}
	s.Start()
	<-ran // at Start
	wake <- struct{}{}
	<-ran // woken, not after an hour
	if err := s.Stop(); err != nil {
		t.Fatal(err)
	}
}

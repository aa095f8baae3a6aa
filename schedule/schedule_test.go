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

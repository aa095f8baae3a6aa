package schedule

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestVirtualRunsInTimeOrder fires two jobs in virtual time: every due
// run happens once, earliest first, with the clock set to its time, and a
// failing job is run again at its next slot.
func TestVirtualRunsInTimeOrder(t *testing.T) {
	start := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	v := NewVirtual(nil, start)
	var now time.Time
	v.SetNow = func(t time.Time) { now = t }
	var runs []string
	v.Every("a", 10*time.Minute, func(context.Context) error { runs = append(runs, "a@"+now.Format("15:04")); return nil })
	v.EveryJitter("b", 15*time.Minute, func(context.Context) error {
		runs = append(runs, "b@"+now.Format("15:04"))
		return errors.New("boom")
	})
	if got := v.Next(); !got.Equal(start.Add(10 * time.Minute)) {
		t.Fatalf("next %v", got)
	}
	if err := v.RunDue(context.Background(), start.Add(30*time.Minute)); err != nil {
		t.Fatal(err)
	}
	want := []string{"a@00:10", "b@00:15", "a@00:20", "a@00:30", "b@00:30"}
	if len(runs) != len(want) {
		t.Fatalf("runs %v, want %v", runs, want)
	}
	for i := range want {
		if runs[i] != want[i] {
			t.Fatalf("runs %v, want %v", runs, want)
		}
	}
	if got := v.Next(); !got.Equal(start.Add(40 * time.Minute)) {
		t.Fatalf("next after the runs: %v", got)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := v.RunDue(ctx, start.Add(time.Hour)); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled: %v", err)
	}
}

package httpserver

import (
	"context"
	"testing"
	"time"
)

// TestVersionReadsFresh: with fresh set, a version read a moment ago is
// used without asking the store; a new day's window or an old read asks
// again; with fresh 0 every sequential request asks.
func TestVersionReadsFresh(t *testing.T) {
	ctx := context.Background()
	day := time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)
	reads := 0
	read := func(context.Context, time.Time) (string, error) {
		reads++
		return "v", nil
	}
	v := &versionReads{fresh: time.Hour}
	for range 3 {
		if got, err := v.read(ctx, day, read); err != nil || got != "v" {
			t.Fatalf("read: %q %v", got, err)
		}
	}
	if reads != 1 {
		t.Errorf("fresh reuse: %d store reads for 3 requests, want 1", reads)
	}
	v.read(ctx, day.AddDate(0, 0, 1), read)
	if reads != 2 {
		t.Errorf("another window: %d store reads, want 2", reads)
	}
	v.last.at = time.Now().Add(-2 * time.Hour)
	v.read(ctx, day.AddDate(0, 0, 1), read)
	if reads != 3 {
		t.Errorf("an old read: %d store reads, want 3", reads)
	}
	reads = 0
	off := &versionReads{}
	for range 3 {
		off.read(ctx, day, read)
	}
	if reads != 3 {
		t.Errorf("fresh 0: %d store reads for 3 requests, want 3", reads)
	}
}

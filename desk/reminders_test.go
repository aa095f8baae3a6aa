package desk_test

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"stormdesk"
	"stormdesk/desk"
)

// remindRecorder is an alerter that records reminders.
type remindRecorder struct {
	noPoster
	mu    sync.Mutex
	texts []string
	got   chan struct{}
}

func (r *remindRecorder) Remind(_ context.Context, inc *stormdesk.Incident, text string) error {
	r.mu.Lock()
	r.texts = append(r.texts, text)
	r.mu.Unlock()
	r.got <- struct{}{}
	return nil
}

func (r *remindRecorder) wait(t *testing.T, n int) []string {
	t.Helper()
	for range n {
		select {
		case <-r.got:
		case <-time.After(5 * time.Second):
			t.Fatalf("reminder not posted")
		}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.texts
	r.texts = nil
	return out
}

// TestReminders: an acknowledged incident with no update for the quiet
// time is nudged once per quiet spell, an update resets it, and a
// resolved incident without an exported post-mortem is nudged once;
// exporting keeps it quiet; never-acknowledged incidents are left alone.
func TestReminders(t *testing.T) {
	rec := &remindRecorder{got: make(chan struct{}, 8)}
	s, now := sqliteStore(t), new(time.Time)
	*now = t0
	d := openDesk(t, s, desk.Options{Now: func() time.Time { return *now }}, withChat(t, s, rec))
	ctx := context.Background()
	r := desk.Reminders{NoUpdate: 30 * time.Minute, NoPostmortem: 24 * time.Hour}

	inc, _ := d.Declare(ctx, "Login fails", stormdesk.SeverityMajor, "U1")
	d.Declare(ctx, "Never acknowledged", stormdesk.SeverityMinor, "U1")
	if _, err := d.Acknowledge(ctx, inc.ID, "U1", "slack:U1"); err != nil {
		t.Fatal(err)
	}
	remind := func(want int) []string {
		t.Helper()
		n, err := d.Remind(ctx, r)
		if err != nil || n != want {
			t.Fatalf("at %s: %d reminders (%v), want %d", now.Format("15:04"), n, err, want)
		}
		return rec.wait(t, n)
	}
	*now = now.Add(29 * time.Minute)
	remind(0)
	*now = now.Add(2 * time.Minute)
	got := remind(1)
	if want := fmt.Sprintf("Incident #%d is investigating and has had no update for 31 minutes (last at 16:46 UTC)", inc.ID); !strings.HasPrefix(got[0], want) {
		t.Errorf("reminder: %q", got[0])
	}
	*now = now.Add(10 * time.Minute)
	remind(0) // already nudged in this quiet spell
	*now = now.Add(25 * time.Minute)
	remind(1) // a whole quiet time since the last nudge

	// An update resets the clock; a note does not count as one.
	if _, err := d.SetStatus(ctx, inc.ID, stormdesk.StatusIdentified, "", "U1", "slack:U1"); err != nil {
		t.Fatal(err)
	}
	d.AddNote(ctx, inc.ID, "looking", "U1", time.Time{})
	*now = now.Add(20 * time.Minute)
	remind(0)
	*now = now.Add(15 * time.Minute)
	remind(1)

	if _, err := d.SetStatus(ctx, inc.ID, stormdesk.StatusResolved, "", "U1", "slack:U1"); err != nil {
		t.Fatal(err)
	}
	*now = now.Add(23 * time.Hour)
	remind(0)
	*now = now.Add(2 * time.Hour)
	got = remind(1)
	if !strings.Contains(got[0], "post-mortem has not been exported") {
		t.Errorf("post-mortem reminder: %q", got[0])
	}
	*now = now.Add(24 * time.Hour)
	remind(0) // once

	// An exported post-mortem is never nudged about.
	other, _ := d.Declare(ctx, "Checkout slow", stormdesk.SeverityMinor, "U1")
	d.Acknowledge(ctx, other.ID, "U1", "slack:U1")
	d.SetStatus(ctx, other.ID, stormdesk.StatusResolved, "", "U1", "slack:U1")
	if err := d.Export(ctx, other.ID, "md", io.Discard); err != nil {
		t.Fatal(err)
	}
	*now = now.Add(48 * time.Hour)
	remind(0)

	// Off means off.
	third, _ := d.Declare(ctx, "Search down", stormdesk.SeverityMinor, "U1")
	d.Acknowledge(ctx, third.ID, "U1", "slack:U1")
	*now = now.Add(time.Hour)
	if n, err := d.Remind(ctx, desk.Reminders{}); err != nil || n != 0 {
		t.Errorf("reminders off: %d %v", n, err)
	}
}

package triage

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestKeptOutSaysWhy: a ticket kept out of an open incident records the
// real reason: another topic than the incident's, or an individual
// problem with the similarity it would have needed.
func TestKeptOutSaysWhy(t *testing.T) {
	e := New(DefaultConfig())
	tr := NewTracker(e, DefaultTrackerConfig())
	t0 := time.Date(2026, 3, 10, 15, 0, 0, 0, time.UTC)
	storm := []string{"Can't log in, the login page shows an error", "login fails with an error since 3pm", "cannot log in at all, error on the login page",
		"login error for all of us", "the login page errors when I log in"}
	live := Live{ID: 7, Start: t0, Shapes: map[int64]bool{}}
	for i, text := range storm {
		id := int64(i + 1)
		e.Assign(Ticket{ID: id, Text: text, Customer: string(rune('a' + i)), At: t0.Add(time.Duration(i) * time.Minute)})
		live.Members = append(live.Members, id)
		live.Shapes[id] = true
		live.LastJoin = t0.Add(time.Duration(i) * time.Minute)
	}
	tr.LoadLive([]Live{live})
	observe := func(id int64, text string) Decision {
		a := e.Assign(Ticket{ID: id, Text: text, Customer: "z", At: t0.Add(10 * time.Minute)})
		return tr.Observe(id, a)
	}
	if d := observe(10, "the login page shows an error when I log in"); d.Incident != 7 {
		t.Fatalf("a report like the storm's: %+v", d)
	}
	if d := observe(11, "My top-up failed with an error on the top up page"); d.Incident != 0 ||
		!strings.HasPrefix(d.Reason, "kept out: about topup, not what incident #7 is about (login)") {
		t.Errorf("another topic: %+v", d)
	}
	d := observe(12, "I forgot my password and now the login page shows an error")
	var need float64
	if i := strings.Index(d.Reason, "needs "); i >= 0 {
		fmt.Sscanf(d.Reason[i+len("needs "):], "%f", &need)
	}
	if d.Incident != 0 || !strings.HasPrefix(d.Reason, "kept out: individual account problem: forgot password (similarity") || need < DefaultTrackerConfig().IndividualThreshold {
		t.Errorf("an individual problem (needs at least %.2f): %+v", DefaultTrackerConfig().IndividualThreshold, d)
	}
}

package replay

import (
	"context"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"stormdesk/upstream"
)

// oneDay reads a scenario and keeps one day of it: a small replay for
// make test.
func oneDay(t *testing.T, name string, day time.Time) *Input {
	return window(t, name, day, day.Add(24*time.Hour))
}

// oneDayFrom keeps everything up to the end of day (the history before it
// included).
func oneDayFrom(t *testing.T, name string, day time.Time) *Input {
	return window(t, name, time.Time{}, day.Add(24*time.Hour))
}

func window(t *testing.T, name string, day, end time.Time) *Input {
	t.Helper()
	dir := "../scenarios/" + name + "/"
	tickets, err := ReadTicketsFile(dir+"tickets.jsonl", "label")
	if err != nil {
		t.Fatal(err)
	}
	updates, err := ReadUpdatesFile(dir+"updates.jsonl", "label")
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := upstream.LoadConfigFileWith(dir+"stormdesk.yaml", upstream.LoadOptions{FeedOptional: true})
	if err != nil {
		t.Fatal(err)
	}
	in := &Input{Name: name, Config: cfg}
	inDay := func(at time.Time) bool { return !at.Before(day) && at.Before(end) }
	for _, tk := range tickets {
		if inDay(tk.ReceivedAt) {
			in.Tickets = append(in.Tickets, tk)
		}
	}
	for _, u := range updates {
		if inDay(u.At) {
			in.Updates = append(in.Updates, u)
		}
	}
	return in
}

// TestReplayOneDay replays the Tuesday of the MeetBeam scenario (a login
// provider's outage that also stops screen shares from starting, among
// the everyday trickle and individual account problems) through the real
// service and checks what the product promises: the ops channel hears of
// the provider's trouble before the first ticket; one incident holds the
// outage's reports and is tied to the provider's incident; the trickle and
// the hard negatives stay out; nothing else opens.
func TestReplayOneDay(t *testing.T) {
	in := oneDay(t, "meetbeam", time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC))
	res, err := Run(context.Background(), in, Options{Background: []string{"hard-negative", "look-alike"}})
	if err != nil {
		t.Fatal(err)
	}
	s := res.Scores
	if s == nil || len(s.Labels) != 1 {
		t.Fatalf("scores: %+v", s)
	}
	l := s.Labels[0]
	t.Logf("%d tickets: F1 %.2f ARI %.2f; %s recall %.2f purity %.2f, alerted %+.0f min after the first ticket; %d incidents",
		len(in.Tickets), s.F1, s.ARI, l.Label, l.Recall, l.Purity, *l.AlertedAfterFirst, len(res.Incidents))
	if l.Incidents != 1 || l.Recall < 0.75 || l.Purity < 0.9 || !l.Linked {
		t.Errorf("the outage: %+v", l)
	}
	if l.AlertedAfterFirst == nil || *l.AlertedAfterFirst >= 0 {
		t.Errorf("the watch did not alert ops before the first ticket: %+v", l.AlertedAfterFirst)
	}
	if len(res.Incidents) != 1 || len(s.FalseAlarms) != 0 || len(s.MixedIncidents) != 0 || len(s.WrongLinks) != 0 {
		t.Errorf("incidents %d, false alarms %v, mixed %v, wrong links %v", len(res.Incidents), s.FalseAlarms, s.MixedIncidents, s.WrongLinks)
	}
	for _, p := range s.Pulled {
		if limit := map[string]float64{"background": 0.03, "hard-negative": 0.10}[p.Label]; limit > 0 && float64(p.Pulled) > limit*float64(p.Tickets) {
			t.Errorf("%s: %d of %d pulled into incidents: %v", p.Label, p.Pulled, p.Tickets, p.IDs)
		}
	}
	if len(res.Watches) == 0 || res.Watches[0].ConfirmedAt == nil {
		t.Errorf("watches: %+v", res.Watches)
	}

	// The labels reach only the scoring: shuffled, they change the scores
	// and nothing the service did.
	shuffled := *in
	shuffled.Tickets = slices.Clone(in.Tickets)
	labels := make([]string, len(shuffled.Tickets))
	for i, tk := range shuffled.Tickets {
		labels[i] = tk.Label
	}
	rng := rand.New(rand.NewPCG(1, 2))
	rng.Shuffle(len(labels), func(i, j int) { labels[i], labels[j] = labels[j], labels[i] })
	for i := range shuffled.Tickets {
		shuffled.Tickets[i].Label = labels[i]
	}
	res2, err := Run(context.Background(), &shuffled, Options{Background: []string{"hard-negative", "look-alike"}})
	if err != nil {
		t.Fatal(err)
	}
	for i := range res.Tickets {
		a, b := res.Tickets[i], res2.Tickets[i]
		if a.ID != b.ID || a.Cluster != b.Cluster || (a.Incident == nil) != (b.Incident == nil) || a.Incident != nil && *a.Incident != *b.Incident || a.Reason != b.Reason {
			t.Fatalf("ticket %s: %+v with the true labels, %+v with shuffled ones", a.ID, a, b)
		}
	}
	if res2.Scores.F1 >= s.F1 {
		t.Errorf("shuffled labels scored F1 %.2f, the true ones %.2f", res2.Scores.F1, s.F1)
	}
}

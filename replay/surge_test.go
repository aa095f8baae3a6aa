package replay

import (
	"context"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os"
	"testing"
	"time"
)

// surge is a uniform surge of everyday questions: the BANKING77 training
// texts (77 intents, no incident among them; CC BY 4.0, see
// ../shared/data/banking77/SOURCE.md), shuffled, from 5,000 customers,
// arriving evenly over the given span on a desk that has seen nothing
// before: a Monday-morning peak, a newsletter, an imported backlog.
func surge(t testing.TB, n int, start time.Time, span time.Duration) []Ticket {
	f, err := os.Open("../../shared/data/banking77/train.csv")
	if err != nil {
		t.Fatalf("the BANKING77 data is read from ../shared beside the project: %v", err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	rows = rows[1:]
	rng := rand.New(rand.NewPCG(77, 1))
	rng.Shuffle(len(rows), func(i, j int) { rows[i], rows[j] = rows[j], rows[i] })
	out := make([]Ticket, n)
	for i := range out {
		out[i] = Ticket{ID: fmt.Sprintf("b77-%d", i), ReceivedAt: start.Add(span * time.Duration(i) / time.Duration(n)),
			Subject: rows[i%len(rows)][0], Source: "email", CustomerEmail: fmt.Sprintf("c%d@bank.example", rng.IntN(5000)), Label: "background"}
	}
	return out
}

// loginStorm are an outage's reports, worded as customers word them.
var loginStorm = []string{
	"I can't log in to the app, it just spins", "Login fails with an error since a few minutes", "Unable to sign in, is something down?",
	"the sign in page keeps saying something went wrong", "cannot log in at all, tried twice", "Sign-in broken for everyone in our family",
	"app won't let me log in, error 503", "logging in fails every time", "can't sign in to my account, the app errors out",
	"is login down? it keeps failing", "sign in is not working on web or app", "log in error: service unavailable",
}

// TestSurgeOpensNothing posts 4,000 ordinary questions in 8 minutes to a
// fresh service: every topic rises at once and none rises against the
// others, so nothing opens. The same surge with an outage's storm inside
// it still opens the storm's incident, and only that.
func TestSurgeOpensNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("replays 4,000 tickets")
	}
	start := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	in := &Input{Name: "surge", Tickets: surge(t, 4000, start, 8*time.Minute)}
	res, err := Run(context.Background(), in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("surge of %d tickets: %d incidents, %.1f s", len(in.Tickets), len(res.Incidents), res.WallSeconds)
	if len(res.Incidents) != 0 {
		for _, inc := range res.Incidents {
			t.Errorf("incident #%d %q with %d tickets", inc.ID, inc.Title, inc.Tickets)
		}
	}

	// The storm: 100 reports from 100 customers over 3 minutes in the
	// middle of the surge, one arrival in eighteen (each of the surge's
	// topics is about one in eighty).
	for i := 0; i < 100; i++ {
		in.Tickets = append(in.Tickets, Ticket{ID: fmt.Sprintf("storm-%d", i), ReceivedAt: start.Add(4*time.Minute + time.Duration(i)*2*time.Second),
			Subject: loginStorm[i%len(loginStorm)], Source: "email", CustomerEmail: fmt.Sprintf("s%d@bank.example", i), Label: "inc-login"})
	}
	res, err = Run(context.Background(), in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := res.Scores
	// Inside eight ordinary tickets a second, on a desk that has seen
	// nothing before, the storm is told within its first 20 reports
	// (14 when this was written).
	at := -1
	if s.Labels[0].OpenedAtReport != nil {
		at = *s.Labels[0].OpenedAtReport
	}
	t.Logf("surge with a storm: %d incidents; storm recall %.2f purity %.2f, opened at report %d", len(res.Incidents), s.Labels[0].Recall, s.Labels[0].Purity, at)
	if len(res.Incidents) != 1 || s.Labels[0].Recall < 0.8 || s.Labels[0].Purity < 0.8 || at < 1 || at > 20 {
		t.Errorf("incidents %d, storm %+v", len(res.Incidents), s.Labels[0])
	}
}

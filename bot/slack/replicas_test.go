package slack

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"stormdesk/bot"
	"stormdesk/store/postgres"
	"stormdesk/store/postgres/pgtest"
)

// TestReplicasShareReplayGuardAndAlerts runs two Slack adapters (two
// replicas) on one Postgres: a request accepted by one is refused as a
// replay by the other, and an alert posted by one is updated in place by
// the other.
func TestReplicasShareReplayGuardAndAlerts(t *testing.T) {
	ctx := context.Background()
	st, err := postgres.Open(ctx, pgtest.URL(t), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	shared := func(c *Config) {
		c.Replays = st
		c.Alerts = bot.StoreAlerts{Store: st, Platform: bot.PlatformSlack}
	}
	h1, h2 := newHarness(t, shared), newHarness(t, shared)

	body := h1.commandBody("UANA", "COPS", "note 1 seen once")
	ts := time.Now().Unix()
	if w := h1.do(signedAt("/slack/commands", body, ts, secret)); w.Code != http.StatusOK {
		t.Fatalf("first delivery: %d %s", w.Code, w.Body)
	}
	if w := h2.do(signedAt("/slack/commands", body, ts, secret)); w.Code != http.StatusUnauthorized {
		t.Errorf("replay on the other replica: %d, want 401", w.Code)
	}
	h1.wait(t)
	if n := len(h1.desk.Entries(t, 1)) + len(h2.desk.Entries(t, 1)); n != 3 {
		t.Errorf("the note was added %d times in all (timelines hold %d entries, want the first report twice and one note)", n-2, n)
	}

	inc, _ := h1.desk.Incident(ctx, 1)
	if err := h1.a.Alert(ctx, inc, "burst"); err != nil {
		t.Fatal(err)
	}
	posted := h1.rec.to("/chat.postMessage")
	if len(posted) != 1 {
		t.Fatalf("posts: %d", len(posted))
	}
	// The other replica updates that message rather than posting again.
	if err := h2.a.Alert(ctx, inc, "upstream auth0 is down"); err != nil {
		t.Fatal(err)
	}
	if len(h2.rec.to("/chat.postMessage")) != 0 {
		t.Error("the second replica posted a second alert")
	}
	ups := h2.rec.to("/chat.update")
	if len(ups) != 1 || ups[0].Form.Get("ts") != "1773500000.000001" || ups[0].Form.Get("channel") != "COPS" {
		t.Errorf("update: %+v", ups)
	}
	if id, ok, err := (bot.StoreAlerts{Store: st, Platform: bot.PlatformSlack}).IncidentOf(ctx, "COPS", "1773500000.000001"); err != nil || !ok || id != 1 {
		t.Errorf("alert message → incident: %d %v %v", id, ok, err)
	}
	if _, ok, _ := (bot.StoreAlerts{Store: st, Platform: bot.PlatformDiscord}).AlertOf(ctx, 1); ok {
		t.Error("a Slack alert answered for Discord")
	}
}

type brokenGuard struct{}

func (brokenGuard) FirstSeen(context.Context, string, time.Time, time.Time) (bool, error) {
	return false, errors.New("connection refused")
}

// TestReplayGuardDownRefusesWithRetry: when the store cannot say whether
// a request is new, it is refused with 503 (Slack retries events; a user
// sees the error) and nothing runs.
func TestReplayGuardDownRefusesWithRetry(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.Replays = brokenGuard{} })
	before := h.desk.Snapshot(t)
	if w := h.do(signed("/slack/commands", h.commandBody("UANA", "COPS", "note 1 hi"))); w.Code != http.StatusServiceUnavailable {
		t.Errorf("command: %d", w.Code)
	}
	h.wait(t)
	if h.desk.Snapshot(t) != before {
		t.Error("the command ran although its replay check failed")
	}
}

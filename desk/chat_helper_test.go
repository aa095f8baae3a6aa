package desk_test

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"stormdesk"
	"stormdesk/desk"
	"stormdesk/notify"
	"stormdesk/schedule"
)

// withChat delivers the desk's chat posts to poster, as platform "test",
// through s's outbox and a chat dispatcher on the wall clock (the tests'
// clocks are in the past, so every post is due at once) until the test
// ends.
func withChat(t *testing.T, s stormdesk.Store, poster notify.ChatPoster) func(*desk.Options) {
	t.Helper()
	cs, ok := s.(stormdesk.ChatOutboxStore)
	if !ok {
		t.Fatalf("store %T has no chat outbox", s)
	}
	disp := notify.NewChatDispatcher(cs.ChatOutbox(), &notify.Chat{Store: s, Posters: map[string]notify.ChatPoster{"test": poster}})
	disp.Log = slog.New(slog.DiscardHandler)
	sched, err := schedule.New(disp.Log, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := sched.Loop("chat", 20*time.Millisecond, disp.Wake(), 0, disp.Round); err != nil {
		t.Fatal(err)
	}
	sched.Start()
	t.Cleanup(func() { sched.Stop() })
	return func(o *desk.Options) { o.Chat = &desk.Chat{Platforms: []string{"test"}, Kick: disp.Kick} }
}

// noPoster answers every chat post with success and records nothing.
type noPoster struct{}

func (noPoster) Alert(context.Context, *stormdesk.Incident, string) error { return nil }
func (noPoster) UpdateAlert(context.Context, *stormdesk.Incident) error   { return nil }
func (noPoster) AskApproval(context.Context, *stormdesk.Incident, *stormdesk.OutboundMessage) error {
	return nil
}
func (noPoster) Remind(context.Context, *stormdesk.Incident, string) error { return nil }

package desk_test

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"stormdesk"
	"stormdesk/desk"
	"stormdesk/notify"
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
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); disp.Run(ctx, 20*time.Millisecond) }()
	t.Cleanup(func() { cancel(); <-done })
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

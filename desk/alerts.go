package desk

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"time"

	"stormdesk"
)

// Chat says where the chat posts the desk causes go: incident alerts,
// alert updates, approval requests and reminders. Each is written to the
// outbox in the transaction that causes it, one row per platform, and
// delivered by the chat dispatcher (notify.NewChatDispatcher), which
// retries, honours the platforms' rate limits and survives a crash or a
// failover; nothing is queued in memory.
type Chat struct {
	// Platforms receive every post (bot.PlatformSlack, bot.PlatformDiscord).
	Platforms []string
	// Kick wakes the chat dispatcher after a commit that queued posts.
	Kick func()
}

// alertCollector notes whom a transaction's commit should wake. The rows
// themselves are already written in the transaction, so a use case that
// forgot its collector delays delivery until the dispatchers' next poll;
// it loses nothing.
type alertCollector struct {
	chat     bool // chat posts were queued
	email    bool // emails were queued
	helpdesk bool // helpdesk jobs were queued
}

type collectorKey struct{}

func withCollector(ctx context.Context) (context.Context, *alertCollector) {
	c := &alertCollector{}
	return context.WithValue(ctx, collectorKey{}, c), c
}

func collected(ctx context.Context) *alertCollector {
	if c, ok := ctx.Value(collectorKey{}).(*alertCollector); ok {
		return c
	}
	return &alertCollector{}
}

// raiseEmail records that the transaction queued customer email.
func raiseEmail(ctx context.Context) { collected(ctx).email = true }

// postChat writes a chat post to the outbox inside tx.
func (s *Service) postChat(ctx context.Context, tx stormdesk.OutboxTx, p stormdesk.ChatPost) error {
	if s.chat == nil || len(s.chat.Platforms) == 0 {
		return nil
	}
	n, err := tx.EnqueueChat(ctx, p, s.chat.Platforms, s.now())
	if err != nil {
		return err
	}
	if n > 0 {
		collected(ctx).chat = true
	}
	return nil
}

// raise queues, inside tx, the alert of incident id (reason set) or an
// update of its alert (reason empty). An alert is stored once per
// incident and reason, whichever replica raises it; raised again with
// another reason it updates the posted alert to show the new one.
func (s *Service) raise(ctx context.Context, tx stormdesk.OutboxTx, id int64, reason string) error {
	p := stormdesk.ChatPost{IncidentID: id, Kind: stormdesk.ChatPostUpdate, ID: fmt.Sprintf("chat:update:%d:%s", id, randomID())}
	if reason != "" {
		sum := sha256.Sum256([]byte(reason))
		p = stormdesk.ChatPost{IncidentID: id, Kind: stormdesk.ChatPostAlert, Text: reason,
			ID: fmt.Sprintf("chat:alert:%d:%s", id, hex.EncodeToString(sum[:8]))}
	}
	return s.postChat(ctx, tx, p)
}

// raiseUpdates queues, inside tx, an update of the alerts of incidents
// ids (0s are skipped): an operator's change shows in place wherever it
// was made (chat, the HTTP API, another replica).
func (s *Service) raiseUpdates(ctx context.Context, tx stormdesk.OutboxTx, ids ...int64) error {
	for _, id := range ids {
		if id == 0 {
			continue
		}
		if err := s.raise(ctx, tx, id, ""); err != nil {
			return err
		}
	}
	return nil
}

// raiseReminder queues, inside tx, a reminder of the given kind about an
// incident, due now.
func (s *Service) raiseReminder(ctx context.Context, tx stormdesk.OutboxTx, incidentID int64, kind, text string, at time.Time) error {
	return s.postChat(ctx, tx, stormdesk.ChatPost{IncidentID: incidentID, Kind: stormdesk.ChatPostReminder, Text: text,
		ID: fmt.Sprintf("chat:reminder:%d:%s:%d", incidentID, kind, at.UnixMicro())})
}

// raiseApproval queues, inside tx, the request to approve a held email.
func (s *Service) raiseApproval(ctx context.Context, tx stormdesk.OutboxTx, incidentID int64, messageID string) error {
	return s.postChat(ctx, tx, stormdesk.ChatPost{IncidentID: incidentID, Kind: stormdesk.ChatPostApproval, Text: messageID,
		ID: "chat:approval:" + messageID})
}

// flushAlerts wakes the dispatchers a committed transaction gave work.
func (s *Service) flushAlerts(c *alertCollector) {
	if c.email {
		s.kickEmail()
	}
	if c.chat && s.chat != nil && s.chat.Kick != nil {
		s.chat.Kick()
	}
	if c.helpdesk && s.helpdesk != nil && s.helpdesk.Kick != nil {
		s.helpdesk.Kick()
	}
}

func randomID() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

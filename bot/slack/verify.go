package slack

import (
	"errors"
	"io"
	"net/http"
	"sync"
	"time"

	"github.com/slack-go/slack"
)

// replayWindow is how long a signature stays remembered: Slack's five
// minutes of timestamp tolerance in either direction.
const replayWindow = 10 * time.Minute

// replayCache remembers keys (request signatures, event ids) until they
// can no longer be valid, so that a captured request replayed within the
// timestamp window is refused.
type replayCache struct {
	mu   sync.Mutex
	seen map[string]time.Time
	adds int
}

func newReplayCache() *replayCache { return &replayCache{seen: map[string]time.Time{}} }

// first records key and reports whether it was new.
func (c *replayCache) first(key string, now time.Time) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if exp, ok := c.seen[key]; ok && now.Before(exp) {
		return false
	}
	c.seen[key] = now.Add(replayWindow)
	if c.adds++; c.adds%1024 == 0 {
		for k, exp := range c.seen {
			if now.After(exp) {
				delete(c.seen, k)
			}
		}
	}
	return true
}

// verified reads the body (at most MaxBodyBytes) and checks Slack's
// signature, its timestamp and that it was not seen before. On failure it
// has answered the request and returns ok false; nothing else happens.
func (a *Adapter) verified(w http.ResponseWriter, r *http.Request) (body []byte, ok bool) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBodyBytes))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
			return nil, false
		}
		http.Error(w, "cannot read request body", http.StatusBadRequest)
		return nil, false
	}
	reason := ""
	sv, err := slack.NewSecretsVerifier(r.Header, a.cfg.SigningSecret)
	switch {
	case errors.Is(err, slack.ErrExpiredTimestamp):
		reason = "stale timestamp"
	case err != nil:
		reason = "malformed signature headers"
	default:
		_, _ = sv.Write(body)
		if err := sv.Ensure(); err != nil {
			reason = "bad signature"
		} else if !a.replays.first(r.Header.Get("X-Slack-Signature"), a.now()) {
			reason = "replayed request"
		}
	}
	if reason != "" {
		a.log.Warn("slack: request refused", "route", r.URL.Path, "reason", reason, "remote_addr", r.RemoteAddr)
		http.Error(w, "invalid request signature", http.StatusUnauthorized)
		return nil, false
	}
	return body, true
}

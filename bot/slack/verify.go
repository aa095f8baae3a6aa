package slack

import (
	"errors"
	"io"
	"net/http"
	"time"

	"github.com/slack-go/slack"

	"stormdesk"
)

// replayWindow is how long a signed request stays remembered: Slack's five
// minutes of timestamp tolerance in either direction.
const replayWindow = 10 * time.Minute

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
		} else {
			// The guard remembers what the signature covers, not how the
			// signature is spelt (stormdesk.ReplayKey): the same request
			// with its signature's hex upper-cased is the same request.
			now := a.now()
			key := stormdesk.ReplayKey("slack", []byte("v0:"+r.Header.Get("X-Slack-Request-Timestamp")+":"), body)
			first, err := a.replays.FirstSeen(r.Context(), key, now, now.Add(replayWindow))
			if err != nil {
				a.log.Error("slack: replay guard unavailable", "error", err)
				http.Error(w, "stormdesk cannot check this request now; try again", http.StatusServiceUnavailable)
				return nil, false
			}
			if !first {
				reason = "replayed request"
			}
		}
	}
	if reason != "" {
		a.log.Warn("slack: request refused", "route", r.URL.Path, "reason", reason, "remote_addr", r.RemoteAddr)
		http.Error(w, "invalid request signature", http.StatusUnauthorized)
		return nil, false
	}
	return body, true
}

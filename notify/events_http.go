package notify

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"stormdesk"
)

// EventWindow is how far the signed timestamp of an event webhook post
// may be from now, either way (SendGrid documents none): the window of
// every signed webhook, stormdesk.SignatureWindow.
const EventWindow = stormdesk.SignatureWindow

// MaxEventBodyBytes bounds one event webhook post.
const MaxEventBodyBytes = 8 << 20

// EventsHandler serves SendGrid's signed event webhook (POST
// /sendgrid/events). A post is taken only if its signature verifies with
// key (VerifyEventSignature), its timestamp is within EventWindow of now
// and the replay guard has not seen it: the guard, shared by replicas,
// remembers stormdesk.ReplayKey over timestamp+body, the bytes SendGrid
// signs, because an ECDSA signature (r, s) has a twin (r, n-s) that
// verifies too, and base64 has several spellings of one signature.
// Anything else is refused with 401 and changes nothing. Good posts are
// parsed and handed to apply; the answer is 204 once apply succeeded,
// 500 when it failed (SendGrid retries a failed post, signing it again
// with the time of the retry, which the window already requires).
func EventsHandler(key string, replays stormdesk.ReplayGuard, now func() time.Time, apply func(context.Context, []Event) error, log *slog.Logger) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxEventBodyBytes))
		if err != nil {
			var tooLarge *http.MaxBytesError
			if errors.As(err, &tooLarge) {
				http.Error(w, "body too large", http.StatusRequestEntityTooLarge)
				return
			}
			http.Error(w, "cannot read request body", http.StatusBadRequest)
			return
		}
		stamp := r.Header.Get(EventTimestampHeader)
		reason := ""
		if err := VerifyEventSignature(key, r.Header.Get(EventSignatureHeader), stamp, body); err != nil {
			reason = "bad signature"
			if stormdesk.ErrorCode(err) != stormdesk.EUNAUTHORIZED {
				// The configured key itself is unusable: say so, once per post.
				log.Error("notify: event webhook key unusable", slog.Any("error", err))
			}
		} else if ts, err := strconv.ParseInt(stamp, 10, 64); err != nil {
			reason = "malformed timestamp"
		} else if t := now(); t.Sub(time.Unix(ts, 0)).Abs() > EventWindow {
			reason = "stale timestamp"
		} else {
			first, err := replays.FirstSeen(r.Context(), stormdesk.ReplayKey("sendgrid", []byte(stamp), body), t, t.Add(2*EventWindow))
			if err != nil {
				log.Error("notify: replay guard unavailable", slog.Any("error", err))
				http.Error(w, "cannot check this request now; try again", http.StatusServiceUnavailable)
				return
			}
			if !first {
				reason = "replayed request"
			}
		}
		if reason != "" {
			log.Warn("notify: event webhook post refused", slog.String("reason", reason))
			http.Error(w, "invalid request signature", http.StatusUnauthorized)
			return
		}
		events, err := ParseEvents(body)
		if err != nil {
			http.Error(w, stormdesk.ErrorMessage(err), http.StatusBadRequest)
			return
		}
		if err := apply(r.Context(), events); err != nil {
			log.Error("notify: events not stored", slog.Any("error", err))
			http.Error(w, "internal error", http.StatusInternalServerError) // SendGrid retries
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}
}

package httpserver

import (
	"errors"
	"io"
	"log/slog"
	"net/http"
	"time"

	"stormdesk"
	"stormdesk/connectors"
)

// Connectors configures the helpdesks' intake webhooks
// (POST /connectors/{name}/webhook): each configured helpdesk's adapter,
// the replay guard its timestamped signatures are checked against, and
// the clock those timestamps are compared with.
type Connectors struct {
	Webhooks []connectors.Webhook
	Replays  stormdesk.ReplayGuard
	// Now is the wall clock signatures are checked against (time.Now when
	// nil): a replay's virtual desk clock is not the sender's.
	Now func() time.Time
}

// connector serves one helpdesk's webhook: authenticate (401 naming what
// is wrong), refuse stale or replayed timestamped posts (401), read the
// payload (400 naming the field), then ingest its ticket. The answer is
// 201 for a new ticket, 200 for one already stored (a retry, an update
// or a reply on a known ticket) or for an event that reports nothing;
// 2xx only once the ticket is stored, so that the helpdesk retries
// anything that was not.
func (s *Server) connector(c connectors.Webhook) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, err := readBody(w, r, connectors.MaxBodyBytes)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		signed, err := c.Verify(r.Header, body)
		if err == nil && !signed.At.IsZero() {
			err = s.fresh(r, signed)
		}
		if err != nil {
			if stormdesk.ErrorCode(err) == stormdesk.EUNAUTHORIZED {
				// The reason names a header and what is wrong with it,
				// never a secret or a body.
				s.Log.Warn("connector post refused", slog.String("connector", c.Name()), slog.String("reason", stormdesk.ErrorMessage(err)))
			}
			s.writeError(w, r, err)
			return
		}
		d, err := c.Parse(r.Header, body)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		if d.Ticket == nil {
			writeJSON(w, http.StatusOK, map[string]any{"event": d.Event, "ignored": d.Ignored})
			return
		}
		s.ingestReport(w, r, d.Ticket, map[string]any{"event": d.Event})
	}
}

// fresh refuses a signed timestamp outside stormdesk.SignatureWindow and
// a post whose signed bytes the replay guard has seen, as SendGrid's
// event webhook does (notify.EventsHandler).
func (s *Server) fresh(r *http.Request, signed connectors.Signed) error {
	now := time.Now
	if s.Connectors.Now != nil {
		now = s.Connectors.Now
	}
	t := now()
	if t.Sub(signed.At).Abs() > stormdesk.SignatureWindow {
		return stormdesk.Errorf(stormdesk.EUNAUTHORIZED, "signature timestamp %s is more than %s from now: stale or from the future",
			signed.At.UTC().Format(time.RFC3339), stormdesk.SignatureWindow)
	}
	first, err := s.Connectors.Replays.FirstSeen(r.Context(), signed.ReplayKey, t, t.Add(2*stormdesk.SignatureWindow))
	if err != nil {
		s.Log.Error("replay guard unavailable", slog.String("route", r.Pattern), slog.Any("error", err))
		return stormdesk.Errorf(stormdesk.EUNAVAILABLE, "cannot check this request for replay now; try again")
	}
	if !first {
		return stormdesk.Errorf(stormdesk.EUNAUTHORIZED, "this signed request was already received (replay refused)")
	}
	return nil
}

// readBody reads a request's body up to max bytes: ETOOLARGE beyond,
// EINVALID when it cannot be read.
func readBody(w http.ResponseWriter, r *http.Request, max int64) ([]byte, error) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, max))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, stormdesk.Errorf(stormdesk.ETOOLARGE, "request body: larger than %d bytes", max)
		}
		return nil, stormdesk.Errorf(stormdesk.EINVALID, "request body: could not be read")
	}
	return body, nil
}

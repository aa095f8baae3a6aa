package notify

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"stormdesk"
)

// DefaultInboundMaxBytes bounds one inbound email (SendGrid posts up to
// 30 MB with attachments, which are counted, never kept).
const DefaultInboundMaxBytes = 30 << 20

// InboundHandler is SendGrid Inbound Parse's webhook: each email becomes a
// ticket (source email, the Message-ID as external id so a retried
// delivery stores one ticket). It answers 2xx only once the ticket is
// stored, so that SendGrid retries anything that was not. The route
// carries a secret (POST /inbound/sendgrid/{secret}), compared in constant
// time.
func InboundHandler(secret string, maxBytes int64, now func() time.Time, ingest func(context.Context, *stormdesk.Ticket) (bool, error), log *slog.Logger) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if subtle.ConstantTimeCompare([]byte(r.PathValue("secret")), []byte(secret)) != 1 {
			inboundError(w, http.StatusNotFound, "not_found", "no such inbound address")
			return
		}
		in, err := ParseInbound(r, maxBytes)
		if err != nil {
			status := http.StatusBadRequest
			if stormdesk.ErrorCode(err) == stormdesk.ETOOLARGE {
				status = http.StatusRequestEntityTooLarge
			}
			inboundError(w, status, stormdesk.ErrorCode(err), stormdesk.ErrorMessage(err))
			return
		}
		t := &stormdesk.Ticket{Source: stormdesk.SourceEmail, ExternalID: in.MessageID, CustomerEmail: in.From.Address,
			CustomerName: in.From.Name, Subject: in.Subject, Body: in.Text, ReceivedAt: in.Date}
		if strings.TrimSpace(t.Subject) == "" {
			t.Subject = "(no subject)"
		}
		if !t.ReceivedAt.IsZero() && t.ReceivedAt.After(now().Add(5*time.Minute)) {
			// A sender's clock in the future is not a reason to lose the
			// email: it is stamped with the time it arrived.
			t.ReceivedAt = time.Time{}
		}
		created, err := ingest(r.Context(), t)
		if err != nil {
			code := stormdesk.ErrorCode(err)
			if code == stormdesk.EINVALID {
				inboundError(w, http.StatusBadRequest, code, stormdesk.ErrorMessage(err))
				return
			}
			log.Error("inbound email not stored", slog.Any("error", err))
			inboundError(w, http.StatusInternalServerError, "internal", "internal error: SendGrid will retry")
			return
		}
		w.Header().Set("Content-Type", "application/json")
		status := http.StatusOK
		if created {
			status = http.StatusCreated
		}
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(map[string]any{"ticket_id": t.ID, "created": created})
	}
}

func inboundError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	var b struct {
		Error struct {
			Code    string `json:"code"`
			Message string `json:"message"`
		} `json:"error"`
	}
	b.Error.Code, b.Error.Message = code, msg
	_ = json.NewEncoder(w).Encode(b)
}

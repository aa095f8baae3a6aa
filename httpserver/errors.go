package httpserver

import (
	"encoding/json"
	"log/slog"
	"net/http"

	"stormdesk"
)

// statusOf maps an error code to an HTTP status: the one place where that
// mapping lives.
var statusOf = map[string]int{
	stormdesk.EINVALID:      http.StatusBadRequest,
	stormdesk.ENOTFOUND:     http.StatusNotFound,
	stormdesk.ECONFLICT:     http.StatusConflict,
	stormdesk.EUNAUTHORIZED: http.StatusUnauthorized,
	stormdesk.EFORBIDDEN:    http.StatusForbidden,
	stormdesk.ETOOLARGE:     http.StatusRequestEntityTooLarge,
	stormdesk.EUNAVAILABLE:  http.StatusServiceUnavailable,
	stormdesk.EINTERNAL:     http.StatusInternalServerError,
}

// codeUnsupportedMedia is the one error code that only HTTP has.
const codeUnsupportedMedia = "unsupported_media_type"

type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
		// RequestID is the request's id, as in its access-log line and
		// its X-Request-Id header, for whoever reports the error.
		RequestID string `json:"request_id,omitempty"`
	} `json:"error"`
}

// writeError answers with the one JSON error shape. Internal errors are
// logged with the request's route; their text never reaches the client.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	code := stormdesk.ErrorCode(err)
	status, ok := statusOf[code]
	if !ok {
		status = http.StatusInternalServerError
	}
	if code == stormdesk.EINTERNAL || code == stormdesk.EUNAVAILABLE {
		s.logFailure(r, err)
	}
	if code == stormdesk.EUNAVAILABLE {
		// The store is restarting, unreachable or full: worth a retry
		// soon (tickets are idempotent by source and external id).
		w.Header().Set("Retry-After", "1")
	}
	writeErrorStatus(w, status, code, stormdesk.ErrorMessage(err))
}

// writeErrorStatus writes the one error shape; the request id comes from
// the response header observe set.
func writeErrorStatus(w http.ResponseWriter, status int, code, message string) {
	var b errorBody
	b.Error.Code, b.Error.Message = code, message
	b.Error.RequestID = w.Header().Get(RequestIDHeader)
	writeJSON(w, status, b)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// logFailure logs an internal error with the request's route and id.
func (s *Server) logFailure(r *http.Request, err error) {
	s.Log.Error("request failed", slog.String("method", r.Method), slog.String("route", r.Pattern),
		slog.String("request_id", RequestID(r.Context())), slog.Any("error", err))
}

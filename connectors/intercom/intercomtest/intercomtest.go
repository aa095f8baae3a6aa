// Package intercomtest is a local stand-in for the Intercom API call the
// write-back makes (Reply to a conversation: POST
// /conversations/{id}/reply with a bearer token and Intercom-Version),
// built from Intercom's API reference: the same path and JSON shape, its
// error list on 401 and 404, and 429 with X-RateLimit-Reset when rate
// limited. It records every request it answers.
package intercomtest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"stormdesk/connectors/internal/standin"
)

// Reply is the body of a reply request, as received.
type Reply struct {
	MessageType string `json:"message_type"`
	Type        string `json:"type"`
	AdminID     string `json:"admin_id"`
	Body        string `json:"body"`
}

// Call is one request the stand-in answered.
type Call struct {
	At           time.Time
	Conversation string
	Version      string
	Status       int
	Reply        Reply
	// Body is the request body as sent.
	Body []byte
}

// Server is the stand-in.
type Server struct {
	URL   string
	Token string
	// Now stamps the calls and sets X-RateLimit-Reset (time.Now when nil);
	// set it before the first request.
	Now func() time.Time

	// Faults gives the server Delete and RateLimitNext: RateLimitNext's
	// wait is when the limit resets (X-RateLimit-Reset, Unix seconds).
	standin.Faults
	calls standin.Calls[Call]
}

// New starts a stand-in, closed when the test ends.
func New(t testing.TB) *Server {
	s := &Server{Token: "ic-test-token"}
	s.URL = standin.Serve(t, s.serve)
	return s
}

// Calls returns every request answered, in order.
func (s *Server) Calls() []Call { return s.calls.All() }

func errorList(w http.ResponseWriter, status int, code, message string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	fmt.Fprintf(w, `{"type":"error.list","request_id":"req-1","errors":[{"code":%q,"message":%q}]}`, code, message)
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	c := Call{At: standin.Now(s.Now), Version: r.Header.Get("Intercom-Version")}
	defer func() { s.calls.Add(c) }()
	id, ok := strings.CutPrefix(r.URL.Path, "/conversations/")
	if id, ok = strings.CutSuffix(id, "/reply"); !ok || r.Method != http.MethodPost {
		c.Status = http.StatusNotFound
		errorList(w, c.Status, "not_found", "Resource Not Found")
		return
	}
	c.Conversation = id
	if r.Header.Get("Authorization") != "Bearer "+s.Token {
		c.Status = http.StatusUnauthorized
		errorList(w, c.Status, "unauthorized", "Access Token Invalid")
		return
	}
	b, _ := io.ReadAll(r.Body)
	c.Body = b
	if r.Header.Get("Content-Type") != "application/json" || json.Unmarshal(b, &c.Reply) != nil || c.Reply.Type != "admin" ||
		c.Reply.MessageType != "comment" || c.Reply.AdminID == "" || c.Reply.Body == "" {
		c.Status = http.StatusBadRequest
		errorList(w, c.Status, "parameter_invalid", "an admin comment needs admin_id and body")
		return
	}
	if reset, ok := s.Limited(); ok {
		c.Status = http.StatusTooManyRequests
		w.Header().Set("X-RateLimit-Limit", "1000")
		w.Header().Set("X-RateLimit-Remaining", "0")
		w.Header().Set("X-RateLimit-Reset", fmt.Sprint(c.At.Add(reset).Unix()))
		errorList(w, c.Status, "rate_limit_exceeded", "Exceeded rate limit")
		return
	}
	if s.Deleted(id) {
		c.Status = http.StatusNotFound
		errorList(w, c.Status, "not_found", "Resource Not Found")
		return
	}
	c.Status = http.StatusOK
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprintf(w, `{"type":"conversation","id":%q,"state":"open"}`, id)
}

// Package zendesktest is a local stand-in for the Zendesk Tickets API
// that the write-back uses (Create Ticket, Update Ticket), built from
// Zendesk's API documentation: the same paths and JSON shapes, basic
// authentication "email/token:api_token", Idempotency-Key on ticket
// creation (a repeat with the same key returns the ticket the first
// request created), 404 RecordNotFound for a deleted ticket and 429 with
// Retry-After when rate limited. It records every request it answers.
package zendesktest

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"stormdesk/connectors/internal/standin"
)

// Comment is a ticket write's comment.
type Comment struct {
	Body   string `json:"body"`
	Public bool   `json:"public"`
}

// Ticket is the "ticket" object of a write, as received.
type Ticket struct {
	Subject        string   `json:"subject"`
	Type           string   `json:"type"`
	Status         string   `json:"status"`
	Comment        *Comment `json:"comment"`
	Tags           []string `json:"tags"`
	AdditionalTags []string `json:"additional_tags"`
	RemoveTags     []string `json:"remove_tags"`
	// ProblemID is the problem_id sent (nil when absent or null);
	// ProblemIDNull says it was sent as null (an unlink).
	ProblemID     *int64 `json:"problem_id"`
	ProblemIDNull bool   `json:"-"`
}

// Call is one request the stand-in answered.
type Call struct {
	// At is the stand-in's clock when the request came (Server.Now).
	At             time.Time
	Method, Path   string
	IdempotencyKey string
	// TicketID is the ticket a PUT updated, or the ticket a POST created.
	TicketID int64
	// Status is what the stand-in answered.
	Status int
	Ticket Ticket
}

// Server is the stand-in.
type Server struct {
	URL          string
	Email, Token string
	// Now is the clock the calls are stamped with (time.Now when nil);
	// set it before the first request.
	Now func() time.Time
	// Delay is how long each answer takes (set before the first request):
	// a slow Zendesk keeps writes in flight.
	Delay time.Duration

	mu      sync.Mutex
	calls   standin.Calls[Call]
	nextID  int64
	keys    map[string]int64
	deleted map[int64]bool
	limited map[int64][]time.Duration
}

// New starts a stand-in, closed when the test ends. Tickets it creates
// are numbered from 9001.
func New(t testing.TB) *Server {
	s := &Server{Email: "agent@example.com", Token: "zd-test-token", nextID: 9001, keys: map[string]int64{}, deleted: map[int64]bool{},
		limited: map[int64][]time.Duration{}}
	s.URL = standin.Serve(t, s.serve)
	return s
}

// Delete makes ticket id answer 404, as a deleted ticket does.
func (s *Server) Delete(id int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.deleted[id] = true
}

// RateLimitNext answers the next n updates of ticket id with 429 and
// Retry-After: after (whole seconds).
func (s *Server) RateLimitNext(id int64, n int, after time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for range n {
		s.limited[id] = append(s.limited[id], after)
	}
}

// Calls returns every request answered, in order.
func (s *Server) Calls() []Call { return s.calls.All() }

func writeJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	io.WriteString(w, body)
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	c := Call{At: standin.Now(s.Now), Method: r.Method, Path: r.URL.Path, IdempotencyKey: r.Header.Get("Idempotency-Key")}
	time.Sleep(s.Delay)
	s.mu.Lock()
	defer s.mu.Unlock()
	defer func() { s.calls.Add(c) }()
	want := "Basic " + base64.StdEncoding.EncodeToString([]byte(s.Email+"/token:"+s.Token))
	if r.Header.Get("Authorization") != want {
		c.Status = http.StatusUnauthorized
		writeJSON(w, c.Status, `{"error":"Couldn't authenticate you"}`)
		return
	}
	b, _ := io.ReadAll(r.Body)
	var env struct {
		Ticket json.RawMessage `json:"ticket"`
	}
	if r.Header.Get("Content-Type") != "application/json" || json.Unmarshal(b, &env) != nil || json.Unmarshal(env.Ticket, &c.Ticket) != nil {
		c.Status = http.StatusBadRequest
		writeJSON(w, c.Status, `{"error":"Unprocessable Entity","description":"the body is not a JSON ticket"}`)
		return
	}
	var raw map[string]json.RawMessage
	_ = json.Unmarshal(env.Ticket, &raw)
	if v, ok := raw["problem_id"]; ok && string(v) == "null" {
		c.Ticket.ProblemIDNull = true
	}
	switch {
	case r.Method == http.MethodPost && r.URL.Path == "/api/v2/tickets.json":
		if c.Ticket.Comment == nil || c.Ticket.Subject == "" {
			c.Status = http.StatusUnprocessableEntity
			writeJSON(w, c.Status, `{"error":"RecordInvalid","description":"Record validation errors","details":{"base":[{"description":"Description: cannot be blank"}]}}`)
			return
		}
		id, seen := s.keys[c.IdempotencyKey]
		if !seen || c.IdempotencyKey == "" {
			id = s.nextID
			s.nextID++
			if c.IdempotencyKey != "" {
				s.keys[c.IdempotencyKey] = id
			}
		}
		c.TicketID, c.Status = id, http.StatusCreated
		if seen {
			w.Header().Set("X-Idempotency-Lookup", "hit")
		}
		writeJSON(w, c.Status, fmt.Sprintf(`{"ticket":{"id":%d,"type":%q,"status":"new"},"audit":{"id":1}}`, id, c.Ticket.Type))
	case r.Method == http.MethodPut && strings.HasPrefix(r.URL.Path, "/api/v2/tickets/") && strings.HasSuffix(r.URL.Path, ".json"):
		id, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/api/v2/tickets/"), ".json"), 10, 64)
		if err != nil {
			c.Status = http.StatusNotFound
			writeJSON(w, c.Status, `{"error":"InvalidEndpoint","description":"Not found"}`)
			return
		}
		c.TicketID = id
		if l := s.limited[id]; len(l) > 0 {
			s.limited[id] = l[1:]
			c.Status = http.StatusTooManyRequests
			w.Header().Set("Retry-After", strconv.Itoa(int(l[0].Seconds())))
			writeJSON(w, c.Status, `{"error":"APIRateLimitExceeded","description":"Rate limit exceeded"}`)
			return
		}
		if s.deleted[id] {
			c.Status = http.StatusNotFound
			writeJSON(w, c.Status, `{"error":"RecordNotFound","description":"Not found"}`)
			return
		}
		c.Status = http.StatusOK
		writeJSON(w, c.Status, fmt.Sprintf(`{"ticket":{"id":%d},"audit":{"id":2}}`, id))
	default:
		c.Status = http.StatusNotFound
		writeJSON(w, c.Status, `{"error":"InvalidEndpoint","description":"Not found"}`)
	}
}

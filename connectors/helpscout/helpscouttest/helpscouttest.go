// Package helpscouttest is a local stand-in for the Help Scout Mailbox
// API 2.0 call the write-back makes (Create Reply Thread: POST
// /v2/conversations/{id}/reply with an OAuth2 bearer token), built from
// Help Scout's API reference: the same path and JSON shape, 201 Created
// with a Resource-ID header, its error body (message, logRef and
// _embedded.errors with path and message) on 400, 401, 403, 404 and 422,
// and 429 with X-RateLimit-Retry-After when rate limited; and the OAuth2
// token endpoint of the client credentials flow (POST /v2/oauth2/token,
// form grant_type, client_id, client_secret), whose tokens expire; and Get
// Conversation (GET /v2/conversations/{id}) for its primaryCustomer. It
// records every reply request it answers, the conversations read and how
// many tokens were asked for.
package helpscouttest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"stormdesk/connectors/internal/standin"
)

// Reply is the body of a reply request, as received.
type Reply struct {
	Customer struct {
		ID json.Number `json:"id"`
	} `json:"customer"`
	Text   string `json:"text"`
	Status string `json:"status"`
}

// Call is one request the stand-in answered.
type Call struct {
	At           time.Time
	Conversation string
	Status       int
	Reply        Reply
	// Body is the request body as sent.
	Body []byte
}

// Server is the stand-in.
type Server struct {
	URL string
	// Token is always taken, as a token given to stormdesk is.
	Token string
	// AppID and AppSecret are the app whose client credentials get
	// tokens, valid for TokenTTL from their issue.
	AppID, AppSecret string
	TokenTTL         time.Duration
	// Now stamps the calls (time.Now when nil); set it before the first
	// request.
	Now func() time.Time

	// Faults gives the server Delete and RateLimitNext: RateLimitNext's
	// wait is when the minute's limit refreshes (X-RateLimit-Retry-After,
	// whole seconds).
	standin.Faults
	calls standin.Calls[Call]

	mu        sync.Mutex
	customers map[string]string
	forbidden map[string]bool
	threads   int
	issued    map[string]time.Time
	tokenReqs int
	lookups   []string
}

// New starts a stand-in, closed when the test ends.
func New(t testing.TB) *Server {
	s := &Server{Token: "hs-test-token", AppID: "hs-app-id", AppSecret: "hs-app-secret", TokenTTL: 48 * time.Hour,
		customers: map[string]string{}, forbidden: map[string]bool{}, threads: 88172000, issued: map[string]time.Time{}}
	s.URL = standin.Serve(t, s.serve)
	return s
}

// Forbid makes conversation id answer 403, as a conversation in a mailbox
// the token's user cannot reach does.
func (s *Server) Forbid(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.forbidden[id] = true
}

// Customer makes customer conversation id's customer: its replies must
// name it (422 otherwise, as Help Scout refuses a customer not in the
// conversation) and Get Conversation answers it. Without it a reply takes
// any customer id and Get Conversation answers 404.
func (s *Server) Customer(id, customer string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.customers[id] = customer
}

// RevokeTokens makes every token issued so far answer 401, as a revoked
// token does before its expiry.
func (s *Server) RevokeTokens() {
	s.mu.Lock()
	defer s.mu.Unlock()
	clear(s.issued)
}

// TokenRequests is how many token requests were answered.
func (s *Server) TokenRequests() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.tokenReqs
}

// authorized says whether a request's bearer token is taken: Token, or an
// issued token not yet expired.
func (s *Server) authorized(r *http.Request, now time.Time) bool {
	tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || tok == "" {
		return false
	}
	if tok == s.Token {
		return true
	}
	exp, ok := s.issued[tok]
	return ok && now.Before(exp)
}

// issue answers the token endpoint: a token for the app's credentials, or
// OAuth2's error (400 unsupported_grant_type, 401 invalid_client).
func (s *Server) issue(w http.ResponseWriter, r *http.Request, now time.Time) {
	s.tokenReqs++
	w.Header().Set("Content-Type", "application/json")
	if r.Method != http.MethodPost || r.ParseForm() != nil || r.PostForm.Get("grant_type") != "client_credentials" {
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprint(w, `{"error":"unsupported_grant_type","error_description":"grant_type must be client_credentials"}`)
		return
	}
	if r.PostForm.Get("client_id") != s.AppID || r.PostForm.Get("client_secret") != s.AppSecret {
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprint(w, `{"error":"invalid_client","error_description":"Client authentication failed"}`)
		return
	}
	tok := fmt.Sprintf("hs-issued-%d", s.tokenReqs)
	s.issued[tok] = now.Add(s.TokenTTL)
	fmt.Fprintf(w, `{"token_type":"bearer","access_token":%q,"expires_in":%d}`, tok, int(s.TokenTTL/time.Second))
}

// Lookups returns the conversations read (Get Conversation), in order.
func (s *Server) Lookups() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.lookups...)
}

// conversation answers Get Conversation: the conversation with the
// customer Customer gave it as primaryCustomer; 404 for a deleted one or
// one without a customer here.
func (s *Server) conversation(w http.ResponseWriter, r *http.Request, id string, now time.Time) {
	s.lookups = append(s.lookups, id)
	switch {
	case !s.authorized(r, now):
		w.Header().Set("WWW-Authenticate", `Bearer realm="api", error="invalid_token"`)
		problem(w, http.StatusUnauthorized, "Unauthorized", "", "")
	case s.Deleted(id) || s.customers[id] == "":
		problem(w, http.StatusNotFound, "Conversation not found", "", "")
	default:
		w.Header().Set("Content-Type", "application/hal+json")
		fmt.Fprintf(w, `{"id":%s,"type":"email","status":"active","primaryCustomer":{"id":%s,"type":"customer"}}`, id, s.customers[id])
	}
}

// Calls returns every request answered, in order.
func (s *Server) Calls() []Call { return s.calls.All() }

// problem answers Help Scout's error shape; path and msg, when path is
// set, are one field error under _embedded.errors.
func problem(w http.ResponseWriter, status int, message, path, msg string) {
	w.Header().Set("Content-Type", "application/vnd.error+json")
	w.WriteHeader(status)
	v := map[string]any{"logRef": "64bb72b4-0a92-11e8-ba89-0ed5f89f718b", "message": message,
		"_links": map[string]any{"about": map[string]string{"href": "http://developer.helpscout.net/mailbox-api/overview/errors"}}}
	if path != "" {
		v["_embedded"] = map[string]any{"errors": []map[string]any{{"path": path, "message": msg, "source": "JSON"}}}
	}
	json.NewEncoder(w).Encode(v)
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	c := Call{At: standin.Now(s.Now)}
	s.mu.Lock()
	defer s.mu.Unlock()
	if r.URL.Path == "/v2/oauth2/token" {
		s.issue(w, r, c.At)
		return
	}
	if id, ok := strings.CutPrefix(r.URL.Path, "/v2/conversations/"); ok && r.Method == http.MethodGet && id != "" && !strings.Contains(id, "/") {
		s.conversation(w, r, id, c.At)
		return
	}
	defer func() { s.calls.Add(c) }()
	id, ok := strings.CutPrefix(r.URL.Path, "/v2/conversations/")
	if id, ok = strings.CutSuffix(id, "/reply"); !ok || r.Method != http.MethodPost || id == "" || strings.Contains(id, "/") {
		c.Status = http.StatusNotFound
		problem(w, c.Status, "Not Found", "", "")
		return
	}
	c.Conversation = id
	if !s.authorized(r, c.At) {
		c.Status = http.StatusUnauthorized
		w.Header().Set("WWW-Authenticate", `Bearer realm="api", error="invalid_token"`)
		problem(w, c.Status, "Unauthorized", "", "")
		return
	}
	b, _ := io.ReadAll(r.Body)
	c.Body = b
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		c.Status = http.StatusUnsupportedMediaType
		problem(w, c.Status, "Unsupported Media Type", "", "")
		return
	}
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.UseNumber()
	if err := dec.Decode(&c.Reply); err != nil {
		c.Status = http.StatusBadRequest
		problem(w, c.Status, "Bad request", "", err.Error())
		return
	}
	switch {
	case c.Reply.Customer.ID == "":
		c.Status = http.StatusBadRequest
		problem(w, c.Status, "Bad request", "customer", "may not be null")
		return
	case strings.TrimSpace(c.Reply.Text) == "":
		c.Status = http.StatusBadRequest
		problem(w, c.Status, "Bad request", "text", "may not be empty")
		return
	case c.Reply.Status != "" && !strings.Contains(" active all closed open pending spam ", " "+c.Reply.Status+" "):
		c.Status = http.StatusBadRequest
		problem(w, c.Status, "Bad request", "status", "Expected one of these: 'active', 'spam', 'open', 'closed', 'pending'")
		return
	}
	if retry, ok := s.Limited(); ok {
		c.Status = http.StatusTooManyRequests
		w.Header().Set("X-RateLimit-Limit-Minute", "200")
		w.Header().Set("X-RateLimit-Remaining-Minute", "0")
		w.Header().Set("X-RateLimit-Retry-After", fmt.Sprint(int(retry/time.Second)))
		problem(w, c.Status, "Too many requests", "", "")
		return
	}
	switch {
	case s.Deleted(id):
		c.Status = http.StatusNotFound
		problem(w, c.Status, "Conversation not found", "", "")
		return
	case s.forbidden[id]:
		c.Status = http.StatusForbidden
		problem(w, c.Status, "Access denied", "", "")
		return
	case s.customers[id] != "" && s.customers[id] != c.Reply.Customer.ID.String():
		c.Status = http.StatusUnprocessableEntity
		problem(w, c.Status, "Unprocessable entity", "customer.id", "customer is not part of the conversation")
		return
	}
	s.threads++
	c.Status = http.StatusCreated
	w.Header().Set("Resource-ID", fmt.Sprint(s.threads))
	w.WriteHeader(c.Status)
}

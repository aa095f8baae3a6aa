// Package sendgridtest is a local fake of SendGrid's v3 Mail Send API for
// tests and benchmarks: it checks each request's shape as SendGrid does,
// records every accepted (message_id, recipient) pair, and injects faults
// (5xx, 429 with a reset time, stalls, and acceptance whose answer never
// arrives).
package sendgridtest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/mail"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// MaxBody is SendGrid's limit on a request (30 MB).
const MaxBody = 30 << 20

// Request is the shape of a /v3/mail/send body, as much of it as
// stormdesk uses.
type Request struct {
	From             *Address          `json:"from"`
	ReplyTo          *Address          `json:"reply_to,omitempty"`
	Subject          string            `json:"subject"`
	Personalizations []Personalization `json:"personalizations"`
	Content          []Content         `json:"content"`
	Categories       []string          `json:"categories,omitempty"`
	CustomArgs       map[string]string `json:"custom_args,omitempty"`
}

// Address is an email address with an optional name.
type Address struct {
	Email string `json:"email"`
	Name  string `json:"name,omitempty"`
}

// Personalization is one envelope of a request.
type Personalization struct {
	To            []Address         `json:"to"`
	CC            []Address         `json:"cc,omitempty"`
	BCC           []Address         `json:"bcc,omitempty"`
	Subject       string            `json:"subject,omitempty"`
	Substitutions map[string]string `json:"substitutions,omitempty"`
	CustomArgs    map[string]string `json:"custom_args,omitempty"`
}

// Content is one body part.
type Content struct {
	Type  string `json:"type"`
	Value string `json:"value"`
}

// Delivery is one accepted (message, recipient) pair.
type Delivery struct {
	MessageID  string
	IncidentID string
	Batch      string
	Email      string
	// Subject, Text and HTML are as the recipient would see them, with
	// the personalization's substitutions applied.
	Subject, Text, HTML string
}

// Pair names one recipient of one message.
type Pair struct{ MessageID, Email string }

type fault struct {
	status int
	reset  time.Duration
	stall  time.Duration
	// accept records the batch before answering with status (or, with
	// hang, before holding the answer until the client leaves).
	accept bool
	hang   bool
}

// Server is a fake SendGrid. Its zero value is not usable; call New.
type Server struct {
	// Server's URL is the base URL to use as notify.SendGrid.BaseURL.
	*httptest.Server
	// APIKey, when set, is the only bearer token accepted.
	APIKey string
	// CountOnly keeps per-recipient counts but not each delivery.
	CountOnly bool
	// Discard keeps only the number of accepted recipients (for
	// benchmarks whose memory must not grow with the audience).
	Discard bool
	// AfterAccept, when set, runs after a batch is recorded as accepted
	// and before the answer is written.
	AfterAccept func(Request)

	mu         sync.Mutex
	faults     []fault
	deliveries []Delivery
	last       Request
	lastHeader http.Header
	counts     map[Pair]int
	accepted   int
	recipients int
	requests   int
	answered   map[int]int
	seq        int
}

// New starts a fake SendGrid on a loopback port; it is closed when the
// test ends if t is not nil.
func New(t testing.TB) *Server {
	s := &Server{counts: map[Pair]int{}, answered: map[int]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	if t != nil {
		t.Cleanup(s.Close)
	}
	return s
}

// Close shuts the server down; stalled and hung requests end first.
func (s *Server) Close() {
	s.Server.CloseClientConnections()
	s.Server.Close()
}

func (s *Server) push(n int, f fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for range n {
		s.faults = append(s.faults, f)
	}
}

// FailNext answers the next n requests with status and a SendGrid error
// body, accepting nothing.
func (s *Server) FailNext(n, status int) { s.push(n, fault{status: status}) }

// RateLimitNext answers the next n requests with 429 and an
// X-RateLimit-Reset reset from now.
func (s *Server) RateLimitNext(n int, reset time.Duration) {
	s.push(n, fault{status: http.StatusTooManyRequests, reset: reset})
}

// StallNext holds the next n requests for d before handling them; a
// client that gave up meanwhile had nothing accepted (a slow front end
// that never reached the mail queue).
func (s *Server) StallNext(n int, d time.Duration) { s.push(n, fault{stall: d}) }

// AcceptThenFailNext accepts the next n requests, then answers status as
// if the answer had been lost on the way: the sender believes it failed.
func (s *Server) AcceptThenFailNext(n, status int) { s.push(n, fault{status: status, accept: true}) }

// AcceptThenHangNext accepts the next n requests, then never answers until
// the client goes away: what a sender killed after SendGrid accepted its
// batch sees (nothing).
func (s *Server) AcceptThenHangNext(n int) { s.push(n, fault{accept: true, hang: true}) }

func (s *Server) nextFault() (fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests++
	if len(s.faults) == 0 {
		return fault{}, false
	}
	f := s.faults[0]
	s.faults = s.faults[1:]
	return f, true
}

func writeErrors(w http.ResponseWriter, status int, field, format string, args ...any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	e := map[string]any{"message": fmt.Sprintf(format, args...), "help": nil}
	if field != "" {
		e["field"] = field
	}
	_ = json.NewEncoder(w).Encode(map[string]any{"errors": []any{e}})
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/v3/mail/send" || r.Method != http.MethodPost {
		writeErrors(w, http.StatusNotFound, "", "not found")
		return
	}
	// Reading the body first lets the server notice a client that leaves
	// (a stalled request's context is then cancelled).
	body, err := io.ReadAll(io.LimitReader(r.Body, MaxBody+1))
	if err != nil {
		return
	}
	f, faulty := s.nextFault()
	if f.stall > 0 {
		select {
		case <-time.After(f.stall):
		case <-r.Context().Done():
			return
		}
	}
	if s.APIKey != "" && r.Header.Get("Authorization") != "Bearer "+s.APIKey {
		s.answer(http.StatusUnauthorized)
		writeErrors(w, http.StatusUnauthorized, "", "The provided authorization grant is invalid, expired, or revoked")
		return
	}
	if faulty && !f.accept && f.status != 0 {
		s.answer(f.status)
		if f.status == http.StatusTooManyRequests {
			h := w.Header()
			h.Set("X-RateLimit-Limit", "600")
			h.Set("X-RateLimit-Remaining", "0")
			h.Set("X-RateLimit-Reset", strconv.FormatInt(time.Now().Add(f.reset).Unix(), 10))
			writeErrors(w, f.status, "", "too many requests")
			return
		}
		writeErrors(w, f.status, "", "injected failure")
		return
	}
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		s.answer(http.StatusUnsupportedMediaType)
		writeErrors(w, http.StatusUnsupportedMediaType, "", "Content-Type should be application/json")
		return
	}
	if len(body) > MaxBody {
		s.answer(http.StatusRequestEntityTooLarge)
		writeErrors(w, http.StatusRequestEntityTooLarge, "", "request too large")
		return
	}
	var req Request
	if err := json.Unmarshal(body, &req); err != nil {
		s.answer(http.StatusBadRequest)
		writeErrors(w, http.StatusBadRequest, "", "Bad Request")
		return
	}
	if field, msg := Validate(&req); msg != "" {
		s.answer(http.StatusBadRequest)
		writeErrors(w, http.StatusBadRequest, field, "%s", msg)
		return
	}
	id := s.accept(&req, r.Header)
	if s.AfterAccept != nil {
		s.AfterAccept(req)
	}
	if faulty && f.hang {
		<-r.Context().Done()
		return
	}
	if faulty && f.status != 0 {
		s.answer(f.status)
		writeErrors(w, f.status, "", "injected failure after acceptance")
		return
	}
	s.answer(http.StatusAccepted)
	w.Header().Set("X-Message-Id", id)
	w.WriteHeader(http.StatusAccepted)
}

func (s *Server) answer(status int) {
	s.mu.Lock()
	s.answered[status]++
	s.mu.Unlock()
}

// Validate checks a request as SendGrid does (the parts stormdesk uses)
// and returns the offending field and a message, or "" when it is fine.
func Validate(req *Request) (field, msg string) {
	if req.From == nil || !validEmail(req.From.Email) {
		return "from.email", "The from email does not contain a valid address."
	}
	if req.ReplyTo != nil && !validEmail(req.ReplyTo.Email) {
		return "reply_to.email", "The reply_to email does not contain a valid address."
	}
	n := len(req.Personalizations)
	if n == 0 {
		return "personalizations", "The personalizations field is required and must have at least one personalization."
	}
	if n > 1000 {
		return "personalizations", "The personalizations field may contain at most 1000 personalizations."
	}
	if len(req.Content) == 0 {
		return "content", "Unless a valid template_id is provided, the content parameter is required."
	}
	for i, c := range req.Content {
		if c.Type == "" || c.Value == "" {
			return fmt.Sprintf("content.%d", i), "Each content must have a type and a value of at least one character."
		}
		if i > 0 && c.Type == "text/plain" {
			return "content", "If present, text/plain content must be first, followed by any other content."
		}
	}
	if len(req.Categories) > 10 {
		return "categories", "You may not have more than 10 categories per request."
	}
	seenCat := map[string]bool{}
	for i, c := range req.Categories {
		if len(c) > 255 || c == "" || seenCat[c] {
			return fmt.Sprintf("categories.%d", i), "Categories must be unique, non-empty and at most 255 characters."
		}
		seenCat[c] = true
	}
	args := 0
	for k, v := range req.CustomArgs {
		args += len(k) + len(v)
	}
	if args > 10000 {
		return "custom_args", "The custom_args may not exceed 10,000 bytes."
	}
	for i, p := range req.Personalizations {
		if len(p.To) == 0 {
			return fmt.Sprintf("personalizations.%d.to", i), "The to array is required for all personalization objects, and must have at least one email object with a valid email address."
		}
		if req.Subject == "" && p.Subject == "" {
			return fmt.Sprintf("personalizations.%d.subject", i), "The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined."
		}
		seen := map[string]bool{}
		for _, list := range []struct {
			name string
			as   []Address
		}{{"to", p.To}, {"cc", p.CC}, {"bcc", p.BCC}} {
			for j, a := range list.as {
				if !validEmail(a.Email) {
					return fmt.Sprintf("personalizations.%d.%s.%d.email", i, list.name, j), "Does not contain a valid address."
				}
				k := strings.ToLower(a.Email)
				if seen[k] {
					return fmt.Sprintf("personalizations.%d.%s", i, list.name), "Each email address in the personalization block should be unique between to, cc, and bcc."
				}
				seen[k] = true
			}
		}
		subs := 0
		for k, v := range p.Substitutions {
			subs += len(k) + len(v)
		}
		if subs > 10000 {
			return fmt.Sprintf("personalizations.%d.substitutions", i), "The substitutions may not exceed 10,000 bytes per personalization."
		}
	}
	return "", ""
}

func validEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s && strings.Contains(s, "@")
}

func (s *Server) accept(req *Request, h http.Header) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.CountOnly && !s.Discard {
		s.last, s.lastHeader = *req, h.Clone()
	}
	s.seq++
	s.accepted++
	id := fmt.Sprintf("fake%08d", s.seq)
	var text, html string
	for _, c := range req.Content {
		switch c.Type {
		case "text/plain":
			text = c.Value
		case "text/html":
			html = c.Value
		}
	}
	for _, p := range req.Personalizations {
		args := req.CustomArgs
		if len(p.CustomArgs) > 0 {
			args = mergeArgs(req.CustomArgs, p.CustomArgs)
		}
		subject := req.Subject
		if p.Subject != "" {
			subject = p.Subject
		}
		for _, lists := range [][]Address{p.To, p.CC, p.BCC} {
			for _, a := range lists {
				s.recipients++
				if s.Discard {
					continue
				}
				pair := Pair{args["message_id"], strings.ToLower(a.Email)}
				s.counts[pair]++
				if s.CountOnly {
					continue
				}
				s.deliveries = append(s.deliveries, Delivery{
					MessageID: pair.MessageID, IncidentID: args["incident_id"], Batch: args["stormdesk_batch"],
					Email: a.Email, Subject: substitute(subject, p.Substitutions),
					Text: substitute(text, p.Substitutions), HTML: substitute(html, p.Substitutions),
				})
			}
		}
	}
	return id
}

func mergeArgs(a, b map[string]string) map[string]string {
	m := make(map[string]string, len(a)+len(b))
	for k, v := range a {
		m[k] = v
	}
	for k, v := range b {
		m[k] = v
	}
	return m
}

func substitute(s string, subs map[string]string) string {
	for k, v := range subs {
		s = strings.ReplaceAll(s, k, v)
	}
	return s
}

// LastAccepted returns the last accepted request and its headers (not
// kept in CountOnly mode).
func (s *Server) LastAccepted() (Request, http.Header) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.last, s.lastHeader
}

// Count returns how many times the message was accepted for email.
func (s *Server) Count(messageID, email string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.counts[Pair{messageID, strings.ToLower(email)}]
}

// Deliveries returns every accepted delivery, in order (nil in CountOnly
// mode).
func (s *Server) Deliveries() []Delivery {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.deliveries)
}

// Accepted returns how many requests were accepted; Requests how many
// arrived.
func (s *Server) Accepted() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.accepted
}

// AcceptedRecipients returns how many recipients accepted requests had,
// repeats included.
func (s *Server) AcceptedRecipients() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.recipients
}

// Requests returns how many requests arrived, faulty ones included.
func (s *Server) Requests() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests
}

// Answered returns how many answers had the given status.
func (s *Server) Answered(status int) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.answered[status]
}

// Recipients returns the pairs accepted at least once.
func (s *Server) Recipients() map[Pair]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := make(map[Pair]int, len(s.counts))
	for k, v := range s.counts {
		m[k] = v
	}
	return m
}

// Duplicates returns the pairs accepted more than once, sorted.
func (s *Server) Duplicates() []Pair {
	s.mu.Lock()
	defer s.mu.Unlock()
	var d []Pair
	for p, n := range s.counts {
		if n > 1 {
			d = append(d, p)
		}
	}
	sort.Slice(d, func(i, j int) bool {
		if d[i].MessageID != d[j].MessageID {
			return d[i].MessageID < d[j].MessageID
		}
		return d[i].Email < d[j].Email
	})
	return d
}

// AssertRecipients fails t unless the message was accepted exactly once
// for each of emails and for no one else.
func (s *Server) AssertRecipients(t testing.TB, messageID string, emails []string) {
	t.Helper()
	want := map[string]bool{}
	for _, e := range emails {
		want[strings.ToLower(e)] = true
	}
	got := s.Recipients()
	bad := 0
	for p, n := range got {
		if p.MessageID != messageID {
			continue
		}
		switch {
		case !want[p.Email]:
			t.Errorf("message %s: %s was not a recipient but got it %d times", messageID, p.Email, n)
			bad++
		case n != 1:
			t.Errorf("message %s: %s got it %d times", messageID, p.Email, n)
			bad++
		}
		if bad > 10 {
			t.Fatalf("too many errors")
		}
	}
	for e := range want {
		if got[Pair{messageID, e}] == 0 {
			t.Errorf("message %s: %s never got it", messageID, e)
			if bad++; bad > 10 {
				t.Fatalf("too many errors")
			}
		}
	}
}

// ProcessedEvents returns the event webhook body SendGrid would post for
// every accepted delivery: one "processed" event each, carrying the
// message's custom args.
func (s *Server) ProcessedEvents() []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	evs := make([]map[string]any, 0, len(s.deliveries))
	for i, d := range s.deliveries {
		evs = append(evs, map[string]any{
			"email": d.Email, "event": "processed", "timestamp": time.Now().Unix(),
			"sg_event_id": fmt.Sprintf("ev%d", i), "sg_message_id": fmt.Sprintf("fake%08d.filter", i),
			"message_id": d.MessageID, "incident_id": d.IncidentID, "stormdesk_batch": d.Batch,
		})
	}
	b, _ := json.Marshal(evs)
	return b
}

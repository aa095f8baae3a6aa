package helpscout

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"stormdesk"
	"stormdesk/connectors"
)

// The write-back: a reply thread in the customer's own conversation for
// each update stormdesk sends about the incident it is part of (Help
// Scout has no problem tickets to link conversations under). Each call
// makes exactly one request of Mailbox API 2.0 and never retries by
// itself; its error says whether a retry is worth it and when, for the
// one retry stage (the outbox).

// DefaultBaseURL is Help Scout's Mailbox API 2.0 host.
const DefaultBaseURL = "https://api.helpscout.net"

// Conversation statuses a reply sets (Mailbox API 2.0's status field):
// an update leaves the conversation active, as a reply without a status
// would; the resolution closes it, as Zendesk's solved problem solves its
// linked tickets (a customer's answer reopens it).
const (
	StatusActive = "active"
	StatusClosed = "closed"
)

// ReplyPath is the Create Reply Thread path of conversation id.
func ReplyPath(id string) string { return "/v2/conversations/" + url.PathEscape(id) + "/reply" }

// Client makes the write-back's calls with an OAuth2 access token (an
// app's, from the client credentials flow).
type Client struct {
	// BaseURL is DefaultBaseURL or a stand-in.
	BaseURL string
	Token   string
	HTTP    *http.Client
}

// APIError is a write that did not succeed: Help Scout's refusal (Status
// and its error message as Reason) or no answer (Status 0). It never
// carries the token. Its methods answer the retry stage.
type APIError struct {
	Method, Path string
	Status       int
	// Retry says whether the same write may succeed later (429, 5xx, a
	// connection that could not be made); Wait, when not zero, is how long
	// Help Scout asked for.
	Retry bool
	Wait  time.Duration
	// Reason is Help Scout's message and its field errors, or the
	// transport's error.
	Reason string
}

func (e *APIError) Error() string {
	msg := fmt.Sprintf("helpscout: %s %s: ", e.Method, e.Path)
	if e.Status == 0 {
		if e.Reason == "" {
			msg += "no answer"
		}
	} else {
		msg += fmt.Sprintf("%d %s", e.Status, http.StatusText(e.Status))
	}
	if e.Status == http.StatusUnauthorized {
		msg += " (check STORMDESK_HELPSCOUT_ACCESS_TOKEN)"
	}
	if e.Reason != "" && e.Status != 0 {
		msg += ": "
	}
	return msg + e.Reason
}

// Retryable reports whether a retry is worth it.
func (e *APIError) Retryable() bool { return e.Retry }

// RetryAfter is how long Help Scout asked to wait (0: the caller's backoff).
func (e *APIError) RetryAfter() time.Duration { return e.Wait }

// HTTPStatus is the answer's status (0: none).
func (e *APIError) HTTPStatus() int { return e.Status }

// Reply posts text in conversation id as a reply thread to customer (Help
// Scout's numeric customer id, which the reply must name) and sets the
// conversation's status. Blank lines separate paragraphs. A reply whose
// request may have reached Help Scout without an answer coming back is
// not retryable: it may have been sent, and a customer must not get it
// twice.
func (c *Client) Reply(ctx context.Context, id, customer, text, status string) error {
	path := ReplyPath(id)
	if strings.TrimSpace(id) == "" || strings.TrimSpace(text) == "" {
		return &APIError{Method: http.MethodPost, Path: "/v2/conversations/?/reply", Reason: "conversation id and text required"}
	}
	cust, err := strconv.ParseUint(strings.TrimSpace(customer), 10, 64)
	if err != nil {
		// Nothing to send: a ticket stored before intake kept the customer,
		// or a customer id that is not Help Scout's.
		return &APIError{Method: http.MethodPost, Path: path, Reason: stormdesk.ReplyNotSent + fmt.Sprintf("no Help Scout customer id stored for the conversation (%q)", customer)}
	}
	body := struct {
		Customer struct {
			ID uint64 `json:"id"`
		} `json:"customer"`
		Text   string `json:"text"`
		Status string `json:"status,omitempty"`
	}{Text: connectors.Paragraphs(text), Status: status}
	body.Customer.ID = cust
	b, _ := json.Marshal(body)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, strings.TrimRight(c.BaseURL, "/")+path, bytes.NewReader(b))
	if err != nil {
		return &APIError{Method: http.MethodPost, Path: path, Reason: err.Error()}
	}
	req.Header.Set("Authorization", "Bearer "+c.Token)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("Content-Type", "application/json")
	client := c.HTTP
	if client == nil {
		client = &http.Client{Timeout: 30 * time.Second}
	}
	resp, err := client.Do(req)
	if err != nil {
		var op *net.OpError
		unsent := errors.As(err, &op) && op.Op == "dial"
		reason := "the reply may have been sent; not sent again"
		if unsent {
			reason = "could not connect"
		}
		return &APIError{Method: http.MethodPost, Path: path, Retry: unsent, Reason: reason + ": " + c.redact(err.Error())}
	}
	defer resp.Body.Close()
	rb, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if resp.StatusCode/100 == 2 {
		return nil
	}
	e := &APIError{Method: http.MethodPost, Path: path, Status: resp.StatusCode, Reason: c.redact(reason(rb))}
	switch {
	case resp.StatusCode == http.StatusTooManyRequests:
		e.Retry, e.Wait = true, rateLimitWait(resp.Header)
	case resp.StatusCode >= 500:
		e.Retry = true
	}
	return e
}

// rateLimitWait reads a 429's wait: Help Scout's X-RateLimit-Retry-After
// (seconds until the minute's limit refreshes), or Retry-After; a minute,
// the limit's interval, when neither says.
func rateLimitWait(h http.Header) time.Duration {
	for _, name := range []string{"X-RateLimit-Retry-After", "Retry-After"} {
		if s, err := strconv.Atoi(strings.TrimSpace(h.Get(name))); err == nil && s >= 0 {
			return time.Duration(s)*time.Second + time.Second
		}
	}
	return time.Minute
}

// reason is Help Scout's error in a line ("Bad request: customer: may not
// be null"), or the body's first characters.
func reason(b []byte) string {
	var v struct {
		Message  string `json:"message"`
		Error    string `json:"error"`
		Embedded struct {
			Errors []struct {
				Path    string `json:"path"`
				Message string `json:"message"`
			} `json:"errors"`
		} `json:"_embedded"`
	}
	if json.Unmarshal(b, &v) != nil || v.Message == "" && v.Error == "" && len(v.Embedded.Errors) == 0 {
		s := strings.TrimSpace(string(b))
		if len(s) > 200 {
			s = s[:200]
		}
		return s
	}
	parts := []string{strings.TrimSpace(v.Message + " " + v.Error)}
	for _, e := range v.Embedded.Errors {
		parts = append(parts, strings.Trim(e.Path+": "+e.Message, ": "))
	}
	return strings.Trim(strings.Join(parts, "; "), "; ")
}

func (c *Client) redact(s string) string {
	if len(c.Token) >= 4 {
		s = strings.ReplaceAll(s, c.Token, "[redacted]")
	}
	return s
}

// Desk is the write-back as stormdesk's helpdesk dispatcher drives it
// (notify.Replier).
type Desk struct{ Client *Client }

// Reply answers the customer in their conversation: active while the
// incident goes on, closed with its resolution.
func (d Desk) Reply(ctx context.Context, r stormdesk.Reply) error {
	status := StatusActive
	if r.Resolved {
		status = StatusClosed
	}
	return d.Client.Reply(ctx, r.Conversation, r.Customer, r.Text, status)
}

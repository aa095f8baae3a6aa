package intercom

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"stormdesk"
	"stormdesk/connectors"
)

// The write-back: an admin reply in the customer's own conversation for
// each update stormdesk sends about the incident it is part of (Intercom
// has no problem tickets to link conversations under). Each call makes
// exactly one request and never retries by itself; its error says whether
// a retry is worth it and when, for the one retry stage (the outbox).

// APIVersion is the Intercom-Version the write-back speaks.
const APIVersion = "2.11"

// DefaultBaseURL is Intercom's US-hosted API; EU- and Australia-hosted
// workspaces use https://api.eu.intercom.io and https://api.au.intercom.io.
const DefaultBaseURL = "https://api.intercom.io"

// ReplyPath is the Reply to a conversation path of conversation id.
func ReplyPath(id string) string { return "/conversations/" + url.PathEscape(id) + "/reply" }

// Client makes the write-back's calls with an access token (an app's, or
// the workspace's) on behalf of one admin.
type Client struct {
	// BaseURL is DefaultBaseURL, a regional host, or a stand-in.
	BaseURL string
	Token   string
	// AdminID is the admin the replies are from (Settings → Teammates, or
	// GET /admins).
	AdminID string
	HTTP    *http.Client
	// Now reads the clock for X-RateLimit-Reset (time.Now when nil).
	Now func() time.Time
}

// APIError is a write that did not succeed: Intercom's refusal (Status
// and its errors as Reason) or no answer (Status 0). It never carries the
// token. Its methods answer the retry stage.
type APIError struct {
	Method, Path string
	Status       int
	// Retry says whether the same write may succeed later (429, 409, 5xx,
	// a connection that could not be made); Wait, when not zero, is how
	// long Intercom asked for.
	Retry bool
	Wait  time.Duration
	// Reason is Intercom's "code: message" list, or the transport's error.
	Reason string
}

func (e *APIError) Error() string {
	msg := fmt.Sprintf("intercom: %s %s: ", e.Method, e.Path)
	if e.Status == 0 {
		msg += "no answer"
	} else {
		msg += fmt.Sprintf("%d %s", e.Status, http.StatusText(e.Status))
	}
	if e.Status == http.StatusUnauthorized {
		msg += " (check STORMDESK_INTERCOM_ACCESS_TOKEN)"
	}
	if e.Reason != "" {
		msg += ": " + e.Reason
	}
	return msg
}

// Retryable reports whether a retry is worth it.
func (e *APIError) Retryable() bool { return e.Retry }

// RetryAfter is how long Intercom asked to wait (0: the caller's backoff).
func (e *APIError) RetryAfter() time.Duration { return e.Wait }

// HTTPStatus is the answer's status (0: none).
func (e *APIError) HTTPStatus() int { return e.Status }

// Reply posts text in conversation id as a reply from the admin (a
// comment the customer sees). Blank lines separate paragraphs. A reply
// whose request may have reached Intercom without an answer coming back
// is not retryable: it may have been posted, and a customer must not get
// it twice.
func (c *Client) Reply(ctx context.Context, id, text string) error {
	if strings.TrimSpace(id) == "" || strings.TrimSpace(text) == "" {
		return &APIError{Method: http.MethodPost, Path: "/conversations/?/reply", Reason: "conversation id and text required"}
	}
	path := ReplyPath(id)
	b, _ := json.Marshal(map[string]string{"message_type": "comment", "type": "admin", "admin_id": c.AdminID, "body": connectors.Paragraphs(text)})
	req, err := connectors.NewRequest(ctx, http.MethodPost, c.BaseURL, path, b)
	if err != nil {
		return &APIError{Method: http.MethodPost, Path: path, Reason: err.Error()}
	}
	req.Header.Set("Authorization", "Bearer "+c.Token)
	req.Header.Set("Intercom-Version", APIVersion)
	client := c.HTTP
	if client == nil {
		client = &http.Client{Timeout: 30 * time.Second}
	}
	resp, err := client.Do(req)
	if err != nil {
		unsent := connectors.Unsent(err)
		reason := "the reply may have been posted; not sent again"
		if unsent {
			reason = "could not connect"
		}
		return &APIError{Method: http.MethodPost, Path: path, Retry: unsent, Reason: reason + ": " + c.redact(err.Error())}
	}
	rb, _ := connectors.ReadAnswer(resp)
	if resp.StatusCode/100 == 2 {
		return nil
	}
	e := &APIError{Method: http.MethodPost, Path: path, Status: resp.StatusCode, Reason: c.redact(reason(rb))}
	switch {
	case resp.StatusCode == http.StatusTooManyRequests:
		e.Retry, e.Wait = true, c.rateLimitWait(resp.Header)
	case resp.StatusCode == http.StatusConflict || resp.StatusCode >= 500:
		e.Retry = true
	}
	return e
}

// rateLimitWait reads a 429's wait: Retry-After seconds, or Intercom's
// X-RateLimit-Reset (Unix seconds) from now; 10 s when neither says.
func (c *Client) rateLimitWait(h http.Header) time.Duration {
	if s, err := strconv.Atoi(strings.TrimSpace(h.Get("Retry-After"))); err == nil && s > 0 {
		return time.Duration(s) * time.Second
	}
	if r, err := strconv.ParseInt(strings.TrimSpace(h.Get("X-RateLimit-Reset")), 10, 64); err == nil {
		now := time.Now
		if c.Now != nil {
			now = c.Now
		}
		if d := time.Unix(r, 0).Sub(now()); d > 0 {
			return d.Round(time.Second) + time.Second
		}
		return time.Second
	}
	return 10 * time.Second
}

// reason is Intercom's error list in a line ("not_found: Resource Not
// Found"), or the body's first characters.
func reason(b []byte) string {
	var v struct {
		Errors []struct{ Code, Message string } `json:"errors"`
	}
	if json.Unmarshal(b, &v) != nil || len(v.Errors) == 0 {
		return connectors.BodyStart(b)
	}
	var parts []string
	for _, e := range v.Errors {
		parts = append(parts, strings.Trim(e.Code+": "+e.Message, ": "))
	}
	return strings.Join(parts, "; ")
}

func (c *Client) redact(s string) string { return connectors.Redact(s, c.Token) }

// Desk is the write-back as stormdesk's helpdesk dispatcher drives it
// (notify.Replier).
type Desk struct{ Client *Client }

// Reply answers the customer in their conversation.
func (d Desk) Reply(ctx context.Context, r stormdesk.Reply) error {
	return d.Client.Reply(ctx, r.Conversation, r.Text)
}

package helpscout

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"stormdesk"
	"stormdesk/connectors"
)

// The write-back: a reply thread in the customer's own conversation for
// each update stormdesk sends about the incident it is part of (Help
// Scout has no problem tickets to link conversations under). Each call
// makes one reply request of Mailbox API 2.0 (see Reply for the one
// exception) and never retries by itself; its error says whether a retry
// is worth it and when, for the one retry stage (the outbox).

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

// TokenPath is the OAuth2 token endpoint of the client credentials flow.
const TokenPath = "/v2/oauth2/token"

// Client makes the write-back's calls with an OAuth2 access token: Token
// as given, or, with AppID and AppSecret (an app of Your Profile → My
// Apps), one it gets by the client credentials flow and renews before it
// expires (Help Scout's last two days).
type Client struct {
	// BaseURL is DefaultBaseURL or a stand-in.
	BaseURL string
	Token   string
	// AppID and AppSecret are the app's credentials (instead of Token).
	AppID, AppSecret string
	HTTP             *http.Client
	// Now reads the clock for the token's expiry (time.Now when nil).
	Now func() time.Time

	mu      sync.Mutex
	fetched string
	expires time.Time
}

// renewBefore is how long before its expiry a fetched token is renewed:
// a request in flight never carries one about to lapse.
const renewBefore = 5 * time.Minute

func (c *Client) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

func (c *Client) http() *http.Client {
	if c.HTTP != nil {
		return c.HTTP
	}
	return &http.Client{Timeout: 30 * time.Second}
}

// token returns the bearer token: Token, or the app's current one,
// fetched when there is none or it is about to expire. An error is an
// APIError on the token endpoint; no reply was sent.
func (c *Client) token(ctx context.Context) (string, error) {
	if c.AppID == "" {
		return c.Token, nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.fetched != "" && c.now().Before(c.expires.Add(-renewBefore)) {
		return c.fetched, nil
	}
	form := url.Values{"grant_type": {"client_credentials"}, "client_id": {c.AppID}, "client_secret": {c.AppSecret}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, strings.TrimRight(c.BaseURL, "/")+TokenPath, strings.NewReader(form.Encode()))
	if err != nil {
		return "", &APIError{Method: http.MethodPost, Path: TokenPath, Reason: stormdesk.ReplyNotSent + err.Error()}
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	resp, err := c.http().Do(req)
	if err != nil {
		// Asking for a token again is harmless.
		return "", &APIError{Method: http.MethodPost, Path: TokenPath, Retry: true, Reason: stormdesk.ReplyNotSent + "no token: " + c.redact(err.Error())}
	}
	rb, _ := connectors.ReadAnswer(resp)
	var v struct {
		AccessToken string `json:"access_token"`
		ExpiresIn   int64  `json:"expires_in"`
	}
	if resp.StatusCode/100 != 2 || json.Unmarshal(rb, &v) != nil || v.AccessToken == "" {
		e := &APIError{Method: http.MethodPost, Path: TokenPath, Status: resp.StatusCode, Reason: c.redact(reason(rb))}
		switch {
		case resp.StatusCode == http.StatusTooManyRequests:
			e.Retry, e.Wait = true, rateLimitWait(resp.Header)
		case resp.StatusCode >= 500:
			e.Retry = true
		case resp.StatusCode/100 == 2:
			e.Status, e.Reason = 0, stormdesk.ReplyNotSent+"the token endpoint answered no access_token"
		}
		if e.Status == http.StatusUnauthorized || e.Status == http.StatusBadRequest {
			e.Reason = "the app's credentials were refused (check STORMDESK_HELPSCOUT_APP_ID and STORMDESK_HELPSCOUT_APP_SECRET): " + e.Reason
		}
		return "", e
	}
	c.fetched, c.expires = v.AccessToken, c.now().Add(time.Duration(v.ExpiresIn)*time.Second)
	return c.fetched, nil
}

// dropToken forgets a fetched token Help Scout refused: the next call
// fetches another.
func (c *Client) dropToken(tok string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.fetched == tok {
		c.fetched = ""
	}
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
	if e.Status == http.StatusUnauthorized && e.Path != TokenPath {
		msg += " (check STORMDESK_HELPSCOUT_ACCESS_TOKEN, or the app's user)"
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
// twice. It makes one reply request (after a token request when the
// app's token is due, and a Get Conversation when no customer was
// stored), and a second only when Help Scout refused a fetched token with
// 401, which posts nothing.
func (c *Client) Reply(ctx context.Context, id, customer, text, status string) error {
	path := ReplyPath(id)
	if strings.TrimSpace(id) == "" || strings.TrimSpace(text) == "" {
		return &APIError{Method: http.MethodPost, Path: "/v2/conversations/?/reply", Reason: stormdesk.ReplyNotSent + "conversation id and text required"}
	}
	if strings.TrimSpace(customer) == "" {
		// A ticket stored before intake kept the customer: the
		// conversation names it.
		var err error
		if customer, err = c.customerOf(ctx, id); err != nil {
			return err
		}
	}
	cust, err := strconv.ParseUint(strings.TrimSpace(customer), 10, 64)
	if err != nil {
		return &APIError{Method: http.MethodPost, Path: path, Reason: stormdesk.ReplyNotSent + fmt.Sprintf("%q is not a Help Scout customer id", customer)}
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
	_, err = c.call(ctx, http.MethodPost, path, b)
	return err
}

// customerOf reads conversation id's customer (Get Conversation: its
// primaryCustomer's id).
func (c *Client) customerOf(ctx context.Context, id string) (string, error) {
	path := "/v2/conversations/" + url.PathEscape(id)
	rb, err := c.call(ctx, http.MethodGet, path, nil)
	if err != nil {
		return "", err
	}
	var v struct {
		PrimaryCustomer struct {
			ID connectors.ID `json:"id"`
		} `json:"primaryCustomer"`
	}
	if json.Unmarshal(rb, &v) != nil || v.PrimaryCustomer.ID == "" {
		return "", &APIError{Method: http.MethodGet, Path: path, Reason: stormdesk.ReplyNotSent + "the conversation names no customer"}
	}
	return string(v.PrimaryCustomer.ID), nil
}

// call makes one request (and a second only when Help Scout refused a
// fetched token with 401, which did nothing) and returns the answer's
// body.
func (c *Client) call(ctx context.Context, method, path string, b []byte) ([]byte, error) {
	tok, rb, err := c.do(ctx, method, path, b)
	var e *APIError
	if errors.As(err, &e) && e.Status == http.StatusUnauthorized && c.AppID != "" && tok != "" {
		// A fetched token refused before its expiry (revoked): the
		// request goes once more with a new one.
		c.dropToken(tok)
		_, rb, err = c.do(ctx, method, path, b)
	}
	return rb, err
}

// do makes one request with the current token, and returns the token it
// used and the answer's body.
func (c *Client) do(ctx context.Context, method, path string, b []byte) (string, []byte, error) {
	tok, err := c.token(ctx)
	if err != nil {
		return "", nil, err
	}
	req, err := connectors.NewRequest(ctx, method, c.BaseURL, path, b)
	if err != nil {
		return tok, nil, &APIError{Method: method, Path: path, Reason: stormdesk.ReplyNotSent + err.Error()}
	}
	req.Header.Set("Authorization", "Bearer "+tok)
	resp, err := c.http().Do(req)
	if err != nil {
		unsent := connectors.Unsent(err)
		e := &APIError{Method: method, Path: path, Retry: unsent, Reason: "the reply may have been sent; not sent again: " + c.redact(err.Error())}
		if unsent || method == http.MethodGet {
			// Nothing was posted: a read, or a request that never left.
			e.Retry, e.Reason = true, stormdesk.ReplyNotSent+"no answer: "+c.redact(err.Error())
		}
		return tok, nil, e
	}
	rb, _ := connectors.ReadAnswer(resp)
	if resp.StatusCode/100 == 2 {
		return tok, rb, nil
	}
	e := &APIError{Method: method, Path: path, Status: resp.StatusCode, Reason: c.redact(reason(rb))}
	switch {
	case resp.StatusCode == http.StatusTooManyRequests:
		e.Retry, e.Wait = true, rateLimitWait(resp.Header)
	case resp.StatusCode >= 500:
		e.Retry = true
	}
	return tok, nil, e
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
		Message string `json:"message"`
		// Error and Description are the token endpoint's (OAuth2's).
		Error       string `json:"error"`
		Description string `json:"error_description"`
		Embedded    struct {
			Errors []struct {
				Path    string `json:"path"`
				Message string `json:"message"`
			} `json:"errors"`
		} `json:"_embedded"`
	}
	if json.Unmarshal(b, &v) != nil || v.Message == "" && v.Error == "" && len(v.Embedded.Errors) == 0 {
		return connectors.BodyStart(b)
	}
	parts := []string{strings.Trim(v.Message+v.Error+": "+v.Description, ": ")}
	for _, e := range v.Embedded.Errors {
		parts = append(parts, strings.Trim(e.Path+": "+e.Message, ": "))
	}
	return strings.Trim(strings.Join(parts, "; "), "; ")
}

func (c *Client) redact(s string) string { return connectors.Redact(s, c.Token, c.AppSecret) }

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

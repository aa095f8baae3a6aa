package notify

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/sendgrid/rest"
	"github.com/sendgrid/sendgrid-go"
	"github.com/sendgrid/sendgrid-go/helpers/mail"
)

// DefaultSendGridURL is SendGrid's API host.
const DefaultSendGridURL = "https://api.sendgrid.com"

// SendGrid sends batches through SendGrid's v3 Mail Send API: one request
// per batch, one personalization per recipient.
type SendGrid struct {
	APIKey string
	// BaseURL is the API host, DefaultSendGridURL when empty (tests point
	// it at sendgridtest).
	BaseURL   string
	FromEmail string
	FromName  string
	ReplyTo   string
	// Client makes the requests; its Timeout (or the context's deadline)
	// bounds each one. http.DefaultClient when nil.
	Client *http.Client
}

var _ Sender = (*SendGrid)(nil)

// Custom args stormdesk sets on every message. SendGrid copies them into
// each webhook event of the message.
const (
	ArgMessageID  = "message_id"
	ArgIncidentID = "incident_id"
	ArgBatch      = "stormdesk_batch"
)

// Categories returns the SendGrid categories of an incident's messages.
func Categories(incidentID int64) []string {
	return []string{"stormdesk", "incident-" + strconv.FormatInt(incidentID, 10)}
}

// Mail builds the SendGrid request body for a batch.
func (s *SendGrid) Mail(b *Batch) *mail.SGMailV3 {
	m := mail.NewV3Mail()
	m.SetFrom(mail.NewEmail(s.FromName, s.FromEmail))
	if s.ReplyTo != "" {
		m.SetReplyTo(mail.NewEmail("", s.ReplyTo))
	}
	m.Subject = b.Message.Subject
	if b.Message.Text != "" {
		m.AddContent(mail.NewContent("text/plain", b.Message.Text))
	}
	if b.Message.HTML != "" {
		m.AddContent(mail.NewContent("text/html", b.Message.HTML))
	}
	m.AddCategories(Categories(b.Message.IncidentID)...)
	m.SetCustomArg(ArgMessageID, b.Message.MessageID)
	m.SetCustomArg(ArgIncidentID, strconv.FormatInt(b.Message.IncidentID, 10))
	if b.Token != "" {
		m.SetCustomArg(ArgBatch, b.Token)
	}
	ps := make([]mail.Personalization, len(b.Recipients))
	m.Personalizations = make([]*mail.Personalization, len(b.Recipients))
	for i, r := range b.Recipients {
		p := &ps[i]
		p.To = []*mail.Email{{Name: r.Name, Address: r.Email}}
		if r.UnsubscribeURL != "" {
			p.Substitutions = map[string]string{UnsubscribeTag: r.UnsubscribeURL}
		}
		m.Personalizations[i] = p
	}
	return m
}

// Send implements Sender: POST /v3/mail/send.
func (s *SendGrid) Send(ctx context.Context, b *Batch) (Result, error) {
	if len(b.Recipients) == 0 {
		return Result{}, nil
	}
	if len(b.Recipients) > MaxBatch {
		return Result{}, &SendError{Reason: fmt.Sprintf("batch of %d recipients is over SendGrid's %d", len(b.Recipients), MaxBatch)}
	}
	host := s.BaseURL
	if host == "" {
		host = DefaultSendGridURL
	}
	req := sendgrid.GetRequest(s.APIKey, "/v3/mail/send", strings.TrimRight(host, "/"))
	req.Method = rest.Post
	req.Body = mail.GetRequestBody(s.Mail(b))
	client := s.Client
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := (&rest.Client{HTTPClient: client}).SendWithContext(ctx, req)
	if err != nil {
		return Result{Retry: true}, &SendError{Reason: transportReason(ctx, err)}
	}
	return classify(resp, time.Now())
}

// classify turns a SendGrid answer into a Result: 2xx accepted; 429 retry
// after the rate-limit reset; 5xx retry; any other status is permanent.
func classify(resp *rest.Response, now time.Time) (Result, error) {
	h := http.Header(resp.Headers)
	switch code := resp.StatusCode; {
	case code >= 200 && code < 300:
		return Result{ProviderID: h.Get("X-Message-Id")}, nil
	case code == http.StatusTooManyRequests:
		return Result{Retry: true, RetryAfter: retryAfter(h, now)},
			&SendError{Status: code, Reason: "rate limited: " + apiReason(resp.Body)}
	case code >= 500:
		return Result{Retry: true}, &SendError{Status: code, Reason: apiReason(resp.Body)}
	default:
		res := Result{BadRecipients: badPersonalizations(resp.Body)}
		return res, &SendError{Status: code, Reason: apiReason(resp.Body)}
	}
}

// retryAfter reads how long SendGrid asked us to wait: X-RateLimit-Reset
// (epoch seconds) or Retry-After (seconds or an HTTP date). Zero when it
// said nothing usable.
func retryAfter(h http.Header, now time.Time) time.Duration {
	if v := h.Get("X-RateLimit-Reset"); v != "" {
		if sec, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64); err == nil {
			if d := time.Unix(sec, 0).Sub(now); d > 0 {
				return d
			}
			return 0
		}
	}
	if v := strings.TrimSpace(h.Get("Retry-After")); v != "" {
		if sec, err := strconv.Atoi(v); err == nil && sec > 0 {
			return time.Duration(sec) * time.Second
		}
		if t, err := http.ParseTime(v); err == nil && t.After(now) {
			return t.Sub(now)
		}
	}
	return 0
}

// sgErrors is SendGrid's error body.
type sgErrors struct {
	Errors []struct {
		Message string `json:"message"`
		Field   string `json:"field"`
	} `json:"errors"`
}

const maxReason = 500

// apiReason is SendGrid's own error message, without anything it did not
// write itself: no header, no URL, no key.
func apiReason(body string) string {
	var e sgErrors
	if json.Unmarshal([]byte(body), &e) == nil && len(e.Errors) > 0 {
		var parts []string
		for _, x := range e.Errors {
			p := x.Message
			if x.Field != "" {
				p = x.Field + ": " + p
			}
			parts = append(parts, p)
		}
		return truncate(strings.Join(parts, "; "), maxReason)
	}
	if strings.TrimSpace(body) == "" {
		return "no error message"
	}
	return "unreadable error body"
}

var personalizationField = regexp.MustCompile(`^personalizations\.(\d+)\.`)

// badPersonalizations lists the personalizations a 400 blames, or nil
// when it blames anything else (then the whole batch is at fault).
func badPersonalizations(body string) []int {
	var e sgErrors
	if json.Unmarshal([]byte(body), &e) != nil || len(e.Errors) == 0 {
		return nil
	}
	var idx []int
	for _, x := range e.Errors {
		m := personalizationField.FindStringSubmatch(x.Field)
		if m == nil {
			return nil
		}
		i, _ := strconv.Atoi(m[1])
		idx = append(idx, i)
	}
	return idx
}

// transportReason describes a failed request without its URL, which
// url.Error would include.
func transportReason(ctx context.Context, err error) string {
	var ne net.Error
	switch {
	case errors.Is(ctx.Err(), context.Canceled):
		return "request abandoned: context canceled"
	case ctx.Err() != nil, errors.As(err, &ne) && ne.Timeout():
		return "timeout waiting for SendGrid"
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var oe *net.OpError
	if errors.As(err, &oe) {
		return "connection error: " + oe.Op + ": " + unwrapMost(oe.Err)
	}
	return "connection error: " + truncate(err.Error(), 200)
}

func unwrapMost(err error) string {
	for {
		u := errors.Unwrap(err)
		if u == nil {
			return err.Error()
		}
		err = u
	}
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }

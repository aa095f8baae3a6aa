package upstream

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// DefaultMaxBytes caps a feed response when Fetcher.MaxBytes is zero. The
// largest real payloads (incidents.json with 50 incidents) are a few
// hundred kilobytes.
const DefaultMaxBytes = 4 << 20

// defaultClient is used when Fetcher.Client is nil. Its timeout is only a
// backstop: callers bound each request with the context.
var defaultClient = &http.Client{Timeout: 60 * time.Second}

// Fetcher performs conditional GETs of status feeds.
type Fetcher struct {
	// Client defaults to a client with a 60 s backstop timeout.
	Client *http.Client
	// MaxBytes caps the decoded body; 0 means DefaultMaxBytes.
	MaxBytes int64
	// UserAgent defaults to "stormdesk-upstream".
	UserAgent string
	// Now measures latency; nil means time.Now.
	Now func() time.Time
}

// Validators are the cache validators of the last good response, sent back
// as If-None-Match and If-Modified-Since. Between polls they are kept in
// stormdesk.WatchState.Validators, encoded by Encode; the domain and the
// stores never look inside. Their JSON names are that encoding: the
// stores' migration 0019 wrote the etag and last_modified columns of
// older versions under the same names, so they stay.
type Validators struct {
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
}

// Encode returns v as the opaque bytes a WatchState keeps (JSON), or nil
// when v holds nothing.
func (v Validators) Encode() []byte {
	if v == (Validators{}) {
		return nil
	}
	b, _ := json.Marshal(v) // two strings: it cannot fail
	return b
}

// DecodeValidators reads what Encode wrote. Bytes it cannot read give no
// validators rather than an error: the next fetch is then unconditional,
// which costs one full response and nothing else.
func DecodeValidators(b []byte) Validators {
	var v Validators
	if len(b) == 0 || json.Unmarshal(b, &v) != nil {
		return Validators{}
	}
	return v
}

// FetchResult is one response.
type FetchResult struct {
	// Body is nil when NotModified.
	Body        []byte
	NotModified bool
	// Validators are the ones to send next time: the response's, or the
	// previous ones when it sent none.
	Validators  Validators
	Status      int
	ContentType string
	Latency     time.Duration
}

// FetchError is a failed fetch. It matches one of ErrUnreachable,
// ErrHTTPStatus or ErrTooLarge with errors.Is, and its message never holds
// the URL's credentials or query string.
type FetchError struct {
	Class error
	// URL is the redacted URL (see RedactURL).
	URL    string
	Status int
	// RetryAfter is the server's Retry-After, in seconds form, on 429
	// and 503 answers; 0 when absent.
	RetryAfter time.Duration
	Err        error
}

// Error implements error.
func (e *FetchError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "upstream: fetch %s: %s", e.URL, e.Class)
	if e.Status != 0 && errors.Is(e.Class, ErrHTTPStatus) {
		fmt.Fprintf(&b, " %d %s", e.Status, http.StatusText(e.Status))
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap lets errors.Is match the class and the cause.
func (e *FetchError) Unwrap() []error {
	if e.Err == nil {
		return []error{e.Class}
	}
	return []error{e.Class, e.Err}
}

// Retryable reports whether trying again later may help: unreachable
// hosts, 429 and 5xx. Other 4xx need the configuration fixed, though a
// poller may still retry them slowly.
func (e *FetchError) Retryable() bool {
	switch {
	case errors.Is(e.Class, ErrUnreachable):
		return true
	case errors.Is(e.Class, ErrHTTPStatus):
		return e.Status == http.StatusTooManyRequests || e.Status >= 500
	}
	return false
}

// RedactURL returns u without user information, query or fragment, so that
// tokens in a feed URL never reach an error message or a log.
func RedactURL(u string) string {
	p, err := url.Parse(u)
	if err != nil || p.Host == "" {
		return "(invalid URL)"
	}
	out := url.URL{Scheme: p.Scheme, Host: p.Host, Path: p.Path}
	s := out.String()
	if p.RawQuery != "" {
		s += "?…"
	}
	return s
}

// Fetch GETs url, conditionally on prev. A 304 gives NotModified with no
// body. Any other status outside 2xx, a body larger than MaxBytes, and
// transport failures (including the context's deadline) are FetchErrors.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string, prev Validators) (*FetchResult, error) {
	safe := RedactURL(rawURL)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, &FetchError{Class: ErrUnreachable, URL: safe, Err: errors.New("invalid URL")}
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return nil, &FetchError{Class: ErrUnreachable, URL: safe, Err: fmt.Errorf("scheme %q is not http or https", req.URL.Scheme)}
	}
	req.Header.Set("User-Agent", cmpOr(f.UserAgent, "stormdesk-upstream"))
	req.Header.Set("Accept", "application/json, application/rss+xml, application/atom+xml;q=0.9, application/xml;q=0.8, */*;q=0.1")
	if prev.ETag != "" {
		req.Header.Set("If-None-Match", prev.ETag)
	}
	if prev.LastModified != "" {
		req.Header.Set("If-Modified-Since", prev.LastModified)
	}
	now := f.Now
	if now == nil {
		now = time.Now
	}
	client := f.Client
	if client == nil {
		client = defaultClient
	}
	start := now()
	resp, err := client.Do(req)
	if err != nil {
		return nil, &FetchError{Class: ErrUnreachable, URL: safe, Err: transportCause(ctx, err)}
	}
	defer resp.Body.Close()
	res := &FetchResult{
		Status:      resp.StatusCode,
		ContentType: resp.Header.Get("Content-Type"),
		Validators:  Validators{ETag: cmpOr(resp.Header.Get("ETag"), prev.ETag), LastModified: cmpOr(resp.Header.Get("Last-Modified"), prev.LastModified)},
	}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		res.NotModified = true
		res.Latency = now().Sub(start)
		return res, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		// Drain a little so that the connection can be reused.
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		fe := &FetchError{Class: ErrHTTPStatus, URL: safe, Status: resp.StatusCode}
		if d, ok := parseRetryAfter(resp.Header.Get("Retry-After")); ok {
			fe.RetryAfter = d
		}
		return nil, fe
	}
	limit := f.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	if resp.ContentLength > limit {
		return nil, &FetchError{Class: ErrTooLarge, URL: safe, Status: resp.StatusCode,
			Err: fmt.Errorf("Content-Length %d is over the %d-byte cap", resp.ContentLength, limit)}
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, &FetchError{Class: ErrUnreachable, URL: safe, Status: resp.StatusCode, Err: transportCause(ctx, err)}
	}
	if int64(len(body)) > limit {
		return nil, &FetchError{Class: ErrTooLarge, URL: safe, Status: resp.StatusCode,
			Err: fmt.Errorf("body is over the %d-byte cap", limit)}
	}
	res.Body = body
	res.Latency = now().Sub(start)
	return res, nil
}

// transportCause strips the URL that net/http puts in its errors (it may
// hold a token in the query) and says "timeout" plainly.
func transportCause(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return fmt.Errorf("timeout: %w", ctx.Err())
		}
		return ctx.Err()
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		if ue.Timeout() {
			return fmt.Errorf("timeout: %w", ue.Err)
		}
		return ue.Err
	}
	return err
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// Backoff is the wait before the next attempt after consecutiveFailures
// failures in a row: base doubled for each failure after the first, capped
// at max, then scaled by a jitter factor in [0.5, 1] drawn from seed and
// the failure count. The same inputs always give the same wait, so tests
// and replays are exact, while different seeds (one per provider, see
// Seed) keep pollers from retrying in step. No failures means no wait.
func Backoff(consecutiveFailures int, base, max time.Duration, seed uint64) time.Duration {
	if consecutiveFailures <= 0 || base <= 0 {
		return 0
	}
	if max < base {
		max = base
	}
	d := float64(base) * math.Pow(2, float64(min(consecutiveFailures-1, 62)))
	if d > float64(max) {
		d = float64(max)
	}
	r := splitmix64(seed ^ uint64(consecutiveFailures)*0x9e3779b97f4a7c15)
	frac := float64(r>>11) / (1 << 53)
	return time.Duration(d * (0.5 + frac/2))
}

// Seed derives a jitter seed from a name, such as the provider's.
func Seed(name string) uint64 {
	// FNV-1a, 64 bits.
	h := uint64(14695981039346656037)
	for i := 0; i < len(name); i++ {
		h ^= uint64(name[i])
		h *= 1099511628211
	}
	return h
}

func splitmix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// parseRetryAfter reads a Retry-After header given in seconds.
func parseRetryAfter(h string) (time.Duration, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(h))
	if err != nil || n < 0 {
		return 0, false
	}
	return time.Duration(n) * time.Second, true
}

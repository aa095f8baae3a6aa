package zendesk_test

import (
	"context"
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"stormdesk/connectors/zendesk"
	"stormdesk/connectors/zendesk/zendesktest"
	"stormdesk/internal/golden"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

const (
	wbEmail = "agent@example.com"
	wbToken = "zd-s3cret-T0KEN"
)

// recorded is one request the stand-in Zendesk received.
type recorded struct {
	method, path, auth, contentType, idempotencyKey string
	body                                            []byte
}

// zendeskStandIn answers like Zendesk's Tickets API: 201 with the created
// ticket on POST /api/v2/tickets.json, 200 with the ticket on PUT
// /api/v2/tickets/{id}.json; it records every request.
func zendeskStandIn(t *testing.T) (*zendesk.Client, func() []recorded) {
	t.Helper()
	var mu sync.Mutex
	var reqs []recorded
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		reqs = append(reqs, recorded{r.Method, r.URL.Path, r.Header.Get("Authorization"),
			r.Header.Get("Content-Type"), r.Header.Get("Idempotency-Key"), b})
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		switch {
		case r.Method == http.MethodPost && r.URL.Path == "/api/v2/tickets.json":
			w.WriteHeader(http.StatusCreated)
			io.WriteString(w, `{"ticket":{"id":5001,"type":"problem","status":"new"},"audit":{"id":1}}`)
		case r.Method == http.MethodPut && strings.HasPrefix(r.URL.Path, "/api/v2/tickets/"):
			io.WriteString(w, `{"ticket":{"id":1},"audit":{"id":2}}`)
		default:
			w.WriteHeader(http.StatusNotFound)
			io.WriteString(w, `{"error":"InvalidEndpoint","description":"Not found"}`)
		}
	}))
	t.Cleanup(srv.Close)
	c := &zendesk.Client{BaseURL: srv.URL, Email: wbEmail, APIToken: wbToken}
	return c, func() []recorded { mu.Lock(); defer mu.Unlock(); return append([]recorded(nil), reqs...) }
}

func TestWriteBackRequests(t *testing.T) {
	ctx := context.Background()
	wantAuth := "Basic " + base64.StdEncoding.EncodeToString([]byte(wbEmail+"/token:"+wbToken))
	for _, tc := range []struct {
		name, method, path, key string
		call                    func(*zendesk.Client) error
	}{
		{"create_problem", "POST", "/api/v2/tickets.json", "stormdesk-incident-42-problem", func(c *zendesk.Client) error {
			id, err := c.CreateProblem(ctx, "stormdesk-incident-42-problem", "Login fails for EU customers",
				"stormdesk incident 42: https://stormdesk.example.com/incidents/42\nUpstream: auth-eu 503 <since 10:02>",
				[]string{"stormdesk", "stormdesk_incident_42"})
			if err == nil && id != 5001 {
				t.Errorf("id %d, want 5001", id)
			}
			return err
		}},
		{"link_incident", "PUT", "/api/v2/tickets/101.json", "", func(c *zendesk.Client) error {
			return c.LinkIncident(ctx, 101, 5001, "stormdesk_incident_42", "Linked to stormdesk incident 42 & its problem ticket.")
		}},
		{"unlink", "PUT", "/api/v2/tickets/101.json", "", func(c *zendesk.Client) error {
			return c.Unlink(ctx, 101, "stormdesk_incident_42")
		}},
		{"comment_public", "PUT", "/api/v2/tickets/5001.json", "", func(c *zendesk.Client) error {
			return c.Comment(ctx, 5001, "We are investigating login failures in the EU.", true)
		}},
		{"comment_internal", "PUT", "/api/v2/tickets/5001.json", "", func(c *zendesk.Client) error {
			return c.Comment(ctx, 5001, "Acknowledged by ops on call.", false)
		}},
		{"solve", "PUT", "/api/v2/tickets/5001.json", "", func(c *zendesk.Client) error {
			return c.Solve(ctx, 5001, "Logins work again. Sorry for the trouble.")
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, reqs := zendeskStandIn(t)
			if err := tc.call(c); err != nil {
				t.Fatal(err)
			}
			rs := reqs()
			if len(rs) != 1 {
				t.Fatalf("%d requests, want exactly 1", len(rs))
			}
			r := rs[0]
			if r.method != tc.method || r.path != tc.path {
				t.Errorf("%s %s, want %s %s", r.method, r.path, tc.method, tc.path)
			}
			if r.auth != wantAuth {
				t.Errorf("Authorization %q, want %q", r.auth, wantAuth)
			}
			if r.contentType != "application/json" {
				t.Errorf("Content-Type %q", r.contentType)
			}
			if r.idempotencyKey != tc.key {
				t.Errorf("Idempotency-Key %q, want %q", r.idempotencyKey, tc.key)
			}
			golden.Check(t, "writeback_"+tc.name, r.body, *update)
		})
	}
}

func TestWriteBackOAuthBearer(t *testing.T) {
	c, reqs := zendeskStandIn(t)
	c.APIToken, c.OAuthToken = "", "oauth-T0KEN"
	if err := c.Comment(context.Background(), 7, "x", false); err != nil {
		t.Fatal(err)
	}
	if got := reqs()[0].auth; got != "Bearer oauth-T0KEN" {
		t.Errorf("Authorization %q", got)
	}
}

func TestCreateProblemWithoutKeySendsNoHeader(t *testing.T) {
	c, reqs := zendeskStandIn(t)
	if _, err := c.CreateProblem(context.Background(), "", "s", "n", nil); err != nil {
		t.Fatal(err)
	}
	if k := reqs()[0].idempotencyKey; k != "" {
		t.Errorf("Idempotency-Key %q without a key", k)
	}
}

// TestWriteBackStatusClassification: Zendesk's refusals, in its documented
// error shapes, classified for the retry stage; exactly one request each
// (the client never retries a write itself); the token never in the error,
// even when the answer echoes the credentials.
func TestWriteBackStatusClassification(t *testing.T) {
	basic := base64.StdEncoding.EncodeToString([]byte(wbEmail + "/token:" + wbToken))
	for _, tc := range []struct {
		status     int
		retryAfter string
		body       string
		retry      bool
		after      time.Duration
		reason     string
	}{
		{401, "", `{"error":"Couldn't authenticate you","token":"` + wbToken + `"}`, false, 0, "Couldn't authenticate you"},
		{403, "", `{"error":{"title":"Forbidden","message":"You do not have access to this page. Basic ` + basic + `"}}`, false, 0, "Forbidden: You do not have access"},
		{404, "", `{"error":"RecordNotFound","description":"Not found"}`, false, 0, "404 Not Found: RecordNotFound: Not found"},
		{422, "", `{"error":"RecordInvalid","description":"Record validation errors","details":{"base":[{"description":"Problem id is invalid"}]}}`, false, 0, "RecordInvalid: Record validation errors: {\"base\":[{\"description\":\"Problem id is invalid\"}]}"},
		{429, "37", `{"error":"APIRateLimitExceeded"}`, true, 37 * time.Second, "429 Too Many Requests: APIRateLimitExceeded"},
		{429, "", `Rate limited`, true, time.Minute, "Rate limited"},
		{409, "", `{"error":"TooManyConcurrentUpdates"}`, true, 0, "409 Conflict"},
		{503, "5", `<html>Service Unavailable</html>`, true, 5 * time.Second, "503 Service Unavailable"},
		{500, "", ``, true, 0, "500 Internal Server Error"},
	} {
		t.Run(http.StatusText(tc.status), func(t *testing.T) {
			var n atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				n.Add(1)
				if tc.retryAfter != "" {
					w.Header().Set("Retry-After", tc.retryAfter)
				}
				w.WriteHeader(tc.status)
				io.WriteString(w, tc.body)
			}))
			defer srv.Close()
			c := &zendesk.Client{BaseURL: srv.URL, Email: wbEmail, APIToken: wbToken}
			for name, call := range map[string]func() error{
				"create": func() error {
					_, err := c.CreateProblem(context.Background(), "k", "s", "n", nil)
					return err
				},
				"link":    func() error { return c.LinkIncident(context.Background(), 1, 2, "t", "n") },
				"unlink":  func() error { return c.Unlink(context.Background(), 1, "t") },
				"comment": func() error { return c.Comment(context.Background(), 2, "b", true) },
				"solve":   func() error { return c.Solve(context.Background(), 2, "b") },
			} {
				n.Store(0)
				err := call()
				if got := n.Load(); got != 1 {
					t.Errorf("%s: %d requests, want 1 (no retry inside the client)", name, got)
				}
				var ae *zendesk.APIError
				if !errors.As(err, &ae) {
					t.Fatalf("%s: %v (%T), want *APIError", name, err, err)
				}
				if ae.Status != tc.status || ae.Retry != tc.retry || ae.RetryAfter != tc.after {
					t.Errorf("%s: status %d retry %v after %v, want %d %v %v", name, ae.Status, ae.Retry, ae.RetryAfter, tc.status, tc.retry, tc.after)
				}
				if retry, after := zendesk.Retryable(err); retry != tc.retry || after != tc.after {
					t.Errorf("%s: Retryable = %v %v", name, retry, after)
				}
				msg := err.Error()
				if !strings.Contains(msg, tc.reason) {
					t.Errorf("%s: error %q does not say %q", name, msg, tc.reason)
				}
				if strings.Contains(msg, wbToken) || strings.Contains(msg, basic) {
					t.Errorf("%s: error carries the credentials: %q", name, msg)
				}
			}
		})
	}
}

func TestWriteBackNoAnswerIsRetryableWithoutToken(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	url := srv.URL
	srv.Close() // nothing listens any more
	c := &zendesk.Client{BaseURL: url, Email: wbEmail, APIToken: wbToken}
	err := c.Solve(context.Background(), 5001, "done")
	if retry, _ := zendesk.Retryable(err); !retry {
		t.Errorf("no answer: %v not retryable", err)
	}
	if err == nil || strings.Contains(err.Error(), wbToken) {
		t.Errorf("error %v", err)
	}
}

func TestWriteBackCancelledIsNotRetryable(t *testing.T) {
	c, _ := zendeskStandIn(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := c.Solve(ctx, 5001, "done")
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err %v, want context.Canceled", err)
	}
	if retry, _ := zendesk.Retryable(err); retry {
		t.Error("cancelled call retryable")
	}
}

func TestWriteBackRefusesMissingArguments(t *testing.T) {
	c, reqs := zendeskStandIn(t)
	ctx := context.Background()
	for name, err := range map[string]error{
		"create":  func() error { _, err := c.CreateProblem(ctx, "k", " ", "n", nil); return err }(),
		"link":    c.LinkIncident(ctx, 1, 0, "t", "n"),
		"unlink":  c.Unlink(ctx, 0, "t"),
		"comment": c.Comment(ctx, 2, "", true),
		"solve":   c.Solve(ctx, 0, "b"),
	} {
		if err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if n := len(reqs()); n != 0 {
		t.Errorf("%d requests sent for invalid calls", n)
	}
}

// TestDeskErrorsForTheRetryStage: the writer the helpdesk dispatcher
// drives says, for each refusal, what the one retry stage needs: a 429
// retryable after Zendesk's Retry-After, a 404 (a deleted ticket) and a
// 401 permanent with their status, and a malformed id permanent without
// a request.
func TestDeskErrorsForTheRetryStage(t *testing.T) {
	ctx := context.Background()
	zd := zendesktest.New(t)
	d := zendesk.Desk{Client: &zendesk.Client{BaseURL: zd.URL, Email: zd.Email, APIToken: zd.Token}}
	type stage interface {
		Retryable() bool
		RetryAfter() time.Duration
		HTTPStatus() int
	}
	check := func(name string, err error, retry bool, after time.Duration, status int, reason string) {
		t.Helper()
		var s stage
		if !errors.As(err, &s) {
			t.Fatalf("%s: %v (%T) does not answer the retry stage", name, err, err)
		}
		if s.Retryable() != retry || s.RetryAfter() != after || s.HTTPStatus() != status || !strings.Contains(err.Error(), reason) {
			t.Errorf("%s: retry %v after %v, status %d, %q; want %v after %v, %d, containing %q", name, s.Retryable(), s.RetryAfter(), s.HTTPStatus(), err,
				retry, after, status, reason)
		}
	}
	problem, err := d.CreateProblem(ctx, 42, "helpdesk:zendesk:problem:42", "Login fails", "internal")
	if err != nil || problem != "9001" {
		t.Fatalf("create: %q %v", problem, err)
	}
	if again, err := d.CreateProblem(ctx, 42, "helpdesk:zendesk:problem:42", "Login fails", "internal"); err != nil || again != problem {
		t.Fatalf("a retry with the same key made %q, %v; want %s", again, err, problem)
	}
	zd.RateLimitNext(101, 1, 45*time.Second)
	check("429", d.Link(ctx, 42, "101", problem, "note"), true, 45*time.Second, 429, "APIRateLimitExceeded")
	if err := d.Link(ctx, 42, "101", problem, "note"); err != nil {
		t.Fatalf("link after the reset: %v", err)
	}
	zd.Delete(102)
	check("404", d.Link(ctx, 42, "102", problem, "note"), false, 0, 404, "RecordNotFound: Not found")
	n := len(zd.Calls())
	err = d.Link(ctx, 42, "not-a-ticket", problem, "note")
	var s interface{ Retryable() bool }
	if !errors.As(err, &s) || s.Retryable() || len(zd.Calls()) != n {
		t.Errorf("malformed id: %v, %d requests made", err, len(zd.Calls())-n)
	}
	calls := zd.Calls()
	if c := calls[len(calls)-2]; c.Ticket.Type != "incident" || *c.Ticket.ProblemID != 9001 || c.Ticket.AdditionalTags[0] != "stormdesk_incident_42" {
		t.Errorf("link body: %+v", c.Ticket)
	}
	token := zd.Token
	zd.Token = "rotated"
	check("401", d.Solve(ctx, problem, "Fixed."), false, 0, 401, "STORMDESK_ZENDESK_API_TOKEN")
	if strings.Contains(fmt.Sprint(d.Solve(ctx, problem, "Fixed.")), token) {
		t.Error("an error carries the token")
	}
}

// TestDeskCommentsAtMostOnce: a public comment or solve whose request
// reached Zendesk but got no answer (a timeout) is not retried, since it
// may have been posted (the stand-in shows it was); a link in the same
// case is retried (it is idempotent), and so is a comment whose
// connection could not be made.
func TestDeskCommentsAtMostOnce(t *testing.T) {
	zd := zendesktest.New(t)
	zd.Delay = 300 * time.Millisecond
	d := zendesk.Desk{Client: &zendesk.Client{BaseURL: zd.URL, Email: zd.Email, APIToken: zd.Token}}
	retryable := func(err error) bool {
		var s interface{ Retryable() bool }
		return errors.As(err, &s) && s.Retryable()
	}
	short := func() context.Context {
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		t.Cleanup(cancel)
		return ctx
	}
	if err := d.Comment(short(), "9001", "Update."); err == nil || retryable(err) || !strings.Contains(err.Error(), "may have been posted") {
		t.Errorf("comment without an answer: %v, want a permanent error", err)
	}
	if err := d.Solve(short(), "9001", "Fixed."); err == nil || retryable(err) {
		t.Errorf("solve without an answer: %v, want a permanent error", err)
	}
	if err := d.Link(short(), 42, "101", "9001", "note"); err == nil || !retryable(err) {
		t.Errorf("link without an answer: %v, want a retryable error", err)
	}
	time.Sleep(400 * time.Millisecond)
	if n := len(zd.Calls()); n != 3 {
		t.Errorf("the stand-in answered %d requests, want the 3 that timed out: they reached it", n)
	}
	dead := zendesk.Desk{Client: &zendesk.Client{BaseURL: "http://127.0.0.1:1", Email: zd.Email, APIToken: zd.Token}}
	if err := dead.Comment(context.Background(), "9001", "Update."); err == nil || !retryable(err) {
		t.Errorf("comment whose connection was refused: %v, want a retryable error", err)
	}
}

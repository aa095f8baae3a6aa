package intercom_test

import (
	"context"
	"errors"
	"flag"
	"strings"
	"testing"
	"time"

	"stormdesk/connectors/intercom"
	"stormdesk/connectors/intercom/intercomtest"
	"stormdesk/internal/golden"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// TestReplyRequest: one request, the documented path, bearer token,
// Intercom-Version, and the golden body: an admin comment whose text is
// escaped HTML paragraphs.
func TestReplyRequest(t *testing.T) {
	ic := intercomtest.New(t)
	c := &intercom.Client{BaseURL: ic.URL, Token: ic.Token, AdminID: "814860"}
	if err := c.Reply(context.Background(), "1911149811", "Hello,\n\nWe are aware of a problem affecting <login>.\nWe are on it.\n\nAcme Support"); err != nil {
		t.Fatal(err)
	}
	calls := ic.Calls()
	if len(calls) != 1 || calls[0].Status != 200 || calls[0].Conversation != "1911149811" || calls[0].Version != intercom.APIVersion {
		t.Fatalf("calls %+v", calls)
	}
	golden.Check(t, "writeback_reply", calls[0].Body, *update)
}

// TestReplyErrorsForTheRetryStage: a 429 waits until X-RateLimit-Reset, a
// deleted conversation (404) and a bad token (401) are permanent with
// Intercom's reason and no token; a reply that got no answer after it may
// have reached Intercom is not retried (it may have been posted), one
// whose connection was refused is.
func TestReplyErrorsForTheRetryStage(t *testing.T) {
	ctx := context.Background()
	ic := intercomtest.New(t)
	now := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
	ic.Now = func() time.Time { return now }
	c := &intercom.Client{BaseURL: ic.URL, Token: ic.Token, AdminID: "814860", Now: ic.Now}
	var e *intercom.APIError
	ic.RateLimitNext(1, 30*time.Second)
	if err := c.Reply(ctx, "7", "Update."); !errors.As(err, &e) || !e.Retryable() || e.HTTPStatus() != 429 || e.RetryAfter() < 30*time.Second || e.RetryAfter() > 32*time.Second {
		t.Errorf("429: %v (wait %v)", err, e.RetryAfter())
	}
	ic.Delete("8")
	if err := c.Reply(ctx, "8", "Update."); !errors.As(err, &e) || e.Retryable() || e.HTTPStatus() != 404 || !strings.Contains(err.Error(), "not_found: Resource Not Found") {
		t.Errorf("404: %v", err)
	}
	bad := &intercom.Client{BaseURL: ic.URL, Token: "wrong-token-123", AdminID: "814860"}
	if err := bad.Reply(ctx, "7", "Update."); !errors.As(err, &e) || e.Retryable() || e.HTTPStatus() != 401 ||
		!strings.Contains(err.Error(), "Access Token Invalid") || strings.Contains(err.Error(), "wrong-token-123") {
		t.Errorf("401: %v", err)
	}
	slow := intercomtest.New(t)
	slowDesk := &intercom.Client{BaseURL: slow.URL, Token: slow.Token, AdminID: "814860"}
	hang := make(chan struct{})
	defer close(hang)
	tctx, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	slow.Now = func() time.Time { <-hang; return now } // the stand-in holds the request
	if err := slowDesk.Reply(tctx, "7", "Update."); !errors.As(err, &e) || e.Retryable() || !strings.Contains(err.Error(), "may have been posted") {
		t.Errorf("no answer: %v", err)
	}
	dead := &intercom.Client{BaseURL: "http://127.0.0.1:1", Token: ic.Token, AdminID: "814860"}
	if err := dead.Reply(ctx, "7", "Update."); !errors.As(err, &e) || !e.Retryable() {
		t.Errorf("connection refused: %v", err)
	}
}

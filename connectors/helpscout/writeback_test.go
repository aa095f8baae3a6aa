package helpscout_test

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"testing"
	"time"

	"stormdesk"
	"stormdesk/connectors/helpscout"
	"stormdesk/connectors/helpscout/helpscouttest"
	"stormdesk/internal/golden"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// TestReplyRequest: one request, the documented path and bearer token,
// and the golden body: the customer's id as a number, the text as escaped
// HTML paragraphs, and the status (active for an update, closed for the
// resolution).
func TestReplyRequest(t *testing.T) {
	hs := helpscouttest.New(t)
	d := helpscout.Desk{Client: &helpscout.Client{BaseURL: hs.URL, Token: hs.Token}}
	ctx := context.Background()
	if err := d.Reply(ctx, stormdesk.Reply{Conversation: "291938", Customer: "29418",
		Text: "Hello,\n\nWe are aware of a problem affecting <quizzes>.\nWe are on it.\n\nAcme Support"}); err != nil {
		t.Fatal(err)
	}
	if err := d.Reply(ctx, stormdesk.Reply{Conversation: "291940", Customer: "29420", Text: "It is fixed.", Resolved: true}); err != nil {
		t.Fatal(err)
	}
	calls := hs.Calls()
	if len(calls) != 2 || calls[0].Status != 201 || calls[0].Conversation != "291938" || calls[1].Status != 201 || calls[1].Reply.Status != helpscout.StatusClosed {
		t.Fatalf("calls %+v", calls)
	}
	golden.Check(t, "writeback_reply", calls[0].Body, *update)
}

// TestReplyErrorsForTheRetryStage: a 429 waits X-RateLimit-Retry-After; a
// deleted conversation (404), a mailbox out of reach (403), a customer
// not in the conversation (422) and a bad token (401) are permanent with
// Help Scout's reason and no token; a conversation without a stored
// customer id is read for it (Get Conversation), and not replied to when
// that fails; a reply that got no answer
// after it may have reached Help Scout is not retried (it may have been
// sent), one whose connection was refused is.
func TestReplyErrorsForTheRetryStage(t *testing.T) {
	ctx := context.Background()
	hs := helpscouttest.New(t)
	c := &helpscout.Client{BaseURL: hs.URL, Token: hs.Token}
	var e *helpscout.APIError
	hs.RateLimitNext(1, 30*time.Second)
	if err := c.Reply(ctx, "7", "70", "Update.", helpscout.StatusActive); !errors.As(err, &e) || !e.Retryable() || e.HTTPStatus() != 429 ||
		e.RetryAfter() < 30*time.Second || e.RetryAfter() > 32*time.Second {
		t.Errorf("429: %v", err)
	}
	hs.Delete("8")
	if err := c.Reply(ctx, "8", "80", "Update.", helpscout.StatusActive); !errors.As(err, &e) || e.Retryable() || e.HTTPStatus() != 404 ||
		!strings.Contains(err.Error(), "Conversation not found") {
		t.Errorf("404: %v", err)
	}
	hs.Forbid("9")
	if err := c.Reply(ctx, "9", "90", "Update.", helpscout.StatusActive); !errors.As(err, &e) || e.Retryable() || e.HTTPStatus() != 403 ||
		!strings.Contains(err.Error(), "Access denied") {
		t.Errorf("403: %v", err)
	}
	hs.Customer("10", "100")
	if err := c.Reply(ctx, "10", "101", "Update.", helpscout.StatusActive); !errors.As(err, &e) || e.Retryable() || e.HTTPStatus() != 422 ||
		!strings.Contains(err.Error(), "customer.id: customer is not part of the conversation") {
		t.Errorf("422: %v", err)
	}
	bad := &helpscout.Client{BaseURL: hs.URL, Token: "wrong-token-123"}
	if err := bad.Reply(ctx, "7", "70", "Update.", helpscout.StatusActive); !errors.As(err, &e) || e.Retryable() || e.HTTPStatus() != 401 ||
		!strings.Contains(err.Error(), "STORMDESK_HELPSCOUT_ACCESS_TOKEN") || strings.Contains(err.Error(), "wrong-token-123") {
		t.Errorf("401: %v", err)
	}
	// Without a stored customer the conversation is read for it: found,
	// the reply names it; not found, no reply is sent.
	hs.Customer("12", "120")
	before := len(hs.Calls())
	if err := c.Reply(ctx, "12", "", "Update.", helpscout.StatusActive); err != nil {
		t.Errorf("customer read from the conversation: %v", err)
	}
	if calls := hs.Calls(); len(calls) != before+1 || calls[before].Status != 201 || calls[before].Reply.Customer.ID.String() != "120" {
		t.Errorf("reply after reading the customer: %+v", calls[before:])
	}
	if err := c.Reply(ctx, "11", "", "Update.", helpscout.StatusActive); !errors.As(err, &e) || e.Retryable() || e.HTTPStatus() != 404 ||
		e.Method != "GET" || !strings.Contains(err.Error(), "Conversation not found") {
		t.Errorf("no customer, conversation not found: %v", err)
	}
	if len(hs.Calls()) != before+1 || strings.Join(hs.Lookups(), " ") != "12 11" {
		t.Errorf("calls %+v, lookups %q", hs.Calls()[before:], hs.Lookups())
	}
	if err := c.Reply(ctx, "13", "not-a-number", "Update.", helpscout.StatusActive); !errors.As(err, &e) || e.Retryable() ||
		!strings.Contains(err.Error(), stormdesk.ReplyNotSent) {
		t.Errorf("a customer id that is not Help Scout's: %v", err)
	}

	slow := helpscouttest.New(t)
	slowClient := &helpscout.Client{BaseURL: slow.URL, Token: slow.Token}
	hang := make(chan struct{})
	defer close(hang)
	tctx, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	slow.Now = func() time.Time { <-hang; return time.Now() } // the stand-in holds the request
	if err := slowClient.Reply(tctx, "7", "70", "Update.", helpscout.StatusActive); !errors.As(err, &e) || e.Retryable() || !strings.Contains(err.Error(), "may have been sent") {
		t.Errorf("no answer: %v", err)
	}
	dead := &helpscout.Client{BaseURL: "http://127.0.0.1:1", Token: hs.Token}
	if err := dead.Reply(ctx, "7", "70", "Update.", helpscout.StatusActive); !errors.As(err, &e) || !e.Retryable() {
		t.Errorf("connection refused: %v", err)
	}
}

// TestReplyClientCredentials: with the app's id and secret the client
// gets a token by the client credentials flow, keeps it for many replies,
// renews it before it expires, gets a new one once when Help Scout
// refuses a revoked one (the reply then goes, once), and a wrong secret
// is a permanent 401 on the token endpoint that names the variables and
// not the secret.
func TestReplyClientCredentials(t *testing.T) {
	ctx := context.Background()
	hs := helpscouttest.New(t)
	now := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
	hs.Now = func() time.Time { return now }
	hs.TokenTTL = time.Hour
	c := &helpscout.Client{BaseURL: hs.URL, AppID: hs.AppID, AppSecret: hs.AppSecret, Now: hs.Now}
	reply := func(conv string) error { return c.Reply(ctx, conv, "70", "Update.", helpscout.StatusActive) }
	for _, conv := range []string{"1", "2", "3"} {
		if err := reply(conv); err != nil {
			t.Fatal(err)
		}
	}
	if n := hs.TokenRequests(); n != 1 {
		t.Fatalf("%d token requests for three replies, want 1", n)
	}
	now = now.Add(56 * time.Minute) // within renewBefore of the hour
	if err := reply("4"); err != nil || hs.TokenRequests() != 2 {
		t.Fatalf("renewal: %v, %d token requests", err, hs.TokenRequests())
	}
	hs.RevokeTokens()
	if err := reply("5"); err != nil || hs.TokenRequests() != 3 {
		t.Fatalf("after a revocation: %v, %d token requests", err, hs.TokenRequests())
	}
	var got []string
	for _, call := range hs.Calls() {
		got = append(got, fmt.Sprintf("%s:%d", call.Conversation, call.Status))
	}
	if strings.Join(got, " ") != "1:201 2:201 3:201 4:201 5:401 5:201" {
		t.Errorf("reply requests %q", got)
	}

	bad := &helpscout.Client{BaseURL: hs.URL, AppID: hs.AppID, AppSecret: "wrong-app-secret", Now: hs.Now}
	var e *helpscout.APIError
	err := bad.Reply(ctx, "6", "70", "Update.", helpscout.StatusActive)
	if !errors.As(err, &e) || e.Retryable() || e.HTTPStatus() != 401 || e.Path != helpscout.TokenPath ||
		!strings.Contains(err.Error(), "STORMDESK_HELPSCOUT_APP_SECRET") || !strings.Contains(err.Error(), "invalid_client: Client authentication failed") || strings.Contains(err.Error(), "wrong-app-secret") {
		t.Errorf("wrong secret: %v", err)
	}
	if calls := hs.Calls(); calls[len(calls)-1].Conversation == "6" {
		t.Error("a reply was sent without a token")
	}
}

package slack

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"stormdesk/bot"
)

// TestPostErrorsAreClassified: what slack-go returns for a post or an
// edit is classified for the chat outbox's retry stage.
func TestPostErrorsAreClassified(t *testing.T) {
	for _, tc := range []struct {
		err   error
		retry bool
		after time.Duration
	}{
		{&slack.RateLimitedError{RetryAfter: 30 * time.Second}, true, 30 * time.Second},
		{slack.StatusCodeError{Code: 503, Status: "503 Service Unavailable"}, true, 0},
		{slack.StatusCodeError{Code: 404, Status: "404 Not Found"}, false, 0},
		{slack.SlackErrorResponse{Err: "ratelimited"}, true, 0},
		{slack.SlackErrorResponse{Err: "channel_not_found"}, false, 0},
		{fmt.Errorf("post: %w", slack.SlackErrorResponse{Err: "invalid_auth"}), false, 0},
	} {
		var pe *bot.PostError
		if err := postError(tc.err); !errors.As(err, &pe) || pe.Retryable() != tc.retry || pe.RetryAfter() != tc.after {
			t.Errorf("%v: classified as %+v, want retry %v after %v", tc.err, pe, tc.retry, tc.after)
		}
	}
	if err := postError(errors.New("connection refused")); errors.As(err, new(*bot.PostError)) {
		t.Error("a transport error was classified; it should be left to the default (retry)")
	}
}

package discord

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync/atomic"
	"testing"
	"time"

	"stormdesk/bot"
	"stormdesk/desk/desktest"
)

// TestAlertPostFailuresAreClassified: Discord's answers to an alert post
// come back classified for the chat outbox's retry stage. A 429 is not
// slept through inside the request: it returns at once with the wait
// Discord asked for (the body's retry_after, which Discord also sends as
// X-RateLimit-Reset-After).
func TestAlertPostFailuresAreClassified(t *testing.T) {
	for _, tc := range []struct {
		status int
		header map[string]string
		body   string
		retry  bool
		after  time.Duration
	}{
		{http.StatusTooManyRequests, map[string]string{"X-RateLimit-Reset-After": "2.5", "Retry-After": "3"},
			`{"message":"You are being rate limited.","retry_after":2.5,"global":false}`, true, 2500 * time.Millisecond},
		{http.StatusServiceUnavailable, nil, `{"message":"upstream"}`, true, 0},
		{http.StatusForbidden, nil, `{"message":"Missing Access","code":50001}`, false, 0},
	} {
		t.Run(fmt.Sprint(tc.status), func(t *testing.T) {
			var calls atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				calls.Add(1)
				for k, v := range tc.header {
					w.Header().Set(k, v)
				}
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(tc.status)
				io.WriteString(w, tc.body)
			}))
			defer srv.Close()
			u, _ := url.Parse(srv.URL)
			quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
			d := desktest.New(t)
			a, err := New(Config{PublicKey: "6d31c5a4a8f5e1b2a4b9a0e8cf2a4d7e6f5b8a9c0d1e2f3a4b5c6d7e8f9a0b1c", BotToken: "bot-token", AppID: "5550001",
				AlertChannel: "4440001", HTTPClient: &http.Client{Transport: redirect{u}, Timeout: 5 * time.Second}}, bot.NewCore(d, bot.Policy{}, quiet), quiet)
			if err != nil {
				t.Fatal(err)
			}
			inc, _ := d.Incident(context.Background(), 1)
			err = a.Alert(context.Background(), inc, "burst")
			var pe *bot.PostError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v (%T), want a bot.PostError", err, err)
			}
			if pe.Retryable() != tc.retry || pe.RetryAfter() != tc.after || pe.HTTPStatus() != tc.status {
				t.Errorf("classified as retry %v after %v status %d; want %v, %v, %d", pe.Retryable(), pe.RetryAfter(), pe.HTTPStatus(), tc.retry, tc.after, tc.status)
			}
			if tc.status == http.StatusTooManyRequests && calls.Load() != 1 {
				t.Errorf("%d requests: the 429 was retried inside the request", calls.Load())
			}
		})
	}
}

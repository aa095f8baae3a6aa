package notify_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"stormdesk"
	"stormdesk/notify"
	"stormdesk/notify/sendgridtest"
)

const testKey = "SG.test-key-must-never-leak"

func newSender(url string) *notify.SendGrid {
	return &notify.SendGrid{APIKey: testKey, BaseURL: url, FromEmail: "status@example.com", FromName: "Acme Status",
		ReplyTo: "support@example.com", Client: &http.Client{Timeout: 5 * time.Second}}
}

func batchOf(n int) *notify.Batch {
	b := &notify.Batch{Token: "tok-1", Message: stormdesk.OutboundMessage{IncidentID: 42, MessageID: "inc42-upd3", Template: "update",
		Subject: "Update: login failures", Text: "We are on it.\nUnsubscribe: " + notify.UnsubscribeTag,
		HTML: `<p>We are on it.</p><a href="` + notify.UnsubscribeTag + `">Unsubscribe</a>`}}
	for i := range n {
		e := fmt.Sprintf("c%04d@example.com", i)
		b.Recipients = append(b.Recipients, notify.Recipient{ID: int64(i + 1), Email: e, Name: fmt.Sprintf("Customer %d", i),
			UnsubscribeURL: "https://acme.example/unsub?t=" + e})
	}
	return b
}

func TestSendGridRequestShape(t *testing.T) {
	srv := sendgridtest.New(t)
	srv.APIKey = testKey
	res, err := newSender(srv.URL).Send(context.Background(), batchOf(3))
	if err != nil {
		t.Fatal(err)
	}
	if res.ProviderID == "" {
		t.Error("no provider id from X-Message-Id")
	}
	req, h := srv.LastAccepted()
	if got := h.Get("Authorization"); got != "Bearer "+testKey {
		t.Errorf("Authorization %q", got)
	}
	if req.From.Email != "status@example.com" || req.From.Name != "Acme Status" || req.ReplyTo.Email != "support@example.com" {
		t.Errorf("from/reply_to: %+v %+v", req.From, req.ReplyTo)
	}
	if !slices.Equal(req.Categories, []string{"stormdesk", "incident-42"}) {
		t.Errorf("categories %v", req.Categories)
	}
	if req.CustomArgs["message_id"] != "inc42-upd3" || req.CustomArgs["incident_id"] != "42" || req.CustomArgs["stormdesk_batch"] != "tok-1" {
		t.Errorf("custom_args %v", req.CustomArgs)
	}
	if len(req.Content) != 2 || req.Content[0].Type != "text/plain" || req.Content[1].Type != "text/html" {
		t.Errorf("content %+v", req.Content)
	}
	if len(req.Personalizations) != 3 || req.Personalizations[1].To[0].Name != "Customer 1" {
		t.Errorf("personalizations %+v", req.Personalizations)
	}
	srv.AssertRecipients(t, "inc42-upd3", []string{"c0000@example.com", "c0001@example.com", "c0002@example.com"})
	for _, d := range srv.Deliveries() {
		want := "https://acme.example/unsub?t=" + d.Email
		if !strings.Contains(d.Text, "Unsubscribe: "+want) || !strings.Contains(d.HTML, `href="`+want+`"`) {
			t.Errorf("%s did not get their own unsubscribe link:\n%s\n%s", d.Email, d.Text, d.HTML)
		}
	}
}

func TestSendGridBatchLimits(t *testing.T) {
	srv := sendgridtest.New(t)
	if _, err := newSender(srv.URL).Send(context.Background(), batchOf(notify.MaxBatch)); err != nil {
		t.Fatalf("a full batch: %v", err)
	}
	res, err := newSender(srv.URL).Send(context.Background(), batchOf(notify.MaxBatch+1))
	if err == nil || res.Retry {
		t.Fatalf("an oversized batch: %v, retry %v", err, res.Retry)
	}
	if srv.Requests() != 1 {
		t.Errorf("%d requests, want 1", srv.Requests())
	}
}

func TestSendGridClassifies(t *testing.T) {
	reset := time.Now().Add(90 * time.Second).Unix()
	cases := []struct {
		name       string
		status     int
		header     map[string]string
		body       string
		ok         bool
		retry      bool
		after      [2]time.Duration // range
		reason     string
		badIndexes []int
	}{
		{name: "accepted", status: 202, header: map[string]string{"X-Message-Id": "abc"}, ok: true},
		{name: "429 reset", status: 429, header: map[string]string{"X-RateLimit-Reset": strconv.FormatInt(reset, 10)},
			body: `{"errors":[{"message":"too many requests"}]}`, retry: true, after: [2]time.Duration{85 * time.Second, 91 * time.Second}, reason: "rate limited: too many requests"},
		{name: "429 retry-after", status: 429, header: map[string]string{"Retry-After": "7"}, retry: true,
			after: [2]time.Duration{7 * time.Second, 7 * time.Second}},
		{name: "429 bare", status: 429, retry: true},
		{name: "500", status: 500, body: `{"errors":[{"message":"internal"}]}`, retry: true, reason: "status 500: internal"},
		{name: "503 html", status: 503, body: `<html>busy</html>`, retry: true, reason: "unreadable error body"},
		{name: "400", status: 400, body: `{"errors":[{"message":"The from email does not contain a valid address.","field":"from.email","help":"http://x"}]}`,
			reason: "status 400: from.email: The from email does not contain a valid address."},
		{name: "400 some recipients", status: 400,
			body:       `{"errors":[{"message":"Does not contain a valid address.","field":"personalizations.1.to.0.email"}]}`,
			badIndexes: []int{1}},
		{name: "401", status: 401, body: `{"errors":[{"message":"The provided authorization grant is invalid, expired, or revoked"}]}`,
			reason: "authorization grant is invalid"},
		{name: "413", status: 413},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				for k, v := range c.header {
					w.Header().Set(k, v)
				}
				w.WriteHeader(c.status)
				fmt.Fprint(w, c.body)
			}))
			defer srv.Close()
			res, err := newSender(srv.URL).Send(context.Background(), batchOf(2))
			if (err == nil) != c.ok {
				t.Fatalf("err = %v, want ok %v", err, c.ok)
			}
			if c.ok {
				if res.ProviderID != "abc" {
					t.Errorf("provider id %q", res.ProviderID)
				}
				return
			}
			if res.Retry != c.retry {
				t.Errorf("retry = %v, want %v (%v)", res.Retry, c.retry, err)
			}
			if res.RetryAfter < c.after[0] || res.RetryAfter > c.after[1] {
				t.Errorf("retry after %v, want %v..%v", res.RetryAfter, c.after[0], c.after[1])
			}
			if !strings.Contains(err.Error(), c.reason) {
				t.Errorf("error %q does not contain %q", err, c.reason)
			}
			if !slices.Equal(res.BadRecipients, c.badIndexes) {
				t.Errorf("bad recipients %v, want %v", res.BadRecipients, c.badIndexes)
			}
			noSecrets(t, err, srv.URL)
		})
	}
}

func noSecrets(t *testing.T, err error, url string) {
	t.Helper()
	host := strings.TrimPrefix(url, "http://")
	for _, s := range []string{testKey, url, host, "sendgrid.com"} {
		if strings.Contains(err.Error(), s) {
			t.Errorf("error %q leaks %q", err, s)
		}
	}
}

func TestSendGridTransportErrorsRetryWithoutURL(t *testing.T) {
	srv := sendgridtest.New(t)
	srv.StallNext(1, 2*time.Second)
	s := newSender(srv.URL)
	s.Client.Timeout = 100 * time.Millisecond
	res, err := s.Send(context.Background(), batchOf(1))
	if err == nil || !res.Retry || !strings.Contains(err.Error(), "timeout") {
		t.Fatalf("stalled: %v, retry %v", err, res.Retry)
	}
	noSecrets(t, err, srv.URL)
	if srv.Accepted() != 0 {
		t.Error("the stalled request was accepted after the client left")
	}

	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	srv.StallNext(1, 2*time.Second)
	res, err = newSender(srv.URL).Send(ctx, batchOf(1))
	if err == nil || !res.Retry || !strings.Contains(err.Error(), "timeout") {
		t.Fatalf("context deadline: %v, retry %v", err, res.Retry)
	}

	dead := httptest.NewServer(http.NotFoundHandler())
	url := dead.URL
	dead.Close()
	res, err = newSender(url).Send(context.Background(), batchOf(1))
	if err == nil || !res.Retry || !strings.Contains(err.Error(), "connection error") {
		t.Fatalf("refused: %v, retry %v", err, res.Retry)
	}
	noSecrets(t, err, url)
}

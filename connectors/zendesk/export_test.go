package zendesk_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"stormdesk/connectors/zendesk"
)

// exportPages is a two-page export in Zendesk's documented shape:
// cursor pages with sideloaded users and organizations.
var exportPages = map[string]string{
	"": `{"tickets":[
	  {"id":101,"subject":"Login fails","description":"<p>I cannot <b>log in</b></p>","status":"new","requester_id":9001,"organization_id":77,"created_at":"2026-01-02T10:00:00Z","updated_at":"2026-01-02T10:00:00Z","generated_timestamp":1767348000,"tags":["login","sso","login"],"via":{"channel":"email","source":{"from":{"address":"ada@example.com"},"rel":null}}},
	  {"id":102,"subject":"gone","description":"x","status":"deleted","requester_id":9001,"created_at":"2026-01-02T10:01:00Z","generated_timestamp":1767348060}],
	 "users":[{"id":9001,"name":"Ada Lovelace","email":"ada@example.com"}],
	 "organizations":[{"id":77,"name":"Analytical Engines"}],
	 "after_cursor":"CUR1","after_url":"https://elsewhere.invalid/api/v2/incremental/tickets/cursor.json?cursor=CUR1","end_of_stream":false}`,
	"CUR1": `{"tickets":[
	  {"id":103,"subject":"","description":"Still down","status":"open","requester_id":9002,"organization_id":null,"created_at":"2026-01-02T10:02:00Z","generated_timestamp":1767348120,"tags":[],"via":{"channel":5}}],
	 "users":[{"id":9002,"name":"Grace","email":"grace@example.com"}],
	 "after_cursor":"CUR2","after_url":"","end_of_stream":true}`,
}

type request struct {
	path, query, auth string
}

func TestExportPagesWithCursorAndRetryAfter(t *testing.T) {
	var mu sync.Mutex
	var reqs []request
	limited := false
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		reqs = append(reqs, request{r.URL.Path, r.URL.RawQuery, r.Header.Get("Authorization")})
		cursor := r.URL.Query().Get("cursor")
		if cursor == "CUR1" && !limited {
			limited = true
			w.Header().Set("Retry-After", "1")
			http.Error(w, `{"error":"APIRateLimitExceeded"}`, http.StatusTooManyRequests)
			return
		}
		body, ok := exportPages[cursor]
		if !ok {
			http.Error(w, `{"error":"InvalidCursor"}`, http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(body))
	}))
	defer srv.Close()

	var slept []time.Duration
	c := &zendesk.Client{BaseURL: srv.URL, Email: "agent@example.com", APIToken: "s3cret",
		Sleep: func(_ context.Context, d time.Duration) error { slept = append(slept, d); return nil }}
	since := time.Date(2026, 1, 2, 8, 0, 0, 0, time.UTC)
	var ids []string
	pages := 0
	err := c.Export(context.Background(), since, func(p *zendesk.ExportPage) error {
		pages++
		tks, bad := p.StormdeskTickets()
		if len(bad) > 0 {
			t.Errorf("bad tickets: %v", bad)
		}
		for _, tk := range tks {
			ids = append(ids, tk.ExternalID)
			if tk.Source != "zendesk" {
				t.Errorf("source %q", tk.Source)
			}
			if tk.ExternalID == "101" && (tk.CustomerEmail != "ada@example.com" || tk.CustomerName != "Ada Lovelace" ||
				tk.Organisation != "Analytical Engines" || tk.Body != "I cannot log in" ||
				fmt.Sprint(tk.Tags) != "[login sso]" || tk.Channel != "email") {
				t.Errorf("ticket 101 mapped as %+v", tk)
			}
			// A via id (5, the API) is mapped as its via type is.
			if tk.ExternalID == "103" && (tk.CustomerEmail != "grace@example.com" || tk.Subject != "" || tk.Body != "Still down" ||
				tk.Tags != nil || tk.Channel != "api") {
				t.Errorf("ticket 103 mapped as %+v", tk)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages != 2 || strings.Join(ids, ",") != "101,103" {
		t.Errorf("pages %d, tickets %v; want 2 pages, 101,103 (102 is deleted)", pages, ids)
	}
	if len(slept) != 1 || slept[0] != time.Second {
		t.Errorf("slept %v, want [1s] for Retry-After: 1", slept)
	}
	// Basic auth "agent@example.com/token:s3cret".
	const auth = "Basic YWdlbnRAZXhhbXBsZS5jb20vdG9rZW46czNjcmV0"
	want := []request{
		{zendesk.ExportPath, "include=users%2Corganizations&start_time=1767340800", auth},
		{zendesk.ExportPath, "cursor=CUR1&include=users%2Corganizations", auth},
		{zendesk.ExportPath, "cursor=CUR1&include=users%2Corganizations", auth},
	}
	if len(reqs) != len(want) {
		t.Fatalf("requests %+v, want %+v", reqs, want)
	}
	for i := range want {
		if reqs[i] != want[i] {
			t.Errorf("request %d = %+v, want %+v", i, reqs[i], want[i])
		}
	}
}

func TestExportBearerAndErrors(t *testing.T) {
	var auth string
	status := http.StatusUnauthorized
	calls := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls++
		auth = r.Header.Get("Authorization")
		http.Error(w, `{"error":"Couldn't authenticate you"}`, status)
	}))
	defer srv.Close()
	var slept []time.Duration
	c := &zendesk.Client{BaseURL: srv.URL, OAuthToken: "oauth-tok", MaxRetries: 2,
		Sleep: func(_ context.Context, d time.Duration) error { slept = append(slept, d); return nil }}
	err := c.Export(context.Background(), time.Now().Add(-time.Hour), func(*zendesk.ExportPage) error { return nil })
	var se *zendesk.APIError
	if !errors.As(err, &se) || se.Status != 401 || !strings.Contains(err.Error(), "Couldn't authenticate you") || calls != 1 {
		t.Errorf("401: err %v after %d calls", err, calls)
	}
	if strings.Contains(err.Error(), "oauth-tok") {
		t.Errorf("the error leaks the token: %v", err)
	}
	if auth != "Bearer oauth-tok" {
		t.Errorf("Authorization %q", auth)
	}

	status, calls = http.StatusBadGateway, 0
	err = c.Export(context.Background(), time.Now().Add(-time.Hour), func(*zendesk.ExportPage) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "502") || calls != 3 || len(slept) != 2 || slept[0] != time.Second || slept[1] != 2*time.Second {
		t.Errorf("502: err %v after %d calls, slept %v; want 3 calls, backoff 1s 2s", err, calls, slept)
	}

	// Cancelled while waiting out a Retry-After: returns at once.
	status, calls = http.StatusTooManyRequests, 0
	ctx, cancel := context.WithCancel(context.Background())
	c.Sleep = nil
	go func() { time.Sleep(50 * time.Millisecond); cancel() }()
	start := time.Now()
	err = c.Export(ctx, time.Now().Add(-time.Hour), func(*zendesk.ExportPage) error { return nil })
	if !errors.Is(err, context.Canceled) || time.Since(start) > 5*time.Second {
		t.Errorf("cancelled: err %v after %v", err, time.Since(start))
	}
}

package upstream

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestFetchConditional(t *testing.T) {
	body := readFixture(t, "feeds/githubstatus_summary.json")
	const etag = `W/"abc123"`
	const lastMod = "Fri, 25 Nov 2022 15:50:05 GMT"
	var got304 atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("User-Agent") != "stormdesk-test" {
			t.Errorf("user agent %q", r.Header.Get("User-Agent"))
		}
		if r.Header.Get("If-None-Match") == etag && r.Header.Get("If-Modified-Since") == lastMod {
			got304.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lastMod)
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Write(body)
	}))
	defer srv.Close()
	f := &Fetcher{Client: srv.Client(), UserAgent: "stormdesk-test"}
	res, err := f.Fetch(context.Background(), srv.URL+"/api/v2/summary.json", Validators{})
	if err != nil {
		t.Fatal(err)
	}
	if res.NotModified || res.Status != 200 || len(res.Body) != len(body) || res.Validators != (Validators{etag, lastMod}) || !strings.HasPrefix(res.ContentType, "application/json") {
		t.Fatalf("%+v", res)
	}
	if _, err := Parse(res.Body, KindStatuspage); err != nil {
		t.Fatal(err)
	}
	again, err := f.Fetch(context.Background(), srv.URL+"/api/v2/summary.json", res.Validators)
	if err != nil {
		t.Fatal(err)
	}
	if !again.NotModified || again.Body != nil || again.Validators != res.Validators || got304.Load() != 1 {
		t.Fatalf("%+v", again)
	}
}

func TestFetchLatencyUsesClock(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("{}")) }))
	defer srv.Close()
	now := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	f := &Fetcher{Client: srv.Client(), Now: func() time.Time { now = now.Add(250 * time.Millisecond); return now }}
	res, err := f.Fetch(context.Background(), srv.URL, Validators{})
	if err != nil || res.Latency != 250*time.Millisecond {
		t.Fatalf("%v %+v", err, res)
	}
}

func TestFetchFaults(t *testing.T) {
	summary := readFixture(t, "feeds/githubstatus_summary.json")
	mux := http.NewServeMux()
	mux.HandleFunc("/500", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "boom", 500) })
	mux.HandleFunc("/429", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "120")
		w.WriteHeader(429)
	})
	mux.HandleFunc("/404", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "4096")
		w.Write(make([]byte, 4096))
	})
	mux.HandleFunc("/big-chunked", func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i < 8; i++ {
			w.Write(make([]byte, 512))
			w.(http.Flusher).Flush()
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	closed := httptest.NewServer(http.NotFoundHandler())
	closedURL := closed.URL
	closed.Close()

	for _, tc := range []struct {
		name, url string
		class     error
		retry     bool
		want      string
	}{
		{"500", srv.URL + "/500", ErrHTTPStatus, true, "unexpected HTTP status 500 Internal Server Error"},
		{"429", srv.URL + "/429", ErrHTTPStatus, true, "unexpected HTTP status 429 Too Many Requests"},
		{"404", srv.URL + "/404", ErrHTTPStatus, false, "unexpected HTTP status 404 Not Found"},
		{"timeout", srv.URL + "/slow", ErrUnreachable, true, "unreachable: timeout"},
		{"too large", srv.URL + "/big", ErrTooLarge, false, "Content-Length 4096 is over the 1024-byte cap"},
		{"too large chunked", srv.URL + "/big-chunked", ErrTooLarge, false, "body is over the 1024-byte cap"},
		{"unreachable", closedURL + "/x", ErrUnreachable, true, "unreachable"},
		{"bad scheme", "ftp://127.0.0.1/x", ErrUnreachable, true, `scheme "ftp" is not http or https`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
			defer cancel()
			f := &Fetcher{Client: srv.Client(), MaxBytes: 1024}
			res, err := f.Fetch(ctx, tc.url, Validators{})
			var fe *FetchError
			if !errors.As(err, &fe) || !errors.Is(err, tc.class) || res != nil {
				t.Fatalf("got %v, %v; want %v", res, err, tc.class)
			}
			if !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "upstream: fetch ") {
				t.Errorf("message %q does not contain %q", err, tc.want)
			}
			if tc.name != "bad scheme" && fe.Retryable() != tc.retry {
				t.Errorf("retryable %v", fe.Retryable())
			}
			if tc.name == "timeout" && !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("%v is not DeadlineExceeded", err)
			}
			if tc.name == "429" && fe.RetryAfter != 2*time.Minute {
				t.Errorf("retry after %s", fe.RetryAfter)
			}
		})
	}

	// Payload faults come through Fetch and are caught by Parse.
	mux.HandleFunc("/truncated", func(w http.ResponseWriter, r *http.Request) { w.Write(summary[:len(summary)/3]) })
	mux.HandleFunc("/html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<!DOCTYPE html>\n<html><head><title>GitHub Status</title></head><body></body></html>"))
	})
	mux.HandleFunc("/empty", func(w http.ResponseWriter, r *http.Request) {})
	for _, tc := range []struct{ path, want string }{
		{"/truncated", "upstream: statuspage: truncated JSON"},
		{"/html", "upstream: got HTML, not JSON (is the URL the status page's /api/v2/summary.json?)"},
		{"/empty", "upstream: statuspage: empty payload"},
	} {
		res, err := (&Fetcher{Client: srv.Client()}).Fetch(context.Background(), srv.URL+tc.path, Validators{})
		if err != nil {
			t.Fatal(err)
		}
		_, err = Parse(res.Body, KindStatuspage)
		if err == nil || err.Error() != tc.want && !strings.HasPrefix(err.Error(), tc.want) || Reason(err) != "unreadable" {
			t.Errorf("%s: %v", tc.path, err)
		}
	}
}

// TestFetchFormatChange: a feed configured as statuspage that starts
// serving RSS is unreadable with a hint, and detection names the new kind.
func TestFetchFormatChange(t *testing.T) {
	payloads := [][]byte{readFixture(t, "feeds/githubstatus_summary.json"), readFixture(t, "feeds/githubstatus_history.rss")}
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write(payloads[min(int(n.Add(1))-1, 1)])
	}))
	defer srv.Close()
	f := &Fetcher{Client: srv.Client()}
	for i, want := range []string{"", "upstream: statuspage: got XML, not JSON (is the feed kind rss or atom?)"} {
		res, err := f.Fetch(context.Background(), srv.URL, Validators{})
		if err != nil {
			t.Fatal(err)
		}
		_, err = Parse(res.Body, KindStatuspage)
		if want == "" && err != nil || want != "" && (err == nil || err.Error() != want) {
			t.Errorf("poll %d: %v", i, err)
		}
		if i == 1 {
			if k, _ := DetectKind(res.Body, res.ContentType); k != KindRSS {
				t.Errorf("detected %s", k)
			}
		}
	}
}

// TestFetchNeverLeaksCredentials: user info and query tokens stay out of
// every error message.
func TestFetchNeverLeaksCredentials(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(503) }))
	defer srv.Close()
	for _, u := range []string{
		"http://admin:hunter2@" + addr + "/api/v2/summary.json?api_key=s3cr3t",
		strings.Replace(srv.URL, "http://", "http://admin:hunter2@", 1) + "/feed?token=s3cr3t",
		"http://admin:hunter2@[::1:bad/feed?token=s3cr3t",
	} {
		_, err := (&Fetcher{Client: srv.Client()}).Fetch(context.Background(), u, Validators{})
		if err == nil {
			t.Fatalf("%s: no error", u)
		}
		if msg := err.Error(); strings.Contains(msg, "hunter2") || strings.Contains(msg, "s3cr3t") || strings.Contains(msg, "admin") {
			t.Errorf("leak: %s", msg)
		}
	}
	if got := RedactURL("https://u:p@status.example.com/api/v2/summary.json?k=v#f"); got != "https://status.example.com/api/v2/summary.json?…" {
		t.Errorf("RedactURL: %s", got)
	}
}

func TestBackoff(t *testing.T) {
	base, max := time.Second, time.Minute
	seed := Seed("auth0")
	if Backoff(0, base, max, seed) != 0 {
		t.Error("no failures, no wait")
	}
	for n := 1; n <= 80; n++ {
		full := base << min(n-1, 20)
		if full > max || n > 20 {
			full = max
		}
		d := Backoff(n, base, max, seed)
		if d < full/2 || d > full {
			t.Errorf("failures %d: %s outside [%s, %s]", n, d, full/2, full)
		}
		if d != Backoff(n, base, max, seed) {
			t.Errorf("failures %d: not deterministic", n)
		}
	}
	if Backoff(3, base, max, Seed("auth0")) == Backoff(3, base, max, Seed("github")) {
		t.Error("different seeds should spread retries")
	}
}

// TestValidatorsEncoding: the opaque bytes a watch state keeps read back
// as the validators; none encode to nothing; unreadable bytes give none
// (one unconditional fetch); and the forms the stores' migration 0019
// wrote from the old etag and last_modified columns (SQLite's json_object,
// Postgres's jsonb text) read as the fetcher's own.
func TestValidatorsEncoding(t *testing.T) {
	v := Validators{ETag: `W/"1"`, LastModified: "Mon, 02 Jan 2006 15:04:05 GMT"}
	if got := DecodeValidators(v.Encode()); got != v {
		t.Errorf("round trip: %+v", got)
	}
	if b := (Validators{}).Encode(); b != nil {
		t.Errorf("no validators encode to %q", b)
	}
	for _, b := range []string{"", "not json", `{"etag":`, "\x00\xff"} {
		if got := DecodeValidators([]byte(b)); got != (Validators{}) {
			t.Errorf("DecodeValidators(%q) = %+v, want none", b, got)
		}
	}
	for _, b := range []string{
		`{"etag":"W/\"1\"","last_modified":""}`,    // SQLite json_object
		`{"etag": "W/\"1\"", "last_modified": ""}`, // Postgres jsonb_build_object::text
	} {
		if got := DecodeValidators([]byte(b)); got != (Validators{ETag: `W/"1"`}) {
			t.Errorf("DecodeValidators(%s) = %+v", b, got)
		}
	}
}

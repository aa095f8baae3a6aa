package connectors

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
)

func TestRedact(t *testing.T) {
	got := Redact(`Get "https://x.example/?t=tok-1234": refused (abc, tok-1234, secret-9)`, "tok-1234", "abc", "", "secret-9")
	want := `Get "https://x.example/?t=[redacted]": refused (abc, [redacted], [redacted])`
	if got != want {
		t.Errorf("Redact = %q, want %q (secrets under four bytes kept)", got, want)
	}
}

func TestBodyStart(t *testing.T) {
	if got := BodyStart([]byte("  <html>Bad gateway</html>\n")); got != "<html>Bad gateway</html>" {
		t.Errorf("BodyStart = %q", got)
	}
	if got := BodyStart([]byte(strings.Repeat("x", 300))); len(got) != 200 {
		t.Errorf("BodyStart kept %d bytes, want 200", len(got))
	}
}

func TestUnsent(t *testing.T) {
	dial := &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connection refused")}
	read := &net.OpError{Op: "read", Net: "tcp", Err: errors.New("connection reset")}
	for _, c := range []struct {
		err  error
		want bool
	}{
		{dial, true},
		{errors.Join(errors.New("Post"), dial), true},
		{read, false},
		{context.DeadlineExceeded, false},
	} {
		if got := Unsent(c.err); got != c.want {
			t.Errorf("Unsent(%v) = %v, want %v", c.err, got, c.want)
		}
	}
}

func TestNewRequest(t *testing.T) {
	req, err := NewRequest(context.Background(), http.MethodPost, "https://x.example//", "/v2/reply", []byte(`{"a":1}`))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(req.Body)
	if req.URL.String() != "https://x.example/v2/reply" || string(b) != `{"a":1}` ||
		req.Header.Get("Accept") != "application/json" || req.Header.Get("Content-Type") != "application/json" {
		t.Errorf("POST: %s %q, headers %v", req.URL, b, req.Header)
	}
	req, err = NewRequest(context.Background(), http.MethodGet, "https://x.example", "/v2/conversations/1", nil)
	if err != nil {
		t.Fatal(err)
	}
	if req.Body != nil || req.Header.Get("Content-Type") != "" || req.Header.Get("Accept") != "application/json" {
		t.Errorf("GET without a body: body %v, headers %v", req.Body, req.Header)
	}
	if _, err := NewRequest(context.Background(), http.MethodGet, "://no-scheme", "/x", nil); err == nil {
		t.Error("a malformed base URL built a request")
	}
}

func TestReadAnswer(t *testing.T) {
	body := &closeRecorder{Reader: strings.NewReader(strings.Repeat("x", MaxAnswer+10))}
	b, err := ReadAnswer(&http.Response{Body: body})
	if err != nil || len(b) != MaxAnswer || !body.closed {
		t.Errorf("read %d bytes (%v), closed %v; want %d and closed", len(b), err, body.closed, MaxAnswer)
	}
}

type closeRecorder struct {
	io.Reader
	closed bool
}

func (c *closeRecorder) Close() error { c.closed = true; return nil }

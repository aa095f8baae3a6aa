package connectors

import (
	"context"
	"errors"
	"net"
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

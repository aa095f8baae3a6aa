package connectors

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
)

// What the write-backs (a reply or a linked problem ticket sent to a
// helpdesk's API) share: building a request and reading its answer,
// reading a transport error, blanking credentials out of what an error
// carries, and a body that is not the API's error shape.

// NewRequest is a request of a helpdesk's JSON API: method on base+path
// (base's trailing slashes trimmed), asking for JSON, and carrying body as
// JSON when body is not nil. The caller adds its credentials.
func NewRequest(ctx context.Context, method, base, path string, body []byte) (*http.Request, error) {
	var r io.Reader
	if body != nil {
		r = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, strings.TrimRight(base, "/")+path, r)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return req, nil
}

// MaxAnswer bounds how much of an answer ReadAnswer reads: a write's
// answer is one object, and an error's reason only its first bytes.
const MaxAnswer = 1 << 20

// ReadAnswer reads resp's body, at most MaxAnswer bytes, and closes it.
func ReadAnswer(resp *http.Response) ([]byte, error) {
	defer resp.Body.Close()
	return io.ReadAll(io.LimitReader(resp.Body, MaxAnswer))
}

// Unsent reports whether err, a request's transport error, shows that
// the request never left: the connection could not be made, so trying
// again cannot send anything twice.
func Unsent(err error) bool {
	var op *net.OpError
	return errors.As(err, &op) && op.Op == "dial"
}

// Redact blanks every secret of four bytes or more out of s ("[redacted]"),
// in case an answer or a transport error echoes a credential. Shorter
// ones are left: blanking them would garble the text and hide nothing.
func Redact(s string, secrets ...string) string {
	for _, secret := range secrets {
		if len(secret) >= 4 {
			s = strings.ReplaceAll(s, secret, "[redacted]")
		}
	}
	return s
}

// BodyStart is an answer's body that is not the API's error shape, as an
// error's reason: trimmed, at most its first 200 bytes.
func BodyStart(b []byte) string {
	s := strings.TrimSpace(string(b))
	if len(s) > 200 {
		s = s[:200]
	}
	return s
}

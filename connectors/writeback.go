package connectors

import (
	"errors"
	"net"
	"strings"
)

// What the write-backs (a reply or a linked problem ticket sent to a
// helpdesk's API) share: reading a transport error, blanking credentials
// out of what an error carries, and a body that is not the API's error
// shape.

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

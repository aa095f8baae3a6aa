package notify

import (
	"crypto/hmac"
	"crypto/sha256"
	"net/url"
	"strconv"
	"strings"
	"time"

	"stormdesk"
)

// Confirm tokens are the double opt-in of a status page subscription:
// the link in the confirmation email. They are signed like unsubscribe
// tokens (base64url(payload) "." issued-Unix-seconds "." base64url(MAC)),
// with their own domain string, so that no unsubscribe token is ever a
// confirm token or the other way round; the payload is the address and
// the component ids it subscribes to (email "\x00" id "," id). Unlike an
// unsubscribe link a confirm link expires: ConfirmTTL after it was sent,
// a stale inbox cannot subscribe anyone.

const confirmDomain = "stormdesk-confirm\x00"

// ConfirmTTL is how long a confirmation link works.
const ConfirmTTL = 7 * 24 * time.Hour

func signedMAC(secret []byte, domain, payload, issued string) []byte {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(domain))
	m.Write([]byte(payload))
	m.Write([]byte{0})
	m.Write([]byte(issued))
	return m.Sum(nil)
}

// SignConfirm returns a URL-safe token confirming that email subscribes
// to components. It panics on a secret shorter than MinSecretLen, as
// SignUnsubscribe does.
func SignConfirm(secret []byte, email string, components []string, issued time.Time) string {
	if len(secret) < MinSecretLen {
		panic("notify: confirm secret shorter than 16 bytes")
	}
	payload := strings.ToLower(strings.TrimSpace(email)) + "\x00" + strings.Join(components, ",")
	ts := strconv.FormatInt(issued.Unix(), 10)
	return b64.EncodeToString([]byte(payload)) + "." + ts + "." + b64.EncodeToString(signedMAC(secret, confirmDomain, payload, ts))
}

var errBadConfirm = stormdesk.Errorf(stormdesk.EUNAUTHORIZED, "confirm: invalid or expired link")

// VerifyConfirm checks a token at now and returns the address and the
// component ids it confirms, and when the link was issued (so that the
// desk can tell a link asked for after an unsubscribe from an older one). A token that was tampered with, signed with
// another secret, issued for another purpose or older than ConfirmTTL
// gives an EUNAUTHORIZED error that says no more.
func VerifyConfirm(secret []byte, token string, now time.Time) (email string, components []string, issued time.Time, err error) {
	if len(secret) < MinSecretLen || len(token) > 2048 {
		return "", nil, time.Time{}, errBadConfirm
	}
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return "", nil, time.Time{}, errBadConfirm
	}
	raw, err1 := b64.DecodeString(parts[0])
	sec, err2 := strconv.ParseInt(parts[1], 10, 64)
	mac, err3 := b64.DecodeString(parts[2])
	if err1 != nil || err2 != nil || err3 != nil {
		return "", nil, time.Time{}, errBadConfirm
	}
	if !hmac.Equal(mac, signedMAC(secret, confirmDomain, string(raw), parts[1])) {
		return "", nil, time.Time{}, errBadConfirm
	}
	if issued = time.Unix(sec, 0).UTC(); now.Sub(issued) > ConfirmTTL || issued.After(now.Add(time.Hour)) {
		return "", nil, time.Time{}, errBadConfirm
	}
	email, list, ok := strings.Cut(string(raw), "\x00")
	if !ok || !stormdesk.ValidEmail(email) || list == "" {
		return "", nil, time.Time{}, errBadConfirm
	}
	return email, strings.Split(list, ","), issued, nil
}

// ConfirmLinks returns the function that writes a confirmation link:
// base (the public address of the confirm endpoint) with the token in the
// query parameter "token".
func ConfirmLinks(base string, secret []byte, now func() time.Time) (func(email string, components []string) string, error) {
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, stormdesk.Errorf(stormdesk.EINVALID, "confirm URL: %q is not an http(s) URL", base)
	}
	if len(secret) < MinSecretLen {
		return nil, stormdesk.Errorf(stormdesk.EINVALID, "confirm secret: shorter than %d bytes", MinSecretLen)
	}
	if now == nil {
		now = time.Now
	}
	return func(email string, components []string) string {
		c := *u
		q := c.Query()
		q.Set("token", SignConfirm(secret, email, components, now()))
		c.RawQuery = q.Encode()
		return c.String()
	}, nil
}

package notify

import (
	"crypto/hmac"
	"encoding/base64"
	"errors"
	"net/url"
	"strconv"
	"strings"
	"time"

	"stormdesk"
)

// Unsubscribe tokens are base64url(email) "." issued-Unix-seconds "."
// base64url(HMAC-SHA256(secret, "stormdesk-unsubscribe\x00" email "\x00"
// issued)): self-contained, so the link works without a stored row, and
// unforgeable without the secret. They do not expire: a law such as
// CAN-SPAM wants the link to keep working, and unsubscribing twice is
// harmless. Rotating the secret invalidates old links.

const unsubscribeDomain = "stormdesk-unsubscribe\x00"

// MinSecretLen is the shortest signing secret SignUnsubscribe accepts.
const MinSecretLen = 16

var b64 = base64.RawURLEncoding

func unsubscribeMAC(secret []byte, email, issued string) []byte {
	return signedMAC(secret, unsubscribeDomain, email, issued)
}

// SignUnsubscribe returns a URL-safe token for email. The address is
// lowercased, so any spelling of it unsubscribes the same person. It
// panics on a secret shorter than MinSecretLen: configuration must catch
// that first.
func SignUnsubscribe(secret []byte, email string, issued time.Time) string {
	if len(secret) < MinSecretLen {
		panic("notify: unsubscribe secret shorter than 16 bytes")
	}
	email = strings.ToLower(strings.TrimSpace(email))
	ts := strconv.FormatInt(issued.Unix(), 10)
	return b64.EncodeToString([]byte(email)) + "." + ts + "." + b64.EncodeToString(unsubscribeMAC(secret, email, ts))
}

// VerifyUnsubscribe checks a token and returns the address it was issued
// for. Any tampering gives an EUNAUTHORIZED error that says no more.
func VerifyUnsubscribe(secret []byte, token string) (string, error) {
	email, _, err := verifyUnsubscribe(secret, token)
	return email, err
}

var errBadToken = stormdesk.Errorf(stormdesk.EUNAUTHORIZED, "unsubscribe: invalid link")

func verifyUnsubscribe(secret []byte, token string) (string, time.Time, error) {
	if len(secret) < MinSecretLen || len(token) > 1024 {
		return "", time.Time{}, errBadToken
	}
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return "", time.Time{}, errBadToken
	}
	raw, err1 := b64.DecodeString(parts[0])
	sec, err2 := strconv.ParseInt(parts[1], 10, 64)
	mac, err3 := b64.DecodeString(parts[2])
	if errors.Join(err1, err2, err3) != nil {
		return "", time.Time{}, errBadToken
	}
	email := string(raw)
	if !hmac.Equal(mac, unsubscribeMAC(secret, email, parts[1])) {
		return "", time.Time{}, errBadToken
	}
	if !stormdesk.ValidEmail(email) {
		return "", time.Time{}, errBadToken
	}
	return email, time.Unix(sec, 0).UTC(), nil
}

// UnsubscribeLinks returns a Dispatcher.UnsubscribeURL function: base (the
// public address of the unsubscribe endpoint) with the recipient's token
// in the query parameter "token". The same link is substituted into the
// text and the HTML part, so it is never HTML-escaped: base is parsed and
// re-encoded (no quotes, spaces or angle brackets survive), and the token
// is URL-safe; an "&" from a query already in base is left bare, which
// every mail client reads correctly in an href.
func UnsubscribeLinks(base string, secret []byte, now func() time.Time) (func(email string) string, error) {
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, stormdesk.Errorf(stormdesk.EINVALID, "unsubscribe URL: %q is not an http(s) URL", base)
	}
	if len(secret) < MinSecretLen {
		return nil, stormdesk.Errorf(stormdesk.EINVALID, "unsubscribe secret: shorter than %d bytes", MinSecretLen)
	}
	if now == nil {
		now = time.Now
	}
	q := u.Query()
	return func(email string) string {
		v := url.Values{}
		for k, vs := range q {
			v[k] = vs
		}
		v.Set("token", SignUnsubscribe(secret, email, now()))
		c := *u
		c.RawQuery = v.Encode()
		return c.String()
	}, nil
}

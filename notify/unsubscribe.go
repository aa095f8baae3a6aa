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

// A component-scoped unsubscribe token (the link in an email about status
// page components) stops only the address's subscriptions to those
// components. Its payload is the address, a NUL and the component ids
// (email "\x00" id "," id), signed under a domain of its own: a token for
// everything is never one for some components or the other way round, and
// cutting the components off a token breaks its signature.
const unsubscribeComponentsDomain = "stormdesk-unsubscribe-components\x00"

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

// SignUnsubscribeComponents returns a URL-safe token that unsubscribes
// email from components (ids) only. Without components it is
// SignUnsubscribe's token, which stops everything.
func SignUnsubscribeComponents(secret []byte, email string, components []string, issued time.Time) string {
	if len(components) == 0 {
		return SignUnsubscribe(secret, email, issued)
	}
	if len(secret) < MinSecretLen {
		panic("notify: unsubscribe secret shorter than 16 bytes")
	}
	payload := strings.ToLower(strings.TrimSpace(email)) + "\x00" + strings.Join(components, ",")
	ts := strconv.FormatInt(issued.Unix(), 10)
	return b64.EncodeToString([]byte(payload)) + "." + ts + "." + b64.EncodeToString(signedMAC(secret, unsubscribeComponentsDomain, payload, ts))
}

// VerifyUnsubscribe checks a token and returns the address it was issued
// for (of either kind: any of them proves the mailbox's owner holds it).
// Any tampering gives an EUNAUTHORIZED error that says no more.
func VerifyUnsubscribe(secret []byte, token string) (string, error) {
	email, _, _, err := verifyUnsubscribe(secret, token)
	return email, err
}

// VerifyUnsubscribeScope checks a token and returns the address and, for
// a component-scoped token, the component ids it unsubscribes from (nil:
// everything).
func VerifyUnsubscribeScope(secret []byte, token string) (email string, components []string, err error) {
	email, components, _, err = verifyUnsubscribe(secret, token)
	return email, components, err
}

var errBadToken = stormdesk.Errorf(stormdesk.EUNAUTHORIZED, "unsubscribe: invalid link")

func verifyUnsubscribe(secret []byte, token string) (string, []string, time.Time, error) {
	if len(secret) < MinSecretLen || len(token) > 2048 {
		return "", nil, time.Time{}, errBadToken
	}
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return "", nil, time.Time{}, errBadToken
	}
	raw, err1 := b64.DecodeString(parts[0])
	sec, err2 := strconv.ParseInt(parts[1], 10, 64)
	mac, err3 := b64.DecodeString(parts[2])
	if errors.Join(err1, err2, err3) != nil {
		return "", nil, time.Time{}, errBadToken
	}
	email, list, scoped := strings.Cut(string(raw), "\x00")
	want := unsubscribeMAC(secret, email, parts[1])
	if scoped {
		want = signedMAC(secret, unsubscribeComponentsDomain, string(raw), parts[1])
	}
	if !hmac.Equal(mac, want) {
		return "", nil, time.Time{}, errBadToken
	}
	if !stormdesk.ValidEmail(email) || (scoped && list == "") {
		return "", nil, time.Time{}, errBadToken
	}
	var components []string
	if scoped {
		components = strings.Split(list, ",")
	}
	return email, components, time.Unix(sec, 0).UTC(), nil
}

// UnsubscribeLinks returns a Dispatcher.UnsubscribeURL function: base (the
// public address of the unsubscribe endpoint) with the recipient's token
// in the query parameter "token". The same link is substituted into the
// text and the HTML part, so it is never HTML-escaped: base is parsed and
// re-encoded (no quotes, spaces or angle brackets survive), and the token
// is URL-safe; an "&" from a query already in base is left bare, which
// every mail client reads correctly in an href.
//
// With components (the ids of the status page components an email is
// about) the link is component-scoped (SignUnsubscribeComponents).
func UnsubscribeLinks(base string, secret []byte, now func() time.Time) (func(email string, components []string) string, error) {
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
	return func(email string, components []string) string {
		v := url.Values{}
		for k, vs := range q {
			v[k] = vs
		}
		v.Set("token", SignUnsubscribeComponents(secret, email, components, now()))
		c := *u
		c.RawQuery = v.Encode()
		return c.String()
	}, nil
}

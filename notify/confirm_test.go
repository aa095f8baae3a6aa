package notify_test

import (
	"encoding/base64"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"stormdesk"
	"stormdesk/notify"
)

// TestConfirmTokens: a confirm token gives back its address and
// components; any change to it (the address, a component, the time, the
// signature), another secret, an unsubscribe token for the same address,
// or age past ConfirmTTL is refused, and an unsubscribe link never
// accepts a confirm token.
func TestConfirmTokens(t *testing.T) {
	secret := []byte("0123456789abcdef0123")
	issued := time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)
	tok := notify.SignConfirm(secret, " Ana@Example.com ", []string{"login", "screen-sharing"}, issued)
	email, comps, at, err := notify.VerifyConfirm(secret, tok, issued.Add(time.Hour))
	if err != nil || email != "ana@example.com" || strings.Join(comps, ",") != "login,screen-sharing" || !at.Equal(issued) {
		t.Fatalf("round trip: %q %v %v %v", email, comps, at, err)
	}
	parts := strings.Split(tok, ".")
	forged := func(payload string) string {
		return base64.RawURLEncoding.EncodeToString([]byte(payload)) + "." + parts[1] + "." + parts[2]
	}
	mac := []byte(parts[2])
	mac[3] ^= 1
	for name, bad := range map[string]string{
		"another address":   forged("eve@example.com\x00login,screen-sharing"),
		"another component": forged("ana@example.com\x00login,screen-sharing,billing"),
		"another time":      parts[0] + "." + strconv.FormatInt(issued.Unix()+60, 10) + "." + parts[2],
		"another signature": parts[0] + "." + parts[1] + "." + string(mac),
		"another secret":    notify.SignConfirm([]byte("another-secret-of-16+"), "ana@example.com", []string{"login"}, issued),
		"an unsubscribe":    notify.SignUnsubscribe(secret, "ana@example.com", issued),
		"empty":             "",
		"garbage":           "a.b.c",
	} {
		if _, _, _, err := notify.VerifyConfirm(secret, bad, issued.Add(time.Hour)); stormdesk.ErrorCode(err) != stormdesk.EUNAUTHORIZED {
			t.Errorf("%s: %v, want refused", name, err)
		}
	}
	if _, _, _, err := notify.VerifyConfirm(secret, tok, issued.Add(notify.ConfirmTTL+time.Minute)); stormdesk.ErrorCode(err) != stormdesk.EUNAUTHORIZED {
		t.Errorf("an expired token: %v", err)
	}
	if _, err := notify.VerifyUnsubscribe(secret, tok); err == nil {
		t.Errorf("a confirm token unsubscribed someone")
	}
	links, err := notify.ConfirmLinks("https://acme.example/status/confirm?src=mail", secret, func() time.Time { return issued })
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(links("ana@example.com", []string{"login"}))
	if u.Query().Get("src") != "mail" || u.Path != "/status/confirm" {
		t.Errorf("link %s", u)
	}
	if e, c, _, err := notify.VerifyConfirm(secret, u.Query().Get("token"), issued); err != nil || e != "ana@example.com" || len(c) != 1 {
		t.Errorf("the link's token: %q %v %v", e, c, err)
	}
	if _, err := notify.ConfirmLinks("ftp://x", secret, nil); err == nil {
		t.Errorf("an ftp base was accepted")
	}
}

package notify_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"net/url"
	"strings"
	"testing"
	"time"

	"stormdesk"
	"stormdesk/notify"
)

var secret = []byte("0123456789abcdef-unsubscribe")

func TestUnsubscribeTokens(t *testing.T) {
	issued := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	tok := notify.SignUnsubscribe(secret, "Ana@Example.com", issued)
	if url.QueryEscape(tok) != tok {
		t.Errorf("token %q is not URL-safe", tok)
	}
	email, err := notify.VerifyUnsubscribe(secret, tok)
	if err != nil || email != "ana@example.com" {
		t.Fatalf("Verify = %q, %v", email, err)
	}
	bad := []string{
		"", "x", "a.b.c", tok + "x", strings.Replace(tok, ".", "..", 1),
		notify.SignUnsubscribe([]byte("another-secret-of-16+"), "ana@example.com", issued),
	}
	// Swap in another address but keep the MAC.
	parts := strings.SplitN(tok, ".", 2)
	bad = append(bad, base64.RawURLEncoding.EncodeToString([]byte("bob@example.com"))+"."+parts[1])
	// Flip one character of the MAC.
	b := []byte(tok)
	if b[len(b)-2] == 'A' {
		b[len(b)-2] = 'B'
	} else {
		b[len(b)-2] = 'A'
	}
	bad = append(bad, string(b))
	for _, tk := range bad {
		if _, err := notify.VerifyUnsubscribe(secret, tk); stormdesk.ErrorCode(err) != stormdesk.EUNAUTHORIZED {
			t.Errorf("Verify(%q) = %v, want unauthorized", tk, err)
		}
	}
	if _, err := notify.VerifyUnsubscribe(nil, tok); err == nil {
		t.Error("an empty secret verified a token")
	}
}

func TestUnsubscribeLinks(t *testing.T) {
	now := func() time.Time { return time.Unix(1_770_000_000, 0) }
	link, err := notify.UnsubscribeLinks("https://acme.example/unsubscribe?lang=en", secret, now)
	if err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(link("ana@example.com", nil))
	if err != nil || u.Query().Get("lang") != "en" {
		t.Fatalf("%v %v", u, err)
	}
	if email, err := notify.VerifyUnsubscribe(secret, u.Query().Get("token")); err != nil || email != "ana@example.com" {
		t.Fatalf("%q %v", email, err)
	}
	if strings.ContainsAny(link("a\"<b>@example.com", nil), "\"<> ") {
		t.Error("link needs HTML escaping")
	}
	for _, base := range []string{"", "ftp://x", "/relative", "https://"} {
		if _, err := notify.UnsubscribeLinks(base, secret, now); err == nil {
			t.Errorf("base %q accepted", base)
		}
	}
	if _, err := notify.UnsubscribeLinks("https://a.example", []byte("short"), now); err == nil {
		t.Error("short secret accepted")
	}
}

const eventsBody = `[
 {"email":"ana@example.com","timestamp":1772366400,"event":"processed","sg_event_id":"e1","sg_message_id":"sg1.filter","message_id":"inc42-upd3","incident_id":"42","stormdesk_batch":"tok1","category":["stormdesk","incident-42"]},
 {"email":"ana@example.com","timestamp":1772366401,"event":"delivered","sg_event_id":"e2","message_id":"inc42-upd3","incident_id":42,"stormdesk_batch":"tok1","response":"250 OK","category":"stormdesk"},
 {"email":"bob@example.com","timestamp":1772366402,"event":"bounce","type":"bounce","reason":"550 no such user","message_id":"inc42-upd3","stormdesk_batch":"tok1"},
 {"email":"cy@example.com","timestamp":1772366403,"event":"bounce","type":"blocked","reason":"IP blocked"},
 {"email":"dee@example.com","timestamp":1772366404,"event":"dropped","reason":"Unsubscribed Address"},
 {"email":"eve@example.com","timestamp":1772366405,"event":"spamreport"},
 {"email":"fay@example.com","timestamp":1772366406,"event":"unsubscribe"},
 {"email":"gus@example.com","timestamp":1772366407,"event":"group_unsubscribe","asm_group_id":1},
 {"email":"hal@example.com","timestamp":1772366408,"event":"open","useragent":"x"}
]`

func TestParseEvents(t *testing.T) {
	evs, err := notify.ParseEvents([]byte(eventsBody))
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 9 {
		t.Fatalf("%d events", len(evs))
	}
	e := evs[0]
	if e.Type != "processed" || e.Email != "ana@example.com" || e.MessageID != "inc42-upd3" || e.IncidentID != 42 ||
		e.Batch != "tok1" || e.SGEventID != "e1" || e.SGMessageID != "sg1.filter" || !e.Timestamp.Equal(time.Unix(1772366400, 0)) ||
		len(e.Categories) != 2 || !e.ProvesAccepted() || e.Suppresses() || e.Delivered() {
		t.Errorf("%+v", e)
	}
	if evs[1].IncidentID != 42 || !evs[1].Delivered() || evs[1].Reason != "250 OK" || evs[1].Categories[0] != "stormdesk" {
		t.Errorf("%+v", evs[1])
	}
	suppress := map[string]bool{}
	for _, e := range evs {
		suppress[e.Email] = e.Suppresses()
	}
	want := map[string]bool{"ana@example.com": false, "bob@example.com": true, "cy@example.com": false, "dee@example.com": true,
		"eve@example.com": true, "fay@example.com": true, "gus@example.com": true, "hal@example.com": false}
	for k, v := range want {
		if suppress[k] != v {
			t.Errorf("%s suppresses = %v, want %v", k, suppress[k], v)
		}
	}
	bad := map[string]string{
		``:                                   "events: want a JSON array of events",
		`{"email":"x"}`:                      "events: want a JSON array of events",
		`[{"email":"a@b.c","event":"open"},`: "events: malformed JSON at byte 34",
		`[1]`:                                "events: want an array of objects",
		`[null]`:                             "events[0]: want an object",
		`[{"event":"open"}]`:                 "events[0].email: required",
		`[{"email":"a@b.c"}]`:                "events[0].event: required",
		`[{"email":"a@b.c","event":["x"]}]`:  "events[0].event: want a string",
		`[{"email":"a@b.c","event":"open","timestamp":"x"}]`:    "events[0].timestamp: want Unix seconds",
		`[{"email":"a@b.c","event":"open","incident_id":"x"}]`:  `events[0].incident_id: "x" is not a number`,
		`[{"email":"a@b.c","event":"open","category":{"a":1}}]`: "events[0].category: want a string or an array of strings",
	}
	for body, msg := range bad {
		_, err := notify.ParseEvents([]byte(body))
		if stormdesk.ErrorCode(err) != stormdesk.EINVALID || stormdesk.ErrorMessage(err) != msg {
			t.Errorf("ParseEvents(%s) = %v, want %q", body, err, msg)
		}
	}
}

func TestVerifyEventSignature(t *testing.T) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	der, _ := x509.MarshalPKIXPublicKey(&key.PublicKey)
	pub := base64.StdEncoding.EncodeToString(der)
	ts := "1772366400"
	body := []byte(eventsBody)
	sum := sha256.Sum256(append([]byte(ts), body...))
	sigDER, _ := ecdsa.SignASN1(rand.Reader, key, sum[:])
	sig := base64.StdEncoding.EncodeToString(sigDER)
	if err := notify.VerifyEventSignature(pub, sig, ts, body); err != nil {
		t.Fatalf("a good signature: %v", err)
	}
	tampered := append([]byte{}, body...)
	tampered[10] ^= 1
	for name, c := range map[string][3]string{
		"body":      {sig, ts, string(tampered)},
		"timestamp": {sig, "1772366401", string(body)},
		"signature": {base64.StdEncoding.EncodeToString(append(sigDER[:len(sigDER)-1], sigDER[len(sigDER)-1]^1)), ts, string(body)},
		"missing":   {"", ts, string(body)},
		"garbage":   {"!!!", ts, string(body)},
	} {
		if err := notify.VerifyEventSignature(pub, c[0], c[1], []byte(c[2])); stormdesk.ErrorCode(err) != stormdesk.EUNAUTHORIZED {
			t.Errorf("%s: %v, want unauthorized", name, err)
		}
	}
	rsaLike := base64.StdEncoding.EncodeToString([]byte("not a key"))
	if err := notify.VerifyEventSignature(rsaLike, sig, ts, body); stormdesk.ErrorCode(err) != stormdesk.EINVALID {
		t.Errorf("bad key: %v", err)
	}
}

// TestUnsubscribeComponentTokens: a component-scoped token names the
// address and the components; a token for everything names none; and no
// tampering passes: another component list, the components cut off (which
// would turn it into a token for everything), a token of the other
// domain with the payload swapped, or a confirm token.
func TestUnsubscribeComponentTokens(t *testing.T) {
	issued := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	tok := notify.SignUnsubscribeComponents(secret, "Ana@Example.com", []string{"login", "api"}, issued)
	email, comps, err := notify.VerifyUnsubscribeScope(secret, tok)
	if err != nil || email != "ana@example.com" || strings.Join(comps, ",") != "login,api" {
		t.Fatalf("VerifyScope = %q %v %v", email, comps, err)
	}
	if email, err := notify.VerifyUnsubscribe(secret, tok); err != nil || email != "ana@example.com" {
		t.Errorf("Verify of a scoped token = %q %v, want its address", email, err)
	}
	all := notify.SignUnsubscribeComponents(secret, "ana@example.com", nil, issued)
	if all != notify.SignUnsubscribe(secret, "ana@example.com", issued) {
		t.Error("a token without components is not the token for everything")
	}
	if email, comps, err := notify.VerifyUnsubscribeScope(secret, all); err != nil || email != "ana@example.com" || comps != nil {
		t.Errorf("VerifyScope of a token for everything = %q %v %v", email, comps, err)
	}
	parts := strings.Split(tok, ".")
	allParts := strings.Split(all, ".")
	enc := base64.RawURLEncoding.EncodeToString
	bad := map[string]string{
		"other components":             enc([]byte("ana@example.com\x00billing")) + "." + parts[1] + "." + parts[2],
		"one component added":          enc([]byte("ana@example.com\x00login,api,billing")) + "." + parts[1] + "." + parts[2],
		"components cut off":           enc([]byte("ana@example.com")) + "." + parts[1] + "." + parts[2],
		"everything's MAC, scoped":     enc([]byte("ana@example.com\x00login")) + "." + allParts[1] + "." + allParts[2],
		"empty component list":         enc([]byte("ana@example.com\x00")) + "." + parts[1] + "." + parts[2],
		"a confirm token":              notify.SignConfirm(secret, "ana@example.com", []string{"login", "api"}, issued),
		"another secret":               notify.SignUnsubscribeComponents([]byte("another-secret-of-16+"), "ana@example.com", []string{"login"}, issued),
		"another issue time, same MAC": parts[0] + "." + "1772323201" + "." + parts[2],
	}
	for name, tk := range bad {
		if _, _, err := notify.VerifyUnsubscribeScope(secret, tk); stormdesk.ErrorCode(err) != stormdesk.EUNAUTHORIZED {
			t.Errorf("%s: VerifyScope = %v, want unauthorized", name, err)
		}
	}
	link, _ := notify.UnsubscribeLinks("https://acme.example/unsubscribe", secret, func() time.Time { return issued })
	u, _ := url.Parse(link("ana@example.com", []string{"login"}))
	if _, comps, err := notify.VerifyUnsubscribeScope(secret, u.Query().Get("token")); err != nil || strings.Join(comps, ",") != "login" {
		t.Errorf("a link for login: %v %v", comps, err)
	}
}

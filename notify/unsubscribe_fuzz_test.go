package notify_test

import (
	"strings"
	"testing"
	"time"

	"stormdesk/notify"
)

// FuzzVerifyUnsubscribe: an unsubscribe link is outside input. Whatever
// the token, verifying it never panics, and a token that verifies names
// exactly the address and components of one of the tokens that were
// signed (the seeds): no change to a token, in its payload, time or
// signature, makes it stand for another address or another set of
// components, or turns a scoped token into one for everything.
func FuzzVerifyUnsubscribe(f *testing.F) {
	issued := time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)
	signed := map[string]bool{}
	for _, c := range []struct {
		email string
		comps []string
	}{{"ana@example.com", nil}, {"ana@example.com", []string{"login"}}, {"bob@example.com", []string{"login", "billing"}}} {
		tok := notify.SignUnsubscribeComponents(secret, c.email, c.comps, issued)
		signed[c.email+"|"+strings.Join(c.comps, ",")] = true
		f.Add(tok)
	}
	f.Add(notify.SignConfirm(secret, "ana@example.com", []string{"login"}, issued))
	f.Add("x.y.z")
	f.Fuzz(func(t *testing.T, tok string) {
		email, comps, err := notify.VerifyUnsubscribeScope(secret, tok)
		if err != nil {
			return
		}
		if !signed[email+"|"+strings.Join(comps, ",")] {
			t.Fatalf("token %q verifies as %q %v, which was never signed", tok, email, comps)
		}
	})
}

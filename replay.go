package stormdesk

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// SignatureWindow is how far the signed timestamp of a webhook post may
// be from now, either way: Slack's five minutes, the consensus of signed
// webhooks. Every timestamped scheme (SendGrid's event webhook, Zendesk)
// uses it; the replay guard remembers a post for twice that, so nothing
// valid outlives its record.
const SignatureWindow = 5 * time.Minute

// ReplayGuard remembers signed requests until their timestamps can no
// longer be valid, so that a captured request sent again within its
// window is refused, and an event a platform retries is handled once.
// Every Store is one, shared by the replicas on it; chat adapters and the
// SendGrid event webhook take it under this name.
type ReplayGuard interface {
	// FirstSeen records key until until and reports whether it was new
	// (or its earlier record had expired by now). Its records may be
	// written without waiting for durability.
	FirstSeen(ctx context.Context, key string, now, until time.Time) (bool, error)
}

// ReplayKey is the key under which the replay guard remembers a signed
// request: the signing scheme and a SHA-256 digest of exactly the bytes
// the signature covers, in the scheme's order (Slack: "v0:", timestamp,
// ":", body; Discord and SendGrid: timestamp, body).
//
// The key is never the signature's text. One request verifies under many
// spellings of its signature: hex in either case (Slack, Discord), base64
// with stray padding bits (SendGrid); and an ECDSA signature (r, s), as
// SendGrid sends, has a twin (r, n-s) that anyone can compute and that
// verifies too. Keyed on what the signature authenticates, a message is
// accepted once whatever signature comes with it. (Go's crypto/ed25519
// refuses non-canonical S and R encodings, so only Discord itself could
// make a second valid signature; keyed this way, that would not matter
// either.)
func ReplayKey(scheme string, signed ...[]byte) string {
	h := sha256.New()
	for _, p := range signed {
		h.Write(p)
	}
	return scheme + ":" + hex.EncodeToString(h.Sum(nil))
}

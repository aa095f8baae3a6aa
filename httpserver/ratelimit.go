package httpserver

import (
	"math"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Rate-limit classes. Each route belongs to one class and each class has
// its own buckets, so that a flood of one kind (unsigned junk at the chat
// webhooks, bogus unsubscribe links) cannot throttle another (intake,
// inbound email) for the same client: a request that is refused, signed
// or not, costs a token of its own class only.
const (
	// ClassIntake is the ticket intake API (POST /api/v1/tickets), limited
	// after the bearer token is checked.
	ClassIntake = "intake"
	// ClassChat is Slack's and Discord's signed webhooks.
	ClassChat = "chat"
	// ClassEmail is SendGrid's webhooks: inbound email and delivery events.
	ClassEmail = "email"
	// ClassHelpdesk is the helpdesks' webhooks (connectors/): a storm in
	// Zendesk must not use up inbound email's tokens.
	ClassHelpdesk = "helpdesk"
	// ClassPublic is what people open from an email: unsubscribe links.
	ClassPublic = "public"
	// ClassStatus is the public status page and its feeds, refreshed by
	// everyone during an outage: it must not use up unsubscribe's tokens.
	ClassStatus = "status"
)

// RateLimit is a token bucket per route class and client: each client
// may make Burst requests of a class at once and Rate per second after
// that. A client over its limit gets 429 with Retry-After; other classes
// and other clients are unaffected.
type RateLimit struct {
	Rate  float64
	Burst float64
	Now   func() time.Time
	// TrustedProxies are the networks of the reverse proxies in front of
	// stormdesk. A request whose peer is in one of them is charged to the
	// client the proxies name in X-Forwarded-For (or, without it,
	// Forwarded); any other request to its peer. Empty (the default):
	// forwarding headers are never read, since anyone can send them.
	TrustedProxies []netip.Prefix

	mu      sync.Mutex
	buckets map[bucketKey]*bucket
	swept   time.Time
}

type bucketKey struct{ class, client string }

type bucket struct {
	tokens float64
	last   time.Time
}

// allow takes a token of class for client, or says how long until one is
// there.
func (l *RateLimit) allow(class, client string) (bool, time.Duration) {
	now := l.Now()
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.buckets == nil {
		l.buckets = map[bucketKey]*bucket{}
	}
	// Forget clients that have been quiet long enough to be full again,
	// so the map does not grow without bound.
	if now.Sub(l.swept) > time.Minute {
		full := time.Duration(l.Burst / l.Rate * float64(time.Second))
		for k, b := range l.buckets {
			if now.Sub(b.last) > full {
				delete(l.buckets, k)
			}
		}
		l.swept = now
	}
	k := bucketKey{class, client}
	b := l.buckets[k]
	if b == nil {
		b = &bucket{tokens: l.Burst, last: now}
		l.buckets[k] = b
	}
	b.tokens = math.Min(l.Burst, b.tokens+now.Sub(b.last).Seconds()*l.Rate)
	b.last = now
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	return false, time.Duration((1 - b.tokens) / l.Rate * float64(time.Second))
}

// Client is the address a request is charged to. Without trusted proxies
// it is the peer's. When the peer is a trusted proxy, the forwarding
// header is read from the right (the hop the nearest proxy appended) and
// the first address that is not a trusted proxy is the client: entries
// further left were written by that client and may be anything. A hop
// that is not an address stops the walk at the trusted hop before it; if
// every hop is trusted, the leftmost one is the client.
func (l *RateLimit) Client(r *http.Request) string {
	peer, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		peer = r.RemoteAddr
	}
	addr, err := netip.ParseAddr(peer)
	if err != nil || !l.trusted(addr) {
		return peer
	}
	hops := forwardedHops(r.Header)
	for i := len(hops) - 1; i >= 0; i-- {
		hop, ok := parseHop(hops[i])
		if !ok {
			break
		}
		addr = hop
		if !l.trusted(hop) {
			break
		}
	}
	return addr.String()
}

func (l *RateLimit) trusted(a netip.Addr) bool {
	a = a.Unmap()
	for _, p := range l.TrustedProxies {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// forwardedHops lists the client addresses a request passed through, the
// original client first: X-Forwarded-For when present (what nearly every
// proxy writes), otherwise the for= parameters of Forwarded (RFC 7239).
// A proxy that writes only Forwarded must therefore drop X-Forwarded-For
// from what it receives.
func forwardedHops(h http.Header) []string {
	var hops []string
	if xff := h.Values("X-Forwarded-For"); len(xff) > 0 {
		for _, v := range xff {
			for _, hop := range strings.Split(v, ",") {
				hops = append(hops, strings.TrimSpace(hop))
			}
		}
		return hops
	}
	for _, v := range h.Values("Forwarded") {
		for _, elem := range strings.Split(v, ",") {
			hop := ""
			for _, pair := range strings.Split(elem, ";") {
				k, val, ok := strings.Cut(strings.TrimSpace(pair), "=")
				if ok && strings.EqualFold(strings.TrimSpace(k), "for") {
					hop = strings.Trim(strings.TrimSpace(val), `"`)
				}
			}
			hops = append(hops, hop)
		}
	}
	return hops
}

// parseHop reads one hop: an IP address, optionally with a port, IPv6 in
// brackets when it has one ("[2001:db8::1]:4711").
func parseHop(s string) (netip.Addr, bool) {
	if a, err := netip.ParseAddr(strings.Trim(s, "[]")); err == nil {
		return a.Unmap(), true
	}
	if ap, err := netip.ParseAddrPort(s); err == nil {
		return ap.Addr().Unmap(), true
	}
	return netip.Addr{}, false
}

// limit wraps a handler of class with the per-client limit.
func (s *Server) limit(class string, next http.HandlerFunc) http.HandlerFunc {
	if s.RateLimit == nil || s.RateLimit.Rate <= 0 {
		return next
	}
	return func(w http.ResponseWriter, r *http.Request) {
		ok, wait := s.RateLimit.allow(class, s.RateLimit.Client(r))
		if !ok {
			w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
			s.metrics.limited.WithLabelValues(class).Inc()
			writeErrorStatus(w, http.StatusTooManyRequests, "rate_limited",
				"too many requests from this client: retry after the number of seconds in Retry-After")
			return
		}
		next(w, r)
	}
}

package httpserver

import (
	"math"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// RateLimit is a per-client token bucket: each client (by remote address)
// may make Burst requests at once and Rate per second after that. A
// client over its limit gets 429 with Retry-After; others are unaffected.
type RateLimit struct {
	Rate  float64
	Burst float64
	Now   func() time.Time

	mu      sync.Mutex
	buckets map[string]*bucket
	swept   time.Time
}

type bucket struct {
	tokens float64
	last   time.Time
}

// allow takes a token for key, or says how long until one is there.
func (l *RateLimit) allow(key string) (bool, time.Duration) {
	now := l.Now()
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.buckets == nil {
		l.buckets = map[string]*bucket{}
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
	b := l.buckets[key]
	if b == nil {
		b = &bucket{tokens: l.Burst, last: now}
		l.buckets[key] = b
	}
	b.tokens = math.Min(l.Burst, b.tokens+now.Sub(b.last).Seconds()*l.Rate)
	b.last = now
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	return false, time.Duration((1 - b.tokens) / l.Rate * float64(time.Second))
}

// limit wraps an intake handler with the per-client limit.
func (s *Server) limit(next http.HandlerFunc) http.HandlerFunc {
	if s.RateLimit == nil || s.RateLimit.Rate <= 0 {
		return next
	}
	return func(w http.ResponseWriter, r *http.Request) {
		key, _, err := net.SplitHostPort(r.RemoteAddr)
		if err != nil {
			key = r.RemoteAddr
		}
		ok, wait := s.RateLimit.allow(key)
		if !ok {
			w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
			s.metrics.limited.Inc()
			writeErrorStatus(w, http.StatusTooManyRequests, "rate_limited",
				"too many requests from this client: retry after the number of seconds in Retry-After")
			return
		}
		next(w, r)
	}
}

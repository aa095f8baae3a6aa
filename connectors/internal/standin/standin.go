// Package standin is the skeleton the helpdesk API stand-ins
// (zendesktest, intercomtest, helpscouttest) share: a local server closed
// when the test ends, a clock a test may replace, and the record of the
// calls answered. What each stand-in answers stays in its own package.
package standin

import (
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// Serve starts serve on a local test server, closed when the test ends,
// and returns the server's URL.
func Serve(tb testing.TB, serve http.HandlerFunc) string {
	srv := httptest.NewServer(serve)
	tb.Cleanup(srv.Close)
	return srv.URL
}

// Now is now(), or time.Now() when now is nil: a stand-in's clock that a
// test may replace.
func Now(now func() time.Time) time.Time {
	if now != nil {
		return now()
	}
	return time.Now()
}

// Calls records the calls a stand-in answered, in order; it is safe for
// concurrent use. The zero value is empty and ready.
type Calls[C any] struct {
	mu   sync.Mutex
	list []C
}

// Add records c.
func (l *Calls[C]) Add(c C) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.list = append(l.list, c)
}

// All returns a copy of every call recorded, in order.
func (l *Calls[C]) All() []C {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]C(nil), l.list...)
}

// Faults are the refusals a test asks a conversation API's stand-in for
// (intercomtest, helpscouttest): conversations deleted, which answer 404,
// and the next requests rate limited, which answer 429 with a wait. Each
// stand-in turns the wait into its API's own header and decides where in
// a request the checks come. Faults is safe for concurrent use; the zero
// value has none, and a stand-in embeds it so that its tests call Delete
// and RateLimitNext on the server.
type Faults struct {
	mu      sync.Mutex
	deleted map[string]bool
	limited []time.Duration
}

// Delete makes conversation id answer 404.
func (f *Faults) Delete(id string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.deleted == nil {
		f.deleted = map[string]bool{}
	}
	f.deleted[id] = true
}

// Deleted reports whether conversation id was deleted.
func (f *Faults) Deleted(id string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.deleted[id]
}

// RateLimitNext answers the next n rate-limited requests with 429, each
// asking to wait wait (what the wait means, a reset time or a retry
// delay, is the stand-in's API's).
func (f *Faults) RateLimitNext(n int, wait time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for range n {
		f.limited = append(f.limited, wait)
	}
}

// Limited takes the wait of the next rate-limited request: ok is false
// when no request is to be limited.
func (f *Faults) Limited() (wait time.Duration, ok bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.limited) == 0 {
		return 0, false
	}
	wait, f.limited = f.limited[0], f.limited[1:]
	return wait, true
}

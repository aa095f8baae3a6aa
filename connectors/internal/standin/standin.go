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

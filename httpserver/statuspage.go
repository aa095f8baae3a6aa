package httpserver

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"stormdesk/statuspage"
	"stormdesk/templates"
)

// The public status page and its feeds: no authentication, since they
// show only what an operator published (public titles and customer-facing
// updates) and the components' states. Each answer carries an ETag and a
// Last-Modified time and is cacheable for 30 seconds, so that a CDN can
// front the page while everyone refreshes it during an outage; a client
// that sends them back gets 304.

// statusCacheControl lets browsers and shared caches reuse an answer for
// 30 seconds.
const statusCacheControl = "public, max-age=30"

func (s *Server) statusRoutes(mux *http.ServeMux) {
	versions := &versionReads{fresh: s.StatusFresh}
	page := func(pattern, contentType string, write func(*statuspage.Page, *bytes.Buffer) error) {
		c := &statusCache{}
		mux.Handle(pattern, s.limit(ClassStatus, func(w http.ResponseWriter, r *http.Request) { s.serveStatus(w, r, versions, c, contentType, write) }))
	}
	page("GET /status", "text/html; charset=utf-8", func(p *statuspage.Page, b *bytes.Buffer) error { return templates.RenderStatusPage(b, p) })
	for _, e := range statuspage.Endpoints {
		page("GET /api/v2/"+e, "application/json; charset=utf-8", func(p *statuspage.Page, b *bytes.Buffer) error { return p.WriteJSON(b, e) })
	}
	page("GET /history.rss", "application/rss+xml; charset=utf-8", func(p *statuspage.Page, b *bytes.Buffer) error { return p.WriteRSS(b) })
	page("GET /history.atom", "application/atom+xml; charset=utf-8", func(p *statuspage.Page, b *bytes.Buffer) error { return p.WriteAtom(b) })
	// An incident's shortlink (in the JSON and the feeds) opens it on the page.
	// A maintenance's shortlink is the same with its id ("m4").
	mux.Handle("GET /status/incidents/{id}", s.limit(ClassStatus, func(w http.ResponseWriter, r *http.Request) {
		raw, anchor := r.PathValue("id"), "incident-"
		if rest, ok := strings.CutPrefix(raw, "m"); ok {
			raw, anchor = rest, "maintenance-"
		}
		id, err := strconv.ParseInt(raw, 10, 64)
		if err != nil || id <= 0 {
			writeErrorStatus(w, http.StatusNotFound, "not_found", "no such incident")
			return
		}
		http.Redirect(w, r, "/status#"+anchor+strconv.FormatInt(id, 10), http.StatusFound)
	}))
}

// statusCache holds one route's latest rendering. When everyone refreshes
// the page during an outage, building it afresh each time (the store's
// published incidents and their timelines, then the template) is what
// limits the requests a replica answers: measured on this project's
// 2-core machine, 560–690 requests/s of /status and 980–1,170 of
// summary.json on PostgreSQL, with a p99 of 0.6–1.2 s, against 2,000/s
// wanted (BenchmarkStatusPageLoad, docs/benchmarks.md); answering 304
// saved nothing, since the ETag is the body's hash. A request instead reads
// the store's version stamp of what the page shows (Desk.PublicVersion:
// one small query and the overrides') and reuses the rendering while the
// stamp and the minute are the same: the minute, because an open
// incident's downtime, and so the day's uptime, grows as time passes. The
// stamp is read from the store, not kept in this process, so a change
// made through another replica shows at once here too. Requests that
// find the rendering of their stamp under way wait for it rather than
// build it again.
type statusCache struct {
	mu   sync.Mutex
	last *statusRendering
}

// statusRendering is one rendering of a route's page; done is closed
// once body (or err) is set.
type statusRendering struct {
	key      string
	done     chan struct{}
	body     []byte
	etag     string
	modified time.Time
	err      error
}

// get returns the rendering for key, building it with build unless it
// is the latest one, built or under way.
func (c *statusCache) get(key string, build func(*statusRendering)) *statusRendering {
	c.mu.Lock()
	if last := c.last; last != nil && last.key == key {
		c.mu.Unlock()
		<-last.done
		return last
	}
	r := &statusRendering{key: key, done: make(chan struct{}), err: errRenderingPanicked}
	c.last = r
	c.mu.Unlock()
	// Deferred, so that the waiting requests are released even if build
	// panics (net/http recovers the panic of this request only).
	defer func() {
		if r.err != nil {
			// A failed rendering is not kept: the next request tries again.
			c.mu.Lock()
			if c.last == r {
				c.last = nil
			}
			c.mu.Unlock()
		}
		close(r.done)
	}()
	r.err = nil
	build(r)
	return r
}

var errRenderingPanicked = errors.New("httpserver: the status page's rendering or version read panicked")

// versionReads lets concurrent requests share one read of the store's
// public version: a request that arrives while a read is under way takes
// its answer instead of starting another. That answer can miss a change
// committed after the read began, which the next read shows: the page is
// then at most one read (a millisecond or so) behind the store, where
// its Cache-Control already lets every cache keep it for 30 seconds.
// When the page is asked for faster than the store answers (an outage,
// with intake running), the store reads once per round trip instead of
// once per request; a lone request reads as before.
//
// With fresh set (Server.StatusFresh), a version read less than fresh
// ago is used without asking the store at all: during an outage, with
// PostgreSQL busy with intake, a request then waits for no round trip,
// and the page is at most fresh behind a change made on another replica.
type versionReads struct {
	fresh time.Duration
	mu    sync.Mutex
	cur   *versionRead
	last  *versionRead // the latest read that succeeded
}

type versionRead struct {
	since   time.Time
	done    chan struct{}
	version string
	err     error
	at      time.Time // when the read began (the process's clock)
}

func (v *versionReads) read(ctx context.Context, since time.Time, read func(context.Context, time.Time) (string, error)) (string, error) {
	v.mu.Lock()
	if last := v.last; v.fresh > 0 && last != nil && last.since.Equal(since) && time.Since(last.at) < v.fresh {
		v.mu.Unlock()
		return last.version, nil
	}
	if cur := v.cur; cur != nil && cur.since.Equal(since) {
		v.mu.Unlock()
		<-cur.done
		return cur.version, cur.err
	}
	r := &versionRead{since: since, done: make(chan struct{}), err: errRenderingPanicked, at: time.Now()}
	v.cur = r
	v.mu.Unlock()
	defer func() {
		v.mu.Lock()
		if v.cur == r {
			v.cur = nil
		}
		if r.err == nil && (v.last == nil || !r.at.Before(v.last.at)) {
			v.last = r
		}
		v.mu.Unlock()
		close(r.done)
	}()
	// Not the request's context: the requests sharing the read need it
	// even if this one's client goes away.
	r.version, r.err = read(context.WithoutCancel(ctx), since)
	return r.version, r.err
}

// serveStatus answers with the page as of this moment, rendered by write
// or reused from c; http.ServeContent answers the conditional requests.
func (s *Server) serveStatus(w http.ResponseWriter, r *http.Request, versions *versionReads, c *statusCache, contentType string, write func(*statuspage.Page, *bytes.Buffer) error) {
	now := s.Desk.Now()
	since := now.UTC().Truncate(24*time.Hour).AddDate(0, 0, -(statuspage.Days - 1))
	version, err := versions.read(r.Context(), since, s.Desk.PublicVersion)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	page := c.get(now.UTC().Truncate(time.Minute).Format(time.RFC3339)+" "+version, func(out *statusRendering) {
		// Not the request's context: the requests waiting for this
		// rendering need it even if this one's client goes away.
		view, err := s.Desk.PublicView(context.WithoutCancel(r.Context()), since)
		if err != nil {
			out.err = err
			return
		}
		cfg := s.StatusPage
		cfg.Components = s.Desk.Components()
		cfg.Subscribe = s.Email != nil && s.Email.VerifyConfirm != nil && s.Desk.Subscriptions()
		p := statuspage.Build(cfg, view, now)
		var body bytes.Buffer
		if out.err = write(p, &body); out.err != nil {
			return
		}
		sum := sha256.Sum256(body.Bytes())
		out.body, out.etag, out.modified = body.Bytes(), `"`+hex.EncodeToString(sum[:12])+`"`, p.UpdatedAt
	})
	if page.err != nil {
		s.writeError(w, r, page.err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Cache-Control", statusCacheControl)
	h.Set("ETag", page.etag)
	h.Set("X-Content-Type-Options", "nosniff")
	// No script runs on the page, nothing but its own inline style and
	// the configured logo loads, and its one form (subscribing) posts
	// only here.
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src https: http:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
	// Last-Modified is the latest published change (an update, a
	// publication, an override); the ETag also changes with what time
	// alone changes (today's uptime while an incident is open).
	http.ServeContent(w, r, "", page.modified, bytes.NewReader(page.body))
}

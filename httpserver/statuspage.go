package httpserver

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
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
	page := func(pattern, contentType string, write func(*statuspage.Page, *bytes.Buffer) error) {
		mux.Handle(pattern, s.limit(ClassStatus, func(w http.ResponseWriter, r *http.Request) { s.serveStatus(w, r, contentType, write) }))
	}
	page("GET /status", "text/html; charset=utf-8", func(p *statuspage.Page, b *bytes.Buffer) error { return templates.RenderStatusPage(b, p) })
	for _, e := range []string{statuspage.Summary, statuspage.Status, statuspage.Components, statuspage.Incidents, statuspage.Unresolved} {
		page("GET /api/v2/"+e, "application/json; charset=utf-8", func(p *statuspage.Page, b *bytes.Buffer) error { return p.WriteJSON(b, e) })
	}
	page("GET /history.rss", "application/rss+xml; charset=utf-8", func(p *statuspage.Page, b *bytes.Buffer) error { return p.WriteRSS(b) })
	page("GET /history.atom", "application/atom+xml; charset=utf-8", func(p *statuspage.Page, b *bytes.Buffer) error { return p.WriteAtom(b) })
	// An incident's shortlink (in the JSON and the feeds) opens it on the page.
	mux.Handle("GET /status/incidents/{id}", s.limit(ClassStatus, func(w http.ResponseWriter, r *http.Request) {
		id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
		if err != nil || id <= 0 {
			writeErrorStatus(w, http.StatusNotFound, "not_found", "no such incident")
			return
		}
		http.Redirect(w, r, "/status#incident-"+strconv.FormatInt(id, 10), http.StatusFound)
	}))
}

// serveStatus builds the page from the store at this moment and writes
// it with write; http.ServeContent answers the conditional requests.
func (s *Server) serveStatus(w http.ResponseWriter, r *http.Request, contentType string, write func(*statuspage.Page, *bytes.Buffer) error) {
	now := s.Desk.Now()
	pubs, overrides, err := s.Desk.PublicIncidents(r.Context(), now.UTC().Truncate(24*time.Hour).AddDate(0, 0, -(statuspage.Days-1)))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	cfg := s.StatusPage
	cfg.Components = s.Desk.Components()
	p := statuspage.Build(cfg, pubs, overrides, now)
	var body bytes.Buffer
	if err := write(p, &body); err != nil {
		s.writeError(w, r, err)
		return
	}
	sum := sha256.Sum256(body.Bytes())
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Cache-Control", statusCacheControl)
	h.Set("ETag", `"`+hex.EncodeToString(sum[:12])+`"`)
	h.Set("X-Content-Type-Options", "nosniff")
	// No script runs on the page, and nothing but its own inline style
	// and the configured logo loads.
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src https: http:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
	// Last-Modified is the latest published change (an update, a
	// publication, an override); the ETag also changes with what time
	// alone changes (today's uptime while an incident is open).
	http.ServeContent(w, r, "", p.UpdatedAt, bytes.NewReader(body.Bytes()))
}

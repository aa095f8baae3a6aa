// Package httpserver is stormdesk's HTTP edge: routes, authentication,
// decoding and validation of intake bodies, health and metrics. It maps
// error codes to HTTP statuses in one place (errors.go).
package httpserver

import (
	"crypto/subtle"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"stormdesk/desk"
)

// DefaultMaxBodyBytes bounds a request body: room for a batch of 1,000
// ordinary tickets.
const DefaultMaxBodyBytes = 16 << 20

// MaxBatch is the most tickets one request may carry.
const MaxBatch = 1000

// Server holds the HTTP edge's dependencies.
type Server struct {
	Desk *desk.Service
	// Token, when set, is required as "Authorization: Bearer <token>" on
	// /api/. Without one the caller must keep the listener on loopback.
	Token        string
	MaxBodyBytes int64
	// RateLimit, when set, limits requests per client in each route
	// class (ClassIntake, ClassChat, ClassEmail, ClassPublic).
	RateLimit *RateLimit
	Log       *slog.Logger
	metrics   *metrics
}

// New returns a Server whose metrics are registered on reg.
func New(d *desk.Service, token string, log *slog.Logger, reg prometheus.Registerer) *Server {
	return &Server{Desk: d, Token: token, MaxBodyBytes: DefaultMaxBodyBytes, Log: log, metrics: newMetrics(reg, d)}
}

// extraClasses is the rate-limit class of each prefix under which extra
// routes live.
var extraClasses = []struct{ pattern, class string }{
	{"POST /slack/", ClassChat},
	{"POST /discord/", ClassChat},
	{"POST /inbound/", ClassEmail},
	{"POST /sendgrid/", ClassEmail},
	{"/unsubscribe", ClassPublic},
}

// Handler returns the routes. gatherer serves /metrics; extra registers
// more routes under /slack/, /discord/, /inbound/, /sendgrid/ and
// /unsubscribe (the chat front ends' signed endpoints, SendGrid's
// webhooks, unsubscribe links), which are instrumented and rate-limited,
// each prefix in its class, but carry their own authentication.
func (s *Server) Handler(gatherer prometheus.Gatherer, extra ...func(*http.ServeMux)) http.Handler {
	mux := http.NewServeMux()
	if len(extra) > 0 {
		sub := http.NewServeMux()
		for _, register := range extra {
			register(sub)
		}
		for _, e := range extraClasses {
			mux.Handle(e.pattern, s.limit(e.class, s.instrument(sub).ServeHTTP))
		}
	}
	api := func(pattern string, h http.HandlerFunc) {
		mux.Handle(pattern, s.instrument(s.auth(h)))
	}
	api("POST /api/v1/tickets", s.limit(ClassIntake, s.postTickets))
	api("GET /api/v1/tickets/{id}", s.getTicket)
	api("GET /api/v1/incidents", s.listIncidents)
	api("POST /api/v1/incidents", s.postIncident)
	api("GET /api/v1/incidents/{id}", s.getIncident)
	api("POST /api/v1/incidents/{id}/acknowledge", s.postAcknowledge)
	api("POST /api/v1/incidents/{id}/status", s.postStatus)
	api("POST /api/v1/incidents/{id}/notes", s.postNote)
	api("POST /api/v1/incidents/{id}/merge", s.postMerge)
	api("POST /api/v1/incidents/{id}/emails", s.postEmail)
	api("POST /api/v1/emails/{message_id}/approve", s.postEmailDecision(true))
	api("POST /api/v1/emails/{message_id}/cancel", s.postEmailDecision(false))
	api("GET /api/v1/incidents/{id}/timeline", s.getTimeline)
	api("GET /api/v1/incidents/{id}/tickets", s.getIncidentTickets)
	api("GET /api/v1/incidents/{id}/emails", s.getEmails)
	api("PUT /api/v1/incidents/{id}/email-policy", s.putEmailPolicy)
	api("PATCH /api/v1/timeline/{id}", s.correctEntry)
	api("GET /api/v1/clusters", s.listClusters)
	api("GET /api/v1/upstream", s.listUpstream)
	mux.Handle("GET /healthz", s.instrument(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})))
	mux.Handle("GET /readyz", s.instrument(http.HandlerFunc(s.readyz)))
	mux.Handle("GET /metrics", promhttp.HandlerFor(gatherer, promhttp.HandlerOpts{}))
	mux.Handle("/", s.instrument(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeErrorStatus(w, http.StatusNotFound, "not_found", "no route for "+r.Method+" "+r.URL.Path)
	})))
	return mux
}

func (s *Server) auth(next http.HandlerFunc) http.HandlerFunc {
	if s.Token == "" {
		return next
	}
	want := []byte(s.Token)
	return func(w http.ResponseWriter, r *http.Request) {
		if subtle.ConstantTimeCompare(bearerToken(r.Header.Get("Authorization")), want) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="stormdesk"`)
			msg := "missing or wrong bearer token (send Authorization: Bearer $STORMDESK_API_TOKEN)"
			writeErrorStatus(w, http.StatusUnauthorized, "unauthorized", msg)
			return
		}
		next(w, r)
	}
}

// bearerToken is the token of an Authorization header of the Bearer
// scheme, or nil. RFC 9110 (section 11.1) makes the scheme name
// case-insensitive ("bearer", "BEARER") and allows one or more spaces
// before the credentials.
func bearerToken(header string) []byte {
	scheme, token, ok := strings.Cut(strings.TrimSpace(header), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return nil
	}
	return []byte(strings.TrimLeft(token, " "))
}

func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	if err := s.Desk.Ready(r.Context()); err != nil {
		s.Log.Warn("not ready", slog.Any("error", err))
		writeErrorStatus(w, http.StatusServiceUnavailable, "unavailable", "store unreachable")
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ready", "store": s.Desk.Store.Backend()})
}

// statusRecorder captures the status code for metrics and logs.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.ResponseWriter.Write(b)
}

func (s *Server) instrument(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r)
		route := r.Pattern
		if route == "" || route == "/" {
			route = "unmatched"
		}
		s.metrics.observe(route, rec.status, time.Since(start))
		if rec.status >= 500 || s.Log.Enabled(r.Context(), slog.LevelDebug) {
			s.Log.Info("http request", slog.String("method", r.Method), slog.String("route", route),
				slog.Int("status", rec.status), slog.Float64("duration_ms", float64(time.Since(start).Microseconds())/1000))
		}
	})
}

// clientWantsJSON is true unless the content type names something else.
func isJSON(contentType string) bool {
	mt, _, _ := strings.Cut(contentType, ";")
	mt = strings.ToLower(strings.TrimSpace(mt))
	return mt == "application/json" || (strings.HasPrefix(mt, "application/") && strings.HasSuffix(mt, "+json"))
}

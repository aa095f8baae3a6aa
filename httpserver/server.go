// Package httpserver is stormdesk's HTTP edge: routes, authentication,
// decoding and validation of intake bodies, health and metrics. It maps
// error codes to HTTP statuses in one place (errors.go).
package httpserver

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"stormdesk/desk"
	"stormdesk/statuspage"
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
	// /api/v1/ (the status page and its feeds are public). Without one the
	// caller must keep the listener on loopback.
	Token        string
	MaxBodyBytes int64
	// RateLimit, when set, limits requests per client in each route
	// class (ClassIntake, ClassChat, ClassEmail, ClassHelpdesk, ClassPublic,
	// ClassStatus).
	RateLimit *RateLimit
	Log       *slog.Logger
	metrics   *metrics

	// The outside services' endpoints (edge.go); nil: not served.
	Slack      Slack
	Discord    Discord
	Inbound    *Inbound
	Email      *Email
	Connectors *Connectors
	// StatusPage names and brands the public status page (its
	// components come from the desk).
	StatusPage statuspage.Config
	// StatusFresh is how long the status page reuses its reading of the
	// store's version stamp without asking again (0: it asks on every
	// request, sharing reads under way). serve uses DefaultStatusFresh.
	StatusFresh time.Duration
}

// DefaultStatusFresh is serve's StatusFresh: a change made on another
// replica shows on this one's page within a second, while a page asked
// for 2,000 times a second asks the store about once.
const DefaultStatusFresh = time.Second

// New returns a Server whose metrics are registered on reg.
func New(d *desk.Service, token string, log *slog.Logger, reg prometheus.Registerer) *Server {
	return &Server{Desk: d, Token: token, MaxBodyBytes: DefaultMaxBodyBytes, Log: log, metrics: newMetrics(reg, d)}
}

// Handler returns every route: the API, health, metrics (from
// gatherer), and the endpoints of the outside services that are
// configured (Slack, Discord, SendGrid's webhooks, the helpdesks'
// webhooks, unsubscribe links), which are rate-limited each in its class
// and carry their own authentication.
//
// Every request, whatever answers it, goes through observe: it gets a
// request id, one access-log line and its metrics.
func (s *Server) Handler(gatherer prometheus.Gatherer) http.Handler {
	mux := http.NewServeMux()
	for _, e := range s.edgeRoutes() {
		mux.Handle(e.pattern, s.limit(e.class, e.h.ServeHTTP))
	}
	api := func(pattern string, h http.HandlerFunc) {
		mux.Handle(pattern, s.auth(h))
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
	api("POST /api/v1/incidents/{id}/publish", s.postPublish)
	api("PUT /api/v1/components/{component}/status", s.putComponentStatus)
	api("POST /api/v1/maintenances", s.postMaintenance)
	api("GET /api/v1/maintenances", s.listMaintenances)
	api("GET /api/v1/maintenances/{id}", s.getMaintenance)
	api("POST /api/v1/maintenances/{id}/cancel", s.postMaintenanceCancel)
	api("GET /api/v1/subscriptions", s.listSubscriptions)
	api("GET /api/v1/subscriptions/{email}/history", s.getSubscriber)
	api("DELETE /api/v1/subscriptions/{email}/{component}", s.deleteSubscription)
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
	api("GET /api/v1/audit", s.getAudit)
	s.statusRoutes(mux)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("GET /readyz", s.readyz)
	mux.Handle("GET /metrics", promhttp.HandlerFor(gatherer, promhttp.HandlerOpts{}))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeErrorStatus(w, http.StatusNotFound, "not_found", "no route for "+r.Method+" "+r.URL.Path)
	})
	return s.observe(mux)
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

// Unwrap lets http.ResponseController reach the connection's writer.
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// RequestIDHeader carries a request's id: taken from the request when it
// is a sane one (a proxy's or a client's own), made up otherwise, and
// always echoed in the response.
const RequestIDHeader = "X-Request-Id"

// maxRequestIDLen bounds an incoming request id, so that a client cannot
// fill the logs through it.
const maxRequestIDLen = 64

type requestIDKey struct{}

// RequestID is the id of the request ctx belongs to, or "".
func RequestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}

// requestID keeps an incoming id made of letters, digits and . _ - : (at
// most 64 of them) and otherwise makes one: anything else could forge log
// lines or carry a payload into them.
func requestID(incoming string) string {
	if n := len(incoming); n > 0 && n <= maxRequestIDLen {
		ok := true
		for _, c := range []byte(incoming) {
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '_' || c == '-' || c == ':') {
				ok = false
				break
			}
		}
		if ok {
			return incoming
		}
	}
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// observe gives each request its id (in the context and the response
// header, where error bodies find it), counts it in the metrics and
// writes one access-log line at info: method, route pattern (never the
// path, which may carry a secret), status, duration, request id and
// client address. Bodies are never logged.
func (s *Server) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := requestID(r.Header.Get(RequestIDHeader))
		w.Header().Set(RequestIDHeader, id)
		r = r.WithContext(context.WithValue(r.Context(), requestIDKey{}, id))
		rec := &statusRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r)
		if rec.status == 0 {
			rec.status = http.StatusOK
		}
		elapsed := time.Since(start)
		route := r.Pattern
		if route == "" || route == "/" {
			route = "unmatched"
		}
		if route != "GET /metrics" {
			s.metrics.observe(route, rec.status, elapsed)
		}
		s.Log.LogAttrs(r.Context(), slog.LevelInfo, "http request",
			slog.String("method", r.Method), slog.String("route", route), slog.Int("status", rec.status),
			slog.Float64("duration_ms", float64(elapsed.Microseconds())/1000),
			slog.String("request_id", id), slog.String("client", s.client(r)))
	})
}

// client is the address a request came from: the one rate limits charge,
// so that behind trusted proxies it is the real client's.
func (s *Server) client(r *http.Request) string {
	if s.RateLimit != nil {
		return s.RateLimit.Client(r)
	}
	peer, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return peer
}

// clientWantsJSON is true unless the content type names something else.
func isJSON(contentType string) bool {
	mt, _, _ := strings.Cut(contentType, ";")
	mt = strings.ToLower(strings.TrimSpace(mt))
	return mt == "application/json" || (strings.HasPrefix(mt, "application/") && strings.HasSuffix(mt, "+json"))
}

package httpserver

import (
	"cmp"
	"fmt"
	"log/slog"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"stormdesk"
	"stormdesk/audit"
	"stormdesk/templates"
)

func (s *Server) listIncidents(w http.ResponseWriter, r *http.Request) {
	var f stormdesk.IncidentFilter
	switch st := r.URL.Query().Get("status"); st {
	case "", "all":
	case "open":
		f.Open = true
	default:
		s.writeError(w, r, stormdesk.Errorf(stormdesk.EINVALID, "status: %q is not open or all", st))
		return
	}
	f.Limit = 100
	if l := r.URL.Query().Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > 1000 {
			s.writeError(w, r, stormdesk.Errorf(stormdesk.EINVALID, "limit: %q is not a number from 1 to 1000", l))
			return
		}
		f.Limit = n
	}
	incs, err := s.Desk.Incidents(r.Context(), f)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"incidents": incs})
}

func (s *Server) getIncident(w http.ResponseWriter, r *http.Request) {
	getByID(s, w, r, s.Desk.Incident)
}

// exportTypes are the response content types of the export formats.
var exportTypes = map[string]string{
	"md":   "text/markdown; charset=utf-8",
	"html": "text/html; charset=utf-8",
	"json": "application/json; charset=utf-8",
	"csv":  "text/csv; charset=utf-8",
}

// getTimeline exports the incident's timeline as a post-mortem:
// ?format=md|html|json|csv (JSON by default, schema stormdesk.export/v1).
func (s *Server) getTimeline(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	format := r.URL.Query().Get("format")
	if format == "" {
		format = "json"
	}
	format, err = templates.ParseFormat(format)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	// Check the incident first, so that a missing one is a clean 404 and
	// not a half-written body.
	if _, err := s.Desk.Incident(r.Context(), id); err != nil {
		s.writeError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", exportTypes[format])
	w.Header().Set("Content-Disposition", fmt.Sprintf(`inline; filename="incident-%d.%s"`, id, format))
	if err := s.Desk.Export(r.Context(), id, format, w); err != nil {
		// The status line is gone; all that is left is to log and cut the
		// response short.
		s.Log.Error("export failed mid-stream", slog.Int64("incident_id", id), slog.Any("error", err))
		panic(http.ErrAbortHandler)
	}
}

// getAudit writes the dependency audit: ?since=90d (a span back from now
// or a date, 90 days by default) and ?format=md|html|json|csv (JSON by
// default, schema stormdesk.audit/v1).
func (s *Server) getAudit(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	format, err := templates.ParseFormat(cmp.Or(q.Get("format"), "json"))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	since, err := audit.ParseSince(cmp.Or(q.Get("since"), "90d"), s.Desk.Now())
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	rep, err := s.Desk.AuditReport(r.Context(), since)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", exportTypes[format])
	w.Header().Set("Content-Disposition", fmt.Sprintf(`inline; filename="audit.%s"`, format))
	if err := audit.Render(w, format, rep); err != nil {
		s.Log.Error("audit failed mid-stream", slog.Any("error", err))
		panic(http.ErrAbortHandler)
	}
}

// listClusters shows triage's active clusters, largest first: what the
// engine currently sees, before any of it becomes an incident.
func (s *Server) listClusters(w http.ResponseWriter, r *http.Request) {
	cs, total, err := s.Desk.ClusterViews(r.Context(), 200)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"clusters": cs, "active": total})
}

// listUpstream shows each watched feed and probe: last poll, state, and
// the reason when it is unreadable or failing.
func (s *Server) listUpstream(w http.ResponseWriter, r *http.Request) {
	states, err := s.Desk.WatchStates(r.Context())
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if states == nil {
		states = []*stormdesk.WatchState{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"watched": states})
}

// correctEntry rewrites a timeline entry's text and/or time:
// {"text": "...", "at": "RFC 3339", "actor": "who"}. The correction is
// itself recorded on the timeline.
func (s *Server) correctEntry(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	var in struct {
		Text  string `json:"text"`
		At    string `json:"at"`
		Actor string `json:"actor"`
	}
	if !s.decodeBody(w, r, &in) {
		return
	}
	var at time.Time
	if in.At != "" {
		if at, err = time.Parse(time.RFC3339Nano, in.At); err != nil {
			s.writeError(w, r, stormdesk.Errorf(stormdesk.EINVALID, "at: %q is not an RFC 3339 time", in.At))
			return
		}
	}
	if strings.TrimSpace(in.Actor) == "" {
		s.writeError(w, r, stormdesk.Errorf(stormdesk.EINVALID, "actor: required (who makes the correction)"))
		return
	}
	e, err := s.Desk.CorrectEntry(r.Context(), id, in.Text, at, in.Actor)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, e)
}

// getEmails lists an incident's customer emails with the delivery counts
// of their recipients, and the email policy in force.
func (s *Server) getEmails(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	st, err := s.Desk.EmailStatus(r.Context(), id)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"email_policy": st.Policy, "emails": st.Messages})
}

// putEmailPolicy changes what an incident's automatic emails do:
// {"policy": {"update": "approve"}, "actor": "U2"}.
func (s *Server) putEmailPolicy(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	var in struct {
		Policy map[string]string `json:"policy"`
		Actor  string            `json:"actor"`
	}
	if !s.decodeBody(w, r, &in) {
		return
	}
	if strings.TrimSpace(in.Actor) == "" {
		s.writeError(w, r, stormdesk.Errorf(stormdesk.EINVALID, "actor: required (who changes the policy)"))
		return
	}
	var pairs []string
	for t, m := range in.Policy {
		pairs = append(pairs, t+"="+m)
	}
	sort.Strings(pairs)
	p, err := stormdesk.ParseEmailPolicy(strings.Join(pairs, " "))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	inForce, err := s.Desk.SetEmailPolicy(r.Context(), id, p, in.Actor)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"email_policy": inForce})
}

// getIncidentTickets lists an incident's tickets, each with why it joined
// (?limit=1..1000, default 100; ?after=ID continues), and how many joined
// for each kind of reason.
func (s *Server) getIncidentTickets(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	limit := 100
	if l := r.URL.Query().Get("limit"); l != "" {
		if limit, err = strconv.Atoi(l); err != nil || limit < 1 || limit > 1000 {
			s.writeError(w, r, stormdesk.Errorf(stormdesk.EINVALID, "limit: %q is not a number from 1 to 1000", l))
			return
		}
	}
	var after int64
	if a := r.URL.Query().Get("after"); a != "" {
		if after, err = strconv.ParseInt(a, 10, 64); err != nil || after < 0 {
			s.writeError(w, r, stormdesk.Errorf(stormdesk.EINVALID, "after: %q is not a ticket id", a))
			return
		}
	}
	tickets, err := s.Desk.IncidentTickets(r.Context(), id, after, limit)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	reasons, err := s.Desk.JoinReasons(r.Context(), id)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if tickets == nil {
		tickets = []*stormdesk.Ticket{}
	}
	if reasons == nil {
		reasons = []stormdesk.ReasonCount{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"tickets": tickets, "reasons": reasons})
}

package httpserver

import (
	"net/http"
	"strconv"

	"stormdesk"
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
	id, err := pathID(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	inc, err := s.Desk.Incident(r.Context(), id)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, inc)
}

// getTimeline returns the incident's timeline as JSON. The post-mortem
// export formats arrive with the timeline issue.
func (s *Server) getTimeline(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	es, err := s.Desk.Timeline(r.Context(), id)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if es == nil {
		es = []*stormdesk.TimelineEntry{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"incident_id": id, "entries": es})
}

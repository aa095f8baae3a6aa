package httpserver

import (
	"net/http"
	"strconv"
	"time"

	"stormdesk"
)

// postMaintenance schedules a maintenance window: {"components":
// ["login"], "starts_at": RFC 3339, "ends_at": RFC 3339, "title": "...",
// "text": "...", "alert_above": 30, "actor": "..."} (title, text and
// alert_above optional). 201 with the maintenance.
func (s *Server) postMaintenance(w http.ResponseWriter, r *http.Request) {
	op(s, func(r *http.Request, in *struct {
		Components []string  `json:"components"`
		StartsAt   time.Time `json:"starts_at"`
		EndsAt     time.Time `json:"ends_at"`
		Title      string    `json:"title"`
		Text       string    `json:"text"`
		AlertAbove int       `json:"alert_above"`
		Actor      string    `json:"actor"`
	}) (int, any, error) {
		if err := requireActor(in.Actor, "schedules the maintenance"); err != nil {
			return 0, nil, err
		}
		if in.AlertAbove < 0 {
			return 0, nil, stormdesk.Errorf(stormdesk.EINVALID, "alert_above: %d is negative", in.AlertAbove)
		}
		m, err := s.Desk.ScheduleMaintenance(r.Context(), stormdesk.Maintenance{Components: in.Components, StartsAt: in.StartsAt, EndsAt: in.EndsAt,
			Title: in.Title, Text: in.Text, AlertAbove: in.AlertAbove}, in.Actor, "api:"+in.Actor)
		return http.StatusCreated, m, err
	})(w, r)
}

// listMaintenances lists the maintenances ending in the last 90 days or
// later, by start.
func (s *Server) listMaintenances(w http.ResponseWriter, r *http.Request) {
	ms, err := s.Desk.Maintenances(r.Context(), s.Desk.Now().Add(-90*24*time.Hour))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if ms == nil {
		ms = []*stormdesk.Maintenance{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"maintenances": ms})
}

// getMaintenance returns a maintenance with its timeline (the reports
// it took in among them).
func (s *Server) getMaintenance(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.writeError(w, r, stormdesk.Errorf(stormdesk.EINVALID, "id: %q is not a maintenance id", r.PathValue("id")))
		return
	}
	m, es, err := s.Desk.MaintenanceTimeline(r.Context(), id)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if es == nil {
		es = []stormdesk.MaintenanceEntry{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"maintenance": m, "timeline": es})
}

// postMaintenanceCancel calls a maintenance off: {"actor": "..."}.
func (s *Server) postMaintenanceCancel(w http.ResponseWriter, r *http.Request) {
	op(s, func(r *http.Request, in *struct {
		Actor string `json:"actor"`
	}) (int, any, error) {
		id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
		if err != nil || id <= 0 {
			return 0, nil, stormdesk.Errorf(stormdesk.EINVALID, "id: %q is not a maintenance id", r.PathValue("id"))
		}
		if err := requireActor(in.Actor, "cancels the maintenance"); err != nil {
			return 0, nil, err
		}
		m, err := s.Desk.CancelMaintenance(r.Context(), id, in.Actor)
		return http.StatusOK, m, err
	})(w, r)
}

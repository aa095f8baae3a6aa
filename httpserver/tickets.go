package httpserver

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"stormdesk"
	"stormdesk/intake"
)

type batchResponse struct {
	Created    int            `json:"created"`
	Duplicates int            `json:"duplicates"`
	Tickets    []ticketAnswer `json:"tickets"`
}

// ticketAnswer is a ticket as intake answers with it. Duplicate is true
// when a ticket with the same (source, external_id) was already stored:
// the answer is that stored ticket, unchanged, and what was sent this
// time is ignored, whatever it says, so the sender can tell a retry that
// landed from a reused id.
type ticketAnswer struct {
	*stormdesk.Ticket
	Duplicate bool `json:"duplicate,omitempty"`
}

// postTickets takes one ticket (a JSON object) or a batch (a JSON array of
// up to MaxBatch objects). A batch with any bad item is rejected whole and
// the error names the item; nothing of it is stored.
func (s *Server) postTickets(w http.ResponseWriter, r *http.Request) {
	if ct := r.Header.Get("Content-Type"); !isJSON(ct) {
		if ct == "" {
			ct = "none"
		}
		writeErrorStatus(w, http.StatusUnsupportedMediaType, codeUnsupportedMedia,
			fmt.Sprintf("Content-Type: want application/json, got %s (with curl, add -H 'Content-Type: application/json')", ct))
		return
	}
	body, err := readBody(w, r, s.MaxBodyBytes)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if !utf8.Valid(body) {
		s.writeError(w, r, stormdesk.Errorf(stormdesk.EINVALID, "request body: invalid UTF-8 at byte %d", invalidUTF8At(body)))
		return
	}
	trimmed := bytes.TrimLeft(body, " \t\r\n")
	if len(trimmed) > 0 && trimmed[0] == '[' {
		s.postBatch(w, r, trimmed)
		return
	}
	in, err := intake.DecodeTicket(body, "request body")
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	t, err := in.Ticket()
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	created, err := s.Desk.IngestTicket(r.Context(), t)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.countTickets([]*stormdesk.Ticket{t}, []bool{created})
	w.Header().Set("Location", fmt.Sprintf("/api/v1/tickets/%d", t.ID))
	status := http.StatusOK
	if created {
		status = http.StatusCreated
	}
	writeJSON(w, status, ticketAnswer{Ticket: t, Duplicate: !created})
}

func (s *Server) postBatch(w http.ResponseWriter, r *http.Request, body []byte) {
	var raw []json.RawMessage
	if err := json.Unmarshal(body, &raw); err != nil {
		s.writeError(w, r, intake.JSONProblem(err, intake.TicketFields, "request body", len(body)))
		return
	}
	switch {
	case len(raw) == 0:
		s.writeError(w, r, stormdesk.Errorf(stormdesk.EINVALID, "tickets: empty batch"))
		return
	case len(raw) > MaxBatch:
		s.writeError(w, r, stormdesk.Errorf(stormdesk.EINVALID, "tickets: at most %d per request, got %d", MaxBatch, len(raw)))
		return
	}
	tickets := make([]*stormdesk.Ticket, len(raw))
	for i, data := range raw {
		item := fmt.Sprintf("tickets[%d]", i)
		in, err := intake.DecodeTicket(data, item)
		if err == nil {
			tickets[i], err = in.Ticket()
		}
		if err != nil {
			msg := stormdesk.ErrorMessage(err)
			if !strings.HasPrefix(msg, item+":") {
				msg = item + "." + msg // a field of the item
			}
			s.writeError(w, r, stormdesk.Errorf(stormdesk.EINVALID, "%s", msg))
			return
		}
	}
	created, err := s.Desk.IngestTickets(r.Context(), tickets)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.countTickets(tickets, created)
	resp := batchResponse{Tickets: make([]ticketAnswer, len(tickets))}
	for i, c := range created {
		resp.Tickets[i] = ticketAnswer{Ticket: tickets[i], Duplicate: !c}
		if c {
			resp.Created++
		} else {
			resp.Duplicates++
		}
	}
	writeJSON(w, http.StatusOK, resp)
}

func (s *Server) countTickets(tickets []*stormdesk.Ticket, created []bool) {
	for i, t := range tickets {
		result := "duplicate"
		if created[i] {
			result = "created"
		}
		s.metrics.tickets.WithLabelValues(t.Source, result).Inc()
	}
}

func invalidUTF8At(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, stormdesk.Errorf(stormdesk.EINVALID, "id: %q is not a positive integer", r.PathValue("id"))
	}
	return id, nil
}

// getByID answers a GET of the path's {id} with what get finds, as JSON.
func getByID[T any](s *Server, w http.ResponseWriter, r *http.Request, get func(context.Context, int64) (T, error)) {
	id, err := pathID(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	v, err := get(r.Context(), id)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, v)
}

func (s *Server) getTicket(w http.ResponseWriter, r *http.Request) { getByID(s, w, r, s.Desk.Ticket) }

package httpserver

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"stormdesk"
)

// TicketInput is the JSON shape of one ticket at intake. It is also the
// shape of a JSON Lines import row.
type TicketInput struct {
	Source        string `json:"source"`
	ExternalID    string `json:"external_id"`
	CustomerEmail string `json:"customer_email"`
	CustomerName  string `json:"customer_name"`
	Organisation  string `json:"organisation"`
	Subject       string `json:"subject"`
	Body          string `json:"body"`
	// ReceivedAt is an RFC 3339 time; empty means now.
	ReceivedAt string `json:"received_at"`
}

// Ticket converts the input into a domain ticket. The error names the
// field, with prefix before it ("tickets[2].").
func (in TicketInput) Ticket() (*stormdesk.Ticket, error) {
	t := &stormdesk.Ticket{Source: in.Source, ExternalID: in.ExternalID, CustomerEmail: in.CustomerEmail,
		CustomerName: in.CustomerName, Organisation: in.Organisation, Subject: in.Subject, Body: in.Body}
	if s := strings.TrimSpace(in.ReceivedAt); s != "" {
		at, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			return nil, stormdesk.Errorf(stormdesk.EINVALID, "received_at: %q is not an RFC 3339 time such as 2018-11-28T16:46:00Z", in.ReceivedAt)
		}
		// A time that was given is judged now: the zero time
		// (0001-01-01T00:00:00Z) would otherwise pass for "not given" and
		// become the intake time.
		if err := stormdesk.CheckReceivedAt(at); err != nil {
			return nil, err
		}
		t.ReceivedAt = at
	}
	return t, nil
}

// DecodeTicketJSON decodes one JSON object strictly: unknown fields and
// wrong types are errors that name the field.
func DecodeTicketJSON(data []byte) (TicketInput, error) {
	var in TicketInput
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		return in, jsonError(err)
	}
	if dec.More() {
		return in, stormdesk.Errorf(stormdesk.EINVALID, "body: unexpected data after the JSON value")
	}
	return in, nil
}

// ticketFields are the fields a ticket body may carry.
const ticketFields = "source, external_id, customer_email, customer_name, organisation, subject, body, received_at"

// jsonError turns encoding/json's errors about a ticket body into messages
// that name the field.
func jsonError(err error) error { return jsonErrorKnown(err, ticketFields) }

// jsonErrorKnown turns encoding/json's errors into messages that name the
// field; known lists the body's fields for an unknown-field error.
func jsonErrorKnown(err error, known string) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return stormdesk.Errorf(stormdesk.EINVALID, "body: malformed JSON at byte %d: %s", syn.Offset, syn.Error())
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			field = "body"
		}
		return stormdesk.Errorf(stormdesk.EINVALID, "%s: want %s, got JSON %s", field, jsonKind(typ.Type.Kind().String()), typ.Value)
	case errors.Is(err, io.EOF):
		return stormdesk.Errorf(stormdesk.EINVALID, "body: empty")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return stormdesk.Errorf(stormdesk.EINVALID, "body: truncated JSON")
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return stormdesk.Errorf(stormdesk.EINVALID, "%s: unknown field (known: %s)", name, known)
	}
	return stormdesk.Errorf(stormdesk.EINVALID, "body: %s", err.Error())
}

func jsonKind(k string) string {
	if k == "struct" {
		return "an object"
	}
	return k
}

type batchResponse struct {
	Created    int                 `json:"created"`
	Duplicates int                 `json:"duplicates"`
	Tickets    []*stormdesk.Ticket `json:"tickets"`
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
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.MaxBodyBytes))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			s.writeError(w, r, stormdesk.Errorf(stormdesk.ETOOLARGE, "body: larger than %d bytes", s.MaxBodyBytes))
			return
		}
		s.writeError(w, r, stormdesk.Errorf(stormdesk.EINVALID, "body: could not be read"))
		return
	}
	if !utf8.Valid(body) {
		s.writeError(w, r, stormdesk.Errorf(stormdesk.EINVALID, "body: invalid UTF-8 at byte %d", invalidUTF8At(body)))
		return
	}
	trimmed := bytes.TrimLeft(body, " \t\r\n")
	if len(trimmed) > 0 && trimmed[0] == '[' {
		s.postBatch(w, r, trimmed)
		return
	}
	in, err := DecodeTicketJSON(body)
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
	writeJSON(w, status, t)
}

func (s *Server) postBatch(w http.ResponseWriter, r *http.Request, body []byte) {
	var raw []json.RawMessage
	if err := json.Unmarshal(body, &raw); err != nil {
		s.writeError(w, r, jsonError(err))
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
	for i, item := range raw {
		in, err := DecodeTicketJSON(item)
		if err == nil {
			tickets[i], err = in.Ticket()
		}
		if err != nil {
			s.writeError(w, r, stormdesk.Errorf(stormdesk.EINVALID, "tickets[%d].%s", i, stormdesk.ErrorMessage(err)))
			return
		}
	}
	created, err := s.Desk.IngestTickets(r.Context(), tickets)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.countTickets(tickets, created)
	resp := batchResponse{Tickets: tickets}
	for _, c := range created {
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

func (s *Server) getTicket(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	t, err := s.Desk.Ticket(r.Context(), id)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, t)
}

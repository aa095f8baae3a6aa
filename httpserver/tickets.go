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
// wrong types are errors that name the field; errors about the object as
// a whole (truncated, malformed, not an object) name it "ticket".
func DecodeTicketJSON(data []byte) (TicketInput, error) { return decodeTicketJSON(data, "ticket") }

// decodeTicketJSON is DecodeTicketJSON with doc naming the document in
// messages about it as a whole ("request body", "tickets[3]").
func decodeTicketJSON(data []byte, doc string) (TicketInput, error) {
	var in TicketInput
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		return in, jsonProblem(err, ticketFields, doc, len(data))
	}
	if dec.More() {
		return in, docErrorf(doc, "unexpected data after the JSON value at byte %d", dec.InputOffset())
	}
	return in, nil
}

// ticketFields are the fields a ticket body may carry.
const ticketFields = "source, external_id, customer_email, customer_name, organisation, subject, body, received_at"

// docErrorf is an invalid-input error about a whole JSON document:
// "doc: message".
func docErrorf(doc, format string, args ...any) error {
	return stormdesk.Errorf(stormdesk.EINVALID, doc+": "+format, args...)
}

// jsonProblem turns encoding/json's errors into messages that name the
// field, or for a problem with the document as a whole, name doc and say
// at which byte it went wrong, counted from 0 as invalid UTF-8 is: the
// offending byte, or for a truncated document the byte after its last;
// known lists the fields for an unknown-field error; size is the
// document's length in bytes.
func jsonProblem(err error, known, doc string, size int) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		if syn.Error() == "unexpected end of JSON input" {
			return docErrorf(doc, "truncated JSON at byte %d (the document ends inside a value)", syn.Offset)
		}
		// encoding/json counts the bytes read, the offending one included.
		return docErrorf(doc, "malformed JSON at byte %d: %s", max(syn.Offset-1, 0), syn.Error())
	case errors.As(err, &typ):
		if typ.Field == "" {
			return docErrorf(doc, "want %s, got JSON %s", jsonKind(typ.Type.Kind().String()), typ.Value)
		}
		return stormdesk.Errorf(stormdesk.EINVALID, "%s: want %s, got JSON %s", typ.Field, jsonKind(typ.Type.Kind().String()), typ.Value)
	case errors.Is(err, io.EOF):
		return docErrorf(doc, "empty")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return docErrorf(doc, "truncated JSON at byte %d (the document ends inside a value)", size)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return stormdesk.Errorf(stormdesk.EINVALID, "%s: unknown field (known: %s)", name, known)
	}
	return docErrorf(doc, "%s", err.Error())
}

func jsonKind(k string) string {
	if k == "struct" {
		return "an object"
	}
	return k
}

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
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.MaxBodyBytes))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			s.writeError(w, r, stormdesk.Errorf(stormdesk.ETOOLARGE, "request body: larger than %d bytes", s.MaxBodyBytes))
			return
		}
		s.writeError(w, r, stormdesk.Errorf(stormdesk.EINVALID, "request body: could not be read"))
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
	in, err := decodeTicketJSON(body, "request body")
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
		s.writeError(w, r, jsonProblem(err, ticketFields, "request body", len(body)))
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
		in, err := decodeTicketJSON(data, item)
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

package intake

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"time"

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
	// Tags are the sender's labels (at most stormdesk.MaxTags of
	// stormdesk.MaxTagLen bytes); Channel how the customer sent the
	// ticket (one of stormdesk.ValidTicketChannels). Both are checked
	// with the rest of the ticket (stormdesk.Ticket.Validate).
	Tags    []string `json:"tags"`
	Channel string   `json:"channel"`
}

// Ticket converts the input into a domain ticket. The error names the
// field, with prefix before it ("tickets[2].").
func (in TicketInput) Ticket() (*stormdesk.Ticket, error) {
	t := &stormdesk.Ticket{Source: in.Source, ExternalID: in.ExternalID, CustomerEmail: in.CustomerEmail,
		CustomerName: in.CustomerName, Organisation: in.Organisation, Subject: in.Subject, Body: in.Body,
		Tags: in.Tags, Channel: in.Channel}
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
func DecodeTicketJSON(data []byte) (TicketInput, error) { return DecodeTicket(data, "ticket") }

// DecodeTicket is DecodeTicketJSON with doc naming the document in
// messages about it as a whole ("request body", "tickets[3]").
func DecodeTicket(data []byte, doc string) (TicketInput, error) {
	var in TicketInput
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		return in, JSONProblem(err, TicketFields, doc, len(data))
	}
	if dec.More() {
		return in, DocErrorf(doc, "unexpected data after the JSON value at byte %d", dec.InputOffset())
	}
	return in, nil
}

// TicketFields are the fields a ticket body may carry.
const TicketFields = "source, external_id, customer_email, customer_name, organisation, subject, body, received_at, tags, channel"

// DocErrorf is an invalid-input error about a whole JSON document:
// "doc: message".
func DocErrorf(doc, format string, args ...any) error {
	return stormdesk.Errorf(stormdesk.EINVALID, doc+": "+format, args...)
}

// JSONProblem turns encoding/json's errors into messages that name the
// field, or for a problem with the document as a whole, name doc and say
// at which byte it went wrong, counted from 0 as invalid UTF-8 is: the
// offending byte, or for a truncated document the byte after its last;
// known lists the fields for an unknown-field error; size is the
// document's length in bytes.
func JSONProblem(err error, known, doc string, size int) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		if syn.Error() == "unexpected end of JSON input" {
			return DocErrorf(doc, "truncated JSON at byte %d (the document ends inside a value)", syn.Offset)
		}
		// encoding/json counts the bytes read, the offending one included.
		return DocErrorf(doc, "malformed JSON at byte %d: %s", max(syn.Offset-1, 0), syn.Error())
	case errors.As(err, &typ):
		if typ.Field == "" {
			return DocErrorf(doc, "want %s, got JSON %s", jsonKind(typ.Type.Kind().String()), typ.Value)
		}
		return stormdesk.Errorf(stormdesk.EINVALID, "%s: want %s, got JSON %s", typ.Field, jsonKind(typ.Type.Kind().String()), typ.Value)
	case errors.Is(err, io.EOF):
		return DocErrorf(doc, "empty")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return DocErrorf(doc, "truncated JSON at byte %d (the document ends inside a value)", size)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return stormdesk.Errorf(stormdesk.EINVALID, "%s: unknown field (known: %s)", name, known)
	}
	return DocErrorf(doc, "%s", err.Error())
}

func jsonKind(k string) string {
	switch k {
	case "struct":
		return "an object"
	case "slice":
		return "an array"
	}
	return k
}

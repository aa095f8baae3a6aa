// Package connectors holds what the helpdesk webhook adapters share: the
// one interface the HTTP edge serves them through (Webhook), what a post
// reads into (Delivery) and small helpers for their payloads. Each
// helpdesk is its own package below this one (zendesk, intercom,
// helpscout, freshdesk); they import this package and the domain, never
// each other.
package connectors

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"net/http"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"stormdesk"
	"stormdesk/intake"
)

// MaxBodyBytes bounds one webhook post: a ticket's JSON with a long first
// message. Helpdesks send one ticket per post.
const MaxBodyBytes = 1 << 20

// Webhook is one helpdesk's intake webhook, served at
// POST /connectors/{Name}/webhook.
type Webhook interface {
	// Name is the helpdesk's name: the route's segment and the tickets'
	// source (stormdesk.SourceZendesk, ...).
	Name() string
	// Verify authenticates a post from its headers and its raw body. It
	// returns an EUNAUTHORIZED error naming the header and what is wrong
	// with it, never the secret or the signature expected. A scheme that
	// signs a timestamp returns it with the replay guard's key; one that
	// does not returns the zero Signed (its posts are absorbed by the
	// tickets' idempotency on the helpdesk's id instead).
	Verify(h http.Header, body []byte) (Signed, error)
	// Parse reads a verified post. It returns an EINVALID error naming
	// the field that is wrong.
	Parse(h http.Header, body []byte) (Delivery, error)
}

// Signed is what a timestamped signature covers.
type Signed struct {
	// At is the signed timestamp; zero when the scheme signs none.
	At time.Time
	// ReplayKey is the replay guard's key for the post
	// (stormdesk.ReplayKey over the signed bytes).
	ReplayKey string
}

// Delivery is one post, read.
type Delivery struct {
	// Event is the helpdesk's name for what happened ("created",
	// "conversation.user.replied", "convo.created").
	Event string
	// Ticket is the report the post is about, with Source and ExternalID
	// set; nil when the event is not about a customer's report (a ping,
	// a topic not subscribed for), which is acknowledged and dropped. A
	// follow-up on a report (an update, a reply) carries its ticket too:
	// intake is idempotent on (source, external id), so it stores the
	// report once, whichever of its events arrives first.
	Ticket *stormdesk.Ticket
	// Ignored says why a post carries no ticket.
	Ignored string
}

// Invalid is the EINVALID error for a payload field.
func Invalid(field, format string, args ...any) error {
	return stormdesk.Errorf(stormdesk.EINVALID, "%s: %s", field, fmt.Sprintf(format, args...))
}

// Unauthorized is the EUNAUTHORIZED error for an authentication header.
func Unauthorized(header, format string, args ...any) error {
	return stormdesk.Errorf(stormdesk.EUNAUTHORIZED, "%s: %s", header, fmt.Sprintf(format, args...))
}

// DecodeJSON reads body into v, refusing trailing data, and turns
// encoding/json's errors into EINVALID errors that name the field (its
// path from the root, as encoding/json reports it) or the byte offset.
func DecodeJSON(body []byte, v any) error {
	if len(bytes.TrimSpace(body)) == 0 {
		return Invalid("request body", "empty")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(v); err != nil {
		var typeErr *json.UnmarshalTypeError
		var syntaxErr *json.SyntaxError
		switch {
		case errors.As(err, &typeErr):
			field := typeErr.Field
			if field == "" {
				return Invalid("request body", "want a JSON object, got JSON %s", typeErr.Value)
			}
			return Invalid(field, "want %s, got JSON %s", typeName(typeErr.Type.Kind().String()), typeErr.Value)
		case errors.As(err, &syntaxErr):
			return Invalid("request body", "malformed JSON at byte %d", syntaxErr.Offset)
		case errors.Is(err, io.ErrUnexpectedEOF):
			return Invalid("request body", "truncated JSON")
		}
		return Invalid("request body", "%s", strings.TrimPrefix(err.Error(), "json: "))
	}
	if dec.More() {
		return Invalid("request body", "unexpected data after the JSON value")
	}
	return nil
}

var typeOfString = reflect.TypeOf("")

func typeName(kind string) string {
	switch kind {
	case "struct", "map":
		return "an object"
	case "slice":
		return "an array"
	case "int64", "int":
		return "a whole number"
	case "float64":
		return "a number"
	}
	return "a " + kind
}

// ID is a helpdesk id given as a JSON string or number ("123" or 123):
// a trigger's placeholders render into strings, the APIs send numbers.
type ID string

// UnmarshalJSON takes a string or a whole number.
func (id *ID) UnmarshalJSON(b []byte) error {
	if bytes.Equal(b, []byte("null")) {
		return nil
	}
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*id = ID(strings.TrimSpace(s))
		return nil
	}
	if _, err := strconv.ParseUint(string(b), 10, 64); err != nil {
		value := "number " + string(b)
		switch b[0] {
		case '[':
			value = "array"
		case '{':
			value = "object"
		case 't', 'f':
			value = "bool"
		}
		// The decoder adds the field's path to this error.
		return &json.UnmarshalTypeError{Value: value, Type: typeOfString}
	}
	*id = ID(b)
	return nil
}

// Text is a helpdesk's message body as plain text: HTML (any tag in it)
// reduced as inbound email's HTML is; plain text kept with its lines.
func Text(s string) string {
	if htmlTag.MatchString(s) {
		return intake.HTMLToText(s)
	}
	return strings.TrimSpace(s)
}

// Paragraphs is text as the HTML a helpdesk reply's body takes (an
// Intercom admin comment, a Help Scout reply thread): escaped, a paragraph
// per block of lines, a line break within one.
func Paragraphs(text string) string {
	var b strings.Builder
	for _, p := range strings.Split(strings.ReplaceAll(strings.TrimSpace(text), "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		b.WriteString("<p>")
		b.WriteString(strings.ReplaceAll(html.EscapeString(p), "\n", "<br>"))
		b.WriteString("</p>")
	}
	return b.String()
}

var htmlTag = regexp.MustCompile(`<(?:[a-zA-Z][a-zA-Z0-9]*|/[a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*)?/?>`)

// Tags bounds a helpdesk's tags to what a ticket may carry, silently
// and deterministically, so that a post is never refused for its labels:
// each tag is trimmed; an empty one, one longer than stormdesk.MaxTagLen
// bytes (dropped, not cut: a cut tag would be another tag), and one with
// a control character or invalid UTF-8 are dropped, and so are repeats;
// of the rest the first stormdesk.MaxTags, in the helpdesk's order, are
// kept. No tags is nil.
func Tags(tags []string) []string {
	var out []string
	for _, tag := range tags {
		tag = strings.TrimSpace(tag)
		switch {
		case len(out) == stormdesk.MaxTags:
			return out
		case tag == "", len(tag) > stormdesk.MaxTagLen, !utf8.ValidString(tag),
			strings.IndexFunc(tag, unicode.IsControl) >= 0, slices.Contains(out, tag):
			continue
		}
		out = append(out, tag)
	}
	return out
}

// Channel maps a helpdesk's name for how a ticket came in onto a
// stormdesk channel (stormdesk.ValidTicketChannels) through known, keyed
// by the name lower-cased with every run of other characters than
// letters and digits made one "_" ("Phone call (incoming)" is
// phone_call_incoming): "" when the helpdesk names none,
// stormdesk.TicketChannelOther for a name known has no entry for.
func Channel(name string, known map[string]string) string {
	key := strings.Trim(nonWord.ReplaceAllString(strings.ToLower(strings.TrimSpace(name)), "_"), "_")
	if key == "" {
		return ""
	}
	if c, ok := known[key]; ok {
		return c
	}
	return stormdesk.TicketChannelOther
}

var nonWord = regexp.MustCompile(`[^a-z0-9]+`)

// Time parses an RFC 3339 time given in field; "" is the zero time
// (the ticket is then stamped with its arrival).
func Time(field, s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, Invalid(field, "%q is not an RFC 3339 time such as 2026-01-02T15:04:05Z", s)
	}
	if err := stormdesk.CheckReceivedAt(t); err != nil {
		return time.Time{}, Invalid(field, "%s is out of range", s)
	}
	return t, nil
}

package upstream

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"
)

// bom is the UTF-8 byte-order mark some servers put before JSON and XML.
var bom = []byte("\xef\xbb\xbf")

// Parse reads one payload of the given kind. An empty kind means "detect it
// from the content" (see DetectKind). Every error wraps ErrUnreadable and
// names what is wrong, with a path such as incidents[3].created_at when it
// can.
func Parse(data []byte, kind Kind) (*Snapshot, error) {
	data = bytes.TrimPrefix(bytes.TrimSpace(data), bom)
	data = bytes.TrimSpace(data)
	if kind == "" {
		k, err := DetectKind(data, "")
		if err != nil {
			return nil, err
		}
		kind = k
	}
	if !slices.Contains(Kinds, kind) {
		return nil, parseErr("", "", "unknown kind %q (want %s)", kind, KindList())
	}
	if err := checkShape(data, kind); err != nil {
		return nil, err
	}
	switch kind {
	case KindStatuspage:
		return parseStatuspage(data)
	case KindRSS, KindAtom:
		return parseFeed(data, kind)
	case KindSlack:
		return parseSlack(data)
	case KindHeroku:
		return parseHeroku(data)
	case KindStatusIO:
		return parseStatusIO(data)
	case KindGCP:
		return parseGCP(data)
	case KindAWS:
		return parseAWS(data)
	case KindInstatus:
		return parseInstatus(data)
	case KindCachet:
		return parseCachet(data)
	case KindBetterStack:
		return parseBetterStack(data)
	}
	panic("upstream: Kinds lists " + string(kind) + " but Parse has no parser for it")
}

// checkShape catches the common mistakes of pointing a feed at the wrong
// URL (an HTML page, a JSON endpoint configured as RSS) with a message that
// says what to fix, before a parser reports something obscure.
func checkShape(data []byte, kind Kind) error {
	if len(data) == 0 {
		return parseErr(kind, "", "empty payload")
	}
	json := data[0] == '{' || data[0] == '['
	switch kind {
	case KindRSS, KindAtom:
		if json {
			return parseErr(kind, "", "got JSON, not a feed (is the feed kind statuspage?)")
		}
		if isHTML(data) {
			return parseErr("", "", "got HTML, not an %s feed (is the URL the status page's /history.%s?)", kind, kind)
		}
		if data[0] != '<' {
			return parseErr(kind, "", "not XML: starts with %q", preview(data))
		}
	default:
		if isHTML(data) {
			return parseErr("", "", "got HTML, not JSON (is the URL the status page's /api/v2/summary.json?)")
		}
		if !json {
			if data[0] == '<' {
				return parseErr(kind, "", "got XML, not JSON (is the feed kind rss or atom?)")
			}
			return parseErr(kind, "", "not JSON: starts with %q", preview(data))
		}
	}
	return nil
}

// DetectKind tells the format of a payload from its content, using the
// Content-Type only to word the error when the content says nothing.
func DetectKind(data []byte, contentType string) (Kind, error) {
	data = bytes.TrimSpace(bytes.TrimPrefix(bytes.TrimSpace(data), bom))
	if len(data) == 0 {
		return "", parseErr("", "", "empty payload")
	}
	switch data[0] {
	case '{':
		var top map[string]json.RawMessage
		if err := json.Unmarshal(data, &top); err != nil {
			return "", jsonErr("", err)
		}
		return detectJSON(top)
	case '[':
		var list []json.RawMessage
		if err := json.Unmarshal(data, &list); err != nil {
			return "", jsonErr("", err)
		}
		return detectJSONArray(list)
	case '<':
		if isHTML(data) {
			return "", parseErr("", "", "got HTML, not a status feed (is the URL the status page's /api/v2/summary.json or /history.rss?)")
		}
		head := strings.ToLower(string(data[:min(len(data), 4096)]))
		switch {
		case strings.Contains(head, "<rss") || strings.Contains(head, "<rdf:rdf"):
			return KindRSS, nil
		case strings.Contains(head, "<feed"):
			return KindAtom, nil
		}
		return "", parseErr("", "", "XML, but neither RSS nor Atom")
	}
	if strings.Contains(strings.ToLower(contentType), "json") {
		return "", parseErr("", "", "Content-Type says JSON but the body starts with %q", preview(data))
	}
	return "", parseErr("", "", "neither JSON nor XML: starts with %q", preview(data))
}

func detectJSON(top map[string]json.RawMessage) (Kind, error) {
	has := func(k string) bool { _, ok := top[k]; return ok }
	st := bytes.TrimSpace(top["status"])
	switch {
	case has("result") && hasKeys(top["result"], "status_overall"):
		return KindStatusIO, nil
	case has("activeIncidents") || has("activeMaintenances") ||
		has("page") && hasValue(top["page"], "status", `"UP"`, `"HASISSUES"`, `"UNDERMAINTENANCE"`):
		return KindInstatus, nil
	case has("data") && hasValue(top["data"], "type", `"status_page"`):
		return KindBetterStack, nil
	case has("data") && hasKeys(top["meta"], "pagination"):
		return KindCachet, nil
	case has("archive") && has("current"):
		return KindAWS, nil
	case has("active_incidents") || (has("date_created") && has("status")):
		return KindSlack, nil
	case len(st) > 0 && st[0] == '[' && (has("incidents") || has("scheduled")):
		return KindHeroku, nil
	case has("page") || has("incidents") || has("components") || has("scheduled_maintenances"):
		return KindStatuspage, nil
	}
	keys := make([]string, 0, len(top))
	for k := range top {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if len(keys) > 8 {
		keys = append(keys[:8], "…")
	}
	return "", parseErr("", "", "JSON, but not a status format stormdesk reads (top-level keys: %s)", strings.Join(keys, ", "))
}

// detectJSONArray tells the formats that are a JSON array apart by their
// first element.
func detectJSONArray(list []json.RawMessage) (Kind, error) {
	if len(list) == 0 {
		return "", parseErr("", "", "an empty JSON array says nothing of its format (Google Cloud's incidents.json? give the kind gcp)")
	}
	has := func(k ...string) bool { return hasKeys(list[0], k...) }
	switch {
	case has("external_desc", "most_recent_update", "status_impact"):
		return KindGCP, nil
	case has("showUptime") || has("uniqueEmail"):
		return KindInstatus, nil
	case has("date_created") && has("notes"):
		return "", parseErr("", "", "Slack's /history is not read: use /api/v2.0.0/current")
	}
	return "", parseErr("", "", "a JSON array is not a status format stormdesk reads")
}

// hasKeys reports whether raw is a JSON object holding one of keys.
func hasKeys(raw json.RawMessage, keys ...string) bool {
	var m map[string]json.RawMessage
	if json.Unmarshal(raw, &m) != nil {
		return false
	}
	for _, k := range keys {
		if _, ok := m[k]; ok {
			return true
		}
	}
	return false
}

// hasValue reports whether raw is a JSON object whose key holds one of
// the JSON values given.
func hasValue(raw json.RawMessage, key string, values ...string) bool {
	var m map[string]json.RawMessage
	if json.Unmarshal(raw, &m) != nil {
		return false
	}
	return slices.Contains(values, string(bytes.TrimSpace(m[key])))
}

// isHTML reports whether data looks like an HTML page rather than a feed.
func isHTML(data []byte) bool {
	head := bytes.ToLower(data[:min(len(data), 512)])
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) ||
		(bytes.Contains(head, []byte("<html")) && !bytes.Contains(head, []byte("<rss")) && !bytes.Contains(head, []byte("<feed")))
}

func preview(data []byte) string {
	s := string(data[:min(len(data), 24)])
	return strings.ToValidUTF8(s, "?")
}

// jsonErr turns a decoding error into a ParseError that names the offset or
// the field.
func jsonErr(kind Kind, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn) && strings.Contains(syn.Error(), "unexpected end"):
		return &ParseError{Kind: kind, Msg: fmt.Sprintf("truncated JSON (ends at byte %d)", syn.Offset)}
	case errors.As(err, &syn):
		return &ParseError{Kind: kind, Msg: fmt.Sprintf("malformed JSON at byte %d", syn.Offset), Err: err}
	case errors.As(err, &typ):
		path := typ.Field
		if path == "" {
			path = "(top level)"
		}
		return &ParseError{Kind: kind, Path: path, Msg: fmt.Sprintf("got JSON %s, want %s", typ.Value, jsonTypeName(typ.Type))}
	}
	return &ParseError{Kind: kind, Msg: "malformed JSON", Err: err}
}

// jsonTypeName names a Go type the way the payload's author knows it: a
// JSON array or object rather than []upstream.gcpUpdate.
func jsonTypeName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Slice, reflect.Array:
		return "array"
	case reflect.Struct, reflect.Map:
		return "object"
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		return "number"
	case reflect.Pointer:
		return jsonTypeName(t.Elem())
	}
	return t.String()
}

// parseTime reads a provider timestamp. Offsets are honoured; a time
// without one is read in loc (the page's time zone, or UTC). The result is
// in UTC.
func parseTime(s string, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t.UTC(), nil
	}
	for _, layout := range []string{"2006-01-02T15:04:05.999999999Z0700", "2006-01-02T15:04:05.999999999", "2006-01-02 15:04:05.999999999Z07:00", "2006-01-02 15:04:05.999999999", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not an ISO-8601 time", s)
}

// Package replay runs a stretch of a support desk's life (tickets, the
// providers' status-page updates, operator commands) through stormdesk's
// real code paths on an embedded temporary store, in virtual time, and
// scores what it did against labels. `stormdesk replay` and
// `stormdesk demo` are thin commands over it.
package replay

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"stormdesk"
)

// Ticket is one customer ticket of a replay.
type Ticket struct {
	ID            string    `json:"id"`
	ReceivedAt    time.Time `json:"received_at"`
	Subject       string    `json:"subject,omitempty"`
	Body          string    `json:"body,omitempty"`
	Source        string    `json:"source,omitempty"`
	CustomerEmail string    `json:"customer_email,omitempty"`
	CustomerName  string    `json:"customer_name,omitempty"`
	Org           string    `json:"org,omitempty"`
	// Label is read only for scoring and never reaches the service.
	Label string `json:"-"`
}

// Update is one update on a provider's status page.
type Update struct {
	Provider   string    `json:"provider"`
	IncidentID string    `json:"provider_incident_id"`
	UpdateID   string    `json:"update_id"`
	Status     string    `json:"status"`
	Impact     string    `json:"impact,omitempty"`
	At         time.Time `json:"at"`
	Title      string    `json:"title,omitempty"`
	Body       string    `json:"body,omitempty"`
	// Kind is "incident" or "maintenance".
	Kind       string   `json:"kind,omitempty"`
	Components []string `json:"components,omitempty"`
	// Label names the ticket label the provider incident explains; read
	// only for scoring.
	Label string `json:"-"`
}

// Maintenance reports whether the update belongs to a scheduled
// maintenance.
func (u *Update) Maintenance() bool { return u.Kind == "maintenance" }

var (
	incidentStatuses    = []string{"investigating", "identified", "monitoring", "resolved", "postmortem"}
	maintenanceStatuses = []string{"scheduled", "in_progress", "verifying", "completed"}
	impacts             = []string{"none", "minor", "major", "critical", "maintenance"}
)

// maxLine bounds one JSON Lines record (a ticket body is at most 1 MiB).
const maxLine = 4 << 20

// lines calls fn with each non-blank line of r and its number, and
// prefixes fn's error with the file name and line.
func lines(r io.Reader, name string, fn func(line int, b []byte) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxLine)
	for n := 1; sc.Scan(); n++ {
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		if err := fn(n, b); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return fmt.Errorf("%s: a line is longer than %d bytes", name, maxLine)
		}
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// record is one JSON object whose fields are read one by one, so that a
// wrong type names its field and unknown fields are ignored.
type record map[string]json.RawMessage

// records is lines with each line read as a record.
func records(r io.Reader, name string, fn func(line int, rec record) error) error {
	return lines(r, name, func(line int, b []byte) error {
		rec, err := decodeRecord(b)
		if err != nil {
			return err
		}
		return fn(line, rec)
	})
}

// into names an optional string field and where it is read to.
type into struct {
	field string
	dst   *string
}

// optional reads optional string fields, in order; the first one of the
// wrong type is the error.
func (r record) optional(fields ...into) error {
	for _, f := range fields {
		var err error
		if *f.dst, err = r.str(f.field, false); err != nil {
			return err
		}
	}
	return nil
}

func (r record) str(field string, required bool) (string, error) {
	raw, ok := r[field]
	if !ok || string(raw) == "null" {
		if required {
			return "", fmt.Errorf("%s: required", field)
		}
		return "", nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", fmt.Errorf("%s: want a string, got %s", field, preview(raw))
	}
	if required && strings.TrimSpace(s) == "" {
		return "", fmt.Errorf("%s: required", field)
	}
	return s, nil
}

func (r record) time(field string) (time.Time, error) {
	s, err := r.str(field, true)
	if err != nil {
		return time.Time{}, err
	}
	t, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, fmt.Errorf("%s: %q is not an RFC 3339 time such as 2026-03-02T09:15:00Z", field, s)
	}
	if t.Year() < 2000 || t.Year() > 9999 {
		return time.Time{}, fmt.Errorf("%s: %s is out of range", field, s)
	}
	return t.UTC(), nil
}

func (r record) strings(field string) ([]string, error) {
	raw, ok := r[field]
	if !ok || string(raw) == "null" {
		return nil, nil
	}
	var out []string
	if err := json.Unmarshal(raw, &out); err != nil {
		return nil, fmt.Errorf("%s: want a list of strings, got %s", field, preview(raw))
	}
	return out, nil
}

func preview(b []byte) string {
	if len(b) > 40 {
		return string(b[:40]) + "…"
	}
	return string(b)
}

func decodeRecord(b []byte) (record, error) {
	var r record
	if err := json.Unmarshal(b, &r); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, fmt.Errorf("not a JSON object: %v (at byte %d)", err, se.Offset)
		}
		return nil, fmt.Errorf("not a JSON object: %v", err)
	}
	if r == nil {
		return nil, errors.New("not a JSON object: null")
	}
	return r, nil
}

// ReadTickets reads tickets from JSON Lines. labelField, when set, names
// the field read into Label (for scoring only); other unknown fields are
// ignored. Every problem names the file, the line and the field.
func ReadTickets(r io.Reader, name, labelField string) ([]Ticket, error) {
	var out []Ticket
	seen := map[string]int{}
	err := records(r, name, func(line int, rec record) (err error) {
		var t Ticket
		if t.ID, err = rec.str("id", true); err != nil {
			return err
		}
		if prev, dup := seen[t.ID]; dup {
			return fmt.Errorf("id: %q is already the id of line %d", t.ID, prev)
		}
		seen[t.ID] = line
		if t.ReceivedAt, err = rec.time("received_at"); err != nil {
			return err
		}
		if err := rec.optional(into{"subject", &t.Subject}, into{"body", &t.Body}, into{"source", &t.Source},
			into{"customer_email", &t.CustomerEmail}, into{"customer_name", &t.CustomerName}, into{"org", &t.Org}); err != nil {
			return err
		}
		if t.Org == "" {
			if t.Org, err = rec.str("organisation", false); err != nil {
				return err
			}
		}
		if strings.TrimSpace(t.Subject) == "" && strings.TrimSpace(t.Body) == "" {
			return errors.New("subject and body: both empty; a ticket needs one of them")
		}
		if labelField != "" {
			if t.Label, err = rec.str(labelField, false); err != nil {
				return err
			}
		}
		out = append(out, t)
		return nil
	})
	return out, err
}

// ReadUpdates reads provider status updates from JSON Lines; labelField
// as for ReadTickets.
func ReadUpdates(r io.Reader, name, labelField string) ([]Update, error) {
	var out []Update
	seen := map[string]int{}
	err := records(r, name, func(line int, rec record) (err error) {
		var u Update
		if u.Provider, err = rec.str("provider", true); err != nil {
			return err
		}
		if u.IncidentID, err = rec.str("provider_incident_id", true); err != nil {
			return err
		}
		if u.UpdateID, err = rec.str("update_id", true); err != nil {
			return err
		}
		key := u.Provider + "\x00" + u.UpdateID
		if prev, dup := seen[key]; dup {
			return fmt.Errorf("update_id: %q of %s is already the id of line %d", u.UpdateID, u.Provider, prev)
		}
		seen[key] = line
		if u.At, err = rec.time("at"); err != nil {
			return err
		}
		if err := rec.optional(into{"status", &u.Status}, into{"impact", &u.Impact}, into{"title", &u.Title},
			into{"body", &u.Body}, into{"kind", &u.Kind}); err != nil {
			return err
		}
		if u.Components, err = rec.strings("components"); err != nil {
			return err
		}
		u.Kind = strings.ToLower(strings.TrimSpace(u.Kind))
		switch u.Kind {
		case "":
			u.Kind = "incident"
		case "incident", "maintenance":
		default:
			return fmt.Errorf("kind: %q is not incident or maintenance", u.Kind)
		}
		u.Status = strings.ToLower(strings.TrimSpace(u.Status))
		statuses := incidentStatuses
		if u.Maintenance() {
			statuses = maintenanceStatuses
		}
		if !slices.Contains(statuses, u.Status) {
			return fmt.Errorf("status: %q is not one of %s (for kind %s)", u.Status, strings.Join(statuses, ", "), u.Kind)
		}
		u.Impact = strings.ToLower(strings.TrimSpace(u.Impact))
		if u.Impact != "" && !slices.Contains(impacts, u.Impact) {
			return fmt.Errorf("impact: %q is not one of %s", u.Impact, strings.Join(impacts, ", "))
		}
		if labelField != "" {
			if u.Label, err = rec.str(labelField, false); err != nil {
				return err
			}
		}
		out = append(out, u)
		return nil
	})
	return out, err
}

// ReadTicketsFile and ReadUpdatesFile read a file by path.
func ReadTicketsFile(path, labelField string) ([]Ticket, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("replay: %w", err)
	}
	defer f.Close()
	return ReadTickets(f, path, labelField)
}

// ReadUpdatesFile reads provider updates from the file at path.
func ReadUpdatesFile(path, labelField string) ([]Update, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("replay: %w", err)
	}
	defer f.Close()
	return ReadUpdates(f, path, labelField)
}

// source maps a scenario's ticket source to one stormdesk stores; a
// helpdesk channel it does not know arrives as an import.
func source(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if slices.Contains(stormdesk.ValidSources, s) {
		return s
	}
	return stormdesk.SourceImport
}

// Check reports what in the input cannot be replayed: an update from a
// provider the configuration does not name, an action without a user.
func (in *Input) Check() error {
	deps := map[string]bool{}
	if in.Config != nil {
		for _, d := range in.Config.Dependencies {
			deps[d.Name] = true
		}
	}
	for _, u := range in.Updates {
		if !deps[u.Provider] {
			if in.Config == nil {
				return fmt.Errorf("replay: update %s: provider %q: status updates need --config naming it as a dependency", u.UpdateID, u.Provider)
			}
			return fmt.Errorf("replay: update %s: provider %q is not a dependency in the config", u.UpdateID, u.Provider)
		}
	}
	for i, a := range in.Actions {
		if a.User == "" || strings.TrimSpace(a.Command) == "" {
			return fmt.Errorf("replay: actions[%d]: user and command are required", i)
		}
	}
	return nil
}

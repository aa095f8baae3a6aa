package upstream

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Kind names a payload format.
type Kind string

// Payload formats. Statuspage, RSS and Atom cover most hosted pages; the
// others are the public status APIs of common dependencies and of the
// status-page products that do not copy Statuspage's format.
const (
	KindStatuspage Kind = "statuspage"
	KindRSS        Kind = "rss"
	KindAtom       Kind = "atom"
	KindSlack      Kind = "slack"
	KindHeroku     Kind = "heroku"
	// KindStatusIO is status.io's public status API (GitLab, Docker).
	KindStatusIO Kind = "statusio"
	// KindGCP is Google Cloud's incidents.json.
	KindGCP Kind = "gcp"
	// KindAWS is the AWS Health Dashboard's legacy data.json.
	KindAWS Kind = "aws"
	// KindInstatus is an Instatus page's summary.json or components list.
	KindInstatus Kind = "instatus"
	// KindCachet is Cachet's API v1 components or incidents list.
	KindCachet Kind = "cachet"
	// KindBetterStack is a Better Stack (Better Uptime) page's index.json.
	KindBetterStack Kind = "betterstack"
)

// Kinds lists every kind Parse accepts, in the order help text shows them.
var Kinds = []Kind{KindStatuspage, KindRSS, KindAtom, KindSlack, KindHeroku, KindStatusIO, KindGCP, KindAWS, KindInstatus, KindCachet, KindBetterStack}

// KindList names every kind for help text and errors: "statuspage, rss,
// …, or statusio".
func KindList() string {
	names := make([]string, len(Kinds))
	for i, k := range Kinds {
		names[i] = string(k)
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// ParseKind turns user input into a Kind.
func ParseKind(s string) (Kind, error) {
	k := Kind(strings.ToLower(strings.TrimSpace(s)))
	for _, v := range Kinds {
		if k == v {
			return k, nil
		}
	}
	return "", fmt.Errorf("upstream: kind %q is not %s", s, KindList())
}

// Incident statuses as Statuspage names them. Feeds in other formats are
// mapped onto these.
const (
	StatusInvestigating = "investigating"
	StatusIdentified    = "identified"
	StatusMonitoring    = "monitoring"
	StatusResolved      = "resolved"
	StatusPostmortem    = "postmortem"
)

// Maintenance statuses as Statuspage names them.
const (
	StatusScheduled  = "scheduled"
	StatusInProgress = "in_progress"
	StatusVerifying  = "verifying"
	StatusCompleted  = "completed"
)

// Component statuses as Statuspage names them.
const (
	ComponentOperational         = "operational"
	ComponentDegradedPerformance = "degraded_performance"
	ComponentPartialOutage       = "partial_outage"
	ComponentMajorOutage         = "major_outage"
	ComponentUnderMaintenance    = "under_maintenance"
)

// Snapshot is what one payload says about a provider at one moment.
// Every time is in UTC; a zero time means the payload did not say.
type Snapshot struct {
	Kind Kind `json:"kind"`
	// Page describes the status page itself, as far as the payload does.
	Page Page `json:"page"`
	// Indicator is the page-level status: none, minor, major, critical or
	// maintenance ("" when the format has none). It is not the severity of
	// any incident: a major incident can sit beside indicator "none".
	Indicator   string `json:"indicator,omitempty"`
	Description string `json:"description,omitempty"`
	// UpdatedAt is the page's own last-change time when it gives one.
	UpdatedAt  time.Time   `json:"updated_at,omitzero"`
	Components []Component `json:"components,omitempty"`
	// Incidents holds incidents and maintenances, told apart by
	// Incident.Maintenance, in payload order.
	Incidents []Incident `json:"incidents,omitempty"`
	// UnresolvedOnly is true when the payload lists only unresolved
	// incidents and active or upcoming maintenances (Statuspage
	// summary.json, incidents/unresolved.json, Slack's current). An
	// incident missing from such a payload has been resolved; from any
	// other payload it may only have scrolled out of the feed's window.
	// Parse sets it for the shapes it recognises; a caller polling
	// incidents/unresolved.json should set it (see UnresolvedOnlyURL).
	UnresolvedOnly bool `json:"unresolved_only,omitempty"`
}

// Page describes a status page.
type Page struct {
	ID       string `json:"id,omitempty"`
	Name     string `json:"name,omitempty"`
	URL      string `json:"url,omitempty"`
	TimeZone string `json:"time_zone,omitempty"`
}

// Component is one part of the provider's service.
type Component struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Status  string `json:"status"`
	GroupID string `json:"group_id,omitempty"`
	// Group is true for a component that only groups others.
	Group     bool      `json:"group,omitempty"`
	UpdatedAt time.Time `json:"updated_at,omitzero"`
}

// Incident is one upstream incident or scheduled maintenance.
type Incident struct {
	// ID is the provider's id. For Statuspage feeds it is the 12-character
	// code from the incident's link, so that JSON, RSS and Atom agree.
	ID     string `json:"id"`
	Title  string `json:"title"`
	Status string `json:"status"`
	// Impact is none, minor, major, critical or maintenance; "" when the
	// format does not carry it (RSS and Atom).
	Impact      string    `json:"impact,omitempty"`
	URL         string    `json:"url,omitempty"`
	Maintenance bool      `json:"maintenance,omitempty"`
	CreatedAt   time.Time `json:"created_at,omitzero"`
	UpdatedAt   time.Time `json:"updated_at,omitzero"`
	// StartedAt falls back to CreatedAt when the payload has no start.
	StartedAt  time.Time `json:"started_at,omitzero"`
	ResolvedAt time.Time `json:"resolved_at,omitzero"`
	// ScheduledFor and ScheduledUntil bound a maintenance window.
	ScheduledFor   time.Time `json:"scheduled_for,omitzero"`
	ScheduledUntil time.Time `json:"scheduled_until,omitzero"`
	// Components lists the ids of the components the incident names.
	Components []string `json:"components,omitempty"`
	// Updates are newest first, as every provider lists them.
	Updates []Update `json:"updates,omitempty"`
}

// Update is one message posted on an incident.
type Update struct {
	ID     string `json:"id"`
	Status string `json:"status"`
	// Body is plain text: HTML is reduced to text and line breaks are \n.
	Body string `json:"body"`
	// At is the time shown to readers (Statuspage display_at), falling back
	// to CreatedAt. It can be earlier than CreatedAt for backfilled updates.
	At        time.Time `json:"at,omitzero"`
	CreatedAt time.Time `json:"created_at,omitzero"`
}

// Resolved reports whether the incident's status is a final one.
func (i *Incident) Resolved() bool {
	switch i.Status {
	case StatusResolved, StatusPostmortem, StatusCompleted:
		return true
	}
	return false
}

// Latest returns the latest provider timestamp in the snapshot, or the
// zero time. Comparing it with the poll time shows a provider whose clock
// runs ahead.
func (s *Snapshot) Latest() time.Time {
	var t time.Time
	max := func(u time.Time) {
		if u.After(t) {
			t = u
		}
	}
	max(s.UpdatedAt)
	for _, c := range s.Components {
		max(c.UpdatedAt)
	}
	for _, in := range s.Incidents {
		max(in.CreatedAt)
		max(in.UpdatedAt)
		max(in.ResolvedAt)
		for _, u := range in.Updates {
			max(u.At)
			max(u.CreatedAt)
		}
	}
	return t
}

// UnresolvedOnlyURL reports whether a feed URL names an endpoint that lists
// only unresolved incidents, so that a snapshot read from it can have
// UnresolvedOnly set.
func UnresolvedOnlyURL(u string) bool {
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	return strings.HasSuffix(u, "/incidents/unresolved.json") ||
		strings.HasSuffix(u, "/summary.json") ||
		strings.HasSuffix(u, "/scheduled-maintenances/active.json") ||
		strings.HasSuffix(u, "/scheduled-maintenances/upcoming.json")
}

// Error classes. Every error from Fetch and Parse matches exactly one of
// them with errors.Is, so that a poller can record why a feed is
// unreadable without parsing messages.
var (
	// ErrUnreachable: DNS, connection, TLS or timeout failures.
	ErrUnreachable = errors.New("unreachable")
	// ErrHTTPStatus: the server answered with a status other than 2xx or 304.
	ErrHTTPStatus = errors.New("unexpected HTTP status")
	// ErrTooLarge: the response was larger than the cap.
	ErrTooLarge = errors.New("response too large")
	// ErrUnreadable: the payload is not a feed stormdesk can read.
	ErrUnreadable = errors.New("feed unreadable")
)

// Reason returns a short snake_case name for the class of err, for logs and
// for the "feed unreadable" record: unreachable, http_status, too_large,
// unreadable, or other.
func Reason(err error) string {
	switch {
	case err == nil:
		return ""
	case errors.Is(err, ErrUnreachable):
		return "unreachable"
	case errors.Is(err, ErrHTTPStatus):
		return "http_status"
	case errors.Is(err, ErrTooLarge):
		return "too_large"
	case errors.Is(err, ErrUnreadable):
		return "unreadable"
	}
	return "other"
}

// ParseError says what is wrong with a payload and where.
type ParseError struct {
	Kind Kind
	// Path locates the problem, like "incidents[3].created_at"; it is empty
	// when the payload as a whole is wrong.
	Path string
	Msg  string
	Err  error
}

// Error implements error: "upstream: statuspage: incidents[3].created_at: …".
func (e *ParseError) Error() string {
	var b strings.Builder
	b.WriteString("upstream: ")
	if e.Kind != "" {
		b.WriteString(string(e.Kind))
		b.WriteString(": ")
	}
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	if e.Err != nil {
		if e.Msg != "" {
			b.WriteString(": ")
		}
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap lets errors.Is match ErrUnreadable and the underlying cause.
func (e *ParseError) Unwrap() []error {
	if e.Err == nil {
		return []error{ErrUnreadable}
	}
	return []error{ErrUnreadable, e.Err}
}

func parseErr(kind Kind, path, format string, args ...any) *ParseError {
	return &ParseError{Kind: kind, Path: path, Msg: fmt.Sprintf(format, args...)}
}

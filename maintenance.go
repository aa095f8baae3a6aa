package stormdesk

import (
	"encoding/json"
	"strings"
	"time"
	"unicode/utf8"
)

// Maintenance states, in Statuspage's words.
const (
	MaintenanceScheduled  = "scheduled"
	MaintenanceInProgress = "in_progress"
	MaintenanceCompleted  = "completed"
)

// DefaultMaintenanceAlertAbove is how many customer reports about a
// maintenance's components its window absorbs before a storm alerts ops
// anyway, when the operator gave no figure: a planned window is expected
// to cause a few "is it down?" tickets, not dozens.
const DefaultMaintenanceAlertAbove = 20

// Limits on a maintenance's fields.
const (
	MaxMaintenanceTitleLen = 200
	MaxMaintenanceTextLen  = 2000
	// MaxMaintenanceWindow bounds a window: a longer one is a typo.
	MaxMaintenanceWindow = 7 * 24 * time.Hour
)

// Maintenance is a window of planned work on status page components,
// shown on the page in advance. While it is in progress its components
// are under maintenance, and the desk does not open incidents from
// customer reports about their features: it records those reports on
// the maintenance instead, until more of them come than AlertAbove.
type Maintenance struct {
	ID int64 `json:"id"`
	// Key is set for a maintenance from STORMDESK_CONFIG ("config:NAME"),
	// so that a restart updates it rather than adding another; "" for
	// one scheduled from chat or the API.
	Key   string `json:"key,omitempty"`
	Title string `json:"title"`
	// Text is what customers read about the work.
	Text string `json:"text"`
	// Components are the ids of the components it affects.
	Components []string  `json:"components"`
	StartsAt   time.Time `json:"starts_at"`
	EndsAt     time.Time `json:"ends_at"`
	// AlertAbove is the count of customer reports recorded on the
	// maintenance beyond which a storm opens an incident (and alerts ops)
	// as if there were no maintenance.
	AlertAbove int       `json:"alert_above"`
	CreatedBy  string    `json:"created_by"`
	CreatedAt  time.Time `json:"created_at"`
	UpdatedAt  time.Time `json:"updated_at"`
	// StartedAt and EndedAt are when the desk recorded the window's start
	// and end on its timeline (nil: not yet).
	StartedAt *time.Time `json:"started_at,omitempty"`
	EndedAt   *time.Time `json:"ended_at,omitempty"`
	// CancelledAt is when an operator called it off: it is then off the
	// page and takes in no report.
	CancelledAt *time.Time `json:"cancelled_at,omitempty"`
	// Tickets is filled by reads: the reports recorded on it.
	Tickets int `json:"tickets"`
}

// State is where the window stands at now: scheduled before it starts,
// in progress from its start until its end, completed after.
func (m *Maintenance) State(now time.Time) string {
	switch {
	case now.Before(m.StartsAt):
		return MaintenanceScheduled
	case now.Before(m.EndsAt):
		return MaintenanceInProgress
	}
	return MaintenanceCompleted
}

// Active reports whether the window is in progress at now and was not
// cancelled.
func (m *Maintenance) Active(now time.Time) bool {
	return m.CancelledAt == nil && m.State(now) == MaintenanceInProgress
}

// Cancellable refuses (ECONFLICT) to cancel a maintenance that was
// cancelled already or is over at now.
func (m *Maintenance) Cancellable(now time.Time) error {
	switch {
	case m.CancelledAt != nil:
		return Errorf(ECONFLICT, "maintenance %d was already cancelled", m.ID)
	case m.State(now) == MaintenanceCompleted:
		return Errorf(ECONFLICT, "maintenance %d is over", m.ID)
	}
	return nil
}

// Exceeded reports whether reports more reports on top of those already
// recorded go beyond what the maintenance is expected to cause.
func (m *Maintenance) Exceeded(reports int) bool { return m.Tickets+reports > m.AlertAbove }

// Validate normalises and checks what an operator gives; errors are
// EINVALID and name the field. It does not check the components against
// the page's (the desk does).
func (m *Maintenance) Validate() error {
	m.Title, m.Text = strings.TrimSpace(m.Title), strings.TrimSpace(m.Text)
	m.StartsAt, m.EndsAt = m.StartsAt.UTC().Truncate(time.Microsecond), m.EndsAt.UTC().Truncate(time.Microsecond)
	switch {
	case len(m.Components) == 0:
		return Errorf(EINVALID, "components: name at least one component")
	case m.Title == "":
		return Errorf(EINVALID, "title: required")
	case !utf8.ValidString(m.Title) || strings.ContainsAny(m.Title, "\r\n\x00") || len(m.Title) > MaxMaintenanceTitleLen:
		return Errorf(EINVALID, "title: one line of at most %d bytes", MaxMaintenanceTitleLen)
	case !utf8.ValidString(m.Text) || strings.ContainsRune(m.Text, 0) || len(m.Text) > MaxMaintenanceTextLen:
		return Errorf(EINVALID, "text: at most %d bytes of text", MaxMaintenanceTextLen)
	case m.StartsAt.IsZero() || m.StartsAt.Year() < 2000 || m.StartsAt.Year() > 9999:
		return Errorf(EINVALID, "start: required")
	case !m.EndsAt.After(m.StartsAt):
		return Errorf(EINVALID, "end: %s is not after the start %s", m.EndsAt.Format(time.RFC3339), m.StartsAt.Format(time.RFC3339))
	case m.EndsAt.Sub(m.StartsAt) > MaxMaintenanceWindow:
		return Errorf(EINVALID, "end: the window is longer than %s", MaxMaintenanceWindow)
	case m.AlertAbove < 0:
		return Errorf(EINVALID, "alert_above: %d is negative", m.AlertAbove)
	}
	return nil
}

// Maintenance timeline entry kinds.
const (
	MaintenanceKindScheduled = "scheduled"
	MaintenanceKindStarted   = "started"
	MaintenanceKindEnded     = "ended"
	MaintenanceKindCancelled = "cancelled"
	// MaintenanceKindReports records customer reports taken in by the
	// maintenance instead of opening an incident.
	MaintenanceKindReports = "reports"
	// MaintenanceKindExceeded records a storm beyond AlertAbove that
	// opened an incident during the window.
	MaintenanceKindExceeded = "exceeded"
)

// MaintenanceEntry is one event in a maintenance's history.
type MaintenanceEntry struct {
	ID            int64           `json:"id"`
	MaintenanceID int64           `json:"maintenance_id"`
	At            time.Time       `json:"at"`
	Kind          string          `json:"kind"`
	Actor         string          `json:"actor"`
	Text          string          `json:"text"`
	Data          json.RawMessage `json:"data,omitempty"`
}

// MaintenanceFilter selects maintenances. Zero fields do not filter.
type MaintenanceFilter struct {
	// EndsSince keeps those ending at or after it.
	EndsSince time.Time
	// Unended keeps those whose end the desk has not recorded, and that
	// were not cancelled.
	Unended bool
}

// PublicMaintenance is a maintenance as the status page shows it, with
// its timeline's public entries (scheduled, started, ended), oldest
// first.
type PublicMaintenance struct {
	Maintenance *Maintenance
	Entries     []MaintenanceEntry
}

// PublicView is everything the status page shows, read at one moment.
type PublicView struct {
	Incidents    []PublicIncident
	Overrides    []ComponentOverride
	Maintenances []PublicMaintenance
}

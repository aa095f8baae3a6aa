package bot

import (
	"context"
	"sync"
)

// AlertRef locates a posted alert message: a channel and the platform's
// message id (Slack's ts, Discord's message snowflake).
type AlertRef struct {
	Channel string `json:"channel"`
	Message string `json:"message"`
	// Reason is why the alert was raised; updates keep showing it.
	Reason string `json:"reason,omitempty"`
}

type msgKey struct{ channel, message string }

// AlertStore remembers which message alerts about which incident, so an
// alert can be updated in place and a message in an alert's thread can be
// traced back to its incident. The in-memory MemoryAlerts forgets on
// restart; persist it by implementing this interface over the store.
type AlertStore interface {
	// SaveAlert records (or replaces) the alert of an incident.
	SaveAlert(ctx context.Context, incidentID int64, ref AlertRef) error
	// AlertOf returns the alert of an incident; ok is false when none
	// was posted.
	AlertOf(ctx context.Context, incidentID int64) (ref AlertRef, ok bool, err error)
	// IncidentOf returns the incident the alert message with this
	// channel and message id is about.
	IncidentOf(ctx context.Context, channel, message string) (incidentID int64, ok bool, err error)
}

// MemoryAlerts is an AlertStore in memory, safe for concurrent use.
type MemoryAlerts struct {
	mu    sync.Mutex
	byInc map[int64]AlertRef
	byRef map[msgKey]int64
}

// NewMemoryAlerts returns an empty MemoryAlerts.
func NewMemoryAlerts() *MemoryAlerts {
	return &MemoryAlerts{byInc: map[int64]AlertRef{}, byRef: map[msgKey]int64{}}
}

// SaveAlert implements AlertStore.
func (m *MemoryAlerts) SaveAlert(_ context.Context, incidentID int64, ref AlertRef) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if old, ok := m.byInc[incidentID]; ok {
		delete(m.byRef, msgKey{old.Channel, old.Message})
	}
	m.byInc[incidentID] = ref
	m.byRef[msgKey{ref.Channel, ref.Message}] = incidentID
	return nil
}

// AlertOf implements AlertStore.
func (m *MemoryAlerts) AlertOf(_ context.Context, incidentID int64) (AlertRef, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	ref, ok := m.byInc[incidentID]
	return ref, ok, nil
}

// IncidentOf implements AlertStore.
func (m *MemoryAlerts) IncidentOf(_ context.Context, channel, message string) (int64, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	id, ok := m.byRef[msgKey{channel, message}]
	return id, ok, nil
}

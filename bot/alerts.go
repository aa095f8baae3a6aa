package bot

import (
	"context"
	"sync"

	"stormdesk"
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
// traced back to its incident. StoreAlerts keeps them in the store, shared
// by every replica; the in-memory MemoryAlerts forgets on restart.
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

// StoreAlerts keeps one platform's alert messages in the store, so that
// every replica updates the same message in place.
type StoreAlerts struct {
	Store    stormdesk.Store
	Platform string
}

var _ AlertStore = StoreAlerts{}

// SaveAlert implements AlertStore.
func (a StoreAlerts) SaveAlert(ctx context.Context, incidentID int64, ref AlertRef) error {
	return a.Store.Update(ctx, func(tx stormdesk.Tx) error {
		return tx.SaveChatAlert(ctx, &stormdesk.ChatAlert{Platform: a.Platform, IncidentID: incidentID, Channel: ref.Channel, MessageID: ref.Message, Reason: ref.Reason})
	})
}

// AlertOf implements AlertStore.
func (a StoreAlerts) AlertOf(ctx context.Context, incidentID int64) (ref AlertRef, ok bool, err error) {
	err = a.Store.View(ctx, func(tx stormdesk.Tx) error {
		c, err := tx.ChatAlert(ctx, a.Platform, incidentID)
		if err != nil {
			return err
		}
		ref, ok = AlertRef{Channel: c.Channel, Message: c.MessageID, Reason: c.Reason}, true
		return nil
	})
	if stormdesk.ErrorCode(err) == stormdesk.ENOTFOUND {
		return AlertRef{}, false, nil
	}
	return ref, ok, err
}

// IncidentOf implements AlertStore.
func (a StoreAlerts) IncidentOf(ctx context.Context, channel, message string) (id int64, ok bool, err error) {
	err = a.Store.View(ctx, func(tx stormdesk.Tx) error {
		c, err := tx.ChatAlertByMessage(ctx, a.Platform, channel, message)
		if err != nil {
			return err
		}
		id, ok = c.IncidentID, true
		return nil
	})
	if stormdesk.ErrorCode(err) == stormdesk.ENOTFOUND {
		return 0, false, nil
	}
	return id, ok, err
}

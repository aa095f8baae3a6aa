package bot

import (
	"context"
	"sync"
	"time"

	"stormdesk"
)

// ReplayGuard refuses signed requests seen before (keyed with
// stormdesk.ReplayKey on what their signature covers) and events a
// platform retries. With several replicas it must be shared: every
// stormdesk.Store is one.
type ReplayGuard = stormdesk.ReplayGuard

// MemoryReplays is a ReplayGuard for one process, safe for concurrent
// use.
type MemoryReplays struct {
	mu   sync.Mutex
	seen map[string]time.Time
	adds int
}

// NewMemoryReplays returns an empty MemoryReplays.
func NewMemoryReplays() *MemoryReplays { return &MemoryReplays{seen: map[string]time.Time{}} }

// FirstSeen implements ReplayGuard.
func (m *MemoryReplays) FirstSeen(_ context.Context, key string, now, until time.Time) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if exp, ok := m.seen[key]; ok && now.Before(exp) {
		return false, nil
	}
	m.seen[key] = until
	if m.adds++; m.adds%1024 == 0 {
		for k, exp := range m.seen {
			if now.After(exp) {
				delete(m.seen, k)
			}
		}
	}
	return true, nil
}

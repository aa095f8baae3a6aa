package bot

import (
	"context"
	"sync"
	"time"
)

// ReplayGuard remembers keys (request signatures, event ids) until they
// can no longer be valid, so that a signed request captured and replayed
// within its timestamp window is refused, and an event Slack retries is
// handled once. With several replicas it must be shared: deskbot.Replays
// keeps it in the store.
type ReplayGuard interface {
	// First records key until until and reports whether it was new (or
	// its earlier record had expired by now).
	First(ctx context.Context, key string, now, until time.Time) (bool, error)
}

// MemoryReplays is a ReplayGuard for one process, safe for concurrent
// use.
type MemoryReplays struct {
	mu   sync.Mutex
	seen map[string]time.Time
	adds int
}

// NewMemoryReplays returns an empty MemoryReplays.
func NewMemoryReplays() *MemoryReplays { return &MemoryReplays{seen: map[string]time.Time{}} }

// First implements ReplayGuard.
func (m *MemoryReplays) First(_ context.Context, key string, now, until time.Time) (bool, error) {
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

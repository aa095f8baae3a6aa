// Package notifytest holds what tests of the notify outbox share: an
// in-memory Outbox and the contract suite every Outbox implementation
// (the in-memory one here, the SQLite and Postgres stores) must pass.
package notifytest

import (
	"context"
	"slices"
	"strings"
	"sync"
	"time"

	"stormdesk"
	"stormdesk/notify"
)

type row struct {
	n        stormdesk.Delivery
	name     string
	next     time.Time
	leaseEnd time.Time
	token    string
}

// Memory is an in-memory outbox (what storetest.OutboxStore asks of one,
// whose contract suite it passes), for tests and benchmarks. It keeps every
// row, as a database would; the dispatcher never holds more than a claim.
type Memory struct {
	mu         sync.Mutex
	rows       []*row // in id order; id = index + 1
	byKey      map[string]int64
	messages   map[string]stormdesk.OutboundMessage
	suppressed map[string]bool
	// open is the index of the first row that may not be settled yet.
	open int
}

// NewMemory returns an empty in-memory outbox.
func NewMemory() *Memory {
	return &Memory{byKey: map[string]int64{}, messages: map[string]stormdesk.OutboundMessage{}, suppressed: map[string]bool{}}
}

var _ notify.Outbox = (*Memory)(nil)

func key(messageID, email string) string { return messageID + "\x00" + strings.ToLower(email) }

// Enqueue stores msg once and a pending row per recipient.
func (m *Memory) Enqueue(_ context.Context, msg stormdesk.OutboundMessage, recipients []notify.Recipient, at time.Time) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.messages[msg.MessageID]; !ok {
		m.messages[msg.MessageID] = msg
	}
	n := 0
	for _, r := range recipients {
		k := key(msg.MessageID, r.Email)
		if _, ok := m.byKey[k]; ok {
			continue
		}
		id := int64(len(m.rows) + 1)
		m.byKey[k] = id
		m.rows = append(m.rows, &row{
			n: stormdesk.Delivery{
				ID: id, IncidentID: msg.IncidentID, MessageID: msg.MessageID, Template: msg.Template,
				Recipient: r.Email, State: notify.StatePending,
			},
			name: r.Name,
			next: at,
		})
		n++
	}
	return n, nil
}

// Suppress implements storetest.OutboxStore.
func (m *Memory) Suppress(_ context.Context, email string, _ time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.suppressed[strings.ToLower(email)] = true
	return nil
}

// Rows implements storetest.OutboxStore.
func (m *Memory) Rows(_ context.Context, messageID string) ([]stormdesk.Delivery, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []stormdesk.Delivery
	for _, r := range m.rows {
		if r.n.MessageID == messageID {
			n := r.n
			if n.SentAt != nil {
				t := *n.SentAt
				n.SentAt = &t
			}
			out = append(out, n)
		}
	}
	return out, nil
}

// Counts returns how many rows are in each state.
func (m *Memory) Counts() map[string]int {
	m.mu.Lock()
	defer m.mu.Unlock()
	c := map[string]int{}
	for _, r := range m.rows {
		c[r.n.State]++
	}
	return c
}

func settled(state string) bool {
	return state == notify.StateSent || state == notify.StateFailed || state == notify.StateSuppressed
}

// Claim implements notify.Outbox.
func (m *Memory) Claim(_ context.Context, token string, now time.Time, lease time.Duration, max int) ([]notify.Claimed, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if max <= 0 {
		return nil, nil
	}
	for m.open < len(m.rows) && settled(m.rows[m.open].n.State) {
		m.open++
	}
	due := func(r *row) (time.Time, bool) {
		switch r.n.State {
		case notify.StatePending:
			return r.next, !r.next.After(now)
		case notify.StateClaimed:
			return r.leaseEnd, !r.leaseEnd.After(now)
		}
		return time.Time{}, false
	}
	less := func(a, b *row) int {
		ta, _ := due(a)
		tb, _ := due(b)
		if c := ta.Compare(tb); c != 0 {
			return c
		}
		return int(a.n.ID - b.n.ID)
	}
	// Keep the max oldest due rows, sorting now and then so the
	// candidate list stays small however long the outbox.
	var cand []*row
	for _, r := range m.rows[m.open:] {
		if _, ok := due(r); !ok {
			continue
		}
		if m.suppressed[strings.ToLower(r.n.Recipient)] {
			r.n.State = notify.StateSuppressed
			continue
		}
		cand = append(cand, r)
		if len(cand) >= 4*max {
			slices.SortFunc(cand, less)
			cand = cand[:max]
		}
	}
	slices.SortFunc(cand, less)
	if len(cand) > max {
		cand = cand[:max]
	}
	var out []notify.Claimed
	index := map[string]int{}
	for _, r := range cand {
		r.n.State = notify.StateClaimed
		r.token = token
		r.leaseEnd = now.Add(lease)
		i, ok := index[r.n.MessageID]
		if !ok {
			i = len(out)
			index[r.n.MessageID] = i
			out = append(out, notify.Claimed{Token: token, Message: m.messages[r.n.MessageID]})
		}
		out[i].Recipients = append(out[i].Recipients, notify.Recipient{ID: r.n.ID, Email: r.n.Recipient, Name: r.name, Attempts: r.n.Attempts})
	}
	for i := range out {
		slices.SortFunc(out[i].Recipients, func(a, b notify.Recipient) int { return int(a.ID - b.ID) })
	}
	return out, nil
}

// each calls fn for every row among ids that carries token and is in one
// of states.
func (m *Memory) each(token string, ids []int64, states []string, fn func(*row)) {
	for _, id := range ids {
		if id < 1 || id > int64(len(m.rows)) {
			continue
		}
		r := m.rows[id-1]
		if r.token == token && slices.Contains(states, r.n.State) {
			fn(r)
		}
	}
}

// MarkSending implements notify.Outbox.
func (m *Memory) MarkSending(_ context.Context, token string, ids []int64, _ time.Time) ([]int64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var held []int64
	m.each(token, ids, []string{notify.StateClaimed}, func(r *row) {
		r.n.State = notify.StateSending
		r.n.Attempts++
		held = append(held, r.n.ID)
	})
	slices.Sort(held)
	return held, nil
}

// MarkSent implements notify.Outbox.
func (m *Memory) MarkSent(_ context.Context, token string, ids []int64, at time.Time, _ string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.each(token, ids, []string{notify.StateSending, notify.StateFailed}, func(r *row) { r.sent(at) })
	return nil
}

func (r *row) sent(at time.Time) {
	r.n.State = notify.StateSent
	r.n.LastError = ""
	t := at
	r.n.SentAt = &t
}

// MarkRetry implements notify.Outbox.
func (m *Memory) MarkRetry(_ context.Context, token string, ids []int64, next time.Time, reason string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.each(token, ids, []string{notify.StateClaimed, notify.StateSending}, func(r *row) {
		r.n.State = notify.StatePending
		r.next = next
		r.n.LastError = reason
	})
	return nil
}

// MarkFailed implements notify.Outbox.
func (m *Memory) MarkFailed(_ context.Context, token string, ids []int64, _ time.Time, reason string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.each(token, ids, []string{notify.StateClaimed, notify.StateSending}, func(r *row) {
		r.n.State = notify.StateFailed
		r.n.LastError = reason
	})
	return nil
}

// Reconcile implements notify.Outbox.
func (m *Memory) Reconcile(_ context.Context, token, messageID string, at time.Time) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	n := 0
	for _, r := range m.rows {
		if r.token == token && r.n.MessageID == messageID && (r.n.State == notify.StateSending || r.n.State == notify.StateFailed) {
			r.sent(at)
			n++
		}
	}
	return n, nil
}

// ExpireInDoubt implements notify.Outbox.
func (m *Memory) ExpireInDoubt(_ context.Context, before time.Time, resend bool, reason string) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	n := 0
	for _, r := range m.rows[m.open:] {
		if r.n.State != notify.StateSending || r.leaseEnd.After(before) {
			continue
		}
		r.n.LastError = reason
		if resend {
			r.n.State = notify.StatePending
			r.next = r.leaseEnd
		} else {
			r.n.State = notify.StateFailed
		}
		n++
	}
	return n, nil
}

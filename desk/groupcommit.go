package desk

import (
	"context"
	"sync"

	"stormdesk"
)

// Group commit: single writes (a ticket at intake, a note from chat) that
// arrive while a write is in flight are written together in the next
// transaction. Each caller still gets its answer only after its write is
// committed, so nothing is acknowledged that is not stored; what changes
// is that fifty concurrent requests cost a few transactions (and fsyncs)
// instead of fifty. An idle service sees no added latency: a writer takes
// what is queued at once and never waits for a batch to fill.

// committer batches values of T through write, which stores a whole
// batch in one transaction (all or nothing) and returns one result per
// value.
type committer[T, R any] struct {
	queue   chan pending[T, R]
	writers sync.WaitGroup
	write   func(context.Context, []T) ([]R, error)
}

type pending[T, R any] struct {
	v    T
	done chan result[R]
}

type result[R any] struct {
	r   R
	err error
}

func startCommitter[T, R any](writers, max int, write func(context.Context, []T) ([]R, error)) *committer[T, R] {
	c := &committer[T, R]{queue: make(chan pending[T, R], writers*max), write: write}
	for range writers {
		c.writers.Add(1)
		go func() {
			defer c.writers.Done()
			c.loop(max)
		}()
	}
	return c
}

// stop lets the writers finish what is queued and waits.
func (c *committer[T, R]) stop() {
	close(c.queue)
	c.writers.Wait()
}

func (c *committer[T, R]) loop(max int) {
	batch := make([]pending[T, R], 0, max)
	vs := make([]T, 0, max)
	for first := range c.queue {
		batch = append(batch[:0], first)
	drain:
		for len(batch) < max {
			select {
			case p, ok := <-c.queue:
				if !ok {
					break drain
				}
				batch = append(batch, p)
			default:
				break drain
			}
		}
		vs = vs[:0]
		for _, p := range batch {
			vs = append(vs, p.v)
		}
		// The callers' contexts may end while their values are written;
		// the write itself finishes so that the store never holds half a
		// group.
		rs, err := c.write(context.Background(), vs)
		if err != nil && len(batch) > 1 {
			// One value's failure must not sink its neighbours: write
			// each alone so that every caller gets its own answer.
			for _, p := range batch {
				r, err := c.write(context.Background(), []T{p.v})
				if err != nil {
					p.done <- result[R]{err: err}
				} else {
					p.done <- result[R]{r: r[0]}
				}
			}
			continue
		}
		for i, p := range batch {
			if err != nil {
				p.done <- result[R]{err: err}
				continue
			}
			p.done <- result[R]{r: rs[i]}
		}
	}
}

// do queues v and waits until it is written.
func (c *committer[T, R]) do(ctx context.Context, v T) (R, error) {
	p := pending[T, R]{v: v, done: make(chan result[R], 1)}
	select {
	case c.queue <- p:
	case <-ctx.Done():
		var zero R
		return zero, ctx.Err()
	}
	r := <-p.done
	return r.r, r.err
}

// GroupCommit sizes the group-commit writers: how many goroutines write
// tickets and chat notes, each up to Max queued values per transaction.
// Tickets want throughput (few, large transactions); a person waits for
// a note, so notes may overlap more round trips. How many writers an
// engine wants is the store package's to say (sqlite.GroupCommit,
// postgres.GroupCommit).
type GroupCommit struct {
	Writers, NoteWriters, Max int
}

// startGroupCommit starts the writers. Close stops them.
func (s *Service) startGroupCommit(g GroupCommit) {
	s.tickets = startCommitter(max(1, g.Writers), g.Max, s.storeTickets)
	s.notes = startCommitter(max(1, g.NoteWriters), g.Max, s.appendEntries)
}

// stopGroupCommit lets the writers finish what is queued and waits.
func (s *Service) stopGroupCommit() {
	if s.tickets != nil {
		s.tickets.stop()
		s.notes.stop()
		s.tickets, s.notes = nil, nil
	}
}

// IngestTicket prepares and stores one ticket, through group commit when
// it is running. created is false when the ticket's (source, external id)
// was already stored; t then holds the stored ticket.
func (s *Service) IngestTicket(ctx context.Context, t *stormdesk.Ticket) (created bool, err error) {
	if err := s.PrepareTicket(t); err != nil {
		return false, err
	}
	if s.tickets == nil {
		c, err := s.storeTickets(ctx, []*stormdesk.Ticket{t})
		if err != nil {
			return false, err
		}
		return c[0], nil
	}
	return s.tickets.do(ctx, t)
}

// appendEntries stores timeline entries in one transaction.
func (s *Service) appendEntries(ctx context.Context, es []*stormdesk.TimelineEntry) ([]struct{}, error) {
	err := s.Store.Update(ctx, func(tx stormdesk.Tx) error {
		for _, e := range es {
			if err := tx.AppendTimeline(ctx, e); err != nil {
				return err
			}
		}
		return nil
	})
	return make([]struct{}, len(es)), err
}

// GroupCommitMax is the most values one group-commit transaction holds.
const GroupCommitMax = 64

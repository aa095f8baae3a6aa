package desk

import (
	"context"

	"stormdesk"
)

// Group commit: single tickets that arrive while a write is in flight are
// written together in the next transaction. Each caller still gets its
// answer only after its ticket is committed, so nothing is acknowledged
// that is not stored; what changes is that sixteen concurrent requests
// cost one transaction (and one fsync) instead of sixteen. An idle service
// sees no added latency: a writer takes what is queued at once and never
// waits for a batch to fill.

type pendingTicket struct {
	t    *stormdesk.Ticket
	done chan ingestResult
}

type ingestResult struct {
	created bool
	err     error
}

// StartGroupCommit starts writers goroutines that each write up to max
// queued tickets per transaction. Call StopGroupCommit after the last
// IngestTicket has returned (after the HTTP server has shut down).
func (s *Service) StartGroupCommit(writers, max int) {
	s.queue = make(chan pendingTicket, writers*max)
	for range writers {
		s.writers.Add(1)
		go func() {
			defer s.writers.Done()
			s.writeLoop(max)
		}()
	}
}

// StopGroupCommit lets the writers finish what is queued and waits.
func (s *Service) StopGroupCommit() {
	if s.queue != nil {
		close(s.queue)
		s.writers.Wait()
		s.queue = nil
	}
}

func (s *Service) writeLoop(max int) {
	batch := make([]pendingTicket, 0, max)
	tickets := make([]*stormdesk.Ticket, 0, max)
	for first := range s.queue {
		batch = append(batch[:0], first)
	drain:
		for len(batch) < max {
			select {
			case p, ok := <-s.queue:
				if !ok {
					break drain
				}
				batch = append(batch, p)
			default:
				break drain
			}
		}
		tickets = tickets[:0]
		for _, p := range batch {
			tickets = append(tickets, p.t)
		}
		// The callers' contexts may end while their tickets are written;
		// the write itself finishes so that the store never holds half a
		// group.
		created, err := s.storeTickets(context.Background(), tickets)
		if err != nil && len(batch) > 1 {
			// One ticket's failure must not sink its neighbours: write
			// each alone so that every caller gets its own answer.
			for _, p := range batch {
				c, err := s.storeTickets(context.Background(), []*stormdesk.Ticket{p.t})
				p.done <- ingestResult{created: err == nil && c[0], err: err}
			}
			continue
		}
		for i, p := range batch {
			if err != nil {
				p.done <- ingestResult{err: err}
				continue
			}
			p.done <- ingestResult{created: created[i]}
		}
	}
}

// IngestTicket prepares and stores one ticket, through group commit when
// it is running. created is false when the ticket's (source, external id)
// was already stored; t then holds the stored ticket.
func (s *Service) IngestTicket(ctx context.Context, t *stormdesk.Ticket) (created bool, err error) {
	if err := s.PrepareTicket(t); err != nil {
		return false, err
	}
	if s.queue == nil {
		c, err := s.storeTickets(ctx, []*stormdesk.Ticket{t})
		if err != nil {
			return false, err
		}
		return c[0], nil
	}
	p := pendingTicket{t: t, done: make(chan ingestResult, 1)}
	select {
	case s.queue <- p:
	case <-ctx.Done():
		return false, ctx.Err()
	}
	r := <-p.done
	return r.created, r.err
}

// GroupCommitMax is the most tickets one group-commit transaction holds.
const GroupCommitMax = 64

// GroupCommitWriters is the number of concurrent group-commit writers for a
// backend: SQLite has one writer at a time anyway; Postgres overlaps the
// round trips of a few.
func GroupCommitWriters(backend string) int {
	if backend == "postgres" {
		return 4
	}
	return 1
}

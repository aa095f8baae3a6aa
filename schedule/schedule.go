// Package schedule runs stormdesk's periodic work: the jobs one replica
// runs (triage maintenance, feed polling, probes, reminders, delivery
// reports) and the loops every replica runs (the triage worker, the
// outbox dispatchers). It is the only package that imports gocron.
package schedule

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/go-co-op/gocron/v2"
)

// Scheduler wraps a gocron scheduler, and runs the loops.
type Scheduler struct {
	s     gocron.Scheduler
	log   *slog.Logger
	loops []loop
	stop  context.CancelFunc
	wg    sync.WaitGroup
}

// Elector decides which replica runs the jobs (see postgres.Elector);
// without one, this process runs them all.
type Elector = gocron.Elector

// New returns a stopped scheduler. With an elector, jobs run only on the
// replica it elects; another takes over when that one dies.
func New(log *slog.Logger, elector Elector) (*Scheduler, error) {
	var opts []gocron.SchedulerOption
	if elector != nil {
		opts = append(opts, gocron.WithDistributedElector(elector))
	}
	s, err := gocron.NewScheduler(opts...)
	if err != nil {
		return nil, fmt.Errorf("schedule: %w", err)
	}
	return &Scheduler{s: s, log: log}, nil
}

// Every runs fn every interval (first after one interval). A run that is
// still going when the next is due is not doubled: the next one waits for
// the following slot. Errors are logged with the job's name.
func (s *Scheduler) Every(name string, interval time.Duration, fn func(context.Context) error) error {
	return s.add(name, gocron.DurationJob(interval), fn)
}

// EveryJitter runs fn every interval ± 10%, so that many feeds polled at
// the same interval do not all fire in the same second.
func (s *Scheduler) EveryJitter(name string, interval time.Duration, fn func(context.Context) error) error {
	return s.add(name, gocron.DurationRandomJob(interval*9/10, interval*11/10), fn)
}

func (s *Scheduler) add(name string, def gocron.JobDefinition, fn func(context.Context) error) error {
	_, err := s.s.NewJob(def,
		gocron.NewTask(func(ctx context.Context) {
			start := time.Now()
			if err := fn(ctx); err != nil {
				s.log.Error("scheduled job failed", slog.String("job", name), slog.Any("error", err))
				return
			}
			s.log.Debug("scheduled job done", slog.String("job", name), slog.Duration("took", time.Since(start)))
		}),
		gocron.WithName(name),
		gocron.WithSingletonMode(gocron.LimitModeReschedule))
	if err != nil {
		return fmt.Errorf("schedule: job %s: %w", name, err)
	}
	return nil
}

// loop is work every replica runs (Loop).
type loop struct {
	name          string
	every, settle time.Duration
	wake          <-chan struct{}
	fn            func(context.Context) error
}

// Loop registers work that every replica runs, elected or not (the
// outbox dispatchers, the triage worker): fn runs once at Start, then
// every interval, and sooner when wake fires, after settle (so that a
// burst of wake-ups makes one run). Runs never overlap. Errors are logged
// with the loop's name; Stop cancels fn's context and waits for it.
func (s *Scheduler) Loop(name string, every time.Duration, wake <-chan struct{}, settle time.Duration, fn func(context.Context) error) error {
	if every <= 0 {
		return fmt.Errorf("schedule: loop %s: interval %v must be positive", name, every)
	}
	s.loops = append(s.loops, loop{name: name, every: every, settle: settle, wake: wake, fn: fn})
	return nil
}

func (l loop) run(ctx context.Context, log *slog.Logger) {
	for {
		if err := l.fn(ctx); err != nil && ctx.Err() == nil {
			log.Error("loop failed", slog.String("loop", l.name), slog.Any("error", err))
		}
		t := time.NewTimer(l.every)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-l.wake:
			t.Stop()
			if l.settle > 0 {
				select {
				case <-ctx.Done():
					return
				case <-time.After(l.settle):
				}
			}
		case <-t.C:
		}
	}
}

// Start starts running jobs and loops.
func (s *Scheduler) Start() {
	ctx, cancel := context.WithCancel(context.Background())
	s.stop = cancel
	for _, l := range s.loops {
		s.wg.Go(func() { l.run(ctx, s.log) })
	}
	s.s.Start()
}

// Stop stops the loops (a run in progress finishes what it has in
// flight), then waits for running jobs and stops.
func (s *Scheduler) Stop() error {
	if s.stop != nil {
		s.stop()
		s.wg.Wait()
	}
	if err := s.s.Shutdown(); err != nil {
		return fmt.Errorf("schedule: shutdown: %w", err)
	}
	return nil
}

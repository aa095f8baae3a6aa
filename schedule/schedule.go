// Package schedule runs stormdesk's periodic work (triage maintenance, and
// as they arrive feed polling, probes, the outbox and reminders). It is the
// only package that imports gocron.
package schedule

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/go-co-op/gocron/v2"
)

// Scheduler wraps a gocron scheduler.
type Scheduler struct {
	s   gocron.Scheduler
	log *slog.Logger
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

// Start starts running jobs.
func (s *Scheduler) Start() { s.s.Start() }

// Stop waits for running jobs and stops.
func (s *Scheduler) Stop() error {
	if err := s.s.Shutdown(); err != nil {
		return fmt.Errorf("schedule: shutdown: %w", err)
	}
	return nil
}

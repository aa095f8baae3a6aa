package schedule

import (
	"context"
	"fmt"
	"log/slog"
	"time"
)

// Jobs is what registers periodic work: the gocron Scheduler for a
// running service, Virtual for a replay in virtual time. Wiring code
// registers the same jobs with either.
type Jobs interface {
	Every(name string, interval time.Duration, fn func(context.Context) error) error
	EveryJitter(name string, interval time.Duration, fn func(context.Context) error) error
}

var (
	_ Jobs = (*Scheduler)(nil)
	_ Jobs = (*Virtual)(nil)
)

// Virtual runs jobs in virtual time: nothing fires on its own; RunDue
// fires, in time order, every run that is due up to a virtual instant.
// A replay advances its clock from event to event and calls RunDue
// before each, so a week of periodic work takes no wall-clock waiting.
// Jitter is left out: runs are deterministic.
type Virtual struct {
	log   *slog.Logger
	start time.Time
	jobs  []*virtualJob
	// SetNow, when set, is called with each run's virtual time before the
	// run, so that the job reads that time from the replay's clock.
	SetNow func(time.Time)
}

type virtualJob struct {
	name     string
	interval time.Duration
	next     time.Time
	fn       func(context.Context) error
}

// NewVirtual returns a virtual scheduler whose jobs first run one
// interval after start, as gocron's do after Start.
func NewVirtual(log *slog.Logger, start time.Time) *Virtual {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Virtual{log: log, start: start}
}

// Every registers fn to run every interval.
func (v *Virtual) Every(name string, interval time.Duration, fn func(context.Context) error) error {
	if interval <= 0 {
		return fmt.Errorf("schedule: job %s: interval %s is not positive", name, interval)
	}
	v.jobs = append(v.jobs, &virtualJob{name: name, interval: interval, next: v.start.Add(interval), fn: fn})
	return nil
}

// EveryJitter is Every: virtual runs have no jitter.
func (v *Virtual) EveryJitter(name string, interval time.Duration, fn func(context.Context) error) error {
	return v.Every(name, interval, fn)
}

// Next is the virtual time of the next due run (zero without jobs).
func (v *Virtual) Next() time.Time {
	var next time.Time
	for _, j := range v.jobs {
		if next.IsZero() || j.next.Before(next) {
			next = j.next
		}
	}
	return next
}

// RunDue fires every run due at or before now, earliest first (ties in
// registration order). A job's error is logged, as the real scheduler
// does, and the job is scheduled again; a cancelled context stops the
// runs and is returned.
func (v *Virtual) RunDue(ctx context.Context, now time.Time) error {
	for {
		var due *virtualJob
		for _, j := range v.jobs {
			if !j.next.After(now) && (due == nil || j.next.Before(due.next)) {
				due = j
			}
		}
		if due == nil {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		at := due.next
		due.next = due.next.Add(due.interval)
		if v.SetNow != nil {
			v.SetNow(at)
		}
		if err := due.fn(ctx); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			v.log.Error("scheduled job failed", slog.String("job", due.name), slog.Time("at", at), slog.Any("error", err))
		}
	}
}

package notify

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	mrand "math/rand/v2"
	"strings"
	"sync"
	"time"

	"stormdesk"
)

// Dispatcher defaults.
const (
	DefaultConcurrency  = 4
	DefaultLease        = 2 * time.Minute
	DefaultSendTimeout  = 30 * time.Second
	DefaultBackoffBase  = 30 * time.Second
	DefaultBackoffMax   = time.Hour
	DefaultMaxAttempts  = 10
	DefaultInDoubtAfter = time.Hour
)

// Dispatcher is the one retry stage: it claims due outbox rows, sends them
// in batches with bounded concurrency, and records each outcome in the
// outbox. It never retries in memory: a batch that may succeed later goes
// back to the outbox, due after an exponential backoff with jitter (or
// after the provider's rate-limit reset), so a restart loses nothing.
//
// Several dispatchers, in one process or many, may share an outbox: claims
// never overlap, and the claim token fences every later write.
type Dispatcher struct {
	Outbox Outbox
	Sender Sender
	// Concurrency is how many batches are in flight at once
	// (DefaultConcurrency when 0).
	Concurrency int
	// BatchSize is the most recipients per request, at most MaxBatch (the
	// default).
	BatchSize int
	// Lease is how long a claim is held before another dispatcher may take
	// its unsent rows (DefaultLease when 0). It must be longer than
	// SendTimeout plus the time to write the outcome.
	Lease time.Duration
	// SendTimeout bounds one provider request (DefaultSendTimeout, and at
	// most half the lease).
	SendTimeout time.Duration
	// BackoffBase and BackoffMax shape the wait before retry n:
	// min(BackoffMax, BackoffBase·2ⁿ⁻¹), of which a random half is kept.
	BackoffBase time.Duration
	BackoffMax  time.Duration
	// MaxAttempts is how many sends a row gets before it fails for good
	// (DefaultMaxAttempts when 0).
	MaxAttempts int
	// InDoubt decides what happens to rows whose batch was with the
	// provider when their dispatcher died, once InDoubtAfter has passed
	// since their lease ended without a webhook event settling them
	// (DefaultInDoubtAfter when 0).
	InDoubt      InDoubtPolicy
	InDoubtAfter time.Duration
	// ValidRecipient says whether a row's recipient can be sent to at all
	// (stormdesk.ValidEmail when nil); rows it refuses fail at once. The
	// chat dispatcher's recipients are platform names.
	ValidRecipient func(string) bool
	// UnsubscribeURL gives each recipient's unsubscribe link, which
	// replaces UnsubscribeTag in their copy (see UnsubscribeLinks); it is
	// given the message's components, so that the link of an email about
	// status page components stops only those.
	UnsubscribeURL func(email string, components []string) string
	// Now is the clock (time.Now when nil).
	Now func() time.Time
	// Log receives one line per failed batch (slog.Default when nil). It
	// never receives addresses, bodies or keys.
	Log *slog.Logger

	mu     sync.Mutex
	paused time.Time
	kick   chan struct{}
}

// Stats counts the rows one RunOnce settled.
type Stats struct {
	// Sent rows were accepted by the provider.
	Sent int
	// Retried rows went back to the outbox to be sent later.
	Retried int
	// Failed rows will not be sent: permanent refusals, invalid addresses,
	// rows out of attempts, and in-doubt rows under InDoubtFail.
	Failed int
}

func (s *Stats) add(o Stats) {
	s.Sent += o.Sent
	s.Retried += o.Retried
	s.Failed += o.Failed
}

func (d *Dispatcher) now() time.Time {
	if d.Now != nil {
		return d.Now()
	}
	return time.Now()
}

func (d *Dispatcher) log() *slog.Logger {
	if d.Log != nil {
		return d.Log
	}
	return slog.Default()
}

func or[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}

func (d *Dispatcher) lease() time.Duration { return or(d.Lease, DefaultLease) }

func (d *Dispatcher) sendTimeout() time.Duration {
	return min(or(d.SendTimeout, DefaultSendTimeout), d.lease()/2)
}

// PausedUntil reports until when the provider asked for no requests (zero
// when it did not).
func (d *Dispatcher) PausedUntil() time.Time {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.paused
}

func (d *Dispatcher) pause(until time.Time) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if until.After(d.paused) {
		d.paused = until
	}
}

func (d *Dispatcher) isPaused(now time.Time) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return now.Before(d.paused)
}

// Kick makes the dispatcher's loop start a round now instead of at its
// next tick (see Wake); call it after committing outbox rows. It never
// blocks.
func (d *Dispatcher) Kick() {
	select {
	case d.kicks() <- struct{}{}:
	default:
	}
}

// Kicked reports whether Kick was called since the loop last woke or
// Kicked last reported it, and forgets it: a caller that drives the dispatcher
// itself (a replay, with RunOnce) runs it only when there is work.
func (d *Dispatcher) Kicked() bool {
	select {
	case <-d.kicks():
		return true
	default:
		return false
	}
}

func (d *Dispatcher) kicks() chan struct{} {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.kick == nil {
		d.kick = make(chan struct{}, 1)
	}
	return d.kick
}

// Wake fires after Kick: the dispatcher's loop (schedule.Loop) runs a
// round at once instead of at its next tick.
func (d *Dispatcher) Wake() <-chan struct{} { return d.kicks() }

// Round is one turn of the dispatcher's loop: RunOnce, with what it did
// logged. While the provider has asked for a pause, RunOnce sends nothing.
func (d *Dispatcher) Round(ctx context.Context) error {
	st, err := d.RunOnce(ctx)
	if err != nil {
		return fmt.Errorf("notify: dispatch round: %w", err)
	}
	if st != (Stats{}) {
		d.log().Info("notify: dispatched", "sent", st.Sent, "retried", st.Retried, "failed", st.Failed)
	}
	return nil
}

// RunOnce settles expired in-doubt rows, then sends every row due now, in
// batches, with at most Concurrency requests in flight, and returns what
// it did. It returns early, without error, when the provider rate-limits
// it (PausedUntil says until when). When ctx is cancelled, requests in
// flight are finished and recorded (the send timeout bounds them) so that
// a graceful stop leaves nothing in doubt.
func (d *Dispatcher) RunOnce(ctx context.Context) (Stats, error) {
	var total Stats
	if d.Outbox == nil || d.Sender == nil {
		return total, errors.New("notify: dispatcher needs an Outbox and a Sender")
	}
	if d.BatchSize < 0 || d.BatchSize > MaxBatch {
		return total, fmt.Errorf("notify: batch size %d is not between 1 and %d", d.BatchSize, MaxBatch)
	}
	now := d.now()
	if d.isPaused(now) {
		return total, nil
	}
	resend := d.InDoubt == InDoubtResend
	reason := "in doubt: the dispatcher stopped while SendGrid had the batch and no event settled it; not sent again"
	if resend {
		reason = "in doubt: the dispatcher stopped while SendGrid had the batch and no event settled it; sent again"
	}
	n, err := d.Outbox.ExpireInDoubt(ctx, now.Add(-or(d.InDoubtAfter, DefaultInDoubtAfter)), resend, reason)
	if err != nil {
		return total, fmt.Errorf("notify: expire in-doubt rows: %w", err)
	}
	if n > 0 {
		d.log().Warn("notify: settled in-doubt rows", "rows", n, "policy", d.InDoubt.String())
		if resend {
			total.Retried += n
		} else {
			total.Failed += n
		}
	}

	var (
		mu       sync.Mutex
		firstErr error
		wg       sync.WaitGroup
	)
	for range or(d.Concurrency, DefaultConcurrency) {
		wg.Go(func() {
			for ctx.Err() == nil && !d.isPaused(d.now()) {
				mu.Lock()
				stop := firstErr != nil
				mu.Unlock()
				if stop {
					return
				}
				st, more, err := d.round(ctx)
				mu.Lock()
				total.add(st)
				if err != nil && firstErr == nil {
					firstErr = err
				}
				mu.Unlock()
				if err != nil || !more {
					return
				}
			}
		})
	}
	wg.Wait()
	return total, firstErr
}

// round claims one batch worth of rows and sends them; more reports
// whether anything was claimed.
func (d *Dispatcher) round(ctx context.Context) (st Stats, more bool, err error) {
	token := newToken()
	claims, err := d.Outbox.Claim(ctx, token, d.now(), d.lease(), or(d.BatchSize, MaxBatch))
	if err != nil {
		return st, false, fmt.Errorf("notify: claim: %w", err)
	}
	for i, c := range claims {
		s, err := d.send(ctx, c)
		st.add(s)
		if err != nil || ctx.Err() != nil || d.isPaused(d.now()) {
			// Hand back what this round will not send, so that it does not
			// wait for the lease to run out.
			next := d.now()
			if p := d.PausedUntil(); p.After(next) {
				next = p
			}
			for _, rest := range claims[i+1:] {
				if rerr := d.Outbox.MarkRetry(context.WithoutCancel(ctx), rest.Token, ids(rest.Recipients), next, "not sent yet: round ended early"); rerr != nil && err == nil {
					err = fmt.Errorf("notify: release claim: %w", rerr)
				}
			}
			return st, false, err
		}
	}
	return st, len(claims) > 0, nil
}

func ids(rs []Recipient) []int64 {
	out := make([]int64, len(rs))
	for i, r := range rs {
		out[i] = r.ID
	}
	return out
}

const markTimeout = 30 * time.Second

// send sends one claimed group as one request and records the outcome.
func (d *Dispatcher) send(ctx context.Context, c Claimed) (st Stats, err error) {
	// Outcomes are written even when ctx is cancelled: a stop must not
	// leave an answered batch unrecorded.
	mctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), markTimeout)
	defer cancel()
	log := d.log().With("message_id", c.Message.MessageID, "incident_id", c.Message.IncidentID)

	rs := c.Recipients
	valid := d.ValidRecipient
	if valid == nil {
		valid = stormdesk.ValidEmail
	}
	var bad []int64
	keep := rs[:0:0]
	for _, r := range rs {
		if valid(r.Email) {
			keep = append(keep, r)
		} else {
			bad = append(bad, r.ID)
		}
	}
	if len(bad) > 0 {
		if err := d.Outbox.MarkFailed(mctx, c.Token, bad, d.now(), "invalid recipient address"); err != nil {
			return st, fmt.Errorf("notify: mark failed: %w", err)
		}
		st.Failed += len(bad)
	}
	if len(keep) == 0 {
		return st, nil
	}
	if ctx.Err() != nil {
		return st, d.Outbox.MarkRetry(mctx, c.Token, ids(keep), d.now(), "not sent: dispatcher stopping")
	}
	held, err := d.Outbox.MarkSending(mctx, c.Token, ids(keep), d.now())
	if err != nil {
		return st, fmt.Errorf("notify: mark sending: %w", err)
	}
	if len(held) < len(keep) {
		keep = heldOnly(keep, held)
		log.Warn("notify: claim lost before sending", "lost", len(c.Recipients)-len(bad)-len(keep))
	}
	if len(keep) == 0 {
		return st, nil
	}
	for i := range keep {
		keep[i].Attempts++
		if d.UnsubscribeURL != nil {
			keep[i].UnsubscribeURL = d.UnsubscribeURL(keep[i].Email, c.Message.Components)
		}
	}
	b := &Batch{Token: c.Token, Message: c.Message, Recipients: keep}

	sctx, scancel := context.WithTimeout(context.WithoutCancel(ctx), d.sendTimeout())
	res, sendErr := d.Sender.Send(sctx, b)
	scancel()
	now := d.now()

	if sendErr == nil {
		if err := d.markSent(mctx, c.Token, ids(keep), now, res.ProviderID); err != nil {
			// The rows stay in state sending: in doubt until an event
			// reconciles them or ExpireInDoubt settles them.
			log.Error("notify: batch accepted but not recorded", "recipients", len(keep), "err", err)
			return st, fmt.Errorf("notify: mark sent: %w", err)
		}
		st.Sent += len(keep)
		return st, nil
	}

	reason := strings.TrimPrefix(sendErr.Error(), "notify: ")
	log = log.With("recipients", len(keep), "reason", reason)
	if !res.Retry {
		if badIdx := res.BadRecipients; len(badIdx) > 0 && len(badIdx) < len(keep) {
			// Only some personalizations were refused: fail those, send the
			// others again at once.
			isBad := map[int]bool{}
			for _, i := range badIdx {
				isBad[i] = true
			}
			var failIDs, againIDs []int64
			for i, r := range keep {
				if isBad[i] {
					failIDs = append(failIDs, r.ID)
				} else {
					againIDs = append(againIDs, r.ID)
				}
			}
			if len(failIDs) > 0 && len(againIDs) > 0 {
				log.Warn("notify: some recipients refused", "refused", len(failIDs))
				if err := d.Outbox.MarkFailed(mctx, c.Token, failIDs, now, reason); err != nil {
					return st, fmt.Errorf("notify: mark failed: %w", err)
				}
				if err := d.Outbox.MarkRetry(mctx, c.Token, againIDs, now, ""); err != nil {
					return st, fmt.Errorf("notify: mark retry: %w", err)
				}
				st.Failed += len(failIDs)
				st.Retried += len(againIDs)
				return st, nil
			}
		}
		log.Warn("notify: batch refused")
		if err := d.Outbox.MarkFailed(mctx, c.Token, ids(keep), now, reason); err != nil {
			return st, fmt.Errorf("notify: mark failed: %w", err)
		}
		st.Failed += len(keep)
		return st, nil
	}

	// Retryable. Rows out of attempts fail; the rest wait.
	var giveUp, again []int64
	attempts := 0
	for _, r := range keep {
		if r.Attempts >= or(d.MaxAttempts, DefaultMaxAttempts) {
			giveUp = append(giveUp, r.ID)
		} else {
			again = append(again, r.ID)
			attempts = max(attempts, r.Attempts)
		}
	}
	if len(giveUp) > 0 {
		if err := d.Outbox.MarkFailed(mctx, c.Token, giveUp, now, fmt.Sprintf("gave up after %d attempts: %s", or(d.MaxAttempts, DefaultMaxAttempts), reason)); err != nil {
			return st, fmt.Errorf("notify: mark failed: %w", err)
		}
		st.Failed += len(giveUp)
	}
	if len(again) == 0 {
		return st, nil
	}
	var next time.Time
	if res.RetryAfter > 0 {
		// Honour the reset, plus up to a second so that replicas do not
		// all come back at the same instant; stop sending meanwhile.
		next = now.Add(res.RetryAfter + time.Duration(mrand.Int64N(int64(time.Second))))
		d.pause(next)
		log.Warn("notify: rate limited", "retry_at", next)
	} else {
		next = now.Add(d.backoff(attempts))
		log.Warn("notify: batch will be retried", "retry_at", next, "attempt", attempts)
	}
	if err := d.Outbox.MarkRetry(mctx, c.Token, again, next, reason); err != nil {
		return st, fmt.Errorf("notify: mark retry: %w", err)
	}
	st.Retried += len(again)
	return st, nil
}

// markSent records an accepted batch, trying a few times: until it
// succeeds, a crash would leave the rows in doubt.
func (d *Dispatcher) markSent(ctx context.Context, token string, ids []int64, at time.Time, providerID string) error {
	var err error
	for i := range 3 {
		if err = d.Outbox.MarkSent(ctx, token, ids, at, providerID); err == nil || ctx.Err() != nil {
			return err
		}
		time.Sleep(time.Duration(i+1) * 50 * time.Millisecond)
	}
	return err
}

// backoff is the wait before retry n (n ≥ 1): the exponential step, of
// which a random part in [½, 1) is kept ("equal jitter"), so that retries
// spread out but never come sooner than half the step.
func (d *Dispatcher) backoff(n int) time.Duration {
	base, maxD := or(d.BackoffBase, DefaultBackoffBase), or(d.BackoffMax, DefaultBackoffMax)
	step := base
	for i := 1; i < n && step < maxD; i++ {
		step *= 2
	}
	step = min(step, maxD)
	half := step / 2
	return half + time.Duration(mrand.Int64N(int64(half)+1))
}

func heldOnly(rs []Recipient, held []int64) []Recipient {
	h := make(map[int64]bool, len(held))
	for _, id := range held {
		h[id] = true
	}
	out := rs[:0:0]
	for _, r := range rs {
		if h[r.ID] {
			out = append(out, r)
		}
	}
	return out
}

func newToken() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

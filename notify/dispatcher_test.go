package notify_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"stormdesk"
	"stormdesk/notify"
	"stormdesk/notify/notifytest"
	"stormdesk/notify/sendgridtest"
	"stormdesk/schedule"
)

// clock is a settable test clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

type env struct {
	t     *testing.T
	out   *notifytest.Memory
	srv   *sendgridtest.Server
	clock *clock
	// audience maps message id to its recipients.
	audience map[string][]string
}

func newEnv(t *testing.T) *env {
	return &env{t: t, out: notifytest.NewMemory(), srv: sendgridtest.New(t), clock: newClock(), audience: map[string][]string{}}
}

func (e *env) enqueue(messageID string, n int) {
	e.t.Helper()
	msg := stormdesk.OutboundMessage{IncidentID: 42, MessageID: messageID, Template: "update", Subject: "Update " + messageID,
		Text: "News.\nUnsubscribe: " + notify.UnsubscribeTag, HTML: `<p>News.</p><a href="` + notify.UnsubscribeTag + `">Unsubscribe</a>`}
	rs := make([]notify.Recipient, n)
	for i := range rs {
		rs[i].Email = fmt.Sprintf("%s-c%05d@example.com", messageID, i)
		e.audience[messageID] = append(e.audience[messageID], rs[i].Email)
	}
	if _, err := e.out.Enqueue(context.Background(), msg, rs, e.clock.Now()); err != nil {
		e.t.Fatal(err)
	}
}

func (e *env) dispatcher(out notify.Outbox) *notify.Dispatcher {
	s := newSender(e.srv.URL)
	return &notify.Dispatcher{Outbox: out, Sender: s, Concurrency: 3, BatchSize: 100, Lease: time.Minute,
		SendTimeout: 2 * time.Second, BackoffBase: time.Second, BackoffMax: 10 * time.Second,
		UnsubscribeURL: func(email string, _ []string) string { return "https://acme.example/u?e=" + email },
		Now:            e.clock.Now, Log: quiet}
}

// drain runs rounds, moving the clock on, until nothing is left to send.
func (e *env) drain(d *notify.Dispatcher) notify.Stats {
	e.t.Helper()
	var total notify.Stats
	for i := 0; i < 100; i++ {
		st, err := d.RunOnce(context.Background())
		if err != nil {
			e.t.Fatalf("round %d: %v", i, err)
		}
		total.Sent += st.Sent
		total.Retried += st.Retried
		total.Failed += st.Failed
		c := e.out.Counts()
		if c[notify.StatePending]+c[notify.StateClaimed]+c[notify.StateSending] == 0 {
			return total
		}
		e.clock.Advance(15 * time.Second)
	}
	e.t.Fatalf("outbox not drained: %v", e.out.Counts())
	return total
}

// check asserts the end state: every recipient got each message exactly
// once, or got it at most once and the failure is recorded on its row.
func (e *env) check() (sent, failed int) {
	e.t.Helper()
	for id, emails := range e.audience {
		rows, err := e.out.Rows(context.Background(), id)
		if err != nil {
			e.t.Fatal(err)
		}
		if len(rows) != len(emails) {
			e.t.Fatalf("%s: %d rows, want %d", id, len(rows), len(emails))
		}
		for _, r := range rows {
			n := e.srv.Count(id, r.Recipient)
			switch {
			case n > 1:
				e.t.Errorf("%s: %s got it %d times", id, r.Recipient, n)
			case r.State == notify.StateSent && n != 1:
				e.t.Errorf("%s: %s marked sent but got it %d times", id, r.Recipient, n)
			case r.State == notify.StateFailed && r.LastError == "":
				e.t.Errorf("%s: %s failed without a reason", id, r.Recipient)
			case r.State != notify.StateSent && r.State != notify.StateFailed:
				e.t.Errorf("%s: %s left in state %s", id, r.Recipient, r.State)
			case r.State == notify.StateFailed && n == 1 && !strings.Contains(r.LastError, "in doubt"):
				e.t.Errorf("%s: %s got it but is marked failed: %s", id, r.Recipient, r.LastError)
			}
			if r.State == notify.StateSent {
				sent++
			} else {
				failed++
			}
		}
	}
	return sent, failed
}

func TestDispatchSendsEachRecipientOnce(t *testing.T) {
	e := newEnv(t)
	e.enqueue("m1", 1234)
	e.enqueue("m2", 321)
	d := e.dispatcher(e.out)
	d.BatchSize = 1000
	st, err := d.RunOnce(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if st != (notify.Stats{Sent: 1555}) {
		t.Fatalf("stats %+v", st)
	}
	e.srv.AssertRecipients(t, "m1", e.audience["m1"])
	e.srv.AssertRecipients(t, "m2", e.audience["m2"])
	if got := e.srv.Accepted(); got != 3 {
		t.Errorf("%d requests, want 3 (1000 + 234 + 321)", got)
	}
	for _, dl := range e.srv.Deliveries()[:5] {
		if !strings.Contains(dl.Text, "https://acme.example/u?e="+dl.Email) {
			t.Errorf("%s: no personal unsubscribe link in %q", dl.Email, dl.Text)
		}
	}
	if s, f := e.check(); s != 1555 || f != 0 {
		t.Fatalf("sent %d failed %d", s, f)
	}
	// Nothing left: a second round sends nothing.
	if st, _ := d.RunOnce(context.Background()); st != (notify.Stats{}) {
		t.Fatalf("second round %+v", st)
	}
}

func TestDispatchRetries5xxWithBackoff(t *testing.T) {
	e := newEnv(t)
	e.enqueue("m1", 250)
	e.srv.FailNext(2, http.StatusServiceUnavailable)
	d := e.dispatcher(e.out)
	d.Concurrency = 1
	st, err := d.RunOnce(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if st.Retried != 200 || st.Sent != 50 {
		t.Fatalf("first round %+v, want 200 retried, 50 sent", st)
	}
	rows, _ := e.out.Rows(context.Background(), "m1")
	if !strings.Contains(rows[0].LastError, "status 503") {
		t.Errorf("last error %q", rows[0].LastError)
	}
	// The retry is not due at once.
	if st, _ := d.RunOnce(context.Background()); st.Sent != 0 {
		t.Fatalf("retried before the backoff: %+v", st)
	}
	e.drain(d)
	if s, _ := e.check(); s != 250 {
		t.Fatalf("sent %d", s)
	}
}

func TestDispatchHonoursRateLimitReset(t *testing.T) {
	e := newEnv(t)
	e.enqueue("m1", 500)
	e.srv.RateLimitNext(1, 30*time.Second)
	d := e.dispatcher(e.out)
	d.Concurrency = 1
	st, err := d.RunOnce(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if st.Sent != 0 || st.Retried != 100 {
		t.Fatalf("rate-limited round %+v: want the batch handed back and nothing more claimed", st)
	}
	wait := d.PausedUntil().Sub(e.clock.Now())
	if wait < 28*time.Second || wait > 32*time.Second {
		t.Fatalf("paused for %v, want about 30s", wait)
	}
	e.clock.Advance(20 * time.Second)
	if st, _ := d.RunOnce(context.Background()); st != (notify.Stats{}) {
		t.Fatalf("sent during the pause: %+v", st)
	}
	if e.srv.Requests() != 1 {
		t.Fatalf("%d requests during the pause", e.srv.Requests())
	}
	e.clock.Advance(15 * time.Second)
	st, _ = d.RunOnce(context.Background())
	if st.Sent != 500 {
		t.Fatalf("after the reset %+v", st)
	}
	e.check()
}

func TestDispatchRetriesTimeouts(t *testing.T) {
	e := newEnv(t)
	e.enqueue("m1", 100)
	e.srv.StallNext(1, 3*time.Second)
	d := e.dispatcher(e.out)
	d.SendTimeout = 100 * time.Millisecond
	st, err := d.RunOnce(context.Background())
	if err != nil || st.Retried != 100 {
		t.Fatalf("%+v, %v", st, err)
	}
	rows, _ := e.out.Rows(context.Background(), "m1")
	if !strings.Contains(rows[0].LastError, "timeout") {
		t.Errorf("last error %q", rows[0].LastError)
	}
	e.drain(d)
	if s, _ := e.check(); s != 100 {
		t.Fatalf("sent %d", s)
	}
}

func TestDispatchPermanentFailure(t *testing.T) {
	e := newEnv(t)
	e.enqueue("m1", 150)
	e.srv.FailNext(1, http.StatusForbidden)
	d := e.dispatcher(e.out)
	d.Concurrency = 1
	st := e.drain(d)
	if st.Failed != 100 || st.Sent != 50 {
		t.Fatalf("%+v", st)
	}
	_, failed := e.check()
	if failed != 100 {
		t.Fatalf("%d failed", failed)
	}
	rows, _ := e.out.Rows(context.Background(), "m1")
	if !strings.Contains(rows[0].LastError, "status 403: injected failure") {
		t.Errorf("reason %q", rows[0].LastError)
	}
}

func TestDispatchGivesUpAfterMaxAttempts(t *testing.T) {
	e := newEnv(t)
	e.enqueue("m1", 10)
	e.srv.FailNext(1000, http.StatusBadGateway)
	d := e.dispatcher(e.out)
	d.MaxAttempts = 3
	e.drain(d)
	if e.srv.Requests() != 3 {
		t.Errorf("%d requests, want 3", e.srv.Requests())
	}
	rows, _ := e.out.Rows(context.Background(), "m1")
	if rows[0].State != notify.StateFailed || !strings.Contains(rows[0].LastError, "gave up after 3 attempts: status 502") {
		t.Fatalf("%+v", rows[0])
	}
}

func TestDispatchFailsInvalidAddressesAlone(t *testing.T) {
	e := newEnv(t)
	e.enqueue("m1", 3)
	ctx := context.Background()
	e.out.Enqueue(ctx, stormdesk.OutboundMessage{MessageID: "m1"}, []notify.Recipient{{Email: "not an address"}}, e.clock.Now())
	d := e.dispatcher(e.out)
	st, err := d.RunOnce(ctx)
	if err != nil || st != (notify.Stats{Sent: 3, Failed: 1}) {
		t.Fatalf("%+v %v", st, err)
	}
}

// partial refuses the second personalization of every batch, as SendGrid
// does with an address it will not take.
type partial struct{ calls atomic.Int32 }

func (p *partial) Send(_ context.Context, b *notify.Batch) (notify.Result, error) {
	if p.calls.Add(1) == 1 {
		return notify.Result{BadRecipients: []int{1}}, &notify.SendError{Status: 400, Reason: "personalizations.1.to.0.email: Does not contain a valid address."}
	}
	return notify.Result{ProviderID: "ok"}, nil
}

func TestDispatchPartialRefusal(t *testing.T) {
	e := newEnv(t)
	e.enqueue("m1", 5)
	d := e.dispatcher(e.out)
	d.Sender = &partial{}
	st := e.drain(d)
	if st.Sent != 4 || st.Failed != 1 || st.Retried != 4 {
		t.Fatalf("%+v", st)
	}
	rows, _ := e.out.Rows(context.Background(), "m1")
	if rows[1].State != notify.StateFailed || rows[0].State != notify.StateSent {
		t.Fatalf("%+v", rows[:2])
	}
}

// killable is an outbox in a process that can be killed: from the kill on,
// nothing it is asked reaches the store.
type killable struct {
	notify.Outbox
	dead   atomic.Bool
	calls  atomic.Int32
	killAt int32 // kill before the killAt-th call, when > 0
}

var errKilled = errors.New("killed")

func (k *killable) gate() error {
	if n := k.calls.Add(1); k.killAt > 0 && n >= k.killAt {
		k.dead.Store(true)
	}
	if k.dead.Load() {
		return errKilled
	}
	return nil
}

func (k *killable) Claim(ctx context.Context, tok string, now time.Time, l time.Duration, max int) ([]notify.Claimed, error) {
	if err := k.gate(); err != nil {
		return nil, err
	}
	return k.Outbox.Claim(ctx, tok, now, l, max)
}

func (k *killable) MarkSending(ctx context.Context, tok string, ids []int64, at time.Time) ([]int64, error) {
	if err := k.gate(); err != nil {
		return nil, err
	}
	return k.Outbox.MarkSending(ctx, tok, ids, at)
}

func (k *killable) MarkSent(ctx context.Context, tok string, ids []int64, at time.Time, p string) error {
	if err := k.gate(); err != nil {
		return err
	}
	return k.Outbox.MarkSent(ctx, tok, ids, at, p)
}

func (k *killable) MarkRetry(ctx context.Context, tok string, ids []int64, at time.Time, r string) error {
	if err := k.gate(); err != nil {
		return err
	}
	return k.Outbox.MarkRetry(ctx, tok, ids, at, r)
}

func (k *killable) MarkFailed(ctx context.Context, tok string, ids []int64, at time.Time, r string) error {
	if err := k.gate(); err != nil {
		return err
	}
	return k.Outbox.MarkFailed(ctx, tok, ids, at, r)
}

func (k *killable) ExpireInDoubt(ctx context.Context, before time.Time, resend bool, r string) (int, error) {
	if err := k.gate(); err != nil {
		return 0, err
	}
	return k.Outbox.ExpireInDoubt(ctx, before, resend, r)
}

// restart runs a fresh dispatcher after a crash, once the lease and the
// in-doubt grace period have passed; webhook says whether SendGrid's
// processed events reach the event webhook meanwhile.
func (e *env) restart(policy notify.InDoubtPolicy, webhook bool) {
	e.t.Helper()
	if webhook {
		evs, err := notify.ParseEvents(e.srv.ProcessedEvents())
		if err != nil {
			e.t.Fatal(err)
		}
		for _, ev := range evs {
			if _, err := e.out.Reconcile(context.Background(), ev.Batch, ev.MessageID, e.clock.Now()); err != nil {
				e.t.Fatal(err)
			}
		}
	}
	e.clock.Advance(time.Minute + notify.DefaultInDoubtAfter)
	d := e.dispatcher(e.out)
	d.InDoubt = policy
	e.drain(d)
}

// TestDispatchKilledAtAnyInstant kills the dispatcher before each of its
// outbox calls in turn, and also just after SendGrid accepted a batch,
// restarts it, and checks that every recipient got the message exactly
// once or has its failure recorded.
func TestDispatchKilledAtAnyInstant(t *testing.T) {
	for killAt := int32(1); killAt <= 14; killAt++ {
		t.Run(fmt.Sprintf("before_call_%d", killAt), func(t *testing.T) {
			e := newEnv(t)
			e.enqueue("m1", 230)
			e.enqueue("m2", 70)
			k := &killable{Outbox: e.out, killAt: killAt}
			d := e.dispatcher(k)
			if _, err := d.RunOnce(context.Background()); !errors.Is(err, errKilled) {
				t.Fatalf("RunOnce = %v, want killed", err)
			}
			e.restart(notify.InDoubtFail, false)
			e.check()
		})
	}
	for _, webhook := range []bool{false, true} {
		t.Run(fmt.Sprintf("after_accept/webhook=%v", webhook), func(t *testing.T) {
			e := newEnv(t)
			e.enqueue("m1", 230)
			k := &killable{Outbox: e.out}
			var once sync.Once
			e.srv.AfterAccept = func(sendgridtest.Request) { once.Do(func() { k.dead.Store(true) }) }
			if _, err := e.dispatcher(k).RunOnce(context.Background()); !errors.Is(err, errKilled) {
				t.Fatalf("RunOnce = %v, want killed", err)
			}
			e.srv.AfterAccept = nil
			e.restart(notify.InDoubtFail, webhook)
			sent, failed := e.check()
			if webhook && failed != 0 {
				t.Errorf("%d failed although the webhook proved every accepted batch", failed)
			}
			if !webhook {
				// Exactly the batches SendGrid had when the process died are
				// in doubt: recorded as failed, delivered once, not resent.
				rows, _ := e.out.Rows(context.Background(), "m1")
				for _, r := range rows {
					if r.State == notify.StateFailed && e.srv.Count("m1", r.Recipient) != 1 {
						t.Errorf("%s in doubt but SendGrid never had it", r.Recipient)
					}
				}
				if failed == 0 {
					t.Error("no row in doubt")
				}
			}
			t.Logf("sent %d, recorded as failed (in doubt) %d", sent, failed)
		})
	}
	t.Run("after_accept/resend", func(t *testing.T) {
		// The other side of the trade-off: at least once. Nobody is lost,
		// and the batch SendGrid had accepted goes out twice.
		e := newEnv(t)
		e.enqueue("m1", 100)
		k := &killable{Outbox: e.out}
		e.srv.AfterAccept = func(sendgridtest.Request) { k.dead.Store(true) }
		d := e.dispatcher(k)
		d.Concurrency = 1
		d.RunOnce(context.Background())
		e.srv.AfterAccept = nil
		e.restart(notify.InDoubtResend, false)
		if dups := len(e.srv.Duplicates()); dups != 100 {
			t.Fatalf("%d duplicates, want the 100 of the in-doubt batch", dups)
		}
	})
}

// TestDispatchAcceptedThenHung is the crash window seen from the network:
// SendGrid accepted and the answer never came; the dispatcher is killed
// while waiting.
func TestDispatchAcceptedThenHung(t *testing.T) {
	e := newEnv(t)
	e.enqueue("m1", 100)
	e.srv.AcceptThenHangNext(1)
	k := &killable{Outbox: e.out}
	d := e.dispatcher(k)
	d.Concurrency = 1
	d.SendTimeout = time.Hour // the process is killed long before
	done := make(chan error, 1)
	go func() { _, err := d.RunOnce(context.Background()); done <- err }()
	for e.srv.Accepted() == 0 {
		time.Sleep(time.Millisecond)
	}
	k.dead.Store(true)
	e.srv.CloseClientConnections()
	<-done
	e.restart(notify.InDoubtFail, true)
	if s, f := e.check(); s != 100 || f != 0 {
		t.Fatalf("sent %d failed %d", s, f)
	}
}

func TestDispatchersRacing(t *testing.T) {
	e := newEnv(t)
	e.enqueue("m1", 3000)
	e.enqueue("m2", 1000)
	e.srv.FailNext(3, 500)
	e.srv.StallNext(2, 50*time.Millisecond)
	var wg sync.WaitGroup
	for range 2 {
		d := e.dispatcher(e.out)
		d.Concurrency = 4
		d.BatchSize = 50
		wg.Go(func() {
			for range 50 {
				if _, err := d.RunOnce(context.Background()); err != nil {
					t.Error(err)
					return
				}
				if c := e.out.Counts(); c[notify.StateSent] == 4000 {
					return
				}
				e.clock.Advance(5 * time.Second)
			}
		})
	}
	wg.Wait()
	if s, f := e.check(); s != 4000 || f != 0 {
		t.Fatalf("sent %d failed %d", s, f)
	}
}

// stalling holds one dispatcher between its claim and MarkSending until
// its lease has run out and another dispatcher has taken the rows.
type stalling struct {
	notify.Outbox
	claimed chan struct{}
	resume  chan struct{}
}

func (s *stalling) MarkSending(ctx context.Context, tok string, ids []int64, at time.Time) ([]int64, error) {
	close(s.claimed)
	<-s.resume
	return s.Outbox.MarkSending(ctx, tok, ids, at)
}

func TestDispatchStalledPastLeaseSendsNothing(t *testing.T) {
	e := newEnv(t)
	e.enqueue("m1", 80)
	slow := &stalling{Outbox: e.out, claimed: make(chan struct{}), resume: make(chan struct{})}
	a := e.dispatcher(slow)
	a.Concurrency = 1
	done := make(chan notify.Stats, 1)
	go func() { st, _ := a.RunOnce(context.Background()); done <- st }()
	<-slow.claimed
	e.clock.Advance(2 * time.Minute)
	b := e.dispatcher(e.out)
	if st, err := b.RunOnce(context.Background()); err != nil || st.Sent != 80 {
		t.Fatalf("takeover %+v %v", st, err)
	}
	close(slow.resume)
	if st := <-done; st.Sent != 0 {
		t.Fatalf("the stalled dispatcher sent %d", st.Sent)
	}
	e.check()
}

// loop runs d as serve does: a schedule loop, woken by Kick.
func loop(t *testing.T, d *notify.Dispatcher) *schedule.Scheduler {
	t.Helper()
	s, err := schedule.New(slog.New(slog.DiscardHandler), nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Loop("outbox", time.Hour, d.Wake(), 0, d.Round); err != nil {
		t.Fatal(err)
	}
	s.Start()
	return s
}

func TestLoopStopsGracefully(t *testing.T) {
	e := newEnv(t)
	e.enqueue("m1", 100)
	e.srv.StallNext(1, 300*time.Millisecond)
	d := e.dispatcher(e.out)
	d.Concurrency = 1
	s := loop(t, d)
	for e.srv.Requests() == 0 {
		time.Sleep(time.Millisecond)
	}
	if err := s.Stop(); err != nil {
		t.Fatal(err)
	}
	c := e.out.Counts()
	if c[notify.StateSending] != 0 || c[notify.StateClaimed] != 0 || c[notify.StateSent] != 100 {
		t.Fatalf("after a graceful stop: %v (the request in flight must finish and be recorded)", c)
	}
}

func TestLoopKick(t *testing.T) {
	e := newEnv(t)
	d := e.dispatcher(e.out)
	s := loop(t, d)
	defer s.Stop()
	e.enqueue("m1", 10)
	deadline := time.Now().Add(5 * time.Second)
	for e.out.Counts()[notify.StateSent] != 10 {
		d.Kick()
		if time.Now().After(deadline) {
			t.Fatal("Kick did not start a round")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

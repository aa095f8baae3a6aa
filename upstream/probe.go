package upstream

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// ProbeConfig is what one synthetic HTTP check sends and expects.
type ProbeConfig struct {
	Name    string
	URL     string
	Method  string // default GET
	Headers map[string]string
	Body    string
	// ExpectStatus is the status a healthy answer has (default 200).
	ExpectStatus int
	// ExpectBody, when set, must occur in the first MaxBytes of the body.
	ExpectBody string
	// Timeout bounds the whole check (default 10 s).
	Timeout time.Duration
	// MaxBytes caps how much of the body is read (default 1 MiB).
	MaxBytes int64
}

// ProbeResult is the outcome of one check.
type ProbeResult struct {
	OK      bool          `json:"ok"`
	Status  int           `json:"status,omitempty"`
	Latency time.Duration `json:"latency"`
	// Err says why the check failed; it never holds the URL's
	// credentials, query or header values.
	Err string `json:"err,omitempty"`
}

// RunProbe performs one check with client (http.DefaultClient when nil).
// It never returns an error: a failure is a result with OK false.
func RunProbe(ctx context.Context, client *http.Client, pc ProbeConfig) ProbeResult {
	return runProbe(ctx, client, pc, time.Now)
}

func runProbe(ctx context.Context, client *http.Client, pc ProbeConfig, now func() time.Time) ProbeResult {
	if client == nil {
		client = http.DefaultClient
	}
	timeout := pc.Timeout
	if timeout <= 0 {
		timeout = DefaultProbeTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	method := strings.ToUpper(cmpOr(pc.Method, http.MethodGet))
	var body io.Reader
	if pc.Body != "" {
		body = strings.NewReader(pc.Body)
	}
	req, err := http.NewRequestWithContext(ctx, method, pc.URL, body)
	if err != nil {
		return ProbeResult{Err: fmt.Sprintf("invalid request for %s", RedactURL(pc.URL))}
	}
	req.Header.Set("User-Agent", "stormdesk-probe")
	for k, v := range pc.Headers {
		req.Header.Set(k, v)
	}
	start := now()
	resp, err := client.Do(req)
	if err != nil {
		return ProbeResult{Latency: now().Sub(start), Err: "unreachable: " + transportCause(ctx, err).Error()}
	}
	defer resp.Body.Close()
	limit := pc.MaxBytes
	if limit <= 0 {
		limit = 1 << 20
	}
	data, rerr := io.ReadAll(io.LimitReader(resp.Body, limit))
	r := ProbeResult{Status: resp.StatusCode, Latency: now().Sub(start)}
	want := pc.ExpectStatus
	if want == 0 {
		want = http.StatusOK
	}
	switch {
	case resp.StatusCode != want:
		r.Err = "status " + strconv.Itoa(resp.StatusCode) + ", want " + strconv.Itoa(want)
	case rerr != nil:
		r.Err = "reading body: " + transportCause(ctx, rerr).Error()
	case pc.ExpectBody != "" && !bytes.Contains(data, []byte(pc.ExpectBody)):
		r.Err = fmt.Sprintf("body does not contain %q", pc.ExpectBody)
	default:
		r.OK = true
	}
	return r
}

// ProbeTracker turns a probe's results into signals: probe_failing once
// after Threshold consecutive failures, then probe_recovered once at the
// first success after that. It is pure: the caller passes each result's
// time. The exported fields are its whole state, so a scheduler can keep
// it across restarts.
type ProbeTracker struct {
	Name      string
	Threshold int
	// Consecutive counts failures in a row.
	Consecutive int
	// Failing is true between probe_failing and probe_recovered.
	Failing bool
	// FailingSince is the time of the first failure of the current run.
	FailingSince time.Time
}

// NewProbeTracker returns a tracker; a threshold below 1 is taken as 1.
func NewProbeTracker(name string, threshold int) *ProbeTracker {
	return &ProbeTracker{Name: name, Threshold: max(threshold, 1)}
}

// Observe records one result taken at at and returns the signal it
// causes, if any.
func (t *ProbeTracker) Observe(r ProbeResult, at time.Time) (Event, bool) {
	at = at.UTC()
	if r.OK {
		t.Consecutive = 0
		if !t.Failing {
			return Event{}, false
		}
		since := t.FailingSince
		t.Failing, t.FailingSince = false, time.Time{}
		// A probe has no provider status: the HTTP status is said in the
		// text, once, rather than as a Status that the timeline would add
		// in parentheses after it.
		return Event{
			Kind: EventProbeRecovered, Provider: t.Name, At: at,
			Text:     fmt.Sprintf("probe %s recovered: status %d in %d ms", t.Name, r.Status, r.Latency.Milliseconds()),
			DedupKey: "probe/" + t.Name + "/recovered/" + stamp(since) + "/" + stamp(at),
		}, true
	}
	if t.Consecutive == 0 {
		t.FailingSince = at
	}
	t.Consecutive++
	if t.Failing || t.Consecutive < max(t.Threshold, 1) {
		return Event{}, false
	}
	t.Failing = true
	return Event{
		Kind: EventProbeFailing, Provider: t.Name, At: at,
		Text:     fmt.Sprintf("probe %s failing: %d consecutive failures, last: %s", t.Name, t.Consecutive, r.Err),
		DedupKey: "probe/" + t.Name + "/failing/" + stamp(t.FailingSince),
	}, true
}

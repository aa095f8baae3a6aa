package upstream

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestRunProbe(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/login", func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		if r.Method != http.MethodPost || r.Header.Get("X-Probe") != "yes" || string(b) != `{"probe":true}` {
			http.Error(w, "bad probe request", 400)
			return
		}
		w.Write([]byte(`{"status":"ok"}`))
	})
	mux.HandleFunc("/down", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", 503) })
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	login := ProbeConfig{Name: "login", URL: srv.URL + "/login", Method: "post", Headers: map[string]string{"X-Probe": "yes"}, Body: `{"probe":true}`, ExpectBody: `"ok"`}
	for _, tc := range []struct {
		name   string
		pc     ProbeConfig
		ok     bool
		status int
		err    string
	}{
		{"ok", login, true, 200, ""},
		{"body mismatch", func() ProbeConfig { p := login; p.ExpectBody = "welcome"; return p }(), false, 200, `body does not contain "welcome"`},
		{"status", ProbeConfig{URL: srv.URL + "/down"}, false, 503, "status 503, want 200"},
		{"expected 503", ProbeConfig{URL: srv.URL + "/down", ExpectStatus: 503}, true, 503, ""},
		{"timeout", ProbeConfig{URL: srv.URL + "/slow", Timeout: 100 * time.Millisecond}, false, 0, "unreachable: timeout"},
		{"bad url", ProbeConfig{URL: "http://user:pw@[::1:x/?token=s3cr3t"}, false, 0, "invalid request for (invalid URL)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := RunProbe(context.Background(), srv.Client(), tc.pc)
			if r.OK != tc.ok || r.Status != tc.status || !strings.HasPrefix(r.Err, tc.err) || (tc.err == "") != (r.Err == "") {
				t.Fatalf("%+v", r)
			}
			if strings.Contains(r.Err, "s3cr3t") || strings.Contains(r.Err, "pw@") {
				t.Errorf("leak: %s", r.Err)
			}
		})
	}
	now := time.Unix(0, 0)
	r := runProbe(context.Background(), srv.Client(), login, func() time.Time { now = now.Add(40 * time.Millisecond); return now })
	if r.Latency != 40*time.Millisecond {
		t.Errorf("latency %s", r.Latency)
	}
}

func TestProbeTracker(t *testing.T) {
	ok := ProbeResult{OK: true, Status: 200, Latency: 30 * time.Millisecond}
	bad := ProbeResult{Status: 503, Err: "status 503, want 200"}
	t0 := time.Date(2024, 3, 5, 9, 0, 0, 0, time.UTC)
	seq := []struct {
		r    ProbeResult
		want EventKind
	}{
		{ok, ""}, {bad, ""}, {ok, ""}, // one failure is noise
		{bad, ""}, {bad, ""}, {bad, EventProbeFailing}, // the third in a row
		{bad, ""}, {bad, ""}, // once only
		{ok, EventProbeRecovered}, {ok, ""}, // once only
		{bad, ""}, {bad, ""}, {bad, EventProbeFailing}, // a new run
		{ok, EventProbeRecovered},
	}
	tr := NewProbeTracker("login", 3)
	keys := map[string]bool{}
	for i, s := range seq {
		at := t0.Add(time.Duration(i) * time.Minute)
		e, fired := tr.Observe(s.r, at)
		if fired != (s.want != "") || e.Kind != s.want {
			t.Fatalf("step %d: got %v %q, want %q", i, fired, e.Kind, s.want)
		}
		if fired {
			if !e.At.Equal(at) || e.Provider != "login" || keys[e.DedupKey] {
				t.Errorf("step %d: %+v", i, e)
			}
			keys[e.DedupKey] = true
			// The HTTP status is said once, in the text: a Status would be
			// printed again after it on the timeline ("(1 ms) (200)").
			want := "probe login failing: 3 consecutive failures, last: status 503, want 200"
			if e.Kind == EventProbeRecovered {
				want = "probe login recovered: status 200 in 30 ms"
			}
			if e.Text != want || e.Status != "" {
				t.Errorf("step %d: text %q, status %q; want %q and no status", i, e.Text, e.Status, want)
			}
		}
	}
	if e, _ := NewProbeTracker("x", 0).Observe(bad, t0); e.Kind != EventProbeFailing {
		t.Error("threshold below 1 is taken as 1")
	}
	// The failing signal's key is the start of the run, so re-observing
	// the same run after a restart gives the same key.
	a, b := NewProbeTracker("p", 2), NewProbeTracker("p", 2)
	a.Observe(bad, t0)
	ea, _ := a.Observe(bad, t0.Add(time.Minute))
	b.Observe(bad, t0)
	eb, _ := b.Observe(bad, t0.Add(time.Minute))
	if ea.DedupKey != eb.DedupKey || !strings.Contains(ea.DedupKey, "failing") {
		t.Errorf("%s vs %s", ea.DedupKey, eb.DedupKey)
	}
}

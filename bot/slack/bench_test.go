package slack

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"stormdesk"
	"stormdesk/bot"
	"stormdesk/desk"
	"stormdesk/store/postgres"
	"stormdesk/store/postgres/pgtest"
	"stormdesk/store/sqlite"
)

// BenchmarkSlashCommandAck measures how long Slack waits for the answer
// to a signed /incident note command (signature check, the replay guard
// in the store as `serve` runs it, parse, authorisation, the note's
// store transaction, Block Kit reply) over loopback
// HTTP with 50 commands in flight, and reports p50/p99 in milliseconds.
// The postgres case uses STORMDESK_TEST_POSTGRES_URL.
func BenchmarkSlashCommandAck(b *testing.B) {
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	ctx := context.Background()
	b.Run("sqlite", func(b *testing.B) {
		st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"), time.Now())
		if err != nil {
			b.Fatal(err)
		}
		defer st.Close()
		tickets, notes := sqlite.GroupCommitWriters()
		svc, err := desk.New(ctx, st, desk.Options{Log: quiet, GroupCommit: &desk.GroupCommit{Writers: tickets, NoteWriters: notes, Max: desk.GroupCommitMax}})
		if err != nil {
			b.Fatal(err)
		}
		defer svc.Close()
		if _, err := svc.Declare(ctx, "Login fails", stormdesk.SeverityMajor, "bench"); err != nil {
			b.Fatal(err)
		}
		benchAck(b, svc, st)
	})
	for _, gc := range []bool{true, false} {
		name := "postgres"
		if !gc {
			name = "postgres-no-group-commit"
		}
		b.Run(name, func(b *testing.B) {
			st, err := postgres.Open(ctx, pgtest.URL(b), time.Now())
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			opt := desk.Options{Log: quiet}
			if gc {
				// As `stormdesk serve` runs it.
				tickets, notes := postgres.GroupCommitWriters()
				opt.GroupCommit = &desk.GroupCommit{Writers: tickets, NoteWriters: notes, Max: desk.GroupCommitMax}
			}
			svc, err := desk.New(ctx, st, opt)
			if err != nil {
				b.Fatal(err)
			}
			defer svc.Close()
			if _, err := svc.Declare(ctx, "Login fails", stormdesk.SeverityMajor, "bench"); err != nil {
				b.Fatal(err)
			}
			benchAck(b, svc, st)
		})
	}
}

func benchAck(b *testing.B, d stormdesk.IncidentService, replays bot.ReplayGuard) {
	const concurrency = 50
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	core := bot.NewCore(d, bot.Policy{SlackUsers: []string{"UANA"}}, quiet)
	a, err := New(Config{SigningSecret: secret, BotToken: "xoxb-bench", APIURL: "http://127.0.0.1:1/", Replays: replays}, core, quiet)
	if err != nil {
		b.Fatal(err)
	}
	mux := http.NewServeMux()
	mount(mux, a)
	srv := httptest.NewServer(mux)
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: concurrency}}

	var (
		mu   sync.Mutex
		lats = make([]time.Duration, 0, b.N)
		next atomic.Int64
		fail atomic.Int64
	)
	b.ResetTimer()
	var wg sync.WaitGroup
	for w := 0; w < concurrency; w++ {
		wg.Go(func() {
			for {
				i := next.Add(1)
				if i > int64(b.N) {
					return
				}
				body := url.Values{"user_id": {"UANA"}, "user_name": {"ana"}, "channel_id": {"COPS"}, "command": {"/incident"},
					"text": {"note 1 benchmark note " + strconv.FormatInt(i, 10)}, "response_url": {srv.URL + "/nowhere"}, "trigger_id": {strconv.FormatInt(i, 10)}}.Encode()
				ts := time.Now().Unix()
				req, _ := http.NewRequest(http.MethodPost, srv.URL+"/slack/commands", strings.NewReader(body))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				req.Header.Set("X-Slack-Request-Timestamp", strconv.FormatInt(ts, 10))
				req.Header.Set("X-Slack-Signature", sign(body, ts, secret))
				start := time.Now()
				resp, err := client.Do(req)
				if err != nil {
					fail.Add(1)
					continue
				}
				reply, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				lat := time.Since(start)
				if resp.StatusCode != http.StatusOK || !strings.Contains(string(reply), "Note added") {
					fail.Add(1)
				}
				mu.Lock()
				lats = append(lats, lat)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	b.StopTimer()
	if n := fail.Load(); n > 0 {
		b.Fatalf("%d of %d commands failed", n, b.N)
	}
	slices.Sort(lats)
	q := func(p float64) float64 {
		return float64(lats[min(len(lats)-1, int(p*float64(len(lats))))].Microseconds()) / 1000
	}
	b.ReportMetric(q(0.50), "p50-ms")
	b.ReportMetric(q(0.99), "p99-ms")
	_ = a.Shutdown(context.Background())
}

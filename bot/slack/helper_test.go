package slack

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack/slacktest"

	"stormdesk/bot"
	"stormdesk/desk/desktest"
	goldenfile "stormdesk/internal/golden"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

const secret = "8f742231b10e8888abcd99yyyzzz85a5"

// call is one request the fake Slack received.
type call struct {
	Path string
	Form url.Values
	JSON map[string]any
}

// recorder keeps every call to the fake Slack.
type recorder struct {
	mu    sync.Mutex
	calls []call
	ts    int
	// messages answers conversations.replies.
	messages map[string]map[string]any
	// groups answers usergroups.users.list.
	groups map[string][]string
}

func (rec *recorder) record(r *http.Request) call {
	body, _ := io.ReadAll(r.Body)
	c := call{Path: r.URL.Path}
	if strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		_ = json.Unmarshal(body, &c.JSON)
	} else if !strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/") {
		c.Form, _ = url.ParseQuery(string(body))
	}
	rec.mu.Lock()
	rec.calls = append(rec.calls, c)
	rec.mu.Unlock()
	return c
}

func (rec *recorder) to(path string) []call {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	var out []call
	for _, c := range rec.calls {
		if c.Path == path {
			out = append(out, c)
		}
	}
	return out
}

func (rec *recorder) count() int {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return len(rec.calls)
}

func ok(w http.ResponseWriter, v map[string]any) {
	v["ok"] = true
	_ = json.NewEncoder(w).Encode(v)
}

// harness is an adapter wired to a fake desk and slacktest.
type harness struct {
	a    *Adapter
	desk *desktest.Desk
	// deliver runs one round of the chat outbox (alert updates).
	deliver func(testing.TB)
	rec     *recorder
	srv     *slacktest.Server
	mux     *http.ServeMux
}

func newHarness(t testing.TB, mut ...func(*Config)) *harness {
	t.Helper()
	rec := &recorder{messages: map[string]map[string]any{}, groups: map[string][]string{}}
	srv := slacktest.NewTestServer(func(c slacktest.Customize) {
		post := func(w http.ResponseWriter, r *http.Request) {
			c := rec.record(r)
			rec.mu.Lock()
			rec.ts++
			ts := fmt.Sprintf("1773500000.%06d", rec.ts)
			rec.mu.Unlock()
			ok(w, map[string]any{"channel": c.Form.Get("channel"), "ts": ts})
		}
		c.Handle("/chat.postMessage", post)
		c.Handle("/chat.update", func(w http.ResponseWriter, r *http.Request) {
			c := rec.record(r)
			ok(w, map[string]any{"channel": c.Form.Get("channel"), "ts": c.Form.Get("ts")})
		})
		c.Handle("/chat.postEphemeral", func(w http.ResponseWriter, r *http.Request) {
			rec.record(r)
			ok(w, map[string]any{"message_ts": "1773500000.999999"})
		})
		c.Handle("/conversations.replies", func(w http.ResponseWriter, r *http.Request) {
			c := rec.record(r)
			rec.mu.Lock()
			m, found := rec.messages[c.Form.Get("channel")+"/"+c.Form.Get("ts")]
			rec.mu.Unlock()
			if !found {
				_ = json.NewEncoder(w).Encode(map[string]any{"ok": false, "error": "thread_not_found"})
				return
			}
			ok(w, map[string]any{"messages": []any{m}, "has_more": false})
		})
		c.Handle("/usergroups.users.list", func(w http.ResponseWriter, r *http.Request) {
			c := rec.record(r)
			rec.mu.Lock()
			users := rec.groups[c.Form.Get("usergroup")]
			rec.mu.Unlock()
			ok(w, map[string]any{"users": users})
		})
		c.Handle("/users.info", func(w http.ResponseWriter, r *http.Request) {
			c := rec.record(r)
			id := c.Form.Get("user")
			ok(w, map[string]any{"user": map[string]any{"id": id, "name": strings.ToLower(id), "profile": map[string]any{"display_name": "Name of " + id}}})
		})
		c.Handle("/files.getUploadURLExternal", func(w http.ResponseWriter, r *http.Request) {
			rec.record(r)
			ok(w, map[string]any{"upload_url": "http://" + r.Host + "/upload", "file_id": "F123"})
		})
		c.Handle("/upload", func(w http.ResponseWriter, r *http.Request) {
			rec.record(r)
			w.WriteHeader(http.StatusOK)
		})
		c.Handle("/files.completeUploadExternal", func(w http.ResponseWriter, r *http.Request) {
			rec.record(r)
			ok(w, map[string]any{"files": []any{map[string]any{"id": "F123", "title": "export"}}})
		})
		c.Handle("/response/", func(w http.ResponseWriter, r *http.Request) {
			rec.record(r)
			w.WriteHeader(http.StatusOK)
		})
	})
	srv.Start()
	t.Cleanup(srv.Stop)

	d := desktest.New(t, bot.PlatformSlack)
	core := bot.NewCore(d, bot.Policy{SlackUsers: []string{"UANA", "UBOB"}, SlackUserGroups: []string{"SOPS"}},
		slog.New(slog.NewTextHandler(io.Discard, nil)))
	core.Now = func() time.Time { return d.Now }
	cfg := Config{SigningSecret: secret, BotToken: "xoxb-test-token", OpsChannel: "COPS", APIURL: srv.GetAPIURL(), AckBudget: 2 * time.Second}
	for _, m := range mut {
		m(&cfg)
	}
	a, err := New(cfg, core, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mount(mux, a)
	return &harness{a: a, desk: d, deliver: d.Chat(bot.PlatformSlack, a), rec: rec, srv: srv, mux: mux}
}

// wait lets background work finish, then delivers the chat posts the
// desk queued (as the outbox dispatcher would).
func (h *harness) wait(t testing.TB) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := h.a.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	h.deliver(t)
}

func sign(body string, ts int64, key string) string {
	mac := hmac.New(sha256.New, []byte(key))
	fmt.Fprintf(mac, "v0:%d:%s", ts, body)
	return "v0=" + hex.EncodeToString(mac.Sum(nil))
}

// signed builds a request Slack would send, signed now.
func signed(path, body string) *http.Request {
	return signedAt(path, body, time.Now().Unix(), secret)
}

func signedAt(path, body string, ts int64, key string) *http.Request {
	r := httptest.NewRequest(http.MethodPost, path, strings.NewReader(body))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set("X-Slack-Request-Timestamp", strconv.FormatInt(ts, 10))
	r.Header.Set("X-Slack-Signature", sign(body, ts, key))
	return r
}

func (h *harness) do(r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	h.mux.ServeHTTP(w, r)
	return w
}

// commandBody is a slash-command form.
func (h *harness) commandBody(user, channel, text string) string {
	return url.Values{
		"token": {"ignored"}, "team_id": {"T1"}, "channel_id": {channel}, "user_id": {user}, "user_name": {strings.ToLower(user[1:])},
		"command": {"/incident"}, "text": {text}, "response_url": {h.srv.GetAPIURL() + "response/T1/B1/xyz"}, "trigger_id": {"1.2.3"},
	}.Encode()
}

// interactionBody is a block_actions payload for a button press.
func (h *harness) interactionBody(user, action, value string, selected bool) string {
	a := map[string]any{"action_id": action, "block_id": "stormdesk_actions", "type": "button", "value": value, "action_ts": "1773500001.000000"}
	if selected {
		a = map[string]any{"action_id": action, "block_id": "stormdesk_actions", "type": "static_select", "selected_option": map[string]any{"value": value, "text": map[string]any{"type": "plain_text", "text": "x"}}}
	}
	p, _ := json.Marshal(map[string]any{
		"type": "block_actions", "user": map[string]any{"id": user, "username": strings.ToLower(user[1:]), "name": strings.ToLower(user[1:])},
		"channel": map[string]any{"id": "COPS"}, "response_url": h.srv.GetAPIURL() + "response/T1/B2/abc",
		"container": map[string]any{"type": "message", "message_ts": "1773500000.000001", "channel_id": "COPS"},
		"actions":   []any{a},
	})
	return url.Values{"payload": {string(p)}}.Encode()
}

// golden compares got with testdata/name.golden (-update rewrites it).
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	goldenfile.Check(t, name, got, *update)
}

// mount routes the adapter's endpoints as httpserver does.
func mount(mux *http.ServeMux, a *Adapter) {
	mux.Handle("POST /slack/commands", a.CommandsHandler())
	mux.Handle("POST /slack/interactions", a.InteractionsHandler())
	mux.Handle("POST /slack/events", a.EventsHandler())
}

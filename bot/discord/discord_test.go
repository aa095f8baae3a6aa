package discord

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"stormdesk"
	"stormdesk/bot"
	"stormdesk/desk/desktest"
	goldenfile "stormdesk/internal/golden"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// restCall is one request the fake Discord REST API received.
type restCall struct {
	Method, Path string
	JSON         any
	Files        []string
}

// fakeDiscord speaks the part of Discord's REST API the adapter uses.
type fakeDiscord struct {
	mu    sync.Mutex
	calls []restCall
	next  int
}

func (f *fakeDiscord) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c := restCall{Method: r.Method, Path: r.URL.Path}
	body, _ := io.ReadAll(r.Body)
	mt, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt == "multipart/form-data" {
		mr := multipart.NewReader(bytes.NewReader(body), params["boundary"])
		for {
			p, err := mr.NextPart()
			if err != nil {
				break
			}
			data, _ := io.ReadAll(p)
			if p.FormName() == "payload_json" {
				_ = json.Unmarshal(data, &c.JSON)
			} else {
				c.Files = append(c.Files, p.FileName()+": "+string(data))
			}
		}
	} else if len(body) > 0 {
		_ = json.Unmarshal(body, &c.JSON)
	}
	f.mu.Lock()
	f.calls = append(f.calls, c)
	f.next++
	id := fmt.Sprintf("90000000000000%04d", f.next)
	f.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	switch {
	case r.Method == http.MethodDelete:
		w.WriteHeader(http.StatusNoContent)
	case r.Method == http.MethodPut:
		_, _ = w.Write(body)
	default:
		ch := strings.Split(strings.TrimPrefix(r.URL.Path, "/api/v9/channels/"), "/")[0]
		_ = json.NewEncoder(w).Encode(map[string]any{"id": id, "channel_id": ch, "content": ""})
	}
}

func (f *fakeDiscord) to(method, prefix string) []restCall {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []restCall
	for _, c := range f.calls {
		if c.Method == method && strings.HasPrefix(c.Path, prefix) {
			out = append(out, c)
		}
	}
	return out
}

func (f *fakeDiscord) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.calls)
}

// redirect sends discord.com's requests to a local server, leaving
// discordgo's endpoint variables (process-wide) alone.
type redirect struct{ target *url.URL }

func (rt redirect) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.URL.Scheme, r.URL.Host = rt.target.Scheme, rt.target.Host
	return http.DefaultTransport.RoundTrip(r)
}

type harness struct {
	a    *Adapter
	desk *desktest.Desk
	// deliver runs one round of the chat outbox (alert updates).
	deliver func(testing.TB)
	api     *fakeDiscord
	priv    ed25519.PrivateKey
	mux     *http.ServeMux
}

func newHarness(t testing.TB, mut ...func(*Config)) *harness {
	t.Helper()
	api := &fakeDiscord{}
	srv := httptest.NewServer(api)
	t.Cleanup(srv.Close)
	u, _ := url.Parse(srv.URL)
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	d := desktest.New(t, bot.PlatformDiscord)
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	core := bot.NewCore(d, bot.Policy{DiscordUsers: []string{"1001"}, DiscordRoles: []string{"777"}}, quiet)
	core.Now = func() time.Time { return d.Now }
	cfg := Config{PublicKey: hex.EncodeToString(pub), BotToken: "bot-token", AppID: "5550001", AlertChannel: "4440001",
		HTTPClient: &http.Client{Transport: redirect{u}, Timeout: 5 * time.Second}}
	for _, m := range mut {
		m(&cfg)
	}
	a, err := New(cfg, core, quiet)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("POST /discord/interactions", a.InteractionsHandler()) // as httpserver routes it
	return &harness{a: a, desk: d, deliver: d.Chat(bot.PlatformDiscord, a), api: api, priv: priv, mux: mux}
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

func (h *harness) signedAt(body string, ts int64, key ed25519.PrivateKey) *http.Request {
	r := httptest.NewRequest(http.MethodPost, "/discord/interactions", strings.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	stamp := strconv.FormatInt(ts, 10)
	r.Header.Set("X-Signature-Timestamp", stamp)
	r.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(key, []byte(stamp+body))))
	return r
}

func (h *harness) do(body string) *httptest.ResponseRecorder {
	return h.doReq(h.signedAt(body, time.Now().Unix(), h.priv))
}

func (h *harness) doReq(r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	h.mux.ServeHTTP(w, r)
	return w
}

// member is a guild member in an interaction.
func member(userID string, roles ...string) map[string]any {
	return map[string]any{"user": map[string]any{"id": userID, "username": "user" + userID, "global_name": "User " + userID}, "roles": roles, "nick": ""}
}

func command(m map[string]any, sub string, opts map[string]any) string {
	var os []any
	for _, k := range sortedKeys(opts) {
		v := opts[k]
		typ := 3
		switch v.(type) {
		case int, float64:
			typ = 4
		case bool:
			typ = 5
		}
		os = append(os, map[string]any{"name": k, "type": typ, "value": v})
	}
	b, _ := json.Marshal(map[string]any{
		"id": "1234", "application_id": "5550001", "type": 2, "token": "interaction-token-secret", "version": 1,
		"guild_id": "3330001", "channel_id": "4440002", "member": m,
		"data": map[string]any{"id": "2220001", "name": "incident", "type": 1, "options": []any{map[string]any{"name": sub, "type": 1, "options": os}}},
	})
	return string(b)
}

func press(m map[string]any, customID string, values ...string) string {
	data := map[string]any{"custom_id": customID, "component_type": 2}
	if len(values) > 0 {
		data = map[string]any{"custom_id": customID, "component_type": 3, "values": values}
	}
	b, _ := json.Marshal(map[string]any{
		"id": "1235", "application_id": "5550001", "type": 3, "token": "interaction-token-2", "version": 1,
		"guild_id": "3330001", "channel_id": "4440001", "member": m, "message": map[string]any{"id": "90000000000000001", "channel_id": "4440001"},
		"data": data,
	})
	return string(b)
}

func sortedKeys(m map[string]any) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	for i := range ks {
		for j := i + 1; j < len(ks); j++ {
			if ks[j] < ks[i] {
				ks[i], ks[j] = ks[j], ks[i]
			}
		}
	}
	return ks
}

// golden compares got with testdata/name.golden (-update rewrites it).
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	goldenfile.Check(t, name, got, *update)
}

func decode(t *testing.T, b []byte) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%v: %s", err, b)
	}
	return m
}

func TestPingIsAnsweredWithPong(t *testing.T) {
	h := newHarness(t)
	w := h.do(`{"id":"1","application_id":"5550001","type":1,"token":"t","version":1}`)
	if w.Code != http.StatusOK || strings.TrimSpace(w.Body.String()) != `{"type":1}` {
		t.Errorf("%d %s", w.Code, w.Body)
	}
}

func TestUnverifiedInteractionsAreRejected(t *testing.T) {
	h := newHarness(t)
	before := h.desk.Snapshot(t)
	body := command(member("1001"), "declare", map[string]any{"title": "Forged"})
	now := time.Now().Unix()
	_, otherKey, _ := ed25519.GenerateKey(nil)
	original := h.signedAt(body, now, h.priv)
	replay := h.signedAt(body, now, h.priv)
	if w := h.doReq(original); w.Code != http.StatusOK {
		t.Fatalf("original: %d %s", w.Code, w.Body)
	}
	h.wait(t)
	afterOriginal, calls := h.desk.Snapshot(t), h.api.count()
	if afterOriginal == before {
		t.Fatal("the original request changed nothing")
	}
	for name, r := range map[string]*http.Request{
		"bad signature":    h.signedAt(body, now, otherKey),
		"stale timestamp":  h.signedAt(body, now-6*60, h.priv),
		"future timestamp": h.signedAt(body, now+6*60, h.priv),
		"replay":           replay,
		"no signature": func() *http.Request {
			r := h.signedAt(body, now, h.priv)
			r.Header.Del("X-Signature-Ed25519")
			return r
		}(),
		"body changed": func() *http.Request {
			r := h.signedAt(body+" ", now, h.priv)
			r.Header.Set("X-Signature-Ed25519", original.Header.Get("X-Signature-Ed25519"))
			return r
		}(),
	} {
		if w := h.doReq(r); w.Code != http.StatusUnauthorized {
			t.Errorf("%s: status %d, want 401", name, w.Code)
		}
	}
	if w := h.do(strings.Repeat(" ", MaxBodyBytes+1)); w.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("oversized: %d", w.Code)
	}
	h.wait(t)
	if h.desk.Snapshot(t) != afterOriginal || h.api.count() != calls {
		t.Error("a rejected request changed something or called Discord")
	}
}

func TestCommandsAnswerInline(t *testing.T) {
	h := newHarness(t)
	w := h.do(command(member("2002"), "show", map[string]any{"id": 1}))
	golden(t, "command_show", w.Body.Bytes())
	w = h.do(command(member("2002"), "ack", map[string]any{"id": 1}))
	golden(t, "command_refused", w.Body.Bytes())
	w = h.do(command(member("2002", "777"), "status", map[string]any{"id": 1, "status": "identified", "message": `SSO cert "expired" @everyone`}))
	m := decode(t, w.Body.Bytes())
	if m["type"] != 4.0 {
		t.Fatalf("%v", m)
	}
	data := m["data"].(map[string]any)
	if _, eph := data["flags"]; eph || !strings.Contains(w.Body.String(), `Customer update: SSO cert \"expired\" @`+"\u200b"+`everyone`) {
		t.Errorf("status reply: %s", w.Body)
	}
	if am := data["allowed_mentions"].(map[string]any); len(am["parse"].([]any)) != 0 {
		t.Errorf("mentions allowed: %v", am)
	}
	h.wait(t)
	var change *stormdesk.TimelineEntry
	for _, e := range h.desk.Entries(t, 1) {
		if e.Kind == stormdesk.KindStatusChange {
			change = e
		}
	}
	if change == nil || change.Actor != "User 2002 (discord:2002)" || !strings.HasSuffix(change.Text, `SSO cert "expired" @everyone`) {
		t.Errorf("timeline: %+v", change)
	}
	w = h.do(command(member("1001"), "export", map[string]any{"id": 0}))
	if !strings.Contains(w.Body.String(), "not an id") {
		t.Errorf("id 0: %s", w.Body)
	}
}

func TestSlowCommandIsDeferredThenEdited(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.AckBudget = 50 * time.Millisecond })
	h.desk.Delay(300 * time.Millisecond)
	w := h.do(command(member("1001"), "declare", map[string]any{"title": "Payments down", "severity": "critical"}))
	if strings.TrimSpace(w.Body.String()) != `{"type":5}` {
		t.Fatalf("deferred: %s", w.Body)
	}
	h.wait(t)
	edits := h.api.to(http.MethodPatch, "/api/v9/webhooks/5550001/interaction-token-secret/messages/@original")
	if len(edits) != 1 || !strings.Contains(fmt.Sprint(edits[0].JSON), "declared incident #3") {
		t.Fatalf("edits: %+v", edits)
	}
	// A private reply after a deferral is an ephemeral follow-up.
	h.do(command(member("2002"), "show", map[string]any{"id": 2}))
	h.wait(t)
	fu := h.api.to(http.MethodPost, "/api/v9/webhooks/5550001/interaction-token-secret")
	if len(fu) != 1 || fu[0].JSON.(map[string]any)["flags"] != 64.0 || len(h.api.to(http.MethodDelete, "/api/v9/webhooks/")) != 1 {
		t.Errorf("follow-up: %+v\nall: %+v", fu, h.api.calls)
	}
}

func TestExportIsAttached(t *testing.T) {
	h := newHarness(t)
	w := h.do(command(member("2002"), "export", map[string]any{"id": 1, "format": "json"}))
	if strings.TrimSpace(w.Body.String()) != `{"type":5}` {
		t.Fatalf("%s", w.Body)
	}
	h.wait(t)
	edits := h.api.to(http.MethodPatch, "/api/v9/webhooks/5550001/interaction-token-secret/messages/@original")
	if len(edits) != 1 || len(edits[0].Files) != 1 || !strings.HasPrefix(edits[0].Files[0], `incident-1.json: {"schema":"stormdesk.export/v1"`) ||
		!strings.Contains(edits[0].Files[0], `"title":"Login fails"`) {
		t.Errorf("export: %+v", edits)
	}
}

func TestAlertButtonsAndApproval(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	inc, _ := h.desk.Incident(ctx, 1)
	if err := h.a.Alert(ctx, inc, "12 reports about login in 10 minutes"); err != nil {
		t.Fatal(err)
	}
	posts := h.api.to(http.MethodPost, "/api/v9/channels/4440001/messages")
	if len(posts) != 1 {
		t.Fatalf("posts: %+v", posts)
	}
	b, _ := json.Marshal(posts[0].JSON)
	golden(t, "alert_message", b)

	// Outsider: refused privately, nothing changes.
	before := h.desk.Snapshot(t)
	w := h.do(press(member("2002"), bot.ActionAck+"|1"))
	if m := decode(t, w.Body.Bytes()); m["data"].(map[string]any)["flags"] != 64.0 || h.desk.Snapshot(t) != before {
		t.Errorf("outsider: %s", w.Body)
	}
	// Role holder acknowledges; the alert is edited in place.
	w = h.do(press(member("2002", "777"), bot.ActionAck+"|1"))
	if !strings.Contains(w.Body.String(), "acknowledged incident #1") {
		t.Errorf("ack: %s", w.Body)
	}
	h.wait(t)
	edits := h.api.to(http.MethodPatch, "/api/v9/channels/4440001/messages/900000000000000001")
	if len(edits) != 1 {
		t.Fatalf("alert edits: %+v", h.api.calls)
	}
	b, _ = json.Marshal(edits[0].JSON)
	golden(t, "alert_acknowledged", b)

	// Merge through the menu.
	h.do(press(member("1001"), bot.ActionMerge, "1:2"))
	h.wait(t)
	if inc, _ := h.desk.Incident(ctx, 1); inc.MergedInto != 2 {
		t.Errorf("merge: %+v", inc)
	}

	// A bulk send needs a second person. (The acknowledgement above
	// queued its automatic email already.)
	sent := len(h.desk.Sends(t))
	h.desk.SetAudience(t, 300)
	w = h.do(command(member("1001"), "notify", map[string]any{"id": 2}))
	s := w.Body.String()
	i := strings.Index(s, bot.ActionApprove+"|")
	if i < 0 {
		t.Fatalf("no approve button: %s", s)
	}
	pid := s[i+len(bot.ActionApprove)+1:]
	pid = pid[:strings.IndexByte(pid, '"')]
	golden(t, "notify_approval", []byte(strings.ReplaceAll(s, pid, "PENDING_ID")))
	h.do(press(member("1001"), bot.ActionApprove+"|"+pid))
	if len(h.desk.Sends(t)) != sent {
		t.Fatal("self-approved")
	}
	w = h.do(press(member("2002", "777"), bot.ActionApprove+"|"+pid))
	if m := decode(t, w.Body.Bytes()); m["type"] != 7.0 {
		t.Errorf("approval should replace the request: %s", w.Body)
	}
	if sends := h.desk.Sends(t); len(sends) != sent+1 || sends[sent].DecidedBy != "User 2002 (discord:2002)" {
		t.Errorf("sends: %+v", sends)
	}
	h.wait(t)
}

func TestRegisterCommands(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.GuildID = "3330001" })
	if err := h.a.RegisterCommands(context.Background()); err != nil {
		t.Fatal(err)
	}
	puts := h.api.to(http.MethodPut, "/api/v9/applications/5550001/guilds/3330001/commands")
	if len(puts) != 1 {
		t.Fatalf("%+v", h.api.calls)
	}
	b, _ := json.Marshal(puts[0].JSON)
	golden(t, "commands", b)
}

// TestEveryHelpCommandIsASubcommand keeps the two platforms' command
// sets the same.
func TestEveryHelpCommandIsASubcommand(t *testing.T) {
	subs := map[string]bool{}
	for _, o := range Commands()[0].Options {
		subs[o.Name] = true
	}
	help := bot.UsageReply(&bot.UsageError{}).Pre
	for _, line := range strings.Split(help, "\n") {
		if name, ok := strings.CutPrefix(line, "/incident "); ok {
			name, _, _ = strings.Cut(name, " ")
			if !subs[name] {
				t.Errorf("/incident %s has no Discord subcommand", name)
			}
		}
	}
}

func TestEmailPolicySubcommand(t *testing.T) {
	h := newHarness(t)
	w := h.do(command(member("1001"), "email", map[string]any{"id": 1, "policy": "update=approve, resolved=off"}))
	if !strings.Contains(w.Body.String(), "In force: acknowledged=auto update=approve resolved=off.") {
		t.Errorf("set policy: %s", w.Body)
	}
	w = h.do(command(member("1001"), "email", map[string]any{"id": 1, "policy": "update=never"}))
	if !strings.Contains(w.Body.String(), "not auto, approve or off") {
		t.Errorf("bad mode: %s", w.Body)
	}
	w = h.do(command(member("3003"), "email", map[string]any{"id": 1}))
	if !strings.Contains(w.Body.String(), "Policy: acknowledged=auto update=approve resolved=off.") {
		t.Errorf("show policy: %s", w.Body)
	}
}

// TestReplayWithRespelledSignatureIsRefused: discordgo decodes the
// signature's hex in either case, so a captured interaction sent again
// with it upper-cased verifies; it is the same signed timestamp and body
// and is refused, and its note is added once (issue 14, item 1).
func TestReplayWithRespelledSignatureIsRefused(t *testing.T) {
	h := newHarness(t)
	body := command(member("1001"), "note", map[string]any{"id": 1, "text": "added once"})
	ts := time.Now().Unix()
	original := h.signedAt(body, ts, h.priv)
	if w := h.doReq(original); w.Code != http.StatusOK {
		t.Fatalf("original: %d %s", w.Code, w.Body)
	}
	h.wait(t)
	after := h.desk.Snapshot(t)
	sig := original.Header.Get("X-Signature-Ed25519")
	for name, respelt := range map[string]string{
		"upper-case hex": strings.ToUpper(sig),
		"mixed-case hex": strings.ToUpper(sig[:10]) + sig[10:],
	} {
		r := h.signedAt(body, ts, h.priv)
		r.Header.Set("X-Signature-Ed25519", respelt)
		if w := h.doReq(r); w.Code != http.StatusUnauthorized {
			t.Errorf("replayed with %s signature: %d, want 401", name, w.Code)
		}
	}
	h.wait(t)
	if h.desk.Snapshot(t) != after {
		t.Error("a replay changed the desk")
	}
	if n := h.desk.Count(t, 1, "added once"); n != 1 {
		t.Errorf("the note is on the timeline %d times, want 1", n)
	}
}

// hostile is text that Discord would render as mass, role, user and
// channel mentions, a command mention and a link hiding its address.
const hostile = "@everyone checkout page [broken](https://evil.example) error @here <@&555> <@123> <@!124> <#456> </incident:1> @Everyone"

// TestHostileTextNeverPingsOrLinks: an incident titled with Discord's
// mention and link syntax, and a note carrying it, reach Discord in
// replies, alerts and follow-ups only neutralised (a zero-width space
// breaks each construct), and every message says allowed_mentions
// parse: [] (issue 14, item 2).
func TestHostileTextNeverPingsOrLinks(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	var sent []any
	run := func(sub string, opts map[string]any) []byte {
		t.Helper()
		w := h.do(command(member("1001"), sub, opts))
		if w.Code != http.StatusOK {
			t.Fatalf("%s: %d %s", sub, w.Code, w.Body)
		}
		m := decode(t, w.Body.Bytes())
		if data, ok := m["data"]; ok {
			sent = append(sent, data)
		}
		return w.Body.Bytes()
	}
	run("declare", map[string]any{"title": hostile})
	h.wait(t)
	inc, err := h.desk.Incident(ctx, 3)
	if err != nil || inc.Title != hostile {
		t.Fatalf("declared incident: %+v %v", inc, err)
	}
	golden(t, "hostile_note", run("note", map[string]any{"id": 3, "text": hostile}))
	golden(t, "hostile_show", run("show", map[string]any{"id": 3}))
	run("timeline", map[string]any{"id": 3})
	if err := h.a.Alert(ctx, inc, "reports about "+hostile); err != nil {
		t.Fatal(err)
	}
	h.wait(t)
	posts := h.api.to(http.MethodPost, "/api/v9/channels/4440001/messages")
	if len(posts) != 1 {
		t.Fatalf("posts: %+v", posts)
	}
	b, _ := json.Marshal(posts[0].JSON)
	golden(t, "hostile_alert", b)
	for _, c := range append(h.api.to(http.MethodPost, "/"), h.api.to(http.MethodPatch, "/")...) {
		sent = append(sent, c.JSON)
	}
	for _, m := range sent {
		var b strings.Builder
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false) // "<" as itself, not \u003c
		_ = enc.Encode(m)
		s := b.String()
		var found []string
		for _, raw := range []string{"@everyone", "@here", "@Everyone", "<@", "<#", "</", "](https"} {
			if strings.Contains(s, raw) {
				found = append(found, raw)
			}
		}
		if len(found) > 0 {
			t.Errorf("%s reach Discord unneutralised in: %.200s", strings.Join(found, " "), s)
		}
		am, _ := m.(map[string]any)["allowed_mentions"].(map[string]any)
		if parse, ok := am["parse"].([]any); !ok || len(parse) != 0 {
			t.Errorf("a message without allowed_mentions parse []: %.200s", s)
		}
	}
	if len(sent) < 5 {
		t.Errorf("checked %d messages, want at least 5", len(sent))
	}
}

// TestStatusPageSubcommands: publish (with and without a title) and
// component reach the core as the chat text does.
func TestStatusPageSubcommands(t *testing.T) {
	h := newHarness(t)
	h.do(command(member("1001"), "ack", map[string]any{"id": 1}))
	w := h.do(command(member("1001"), "publish", map[string]any{"id": 1, "title": "Sign-in trouble"}))
	if !strings.Contains(w.Body.String(), `on the status page as \"Sign-in trouble\"`) {
		t.Errorf("publish: %s", w.Body)
	}
	w = h.do(command(member("1001"), "component", map[string]any{"component": "Login", "state": "maintenance"}))
	if !strings.Contains(w.Body.String(), "set component login to under maintenance") {
		t.Errorf("component: %s", w.Body)
	}
	w = h.do(command(member("1001"), "component", map[string]any{"component": "Payroll", "state": "major"}))
	if !strings.Contains(w.Body.String(), "not one of login, checkout") {
		t.Errorf("unknown component: %s", w.Body)
	}
	w = h.do(command(member("1001"), "maintenance", map[string]any{"component": "Screen sharing", "start": "2026-03-14T18:00Z", "end": "2h", "text": "Codec update"}))
	if !strings.Contains(w.Body.String(), "not one of login, checkout") {
		t.Errorf("maintenance of a component with a space in its name reaches the core whole: %s", w.Body)
	}
	w = h.do(command(member("1001"), "maintenance", map[string]any{"component": "Checkout", "start": "2026-03-14T18:00Z", "end": "2h", "text": "Codec update"}))
	if !strings.Contains(w.Body.String(), "scheduled maintenance #1 of checkout from Mar 14 18:00 to Mar 14 20:00 UTC") {
		t.Errorf("maintenance: %s", w.Body)
	}
	w = h.do(command(member("1001"), "maintenance", map[string]any{"component": "Checkout"}))
	if !strings.Contains(w.Body.String(), "start and end: missing") {
		t.Errorf("maintenance without a window: %s", w.Body)
	}
	w = h.do(command(member("1001"), "maintenance", map[string]any{"cancel": 1}))
	if !strings.Contains(w.Body.String(), "cancelled maintenance #1") {
		t.Errorf("cancel: %s", w.Body)
	}
}

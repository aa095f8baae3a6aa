package slack

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"stormdesk"
	"stormdesk/bot"
)

func TestNewChecksConfig(t *testing.T) {
	core := bot.NewCore(nil, bot.Policy{}, nil)
	for _, cfg := range []Config{{BotToken: "x"}, {SigningSecret: "x"}} {
		if _, err := New(cfg, core, nil); err == nil {
			t.Errorf("New(%+v): want an error", cfg)
		}
	}
}

// TestUnverifiedRequestsAreRejected sends requests that a stranger could
// forge or replay against each endpoint: each is refused with 401 (413
// for an oversized body), nothing changes and nothing is sent to Slack.
func TestUnverifiedRequestsAreRejected(t *testing.T) {
	h := newHarness(t)
	before := h.desk.Snapshot(t)
	body := h.commandBody("UANA", "COPS", "declare Forged incident")
	now := time.Now().Unix()
	replayed := signed("/slack/commands", body)
	if w := h.do(replayed); w.Code != http.StatusOK {
		t.Fatalf("the original request: %d %s", w.Code, w.Body)
	}
	h.wait(t)
	afterOriginal := h.desk.Snapshot(t)
	callsAfterOriginal := h.rec.count()

	for _, path := range []string{"/slack/commands", "/slack/interactions", "/slack/events"} {
		cases := map[string]*http.Request{
			"bad signature":    signedAt(path, body, now, "not-the-secret"),
			"stale timestamp":  signedAt(path, body, now-6*60, secret),
			"future timestamp": signedAt(path, body, now+6*60, secret),
			"no signature": func() *http.Request {
				r := signed(path, body)
				r.Header.Del("X-Slack-Signature")
				return r
			}(),
			"malformed signature": func() *http.Request {
				r := signed(path, body)
				r.Header.Set("X-Slack-Signature", "v0=zz")
				return r
			}(),
			"body changed": func() *http.Request {
				r := signedAt(path, body, now, secret)
				r2 := signedAt(path, body+"x", now, secret)
				r2.Header = r.Header
				return r2
			}(),
		}
		if path == "/slack/commands" {
			r := signed(path, body)
			r.Header = replayed.Header.Clone()
			cases["replay"] = r
		}
		for name, r := range cases {
			if w := h.do(r); w.Code != http.StatusUnauthorized {
				t.Errorf("%s %s: status %d, want 401", path, name, w.Code)
			}
		}
	}
	big := strings.Repeat("a", MaxBodyBytes+1)
	if w := h.do(signed("/slack/commands", big)); w.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("oversized body: %d", w.Code)
	}
	h.wait(t)
	if h.desk.Snapshot(t) != afterOriginal || afterOriginal == before {
		t.Error("a rejected request changed something (or the original did not)")
	}
	if h.rec.count() != callsAfterOriginal {
		t.Errorf("a rejected request called Slack: %d calls, want %d", h.rec.count(), callsAfterOriginal)
	}
}

func decode(t *testing.T, body []byte) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		t.Fatalf("%v: %s", err, body)
	}
	return m
}

func TestSlashCommandAnswersInline(t *testing.T) {
	h := newHarness(t)
	w := h.do(signed("/slack/commands", h.commandBody("UEVE", "CRANDOM", "list")))
	if w.Code != http.StatusOK || w.Header().Get("Content-Type") != "application/json; charset=utf-8" {
		t.Fatalf("%d %s", w.Code, w.Body)
	}
	golden(t, "command_list", w.Body.Bytes())

	w = h.do(signed("/slack/commands", h.commandBody("UEVE", "CRANDOM", "status 1 resolved &lt;fixed&gt;")))
	m := decode(t, w.Body.Bytes())
	if m["response_type"] != "ephemeral" || !strings.Contains(m["text"].(string), "Not allowed") {
		t.Errorf("outsider's status change: %v", m)
	}
	golden(t, "command_refused", w.Body.Bytes())

	w = h.do(signed("/slack/commands", h.commandBody("UANA", "COPS", "status 1 frobbed")))
	golden(t, "command_usage", w.Body.Bytes())

	w = h.do(signed("/slack/commands", h.commandBody("UANA", "COPS", "show 1")))
	golden(t, "command_show", w.Body.Bytes())

	w = h.do(signed("/slack/commands", h.commandBody("UANA", "COPS", "note 1 Vendor says <b>soon</b> & more")))
	m = decode(t, w.Body.Bytes())
	if m["response_type"] != "in_channel" {
		t.Errorf("note: %v", m)
	}
	h.wait(t)
	entries := h.desk.Entries(t, 1)
	last := entries[len(entries)-1]
	if last.Actor != "ana (slack:UANA)" || last.Text != "Vendor says <b>soon</b> & more" {
		t.Errorf("note entry: %+v", last)
	}
}

func TestSlowCommandIsAcknowledgedThenAnsweredThroughResponseURL(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.AckBudget = 50 * time.Millisecond })
	h.desk.Delay(300 * time.Millisecond)
	start := time.Now()
	w := h.do(signed("/slack/commands", h.commandBody("UANA", "COPS", "ack 1")))
	if took := time.Since(start); took > time.Second {
		t.Errorf("acknowledged after %v", took)
	}
	if m := decode(t, w.Body.Bytes()); m["text"] != "Working on it…" {
		t.Errorf("ack: %v", m)
	}
	h.wait(t)
	resp := h.rec.to("/response/T1/B1/xyz")
	if len(resp) != 1 || resp[0].JSON["response_type"] != "in_channel" || !strings.Contains(resp[0].JSON["text"].(string), "acknowledged incident #1") {
		t.Fatalf("response_url calls: %+v", resp)
	}
}

func TestExportIsUploadedToTheChannel(t *testing.T) {
	h := newHarness(t)
	w := h.do(signed("/slack/commands", h.commandBody("UEVE", "CRANDOM", "export 1 csv")))
	if w.Code != http.StatusOK {
		t.Fatal(w.Code)
	}
	h.wait(t)
	get := h.rec.to("/files.getUploadURLExternal")
	done := h.rec.to("/files.completeUploadExternal")
	if len(get) != 1 || get[0].Form.Get("filename") != "incident-1.csv" || len(h.rec.to("/upload")) != 1 || len(done) != 1 || done[0].Form.Get("channel_id") != "CRANDOM" {
		t.Errorf("upload calls: %+v %+v", get, done)
	}
}

func TestAlertIsPostedAndUpdatedInPlace(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	inc, _ := h.desk.Incident(ctx, 1)
	if err := h.a.Alert(ctx, inc, "12 reports about login in 10 minutes"); err != nil {
		t.Fatal(err)
	}
	posts := h.rec.to("/chat.postMessage")
	if len(posts) != 1 || posts[0].Form.Get("channel") != "COPS" {
		t.Fatalf("posts: %+v", posts)
	}
	golden(t, "alert_blocks", []byte(posts[0].Form.Get("blocks")))

	// A second alert for the same incident updates the first.
	if err := h.a.Alert(ctx, inc, "upstream auth0 reports errors"); err != nil {
		t.Fatal(err)
	}
	if len(h.rec.to("/chat.postMessage")) != 1 || len(h.rec.to("/chat.update")) != 1 {
		t.Fatal("a second alert was posted instead of updating the first")
	}

	// Acknowledging through the command updates the alert in place.
	h.do(signed("/slack/commands", h.commandBody("UANA", "COPS", "ack 1")))
	h.wait(t)
	ups := h.rec.to("/chat.update")
	if len(ups) != 2 {
		t.Fatalf("updates: %d", len(ups))
	}
	u := ups[1]
	if u.Form.Get("ts") != "1773500000.000001" || u.Form.Get("channel") != "COPS" {
		t.Errorf("update target: %v", u.Form)
	}
	golden(t, "alert_acknowledged_blocks", []byte(u.Form.Get("blocks")))
	if strings.Contains(u.Form.Get("blocks"), bot.ActionAck) {
		t.Error("the acknowledged alert still offers Acknowledge")
	}
}

func TestAlertButtons(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	inc, _ := h.desk.Incident(ctx, 1)
	if err := h.a.Alert(ctx, inc, "burst"); err != nil {
		t.Fatal(err)
	}
	h.rec.mu.Lock()
	h.rec.groups["SOPS"] = []string{"UCAT"}
	h.rec.mu.Unlock()

	// An outsider's press is refused privately; nothing changes.
	before := h.desk.Snapshot(t)
	if w := h.do(signed("/slack/interactions", h.interactionBody("UEVE", bot.ActionNotIncident, "1", false))); w.Code != http.StatusOK {
		t.Fatal(w.Code)
	}
	h.wait(t)
	resp := h.rec.to("/response/T1/B2/abc")
	if len(resp) != 1 || resp[0].JSON["response_type"] != "ephemeral" || h.desk.Snapshot(t) != before {
		t.Fatalf("outsider's press: %+v", resp)
	}

	// A member of the allowed user group dismisses it.
	h.do(signed("/slack/interactions", h.interactionBody("UCAT", bot.ActionNotIncident, "1", false)))
	h.wait(t)
	inc, _ = h.desk.Incident(ctx, 1)
	if inc.Status != stormdesk.StatusResolved {
		t.Fatalf("not dismissed: %s", inc.Status)
	}
	resp = h.rec.to("/response/T1/B2/abc")
	if len(resp) != 2 || resp[1].JSON["response_type"] != "in_channel" || resp[1].JSON["replace_original"] != false {
		t.Errorf("dismissal reply: %+v", resp)
	}
	if ups := h.rec.to("/chat.update"); len(ups) != 1 || strings.Contains(ups[0].Form.Get("blocks"), "stormdesk_actions") {
		t.Errorf("the dismissed alert keeps its buttons: %+v", ups)
	}
}

func TestMergeMenu(t *testing.T) {
	h := newHarness(t)
	h.do(signed("/slack/interactions", h.interactionBody("UANA", bot.ActionMerge, "1:2", true)))
	h.wait(t)
	inc, _ := h.desk.Incident(context.Background(), 1)
	if inc.MergedInto != 2 {
		t.Errorf("merge through the menu: merged into %d", inc.MergedInto)
	}
}

func TestBulkNotificationApproval(t *testing.T) {
	h := newHarness(t)
	h.desk.SetAudience(t, 400)
	w := h.do(signed("/slack/commands", h.commandBody("UANA", "COPS", "notify 1")))
	m := decode(t, w.Body.Bytes())
	pid := ""
	for _, b := range m["blocks"].([]any) {
		if els, ok := b.(map[string]any)["elements"].([]any); ok {
			pid = els[0].(map[string]any)["value"].(string)
		}
	}
	if pid == "" {
		t.Fatalf("no approve button: %v", m)
	}
	golden(t, "notify_approval", []byte(strings.ReplaceAll(w.Body.String(), pid, "PENDING_ID")))
	h.do(signed("/slack/interactions", h.interactionBody("UANA", bot.ActionApprove, pid, false)))
	h.wait(t)
	if len(h.desk.Sends(t)) != 0 {
		t.Fatal("the requester approved their own send")
	}
	h.do(signed("/slack/interactions", h.interactionBody("UBOB", bot.ActionApprove, pid, false)))
	h.wait(t)
	sends := h.desk.Sends(t)
	if len(sends) != 1 || sends[0].DecidedBy != "bob (slack:UBOB)" || sends[0].RequestedBy != "ana (slack:UANA)" {
		t.Fatalf("sends: %+v", sends)
	}
	resp := h.rec.to("/response/T1/B2/abc")
	if last := resp[len(resp)-1]; last.JSON["replace_original"] != true {
		t.Errorf("the approval message was not replaced: %+v", last)
	}
}

func TestEventsURLVerification(t *testing.T) {
	h := newHarness(t)
	w := h.do(signed("/slack/events", `{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}`))
	if w.Code != http.StatusOK || w.Body.String() != "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" {
		t.Errorf("%d %q", w.Code, w.Body)
	}
}

func reactionEvent(eventID, user, reaction, channel, ts string) string {
	b, _ := json.Marshal(map[string]any{
		"token": "x", "team_id": "T1", "api_app_id": "A1", "type": "event_callback", "event_id": eventID, "event_time": 1773500100,
		"event": map[string]any{"type": "reaction_added", "user": user, "reaction": reaction, "item_user": "UZED",
			"item": map[string]any{"type": "message", "channel": channel, "ts": ts}, "event_ts": "1773500100.000100"},
	})
	return string(b)
}

func TestPinReactionAddsTheMessageToTheTimeline(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	inc, _ := h.desk.Incident(ctx, 1)
	if err := h.a.Alert(ctx, inc, "burst"); err != nil { // alert ts 1773500000.000001
		t.Fatal(err)
	}
	h.rec.messages["COPS/1773499000.123456"] = map[string]any{"type": "message", "user": "UZED", "text": "Auth0 says &lt;elevated errors&gt;",
		"ts": "1773499000.123456", "thread_ts": "1773500000.000001"}
	h.rec.messages["CRANDOM/1773499100.000001"] = map[string]any{"type": "message", "user": "UZED", "text": "see incident #2, the vendor is slow", "ts": "1773499100.000001"}
	h.rec.messages["CRANDOM/1773499200.000001"] = map[string]any{"type": "message", "user": "UZED", "text": "no idea which", "ts": "1773499200.000001"}

	for i, ev := range []string{
		reactionEvent("Ev1", "UANA", "pushpin", "COPS", "1773499000.123456"),
		reactionEvent("Ev1", "UANA", "pushpin", "COPS", "1773499000.123456"), // Slack's retry
		reactionEvent("Ev2", "UANA", "thumbsup", "COPS", "1773499000.123456"),
		reactionEvent("Ev3", "UEVE", "pushpin", "COPS", "1773499000.123456"),
		reactionEvent("Ev4", "UBOB", "pushpin", "CRANDOM", "1773499100.000001"),
		reactionEvent("Ev5", "UBOB", "pushpin", "CRANDOM", "1773499200.000001"),
	} {
		// Slack signs each delivery, retries included, anew.
		if w := h.do(signedAt("/slack/events", ev, time.Now().Unix()-int64(i), secret)); w.Code != http.StatusOK {
			t.Fatal(w.Code)
		}
	}
	h.wait(t)
	var notes []*stormdesk.TimelineEntry
	for _, e := range h.desk.Entries(t, 1) {
		if e.Kind == stormdesk.KindNote {
			notes = append(notes, e)
		}
	}
	if len(notes) != 1 {
		t.Fatalf("notes on #1: %+v", notes)
	}
	n := notes[0]
	want := time.Date(2026, 3, 14, 14, 36, 40, 123456000, time.UTC)
	if !n.At.Equal(want) || n.Actor != "Name of UZED (slack:UZED)" || !strings.HasPrefix(n.Text, "Auth0 says <elevated errors> (added from chat by Name of UANA (slack:UANA))") {
		t.Errorf("pinned note: at %v actor %q text %q", n.At, n.Actor, n.Text)
	}
	es := h.desk.Entries(t, 2)
	if len(es) != 1 || !strings.Contains(es[0].Text, "see incident #2") {
		t.Errorf("pin by mention: %+v", es)
	}
	eph := h.rec.to("/chat.postEphemeral")
	var texts []string
	for _, e := range eph {
		texts = append(texts, e.Form.Get("user")+": "+e.Form.Get("text"))
	}
	got := strings.Join(texts, "\n")
	for _, want := range []string{"UANA: Added to the timeline of incident #1", "UEVE: Not added to the timeline", "UBOB: Added to the timeline of incident #2", "UBOB: Which incident?"} {
		if !strings.Contains(got, want) {
			t.Errorf("ephemeral replies lack %q:\n%s", want, got)
		}
	}
}

func TestParseTS(t *testing.T) {
	for in, want := range map[string]time.Time{
		"1773499000.123456": time.Date(2026, 3, 14, 14, 36, 40, 123456000, time.UTC),
		"1773499000":        time.Date(2026, 3, 14, 14, 36, 40, 0, time.UTC),
		"1773499000.1":      time.Date(2026, 3, 14, 14, 36, 40, 100000000, time.UTC),
	} {
		got, err := parseTS(in)
		if err != nil || !got.Equal(want) {
			t.Errorf("parseTS(%q) = %v, %v", in, got, err)
		}
	}
	for _, in := range []string{"", "x", "-1.0", "12.x"} {
		if _, err := parseTS(in); err == nil {
			t.Errorf("parseTS(%q): want an error", in)
		}
	}
}

// TestAutomaticEmailApprovalRequest: an automatic email held for approval
// is posted to the ops channel with Approve send and Cancel; a press by
// an authorised person sends it.
func TestAutomaticEmailApprovalRequest(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	h.desk.SetAudience(t, 400)
	r, err := h.desk.Notify(ctx, 1, "resolved", "stormdesk", "")
	if err != nil || !r.Held() {
		t.Fatal(r, err)
	}
	inc, _ := h.desk.Incident(ctx, 1)
	m := &stormdesk.OutboundMessage{IncidentID: 1, MessageID: r.Message.MessageID, Template: "resolved", Subject: "[resolved] Login fails",
		Text: "Hello,\n\nLogins work again.", State: stormdesk.MessageHeld, RequestedBy: "stormdesk", Audience: 400}
	if err := h.a.AskApproval(ctx, inc, m); err != nil {
		t.Fatal(err)
	}
	posts := h.rec.to("/chat.postMessage")
	if len(posts) != 1 || posts[0].Form.Get("channel") != "COPS" {
		t.Fatalf("posts: %+v", posts)
	}
	blocks := posts[0].Form.Get("blocks")
	if !strings.Contains(blocks, `"value":"`+r.Message.MessageID+`"`) || !strings.Contains(blocks, bot.ActionApprove) {
		t.Fatalf("no approve button for %s: %s", r.Message.MessageID, blocks)
	}
	golden(t, "approval_request_blocks", []byte(strings.ReplaceAll(blocks, r.Message.MessageID, "MESSAGE_ID")))
	h.do(signed("/slack/interactions", h.interactionBody("UBOB", bot.ActionApprove, r.Message.MessageID, false)))
	h.wait(t)
	if sends := h.desk.Sends(t); len(sends) != 1 || sends[0].DecidedBy != "bob (slack:UBOB)" || sends[0].Template != "resolved" {
		t.Errorf("sends: %+v", sends)
	}
}

// TestReminderIsPosted: a reminder goes to the ops channel as a message
// without buttons.
func TestReminderIsPosted(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	inc, _ := h.desk.Incident(ctx, 2)
	if err := h.a.Remind(ctx, inc, "Incident #2 is investigating and has had no update for 31 minutes"); err != nil {
		t.Fatal(err)
	}
	posts := h.rec.to("/chat.postMessage")
	if len(posts) != 1 || posts[0].Form.Get("channel") != "COPS" {
		t.Fatalf("posts: %+v", posts)
	}
	blocks := posts[0].Form.Get("blocks")
	if !strings.Contains(blocks, "Reminder: incident #2") || !strings.Contains(blocks, "no update for 31 minutes") || strings.Contains(blocks, `"type":"button"`) {
		t.Errorf("reminder blocks: %s", blocks)
	}
}

// TestReplayWithRespelledSignatureIsRefused: slack-go decodes the
// signature's hex in either case, so a captured request sent again with
// the hex upper-cased verifies. It is still the same request (the same
// signed timestamp and body) and is refused on every endpoint; the note
// it carries is added once (issue 14, item 1).
func TestReplayWithRespelledSignatureIsRefused(t *testing.T) {
	h := newHarness(t)
	for _, c := range []struct{ path, body string }{
		{"/slack/commands", h.commandBody("UANA", "COPS", "note 1 added once")},
		{"/slack/interactions", h.interactionBody("UANA", bot.ActionNotIncident, "1", false)},
		{"/slack/events", `{"type":"url_verification","challenge":"c1"}`},
	} {
		ts := time.Now().Unix()
		original := signedAt(c.path, c.body, ts, secret)
		if w := h.do(original); w.Code != http.StatusOK {
			t.Fatalf("%s original: %d %s", c.path, w.Code, w.Body)
		}
		h.wait(t)
		after := h.desk.Snapshot(t)
		sig := strings.TrimPrefix(original.Header.Get("X-Slack-Signature"), "v0=")
		for name, respelt := range map[string]string{
			"upper-case hex": "v0=" + strings.ToUpper(sig),
			"mixed-case hex": "v0=" + strings.ToUpper(sig[:10]) + sig[10:],
		} {
			r := signedAt(c.path, c.body, ts, secret)
			r.Header.Set("X-Slack-Signature", respelt)
			if w := h.do(r); w.Code != http.StatusUnauthorized {
				t.Errorf("%s replayed with %s signature: %d, want 401", c.path, name, w.Code)
			}
		}
		h.wait(t)
		if h.desk.Snapshot(t) != after {
			t.Errorf("%s: a replay changed the desk", c.path)
		}
	}
	if n := h.desk.Count(t, 1, "added once"); n != 1 {
		t.Errorf("the note is on the timeline %d times, want 1", n)
	}
}

// hostile is customer and operator text that Slack would turn into a
// channel-wide ping, a user mention or a link that hides its address.
const hostile = "<!everyone> checkout page <https://evil.example|broken> error <!channel> <@UBOB> <!subteam^S1>"

// TestHostileTextNeverPingsOrLinks: an incident titled with Slack's
// control syntax, a note and a pinned message carrying it, reach Slack in
// the alert, replies, ephemeral messages and their fallback text only
// escaped: no field of any message holds a raw <!everyone>, <!channel>,
// <@user> or <url|label> (issue 14, item 2).
func TestHostileTextNeverPingsOrLinks(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	var replies []string
	command := func(text string) {
		t.Helper()
		// Slack escapes &, < and > in what people type.
		w := h.do(signed("/slack/commands", h.commandBody("UANA", "COPS", escape(text))))
		if w.Code != http.StatusOK {
			t.Fatalf("%s: %d %s", text, w.Code, w.Body)
		}
		replies = append(replies, w.Body.String())
	}
	command("declare " + hostile)
	h.wait(t)
	inc, err := h.desk.Incident(ctx, 3)
	if err != nil || inc.Title != hostile {
		t.Fatalf("declared incident: %+v %v", inc, err)
	}
	command("note 3 " + hostile)
	command("show 3")
	command("timeline 3")
	golden(t, "hostile_note", []byte(replies[1]))
	golden(t, "hostile_show", []byte(replies[2]))
	if err := h.a.Alert(ctx, inc, "reports about "+hostile); err != nil {
		t.Fatal(err)
	}
	posts := h.rec.to("/chat.postMessage")
	if len(posts) != 1 {
		t.Fatalf("posts: %d", len(posts))
	}
	golden(t, "hostile_alert_text", []byte(posts[0].Form.Get("text")+"\n"))
	golden(t, "hostile_alert_blocks", []byte(posts[0].Form.Get("blocks")))
	h.rec.messages["COPS/1773499000.123456"] = map[string]any{"type": "message", "user": "UZED", "text": escape(hostile),
		"ts": "1773499000.123456", "thread_ts": "1773500000.000001"}
	if w := h.do(signed("/slack/events", reactionEvent("EvH", "UANA", "pushpin", "COPS", "1773499000.123456"))); w.Code != http.StatusOK {
		t.Fatal(w.Code)
	}
	h.wait(t)

	var sent []string
	sent = append(sent, replies...)
	for _, c := range append(h.rec.to("/chat.postMessage"), h.rec.to("/chat.postEphemeral")...) {
		sent = append(sent, c.Form.Get("text"), c.Form.Get("blocks"))
	}
	if len(h.rec.to("/chat.postEphemeral")) != 1 {
		t.Fatalf("the pin was not answered: %+v", h.rec.to("/chat.postEphemeral"))
	}
	for _, s := range sent {
		var found []string
		for _, raw := range []string{"<!everyone>", "<!channel>", "<@UBOB>", "<https://evil.example", "<!subteam"} {
			if strings.Contains(s, raw) {
				found = append(found, raw)
			}
		}
		if len(found) > 0 {
			t.Errorf("%s reach Slack unescaped in: %.160s", strings.Join(found, " "), s)
		}
	}
}

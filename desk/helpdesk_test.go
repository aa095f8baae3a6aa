package desk_test

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"stormdesk"
	"stormdesk/connectors/helpscout"
	"stormdesk/connectors/helpscout/helpscouttest"
	"stormdesk/connectors/intercom"
	"stormdesk/connectors/intercom/intercomtest"
	"stormdesk/connectors/zendesk"
	"stormdesk/connectors/zendesk/zendesktest"
	"stormdesk/desk"
	"stormdesk/notify"
	"stormdesk/notify/sendgridtest"
	"stormdesk/store/sqlite"
	"stormdesk/triage"
)

var quietLog = slog.New(slog.DiscardHandler)

// syncClock is a virtual clock read by the desk, the dispatchers and the
// stand-ins' handlers.
type syncClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *syncClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *syncClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// zendeskDesk is a desk with triage, customer email through a local
// SendGrid and the helpdesk write-back through a local Zendesk (problem
// tickets), a local Intercom and a local Help Scout (replies), each with
// its real dispatcher.
type zendeskDesk struct {
	d          *desk.Service
	clock      *syncClock
	zd         *zendesktest.Server
	ic         *intercomtest.Server
	hs         *helpscouttest.Server
	sg         *sendgridtest.Server
	helpdesk   *notify.Dispatcher
	email      *notify.Dispatcher
	helpdeskKs int
}

// report files tk (its subject the i-th log-in phrase) two minutes after
// the previous report, triages it and returns it as stored.
func (z *zendeskDesk) report(t *testing.T, i int, tk *stormdesk.Ticket) *stormdesk.Ticket {
	t.Helper()
	ctx := context.Background()
	z.clock.Advance(2 * time.Minute)
	tk.Subject, tk.ReceivedAt = loginPhrases[i%len(loginPhrases)], z.clock.Now()
	if _, err := z.d.IngestTicket(ctx, tk); err != nil {
		t.Fatal(err)
	}
	if _, err := z.d.TriagePending(ctx); err != nil {
		t.Fatal(err)
	}
	got, err := z.d.Ticket(ctx, tk.ID)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// ingest reports ticket i from source: from Zendesk or Intercom with that
// helpdesk's id and a customer address of its own (zd3@, ic3@), from
// anywhere else as api3@example.com.
func (z *zendeskDesk) ingest(t *testing.T, i int, source string) *stormdesk.Ticket {
	t.Helper()
	tk := &stormdesk.Ticket{Source: source, CustomerEmail: fmt.Sprintf("api%d@example.com", i)}
	switch source {
	case stormdesk.SourceZendesk:
		tk.ExternalID, tk.CustomerEmail = fmt.Sprint(101+i), fmt.Sprintf("zd%d@example.com", i)
	case stormdesk.SourceIntercom:
		tk.ExternalID, tk.CustomerEmail = fmt.Sprint(7000+i), fmt.Sprintf("ic%d@example.com", i)
	}
	return z.report(t, i, tk)
}

// storm ingests n tickets, every third by the API (the first among them)
// and the others from helpdesk, and returns them as stored.
func (z *zendeskDesk) storm(t *testing.T, n int, helpdesk string) []*stormdesk.Ticket {
	t.Helper()
	var out []*stormdesk.Ticket
	for i := range n {
		source := helpdesk
		if i%3 == 0 {
			source = stormdesk.SourceAPI
		}
		out = append(out, z.ingest(t, i, source))
	}
	return out
}

// acknowledgeHeld acknowledges incident id as U1 and checks that, while
// the acknowledged email waits for approval, no reply went out (replies
// counts the helpdesk's calls); then approves the email as U2 and lets
// the outboxes run.
func (z *zendeskDesk) acknowledgeHeld(t *testing.T, id int64, replies func() int) {
	t.Helper()
	ctx := context.Background()
	if _, err := z.d.Acknowledge(ctx, id, "U1", "slack:U1"); err != nil {
		t.Fatal(err)
	}
	z.drain(t)
	if n := replies(); n != 0 {
		t.Fatalf("%d replies before the email was approved", n)
	}
	ms, _ := z.d.Messages(ctx, id, time.Time{})
	if len(ms) != 1 || ms[0].State != stormdesk.MessageHeld {
		t.Fatalf("messages %+v, want the held acknowledged email", ms)
	}
	if _, err := z.d.ApproveNotification(ctx, ms[0].MessageID, "U2", "slack:U2"); err != nil {
		t.Fatal(err)
	}
	z.drain(t)
}

// newZendeskDesk opens it with every automatic email sent by itself, or
// with the given email settings.
func newZendeskDesk(t *testing.T, email ...*desk.Email) *zendeskDesk {
	t.Helper()
	clock := &syncClock{t: t0}
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "zd.db"), t0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	z := &zendeskDesk{clock: clock, zd: zendesktest.New(t), ic: intercomtest.New(t), hs: helpscouttest.New(t), sg: sendgridtest.New(t)}
	z.zd.Now, z.ic.Now, z.hs.Now = clock.Now, clock.Now, clock.Now
	z.helpdesk = notify.NewHelpdeskDispatcher(s.HelpdeskOutbox(), &notify.Helpdesk{Store: s, Writers: map[string]notify.HelpdeskWriter{
		stormdesk.SourceZendesk: zendesk.Desk{Client: &zendesk.Client{BaseURL: z.zd.URL, Email: z.zd.Email, APIToken: z.zd.Token}}},
		Repliers: map[string]notify.Replier{stormdesk.SourceIntercom: intercom.Desk{Client: &intercom.Client{BaseURL: z.ic.URL, Token: z.ic.Token,
			AdminID: "814860", Now: clock.Now}},
			stormdesk.SourceHelpScout: helpscout.Desk{Client: &helpscout.Client{BaseURL: z.hs.URL, Token: z.hs.Token}}}})
	z.helpdesk.Now, z.helpdesk.Log = clock.Now, quietLog
	z.email = &notify.Dispatcher{Outbox: s, Sender: &notify.SendGrid{APIKey: z.sg.APIKey, BaseURL: z.sg.URL, FromEmail: "status@example.com"},
		Now: clock.Now, Log: quietLog, UnsubscribeURL: func(e string, _ []string) string { return "https://x/unsubscribe?u=" + e }}
	cfg := triage.DefaultConfig()
	e := &desk.Email{Auto: map[string]bool{"acknowledged": true, "update": true, "resolved": true}, Placeholder: notify.UnsubscribeTag}
	if len(email) > 0 {
		e = email[0]
	}
	z.d = openDesk(t, s, desk.Options{Now: clock.Now, Triage: &cfg, Log: quietLog, Email: e,
		Helpdesks: &desk.Helpdesks{Names: []string{stormdesk.SourceZendesk}, Replies: []string{stormdesk.SourceIntercom, stormdesk.SourceHelpScout}, Kick: func() { z.helpdeskKs++ },
			IncidentURL: func(id int64) string { return fmt.Sprintf("https://stormdesk.example.com/api/v1/incidents/%d", id) }}})
	return z
}

// drain runs both dispatchers until neither has anything due now, then
// reports the helpdesk's failures.
func (z *zendeskDesk) drain(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	for range 50 {
		h, err := z.helpdesk.RunOnce(ctx)
		if err != nil {
			t.Fatal(err)
		}
		e, err := z.email.RunOnce(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if h == (notify.Stats{}) && e == (notify.Stats{}) {
			if _, err := z.d.ReportHelpdesk(ctx); err != nil {
				t.Fatal(err)
			}
			return
		}
	}
	t.Fatal("the dispatchers never ran dry")
}

// emailed returns who got each template's email, sorted, checking that
// nobody got one twice.
func (z *zendeskDesk) emailed(t *testing.T) map[string]string {
	t.Helper()
	got := map[string][]string{}
	for p, n := range z.sg.Recipients() {
		if n != 1 {
			t.Errorf("%s got %s %d times", p.Email, p.MessageID, n)
		}
		tmpl := strings.Split(p.MessageID, "-")[1]
		got[tmpl] = append(got[tmpl], p.Email)
	}
	out := map[string]string{}
	for k, v := range got {
		sort.Strings(v)
		out[k] = strings.Join(v, " ")
	}
	return out
}

// TestZendeskWriteBack: a storm of tickets, most from Zendesk, becomes an
// incident; Zendesk gets one problem ticket and each Zendesk ticket is
// linked to it once (one rate-limited and linked after its Retry-After,
// one deleted: its 404 is on the timeline and the others are linked); a
// ticket that joins later is linked as it joins, one an operator moves
// out is unlinked; an update is one public comment and the resolution
// one solve; SendGrid emails only the customers Zendesk does not answer.
func TestZendeskWriteBack(t *testing.T) {
	ctx := context.Background()
	z := newZendeskDesk(t)
	d := z.d
	now := z.clock.Now()
	history(t, d, &now)

	// Zendesk ticket 105 was deleted; the first update of 102 is rate
	// limited for 30 seconds.
	z.zd.Delete(105)
	z.zd.RateLimitNext(102, 1, 30*time.Second)
	storm := z.storm(t, 10, stormdesk.SourceZendesk)
	incs, _ := d.Incidents(ctx, stormdesk.IncidentFilter{})
	if len(incs) != 1 {
		t.Fatalf("got %d incidents, want 1", len(incs))
	}
	inc := incs[0]
	if z.helpdeskKs == 0 {
		t.Error("the helpdesk dispatcher was never woken")
	}
	linked := func() (zd []int64, api []string) {
		for _, tk := range storm {
			tk, _ := d.Ticket(ctx, tk.ID)
			if tk.IncidentID != inc.ID {
				continue
			}
			if tk.Source == stormdesk.SourceZendesk {
				var id int64
				fmt.Sscan(tk.ExternalID, &id)
				zd = append(zd, id)
			} else {
				api = append(api, tk.CustomerEmail)
			}
		}
		return zd, api
	}
	zdLinked, _ := linked()
	if len(zdLinked) < 5 || !slices.Contains(zdLinked, 102) || !slices.Contains(zdLinked, 105) {
		t.Fatalf("zendesk tickets in the incident: %v, want at least 5 with 102 and 105", zdLinked)
	}

	z.drain(t)
	// 102's rate limit: nothing more of it until the reset.
	z.clock.Advance(10 * time.Second)
	z.drain(t)
	z.clock.Advance(25 * time.Second)
	z.drain(t)

	calls := z.zd.Calls()
	var creates []zendesktest.Call
	links := map[int64][]zendesktest.Call{}
	for _, c := range calls {
		switch {
		case c.Method == "POST":
			creates = append(creates, c)
		case c.Ticket.Type == "incident":
			links[c.TicketID] = append(links[c.TicketID], c)
		}
	}
	if len(creates) != 1 || creates[0].Status != 201 {
		t.Fatalf("problem tickets created: %+v, want one", creates)
	}
	p := creates[0]
	problem := p.TicketID
	if p.Ticket.Subject != inc.Title || p.Ticket.Type != "problem" || p.Ticket.Comment == nil || p.Ticket.Comment.Public ||
		!strings.Contains(p.Ticket.Comment.Body, fmt.Sprintf("https://stormdesk.example.com/api/v1/incidents/%d", inc.ID)) ||
		!slices.Contains(p.Ticket.Tags, fmt.Sprintf("stormdesk_incident_%d", inc.ID)) || p.IdempotencyKey == "" {
		t.Errorf("problem ticket: %+v", p)
	}
	tag := fmt.Sprintf("stormdesk_incident_%d", inc.ID)
	for _, id := range zdLinked {
		var ok int
		for _, c := range links[id] {
			if c.Status == 200 {
				ok++
				if c.Ticket.ProblemID == nil || *c.Ticket.ProblemID != problem || !slices.Equal(c.Ticket.AdditionalTags, []string{tag}) ||
					c.Ticket.Comment == nil || c.Ticket.Comment.Public {
					t.Errorf("link of %d: %+v", id, c)
				}
			}
		}
		want := 1
		if id == 105 {
			want = 0
		}
		if ok != want {
			t.Errorf("ticket %d linked %d times, want %d (calls %+v)", id, ok, want, links[id])
		}
	}
	if l := links[102]; len(l) != 2 || l[0].Status != 429 || l[1].At.Sub(l[0].At) < 30*time.Second {
		t.Errorf("102: %+v, want a 429 and the link no sooner than its Retry-After", l)
	}
	if l := links[105]; len(l) != 1 || l[0].Status != 404 {
		t.Errorf("105 (deleted) was tried %+v, want once", l)
	}
	texts := notificationTexts(t, d, inc.ID)
	if !slices.ContainsFunc(texts, func(s string) bool {
		return strings.Contains(s, "Zendesk: could not link ticket 105") && strings.Contains(s, "RecordNotFound: Not found")
	}) {
		t.Errorf("the 404 is not on the timeline: %q", texts)
	}

	if _, err := d.Acknowledge(ctx, inc.ID, "U1", "slack:U1"); err != nil {
		t.Fatal(err)
	}
	if _, err := d.SetStatus(ctx, inc.ID, stormdesk.StatusIdentified, "Our login provider has an outage.", "U1", "slack:U1"); err != nil {
		t.Fatal(err)
	}
	z.drain(t)
	// A Zendesk ticket that joins later is linked as it joins, and gets
	// no catch-up email (an API ticket would get the update).
	late := z.ingest(t, 10, stormdesk.SourceZendesk)
	if late.IncidentID != inc.ID {
		t.Fatalf("the late report did not join: %+v", late)
	}
	// An operator moves one out: it is unlinked.
	moved := zdLinked[len(zdLinked)-1]
	if moved == 105 || moved == 102 {
		moved = zdLinked[0]
	}
	for _, tk := range storm {
		if tk.ExternalID == fmt.Sprint(moved) {
			if err := d.UnlinkTicket(ctx, tk.ID, "U1"); err != nil {
				t.Fatal(err)
			}
		}
	}
	z.drain(t)
	z.clock.Advance(time.Hour)
	if _, err := d.SetStatus(ctx, inc.ID, stormdesk.StatusResolved, "Logins work again.", "U1", "slack:U1"); err != nil {
		t.Fatal(err)
	}
	z.drain(t)
	z.clock.Advance(time.Hour)
	z.drain(t) // nothing is written twice

	var lateLinks, unlinks, comments, solves int
	for _, c := range z.zd.Calls()[len(calls):] {
		switch {
		case c.Method == "POST":
			t.Errorf("a second problem ticket: %+v", c)
		case c.Ticket.Type == "incident" && c.TicketID == 111 && c.Status == 200 && *c.Ticket.ProblemID == problem:
			lateLinks++
		case c.Ticket.Type == "incident":
			t.Errorf("a ticket linked again: %+v", c)
		case c.Ticket.Type == "question" && c.TicketID == moved && c.Ticket.ProblemIDNull && slices.Equal(c.Ticket.RemoveTags, []string{tag}):
			unlinks++
		case c.TicketID == problem && c.Ticket.Status == "" && c.Ticket.Comment != nil && c.Ticket.Comment.Public &&
			c.Ticket.Comment.Body == "Our login provider has an outage.":
			comments++
		case c.TicketID == problem && c.Ticket.Status == "solved" && c.Ticket.Comment != nil && c.Ticket.Comment.Public &&
			c.Ticket.Comment.Body == "Logins work again.":
			solves++
		default:
			t.Errorf("unexpected call %+v", c)
		}
	}
	if lateLinks != 1 || unlinks != 1 || comments != 1 || solves != 1 {
		t.Errorf("late links %d, unlinks %d, comments %d, solves %d; want one each", lateLinks, unlinks, comments, solves)
	}

	// Email: the API customers, and the customer of the deleted ticket,
	// whom Zendesk cannot answer; not the customers Zendesk answers.
	_, api := linked()
	want := append(api, "zd4@example.com")
	sort.Strings(want)
	got := z.emailed(t)
	for _, tmpl := range []string{"acknowledged", "update", "resolved"} {
		if got[tmpl] != strings.Join(want, " ") {
			t.Errorf("%s email went to %q, want %q", tmpl, got[tmpl], strings.Join(want, " "))
		}
	}
}

// TestZendeskRefusesTheProblemTicket: with credentials Zendesk refuses,
// the problem ticket is never created; the links behind it fail without
// a request, the refusal is on the timeline with Zendesk's reason, no
// comment or solve is queued, and every customer is emailed instead.
func TestZendeskRefusesTheProblemTicket(t *testing.T) {
	ctx := context.Background()
	z := newZendeskDesk(t)
	z.zd.Token = "rotated" // the desk still sends the old token
	d := z.d
	now := z.clock.Now()
	history(t, d, &now)
	var zdEmails []string
	for i := range 8 {
		z.clock.Advance(2 * time.Minute)
		tk := &stormdesk.Ticket{Subject: loginPhrases[i], ReceivedAt: z.clock.Now(), Source: stormdesk.SourceZendesk,
			ExternalID: fmt.Sprint(201 + i), CustomerEmail: fmt.Sprintf("zd%d@example.com", i)}
		if _, err := d.IngestTicket(ctx, tk); err != nil {
			t.Fatal(err)
		}
		if _, err := d.TriagePending(ctx); err != nil {
			t.Fatal(err)
		}
	}
	incs, _ := d.Incidents(ctx, stormdesk.IncidentFilter{})
	if len(incs) != 1 {
		t.Fatalf("got %d incidents, want 1", len(incs))
	}
	inc := incs[0]
	tks, _ := d.IncidentTickets(ctx, inc.ID, 0, 100)
	for _, tk := range tks {
		zdEmails = append(zdEmails, tk.CustomerEmail)
	}
	sort.Strings(zdEmails)
	z.drain(t)
	calls := z.zd.Calls()
	if len(calls) != 1 || calls[0].Method != "POST" || calls[0].Status != 401 {
		t.Fatalf("calls %+v, want the one refused creation", calls)
	}
	texts := strings.Join(notificationTexts(t, d, inc.ID), "\n")
	if !strings.Contains(texts, "Zendesk: could not create the problem ticket: status 401") || !strings.Contains(texts, "Couldn't authenticate you") ||
		!strings.Contains(texts, fmt.Sprintf("%d writes failed", len(tks)+1)) || !strings.Contains(texts, "has no zendesk problem ticket: creating it failed") {
		t.Errorf("timeline: %s", texts)
	}
	if n, _ := d.ReportHelpdesk(ctx); n != 0 {
		t.Errorf("failures reported again: %d", n)
	}
	if _, err := d.SetStatus(ctx, inc.ID, stormdesk.StatusIdentified, "Found it.", "U1", "slack:U1"); err != nil {
		t.Fatal(err)
	}
	z.drain(t)
	if n := len(z.zd.Calls()); n != 1 {
		t.Errorf("%d calls after the update, want no new one", n)
	}
	if got := z.emailed(t)["update"]; got != strings.Join(zdEmails, " ") {
		t.Errorf("update email went to %q, want every reporter %q", got, strings.Join(zdEmails, " "))
	}
}

// TestZendeskNotAnIncidentUnlinks: an incident an operator marks "not an
// incident" takes its Zendesk reports out from under its problem ticket,
// each once, and solves nothing.
func TestZendeskNotAnIncidentUnlinks(t *testing.T) {
	ctx := context.Background()
	z := newZendeskDesk(t)
	d := z.d
	now := z.clock.Now()
	history(t, d, &now)
	for i := range 8 {
		z.clock.Advance(2 * time.Minute)
		if _, err := d.IngestTicket(ctx, &stormdesk.Ticket{Subject: loginPhrases[i], ReceivedAt: z.clock.Now(), Source: stormdesk.SourceZendesk,
			ExternalID: fmt.Sprint(401 + i), CustomerEmail: fmt.Sprintf("zd%d@example.com", i)}); err != nil {
			t.Fatal(err)
		}
		if _, err := d.TriagePending(ctx); err != nil {
			t.Fatal(err)
		}
	}
	incs, _ := d.Incidents(ctx, stormdesk.IncidentFilter{})
	if len(incs) != 1 {
		t.Fatalf("got %d incidents, want 1", len(incs))
	}
	z.drain(t)
	linked := map[int64]bool{}
	for _, c := range z.zd.Calls() {
		if c.Ticket.Type == "incident" && c.Status == 200 {
			linked[c.TicketID] = true
		}
	}
	if len(linked) < 7 {
		t.Fatalf("linked %v, want the storm's tickets", linked)
	}
	n := len(z.zd.Calls())
	if err := d.NotAnIncident(ctx, incs[0].ID, "U1"); err != nil {
		t.Fatal(err)
	}
	z.drain(t)
	z.clock.Advance(time.Hour)
	z.drain(t)
	unlinked := map[int64]int{}
	for _, c := range z.zd.Calls()[n:] {
		if c.Method != "PUT" || c.Ticket.Type != "question" || !c.Ticket.ProblemIDNull || c.Status != 200 {
			t.Errorf("unexpected call %+v", c)
			continue
		}
		unlinked[c.TicketID]++
	}
	if len(unlinked) != len(linked) {
		t.Errorf("unlinked %v, want each of %v", unlinked, linked)
	}
	for id, k := range unlinked {
		if !linked[id] || k != 1 {
			t.Errorf("ticket %d unlinked %d times (linked: %v)", id, k, linked[id])
		}
	}
}

// TestIntercomRepliesFollowTheEmail: reporters who wrote in through
// Intercom are answered in their own conversation, with each email the
// incident's reporters are sent, under the same rules: the acknowledged
// email waits for approval and so do its replies; once approved, each
// conversation gets one admin reply (the email's text, without its
// signature and unsubscribe link), SendGrid emails only the others; a
// late reporter gets the latest one as a reply; a rate-limited reply
// goes out after the reset; a deleted conversation is on the timeline
// and its customer is emailed the next time.
func TestIntercomRepliesFollowTheEmail(t *testing.T) {
	ctx := context.Background()
	z := newZendeskDesk(t, &desk.Email{Auto: map[string]bool{"update": true, "resolved": true}, Approve: map[string]bool{"acknowledged": true},
		Placeholder: notify.UnsubscribeTag, FromName: "Acme Support"})
	d := z.d
	now := z.clock.Now()
	history(t, d, &now)
	z.storm(t, 9, stormdesk.SourceIntercom)
	incs, _ := d.Incidents(ctx, stormdesk.IncidentFilter{})
	if len(incs) != 1 {
		t.Fatalf("got %d incidents, want 1", len(incs))
	}
	inc := incs[0]
	members, _ := d.IncidentTickets(ctx, inc.ID, 0, 100)
	var convs, apiEmails []string
	for _, tk := range members {
		if tk.Source == stormdesk.SourceIntercom {
			convs = append(convs, tk.ExternalID)
		} else {
			apiEmails = append(apiEmails, tk.CustomerEmail)
		}
	}
	sort.Strings(convs)
	sort.Strings(apiEmails)
	if len(convs) < 4 {
		t.Fatalf("intercom conversations in the incident: %v", convs)
	}
	z.ic.Delete(convs[1])
	z.ic.RateLimitNext(1, 40*time.Second)

	z.acknowledgeHeld(t, inc.ID, func() int { return len(z.ic.Calls()) })
	z.clock.Advance(45 * time.Second) // the rate limit's reset
	z.drain(t)

	// A late Intercom reporter gets the acknowledgement as a reply.
	late := z.ingest(t, 20, stormdesk.SourceIntercom)
	if late.IncidentID != inc.ID {
		t.Fatalf("the late report did not join: %+v", late)
	}
	z.drain(t)
	if _, err := d.SetStatus(ctx, inc.ID, stormdesk.StatusIdentified, "Our login provider has an outage.", "U1", "slack:U1"); err != nil {
		t.Fatal(err)
	}
	z.drain(t)
	z.clock.Advance(time.Hour)
	z.drain(t)

	replies := map[string][]string{}
	var limited int
	for _, c := range z.ic.Calls() {
		switch c.Status {
		case 200:
			if c.Reply.AdminID != "814860" || strings.Contains(c.Reply.Body, "nsubscribe") || strings.Contains(c.Reply.Body, notify.UnsubscribeTag) {
				t.Errorf("reply %+v", c)
			}
			replies[c.Conversation] = append(replies[c.Conversation], c.Reply.Body)
		case 429:
			limited++
		case 404:
			if c.Conversation != convs[1] {
				t.Errorf("404 for %s", c.Conversation)
			}
		default:
			t.Errorf("call %+v", c)
		}
	}
	if limited != 1 {
		t.Errorf("%d rate-limited replies, want 1 (then retried)", limited)
	}
	for _, conv := range append(convs, late.ExternalID) {
		want := 2
		if conv == convs[1] {
			want = 0
		}
		got := replies[conv]
		if len(got) != want {
			t.Errorf("conversation %s got %d replies, want %d: %q", conv, len(got), want, got)
			continue
		}
		if want > 0 && (!strings.Contains(got[0], "We are aware of a problem") || !strings.Contains(got[1], "Our login provider has an outage.") ||
			!strings.Contains(got[1], "Acme Support")) {
			t.Errorf("conversation %s: %q", conv, got)
		}
	}
	texts := strings.Join(notificationTexts(t, d, inc.ID), "\n")
	if !strings.Contains(texts, "Intercom: could not reply in conversation "+convs[1]) || !strings.Contains(texts, "not_found: Resource Not Found") {
		t.Errorf("the deleted conversation is not on the timeline: %s", texts)
	}
	// Email: the API reporters each time; the customer of the deleted
	// conversation too, once its reply failed (the acknowledgement as a
	// stand-in for it, the update directly); no other Intercom customer.
	var deleted string
	for _, tk := range members {
		if tk.ExternalID == convs[1] {
			deleted = tk.CustomerEmail
		}
	}
	got := z.emailed(t)
	want := append(append([]string(nil), apiEmails...), deleted)
	sort.Strings(want)
	for _, tmpl := range []string{"acknowledged", "update"} {
		if got[tmpl] != strings.Join(want, " ") {
			t.Errorf("%s email went to %q, want %q", tmpl, got[tmpl], strings.Join(want, " "))
		}
	}
	if !strings.Contains(texts, "; emailed to "+deleted+" instead") {
		t.Errorf("the timeline does not say the reply was emailed instead: %s", texts)
	}
}

// TestHelpScoutRepliesFollowTheEmail: reporters who wrote in through Help
// Scout are answered by a reply thread in their own conversation, to the
// customer id intake stored, with each email the incident's reporters are
// sent and under the same approval: nothing before the held
// acknowledgement is approved, then one reply per conversation (the
// email's text without signature or unsubscribe link, status active); a
// late reporter gets the acknowledgement as a reply; a rate-limited reply
// goes out once X-RateLimit-Retry-After has passed; a
// conversation whose ticket has no customer id is read for it and
// answered; a deleted conversation (404) and one whose customer id is not
// Help Scout's are on the timeline and their customers are emailed
// instead, that time and after; the resolution closes each conversation;
// SendGrid emails only the others.
func TestHelpScoutRepliesFollowTheEmail(t *testing.T) {
	ctx := context.Background()
	z := newZendeskDesk(t, &desk.Email{Auto: map[string]bool{"update": true, "resolved": true}, Approve: map[string]bool{"acknowledged": true},
		Placeholder: notify.UnsubscribeTag, FromName: "Acme Support"})
	d := z.d
	now := z.clock.Now()
	history(t, d, &now)
	for i := range 9 {
		tk := &stormdesk.Ticket{Source: stormdesk.SourceHelpScout,
			ExternalID: fmt.Sprint(291900 + i), ExternalCustomerID: fmt.Sprint(29400 + i), CustomerEmail: fmt.Sprintf("hs%d@example.com", i)}
		switch {
		case i%3 == 0:
			tk.Source, tk.ExternalID, tk.ExternalCustomerID, tk.CustomerEmail = stormdesk.SourceAPI, "", "", fmt.Sprintf("api%d@example.com", i)
		case i == 4:
			tk.ExternalCustomerID = "" // stored before intake kept the customer
		case i == 7:
			tk.ExternalCustomerID = "cust-7" // not Help Scout's (an import)
		}
		z.report(t, i, tk)
	}
	incs, _ := d.Incidents(ctx, stormdesk.IncidentFilter{})
	if len(incs) != 1 {
		t.Fatalf("got %d incidents, want 1", len(incs))
	}
	inc := incs[0]
	members, _ := d.IncidentTickets(ctx, inc.ID, 0, 100)
	customer := map[string]string{}
	email := map[string]string{}
	var convs, apiEmails []string
	for _, tk := range members {
		if tk.Source == stormdesk.SourceHelpScout {
			convs = append(convs, tk.ExternalID)
			customer[tk.ExternalID], email[tk.ExternalID] = tk.ExternalCustomerID, tk.CustomerEmail
		} else {
			apiEmails = append(apiEmails, tk.CustomerEmail)
		}
	}
	sort.Strings(convs)
	const noCustomer, badCustomer = "291904", "291907"
	if len(convs) < 5 || email[noCustomer] == "" || customer[noCustomer] != "" || email[badCustomer] == "" {
		t.Fatalf("help scout conversations in the incident: %v (%v)", convs, customer)
	}
	// The conversation without a stored customer names its own.
	z.hs.Customer(noCustomer, "29404")
	customer[noCustomer] = "29404"
	var deleted string
	for _, c := range convs {
		if c != noCustomer && c != badCustomer {
			deleted = c
			break
		}
	}
	z.hs.Delete(deleted)
	z.hs.RateLimitNext(1, 40*time.Second)

	z.acknowledgeHeld(t, inc.ID, func() int { return len(z.hs.Calls()) })
	z.clock.Advance(20 * time.Second) // not yet the limit's refresh
	z.drain(t)
	z.clock.Advance(25 * time.Second)
	z.drain(t)
	// A late Help Scout reporter gets the acknowledgement as a reply.
	z.clock.Advance(2 * time.Minute)
	late := &stormdesk.Ticket{Subject: loginPhrases[20%len(loginPhrases)], ReceivedAt: z.clock.Now(), Source: stormdesk.SourceHelpScout,
		ExternalID: "291999", ExternalCustomerID: "29499", CustomerEmail: "hs-late@example.com"}
	if _, err := d.IngestTicket(ctx, late); err != nil {
		t.Fatal(err)
	}
	if _, err := d.TriagePending(ctx); err != nil {
		t.Fatal(err)
	}
	if late, _ = d.Ticket(ctx, late.ID); late.IncidentID != inc.ID {
		t.Fatalf("the late report did not join: %+v", late)
	}
	convs = append(convs, late.ExternalID)
	customer[late.ExternalID], email[late.ExternalID] = late.ExternalCustomerID, late.CustomerEmail
	z.drain(t)
	if _, err := d.SetStatus(ctx, inc.ID, stormdesk.StatusResolved, "Logins work again.", "U1", "slack:U1"); err != nil {
		t.Fatal(err)
	}
	z.drain(t)
	z.clock.Advance(time.Hour)
	z.drain(t)

	type reply struct{ text, status string }
	replies := map[string][]reply{}
	var limitedAt time.Time
	for _, c := range z.hs.Calls() {
		switch c.Status {
		case 201:
			if c.Reply.Customer.ID.String() != customer[c.Conversation] || strings.Contains(c.Reply.Text, "nsubscribe") ||
				strings.Contains(c.Reply.Text, notify.UnsubscribeTag) {
				t.Errorf("reply %+v", c)
			}
			if !limitedAt.IsZero() && c.At.Before(limitedAt.Add(40*time.Second)) {
				t.Errorf("a reply at %v, before the rate limit of %v refreshed", c.At, limitedAt)
			}
			replies[c.Conversation] = append(replies[c.Conversation], reply{c.Reply.Text, c.Reply.Status})
		case 429:
			if !limitedAt.IsZero() {
				t.Errorf("rate limited twice")
			}
			limitedAt = c.At
		case 404:
			if c.Conversation != deleted {
				t.Errorf("404 for %s", c.Conversation)
			}
		default:
			t.Errorf("call %+v", c)
		}
		if c.Conversation == badCustomer {
			t.Errorf("a reply was sent to a customer id that is not Help Scout's: %+v", c)
		}
	}
	if limitedAt.IsZero() {
		t.Error("no reply was rate limited")
	}
	for _, conv := range convs {
		got := replies[conv]
		if conv == deleted || conv == badCustomer {
			if len(got) != 0 {
				t.Errorf("conversation %s got %q", conv, got)
			}
			continue
		}
		if len(got) != 2 || !strings.Contains(got[0].text, "We are aware of a problem") || got[0].status != helpscout.StatusActive ||
			!strings.Contains(got[1].text, "Logins work again.") || !strings.Contains(got[1].text, "Acme Support") || got[1].status != helpscout.StatusClosed {
			t.Errorf("conversation %s got %+v, want the acknowledgement (active) and the resolution (closed)", conv, got)
		}
	}
	texts := strings.Join(notificationTexts(t, d, inc.ID), "\n")
	for _, want := range []string{"Help Scout: could not reply in conversation " + deleted, "Conversation not found", "; emailed to " + email[deleted] + " instead",
		"Help Scout: could not reply in conversation " + badCustomer, `"cust-7" is not a Help Scout customer id`, "; emailed to " + email[badCustomer] + " instead"} {
		if !strings.Contains(texts, want) {
			t.Errorf("the timeline does not say %q: %s", want, texts)
		}
	}
	// Email: the API reporters each time; the customers of the two
	// conversations whose reply failed too (the acknowledgement as a
	// stand-in for it, the resolution directly); no other Help Scout
	// customer.
	got := z.emailed(t)
	want := append(append([]string(nil), apiEmails...), email[deleted], email[badCustomer])
	sort.Strings(want)
	for _, tmpl := range []string{"acknowledged", "resolved"} {
		if got[tmpl] != strings.Join(want, " ") {
			t.Errorf("%s email went to %q, want %q", tmpl, got[tmpl], strings.Join(want, " "))
		}
	}
}

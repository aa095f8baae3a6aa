package bot_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"stormdesk"
	"stormdesk/bot"
	"stormdesk/desk/desktest"
)

var (
	ana   = bot.Identity{Platform: bot.PlatformSlack, UserID: "UANA", Name: "Ana", ChannelID: "COPS"}
	eve   = bot.Identity{Platform: bot.PlatformSlack, UserID: "UEVE", Name: "Eve", ChannelID: "CRANDOM"}
	dora  = bot.Identity{Platform: bot.PlatformDiscord, UserID: "42", Name: "Dora", Roles: []string{"999", "7"}}
	quiet = slog.New(slog.NewTextHandler(io.Discard, nil))
)

func newCore(t *testing.T) (*bot.Core, *desktest.Desk) {
	t.Helper()
	d := desktest.New(t)
	p := bot.Policy{SlackUsers: []string{"UANA"}, SlackUserGroups: []string{"SOPS"}, SlackChannels: []string{"CINC"},
		DiscordRoles: []string{"7"}}
	c := bot.NewCore(d, p, quiet)
	c.Now = func() time.Time { return d.Now }
	return c, d
}

func text(r bot.Reply) string {
	return r.Title + "\n" + strings.Join(r.Lines, "\n") + "\n" + r.Pre + fmt.Sprint(r.Fields)
}

func TestHelpAndUsage(t *testing.T) {
	c, _ := newCore(t)
	ctx := context.Background()
	r := c.Execute(ctx, eve, "help")
	for _, cmd := range []string{"list", "show", "declare", "ack", "status", "note", "merge", "link", "unlink", "cause", "notify", "timeline", "export", "publish", "component", "maintenance"} {
		if !strings.Contains(r.Pre, "/incident "+cmd) {
			t.Errorf("help does not mention %s", cmd)
		}
	}
	r = c.Execute(ctx, eve, "status 1 fixed")
	if r.Kind != bot.KindUsage || !strings.Contains(r.Pre, "/incident status ID") || strings.Contains(r.Pre, "/incident export") {
		t.Errorf("malformed status: want its own help, got %+v", r)
	}
	r = c.Execute(ctx, eve, "launch 1")
	if r.Kind != bot.KindUsage || !strings.Contains(r.Lines[0], `Unknown command "launch"`) || !strings.Contains(r.Pre, "/incident export") {
		t.Errorf("unknown command: want general help, got %+v", r)
	}
}

func TestAuthorisation(t *testing.T) {
	c, d := newCore(t)
	ctx := context.Background()
	before := d.Snapshot(t)
	for _, cmd := range []string{"declare X", "ack 1", "status 2 identified", "note 1 hi", "merge 1 2", "link 101 1", "unlink 100", "cause 1 auth0", "notify 1", "publish 2", "component login major", "maintenance login 2026-03-14T18:00Z 2h"} {
		r := c.Execute(ctx, eve, cmd)
		if r.Kind != bot.KindRefused || !strings.Contains(r.Lines[0], "not allowed") {
			t.Errorf("%s by an outsider: got %+v", cmd, r)
		}
	}
	if d.Snapshot(t) != before {
		t.Fatal("refused commands changed something")
	}
	for _, cmd := range []string{"list", "list all", "show 1", "timeline 1", "notify 1 --dry-run", "help"} {
		if r := c.Execute(ctx, eve, cmd); r.Kind != bot.KindOK {
			t.Errorf("read-only %s: got %+v", cmd, r)
		}
	}
	if d.Snapshot(t) != before {
		t.Fatal("read-only commands changed something")
	}
	// An export is open to everyone; it records when it was made.
	if r := c.Execute(ctx, eve, "export 1 csv"); r.Kind != bot.KindOK {
		t.Errorf("export by an outsider: got %+v", r)
	}
	if r := c.Act(ctx, eve, bot.ActionAck, "1"); r.Kind != bot.KindRefused {
		t.Errorf("button press by an outsider: %+v", r)
	}

	inChannel := eve
	inChannel.ChannelID = "CINC"
	inGroup := eve
	inGroup.MemberOf = func(_ context.Context, groups []string) (bool, error) { return groups[0] == "SOPS", nil }
	lookupFails := eve
	lookupFails.MemberOf = func(context.Context, []string) (bool, error) { return false, errors.New("slack down") }
	for _, tc := range []struct {
		name string
		id   bot.Identity
		ok   bool
	}{
		{"listed user", ana, true},
		{"allowed channel", inChannel, true},
		{"user group", inGroup, true},
		{"group lookup fails", lookupFails, false},
		{"discord role", dora, true},
		{"discord user without role", bot.Identity{Platform: bot.PlatformDiscord, UserID: "UANA"}, false},
		{"no user", bot.Identity{Platform: bot.PlatformSlack, ChannelID: "CINC"}, false},
	} {
		ok, _ := c.Policy().Allows(ctx, tc.id)
		if ok != tc.ok {
			t.Errorf("%s: allowed %v, want %v", tc.name, ok, tc.ok)
		}
	}
	if ok, _ := (bot.Policy{}).Allows(ctx, ana); ok {
		t.Error("an empty policy must allow no changes")
	}
}

func TestCommands(t *testing.T) {
	c, d := newCore(t)
	ctx := context.Background()
	for _, tc := range []struct {
		cmd    string
		want   string
		public bool
	}{
		{"list", "#2 [investigating, minor] Checkout slow (2 reports)\n#1 [triage, major] Login fails (12 reports)", false},
		{"show 1", "Incident #1: Login fails", false},
		{"declare Payments down critical", "Ana (slack:UANA) declared incident #3.", true},
		{"ack 1", "acknowledged incident #1", true},
		{"status 1 identified SSO certificate expired", "set incident #1 to identified. Customer update: SSO certificate expired", true},
		{"note 1 vendor called back", "vendor called back", true},
		{"cause 1 auth0", "likely cause of incident #1: auth0", true},
		{"link 101 1", "linked ticket 101 to incident #1", true},
		{"unlink 101", "unlinked ticket 101", true},
		{"merge 3 1", "merged incident #3 into #1", true},
		{"timeline 1", "status_change", false},
		{"notify 1 --dry-run", "Template update would go to 3 recipients", false},
		{"notify 1", "3 emails queued", true},
		{"publish 1", `published incident #1 on the status page as "Problems with Login".`, true},
		{"show 1", `Status page "Problems with Login" since`, false},
		{"component checkout partial", "set component checkout to partial outage on the status page, until `/incident component checkout auto`", true},
		{"component Checkout auto", "lifted the override of component checkout", true},
		{"maintenance Checkout 2026-03-14T18:00Z 2h Payment provider upgrade", "scheduled maintenance #1 of checkout from Mar 14 18:00 to Mar 14 20:00 UTC", true},
		{"maintenance cancel 1", "cancelled maintenance #1 (Scheduled maintenance: Checkout)", true},
	} {
		r := c.Execute(ctx, ana, tc.cmd)
		if r.Kind != bot.KindOK {
			t.Errorf("%s: %+v", tc.cmd, r)
			continue
		}
		if !strings.Contains(text(r), tc.want) {
			t.Errorf("%s: reply %q does not contain %q", tc.cmd, text(r), tc.want)
		}
		if r.Public != tc.public {
			t.Errorf("%s: public %v, want %v", tc.cmd, r.Public, tc.public)
		}
	}
	entries := d.Entries(t, 1)
	var actors []string
	for _, e := range entries {
		actors = append(actors, e.Actor)
	}
	if !strings.Contains(strings.Join(actors, ","), "Ana (slack:UANA)") {
		t.Errorf("timeline does not name the Slack user: %v", actors)
	}
	r := c.Execute(ctx, ana, "export 1 json")
	if r.File == nil || r.File.Name != "incident-1.json" || !strings.Contains(string(r.File.Data), "Login fails") {
		t.Errorf("export: %+v", r)
	}
}

func TestErrorsAreMappedNeverLeaked(t *testing.T) {
	c, d := newCore(t)
	ctx := context.Background()
	r := c.Execute(ctx, ana, "show 77")
	if r.Kind != bot.KindError || r.Code != stormdesk.ENOTFOUND || r.Lines[0] != "incident 77 not found" {
		t.Errorf("not found: %+v", r)
	}
	r = c.Execute(ctx, ana, "status 2 investigating")
	if r.Code != stormdesk.ECONFLICT || !strings.Contains(r.Lines[0], "already investigating") {
		t.Errorf("conflict: %+v", r)
	}
	d.FailReads(fmt.Errorf("store: pq: password authentication failed for user \"root\" at 10.0.0.7"))
	r = c.Execute(ctx, ana, "list")
	if r.Kind != bot.KindError || r.Code != stormdesk.EINTERNAL || strings.Contains(text(r), "10.0.0.7") || strings.Contains(text(r), "password") {
		t.Errorf("internal error leaked: %+v", r)
	}
}

// TestFailedCommandChangesNothing: every mutating command is one Desk
// call, so a failure (here injected in the one call) leaves everything
// as it was, and the reply says so without detail.
func TestFailedCommandChangesNothing(t *testing.T) {
	for _, tc := range []struct{ method, cmd string }{
		{"Declare", "declare Outage"},
		{"Acknowledge", "ack 1"},
		{"SetStatus", "status 1 resolved all good"},
		{"AddNote", "note 1 hi"},
		{"Merge", "merge 1 2"},
		{"LinkTicket", "link 101 1"},
		{"UnlinkTicket", "unlink 100"},
		{"SetCause", "cause 1 auth0"},
		{"Notify", "notify 1"},
		{"SetEmailPolicy", "email 1 update=approve"},
	} {
		c, d := newCore(t)
		before := d.Snapshot(t)
		d.FailWrites(errors.New("disk on fire"))
		r := c.Execute(context.Background(), ana, tc.cmd)
		if r.Kind != bot.KindError || r.Code != stormdesk.EINTERNAL || !strings.Contains(r.Lines[0], "Nothing was changed") {
			t.Errorf("%s: %+v", tc.cmd, r)
		}
		if d.Snapshot(t) != before {
			t.Errorf("%s: failed command changed something", tc.cmd)
		}
	}
}

func TestBulkNotifyNeedsASecondPerson(t *testing.T) {
	c, d := newCore(t)
	ctx := context.Background()
	d.SetAudience(t, 500)
	bob := bot.Identity{Platform: bot.PlatformSlack, UserID: "UBOB", Name: "Bob", ChannelID: "CINC"}

	r := c.Execute(ctx, ana, "notify 1 resolved")
	if !r.Public || len(r.Actions) != 2 || r.Actions[0].ID != bot.ActionApprove || !strings.Contains(r.Lines[0], "500 customers") {
		t.Fatalf("bulk send: want an approval request, got %+v", r)
	}
	if len(d.Sends(t)) != 0 {
		t.Fatal("sent before approval")
	}
	pid := r.Actions[0].Value
	if r := c.Act(ctx, ana, bot.ActionApprove, pid); r.Code != stormdesk.EFORBIDDEN || !strings.Contains(r.Lines[0], "second person") {
		t.Errorf("self-approval: %+v", r)
	}
	if r := c.Act(ctx, eve, bot.ActionApprove, pid); r.Kind != bot.KindRefused {
		t.Errorf("approval by an outsider: %+v", r)
	}
	if len(d.Sends(t)) != 0 {
		t.Fatal("sent without a valid approval")
	}
	r = c.Act(ctx, bob, bot.ActionApprove, pid)
	if r.Kind != bot.KindOK || !strings.Contains(r.Lines[0], "Bob (slack:UBOB) approved the resolved email requested by Ana (slack:UANA)") {
		t.Fatalf("approval: %+v", r)
	}
	want := []desktest.Send{{IncidentID: 1, Template: "resolved", RequestedBy: "Ana (slack:UANA)", DecidedBy: "Bob (slack:UBOB)", Recipients: 500}}
	if fmt.Sprint(d.Sends(t)) != fmt.Sprint(want) {
		t.Errorf("sends %v, want %v", d.Sends(t), want)
	}
	if r := c.Act(ctx, bob, bot.ActionApprove, pid); r.Code != stormdesk.ECONFLICT {
		t.Errorf("second press: %+v", r)
	}
	if len(d.Sends(t)) != 1 {
		t.Error("a second press sent again")
	}

	// Cancel; then the email can no longer be approved.
	r = c.Execute(ctx, ana, "notify 1")
	if r := c.Act(ctx, bob, bot.ActionCancelNotify, r.Actions[1].Value); r.Kind != bot.KindOK || !strings.Contains(r.Lines[0], "Nothing was sent") {
		t.Errorf("cancel: %+v", r)
	}
	if r := c.Act(ctx, bob, bot.ActionApprove, r.Actions[0].Value); r.Code != stormdesk.ECONFLICT {
		t.Errorf("approving a cancelled email: %+v", r)
	}
	if r := c.Act(ctx, bob, bot.ActionApprove, "inc1; DROP TABLE"); r.Code != stormdesk.EINVALID {
		t.Errorf("malformed button value: %+v", r)
	}
	if len(d.Sends(t)) != 1 {
		t.Error("a cancelled send went out")
	}
	// A small send goes at once.
	d.SetAudience(t, 3)
	if r := c.Execute(ctx, ana, "notify 1"); r.Kind != bot.KindOK || len(r.Actions) != 0 || !strings.Contains(r.Lines[0], "3 emails queued") {
		t.Errorf("small send: %+v", r)
	}
}

func TestEmailPolicyCommand(t *testing.T) {
	c, _ := newCore(t)
	ctx := context.Background()
	if r := c.Execute(ctx, eve, "email 1 update=off"); r.Kind != bot.KindRefused {
		t.Errorf("outsider changing the policy: %+v", r)
	}
	if r := c.Execute(ctx, eve, "email 1"); r.Kind != bot.KindOK || !strings.Contains(text(r), "Policy: acknowledged=auto update=auto resolved=auto.") {
		t.Errorf("anyone may read the policy: %+v", r)
	}
	r := c.Execute(ctx, ana, "email 1 update=approve resolved=off")
	if r.Kind != bot.KindOK || !strings.Contains(text(r), "In force: acknowledged=auto update=approve resolved=off.") {
		t.Errorf("set policy: %+v", r)
	}
	for _, bad := range []string{"email 1 update", "email 1 outage=auto", "email 1 update=sometimes", "email x"} {
		if r := c.Execute(ctx, ana, bad); r.Kind != bot.KindUsage {
			t.Errorf("%s: %+v", bad, r)
		}
	}
	c.Execute(ctx, ana, "notify 1")
	if r := c.Execute(ctx, ana, "email 1"); !strings.Contains(text(r), "acknowledged: queued: 0 sent, 0 failed, 3 waiting, 0 suppressed") {
		t.Errorf("deliveries: %s", text(r))
	}
}

func TestAlertActions(t *testing.T) {
	c, d := newCore(t)
	ctx := context.Background()
	inc, _ := d.Incident(ctx, 1)
	r := c.Alert(ctx, inc, "Cluster of 12 reports about login in 10 minutes")
	var ids []string
	for _, a := range r.Actions {
		ids = append(ids, a.ID)
	}
	if fmt.Sprint(ids) != fmt.Sprint([]string{bot.ActionAck, bot.ActionMerge, bot.ActionNotIncident}) {
		t.Fatalf("alert actions %v", ids)
	}
	if m := r.Actions[1]; len(m.Options) != 1 || m.Options[0].Value != "1:2" {
		t.Errorf("merge menu: %+v", m)
	}
	if r := c.Act(ctx, ana, bot.ActionMerge, r.Actions[1].Options[0].Value); r.Kind != bot.KindOK {
		t.Errorf("merge through the menu: %+v", r)
	}
	merged, _ := d.Incident(ctx, 1)
	if r := c.Alert(ctx, merged, ""); len(r.Actions) != 0 {
		t.Errorf("a merged incident's alert keeps buttons: %+v", r.Actions)
	}
	for _, v := range []string{"", "x", "-1", "1:", "1:1", "1:x"} {
		if r := c.Act(ctx, ana, bot.ActionMerge, v); r.Code != stormdesk.EINVALID {
			t.Errorf("merge value %q: %+v", v, r)
		}
	}
	if r := c.Act(ctx, ana, "nonsense", "1"); r.Code != stormdesk.EINVALID {
		t.Errorf("unknown action: %+v", r)
	}
	if r := c.Act(ctx, ana, bot.ActionNotIncident, "2"); r.Kind != bot.KindOK {
		t.Errorf("not an incident: %+v", r)
	}
	if r := c.Act(ctx, ana, bot.ActionNotIncident, "2"); r.Code != stormdesk.ECONFLICT {
		t.Errorf("not an incident on a resolved one: %+v", r)
	}
}

// TestMaintenanceApprovalRequest: a held maintenance email (no incident)
// is asked about with its message id and audience, and Approve and
// Cancel buttons that carry its id.
func TestMaintenanceApprovalRequest(t *testing.T) {
	c, _ := newCore(t)
	r := c.ApprovalRequest(nil, &stormdesk.OutboundMessage{MessageID: "maint3-started-e9", Template: "maintenance", Subject: "[Acme] Maintenance in progress: DB",
		Text: "The scheduled maintenance of Login has begun.", State: stormdesk.MessageHeld, Audience: 120})
	if r.Title != "Approval needed: notification about a maintenance" || !strings.Contains(r.Lines[0], "maint3-started-e9 would go to 120 subscribers") ||
		len(r.Actions) != 2 || r.Actions[0].Value != "maint3-started-e9" || !strings.Contains(r.Pre, "has begun") {
		t.Errorf("request: %+v", r)
	}
}

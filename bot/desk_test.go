package bot_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"stormdesk"
	"stormdesk/bot"
	"stormdesk/desk"
	"stormdesk/store/sqlite"
)

func openDesk(t *testing.T, opt desk.Options) *desk.Service {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "bot.db"), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return newDesk(t, st, opt)
}

func newDesk(t *testing.T, st stormdesk.Store, opt desk.Options) *desk.Service {
	t.Helper()
	d, err := desk.New(context.Background(), st, opt)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestEndToEndWithTheRealDesk(t *testing.T) {
	svc := openDesk(t, desk.Options{})
	c := bot.NewCore(svc, bot.Policy{SlackUsers: []string{"UANA"}}, quiet)
	ctx := context.Background()
	for _, tc := range []struct{ cmd, want string }{
		{"declare Login fails for SSO users major", "declared incident #1"},
		{"status 1 identified The identity provider is down", "set incident #1 to identified"},
		{"note 1 Vendor confirmed", "Vendor confirmed"},
		{"list", "#1 [identified, major] Login fails for SSO users"},
		{"timeline 1", "Ana (slack:UANA): Status changed from investigating to identified: The identity provider is down"},
		{"export 1 md", "incident-1.md"},
	} {
		r := c.Execute(ctx, ana, tc.cmd)
		if r.Kind != bot.KindOK || !strings.Contains(text(r), tc.want) {
			t.Errorf("%s: %q does not contain %q (%+v)", tc.cmd, text(r), tc.want, r)
		}
	}
	r := c.Execute(ctx, ana, "export 1 html")
	if r.File == nil || !strings.Contains(string(r.File.Data), "<svg") {
		t.Errorf("html export: %+v", r.File)
	}
	if r := c.Execute(ctx, ana, "status 1 triage"); r.Kind != bot.KindUsage {
		t.Errorf("status triage: %+v", r)
	}
	if r := c.Execute(ctx, ana, "status 1 identified"); r.Code != stormdesk.ECONFLICT {
		t.Errorf("same status: %+v", r)
	}
}

// failingTimeline makes every transaction fail when it appends to a
// timeline: the status change written before it in the same transaction
// must be rolled back.
type failingTimeline struct{ stormdesk.Store }

type failingTx struct{ stormdesk.Tx }

func (s failingTimeline) Update(ctx context.Context, fn func(stormdesk.Tx) error) error {
	return s.Store.Update(ctx, func(tx stormdesk.Tx) error { return fn(failingTx{tx}) })
}

func (failingTx) AppendTimeline(context.Context, *stormdesk.TimelineEntry) error {
	return errors.New("disk on fire")
}

func TestCommandFailingHalfwayLeavesNoPartialChange(t *testing.T) {
	svc := openDesk(t, desk.Options{})
	c := bot.NewCore(svc, bot.Policy{SlackUsers: []string{"UANA"}}, quiet)
	ctx := context.Background()
	if r := c.Execute(ctx, ana, "declare Checkout slow"); r.Kind != bot.KindOK {
		t.Fatal(r)
	}
	before, _ := svc.Timeline(ctx, 1)

	failing := bot.NewCore(newDesk(t, failingTimeline{svc.Store}, desk.Options{}), bot.Policy{SlackUsers: []string{"UANA"}}, quiet)
	r := failing.Execute(ctx, ana, "status 1 resolved all fixed")
	if r.Kind != bot.KindError || r.Code != stormdesk.EINTERNAL || strings.Contains(text(r), "disk on fire") {
		t.Fatalf("reply: %+v", r)
	}
	inc, err := svc.Incident(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if inc.Status != stormdesk.StatusInvestigating || inc.ResolvedAt != nil {
		t.Errorf("status changed although its timeline entry failed: %s", inc.Status)
	}
	after, _ := svc.Timeline(ctx, 1)
	if len(after) != len(before) {
		t.Errorf("timeline grew from %d to %d entries", len(before), len(after))
	}
}

// TestApprovalWithTheRealDesk runs notify, a refused self-approval, an
// approval and a second press against the real desk.
func TestApprovalWithTheRealDesk(t *testing.T) {
	svc := openDesk(t, desk.Options{Email: &desk.Email{ApprovalThreshold: 1, Placeholder: "UNSUB"}})
	c := bot.NewCore(svc, bot.Policy{SlackUsers: []string{"UANA", "UBOB"}}, quiet)
	ctx := context.Background()
	bob := bot.Identity{Platform: bot.PlatformSlack, UserID: "UBOB", Name: "Bob"}
	inc, _ := svc.Declare(ctx, "Login fails", stormdesk.SeverityMajor, "U1")
	err := svc.Store.Update(ctx, func(tx stormdesk.Tx) error {
		var tks []*stormdesk.Ticket
		for i, e := range []string{"ana@example.com", "bob@example.com"} {
			tks = append(tks, &stormdesk.Ticket{Source: "api", ExternalID: string(rune('a' + i)), Subject: "login", CustomerEmail: e,
				ReceivedAt: time.Now(), CreatedAt: time.Now(), IncidentID: inc.ID})
		}
		_, err := tx.CreateTickets(ctx, tks)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	r := c.Execute(ctx, ana, "notify 1 acknowledged")
	if len(r.Actions) != 2 || r.Actions[0].ID != bot.ActionApprove {
		t.Fatalf("want an approval request: %+v", r)
	}
	mid := r.Actions[0].Value
	if r := c.Act(ctx, ana, bot.ActionApprove, mid); r.Code != stormdesk.EFORBIDDEN {
		t.Errorf("self-approval: %+v", r)
	}
	if r := c.Act(ctx, bob, bot.ActionApprove, mid); r.Kind != bot.KindOK || !strings.Contains(text(r), "2 emails queued") {
		t.Errorf("approval: %+v", r)
	}
	if r := c.Act(ctx, bob, bot.ActionApprove, mid); r.Code != stormdesk.ECONFLICT || !strings.Contains(text(r), "approved by Bob") {
		t.Errorf("second press: %+v", r)
	}
	if r := c.Execute(ctx, ana, "email 1"); !strings.Contains(text(r), "acknowledged: queued: 0 sent, 0 failed, 2 waiting, 0 suppressed") {
		t.Errorf("email status: %s", text(r))
	}
}

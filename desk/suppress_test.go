package desk_test

import (
	"context"
	"strings"
	"testing"

	"stormdesk"
	"stormdesk/desk"
)

// TestSuppressionIsRecorded: an address SendGrid bounced gets no more
// email, and the incident whose email bounced says so on its timeline;
// an unsubscribe (no email named) suppresses without an entry.
func TestSuppressionIsRecorded(t *testing.T) {
	ctx := context.Background()
	s := sqliteStore(t)
	d, inc, _ := emailDesk(t, s, &desk.Email{ApprovalThreshold: -1})
	r, err := d.Notify(ctx, inc.ID, "acknowledged", "Ana (slack:U1)", "slack:U1")
	if err != nil || r.Queued != 3 {
		t.Fatalf("notify: %+v %v", r, err)
	}
	if err := d.Suppress(ctx, "bob@example.com", "bounce", r.Message.MessageID); err != nil {
		t.Fatal(err)
	}
	if err := d.Suppress(ctx, "cy@example.com", "unsubscribe", ""); err != nil {
		t.Fatal(err)
	}
	texts := notificationTexts(t, d, inc.ID)
	if last := texts[len(texts)-1]; !strings.Contains(last, "bob@example.com gets no more incident email (bounce, after the acknowledged email)") {
		t.Errorf("timeline: %q", texts)
	}
	if strings.Contains(strings.Join(texts, "\n"), "cy@example.com") {
		t.Errorf("an unsubscribe without an email named an incident: %q", texts)
	}
	p, err := d.PreviewNotification(ctx, inc.ID, "acknowledged")
	if err != nil || p.Recipients != 1 {
		t.Errorf("audience after two suppressions: %d, want 1 (%v)", p.Recipients, err)
	}
	if err := d.Suppress(ctx, "dee@example.com", "bounce", "no-such-message"); err != nil || stormdesk.ErrorCode(err) != "" {
		t.Errorf("an unknown email's bounce: %v", err)
	}
}

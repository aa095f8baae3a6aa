package desk_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"stormdesk"
	"stormdesk/desk"
	"stormdesk/notify"
	"stormdesk/store/postgres"
	"stormdesk/store/postgres/pgtest"
	"stormdesk/store/sqlite"
	"stormdesk/store/sqlstore"
)

// askRecorder is an alerter that records approval requests.
type askRecorder struct {
	noPoster
	mu   sync.Mutex
	asks []string
	got  chan struct{}
}

func (a *askRecorder) AskApproval(_ context.Context, inc *stormdesk.Incident, m *stormdesk.OutboundMessage) error {
	a.mu.Lock()
	a.asks = append(a.asks, fmt.Sprintf("#%d %s %s audience=%d", inc.ID, m.Template, m.State, m.Audience))
	a.mu.Unlock()
	a.got <- struct{}{}
	return nil
}

// sqliteStore opens an embedded store in the test's directory, closed
// when the test ends.
func sqliteStore(t *testing.T) *sqlstore.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "s.db"), t0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// emailDesk opens a desk on store s with three reporters on one incident.
func emailDesk(t *testing.T, s stormdesk.Store, e *desk.Email, opts ...func(*desk.Options)) (*desk.Service, *stormdesk.Incident, *time.Time) {
	t.Helper()
	ctx := context.Background()
	now := t0
	e.Placeholder = notify.UnsubscribeTag
	d := openDesk(t, s, desk.Options{Now: func() time.Time { return now }, Email: e}, opts...)
	inc, err := d.Declare(ctx, "Can't log in", stormdesk.SeverityMajor, "U1")
	if err != nil {
		t.Fatal(err)
	}
	err = s.Update(ctx, func(tx stormdesk.Tx) error {
		var tks []*stormdesk.Ticket
		for i, e := range []string{"ana@example.com", "bob@example.com", "cy@example.com"} {
			tks = append(tks, &stormdesk.Ticket{Source: "api", ExternalID: fmt.Sprint(i), Subject: "login", CustomerEmail: e,
				ReceivedAt: t0, CreatedAt: t0, IncidentID: inc.ID})
		}
		_, err := tx.CreateTickets(ctx, tks)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return d, inc, &now
}

// notificationTexts returns the texts of the incident's notification
// timeline entries, in order.
func notificationTexts(t *testing.T, d *desk.Service, id int64) []string {
	t.Helper()
	es, err := d.Timeline(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		if e.Kind == stormdesk.KindNotification {
			out = append(out, e.Text)
		}
	}
	return out
}

func outboxCount(t *testing.T, d *desk.Service, id int64) (messages []string, rows int) {
	t.Helper()
	ms, err := d.Messages(context.Background(), id, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		messages = append(messages, m.Template+"/"+m.State)
		rows += m.Pending + m.Sent + m.Failed + m.Suppressed
	}
	return messages, rows
}

// TestLargeAutomaticEmailWaitsForApproval: an automatic email to more
// customers than the threshold is held, the ops channel is asked, nothing
// is queued until a person approves, and a second approval sends nothing
// more.
func TestLargeAutomaticEmailWaitsForApproval(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s := sqliteStore(t)
	rec := &askRecorder{got: make(chan struct{}, 4)}
	d, inc, _ := emailDesk(t, s, &desk.Email{Auto: map[string]bool{"acknowledged": true}, ApprovalThreshold: 2}, withChat(t, s, rec))

	if _, err := d.Acknowledge(ctx, inc.ID, "Ana (slack:U1)", "slack:U1"); err != nil {
		t.Fatal(err)
	}
	select {
	case <-rec.got:
	case <-time.After(5 * time.Second):
		t.Fatal("the ops channel was not asked to approve")
	}
	if got := strings.Join(rec.asks, ","); got != fmt.Sprintf("#%d acknowledged held audience=3", inc.ID) {
		t.Errorf("approval request: %s", got)
	}
	ms, rows := outboxCount(t, d, inc.ID)
	if strings.Join(ms, ",") != "acknowledged/held" || rows != 0 {
		t.Fatalf("before approval: messages %v, %d rows queued", ms, rows)
	}
	list, _ := d.Messages(ctx, inc.ID, time.Time{})
	id := list[0].MessageID
	r, err := d.ApproveNotification(ctx, id, "Bob (slack:U2)", "slack:U2")
	if err != nil || r.Queued != 3 || r.Held() {
		t.Fatalf("approve: %+v %v", r, err)
	}
	_, err = d.ApproveNotification(ctx, id, "Cy (slack:U3)", "slack:U3")
	if stormdesk.ErrorCode(err) != stormdesk.ECONFLICT || !strings.Contains(stormdesk.ErrorMessage(err), "approved by Bob") {
		t.Errorf("second approval: %v", err)
	}
	if ms, rows := outboxCount(t, d, inc.ID); strings.Join(ms, ",") != "acknowledged/queued" || rows != 3 {
		t.Errorf("after approval: %v, %d rows", ms, rows)
	}
	notes := notificationTexts(t, d, inc.ID)
	want := "acknowledged email to 3 customers waits for approval (more than 2 recipients)|" +
		"acknowledged email approved by Bob (slack:U2): queued for 3 customers (requested by Ana (slack:U1))"
	if strings.Join(notes, "|") != want {
		t.Errorf("timeline:\n%s\nwant\n%s", strings.Join(notes, "|"), want)
	}
}

// TestAutomaticEmailNeedsASecondPerson: the person whose status change
// or acknowledgement queued an automatic email that waits for approval is
// its requester and cannot approve it; a second person can (issue 14,
// item 6).
func TestAutomaticEmailNeedsASecondPerson(t *testing.T) {
	ctx := context.Background()
	s := sqliteStore(t)
	d, inc, _ := emailDesk(t, s, &desk.Email{Auto: map[string]bool{"acknowledged": true}, Approve: map[string]bool{"update": true}, ApprovalThreshold: 2})
	// The acknowledged email is held by the threshold, the update by the
	// policy: both were caused by Ana.
	if _, err := d.Acknowledge(ctx, inc.ID, "Ana (slack:U1)", "slack:U1"); err != nil {
		t.Fatal(err)
	}
	if _, err := d.SetStatus(ctx, inc.ID, stormdesk.StatusIdentified, "Our login provider has an outage.", "Ana (slack:U1)", "slack:U1"); err != nil {
		t.Fatal(err)
	}
	list, err := d.Messages(ctx, inc.ID, time.Time{})
	if err != nil || len(list) != 2 {
		t.Fatalf("messages: %+v %v", list, err)
	}
	for _, m := range list {
		if m.State != stormdesk.MessageHeld || m.RequestedBy != "Ana (slack:U1)" {
			t.Errorf("%s email: state %s, requested by %q; want held, requested by Ana", m.Template, m.State, m.RequestedBy)
		}
		_, err := d.ApproveNotification(ctx, m.MessageID, "Ana (slack:U1)", "slack:U1")
		if stormdesk.ErrorCode(err) != stormdesk.EFORBIDDEN {
			t.Errorf("Ana approved the %s email her own change queued: %v", m.Template, err)
		}
	}
	if _, rows := outboxCount(t, d, inc.ID); rows != 0 {
		t.Fatalf("%d rows queued by a self-approval", rows)
	}
	for _, m := range list {
		if r, err := d.ApproveNotification(ctx, m.MessageID, "Bob (slack:U2)", "slack:U2"); err != nil || r.Queued != 3 {
			t.Errorf("Bob approves the %s email: %+v %v", m.Template, r, err)
		}
	}
}

// TestManualEmailNeedsASecondPerson: a manual send above the threshold
// waits; its requester cannot approve it; a cancelled or expired email
// can no longer be approved; nothing is queued by any of that.
func TestManualEmailNeedsASecondPerson(t *testing.T) {
	ctx := context.Background()
	s := sqliteStore(t)
	d, inc, now := emailDesk(t, s, &desk.Email{ApprovalThreshold: 2})
	r, err := d.Notify(ctx, inc.ID, "acknowledged", "Ana (slack:U1)", "slack:U1")
	if err != nil || !r.Held() || r.Audience != 3 || r.Queued != 0 {
		t.Fatalf("notify: %+v %v", r, err)
	}
	if _, err := d.ApproveNotification(ctx, r.Message.MessageID, "Ana again", "slack:U1"); stormdesk.ErrorCode(err) != stormdesk.EFORBIDDEN {
		t.Errorf("self-approval: %v", err)
	}
	if _, err := d.CancelNotification(ctx, r.Message.MessageID, "Bob"); err != nil {
		t.Fatal(err)
	}
	if _, err := d.ApproveNotification(ctx, r.Message.MessageID, "Cy", "slack:U3"); stormdesk.ErrorCode(err) != stormdesk.ECONFLICT ||
		!strings.Contains(stormdesk.ErrorMessage(err), "cancelled by Bob") {
		t.Errorf("approving a cancelled email: %v", err)
	}
	if _, err := d.ApproveNotification(ctx, "inc1-update-e999", "Cy", "slack:U3"); stormdesk.ErrorCode(err) != stormdesk.ENOTFOUND {
		t.Errorf("approving an unknown email: %v", err)
	}

	r, err = d.Notify(ctx, inc.ID, "acknowledged", "Ana (slack:U1)", "slack:U1")
	if err != nil || !r.Held() {
		t.Fatal(r, err)
	}
	*now = now.Add(desk.ApprovalTTL + time.Minute)
	if _, err := d.ApproveNotification(ctx, r.Message.MessageID, "Cy", "slack:U3"); stormdesk.ErrorCode(err) != stormdesk.ECONFLICT ||
		!strings.Contains(stormdesk.ErrorMessage(err), "expired") {
		t.Errorf("approving an expired email: %v", err)
	}
	if ms, rows := outboxCount(t, d, inc.ID); strings.Join(ms, ",") != "acknowledged/cancelled,acknowledged/cancelled" || rows != 0 {
		t.Errorf("messages %v, %d rows queued", ms, rows)
	}
	// Under the threshold a manual send goes at once.
	d = openDesk(t, s, desk.Options{Now: d.Now, Email: &desk.Email{ApprovalThreshold: 3, Placeholder: notify.UnsubscribeTag}})
	if r, err := d.Notify(ctx, inc.ID, "acknowledged", "Ana (slack:U1)", "slack:U1"); err != nil || r.Held() || r.Queued != 3 {
		t.Errorf("small send: %+v %v", r, err)
	}
}

// TestIncidentEmailPolicy: one incident's policy overrides the service's:
// off sends nothing, approve holds even a small email.
func TestIncidentEmailPolicy(t *testing.T) {
	ctx := context.Background()
	s := sqliteStore(t)
	d, inc, _ := emailDesk(t, s, &desk.Email{Auto: map[string]bool{"acknowledged": true, "update": true, "resolved": true}, ApprovalThreshold: -1})
	if _, err := d.SetEmailPolicy(ctx, inc.ID, stormdesk.EmailPolicy{}, "U1"); stormdesk.ErrorCode(err) != stormdesk.EINVALID {
		t.Errorf("empty policy: %v", err)
	}
	got, err := d.SetEmailPolicy(ctx, inc.ID, stormdesk.EmailPolicy{"update": stormdesk.EmailOff, "resolved": stormdesk.EmailApprove}, "U1")
	if err != nil {
		t.Fatal(err)
	}
	if p := got.String(); p != "acknowledged=auto update=off resolved=approve" {
		t.Errorf("policy in force: %s", p)
	}
	if _, err := d.Acknowledge(ctx, inc.ID, "U1", "slack:U1"); err != nil {
		t.Fatal(err)
	}
	if _, err := d.SetStatus(ctx, inc.ID, stormdesk.StatusIdentified, "We found it.", "U1", "slack:U1"); err != nil {
		t.Fatal(err)
	}
	if _, err := d.SetStatus(ctx, inc.ID, stormdesk.StatusResolved, "Fixed.", "U1", "slack:U1"); err != nil {
		t.Fatal(err)
	}
	if ms, rows := outboxCount(t, d, inc.ID); strings.Join(ms, ",") != "acknowledged/queued,resolved/held" || rows != 3 {
		t.Errorf("messages %v, %d rows", ms, rows)
	}
	// Another incident keeps the service's policy.
	other, _ := d.Declare(ctx, "Billing", stormdesk.SeverityMinor, "U1")
	if p := d.Policy(other).String(); p != "acknowledged=auto update=auto resolved=auto" {
		t.Errorf("other incident's policy: %s", p)
	}
}

// TestConcurrentApprovalsSendOnceOnPostgres: two people press Approve at
// the same moment on two replicas; exactly one approval wins and every
// recipient is queued once.
func TestConcurrentApprovalsSendOnceOnPostgres(t *testing.T) {
	ctx := context.Background()
	s, err := postgres.Open(ctx, pgtest.URL(t), t0)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d, inc, _ := emailDesk(t, s, &desk.Email{ApprovalThreshold: 1})
	for round := range 10 {
		r, err := d.Notify(ctx, inc.ID, "acknowledged", "Ana", "slack:U1")
		if err != nil || !r.Held() {
			t.Fatal(r, err)
		}
		var wg sync.WaitGroup
		errs := make([]error, 8)
		for i := range errs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, errs[i] = d.ApproveNotification(ctx, r.Message.MessageID, fmt.Sprint("U", i+2), fmt.Sprint("slack:U", i+2))
			}()
		}
		wg.Wait()
		wins := 0
		for _, err := range errs {
			switch {
			case err == nil:
				wins++
			case stormdesk.ErrorCode(err) != stormdesk.ECONFLICT:
				t.Fatalf("round %d: %v", round, err)
			}
		}
		if wins != 1 {
			t.Fatalf("round %d: %d approvals won", round, wins)
		}
	}
	if _, rows := outboxCount(t, d, inc.ID); rows != 30 {
		t.Errorf("%d rows queued, want 3 per email", rows)
	}
}

// TestManualUpdateCarriesTheLatestUpdate: a manual notify of an
// acknowledged incident defaults to the update email, which carries the
// latest customer-facing update; with none yet, the error says what to do.
func TestManualUpdateCarriesTheLatestUpdate(t *testing.T) {
	ctx := context.Background()
	s := sqliteStore(t)
	d, inc, _ := emailDesk(t, s, &desk.Email{ApprovalThreshold: -1})
	if _, err := d.Acknowledge(ctx, inc.ID, "U1", "slack:U1"); err != nil {
		t.Fatal(err)
	}
	if _, err := d.PreviewNotification(ctx, inc.ID, ""); stormdesk.ErrorCode(err) != stormdesk.EINVALID ||
		!strings.Contains(stormdesk.ErrorMessage(err), "no customer update to send yet") {
		t.Errorf("preview without an update: %v", err)
	}
	if _, err := d.SetStatus(ctx, inc.ID, stormdesk.StatusIdentified, "The identity provider is failing; we are working with them.", "U1", "slack:U1"); err != nil {
		t.Fatal(err)
	}
	p, err := d.PreviewNotification(ctx, inc.ID, "")
	if err != nil || p.Template != "update" || !strings.Contains(p.Sample, "working with them") {
		t.Fatalf("preview: %+v %v", p, err)
	}
	if r, err := d.Notify(ctx, inc.ID, "", "U1", "slack:U1"); err != nil || r.Queued != 3 || !strings.Contains(r.Message.Text, "working with them") {
		t.Errorf("notify: %+v %v", r, err)
	}
	if _, err := d.PreviewNotification(ctx, inc.ID, "apology"); stormdesk.ErrorCode(err) != stormdesk.EINVALID || !strings.Contains(stormdesk.ErrorMessage(err), "not one of") {
		t.Errorf("unknown template: %v", err)
	}
}

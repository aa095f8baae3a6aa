package httpserver_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"stormdesk"
	"stormdesk/desk"
)

// TestOperationsAPI walks an incident through the write API: declare,
// acknowledge (its automatic email is held above the approval threshold),
// approve the email as someone else, status update, note, a manual
// email that is cancelled, and a merge; the timeline records every step
// with its actor, and bad bodies are refused naming what is wrong.
func TestOperationsAPI(t *testing.T) {
	s := sqliteStore(t)
	ts, d := newServerDesk(t, s, token, &desk.Email{Auto: map[string]bool{"acknowledged": true}, ApprovalThreshold: 1, Placeholder: "UNSUB"})
	ctx := context.Background()
	const js = "application/json"

	status, out := do(t, ts, "POST", "/api/v1/incidents", js, []byte(`{"title":"Login failures","severity":"sev2","actor":"ana"}`))
	if status != 201 || out["severity"] != "major" || out["status"] != "investigating" {
		t.Fatalf("declare: %d %v", status, out)
	}
	if f, ok := out["features"].([]any); !ok || len(f) != 0 {
		t.Errorf("declare: features %#v, want [] as every later read gives", out["features"])
	}
	id := int64(out["id"].(float64))
	base := fmt.Sprintf("/api/v1/incidents/%d", id)
	err := s.Update(ctx, func(tx stormdesk.Tx) error {
		var tks []*stormdesk.Ticket
		for i, e := range []string{"c1@example.com", "c2@example.com", "c3@example.com"} {
			tks = append(tks, &stormdesk.Ticket{Source: "api", ExternalID: fmt.Sprint(i), Subject: "can't log in", CustomerEmail: e,
				ReceivedAt: time.Now(), CreatedAt: time.Now(), IncidentID: id})
		}
		_, err := tx.CreateTickets(ctx, tks)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}

	if status, out = do(t, ts, "POST", base+"/acknowledge", js, []byte(`{"actor":"ana"}`)); status != 200 || out["acknowledged_at"] == nil {
		t.Fatalf("acknowledge: %d %v", status, out)
	}
	_, out = do(t, ts, "GET", base+"/emails", "", nil)
	emails, _ := out["emails"].([]any)
	if len(emails) != 1 || emails[0].(map[string]any)["state"] != "held" {
		t.Fatalf("the acknowledged email to 3 customers should be held (threshold 1): %v", out)
	}
	mid := emails[0].(map[string]any)["message_id"].(string)
	if status, out = do(t, ts, "POST", "/api/v1/emails/"+mid+"/approve", js, []byte(`{"actor":"bob"}`)); status != 200 || out["queued"] != 3.0 || out["held"] != false {
		t.Fatalf("approve: %d %v", status, out)
	}
	if status, out = do(t, ts, "POST", "/api/v1/emails/"+mid+"/approve", js, []byte(`{"actor":"bob"}`)); status != 409 {
		t.Errorf("approving twice: %d %v, want 409", status, out)
	}

	if status, out = do(t, ts, "POST", base+"/status", js, []byte(`{"status":"identified","message":"Our login provider is down.","actor":"ana"}`)); status != 200 || out["status"] != "identified" {
		t.Fatalf("status: %d %v", status, out)
	}
	if status, out = do(t, ts, "POST", base+"/notes", js, []byte(`{"text":"Provider status page confirms","actor":"bob"}`)); status != 201 || out["kind"] != "note" {
		t.Fatalf("note: %d %v", status, out)
	}
	// A manual email asked for by ana is held; ana cannot approve it, bob cancels it.
	status, out = do(t, ts, "POST", base+"/emails", js, []byte(`{"template":"update","actor":"ana"}`))
	em, _ := out["email"].(map[string]any)
	if status != 202 || out["held"] != true || em["state"] != "held" || em["audience"] != 3.0 {
		t.Fatalf("manual email: %d %v", status, out)
	}
	upd := em["message_id"].(string)
	if status, out = do(t, ts, "POST", "/api/v1/emails/"+upd+"/approve", js, []byte(`{"actor":"ana"}`)); status != 403 {
		t.Errorf("requester approving her own email: %d %v, want 403", status, out)
	}
	if status, out = do(t, ts, "POST", "/api/v1/emails/"+upd+"/cancel", js, []byte(`{"actor":"bob"}`)); status != 200 || out["email"].(map[string]any)["state"] != "cancelled" {
		t.Errorf("cancel: %d %v", status, out)
	}

	status, out = do(t, ts, "POST", "/api/v1/incidents", js, []byte(`{"title":"Cannot sign in","actor":"bob"}`))
	if status != 201 {
		t.Fatalf("second incident: %d %v", status, out)
	}
	dup := int64(out["id"].(float64))
	if status, out = do(t, ts, "POST", fmt.Sprintf("/api/v1/incidents/%d/merge", dup), js, []byte(fmt.Sprintf(`{"into":%d,"actor":"bob"}`, id))); status != 200 || int64(out["id"].(float64)) != id {
		t.Errorf("merge: %d %v", status, out)
	}

	entries, err := d.Timeline(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, string(e.Kind)+"/"+e.Actor)
	}
	joined := strings.Join(got, " ")
	for _, want := range []string{"declared/ana", "acknowledged/ana", "status_change/ana", "note/bob"} {
		if !strings.Contains(joined, want) {
			t.Errorf("timeline lacks %s: %s", want, joined)
		}
	}

	for _, c := range []struct{ method, path, ctype, body, want string }{
		{"POST", "/api/v1/incidents", js, `{"title":"x"}`, "actor: required"},
		{"POST", "/api/v1/incidents", js, `{"title":"x","severity":"sev9","actor":"a"}`, `severity: "sev9" is not one of`},
		{"POST", "/api/v1/incidents", js, `{"title":"x","actor":"a","owner":"z"}`, "owner: unknown field (known: title, severity, actor)"},
		{"POST", "/api/v1/incidents", js, `{"title":"x","actor":"a"} {}`, "request body: unexpected data after the JSON value"},
		{"POST", "/api/v1/incidents", js, `{"title":5,"actor":"a"}`, "title: want string"},
		{"POST", "/api/v1/incidents", js, ``, "request body: empty"},
		{"POST", "/api/v1/incidents", js, `{"title":"x",`, "request body: truncated JSON at byte 13"},
		{"POST", base + "/status", js, `{"status":"fixed","actor":"a"}`, `status: "fixed"`},
		{"POST", base + "/notes", js, `{"text":"  ","actor":"a"}`, "note: text required"},
		{"POST", base + "/merge", js, `{"actor":"a"}`, "into: required"},
		{"POST", base + "/emails", js, `{"actor":"a"}`, "template: required"},
		{"POST", base + "/emails", js, `{"template":"apology","actor":"a"}`, "template"},
		{"POST", "/api/v1/incidents/x/acknowledge", js, `{"actor":"a"}`, "id"},
	} {
		status, out := do(t, ts, c.method, c.path, c.ctype, []byte(c.body))
		if _, msg := errMsg(out); status != 400 || !strings.Contains(msg, c.want) {
			t.Errorf("%s %s %s: %d %q, want 400 containing %q", c.method, c.path, c.body, status, msg, c.want)
		}
	}
	if status, out := do(t, ts, "POST", "/api/v1/incidents", "text/plain", []byte(`{"title":"x","actor":"a"}`)); status != 415 {
		t.Errorf("text/plain body: %d %v, want 415", status, out)
	}
	if status, out := do(t, ts, "POST", "/api/v1/incidents/99999/acknowledge", js, []byte(`{"actor":"a"}`)); status != 404 {
		t.Errorf("missing incident: %d %v, want 404", status, out)
	}
	if status, out := do(t, ts, "POST", "/api/v1/emails/nope/approve", js, []byte(`{"actor":"a"}`)); status != 404 {
		t.Errorf("missing email: %d %v, want 404", status, out)
	}
	big := `{"title":"` + strings.Repeat("x", 70<<10) + `","actor":"a"}`
	if status, out := do(t, ts, "POST", "/api/v1/incidents", js, []byte(big)); status != 413 {
		t.Errorf("70 KiB body: %d %v, want 413", status, out)
	}
}

// TestEmailNotConfigured: asking for an email when SendGrid is not
// configured is a 409 that says which settings are missing, not a 503
// that invites retries.
func TestEmailNotConfigured(t *testing.T) {
	ts, _ := newServerDesk(t, sqliteStore(t), token)
	status, out := do(t, ts, "POST", "/api/v1/incidents", "application/json", []byte(`{"title":"Login failures","actor":"ana"}`))
	if status != 201 {
		t.Fatalf("declare: %d %v", status, out)
	}
	path := fmt.Sprintf("/api/v1/incidents/%d/emails", int64(out["id"].(float64)))
	status, out = do(t, ts, "POST", path, "application/json", []byte(`{"template":"update","actor":"ana"}`))
	if code, msg := errMsg(out); status != 409 || code != "conflict" || !strings.Contains(msg, "STORMDESK_SENDGRID_API_KEY") {
		t.Errorf("email without SendGrid: %d %s %q", status, code, msg)
	}
}

// TestIncidentTicketsSayWhy lists an incident's tickets with the reason
// each joined, and the reasons counted; a bad page is refused naming the
// parameter.
func TestIncidentTicketsSayWhy(t *testing.T) {
	s := sqliteStore(t)
	ts, d := newServerDesk(t, s, token)
	ctx := context.Background()
	inc, err := d.Declare(ctx, "Login failures", stormdesk.SeverityMajor, "ana")
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for i := 0; i < 3; i++ {
		tk := &stormdesk.Ticket{Subject: "can't log in", CustomerEmail: fmt.Sprintf("c%d@example.com", i)}
		if _, err := d.IngestTicket(ctx, tk); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, tk.ID)
	}
	for _, id := range ids[:2] {
		if err := d.LinkTicket(ctx, id, inc.ID, "ana"); err != nil {
			t.Fatal(err)
		}
	}
	status, out := do(t, ts, "GET", fmt.Sprintf("/api/v1/incidents/%d/tickets", inc.ID), "", nil)
	tickets, _ := out["tickets"].([]any)
	reasons, _ := out["reasons"].([]any)
	if status != 200 || len(tickets) != 2 || len(reasons) != 1 {
		t.Fatalf("%d %v", status, out)
	}
	if r := tickets[0].(map[string]any); r["join_reason"] != "linked by ana" || r["joined_at"] == nil {
		t.Errorf("ticket: %v", r)
	}
	if r := reasons[0].(map[string]any); r["reason"] != "linked by ana" || r["tickets"] != 2.0 {
		t.Errorf("reasons: %v", r)
	}
	if status, out = do(t, ts, "GET", fmt.Sprintf("/api/v1/incidents/%d/tickets?limit=0", inc.ID), "", nil); status != 400 || !strings.Contains(fmt.Sprint(out), "limit") {
		t.Errorf("limit 0: %d %v", status, out)
	}
	if status, _ = do(t, ts, "GET", "/api/v1/incidents/999/tickets", "", nil); status != 404 {
		t.Errorf("no such incident: %d", status)
	}
}

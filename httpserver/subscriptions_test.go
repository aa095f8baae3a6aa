package httpserver_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"stormdesk"
	"stormdesk/desk/desktest"
)

// TestSubscriptionsAPI: the operators' subscriptions API needs the token;
// it lists subscriptions a page at a time (following "next" visits each
// once), by component (id or name) and by address; DELETE removes one
// component subscription (404 when there is none, 400 without an actor),
// and the address's history names the operator who did it.
func TestSubscriptionsAPI(t *testing.T) {
	d := desktest.New(t)
	ts := serveDesk(t, d, nil)
	ctx := t.Context()
	for _, sub := range []struct {
		email string
		comps []string
	}{{"ana@example.com", []string{"login", "checkout"}}, {"bob@example.com", []string{"login"}}, {"cy@example.com", []string{"checkout"}},
		{"dee@example.com", []string{"login"}}} {
		if _, _, err := d.ConfirmSubscription(ctx, sub.email, sub.comps, d.Now); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.ImportCustomers(ctx, []*stormdesk.CustomerImport{{Customer: stormdesk.Customer{Email: "eve@example.com"}, Features: []string{"login"}}}); err != nil {
		t.Fatal(err)
	}

	resp, err := http.Get(ts.URL + "/api/v1/subscriptions")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 401 {
		t.Fatalf("without the token: %d", resp.StatusCode)
	}
	list := func(query string) (string, string) {
		t.Helper()
		status, out := do(t, ts, "GET", "/api/v1/subscriptions"+query, "", nil)
		if status != 200 {
			t.Fatalf("GET %s: %d %v", query, status, out)
		}
		var got []string
		for _, s := range out["subscriptions"].([]any) {
			m := s.(map[string]any)
			if c, ok := m["component"]; ok {
				got = append(got, fmt.Sprint(m["email"], "/", c))
			} else {
				got = append(got, fmt.Sprint(m["email"], "/feature:", m["feature"]))
			}
		}
		next, _ := out["next"].(string)
		return strings.Join(got, " "), next
	}
	all := "ana@example.com/checkout ana@example.com/login bob@example.com/login cy@example.com/checkout dee@example.com/login eve@example.com/feature:login"
	if got, next := list(""); got != all || next != "" {
		t.Fatalf("all: %s (next %q)", got, next)
	}
	var pages []string
	cursor := ""
	for i := 0; i < 10; i++ {
		q := "?limit=2"
		if cursor != "" {
			q += "&after=" + url.QueryEscape(cursor)
		}
		got, next := list(q)
		if got != "" {
			pages = append(pages, got)
		}
		if next == "" {
			break
		}
		cursor = next
	}
	if strings.Join(pages, " ") != all || len(pages) != 3 {
		t.Errorf("pages of 2: %q", pages)
	}
	if got, _ := list("?component=login"); got != "ana@example.com/login bob@example.com/login dee@example.com/login" {
		t.Errorf("component login: %s", got)
	}
	if got, _ := list("?component=Checkout"); got != "ana@example.com/checkout cy@example.com/checkout" {
		t.Errorf("component Checkout (by name): %s", got)
	}
	if got, _ := list("?email=ANA@example.com"); got != "ana@example.com/checkout ana@example.com/login" {
		t.Errorf("by address: %s", got)
	}
	for _, bad := range []string{"?limit=0", "?limit=1001", "?limit=x", "?after=%25%25"} {
		if status, _ := do(t, ts, "GET", "/api/v1/subscriptions"+bad, "", nil); status != 400 {
			t.Errorf("GET %s: %d, want 400", bad, status)
		}
	}

	del := func(path, body string) (int, map[string]any) {
		t.Helper()
		return do(t, ts, "DELETE", path, "application/json", []byte(body))
	}
	if status, out := del("/api/v1/subscriptions/bob@example.com/login", `{}`); status != 400 {
		t.Errorf("without an actor: %d %v", status, out)
	}
	if status, out := del("/api/v1/subscriptions/Bob@example.com/Login", `{"actor":"ops-ana"}`); status != 200 || out["removed"] != true {
		t.Fatalf("delete: %d %v", status, out)
	}
	if status, _ := del("/api/v1/subscriptions/bob@example.com/login", `{"actor":"ops-ana"}`); status != 404 {
		t.Errorf("deleting again: %d, want 404", status)
	}
	if status, _ := del("/api/v1/subscriptions/cy@example.com/login", `{"actor":"ops-ana"}`); status != 404 {
		t.Errorf("deleting a subscription the address never had: %d, want 404", status)
	}
	if got, _ := list("?component=login"); got != "ana@example.com/login dee@example.com/login" {
		t.Errorf("after the delete: %s", got)
	}
	status, rec := do(t, ts, "GET", "/api/v1/subscriptions/bob@example.com/history", "", nil)
	if status != 200 {
		t.Fatalf("history: %d %v", status, rec)
	}
	h := rec["history"].([]any)
	last := h[len(h)-1].(map[string]any)
	if len(rec["subscriptions"].([]any)) != 0 || last["kind"] != "removed" || last["actor"] != "ops-ana" || !strings.Contains(last["text"].(string), "Login") {
		t.Errorf("bob's record: %v", rec)
	}
	if status, _ := do(t, ts, "GET", "/api/v1/subscriptions/nobody@example.com/history", "", nil); status != 404 {
		t.Errorf("history of an unknown address: %d, want 404", status)
	}
}

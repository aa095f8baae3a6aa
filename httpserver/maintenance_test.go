package httpserver_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"stormdesk/desk/desktest"
	"stormdesk/httpserver"
	"stormdesk/statuspage"
)

// TestMaintenanceRoutes: scheduling needs the token, an actor, known
// components and a real window; a scheduled maintenance is on the page
// and in upcoming.json at once, and once its window begins the
// component is under maintenance in summary.json and active.json lists
// it; the API shows its timeline.
func TestMaintenanceRoutes(t *testing.T) {
	d := desktest.New(t)
	ts := serveDesk(t, d, func(srv *httpserver.Server) { srv.StatusPage = statuspage.Config{Name: "Acme status"} })
	const js = "application/json"
	start, end := d.Now.Add(time.Hour), d.Now.Add(2*time.Hour)
	body := func(comp, actor string, from, to time.Time) []byte {
		return []byte(fmt.Sprintf(`{"components":[%q],"starts_at":%q,"ends_at":%q,"text":"Sign-in may pause.","actor":%q}`,
			comp, from.Format(time.RFC3339), to.Format(time.RFC3339), actor))
	}
	for _, c := range []struct {
		body   []byte
		status int
	}{
		{body("login", "", start, end), 400},
		{body("payroll", "ana", start, end), 404},
		{body("login", "ana", end, start), 400},
		{[]byte(`{"components":["login"],"starts_at":"tomorrow","actor":"ana"}`), 400},
	} {
		if status, out := do(t, ts, "POST", "/api/v1/maintenances", js, c.body); status != c.status {
			t.Errorf("%s: %d %v, want %d", c.body, status, out, c.status)
		}
	}
	status, out := do(t, ts, "POST", "/api/v1/maintenances", js, body("Login", "ana", start, end))
	if status != 201 || out["title"] != "Scheduled maintenance: Login" || out["id"] == nil {
		t.Fatalf("schedule: %d %v", status, out)
	}
	id := int64(out["id"].(float64))
	_, page := get(t, ts, "/status")
	if !strings.Contains(page, fmt.Sprintf(`id="maintenance-%d"`, id)) || !strings.Contains(page, "Sign-in may pause.") || !strings.Contains(page, "All Systems Operational") {
		t.Fatalf("the page before the window:\n%s", page)
	}
	list := func(path string) []map[string]any {
		t.Helper()
		_, body := get(t, ts, path)
		var doc struct {
			M          []map[string]any `json:"scheduled_maintenances"`
			Components []struct{ ID, Status string }
		}
		if err := json.Unmarshal([]byte(body), &doc); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, c := range doc.Components {
			doc.M = append(doc.M, map[string]any{"component": c.ID, "status": c.Status})
		}
		return doc.M
	}
	if up, act := list("/api/v2/scheduled-maintenances/upcoming.json"), list("/api/v2/scheduled-maintenances/active.json"); len(up) != 1 || len(act) != 0 {
		t.Fatalf("before the window: upcoming %v, active %v", up, act)
	}
	d.Now = start.Add(time.Minute)
	if up, act := list("/api/v2/scheduled-maintenances/upcoming.json"), list("/api/v2/scheduled-maintenances/active.json"); len(up) != 0 || len(act) != 1 {
		t.Fatalf("during the window: upcoming %v, active %v", up, act)
	}
	sum := list("/api/v2/summary.json")
	if len(sum) != 3 || sum[0]["status"] != "in_progress" || sum[1]["component"] != "login" || sum[1]["status"] != "under_maintenance" || sum[2]["status"] != "operational" {
		t.Fatalf("summary during the window: %v", sum)
	}
	if _, err := d.MaintenanceRound(t.Context()); err != nil {
		t.Fatal(err)
	}
	status, out = do(t, ts, "GET", fmt.Sprintf("/api/v1/maintenances/%d", id), "", nil)
	if tl, _ := out["timeline"].([]any); status != 200 || len(tl) != 2 {
		t.Fatalf("timeline: %d %v", status, out)
	}
	if status, out := do(t, ts, "GET", "/api/v1/maintenances", "", nil); status != 200 || len(out["maintenances"].([]any)) != 1 {
		t.Fatalf("list: %d %v", status, out)
	}
	if status, _ := do(t, ts, "GET", "/api/v1/maintenances/99", "", nil); status != 404 {
		t.Fatalf("a missing maintenance: %d", status)
	}
	path := fmt.Sprintf("/api/v1/maintenances/%d/cancel", id)
	if status, _ := do(t, ts, "POST", path, js, []byte(`{}`)); status != 400 {
		t.Fatalf("cancelling without an actor: %d", status)
	}
	if status, out := do(t, ts, "POST", path, js, []byte(`{"actor":"bo"}`)); status != 200 || out["cancelled_at"] == nil {
		t.Fatalf("cancel: %d %v", status, out)
	}
	if status, _ := do(t, ts, "POST", path, js, []byte(`{"actor":"bo"}`)); status != 409 {
		t.Fatalf("cancelling twice: %d", status)
	}
	if act := list("/api/v2/scheduled-maintenances/active.json"); len(act) != 0 {
		t.Fatalf("a cancelled maintenance is still active: %v", act)
	}
}

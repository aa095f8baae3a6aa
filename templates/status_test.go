package templates_test

import (
	"bytes"
	"flag"
	"strings"
	"testing"
	"time"

	"stormdesk"
	"stormdesk/config"
	"stormdesk/internal/golden"
	"stormdesk/statuspage"
	"stormdesk/templates"
)

// TestStatusColoursContrast: every state colour reads at 4.5:1 or more
// as text on white and under white text (the overall banner).
func TestStatusColoursContrast(t *testing.T) {
	for s, c := range templates.StateColours {
		if r := config.ContrastRatio(c, "#ffffff"); r < 4.5 {
			t.Errorf("%s %s: contrast %.2f:1 with white", s, c, r)
		}
	}
	if len(templates.StateColours) != len(stormdesk.ComponentStatuses) {
		t.Errorf("a state has no colour")
	}
}

// TestStatusPageHTML: landmarks, every state in words beside its colour,
// no script, the open incident's updates newest first with their text
// escaped, and a hostile brand colour never reaching the style sheet.
func TestStatusPageHTML(t *testing.T) {
	now := time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)
	pub := now.Add(-time.Hour)
	inc := &stormdesk.Incident{ID: 7, PublicTitle: "Login <failures>", Status: stormdesk.StatusIdentified, Severity: stormdesk.SeverityMajor,
		Features: []string{"login"}, CreatedAt: pub, UpdatedAt: now, PublishedAt: &pub}
	cfg := statuspage.Config{Name: "Acme status", LogoURL: "javascript:alert(1)", Brand: "red;}</style><script>", Text: "#fff",
		Components: []stormdesk.Component{{ID: "login", Name: "Login", Features: []string{"login"}}, {ID: "video", Name: "Video", Description: "Calls", Features: []string{"video"}}}}
	p := statuspage.Build(cfg, stormdesk.PublicView{Incidents: []stormdesk.PublicIncident{{Incident: inc, Updates: []stormdesk.PublicUpdate{
		{ID: 1, Status: stormdesk.StatusInvestigating, Body: "Looking <b>into</b> it", At: pub},
		{ID: 2, Status: stormdesk.StatusIdentified, Body: "Found it", At: now.Add(-time.Minute)}}}}}, now)
	var buf bytes.Buffer
	if err := templates.RenderStatusPage(&buf, p); err != nil {
		t.Fatal(err)
	}
	html := buf.String()
	for _, want := range []string{`<html lang="en">`, `<meta name="viewport" content="width=device-width, initial-scale=1">`, "<header", "<main>", "<footer>",
		"Partial System Outage", "Login &lt;failures&gt;", "Looking &lt;b&gt;into&lt;/b&gt; it", "Partial outage</span>", "Operational</span>",
		`aria-label="Login: 99.98% uptime over the last 90 days"`, "Days with incidents", "Dec 3, 2026: Partial outage", `class="desc">Calls</p>`,
		`.top{background:#1f2937;color:#ffffff`} {
		if !strings.Contains(html, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if testing.Verbose() {
		t.Log(html)
	}
	if strings.Contains(html, "<script") || strings.Contains(html, "javascript:") || strings.Contains(html, "red;") {
		t.Errorf("script, a javascript: URL or a hostile colour reached the page:\n%s", html)
	}
	if i, j := strings.Index(html, "Found it"), strings.Index(html, "Looking"); i < 0 || j < i {
		t.Errorf("updates are not newest first")
	}
	if n := strings.Count(html, `class="bar `); n != 2*statuspage.Days {
		t.Errorf("%d uptime bars, want %d", n, 2*statuspage.Days)
	}
}

// TestStatusPageGolden pins the whole page of a fixed moment: a partial
// outage of Login, an override of Video, a past incident (go test
// -update rewrites testdata/status.html.golden).
func TestStatusPageGolden(t *testing.T) {
	now := time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)
	pub, old := now.Add(-time.Hour), now.Add(-50*time.Hour)
	open := &stormdesk.Incident{ID: 7, PublicTitle: "Sign-in failures", Status: stormdesk.StatusIdentified, Severity: stormdesk.SeverityMajor,
		Features: []string{"login"}, CreatedAt: pub.Add(-time.Hour), UpdatedAt: now, PublishedAt: &pub}
	past := &stormdesk.Incident{ID: 3, PublicTitle: "Calls drop", Status: stormdesk.StatusResolved, Severity: stormdesk.SeverityCritical,
		Features: []string{"video"}, CreatedAt: old, UpdatedAt: old.Add(2 * time.Hour), PublishedAt: &old, ResolvedAt: ptrTime(old.Add(2 * time.Hour))}
	cfg := statuspage.Config{Name: "Acme status", URL: "https://status.acme.example", LogoURL: "https://acme.example/logo.png", Brand: "#0b3d91", Text: "#ffffff",
		Components: []stormdesk.Component{{ID: "login", Name: "Login", Features: []string{"login"}}, {ID: "video", Name: "Video", Description: "Calls", Features: []string{"video"}}}}
	p := statuspage.Build(cfg, stormdesk.PublicView{Incidents: []stormdesk.PublicIncident{
		{Incident: open, Updates: []stormdesk.PublicUpdate{{ID: 1, Status: stormdesk.StatusInvestigating, Body: "We are investigating this issue.", At: pub},
			{ID: 2, Status: stormdesk.StatusIdentified, Body: "Our identity provider is down.\nWe are failing over.", At: now.Add(-10 * time.Minute)}}},
		{Incident: past, Updates: []stormdesk.PublicUpdate{{ID: 5, Status: stormdesk.StatusInvestigating, Body: "Calls drop after a minute.", At: old},
			{ID: 6, Status: stormdesk.StatusResolved, Body: "This incident has been resolved.", At: old.Add(2 * time.Hour)}}},
	}, Overrides: []stormdesk.ComponentOverride{{Component: "video", Status: stormdesk.ComponentDegraded, Actor: "ana", At: now.Add(-5 * time.Minute)}}}, now)
	var buf bytes.Buffer
	if err := templates.RenderStatusPage(&buf, p); err != nil {
		t.Fatal(err)
	}
	update := false
	if f := flag.Lookup("update"); f != nil {
		update = f.Value.String() == "true"
	}
	golden.Check(t, "status.html", buf.Bytes(), update)
}

func ptrTime(t time.Time) *time.Time { return &t }

// TestStatusPageMaintenance: a scheduled maintenance is announced in its
// own section before its window, with its window and its text escaped;
// during the window it says so and its component reads "Under
// maintenance" in words; once over it leaves the section.
func TestStatusPageMaintenance(t *testing.T) {
	now := time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)
	cfg := statuspage.Config{Name: "Acme status", Brand: "#1f2937", Text: "#ffffff",
		Components: []stormdesk.Component{{ID: "login", Name: "Login", Features: []string{"login"}}}}
	view := stormdesk.PublicView{Maintenances: []stormdesk.PublicMaintenance{{Maintenance: &stormdesk.Maintenance{ID: 9, Title: "Database <upgrade>",
		Text: "Sign-in may pause for a minute.", Components: []string{"login"}, StartsAt: now.Add(time.Hour), EndsAt: now.Add(2 * time.Hour), CreatedAt: now.Add(-time.Hour)}}}}
	render := func(at time.Time) string {
		var buf bytes.Buffer
		if err := templates.RenderStatusPage(&buf, statuspage.Build(cfg, view, at)); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	before := render(now)
	for _, want := range []string{`<h2 id="maintenance">Scheduled maintenance</h2>`, `<article id="maintenance-9"`, "Database &lt;upgrade&gt;",
		`<span class="state">Scheduled</span>`, "Dec 3, 13:00 UTC</time> to <time", "Dec 3, 14:00 UTC</time> · Login</p>", "Sign-in may pause for a minute."} {
		if !strings.Contains(before, want) {
			t.Errorf("before the window, the page lacks %q", want)
		}
	}
	during := render(now.Add(90 * time.Minute))
	for _, want := range []string{`<span class="state">In progress</span>`, "Service Under Maintenance", "Under maintenance</span>"} {
		if !strings.Contains(during, want) {
			t.Errorf("during the window, the page lacks %q", want)
		}
	}
	if after := render(now.Add(3 * time.Hour)); strings.Contains(after, "maintenance-9") || strings.Contains(after, "Under maintenance") {
		t.Errorf("after the window, the page still shows the maintenance")
	}
}

// TestMaintenanceEmail: each phase has its own heading and lead, the
// title and text are escaped in the HTML part, and an unknown phase or
// a missing unsubscribe link is refused.
func TestMaintenanceEmail(t *testing.T) {
	d := templates.MaintenanceData{ProductName: "Acme", Title: "DB <upgrade>", Text: "Pause & retry", Components: []string{"Login", "Billing"},
		StartsAt: time.Date(2026, 12, 5, 2, 0, 0, 0, time.UTC), EndsAt: time.Date(2026, 12, 5, 4, 0, 0, 0, time.UTC), UnsubscribeURL: "UNSUB"}
	for phase, want := range map[string]string{"scheduled": "[Acme] Scheduled maintenance: DB <upgrade>", "started": "[Acme] Maintenance in progress: DB <upgrade>",
		"ended": "[Acme] Maintenance completed: DB <upgrade>"} {
		d.Phase = phase
		subject, text, html, err := templates.RenderMaintenance(d)
		if err != nil || subject != want || !strings.Contains(text, "Affects: Login and Billing\nWindow:  2026-12-05T02:00:00Z to 2026-12-05T04:00:00Z") ||
			!strings.Contains(text, "Unsubscribe: UNSUB") || !strings.Contains(html, "DB &lt;upgrade&gt;") || !strings.Contains(html, "Pause &amp; retry") {
			t.Errorf("%s: %q %v\n%s\n%s", phase, subject, err, text, html)
		}
	}
	d.Phase = "postponed"
	if _, _, _, err := templates.RenderMaintenance(d); stormdesk.ErrorCode(err) != stormdesk.EINVALID {
		t.Errorf("an unknown phase: %v", err)
	}
	d.Phase, d.UnsubscribeURL = "started", ""
	if _, _, _, err := templates.RenderMaintenance(d); stormdesk.ErrorCode(err) != stormdesk.EINVALID {
		t.Errorf("no unsubscribe link: %v", err)
	}
}

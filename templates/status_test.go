package templates_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"stormdesk"
	"stormdesk/config"
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
	p := statuspage.Build(cfg, []stormdesk.PublicIncident{{Incident: inc, Updates: []stormdesk.PublicUpdate{
		{ID: 1, Status: stormdesk.StatusInvestigating, Body: "Looking <b>into</b> it", At: pub},
		{ID: 2, Status: stormdesk.StatusIdentified, Body: "Found it", At: now.Add(-time.Minute)}}}}, nil, now)
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

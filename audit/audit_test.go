package audit

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"stormdesk"
)

var now = time.Date(2026, 3, 20, 12, 0, 0, 0, time.UTC)

func TestParseSince(t *testing.T) {
	for in, want := range map[string]time.Time{
		"90d":                  now.AddDate(0, 0, -90),
		"2w":                   now.AddDate(0, 0, -14),
		"36h":                  now.Add(-36 * time.Hour),
		"1.5d":                 now.Add(-36 * time.Hour),
		"2026-03-01":           time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC),
		"2026-03-01T10:00:00Z": time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC),
	} {
		got, err := ParseSince(in, now)
		if err != nil || !got.Equal(want) {
			t.Errorf("ParseSince(%q) = %s, %v; want %s", in, got, err, want)
		}
	}
	for in, says := range map[string]string{
		"":           "empty",
		"90":         `"90" is not a span`,
		"ninety d":   `"ninety d" is not a span`,
		"-3d":        "positive",
		"0h":         "positive",
		"2027-01-01": "in the future",
		"1e9d":       "more than a century",
		"d":          `"d" is not a span`,
	} {
		_, err := ParseSince(in, now)
		if stormdesk.ErrorCode(err) != stormdesk.EINVALID || !strings.Contains(stormdesk.ErrorMessage(err), says) || !strings.HasPrefix(stormdesk.ErrorMessage(err), "since: ") {
			t.Errorf("ParseSince(%q): %v; want EINVALID naming since and saying %q", in, err, says)
		}
	}
}

// sample is a small audit: auth0 backs login alone (no probe), an
// outage of 60 min that customers saw for 40, and a watch that closed.
func sample() *Report {
	t0 := time.Date(2026, 3, 10, 14, 0, 0, 0, time.UTC)
	ev := func(id string, min int, kind, status, impact string) *stormdesk.UpstreamEvent {
		return &stormdesk.UpstreamEvent{Provider: "auth0", UpstreamID: id, Kind: kind, Status: status, Impact: impact, At: t0.Add(time.Duration(min) * time.Minute), Title: "Login <errors> =1"}
	}
	resolved := t0.Add(70 * time.Minute)
	return Build(Input{Since: t0.Add(-24 * time.Hour), Now: t0.Add(24 * time.Hour),
		Dependencies: []Dependency{{Name: "auth0", Features: []string{"login", "screenshare"}}, {Name: "mux", Features: []string{"screenshare"}}},
		Events: []*stormdesk.UpstreamEvent{
			ev("a", 0, "incident_opened", "investigating", "minor"), ev("a", 30, "incident_impact", "identified", "major"), ev("a", 60, "incident_resolved", "resolved", "major"),
			// overlaps a for 10 minutes: 60 + 20 = 80 minutes of trouble, not 90
			ev("b", 50, "incident_opened", "investigating", "minor"), ev("b", 80, "incident_resolved", "resolved", "minor"),
		},
		Incidents: []Incident{
			{ID: 1, Features: []string{"login"}, Customer: true, Alert: t0.Add(5 * time.Minute), FirstReport: t0.Add(30 * time.Minute), ResolvedAt: &resolved,
				Tickets: 3, Customers: []string{"a@x", "b@x"}, Links: []Link{{"auth0", "a"}}},
			{ID: 2, Alert: t0.Add(50 * time.Minute), Links: []Link{{"auth0", "b"}}},
		}})
}

func TestBuild(t *testing.T) {
	r := sample()
	p := r.Providers[0]
	if p.Seen != 2 || impactsText(p.ByImpact) != "1 major, 1 minor" || p.TroubleMinutes != 80 || p.Became != 1 || p.CustomerMinutes != 40 ||
		p.Tickets != 3 || p.Customers != 2 || strings.Join(p.Features, ",") != "login" {
		t.Errorf("auth0: %+v", p)
	}
	if *p.ProviderToAlert.Median != 5 || *p.AlertToReport.Median != 25 || *p.ProviderToReport.Worst != 30 || p.ProviderToAlert.N != 1 {
		t.Errorf("time to know: %+v %+v %+v", p.ProviderToAlert, p.AlertToReport, p.ProviderToReport)
	}
	if len(r.SinglePoints) != 1 || r.SinglePoints[0].Text != "login depends only on auth0; no synthetic probe configured" {
		t.Errorf("single points: %+v", r.SinglePoints)
	}
	if g := gapOf([]float64{30, -10, 5, 60}); *g.Median != 17.5 || *g.Worst != 60 {
		t.Errorf("median of four %v, worst %v", *g.Median, *g.Worst)
	}
}

func TestRenderFormats(t *testing.T) {
	r := sample()
	for _, f := range []string{"md", "json", "csv", "html"} {
		var b bytes.Buffer
		if err := Render(&b, f, r); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out := b.String()
		if !strings.Contains(out, "login depends only on auth0") && f != "csv" {
			t.Errorf("%s: no single point:\n%s", f, out)
		}
		if f == "html" && (strings.Contains(out, "<errors>") || !strings.Contains(out, "<svg")) {
			t.Errorf("html: title not escaped or no chart")
		}
		if f == "csv" {
			rows, err := csv.NewReader(&b).ReadAll()
			if err != nil || len(rows) != 3 || rows[1][0] != "auth0" || rows[1][len(rows[1])-1] != "login" {
				t.Errorf("csv: %v %v", rows, err)
			}
		}
	}
	if err := Render(new(bytes.Buffer), "pdf", r); stormdesk.ErrorCode(err) != stormdesk.EINVALID {
		t.Errorf("pdf: %v", err)
	}
}

package bot

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"stormdesk"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Command
	}{
		{"", Command{Name: "help"}},
		{"/incident", Command{Name: "help"}},
		{"help status", Command{Name: "help", Topic: "status"}},
		{"list", Command{Name: "list"}},
		{"LIST all", Command{Name: "list", All: true}},
		{"/incident show #12", Command{Name: "show", ID: 12}},
		{"declare Login is broken", Command{Name: "declare", Title: "Login is broken", Severity: stormdesk.SeverityMinor}},
		{"declare Login  is broken critical", Command{Name: "declare", Title: "Login  is broken", Severity: stormdesk.SeverityCritical}},
		{`declare "Sev major" `, Command{Name: "declare", Title: "Sev major", Severity: stormdesk.SeverityMinor}},
		{`declare “Checkout down” sev1`, Command{Name: "declare", Title: "Checkout down", Severity: stormdesk.SeverityCritical}},
		{"declare major", Command{Name: "declare", Title: "major", Severity: stormdesk.SeverityMinor}},
		{"ack 3", Command{Name: "ack", ID: 3}},
		{"status 3 identified", Command{Name: "status", ID: 3, Status: stormdesk.StatusIdentified}},
		{"status 3 Resolved  Fixed: the SSO  cert was renewed ", Command{Name: "status", ID: 3, Status: stormdesk.StatusResolved, Text: "Fixed: the SSO  cert was renewed"}},
		{`status 3 monitoring "A fix is out"`, Command{Name: "status", ID: 3, Status: stormdesk.StatusMonitoring, Text: "A fix is out"}},
		{"note 3 Called the vendor, it's \"their\" fault", Command{Name: "note", ID: 3, Text: "Called the vendor, it's \"their\" fault"}},
		{"merge 4 3", Command{Name: "merge", ID: 4, Into: 3}},
		{"merge #4 into #3", Command{Name: "merge", ID: 4, Into: 3}},
		{"link 100 3", Command{Name: "link", Ticket: 100, ID: 3}},
		{"unlink 100", Command{Name: "unlink", Ticket: 100}},
		{"cause 3 auth0", Command{Name: "cause", ID: 3, Text: "auth0"}},
		{"notify 3", Command{Name: "notify", ID: 3}},
		{"notify 3 --dry-run", Command{Name: "notify", ID: 3, DryRun: true}},
		{"notify 3 resolved_v2 --dry-run", Command{Name: "notify", ID: 3, Template: "resolved_v2", DryRun: true}},
		{"timeline 3", Command{Name: "timeline", ID: 3}},
		{"export 3", Command{Name: "export", ID: 3, Format: "md"}},
		{"export 3 HTML", Command{Name: "export", ID: 3, Format: "html"}},
		{"export 3 markdown", Command{Name: "export", ID: 3, Format: "md"}},
		{"publish 3", Command{Name: "publish", ID: 3}},
		{"publish #3 Login problems for some customers", Command{Name: "publish", ID: 3, Text: "Login problems for some customers"}},
		{`publish 3 "Login problems"`, Command{Name: "publish", ID: 3, Text: "Login problems"}},
		{"component login degraded", Command{Name: "component", Component: "login", ComponentStatus: stormdesk.ComponentDegraded}},
		{"component Screen sharing major", Command{Name: "component", Component: "Screen sharing", ComponentStatus: stormdesk.ComponentMajorOutage}},
		{`component "Screen sharing" maintenance`, Command{Name: "component", Component: "Screen sharing", ComponentStatus: stormdesk.ComponentUnderMaintenance}},
		{"component login auto", Command{Name: "component", Component: "login"}},
		{"maintenance login 2026-12-05T02:00Z 2h Database upgrade: sign-in may pause", Command{Name: "maintenance", Component: "login",
			Start: time.Date(2026, 12, 5, 2, 0, 0, 0, time.UTC), End: time.Date(2026, 12, 5, 4, 0, 0, 0, time.UTC), Text: "Database upgrade: sign-in may pause"}},
		{"maintenance Screen sharing 2026-12-05T03:00+01:00 2026-12-05T02:30:00Z", Command{Name: "maintenance", Component: "Screen sharing",
			Start: time.Date(2026, 12, 5, 2, 0, 0, 0, time.UTC), End: time.Date(2026, 12, 5, 2, 30, 0, 0, time.UTC)}},
		{"maintenance cancel #3", Command{Name: "maintenance", Cancel: true, ID: 3}},
		{`maintenance "Screen sharing" 2026-12-05T02:00 +90m "Codec update"`, Command{Name: "maintenance", Component: "Screen sharing",
			Start: time.Date(2026, 12, 5, 2, 0, 0, 0, time.UTC), End: time.Date(2026, 12, 5, 3, 30, 0, 0, time.UTC), Text: "Codec update"}},
	} {
		got, err := Parse(tc.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.in, err)
			continue
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Parse(%q)\n got %+v\nwant %+v", tc.in, got, tc.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ in, cmd, msg string }{
		{"frobnicate 3", "", "unknown command"},
		{"show", "show", "incident id: missing"},
		{"show abc", "show", "not an id"},
		{"show 0", "show", "not an id"},
		{"show 99999999999999999999", "show", "not an id"},
		{"show 1 2", "show", "too many"},
		{"list some", "list", "not open or all"},
		{"declare", "declare", "title: missing"},
		{`declare ""`, "declare", "title: missing"},
		{"status 3", "status", "status: missing"},
		{"status 3 triage", "status", "not investigating"},
		{"status 3 fixed", "status", "not investigating"},
		{"note 3", "note", "text: missing"},
		{"cause 3", "cause", "cause: missing"},
		{"merge 3", "merge", "merge it into"},
		{"merge 3 3", "merge", "into itself"},
		{"link 100", "link", "missing"},
		{"unlink", "unlink", "missing"},
		{"notify 3 --force", "notify", "unknown option"},
		{"notify 3 a b", "notify", "too many"},
		{"notify 3 ../../etc", "notify", "not a template name"},
		{"export 3 pdf", "export", "not md, html, json or csv"},
		{"publish", "publish", "incident id: missing"},
		{"publish x", "publish", "not an id"},
		{"component login", "component", "component and state: missing"},
		{"component login broken", "component", `"broken" is not operational, degraded`},
		{"maintenance login 2026-12-05T02:00Z", "maintenance", "component, start and end: missing"},
		{"maintenance login tomorrow 2h", "maintenance", "start: no time"},
		{"maintenance cancel", "maintenance", "cancel ID"},
		{"maintenance cancel x", "maintenance", "not an id"},
		{"maintenance login 2026-12-05T02:00Z soon text", "maintenance", `end: "soon" is not a time`},
		{"maintenance 2026-12-05T02:00Z 2026-12-05T03:00Z x", "maintenance", "component: missing"},
		{`note 3 "unterminated`, "", "unterminated quote"},
		{"show \xff", "", "UTF-8"},
		{strings.Repeat("x", MaxCommandLen+1), "", "longer than"},
	} {
		_, err := Parse(tc.in)
		var ue *UsageError
		if !errors.As(err, &ue) {
			t.Errorf("Parse(%.30q): got %v, want a usage error", tc.in, err)
			continue
		}
		if ue.Command != tc.cmd || !strings.Contains(ue.Message, tc.msg) {
			t.Errorf("Parse(%.30q): got (%q, %q), want (%q, …%q…)", tc.in, ue.Command, ue.Message, tc.cmd, tc.msg)
		}
	}
}

// FuzzParse checks that no command text makes the parser panic, that
// every failure is a usage error, and that a parsed command is sane.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"", "help", "list all", "show #1", "declare Login down critical", `declare "x" major`,
		"status 1 resolved fixed", "note 1 “quoted” text", "merge 1 into 2", "link 1 2", "unlink 1", "cause 1 auth0",
		"notify 1 tpl --dry-run", "timeline 1", "export 1 csv", "'", "status 1 ‘", "\x00", "declare \u2028",
		"maintenance login 2026-12-05T02:00Z 2h text", `maintenance "a b" 2026-12-05T02:00 2026-12-05T03:00Z`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := Parse(s)
		if err != nil {
			var ue *UsageError
			if !errors.As(err, &ue) {
				t.Fatalf("Parse(%q): non-usage error %v", s, err)
			}
			r := usageReply(err)
			if r.Kind != KindUsage || r.Pre == "" {
				t.Fatalf("usage reply without help: %+v", r)
			}
			return
		}
		if !utf8.ValidString(c.Title + c.Text + c.Template) {
			t.Fatalf("invalid UTF-8 out of valid input")
		}
		switch c.Name {
		case "show", "ack", "status", "note", "merge", "cause", "notify", "timeline", "export", "link":
			if c.ID <= 0 {
				t.Fatalf("Parse(%q): id %d", s, c.ID)
			}
		case "maintenance":
			if c.Component == "" || c.Start.IsZero() || c.End.IsZero() {
				t.Fatalf("Parse(%q): maintenance without a component or window: %+v", s, c)
			}
		case "declare":
			if strings.TrimSpace(c.Title) == "" {
				t.Fatalf("Parse(%q): empty title", s)
			}
		}
	})
}

package demo

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestReferenceOutage replays the reference outage end to end, through the
// real code paths and local stand-ins, and checks what stormdesk promises:
// one incident, linked to the upstream outage; the alert before the first
// ticket; background tickets left alone; every reporter gets each email
// once; the exported timeline holds the expected entries in order.
func TestReferenceOutage(t *testing.T) {
	sc, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	s, err := Run(context.Background(), sc, out, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Incidents) != 1 || !strings.Contains(s.Incidents[0].LikelyCause, "auth0") || s.Incidents[0].Status != "resolved" {
		t.Fatalf("incidents: %+v", s.Incidents)
	}
	if !s.AlertAt.Before(s.FirstTicketAt) || s.SlackAlerts == 0 {
		t.Fatalf("alert at %v (%d posted), first ticket at %v", s.AlertAt, s.SlackAlerts, s.FirstTicketAt)
	}
	if s.BackgroundSwallowed != 0 || s.BackgroundTickets == 0 {
		t.Fatalf("background: %d of %d pulled in", s.BackgroundSwallowed, s.BackgroundTickets)
	}
	if s.Recall < 1 || s.Precision < 1 {
		t.Fatalf("grouping: precision %.2f recall %.2f", s.Precision, s.Recall)
	}
	if s.DuplicateEmails != 0 || s.ReportersMissed != 0 || s.ReportersNoUpdate != 0 || s.Emails["acknowledged"] == 0 || s.Emails["update"] == 0 || s.Emails["resolved"] != s.Incidents[0].Tickets {
		t.Fatalf("emails: %+v, duplicates %d, reporters missed %d", s.Emails, s.DuplicateEmails, s.ReportersMissed)
	}
	md, err := os.ReadFile(filepath.Join(out, "timeline.md"))
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, n := range s.Emails {
		total += n
	}
	if !strings.Contains(string(md), fmt.Sprintf("- Customer notifications sent: %d\n", total)) {
		t.Fatalf("the summary does not count the %d emails:\n%s", total, md)
	}
	// The expected entries, in order, with their times and actors.
	want := []string{
		`15:13 Upstream watch: auth0 reports "Elevated error rates and response times"; it backs login, screenshare; no customer reports yet — stormdesk`,
		`15:13 auth0: Elevated error rates and response times \(investigating\) — auth0`,
		`16:3\d Confirmed: probe login is failing; it guards login — stormdesk`,
		`16:3\d login: probe login failing`,
		`16:35 auth0: The issue has been identified`,
		`16:46 First report: Can't log in — ana@acme.example`,
		`16:46 1 report from 1 customer — stormdesk`,
		`17:02 Acknowledged — u0maria \(slack:U0MARIA\)`,
		`17:02 acknowledged email queued for (\d+) customers — stormdesk`,
		`17:02 acknowledged email sent to \d+ customers, 0 failed — stormdesk`,
		`17:03 Status changed from investigating to identified: Our login provider Auth0 has an outage`,
		`17:58 Started a contingency plan`,
		`18:35 auth0: Elevated error rates and response times \(resolved\)`,
		`18:40 Status changed from identified to monitoring`,
		`19:11 Status changed from monitoring to resolved: .* — u0ben \(slack:U0BEN\)`,
		`19:11 resolved email queued for 14 customers — stormdesk`,
		`19:11 resolved email sent to 14 customers, 0 failed — stormdesk`,
	}
	rest := string(md)
	for _, w := range want {
		loc := regexp.MustCompile(`(?m)^- ` + w).FindStringIndex(rest)
		if loc == nil {
			t.Fatalf("timeline.md lacks, after the entries before it, %q:\n%s", w, md)
		}
		rest = rest[loc[1]:]
	}
	// Counts agree with their nouns, the actor is printed once, and a
	// probe's HTTP status is said once.
	for _, bad := range []string{" 1 customers", " 1 reports", "Acknowledged by", ") (200)", ") (502)"} {
		if strings.Contains(string(md), bad) {
			t.Errorf("timeline.md says %q:\n%s", bad, md)
		}
	}
	for _, w := range []string{"update email sent to 1 customer, 0 failed — stormdesk", "probe login recovered: status 200 in ",
		"- Impact window: November 28th, 2018, 15:13 to", "| stormdesk's alert | 15:13 |", "- stormdesk alerted 93 min before the first customer report\n"} {
		if !strings.Contains(string(md), w) {
			t.Errorf("timeline.md lacks %q:\n%s", w, md)
		}
	}
	if html, err := os.ReadFile(filepath.Join(out, "timeline.html")); err != nil || !strings.Contains(string(html), `<svg id="chart"`) {
		t.Fatalf("timeline.html: %v", err)
	}
}

func TestScenarioErrorsNameTheField(t *testing.T) {
	dir := t.TempDir()
	for body, want := range map[string]string{
		"day: yesterday\n": "day:",
		"day: 2018-11-28\nstart: '14:30'\nend: '19:30'\nprovider: {name: x, features: [login]}\ntickets: [{at: '25:99', subject: x}]\n":      "tickets[0].at",
		"day: 2018-11-28\nstart: '14:30'\nend: '19:30'\nprovider: {name: x, features: [login]}\nupstream: [{at: '15:00', status: broken}]\n": "upstream[0].status",
		"day: 2018-11-28\nbogus: 1\n": "bogus",
	} {
		p := filepath.Join(dir, "s.yaml")
		os.WriteFile(p, []byte(body), 0o644)
		if _, err := Load(p); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want an error naming %s", body, err, want)
		}
	}
}

func TestScenarioWithJSONLines(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "tickets.jsonl"), []byte(
		`{"at":"16:46","customer":"a@x.example","subject":"Can't log in","label":"outage"}`+"\n"+
			`{"at":"16:47","customer":"b@x.example","subject":"Unable to sign in","label":"outage"}`+"\n"+
			`{"at":"16:49","customer":"c@x.example","subject":"login fails with an error","label":"outage"}`+"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "upstream.jsonl"), []byte(`{"at":"15:13","status":"investigating","text":"Elevated errors"}`+"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "s.yaml"), []byte("day: 2018-11-28\nstart: '15:00'\nend: '17:00'\nprovider: {name: auth0, features: [login], incident: Errors}\n"+
		"tickets_file: tickets.jsonl\nupstream_file: upstream.jsonl\n"), 0o644)
	sc, err := Load(filepath.Join(dir, "s.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(sc.Tickets) != 3 || len(sc.Upstream) != 1 {
		t.Fatalf("loaded %d tickets and %d updates", len(sc.Tickets), len(sc.Upstream))
	}
	s, err := Run(context.Background(), sc, t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	// Three reports from three customers about the watched feature
	// confirm the provider's watch: one incident holds them.
	if len(s.Incidents) != 1 || s.Incidents[0].Tickets != 3 {
		t.Fatalf("incidents: %+v", s.Incidents)
	}
	os.WriteFile(filepath.Join(dir, "tickets.jsonl"), []byte(`{"at":"16:46","subjet":"typo"}`+"\n"), 0o644)
	if _, err := Load(filepath.Join(dir, "s.yaml")); err == nil || !strings.Contains(err.Error(), "tickets.jsonl:1") {
		t.Fatalf("a bad line: %v", err)
	}
}

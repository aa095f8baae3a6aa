package upstream

import (
	"bytes"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// providerChecks holds, for each fixture in testdata/providers, the kind
// DetectKind must find and facts read from the file by hand.
var providerChecks = map[string]struct {
	kind  Kind
	check func(t *testing.T, s *Snapshot)
}{
	"statusio_gitlab-upcoming-maintenance.json": {KindStatusIO, func(t *testing.T, s *Snapshot) {
		if s.Indicator != "none" || s.Description != "Operational" || !s.UnresolvedOnly || !s.UpdatedAt.Equal(utc("2023-06-29T15:20:28.798Z")) {
			t.Errorf("page: %q %q %v %s", s.Indicator, s.Description, s.UnresolvedOnly, s.UpdatedAt)
		}
		// Three components, each with one container.
		if len(s.Components) != 6 {
			t.Fatalf("%d components", len(s.Components))
		}
		c := s.Components[1]
		if c.ID != "5b36dc6502d06804c0834a07/5b36e11140e76c04b7220a31" || c.GroupID != "5b36dc6502d06804c0834a07" ||
			c.Name != "Website (Google Compute Engine)" || c.Status != ComponentOperational || !c.UpdatedAt.Equal(utc("2023-06-24T18:39:28.191Z")) {
			t.Errorf("container %+v", c)
		}
		m := find(s, "649d8d7a6c2f36053b37055d")
		if m == nil || !m.Maintenance || m.Status != StatusScheduled || m.Impact != "maintenance" || m.Resolved() {
			t.Fatalf("maintenance %+v", m)
		}
		if !m.ScheduledFor.Equal(utc("2023-07-08T14:00:00Z")) || !m.ScheduledUntil.Equal(utc("2023-07-08T19:00:00Z")) || !m.CreatedAt.Equal(utc("2023-06-29T13:56:10.250Z")) {
			t.Errorf("window %s–%s, opened %s", m.ScheduledFor, m.ScheduledUntil, m.CreatedAt)
		}
		if len(m.Updates) != 1 || m.Updates[0].ID != "t20230629T135610Z" || !strings.HasPrefix(m.Updates[0].Body, "We will be undergoing") {
			t.Errorf("updates %+v", m.Updates)
		}
		if strings.Join(m.Components, ",") != "5b36dc6502d06804c0834a07,5b36e05f02d06804c0834a09" {
			t.Errorf("components %v", m.Components)
		}
	}},
	"statusio_incident.json": {KindStatusIO, func(t *testing.T, s *Snapshot) {
		if s.Indicator != "major" || len(s.Components) != 5 {
			t.Fatalf("indicator %q, %d components", s.Indicator, len(s.Components))
		}
		want := map[string]string{
			"5a89ef6740eba40d1c3bb4a8":                          ComponentPartialOutage,
			"5a89ef6740eba40d1c3bb4a8/5a89ef6740eba40d1c3bb4a7": ComponentPartialOutage,
			"5a89ef6740eba40d1c3bb4a8/61ae3d3da163f805d867f0b5": ComponentOperational,
			"61ae3d57e3e33c05d23d5249":                          ComponentUnderMaintenance,
		}
		for _, c := range s.Components {
			if w, ok := want[c.ID]; ok && c.Status != w {
				t.Errorf("%s: %s, want %s", c.ID, c.Status, w)
			}
		}
		in := find(s, "61ae48b5a163f805d867f1c2")
		if in == nil || in.Maintenance || in.Status != StatusIdentified || in.Impact != "major" {
			t.Fatalf("incident %+v", in)
		}
		// The worst message (400) gives the impact; the newest gives the
		// status; updates are newest first.
		if len(in.Updates) != 2 || in.Updates[0].Status != StatusIdentified || in.Updates[1].Status != StatusInvestigating ||
			!in.Updates[1].At.Equal(utc("2021-12-06T17:20:21.760Z")) || !in.UpdatedAt.Equal(utc("2021-12-06T17:32:05.101Z")) {
			t.Errorf("updates %+v", in.Updates)
		}
		m := find(s, "61ae3dd5a163f805d867f0c1")
		if m == nil || !m.Maintenance || m.Status != StatusInProgress || len(m.Updates) != 2 || m.Updates[0].Body != "Maintenance has started." {
			t.Fatalf("maintenance %+v", m)
		}
		if m.Updates[1].Body != "We will be upgrading the Mobile App backend in Ireland.\nThe app may be slow during the window." {
			t.Errorf("CRLF not normalised: %q", m.Updates[1].Body)
		}
	}},
	"gcp_incidents.json": {KindGCP, func(t *testing.T, s *Snapshot) {
		if len(s.Incidents) != 2 || s.UnresolvedOnly || len(s.Components) != 0 || !s.UpdatedAt.Equal(utc("2024-03-05T18:14:09Z")) {
			t.Fatalf("%d incidents, updated %s", len(s.Incidents), s.UpdatedAt)
		}
		in := find(s, "xVSEV3kVaJBmS7SZbnre")
		if in.Status != StatusInvestigating || in.Impact != "critical" || in.Resolved() || in.URL != "https://status.cloud.google.com/incidents/xVSEV3kVaJBmS7SZbnre" {
			t.Errorf("open incident %+v", in)
		}
		// "Multiple Products": the affected products are the components.
		if strings.Join(in.Components, ",") != "9D7d2iNBQWN24zc1VamE,oW4vJ7VNqyxTWNzSHopX" {
			t.Errorf("components %v", in.Components)
		}
		if !in.StartedAt.Equal(utc("2024-03-05T17:06:00Z")) || !in.CreatedAt.Equal(utc("2024-03-05T17:28:41Z")) || len(in.Updates) != 2 ||
			in.Updates[0].ID != "t20240305T181358Z" || !strings.HasPrefix(in.Updates[1].Body, "**Summary:**\nMultiple products") {
			t.Errorf("times or updates %+v", in)
		}
		done := find(s, "mLBHeCxhRia17anXCSX1")
		if done.Status != StatusResolved || done.Impact != "major" || !done.ResolvedAt.Equal(utc("2022-07-19T15:47:00Z")) ||
			done.Updates[0].Status != StatusResolved || done.Updates[1].Status != StatusInvestigating || done.Components[0] != "kzGfErQK3HzkFhptoeHH" {
			t.Errorf("resolved incident %+v", done)
		}
	}},
	"aws_data.json": {KindAWS, func(t *testing.T, s *Snapshot) {
		if len(s.Incidents) != 4 || len(s.Components) != 0 || s.UnresolvedOnly {
			t.Fatalf("%d incidents", len(s.Incidents))
		}
		in := find(s, "ec2-us-east-1/1527804785")
		if in == nil || in.Status != StatusInvestigating || in.Impact != "major" || in.Title != "Amazon Elastic Compute Cloud (N. Virginia): Instance connectivity" ||
			in.Components[0] != "ec2-us-east-1" || !in.CreatedAt.Equal(utc("2018-05-31T22:13:05Z")) {
			t.Fatalf("open event %+v", in)
		}
		// Three updates, newest first, dated from the event's start.
		if len(in.Updates) != 3 || !in.Updates[0].At.Equal(utc("2018-05-31T23:29:00Z")) || !in.Updates[2].At.Equal(utc("2018-05-31T22:13:00Z")) ||
			in.Updates[2].Body != "We are investigating connectivity issues affecting some instances in a single Availability Zone in the US-EAST-1 Region." ||
			!in.UpdatedAt.Equal(utc("2018-05-31T23:29:00Z")) {
			t.Errorf("updates %+v", in.Updates)
		}
		// "[RESOLVED]" in current; the second update is past midnight.
		elb := find(s, "elb-eu-west-1/1527749320")
		if elb.Status != StatusResolved || elb.Impact != "minor" || elb.Title != "Amazon Elastic Load Balancing (Ireland): Increased API Error Rates" ||
			!elb.Updates[0].At.Equal(utc("2018-05-31T07:20:00Z")) || !elb.Updates[1].At.Equal(utc("2018-05-31T06:48:00Z")) ||
			!elb.ResolvedAt.Equal(utc("2018-05-31T07:20:00Z")) || elb.Updates[0].Status != StatusResolved {
			t.Errorf("resolved event %+v", elb)
		}
		// Archive events are resolved; status is a number or a string;
		// PST is -08:00.
		iam := find(s, "iam-us-east-1/1481033166")
		ec2 := find(s, "ec2-eu-central-1/1436972949")
		if iam.Status != StatusResolved || iam.Impact != "" || !iam.Updates[0].At.Equal(utc("2016-12-06T14:06:00Z")) ||
			ec2.Status != StatusResolved || ec2.Impact != "minor" || !ec2.Updates[0].At.Equal(utc("2015-07-15T15:22:00Z")) {
			t.Errorf("archive %+v\n%+v", iam, ec2)
		}
	}},
	"instatus_summary.json": {KindInstatus, func(t *testing.T, s *Snapshot) {
		if s.Page.Name != "Instatus" || s.Page.URL != "https://instat.us" || s.Indicator != "critical" || !s.UnresolvedOnly || len(s.Incidents) != 2 {
			t.Fatalf("%+v", s)
		}
		// No id in summary.json: the URL's last segment.
		in := find(s, "cl4a8n3070721qtmzvts760c4")
		if in == nil || in.Status != StatusInvestigating || in.Impact != "critical" || !in.CreatedAt.Equal(utc("2022-06-11T18:55:50Z")) || in.Maintenance {
			t.Fatalf("incident %+v", in)
		}
		m := find(s, "cl4a8nlv50918qtmzdlw60ivu")
		if m == nil || !m.Maintenance || m.Status != StatusScheduled || !m.ScheduledFor.Equal(utc("2022-06-11T18:55:54Z")) || !m.ScheduledUntil.Equal(utc("2022-06-11T19:55:54Z")) {
			t.Fatalf("maintenance %+v", m)
		}
	}},
	"instatus_components.json": {KindInstatus, func(t *testing.T, s *Snapshot) {
		if len(s.Components) != 2 || s.Components[1].Status != ComponentOperational || len(s.Incidents) != 2 || s.UnresolvedOnly {
			t.Fatalf("%+v", s)
		}
		in := find(s, "ckf01m59ueaqb0a32wrljz1yd")
		// Updates documented oldest first come out newest first.
		if in.Status != StatusResolved || len(in.Updates) != 2 || in.Updates[0].ID != "ckf01mnk9eaui0a32mmhgq68g" || in.Updates[0].Status != StatusResolved ||
			!in.ResolvedAt.Equal(utc("2020-09-12T19:09:04.498Z")) || in.Components[0] != "ckf01fvnxywz50a35nh1qzssm" {
			t.Errorf("resolved %+v", in)
		}
		if open := find(s, "ckf02l5m8z36j0a35qr9q1tq1"); open.Status != StatusInvestigating || open.Resolved() || open.Updates[0].Body != "We're currently investigating an issue with the Website" {
			t.Errorf("open %+v", open)
		}
	}},
	"cachet_components.json": {KindCachet, func(t *testing.T, s *Snapshot) {
		// The disabled component (status 0, "Unknown") is left out.
		if len(s.Components) != 3 || len(s.Incidents) != 0 || !s.UpdatedAt.Equal(utc("2015-08-01T12:10:00Z")) {
			t.Fatalf("%+v", s)
		}
		want := []Component{
			{ID: "1", Name: "API", Status: ComponentOperational, UpdatedAt: utc("2015-07-24T14:42:10Z")},
			{ID: "2", Name: "Documentation", Status: ComponentDegradedPerformance, GroupID: "1", UpdatedAt: utc("2015-08-01T12:05:00Z")},
			{ID: "3", Name: "Website", Status: ComponentMajorOutage, GroupID: "1", UpdatedAt: utc("2015-08-01T12:10:00Z")},
		}
		for i, w := range want {
			if c := s.Components[i]; c.ID != w.ID || c.Name != w.Name || c.Status != w.Status || c.GroupID != w.GroupID || !c.UpdatedAt.Equal(w.UpdatedAt) {
				t.Errorf("component %d: %+v, want %+v", i, c, w)
			}
		}
	}},
	"cachet_incidents.json": {KindCachet, func(t *testing.T, s *Snapshot) {
		inc, mnt := count(s)
		if inc != 2 || mnt != 1 || len(s.Components) != 0 {
			t.Fatalf("%d incidents, %d maintenances", inc, mnt)
		}
		fixed := find(s, "1")
		if fixed.Status != StatusResolved || !fixed.ResolvedAt.Equal(utc("2015-08-01T12:00:00Z")) || fixed.Maintenance || len(fixed.Components) != 0 ||
			len(fixed.Updates) != 1 || fixed.Updates[0].ID != "message" || fixed.Updates[0].Body != "Incident Message" {
			t.Errorf("fixed %+v", fixed)
		}
		open := find(s, "2")
		if open.Status != StatusInvestigating || open.Impact != "" || open.Components[0] != "3" || !open.CreatedAt.Equal(utc("2015-08-01T12:10:00Z")) ||
			open.Updates[0].Body != "We are investigating reports that the **website** cannot be reached.\nThe API is not affected." {
			t.Errorf("open %+v", open)
		}
		m := find(s, "3")
		if !m.Maintenance || m.Status != StatusScheduled || m.Impact != "maintenance" || !m.ScheduledFor.Equal(utc("2015-08-08T02:00:00Z")) || !m.StartedAt.Equal(m.ScheduledFor) {
			t.Errorf("maintenance %+v", m)
		}
	}},
	"betterstack_index.json": {KindBetterStack, func(t *testing.T, s *Snapshot) {
		if s.Page.Name != "Your Company" || s.Page.URL != "https://status.example.com" || s.Page.TimeZone != "America/New_York" ||
			s.Indicator != "minor" || !s.UpdatedAt.Equal(utc("2025-02-16T14:20:00Z")) || s.UnresolvedOnly {
			t.Fatalf("page %+v", s)
		}
		if len(s.Components) != 3 || s.Components[0].Status != ComponentDegradedPerformance || s.Components[0].GroupID != "456789" ||
			s.Components[2].Status != ComponentOperational || s.Components[0].Name != "API" {
			t.Errorf("components %+v", s.Components)
		}
		in := find(s, "5001")
		if in == nil || in.Status != StatusInvestigating || in.Impact != "minor" || in.Resolved() || len(in.Updates) != 2 || in.Updates[0].ID != "9002" ||
			!in.CreatedAt.Equal(utc("2025-02-16T13:55:00Z")) || !in.UpdatedAt.Equal(utc("2025-02-16T14:20:00Z")) || in.Components[0] != "12345" {
			t.Fatalf("open report %+v", in)
		}
		// Resolved: ends_at, and "resolved" on every resource in the
		// last update.
		done := find(s, "4990")
		if done.Status != StatusResolved || done.Impact != "critical" || !done.ResolvedAt.Equal(utc("2025-02-10T08:41:00Z")) || done.Updates[0].Status != StatusResolved {
			t.Errorf("resolved report %+v", done)
		}
		// The update is linked only through the report's relationships;
		// the window starts after the page's last change.
		m := find(s, "5002")
		if !m.Maintenance || m.Status != StatusScheduled || m.Impact != "maintenance" || len(m.Updates) != 1 || m.Updates[0].ID != "9003" ||
			!m.ScheduledFor.Equal(utc("2025-02-17T07:00:00Z")) || !m.ScheduledUntil.Equal(utc("2025-02-17T08:00:00Z")) {
			t.Errorf("maintenance %+v", m)
		}
	}},
}

// TestProviders parses every fixture in testdata/providers with the kind
// detected from the content, and checks the facts above.
func TestProviders(t *testing.T) {
	files, _ := filepath.Glob("testdata/providers/*")
	if len(files) == 0 {
		t.Fatal("no fixtures in testdata/providers")
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			pc, ok := providerChecks[name]
			if !ok {
				t.Fatalf("no checks for %s: add facts read from the file", name)
			}
			data := readFixture(t, "providers/"+name)
			kind, err := DetectKind(data, "application/json")
			if err != nil || kind != pc.kind {
				t.Fatalf("detected %q, %v; want %s", kind, err, pc.kind)
			}
			s, err := Parse(data, kind)
			if err != nil {
				t.Fatal(err)
			}
			if s.Kind != pc.kind {
				t.Errorf("snapshot kind %s", s.Kind)
			}
			allUTC(t, s)
			pc.check(t, s)
			// Diff-once: a re-poll of the same payload, parsed again,
			// gives nothing new.
			again, _ := Parse(data, kind)
			if d := Diff(s, again, "p"); len(d) != 0 {
				t.Errorf("re-poll gave %d events: %+v", len(d), d)
			}
			for _, e := range Events(s, "p") {
				if e.DedupKey == "" || e.At.IsZero() && e.Kind != EventComponentStatus {
					t.Errorf("event without key or time: %+v", e)
				}
			}
		})
	}
}

// TestProvidersNotOtherKinds parses every provider fixture as every other
// JSON kind: each must fail or, when the shapes overlap, at least not be
// what detection picks.
func TestProvidersNotOtherKinds(t *testing.T) {
	for name, pc := range providerChecks {
		data := readFixture(t, "providers/"+name)
		for _, k := range Kinds {
			if k == pc.kind || k == KindRSS || k == KindAtom {
				continue
			}
			if _, err := Parse(data, k); err != nil && !errors.Is(err, ErrUnreadable) {
				t.Errorf("%s as %s: %v is not ErrUnreadable", name, k, err)
			}
		}
	}
}

// diffOnce parses before and after as kind and returns the events of the
// change, checking that applying the change twice gives nothing more.
func diffOnce(t *testing.T, kind Kind, before, after []byte) []Event {
	t.Helper()
	a, err := Parse(before, kind)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Parse(after, kind)
	if err != nil {
		t.Fatal(err)
	}
	allUTC(t, b)
	b2, _ := Parse(after, kind)
	if d := Diff(b, b2, "p"); len(d) != 0 {
		t.Errorf("re-poll gave %+v", d)
	}
	return Diff(a, b, "p")
}

func eventKinds(es []Event) string {
	var ks []string
	for _, e := range es {
		ks = append(ks, string(e.Kind))
	}
	return strings.Join(ks, ",")
}

// replaceOnce replaces old in data, failing when it is not there exactly once.
func replaceOnce(t *testing.T, data []byte, old, new string) []byte {
	t.Helper()
	if n := bytes.Count(data, []byte(old)); n != 1 {
		t.Fatalf("%q occurs %d times", old, n)
	}
	return bytes.Replace(data, []byte(old), []byte(new), 1)
}

func TestStatusIODiffOnce(t *testing.T) {
	before := readFixture(t, "providers/statusio_incident.json")
	// One more message in the same state and status: one update event.
	after := replaceOnce(t, before, `"messages": [
          {
            "details": "We have identified`, `"messages": [
          {
            "details": "The new load balancer is taking traffic.",
            "state": 200,
            "status": 400,
            "datetime": "2021-12-06T17:50:00.000Z"
          },
          {
            "details": "We have identified`)
	es := diffOnce(t, KindStatusIO, before, after)
	if eventKinds(es) != "incident_update" || es[0].Text != "The new load balancer is taking traffic." || !es[0].At.Equal(utc("2021-12-06T17:50:00Z")) {
		t.Fatalf("%+v", es)
	}
	// The incident leaves the payload: resolved, inferred, once; its
	// component recovers.
	gone := replaceOnce(t, after, `"incidents": [
      {
        "name": "Elevated`, `"incidents": [], "old": [
      {
        "name": "Elevated`)
	gone = bytes.ReplaceAll(gone, []byte(`"status_code": 400`), []byte(`"status_code": 100`))
	es = diffOnce(t, KindStatusIO, after, gone)
	if eventKinds(es) != "incident_resolved,component_status,component_status" || !es[0].Inferred {
		t.Fatalf("%s: %+v", eventKinds(es), es)
	}
}

func TestGCPDiffOnce(t *testing.T) {
	before := readFixture(t, "providers/gcp_incidents.json")
	// The open incident gains an AVAILABLE update and an end: one update
	// and one resolution, at the provider's times.
	after := replaceOnce(t, before, `"modified": "2024-03-05T18:14:09+00:00",
    "external_desc"`, `"modified": "2024-03-05T19:02:00+00:00",
    "end": "2024-03-05T18:55:00+00:00",
    "external_desc"`)
	after = replaceOnce(t, after, `"updates": [
      {
        "created": "2024-03-05T18:13:58+00:00"`, `"updates": [
      {
        "created": "2024-03-05T19:01:30+00:00",
        "when": "2024-03-05T19:01:30+00:00",
        "text": "The issue with Cloud Run and Cloud Functions has been resolved for all affected users as of Tuesday, 2024-03-05 10:55 US/Pacific.",
        "status": "AVAILABLE"
      },
      {
        "created": "2024-03-05T18:13:58+00:00"`)
	es := diffOnce(t, KindGCP, before, after)
	if eventKinds(es) != "incident_update,incident_resolved" || !es[0].At.Equal(utc("2024-03-05T19:01:30Z")) || !es[1].At.Equal(utc("2024-03-05T18:55:00Z")) {
		t.Fatalf("%s: %+v", eventKinds(es), es)
	}
	// The older incident scrolling out of the window resolves nothing.
	i := bytes.Index(after, []byte(`,
  {
    "id": "mLBHeCxhRia17anXCSX1"`))
	trimmed := append(append([]byte{}, after[:i]...), []byte("\n]")...)
	if es := diffOnce(t, KindGCP, after, trimmed); len(es) != 0 {
		t.Fatalf("%+v", es)
	}
}

func TestAWSDiffOnce(t *testing.T) {
	before := readFixture(t, "providers/aws_data.json")
	// A fourth update on the open event: one update event.
	after := replaceOnce(t, before, `continue to work towards full recovery.</div>"`,
		`continue to work towards full recovery.</div><div><span class=\"yellowfg\"> 5:36 PM PDT</span>&nbsp;Power was restored at 3:22 PM PDT.</div>"`)
	es := diffOnce(t, KindAWS, before, after)
	if eventKinds(es) != "incident_update" || es[0].Text != "Power was restored at 3:22 PM PDT." || !es[0].At.Equal(utc("2018-06-01T00:36:00Z")) {
		t.Fatalf("%s: %+v", eventKinds(es), es)
	}
	// Then resolved: the summary gains [RESOLVED] and the status drops to
	// 0 with a last update; one update and one resolution.
	resolved := replaceOnce(t, after, `"summary": "Instance connectivity",
      "date": "1527804785",
      "status": "2"`, `"summary": "[RESOLVED] Instance connectivity",
      "date": "1527804785",
      "status": "0"`)
	resolved = replaceOnce(t, resolved, `Power was restored at 3:22 PM PDT.</div>"`,
		`Power was restored at 3:22 PM PDT.</div><div><span class=\"yellowfg\"> 6:10 PM PDT</span>&nbsp;The issue has been resolved and the service is operating normally.</div>"`)
	es = diffOnce(t, KindAWS, after, resolved)
	if eventKinds(es) != "incident_update,incident_resolved" || !es[1].At.Equal(utc("2018-06-01T01:10:00Z")) {
		t.Fatalf("%s: %+v", eventKinds(es), es)
	}
}

func TestAWSStamp(t *testing.T) {
	prev := utc("2018-05-31T22:13:05Z") // 3:13:05 PM PDT
	for _, tc := range []struct{ in, want string }{
		{"3:13 PM PDT", "2018-05-31T22:13:00Z"},
		{"3:05 PM PDT", "2018-05-31T22:05:00Z"},  // a little before: same day
		{"1:05 PM PDT", "2018-06-01T20:05:00Z"},  // two hours back: next day
		{"12:20 AM PDT", "2018-06-01T07:20:00Z"}, // past midnight
		{"Jun 2, 9:00 AM PDT", "2018-06-02T16:00:00Z"},
		{"Jan 3 9:00 AM PST", "2019-01-03T17:00:00Z"},
	} {
		got, ok := awsStamp(tc.in, prev)
		if !ok || !got.Equal(utc(tc.want)) {
			t.Errorf("awsStamp(%q) = %s, %v; want %s", tc.in, got, ok, tc.want)
		}
	}
	for _, bad := range []string{"", "3:13 PM", "3:13 PM XYZ", "25:13 PM PDT", "Foo 2 3:13 PM PDT"} {
		if _, ok := awsStamp(bad, prev); ok {
			t.Errorf("awsStamp(%q) accepted", bad)
		}
	}
}

func TestInstatusDiffOnce(t *testing.T) {
	before := readFixture(t, "providers/instatus_components.json")
	// The open incident gains an update that identifies the cause, and
	// the Website is degraded: one update, one status change, one
	// component change.
	after := replaceOnce(t, before, `"updates": [
          {
            "id": "ckf02l5tregrr0a3292xt1207",`, `"updates": [
          {
            "id": "ckf02xyzupdat0a3292xt9999",
            "message": "A bad deploy of the Website was identified.",
            "status": "IDENTIFIED",
            "started": "2020-09-12T04:02:00.000Z"
          },
          {
            "id": "ckf02l5tregrr0a3292xt1207",`)
	after = replaceOnce(t, after, `"name": "Test incident",
        "started": "2020-09-12T03:38:47.998Z",
        "status": "INVESTIGATING"`, `"name": "Test incident",
        "started": "2020-09-12T03:38:47.998Z",
        "status": "IDENTIFIED"`)
	after = replaceOnce(t, after, `"name": "Website",
    "status": "OPERATIONAL"`, `"name": "Website",
    "status": "DEGRADEDPERFORMANCE"`)
	es := diffOnce(t, KindInstatus, before, after)
	if eventKinds(es) != "incident_update,incident_status,component_status" || es[0].UpdateID != "ckf02xyzupdat0a3292xt9999" ||
		es[1].Status != StatusIdentified || !es[1].At.Equal(utc("2020-09-12T04:02:00Z")) || es[2].Status != ComponentDegradedPerformance {
		t.Fatalf("%s: %+v", eventKinds(es), es)
	}
	// summary.json lists active incidents only: one that leaves it is
	// resolved, once.
	sum := readFixture(t, "providers/instatus_summary.json")
	gone := replaceOnce(t, sum, `"activeIncidents": [`, `"activeIncidents": [], "old": [`)
	es = diffOnce(t, KindInstatus, sum, gone)
	if eventKinds(es) != "incident_resolved" || !es[0].Inferred {
		t.Fatalf("%s: %+v", eventKinds(es), es)
	}
}

func TestCachetDiffOnce(t *testing.T) {
	before := readFixture(t, "providers/cachet_incidents.json")
	// The open incident moves to identified: one status change at its
	// updated_at; no new update, since the message is the same.
	after := replaceOnce(t, before, `"status": 1,
      "visible": 1,
      "message": "We are investigating reports that the **website** cannot be reached.\r\nThe API is not affected.",
      "scheduled_at": "2015-08-01 12:10:00",
      "created_at": "2015-08-01 12:10:00",
      "updated_at": "2015-08-01 12:10:00"`, `"status": 2,
      "visible": 1,
      "message": "We are investigating reports that the **website** cannot be reached.\r\nThe API is not affected.",
      "scheduled_at": "2015-08-01 12:10:00",
      "created_at": "2015-08-01 12:10:00",
      "updated_at": "2015-08-01 12:25:00"`)
	es := diffOnce(t, KindCachet, before, after)
	if eventKinds(es) != "incident_status" || es[0].Status != StatusIdentified || !es[0].At.Equal(utc("2015-08-01T12:25:00Z")) {
		t.Fatalf("%s: %+v", eventKinds(es), es)
	}
	// Cachet 2.4 lists updates: a new one is one event, and the
	// maintenance being fixed completes it.
	withUpdates := replaceOnce(t, after, `"human_status": "Scheduled"`, `"human_status": "Scheduled",
      "updates": [{"id": 7, "incident_id": 3, "status": 0, "message": "Starting soon.", "created_at": "2015-08-08 01:45:00"}]`)
	es = diffOnce(t, KindCachet, after, withUpdates)
	if eventKinds(es) != "maintenance_update" || es[0].UpdateID != "7" {
		t.Fatalf("%s: %+v", eventKinds(es), es)
	}
	done := replaceOnce(t, withUpdates, `"status": 0,
      "visible": 1`, `"status": 4,
      "visible": 1`)
	if es = diffOnce(t, KindCachet, withUpdates, done); eventKinds(es) != "maintenance_completed" {
		t.Fatalf("%s: %+v", eventKinds(es), es)
	}
}

func TestBetterStackDiffOnce(t *testing.T) {
	before := readFixture(t, "providers/betterstack_index.json")
	// A third update resolves the open report: one update and one
	// resolution at the report's end; the API recovers.
	after := replaceOnce(t, before, `"ends_at": null,`, `"ends_at": "2025-02-16T14:45:00.000Z",`)
	after = replaceOnce(t, after, `"updated_at": "2025-02-16T14:20:00.000Z"`, `"updated_at": "2025-02-16T14:45:00.000Z"`)
	after = replaceOnce(t, after, `"public_name": "API",
        "explanation": "",
        "position": 0,
        "availability": 0.99963,
        "status": "degraded"`, `"public_name": "API",
        "explanation": "",
        "position": 0,
        "availability": 0.99963,
        "status": "operational"`)
	after = replaceOnce(t, after, `  "included": [`, `  "included": [
    {
      "id": "9004",
      "type": "status_update",
      "attributes": {
        "message": "Latency is back to normal.",
        "published_at": "2025-02-16T14:45:00.000Z",
        "status_report_id": "5001",
        "affected_resources": [{ "status_page_resource_id": "12345", "status": "resolved" }]
      }
    },`)
	es := diffOnce(t, KindBetterStack, before, after)
	if eventKinds(es) != "incident_update,incident_resolved,component_status" || es[0].UpdateID != "9004" || !es[1].At.Equal(utc("2025-02-16T14:45:00Z")) {
		t.Fatalf("%s: %+v", eventKinds(es), es)
	}
	// The maintenance window starts: the page's next change is after
	// its start, so it is in progress.
	started := bytes.ReplaceAll(after, []byte(`"updated_at": "2025-02-16T14:45:00.000Z"`), []byte(`"updated_at": "2025-02-17T07:00:05.000Z"`))
	es = diffOnce(t, KindBetterStack, after, started)
	if eventKinds(es) != "maintenance_status" || es[0].Status != StatusInProgress {
		t.Fatalf("%s: %+v", eventKinds(es), es)
	}
}

func TestProviderParseErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		data string
		kind Kind
		want string
	}{
		{"statusio no result", `{"status":[]}`, KindStatusIO, "upstream: statusio: result: missing"},
		{"statusio bad code", `{"result":{"status_overall":{"status_code":700}}}`, KindStatusIO, "upstream: statusio: result.status_overall.status_code: 700 is not a status.io status code"},
		{"statusio bad state", `{"result":{"incidents":[{"_id":"a","messages":[{"state":400,"status":300}]}]}}`, KindStatusIO, "upstream: statusio: result.incidents[0].messages[0].state: 400 is not a status.io incident state"},
		{"statusio missing id", `{"result":{"status":[{"name":"x","status_code":100}]}}`, KindStatusIO, "upstream: statusio: result.status[0].id: missing"},
		{"statusio bad time", `{"result":{"incidents":[{"_id":"a","datetime_open":"soon"}]}}`, KindStatusIO, `upstream: statusio: result.incidents[0].datetime_open: "soon" is not an ISO-8601 time`},
		{"statusio html", `<!DOCTYPE html><html></html>`, KindStatusIO, "upstream: got HTML, not JSON"},
		{"gcp object", `{"incidents":[]}`, KindGCP, "upstream: gcp: got a JSON object; Google Cloud's incidents.json is an array"},
		{"gcp missing id", `[{"external_desc":"x"}]`, KindGCP, "upstream: gcp: [0].id: missing"},
		{"gcp bad time", `[{"id":"a","updates":[{"when":"x"},{"when":"2024-13-01"}]}]`, KindGCP, `upstream: gcp: [0].updates[0].when: "x" is not an ISO-8601 time`},
		{"gcp wrong type", `[{"id":"a","updates":{}}]`, KindGCP, "upstream: gcp: updates: got JSON object, want array"},
		{"aws neither", `{"archive":null,"current":null}`, KindAWS, "upstream: aws: neither current nor archive is present"},
		{"aws bad date", `{"current":[{"service":"ec2-us-east-1","date":"yesterday","status":"1"}]}`, KindAWS, `upstream: aws: current[0].date: "yesterday" is not a time in seconds since 1970`},
		{"aws bad status", `{"archive":[{"service":"s3","date":"1436972949","status":"7"}]}`, KindAWS, `upstream: aws: archive[0].status: "7" is not 0, 1, 2 or 3`},
		{"aws missing service", `{"current":[{"date":"1436972949"}]}`, KindAWS, "upstream: aws: current[0].service: missing"},
		{"instatus nothing", `{"meta":{}}`, KindInstatus, "upstream: instatus: none of page, activeIncidents or activeMaintenances is present"},
		{"instatus page status", `{"page":{"status":"DOWN"}}`, KindInstatus, `upstream: instatus: page.status: "DOWN" is not UP, HASISSUES or UNDERMAINTENANCE`},
		{"instatus no id", `{"activeIncidents":[{"name":"x"}]}`, KindInstatus, "upstream: instatus: activeIncidents[0]: neither id nor url names the incident"},
		{"instatus bad time", `{"activeIncidents":[{"id":"a","started":"Sat Jun 99"}]}`, KindInstatus, `upstream: instatus: activeIncidents[0].started: "Sat Jun 99" is not an ISO-8601 time`},
		{"instatus duration", `{"activeMaintenances":[{"id":"a","duration":"an hour"}]}`, KindInstatus, `upstream: instatus: activeMaintenances[0].duration: "an hour" is not a number of minutes`},
		{"instatus update id", `[{"id":"c","incidents":[{"id":"i","updates":[{"message":"x"}]}]}]`, KindInstatus, "upstream: instatus: [0].incidents[0].updates[0].id: missing"},
		{"cachet no data", `{"meta":{"pagination":{}}}`, KindCachet, "upstream: cachet: data: missing"},
		{"cachet neither", `{"data":[{"id":1,"name":"x"}]}`, KindCachet, "upstream: cachet: data[0]: neither a component (status_name, group_id) nor an incident"},
		{"cachet component status", `{"data":[{"id":1,"status_name":"x","status":9}]}`, KindCachet, `upstream: cachet: data[0].status: "9" is not a Cachet component status (0 to 4)`},
		{"cachet incident status", `{"data":[{"id":1,"message":"x","status":"fixed"}]}`, KindCachet, `upstream: cachet: data[0].status: "fixed" is not a Cachet incident status (0 to 4)`},
		{"cachet bad time", `{"data":[{"id":1,"message":"x","status":1,"created_at":"01/08/2015"}]}`, KindCachet, `upstream: cachet: data[0].created_at: "01/08/2015" is not an ISO-8601 time`},
		{"betterstack not a page", `{"data":{"type":"incident"}}`, KindBetterStack, "upstream: betterstack: data.type: want status_page"},
		{"betterstack state", `{"data":{"type":"status_page","attributes":{"aggregate_state":"on fire"}}}`, KindBetterStack, `upstream: betterstack: data.attributes.aggregate_state: "on fire" is not operational`},
		{"betterstack resource", `{"data":{"type":"status_page"},"included":[{"id":"1","type":"status_page_resource","attributes":{"status":"up"}}]}`, KindBetterStack, `upstream: betterstack: included[0].attributes.status: "up" is not operational`},
		{"betterstack no id", `{"data":{"type":"status_page"},"included":[{"type":"status_report"}]}`, KindBetterStack, "upstream: betterstack: included[0].id: missing"},
		{"betterstack time", `{"data":{"type":"status_page"},"included":[{"id":"1","type":"status_update","attributes":{"published_at":"now"}}]}`, KindBetterStack, `upstream: betterstack: included[0].attributes.published_at: "now" is not an ISO-8601 time`},
		{"empty array detected", `[]`, "", "upstream: an empty JSON array says nothing of its format"},
		{"unknown kind", `{}`, "jsn", "upstream: unknown kind \"jsn\" (want statuspage, rss, atom, "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.data), tc.kind)
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Fatalf("got %v\nwant %s…", err, tc.want)
			}
			if !errors.Is(err, ErrUnreadable) {
				t.Errorf("%v is not ErrUnreadable", err)
			}
		})
	}
}

// TestKindList keeps help text and errors naming every kind.
func TestKindList(t *testing.T) {
	l := KindList()
	for _, k := range Kinds {
		if !strings.Contains(l, string(k)) {
			t.Errorf("%q lacks %s", l, k)
		}
		if got, err := ParseKind(" " + strings.ToUpper(string(k)) + " "); got != k || err != nil {
			t.Errorf("ParseKind(%s) = %s, %v", k, got, err)
		}
	}
	if !slices.Contains(Kinds, KindStatusIO) {
		t.Error("statusio is not a kind")
	}
}

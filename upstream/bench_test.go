package upstream

import (
	"testing"
)

func BenchmarkParseStatuspageSummary(b *testing.B) {
	data := readFixture(b, "feeds/twilio_summary.json")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(data, KindStatuspage); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseRSS(b *testing.B) {
	data := readFixture(b, "feeds/githubstatus_history.rss")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(data, KindRSS); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDiff diffs the Twilio summary (73 components, 11 incidents and
// maintenances) against a copy where one incident gained an update and
// one component changed: the steady-state cost of a poll.
func BenchmarkDiff(b *testing.B) {
	prev := mustParse(b, "feeds/twilio_summary.json", KindStatuspage)
	next := mustParse(b, "feeds/twilio_summary.json", KindStatuspage)
	in := &next.Incidents[0]
	in.Updates = append([]Update{{ID: "new", Status: StatusIdentified, At: in.UpdatedAt.Add(1)}}, in.Updates...)
	in.Status = StatusIdentified
	next.Components[3].Status = ComponentMajorOutage
	b.ReportAllocs()
	for b.Loop() {
		if n := len(Diff(prev, next, "twilio")); n != 3 {
			b.Fatalf("%d events", n)
		}
	}
}

package replay

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
	"time"

	"stormdesk/upstream"
)

func TestReadTicketsNamesLineAndField(t *testing.T) {
	for name, tc := range map[string]struct{ in, want string }{
		"not json":      {"{\"id\":\"a\",\"received_at\":\"2026-03-02T09:00:00Z\",\"subject\":\"x\"}\n{nope\n", "t.jsonl:2: not a JSON object"},
		"no id":         {`{"received_at":"2026-03-02T09:00:00Z","subject":"x"}`, "t.jsonl:1: id: required"},
		"duplicate id":  {"{\"id\":\"a\",\"received_at\":\"2026-03-02T09:00:00Z\",\"subject\":\"x\"}\n\n{\"id\":\"a\",\"received_at\":\"2026-03-02T09:00:00Z\",\"subject\":\"y\"}", `t.jsonl:3: id: "a" is already the id of line 1`},
		"bad time":      {`{"id":"a","received_at":"yesterday","subject":"x"}`, `t.jsonl:1: received_at: "yesterday" is not an RFC 3339 time`},
		"zero time":     {`{"id":"a","received_at":"0001-01-01T00:00:00Z","subject":"x"}`, "t.jsonl:1: received_at: 0001-01-01T00:00:00Z is out of range"},
		"wrong type":    {`{"id":"a","received_at":"2026-03-02T09:00:00Z","subject":7}`, "t.jsonl:1: subject: want a string, got 7"},
		"empty":         {`{"id":"a","received_at":"2026-03-02T09:00:00Z","subject":" ","body":""}`, "t.jsonl:1: subject and body: both empty"},
		"label type":    {`{"id":"a","received_at":"2026-03-02T09:00:00Z","subject":"x","truth":1}`, "t.jsonl:1: truth: want a string"},
		"not an object": {`["a"]`, "t.jsonl:1: not a JSON object"},
	} {
		_, err := ReadTickets(strings.NewReader(tc.in), "t.jsonl", "truth")
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want %q…", name, err, tc.want)
		}
	}
}

func TestReadTicketsFields(t *testing.T) {
	in := `{"id":"t1","received_at":"2026-03-02T09:00:00+01:00","subject":"Can't log in","body":"b","source":"chat","customer_email":"a@b.example","customer_name":"A","organisation":"Acme","label":"inc-1","extra":{"x":1}}
{"id":"t2","received_at":"2026-03-02T09:05:00Z","body":"only a body","org":"Globex"}`
	ts, err := ReadTickets(strings.NewReader(in), "t.jsonl", "label")
	if err != nil {
		t.Fatal(err)
	}
	want := Ticket{ID: "t1", ReceivedAt: time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC), Subject: "Can't log in", Body: "b", Source: "chat",
		CustomerEmail: "a@b.example", CustomerName: "A", Org: "Acme", Label: "inc-1"}
	if len(ts) != 2 || ts[0] != want || ts[1].Org != "Globex" || ts[1].Label != "" {
		t.Fatalf("got %+v", ts)
	}
	// Without --label the label field is not read at all.
	ts, _ = ReadTickets(strings.NewReader(in), "t.jsonl", "")
	if ts[0].Label != "" {
		t.Fatalf("label read without a label field: %q", ts[0].Label)
	}
}

func TestReadUpdatesValidates(t *testing.T) {
	good := `{"provider":"authgate","provider_incident_id":"i1","update_id":"u1","status":"investigating","impact":"major","at":"2026-03-02T09:00:00Z","title":"Login errors","label":"inc-1"}
{"provider":"authgate","provider_incident_id":"m1","update_id":"u2","status":"in_progress","impact":"maintenance","at":"2026-03-03T01:00:00Z","kind":"maintenance","components":["API"]}`
	us, err := ReadUpdates(strings.NewReader(good), "u.jsonl", "label")
	if err != nil {
		t.Fatal(err)
	}
	if len(us) != 2 || us[0].Kind != "incident" || us[0].Label != "inc-1" || !us[1].Maintenance() || us[1].Components[0] != "API" {
		t.Fatalf("got %+v", us)
	}
	for name, tc := range map[string]struct{ in, want string }{
		"status":      {`{"provider":"p","provider_incident_id":"i","update_id":"u","status":"on fire","at":"2026-03-02T09:00:00Z"}`, `u.jsonl:1: status: "on fire" is not one of investigating`},
		"maint state": {`{"provider":"p","provider_incident_id":"i","update_id":"u","status":"investigating","kind":"maintenance","at":"2026-03-02T09:00:00Z"}`, `u.jsonl:1: status: "investigating" is not one of scheduled`},
		"impact":      {`{"provider":"p","provider_incident_id":"i","update_id":"u","status":"resolved","impact":"huge","at":"2026-03-02T09:00:00Z"}`, `u.jsonl:1: impact: "huge" is not one of`},
		"kind":        {`{"provider":"p","provider_incident_id":"i","update_id":"u","status":"resolved","kind":"outage","at":"2026-03-02T09:00:00Z"}`, `u.jsonl:1: kind: "outage" is not incident or maintenance`},
		"no provider": {`{"provider_incident_id":"i","update_id":"u","status":"resolved","at":"2026-03-02T09:00:00Z"}`, `u.jsonl:1: provider: required`},
		"components":  {`{"provider":"p","provider_incident_id":"i","update_id":"u","status":"resolved","at":"2026-03-02T09:00:00Z","components":"API"}`, `u.jsonl:1: components: want a list of strings`},
	} {
		_, err := ReadUpdates(strings.NewReader(tc.in), "u.jsonl", "")
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want %q…", name, err, tc.want)
		}
	}
	in := &Input{Updates: us, Config: &upstream.Config{Dependencies: []upstream.Dependency{{Name: "other"}}}}
	if err := in.Check(); err == nil || !strings.Contains(err.Error(), `provider "authgate" is not a dependency`) {
		t.Fatalf("check: %v", err)
	}
}

// TestPairScores checks the pairwise figures and the ARI against values
// worked out by hand (the ARI also against scikit-learn's
// adjusted_rand_score on the same labellings: 0.1666…).
func TestPairScores(t *testing.T) {
	// Truth: a a a b b and one background; predicted: incident 1 holds
	// a a b, incident 2 holds a b; the background ticket is alone.
	label := []string{"a", "a", "a", "b", "b", ""}
	pred := []int64{1, 1, 2, 1, 2, 0}
	p, r, f, ari := pairScores(label, pred)
	// Predicted pairs: C(3,2)+C(2,2) = 4; true pairs: C(3,2)+C(2,2) = 4;
	// pairs in both: (a,a) in 1 = 1.
	if p != 0.25 || r != 0.25 || f != 0.25 {
		t.Fatalf("p %v r %v f %v", p, r, f)
	}
	// Expected index 4*4/15; ARI = (1 - 16/15) / (4 - 16/15).
	want := (1 - 16.0/15) / (4 - 16.0/15)
	if math.Abs(ari-want) > 1e-12 {
		t.Fatalf("ari %v, want %v", ari, want)
	}
	if _, _, f, ari := pairScores(label, []int64{1, 1, 1, 2, 2, 0}); f != 1 || ari != 1 {
		t.Fatalf("perfect grouping scored f %v ari %v", f, ari)
	}
}

// TestStatusPageParses serves a provider's summary.json at several
// moments and reads it with the real parser: an incident appears with its
// updates newest first, disappears once resolved, and a maintenance is
// listed as one.
func TestStatusPageParses(t *testing.T) {
	at := func(h, m int) time.Time { return time.Date(2026, 3, 2, h, m, 0, 0, time.UTC) }
	us := []Update{
		{Provider: "p", IncidentID: "i1", UpdateID: "1", Status: "investigating", Impact: "major", At: at(9, 0), Title: "Login errors", Body: "Looking", Kind: "incident", Components: []string{"Auth API"}},
		{Provider: "p", IncidentID: "i1", UpdateID: "2", Status: "identified", At: at(9, 30), Body: "Found it", Kind: "incident"},
		{Provider: "p", IncidentID: "i1", UpdateID: "3", Status: "resolved", At: at(10, 0), Body: "Fixed", Kind: "incident"},
		{Provider: "p", IncidentID: "m1", UpdateID: "4", Status: "scheduled", Impact: "maintenance", At: at(8, 0), Title: "DB upgrade", Kind: "maintenance"},
		{Provider: "p", IncidentID: "m1", UpdateID: "5", Status: "in_progress", At: at(11, 0), Kind: "maintenance"},
	}
	read := func(t0 time.Time) *upstream.Snapshot {
		body, err := json.Marshal(summaryAt("p", us, t0))
		if err != nil {
			t.Fatal(err)
		}
		s, err := upstream.Parse(body, upstream.KindStatuspage)
		if err != nil {
			t.Fatalf("at %s: %v\n%s", t0, err, body)
		}
		return s
	}
	s := read(at(9, 45))
	if len(s.Incidents) != 2 {
		t.Fatalf("at 9:45: %+v", s.Incidents)
	}
	var in, m upstream.Incident
	for _, x := range s.Incidents {
		if x.Maintenance {
			m = x
		} else {
			in = x
		}
	}
	if in.Title != "Login errors" || in.Status != "identified" || in.Impact != "major" || len(in.Updates) != 2 || in.Updates[0].Body != "Found it" {
		t.Fatalf("incident at 9:45: %+v", in)
	}
	if m.Title != "DB upgrade" || m.Status != "scheduled" || !m.ScheduledFor.Equal(at(11, 0)) {
		t.Fatalf("maintenance at 9:45: %+v", m)
	}
	if s := read(at(10, 0)); len(s.Incidents) != 1 || !s.Incidents[0].Maintenance {
		t.Fatalf("at 10:00 the resolved incident is still listed: %+v", s.Incidents)
	}
	if s := read(at(7, 0)); len(s.Incidents) != 0 || s.Indicator != "none" {
		t.Fatalf("before any update: %+v", s)
	}
}

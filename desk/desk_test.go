package desk_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"stormdesk"
	"stormdesk/desk"
	"stormdesk/store/sqlite"
	"stormdesk/templates"
)

var t0 = time.Date(2018, 11, 28, 16, 46, 0, 0, time.UTC)

func newService(t *testing.T, opts ...func(*desk.Options)) (*desk.Service, *time.Time) {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "d.db"), t0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	now := t0
	return openDesk(t, s, desk.Options{Now: func() time.Time { return now }}, opts...), &now
}

// openDesk builds a desk over s with opt as changed by opts, closed when
// the test ends.
func openDesk(t testing.TB, s stormdesk.Store, opt desk.Options, opts ...func(*desk.Options)) *desk.Service {
	t.Helper()
	for _, o := range opts {
		o(&opt)
	}
	d, err := desk.New(context.Background(), s, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(d.Close)
	return d
}

func TestIngestNamesTheBadItem(t *testing.T) {
	d, _ := newService(t)
	ctx := context.Background()
	_, err := d.IngestTickets(ctx, []*stormdesk.Ticket{{Subject: "ok"}, {Subject: " "}})
	if stormdesk.ErrorMessage(err) != "tickets[1].subject: required when the body is empty" {
		t.Fatalf("got %v", err)
	}
	_, err = d.IngestTickets(ctx, []*stormdesk.Ticket{{Subject: "late", ReceivedAt: t0.Add(time.Hour)}})
	if !strings.Contains(stormdesk.ErrorMessage(err), "in the future") {
		t.Fatalf("future received time: %v", err)
	}
	all, _ := d.Incidents(ctx, stormdesk.IncidentFilter{})
	if len(all) != 0 {
		t.Fatal("nothing should be stored")
	}
	tk := &stormdesk.Ticket{Subject: "defaults"}
	created, err := d.IngestTickets(ctx, []*stormdesk.Ticket{tk})
	if err != nil || !created[0] || tk.Source != "api" || !tk.ReceivedAt.Equal(t0) {
		t.Fatalf("defaults: %v %v %+v", created, err, tk)
	}
}

func TestIncidentLifecycle(t *testing.T) {
	d, now := newService(t)
	ctx := context.Background()
	inc, err := d.Declare(ctx, "Login failures", stormdesk.SeverityCritical, "U-ana")
	if err != nil {
		t.Fatal(err)
	}
	*now = t0.Add(10 * time.Minute)
	inc, err = d.SetStatus(ctx, inc.ID, stormdesk.StatusIdentified, "Auth0 is down", "U-bob", "slack:U-bob")
	if err != nil {
		t.Fatal(err)
	}
	if inc.AcknowledgedAt == nil || !inc.AcknowledgedAt.Equal(*now) {
		t.Fatalf("first status change must acknowledge: %+v", inc)
	}
	if _, err := d.SetStatus(ctx, inc.ID, stormdesk.StatusTriage, "", "U-bob", "slack:U-bob"); stormdesk.ErrorCode(err) != stormdesk.ECONFLICT {
		t.Fatalf("back to triage: %v, want a conflict", err)
	}
	*now = t0.Add(2 * time.Hour)
	inc, _ = d.SetStatus(ctx, inc.ID, stormdesk.StatusResolved, "", "U-bob", "slack:U-bob")
	if inc.ResolvedAt == nil || !inc.ResolvedAt.Equal(*now) {
		t.Fatalf("resolve: %+v", inc)
	}
	if _, err := d.SetStatus(ctx, inc.ID, stormdesk.StatusMonitoring, "", "U-bob", "slack:U-bob"); stormdesk.ErrorCode(err) != stormdesk.ECONFLICT {
		t.Fatalf("resolved → monitoring: %v", err)
	}
	inc, _ = d.SetStatus(ctx, inc.ID, stormdesk.StatusInvestigating, "it came back", "U-bob", "slack:U-bob")
	if inc.ResolvedAt != nil {
		t.Fatal("reopening must clear the resolved time")
	}
	if _, err := d.AddNote(ctx, inc.ID, "  ", "U-ana", time.Time{}); stormdesk.ErrorCode(err) != stormdesk.EINVALID {
		t.Fatalf("empty note: %v", err)
	}
	if _, err := d.AddNote(ctx, inc.ID, "pinned from chat", "U-ana", t0.Add(5*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if _, err := d.AddNote(ctx, 999, "x", "U-ana", time.Time{}); stormdesk.ErrorCode(err) != stormdesk.ENOTFOUND {
		t.Fatalf("note on a missing incident: %v", err)
	}
	es, err := d.Timeline(ctx, inc.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range es {
		got = append(got, e.At.Format("15:04")+" "+e.Kind+" "+e.Actor)
	}
	want := "16:46 declared U-ana|16:51 note U-ana|16:56 status_change U-bob|18:46 status_change U-bob|18:46 status_change U-bob"
	if strings.Join(got, "|") != want {
		t.Fatalf("timeline:\n got %s\nwant %s", strings.Join(got, "|"), want)
	}
	if !strings.Contains(es[2].Text, "from investigating to identified: Auth0 is down") {
		t.Fatalf("status text: %q", es[2].Text)
	}
}

func TestCorrectEntry(t *testing.T) {
	d, now := newService(t)
	ctx := context.Background()
	inc, _ := d.Declare(ctx, "Login failures", stormdesk.SeverityMajor, "U1")
	note, _ := d.AddNote(ctx, inc.ID, "Provider confirmd", "U1", t0.Add(5*time.Minute))
	*now = t0.Add(time.Hour)
	e, err := d.CorrectEntry(ctx, note.ID, "Provider confirmed the fix", t0.Add(7*time.Minute), "U2")
	if err != nil || e.Text != "Provider confirmed the fix" || !e.At.Equal(t0.Add(7*time.Minute)) {
		t.Fatalf("correct: %v %+v", err, e)
	}
	es, _ := d.Timeline(ctx, inc.ID)
	last := es[len(es)-1]
	if last.Kind != stormdesk.KindCorrection || last.Actor != "U2" || !strings.Contains(string(last.Data), `"old_text":"Provider confirmd"`) {
		t.Fatalf("the correction is not recorded: %+v", last)
	}
	if _, err := d.CorrectEntry(ctx, last.ID, "x", time.Time{}, "U2"); stormdesk.ErrorCode(err) != stormdesk.ECONFLICT {
		t.Fatalf("correcting a correction: %v", err)
	}
	if _, err := d.CorrectEntry(ctx, note.ID, " ", time.Time{}, "U2"); stormdesk.ErrorCode(err) != stormdesk.EINVALID {
		t.Fatalf("empty correction: %v", err)
	}
}

// TestExportCountsChannelsAndTags: the post-mortem's JSON summary counts
// the incident's reports by channel and their most common tags, read
// from the store (tickets of other incidents not counted).
func TestExportCountsChannelsAndTags(t *testing.T) {
	d, _ := newService(t)
	ctx := context.Background()
	inc, err := d.Declare(ctx, "Login failures", stormdesk.SeverityMajor, "U-ana")
	if err != nil {
		t.Fatal(err)
	}
	tickets := []*stormdesk.Ticket{
		{Subject: "a", Channel: "email", Tags: []string{"login", "vip"}},
		{Subject: "b", Channel: "chat", Tags: []string{"login"}},
		{Subject: "c", Channel: "email"},
		{Subject: "d"},
		{Subject: "elsewhere", Channel: "voice", Tags: []string{"billing"}},
	}
	if _, err := d.IngestTickets(ctx, tickets); err != nil {
		t.Fatal(err)
	}
	for _, tk := range tickets[:4] {
		if err := d.LinkTicket(ctx, tk.ID, inc.ID, "U-ana"); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := d.Export(ctx, inc.ID, "json", &buf); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Summary struct {
			Channels []templates.LabelCount `json:"reports_by_channel"`
			Tags     []templates.LabelCount `json:"top_tags"`
		} `json:"summary"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(doc.Summary.Channels, doc.Summary.Tags); got != "[{email 2} {chat 1}] [{login 2} {vip 1}]" {
		t.Errorf("summary counts: %s", got)
	}
}

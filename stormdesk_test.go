package stormdesk_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"stormdesk"
)

func TestStatusTransitions(t *testing.T) {
	// Every pair, written out: the table is the specification.
	allowed := map[string]bool{
		"triage>investigating": true, "triage>identified": true, "triage>monitoring": true, "triage>resolved": true,
		"investigating>identified": true, "investigating>monitoring": true, "investigating>resolved": true,
		"identified>investigating": true, "identified>monitoring": true, "identified>resolved": true,
		"monitoring>investigating": true, "monitoring>identified": true, "monitoring>resolved": true,
		"resolved>investigating": true,
		// An operator may take on an upstream watch at any status; only
		// triage itself confirms one into triage.
		"watching>investigating": true, "watching>identified": true, "watching>monitoring": true, "watching>resolved": true,
	}
	for _, from := range stormdesk.Statuses {
		for _, to := range stormdesk.Statuses {
			key := string(from) + ">" + string(to)
			got := from.CanBecome(to)
			if got != allowed[key] {
				t.Errorf("%s: CanBecome = %v, want %v", key, got, allowed[key])
			}
			err := from.Transition(to)
			if (err == nil) != got || (err != nil && stormdesk.ErrorCode(err) != stormdesk.ECONFLICT) {
				t.Errorf("%s: Transition = %v", key, err)
			}
		}
	}
	if stormdesk.Status("bogus").CanBecome(stormdesk.StatusResolved) {
		t.Error("an unknown status may not move")
	}
}

func TestParseStatusAndSeverity(t *testing.T) {
	if s, err := stormdesk.ParseStatus(" Monitoring "); err != nil || s != stormdesk.StatusMonitoring {
		t.Errorf("ParseStatus: %v %v", s, err)
	}
	if _, err := stormdesk.ParseStatus("fixed"); err == nil || !strings.Contains(err.Error(), "investigating") {
		t.Errorf("ParseStatus(fixed) = %v, want an error listing the statuses", err)
	}
	for in, want := range map[string]stormdesk.Severity{"": "minor", "sev1": "critical", "MAJOR": "major", "3": "minor"} {
		if got, err := stormdesk.ParseSeverity(in); err != nil || got != want {
			t.Errorf("ParseSeverity(%q) = %v %v, want %v", in, got, err, want)
		}
	}
	if _, err := stormdesk.ParseSeverity("apocalyptic"); stormdesk.ErrorCode(err) != stormdesk.EINVALID {
		t.Errorf("bad severity: %v", err)
	}
}

func TestTicketValidate(t *testing.T) {
	ok := func() *stormdesk.Ticket {
		return &stormdesk.Ticket{Source: "api", Subject: "Can't log in", CustomerEmail: " Ana@Example.COM ", ReceivedAt: time.Date(2018, 11, 28, 16, 46, 0, 999, time.FixedZone("CET", 3600))}
	}
	tk := ok()
	tk.Normalize()
	if err := tk.Validate(); err != nil {
		t.Fatal(err)
	}
	if tk.CustomerEmail != "ana@example.com" || tk.ReceivedAt.Location() != time.UTC || tk.ReceivedAt.Nanosecond() != 0 {
		t.Errorf("normalize: %q %v", tk.CustomerEmail, tk.ReceivedAt)
	}
	for _, tc := range []struct {
		mutate func(*stormdesk.Ticket)
		want   string
	}{
		{func(t *stormdesk.Ticket) { t.Source = "" }, "source: required"},
		{func(t *stormdesk.Ticket) { t.Source = "fax" }, "source: \"fax\" is not one of"},
		{func(t *stormdesk.Ticket) { t.Subject = "" }, "subject: required"},
		{func(t *stormdesk.Ticket) { t.Subject = "\xff" }, "subject: invalid UTF-8"},
		{func(t *stormdesk.Ticket) { t.Body = strings.Repeat("a", stormdesk.MaxBodyLen+1) }, "body: longer than"},
		{func(t *stormdesk.Ticket) { t.CustomerEmail = "not an address" }, "customer_email:"},
		{func(t *stormdesk.Ticket) { t.CustomerEmail = "Ana <ana@example.com>" }, "customer_email:"},
		{func(t *stormdesk.Ticket) { t.Organisation = "a\x00b" }, "organisation: contains a NUL"},
		{func(t *stormdesk.Ticket) { t.ReceivedAt = time.Time{} }, "received_at: required"},
		{func(t *stormdesk.Ticket) { t.Tags = make([]string, stormdesk.MaxTags+1); fillTags(t.Tags) }, "tags: at most 20 tags, got 21"},
		{func(t *stormdesk.Ticket) { t.Tags = []string{"ok", strings.Repeat("a", stormdesk.MaxTagLen+1)} }, "tags[1]: longer than 64 bytes"},
		{func(t *stormdesk.Ticket) { t.Tags = []string{"a\xffb"} }, "tags[0]: invalid UTF-8"},
		{func(t *stormdesk.Ticket) { t.Tags = []string{"a\nb"} }, "tags[0]: contains a control character"},
		{func(t *stormdesk.Ticket) { t.Channel = "fax" }, `channel: "fax" is not one of email, web, chat, api, voice, sms, social, mobile, other`},
		{func(t *stormdesk.Ticket) { t.ReceivedAt = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC) }, "received_at:"},
	} {
		tk := ok()
		tc.mutate(tk)
		tk.Normalize()
		err := tk.Validate()
		if err == nil || !strings.HasPrefix(stormdesk.ErrorMessage(err), tc.want) || stormdesk.ErrorCode(err) != stormdesk.EINVALID {
			t.Errorf("want %q, got %v", tc.want, err)
		}
	}
}

func fillTags(tags []string) {
	for i := range tags {
		tags[i] = fmt.Sprintf("tag-%d", i)
	}
}

// TestTicketTagsAndChannel: tags are trimmed, emptied ones and repeats
// dropped (first kept, order kept) before they are counted, so exactly
// MaxTags distinct tags of MaxTagLen bytes pass; the channel is
// lower-cased.
func TestTicketTagsAndChannel(t *testing.T) {
	max := make([]string, stormdesk.MaxTags)
	fillTags(max)
	max[0] = strings.Repeat("é", stormdesk.MaxTagLen/2)
	tk := &stormdesk.Ticket{Source: "api", Subject: "x", ReceivedAt: time.Now(), Channel: " Email ",
		Tags: append(append([]string{}, max...), " tag-1 ", "", "  ", max[0])}
	tk.Normalize()
	if err := tk.Validate(); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(tk.Tags) != fmt.Sprint(max) || tk.Channel != "email" {
		t.Errorf("normalized: tags %q channel %q, want %q and email", tk.Tags, tk.Channel, max)
	}
	// Repeats are found with a set: a body's worth of distinct tags is
	// counted and refused at once (a scan would take minutes).
	many := &stormdesk.Ticket{Source: "api", Subject: "x", ReceivedAt: time.Now(), Tags: make([]string, 500_000)}
	fillTags(many.Tags)
	many.Normalize()
	if err := many.Validate(); stormdesk.ErrorMessage(err) != "tags: at most 20 tags, got 500000" {
		t.Errorf("500,000 tags: %v", err)
	}
	none := &stormdesk.Ticket{Tags: []string{" ", ""}}
	none.Normalize()
	if none.Tags != nil {
		t.Errorf("blank tags: %q, want nil", none.Tags)
	}
}

func TestErrorCodes(t *testing.T) {
	wrapped := fmt.Errorf("store: load: %w", stormdesk.Errorf(stormdesk.ENOTFOUND, "ticket 3 not found"))
	if stormdesk.ErrorCode(wrapped) != stormdesk.ENOTFOUND || stormdesk.ErrorMessage(wrapped) != "ticket 3 not found" {
		t.Errorf("wrapped: %s %s", stormdesk.ErrorCode(wrapped), stormdesk.ErrorMessage(wrapped))
	}
	plain := errors.New("pq: connection refused to 10.0.0.1 password=x")
	if stormdesk.ErrorCode(plain) != stormdesk.EINTERNAL || stormdesk.ErrorMessage(plain) != "internal error" {
		t.Errorf("an unknown error must be internal and say nothing")
	}
	if stormdesk.ErrorCode(nil) != "" {
		t.Error("nil has no code")
	}
}

// TestReplayKey: the replay guard's key depends on the scheme and the
// signed bytes only, never on how they were split into parts.
func TestReplayKey(t *testing.T) {
	a := stormdesk.ReplayKey("slack", []byte("v0:1700000000:"), []byte("text=hi"))
	if b := stormdesk.ReplayKey("slack", []byte("v0:1700000000:text=hi")); a != b {
		t.Errorf("same signed bytes, two keys: %s %s", a, b)
	}
	for _, other := range []string{
		stormdesk.ReplayKey("discord", []byte("v0:1700000000:"), []byte("text=hi")),
		stormdesk.ReplayKey("slack", []byte("v0:1700000001:"), []byte("text=hi")),
		stormdesk.ReplayKey("slack", []byte("v0:1700000000:"), []byte("text=ho")),
	} {
		if other == a {
			t.Errorf("different requests share the key %s", a)
		}
	}
	if !strings.HasPrefix(a, "slack:") || len(a) != len("slack:")+64 {
		t.Errorf("key %q: want the scheme and a hex SHA-256", a)
	}
}

func TestMergedIncidentRefusesChanges(t *testing.T) {
	live := &stormdesk.Incident{ID: 1}
	if err := live.Changeable("acknowledge"); err != nil {
		t.Fatalf("a live incident refused a change: %v", err)
	}
	merged := &stormdesk.Incident{ID: 1, MergedInto: 2}
	err := merged.Changeable("acknowledge")
	if stormdesk.ErrorCode(err) != stormdesk.ECONFLICT || stormdesk.ErrorMessage(err) != "incident 1 was merged into 2: acknowledge that one" {
		t.Fatalf("merged incident: %v", err)
	}
}

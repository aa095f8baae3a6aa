package connectors_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"stormdesk"
	"stormdesk/connectors"
)

// TestTags: a helpdesk's tags are bounded without refusing the post:
// blanks, repeats, over-long tags and control characters dropped, the
// first MaxTags of the rest kept in order, the same every time.
func TestTags(t *testing.T) {
	long := strings.Repeat("x", stormdesk.MaxTagLen+1)
	edge := strings.Repeat("é", stormdesk.MaxTagLen/2)
	in := []string{" sso ", "", "sso", long, "a\nb", "bad\xff", edge}
	for i := range 30 {
		in = append(in, fmt.Sprintf("t%02d", i))
	}
	want := []string{"sso", edge}
	for i := range stormdesk.MaxTags - 2 {
		want = append(want, fmt.Sprintf("t%02d", i))
	}
	for range 2 {
		if got := connectors.Tags(in); fmt.Sprintf("%q", got) != fmt.Sprintf("%q", want) {
			t.Fatalf("Tags:\n got %q\nwant %q", got, want)
		}
	}
	if got := connectors.Tags([]string{" ", ""}); got != nil {
		t.Errorf("blank tags: %#v, want nil", got)
	}
	// What is kept is what a ticket may carry.
	tk := &stormdesk.Ticket{Source: "api", Subject: "x", ReceivedAt: time.Now(), Tags: connectors.Tags(in)}
	tk.Normalize()
	if err := tk.Validate(); err != nil {
		t.Errorf("bounded tags refused: %v", err)
	}
}

func TestChannel(t *testing.T) {
	known := map[string]string{"phone_call_incoming": stormdesk.TicketChannelVoice, "mail": stormdesk.TicketChannelEmail}
	for in, want := range map[string]string{
		"Phone call (incoming)": "voice", " MAIL ": "email", "": "", "  ": "", "rule": "other", "Mail!": "email",
	} {
		if got := connectors.Channel(in, known); got != want {
			t.Errorf("Channel(%q) = %q, want %q", in, got, want)
		}
	}
}

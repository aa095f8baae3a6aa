// Package connectortest holds what the helpdesk connectors' tests share.
package connectortest

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"
	"unicode/utf8"

	"stormdesk"
	"stormdesk/connectors"
)

// FuzzParse fuzzes w.Parse with headers h, seeded with the package's
// testdata/*.json and seeds: any body is either refused with an error or
// read into a delivery whose ticket, when it has one, carries w's source,
// the helpdesk's id, valid UTF-8 text, and tags and a channel a ticket may
// carry (bounded, already normalized); it never panics. needTicket
// says which events must carry a ticket (nil: every one).
func FuzzParse(f *testing.F, w connectors.Webhook, h http.Header, needTicket func(event string) bool, seeds ...string) {
	files, _ := filepath.Glob("testdata/*.json")
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		d, err := w.Parse(h, body)
		if err != nil {
			return
		}
		tk := d.Ticket
		if tk == nil {
			if needTicket == nil || needTicket(d.Event) {
				t.Fatalf("event %q without a ticket: %+v", d.Event, d)
			}
			return
		}
		if tk.ExternalID == "" || tk.Source != w.Name() {
			t.Fatalf("parsed without a ticket id or with another source: %+v", d)
		}
		if utf8.Valid(body) && !utf8.ValidString(tk.Body) {
			t.Fatalf("body not UTF-8: %q", tk.Body)
		}
		// Tags and the channel are bounded here, never refused later:
		// what a connector keeps, a ticket may carry.
		check := &stormdesk.Ticket{Source: tk.Source, Subject: "x", ReceivedAt: time.Now(), Tags: tk.Tags, Channel: tk.Channel}
		check.Normalize()
		if err := check.Validate(); err != nil || len(check.Tags) != len(tk.Tags) || check.Channel != tk.Channel {
			t.Fatalf("tags %q and channel %q: %v (normalized %q %q)", tk.Tags, tk.Channel, err, check.Tags, check.Channel)
		}
	})
}

// CheckTagsAndChannel parses testdata/file with w and headers h and checks
// that its ticket carries tags (as fmt.Sprint prints them: "[a b]") and
// channel, as every connector's test of its tags and channels does.
func CheckTagsAndChannel(t *testing.T, w connectors.Webhook, h http.Header, file, tags, channel string) {
	t.Helper()
	body, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	d, err := w.Parse(h, body)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	if got := fmt.Sprint(d.Ticket.Tags); got != tags || d.Ticket.Channel != channel {
		t.Errorf("%s: tags %s channel %q, want %s and %q", file, got, d.Ticket.Channel, tags, channel)
	}
}

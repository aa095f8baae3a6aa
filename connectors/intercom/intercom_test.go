package intercom_test

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"stormdesk/connectors/intercom"
)

// FuzzParse: any body is either refused with an error or read into a
// ticket with the helpdesk's id and valid UTF-8 text; it never panics.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.json")
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"topic":"conversation.user.created","data":{"item":{"type":"conversation","id":7,"created_at":-1}}}`))
	f.Add([]byte(`{"topic":"conversation.user.replied","data":{"item":{"type":"conversation","id":"7","source":{"body":"<div><p>a</p><blockquote>b</blockquote></div>"}}}}`))
	w := &intercom.Webhook{}
	f.Fuzz(func(t *testing.T, body []byte) {
		d, err := w.Parse(nil, body)
		if err != nil {
			return
		}
		tk := d.Ticket
		if tk == nil {
			if d.Event == intercom.TopicCreated || d.Event == intercom.TopicReplied {
				t.Fatalf("a conversation topic without a ticket: %+v", d)
			}
			return
		}
		if tk.ExternalID == "" || tk.Source != "intercom" {
			t.Fatalf("parsed without a ticket id: %+v", d)
		}
		if utf8.Valid(body) && !utf8.ValidString(tk.Body) {
			t.Fatalf("body not UTF-8: %q", tk.Body)
		}
	})
}

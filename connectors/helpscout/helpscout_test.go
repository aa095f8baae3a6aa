package helpscout_test

import (
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"stormdesk/connectors/helpscout"
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
	f.Add([]byte(`{"id":7,"createdAt":"0001-01-01T00:00:00Z"}`))
	f.Add([]byte(`{"id":"7","threads":[{"type":"customer","body":"<div><p>a</p><blockquote>b</blockquote></div>"}]}`))
	w := &helpscout.Webhook{}
	h := http.Header{helpscout.EventHeader: {helpscout.EventCreated}}
	f.Fuzz(func(t *testing.T, body []byte) {
		d, err := w.Parse(h, body)
		if err != nil {
			return
		}
		tk := d.Ticket
		if tk == nil || tk.ExternalID == "" || tk.Source != "helpscout" {
			t.Fatalf("parsed without a ticket id: %+v", d)
		}
		if utf8.Valid(body) && !utf8.ValidString(tk.Body) {
			t.Fatalf("body not UTF-8: %q", tk.Body)
		}
	})
}

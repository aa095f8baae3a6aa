package helpscout_test

import (
	"net/http"
	"testing"

	"stormdesk/connectors/connectortest"
	"stormdesk/connectors/helpscout"
)

// FuzzParse: any body is either refused with an error or read into a
// ticket with the helpdesk's id and valid UTF-8 text; it never panics.
func FuzzParse(f *testing.F) {
	connectortest.FuzzParse(f, &helpscout.Webhook{}, http.Header{http.CanonicalHeaderKey(helpscout.EventHeader): {helpscout.EventCreated}}, nil,
		`{"id":7,"createdAt":"0001-01-01T00:00:00Z"}`,
		`{"id":"7","threads":[{"type":"customer","body":"<div><p>a</p><blockquote>b</blockquote></div>"}]}`,
		`{"id":8,"customer":{"id":29418,"email":"a@example.com"},"primaryCustomer":{"id":"29419"}}`,
		`{"id":9,"type":"phone","source":{"type":"api"},"tags":["a",{"tag":"b"},{"name":"c"},null,{"tag":7}]}`,
		`{"id":10,"tags":"a","source":{"type":"emailfwd"}}`)
}

// TestParseTagsAndChannel: tags in both shapes Help Scout posts (names,
// and API 2.0's objects); the channel from the source type, except that
// a phone conversation is a call whatever it was logged through.
func TestParseTagsAndChannel(t *testing.T) {
	h := http.Header{http.CanonicalHeaderKey(helpscout.EventHeader): {helpscout.EventCreated}}
	for _, tc := range []struct {
		file, tags, channel string
	}{
		{"created.json", "[grading outage]", "email"},
		{"created_v2.json", "[grading urgent]", "voice"}, // type phone, source web
	} {
		connectortest.CheckTagsAndChannel(t, &helpscout.Webhook{}, h, tc.file, tc.tags, tc.channel)
	}
	for body, want := range map[string]string{
		`{"id":1,"subject":"x","type":"email","source":{"type":"emailfwd"}}`:     "email",
		`{"id":1,"subject":"x","type":"email","source":{"type":"api"}}`:          "api",
		`{"id":1,"subject":"x","type":"chat"}`:                                   "chat", // no source: its type
		`{"id":1,"subject":"x","type":"email","source":{"type":"notification"}}`: "other",
		`{"id":1,"subject":"x"}`:                                                 "",
	} {
		d, err := (&helpscout.Webhook{}).Parse(h, []byte(body))
		if err != nil || d.Ticket.Channel != want {
			t.Errorf("%s: channel %q (%v), want %q", body, d.Ticket.Channel, err, want)
		}
	}
}

package zendesk_test

import (
	"fmt"
	"strings"
	"testing"

	"stormdesk"
	"stormdesk/connectors/connectortest"
	"stormdesk/connectors/zendesk"
)

// FuzzParse: any body is either refused with an error or read into a
// ticket with the helpdesk's id and valid UTF-8 text; it never panics.
func FuzzParse(f *testing.F) {
	connectortest.FuzzParse(f, &zendesk.Webhook{}, nil, nil,
		`{"ticket":{"id":1e3}}`,
		`{"ticket":{"id":"7","description":"<div><p>a</p><blockquote>b</blockquote></div>"}}`,
		`{"ticket":{"id":"8","tags":"a a \u0000 `+strings.Repeat("t ", 30)+`","via":"Web Form"}}`,
		`{"ticket":{"id":"9","tags":["not","text"],"via":4}}`)
}

// TestParseTagsAndChannel: the trigger's space-separated tags and its
// via, as Zendesk renders them, read into the ticket's tags and channel;
// more tags than a ticket keeps are bounded, never refused.
func TestParseTagsAndChannel(t *testing.T) {
	want := []string{"outage", "phone"} // the repeat and the 65-byte tag dropped
	for i := range stormdesk.MaxTags - 2 {
		want = append(want, fmt.Sprintf("t%02d", i))
	}
	for _, tc := range []struct {
		file, tags, channel string
	}{
		{"created.json", "[login sso]", "email"}, // "Mail"
		{"numeric_id.json", "[]", ""},            // no tags, no via
		{"tags.json", fmt.Sprint(want), "voice"}, // "Phone call (incoming)"
	} {
		connectortest.CheckTagsAndChannel(t, &zendesk.Webhook{}, nil, tc.file, tc.tags, tc.channel)
	}
	for via, want := range map[string]string{"Web Form": "web", "Web service": "api", "Chat": "chat", "Voicemail": "voice",
		"Text": "sms", "Twitter DM": "social", "Mobile SDK": "mobile", "Rule": "other", "": ""} {
		d, err := (&zendesk.Webhook{}).Parse(nil, []byte(`{"ticket":{"id":"1","subject":"x","via":"`+via+`"}}`))
		if err != nil || d.Ticket.Channel != want {
			t.Errorf("via %q: channel %q (%v), want %q", via, d.Ticket.Channel, err, want)
		}
	}
}

package intercom_test

import (
	"testing"

	"stormdesk/connectors/connectortest"
	"stormdesk/connectors/intercom"
)

// FuzzParse: any body is either refused with an error or read into a
// ticket with the helpdesk's id and valid UTF-8 text; it never panics.
func FuzzParse(f *testing.F) {
	connectortest.FuzzParse(f, &intercom.Webhook{}, nil, func(e string) bool { return e == intercom.TopicCreated || e == intercom.TopicReplied },
		`{"topic":"conversation.user.created","data":{"item":{"type":"conversation","id":7,"created_at":-1}}}`,
		`{"topic":"conversation.user.replied","data":{"item":{"type":"conversation","id":"7","source":{"body":"<div><p>a</p><blockquote>b</blockquote></div>"}}}}`,
		`{"topic":"conversation.user.created","data":{"item":{"type":"conversation","id":"8","tags":{"tags":[{"name":" a "},{"name":"a"},{"name":""},{}]},"source":{"type":"whatsapp","delivered_as":"automated","body":"x"}}}}`,
		`{"topic":"conversation.user.created","data":{"item":{"type":"conversation","id":"9","tags":{"tags":["a"]},"source":{"type":7}}}}`)
}

// TestParseTagsAndChannel: the conversation's tag.list names become the
// ticket's tags, its source type the channel.
func TestParseTagsAndChannel(t *testing.T) {
	for _, tc := range []struct {
		file, tags, channel string
	}{
		{"created.json", "[outage VIP Customer]", "chat"}, // the Messenger ("conversation")
		{"created_email.json", "[]", "email"},
		{"replied.json", "[]", "chat"},
	} {
		connectortest.CheckTagsAndChannel(t, &intercom.Webhook{}, nil, tc.file, tc.tags, tc.channel)
	}
	for typ, want := range map[string]string{"phone_call": "voice", "sms": "sms", "instagram": "social", "push": "mobile", "carrier_pigeon": "other", "": ""} {
		d, err := (&intercom.Webhook{}).Parse(nil, []byte(`{"topic":"conversation.user.created","data":{"item":{"type":"conversation","id":"1","source":{"type":"`+typ+`","body":"x"}}}}`))
		if err != nil || d.Ticket.Channel != want {
			t.Errorf("source type %q: channel %q (%v), want %q", typ, d.Ticket.Channel, err, want)
		}
	}
}

package freshdesk_test

import (
	"strings"
	"testing"

	"stormdesk"
	"stormdesk/connectors/connectortest"
	"stormdesk/connectors/freshdesk"
)

// FuzzParse: any body is either refused with an error or read into a
// ticket with the helpdesk's id and valid UTF-8 text; it never panics.
func FuzzParse(f *testing.F) {
	connectortest.FuzzParse(f, &freshdesk.Webhook{}, nil, nil,
		`{"freshdesk_webhook":{"ticket_id":1e3}}`,
		`{"freshdesk_webhook":{"ticket_id":"7","ticket_description":"<div><p>a</p><blockquote>b</blockquote></div>"}}`,
		`{"freshdesk_webhook":{"ticket_id":"8","ticket_subject":"x","ticket_tags":"a,,a, b ,\u0000","ticket_source":"Feedback Widget"}}`,
		`{"freshdesk_webhook":{"ticket_id":"9","ticket_subject":"x","ticket_tags":["a",7],"ticket_source":2.5}}`)
}

// TestParseTagsAndChannel: tags as {{ticket.tags}}'s comma-separated text
// or as the API's array; the source by name or by the API's code.
func TestParseTagsAndChannel(t *testing.T) {
	for _, tc := range []struct {
		file, tags, channel string
	}{
		{"simple.json", "[payments checkout]", "email"}, // "Email"
		{"advanced.json", "[payments eu]", "voice"},     // 3, Phone
	} {
		connectortest.CheckTagsAndChannel(t, &freshdesk.Webhook{}, nil, tc.file, tc.tags, tc.channel)
	}
	for source, want := range map[string]string{`1`: "email", `2`: "web", `7`: "chat", `9`: "web", `10`: "email", `"Portal"`: "web",
		`"Outbound Email"`: "email", `"Chat"`: "chat", `"7"`: "chat", `5`: "other", `""`: "", `null`: ""} {
		d, err := (&freshdesk.Webhook{}).Parse(nil, []byte(`{"freshdesk_webhook":{"ticket_id":1,"ticket_subject":"x","ticket_source":`+source+`}}`))
		if err != nil || d.Ticket.Channel != want {
			t.Errorf("source %s: channel %q (%v), want %q", source, d.Ticket.Channel, err, want)
		}
	}
	_, err := (&freshdesk.Webhook{}).Parse(nil, []byte(`{"freshdesk_webhook":{"ticket_id":1,"ticket_tags":{"a":1}}}`))
	if err == nil || !strings.HasPrefix(stormdesk.ErrorMessage(err), "freshdesk_webhook.ticket_tags: ") {
		t.Errorf("tags of the wrong type: %v, want an error naming freshdesk_webhook.ticket_tags", err)
	}
}

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
		`{"topic":"conversation.user.replied","data":{"item":{"type":"conversation","id":"7","source":{"body":"<div><p>a</p><blockquote>b</blockquote></div>"}}}}`)
}

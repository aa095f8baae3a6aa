package freshdesk_test

import (
	"testing"

	"stormdesk/connectors/connectortest"
	"stormdesk/connectors/freshdesk"
)

// FuzzParse: any body is either refused with an error or read into a
// ticket with the helpdesk's id and valid UTF-8 text; it never panics.
func FuzzParse(f *testing.F) {
	connectortest.FuzzParse(f, &freshdesk.Webhook{}, nil, nil,
		`{"freshdesk_webhook":{"ticket_id":1e3}}`,
		`{"freshdesk_webhook":{"ticket_id":"7","ticket_description":"<div><p>a</p><blockquote>b</blockquote></div>"}}`)
}

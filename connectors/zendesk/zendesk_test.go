package zendesk_test

import (
	"testing"

	"stormdesk/connectors/connectortest"
	"stormdesk/connectors/zendesk"
)

// FuzzParse: any body is either refused with an error or read into a
// ticket with the helpdesk's id and valid UTF-8 text; it never panics.
func FuzzParse(f *testing.F) {
	connectortest.FuzzParse(f, &zendesk.Webhook{}, nil, nil,
		`{"ticket":{"id":1e3}}`,
		`{"ticket":{"id":"7","description":"<div><p>a</p><blockquote>b</blockquote></div>"}}`)
}

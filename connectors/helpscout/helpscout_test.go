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
	connectortest.FuzzParse(f, &helpscout.Webhook{}, http.Header{helpscout.EventHeader: {helpscout.EventCreated}}, nil,
		`{"id":7,"createdAt":"0001-01-01T00:00:00Z"}`,
		`{"id":"7","threads":[{"type":"customer","body":"<div><p>a</p><blockquote>b</blockquote></div>"}]}`,
		`{"id":8,"customer":{"id":29418,"email":"a@example.com"},"primaryCustomer":{"id":"29419"}}`)
}

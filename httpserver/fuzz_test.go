package httpserver_test

import (
	"strings"
	"testing"
	"time"

	"stormdesk"
	"stormdesk/desk"
	"stormdesk/httpserver"
)

// FuzzDecodeTicket feeds arbitrary bytes through the intake decoder and
// validation: it must never panic, and whatever it accepts must be a valid
// ticket; whatever it refuses must be an EINVALID error naming a field.
func FuzzDecodeTicket(f *testing.F) {
	for _, s := range []string{
		`{"subject":"Can't log in","body":"SSO error","customer_email":"a@b.co","external_id":"1","received_at":"2018-11-28T16:46:00Z"}`,
		`{"subject":""}`, `{"subject":5}`, `[{"subject":"x"}]`, `{"subject":"x","extra":1}`, `{"subject":"\u0000"}`,
		"{\"subject\":\"\xff\"}", `{"subject":"x","received_at":"2999-01-01T00:00:00Z"}`, `null`, `{}`, ``,
	} {
		f.Add([]byte(s))
	}
	d := &desk.Service{Now: func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }}
	f.Fuzz(func(t *testing.T, data []byte) {
		in, err := httpserver.DecodeTicketJSON(data)
		var tk *stormdesk.Ticket
		if err == nil {
			tk, err = in.Ticket()
		}
		if err == nil {
			err = d.PrepareTicket(tk)
		}
		if err != nil {
			if stormdesk.ErrorCode(err) != stormdesk.EINVALID || !strings.Contains(stormdesk.ErrorMessage(err), ":") {
				t.Fatalf("refusal without a field: %v", err)
			}
			return
		}
		if err := tk.Validate(); err != nil || tk.Subject == "" || tk.ReceivedAt.Location() != time.UTC {
			t.Fatalf("accepted an invalid ticket: %+v (%v)", tk, err)
		}
	})
}

package notify_test

import (
	"strings"
	"testing"

	"stormdesk"
	"stormdesk/notify"
)

// FuzzParseEvents runs arbitrary bodies through the SendGrid event
// webhook parser: no panic; an accepted post has at most MaxEvents
// events, each with a type and a trimmed address; a refused one is an
// EINVALID error naming the events or the event at fault.
func FuzzParseEvents(f *testing.F) {
	f.Add([]byte(eventsBody))
	f.Add([]byte(`[{"email":" a@b.c ","event":"bounce","type":"blocked","timestamp":1,"incident_id":7,"category":["x"]}]`))
	f.Add([]byte(`[{"email":"a@b.c","event":"open","timestamp":"x"}]`))
	f.Add([]byte(`[{"email":"a@b.c","event":"open","incident_id":"99999999999999999999"}]`))
	f.Add([]byte(`[null]`))
	f.Add([]byte(`[{"email":null,"event":"open"}]`))
	f.Add([]byte(`{"email":"x"}`))
	f.Add([]byte(` [] `))
	f.Fuzz(func(t *testing.T, body []byte) {
		evs, err := notify.ParseEvents(body)
		if err != nil {
			if stormdesk.ErrorCode(err) != stormdesk.EINVALID || !strings.HasPrefix(stormdesk.ErrorMessage(err), "events") {
				t.Fatalf("refused with %v, want an EINVALID error about the events", err)
			}
			return
		}
		if len(evs) > notify.MaxEvents {
			t.Fatalf("%d events accepted", len(evs))
		}
		for i, e := range evs {
			if e.Type == "" || e.Email == "" || e.Email != strings.TrimSpace(e.Email) {
				t.Fatalf("event %d accepted with type %q, email %q", i, e.Type, e.Email)
			}
			e.Suppresses()
			e.ProvesAccepted()
		}
	})
}

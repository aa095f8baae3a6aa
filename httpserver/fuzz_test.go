package httpserver_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"stormdesk"
	"stormdesk/desk"
	"stormdesk/intake"
)

// FuzzDecodeTicket feeds arbitrary bytes through the intake decoder and
// validation: it must never panic, and whatever it accepts must be a valid
// ticket; whatever it refuses must be an EINVALID error naming a field.
func FuzzDecodeTicket(f *testing.F) {
	for _, s := range []string{
		`{"subject":"Can't log in","body":"SSO error","customer_email":"a@b.co","external_id":"1","received_at":"2018-11-28T16:46:00Z"}`,
		`{"subject":""}`, `{"subject":5}`, `[{"subject":"x"}]`, `{"subject":"x","extra":1}`, `{"subject":"\u0000"}`,
		"{\"subject\":\"\xff\"}", `{"subject":"x","received_at":"2999-01-01T00:00:00Z"}`, `null`, `{}`, ``,
		`{"subject":"x","tags":[" sso ","sso","","VIP Customer"],"channel":"Email"}`, `{"subject":"x","tags":"sso"}`,
		`{"subject":"x","tags":["a\u0000b"],"channel":"fax"}`, `{"subject":"x","tags":[null,1]}`,
	} {
		f.Add([]byte(s))
	}
	d := &desk.Service{Now: func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }}
	f.Fuzz(func(t *testing.T, data []byte) {
		in, err := intake.DecodeTicketJSON(data)
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

// FuzzOperationBody posts arbitrary bodies to the declare and status
// routes of a real server: the answer is always the JSON it promises (an
// incident, or an error with a code and a message naming what is wrong),
// never a 500, and a refused body changes nothing.
func FuzzOperationBody(f *testing.F) {
	for _, s := range []string{
		`{"title":"Login failures","severity":"major","actor":"ana"}`, `{"title":"x"}`, `{"title":5,"actor":"a"}`,
		`{"status":"identified","message":"m","actor":"a"}`, `{"status":"nope","actor":"a"}`, `{"actor":"a","x":1}`,
		`{"title":"x","actor":"a"} {}`, `[]`, `null`, ``, "{\"title\":\"\xff\",\"actor\":\"a\"}",
	} {
		f.Add([]byte(s))
	}
	ts, d := newServerDesk(f, sqliteStore(f), token)
	f.Fuzz(func(t *testing.T, data []byte) {
		before, err := d.Incidents(context.Background(), stormdesk.IncidentFilter{Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range []string{"/api/v1/incidents", "/api/v1/incidents/1/status"} {
			status, out := do(t, ts, "POST", path, "application/json", data)
			if status >= 500 {
				t.Fatalf("POST %s %q: %d %v", path, data, status, out)
			}
			if status >= 400 {
				if code, msg := errMsg(out); code == "" || !strings.Contains(msg, ":") && !strings.Contains(msg, "incident") {
					t.Fatalf("POST %s %q: %d error without code or subject: %v", path, data, status, out)
				}
				if path == "/api/v1/incidents" {
					after, _ := d.Incidents(context.Background(), stormdesk.IncidentFilter{Limit: 1000})
					if len(after) != len(before) {
						t.Fatalf("refused declare %q stored an incident", data)
					}
				}
			} else if _, ok := out["id"].(float64); !ok {
				t.Fatalf("POST %s %q: %d without an incident: %v", path, data, status, out)
			}
		}
	})
}

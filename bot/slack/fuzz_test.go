package slack

import (
	"context"
	"testing"

	"stormdesk/bot"
)

// FuzzCommandForm: any signed slash-command body is answered without a
// panic, and only with help, a refusal, an error or a result.
func FuzzCommandForm(f *testing.F) {
	h := newHarness(f)
	for _, s := range []string{"", "user_id=UEVE&text=list", "user_id=UEVE&text=show+%231", "user_id=UANA&text=status+1+%22",
		"text=%ff%fe", "user_id=U&text=" + "%26lt%3B%40here%26gt%3B", "a=%zz", "user_id=UEVE&text=export+1+pdf"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		sc, err := parseCommandForm([]byte(body))
		if err != nil {
			return
		}
		id := h.a.identity(sc.UserID, sc.UserName, sc.ChannelID)
		id.MemberOf = nil
		r := h.a.core.Execute(context.Background(), id, sc.Text)
		_, blocks := render(r)
		if len(blocks) == 0 {
			t.Fatal("empty reply")
		}
	})
}

// FuzzInteraction: interactivity payloads never panic the decoder.
func FuzzInteraction(f *testing.F) {
	h := newHarness(f)
	f.Add(h.interactionBody("UANA", bot.ActionAck, "1", false))
	f.Add(h.interactionBody("UANA", bot.ActionMerge, "1:2", true))
	f.Add("payload=%7B%22type%22%3A%22block_actions%22%2C%22actions%22%3A%5Bnull%5D%7D")
	f.Add("payload=%7B%22type%22%3A%22view_submission%22%7D")
	f.Add("payload=")
	f.Fuzz(func(t *testing.T, body string) {
		cb, err := parseInteraction([]byte(body))
		if err != nil {
			return
		}
		pressed(cb)
	})
}

// FuzzEvent: Events API bodies never panic the decoder.
func FuzzEvent(f *testing.F) {
	f.Add(reactionEvent("Ev1", "UANA", "pushpin", "C1", "1773499000.123456"))
	f.Add(`{"type":"url_verification","challenge":"abc"}`)
	f.Add(`{"type":"event_callback","event":{"type":"reaction_added","item":{"type":"file"}}}`)
	f.Add(`{"type":"event_callback","event":{"type":"nonsense"}}`)
	f.Add(`{"type":"event_callback","event":null}`)
	f.Fuzz(func(t *testing.T, body string) {
		_, pin, err := parseEvent([]byte(body))
		if err == nil && pin != nil {
			_, _ = parseTS(pin.TS)
		}
	})
}

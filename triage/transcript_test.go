package triage

import (
	"strings"
	"testing"
)

func TestStripTranscript(t *testing.T) {
	for name, tc := range map[string]struct{ in, want string }{
		"bot greeting and agent": {
			"Chat with us\n[00:38] Beamy: Hi there! I'm Beamy, the virtual assistant. How can I help today?\n[00:39] Stacy: I can't log in since this morning\n" +
				"[00:40] Beamy: I found a few articles that might help: \"Troubleshooting sign-in\", \"Screen sharing basics\".\n[00:41] Stacy: no that did not help\n" +
				"[00:42] Owen (Acme): Thanks, checking with the team now.\n[00:43] Stacy: ok",
			"I can't log in since this morning\nno that did not help\nok\n"},
		"named roles without times": {
			"Kettlebot: Welcome! What can I help with?\nVisitor: checkout page shows error 500\nmore detail on a second line\nSupport Agent: sorry about that",
			"checkout page shows error 500\nmore detail on a second line\n"},
		"12-hour clock": {
			"10:02 AM Support: Hello, how can I help you?\n10:03 AM Jo: refunds are stuck",
			"refunds are stuck\n"},
		"not a transcript": {
			"Error: 502 bad gateway\nSteps: open the dashboard\nBrowser: Firefox", "Error: 502 bad gateway\nSteps: open the dashboard\nBrowser: Firefox"},
		"one speaker":          {"Note: hi\nAna: hello", "Note: hi\nAna: hello"},
		"two people, no staff": {"Ana: we can't log in\nBen: me neither", "Ana: we can't log in\nBen: me neither"},
		"abbott is a customer": {"Support: How can I help you?\nJim Abbott: invoices are wrong", "invoices are wrong\n"},
		"widget header and named sides": {
			"Phishing?\nChat started: 11 May 2026 08:13 BST\nChannel: in-app chat (iOS)\n\nBot: Hello! I'm Sprig, your helper.\nCustomer: hello\n" +
				"Bot: Tell me a little more?\nCustomer: Do you see my bank password?\nAgent Beth: Hi Stefan, Beth here.",
			"Phishing?\n\nhello\nDo you see my bank password?\n"},
		"time after the name": {
			"Sprig (bot) (09:51): Hi there! How can I help?\nCustomer (09:51): hi there\nSprig (bot) (09:51): Tell me a little more?\n" +
				"Customer (09:52): the confirmation text is missing.\nAgent Sunita (09:54): Hi! Can I just confirm the email on your account?",
			"hi there\nthe confirmation text is missing.\n"},
		"speaker in brackets, an agent who joins": {
			"[Quill (bot)] Hi there! How can I help?\n[Declan] AUTH-502 error\n[Quill (bot)] I found a few help articles.\n" +
				"[system] Devon joined the chat\n[Devon] Hi Declan, Devon here. Can you tell me a bit more?\n[Declan] the sign-in page just spins\n[Devon] Thanks, looking into it.",
			"AUTH-502 error\nthe sign-in page just spins\n"},
		"speaker in round brackets": {
			"(bot) Hey there! Ask me anything about shipping.\n(priya) Can the order sync run every 5 minutes?\n" +
				"(bot) These articles might help: \u201cAPI authentication basics\u201d, \u201cResetting your password\u201d\n(priya) talk to a person\n(bot) No problem, handing you over.",
			"Can the order sync run every 5 minutes?\ntalk to a person\n"},
		"time and speaker above each turn": {
			"15:02 · Pathfinder\nHello! I'm the Acme assistant. Type your question below.\n\n15:02 · Odette McAllister\nWe voided a label,\nwhen does the money come back?\n\n" +
				"15:03 · Pathfinder\nI couldn't find an answer to that. The team will get back to you at o@example.com.",
			"We voided a label,\nwhen does the money come back?\n\n"},
		"speaker then time above each turn": {
			"Helper Bot - 09:14\nHi! How can I help?\nAna Lima - 09:15\nthe sign-in page just spins",
			"the sign-in page just spins\n"},
		"speaker, then a wide gap": {
			"Conversation started 2026-11-02 09:35 UTC\n———\nBOT    Hello and welcome! Which email is on your account?\nCUSTOMER    a@b.example\n" +
				"BOT    Thanks! What seems to be the problem?\nCUSTOMER    Webhooks return 404 since this morning.\nBOT    I've created a ticket for you.\n———\nVisitor left the chat",
			"a@b.example\nWebhooks return 404 since this morning.\n"},
		"an aligned signature is not a chat": {"Thanks,\nAna Lima\nPhone    +44 20 7946 0000\nMobile   +44 7700 900000", "Thanks,\nAna Lima\nPhone    +44 20 7946 0000\nMobile   +44 7700 900000"},
		"a list is not a chat":               {"Steps:\n- open the app\n- tap sign in\n(sorry) it spins", "Steps:\n- open the app\n- tap sign in\n(sorry) it spins"},
		"brackets that are not speakers":     {"[urgent] login broken\n[edit] still broken", "[urgent] login broken\n[edit] still broken"},
	} {
		if got := stripTranscript(tc.in); got != tc.want {
			t.Errorf("%s:\ngot  %q\nwant %q", name, got, tc.want)
		}
	}
}

func TestStripQuotesHeaders(t *testing.T) {
	outlook := "Still broken for us.\n\nFrom: Acme Support <help@acme.example>\nSent: Tuesday, March 3, 2026 10:02 AM\nTo: Ana\nSubject: RE: login\n\nWe are looking into it."
	if got := stripQuotes(outlook); strings.Contains(got, "looking into it") || !strings.Contains(got, "Still broken") {
		t.Errorf("outlook reply: %q", got)
	}
	fwd := "FYI, see below\n\n---------- Forwarded message ---------\nFrom: Ben <ben@x.example>\nDate: Tue, 3 Mar 2026\nSubject: login\nTo: Ana <ana@x.example>\n\nNone of us can sign in."
	got := stripQuotes(fwd)
	if !strings.Contains(got, "None of us can sign in") || strings.Contains(got, "Date:") || strings.Contains(got, "Forwarded") {
		t.Errorf("forwarded: %q", got)
	}
}

func TestStripForm(t *testing.T) {
	// The header a chat widget writes above a transcript goes as a form's
	// metadata does.
	if got := stripForm("Phishing?\nChat started: 11 May 2026 08:13 BST\nChannel: in-app chat (iOS)\n\nhello\n"); got != "Phishing?\n\nhello\n\n" {
		t.Errorf("chat header: %q", got)
	}
	in := "[Contact form] Can't sign in\nName: Javier Ruiz\nEmail: jruiz@cobalto.example\nCompany: Cobalto Digital\nTopic: Something is not working\nMessage:\nno puedo entrar desde hace media hora."
	want := "[Contact form] Can't sign in\n\nno puedo entrar desde hace media hora.\n"
	if got := stripForm(in); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	report := "Submitted via in-app \"Report a problem\"\nWorkspace: acme (Starter plan)\nUser: a@b.example\nPage: /app\nBrowser: Chrome\n---\nThe 2FA code is always invalid."
	if got := stripForm(report); got != "The 2FA code is always invalid.\n" {
		t.Errorf("in-app report: %q", got)
	}
	// A form's own question as a label: a category picked from a list
	// is metadata, a long answer is the message.
	asked := "Name: Chloe Hughes\nStore URL: www.example.com\nWhat can we help with?: Orders & notifications\n\nMessage: none are arriving."
	if got := stripForm(asked); got != "\nnone are arriving.\n" {
		t.Errorf("question label: %q", got)
	}
	// A label with a hint in brackets is still the form's field, and is
	// not a chat's agent: the description after it is the message.
	hinted := "Category: Something else\nPriority (as selected): Normal\n\nDescription:\nOne patient can't join her video visit, everyone else was fine.\n\n-- submitted via help.example.com contact form"
	if got := stripForm(stripTranscript(hinted)); !strings.Contains(got, "One patient can't join her video visit") || strings.Contains(got, "Normal") {
		t.Errorf("hinted labels: %q", got)
	}
	if m := Inspect("video visit", hinted); m.Grade() != Individual {
		t.Errorf("the description's cue was lost: %+v", m)
	}
	plain := "Error: 502\nIt fails since noon."
	if got := stripForm(plain); got != plain {
		t.Errorf("one labelled line is not a form: %q", got)
	}
}

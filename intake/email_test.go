package intake_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"stormdesk"
	"stormdesk/intake"
)

type part struct{ name, file, value string }

func inboundRequest(t testing.TB, parts []part) *http.Request {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for _, p := range parts {
		var err error
		var pw interface{ Write([]byte) (int, error) }
		if p.file != "" {
			pw, err = w.CreateFormFile(p.name, p.file)
		} else {
			pw, err = w.CreateFormField(p.name)
		}
		if err != nil {
			t.Fatal(err)
		}
		pw.Write([]byte(p.value))
	}
	w.Close()
	r := httptest.NewRequest(http.MethodPost, "/inbound", &buf)
	r.Header.Set("Content-Type", w.FormDataContentType())
	return r
}

const gmailReply = `Still broken for me, the spinner never stops.

Ana
-- 
Ana Lima | Head of Ops | Example Corp
+1 555 0100

On Mon, Mar 2, 2026 at 9:14 AM Acme Support <support@acme.example>
wrote:

> We are aware of a problem affecting login.
>
> Acme Support
`

func TestParseInbound(t *testing.T) {
	r := inboundRequest(t, []part{
		{name: "headers", value: "Received: by mx.sendgrid.net\nDate: Mon, 2 Mar 2026 10:20:30 +0100\nMessage-ID: <CAF=abc123@mail.gmail.com>\nFrom: Ana Lima <ana@example.com>\nSubject: Re: login\n"},
		{name: "from", value: `"Ana Lima" <Ana@Example.com>`},
		{name: "to", value: "support@acme.example, Other <other@acme.example>"},
		{name: "subject", value: "Re: [Acme] We are aware of a problem:\n login"},
		{name: "text", value: gmailReply},
		{name: "html", value: "<p>ignored when text is present</p>"},
		{name: "envelope", value: `{"to":["support@acme.example"],"from":"ana@example.com"}`},
		{name: "charsets", value: `{"to":"UTF-8","subject":"UTF-8","text":"UTF-8","from":"UTF-8"}`},
		{name: "attachments", value: "2"},
		{name: "attachment-info", value: `{"attachment1":{"filename":"a.png"}}`},
		{name: "attachment1", file: "a.png", value: "PNGDATA"},
		{name: "attachment2", file: "b.txt", value: "hello"},
	})
	in, err := intake.ParseInbound(r, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	want := &intake.Inbound{
		Subject: "Re: [Acme] We are aware of a problem: login",
		Text:    "Still broken for me, the spinner never stops.\n\nAna",
		Date:    time.Date(2026, 3, 2, 9, 20, 30, 0, time.UTC), MessageID: "CAF=abc123@mail.gmail.com", Attachments: 2,
	}
	if in.From.Address != "ana@example.com" || in.From.Name != "Ana Lima" {
		t.Errorf("from %+v", in.From)
	}
	if strings.Join(in.To, ",") != "support@acme.example,other@acme.example" {
		t.Errorf("to %v", in.To)
	}
	if in.Subject != want.Subject || in.Text != want.Text || !in.Date.Equal(want.Date) || in.Date.Location() != time.UTC ||
		in.MessageID != want.MessageID || in.Attachments != want.Attachments {
		t.Errorf("got  %+v\nwant %+v", in, want)
	}
}

func TestStripReply(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"one-line attribution", "Thanks!\n\nOn Tue, 3 Mar 2026, Bob <b@x.com> wrote:\n> old\n", "Thanks!"},
		{"quoted lines inline", "Yes.\n> did it work?\nIt did not.", "Yes.\nIt did not."},
		{"outlook", "See below.\n\n-----Original Message-----\nFrom: x\n", "See below."},
		{"outlook headers", "Fixed?\n\nFrom: Acme <s@acme.example>\nSent: Monday, March 2, 2026 9:00\nTo: me\n", "Fixed?"},
		{"signature without space", "Help\n--\nBob", "Help"},
		{"mobile", "Cannot log in\n\nSent from my iPhone", "Cannot log in"},
		{"crlf", "Hi\r\n\r\nOn Mon, Bob wrote:\r\n> x", "Hi"},
		{"nothing to strip", "Line one\nLine two -- not a sig", "Line one\nLine two -- not a sig"},
		{"only a quote", "> all quoted\n> here", ""},
	}
	for _, c := range cases {
		if got := intake.StripReply(c.in); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

func TestParseInboundHTMLOnlyAndCharsets(t *testing.T) {
	latin1 := string([]byte{'C', 'a', 'f', 0xe9, ' ', 'c', 'a', 's', 's', 0xe9})
	r := inboundRequest(t, []part{
		{name: "from", value: "=?UTF-8?Q?Jos=C3=A9?= <jose@example.com>"},
		{name: "subject", value: latin1},
		{name: "html", value: `<html><head><style>p{}</style></head><body><div>Login is down &amp; so is SSO.<br>Since 9am.</div>` +
			`<div class="gmail_quote">On Mon wrote:<blockquote>old stuff</blockquote></div><script>x()</script></body></html>`},
		{name: "charsets", value: `{"subject":"iso-8859-1","html":"utf-8"}`},
	})
	in, err := intake.ParseInbound(r, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	if in.From.Name != "José" {
		t.Errorf("name %q", in.From.Name)
	}
	if in.Subject != "Café cassé" {
		t.Errorf("subject %q", in.Subject)
	}
	if in.Text != "Login is down & so is SSO.\nSince 9am." {
		t.Errorf("text %q", in.Text)
	}
	if !in.Date.IsZero() || in.MessageID != "" {
		t.Errorf("no headers, yet date %v id %q", in.Date, in.MessageID)
	}
}

func TestParseInboundErrors(t *testing.T) {
	big := strings.Repeat("x", 4096)
	cases := []struct {
		name  string
		req   *http.Request
		limit int64
		code  string
		msg   string
	}{
		{"not multipart", httptest.NewRequest("POST", "/", strings.NewReader("{}")), 1 << 20, stormdesk.EINVALID, "content-type: want multipart/form-data with a boundary"},
		{"no from", inboundRequest(t, []part{{name: "subject", value: "x"}}), 1 << 20, stormdesk.EINVALID, "from: required"},
		{"bad from", inboundRequest(t, []part{{name: "from", value: "nobody"}}), 1 << 20, stormdesk.EINVALID, `from: "nobody" is not an address`},
		{"bad envelope", inboundRequest(t, []part{{name: "from", value: "a@b.com"}, {name: "envelope", value: "["}}), 1 << 20, stormdesk.EINVALID, "envelope: not a JSON object with to and from"},
		{"bad charsets", inboundRequest(t, []part{{name: "from", value: "a@b.com"}, {name: "charsets", value: "x"}}), 1 << 20, stormdesk.EINVALID, "charsets: not a JSON object"},
		{"unknown charset", inboundRequest(t, []part{{name: "from", value: "a@b.com"}, {name: "charsets", value: `{"text":"klingon"}`}, {name: "text", value: "x"}}), 1 << 20, stormdesk.EINVALID, "text: unknown charset klingon"},
		{"too large", inboundRequest(t, []part{{name: "from", value: "a@b.com"}, {name: "text", value: big}}), 1024, stormdesk.ETOOLARGE, "request body: larger than 1024 bytes"},
		{"too large attachment", inboundRequest(t, []part{{name: "from", value: "a@b.com"}, {name: "attachment1", file: "x.bin", value: big}}), 1024, stormdesk.ETOOLARGE, "request body: larger than 1024 bytes"},
	}
	for _, c := range cases {
		_, err := intake.ParseInbound(c.req, c.limit)
		if stormdesk.ErrorCode(err) != c.code || stormdesk.ErrorMessage(err) != c.msg {
			t.Errorf("%s: %v, want %s %q", c.name, err, c.code, c.msg)
		}
	}
	// The envelope stands in for an unreadable From header.
	in, err := intake.ParseInbound(inboundRequest(t, []part{{name: "from", value: "garbage"}, {name: "envelope", value: `{"to":["s@acme.example"],"from":"real@example.com"}`}}), 1<<20)
	if err != nil || in.From.Address != "real@example.com" || in.To[0] != "s@acme.example" || in.Subject != "(no subject)" {
		t.Fatalf("%+v %v", in, err)
	}
}

func FuzzParseInbound(f *testing.F) {
	f.Add(`"Ana" <ana@example.com>`, "Re: login", gmailReply, "", "Date: Mon, 2 Mar 2026 10:20:30 +0100\nMessage-ID: <x@y>\n", `{"text":"utf-8"}`)
	f.Add("b@x.com", "=?UTF-8?B?w6k=?=", "", "<div>hi<br><blockquote>q</blockquote></div>", "", `{"subject":"iso-8859-1"}`)
	f.Add("", "", "> q\n-- \nsig", "<p", "garbage", "")
	f.Fuzz(func(t *testing.T, from, subject, text, htmlBody, headers, charsets string) {
		r := inboundRequest(t, []part{{name: "from", value: from}, {name: "subject", value: subject}, {name: "text", value: text},
			{name: "html", value: htmlBody}, {name: "headers", value: headers}, {name: "charsets", value: charsets},
			{name: "envelope", value: `{"to":["support@acme.example"],"from":"env@example.com"}`}})
		in, err := intake.ParseInbound(r, 1<<20)
		if err != nil {
			if code := stormdesk.ErrorCode(err); code != stormdesk.EINVALID && code != stormdesk.ETOOLARGE {
				t.Fatalf("error with code %s: %v", code, err)
			}
			return
		}
		tk := stormdesk.Ticket{Source: stormdesk.SourceEmail, ExternalID: in.MessageID, CustomerEmail: in.From.Address,
			CustomerName: in.From.Name, Subject: in.Subject, Body: in.Text, ReceivedAt: time.Now()}
		if err := tk.Validate(); err != nil {
			t.Fatalf("parsed inbound makes an invalid ticket: %v\n%+v", err, in)
		}
		for _, l := range strings.Split(in.Text, "\n") {
			if strings.HasPrefix(strings.TrimSpace(l), ">") {
				t.Fatalf("quoted line kept: %q", l)
			}
		}
		if !utf8.ValidString(in.Text) || strings.ContainsAny(in.Subject, "\r\n") {
			t.Fatalf("bad output %+v", in)
		}
		if !in.Date.IsZero() && in.Date.Location() != time.UTC {
			t.Fatalf("date not UTC: %v", in.Date)
		}
	})
}

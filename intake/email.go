// Package intake turns what customers send into tickets: inbound email
// (SendGrid Inbound Parse) and the CSV and JSON Lines files of an import.
// It parses and validates; it stores nothing.
package intake

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/mail"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding/htmlindex"

	"stormdesk"
)

// Inbound is an email received through SendGrid's Inbound Parse webhook,
// reduced to what a ticket needs.
type Inbound struct {
	From    mail.Address
	To      []string
	Subject string
	// Text is the new part of the message: quoted replies and the
	// signature removed; the HTML part reduced to text when there is no
	// text part.
	Text string
	// Date is the Date header in UTC, zero when absent or unreadable.
	Date time.Time
	// MessageID is the Message-ID header without angle brackets (hashed
	// when longer than a ticket's external id may be), "" when absent: the
	// ticket's external id, so a webhook retried by SendGrid stores one
	// ticket.
	MessageID   string
	Attachments int
}

// Limits on one inbound field. SendGrid posts up to 30 MB; text fields
// beyond these are not a support message.
const (
	maxInboundField = 4 << 20
	maxInboundParts = 1000
)

var (
	quoteHeader   = regexp.MustCompile(`(?i)^\s*(on\s.+\swrote:|le\s.+\sa écrit\s?:|am\s.+\sschrieb\s.+:|el\s.+\sescribió:)\s*$`)
	quoteStart    = regexp.MustCompile(`(?i)^\s*on\s.+`)
	quoteEnd      = regexp.MustCompile(`(?i)^.*\swrote:\s*$|^\s*wrote:\s*$`)
	outlookHeader = regexp.MustCompile(`(?i)^\s*-{2,}\s*original message\s*-{2,}\s*$|^_{10,}\s*$`)
	fromHeader    = regexp.MustCompile(`(?i)^\s*\*?from:\*?\s.+`)
	sentHeader    = regexp.MustCompile(`(?i)^\s*\*?(sent|date):\*?\s.+`)
	mobileSig     = regexp.MustCompile(`(?i)^\s*(sent from my \w+|get outlook for \w+)`)
)

// ParseInbound reads a SendGrid Inbound Parse post (multipart/form-data
// with from, to, subject, text, html, headers, envelope, charsets and
// attachment parts), reading at most maxBytes of body. It streams the
// body: attachments are counted and discarded, never buffered or written
// to disk. Errors are EINVALID (naming the field) or ETOOLARGE.
func ParseInbound(r *http.Request, maxBytes int64) (*Inbound, error) {
	ct, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || ct != "multipart/form-data" || params["boundary"] == "" {
		return nil, stormdesk.Errorf(stormdesk.EINVALID, "content-type: want multipart/form-data with a boundary")
	}
	body := &limitedReader{r: r.Body, n: maxBytes}
	mr := multipart.NewReader(body, params["boundary"])
	fields := map[string]string{}
	attachments := 0
	for parts := 0; ; parts++ {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			if body.over {
				return nil, stormdesk.Errorf(stormdesk.ETOOLARGE, "request body: larger than %d bytes", maxBytes)
			}
			return nil, stormdesk.Errorf(stormdesk.EINVALID, "request body: malformed multipart: %s", multipartProblem(err))
		}
		if parts >= maxInboundParts {
			return nil, stormdesk.Errorf(stormdesk.EINVALID, "request body: more than %d parts", maxInboundParts)
		}
		name := p.FormName()
		if p.FileName() != "" || strings.HasPrefix(name, "attachment") && name != "attachment-info" && name != "attachments" {
			attachments++
			_, err = io.Copy(io.Discard, p)
		} else {
			var b []byte
			b, err = io.ReadAll(io.LimitReader(p, maxInboundField+1))
			if err == nil && len(b) > maxInboundField {
				return nil, stormdesk.Errorf(stormdesk.ETOOLARGE, "%s: larger than %d bytes", fieldName(name), maxInboundField)
			}
			if _, dup := fields[name]; !dup {
				fields[name] = string(b)
			}
		}
		if err != nil {
			if body.over {
				return nil, stormdesk.Errorf(stormdesk.ETOOLARGE, "request body: larger than %d bytes", maxBytes)
			}
			return nil, stormdesk.Errorf(stormdesk.EINVALID, "%s: unreadable part: %s", fieldName(name), multipartProblem(err))
		}
	}
	return inboundFromFields(fields, attachments)
}

func fieldName(name string) string {
	if name == "" || len(name) > 64 || !utf8.ValidString(name) {
		return "part"
	}
	return name
}

func multipartProblem(err error) string {
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return "truncated"
	}
	return "bad part boundary or headers"
}

// limitedReader is io.LimitReader that remembers it hit the limit.
type limitedReader struct {
	r    io.Reader
	n    int64
	over bool
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		// One byte more tells a body of exactly the limit from a longer one.
		var one [1]byte
		if n, _ := l.r.Read(one[:]); n > 0 {
			l.over = true
			return 0, errors.New("body too large")
		}
		return 0, io.EOF
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	return n, err
}

func inboundFromFields(f map[string]string, attachments int) (*Inbound, error) {
	// charsets says which charset each field is in (SendGrid passes the
	// message's own); decode to UTF-8 before anything else.
	var charsets map[string]string
	if cs := f["charsets"]; cs != "" {
		if err := json.Unmarshal([]byte(cs), &charsets); err != nil {
			return nil, stormdesk.Errorf(stormdesk.EINVALID, "charsets: not a JSON object")
		}
	}
	for k, v := range f {
		s, err := toUTF8(v, charsets[k])
		if err != nil {
			return nil, stormdesk.Errorf(stormdesk.EINVALID, "%s: %s", fieldName(k), err.Error())
		}
		// A NUL is never part of a real message and no store takes it.
		f[k] = strings.ReplaceAll(s, "\x00", "")
	}
	in := &Inbound{Attachments: attachments}
	if n, err := strconv.Atoi(strings.TrimSpace(f["attachments"])); err == nil && n > in.Attachments && n <= maxInboundParts {
		in.Attachments = n
	}

	var envelope struct {
		To   []string `json:"to"`
		From string   `json:"from"`
	}
	if e := f["envelope"]; e != "" {
		if err := json.Unmarshal([]byte(e), &envelope); err != nil {
			return nil, stormdesk.Errorf(stormdesk.EINVALID, "envelope: not a JSON object with to and from")
		}
	}
	from, err := parseAddress(f["from"])
	if err != nil {
		if envelope.From == "" {
			if strings.TrimSpace(f["from"]) == "" {
				return nil, stormdesk.Errorf(stormdesk.EINVALID, "from: required")
			}
			return nil, stormdesk.Errorf(stormdesk.EINVALID, "from: %q is not an address", clip(f["from"]))
		}
		if from, err = parseAddress(envelope.From); err != nil {
			return nil, stormdesk.Errorf(stormdesk.EINVALID, "envelope.from: %q is not an address", clip(envelope.From))
		}
	}
	in.From = *from
	if to := strings.TrimSpace(f["to"]); to != "" {
		if list, err := (&mail.AddressParser{WordDecoder: wordDecoder}).ParseList(to); err == nil {
			for _, a := range list {
				in.To = append(in.To, strings.ToLower(a.Address))
			}
		}
	}
	if len(in.To) == 0 {
		for _, a := range envelope.To {
			if ad, err := parseAddress(a); err == nil {
				in.To = append(in.To, ad.Address)
			}
		}
	}

	subject := f["subject"]
	if dec, err := wordDecoder.DecodeHeader(subject); err == nil {
		subject = dec
	}
	in.Subject = strings.Join(strings.Fields(subject), " ")
	if len(in.Subject) > stormdesk.MaxSubjectLen {
		in.Subject = truncate(in.Subject, stormdesk.MaxSubjectLen-len("…"))
	}

	if h := f["headers"]; h != "" {
		in.Date, in.MessageID = fromHeaders(h)
	}

	text := f["text"]
	if strings.TrimSpace(text) == "" && f["html"] != "" {
		text = htmlToText(f["html"])
	}
	in.Text = StripReply(text)
	if len(in.Text) > stormdesk.MaxBodyLen {
		in.Text = truncate(in.Text, stormdesk.MaxBodyLen-len("…"))
	}
	if in.Subject == "" {
		in.Subject = "(no subject)"
	}
	return in, nil
}

var wordDecoder = &mime.WordDecoder{CharsetReader: func(charset string, input io.Reader) (io.Reader, error) {
	e, err := htmlindex.Get(charset)
	if err != nil {
		return nil, err
	}
	return e.NewDecoder().Reader(input), nil
}}

func parseAddress(s string) (*mail.Address, error) {
	a, err := (&mail.AddressParser{WordDecoder: wordDecoder}).Parse(strings.TrimSpace(s))
	if err != nil {
		return nil, err
	}
	a.Address = strings.ToLower(a.Address)
	if !stormdesk.ValidEmail(a.Address) || len(a.Address) > stormdesk.MaxNameLen {
		return nil, errors.New("not an address")
	}
	a.Name = strings.Join(strings.Fields(a.Name), " ")
	if len(a.Name) > stormdesk.MaxNameLen || !utf8.ValidString(a.Name) || strings.ContainsRune(a.Name, 0) {
		a.Name = ""
	}
	return a, nil
}

func clip(s string) string {
	s = strings.ToValidUTF8(s, "?")
	return truncate(s, 100)
}

// toUTF8 decodes s from charset; it replaces invalid UTF-8 when no charset
// is named (SendGrid then passes UTF-8).
func toUTF8(s, charset string) (string, error) {
	cs := strings.ToLower(strings.TrimSpace(charset))
	if cs == "" || cs == "utf-8" || cs == "utf8" || cs == "us-ascii" {
		return strings.ToValidUTF8(s, "\uFFFD"), nil
	}
	e, err := htmlindex.Get(cs)
	if err != nil {
		return "", errors.New("unknown charset " + clip(charset))
	}
	out, err := e.NewDecoder().String(s)
	if err != nil {
		return strings.ToValidUTF8(s, "\uFFFD"), nil
	}
	return strings.ToValidUTF8(out, "\uFFFD"), nil
}

// fromHeaders reads the Date and Message-ID of the original message from
// the raw header block SendGrid passes.
func fromHeaders(h string) (time.Time, string) {
	h = strings.ReplaceAll(h, "\r\n", "\n")
	h = strings.TrimLeft(h, "\n")
	msg, err := mail.ReadMessage(strings.NewReader(strings.TrimRight(h, "\n") + "\n\n"))
	if err != nil {
		return time.Time{}, ""
	}
	var date time.Time
	if d, err := msg.Header.Date(); err == nil && d.Year() >= 2000 && d.Year() <= 9999 {
		date = d.UTC()
	}
	id := strings.TrimSpace(msg.Header.Get("Message-Id"))
	id = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(id, "<"), ">"))
	id = strings.Join(strings.Fields(id), "")
	if !utf8.ValidString(id) || strings.ContainsRune(id, 0) || len(id) > stormdesk.MaxExternalIDLen {
		sum := sha256.Sum256([]byte(id))
		id = "sha256:" + hex.EncodeToString(sum[:])
	}
	return date, id
}

// StripReply keeps the new part of an email body: it cuts at the first
// quote header ("On Mon, ... wrote:", "-----Original Message-----", an
// Outlook "From: ... Sent: ..." block), drops lines quoted with ">", and
// cuts the signature from a "-- " line or a "Sent from my ..." line.
func StripReply(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	lines := strings.Split(s, "\n")
	var out []string
cut:
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		t := strings.TrimSpace(l)
		switch {
		case quoteHeader.MatchString(l), outlookHeader.MatchString(l):
			break cut
		case quoteStart.MatchString(l) && i+1 < len(lines) && quoteEnd.MatchString(lines[i+1]) && !strings.HasPrefix(strings.TrimSpace(lines[i+1]), ">"):
			// Gmail wraps a long attribution over two lines.
			break cut
		case fromHeader.MatchString(l) && i+1 < len(lines) && sentHeader.MatchString(lines[i+1]):
			break cut
		case strings.TrimRight(l, " \t") == "--" || l == "-- ":
			break cut
		case mobileSig.MatchString(l):
			break cut
		case strings.HasPrefix(t, ">"):
			continue
		}
		out = append(out, strings.TrimRight(l, " \t"))
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

// HTMLToText reduces an HTML body to plain text as inbound email's HTML
// part is reduced (htmlToText): helpdesk webhooks carry HTML bodies too.
func HTMLToText(src string) string { return htmlToText(src) }

// htmlToText reduces an HTML body to plain text: block elements become
// line breaks, scripts, styles and quoted blocks (blockquote, Gmail's
// gmail_quote) are dropped.
func htmlToText(src string) string {
	z := html.NewTokenizer(strings.NewReader(src))
	var b bytes.Buffer
	skip := 0 // depth inside elements whose text is dropped
	var stack []bool
	newline := func() {
		if b.Len() > 0 && !bytes.HasSuffix(b.Bytes(), []byte("\n")) {
			b.WriteByte('\n')
		}
	}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return strings.TrimSpace(collapseBlankLines(b.String()))
		case html.TextToken:
			if skip == 0 {
				txt := strings.Join(strings.Fields(html.UnescapeString(string(z.Raw()))), " ")
				if txt != "" {
					if b.Len() > 0 && !bytes.HasSuffix(b.Bytes(), []byte("\n")) && !bytes.HasSuffix(b.Bytes(), []byte(" ")) {
						b.WriteByte(' ')
					}
					b.WriteString(txt)
				}
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			tag := string(name)
			drop := tag == "script" || tag == "style" || tag == "head" || tag == "blockquote" || tag == "title"
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				if string(k) == "class" && (bytes.Contains(v, []byte("gmail_quote")) || bytes.Contains(v, []byte("gmail_signature"))) {
					drop = true
				}
				if string(k) == "id" && bytes.Contains(v, []byte("divRplyFwdMsg")) {
					drop = true
				}
			}
			switch tag {
			case "br":
				b.WriteByte('\n')
				continue
			case "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "hr", "pre":
				newline()
			}
			if tt == html.SelfClosingTagToken || voidElement(tag) {
				continue
			}
			stack = append(stack, drop)
			if drop {
				skip++
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "pre":
				newline()
			}
			if n := len(stack); n > 0 {
				if stack[n-1] {
					skip--
				}
				stack = stack[:n-1]
			}
		}
	}
}

func voidElement(tag string) bool {
	switch tag {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr":
		return true
	}
	return false
}

func collapseBlankLines(s string) string {
	for strings.Contains(s, "\n\n\n") {
		s = strings.ReplaceAll(s, "\n\n\n", "\n\n")
	}
	return s
}

// truncate cuts s to at most n bytes on a rune boundary, marking the cut.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

//go:build ignore

// generate.go writes the MeetBeam scenario: one invented week (Mon 9 – Sun 15
// March 2026, all times UTC) at the support desk of MeetBeam, a browser-based
// video meeting and screen-sharing tool for sales and customer-success teams.
//
//	cd /work/main && go run ./scenarios/meetbeam/generate.go
//
// It writes tickets.jsonl and updates.jsonl into -out. The random source is
// seeded, so rerunning gives byte-identical files. The texts (names, ticket
// phrases, status-page posts) are in texts.json beside this file.
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"sort"
	"strings"
	"time"

	"stormdesk/scenarios/internal/weekgen"
)

var rng = rand.New(rand.NewPCG(20260309, 71))

// noSubject is what a body-only ticket carries as its subject. The helpdesk
// stores "(no subject)" for mails and chats that had none, and stormdesk's
// intake refuses an empty subject ("subject: required"); set this to "" to
// write truly empty subjects once the intake accepts them.
const noSubject = "(no subject)"

func pick[T any](xs []T) T       { return weekgen.Pick(rng, xs) }
func chance(p float64) bool      { return weekgen.Chance(rng, p) }
func between(a, b int) int       { return weekgen.Between(rng, a, b) }
func at(day, h, m int) time.Time { return time.Date(2026, time.March, day, h, m, 0, 0, time.UTC) }

// deck hands out the items of a pool in shuffled order and only repeats an
// item once every other one was used, so texts stay distinct.
type deck struct {
	items []string
	order []int
	pos   int
}

var decks = map[string]*deck{}

func draw(name string, items []string) string {
	d := decks[name]
	if d == nil {
		d = &deck{items: items}
		decks[name] = d
	}
	if d.pos >= len(d.order) {
		d.order = rng.Perm(len(d.items))
		d.pos = 0
	}
	s := d.items[d.order[d.pos]]
	d.pos++
	return s
}

// drawN draws n distinct items from a deck (n is capped at the pool size).
func drawN(name string, items []string, n int) []string {
	if n > len(items) {
		n = len(items)
	}
	var out []string
	seen := map[string]bool{}
	for len(out) < n {
		s := draw(name, items)
		if seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	return out
}

// ---------------------------------------------------------------- customers

type Org struct {
	Name, Domain, Lang string
	Size               int
	Freelance          bool
}

type Customer struct {
	First, Last, Name, Email, Org, Lang, Title, Phone, Slug string
	Weight                                                  float64
}

var orgs, freelancers []Org

var firstEN, lastEN, firstDE, lastDE, firstFR, lastFR, firstES, lastES, titles []string

var customers []*Customer
var byOrg = map[string][]*Customer{}

func ascii(s string) string {
	r := strings.NewReplacer("é", "e", "É", "e", "è", "e", "ö", "oe", "ü", "ue", "ä", "ae", "ß", "ss", "í", "i", "á", "a", "ó", "o", "ñ", "n", "'", "")
	return strings.ToLower(r.Replace(s))
}

func slugify(s string) string {
	words := strings.FieldsFunc(ascii(s), func(c rune) bool { return (c < 'a' || c > 'z') && (c < '0' || c > '9') })
	return strings.Join(words, "-")
}

func buildCustomers() {
	used := map[string]bool{}
	all := append(append([]Org{}, orgs...), freelancers...)
	for _, o := range all {
		fn, ln := firstEN, lastEN
		switch o.Lang {
		case "de":
			fn, ln = firstDE, lastDE
		case "fr":
			fn, ln = firstFR, lastFR
		case "es":
			fn, ln = firstES, lastES
		}
		style := rng.IntN(3)
		for i := 0; i < o.Size; i++ {
			var c *Customer
			for tries := 0; ; tries++ {
				f, l := pick(fn), pick(ln)
				if o.Freelance {
					// the org of a freelancer carries their surname
					words := strings.Fields(o.Name)
					l = words[0]
					if tries > 3 {
						l = pick(ln)
					}
				}
				var local string
				switch {
				case o.Freelance:
					local = ascii(f) + "." + ascii(l)
					if chance(0.5) {
						local = ascii(f) + ascii(l) + fmt.Sprint(between(7, 92))
					}
				case style == 0:
					local = ascii(f) + "." + ascii(l)
				case style == 1:
					local = ascii(f)[:1] + ascii(l)
				default:
					local = ascii(f)
					if o.Size > 4 {
						local = ascii(f) + "." + ascii(l)[:1]
					}
				}
				email := local + "@" + o.Domain
				if used[email] || used[f+" "+l] {
					continue
				}
				used[email], used[f+" "+l] = true, true
				c = &Customer{First: f, Last: l, Name: f + " " + l, Email: email, Org: o.Name, Lang: o.Lang,
					Title: pick(titles), Phone: fmt.Sprintf("+1 555 01%02d", between(0, 99)), Slug: slugify(o.Name), Weight: 1}
				if strings.HasSuffix(o.Domain, ".de") || o.Domain == "gmx.de" {
					c.Phone = fmt.Sprintf("+49 30 %d %04d", between(200, 899), between(0, 9999))
				} else if strings.HasSuffix(o.Domain, ".fr") || o.Lang == "fr" {
					c.Phone = fmt.Sprintf("+33 1 %02d %02d %02d %02d", between(10, 99), between(10, 99), between(10, 99), between(10, 99))
				} else if strings.HasSuffix(o.Domain, ".es") || strings.HasSuffix(o.Domain, ".mx") || o.Lang == "es" {
					c.Phone = fmt.Sprintf("+34 91 %03d %02d %02d", between(100, 999), between(10, 99), between(10, 99))
				} else if strings.HasSuffix(o.Domain, ".uk") {
					c.Phone = fmt.Sprintf("+44 20 7946 0%03d", between(0, 999))
				}
				break
			}
			customers = append(customers, c)
			byOrg[c.Org] = append(byOrg[c.Org], c)
		}
	}
}

// pickCustomer picks a reporter; bigOrgBias > 1 favours people in large orgs
// (many of them are hit at once by an outage).
func pickCustomer(bigOrgBias float64, lang string) *Customer {
	total := 0.0
	w := make([]float64, len(customers))
	for i, c := range customers {
		x := c.Weight
		if n := len(byOrg[c.Org]); n >= 8 {
			x *= bigOrgBias
		}
		if lang != "" && c.Lang != lang {
			x = 0
		}
		w[i] = x
		total += x
	}
	r := rng.Float64() * total
	for i, x := range w {
		r -= x
		if r < 0 {
			return customers[i]
		}
	}
	return customers[len(customers)-1]
}

// ---------------------------------------------------------------- messages

// msg is a ticket before it is rendered into a surface (mail, chat, form...).
type msg struct {
	at      time.Time
	label   string
	cust    *Customer
	subject string
	core    []string // the customer's own sentences
	foreign bool     // core is a complete non-English text with its own greeting
	long    bool     // pad with rambling context to 1,500+ characters
	raw     bool     // subject and body are final (auto-replies, bounces)
	body    string
	source  string // forced source, or "" to choose
	parent  *msg   // follow-up of this ticket
	cat     string // web-form topic
	id      string
	text    string // the rendered customer text, quoted by follow-ups
	// fromName/fromEmail/fromOrg override the reporter (bounces)
	fromName, fromEmail, fromOrg string
}

var msgs []*msg

func add(m *msg) *msg { msgs = append(msgs, m); return m }

// incText is the vocabulary of one symptom of an incident.
type incText struct {
	Name string
	Subj []string
	Sym  []string
	Ctx  []string
	Ask  []string
}

// compose draws 1–2 symptom sentences, 0–2 context sentences and maybe an ask;
// it returns a subject that belongs to the first symptom, if it has one.
func (t incText) compose() (string, []string) {
	nsym := 1
	if chance(0.45) {
		nsym = 2
	}
	// sentences marked "~" lean on another one and never open a ticket
	var prim []string
	for _, x := range t.Sym {
		if !strings.HasPrefix(x, "~") {
			prim = append(prim, x)
		}
	}
	out := []string{draw(t.Name+".sym1", prim)}
	for nsym == 2 {
		x := draw(t.Name+".sym2", t.Sym)
		if x != out[0] {
			out = append(out, strings.TrimPrefix(x, "~"))
			break
		}
	}
	hint := ""
	for i := range out {
		subs, text := splitSubj(out[i])
		if i == 0 && subs != nil {
			hint = pick(subs)
		}
		out[i] = text
	}
	nctx := 0
	switch r := rng.Float64(); {
	case r < 0.35:
		nctx = 0
	case r < 0.8:
		nctx = 1
	default:
		nctx = 2
	}
	ctx := drawN(t.Name+".ctx", t.Ctx, nctx)
	if len(ctx) > 0 && chance(0.3) {
		out = append([]string{ctx[0]}, out...)
		ctx = ctx[1:]
	}
	out = append(out, ctx...)
	if len(t.Ask) > 0 && chance(0.55) {
		out = append(out, draw(t.Name+".ask", t.Ask))
	}
	return hint, out
}

type foreignText struct{ Lang, Subj, Body string }

// ---------------------------------------------------------------- shared incident phrases

var urgentCtx []string

// ---------------------------------------------------------------- inc 1: edgeharbor CDN, recordings (Mon)

const labelCDN = "inc-recordings-cdn-outage"

var cdnText incText

var cdnForeign []foreignText

var cdnFollow []string

// ---------------------------------------------------------------- inc 2: keyloom identity, login + share start (Tue)

const labelAuth = "inc-login-share-auth-outage"

var authLogin, authShare incText

var authBoth []string

var authForeign []foreignText

var authFollow []string

// ---------------------------------------------------------------- inc 3: postlark email delays (Wed)

const labelMail = "inc-invite-email-delay"

var mailText incText

var mailForeign []foreignText

var mailFollow []string

// ---------------------------------------------------------------- inc 4: relaywave media relay, share freeze (Thu)

const labelMedia = "inc-share-freeze-media"

var mediaText incText

var mediaForeign []foreignText

var mediaFollow []string

// ---------------------------------------------------------------- inc 5: own bug, invite times off by one hour (Fri)

const labelTZ = "inc-calendar-timezone-bug"

var tzText incText

var tzForeign []foreignText

// ---------------------------------------------------------------- background, hard negatives, look-alikes

// topic is one kind of everyday ticket. feat marks the product feature so that
// background tickets about a feature that is in an outage are not placed
// inside that outage (those are written as look-alikes instead).
type topic struct {
	Name   string
	Feat   string
	W      int
	Subj   []string
	Ask    []string
	Detail []string
}

// splitSubj splits "[A|B] text" into its own subjects and the text.
func splitSubj(s string) ([]string, string) {
	if strings.HasPrefix(s, "[") {
		if i := strings.Index(s, "] "); i > 0 {
			return strings.Split(s[1:i], "|"), s[i+2:]
		}
	}
	return nil, s
}

func (t topic) compose() (string, []string) {
	subs, ask := splitSubj(draw(t.Name+".ask", t.Ask))
	subj := ""
	if subs != nil && chance(0.75) {
		subj = pick(subs)
	} else {
		subj = draw(t.Name+".subj", t.Subj)
	}
	out := []string{ask}
	if len(t.Detail) > 0 {
		n := 0
		if r := rng.Float64(); r < 0.45 {
			n = 1
		} else if r < 0.7 {
			n = 2
		}
		d := drawN(t.Name+".detail", t.Detail, n)
		if len(d) > 0 && len(d[0]) > 30 && chance(0.2) {
			out = append([]string{d[0]}, out...)
			d = d[1:]
		}
		out = append(out, d...)
	}
	return subj, out
}

// An ask may start with "[Subject one|Subject two] ": those subjects belong to
// that ask and are preferred over the topic's generic subjects.
var bgTopics []topic

// hard negatives: individual problems that read like an outage.
var hnTopics []topic

var hnForeign []foreignText

// look-alikes: same feature as an incident, inside its window, different problem.
var laCDN, laAuth, laMail, laMedia, laTZ topic

// ---------------------------------------------------------------- rendering

var greetings, closings, mobileSigs, emojis, agents []string

// rambling context for the few very long tickets
var rambleIntro, rambleProblem, rambleCalm, rambleClose []string

var quotedThreads []struct{ Subj, Body string }

func fill(s string, c *Customer) string {
	col := pick(firstEN)
	if others := byOrg[c.Org]; len(others) > 1 {
		for {
			o := pick(others)
			if o != c {
				col = o.First
				break
			}
		}
	}
	r := strings.NewReplacer(
		"{first}", c.First,
		"{org}", c.Org,
		"{domain}", strings.SplitN(c.Email, "@", 2)[1],
		"{email}", c.Email,
		"{amt}", fmt.Sprintf("$%d.00", between(3, 60)*15),
		"{n}", fmt.Sprint(between(2, 12)),
		"{inv}", fmt.Sprintf("INV-2026-%05d", between(1000, 48000)),
		"{po}", fmt.Sprint(between(40000, 99999)),
		"{last4}", fmt.Sprintf("%04d", between(0, 9999)),
		"{colleague}", col,
	)
	return r.Replace(s)
}

// noise applies typos, lower case, dropped punctuation and emoji to a customer's text.
type noiseLevel struct{ lower, typo, nopunct, emoji, caps float64 }

var noiseIncident = noiseLevel{0.12, 0.28, 0.06, 0.05, 0.08}
var noiseCalm = noiseLevel{0.07, 0.15, 0.04, 0.03, 0.01}

func typo(s string) string {
	words := strings.Split(s, " ")
	for tries := 0; tries < 10; tries++ {
		i := rng.IntN(len(words))
		w := []rune(words[i])
		if len(w) < 5 || strings.ContainsAny(string(w), "\"@/{}<>") {
			continue
		}
		j := between(1, len(w)-3)
		switch rng.IntN(3) {
		case 0:
			w[j], w[j+1] = w[j+1], w[j]
		case 1:
			w = append(w[:j], w[j+1:]...)
		default:
			w = append(w[:j+1], w[j:]...)
		}
		words[i] = string(w)
		break
	}
	return strings.Join(words, " ")
}

func applyNoise(core []string, lvl noiseLevel) []string {
	out := append([]string{}, core...)
	if chance(lvl.typo) {
		for k := between(1, 3); k > 0; k-- {
			i := rng.IntN(len(out))
			out[i] = typo(out[i])
		}
	}
	if chance(lvl.nopunct) {
		for i := range out {
			out[i] = strings.NewReplacer(".", "", ",", "", "'", "", "’", "").Replace(out[i])
		}
	}
	if chance(lvl.lower) {
		for i := range out {
			out[i] = strings.ToLower(out[i])
		}
	}
	if chance(lvl.emoji) {
		i := rng.IntN(len(out))
		out[i] += pick(emojis)
	}
	return out
}

func paragraphs(core []string) string {
	if len(core) >= 3 && chance(0.5) {
		k := between(1, len(core)-1)
		return strings.Join(core[:k], " ") + "\n\n" + strings.Join(core[k:], " ")
	}
	if len(core) >= 2 && chance(0.15) {
		return strings.Join(core, "\n")
	}
	return strings.Join(core, " ")
}

func signature(c *Customer) string {
	switch r := rng.Float64(); {
	case r < 0.35:
		return ""
	case r < 0.55:
		return pick(mobileSigs)
	case r < 0.8:
		return fmt.Sprintf("-- \n%s | %s | %s\n%s", c.Name, c.Title, c.Org, c.Phone)
	default:
		return fmt.Sprintf("%s\n%s\n%s\n%s", c.Name, c.Title, c.Org, c.Phone)
	}
}

// letter wraps the customer's text into a mail: greeting, text, sign-off, signature.
func letter(m *msg, text string) string {
	c := m.cust
	var b strings.Builder
	if !m.foreign && chance(0.65) {
		b.WriteString(pick(greetings) + "\n\n")
	}
	b.WriteString(text)
	if !m.foreign {
		if chance(0.6) {
			name := c.First
			if chance(0.2) {
				name = c.Name
			} else if chance(0.1) {
				name = strings.ToUpper(c.First[:1])
			}
			b.WriteString("\n\n" + pick(closings) + "\n" + name)
		}
	} else if chance(0.7) {
		b.WriteString("\n" + c.First)
	}
	if s := signature(c); s != "" {
		b.WriteString("\n\n" + s)
	}
	return b.String()
}

func quote(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l == "" {
			lines[i] = ">"
		} else {
			lines[i] = "> " + l
		}
	}
	return strings.Join(lines, "\n")
}

func re(prefix, subj string) string {
	if strings.HasPrefix(strings.ToLower(subj), "re:") {
		return subj
	}
	return prefix + subj
}

func gmailDate(t time.Time) string   { return t.Format("Mon, 2 Jan 2006 at 15:04") }
func appleDate(t time.Time) string   { return t.Format("2 Jan 2006, at 15:04") }
func outlookDate(t time.Time) string { return t.Format("Monday, January 2, 2006 3:04 PM") }

func htmlEscape(s string) string {
	s = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
	if chance(0.5) {
		s = strings.ReplaceAll(s, "'", "&#39;")
	}
	if chance(0.4) {
		s = strings.ReplaceAll(s, ". ", ".&nbsp; ")
	}
	return s
}

func toHTML(letterText string) string {
	var b strings.Builder
	style := rng.IntN(3)
	switch style {
	case 0:
		b.WriteString("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head><body><div dir=\"ltr\">")
	case 1:
		b.WriteString("<html><body>")
	default:
		b.WriteString("<div style=\"font-family: Calibri, Arial, sans-serif; font-size: 11pt;\">")
	}
	for _, para := range strings.Split(letterText, "\n\n") {
		lines := strings.Split(para, "\n")
		for i := range lines {
			lines[i] = htmlEscape(lines[i])
		}
		if style == 0 {
			b.WriteString("<div>" + strings.Join(lines, "<br>") + "</div><div><br></div>")
		} else {
			b.WriteString("<p>" + strings.Join(lines, "<br>") + "</p>")
		}
	}
	switch style {
	case 0:
		b.WriteString("</div></body></html>")
	case 1:
		b.WriteString("</body></html>")
	default:
		b.WriteString("</div>")
	}
	return b.String()
}

func ackText(m *msg) string {
	return fmt.Sprintf("Thanks for contacting MeetBeam Support! We've received your request (%s) and a member of our team will get back to you as soon as possible.\n\n----\n%s", m.id, m.text)
}

// render turns a msg into a ticket in one of the surfaces of its source.
func render(m *msg) weekgen.Ticket {
	c := m.cust
	t := weekgen.Ticket{ID: m.id, ReceivedAt: m.at.Format(time.RFC3339), Label: m.label}
	if c != nil {
		t.CustomerEmail, t.CustomerName, t.Org = c.Email, c.Name, c.Org
	}
	if m.fromEmail != "" {
		t.CustomerEmail, t.CustomerName, t.Org = m.fromEmail, m.fromName, m.fromOrg
	}
	if m.raw {
		t.Subject, t.Body, t.Source = m.subject, m.body, "email"
		return t
	}
	lvl := noiseCalm
	if strings.HasPrefix(m.label, "inc-") {
		lvl = noiseIncident
	}
	core := m.core
	if !m.foreign {
		core = applyNoise(core, lvl)
	}
	if m.long {
		core = longify(m, core)
	}
	text := paragraphs(core)
	if m.foreign {
		text = m.core[0]
	}
	m.text = text
	subject := m.subject
	if !m.foreign && chance(lvl.caps) {
		subject = strings.ToUpper(subject)
		if !strings.HasSuffix(subject, "!") && !strings.HasSuffix(subject, "?") {
			subject += "!!!"
		}
		text = strings.ToUpper(text)
	} else if !m.foreign && chance(lvl.lower*0.7) {
		subject = strings.ToLower(subject)
	}

	src := m.source
	if src == "" {
		r := rng.Float64()
		switch {
		case m.long || m.foreign:
			src = "email"
			if r < 0.25 {
				src = "web"
			}
		case r < 0.5:
			src = "email"
		case r < 0.7:
			src = "chat"
		case r < 0.9:
			src = "web"
		default:
			src = "api"
		}
	}
	t.Source = src

	// follow-ups
	if m.parent != nil {
		p := m.parent
		switch src {
		case "chat":
			t.Subject = "Chat with " + c.Name
			t.Body = chatTranscript(m, []string{text}, true)
		default:
			t.Source = "email"
			t.Subject = "Re: " + p.subject
			if chance(0.3) {
				t.Subject = "RE: " + p.subject
			}
			body := text
			if chance(0.4) {
				body = letter(m, text)
			}
			switch rng.IntN(3) {
			case 0:
				body += fmt.Sprintf("\n\nOn %s, MeetBeam Support <support@meetbeam.io> wrote:\n\n%s", gmailDate(p.at.Add(time.Duration(between(1, 3))*time.Minute)), quote(ackText(p)))
			case 1:
				body += fmt.Sprintf("\n\n-----Original Message-----\nFrom: MeetBeam Support <support@meetbeam.io>\nSent: %s\nTo: %s <%s>\nSubject: [MeetBeam] %s\n\n%s", outlookDate(p.at.Add(time.Minute)), c.Name, c.Email, p.subject, ackText(p))
			default:
				body += fmt.Sprintf("\n\n> On %s, %s <%s> wrote:\n> \n%s", appleDate(p.at), c.Name, c.Email, quote(p.text))
			}
			t.Body = body
		}
		return t
	}

	switch src {
	case "chat":
		t.Subject = pick([]string{"Chat with " + c.Name, "Live chat: " + c.First, "New conversation", "Chat transcript", noSubject, subject})
		t.Body = chatTranscript(m, core, false)
	case "web":
		t.Subject = subject
		if chance(0.3) {
			t.Subject = "[Contact form] " + subject
		}
		if chance(0.55) {
			cat := m.cat
			switch {
			case cat != "":
			case strings.Contains(m.label, "calendar"):
				cat = "Integrations & calendar"
			case m.label == labelAuth && strings.Contains(strings.ToLower(text), "log"):
				cat = "Account & log-in"
			default:
				cat = pick([]string{"Technical problem", "Technical problem", "Something is not working"})
			}
			t.Body = fmt.Sprintf("Name: %s\nEmail: %s\nCompany: %s\nTopic: %s\nMessage:\n%s", c.Name, c.Email, c.Org, cat, text)
		} else {
			t.Body = letter(m, text)
		}
	case "api":
		t.Subject = subject
		if chance(0.5) {
			t.Subject = "In-app report: " + subject
		}
		browsers := []string{"Chrome 134.0 on macOS 15.3", "Chrome 134.0 on Windows 11", "Edge 134.0 on Windows 11", "Safari 18.3 on macOS 15.3", "Firefox 136.0 on Windows 10", "Chrome 133.0 on ChromeOS", "Safari on iOS 18.3", "MeetBeam Android 5.12.0"}
		pages := []string{"/m/rooms/" + slugify(c.Name), "/login", "/app/meetings", "/app/recordings", "/app/settings/billing", "/app/schedule", "/m/join", "/app/home"}
		page := pick(pages)
		t.Body = fmt.Sprintf("Submitted via in-app \"Report a problem\"\nWorkspace: %s (%s plan)\nUser: %s\nPage: %s\nBrowser: %s\nApp version: 2026.03.%d\n---\n%s", c.Slug, pick([]string{"Business", "Pro", "Starter", "Business", "Enterprise"}), c.Email, page, pick(browsers), between(1, 4), text)
	default: // email
		t.Subject = subject
		lt := letter(m, text)
		switch r := rng.Float64(); {
		case m.long || m.foreign:
			t.Body = lt
			if chance(0.3) {
				t.Body = toHTML(lt)
			}
		case r < 0.42:
			t.Body = lt
		case r < 0.62:
			t.Body = toHTML(lt)
		case r < 0.72:
			q := pick(quotedThreads)
			t.Subject = re("Re: ", q.Subj)
			if chance(0.5) {
				t.Subject = subject
			}
			t.Body = fmt.Sprintf("%s\n\nOn %s, MeetBeam Support <support@meetbeam.io> wrote:\n\n%s", lt, gmailDate(m.at.Add(-time.Duration(between(30, 400))*time.Hour)), quote(fill(q.Body, c)))
		case r < 0.8:
			q := pick(quotedThreads)
			t.Subject = re("RE: ", q.Subj)
			if chance(0.5) {
				t.Subject = subject
			}
			sep := "-----Original Message-----"
			if chance(0.5) {
				sep = "________________________________"
			}
			t.Body = fmt.Sprintf("%s\n\n%s\nFrom: MeetBeam Support <support@meetbeam.io>\nSent: %s\nTo: %s <%s>\nSubject: %s\n\n%s", lt, sep, outlookDate(m.at.Add(-time.Duration(between(30, 400))*time.Hour)), c.Name, c.Email, q.Subj, fill(q.Body, c))
		case r < 0.86:
			q := pick(quotedThreads)
			t.Subject = re("Re: ", q.Subj)
			if chance(0.6) {
				t.Subject = subject
			}
			t.Body = fmt.Sprintf("%s\n\nSent from my iPhone\n\n> On %s, MeetBeam Support <support@meetbeam.io> wrote:\n> \n%s", text, appleDate(m.at.Add(-time.Duration(between(30, 400))*time.Hour)), quote(fill(q.Body, c)))
		default:
			// forwarded from a colleague
			col := c
			if others := byOrg[c.Org]; len(others) > 1 {
				for col == c {
					col = pick(others)
				}
			}
			if col == c {
				t.Body = lt
				break
			}
			intro := pick([]string{"FYI, see below. Can you help? This is happening to more of us.", "Forwarding from my colleague.", "Please see below from one of my reps.", "fwd - can someone look at this", "Hi, forwarding this on behalf of " + col.First + ".", "See below. Is this on your end?"})
			if m.label == "background" || m.label == "look-alike" {
				intro = pick([]string{"Forwarding from my colleague.", "Please see below from one of my reps.", "Hi, forwarding this on behalf of " + col.First + ".", "See below, can you help her out?"})
			}
			t.Subject = "Fwd: " + subject
			if chance(0.3) {
				t.Subject = "FW: " + subject
			}
			t.Body = fmt.Sprintf("%s\n\n---------- Forwarded message ---------\nFrom: %s <%s>\nDate: %s\nSubject: %s\nTo: %s <%s>\n\n%s", intro, col.Name, col.Email, gmailDate(m.at.Add(-time.Duration(between(3, 25))*time.Minute)), subject, c.Name, c.Email, text)
		}
	}
	if !m.foreign && !m.long && m.parent == nil && src != "chat" {
		r := rng.Float64()
		if r < 0.035 {
			t.Body = "" // subject-only
		} else if r < 0.075 {
			t.Subject = noSubject // body-only
		}
	}
	return t
}

var botOpeners, botLines []string

// agent line and what the customer may answer to it
var agentLines [][2]string

func chatTranscript(m *msg, core []string, followup bool) string {
	c := m.cust
	tm := m.at
	stamp := func() string { return tm.Format("15:04") }
	who := c.First
	if chance(0.3) {
		who = "Visitor"
	} else if chance(0.3) {
		who = "Customer"
	}
	var lines []string
	withTimes := chance(0.6)
	say := func(speaker, text string) {
		if withTimes {
			lines = append(lines, fmt.Sprintf("[%s] %s: %s", stamp(), speaker, text))
		} else {
			lines = append(lines, speaker+": "+text)
		}
		tm = tm.Add(time.Duration(between(10, 80)) * time.Second)
	}
	if !withTimes {
		lines = append(lines, "Conversation started "+m.at.Format("2 Jan 2006, 15:04")+" UTC", "")
	}
	say("Beamy", pick(botOpeners))
	if followup {
		say(who, core[0])
		say("Beamy", "I see you have an open request. I'll add this message to it and let the team know.")
		return strings.Join(lines, "\n")
	}
	if len(core) > 1 && len(strings.Join(core[1:], " ")) > 30 && chance(0.5) {
		say(who, core[0])
		say("Beamy", pick(botLines))
		say(who, strings.Join(core[1:], " "))
	} else {
		say(who, strings.Join(core, " "))
	}
	if chance(0.55) {
		say("Beamy", "Got it. I'm handing you over to a support agent now.")
		ag := pick(agents)
		al := pick(agentLines)
		say(ag+" (MeetBeam)", fill(al[0], c))
		if chance(0.5) {
			say(who, pick(strings.Split(al[1], "|")))
		}
	}
	return strings.Join(lines, "\n")
}

// longify wraps the core text in paragraphs of context until it is 1,500+ characters.
func longify(m *msg, core []string) []string {
	used := map[string]bool{}
	from := func(pool []string, n int) []string {
		var out []string
		for _, i := range rng.Perm(len(pool)) {
			if len(out) == n {
				break
			}
			if !used[pool[i]] {
				used[pool[i]] = true
				out = append(out, fill(pool[i], m.cust))
			}
		}
		return out
	}
	mid := rambleProblem
	if m.label == "background" {
		mid = rambleCalm
	}
	intro := from(rambleIntro, between(2, 3))
	extra := from(mid, between(3, 4))
	closing := from(rambleClose, 1)
	build := func() string {
		return strings.Join([]string{strings.Join(intro, " "), strings.Join(core, " "), strings.Join(extra, " "), strings.Join(closing, " ")}, "\n\n")
	}
	for len(build()) < 1550 {
		more := from(mid, 1)
		if len(more) == 0 {
			more = from(rambleIntro, 1)
		}
		if len(more) == 0 {
			break
		}
		extra = append(extra, more...)
	}
	return []string{build()}
}

var bgForeign []foreignText

var autoReplies []struct{ Subj, Body string }

func bounce(c *Customer, t time.Time) *msg {
	m := &msg{at: t, label: "background", raw: true, cust: c, fromOrg: c.Org}
	ref := pick([]string{"Re: [MeetBeam Support] Update on your request", "Re: Known issue: sign-in and screen sharing problems", "[MeetBeam Support] We're looking into it", "Your MeetBeam invoice for March", "Re: [MeetBeam Support] Your request has been solved", "Re: Seat changes for your workspace"})
	addr := ascii(pick(firstEN)) + "." + ascii(pick(lastEN)) + "@" + strings.SplitN(c.Email, "@", 2)[1]
	dom := strings.SplitN(c.Email, "@", 2)[1]
	free := strings.Contains("gmail.com outlook.com yahoo.com icloud.com proton.me gmx.de", dom)
	if free || chance(0.4) {
		m.fromName, m.fromEmail = "Mail Delivery Subsystem", "mailer-daemon@googlemail.com"
		m.subject = "Delivery Status Notification (Failure)"
		m.body = fmt.Sprintf("** Address not found **\n\nYour message wasn't delivered to %s because the address couldn't be found, or is unable to receive mail.\n\nLearn more at https://support.google.com/mail/?p=NoSuchUser\n\nThe response from the remote server was:\n550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces.\n\n----- Original message -----\nFrom: MeetBeam Support <support@meetbeam.io>\nSubject: %s", addr, ref)
	} else {
		m.fromName, m.fromEmail = "Microsoft Outlook", "postmaster@"+strings.SplitN(c.Email, "@", 2)[1]
		m.subject = "Undeliverable: " + ref
		m.body = fmt.Sprintf("Delivery has failed to these recipients or groups:\n\n%s\nThe email address you entered couldn't be found. Please check the recipient's email address and try to resend the message. If the problem continues, please contact your helpdesk.\n\nDiagnostic information for administrators:\n\nGenerating server: mail.%s\n\n%s\nRemote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'", addr, strings.SplitN(c.Email, "@", 2)[1], addr)
	}
	return m
}

func autoReply(c *Customer, t time.Time, i int) *msg {
	a := autoReplies[i%len(autoReplies)]
	body := strings.ReplaceAll(fill(a.Body, c), "{name}", c.Name)
	return &msg{at: t, label: "background", raw: true, cust: c, subject: a.Subj, body: body}
}

// ---------------------------------------------------------------- timing

// hourly weights of the everyday trickle (UTC; EU morning, EU+US afternoon peak).
var hourW = []float64{0.5, 0.4, 0.3, 0.25, 0.25, 0.35, 0.7, 1.4, 2.2, 2.6, 2.6, 2.4, 2.3, 2.9, 3.3, 3.4, 3.2, 2.8, 2.4, 2.1, 1.7, 1.3, 1.0, 0.7}

func rhythmTime() time.Time {
	total := 0.0
	w := make([]float64, 7*24)
	for d := 0; d < 7; d++ {
		f := 1.0
		if d >= 5 {
			f = 0.28
		}
		for h := 0; h < 24; h++ {
			w[d*24+h] = hourW[h] * f
			total += w[d*24+h]
		}
	}
	r := rng.Float64() * total
	for i, x := range w {
		r -= x
		if r < 0 {
			return at(9+i/24, i%24, 0).Add(time.Duration(rng.IntN(3600)) * time.Second)
		}
	}
	return at(15, 23, 0)
}

func uniformTime(from, to time.Time) time.Time {
	return from.Add(time.Duration(rng.Int64N(int64(to.Sub(from)/time.Second))) * time.Second)
}

// stormTimes draws n arrival times with a trapezoid density: rising from
// start to peakA, flat to peakB, falling to end. The first is at start.
func stormTimes(n int, start, peakA, peakB, end time.Time) []time.Time {
	dens := func(t time.Time) float64 {
		switch {
		case t.Before(peakA):
			return 0.08 + 0.92*float64(t.Sub(start))/float64(peakA.Sub(start))
		case t.Before(peakB):
			return 1
		default:
			return 0.05 + 0.95*float64(end.Sub(t))/float64(end.Sub(peakB))
		}
	}
	out := []time.Time{start.Add(time.Duration(between(0, 50)) * time.Second)}
	for len(out) < n {
		t := uniformTime(start.Add(time.Minute), end)
		if rng.Float64() < dens(t) {
			out = append(out, t)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Before(out[j]) })
	return out
}

type window struct {
	from, to time.Time
	feats    []string
}

// outage windows: background of the same feature is not placed inside them.
var windows = []window{
	{at(9, 13, 30), at(9, 15, 20), []string{"recordings"}},
	{at(10, 14, 20), at(10, 17, 40), []string{"login", "screenshare"}},
	{at(11, 10, 10), at(11, 13, 50), []string{"invites"}},
	{at(12, 15, 0), at(12, 18, 10), []string{"screenshare", "video", "audio"}},
	{at(13, 7, 0), at(14, 0, 0), []string{"calendar"}},
	{at(15, 0, 30), at(15, 3, 0), []string{"login"}}, // keyloom maintenance: nothing extra
}

func blocked(feat string, t time.Time) bool {
	for _, w := range windows {
		if t.Before(w.from) || !t.Before(w.to) {
			continue
		}
		for _, f := range w.feats {
			if f == feat {
				return true
			}
		}
	}
	return false
}

func pickTopic(ts []topic) topic {
	total := 0
	for _, t := range ts {
		total += t.W
	}
	r := rng.IntN(total)
	for _, t := range ts {
		r -= t.W
		if r < 0 {
			return t
		}
	}
	return ts[0]
}

// ---------------------------------------------------------------- incidents

type storm struct {
	label                    string
	n, follows               int
	start, peakA, peakB, end time.Time
	texts                    []incText
	shares                   []float64 // share of each text among English tickets
	foreign                  []foreignText
	nForeign, nLong          int
	follow                   []string
	bias                     float64
	mixed                    []string // optional sentences that name both symptoms
	nMixed                   int
}

func runStorm(s storm) {
	times := stormTimes(s.n-s.follows, s.start, s.peakA, s.peakB, s.end)
	kinds := make([]string, len(times))
	for i := range kinds {
		kinds[i] = "en"
	}
	perm := rng.Perm(len(times) - 1) // the first ticket stays a plain English one
	k := 0
	for j := 0; j < s.nForeign && j < len(s.foreign); j++ {
		kinds[perm[k]+1] = "foreign"
		k++
	}
	for j := 0; j < s.nMixed; j++ {
		kinds[perm[k]+1] = "mixed"
		k++
	}
	for j := 0; j < s.nLong; j++ {
		kinds[perm[k]+1] = "long"
		k++
	}
	fi := 0
	var base []*msg
	for i, t := range times {
		m := &msg{at: t, label: s.label}
		switch kinds[i] {
		case "foreign":
			f := s.foreign[fi]
			fi++
			m.cust = pickCustomer(s.bias, f.Lang)
			m.subject, m.core, m.foreign = f.Subj, []string{f.Body}, true
		case "mixed":
			m.cust = pickCustomer(s.bias, "en")
			m.subject = draw(s.texts[0].Name+".subj", s.texts[0].Subj)
			m.core = append([]string{draw(s.label+".mixed", s.mixed)}, drawN(s.texts[0].Name+".ctx", s.texts[0].Ctx, 1)...)
			m.subject = draw(s.label+".mixsubj", []string{"Login AND screen share broken", "Can't log in / can't share", "MeetBeam not working - login + sharing", "Multiple problems right now"})
		default:
			m.cust = pickCustomer(s.bias, "en")
			for kinds[i] == "long" && len(byOrg[m.cust.Org]) < 4 {
				m.cust = pickCustomer(s.bias, "en")
			}
			r := rng.Float64()
			tx := s.texts[len(s.texts)-1]
			for j, sh := range s.shares {
				if r < sh {
					tx = s.texts[j]
					break
				}
				r -= sh
			}
			hint, core := tx.compose()
			m.subject, m.core = hint, core
			if hint == "" || chance(0.15) {
				m.subject = draw(tx.Name+".subj", tx.Subj)
			}
			m.long = kinds[i] == "long"
		}
		base = append(base, add(m))
	}
	// follow-ups from people who already wrote
	used := map[*msg]bool{}
	for j := 0; j < s.follows; j++ {
		for tries := 0; tries < 1000; tries++ {
			p := base[rng.IntN(len(base))]
			if used[p] || p.foreign || p.long {
				continue
			}
			t := p.at.Add(time.Duration(between(12, 55)) * time.Minute)
			if t.After(s.end) {
				continue
			}
			used[p] = true
			src := "email"
			if chance(0.25) {
				src = "chat"
			}
			add(&msg{at: t, label: s.label, cust: p.cust, subject: p.subject, core: []string{draw(s.label+".fup", s.follow)}, parent: p, source: src})
			break
		}
	}
}

// the slow trickle of the product's own bug: one ticket every 18–52 minutes.
func runTrickle() {
	// 24 gaps of 20–52 minutes, scaled so the day runs from 07:38 to about 21:50
	gaps := make([]float64, 24)
	sum := 0.0
	for i := range gaps {
		gaps[i] = float64(between(20, 52))
		sum += gaps[i]
	}
	t := at(13, 7, 38).Add(time.Duration(between(0, 59)) * time.Second)
	var base []*msg
	foreign := 0
	for i := 0; i < 25; i++ {
		m := &msg{at: t, label: labelTZ}
		switch {
		case (i == 9 || i == 17) && foreign < len(tzForeign):
			f := tzForeign[foreign]
			foreign++
			m.cust = pickCustomer(1, f.Lang)
			m.subject, m.core, m.foreign = f.Subj, []string{f.Body}, true
		default:
			m.cust = pickCustomer(1, "en")
			for i == 13 && len(byOrg[m.cust.Org]) < 4 {
				m.cust = pickCustomer(1, "en")
			}
			hint, core := tzText.compose()
			m.subject, m.core = hint, core
			if hint == "" || chance(0.15) {
				m.subject = draw("tz.subj", tzText.Subj)
			}
			m.long = i == 13
		}
		base = append(base, add(m))
		if i < len(gaps) {
			g := gaps[i] * 852 / sum
			t = t.Add(time.Duration(g*60)*time.Second + time.Duration(rng.IntN(60))*time.Second)
		}
	}
	p := base[6]
	add(&msg{at: p.at.Add(2*time.Hour + 50*time.Minute), label: labelTZ, cust: p.cust, subject: p.subject, parent: p, source: "email",
		core: []string{"Following up: it happened again with two more invites this afternoon, both one hour off for guests in the UK. Is there a fix yet?"}})
}

// ---------------------------------------------------------------- everyday tickets

func placeTopic(t topic, label string, at time.Time, long bool) {
	c := pickCustomer(1, "")
	for c.Lang != "en" && chance(0.5) {
		c = pickCustomer(1, "")
	}
	if long {
		for c.Lang != "en" || len(byOrg[c.Org]) < 4 {
			c = pickCustomer(1, "en")
		}
	}
	subj, core := t.compose()
	subj = fill(subj, c)
	for i := range core {
		core[i] = fill(core[i], c)
	}
	add(&msg{at: at, label: label, cust: c, subject: subj, core: core, long: long, cat: category(t)})
}

func category(t topic) string {
	switch {
	case t.Name == "feature":
		return "Feature request"
	case t.Name == "sales" || t.Name == "spam":
		return "Sales & pricing"
	case t.Feat == "billing":
		return "Billing"
	case t.Feat == "login":
		return "Account & log-in"
	case t.Feat == "account" || t.Feat == "data":
		return "Account"
	case t.Feat == "integrations" || t.Feat == "calendar":
		return "Integrations & calendar"
	case strings.HasPrefix(t.Name, "howto") || strings.HasPrefix(t.Name, "la."):
		return pick([]string{"How do I...?", "Question"})
	case t.Feat == "other":
		return pick([]string{"Other", "Question"})
	}
	return "Technical problem"
}

func placeForeign(f foreignText, label string, at time.Time) {
	c := pickCustomer(1, f.Lang)
	add(&msg{at: at, label: label, cust: c, subject: f.Subj, core: []string{f.Body}, foreign: true})
}

func everyday() {
	// background: 378 written tickets + 14 auto-replies + 8 bounces = 400
	longAt := map[int]bool{40: true, 150: true, 260: true, 330: true}
	fi := 0
	for i := 0; i < 378; i++ {
		t := rhythmTime()
		if i%45 == 7 && fi < len(bgForeign) {
			placeForeign(bgForeign[fi], "background", t)
			fi++
			continue
		}
		tp := pickTopic(bgTopics)
		for blocked(tp.Feat, t) || (longAt[i] && (tp.Name == "spam" || tp.Name == "thanks")) {
			tp = pickTopic(bgTopics)
		}
		placeTopic(tp, "background", t, longAt[i])
	}
	// auto-replies: several land while support is mass-replying during outages
	arTimes := []time.Time{
		at(10, 15, 21), at(10, 15, 34), at(10, 15, 52), at(10, 16, 7), at(10, 16, 40),
		at(12, 16, 28), at(12, 16, 57), at(12, 17, 19),
		at(11, 11, 36), at(11, 12, 4),
		at(9, 10, 12), at(13, 16, 45), at(14, 9, 30), at(12, 8, 55),
	}
	arIdx := []int{0, 1, 2, 2, 3, 8, 9, 0, 10, 3, 6, 7, 11, 12}
	for i, t := range arTimes {
		var c *Customer
		a := autoReplies[arIdx[i]]
		want := "en"
		if strings.HasPrefix(a.Subj, "Abwesenheit") {
			want = "de"
		} else if strings.HasPrefix(a.Subj, "Réponse") {
			want = "fr"
		} else if strings.HasPrefix(a.Subj, "Respuesta") {
			want = "es"
		}
		c = pickCustomer(1.5, want)
		add(autoReply(c, t.Add(time.Duration(rng.IntN(60))*time.Second), arIdx[i]))
	}
	// the three non-English auto-replies
	add(autoReply(pickCustomer(1, "de"), at(10, 16, 18).Add(17*time.Second), 4))
	add(autoReply(pickCustomer(1, "fr"), at(11, 9, 2).Add(41*time.Second), 5))
	add(autoReply(pickCustomer(1, "es"), at(12, 11, 14).Add(9*time.Second), 13))
	for i := 0; i < 5; i++ {
		add(bounce(pickCustomer(1, ""), rhythmTime()))
	}

	// hard negatives: 54 spread over the week, 22 inside the log-in outage,
	// 6 inside the media outage, 3 inside the email delay = 85
	hnLogin := hnTopics[:8]
	for i := 0; i < 54; i++ {
		t := rhythmTime()
		if i < len(hnForeign) {
			placeForeign(hnForeign[i], "hard-negative", t)
			continue
		}
		tp := pickTopic(hnTopics)
		for blocked(tp.Feat, t) || (tp.Feat == "login" && t.After(at(15, 0, 30)) && t.Before(at(15, 3, 0))) {
			t = rhythmTime()
		}
		placeTopic(tp, "hard-negative", t, i == 30)
	}
	for i := 0; i < 22; i++ {
		placeTopic(pickTopic(hnLogin), "hard-negative", uniformTime(at(10, 14, 40), at(10, 17, 10)), false)
	}
	for i := 0; i < 6; i++ {
		placeTopic(pickTopic(hnTopics[9:]), "hard-negative", uniformTime(at(12, 15, 15), at(12, 17, 45)), false)
	}
	for i := 0; i < 3; i++ {
		placeTopic(hnTopics[8], "hard-negative", uniformTime(at(11, 10, 30), at(11, 13, 30)), false)
	}

	// look-alikes inside the windows of the incidents they resemble
	for i := 0; i < 4; i++ {
		placeTopic(laCDN, "look-alike", uniformTime(at(9, 13, 45), at(9, 15, 0)), false)
	}
	for i := 0; i < 8; i++ {
		placeTopic(laAuth, "look-alike", uniformTime(at(10, 14, 40), at(10, 17, 10)), false)
	}
	for i := 0; i < 4; i++ {
		placeTopic(laMail, "look-alike", uniformTime(at(11, 10, 30), at(11, 13, 30)), false)
	}
	for i := 0; i < 8; i++ {
		placeTopic(laMedia, "look-alike", uniformTime(at(12, 15, 15), at(12, 17, 45)), false)
	}
	for i := 0; i < 5; i++ {
		placeTopic(laTZ, "look-alike", uniformTime(at(13, 8, 0), at(13, 22, 0)), false)
	}
}

// ---------------------------------------------------------------- status pages

// statusUpdates are the providers' status-page posts from texts.json, in the
// order they were written there; a "note" on an update is for the reader only.
var statusUpdates []weekgen.Update

func updates() []weekgen.Update {
	sort.SliceStable(statusUpdates, func(i, j int) bool { return statusUpdates[i].At < statusUpdates[j].At })
	return statusUpdates
}

// ---------------------------------------------------------------- main

func main() {
	loadTexts()
	out := flag.String("out", "scenarios/meetbeam", "output folder")
	flag.Parse()

	buildCustomers()

	runStorm(storm{label: labelCDN, n: 30, follows: 2, start: at(9, 13, 42), peakA: at(9, 14, 5), peakB: at(9, 14, 25), end: at(9, 15, 5),
		texts: []incText{cdnText}, shares: []float64{1}, foreign: cdnForeign, nForeign: 2, follow: cdnFollow, bias: 1.3})
	runStorm(storm{label: labelAuth, n: 150, follows: 13, start: at(10, 14, 38), peakA: at(10, 15, 5), peakB: at(10, 15, 55), end: at(10, 17, 15),
		texts: []incText{authLogin, authShare}, shares: []float64{0.6, 0.4}, foreign: authForeign, nForeign: 7, nLong: 2,
		follow: authFollow, bias: 2.0, mixed: authBoth, nMixed: 4})
	runStorm(storm{label: labelMail, n: 40, follows: 4, start: at(11, 10, 23), peakA: at(11, 11, 0), peakB: at(11, 12, 0), end: at(11, 13, 35),
		texts: []incText{mailText}, shares: []float64{1}, foreign: mailForeign, nForeign: 2, follow: mailFollow, bias: 1.3})
	runStorm(storm{label: labelMedia, n: 62, follows: 6, start: at(12, 15, 12), peakA: at(12, 17, 2), peakB: at(12, 17, 12), end: at(12, 17, 52),
		texts: []incText{mediaText}, shares: []float64{1}, foreign: mediaForeign, nForeign: 3, nLong: 1, follow: mediaFollow, bias: 1.5})
	runTrickle()
	everyday()

	sort.SliceStable(msgs, func(i, j int) bool { return msgs[i].at.Before(msgs[j].at) })
	id := 58230
	for _, m := range msgs {
		id += between(1, 3)
		m.id = fmt.Sprintf("MB-%d", id)
	}
	var tickets []weekgen.Ticket
	for _, m := range msgs {
		tickets = append(tickets, render(m))
	}

	weekgen.Must(os.MkdirAll(*out, 0o755))
	weekgen.Must(weekgen.WriteWeek(*out, tickets, updates(), weekgen.Format{}))
	fmt.Printf("wrote %d tickets to %s\n", len(tickets), *out)
}

// loadTexts fills the text tables from texts.json, which sits beside this file.
func loadTexts() {
	weekgen.Tables(weekgen.TextsFile(), map[string]any{
		"orgs": &orgs, "freelancers": &freelancers, "firstEN": &firstEN, "lastEN": &lastEN, "firstDE": &firstDE,
		"lastDE": &lastDE, "firstFR": &firstFR, "lastFR": &lastFR, "firstES": &firstES, "lastES": &lastES,
		"titles": &titles, "urgentCtx": &urgentCtx, "cdnText": &cdnText, "cdnForeign": &cdnForeign,
		"cdnFollow": &cdnFollow, "authLogin": &authLogin, "authShare": &authShare, "authBoth": &authBoth,
		"authForeign": &authForeign, "authFollow": &authFollow, "mailText": &mailText, "mailForeign": &mailForeign,
		"mailFollow": &mailFollow, "mediaText": &mediaText, "mediaForeign": &mediaForeign,
		"mediaFollow": &mediaFollow, "tzText": &tzText, "tzForeign": &tzForeign, "bgTopics": &bgTopics,
		"hnTopics": &hnTopics, "hnForeign": &hnForeign, "laCDN": &laCDN, "laAuth": &laAuth, "laMail": &laMail,
		"laMedia": &laMedia, "laTZ": &laTZ, "greetings": &greetings, "closings": &closings,
		"mobileSigs": &mobileSigs, "emojis": &emojis, "agents": &agents, "rambleIntro": &rambleIntro,
		"rambleProblem": &rambleProblem, "rambleCalm": &rambleCalm, "rambleClose": &rambleClose,
		"quotedThreads": &quotedThreads, "botOpeners": &botOpeners, "botLines": &botLines,
		"agentLines": &agentLines, "bgForeign": &bgForeign, "autoReplies": &autoReplies,
		"statusUpdates": &statusUpdates,
	})
	// the log-in and share symptoms of the auth outage also use the urgent phrases
	authLogin.Ctx = append(authLogin.Ctx, urgentCtx...)
	authShare.Ctx = append(authShare.Ctx, urgentCtx...)
}

//go:build ignore

// generate.go writes the LedgerLeaf scenario: one invented week (Mon 11 to
// Sun 17 May 2026) at the support desk of LedgerLeaf, a personal finance app,
// with the status-page updates of its five providers.
//
//	cd /work/main && go run ./scenarios/ledgerleaf/generate.go
//
// The output is fully determined by the fixed seed below. The texts (names,
// ticket phrases, status-page posts) are in texts.json beside this file.
package main

import (
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"stormdesk/scenarios/internal/weekgen"
)

// The week's random source, its first day and the desk's local time.
var (
	r    = rand.New(rand.NewPCG(0x1ed9e7ea, 20260511))
	day0 = time.Date(2026, 5, 11, 0, 0, 0, 0, time.UTC) // Monday
	// bst is the UK local time the desk and most customers live in (UTC+1 in May).
	bst = time.FixedZone("BST", 3600)
)

func T(d, h, m int) time.Time { return weekgen.At(day0, d, h, m) }

// ---------------------------------------------------------------- types

type Cust struct {
	First, Last, Email, Org, Lang, Cur, Role string
	Work                                     bool
	Family                                   []*Cust
}

func (c *Cust) Full() string { return c.First + " " + c.Last }

// Ticket is a line of tickets.jsonl with what the generator keeps beside it.
type Ticket struct {
	weekgen.Ticket

	t    time.Time
	seq  int
	pool *Pool
	ref  *Ticket // ticket whose id replaces {REFID}
	cust *Cust
}

// Pool is a set of hand-written pieces for one kind of message.
type Pool struct {
	Topic string   // what a web form / in-app report calls it
	Subj  []string // subjects
	Core  []string // the main statement(s)
	Ctx   []string // optional context sentences
	Ask   []string // optional closing asks (nil: generic)
	Fu    []string // follow-up texts (incidents)
	Two   float64  // chance of a second core sentence
	Pair  bool     // Subj[i] belongs to Core[i]
	Gen   []string // generic subjects for a paired pool
}

// Parts is a composed message before it is rendered for a channel.
type Parts struct {
	Subj, Greet, Sign, Sig, Topic string
	Sents                         []string
}

// ---------------------------------------------------------------- helpers

func pick(xs []string) string { return weekgen.Pick(r, xs) }
func chance(p float64) bool   { return weekgen.Chance(r, p) }
func between(a, b int) int    { return weekgen.Between(r, a, b) }

func pickW(ws []float64) int { return weekgen.Weighted(r, ws) }

func poisson(l float64) int {
	L := math.Exp(-l)
	k, p := 0, 1.0
	for {
		p *= r.Float64()
		if p < L {
			return k
		}
		k++
	}
}

// tri samples a triangular distribution between a and b with mode c.
func tri(a, c, b time.Time) time.Time {
	A, B, C := float64(a.Unix()), float64(b.Unix()), float64(c.Unix())
	u := r.Float64()
	fc := (C - A) / (B - A)
	var x float64
	if u < fc {
		x = A + math.Sqrt(u*(B-A)*(C-A))
	} else {
		x = B - math.Sqrt((1-u)*(B-A)*(B-C))
	}
	return time.Unix(int64(x), 0).UTC()
}

func uniform(a, b time.Time) time.Time {
	d := b.Sub(a)
	return a.Add(time.Duration(r.Int64N(int64(d/time.Second))) * time.Second)
}

var ukBanks, deBanks, frBanks, esBanks, shops, devices, appVersions []string

// nowT is the time of the message being composed; release 7.15.0 went out
// on Thursday 14 May at 22:00 UTC (the release with the sync bug).
var nowT time.Time

func appVersion() string {
	if nowT.After(T(3, 22, 0)) && chance(0.6) {
		return "7.15.0"
	}
	return pick(appVersions)
}

func money(c *Cust) string {
	sym := "£"
	if c != nil && c.Cur == "EUR" {
		sym = "€"
	}
	n := []int{12, 18, 25, 34, 40, 47, 60, 75, 85, 120, 150, 180, 240, 250, 300, 320, 450, 600, 750, 900, 1200}[r.IntN(21)]
	if chance(0.35) {
		return fmt.Sprintf("%s%d.%02d", sym, n, r.IntN(100))
	}
	return fmt.Sprintf("%s%d", sym, n)
}

func moneyIn(c *Cust, lo, hi int) string {
	sym := "£"
	if c != nil && c.Cur == "EUR" {
		sym = "€"
	}
	n := between(lo, hi)
	if n > 200 {
		n = n / 10 * 10
	}
	if chance(0.4) {
		return fmt.Sprintf("%s%d.%02d", sym, n, r.IntN(100))
	}
	return fmt.Sprintf("%s%d", sym, n)
}

func bankFor(c *Cust) string {
	switch c.Lang {
	case "de":
		return pick(deBanks)
	case "fr":
		return pick(frBanks)
	case "es":
		return pick(esBanks)
	}
	return pick(ukBanks)
}

func fill(s string, c *Cust) string {
	if !strings.Contains(s, "{") {
		return s
	}
	rep := func(k string, f func() string) {
		for strings.Contains(s, k) {
			s = strings.Replace(s, k, f(), 1)
		}
	}
	rep("{first}", func() string { return c.First })
	rep("{full}", func() string { return c.Full() })
	rep("{org}", func() string { return c.Org })
	rep("{email}", func() string { return c.Email })
	rep("{amt}", func() string { return money(c) })
	rep("{big}", func() string { return moneyIn(c, 380, 2900) })
	rep("{small}", func() string { return moneyIn(c, 20, 100) })
	rep("{newemail}", func() string {
		return strings.ToLower(ascii(c.First)) + "." + strings.ToLower(ascii(c.Last)) + pick([]string{"@gmail.com", "@icloud.com", "@outlook.com", "@proton.me"})
	})
	rep("{bank}", func() string { return bankFor(c) })
	rep("{shop}", func() string { return pick(shops) })
	rep("{dev}", func() string { return pick(devices) })
	rep("{ver}", appVersion)
	rep("{stale}", func() string { // hours since the last good sync on Thursday night
		h := int(nowT.Sub(T(3, 22, 30)).Hours()) - r.IntN(2)
		if h < 2 {
			h = 2
		}
		return fmt.Sprint(h)
	})
	rep("{l4}", func() string { return fmt.Sprintf("%04d", r.IntN(10000)) })
	rep("{ph}", func() string { return fmt.Sprintf("%03d", r.IntN(1000)) })
	rep("{n}", func() string { return fmt.Sprint(between(3, 9)) })
	rep("{mins}", func() string { return fmt.Sprint([]int{10, 15, 20, 25, 30, 40, 45}[r.IntN(7)]) })
	rep("{cur}", func() string {
		if c.Cur == "EUR" {
			return "€"
		}
		return "£"
	})
	return s
}

// ---------------------------------------------------------------- noise

func isLetter(b byte) bool { return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') }

func typo(s string) string {
	words := strings.Split(s, " ")
	cand := []int{}
	for i, w := range words {
		ok := len(w) >= 4 && !strings.ContainsAny(w, "@{}/£€#0123456789")
		for j := 0; ok && j < len(w); j++ {
			if w[j] >= 0x80 {
				ok = false
			}
		}
		if ok {
			cand = append(cand, i)
		}
	}
	if len(cand) == 0 {
		return s
	}
	i := cand[r.IntN(len(cand))]
	w := []byte(words[i])
	p := 1 + r.IntN(len(w)-2)
	if !isLetter(w[p]) || !isLetter(w[p-1]) {
		return s
	}
	switch r.IntN(4) {
	case 0: // swap
		w[p], w[p-1] = w[p-1], w[p]
	case 1: // drop
		w = append(w[:p], w[p+1:]...)
	case 2: // double
		w = append(w[:p+1], w[p:]...)
	case 3: // neighbour key
		nb := map[byte]byte{'a': 's', 'e': 'r', 'i': 'o', 'o': 'p', 'n': 'm', 't': 'y', 's': 'd', 'r': 't', 'l': 'k', 'h': 'j', 'c': 'v', 'd': 'f', 'u': 'y', 'm': 'n'}
		if x, ok := nb[w[p]]; ok {
			w[p] = x
		}
	}
	words[i] = string(w)
	return strings.Join(words, " ")
}

var lazyRepl = strings.NewReplacer("I'm", "im", "can't", "cant", "don't", "dont", "doesn't", "doesnt", "won't", "wont", "isn't", "isnt", "I've", "ive", "it's", "its", "haven't", "havent", "didn't", "didnt")

var emojis []string

// noisy applies realistic mess to a composed message.
func noisy(ps *Parts, angryP float64) {
	if chance(0.2) {
		k := r.IntN(len(ps.Sents))
		ps.Sents[k] = typo(ps.Sents[k])
		if chance(0.4) {
			k = r.IntN(len(ps.Sents))
			ps.Sents[k] = typo(ps.Sents[k])
		}
	}
	if chance(0.04) {
		ps.Subj = typo(ps.Subj)
	}
	switch {
	case chance(angryP):
		ps.Subj = strings.ToUpper(ps.Subj)
		if !strings.HasSuffix(ps.Subj, "!") && !strings.HasSuffix(ps.Subj, "?") {
			ps.Subj += "!!!"
		}
		k := r.IntN(len(ps.Sents))
		ps.Sents[k] = strings.ToUpper(strings.TrimRight(ps.Sents[k], ".")) + "!!"
		if chance(0.5) {
			ps.Sents = append(ps.Sents, pick(angryLines))
		}
		ps.Greet = ""
	case chance(0.1):
		for i := range ps.Sents {
			s := lazyRepl.Replace(ps.Sents[i])
			s = strings.ToLower(s)
			ps.Sents[i] = strings.TrimRight(s, ".")
		}
		ps.Subj = strings.ToLower(ps.Subj)
		if ps.Greet != "" {
			ps.Greet = strings.ToLower(strings.TrimRight(ps.Greet, ","))
		}
	case chance(0.05):
		for i := range ps.Sents {
			ps.Sents[i] = strings.NewReplacer(",", "", ".", "", "'", "").Replace(ps.Sents[i])
		}
	}
	if chance(0.06) {
		k := len(ps.Sents) - 1
		ps.Sents[k] += pick(emojis)
	}
}

var angryLines []string

// ---------------------------------------------------------------- composition

var greetAM, greetPM, greetEve []string

func greetFor(t time.Time) string {
	h := t.In(bst).Hour()
	switch {
	case h >= 5 && h < 12:
		return pick(greetAM)
	case h >= 12 && h < 18:
		return pick(greetPM)
	}
	return pick(greetEve)
}

var signoffs, phoneSigs, workSigs []string

func signoff(c *Cust) string {
	s := pick(signoffs)
	s = strings.ReplaceAll(s, "{last1}", c.Last[:1]+".")
	return fill(s, c)
}

func signature(c *Cust) string {
	if c.Work && chance(0.6) {
		s := pick(workSigs)
		s = strings.ReplaceAll(s, "{role}", c.Role)
		s = strings.ReplaceAll(s, "{last1}", c.Last[:1]+".")
		return fill(s, c)
	}
	return strings.TrimSpace(pick(phoneSigs))
}

var incAsks, bgAsks, devCtx []string

// build composes a message from a pool for customer c at time t.
func build(c *Cust, t time.Time, p *Pool, incident bool) Parts {
	var ps Parts
	ps.Topic = p.Topic
	i := r.IntN(len(p.Core))
	if p.Pair && len(p.Subj) != len(p.Core) {
		panic(fmt.Sprintf("paired pool %q: %d subjects, %d cores", p.Subj[0], len(p.Subj), len(p.Core)))
	}
	switch {
	case p.Pair && (len(p.Gen) == 0 || chance(0.75)):
		ps.Subj = fill(p.Subj[i], c)
	case p.Pair:
		ps.Subj = fill(pick(p.Gen), c)
	default:
		ps.Subj = fill(pick(p.Subj), c)
	}
	s := []string{fill(p.Core[i], c)}
	two := p.Two
	if two == 0 && incident {
		two = 0.25
	}
	if len(p.Core) > 2 && chance(two) {
		j := r.IntN(len(p.Core))
		if j != i {
			s = append(s, fill(p.Core[j], c))
		}
	}
	if len(p.Ctx) > 0 && chance(0.6) {
		a := r.IntN(len(p.Ctx))
		s = append(s, fill(p.Ctx[a], c))
		if len(p.Ctx) > 3 && chance(0.2) {
			b := r.IntN(len(p.Ctx))
			if b != a {
				s = append(s, fill(p.Ctx[b], c))
			}
		}
	}
	if incident && chance(0.3) {
		s = append(s, fill(pick(devCtx), c))
	}
	asks := p.Ask
	if asks == nil {
		if incident {
			asks = incAsks
		} else {
			asks = bgAsks
		}
	}
	if chance(0.5) {
		s = append(s, fill(pick(asks), c))
	}
	ps.Sents = s
	if chance(0.62) {
		ps.Greet = greetFor(t)
	}
	if chance(0.55) {
		ps.Sign = signoff(c)
	}
	if chance(0.22) {
		ps.Sig = signature(c)
	}
	return ps
}

func joinSents(ss []string) string {
	if len(ss) >= 4 && chance(0.5) {
		k := 1 + r.IntN(len(ss)-2)
		return strings.Join(ss[:k], " ") + "\n\n" + strings.Join(ss[k:], " ")
	}
	return strings.Join(ss, " ")
}

func renderPlain(ps Parts) string {
	var b []string
	if ps.Greet != "" {
		b = append(b, ps.Greet)
	}
	b = append(b, joinSents(ps.Sents))
	if ps.Sign != "" {
		b = append(b, ps.Sign)
	}
	if ps.Sig != "" {
		b = append(b, ps.Sig)
	}
	sep := "\n\n"
	if chance(0.15) {
		sep = "\n"
	}
	return strings.Join(b, sep)
}

var htmlEsc = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

func htmlize(text string) string {
	paras := strings.Split(text, "\n\n")
	var b strings.Builder
	style := r.IntN(3)
	switch r.IntN(3) {
	case 0:
		b.WriteString(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>`)
	case 1:
		b.WriteString(`<html><body>`)
	default:
		b.WriteString(`<html><body style="font-family:Calibri,sans-serif;font-size:11pt">`)
	}
	if style == 2 {
		b.WriteString(`<div dir="ltr">`)
	}
	for i, p := range paras {
		p = htmlEsc.Replace(p)
		if chance(0.3) {
			p = strings.Replace(p, "'", "&#39;", -1)
		}
		if chance(0.4) {
			p = strings.Replace(p, ". ", ".&nbsp; ", 1)
		}
		p = strings.ReplaceAll(p, "\n", "<br>")
		switch style {
		case 0:
			b.WriteString("<p>" + p + "</p>")
		case 1:
			b.WriteString("<div>" + p + "</div>")
			if i < len(paras)-1 {
				b.WriteString("<div><br></div>")
			}
		default:
			b.WriteString(p)
			if i < len(paras)-1 {
				b.WriteString("<br><br>")
			}
		}
	}
	if style == 2 {
		b.WriteString(`</div>`)
	}
	b.WriteString("</body></html>")
	return b.String()
}

func quoteLines(s, prefix string) string {
	ls := strings.Split(s, "\n")
	for i, l := range ls {
		if l == "" {
			ls[i] = strings.TrimRight(prefix, " ")
		} else {
			ls[i] = prefix + l
		}
	}
	return strings.Join(ls, "\n")
}

const supportFrom = "LedgerLeaf Support <help@ledgerleaf.app>"

func gmailHeader(t time.Time, from string) string {
	l := t.In(bst)
	return fmt.Sprintf("On %s, %d %s %d at %s, %s wrote:", l.Format("Mon"), l.Day(), l.Format("Jan"), l.Year(), l.Format("15:04"), from)
}

func gmailQuote(newText string, t time.Time, from, quoted string) string {
	return newText + "\n\n" + gmailHeader(t, from) + "\n\n" + quoteLines(quoted, "> ")
}

func outlookQuote(newText string, t time.Time, c *Cust, subj, quoted string) string {
	l := t.In(bst)
	if chance(0.5) {
		return newText + "\n\n-----Original Message-----\nFrom: " + supportFrom + "\nSent: " + l.Format("Monday, January 2, 2006 3:04 PM") + "\nTo: " + c.Full() + " <" + c.Email + ">\nSubject: " + subj + "\n\n" + quoted
	}
	return newText + "\n\n________________________________\nFrom: LedgerLeaf Support <help@ledgerleaf.app>\nSent: " + l.Format("02 January 2006 15:04") + "\nTo: " + c.Email + "\nSubject: " + subj + "\n\n" + quoted
}

func appleQuote(newText string, t time.Time, quoted string) string {
	l := t.In(bst)
	h := fmt.Sprintf("On %d %s %d, at %s, %s wrote:", l.Day(), l.Format("Jan"), l.Year(), l.Format("15:04"), supportFrom)
	return newText + "\n\n" + quoteLines(h+"\n\n"+quoted, "> ")
}

var supportGeneric []string

var ackText string

var fwdIntros []string

// ---------------------------------------------------------------- chat

var botHellos, botProbes, botHandoff, agentNames, agentLines, custNos []string
var articles map[string]string

func renderChat(ps Parts, c *Cust, t time.Time) string {
	type line struct {
		who, what string
		at        time.Duration
	}
	var ls []line
	var off time.Duration
	say := func(who, what string, gap time.Duration) {
		off += gap
		ls = append(ls, line{who, what, off})
	}
	sec := func(a, b int) time.Duration { return time.Duration(between(a, b)) * time.Second }
	custName := "Customer"
	if chance(0.3) {
		custName = c.First
	}
	botName := "Bot"
	if chance(0.25) {
		botName = "Sprig (bot)"
	}
	say(botName, pick(botHellos), 0)
	ss := ps.Sents
	first := ss[0]
	if chance(0.3) {
		say(custName, first, sec(10, 70))
		first = ""
	} else {
		say(custName, pick([]string{"hi", "hello", "help", "I have a problem", "hi there", "agent"}), sec(5, 40))
	}
	probe := strings.ReplaceAll(pick(botProbes), "{article}", articles[ps.Topic])
	say(botName, probe, sec(2, 6))
	rest := ss
	if first == "" {
		rest = ss[1:]
		if strings.Contains(probe, "articles") {
			say(custName, pick(custNos), sec(10, 50))
		}
	}
	if len(rest) > 0 {
		k := 1 + r.IntN(len(rest))
		say(custName, strings.Join(rest[:k], " "), sec(20, 120))
		rest = rest[k:]
	}
	say(botName, fill(pick(botHandoff), c), sec(2, 6))
	ag := pick(agentNames)
	al := strings.ReplaceAll(pick(agentLines), "{agent}", ag)
	say("Agent "+ag, fill(al, c), sec(40, 600))
	if len(rest) > 0 {
		say(custName, strings.Join(rest, " "), sec(20, 120))
	} else if chance(0.5) {
		say(custName, pick([]string{"ok thanks", "thank you", "yes that's me", "sure", "👍", "ok", "ok, waiting"}), sec(10, 60))
	}
	// the ticket is created when the conversation is handed to the desk, so the
	// transcript ends just before received_at
	base := t.In(bst).Add(-off - sec(5, 90))
	style := r.IntN(3)
	var out []string
	for _, l := range ls {
		ts := base.Add(l.at).Format("15:04")
		switch style {
		case 0:
			out = append(out, "["+ts+"] "+l.who+": "+l.what)
		case 1:
			out = append(out, l.who+" ("+ts+"): "+l.what)
		default:
			out = append(out, l.who+": "+l.what)
		}
	}
	header := ""
	if chance(0.35) {
		header = fmt.Sprintf("Chat started: %s BST\nChannel: %s\n\n", base.Format("2 Jan 2006 15:04"), pick([]string{"in-app chat", "web chat", "in-app chat (iOS)", "in-app chat (Android)"}))
	}
	return header + strings.Join(out, "\n")
}

// ---------------------------------------------------------------- rendering by source

func renderWeb(ps Parts, c *Cust) string {
	txt := joinSents(ps.Sents)
	topic := ps.Topic
	if topic == "" {
		topic = "Something else"
	}
	switch r.IntN(4) {
	case 0:
		return fmt.Sprintf("Name: %s\nEmail: %s\nTopic: %s\nMessage: %s", c.Full(), c.Email, topic, txt)
	case 1:
		return fmt.Sprintf("What do you need help with? %s\nDescribe the problem: %s\nDevice: %s", topic, txt, pick(devices))
	case 2:
		if ps.Sign != "" {
			return txt + "\n\n" + ps.Sign
		}
		return txt
	}
	return txt
}

func renderAPI(ps Parts, c *Cust) string {
	txt := joinSents(ps.Sents)
	dev := pick(devices)
	os := "iOS 19.4.1"
	if !strings.HasPrefix(dev, "iP") {
		os = pick([]string{"Android 15", "Android 14", "Android 16"})
	}
	return fmt.Sprintf("%s\n\n---\nSubmitted from the LedgerLeaf app (Help > Report a problem)\nApp version: %s (%d)\nOS: %s\nDevice: %s\nLocale: %s\nNetwork: %s", txt, appVersion(), between(1810, 1840), os, dev, map[string]string{"en": "en-GB", "de": "de-DE", "fr": "fr-FR", "es": "es-ES"}[c.Lang], pick([]string{"wifi", "cellular", "wifi", "cellular (5G)"}))
}

func srcPick(inc bool) string {
	if inc {
		return []string{"email", "chat", "web", "api"}[pickW([]float64{40, 28, 20, 12})]
	}
	return []string{"email", "chat", "web", "api"}[pickW([]float64{48, 22, 22, 8})]
}

// render turns composed parts into subject, body and source.
// supQuote, if set, is a support message the customer might be replying to.
func render(ps Parts, c *Cust, t time.Time, src string, supQuote string, supAt time.Time) (string, string) {
	subj := ps.Subj
	switch src {
	case "chat":
		s := pick([]string{"Chat with " + c.Full(), "Live chat", "Conversation with " + c.First, "", subj, "In-app chat: " + subj})
		return s, renderChat(ps, c, t)
	case "web":
		return subj, renderWeb(ps, c)
	case "api":
		if chance(0.5) {
			subj = "In-app report: " + subj
		}
		return subj, renderAPI(ps, c)
	}
	body := renderPlain(ps)
	if supQuote == "" {
		supQuote = fill(pick(supportGeneric), c)
		supAt = t.Add(-time.Duration(between(30, 60*30)) * time.Minute)
	}
	switch pickW([]float64{52, 12, 9, 7, 5, 4, 5, 6}) {
	case 1:
		return subj, htmlize(body)
	case 2:
		return "Re: " + subj, gmailQuote(body, supAt, supportFrom, supQuote)
	case 3:
		return "RE: " + subj, outlookQuote(body, supAt, c, subj, supQuote)
	case 4:
		return "Re: " + subj, appleQuote(body, supAt, supQuote)
	case 5:
		intro := fill(strings.ReplaceAll(pick(fwdIntros), "{rel}", pick([]string{"wife", "husband", "son", "daughter", "partner", "mum"})), c)
		l := t.Add(-time.Duration(between(3, 40)) * time.Minute).In(bst)
		alt := strings.ToLower(c.First) + "." + strings.ToLower(c.Last) + pick([]string{"@gmail.com", "@outlook.com", "@icloud.com"})
		if strings.Contains(alt, " ") || strings.Contains(alt, "'") {
			alt = "me@" + pick([]string{"gmail.com", "outlook.com"})
		}
		fwd := fmt.Sprintf("---------- Forwarded message ---------\nFrom: %s <%s>\nDate: %s at %s\nSubject: %s\nTo: <help@ledgerleaf.app>\n\n%s", c.Full(), alt, l.Format("Mon, 2 Jan 2006"), l.Format("15:04"), subj, body)
		if intro != "" {
			fwd = intro + "\n\n" + fwd
		}
		return "Fwd: " + subj, fwd
	case 6: // subject only
		s := ps.Sents[0]
		if len(s) <= 110 {
			subj = strings.TrimRight(s, ".")
		}
		return subj, ""
	case 7: // body only
		return "", body
	}
	return subj, body
}

// ================================================================ incident pools

var poolBankLink, poolSMSLogin, poolSMSTransfer, poolCard, poolPush, poolStale, poolAppDown *Pool

// Hand-written long bodies (1,500+ characters) and foreign-language messages.

var longSMS, longCard, longStale string

type Foreign struct{ Lang, Subj, Body string }

var foreignInc map[string][]Foreign

// What support sent to customers who wrote in during an incident; replies quote it.
var supportNotice map[string]string

// ================================================================ hard negatives

var hnForgot, hnWrongEmail, hnLocked, hnNewPhone, hnNewNumber *Pool

var hnRoaming *Pool // kept outside the SMS outage window

var hnSSO, hnInvite, hnCard, hnBank, hnPush, hnApp *Pool

// ================================================================ look-alikes

var laBankMon, laBankFri, laLogin, laTransfer, laCard, laPush, laApp *Pool

// ================================================================ background topics

type Topic struct {
	W float64
	P *Pool
}

var bgTopics []Topic

var foreignBG, foreignHN []Foreign

var longBG, longHN, longHN2 string

var oooBodies, bounceBodies, bounceSubjects, outgoingSubjects []string

var spamMsgs []Foreign

// ================================================================ customers

var firstEN, lastEN []string
var euNames map[string][][2]string
var euDomains map[string][]string
var personalDomains []string

type orgDef struct {
	Name, Domain string
	N            int
	Roles        []string
}

var employers []orgDef

var usedEmail = map[string]bool{}
var usedName = map[string]bool{}

func ascii(s string) string {
	return strings.NewReplacer("'", "", "â", "a", "é", "e", "É", "E", "è", "e", "í", "i", "ü", "ue", "ö", "oe", "ä", "ae", "ó", "o", "á", "a", "ñ", "n").Replace(s)
}

func mkEmail(first, last, dom string) string {
	f, l := strings.ToLower(ascii(first)), strings.ToLower(ascii(last))
	for i := 0; ; i++ {
		var e string
		switch r.IntN(7) {
		case 0:
			e = f + "." + l
		case 1:
			e = f + l + fmt.Sprint(between(1, 99))
		case 2:
			e = f[:1] + "." + l
		case 3:
			e = f + "_" + l
		case 4:
			e = l + "." + f
		case 5:
			e = f + fmt.Sprint(between(70, 2004))
		default:
			e = f[:1] + l + fmt.Sprint(between(1, 9))
		}
		if i > 3 {
			e += fmt.Sprint(i)
		}
		e += "@" + dom
		if !usedEmail[e] {
			usedEmail[e] = true
			return e
		}
	}
}

func mkWorkEmail(first, last, dom string) string {
	f, l := strings.ToLower(ascii(first)), strings.ToLower(ascii(last))
	e := f + "." + l + "@" + dom
	if usedEmail[e] {
		e = f[:1] + l + "@" + dom
	}
	usedEmail[e] = true
	return e
}

func freshName() (string, string) {
	for {
		f, l := pick(firstEN), pick(lastEN)
		if !usedName[f+l] {
			usedName[f+l] = true
			return f, l
		}
	}
}

func makeCustomers() []*Cust {
	var cs []*Cust
	for _, o := range employers {
		for i := 0; i < o.N; i++ {
			f, l := freshName()
			cs = append(cs, &Cust{First: f, Last: l, Email: mkWorkEmail(f, l, o.Domain), Org: o.Name, Lang: "en", Cur: "GBP", Work: true, Role: pick(o.Roles)})
		}
	}
	famLast := map[string]bool{}
	for i := 0; i < 30; i++ {
		f, l := freshName()
		for famLast[l] {
			f, l = freshName()
		}
		famLast[l] = true
		org := l + " family (Family plan)"
		n := []int{2, 2, 2, 3, 3, 4}[r.IntN(6)]
		var fam []*Cust
		for j := 0; j < n; j++ {
			ff := f
			if j > 0 {
				for {
					ff = pick(firstEN)
					if !usedName[ff+l] {
						usedName[ff+l] = true
						break
					}
				}
			}
			c := &Cust{First: ff, Last: l, Email: mkEmail(ff, l, pick(personalDomains)), Org: org, Lang: "en", Cur: "GBP"}
			fam = append(fam, c)
		}
		for _, c := range fam {
			c.Family = fam
		}
		cs = append(cs, fam...)
	}
	acct := 40117
	for i := 0; i < 170; i++ {
		f, l := freshName()
		acct += between(3, 140)
		cs = append(cs, &Cust{First: f, Last: l, Email: mkEmail(f, l, pick(personalDomains)), Org: fmt.Sprintf("Personal account %d", acct), Lang: "en", Cur: "GBP"})
	}
	for _, lang := range []string{"de", "fr", "es"} {
		for _, nm := range euNames[lang] {
			acct += between(3, 140)
			cs = append(cs, &Cust{First: nm[0], Last: nm[1], Email: mkEmail(nm[0], nm[1], pick(euDomains[lang])), Org: fmt.Sprintf("Personal account %d", acct), Lang: lang, Cur: "EUR"})
		}
	}
	return cs
}

// ================================================================ generator

type Gen struct {
	tickets []*Ticket
	all, en []*Cust
	work    []*Cust
	family  []*Cust
	byLang  map[string][]*Cust
	byOrg   map[string][]*Cust
	seq     int
	fgBG    []Foreign
	fgHN    []Foreign
	spam    []Foreign
}

func (g *Gen) push(t *Ticket) *Ticket {
	g.seq++
	t.seq = g.seq
	g.tickets = append(g.tickets, t)
	return t
}

func (g *Gen) enCust() *Cust { return g.en[r.IntN(len(g.en))] }

func (g *Gen) compose(c *Cust, t time.Time, p *Pool, label string, incident bool, notice string) *Ticket {
	nowT = t
	ps := build(c, t, p, incident)
	ang := 0.015
	if incident {
		ang = 0.07
	}
	noisy(&ps, ang)
	src := srcPick(incident)
	var sq string
	var sat time.Time
	if notice != "" {
		sq = fill(notice, c)
		sat = t.Add(-time.Duration(between(4, 25)) * time.Minute)
	}
	subj, body := render(ps, c, t, src, sq, sat)
	return g.push(&Ticket{t: t, cust: c, Ticket: weekgen.Ticket{Subject: subj, Body: body, Source: src, Label: label}})
}

func (g *Gen) raw(c *Cust, t time.Time, subj, body, src, label string) *Ticket {
	return g.push(&Ticket{t: t, cust: c, Ticket: weekgen.Ticket{Subject: fill(subj, c), Body: fill(body, c), Source: src, Label: label}})
}

// followUp writes a chaser from the same customer some minutes later.
func (g *Gen) followUp(orig *Ticket, p *Pool, at time.Time) *Ticket {
	c := orig.cust
	txt := fill(pick(p.Fu), c)
	if chance(0.4) {
		txt += "\n\n" + signoff(c)
	}
	subj := orig.Subject
	if subj == "" || strings.HasPrefix(subj, "Chat with") || strings.HasPrefix(subj, "Conversation") || subj == "Live chat" {
		subj = p.Subj[0]
	}
	subj = strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(subj, "Re: "), "RE: "), "In-app report: ")
	body := txt
	switch r.IntN(4) {
	case 0, 1: // reply to the automatic acknowledgement, which quotes the original
		ack := fill(ackText, c)
		ob := orig.Body
		if ob == "" || ob[0] == '<' || strings.Contains(ob, "Bot:") || strings.Contains(ob, "Sprig") {
			ob = "(see your original message)"
		}
		ack = strings.Replace(ack, "In the meantime", "Your message:\n"+quoteLines(firstN(ob, 600), "| ")+"\n\nIn the meantime", 1)
		body = gmailQuote(txt, orig.t.Add(time.Duration(between(20, 90))*time.Second), supportFrom, ack)
		subj = "Re: [LedgerLeaf {REFID}] " + subj
	case 2:
		subj = pick([]string{"Any update?", "Still not working", "Chasing: " + subj, "Re: " + subj, subj + " - 2nd email"})
	default:
		subj = "Re: " + subj
	}
	t := g.push(&Ticket{t: at, cust: c, ref: orig, Ticket: weekgen.Ticket{Subject: subj, Body: body, Source: "email", Label: orig.Label}})
	return t
}

func firstN(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n]) + "..."
}

type incSpec struct {
	label            string
	pools            []*Pool
	weights          []float64
	start, mode, end time.Time
	n, fu            int
	long             string
	noticeAfter      time.Duration
}

func (g *Gen) incident(s incSpec) {
	var made []*Ticket
	fg := foreignInc[s.label]
	k := s.n - len(fg)
	if s.long != "" {
		k--
	}
	for i := 0; i < k; i++ {
		t := s.start.Add(time.Duration(r.IntN(50)) * time.Second)
		if i > 0 {
			t = tri(s.start, s.mode, s.end)
		}
		p := s.pools[pickW(s.weights)]
		notice := ""
		if t.Sub(s.start) > s.noticeAfter && chance(0.7) {
			notice = supportNotice[s.label]
		}
		c := g.enCust()
		tk := g.compose(c, t, p, s.label, true, notice)
		tk.pool = p
		made = append(made, tk)
	}
	for _, f := range fg {
		cs := g.byLang[f.Lang]
		c := cs[r.IntN(len(cs))]
		src := "email"
		if chance(0.3) {
			src = "web"
		}
		g.raw(c, tri(s.start, s.mode, s.end), f.Subj, f.Body, src, s.label)
	}
	if s.long != "" {
		c := g.enCust()
		g.raw(c, tri(s.start, s.mode, s.end), s.pools[0].Subj[r.IntN(len(s.pools[0].Subj))], s.long, "email", s.label)
	}
	// follow-ups from customers who already wrote in
	sort.Slice(made, func(i, j int) bool { return made[i].t.Before(made[j].t) })
	cands := []*Ticket{}
	for _, tk := range made {
		if tk.Source != "chat" && s.end.Sub(tk.t) > 25*time.Minute {
			cands = append(cands, tk)
		}
	}
	r.Shuffle(len(cands), func(i, j int) { cands[i], cands[j] = cands[j], cands[i] })
	for i := 0; i < s.fu && i < len(cands); i++ {
		o := cands[i]
		at := o.t.Add(time.Duration(between(14, 55)) * time.Minute)
		if lim := s.end.Add(10 * time.Minute); at.After(lim) {
			at = lim.Add(-time.Duration(r.IntN(300)) * time.Second)
		}
		g.followUp(o, o.pool, at)
	}
}

// trickle places tickets one by one with gaps of 20-52 minutes (own bug).
func (g *Gen) trickle(label string, p *Pool, start time.Time, n int, long string) time.Time {
	t := start.Add(time.Duration(r.IntN(60)) * time.Second)
	fg := foreignInc[label]
	longAt := between(6, n-6)
	fgAt := map[int]Foreign{}
	for i, f := range fg {
		fgAt[between(3, n-3)+i] = f
	}
	for i := 0; i < n; i++ {
		if i > 0 {
			t = t.Add(time.Duration(between(20, 52))*time.Minute + time.Duration(r.IntN(60))*time.Second)
		}
		if f, ok := fgAt[i]; ok {
			cs := g.byLang[f.Lang]
			g.raw(cs[r.IntN(len(cs))], t, f.Subj, f.Body, "email", label)
			continue
		}
		if i == longAt && long != "" {
			nowT = t
			g.raw(g.enCust(), t, pick(p.Subj), long, "email", label)
			continue
		}
		notice := ""
		if i > 8 && chance(0.5) {
			notice = supportNotice[label]
		}
		g.compose(g.enCust(), t, p, label, true, notice)
	}
	return t
}

// hnWeights weighs the hard-negative pools; it is a function because the
// pools are only filled from texts.json when main starts.
func hnWeights() []struct {
	P *Pool
	W float64
} {
	return []struct {
		P *Pool
		W float64
	}{
		{hnForgot, 5}, {hnWrongEmail, 2}, {hnLocked, 3}, {hnNewPhone, 3}, {hnNewNumber, 2}, {hnRoaming, 1.5},
		{hnSSO, 1}, {hnInvite, 1}, {hnCard, 3}, {hnBank, 2}, {hnPush, 1}, {hnApp, 1},
	}
}

func (g *Gen) custFor(p *Pool) *Cust {
	switch p {
	case hnSSO:
		cs := append(append([]*Cust{}, g.byOrg["Tessaly Software"]...), g.byOrg["Halden Freight Ltd"]...)
		return cs[r.IntN(len(cs))]
	case hnInvite:
		return g.family[r.IntN(len(g.family))]
	}
	return g.enCust()
}

func (g *Gen) hardNeg(t time.Time, p *Pool) *Ticket {
	return g.compose(g.custFor(p), t, p, "hard-negative", false, "")
}

// smsWindow is the SMS outage; roaming stories are kept out of it.
var smsFrom, smsTo = T(1, 6, 30), T(1, 12, 0)

func (g *Gen) spreadHN(t time.Time) {
	c := g.all[r.IntN(len(g.all))]
	if c.Lang != "en" && len(g.fgHN) > 0 {
		f := g.fgHN[0]
		for i, x := range g.fgHN {
			if x.Lang == c.Lang {
				f = x
				g.fgHN = append(g.fgHN[:i:i], g.fgHN[i+1:]...)
				g.raw(c, t, f.Subj, f.Body, "email", "hard-negative")
				return
			}
		}
	}
	weights := hnWeights()
	for {
		ws := make([]float64, len(weights))
		for i, x := range weights {
			ws[i] = x.W
		}
		p := weights[pickW(ws)].P
		if p == hnRoaming && t.After(smsFrom) && t.Before(smsTo) {
			continue
		}
		g.hardNeg(t, p)
		return
	}
}

var oooDates []string

func (g *Gen) ooo(t time.Time, about string) {
	c := g.work[r.IntN(len(g.work))]
	if about == "" {
		about = pick([]string{"Re: Your LedgerLeaf request", "Your Premium plan renews soon", "Your May statement is ready", "Re: [LedgerLeaf] Your card is on its way", "We've updated our terms"})
	}
	subj := pick([]string{"Automatic reply: ", "Out of Office: ", "Auto: ", "Automatic reply: "}) + about
	body := strings.ReplaceAll(pick(oooBodies), "{date}", pick(oooDates))
	g.raw(c, t, subj, body, "email", "background")
}

func (g *Gen) bounce(t time.Time) {
	c := g.all[r.IntN(len(g.all))]
	dom := c.Email[strings.Index(c.Email, "@")+1:]
	addr := strings.Replace(c.Email, "@", pick([]string{"1@", "x@", "_@", "@"}), 1)
	os := pick(outgoingSubjects)
	subj := strings.ReplaceAll(pick(bounceSubjects), "{osubj}", os)
	body := strings.NewReplacer("{addr}", addr, "{dom}", dom, "{osubj}", os).Replace(pick(bounceBodies))
	mailer := pick([]string{"mailer-daemon@googlemail.com", "MAILER-DAEMON@mx2.ledgerleaf.app", "postmaster@outlook.com"})
	g.push(&Ticket{t: t, cust: &Cust{First: "Mail Delivery", Last: "Subsystem", Email: mailer}, Ticket: weekgen.Ticket{Subject: subj, Body: body, Source: "email", Label: "background"}})
}

func (g *Gen) spamTicket(t time.Time) {
	if len(g.spam) == 0 {
		g.bgTopic(t)
		return
	}
	s := g.spam[0]
	g.spam = g.spam[1:]
	f, l := pick([]string{"Brad", "Sandra", "Vikram", "Elena", "Accounts"}), pick([]string{"Hollister", "Mae", "Rao", "Petrova", "Dept"})
	c := &Cust{First: f, Last: l, Email: strings.ToLower(ascii(f)) + "@" + pick([]string{"growthrocket.io", "appboostpro.net", "contentreach.co", "invoices-secure.com", "freelancewire.co.uk"}), Org: ""}
	src := "email"
	if chance(0.4) {
		src = "web"
	}
	g.raw(c, t, s.Subj, s.Body, src, "background")
}

func (g *Gen) bgTopic(t time.Time) {
	ws := make([]float64, len(bgTopics))
	for i, x := range bgTopics {
		ws[i] = x.W
	}
	p := bgTopics[pickW(ws)].P
	c := g.all[r.IntN(len(g.all))]
	if c.Lang != "en" {
		for i, f := range g.fgBG {
			if f.Lang == c.Lang {
				g.fgBG = append(g.fgBG[:i:i], g.fgBG[i+1:]...)
				src := "email"
				if chance(0.35) {
					src = pick([]string{"web", "chat"})
				}
				body := f.Body
				if src == "chat" {
					body = "Bot: " + botHellos[0] + "\nCustomer: " + strings.ReplaceAll(f.Body, "\n\n", " ")
				}
				g.raw(c, t, f.Subj, body, src, "background")
				return
			}
		}
	}
	g.compose(c, t, p, "background", false, "")
}

var hourW = []float64{0.25, 0.15, 0.1, 0.1, 0.15, 0.3, 0.7, 1.2, 1.6, 1.7, 1.6, 1.5, 1.6, 1.5, 1.4, 1.3, 1.3, 1.4, 1.5, 1.5, 1.3, 1.0, 0.7, 0.4}
var dayM = []float64{1.15, 1.0, 1.0, 0.95, 0.9, 0.55, 0.5}

func (g *Gen) background(total float64) {
	sw, sd := 0.0, 0.0
	for _, w := range hourW {
		sw += w
	}
	for _, d := range dayM {
		sd += d
	}
	longBGDone, longHNDone := false, false
	for d := 0; d < 7; d++ {
		for h := 0; h < 24; h++ {
			k := poisson(total / sd * dayM[d] * hourW[h] / sw)
			for i := 0; i < k; i++ {
				t := T(d, h, 0).Add(time.Duration(r.IntN(3600)) * time.Second)
				x := r.Float64()
				switch {
				case x < 0.10:
					if !longHNDone && d == 3 && h >= 9 {
						longHNDone = true
						g.raw(g.enCust(), t, "Locked out and reset link expired", longHN2, "email", "hard-negative")
						continue
					}
					g.spreadHN(t)
				case x < 0.125:
					g.ooo(t, "")
				case x < 0.145:
					g.bounce(t)
				case x < 0.155:
					g.spamTicket(t)
				default:
					if !longBGDone && d == 2 && h >= 10 {
						longBGDone = true
						g.raw(g.enCust(), t, "Some feedback from a long-time Premium user", longBG, "email", "background")
						continue
					}
					g.bgTopic(t)
				}
			}
		}
	}
}

// windowed places hard negatives and look-alikes inside an incident window.
func (g *Gen) windowed(a, b time.Time, label string, p *Pool, n int) []*Ticket {
	var out []*Ticket
	for i := 0; i < n; i++ {
		t := uniform(a, b)
		var tk *Ticket
		if label == "hard-negative" {
			tk = g.hardNeg(t, p)
		} else {
			tk = g.compose(g.enCust(), t, p, label, false, "")
		}
		out = append(out, tk)
	}
	return out
}

// ================================================================ provider status pages

// statusUpdates are the providers' status-page posts from texts.json, in the
// order they were written there; a "note" on an update is for the reader only.
var statusUpdates []weekgen.Update

func makeUpdates() []weekgen.Update {
	sort.SliceStable(statusUpdates, func(i, j int) bool { return statusUpdates[i].At < statusUpdates[j].At })
	return statusUpdates
}

// ================================================================ main

func main() {
	loadTexts()
	out := flag.String("out", "scenarios/ledgerleaf", "folder to write tickets.jsonl and updates.jsonl into")
	flag.Parse()

	g := &Gen{byLang: map[string][]*Cust{}, byOrg: map[string][]*Cust{}}
	g.all = makeCustomers()
	for _, c := range g.all {
		g.byLang[c.Lang] = append(g.byLang[c.Lang], c)
		g.byOrg[c.Org] = append(g.byOrg[c.Org], c)
		if c.Lang == "en" {
			g.en = append(g.en, c)
		}
		if c.Work {
			g.work = append(g.work, c)
		}
		if len(c.Family) > 0 {
			g.family = append(g.family, c)
		}
	}
	g.fgBG = append([]Foreign{}, foreignBG...)
	g.fgHN = append([]Foreign{}, foreignHN...)
	g.spam = append([]Foreign{}, spamMsgs...)

	// Mon 11 May: bank linking fails (openvale).
	g.incident(incSpec{label: "inc-bank-link-errors", pools: []*Pool{poolBankLink}, weights: []float64{1},
		start: T(0, 11, 2), mode: T(0, 11, 50), end: T(0, 13, 50), n: 40, fu: 3, noticeAfter: 40 * time.Minute})
	g.windowed(T(0, 11, 2), T(0, 13, 50), "hard-negative", hnBank, 4)
	g.windowed(T(0, 11, 2), T(0, 13, 50), "hard-negative", hnForgot, 2)
	g.windowed(T(0, 11, 2), T(0, 13, 50), "look-alike", laBankMon, 5)

	// Tue 12 May: SMS codes do not arrive (textquill) - sign-in and payment confirmation.
	g.incident(incSpec{label: "inc-sms-codes-undelivered", pools: []*Pool{poolSMSLogin, poolSMSTransfer}, weights: []float64{0.68, 0.32},
		start: T(1, 7, 48), mode: T(1, 8, 50), end: T(1, 10, 35), n: 130, fu: 8, long: longSMS, noticeAfter: 35 * time.Minute})
	a, b := T(1, 7, 48), T(1, 10, 35)
	hnIn := g.windowed(a, b, "hard-negative", hnNewPhone, 4)
	g.raw(g.enCust(), uniform(a, b), "Got a new phone and lost my authenticator", longHN, "email", "hard-negative")
	hnIn = append(hnIn, g.windowed(a, b, "hard-negative", hnForgot, 4)...)
	g.windowed(a, b, "hard-negative", hnLocked, 3)
	g.windowed(a, b, "hard-negative", hnNewNumber, 2)
	g.windowed(a, b, "hard-negative", hnWrongEmail, 1)
	g.windowed(a, b, "hard-negative", hnInvite, 1)
	g.windowed(a, b, "hard-negative", hnSSO, 1)
	g.windowed(a, b, "look-alike", laLogin, 5)
	g.windowed(a, b, "look-alike", laTransfer, 3)
	g.ooo(uniform(T(1, 8, 40), b), "[LedgerLeaf] Re: Not receiving SMS code")
	g.ooo(uniform(T(1, 8, 40), b), "Re: Can't make a transfer")
	// two of the individual cases write again
	hnFu := &Pool{Subj: []string{"Still locked out"}, Fu: []string{"Hi, just following up on my email from earlier - still can't get in. Can you reset it please?", "Any update on this? I still can't log in, it's a new phone problem as I said."}}
	for i := 0; i < 2 && i < len(hnIn); i++ {
		o := hnIn[i]
		if o.Source == "chat" {
			continue
		}
		g.followUp(o, hnFu, o.t.Add(time.Duration(between(30, 80))*time.Minute))
	}

	// Wed 13 May: card authorisations declined (cardloom).
	g.incident(incSpec{label: "inc-card-declines", pools: []*Pool{poolCard}, weights: []float64{1},
		start: T(2, 17, 22), mode: T(2, 19, 4), end: T(2, 19, 58), n: 56, fu: 4, long: longCard, noticeAfter: 40 * time.Minute})
	g.windowed(T(2, 17, 22), T(2, 19, 58), "hard-negative", hnCard, 9)
	g.windowed(T(2, 17, 22), T(2, 19, 58), "look-alike", laCard, 6)
	g.ooo(uniform(T(2, 18, 10), T(2, 19, 58)), "Re: Card declined")

	// Thu 14 May: push notifications delayed (pushwren).
	g.incident(incSpec{label: "inc-push-delayed", pools: []*Pool{poolPush}, weights: []float64{1},
		start: T(3, 12, 35), mode: T(3, 13, 40), end: T(3, 16, 15), n: 21, fu: 1, noticeAfter: 50 * time.Minute})
	g.windowed(T(3, 12, 35), T(3, 16, 15), "hard-negative", hnPush, 3)
	g.windowed(T(3, 12, 35), T(3, 16, 15), "look-alike", laPush, 4)

	// Fri 15 May: LedgerLeaf's own sync bug (release 7.15.0) - a slow trickle all day.
	last := g.trickle("inc-stale-balances", poolStale, T(4, 6, 38), 26, longStale)
	g.windowed(T(4, 6, 38), last, "hard-negative", hnBank, 3)
	g.windowed(T(4, 6, 38), last, "look-alike", laBankFri, 4)

	// Sat 16 May: app and website unavailable (cirrowell LON1).
	g.incident(incSpec{label: "inc-app-unavailable", pools: []*Pool{poolAppDown}, weights: []float64{1},
		start: T(5, 9, 8), mode: T(5, 9, 40), end: T(5, 10, 42), n: 32, fu: 2, noticeAfter: 25 * time.Minute})
	g.windowed(T(5, 9, 8), T(5, 10, 42), "hard-negative", hnApp, 2)
	g.windowed(T(5, 9, 8), T(5, 10, 42), "hard-negative", hnForgot, 1)
	g.windowed(T(5, 9, 8), T(5, 10, 42), "hard-negative", hnLocked, 1)
	g.windowed(T(5, 9, 8), T(5, 10, 42), "look-alike", laApp, 4)

	// The everyday desk, all week.
	g.background(455)

	// ids in arrival order
	sort.SliceStable(g.tickets, func(i, j int) bool {
		if !g.tickets[i].t.Equal(g.tickets[j].t) {
			return g.tickets[i].t.Before(g.tickets[j].t)
		}
		return g.tickets[i].seq < g.tickets[j].seq
	})
	id := 48213
	for _, t := range g.tickets {
		id += between(1, 3)
		t.ID = fmt.Sprintf("LL-%d", id)
		t.ReceivedAt = t.t.Format(time.RFC3339)
		t.CustomerEmail, t.CustomerName, t.Org = t.cust.Email, t.cust.Full(), t.cust.Org
	}
	for _, t := range g.tickets {
		if t.ref != nil {
			t.Subject = strings.ReplaceAll(t.Subject, "{REFID}", t.ref.ID)
			t.Body = strings.ReplaceAll(t.Body, "{REFID}", t.ref.ID)
		}
	}

	us := makeUpdates()
	// A mailer-daemon bounce has no org and leaves the field out.
	weekgen.Must(weekgen.WriteWeek(*out, g.tickets, us, weekgen.Format{OmitEmptyOrg: true}))
	sym := map[string]int{}
	for _, t := range g.tickets {
		if t.Label != "inc-sms-codes-undelivered" {
			continue
		}
		p := t.pool
		if p == nil && t.ref != nil {
			p = t.ref.pool
		}
		switch {
		case p == poolSMSTransfer || strings.Contains(t.Subject, "berweisung"):
			sym["payment confirmation"]++
		default:
			sym["sign-in"]++
		}
	}
	fmt.Printf("wrote %d tickets and %d updates to %s (SMS outage by symptom: %v)\n", len(g.tickets), len(us), *out, sym)
}

// loadTexts fills the text tables from texts.json, which sits beside this file.
func loadTexts() {
	weekgen.Tables(weekgen.TextsFile(), map[string]any{
		"ukBanks": &ukBanks, "deBanks": &deBanks, "frBanks": &frBanks, "esBanks": &esBanks, "shops": &shops,
		"devices": &devices, "appVersions": &appVersions, "emojis": &emojis, "angryLines": &angryLines,
		"greetAM": &greetAM, "greetPM": &greetPM, "greetEve": &greetEve, "signoffs": &signoffs,
		"phoneSigs": &phoneSigs, "workSigs": &workSigs, "incAsks": &incAsks, "bgAsks": &bgAsks, "devCtx": &devCtx,
		"supportGeneric": &supportGeneric, "ackText": &ackText, "fwdIntros": &fwdIntros, "botHellos": &botHellos,
		"botProbes": &botProbes, "botHandoff": &botHandoff, "agentNames": &agentNames, "agentLines": &agentLines,
		"custNos": &custNos, "articles": &articles, "poolBankLink": &poolBankLink, "poolSMSLogin": &poolSMSLogin,
		"poolSMSTransfer": &poolSMSTransfer, "poolCard": &poolCard, "poolPush": &poolPush, "poolStale": &poolStale,
		"poolAppDown": &poolAppDown, "longSMS": &longSMS, "longCard": &longCard, "longStale": &longStale,
		"foreignInc": &foreignInc, "supportNotice": &supportNotice, "hnForgot": &hnForgot,
		"hnWrongEmail": &hnWrongEmail, "hnLocked": &hnLocked, "hnNewPhone": &hnNewPhone,
		"hnNewNumber": &hnNewNumber, "hnRoaming": &hnRoaming, "hnSSO": &hnSSO, "hnInvite": &hnInvite,
		"hnCard": &hnCard, "hnBank": &hnBank, "hnPush": &hnPush, "hnApp": &hnApp, "laBankMon": &laBankMon,
		"laBankFri": &laBankFri, "laLogin": &laLogin, "laTransfer": &laTransfer, "laCard": &laCard,
		"laPush": &laPush, "laApp": &laApp, "bgTopics": &bgTopics, "foreignBG": &foreignBG,
		"foreignHN": &foreignHN, "longBG": &longBG, "longHN": &longHN, "longHN2": &longHN2,
		"oooBodies": &oooBodies, "bounceBodies": &bounceBodies, "bounceSubjects": &bounceSubjects,
		"outgoingSubjects": &outgoingSubjects, "spamMsgs": &spamMsgs, "firstEN": &firstEN, "lastEN": &lastEN,
		"euNames": &euNames, "euDomains": &euDomains, "personalDomains": &personalDomains, "employers": &employers,
		"oooDates": &oooDates, "statusUpdates": &statusUpdates,
	})
}

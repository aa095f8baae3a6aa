//go:build ignore

// generate.go writes the LedgerLeaf scenario: one invented week (Mon 11 to
// Sun 17 May 2026) at the support desk of LedgerLeaf, a personal finance app,
// with the status-page updates of its five providers.
//
//	cd /work/main && go run ./scenarios/ledgerleaf/generate.go
//
// The output is fully determined by the fixed seed below.
package main

import (
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"sort"
	"strings"
	"time"

	"stormdesk/scenarios/internal/weekgen"
)

var r = rand.New(rand.NewPCG(0x1ed9e7ea, 20260511))

var day0 = time.Date(2026, 5, 11, 0, 0, 0, 0, time.UTC) // Monday

// bst is the UK local time the desk and most customers live in (UTC+1 in May).
var bst = time.FixedZone("BST", 3600)

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

var ukBanks = []string{"Northmere Bank", "Kestrel Building Society", "Albion Direct", "Harbury Bank", "Fenwick & Lowe", "Greystone Savings", "Caldera Bank", "Tarnwick Credit Union", "Northmere", "Harbury", "Kestrel"}
var deBanks = []string{"Rheinland Direktbank", "Sparkasse Oberwald", "Hanse Kreditbank"}
var frBanks = []string{"Banque Solène", "Crédit du Littoral"}
var esBanks = []string{"Banco Almirante", "Caja Meridiana"}
var shops = []string{"the supermarket", "the petrol station", "a café", "the chemist", "the corner shop", "Hollins Grocers", "Fuelway", "the big Marlow's", "a takeaway", "the train station ticket machine", "the garden centre", "Penny Basket", "the butcher's", "Brightmart", "the pub", "the hairdresser"}
var devices = []string{"iPhone 13", "iPhone 15 Pro", "iPhone SE", "iPhone 12 mini", "Pixel 8", "Pixel 6a", "Galaxy S23", "Galaxy A54", "Moto G54", "OnePlus 11", "iPad Air", "Xiaomi Redmi Note 12", "iPhone 14", "Galaxy S21"}
var appVersions = []string{"7.14.2", "7.14.2", "7.14.1", "7.14.0", "7.13.5"}

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

var emojis = []string{" 😩", " 🙏", " 😡", " 🙄", " 😭", " 🤦‍♀️", " 😬", " 👍", " 😕", " 🤞"}

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

var angryLines = []string{"THIS IS RIDICULOUS.", "SORT IT OUT.", "Absolutely useless.", "I PAY FOR PREMIUM FOR THIS??", "Worst app ever today.", "WHAT IS GOING ON", "Fix it!!!", "Seriously??", "I am so angry right now.", "Unacceptable for a money app."}

// ---------------------------------------------------------------- composition

var greetAM = []string{"Hi,", "Hello,", "Hi there,", "Hey,", "hi", "Hello LedgerLeaf,", "Dear LedgerLeaf team,", "Dear Sir or Madam,", "Good morning,", "Good morning.", "Morning,", "Hi team,", "Hiya,", "To whom it may concern,", "Hello support,", "Hi folks,", "Hello there,", "Hi LedgerLeaf support,"}
var greetPM = []string{"Hi,", "Hello,", "Hi there,", "Hey,", "hi", "Hello LedgerLeaf,", "Dear LedgerLeaf team,", "Dear Sir or Madam,", "Good afternoon,", "Hi team,", "Hiya,", "To whom it may concern,", "Hello support,", "Hey there", "Hello there,", "Hi LedgerLeaf support,"}
var greetEve = []string{"Hi,", "Hello,", "Hi there,", "Hey,", "hi", "Good evening,", "Evening,", "Dear LedgerLeaf,", "Hello,", "Hiya", "Hey LedgerLeaf,", "Hi support,", "Dear Sir/Madam,"}

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

var signoffs = []string{"Thanks,\n{first}", "Cheers,\n{first}", "Regards,\n{full}", "Kind regards,\n{full}", "Best,\n{first}", "Many thanks\n{first}", "{first}", "Thank you!", "ta", "- {first}", "Thx", "Best wishes,\n{full}", "Thanks\n\n{full}", "Cheers {first}", "Thank you\n{first} {last1}", "Regards\n{first}", "Thanks in advance,\n{full}", "{full}"}
var phoneSigs = []string{"Sent from my iPhone", "Sent from my iPad", "Sent from my Galaxy", "Get Outlook for iOS", "Get Outlook for Android", "Sent from Yahoo Mail on Android", "Sent from Proton Mail mobile", "Sent from my Pixel", "Sent from my iPhone\n\n", "Sent from Mail for Windows"}
var workSigs = []string{"-- \n{full} | {role} | {org}\nM: 07700 900{ph}", "{full}\n{role}\n{org}\nT: 07700 900{ph}", "--\n{full}\n{role}, {org}", "{full} | {role}\n{org}\n\nThis email and any attachments are confidential and intended solely for the addressee.", "Kind regards\n\n{full}\n{role}\n{org}", "-- \n{first} {last1}\n{org}"}

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

var incAsks = []string{"Is something down?", "Is this a known issue?", "Is it just me or is everyone having this?", "Please can you look into it ASAP.", "Can someone get back to me today please?", "Any idea when this will be fixed?", "Please advise.", "Would appreciate a quick reply.", "Let me know if you need anything else from me.", "Thanks in advance.", "Help!", "Really need this sorted today.", "What's going on?", "Please fix this.", "Is there a status page I can check?", "Are you having problems at the moment?", "I'd appreciate an update.", "Not impressed tbh.", "Can you tell me what to do?", "Is there a workaround?", "Is it your end or mine?", "Please help, it's urgent.", "How long will this take?", "Anyone else reporting this?"}
var bgAsks = []string{"Thanks in advance.", "Any help appreciated.", "Let me know, thanks.", "Many thanks.", "Look forward to hearing from you.", "Could you get back to me when you can?", "No rush.", "Thanks for your help!", "Cheers.", "Hope you can help.", "Appreciate it.", "What do you suggest?", "Thanks!"}
var devCtx = []string{"I'm on an {dev} with the latest update.", "Using the Android app on a {dev}.", "Tried on the website too, same thing.", "I've already deleted and reinstalled the app.", "I restarted my phone twice.", "I've tried on wifi and on 4G.", "App version is {ver} if that helps.", "This is on a {dev}.", "Logged out and back in, no change.", "I cleared the cache in Chrome.", "I'm using Safari on a Mac.", "Tried Firefox as well.", "Phone is an {dev}, fully updated.", "It was fine yesterday.", "It all worked last week no problem."}

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

var supportGeneric = []string{
	"Hi {first},\n\nThanks for getting in touch with LedgerLeaf Support. So we can look into this, could you tell us which device and app version you're using, and send a screenshot of what you see?\n\nBest wishes,\nMira\nLedgerLeaf Support",
	"Hi {first},\n\nThanks for your message. I've passed this to the relevant team and we'll be back in touch within 2 working days.\n\nKind regards,\nOwen | LedgerLeaf Support",
	"Hello {first},\n\nSorry to hear you're having trouble. Could you confirm the email address and the last four digits of the phone number on your account so we can find you?\n\nThanks,\nJonah\nLedgerLeaf Support",
	"Hi {first},\n\nThanks for contacting LedgerLeaf. To keep your account safe we'll need to verify a few details before we can make changes. Please reply with your date of birth and the first line of your address.\n\nBest,\nAdaeze\nLedgerLeaf Support",
	"Hi {first},\n\nThank you for reaching out! Could you give us a little more detail about what happens when you try? Any error message or reference number on the screen helps a lot.\n\nCheers,\nTomás\nLedgerLeaf Support",
	"Hi {first},\n\nThanks for your patience. Could you try logging out, updating to the latest version of the app and trying again? If that doesn't help, let us know and we'll dig deeper.\n\nBest wishes,\nMira\nLedgerLeaf Support",
}

var ackText = "Hi {first},\n\nThanks for contacting LedgerLeaf Support. This is an automatic confirmation that we've received your request ({REFID}). One of our team will reply as soon as they can; right now most emails are answered within {n} hours.\n\nIn the meantime you may find an answer in our Help Centre: https://help.ledgerleaf.app\n\nLedgerLeaf Support"

var fwdIntros = []string{"Forwarding the email I sent from my other address as I haven't had a reply.", "See below.", "Fwd from my partner, we're on the family plan.", "Sending this on from my work email.", "Please see the message below from my {rel}, it's on our family plan.", "FYI - forwarding this again.", "Resending, see below.", ""}

// ---------------------------------------------------------------- chat

var botHellos = []string{
	"Hi there! I'm Sprig, LedgerLeaf's assistant. How can I help?",
	"Hi there! I'm Sprig 🌱 What can I help you with today?",
	"Hello! I'm Sprig, your LedgerLeaf helper. Ask me anything, or type 'agent' to talk to a person.",
	"Hi! I'm Sprig. I can help with cards, payments, connected banks and your account. What's up?",
}
var botProbes = []string{"Can you tell me a bit more about what you need?", "Thanks. Which of these is closest: Card, Signing in, Connected banks, Payments, Something else?", "Got it. Here are some articles that might help: \"{article}\". Did that answer your question?", "Okay! Could you describe it in a sentence or two?", "I can help with that. Tell me a little more?"}
var botHandoff = []string{"Thanks, I'm connecting you to a member of our team. Typical wait is about {n} minutes.", "No problem, I'll get a human for you. You're number {n} in the queue.", "Thanks for the details. Transferring you to an agent now.", "I'll pass this to our support team - someone will be with you shortly."}
var agentNames = []string{"Mira", "Owen", "Jonah", "Adaeze", "Tomás", "Beth", "Kai", "Sunita"}
var agentLines = []string{"Hi {first}, {agent} here from LedgerLeaf. Thanks for waiting - let me take a look.", "Hi {first}, this is {agent}. Sorry for the wait! Can I just confirm the email on your account?", "Hello {first}, {agent} here. I'm just checking your account now.", "Hi {first}! {agent} from the support team here. Bear with me a moment while I look into this."}
var custNos = []string{"no that doesn't help", "agent", "talk to a person please", "none of those", "no", "agent please", "it didn't help", "human"}
var articles = map[string]string{"Signing in": "Trouble signing in", "Card": "Why was my card declined?", "Connected accounts": "Fixing a bank connection", "Notifications": "Not getting notifications", "Payments & transfers": "Sending money", "Premium & billing": "Managing your Premium plan", "": "Getting started with LedgerLeaf"}

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

var poolBankLink = &Pool{
	Topic: "Connected accounts",
	Subj:  []string{"Can't connect my bank", "Bank connection failing", "Error linking {bank} account", "reconnect keeps failing", "Linking my bank account doesn't work", "Stuck after approving in my bank app", "\"Couldn't complete authorisation\" error", "Adding a new bank account - error", "Can't reconnect {bank}", "bank link broken?", "Open banking connection error", "Trying to add my savings account - fails", "Error when I try to reconnect", "Account linking not working today", "Bank authorisation fails every time", "Failing to re-authorise my accounts", "Connect bank -> error", "Reconnect required but reconnect doesn't work", "Keep getting sent back with an error", "Problem connecting {bank}", "Linking fails at the last step", "connection failed??", "Can't finish setting up - bank won't link", "Re-linking accounts"},
	Core: []string{
		"I'm trying to connect my {bank} current account and every time I approve it in the bank's app I get bounced back to LedgerLeaf with \"Something went wrong connecting to your bank\".",
		"Each time I try to reconnect my bank it goes through the whole approval and then just says authorisation failed.",
		"Linking a new account fails right at the end, after I've logged in to my bank.",
		"I get to the bank's page, approve access, and then LedgerLeaf says it couldn't complete the connection.",
		"The reconnect button for my {bank} account just loops me back to the start.",
		"Got the 90 day reconnect reminder so I went to reconnect and now it errors out every single time.",
		"After approving in my banking app it sits on 'Finishing up...' forever and then times out.",
		"I've tried to add my {bank} savings about {n} times this morning, always the same error.",
		"It says 'We couldn't reach your bank. Please try again later.' I tried again later, same.",
		"The bank side works fine, it's when it comes back to your app that it fails.",
		"Can't add any bank at all, I tried two different banks and both fail.",
		"I only just signed up and I can't get past the 'Connect your bank' step, it fails every time.",
		"Re-authorising my accounts fails with a message saying the authorisation was rejected.",
		"My accounts said they needed re-linking so I did it and now it just says failed.",
		"It redirects me to my bank, I do my fingerprint, then back in LedgerLeaf I get a red banner saying 'Connection failed'.",
		"Connecting through the website gives me an error page straight after the bank login.",
		"The linking screen shows 'Authorisation could not be completed (ref 4471)' each time.",
		"Every attempt to link my joint account ends in an error.",
		"Setting up the app for the first time and it won't let me add my bank, keeps failing after the consent bit.",
		"Trying to reconnect {bank} and it just fails with no explanation.",
		"I approve in the bank app and the LedgerLeaf screen never updates, then it says the request timed out.",
		"When I try to add an account I'm getting 'Your bank declined the connection' but my bank says nothing was declined.",
		"Adding my credit card account fails at the last step with a generic error.",
		"The reconnect flow opens {bank}, I log in fine, approve, and LedgerLeaf shows 'Something went wrong (code 502)'.",
	},
	Ctx: []string{"My other accounts are still showing fine.", "I need this working to set up my budget for the month.", "I've tried on both the app and the website.", "Same thing happens on my wife's phone.", "Tried a different bank as a test and that failed too.", "My bank's own app works perfectly.", "Last time I reconnected it worked first time.", "I'm worried I've now given access several times - is that a problem?", "I got an email from my bank saying I'd authorised LedgerLeaf but the app says it failed.", "The help article says to try again in a few minutes, I've done that {n} times.", "This is my first week with LedgerLeaf so not a great start.", "I switched to Premium specifically for the bank syncing.", "My existing connections seem to still update, it's only adding/reconnecting.", "I've updated the app to the latest version.", "Took a screenshot of the error if you need it."},
	Fu:  []string{"Any update on this? Still can't link my bank.", "Tried again just now, same error.", "Hello? Still failing.", "Just chasing - reconnect still fails every time.", "Still not working an hour later.", "Is anyone looking at this? Still getting the connection error."},
}

var poolSMSLogin = &Pool{
	Topic: "Signing in",
	Subj:  []string{"Not receiving SMS code", "No verification code", "Sign in code never arrives", "Can't log in - no text", "Where is my code??", "SMS code not coming through", "Locked out, code not arriving", "Didn't get the 6 digit code", "Login code", "Verification text missing", "Can't get into my account", "haven't received the one time passcode", "No OTP", "code not sent", "Can't sign in this morning", "Still waiting for the text message", "Resend code doesn't work", "SMS not received", "LOGIN NOT WORKING", "can't access app", "Two-factor text not arriving", "Security code not received", "No text message when logging in", "Code?", "Text code isn't coming", "Not getting the login text", "unable to log in", "Verification SMS", "No code = no access", "app won't let me in"},
	Core: []string{
		"I'm trying to log in and the app says it's sent me a code by text but nothing arrives.",
		"Pressed 'resend code' about ten times now, not a single text.",
		"I can't get into LedgerLeaf because the SMS code never comes.",
		"The login asks for the 6-digit code sent to my phone ending {ph} but I haven't received anything.",
		"No sign in code this morning. My phone gets other texts fine.",
		"Waited {mins} minutes for the verification text, still nothing.",
		"The app keeps saying 'We've sent a code to your mobile' but I don't get one.",
		"I'm locked out of my account because the text message with the code doesn't arrive.",
		"Tried logging in on the web and on the app, neither sends the SMS.",
		"It says code sent. No code.",
		"Every time I ask for a new code it says it's on its way and it never is.",
		"I got a code about 40 minutes late and by then it had expired.",
		"Could not log in, the SMS verification step just isn't working.",
		"The app logged me out this morning and now I can't get back in, no code arrives.",
		"I kept pressing resend while waiting for the text and now it says too many attempts, try later.",
		"It's just stuck on 'Enter your code'. There is no code.",
		"no text no code nothing",
		"Can't check my balance, the app wants a code by SMS which never turns up.",
		"I need to get in to see if my salary has landed and I can't because the login text isn't arriving.",
		"Two codes just arrived at once, both say expired when I enter them.",
		"The verification code isn't being sent to my phone.",
		"I've been trying to sign in since about 9 and haven't had a single code.",
		"My phone number on the account is correct but the text never comes.",
		"Trying to log in on my laptop, it sends the code 'to your phone' and nothing appears on my phone.",
		"New login on the web asks for an SMS code and I never get it.",
		"Signed in fine yesterday. Today the code just doesn't come through.",
		"I can't get past the code screen on either my phone or the website.",
		"I don't get the one-time passcode text at all.",
	},
	Ctx: []string{"Other apps' texts come through fine so it's not my phone.", "My husband can't log in either, same thing.", "Full signal, not abroad.", "My number hasn't changed.", "I checked the number on my profile, it's right.", "Blocked messages folder is empty.", "Tried on wifi and mobile data.", "I've restarted my phone and taken the SIM out and back in.", "My mum is on LedgerLeaf too and she's stuck as well.", "I'm in the UK, at home.", "Got my bank's text just fine five minutes ago.", "I need to pay a bill this morning.", "I've got a direct debit going out today and want to check I've got enough in.", "A colleague says she has the same thing.", "Is there another way to log in, like email?"},
	Fu:  []string{"any update??", "Still not working. It's been an hour.", "Hello? Anyone there?", "Chasing this - still can't log in.", "Any news? Still no code.", "Still haven't heard back and still can't get in.", "UPDATE: still the same, no text.", "2nd email about this. Please respond.", "Is anyone actually reading these", "still no code, tried again just now", "Codes still not arriving. Please update me.", "It's now been over an hour, still locked out."},
	Two: 0.3,
}

var poolSMSTransfer = &Pool{
	Topic: "Payments & transfers",
	Subj:  []string{"Can't make a transfer", "Payment confirmation code not received", "Transfer stuck - no SMS", "Can't add payee", "URGENT rent payment", "Not getting code to confirm payment", "Payment won't send", "Confirm transfer code missing", "New payee verification", "Unable to send money", "Standing order setup - no code", "Transfer code??", "Can't pay anyone", "Payment stuck on verification", "Sending money not working", "Can't confirm payment"},
	Core: []string{
		"I'm trying to send money to my landlord and it asks me to confirm with a code sent by SMS, which never arrives.",
		"Adding a new payee needs a text code and I'm not getting it.",
		"My transfer is stuck on the 'Confirm with code' screen.",
		"I can log in fine with Face ID but when I try to make a payment it wants an SMS code that doesn't come.",
		"Can't pay my builder, the confirmation code isn't being sent.",
		"The transfer screen says 'Enter the code we sent to ••• {ph}' and nothing has been sent.",
		"I've set up a payment to my sister {n} times and each time it times out waiting for the text.",
		"Rent is due today and I can't confirm the transfer because I'm not receiving the security code.",
		"Payment to a new payee won't go through - no code.",
		"Can't set up a standing order, the verification text doesn't arrive.",
		"I need to pay an invoice by 12 and I'm stuck at the code step.",
		"Sending money isn't working, it asks me to verify by text and no text comes.",
		"The app lets me in and my balance is there, but I can't send any money because of the code thing.",
		"Tried to send {amt} to a friend, it says code sent, no code.",
		"Paying my credit card bill from LedgerLeaf - it's asking for the SMS confirmation and it never arrives.",
		"Every payment I try to make wants a text code and none are arriving.",
		"I'm trying to move {amt} to my savings at {bank} and the confirmation text is missing.",
		"The 'Send' button takes me to a code screen, I wait, nothing, then it says the code expired.",
		"Want to pay back my mate for the holiday and the code to approve it isn't coming through.",
		"I need to change my standing order amount and it wants an SMS code which never comes.",
	},
	Ctx: []string{"Login with Face ID works fine, it's only the payment step.", "My phone gets other texts.", "The number ending in the app is correct.", "This is really urgent, I'll get a late fee.", "I've tried about {n} times now.", "My landlord is waiting on this.", "I tried a smaller amount too, same.", "Payments to existing payees under the limit go through, it's the new one.", "I'm not abroad.", "My partner had the same when paying the nursery."},
	Fu:  []string{"Any update? Still can't send the payment.", "Still no code for the transfer. Rent is now late.", "Hello?? Still can't pay anyone.", "Chasing again - payment still stuck.", "Any ETA on the codes? I need to make this transfer."},
	Two: 0.2,
}

var poolCard = &Pool{
	Topic: "Card",
	Subj:  []string{"Card declined", "My card keeps getting declined", "Declined at {shop}", "Card not working", "DECLINED AGAIN", "Payment declined even though I have money", "Contactless not working", "Can't pay for dinner", "Card refused online", "Embarrassing - card declined at the till", "Why is my card being declined?", "Card issue tonight", "debit card not working??", "Card declined - plenty of funds", "Apple Pay declined", "Google Pay payment failed", "card blocked?", "Transaction declined", "Petrol pump declined my card", "Card won't work anywhere", "declined declined declined", "Problem with my LedgerLeaf card", "Card payments failing", "is the card down?"},
	Core: []string{
		"My LedgerLeaf card just got declined at {shop} and I've got over {big} in the account.",
		"Tried to pay for petrol and the card was declined three times, had to use my partner's card.",
		"Card declined in a restaurant tonight, really embarrassing.",
		"Every contactless payment is being declined since about half six.",
		"Online payments are failing with 'card declined by issuer'.",
		"Apple Pay and the physical card both declined.",
		"The app shows a declined transaction but doesn't say why.",
		"I got a notification saying 'Payment declined' for my shopping at {shop}.",
		"The card machine says 'Declined - contact issuer'.",
		"Tried chip and PIN as well as contactless, both declined.",
		"My takeaway order failed with 'payment declined' twice.",
		"Card not working at all. Balance is fine, card isn't frozen in the app.",
		"Just got declined at the cinema, my card isn't frozen and I've got money.",
		"Declined at {shop} just now, it worked fine at lunch.",
		"Got declined at the cash machine, couldn't take any money out.",
		"Some payments go through and some get declined, no pattern.",
		"It's been declined {n} times in the last hour.",
		"My daughter is stuck at the train station and her LedgerLeaf card is being declined.",
		"Card refused at the checkout, the assistant said it was the bank, not their machine.",
		"Tried to top up my gas meter online and the card was declined.",
		"Google Pay says 'Payment couldn't be completed' and the card itself is declined too.",
		"I'm at {shop} with a full trolley and my card's been declined twice.",
		"Declined for a {amt} payment, I have way more than that in my account.",
		"My subscription renewal failed tonight because the card got declined.",
		"Card declined for a taxi home, luckily the driver took cash.",
		"I was trying to buy concert tickets and the card keeps being declined at checkout.",
	},
	Ctx: []string{"I checked and my card isn't frozen.", "Balance is {big} so it's not funds.", "I haven't hit any spending limits.", "Everything looks normal in the app.", "My friend with LedgerLeaf says hers is declined too.", "I've had the card for 2 years and never had this.", "I'm in Manchester if that matters.", "The card was working this morning.", "No text or email from you about suspicious activity.", "I'm not abroad.", "Had to leave my shopping at the till.", "I've turned the card off and on again in the app, no difference.", "The declined payments show up in the app as 'Declined'.", "Other people in the queue were paying fine with other cards."},
	Fu:  []string{"Any update? Still declined.", "Tried again, still getting declined. What's happening?", "Hello?! I need to be able to pay for things.", "Still not working. Do I need a new card?", "Chasing this - card still declined everywhere."},
	Two: 0.3,
}

var poolPush = &Pool{
	Topic: "Notifications",
	Subj:  []string{"Not getting notifications", "Notifications stopped", "Push notifications delayed", "No payment alerts today", "Spending alerts not coming through", "Notification came hours late", "Haven't had any notifications", "No alerts when I use my card", "notifications broken?", "Salary notification missing", "Late notifications", "Alerts delayed", "Where are my notifications?", "Payment notification didn't arrive"},
	Core: []string{
		"I usually get a notification every time I use my card but today nothing.",
		"Paid for lunch at half twelve and the notification came at two.",
		"No push notifications at all since around lunchtime.",
		"My low balance alert didn't fire even though I'm under {small}.",
		"Notifications are arriving in a big batch ages after the payment.",
		"I just got {n} notifications at once for things I bought earlier today.",
		"The 'money in' notification didn't come when my friend paid me back.",
		"Notifications are switched on in settings but I'm getting nothing from LedgerLeaf today.",
		"Bill reminder notifications haven't come through today.",
		"Nothing is coming through, I've checked notification settings on my phone.",
		"I rely on the card alerts to keep track and they've stopped this afternoon.",
		"The 'your bill is due tomorrow' reminder came an hour after I'd already paid it.",
		"Got a notification for a coffee I bought over two hours ago.",
		"Alerts are really delayed today, like hours.",
		"My partner paid me and I only found out by opening the app, no notification.",
		"I'm not getting the instant spend notifications any more.",
	},
	Ctx: []string{"They were working perfectly this morning.", "Other apps notify me fine.", "I haven't changed any settings.", "Same on my iPad.", "My husband's phone isn't getting them either.", "I use them to catch fraud so it's a bit worrying.", "Do Not Disturb is off.", "The transactions do show in the app, just no alert."},
	Fu:  []string{"Still getting them late, any update?", "Any news on the notifications?"},
}

var poolStale = &Pool{
	Topic: "Connected accounts",
	Subj:  []string{"Balance not updating", "Transactions missing", "Account not synced since last night", "Last synced {stale} hours ago", "Stale balance", "My bank balance is wrong", "Refresh not working", "Transactions from yesterday not showing", "{bank} not updating", "Balances are out of date", "Sync stuck", "Not refreshing", "Wrong balance in app", "Accounts frozen in time?"},
	Core: []string{
		"My {bank} balance in LedgerLeaf hasn't changed since last night, the actual balance is different.",
		"It says 'Last synced {stale} hours ago' and pulling down to refresh does nothing.",
		"None of yesterday evening's transactions are showing.",
		"The balance is wrong, my bank's own app shows {amt} more.",
		"The refresh spinner goes round and then nothing changes, still the same old timestamp.",
		"My accounts haven't updated today, no error message, just old data.",
		"My budget says I've spent less than I actually have because transactions aren't coming through.",
		"My salary went in this morning but LedgerLeaf doesn't show it.",
		"My credit card account has updated but my current account is stuck on yesterday.",
		"No error, no 'reconnect' message, it's just not updating.",
		"Transactions after about 11pm last night are missing.",
		"Tapping 'Refresh now' says 'Up to date' but it clearly isn't.",
		"The balance shown is from Thursday night.",
		"Direct debits that went out this morning aren't in the app.",
	},
	Ctx: []string{"It says Connected in settings.", "I haven't changed anything.", "I updated the app last night.", "My other bank seems fine, just this one.", "It's been like this all day.", "I've logged out and in again.", "Not urgent but it makes the budget useless.", "My bank's app shows everything fine.", "I've got two accounts with them and both are stuck."},
	Fu:  []string{"Still not updated. Any news?"},
}

var poolAppDown = &Pool{
	Topic: "",
	Subj:  []string{"App not loading", "Something went wrong", "Website down?", "Can't open LedgerLeaf", "Error 503", "App down", "Is LedgerLeaf down?", "Can't log in - error", "Blank screen", "App keeps saying try again later", "Nothing loads", "Service unavailable", "app broken", "Can't see my accounts", "Down again?"},
	Core: []string{
		"The app just shows 'Something went wrong, please try again' on every screen.",
		"The website gives a 503 Service Unavailable.",
		"Can't log in, it spins and then times out.",
		"The app opens but balances won't load, just grey boxes.",
		"I get 'We're having trouble connecting' every time I open it.",
		"The web dashboard won't load at all.",
		"The budgets page shows an error, and so does accounts.",
		"It was working at 10 and now nothing.",
		"Face ID works and then it just says 'Couldn't load your accounts'.",
		"App is stuck on the leaf loading animation forever.",
		"Every tab in the app says 'Unable to load, pull to retry'.",
		"Logging in on the web gives a 'Bad gateway' page.",
		"I was halfway through a transfer and got kicked out with an error, now it won't load anything.",
		"The app crashes back to the home screen after the splash screen.",
	},
	Ctx: []string{"My internet is fine.", "Tried the app and the website.", "Restarted my phone.", "My wife's app is the same.", "Saturday morning is when I do my budget, annoying.", "I need to check a payment went out.", "Is it maintenance?", "Reinstalled, no difference."},
	Fu:  []string{"Still down for me. Any update?", "Hello? Still 'something went wrong'."},
}

// Hand-written long bodies (1,500+ characters) and foreign-language messages.

var longSMS = `Hi, sorry this is going to be a long one but I want to explain properly because I've already spent most of the morning on it. I got up at about 7 to sort out some bills before work and the app had logged me out (it does that sometimes after an update, fine). So I put my password in and it said it had sent a code to my mobile ending 31. Nothing came. I waited a couple of minutes and pressed resend, nothing. I restarted my phone, took the SIM out and put it back in, checked I had signal (full bars), checked my blocked messages, even asked my neighbour to text me to make sure texts were coming in - hers came through instantly. So it's not my phone.

Then I tried on the laptop through the website, same thing, 'we've sent you a code', no code. I'm now on my fourth or fifth attempt and it's telling me to wait before requesting another one. The reason I'm stressing is that I have a payment to my childminder that has to go today and my wages are in LedgerLeaf so I can't just pay it from somewhere else. I also can't see whether the direct debit for the council tax went out yesterday.

I've used LedgerLeaf for nearly three years and I've recommended it to half my family so I'm not trying to moan, but there's no message in the app or on your website about any problem so I genuinely don't know if it's me or you. If it's something on my account please tell me what I need to do. If it's your end, a heads-up on the login screen would be really helpful for people like me who start to panic about money.

One more thing - my sister (also LedgerLeaf, she's the one who got me onto it) just messaged me saying she can't get a code either, so I'm starting to think it's not just me.

Thanks,
{first}`

var longCard = `Evening. I'll try to keep this short but it's been a rubbish couple of hours. I'm self-employed (gardening and odd jobs) and LedgerLeaf is my main account now, I moved everything over in January because I liked the budgets and the way it splits out the tax pot. Tonight I went to the builders' merchant just before they closed to pick up sleepers and gravel for a job tomorrow morning, about 180 quid. Card declined. Tried again, declined. Tried contactless on my phone, declined. The lad on the till was decent about it and said he'd seen a couple of other people with the same thing tonight but I had to leave it all there and now I'm going to be late starting the job tomorrow.

Then I went to fill the van up on the way home and the pump declined the card as well, so I had to go in and pay with the emergency credit card I never use. I checked the app the whole time: card is not frozen, balance is over 2 grand, no limits hit, no messages from you about fraud. The declined payments show in the app with a little red 'Declined' tag but no reason.

I'm not one for ranting but this is my business account in practice and if I can't rely on the card I need to know. Is it something on my card specifically (do I need a replacement?) or is it a wider problem tonight? If it's wider, some kind of message in the app would have saved me two embarrassing conversations. Can someone get back to me tonight or first thing please, as I need to buy the materials before 8.

Also, do declined payments ever go through later by themselves? I don't want to find I've paid the merchant twice when I go back in the morning.

Cheers,
{full}`

var longStale = `Hi LedgerLeaf,

Not a huge emergency but I wanted to flag it because it's making the app a bit pointless today. I've got my {bank} current account and the joint account with my partner both connected, plus a credit card. I do a quick check every morning with my coffee to see what's gone out and move money into the bills pot.

This morning the balance on the current account was exactly the same as it was when I went to bed, and the 'last synced' line said 9 hours ago. I assumed it would catch up so I left it. At lunch it said 13 hours ago. I pulled down to refresh, the little leaf spins, and then nothing changes. I tapped the account and did 'Refresh now' in the menu, it said 'Up to date' which it clearly isn't - my salary went in this morning (I can see it in the bank's own app) and a couple of direct debits went out, none of which are in LedgerLeaf.

There's no error message, no banner saying reconnect, nothing. In Settings > Connected accounts it says Connected with a green tick. The credit card did update, oddly. I updated the app last night when it prompted me, not sure if that's related.

I haven't tried disconnecting and reconnecting because last time I did that I lost all my categories for that account and had to redo a month of them, so I'd rather not unless you tell me to.

Could you have a look? Screenshots available if useful. I'm mainly asking so I know whether to trust the numbers today or to go by the bank's app until it catches up - the budget screen is telling me I've got 140 left for groceries this month and I'm fairly sure that's wrong by at least a hundred.

Thanks
{first}`

type Foreign struct{ Lang, Subj, Body string }

var foreignInc = map[string][]Foreign{
	"inc-sms-codes-undelivered": {
		{"de", "Kein SMS-Code erhalten", "Hallo,\n\nseit heute Morgen bekomme ich beim Anmelden keinen Bestätigungscode per SMS. Ich habe es mehrmals versucht, aber es kommt nichts an. Andere SMS bekomme ich ganz normal.\n\nKönnen Sie das bitte prüfen?\n\nMit freundlichen Grüßen\n{full}"},
		{"de", "Überweisung nicht möglich - Code kommt nicht", "Ich möchte eine Überweisung an meinen Vermieter machen, aber der Code zur Bestätigung kommt nicht per SMS. Bitte dringend um Hilfe, die Miete ist heute fällig."},
		{"fr", "Code SMS non reçu", "Bonjour,\n\nImpossible de me connecter à LedgerLeaf ce matin : le code de vérification par SMS n'arrive jamais. J'ai redemandé un code plusieurs fois.\n\nMerci de regarder ce qui se passe.\nCordialement,\n{full}"},
		{"es", "No me llega el código SMS", "Hola, llevo media hora intentando entrar en la app y no me llega el código por SMS. ¿Está pasando algo? Gracias."},
	},
	"inc-card-declines": {
		{"de", "Karte wird abgelehnt", "Guten Abend,\n\nmeine LedgerLeaf-Karte wurde heute Abend zweimal im Supermarkt abgelehnt, obwohl genug Geld auf dem Konto ist. Die Karte ist nicht gesperrt. Was ist los?\n\n{full}"},
		{"es", "Tarjeta rechazada", "Hola, me han rechazado la tarjeta en el restaurante y tengo saldo de sobra. ¿Hay algún problema con las tarjetas esta noche?"},
		{"fr", "Carte refusée", "Bonsoir, ma carte a été refusée trois fois ce soir (sans contact et avec code). Le solde est bon et la carte n'est pas bloquée dans l'appli. Est-ce un problème chez vous ?"},
	},
	"inc-bank-link-errors": {
		{"fr", "Impossible de connecter ma banque", "Bonjour,\n\nJ'essaie de relier mon compte Banque Solène et, après la validation dans l'appli de la banque, LedgerLeaf affiche « La connexion a échoué ». J'ai réessayé plusieurs fois ce matin.\n\nMerci d'avance,\n{first}"},
	},
	"inc-app-unavailable": {
		{"de", "App lädt nicht", "Hallo, die App zeigt seit ca. einer halben Stunde nur „Etwas ist schiefgelaufen\". Die Webseite geht auch nicht (503). Ist bei Ihnen etwas kaputt?"},
	},
	"inc-stale-balances": {
		{"es", "El saldo no se actualiza", "Hola,\n\nmi saldo del Banco Almirante no se actualiza desde anoche en LedgerLeaf. En la app del banco sí aparecen los movimientos de hoy. No sale ningún error.\n\nUn saludo,\n{full}"},
	},
}

// What support sent to customers who wrote in during an incident; replies quote it.
var supportNotice = map[string]string{
	"inc-bank-link-errors":      "Hi {first},\n\nThanks for getting in touch. Some customers are currently seeing errors when connecting or reconnecting a bank, and our partners are working on a fix. Your existing connections are not affected. We'd suggest trying again a little later today - sorry for the hassle!\n\nBest wishes,\nOwen\nLedgerLeaf Support",
	"inc-sms-codes-undelivered": "Hi {first},\n\nThanks for reaching out. We're currently seeing delays with SMS codes for some customers (for signing in and for confirming payments) and our team is working on it with our SMS partner. If you use Face ID or fingerprint on a device you've signed in on before, that should still work.\n\nWe'll update you as soon as we know more.\n\nSorry for the trouble,\nPriya\nLedgerLeaf Support",
	"inc-card-declines":         "Hi {first},\n\nThanks for your message and sorry for the inconvenience. We're aware some card payments are being declined this evening and our card partner is working on it. Your card and account are not blocked and there's nothing you need to do.\n\nKind regards,\nBeth\nLedgerLeaf Support",
	"inc-push-delayed":          "Hi {first},\n\nThanks for letting us know. Some notifications are being delivered late today; your transactions are all recorded correctly in the app.\n\nBest,\nKai\nLedgerLeaf Support",
	"inc-stale-balances":        "Hi {first},\n\nThanks for reporting this. Could you tell us which bank and roughly when the balance last updated? We're looking into a few similar reports.\n\nBest wishes,\nSunita\nLedgerLeaf Support",
	"inc-app-unavailable":       "Hi {first},\n\nThanks for getting in touch. The app and website are having trouble loading this morning and our engineers are on it. Your money is safe and card payments are working normally.\n\nSorry about this,\nJonah\nLedgerLeaf Support",
}

// ================================================================ hard negatives

var hnForgot = &Pool{
	Topic: "Signing in",
	Subj:  []string{"Forgot password", "Password reset", "can't remember my password", "Reset password link not working", "Password reset email not received", "reset link expired", "Never got the reset email", "Can't log in - password", "Can't log in!!", "Locked out - password?", "Login not working"},
	Core: []string{
		"I've forgotten my password and the reset email hasn't arrived. I've checked junk.",
		"I requested a password reset three times but no email has come through to {email}.",
		"The reset link in the email says it has expired, and I clicked it within about an hour.",
		"When I click the link to reset my password it says 'This link is no longer valid'.",
		"I think I'm using the wrong password, it keeps saying 'incorrect details'.",
		"I reset my password yesterday and now the new one doesn't work either.",
		"I can't log in, it keeps saying my password is wrong but I'm sure it's right.",
		"Got the reset email but the link opens the app and then nothing happens.",
		"I clicked 'forgot password' and it says there's no account with that email.",
		"The reset email arrived but I opened it on my laptop and it says I have to open it on the phone.",
	},
	Ctx: []string{"I think the account might be under my old email address.", "I use a password manager but it must have saved the wrong one.", "I haven't logged in since about February.", "Is there another way to reset it?", "It's probably me but I'm going round in circles.", "Is the app down or is it just me?", "My partner can log in to hers fine."},
}

var hnWrongEmail = &Pool{
	Topic: "Signing in",
	Subj:  []string{"No longer have access to my email", "Signed up with old work email", "Wrong email on account", "Can't receive reset - old address", "Account under old email"},
	Core: []string{
		"I opened my account with my old university email which I can't access any more, so I can't reset my password.",
		"My account is registered to an old email address that's been closed down.",
		"I think I made a typo in my email when I signed up (gmial instead of gmail) and now I can't get the reset link.",
		"The app says no account found for this email but I definitely have one - maybe I used my other address.",
		"I left my job and my LedgerLeaf login was my work email, which I no longer have.",
	},
	Ctx: []string{"I can still log in on my phone with Face ID if that helps.", "I can send ID to prove it's me.", "My phone number is still the same.", "Can you change it to {email}?"},
}

var hnLocked = &Pool{
	Topic: "Signing in",
	Subj:  []string{"Account locked", "Too many attempts", "Locked out of account", "account temporarily locked?", "Locked out!!", "Can't get in - says locked"},
	Core: []string{
		"I entered my passcode wrong too many times and now it says my account is locked for security.",
		"The app says 'Your account has been locked after too many unsuccessful attempts'.",
		"My son was playing with my phone and got the passcode wrong loads and now I'm locked out.",
		"It says try again in 24 hours, I can't wait that long.",
		"I mixed up my LedgerLeaf passcode with my bank one a few times and now it's locked me out.",
		"Locked out after too many wrong password attempts this morning, how do I unlock it?",
	},
	Ctx: []string{"I need to pay someone today.", "Can you unlock it from your end?", "I know the right passcode now.", "Is there a way to verify who I am?"},
}

var hnNewPhone = &Pool{
	Topic: "Signing in",
	Subj:  []string{"New phone - lost authenticator", "Lost my authenticator app", "Got a new phone, can't get 2FA codes", "Authenticator codes gone", "Phone stolen - can't sign in", "2FA reset request", "Broke my phone", "Can't log in on new phone", "Reset two-factor please"},
	Core: []string{
		"I got a new phone at the weekend and didn't move my authenticator app across, so now I can't get the code to log in.",
		"My phone was stolen and my authenticator app was on it.",
		"I reset my phone to factory settings and lost all my authenticator codes, including LedgerLeaf.",
		"I traded in my old phone and forgot about the authenticator app, the new one doesn't have LedgerLeaf in it.",
		"The code from my authenticator app is always rejected since I moved to a new phone.",
		"I dropped my phone in the sea on holiday and that's where my 2FA codes lived.",
		"New phone, and when I log in it asks for the 6-digit code from my authenticator app which I don't have any more.",
		"I switched from iPhone to Android and the authenticator didn't transfer.",
	},
	Ctx: []string{"I don't have the backup codes.", "I think I wrote the recovery codes down somewhere but can't find them.", "I can verify my ID however you need.", "Texts to my number work fine, it's the authenticator app I've lost.", "Can you turn off 2FA so I can set it up again?", "The old phone is completely dead."},
}

var hnNewNumber = &Pool{
	Topic: "Signing in",
	Subj:  []string{"Changed my phone number", "Codes going to my old number", "New number - can't verify", "Lost access to old mobile number", "Update phone number - locked out"},
	Core: []string{
		"I changed my mobile number last month and the login code is still going to my old number.",
		"I've got a new number and forgot to update it in LedgerLeaf, now the SMS goes to a number I don't have.",
		"My old SIM is gone and the app wants to text a code to it.",
		"I moved back from Spain and my Spanish number is the one on the account, so I don't get the codes.",
		"The app is sending the code to ••• {ph}, that's my old work phone which I handed back.",
	},
	Ctx: []string{"How do I change the number without logging in?", "I can prove who I am.", "My new number is 07700 900{ph}.", "I didn't think to change it before I switched."},
}

var hnRoaming = &Pool{ // kept outside the SMS outage window
	Topic: "Signing in",
	Subj:  []string{"Abroad - no codes", "Not getting SMS code on holiday", "SMS codes and short codes blocked", "No text code since I switched network"},
	Core: []string{
		"I'm on holiday in Portugal and the sign-in code by text doesn't arrive - I think I've got roaming switched off.",
		"My phone provider blocks texts from short codes, I had the same with another app. Can I get codes another way?",
		"Since I moved to a new budget mobile network last week I don't get your sign-in texts, other texts are fine.",
		"I'm working on a ship with only wifi, no mobile signal, so the SMS code can't reach me.",
	},
	Ctx: []string{"Can I use email or an authenticator instead?", "I'm back in the UK on the 20th.", "It works when I'm at home."},
}

var hnSSO = &Pool{
	Topic: "Signing in",
	Subj:  []string{"Work sign-in not working", "Sign in with work account fails", "SSO error", "Employer login broken", "Can't use company login"},
	Core: []string{
		"Since our IT team moved us to new email addresses, 'Sign in with work account' says my account isn't recognised.",
		"It redirects me to our company login and then says 'Application not assigned to user'.",
		"Our HR admin changed something in the benefits sign-in settings yesterday and now it just bounces me back to the login page.",
		"Work sign-in gives me 'This organisation's sign-in configuration is invalid'.",
	},
	Ctx: []string{"It's the employer perk version through {org}.", "A couple of colleagues here have the same, I think our IT changed something.", "Personal email login isn't an option for us.", "Our IT helpdesk told me to contact you."},
}

var hnInvite = &Pool{
	Topic: "Signing in",
	Subj:  []string{"Family invite link expired", "Can't join family plan", "Invite not working", "Invite says invalid"},
	Core: []string{
		"My partner sent me an invite to join the family plan but the link says it has expired.",
		"I'm trying to accept the family invite but it says the invite is no longer valid.",
		"The invite email went to my old address so I never accepted it and now it's expired.",
		"My daughter's invite to our family plan says 'This invitation has been used or expired'.",
	},
	Ctx: []string{"Can you resend it?", "I've asked her to send another.", "It was sent last week."},
}

var hnCard = &Pool{
	Topic: "Card",
	Subj:  []string{"Card declined", "My card is blocked", "declined??", "Card stopped working", "card declined?!", "Card problem", "Why is my card declined?", "Card not working"},
	Core: []string{
		"I put my PIN in wrong three times at the cashpoint and now my card gets declined everywhere.",
		"My new card arrived and I started using it but it's being declined - do I need to activate it first?",
		"My card got declined and I got a text asking if a payment was me, I didn't reply in time.",
		"An online shop keeps declining my card. It sends me to an approval screen and I think I pressed decline by mistake.",
		"I turned on the gambling block in settings and now a payment to a lottery site is declined, can I turn it off straight away?",
		"The card expired at the end of April and I haven't got the new one yet - is that why it's declined?",
		"Declined at the shop, but I think I froze the card last night when I thought I'd lost it. Found it now.",
		"My balance says {amt} but it declined a payment for slightly less - is there something pending?",
		"Card declined abroad - I'm in Turkey and haven't told you I'm travelling, is that needed?",
		"The shop said my card was declined because the chip is damaged, it's cracked down the middle.",
	},
	Ctx: []string{"Only my card, my husband's LedgerLeaf card works fine.", "Everything else in the app looks normal.", "Is it something on my account?", "Can you check my card please?"},
}

var hnBank = &Pool{
	Topic: "Connected accounts",
	Subj:  []string{"Bank connection", "Account disconnected", "Problem with connected bank", "Stopped syncing", "Reconnect?", "Error on my bank account"},
	Core: []string{
		"My {bank} account has a banner saying 'Consent expired - reconnect to keep syncing'. Why?",
		"I closed my old {bank} account and now LedgerLeaf shows a red error on it. How do I get rid of it?",
		"My bank account stopped syncing, I think since I changed my online banking password.",
		"The app says my {bank} connection needs renewing. I did it in February, does it really need doing again?",
		"I switched banks and the old one shows 'Disconnected'.",
		"My {bank} account says 'Action needed: your bank has revoked access'. I might have removed LedgerLeaf in my bank's settings.",
	},
	Ctx: []string{"Is it safe to reconnect?", "Can I turn off the reminders?", "The other accounts are fine.", "Not sure what I need to do."},
}

var hnPush = &Pool{
	Topic: "Notifications",
	Subj:  []string{"No notifications", "notifications not working", "Alerts stopped", "Not getting alerts on new phone"},
	Core: []string{
		"I haven't had any LedgerLeaf notifications since I updated my phone's software last week.",
		"Since I reinstalled the app I don't get any notifications at all - I might have pressed Don't Allow.",
		"My phone has a Focus mode on for work, could that be why I don't get your alerts?",
		"Notifications only arrive on my iPad, not on my phone.",
		"I get notifications for my main account but not for the joint one - is that a setting?",
	},
	Ctx: []string{"Other apps are fine.", "Where do I check the settings?", "It's been like this for a week or so."},
}

var hnApp = &Pool{
	Topic: "",
	Pair:  true,
	Gen:   []string{"Can't open the app", "Can't get in"},
	Subj:  []string{"App says update required", "Website won't load at work", "Account restricted?", "App blocked on work laptop", "App says my account is closed"},
	Core: []string{
		"The app says 'This version is no longer supported, please update' but my phone is too old for the update.",
		"The web app just shows a blank page on my work computer, I think it's the browser they make us use.",
		"I can't get into my account, it says it's restricted while you review my documents.",
		"The app won't open on my work laptop, I think the company network blocks it.",
		"The app says my account is closed. I didn't close it!",
	},
	Ctx: []string{"Is there anything I can do?", "It's been like this since Thursday.", "Works on my home wifi."},
}

// ================================================================ look-alikes

var laBankMon = &Pool{
	Pair:  true,
	Topic: "Connected accounts",
	Subj:  []string{"Duplicate account after linking", "Remove an old linked bank", "Rename a connected account", "ISA not showing after linking", "Can I link a business account?", "Wrong account type"},
	Core: []string{
		"My {bank} current account appears twice in the list since last week. Can I delete one of them?",
		"How do I unlink my old {bank} account? It's been closed for months.",
		"My joint account shows as 'Current Account 2' instead of its proper name, can I rename it?",
		"I connected {bank} fine but only my current account came through, not the cash ISA.",
		"Is it possible to connect a business bank account, or only personal ones?",
		"My credit card is showing as a savings account so the balance looks positive when it isn't.",
	},
}

var laBankFri = &Pool{
	Pair:  true,
	Topic: "Connected accounts",
	Subj:  []string{"Categories wrong", "Merchant names are codes", "Hide a closed account", "Pending payment showing twice", "Bulk recategorise?"},
	Core: []string{
		"Most of my {bank} transactions are being categorised as 'General'. Can I change them all at once?",
		"Some merchants show up as codes like 'CRD 4471 LDN' instead of the shop name.",
		"How do I hide my closed account so it doesn't count in my net worth?",
		"A pending card payment showed twice and then one disappeared - is that normal?",
		"Can I set a rule so everything from the gym is 'Fitness' automatically?",
	},
}

var laLogin = &Pool{
	Pair:  true,
	Topic: "Signing in",
	Subj:  []string{"Face ID stopped working", "Switch from SMS to authenticator", "Remember this device?", "Login page in wrong language", "Change app passcode", "Web logs me out too quickly"},
	Core: []string{
		"Since updating my iPad, Face ID login doesn't work and I have to type my passcode. The passcode works fine though.",
		"How do I switch from SMS codes to an authenticator app? I'd rather use the app.",
		"Is there a way to make the website remember my laptop so it doesn't ask for extra verification every time?",
		"The web login page has been showing in German for me for a few days even though I'm in Leeds.",
		"How do I change my 6-digit app passcode? I think someone saw me type it.",
		"The web app logs me out after 5 minutes of doing nothing, can I make that longer?",
	},
}

var laTransfer = &Pool{
	Pair:  true,
	Topic: "Payments & transfers",
	Subj:  []string{"Transfer limit", "Reference field", "Name doesn't match warning", "Change standing order date", "International transfer to Poland"},
	Core: []string{
		"What's the daily limit for transfers? I need to send about £12,000 for a house deposit next week.",
		"The reference box won't let me type an ampersand, my landlord needs 'Flat 2 & 3'.",
		"When I add my landlord as a payee it says 'Name doesn't match the account'. Is it safe to carry on?",
		"How do I change the date of an existing standing order?",
		"Can I send money to a Polish bank account in złoty from LedgerLeaf?",
	},
}

var laCard = &Pool{
	Pair:  true,
	Topic: "Card",
	Subj:  []string{"Change PIN", "Name misspelled on card", "ATM fee abroad?", "Apple Pay shows old card", "Refund not showing", "Payment pending for days", "Contactless limit"},
	Core: []string{
		"How do I change my card PIN? I can't see it in the app.",
		"My new card arrived with my surname spelt wrong. Can you send another one?",
		"I was charged a fee for using a cash machine in Spain, I thought there were no fees?",
		"Apple Pay still shows the picture of my old card design.",
		"A shop refunded me {amt} on Monday and it's still not showing on my card.",
		"A hotel payment has been pending for 5 days, when will it drop off?",
		"What's the contactless limit on the card? A shop asked me to put my card in and use my PIN.",
	},
}

var laPush = &Pool{
	Pair:  true,
	Topic: "Notifications",
	Subj:  []string{"Getting notifications twice", "Turn off marketing notifications", "Notification says NaN", "Change notification sound", "Notification in wrong currency"},
	Core: []string{
		"I get every payment notification twice, one on my phone and one from my watch as well I think, can I stop one?",
		"How do I stop the promotional notifications but keep the card ones?",
		"One of my notifications just said 'You spent £NaN at Brightmart' ha.",
		"Can I change the notification sound? It's the same as my work app.",
		"My notification for a payment in Paris said £ but the amount was in euros.",
	},
}

var laApp = &Pool{
	Pair:  true,
	Topic: "",
	Subj:  []string{"Chart not showing in Safari", "Export button greyed out", "Dark mode on web?", "Budget page shows wrong month", "Crash in settings on Android 9"},
	Core: []string{
		"The spending chart on the website has never shown for me in Safari, just an empty box. Been like that for weeks.",
		"The 'Export CSV' button is greyed out on the web for my joint account.",
		"Is dark mode coming to the web version? The app has it.",
		"The budget page on the web says April at the top even though it's May.",
		"The app crashes when I open Settings on my old Android 9 phone, it's done that since last month's update.",
	},
}

// ================================================================ background topics

type Topic struct {
	W float64
	P *Pool
}

var bgTopics = []Topic{
	{3, &Pool{Topic: "Premium & billing",
		Subj: []string{"Charged twice for Premium", "Double payment this month", "Two Premium charges on my statement", "duplicate subscription charge", "Why have I been billed twice?", "Charged for Premium twice"},
		Core: []string{"I've been charged {cur}4.99 twice this month for Premium, once on the 3rd and again on the 9th.", "My bank statement shows two LedgerLeaf Premium payments in May.", "I think I'm paying for Premium through the App Store and directly with you, so I'm being charged twice.", "There are two identical charges from LedgerLeaf on my other bank's card.", "I upgraded to Family and I'm still being charged for my old Premium plan as well."},
		Ctx:  []string{"Can you refund the duplicate please?", "Please cancel one of them and refund.", "I only have one account as far as I know.", "Screenshot attached.", "Not a huge amount but I'd like it back."}}},
	{2, &Pool{Topic: "Premium & billing",
		Subj: []string{"Refund for annual plan", "Refund request", "Can I get a refund?", "Accidentally renewed", "Annual renewal - didn't mean to"},
		Core: []string{"My annual Premium renewed yesterday for {cur}49 and I meant to cancel it. Could I get a refund?", "I signed up for the yearly plan by mistake, I wanted monthly. Can you refund the difference?", "I was charged for Premium after the free trial and I'd forgotten about it. I haven't used any Premium features.", "I cancelled Premium on the 2nd but was still charged on the 5th."},
		Ctx:  []string{"I've been a customer for 3 years.", "I'll happily stay on the free plan.", "I did try to cancel in the app but couldn't find the button."}}},
	{3, &Pool{Topic: "Premium & billing",
		Subj: []string{"Invoice for Premium", "VAT receipt needed", "Receipt for expenses", "Need an invoice with company name", "Billing history"},
		Core: []string{"Could you send me a VAT invoice for my Premium subscription? I need it for my expenses.", "Where can I download receipts for my monthly Premium payments?", "I need an invoice for the annual plan with my business name on it, I'm a sole trader.", "Is there a billing history page somewhere? I need receipts for January to April.", "My employer reimburses Premium but needs a proper invoice, not the App Store email."},
		Ctx:  []string{"Business name is {full} Consulting.", "Just the last 3 months is fine.", "PDF would be best."}}},
	{3, &Pool{Topic: "Premium & billing",
		Pair: true, Gen: []string{"Change my plan", "Plan question", "Premium"},
		Subj: []string{"Switch to annual", "Upgrade to Family plan", "Downgrade to free", "Student discount?", "Premium price question", "Family plan - will I lose my data?"},
		Core: []string{"How do I switch from monthly to annual Premium? Will I get credit for this month?", "I want to upgrade to the Family plan so my partner can join. What happens to my current Premium?", "I'd like to downgrade to the free plan at the end of this billing period.", "Do you offer a student discount on Premium?", "Is the price going up? I saw something on social media about Premium going to {cur}5.99.", "If I go from Premium to Family do I lose my budgets or my history?"},
		Ctx:  []string{"I'm paying through Google Play if that matters.", "I pay through the App Store.", "I'm a student at Leeds.", "Thanks!"}}},
	{3, &Pool{Topic: "Premium & billing",
		Subj: []string{"Cancel my subscription", "Cancel Premium", "Close my account", "Please close my account", "How do I cancel?", "Cancellation"},
		Core: []string{"Please cancel my Premium subscription, I'm not using it enough.", "I'd like to close my LedgerLeaf account completely, card and all.", "How do I cancel Premium? I can't find it in the app.", "I'm moving abroad and want to close my account. What happens to the money in it?", "Please cancel my plan from the end of this month.", "Can I close my account but keep a copy of my transaction history?"},
		Ctx:  []string{"It's not you, just cutting costs.", "Money is tight at the moment.", "I've moved everything to another bank.", "Thanks for everything."}}},
	{4, &Pool{Topic: "",
		Pair: true, Gen: []string{"How do budgets work?", "budget question", "Setting up a budget", "Budgets"},
		Subj: []string{"Budget rollover", "Weekly budget?", "Eating out budget includes supermarket", "Start budget on payday", "One budget for two categories", "Budget for yearly bills", "Bills budget over 100%?"},
		Core: []string{"Is there a way to roll over unspent budget into next month?", "How do I set up a weekly budget for food rather than monthly?", "I've set a budget for eating out but it's counting supermarket spending in it. How do I fix that?", "Can I start my budget month on payday (the 25th) instead of the 1st?", "How do I make a budget that covers two categories together?", "I'd like to budget for things I pay yearly like car insurance. Is that possible?", "My budget for 'Bills' shows 140% spent, but I think it's including a transfer to my savings."},
		Ctx:  []string{"I'm new to the app.", "I looked in the help centre but couldn't find it.", "Love the app otherwise.", "I'm on Premium."}}},
	{2, &Pool{Topic: "",
		Pair: true, Gen: []string{"Savings pots", "How do pots work?"},
		Subj: []string{"Pot interest?", "Round-ups", "Lock a pot?", "Shared pot with partner", "Deleted a pot by mistake"},
		Core: []string{"Do the savings pots earn interest?", "How do I turn on round-ups into my holiday pot?", "Can I lock a pot so I can't take money out until a date?", "Can my partner see or pay into one of my pots?", "I deleted a pot by accident, where did the money go?"},
		Ctx:  []string{"Thanks.", "Just want to understand it before I use it."}}},
	{2, &Pool{Topic: "",
		Subj: []string{"Export transactions", "CSV export", "Download statements", "Export for my accountant", "Excel export?"},
		Core: []string{"How do I export all my transactions for last tax year to a spreadsheet?", "My accountant needs my transactions as a CSV. Where's the export?", "The CSV export has the dates in American format, can I change that?", "Can I export just one category, like 'Business expenses'?", "Is there a way to download a PDF statement for a specific month?"},
		Ctx:  []string{"Self assessment deadline is coming up.", "I'm on the web version.", "From April 2025 to April 2026 ideally."}}},
	{2, &Pool{Topic: "",
		Subj: []string{"Split a transaction", "Splitting bills with my partner", "Shared expenses", "Split payment"},
		Core: []string{"Can I split one transaction into two categories? I bought food and a kettle in one shop.", "Is there a way to track what my housemate owes me for bills?", "How do I split a restaurant bill with friends in the app?", "Can two people share one budget without a family plan?"},
		Ctx:  []string{"Would be a great feature if not!", "Thanks."}}},
	{4, &Pool{Topic: "",
		Subj: []string{"Feature request", "Suggestion", "Idea for the app", "Would love this feature", "Please add...", "Feedback", "Wishlist"},
		Core: []string{"Please add dark mode to the web app!", "Would love a home screen widget showing how much budget I've got left.", "Could you support credit unions? Mine isn't on the list.", "It would be great to track crypto alongside my bank accounts.", "An Apple Watch app would be amazing.", "Please let me set custom icons for categories.", "Could you add a 'no spend day' streak? Would really motivate me.", "It'd be useful to see bills coming up in a calendar view.", "Can you add multi-currency budgets? I get paid in euros but live in the UK.", "Would be nice to attach receipt photos to transactions.", "Please add a way to mark transactions as 'reviewed'.", "Can you let me set a different payday for each budget?"},
		Ctx:  []string{"Love the app otherwise.", "Been using it for 2 years, it's great.", "Happy to beta test.", "My partner agrees!", "Just a thought."}}},
	{2, &Pool{Topic: "",
		Pair: true, Gen: []string{"Integrations question"},
		Subj: []string{"Sheetwise sync stopped adding rows", "Taxpal connection", "Send categories to Tallyhouse", "API access?", "API token expired"},
		Core: []string{"The Sheetwise sync stopped adding new rows to my spreadsheet after I renamed the sheet.", "How do I connect LedgerLeaf to Taxpal for my self-assessment?", "Is there a way to send my business category to Tallyhouse automatically?", "Do you have an API I can use to pull my own transactions into a script?", "My personal access token for the API expired, where do I make a new one?"},
		Ctx:  []string{"I'm on Premium.", "I followed the help article.", "Not urgent."}}},
	{1, &Pool{Topic: "",
		Pair: true, Gen: []string{"GDPR request", "Data request"},
		Subj: []string{"Subject access request", "Delete my data", "Who do you share my data with?", "Data retention question"},
		Core: []string{"Under GDPR I'd like a copy of all personal data you hold about me.", "Please delete all my data once my account is closed.", "I'd like to know which third parties you share my transaction data with.", "Please confirm what data you keep after I close my account and for how long."},
		Ctx:  []string{"Please confirm receipt.", "Email is fine."}}},
	{3, &Pool{Topic: "",
		Pair: true, Gen: []string{"Update personal details", "Account details"},
		Subj: []string{"Change email address", "New surname", "Change of address", "Change my phone number", "Name spelt wrong"},
		Core: []string{"I'd like to change the email on my account to {newemail}.", "I got married and need to change my surname on the account and card.", "I've moved house, how do I update my address so my new card comes to the right place?", "How do I update my phone number in the app? I'm still logged in.", "My name is spelt wrong on my account, it should be {full}."},
		Ctx:  []string{"Can send proof.", "Thanks!", "I'm still logged in on my phone."}}},
	{3, &Pool{Topic: "Card",
		Pair: true, Gen: []string{"Card question", "My card"},
		Subj: []string{"Card not arrived", "Replacement card", "Virtual card", "Card colour", "Replacement card sent to old address", "Card dispatched - no tracking"},
		Core: []string{"I ordered my card {n} days ago and it still hasn't arrived.", "My card is worn out and the chip is cracking, can I get a replacement?", "Can I have a virtual card for online shopping while I wait for the physical one?", "Is it possible to choose a different card colour?", "My replacement card was sent to my old address.", "The app says my card is 'dispatched' but there's no tracking."},
		Ctx:  []string{"I'm in London.", "Can you tell me when it was posted?", "No rush, just wondering."}}},
	{2, &Pool{Topic: "Card",
		Subj: []string{"Lost card", "Card stolen", "Lost my wallet", "Frozen card - need new one"},
		Core: []string{"I lost my card last night. I've frozen it in the app, what do I do next?", "My wallet was stolen on the bus, I've frozen the card. Can you send a new one?", "I think I left my card in a shop, I've frozen it. If I find it can I unfreeze it?", "I've lost my card, can I still use Apple Pay?"},
		Ctx:  []string{"No unknown transactions so far.", "Please send the new one to my home address.", "Thanks for the quick freeze button!"}}},
	{3, &Pool{Topic: "Payments & transfers",
		Pair: true, Gen: []string{"Transfers question", "Question about payments"},
		Subj: []string{"Transfer not arrived yet", "International transfer fees", "Sent money to wrong account", "Scheduled payment", "Transfer limits", "Pay by phone number?"},
		Core: []string{"I sent {amt} to my brother at {bank} an hour ago and he hasn't got it yet. How long does it usually take?", "What are the fees for sending money to Spain?", "I sent money to the wrong account number by mistake, can you get it back?", "Can I schedule a payment for a future date?", "Is there a limit on how much I can transfer in a day?", "Can I pay someone using just their phone number?"},
		Ctx:  []string{"It's not urgent.", "The reference was 'RENT MAY'.", "Thanks."}}},
	{2, &Pool{Topic: "Card",
		Pair: true, Gen: []string{"Dispute a payment", "Chargeback"},
		Subj: []string{"Transaction I don't recognise", "Merchant won't refund", "Gym still taking money", "Order never arrived"},
		Core: []string{"There's a payment for {amt} to 'WWW.TRVLDEALS' that I don't recognise.", "A shop charged me twice for one order and won't refund me. Can you raise a chargeback?", "I cancelled a gym membership but they're still taking money from my card.", "I ordered something online and it never came, the seller has gone quiet."},
		Ctx:  []string{"I've frozen the card just in case.", "I have the emails with the merchant.", "What do you need from me?"}}},
	{4, &Pool{Topic: "",
		Pair: true, Gen: []string{"Bug report", "Small bug", "Something's not right", "Glitch"},
		Subj: []string{"Chart shows a future day", "App crash when editing category", "Widget not updating", "Category icons missing", "Insights shows 0%", "iPad rotation bug", "Net worth graph range wrong", "Typo in settings", "Search is case sensitive"},
		Core: []string{"The spending chart for April shows a bar for a day that hasn't happened yet.", "The app crashes when I try to edit a category name with an emoji in it.", "The home screen widget on my {dev} hasn't refreshed for a couple of days.", "Some category icons are missing, just showing a blank square.", "In the 'Insights' tab it says I spent 0% on groceries which can't be right.", "When I rotate my iPad the budget page goes blank.", "The net worth graph starts from 2024 even though I set it to 'all time'.", "There's a typo in the Settings menu, 'Notifcations'.", "Searching for a merchant only finds it if I type the exact capital letters."},
		Ctx:  []string{"Not a big deal.", "I'm on version {ver}.", "Screenshot attached.", "Thought you'd want to know.", "It's only on my phone, fine on the web."}}},
	{1, &Pool{Topic: "",
		Subj: []string{"Referral bonus", "Didn't get my referral reward", "Refer a friend"},
		Core: []string{"My friend joined using my referral link 3 weeks ago but neither of us got the bonus.", "How does the refer-a-friend offer work? Is it still running?", "I referred my sister but the app says 0 referrals."},
		Ctx:  []string{"Her email is on the family plan.", "Thanks!"}}},
	{1, &Pool{Topic: "",
		Subj: []string{"Proof of funds letter", "Bank statement for mortgage", "Statement with address"},
		Core: []string{"My mortgage broker needs an official statement with my name and address on it. Can LedgerLeaf provide one?", "Can you send me a letter confirming my account details for my new employer?", "I need 3 months of statements for a rental application."},
		Ctx:  []string{"Fairly urgent as the deadline is Friday.", "PDF is fine."}}},
	{2, &Pool{Topic: "",
		Pair: true, Gen: []string{"Phishing?", "Security question"},
		Subj: []string{"Suspicious text message", "Scam call?", "Is my data safe?", "Is this email from you?"},
		Core: []string{"I got a text claiming to be LedgerLeaf saying my account is suspended and to click a link. Is it genuine?", "Someone phoned me saying they were from LedgerLeaf fraud team and asked for a code. I hung up. Was that you?", "How is my banking data stored? Do you see my bank password?", "I received an email from 'ledgerleaf-security.com' - is that yours?"},
		Ctx:  []string{"I didn't click anything.", "Screenshot attached.", "Just want to be sure."}}},
	{2, &Pool{Topic: "",
		Pair: true, Gen: []string{"Verification", "ID check"},
		Subj: []string{"ID verification pending", "Documents rejected", "Passport has maiden name", "How long does verification take?"},
		Core: []string{"I uploaded my passport {n} days ago and my account still says 'Verification in progress'.", "My driving licence photo was rejected twice for glare, any tips?", "I can't verify my identity because my passport has my maiden name.", "How long does the identity check usually take?"},
		Ctx:  []string{"I'd like to get my card.", "Happy to send another document.", "Thanks."}}},
	{2, &Pool{Topic: "Premium & billing",
		Pair: true, Gen: []string{"Premium through work"},
		Subj: []string{"Employer perk code", "Leaving my job - what happens?", "Work benefit not applied", "Add partner to work Premium?"},
		Core: []string{"My employer ({org}) offers LedgerLeaf Premium as a perk. Where do I enter the code?", "I'm leaving {org} at the end of the month, do I lose Premium?", "I joined through the {org} benefits portal but I'm still on the free plan.", "Can I add my partner to the Premium I get through work?"},
		Ctx:  []string{"HR sent me the link.", "Thanks!", "The code is in the HR newsletter."}}},
	{1, &Pool{Topic: "",
		Subj: []string{"Thank you!", "Love the app", "Great service", "Just wanted to say"},
		Core: []string{"Just wanted to say thanks, the budgets have genuinely helped me clear my overdraft this year.", "Your agent Mira sorted my problem last week really quickly, please pass on my thanks.", "Been using LedgerLeaf for a year now and it's the first time I've had savings. Thank you!"},
		Ctx:  []string{"Keep it up.", "No reply needed."}}},
	{1, &Pool{Topic: "",
		Pair: true,
		Subj: []string{"Savings interest rate", "Is my money protected?", "Tax on interest?"},
		Core: []string{"What's the current interest rate on the savings pots?", "Is my money in LedgerLeaf protected if something happens to you?", "Do I pay tax on the interest from the pots?"},
		Ctx:  []string{"Thanks."}}},
	{1, &Pool{Topic: "",
		Pair: true,
		Subj: []string{"Phone number?", "Complaint", "Talk to someone"},
		Core: []string{"Do you have a phone number I can call? I'd rather speak to someone.", "I want to make a formal complaint about how my dispute was handled last month.", "Is there a way to speak to a person instead of the chatbot?"},
		Ctx:  []string{"Thanks.", "Reference from last time was in my emails somewhere."}}},
	{2, &Pool{Topic: "",
		Pair: true, Gen: []string{"Family plan question"},
		Subj: []string{"Teen account?", "Remove someone from family plan", "Family plan size", "See my son's spending?"},
		Core: []string{"Can my 14-year-old have a card on our family plan?", "How do I remove my ex from the family plan?", "How many people can be on a Family plan?", "Can I see my son's spending if he's on our family plan?"},
		Ctx:  []string{"Thanks.", "We're on the monthly Family plan."}}},
	{2, &Pool{Topic: "",
		Pair: true, Gen: []string{"Recurring payments", "Bills"},
		Subj: []string{"Subscription tracker wrong", "Council tax not detected as a bill", "Mark subscription as cancelled", "Upcoming bills counts rent twice"},
		Core: []string{"The subscriptions page thinks my weekly food shop is a subscription.", "My council tax isn't being detected as a bill, can I add it manually?", "Can I mark a subscription as cancelled so it stops predicting it?", "The upcoming bills total counts my rent twice."},
		Ctx:  []string{"Otherwise it's great.", "It's confusing my budget."}}},
}

var foreignBG = []Foreign{
	{"de", "Kündigung Premium", "Hallo,\n\nich möchte mein Premium-Abo zum Monatsende kündigen. Wie mache ich das in der App?\n\nDanke\n{full}"},
	{"de", "Rechnung für Jahresabo", "Guten Tag, ich benötige eine Rechnung mit ausgewiesener MwSt. für mein Jahresabo (Mai). Vielen Dank."},
	{"de", "Budget wöchentlich?", "Hallo, kann man ein Budget auch wöchentlich statt monatlich einstellen? Ich finde die Option nicht."},
	{"de", "Neue Adresse", "Ich bin umgezogen. Wo kann ich meine Adresse ändern, damit die Ersatzkarte richtig ankommt?\n\nGruß, {first}"},
	{"de", "Export als CSV", "Gibt es eine Möglichkeit, alle Umsätze als CSV oder Excel zu exportieren? Mein Steuerberater braucht das bis Ende des Monats."},
	{"fr", "Résiliation", "Bonjour,\n\nJe souhaite résilier mon abonnement Premium. Merci de me confirmer la résiliation par e-mail.\n\n{full}"},
	{"fr", "Double prélèvement", "Bonjour, j'ai été prélevé deux fois de 5,49 € ce mois-ci pour Premium. Pouvez-vous me rembourser ? Merci."},
	{"fr", "Budget partagé", "Est-il possible de partager un budget avec mon conjoint sans passer à l'offre Famille ? Merci"},
	{"fr", "Carte pas encore reçue", "Bonjour, j'ai commandé ma carte il y a 10 jours et je ne l'ai toujours pas reçue. Est-ce normal ?"},
	{"fr", "Suppression de mes données", "Bonjour,\n\nConformément au RGPD, je vous demande la suppression de l'ensemble de mes données personnelles après la clôture de mon compte.\n\nCordialement,\n{full}"},
	{"es", "Cancelar suscripción", "Hola, quiero cancelar la suscripción Premium. ¿Cómo lo hago desde la app? Gracias."},
	{"es", "Factura", "Buenas, necesito la factura de la suscripción anual a nombre de mi empresa. Gracias.\n\n{full}"},
	{"es", "Transferencia internacional", "Hola, ¿cuánto tarda una transferencia a una cuenta en México y qué comisión tiene?"},
	{"es", "Cambiar correo", "Quiero cambiar el correo electrónico de mi cuenta, ya no uso este. ¿Me podéis ayudar?"},
	{"es", "Categorías propias", "¿Se pueden crear categorías propias? Me gustaría tener una para la mascota 🐶"},
}

var foreignHN = []Foreign{
	{"de", "Neues Handy - Authenticator weg", "Hallo,\n\nich habe ein neues Handy und die Authenticator-App nicht übertragen. Jetzt kann ich mich nicht mehr anmelden, weil der Code fehlt. Was kann ich tun?\n\nViele Grüße\n{full}"},
	{"fr", "Mot de passe oublié", "Bonjour, j'ai oublié mon mot de passe et le lien de réinitialisation a expiré. Pouvez-vous m'en renvoyer un ? Merci"},
	{"es", "Cuenta bloqueada", "Hola, puse mal el código varias veces y ahora la cuenta está bloqueada. ¿Cuánto tiempo tengo que esperar?"},
}

var longBG = `Hello,

I've been meaning to write this for a while, so apologies in advance for the essay. I've been on LedgerLeaf Premium since 2023 and I honestly think the budgeting side is the best I've used - I tried two other apps and a spreadsheet before you and none of them stuck. So this is meant as constructive.

First, the price. When I joined, Premium was 3.99 and now it's 4.99, and I saw a post saying it's going up again. For that I get the custom categories, the unlimited budgets and the bill calendar, which I use, and the 'Insights' reports, which I don't really look at. Could there be a cheaper tier without Insights? I suspect a lot of people would take it.

Second, a few things that would make the biggest difference to me day to day: (1) letting me start the budget month on my payday (I'm paid on the 28th, so the first few days of every month look like I've overspent), (2) being able to split a single transaction across two categories, because a big supermarket shop is half food and half household stuff, and (3) some kind of shared view with my partner that isn't the full Family plan - we keep our money separate but share the bills.

Third, a small one: the monthly email summary lands at 6am on the 1st and always says I've 'spent 0' because nothing has synced yet. Maybe send it a day later?

Oh, and one last thing: the 'Insights' screen shows my spending in the wrong order on my phone (smallest first) but the right order on the web. Not a big deal, just odd.

No need for a long reply, I just wanted it to get to the product people. Keep up the good work.

Best wishes,
{full}`

var longHN = `Hi there,

I'll try to explain what's happened because I think it's a bit of a mess on my end rather than yours. Two weeks ago my old phone's screen died completely, so I bought a new one and set it up from a backup. Everything came across except for a couple of apps, and it turns out one of them was the authenticator app I used for LedgerLeaf (and annoyingly two other things). I didn't notice at first because LedgerLeaf on the new phone was still logged in thanks to Face ID.

Then this morning the app asked me to sign in again, I assume because of an update. It accepted my password and then asked for the 6-digit code from my authenticator app. Obviously I don't have it. I looked for the backup codes you give you when you set it up - I'm pretty sure I saved them in my notes app on the old phone, which is the one with the dead screen. I've tried the 'I can't access my authenticator' link but it sends me to a help article telling me to contact support, so here I am.

I'm still getting texts on the same number as always, and my email is the same, so hopefully you can confirm it's me that way. I'm happy to send a photo of my driving licence or do a video call, whatever you normally need. I've also tried logging in on my laptop in case the website skips the authenticator step, but it asks for the same code there. I get paid on Friday and I'd like to be able to move money into my pots, so if this could be sorted in the next day or two that would be great.

Sorry for the essay and thanks in advance,
{full}

PS I know there's nothing wrong with your app, I've just been an idiot with my phone!`

var longHN2 = `Hello,

I've got myself into a bit of a loop and I'm hoping a human can get me out of it. On Sunday night I tried to log in on the website to download a statement for my mortgage broker. I must have had the wrong password saved, because after a few tries it told me my account was temporarily locked for security reasons. Fair enough.

So on Monday I used 'Forgot password'. The reset email took a while to arrive - it went to my old work address, which I only still get because IT haven't turned it off yet - and when I eventually clicked the link it said it had expired. I asked for another one, and that one did arrive quickly, but when I set a new password it told me the account was still locked. Now when I request another reset it says I've requested too many and to try again later.

My app on my phone still works with Face ID, weirdly, so I can see my balance, but the web version is the one I need for the PDF statement. I'd also really like to change the email on the account to this one, since the old work address is going to disappear at the end of the month and then I'll be properly stuck.

Is there any way you can unlock the account and move it over to this address? I'm happy to answer security questions or send ID. There's no rush today, but my broker needs the statements by Friday. I did try the chat in the app but the bot kept sending me the 'Forgot password' article, which is how I got here in the first place. For what it's worth, my partner logged into her account fine this morning, so I'm fairly sure this is just my account being stuck rather than anything wider.

Many thanks,
{full}`

var oooBodies = []string{
	"Thank you for your email. I am currently out of the office until {date} with limited access to email.\n\nFor anything urgent please contact the team on 07700 900{ph}.\n\nKind regards,\n{full}",
	"Hi,\n\nI'm on annual leave and will be back on {date}. I'll reply to your message when I return.\n\nThanks,\n{first}",
	"I am out of the office on {date} and will respond on my return. If your matter is urgent, please contact reception.\n\n{full}\n{org}",
	"Automatic reply: I'm away until {date}. Messages are not being forwarded.",
}

var bounceBodies = []string{
	"** Address not found **\n\nYour message wasn't delivered to {addr} because the address couldn't be found, or is unable to receive mail.\n\nThe response from the remote server was:\n550 5.1.1 The email account that you tried to reach does not exist.\n\n----- Original message -----\n\nFrom: LedgerLeaf <no-reply@ledgerleaf.app>\nTo: {addr}\nSubject: {osubj}",
	"This is the mail system at host mx2.ledgerleaf.app.\n\nI'm sorry to have to inform you that your message could not be delivered to one or more recipients.\n\n<{addr}>: host mail.{dom} said: 552 5.2.2 Mailbox full\n\n--- Original message headers ---\nSubject: {osubj}",
	"Delivery has failed to these recipients or groups:\n\n{addr}\nThe recipient's mailbox is full and can't accept messages now. Please try resending your message later.\n\nDiagnostic information for administrators:\nRemote server returned '554 5.2.2 mailbox full'\n\nOriginal message subject: {osubj}",
}
var bounceSubjects = []string{"Delivery Status Notification (Failure)", "Undelivered Mail Returned to Sender", "Mail delivery failed: returning message to sender", "Undeliverable: {osubj}"}
var outgoingSubjects = []string{"Your LedgerLeaf receipt", "Your May statement is ready", "Re: Your LedgerLeaf request", "Confirm your email address", "Your Premium plan renews soon", "We've updated our terms"}

var spamMsgs = []Foreign{
	{"en", "Partnership opportunity", "Hi LedgerLeaf team,\n\nI run growth at a fintech marketing agency and we've helped apps like yours 3x their installs in 90 days. Do you have 15 minutes next week?\n\nBest,\nBrad"},
	{"en", "Boost your App Store rating", "Hello, we offer 5-star review packages for finance apps. Fully safe. Reply for price list."},
	{"en", "Guest post on ledgerleaf.app", "Hi there, I'd love to contribute a guest article on your blog about 'budgeting for Gen Z'. Do you accept sponsored posts?"},
	{"en", "Invoice #88213 overdue", "Please find attached the overdue invoice. Kindly process payment today. Regards, Accounts Dept"},
	{"en", "Press enquiry: cost of living", "Hi, I'm a freelance journalist writing about budgeting apps and the cost of living. Could someone from LedgerLeaf comment by Thursday?"},
}

// ================================================================ customers

var firstEN = []string{"Amelia", "Oliver", "Priya", "James", "Chloe", "Mohammed", "Grace", "Tom", "Aisha", "Daniel", "Sophie", "Kwame", "Hannah", "Liam", "Zara", "Ben", "Ellie", "Ravi", "Lucy", "Jack", "Fatima", "Sam", "Megan", "Callum", "Nadia", "Joe", "Olivia", "Harry", "Isla", "Kieran", "Rosie", "Tariq", "Emily", "Adam", "Leah", "Connor", "Maya", "Ryan", "Holly", "Imran", "Jess", "Dylan", "Freya", "Marcus", "Niamh", "Ethan", "Ruth", "Gareth", "Yasmin", "Lewis", "Bethan", "Dev", "Alice", "Rhys", "Siân", "Femi", "Laura", "Owain", "Anya", "Hamza", "Kate", "Patrick", "Rebecca", "Stuart", "Chioma", "Martin", "Helen", "Andrew", "Gemma", "Paul", "Nicola", "Sean", "Joanne", "Craig", "Lorna", "Mark", "Aoife", "Declan", "Wei", "Mei", "Arjun", "Sana", "Tobi", "Kofi", "Ewa", "Piotr", "Agnieszka", "Mateusz", "Ioana", "Stefan", "Natalia", "Georgia", "Luke", "Abigail", "Jordan", "Courtney", "Tyler", "Shannon", "Brandon", "Kayleigh", "Dominic", "Esther", "Malcolm", "Brenda", "Colin", "Sheila", "Graham", "Pauline", "Hollie", "Reece", "Jade", "Nathan", "Bukola", "Sunil", "Deepa", "Farah", "Yusuf", "Ciaran", "Eilidh", "Fraser"}
var lastEN = []string{"Smith", "Okafor", "Patel", "Jones", "Williams", "Brown", "Taylor", "Khan", "Davies", "Evans", "Wilson", "Thomas", "Roberts", "Johnson", "Walker", "Wright", "Robinson", "Thompson", "White", "Hughes", "Edwards", "Green", "Hall", "Wood", "Harris", "Lewis", "Martin", "Jackson", "Clarke", "Turner", "Hill", "Scott", "Cooper", "Morris", "Ward", "Moore", "King", "Watson", "Baker", "Harrison", "Morgan", "Young", "Allen", "Mitchell", "Anderson", "Campbell", "Kelly", "Murphy", "O'Brien", "Byrne", "Begum", "Hussain", "Ali", "Ahmed", "Shah", "Singh", "Kaur", "Mensah", "Adeyemi", "Nowak", "Kowalski", "Popescu", "Chen", "Wang", "Li", "Nguyen", "Fraser", "MacLeod", "Reid", "Sutherland", "Griffiths", "Pritchard", "Lloyd", "Fletcher", "Barker", "Holt", "Dunn", "Marsh", "Kerr", "Ellis", "Bennett", "Gray", "Price", "Carter", "Osei", "Boateng", "Chaudhry", "Rahman", "Doyle", "Quinn", "Gallagher", "Lowe", "Pearce", "Hart", "Stone", "Rowe"}
var euNames = map[string][][2]string{
	"de": {{"Lukas", "Becker"}, {"Anna", "Schmitt"}, {"Jonas", "Weber"}, {"Katrin", "Vogel"}, {"Felix", "Hartmann"}, {"Sabine", "Krüger"}, {"Moritz", "Braun"}},
	"fr": {{"Camille", "Moreau"}, {"Julien", "Lefèvre"}, {"Élodie", "Garnier"}, {"Thomas", "Girard"}, {"Manon", "Rousseau"}, {"Hugo", "Fontaine"}},
	"es": {{"Lucía", "Fernández"}, {"Javier", "Ortega"}, {"Carmen", "Ruiz"}, {"Diego", "Navarro"}, {"Marta", "Iglesias"}, {"Pablo", "Serrano"}},
}
var euDomains = map[string][]string{"de": {"gmx.de", "web.de", "gmail.com", "t-online.de"}, "fr": {"orange.fr", "laposte.net", "gmail.com", "free.fr"}, "es": {"gmail.com", "yahoo.es", "hotmail.es"}}
var personalDomains = []string{"gmail.com", "gmail.com", "gmail.com", "gmail.com", "outlook.com", "hotmail.co.uk", "icloud.com", "yahoo.co.uk", "btinternet.com", "proton.me", "live.co.uk", "sky.com", "me.com", "googlemail.com", "outlook.com", "icloud.com"}

type orgDef struct {
	Name, Domain string
	N            int
	Roles        []string
}

var employers = []orgDef{
	{"Halden Freight Ltd", "haldenfreight.co.uk", 20, []string{"Warehouse supervisor", "Driver", "Transport planner", "Ops lead", "Payroll officer", "Forklift operator"}},
	{"Tessaly Software", "tessaly.io", 24, []string{"Software engineer", "Product designer", "Engineering manager", "Data analyst", "Customer success", "Office manager"}},
	{"Marlow Vale Care Group", "marlowvalecare.org.uk", 14, []string{"Care assistant", "Senior carer", "Registered nurse", "Home manager", "Activities coordinator"}},
	{"Quayside Dental Partners", "quaysidedental.co.uk", 8, []string{"Dental nurse", "Receptionist", "Hygienist", "Practice manager"}},
	{"Corran & Webb LLP", "corranwebb.com", 10, []string{"Associate", "Paralegal", "Trainee solicitor", "Legal secretary", "Partner"}},
	{"Brightholm Borough Council", "brightholm.gov.uk", 12, []string{"Planning officer", "Revenues officer", "Housing officer", "Customer services advisor", "Team leader"}},
}

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

var hnWeights = []struct {
	P *Pool
	W float64
}{
	{hnForgot, 5}, {hnWrongEmail, 2}, {hnLocked, 3}, {hnNewPhone, 3}, {hnNewNumber, 2}, {hnRoaming, 1.5},
	{hnSSO, 1}, {hnInvite, 1}, {hnCard, 3}, {hnBank, 2}, {hnPush, 1}, {hnApp, 1},
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
	for {
		ws := make([]float64, len(hnWeights))
		for i, x := range hnWeights {
			ws[i] = x.W
		}
		p := hnWeights[pickW(ws)].P
		if p == hnRoaming && t.After(smsFrom) && t.Before(smsTo) {
			continue
		}
		g.hardNeg(t, p)
		return
	}
}

var oooDates = []string{"Monday 18 May", "18/05", "Tuesday 19th May", "26 May", "Wednesday 20 May"}

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

func makeUpdates() []weekgen.Update {
	var us []weekgen.Update
	add := func(prov, pid string, n int, status, impact string, at time.Time, title, body, kind string, comps []string, label string) {
		us = append(us, weekgen.Update{Provider: prov, ProviderIncidentID: pid, UpdateID: fmt.Sprintf("%s-u%d", pid, n), Status: status, Impact: impact, At: at.Format(time.RFC3339), Title: title, Body: body, Kind: kind, Components: comps, Label: label})
	}

	// openvale: bank authorisation redirects fail (Mon). Posted 37 minutes before the first ticket.
	ov := "ov-7hq2m9k4xr"
	ovT := "Elevated errors completing bank authorisations (UK and EU)"
	ovC := []string{"Hosted Connect", "Open Banking Gateway (UK)", "Open Banking Gateway (EU)"}
	add("openvale", ov, 1, "investigating", "major", T(0, 10, 25), ovT, "We are investigating an increase in failed authorisation callbacks when end users link or re-link accounts at a number of UK and EU institutions. End users may see an error after approving access in their bank's app. Existing connections and scheduled data refreshes are not affected.", "incident", ovC, "inc-bank-link-errors")
	add("openvale", ov, 2, "identified", "major", T(0, 11, 40), ovT, "The issue has been identified as a certificate rotation on our gateway that caused redirect callbacks from a subset of institutions to be rejected. We are rolling back the change.", "incident", ovC, "inc-bank-link-errors")
	add("openvale", ov, 3, "monitoring", "minor", T(0, 13, 5), ovT, "The rollback has completed and authorisation success rates are recovering across affected institutions. Some end users may need to retry the connection. We are continuing to monitor.", "incident", ovC, "inc-bank-link-errors")
	add("openvale", ov, 4, "resolved", "minor", T(0, 14, 10), ovT, "This incident has been resolved. Authorisation success rates have been at normal levels since 13:05 UTC. A post-incident review will be shared with affected customers.", "incident", ovC, "inc-bank-link-errors")

	// textquill: scheduled maintenance of its dashboard (announced Mon, runs Thu night). No impact.
	tm := "tq-mnt-2605-14"
	tmT := "Scheduled maintenance: customer dashboard and reporting API"
	tmC := []string{"Customer Dashboard", "Reporting API"}
	add("textquill", tm, 1, "scheduled", "maintenance", T(0, 14, 0), tmT, "We will be performing scheduled database maintenance on the customer dashboard and reporting API on 14 May 2026 between 01:00 and 02:30 UTC. The dashboard may be unavailable for short periods. SMS and voice delivery via the Messaging API are not affected.", "maintenance", tmC, "")
	add("textquill", tm, 2, "in_progress", "maintenance", T(3, 1, 0), tmT, "Scheduled maintenance is currently in progress. We will provide updates as necessary.", "maintenance", tmC, "")
	add("textquill", tm, 3, "verifying", "maintenance", T(3, 2, 10), tmT, "Maintenance work is complete and we are verifying that the dashboard and reporting API are operating normally.", "maintenance", tmC, "")
	add("textquill", tm, 4, "completed", "maintenance", T(3, 2, 30), tmT, "The scheduled maintenance has been completed.", "maintenance", tmC, "")

	// textquill: SMS delivery failure (Tue). Posted 33 minutes after the first ticket.
	tq := "tq-inc-9f3kd21v"
	tqT := "Delayed and failed SMS delivery to UK and EU mobile networks"
	tqC := []string{"SMS Delivery - United Kingdom", "SMS Delivery - Europe", "Verify API"}
	add("textquill", tq, 1, "investigating", "major", T(1, 8, 21), tqT, "We are investigating reports of delayed or undelivered SMS messages to mobile numbers in the United Kingdom and several EU countries. Messages are being accepted by our API but delivery receipts are not being returned. Verify API one-time passcodes are affected.", "incident", tqC, "inc-sms-codes-undelivered")
	add("textquill", tq, 2, "identified", "critical", T(1, 8, 58), tqT, "The issue has been traced to a routing failure at an upstream carrier interconnect that carries the majority of our UK and EU traffic. We are moving traffic to alternate routes.", "incident", tqC, "inc-sms-codes-undelivered")
	add("textquill", tq, 3, "identified", "critical", T(1, 9, 40), tqT, "Traffic is being rerouted. Messages queued during the incident may be delivered late; one-time passcodes older than their validity window will not be retried.", "incident", tqC, "inc-sms-codes-undelivered")
	add("textquill", tq, 4, "monitoring", "minor", T(1, 9, 55), tqT, "Delivery rates to UK and EU networks have returned to normal levels on the alternate routes. We are monitoring the results.", "incident", tqC, "inc-sms-codes-undelivered")
	add("textquill", tq, 5, "resolved", "minor", T(1, 11, 5), tqT, "This incident has been resolved. Between 07:35 and 09:55 UTC, a majority of SMS messages to UK and EU networks were delayed or not delivered. We will publish a root cause analysis within five business days.", "incident", tqC, "inc-sms-codes-undelivered")

	// cirrowell: object storage errors in a region LedgerLeaf does not use (Wed night). No impact.
	cs := "cw-2605-syd1-obj"
	csT := "Elevated error rates for Object Storage in SYD1"
	csC := []string{"Object Storage (SYD1)"}
	add("cirrowell", cs, 1, "investigating", "minor", T(2, 3, 10), csT, "We are investigating elevated 5xx error rates for PUT and GET requests to Object Storage in the SYD1 region. Other regions are not affected.", "incident", csC, "")
	add("cirrowell", cs, 2, "identified", "minor", T(2, 3, 52), csT, "A storage node cluster in SYD1 is experiencing degraded performance following a hardware failure. Traffic is being shifted to healthy nodes.", "incident", csC, "")
	add("cirrowell", cs, 3, "monitoring", "minor", T(2, 4, 45), csT, "Error rates have returned to normal. We are monitoring.", "incident", csC, "")
	add("cirrowell", cs, 4, "resolved", "none", T(2, 5, 40), csT, "This incident has been resolved.", "incident", csC, "")

	// cardloom: authorisation declines (Wed evening). Monitoring posted while tickets still rise.
	cl := "cl-inc-20260513-02"
	clT := "Elevated authorisation declines for issued cards in Europe"
	clC := []string{"Authorisation Service (EU)", "Issuer Processing"}
	add("cardloom", cl, 1, "investigating", "major", T(2, 17, 31), clT, "We are investigating elevated decline rates for card authorisations on our European issuing platform. Some transactions are being declined with response code 91 (issuer or switch inoperative).", "incident", clC, "inc-card-declines")
	add("cardloom", cl, 2, "identified", "major", T(2, 17, 58), clT, "We have identified a degraded database cluster behind the authorisation service. Failover to the secondary cluster is in progress.", "incident", clC, "inc-card-declines")
	add("cardloom", cl, 3, "monitoring", "minor", T(2, 18, 35), clT, "Failover is complete and authorisation success rates are improving. Some cardholders may continue to see intermittent declines while stand-in processing queues clear. We are monitoring closely.", "incident", clC, "inc-card-declines")
	add("cardloom", cl, 4, "monitoring", "minor", T(2, 19, 40), clT, "Decline rates are approaching baseline. A small number of merchants are still seeing elevated declines; we continue to monitor.", "incident", clC, "inc-card-declines")
	add("cardloom", cl, 5, "resolved", "minor", T(2, 20, 25), clT, "This incident has been resolved. Between approximately 17:15 and 19:55 UTC a portion of card authorisations on the European issuing platform were declined. A full incident report will follow.", "incident", clC, "inc-card-declines")

	// pushwren: delayed push delivery (Thu). Posted 40 minutes before the first ticket.
	pw := "pw-88c1e0ad"
	pwT := "Delayed push notification delivery"
	pwC := []string{"APNs delivery", "FCM delivery", "Delivery queue"}
	add("pushwren", pw, 1, "investigating", "minor", T(3, 11, 55), pwT, "We are investigating delays in push notification delivery to iOS and Android devices. Notifications are being accepted and will be delivered, but may arrive late.", "incident", pwC, "inc-push-delayed")
	add("pushwren", pw, 2, "identified", "major", T(3, 13, 30), pwT, "A backlog has built up in our delivery queue after a partition rebalancing issue. Delivery latency currently ranges from 30 minutes to over 2 hours. We are adding capacity to drain the backlog.", "incident", pwC, "inc-push-delayed")
	add("pushwren", pw, 3, "monitoring", "minor", T(3, 14, 50), pwT, "The backlog is draining and new notifications are being delivered with normal latency. Older queued notifications are still being delivered. We are monitoring.", "incident", pwC, "inc-push-delayed")
	add("pushwren", pw, 4, "resolved", "minor", T(3, 16, 30), pwT, "The backlog has been fully processed and delivery latency is back to normal. This incident is resolved.", "incident", pwC, "inc-push-delayed")

	// cirrowell: networking in LON1, where LedgerLeaf runs (Sat). Posted 26 minutes after the first ticket.
	cw := "cw-2605-lon1-net"
	cwT := "Degraded networking in LON1"
	cwC := []string{"Compute (LON1)", "Load Balancers (LON1)", "Managed Databases (LON1)"}
	add("cirrowell", cw, 1, "investigating", "major", T(5, 9, 34), cwT, "We are investigating packet loss and connection timeouts affecting compute instances and load balancers in the LON1 region.", "incident", cwC, "inc-app-unavailable")
	add("cirrowell", cw, 2, "identified", "major", T(5, 9, 58), cwT, "The issue has been identified as a faulty network configuration change applied to one availability zone in LON1. The change is being reverted.", "incident", cwC, "inc-app-unavailable")
	add("cirrowell", cw, 3, "monitoring", "minor", T(5, 10, 20), cwT, "The configuration has been reverted and network connectivity in LON1 has recovered. We are monitoring for any further issues.", "incident", cwC, "inc-app-unavailable")
	add("cirrowell", cw, 4, "resolved", "minor", T(5, 11, 5), cwT, "This incident has been resolved. Customers who saw connection errors between 09:00 and 10:20 UTC should not see further impact.", "incident", cwC, "inc-app-unavailable")

	sort.SliceStable(us, func(i, j int) bool { return us[i].At < us[j].At })
	return us
}

// ================================================================ main

func main() {
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
	if err := weekgen.WriteWeek(*out, g.tickets, us, weekgen.Format{OmitEmptyOrg: true}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
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

//go:build ignore

// generate.go writes the ShopKettle scenario: one invented week (Mon 11 May –
// Sun 17 May 2026) at the support desk of ShopKettle, a hosted online-store
// builder, together with the status-page updates of its providers.
//
//	cd /work/main && go run ./scenarios/shopkettle/generate.go
//
// Standard library and scenarios/internal/weekgen only; the seed is fixed, so
// reruns give identical bytes. The texts (names, ticket phrases, status-page
// posts) are in texts.json beside this file.
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

// ---------------------------------------------------------------- types

// Ticket is a line of tickets.jsonl and the time it arrives.
type Ticket struct {
	weekgen.Ticket
	at time.Time
}

type Org struct {
	Name     string
	Domain   string
	Lang     string // en, de, fr, es
	Currency string // $, £, €
	Store    string
	Plan     string
	Weight   float64
	Users    []*Cust
}

type Cust struct {
	First, Last string
	Name        string
	Email       string
	Title       string
	Phone       string
	SigStyle    int
	Org         *Org
}

// a message the customer wrote, before it is dressed as email/chat/web/api
type Msg struct {
	Subject string
	Parts   []string // paragraphs / sentences written by the customer
	Lang    string
}

// ---------------------------------------------------------------- rng helpers

var rng = rand.New(rand.NewPCG(20260511, 0x5ec7e77e))

func pick[T any](xs []T) T  { return weekgen.Pick(rng, xs) }
func chance(p float64) bool { return weekgen.Chance(rng, p) }
func between(a, b int) int  { return weekgen.Between(rng, a, b) }

// deck deals items without repetition until exhausted, then reshuffles.
type deck struct {
	items []string
	order []int
	pos   int
}

func newDeck(items []string) *deck {
	d := &deck{items: items}
	d.shuffle()
	return d
}

func (d *deck) shuffle() {
	d.order = rng.Perm(len(d.items))
	d.pos = 0
}

func (d *deck) next() string {
	if d.pos >= len(d.order) {
		d.shuffle()
	}
	s := d.items[d.order[d.pos]]
	d.pos++
	return s
}

// ---------------------------------------------------------------- time

var (
	utc       = time.UTC
	weekStart = time.Date(2026, 5, 11, 0, 0, 0, 0, utc) // Monday
	weekEnd   = weekStart.AddDate(0, 0, 7)
)

func at(day, h, m int) time.Time { return weekgen.At(weekStart, day, h, m) }

// UTC hour weights: quiet nights, busy European afternoon / US morning.
var hourWeights = []float64{0.25, 0.18, 0.14, 0.12, 0.12, 0.2, 0.4, 0.8, 1.2, 1.5, 1.6, 1.6, 1.5, 1.6, 1.8, 1.9, 1.8, 1.6, 1.4, 1.2, 1.0, 0.8, 0.6, 0.4}

func sampleDayTime(day int) time.Time {
	h := weekgen.Weighted(rng, hourWeights)
	return at(day, h, 0).Add(time.Duration(rng.IntN(3600)) * time.Second)
}

// spreadDay places about n arrivals over a day, hour by hour in proportion to
// hourWeights (stratified, so no hour is accidentally empty at peak time).
func spreadDay(day, n int) []time.Time {
	total := 0.0
	for _, w := range hourWeights {
		total += w
	}
	var out []time.Time
	for h, w := range hourWeights {
		e := float64(n) * w / total
		k := int(e)
		if chance(e - float64(k)) {
			k++
		}
		for i := 0; i < k; i++ {
			out = append(out, at(day, h, 0).Add(time.Duration(rng.IntN(3600))*time.Second))
		}
	}
	return out
}

// curve: piecewise-linear intensity over minutes from start.
type pt struct{ min, w float64 }

func sampleCurve(start time.Time, pts []pt, n int) []time.Time {
	end := int(pts[len(pts)-1].min)
	cdf := make([]float64, end+1)
	acc := 0.0
	for m := 0; m <= end; m++ {
		fm := float64(m)
		w := 0.0
		for i := 0; i+1 < len(pts); i++ {
			if fm >= pts[i].min && fm <= pts[i+1].min {
				f := (fm - pts[i].min) / (pts[i+1].min - pts[i].min)
				w = pts[i].w + f*(pts[i+1].w-pts[i].w)
				break
			}
		}
		acc += w
		cdf[m] = acc
	}
	out := []time.Time{start.Add(time.Duration(rng.IntN(40)) * time.Second)}
	for len(out) < n {
		x := rng.Float64() * acc
		m := sort.SearchFloat64s(cdf, x)
		if m < 1 {
			m = 1
		}
		out = append(out, start.Add(time.Duration(m)*time.Minute+time.Duration(rng.IntN(60))*time.Second))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Before(out[j]) })
	return out
}

// ---------------------------------------------------------------- noise

func isWordy(w string) bool {
	if len(w) < 5 {
		return false
	}
	for _, r := range w {
		if !(r >= 'a' && r <= 'z') {
			return false
		}
	}
	return true
}

// typo introduces one to three keyboard slips into plain lower-case words.
func typo(s string) string {
	words := strings.Split(s, " ")
	n := between(1, 3)
	for k := 0; k < n; k++ {
		for try := 0; try < 8; try++ {
			i := rng.IntN(len(words))
			w := words[i]
			if !isWordy(w) {
				continue
			}
			b := []byte(w)
			j := 1 + rng.IntN(len(b)-2)
			switch rng.IntN(4) {
			case 0: // swap
				b[j], b[j+1] = b[j+1], b[j]
			case 1: // drop
				b = append(b[:j], b[j+1:]...)
			case 2: // double
				b = append(b[:j+1], b[j:]...)
			case 3: // neighbour key
				nb := map[byte]byte{'a': 's', 'e': 'r', 'i': 'o', 'o': 'p', 'n': 'm', 't': 'y', 's': 'd', 'r': 't', 'l': 'k', 'u': 'i'}
				if r, ok := nb[b[j]]; ok {
					b[j] = r
				} else {
					b[j], b[j+1] = b[j+1], b[j]
				}
			}
			words[i] = string(b)
			break
		}
	}
	return strings.Join(words, " ")
}

func stripPunct(s string) string {
	s = strings.ReplaceAll(s, ". ", " ")
	s = strings.ReplaceAll(s, ", ", " ")
	s = strings.ReplaceAll(s, "'", "")
	s = strings.TrimRight(s, ".")
	return s
}

var emojis []string

// noisy applies one realistic style to what a customer typed.
type style struct {
	typos, lower, nopunct, emoji, shout bool
}

func pickStyle(angry bool) style {
	st := style{}
	st.typos = chance(0.28)
	st.lower = chance(0.12)
	st.nopunct = chance(0.09)
	st.emoji = chance(0.07)
	st.shout = angry && chance(0.22)
	return st
}

func applyStyle(st style, parts []string) []string {
	out := make([]string, len(parts))
	for i, p := range parts {
		if st.typos && chance(0.6) {
			p = typo(p)
		}
		if st.lower {
			p = strings.ToLower(p)
		}
		if st.nopunct {
			p = stripPunct(p)
		}
		out[i] = p
	}
	if st.shout && len(out) > 0 {
		i := rng.IntN(len(out))
		out[i] = strings.ToUpper(out[i])
		if !strings.HasSuffix(out[i], "!") && !strings.HasSuffix(out[i], "?") {
			out[i] = strings.TrimRight(out[i], ".") + "!!"
		}
	}
	if st.emoji && len(out) > 0 {
		out[len(out)-1] += pick(emojis)
	}
	return out
}

// ---------------------------------------------------------------- customers

var orgPrefixes, orgSuffixes []string

type fixedOrg struct {
	Name, Domain, Lang, Cur string
	Users                   int
	Weight                  float64
}

var fixedOrgs []fixedOrg

var firstNames, lastNames []string

var localNames map[string][2][]string

var titles, freemail []string

var orgs []*Org
var allCusts []*Cust

func asciiFold(s string) string {
	r := strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss", "é", "e", "è", "e", "É", "e", "á", "a", "í", "i", "ó", "o", "ú", "u", "ñ", "n", "'", "", "&", "and")
	return r.Replace(s)
}

func slug(s string) string {
	s = strings.ToLower(asciiFold(s))
	var b strings.Builder
	dash := false
	for _, r := range s {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.Trim(b.String(), "-")
}

func newCust(o *Org, lang string, used map[string]bool) *Cust {
	for {
		var f, l string
		if ln, ok := localNames[lang]; ok && chance(0.85) {
			f, l = pick(ln[0]), pick(ln[1])
		} else {
			f, l = pick(firstNames), pick(lastNames)
		}
		if used[f+" "+l] {
			continue
		}
		used[f+" "+l] = true
		c := &Cust{First: f, Last: l, Name: f + " " + l, Org: o, Title: pick(titles)}
		lf, ll := strings.ToLower(asciiFold(f)), strings.ToLower(asciiFold(l))
		switch {
		case len(o.Users) == 0 && chance(0.3):
			// small shops often use a freemail address
			c.Email = strings.ReplaceAll(slug(o.Name), "-", "") + "@" + pick(freemail)
		case chance(0.15):
			c.Email = fmt.Sprintf("%s.%s%d@%s", lf, ll, between(1, 99), pick(freemail))
		case chance(0.5):
			c.Email = lf + "." + ll + "@" + o.Domain
		case chance(0.5):
			c.Email = lf + "@" + o.Domain
		default:
			c.Email = lf[:1] + ll + "@" + o.Domain
		}
		switch o.Currency {
		case "£":
			c.Phone = fmt.Sprintf("+44 7%03d %06d", rng.IntN(1000), rng.IntN(1000000))
		case "€":
			c.Phone = map[string]string{"de": "+49 151 ", "fr": "+33 6 ", "es": "+34 6"}[lang] + fmt.Sprintf("%08d", rng.IntN(100000000))
		default:
			c.Phone = fmt.Sprintf("+1 (%03d) 555-%04d", 200+rng.IntN(700), rng.IntN(10000))
		}
		c.SigStyle = rng.IntN(7)
		return c
	}
}

func buildCustomers() {
	used := map[string]bool{}
	plans := []string{"Starter", "Growth", "Growth", "Pro"}
	for _, f := range fixedOrgs {
		o := &Org{Name: f.Name, Domain: f.Domain, Lang: f.Lang, Currency: f.Cur, Weight: f.Weight, Plan: pick(plans)}
		o.Store = "www." + f.Domain
		orgs = append(orgs, o)
		for i := 0; i < f.Users; i++ {
			o.Users = append(o.Users, newCust(o, f.Lang, used))
		}
	}
	// the agency manages client stores; its staff write about several of them
	seen := map[string]bool{}
	perm := rng.Perm(len(orgPrefixes) * len(orgSuffixes))
	tlds := []string{".com", ".com", ".com", ".co.uk", ".co", ".shop", ".ca", ".com.au", ".ie", ".co.nz"}
	for _, k := range perm {
		if len(orgs) >= 150 {
			break
		}
		p, s := orgPrefixes[k/len(orgSuffixes)], orgSuffixes[k%len(orgSuffixes)]
		if seen[p] {
			continue
		}
		seen[p] = true
		name := p + " " + s
		tld := pick(tlds)
		cur := "$"
		if tld == ".co.uk" || tld == ".ie" {
			cur = "£"
			if tld == ".ie" {
				cur = "€"
			}
		}
		dom := strings.ReplaceAll(slug(strings.TrimSuffix(name, ".")), "-", "") + tld
		o := &Org{Name: name, Domain: dom, Lang: "en", Currency: cur, Weight: 1, Plan: pick(plans)}
		if chance(0.55) {
			o.Store = "www." + dom
		} else {
			o.Store = slug(p) + ".shopkettle.store"
		}
		nu := 1
		switch x := rng.Float64(); {
		case x < 0.30:
			nu = 2
		case x < 0.40:
			nu = 3
		}
		for i := 0; i < nu; i++ {
			o.Users = append(o.Users, newCust(o, "en", used))
		}
		orgs = append(orgs, o)
	}
	// second batch of orgs: reuse prefixes with a different trade
	for _, k := range perm {
		if len(orgs) >= 250 {
			break
		}
		p, s := orgPrefixes[k/len(orgSuffixes)], orgSuffixes[k%len(orgSuffixes)]
		name := p + " " + s
		if seen[name] {
			continue
		}
		seen[name] = true
		dom := strings.ReplaceAll(slug(strings.TrimSuffix(name, ".")), "-", "") + ".com"
		o := &Org{Name: name, Domain: dom, Lang: "en", Currency: "$", Weight: 0.8, Plan: "Starter", Store: slug(name) + ".shopkettle.store"}
		o.Users = append(o.Users, newCust(o, "en", used))
		orgs = append(orgs, o)
	}
	for _, o := range orgs {
		allCusts = append(allCusts, o.Users...)
	}
}

// pickWeighted draws an index below n by weight among the items allow accepts
// (all of them if allow is nil), with one draw from rng; it falls back to the
// last index.
func pickWeighted(n int, weight func(int) float64, allow func(int) bool) int {
	total := 0.0
	for i := 0; i < n; i++ {
		if allow == nil || allow(i) {
			total += weight(i)
		}
	}
	x := rng.Float64() * total
	for i := 0; i < n; i++ {
		if allow == nil || allow(i) {
			if x < weight(i) {
				return i
			}
			x -= weight(i)
		}
	}
	return n - 1
}

func pickOrg(filter func(*Org) bool) *Org {
	var allow func(int) bool
	if filter != nil {
		allow = func(i int) bool { return filter(orgs[i]) }
	}
	return orgs[pickWeighted(len(orgs), func(i int) float64 { return orgs[i].Weight }, allow)]
}

// pickCust picks a reporter, avoiding those in avoid (e.g. already reported this incident).
func pickCust(avoid map[*Cust]bool, filter func(*Org) bool) *Cust {
	for try := 0; ; try++ {
		o := pickOrg(filter)
		c := pick(o.Users)
		if avoid != nil && avoid[c] && try <= 200 {
			continue
		}
		// people who already wrote this week are a little less likely to write again
		if try < 50 && !chance(1/(1+0.45*float64(custCount[c]))) {
			continue
		}
		return c
	}
}

func englishOrg(o *Org) bool { return o.Lang == "en" }

// ---------------------------------------------------------------- placeholders

type ctx struct {
	c     *Cust
	t     time.Time
	since time.Time // start of the trouble, for {ago}
}

var products, discountCodes []string

func money(cur string, lo, hi int) string {
	v := between(lo*100, hi*100)
	if chance(0.5) {
		v = v / 100 * 100
	}
	if cur == "€" && chance(0.5) {
		return fmt.Sprintf("%d,%02d €", v/100, v%100)
	}
	return fmt.Sprintf("%s%d.%02d", cur, v/100, v%100)
}

func agoText(d time.Duration) string {
	m := int(d.Minutes())
	switch {
	case m < 12:
		return pick([]string{"a few minutes ago", "just now", "about 10 minutes ago"})
	case m < 25:
		return pick([]string{"about 15 minutes ago", "20 mins ago", "about twenty minutes ago"})
	case m < 45:
		return pick([]string{"about half an hour ago", "half an hour ago", "30 min ago"})
	case m < 80:
		return pick([]string{"about an hour ago", "an hour or so ago", "around an hour ago"})
	case m < 150:
		return pick([]string{"a couple of hours ago", "about 2 hours ago", "two hours ago"})
	default:
		return pick([]string{"this morning", "hours ago", "earlier today"})
	}
}

func durText(d time.Duration) string {
	m := int(d.Minutes())
	switch {
	case m < 12:
		return pick([]string{"10 minutes", "few minutes"})
	case m < 25:
		return pick([]string{"20 minutes", "quarter of an hour"})
	case m < 45:
		return pick([]string{"half an hour", "30 minutes", "half hour"})
	case m < 80:
		return pick([]string{"hour", "hour or so"})
	case m < 150:
		return pick([]string{"two hours", "couple of hours"})
	default:
		return pick([]string{"few hours", "three hours"})
	}
}

func fill(s string, x ctx) string {
	if !strings.Contains(s, "{") {
		return s
	}
	cur := x.c.Org.Currency
	minv := between(3, 8) * 10
	r := strings.NewReplacer(
		"{order2}", fmt.Sprintf("#%d", between(1040, 48200)),
		"{order}", fmt.Sprintf("#%d", between(1040, 48200)),
		"{store}", x.c.Org.Store,
		"{n}", fmt.Sprint(between(3, 24)),
		"{big}", fmt.Sprint(between(30, 220)),
		"{ago}", agoText(x.t.Sub(x.since)),
		"{dur}", durText(x.t.Sub(x.since)),
		"{amt}", money(cur, 18, 240),
		"{code}", pick(discountCodes),
		"{min}", fmt.Sprintf("%s%d", cur, minv),
		"{cart}", money(cur, minv+8, minv+90),
		"{plan}", x.c.Org.Plan,
		"{first}", x.c.First,
		"{org}", x.c.Org.Name,
		"{day}", x.t.Weekday().String(),
		"{product}", pick(products),
		"{staff}", pick([]string{"Sam", "my colleague", "my business partner", "our packer", "my husband", "my wife", "our VA", "Jo", "the warehouse guy"}),
		"{pct}", fmt.Sprint(between(2, 9)*5),
		"{email}", x.c.Email,
	)
	return r.Replace(s)
}

// ---------------------------------------------------------------- dressing

var supportAgents []string

const supportAddr = "ShopKettle Support <support@shopkettle.com>"

var openers, closings map[string][]string

func signature(c *Cust) string {
	switch c.SigStyle {
	case 1:
		return fmt.Sprintf("-- \n%s | %s | %s\n%s", c.Name, c.Title, c.Org.Name, c.Phone)
	case 2:
		return fmt.Sprintf("%s\n%s\nhttps://%s", c.Name, c.Org.Name, c.Org.Store)
	case 3:
		return pick([]string{"Sent from my iPhone", "Sent from my iPhone", "Sent from my iPad"})
	case 4:
		return fmt.Sprintf("%s\n%s, %s\n%s", c.Name, c.Title, c.Org.Name, c.Phone)
	case 5:
		return fmt.Sprintf("%s\n%s · %s\n\nThis email and any files transmitted with it are confidential and intended solely for the use of the individual or entity to whom they are addressed.", c.Name, c.Org.Name, c.Phone)
	case 6:
		return pick([]string{"Get Outlook for iOS", "Get Outlook for Android", "Sent from my Galaxy", "Sent from Yahoo Mail for iPhone"})
	}
	return ""
}

// textBody assembles what the customer typed into a plain-text email body.
func textBody(c *Cust, lang string, parts []string, greet, signoff bool) string {
	var b strings.Builder
	if greet {
		b.WriteString(pick(openers[lang]))
		b.WriteString("\n\n")
	}
	// group the parts into one to three paragraphs
	para := between(1, 3)
	for i, p := range parts {
		if i > 0 {
			if len(p) > 300 || len(parts[i-1]) > 300 || (para > 1 && rng.IntN(len(parts)) < para) {
				b.WriteString("\n\n")
			} else {
				b.WriteString(" ")
			}
		}
		b.WriteString(p)
	}
	if signoff {
		b.WriteString("\n\n")
		b.WriteString(pick(closings[lang]))
		b.WriteString("\n")
		b.WriteString(c.First)
	}
	if sig := signature(c); sig != "" && chance(0.75) {
		b.WriteString("\n\n")
		b.WriteString(sig)
	}
	return b.String()
}

var htmlEsc = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "'", "&#39;", "\"", "&quot;")

// htmlify turns a plain body into the kind of HTML mail clients send.
func htmlify(plain string) string {
	var b strings.Builder
	if chance(0.5) {
		b.WriteString("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head><body>")
	} else {
		b.WriteString("<html><body style=\"font-family: Calibri, Arial, sans-serif; font-size: 11pt;\">")
	}
	useP := chance(0.5)
	for _, para := range strings.Split(plain, "\n\n") {
		lines := strings.Split(para, "\n")
		for i := range lines {
			lines[i] = htmlEsc.Replace(lines[i])
		}
		inner := strings.Join(lines, "<br>")
		if useP {
			b.WriteString("<p>" + inner + "</p>")
		} else {
			b.WriteString("<div dir=\"ltr\">" + inner + "</div><div>&nbsp;</div>")
		}
	}
	b.WriteString("</body></html>")
	s := b.String()
	if chance(0.5) {
		s = strings.Replace(s, ". ", ".&nbsp; ", 1)
	}
	return s
}

func quoteBlock(text string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if l == "" {
			lines[i] = ">"
		} else {
			lines[i] = "> " + l
		}
	}
	return strings.Join(lines, "\n")
}

// quoted appends an earlier message in Gmail, Outlook or Apple Mail style.
func quoted(top string, when time.Time, fromName, fromAddr, toName, toAddr, subject, earlier string) string {
	switch rng.IntN(3) {
	case 0: // Gmail
		return fmt.Sprintf("%s\n\nOn %s at %s, %s <%s> wrote:\n%s", top, when.Format("Mon, 2 Jan 2006"), when.Format("15:04"), fromName, fromAddr, quoteBlock(earlier))
	case 1: // Outlook
		return fmt.Sprintf("%s\n\n-----Original Message-----\nFrom: %s <%s>\nSent: %s\nTo: %s <%s>\nSubject: %s\n\n%s", top, fromName, fromAddr,
			when.Format("Monday, January 2, 2006 3:04 PM"), toName, toAddr, subject, earlier)
	default: // Apple Mail
		return fmt.Sprintf("%s\n\n> On %s, at %s, %s <%s> wrote:\n> \n%s", top, when.Format("2 Jan 2006"), when.Format("15:04"), fromName, fromAddr, quoteBlock(earlier))
	}
}

func forwarded(top string, when time.Time, fromName, fromAddr, toAddr, subject, text string) string {
	return fmt.Sprintf("%s\n\n---------- Forwarded message ---------\nFrom: %s <%s>\nDate: %s\nSubject: %s\nTo: <%s>\n\n%s", top, fromName, fromAddr,
		when.Format("Mon, 2 Jan 2006 at 15:04"), subject, toAddr, text)
}

var botGreetings []string

type botMiddle struct {
	Text    string
	Fillers []string // what the customer types back; "CAT" = the menu choice for the topic; nil = nothing
}

var botMiddles []botMiddle

func menuChoice(formTopic string) string {
	switch {
	case strings.Contains(formTopic, "Payment"):
		return pick([]string{"Payments", "payments"})
	case strings.Contains(formTopic, "Shipping"):
		return pick([]string{"Shipping", "shipping"})
	case strings.Contains(formTopic, "Billing"):
		return pick([]string{"Your plan", "your plan", "Payments"})
	case strings.Contains(formTopic, "Orders"):
		return pick([]string{"Orders", "orders"})
	}
	return pick([]string{"Something else", "something else", "none of those", "other"})
}

var agentLines, chatEnds []string

// chatBody builds a chat transcript around the customer's lines.
func chatBody(c *Cust, end time.Time, lines []string, formTopic string) string {
	n := len(lines)
	start := end.Add(-time.Duration(2+n*2+rng.IntN(6)) * time.Minute)
	t := start
	who := pick([]string{"Customer", "Customer", "Visitor", c.First})
	stamp := func() string {
		s := fmt.Sprintf("[%s] ", t.Format("15:04"))
		t = t.Add(time.Duration(20+rng.IntN(90)) * time.Second)
		return s
	}
	x := ctx{c: c, t: end}
	var b strings.Builder
	if chance(0.3) {
		b.WriteString(fmt.Sprintf("Conversation started %s UTC via storefront admin widget\n", start.Format("2 Jan 2006 15:04")))
	}
	b.WriteString(stamp() + "Bot: " + pick(botGreetings) + "\n")
	b.WriteString(stamp() + who + ": " + lines[0] + "\n")
	mid := pick(botMiddles)
	b.WriteString(stamp() + "Bot: " + mid.Text + "\n")
	rest := lines[1:]
	if len(mid.Fillers) > 0 {
		f := pick(mid.Fillers)
		if f == "CAT" {
			f = menuChoice(formTopic)
		}
		b.WriteString(stamp() + who + ": " + f + "\n")
	}
	if chance(0.8) {
		agent := pick(supportAgents)
		b.WriteString(stamp() + "Bot: Connecting you with a member of our team. Typical wait: " + fmt.Sprint(between(2, 12)) + " min.\n")
		b.WriteString(stamp() + agent + " joined the conversation\n")
		b.WriteString(stamp() + "Agent (" + agent + "): " + fill(pick(agentLines), x) + "\n")
	}
	for _, l := range rest {
		b.WriteString(stamp() + who + ": " + l + "\n")
	}
	if e := pick(chatEnds); e != "" {
		b.WriteString(stamp() + fill(e, x) + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

var browsers []string

func apiBody(c *Cust, page, text string) string {
	return fmt.Sprintf("Submitted via: Admin › Help › Report a problem\nStore: %s\nPlan: %s\nPage: %s\nBrowser: %s\n\n%s", c.Org.Store, c.Org.Plan, page, pick(browsers), text)
}

func webBody(c *Cust, topic, text string) string {
	if chance(0.3) {
		return text
	}
	return fmt.Sprintf("Name: %s\nEmail: %s\nStore URL: %s\nWhat can we help with?: %s\n\nMessage:\n%s", c.Name, c.Email, c.Org.Store, topic, text)
}

func pickSource(w [4]float64) string {
	srcs := []string{"email", "web", "chat", "api"}
	return srcs[weekgen.Weighted(rng, w[:])]
}

// ---------------------------------------------------------------- incident text pools

type foreignMsg struct{ Lang, Subject, Body string }

type incPool struct {
	Subjects, Symptoms, Context, Asks []string
	ChatFirst                         []string // short first lines typed into chat
	Late                              []string // lines written after the provider's fix started to land
	Shopper                           []string // shopper complaints that merchants forward
	ShopperSubj                       []string
	Foreign                           []foreignMsg
	Long                              []string
	Page, FormTopic                   string
}

var commonAsks, incFollowups []string

var foreignFollowups map[string][]string

var supportAck string

// ---- inc-order-emails: transactional email provider stalls, order emails not sent

var poolEmails incPool

// ---- inc-payments-checkout: payment gateway failures; symptom A checkout, symptom B plan renewals

var poolCheckout, poolRenewal incPool

var billingFailedMail string

// ---- inc-cdn-images: CDN edge errors; symptom A storefront images, symptom B admin dashboard assets

var poolImages, poolAdmin incPool

// ---- inc-label-purchase: shipping-label API fails to create labels

var poolLabels incPool

// ---- inc-tracking-stale: shipping-label API tracking events delayed

var poolTracking incPool

// ---- inc-discount-bug: ShopKettle's own release breaks minimum-spend discount codes

var poolDiscount incPool

// ---------------------------------------------------------------- background topics

type Topic struct {
	Key       string
	Weight    float64
	FormTopic string
	Page      string
	Subjects  []string
	Core      []string
	Extra     []string
	Chat      []string // optional short chat openers
}

var bgTopics []Topic

// foreign-language background, written whole
var bgForeign []foreignMsg

var autoReplies []struct{ Subj, Body string }

var bounces []struct{ From, Name, Subj, Body string }

// ---------------------------------------------------------------- hard negatives: individual problems that read like an outage

var hardTopics []Topic

var hardForeign []foreignMsg

// ---------------------------------------------------------------- look-alikes: same feature as an incident, inside its window, different problem

type lookAlike struct{ Subj, Body string }

var lookCheckout, lookEmails, lookImages, lookLabels, lookTracking, lookDiscount []lookAlike

// ---------------------------------------------------------------- provider status pages

// statusUpdates are the providers' status-page posts from texts.json, in the
// order they were written there; a "note" on an update is for the reader only.
var statusUpdates []weekgen.Update

func buildUpdates() []weekgen.Update {
	sort.SliceStable(statusUpdates, func(i, j int) bool { return statusUpdates[i].At < statusUpdates[j].At })
	return statusUpdates
}

// ---------------------------------------------------------------- building tickets

var tickets []*Ticket

type opts struct {
	label     string
	formTopic string
	page      string
	src       [4]float64
	angry     bool
	long      []string // rambling paragraphs available for a long body
	shopper   []string
	shopSubj  []string
	chatFirst *deck
}

var ramble []string

var custCount = map[*Cust]int{}

func newTicket(c *Cust, t time.Time, label, source, subj, body string) *Ticket {
	custCount[c]++
	tk := &Ticket{at: t, Ticket: weekgen.Ticket{Subject: subj, Body: body, Source: source, CustomerEmail: c.Email, CustomerName: c.Name, Org: c.Org.Name, Label: label}}
	tickets = append(tickets, tk)
	return tk
}

// compose dresses a customer's message for its source, with realistic noise.
func compose(c *Cust, t time.Time, m Msg, o opts) *Ticket {
	st := pickStyle(o.angry)
	parts := applyStyle(st, m.Parts)
	subj := m.Subject
	if st.lower && chance(0.5) {
		subj = strings.ToLower(subj)
	}
	if st.shout && chance(0.5) {
		subj = strings.ToUpper(subj)
	}
	if chance(0.06) && subj != "" {
		subj = typo(subj)
	}
	lang := m.Lang
	if lang == "" {
		lang = "en"
	}
	src := pickSource(o.src)
	switch src {
	case "chat":
		lines := parts
		if o.chatFirst != nil && chance(0.6) {
			lines = append([]string{applyStyle(st, []string{o.chatFirst.next()})[0]}, parts...)
		}
		if len(lines) > 4 {
			lines = lines[:4]
		}
		s := pick([]string{"Chat with " + c.Name, "Live chat – " + c.Name, "New conversation from " + c.First, "", "Chat: " + trunc(lines[0], 50)})
		return newTicket(c, t, o.label, "chat", s, chatBody(c, t, lines, o.formTopic))
	case "web":
		text := strings.Join(parts, " ")
		if chance(0.4) {
			text = pick(openers[lang]) + " " + text
		}
		if chance(0.2) {
			subj = "[Contact form] " + o.formTopic
		}
		return newTicket(c, t, o.label, "web", subj, webBody(c, o.formTopic, text))
	case "api":
		if chance(0.5) {
			subj = "In-app report: " + subj
		}
		return newTicket(c, t, o.label, "api", subj, apiBody(c, o.page, strings.Join(parts, " ")))
	}
	// email
	x := ctx{c: c, t: t}
	if len(o.long) > 0 && chance(0.05) {
		// a very long rambling body
		lead := pick(o.long)
		extra := []string{fill(lead, x)}
		for _, i := range rng.Perm(len(ramble)) {
			if len(strings.Join(extra, " ")) > 1500 {
				break
			}
			if ramble[i] != lead {
				extra = append(extra, ramble[i])
			}
		}
		parts = append(parts[:1:1], append(extra, parts[1:]...)...)
	}
	if len(o.shopper) > 0 && chance(0.12) {
		tops := []string{"See below - {n}th one of these today.", "FYI another one. What is going on?", "Forwarding this from a customer.", "Please see below.",
			"Got this from a customer just now.", "another customer complaint below", "Can you look at this? Customer email below."}
		top := fill(pick(tops), x)
		if len(parts) > 0 {
			top += "\n\n" + parts[0]
		}
		sh := fill(pick(o.shopper), x)
		shName := pick(firstNames) + " " + pick(lastNames)
		shAddr := strings.ToLower(strings.ReplaceAll(asciiFold(shName), " ", ".")) + "@" + pick(freemail)
		shSubj := pick(o.shopSubj)
		body := forwarded(top, t.Add(-time.Duration(between(5, 50))*time.Minute), shName, shAddr, "hello@"+c.Org.Domain, shSubj, sh)
		return newTicket(c, t, o.label, "email", "Fwd: "+shSubj, body)
	}
	body := textBody(c, lang, parts, chance(0.75), chance(0.7))
	switch {
	case chance(0.04) && subj != "":
		body = "" // subject-only
	case chance(0.04):
		subj = "" // body-only
	}
	if chance(0.035) && body != "" {
		// replying to an unrelated newsletter to reach a human
		nl := "ShopKettle May product update\n\nNew this month: gift card designs, a faster theme editor and bulk-edit for product tags. Read the full changelog: https://shopkettle.com/changelog\n\nYou're receiving this because you have a ShopKettle store. Unsubscribe: https://shopkettle.com/u"
		body = quoted(body, t.AddDate(0, 0, -between(2, 6)), "ShopKettle", "news@shopkettle.com", c.Name, c.Email, "What's new at ShopKettle – May", nl)
		subj = "Re: What's new at ShopKettle – May"
	}
	if chance(0.10) && body != "" {
		body = htmlify(body)
	}
	return newTicket(c, t, o.label, "email", subj, body)
}

func trunc(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// ---------------------------------------------------------------- incidents

type incDef struct {
	label     string
	start     time.Time
	curve     []pt
	n         int
	followups int
	pools     []*incPool
	poolW     []float64
	lateAfter time.Time
	angry     bool
	src       [4]float64
}

var poolUse = map[string]int{}

func incidentTimes(d incDef) []time.Time {
	return sampleCurve(d.start, d.curve, d.n-d.followups)
}

func buildIncident(d incDef, times []time.Time) []*Ticket {
	decks := func(get func(*incPool) []string) map[*incPool]*deck {
		m := map[*incPool]*deck{}
		for _, p := range d.pools {
			if xs := get(p); len(xs) > 0 {
				m[p] = newDeck(xs)
			}
		}
		return m
	}
	sym := decks(func(p *incPool) []string { return p.Symptoms })
	ctxd := decks(func(p *incPool) []string { return p.Context })
	ask := decks(func(p *incPool) []string { return append(append([]string{}, p.Asks...), commonAsks...) })
	subj := decks(func(p *incPool) []string { return p.Subjects })
	chat := decks(func(p *incPool) []string { return p.ChatFirst })
	late := decks(func(p *incPool) []string { return p.Late })
	usedForeign := map[string]bool{}
	reporters := map[*Cust]bool{}
	var out []*Ticket
	for _, t := range times {
		// which symptom
		p := d.pools[0]
		if len(d.pools) > 1 {
			tot := 0.0
			for _, w := range d.poolW {
				tot += w
			}
			x := rng.Float64() * tot
			for j, w := range d.poolW {
				if x < w {
					p = d.pools[j]
					break
				}
				x -= w
			}
		}
		c := pickCust(reporters, nil)
		reporters[c] = true
		poolUse[p.FormTopic+" ("+d.label+")"]++
		x := ctx{c: c, t: t, since: d.start}
		o := opts{label: d.label, formTopic: p.FormTopic, page: p.Page, src: d.src, angry: d.angry, long: p.Long, shopper: p.Shopper, shopSubj: p.ShopperSubj, chatFirst: chat[p]}
		// foreign-language reporters write in their language when a text exists
		if c.Org.Lang != "en" && chance(0.85) {
			var f *foreignMsg
			for k := range p.Foreign {
				if p.Foreign[k].Lang == c.Org.Lang && !usedForeign[p.Foreign[k].Subject] {
					f = &p.Foreign[k]
					break
				}
			}
			if f != nil {
				usedForeign[f.Subject] = true
				src := "email"
				body := f.Body
				if chance(0.3) {
					src = "web"
					body = webBody(c, p.FormTopic, f.Body)
				} else if sig := signature(c); sig != "" {
					body += "\n" + c.First + "\n\n" + sig
				}
				out = append(out, newTicket(c, t, d.label, src, f.Subject, body))
				continue
			}
		}
		var parts []string
		s := fill(subj[p].next(), x)
		if !d.lateAfter.IsZero() && t.After(d.lateAfter) && late[p] != nil && chance(0.45) {
			parts = append(parts, fill(late[p].next(), x))
			s = pick([]string{"Update: ", "Re: ", "Re: ", "Follow-up: "}) + s
		} else {
			parts = append(parts, fill(sym[p].next(), x))
			if chance(0.55) {
				parts = append(parts, fill(sym[p].next(), x))
			}
		}
		for k := between(0, 2); k > 0; k-- {
			if ctxd[p] != nil && chance(0.7) {
				parts = append(parts, fill(ctxd[p].next(), x))
			}
		}
		if chance(0.65) {
			parts = append(parts, fill(ask[p].next(), x))
		}
		// plan renewals: many reply to the billing email they just received
		if p == &poolRenewal && chance(0.4) {
			top := textBody(c, "en", applyStyle(pickStyle(d.angry), parts), chance(0.5), chance(0.6))
			bill := fill(billingFailedMail, x)
			body := quoted(top, t.Add(-time.Duration(between(3, 40))*time.Minute), "ShopKettle Billing", "billing@shopkettle.com", c.Name, c.Email,
				"Action needed: payment for your ShopKettle plan failed", bill)
			out = append(out, newTicket(c, t, d.label, "email", "Re: Action needed: payment for your ShopKettle plan failed", body))
			continue
		}
		out = append(out, compose(c, t, Msg{Subject: s, Parts: parts}, o))
	}
	// follow-ups from earlier reporters: "any update??"
	fu := newDeck(incFollowups)
	cand := rng.Perm(len(out))
	made := 0
	last := times[len(times)-1]
	for _, k := range cand {
		if made >= d.followups {
			break
		}
		orig := out[k]
		if orig.Source == "api" || orig.at.Add(30*time.Minute).After(last) {
			continue
		}
		var c *Cust
		for _, cc := range allCusts {
			if cc.Email == orig.CustomerEmail {
				c = cc
				break
			}
		}
		t := orig.at.Add(time.Duration(between(20, 75)) * time.Minute)
		if t.After(last) {
			t = last.Add(-time.Duration(between(1, 10)) * time.Minute)
		}
		line := fu.next()
		for _, p := range d.pools {
			for _, f := range p.Foreign {
				if f.Subject == orig.Subject {
					line = pick(foreignFollowups[f.Lang])
				}
			}
		}
		if orig.Source == "chat" {
			lines := []string{"hi again, I was on chat earlier about the same problem", line}
			out = append(out, newTicket(c, t, d.label, "chat", "Chat with "+c.Name, chatBody(c, t, lines, d.pools[0].FormTopic)))
		} else {
			origText := orig.Body
			if strings.HasPrefix(origText, "<html>") || origText == "" {
				origText = orig.Subject
			}
			earlier := supportAck + "\n\n--- Your request ---\n" + trunc(origText, 600)
			subj := orig.Subject
			if subj == "" {
				subj = "Your request"
			}
			body := quoted(applyStyle(pickStyle(true), []string{line})[0]+"\n\n"+c.First, orig.at.Add(time.Minute), "ShopKettle Support", "support@shopkettle.com",
				c.Name, c.Email, "[ShopKettle] Request received: "+subj, earlier)
			out = append(out, newTicket(c, t, d.label, "email", "Re: [ShopKettle] Request received: "+subj, body))
		}
		made++
	}
	return out
}

// ---------------------------------------------------------------- background, hard negatives, look-alikes

type answer struct {
	Text    string
	Topics  string
	Replies []string
}

var supportAnswers []answer

var bgFollowups []string

var bgSrc = [4]float64{0.5, 0.25, 0.15, 0.10}

type topicDecks struct {
	subj, core, extra, chat *deck
}

func topicDecksFor(ts []Topic) []topicDecks {
	out := make([]topicDecks, len(ts))
	for i, t := range ts {
		out[i].subj = newDeck(t.Subjects)
		out[i].core = newDeck(t.Core)
		out[i].extra = newDeck(t.Extra)
		if len(t.Chat) > 0 {
			out[i].chat = newDeck(t.Chat)
		}
	}
	return out
}

func pickTopic(ts []Topic, allow func(Topic) bool) int {
	var ok func(int) bool
	if allow != nil {
		ok = func(i int) bool { return allow(ts[i]) }
	}
	return pickWeighted(len(ts), func(i int) float64 { return ts[i].Weight }, ok)
}

func topicTicket(ts []Topic, dk []topicDecks, i int, c *Cust, t time.Time, label string) *Ticket {
	tp := ts[i]
	x := ctx{c: c, t: t, since: t}
	core := dk[i].core.next()
	subj := ""
	if k := strings.Index(core, "::"); k >= 0 {
		if chance(0.75) {
			subj = pick(strings.Split(core[:k], "|"))
		} else {
			subj = pick(tp.Subjects)
		}
		core = core[k+2:]
	} else {
		subj = dk[i].subj.next()
	}
	subj = fill(subj, x)
	parts := []string{fill(core, x)}
	for k := between(0, 2); k > 0; k-- {
		if chance(0.6) {
			parts = append(parts, fill(dk[i].extra.next(), x))
		}
	}
	angry := label == "hard-negative"
	// a reply to an earlier answer from support
	var fits []answer
	for _, a := range supportAnswers {
		if strings.Contains(" "+a.Topics+" ", " "+tp.Key+" ") {
			fits = append(fits, a)
		}
	}
	if label == "background" && len(fits) > 0 && chance(0.15) {
		agent := pick(supportAgents)
		a := pick(fits)
		ans := strings.ReplaceAll(fill(a.Text, x), "{agent}", agent)
		line := strings.ReplaceAll(fill(pick(a.Replies), x), "{agent}", agent)
		top := textBody(c, "en", applyStyle(pickStyle(false), []string{line}), chance(0.3), chance(0.6))
		when := officeHours(t.Add(-time.Duration(between(40, 60*30)) * time.Minute))
		if !when.Before(t) {
			when = t.Add(-time.Duration(between(30, 90)) * time.Minute)
		}
		body := quoted(top, when, agent+" (ShopKettle Support)", "support@shopkettle.com", c.Name, c.Email, "Re: "+subj, ans)
		if chance(0.1) {
			body = htmlify(body)
		}
		return newTicket(c, t, label, "email", "Re: "+subj, body)
	}
	o := opts{label: label, formTopic: tp.FormTopic, page: tp.Page, src: bgSrc, angry: angry, long: nil}
	switch tp.Key {
	case "thanks":
		o.src = [4]float64{1, 0, 0, 0}
	case "sales-pitch":
		o.src = [4]float64{0.7, 0.3, 0, 0}
	}
	if chance(0.5) {
		o.long = ramble
	}
	if dk[i].chat != nil {
		o.chatFirst = dk[i].chat
	}
	return compose(c, t, Msg{Subject: subj, Parts: parts}, o)
}

// officeHours moves a support agent's reply into the desk's staffed hours (07-22 UTC).
func officeHours(t time.Time) time.Time {
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, utc)
	switch h := t.Hour(); {
	case h < 7:
		return d.Add(-24*time.Hour + time.Duration(between(16*60, 21*60))*time.Minute)
	case h >= 22:
		return d.Add(time.Duration(between(19*60, 21*60+50)) * time.Minute)
	}
	return t
}

func foreignTicket(f foreignMsg, t time.Time, label string) *Ticket {
	c := pickCust(nil, func(o *Org) bool { return o.Lang == f.Lang })
	body := f.Body
	if sig := signature(c); sig != "" && chance(0.6) {
		body += "\n\n" + sig
	}
	src := "email"
	if chance(0.3) {
		src = "web"
		body = webBody(c, "—", f.Body)
	}
	return newTicket(c, t, label, src, f.Subject, body)
}

func autoReply(t time.Time) *Ticket {
	c := pickCust(nil, nil)
	a := pick(autoReplies)
	x := ctx{c: c, t: t}
	body := strings.ReplaceAll(fill(a.Body, x), "{phone}", c.Phone)
	return newTicket(c, t, "background", "email", a.Subj, body)
}

func bounce(t time.Time) *Ticket {
	c := pickCust(nil, nil)
	b := pick(bounces)
	bad := strings.Replace(c.Email, "@", ".old@", 1)
	if chance(0.5) {
		bad = "orders@" + c.Org.Domain
	}
	from := strings.ReplaceAll(b.From, "{domain}", c.Org.Domain)
	body := strings.ReplaceAll(b.Body, "{bad}", bad)
	tk := &Ticket{at: t, Ticket: weekgen.Ticket{Subject: b.Subj, Body: body, Source: "email", CustomerEmail: from, CustomerName: b.Name, Org: "", Label: "background"}}
	tickets = append(tickets, tk)
	return tk
}

func lookTicket(l lookAlike, t time.Time, page, topic string) *Ticket {
	c := pickCust(nil, nil)
	x := ctx{c: c, t: t}
	parts := []string{fill(l.Body, x)}
	if chance(0.4) {
		parts = append(parts, fill(pick([]string{"Thanks!", "Store: {store}.", "Not urgent.", "Cheers.", "Sorry if this is a silly question."}), x))
	}
	return compose(c, t, Msg{Subject: fill(l.Subj, x), Parts: parts}, opts{label: "look-alike", formTopic: topic, page: page, src: bgSrc})
}

func uniformIn(a, b time.Time) time.Time {
	return a.Add(time.Duration(rng.Int64N(int64(b.Sub(a)/time.Second))) * time.Second)
}

// ---------------------------------------------------------------- main

func main() {
	loadTexts()
	out := flag.String("out", "scenarios/shopkettle", "folder to write tickets.jsonl and updates.jsonl into")
	flag.Parse()
	buildCustomers()

	incs := []incDef{
		{label: "inc-order-emails", start: at(0, 9, 50), n: 46, followups: 4, pools: []*incPool{&poolEmails}, poolW: []float64{1},
			curve:     []pt{{0, 0.3}, {20, 0.8}, {45, 1.4}, {90, 1.5}, {120, 1.0}, {150, 0.6}, {190, 0.3}, {210, 0.05}},
			lateAfter: at(0, 11, 55), src: [4]float64{0.55, 0.2, 0.15, 0.1}},
		{label: "inc-payments-checkout", start: at(1, 14, 2), n: 146, followups: 11, pools: []*incPool{&poolCheckout, &poolRenewal}, poolW: []float64{0.76, 0.24},
			curve:     []pt{{0, 0.5}, {10, 2}, {30, 4}, {60, 5}, {90, 4}, {120, 2.5}, {140, 1}, {160, 0.2}},
			lateAfter: at(1, 16, 8), angry: true, src: [4]float64{0.45, 0.2, 0.25, 0.1}},
		{label: "inc-cdn-images", start: at(2, 10, 31), n: 67, followups: 5, pools: []*incPool{&poolImages, &poolAdmin}, poolW: []float64{0.7, 0.3},
			curve:     []pt{{0, 0.3}, {15, 0.6}, {40, 0.9}, {67, 1.3}, {95, 2.5}, {105, 2.3}, {125, 0.9}, {145, 0.2}, {150, 0.05}},
			lateAfter: at(2, 11, 45), src: [4]float64{0.45, 0.2, 0.2, 0.15}},
		{label: "inc-label-purchase", start: at(3, 15, 31), n: 38, followups: 3, pools: []*incPool{&poolLabels}, poolW: []float64{1},
			curve:     []pt{{0, 0.5}, {20, 1.5}, {50, 2}, {90, 1.2}, {110, 0.4}, {115, 0.1}},
			lateAfter: at(3, 17, 6), angry: true, src: [4]float64{0.45, 0.2, 0.2, 0.15}},
		{label: "inc-tracking-stale", start: at(5, 10, 12), n: 22, followups: 2, pools: []*incPool{&poolTracking}, poolW: []float64{1},
			curve:     []pt{{0, 0.4}, {40, 1}, {120, 1}, {200, 0.5}, {260, 0.1}},
			lateAfter: at(5, 13, 35), src: [4]float64{0.5, 0.25, 0.15, 0.1}},
	}
	type window struct{ a, b time.Time }
	windows := map[string]window{}
	for _, d := range incs {
		times := incidentTimes(d)
		buildIncident(d, times)
		windows[d.label] = window{times[0], times[len(times)-1]}
	}
	// Fri: ShopKettle's own release breaks minimum-spend discount codes; a slow trickle all day, no provider.
	{
		d := incDef{label: "inc-discount-bug", start: at(4, 8, 10), n: 26, followups: 1, pools: []*incPool{&poolDiscount}, poolW: []float64{1}, src: [4]float64{0.5, 0.25, 0.15, 0.1}}
		var times []time.Time
		t := d.start.Add(time.Duration(rng.IntN(50)) * time.Second)
		for len(times) < d.n-d.followups {
			times = append(times, t)
			t = t.Add(time.Duration(between(20, 45))*time.Minute + time.Duration(rng.IntN(60))*time.Second)
		}
		buildIncident(d, times)
		windows[d.label] = window{times[0], times[len(times)-1]}
	}

	// background: the everyday trickle, every day, including during the incidents
	perDay := []int{80, 82, 80, 78, 74, 40, 36}
	bgDecks := topicDecksFor(bgTopics)
	maintA, maintB := at(3, 0, 45), at(3, 3, 15)
	fi := rng.Perm(len(bgForeign))
	fiPos := 0
	var bgList []*Ticket
	for day, n := range perDay {
		for _, t := range spreadDay(day, n) {
			var tk *Ticket
			switch r := rng.Float64(); {
			case r < 0.035:
				tk = autoReply(t)
			case r < 0.055:
				tk = bounce(t)
			case r < 0.075 && fiPos < len(fi):
				tk = foreignTicket(bgForeign[fi[fiPos]], t, "background")
				fiPos++
			default:
				inMaint := !t.Before(maintA) && t.Before(maintB)
				i := pickTopic(bgTopics, func(tp Topic) bool { return !(inMaint && tp.Key == "domain") })
				tk = topicTicket(bgTopics, bgDecks, i, pickCust(nil, nil), t, "background")
			}
			bgList = append(bgList, tk)
		}
	}
	// a few background follow-ups ("did you get my email?")
	for made, tries := 0, 0; made < 9 && tries < 500; tries++ {
		orig := pick(bgList)
		if orig.Org == "" || orig.Source != "email" || orig.Subject == "" || strings.HasPrefix(orig.Subject, "Automatic") || strings.HasPrefix(orig.Subject, "Out of") {
			continue
		}
		t := orig.at.Add(time.Duration(between(90, 400)) * time.Minute)
		if !t.Before(weekEnd) {
			continue
		}
		var c *Cust
		for _, cc := range allCusts {
			if cc.Email == orig.CustomerEmail {
				c = cc
			}
		}
		if c == nil {
			continue
		}
		text := orig.Body
		if strings.HasPrefix(text, "<html>") || text == "" {
			text = orig.Subject
		}
		body := quoted(pick(bgFollowups)+"\n\n"+c.First, orig.at, c.Name, c.Email, "ShopKettle Support", "support@shopkettle.com", orig.Subject, trunc(text, 500))
		newTicket(c, t, "background", "email", "Re: "+orig.Subject, body)
		made++
	}

	// hard negatives: 30 inside incident windows, the rest spread across the week
	hdDecks := topicDecksFor(hardTopics)
	login := map[string]bool{"forgot-password": true, "reset-expired": true, "locked": true, "2fa": true, "only-me": true, "sso": true, "invite": true, "wrong-email": true, "reset-not-arriving": true, "shopper-login": true}
	byKey := func(k string) int {
		for i, t := range hardTopics {
			if t.Key == k {
				return i
			}
		}
		panic(k)
	}
	loginExcept := func(ex ...string) func(Topic) bool {
		return func(tp Topic) bool {
			for _, e := range ex {
				if tp.Key == e {
					return false
				}
			}
			return login[tp.Key]
		}
	}
	placeHard := func(w window, fixed []string, nLogin int, allow func(Topic) bool) {
		for _, k := range fixed {
			topicTicket(hardTopics, hdDecks, byKey(k), pickCust(nil, nil), uniformIn(w.a, w.b), "hard-negative")
		}
		for i := 0; i < nLogin; i++ {
			topicTicket(hardTopics, hdDecks, pickTopic(hardTopics, allow), pickCust(nil, nil), uniformIn(w.a, w.b), "hard-negative")
		}
	}
	placeHard(windows["inc-payments-checkout"], []string{"renewal-own-card", "renewal-own-card", "renewal-own-card", "renewal-own-card", "store-paused", "store-paused"}, 8, loginExcept())
	placeHard(windows["inc-cdn-images"], []string{"domain-own", "domain-own", "store-paused", "only-me", "only-me"}, 5, loginExcept())
	placeHard(windows["inc-order-emails"], nil, 3, loginExcept("reset-not-arriving", "shopper-login", "invite"))
	placeHard(windows["inc-label-purchase"], nil, 2, loginExcept())
	placeHard(windows["inc-tracking-stale"], nil, 1, loginExcept())
	emailWin := windows["inc-order-emails"]
	for i := 0; i < 49; i++ {
		day := rng.IntN(7)
		if day >= 5 && chance(0.5) {
			day = rng.IntN(5)
		}
		t := sampleDayTime(day)
		inEmail := !t.Before(emailWin.a) && !t.After(emailWin.b.Add(time.Hour))
		i := pickTopic(hardTopics, func(tp Topic) bool {
			return !(inEmail && (tp.Key == "reset-not-arriving" || tp.Key == "shopper-login"))
		})
		topicTicket(hardTopics, hdDecks, i, pickCust(nil, nil), t, "hard-negative")
	}
	for _, f := range hardForeign {
		foreignTicket(f, sampleDayTime(rng.IntN(5)), "hard-negative")
	}

	// look-alikes, inside the window of the incident whose feature they share
	placeLook := func(ls []lookAlike, w window, page, topic string) {
		for _, l := range ls {
			lookTicket(l, uniformIn(w.a.Add(4*time.Minute), w.b), page, topic)
		}
	}
	placeLook(lookCheckout, windows["inc-payments-checkout"], "/checkout", "Payments & checkout")
	placeLook(lookEmails, windows["inc-order-emails"], "/admin/settings/notifications", "Orders & notifications")
	placeLook(lookImages, windows["inc-cdn-images"], "/admin/products", "Storefront & themes")
	placeLook(lookLabels, windows["inc-label-purchase"], "/admin/orders/fulfill", "Shipping & fulfilment")
	placeLook(lookTracking, windows["inc-tracking-stale"], "/admin/orders", "Shipping & fulfilment")
	placeLook(lookDiscount, windows["inc-discount-bug"], "/admin/discounts", "Discounts & promotions")

	// order, number, write
	sort.SliceStable(tickets, func(i, j int) bool { return tickets[i].at.Before(tickets[j].at) })
	for i, tk := range tickets {
		tk.ID = fmt.Sprintf("SK-%d", 48210+i)
		tk.ReceivedAt = tk.at.Format(time.RFC3339)
	}
	ups := buildUpdates()
	weekgen.Must(weekgen.WriteWeek(*out, tickets, ups, weekgen.Format{}))
	counts := map[string]int{}
	for _, tk := range tickets {
		counts[tk.Label]++
	}
	weekgen.PrintCounts(os.Stderr, counts)
	fmt.Fprintf(os.Stderr, "%d updates, %d customers in %d orgs\n", len(ups), len(allCusts), len(orgs))
	var pu []string
	for k := range poolUse {
		pu = append(pu, k)
	}
	sort.Strings(pu)
	for _, k := range pu {
		fmt.Fprintf(os.Stderr, "  symptom pool %-50s %d first reports\n", k, poolUse[k])
	}
	for _, d := range []string{"inc-order-emails", "inc-payments-checkout", "inc-cdn-images", "inc-label-purchase", "inc-discount-bug", "inc-tracking-stale"} {
		w := windows[d]
		fmt.Fprintf(os.Stderr, "%-24s %s .. %s\n", d, w.a.Format(time.RFC3339), w.b.Format(time.RFC3339))
	}
}

// loadTexts fills the text tables from texts.json, which sits beside this file.
func loadTexts() {
	weekgen.Tables(weekgen.TextsFile(), map[string]any{
		"emojis": &emojis, "orgPrefixes": &orgPrefixes, "orgSuffixes": &orgSuffixes, "fixedOrgs": &fixedOrgs,
		"firstNames": &firstNames, "lastNames": &lastNames, "localNames": &localNames, "titles": &titles,
		"freemail": &freemail, "products": &products, "discountCodes": &discountCodes,
		"supportAgents": &supportAgents, "openers": &openers, "closings": &closings, "botGreetings": &botGreetings,
		"botMiddles": &botMiddles, "agentLines": &agentLines, "chatEnds": &chatEnds, "browsers": &browsers,
		"commonAsks": &commonAsks, "incFollowups": &incFollowups, "foreignFollowups": &foreignFollowups,
		"supportAck": &supportAck, "poolEmails": &poolEmails, "poolCheckout": &poolCheckout,
		"poolRenewal": &poolRenewal, "billingFailedMail": &billingFailedMail, "poolImages": &poolImages,
		"poolAdmin": &poolAdmin, "poolLabels": &poolLabels, "poolTracking": &poolTracking,
		"poolDiscount": &poolDiscount, "bgTopics": &bgTopics, "bgForeign": &bgForeign, "autoReplies": &autoReplies,
		"bounces": &bounces, "hardTopics": &hardTopics, "hardForeign": &hardForeign, "lookCheckout": &lookCheckout,
		"lookEmails": &lookEmails, "lookImages": &lookImages, "lookLabels": &lookLabels,
		"lookTracking": &lookTracking, "lookDiscount": &lookDiscount, "ramble": &ramble,
		"supportAnswers": &supportAnswers, "bgFollowups": &bgFollowups, "statusUpdates": &statusUpdates,
	})
}

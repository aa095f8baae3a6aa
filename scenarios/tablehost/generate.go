//go:build ignore

// generate.go writes the TableHost scenario: one invented week (Mon 7 Dec –
// Sun 13 Dec 2026) at the support desk of TableHost, a SaaS for restaurants:
// an online reservations widget, a host-stand tablet app, staff sign-in (SSO
// through an identity provider, PIN on the tablet), guest SMS confirmations
// and waitlist texts, deposits and no-show fees, a POS integration, menu and
// photo hosting, and email marketing.
//
//	cd scenarios/tablehost && go run generate.go
//
// Standard library and scenarios/internal/weekgen only; the seed is fixed, so
// reruns give identical bytes. The texts (names, ticket phrases, status-page
// posts) are in texts.json beside this file.
package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"sort"
	"strings"
	"time"

	"stormdesk/scenarios/internal/weekgen"
)

var r = rand.New(rand.NewPCG(20261207, 4242))

var week0 = time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC) // Monday

func at(day, h, m int) time.Time { return weekgen.At(week0, day, h, m) }

func pick[T any](xs []T) T { return weekgen.Pick(r, xs) }

func chance(p float64) bool { return weekgen.Chance(r, p) }

// ---------- customers ----------

type Cust struct{ Name, Email, Org, Role string }

type orgDef struct {
	Name, Domain string
	People       []string
}

var orgs []orgDef

var freeMail []string

func cust() Cust {
	o := pick(orgs)
	p := strings.Split(pick(o.People), "|")
	name := p[0]
	first := strings.ToLower(strings.Split(name, " ")[0])
	last := strings.ToLower(strings.Split(name, " ")[1])
	first = deaccent(first)
	last = deaccent(last)
	var email string
	switch r.IntN(6) {
	case 0:
		email = first + "." + last + "@" + pick(freeMail)
	case 1:
		email = first[:1] + last + "@" + o.Domain
	default:
		email = first + "@" + o.Domain
	}
	return Cust{name, email, o.Name, p[1]}
}

// custFor picks the writer a text names (signature or restaurant), else anyone.
func custFor(text string) Cust {
	tail := text
	if len(tail) > 80 {
		tail = tail[len(tail)-80:]
	}
	for pass := 0; pass < 3; pass++ {
		for _, o := range orgs {
			for _, pp := range o.People {
				name := strings.Split(pp, "|")[0]
				fn := strings.Split(name, " ")[0]
				hit := false
				switch pass {
				case 0:
					hit = strings.Contains(text, name)
				case 1:
					hit = strings.Contains(text, o.Name) || strings.Contains(text, o.Domain)
				case 2:
					hit = strings.Contains(tail, fn)
				}
				if hit {
					return custOf(o, pp)
				}
			}
		}
	}
	return cust()
}

func custOf(o orgDef, person string) Cust {
	p := strings.Split(person, "|")
	f := deaccent(strings.ToLower(strings.Split(p[0], " ")[0]))
	return Cust{p[0], f + "@" + o.Domain, o.Name, p[1]}
}

func deaccent(s string) string {
	rep := strings.NewReplacer("é", "e", "è", "e", "ü", "ue", "ö", "oe", "í", "i", "á", "a", "ó", "o", "ñ", "n", "ç", "c", "É", "E", "ä", "ae")
	return rep.Replace(s)
}

func first(c Cust) string { return strings.Split(c.Name, " ")[0] }

// ---------- style transforms ----------

func typo(s string, p float64) string {
	words := strings.Split(s, " ")
	for i, w := range words {
		if len(w) > 4 && chance(p) && !strings.ContainsAny(w, "@/:") {
			b := []rune(w)
			j := 1 + r.IntN(len(b)-2)
			switch r.IntN(3) {
			case 0:
				b[j], b[j+1] = b[j+1], b[j]
			case 1:
				b = append(b[:j], b[j+1:]...)
			default:
				b = append(b[:j+1], b[j:]...)
			}
			words[i] = string(b)
		}
	}
	return strings.Join(words, " ")
}

func sloppy(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer(".", "", ",", "", "'", "", "!", "", "?", "").Replace(s)
	return typo(s, 0.08)
}

func sig(c Cust) string {
	switch r.IntN(7) {
	case 0:
		return "\n\n" + c.Name + "\n" + c.Role + ", " + c.Org
	case 1:
		return "\n\nThanks,\n" + first(c)
	case 2:
		return "\n\n-- \n" + c.Name + " | " + strings.Title(c.Role) + "\n" + c.Org + "\nT: +44 20 7" + fmt.Sprintf("%03d %04d", r.IntN(1000), r.IntN(10000)) + "\n\nThis email and any attachments are confidential and intended solely for the addressee."
	case 3:
		return "\n\nSent from my iPhone"
	case 4:
		return "\n\n" + first(c) + "\n" + c.Org
	case 5:
		return ""
	default:
		return "\n\nCheers\n" + first(c) + " (" + c.Role + ")"
	}
}

var agents []string

const botName = "Basil"

func sentences(s string) []string {
	s = strings.ReplaceAll(s, "\n", " ")
	var out []string
	cur := ""
	for _, part := range strings.SplitAfter(s, ". ") {
		cur += part
		if len(cur) > 40 {
			out = append(out, strings.TrimSpace(cur))
			cur = ""
		}
	}
	if strings.TrimSpace(cur) != "" {
		out = append(out, strings.TrimSpace(cur))
	}
	return out
}

func chat(t time.Time, c Cust, body string) string {
	var b strings.Builder
	ts := func(off int) string { return t.Add(time.Duration(-off) * time.Second).Format("15:04:05") }
	ss := sentences(body)
	n := 60 + 30*len(ss)
	fmt.Fprintf(&b, "Chat started %s UTC via tablehost.app/help\n", t.Add(time.Duration(-n)*time.Second).Format("2006-01-02 15:04"))
	fmt.Fprintf(&b, "[%s] %s (bot): Hi %s! I'm Basil, TableHost's assistant 🍽️ What can I help with %s?\n", ts(n), botName, first(c), map[bool]string{true: "tonight", false: "today"}[t.Hour() >= 17])
	n -= 20
	fmt.Fprintf(&b, "[%s] %s: %s\n", ts(n), c.Name, ss[0])
	n -= 15
	fmt.Fprintf(&b, "[%s] %s (bot): %s\n", ts(n), botName, pick([]string{
		"I found an article that might help: \"Troubleshooting sign-in\". Did this answer your question?",
		"Here are some articles: \"Getting started with the host tablet\", \"Managing reservations\". Was that helpful?",
		"Sorry to hear that! Could you tell me a bit more?",
		"I can help with that. Have you tried refreshing the page or restarting the app?"}))
	n -= 15
	fmt.Fprintf(&b, "[%s] %s: %s\n", ts(n), c.Name, pick([]string{"no", "agent", "human please", "talk to a person", "no that doesnt help", "yes i tried"}))
	n -= 10
	ag := pick(agents)
	fmt.Fprintf(&b, "[%s] System: Transferring you to a member of our support team…\n", ts(n))
	n -= 20
	fmt.Fprintf(&b, "[%s] %s (TableHost Support): Hi %s, %s here. Sorry for the wait, what's going on?\n", ts(n), ag, first(c), ag)
	for _, s := range ss[1:] {
		n -= 25
		fmt.Fprintf(&b, "[%s] %s: %s\n", ts(n), c.Name, s)
	}
	if len(ss) == 1 {
		n -= 20
		fmt.Fprintf(&b, "[%s] %s: %s\n", ts(n), c.Name, "that's it really")
	}
	fmt.Fprintf(&b, "[%s] %s (TableHost Support): Thanks, let me look into this and I'll open a ticket for you.", ts(0), ag)
	return b.String()
}

func html(c Cust, body string) string {
	var b strings.Builder
	b.WriteString("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"><style>p{margin:0}</style></head><body><div dir=\"ltr\">")
	for _, p := range strings.Split(body, "\n") {
		if strings.TrimSpace(p) == "" {
			b.WriteString("<div><br></div>")
		} else {
			b.WriteString("<div>" + strings.ReplaceAll(strings.ReplaceAll(p, "&", "&amp;"), "<", "&lt;") + "</div>")
		}
	}
	b.WriteString("<div><br></div><div style=\"color:#888;font-size:11px\"><b>" + c.Name + "</b><br>" + c.Org + "</div></div></body></html>")
	return b.String()
}

func webform(c Cust, subj, body string) string {
	return fmt.Sprintf("Submitted via Help Center form\n\nName: %s\nRestaurant: %s\nEmail: %s\nTopic: %s\nDescription:\n%s\n\nBrowser: %s",
		c.Name, c.Org, c.Email, pick([]string{"Technical issue", "Other", "Reservations", "Account & login", "Billing", "Host tablet"}), body,
		pick([]string{"Chrome 131 / Windows 11", "Safari 18 / iPadOS 18.1", "Safari / macOS", "Edge 131", "TableHost Host app 5.12.0 (iPad)", "Firefox 133"}))
}

// render picks a format for a ticket and returns subject, body, source.
func render(t time.Time, c Cust, subj, body string, mix int) (string, string, string) {
	x := r.IntN(100)
	switch {
	case x < 36:
		return subj, body + sig(c), "email"
	case x < 50:
		return subj, chat(t, c, body), "chat"
	case x < 62:
		return subj, html(c, body), "email"
	case x < 74:
		return subj, webform(c, subj, body), "web"
	case x < 80 && mix > 0:
		return subj, "", "email" // subject only
	case x < 86:
		return "", body, pick([]string{"email", "web"}) // body only
	case x < 92:
		return strings.ToLower(subj), sloppy(body), pick([]string{"email", "chat", "web"})
	default:
		return subj, typo(body, 0.05) + sig(c), "api"
	}
}

// ---------- time sampling ----------

var hourW = []float64{0.2, 0.1, 0.05, 0.05, 0.05, 0.1, 0.3, 0.5, 0.8, 1.1, 1.4, 1.8, 2.2, 2.0, 1.6, 1.7, 2.4, 3.0, 3.4, 3.2, 2.7, 2.0, 1.2, 0.6}
var dayW = []float64{0.8, 0.9, 0.95, 1.0, 1.35, 1.5, 1.2}

func bgTime() time.Time {
	tot := 0.0
	for d := 0; d < 7; d++ {
		for h := 0; h < 24; h++ {
			tot += dayW[d] * hourW[h]
		}
	}
	x := r.Float64() * tot
	for d := 0; d < 7; d++ {
		for h := 0; h < 24; h++ {
			x -= dayW[d] * hourW[h]
			if x <= 0 {
				return at(d, h, 0).Add(time.Duration(r.IntN(3600)) * time.Second)
			}
		}
	}
	return at(6, 23, 0)
}

// burst: start, duration in minutes; density rises fast, decays slowly.
func burstTime(start time.Time, mins int) time.Time {
	u := r.Float64()
	var f float64
	if u < 0.25 {
		f = r.Float64() * 0.15
	} else {
		f = 0.1 + (r.Float64()*r.Float64())*0.9
	}
	return start.Add(time.Duration(f*float64(mins)*60) * time.Second)
}

func within(start time.Time, mins int) time.Time {
	return start.Add(time.Duration(r.IntN(mins*60)) * time.Second)
}

// ---------- output ----------

var tickets []weekgen.Ticket

func add(t time.Time, label, subj, body string, c Cust, mix int) {
	s, b, src := render(t, c, subj, body, mix)
	if s == "" && b == "" {
		s = subj
	}
	tickets = append(tickets, weekgen.Ticket{ReceivedAt: t.Format(time.RFC3339), Subject: s, Body: b, Source: src, CustomerEmail: c.Email, CustomerName: c.Name, Org: c.Org, Label: label})
}

func addRaw(t time.Time, label, subj, body, src string, c Cust) {
	tickets = append(tickets, weekgen.Ticket{ReceivedAt: t.Format(time.RFC3339), Subject: subj, Body: body, Source: src, CustomerEmail: c.Email, CustomerName: c.Name, Org: c.Org, Label: label})
}

func main() {
	loadTexts(weekgen.TextsFile())
	updates := makeUpdates()
	genIncidents()
	genHardNegatives()
	genLookAlikes()
	genBackground()
	sort.SliceStable(tickets, func(i, j int) bool { return tickets[i].ReceivedAt < tickets[j].ReceivedAt })
	for i := range tickets {
		tickets[i].ID = fmt.Sprintf("TH-%05d", 48100+i)
	}
	weekgen.Must(weekgen.WriteWeek(weekgen.Dir(), tickets, updates, weekgen.Format{}))
	counts := map[string]int{}
	for _, t := range tickets {
		counts[t.Label]++
	}
	weekgen.PrintCounts(os.Stdout, counts)
}

// loadTexts fills the text tables from file, texts.json in this file's folder.
func loadTexts(file string) {
	weekgen.Tables(file, map[string]any{
		"orgs": &orgs, "freeMail": &freeMail, "agents": &agents, "idpKit": &idpKit, "posKit": &posKit,
		"smsKit": &smsKit, "payKit": &payKit, "widgetKit": &widgetKit, "idpForeign": &idpForeign,
		"otherForeign": &otherForeign, "hardNegs": &hardNegs, "lookAlikes": &lookAlikes, "bg": &bg,
		"bgOpen": &bgOpen, "statusUpdates": &statusUpdates,
	})
}

// ---------- provider updates ----------

// statusUpdates are the providers' status-page posts from texts.json, in the
// order they were written there; a "note" on an update is for the reader only.
var statusUpdates []weekgen.Update

func makeUpdates() []weekgen.Update {
	sort.SliceStable(statusUpdates, func(i, j int) bool { return statusUpdates[i].At < statusUpdates[j].At })
	return statusUpdates
}

// ---------- incidents ----------

type kit struct {
	Subj, Open, Sym, Ctx, Ask []string
}

func compose(k kit, c Cust) (string, string) {
	var parts []string
	if chance(0.6) {
		parts = append(parts, pick(k.Open))
	}
	parts = append(parts, pick(k.Sym))
	if chance(0.45) {
		parts = append(parts, pick(k.Sym))
	}
	if chance(0.7) {
		parts = append(parts, pick(k.Ctx))
	}
	if chance(0.75) {
		parts = append(parts, pick(k.Ask))
	}
	seen := map[string]bool{}
	var out []string
	for _, p := range parts {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	sep := " "
	if chance(0.4) {
		sep = "\n\n"
	}
	body := strings.Join(out, sep)
	body = strings.ReplaceAll(body, "{org}", c.Org)
	return pick(k.Subj), body
}

var idpKit, posKit, smsKit, payKit, widgetKit kit

type foreign struct{ Subj, Body string }

var idpForeign []foreign

var otherForeign map[string][]foreign

func genKit(label string, k kit, start time.Time, mins, n int, followups int, foreign []foreign) {
	var firsts []weekgen.Ticket
	for i := 0; i < n; i++ {
		c := cust()
		t := burstTime(start, mins)
		if i < len(foreign) {
			c = custFor(foreign[i].Body)
			addRaw(t, label, foreign[i].Subj, foreign[i].Body, pick([]string{"email", "web"}), c)
			continue
		}
		s, b := compose(k, c)
		add(t, label, s, b, c, 1)
		if len(firsts) < followups && chance(0.5) {
			firsts = append(firsts, tickets[len(tickets)-1])
		}
	}
	for _, f := range firsts {
		ft, _ := time.Parse(time.RFC3339, f.ReceivedAt)
		t := ft.Add(time.Duration(15+r.IntN(40)) * time.Minute)
		prev := f.Body
		if len(prev) > 400 {
			prev = prev[:400] + "…"
		}
		quoted := "> " + strings.ReplaceAll(prev, "\n", "\n> ")
		body := pick([]string{"Any update on this? Still down.", "still the same here. Please respond", "Following up — it's been half an hour, we're still stuck.", "Hello?? Nobody has replied.", "Still happening. Is there a status page I can check?", "Update: tried again, same problem."})
		body += "\n\nOn " + ft.Format("Mon, 2 Jan 2006 at 15:04") + ", " + f.CustomerName + " <" + f.CustomerEmail + "> wrote:\n" + quoted
		subj := f.Subject
		if subj == "" {
			subj = "follow up"
		}
		tickets = append(tickets, weekgen.Ticket{ReceivedAt: t.Format(time.RFC3339), Subject: "Re: " + subj, Body: body, Source: "email", CustomerEmail: f.CustomerEmail, CustomerName: f.CustomerName, Org: f.Org, Label: label})
	}
}

func genIncidents() {
	genKit("inc-idp-outage", idpKit, at(4, 18, 5), 125, 110, 10, idpForeign)
	genKit("inc-pos-sync", posKit, at(1, 17, 30), 135, 41, 4, otherForeign["inc-pos-sync"])
	genKit("inc-sms-delay", smsKit, at(5, 12, 10), 150, 32, 3, otherForeign["inc-sms-delay"])
	genKit("inc-deposits", payKit, at(3, 16, 0), 120, 36, 4, otherForeign["inc-deposits"])
	// own bug, slow: spread over Wednesday.
	for i := 0; i < 22; i++ {
		c := cust()
		t := within(at(2, 8, 30), 14*60)
		s, b := compose(widgetKit, c)
		add(t, "inc-widget-fully-booked", s, b, c, 1)
	}
	// A forwarded guest complaint in the POS-free idp window and widget bug.
	c := cust()
	addRaw(at(2, 19, 12), "inc-widget-fully-booked", "Fwd: Booking for Saturday", "Forwarding this from a regular, is the website broken?\n\n---------- Forwarded message ---------\nFrom: Peter Lindqvist <p.lindqvist@gmail.com>\nSubject: Booking for Saturday\n\nHi, I tried to book a table for 4 on Saturday on your website but it says you're completely full at every time. Is that right? Last week there were lots of tables.\n\nPeter", "email", c)
}

// ---------- hard negatives ----------

// Each is written once, in its own voice. w is where it lands:
// "idp", "pos", "sms", "pay", "widget" = inside that incident's window, "" = anywhere.
type hn struct{ W, Subj, Body string }

var hardNegs []hn

func genHardNegatives() {
	win := map[string][2]time.Time{
		"idp":    {at(4, 18, 0), at(4, 20, 15)},
		"pos":    {at(1, 17, 25), at(1, 19, 45)},
		"sms":    {at(5, 12, 0), at(5, 14, 40)},
		"pay":    {at(3, 15, 50), at(3, 18, 0)},
		"widget": {at(2, 8, 30), at(2, 22, 30)},
	}
	for _, h := range hardNegs {
		var t time.Time
		if w, ok := win[h.W]; ok {
			t = w[0].Add(time.Duration(r.Int64N(int64(w[1].Sub(w[0])))))
		} else {
			t = bgTime()
		}
		c := custFor(h.Body)
		subj, body := h.Subj, h.Body
		src := pick([]string{"email", "email", "web", "chat", "api"})
		switch {
		case src == "chat" && body != "":
			body = chat(t, c, body)
		case src == "web" && body != "":
			body = webform(c, subj, body)
		case src == "email" && chance(0.3) && body != "":
			body = html(c, body)
		case chance(0.5) && body != "":
			body += sig(c)
		}
		addRaw(t, "hard-negative", subj, body, src, c)
	}
}

// ---------- look-alikes ----------

var lookAlikes []hn

func genLookAlikes() {
	win := map[string][2]time.Time{
		"idp":    {at(4, 18, 10), at(4, 20, 10)},
		"pos":    {at(1, 17, 35), at(1, 19, 40)},
		"sms":    {at(5, 12, 15), at(5, 14, 35)},
		"pay":    {at(3, 16, 5), at(3, 17, 55)},
		"widget": {at(2, 9, 0), at(2, 22, 0)},
	}
	for _, h := range lookAlikes {
		w := win[h.W]
		t := w[0].Add(time.Duration(r.Int64N(int64(w[1].Sub(w[0])))))
		c := custFor(h.Body)
		add(t, "look-alike", h.Subj, h.Body, c, 0)
	}
}

// ---------- background ----------

var bg []struct{ Subj, Body string }

func fill(s string, c Cust) string {
	rep := strings.NewReplacer(
		"{n}", fmt.Sprint(2+r.IntN(7)),
		"{month}", pick([]string{"October", "November", "September"}),
		"{vat}", fmt.Sprintf("GB%09d", r.IntN(1000000000)),
		"{city}", pick([]string{"Bristol", "Leeds", "Brighton", "Cork", "Lyon", "Hamburg", "Austin"}),
		"{day}", pick([]string{"Friday", "Saturday", "Sunday"}),
		"{date}", pick([]string{"19th", "20th", "22nd", "17th"}),
		"{email}", pick([]string{"j.murray@gmail.com", "annabel.k@outlook.com", "tomfrey@icloud.com"}),
		"{name1}", pick([]string{"Zach", "Holly", "Mo"}),
		"{name2}", pick([]string{"Ellie", "Raj", "Connor"}),
		"{agent}", pick(agents),
	)
	return rep.Replace(s)
}

var bgOpen []string

func genBackground() {
	for i := 0; i < 345; i++ {
		c := cust()
		t := bgTime()
		k := r.IntN(len(bg))
		b := bg[k]
		open := pick(bgOpen)
		if k >= len(bg)-4 { // already in German, French, Spanish or Italian
			open = ""
		}
		add(t, "background", fill(b.Subj, c), open+fill(b.Body, c), c, 1)
	}
	// auto-replies, bounces and noise.
	for i := 0; i < 14; i++ {
		c := cust()
		t := bgTime()
		ret := t.Add(time.Duration(24*(1+r.IntN(10))) * time.Hour).Format("Monday 2 January")
		addRaw(t, "background", "Automatic reply: "+pick([]string{"Your TableHost ticket", "Re: Your invoice", "TableHost: What's new in December", "Re: Christmas booking settings"}),
			pick([]string{"I am out of the office until " + ret + " with limited access to email. For urgent matters please call the restaurant.",
				"Thank you for your email. I'm on annual leave and will reply when I'm back. " + c.Org,
				"Grazie per la sua email. Sono fuori ufficio fino a " + ret + "."}), "email", c)
	}
	for i := 0; i < 9; i++ {
		t := bgTime()
		c := Cust{"Mail Delivery Subsystem", "mailer-daemon@" + pick([]string{"googlemail.com", "outlook.com", "mx.tablehost.app"}), "", ""}
		to := cust()
		addRaw(t, "background", pick([]string{"Undeliverable: Your TableHost reservation summary", "Delivery Status Notification (Failure)", "Mail delivery failed: returning message to sender"}),
			"This is an automatically generated Delivery Status Notification.\n\nDelivery to the following recipient failed permanently:\n\n     "+to.Email+"\n\nTechnical details of permanent failure:\n550 5.1.1 The email account that you tried to reach does not exist.\n\n----- Original message -----\nSubject: Your daily reservations summary – "+to.Org, "email", c)
	}
	for i := 0; i < 6; i++ {
		c := cust()
		subj, body := pick([]string{"", "?", "test", "hi"}), pick([]string{"", "test please ignore", "hello is anyone there", "sorry wrong button"})
		if subj == "" && body == "" {
			body = "hello?"
		}
		addRaw(bgTime(), "background", subj, body, pick([]string{"chat", "web"}), c)
	}
	for i := 0; i < 6; i++ {
		addRaw(bgTime(), "background", pick([]string{"Boost your restaurant's SEO today!", "Invoice #88321 overdue", "Partnership opportunity"}), "Dear Sir/Madam, we offer top quality services for restaurants. Reply for a free consultation.", "email", Cust{"Sales Team", "sales@" + pick([]string{"growfast-marketing.biz", "seo-restaurants.net", "leadsbox.io"}), "", ""})
	}
}

//go:build ignore

// Command generate writes the Pagewright week (Mon 18 – Sun 24 October 2027,
// UTC): tickets.jsonl and updates.jsonl. Every text comes from texts.json
// beside this file; this file holds only the schedule, the ticket formats and
// the seeded draws. Run it from the repository root or from this folder:
//
//	go run ./scenarios/pagewright/generate.go
package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"sort"
	"strings"
	"time"

	"stormdesk/scenarios/internal/weekgen"
)

// Pair is one subject with its body; Lang is set for non-English texts.
type Pair struct {
	Subject string `json:"subject"`
	Body    string `json:"body"`
	Lang    string `json:"lang,omitempty"`
}

// Org is a customer business or agency; its people share its domain.
type Org struct {
	Name   string `json:"name"`
	Domain string `json:"domain"`
	Size   int    `json:"size"`
	Lang   string `json:"lang,omitempty"`
}

// FreeDomain is a personal mail provider used by freelancers.
type FreeDomain struct {
	Domain string `json:"domain"`
	Lang   string `json:"lang,omitempty"`
}

// IncText is how customers word one incident.
type IncText struct {
	Subjects    []string `json:"subjects"`
	Bodies      []string `json:"bodies"`
	SubjectOnly []string `json:"subject_only"`
	Foreign     []Pair   `json:"foreign"`
	Followups   []string `json:"followups"`
	LookAlikes  []Pair   `json:"look_alikes"`
}

// Texts is the whole of texts.json.
type Texts struct {
	Orgs               []Org                    `json:"orgs"`
	FreeDomains        []FreeDomain             `json:"free_domains"`
	FirstNames         []string                 `json:"first_names"`
	LastNames          []string                 `json:"last_names"`
	SiteWords          []string                 `json:"site_words"`
	SiteTLDs           []string                 `json:"site_tlds"`
	Greetings          []string                 `json:"greetings"`
	Signoffs           []string                 `json:"signoffs"`
	BotNames           []string                 `json:"bot_names"`
	AgentNames         []string                 `json:"agent_names"`
	AgentLines         []string                 `json:"agent_lines"`
	Browsers           []string                 `json:"browsers"`
	FormTopics         []string                 `json:"form_topics"`
	Rambles            []string                 `json:"rambles"`
	PhoneSigs          []string                 `json:"phone_sigs"`
	Incidents          map[string]IncText       `json:"incidents"`
	LoginHardNegatives []Pair                   `json:"login_hard_negatives"`
	HardNegatives      []Pair                   `json:"hard_negatives"`
	Background         []Pair                   `json:"background"`
	Spam               []Pair                   `json:"spam"`
	Partnerships       []Pair                   `json:"partnerships"`
	AutoReplies        []Pair                   `json:"auto_replies"`
	Bounces            []Pair                   `json:"bounces"`
	ProviderIncidents  []weekgen.StatusIncident `json:"provider_incidents"`
}

// person is one reporter.
type person struct {
	first, last, email, org, site, lang string
}

// window is one incident's stretch of time on the customers' side.
type window struct {
	label        string
	start, end   time.Time
	originals    int
	followups    int
	lookAlikes   int
	frontLoaded  bool
	firstMinutes int // the first tickets arrive within this many minutes of start
}

// ticket is a generated ticket before ids are given out.
type ticket struct {
	weekgen.Ticket
	at time.Time
}

type gen struct {
	r      *rand.Rand
	tx     Texts
	people []person
	byLang map[string][]int
	out    []ticket
}

var start = time.Date(2027, 10, 18, 0, 0, 0, 0, time.UTC)

func main() {
	var tx Texts
	weekgen.ReadTexts(weekgen.TextsFile(), &tx)
	g := &gen{r: rand.New(rand.NewPCG(20271018, 7741)), tx: tx, byLang: map[string][]int{}}
	g.makePeople()

	windows := []window{
		{label: "inc-login-keyloft", start: weekgen.At(start, 1, 14, 4), end: weekgen.At(start, 1, 16, 12), originals: 118, followups: 22, lookAlikes: 8, frontLoaded: true, firstMinutes: 6},
		{label: "inc-images-cdn", start: weekgen.At(start, 2, 18, 36), end: weekgen.At(start, 2, 20, 26), originals: 40, followups: 4, lookAlikes: 7, frontLoaded: true, firstMinutes: 8},
		{label: "inc-dns-custom-domains", start: weekgen.At(start, 3, 9, 12), end: weekgen.At(start, 3, 11, 38), originals: 48, followups: 5, lookAlikes: 8, frontLoaded: true, firstMinutes: 7},
		{label: "inc-publish-revert", start: weekgen.At(start, 4, 7, 40), end: weekgen.At(start, 4, 19, 10), originals: 25, followups: 0, lookAlikes: 5},
		{label: "inc-form-emails", start: weekgen.At(start, 5, 10, 5), end: weekgen.At(start, 5, 13, 40), originals: 32, followups: 3, lookAlikes: 6},
	}
	for _, w := range windows {
		g.incident(w)
	}

	// Hard negatives: some inside the login outage's window, the rest over the week.
	login := windows[0]
	for range 10 {
		at := g.between(login.start, login.end)
		g.add(at, g.randomPerson(), weekgen.Pick(g.r, tx.LoginHardNegatives), "hard-negative", g.style(false))
	}
	allHN := append(append([]Pair{}, tx.HardNegatives...), tx.LoginHardNegatives...)
	for range 80 {
		g.add(g.weekTime(), g.randomPerson(), weekgen.Pick(g.r, allHN), "hard-negative", g.style(false))
	}

	// Background: everyday questions, spam, partnership offers, auto-replies, bounces.
	for range 455 {
		at := g.weekTime()
		switch weekgen.Weighted(g.r, []float64{0.84, 0.055, 0.025, 0.055, 0.025}) {
		case 0:
			g.add(at, g.randomPerson(), weekgen.Pick(g.r, tx.Background), "background", g.style(false))
		case 1:
			g.stranger(at, weekgen.Pick(g.r, tx.Spam), "web")
		case 2:
			g.stranger(at, weekgen.Pick(g.r, tx.Partnerships), "email")
		case 3:
			p := g.randomPerson()
			a := weekgen.Pick(g.r, tx.AutoReplies)
			g.raw(at, p, fill(a.Subject, p), fill(a.Body, p)+"\n\n"+p.first+" "+p.last, "email", "background")
		default:
			p := g.randomPerson()
			b := weekgen.Pick(g.r, tx.Bounces)
			g.raw(at, person{first: "Mail Delivery", last: "System", email: "mailer-daemon@" + hostOf(p), org: p.org, site: p.site}, fill(b.Subject, p), fill(b.Body, p), "email", "background")
		}
	}

	sort.SliceStable(g.out, func(i, j int) bool {
		if !g.out[i].at.Equal(g.out[j].at) {
			return g.out[i].at.Before(g.out[j].at)
		}
		return g.out[i].CustomerEmail < g.out[j].CustomerEmail
	})
	tickets := make([]weekgen.Ticket, len(g.out))
	counts := map[string]int{}
	for i, t := range g.out {
		t.ID = fmt.Sprintf("PW-%d", 61200+i)
		tickets[i] = t.Ticket
		counts[t.Label]++
	}

	ups := weekgen.StatusUpdates(tx.ProviderIncidents)

	weekgen.Must(weekgen.WriteWeek(weekgen.Dir(), tickets, ups, weekgen.Format{OmitEmptyOrg: true}))
	weekgen.PrintCounts(os.Stdout, counts)
}

// makePeople builds the reporters: staff of the businesses and agencies
// (sharing their domain) and freelancers on personal addresses.
func (g *gen) makePeople() {
	seen := map[string]bool{}
	addPerson := func(p person) {
		if seen[p.email] {
			return
		}
		seen[p.email] = true
		g.byLang[p.lang] = append(g.byLang[p.lang], len(g.people))
		g.people = append(g.people, p)
	}
	for _, o := range g.tx.Orgs {
		for i := range o.Size {
			first, last := weekgen.Pick(g.r, g.tx.FirstNames), weekgen.Pick(g.r, g.tx.LastNames)
			var local string
			switch {
			case i == 0 && weekgen.Chance(g.r, 0.3):
				local = weekgen.Pick(g.r, []string{"hello", "info", "office", "team"})
			case weekgen.Chance(g.r, 0.5):
				local = strings.ToLower(first)
			default:
				local = strings.ToLower(first[:1] + "." + strings.ReplaceAll(last, "'", ""))
			}
			addPerson(person{first: first, last: last, email: local + "@" + o.Domain, org: o.Name, site: o.Domain, lang: o.Lang})
		}
	}
	for range 75 {
		first, last := weekgen.Pick(g.r, g.tx.FirstNames), weekgen.Pick(g.r, g.tx.LastNames)
		fd := weekgen.Pick(g.r, g.tx.FreeDomains)
		l := strings.ToLower(strings.ReplaceAll(last, "'", ""))
		f := strings.ToLower(first)
		var local string
		switch weekgen.Between(g.r, 0, 3) {
		case 0:
			local = f + "." + l
		case 1:
			local = f + l + fmt.Sprint(weekgen.Between(g.r, 1, 99))
		case 2:
			local = f[:1] + l
		default:
			local = f + "_" + weekgen.Pick(g.r, g.tx.SiteWords)
		}
		site := f + l + weekgen.Pick(g.r, g.tx.SiteTLDs)
		if weekgen.Chance(g.r, 0.5) {
			site = f + "-" + weekgen.Pick(g.r, g.tx.SiteWords) + weekgen.Pick(g.r, g.tx.SiteTLDs)
		}
		addPerson(person{first: first, last: last, email: local + "@" + fd.Domain, site: site, lang: fd.Lang})
	}
}

func (g *gen) randomPerson() person { return weekgen.Pick(g.r, g.people) }

// personFor returns a reporter who writes in lang, if there is one.
func (g *gen) personFor(lang string) person {
	if ix := g.byLang[lang]; len(ix) > 0 {
		return g.people[weekgen.Pick(g.r, ix)]
	}
	return g.randomPerson()
}

// weekTime places an everyday ticket in the week: weekdays busier than the
// weekend, European and American working hours busier than the night.
func (g *gen) weekTime() time.Time {
	days := []float64{1.1, 1.05, 1.0, 1.0, 0.95, 0.5, 0.45}
	hours := []float64{0.2, 0.15, 0.1, 0.1, 0.15, 0.3, 0.6, 1.0, 1.5, 1.8, 1.9, 1.8, 1.6, 1.7, 1.8, 1.7, 1.5, 1.3, 1.1, 1.0, 0.9, 0.7, 0.5, 0.3}
	d := weekgen.Weighted(g.r, days)
	h := weekgen.Weighted(g.r, hours)
	return weekgen.At(start, d, h, g.r.IntN(60)).Add(time.Duration(g.r.IntN(60)) * time.Second)
}

// between returns a time drawn evenly from [a, b).
func (g *gen) between(a, b time.Time) time.Time {
	return a.Add(time.Duration(g.r.Int64N(int64(b.Sub(a)))))
}

// incTime places one incident ticket: front-loaded windows fill quickly and
// thin out towards the end; the others are spread evenly.
func (g *gen) incTime(w window, i int) time.Time {
	if i < 3 && w.firstMinutes > 0 {
		return w.start.Add(time.Duration(g.r.Int64N(int64(time.Duration(w.firstMinutes) * time.Minute))))
	}
	u := g.r.Float64()
	if w.frontLoaded && weekgen.Chance(g.r, 0.8) {
		// density falling linearly from the start to the end of the window
		u = 1 - math.Sqrt(1-u)
	}
	return w.start.Add(time.Duration(u * float64(w.end.Sub(w.start))))
}

func (g *gen) incident(w window) {
	it := g.tx.Incidents[w.label]
	bodyOrder := g.r.Perm(len(it.Bodies))
	subjOrder := g.r.Perm(len(it.Subjects))
	foreign := g.r.Perm(len(it.Foreign))
	type first struct {
		p       person
		at      time.Time
		subject string
		body    string
	}
	var firsts []first
	for i := range w.originals {
		at := g.incTime(w, i)
		var p person
		var subject, body string
		st := g.style(true)
		remaining := w.originals - i
		switch {
		case len(foreign) > 0 && g.r.IntN(remaining) < len(foreign):
			f := it.Foreign[foreign[0]]
			foreign = foreign[1:]
			p = g.personFor(f.Lang)
			subject, body = f.Subject, f.Body
			if st == styleSubjectOnly || st == styleChat {
				st = stylePlain
			}
		case len(it.SubjectOnly) > 0 && weekgen.Chance(g.r, 0.06):
			p = g.randomPerson()
			subject, st = weekgen.Pick(g.r, it.SubjectOnly), styleSubjectOnly
		default:
			p = g.randomPerson()
			subject = it.Subjects[subjOrder[i%len(subjOrder)]]
			body = it.Bodies[bodyOrder[i%len(bodyOrder)]]
			if st == styleSubjectOnly {
				body = ""
			}
		}
		t := g.add(at, p, Pair{Subject: subject, Body: body}, w.label, st)
		if st != styleChat && st != styleForm && st != styleHTML {
			firsts = append(firsts, first{p, at, t.Subject, t.Body})
		}
	}
	// Follow-ups: replies from earlier reporters quoting their first mail.
	order := g.r.Perm(len(firsts))
	n := 0
	for _, k := range order {
		if n == w.followups {
			break
		}
		f := firsts[k]
		at := f.at.Add(time.Duration(weekgen.Between(g.r, 14, 60))*time.Minute + time.Duration(g.r.IntN(60))*time.Second)
		if at.After(w.end.Add(15 * time.Minute)) {
			continue
		}
		n++
		text := weekgen.Pick(g.r, it.Followups)
		subject := f.subject
		if subject == "" {
			subject = "your ticket"
		}
		subject = weekgen.Pick(g.r, []string{"Re: ", "RE: ", "Re: [Pagewright Support] "}) + subject
		body := text + "\n\n" + f.p.first
		if f.body != "" {
			body += "\n\nOn " + f.at.Format("Mon, 2 Jan 2006 at 15:04") + ", " + f.p.first + " " + f.p.last + " <" + f.p.email + "> wrote:\n" + quote(f.body)
		}
		g.raw(at, f.p, subject, body, "email", w.label)
	}
	// Look-alikes: the same feature, a different problem, inside the window.
	la := g.r.Perm(len(it.LookAlikes))
	for i := range w.lookAlikes {
		g.add(g.between(w.start, w.end), g.randomPerson(), it.LookAlikes[la[i%len(la)]], "look-alike", g.style(false))
	}
}

const (
	stylePlain = iota
	styleHTML
	styleForm
	styleInApp
	styleChat
	styleSubjectOnly
	styleBodyOnly
)

// style draws how a ticket reaches the desk; incident reports come through
// chat and in-app reports a little more often.
func (g *gen) style(incident bool) int {
	if incident {
		return weekgen.Weighted(g.r, []float64{0.36, 0.12, 0.14, 0.13, 0.11, 0.05, 0.09})
	}
	return weekgen.Weighted(g.r, []float64{0.42, 0.14, 0.16, 0.08, 0.09, 0.03, 0.08})
}

// add renders pair for p in style st and appends the ticket.
func (g *gen) add(at time.Time, p person, pair Pair, label string, st int) weekgen.Ticket {
	subject, body := fill(pair.Subject, p), fill(pair.Body, p)
	if weekgen.Chance(g.r, 0.07) {
		subject, body = strings.ToLower(subject), strings.ToLower(body)
	}
	if weekgen.Chance(g.r, 0.15) {
		body = g.typo(body)
	}
	source := "email"
	switch st {
	case stylePlain:
		body = g.plain(p, body)
	case styleHTML:
		body = g.html(p, body)
	case styleForm:
		source = "web"
		subject = weekgen.Pick(g.r, []string{"[Contact form] ", "Support request: ", "Website enquiry - ", ""}) + subject
		body = fmt.Sprintf("Name: %s %s\nEmail: %s\nWebsite: https://%s\nTopic: %s\n\nMessage:\n%s", p.first, p.last, p.email, p.site, weekgen.Pick(g.r, g.tx.FormTopics), body)
	case styleInApp:
		source = "in-app"
		body = fmt.Sprintf("%s\n\n---\nReported from the Pagewright dashboard\nSite: %s\nBrowser: %s\nApp version: 6.%d.%d", body, p.site, weekgen.Pick(g.r, g.tx.Browsers), weekgen.Between(g.r, 13, 14), weekgen.Between(g.r, 0, 9))
	case styleChat:
		source = "chat"
		body = g.chat(at, p, body)
		subject = weekgen.Pick(g.r, []string{"Chat transcript", "", "Chat: " + subject, "Live chat with " + p.first})
	case styleSubjectOnly:
		body = ""
	case styleBodyOnly:
		subject = ""
		body = strings.TrimSpace(body + "\n\n" + p.first)
	}
	if body == "" && subject == "" {
		subject = pair.Subject
	}
	return g.raw(at, p, subject, body, source, label)
}

func (g *gen) raw(at time.Time, p person, subject, body, source, label string) weekgen.Ticket {
	t := weekgen.Ticket{
		ReceivedAt: at.UTC().Format(time.RFC3339), Subject: subject, Body: body, Source: source,
		CustomerEmail: p.email, CustomerName: strings.TrimSpace(p.first + " " + p.last), Org: p.org, Label: label,
	}
	g.out = append(g.out, ticket{t, at})
	return t
}

// stranger is spam or an offer from someone who is not a customer.
func (g *gen) stranger(at time.Time, pair Pair, source string) {
	first, last := weekgen.Pick(g.r, g.tx.FirstNames), weekgen.Pick(g.r, g.tx.LastNames)
	host := weekgen.Pick(g.r, []string{"growthrank-seo.example", "mail-offers.example", "bizfund-now.example", "partnerhub.example", "outreachly.example"})
	p := person{first: first, last: last, email: strings.ToLower(first) + "@" + host, site: "pagewright.example"}
	body := fill(pair.Body, p) + "\n\n" + first + " " + last
	if source == "web" {
		body = fmt.Sprintf("Name: %s %s\nEmail: %s\nWebsite: https://%s\nTopic: %s\n\nMessage:\n%s", first, last, p.email, host, weekgen.Pick(g.r, g.tx.FormTopics), fill(pair.Body, p))
	}
	g.raw(at, p, fill(pair.Subject, p), body, source, "background")
}

func (g *gen) plain(p person, body string) string {
	var b strings.Builder
	if gr := weekgen.Pick(g.r, g.tx.Greetings); gr != "" {
		b.WriteString(gr + "\n\n")
	}
	if weekgen.Chance(g.r, 0.12) {
		b.WriteString(weekgen.Pick(g.r, g.tx.Rambles) + "\n\n")
	}
	b.WriteString(body)
	so := weekgen.Pick(g.r, g.tx.Signoffs)
	b.WriteString("\n\n" + so)
	if so != "" {
		b.WriteString("\n")
	}
	b.WriteString(p.first)
	if weekgen.Chance(g.r, 0.5) {
		b.WriteString(" " + p.last)
		if p.org != "" {
			b.WriteString("\n" + p.org + "\n" + "www." + p.site)
		}
	}
	if weekgen.Chance(g.r, 0.15) {
		if s := weekgen.Pick(g.r, g.tx.PhoneSigs); s != "" {
			b.WriteString("\n\n" + s)
		}
	}
	return b.String()
}

func (g *gen) html(p person, body string) string {
	var b strings.Builder
	b.WriteString(`<html><body><div dir="ltr">`)
	if gr := weekgen.Pick(g.r, g.tx.Greetings); gr != "" {
		b.WriteString("<p>" + gr + "</p>")
	}
	for _, para := range strings.Split(body, "\n\n") {
		b.WriteString("<p>" + strings.ReplaceAll(escape(para), "\n", "<br>") + "</p>")
	}
	b.WriteString("<p>" + escape(weekgen.Pick(g.r, g.tx.Signoffs)) + "<br>" + escape(p.first) + "</p>")
	sig := escape(p.first + " " + p.last)
	if p.org != "" {
		sig += "<br><b>" + escape(p.org) + "</b>"
	}
	sig += `<br><a href="https://` + p.site + `">` + p.site + "</a>"
	b.WriteString(`<div class="gmail_signature">` + sig + "</div></div></body></html>")
	return b.String()
}

// chat renders a live-chat transcript in one of two layouts.
func (g *gen) chat(at time.Time, p person, body string) string {
	bot := weekgen.Pick(g.r, g.tx.BotNames)
	agent := weekgen.Pick(g.r, g.tx.AgentNames)
	line := weekgen.Pick(g.r, g.tx.AgentLines)
	msg := strings.ReplaceAll(body, "\n\n", " ")
	c := func(d int) string { return at.Add(time.Duration(d) * time.Minute).Format("15:04") }
	if weekgen.Chance(g.r, 0.5) {
		return fmt.Sprintf("Pagewright live chat - transcript\n[%s] %s (bot): Hi! I'm %s. What can I help you with today?\n[%s] %s: %s\n[%s] %s (bot): Thanks! Connecting you to someone from the team...\n[%s] %s (Pagewright): %s\n[%s] %s: %s",
			c(-3), bot, bot, c(-2), p.first, msg, c(-2), bot, c(0), agent, line, c(1), p.first, weekgen.Pick(g.r, []string{"ok thanks", "thank you", "please hurry", "ok", "great, thanks"}))
	}
	return fmt.Sprintf("=== Chat session %s UTC ===\nVisitor: %s %s <%s>\nSite: %s\nBOT > Welcome to Pagewright support. Please describe your issue in a few words.\nCUSTOMER > %s\nBOT > An agent will join shortly.\nAGENT %s > %s\n=== end of chat ===",
		at.Add(-4*time.Minute).Format("2006-01-02 15:04"), p.first, p.last, p.email, p.site, msg, agent, line)
}

// typo swaps two neighbouring letters in one longer word.
func (g *gen) typo(s string) string {
	words := strings.Split(s, " ")
	for range 6 {
		i := g.r.IntN(len(words))
		w := []rune(words[i])
		if len(w) < 5 || strings.ContainsAny(words[i], "{}<>@./") {
			continue
		}
		j := weekgen.Between(g.r, 1, len(w)-3)
		w[j], w[j+1] = w[j+1], w[j]
		words[i] = string(w)
		break
	}
	return strings.Join(words, " ")
}

func fill(s string, p person) string {
	return strings.NewReplacer("{domain}", p.site, "{first}", p.first).Replace(s)
}

func quote(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight("> "+l, " ")
	}
	return strings.Join(lines, "\n")
}

func escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

func hostOf(p person) string {
	if i := strings.LastIndex(p.email, "@"); i >= 0 {
		return p.email[i+1:]
	}
	return p.site
}

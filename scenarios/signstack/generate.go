//go:build ignore

// Command generate writes the SignStack week (Mon 8 – Sun 14 March 2027,
// UTC): tickets.jsonl and updates.jsonl. Every text comes from texts.json;
// this file only holds the schedule and the draws. Run it from this folder:
//
//	cd scenarios/signstack && go run generate.go
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

// Pair is one subject with its body.
type Pair struct {
	Subject string `json:"subject"`
	Body    string `json:"body"`
	Lang    string `json:"lang,omitempty"`
	Feature string `json:"feature,omitempty"`
}

// Org is a customer organisation.
type Org struct {
	Name   string `json:"name"`
	Domain string `json:"domain"`
	Size   int    `json:"size"`
	Lang   string `json:"lang,omitempty"`
}

// IncText is the wording customers use for one incident.
type IncText struct {
	Subjects   []string `json:"subjects"`
	Bodies     []string `json:"bodies"`
	Foreign    []Pair   `json:"foreign"`
	Followups  []string `json:"followups"`
	LookAlikes []Pair   `json:"look_alikes"`
}

// Texts is texts.json.
type Texts struct {
	BotName       string                   `json:"bot_name"`
	FirstNames    []string                 `json:"first_names"`
	LastNames     []string                 `json:"last_names"`
	FreeDomains   []string                 `json:"free_domains"`
	Orgs          []Org                    `json:"orgs"`
	Greetings     []string                 `json:"greetings"`
	Signoffs      []string                 `json:"signoffs"`
	Titles        []string                 `json:"titles"`
	Disclaimers   []string                 `json:"disclaimers"`
	BotOpeners    []string                 `json:"bot_openers"`
	BotHandoffs   []string                 `json:"bot_handoffs"`
	FormTopics    []string                 `json:"form_topics"`
	Incidents     map[string]IncText       `json:"incidents"`
	HardNegatives []Pair                   `json:"hard_negatives"`
	Background    []Pair                   `json:"background"`
	Spam          []Pair                   `json:"spam"`
	AutoReplies   []Pair                   `json:"auto_replies"`
	Thanks        []Pair                   `json:"thanks"`
	Updates       []weekgen.StatusIncident `json:"updates"`
}

type person struct {
	Name, Email, Org, Lang string
}

// window is one incident's schedule.
type window struct {
	Label     string
	Day, H, M int
	Minutes   int
	Count     int     // first reports, foreign ones included
	Foreign   int     // how many of Count are in another language
	Followups int     // "any update?" tickets, on top of Count
	Shape     float64 // >1 crowds the reports towards the start
	LookAlike int
	HardNeg   int
	HNFeature string
}

var start = time.Date(2027, 3, 8, 0, 0, 0, 0, time.UTC)

var schedule = []window{
	{Label: "inc-sms-codes-late", Day: 0, H: 9, M: 58, Minutes: 130, Count: 26, Foreign: 1, Followups: 4, Shape: 1.3, LookAlike: 4, HardNeg: 2, HNFeature: "sms"},
	{Label: "inc-login-outage", Day: 1, H: 14, M: 8, Minutes: 125, Count: 122, Foreign: 6, Followups: 20, Shape: 1.8, LookAlike: 10, HardNeg: 7, HNFeature: "login"},
	{Label: "inc-email-delays", Day: 2, H: 9, M: 35, Minutes: 185, Count: 40, Foreign: 2, Followups: 5, Shape: 1.2, LookAlike: 6, HardNeg: 3, HNFeature: "email"},
	{Label: "inc-template-date-shift", Day: 2, H: 7, M: 40, Minutes: 760, Count: 25, Foreign: 1, Followups: 0, Shape: 1.0, LookAlike: 3, HardNeg: 0},
	{Label: "inc-doc-load", Day: 3, H: 12, M: 52, Minutes: 150, Count: 46, Foreign: 2, Followups: 6, Shape: 1.4, LookAlike: 6, HardNeg: 2, HNFeature: "docs"},
	{Label: "inc-sms-link-blank", Day: 4, H: 10, M: 3, Minutes: 95, Count: 24, Foreign: 1, Followups: 3, Shape: 1.3, LookAlike: 4, HardNeg: 1, HNFeature: "sms"},
}

const (
	seed1, seed2    = 20270308, 414
	backgroundCount = 430
	hardNegTotal    = 90
)

type gen struct {
	r      *rand.Rand
	tx     Texts
	people []person
	out    []weekgen.Ticket
}

func main() {
	var tx Texts
	weekgen.ReadTexts(weekgen.TextsFile(), &tx)
	g := &gen{r: rand.New(rand.NewPCG(seed1, seed2)), tx: tx}
	g.makePeople()

	hnInWindows := 0
	for _, w := range schedule {
		g.incident(w)
		hnInWindows += w.HardNeg
	}
	for i := 0; i < hardNegTotal-hnInWindows; i++ {
		g.add(g.weekTime(), g.randomPerson(), weekgen.Pick(g.r, tx.HardNegatives), "hard-negative")
	}
	g.background()

	sort.SliceStable(g.out, func(i, j int) bool { return g.out[i].ReceivedAt < g.out[j].ReceivedAt })
	for i := range g.out {
		g.out[i].ID = fmt.Sprintf("SS-%d", 58210+i*3+g.r.IntN(3))
	}
	ups := weekgen.StatusUpdates(tx.Updates)
	weekgen.Must(weekgen.WriteWeek(weekgen.Dir(), g.out, ups, weekgen.Format{}))
	counts := map[string]int{}
	for _, t := range g.out {
		counts[t.Label]++
	}
	weekgen.PrintCounts(os.Stdout, counts)
}

var asciiName = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss", "é", "e", "è", "e", "ç", "c", "ñ", "n", "á", "a", "í", "i", "ó", "o", "ë", "e", "'", "", " ", "")

func (g *gen) makePeople() {
	seen := map[string]bool{}
	for _, o := range g.tx.Orgs {
		for i := 0; i < o.Size; i++ {
			first, last := weekgen.Pick(g.r, g.tx.FirstNames), weekgen.Pick(g.r, g.tx.LastNames)
			email := strings.ToLower(asciiName.Replace(first) + "." + asciiName.Replace(last) + "@" + o.Domain)
			if seen[email] {
				email = strings.ToLower(asciiName.Replace(first)[:1] + asciiName.Replace(last) + "@" + o.Domain)
			}
			if seen[email] {
				i--
				continue
			}
			seen[email] = true
			g.people = append(g.people, person{first + " " + last, email, o.Name, o.Lang})
		}
	}
	for len(g.people) < 252 {
		first, last := weekgen.Pick(g.r, g.tx.FirstNames), weekgen.Pick(g.r, g.tx.LastNames)
		user := strings.ToLower(asciiName.Replace(first))
		switch g.r.IntN(3) {
		case 0:
			user += "." + strings.ToLower(asciiName.Replace(last))
		case 1:
			user += strings.ToLower(asciiName.Replace(last))[:1] + fmt.Sprint(g.r.IntN(90)+10)
		default:
			user = strings.ToLower(asciiName.Replace(last)) + fmt.Sprint(g.r.IntN(900)+100)
		}
		email := user + "@" + weekgen.Pick(g.r, g.tx.FreeDomains)
		if seen[email] {
			continue
		}
		seen[email] = true
		g.people = append(g.people, person{Name: first + " " + last, Email: email})
	}
}

func (g *gen) randomPerson() person { return weekgen.Pick(g.r, g.people) }

func (g *gen) personWithLang(lang string) person {
	var c []person
	for _, p := range g.people {
		if p.Lang == lang {
			c = append(c, p)
		}
	}
	if len(c) == 0 {
		return g.randomPerson()
	}
	return weekgen.Pick(g.r, c)
}

var dayWeights = []float64{1.0, 1.05, 1.0, 0.95, 0.85, 0.28, 0.22}

var weekdayHours = []float64{0.3, 0.2, 0.2, 0.2, 0.3, 0.6, 1.2, 2.5, 5, 7, 7.5, 7, 6, 6.5, 7, 7, 6, 4.5, 3, 2, 1.5, 1.2, 0.8, 0.5}
var weekendHours = []float64{0.4, 0.3, 0.2, 0.2, 0.2, 0.3, 0.5, 0.8, 1.5, 2.5, 3, 3, 3, 2.8, 2.5, 2.5, 2.2, 2, 1.8, 1.5, 1.2, 1, 0.8, 0.5}

// weekTime places a ticket on the everyday rhythm of the week.
func (g *gen) weekTime() time.Time {
	d := weekgen.Weighted(g.r, dayWeights)
	hours := weekdayHours
	if d >= 5 {
		hours = weekendHours
	}
	h := weekgen.Weighted(g.r, hours)
	return weekgen.At(start, d, h, g.r.IntN(60)).Add(time.Duration(g.r.IntN(60)) * time.Second)
}

func (g *gen) inWindow(w window, shape float64) time.Time {
	u := g.r.Float64()
	if shape != 1 {
		u = 1 - math.Pow(1-u, shape)
	}
	sec := int(u * float64(w.Minutes*60))
	return weekgen.At(start, w.Day, w.H, w.M).Add(time.Duration(sec) * time.Second)
}

func (g *gen) incident(w window) {
	it := g.tx.Incidents[w.Label]
	type filed struct {
		p       person
		at      time.Time
		subject string
		body    string
	}
	var first []filed
	used := map[string]bool{}
	for i := 0; i < w.Count; i++ {
		at := g.inWindow(w, w.Shape)
		var p person
		var pair Pair
		if i < w.Foreign && len(it.Foreign) > 0 {
			pair = it.Foreign[i%len(it.Foreign)]
			p = g.personWithLang(pair.Lang)
		} else {
			for {
				p = g.randomPerson()
				if !used[p.Email] {
					break
				}
			}
			pair = Pair{Subject: weekgen.Pick(g.r, it.Subjects), Body: weekgen.Pick(g.r, it.Bodies)}
		}
		used[p.Email] = true
		t := g.add(at, p, pair, w.Label)
		first = append(first, filed{p, at, pair.Subject, t.Body})
	}
	sort.SliceStable(first, func(i, j int) bool { return first[i].at.Before(first[j].at) })
	for i := 0; i < w.Followups; i++ {
		f := first[g.r.IntN(len(first)*2/3)]
		at := f.at.Add(time.Duration(weekgen.Between(g.r, 12, 55)) * time.Minute)
		end := weekgen.At(start, w.Day, w.H, w.M+w.Minutes+20)
		if at.After(end) {
			at = end.Add(-time.Duration(g.r.IntN(600)) * time.Second)
		}
		text := weekgen.Pick(g.r, it.Followups)
		body := text
		if weekgen.Chance(g.r, 0.6) && f.body != "" {
			body = text + "\n\n" + quoteHeader(f.at, f.p) + "\n" + quote(f.body)
		}
		g.out = append(g.out, weekgen.Ticket{
			ReceivedAt: stamp(at), Subject: "Re: " + f.subject, Body: body,
			Source: "email", CustomerEmail: f.p.Email, CustomerName: f.p.Name, Org: f.p.Org, Label: w.Label,
		})
	}
	for i := 0; i < w.LookAlike; i++ {
		g.add(g.inWindow(w, 1), g.randomPerson(), it.LookAlikes[i%len(it.LookAlikes)], "look-alike")
	}
	var hn []Pair
	for _, p := range g.tx.HardNegatives {
		if p.Feature == w.HNFeature {
			hn = append(hn, p)
		}
	}
	for i := 0; i < w.HardNeg; i++ {
		g.add(g.inWindow(w, 1), g.randomPerson(), weekgen.Pick(g.r, hn), "hard-negative")
	}
}

func (g *gen) background() {
	tx := g.tx
	for i := 0; i < backgroundCount; i++ {
		at := g.weekTime()
		switch k := weekgen.Weighted(g.r, []float64{0.76, 0.08, 0.09, 0.07}); k {
		case 0:
			g.add(at, g.randomPerson(), weekgen.Pick(g.r, tx.Background), "background")
		case 1:
			s := weekgen.Pick(g.r, tx.Spam)
			first, last := weekgen.Pick(g.r, tx.FirstNames), weekgen.Pick(g.r, tx.LastNames)
			dom := []string{"growthleadz.io", "b2bpipeline.co", "seo-rank-pro.net", "outreachly.biz", "devsourcing.asia"}[g.r.IntN(5)]
			email := strings.ToLower(asciiName.Replace(first)) + "@" + dom
			g.out = append(g.out, weekgen.Ticket{ReceivedAt: stamp(at), Subject: s.Subject,
				Body: strings.ReplaceAll(s.Body, "{name}", first+" "+last), Source: "email",
				CustomerEmail: email, CustomerName: first + " " + last, Label: "background"})
		case 2:
			p := g.randomPerson()
			s := weekgen.Pick(g.r, tx.AutoReplies)
			name, email := p.Name, p.Email
			if strings.Contains(s.Subject, "Undeliverable") || strings.Contains(s.Subject, "Delivery Status") {
				name, email = "Mail Delivery Subsystem", "mailer-daemon@"+domainOf(p.Email)
			}
			body := strings.NewReplacer("{name}", p.Name, "{email}", p.Email, "{first}", strings.Fields(p.Name)[0]).Replace(s.Body)
			g.out = append(g.out, weekgen.Ticket{ReceivedAt: stamp(at), Subject: s.Subject, Body: body,
				Source: "email", CustomerEmail: email, CustomerName: name, Org: p.Org, Label: "background"})
		default:
			g.add(at, g.randomPerson(), weekgen.Pick(g.r, tx.Thanks), "background")
		}
	}
}

func domainOf(email string) string { return email[strings.IndexByte(email, '@')+1:] }

func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func quoteHeader(t time.Time, p person) string {
	return fmt.Sprintf("On %s at %s, %s <%s> wrote:", t.Format("Mon, 2 Jan 2006"), t.Format("15:04"), p.Name, p.Email)
}

func quote(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = "> " + l
	}
	return strings.Join(lines, "\n")
}

// typo swaps two neighbouring letters in one longer word, now and then.
func (g *gen) typo(s string) string {
	if !weekgen.Chance(g.r, 0.18) {
		return s
	}
	words := strings.Split(s, " ")
	for try := 0; try < 6; try++ {
		i := g.r.IntN(len(words))
		w := []byte(words[i])
		if len(w) < 5 || !isLetters(w) {
			continue
		}
		j := 1 + g.r.IntN(len(w)-3)
		w[j], w[j+1] = w[j+1], w[j]
		words[i] = string(w)
		break
	}
	return strings.Join(words, " ")
}

func isLetters(b []byte) bool {
	for _, c := range b {
		if !(c >= 'a' && c <= 'z') {
			return false
		}
	}
	return true
}

// add wraps a subject and body the way its channel delivers it and files it.
func (g *gen) add(at time.Time, p person, pair Pair, label string) weekgen.Ticket {
	tx := g.tx
	subj, body := pair.Subject, g.typo(pair.Body)
	if weekgen.Chance(g.r, 0.25) && body != "" && body[0] >= 'A' && body[0] <= 'Z' {
		body = string(body[0]+'a'-'A') + body[1:]
	}
	firstName := strings.Fields(p.Name)[0]
	source := "email"
	foreign := pair.Lang != ""
	kind := weekgen.Weighted(g.r, []float64{0.22, 0.2, 0.16, 0.1, 0.09, 0.08, 0.08, 0.07})
	if foreign && kind >= 2 {
		kind = kind % 2
	}
	switch kind {
	case 0: // plain email
	case 1: // email with greeting and signature
		sig := p.Name
		if p.Org != "" {
			sig += "\n" + weekgen.Pick(g.r, tx.Titles) + " | " + p.Org
		}
		if foreign {
			body = body + "\n\n" + p.Name
		} else {
			body = weekgen.Pick(g.r, tx.Greetings) + "\n\n" + body + "\n\n" + weekgen.Pick(g.r, tx.Signoffs) + "\n" + sig
			if p.Org != "" && weekgen.Chance(g.r, 0.3) {
				body += "\n\n" + weekgen.Pick(g.r, tx.Disclaimers)
			}
		}
	case 2: // web form
		source = "web"
		org := p.Org
		if org == "" {
			org = "-"
		}
		body = fmt.Sprintf("Name: %s\nEmail: %s\nCompany: %s\nTopic: %s\nMessage: %s", p.Name, p.Email, org, weekgen.Pick(g.r, tx.FormTopics), body)
		if subj == "" || weekgen.Chance(g.r, 0.5) {
			subj = "New contact form submission"
		}
	case 3: // HTML email
		paras := strings.Split(body, "\n")
		var b strings.Builder
		b.WriteString("<html><body><div dir=\"ltr\"><p>" + weekgen.Pick(g.r, tx.Greetings) + "</p>")
		for _, l := range paras {
			if strings.TrimSpace(l) != "" {
				b.WriteString("<p>" + l + "</p>")
			}
		}
		b.WriteString("<p>" + weekgen.Pick(g.r, tx.Signoffs) + "<br>" + p.Name + "</p></div></body></html>")
		body = b.String()
	case 4: // chat, timestamped lines
		source = "chat"
		t0 := at.Add(-time.Duration(1+g.r.IntN(3)) * time.Minute)
		lines := []string{
			fmt.Sprintf("[%s] %s: %s", t0.Format("15:04"), tx.BotName, weekgen.Pick(g.r, tx.BotOpeners)),
		}
		for _, l := range strings.Split(body, "\n") {
			if strings.TrimSpace(l) != "" {
				lines = append(lines, fmt.Sprintf("[%s] %s: %s", t0.Add(time.Minute).Format("15:04"), firstName, l))
			}
		}
		lines = append(lines, fmt.Sprintf("[%s] %s: %s", at.Format("15:04"), tx.BotName, weekgen.Pick(g.r, tx.BotHandoffs)))
		body = strings.Join(lines, "\n")
		subj = "Chat with " + p.Name
	case 5: // chat, speaker on its own line
		source = "chat"
		body = fmt.Sprintf("%s\n%s\n\n%s\n%s\n\n%s\n%s", tx.BotName, weekgen.Pick(g.r, tx.BotOpeners), p.Name, body, tx.BotName, weekgen.Pick(g.r, tx.BotHandoffs))
		subj = fmt.Sprintf("Conversation #%d", 70000+g.r.IntN(9000))
		if weekgen.Chance(g.r, 0.4) {
			subj = ""
		}
	case 6: // subject only
		if subj != "" {
			body = ""
		}
	case 7: // body only
		if body != "" {
			subj = ""
		}
	}
	if strings.HasPrefix(subj, "Re:") {
		source = "email"
	}
	t := weekgen.Ticket{ReceivedAt: stamp(at), Subject: subj, Body: body, Source: source,
		CustomerEmail: p.Email, CustomerName: p.Name, Org: p.Org, Label: label}
	g.out = append(g.out, t)
	return t
}

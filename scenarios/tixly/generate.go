//go:build ignore

// Command generate writes the Tixly week (Mon 6 – Sun 12 September 2027):
// tickets.jsonl and updates.jsonl, from the texts in texts.json. Run it as
// `go run ./scenarios/tixly/generate.go` from the repository or as
// `go run generate.go` from this folder; rerunning gives the same bytes.
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

// Texts is texts.json: every table the week is written from.
type Texts struct {
	First         []string               `json:"first"`
	Last          []string               `json:"last"`
	ForeignFirst  map[string][]string    `json:"foreign_first"`
	ForeignLast   map[string][]string    `json:"foreign_last"`
	Orgs          [][3]string            `json:"orgs"`
	Roles         []string               `json:"roles"`
	MailDomains   []string               `json:"maildomains"`
	Events        []string               `json:"events"`
	Greetings     []string               `json:"greetings"`
	Signoffs      []string               `json:"signoffs"`
	QuoteIntros   []string               `json:"quote_intros"`
	ChatBotOpen   []string               `json:"chat_bot_open"`
	ChatBotClose  []string               `json:"chat_bot_close"`
	ChatAgents    []string               `json:"chat_agents"`
	AgentLines    []string               `json:"agent_lines"`
	AppFooters    map[string][]string    `json:"app_footers"`
	Incidents     map[string]Incident    `json:"incidents"`
	Lookalikes    map[string][][2]string `json:"lookalikes"`
	HardNegatives [][3]string            `json:"hardnegatives"`
	Background    [][3]string            `json:"background"`
	BackgroundRaw [][3]string            `json:"background_raw"`
	Updates       []UpdateText           `json:"updates"`
}

// Incident holds one real incident's wording, for organisers and for buyers.
type Incident struct {
	Subjects      []string               `json:"subjects"`
	Bodies        []string               `json:"bodies"`
	BuyerSubjects []string               `json:"buyer_subjects"`
	BuyerBodies   []string               `json:"buyer_bodies"`
	Followups     []string               `json:"followups"`
	Foreign       map[string][][2]string `json:"foreign"`
}

// UpdateText is one status-page post, placed by day and clock time.
type UpdateText struct {
	Provider   string   `json:"provider"`
	ID         string   `json:"id"`
	Update     string   `json:"update"`
	Status     string   `json:"status"`
	Impact     string   `json:"impact"`
	Day        int      `json:"day"`
	H          int      `json:"h"`
	M          int      `json:"m"`
	Title      string   `json:"title"`
	Body       string   `json:"body"`
	Kind       string   `json:"kind"`
	Components []string `json:"components"`
	Label      string   `json:"label"`
}

// Person is one reporter.
type Person struct {
	First, Full, Email, Org, Role, Lang string
}

// window is an incident's stretch of the week and the relative weights of
// equal slices of it (how the tickets ramp up and die down).
type window struct {
	day, h0, m0, h1, m1 int
	curve               []float64
}

// plan is one incident: its label, window, how many tickets, the share from
// ticket buyers, how many are follow-ups, and which app footer fits it.
type plan struct {
	label     string
	win       window
	originals int
	followups int
	buyers    float64
	app       string
}

var (
	week0 = time.Date(2027, 9, 6, 0, 0, 0, 0, time.UTC)
	r     = rand.New(rand.NewPCG(20270906, 7319))
	tx    Texts
	staff []Person
)

var plans = []plan{
	{"inc-login-outage", window{1, 9, 4, 11, 14, []float64{2, 6, 9, 9, 7, 5, 4, 3, 2, 1}}, 118, 22, 0.07, "dashboard"},
	{"inc-eticket-email-delay", window{2, 13, 38, 17, 6, []float64{2, 4, 5, 5, 4, 3, 2, 1}}, 48, 3, 0.6, "wallet"},
	{"inc-double-sold-seats", window{3, 8, 42, 19, 35, []float64{1, 1, 1.2, 1, 1, 1.1, 1, 1, 0.9, 1}}, 25, 0, 0.3, "dashboard"},
	{"inc-checkout-declines", window{4, 17, 22, 19, 14, []float64{3, 6, 6, 5, 4, 2, 1}}, 53, 2, 0.6, "door"},
	{"inc-door-scan-failures", window{5, 19, 2, 20, 33, []float64{4, 7, 6, 4, 2, 1}}, 38, 2, 0, "door"},
}

// ticket is a generated ticket with its time kept for sorting.
type ticket struct {
	weekgen.Ticket
	at time.Time
}

var out []ticket

func (w window) start() time.Time { return weekgen.At(week0, w.day, w.h0, w.m0) }
func (w window) end() time.Time   { return weekgen.At(week0, w.day, w.h1, w.m1) }

// draw places a time in the window following its curve.
func (w window) draw() time.Time {
	span := w.end().Sub(w.start())
	slice := span / time.Duration(len(w.curve))
	i := weekgen.Weighted(r, w.curve)
	return w.start().Add(time.Duration(i)*slice + time.Duration(r.Int64N(int64(slice))))
}

// anyTime places a background ticket somewhere in the week, busier on
// weekdays and in office hours.
func anyTime() time.Time {
	days := []float64{1, 1.05, 1, 1, 0.95, 0.5, 0.45}
	hours := []float64{0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.2, 2.5, 3.5, 3.8, 3.6, 3, 3.2, 3.4, 3.2, 2.8, 2.2, 1.6, 1.4, 1.2, 1, 0.7, 0.4}
	d := weekgen.Weighted(r, days)
	h := weekgen.Weighted(r, hours)
	return weekgen.At(week0, d, h, r.IntN(60)).Add(time.Duration(r.IntN(60)) * time.Second)
}

func lowerName(s string) string {
	s = strings.ToLower(s)
	repl := strings.NewReplacer(" ", "", "'", "", "é", "e", "è", "e", "í", "i", "ü", "u", "ö", "o")
	return repl.Replace(s)
}

func makeStaff() {
	for _, o := range tx.Orgs {
		n := weekgen.Between(r, 2, 4)
		for range n {
			first, last := weekgen.Pick(r, tx.First), weekgen.Pick(r, tx.Last)
			if o[2] != "" {
				first, last = weekgen.Pick(r, tx.ForeignFirst[o[2]]), weekgen.Pick(r, tx.ForeignLast[o[2]])
			}
			var email string
			switch weekgen.Weighted(r, []float64{4, 2, 2, 1}) {
			case 0:
				email = lowerName(first) + "." + lowerName(last) + "@" + o[1]
			case 1:
				email = lowerName(first) + "@" + o[1]
			case 2:
				email = lowerName(first[:1]) + lowerName(last) + "@" + o[1]
			default:
				email = weekgen.Pick(r, []string{"boxoffice", "tickets", "info", "hello", "admin"}) + "@" + o[1]
			}
			staff = append(staff, Person{first, first + " " + last, email, o[0], weekgen.Pick(r, tx.Roles), o[2]})
		}
	}
}

func staffPerson(lang string) Person {
	for {
		p := weekgen.Pick(r, staff)
		if p.Lang == lang {
			return p
		}
	}
}

func buyer() Person {
	first, last := weekgen.Pick(r, tx.First), weekgen.Pick(r, tx.Last)
	var local string
	switch weekgen.Weighted(r, []float64{3, 2, 2, 1}) {
	case 0:
		local = lowerName(first) + "." + lowerName(last)
	case 1:
		local = lowerName(first) + lowerName(last) + fmt.Sprint(weekgen.Between(r, 1, 99))
	case 2:
		local = lowerName(first[:1]) + lowerName(last)
	default:
		local = lowerName(first) + "_" + fmt.Sprint(weekgen.Between(r, 1960, 2005))
	}
	return Person{first, first + " " + last, local + "@" + weekgen.Pick(r, tx.MailDomains), "", "", ""}
}

// fill replaces the placeholders of a text.
func fill(s string) string {
	for strings.Contains(s, "{event}") {
		s = strings.Replace(s, "{event}", weekgen.Pick(r, tx.Events), 1)
	}
	if strings.Contains(s, "{venue}") {
		s = strings.ReplaceAll(s, "{venue}", weekgen.Pick(r, tx.Orgs)[0])
	}
	if strings.Contains(s, "{n}") {
		s = strings.ReplaceAll(s, "{n}", fmt.Sprint(weekgen.Between(r, 2, 6)))
	}
	return s
}

// typo swaps two letters of one longer word.
func typo(s string) string {
	words := strings.Split(s, " ")
	for range 5 {
		i := r.IntN(len(words))
		w := []rune(words[i])
		if len(w) >= 5 {
			j := weekgen.Between(r, 1, len(w)-3)
			w[j], w[j+1] = w[j+1], w[j]
			words[i] = string(w)
			break
		}
	}
	return strings.Join(words, " ")
}

func signature(p Person) string {
	if p.Org == "" {
		if weekgen.Chance(r, 0.5) {
			return p.First
		}
		return p.Full
	}
	switch r.IntN(3) {
	case 0:
		return p.First
	case 1:
		return p.Full + "\n" + p.Role + "\n" + p.Org
	default:
		return p.Full + " | " + p.Role + ", " + p.Org
	}
}

// render wraps a text in one of the ways tickets reach the helpdesk and
// returns subject, body and source.
func render(p Person, at time.Time, subj, text, app string, foreign bool) (string, string, string) {
	if weekgen.Chance(r, 0.12) {
		text = typo(text)
	}
	if weekgen.Chance(r, 0.07) {
		text = strings.ToLower(text)
		subj = strings.ToLower(subj)
	}
	greet, sign := weekgen.Pick(r, tx.Greetings), weekgen.Pick(r, tx.Signoffs)
	if foreign {
		greet, sign = "", ""
	}
	ws := []float64{40, 11, 12, 8, 12, 4, 6}
	if app == "" {
		ws[3] = 0
	}
	switch weekgen.Weighted(r, ws) {
	case 1: // HTML email
		var b strings.Builder
		b.WriteString(`<div dir="ltr">`)
		if greet != "" {
			fmt.Fprintf(&b, "<p>%s</p>", greet)
		}
		for _, para := range strings.Split(text, "\n\n") {
			fmt.Fprintf(&b, "<p>%s</p>", para)
		}
		fmt.Fprintf(&b, "<p>%s<br>%s</p></div>", sign, strings.ReplaceAll(signature(p), "\n", "<br>"))
		return subj, b.String(), "email"
	case 2: // web contact form
		org := p.Org
		if org == "" {
			org = "(ticket buyer)"
		}
		topic := weekgen.Pick(r, []string{"Account & login", "Tickets & orders", "Payments & payouts", "Events & seating", "Door app", "Other"})
		body := fmt.Sprintf("New message from the Tixly help centre contact form\n\nName: %s\nEmail: %s\nOrganisation: %s\nTopic: %s\nSubject: %s\nMessage:\n%s\n\nPage: https://help.tixly.example/contact", p.Full, p.Email, org, topic, subj, text)
		return "Contact form: " + topic, body, "web"
	case 3: // in-app report
		return subj, text + "\n\n--\n" + weekgen.Pick(r, tx.AppFooters[app]) + "\nUser: " + p.Email, "app"
	case 4: // chat transcript
		return "Chat with " + p.Full, chat(p, at, text), "chat"
	case 5: // subject only
		if len(text) < 110 && !strings.Contains(text, "\n") {
			return text, "", "email"
		}
	case 6: // body only
		return "", text + "\n\n" + signature(p), "email"
	}
	body := text + "\n\n" + sign + "\n" + signature(p)
	if greet != "" {
		body = greet + "\n\n" + body
	}
	if foreign {
		body = text + "\n\n" + signature(p)
	}
	return subj, body, "email"
}

func chat(p Person, at time.Time, text string) string {
	t := at.Add(-time.Duration(weekgen.Between(r, 60, 400)) * time.Second)
	clock := func() string {
		t = t.Add(time.Duration(weekgen.Between(r, 8, 70)) * time.Second)
		return t.Format("15:04:05")
	}
	var b strings.Builder
	if weekgen.Chance(r, 0.5) {
		fmt.Fprintf(&b, "Conversation started %s via tixly.example (visitor: %s, %s)\n\n", at.Format("Mon 2 Jan 2006 15:04 MST"), p.Full, p.Email)
		fmt.Fprintf(&b, "[%s] Tixbot: %s\n", clock(), weekgen.Pick(r, tx.ChatBotOpen))
		fmt.Fprintf(&b, "[%s] %s: %s\n", clock(), p.First, text)
		if weekgen.Chance(r, 0.5) {
			fmt.Fprintf(&b, "[%s] %s (Tixly): %s\n", clock(), weekgen.Pick(r, tx.ChatAgents), weekgen.Pick(r, tx.AgentLines))
		} else {
			fmt.Fprintf(&b, "[%s] Tixbot: %s\n", clock(), weekgen.Pick(r, tx.ChatBotClose))
		}
		return b.String()
	}
	fmt.Fprintf(&b, "== Live chat transcript ==\nCustomer: %s <%s>\n\n", p.Full, p.Email)
	fmt.Fprintf(&b, "BOT › %s\n", weekgen.Pick(r, tx.ChatBotOpen))
	if p.Org == "" {
		b.WriteString("YOU › ticket buyer\n")
	} else {
		b.WriteString("YOU › organiser\n")
	}
	fmt.Fprintf(&b, "YOU › %s\n", text)
	fmt.Fprintf(&b, "BOT › %s\n== end of chat (%s) ==", weekgen.Pick(r, tx.ChatBotClose), clock())
	return b.String()
}

func add(p Person, at time.Time, subj, body, source, label string) {
	out = append(out, ticket{weekgen.Ticket{
		ReceivedAt: at.Format(time.RFC3339), Subject: subj, Body: body, Source: source,
		CustomerEmail: p.Email, CustomerName: p.Full, Org: p.Org, Label: label,
	}, at})
}

// cycler hands out a list's items in a shuffled order, reshuffling when
// it runs out, so that texts repeat as little as possible.
type cycler struct {
	n, i int
	perm []int
}

func (c *cycler) next() int {
	if c.i%c.n == 0 {
		c.perm = r.Perm(c.n)
	}
	k := c.perm[c.i%c.n]
	c.i++
	return k
}

func newCycler(n int) *cycler { return &cycler{n: n} }

func incidents() {
	for _, pl := range plans {
		inc := tx.Incidents[pl.label]
		ob, bb := newCycler(len(inc.Bodies)), newCycler(max(1, len(inc.BuyerBodies)))
		type sent struct {
			p          Person
			at         time.Time
			subj, text string
		}
		var first []sent
		langs := make([]string, 0, len(inc.Foreign))
		for lang := range inc.Foreign {
			langs = append(langs, lang)
		}
		sort.Strings(langs)
		for _, lang := range langs {
			for _, st := range inc.Foreign[lang] {
				p := staffPerson(lang)
				at := pl.win.draw()
				s, b, src := render(p, at, st[0], st[1], "", true)
				add(p, at, s, b, src, pl.label)
				first = append(first, sent{p, at, st[0], st[1]})
			}
		}
		for range pl.originals - len(first) {
			var p Person
			var subj, text string
			if len(inc.BuyerBodies) > 0 && weekgen.Chance(r, pl.buyers) {
				p = buyer()
				text = inc.BuyerBodies[bb.next()]
				subj = weekgen.Pick(r, inc.BuyerSubjects)
			} else {
				p = staffPerson("")
				text = inc.Bodies[ob.next()]
				subj = weekgen.Pick(r, inc.Subjects)
			}
			text = fill(text)
			at := pl.win.draw()
			app := pl.app
			if p.Org == "" {
				app = "wallet"
			}
			s, b, src := render(p, at, subj, text, app, false)
			add(p, at, s, b, src, pl.label)
			first = append(first, sent{p, at, subj, text})
		}
		// Follow-ups: replies quoting the reporter's first mail.
		fu := newCycler(max(1, len(inc.Followups)))
		for made := 0; made < pl.followups; {
			o := weekgen.Pick(r, first)
			if o.p.Lang != "" || o.subj == "" {
				continue
			}
			at := o.at.Add(time.Duration(weekgen.Between(r, 18, 75)) * time.Minute)
			if at.After(pl.win.end().Add(10 * time.Minute)) {
				continue
			}
			intro := weekgen.Pick(r, tx.QuoteIntros)
			intro = strings.NewReplacer("{date}", o.at.Format("Mon, 2 Jan 2006 at 15:04"), "{name}", o.p.Full, "{email}", o.p.Email).Replace(intro)
			quoted := "> " + strings.ReplaceAll(o.text, "\n", "\n> ")
			body := inc.Followups[fu.next()] + "\n\n" + o.p.First + "\n\n" + intro + "\n" + quoted
			add(o.p, at, "Re: "+o.subj, body, "email", pl.label)
			made++
		}
	}
}

func lookalikes() {
	for _, pl := range plans {
		for _, la := range tx.Lookalikes[pl.label] {
			p := staffPerson("")
			if pl.label != "inc-login-outage" && weekgen.Chance(r, 0.3) && strings.Contains(la[1], "I ") {
				p = buyer()
			}
			at := pl.win.start().Add(time.Duration(r.Int64N(int64(pl.win.end().Sub(pl.win.start())))))
			app := pl.app
			if pl.label == "inc-eticket-email-delay" {
				app = "dashboard"
			}
			s, b, src := render(p, at, la[0], fill(la[1]), app, false)
			add(p, at, s, b, src, "look-alike")
		}
	}
}

func person(who string) (Person, string) {
	if who == "b" {
		return buyer(), "wallet"
	}
	return staffPerson(""), "dashboard"
}

func hardNegatives() {
	login := plans[0].win
	inLogin := []int{0, 1, 2, 3, 4, 5, 15, 16, 27, 29}
	for _, i := range inLogin {
		hn := tx.HardNegatives[i]
		p, app := person(hn[2])
		at := login.start().Add(time.Duration(r.Int64N(int64(login.end().Sub(login.start())))))
		s, b, src := render(p, at, hn[0], fill(hn[1]), app, false)
		add(p, at, s, b, src, "hard-negative")
	}
	c := newCycler(len(tx.HardNegatives))
	for range 80 {
		hn := tx.HardNegatives[c.next()]
		p, app := person(hn[2])
		at := anyTime()
		s, b, src := render(p, at, hn[0], fill(hn[1]), app, false)
		add(p, at, s, b, src, "hard-negative")
	}
}

func background() {
	c := newCycler(len(tx.Background))
	for range 458 {
		at := anyTime()
		if weekgen.Chance(r, 0.09) {
			raw := weekgen.Pick(r, tx.BackgroundRaw)
			var p Person
			switch raw[2] {
			case "bounce":
				p = Person{Full: "Mail Delivery System", Email: "mailer-daemon@" + weekgen.Pick(r, tx.MailDomains)}
			case "spam":
				p = buyer()
				p.Email = strings.Split(p.Email, "@")[0] + "@" + weekgen.Pick(r, []string{"promo-mailer.example", "bizgrowth.example", "fastwin.example", "mail-secure.example"})
			default:
				p = staffPerson("")
			}
			add(p, at, raw[0], raw[1], "email", "background")
			continue
		}
		bg := tx.Background[c.next()]
		p, app := person(bg[2])
		s, b, src := render(p, at, bg[0], fill(bg[1]), app, false)
		add(p, at, s, b, src, "background")
	}
}

func main() {
	weekgen.ReadTexts(weekgen.TextsFile(), &tx)
	makeStaff()
	incidents()
	lookalikes()
	hardNegatives()
	background()

	sort.SliceStable(out, func(i, j int) bool { return out[i].at.Before(out[j].at) })
	tickets := make([]weekgen.Ticket, len(out))
	counts := map[string]int{}
	for i, t := range out {
		t.ID = fmt.Sprintf("TX-%05d", 40211+i)
		tickets[i] = t.Ticket
		counts[t.Label]++
	}
	var updates []weekgen.Update
	for _, u := range tx.Updates {
		updates = append(updates, weekgen.Update{
			Provider: u.Provider, ProviderIncidentID: u.ID, UpdateID: u.Update, Status: u.Status,
			Impact: u.Impact, At: weekgen.At(week0, u.Day, u.H, u.M).Format(time.RFC3339),
			Title: u.Title, Body: u.Body, Kind: u.Kind, Components: u.Components, Label: u.Label,
		})
	}
	weekgen.Must(weekgen.WriteWeek(weekgen.Dir(), tickets, updates, weekgen.Format{}))
	weekgen.PrintCounts(os.Stdout, counts)
}

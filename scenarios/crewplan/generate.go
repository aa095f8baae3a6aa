//go:build ignore

// generate.go writes the crewplan scenario: one invented week (Mon 13 – Sun 19
// April 2026) at the support desk of CrewPlan, a scheduling and project-planning
// SaaS for field-service companies.
//
//	cd /work/main && go run ./scenarios/crewplan/generate.go
//
// Standard library and scenarios/internal/weekgen only, seeded math/rand/v2:
// rerunning gives identical bytes.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"sort"
	"strings"
	"time"
	"unicode"

	"stormdesk/scenarios/internal/weekgen"
)

var rng = rand.New(rand.NewPCG(20260413, 0xC4E3B1A7))

func pick[T any](xs []T) T  { return weekgen.Pick(rng, xs) }
func chance(p float64) bool { return weekgen.Chance(rng, p) }
func between(a, b int) int  { return weekgen.Between(rng, a, b) }

// pickN returns n distinct elements of xs (n <= len(xs)).
func pickN(xs []string, n int) []string {
	idx := rng.Perm(len(xs))
	if n > len(xs) {
		n = len(xs)
	}
	out := make([]string, n)
	for i := 0; i < n; i++ {
		out[i] = xs[idx[i]]
	}
	return out
}

var weekStart = time.Date(2026, 4, 13, 0, 0, 0, 0, time.UTC) // Monday

// at returns day d (0 = Monday 13 April) at hh:mm UTC.
func at(d, hh, mm int) time.Time { return weekgen.At(weekStart, d, hh, mm) }

// ---------------------------------------------------------------- text noise

var keyNeighbours = text[map[rune]string]("keyNeighbours")

func isPlainWord(w []rune) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// typos introduces n keyboard slips into s.
func typos(s string, n int) string {
	words := strings.Split(s, " ")
	for k := 0; k < n*3 && n > 0; k++ {
		i := rng.IntN(len(words))
		w := []rune(words[i])
		if len(w) < 4 || !isPlainWord(w) {
			continue
		}
		p := 1 + rng.IntN(len(w)-2)
		switch rng.IntN(4) {
		case 0:
			w[p], w[p+1] = w[p+1], w[p]
		case 1:
			w = append(w[:p:p], w[p+1:]...)
		case 2:
			w = append(w[:p+1:p+1], w[p:]...)
		case 3:
			if nb, ok := keyNeighbours[unicode.ToLower(w[p])]; ok {
				w[p] = []rune(nb)[rng.IntN(len([]rune(nb)))]
			} else {
				w[p], w[p+1] = w[p+1], w[p]
			}
		}
		words[i] = string(w)
		n--
	}
	return strings.Join(words, " ")
}

var sloppyRepl = text[[]struct{ From, To string }]("sloppyRepl")

// sloppy makes a message look typed in a hurry on a phone.
func sloppy(s string) string {
	s = strings.ToLower(s)
	for _, r := range sloppyRepl {
		if chance(0.6) {
			s = strings.ReplaceAll(s, strings.ToLower(r.From), r.To)
		}
	}
	if chance(0.5) {
		s = strings.NewReplacer(". ", " ", ".\n", "\n", ", ", " ").Replace(s)
		s = strings.TrimSuffix(s, ".")
	}
	return s
}

var emojis = []string{" 🙏", " 😡", " 😩", " 🙃", " 👍", " 😬", " 🤦‍♂️", " ??", " :(", " :-/"}

// noise applies realistic noise. anger in [0,1] raises the chance of caps.
func noise(text string, anger float64, lang string) string {
	if text == "" {
		return text
	}
	r := rng.Float64()
	switch {
	case r < 0.10:
		text = sloppy(text)
	case r < 0.14 && lang == "en":
		text = strings.ToLower(text)
	}
	if chance(0.28) {
		text = typos(text, between(1, 3))
	}
	if chance(anger*0.10) && len(text) < 400 {
		text = strings.ToUpper(text)
		if !strings.HasSuffix(text, "!") && chance(0.7) {
			text += strings.Repeat("!", between(2, 4))
		}
	}
	if chance(0.05) {
		text += pick(emojis)
	}
	return text
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	first := strings.Fields(s)[0]
	keep := []string{"I", "I'm", "I've", "I'd", "CrewPlan", "Outlook", "Google", "Microsoft", "SSO", "PDF", "F5", "Chrome", "Safari", "Android", "iPhone", "Monday", "Saturday", "Friday"}
	for _, k := range keep {
		if strings.HasPrefix(first, k) {
			return s
		}
	}
	if len(first) > 1 && strings.ToUpper(first) == first {
		return s
	}
	rs := []rune(s)
	rs[0] = unicode.ToLower(rs[0])
	return string(rs)
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	rs := []rune(s)
	rs[0] = unicode.ToUpper(rs[0])
	return string(rs)
}

// join glues sentences together, sometimes as one paragraph, sometimes as several.
func join(parts ...string) string {
	var out []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, strings.TrimSpace(p))
		}
	}
	if len(out) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(out[0])
	for _, p := range out[1:] {
		if chance(0.3) {
			b.WriteString("\n\n")
		} else if chance(0.08) {
			b.WriteString("\n")
		} else {
			b.WriteString(" ")
		}
		b.WriteString(p)
	}
	return b.String()
}

// lead prefixes a sentence with an optional opener ("Not sure if it's just us, but ...").
func lead(openers []string, s string) string {
	if len(openers) == 0 || !chance(0.35) {
		return s
	}
	o := pick(openers)
	if strings.HasSuffix(o, ":") {
		return o + " " + s
	}
	return o + " " + lowerFirst(s)
}

// ---------------------------------------------------------------- customers

type Org struct {
	Name   string
	Domain string // "" = people use webmail
	Size   int
	Lang   string
	Plan   string
	SSO    bool
	Style  int // email address pattern
	People []*Person
}

type Person struct {
	First, Last, Email, Role, Phone string
	Org                             *Org
}

func (p *Person) Name() string { return p.First + " " + p.Last }

var orgSpecs = text[[]struct {
	Name, Domain string
	Size         int
	Lang, Plan   string
	Sso          bool
}]("orgSpecs")

var firstNamesEN = []string{"James", "Maria", "Robert", "Jennifer", "Michael", "Linda", "David", "Patricia", "Chris", "Jessica", "Daniel", "Sarah", "Matthew", "Karen", "Anthony", "Nancy", "Mark", "Lisa", "Donald", "Betty", "Steven", "Ashley", "Paul", "Kimberly", "Andrew", "Emily", "Joshua", "Donna", "Kevin", "Michelle", "Brian", "Carol", "George", "Amanda", "Tim", "Melissa", "Ron", "Deborah", "Jason", "Stephanie", "Ed", "Rebecca", "Jeff", "Sharon", "Ryan", "Laura", "Jacob", "Cynthia", "Gary", "Kathleen", "Nick", "Amy", "Eric", "Angela", "Jon", "Shirley", "Stephen", "Anna", "Larry", "Brenda", "Justin", "Pam", "Scott", "Emma", "Brandon", "Nicole", "Ben", "Helen", "Sam", "Samantha", "Greg", "Katie", "Frank", "Christine", "Alex", "Debbie", "Ray", "Rachel", "Pat", "Carolyn", "Jack", "Janet", "Dennis", "Catherine", "Jerry", "Maria", "Tyler", "Heather", "Aaron", "Diane", "Jose", "Ruth", "Adam", "Julie", "Nathan", "Olivia", "Henry", "Joyce", "Doug", "Virginia", "Zach", "Victoria", "Peter", "Kelly", "Kyle", "Lauren", "Noah", "Christina", "Ethan", "Joan", "Jeremy", "Evelyn", "Walter", "Judith", "Christian", "Megan", "Keith", "Andrea", "Roger", "Cheryl", "Terry", "Hannah", "Austin", "Jacqueline", "Sean", "Martha", "Gerald", "Gloria", "Carl", "Teresa", "Dylan", "Ann", "Harold", "Sara", "Jordan", "Madison", "Jesse", "Frances", "Bryan", "Kathryn", "Lawrence", "Janice", "Arthur", "Jean", "Gabriel", "Abigail", "Bruce", "Alice", "Logan", "Judy", "Billy", "Sophia", "Joe", "Grace", "Alan", "Denise", "Juan", "Amber", "Wayne", "Doris", "Elijah", "Marilyn", "Randy", "Danielle", "Roy", "Beverly", "Vincent", "Isabella", "Ralph", "Theresa", "Eugene", "Diana", "Russell", "Natalie", "Bobby", "Brittany", "Mason", "Charlotte", "Philip", "Marie", "Louis", "Kayla", "Priya", "Raj", "Mei", "Wei", "Tariq", "Aisha", "Kofi", "Ngozi", "Liam", "Siobhan", "Declan", "Aroha", "Mateo", "Lucia", "Dmitri", "Olga", "Hamid", "Fatima", "Kenji", "Yuki"}
var lastNamesEN = []string{"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins", "Reyes", "Stewart", "Morris", "Morales", "Murphy", "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper", "Peterson", "Bailey", "Reed", "Kelly", "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson", "Watson", "Brooks", "Chavez", "Wood", "James", "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes", "Price", "Alvarez", "Castillo", "Sanders", "Patel", "Myers", "Long", "Ross", "Foster", "Jimenez", "Powell", "Jenkins", "Perry", "Russell", "Sullivan", "Bell", "Coleman", "Butler", "Henderson", "Barnes", "Gonzales", "Fisher", "Vasquez", "Simmons", "Romero", "Jordan", "Patterson", "Alexander", "Hamilton", "Graham", "Reynolds", "Griffin", "Wallace", "Moreno", "West", "Cole", "Hayes", "Bryant", "Herrera", "Gibson", "Ellis", "Tran", "Medina", "Aguilar", "Stevens", "Murray", "Ford", "Castro", "Marshall", "Owens", "Harrison", "Fernandez", "McDonald", "Woods", "Washington", "Kennedy", "Wells", "Vargas", "Henry", "Chen", "Freeman", "Webb", "Tucker", "Guzman", "Burns", "Crawford", "Olson", "Simpson", "Porter", "Hunter", "Gordon", "Mendez", "Silva", "Shaw", "Snyder", "Mason", "Dixon", "Munoz", "Hunt", "Hicks", "Holmes", "Palmer", "Wagner", "Black", "Robertson", "Boyd", "Rose", "Stone", "Salazar", "Fox", "Warren", "Mills", "Meyer", "Rice", "Schmidt", "Garza", "Daniels", "Ferguson", "Nichols", "Stephens", "Soto", "Weaver", "Ryan", "Gardner", "Payne", "Grant", "Dunn", "Kelley", "Spencer", "Hawkins", "Arnold", "Pierce", "Hansen", "Peters", "Santos", "Hart", "Bradley", "Knight", "Elliott", "Cunningham", "Duncan", "Armstrong", "Hudson", "Carroll", "Lane", "Riley", "Andrews", "Ray", "Berry", "Perkins", "Hoffman", "Johnston", "Matthews", "Pena", "Richards", "Willis", "Carpenter", "Lawrence", "Sandoval", "O'Brien", "Okafor", "Mensah", "Kowalski", "Novak", "Haddad", "Sato", "Tanaka", "Singh", "Sharma", "Walsh", "Byrne", "Ngata"}
var firstNamesDE = []string{"Jonas", "Lukas", "Anna", "Katharina", "Stefan", "Thomas", "Sabine", "Markus", "Julia", "Andreas", "Petra", "Florian", "Monika", "Tobias", "Birgit"}
var lastNamesDE = []string{"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Wagner", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Neumann", "Zimmermann", "Krüger", "Hartmann"}
var firstNamesFR = []string{"Julien", "Camille", "Nicolas", "Sophie", "Mathieu", "Élodie", "Antoine", "Chloé", "Sébastien", "Isabelle", "Guillaume", "Nathalie"}
var lastNamesFR = []string{"Martin", "Bernard", "Dubois", "Moreau", "Laurent", "Lefebvre", "Girard", "Roux", "Fournier", "Gagnon", "Tremblay", "Côté", "Bouchard"}
var firstNamesES = []string{"Alejandro", "Lucía", "Javier", "Carmen", "Diego", "Sofía", "Miguel", "Elena", "Raúl", "Marta", "Andrés", "Paula", "Jorge"}
var lastNamesES = []string{"García", "Martínez", "López", "Sánchez", "Romero", "Navarro", "Torres", "Domínguez", "Vázquez", "Ramos", "Gil", "Molina", "Ortega", "Delgado"}

var rolesOwner = []string{"Owner", "Operations Manager", "General Manager", "Office Manager", "Managing Director", "Service Manager"}
var rolesStaff = []string{"Dispatcher", "Field Supervisor", "Service Coordinator", "Scheduling Lead", "Office Administrator", "IT Administrator", "Payroll & HR", "Field Technician", "Crew Lead", "Project Manager", "Customer Service", "Foreman", "Installer", "Account Manager", "Operations Coordinator"}

var orgs []*Org
var people []*Person

func asciiFold(s string) string {
	r := strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss", "é", "e", "è", "e", "ê", "e", "É", "E", "á", "a", "í", "i", "ó", "o", "ú", "u", "ñ", "n", "ô", "o", "Ö", "Oe", "Ü", "Ue", "Ä", "Ae", "'", "", "ç", "c")
	return r.Replace(s)
}

func buildCustomers() {
	usedEmail := map[string]bool{}
	for _, s := range orgSpecs {
		o := &Org{Name: s.Name, Domain: s.Domain, Size: s.Size, Lang: s.Lang, Plan: s.Plan, SSO: s.Sso, Style: rng.IntN(4)}
		fn, ln := firstNamesEN, lastNamesEN
		switch s.Lang {
		case "de":
			fn, ln = firstNamesDE, lastNamesDE
		case "fr":
			fn, ln = firstNamesFR, lastNamesFR
		case "es":
			fn, ln = firstNamesES, lastNamesES
		}
		for i := 0; i < s.Size; i++ {
			var p *Person
			for {
				f, l := pick(fn), pick(ln)
				if s.Lang != "en" && chance(0.15) {
					f = pick(firstNamesEN)
				}
				lf, ll := strings.ToLower(asciiFold(f)), strings.ToLower(asciiFold(l))
				var email string
				if o.Domain == "" {
					trade := strings.ToLower(strings.Fields(s.Name)[1])
					email = fmt.Sprintf("%s.%s.%s@%s", lf, ll, trade, pick([]string{"gmail.com", "outlook.com", "yahoo.com", "icloud.com"}))
				} else {
					switch o.Style {
					case 0:
						email = lf + "." + ll
					case 1:
						email = lf[:1] + ll
					case 2:
						email = lf
					default:
						email = lf + "_" + ll
					}
					email += "@" + o.Domain
				}
				if usedEmail[email] {
					continue
				}
				usedEmail[email] = true
				p = &Person{First: f, Last: l, Email: email, Org: o}
				break
			}
			if i == 0 {
				p.Role = pick(rolesOwner)
			} else {
				p.Role = pick(rolesStaff)
			}
			switch s.Lang {
			case "de":
				p.Phone = fmt.Sprintf("+49 %d %d %04d", between(30, 89), between(555, 559), between(1000, 9999))
			case "fr":
				p.Phone = fmt.Sprintf("+33 1 55 %02d %02d %02d", between(10, 99), between(10, 99), between(10, 99))
			case "es":
				p.Phone = fmt.Sprintf("+34 91 555 %02d %02d", between(10, 99), between(10, 99))
			default:
				p.Phone = fmt.Sprintf("+1 (%d) 555-01%02d", between(201, 989), between(0, 99))
			}
			o.People = append(o.People, p)
			people = append(people, p)
		}
		orgs = append(orgs, o)
	}
}

// anyPerson picks a customer, weighted so that bigger orgs write more often
// (but not linearly: one big org does not drown the desk).
func anyPerson() *Person {
	if chance(0.55) {
		return pick(people)
	}
	o := pick(orgs)
	return pick(o.People)
}

func personWithLang(lang string) *Person {
	var c []*Person
	for _, p := range people {
		if p.Org.Lang == lang {
			c = append(c, p)
		}
	}
	return pick(c)
}

// ---------------------------------------------------------------- rendering

// Msg is what a customer wants to say, before it is dressed as an email,
// a chat, a web form or an in-app report.
type Msg struct {
	Subject string
	Text    string
	Lang    string
	Anger   float64
	Topic   string // for the chat bot's article suggestions: login, clockin, upload, calendar, board, timesheet, billing, account, general
	Bare    bool   // text is complete as is (auto-replies, bounces): no greeting, no noise
	Sources []int  // weights for email, chat, web, api; nil = default
	NoChat  bool
	// follow-up: quote the earlier ticket's acknowledgement
	FollowOf *Draft
	Fwd      *Person // a colleague whose message this person forwards
}

var greetings = text[map[string][]string]("greetings")
var closings = text[map[string][]string]("closings")
var mobileSigs = text[map[string][]string]("mobileSigs")
var disclaimers = text[[]string]("disclaimers")

func signOff(p *Person, lang string) string {
	var b strings.Builder
	b.WriteString(pick(closings[lang]))
	b.WriteString("\n")
	switch rng.IntN(5) {
	case 0:
		b.WriteString(p.First)
	case 1:
		b.WriteString(p.Name())
	case 2:
		b.WriteString(string([]rune(p.First)[0]))
	default:
		b.WriteString(p.First)
	}
	return b.String()
}

func signature(p *Person, lang string) string {
	r := rng.Float64()
	switch {
	case r < 0.18:
		return "\n\n" + pick(mobileSigs[lang])
	case r < 0.30:
		return fmt.Sprintf("\n\n-- \n%s | %s | %s\n%s", p.Name(), p.Role, p.Org.Name, p.Phone)
	case r < 0.40:
		web := ""
		if p.Org.Domain != "" {
			web = "\nwww." + p.Org.Domain
		}
		s := fmt.Sprintf("\n\n%s\n%s\n%s\nT: %s%s", p.Name(), p.Role, p.Org.Name, p.Phone, web)
		if chance(0.35) {
			s += "\n\n" + pick(disclaimers)
		}
		return s
	case r < 0.45:
		return fmt.Sprintf("\n\n%s\n%s", p.Org.Name, p.Phone)
	}
	return ""
}

const supportAddr = "CrewPlan Support <support@crewplan.io>"

var agentNames = []string{"Marisol", "Devon", "Priya", "Tomasz", "Hana", "Jamal", "Ingrid", "Leo", "Aoife", "Ravi"}

func quoteLines(s string) string {
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

// priorMail is an earlier message from CrewPlan the customer happens to reply to.
func priorMail(p *Person, t time.Time) (subject, body string, when time.Time) {
	when = t.Add(-time.Duration(between(60*20, 60*24*9)) * time.Minute)
	agent := pick(agentNames)
	n := between(46100, 48150)
	switch rng.IntN(7) {
	case 0:
		return fmt.Sprintf("Re: Adding seats [#%d]", n), fmt.Sprintf("Hi %s,\n\nThanks for getting in touch! I've added the extra seats to your workspace; they'll show up prorated on your next invoice.\n\nIs there anything else I can help with?\n\nBest,\n%s\nCrewPlan Support", p.First, agent), when
	case 1:
		return fmt.Sprintf("Your request #%d has been solved", n), fmt.Sprintf("Hi %s,\n\nYour request #%d has been marked as solved. If anything else comes up, simply reply to this email to reopen it.\n\nCrewPlan Support", p.First, n), when
	case 2:
		return fmt.Sprintf("Re: Recurring shifts question [#%d]", n), fmt.Sprintf("Hello %s,\n\nHere is the article on recurring shift templates: https://help.crewplan.io/articles/recurring-shift-templates\n\nLet us know how you get on!\n\n%s | CrewPlan Support", p.First, agent), when
	case 3:
		return "Your CrewPlan invoice for April 2026", fmt.Sprintf("Hi %s,\n\nYour invoice INV-2026-0%d is now available. Amount: $%d.00. It will be charged to the card on file.\n\nView invoice: https://app.crewplan.io/billing/invoices\n\nThe CrewPlan team", p.First, between(41000, 49999), between(6, 60)*12), when
	case 4:
		return fmt.Sprintf("Re: Quick question [#%d]", n), fmt.Sprintf("Hi %s, just checking in: were you able to sort out the export in the end? If not, I'm happy to jump on a call.\n\nCheers,\n%s", p.First, agent), when
	case 5:
		return "What's new in CrewPlan: April", "Hi there,\n\nThis month: shift templates now support split shifts, the mobile app got a faster job list, and you can finally pin comments on tasks.\n\nHappy scheduling,\nThe CrewPlan team", when
	default:
		return fmt.Sprintf("Re: Timesheet approvals [#%d]", n), fmt.Sprintf("Hi %s,\n\nManagers can approve timesheets in bulk from Timesheets > Pending: tick the boxes and hit Approve. Admins can also lock a pay period afterwards.\n\n%s\nCrewPlan Support", p.First, agent), when
	}
}

func gmailHeader(when time.Time, from string) string {
	return fmt.Sprintf("On %s, %s wrote:", when.Format("Mon, 2 Jan 2006 at 15:04"), from)
}

func outlookBlock(when time.Time, from, to, subject, body string) string {
	sep := "-----Original Message-----"
	if chance(0.4) {
		sep = "________________________________"
	}
	return fmt.Sprintf("%s\nFrom: %s\nSent: %s\nTo: %s\nSubject: %s\n\n%s", sep, from, when.Format("Monday, January 2, 2006 3:04 PM"), to, subject, body)
}

func appleHeader(when time.Time, from string) string {
	return fmt.Sprintf("On %s, %s wrote:", when.Format("2 Jan 2006, at 15:04"), from)
}

func toHTML(s string) string {
	esc := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "'", "&#39;", "\"", "&quot;")
	paras := strings.Split(s, "\n\n")
	var b strings.Builder
	switch rng.IntN(3) {
	case 0: // gmail-ish
		b.WriteString(`<div dir="ltr">`)
		for i, p := range paras {
			if i > 0 {
				b.WriteString("<div><br></div>")
			}
			b.WriteString("<div>" + strings.ReplaceAll(esc.Replace(p), "\n", "<br>") + "</div>")
		}
		b.WriteString("</div>")
		return "<html><body>" + b.String() + "</body></html>"
	case 1: // outlook-ish
		b.WriteString(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body lang="EN-US"><div class="WordSection1">`)
		for _, p := range paras {
			for _, l := range strings.Split(p, "\n") {
				b.WriteString(`<p class="MsoNormal">` + esc.Replace(l) + "<o:p></o:p></p>")
			}
			b.WriteString(`<p class="MsoNormal"><o:p>&nbsp;</o:p></p>`)
		}
		b.WriteString("</div></body></html>")
		return b.String()
	default:
		b.WriteString("<html><body>")
		for _, p := range paras {
			b.WriteString("<p>" + strings.ReplaceAll(esc.Replace(p), "\n", "<br>") + "</p>")
		}
		b.WriteString("<p>&nbsp;</p></body></html>")
		return b.String()
	}
}

var botArticles = text[map[string][]string]("botArticles")

// sentences splits text into rough sentences for chat lines.
func sentences(s string) []string {
	s = strings.ReplaceAll(s, "\n", " ")
	var out []string
	var cur strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		cur.WriteRune(r)
		if (r == '.' || r == '?' || r == '!') && (i+1 == len(rs) || rs[i+1] == ' ') {
			t := strings.TrimSpace(cur.String())
			if t != "" {
				out = append(out, t)
			}
			cur.Reset()
		}
	}
	if t := strings.TrimSpace(cur.String()); t != "" {
		out = append(out, t)
	}
	return out
}

func chatTranscript(m Msg, p *Person, t time.Time) (string, string) {
	ss := sentences(m.Text)
	if len(ss) == 0 {
		ss = []string{m.Text}
	}
	clock := t.Add(-time.Duration(between(4, 14)) * time.Minute)
	ts := func(add int) string {
		clock = clock.Add(time.Duration(add) * time.Minute)
		return clock.Format("15:04")
	}
	agent := pick(agentNames)
	style := rng.IntN(3)
	cust := "Customer"
	bot := "Bot"
	ag := "Agent (" + agent + ")"
	if style == 1 {
		cust = p.First
		bot = "Crewbie"
		ag = agent + " (CrewPlan)"
	} else if style == 2 {
		cust = p.Name()
		bot = "Crewbie (bot)"
		ag = agent
	}
	var b strings.Builder
	if chance(0.5) {
		fmt.Fprintf(&b, "Conversation started %s UTC\nVisitor: %s <%s>\n\n", clock.Format("2 Jan 2006 15:04"), p.Name(), p.Email)
	}
	hello := pick([]string{"Hi there! I'm Crewbie, how can I help?", "Hi there! I'm Crewbie, CrewPlan's virtual assistant 👋 How can I help you today?", "Hello! I'm Crewbie. Ask me anything about CrewPlan.", "Hi! I'm Crewbie. What can I help you with?"})
	if m.Lang == "de" {
		hello = "Hallo! Ich bin Crewbie, der virtuelle Assistent von CrewPlan. Wie kann ich helfen?"
	} else if m.Lang == "fr" {
		hello = "Bonjour ! Je suis Crewbie, l'assistant virtuel de CrewPlan. Comment puis-je vous aider ?"
	} else if m.Lang == "es" {
		hello = "¡Hola! Soy Crewbie, el asistente virtual de CrewPlan. ¿En qué puedo ayudarte?"
	}
	fmt.Fprintf(&b, "[%s] %s: %s\n", ts(0), bot, hello)
	nFirst := 1
	if len(ss) > 2 && chance(0.5) {
		nFirst = 2
	}
	fmt.Fprintf(&b, "[%s] %s: %s\n", ts(1), cust, strings.Join(ss[:nFirst], " "))
	topic := m.Topic
	if topic == "" {
		topic = "general"
	}
	arts := botArticles[topic]
	if m.Lang == "en" && chance(0.6) {
		fmt.Fprintf(&b, "[%s] %s: I found some articles that might help: \"%s\". Did that answer your question?\n", ts(0), bot, pick(arts))
		fmt.Fprintf(&b, "[%s] %s: %s\n", ts(1), cust, pick([]string{"no", "No", "nope", "not really", "No. talk to a person please", "agent", "human please", "That's not it", "no that doesnt help", "No, I need to speak to someone"}))
	}
	connect := map[string]string{"de": "Ich verbinde Sie mit einem Mitarbeiter aus unserem Team.", "fr": "Je vous mets en relation avec un membre de notre équipe.", "es": "Te paso con una persona de nuestro equipo."}[m.Lang]
	if connect != "" {
		fmt.Fprintf(&b, "[%s] %s: %s\n", ts(0), bot, connect)
	} else {
		fmt.Fprintf(&b, "[%s] %s: %s\n", ts(0), bot, pick([]string{"No problem, let me connect you with someone from our team. Current wait time is about " + fmt.Sprint(between(2, 12)) + " minutes.", "Connecting you to an agent…", "I'll pass you to a human teammate. Hang tight!"}))
	}
	fmt.Fprintf(&b, "[%s] %s: %s\n", ts(between(1, 6)), ag, pick([]string{"Hi " + p.First + ", thanks for waiting! Let me take a look.", "Hi " + p.First + ", I'm " + agent + ". Sorry for the wait, reading back through your messages now.", "Hello! Thanks for your patience. Can you tell me a bit more?", "Hi " + p.First + "! Give me a moment to check your workspace."}))
	closer := pick([]string{"Thanks, I'm creating a ticket for this so the team can follow up by email.", "Thanks for the details, I've passed this on and will update you by email.", "OK, let me dig into this. I'll follow up by email shortly."})
	switch topic {
	case "billing", "account", "general":
		if chance(0.5) {
			closer = pick([]string{"Thanks! I'll sort this out and confirm by email.", "Noted. Someone from our billing and accounts team will email you today.", "Happy to help. I'll send you the details by email in a moment."})
		}
	default:
		if chance(0.5) {
			closer = pick([]string{"Got it. I'm going to check with our engineers and get back to you here or by email.", "Thanks, I'm escalating this to our technical team now."})
		}
	}
	rest := ss[nFirst:]
	if len(rest) == 0 {
		filler := map[string][]string{"de": {"Das war's eigentlich.", "Mehr weiß ich auch nicht."}, "fr": {"C'est tout.", "Rien d'autre à ajouter."}, "es": {"Eso es todo.", "Nada más."}}[m.Lang]
		if filler == nil {
			filler = []string{"That's all really, it just doesn't work", "Nothing else to add", "see above", "thats it"}
		}
		rest = []string{pick(filler)}
	}
	for i, s := range rest {
		if i > 3 {
			break
		}
		fmt.Fprintf(&b, "[%s] %s: %s\n", ts(between(0, 2)), cust, s)
	}
	fmt.Fprintf(&b, "[%s] %s: %s", ts(1), ag, closer)
	subject := pick([]string{"Chat with " + p.Name(), "Chat transcript – " + p.Name(), "Crewbie conversation", "", "New chat conversation"})
	if chance(0.35) && m.Subject != "" {
		subject = m.Subject
	}
	return subject, b.String()
}

var webCategories = map[string]string{"login": "Account access", "clockin": "Mobile app", "upload": "Technical issue", "calendar": "Integrations", "board": "Technical issue", "timesheet": "Timesheets & payroll", "billing": "Billing", "account": "Account & users", "general": "Other"}

func webForm(m Msg, p *Person) (string, string) {
	cat := webCategories[m.Topic]
	if cat == "" {
		cat = "Other"
	}
	var b strings.Builder
	switch rng.IntN(3) {
	case 0:
		fmt.Fprintf(&b, "Name: %s\nEmail: %s\nCompany: %s\nPlan: %s\nCategory: %s\n\nMessage:\n%s\n\n---\nSubmitted via https://crewplan.io/support/contact", p.Name(), p.Email, p.Org.Name, p.Org.Plan, cat, m.Text)
	case 1:
		fmt.Fprintf(&b, "What can we help with? %s\nHow urgent is it? %s\nDescribe the problem:\n%s", cat, urgency(m.Anger), m.Text)
	default:
		b.WriteString(m.Text)
	}
	subject := m.Subject
	if subject == "" || chance(0.15) {
		subject = "Contact form: " + cat
	}
	return subject, b.String()
}

var iosVersions = []string{"26.3.1", "26.4", "26.2", "18.7.2", "26.3"}
var androidVersions = []string{"16", "15", "14", "13"}
var phones = []string{"Samsung Galaxy A54", "Samsung Galaxy S24", "Pixel 8a", "Motorola moto g 5G", "Samsung Galaxy XCover 7", "OnePlus 12R", "Pixel 9"}
var iphones = []string{"iPhone 13", "iPhone 15", "iPhone 12 mini", "iPhone 16 Pro", "iPhone SE (3rd gen)", "iPhone 14"}

func appReport(m Msg, p *Person) (string, string) {
	var b strings.Builder
	screen := map[string]string{"login": "Sign in", "clockin": "Clock In", "upload": "Task > Attachments", "calendar": "Settings > Calendar", "board": "Board", "timesheet": "Timesheets"}[m.Topic]
	if screen == "" {
		screen = pick([]string{"Home", "Schedule", "Settings", "Tasks"})
	}
	if chance(0.5) {
		fmt.Fprintf(&b, "Submitted from CrewPlan for iOS 5.14.%d (build 514%02d)\nDevice: %s, iOS %s\n", between(0, 2), between(10, 40), pick(iphones), pick(iosVersions))
	} else {
		fmt.Fprintf(&b, "Submitted from CrewPlan for Android 5.14.%d (build 514%02d)\nDevice: %s, Android %s\n", between(0, 2), between(10, 40), pick(phones), pick(androidVersions))
	}
	fmt.Fprintf(&b, "Workspace: %s (ws_%s)\nUser: %s\nScreen: %s\n\n--- message ---\n%s", p.Org.Name, randID(6), p.Email, screen, m.Text)
	subject := m.Subject
	if subject == "" || chance(0.4) {
		subject = pick([]string{"In-app problem report", "Problem report from mobile app", "Feedback from CrewPlan app", "In-app report: " + screen})
	}
	return subject, b.String()
}

func randID(n int) string {
	const al = "abcdefghijklmnopqrstuvwxyz0123456789"
	b := make([]byte, n)
	for i := range b {
		b[i] = al[rng.IntN(len(al))]
	}
	return string(b)
}

func chooseSource(w []int) string {
	if w == nil {
		w = []int{60, 15, 18, 7}
	}
	names := []string{"email", "chat", "web", "api"}
	tot := 0
	for _, x := range w {
		tot += x
	}
	r := rng.IntN(tot)
	for i, x := range w {
		if r < x {
			return names[i]
		}
		r -= x
	}
	return "email"
}

// render dresses a message and returns subject, body and source.
func render(d *Draft, m Msg) (string, string, string) {
	p := d.P
	lang := m.Lang
	if lang == "" {
		lang = "en"
	}
	if m.Bare {
		return m.Subject, m.Text, "email"
	}
	text := noise(m.Text, m.Anger, lang)
	subject := m.Subject
	if chance(m.Anger*0.12) && subject != "" {
		subject = strings.ToUpper(subject)
	} else if chance(0.12) {
		subject = strings.ToLower(subject)
	}
	m.Text = text
	src := chooseSource(m.Sources)
	if m.NoChat && src == "chat" {
		src = "email"
	}
	if m.FollowOf != nil || m.Fwd != nil {
		src = "email"
	}
	switch src {
	case "chat":
		s, b := chatTranscript(m, p, d.T)
		return s, b, "chat"
	case "web":
		s, b := webForm(m, p)
		return s, b, "web"
	case "api":
		s, b := appReport(m, p)
		return s, b, "api"
	}
	// email
	greet := ""
	if chance(0.8) {
		greet = pick(greetings[lang]) + "\n\n"
	}
	core := greet + text
	if chance(0.75) {
		core += "\n\n" + signOff(p, lang)
	}
	core += signature(p, lang)

	if m.FollowOf != nil {
		o := m.FollowOf
		ackAt := o.T.Add(time.Duration(between(1, 12)) * time.Minute)
		if !ackAt.Before(d.T) {
			ackAt = o.T.Add(time.Minute)
		}
		ack := fmt.Sprintf("Hi %s,\n\nThanks for contacting CrewPlan Support. We've received your request (#%s) \"%s\" and someone from our team will get back to you shortly.\n\nYou can add information by replying to this email.\n\nCrewPlan Support", p.First, strings.TrimPrefix(o.ID, "CP-"), o.Subject)
		if o.Subject == "" {
			ack = strings.Replace(ack, " \"\"", "", 1)
		}
		rsub := "Re: " + o.Subject
		if o.Subject == "" {
			rsub = "Re: Your CrewPlan request #" + strings.TrimPrefix(o.ID, "CP-")
		}
		if subject != "" && chance(0.3) {
			rsub = subject
		}
		switch rng.IntN(3) {
		case 0:
			return rsub, core + "\n\n" + gmailHeader(ackAt, supportAddr) + "\n" + quoteLines(ack), "email"
		case 1:
			return rsub, core + "\n\n" + outlookBlock(ackAt, supportAddr, fmt.Sprintf("%s <%s>", p.Name(), p.Email), "[CrewPlan] Re: "+o.Subject, ack), "email"
		default:
			return rsub, core + "\n\n" + appleHeader(ackAt, supportAddr) + "\n\n" + quoteLines(ack), "email"
		}
	}
	if m.Fwd != nil {
		c := m.Fwd
		sent := d.T.Add(-time.Duration(between(3, 40)) * time.Minute)
		intro := pick([]string{"FYI, see below from one of our techs. Can you help?", "Forwarding this from our crew lead.", "See below. This is happening to several of our guys.", "Please see the message below from my colleague.", "fwd from the field", "Can someone look at this? Forwarded from " + c.First + ".", ""})
		if lang == "de" {
			intro = pick([]string{"Zur Info, siehe unten.", "Weiterleitung von unserem Monteur, bitte prüfen."})
		}
		sub := m.Subject
		body := strings.TrimSpace(intro + "\n\n" + signOff(p, lang) + "\n\n---------- Forwarded message ---------\n" +
			fmt.Sprintf("From: %s <%s>\nDate: %s\nSubject: %s\nTo: %s <%s>\n\n", c.Name(), c.Email, sent.Format("Mon, 2 Jan 2006 at 15:04"), sub, p.Name(), p.Email) + text)
		return "Fwd: " + sub, body, "email"
	}
	r := rng.Float64()
	switch {
	case r < 0.09:
		return subject, toHTML(core), "email"
	case r < 0.15:
		ps, pb, when := priorMail(p, d.T)
		return "Re: " + strings.TrimPrefix(ps, "Re: "), core + "\n\n" + gmailHeader(when, supportAddr) + "\n" + quoteLines(pb), "email"
	case r < 0.20:
		ps, pb, when := priorMail(p, d.T)
		return "RE: " + strings.TrimPrefix(ps, "Re: "), core + "\n\n" + outlookBlock(when, supportAddr, fmt.Sprintf("%s <%s>", p.Name(), p.Email), ps, pb), "email"
	case r < 0.24:
		ps, pb, when := priorMail(p, d.T)
		return "Re: " + strings.TrimPrefix(ps, "Re: "), core + "\n\n" + appleHeader(when, supportAddr) + "\n\n" + quoteLines(pb), "email"
	case r < 0.29 && subject != "":
		return "", core, "email" // body-only: subject left empty
	case r < 0.33 && subject != "" && len(m.Text) < 140:
		return subject, "", "email" // subject-only
	case r < 0.43:
		return subject, text, "email" // bare, no greeting
	}
	return subject, core, "email"
}

func urgency(anger float64) string {
	if anger >= 0.3 {
		return pick([]string{"High", "Urgent – work is blocked", "Urgent – work is blocked", "Normal"})
	}
	return pick([]string{"Low", "Normal", "Normal", "High"})
}

// ---------------------------------------------------------------- drafts

type Draft struct {
	T       time.Time
	P       *Person
	Label   string
	Gen     func(d *Draft) Msg
	ID      string
	Subject string
	Body    string
	Source  string
}

func maybe(s string, p float64) string {
	if chance(p) {
		return s
	}
	return ""
}

// ---------------------------------------------------------------- incident wording

type incText struct {
	Topic       string
	Anger       float64
	Sources     []int
	Subjects    []string
	Openers     []string
	Symptoms    []string
	Details     []string
	Contexts    []string
	Asks        []string
	Shorts      []string
	Followups   []string
	Longs       []string            // "subject|body", each used at most once
	Foreign     map[string][]string // lang -> "subject|body"
	UsedLong    int
	PlannedLong int
}

var genericAsks = []string{"Is this a known issue?", "Are you aware of this?", "Any ETA on a fix?", "Is it just us or is something down?", "Can someone look into this ASAP?", "Please advise.", "Is there a workaround we can use in the meantime?", "Can you check on your side?", "Is there an outage?", "Please call me back, number below.", "What should we do?", "Let me know what you find.", "Could you please look into it urgently.", "Is anyone else reporting this?", "Help!", "Please fix asap.", "Can you tell me what's going on?", "Is something down on your end?"}

func splitSB(s string) (string, string) {
	parts := strings.SplitN(s, "|", 2)
	return parts[0], parts[1]
}

func (it *incText) msg(p *Person) Msg {
	m := Msg{Lang: "en", Anger: it.Anger, Topic: it.Topic, Sources: it.Sources}
	lang := p.Org.Lang
	if lang != "en" && len(it.Foreign[lang]) > 0 && chance(0.85) {
		m.Subject, m.Text = splitSB(pick(it.Foreign[lang]))
		m.Lang = lang
		return m
	}
	asks := append(append([]string{}, it.Asks...), genericAsks...)
	r := rng.Float64()
	switch {
	case r < 0.15:
		m.Text = pick(it.Shorts)
	case r < 0.50:
		m.Text = join(lead(it.Openers, pick(it.Symptoms)), maybe(pick(it.Details), 0.5), pick(asks))
	case r < 0.88:
		s := pickN(it.Symptoms, 2)
		m.Text = join(lead(it.Openers, s[0]), maybe(s[1], 0.3), pick(it.Details), pick(it.Contexts), maybe(pick(asks), 0.7))
	default:
		s := pickN(it.Symptoms, 2)
		d := pickN(it.Details, 2)
		c := pickN(it.Contexts, 2)
		m.Text = join(lead(it.Openers, s[0]), d[0], s[1], d[1], c[0], c[1], pick(asks))
	}
	m.Subject = pick(it.Subjects)
	m.Text = strings.ReplaceAll(m.Text, "{plan}", p.Org.Plan)
	return m
}

// longMsg is one of the few long, rambling reports (always email or web form).
func (it *incText) longMsg() Msg {
	m := Msg{Lang: "en", Anger: it.Anger, Topic: it.Topic, Sources: []int{75, 0, 25, 0}}
	m.Subject, m.Text = splitSB(it.Longs[it.UsedLong%len(it.Longs)])
	it.UsedLong++
	return m
}

func (it *incText) followup(p *Person, orig *Draft) Msg {
	m := Msg{Lang: "en", Anger: it.Anger + 0.3, Topic: it.Topic, FollowOf: orig}
	m.Text = pick(it.Followups)
	if p.Org.Lang == "de" {
		m.Text, m.Lang = pick([]string{"Gibt es schon etwas Neues? Bei uns geht es immer noch nicht.", "Hallo, noch mal nachgefragt: Problem besteht weiterhin. Wann ist das behoben?"}), "de"
	} else if p.Org.Lang == "fr" {
		m.Text, m.Lang = pick([]string{"Des nouvelles ? Toujours le même problème chez nous.", "Je relance : ça ne marche toujours pas."}), "fr"
	} else if p.Org.Lang == "es" {
		m.Text, m.Lang = pick([]string{"¿Alguna novedad? Seguimos igual.", "Hola de nuevo, sigue sin funcionar. ¿Saben cuándo estará resuelto?"}), "es"
	}
	return m
}

var loginText = text[*incText]("loginText")

var clockinText = text[*incText]("clockinText")

var calConnectText = text[*incText]("calConnectText")

var calStaleText = text[*incText]("calStaleText")

var uploadText = text[*incText]("uploadText")

var boardText = text[*incText]("boardText")

var timesheetText = text[*incText]("timesheetText")

// ---------------------------------------------------------------- hard negatives

// list is a list of texts; in texts.json, the list itself or the name of
// another list there (the extras many pools share).
type list []string

func (l *list) UnmarshalJSON(data []byte) error {
	var name string
	if json.Unmarshal(data, &name) == nil {
		*l = text[list](name)
		return nil
	}
	return json.Unmarshal(data, (*[]string)(l))
}

type simplePool struct {
	Topic    string
	Anger    float64
	Sources  []int
	Subjects []string
	Texts    []string
	Extras   list // optional extra sentences
	Foreign  map[string][]string
}

func (sp *simplePool) msg(p *Person) Msg {
	m := Msg{Lang: "en", Topic: sp.Topic, Anger: sp.Anger, Sources: sp.Sources}
	if l := p.Org.Lang; l != "en" && len(sp.Foreign[l]) > 0 && chance(0.8) {
		m.Subject, m.Text = splitSB(pick(sp.Foreign[l]))
		m.Lang = l
		return m
	}
	t := pick(sp.Texts)
	if i := strings.Index(t, "|"); i >= 0 {
		m.Subject = pick(strings.Split(t[:i], ";"))
		t = t[i+1:]
	} else {
		m.Subject = pick(sp.Subjects)
	}
	t = strings.NewReplacer("{email}", p.Email, "{first}", p.First, "{org}", p.Org.Name, "{domain}", orDefault(p.Org.Domain, "gmail.com")).Replace(t)
	if len(sp.Extras) > 0 && chance(0.45) {
		t = join(t, pick(sp.Extras))
	}
	m.Text = t
	return m
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

var hardNeg = text[[]*simplePool]("hardNeg")

// ---------------------------------------------------------------- look-alikes

var lookAlike = text[map[string][]*simplePool]("lookAlike")

func lookAlikeMsg(label string, p *Person) Msg {
	sp := pick(lookAlike[label])
	return sp.msg(p)
}

const hnLongText = "I'm sorry this is long but I want to explain the whole thing so you don't think I'm an idiot. I'm the scheduler for our company and I use CrewPlan every single day. Last Thursday I got a new laptop from our IT company and they set up my browser again, and I think the password manager didn't come across, so on Monday I was typing what I thought was my password from memory. It didn't work, so I tried a couple of variations (the one with the exclamation mark at the end, the one with my daughter's birthday, you get the idea). After maybe five or six tries it said my account was locked for security reasons and to try again later. I waited, went to lunch, came back, and tried the forgot password link. The email arrived but by the time I clicked it (I was on the phone with a customer) it said the link had expired. I requested another one and that one worked and I set a new password, but now when I log in it asks for the 6-digit code from the authenticator app, and that app was on my old phone, which I handed back to the phone company last week because I got a new one at the same time as the laptop. So now I'm stuck at the code screen. Everyone else in the office can log in fine, it's really just me and my own mess. Our owner is the other admin but he's on a job site all day and doesn't really know the settings. Is there any way you can reset the two-factor on my account or send a code to my email instead? I can verify who I am however you need. Thank you so much and sorry again."

// ---------------------------------------------------------------- background

type bgTopic struct {
	Weight int
	Pool   *simplePool
}

func slots(s string, p *Person) string {
	n := p.Org.Size*between(2, 4) + between(0, 5)
	return strings.NewReplacer(
		"{n}", fmt.Sprint(n+between(2, 6)), "{m}", fmt.Sprint(n),
		"{amt}", fmt.Sprintf("%d.00", n*12), "{amt2}", fmt.Sprintf("%d.00", (n+between(3, 9))*12),
		"{po}", fmt.Sprintf("PO-%d", between(20000, 89999)), "{inv}", fmt.Sprintf("INV-2026-0%d", between(41000, 49999)),
		"{vat}", fmt.Sprintf("GB%d", between(100000000, 999999999)), "{domain}", orDefault(p.Org.Domain, "gmail.com"),
		"{org}", p.Org.Name, "{first}", p.First, "{other}", pick(firstNamesEN)+" "+pick(lastNamesEN),
		"{email}", p.Email,
	).Replace(s)
}

var bgTopics = text[[]bgTopic]("bgTopics")

var bgLongs = text[[]string]("bgLongs")

func bgMsg(p *Person) Msg {
	if chance(0.006) && len(bgLongs) > 0 {
		s := bgLongs[0]
		bgLongs = bgLongs[1:]
		sub, txt := splitSB(s)
		return Msg{Subject: sub, Text: txt, Lang: "en", Topic: "general", NoChat: true}
	}
	tot := 0
	for _, t := range bgTopics {
		tot += t.Weight
	}
	r := rng.IntN(tot)
	for _, t := range bgTopics {
		if r < t.Weight {
			m := t.Pool.msg(p)
			if m.Lang == "en" && chance(0.08) {
				m.Subject = pick([]string{"Question", "Help", "CrewPlan question", "Support request", "quick question", "Need help", "Hi", "question about our account"})
			}
			m.Text = slots(m.Text, p)
			m.Subject = slots(m.Subject, p)
			return m
		}
		r -= t.Weight
	}
	return Msg{}
}

// ---------------------------------------------------------------- auto-replies and bounces

func oooMsg(p *Person, t time.Time) Msg {
	subs := []string{"Your CrewPlan invoice for April 2026", "What's new in CrewPlan: April", fmt.Sprintf("Re: Your request #%d has been solved", between(46100, 48150)), "Next week's schedule has been published", "Your shift swap request was approved", fmt.Sprintf("[CrewPlan] Re: Question about seats [#%d]", between(46100, 48150))}
	prefix := pick([]string{"Automatic reply: ", "Out of Office: ", "Auto: ", "Abwesenheitsnotiz: ", "Réponse automatique : "})
	if p.Org.Lang == "en" {
		prefix = pick([]string{"Automatic reply: ", "Out of Office: ", "Auto: ", "Out of office re: "})
	} else if p.Org.Lang == "de" {
		prefix = pick([]string{"Abwesenheitsnotiz: ", "Automatische Antwort: "})
	} else if p.Org.Lang == "fr" {
		prefix = "Réponse automatique : "
	} else if p.Org.Lang == "es" {
		prefix = "Respuesta automática: "
	}
	back := t.Add(time.Duration(between(2, 12)) * 24 * time.Hour)
	colleague := "office@" + orDefault(p.Org.Domain, "gmail.com")
	var body string
	switch p.Org.Lang {
	case "de":
		body = fmt.Sprintf("Vielen Dank für Ihre Nachricht. Ich bin bis einschließlich %s nicht im Büro und habe keinen Zugriff auf meine E-Mails. In dringenden Fällen wenden Sie sich bitte an %s.\n\nMit freundlichen Grüßen\n%s", back.Format("02.01.2006"), colleague, p.Name())
	case "fr":
		body = fmt.Sprintf("Bonjour,\n\nJe suis absent(e) jusqu'au %s inclus. Pour toute urgence, merci de contacter %s.\n\nCordialement,\n%s", back.Format("02/01/2006"), colleague, p.Name())
	case "es":
		body = fmt.Sprintf("Gracias por su mensaje. Estaré fuera de la oficina hasta el %s. Para asuntos urgentes, escriba a %s.\n\n%s", back.Format("02/01/2006"), colleague, p.Name())
	default:
		body = pick([]string{
			fmt.Sprintf("Thank you for your email. I am out of the office until %s with limited access to email. For urgent scheduling matters please contact %s or call the office.", back.Format("Monday 2 January"), colleague),
			fmt.Sprintf("Hi,\n\nI'm currently on vacation and will be back on %s. If it's urgent, please reach out to %s.\n\nThanks,\n%s", back.Format("January 2"), colleague, p.First),
			"I'm on site all day with limited signal. I'll get back to you when I'm back in the office. For emergencies call the main line.",
			fmt.Sprintf("I am on parental leave until %s. Please direct all CrewPlan and scheduling questions to %s.", back.Add(40*24*time.Hour).Format("2 January 2006"), colleague),
		})
	}
	return Msg{Subject: prefix + pick(subs), Text: body, Bare: true}
}

var bouncePerson = &Person{First: "Mail Delivery", Last: "Subsystem", Email: "mailer-daemon@googlemail.com", Org: &Org{Name: ""}}
var postmasterPerson = &Person{First: "Microsoft", Last: "Outlook", Org: &Org{Name: ""}}

func bounceDraft(d *Draft) Msg {
	target := anyPerson()
	addr := strings.Replace(target.Email, "@", pick([]string{"1@", ".old@", "@", "@"}), 1)
	if !strings.Contains(addr, "1@") && !strings.Contains(addr, ".old@") {
		addr = "x" + addr
	}
	subj := pick([]string{"Re: Your request has been received", "Next week's schedule has been published", "You've been invited to join " + target.Org.Name + " on CrewPlan", "Reset your CrewPlan password", "Your CrewPlan invoice for April 2026"})
	if chance(0.55) {
		d.P = bouncePerson
		return Msg{Bare: true, Subject: "Delivery Status Notification (Failure)", Text: fmt.Sprintf("** Address not found **\n\nYour message wasn't delivered to %s because the address couldn't be found, or is unable to receive mail.\n\nLearn more here: https://support.google.com/mail/?p=NoSuchUser\n\nThe response was:\n\n550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces.\n\n----- Original message -----\n\nFrom: CrewPlan <noreply@crewplan.io>\nTo: %s\nSubject: %s\nDate: %s", addr, addr, subj, d.T.Add(-time.Minute).Format("Mon, 2 Jan 2006 15:04:05 -0700"))}
	}
	dom := orDefault(target.Org.Domain, "outlook.com")
	pm := *postmasterPerson
	pm.Email = "postmaster@" + dom
	d.P = &pm
	return Msg{Bare: true, Subject: "Undeliverable: " + subj, Text: fmt.Sprintf("Delivery has failed to these recipients or groups:\n\n%s\nThe email address you entered couldn't be found. Please check the recipient's email address and try to resend the message. If the problem continues, please contact your helpdesk.\n\nDiagnostic information for administrators:\n\nGenerating server: mail.%s\n\n%s\nRemote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'\n\nOriginal message headers:\n\nFrom: CrewPlan <noreply@crewplan.io>\nTo: <%s>\nSubject: %s\nDate: %s", addr, dom, addr, addr, subj, d.T.Add(-2*time.Minute).Format("Mon, 2 Jan 2006 15:04:05 +0000"))}
}

// ---------------------------------------------------------------- timing

type knot struct {
	min int
	w   float64
}

func interp(ks []knot, x float64) float64 {
	for i := 1; i < len(ks); i++ {
		a, b := ks[i-1], ks[i]
		if x <= float64(b.min) {
			f := (x - float64(a.min)) / float64(b.min-a.min)
			return a.w + f*(b.w-a.w)
		}
	}
	return ks[len(ks)-1].w
}

// sampleTimes draws n arrival times in [start, start+span] following the
// piecewise-linear intensity ks; the first is exactly start, the last is the end.
func sampleTimes(start time.Time, ks []knot, n int) []time.Time {
	span := ks[len(ks)-1].min
	wmax := 0.0
	for _, k := range ks {
		if k.w > wmax {
			wmax = k.w
		}
	}
	out := []time.Time{start.Add(time.Duration(between(0, 50)) * time.Second)}
	for len(out) < n-1 {
		x := rng.Float64() * float64(span)
		if rng.Float64()*wmax < interp(ks, x) {
			out = append(out, start.Add(time.Duration(x*60)*time.Second))
		}
	}
	out = append(out, start.Add(time.Duration(span)*time.Minute+time.Duration(between(0, 50))*time.Second))
	sort.Slice(out, func(i, j int) bool { return out[i].Before(out[j]) })
	return out
}

// hourly weight of the everyday desk (UTC; customers in North America and Europe)
var hourWeight = []float64{0.8, 0.6, 0.45, 0.35, 0.45, 0.8, 1.8, 3.2, 4.2, 4.6, 4.6, 4.4, 4.4, 5.2, 5.6, 5.6, 5.2, 4.6, 3.8, 3.2, 2.6, 2.0, 1.4, 1.0}

func dayFactor(d int) float64 {
	switch d {
	case 5:
		return 0.32 // Saturday
	case 6:
		return 0.24 // Sunday
	}
	return 1
}

// everydayTimes returns n times spread over the week with the desk's rhythm.
func everydayTimes(n int, avoid func(time.Time) bool) []time.Time {
	var cum []float64
	tot := 0.0
	for d := 0; d < 7; d++ {
		for h := 0; h < 24; h++ {
			tot += hourWeight[h] * dayFactor(d)
			cum = append(cum, tot)
		}
	}
	var out []time.Time
	for len(out) < n {
		r := rng.Float64() * tot
		i := sort.SearchFloat64s(cum, r)
		t := weekStart.Add(time.Duration(i)*time.Hour + time.Duration(rng.IntN(3600))*time.Second)
		if avoid != nil && avoid(t) {
			continue
		}
		out = append(out, t)
	}
	return out
}

// ---------------------------------------------------------------- week plan

type window struct{ from, to time.Time }

func (w window) has(t time.Time) bool { return !t.Before(w.from) && !t.After(w.to) }

var (
	winCalConnect = window{at(0, 14, 41), at(0, 16, 26)}
	winLogin      = window{at(1, 13, 47), at(1, 16, 6)}
	winUpload     = window{at(2, 9, 53), at(2, 12, 21)}
	winBoard      = window{at(3, 14, 22), at(3, 16, 53)}
	winTimesheet  = window{at(4, 7, 20), at(4, 21, 45)}
	winCalStale   = window{at(5, 10, 12), at(5, 13, 21)}
	winMaint      = window{at(6, 0, 45), at(6, 3, 15)}
)

var drafts []*Draft

func add(t time.Time, p *Person, label string, gen func(d *Draft) Msg) *Draft {
	d := &Draft{T: t.Truncate(time.Second), P: p, Label: label, Gen: gen}
	drafts = append(drafts, d)
	return d
}

// incidentPerson picks a reporter not yet used for this incident.
func incidentPerson(used map[*Person]bool) *Person {
	for {
		var p *Person
		if chance(0.6) {
			p = pick(people)
		} else {
			p = pick(pick(orgs).People)
		}
		if !used[p] {
			used[p] = true
			return p
		}
	}
}

func colleagueOf(p *Person) *Person {
	if len(p.Org.People) < 2 {
		return nil
	}
	for {
		c := pick(p.Org.People)
		if c != p {
			return c
		}
	}
}

type incPlan struct {
	label     string
	start     time.Time
	knots     []knot
	n         int
	followups int
	texts     []*incText
	share     []float64 // probability of each text
}

func planIncident(ip incPlan) {
	used := map[*Person]bool{}
	times := sampleTimes(ip.start, ip.knots, ip.n)
	var primaries []*Draft
	end := times[len(times)-1]
	for i, t := range times {
		it := ip.texts[0]
		if i > 0 && len(ip.texts) > 1 {
			r := rng.Float64()
			for k, s := range ip.share {
				if r < s {
					it = ip.texts[k]
					break
				}
				r -= s
			}
		}
		p := incidentPerson(used)
		var fwd *Person
		if it.Topic == "clockin" && chance(0.18) {
			if c := colleagueOf(p); c != nil {
				fwd, p = p, c // the tech writes to the office, the office forwards to us
				used[p] = true
			}
		}
		it2, fwd2 := it, fwd
		long := false
		if fwd == nil && i >= 4 && it.PlannedLong < len(it.Longs) && chance(0.2) {
			long = true
			it.PlannedLong++
		}
		d := add(t, p, ip.label, func(d *Draft) Msg {
			var m Msg
			if long {
				m = it2.longMsg()
			} else if fwd2 != nil {
				m = it2.msg(fwd2)
				m.Fwd = fwd2
			} else {
				m = it2.msg(d.P)
			}
			return m
		})
		primaries = append(primaries, d)
	}
	// follow-ups: "any update??" from people who already wrote
	done := map[*Draft]bool{}
	for k := 0; k < ip.followups; k++ {
		for tries := 0; tries < 50; tries++ {
			o := pick(primaries)
			if done[o] || o.T.Add(22*time.Minute).After(end) {
				continue
			}
			maxGap := int(end.Sub(o.T).Minutes())
			if maxGap > 75 {
				maxGap = 75
			}
			t := o.T.Add(time.Duration(between(20, maxGap))*time.Minute + time.Duration(rng.IntN(60))*time.Second)
			done[o] = true
			it := ip.texts[0]
			orig := o
			add(t, o.P, ip.label, func(d *Draft) Msg { return it.followup(d.P, orig) })
			break
		}
	}
}

func planWeek() {
	// Monday: Calbridge cannot complete new calendar connections.
	planIncident(incPlan{label: "inc-calendar-connect-fail", start: winCalConnect.from, n: 29, followups: 2,
		knots: []knot{{0, 2}, {30, 5}, {60, 5}, {90, 2}, {104, 1}}, texts: []*incText{calConnectText}})
	// Tuesday: Keyloom authentication outage: sign-in AND mobile clock-in.
	planIncident(incPlan{label: "inc-sso-login-outage", start: winLogin.from, n: 132, followups: 12,
		knots: []knot{{0, 2}, {20, 8}, {50, 10}, {80, 7}, {110, 3}, {138, 1}},
		texts: []*incText{loginText, clockinText}, share: []float64{0.64, 0.36}})
	// Wednesday: Stashbox upload errors (status page first).
	planIncident(incPlan{label: "inc-attachment-upload-fail", start: winUpload.from, n: 39, followups: 4,
		knots: []knot{{0, 2}, {30, 6}, {70, 6}, {110, 3}, {147, 1}}, texts: []*incText{uploadText}})
	// Thursday: Pulsewire websockets; tickets keep rising after "monitoring" at 15:58.
	planIncident(incPlan{label: "inc-board-live-updates", start: winBoard.from, n: 52, followups: 5,
		knots: []knot{{0, 1}, {28, 3}, {68, 5}, {98, 7}, {123, 7}, {138, 4}, {150, 1}}, texts: []*incText{boardText}})
	// Friday: CrewPlan's own release bug, a slow trickle all day.
	{
		used := map[*Person]bool{}
		t := winTimesheet.from
		var first []*Draft
		for !t.After(winTimesheet.to) {
			p := incidentPerson(used)
			gen := func(d *Draft) Msg { return timesheetText.msg(d.P) }
			if len(first) == 5 {
				gen = func(d *Draft) Msg { return timesheetText.longMsg() }
			}
			d := add(t.Add(time.Duration(rng.IntN(60))*time.Second), p, "inc-timesheet-break-deduction", gen)
			first = append(first, d)
			t = t.Add(time.Duration(between(20, 52)) * time.Minute)
		}
		o := first[3]
		add(o.T.Add(3*time.Hour+17*time.Minute), o.P, "inc-timesheet-break-deduction", func(d *Draft) Msg { return timesheetText.followup(d.P, o) })
	}
	// Saturday: Calbridge sync backlog (status page first).
	planIncident(incPlan{label: "inc-calendar-sync-stale", start: winCalStale.from, n: 21, followups: 2,
		knots: []knot{{0, 2}, {40, 5}, {100, 4}, {188, 1}}, texts: []*incText{calStaleText}})

	// look-alikes inside the windows
	las := []struct {
		label string
		w     window
		n     int
	}{
		{"inc-calendar-connect-fail", winCalConnect, 4}, {"inc-sso-login-outage", winLogin, 8}, {"inc-attachment-upload-fail", winUpload, 5},
		{"inc-board-live-updates", winBoard, 5}, {"inc-timesheet-break-deduction", winTimesheet, 4}, {"inc-calendar-sync-stale", winCalStale, 3},
	}
	for _, la := range las {
		for i := 0; i < la.n; i++ {
			span := la.w.to.Sub(la.w.from)
			t := la.w.from.Add(time.Duration(rng.Int64N(int64(span))))
			lbl := la.label
			add(t, anyPerson(), "look-alike", func(d *Draft) Msg { return lookAlikeMsg(lbl, d.P) })
		}
	}

	// hard negatives: many during the sign-in outage, the rest over the week
	hnGen := func(d *Draft) Msg { return pick(hardNeg).msg(d.P) }
	for i := 0; i < 26; i++ {
		span := winLogin.to.Sub(winLogin.from)
		add(winLogin.from.Add(time.Duration(rng.Int64N(int64(span)))), anyPerson(), "hard-negative", hnGen)
	}
	add(winLogin.from.Add(71*time.Minute), anyPerson(), "hard-negative", func(d *Draft) Msg {
		return Msg{Lang: "en", Topic: "login", Anger: 0.4, Sources: []int{100, 0, 0, 0}, Subject: "Locked out of my account - please read", Text: hnLongText}
	})
	for _, t := range everydayTimes(55, func(t time.Time) bool { return winMaint.has(t) || winLogin.has(t) }) {
		add(t, anyPerson(), "hard-negative", hnGen)
	}

	// everyday background with the desk's rhythm
	sum := 0.0
	for _, w := range hourWeight {
		sum += w
	}
	scale := 66.0 / sum
	for d := 0; d < 7; d++ {
		for h := 0; h < 24; h++ {
			rate := hourWeight[h] * dayFactor(d) * scale * (0.7 + 0.6*rng.Float64())
			n := int(rate)
			if rng.Float64() < rate-float64(n) {
				n++
			}
			for i := 0; i < n; i++ {
				t := at(d, h, 0).Add(time.Duration(rng.IntN(3600)) * time.Second)
				r := rng.Float64()
				switch {
				case r < 0.035:
					add(t, anyPerson(), "background", func(d *Draft) Msg { return oooMsg(d.P, d.T) })
				case r < 0.055:
					add(t, nil, "background", bounceDraft)
				default:
					add(t, anyPerson(), "background", func(d *Draft) Msg { return bgMsg(d.P) })
				}
			}
		}
	}
}

// ---------------------------------------------------------------- status pages

// upd is one post on a provider's status page, at a day of the week and a
// time ("15:04").
type upd struct {
	Day                        int
	Time, Status, Impact, Body string
}

func (u upd) at() time.Time {
	var h, m int
	if _, err := fmt.Sscanf(u.Time, "%d:%d", &h, &m); err != nil {
		panic(fmt.Sprintf("texts.json statusPages: %q: %v", u.Time, err))
	}
	return at(u.Day, h, m)
}

type provInc struct {
	Provider, Title, Kind, Label string
	Components                   []string
	Updates                      []upd
}

func statusPages() []provInc { return text[[]provInc]("statusPages") }

// ---------------------------------------------------------------- main

// text decodes the table name of texts.json: the week's ticket texts, which
// this generator only draws from and puts together.
func text[T any](name string) T { return weekgen.Table[T](textsFile, name) }

// textsFile is texts.json beside this file.
var textsFile = weekgen.TextsFile()

func main() {
	out := flag.String("out", "scenarios/crewplan", "folder to write tickets.jsonl and updates.jsonl into")
	flag.Parse()

	buildCustomers()
	planWeek()

	idx := map[*Draft]int{}
	for i, d := range drafts {
		idx[d] = i
	}
	sort.SliceStable(drafts, func(i, j int) bool {
		if drafts[i].T.Equal(drafts[j].T) {
			return idx[drafts[i]] < idx[drafts[j]]
		}
		return drafts[i].T.Before(drafts[j].T)
	})
	for i, d := range drafts {
		d.ID = fmt.Sprintf("CP-%d", 48211+i)
	}
	seen := map[string]bool{}
	var rows []weekgen.Ticket
	counts := map[string]int{}
	for _, d := range drafts {
		var m Msg
		for try := 0; try < 8; try++ {
			m = d.Gen(d)
			key := d.Label + "\x00" + m.Subject + "\x00" + m.Text
			if !seen[key] || m.Bare {
				seen[key] = true
				break
			}
		}
		d.Subject, d.Body, d.Source = render(d, m)
		counts[d.Label]++
		rows = append(rows, weekgen.Ticket{ID: d.ID, ReceivedAt: d.T.Format(time.RFC3339), Subject: d.Subject, Body: d.Body, Source: d.Source,
			CustomerEmail: d.P.Email, CustomerName: d.P.Name(), Org: d.P.Org.Name, Label: d.Label})
	}

	var ups []weekgen.Update
	for _, pi := range statusPages() {
		pid := randID(12)
		for _, u := range pi.Updates {
			ups = append(ups, weekgen.Update{Provider: pi.Provider, ProviderIncidentID: pid, UpdateID: randID(12), Status: u.Status, Impact: u.Impact,
				At: u.at().Format(time.RFC3339), Title: pi.Title, Body: u.Body, Kind: pi.Kind, Components: pi.Components, Label: pi.Label})
		}
	}
	sort.SliceStable(ups, func(i, j int) bool { return ups[i].At < ups[j].At })
	weekgen.Must(weekgen.WriteWeek(*out, rows, ups, weekgen.Format{}))
	weekgen.PrintCounts(os.Stdout, counts)
}

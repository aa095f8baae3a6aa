//go:build ignore

// generate.go writes tickets.jsonl and updates.jsonl for the WageWise week
// (Mon 4 Jan 2027 - Sun 10 Jan 2027, UTC). Standard library and
// scenarios/internal/weekgen only, fixed seed: rerunning it gives the same
// bytes.
//
//	go run generate.go
package main

import (
	"fmt"
	"math"
	"math/rand"
	"sort"
	"strings"
	"time"

	"stormdesk/scenarios/internal/weekgen"
)

// ticket is a line of tickets.jsonl, the time it arrives and the order it
// was made in (which breaks ties between equal times).
type ticket struct {
	weekgen.Ticket
	at  time.Time
	seq int
}

var r = rand.New(rand.NewSource(20270104))

func pick(xs []string) string { return xs[r.Intn(len(xs))] }
func chance(p float64) bool   { return r.Float64() < p }

// deck hands out the items of a list in a shuffled order, reshuffling only
// when every item has been used, so hand-written lines repeat as little as
// possible.
type deck struct {
	items []string
	order []int
	pos   int
}

func newDeck(items []string) *deck { return &deck{items: items} }

func (d *deck) next() string {
	if d.pos >= len(d.order) {
		d.order = r.Perm(len(d.items))
		d.pos = 0
	}
	s := d.items[d.order[d.pos]]
	d.pos++
	return s
}

// ---------------------------------------------------------------- orgs

type org struct {
	name    string
	domain  string
	country string // UK, IE, US
	weight  int
	langs   string // "es", "pl", "espl" for employees who sometimes write in Spanish/Polish
	bureau  bool
	sites   []string
}

var orgs = []org{
	{"Harbour & Finch Bakeries", "harbourfinch.co.uk", "UK", 10, "pl", false, []string{"Bristol", "Bath", "Clifton", "Weston"}},
	{"Cobblestone Hospitality Group", "cobblestonehg.co.uk", "UK", 12, "espl", false, []string{"Manchester Deansgate", "Leeds Briggate", "York", "Chester"}},
	{"Copperleaf Cleaning Services", "copperleafclean.co.uk", "UK", 10, "espl", false, []string{"Canary Wharf", "Croydon", "Heathrow T5", "Stratford"}},
	{"Lough Derg Care Homes", "loughdergcare.ie", "IE", 8, "", false, []string{"Nenagh", "Killaloe", "Portumna"}},
	{"Pennine Freight Ltd", "penninefreight.co.uk", "UK", 6, "pl", false, []string{"Huddersfield depot", "Oldham depot"}},
	{"Brennan Bros Construction", "brennanbros.ie", "IE", 6, "pl", false, []string{"Swords", "Naas", "Athlone"}},
	{"Kestrel Veterinary Partners", "kestrelvets.co.uk", "UK", 4, "", false, []string{"Harrogate", "Ripon"}},
	{"Maple Street Dental", "maplestreetdental.com", "US", 3, "es", false, []string{"Columbus"}},
	{"Tidewater Logistics", "tidewaterlogistics.com", "US", 4, "es", false, []string{"Norfolk", "Richmond"}},
	{"Ashgrove Academy Trust", "ashgrovetrust.org.uk", "UK", 5, "", false, []string{"Ashgrove Primary", "Fernlea Juniors"}},
	{"Northlight Opticians", "northlightoptics.co.uk", "UK", 4, "", false, []string{"Glasgow", "Paisley"}},
	{"Greenacre Garden Centres", "greenacregc.co.uk", "UK", 5, "", false, []string{"Stroud", "Cheltenham", "Tewkesbury"}},
	{"Saltmarsh Brewing Co", "saltmarshbrewing.co.uk", "UK", 3, "", false, []string{"Whitstable"}},
	{"Riverside Physio Clinic", "riversidephysio.ie", "IE", 3, "", false, []string{"Limerick"}},
	{"Bayview Retail", "bayviewretail.com", "US", 3, "es", false, []string{"Tampa", "Sarasota"}},
	{"Clarke & Doyle Accountants", "clarkedoyle.ie", "IE", 4, "", true, []string{"Cork"}},
	{"Ledgerline Payroll Bureau", "ledgerline.co.uk", "UK", 5, "", true, []string{"Reading"}},
	{"Fernhill Nurseries", "fernhillnurseries.co.uk", "UK", 3, "", false, []string{"Fernhill"}},
	{"Quayside Fitness", "quaysidefitness.ie", "IE", 3, "", false, []string{"Galway", "Salthill"}},
}

func pickOrg(filter func(o org) bool) org {
	tot := 0
	for _, o := range orgs {
		if filter == nil || filter(o) {
			tot += o.weight
		}
	}
	n := r.Intn(tot)
	for _, o := range orgs {
		if filter == nil || filter(o) {
			if n < o.weight {
				return o
			}
			n -= o.weight
		}
	}
	panic("no org")
}

func notUS(o org) bool  { return o.country != "US" }
func anyOrg(o org) bool { return true }
func employer(o org) bool {
	return !o.bureau
}
func employerNotUS(o org) bool { return !o.bureau && o.country != "US" }

// ---------------------------------------------------------------- people

type person struct {
	name, email, role, lang string
	org                     org
}

var (
	ukFirst = []string{"Olivia", "Jack", "Amelia", "Harry", "Isla", "George", "Ava", "Noah", "Mia", "Leo", "Grace", "Oscar", "Freya", "Charlie", "Ellie", "Alfie", "Poppy", "Arthur", "Sophie", "Thomas", "Lily", "Jacob", "Evie", "Mohammed", "Priya", "Daniel", "Hannah", "Ryan", "Chloe", "Liam", "Megan", "Kieran", "Jade", "Callum", "Bethany", "Dean", "Shannon", "Gareth", "Tracey", "Nadia", "Aisha", "Imran", "Zoe", "Marcus", "Kelly", "Stuart", "Fiona", "Rhys", "Carys"}
	ukLast  = []string{"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Hughes", "Khan", "Ahmed", "Lewis", "Harris", "Morgan", "Price", "Bennett", "Fletcher", "Holloway", "Barker", "Doyle", "Shaw", "Mason", "Pearce", "Begum", "Hussain", "Cartwright", "Lambert"}
	ieFirst = []string{"Aoife", "Ciara", "Niamh", "Siobhan", "Orla", "Sinead", "Eimear", "Roisin", "Padraig", "Ciaran", "Eoin", "Cian", "Darragh", "Seamus", "Declan", "Fergal", "Aisling", "Grainne", "Conor", "Sean", "Mairead", "Colm", "Brid", "Dervla", "Oisin"}
	ieLast  = []string{"Murphy", "Kelly", "O'Sullivan", "Walsh", "O'Brien", "Byrne", "Ryan", "O'Connor", "O'Neill", "Doyle", "McCarthy", "Gallagher", "Lynch", "Quinn", "Kennedy", "Brennan", "Nolan", "Hogan", "Fitzgerald", "Dunne", "Moloney", "Keane", "Cullen"}
	usFirst = []string{"Ashley", "Tyler", "Brittany", "Kevin", "Jessica", "Brandon", "Megan", "Justin", "Kayla", "Austin", "Courtney", "Derek", "Shanice", "Trevor", "Madison", "Cody", "Destiny", "Travis"}
	usLast  = []string{"Miller", "Anderson", "Martinez", "Garcia", "Jackson", "Thompson", "Moore", "Rodriguez", "Lee", "Hernandez", "Young", "King", "Scott", "Baker"}
	esFirst = []string{"Lucía", "María", "Carmen", "José", "Javier", "Alejandro", "Sofía", "Valentina", "Diego", "Camila", "Andrés", "Paula", "Marta", "Raúl"}
	esLast  = []string{"García", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Ruiz", "Díaz", "Moreno", "Torres", "Ramírez", "Castillo"}
	plFirst = []string{"Agnieszka", "Katarzyna", "Małgorzata", "Anna", "Piotr", "Tomasz", "Krzysztof", "Paweł", "Marcin", "Ewa", "Magdalena", "Łukasz", "Joanna", "Michał"}
	plLast  = []string{"Nowak", "Kowalska", "Wiśniewski", "Wójcik", "Kamińska", "Lewandowski", "Zielińska", "Szymański", "Woźniak", "Dąbrowska", "Kozłowski", "Jankowska"}
)

var asciiFold = strings.NewReplacer("á", "a", "é", "e", "í", "i", "ó", "o", "ú", "u", "ñ", "n", "ł", "l", "ą", "a", "ę", "e", "ś", "s", "ć", "c", "ż", "z", "ź", "z", "ń", "n", "Ł", "L", "'", "", " ", "")

var peopleByOrgRole = map[string][]person{}
var usedEmails = map[string]bool{}

func newPerson(o org, role, lang string) person {
	var first, last string
	switch {
	case lang == "es":
		first, last = pick(esFirst), pick(esLast)
	case lang == "pl":
		first, last = pick(plFirst), pick(plLast)
	case o.country == "IE":
		first, last = pick(ieFirst), pick(ieLast)
	case o.country == "US":
		first, last = pick(usFirst), pick(usLast)
	default:
		first, last = pick(ukFirst), pick(ukLast)
	}
	f := strings.ToLower(asciiFold.Replace(first))
	l := strings.ToLower(asciiFold.Replace(last))
	var email string
	if role == "employee" && chance(0.55) {
		doms := []string{"gmail.com", "outlook.com", "icloud.com", "hotmail.co.uk", "yahoo.co.uk"}
		switch {
		case lang == "pl":
			doms = []string{"wp.pl", "o2.pl", "gmail.com", "interia.pl"}
		case lang == "es":
			doms = []string{"gmail.com", "hotmail.es", "yahoo.es"}
		case o.country == "IE":
			doms = []string{"gmail.com", "eircom.net", "hotmail.com", "icloud.com"}
		case o.country == "US":
			doms = []string{"gmail.com", "yahoo.com", "aol.com", "icloud.com"}
		}
		forms := []string{f + "." + l, f + l + fmt.Sprint(r.Intn(99)), string(f[0]) + l, f + "_" + l, l + f[:1] + fmt.Sprint(80+r.Intn(20))}
		email = pick(forms) + "@" + pick(doms)
	} else {
		forms := []string{f + "." + l, string(f[0]) + "." + l, f}
		email = pick(forms) + "@" + o.domain
	}
	for usedEmails[email] {
		email = strings.Replace(email, "@", fmt.Sprint(r.Intn(9)+1)+"@", 1)
	}
	usedEmails[email] = true
	return person{name: first + " " + last, email: email, role: role, lang: lang, org: o}
}

// writer returns someone of that role at that org; now and then the same
// person writes again.
func writer(o org, role, lang string) person {
	key := o.name + "|" + role + "|" + lang
	if ps := peopleByOrgRole[key]; len(ps) > 0 && chance(0.18) {
		return ps[r.Intn(len(ps))]
	}
	p := newPerson(o, role, lang)
	peopleByOrgRole[key] = append(peopleByOrgRole[key], p)
	return p
}

// ---------------------------------------------------------------- style

// sloppy makes a phone-typed employee message: lower case, apostrophes
// dropped, a slipped letter, no full stop.
func sloppy(s string) string {
	if chance(0.6) {
		s = strings.ToLower(s)
	}
	if chance(0.7) {
		s = strings.NewReplacer("'", "", "’", "").Replace(s)
	}
	if chance(0.5) {
		w := strings.Fields(s)
		if len(w) > 4 {
			i := r.Intn(len(w))
			if len(w[i]) > 4 {
				b := []byte(w[i])
				j := 1 + r.Intn(len(b)-3)
				if b[j] < 128 && b[j+1] < 128 {
					b[j], b[j+1] = b[j+1], b[j]
					w[i] = string(b)
					s = strings.Join(w, " ")
				}
			}
		}
	}
	s = strings.TrimRight(s, ".")
	if chance(0.2) {
		s += pick([]string{"!!", "??", " !!!", "...", " ffs", " pls"})
	}
	return s
}

func firstName(p person) string { return strings.Fields(p.name)[0] }

var greetEmp = []string{"", "", "", "Hi", "Hi,", "Hello", "hey", "Hiya", "Hi there,", "Morning,"}
var greetPro = []string{"Hi,", "Hello,", "Hi team,", "Hello WageWise support,", "Good morning,", "Dear Support,", "Hi there,", "Hi all,", ""}
var greetIE = []string{"Hi lads,", "Hi folks,", "Morning all,", "Hi,", "Hello,"}
var greetUS = []string{"Hi,", "Hello,", "Hi team,", "Good morning,", "Hey there,"}

func signoff(p person) string {
	fn := firstName(p)
	switch p.role {
	case "employee":
		return pick([]string{"", "", "", "\n\n" + fn, "\n\nthanks " + fn, "\n\nSent from my iPhone", "\n\nSent from my Galaxy", "\n\n" + p.name, "\n\nThanks"})
	default:
		title := map[string][]string{
			"manager": {"Store Manager", "Site Manager", "Shift Supervisor", "Team Leader", "Operations Manager", "Deputy Manager", "Practice Manager"},
			"admin":   {"Payroll Administrator", "Payroll & HR Officer", "Finance Manager", "Payroll Lead", "Accounts Assistant"},
			"hr":      {"HR Manager", "People & Culture Lead", "HR Advisor", "HR Business Partner"},
			"bureau":  {"Payroll Bureau Manager", "Client Payroll Specialist", "Senior Payroll Executive", "Director"},
			"owner":   {"Owner", "Director", "Managing Director", "Co-founder"},
		}[p.role]
		t := pick(title)
		return pick([]string{
			"\n\nThanks,\n" + fn,
			"\n\nKind regards,\n" + p.name + "\n" + t + "\n" + p.org.name,
			"\n\nRegards,\n" + p.name + "\n" + t,
			"\n\nMany thanks\n" + fn,
			"\n\nCheers,\n" + fn,
			"\n\nBest,\n" + p.name + " | " + t + " | " + p.org.name,
			"\n\n--\n" + p.name + "\n" + t + ", " + p.org.name + "\nThis email and any attachments are confidential and intended solely for the addressee.",
		})
	}
}

func greeting(p person) string {
	var g string
	switch {
	case p.lang == "es":
		g = pick([]string{"", "Hola", "Hola,", "Buenos días,"})
	case p.lang == "pl":
		g = pick([]string{"", "Dzień dobry,", "Witam,", "Cześć"})
	case p.role == "employee":
		g = pick(greetEmp)
	case p.org.country == "IE":
		g = pick(greetIE)
	case p.org.country == "US":
		g = pick(greetUS)
	default:
		g = pick(greetPro)
	}
	if g == "" {
		return ""
	}
	return g + "\n\n"
}

func emailBody(p person, msg string) string {
	return greeting(p) + msg + signoff(p)
}

func htmlBody(p person, msg string) string {
	var b strings.Builder
	b.WriteString("<html><head><meta charset=\"utf-8\"></head><body><div dir=\"ltr\">")
	if g := strings.TrimSpace(greeting(p)); g != "" {
		b.WriteString("<p>" + g + "</p>")
	}
	for _, para := range strings.Split(msg, "\n\n") {
		b.WriteString("<p>" + strings.ReplaceAll(para, "\n", "<br>") + "</p>")
	}
	s := strings.TrimSpace(signoff(p))
	if s != "" {
		b.WriteString("<div class=\"signature\">" + strings.ReplaceAll(s, "\n", "<br>") + "</div>")
	}
	b.WriteString("</div></body></html>")
	return b.String()
}

var agents = []string{"Sam", "Priya", "Tom", "Roisin", "Gemma", "Marek", "Hollie", "Dev"}

func botGreeting() string {
	return pick([]string{
		"[WageBot] Hi! I'm WageBot. How can I help today?",
		"[WageBot] Hello 👋 What can I help you with?",
		"[WageBot] Hi there! Ask me anything about WageWise, or type 'agent' to talk to the team.",
		"[WageBot] Welcome to WageWise support. How can I help?",
	})
}

// chatBody builds a transcript: the bot, the customer, maybe an agent.
func chatBody(p person, lines []string, agentLine string) string {
	who := "[" + p.name + "]"
	var b []string
	b = append(b, botGreeting())
	b = append(b, who+" "+lines[0])
	b = append(b, pick([]string{
		"[WageBot] Sorry to hear that. I'll pass you to someone from the team.",
		"[WageBot] I didn't quite get that. Connecting you to a person…",
		"[WageBot] Thanks! An agent will be with you shortly. Typical wait: 4 minutes.",
		"[WageBot] I found some help articles that might answer this. Did that help? (yes / no / agent)",
	}))
	for _, l := range lines[1:] {
		b = append(b, who+" "+l)
	}
	a := pick(agents)
	if agentLine != "" {
		b = append(b, "Agent "+a+" joined the chat")
		b = append(b, "["+a+"] "+agentLine)
	} else if chance(0.5) {
		b = append(b, "Agent "+a+" joined the chat")
		b = append(b, "["+a+"] "+pick([]string{
			"Hi " + firstName(p) + ", thanks for waiting. Let me take a look at that for you.",
			"Hi " + firstName(p) + ", I'm looking into this now.",
			"Thanks " + firstName(p) + " - can you tell me which device you're using?",
			"Hello! Give me a moment to check your account.",
		}))
	} else {
		b = append(b, "[WageBot] The chat ended before an agent joined. We'll follow up by email.")
	}
	return strings.Join(b, "\n")
}

func webBody(p person, topic, msg string) string {
	return fmt.Sprintf("Name: %s\nEmail: %s\nCompany: %s\nTopic: %s\nMessage:\n%s", p.name, p.email, p.org.name, topic, msg)
}

// ---------------------------------------------------------------- generator

type gen struct {
	tickets []*ticket
	seq     int
}

var G gen

func (g *gen) add(at time.Time, label string, p person, subject, body, source string) *ticket {
	g.seq++
	t := &ticket{at: at, seq: g.seq, Ticket: weekgen.Ticket{ReceivedAt: at.UTC().Format(time.RFC3339), Subject: subject, Body: body, Source: source, CustomerEmail: p.email, CustomerName: p.name, Org: p.org.name, Label: label}}
	g.tickets = append(g.tickets, t)
	return t
}

// msg is one hand-written complaint: its subject lines and its text. The
// text may hold {site}.
type msg struct {
	subj  []string
	body  string
	topic string
}

func fill(s string, p person) string {
	site := pick(p.org.sites)
	return strings.NewReplacer("{site}", site, "{org}", p.org.name, "{first}", firstName(p)).Replace(s)
}

// emit writes one ticket for m from p at t, in a source chosen by mix.
func emit(at time.Time, label string, p person, m msg, extra string) *ticket {
	body := fill(m.body, p)
	subj := fill(pick(m.subj), p)
	if extra != "" {
		body += " " + fill(extra, p)
	}
	if p.role == "employee" && p.lang == "" && chance(0.45) {
		body = sloppy(body)
		if chance(0.4) {
			subj = strings.ToLower(subj)
		}
	}
	topic := m.topic
	if topic == "" || chance(0.3) {
		topic = "Other"
	}
	x := r.Float64()
	switch {
	case x < 0.23:
		lines := splitChat(body)
		s := ""
		if chance(0.3) {
			s = "Chat with " + p.name
		}
		return G.add(at, label, p, s, chatBody(p, lines, ""), "chat")
	case x < 0.37:
		return G.add(at, label, p, subj, webBody(p, topic, body), "web")
	case x < 0.45 && p.role != "employee":
		return G.add(at, label, p, subj, htmlBody(p, body), "email")
	default:
		return G.add(at, label, p, subj, emailBody(p, body), "email")
	}
}

// splitChat cuts a message into a few chat lines at sentence ends.
func splitChat(s string) []string {
	s = strings.ReplaceAll(s, "\n\n", " ")
	var out []string
	cur := ""
	for _, w := range strings.Fields(s) {
		cur += w + " "
		if (strings.HasSuffix(w, ".") || strings.HasSuffix(w, "?") || strings.HasSuffix(w, "!")) && len(cur) > 40 && len(out) < 3 {
			out = append(out, strings.TrimSpace(cur))
			cur = ""
		}
	}
	if strings.TrimSpace(cur) != "" {
		out = append(out, strings.TrimSpace(cur))
	}
	return out
}

// ---------------------------------------------------------------- time

func day(d, h, m int) time.Time { return time.Date(2027, 1, 4+d, h, m, 0, 0, time.UTC) }

// burst draws n times between a and b from a triangular shape peaking at
// mode (0..1 of the window).
func burst(a, b time.Time, n int, mode float64) []time.Time {
	span := b.Sub(a).Seconds()
	out := make([]time.Time, n)
	for i := range out {
		u := r.Float64()
		var f float64
		if u < mode {
			f = math.Sqrt(u * mode)
		} else {
			f = 1 - math.Sqrt((1-u)*(1-mode))
		}
		out[i] = a.Add(time.Duration(f*span) * time.Second)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Before(out[j]) })
	return out
}

func within(a, b time.Time) time.Time {
	return a.Add(time.Duration(r.Int63n(int64(b.Sub(a)/time.Second))) * time.Second)
}

var weekdayHours = []int{1, 1, 1, 1, 1, 2, 4, 9, 12, 12, 9, 7, 9, 8, 6, 6, 5, 4, 3, 2, 2, 2, 1, 1}
var weekendHours = []int{1, 1, 0, 0, 0, 1, 1, 2, 3, 4, 4, 4, 3, 3, 3, 2, 2, 2, 3, 3, 3, 2, 1, 1}

// dayTime picks a time on day d following the desk's daily rhythm; US
// writers come later in the UTC day.
func dayTime(d int, us bool) time.Time {
	w := weekdayHours
	if d >= 5 {
		w = weekendHours
	}
	tot := 0
	for _, x := range w {
		tot += x
	}
	n := r.Intn(tot)
	h := 0
	for i, x := range w {
		if n < x {
			h = i
			break
		}
		n -= x
	}
	if us {
		h = (h + 5) % 24
		if h < 5 && d < 6 {
			h += 12
		}
	}
	return day(d, h, 0).Add(time.Duration(r.Intn(3600)) * time.Second)
}

// ---------------------------------------------------------------- storm: keyhaven sign-in, Tue 5 Jan

var stormEmp = []msg{
	{[]string{"Can't log in", "cant log in", "Login not working"}, "Can't log in to the app. It keeps saying something went wrong, please try again.", "Signing in"},
	{[]string{"App stuck", "app just spinning"}, "The app is just spinning on the sign in screen. Been like this 10 minutes and I need to clock in for my shift at {site}.", "Signing in"},
	{[]string{"code not working", "SMS code invalid"}, "The code you text me doesn't work. Says invalid code. Tried 4 times now.", "Signing in"},
	{[]string{"Cannot sign in", "sign in broken?"}, "Sign in not working for me or for anyone else on the early shift.", "Signing in"},
	{[]string{"keeps going back to login", "Login loop"}, "Every time I put my password in it takes me straight back to the login page. Round and round.", "Signing in"},
	{[]string{"Can't clock in", "cant clock in - logged out"}, "I'm at work and can't clock in because the app logged me out and won't let me back in.", "Clocking in/out"},
	{[]string{"verification code expired??"}, "Text code came through but when I enter it it says 'code expired' straight away. It's only been seconds.", "Signing in"},
	{[]string{"Is it down?", "wagewise down?"}, "Is WageWise down? Nobody at our site can get in this morning.", ""},
	{[]string{"error logging in", "Error KH-503"}, "Getting 'We couldn't verify your identity right now (KH-503)' when I try to log in.", "Signing in"},
	{[]string{"Locked out of app", "Can't get into the app"}, "I can't get into the app at all this morning. Worked fine last night when I clocked out.", "Signing in"},
	{[]string{"No text code", "not getting the code"}, "Not getting the text with the code. Pressed resend loads of times. My number hasn't changed.", "Signing in"},
	{[]string{"how do i clock in", "Clock in"}, "How am I meant to clock in if the app won't log me in? My manager says write it down but I'm worried I'll not get paid for it.", "Clocking in/out"},
	{[]string{"Login", "log in"}, "login page says try again later. its 8am and my shift started at 8", ""},
	{[]string{"Something went wrong", "something went wrong error"}, "All I get is 'Something went wrong' after I type my password. Reinstalled the app, still the same.", "Signing in"},
	{[]string{"Password not accepted"}, "It's saying my password is wrong but it's definitely right, I've used the same one for a year. Then it just spins.", "Signing in"},
	{[]string{"help cant sign in"}, "Tried on my phone and on my laptop, can't sign in on either. Keeps loading then error.", "Signing in"},
	{[]string{"App not letting me in"}, "App not letting me in. Tried wifi and 4G. Same thing. Can someone sort it please", ""},
	{[]string{"2FA not working", "two factor broken"}, "The two-factor step is broken. I type the 6 digits and it just says 'Verification failed'.", "Signing in"},
	{[]string{"Can't access my account"}, "I can't access my account to clock in or see my rota. The screen goes white then back to sign in.", ""},
	{[]string{"Login failing at {site}", "site can't log in"}, "None of us at {site} can log in this morning, the app keeps timing out.", "Signing in"},
	{[]string{"signing in", "stuck on 'signing you in'"}, "It's been stuck on 'Signing you in…' for ages. Can't do anything.", "Signing in"},
	{[]string{"urgent - cant clock in"}, "URGENT can't clock in, app says session expired and when I sign in again it fails.", "Clocking in/out"},
	{[]string{"Logged out and can't get back in"}, "The app logged me out overnight and now it won't accept my login. I haven't changed anything.", "Signing in"},
	{[]string{"Is there a problem with login today"}, "Is there a problem with logging in today? My colleague can't get in either.", ""},
	{[]string{"web login broken too"}, "Neither the app nor the website will let me sign in. Website shows an error page from the sign in bit.", "Signing in"},
	{[]string{"re: clock in"}, "I'm outside the door of {site} and can't clock in because the login won't work. Do I just go in?", "Clocking in/out"},
	{[]string{"cant see my shift"}, "Can't see my shift or clock in. App asks me to log in then gives an error every time.", ""},
	{[]string{"login code"}, "Got two codes by text, neither of them work. 'Invalid or expired code'.", "Signing in"},
}

var stormIE = []msg{
	{[]string{"App won't let me in", "can't get in"}, "The app won't let me in this morning at all, keeps saying try again later. Was grand yesterday.", "Signing in"},
	{[]string{"Login gone again?"}, "Is the login gone on ye? Can't get in on the phone or the computer and I'm meant to be clocking in at {site}.", "Signing in"},
	{[]string{"Text code not working"}, "I keep getting the text code but it won't take it off me. Says the code is wrong. Tried it three times now.", "Signing in"},
	{[]string{"Staff can't sign in - {site}"}, "Half the staff here at {site} can't sign in to clock in for the morning shift. It's giving an error after the password. What's going on?", "Signing in"},
}

var stormES = []msg{
	{[]string{"No puedo entrar", "no puedo iniciar sesion"}, "No puedo entrar en la app, me sale un error al iniciar sesión y tengo que fichar.", ""},
	{[]string{"codigo SMS no funciona"}, "El código que me llega por SMS no funciona, dice que es incorrecto. Lo he intentado varias veces.", ""},
	{[]string{"app no carga"}, "La aplicación se queda cargando en la pantalla de inicio de sesión y no puedo fichar la entrada.", ""},
}

var stormPL = []msg{
	{[]string{"Nie mogę się zalogować", "logowanie nie działa"}, "Nie mogę się zalogować do aplikacji, ciągle się kręci. Muszę się odbić na zmianę.", ""},
	{[]string{"kod SMS nie działa"}, "Kod SMS nie działa, pisze że jest nieprawidłowy. Próbowałam trzy razy.", ""},
	{[]string{"problem z logowaniem"}, "Aplikacja wyrzuca mnie do ekranu logowania za każdym razem jak wpisuję hasło. Co się dzieje?", ""},
}

var stormMgr = []msg{
	{[]string{"Whole team can't sign in", "Team unable to log in this morning"}, "None of my team at {site} can sign in to clock in this morning. They're all getting the same error after the password screen. Can you tell me what's going on? I'll have to write their start times on paper for now.", "Signing in"},
	{[]string{"SSO loop - cannot approve timesheets", "SSO redirect loop"}, "I can't log in to approve timesheets - the SSO page keeps bouncing me to our Microsoft sign-in, then back to WageWise, then back to Microsoft. I've cleared cookies and tried Edge and Chrome.", "Signing in"},
	{[]string{"Staff locked out of clock-in", "Clock-in impossible - login failing"}, "Staff are arriving for the 8:00 shift and the app won't sign them in. A few got in at 7:30 but nobody since. We've got about 20 people waiting to clock in.", "Clocking in/out"},
	{[]string{"Login problems across our sites"}, "We're getting calls from {site} and our other sites that nobody can log into WageWise. My own login on the web fails with an error too. Is this on your side?", "Signing in"},
	{[]string{"2FA codes rejected for all staff"}, "Every one of my staff who tries to log in gets a text code that is then rejected as invalid. It's not one person, it's everyone on shift.", "Signing in"},
	{[]string{"Can't get into manager dashboard"}, "I can't get into the manager dashboard to sort this week's rota and approve yesterday's hours. Sign-in just spins and then says 'Something went wrong'.", "Signing in"},
	{[]string{"What do we do about clocking in?"}, "The app is not letting staff log in. What's the advice for clocking in today - should they note times and I'll add them manually later? Please confirm ASAP, the morning shift has started.", "Clocking in/out"},
	{[]string{"Urgent: sign-in outage?"}, "Urgent - is there an outage? Nobody in the building can sign in to WageWise and my own account is showing an error page after entering the SMS code.", "Signing in"},
	{[]string{"Login errors at {site}"}, "Login errors at {site} since just before 8. Error reference KH-503. Restarting phones hasn't helped.", "Signing in"},
	{[]string{"Staff getting logged out"}, "My staff are being logged out of the app mid-shift and can't get back in. Some have clocked in, some haven't. This is going to be a mess for payroll.", "Signing in"},
}

var stormAdmin = []msg{
	{[]string{"Unable to log in - pay run due today", "URGENT: cannot access WageWise"}, "Our whole organisation is being refused at sign in since about 7:45. The web shows 'We couldn't verify your identity right now (ref KH-503)'. We have a pay run to submit by 11:00 for Friday's payday. Please advise urgently.", "Signing in"},
	{[]string{"Sign-in failing for all users", "All users unable to sign in"}, "We've had a dozen staff email us this morning that they can't sign in, and I can't either - single sign-on sends me round in a loop. Nothing has changed in our Azure setup. Can you confirm whether there is a problem on your side?", "Signing in"},
	{[]string{"Login down?"}, "Is login down? I can't get in to the admin console and neither can my colleague in HR. We have new starters to set up this morning.", "Signing in"},
	{[]string{"Authentication errors - need an ETA"}, "We're seeing authentication errors for every user. I need an ETA to give to the directors, they want to know if Friday's pay is at risk.", "Signing in"},
	{[]string{"2FA SMS not accepted"}, "My two-factor code is being rejected when I log in to the admin side. I've requested five codes now. Staff are reporting the same on the app.", "Signing in"},
}

var stormBureau = []msg{
	{[]string{"Multiple clients cannot log in", "Clients reporting login failures"}, "We manage payroll for 30+ clients on WageWise and staff from several of them are phoning us saying they can't log in. We can't get in to the bureau portal either. Is there an incident?", "Signing in"},
	{[]string{"Bureau portal login failing"}, "Bureau portal login fails for every one of our team - SSO loops and then 'Something went wrong'. We have 6 client pay runs to finalise this morning.", "Signing in"},
	{[]string{"Login outage affecting our clients?"}, "Three of our clients ({org} included) have been in touch to say their employees can't clock in because sign-in is broken. Please let us know what's happening so we can update them.", "Signing in"},
}

var stormUS = []msg{
	{[]string{"Can't log in - night shift"}, "Night shift here, trying to clock out and the app won't let me log in. It just spins. I've been here since 11pm.", "Signing in"},
	{[]string{"clock out not possible"}, "Can't clock out, app signed me out and sign in keeps failing. What do I do about my hours?", "Clocking in/out"},
}

var stormFollow = []string{
	"Any update?? Still can't get in.",
	"Still not working. It's been over an hour now. Please give us an update.",
	"Chasing this - staff still can't log in. Is there an ETA?",
	"any news?? still locked out",
	"Hello? Is anyone looking at this? Still the same error.",
	"Following up on my email earlier. Still no one can sign in. We really need an update for our staff.",
	"Still broken here. Do we need to do anything on our side or just wait?",
	"2nd email - is this being fixed? I've had nothing back.",
}

var stormResolvedFollow = []string{
	"Seems to be working again now, thanks. Can you tell us what happened? I need to explain to staff why they were written on paper this morning.",
	"Just to let you know we can log in again. Please confirm it's fixed and won't happen on Friday (payday).",
	"Working now. How do I add the clock-ins that were missed this morning?",
	"ok its letting me in now",
}

// ---------------------------------------------------------------- storm look-alikes and hard negatives

var loginLookAlike = []msg{
	{[]string{"Wrong name after login"}, "When I log in on the app it says 'Welcome back, Karen' at the top. I'm not Karen! My payslips and everything else look like mine though. Just the name on the home screen is wrong.", "Signing in"},
	{[]string{"Remember me doesn't work", "Keeps asking me to log in"}, "I tick 'remember me' every time but the app makes me log in again every morning. Been like this since I got the new phone before Christmas. Can it remember me please?", "Signing in"},
	{[]string{"Old logo on sign in page"}, "Small thing but our sign-in page still shows our old company logo from before the rebrand. We uploaded the new one in settings in December. Can you refresh it?", "Signing in"},
	{[]string{"Lands on the wrong company after login"}, "I work for two employers who both use WageWise. After I log in it always opens the other company and I have to switch every time. Can I set a default?", "Signing in"},
	{[]string{"Sign-in page in Welsh"}, "Our sign in page has started showing in Welsh for a couple of our staff. They can switch it back but it comes back each time. Our site is in Gloucestershire!", "Signing in"},
	{[]string{"Profile photo gone after login"}, "After logging in my profile photo is missing and it shows my initials. I uploaded one last week. Minor but annoying.", "Signing in"},
	{[]string{"Web session times out while entering pay"}, "The web session logs me out after about 10 minutes of entering pay adjustments and I lose what I typed. Login itself is fine, it's the timeout. Can it be longer for admins?", "Signing in"},
	{[]string{"Password rules - symbol not recognised"}, "Trying to set a new password, it says it must contain a symbol, and it does (£). Does the £ sign not count?", "Signing in"},
	{[]string{"'Log in with Google' button missing"}, "The 'Log in with Google' button has disappeared from the login page for one of my employees on her iPad. On her phone it's there.", "Signing in"},
	{[]string{"Dark mode login screen unreadable"}, "With dark mode on, the text on the sign-in screen is dark grey on black and I can barely read it. The login works, it's just hard to see.", "Signing in"},
	{[]string{"Face ID option gone"}, "The option to log in with Face ID isn't there any more since the app updated. I can log in with password fine but I liked Face ID.", "Signing in"},
}

var loginHardNeg = []msg{
	{[]string{"Forgot password", "forgot my password"}, "I forgot my password. How do I reset it?", "Signing in"},
	{[]string{"Reset link not arriving", "password reset email not coming"}, "I asked for a password reset three times but the email hasn't arrived. I've checked spam. My email is the one on this message.", "Signing in"},
	{[]string{"Account locked", "Locked after wrong password"}, "I put my password in wrong too many times and now it says my account is locked for 30 minutes. Can you unlock it, I need to clock in.", "Signing in"},
	{[]string{"New phone - authenticator lost", "lost my authenticator"}, "I got a new phone over Christmas and the authenticator app didn't transfer, so I can't get the code to log in. How do I reset my two-factor?", "Signing in"},
	{[]string{"Changed my number", "codes going to old number"}, "I changed my mobile number and the login code is still going to my old phone. How do I update it if I can't log in?", "Signing in"},
	{[]string{"Changed my email address"}, "I got married and my work email changed from my maiden name. Now it says no account found when I log in with the new email.", "Signing in"},
	{[]string{"Account deactivated"}, "It says my account has been deactivated. I left in December but I still need my last payslip and my P45.", "Signing in"},
	{[]string{"Only me can't log in", "just me?"}, "Everyone else at work can log in fine, it's only me. It says my username isn't recognised.", "Signing in"},
	{[]string{"Wrong company code"}, "It's asking for a company code and the one my manager gave me says 'company not found'. Is it letters or numbers?", "Signing in"},
	{[]string{"Invite link expired"}, "I'm a new starter and the invite link in my email says it has expired. I start on Monday, can you send a new one?", "Signing in"},
	{[]string{"Never got my invite"}, "My manager says she invited me to WageWise last week but I never got an email. I've looked in junk.", "Signing in"},
	{[]string{"Can't log in on work PC"}, "I can log in on my phone but not on the work PC - the page doesn't load at all. IT say they've changed the firewall recently, could that be it?", "Signing in"},
	{[]string{"Login blocked on VPN"}, "When I'm on our company VPN the login page just times out. Off the VPN it works. Which addresses need allowing?", "Signing in"},
	{[]string{"App won't install on my phone"}, "The app won't install on my phone, the store says it's not compatible. It's an older Samsung on Android 7.", "Signing in"},
	{[]string{"typed email wrong"}, "I think I registered with a typo in my email (gmial instead of gmail). Can you change it so I can log in?", "Signing in"},
	{[]string{"Username?"}, "What is my username? Is it my email or my employee number?", "Signing in"},
	{[]string{"Too many attempts"}, "Says too many attempts try later. I think my little one was playing with my phone.", "Signing in"},
	{[]string{"Locked out - staff member"}, "One of my staff has locked herself out after guessing her password. Can you unlock her or can I do it from the manager side?", "Signing in"},
	{[]string{"Employee left, can't log in"}, "A former employee is asking for access to get his P45, his login was switched off when he left. How do we give him read-only access?", "Signing in"},
	{[]string{"Wrong email on file"}, "HR put my email in wrong so the login and the reset go to someone else's address. Can that be fixed?", "Signing in"},
	{[]string{"Lost phone"}, "My phone was stolen at the weekend. I have a new one with the same number but the login code is tied to the authenticator app on the old one.", "Signing in"},
	{[]string{"Password expired?"}, "It's telling me my password has expired and I have to set a new one but I can't remember the old one to do that.", "Signing in"},
	{[]string{"Second job - wrong account"}, "I think I'm trying to log in to the wrong employer. I moved from {site} to a different company, do I need a new account?", "Signing in"},
	{[]string{"Reset link says invalid"}, "The password reset link says invalid or already used. I clicked it from the email straight away. Sent two more, same thing - maybe because I clicked the first one?", "Signing in"},
}

var loginHardNegES = []msg{
	{[]string{"olvidé mi contraseña"}, "Olvidé mi contraseña y no me llega el correo para cambiarla. ¿Me pueden ayudar?", ""},
	{[]string{"cuenta bloqueada"}, "Mi cuenta está bloqueada porque puse mal la contraseña varias veces. ¿Cómo la desbloqueo?", ""},
}
var loginHardNegPL = []msg{
	{[]string{"zapomniałem hasła"}, "Zapomniałem hasła, a link do resetu nie przychodzi na maila. Co mam zrobić?", ""},
	{[]string{"nowy telefon"}, "Mam nowy telefon i nie mam już aplikacji do kodów. Jak mogę się zalogować?", ""},
}

// ---------------------------------------------------------------- geofinch geofence, Mon 4 Jan

var geoEmp = []msg{
	{[]string{"says im not at work", "Not at your workplace??"}, "App says 'You are not at your workplace' when I try to clock in. I am literally standing in {site}.", "Clocking in/out"},
	{[]string{"Can't clock in - location", "clock in location wrong"}, "It won't let me clock in, says my location is outside the area. I'm in the staff room.", "Clocking in/out"},
	{[]string{"clock in not working"}, "Clock in button gives 'You are not at your workplace'. Turned location off and on, restarted phone. Still the same.", "Clocking in/out"},
	{[]string{"location says im miles away"}, "The little map when I clock in shows me about 40 miles away, somewhere near Swindon. I'm at work!", "Clocking in/out"},
	{[]string{"geofence", "Geofence problem"}, "Geofence thing is broken this morning, keeps rejecting my clock in.", "Clocking in/out"},
	{[]string{"can't start shift"}, "Can't start my shift on the app, says I need to be at my workplace to clock in. I've been here 15 min.", "Clocking in/out"},
	{[]string{"Clocking in rejected"}, "My clock in got rejected for location. Same spot I clock in every day. Will I lose the time?", "Clocking in/out"},
	{[]string{"wrong location"}, "App thinks I'm not at work. GPS on my phone shows the right place on Google maps so it's not my phone.", "Clocking in/out"},
	{[]string{"not at workplace error"}, "'not at your workplace' error every time. also my coworker same", "Clocking in/out"},
	{[]string{"Clock in says outside zone"}, "Says I'm outside the clock-in zone. Tried outside the front door and in the car park too.", "Clocking in/out"},
	{[]string{"location failed"}, "Getting 'We couldn't confirm your location' then 'You are not at your workplace'.", "Clocking in/out"},
}

var geoIE = []msg{
	{[]string{"Clocking in won't work"}, "The clock-in is saying I'm not at my workplace and I'm stood in the middle of the ward at {site}. Sort it out please, it's freezing waiting around.", "Clocking in/out"},
	{[]string{"App thinks I'm not at work"}, "The app reckons I'm not at work. I've been clocking in from the same spot for two years.", "Clocking in/out"},
}

var geoES = []msg{
	{[]string{"no puedo fichar"}, "No puedo fichar, la app dice 'No estás en tu lugar de trabajo' pero estoy aquí en {site}.", ""},
	{[]string{"ubicación incorrecta"}, "La ubicación sale mal, dice que estoy lejos del trabajo. No me deja fichar la entrada.", ""},
}

var geoPL = []msg{
	{[]string{"nie mogę się odbić"}, "Aplikacja mówi, że nie jestem w miejscu pracy, a jestem na miejscu w {site}. Nie mogę się odbić.", ""},
	{[]string{"lokalizacja zła"}, "Lokalizacja pokazuje że jestem daleko od pracy. Nie da się zarejestrować wejścia.", ""},
}

var geoMgr = []msg{
	{[]string{"Whole team flagged 'not at workplace'", "Clock-in location failures"}, "My whole team at {site} are being told 'You are not at your workplace' when they try to clock in. We haven't moved and I haven't changed the site settings. What's going on?", "Clocking in/out"},
	{[]string{"Geofence rejecting everyone"}, "The geofence is rejecting everyone this morning. I've had to let people start and note their times. Can you fix this before the lunch shift?", "Clocking in/out"},
	{[]string{"Location exceptions piling up"}, "I have 14 'location exception' clock-ins waiting for me to approve since 7am, all from people who are definitely on site. The map shows them in a field miles away.", "Clocking in/out"},
	{[]string{"Staff can't clock in at {site}"}, "Staff at {site} can't clock in - location check failing. The app shows our site pin in the right place but each person's dot is somewhere else entirely.", "Clocking in/out"},
	{[]string{"Clock-in geofence down?"}, "Is the clock-in location check down? Three of our sites are reporting the same thing.", "Clocking in/out"},
}

var geoAdmin = []msg{
	{[]string{"Location-based clock-in failing across sites"}, "We're getting reports from all our sites that location-based clock-in is failing with 'You are not at your workplace'. Can we switch off the geofence temporarily so people can clock in? Where is that setting?", "Clocking in/out"},
	{[]string{"Geofence issue - how will this affect payroll?"}, "If people clock in with a location exception today, will those hours still flow into the pay run or do they need approving one by one? We've got dozens this morning because of the location errors.", "Clocking in/out"},
}

var geoLookAlike = []msg{
	{[]string{"New site not recognised"}, "We opened a new site on 2 January and staff there get 'not at your workplace'. I don't think I've added the new address yet - is that done under Locations?", "Clocking in/out"},
	{[]string{"Clock out button greyed out"}, "After a night shift the clock OUT button is greyed out on the app. Clock in worked fine at 10pm. It's now past midnight and I can't finish my shift.", "Clocking in/out"},
	{[]string{"Clocked in twice"}, "I pressed clock in and it's recorded me twice, 07:02 and 07:03. How do I delete one?", "Clocking in/out"},
	{[]string{"Break button doesn't do anything"}, "Start break button does nothing when I press it. Clocking in was fine.", "Clocking in/out"},
	{[]string{"Geofence radius too small at {site}"}, "Our {site} warehouse is big and staff at the far loading bay are outside the clock-in circle. Can the radius be bigger than 200 metres for one site?", "Clocking in/out"},
	{[]string{"Shows yesterday's shift"}, "The clock-in screen shows yesterday's shift times not today's. I can clock in but it says 'Sunday 3 Jan'.", "Clocking in/out"},
	{[]string{"Clock in photo fails"}, "The selfie when clocking in keeps failing - camera opens then goes black. Location part is fine.", "Clocking in/out"},
}

// ---------------------------------------------------------------- inkpress payslip rendering, Wed 6 Jan

var pdfEmp = []msg{
	{[]string{"payslip won't download", "Can't download payslip"}, "My payslip won't download. It says 'Document could not be generated' and a reference number.", "Payslips"},
	{[]string{"Blank payslip", "payslip is blank"}, "When I open my payslip it's just a white page. Tried on phone and computer.", "Payslips"},
	{[]string{"cant open payslip"}, "Can't open my payslip, it keeps saying 'Preparing your payslip…' forever.", "Payslips"},
	{[]string{"Payslip error"}, "Getting an error when I tap on my December payslip. I need it for a mortgage application this afternoon.", "Payslips"},
	{[]string{"P60 won't download"}, "Trying to download last year's P60 and my payslips, nothing works. It says try again later.", "Payslips"},
	{[]string{"payslip pdf broken"}, "The payslip PDF is broken, it downloads as a 0 KB file that won't open.", "Payslips"},
	{[]string{"Need my payslip", "payslips not loading"}, "Payslips aren't loading. I need one for my landlord today.", "Payslips"},
	{[]string{"payslip document error"}, "payslip just says 'something went wrong generating this document'", "Payslips"},
}

var pdfPro = []msg{
	{[]string{"Payslip PDFs failing to generate", "Cannot generate payslips"}, "We're trying to publish this week's payslips and every one fails with 'Document could not be generated (ref INK-5xx)'. The pay run itself is approved. Is there a problem with payslip generation?", "Payslips"},
	{[]string{"Employees can't download payslips"}, "We've had several employees say their payslips won't download since late morning. I tried as admin and get a blank PDF for everyone.", "Payslips"},
	{[]string{"Bulk payslip export failing"}, "The bulk payslip export (zip) fails halfway and the file is empty. We need to send payslips to clients today.", "Payslips"},
	{[]string{"Payslip emails with no attachment"}, "The payslip emails that went out to staff at 11:30 have no PDF attached, just the message. Staff are asking where their payslip is.", "Payslips"},
	{[]string{"Reports/PDFs not rendering"}, "None of the PDFs are rendering - payslips, the P32 summary, the payroll journal. The page just says 'Preparing document'.", "Payslips"},
	{[]string{"Payslip generation error for client payrolls"}, "Payslip generation is failing for three of our client payrolls this morning. Same error on each: document service unavailable.", "Payslips"},
}

var pdfES = []msg{{[]string{"no puedo descargar la nómina"}, "No puedo descargar mi nómina, sale un error de documento. Lo necesito hoy.", ""}}
var pdfPL = []msg{{[]string{"nie mogę pobrać odcinka wypłaty"}, "Nie mogę pobrać odcinka wypłaty (payslip), pokazuje się pusta strona.", ""}}

var pdfLookAlike = []msg{
	{[]string{"Wrong tax code on payslip"}, "My payslip downloaded fine but it shows tax code BR instead of 1257L. Why has it changed?", "Payslips"},
	{[]string{"Old address on payslip"}, "My payslip still shows my old address even though I updated it in November.", "Payslips"},
	{[]string{"Payslip says December"}, "This week's payslip header says 'Period: December' but it's for the first week of January.", "Payslips"},
	{[]string{"Payslip password?"}, "The payslip PDF I got by email asks for a password. What is it?", "Payslips"},
	{[]string{"Payslip missing a deduction"}, "The payslip opens fine but the pension deduction line is missing, although the net pay looks right.", "Payslips"},
	{[]string{"Payslip font tiny on phone"}, "The payslip is really small on my phone and I can't zoom in properly in the app.", "Payslips"},
	{[]string{"P60 shows wrong employer"}, "My P60 has our old company name on it from before the takeover.", "Payslips"},
}

// ---------------------------------------------------------------- geofinch wrong location on accepted clock-ins, Thu 7 Jan

var mapEmp = []msg{
	{[]string{"clock in shows wrong place", "Wrong location on my clock in"}, "I clocked in fine but on my timesheet it shows I clocked in from somewhere in the sea off Wales. My manager's asking why.", "Clocking in/out"},
	{[]string{"location on timesheet wrong"}, "It let me clock in but the location on my timesheet is a completely different town.", "Clocking in/out"},
	{[]string{"map is grey"}, "The map on my clock in is just grey squares, and the pin is in the wrong spot.", "Clocking in/out"},
	{[]string{"flagged outside geofence"}, "My clock-in this afternoon worked but now it's flagged 'outside geofence' and I was at {site} the whole time.", "Clocking in/out"},
	{[]string{"why does it say im in leeds"}, "Clocked in at {site} after lunch and the app says I clocked in from Leeds??", "Clocking in/out"},
}
var mapPro = []msg{
	{[]string{"Accepted clock-ins show wrong location", "Clock-in locations wrong this afternoon"}, "Clock-ins from this afternoon are being accepted but the location recorded on each one is wrong - the pins are all over the place, some 100+ miles from {site}. Nobody is being refused, it's just the recorded location.", "Clocking in/out"},
	{[]string{"Timesheet map not loading / wrong pins"}, "The map on the timesheet approval screen shows grey tiles and the pins are in the wrong places. I'm approving blind.", "Clocking in/out"},
	{[]string{"Outside-geofence flags on approved shifts"}, "Since about 1pm every clock-in at {site} is flagged 'outside geofence' in the manager view even though the app let them clock in normally.", "Clocking in/out"},
	{[]string{"Location audit report nonsense"}, "The clock-in location audit for today is nonsense - addresses like 'Unknown road, 0.0000, 0.0000'. Should we worry for compliance?", "Clocking in/out"},
	{[]string{"Clock-in locations wrong - Ireland"}, "Our clock-ins in {site} this afternoon have locations recorded somewhere in the Atlantic. The app accepted them though. Is this a known thing?", "Clocking in/out"},
}
var mapLookAlike = []msg{
	{[]string{"Wrong job code on clock in"}, "I clocked in at the right site but the entry shows job code 'Warehouse' not 'Driving'. It did this once before.", "Clocking in/out"},
	{[]string{"Clock-in times an hour off"}, "One of my employees who moved to our Richmond location shows all clock-in times an hour off. I think her profile has the wrong time zone.", "Clocking in/out"},
	{[]string{"Selfie not attached to clock in"}, "The clock-in photo isn't attached on one employee's entries since last week. Others are fine.", "Clocking in/out"},
	{[]string{"Map view blank on old browser"}, "The map view on the approval page doesn't show anything on the reception PC. It's an old Windows 7 machine with Internet Explorer.", "Clocking in/out"},
}

// ---------------------------------------------------------------- own bug: overtime rate, Thu 7 Jan

var otMsgs = []msg{
	{[]string{"Overtime paid at basic rate", "Overtime rate wrong since new year"}, "Since the new 2027 pay rates went in on 1 January, overtime on our timesheets is being calculated at the basic rate (1.0x) instead of time and a half. The rates themselves updated fine.", "Timesheets & pay"},
	{[]string{"Overtime multiplier reset to 1.0"}, "The overtime multiplier on our 'Standard hourly' pay rule shows 1.5 in settings, but the timesheet totals are paying overtime hours at 1.0. This started with the first week of January.", "Timesheets & pay"},
	{[]string{"Time and a half not applied", "OT not at 1.5x"}, "Time and a half isn't being applied this week. 6 hours of overtime at £11.44 instead of £17.16 on the timesheet summary.", "Timesheets & pay"},
	{[]string{"Overtime calculation wrong after rate change"}, "After we updated hourly rates for the National Living Wage change, the overtime calculation looks wrong. The premium part is missing from every employee I've checked.", "Timesheets & pay"},
	{[]string{"Overtime wrong across several clients"}, "We're seeing overtime calculated at plain rate across several client payrolls since the January rate updates. Any client who changed rates on or after 1 Jan is affected. Have you changed something?", "Timesheets & pay"},
	{[]string{"Double time showing as single time"}, "Bank holiday hours on 1 January should be double time for our staff but they show as single time on the timesheet. Normal overtime is also at 1.0 now.", "Timesheets & pay"},
	{[]string{"Overtime pay looks low"}, "My overtime this week looks low on the timesheet. I did 8 hours extra and it's only adding the same as normal hours.", "Timesheets & pay"},
	{[]string{"overtime not right"}, "Overtime isnt right on my hours, its the same rate as normal. It used to be more.", "Timesheets & pay"},
	{[]string{"Pay run preview: overtime under-calculated"}, "In the pay run preview for Friday the overtime lines are all at the standard rate. I'd rather not submit until this is fixed - our staff will notice.", "Timesheets & pay"},
	{[]string{"Overtime rule ignored for new rates"}, "It looks like the overtime rule is ignored for any employee whose hourly rate was edited with a 1 January effective date. Employees we didn't touch are still calculating correctly.", "Timesheets & pay"},
	{[]string{"Weekend premium and overtime both wrong"}, "Overtime and the Sunday premium both dropped to 1.0x since the rate change. I've checked the pay rule and nothing was changed there.", "Timesheets & pay"},
	{[]string{"Overtime hourly rate incorrect - US"}, "Our hourly associates who worked over 40 hours last week are showing overtime at their straight-time rate. That's an FLSA problem for us. Rates were updated Jan 1.", "Timesheets & pay"},
	{[]string{"OT rates - is this a bug?"}, "Is this a known bug? Overtime hours at flat rate on every timesheet I've approved today.", "Timesheets & pay"},
}

var otLookAlike = []msg{
	{[]string{"Overtime missing for one employee"}, "One employee's overtime isn't showing at all. I think it's because I haven't approved his Sunday timesheet yet - can you confirm?", "Timesheets & pay"},
	{[]string{"Night allowance missing"}, "The night shift allowance is missing for Tom because his contract type is set to 'days'. Where do I change the contract type?", "Timesheets & pay"},
	{[]string{"Minutes rounding"}, "Clock-ins are being rounded to the nearest 15 minutes for one site. Who set that and can it be exact minutes?", "Timesheets & pay"},
	{[]string{"Overtime threshold should be 39 hours"}, "Our overtime should start after 39 hours not 40. Where do I change the threshold?", "Timesheets & pay"},
	{[]string{"Sick day counted as worked"}, "A sick day is showing as 7.5 worked hours on one timesheet, pushing her into overtime.", "Timesheets & pay"},
}

// ---------------------------------------------------------------- tallybank payouts, Fri 8 Jan (payday)

var payEmp = []msg{
	{[]string{"Not been paid", "wages not in bank"}, "My wages haven't gone in. Payday is today and my payslip says paid but nothing in my account.", "Pay"},
	{[]string{"where is my pay", "no wages"}, "Where is my pay? Everyone at work is saying the same, nobody's been paid.", "Pay"},
	{[]string{"salary not received"}, "Salary not received. The app says 'Payment sent' since 6am.", "Pay"},
	{[]string{"pay not in"}, "Pay not in yet, usually it's there by 7. Rent comes out today!!", "Pay"},
	{[]string{"Payment pending"}, "In the app my payment status says 'Processing' and it never said that before. Bank shows nothing.", "Pay"},
	{[]string{"No money today"}, "No money in my account today. Bank says nothing pending from my employer.", "Pay"},
	{[]string{"havent been paid"}, "havent been paid, checked 3 times. other people same. what's going on", "Pay"},
	{[]string{"wages late"}, "Wages are late. I have direct debits going out today, will I be charged by my bank?", "Pay"},
}
var payIE = []msg{
	{[]string{"Wages not in", "No wages this morning"}, "Wages aren't in this morning. Payslip says paid but there's nothing in the credit union account or the AIB one.", "Pay"},
	{[]string{"Pay gone missing?"}, "Is the pay gone missing on everyone? The lads on site haven't been paid either.", "Pay"},
}
var payES = []msg{{[]string{"no he cobrado"}, "No he cobrado la nómina hoy. En la app dice que está pagado pero en el banco no hay nada.", ""}}
var payPL = []msg{
	{[]string{"brak wypłaty"}, "Nie dostałem dzisiaj wypłaty. W aplikacji jest 'Payment sent' ale na koncie nic nie ma.", ""},
	{[]string{"wypłata nie przyszła"}, "Wypłata nie przyszła, a dziś jest dzień wypłaty. Koledzy też nie mają.", ""},
}
var payPro = []msg{
	{[]string{"Salary payouts not received by employees", "Staff have not been paid"}, "Our pay run was approved on Wednesday and shows 'Paid' but none of our employees have received their salary this morning. Payout status on the dashboard shows 'Processing' for every line. Please escalate, this is payday.", "Pay"},
	{[]string{"Payouts stuck in processing"}, "All payouts from this morning's batch are stuck in 'Processing'. The funding transfer left our account yesterday. Where is the money?", "Pay"},
	{[]string{"Urgent - employees unpaid"}, "Urgent: 48 employees unpaid. Staff are calling me in tears. What is happening with the payouts?", "Pay"},
	{[]string{"Client payrolls not paid out"}, "Twelve of our client payrolls that pay out today have not arrived in employee accounts. The payout provider reference shows 'queued'. Is there a known issue?", "Pay"},
	{[]string{"Bank payouts delayed?"}, "Are bank payouts delayed today? I've had five employees ask and I can't see anything on your status page.", "Pay"},
	{[]string{"Payout failure - payday"}, "Pay run status 'Submitted', payout status 'Pending at bank' since 05:30. Normally it completes by 06:15. We need a time I can give to staff.", "Pay"},
	{[]string{"Will staff be paid today?"}, "Can you please confirm whether staff will be paid today? Some are being charged by their banks for missed direct debits.", "Pay"},
	{[]string{"Employees not paid - Ireland"}, "None of our employees have been paid this morning, SEPA payouts showing as 'in progress'. Everything was submitted on time on Wednesday.", "Pay"},
}
var payLookAlike = []msg{
	{[]string{"Paid into old bank account"}, "One of our employees changed bank details on Wednesday evening and his salary went to the old account. Can it be recalled?", "Pay"},
	{[]string{"Net pay lower than expected"}, "My pay came in this morning but it's £60 less than normal. Is it tax? It's the first pay of the new year.", "Pay"},
	{[]string{"Expenses not included"}, "My salary arrived but my expenses claim wasn't included. It was approved on Monday.", "Pay"},
	{[]string{"Pay run approved late"}, "I approved our pay run at 16:45 yesterday, after cut-off I think. Will staff get paid today or Monday?", "Pay"},
	{[]string{"Payment returned - wrong account number"}, "One employee's payment has bounced back 'account number invalid'. I think she typed a digit wrong. How do we resend?", "Pay"},
	{[]string{"Payslip amount doesn't match bank"}, "My bank shows £1,412.30 but my payslip says £1,421.30. Which is right?", "Pay"},
}

// ---------------------------------------------------------------- background

// bg is an everyday ticket: who writes it (e employee, m manager, a
// admin/HR/owner, b bureau), from which country ("" any), and the text.
type bg struct {
	roles   string
	country string
	m       msg
}

var background = []bg{
	// how-to, admins and managers
	{"a", "", msg{[]string{"How do I add a new starter?", "Adding a new employee"}, "We have a new starter on Monday. What do I need to fill in before her first pay run - is it enough to add her name and email, or do I need her bank details and tax info too?", "Employees"}},
	{"a", "UK", msg{[]string{"Starter checklist", "New starter without P45"}, "A new employee doesn't have a P45 from her last job. Which starter declaration option should I pick so she doesn't end up on an emergency tax code?", "Employees"}},
	{"a", "", msg{[]string{"Import employees from spreadsheet"}, "Is there a template for importing employees from a spreadsheet? We're moving 85 staff over from our old system.", "Employees"}},
	{"m", "", msg{[]string{"How to edit a timesheet", "Fixing a missed clock out"}, "One of my staff forgot to clock out on Saturday and it's showing 19 hours. How do I edit the clock-out time as a manager?", "Timesheets & pay"}},
	{"m", "", msg{[]string{"Approving timesheets in bulk"}, "Is there a way to approve all timesheets for a week in one go rather than clicking each person?", "Timesheets & pay"}},
	{"m", "", msg{[]string{"Rota template", "Copy last week's rota"}, "Can I copy last week's rota into next week? Our shifts barely change.", "Rota"}},
	{"a", "", msg{[]string{"Changing pay date"}, "We want to move payday from the last Friday of the month to the 28th from February. What's the process and does it affect anything already scheduled?", "Timesheets & pay"}},
	{"a", "", msg{[]string{"Adding a bonus to pay run"}, "How do I add a one-off bonus for three people to this month's pay run?", "Timesheets & pay"}},
	{"a", "", msg{[]string{"Salary sacrifice setup"}, "We're introducing a cycle-to-work salary sacrifice scheme. How do I set up the deduction in WageWise?", "Timesheets & pay"}},
	{"m", "", msg{[]string{"Manager permissions"}, "Can I give my deputy manager permission to approve leave but not see pay rates?", "Employees"}},
	{"a", "", msg{[]string{"Add a second site"}, "We've taken on a second unit across the road. How do I add it as a location so staff can clock in there?", "Clocking in/out"}},
	{"a", "", msg{[]string{"Payroll journal export to Xero", "Xero export question"}, "Where do I find the payroll journal export for Xero? The old button on the reports page seems to have moved.", "Reports"}},
	{"a", "", msg{[]string{"Report of hours by site"}, "Is there a report showing total hours worked per site per week? Our area manager wants it every Monday.", "Reports"}},
	{"a", "", msg{[]string{"Changing someone's hourly rate mid-month"}, "If I change someone's hourly rate from the 15th, will WageWise split the month automatically?", "Timesheets & pay"}},
	{"m", "", msg{[]string{"Shift swap"}, "Two of my staff want to swap shifts next Tuesday. Can they do it themselves in the app or do I have to change the rota?", "Rota"}},
	{"a", "", msg{[]string{"Deleting a duplicate employee"}, "I accidentally created the same employee twice. One has no pay history. Can I delete it?", "Employees"}},
	{"a", "", msg{[]string{"Backdated pay rise"}, "The board has agreed a backdated pay rise to 1 December for kitchen staff. How do I pay the arrears in the January pay run?", "Timesheets & pay"}},
	{"a", "", msg{[]string{"Statutory sick pay question"}, "An employee has been off sick for 5 days. When does SSP kick in and does WageWise calculate the waiting days automatically?", "Leave"}},
	{"a", "", msg{[]string{"Maternity pay setup"}, "One of our team is starting maternity leave in March. How do I set up SMP so it calculates correctly?", "Leave"}},
	{"a", "", msg{[]string{"Leaver process", "Processing a leaver"}, "How do I process a leaver so the final pay includes accrued holiday and the P45 is produced?", "Employees"}},
	{"m", "", msg{[]string{"Notifications for late clock-ins"}, "Can I get a notification when someone hasn't clocked in 15 minutes after their shift starts?", "Clocking in/out"}},
	{"a", "", msg{[]string{"API access"}, "Do you have an API we can use to pull approved hours into our job costing software? Where are the docs?", "Other"}},

	// tax and year-end
	{"e", "UK", msg{[]string{"Tax code changed", "why has my tax code changed"}, "Why has my tax code changed to 1185L? I've paid more tax this month.", "Tax"}},
	{"e", "UK", msg{[]string{"emergency tax"}, "I think I'm on emergency tax, it says W1 next to my tax code. How do I get it sorted?", "Tax"}},
	{"a", "UK", msg{[]string{"HMRC coding notice"}, "We've had a coding notice from HMRC for an employee. Does WageWise pick these up automatically or do I enter the new code?", "Tax"}},
	{"e", "UK", msg{[]string{"Where is my P60", "P60"}, "Where can I find my P60? I need it for a loan application.", "Tax"}},
	{"e", "UK", msg{[]string{"P45 request"}, "I left at the end of November and still haven't had my P45. Can you send it?", "Tax"}},
	{"a", "UK", msg{[]string{"FPS submission question", "RTI submission"}, "Our last FPS shows as 'accepted' but HMRC's portal doesn't show it yet. Should I worry?", "Tax"}},
	{"a", "UK", msg{[]string{"Student loan deduction"}, "A new starter says she's on student loan Plan 2 and postgraduate loan. How do I record both?", "Tax"}},
	{"a", "UK", msg{[]string{"Employment allowance"}, "How do we claim the Employment Allowance in WageWise for 2026/27?", "Tax"}},
	{"e", "IE", msg{[]string{"Emergency tax in Ireland", "Emergency tax"}, "I'm on emergency tax since starting. I've registered the job on myAccount with Revenue. How long until it's fixed on my wages?", "Tax"}},
	{"a", "IE", msg{[]string{"RPN not updating", "Revenue Payroll Notification"}, "How do I pull the new Revenue Payroll Notifications for 2027? Some employees' tax credits look like last year's.", "Tax"}},
	{"a", "IE", msg{[]string{"USC rates 2027"}, "Have the 2027 USC bands been updated in WageWise? Budget changed them.", "Tax"}},
	{"e", "IE", msg{[]string{"Employment Detail Summary"}, "Where do I get my Employment Detail Summary for last year? The bank wants it.", "Tax"}},
	{"a", "IE", msg{[]string{"PRSI class"}, "A new employee is 66. Which PRSI class should they be on and can WageWise set it?", "Tax"}},
	{"e", "US", msg{[]string{"W-2 when?", "When will I get my W-2"}, "When will W-2s be available in the app? I want to file early this year.", "Tax"}},
	{"a", "US", msg{[]string{"W-2 corrections", "W-2 address change"}, "An employee moved in December. Will her W-2 show the new address or the one on file during the year?", "Tax"}},
	{"a", "US", msg{[]string{"State withholding question"}, "We have one employee who lives in Virginia and works in North Carolina. How do we set up state withholding?", "Tax"}},
	{"e", "US", msg{[]string{"W-4 update"}, "How do I update my W-4? I got married and want to change my withholding.", "Tax"}},
	{"a", "US", msg{[]string{"1099 contractors"}, "Do you handle 1099 contractors or only W-2 employees?", "Tax"}},

	// pensions and benefits
	{"a", "UK", msg{[]string{"Pension re-enrolment", "Auto re-enrolment"}, "Our re-enrolment date is next month. Does WageWise handle it or do I need to do anything with the pension provider?", "Pension"}},
	{"e", "UK", msg{[]string{"Opt out of pension", "pension opt out"}, "How do I opt out of the workplace pension? I'd rather have the money now.", "Pension"}},
	{"a", "UK", msg{[]string{"Pension contribution file"}, "The pension contribution file for December was rejected by the provider because of a date format. Can you help?", "Pension"}},
	{"e", "", msg{[]string{"pension % change"}, "Can I increase my pension contribution to 8%? Where do I do it?", "Pension"}},
	{"e", "US", msg{[]string{"401k contribution"}, "How do I change my 401(k) contribution percentage? I don't see it in the app.", "Pension"}},
	{"a", "IE", msg{[]string{"Auto-enrolment Ireland"}, "Is WageWise ready for the Irish auto-enrolment pension scheme? What do we need to do?", "Pension"}},

	// leave
	{"e", "", msg{[]string{"Holiday request", "How do I book holiday"}, "How do I book a day's holiday in the app? I can't see where.", "Leave"}},
	{"e", "", msg{[]string{"holiday balance wrong?", "How many days holiday do I have"}, "It says I have 4 days holiday left but I thought the year started again in January?", "Leave"}},
	{"e", "", msg{[]string{"Cancel holiday request"}, "I booked a holiday by mistake for the wrong week. How do I cancel it?", "Leave"}},
	{"m", "", msg{[]string{"Leave approval not showing"}, "A holiday request one of my team says she sent isn't showing in my approvals. Where else could it be?", "Leave"}},
	{"a", "", msg{[]string{"Holiday year reset", "Carry over holidays"}, "Our holiday year runs Jan-Dec. Can staff carry over up to 5 days, and will WageWise do that automatically?", "Leave"}},
	{"a", "", msg{[]string{"Bank holiday entitlement for part-timers"}, "How does WageWise pro-rata bank holidays for part-time staff? We have people on 3 days a week.", "Leave"}},
	{"e", "", msg{[]string{"sick day", "Reporting sick"}, "How do I let my manager know I'm off sick through the app?", "Leave"}},
	{"e", "US", msg{[]string{"PTO balance"}, "My PTO balance didn't reset for the new year. Is that normal?", "Leave"}},
	{"m", "", msg{[]string{"Leave calendar"}, "Is there a calendar view where I can see who's on holiday in February?", "Leave"}},
	{"e", "IE", msg{[]string{"Annual leave query"}, "How much annual leave have I left? I started in September so I'm not sure what I'm owed.", "Leave"}},

	// payslips (everyday)
	{"e", "", msg{[]string{"Where is my payslip", "Can't find payslip"}, "Where do I find my payslips in the app? I'm new.", "Payslips"}},
	{"e", "", msg{[]string{"payslip question", "Deduction on payslip"}, "What is the deduction called 'ADJ' on my payslip?", "Payslips"}},
	{"e", "", msg{[]string{"Old payslips"}, "Can I get my payslips from my old job that also used WageWise?", "Payslips"}},
	{"e", "", msg{[]string{"Hours on payslip"}, "My payslip says 37.5 hours but I worked 41. Who do I talk to?", "Payslips"}},
	{"a", "", msg{[]string{"Payslip template", "Payslip logo"}, "Can we add our logo to payslips? And can the payslip show holiday remaining?", "Payslips"}},
	{"e", "", msg{[]string{"payslip by email"}, "Can my payslip be emailed to me instead of having to log in?", "Payslips"}},

	// billing
	{"a", "", msg{[]string{"Invoice for December", "Copy of invoice"}, "Can you send a copy of our December invoice? Our accountant needs it with the VAT shown.", "Billing"}},
	{"a", "", msg{[]string{"Charged for leavers"}, "Our invoice charges for 62 employees but 5 of them left in November. Are we being charged for leavers?", "Billing"}},
	{"a", "", msg{[]string{"Refund request", "Refund for unused months"}, "We switched to the annual plan on 20 December but were also charged the monthly fee on 1 January. Please refund the monthly charge.", "Billing"}},
	{"o", "", msg{[]string{"Change plan", "Upgrade to Pro"}, "We'd like to upgrade to the plan with rota and geofenced clock-in. Is the price per employee or per site?", "Billing"}},
	{"a", "", msg{[]string{"Update billing address"}, "Our registered office moved. How do I change the address on invoices?", "Billing"}},
	{"a", "", msg{[]string{"VAT number on invoice"}, "Please add our VAT number to future invoices: GB 284 5519 07.", "Billing"}},
	{"o", "", msg{[]string{"Cancel subscription"}, "We're closing one of our businesses at the end of the month. How do I cancel the subscription for that company only?", "Billing"}},
	{"b", "", msg{[]string{"Bureau billing - one invoice"}, "Can all our client companies be billed on one invoice to the bureau instead of separately?", "Billing"}},
	{"a", "US", msg{[]string{"Sales tax on invoice"}, "Why is there sales tax on our invoice this month? We didn't have it before.", "Billing"}},

	// feature requests and feedback
	{"m", "", msg{[]string{"Feature request: shift reminders", "Suggestion"}, "Would be great if staff got a reminder notification 30 minutes before their shift. Any plans?", "Feedback"}},
	{"a", "", msg{[]string{"Feature request - dark mode", "Feature request"}, "Any chance of a dark mode on the web dashboard? Our night managers would appreciate it.", "Feedback"}},
	{"e", "", msg{[]string{"widget", "Apple Watch app?"}, "Is there any way to clock in from an Apple Watch? Would save getting the phone out.", "Feedback"}},
	{"a", "", msg{[]string{"Export to CSV", "Feature request: export"}, "Please add an export of the holiday calendar to CSV. We have to copy it by hand for the board.", "Feedback"}},
	{"b", "", msg{[]string{"Bureau dashboard suggestion"}, "Suggestion for the bureau view: a list of all clients with the status of this period's pay run on one page. Clicking into each is slow.", "Feedback"}},
	{"m", "", msg{[]string{"Thank you", "Thanks!"}, "Just wanted to say thanks to Gemma who helped me set up our rota last week. Made a huge difference.", "Other"}},
	{"a", "", msg{[]string{"Thanks for the help", "Resolved - thank you"}, "That's sorted now, thank you for the quick reply yesterday.", "Other"}},
	{"e", "", msg{[]string{"love the app"}, "love the new app update, much easier to see my shifts", "Other"}},
	{"a", "", msg{[]string{"Year-end webinar"}, "Is there a recording of the year-end webinar from December? I missed it.", "Other"}},

	// GDPR and data
	{"e", "", msg{[]string{"Data request", "Subject access request"}, "I'd like a copy of all personal data WageWise holds about me (subject access request).", "Privacy"}},
	{"e", "", msg{[]string{"Delete my data"}, "I left my job in 2025. Please delete my account and my data.", "Privacy"}},
	{"a", "", msg{[]string{"Data processing agreement", "DPA request"}, "Our auditors want a copy of your Data Processing Agreement and the list of sub-processors. Where can I find them?", "Privacy"}},
	{"a", "", msg{[]string{"Where is our data stored?"}, "Where is our employee data hosted? A client of ours is asking if it stays in the UK/EU.", "Privacy"}},
	{"a", "", msg{[]string{"Security questionnaire"}, "We have a supplier security questionnaire to complete for WageWise - do you have ISO 27001 or SOC 2?", "Privacy"}},

	// bureau everyday
	{"b", "", msg{[]string{"Adding a new client company", "New client onboarding"}, "We've signed a new client with 23 employees starting February payroll. How do we add them under our bureau account?", "Employees"}},
	{"b", "", msg{[]string{"Client access permissions"}, "Can our client's director see reports but not change anything? What permission level is that?", "Employees"}},
	{"b", "UK", msg{[]string{"Agent authorisation HMRC"}, "Do we need agent authorisation with HMRC for each client to file through WageWise, or does the client's own login cover it?", "Tax"}},
	{"b", "IE", msg{[]string{"ROS certificate"}, "Our ROS digital certificate was renewed. Where do we upload the new one so submissions keep working for our clients?", "Tax"}},

	// misc employee
	{"e", "", msg{[]string{"change bank details", "New bank account"}, "I've changed banks. How do I update my account details so my wages go to the new one?", "Pay"}},
	{"e", "", msg{[]string{"address change"}, "How do I change my address on my profile?", "Employees"}},
	{"e", "", msg{[]string{"Rota not showing", "can't see next week's rota"}, "I can't see next week's rota yet. Is that my manager not publishing it?", "Rota"}},
	{"e", "", msg{[]string{"clock in for someone else?"}, "Can I clock in for my mate if her phone is dead? She's standing right next to me.", "Clocking in/out"}},
	{"e", "", msg{[]string{"Forgot to clock out"}, "I forgot to clock out last night. Will I still be paid for the shift?", "Clocking in/out"}},
	{"e", "", msg{[]string{"When is payday", "pay date"}, "When is payday this month? Is it the Friday?", "Pay"}},
	{"e", "", msg{[]string{"Overtime question"}, "Do I have to ask before doing overtime for it to show on my hours?", "Timesheets & pay"}},
	{"e", "", msg{[]string{"App language"}, "Can the app be in Portuguese? My English is not so good for the payslip words.", "Other"}},
	{"e", "", msg{[]string{"notifications too many"}, "How do I turn off the notifications every time the rota changes? It buzzes all day.", "Other"}},
	// more everyday questions
	{"a", "UK", msg{[]string{"National Living Wage April", "NLW increase"}, "Will WageWise warn us if anyone ends up under the National Living Wage after the April increase? We have a few on the minimum.", "Timesheets & pay"}},
	{"m", "", msg{[]string{"Unpublished rota changes"}, "I changed a few shifts but staff say they can't see the changes. Do I have to press publish again?", "Rota"}},
	{"m", "", msg{[]string{"Timesheet locked"}, "A timesheet from before Christmas is locked and I need to fix one entry. Who can unlock it?", "Timesheets & pay"}},
	{"a", "", msg{[]string{"Cost centre codes"}, "Can we tag each employee with a cost centre so the payroll journal splits by department?", "Reports"}},
	{"a", "", msg{[]string{"Employee self-service off"}, "Can we stop employees from editing their own bank details in the app? We'd prefer it goes through HR.", "Employees"}},
	{"o", "", msg{[]string{"Demo for our other company", "Second company"}, "We're buying a second café business. Can it sit under the same WageWise account and will it be billed separately?", "Billing"}},
	{"a", "", msg{[]string{"Two pay frequencies"}, "Some of our staff are weekly and some monthly. Can both be on the same company in WageWise?", "Timesheets & pay"}},
	{"a", "", msg{[]string{"Right to work documents"}, "Is there anywhere to store right to work checks against an employee profile?", "Employees"}},
	{"hr", "", msg{[]string{"Contract templates"}, "Can we upload our employment contract templates and get new starters to sign them in the app?", "Employees"}},
	{"a", "", msg{[]string{"Probation reminders"}, "Is there a reminder when someone's probation period is about to end?", "Employees"}},
	{"m", "", msg{[]string{"Tips / tronc"}, "How do we add tronc (tips) to staff pay? Is it a separate pay element?", "Timesheets & pay"}},
	{"e", "", msg{[]string{"Hours missing from timesheet", "timesheet wrong"}, "My timesheet for last week is missing Wednesday. I definitely worked. Who fixes it, me or my manager?", "Timesheets & pay"}},
	{"e", "", msg{[]string{"Two jobs", "second job tax"}, "I've started a second job as well. Will that mess up my tax on this one?", "Tax"}},
	{"e", "", msg{[]string{"Can I see my hours for the year?"}, "Is there a way to see all my hours for 2026? I want to check my holiday entitlement.", "Timesheets & pay"}},
	{"e", "", msg{[]string{"Shift offered"}, "I got a notification about an open shift on Saturday. How do I accept it?", "Rota"}},
	{"a", "IE", msg{[]string{"Bike to work scheme Ireland"}, "How do we set up the Cycle to Work scheme deduction for an employee in Ireland?", "Timesheets & pay"}},
	{"a", "IE", msg{[]string{"Revenue submission rejected"}, "A payroll submission to Revenue came back with an error about a PPSN. Where can I see the full message?", "Tax"}},
	{"a", "US", msg{[]string{"Direct deposit split"}, "Can an employee split direct deposit between two bank accounts?", "Pay"}},
	{"m", "US", msg{[]string{"Meal break rules"}, "Can the app remind staff to take a 30-minute meal break after 5 hours? We need it for compliance.", "Clocking in/out"}},
	{"a", "US", msg{[]string{"Quarterly 941"}, "Does WageWise file our quarterly 941 or do we still need our accountant to do it?", "Tax"}},
	{"b", "", msg{[]string{"Client leaving bureau"}, "One of our clients is moving payroll in-house. How do we transfer their company out of our bureau account without losing history?", "Employees"}},
	{"b", "", msg{[]string{"Bulk payslip publish question"}, "Can we schedule payslips to publish at a set time for each client, say 6am on payday?", "Payslips"}},
	{"a", "", msg{[]string{"Training for new admin"}, "Our payroll admin is leaving and a new one starts next week. Do you offer a training session?", "Other"}},
	{"a", "", msg{[]string{"Audit log"}, "Is there an audit log showing who changed an employee's pay rate? One changed and nobody will own up.", "Reports"}},
}

var bgES = []msg{
	{[]string{"pregunta sobre vacaciones"}, "¿Cómo pido vacaciones en la aplicación? No encuentro la opción.", ""},
	{[]string{"cambio de cuenta bancaria"}, "He cambiado de banco. ¿Dónde pongo la nueva cuenta para la nómina?", ""},
	{[]string{"horas de la semana"}, "Mis horas de la semana pasada no están todas. Trabajé el sábado y no aparece.", ""},
	{[]string{"idioma de la app"}, "¿Se puede poner la aplicación en español?", ""},
}
var bgPL = []msg{
	{[]string{"urlop"}, "Jak mogę złożyć wniosek o urlop w aplikacji?", ""},
	{[]string{"zmiana konta"}, "Zmieniłem bank. Gdzie mogę wpisać nowy numer konta do wypłaty?", ""},
	{[]string{"godziny"}, "Brakuje mi godzin z niedzieli na tygodniowym zestawieniu. Kierownik mówi, że to po waszej stronie?", ""},
	{[]string{"język polski"}, "Czy aplikacja będzie dostępna po polsku?", ""},
}

// paydayQs are the ordinary payslip questions that spike on payday.
var paydayQs = []msg{
	{[]string{"tax this month", "Why is my tax higher"}, "Why have I paid more tax this month than last? Same hours roughly.", "Payslips"},
	{[]string{"payslip breakdown"}, "Can someone explain my payslip? The gross and the 'taxable pay' are different numbers.", "Payslips"},
	{[]string{"missing hours on payslip"}, "My Sunday shift isn't on this payslip. Will it be on the next one?", "Payslips"},
	{[]string{"NI question"}, "What's the NI figure on my payslip? It's more than before Christmas.", "Payslips"},
	{[]string{"holiday pay on payslip"}, "I had holiday last week but it's not showing as holiday pay on the payslip, just normal hours.", "Payslips"},
	{[]string{"Payslip came through"}, "Payslip came through, thanks. Just checking, is the 'pension' line the employer's bit or mine?", "Payslips"},
	{[]string{"payslip not published yet"}, "My payslip isn't in the app yet but pay is in the bank. When will it be there?", "Payslips"},
	{[]string{"Student loan on payslip"}, "Why is there a student loan deduction? I finished paying it off last year.", "Payslips"},
}

// otherHardNeg are individual problems outside the login area that read
// like outages.
var otherHardNeg = []msg{
	{[]string{"Card declined", "Payment failed for subscription"}, "We got an email saying our subscription payment failed. I think the company card on file expired in December. How do I update it?", "Billing"},
	{[]string{"Account suspended - payment"}, "Our account says payment overdue and features are restricted. We changed bank card last month, the old one must still be on file.", "Billing"},
	{[]string{"Clock-in location not allowed"}, "It keeps saying it can't get my location. I think I said 'don't allow' when the app asked. How do I fix it?", "Clocking in/out"},
	{[]string{"battery saver"}, "Clock-in takes ages to find my location when my phone is on battery saver. Is that normal?", "Clocking in/out"},
	{[]string{"App crashes on my phone"}, "The app closes straight away when I open it. Only on my phone, my wife's is fine. iPhone 6s.", ""},
	{[]string{"App needs update", "Can't update the app"}, "It says I need to update the app but my iPhone won't update past iOS 15.", ""},
	{[]string{"WageWise blocked at office"}, "Our office network blocks the WageWise website since IT installed a new web filter. They want to know which domains to whitelist.", ""},
	{[]string{"Emails going to junk"}, "All the WageWise emails to our staff are going to junk since we moved to a new email provider. What do we need to add to our allow list?", ""},
	{[]string{"No notifications"}, "I get no notifications from the app at all. I think I turned them off in my phone settings by mistake.", ""},
	{[]string{"Wage payment returned"}, "The bank returned an employee's wages because the account was closed. How do we pay her?", "Pay"},
	{[]string{"Payslip PDF won't open on work PC"}, "Payslip downloads fine but won't open on our work PC - it says no program to open PDF files.", "Payslips"},
	{[]string{"Can't clock in - no signal"}, "There's no phone signal in our basement stockroom so I can't clock in down there. Can I do it later?", "Clocking in/out"},
}

var oooTexts = []string{
	"I am out of the office until Monday 11 January with limited access to email. For urgent payroll matters please contact payroll@{domain}.",
	"Thank you for your email. I'm on annual leave returning 6th January. Your message will not be forwarded.",
	"Automatic reply: I'm currently away and will respond on my return. For anything urgent call the office on 01632 960 418.",
	"Out of office: back on Tuesday. If this is about this week's pay run please email {first}'s colleague in finance.",
	"I'm working reduced hours this week (Mon-Wed). I'll get back to you as soon as I can.",
}

var spamTexts = []msg{
	{[]string{"Boost your website's SEO ranking today!!!"}, "Dear Sir/Madam, We noticed your website is not ranking on page 1 of Google. Our team of experts can guarantee top 3 results within 30 days. Reply YES for a free audit.", ""},
	{[]string{"Invoice #88213 overdue - action required"}, "Please find attached the overdue invoice. Click here to view the document: http://secure-docs-view.example/inv88213. Regards, Accounts", ""},
	{[]string{"Partnership opportunity"}, "Hi, I'm reaching out from a lead generation agency. We help HR software companies book 30+ demos per month. Are you open to a quick call this week?", ""},
	{[]string{"Your mailbox is almost full"}, "Your mailbox has exceeded its storage limit. Verify your account within 24 hours to avoid losing messages: http://mail-verify-account.example", ""},
}

// ---------------------------------------------------------------- writers by kind

func hasLang(l string) func(o org) bool {
	return func(o org) bool { return strings.Contains(o.langs, l) && o.country != "US" }
}

func who(kind string) person {
	switch kind {
	case "emp":
		return writer(pickOrg(employerNotUS), "employee", "")
	case "ie":
		return writer(pickOrg(func(o org) bool { return o.country == "IE" && !o.bureau }), "employee", "")
	case "es":
		return writer(pickOrg(hasLang("es")), "employee", "es")
	case "pl":
		return writer(pickOrg(hasLang("pl")), "employee", "pl")
	case "mgr":
		return writer(pickOrg(employerNotUS), "manager", "")
	case "admin":
		return writer(pickOrg(employerNotUS), pick([]string{"admin", "admin", "hr", "owner"}), "")
	case "bureau":
		return writer(pickOrg(func(o org) bool { return o.bureau }), "bureau", "")
	case "us":
		return writer(pickOrg(func(o org) bool { return o.country == "US" }), "employee", "")
	case "owner":
		return writer(pickOrg(employer), "owner", "")
	case "usadmin":
		return writer(pickOrg(func(o org) bool { return o.country == "US" }), "admin", "")
	case "ieadmin":
		return writer(pickOrg(func(o org) bool { return o.country == "IE" && !o.bureau }), pick([]string{"admin", "manager"}), "")
	}
	panic(kind)
}

// proKind chooses who writes a professional message from its wording.
func proKind(m msg) string {
	s := strings.Join(m.subj, " ")
	switch {
	case strings.Contains(s, "- US") || strings.Contains(m.body, "FLSA"):
		return "usadmin"
	case strings.Contains(s, "Ireland"):
		return "ieadmin"
	case strings.Contains(m.body, "client") || strings.Contains(s, "client") || strings.Contains(s, "Client"):
		return "bureau"
	}
	return pick([]string{"admin", "mgr"})
}

type kit struct {
	kind string // writer kind; "pro" = from the wording
	w    int
	msgs []msg
	d    *deck
}

// incident writes one ticket per time, from weighted kits, appending one of
// extras now and then to English messages.
func incident(label string, times []time.Time, kits []kit, extras []string) []*ticket {
	tot := 0
	for i := range kits {
		tot += kits[i].w
		idx := make([]string, len(kits[i].msgs))
		for j := range idx {
			idx[j] = fmt.Sprint(j)
		}
		kits[i].d = newDeck(idx)
	}
	ex := newDeck(extras)
	var out []*ticket
	for _, at := range times {
		n := r.Intn(tot)
		var k *kit
		for i := range kits {
			if n < kits[i].w {
				k = &kits[i]
				break
			}
			n -= kits[i].w
		}
		var j int
		fmt.Sscan(k.d.next(), &j)
		m := k.msgs[j]
		kind := k.kind
		if kind == "pro" {
			kind = proKind(m)
		}
		p := who(kind)
		extra := ""
		if p.lang == "" && len(extras) > 0 && chance(0.45) {
			extra = ex.next()
		}
		out = append(out, emit(at, label, p, m, extra))
	}
	return out
}

func scatter(label string, n int, days []int, kits []kit) {
	var times []time.Time
	for i := 0; i < n; i++ {
		times = append(times, dayTime(days[r.Intn(len(days))], false))
	}
	incident(label, times, kits, hnExtras)
}

var hnExtras = []string{
	"Thanks.", "It's a bit urgent.", "I've tried twice now.", "Can you help?", "My manager told me to contact you.",
	"This is on the app.", "On my laptop.", "Sorry to bother you.", "Is there a quick fix?", "Please let me know what to do.",
}

var bgPre = []string{
	"Quick question - ", "Sorry if this is a silly question but: ", "Hoping you can help. ", "Me again! ", "Not urgent, but ",
	"A question from our finance team: ", "I couldn't find this in the help centre. ", "Following on from our call last week: ",
	"New to WageWise so bear with me. ", "One for you: ", "Can't see this in the FAQs. ", "Happy new year! ",
}

var bgPost = []string{
	"Thanks in advance.", "No rush on this one.", "Ideally before the next pay run.", "We're on the Pro plan if that matters.",
	"A link to a help article would be fine.", "I'm in the office until 4 if a call is easier.", "Cheers!",
	"Our accountant is asking.", "Sorry, I know I asked something similar before.", "Appreciate the help.",
	"I've looked through the settings and can't see it.", "Happy to jump on a call.",
}

func quoteAck(prev time.Time, p person) string {
	return fmt.Sprintf("\n\nOn %s, WageWise Support <support@wagewise.io> wrote:\n> %s\n>\n> Your reference is %s. Please reply to this email to add anything.\n> WageWise Support",
		prev.Format("Mon, 2 Jan 2006 at 15:04"), pick([]string{
			"Thanks for getting in touch with WageWise Support. We've received your message and one of the team will reply shortly.",
			"Hi " + firstName(p) + ", thanks for contacting us. We're looking into this and will update you as soon as we can.",
			"Thank you for your message. Our team is busier than usual this morning; we'll be with you as soon as possible.",
		}), fmt.Sprintf("#%d", 40000+r.Intn(9000)))
}

func quoteSupport(at time.Time, p person) string {
	prev := at.Add(-time.Duration(20+r.Intn(3000)) * time.Minute)
	lines := []string{
		"Thanks for getting in touch with WageWise Support. We've received your message and one of the team will reply shortly.",
		"Hi " + firstName(p) + ", thanks for your message. Could you tell me a bit more about what you see, and which device you're using?",
		"Hi " + firstName(p) + ", I've had a look and passed this to our payroll specialists. We'll come back to you as soon as we can.",
		"Hi " + firstName(p) + ", you can find this under Settings > Company. Let us know if you need anything else.",
	}
	return fmt.Sprintf("\n\nOn %s, WageWise Support <support@wagewise.io> wrote:\n> %s\n>\n> Kind regards,\n> %s\n> WageWise Support",
		prev.Format("Mon, 2 Jan 2006 at 15:04"), pick(lines), pick(agents))
}

// ---------------------------------------------------------------- main

func main() {
	// ----- Tue 5 Jan: keyhaven sign-in storm, 07:41-09:50; status page from 08:22.
	stormExtras := []string{
		"Tried restarting my phone.", "On Android.", "iPhone 13 if that matters.", "My colleague has the same problem.",
		"Tried the website too, same.", "Cleared the cache and reinstalled.", "Worked fine yesterday.", "I'm on the work wifi.",
		"Tried on 4G as well.", "Please help.", "Screenshot attached.", "This is the third time I've tried.",
	}
	stormKits := []kit{
		{kind: "emp", w: 50, msgs: stormEmp},
		{kind: "ie", w: 8, msgs: stormIE},
		{kind: "es", w: 4, msgs: stormES},
		{kind: "pl", w: 4, msgs: stormPL},
		{kind: "mgr", w: 16, msgs: stormMgr},
		{kind: "admin", w: 8, msgs: stormAdmin},
		{kind: "bureau", w: 4, msgs: stormBureau},
	}
	storm := incident("inc-keyhaven-signin", burst(day(1, 7, 41), day(1, 9, 50), 120, 0.3), stormKits, stormExtras)
	// US night-shift workers.
	incident("inc-keyhaven-signin", []time.Time{day(1, 8, 3), day(1, 8, 37)}, []kit{{kind: "us", w: 1, msgs: stormUS}}, nil)
	// A subject-only and a body-only one.
	p := who("emp")
	G.add(day(1, 8, 14).Add(22*time.Second), "inc-keyhaven-signin", p, "CANT LOG IN!!! is the app down", "", "email")
	p = who("mgr")
	G.add(day(1, 8, 29).Add(5*time.Second), "inc-keyhaven-signin", p, "", emailBody(p, "Nobody on the morning shift at "+pick(p.org.sites)+" can sign in. Error after the text code. Please call me."), "email")
	// Follow-ups from earlier writers.
	fu := newDeck(stormFollow)
	var earlier []*ticket
	for _, t := range storm {
		if t.Source == "email" && t.at.Before(day(1, 8, 40)) {
			earlier = append(earlier, t)
		}
	}
	used := map[int]bool{}
	for _, at := range burst(day(1, 8, 35), day(1, 9, 55), 12, 0.5) {
		i := r.Intn(len(earlier))
		for used[i] {
			i = (i + 1) % len(earlier)
		}
		used[i] = true
		o := earlier[i]
		fp := person{name: o.CustomerName, email: o.CustomerEmail, org: orgByName(o.Org), role: "employee"}
		subj := "Re: " + o.Subject
		if o.Subject == "" {
			subj = "Re: your request"
		}
		body := fu.next()
		if chance(0.5) {
			body += quoteAck(o.at.Add(time.Duration(1+r.Intn(6))*time.Minute), fp)
		} else {
			body += fmt.Sprintf("\n\nOn %s, %s <%s> wrote:\n> %s", o.at.Format("Mon, 2 Jan 2006 at 15:04"), o.CustomerName, o.CustomerEmail,
				strings.ReplaceAll(strings.SplitN(o.Body, "\n\n", 3)[min(1, len(strings.SplitN(o.Body, "\n\n", 3))-1)], "\n", "\n> "))
		}
		G.add(at, "inc-keyhaven-signin", fp, subj, body, "email")
	}
	rf := newDeck(stormResolvedFollow)
	for _, at := range burst(day(1, 10, 0), day(1, 11, 20), 4, 0.2) {
		o := storm[r.Intn(len(storm))]
		fp := person{name: o.CustomerName, email: o.CustomerEmail, org: orgByName(o.Org)}
		s := "Re: " + o.Subject
		if o.Subject == "" {
			s = "Login this morning"
		}
		G.add(at, "inc-keyhaven-signin", fp, s, rf.next()+quoteAck(o.at.Add(time.Duration(2+r.Intn(20))*time.Minute), fp), "email")
	}
	// Inside the storm window: individual login problems and other login bugs.
	incident("hard-negative", burst(day(1, 7, 35), day(1, 9, 55), 26, 0.5), []kit{
		{kind: "emp", w: 10, msgs: loginHardNeg[:17]},
		{kind: "pro", w: 3, msgs: loginHardNeg[17:19]},
		{kind: "emp", w: 4, msgs: loginHardNeg[19:]},
	}, nil)
	incident("hard-negative", burst(day(1, 7, 50), day(1, 9, 40), 2, 0.5), []kit{{kind: "es", w: 1, msgs: loginHardNegES}}, nil)
	incident("hard-negative", burst(day(1, 7, 50), day(1, 9, 40), 2, 0.5), []kit{{kind: "pl", w: 1, msgs: loginHardNegPL}}, nil)
	incident("look-alike", burst(day(1, 7, 45), day(1, 9, 50), 10, 0.5), []kit{
		{kind: "emp", w: 3, msgs: []msg{loginLookAlike[0], loginLookAlike[1], loginLookAlike[5], loginLookAlike[9], loginLookAlike[10]}},
		{kind: "admin", w: 2, msgs: []msg{loginLookAlike[2], loginLookAlike[4], loginLookAlike[6], loginLookAlike[8]}},
		{kind: "emp", w: 1, msgs: []msg{loginLookAlike[3], loginLookAlike[7]}},
	}, nil)

	// ----- Mon 4 Jan: geofinch geofence rejects clock-ins, 07:12-09:40; status page from 07:48.
	geoExtras := []string{"Location is on.", "Same spot as every day.", "Tried restarting.", "On an iPhone.", "Samsung A52.", "My manager said to email you.", "Screenshot attached.", "I've been trying since 7."}
	incident("inc-geofinch-geofence", burst(day(0, 7, 12), day(0, 9, 40), 45, 0.3), []kit{
		{kind: "emp", w: 24, msgs: geoEmp},
		{kind: "ie", w: 4, msgs: geoIE},
		{kind: "es", w: 3, msgs: geoES},
		{kind: "pl", w: 3, msgs: geoPL},
		{kind: "mgr", w: 9, msgs: geoMgr},
		{kind: "admin", w: 3, msgs: geoAdmin},
	}, geoExtras)
	incident("look-alike", burst(day(0, 7, 20), day(0, 9, 40), 6, 0.5), []kit{
		{kind: "admin", w: 2, msgs: []msg{geoLookAlike[0], geoLookAlike[4]}},
		{kind: "emp", w: 4, msgs: []msg{geoLookAlike[1], geoLookAlike[2], geoLookAlike[3], geoLookAlike[5], geoLookAlike[6]}},
	}, nil)

	// ----- Wed 6 Jan: inkpress payslip rendering, status from 10:48, tickets 11:02-13:00.
	pdfExtras := []string{"Tried Chrome and Safari.", "Same on the app.", "It worked last week.", "Reference on screen: INK-503.", "Need it today please."}
	incident("inc-inkpress-payslips", burst(day(2, 11, 2), day(2, 13, 0), 36, 0.35), []kit{
		{kind: "emp", w: 18, msgs: pdfEmp},
		{kind: "es", w: 1, msgs: pdfES},
		{kind: "pl", w: 1, msgs: pdfPL},
		{kind: "pro", w: 14, msgs: pdfPro},
	}, pdfExtras)
	incident("look-alike", burst(day(2, 11, 0), day(2, 13, 10), 6, 0.5), []kit{{kind: "emp", w: 1, msgs: pdfLookAlike}}, nil)

	// ----- Thu 7 Jan: geofinch bad geocoding, clock-ins accepted with wrong location; status from 13:05, tickets 13:20-15:30.
	incident("inc-geofinch-location", burst(day(3, 13, 20), day(3, 15, 30), 24, 0.35), []kit{
		{kind: "emp", w: 10, msgs: mapEmp},
		{kind: "pro", w: 12, msgs: mapPro},
	}, []string{"It happened to two of us.", "My clock in time is right though.", "Happened again after my break.", ""})
	incident("look-alike", burst(day(3, 13, 10), day(3, 15, 40), 4, 0.5), []kit{
		{kind: "emp", w: 1, msgs: []msg{mapLookAlike[0], mapLookAlike[2]}},
		{kind: "usadmin", w: 1, msgs: []msg{mapLookAlike[1]}},
		{kind: "mgr", w: 1, msgs: []msg{mapLookAlike[3]}},
	}, nil)

	// ----- Thu 7 Jan: own bug, overtime at basic rate after the 1 January rate change; all day, no provider.
	var otTimes []time.Time
	for i := 0; i < 25; i++ {
		otTimes = append(otTimes, within(day(3, 7, 5), day(3, 18, 30)))
	}
	sort.Slice(otTimes, func(i, j int) bool { return otTimes[i].Before(otTimes[j]) })
	otDeck := newDeck([]string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "12"})
	usDone := false
	for _, at := range otTimes {
		var m msg
		if !usDone && at.Hour() >= 14 {
			m, usDone = otMsgs[11], true
		} else {
			var j int
			fmt.Sscan(otDeck.next(), &j)
			m = otMsgs[j]
		}
		kind := proKind(m)
		if m.topic == "Timesheets & pay" && (strings.HasPrefix(m.body, "My overtime") || strings.HasPrefix(m.body, "Overtime isnt")) {
			kind = "emp"
		}
		emit(at, "inc-overtime-rate", who(kind), m, pick([]string{"", "", "Can you look urgently, payroll closes tomorrow.", "Screenshot of the timesheet attached.", "We haven't changed the overtime settings."}))
	}
	incident("look-alike", []time.Time{within(day(3, 8, 0), day(3, 11, 0)), within(day(3, 10, 0), day(3, 13, 0)), within(day(3, 12, 0), day(3, 16, 0)), within(day(3, 14, 0), day(3, 18, 0))},
		[]kit{{kind: "admin", w: 1, msgs: otLookAlike}}, nil)

	// ----- Fri 8 Jan (payday): tallybank payouts delayed, tickets 07:20-11:00; status from 08:05.
	incident("inc-tallybank-payouts", burst(day(4, 7, 20), day(4, 11, 0), 60, 0.3), []kit{
		{kind: "emp", w: 28, msgs: payEmp},
		{kind: "ie", w: 5, msgs: payIE},
		{kind: "es", w: 2, msgs: payES},
		{kind: "pl", w: 3, msgs: payPL},
		{kind: "pro", w: 18, msgs: payPro},
	}, []string{"Monzo if it matters.", "I bank with Barclays.", "My bank is Nationwide.", "Other people at work are the same.", "I need this money today.", "Please call me back."})
	incident("look-alike", burst(day(4, 7, 30), day(4, 11, 0), 5, 0.5), []kit{
		{kind: "admin", w: 2, msgs: []msg{payLookAlike[0], payLookAlike[3], payLookAlike[4]}},
		{kind: "emp", w: 2, msgs: []msg{payLookAlike[1], payLookAlike[2], payLookAlike[5]}},
	}, nil)
	// Payday: the ordinary payslip questions.
	var pq []time.Time
	for i := 0; i < 22; i++ {
		pq = append(pq, within(day(4, 6, 30), day(4, 15, 0)))
	}
	incident("background", pq, []kit{{kind: "emp", w: 1, msgs: paydayQs}}, nil)

	// ----- Hard negatives over the week.
	weekdays := []int{0, 0, 1, 2, 2, 3, 3, 4, 4, 5, 6}
	scatter("hard-negative", 38, weekdays, []kit{
		{kind: "emp", w: 10, msgs: loginHardNeg[:17]},
		{kind: "pro", w: 3, msgs: loginHardNeg[17:19]},
		{kind: "emp", w: 4, msgs: loginHardNeg[19:]},
		{kind: "es", w: 1, msgs: loginHardNegES},
		{kind: "pl", w: 1, msgs: loginHardNegPL},
	})
	scatter("hard-negative", 8, weekdays, []kit{{kind: "admin", w: 1, msgs: []msg{otherHardNeg[0], otherHardNeg[1], otherHardNeg[6], otherHardNeg[7], otherHardNeg[9], otherHardNeg[10]}}})
	scatter("hard-negative", 12, weekdays, []kit{{kind: "emp", w: 1, msgs: []msg{otherHardNeg[2], otherHardNeg[3], otherHardNeg[4], otherHardNeg[5], otherHardNeg[8], otherHardNeg[11]}}})
	// An expired card on the afternoon the card provider has its (irrelevant) incident.
	p = who("owner")
	emit(day(2, 15, 12), "hard-negative", p, otherHardNeg[0], "")

	// ----- Background.
	perDay := []int{74, 64, 66, 62, 62, 18, 14}
	bgd := newDeck(func() []string {
		var s []string
		for i := range background {
			s = append(s, fmt.Sprint(i))
		}
		return s
	}())
	empPre := newDeck([]string{"hi quick one, ", "Sorry to bother you. ", "My manager said to ask you. ", "Hello, ", "Question: ", "I'm new. "})
	empPost := newDeck([]string{"Thanks", "thank you", "Cheers", "ta", "Thanks in advance!", "Please reply by email, I work nights.", "Thank you so much"})
	pre := newDeck(bgPre)
	postD := newDeck(bgPost)
	for d, n := range perDay {
		for i := 0; i < n; i++ {
			var j int
			fmt.Sscan(bgd.next(), &j)
			b := background[j]
			filter := func(o org) bool {
				if b.country != "" && o.country != b.country {
					return false
				}
				if strings.Contains(b.roles, "b") {
					return o.bureau
				}
				return !o.bureau
			}
			o := pickOrg(filter)
			role := map[string]string{"e": "employee", "m": "manager", "a": pick([]string{"admin", "admin", "hr"}), "o": "owner", "b": "bureau", "hr": "hr"}[b.roles]
			p := writer(o, role, "")
			at := dayTime(d, o.country == "US")
			m := b.m
			post := ""
			if role == "employee" {
				if chance(0.3) {
					m.body = empPre.next() + m.body
				}
				if chance(0.3) {
					post = empPost.next()
				}
			} else {
				if chance(0.5) {
					m.body = pre.next() + m.body
				}
				if chance(0.45) {
					post = postD.next()
				}
			}
			t := emit(at, "background", p, m, post)
			if t.Source == "email" && chance(0.12) && !strings.HasPrefix(t.Body, "<html") {
				t.Subject = "Re: " + t.Subject
				t.Body += quoteSupport(at, p)
			}
		}
	}
	for i := 0; i < 6; i++ {
		incident("background", []time.Time{dayTime([]int{0, 1, 2, 3, 4, 5}[i], false)}, []kit{{kind: "es", w: 1, msgs: bgES}}, nil)
		incident("background", []time.Time{dayTime([]int{0, 1, 2, 3, 4, 6}[i], false)}, []kit{{kind: "pl", w: 1, msgs: bgPL}}, nil)
	}
	// A subject-only and a body-only background email.
	p = who("emp")
	G.add(day(2, 9, 17).Add(41*time.Second), "background", p, "please can someone call me about my holiday pay", "", "email")
	p = who("admin")
	G.add(day(3, 10, 4).Add(9*time.Second), "background", p, "", emailBody(p, "Quick one - can managers see each other's team timesheets, or only their own? We'd like to keep them separate."), "email")

	// Out-of-office replies to WageWise's own mails.
	ooo := newDeck(oooTexts)
	oooSubj := []string{"Automatic reply: Your weekly timesheet summary", "Out of Office: WageWise - pay run reminder", "Automatic reply: Timesheets waiting for approval", "Out of office Re: Your WageWise invoice", "Auto: New leave request from your team"}
	for i := 0; i < 12; i++ {
		o := pickOrg(employer)
		p := writer(o, pick([]string{"manager", "admin", "hr"}), "")
		d := []int{0, 0, 0, 0, 1, 1, 1, 2, 2, 3, 4, 4}[i]
		body := strings.NewReplacer("{domain}", o.domain, "{first}", firstName(p)).Replace(ooo.next())
		G.add(dayTime(d, false), "background", p, pick(oooSubj), body, "email")
	}
	// Bounces.
	for i := 0; i < 6; i++ {
		o := pickOrg(employer)
		victim := newPerson(o, "employee", "")
		var p person
		var subj, body string
		switch i % 3 {
		case 0:
			p = person{name: "Mail Delivery Subsystem", email: "mailer-daemon@googlemail.com"}
			subj = "Delivery Status Notification (Failure)"
			body = "** Address not found **\n\nYour message wasn't delivered to " + victim.email + " because the address couldn't be found, or is unable to receive mail.\n\nThe response from the remote server was:\n550 5.1.1 The email account that you tried to reach does not exist."
		case 1:
			p = person{name: "Microsoft Outlook", email: "postmaster@outlook.com"}
			subj = "Undeliverable: Your payslip is ready"
			body = "Delivery has failed to these recipients or groups:\n\n" + victim.email + "\nThe recipient's mailbox is full and can't accept messages now. Please try resending this message later, or contact the recipient directly."
		default:
			p = person{name: "Mail Delivery System", email: "MAILER-DAEMON@mx." + o.domain}
			subj = "Mail delivery failed: returning message to sender"
			body = "This message was created automatically by mail delivery software.\n\nA message that you sent could not be delivered to one or more of its recipients. This is a permanent error. The following address(es) failed:\n\n  " + victim.email + "\n    host mx." + o.domain + ": 550 User unknown"
		}
		G.add(dayTime([]int{0, 1, 2, 4, 4, 5}[i], false), "background", p, subj, body, "email")
	}
	// Spam.
	for i, m := range spamTexts {
		p := person{name: pick([]string{"Jason Miller", "Growth Team", "Accounts Dept", "IT Helpdesk"}), email: pick([]string{"outreach@rankfast-seo.example", "billing@docs-secure.example", "hello@leadspring.example", "admin@mail-verify.example"})}
		G.add(dayTime([]int{0, 2, 3, 6}[i], false), "background", p, m.subj[0], m.body, pick([]string{"email", "web"}))
	}

	write()
}

func orgByName(n string) org {
	for _, o := range orgs {
		if o.name == n {
			return o
		}
	}
	return org{name: n}
}

// ---------------------------------------------------------------- status pages

func updates() []weekgen.Update {
	ts := func(t time.Time) string { return t.Format(time.RFC3339) }
	var u []weekgen.Update
	add := func(prov, inc, id, status, impact string, at time.Time, title, body, kind string, comps []string, label string) {
		u = append(u, weekgen.Update{Provider: prov, ProviderIncidentID: inc, UpdateID: id, Status: status, Impact: impact, At: ts(at), Title: title, Body: body, Kind: kind, Components: comps, Label: label})
	}
	// geofinch, Mon 4 Jan: first ticket 07:23, page 08:00 (trails by 37 min).
	gt := "Elevated errors and inaccurate results from the Geolocation API (EU)"
	add("geofinch", "gf-inc-4471", "gf-4471-1", "investigating", "major", day(0, 8, 0), gt, "We are investigating reports of location lookups in the EU region returning incorrect coordinates, causing geofence checks to fail.", "", []string{"Geolocation API", "Geofencing"}, "inc-geofinch-geofence")
	add("geofinch", "gf-inc-4471", "gf-4471-2", "identified", "major", day(0, 8, 31), gt, "A faulty configuration push to our EU positioning cluster is returning stale cell-tower and Wi-Fi positions. We are rolling back.", "", []string{"Geolocation API", "Geofencing"}, "inc-geofinch-geofence")
	add("geofinch", "gf-inc-4471", "gf-4471-3", "monitoring", "minor", day(0, 9, 26), gt, "The rollback is complete and error rates are back to normal. We are monitoring.", "", []string{"Geolocation API", "Geofencing"}, "inc-geofinch-geofence")
	add("geofinch", "gf-inc-4471", "gf-4471-4", "resolved", "minor", day(0, 10, 12), gt, "This incident has been resolved.", "", []string{"Geolocation API", "Geofencing"}, "inc-geofinch-geofence")

	// keyhaven, Tue 5 Jan: first ticket 07:41, page 08:22 (trails by 41 min).
	kt := "Authentication failures and elevated latency"
	add("keyhaven", "kh-2027-0105", "kh-0105-1", "investigating", "major", day(1, 8, 22), kt, "We are investigating elevated error rates on login, SSO and SMS one-time-code verification for customers in the EU-West region.", "", []string{"Hosted Login", "SSO (SAML/OIDC)", "SMS MFA"}, "inc-keyhaven-signin")
	add("keyhaven", "kh-2027-0105", "kh-0105-2", "identified", "critical", day(1, 8, 58), kt, "We have identified a database failover in EU-West that left session and one-time-code stores inconsistent. Logins, SSO callbacks and MFA verification may fail. A fix is being implemented.", "", []string{"Hosted Login", "SSO (SAML/OIDC)", "SMS MFA"}, "inc-keyhaven-signin")
	add("keyhaven", "kh-2027-0105", "kh-0105-3", "monitoring", "minor", day(1, 9, 41), kt, "A fix has been applied. Error rates are decreasing and logins are succeeding. We continue to monitor.", "", []string{"Hosted Login", "SSO (SAML/OIDC)", "SMS MFA"}, "inc-keyhaven-signin")
	add("keyhaven", "kh-2027-0105", "kh-0105-4", "resolved", "minor", day(1, 10, 30), kt, "This incident has been resolved. A post-incident report will follow.", "", []string{"Hosted Login", "SSO (SAML/OIDC)", "SMS MFA"}, "inc-keyhaven-signin")

	// postwren: maintenance announced Tue, run Sat night; nothing happens.
	mt := "Scheduled maintenance: outbound mail infrastructure (EU)"
	add("postwren", "pw-maint-0109", "pw-m-1", "scheduled", "maintenance", day(1, 15, 0), mt, "We will perform maintenance on our EU sending infrastructure on Saturday 9 January 2027 from 01:00 to 03:00 UTC. Messages may be queued for up to 10 minutes; no messages will be lost.", "maintenance", []string{"SMTP relay", "Sending API"}, "")
	add("postwren", "pw-maint-0109", "pw-m-2", "in_progress", "maintenance", day(5, 1, 0), mt, "Scheduled maintenance is currently in progress.", "maintenance", []string{"SMTP relay", "Sending API"}, "")
	add("postwren", "pw-maint-0109", "pw-m-3", "completed", "maintenance", day(5, 2, 38), mt, "The scheduled maintenance has been completed.", "maintenance", []string{"SMTP relay", "Sending API"}, "")

	// inkpress, Wed 6 Jan: page 10:48 leads the first ticket (11:02).
	it := "Document rendering failures"
	add("inkpress", "ink-903", "ink-903-1", "investigating", "major", day(2, 10, 48), it, "We are investigating increased failure rates for PDF rendering jobs. Some documents may return empty or fail to generate.", "", []string{"PDF Render API"}, "inc-inkpress-payslips")
	add("inkpress", "ink-903", "ink-903-2", "identified", "major", day(2, 11, 31), it, "The issue has been traced to a font-cache node that is exhausting memory under load. We are replacing the affected nodes.", "", []string{"PDF Render API"}, "inc-inkpress-payslips")
	add("inkpress", "ink-903", "ink-903-3", "monitoring", "minor", day(2, 12, 42), it, "Rendering success rates have recovered. Queued jobs are being processed. We are monitoring.", "", []string{"PDF Render API"}, "inc-inkpress-payslips")
	add("inkpress", "ink-903", "ink-903-4", "resolved", "none", day(2, 13, 24), it, "This incident has been resolved.", "", []string{"PDF Render API"}, "inc-inkpress-payslips")

	// cardharbor, Wed 6 Jan: SEPA Direct Debit and iDEAL only; WageWise takes cards. No impact.
	ct := "Delays processing SEPA Direct Debit and iDEAL payments"
	add("cardharbor", "ch-3391", "ch-3391-1", "investigating", "minor", day(2, 14, 10), ct, "We are investigating delays in confirming SEPA Direct Debit and iDEAL payments. Card payments are not affected.", "", []string{"SEPA Direct Debit", "iDEAL"}, "")
	add("cardharbor", "ch-3391", "ch-3391-2", "identified", "minor", day(2, 15, 2), ct, "A banking partner in the Netherlands is returning confirmations late. Payments will complete; confirmations are delayed.", "", []string{"SEPA Direct Debit", "iDEAL"}, "")
	add("cardharbor", "ch-3391", "ch-3391-3", "monitoring", "minor", day(2, 16, 40), ct, "Confirmations are flowing again and the backlog is clearing.", "", []string{"SEPA Direct Debit", "iDEAL"}, "")
	add("cardharbor", "ch-3391", "ch-3391-4", "resolved", "none", day(2, 17, 45), ct, "This incident has been resolved.", "", []string{"SEPA Direct Debit", "iDEAL"}, "")

	// geofinch, Thu 7 Jan: page 13:05 leads the first ticket (13:20).
	gt2 := "Degraded accuracy of reverse geocoding and map tiles"
	add("geofinch", "gf-inc-4502", "gf-4502-1", "investigating", "minor", day(3, 13, 5), gt2, "Some reverse-geocoding requests are returning incorrect addresses and map tiles may fail to load. Position requests are succeeding.", "", []string{"Reverse Geocoding", "Map Tiles"}, "inc-geofinch-location")
	add("geofinch", "gf-inc-4502", "gf-4502-2", "identified", "minor", day(3, 13, 52), gt2, "A corrupted index in a new reverse-geocoding dataset release is mapping coordinates to the wrong places. We are reverting the release.", "", []string{"Reverse Geocoding", "Map Tiles"}, "inc-geofinch-location")
	add("geofinch", "gf-inc-4502", "gf-4502-3", "monitoring", "minor", day(3, 15, 18), gt2, "The previous dataset has been restored. Results recorded during the incident may show wrong addresses.", "", []string{"Reverse Geocoding", "Map Tiles"}, "inc-geofinch-location")
	add("geofinch", "gf-inc-4502", "gf-4502-4", "resolved", "none", day(3, 16, 2), gt2, "This incident has been resolved.", "", []string{"Reverse Geocoding", "Map Tiles"}, "inc-geofinch-location")

	// tallybank, Fri 8 Jan: first ticket 07:20, page 08:05 (trails by 45 min).
	tt := "Delayed outbound payouts (UK Faster Payments and SEPA)"
	add("tallybank", "tb-88120", "tb-88120-1", "investigating", "major", day(4, 8, 5), tt, "We are investigating delays to outbound payouts submitted in this morning's batch. Funds are safe.", "", []string{"Payouts", "Faster Payments", "SEPA Credit Transfer"}, "inc-tallybank-payouts")
	add("tallybank", "tb-88120", "tb-88120-2", "identified", "major", day(4, 9, 12), tt, "A certificate rotation at our sponsor bank caused the 05:30 batch to be held. The batch is being resubmitted.", "", []string{"Payouts", "Faster Payments", "SEPA Credit Transfer"}, "inc-tallybank-payouts")
	add("tallybank", "tb-88120", "tb-88120-3", "monitoring", "minor", day(4, 11, 28), tt, "Held payouts have been released and most have now reached recipient banks. Some banks may take a few hours to credit accounts.", "", []string{"Payouts", "Faster Payments", "SEPA Credit Transfer"}, "inc-tallybank-payouts")
	add("tallybank", "tb-88120", "tb-88120-4", "resolved", "minor", day(4, 12, 47), tt, "All payouts from this morning's batch have been delivered. This incident has been resolved.", "", []string{"Payouts", "Faster Payments", "SEPA Credit Transfer"}, "inc-tallybank-payouts")
	return u
}

// ---------------------------------------------------------------- output

func write() {
	ts := G.tickets
	sort.SliceStable(ts, func(i, j int) bool {
		if !ts[i].at.Equal(ts[j].at) {
			return ts[i].at.Before(ts[j].at)
		}
		return ts[i].seq < ts[j].seq
	})
	labels := map[string]int{}
	sources := map[string]int{}
	for i, t := range ts {
		t.ID = fmt.Sprintf("WW-%d", 51200+i)
		labels[t.Label]++
		sources[t.Source]++
	}
	// Some of this week's updates carry no kind; they leave the field out.
	if err := weekgen.WriteWeek(".", ts, updates(), weekgen.Format{OmitEmptyKind: true}); err != nil {
		panic(err)
	}
	fmt.Println("tickets:", len(ts))
	for _, m := range []map[string]int{labels, sources} {
		var ks []string
		for k := range m {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		for _, k := range ks {
			fmt.Printf("  %-24s %d\n", k, m[k])
		}
	}
}

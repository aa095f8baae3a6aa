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
	"os"
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
	Name    string
	Domain  string
	Country string // UK, IE, US
	Weight  int
	Langs   string // "es", "pl", "espl" for employees who sometimes write in Spanish/Polish
	Bureau  bool
	Sites   []string
}

var orgs = text[[]org]("orgs")

func pickOrg(filter func(o org) bool) org {
	tot := 0
	for _, o := range orgs {
		if filter == nil || filter(o) {
			tot += o.Weight
		}
	}
	n := r.Intn(tot)
	for _, o := range orgs {
		if filter == nil || filter(o) {
			if n < o.Weight {
				return o
			}
			n -= o.Weight
		}
	}
	panic("no org")
}

func notUS(o org) bool  { return o.Country != "US" }
func anyOrg(o org) bool { return true }
func employer(o org) bool {
	return !o.Bureau
}
func employerNotUS(o org) bool { return !o.Bureau && o.Country != "US" }

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
	case o.Country == "IE":
		first, last = pick(ieFirst), pick(ieLast)
	case o.Country == "US":
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
		case o.Country == "IE":
			doms = []string{"gmail.com", "eircom.net", "hotmail.com", "icloud.com"}
		case o.Country == "US":
			doms = []string{"gmail.com", "yahoo.com", "aol.com", "icloud.com"}
		}
		forms := []string{f + "." + l, f + l + fmt.Sprint(r.Intn(99)), string(f[0]) + l, f + "_" + l, l + f[:1] + fmt.Sprint(80+r.Intn(20))}
		email = pick(forms) + "@" + pick(doms)
	} else {
		forms := []string{f + "." + l, string(f[0]) + "." + l, f}
		email = pick(forms) + "@" + o.Domain
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
	key := o.Name + "|" + role + "|" + lang
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
			"\n\nKind regards,\n" + p.name + "\n" + t + "\n" + p.org.Name,
			"\n\nRegards,\n" + p.name + "\n" + t,
			"\n\nMany thanks\n" + fn,
			"\n\nCheers,\n" + fn,
			"\n\nBest,\n" + p.name + " | " + t + " | " + p.org.Name,
			"\n\n--\n" + p.name + "\n" + t + ", " + p.org.Name + "\nThis email and any attachments are confidential and intended solely for the addressee.",
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
	case p.org.Country == "IE":
		g = pick(greetIE)
	case p.org.Country == "US":
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
	return pick(text[[]string]("botGreetings"))
}

// chatBody builds a transcript: the bot, the customer, maybe an agent.
func chatBody(p person, lines []string, agentLine string) string {
	who := "[" + p.name + "]"
	var b []string
	b = append(b, botGreeting())
	b = append(b, who+" "+lines[0])
	b = append(b, pick(text[[]string]("botHandovers")))
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
	return fmt.Sprintf("Name: %s\nEmail: %s\nCompany: %s\nTopic: %s\nMessage:\n%s", p.name, p.email, p.org.Name, topic, msg)
}

// ---------------------------------------------------------------- generator

type gen struct {
	tickets []*ticket
	seq     int
}

var G gen

func (g *gen) add(at time.Time, label string, p person, subject, body, source string) *ticket {
	g.seq++
	t := &ticket{at: at, seq: g.seq, Ticket: weekgen.Ticket{ReceivedAt: at.UTC().Format(time.RFC3339), Subject: subject, Body: body, Source: source, CustomerEmail: p.email, CustomerName: p.name, Org: p.org.Name, Label: label}}
	g.tickets = append(g.tickets, t)
	return t
}

// msg is one hand-written complaint: its subject lines and its text. The
// text may hold {site}.
type msg struct {
	Subj  []string
	Body  string
	Topic string
}

func fill(s string, p person) string {
	site := pick(p.org.Sites)
	return strings.NewReplacer("{site}", site, "{org}", p.org.Name, "{first}", firstName(p)).Replace(s)
}

// emit writes one ticket for m from p at t, in a source chosen by mix.
func emit(at time.Time, label string, p person, m msg, extra string) *ticket {
	body := fill(m.Body, p)
	subj := fill(pick(m.Subj), p)
	if extra != "" {
		body += " " + fill(extra, p)
	}
	if p.role == "employee" && p.lang == "" && chance(0.45) {
		body = sloppy(body)
		if chance(0.4) {
			subj = strings.ToLower(subj)
		}
	}
	topic := m.Topic
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

var stormEmp = text[[]msg]("stormEmp")

var stormIE = text[[]msg]("stormIE")

var stormES = text[[]msg]("stormES")

var stormPL = text[[]msg]("stormPL")

var stormMgr = text[[]msg]("stormMgr")

var stormAdmin = text[[]msg]("stormAdmin")

var stormBureau = text[[]msg]("stormBureau")

var stormUS = text[[]msg]("stormUS")

var stormFollow = text[[]string]("stormFollow")

var stormResolvedFollow = text[[]string]("stormResolvedFollow")

// ---------------------------------------------------------------- storm look-alikes and hard negatives

var loginLookAlike = text[[]msg]("loginLookAlike")

var loginHardNeg = text[[]msg]("loginHardNeg")

var loginHardNegES = text[[]msg]("loginHardNegES")
var loginHardNegPL = text[[]msg]("loginHardNegPL")

// ---------------------------------------------------------------- geofinch geofence, Mon 4 Jan

var geoEmp = text[[]msg]("geoEmp")

var geoIE = text[[]msg]("geoIE")

var geoES = text[[]msg]("geoES")

var geoPL = text[[]msg]("geoPL")

var geoMgr = text[[]msg]("geoMgr")

var geoAdmin = text[[]msg]("geoAdmin")

var geoLookAlike = text[[]msg]("geoLookAlike")

// ---------------------------------------------------------------- inkpress payslip rendering, Wed 6 Jan

var pdfEmp = text[[]msg]("pdfEmp")

var pdfPro = text[[]msg]("pdfPro")

var pdfES = []msg{{[]string{"no puedo descargar la nómina"}, "No puedo descargar mi nómina, sale un error de documento. Lo necesito hoy.", ""}}
var pdfPL = []msg{{[]string{"nie mogę pobrać odcinka wypłaty"}, "Nie mogę pobrać odcinka wypłaty (payslip), pokazuje się pusta strona.", ""}}

var pdfLookAlike = text[[]msg]("pdfLookAlike")

// ---------------------------------------------------------------- geofinch wrong location on accepted clock-ins, Thu 7 Jan

var mapEmp = text[[]msg]("mapEmp")
var mapPro = text[[]msg]("mapPro")
var mapLookAlike = text[[]msg]("mapLookAlike")

// ---------------------------------------------------------------- own bug: overtime rate, Thu 7 Jan

var otMsgs = text[[]msg]("otMsgs")

var otLookAlike = text[[]msg]("otLookAlike")

// ---------------------------------------------------------------- tallybank payouts, Fri 8 Jan (payday)

var payEmp = text[[]msg]("payEmp")
var payIE = text[[]msg]("payIE")
var payES = []msg{{[]string{"no he cobrado"}, "No he cobrado la nómina hoy. En la app dice que está pagado pero en el banco no hay nada.", ""}}
var payPL = text[[]msg]("payPL")
var payPro = text[[]msg]("payPro")
var payLookAlike = text[[]msg]("payLookAlike")

// ---------------------------------------------------------------- background

// bg is an everyday ticket: who writes it (e employee, m manager, a
// admin/HR/owner, b bureau), from which country ("" any), and the text.
type bg struct {
	Roles   string
	Country string
	M       msg
}

var background = text[[]bg]("background")

var bgES = text[[]msg]("bgES")
var bgPL = text[[]msg]("bgPL")

// paydayQs are the ordinary payslip questions that spike on payday.
var paydayQs = text[[]msg]("paydayQs")

// otherHardNeg are individual problems outside the login area that read
// like outages.
var otherHardNeg = text[[]msg]("otherHardNeg")

var oooTexts = text[[]string]("oooTexts")

var spamTexts = text[[]msg]("spamTexts")

// ---------------------------------------------------------------- writers by kind

func hasLang(l string) func(o org) bool {
	return func(o org) bool { return strings.Contains(o.Langs, l) && o.Country != "US" }
}

func who(kind string) person {
	switch kind {
	case "emp":
		return writer(pickOrg(employerNotUS), "employee", "")
	case "ie":
		return writer(pickOrg(func(o org) bool { return o.Country == "IE" && !o.Bureau }), "employee", "")
	case "es":
		return writer(pickOrg(hasLang("es")), "employee", "es")
	case "pl":
		return writer(pickOrg(hasLang("pl")), "employee", "pl")
	case "mgr":
		return writer(pickOrg(employerNotUS), "manager", "")
	case "admin":
		return writer(pickOrg(employerNotUS), pick([]string{"admin", "admin", "hr", "owner"}), "")
	case "bureau":
		return writer(pickOrg(func(o org) bool { return o.Bureau }), "bureau", "")
	case "us":
		return writer(pickOrg(func(o org) bool { return o.Country == "US" }), "employee", "")
	case "owner":
		return writer(pickOrg(employer), "owner", "")
	case "usadmin":
		return writer(pickOrg(func(o org) bool { return o.Country == "US" }), "admin", "")
	case "ieadmin":
		return writer(pickOrg(func(o org) bool { return o.Country == "IE" && !o.Bureau }), pick([]string{"admin", "manager"}), "")
	}
	panic(kind)
}

// proKind chooses who writes a professional message from its wording.
func proKind(m msg) string {
	s := strings.Join(m.Subj, " ")
	switch {
	case strings.Contains(s, "- US") || strings.Contains(m.Body, "FLSA"):
		return "usadmin"
	case strings.Contains(s, "Ireland"):
		return "ieadmin"
	case strings.Contains(m.Body, "client") || strings.Contains(s, "client") || strings.Contains(s, "Client"):
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

var hnExtras = text[[]string]("hnExtras")

var bgPre = text[[]string]("bgPre")

var bgPost = text[[]string]("bgPost")

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

// text decodes the table name of texts.json: the week's ticket texts, which
// this generator only draws from and puts together.
func text[T any](name string) T { return weekgen.Table[T](textsFile, name) }

// textsFile is read from this file's folder, where the week is written.
var textsFile = weekgen.TextsFile()

func main() {
	// ----- Tue 5 Jan: keyhaven sign-in storm, 07:41-09:50; status page from 08:22.
	stormExtras := text[[]string]("stormExtras")
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
	G.add(day(1, 8, 29).Add(5*time.Second), "inc-keyhaven-signin", p, "", emailBody(p, "Nobody on the morning shift at "+pick(p.org.Sites)+" can sign in. Error after the text code. Please call me."), "email")
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
		if m.Topic == "Timesheets & pay" && (strings.HasPrefix(m.Body, "My overtime") || strings.HasPrefix(m.Body, "Overtime isnt")) {
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
				if b.Country != "" && o.Country != b.Country {
					return false
				}
				if strings.Contains(b.Roles, "b") {
					return o.Bureau
				}
				return !o.Bureau
			}
			o := pickOrg(filter)
			role := map[string]string{"e": "employee", "m": "manager", "a": pick([]string{"admin", "admin", "hr"}), "o": "owner", "b": "bureau", "hr": "hr"}[b.Roles]
			p := writer(o, role, "")
			at := dayTime(d, o.Country == "US")
			m := b.M
			post := ""
			if role == "employee" {
				if chance(0.3) {
					m.Body = empPre.next() + m.Body
				}
				if chance(0.3) {
					post = empPost.next()
				}
			} else {
				if chance(0.5) {
					m.Body = pre.next() + m.Body
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
		body := strings.NewReplacer("{domain}", o.Domain, "{first}", firstName(p)).Replace(ooo.next())
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
			p = person{name: "Mail Delivery System", email: "MAILER-DAEMON@mx." + o.Domain}
			subj = "Mail delivery failed: returning message to sender"
			body = "This message was created automatically by mail delivery software.\n\nA message that you sent could not be delivered to one or more of its recipients. This is a permanent error. The following address(es) failed:\n\n  " + victim.email + "\n    host mx." + o.Domain + ": 550 User unknown"
		}
		G.add(dayTime([]int{0, 1, 2, 4, 4, 5}[i], false), "background", p, subj, body, "email")
	}
	// Spam.
	for i, m := range spamTexts {
		p := person{name: pick([]string{"Jason Miller", "Growth Team", "Accounts Dept", "IT Helpdesk"}), email: pick([]string{"outreach@rankfast-seo.example", "billing@docs-secure.example", "hello@leadspring.example", "admin@mail-verify.example"})}
		G.add(dayTime([]int{0, 2, 3, 6}[i], false), "background", p, m.Subj[0], m.Body, pick([]string{"email", "web"}))
	}

	write()
}

func orgByName(n string) org {
	for _, o := range orgs {
		if o.Name == n {
			return o
		}
	}
	return org{Name: n}
}

// ---------------------------------------------------------------- status pages

// statusIncident is one provider incident of the week and its status-page
// posts, each at a day of the week and a time ("15:04").
type statusIncident struct {
	Provider, Incident, Title, Kind, Label string
	Components                             []string
	Updates                                []struct {
		ID, Status, Impact, Body, Time string
		Day                            int
	}
}

func updates() []weekgen.Update {
	var u []weekgen.Update
	for _, in := range text[[]statusIncident]("statusPages") {
		for _, p := range in.Updates {
			var h, m int
			if _, err := fmt.Sscanf(p.Time, "%d:%d", &h, &m); err != nil {
				panic(fmt.Sprintf("texts.json statusPages %s: %v", p.ID, err))
			}
			u = append(u, weekgen.Update{Provider: in.Provider, ProviderIncidentID: in.Incident, UpdateID: p.ID, Status: p.Status, Impact: p.Impact,
				At: day(p.Day, h, m).Format(time.RFC3339), Title: in.Title, Body: p.Body, Kind: in.Kind, Components: in.Components, Label: in.Label})
		}
	}
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
	weekgen.Must(weekgen.WriteWeek(weekgen.Dir(), ts, updates(), weekgen.Format{OmitEmptyKind: true}))
	weekgen.PrintCounts(os.Stdout, labels)
	fmt.Println("by source:")
	weekgen.PrintCounts(os.Stdout, sources)
}

// Command generate writes the PawPoint (vetclinic) labelled support week:
// tickets.jsonl and updates.jsonl. Run from the repository root with
// `go run ./scenarios/vetclinic/generate.go` (or from this folder with
// `go run generate.go`). Seeded: every run writes the same bytes.
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

// ticket is a line of tickets.jsonl and the time it arrives.
type ticket struct {
	weekgen.Ticket
	at time.Time
}

type person struct {
	name, email, org string
	staff            bool
}

var r = rand.New(rand.NewPCG(20270208, 0x9a75))

func pick[T any](xs []T) T { return weekgen.Pick(r, xs) }

var week0 = time.Date(2027, 2, 8, 0, 0, 0, 0, time.UTC)

func at(day, h, m int) time.Time { return weekgen.At(week0, day, h, m) }

// between returns a random instant in [a, b).
func between(a, b time.Time) time.Time {
	return a.Add(time.Duration(r.Int64N(int64(b.Sub(a)/time.Second))) * time.Second)
}

// peaked returns an instant in [a, b) concentrated towards the first third.
func peaked(a, b time.Time) time.Time {
	span := float64(b.Sub(a) / time.Second)
	x := (r.Float64() + r.Float64() + r.Float64()*0.6) / 2.6
	x = x*x*0.6 + x*0.4
	return a.Add(time.Duration(x*span) * time.Second)
}

var firstNames = []string{"Amelia", "Oliver", "Priya", "Tomasz", "Hannah", "Marcus", "Siobhan", "Daniel", "Fatima", "George", "Chloe", "Ravi", "Emily", "Lukas", "Sofia", "Jack", "Aisha", "Benedict", "Megan", "Carlos", "Ingrid", "Kwame", "Lucy", "Niamh", "Owen", "Rosa", "Samir", "Tara", "Vera", "Will", "Yusuf", "Zoe", "Beth", "Callum", "Dana", "Ewan", "Freya", "Gemma", "Hugo", "Imogen", "Jasmine", "Kieran", "Leah", "Matteo", "Nadia", "Paula", "Quentin", "Rhys", "Sanne", "Theo", "Ursula", "Violet", "Wendy", "Xander", "Yara", "Anke", "Bram", "Claire", "Diego", "Elif", "Pierre", "Marta", "Joost", "Helga", "Brenda", "Dwayne", "Kayla", "Tyler", "Maggie", "Hiro"}
var lastNames = []string{"Hughes", "Patel", "Novak", "O'Brien", "Fischer", "Okafor", "Reid", "Moreau", "Santos", "Kowalski", "Campbell", "Bakker", "Lindqvist", "Murphy", "Evans", "Garcia", "Brennan", "Ahmed", "Walsh", "Thornton", "de Vries", "Keller", "Russo", "Mensah", "Price", "Dubois", "Fernandez", "Gallagher", "Hart", "Jansen", "Lloyd", "MacLeod", "Nowak", "Parry", "Quinn", "Shah", "Turner", "Vogel", "Webb", "Young", "Abbott", "Carver", "Doyle", "Ellison", "Foster", "Grant", "Holt", "Ives", "Jorgensen", "Kerr"}

type clinic struct{ Name, Domain, Lang string }

var clinics = text[[]clinic]("clinics")

var ownerDomains = []string{"gmail.com", "outlook.com", "yahoo.co.uk", "hotmail.com", "icloud.com", "btinternet.com", "gmx.de", "proton.me", "live.nl", "yahoo.com"}

var (
	staffByClinic = map[string][]person{}
	owners        []person
	allStaff      []person
	usedEmails    = map[string]bool{}
)

func slug(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer("'", "", " ", "", "é", "e", "í", "i").Replace(s)
	return s
}

func mkPeople() {
	for _, c := range clinics {
		n := 2 + r.IntN(5)
		for i := 0; i < n; i++ {
			f, l := pick(firstNames), pick(lastNames)
			var e string
			switch r.IntN(3) {
			case 0:
				e = slug(f) + "." + slug(l)
			case 1:
				e = slug(f)[:1] + slug(l)
			default:
				e = slug(f)
			}
			e += "@" + c.Domain
			if usedEmails[e] {
				continue
			}
			usedEmails[e] = true
			p := person{f + " " + l, e, c.Name, true}
			staffByClinic[c.Name] = append(staffByClinic[c.Name], p)
			allStaff = append(allStaff, p)
		}
		// a shared reception mailbox
		if r.IntN(2) == 0 {
			e := pick([]string{"reception", "frontdesk", "info", "admin"}) + "@" + c.Domain
			if !usedEmails[e] {
				usedEmails[e] = true
				p := person{c.Name + " Reception", e, c.Name, true}
				staffByClinic[c.Name] = append(staffByClinic[c.Name], p)
				allStaff = append(allStaff, p)
			}
		}
	}
	for len(owners) < 190 {
		f, l := pick(firstNames), pick(lastNames)
		e := slug(f) + pick([]string{".", "_", ""}) + slug(l)
		if r.IntN(3) == 0 {
			e += fmt.Sprint(r.IntN(99))
		}
		e += "@" + pick(ownerDomains)
		if usedEmails[e] {
			continue
		}
		usedEmails[e] = true
		owners = append(owners, person{f + " " + l, e, "", false})
	}
}

func staff() person { return pick(allStaff) }
func owner() person { return pick(owners) }
func anyone(pStaff int) person {
	if r.IntN(100) < pStaff {
		return staff()
	}
	return owner()
}

func clinicLang(p person) string {
	for _, c := range clinics {
		if c.Name == p.org {
			return c.Lang
		}
	}
	return "en"
}

// typo mangles a text a little, sometimes.
func typo(s string) string {
	if r.IntN(4) != 0 {
		return s
	}
	b := []rune(s)
	for k := 0; k < 1+r.IntN(2); k++ {
		if len(b) < 6 {
			break
		}
		i := 1 + r.IntN(len(b)-3)
		if b[i] != ' ' && b[i+1] != ' ' {
			b[i], b[i+1] = b[i+1], b[i]
		}
	}
	s = string(b)
	switch r.IntN(5) {
	case 0:
		s = strings.ToLower(s)
	case 1:
		s = strings.ReplaceAll(s, "'", "")
	}
	return s
}

var greetings = []string{"Hi,", "Hello,", "Hi team,", "Hi there,", "Good morning,", "Hello PawPoint support,", "Dear support,", "Hey,", "", "", "To whom it may concern,"}
var closers = []string{"Thanks", "Thank you", "Many thanks", "Cheers", "Regards", "Kind regards", "Thanks in advance", "", "Best", "Ta"}

func sign(p person) string {
	first := strings.Fields(p.name)[0]
	if p.org != "" && r.IntN(2) == 0 {
		return first + "\n" + p.org
	}
	if r.IntN(3) == 0 {
		return p.name
	}
	return first
}

type built struct{ subject, body, source string }

// wrap renders a core text in one of several channels.
func wrap(p person, subject, core string, chatLines []string, formTopic string) built {
	core = typo(core)
	switch x := r.IntN(100); {
	case x < 50: // plain email
		var b strings.Builder
		if g := pick(greetings); g != "" {
			b.WriteString(g + "\n\n")
		}
		b.WriteString(core)
		if c := pick(closers); c != "" {
			b.WriteString("\n\n" + c + ",\n" + sign(p))
		} else if r.IntN(2) == 0 {
			b.WriteString("\n\n" + sign(p))
		}
		if r.IntN(6) == 0 {
			b.WriteString("\n\nSent from my iPhone")
		}
		return built{subject, b.String(), "email"}
	case x < 60: // html email
		g := pick(greetings)
		if g == "" {
			g = "Hi,"
		}
		paras := strings.Split(core, "\n")
		var b strings.Builder
		b.WriteString("<html><body><div dir=\"ltr\"><p>" + g + "</p>")
		for _, para := range paras {
			if strings.TrimSpace(para) != "" {
				b.WriteString("<p>" + para + "</p>")
			}
		}
		b.WriteString("<p>" + pick([]string{"Thanks", "Kind regards", "Best wishes", "Regards"}) + ",<br>" + strings.ReplaceAll(sign(p), "\n", "<br>") + "</p></div></body></html>")
		return built{subject, b.String(), "email"}
	case x < 78: // chat
		lines := chatLines
		if len(lines) == 0 {
			lines = []string{core}
		}
		var b strings.Builder
		b.WriteString(pick([]string{"[Bot] Hi! How can I help?", "[Bot] Hi! I'm Pip, PawPoint's helper. How can I help?", "[Bot] Hello! What can I help you with today?"}) + "\n")
		for i, l := range lines {
			b.WriteString("[Customer] " + typo(l) + "\n")
			if i == 0 && len(lines) > 1 {
				b.WriteString(pick([]string{"[Bot] Sorry to hear that. Can you tell me a bit more?", "[Bot] I can help with that. Could you describe what you see?", "[Bot] Thanks! Anything else I should know?"}) + "\n")
			}
		}
		if r.IntN(2) == 0 {
			b.WriteString("[Bot] I'll pass this to a member of the team.\n")
		}
		return built{pick([]string{"", "Chat with " + p.name, "Chat transcript"}), strings.TrimSpace(b.String()), "chat"}
	default: // web form
		var b strings.Builder
		b.WriteString("Name: " + p.name + "\n")
		b.WriteString("Email: " + p.email + "\n")
		if p.org != "" {
			b.WriteString("Clinic: " + p.org + "\n")
		} else {
			b.WriteString("I am a: Pet owner\n")
		}
		b.WriteString("Topic: " + formTopic + "\n")
		if r.IntN(2) == 0 {
			b.WriteString("Device: " + pick([]string{"Windows PC / Chrome", "Mac / Safari", "iPad app", "Android app", "iPhone app", "Windows / Edge"}) + "\n")
		}
		b.WriteString("Message: " + strings.ReplaceAll(core, "\n", " "))
		return built{"Web form: " + subject, b.String(), "web"}
	}
}

var tickets []ticket

func add(t time.Time, p person, b built, label string) {
	tickets = append(tickets, ticket{at: t, Ticket: weekgen.Ticket{Subject: b.subject, Body: b.body, Source: b.source, CustomerEmail: p.email, CustomerName: p.name, Org: p.org, Label: label}})
}

// item is a subject pool, core texts and optional chat lines for one kind of message.
type item struct {
	Subjects []string
	Cores    []string
	Topic    string
	Staff    int // percentage staff
}

// whoFor picks a reporter fitting the text: lines marked "O|" are written by
// pet owners, the rest by clinic staff (or owners when the item is for owners).
func whoFor(core string, staffPct int) (person, string) {
	if strings.HasPrefix(core, "L:") { // written in a clinic's own language
		lang, text := core[2:4], core[5:]
		for {
			if p := staff(); clinicLang(p) == lang {
				return p, text
			}
		}
	}
	if strings.HasPrefix(core, "O|") {
		return owner(), core[2:]
	}
	if staffPct <= 5 {
		return owner(), core
	}
	return staff(), core
}

func (it item) emit(t time.Time, label string, extras []string) person {
	raw := pick(it.Cores)
	p, core := whoFor(raw, it.Staff)
	if strings.HasPrefix(raw, "L:") {
		add(t, p, built{pick(it.Subjects), core + "\n" + strings.Fields(p.name)[0], "email"}, label)
		return p
	}
	if len(extras) > 0 && r.IntN(2) == 0 {
		core += " " + pick(extras)
	}
	chat := []string{}
	if parts := strings.SplitN(core, ". ", 2); len(parts) == 2 && r.IntN(2) == 0 {
		chat = []string{parts[0] + ".", parts[1]}
	}
	add(t, p, wrap(p, pick(it.Subjects), core, chat, it.Topic), label)
	return p
}

// text decodes the table name of texts.json: the week's ticket texts, which
// this generator only draws from and puts together.
func text[T any](name string) T { return weekgen.Table[T](textsFile, name) }

// textsFile is in the folder main writes the week into, this file's.
var textsFile = weekgen.TextsFile()

func main() {
	mkPeople()
	genIncidents()
	genHardNegatives()
	genLookAlikes()
	genBackground()

	sort.SliceStable(tickets, func(i, j int) bool { return tickets[i].at.Before(tickets[j].at) })
	for i := range tickets {
		tickets[i].ID = fmt.Sprintf("PP-%05d", 30100+i)
		tickets[i].ReceivedAt = tickets[i].at.Format(time.RFC3339)
	}
	// json.Marshal's spelling (<, > and & escaped), and pet owners without an
	// org leave the field out.
	weekgen.Must(weekgen.WriteWeek(weekgen.Dir(), tickets, updates(), weekgen.Format{EscapeHTML: true, OmitEmptyOrg: true}))
	counts := map[string]int{}
	for _, t := range tickets {
		counts[t.Label]++
	}
	weekgen.PrintCounts(os.Stderr, counts)
}

// ---------------------------------------------------------------- incidents

var loginIt = text[item]("loginIt")

var loginExtras = text[[]string]("loginExtras")

var loginOneLiners = []string{"LOGIN DOWN", "cant log in!!!", "is it down?", "pawpoint down again??", "nobody can sign in", "sign in not working - help", "login error for whole clinic", "Can't log in. At all."}

var loginForeign = text[[]struct{ Lang, Subj, Body string }]("loginForeign")

var smsIt = text[item]("smsIt")
var smsExtras = []string{"Email reminders are going out fine.", "Can you look into it?", "We rely on these to avoid no-shows.", "Happened at both branches.", "Nothing changed on our side."}

var payIt = text[item]("payIt")
var payExtras = []string{"Is this on your side?", "Please advise asap.", "Clients are getting annoyed.", "Restarted the terminal, no change.", "Our internet is fine."}

var weightIt = text[item]("weightIt")
var weightExtras = []string{"Please fix urgently, this affects drug doses.", "We've told the vets to double check every dose by hand.", "Is anyone else seeing this?", "Started after the 6.4 release notes popped up."}

func genIncidents() {
	// Mon: textwing SMS outage, 40 tickets 08:12-09:55.
	a, b := at(0, 8, 12), at(0, 9, 55)
	smsReporters := []person{}
	for i := 0; i < 37; i++ {
		t := peaked(a, b)
		if i == 0 {
			t = a
		}
		smsReporters = append(smsReporters, smsIt.emit(t, "inc-sms-reminders", smsExtras))
	}
	for i := 0; i < 3; i++ {
		p := smsReporters[r.IntN(20)]
		add(between(at(0, 9, 20), at(0, 10, 0)), p, built{"Re: " + pick(smsIt.Subjects), pick([]string{"Any update on the texts? Still nothing going out.", "Hi again, SMS still failing here. Should we send reminders manually?", "still stuck in queue. any news?"}), "email"}, "inc-sms-reminders")
	}

	// Wed: keyhold login storm, 135 tickets 13:16-15:25.
	a, b = at(2, 13, 16), at(2, 15, 25)
	type first struct {
		p    person
		subj string
		core string
	}
	firsts := []first{}
	for i := 0; i < 110; i++ {
		t := peaked(a, b)
		if i == 0 {
			t = a
		}
		p, core := whoFor(pick(loginIt.Cores), loginIt.Staff)
		if r.IntN(2) == 0 {
			core += " " + pick(loginExtras)
		}
		subj := pick(loginIt.Subjects)
		chat := []string{}
		if parts := strings.SplitN(core, ". ", 2); len(parts) == 2 && r.IntN(2) == 0 {
			chat = []string{parts[0] + ".", parts[1]}
		}
		add(t, p, wrap(p, subj, core, chat, loginIt.Topic), "inc-login-outage")
		firsts = append(firsts, first{p, subj, core})
	}
	for i := 0; i < 8; i++ { // short angry one-liners, subject only or body only
		p := anyone(80)
		l := pick(loginOneLiners)
		if r.IntN(2) == 0 {
			add(peaked(a, b), p, built{l, "", "email"}, "inc-login-outage")
		} else {
			add(peaked(a, b), p, built{"", l, pick([]string{"chat", "email"})}, "inc-login-outage")
		}
	}
	for _, f := range loginForeign {
		var p person
		for tries := 0; tries < 200; tries++ {
			p = staff()
			if clinicLang(p) == f.Lang {
				break
			}
		}
		add(peaked(a, b), p, built{f.Subj, f.Body, "email"}, "inc-login-outage")
	}
	for i := 0; i < 10; i++ { // follow-ups from earlier reporters
		f := firsts[r.IntN(50)]
		body := pick([]string{"Any update?? Still can't log in.", "Hello? It's been an hour. Still locked out.", "Still down for us. Can someone please reply.", "any news on this? the clinic is at a standstill", "Following up - still no access for any of our staff."})
		quoted := "> " + strings.ReplaceAll(f.core, "\n", "\n> ")
		add(between(at(2, 14, 10), b), f.p, built{"Re: " + f.subj, body + "\n\nOn Wed, 10 Feb 2027, " + f.p.name + " wrote:\n" + quoted, "email"}, "inc-login-outage")
	}

	// Thu: tillpay payment failures, 45 tickets 16:05-17:45.
	a, b = at(3, 16, 5), at(3, 17, 45)
	payReporters := []person{}
	for i := 0; i < 42; i++ {
		t := peaked(a, b)
		if i == 0 {
			t = a
		}
		payReporters = append(payReporters, payIt.emit(t, "inc-payments-failing", payExtras))
	}
	for i := 0; i < 3; i++ {
		p := payReporters[r.IntN(20)]
		add(between(at(3, 17, 0), b), p, built{"Re: " + pick(payIt.Subjects), pick([]string{"Still can't take cards. Any update?", "update please - payments still failing", "Is there any news? We've had to let clients leave without paying."}), "email"}, "inc-payments-failing")
	}

	// Fri: our own bug, release 6.4.0 shows kg weights as lb. 25 tickets 06:41-20:50.
	days := []time.Time{}
	for i := 0; i < 25; i++ {
		var t time.Time
		switch {
		case i == 0:
			t = at(4, 6, 41)
		case i < 10:
			t = between(at(4, 7, 0), at(4, 10, 30))
		case i < 19:
			t = between(at(4, 10, 30), at(4, 16, 0))
		default:
			t = between(at(4, 16, 0), at(4, 20, 50))
		}
		days = append(days, t)
	}
	for _, t := range days {
		weightIt.emit(t, "inc-records-weight-units", weightExtras)
	}
}

// ---------------------------------------------------------------- hard negatives

var hardLogin = text[item]("hardLogin")

var hardOther = text[[]item]("hardOther")

func genHardNegatives() {
	// 30 inside the login storm window
	for i := 0; i < 30; i++ {
		hardLogin.emit(between(at(2, 13, 10), at(2, 15, 30)), "hard-negative", nil)
	}
	// 5 inside the SMS window, 5 inside payments window
	for i := 0; i < 5; i++ {
		if i < 3 {
			hardOther[0].emit(between(at(0, 8, 10), at(0, 10, 0)), "hard-negative", nil)
		} else {
			hardLogin.emit(between(at(0, 8, 10), at(0, 10, 0)), "hard-negative", nil)
		}
	}
	for i := 0; i < 5; i++ {
		hardOther[1].emit(between(at(3, 16, 0), at(3, 17, 50)), "hard-negative", nil)
	}
	// 50 spread through the week
	for i := 0; i < 50; i++ {
		t := bgTime(r.IntN(7))
		switch x := r.IntN(10); {
		case x < 5:
			hardLogin.emit(t, "hard-negative", nil)
		case x < 7:
			hardOther[0].emit(t, "hard-negative", nil)
		case x < 9:
			hardOther[1].emit(t, "hard-negative", nil)
		default:
			hardOther[2].emit(t, "hard-negative", nil)
		}
	}
}

// ---------------------------------------------------------------- look-alikes

var lookLogin = text[item]("lookLogin")
var lookSMS = text[item]("lookSMS")
var lookPay = text[item]("lookPay")
var lookRecords = text[item]("lookRecords")

func genLookAlikes() {
	for i := 0; i < 12; i++ {
		lookLogin.emit(between(at(2, 13, 20), at(2, 15, 20)), "look-alike", nil)
	}
	for i := 0; i < 7; i++ {
		lookSMS.emit(between(at(0, 8, 15), at(0, 9, 55)), "look-alike", nil)
	}
	for i := 0; i < 7; i++ {
		lookPay.emit(between(at(3, 16, 5), at(3, 17, 45)), "look-alike", nil)
	}
	for i := 0; i < 6; i++ {
		lookRecords.emit(between(at(4, 7, 0), at(4, 20, 0)), "look-alike", nil)
	}
}

// ---------------------------------------------------------------- background

// bgTime draws an ordinary working-hours instant on a day (0 = Monday).
func bgTime(day int) time.Time {
	h := []int{7, 8, 8, 9, 9, 9, 10, 10, 10, 11, 11, 12, 13, 13, 14, 14, 15, 15, 16, 16, 17, 18, 19, 20, 21, 22, 23, 1, 2, 6}
	if day >= 5 {
		h = []int{8, 9, 9, 10, 10, 11, 11, 12, 13, 14, 15, 16, 18, 20}
	}
	return at(day, pick(h), 0).Add(time.Duration(r.IntN(3600)) * time.Second)
}

var background = text[[]item]("background")

var bgExtras = []string{"No rush on this.", "We're on the Practice plan if that matters.", "Thanks for the help last time!", "Happy to jump on a call.", "I couldn't find it in the help centre.", "Sorry if this is a silly question.", "Our practice manager asked me to check.", "Just want to make sure before we change anything."}

var foreignBg = text[[]item]("foreignBg")

func genBackground() {
	perDay := []int{82, 80, 76, 80, 76, 50, 40}
	for day, n := range perDay {
		for i := 0; i < n; i++ {
			t := bgTime(day)
			switch x := r.IntN(100); {
			case x < 3: // out of office
				p := staff()
				add(t, p, built{"Automatic reply: " + pick([]string{"Your PawPoint ticket", "Re: your request", "PawPoint support"}), "I'm out of the office until " + pick([]string{"Monday", "the 15th", "next week", "Thursday"}) + " with limited access to email. For urgent matters please call the clinic.\n\n" + p.name, "email"}, "background")
			case x < 5: // bounce / spam
				if r.IntN(2) == 0 {
					add(t, person{"Mail Delivery Subsystem", "mailer-daemon@" + pick(clinics).Domain, "", false}, built{"Undeliverable: Your appointment summary", "Delivery has failed to these recipients or groups. The recipient's mailbox is full and can't accept messages now.", "email"}, "background")
				} else {
					p := person{pick([]string{"SEO Growth Team", "Lisa from LeadBoost", "Vet Supplies Direct"}), pick([]string{"offers@leadboost.example", "sales@vetsuppliesdirect.example", "growth@seoranknow.example"}), "", false}
					add(t, p, built{pick([]string{"Grow your clinic by 300%", "Partnership opportunity", "Wholesale pricing on surgical gloves"}), "Hi, we help veterinary practices get more clients with our proven marketing system. Can we book 15 minutes this week?", "email"}, "background")
				}
			case x < 7:
				pick(foreignBg).emit(t, "background", nil)
			default:
				pick(background).emit(t, "background", bgExtras)
			}
		}
	}
}

// ---------------------------------------------------------------- status updates

func ts(t time.Time) string { return t.Format(time.RFC3339) }

func updates() []weekgen.Update {
	u := []weekgen.Update{}
	inc := func(prov, id, title, label string, comps []string, steps ...any) {
		for i := 0; i+3 < len(steps)+1; i += 4 {
			uid := fmt.Sprintf("%s-u%d", id, i/4+1)
			kind := "incident"
			st := steps[i].(string)
			if st == "scheduled" || st == "in_progress" || st == "verifying" || st == "completed" {
				kind = "maintenance"
			}
			u = append(u, weekgen.Update{Provider: prov, ProviderIncidentID: id, UpdateID: uid, Status: st, Impact: steps[i+1].(string), At: ts(steps[i+2].(time.Time)), Title: title, Body: steps[i+3].(string), Kind: kind, Components: comps, Label: label})
		}
	}
	// Mon: textwing SMS delivery failures (trails the first ticket by 29 min).
	inc("textwing", "tw-40871", "Outbound SMS delivery failures in UK and EU", "inc-sms-reminders", []string{"Outbound SMS", "Inbound SMS"},
		"investigating", "major", at(0, 8, 41), "We are investigating failures sending outbound SMS to UK and EU numbers. Messages may be queued or fail with a carrier error.",
		"identified", "major", at(0, 9, 6), "A faulty configuration pushed to our EU carrier gateway is rejecting messages. Inbound messages are also delayed. We are rolling back.",
		"monitoring", "minor", at(0, 9, 44), "The rollback is complete and queued messages are being delivered. Inbound replies are catching up.",
		"resolved", "none", at(0, 10, 22), "Outbound and inbound SMS are operating normally. Messages queued during the incident have been delivered or failed permanently; failed messages can be retried.")
	// Tue: vidvet recording processing delays in APAC: no PawPoint impact.
	inc("vidvet", "vv-2291", "Delayed processing of call recordings in Asia Pacific", "", []string{"Recordings (APAC)"},
		"investigating", "minor", at(1, 3, 12), "Call recordings in the ap-southeast region are taking longer than usual to become available. Live calls are not affected.",
		"monitoring", "minor", at(1, 3, 58), "We have added processing capacity and the backlog is clearing.",
		"resolved", "none", at(1, 4, 31), "Recording processing in Asia Pacific is back to normal. Live video calls were not affected at any time.")
	// Wed: keyhold authentication outage (leads the first ticket by 18 min).
	inc("keyhold", "kh-7734", "Authentication requests failing", "inc-login-outage", []string{"Authentication API", "Hosted login", "Enterprise SSO"},
		"investigating", "major", at(2, 12, 58), "We are seeing elevated error rates on authentication requests in the EU region. Users may be unable to sign in.",
		"identified", "critical", at(2, 13, 39), "The issue has been identified as a failed database failover in our EU session store. Sign-ins and session refreshes are failing. We are working on recovery.",
		"monitoring", "major", at(2, 14, 52), "Recovery is complete and sign-in success rates are returning to normal. Some users may need to sign in again.",
		"resolved", "none", at(2, 15, 41), "Authentication is operating normally. Sessions issued during the incident have been invalidated; users may need to sign in again.")
	// Thu: postlark announces Saturday maintenance.
	inc("postlark", "pl-m-118", "Scheduled maintenance: mail transfer agent upgrade (EU)", "", []string{"SMTP relay (EU)"},
		"scheduled", "maintenance", at(3, 10, 0), "On Saturday 13 February from 01:00 to 02:30 UTC we will upgrade our EU mail transfer agents. Messages may be delayed by a few minutes; no mail will be lost.",
		"in_progress", "maintenance", at(5, 1, 0), "The scheduled maintenance is in progress.",
		"verifying", "maintenance", at(5, 2, 18), "The upgrade is complete and we are verifying delivery.",
		"completed", "maintenance", at(5, 2, 34), "The scheduled maintenance has been completed.")
	// Thu: tillpay card processing failures (trails the first ticket by 33 min).
	inc("tillpay", "tp-5502", "Card payment processing errors", "inc-payments-failing", []string{"Card-present payments", "Online payments", "Payment links"},
		"investigating", "major", at(3, 16, 38), "We are investigating increased errors for card payments, both in person and online. Some payments return 'processor unavailable'.",
		"identified", "major", at(3, 17, 3), "An upstream acquiring partner is timing out. We are routing traffic to a secondary acquirer.",
		"monitoring", "minor", at(3, 17, 29), "Payments are succeeding again via the secondary route. We are monitoring.",
		"resolved", "none", at(3, 18, 4), "Card processing has been stable for 30 minutes. Failed payments were not charged and can be retried.")
	return u
}

// Command generate writes GymFlow's labelled support week (Mon 1 – Sun 7 Mar
// 2027, UTC): tickets.jsonl and updates.jsonl next to this file.
//
//	go run ./scenarios/gymflow/generate.go   (from the repository root)
//
// Standard library and scenarios/internal/weekgen only; fixed seed, so every
// run writes identical bytes.
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

var rng = rand.New(rand.NewPCG(20270301, 7))

// Ticket is a line of tickets.jsonl and the time it arrives.
type Ticket struct {
	weekgen.Ticket
	t time.Time
}

type person struct{ name, email, org string }

var week0 = time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)

func at(day, h, m int) time.Time { return weekgen.At(week0, day, h, m) }

func pick[T any](xs []T) T { return weekgen.Pick(rng, xs) }

func chance(p float64) bool { return weekgen.Chance(rng, p) }

// ---------------------------------------------------------------- people

var studios = text[[]struct{ Name, Domain string }]("studios")

var firsts = []string{"Maya", "Tom", "Priya", "Luca", "Sofia", "Jamal", "Hannah", "Ben", "Chloe", "Diego", "Aoife", "Kenji", "Fatima", "Oliver", "Zoe", "Marek", "Ines", "Sam", "Grace", "Ravi", "Emma", "Noah", "Lena", "Kwame", "Ruth", "Felix", "Amira", "Josh", "Nina", "Pedro", "Claire", "Yusuf", "Isla", "Dan", "Mei", "Tariq", "Ella", "Jonas", "Bea", "Omar", "Kate", "Arjun", "Lucy", "Matteo", "Sara", "Leo", "Niamh", "Hugo", "Alice", "Tobias"}
var lasts = []string{"Okafor", "Brennan", "Shah", "Rossi", "Müller", "Nguyen", "Kowalski", "García", "Walsh", "Fischer", "Patel", "Dubois", "Harris", "Jansen", "Silva", "O'Neill", "Tanaka", "Ahmed", "Clarke", "Novak", "Moreau", "Evans", "de Vries", "Costa", "Lindqvist", "Murphy", "Khan", "Bauer", "Reid", "Haddad"}
var roles = []string{"Front desk", "Studio manager", "Owner", "Head coach", "Membership lead", "Operations", "Instructor"}
var freeMail = []string{"gmail.com", "outlook.com", "yahoo.co.uk", "icloud.com", "hotmail.com", "proton.me", "gmx.de", "web.de", "live.fr", "hotmail.es"}

var staff [][]person // per studio
var members []person

func slug(s string) string {
	r := strings.NewReplacer("ü", "u", "í", "i", "'", "", " ", "", "é", "e")
	return strings.ToLower(r.Replace(s))
}

func initPeople() {
	for _, s := range studios {
		n := 2 + rng.IntN(4)
		var st []person
		seen := map[string]bool{}
		for len(st) < n {
			f, l := pick(firsts), pick(lasts)
			e := slug(f) + "@" + s.Domain
			if chance(0.3) {
				e = slug(f) + "." + slug(l) + "@" + s.Domain
			}
			if seen[e] {
				continue
			}
			seen[e] = true
			st = append(st, person{f + " " + l, e, s.Name})
		}
		if chance(0.5) {
			st = append(st, person{"Front Desk", "frontdesk@" + s.Domain, s.Name})
		}
		staff = append(staff, st)
	}
	seen := map[string]bool{}
	for len(members) < 260 {
		f, l := pick(firsts), pick(lasts)
		var e string
		switch rng.IntN(4) {
		case 0:
			e = slug(f) + "." + slug(l)
		case 1:
			e = slug(f) + slug(l)[:1] + fmt.Sprint(rng.IntN(99))
		case 2:
			e = slug(f)[:1] + slug(l)
		default:
			e = slug(l) + "_" + slug(f) + fmt.Sprint(80+rng.IntN(20))
		}
		e += "@" + pick(freeMail)
		if seen[e] {
			continue
		}
		seen[e] = true
		members = append(members, person{f + " " + l, e, ""})
	}
}

func aStaff() person  { return pick(pick(staff)) }
func aMember() person { return pick(members) }
func anyone() person {
	if chance(0.55) {
		return aMember()
	}
	return aStaff()
}
func firstName(p person) string { return strings.Fields(p.name)[0] }

// ---------------------------------------------------------------- rendering

var classes = []string{"Spin 45", "Vinyasa Flow", "Reformer Basics", "HIIT 30", "Boxfit", "Mat Pilates", "Olympic Lifting", "Barre Burn", "Aqua Fit", "Kettlebell Club", "Hot Yoga", "Mobility & Stretch", "WOD 6am", "Open Gym", "Bootcamp"}
var days = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
var phones = []string{"iPhone 13", "iPhone 15 Pro", "Pixel 7", "Samsung S23", "Samsung A52", "OnePlus 11", "iPad", "Moto G"}
var greetings = []string{"Hi,", "Hello,", "Hi there,", "Hey team,", "Good morning,", "Hello GymFlow support,", "Dear support,", "Hiya,", "", ""}
var closings = []string{"Thanks", "Thanks in advance", "Cheers", "Regards", "Many thanks", "Thank you", "Best", "thx", ""}

var seq int

func tid() string {
	seq++
	return fmt.Sprintf("GF-%05d", 30000+seq*3+rng.IntN(3))
}

func sig(p person) string {
	c := pick(closings)
	if c == "" {
		return firstName(p)
	}
	s := c + ",\n" + firstName(p)
	if p.org != "" && chance(0.6) {
		s += "\n" + pick(roles) + " | " + p.org
	}
	return s
}

func typo(s string) string {
	if !chance(0.15) || len(s) < 20 {
		return s
	}
	swaps := [][2]string{{"the ", "teh "}, {"receive", "recieve"}, {"because", "becuase"}, {"class", "clas"}, {"can't", "cant"}, {"I'm", "im"}, {"don't", "dont"}, {"again", "agian"}, {"members", "memebers"}}
	for _, w := range swaps {
		if strings.Contains(s, w[0]) && chance(0.5) {
			return strings.Replace(s, w[0], w[1], 1)
		}
	}
	return s
}

// msg is one piece of customer text: subject and the lines they write.
type msg struct {
	Subj  string
	Lines []string
}

var botNames = []string{"Flexi"}

func render(p person, m msg, t time.Time) (subject, body, source string) {
	core := strings.Join(m.Lines, " ")
	core = typo(core)
	r := rng.IntN(100)
	switch {
	case r < 56: // plain email
		g := pick(greetings)
		b := core
		if g != "" {
			b = g + "\n\n" + core
		}
		b += "\n\n" + sig(p)
		return m.Subj, b, "email"
	case r < 66: // html email
		b := fmt.Sprintf("<html><body><p>%s</p><p>%s</p><p>%s</p></body></html>",
			pick([]string{"Hello,", "Hi team,", "Hi GymFlow,"}), core, strings.ReplaceAll(sig(p), "\n", "<br>"))
		return m.Subj, b, "email"
	case r < 86: // chat
		var sb strings.Builder
		fmt.Fprintf(&sb, "[%s] %s: Hi! I'm %s, GymFlow's assistant. What can I help you with today?\n", t.Add(-2*time.Minute).Format("15:04"), botNames[0], botNames[0])
		ts := t.Add(-90 * time.Second)
		for i, l := range m.Lines {
			if i > 0 && chance(0.3) {
				fmt.Fprintf(&sb, "[%s] %s: Thanks, could you tell me a bit more?\n", ts.Format("15:04"), botNames[0])
			}
			fmt.Fprintf(&sb, "[%s] %s: %s\n", ts.Format("15:04"), p.name, lowerFirst(l))
			ts = ts.Add(20 * time.Second)
		}
		fmt.Fprintf(&sb, "[%s] %s: I'm passing you to a member of the support team.", ts.Format("15:04"), botNames[0])
		subj := ""
		if chance(0.4) {
			subj = "Chat with " + p.name
		}
		return subj, sb.String(), "chat"
	default: // web form
		who := "Member"
		if p.org != "" {
			who = "Studio staff"
		}
		b := fmt.Sprintf("Name: %s\nEmail: %s\nI am a: %s\nStudio: %s\nDevice: %s\nTopic: %s\nMessage: %s",
			p.name, p.email, who, orDash(p.org), pick(append(phones, "Web browser", "Web browser", "Front desk tablet")), m.Subj, core)
		return "Contact form: " + m.Subj, b, "web"
	}
}

func lowerFirst(s string) string {
	if s != "" && s[0] >= 'A' && s[0] <= 'Z' && chance(0.3) {
		return strings.ToLower(s[:1]) + s[1:]
	}
	return s
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

var tickets []Ticket

func add(t time.Time, p person, label string, m msg) *Ticket {
	s, b, src := render(p, m, t)
	tickets = append(tickets, Ticket{t: t, Ticket: weekgen.Ticket{ID: tid(), ReceivedAt: t.Format(time.RFC3339), Subject: s, Body: b, Source: src, CustomerEmail: p.email, CustomerName: p.name, Org: p.org, Label: label}})
	return &tickets[len(tickets)-1]
}

func addRaw(t time.Time, p person, label, subj, body, src string) *Ticket {
	tickets = append(tickets, Ticket{t: t, Ticket: weekgen.Ticket{ID: tid(), ReceivedAt: t.Format(time.RFC3339), Subject: subj, Body: body, Source: src, CustomerEmail: p.email, CustomerName: p.name, Org: p.org, Label: label}})
	return &tickets[len(tickets)-1]
}

// spread returns n times in [from, to), denser around peak (fraction 0..1).
func spread(from, to time.Time, n int, peak float64) []time.Time {
	d := to.Sub(from)
	var out []time.Time
	for i := 0; i < n; i++ {
		var f float64
		if peak >= 0 {
			f = (rng.Float64() + rng.Float64() + rng.Float64()) / 3 // bell
			f = f + (peak - 0.5)
			if f < 0 {
				f = rng.Float64() * 0.2
			}
			if f >= 1 {
				f = 0.8 + rng.Float64()*0.19
			}
		} else {
			f = rng.Float64()
		}
		out = append(out, from.Add(time.Duration(f*float64(d))).Add(time.Duration(rng.IntN(60))*time.Second))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Before(out[j]) })
	return out
}

// ---------------------------------------------------------------- incident: login outage (keyspire)

func loginMsg(p person) msg {
	staffer := p.org != ""
	subjects := []string{"Can't log in", "cannot sign in to GymFlow", "Login not working", "URGENT - nobody can log in", "App won't let me sign in", "Sign in broken?", "Stuck on the login screen", "logged out and can't get back in", "Error when signing in", "Is GymFlow down?", "login problem", "Keeps saying session expired", "Members can't log in to book", "front desk locked out of GymFlow", "Sign in with Google not working", "Sign in with Apple fails"}
	core := text[[]string]("loginMsg.core")
	staffCore := text[[]string]("loginMsg.staffCore")
	memberExtra := []string{
		"I need to book my " + pick(classes) + " for tomorrow before it fills up.",
		"Tried deleting and reinstalling, same thing.",
		"My husband has the same problem on his phone.",
		"Tried on wifi and on 4G.",
		"It worked fine this morning.",
		"Tried the website as well, same.",
		"On " + pick(phones) + ".",
		"",
		"",
	}
	staffExtra := text[[]string]("loginMsg.staffExtra")
	m := msg{Subj: pick(subjects)}
	if staffer && chance(0.7) {
		m.Lines = []string{pick(staffCore), pick(core), pick(staffExtra)}
		if chance(0.4) {
			m.Lines = m.Lines[:1]
			m.Lines = append(m.Lines, pick(staffExtra))
		}
	} else {
		m.Lines = []string{pick(core), pick(memberExtra)}
		if chance(0.3) {
			m.Lines = append(m.Lines, pick(memberExtra))
		}
	}
	return cleanMsg(m)
}

func cleanMsg(m msg) msg {
	var out []string
	seen := map[string]bool{}
	for _, l := range m.Lines {
		if l != "" && !seen[l] {
			out = append(out, l)
			seen[l] = true
		}
	}
	if len(out) == 0 {
		out = []string{"Please help."}
	}
	m.Lines = out
	return m
}

func genLogin() {
	from, to := at(2, 17, 34), at(2, 19, 41)
	times := spread(from, to, 117, 0.4)
	var reporters []struct {
		p person
		t time.Time
		s string
	}
	oneLiners := []string{"cant log in!!!", "login broken again??", "app down?", "Nobody at our gym can sign in. Fix it please.", "seriously, can't log in. 3rd time I've tried", "LOGIN NOT WORKING", "Is the app down? won't sign me in", "signed out and stuck"}
	foreign := text[[]msg]("genLogin.foreign")
	for i, t := range times {
		p := anyone()
		if chance(0.35) {
			p = aStaff()
		}
		switch {
		case i%19 == 7:
			addRaw(t, p, "inc-login-outage", "", pick(oneLiners), pick([]string{"email", "chat", "api"}))
		case i%23 == 11:
			addRaw(t, p, "inc-login-outage", pick([]string{"Can't sign in", "login down", "GymFlow login outage?"}), "", "email")
		case i%17 == 5 && len(foreign) > 0:
			f := foreign[0]
			foreign = foreign[1:]
			if f.Subj == "Anmeldung funktioniert nicht" {
				p = staff[5][0]
			} else if f.Subj == "No puedo iniciar sesión" {
				p = staff[8][0]
			} else if f.Subj == "Impossible de me connecter" {
				p = staff[14][0]
			} else if f.Subj == "Kan niet inloggen" {
				p = staff[10][0]
			}
			add(t, p, "inc-login-outage", f)
		default:
			tk := add(t, p, "inc-login-outage", loginMsg(p))
			if tk.Source == "email" && chance(0.25) {
				reporters = append(reporters, struct {
					p person
					t time.Time
					s string
				}{p, t, tk.Subject})
			}
		}
	}
	long := text[[]struct {
		H, M       int
		Subj, Body string
	}]("genLogin.long")
	for _, l := range long {
		addRaw(at(2, l.H, l.M).Add(time.Duration(rng.IntN(60))*time.Second), aStaff(), "inc-login-outage", l.Subj, l.Body, "email")
	}
	// follow-ups from earlier reporters
	n := 0
	for _, r := range reporters {
		if n >= 13 {
			break
		}
		ft := r.t.Add(time.Duration(20+rng.IntN(40)) * time.Minute)
		if ft.After(at(2, 19, 55)) {
			continue
		}
		n++
		fu := pick([]string{"Any update on this?", "Still can't log in. Any news??", "Hello? It's been half an hour. Still locked out.", "Any ETA? Our 7pm class is starting and we're checking people in on paper.", "Following up - still the same for us."})
		body := fmt.Sprintf("%s\n\n%s\n\nOn %s, %s <%s> wrote:\n> %s", fu, firstName(r.p), r.t.Format("Mon 2 Jan 2006 at 15:04"), r.p.name, r.p.email, "I can't log in to GymFlow, it keeps failing.")
		addRaw(ft, r.p, "inc-login-outage", "Re: "+r.s, body, "email")
	}
	// hard negatives in the storm window
	for _, t := range spread(from, to, 30, -1) {
		p := anyone()
		add(t, p, "hard-negative", hardNegLogin(p))
	}
	// look-alikes in login feature
	la := text[[]msg]("genLogin.la")
	for i, t := range spread(from.Add(10*time.Minute), to, len(la), -1) {
		add(t, anyone(), "look-alike", la[i])
	}
}

func hardNegLogin(p person) msg {
	opts := text[[]msg]("hardNegLogin.opts")
	return pick(opts)
}

// ---------------------------------------------------------------- incident: push notifications (pulsewire)

func genPush() {
	from, to := at(1, 5, 41), at(1, 7, 58)
	subj := []string{"No class reminder this morning", "Didn't get notified off the waitlist", "Push notifications stopped", "Missed my class - no reminder", "Waitlist notification never came", "Notifications not working", "no alerts from the app today", "Members not getting push notifications", "Cancelled class - members not notified"}
	core := []string{
		"I normally get a reminder an hour before my class and this morning nothing came through.",
		"I was promoted off the waitlist for " + pick(classes) + " but never got a notification, so I didn't show up and got a no-show fee.",
		"No push notifications at all from GymFlow since about 6am. Notifications are switched on in settings.",
		"We cancelled the 7am class at 5:50 and sent the alert from the dashboard, but members say they never got a push. Several turned up at a locked door.",
		"The app shows the notifications in the inbox tab, but nothing popped up on my phone.",
		"Waitlist spot offered to me at 6:12 according to the app, no notification, by the time I looked it had expired.",
		"Our members are not receiving push reminders this morning, half the early class missed it.",
		"Class change announcements we sent at 6 didn't arrive as pushes on anyone's phone.",
	}
	extra := []string{"Checked my phone settings, all allowed.", "Emails still come through, just not the pushes.", "Happened on both my iPhone and my partner's Android.", "Please refund the late-cancel fee.", "Is something down?", "", ""}
	for _, t := range spread(from, to, 36, 0.35) {
		p := anyone()
		m := cleanMsg(msg{pick(subj), []string{pick(core), pick(extra)}})
		add(t, p, "inc-push-delayed", m)
	}
	la := text[[]msg]("genPush.la")
	for i, t := range spread(from, to, len(la), -1) {
		add(t, anyone(), "look-alike", la[i])
	}
}

// ---------------------------------------------------------------- incident: payments (coinvault)

func genPayments() {
	from, to := at(3, 10, 6), at(3, 11, 52)
	subj := []string{"Payment failed", "Can't buy class pack", "Card payments failing", "Checkout error", "Members can't pay at the desk", "Payment won't go through", "error buying membership", "Drop-in payment declined", "POS card payments not working", "Checkout says payment could not be processed"}
	core := text[[]string]("genPayments.core")
	extra := []string{"Is there a problem with payments?", "Please fix fast, it's our busiest morning.", "Did I get charged? I can't tell.", "My card works everywhere else.", "", ""}
	for _, t := range spread(from, to, 46, 0.4) {
		p := anyone()
		if chance(0.3) {
			p = aStaff()
		}
		add(t, p, "inc-payments-failing", cleanMsg(msg{pick(subj), []string{pick(core), pick(extra)}}))
	}
	addRaw(at(3, 10, 44), staff[5][0], "inc-payments-failing", "Zahlungen schlagen fehl", "Hallo, seit 10 Uhr können unsere Mitglieder an der Theke und in der App nicht mehr mit Karte bezahlen. Fehler: \"Zahlung konnte nicht verarbeitet werden\".", "email")
	addRaw(at(3, 11, 3), staff[8][1], "inc-payments-failing", "Error en los pagos", "Hola, los pagos con tarjeta fallan en recepción y en la app. ¿Hay alguna incidencia?", "email")
	la := text[[]msg]("genPayments.la")
	for i, t := range spread(from, to, len(la), -1) {
		add(t, anyone(), "look-alike", la[i])
	}
}

// ---------------------------------------------------------------- incident: own bug (app 7.4 shows "Class full")

func genBookingBug() {
	from, to := at(4, 6, 10), at(4, 21, 20)
	subj := []string{"Says class full but it isn't", "Can't book - 'class full'", "Booking button greyed out", "Class full error on Android", "Members seeing 'Full' on empty classes", "Why is every class full?", "book button not working after update"}
	core := []string{
		"The app says \"Class full\" for " + pick(classes) + " but the website shows 8 spaces left.",
		"Since updating the app last night, every class shows Full and the Book button is greyed out. On Android.",
		"Members keep telling us the app says our classes are full when they're half empty. Booking on the website works.",
		"I can only join the waitlist, not book, even though there are spots. Version 7.4.0.",
		"Our timetable in the app shows 'Full' on everything today, class counts in the dashboard are fine.",
		"Trying to book tomorrow's class, it says full, my friend on iPhone booked the same class no problem.",
	}
	extra := []string{"Using a Samsung.", "Pixel 7 here.", "Reinstalling didn't help.", "", ""}
	for _, t := range spread(from, to, 25, -1) {
		add(t, anyone(), "inc-booking-full-bug", cleanMsg(msg{pick(subj), []string{pick(core), pick(extra)}}))
	}
	la := text[[]msg]("genBookingBug.la")
	for i, t := range spread(from, to, len(la), -1) {
		add(t, anyone(), "look-alike", la[i])
	}
}

// ---------------------------------------------------------------- background and hard negatives across the week

// bgTopic is an everyday question: its subject (or one of Subjects) and one
// of Lines, where {class} and {day} stand for a class and a day drawn for it.
type bgTopic struct {
	Subject  string
	Subjects []string
	Lines    []string
}

func (t bgTopic) msg() msg {
	subj := t.Subject
	if subj == "" {
		subj = pick(t.Subjects)
	}
	fill := strings.NewReplacer()
	if strings.Contains(strings.Join(t.Lines, ""), "{class}") {
		fill = strings.NewReplacer("{class}", pick(classes), "{day}", pick(days))
	}
	return msg{subj, []string{fill.Replace(pick(t.Lines))}}
}

var bgTopics = text[[]bgTopic]("bgTopics")

func oooReply(t time.Time) {
	p := aStaff()
	ret := t.Add(time.Duration(2+rng.IntN(8)) * 24 * time.Hour)
	body := fmt.Sprintf("Thank you for your email. I am out of the office until %s with limited access to email. For urgent matters please contact %s.\n\n%s", ret.Format("Monday 2 January"), "hello@"+strings.Split(p.email, "@")[1], p.name)
	addRaw(t, p, "background", pick([]string{"Automatic reply: Your GymFlow request", "Out of Office: Re: GymFlow support", "Auto-Reply: Out of office", "Abwesenheitsnotiz"}), body, "email")
}

func bounce(t time.Time) {
	p := person{"Mail Delivery Subsystem", "mailer-daemon@mx.gymflow.io", ""}
	to := aMember().email
	body := fmt.Sprintf("This is the mail system at host mx.gymflow.io.\n\nI'm sorry to have to inform you that your message could not be delivered to one or more recipients.\n\n<%s>: host mx.%s said: 550 5.1.1 User unknown", to, strings.Split(to, "@")[1])
	addRaw(t, p, "background", "Undelivered Mail Returned to Sender", body, "email")
}

func genBackground() {
	// per-day volumes; Sat/Sun lighter
	vol := []int{72, 66, 62, 66, 64, 58, 50}
	for d, n := range vol {
		for i := 0; i < n; i++ {
			// hours weighted to 6-22 UTC
			h := 6 + rng.IntN(17)
			if chance(0.12) {
				h = rng.IntN(24)
			}
			t := at(d, h, rng.IntN(60)).Add(time.Duration(rng.IntN(60)) * time.Second)
			switch {
			case chance(0.03):
				oooReply(t)
			case chance(0.015):
				bounce(t)
			default:
				topic := pick(bgTopics)
				p := anyone()
				m := topic.msg()
				if chance(0.2) {
					m.Lines = append(m.Lines, pick([]string{"My membership number is GF" + fmt.Sprint(100000+rng.IntN(899999)) + ".", "No rush.", "I'm at " + pick(studios).Name + ".", "Thanks for your help last time too."}))
				}
				add(t, p, "background", m)
			}
		}
	}
	for _, d := range []int{0, 2, 4, 6} {
		addRaw(at(d, 3+rng.IntN(4), rng.IntN(60)), person{"Growth Team", "hello@rankboost-seo.example", ""}, "background", pick([]string{"Get your gym to #1 on Google", "Partnership opportunity", "Boost your studio's bookings 300%"}), "Hi, we help fitness studios get more members with SEO and paid ads. Can we book a 15-minute call this week?", "email")
	}
	// a few non-English background
	addRaw(at(0, 9, 12), staff[5][1], "background", "Rechnung Februar", "Hallo, könnten Sie uns die Rechnung für Februar noch einmal schicken? Danke!", "email")
	addRaw(at(4, 15, 40), staff[8][0], "background", "Horario de Semana Santa", "Hola, ¿cómo configuro el horario especial de Semana Santa sin borrar las clases recurrentes?", "email")
	addRaw(at(5, 11, 5), staff[14][0], "background", "Question facturation", "Bonjour, est-il possible de recevoir nos factures au nom de la société ? Merci.", "email")
}

func hardNegGeneral(p person) msg {
	opts := text[[]msg]("hardNegGeneral.opts")
	return pick(opts)
}

func genHardNeg() {
	for i := 0; i < 62; i++ {
		d := rng.IntN(7)
		t := at(d, 6+rng.IntN(16), rng.IntN(60)).Add(time.Duration(rng.IntN(60)) * time.Second)
		p := aMember()
		if chance(0.25) {
			p = aStaff()
		}
		if chance(0.4) {
			add(t, p, "hard-negative", hardNegLogin(p))
		} else {
			add(t, p, "hard-negative", hardNegGeneral(p))
		}
	}
	// individual push and payment problems inside those windows
	add(at(1, 6, 33), aMember(), "hard-negative", msg{"Payment failed", []string{"My card was declined for this month's membership, the bank says it's blocked because I reported it lost."}})
	add(at(3, 10, 51), aMember(), "hard-negative", msg{"Card declined", []string{"My card got declined buying a class pack. Looks like it expired last month, sorry, where do I add the new one?"}})
	add(at(3, 11, 20), aMember(), "hard-negative", msg{"Can't pay", []string{"Can't pay for my drop-in, it says insufficient funds. I just moved money, how long before I can retry?"}})
	add(at(1, 7, 10), aMember(), "hard-negative", msg{"No notifications on new phone", []string{"I'm not getting any pushes on my new phone, only me. I haven't allowed notifications yet I think."}})
}

// ---------------------------------------------------------------- provider updates

var updates []weekgen.Update

func up(provider, id, status, impact string, t time.Time, title, body, kind string, comps []string, label string) {
	updates = append(updates, weekgen.Update{Provider: provider, ProviderIncidentID: id, UpdateID: fmt.Sprintf("%s-u%d", id, len(updates)+1), Status: status, Impact: impact,
		At: t.Format(time.RFC3339), Title: title, Body: body, Kind: kind, Components: comps, Label: label})
}

func genUpdates() {
	// keyspire: identity outage Wed 3 Mar; first ticket 17:34, page trails by 27 min.
	k, kt := "ks-4471", "Authentication failures for hosted login and social sign-in"
	c := []string{"Hosted Login", "Social Connections", "Token API"}
	up("keyspire", k, "investigating", "critical", at(2, 18, 1), kt, "We are investigating elevated error rates on login requests in the EU and US regions. Customers may be unable to authenticate users.", "incident", c, "inc-login-outage")
	up("keyspire", k, "identified", "critical", at(2, 18, 32), kt, "A faulty configuration change to our token signing service has been identified. We are rolling it back.", "incident", c, "inc-login-outage")
	up("keyspire", k, "monitoring", "major", at(2, 19, 24), kt, "The rollback is complete and login success rates are recovering. We are monitoring.", "incident", c, "inc-login-outage")
	up("keyspire", k, "resolved", "major", at(2, 20, 9), kt, "This incident has been resolved. Login and token issuance are operating normally.", "incident", c, "inc-login-outage")

	// pulsewire: push delivery delays Tue 2 Mar; first ticket 05:41, page leads by 14 min.
	pw, pt := "pw-2208", "Delayed delivery of push notifications"
	pc := []string{"APNs Delivery", "FCM Delivery"}
	up("pulsewire", pw, "investigating", "major", at(1, 5, 27), pt, "We are seeing a growing backlog in our delivery queue. Push notifications to iOS and Android may be delayed or dropped.", "incident", pc, "inc-push-delayed")
	up("pulsewire", pw, "identified", "major", at(1, 6, 19), pt, "A degraded queue cluster in eu-central is causing the backlog. We are failing over.", "incident", pc, "inc-push-delayed")
	up("pulsewire", pw, "monitoring", "minor", at(1, 7, 40), pt, "Failover complete, the backlog is draining. Some queued notifications expired and will not be delivered.", "incident", pc, "inc-push-delayed")
	up("pulsewire", pw, "resolved", "minor", at(1, 8, 35), pt, "Delivery is back to normal.", "incident", pc, "inc-push-delayed")

	// coinvault: card payment failures Thu 4 Mar; first ticket 10:06, page trails by 33 min.
	cv, ct := "cv-9130", "Elevated card authorisation errors"
	cc := []string{"Card Payments API", "Terminal API"}
	up("coinvault", cv, "investigating", "major", at(3, 10, 39), ct, "Some card authorisation requests are failing with a processing error. We are investigating.", "incident", cc, "inc-payments-failing")
	up("coinvault", cv, "identified", "major", at(3, 11, 5), ct, "The issue is caused by a failed connection to one of our acquiring partners. Traffic is being rerouted.", "incident", cc, "inc-payments-failing")
	up("coinvault", cv, "resolved", "major", at(3, 12, 18), ct, "Card authorisations are succeeding normally. Failed attempts were not charged.", "incident", cc, "inc-payments-failing")

	// turnstyle: access-log sync delay Fri 5 Mar; doors and scanners unaffected, no tickets.
	ts, tt := "tst-577", "Delayed access-log sync to partner dashboards"
	tc := []string{"Access Log API"}
	up("turnstyle", ts, "investigating", "minor", at(4, 13, 12), tt, "Door and scanner events are reaching partner dashboards with a delay of up to 40 minutes. Doors, scanners and wristbands keep working normally.", "incident", tc, "")
	up("turnstyle", ts, "monitoring", "minor", at(4, 14, 5), tt, "A fix has been deployed and the sync backlog is clearing.", "incident", tc, "")
	up("turnstyle", ts, "resolved", "none", at(4, 15, 40), tt, "Access-log sync is back to real time. No events were lost.", "incident", tc, "")

	// mailroute: scheduled maintenance Sat 6 Mar 01:00-02:30, no tickets.
	mr, mt := "mr-m-0306", "Scheduled maintenance: SMTP relay upgrade"
	mc := []string{"SMTP Relay"}
	up("mailroute", mr, "scheduled", "maintenance", at(3, 16, 0), mt, "We will upgrade our SMTP relay fleet on Saturday 6 March between 01:00 and 02:30 UTC. Messages may be queued for a few minutes; none will be lost.", "maintenance", mc, "")
	up("mailroute", mr, "in_progress", "maintenance", at(5, 1, 0), mt, "Maintenance is in progress.", "maintenance", mc, "")
	up("mailroute", mr, "verifying", "maintenance", at(5, 2, 12), mt, "The upgrade is done; we are verifying delivery.", "maintenance", mc, "")
	up("mailroute", mr, "completed", "maintenance", at(5, 2, 31), mt, "The maintenance has been completed.", "maintenance", mc, "")
}

// ---------------------------------------------------------------- main

// text decodes the table name of texts.json: the week's ticket texts, which
// this generator only draws from and puts together.
func text[T any](name string) T { return weekgen.Table[T](textsFile, name) }

// textsFile is texts.json beside this file.
var textsFile = weekgen.TextsFile()

func main() {
	initPeople()
	genBackground()
	genHardNeg()
	genPush()
	genLogin()
	genPayments()
	genBookingBug()
	genUpdates()
	sort.SliceStable(tickets, func(i, j int) bool { return tickets[i].t.Before(tickets[j].t) })
	// Members without a studio leave "org" out.
	weekgen.Must(weekgen.WriteWeek(weekgen.Dir(), tickets, updates, weekgen.Format{OmitEmptyOrg: true}))
	counts := map[string]int{}
	for _, t := range tickets {
		counts[t.Label]++
	}
	weekgen.PrintCounts(os.Stderr, counts)
}

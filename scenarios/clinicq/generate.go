//go:build ignore

// generate.go writes the ClinicQ scenario: one invented week (Mon 2 Nov –
// Sun 8 Nov 2026) at the support desk of ClinicQ, a SaaS for small medical,
// dental and physio clinics: online booking widget, patient portal (staff SSO
// and patient magic links), video visits, SMS/email reminders, card deposits,
// insurance eligibility checks and calendar sync.
//
//	cd scenarios/clinicq && go run generate.go
//
// Standard library and scenarios/internal/weekgen only; the seed is fixed, so
// reruns give identical bytes.
//
// The texts (ticket subjects and bodies, names, status-page updates) live
// in texts.json beside this file; the code here keeps the logic and the draws.
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

// tx holds the ticket texts, read from texts.json when main starts.
var tx struct {
	Updates []statusUpdate

	FirstEN, LastEN, ChatBotGreetings, ChatBotReplies, ForwardNotes, LoginSubj  []string
	LoginCores, LoginExtras, LoginClosers, LoginPatientSubj, LoginPatientBodies []string
	Chasers, Backs, VidSubj, VidCores, VidExtras, VidPatientBodies, SmsSubj     []string
	SmsCores, SmsExtras, PaySubj, PayCores, PayExtras, PayPatientBodies         []string
	HardNegativeChasers, BgVariations, OutOfOfficeSubjects, BounceSubjects      []string

	Orgs []*Org

	RolesByKind map[string][]string

	LoginOtherLanguages, SmsOtherLanguages, DstMsgs, HardNegativeExtras, Background []msg
	PatientBackground                                                               []msg

	HardNegatives, LookAlikes []hn
}

var r = rand.New(rand.NewPCG(20261102, 41))

// Week starts Monday 2 Nov 2026 00:00 UTC (the day after US clocks went back).
var week0 = time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)

func at(day, h, m int) time.Time { return weekgen.At(week0, day, h, m) }

func pick[T any](xs []T) T { return weekgen.Pick(r, xs) }

func chance(p float64) bool { return weekgen.Chance(r, p) }

// ---------------------------------------------------------------- people

type Person struct {
	Name, Email, Role string
}

type Org struct {
	Name, Domain, Region, Lang string
	TZ                         int // UTC offset in hours during the week
	Kind                       string
	Staff                      []Person
}

var firstDE = []string{"Anja", "Katrin", "Jonas", "Sabine", "Lukas", "Birgit", "Stefan", "Miriam"}
var lastDE = []string{"Weber", "Hoffmann", "Schäfer", "Krause", "Lehmann", "Vogel", "Brandt"}
var firstFR = []string{"Camille", "Élodie", "Julien", "Nathalie", "Mathieu", "Sophie"}
var lastFR = []string{"Lefèvre", "Moreau", "Girard", "Roux", "Bonnet"}
var firstES = []string{"Lucía", "Javier", "Marta", "Carmen", "Pablo"}
var lastES = []string{"García", "Navarro", "Ortega", "Ruiz"}
var firstNL = []string{"Sanne", "Daan", "Fleur", "Joost"}
var lastNL = []string{"de Vries", "Jansen", "Bakker"}

func emailLocal(first, last string) string {
	s := strings.ToLower(first + "." + last)
	rep := strings.NewReplacer("'", "", " ", "", "é", "e", "è", "e", "ä", "ae", "ö", "oe", "ü", "ue", "í", "i", "á", "a", "É", "e")
	return rep.Replace(s)
}

func buildStaff() {
	for _, o := range tx.Orgs {
		fn, ln := tx.FirstEN, tx.LastEN
		switch o.Lang {
		case "de":
			fn, ln = firstDE, lastDE
		case "fr":
			fn, ln = firstFR, lastFR
		case "es":
			fn, ln = firstES, lastES
		case "nl":
			fn, ln = firstNL, lastNL
		}
		n := 3 + r.IntN(3)
		if n > len(fn) {
			n = len(fn)
		}
		seen := map[string]bool{}
		for len(o.Staff) < n {
			f, l := pick(fn), pick(ln)
			if seen[f] {
				continue
			}
			seen[f] = true
			role := pick(tx.RolesByKind[o.Kind])
			em := emailLocal(f, l) + "@" + o.Domain
			if chance(0.25) {
				em = strings.ToLower(strings.Split(role, " ")[0]) + "@" + o.Domain
				if seen[em] {
					em = emailLocal(f, l) + "@" + o.Domain
				}
				seen[em] = true
			}
			o.Staff = append(o.Staff, Person{Name: f + " " + l, Email: em, Role: role})
		}
	}
}

var patientDomains = []string{"gmail.com", "outlook.com", "yahoo.com", "hotmail.co.uk", "icloud.com", "web.de", "orange.fr", "shaw.ca", "comcast.net"}

func patient() (string, string) {
	f, l := pick(tx.FirstEN), pick(tx.LastEN)
	if chance(0.3) {
		f, l = pick(firstDE), pick(lastDE)
	}
	loc := emailLocal(f, l)
	if chance(0.5) {
		loc = strings.ToLower(f) + fmt.Sprint(r.IntN(90)+10)
	}
	return f + " " + l, loc + "@" + pick(patientDomains)
}

func orgsIn(region string) []*Org {
	var out []*Org
	for _, o := range tx.Orgs {
		if region == "" || o.Region == region {
			out = append(out, o)
		}
	}
	return out
}

func orgsLang(lang string) []*Org {
	var out []*Org
	for _, o := range tx.Orgs {
		if o.Lang == lang {
			out = append(out, o)
		}
	}
	return out
}

// ---------------------------------------------------------------- wrappers

var botName = "Quill"
var agents = []string{"Marta", "Devon", "Aoife", "Kenji", "Rosa"}

func signature(p Person, o *Org) string {
	switch r.IntN(5) {
	case 0:
		return fmt.Sprintf("\n\n--\n%s\n%s | %s\nT: +%d %d %d", p.Name, p.Role, o.Name, 1+r.IntN(48), 100+r.IntN(899), 1000000+r.IntN(8999999))
	case 1:
		return fmt.Sprintf("\n\nThanks,\n%s\n%s", strings.Split(p.Name, " ")[0], o.Name)
	case 2:
		return fmt.Sprintf("\n\nKind regards\n\n%s\n%s\n%s\n\nCONFIDENTIALITY NOTICE: This email and any attachments may contain confidential patient information and are intended only for the named recipient.", p.Name, p.Role, o.Name)
	case 3:
		return "\n\nSent from my iPhone"
	}
	return ""
}

func htmlWrap(body string, p Person, o *Org) string {
	paras := strings.Split(body, "\n\n")
	var b strings.Builder
	b.WriteString(`<html><head><meta charset="utf-8"></head><body><div dir="ltr">`)
	for _, x := range paras {
		b.WriteString("<p>" + strings.ReplaceAll(x, "\n", "<br>") + "</p>")
	}
	fmt.Fprintf(&b, `<p style="color:#666;font-size:11px">%s<br>%s<br><a href="https://www.%s">www.%s</a></p></div></body></html>`, p.Name, o.Name, o.Domain, o.Domain)
	return b.String()
}

var weekdays = []string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}

func quoted(body string, t time.Time) string {
	prev := t.Add(-time.Duration(2+r.IntN(70)) * time.Hour)
	if prev.Before(week0.Add(-72 * time.Hour)) {
		prev = week0.Add(-20 * time.Hour)
	}
	return body + fmt.Sprintf("\n\nOn %s, %d %s %d at %02d:%02d, ClinicQ Support <support@clinicq.io> wrote:\n> Hi there,\n>\n> Thanks for getting in touch with ClinicQ Support. Your request has been received and one of our team will reply shortly.\n>\n> Ticket reference: CQ-%d\n> The ClinicQ team",
		prev.Weekday().String()[:3], prev.Day(), prev.Month().String()[:3], prev.Year(), prev.Hour(), prev.Minute(), 40000+r.IntN(900))
}

func chatWrap(lines []string, name string) string {
	var b strings.Builder
	greet := pick(tx.ChatBotGreetings)
	fmt.Fprintf(&b, "[Quill (bot)] %s\n", greet)
	first := strings.Split(name, " ")[0]
	agent := pick(agents)
	for i, l := range lines {
		fmt.Fprintf(&b, "[%s] %s\n", first, l)
		if i == 0 {
			b.WriteString(pick(tx.ChatBotReplies))
			if len(lines) > 1 {
				fmt.Fprintf(&b, "[system] %s joined the chat\n[%s] Hi %s, %s here. Can you tell me a bit more?\n", agent, agent, first, agent)
			}
		}
	}
	if chance(0.5) {
		fmt.Fprintf(&b, "[%s] Thanks, I'm looking into this now and will follow up by email.\n", agent)
	}
	return strings.TrimRight(b.String(), "\n")
}

func webForm(category, body string) string {
	return fmt.Sprintf("Category: %s\nPriority (as selected): %s\n\nDescription:\n%s\n\n-- submitted via help.clinicq.io contact form", category, pick([]string{"Normal", "Normal", "High", "Urgent"}), body)
}

func inApp(body string) string {
	return body + fmt.Sprintf("\n\n---\nSent from ClinicQ in-app help · app v4.%d.%d · page: %s", 18+r.IntN(2), r.IntN(9), pick([]string{"/calendar/day", "/calendar/week", "/patients", "/settings/team", "/billing", "/visits", "/reminders", "/reports"}))
}

// ---------------------------------------------------------------- tickets

// Ticket is a line of tickets.jsonl and the time it arrives.
type Ticket struct {
	weekgen.Ticket
	at time.Time
}

var tickets []*Ticket

type msg struct {
	Subj, Body string
	Src        string // "" = choose
	Who        string // "staff", "patient", "manager", "any"
	Lang       string // "" = en
	Region     string
}

func add(t time.Time, m msg, label string) *Ticket {
	var o *Org
	lang := m.Lang
	switch {
	case lang != "" && lang != "en":
		pool := []*Org{}
		for _, x := range orgsLang(lang) {
			if m.Region == "" || x.Region == m.Region {
				pool = append(pool, x)
			}
		}
		o = pick(pool)
	case m.Region != "":
		pool := []*Org{}
		for _, x := range orgsIn(m.Region) {
			if x.Lang == "en" {
				pool = append(pool, x)
			}
		}
		o = pick(pool)
	default:
		pool := []*Org{}
		for _, x := range tx.Orgs {
			if x.Lang == "en" {
				pool = append(pool, x)
			}
		}
		o = pick(pool)
	}
	p := pick(o.Staff)
	if m.Who == "manager" {
		for _, s := range o.Staff {
			if strings.Contains(s.Role, "Manager") || s.Role == "Owner" {
				p = s
			}
		}
	}
	tk := &Ticket{at: t, Ticket: weekgen.Ticket{Org: o.Name, Label: label}}
	if m.Who == "patient" {
		name, em := patient()
		tk.CustomerName, tk.CustomerEmail = name, em
		if chance(0.5) {
			// forwarded by the clinic
			tk.CustomerName, tk.CustomerEmail = p.Name, p.Email
			m.Body = fmt.Sprintf("%s\n\n---------- Forwarded message ---------\nFrom: %s <%s>\nDate: %s %d Nov 2026\nSubject: %s\nTo: %s\n\n%s",
				pick(tx.ForwardNotes),
				name, em, weekdays[int(t.Sub(week0).Hours()/24)%7], t.Day(), m.Subj, p.Email, m.Body)
			m.Subj = "Fwd: " + m.Subj
			m.Src = "email"
		} else {
			tk.Org = ""
			if chance(0.5) {
				tk.Org = o.Name
			}
		}
	} else {
		tk.CustomerName, tk.CustomerEmail = p.Name, p.Email
	}
	src := m.Src
	if src == "" {
		src = pick([]string{"email", "email", "email", "chat", "chat", "web", "api"})
	}
	tk.Source = src
	tk.Subject = m.Subj
	switch src {
	case "email":
		b := m.Body
		if b != "" && m.Who != "patient" {
			switch r.IntN(6) {
			case 0:
				b = htmlWrap(b, p, o)
			case 1:
				b = quoted(b+signature(p, o), t)
			default:
				b += signature(p, o)
			}
		}
		tk.Body = b
	case "chat":
		lines := strings.Split(m.Body, "\n")
		if m.Body == "" {
			lines = []string{m.Subj}
		}
		if m.Subj != "" && m.Body != "" && chance(0.6) {
			lines = append([]string{m.Subj}, lines...)
		}
		var ls []string
		for _, l := range lines {
			if strings.TrimSpace(l) != "" {
				ls = append(ls, l)
			}
		}
		tk.Body = chatWrap(ls, tk.CustomerName)
		tk.Subject = "Chat with " + tk.CustomerName
		if chance(0.3) {
			tk.Subject = ""
		}
	case "web":
		if m.Body != "" {
			tk.Body = webForm(pick([]string{"Technical problem", "Account & sign-in", "Billing", "Something else", "Booking & calendar"}), m.Body)
		}
	case "api":
		if m.Body != "" {
			tk.Body = inApp(m.Body)
		}
	}
	tickets = append(tickets, tk)
	return tk
}

// followUp adds a short chaser from the same person.
func followUp(prev *Ticket, t time.Time, body string) {
	tk := *prev
	tk.at = t
	tk.Source = "email"
	subj := prev.Subject
	if subj == "" || strings.HasPrefix(subj, "Chat with") {
		subj = "my earlier chat"
	}
	tk.Subject = "Re: " + strings.TrimPrefix(subj, "Re: ")
	tk.Body = body
	if chance(0.5) {
		tk.Body = quoted(body, t)
	}
	tickets = append(tickets, &tk)
}

// timeIn picks a time in [a, b) weighted toward the first half (a ramp up,
// a long tail).
func timeIn(a, b time.Time, shape string) time.Time {
	d := b.Sub(a)
	var f float64
	switch shape {
	case "front":
		f = (r.Float64() + r.Float64() + r.Float64()) / 3 * 0.8
		if chance(0.3) {
			f = r.Float64()
		}
	default:
		f = r.Float64()
	}
	return a.Add(time.Duration(f * float64(d)))
}

// workTime picks a background time: a weekday-weighted day and a working hour
// local to a region.
func workTime(region string) time.Time {
	day := weekgen.Weighted(r, []float64{1.25, 1.15, 1.05, 1.0, 0.9, 0.28, 0.17})
	hw := []float64{0, 0, 0, 0, 0, 0, 0.05, 0.4, 1.0, 1.3, 1.2, 1.0, 0.7, 0.9, 1.1, 1.0, 0.8, 0.5, 0.25, 0.12, 0.08, 0.05, 0.02, 0.01}
	if day >= 5 {
		hw = []float64{0, 0, 0, 0, 0, 0, 0, 0.1, 0.5, 0.8, 0.8, 0.6, 0.4, 0.3, 0.2, 0.2, 0.15, 0.1, 0.1, 0.1, 0.08, 0.05, 0.02, 0}
	}
	h := weekgen.Weighted(r, hw)
	tz := 0
	if region == "eu" {
		tz = pick([]int{0, 1, 1})
	} else {
		tz = pick([]int{-5, -5, -6, -7, -8})
	}
	return at(day, h-tz, r.IntN(60)).Add(time.Duration(r.IntN(60)) * time.Second)
}

func main() {
	weekgen.ReadTexts(weekgen.TextsFile(), &tx)
	buildStaff()
	genIncidents()
	genLookAlikes()
	genHardNegatives()
	genBackground()
	genAutoReplies()
	updates := genUpdates()

	sort.SliceStable(tickets, func(i, j int) bool { return tickets[i].at.Before(tickets[j].at) })
	for i, t := range tickets {
		t.ID = fmt.Sprintf("CQ-%d", 51000+i)
		t.ReceivedAt = t.at.Format(time.RFC3339)
	}
	weekgen.Must(weekgen.WriteWeek(weekgen.Dir(), tickets, updates, weekgen.Format{}))
	counts := map[string]int{}
	for _, t := range tickets {
		counts[t.Label]++
	}
	weekgen.PrintCounts(os.Stdout, counts)
}

// ---------------------------------------------------------------- incidents

// compose builds a body from one core sentence and optional extras.
func compose(cores, extras, closers []string) string {
	b := pick(cores)
	if chance(0.55) {
		b += " " + pick(extras)
	}
	if chance(0.5) {
		b += "\n\n" + pick(closers)
	}
	return b
}

func genIncidents() {
	// 1. Keystile identity outage: Wed 4 Nov, ~15:40–17:50 UTC. Staff SSO,
	// patient portal sign-in, and video visits (which check the session at
	// the start of every visit) all fail.
	loginA, loginB := at(2, 15, 38), at(2, 17, 52)
	loginSubj := tx.LoginSubj
	loginCores := tx.LoginCores
	loginExtras := tx.LoginExtras
	loginClosers := tx.LoginClosers

	var loginTickets []*Ticket
	for i := 0; i < 118; i++ {
		t := timeIn(loginA, loginB, "front")
		m := msg{Subj: pick(loginSubj), Body: compose(loginCores, loginExtras, loginClosers), Who: "staff"}
		if chance(0.07) {
			m.Body = "" // subject-only
			if m.Subj == "" {
				m.Subj = "cant log in"
			}
		}
		if chance(0.12) {
			m.Who = "patient"
			m.Subj = pick(tx.LoginPatientSubj)
			m.Body = pick(tx.LoginPatientBodies)
		}
		tk := add(t, m, "inc-login-outage")
		loginTickets = append(loginTickets, tk)
	}
	// Other languages.
	for _, m := range tx.LoginOtherLanguages {
		m.Src = "email"
		add(timeIn(loginA.Add(40*time.Minute), loginB, ""), m, "inc-login-outage")
	}
	// Chasers and "it's back" notes from the same people.
	chasers := tx.Chasers
	backs := tx.Backs
	for i := 0; i < 16; i++ {
		p := loginTickets[r.IntN(len(loginTickets))]
		if i < 10 {
			t := p.at.Add(time.Duration(20+r.IntN(40)) * time.Minute)
			if t.After(loginB) {
				t = loginB.Add(-time.Duration(r.IntN(10)) * time.Minute)
			}
			followUp(p, t, pick(chasers))
		} else {
			followUp(p, loginB.Add(time.Duration(r.IntN(35))*time.Minute), pick(backs))
		}
	}

	// 2. Lumacall video degradation: Fri 6 Nov, ~14:10–15:35 UTC. Calls
	// start fine, then freeze or lose audio mid-call.
	vidA, vidB := at(4, 14, 12), at(4, 15, 38)
	vidSubj := tx.VidSubj
	vidCores := tx.VidCores
	vidExtras := tx.VidExtras
	var vidTickets []*Ticket
	for i := 0; i < 40; i++ {
		m := msg{Subj: pick(vidSubj), Body: compose(vidCores, vidExtras, loginClosers), Who: "staff"}
		if chance(0.1) {
			m.Who = "patient"
			m.Subj = "my video appointment kept freezing"
			m.Body = pick(tx.VidPatientBodies)
		}
		vidTickets = append(vidTickets, add(timeIn(vidA, vidB, "front"), m, "inc-video-degraded"))
	}
	add(timeIn(vidA.Add(20*time.Minute), vidB, ""), msg{Subj: "Videosprechstunde friert ein", Body: "Die Verbindung bricht während der Videosprechstunde immer wieder ab, Bild friert ein. Schon das dritte Mal heute Nachmittag.", Lang: "de", Src: "email"}, "inc-video-degraded")
	add(timeIn(vidA.Add(20*time.Minute), vidB, ""), msg{Subj: "Téléconsultation coupée", Body: "Bonjour, les téléconsultations se figent après quelques minutes et le son se coupe. Est-ce un problème connu ?", Lang: "fr", Src: "email"}, "inc-video-degraded")
	for i := 0; i < 4; i++ {
		p := vidTickets[r.IntN(len(vidTickets))]
		followUp(p, p.at.Add(time.Duration(25+r.IntN(30))*time.Minute), pick([]string{"Still happening. Any update?", "Just had another one freeze.", "Seems better now, last two calls were fine."}))
	}

	// 3. Textwell SMS delay: Tue 3 Nov, ~07:20–10:00 UTC (European morning).
	smsA, smsB := at(1, 7, 20), at(1, 10, 5)
	smsSubj := tx.SmsSubj
	smsCores := tx.SmsCores
	smsExtras := tx.SmsExtras
	for i := 0; i < 36; i++ {
		m := msg{Subj: pick(smsSubj), Body: compose(smsCores, smsExtras, loginClosers), Who: "staff", Region: "eu"}
		add(timeIn(smsA, smsB, "front"), m, "inc-sms-delay")
	}
	for _, m := range tx.SmsOtherLanguages {
		m.Src = "email"
		add(timeIn(smsA.Add(30*time.Minute), smsB, ""), m, "inc-sms-delay")
	}

	// 4. Tillora card declines: Thu 5 Nov, ~17:50–19:25 UTC.
	payA, payB := at(3, 17, 52), at(3, 19, 25)
	paySubj := tx.PaySubj
	payCores := tx.PayCores
	payExtras := tx.PayExtras
	var payTickets []*Ticket
	for i := 0; i < 44; i++ {
		m := msg{Subj: pick(paySubj), Body: compose(payCores, payExtras, loginClosers), Who: "staff", Region: "na"}
		if chance(0.12) {
			m.Who = "patient"
			m.Subj = "Can't pay my deposit"
			m.Body = pick(tx.PayPatientBodies)
		}
		payTickets = append(payTickets, add(timeIn(payA, payB, "front"), m, "inc-payment-declines"))
	}
	add(timeIn(payA, payB, ""), msg{Subj: "Paiements refusés", Body: "Bonjour, toutes les cartes sont refusées depuis une heure dans ClinicQ. Est-ce que c'est chez vous?", Lang: "fr", Src: "email"}, "inc-payment-declines")
	for i := 0; i < 4; i++ {
		p := payTickets[r.IntN(len(payTickets))]
		followUp(p, p.at.Add(time.Duration(20+r.IntN(30))*time.Minute), pick([]string{"still declining. update?", "Any news on the card payments?", "Working again now it seems."}))
	}

	// 5. Our own bug, no provider: Mon 2 Nov. After the US clocks went back
	// on Sunday, online bookings from North American clinics land one hour
	// off in the staff calendar, causing double bookings. Slow trickle all day.
	dstA, dstB := at(0, 13, 10), at(0, 23, 50)
	dstMsgs := tx.DstMsgs
	for i := 0; i < 24; i++ {
		m := dstMsgs[i%len(dstMsgs)]
		m.Region = "na"
		m.Who = "staff"
		if i >= len(dstMsgs) {
			m.Body = pick([]string{"Same problem as my colleague reported earlier - ", "Another one: ", "Hi, ", "Another one just now: "}) + strings.ToLower(m.Body[:1]) + m.Body[1:]
			if chance(0.5) {
				m.Subj = "Re: " + m.Subj
			}
		}
		add(dstA.Add(time.Duration(r.Float64()*float64(dstB.Sub(dstA)))), m, "inc-dst-booking-times")
	}
	add(at(0, 15, 20), msg{Subj: "Heures de rendez-vous décalées", Body: "Bonjour, les rendez-vous pris en ligne apparaissent une heure plus tôt dans notre agenda depuis le changement d'heure.", Lang: "fr", Region: "na", Src: "email"}, "inc-dst-booking-times")
}

// ---------------------------------------------------------------- look-alikes

// windows are the incident windows, by name, that look-alikes and hard
// negatives land in.
var windows = map[string][2]time.Time{
	"login": {at(2, 15, 38), at(2, 17, 52)},
	"video": {at(4, 14, 12), at(4, 15, 38)},
	"sms":   {at(1, 7, 20), at(1, 10, 5)},
	"pay":   {at(3, 17, 52), at(3, 19, 25)},
	"dst":   {at(0, 13, 10), at(0, 23, 50)},
	"email": {at(1, 19, 55), at(1, 21, 20)}, // Postlark's no-impact incident
}

func genLookAlikes() {
	for _, x := range tx.LookAlikes {
		w := windows[x.Win]
		if x.M.Who == "" {
			x.M.Who = "staff"
		}
		add(timeIn(w[0], w[1], ""), x.M, "look-alike")
	}
}

// ---------------------------------------------------------------- hard negatives

// Individual problems that read like an outage. Each is written on its own;
// win says where it lands ("" = anywhere in the week).
type hn struct {
	Win string
	M   msg
}

func genHardNegatives() {
	var made []*Ticket
	for _, h := range tx.HardNegatives {
		var t time.Time
		if w, ok := windows[h.Win]; ok {
			t = timeIn(w[0], w[1], "")
		} else {
			region := "eu"
			if h.M.Region == "na" || (h.M.Region == "" && chance(0.55)) {
				region = "na"
			}
			if h.M.Lang == "" || h.M.Lang == "en" {
				h.M.Region = region
			} else {
				region = orgsLang(h.M.Lang)[0].Region
			}
			t = workTime(region)
		}
		made = append(made, add(t, h.M, "hard-negative"))
	}
	// A few repeats of the commonest shapes elsewhere in the week, and chasers.
	extra := tx.HardNegativeExtras
	for i := 0; i < 2; i++ {
		extra[i].Region = pick([]string{"eu", "na"})
		made = append(made, add(workTime(extra[i].Region), extra[i], "hard-negative"))
	}
	for i := 0; i < 1; i++ {
		p := made[r.IntN(len(made))]
		followUp(p, p.at.Add(time.Duration(1+r.IntN(20))*time.Hour), pick(tx.HardNegativeChasers))
	}
}

// ---------------------------------------------------------------- background

func genBackground() {
	for i := 0; i < 405; i++ {
		m := tx.Background[r.IntN(len(tx.Background))]
		if m.Body != "" && m.Lang == "" {
			if v := pick(tx.BgVariations); v != "" {
				m.Body += " " + v
			}
			if chance(0.08) {
				m.Body = strings.ToLower(m.Body)
			}
		}
		if m.Who == "" {
			m.Who = "staff"
			if chance(0.2) {
				m.Who = "manager"
			}
		}
		region := "eu"
		if chance(0.55) {
			region = "na"
		}
		if m.Lang == "" {
			m.Region = region
		} else {
			for _, o := range orgsLang(m.Lang) {
				region = o.Region
				break
			}
		}
		add(workTime(region), m, "background")
	}
	// Patients writing in directly about ordinary things.
	pmsgs := tx.PatientBackground
	for i := 0; i < 14; i++ {
		m := pick(pmsgs)
		m.Who = "patient"
		m.Region = pick([]string{"eu", "na"})
		add(workTime(m.Region), m, "background")
	}
}

func genAutoReplies() {
	// Out-of-office replies to our ticket notifications, and bounces.
	for i := 0; i < 9; i++ {
		t := workTime(pick([]string{"eu", "na"}))
		if i == 0 {
			t = at(2, 16, 31) // one lands in the middle of the identity outage
		}
		o := pick(tx.Orgs)
		p := pick(o.Staff)
		tickets = append(tickets, &Ticket{at: t, Ticket: weekgen.Ticket{Source: "email", Org: o.Name, CustomerName: p.Name, CustomerEmail: p.Email, Label: "background", Subject: pick(tx.OutOfOfficeSubjects), Body: pick([]string{
			fmt.Sprintf("Thank you for your email. I am out of the office until %d November with limited access to email. For urgent matters please call the clinic reception.\n\n%s", 9+r.IntN(10), p.Name),
			"I'm currently on annual leave and will respond on my return. For anything urgent about patient care please contact the practice on the main number.",
			"Ich bin bis einschließlich Freitag nicht im Büro. In dringenden Fällen wenden Sie sich bitte an die Rezeption.",
			"This mailbox is not monitored. Please call us during opening hours.",
		})}})
	}
	for i := 0; i < 4; i++ {
		t := workTime(pick([]string{"eu", "na"}))
		if i == 0 {
			t = at(3, 18, 40) // during the card decline spike
		}
		o := pick(tx.Orgs)
		tickets = append(tickets, &Ticket{at: t, Ticket: weekgen.Ticket{Source: "email", CustomerEmail: "MAILER-DAEMON@mx." + o.Domain, CustomerName: "Mail Delivery System", Label: "background", Subject: pick(tx.BounceSubjects), Body: fmt.Sprintf("This is the mail system at host mx.%s.\n\nI'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients.\n\n<%s@%s>: host mx.%s said: 550 5.1.1 User unknown (in reply to RCPT TO command)\n\n--- Original message ---\nSubject: [ClinicQ] Your request CQ-%d has been updated", o.Domain, pick([]string{"frontdesk", "info", "reception", "admin"}), o.Domain, o.Domain, 50800+r.IntN(150))}})
	}
}

// ---------------------------------------------------------------- status pages

func genUpdates() []weekgen.Update {
	var us []weekgen.Update
	n := map[string]int{}
	u := func(prov, id, status, impact string, t time.Time, title, body, kind string, comps []string, label string) {
		n[id]++
		us = append(us, weekgen.Update{Provider: prov, ProviderIncidentID: id, UpdateID: fmt.Sprintf("%s-u%d", id, n[id]), Status: status, Impact: impact,
			At: t.Format(time.RFC3339), Title: title, Body: body, Kind: kind, Components: comps, Label: label})
	}

	for _, x := range tx.Updates {
		u(x.Provider, x.ID, x.Status, x.Impact, at(x.At[0], x.At[1], x.At[2]), x.Title, x.Body, x.Kind, x.Components, x.Label)
	}

	sort.SliceStable(us, func(i, j int) bool { return us[i].At < us[j].At })
	return us
}

// statusUpdate is one status-page update in texts.json; At is the day of the
// week (0 = Monday), hour and minute, UTC.
type statusUpdate struct {
	Provider, ID, Status, Impact, Title, Body, Kind, Label string
	At                                                     [3]int
	Components                                             []string
}

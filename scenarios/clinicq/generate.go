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
package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"stormdesk/scenarios/internal/weekgen"
)

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

var firstEN = []string{"Sarah", "Megan", "Tom", "Priya", "Jasmine", "Kevin", "Laura", "Danielle", "Aaron", "Beth", "Chloe", "Marcus", "Nadia", "Olivia", "Ryan", "Tasha", "Grace", "Hannah", "Liam", "Erin", "Carlos", "Jen", "Mike", "Wendy", "Siobhan", "Declan", "Fiona", "Harriet", "Imran", "Zoe"}
var lastEN = []string{"Holloway", "Reyes", "Patel", "O'Connor", "Nguyen", "Brennan", "Walsh", "Morgan", "Fischer", "Campbell", "Hughes", "Kowalski", "Murray", "Bennett", "Tran", "Douglas", "Sinclair", "Price", "Lam", "Whitaker"}
var firstDE = []string{"Anja", "Katrin", "Jonas", "Sabine", "Lukas", "Birgit", "Stefan", "Miriam"}
var lastDE = []string{"Weber", "Hoffmann", "Schäfer", "Krause", "Lehmann", "Vogel", "Brandt"}
var firstFR = []string{"Camille", "Élodie", "Julien", "Nathalie", "Mathieu", "Sophie"}
var lastFR = []string{"Lefèvre", "Moreau", "Girard", "Roux", "Bonnet"}
var firstES = []string{"Lucía", "Javier", "Marta", "Carmen", "Pablo"}
var lastES = []string{"García", "Navarro", "Ortega", "Ruiz"}
var firstNL = []string{"Sanne", "Daan", "Fleur", "Joost"}
var lastNL = []string{"de Vries", "Jansen", "Bakker"}

var orgs = []*Org{
	{Name: "Harbour Lane Dental", Domain: "harbourlanedental.co.uk", Region: "eu", Lang: "en", TZ: 0, Kind: "dental"},
	{Name: "Northgate Physiotherapy", Domain: "northgatephysio.co.uk", Region: "eu", Lang: "en", TZ: 0, Kind: "physio"},
	{Name: "Meadowbank Dental Care", Domain: "meadowbankdental.co.uk", Region: "eu", Lang: "en", TZ: 0, Kind: "dental"},
	{Name: "Oakfield Osteopathy", Domain: "oakfieldosteo.co.uk", Region: "eu", Lang: "en", TZ: 0, Kind: "physio"},
	{Name: "Brightwater Family Practice", Domain: "brightwaterfp.ie", Region: "eu", Lang: "en", TZ: 0, Kind: "medical"},
	{Name: "Liffey Sports Physio", Domain: "liffeysportsphysio.ie", Region: "eu", Lang: "en", TZ: 0, Kind: "physio"},
	{Name: "Praxis Dr. Weber", Domain: "praxis-weber.de", Region: "eu", Lang: "de", TZ: 1, Kind: "medical"},
	{Name: "Physio am Markt", Domain: "physio-am-markt.de", Region: "eu", Lang: "de", TZ: 1, Kind: "physio"},
	{Name: "Zahnarztpraxis Lindenhof", Domain: "zahnarzt-lindenhof.at", Region: "eu", Lang: "de", TZ: 1, Kind: "dental"},
	{Name: "Cabinet Dentaire Lefèvre", Domain: "dentaire-lefevre.fr", Region: "eu", Lang: "fr", TZ: 1, Kind: "dental"},
	{Name: "Centre Kiné Bellevue", Domain: "kine-bellevue.fr", Region: "eu", Lang: "fr", TZ: 1, Kind: "physio"},
	{Name: "Clínica Fisio Sol", Domain: "fisiosol.es", Region: "eu", Lang: "es", TZ: 1, Kind: "physio"},
	{Name: "Kinetika Fysiotherapie", Domain: "kinetika-fysio.nl", Region: "eu", Lang: "nl", TZ: 1, Kind: "physio"},
	{Name: "Maple Street Dental", Domain: "maplestreetdental.com", Region: "na", Lang: "en", TZ: -5, Kind: "dental"},
	{Name: "Cedar Ridge Physical Therapy", Domain: "cedarridgept.com", Region: "na", Lang: "en", TZ: -5, Kind: "physio"},
	{Name: "Lakeshore Family Medicine", Domain: "lakeshorefm.ca", Region: "na", Lang: "en", TZ: -5, Kind: "medical"},
	{Name: "Summit Chiropractic & Physio", Domain: "summitchiro.com", Region: "na", Lang: "en", TZ: -7, Kind: "physio"},
	{Name: "Pine Hollow Pediatrics", Domain: "pinehollowpeds.com", Region: "na", Lang: "en", TZ: -6, Kind: "medical"},
	{Name: "Riverbend Dental Care", Domain: "riverbenddental.com", Region: "na", Lang: "en", TZ: -6, Kind: "dental"},
	{Name: "Northshore Physio", Domain: "northshorephysio.ca", Region: "na", Lang: "en", TZ: -8, Kind: "physio"},
	{Name: "Bayview Smiles", Domain: "bayviewsmiles.com", Region: "na", Lang: "en", TZ: -8, Kind: "dental"},
	{Name: "Prairie Health Clinic", Domain: "prairiehealth.ca", Region: "na", Lang: "en", TZ: -6, Kind: "medical"},
	{Name: "Willow Creek Therapy", Domain: "willowcreektherapy.com", Region: "na", Lang: "en", TZ: -5, Kind: "physio"},
	{Name: "Granite State Dental", Domain: "granitestatedental.com", Region: "na", Lang: "en", TZ: -5, Kind: "dental"},
	{Name: "Coastal Sports Rehab", Domain: "coastalsportsrehab.com", Region: "na", Lang: "en", TZ: -8, Kind: "physio"},
	{Name: "Elm & Fifth Medical", Domain: "elmandfifth.com", Region: "na", Lang: "en", TZ: -5, Kind: "medical"},
	{Name: "Blue Heron Dermatology", Domain: "blueherondermatology.com", Region: "na", Lang: "en", TZ: -6, Kind: "medical"},
	{Name: "Clinique Saint-Laurent", Domain: "cliniquestlaurent.ca", Region: "na", Lang: "fr", TZ: -5, Kind: "medical"},
	{Name: "Desert Bloom Dental", Domain: "desertbloomdental.com", Region: "na", Lang: "en", TZ: -7, Kind: "dental"},
	{Name: "Hudson Valley Pain & Spine", Domain: "hvpainspine.com", Region: "na", Lang: "en", TZ: -5, Kind: "physio"},
}

var rolesByKind = map[string][]string{
	"dental":  {"Front Desk", "Practice Manager", "Dentist", "Hygienist", "Office Manager", "Receptionist"},
	"physio":  {"Reception", "Clinic Manager", "Physiotherapist", "Physical Therapist", "Owner", "Front Desk"},
	"medical": {"Front Desk", "Practice Manager", "GP", "Nurse", "Office Administrator", "Medical Secretary"},
}

func emailLocal(first, last string) string {
	s := strings.ToLower(first + "." + last)
	rep := strings.NewReplacer("'", "", " ", "", "é", "e", "è", "e", "ä", "ae", "ö", "oe", "ü", "ue", "í", "i", "á", "a", "É", "e")
	return rep.Replace(s)
}

func buildStaff() {
	for _, o := range orgs {
		fn, ln := firstEN, lastEN
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
			role := pick(rolesByKind[o.Kind])
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
	f, l := pick(firstEN), pick(lastEN)
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
	for _, o := range orgs {
		if region == "" || o.Region == region {
			out = append(out, o)
		}
	}
	return out
}

func orgsLang(lang string) []*Org {
	var out []*Org
	for _, o := range orgs {
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
	greet := pick([]string{
		"Hi! I'm Quill, ClinicQ's virtual assistant. What can I help you with today?",
		"Hello 👋 I'm Quill. Ask me anything about ClinicQ, or type 'agent' to talk to a person.",
		"Hi there! Quill here from ClinicQ. How can I help?",
	})
	fmt.Fprintf(&b, "[Quill (bot)] %s\n", greet)
	first := strings.Split(name, " ")[0]
	agent := pick(agents)
	for i, l := range lines {
		fmt.Fprintf(&b, "[%s] %s\n", first, l)
		if i == 0 {
			b.WriteString(pick([]string{
				"[Quill (bot)] Thanks! I found a few help articles that might answer this. Did any of them solve it?\n",
				"[Quill (bot)] I'm connecting you with a member of our team. Current wait: about 4 minutes.\n",
				"[Quill (bot)] Sorry to hear that. Let me get a human for you.\n",
			}))
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
	subj, body string
	src        string // "" = choose
	who        string // "staff", "patient", "manager", "any"
	lang       string // "" = en
	region     string
}

func add(t time.Time, m msg, label string) *Ticket {
	var o *Org
	lang := m.lang
	switch {
	case lang != "" && lang != "en":
		pool := []*Org{}
		for _, x := range orgsLang(lang) {
			if m.region == "" || x.Region == m.region {
				pool = append(pool, x)
			}
		}
		o = pick(pool)
	case m.region != "":
		pool := []*Org{}
		for _, x := range orgsIn(m.region) {
			if x.Lang == "en" {
				pool = append(pool, x)
			}
		}
		o = pick(pool)
	default:
		pool := []*Org{}
		for _, x := range orgs {
			if x.Lang == "en" {
				pool = append(pool, x)
			}
		}
		o = pick(pool)
	}
	p := pick(o.Staff)
	if m.who == "manager" {
		for _, s := range o.Staff {
			if strings.Contains(s.Role, "Manager") || s.Role == "Owner" {
				p = s
			}
		}
	}
	tk := &Ticket{at: t, Ticket: weekgen.Ticket{Org: o.Name, Label: label}}
	if m.who == "patient" {
		name, em := patient()
		tk.CustomerName, tk.CustomerEmail = name, em
		if chance(0.5) {
			// forwarded by the clinic
			tk.CustomerName, tk.CustomerEmail = p.Name, p.Email
			m.body = fmt.Sprintf("%s\n\n---------- Forwarded message ---------\nFrom: %s <%s>\nDate: %s %d Nov 2026\nSubject: %s\nTo: %s\n\n%s",
				pick([]string{"Forwarding this from a patient, can you help?", "Hi, patient email below. Not sure what to tell her.", "FYI see below", "Please advise - patient complaint below", ""}),
				name, em, weekdays[int(t.Sub(week0).Hours()/24)%7], t.Day(), m.subj, p.Email, m.body)
			m.subj = "Fwd: " + m.subj
			m.src = "email"
		} else {
			tk.Org = ""
			if chance(0.5) {
				tk.Org = o.Name
			}
		}
	} else {
		tk.CustomerName, tk.CustomerEmail = p.Name, p.Email
	}
	src := m.src
	if src == "" {
		src = pick([]string{"email", "email", "email", "chat", "chat", "web", "api"})
	}
	tk.Source = src
	tk.Subject = m.subj
	switch src {
	case "email":
		b := m.body
		if b != "" && m.who != "patient" {
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
		lines := strings.Split(m.body, "\n")
		if m.body == "" {
			lines = []string{m.subj}
		}
		if m.subj != "" && m.body != "" && chance(0.6) {
			lines = append([]string{m.subj}, lines...)
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
		if m.body != "" {
			tk.Body = webForm(pick([]string{"Technical problem", "Account & sign-in", "Billing", "Something else", "Booking & calendar"}), m.body)
		}
	case "api":
		if m.body != "" {
			tk.Body = inApp(m.body)
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
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Dir(file)
	if _, err := os.Stat(filepath.Join(dir, "generate.go")); err != nil {
		dir = "."
	}
	must(weekgen.WriteWeek(dir, tickets, updates, weekgen.Format{}))
	counts := map[string]int{}
	for _, t := range tickets {
		counts[t.Label]++
	}
	keys := []string{}
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("%-24s %d\n", k, counts[k])
	}
	fmt.Printf("%-24s %d\n", "total", len(tickets))
}

func must(err error) {
	if err != nil {
		panic(err)
	}
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
	loginSubj := []string{
		"Can't log in", "cannot login", "Login not working", "Is ClinicQ down?", "Is there an outage right now??",
		"URGENT - whole team locked out", "portal just spins", "Error 500 after entering my details", "Sign in page stuck",
		"can't get in", "Can't access ClinicQ", "Patients can't check in for video visits", "Video visit won't start",
		"telehealth not starting", "Stuck on 'Verifying your session'", "Sign in with clinic account broken?",
		"Unable to sign in - 'Something went wrong'", "logged out and can't get back in", "Patient portal down?",
		"Nobody at the clinic can sign in", "SSO error", "Help!! can't open the schedule", "down again?", "",
		"Login loop", "Patients calling - can't log in to portal", "Telehealth visits failing", "Problem signing in",
		"AUTH-502 error", "ClinicQ not loading after login",
	}
	loginCores := []string{
		"None of us can log in. I type my email and password and it just spins and then comes back to the login page.",
		"Since about 10 minutes ago I get 'Something went wrong (AUTH-502)' when I sign in.",
		"The sign in page just spins forever. Tried Chrome and Edge, same thing.",
		"error 500 after entering my details. Was working fine this morning.",
		"We got kicked out of ClinicQ and now nobody at reception can get back in. We have a full waiting room.",
		"I click 'Sign in with your clinic account', it goes to the blue page, and then says 'upstream identity provider error'.",
		"can't get in. tried 3 computers and my phone. all same",
		"Patients are calling us saying they can't get into the patient portal to fill in their forms before their appointment.",
		"My 11:00 video visit won't start. The patient sees 'Checking your sign-in...' and then 'We couldn't verify your session'.",
		"Telehealth isn't working. I click Start visit and it says my session expired, then the login page won't load.",
		"Patients can't check in for their video visit - they get stuck at the check-in step and it times out.",
		"Is something going on? The portal just spins when I try to log in and my colleague in the other room has the same.",
		"Every time I try to sign in I'm sent back to the sign in page. It's a loop.",
		"Getting a white page with 'Bad gateway' after I put my password in.",
		"Our whole practice is locked out of ClinicQ. 4 staff, none can sign in.",
		"Patient magic links aren't working - patients click the link in the email and get 'This link could not be verified'. We've had 5 calls about it in 20 min.",
		"I was in the middle of charting, got logged out, and now login just hangs.",
		"Video visits are failing for all our clinicians this afternoon. The 'Start visit' button spins then errors.",
		"The app won't let me log in - 'Authentication service unavailable, please try again later'.",
		"Cannot access the schedule at all. Login screen takes my password then nothing happens.",
		"our telehealth appointments can't start, both me and the patient get an error about signing in",
		"Sign-in fails with 'invalid_grant' or something similar, then sends me back.",
		"None of the physios can log in since lunch. We can't see who is booked this afternoon!!",
		"Patients waiting in the virtual waiting room can't get in. It says to sign in again and then the sign in page doesn't load.",
		"I tried resetting my password in case it was me, but the reset page also just spins.",
		"Login broken for everyone here. Not just me - checked with the other locations too.",
		"Front desk can't log in, and the doctor can't start her video calls. What is going on?",
		"ClinicQ is completely unusable right now, we can't log in. Please advise ASAP.",
	}
	loginExtras := []string{
		"We've cleared cache and cookies already.", "This is affecting the whole clinic.", "We have patients at the desk waiting.",
		"It was fine at lunchtime.", "Tried incognito, same.", "My colleague on her iPad has the same problem.",
		"We have 6 video visits booked this afternoon.", "Is this on your side?", "Our internet is fine, everything else works.",
		"Happening on both the desktop and the mobile app.", "Screenshot attached.", "Please call us back on the main number.",
	}
	loginClosers := []string{"Please help!", "Any ETA?", "Thanks", "This is really urgent.", "Let us know asap please", "Is there a status page we can check?", ""}

	var loginTickets []*Ticket
	for i := 0; i < 118; i++ {
		t := timeIn(loginA, loginB, "front")
		m := msg{subj: pick(loginSubj), body: compose(loginCores, loginExtras, loginClosers), who: "staff"}
		if chance(0.07) {
			m.body = "" // subject-only
			if m.subj == "" {
				m.subj = "cant log in"
			}
		}
		if chance(0.12) {
			m.who = "patient"
			m.subj = pick([]string{"Can't get into my video appointment", "portal not working", "Cannot log in to book", "Video appointment - error", "login"})
			m.body = pick([]string{
				"I have a video appointment at 4pm and the link keeps saying it can't verify me. I've tried three times.",
				"hi the portal wont let me log in, it just goes round and round",
				"I'm trying to check in for my telehealth visit and it says sign in failed. My appointment is in 5 minutes!",
				"Your website keeps giving me an error when I log in. I need to fill out my intake form before my appointment today.",
				"The link from the clinic's email says 'this link could not be verified'. I didn't do anything different from last time.",
			})
		}
		tk := add(t, m, "inc-login-outage")
		loginTickets = append(loginTickets, tk)
	}
	// Other languages.
	for _, m := range []msg{
		{subj: "Anmeldung nicht möglich", body: "Hallo, seit ca. 16:45 kann sich bei uns niemand mehr anmelden. Die Seite lädt endlos. Bitte um Rückmeldung.", lang: "de"},
		{subj: "Videosprechstunde startet nicht", body: "Guten Tag, unsere Videosprechstunden lassen sich nicht starten – Fehlermeldung 'Sitzung konnte nicht überprüft werden'. Patienten warten.", lang: "de"},
		{subj: "Impossible de se connecter", body: "Bonjour, impossible de se connecter au logiciel depuis 17h, ni pour moi ni pour ma collègue. Erreur 500. Merci de nous tenir informés.", lang: "fr"},
		{subj: "", body: "Bonjour, nos patients n'arrivent pas à accéder au portail patient, la page tourne dans le vide. Est-ce une panne ?", lang: "fr"},
		{subj: "No podemos entrar", body: "Hola, no podemos iniciar sesión en ClinicQ, sale un error después de poner la contraseña. ¿Hay alguna incidencia?", lang: "es"},
		{subj: "Inloggen lukt niet", body: "Hoi, niemand in onze praktijk kan inloggen, de pagina blijft laden. Is er een storing?", lang: "nl"},
	} {
		m.src = "email"
		add(timeIn(loginA.Add(40*time.Minute), loginB, ""), m, "inc-login-outage")
	}
	// Chasers and "it's back" notes from the same people.
	chasers := []string{"Any update? Still can't get in.", "any news?? it's been 40 minutes", "Still down for us. Patients are being sent home.", "Following up - is anyone looking at this?", "Is there an ETA? We need to decide whether to cancel the afternoon video visits."}
	backs := []string{"Seems to be working again now, thanks.", "We're back in. What happened?", "ok it's working now. Would be good to get an explanation for our practice manager.", "Logged in fine just now, you can close this."}
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
	vidSubj := []string{"Video freezing", "video visit keeps freezing", "Audio dropping during telehealth", "Calls cutting out",
		"Telehealth quality terrible today", "patient froze mid call", "Video call dropped twice", "sound cuts out on video visits",
		"Video visits unstable", "", "Frozen screen during appointment", "Is video having issues?", "telehealth audio"}
	vidCores := []string{
		"Video visits start fine but after 2-3 minutes the patient's picture freezes and we lose audio.",
		"The call connects, then the audio drops in and out. Patient could hear me but I couldn't hear her.",
		"third call in a row where the video freezes mid-consultation and then drops. we had to finish on the phone",
		"Patient's video freezes on one frame while audio carries on for a bit, then everything cuts out.",
		"Audio is robotic and keeps cutting out during telehealth visits this afternoon. Internet speed test is fine.",
		"The visit started normally and then at about 5 minutes in it froze and said 'Reconnecting...' for ages.",
		"We can join the video visits fine but the connection drops every few minutes. Happening to all 3 clinicians.",
		"Mid-call the screen goes black and it says poor connection, but both sides are on good wifi.",
		"My telehealth appointments keep freezing. Patients are frustrated. Is there a known issue?",
		"Sound dropping out during video physio sessions, impossible to give exercise instructions.",
		"Calls keep disconnecting mid-visit. Rejoining works for a minute then freezes again.",
	}
	vidExtras := []string{"Tried Chrome and Safari.", "Patient was on a laptop, not a phone.", "We have more booked this afternoon.", "Never had this before.", "It's not our internet, checked.", "Happening in both our rooms."}
	var vidTickets []*Ticket
	for i := 0; i < 40; i++ {
		m := msg{subj: pick(vidSubj), body: compose(vidCores, vidExtras, loginClosers), who: "staff"}
		if chance(0.1) {
			m.who = "patient"
			m.subj = "my video appointment kept freezing"
			m.body = pick([]string{"During my physio appointment today the video kept freezing and eventually cut off. The therapist had to call me.", "The call today was awful, we kept losing sound. Is it my end?"})
		}
		vidTickets = append(vidTickets, add(timeIn(vidA, vidB, "front"), m, "inc-video-degraded"))
	}
	add(timeIn(vidA.Add(20*time.Minute), vidB, ""), msg{subj: "Videosprechstunde friert ein", body: "Die Verbindung bricht während der Videosprechstunde immer wieder ab, Bild friert ein. Schon das dritte Mal heute Nachmittag.", lang: "de", src: "email"}, "inc-video-degraded")
	add(timeIn(vidA.Add(20*time.Minute), vidB, ""), msg{subj: "Téléconsultation coupée", body: "Bonjour, les téléconsultations se figent après quelques minutes et le son se coupe. Est-ce un problème connu ?", lang: "fr", src: "email"}, "inc-video-degraded")
	for i := 0; i < 4; i++ {
		p := vidTickets[r.IntN(len(vidTickets))]
		followUp(p, p.at.Add(time.Duration(25+r.IntN(30))*time.Minute), pick([]string{"Still happening. Any update?", "Just had another one freeze.", "Seems better now, last two calls were fine."}))
	}

	// 3. Textwell SMS delay: Tue 3 Nov, ~07:20–10:00 UTC (European morning).
	smsA, smsB := at(1, 7, 20), at(1, 10, 5)
	smsSubj := []string{"SMS reminders not sent", "Patients didn't get reminder texts", "text reminders delayed", "Reminders late today",
		"No-shows - reminders?", "SMS stuck in queue", "reminder texts arriving after appointment", "", "Are texts working?", "SMS reminders"}
	smsCores := []string{
		"None of this morning's patients got their reminder text. We've had 3 no-shows already.",
		"The reminders page shows today's SMS as 'Queued' since 6am. Normally they go out straight away.",
		"A patient just got her reminder text for her 9:00 appointment at 9:40. What happened?",
		"Patients are telling us they didn't get a text reminder. The email reminders seem to have gone out.",
		"Our SMS reminders are very delayed this morning - some arrived an hour late, some not at all.",
		"text reminders not going out?? several patients rang to ask if their appointment is still on",
		"The 2-hour-before SMS didn't arrive for anyone booked before 10.",
		"SMS log has a long list of 'pending' messages. Email reminders are fine.",
		"Sent a manual SMS to a patient from the patient page 30 min ago, still says sending.",
	}
	smsExtras := []string{"We haven't changed any settings.", "Our credits are topped up.", "This is costing us appointments.", "All different mobile networks."}
	for i := 0; i < 36; i++ {
		m := msg{subj: pick(smsSubj), body: compose(smsCores, smsExtras, loginClosers), who: "staff", region: "eu"}
		add(timeIn(smsA, smsB, "front"), m, "inc-sms-delay")
	}
	for _, m := range []msg{
		{subj: "SMS-Erinnerungen kommen nicht an", body: "Guten Morgen, unsere Patienten bekommen heute keine SMS-Erinnerungen. Im Protokoll steht alles auf 'in Warteschlange'.", lang: "de"},
		{subj: "Rappels SMS", body: "Bonjour, aucun rappel SMS n'est parti ce matin. Plusieurs patients ne sont pas venus.", lang: "fr"},
		{subj: "", body: "Buenos días, los recordatorios por SMS no están llegando a los pacientes esta mañana.", lang: "es"},
		{subj: "SMS herinneringen", body: "De sms-herinneringen van vanochtend zijn niet verstuurd, staan nog in de wachtrij.", lang: "nl"},
	} {
		m.src = "email"
		add(timeIn(smsA.Add(30*time.Minute), smsB, ""), m, "inc-sms-delay")
	}

	// 4. Tillora card declines: Thu 5 Nov, ~17:50–19:25 UTC.
	payA, payB := at(3, 17, 52), at(3, 19, 25)
	paySubj := []string{"Cards declined", "All card payments failing", "deposit payments declined", "Patients can't pay deposit",
		"payment error", "Card declined - but bank says fine", "Every card getting declined??", "Payments down?", "", "Online booking deposits failing",
		"Can't take payment at front desk"}
	payCores := []string{
		"Every card we try at the front desk is being declined, including my own which definitely works.",
		"Patients booking online are getting 'Your card was declined' at the deposit step. Three complaints in the last half hour.",
		"Payment failed with 'processing_error' for every invoice this evening.",
		"The deposit step in the booking widget fails for everyone. One patient tried 2 different cards.",
		"card payments declined with 'do_not_honor' but the patient's bank says there's no block on their card",
		"Trying to take payment for an invoice and it just says declined. Same for the last 5 patients.",
		"We can't take any payments right now. Is the payment system down?",
		"Patients are abandoning online bookings because the card payment keeps failing.",
		"Declines on Visa and Mastercard both. Started about 6pm our time? Actually about an hour ago.",
	}
	payExtras := []string{"We had to let patients leave without paying.", "Nothing changed on our side.", "The card reader shows the same.", "Is this a known issue?"}
	var payTickets []*Ticket
	for i := 0; i < 44; i++ {
		m := msg{subj: pick(paySubj), body: compose(payCores, payExtras, loginClosers), who: "staff", region: "na"}
		if chance(0.12) {
			m.who = "patient"
			m.subj = "Can't pay my deposit"
			m.body = pick([]string{"I'm trying to book an appointment and my card keeps getting declined. There is money on the card.", "your payment page declined my card 3 times, my bank says they never saw the charge"})
		}
		payTickets = append(payTickets, add(timeIn(payA, payB, "front"), m, "inc-payment-declines"))
	}
	add(timeIn(payA, payB, ""), msg{subj: "Paiements refusés", body: "Bonjour, toutes les cartes sont refusées depuis une heure dans ClinicQ. Est-ce que c'est chez vous?", lang: "fr", src: "email"}, "inc-payment-declines")
	for i := 0; i < 4; i++ {
		p := payTickets[r.IntN(len(payTickets))]
		followUp(p, p.at.Add(time.Duration(20+r.IntN(30))*time.Minute), pick([]string{"still declining. update?", "Any news on the card payments?", "Working again now it seems."}))
	}

	// 5. Our own bug, no provider: Mon 2 Nov. After the US clocks went back
	// on Sunday, online bookings from North American clinics land one hour
	// off in the staff calendar, causing double bookings. Slow trickle all day.
	dstA, dstB := at(0, 13, 10), at(0, 23, 50)
	dstMsgs := []msg{
		{subj: "Online bookings showing at wrong time", body: "A patient booked online for 10:00 and it shows in our calendar at 9:00. Her confirmation email says 10."},
		{subj: "double booked", body: "we have two patients at 2pm today for the same therapist. one booked online. how is that possible?"},
		{subj: "Times off by one hour", body: "Since the clocks changed, all online bookings are an hour off in the day view."},
		{subj: "Patient arrived an hour late??", body: "Patient turned up at 11 saying her booking was for 11, our calendar has her at 10. Checked the booking confirmation - it does say 11."},
		{subj: "Booking widget time mismatch", body: "The booking widget offered 3:30 but the appointment was created at 2:30."},
		{subj: "", body: "Hi, getting double bookings today, the online booking seems to put people in the slot an hour earlier than they picked."},
		{subj: "Calendar wrong after daylight saving", body: "Is there a daylight saving bug? Online bookings made for this week are one hour earlier than what the patient chose. Bookings the front desk makes are fine."},
		{subj: "Confirmation email says different time from calendar", body: "Patient's confirmation says 9:15 am, calendar shows 8:15 am. This has happened 4 times today."},
		{subj: "online booking broken", body: "Three patients have shown up at the 'wrong' time this morning. All booked online. We're moving them manually but it's a mess."},
		{subj: "Why is the 8am slot double booked", body: "Someone booked 9am online and it's sitting on top of our 8am patient."},
		{subj: "DST issue?", body: "Looks like online appointments ignore the time change. Everything online-booked is off by 1h."},
		{subj: "Wrong appointment times", body: "Patients booked through our website are appearing an hour early in the schedule. Front desk bookings look ok."},
	}
	for i := 0; i < 24; i++ {
		m := dstMsgs[i%len(dstMsgs)]
		m.region = "na"
		m.who = "staff"
		if i >= len(dstMsgs) {
			m.body = pick([]string{"Same problem as my colleague reported earlier - ", "Another one: ", "Hi, ", "Another one just now: "}) + strings.ToLower(m.body[:1]) + m.body[1:]
			if chance(0.5) {
				m.subj = "Re: " + m.subj
			}
		}
		add(dstA.Add(time.Duration(r.Float64()*float64(dstB.Sub(dstA)))), m, "inc-dst-booking-times")
	}
	add(at(0, 15, 20), msg{subj: "Heures de rendez-vous décalées", body: "Bonjour, les rendez-vous pris en ligne apparaissent une heure plus tôt dans notre agenda depuis le changement d'heure.", lang: "fr", region: "na", src: "email"}, "inc-dst-booking-times")
}

// ---------------------------------------------------------------- look-alikes

func genLookAlikes() {
	type la struct {
		a, b time.Time
		m    msg
	}
	loginA, loginB := at(2, 15, 38), at(2, 17, 52)
	vidA, vidB := at(4, 14, 12), at(4, 15, 38)
	smsA, smsB := at(1, 7, 20), at(1, 10, 5)
	payA, payB := at(3, 17, 52), at(3, 19, 25)
	dstA, dstB := at(0, 13, 10), at(0, 23, 50)
	list := []la{
		// login feature, inside the identity outage, but a different problem
		{loginA, loginB, msg{subj: "Logged in but schedule is blank", body: "I can log in fine, but Dr. Patel's column in the day view is empty even though she has 8 patients today. Other clinicians show normally."}},
		{loginA, loginB, msg{subj: "After login it opens the wrong location", body: "When I sign in it always takes me to our Eastside location instead of Main St. I have to switch every time. Started after you added the location picker I think."}},
		{loginA, loginB, msg{subj: "Login page in Spanish", body: "Weird one - the login page and the whole app switched to Spanish for me. My language setting still says English."}},
		{loginA, loginB, msg{subj: "Can't see clinical notes tab after signing in", body: "New physio joined, she can sign in but there's no Notes tab for her. I think it's her role but I can't find where to change it."}},
		{loginA, loginB, msg{subj: "2FA every single time", body: "I tick 'remember this device for 30 days' but it asks me for the 2FA code every time I log in. Annoying more than urgent."}},
		{loginA, loginB, msg{subj: "Patient portal - intake form won't submit", body: "Patients can log in to the portal fine but when they press Submit on the new intake form nothing happens. Only that form, the old one works.", who: "staff"}},
		{loginA, loginB, msg{subj: "session timeout too short", body: "We keep getting logged out after 15 minutes of not touching the computer. Can the timeout be longer? We're in and out of treatment rooms."}},
		{loginA, loginB, msg{subj: "Video visit: screen share button missing", body: "In video visits I don't have the share screen button any more. I use it to show X-rays. The visit itself works."}},
		{loginA, loginB, msg{subj: "Patient's camera is upside down in video visit", body: "One of our patients joins from an Android tablet and her picture is upside down. Audio fine."}},
		{loginA, loginB, msg{subj: "Login with Microsoft button gone?", body: "we used to have a 'Sign in with Microsoft' button but today I only see email + password and the clinic account button. Did you remove it?"}},
		{loginA, loginB, msg{subj: "Portal logo", body: "Patients log in to the portal and see our old logo. We uploaded the new one yesterday."}},
		{loginA, loginB, msg{subj: "Waiting room chime", body: "When a patient checks in for a video visit I don't hear the chime any more. I can see them in the list though."}},
		// video, inside the video degradation window, other symptoms
		{vidA, vidB, msg{subj: "Virtual background not available", body: "The blur background option is greyed out for me in video visits. My colleague has it."}},
		{vidA, vidB, msg{subj: "Patient can't find the video link", body: "A patient says the video visit email doesn't have a join button. I checked and the template has the {{visit_link}} placeholder, maybe I broke it editing the template?"}},
		{vidA, vidB, msg{subj: "Video visit recording", body: "Where do recordings of video visits end up? I recorded one this morning and can't find it."}},
		{vidA, vidB, msg{subj: "Camera not detected", body: "My laptop camera isn't detected in ClinicQ video visits, but it works in Teams. Safari on a Mac."}},
		{vidA, vidB, msg{subj: "video visit shows wrong clinician name", body: "Patient's waiting screen says 'Your visit with Dr. Hughes' but it's with me. Dr Hughes left months ago."}},
		{vidA, vidB, msg{subj: "Telehealth invoice not created", body: "After a video visit finishes it used to create the invoice automatically. Since this week it doesn't."}},
		{vidA, vidB, msg{subj: "Echo on my end", body: "Patient hears an echo of their own voice when talking to me. Only with me, I'm using my laptop speakers not headphones."}},
		// SMS, inside the SMS delay, but different
		{smsA, smsB, msg{subj: "Reminder text has the old address", body: "Our reminder SMS still says 12 Mill Road but we moved to the new building. Where do I change the address in the text?", region: "eu"}},
		{smsA, smsB, msg{subj: "Clinic name cut off in SMS", body: "The SMS reminders show our clinic name cut off halfway through the second word. Is there a character limit for sender name?", region: "eu"}},
		{smsA, smsB, msg{subj: "One patient got two reminders", body: "Mrs. Brennan got the same reminder twice yesterday evening. Only her as far as I know.", region: "eu"}},
		{smsA, smsB, msg{subj: "patient replied STOP", body: "A patient replied STOP by accident and now she gets no texts. How do I switch her back on?", region: "eu"}},
		{smsA, smsB, msg{subj: "Reminders in wrong language", body: "Our German-speaking patients get the reminder in English. Patient language is set to Deutsch.", region: "eu"}},
		// payments, inside the decline spike, different
		{payA, payB, msg{subj: "Receipt shows wrong tax", body: "The receipt for deposits shows 0% tax but we set 5% GST for products. Not urgent.", region: "na"}},
		{payA, payB, msg{subj: "Refund not showing", body: "I refunded a patient on Monday and it still says 'pending' in ClinicQ. The patient is asking.", region: "na"}},
		{payA, payB, msg{subj: "Deposit amount $0", body: "For our new 'Invisalign consult' service the booking widget shows deposit $0.00 even though I set $50.", region: "na"}},
		{payA, payB, msg{subj: "Payout late", body: "Our weekly payout to the bank hasn't arrived yet, normally it's there by Thursday.", region: "na"}},
		{payA, payB, msg{subj: "card saved twice", body: "A patient's card appears twice on file with the same last 4 digits. Which one do I delete?", region: "na"}},
		// bookings, during our own DST bug, other problems
		{dstA, dstB, msg{subj: "Saturday slots not showing", body: "We opened Saturdays from this week but the booking widget doesn't show Saturday at all.", region: "na"}},
		{dstA, dstB, msg{subj: "Booking widget shows therapist who left", body: "Patients can still pick Jen in the online booking, she left in October. I deactivated her account.", region: "na"}},
		{dstA, dstB, msg{subj: "Buffer time not applied", body: "I set 10 min buffer after each appointment but the online booking offers back to back slots.", region: "na"}},
		{dstA, dstB, msg{subj: "Booking confirmation has old logo", body: "The booking confirmation emails still show our old logo.", region: "na"}},
		{dstA, dstB, msg{subj: "Widget not loading on our website", body: "The booking widget on our Wix site shows a blank box since we changed the theme. Works on the direct link.", region: "na"}},
	}
	for _, x := range list {
		if x.m.who == "" {
			x.m.who = "staff"
		}
		add(timeIn(x.a, x.b, ""), x.m, "look-alike")
	}
}

// ---------------------------------------------------------------- hard negatives

// Individual problems that read like an outage. Each is written on its own;
// win says where it lands ("" = anywhere in the week).
type hn struct {
	win string
	m   msg
}

var hardNegatives = []hn{
	// --- staff: passwords, lockouts, 2FA, SSO on their side
	{"login", msg{subj: "Can't log in", body: "I think I've forgotten my password. I changed it last week and now none of the ones I remember work. Can you reset it?", who: "staff"}},
	{"login", msg{subj: "locked out", body: "It says my account is locked after too many attempts. I've got patients in 10 min, can you unlock me?", who: "staff"}},
	{"login", msg{subj: "new phone - no 2FA", body: "Got a new phone at the weekend and the authenticator app didn't transfer. Now I can't get past the code screen. Everyone else here can log in fine.", who: "staff"}},
	{"login", msg{subj: "", body: "hi its only me that cant log in, the girls at reception are fine. it says my details are wrong but i am typing them right!!", who: "staff", src: "chat"}},
	{"login", msg{subj: "Login problem - after IT changes", body: "Our IT company moved us to a new Microsoft tenant yesterday and since then 'Sign in with your clinic account' says 'user not found in directory'. Is there something we need to update in ClinicQ?", who: "manager"}},
	{"login", msg{subj: "Reset link not arriving", body: "I requested a password reset 3 times in the last hour and nothing came. Checked junk. My email is the old practice one maybe? We changed domain in the summer.", who: "staff"}},
	{"login", msg{subj: "Patient can't log in", body: "One patient (only one) says her magic link 'has expired'. She's clicking the one from last Thursday I think. Can I send her a new one?", who: "staff"}},
	{"login", msg{subj: "video visit - patient stuck", body: "A single patient can't get into her video visit, everyone else today was fine. She's on a very old iPad, iOS 12. Is that supported?", who: "staff"}},
	{"login", msg{subj: "Cannot sign in on the new reception PC", body: "New PC at reception, login page shows 'This site can't be reached'. Old PC is fine with the same account. I guess it's the firewall the IT guy set up?", who: "staff"}},
	{"login", msg{subj: "urgent - password", body: "Dr Fischer is locked out, she put her password in wrong 5 times. Please unlock asap she has video visits all afternoon", who: "manager"}},
	{"login", msg{subj: "Error when logging in", body: "I get 'Your organisation requires single sign-on'. I've always used a password before?? Did my manager change something?", who: "staff"}},
	{"login", msg{subj: "Patient magic link", body: "Patient says the login email goes to her ex-husband's address. She wants it changed to hers obviously. How do we do that without him clicking it?", who: "staff"}},
	{"login", msg{subj: "code never comes", body: "the text with the login code never comes to my phone. I'm abroad this week, roaming. does it work with foreign numbers?", who: "staff"}},
	{"video", msg{subj: "Video visit won't connect - one patient", body: "Patient on a hospital guest wifi can't connect, spins on 'connecting'. Tried with her 4G and it worked. Just letting you know in case it happens again.", who: "staff"}},
	{"video", msg{subj: "no sound on my video calls", body: "Nobody can hear me in video visits. I think it's since I plugged in the new headset? My mic shows as 'Headset (Jabra)' in the settings.", who: "staff"}},
	{"video", msg{subj: "camera blocked", body: "Video visit says 'camera permission denied'. I clicked Block by mistake last week I think.", who: "staff"}},
	{"video", msg{subj: "Video freezing for one clinician", body: "Only Martin's room has this, the video freezes. He's at the back of the building, wifi is weak there. Any recommended bandwidth?", who: "manager"}},
	{"sms", msg{subj: "Patient says no text reminder", body: "Mr. Walsh says he never gets text reminders. His number in the system is a landline though, I just noticed. Can landlines get texts?", who: "staff", region: "eu"}},
	{"sms", msg{subj: "SMS to one patient failing", body: "One number keeps failing with 'invalid number'. It's an Irish number typed as 087... without the +353. Is that the problem?", who: "staff", region: "eu"}},
	{"sms", msg{subj: "reminder didn't come", body: "Hi my dentist said I would get a text the day before but I never did. My number changed recently, maybe they have the old one.", who: "patient"}},
	{"sms", msg{subj: "Reminder SMS", body: "we turned reminders off by accident for the physio calendar I think, nobody in that calendar got one. How do I turn it back on?", who: "staff", region: "eu"}},
	{"pay", msg{subj: "card declined", body: "Patient's card was declined for her deposit. She says it's a new card and she hasn't activated it yet, does that matter?", who: "staff", region: "na"}},
	{"pay", msg{subj: "Declined", body: "Our card on file for the ClinicQ subscription got declined, I got an email. Card expired last month. Where do I update it?", who: "manager", region: "na"}},
	{"pay", msg{subj: "can't pay", body: "trying to pay my invoice online, it says the billing zip code doesnt match. i moved recently", who: "patient"}},
	{"pay", msg{subj: "Payment failed for patient", body: "One patient's payment failed with 'insufficient funds'. Does ClinicQ retry or do I need to ask her again?", who: "staff", region: "na"}},
	{"dst", msg{subj: "appointment time wrong", body: "I booked one patient at 3 instead of 4, my mistake. Can I move it without the patient getting a second confirmation email?", who: "staff", region: "na"}},
	{"dst", msg{subj: "Calendar showing odd times", body: "My calendar shows appointments in a different time zone. I'm working from our Vancouver office this week, my laptop still set to Toronto time. Is that why?", who: "staff", region: "na"}},
	{"email", msg{subj: "patient didn't get confirmation email", body: "Patient says she didn't get her booking confirmation. She spelled her email address 'gmial.com'. Can I resend after fixing it?", who: "staff"}},
	{"email", msg{subj: "Emails from ClinicQ going to spam", body: "Our staff invitations went to junk folder. Is there something we should whitelist?", who: "manager"}},

	// --- anywhere in the week
	{"", msg{subj: "Forgot password", body: "Forgot my password. The reset email says the link is expired by the time I open it (I opened it the next morning).", who: "staff"}},
	{"", msg{subj: "cant login!!!!", body: "WHY does it keep saying my email or password is wrong. I've used the same password for 2 years", who: "staff"}},
	{"", msg{subj: "Locked account", body: "Good morning, I am locked out of my account after entering my password incorrectly. Could you please unlock it? Many thanks.", who: "staff"}},
	{"", msg{subj: "", body: "lost my phone yesterday so no 2fa codes. how do i get back in? I'm the only admin", who: "manager", src: "chat"}},
	{"", msg{subj: "Authenticator app", body: "I deleted the authenticator app by accident while clearing space on my phone. Can't log in now. Can you turn off 2-step for me so I can set it up again?", who: "staff"}},
	{"", msg{subj: "Login email", body: "I can't log in because my account is under my maiden name email which doesn't exist any more. Can you change it to my new one?", who: "staff"}},
	{"", msg{subj: "Old email address on account", body: "Our previous practice manager set up the account with her personal email. She's left. Now nobody can get the admin reset link. Help.", who: "manager"}},
	{"", msg{subj: "Reset password not working", body: "reset password link says invalid token. I clicked it from my phone but I'm resetting on the pc, is that a problem", who: "staff"}},
	{"", msg{subj: "SSO not working after we changed settings", body: "Our IT changed the SSO settings on Friday (new certificate I think). Since then 'clinic account' login gives 'signature validation failed'. Password login for the admin still works.", who: "manager"}},
	{"", msg{subj: "Firewall?", body: "Hospital IT put in a new web filter and now ClinicQ shows a certificate warning on our network only. From home it's fine. What domains do we need to allow?", who: "manager"}},
	{"", msg{subj: "Login page blank", body: "login page is blank white for me. turns out its the ad blocker extension, disabled it and its fine. but maybe you should know", who: "staff"}},
	{"", msg{subj: "Nothing loads", body: "ClinicQ doesn't load since I installed the new antivirus (it's a browser add-on too). Turned the add-on off = works. Is ClinicQ on some blocklist?", who: "staff"}},
	{"", msg{subj: "Patient can't get in", body: "Patient says she can't log in to the portal. Turns out she has two accounts, one with her work email. Can we merge them?", who: "staff"}},
	{"", msg{subj: "magic link expired", body: "Every time my mum clicks the link to log in it says expired. She clicks it the day after. How long do the links last?", who: "patient"}},
	{"", msg{subj: "login link", body: "The login link in the email opens in the Outlook app browser and then says 'open this link on the same device you requested it'. I did?!", who: "patient"}},
	{"", msg{subj: "I can't log in", body: "Hello. I am 78 and my grandson usually helps. The website asks for a code. I don't know which code. My appointment is Thursday.", who: "patient"}},
	{"", msg{subj: "Patient locked out", body: "Patient tried her date of birth wrong too many times on the portal and is locked out. How long until it unlocks?", who: "staff"}},
	{"", msg{subj: "It keeps saying my details are wrong", body: "It keeps saying my details are wrong when I try to check in for my video appointment. I'm using my date of birth in US format, is it supposed to be day first?", who: "patient"}},
	{"", msg{subj: "2fa", body: "new phone, same number. still no codes. the old phone is in a drawer and it STILL gets them?? how", who: "staff", src: "chat"}},
	{"", msg{subj: "Help - new receptionist can't log in", body: "Our new receptionist started today, I sent her an invite on Friday but the invite link says expired. Can I send another?", who: "manager"}},
	{"", msg{subj: "invitation email never arrived", body: "Invited our new hygienist twice, she hasn't received anything. Her email is on the clinic's own mail server which is a bit... temperamental.", who: "manager"}},
	{"", msg{subj: "Kann mich nicht einloggen", body: "Hallo, ich habe mein Passwort vergessen und der Link zum Zurücksetzen kommt nicht an. Spam-Ordner schon geprüft. Meine E-Mail hat sich im Sommer geändert.", who: "staff", lang: "de"}},
	{"", msg{subj: "Konto gesperrt", body: "Mein Konto ist nach mehreren Fehlversuchen gesperrt. Bitte entsperren. Danke, A.", who: "staff", lang: "de"}},
	{"", msg{subj: "Mot de passe oublié", body: "Bonjour, j'ai changé de téléphone et je ne reçois plus le code de vérification. Les autres collègues n'ont aucun problème. Pouvez-vous réinitialiser la double authentification ?", who: "staff", lang: "fr"}},
	{"", msg{subj: "No me llega el código", body: "Hola, no me llega el código de verificación por SMS, creo que porque cambié de número. Mis compañeras entran sin problema.", who: "staff", lang: "es"}},
	{"", msg{subj: "Wachtwoord", body: "Ik ben mijn wachtwoord vergeten en de resetmail komt niet aan. Alleen ik heb dit probleem.", who: "staff", lang: "nl"}},
	{"", msg{subj: "Video visit doesn't start", body: "Patient's video visit didn't start because she opened the link in Facebook's in-app browser. Once she used Chrome it worked. Maybe add a warning?", who: "staff"}},
	{"", msg{subj: "video doesnt work", body: "i cant see the doctor on my video call, only black. my phone says camera is being used by another app", who: "patient"}},
	{"", msg{subj: "Telehealth: patient couldn't join", body: "Patient couldn't join the video visit from her work laptop - corporate network blocks it apparently. She joined from her phone in the car park in the end.", who: "staff"}},
	{"", msg{subj: "video visit error for me only", body: "When I click start video visit, I get 'no camera found'. I'm on the desktop in room 3 which doesn't have a camera. Duh. Sorry. But could the error be clearer?", who: "staff"}},
	{"", msg{subj: "Video", body: "Is there a problem with video? I couldn't start my 2pm. (Update: the visit was booked as in-person, not video, so there was no link. My bad.)", who: "staff"}},
	{"", msg{subj: "texts not arriving", body: "Patient (only her) isn't getting any SMS. She has 'block unknown senders' turned on on her iPhone she just told me.", who: "staff"}},
	{"", msg{subj: "SMS reminders", body: "We ran out of SMS credits I think - the reminders page says 'balance too low'. How do I buy more?", who: "manager"}},
	{"", msg{subj: "reminder went to wrong person", body: "A reminder went to the wrong phone number - the patient's old number, which now belongs to someone else, who is quite annoyed. How do I stop this?", who: "staff"}},
	{"", msg{subj: "Not receiving reminders", body: "Why did I not get a reminder for my appointment this morning? I missed it and now I'm being charged a no-show fee. (I had unsubscribed from emails last year, is that why?)", who: "patient"}},
	{"", msg{subj: "Card declined for our subscription", body: "Got an email that payment for our ClinicQ plan failed. Our bank replaced our card after a fraud alert. Please send the link to update.", who: "manager"}},
	{"", msg{subj: "patient card declined repeatedly", body: "Same patient, 4 declines in a row this morning. Other patients pay fine. Her bank said they blocked it for suspected fraud.", who: "staff"}},
	{"", msg{subj: "Payment error", body: "When I try to take a payment it says 'card reader not connected'. The reader's battery was flat. Charging now, sorry.", who: "staff"}},
	{"", msg{subj: "Refused payment", body: "Patient from the UK trying to pay in CAD, her bank declined the foreign transaction. Is there a way to charge in GBP?", who: "staff", region: "na"}},
	{"", msg{subj: "the code never comes", body: "the code never comes. I've pressed resend 10 times. My number ends 4471, is that right on your side?", who: "patient"}},
	{"", msg{subj: "Can't get into my account", body: "Hi, I can't get into my account since I changed my email with my clinic. Which email should I be using?", who: "patient"}},
	{"", msg{subj: "login", body: "login not working", who: "staff", src: "api"}},
	{"", msg{subj: "Access", body: "Dear Sir/Madam,\n\nI am writing to request assistance regarding access to the ClinicQ system. Since returning from annual leave my password no longer works. I believe it may have expired under our practice's 90-day policy.\n\nYours faithfully", who: "staff"}},
	{"", msg{subj: "Account disabled?", body: "It says 'your account has been deactivated'. I'm a locum, was I removed when my contract ended? I'm back for two weeks.", who: "staff"}},
	{"", msg{subj: "cannot log in on mobile app", body: "Mobile app says 'please update to continue'. App store says no update. I'm on an old Android 8 phone.", who: "staff"}},
	{"", msg{subj: "Portal login loop", body: "Patient is stuck in a login loop in the portal - she's on Safari with 'block all cookies' turned on. Told her to turn it off, worked. FYI.", who: "staff"}},
	{"", msg{subj: "Wrong email on patient record", body: "We typed a patient's email wrong, so her magic link went nowhere. Fixed now but she got 2 no-show reminders meanwhile and is upset.", who: "staff"}},
	{"", msg{subj: "my login doesnt work anymore!!", body: "this is ridiculous I have been trying for 20 minutes. I just want to see my invoice. (email: I think I used my work one? not sure)", who: "patient"}},
	{"", msg{subj: "SSO - new staff member", body: "New physio can't sign in with the clinic account button - 'user is not assigned to this application'. Our IT says it's on your side, is it?", who: "manager"}},
	{"", msg{subj: "password reset email expired", body: "The password reset email says it's valid for 30 minutes. It took 45 minutes to arrive because our mail server is slow today (IT is on it). Can you extend it?", who: "staff"}},
	{"", msg{subj: "can't log in from home", body: "I can log in at work but not from home. I suspect our clinic restricted logins to the office IP - where do I check that?", who: "staff"}},
	{"", msg{subj: "", body: "Hi I think my account was hacked?? I got a 'new sign in' email from ClinicQ at 3am and it wasn't me. Now my password doesn't work. Please lock it.", who: "staff", src: "email"}},
	{"", msg{subj: "caps lock", body: "never mind. caps lock. sorry!!", who: "staff"}},
	{"", msg{subj: "Login fails with 'organisation suspended'", body: "Can't log in - 'organisation suspended'. I think our invoice didn't get paid, our bookkeeper is on leave. How can we pay today?", who: "manager"}},
	{"", msg{subj: "Two-factor", body: "I'm the practice manager. One of our dentists lost her phone on holiday. Can you reset her 2FA or do I do that in settings?", who: "manager"}},
	{"", msg{subj: "Patient not receiving login code", body: "Patient can't log in because the code goes to email and her inbox is full (she showed me, 15GB of 15GB). Just logging it.", who: "staff"}},
	{"", msg{subj: "video call keeps dropping", body: "My video calls keep dropping when I'm on the train. Is there a low-bandwidth mode?", who: "patient"}},
	{"", msg{subj: "Appointment reminder email never arrived", body: "A patient's email provider is bouncing our reminders ('mailbox unavailable'). Is there a list of bounced addresses somewhere?", who: "staff"}},
	{"", msg{subj: "Can't log in on shared computer", body: "On the shared front desk computer it always logs in as Sarah, even when I type my own email. Must be the saved password in Chrome?", who: "staff"}},
	{"", msg{subj: "URGENT!!!!!", body: "cant access patients list, says no permission. i was admin yesterday!!!", who: "staff"}},
	{"", msg{subj: "Re: Login", body: "Still can't log in. I did what you said and cleared the cookies. I'm on the clinic's Windows 7 computer if that matters.", who: "staff"}},
	{"", msg{subj: "I got a new phone and now", body: "I got a new phone and now the ClinicQ app says 'device not recognised' and wants a code sent to my old email which I can't access anymore. Please help, stuck.", who: "staff"}},
	{"", msg{subj: "Patient says magic link opens someone else's account?", body: "Patient clicked a login link and saw her daughter's appointments. Turns out they share one email address and both have accounts. Is that allowed?", who: "staff"}},
	{"", msg{subj: "Calendar sync stopped", body: "My Google calendar stopped syncing with ClinicQ. I changed my Google password yesterday, probably needs reconnecting?", who: "staff"}},
	{"", msg{subj: "Outlook sync broken for me", body: "Outlook calendar sync stopped for me only. IT revoked old app permissions this week.", who: "staff"}},
	{"", msg{subj: "eligibility check failing", body: "Insurance eligibility check fails for one patient, 'member not found'. Her insurance card shows a new member ID from January. Updating it.", who: "staff", region: "na"}},
	{"", msg{subj: "portal says session expired constantly", body: "portal says session expired every few minutes on my laptop. My laptop clock is wrong by 20 min, would that do it? Can't change it, IT locked it.", who: "patient"}},
}

func genHardNegatives() {
	wins := map[string][2]time.Time{
		"login": {at(2, 15, 38), at(2, 17, 52)},
		"video": {at(4, 14, 12), at(4, 15, 38)},
		"sms":   {at(1, 7, 20), at(1, 10, 5)},
		"pay":   {at(3, 17, 52), at(3, 19, 25)},
		"dst":   {at(0, 13, 10), at(0, 23, 50)},
		"email": {at(1, 19, 55), at(1, 21, 20)}, // Postlark's no-impact incident
	}
	var made []*Ticket
	for _, h := range hardNegatives {
		var t time.Time
		if w, ok := wins[h.win]; ok {
			t = timeIn(w[0], w[1], "")
		} else {
			region := "eu"
			if h.m.region == "na" || (h.m.region == "" && chance(0.55)) {
				region = "na"
			}
			if h.m.lang == "" || h.m.lang == "en" {
				h.m.region = region
			} else {
				region = orgsLang(h.m.lang)[0].Region
			}
			t = workTime(region)
		}
		made = append(made, add(t, h.m, "hard-negative"))
	}
	// A few repeats of the commonest shapes elsewhere in the week, and chasers.
	extra := []msg{
		{subj: "password", body: "need a password reset please", who: "staff"},
		{subj: "Forgotten password", body: "Hi, I've forgotten my password and the reset email isn't in my inbox. I've only just been added as a user so maybe my email is spelt wrong on the account?", who: "staff"},
		{subj: "Locked out again", body: "Locked out again after too many tries. Second time this month. Can the limit be raised?", who: "staff"},
		{subj: "login code", body: "The login code doesn't arrive on my phone. Everyone else here gets theirs.", who: "staff", src: "chat"},
		{subj: "can't log in to the portal", body: "My patient portal says my account doesn't exist. I booked over the phone so maybe the clinic never set one up?", who: "patient"},
		{subj: "2 step verification", body: "I changed phone numbers, now I can't get the 2-step code. How do I update my number without logging in?", who: "staff"},
	}
	for i := 0; i < 2; i++ {
		extra[i].region = pick([]string{"eu", "na"})
		made = append(made, add(workTime(extra[i].region), extra[i], "hard-negative"))
	}
	for i := 0; i < 1; i++ {
		p := made[r.IntN(len(made))]
		followUp(p, p.at.Add(time.Duration(1+r.IntN(20))*time.Hour), pick([]string{"any update on this?", "Hello? Still waiting.", "Following up on my email below.", "Sorted it, thanks anyway.", "Hi again - is someone able to look at this today?"}))
	}
}

// ---------------------------------------------------------------- background

var background = []msg{
	{subj: "How do I add a new service?", body: "We've started offering dry needling. How do I add it as a service with its own price and length?"},
	{subj: "Change appointment length", body: "Can I make follow-up appointments 30 min instead of 45 for just one physio?"},
	{subj: "Export patient list", body: "We need to export our patient list to Excel for our accountant (names and postcodes only). Is there a way?"},
	{subj: "Data export for audit", body: "Our regulator wants a list of all appointments in October with clinician and outcome. What's the best report?"},
	{subj: "Add a staff member", body: "How do I add a new receptionist? She starts Monday. Does it cost extra per user?"},
	{subj: "Remove user", body: "Please remove Tom from our account, he's left the practice. Or can I do it myself?"},
	{subj: "Invoice question", body: "Our invoice this month is higher than usual. Can you explain the extra line 'SMS overage'?"},
	{subj: "VAT number on invoice", body: "Please add our VAT number to our ClinicQ invoices going forward. Number attached."},
	{subj: "Upgrade plan", body: "We're opening a second location in January. Which plan do we need for 2 locations?"},
	{subj: "Cancel subscription", body: "We are closing the practice at the end of December. How do we cancel and get our data out?"},
	{subj: "Feature request: waitlist", body: "It would be great to have a waitlist so that when someone cancels, the next person gets offered the slot automatically."},
	{subj: "Feature request", body: "Could you add a dark mode? The screen is very bright in our treatment rooms."},
	{subj: "Recurring appointments", body: "Is it possible to book a patient every Tuesday at 10 for 6 weeks in one go?"},
	{subj: "Google Calendar sync question", body: "If I connect my Google calendar, will patients' names show up in it? We don't want that for privacy reasons."},
	{subj: "Outlook calendar", body: "How do I connect my Outlook calendar so my personal appointments block out my availability?"},
	{subj: "Integration with Xero", body: "Do you integrate with Xero? Our bookkeeper wants invoices to go over automatically."},
	{subj: "QuickBooks", body: "Is there a QuickBooks Online integration or do we export CSVs?"},
	{subj: "Intake forms", body: "Can I make a custom intake form with a body diagram where patients mark where it hurts?"},
	{subj: "Consent forms", body: "How do we get patients to sign a consent form before their first visit? Ideally online."},
	{subj: "Booking widget on website", body: "How do I put the booking widget on our Squarespace site? I found the code snippet but not sure where it goes."},
	{subj: "Widget colours", body: "Can I change the booking widget button colour to match our branding (#2a7f62)?"},
	{subj: "Cancellation policy text", body: "Where do I edit the cancellation policy text patients see when they book online?"},
	{subj: "No-show fee", body: "Can ClinicQ charge a no-show fee automatically from the card on file? How do we set that up?"},
	{subj: "Deposits", body: "We want to take a 20% deposit only for new patients. Is that possible?"},
	{subj: "Reminder timing", body: "Can we send the SMS reminder 48 hours before instead of 24?"},
	{subj: "Reminder template", body: "How do I add our parking instructions to the email reminder?"},
	{subj: "SMS pricing", body: "How much does each SMS cost in Canada? We're thinking of turning on text reminders."},
	{subj: "Insurance eligibility", body: "How does the insurance eligibility check work? Do we need a separate account with a clearing house?"},
	{subj: "Eligibility response meaning", body: "The eligibility check came back 'active - coverage limited'. What does limited mean here?"},
	{subj: "Telehealth for group sessions", body: "Can more than one patient join a video visit? We want to run a group pilates class online."},
	{subj: "Video visit on phone", body: "Do patients need to download an app for video visits, or does it work in the browser?"},
	{subj: "Clinical notes templates", body: "Is there a SOAP note template? Or can I import my own?"},
	{subj: "Printing the day sheet", body: "How do I print tomorrow's schedule for the front desk? The print button prints the whole week."},
	{subj: "Reports - revenue by clinician", body: "Is there a report showing revenue per clinician per month?"},
	{subj: "Patient merge", body: "We have duplicate patients (same person, two records). How do we merge them?"},
	{subj: "Delete patient data", body: "A patient has asked us to delete all her data (GDPR request). What's the process in ClinicQ?"},
	{subj: "Data processing agreement", body: "Can you send us your Data Processing Agreement and list of sub-processors? Our DPO needs it."},
	{subj: "HIPAA BAA", body: "We need a signed BAA before we start using video visits. Who do I contact?"},
	{subj: "Staff permissions", body: "Can I stop reception staff from seeing clinical notes but still let them book?"},
	{subj: "Multiple locations", body: "How do I set different opening hours for our two sites?"},
	{subj: "Holiday closure", body: "We're closed 24 Dec - 2 Jan. How do I block the online booking for those days?"},
	{subj: "Online booking for existing patients only", body: "Can we restrict online booking to existing patients?"},
	{subj: "Bulk SMS", body: "Can we send a text to all patients to say we're closed on Friday due to the building works?"},
	{subj: "Training session", body: "Do you offer a training call for new staff? We have 3 new people starting."},
	{subj: "Gift vouchers", body: "Any plans to support gift vouchers? Christmas is coming!"},
	{subj: "Class bookings", body: "Can patients book into classes (max 8 people) through the widget?"},
	{subj: "Importing from another system", body: "We're moving from our old system. Can you import our patients and future appointments from a CSV?"},
	{subj: "API access", body: "Do you have an API? We'd like to pull appointments into our own dashboard."},
	{subj: "Receipt format", body: "Can the receipt show the clinician's registration number? Some insurers require it."},
	{subj: "Superbill", body: "Can ClinicQ produce a superbill for patients to submit to their insurance themselves?"},
	{subj: "Change clinic email address", body: "We changed our clinic email. Where do I update the reply-to address on reminders?"},
	{subj: "Patient portal features", body: "Can patients see their past invoices in the portal? One asked."},
	{subj: "Apple calendar", body: "Patients ask for an 'add to Apple calendar' button in the confirmation email. Is that possible?"},
	{subj: "Room booking", body: "Can we assign rooms to appointments so two physios don't end up in the same room?"},
	{subj: "Price increase", body: "We're raising prices from 1 January. If I change the price now, will it change existing bookings?"},
	{subj: "Card terminal", body: "Which card terminals work with ClinicQ payments? Ours is very old."},
	{subj: "Payouts schedule", body: "Can we get payouts daily instead of weekly?"},
	{subj: "Feedback", body: "Just wanted to say the new calendar view is great, much faster. Thanks!"},
	{subj: "Annual plan discount", body: "Is there a discount if we pay yearly?"},
	{subj: "Patient reviews", body: "Can we send patients a link to leave a Google review after their appointment?"},
	{subj: "Accessibility", body: "A patient who uses a screen reader says the booking widget is hard to use. Is it WCAG compliant?"},
	{subj: "Language of booking widget", body: "Can the booking widget show in French for our Montreal patients?"},
	{subj: "Calendar colours", body: "Can each appointment type have its own colour in the calendar?"},
	{subj: "Phone number format", body: "Why does ClinicQ add +1 to every phone number we type?"},
	{subj: "Referral letters", body: "Is there a way to attach a GP referral letter to a patient record?"},
	{subj: "Storage limit", body: "Is there a limit on how many files we can upload to patient records?"},
	{subj: "Sales question", body: "Hi, we're a 3-chair dental practice looking to switch. Could someone give us a demo next week?"},
	{subj: "Trial extension", body: "Could we extend our trial by a week? Our practice manager was off sick."},
	{subj: "Outcome measures", body: "Can we track outcome measures (like pain scores) over time per patient?"},
	{subj: "Exercise programs", body: "Do you have an exercise prescription library for physios or integrate with one?"},
	{subj: "", body: "How do I change the time slot interval in online booking from 15 to 30 minutes?"},
	{subj: "Question", body: ""},
	{subj: "Where is the setting for appointment confirmations?", body: ""},
	{subj: "Terminvorlagen", body: "Hallo, wie kann ich eine neue Terminart mit 20 Minuten anlegen? Danke.", lang: "de"},
	{subj: "Rechnung", body: "Können Sie uns die Rechnung für Oktober noch einmal zuschicken? Wir finden sie nicht.", lang: "de"},
	{subj: "Export des données", body: "Bonjour, comment exporter la liste des rendez-vous du mois dernier ? Merci.", lang: "fr"},
	{subj: "Facture", body: "Bonjour, pouvez-vous ajouter notre numéro SIRET sur les factures ?", lang: "fr"},
	{subj: "Pregunta sobre recordatorios", body: "Hola, ¿se pueden enviar los recordatorios por WhatsApp en lugar de SMS?", lang: "es"},
	{subj: "Nieuwe medewerker", body: "Hoe voeg ik een nieuwe fysiotherapeut toe aan ons account?", lang: "nl"},
}

var bgVariations = []string{"", "", "", "Thanks in advance!", "Sorry if this is a silly question.", "We're quite new to ClinicQ.", "No rush.", "I couldn't find it in the help centre.", "Our practice manager asked me to check.", "Cheers"}

func genBackground() {
	for i := 0; i < 405; i++ {
		m := background[r.IntN(len(background))]
		if m.body != "" && m.lang == "" {
			if v := pick(bgVariations); v != "" {
				m.body += " " + v
			}
			if chance(0.08) {
				m.body = strings.ToLower(m.body)
			}
		}
		if m.who == "" {
			m.who = "staff"
			if chance(0.2) {
				m.who = "manager"
			}
		}
		region := "eu"
		if chance(0.55) {
			region = "na"
		}
		if m.lang == "" {
			m.region = region
		} else {
			for _, o := range orgsLang(m.lang) {
				region = o.Region
				break
			}
		}
		add(workTime(region), m, "background")
	}
	// Patients writing in directly about ordinary things.
	pmsgs := []msg{
		{subj: "Cancel my appointment", body: "Hi, I need to cancel my appointment on Friday but I can't find how. Can you do it?"},
		{subj: "Invoice for insurance", body: "Can I get an invoice with the clinic's provider number for my insurance claim?"},
		{subj: "unsubscribe", body: "please stop sending me marketing emails"},
		{subj: "Which clinic?", body: "I got a reminder but I go to two clinics that use your system, which one is it from?"},
	}
	for i := 0; i < 14; i++ {
		m := pick(pmsgs)
		m.who = "patient"
		m.region = pick([]string{"eu", "na"})
		add(workTime(m.region), m, "background")
	}
}

func genAutoReplies() {
	// Out-of-office replies to our ticket notifications, and bounces.
	for i := 0; i < 9; i++ {
		t := workTime(pick([]string{"eu", "na"}))
		if i == 0 {
			t = at(2, 16, 31) // one lands in the middle of the identity outage
		}
		o := pick(orgs)
		p := pick(o.Staff)
		tickets = append(tickets, &Ticket{at: t, Ticket: weekgen.Ticket{Source: "email", Org: o.Name, CustomerName: p.Name, CustomerEmail: p.Email, Label: "background", Subject: pick([]string{"Automatic reply: Your ClinicQ request has been received", "Out of Office: Re: [ClinicQ] Your request", "Abwesenheitsnotiz: Ihre Anfrage bei ClinicQ", "Auto: Re: [ClinicQ] Ticket update"}), Body: pick([]string{
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
		o := pick(orgs)
		tickets = append(tickets, &Ticket{at: t, Ticket: weekgen.Ticket{Source: "email", CustomerEmail: "MAILER-DAEMON@mx." + o.Domain, CustomerName: "Mail Delivery System", Label: "background", Subject: pick([]string{"Undelivered Mail Returned to Sender", "Delivery Status Notification (Failure)", "Mail delivery failed: returning message to sender"}), Body: fmt.Sprintf("This is the mail system at host mx.%s.\n\nI'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients.\n\n<%s@%s>: host mx.%s said: 550 5.1.1 User unknown (in reply to RCPT TO command)\n\n--- Original message ---\nSubject: [ClinicQ] Your request CQ-%d has been updated", o.Domain, pick([]string{"frontdesk", "info", "reception", "admin"}), o.Domain, o.Domain, 50800+r.IntN(150))}})
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
	// Keystile: identity outage, Wed. The status page trails customers by ~45 minutes.
	ks := "ks-inc-20261104-a"
	kt := "Elevated authentication errors"
	kc := []string{"Hosted Login", "Token API", "Session Verification"}
	u("keystile", ks, "investigating", "major", at(2, 16, 24), kt, "We are investigating elevated error rates and latency on sign-in and token verification requests in the EU and US regions.", "incident", kc, "inc-login-outage")
	u("keystile", ks, "identified", "critical", at(2, 16, 58), kt, "The issue has been identified as a failing database cluster behind session verification. A fix is being implemented. Customers may see failed logins and rejected session tokens.", "incident", kc, "inc-login-outage")
	u("keystile", ks, "monitoring", "major", at(2, 17, 50), kt, "A fix has been deployed and error rates are returning to normal. We are monitoring.", "incident", kc, "inc-login-outage")
	u("keystile", ks, "resolved", "major", at(2, 18, 40), kt, "This incident has been resolved. Sign-in and token verification have been stable since 17:45 UTC. A root cause analysis will follow.", "incident", kc, "inc-login-outage")

	// Lumacall: no-impact incident on Monday (recording processing, APAC only).
	lr := "lc-2026-1102-rec"
	u("lumacall", lr, "investigating", "minor", at(0, 9, 55), "Delays in cloud recording processing (APAC)", "Recordings made in the APAC region are taking longer than usual to become available.", "incident", []string{"Cloud Recording"}, "")
	u("lumacall", lr, "resolved", "minor", at(0, 11, 35), "Delays in cloud recording processing (APAC)", "The recording backlog has cleared. All recordings are available.", "incident", []string{"Cloud Recording"}, "")

	// Lumacall: media degradation, Fri. The status page leads customers slightly.
	lv := "lc-2026-1106-media"
	lt := "Degraded media quality and dropped calls"
	lcp := []string{"Media Relay (EU)", "Media Relay (US-East)"}
	u("lumacall", lv, "investigating", "minor", at(4, 14, 3), lt, "We are investigating reports of frozen video, audio drop-outs and disconnections in ongoing calls.", "incident", lcp, "inc-video-degraded")
	u("lumacall", lv, "identified", "major", at(4, 14, 41), lt, "A capacity issue on a subset of media relay servers has been identified. Calls routed through affected relays may freeze or drop. New relay capacity is being added.", "incident", lcp, "inc-video-degraded")
	u("lumacall", lv, "monitoring", "minor", at(4, 15, 31), lt, "Traffic has been moved to healthy relays. Call quality has returned to normal levels. Monitoring.", "incident", lcp, "inc-video-degraded")
	u("lumacall", lv, "resolved", "minor", at(4, 16, 15), lt, "This incident has been resolved.", "incident", lcp, "inc-video-degraded")

	// Textwell: SMS delay, Tue morning. Status trails by over an hour.
	tw := "TW-8841"
	tt := "Delayed SMS delivery to European networks"
	tc := []string{"SMS API", "EU Delivery"}
	u("textwell", tw, "investigating", "minor", at(1, 8, 37), tt, "We are investigating delays in message delivery to several European carriers. Messages are being accepted and queued.", "incident", tc, "inc-sms-delay")
	u("textwell", tw, "identified", "major", at(1, 9, 12), tt, "An upstream carrier interconnect is throttling our traffic. We are rerouting through alternate routes; queued messages will be delivered.", "incident", tc, "inc-sms-delay")
	u("textwell", tw, "monitoring", "minor", at(1, 9, 58), tt, "Rerouting complete, the queue is draining. New messages are delivered normally.", "incident", tc, "inc-sms-delay")
	u("textwell", tw, "resolved", "minor", at(1, 10, 52), tt, "All queued messages have been delivered. This incident is resolved.", "incident", tc, "inc-sms-delay")

	// Postlark: no customer impact for ClinicQ (tracking analytics only).
	pl := "pl-inc-3390"
	pt := "Delayed open and click tracking events"
	u("postlark", pl, "investigating", "minor", at(1, 19, 50), pt, "Open and click tracking events are delayed in the dashboard and webhooks. Email sending and delivery are not affected.", "incident", []string{"Tracking", "Analytics Dashboard"}, "")
	u("postlark", pl, "monitoring", "minor", at(1, 20, 42), pt, "Tracking events are catching up.", "incident", []string{"Tracking", "Analytics Dashboard"}, "")
	u("postlark", pl, "resolved", "none", at(1, 21, 26), pt, "All delayed tracking events have been processed.", "incident", []string{"Tracking", "Analytics Dashboard"}, "")

	// Tillora: card declines, Thu evening. Status leads customers by a few minutes.
	tl := "tillora-2026-11-05-1"
	tlt := "Increased card declines for North American card networks"
	tlc := []string{"Card Payments", "Payment Intents API"}
	u("tillora", tl, "investigating", "major", at(3, 17, 46), tlt, "We are seeing an elevated rate of declined and failed card payments for cards issued in the US and Canada.", "incident", tlc, "inc-payment-declines")
	u("tillora", tl, "identified", "major", at(3, 18, 22), tlt, "The issue is a misconfigured routing rule to one of our acquiring partners, deployed at 17:35 UTC. We are rolling it back.", "incident", tlc, "inc-payment-declines")
	u("tillora", tl, "monitoring", "minor", at(3, 19, 16), tlt, "The rollback is complete and authorisation rates have recovered. Merchants may retry failed payments.", "incident", tlc, "inc-payment-declines")
	u("tillora", tl, "resolved", "minor", at(3, 19, 57), tlt, "This incident has been resolved.", "incident", tlc, "inc-payment-declines")

	// Claimbridge: scheduled maintenance Saturday night; nobody notices.
	cb := "cb-maint-1107"
	ct := "Scheduled maintenance: eligibility API database upgrade"
	cc := []string{"Eligibility API (270/271)"}
	u("claimbridge", cb, "scheduled", "maintenance", at(3, 10, 0), ct, "Eligibility requests will be unavailable on Sat 7 Nov between 03:00 and 05:00 UTC while we upgrade our database.", "maintenance", cc, "")
	u("claimbridge", cb, "in_progress", "maintenance", at(5, 3, 0), ct, "Maintenance is in progress. Eligibility requests will return a 503.", "maintenance", cc, "")
	u("claimbridge", cb, "verifying", "maintenance", at(5, 4, 38), ct, "The upgrade is complete and we are verifying.", "maintenance", cc, "")
	u("claimbridge", cb, "completed", "maintenance", at(5, 5, 4), ct, "Maintenance is complete. Eligibility requests are being served normally.", "maintenance", cc, "")

	sort.SliceStable(us, func(i, j int) bool { return us[i].At < us[j].At })
	return us
}

//go:build ignore

// generate.go writes the LearnLoop scenario: one invented week (Mon 7 Dec –
// Sun 13 Dec 2026) at the support desk of LearnLoop, an online learning
// platform sold to schools, universities and corporate training teams:
// school-SSO and password sign-in, live classes, recorded lectures,
// assignment uploads, quizzes with auto-grading, email notifications and
// course payments for individual learners.
//
//	cd scenarios/learnloop && go run generate.go
//
// Standard library and scenarios/internal/weekgen only; the seed is fixed, so
// reruns give identical bytes.
package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"stormdesk/scenarios/internal/weekgen"
)

var rng = rand.New(rand.NewPCG(20261207, 0x1ea7100b))

// Monday 7 December 2026, 00:00 UTC.
var week0 = time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)

func at(day, h, m int) time.Time { return weekgen.At(week0, day, h, m) }

func pick[T any](xs []T) T { return weekgen.Pick(rng, xs) }

func chance(p float64) bool { return weekgen.Chance(rng, p) }

// ---------------------------------------------------------------- people

type Org struct {
	Name, Domain, Kind, Lang string // Kind: school, uni, corp; Lang: en, de, fr, es
}

var orgs = []Org{
	{"Hollybrook Academy", "hollybrook.sch.uk", "school", "en"},
	{"Ridgeway High School", "ridgewayhigh.org", "school", "en"},
	{"St Aldric's College", "staldrics.ac.uk", "school", "en"},
	{"Maple Creek Middle School", "maplecreekms.org", "school", "en"},
	{"Northgate Primary", "northgate-primary.sch.uk", "school", "en"},
	{"Gymnasium am Lindenhof", "gym-lindenhof.de", "school", "de"},
	{"Collège Jean-Moulin", "clg-jeanmoulin.fr", "school", "fr"},
	{"IES Sierra Alta", "iessierraalta.es", "school", "es"},
	{"University of Marrowvale", "marrowvale.ac.uk", "uni", "en"},
	{"Eastmere College of Nursing", "eastmere.edu", "uni", "en"},
	{"Tallis Institute of Technology", "tallis-tech.edu", "uni", "en"},
	{"Kestrel Freight Ltd", "kestrelfreight.com", "corp", "en"},
	{"Brightwater Hotels", "brightwaterhotels.com", "corp", "en"},
	{"Oakfield Building Society", "oakfieldbs.co.uk", "corp", "en"},
	{"Norrland Pharma", "norrlandpharma.se", "corp", "en"},
}

var firstEN = []string{"Olivia", "Jack", "Amara", "Tom", "Priya", "Liam", "Chloe", "Ethan", "Fatima", "Noah", "Grace", "Kwame", "Sophie", "Daniel", "Aisha", "Ben", "Maya", "Oscar", "Hannah", "Mohammed", "Ruby", "Leo", "Zara", "Callum", "Ella", "Marcus", "Imogen", "Tyler", "Jasmine", "Owen", "Niamh", "Rhys", "Keisha", "Sam", "Dylan", "Megan", "Harvey", "Lucia", "Connor", "Bethany"}
var lastEN = []string{"Okafor", "Hughes", "Patel", "Reyes", "Campbell", "Nguyen", "Walsh", "Bennett", "Kowalski", "Ahmed", "Fletcher", "Lindqvist", "Osei", "Turner", "Morgan", "Chen", "Doyle", "Gallagher", "Shah", "Price", "Mensah", "Harding", "Brooks", "Novak", "Sutherland", "Ellis", "Byrne", "Khan", "Lowe", "Dunmore"}
var firstDE = []string{"Lukas", "Mia", "Jonas", "Lea", "Felix", "Hannah", "Paul", "Sophie", "Frau", "Jan"}
var lastDE = []string{"Becker", "Hoffmann", "Schulz", "Wagner", "Krüger", "Neumann", "Vogel", "Brandt"}
var firstFR = []string{"Camille", "Louis", "Chloé", "Hugo", "Manon", "Théo", "Inès", "Julien"}
var lastFR = []string{"Martin", "Bernard", "Lefèvre", "Moreau", "Garnier", "Roux", "Fontaine", "Girard"}
var firstES = []string{"Lucía", "Pablo", "Marta", "Javier", "Carmen", "Diego", "Elena", "Álvaro"}
var lastES = []string{"García", "Fernández", "López", "Martín", "Sánchez", "Romero", "Navarro", "Ortega"}

var personal = []string{"gmail.com", "outlook.com", "yahoo.co.uk", "icloud.com", "hotmail.com", "btinternet.com", "gmx.de", "proton.me"}

type Person struct {
	Name, Email, Org, Role, Lang string
	OrgName                      string
}

func asciiLower(s string) string {
	r := strings.NewReplacer("ü", "ue", "ö", "oe", "ä", "ae", "é", "e", "è", "e", "ï", "i", "í", "i", "á", "a", "ó", "o", "Á", "a", "'", "", " ", "")
	return strings.ToLower(r.Replace(s))
}

func nameFor(lang string) (string, string) {
	switch lang {
	case "de":
		return pick(firstDE), pick(lastDE)
	case "fr":
		return pick(firstFR), pick(lastFR)
	case "es":
		return pick(firstES), pick(lastES)
	}
	return pick(firstEN), pick(lastEN)
}

// orgFor picks an organisation suitable for a role.
func orgFor(role string, lang string) Org {
	for {
		o := pick(orgs)
		if lang != "" && o.Lang != lang {
			continue
		}
		if lang == "" && o.Lang != "en" && !chance(0.35) {
			continue
		}
		switch role {
		case "teacher", "itadmin":
			if o.Kind != "corp" {
				return o
			}
		case "student":
			if o.Kind == "school" || o.Kind == "uni" {
				return o
			}
		case "parent":
			if o.Kind == "school" {
				return o
			}
		case "lnd", "employee":
			if o.Kind == "corp" {
				return o
			}
		case "lecturer":
			if o.Kind == "uni" {
				return o
			}
		default:
			return o
		}
	}
}

// newPerson makes a reporter. role: teacher, student, parent, itadmin, lnd,
// employee, lecturer, learner (individual, pays by card). lang "" = any.
func newPerson(role, lang string) Person {
	if role == "learner" {
		f, l := nameFor("en")
		em := fmt.Sprintf("%s.%s%d@%s", asciiLower(f), asciiLower(l), rng.IntN(90)+10, pick(personal))
		if chance(0.4) {
			em = fmt.Sprintf("%s%s@%s", asciiLower(f)[:1], asciiLower(l), pick(personal))
		}
		return Person{Name: f + " " + l, Email: em, Role: role, Lang: "en"}
	}
	o := orgFor(role, lang)
	f, l := nameFor(o.Lang)
	p := Person{Name: f + " " + l, Org: o.Name, OrgName: o.Name, Role: role, Lang: o.Lang}
	switch role {
	case "student":
		if o.Kind == "school" {
			p.Email = fmt.Sprintf("%d%s%s@students.%s", 19+rng.IntN(7), asciiLower(f)[:1], asciiLower(l), o.Domain)
		} else {
			p.Email = fmt.Sprintf("%s%s%d@student.%s", asciiLower(f)[:2], asciiLower(l)[:3], 100+rng.IntN(800), o.Domain)
		}
	case "parent":
		p.Email = fmt.Sprintf("%s.%s@%s", asciiLower(f), asciiLower(l), pick(personal))
	default:
		p.Email = fmt.Sprintf("%s.%s@%s", asciiLower(f), asciiLower(l), o.Domain)
	}
	return p
}

func first(p Person) string { return strings.Fields(p.Name)[0] }

func signature(p Person) string {
	switch p.Role {
	case "teacher":
		return pick([]string{
			"\n\n" + p.Name + "\n" + pick([]string{"Year 8 Form Tutor", "Head of Science", "Teacher of English", "Maths Department", "KS3 Humanities", "Head of Year 11"}) + ", " + p.OrgName,
			"\n\nThanks,\n" + first(p),
			"\n\n" + pick([]string{"Mrs ", "Mr ", "Ms ", "Dr "}) + strings.Fields(p.Name)[1] + "\n" + p.OrgName,
			"\n\nSent from my iPad",
			"",
		})
	case "itadmin":
		return pick([]string{
			"\n\n" + p.Name + " | IT Services | " + p.OrgName + " | ext " + fmt.Sprint(2000+rng.IntN(900)),
			"\n\n--\n" + p.Name + "\nNetwork & Systems Manager\n" + p.OrgName,
			"\n\nRegards,\n" + first(p) + " (IT)",
		})
	case "lnd":
		return pick([]string{
			"\n\n" + p.Name + "\nL&D Manager, " + p.OrgName + "\n\nThis email and any attachments are confidential and intended solely for the addressee.",
			"\n\nKind regards,\n" + p.Name + "\nLearning & Development | " + p.OrgName,
		})
	case "lecturer":
		return "\n\n" + pick([]string{"Dr ", "Prof. ", ""}) + p.Name + "\n" + pick([]string{"School of Health Sciences", "Dept. of Computing", "Faculty of Arts"}) + ", " + p.OrgName
	case "parent":
		return pick([]string{"\n\nThanks, " + first(p), "\n\n" + p.Name, "\n\nSent from my iPhone", "\n\nRegards\n" + p.Name, ""})
	case "employee":
		return pick([]string{"\n\n" + p.Name + "\n" + p.OrgName, "\n\nThanks\n" + first(p), ""})
	case "student":
		return pick([]string{"", "", "", "\n\nSent from my iPhone", "\n\n" + first(p), "\nthx"})
	}
	return pick([]string{"", "\n\n" + first(p), "\n\nBest,\n" + p.Name})
}

func greeting() string {
	return pick([]string{"Hi,\n\n", "Hello,\n\n", "Hi there,\n\n", "Dear LearnLoop Support,\n\n", "Good morning,\n\n", "", "", "Hiya\n\n", "To whom it may concern,\n\n", "Hello support team,\n\n"})
}

// ---------------------------------------------------------------- wrappers

var agents = []string{"Dana", "Marco", "Priyanka", "Stefan", "Aoife", "Jules"}

// chat renders a chat-widget transcript: Loopy the bot greets, the visitor
// writes, a human agent joins, the visitor answers.
func chat(t time.Time, p Person, lines ...string) string {
	var b strings.Builder
	ts := t.Add(-time.Duration(2+len(lines)) * time.Minute)
	stamp := func() string {
		s := ts.Format("15:04")
		ts = ts.Add(time.Duration(20+rng.IntN(70)) * time.Second)
		return s
	}
	fmt.Fprintf(&b, "[%s] Loopy (bot): %s\n", stamp(), pick([]string{
		"Hi! I'm Loopy, LearnLoop's help assistant. What can I help you with today?",
		"Hey there 👋 I'm Loopy. Ask me anything about LearnLoop!",
		"Welcome to LearnLoop Help. I'm Loopy, a bot. Tell me what's going on and I'll find the right answer or a human.",
	}))
	agent := pick(agents)
	for i, l := range lines {
		fmt.Fprintf(&b, "[%s] %s: %s\n", stamp(), first(p), l)
		if i == 0 {
			fmt.Fprintf(&b, "[%s] Loopy (bot): %s\n", stamp(), pick([]string{
				"I found some articles that might help: \"Signing in to LearnLoop\", \"Troubleshooting\". Did that solve it?",
				"Thanks! Let me get a member of our team for you. Typical wait: 3 minutes.",
				"Sorry to hear that. I'm passing this to a human agent now.",
			}))
			if len(lines) > 1 {
				fmt.Fprintf(&b, "[%s] %s (LearnLoop Support): %s\n", stamp(), agent, pick([]string{
					"Hi " + first(p) + ", thanks for waiting. Can you tell me a bit more?",
					"Hello! " + agent + " here. Could you share a screenshot or the exact message you see?",
					"Hi, sorry about this. Which browser/device are you on?",
				}))
			}
		}
	}
	if chance(0.5) {
		fmt.Fprintf(&b, "[%s] %s (LearnLoop Support): %s\n", stamp(), agent, pick([]string{
			"Thanks, I've created a ticket and we'll follow up by email.",
			"I'm raising this with the team now, I'll email you as soon as I know more.",
			"Understood. Let me check and come back to you.",
		}))
	}
	return strings.TrimRight(b.String(), "\n")
}

func html(body string, p Person) string {
	paras := strings.Split(strings.TrimSpace(body), "\n\n")
	var b strings.Builder
	b.WriteString(`<html><head><meta charset="utf-8"></head><body><div style="font-family:Calibri,Arial,sans-serif;font-size:11pt">`)
	for _, para := range paras {
		b.WriteString("<p>" + strings.ReplaceAll(para, "\n", "<br>") + "</p>")
	}
	if p.Role == "lnd" || p.Role == "itadmin" || p.Role == "teacher" {
		b.WriteString(`<p style="color:#888;font-size:8pt">` + p.OrgName + ` — please consider the environment before printing this email.</p>`)
	}
	b.WriteString("</div></body></html>")
	return b.String()
}

func quoted(body string, prevSubj, prevBody string, prev time.Time) string {
	q := "> " + strings.ReplaceAll(strings.TrimSpace(prevBody), "\n", "\n> ")
	return body + "\n\nOn " + prev.Format("Mon, 2 Jan 2006 at 15:04") + ", LearnLoop Support <help@learnloop.example> wrote:\n> Hi,\n> Thanks for getting in touch about \"" + prevSubj + "\". We're looking into it.\n>\n" + q
}

func webform(category, body string, p Person) string {
	role := map[string]string{"teacher": "Teacher", "student": "Student", "parent": "Parent/Guardian", "itadmin": "School IT administrator", "lnd": "Training manager", "employee": "Learner (workplace)", "lecturer": "Instructor", "learner": "Individual learner"}[p.Role]
	return "Category: " + category + "\nI am a: " + role + "\nSchool / organisation: " + p.OrgName + "\n\nDescribe the problem:\n" + body
}

// dress wraps a plain body in one of the channel styles.
func dress(t time.Time, p Person, subj, body, category string) (string, string, string) {
	x := rng.Float64()
	switch {
	case x < 0.42:
		return subj, greeting() + body + signature(p), "email"
	case x < 0.62:
		return "", chat(t, p, body), "chat"
	case x < 0.80:
		return subj, webform(category, body, p), "web"
	case x < 0.92:
		return subj, html(greeting()+body+signature(p), p), "email"
	default:
		if chance(0.5) && subj != "" {
			return subj, "", "email" // subject only
		}
		return "", body, "email" // body only
	}
}

// Ticket is a line of tickets.jsonl and the time it arrives.
type Ticket struct {
	weekgen.Ticket
	at time.Time
}

var tickets []Ticket

func add(t time.Time, p Person, subj, body, source, label string) {
	tickets = append(tickets, Ticket{at: t, Ticket: weekgen.Ticket{Subject: subj, Body: body, Source: source, CustomerEmail: p.Email, CustomerName: p.Name, Org: p.Org, Label: label}})
}

// spread returns n times in [a,b), shaped: "ramp" rises fast then tails
// off, "flat" uniform, "mid" peaks in the middle.
func spread(a, b time.Time, shape string) time.Time {
	d := b.Sub(a).Seconds()
	u := rng.Float64()
	switch shape {
	case "ramp":
		u = (rng.Float64() + rng.Float64() + rng.Float64()) / 3
		u = math.Pow(u, 1.35)
	case "mid":
		u = (rng.Float64() + rng.Float64()) / 2
	}
	return a.Add(time.Duration(u*d) * time.Second).Add(time.Duration(rng.IntN(60)) * time.Second)
}

// hourWeight is the everyday rhythm of the desk (UTC; most customers are in
// the UK and Europe, some in the US).
func hourWeight(day, h int) float64 {
	wd := day % 7 // 0 = Mon
	switch {
	case wd <= 4: // weekdays: school day, after-school homework, US afternoon
		w := []float64{0.15, 0.1, 0.08, 0.08, 0.1, 0.2, 0.5, 1.6, 2.6, 2.8, 2.6, 2.4, 2.0, 2.3, 2.4, 2.1, 1.7, 1.4, 1.3, 1.3, 1.2, 1.0, 0.7, 0.35}[h]
		if wd == 4 && h >= 14 {
			w *= 0.7
		}
		return w
	case wd == 5: // Saturday
		return []float64{0.15, 0.1, 0.05, 0.05, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.8, 0.8, 0.7, 0.7, 0.6, 0.6, 0.6, 0.5, 0.5, 0.5, 0.5, 0.4, 0.3, 0.2}[h]
	default: // Sunday: homework due at 23:59
		return []float64{0.15, 0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.2, 0.3, 0.5, 0.6, 0.7, 0.7, 0.7, 0.8, 0.9, 1.0, 1.2, 1.5, 1.8, 2.1, 2.4, 2.5, 1.8}[h]
	}
}

// rhythmTime draws a time from the weekly rhythm, optionally limited to
// the given days (nil = any day).
func rhythmTime(days []int) time.Time {
	if days == nil {
		days = []int{0, 1, 2, 3, 4, 5, 6}
	}
	total := 0.0
	for _, d := range days {
		for h := 0; h < 24; h++ {
			total += hourWeight(d, h)
		}
	}
	x := rng.Float64() * total
	for _, d := range days {
		for h := 0; h < 24; h++ {
			x -= hourWeight(d, h)
			if x <= 0 {
				return at(d, h, rng.IntN(60)).Add(time.Duration(rng.IntN(60)) * time.Second)
			}
		}
	}
	return at(days[len(days)-1], 23, 59)
}

var courses = []string{"Year 9 Biology", "BIO101 Cell Biology", "Intro to Statistics", "Health & Safety Induction 2026", "GCSE English Literature", "Spanish B1", "Data Protection Essentials", "Algebra II", "History of Art 1750-1900", "Forklift Safety Refresher", "NUR204 Pharmacology", "Year 6 Maths", "CS110 Programming Fundamentals", "Customer Service Excellence", "A-level Chemistry", "Anti-Money-Laundering 2026", "Geography Y10", "Physik Klasse 10", "Histoire-Géo 4e"}

func course() string { return pick(courses) }

// ---------------------------------------------------------------- incidents

type prev struct {
	p    Person
	t    time.Time
	subj string
	body string
}

// Tue 8 Dec, 08:35–10:45 UTC: the identity broker (keystile) fails. School
// SSO and password sign-in fail, and live classes do not start because
// joining re-checks the session.
func signinOutage() {
	const label = "inc-signin-outage"
	a, b := at(1, 8, 35), at(1, 10, 45)
	symptoms := []string{
		"none of my students can log in, the Google button just spins and spins",
		"I'm stuck on the loading circle after I choose my Microsoft account",
		"it bounces me back to the school login page, then back to LearnLoop, then back again. round and round",
		"I get \"Error 502 – Bad Gateway\" as soon as I click Sign in with Google",
		"the class won't open for the kids. They click Join and it says \"Verifying your session…\" forever",
		"when I press Start class it says \"We couldn't confirm your identity. Please sign in again\" and signing in again doesn't work",
		"sign in with Microsoft gives \"Something went wrong (code KS-503)\"",
		"the whole staff room can't get in this morning",
		"my students were kicked out in the middle of the lesson and now they can't get back in",
		"even the normal email + password login fails with \"We couldn't reach the sign-in service, try again later\"",
		"the login page just sits there blank after I put my password in",
		"I cannot access LearnLoop at all, it times out on the sign in page",
		"live class link opens but then goes to a sign-in screen that never loads",
		"getting \"authentication failed\" for every single pupil in my tutor group",
		"our whole school is locked out. SSO is broken",
		"I'm logged in on my laptop but when I try to start my live lesson it says session expired and throws me out",
		"the 'Continue with Google' page shows a white screen with a spinner",
		"it says 'too many redirects' in Chrome",
		"error 504 gateway timeout on login.learnloop",
		"30 kids sitting in front of chromebooks and none of them can get past the sign in screen",
		"I click the live class in my timetable and it just says \"Connecting…\" and never joins",
		"can't log in, can't join class, nothing works",
		"every time I sign in it says my session is invalid",
		"the app on my phone also says \"Unable to sign in\"",
		"trainees on our induction webinar cannot join, they get stuck at the sign-in step",
	}
	contexts := []string{
		"I've tried Chrome, Edge and Safari.",
		"Cleared cache and cookies, no difference.",
		"It was working fine yesterday afternoon.",
		"This is happening for every class, not just mine.",
		"Colleagues in the next room have the same thing.",
		"We have mock exam revision at 9 and it's now 9:10.",
		"Our internet is fine, everything else loads.",
		"Tried on my phone on 4G too - same.",
		"It happens both on school wifi and at home.",
		"I have a cover teacher waiting to start a live session with Year 10.",
		"We have 140 new starters doing induction training today.",
		"Other teachers in my department are reporting the same thing.",
		"",
		"",
		"",
	}
	asks := []string{
		"Is there an outage?", "Is something down on your end?", "Please help asap.", "Can you tell us when this will be fixed?",
		"Are you aware of this?", "What should I tell the students?", "URGENT please.", "Any ETA?", "Is it just us?", "",
	}
	subjects := []string{
		"Can't log in", "Login not working", "URGENT - nobody can sign in", "Sign in broken", "SSO down?", "Students cannot join live class",
		"live class won't start", "Error 502 on sign in", "Stuck on loading screen", "Google sign-in not working", "Microsoft login loop",
		"is learnloop down", "whole school locked out", "Cannot access LearnLoop", "Session expired error when starting class", "Log in problem",
		"Problem joining lesson", "can't get in", "Authentication failed", "Live session - students can't connect", "Sign-in page not loading",
		"Help!!", "Outage?", "Kids stuck at sign in", "Redirect loop",
	}
	roles := []string{"teacher", "teacher", "teacher", "student", "student", "itadmin", "lnd", "employee", "lecturer", "parent", "student", "teacher"}
	var prevs []prev
	n := 0
	for n < 112 {
		p := newPerson(pick(roles), "")
		t := spread(a, b, "ramp")
		var sym string
		switch p.Role {
		case "student":
			sym = pick([]string{
				"cant log in, it just keeps loading", "it keeps sending me back to the school login thing", "the live lesson wont let me in it says verifying session",
				"login broken?? google button does nothing", "error 502 when i log in", "i cant get into my class and my teacher is waiting",
				"it says authentication failed but my password is right, i can log into my school email fine", "app says unable to sign in",
				"stuck on the spinny circle", "microsoft sign in just goes round in a loop",
			})
			if chance(0.5) {
				sym = strings.ToLower(sym)
			}
			body := sym
			if chance(0.4) {
				body += " " + pick([]string{"pls help", "is it down??", "everyone in my class has the same", "ive tried like 5 times", "my friends cant either", "what do i do", "im going to be marked absent"})
			}
			subj := pick([]string{"cant login", "login", "help", "cant join class", "sign in not working", "is it down", "error", ""})
			s, bd, src := subj, body+signature(p), pick([]string{"email", "chat", "chat", "web"})
			if src == "chat" {
				s, bd = "", chat(t, p, body, pick([]string{"chromebook", "on my phone", "school laptop", "yeah same thing again"}))
			} else if src == "web" {
				bd = webform("Signing in", body, p)
			}
			add(t, p, s, bd, src, label)
			prevs = append(prevs, prev{p, t, s, body})
		case "parent":
			body := pick([]string{
				"My son is trying to join his online lesson from home (he is off sick) and it keeps saying it can't verify his account. The school says it's not them.",
				"My daughter can't log in to LearnLoop this morning. She gets a spinning wheel after the Google page. She has a live class at 9.30.",
				"Neither of my two children can get into their classes, both stuck on the sign in page. Is your site down?",
				"Hello, my child's school login (the Microsoft one) just loops back to the start. We've restarted the laptop twice.",
			})
			s, bd, src := dress(t, p, pick([]string{"Child can't log in", "Login problem", "Son unable to join lesson", "Sign in issue"}), body, "Signing in")
			add(t, p, s, bd, src, label)
			prevs = append(prevs, prev{p, t, s, body})
		default:
			sy := pick(symptoms)
			body := strings.ToUpper(sy[:1]) + sy[1:] + "."
			if c := pick(contexts); c != "" {
				body += " " + c
			}
			if chance(0.4) {
				if c := pick(contexts); c != "" && !strings.Contains(body, c) {
					body += " " + c
				}
			}
			if a := pick(asks); a != "" {
				body += "\n\n" + a
			}
			s, bd, src := dress(t, p, pick(subjects), body, pick([]string{"Signing in", "Live classes", "Other"}))
			add(t, p, s, bd, src, label)
			prevs = append(prevs, prev{p, t, s, body})
		}
		n++
	}
	// Hand-written ones.
	hw := []struct {
		role, lang, subj, body, src string
		off                         int // minutes after 08:35
	}{
		{"itadmin", "", "P1: LearnLoop SSO failing for all staff and students", "Hi,\n\nFrom about 08:40 our users can't sign in with Google Workspace. The redirect to accounts.google.com works, the consent comes back and then the callback to your side hangs and ends in a 502. Our Google side is healthy (other SAML/OIDC apps work). We haven't changed anything on our tenant since October.\n\nHAR file available if needed. Please treat as urgent, it's the first lesson of the day.", "email", 9},
		{"itadmin", "", "Is LearnLoop having an outage? SSO callbacks timing out", "Callback to https://auth.learnloop.example/broker/callback is taking 30s+ then 504. Happens on every device in our estate. Password users too (tested a local account). Not our firewall - tested from a 4G hotspot.", "web", 22},
		{"teacher", "de", "Anmeldung funktioniert nicht", "Guten Morgen,\n\nseit heute früh kann sich niemand in meiner Klasse anmelden. Nach dem Klick auf \"Mit Microsoft anmelden\" dreht sich nur der Kreis. Die Live-Stunde kann ich auch nicht starten.\n\nIst das ein allgemeines Problem?\n\nMit freundlichen Grüßen", "email", 31},
		{"teacher", "fr", "Impossible de se connecter", "Bonjour,\n\nAucun de mes élèves ne peut se connecter ce matin : la page de connexion tourne en boucle et renvoie vers l'ENT. Le cours en direct ne démarre pas non plus (\"Vérification de la session…\").\n\nMerci de nous tenir informés.", "email", 44},
		{"student", "es", "no puedo entrar", "no me deja iniciar sesión, se queda cargando y luego vuelve a la página del instituto. tengo clase en directo ahora", "chat", 38},
		{"lnd", "", "Induction webinar - 60 people cannot join", "Hello,\n\nWe are running our new-starter induction live session right now and nobody can join - they all get stuck on the sign-in step, and our facilitator can't start the session either (\"We couldn't confirm your identity\").\n\nThis is costing us a lot. Please advise urgently.", "email", 27},
		{"teacher", "", "", "is learnloop down right now? nobody can sign in and my live class won't start", "email", 15},
		{"teacher", "", "LOGIN DOWN", "", "email", 19},
		{"itadmin", "", "Status?", "We are seeing failed sign-ins across the trust (4 schools). Your status page shows all green. Can you confirm whether there is an incident?", "web", 51},
		{"lecturer", "", "Live seminar cannot start", "My 10:00 seminar (NUR204) won't start. I'm signed in to LearnLoop in one tab but when I hit \"Go live\" it asks me to sign in again, and the sign-in page errors out with 502. 80 students waiting.", "email", 82},
		{"teacher", "", "Fw: Year 7 can't log in", "---------- Forwarded message ---------\nFrom: Year 7 Team\nSubject: Year 7 can't log in\n\nNone of 7B, 7C or 7F can get into LearnLoop this period, just loading screen.\n\n----------\nForwarding to you as per our IT policy, please look at this. It seems to be every year group.", "email", 56},
		{"employee", "", "Mandatory training deadline", "I need to finish my Anti-Money-Laundering module today but the login just spins. I've tried 4 times this morning. Will the deadline be extended?", "web", 70},
		{"teacher", "", "Sign in", "Our whole department can't get in. Loading circle of doom. Tried Google and the email/password option, neither works.", "chat", 35},
		{"student", "", "", "hello?? is anyone there, i can't log in and neither can anyone in my class", "chat", 62},
		{"itadmin", "", "LearnLoop - SSO returning 502/504 (ticket from Marrowvale IT)", "<html><body><p>Dear support,</p><p>We have had 200+ calls to our service desk since 08:45 about LearnLoop. Sign-in via our Microsoft Entra tenant fails after the redirect to your identity broker (error 502 / 504). Our Entra sign-in logs show <b>successful</b> authentications, so the failure is after the token comes back to you.</p><p>Could you confirm and provide updates?</p><p>Regards,<br>Service Desk</p></body></html>", "email", 40},
		{"teacher", "", "Live lesson", "Class started fine at 8.30 but at about 8.50 all the kids dropped out and now nobody can rejoin - the join page says \"Verifying your session\". I can't even log back in myself.", "email", 24},
		{"parent", "", "Google sign in", "Hi, is there a problem with sign in? My daughter (Year 5, Northgate) just gets a white page with a spinner when she presses the Google button. Thank you", "web", 66},
		{"teacher", "", "cannot start class - \"session check failed\"", "Start class → \"Session check failed. Please sign in again.\" → sign in page → 502. Same on 3 machines.", "web", 48},
	}
	for _, h := range hw {
		p := newPerson(h.role, h.lang)
		t := a.Add(time.Duration(h.off)*time.Minute + time.Duration(rng.IntN(50))*time.Second)
		body := h.body
		if h.src == "chat" {
			body = chat(t, p, h.body)
		}
		add(t, p, h.subj, body, h.src, label)
		prevs = append(prevs, prev{p, t, h.subj, h.body})
	}
	// Follow-ups from the same people.
	fu := []string{"any update??", "Still can't get in. Any news?", "It's been 40 minutes. Our lesson is wasted. Please update us.", "Still down here.", "Hello? Still not working, is anyone looking at this?", "Following up on my earlier email - still unable to sign in, and now the next class can't either.", "ok it works now? one of my students got in. thanks", "still spinning...", "Is there an ETA? I need to tell the head.", "Bump. Whole school still locked out."}
	sort.Slice(prevs, func(i, j int) bool { return prevs[i].t.Before(prevs[j].t) })
	for i := 0; i < 10; i++ {
		pv := prevs[rng.IntN(len(prevs)/2)]
		t := pv.t.Add(time.Duration(20+rng.IntN(45)) * time.Minute)
		if t.After(b.Add(10 * time.Minute)) {
			t = b.Add(-time.Duration(rng.IntN(20)) * time.Minute)
		}
		body := fu[i]
		subj := "Re: " + pv.subj
		if pv.subj == "" {
			subj = ""
		}
		if chance(0.5) && pv.body != "" {
			body = quoted(body, pv.subj, pv.body, pv.t)
		}
		add(t, pv.p, subj, body, "email", label)
	}
}

// Wed 9 Dec, all day: our own bug. A release on Tuesday night broke scoring
// of "matching" (drag-the-pairs) quiz questions: fully correct answers get
// partial or zero marks. No provider behind it.
func quizBug() {
	const label = "inc-quiz-matching-grades"
	bodies := []struct{ role, subj, body string }{
		{"teacher", "Quiz marking wrong", "The auto-marking on my Year 9 Biology quiz is wrong. Question 4 is a matching question (organelle → function) and students who matched every pair correctly have been given 0/4. I checked three of them by hand."},
		{"teacher", "Matching questions graded incorrectly", "Hi, since this morning matching questions are scoring wrong. A student who got 5/5 pairs right shows 2/5. It looks like only the first two pairs count?"},
		{"student", "my quiz score is wrong", "i got all the matching ones right i checked with the answers my teacher showed us but it says i got 1 out of 6??"},
		{"teacher", "Auto-grade bug?", "Is there a known issue with the drag-and-drop matching question type? Scores make no sense today. Multiple choice and short answer are fine."},
		{"lecturer", "Incorrect scores on NUR204 weekly quiz", "Students are emailing me that their drug-class matching question has been marked wrong when it's right. I've checked 6 attempts: all correct pairings, all scored 0. This quiz counts towards their grade so please fix and regrade."},
		{"lnd", "Compliance quiz - staff failing incorrectly", "Several of our staff have failed the Data Protection Essentials end quiz even though they answered correctly - it seems to be the \"match the term to the definition\" question. Failing means they have to redo the whole course. Can you look at this urgently?"},
		{"parent", "Daughter's homework quiz marked wrong", "My daughter was in tears because her science quiz says 40%. We went through it together and she got the matching question completely right but it gave her 0 for it. Is the marking broken?"},
		{"employee", "failed the quiz but answers were right", "I failed the Health & Safety quiz by one question. The one where you match the hazard symbols - I'm sure I had them right. Screenshot attached."},
		{"teacher", "Regrade matching question", "Can you tell me how to regrade a question? The matching question in my Algebra II quiz has marked everyone wrong. I'm hoping it's a setting I got wrong but I haven't changed anything since last term when it worked."},
		{"itadmin", "Multiple teachers reporting quiz marking errors", "We've had four teachers this morning report that matching-type questions are auto-marked incorrectly (correct answers scoring 0 or partial). Can you confirm if this is a platform bug and whether grades will be recalculated?"},
		{"student", "", "quiz says i got the matching question wrong but i didnt. can someone check, my teacher said to email you"},
		{"teacher", "Wrong grades", "Grades for today's quiz are all lower than they should be. It's the matching question - marks only correct if you put the pairs in the exact original order??"},
		{"lecturer", "Quiz auto-marking: matching pairs", "Observed: matching question marks a response correct only when the pairs are dragged in the same order as the answer key is stored. Any other order (still correct pairs) gets 0. Started today - yesterday's attempts on the same quiz were marked fine."},
		{"teacher", "", "Matching question grading broken - every student got zero on Q3"},
		{"student", "grade wrong", "hi my quiz grade is wrong. q7 matching, all right but 0 marks. pls fix before report cards"},
		{"teacher", "Geography quiz scores", "Hello, my Y10 Geography quiz: the match-the-landform question is marking correct answers as wrong. The other questions mark fine. Can you check?"},
		{"lnd", "Quiz results incorrect - certificates not issued", "Our learners are not getting their certificates because their quiz score falls below 80%. It's the matching question each time. Please advise - we have an audit next week."},
		{"teacher", "Quiz bug", "Hi LearnLoop, the matching question in quizzes is scoring wrong. Students match correctly and get partial marks. Please fix and let us know when we can regrade."},
		{"student", "Incorrect mark on quiz", "Dear support, I believe my CS110 quiz was marked incorrectly. Question 2 (match the data type to the example) - my answers match the lecture slides exactly. I received 1/4."},
		{"parent", "", "My son's maths quiz: the matching part was marked 0 but every answer is correct, I checked them myself. Please look into it. He's worried it affects his set."},
		{"teacher", "Re: Quiz marking wrong", "Another one today - my Year 8 class too. So it's not just the biology quiz, all my matching questions are marking wrong. Please prioritise, parents are emailing me."},
		{"employee", "Quiz", "Hi I keep failing the customer service quiz. Matching question says wrong but I've done it three times the same way and I'm sure its right"},
		{"teacher", "Please disable auto-grading?", "Is there a way to turn off auto-marking for matching questions for now? They are marking correct answers wrong and I'd rather mark by hand until it's fixed."},
		{"lecturer", "Grade recalculation", "Will grades for matching questions be recalculated automatically once this is fixed, or do we need to regrade manually? Around 300 attempts affected on our side."},
		{"teacher", "Y6 quiz", "Our year 6 maths quiz (match the fraction to the picture) gives 0 to children who got it right. They're 10 and very upset."},
		{"student", "quiz", "the drag and match question marked me wrong even tho i got it right"},
	}
	a, b := at(2, 7, 20), at(2, 21, 30)
	for i, x := range bodies {
		p := newPerson(x.role, "")
		var t time.Time
		for {
			t = spread(a, b, "flat")
			if hourWeight(2, t.Hour()) > 1.0 || chance(0.3) {
				break
			}
		}
		if i == 20 {
			t = at(2, 15, 10+rng.IntN(30))
		}
		s, bd, src := dress(t, p, x.subj, x.body, "Quizzes & grading")
		if x.subj == "" {
			s, bd, src = "", x.body, "email"
		}
		if i == 13 {
			s, bd, src = x.body, "", "email"
		}
		add(t, p, s, bd, src, label)
	}
}

// Thu 10 Dec, 13:05–14:35 UTC: the video streaming provider (castwell)
// degrades. Live classes start and join fine, but video freezes, goes
// black, and audio turns choppy/robotic.
func liveVideo() {
	const label = "inc-live-video"
	a, b := at(3, 13, 5), at(3, 14, 35)
	sym := []string{
		"the video keeps freezing every few seconds",
		"students can hear me but my video is just black",
		"audio is choppy and robotic, the kids can't understand a word",
		"my camera tile is frozen on one frame while the audio carries on",
		"screen share goes black for everyone after a few seconds",
		"everybody's video is pixelated and then freezes",
		"sound keeps cutting in and out",
		"the class started fine but after 5 minutes the picture froze",
		"I can see the students but they see a black box where I should be",
		"voices sound like a robot, then 3 seconds of silence",
		"the stream lags about 20 seconds behind and then jumps",
		"video goes grey with a \"Reconnecting…\" message over and over",
	}
	subj := []string{"Live class video freezing", "Black screen in live lesson", "Audio choppy in live class", "Video frozen", "Live session unusable", "Screen share black", "Poor video quality in class", "live class lagging", "Sound breaking up", "Stream keeps freezing", "Live lesson problems", "video issue"}
	ctx := []string{"Joining worked fine.", "Everyone got in OK, it's the video that's broken.", "It's not our internet - speed test is 300Mb.", "Two other teachers here have the same.", "Tried leaving and rejoining.", "This is a graded oral exam!", "Happens on laptops and iPads.", "", "", ""}
	roles := []string{"teacher", "teacher", "lecturer", "student", "employee", "lnd", "teacher", "student"}
	var prevs []prev
	for i := 0; i < 38; i++ {
		p := newPerson(pick(roles), "")
		t := spread(a, b, "ramp")
		var body string
		if p.Role == "student" {
			body = pick([]string{"teachers video is frozen", "cant hear anything in the live lesson its all choppy", "screen went black in class", "the live class keeps freezing is it my wifi or urs", "video froze and now its black but i can hear the teacher", "audio sounds like a robot lol but seriously cant hear"})
		} else {
			s := pick(sym)
			body = strings.ToUpper(s[:1]) + s[1:] + "."
			if c := pick(ctx); c != "" {
				body += " " + c
			}
			body += pick([]string{"", " Is there a problem on your side?", " Please help.", " Can you check?", ""})
		}
		s, bd, src := dress(t, p, pick(subj), body, "Live classes")
		add(t, p, s, bd, src, label)
		prevs = append(prevs, prev{p, t, s, body})
	}
	hw := []struct{ role, lang, subj, body string }{
		{"teacher", "de", "Live-Unterricht: Bild friert ein", "Hallo, der Unterricht startet, aber nach ein paar Minuten friert das Bild ein und der Ton ist abgehackt. Die Schüler sehen nur noch einen schwarzen Bildschirm. Bitte um Hilfe."},
		{"lecturer", "", "Live lecture degraded - 200 students", "My 13:00 lecture: joining fine, but video is freezing for most students and audio dropping. Chat shows dozens saying \"frozen\". Recording may be affected too? Please advise."},
		{"teacher", "es", "Clase en directo - vídeo congelado", "Buenas tardes, la clase empieza bien pero el vídeo se queda congelado y el audio se corta. Les pasa a todos los alumnos."},
		{"lnd", "", "Webinar quality today", "Our 13:30 leadership webinar is barely usable: presenter video black for attendees, audio robotic. Is there an incident?"},
	}
	for _, h := range hw {
		p := newPerson(h.role, h.lang)
		t := spread(a.Add(10*time.Minute), b.Add(-20*time.Minute), "flat")
		add(t, p, h.subj, greeting()+h.body+signature(p), "email", label)
		prevs = append(prevs, prev{p, t, h.subj, h.body})
	}
	for i := 0; i < 3; i++ {
		pv := prevs[rng.IntN(len(prevs))]
		t := pv.t.Add(time.Duration(25+rng.IntN(30)) * time.Minute)
		add(t, pv.p, "Re: "+pv.subj, quoted(pick([]string{"Still freezing. Any update?", "Still the same now, we've given up for today.", "Seems better now, thanks."}), pv.subj, pv.body, pv.t), "email", label)
	}
}

// Fri 11 Dec, 18:00–20:10 UTC: the CDN (lumenedge) serves recorded
// lectures slowly in Europe: endless buffering.
func playback() {
	const label = "inc-playback-buffering"
	a, b := at(4, 18, 0), at(4, 20, 10)
	bodies := []string{
		"Recorded lecture keeps buffering, I can't get past 2 minutes",
		"the lecture recordings won't play, just the spinning wheel at 0:00",
		"videos keep pausing to load every 10 seconds",
		"recordings stuck buffering on every course",
		"can't watch the lecture videos tonight, they load forever",
		"the recorded lesson plays for a bit and then just buffers and buffers",
		"playback is super slow, it's stuck at 240p and still buffering",
		"catch-up videos don't load",
		"trying to revise from the recorded lectures and none of them will play properly",
		"the video in module 3 just shows the loading circle",
		"replay of wednesday's live class won't load",
		"training video keeps stopping to buffer, I've got a fast connection",
	}
	roles := []string{"student", "student", "student", "employee", "learner", "parent", "student", "teacher"}
	for i := 0; i < 27; i++ {
		p := newPerson(pick(roles), "")
		t := spread(a, b, "mid")
		s := pick(bodies)
		body := s
		if p.Role != "student" {
			body = strings.ToUpper(s[:1]) + s[1:] + "."
		}
		body += pick([]string{"", " is it down?", " exam monday!!", " Tried two browsers.", " My internet is fine, Netflix works.", " Same on my phone.", " Please fix"})
		subj := pick([]string{"Videos buffering", "Lecture recordings won't play", "buffering", "Recorded lectures not loading", "video wont play", "Playback problem", "Can't watch recordings", ""})
		s2, bd, src := dress(t, p, subj, body, "Recorded lectures")
		add(t, p, s2, bd, src, label)
	}
	p := newPerson("student", "fr")
	t := spread(a, b, "mid")
	add(t, p, "vidéos qui ne chargent pas", "Bonsoir, les vidéos des cours enregistrés chargent en boucle depuis ce soir, impossible de réviser. Merci", "web", label)
	p = newPerson("lecturer", "")
	t = spread(a, b, "mid")
	add(t, p, "Students report recordings buffering", greeting()+"Several of my students have emailed this evening saying the lecture recordings in CS110 won't play - they buffer endlessly. I tried myself from home: same. Is this a known issue?"+signature(p), "email", label)
}

// Sat 12 Dec, 09:20–13:40 UTC: the email provider (postkite) queues
// outbound mail for hours. Notifications, digests, verification and reset
// emails arrive very late.
func emailDelay() {
	const label = "inc-email-delay"
	a, b := at(5, 9, 20), at(5, 13, 40)
	x := []struct{ role, subj, body string }{
		{"teacher", "Notification emails not going out", "I posted an announcement to my class at 9:15 and none of the students got the email. Usually it's instant."},
		{"parent", "Weekly digest not received", "I normally get the parent weekly summary on Saturday morning around 8. Nothing today, and my husband hasn't got it either."},
		{"learner", "verification email", "I just signed up to buy a course and the verification email hasn't come, it's been an hour. Checked spam."},
		{"student", "no email", "didnt get the email saying my assignment was graded, my friend says hers came through yesterday but today nothing"},
		{"lnd", "Enrolment emails delayed", "We enrolled 45 new starters this morning and none of them have received their welcome email with the course link. Is email sending delayed?"},
		{"teacher", "Emails from LearnLoop delayed", "Emails from LearnLoop are arriving hours late today. Got one about a submission from 07:50 just now (11:30)."},
		{"learner", "password reset email takes forever", "requested a password reset 40 mins ago, still nothing. tried again twice. is email working on your side?"},
		{"parent", "", "Hello, I haven't received any of the LearnLoop emails today - the reminder about the Monday trip form usually comes Saturday. Is there a problem?"},
		{"teacher", "Announcement emails", "Sent an announcement about Monday's test, students say they haven't been emailed. Can you check it's going?"},
		{"employee", "Didn't get my certificate email", "I completed my Forklift Safety Refresher at 10am and the email with the certificate hasn't arrived."},
		{"itadmin", "Mail from notifications@learnloop delayed?", "Our mail gateway shows nothing from notifications@learnloop.example since ~08:40 today. Normally steady trickle. Not blocked on our side - checked quarantine. Is your outbound mail delayed?"},
		{"learner", "order confirmation not received", "I paid for the Spanish B1 course, money is taken but no confirmation email and no access email."},
		{"student", "", "email notifications stopped coming"},
		{"teacher", "Digest", "Where is the Saturday digest? None of my co-teachers got it."},
		{"parent", "Verification code email", "Trying to set up my parent account, it says a code was emailed to me. Nothing after 30 minutes (not in junk)."},
		{"learner", "Still no email", "Signed up for a course this morning and still no welcome email with my login. Please send it."},
		{"lnd", "Re: Enrolment emails delayed", "Update: some welcome emails have now arrived, 3.5 hours late. Others still missing."},
	}
	for i, y := range x {
		p := newPerson(y.role, "")
		t := spread(a, b, "flat")
		if i == len(x)-1 {
			t = at(5, 13, 5+rng.IntN(25))
		}
		s, bd, src := dress(t, p, y.subj, y.body, "Notifications")
		if y.subj == "" {
			s, bd, src = "", y.body+signature(p), "email"
		}
		add(t, p, s, bd, src, label)
	}
}

// Sun 13 Dec, 21:05–23:55 UTC: object storage (cratebox) rejects writes
// in its EU region just before the Sunday-midnight assignment deadline.
func uploadFailure() {
	const label = "inc-upload-failure"
	a, b := at(6, 21, 5), at(6, 23, 58)
	stud := []string{
		"my essay wont upload and its due at midnight!!!",
		"upload failed try again. ive tried like 10 times",
		"it gets to 99% then says upload failed",
		"cant submit my assignment, it just says network error",
		"the submit button spins and then error 503",
		"HELP my coursework wont submit",
		"file upload keeps failing, its only a 2mb word doc",
		"it says \"Couldn't upload your file. Please try again.\" every time",
		"assignment upload not working, deadline in 40 mins",
		"cant hand in my homework, the upload bar goes red",
		"i uploaded my pdf but it says failed and theres nothing there",
		"submission page broken?? wont take my file",
		"tried on phone and laptop, upload fails on both",
		"will i get a late penalty?? i tried to upload at 9:30 and it keeps failing",
	}
	roles := []string{"student", "student", "student", "student", "student", "parent", "teacher", "lecturer"}
	var prevs []prev
	for i := 0; i < 42; i++ {
		p := newPerson(pick(roles), "")
		t := spread(a, b, "ramp")
		var body, subj string
		switch p.Role {
		case "student":
			body = pick(stud)
			if chance(0.4) {
				body = strings.ToUpper(body[:1]) + body[1:]
			}
			if chance(0.3) {
				body += " " + pick([]string{"its for " + course(), "pls extend the deadline", "screenshot attached", "everyone in my group chat has the same problem", "is the site down"})
			}
			subj = pick([]string{"upload not working", "cant submit", "URGENT assignment", "upload failed", "help", "Submission error", "", "deadline!!"})
		case "parent":
			body = pick([]string{"My son has been trying to submit his English essay for an hour and it keeps saying upload failed. It is due at midnight. Please can you confirm he won't be penalised.", "My daughter cannot upload her homework, the bar goes to the end then says failed. We have tried two computers."})
			subj = pick([]string{"Son can't submit homework", "Upload problem - deadline tonight"})
		default:
			body = pick([]string{"Lots of students emailing me that they can't upload their assignment submissions tonight - \"upload failed\". Is there an issue? If so I'll extend the deadline.", "I'm trying to upload the feedback files and the upload fails with an error. Students say they can't submit either.", "Students report submission uploads failing since around 9pm. Can you confirm?"})
			subj = pick([]string{"Students can't upload", "Submission uploads failing", "Upload errors tonight"})
		}
		s, bd, src := dress(t, p, subj, body, "Assignments & uploads")
		add(t, p, s, bd, src, label)
		prevs = append(prevs, prev{p, t, s, body})
	}
	hw := []struct{ role, lang, subj, body string }{
		{"student", "de", "Hochladen geht nicht", "hallo, ich kann meine Hausarbeit nicht hochladen, es kommt immer \"Upload fehlgeschlagen\". Abgabe ist um Mitternacht!"},
		{"student", "es", "no puedo subir la tarea", "Hola, llevo media hora intentando subir mi trabajo y siempre da error. La entrega es a las 12. ¿Qué hago?"},
		{"lecturer", "", "Deadline extension advice needed", "<p>Hi,</p><p>My BIO101 lab report deadline is 23:59 tonight and I've had 15 emails in the last half hour saying uploads fail (\"Upload failed (503)\"). I can't upload a test file either. Is this platform-wide? I'd like to know whether to extend.</p>"},
	}
	for _, h := range hw {
		p := newPerson(h.role, h.lang)
		t := spread(a.Add(15*time.Minute), b.Add(-30*time.Minute), "flat")
		add(t, p, h.subj, h.body, "email", label)
		prevs = append(prevs, prev{p, t, h.subj, h.body})
	}
	for i := 0; i < 5; i++ {
		pv := prevs[rng.IntN(len(prevs))]
		t := pv.t.Add(time.Duration(15+rng.IntN(30)) * time.Minute)
		if t.After(at(6, 23, 59)) {
			t = at(6, 23, 50+rng.IntN(9))
		}
		subj := "Re: " + pv.subj
		if pv.subj == "" {
			subj = "still not working"
		}
		add(t, pv.p, subj, pick([]string{"still not working!!", "any update? its nearly midnight", "STILL failing. please reply", "ok i finally got it to upload at 23:40, will it count as on time?", "still can't upload, I've emailed my teacher too"}), "email", label)
	}
}

// ---------------------------------------------------------------- hard negatives

// Individual problems that read like an outage. win: where to place it:
// "signin" (inside the sign-in outage), "live", "upload", "play", "mail",
// or "" (anywhere in the week's rhythm). src "" = let dress choose.
type hn struct {
	win, role, lang, src, subj, body string
}

var hardNegatives = []hn{
	// --- inside the sign-in outage window (Tue morning)
	{"signin", "student", "", "chat", "", "i forgot my password and the reset thing says my email doesnt exist??"},
	{"signin", "teacher", "", "", "Locked out", "I've been locked out of my account after typing my password wrong too many times (new password policy, I kept using the old one). It says try again in 30 minutes but I have a class at 9:15. Can you unlock me?"},
	{"signin", "student", "", "", "new phone", "I got a new phone at the weekend and now it wants the code from the authenticator app, which was on my old phone. I can't get in."},
	{"signin", "parent", "", "", "Son can't log in", "Good morning. My son Harry (Year 8) says he can't log in because his password \"isn't right\". I think he changed it last week and has forgotten it. Can you reset it or do we need to ask school?"},
	{"signin", "itadmin", "", "email", "SSO broken after our change?", "Hi, we migrated our staff to a new Entra ID tenant last night and now staff get \"AADSTS700016: Application not found in the directory\" when signing into LearnLoop. Students (still on the old tenant) are fine. I think we need to update the app registration on your side - what do you need from us?"},
	{"signin", "teacher", "", "", "Can't sign in", "My school email changed from k.walsh@ to kwalsh@ over half term and now LearnLoop says there's no account. All my courses are under the old one."},
	{"signin", "student", "", "", "account deactivated", "hi it says my account has been deactivated?? I'm still a student here, I just switched from the A-level course to BTEC"},
	{"signin", "teacher", "", "", "Only one pupil can't log in", "All of my class are in except Amelia, who gets \"Your account is not part of this organisation\". She joined the school on Monday."},
	{"signin", "student", "", "chat", "", "the reset link says expired. i clicked it straight away??"},
	{"signin", "lecturer", "", "", "Login", "I can't log in from my office PC. It's fine on my laptop and on my phone. The office PC just shows a blank page after the sign in button. It's one of the new builds IT gave us this week."},
	{"signin", "itadmin", "", "email", "Block on learnloop?", "Our new web filter policy went live this morning and a few teachers say LearnLoop sign-in is blocked (\"This site has been categorised as: Uncategorised\"). I've whitelisted learnloop.example - do you have a full list of domains we need to allow, including the sign-in ones?"},
	{"signin", "employee", "", "", "2FA code", "The text message with my login code never comes. I changed my mobile number last month - maybe LearnLoop still has the old one?"},
	{"signin", "student", "", "", "", "can't get into my account it says wrong password but i KNOW its right. caps lock is off"},
	{"signin", "teacher", "", "", "Account locked", "Hello - I'm locked out of my account after too many attempts this morning. My classroom laptop had the wrong password saved. Please unlock, thank you."},
	{"signin", "parent", "", "", "Parent login", "I am trying to log in to see my daughter's grades but it says my email is not recognised. I used the invite from her teacher last year. Is it only for the current year?"},
	{"signin", "student", "", "web", "Login issue", "I graduated in July but I need to download my old essays for a uni application. It says my account has been deactivated."},
	{"signin", "lnd", "", "email", "One of our managers locked out", "Hi, one of our store managers (j.fenwick@brightwaterhotels.com) is locked out after entering her password incorrectly. Can you unlock the account or tell me how to do it from the admin panel?"},
	{"signin", "teacher", "", "", "Sign in page", "For some reason when I go to the sign in page on my classroom PC, there's no \"Sign in with Google\" button, only email and password. On my own laptop the button is there. Is it an ad blocker thing?"},
	{"signin", "student", "", "chat", "", "hi my login isnt working. i think its because i made my account with my personal email not my school one and now my teacher added my school one to the class?"},
	{"signin", "itadmin", "", "web", "SAML certificate", "Our SAML signing certificate expired at midnight and we rolled a new one this morning. Where do I upload the new metadata? Staff currently get an \"invalid signature\" error."},
	{"signin", "employee", "", "", "Can't access LearnLoop", "I've just started at Kestrel and my manager says I should have a LearnLoop login but I never got any email. It says \"no account found\" when I try."},
	{"signin", "student", "fr", "", "mot de passe oublié", "Bonjour, j'ai oublié mon mot de passe et je ne reçois pas l'email de réinitialisation. Mon adresse est peut-être mal écrite dans le système ?"},
	{"signin", "teacher", "", "chat", "", "Hi - only me having trouble. The kids are all in. I just get 'incorrect password'. I changed it yesterday"},
	{"signin", "teacher", "", "", "Start class button greyed out", "My Start class button is greyed out. Colleague says it's because I'm set as a \"co-teacher\" not the main teacher on this course since the timetable change. Can you make me lead teacher?"},
	{"signin", "student", "", "", "cant join class", "i cant join the live class it says \"you are not enrolled in this course\". i moved sets on friday"},
	{"signin", "parent", "", "", "Tablet won't load LearnLoop", "Our old iPad (iOS 12) just shows a blank white page when my son tries to log in. Works on my phone. Do you still support old iPads?"},
	{"signin", "student", "", "", "microsoft login", "when i sign in with microsoft it says i need approval from an admin?? never had that before"},
	// --- inside the live-class video window (Thu afternoon)
	{"live", "teacher", "", "", "Students can't hear me", "In my live class the students say they can't hear me at all. They can see me. I think my laptop picked the wrong microphone (I plugged in a headset)."},
	{"live", "student", "", "", "video black", "my camera shows black in class but it works on other sites. hp laptop"},
	{"live", "teacher", "", "", "Live class freezing - only my room?", "It's only my classroom: video is jerky. Teacher next door is fine. We're right at the end of the corridor, the wifi here has always been bad."},
	{"live", "parent", "", "", "Daughter's live lesson", "My daughter's live lesson keeps freezing on her side. Her brother is streaming games on the same wifi... could that be it? Is there a lower quality setting?"},
	{"live", "employee", "", "chat", "", "hi, in the webinar i have no sound. everyone else is fine apparently. using work laptop with VPN on"},
	{"live", "lecturer", "", "", "Screen share shows black", "When I share my screen in a live lecture it's black for students. I'm on a Mac and just upgraded macOS - is there a permission I need to give?"},
	{"live", "student", "", "", "", "my internet keeps dropping so the live class freezes, can i watch the recording later?"},
	// --- inside the upload window (Sun night)
	{"upload", "student", "", "", "file too big", "it says my file is too big (212MB). its a video for media studies. how do i submit it??"},
	{"upload", "student", "", "chat", "", "cant upload my essay. it says file type not allowed. its a .pages file"},
	{"upload", "student", "", "", "upload", "i uploaded the wrong file!! can i change it, the deadline hasnt passed yet"},
	{"upload", "parent", "", "", "Submission", "My son says he submitted his homework but his teacher says it's not there. He thinks he pressed Save draft instead of Submit. Can you see what happened?"},
	{"upload", "student", "", "", "Submit button missing", "there's no submit button on my assignment, it just says \"Submissions closed\". but the due date says 23:59 tonight? my friend can still submit"},
	{"upload", "student", "", "", "upload failed", "upload keeps failing on the school laptop, the one with the filter. at home it worked ok last week. will try my phone"},
	{"upload", "student", "es", "", "", "no puedo entregar la tarea, dice que ya la entregué pero era el archivo equivocado"},
	{"upload", "student", "", "", "late??", "I submitted at 23:58 and it says LATE in red. my clock said 23:58!! please check"},
	// --- inside the playback window (Fri evening)
	{"play", "student", "", "", "video wont play", "The lecture videos won't play on my school chromebook, says \"this content is blocked by your administrator\". Is this a learnloop thing?"},
	{"play", "learner", "", "", "Course videos locked", "Videos in my course are all locked with a padlock. I paid last month but maybe my card expired and the subscription renewal failed?"},
	{"play", "student", "", "chat", "", "one of the videos in week 4 has no sound. the others are fine"},
	// --- inside the email window (Sat morning)
	{"mail", "parent", "", "", "Not getting emails", "I've never received any of the parent emails. I think the school has my old work email. How do I change it?"},
	{"mail", "learner", "", "", "reset link", "Reset link in the email says \"this link has expired\". I clicked it on Friday, the email came Thursday."},
	// --- anywhere in the week
	{"", "student", "", "", "forgot password", "forgot my password how do i reset"},
	{"", "student", "", "chat", "", "hey so i cant log in bc i forgot my password and the reset email goes to my old school email which i dont have anymore"},
	{"", "teacher", "", "", "Can't log in!!", "I cannot log into LearnLoop. It keeps saying incorrect email or password. I'm 100% sure it's right. Please help, I have lessons to plan!!\n\n(Edit: realised I was typing my work email with .org instead of .org.uk. Sorry! Still, the error message could be clearer.)"},
	{"", "parent", "", "", "", "Hello I am writing for my son Adebayo he can not open his account since yesterday, it say the account is locked. He is in year 7. Thank you"},
	{"", "employee", "", "", "Login problems", "Dear Sir/Madam, I am unable to access LearnLoop. I receive the message 'Your organisation has disabled your access'. I am on maternity leave - could this be why? I would like to complete my training at home."},
	{"", "student", "", "", "LOCKED OUT", "LOCKED OUT OF MY ACCOUNT. tried 5 times. i need to submit tonight"},
	{"", "learner", "", "", "Can't log in", "Hi, I bought a course as an individual but I can't log in - the page says to use \"Sign in with my school\" but I'm not at a school. I'm a bit confused."},
	{"", "teacher", "", "", "Authenticator", "Our school turned on 2-step verification. I set it up on my personal phone which I've now factory reset. How do I get back in? I don't have backup codes."},
	{"", "itadmin", "", "email", "Staff SSO issue - only new staff", "Three new staff who joined this week cannot sign in via SSO (\"user not provisioned\"). Existing staff are fine. Do we need to re-run the roster sync, or add them manually?"},
	{"", "student", "", "", "", "it says my email doesnt exist"},
	{"", "student", "de", "", "Passwort vergessen", "Hallo, ich habe mein Passwort vergessen und die E-Mail zum Zurücksetzen kommt nicht an. Ich habe auch im Spam nachgeschaut."},
	{"", "parent", "", "", "Reset email not arriving", "I have asked for the password reset three times today and nothing has arrived. My email is an old hotmail one, maybe it's being blocked?"},
	{"", "student", "", "", "code", "the code never comes. the one it texts you"},
	{"", "teacher", "", "", "Help - class not showing", "I log in fine but my Year 11 class has disappeared from my dashboard. Was I removed? The other classes are there."},
	{"", "lecturer", "", "", "Signed out constantly", "I'm being signed out every 10 minutes. Only on my work laptop. I noticed it started after I installed a privacy extension that clears cookies."},
	{"", "student", "", "chat", "", "ok so i made a new account by accident and now all my stuff is gone?? i logged in with apple instead of google"},
	{"", "learner", "", "", "Payment declined - can't access course", "I can't get into the course I bought. It says payment required. My card expired last month, I've got a new one but can't see where to update it."},
	{"", "teacher", "fr", "", "compte bloqué", "Bonjour, mon compte est bloqué après plusieurs tentatives de connexion. Pouvez-vous le débloquer ? Merci, j'ai cours à 14h."},
	{"", "student", "", "", "my class isnt there", "I logged in but the class my teacher set up isnt showing, she said use code 7QX2 but it says invalid code"},
	{"", "parent", "", "", "Cannot log in as parent", "I am a parent. The school sent a letter with a link but it has expired. It says invite expired please contact the inviter. Who is the inviter?"},
	{"", "employee", "", "", "VPN", "When I'm on the company VPN LearnLoop won't load at all, 'connection reset'. Off VPN it's fine. Is this a you thing or an our IT thing?"},
	{"", "itadmin", "", "web", "All students at one campus can't sign in", "Students at our Westfield campus can't sign in this morning; the main campus is fine. We replaced the firewall at Westfield over the weekend, so I suspect it's us, but can you tell me which domains/IPs the sign-in flow uses?"},
	{"", "student", "", "", "", "hi so my login says im a teacher?? i can see everyone elses grades. i dont think im meant to"},
	{"", "teacher", "", "", "Old email", "Hello, I've moved from Ridgeway to Hollybrook and my LearnLoop account is still linked to my Ridgeway email, which has been closed. Now I can't get in at all. Can you move it?"},
	{"", "student", "", "", "2fa", "new phone, authenticator codes gone, pls help i have an exam on here tomorrow"},
	{"", "parent", "", "", "Daughter deactivated", "My daughter left St Aldric's in the summer, she's now at college, but she still needs the LearnLoop account because her new college uses it too. It says deactivated."},
	{"", "lnd", "", "email", "User can't log in", "Hi team, one of our learners (Sarah in Finance) can't log in. I've checked and her account shows \"pending invite\". Can you resend the invite? Thanks"},
	{"", "student", "", "", "Won't let me in", "keeps saying \"too many attempts, try again later\" i only tried like 3 times"},
	{"", "employee", "", "", "", "Sign-in says my account does not exist. I think HR spelt my surname wrong (it's Ó Briain, with the accent)."},
	{"", "teacher", "", "", "Login loop - only Safari", "I get a login loop only in Safari on my Mac. Chrome is fine. I've got 'Prevent cross-site tracking' on, could that be it?"},
	{"", "student", "es", "", "cuenta", "no puedo entrar en mi cuenta, dice que el correo no existe. creo que mi profe me dio de alta con otro correo"},
	{"", "parent", "", "", "URGENT - child cannot log in", "My child cannot log in. This is the THIRD time this term. The password she was given by school doesn't work. I want this fixed properly, not another temporary password.\n\nVery frustrated parent"},
	{"", "student", "", "chat", "", "my school blocked learnloop?? it says access denied by school network policy on the wifi but works on 4g"},
	{"", "teacher", "", "", "Class can't join", "None of my students could join my live class at 2. Then I realised the class was scheduled for 2am not 2pm. Could the time picker be clearer? Anyway, how do I reschedule?"},
	{"", "lecturer", "", "", "Students cannot see the live session", "Students say they can't see the Join button for my live session. I've just noticed the session is set to \"Draft\". Is that why?"},
	{"", "learner", "", "", "Account hacked?", "I got an email saying my password was changed but I didn't change it. Now I can't log in. Please help, my card is saved on there."},
	{"", "student", "", "", "", "how come my account says suspended"},
	{"", "itadmin", "", "email", "Google SSO - 'Access blocked: admin_policy_enforced'", "Students get \"Access blocked: LearnLoop has not been configured by your administrator\" on Google sign-in. I think our Workspace admin tightened third-party app access on Friday. How do I allowlist LearnLoop's client ID?"},
	{"", "teacher", "", "", "Can't sign in on the interactive board", "The classroom smartboard browser won't log in to LearnLoop (spins then nothing). Every other device fine. It's running a very old version of Chrome."},
	{"", "parent", "", "", "my son", "my son is locked out and he has homework due tomorrow, he put his password wrong too many time, please unlock it."},
	{"", "student", "", "", "forgot which email", "I don't remember what email I signed up with. I've tried my school one and my gmail. can you find my account? my name is on my certificate"},
	{"", "employee", "", "", "Timed out", "Every time I go to the quiz it logs me out and says session expired. Only happens on the shared PC in the staff canteen."},
	{"", "teacher", "de", "", "Konto gesperrt", "Guten Tag, mein Konto ist nach mehreren falschen Passworteingaben gesperrt. Könnten Sie es bitte entsperren?"},
	{"", "student", "", "", "", "idk my password and my mum changed her email so the reset goes nowhere"},
	{"", "learner", "", "", "Verification email", "I signed up but never got the verification email. I think I typed my email wrong (gmial.com). Can you fix it?"},
	{"", "teacher", "", "", "Lost access", "Our school moved off LearnLoop SSO to passwords (IT did it Friday) and I never set a password. How do I get in?"},
}

func hardNegativesGen() {
	const label = "hard-negative"
	win := map[string][2]time.Time{
		"signin": {at(1, 8, 30), at(1, 10, 50)},
		"live":   {at(3, 13, 0), at(3, 14, 40)},
		"upload": {at(6, 21, 0), at(6, 23, 59)},
		"play":   {at(4, 18, 0), at(4, 20, 15)},
		"mail":   {at(5, 9, 15), at(5, 13, 45)},
	}
	emit := func(h hn, t time.Time) {
		p := newPerson(h.role, h.lang)
		var s, bd, src string
		switch {
		case h.src == "chat":
			s, bd, src = "", chat(t, p, h.body), "chat"
		case h.src == "email":
			s, bd, src = h.subj, greeting()+h.body+signature(p), "email"
		case h.src == "web":
			s, bd, src = h.subj, webform("Signing in", h.body, p), "web"
		case h.subj == "":
			s, bd, src = "", h.body, pick([]string{"email", "web", "chat"})
			if src == "chat" {
				bd = chat(t, p, h.body)
			}
		default:
			s, bd, src = dress(t, p, h.subj, h.body, "Account & sign-in")
			if s == "" && bd == "" {
				bd = h.body
			}
		}
		add(t, p, s, bd, src, label)
	}
	for _, h := range hardNegatives {
		var t time.Time
		if w, ok := win[h.win]; ok {
			t = spread(w[0], w[1], "flat")
		} else {
			t = rhythmTime(nil)
		}
		emit(h, t)
	}
	// A handful written twice by different people in their own words are
	// not needed; instead, short variants of the commonest cases, spread
	// across the week (including the windows).
	extra := []hn{
		{"", "student", "", "", "", "reset email not coming"},
		{"signin", "student", "", "", "locked", "locked out again ffs"},
		{"", "parent", "", "", "Password", "Hi, how do I reset my son's password? He's 9 and can't remember it. The teacher is off sick."},
		{"signin", "employee", "", "", "", "I'm trying to do my training but it says my account has expired. My contract was extended last month."},
		{"live", "teacher", "", "", "Class link", "The live class link I sent the parents says \"meeting not found\" - I think I copied the link from last week's session that I deleted."},
		{"upload", "student", "", "", "cant submit", "the upload thing says my file is corrupted. it opens fine on my laptop. its a docx"},
	}
	for _, h := range extra {
		var t time.Time
		if w, ok := win[h.win]; ok {
			t = spread(w[0], w[1], "flat")
		} else {
			t = rhythmTime(nil)
		}
		emit(h, t)
	}
}

// ---------------------------------------------------------------- look-alikes

type la struct {
	from, to     time.Time
	role, subj   string
	body, source string
}

func lookAlikes() {
	const label = "look-alike"
	s1, e1 := at(1, 8, 40), at(1, 10, 40)
	s2, e2 := at(3, 13, 5), at(3, 14, 35)
	s3, e3 := at(2, 8, 0), at(2, 20, 0)
	s4, e4 := at(4, 18, 5), at(4, 20, 5)
	s5, e5 := at(5, 9, 30), at(5, 13, 30)
	s6, e6 := at(6, 21, 10), at(6, 23, 50)
	xs := []la{
		// sign-in / class start window: sign-in works, something else in the same area is off
		{s1, e1, "teacher", "Remember me doesn't remember", "I tick \"Keep me signed in\" but every morning I have to log in again. Has been like this for a couple of weeks.", ""},
		{s1, e1, "itadmin", "Old logo on sign-in page", "Our school's sign-in page still shows our old crest even though I uploaded the new one in Admin > Branding a week ago. Sign-in itself works fine.", ""},
		{s1, e1, "teacher", "Signed in as 'Unknown User'", "I can sign in with Microsoft OK but my name shows as \"Unknown User\" at the top and in the class list. Students are confused who I am.", ""},
		{s1, e1, "lecturer", "Login takes me to the wrong institution", "I teach at Marrowvale and at Tallis. When I sign in it always drops me into Tallis and I have to switch. Can I set a default?", ""},
		{s1, e1, "student", "", "the show password eye thing on the login page doesnt do anything", "chat"},
		{s1, e1, "teacher", "Live class - hand raise not working", "In my live lesson this morning the hand-raise button didn't notify me. Students were raising hands and I saw nothing. Everything else worked.", ""},
		{s1, e1, "teacher", "Breakout rooms all in room 1", "I started my live class, put students into 4 breakout rooms and it put all 28 of them into room 1.", ""},
		{s1, e1, "teacher", "Attendance wrong after live class", "Started class fine at 8:45, everyone joined, but the attendance register afterwards marks half of them absent.", ""},
		{s1, e1, "lnd", "SSO users getting duplicate profiles", "Since last week, some learners who sign in via SSO end up with a second profile (same name, no courses). Can you merge them and stop it happening?", "email"},
		{s1, e1, "student", "", "why does the live class chat show every message twice", "chat"},
		// live-class video window: joining and video fine, another part of class misbehaves
		{s2, e2, "teacher", "Captions in the wrong language", "Live captions in my lesson are coming out in Spanish. I teach in English. Video and sound are fine.", ""},
		{s2, e2, "teacher", "Whiteboard didn't save", "I used the whiteboard during my live class and clicked Save to class notes, but nothing saved.", ""},
		{s2, e2, "lecturer", "Poll results not showing", "In my live lecture I ran a poll; students voted but the results panel stays empty.", ""},
		{s2, e2, "teacher", "Recording of this morning's class missing", "This morning's live class (ended 11:00) has no recording in the course. Recording was on.", ""},
		{s2, e2, "employee", "Virtual background", "The blur background option is missing in live sessions on my laptop, it was there last week.", ""},
		{s2, e2, "teacher", "Can't mute a student", "The mute button next to a student's name does nothing. One pupil kept unmuting and playing music.", ""},
		{s2, e2, "student", "", "live class participant list shows people who left ages ago", "chat"},
		// quiz day: quiz problems that are not the matching-question scoring
		{s3, e3, "teacher", "Quiz timer ended early", "A student's quiz timer hit zero after 12 minutes on a 20 minute quiz. She was on an iPad; she says she switched apps briefly.", ""},
		{s3, e3, "student", "quiz retake", "it wont let me retake the quiz, my teacher said we have 2 attempts", ""},
		{s3, e3, "teacher", "Short answer too lenient", "The short-answer question accepted \"mitocondria\" (misspelled) as correct. Is there a strict spelling option?", ""},
		{s3, e3, "teacher", "Images missing in quiz", "The diagrams in questions 5-7 of my quiz show as broken images for students. I uploaded them as HEIC from my phone.", ""},
		{s3, e3, "lecturer", "Percentage rounding", "Gradebook shows 79% but the quiz page shows 79.5%, and the pass mark is 79.5. Which one counts?", ""},
		// playback window: recordings play, but something else about them
		{s4, e4, "student", "subtitles out of sync", "the subtitles on the week 6 lecture are like 5 seconds behind the video. video plays fine", ""},
		{s4, e4, "student", "", "playback speed keeps going back to 1x every time i open a new video", "chat"},
		{s4, e4, "employee", "Wrong video in module", "Module 4 \"Manual handling\" plays the video from module 2. Plays fine, just the wrong one.", ""},
		{s4, e4, "learner", "Progress not saving", "I watched all of the lesson videos but the course still shows 60% complete and I can't get my certificate.", ""},
		// email window: email arrives, but is wrong
		{s5, e5, "parent", "Duplicate emails", "I'm getting every LearnLoop email twice this week - one to me and one addressed to my son's name.", ""},
		{s5, e5, "teacher", "Unsubscribe link doesn't work", "The unsubscribe link at the bottom of the daily digest goes to a 404 page.", ""},
		{s5, e5, "parent", "Email shows wrong child", "The grade email I got this morning was about a different child, not my daughter! Same first name. Privacy issue.", ""},
		// upload window: upload works, but something else in submissions
		{s6, e6, "student", "wrong file name", "uploaded my essay, it worked, but it shows as \"document(3).docx\" instead of my name. will my teacher know its mine?", ""},
		{s6, e6, "student", "", "my submission says plagiarism check pending for 3 hours. is that normal? the upload went through", "chat"},
		{s6, e6, "student", "preview blank", "my pdf uploaded fine but the preview is just white. is it going to be blank for my teacher too?", ""},
		{s6, e6, "student", "cant delete draft", "there's an old draft in my submission that i cant delete, only add new files", ""},
		{s6, e6, "student", "Group assignment", "We're a group of 3, only one person can upload. My file uploaded but my partner can't attach hers to the same submission.", ""},
		{s6, e6, "teacher", "Plagiarism report shows 98%", "A student's submission has a 98% similarity score against... her own draft from last week. Upload was fine. Can we exclude own submissions?", ""},
	}
	for _, x := range xs {
		p := newPerson(x.role, "")
		t := spread(x.from, x.to, "flat")
		var s, bd, src string
		switch {
		case x.source == "chat":
			s, bd, src = "", chat(t, p, x.body), "chat"
		case x.source == "email":
			s, bd, src = x.subj, greeting()+x.body+signature(p), "email"
		default:
			s, bd, src = dress(t, p, x.subj, x.body, "Other")
			if s == "" && bd == "" {
				bd = x.body
			}
		}
		add(t, p, s, bd, src, label)
	}
}

// ---------------------------------------------------------------- background

type bg struct{ cat, role, subj, body string }

var background = []bg{
	// how-to (teachers, lecturers)
	{"howto", "teacher", "Adding a co-teacher", "How do I add a colleague as a co-teacher on my {course} course? She needs to be able to mark."},
	{"howto", "teacher", "Duplicate a course for next year", "Is there a way to copy my whole {course} course (assignments, quizzes, pages) into a new course for next year's group without the students?"},
	{"howto", "teacher", "Rubrics", "Can I attach a rubric to an assignment after students have already submitted?"},
	{"howto", "teacher", "Export gradebook", "How do I export the gradebook for {course} to Excel? Our reports are due Friday."},
	{"howto", "teacher", "Schedule a live class", "How do I schedule a recurring live class every Tuesday and Thursday at 10 for the rest of term?"},
	{"howto", "teacher", "Extension for one student", "One of my students has an access arrangement. How do I give just her an extra 3 days on the assignment without changing it for everyone?"},
	{"howto", "lecturer", "Anonymous marking", "Is anonymous marking available for assignments? Our exam board requires it for the {course} coursework."},
	{"howto", "teacher", "Question bank", "Can I share my question bank with the rest of the department?"},
	{"howto", "teacher", "", "how do i hide a lesson from students until next week"},
	{"howto", "lecturer", "Moderation workflow", "We need second marking on a 10% sample. Does LearnLoop support moderation, or should we do it outside?"},
	{"howto", "teacher", "Reorder modules", "Quick one - how do I reorder the units in my course? Drag and drop doesn't seem to work on my iPad."},
	{"howto", "teacher", "Set homework to multiple classes", "Can I set the same homework to 9X1, 9X2 and 9Y3 at once, or do I have to create it three times?"},
	{"howto", "lnd", "Learning paths", "Can we build a learning path where module 2 unlocks only after module 1's quiz is passed?"},
	{"howto", "lnd", "Reminder emails to learners", "Is there a way to send automatic reminders to learners who haven't completed mandatory training by a date?"},
	{"howto", "teacher", "Recording a live class", "Do live classes get recorded automatically or do I have to press something?"},
	{"howto", "teacher", "Late penalty setting", "Where do I set the late penalty? I want 10% off per day late for {course}."},
	// grading questions
	{"grading", "student", "question about my grade", "why did i get {n} on my essay, there's no feedback on it"},
	{"grading", "student", "Feedback not visible", "My teacher says she left feedback on my assignment but I can't see any comments, only the grade."},
	{"grading", "parent", "Grades", "My son's grade in {course} dropped a lot but he says he handed everything in. Where can I see which pieces are missing?"},
	{"grading", "student", "", "what does \"returned\" mean on my assignment? do i have to do it again"},
	{"grading", "teacher", "Weighted categories", "How do I set homework to count 20% and tests 80% in the gradebook?"},
	{"grading", "student", "late penalty", "I got a late penalty but I had an extension agreed with my tutor, can this be removed?"},
	{"grading", "lecturer", "Release grades at a set time", "Can I schedule grades to be released to students on a specific date rather than one by one?"},
	{"grading", "parent", "Report", "Where can I find my daughter's end of term report? The school said it would be on LearnLoop."},
	// enrolment / rosters
	{"enrol", "student", "join code", "what is the class code for {course}? my teacher wrote it on the board but i forgot"},
	{"enrol", "teacher", "Remove student from class", "A student has left the school. How do I remove her from my class without deleting her work?"},
	{"enrol", "itadmin", "Roster CSV import errors", "Uploading our roster CSV gives \"Row {n}: invalid year_group\". We use 'Y7' etc. What values are expected?"},
	{"enrol", "itadmin", "Roster import - duplicate students", "After the overnight roster import, about 30 students appear twice in their classes. The CSV has them once. Can you help dedupe?"},
	{"enrol", "itadmin", "Nightly roster sync time", "Can we change the nightly roster sync from 02:00 to 05:00? Our MIS export runs late."},
	{"enrol", "itadmin", "Bulk import of staff", "What's the quickest way to create 40 staff accounts? Is there a CSV template?"},
	{"enrol", "lnd", "Enrol new starters", "We have 25 new starters on Monday. Can I enrol them by uploading a spreadsheet, and will they get an invite email?"},
	{"enrol", "teacher", "Student in wrong class", "Jayden is showing in 10B but he moved to 10C. The roster import keeps putting him back. Who fixes this?"},
	{"enrol", "student", "", "how do i leave a class i joined by mistake"},
	{"enrol", "lecturer", "Module enrolment numbers", "My module shows 212 students, registry says 198. Where do the extra 14 come from?"},
	// certificates (corporate)
	{"cert", "employee", "Certificate not received", "I finished the {course} course yesterday but I can't find my certificate. Where do I download it?"},
	{"cert", "lnd", "Certificate branding", "Can we put our company logo and the trainer's signature on completion certificates?"},
	{"cert", "employee", "Name wrong on certificate", "My certificate shows my name as 'Jon' but it should be 'Jonathan' - it's for an external audit. Can I change it?"},
	{"cert", "lnd", "Certificate expiry", "Our fire safety certificates need to expire after 12 months and trigger re-training. Is that possible?"},
	{"cert", "learner", "Certificate PDF", "Is the certificate accredited? My employer wants to know if it counts as CPD."},
	{"cert", "lnd", "Completion report", "I need a report of everyone who completed {course} in the last 12 months with dates, for our insurer."},
	// payments / refunds (individual learners)
	{"pay", "learner", "Refund request", "I bought {course} last week by mistake - I meant to buy the other level. Can I get a refund or swap it?"},
	{"pay", "learner", "Charged twice?", "My bank shows two payments of £{n} for the same course. Can you check?"},
	{"pay", "learner", "Invoice for my employer", "Can I get a VAT invoice with my company name on it for the course I paid for?"},
	{"pay", "learner", "Discount code", "The discount code from your newsletter says invalid at checkout. Is it expired?"},
	{"pay", "learner", "Cancel subscription", "How do I cancel my monthly subscription? I can't find the option in settings."},
	{"pay", "learner", "Card declined", "My card was declined at checkout but my bank says they didn't block anything. Do you accept PayPal?"},
	{"pay", "itadmin", "Licence renewal quote", "Could you send a renewal quote for our {n} student licences for next academic year?"},
	{"pay", "lnd", "Invoice query", "Our invoice INV-2026-{n} shows 450 seats but we only have 380 active users. Can we review?"},
	{"pay", "teacher", "Purchase order", "Our finance team needs a purchase order number on the invoice. Can you reissue it with PO 77{n}?"},
	// feature requests
	{"feature", "teacher", "Feature request: dark mode", "Any plans for a dark mode? Marking late at night is hard on the eyes."},
	{"feature", "teacher", "Suggestion", "It would be great if we could comment on specific lines of a submitted essay, like in a word processor."},
	{"feature", "student", "", "can u add a way to see all my due dates in one calendar"},
	{"feature", "lecturer", "Feature request - peer review", "Peer assessment with random allocation would help a lot for our large cohorts. Is this on the roadmap?"},
	{"feature", "lnd", "Integration with our HR system", "Do you have an API or integration to sync users from our HR system so leavers are removed automatically?"},
	{"feature", "teacher", "Bulk feedback", "Please let us paste the same comment to several students at once. I write \"see model answer\" 30 times."},
	{"feature", "parent", "Notifications for parents", "Could parents get a notification when homework is set, not just when it's late?"},
	{"feature", "itadmin", "Audit log export", "We'd like to export the admin audit log to our SIEM. Is that supported?"},
	// accessibility
	{"a11y", "student", "Screen reader", "I use NVDA and the quiz questions don't get read out properly - it reads the options but not the question text. Is there an accessible mode?"},
	{"a11y", "teacher", "Captions on recordings", "Can recorded lectures have automatic captions? I have a hearing-impaired student."},
	{"a11y", "parent", "Dyslexia font", "My son is dyslexic. Is there a way to change the font or background colour in LearnLoop?"},
	{"a11y", "lecturer", "Extra time in quizzes", "How do I give a student 25% extra time on timed quizzes (disability support plan)?"},
	{"a11y", "student", "text size", "text is really small on the mobile app and pinch zoom doesnt work"},
	{"a11y", "itadmin", "Accessibility statement / VPAT", "Do you have a VPAT or accessibility conformance report (WCAG 2.2 AA)? Our procurement needs it."},
	// plagiarism
	{"plag", "teacher", "Plagiarism score explanation", "What does the similarity score actually mean? A student got 34% but most of it is the quotes and the bibliography."},
	{"plag", "lecturer", "Exclude bibliography", "Can the plagiarism check exclude references/bibliography automatically?"},
	{"plag", "student", "", "can i see my plagiarism score before i submit?"},
	{"plag", "itadmin", "Plagiarism data retention", "Where are submissions stored for the plagiarism check and for how long? Our DPO is asking."},
	// data / privacy / admin
	{"admin", "itadmin", "GDPR deletion request", "A former pupil has requested erasure of their data. What's the process for deleting a student account completely?"},
	{"admin", "itadmin", "Data processing agreement", "Please send your current DPA and list of sub-processors for our records."},
	{"admin", "parent", "Data", "What data do you hold about my child and who can see it?"},
	{"admin", "itadmin", "Year-end rollover", "When should we run the year-end rollover, and will last year's classes be archived or deleted?"},
	{"admin", "lnd", "Admin rights", "Please give admin rights to my colleague Simon (s.pryce@) - I'm going on leave for 3 weeks."},
	{"admin", "itadmin", "API rate limits", "What are the rate limits on the reporting API? Our nightly export got 429s last night."},
	// mobile app / misc
	{"misc", "student", "app", "does the learnloop app work on android 9? it wont install"},
	{"misc", "teacher", "Timezone", "Due dates show an hour off for our students on a school trip in Spain. Is that expected?"},
	{"misc", "student", "", "can i change my profile picture"},
	{"misc", "parent", "Two children", "I have two children at the school. Can I see both from one parent account?"},
	{"misc", "student", "Dark mode on app", "is there a way to make the app not flash white at night"},
	{"misc", "teacher", "Printing", "Is there a way to print a quiz for a student who can't use a screen?"},
	{"misc", "lnd", "Training for admins", "Do you run onboarding sessions for new admins? We have two new people in the L&D team."},
	{"misc", "employee", "Course content out of date", "The {course} course refers to a 2023 policy. Who updates the content, you or our L&D team?"},
	{"misc", "student", "Offline", "can i download lessons to watch on the train with no signal?"},
	{"deadline", "student", "extension?", "can i get an extension on my {course} essay, i've been ill all week"},
	{"deadline", "student", "", "what time exactly is the deadline, 23:59 or midnight? does 00:00 count as late"},
	{"deadline", "parent", "Homework due tonight", "My daughter says there's homework due tonight but she can't find it on LearnLoop. Where would it be?"},
	{"deadline", "student", "due date", "my assignment says due yesterday but the teacher said it's due next week?? which one is right"},
	{"deadline", "student", "Resubmit", "Can I resubmit before the deadline if I've already submitted once?"},
	{"thanks", "teacher", "Re: Adding a co-teacher", "Perfect, that worked. Thank you!"},
	{"thanks", "parent", "Re: Grades", "Thank you for the quick reply, found it."},
	{"thanks", "lnd", "Re: Completion report", "Thanks - exactly what I needed."},
}

func backgroundGen(n int) {
	const label = "background"
	fill := func(s string) string {
		s = strings.ReplaceAll(s, "{course}", course())
		s = strings.ReplaceAll(s, "{n}", fmt.Sprint(20+rng.IntN(700)))
		return s
	}
	extra := []string{"", "", "", " Thanks in advance.", " No rush.", " Thank you!", " Cheers.", " Many thanks.", " Sorry if this is a silly question.", " I couldn't find it in the help centre."}
	for i := 0; i < n; i++ {
		x := pick(background)
		var days []int
		if x.cat == "deadline" {
			days = []int{4, 6, 6, 6, 2}
		}
		if x.cat == "enrol" || x.cat == "cert" || x.cat == "admin" {
			days = []int{0, 1, 2, 3, 4}
		}
		t := rhythmTime(days)
		p := newPerson(x.role, "")
		body := fill(x.body) + pick(extra)
		subj := fill(x.subj)
		cat := map[string]string{"howto": "How do I…", "grading": "Quizzes & grading", "enrol": "Classes & enrolment", "cert": "Certificates", "pay": "Billing & payments", "feature": "Feedback", "a11y": "Accessibility", "plag": "Plagiarism check", "admin": "Admin", "misc": "Other", "deadline": "Assignments & uploads", "thanks": "Other"}[x.cat]
		var s, bd, src string
		if x.cat == "thanks" {
			s, bd, src = subj, body+signature(p), "email"
		} else if subj == "" {
			s, bd, src = "", body, pick([]string{"email", "chat", "web"})
			if src == "chat" {
				bd = chat(t, p, body)
			}
		} else {
			s, bd, src = dress(t, p, subj, body, cat)
			if s == "" && bd == "" {
				s = subj
			}
		}
		add(t, p, s, bd, src, label)
	}
	// Auto-replies, bounces and the odd stray message, spread over the week.
	for i := 0; i < 14; i++ {
		t := rhythmTime([]int{0, 1, 2, 3, 4})
		p := newPerson(pick([]string{"teacher", "lnd", "lecturer", "itadmin"}), "")
		orig := pick([]string{"Your LearnLoop weekly summary", "Reminder: 3 submissions waiting to be marked", "Your LearnLoop support request has been updated", "New features in LearnLoop this month", "Action needed: confirm your class lists"})
		body := pick([]string{
			"I am out of the office until " + pick([]string{"Monday 14th December", "the 4th of January", "Thursday"}) + " with limited access to email. For urgent matters please contact the school office.\n\n" + p.Name,
			"Thank you for your email. I am currently on a school trip and will reply on my return.",
			"Automatic reply: I'm away at a conference this week. For IT issues please log a ticket at the service desk portal.",
			"Ich bin bis zum 14.12. nicht im Büro. In dringenden Fällen wenden Sie sich bitte an das Sekretariat.",
		})
		add(t, p, "Automatic reply: "+orig, body, "email", label)
	}
	for i := 0; i < 7; i++ {
		t := rhythmTime(nil)
		addr := newPerson(pick([]string{"student", "parent", "employee"}), "").Email
		d := Person{Name: "Mail Delivery Subsystem", Email: "mailer-daemon@mx" + fmt.Sprint(1+rng.IntN(4)) + ".learnloop.example"}
		body := "This is the mail system at host mx" + fmt.Sprint(1+rng.IntN(4)) + ".learnloop.example.\n\nI'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients.\n\n<" + addr + ">: host mail." + strings.SplitN(addr, "@", 2)[1] + " said: " + pick([]string{"550 5.1.1 User unknown", "552 5.2.2 Mailbox full", "550 5.7.1 Message rejected as spam"}) + "\n\n--- Original message ---\nSubject: " + pick([]string{"Your assignment has been graded", "Password reset", "Welcome to LearnLoop", "You have been enrolled in " + course()})
		add(t, d, "Undelivered Mail Returned to Sender", body, "email", label)
	}
	for i := 0; i < 4; i++ {
		t := rhythmTime(nil)
		d := Person{Name: pick([]string{"SEO Growth Team", "Kelly from EduLeads", "Crypto Rewards"}), Email: pick([]string{"offers@growth-seo.example", "kelly@eduleads.example", "noreply@rewards-now.example"})}
		add(t, d, pick([]string{"Partnership opportunity", "Boost your school's Google ranking", "Quick question about your LMS", "You have won"}), "Hi, I came across LearnLoop and wanted to reach out about a partnership that could triple your inbound leads. Do you have 15 minutes this week?", "email", label)
	}
}

// ---------------------------------------------------------------- status pages

var updates []weekgen.Update

type step struct {
	t              time.Time
	status, impact string
	body           string
}

func incident(provider, id, title, label, kind string, comps []string, steps ...step) {
	for i, s := range steps {
		updates = append(updates, weekgen.Update{
			Provider: provider, ProviderIncidentID: id, UpdateID: fmt.Sprintf("%s-u%d", id, i+1),
			Status: s.status, Impact: s.impact, At: s.t.Format(time.RFC3339), Title: title, Body: s.body,
			Kind: kind, Components: comps, Label: label,
		})
	}
}

func statusPages() {
	// keystile, identity broker: trails customers by ~45 minutes.
	incident("keystile", "ks-inc-4471", "Elevated authentication errors for federated sign-in", "inc-signin-outage", "incident",
		[]string{"Federation (OIDC/SAML)", "Password authentication", "Session API"},
		step{at(1, 9, 18), "investigating", "major", "We are investigating elevated error rates and latency on authentication requests in the EU region. Some end users may be unable to sign in."},
		step{at(1, 9, 53), "identified", "critical", "The issue has been identified as a failed configuration rollout to the session store cluster in eu-central. Federated and password sign-in, and session validation calls, are failing for a large proportion of requests. We are rolling back."},
		step{at(1, 10, 38), "monitoring", "major", "The rollback is complete and error rates have returned to normal levels. We are monitoring the recovery."},
		step{at(1, 11, 36), "resolved", "major", "This incident has been resolved. Between 08:33 and 10:41 UTC a large share of authentication and session validation requests in the EU region failed. A full post-incident review will follow."},
	)
	// keystile scheduled maintenance: no expected impact, and none seen.
	incident("keystile", "ks-mnt-0912", "Scheduled maintenance: certificate rotation for EU signing keys", "", "maintenance",
		[]string{"Federation (OIDC/SAML)"},
		step{at(0, 10, 0), "scheduled", "maintenance", "On Thursday 10 December from 03:00 to 03:45 UTC we will rotate token signing keys in the EU region. No downtime is expected; clients that cache JWKS for more than 24h should refresh."},
		step{at(3, 3, 0), "in_progress", "maintenance", "Maintenance is in progress."},
		step{at(3, 3, 31), "verifying", "maintenance", "Key rotation complete; verifying token issuance."},
		step{at(3, 3, 44), "completed", "maintenance", "The scheduled maintenance has been completed."},
	)
	// castwell, live video streaming: leads the first customer report.
	incident("castwell", "cw-2026-1210-a", "Degraded media quality on real-time sessions (Europe)", "inc-live-video", "incident",
		[]string{"Media relays (EU)", "Real-time video", "Real-time audio"},
		step{at(3, 12, 58), "investigating", "minor", "We are investigating reports of packet loss on media relays in Frankfurt and Amsterdam. Sessions connect normally but participants may see frozen video or hear choppy audio."},
		step{at(3, 13, 34), "identified", "major", "A network provider upstream of our Frankfurt relays is dropping traffic. We are shifting media traffic to alternate relays."},
		step{at(3, 14, 26), "monitoring", "minor", "Traffic has been moved and media quality metrics have recovered. We continue to monitor."},
		step{at(3, 15, 2), "resolved", "minor", "Resolved. Between 12:50 and 14:30 UTC, real-time sessions in Europe experienced degraded video and audio."},
	)
	// tillpoint, payments: a real incident that does not touch LearnLoop
	// (LearnLoop takes cards only, in GBP and EUR).
	incident("tillpoint", "tp-88213", "Delayed settlement for PIX payments in Brazil", "", "incident",
		[]string{"Local payment methods (BR)", "Payouts"},
		step{at(2, 14, 12), "investigating", "minor", "We are investigating delays in settlement of PIX payments. Card payments are not affected."},
		step{at(2, 14, 55), "identified", "minor", "A partner bank in Brazil is processing settlement files late. Payments are accepted; settlement will be delayed."},
		step{at(2, 16, 20), "monitoring", "minor", "The partner bank has caught up with the backlog."},
		step{at(2, 17, 5), "resolved", "none", "All delayed PIX settlements have been processed."},
	)
	// lumenedge, CDN: trails customers by ~80 minutes.
	incident("lumenedge", "le-inc-20261211-3", "Slow delivery of video segments from London and Paris PoPs", "inc-playback-buffering", "incident",
		[]string{"Video delivery", "Edge (Europe)"},
		step{at(4, 19, 24), "investigating", "minor", "We are investigating elevated time-to-first-byte for video segment requests served from our London and Paris points of presence."},
		step{at(4, 19, 46), "identified", "major", "A cache fill misconfiguration deployed at 17:55 UTC is sending most video segment requests back to origin. We are reverting it."},
		step{at(4, 20, 9), "monitoring", "minor", "The change has been reverted and cache hit ratios are recovering."},
		step{at(4, 20, 56), "resolved", "minor", "Resolved. Video delivery in Europe was degraded between 17:55 and 20:05 UTC."},
	)
	// postkite, email delivery: leads customers slightly.
	incident("postkite", "pk-3390", "Outbound email delivery delays", "inc-email-delay", "incident",
		[]string{"Outbound SMTP", "Transactional API"},
		step{at(5, 8, 55), "investigating", "minor", "Some messages sent through our transactional API are queued longer than usual. We are investigating."},
		step{at(5, 10, 6), "identified", "major", "A storage fault on one of our queue clusters has slowed processing. Messages are accepted and will be delivered; delays of several hours are possible."},
		step{at(5, 12, 50), "monitoring", "minor", "Queue processing has recovered and the backlog is draining."},
		step{at(5, 14, 16), "resolved", "minor", "The backlog has been delivered. All messages accepted between 08:40 and 13:30 UTC were delivered, some with significant delay."},
	)
	// cratebox, object storage: trails customers by ~45 minutes.
	incident("cratebox", "cbx-2026-0419", "Elevated error rates for PUT requests in eu-west-2", "inc-upload-failure", "incident",
		[]string{"Object storage (eu-west-2)", "Multipart upload"},
		step{at(6, 21, 52), "investigating", "major", "We are investigating elevated 503 error rates on PUT and multipart upload requests in eu-west-2. GET requests are not affected."},
		step{at(6, 22, 25), "identified", "major", "A metadata partition in eu-west-2 is overloaded following a capacity change. We are adding capacity and throttling background rebalancing."},
		step{at(6, 23, 35), "monitoring", "minor", "Write error rates have returned to normal. We are monitoring."},
		step{at(7, 0, 41), "resolved", "minor", "Resolved. Between 20:58 and 23:30 UTC a significant share of writes in eu-west-2 failed with 503."},
	)
}

// ---------------------------------------------------------------- main

func main() {
	signinOutage()
	quizBug()
	liveVideo()
	playback()
	emailDelay()
	uploadFailure()
	hardNegativesGen()
	lookAlikes()
	backgroundGen(424)
	statusPages()

	sort.SliceStable(tickets, func(i, j int) bool { return tickets[i].at.Before(tickets[j].at) })
	counts := map[string]int{}
	for i := range tickets {
		tickets[i].ID = fmt.Sprintf("LL-%d", 71000+i)
		tickets[i].ReceivedAt = tickets[i].at.Format(time.RFC3339)
		counts[tickets[i].Label]++
	}
	if err := weekgen.WriteWeek(".", tickets, updates, weekgen.Format{}); err != nil {
		panic(err)
	}
	var labels []string
	for l := range counts {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	for _, l := range labels {
		fmt.Printf("%-28s %4d\n", l, counts[l])
	}
	fmt.Printf("%-28s %4d\n%-28s %4d\n", "tickets", len(tickets), "updates", len(updates))
}

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
//
// The texts (ticket subjects and bodies, names, status-page updates) live
// in texts.json beside this file; the code here keeps the logic and the draws.
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

// tx holds the ticket texts, read from texts.json when main starts.
var tx struct {
	Incidents []struct {
		Provider, ID, Title, Label, Kind string
		Components                       []string
		Steps                            []struct {
			At                   [3]int // day of the week (0 = Monday), hour, minute
			Status, Impact, Body string
		}
	}

	Orgs []Org

	FirstEN, LastEN, Greetings, BotHello, BotArticles, AgentSignOff, Courses         []string
	Symptoms, Contexts, Asks, Subjects, SigninSymptoms, SigninTails                  []string
	SigninParentBodies, SigninFollowUps, VideoSymptoms, VideoSubjects, VideoContexts []string
	VideoStudentBodies, PlaybackBodies, PlaybackTails, PlaybackSubjects              []string
	UploadStudentBodies, UploadParentBodies, UploadTeacherBodies, UploadFollowUps    []string
	BackgroundTails, ReplySubjects                                                   []string

	WebformRoles, BackgroundCategories map[string]string

	SigninHandWritten []struct {
		Role, Lang, Subj, Body, Src string
		Off                         int // minutes after 08:35
	}

	QuizBodies, EmailDelayTexts []struct{ Role, Subj, Body string }

	VideoHandWritten, UploadHandWritten []struct{ Role, Lang, Subj, Body string }

	HardNegatives, HardNegativeExtras []hn

	Background []bg

	LookAlikes []la
}

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
	return pick(tx.FirstEN), pick(tx.LastEN)
}

// orgFor picks an organisation suitable for a role.
func orgFor(role string, lang string) Org {
	for {
		o := pick(tx.Orgs)
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
	return pick(tx.Greetings)
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
	fmt.Fprintf(&b, "[%s] Loopy (bot): %s\n", stamp(), pick(tx.BotHello))
	agent := pick(agents)
	for i, l := range lines {
		fmt.Fprintf(&b, "[%s] %s: %s\n", stamp(), first(p), l)
		if i == 0 {
			fmt.Fprintf(&b, "[%s] Loopy (bot): %s\n", stamp(), pick(tx.BotArticles))
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
		fmt.Fprintf(&b, "[%s] %s (LearnLoop Support): %s\n", stamp(), agent, pick(tx.AgentSignOff))
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
	role := tx.WebformRoles[p.Role]
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

func course() string { return pick(tx.Courses) }

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
	symptoms := tx.Symptoms
	contexts := tx.Contexts
	asks := tx.Asks
	subjects := tx.Subjects
	roles := []string{"teacher", "teacher", "teacher", "student", "student", "itadmin", "lnd", "employee", "lecturer", "parent", "student", "teacher"}
	var prevs []prev
	n := 0
	for n < 112 {
		p := newPerson(pick(roles), "")
		t := spread(a, b, "ramp")
		var sym string
		switch p.Role {
		case "student":
			sym = pick(tx.SigninSymptoms)
			if chance(0.5) {
				sym = strings.ToLower(sym)
			}
			body := sym
			if chance(0.4) {
				body += " " + pick(tx.SigninTails)
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
			body := pick(tx.SigninParentBodies)
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
	hw := tx.SigninHandWritten
	for _, h := range hw {
		p := newPerson(h.Role, h.Lang)
		t := a.Add(time.Duration(h.Off)*time.Minute + time.Duration(rng.IntN(50))*time.Second)
		body := h.Body
		if h.Src == "chat" {
			body = chat(t, p, h.Body)
		}
		add(t, p, h.Subj, body, h.Src, label)
		prevs = append(prevs, prev{p, t, h.Subj, h.Body})
	}
	// Follow-ups from the same people.
	fu := tx.SigninFollowUps
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
	bodies := tx.QuizBodies
	a, b := at(2, 7, 20), at(2, 21, 30)
	for i, x := range bodies {
		p := newPerson(x.Role, "")
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
		s, bd, src := dress(t, p, x.Subj, x.Body, "Quizzes & grading")
		if x.Subj == "" {
			s, bd, src = "", x.Body, "email"
		}
		if i == 13 {
			s, bd, src = x.Body, "", "email"
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
	sym := tx.VideoSymptoms
	subj := tx.VideoSubjects
	ctx := tx.VideoContexts
	roles := []string{"teacher", "teacher", "lecturer", "student", "employee", "lnd", "teacher", "student"}
	var prevs []prev
	for i := 0; i < 38; i++ {
		p := newPerson(pick(roles), "")
		t := spread(a, b, "ramp")
		var body string
		if p.Role == "student" {
			body = pick(tx.VideoStudentBodies)
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
	hw := tx.VideoHandWritten
	for _, h := range hw {
		p := newPerson(h.Role, h.Lang)
		t := spread(a.Add(10*time.Minute), b.Add(-20*time.Minute), "flat")
		add(t, p, h.Subj, greeting()+h.Body+signature(p), "email", label)
		prevs = append(prevs, prev{p, t, h.Subj, h.Body})
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
	bodies := tx.PlaybackBodies
	roles := []string{"student", "student", "student", "employee", "learner", "parent", "student", "teacher"}
	for i := 0; i < 27; i++ {
		p := newPerson(pick(roles), "")
		t := spread(a, b, "mid")
		s := pick(bodies)
		body := s
		if p.Role != "student" {
			body = strings.ToUpper(s[:1]) + s[1:] + "."
		}
		body += pick(tx.PlaybackTails)
		subj := pick(tx.PlaybackSubjects)
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
	x := tx.EmailDelayTexts
	for i, y := range x {
		p := newPerson(y.Role, "")
		t := spread(a, b, "flat")
		if i == len(x)-1 {
			t = at(5, 13, 5+rng.IntN(25))
		}
		s, bd, src := dress(t, p, y.Subj, y.Body, "Notifications")
		if y.Subj == "" {
			s, bd, src = "", y.Body+signature(p), "email"
		}
		add(t, p, s, bd, src, label)
	}
}

// Sun 13 Dec, 21:05–23:55 UTC: object storage (cratebox) rejects writes
// in its EU region just before the Sunday-midnight assignment deadline.
func uploadFailure() {
	const label = "inc-upload-failure"
	a, b := at(6, 21, 5), at(6, 23, 58)
	stud := tx.UploadStudentBodies
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
			body = pick(tx.UploadParentBodies)
			subj = pick([]string{"Son can't submit homework", "Upload problem - deadline tonight"})
		default:
			body = pick(tx.UploadTeacherBodies)
			subj = pick([]string{"Students can't upload", "Submission uploads failing", "Upload errors tonight"})
		}
		s, bd, src := dress(t, p, subj, body, "Assignments & uploads")
		add(t, p, s, bd, src, label)
		prevs = append(prevs, prev{p, t, s, body})
	}
	hw := tx.UploadHandWritten
	for _, h := range hw {
		p := newPerson(h.Role, h.Lang)
		t := spread(a.Add(15*time.Minute), b.Add(-30*time.Minute), "flat")
		add(t, p, h.Subj, h.Body, "email", label)
		prevs = append(prevs, prev{p, t, h.Subj, h.Body})
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
		add(t, pv.p, subj, pick(tx.UploadFollowUps), "email", label)
	}
}

// ---------------------------------------------------------------- hard negatives

// Individual problems that read like an outage. win: where to place it:
// "signin" (inside the sign-in outage), "live", "upload", "play", "mail",
// or "" (anywhere in the week's rhythm). src "" = let dress choose.
type hn struct {
	Win, Role, Lang, Src, Subj, Body string
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
		p := newPerson(h.Role, h.Lang)
		var s, bd, src string
		switch {
		case h.Src == "chat":
			s, bd, src = "", chat(t, p, h.Body), "chat"
		case h.Src == "email":
			s, bd, src = h.Subj, greeting()+h.Body+signature(p), "email"
		case h.Src == "web":
			s, bd, src = h.Subj, webform("Signing in", h.Body, p), "web"
		case h.Subj == "":
			s, bd, src = "", h.Body, pick([]string{"email", "web", "chat"})
			if src == "chat" {
				bd = chat(t, p, h.Body)
			}
		default:
			s, bd, src = dress(t, p, h.Subj, h.Body, "Account & sign-in")
			if s == "" && bd == "" {
				bd = h.Body
			}
		}
		add(t, p, s, bd, src, label)
	}
	for _, h := range tx.HardNegatives {
		var t time.Time
		if w, ok := win[h.Win]; ok {
			t = spread(w[0], w[1], "flat")
		} else {
			t = rhythmTime(nil)
		}
		emit(h, t)
	}
	// A handful written twice by different people in their own words are
	// not needed; instead, short variants of the commonest cases, spread
	// across the week (including the windows).
	extra := tx.HardNegativeExtras
	for _, h := range extra {
		var t time.Time
		if w, ok := win[h.Win]; ok {
			t = spread(w[0], w[1], "flat")
		} else {
			t = rhythmTime(nil)
		}
		emit(h, t)
	}
}

// ---------------------------------------------------------------- look-alikes

// la is a look-alike of texts.json; it lands in the named incident window.
type la struct {
	Window, Role, Subj, Body, Source string
}

func lookAlikes() {
	const label = "look-alike"
	windows := map[string][2]time.Time{
		"sign-in":    {at(1, 8, 40), at(1, 10, 40)},
		"live-class": {at(3, 13, 5), at(3, 14, 35)},
		"quiz":       {at(2, 8, 0), at(2, 20, 0)},
		"playback":   {at(4, 18, 5), at(4, 20, 5)},
		"email":      {at(5, 9, 30), at(5, 13, 30)},
		"upload":     {at(6, 21, 10), at(6, 23, 50)},
	}
	for _, x := range tx.LookAlikes {
		p := newPerson(x.Role, "")
		w := windows[x.Window]
		t := spread(w[0], w[1], "flat")
		var s, bd, src string
		switch {
		case x.Source == "chat":
			s, bd, src = "", chat(t, p, x.Body), "chat"
		case x.Source == "email":
			s, bd, src = x.Subj, greeting()+x.Body+signature(p), "email"
		default:
			s, bd, src = dress(t, p, x.Subj, x.Body, "Other")
			if s == "" && bd == "" {
				bd = x.Body
			}
		}
		add(t, p, s, bd, src, label)
	}
}

// ---------------------------------------------------------------- background

type bg struct{ Cat, Role, Subj, Body string }

func backgroundGen(n int) {
	const label = "background"
	fill := func(s string) string {
		s = strings.ReplaceAll(s, "{course}", course())
		s = strings.ReplaceAll(s, "{n}", fmt.Sprint(20+rng.IntN(700)))
		return s
	}
	extra := tx.BackgroundTails
	for i := 0; i < n; i++ {
		x := pick(tx.Background)
		var days []int
		if x.Cat == "deadline" {
			days = []int{4, 6, 6, 6, 2}
		}
		if x.Cat == "enrol" || x.Cat == "cert" || x.Cat == "admin" {
			days = []int{0, 1, 2, 3, 4}
		}
		t := rhythmTime(days)
		p := newPerson(x.Role, "")
		body := fill(x.Body) + pick(extra)
		subj := fill(x.Subj)
		cat := tx.BackgroundCategories[x.Cat]
		var s, bd, src string
		if x.Cat == "thanks" {
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
		orig := pick(tx.ReplySubjects)
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
	for _, inc := range tx.Incidents {
		var steps []step
		for _, s := range inc.Steps {
			steps = append(steps, step{at(s.At[0], s.At[1], s.At[2]), s.Status, s.Impact, s.Body})
		}
		incident(inc.Provider, inc.ID, inc.Title, inc.Label, inc.Kind, inc.Components, steps...)
	}
}

// ---------------------------------------------------------------- main

func main() {
	weekgen.ReadTexts(weekgen.TextsFile(), &tx)
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
	weekgen.Must(weekgen.WriteWeek(weekgen.Dir(), tickets, updates, weekgen.Format{}))
	weekgen.PrintCounts(os.Stdout, counts)
	fmt.Printf("updates %d\n", len(updates))
}

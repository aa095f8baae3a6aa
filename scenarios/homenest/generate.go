//go:build ignore

// generate.go writes tickets.jsonl and updates.jsonl for the HomeNest week
// (Mon 11 Jan 2027 - Sun 17 Jan 2027, UTC). Standard library and
// scenarios/internal/weekgen only, fixed seed: running it again gives the
// same bytes.
//
//	cd scenarios/homenest && go run generate.go
package main

import (
	"fmt"
	"math/rand"
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
	name, email, org, lang, kind string // kind: home, pm, installer, shop
}

var r = rand.New(rand.NewSource(20270111))

func pick(xs []string) string { return xs[r.Intn(len(xs))] }

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(l)
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

func first(name string) string { return strings.Fields(name)[0] }

func day(d, h, m int) time.Time { return time.Date(2027, 1, d, h, m, 0, 0, time.UTC) }

// ---------------------------------------------------------------- people

var people []person

func addPeople(kind, org, lang, domain string, names ...string) {
	for _, n := range names {
		local := strings.ToLower(strings.ReplaceAll(n, " ", "."))
		local = strings.NewReplacer("ö", "oe", "ü", "ue", "ä", "ae", "'", "").Replace(local)
		people = append(people, person{name: n, email: local + "@" + domain, org: org, lang: lang, kind: kind})
	}
}

func setupPeople() {
	addPeople("pm", "Brightwater Lettings", "en", "brightwaterlettings.co.uk", "Sophie Marsh", "Tom Everett", "Nadia Rahman")
	addPeople("pm", "Harbor Point Property Management", "en", "harborpointpm.com", "Derek Alvarez", "Janelle Brooks", "Kyle Nguyen")
	addPeople("pm", "Kessler Hausverwaltung GmbH", "de", "kessler-hv.de", "Markus Kessler", "Anja Vogt")
	addPeople("pm", "Van Dijk Vastgoedbeheer", "nl", "vandijkvastgoed.nl", "Sanne de Vries", "Joost van Dijk")
	addPeople("pm", "Oakline Student Homes", "en", "oaklinehomes.co.uk", "Priyanka Shah", "Callum Reid")
	addPeople("installer", "Sparks & Sons Electrical", "en", "sparksandsons.co.uk", "Gary Sparks", "Dean Sparks")
	addPeople("installer", "SecureFit Installs", "en", "securefitinstalls.com", "Luis Moreno")
	addPeople("installer", "Elektro Hartmann", "de", "elektro-hartmann.de", "Jens Hartmann")
	addPeople("shop", "Corner Crumb Bakery", "en", "cornercrumb.co.uk", "Holly Peters")
	addPeople("shop", "Patel News & Convenience", "en", "patelnews.co.uk", "Raj Patel")
	addPeople("shop", "Ridgeway Vets", "en", "ridgewayvets.co.uk", "Emma Doyle")
	addPeople("shop", "Main Street Bikes", "en", "mainstreetbikes.com", "Cody Wallace")
	addPeople("shop", "Bloem & Blad", "nl", "bloemenblad.nl", "Femke Jansen")
	homes := []struct{ n, d, lang string }{
		{"Margaret Okafor", "btinternet.com", "en"}, {"James Whitfield", "gmail.com", "en"}, {"Aisha Begum", "outlook.com", "en"},
		{"Hannah Cole", "icloud.com", "en"}, {"Peter Lindqvist", "gmail.com", "en"}, {"Doreen Fletcher", "sky.com", "en"},
		{"Oliver Grant", "gmail.com", "en"}, {"Chloe Barnes", "hotmail.co.uk", "en"}, {"Ravi Menon", "gmail.com", "en"},
		{"Siobhan Kelly", "eircom.net", "en"}, {"Graham Hughes", "virginmedia.com", "en"}, {"Lucy Tran", "yahoo.com", "en"},
		{"Marcus Bell", "gmail.com", "en"}, {"Brenda Kowalski", "aol.com", "en"}, {"Tyrone Jackson", "gmail.com", "en"},
		{"Megan Schultz", "outlook.com", "en"}, {"Carlos Ramirez", "gmail.com", "en"}, {"Patricia Dunn", "comcast.net", "en"},
		{"Ethan Park", "icloud.com", "en"}, {"Naomi Friedman", "gmail.com", "en"}, {"Walter Briggs", "att.net", "en"},
		{"Keisha Howard", "yahoo.com", "en"}, {"Dylan Murphy", "gmail.com", "en"}, {"Rosa Alvarado", "hotmail.com", "en"},
		{"Ian McAllister", "gmail.com", "en"}, {"Fiona Stewart", "btinternet.com", "en"}, {"Arjun Sharma", "gmail.com", "en"},
		{"Zoe Whitaker", "icloud.com", "en"}, {"Harold Jenkins", "talktalk.net", "en"}, {"Bethany Moore", "gmail.com", "en"},
		{"Sam Adeyemi", "outlook.com", "en"}, {"Grace Liu", "gmail.com", "en"}, {"Colin Baxter", "sky.com", "en"},
		{"Jasmine Wright", "gmail.com", "en"}, {"Frank Delgado", "verizon.net", "en"}, {"Molly O'Brien", "gmail.com", "en"},
		{"Stefan Müller", "web.de", "de"}, {"Claudia Becker", "gmx.de", "de"}, {"Thomas Wagner", "t-online.de", "de"},
		{"Lotte Bakker", "ziggo.nl", "nl"}, {"Daan Visser", "kpnmail.nl", "nl"}, {"Eva Smit", "gmail.com", "nl"},
	}
	// more households, built from name lists (fixed order, seeded pick)
	firstNames := lines("Alice\nBen\nCarol\nDavid\nElaine\nFaisal\nGemma\nHenry\nIsla\nJack\nKaren\nLeon\nMaya\nNeil\nOlivia\nPaul\nQuinn\nRebecca\nSteve\nTanya\nUmar\nVicky\nWill\nYasmin\nAmir\nBridget\nConnor\nDebbie\nEmeka\nFreya\nGordon\nHeather\nImran\nJoanne\nKevin\nLinda\nMohammed\nNicola\nOwen\nPaula\nRichard\nSarah\nTrevor\nWendy\nAmber\nBrandon\nCrystal\nDwayne\nErin\nTravis")
	surnames := lines("Ashworth\nBrennan\nCampbell\nDavies\nEvans\nFoster\nGibson\nHolland\nIqbal\nJohnson\nKnight\nLawson\nMason\nNorris\nOwusu\nPrice\nQuinlan\nRobinson\nSinclair\nTurner\nUsher\nVaughan\nWatts\nYoung\nAnderson\nBailey\nCarter\nDixon\nEllis\nFisher\nGreene\nHarper\nIngram\nJordan\nKhan\nLopez\nMiller\nNash\nOsborne\nPerry")
	domains := lines("gmail.com\ngmail.com\noutlook.com\nyahoo.com\nicloud.com\nhotmail.co.uk\nbtinternet.com\ncomcast.net\nsky.com")
	seen := map[string]bool{}
	for len(seen) < 120 {
		n := pick(firstNames) + " " + pick(surnames)
		if seen[n] {
			continue
		}
		seen[n] = true
		homes = append(homes, struct{ n, d, lang string }{n, pick(domains), "en"})
	}
	for i, h := range homes {
		sur := h.n[strings.LastIndex(h.n, " ")+1:]
		org := sur + " household"
		if h.lang == "de" {
			org = "Familie " + sur
		} else if h.lang == "nl" {
			org = "Familie " + sur
		}
		if i >= 42 { // the built households write as individuals, without an organisation
			org = ""
		}
		addPeople("home", org, h.lang, h.d, h.n)
	}
}

func somebody(pmShare float64) person {
	if r.Float64() < pmShare {
		var pms []person
		for _, p := range people {
			if p.kind == "pm" {
				pms = append(pms, p)
			}
		}
		return pms[r.Intn(len(pms))]
	}
	// otherwise mostly households, some shops and installers
	var pool []person
	for _, p := range people {
		if p.kind == "home" || (p.kind != "pm" && r.Float64() < 0.35) {
			pool = append(pool, p)
		}
	}
	return pool[r.Intn(len(pool))]
}

// ---------------------------------------------------------------- fill-ins

var fills = map[string][]string{
	"cam":   lines("doorbell\nDoorbell Pro\nfront door camera\nOutdoor Cam\ngarden camera\nIndoor Cam Mini\ndriveway cam\nback door camera\nbaby room camera\nshop floor camera\ngarage cam"),
	"phone": lines("iPhone 14\niPhone 12 mini\niPhone 15 Pro\nSamsung Galaxy S23\nPixel 7\nPixel 8a\nGalaxy A54\nOnePlus 11\niPad Air\nMoto G84\niPhone SE"),
	"room":  lines("living room\nhallway\nkitchen\nlanding\nback bedroom\nnursery\noffice\nconservatory\nloft"),
	"unit":  lines("Flat 2\nFlat 4B\nUnit 12\nApt 3C\nUnit 7\nFlat 11\nApt 21\nNo. 14\nFlat 9A\nUnit 30"),
	"ver":   lines("4.17.2\n4.17.2\n4.17.1\n4.18.0\n4.16.5"),
	"n":     lines("2\n3\n4\n5\n6\n8\n12\n20"),
	"door":  lines("front door\nback door\nside gate\nbuilding entrance\ngarage door\npatio door"),
	"who":   lines("the cleaner\nmy mum\nthe dog walker\na delivery driver\nmy son\nthe plumber\nour tenant\nmy neighbour\nthe carer"),
	"plug":  lines("lamp plug\nkettle plug\nheater plug\nChristmas lights plug\nfan plug\naquarium plug"),
}

func fill(s string) string {
	for strings.Contains(s, "{") {
		i := strings.Index(s, "{")
		j := strings.Index(s[i:], "}")
		if j < 0 {
			break
		}
		key := s[i+1 : i+j]
		v, ok := fills[key]
		if !ok {
			break
		}
		s = s[:i] + pick(v) + s[i+j+1:]
	}
	return s
}

// ---------------------------------------------------------------- rendering

var agents = lines("Priya\nMateo\nHelen\nKwame\nSigrid\nJoe\nAnnelies\nRuth")

var botHello = lines(`Hi there! I'm Nestor, HomeNest's assistant. What can I help with?
Hello! Nestor here. Ask me anything about your HomeNest devices.
Hi! I'm Nestor 🤖 What brings you here today?
Welcome to HomeNest support. I'm Nestor - how can I help?`)

var botReply = lines(`Sorry to hear that. Have you tried closing the app and opening it again?
I can help with that. Could you try restarting the HomeNest app?
Thanks. Here is an article that might help: "Troubleshooting the HomeNest app".
I'm not sure I understood. Would you like to talk to a person?
Got it. Let me find someone from the team for you.`)

var agentOpen = lines(`Hi {first}, thanks for waiting. Let me take a look.
Hello {first}, sorry about this. Can you tell me which phone you're using?
Hi {first}! I'm here now - let me check your account.
Hi {first}, thanks for the details. One moment please.`)

var greetEN = lines("Hi,\nHello,\nHi there,\nHello HomeNest team,\nDear HomeNest,\nHi support,\nGood evening,\nHiya,\nDear Sir/Madam,\nMorning,")
var signEN = lines("Thanks\nThank you\nCheers\nMany thanks\nRegards\nKind regards\nThanks in advance\nBest")
var greetDE = lines("Hallo,\nGuten Tag,\nSehr geehrte Damen und Herren,\nHallo HomeNest-Team,")
var signDE = lines("Viele Grüße\nMit freundlichen Grüßen\nDanke und Gruß\nGruß")
var greetNL = lines("Hallo,\nBeste HomeNest,\nGoedemiddag,\nHoi,")
var signNL = lines("Groet\nMet vriendelijke groet\nAlvast bedankt\nGroetjes")

var phoneSig = lines("Sent from my iPhone\nSent from my Galaxy\nSent from Outlook for Android\nGet Outlook for iOS")

// body assembles an email/web/chat body from parts. parts[0] is the opening
// complaint; the rest follow.
func render(p person, src string, subject string, parts []string) string {
	f := first(p.name)
	for i := range parts {
		parts[i] = strings.ReplaceAll(fill(parts[i]), "{first}", f)
	}
	switch src {
	case "chat":
		ag := pick(agents)
		var b strings.Builder
		fmt.Fprintf(&b, "[Nestor] %s\n", pick(botHello))
		fmt.Fprintf(&b, "[%s] %s\n", p.name, parts[0])
		fmt.Fprintf(&b, "[Nestor] %s\n", pick(botReply))
		if len(parts) > 1 {
			fmt.Fprintf(&b, "[%s] %s\n", p.name, parts[1])
		} else {
			fmt.Fprintf(&b, "[%s] %s\n", p.name, pick(lines("agent please\nperson\nyes\nI need a human\nno that didn't help")))
		}
		fmt.Fprintf(&b, "Agent %s joined the chat\n", ag)
		fmt.Fprintf(&b, "[Agent %s] %s\n", ag, strings.ReplaceAll(pick(agentOpen), "{first}", f))
		if len(parts) > 2 {
			fmt.Fprintf(&b, "[%s] %s", p.name, strings.Join(parts[2:], " "))
		} else {
			fmt.Fprintf(&b, "[%s] %s", p.name, pick(lines("ok thanks\nthank you\nok\nsure, take your time\nthanks, I'll wait")))
		}
		return b.String()
	case "web":
		topic := subject
		if topic == "" {
			topic = "Other"
		}
		return fmt.Sprintf("Name: %s\nEmail: %s\nTopic: %s\nPhone / device: %s\nApp version: %s\n\nHow can we help?\n%s",
			p.name, p.email, topic, fill("{phone}"), fill("{ver}"), strings.Join(parts, " "))
	}
	greet, sign := greetEN, signEN
	if p.lang == "de" && isLang(parts, "de") {
		greet, sign = greetDE, signDE
	} else if p.lang == "nl" && isLang(parts, "nl") {
		greet, sign = greetNL, signNL
	}
	var b strings.Builder
	if r.Float64() < 0.8 {
		b.WriteString(pick(greet) + "\n\n")
	}
	if r.Float64() < 0.5 || len(parts) < 3 {
		b.WriteString(strings.Join(parts, " "))
	} else {
		b.WriteString(strings.Join(parts[:2], " ") + "\n\n" + strings.Join(parts[2:], " "))
	}
	switch x := r.Float64(); {
	case x < 0.7:
		b.WriteString("\n\n" + pick(sign) + "\n" + f)
		if p.kind != "home" {
			b.WriteString(" " + p.name[len(f)+1:] + "\n" + p.org)
		}
	case x < 0.85:
		b.WriteString("\n\n" + f)
	case x < 0.95:
		b.WriteString("\n\n" + pick(phoneSig))
	}
	body := b.String()
	if r.Float64() < 0.12 {
		body = toHTML(body)
	}
	return body
}

func isLang(parts []string, lang string) bool {
	s := strings.ToLower(strings.Join(parts, " "))
	if lang == "de" {
		return strings.Contains(s, " ich ") || strings.Contains(s, " nicht") || strings.Contains(s, " die ") || strings.Contains(s, " wir ")
	}
	return strings.Contains(s, " niet") || strings.Contains(s, " ik ") || strings.Contains(s, " het ") || strings.Contains(s, " we ")
}

func toHTML(s string) string {
	paras := strings.Split(s, "\n\n")
	var b strings.Builder
	b.WriteString(pick(lines(`<html><body><div dir="ltr">
<html><head><meta charset="utf-8"></head><body style="font-family:Calibri,sans-serif">
<div>`)))
	for _, p := range paras {
		b.WriteString("<p>" + strings.ReplaceAll(p, "\n", "<br>") + "</p>")
	}
	b.WriteString("</div></body></html>")
	out := b.String()
	if !strings.HasPrefix(out, "<html") {
		out = strings.TrimSuffix(out, "</body></html>")
	}
	return out
}

// ---------------------------------------------------------------- ticket factory

var tickets []ticket

func chooseSource(chat, web float64) string {
	x := r.Float64()
	switch {
	case x < chat:
		return "chat"
	case x < chat+web:
		return "web"
	}
	return "email"
}

func add(at time.Time, p person, src, subject, body, label string) *ticket {
	if src == "chat" {
		subject = "Chat with " + p.name
	}
	tickets = append(tickets, ticket{at: at, Ticket: weekgen.Ticket{Subject: subject, Body: body, Source: src, CustomerEmail: p.email, CustomerName: p.name, Org: p.org, Label: label}})
	return &tickets[len(tickets)-1]
}

// topic is a family of tickets: subjects, openings, details and asks.
// A ticket takes one opening and, with some chance, a detail and an ask.
type topic struct {
	subjects, opens, details, asks []string
	de, nl                         []string // whole bodies in German / Dutch
	deSubj, nlSubj                 []string
}

func (t topic) make(at time.Time, p person, label string, chat, web float64) *ticket {
	src := chooseSource(chat, web)
	if (p.lang == "de" && len(t.de) > 0 || p.lang == "nl" && len(t.nl) > 0) && r.Float64() < 0.75 {
		body, subj := "", ""
		if p.lang == "de" {
			body, subj = pick(t.de), pick(t.deSubj)
		} else {
			body, subj = pick(t.nl), pick(t.nlSubj)
		}
		if src == "web" {
			src = "email"
		}
		return add(at, p, src, fill(subj), render(p, src, subj, []string{body}), label)
	}
	parts := []string{pickFor(t.opens, p)}
	if len(t.details) > 0 && r.Float64() < 0.7 {
		parts = append(parts, pickFor(t.details, p))
	}
	if len(t.asks) > 0 && r.Float64() < 0.65 {
		parts = append(parts, pick(t.asks))
	}
	subj := fill(pick(t.subjects))
	if src == "email" && r.Float64() < 0.15 {
		subj = strings.ToLower(subj)
	}
	return add(at, p, src, subj, render(p, src, subj, parts), label)
}

// pickFor avoids landlord wording (tenants, units, buildings) for people
// who are not property managers.
func pickFor(xs []string, p person) string {
	for i := 0; ; i++ {
		x := pick(xs)
		if p.kind == "pm" || i > 20 {
			return x
		}
		l := strings.ToLower(x)
		if !strings.Contains(l, "tenant") && !strings.Contains(l, "flats") && !strings.Contains(l, "{unit}") &&
			!strings.Contains(l, "propert") && !strings.Contains(l, "buildings") && !strings.Contains(l, "our staff") {
			return x
		}
	}
}

// spread returns a time in [start, start+dur) with a ramp-up and a tail,
// following per-bucket weights.
func spread(start time.Time, dur time.Duration, weights []float64) time.Time {
	tot := 0.0
	for _, w := range weights {
		tot += w
	}
	x := r.Float64() * tot
	i := 0
	for ; i < len(weights)-1; i++ {
		if x < weights[i] {
			break
		}
		x -= weights[i]
	}
	bucket := dur / time.Duration(len(weights))
	off := time.Duration(i)*bucket + time.Duration(r.Int63n(int64(bucket)))
	return start.Add(off).Truncate(time.Second)
}

var weekdayHours = []float64{3, 2, 2, 1.5, 1, 1, 1.5, 3.5, 6, 7, 7, 7, 6, 6, 6, 6, 7, 8, 9, 9, 8, 6, 5, 4}
var saturdayHours = []float64{3, 2, 1.5, 1, 1, 1, 1.5, 3, 8, 11, 12, 11, 8, 7, 6, 6, 6, 6, 6, 6, 5, 5, 4, 3}
var sundayHours = []float64{3, 2, 1.5, 1, 1, 1, 1, 2, 4, 6, 7, 7, 7, 6, 6, 6, 6, 7, 8, 8, 7, 6, 5, 4}

func dayTime(d int) time.Time {
	w := weekdayHours
	if d == 16 {
		w = saturdayHours
	} else if d == 17 {
		w = sundayHours
	}
	return spread(day(d, 0, 0), 24*time.Hour, w)
}

func uniform(a, b time.Time) time.Time {
	return a.Add(time.Duration(r.Int63n(int64(b.Sub(a))))).Truncate(time.Second)
}

// ---------------------------------------------------------------- main

func main() {
	setupPeople()
	genLoginStorm()
	genDevicesOffline()
	genLiveViewConnect()
	genLiveViewFreeze()
	genClips()
	genThermostat()
	genHardNegatives()
	genLookAlikes()
	genBackground()

	sort.SliceStable(tickets, func(i, j int) bool { return tickets[i].at.Before(tickets[j].at) })
	for i := range tickets {
		tickets[i].ID = fmt.Sprintf("HN-%d", 48210+i)
		tickets[i].ReceivedAt = tickets[i].at.Format(time.RFC3339)
	}
	if err := weekgen.WriteWeek(".", tickets, updates(), weekgen.Format{}); err != nil {
		panic(err)
	}
	counts := map[string]int{}
	srcs := map[string]int{}
	for _, t := range tickets {
		counts[t.Label]++
		srcs[t.Source]++
	}
	fmt.Fprintln(os.Stderr, len(tickets), "tickets", counts, srcs)
}

// ---------------------------------------------------------------- incidents

// inc-login-outage: Latchkey (identity) fails, Wed 13 Jan 17:40-19:40 UTC.
var loginTopic = topic{
	subjects: lines(`Can't log in
can't sign in to the app
App keeps saying session expired
Logged out and can't get back in
Sign in with Apple not working
HomeNest app stuck on splash screen
URGENT - can't unlock door, app won't log in
Login loop
Cannot access cameras - login fails
App logged me out???
Unable to sign in on web dashboard
"Something went wrong" when signing in
Sign in with Google fails
Locked out of the app (not the house... yet)
Can't see my cameras, app won't let me sign in
HomeNest down?
is the app down
Login not working for all our staff
Session expired every time
App just shows the logo
Can't log in - need to let someone in
Web dashboard login error
signed out on all phones
No access to doorbell - login problem
Login error 503`),
	opens: lines(`The app logged me out about ten minutes ago and now it won't let me back in.
I keep getting "Your session has expired, please sign in again" and when I sign in it goes straight back to the same message.
Sign in with Apple just spins and then says "Authorisation failed".
The HomeNest app is stuck on the white splash screen with the nest logo and never gets past it.
I put in my email and password and it says "Something went wrong. Try again later."
I can't log into the app at all tonight - password is definitely right, I use a password manager.
Tried to open the app to see who was at the door and it asked me to sign in again, then failed.
Both my wife and I have been logged out of HomeNest on our phones and neither of us can get back in.
The web dashboard at app.homenest.io just says "Unable to reach sign-in service".
My app signed me out by itself and now the login button does nothing.
Sign in with Google opens, I pick my account, then it bounces back to the HomeNest login page.
None of our property staff can sign in to the web dashboard - it's been like this for the last twenty minutes.
Got kicked out of the app while watching the garden cam and now it's just a login loop.
Every time I type the 2FA code it says the code is invalid and starts over, and I've tried 5 fresh codes.
Opened HomeNest on my {phone} and it's asking me to log in, which it never does, then it errors.
The app opens to the splash screen and after about a minute says "Couldn't verify your session".
I can't sign in on my phone or on the iPad, same error on both.
I'm locked out of my HomeNest account - it says session expired and the sign in button just loads forever.
Since about 6pm the app won't sign me in. Error 503 shows for a second.
Logged out of HomeNest and "Continue with Apple" fails every time.
The login page just spins. Wifi is fine, everything else on my phone works.
I got a notification that someone was at the door, tapped it, and the app wanted me to sign in. Now it won't.
Our whole office is logged out of HomeNest. Three of us, three different phones.
The app says "We couldn't sign you in" no matter what I do.
I'm being asked to re-enter my password over and over - it accepts it and then asks again.`),
	details: lines(`So I can't see any of my cameras.
That means I can't unlock the {door} for {who}, who is standing outside right now.
I can't see the {cam} at all.
We manage {n} flats with HomeNest locks and tenants are ringing us because their app logged them out too.
I've reinstalled the app already, no difference.
Restarted the phone twice. Still the same.
I'm away from home and I have no idea if the house is OK.
My elderly dad relies on the doorbell to see who's there and he's now stuck.
I tried on 4G and on wifi, same thing.
I have a contractor arriving at {unit} and I can't send him a lock code.
Deleted and reinstalled, now I can't even get to the cameras screen.
The physical keypad still works but nobody can use the app.
It was working at lunchtime.
My partner's phone has the same problem so it's not just my phone.
Is there a problem on your side?`),
	asks: lines(`Is something down?
Please help asap.
Are you aware of this?
How long will this take to fix?
Is there an outage?
Can you please look into this urgently.
What do I do in the meantime?
Please let me know when it's fixed.
Can someone call me?
Is this happening to everyone?`),
	de: lines(`Ich kann mich seit heute Abend nicht mehr in der HomeNest-App anmelden. Es kommt nur "Sitzung abgelaufen" und dann wieder die Anmeldeseite. Wir sehen die Kameras nicht mehr.
Die App hängt beim Startbildschirm fest und die Anmeldung schlägt fehl. Unsere Mieter in mehreren Wohnungen können die Türschlösser nicht mehr per App öffnen. Ist bei Ihnen eine Störung?
Anmelden mit Apple funktioniert nicht mehr, es kommt eine Fehlermeldung. Passwort ist richtig. Bitte dringend prüfen.
Seit ca. 19 Uhr werden wir ständig abgemeldet und kommen nicht mehr rein. Web-Dashboard ebenfalls nicht erreichbar.`),
	deSubj: lines(`Anmeldung nicht möglich
Störung? App meldet "Sitzung abgelaufen"
Kein Login in HomeNest
Login funktioniert nicht`),
	nl: lines(`Ik kan niet meer inloggen in de HomeNest app. Hij blijft hangen op het opstartscherm en daarna krijg ik "sessie verlopen". Is er een storing?
Inloggen met Apple werkt niet, ik krijg steeds een foutmelding. Ik zie mijn camera's niet meer en kan de deur niet openen.
Wij kunnen met geen enkel account inloggen op het dashboard, ook niet op de telefoon. Onze huurders bellen ons al. Graag snel reactie.`),
	nlSubj: lines(`Inloggen lukt niet
Storing inloggen HomeNest?
Kan niet inloggen - sessie verlopen`),
}

var followUps = lines(`any update??
Still can't get in. Any news?
It's been over half an hour. Is anyone looking at this?
Hello?? Still logged out.
Still the same here, and now my husband's app has logged out too.
Any update please - we have tenants waiting.
This is still broken. Please respond.
Can you at least tell me if it's on your end?`)

func genLoginStorm() {
	start := day(13, 17, 40)
	w := []float64{2, 6, 10, 13, 13, 12, 10, 8, 6, 4, 3, 2}
	var firsts []*ticket
	// a quiet forerunner or two arrive before the page moves
	for i := 0; i < 130; i++ {
		at := spread(start, 2*time.Hour, w)
		if i < 2 {
			at = start.Add(time.Duration(60+i*170) * time.Second)
		}
		p := somebody(0.28)
		t := loginTopic.make(at, p, "inc-login-outage", 0.24, 0.12)
		if i%13 == 5 {
			firsts = append(firsts, t)
		}
	}
	// follow-ups from the same customers
	idx := 0
	for _, f := range firsts {
		ft := *f
		at := f.at.Add(time.Duration(25+r.Intn(45)) * time.Minute)
		subj := "Re: " + f.Subject
		if f.Source == "chat" {
			subj = "Re: HomeNest support chat"
		}
		orig := f.Body
		if f.Source == "chat" {
			orig = "(chat transcript)"
		}
		quoted := "> " + strings.ReplaceAll(orig, "\n", "\n> ")
		body := followUps[idx%len(followUps)] + "\n\n" + first(f.CustomerName) +
			"\n\nOn Wed, 13 Jan 2027 at " + f.at.Format("15:04") + ", " + f.CustomerName + " <" + f.CustomerEmail + "> wrote:\n" + quoted
		idx++
		ft.at, ft.Subject, ft.Body, ft.Source = at, subj, body, "email"
		tickets = append(tickets, ft)
	}
	// one subject-only ticket in the storm
	p := somebody(0)
	add(day(13, 18, 27).Add(14*time.Second), p, "email", "app wont log in cant see cameras", "", "inc-login-outage")
}

// inc-devices-offline: Hivelink (device cloud / MQTT) EU broker trouble,
// Mon 11 Jan 07:05-08:35. The status page leads.
var devicesTopic = topic{
	subjects: lines(`All devices showing offline
Lock not responding
Door lock "command timed out"
Thermostat offline in app
Can't unlock front door from app
Smart plugs unresponsive
Everything says Offline
Device unreachable
Lock won't respond - tenant locked out
Heating won't change from app
Devices offline this morning
Lock says "Waiting for device"
All locks at our properties offline`),
	opens: lines(`Every device in my home shows "Offline" in the app this morning - lock, thermostat and both plugs.
Tried to unlock the {door} from the app and it just says "Command timed out".
The thermostat shows offline and I can't turn the heating up.
My smart lock isn't responding to the app. The keypad works but remote unlock does nothing.
The {plug} won't switch on or off from the app, it shows as unreachable.
Since about 7am all of our HomeNest locks show offline across our buildings.
The app says "Device unreachable" for the lock and the thermostat even though the wifi is fine.
Lock icon just spins with "Sending..." and then fails.
Thermostat in the app is greyed out with "Offline since 07:04".
Can't lock the door remotely - I left in a hurry and the app says the lock isn't responding.
All my devices went offline at once. Router is working, I checked.
Tenant at {unit} can't get in with the app, lock shows offline.
My thermostat and plugs are offline but the cameras are fine.`),
	details: lines(`Nothing has changed at home, it was all fine last night.
I've restarted the router and the hub, made no difference.
The lights on the lock look normal.
Live view on the cameras still works, it's only the lock and heating.
It's affecting {n} properties, not just one.
I'm at work and can't check whether I locked up.
The house is freezing and the boiler schedule didn't start either.
The cleaner is due at 9 and normally I unlock it remotely.`),
	asks: lines(`Is there an issue with your servers?
Please advise urgently.
Is this a known problem?
Is anyone else reporting this?
When will this be back?
Please help.`),
	de: lines(`Seit heute Morgen sind alle Geräte in der App offline - Schlösser und Thermostate in unseren Objekten. Fernöffnen geht nicht, es kommt "Zeitüberschreitung". Gibt es eine Störung?
Das Türschloss reagiert nicht auf die App, Thermostat ebenfalls offline. WLAN funktioniert einwandfrei.`),
	deSubj: lines(`Alle Geräte offline
Schloss reagiert nicht`),
	nl:     lines(`Al onze sloten staan sinds vanochtend offline in de app. Op afstand openen lukt niet, we krijgen "time-out". Is er een storing?`),
	nlSubj: lines(`Apparaten offline`),
}

func genDevicesOffline() {
	start := day(11, 7, 5)
	w := []float64{5, 9, 11, 11, 10, 8, 7, 5, 4}
	for i := 0; i < 45; i++ {
		devicesTopic.make(spread(start, 90*time.Minute, w), somebody(0.3), "inc-devices-offline", 0.2, 0.12)
	}
}

// inc-liveview-connect: Relaycast (video relay) fails to set up streams,
// Tue 12 Jan 19:05-20:35. The status page trails.
var liveConnectTopic = topic{
	subjects: lines(`Live view not loading
Live view stuck on connecting
Black screen on doorbell
Camera won't stream
"Stream unavailable"
Can't see live video
Live feed just spins
Doorbell rang, couldn't see who it was
Cameras not connecting
live view broken?
No video from any camera`),
	opens: lines(`When I open live view on the {cam} it just says "Connecting..." forever.
All my cameras show a black screen in live view tonight.
The doorbell rang, I tapped the alert and the live view never loaded - just the spinner.
Live view says "Stream unavailable, try again later" on every camera.
I can see the motion clips fine but live view won't connect at all.
The {cam} live feed won't start. Was fine this afternoon.
Pressing on any camera gives a black box with a loading circle.
Live view times out after about 30 seconds with "Couldn't connect to camera".
Can't get a live picture from either camera, on the app or the web dashboard.
The live view in the app has been "Connecting to camera" for ten minutes.
Our shop cameras won't show live video - snapshots update but the live stream never starts.`),
	details: lines(`Cameras show as online and the light is on.
I've tried on wifi and on mobile data.
Restarted the cameras, no luck.
The recorded clips still play, it's only live.
My neighbour who also has HomeNest says theirs is the same.
Someone was at the door and I had no idea who.
It's the same on my partner's phone.`),
	asks: lines(`Is there a problem?
Is this on your end?
Please fix.
Any idea what's going on?
Is there an outage?`),
	de:     lines(`Die Live-Ansicht lädt bei keiner Kamera, nur schwarzer Bildschirm mit "Verbinde...". Aufnahmen gehen. Ist das ein Serverproblem?`),
	deSubj: lines(`Live-Ansicht lädt nicht`),
	nl:     lines(`Live beeld van de deurbel laadt niet, blijft op "verbinden" staan. Opnames werken wel. Ligt het aan jullie?`),
	nlSubj: lines(`Live beeld werkt niet`),
}

func genLiveViewConnect() {
	start := day(12, 19, 5)
	w := []float64{4, 8, 10, 10, 9, 7, 5, 4, 3}
	for i := 0; i < 40; i++ {
		liveConnectTopic.make(spread(start, 90*time.Minute, w), somebody(0.12), "inc-liveview-connect", 0.22, 0.1)
	}
}

// inc-liveview-freeze: Relaycast relay degradation, Fri 15 Jan 16:10-18:00.
// Live view connects, then freezes, lags or loses audio. The page leads.
var liveFreezeTopic = topic{
	subjects: lines(`Live view freezing
Laggy live view
No sound on doorbell live view
Two-way talk not working
Video freezes after a few seconds
Live view delayed by 10+ seconds
Picture keeps freezing
Doorbell audio cutting out
Choppy video on cameras
Live view pixelated and stuttering`),
	opens: lines(`Live view connects but freezes after 3-4 seconds and stays on that frame.
The live picture is about 15 seconds behind real time, I watched the postman walk up after he'd already knocked.
Live view loads but there's no sound at all, and when I press talk the visitor can't hear me.
The {cam} live feed keeps stuttering and going blocky.
Video starts fine then freezes, then jumps ahead, then freezes again.
Two-way talk on the doorbell isn't working - they can't hear me and I hear nothing.
Live view is really laggy this afternoon, like a slideshow.
I can get the picture up but audio drops out every few seconds.
Live feed freezes on every camera after a few seconds. Have to close and reopen.
Picture is there but it's extremely pixelated and frozen half the time.`),
	details: lines(`Our internet is 500Mb and speed test is fine.
It connects quickly, which is the odd thing - it's after that it goes wrong.
It's on all three cameras.
Normally it's really smooth.
Tried the web dashboard too - same.
I had a delivery and couldn't talk to the driver.`),
	asks: lines(`Is there something going on?
Is it your servers?
Can you check?
Known issue?`),
	de:     lines(`Die Live-Ansicht verbindet sich, friert aber nach ein paar Sekunden ein. Ton geht auch nicht. Liegt das an Ihnen?`),
	deSubj: lines(`Live-Bild friert ein`),
	nl:     lines(`Live beeld hapert en bevriest steeds, en er is geen geluid bij de deurbel. Internet is prima.`),
	nlSubj: lines(`Live beeld bevriest`),
}

func genLiveViewFreeze() {
	start := day(15, 16, 10)
	w := []float64{6, 9, 10, 9, 8, 7, 5, 3}
	for i := 0; i < 30; i++ {
		liveFreezeTopic.make(spread(start, 110*time.Minute, w), somebody(0.1), "inc-liveview-freeze", 0.2, 0.1)
	}
}

// inc-clips-unavailable: Vaultbox (object storage / CDN) errors, Sat 16 Jan
// 09:30-11:30. The status page trails.
var clipsTopic = topic{
	subjects: lines(`Motion clips not saving
Clips won't play
"Clip unavailable"
No recordings this morning
Can't download clip
Event history empty
Recordings missing
Clip thumbnails grey
Nest Plus clips not loading`),
	opens: lines(`My motion clips from this morning say "Clip unavailable" when I tap them.
The {cam} detected motion (I got the alert) but no clip was saved in the history.
Clips won't play - "Could not load clip, please try again" on every one.
All the thumbnails in my event history are grey boxes.
Trying to download a clip for the police and it fails every time.
There's nothing in the recordings after about half nine, though the cameras saw plenty.
Clips start loading and then error out.
I pay for Nest Plus and the clips from today aren't there.
The timeline shows motion events but the videos won't open.`),
	details: lines(`Live view works fine.
Subscription is paid up.
Older clips from last week also won't play now.
Someone tried the car door last night and I need that footage.
Same on the web dashboard.`),
	asks: lines(`Is something wrong with storage?
Will the clips come back?
Please help.
Are the recordings lost?`),
	de:     lines(`Die Bewegungsclips von heute lassen sich nicht abspielen, es kommt "Clip nicht verfügbar". Sind die Aufnahmen weg?`),
	deSubj: lines(`Clips nicht verfügbar`),
	nl:     lines(`De opnames van vanochtend zijn niet af te spelen, alleen grijze vakjes. Zijn ze kwijt?`),
	nlSubj: lines(`Opnames laden niet`),
}

func genClips() {
	start := day(16, 9, 30)
	w := []float64{4, 7, 9, 9, 8, 6, 4, 3}
	for i := 0; i < 26; i++ {
		clipsTopic.make(spread(start, 2*time.Hour, w), somebody(0.1), "inc-clips-unavailable", 0.2, 0.12)
	}
}

// inc-thermostat-schedule: own bug, app 4.18.0 (released Wed night) shifts
// thermostat schedules by one hour. Thu 14 Jan, all day, no provider.
var thermoTopic = topic{
	subjects: lines(`Heating coming on an hour late
Thermostat schedule wrong after update
Schedule shifted by one hour
Heating on at wrong time
Thermostat ignoring schedule times
Heating schedule off by an hour since update
Boiler fired up at 5am??
Schedule shows different times`),
	opens: lines(`Since the app updated last night my heating came on at 7 instead of 6.
The thermostat schedule is shifted by exactly one hour - the morning slot now starts at 07:30 instead of 06:30.
Heating fired up at 5am this morning, my schedule says 6.
After updating to 4.18.0 every period in my heating schedule has moved an hour.
The schedule in the app still says 06:00 but the thermostat started heating at 07:00.
Woke up to a cold house - thermostat schedule seems to be an hour out.
All my thermostat times jumped forward an hour after the update.
The evening heating period ended an hour early tonight and the screen shows the wrong times.
My thermostat is following the schedule one hour late, every period.
Tenants at {unit} say heating isn't on when it should be - the schedule is an hour off.`),
	details: lines(`I haven't changed anything.
The clock on the thermostat itself is correct.
Time zone in settings is right (London).
I tried re-saving the schedule and it moved again.
It's on both thermostats in the house.
App version is 4.18.0.`),
	asks: lines(`Is this a bug in the update?
How do I fix it?
Can you roll it back?
Is this known?`),
	de:     lines(`Seit dem App-Update ist der Heizplan um genau eine Stunde verschoben. Die Heizung geht um 7 statt um 6 an.`),
	deSubj: lines(`Heizplan um eine Stunde verschoben`),
}

func genThermostat() {
	start := day(14, 5, 30)
	w := []float64{5, 8, 7, 4, 3, 2, 2, 2, 3, 3, 4, 6, 6, 5, 3, 2, 1}
	for i := 0; i < 25; i++ {
		thermoTopic.make(spread(start, 17*time.Hour, w), somebody(0.15), "inc-thermostat-schedule", 0.18, 0.15)
	}
}

// ---------------------------------------------------------------- hard negatives

var hnForgot = topic{
	subjects: lines(`Forgot my password
Password reset
can't remember password
How do I reset my password
Locked out - forgot password`),
	opens: lines(`I've forgotten my HomeNest password and can't get into the app.
My phone updated and didn't remember my HomeNest password, and I can't remember it either.
I haven't logged in for months and I don't know my password any more.
The password I thought I used isn't working, I must have changed it at some point.`),
	asks: lines(`How do I reset it?
Can you send me a reset link?
What's the quickest way back in?`),
	de:     lines(`Ich habe mein Passwort vergessen und komme nicht in die App. Wie kann ich es zurücksetzen?`),
	deSubj: lines(`Passwort vergessen`),
}

var hnResetMail = topic{
	subjects: lines(`Reset email not arriving
Didn't get password reset email
No reset link
Password reset email never came
Verification email missing`),
	opens: lines(`I clicked "Forgot password" three times and no email has arrived.
The password reset email isn't coming through. I've checked spam.
I'm waiting for the reset link but nothing in my inbox after 20 minutes.
The app says a reset link was sent to my email but I've had nothing.`),
	details: lines(`My email is an old work address, maybe that's the problem.
I use a btinternet address if that matters.
My inbox is nearly full, could that be it?`),
	asks: lines(`Can you resend it?
Can you reset it from your side?`),
	nl:     lines(`Ik heb mijn wachtwoord opnieuw ingesteld maar de e-mail komt niet aan, ook niet in spam.`),
	nlSubj: lines(`Geen reset e-mail`),
}

var hnLocked = topic{
	subjects: lines(`Account locked
Too many attempts
"Account temporarily locked"
Locked after wrong password`),
	opens: lines(`I typed my password wrong a few times and now it says my account is locked for 30 minutes.
My little boy was playing with my phone and now the app says "Too many sign-in attempts".
After getting the password wrong it's locked me out - I need to get in to let {who} in.
It says account temporarily locked. I definitely got it wrong a few times, my fault.`),
	asks: lines(`Can you unlock it?
How long do I have to wait?
Is there any way to speed this up?`),
}

var hnNew2FA = topic{
	subjects: lines(`New phone - no authenticator
Lost my phone, can't do 2FA
2FA codes on old phone
Changed phone, can't get verification code`),
	opens: lines(`I've got a new phone and the authenticator app with my HomeNest code was on the old one, which I traded in.
My phone was stolen and my 2FA was on it. I've got a new one now but can't log in.
I switched from Android to iPhone and the authenticator didn't transfer, so I can't get the 6-digit code.
New number and new phone, so the text message codes go to my old number.`),
	asks: lines(`How do I get back into my account?
Can you turn off 2FA for me?
What ID do you need from me?`),
	de:     lines(`Ich habe ein neues Handy und die Authenticator-App war auf dem alten. Jetzt kann ich den Code nicht eingeben. Wie komme ich wieder rein?`),
	deSubj: lines(`Neues Handy, kein 2FA-Code`),
}

var hnEmailChanged = topic{
	subjects: lines(`Changed email address
Old email no longer works
Can't log in with new email
Account under old email`),
	opens: lines(`I changed my email with my provider and now HomeNest doesn't recognise the new one.
My account is under my old work email which I don't have access to any more.
I updated my email in the app last week and now it says no account exists for either address.
I think I signed up with my husband's email by mistake and now I can't log in with mine.`),
	asks: lines(`Can you move the account over?
How do I prove it's mine?`),
}

var hnRemoved = topic{
	subjects: lines(`Removed from household
Can't see our cameras any more
Access removed?
Lost access to home`),
	opens: lines(`My ex-partner was the owner of the HomeNest account and I think he's removed me from the household - I can log in but the home has gone.
I log in fine but there are no devices, it says "You're not a member of any home".
My landlord set up the doorbell and I've moved out, now I can't see anything - is that because they removed me?
My daughter's account was the admin and she's taken me off by accident I think.`),
	asks: lines(`Can you add me back?
I still live here - what are my rights?
Can you tell me who removed me?`),
}

var hnOnlyMe = topic{
	subjects: lines(`Only my login doesn't work
Can't log in but wife can
My account won't log in, others fine`),
	opens: lines(`My husband's phone logs in fine, it's only mine that says wrong password - I changed it yesterday and I think my password manager saved the old one.
Everyone else in the house can get in, it's just my account, it says "email not verified".
It's only me - my daughter can log in on her phone. Mine says "This account has been deactivated", I did close an old account last month, maybe the wrong one?`),
	asks: lines(`Can you check my account?
What should I do?`),
}

var hnRegion = topic{
	subjects: lines(`Wrong region account
Moved from US to UK - can't log in
Account not found after moving`),
	opens: lines(`We moved from Boston to Manchester and the UK app says no account found with my email.
I set the account up in the US store and now I'm in Germany it says my region isn't supported on this account.
I created my account on the EU site but bought the doorbell in the US and the app keeps saying wrong region.`),
	asks: lines(`Can you move my account to the right region?
Do I need to start again?`),
}

var hnWifi = topic{
	subjects: lines(`Camera offline
Doorbell offline after new router
Devices offline since router swap
Camera won't come back online`),
	opens: lines(`We got a new router from our broadband company yesterday and now the {cam} says offline.
I changed the Wi-Fi password and all the cameras went offline.
Our internet provider swapped the hub and now the lock and plugs won't reconnect.
The {cam} has been offline since we changed broadband supplier.`),
	asks: lines(`How do I reconnect it to the new Wi-Fi?
Do I have to set it up again from scratch?`),
	de:     lines(`Wir haben einen neuen Router und seitdem ist die Türklingel offline. Muss ich sie neu einrichten?`),
	deSubj: lines(`Klingel offline nach Routerwechsel`),
}

var hnBattery = topic{
	subjects: lines(`Doorbell dead
Lock not responding
Camera stopped working
Doorbell not ringing`),
	opens: lines(`The doorbell stopped working this evening, app says battery 0%. I didn't get a low battery warning though.
The lock won't respond at all. Battery warning had been showing for a week and I ignored it.
The garden cam has gone dead - I think the battery ran out in the cold.`),
	asks: lines(`How long does a charge take?
Is the battery covered under warranty?`),
}

var hnFirewall = topic{
	subjects: lines(`Live view won't work on office network
Cameras blocked by firewall?
Doorbell only works on 4G`),
	opens: lines(`Live view works on 4G but never on our shop Wi-Fi. Our IT guy set up a new firewall last week.
The cameras stopped connecting after I turned on the parental controls on the router.
At work the app can't connect to the cameras at all, at home it's fine. Corporate network.`),
	asks: lines(`Which ports do I need to open?
What do I need to whitelist?`),
}

var hnOldOS = topic{
	subjects: lines(`App won't open on my phone
App crashing on old phone
App not supported?`),
	opens: lines(`My mum's phone is an iPhone 7 and the HomeNest app now says it needs a newer iOS.
The app closes as soon as I open it on my old Samsung tablet (Android 8).
Since the latest app version my old iPad won't run HomeNest at all.`),
	asks: lines(`Is there any way to keep using it?
Can I download an older version?`),
}

var hnCard = topic{
	subjects: lines(`Nest Plus stopped
No clips any more
Subscription cancelled?
Payment failed`),
	opens: lines(`My clips stopped saving and the app says Nest Plus is inactive. I think my card expired last month.
I got an email saying payment failed - I have a new bank card, so that's probably why the recordings have stopped.
Clip history has disappeared, it says subscription lapsed. My card was replaced after fraud.`),
	asks: lines(`How do I update the card?
Will I get the old clips back?`),
}

func genHardNegatives() {
	loginish := []topic{hnForgot, hnForgot, hnResetMail, hnResetMail, hnLocked, hnLocked, hnNew2FA, hnEmailChanged, hnRemoved, hnOnlyMe, hnRegion}
	// inside the storm window
	for i := 0; i < 30; i++ {
		t := loginish[r.Intn(len(loginish))]
		t.make(uniform(day(13, 17, 40), day(13, 19, 40)), somebody(0.05), "hard-negative", 0.22, 0.15)
	}
	// inside the other incident windows
	for i := 0; i < 3; i++ {
		hnWifi.make(uniform(day(11, 7, 0), day(11, 8, 40)), somebody(0), "hard-negative", 0.2, 0.1)
	}
	for i := 0; i < 2; i++ {
		hnBattery.make(uniform(day(11, 7, 0), day(11, 8, 40)), somebody(0), "hard-negative", 0.2, 0.1)
	}
	hnFirewall.make(uniform(day(12, 19, 0), day(12, 20, 40)), somebody(0), "hard-negative", 0.2, 0.1)
	hnBattery.make(uniform(day(12, 19, 0), day(12, 20, 40)), somebody(0), "hard-negative", 0.2, 0.1)
	hnOldOS.make(uniform(day(12, 19, 0), day(12, 20, 40)), somebody(0), "hard-negative", 0.2, 0.1)
	hnWifi.make(uniform(day(12, 19, 0), day(12, 20, 40)), somebody(0), "hard-negative", 0.2, 0.1)
	hnFirewall.make(uniform(day(15, 16, 0), day(15, 18, 0)), somebody(0), "hard-negative", 0.2, 0.1)
	hnOldOS.make(uniform(day(15, 16, 0), day(15, 18, 0)), somebody(0), "hard-negative", 0.2, 0.1)
	for i := 0; i < 3; i++ {
		hnCard.make(uniform(day(16, 9, 20), day(16, 11, 40)), somebody(0), "hard-negative", 0.2, 0.1)
	}
	hnWifi.make(uniform(day(14, 7, 0), day(14, 20, 0)), somebody(0), "hard-negative", 0.2, 0.1)
	// the rest of the week
	all := []topic{hnForgot, hnForgot, hnResetMail, hnLocked, hnNew2FA, hnNew2FA, hnEmailChanged, hnRemoved, hnOnlyMe, hnRegion,
		hnWifi, hnWifi, hnBattery, hnBattery, hnFirewall, hnOldOS, hnCard, hnCard}
	for i := 0; i < 45; i++ {
		d := 11 + r.Intn(7)
		all[r.Intn(len(all))].make(dayTime(d), somebody(0.08), "hard-negative", 0.2, 0.12)
	}
}

// ---------------------------------------------------------------- look-alikes

func one(at time.Time, subject, body string, src string) {
	p := somebody(0.05)
	add(at, p, src, subject, render(p, src, subject, []string{body}), "look-alike")
}

func genLookAlikes() {
	sw := func() time.Time { return uniform(day(13, 17, 45), day(13, 19, 35)) }
	one(sw(), "Logged in and it shows someone else's home", "I signed in this evening and the home name at the top says \"The Hendersons\" - that's not us. My cameras are there underneath, but where has that name come from? Bit worrying.", "email")
	one(sw(), "Face ID option gone", "I can log in with my password fine, but the \"Use Face ID\" toggle has disappeared from Settings > Security. It used to be there.", "email")
	one(sw(), "App switched to German after login", "Every time I sign in the whole app turns into German. My phone is set to English (UK). I have to go into settings and change it back each time.", "chat")
	one(sw(), "Keeps asking for 2FA even with trust device ticked", "Logging in works but it asks me for the 2FA code every single time even though I tick \"Trust this device\". Has done this for a couple of weeks.", "web")
	one(sw(), "Second home missing from switcher", "I sign in fine but our holiday cottage no longer shows in the home switcher, only our main house.", "email")
	one(sw(), "Login screen button hidden by keyboard", "On my small phone the keyboard covers the Sign In button on the login screen so I have to close the keyboard first. Minor but annoying.", "email")
	one(sw(), "Profile picture wrong after sign in", "After logging in my profile picture is my old one from 2024. I've changed it twice.", "web")
	one(sw(), "Web dashboard redirects to old beta page", "When I log in on the web dashboard it sends me to beta.homenest.io which is just a blank page. If I type app.homenest.io/home directly it works.", "email")
	one(sw(), "Sign in with Google button in wrong language", "The \"Continue with Google\" button on the login page shows in Korean for some reason. It still works when I press it.", "email")
	one(sw(), "Login remembered but household name wrong", "I'm signed in OK but the app greets me as \"Hi, Dave\" - I'm not Dave, Dave is the previous owner of this house.", "chat")

	dw := func() time.Time { return uniform(day(11, 7, 10), day(11, 8, 30)) }
	one(dw(), "Lock battery shows 0% but works", "The lock works fine from the app but battery always says 0%. I put new batteries in on Saturday.", "email")
	one(dw(), "Lock history shows wrong person", "The lock activity says my son unlocked the door at 7:12 but he was asleep. It was me. Is the history mixing up users?", "email")
	one(dw(), "Plug schedule didn't run", "The {plug} shows online and I can turn it on and off by hand, but its 6:30 schedule never triggers.", "web")
	one(dw(), "Thermostat reading too high", "The thermostat shows 22 degrees but the room is definitely cold, a separate thermometer says 18.", "email")
	one(dw(), "Auto-lock not engaging", "I set auto-lock to 30 seconds but the door stays unlocked until I lock it manually in the app, which works.", "chat")

	cw := func() time.Time { return uniform(day(12, 19, 10), day(12, 20, 30)) }
	one(cw(), "Live view upside down", "Live view on the {cam} is upside down since I moved it to the ceiling. Is there a flip option?", "email")
	one(cw(), "Night vision stuck on", "Live view works but it's in black and white night mode even in a fully lit room.", "web")
	one(cw(), "Can't zoom in live view", "Pinch to zoom in live view doesn't do anything on my {phone}. Stream itself is fine.", "email")
	one(cw(), "iPad live view crashes in landscape", "Live view opens fine on the iPad but if I turn it sideways the app crashes.", "chat")
	one(cw(), "Live view shows yesterday's snapshot first", "When I open live view it shows an old still from yesterday for a second before the live video starts. Just curious why.", "email")

	fw := func() time.Time { return uniform(day(15, 16, 15), day(15, 17, 55)) }
	one(fw(), "Echo on doorbell talk", "When I talk through the doorbell I hear my own voice echo back. Only on the front one, the side one is fine. Had it since I installed.", "email")
	one(fw(), "Live view brightness flickering", "Live view on the {cam} flickers brighter and darker every few seconds, the picture and sound are smooth otherwise. It points at a street light.", "web")
	one(fw(), "Quick reply messages in wrong language", "The doorbell's quick reply messages play in Spanish. I've set English everywhere.", "email")
	one(fw(), "Fisheye correction option gone", "The \"correct fisheye\" option in live view settings has vanished for my indoor cam.", "email")
	one(fw(), "Live view quality stuck on SD", "The quality setting keeps resetting to SD in live view, I have to change it to HD every time.", "chat")

	kw := func() time.Time { return uniform(day(16, 9, 35), day(16, 11, 25)) }
	one(kw(), "Clip times wrong", "The clips show times an hour ahead of the real time - one says 11:20 but it's only 10:20 now.", "email")
	one(kw(), "Clips too short", "My clips are only 10 seconds long and always cut off before the person reaches the door. Can they be longer?", "web")
	one(kw(), "Shared clip link expired", "I shared a clip with my insurer last week and they say the link has expired. Can I make a permanent one?", "email")
	one(kw(), "Only 7 days of history on 30-day plan", "I pay for Nest Plus with 30 day history but I can only scroll back 7 days.", "email")

	tw := func() time.Time { return uniform(day(14, 7, 0), day(14, 21, 0)) }
	one(tw(), "Thermostat display too bright", "The thermostat screen stays at full brightness at night since the update. Schedules are fine.", "email")
	one(tw(), "Humidity reading missing", "The humidity value disappeared from the thermostat tile in the app.", "web")
	one(tw(), "Away mode doesn't switch on when we leave", "Geofencing used to put the heating into away mode when we both left. It didn't today, I had to do it manually.", "email")
	one(tw(), "Boost only 30 minutes", "Pressing boost on the thermostat now gives 30 minutes instead of the hour I set.", "chat")
}

// ---------------------------------------------------------------- background

var bgTopics = []struct {
	w int
	t topic
}{
	{9, topic{
		subjects: lines(`Doorbell setup help
Can't pair new camera
Setting up the lock
Pairing keeps failing
QR code won't scan during setup
How do I add a second camera?
New thermostat setup
Help installing doorbell`),
		opens: lines(`I've just unboxed the {cam} and the app can't find it during setup.
The QR code scan step in the setup just doesn't pick anything up.
Setting up the new lock, it gets to "Calibrating" and then stops.
Trying to add a second camera to the same home, where is the option?
The thermostat install guide says I need a C-wire. I'm not sure I've got one.
The app asks me to hold the button for 5 seconds until the light flashes blue but mine flashes orange.
Bought the starter kit for my mum, want to set it up from my phone and give her access.`),
		details: lines(`The phone is right next to the device.
Bluetooth is on.
I've done this before with the other camera, it went fine.
Wi-Fi is 2.4GHz I think.`),
		asks: lines(`What am I doing wrong?
Is there a video guide?
Any tips?
Do I need a hub?`),
		de:     lines(`Ich versuche gerade die neue Türklingel einzurichten, aber die App findet sie nicht. Das Licht blinkt blau. Was mache ich falsch?`),
		deSubj: lines(`Einrichtung Türklingel`),
		nl:     lines(`Ik probeer de nieuwe camera toe te voegen maar de QR-code wordt niet gescand. Wat moet ik doen?`),
		nlSubj: lines(`Camera koppelen lukt niet`),
	}},
	{6, topic{
		subjects: lines(`Wi-Fi question
5GHz or 2.4GHz?
Mesh Wi-Fi and cameras
Camera signal weak
Extender for doorbell?`),
		opens: lines(`Does the {cam} work on 5GHz Wi-Fi or only 2.4?
We have a mesh system, is that going to cause problems with the doorbell?
The garden cam shows one bar of Wi-Fi. It's about 15 metres from the router.
Can I put the cameras on a separate guest network?
Our router combines both bands under one name, setup keeps failing.`),
		asks: lines(`What do you recommend?
Would an extender help?
Thanks for any advice.`),
	}},
	{6, topic{
		subjects: lines(`Battery life
Doorbell battery draining fast
How long should the battery last?
Cold weather battery
Lock batteries`),
		opens: lines(`The doorbell battery only lasts about 10 days. The box said months.
In this cold weather the outdoor cam battery drops really fast.
How often should I expect to change the lock batteries?
Is there a way to make the battery last longer without missing motion?`),
		details: lines(`It gets a lot of motion from the street.
Motion sensitivity is on high.
It's the battery model, not wired.`),
		asks: lines(`Is this normal?
Can I wire it instead?
Any settings to change?`),
	}},
	{6, topic{
		subjects: lines(`Return request
Warranty claim
Faulty doorbell
Want to return the camera
Damaged on arrival
Replacement lock`),
		opens: lines(`I'd like to return the indoor camera, bought it 2 weeks ago and it's not what we need.
The doorbell button has stopped clicking properly, it's 14 months old.
The camera arrived with a cracked lens.
The lock makes a grinding noise when it turns. I think it's faulty.
My order came with the wrong mounting bracket.`),
		asks: lines(`How do I get a returns label?
Is this covered by warranty?
Can you send a replacement?
What's the process?`),
		de:     lines(`Ich möchte die Innenkamera zurückgeben, sie passt nicht zu uns. Wie funktioniert die Rücksendung?`),
		deSubj: lines(`Rücksendung Kamera`),
	}},
	{8, topic{
		subjects: lines(`Charged twice for Nest Plus
Refund please
Nest Plus invoice
Cancel subscription
Change to annual plan
VAT invoice needed
Why was I charged?
Subscription price`),
		opens: lines(`I've been charged twice for Nest Plus this month.
I cancelled Nest Plus in December but was still charged on the 10th.
Could you send me a VAT invoice for our Nest Plus subscription? It's for the business.
How do I switch from monthly to annual?
I'd like to cancel my subscription - we're moving and taking the cameras down.
My statement shows a HomeNest charge I don't recognise.
Do I need a separate Nest Plus subscription for each property we manage?`),
		asks: lines(`Can you refund the extra charge?
Please confirm.
Thanks.
What are my options?`),
		nl:     lines(`Ik ben deze maand twee keer gefactureerd voor Nest Plus. Kunnen jullie het terugbetalen?`),
		nlSubj: lines(`Dubbele afschrijving`),
	}},
	{7, topic{
		subjects: lines(`Feature request
Suggestion
Would love this feature
Idea for the app
Please add...`),
		opens: lines(`Would be great if the doorbell could show a package-detected alert separately from people.
Please add a widget for the lock on the home screen.
Can you add Apple Watch support for live view?
It would be great to set different motion zones for day and night.
Could you let us export lock access logs as CSV? We need it for our buildings.
Please add a dark mode to the web dashboard.
Any plans for a Matter version of the plugs?
I'd love to see an energy cost view for the plugs, not just kWh.`),
		asks: lines(`Thanks!
Is it on the roadmap?
Keep up the good work.`),
	}},
	{5, topic{
		subjects: lines(`GDPR request
Where are recordings stored?
Privacy question about clips
Delete my recordings
Subject access request
Neighbour complaining about camera`),
		opens: lines(`Where are my video clips stored and who at HomeNest can see them?
I would like to make a subject access request for all data you hold on me.
Please delete all recordings and my account data.
My neighbour says my driveway camera records their garden. What are the rules?
Do you use our recordings to train anything?
As a landlord, am I allowed to have a doorbell camera in a shared hallway?`),
		asks: lines(`Please confirm in writing.
Thanks.
Could you point me to the policy?`),
		de:     lines(`Bitte teilen Sie mir mit, wo die Videoaufnahmen gespeichert werden (EU?) und wie lange. Ich benötige das für unseren Datenschutzbeauftragten.`),
		deSubj: lines(`Datenschutz - Speicherort der Aufnahmen`),
	}},
	{5, topic{
		subjects: lines(`Installer question
Wiring the doorbell
Transformer for doorbell
Installer account
Bulk install - 20 units
Thermostat wiring`),
		opens: lines(`I'm an electrician fitting a wired Doorbell Pro - what VA transformer do you recommend?
We're installing locks in {n} units for a client. Is there an installer account so we don't need each tenant's login?
The existing chime is digital, will the doorbell work with it?
Fitting the thermostat to a combi boiler with OpenTherm - supported?
Can I hand over a home to the customer after I've set it up under my account?`),
		asks: lines(`Cheers.
Is there a trade guide?
Thanks, need to know before Monday.`),
		de:     lines(`Wir installieren für einen Kunden 12 Schlösser in einem Mehrfamilienhaus. Gibt es einen Installateur-Zugang?`),
		deSubj: lines(`Installateur-Zugang`),
	}},
	{6, topic{
		subjects: lines(`Sharing access with family
Add my husband
Give tenant access
Guest access for cleaner
Remove old tenant
Temporary lock code`),
		opens: lines(`How do I give my husband access to the cameras without sharing my login?
New tenant moving into {unit} on Friday - how do I give them the lock but not the hallway camera?
Can I give {who} a lock code that only works on Tuesdays?
Our previous tenant still shows as a member of the home. How do I remove them?
My elderly mum wants to see the doorbell on her tablet, how do I add her?`),
		asks: lines(`Thanks.
Is there a limit on members?
Step by step would be great.`),
		nl:     lines(`Hoe geef ik onze nieuwe huurder toegang tot het slot van de voordeur zonder toegang tot de camera's?`),
		nlSubj: lines(`Toegang huurder`),
	}},
	{6, topic{
		subjects: lines(`Motion alerts question
Too many notifications
Notifications for cars
Doorbell alert sound
Notification settings
Quiet hours`),
		opens: lines(`I get a motion alert every time a car goes past. Can I stop that?
Is there a way to have quiet hours for notifications at night?
Can the doorbell notification use a different sound to the motion ones?
My teenage son gets all the alerts too - can I turn them off just for him?
How do I stop the alerts when we're at home?`),
		asks: lines(`Thanks.
Any suggestions?`),
	}},
	{5, topic{
		subjects: lines(`Energy report question
Plug energy use
Smart plug max load
Plug for heater?`),
		opens: lines(`What's the maximum load for the smart plug? I want to use it with an oil heater.
Where do I see how much the {plug} used this month?
Can the plugs be grouped so I can turn them all off at once?
Is the energy report per day or cumulative?`),
		asks: lines(`Thanks.
Cheers.`),
	}},
	{4, topic{
		subjects: lines(`Moving house
Transfer devices to new owner
Selling my house - what about the doorbell?`),
		opens: lines(`We're selling the house and leaving the doorbell and lock. How do I hand them over to the buyer?
We're moving next month - can I take the devices and set them up at the new place?
I've bought a house with HomeNest devices already fitted. How do I take them over?`),
		asks: lines(`Thanks.
What's the best way?`),
	}},
	{4, topic{
		subjects: lines(`Thank you!
Great support
Just wanted to say thanks
Doorbell caught a thief`),
		opens: lines(`Just wanted to say thanks to Helen who helped me yesterday, all sorted now.
The doorbell caught someone trying car doors on our street and the police were really pleased with the clip. Thanks!
Sorted the pairing issue, turned out to be my router. Thanks for the help.
Really impressed with how easy the lock was to fit.`),
	}},
	{4, topic{
		subjects: lines(`Business use - shop cameras
Cameras for a small shop
Multiple sites one account
Business invoice`),
		opens: lines(`We run a small shop and want 4 cameras. Is there a business version of Nest Plus?
Can I view two shops from one account?
We need clips kept for 60 days for insurance, is that possible?
Can staff have access to live view but not the recordings?`),
		asks: lines(`Thanks.
What would it cost?`),
	}},
	{4, topic{
		subjects: lines(`Order status
Where is my order?
Delivery question
Order not arrived`),
		opens: lines(`I ordered a Doorbell Pro on the 5th and it still hasn't arrived.
Tracking has said "out for delivery" for 3 days.
Can I change the delivery address on my order?
My order shows delivered but nothing here.`),
		asks: lines(`Can you check?
Order number is in my account.`),
	}},
	{3, topic{
		subjects: lines(`Compatibility
Works with Alexa?
Google Home integration
HomeKit support?`),
		opens: lines(`Does the HomeNest lock work with Alexa routines?
How do I link the thermostat to Google Home?
Will the cameras work with Apple HomeKit?
Can IFTTT trigger the plugs?`),
		asks: lines(`Thanks.
Is it planned?`),
	}},
	{3, topic{
		subjects: lines(`Camera image quality
Blurry at night
Motion zones
Doorbell chime volume`),
		opens: lines(`The {cam} picture is blurry at night, there's a lot of glare.
Where do I set motion zones? I only want the path, not the pavement.
The indoor chime is really quiet even on max.
Can I turn off the status light on the indoor camera?`),
		asks: lines(`Thanks.
Any tips?`),
	}},
}

var oooBodies = lines(`Thank you for your email. I am out of the office until Monday 18 January with limited access to email. For urgent matters please call the office.
I'm currently on annual leave and will return on 20/01/2027. Your message will not be forwarded.
Ich bin bis einschließlich 15.01. nicht im Büro. Ihre Nachricht wird nicht weitergeleitet. In dringenden Fällen wenden Sie sich bitte an info@kessler-hv.de.
Thanks for your message. I'm away skiing this week and will reply when I'm back.
I am out of office with no access to email. For property emergencies please call our out-of-hours line.
Ik ben afwezig tot en met 18 januari. Voor dringende zaken kunt u bellen naar ons kantoor.`)

var oooSubjects = lines(`Automatic reply: Your HomeNest order has shipped
Out of Office: Your Nest Plus receipt
Automatic reply: Update on your HomeNest support request
Abwesenheitsnotiz: Ihre HomeNest Anfrage
Out of office Re: HomeNest - we're looking into sign-in problems
Automatisch antwoord: Uw HomeNest bestelling`)

func genBackground() {
	perDay := map[int]int{11: 66, 12: 64, 13: 60, 14: 62, 15: 58, 16: 62, 17: 48}
	tot := 0
	for _, t := range bgTopics {
		tot += t.w
	}
	for d := 11; d <= 17; d++ {
		for i := 0; i < perDay[d]; i++ {
			x := r.Intn(tot)
			var tp topic
			for _, t := range bgTopics {
				if x < t.w {
					tp = t.t
					break
				}
				x -= t.w
			}
			at := dayTime(d)
			// Saturday morning: more setup questions
			if d == 16 && at.Hour() >= 8 && at.Hour() < 13 && r.Float64() < 0.4 {
				tp = bgTopics[0].t
			}
			bt := tp.make(at, somebody(0.1), "background", 0.24, 0.12)
			// some are replies to an earlier exchange
			if bt.Source == "email" && !strings.HasPrefix(bt.Body, "<") && r.Float64() < 0.08 {
				prev := at.Add(-time.Duration(20+r.Intn(60)) * time.Hour)
				bt.Subject = "Re: " + bt.Subject
				bt.Body += "\n\nOn " + prev.Format("Mon, 2 Jan 2006 at 15:04") + ", HomeNest Support <support@homenest.io> wrote:\n> Hi " +
					first(bt.CustomerName) + ",\n> Thanks for getting in touch. Could you tell us a little more so we can help?\n> Best wishes,\n> " + pick(agents) + ", HomeNest Support"
			}
		}
	}
	// out-of-office replies (four land right after the storm email went out)
	for i := 0; i < 12; i++ {
		p := somebody(0.45)
		at := dayTime(11 + r.Intn(7))
		subj := pick(oooSubjects)
		if i < 4 {
			at = uniform(day(13, 20, 40), day(13, 21, 10))
			subj = "Automatic reply: HomeNest - sign-in problems resolved"
		}
		add(at, p, "email", subj, pick(oooBodies), "background")
	}
	// bounces
	bounceTo := lines("m.okafor@btinternet.con\njwhitfield@gmial.com\nfrontdesk@harborpointpm.com\nold.tenant.flat4b@hotmail.co.uk\nmanager@cornercrumb.co.ok\nsanne@vandijk-vastgoed.nl")
	for i := 0; i < 6; i++ {
		p := person{name: "Mail Delivery Subsystem", email: "mailer-daemon@mx.homenest.io", kind: "bot"}
		body := "This is the mail system at host mx.homenest.io.\n\nI'm sorry to have to inform you that your message could not be delivered to one or more recipients.\n\n<" +
			bounceTo[i] + ">: host not found / 550 5.1.1 recipient address rejected: User unknown\n\nReporting-MTA: dns; mx.homenest.io\nAction: failed\nStatus: 5.1.1"
		add(dayTime(11+r.Intn(7)), p, "email", "Undelivered Mail Returned to Sender", body, "background")
	}
	// spam
	spam := [][2]string{
		{"Boost your SEO rankings today", "Hello, I visited homenest.io and noticed you are not on the first page of Google for 'smart doorbell'. We can fix that for $299/month. Reply YES."},
		{"Partnership opportunity - CCTV wholesale", "Dear purchasing manager, we are a factory of IP cameras in Shenzhen, OEM/ODM, MOQ 500 pcs. Please see catalogue attached."},
		{"Your invoice #88213 is overdue", "<html><body><p>Please find your invoice attached. Click <a href=\"http://invoice-view.example\">here</a> to view.</p></body></html>"},
		{"Guest post on your blog?", "Hi there, I'd love to write a guest post for your blog about home security trends for 2027. Are you open to it?"},
	}
	for _, s := range spam {
		p := person{name: pick(lines("Jason Miller\nAnna Lee\nAccounts Dept\nMarketing Team")), email: pick(lines("growth@seo-rocket.biz\nsales@shenzhen-ipcam.cn\nbilling@inv0ice-notify.com\noutreach@guestpostpros.net"))}
		add(dayTime(11+r.Intn(7)), p, "email", s[0], s[1], "background")
	}
	// a body-only ticket
	p := somebody(0)
	add(day(15, 10, 42), p, "web", "", render(p, "email", "", []string{"hi can you tell me if the outdoor cam can be mounted upside down under the eaves? thanks"}), "background")
}

// ---------------------------------------------------------------- status pages

func updates() []weekgen.Update {
	var us []weekgen.Update
	n := 0
	u := func(prov, id, status, impact string, at time.Time, title, body, kind, label string, comps ...string) {
		n++
		if kind == "" {
			kind = "incident"
		}
		us = append(us, weekgen.Update{Provider: prov, ProviderIncidentID: id, UpdateID: fmt.Sprintf("%s-%s-%d", prov, id, n),
			Status: status, Impact: impact, At: at.Format(time.RFC3339), Title: title, Body: body, Kind: kind, Components: comps, Label: label})
	}
	// Hivelink: EU broker, leads the first ticket (07:05)
	t := "Elevated connection failures for devices in EU-West"
	u("hivelink", "hl-8841", "investigating", "major", day(11, 6, 52), t, "We are investigating increased MQTT connection drops and command timeouts for devices connected through our EU-West brokers.", "", "inc-devices-offline", "MQTT Broker EU-West", "Device Commands")
	u("hivelink", "hl-8841", "identified", "major", day(11, 7, 31), t, "A faulty configuration push to the EU-West broker cluster is rejecting device reconnections. We are rolling it back.", "", "inc-devices-offline", "MQTT Broker EU-West", "Device Commands")
	u("hivelink", "hl-8841", "monitoring", "minor", day(11, 8, 24), t, "The rollback is complete and devices are reconnecting. Commands are being delivered normally. We are monitoring.", "", "inc-devices-offline", "MQTT Broker EU-West")
	u("hivelink", "hl-8841", "resolved", "minor", day(11, 9, 5), t, "This incident has been resolved.", "", "inc-devices-offline", "MQTT Broker EU-West")

	// Hivelink maintenance announced Monday, runs Thursday night; nothing happens
	mt := "Scheduled maintenance: broker software upgrade (all regions)"
	u("hivelink", "hl-m-0114", "scheduled", "maintenance", day(11, 12, 0), mt, "On Thu 14 Jan between 02:00 and 03:30 UTC we will upgrade broker software. Devices may reconnect once; no interruption to commands is expected.", "maintenance", "")
	u("hivelink", "hl-m-0114", "in_progress", "maintenance", day(14, 2, 0), mt, "Maintenance is in progress.", "maintenance", "")
	u("hivelink", "hl-m-0114", "verifying", "maintenance", day(14, 3, 12), mt, "Upgrade complete, verifying.", "maintenance", "")
	u("hivelink", "hl-m-0114", "completed", "maintenance", day(14, 3, 34), mt, "The scheduled maintenance has been completed.", "maintenance", "")

	// Coinrail: SEPA / iDEAL delays; HomeNest bills by card and app stores only
	ct := "Delayed SEPA Direct Debit and iDEAL settlements"
	u("coinrail", "cr-2207", "investigating", "minor", day(12, 9, 44), ct, "Some SEPA Direct Debit collections and iDEAL payments are settling with a delay. Card payments are not affected.", "", "", "SEPA Direct Debit", "iDEAL")
	u("coinrail", "cr-2207", "identified", "minor", day(12, 10, 36), ct, "A banking partner's batch file was delayed. We are reprocessing.", "", "", "SEPA Direct Debit", "iDEAL")
	u("coinrail", "cr-2207", "resolved", "none", day(12, 13, 8), ct, "All delayed settlements have been processed.", "", "", "SEPA Direct Debit", "iDEAL")

	// Relaycast: stream setup failures, trails the first ticket (19:05)
	rt := "Live stream sessions failing to start"
	u("relaycast", "rc-5530", "investigating", "major", day(12, 19, 41), rt, "We are investigating reports of live video sessions failing to connect.", "", "inc-liveview-connect", "Session Signalling", "TURN Relays")
	u("relaycast", "rc-5530", "identified", "major", day(12, 20, 4), rt, "An expired certificate on our signalling tier is causing session negotiation to fail. A new certificate is being deployed.", "", "inc-liveview-connect", "Session Signalling")
	u("relaycast", "rc-5530", "monitoring", "minor", day(12, 20, 42), rt, "The certificate has been replaced and new sessions are connecting. Monitoring.", "", "inc-liveview-connect", "Session Signalling")
	u("relaycast", "rc-5530", "resolved", "minor", day(12, 21, 16), rt, "Resolved.", "", "inc-liveview-connect", "Session Signalling")

	// Latchkey: identity provider, trails the first ticket (17:41) by ~40 min
	lt := "Elevated authentication errors"
	u("latchkey", "lk-1193", "investigating", "major", day(13, 18, 22), lt, "We are investigating elevated error rates on login, token refresh and social sign-in (Apple, Google).", "", "inc-login-outage", "Authentication API", "Token Refresh", "Social Connections")
	u("latchkey", "lk-1193", "identified", "critical", day(13, 18, 49), lt, "A database failover in our EU and US-East regions left the token service unable to validate sessions. We are restoring capacity.", "", "inc-login-outage", "Authentication API", "Token Refresh", "Social Connections")
	u("latchkey", "lk-1193", "monitoring", "minor", day(13, 19, 38), lt, "Error rates have returned to normal. Users who were signed out can sign in again. We are monitoring.", "", "inc-login-outage", "Authentication API", "Token Refresh")
	u("latchkey", "lk-1193", "resolved", "minor", day(13, 20, 27), lt, "This incident has been resolved. A root cause analysis will follow.", "", "inc-login-outage", "Authentication API")

	// Relaycast: degraded relays, leads the first ticket (16:10)
	ft := "Degraded live stream quality in Europe"
	u("relaycast", "rc-5561", "investigating", "minor", day(15, 15, 54), ft, "We are seeing increased latency and packet loss on TURN relays in Europe. Streams may freeze, lag or lose audio.", "", "inc-liveview-freeze", "TURN Relays")
	u("relaycast", "rc-5561", "identified", "minor", day(15, 16, 37), ft, "A network provider in Frankfurt is dropping traffic. We are rerouting relay traffic.", "", "inc-liveview-freeze", "TURN Relays")
	u("relaycast", "rc-5561", "monitoring", "minor", day(15, 17, 52), ft, "Traffic has been rerouted and stream quality has recovered. Monitoring.", "", "inc-liveview-freeze", "TURN Relays")
	u("relaycast", "rc-5561", "resolved", "none", day(15, 18, 33), ft, "Resolved.", "", "inc-liveview-freeze", "TURN Relays")

	// Vaultbox: storage, trails the first ticket (09:30)
	vt := "Elevated errors on object reads and writes (eu-2)"
	u("vaultbox", "vb-3320", "investigating", "major", day(16, 10, 6), vt, "We are investigating elevated 5xx errors for PUT and GET requests in eu-2 and on CDN origin fetches.", "", "inc-clips-unavailable", "Object Storage eu-2", "CDN")
	u("vaultbox", "vb-3320", "identified", "major", day(16, 10, 33), vt, "A metadata node failure in eu-2 is causing request failures. Failover is under way.", "", "inc-clips-unavailable", "Object Storage eu-2")
	u("vaultbox", "vb-3320", "monitoring", "minor", day(16, 11, 21), vt, "Error rates are back to normal. Objects written during the incident are being replayed from queues.", "", "inc-clips-unavailable", "Object Storage eu-2")
	u("vaultbox", "vb-3320", "resolved", "minor", day(16, 12, 2), vt, "Resolved. No data was lost.", "", "inc-clips-unavailable", "Object Storage eu-2")
	return us
}

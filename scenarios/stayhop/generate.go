//go:build ignore

// Command generate writes the StayHop week (Mon 14 – Sun 20 June 2027):
// tickets.jsonl and updates.jsonl, from the texts in texts.json. Run it as
// `cd scenarios/stayhop && go run generate.go`; rerunning gives the same bytes.
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

// Texts is texts.json: every table of words the week is written from.
type Texts struct {
	Bot           string                 `json:"bot"`
	First         []string               `json:"first"`
	Last          []string               `json:"last"`
	Orgs          [][2]string            `json:"orgs"`
	MailDomains   []string               `json:"maildomains"`
	Listings      []string               `json:"listings"`
	Guests        []string               `json:"guests"`
	Channels      []string               `json:"channels"`
	Locks         []string               `json:"locks"`
	Greetings     []string               `json:"greetings"`
	Signoffs      []string               `json:"signoffs"`
	QuoteIntros   []string               `json:"quote_intros"`
	Quoted        []string               `json:"quoted"`
	ChatVisitor   []string               `json:"chat_visitor"`
	ChatBotOpen   []string               `json:"chat_bot_open"`
	ChatBotClose  []string               `json:"chat_bot_close"`
	Incidents     map[string]Incident    `json:"incidents"`
	Lookalikes    map[string][][2]string `json:"lookalikes"`
	HardNegatives map[string][][2]string `json:"hardnegatives"`
	Background    [][2]string            `json:"background"`
	BackgroundRaw [][3]string            `json:"background_raw"`
}

// Incident holds one real incident's wording.
type Incident struct {
	Subjects  []string    `json:"subjects"`
	Bodies    []string    `json:"bodies"`
	Followups []string    `json:"followups"`
	Foreign   [][2]string `json:"foreign"`
}

// Person is one reporter.
type Person struct {
	First, Full, Email, Org string
}

// window is an incident's stretch of the week: day, start and end clock
// times, and a curve of relative weights over equal slices of it.
type window struct {
	day, h0, m0, h1, m1 int
	curve               []float64
}

var (
	start = time.Date(2027, 6, 14, 0, 0, 0, 0, time.UTC)
	r     = rand.New(rand.NewPCG(20270614, 5117))
	tx    Texts
	ppl   []Person

	winLogin = window{1, 8, 38, 10, 50, []float64{3, 8, 10, 10, 9, 8, 7, 5, 4, 3, 2, 1.5, 1}}
	winDoor  = window{4, 13, 10, 15, 45, []float64{4, 8, 9, 8, 7, 6, 4, 3, 2}}
	winCal   = window{3, 10, 5, 14, 40, []float64{2, 4, 6, 7, 7, 6, 5, 4, 3, 2}}
	winRate  = window{6, 16, 12, 18, 35, []float64{4, 7, 7, 6, 4, 3, 2}}
	winTZ    = window{2, 7, 0, 21, 30, []float64{2, 4, 5, 5, 5, 4, 4, 4, 4, 3, 3, 3, 2, 2, 1}}

	dayW  = []float64{1.1, 0.95, 0.95, 0.9, 1.35, 1.5, 0.9}
	hourW = []float64{0.3, 0.2, 0.15, 0.15, 0.2, 0.4, 1, 2, 3.5, 4.5, 5, 5, 4.5, 4.5, 4.5, 4.5, 4.5, 4, 3.5, 3, 2.5, 2, 1.3, 0.7}
)

func main() {
	weekgen.ReadTexts(weekgen.TextsFile(), &tx)
	people()

	var ts []weekgen.Ticket
	add := func(t weekgen.Ticket) { ts = append(ts, t) }

	// The login outage at passline: first reports, then follow-ups from
	// some of the same people.
	type first struct {
		p    Person
		subj string
		at   time.Time
	}
	var firsts []first
	for i := 0; i < 122; i++ {
		p := weekgen.Pick(r, ppl)
		at := inWindow(winLogin)
		subj, t := incidentTicket("inc-login-outage", p, at, 0.05)
		add(t)
		firsts = append(firsts, first{p, subj, at})
	}
	inc := tx.Incidents["inc-login-outage"]
	for i := 0; i < 18; i++ {
		f := firsts[r.IntN(60)]
		at := f.at.Add(time.Duration(weekgen.Between(r, 25, 80)) * time.Minute)
		if limit := weekgen.At(start, 1, 11, 0); at.After(limit) {
			at = limit.Add(-time.Duration(weekgen.Between(r, 1, 20)) * time.Minute)
		}
		body := weekgen.Pick(r, inc.Followups)
		subj := "Re: " + f.subj
		if weekgen.Chance(r, 0.2) {
			subj = "Re: [StayHop #" + fmt.Sprint(weekgen.Between(r, 20100, 20390)) + "] " + f.subj
		}
		if weekgen.Chance(r, 0.5) {
			body = body + "\n\n" + quote(at)
		}
		add(ticket("inc-login-outage", subj, body, "email", f.p, at))
	}

	incidentRun := func(label string, n int, w window, foreign float64) {
		for i := 0; i < n; i++ {
			_, t := incidentTicket(label, weekgen.Pick(r, ppl), inWindow(w), foreign)
			add(t)
		}
	}
	incidentRun("inc-door-codes", 46, winDoor, 0.07)
	incidentRun("inc-calendar-double-bookings", 52, winCal, 0.06)
	incidentRun("inc-rate-push-failures", 30, winRate, 0.07)
	incidentRun("inc-checkin-time-timezone", 25, winTZ, 0.08)

	// Look-alikes: inside each window, the same feature, another question.
	look := func(label string, n int, w window) {
		for i := 0; i < n; i++ {
			pair := weekgen.Pick(r, tx.Lookalikes[label])
			add(wrapped("look-alike", pair[0], pair[1], weekgen.Pick(r, ppl), inWindow(w)))
		}
	}
	look("inc-login-outage", 10, winLogin)
	look("inc-door-codes", 8, winDoor)
	look("inc-calendar-double-bookings", 8, winCal)
	look("inc-rate-push-failures", 4, winRate)
	look("inc-checkin-time-timezone", 3, winTZ)

	// Hard negatives: some inside the windows, the rest through the week.
	hn := func(feature string, at time.Time) {
		pair := weekgen.Pick(r, tx.HardNegatives[feature])
		add(wrapped("hard-negative", pair[0], pair[1], weekgen.Pick(r, ppl), at))
	}
	for i := 0; i < 8; i++ {
		hn("login", inWindow(winLogin))
	}
	for i := 0; i < 4; i++ {
		hn("door", inWindow(winDoor))
	}
	for i := 0; i < 4; i++ {
		hn("calendar", inWindow(winCal))
	}
	for i := 0; i < 2; i++ {
		hn("calendar", inWindow(winRate))
	}
	for i := 0; i < 2; i++ {
		hn("messaging", inWindow(winTZ))
	}
	features := []string{"login", "door", "calendar", "messaging", "payments"}
	featureW := []float64{0.45, 0.15, 0.12, 0.14, 0.14}
	for i := 0; i < 70; i++ {
		hn(features[weekgen.Weighted(r, featureW)], weekTime())
	}

	// Background: the everyday trickle.
	for i := 0; i < 422; i++ {
		p := weekgen.Pick(r, ppl)
		at := weekTime()
		if weekgen.Chance(r, 0.09) {
			x := weekgen.Pick(r, tx.BackgroundRaw)
			add(ticket("background", fill(x[0], p), fill(x[1], p), x[2], p, at))
			continue
		}
		pair := weekgen.Pick(r, tx.Background)
		add(wrapped("background", pair[0], pair[1], p, at))
	}

	sort.SliceStable(ts, func(i, j int) bool { return ts[i].ReceivedAt < ts[j].ReceivedAt })
	for i := range ts {
		ts[i].ID = fmt.Sprintf("SH-%d", 20400+i)
	}
	weekgen.Must(weekgen.WriteWeek(weekgen.Dir(), ts, updates(), weekgen.Format{OmitEmptyOrg: true, OmitEmptyKind: true}))
	counts := map[string]int{}
	for _, t := range ts {
		counts[t.Label]++
	}
	weekgen.PrintCounts(os.Stdout, counts)
	fmt.Printf("reporters %d\n", len(ppl))
}

// people draws the reporters: teams of 2–6 at property managers, and
// individual hosts with their own mail addresses.
func people() {
	seen := map[string]bool{}
	name := func() (string, string) {
		for {
			f, l := weekgen.Pick(r, tx.First), weekgen.Pick(r, tx.Last)
			if !seen[f+" "+l] {
				seen[f+" "+l] = true
				return f, l
			}
		}
	}
	for _, o := range tx.Orgs[:42] {
		n := weekgen.Between(r, 2, 6)
		for i := 0; i < n; i++ {
			f, l := name()
			email := strings.ToLower(f) + "@" + o[1]
			if i > 0 && weekgen.Chance(r, 0.5) {
				email = strings.ToLower(f+"."+l) + "@" + o[1]
			}
			if i == 0 && weekgen.Chance(r, 0.3) {
				email = "bookings@" + o[1]
			}
			ppl = append(ppl, Person{f, f + " " + l, email, o[0]})
		}
	}
	for i := 0; i < 80; i++ {
		f, l := name()
		local := strings.ToLower(f + "." + l)
		if weekgen.Chance(r, 0.4) {
			local = strings.ToLower(f+l) + fmt.Sprint(weekgen.Between(r, 1, 99))
		}
		ppl = append(ppl, Person{f, f + " " + l, local + "@" + weekgen.Pick(r, tx.MailDomains), ""})
	}
}

// inWindow places a time inside w, following its curve.
func inWindow(w window) time.Time {
	a := weekgen.At(start, w.day, w.h0, w.m0)
	b := weekgen.At(start, w.day, w.h1, w.m1)
	slice := b.Sub(a) / time.Duration(len(w.curve))
	i := weekgen.Weighted(r, w.curve)
	off := time.Duration(r.Int64N(int64(slice/time.Second))) * time.Second
	return a.Add(time.Duration(i)*slice + off)
}

// weekTime places a time anywhere in the week with the desk's rhythm: quiet
// nights, a busier Friday and Saturday afternoon when guests check in.
func weekTime() time.Time {
	d := weekgen.Weighted(r, dayW)
	hw := append([]float64(nil), hourW...)
	if d == 4 || d == 5 {
		for h := 12; h <= 18; h++ {
			hw[h] *= 1.3
		}
	}
	if d >= 5 {
		for h := 6; h <= 9; h++ {
			hw[h] *= 0.6
		}
	}
	h := weekgen.Weighted(r, hw)
	return weekgen.At(start, d, h, weekgen.Between(r, 0, 59)).Add(time.Duration(weekgen.Between(r, 0, 59)) * time.Second)
}

// incidentTicket writes one report of a real incident.
func incidentTicket(label string, p Person, at time.Time, foreign float64) (string, weekgen.Ticket) {
	inc := tx.Incidents[label]
	var subj, body string
	if weekgen.Chance(r, foreign) {
		x := weekgen.Pick(r, inc.Foreign)
		subj, body = x[0], x[1]
	} else {
		subj, body = weekgen.Pick(r, inc.Subjects), weekgen.Pick(r, inc.Bodies)
	}
	subj, body = fill(subj, p), fill(body, p)
	return subj, wrapped(label, subj, body, p, at)
}

// wrapped dresses a subject and body as one of the ways tickets arrive.
func wrapped(label, subj, body string, p Person, at time.Time) weekgen.Ticket {
	subj, body = fill(subj, p), fill(body, p)
	if weekgen.Chance(r, 0.12) {
		body = typo(body)
	}
	styles := []float64{28, 6, 7, 14, 8, 8, 10, 8, 8}
	switch weekgen.Weighted(r, styles) {
	case 0: // plain email with greeting and signature
		return ticket(label, subj, email(p, body), "email", p, at)
	case 1: // subject only
		return ticket(label, subj, "", "email", p, at)
	case 2: // body only
		return ticket(label, "", body, weekgen.Pick(r, []string{"email", "web", "api"}), p, at)
	case 3: // web form
		f := "Name: " + p.Full + "\nEmail: " + p.Email + "\n"
		if p.Org != "" {
			f += "Company: " + p.Org + "\n"
		}
		if weekgen.Chance(r, 0.5) {
			f += "Listing: " + weekgen.Pick(r, tx.Listings) + "\n"
		}
		f += "Message: " + body
		s := subj
		if weekgen.Chance(r, 0.5) {
			s = "[Contact form] " + subj
		}
		return ticket(label, s, f, "web", p, at)
	case 4: // HTML email
		h := "<html><body><div dir=\"ltr\">"
		if g := weekgen.Pick(r, tx.Greetings); g != "" {
			h += "<p>" + g + "</p>"
		}
		for _, para := range strings.Split(body, "\n") {
			h += "<p>" + para + "</p>"
		}
		h += "<p>" + strings.ReplaceAll(fill(weekgen.Pick(r, tx.Signoffs), p), "\n", "<br>") + "</p></div></body></html>"
		return ticket(label, subj, h, "email", p, at)
	case 5: // reply on an older thread
		return ticket(label, "Re: "+subj, email(p, body)+"\n\n"+quote(at), "email", p, at)
	case 6: // chat, one line a message
		c := at.Add(-3 * time.Minute)
		who := weekgen.Pick(r, []string{p.First, p.Full, weekgen.Pick(r, tx.ChatVisitor)})
		lines := []string{
			fmt.Sprintf("[%s] %s: %s", c.Format("15:04"), tx.Bot, fill(weekgen.Pick(r, tx.ChatBotOpen), p)),
			fmt.Sprintf("[%s] %s: %s", c.Add(time.Minute).Format("15:04"), who, strings.ReplaceAll(body, "\n", " ")),
		}
		if weekgen.Chance(r, 0.5) {
			lines = append(lines, fmt.Sprintf("[%s] %s: %s", c.Add(2*time.Minute).Format("15:04"), who, strings.ToLower(subj)))
		}
		lines = append(lines, fmt.Sprintf("[%s] %s: %s", c.Add(3*time.Minute).Format("15:04"), tx.Bot, weekgen.Pick(r, tx.ChatBotClose)))
		return ticket(label, weekgen.Pick(r, []string{"Chat with " + p.Full, "", "New conversation"}), strings.Join(lines, "\n"), "chat", p, at)
	case 7: // chat, the speaker on a line of their own
		b := tx.Bot + "\n" + fill(weekgen.Pick(r, tx.ChatBotOpen), p) + "\n\n" + p.Full + "\n" + body + "\n\n" + tx.Bot + "\n" + weekgen.Pick(r, tx.ChatBotClose)
		return ticket(label, weekgen.Pick(r, []string{subj, "Conversation with " + p.First, ""}), b, "chat", p, at)
	default: // in-app report
		b := body + "\n\n--\nSent from the StayHop app (" + weekgen.Pick(r, []string{"iOS 20.1, v6.4.2", "Android 16, v6.4.1", "iPadOS 20.0, v6.4.2"}) + ")"
		return ticket(label, subj, b, "api", p, at)
	}
}

func email(p Person, body string) string {
	s := ""
	if g := weekgen.Pick(r, tx.Greetings); g != "" {
		s = g + "\n\n"
	}
	return s + body + "\n\n" + fill(weekgen.Pick(r, tx.Signoffs), p)
}

func quote(at time.Time) string {
	day := at.Add(-time.Duration(weekgen.Between(r, 2, 90)) * time.Hour).Format("Mon, 2 Jan 2006 at 15:04")
	q := weekgen.Pick(r, tx.Quoted)
	return strings.ReplaceAll(weekgen.Pick(r, tx.QuoteIntros), "{day}", day) + "\n> " + strings.ReplaceAll(q, "\n", "\n> ")
}

// typo swaps two letters in one longer word, or lowercases the whole text.
func typo(s string) string {
	if weekgen.Chance(r, 0.3) {
		return strings.ToLower(s)
	}
	words := strings.Split(s, " ")
	i := r.IntN(len(words))
	w := []rune(words[i])
	if len(w) < 5 {
		return s
	}
	j := weekgen.Between(r, 1, len(w)-3)
	w[j], w[j+1] = w[j+1], w[j]
	words[i] = string(w)
	return strings.Join(words, " ")
}

func fill(s string, p Person) string {
	org := p.Org
	if org == "" {
		org = "my rentals"
	}
	rep := strings.NewReplacer(
		"{name}", p.First, "{full}", p.Full, "{org}", org, "{bot}", tx.Bot,
		"{listing}", weekgen.Pick(r, tx.Listings), "{guest}", weekgen.Pick(r, tx.Guests),
		"{channel}", weekgen.Pick(r, tx.Channels), "{lock}", weekgen.Pick(r, tx.Locks),
		"{n}", fmt.Sprint(weekgen.Between(r, 100, 999)),
	)
	return strings.TrimSpace(rep.Replace(s))
}

func ticket(label, subj, body, source string, p Person, at time.Time) weekgen.Ticket {
	return weekgen.Ticket{
		ReceivedAt: at.UTC().Format(time.RFC3339), Subject: subj, Body: body, Source: source,
		CustomerEmail: p.Email, CustomerName: p.Full, Org: p.Org, Label: label,
	}
}

// updates are the providers' status pages for the week.
func updates() []weekgen.Update {
	var us []weekgen.Update
	n := 0
	u := func(prov, pid, status, impact string, at time.Time, title, body, kind, label string, comps ...string) {
		n++
		us = append(us, weekgen.Update{Provider: prov, ProviderIncidentID: pid, UpdateID: fmt.Sprintf("%s-u%d", pid, n),
			Status: status, Impact: impact, At: at.Format(time.RFC3339), Title: title, Body: body, Kind: kind, Components: comps, Label: label})
	}
	at := func(d, h, m int) time.Time { return weekgen.At(start, d, h, m) }

	// passline: login outage, Tuesday; first post after the first tickets.
	t := "Elevated authentication errors"
	u("passline", "pl-8842", "investigating", "major", at(1, 8, 56), t, "We are investigating elevated error rates for password and social sign-in in the EU region.", "incident", "inc-login-outage", "Authentication API", "Hosted login")
	u("passline", "pl-8842", "identified", "critical", at(1, 9, 24), t, "A faulty configuration change to our token service is causing sign-in requests to fail. We are rolling it back.", "incident", "inc-login-outage", "Authentication API", "Hosted login")
	u("passline", "pl-8842", "monitoring", "major", at(1, 10, 28), t, "The rollback is complete and sign-in success rates are recovering. We are monitoring.", "incident", "inc-login-outage", "Authentication API", "Hosted login")
	u("passline", "pl-8842", "resolved", "major", at(1, 11, 10), t, "This incident has been resolved.", "incident", "inc-login-outage", "Authentication API", "Hosted login")

	// tillpay: an API latency incident nobody at StayHop noticed.
	t = "Increased API latency in APAC"
	u("tillpay", "tp-3310", "investigating", "minor", at(2, 3, 5), t, "Some API requests in the APAC region are slower than usual.", "incident", "", "API")
	u("tillpay", "tp-3310", "monitoring", "minor", at(2, 3, 40), t, "A fix has been applied and latency is back to normal.", "incident", "", "API")
	u("tillpay", "tp-3310", "resolved", "none", at(2, 4, 15), t, "This incident has been resolved. No payments were lost.", "incident", "", "API")

	// bookbridge: sync queue backlog, Thursday; first post after the first tickets.
	t = "Delays in availability and reservation sync"
	u("bookbridge", "bb-1207", "investigating", "major", at(3, 10, 42), t, "We are seeing delays in processing reservation and availability messages for several channels.", "incident", "inc-calendar-double-bookings", "Reservation sync", "Availability sync")
	u("bookbridge", "bb-1207", "identified", "major", at(3, 11, 35), t, "A backlog in our message queue after a database failover is delaying sync by up to 4 hours. We are scaling up workers.", "incident", "inc-calendar-double-bookings", "Reservation sync", "Availability sync")
	u("bookbridge", "bb-1207", "monitoring", "minor", at(3, 13, 50), t, "The backlog is being processed; new messages sync within minutes again.", "incident", "inc-calendar-double-bookings", "Reservation sync", "Availability sync")
	u("bookbridge", "bb-1207", "resolved", "minor", at(3, 14, 55), t, "All queued messages have been delivered. This incident is resolved.", "incident", "inc-calendar-double-bookings", "Reservation sync", "Availability sync")

	// latchcloud: access codes not created, Friday; first post before the first ticket.
	t = "Access code creation failing"
	u("latchcloud", "lc-559", "investigating", "major", at(4, 13, 4), t, "Requests to create access codes are failing for a portion of locks. Existing codes keep working.", "incident", "inc-door-codes", "Access codes API")
	u("latchcloud", "lc-559", "identified", "critical", at(4, 13, 52), t, "An expired certificate between our cloud and the lock vendors' bridges is rejecting new codes. We are replacing it.", "incident", "inc-door-codes", "Access codes API")
	u("latchcloud", "lc-559", "monitoring", "minor", at(4, 15, 12), t, "The certificate has been replaced and queued codes are being created.", "incident", "inc-door-codes", "Access codes API")
	u("latchcloud", "lc-559", "resolved", "minor", at(4, 16, 0), t, "All pending access codes have been created. Resolved.", "incident", "inc-door-codes", "Access codes API")

	// chirpline: planned maintenance, Saturday night, no impact.
	t = "Scheduled maintenance: SMS routing database"
	u("chirpline", "cl-m-77", "scheduled", "maintenance", at(3, 16, 0), t, "We will upgrade our SMS routing database on Saturday 19 June, 01:00-02:30 UTC. No downtime is expected.", "maintenance", "", "SMS")
	u("chirpline", "cl-m-77", "in_progress", "maintenance", at(5, 1, 0), t, "Maintenance is in progress.", "maintenance", "", "SMS")
	u("chirpline", "cl-m-77", "completed", "maintenance", at(5, 2, 10), t, "Maintenance has been completed.", "maintenance", "", "SMS")

	// bookbridge again: rate and restriction pushes rejected, Sunday; first post before the first ticket.
	t = "Rate and restriction updates rejected"
	u("bookbridge", "bb-1219", "investigating", "minor", at(6, 16, 5), t, "Some rate, price and minimum-stay updates are being rejected. Reservations are not affected.", "incident", "inc-rate-push-failures", "Rates & restrictions")
	u("bookbridge", "bb-1219", "identified", "major", at(6, 16, 50), t, "A validation change deployed today rejects valid rate updates. We are reverting it.", "incident", "inc-rate-push-failures", "Rates & restrictions")
	u("bookbridge", "bb-1219", "monitoring", "minor", at(6, 18, 20), t, "The change has been reverted. Please resend failed rate updates if they are not retried automatically.", "incident", "inc-rate-push-failures", "Rates & restrictions")
	u("bookbridge", "bb-1219", "resolved", "minor", at(6, 19, 5), t, "This incident has been resolved.", "incident", "inc-rate-push-failures", "Rates & restrictions")
	return us
}

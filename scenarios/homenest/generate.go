//go:build ignore

// generate.go writes tickets.jsonl and updates.jsonl for the HomeNest week
// (Mon 11 Jan 2027 - Sun 17 Jan 2027, UTC). Standard library and
// scenarios/internal/weekgen only, fixed seed: running it again gives the
// same bytes.
//
//	cd scenarios/homenest && go run generate.go
//
// The texts (ticket subjects and bodies, names, status-page updates) live
// in texts.json beside this file; the code here keeps the logic and the draws.
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

// texts holds the ticket texts, read from texts.json when main starts.
var texts struct {
	Businesses []struct {
		Kind, Org, Lang, Domain string
		Names                   []string
	}

	LookAlikes []struct{ Window, Subj, Body, Src string }

	Updates []statusUpdate

	Homes []struct{ N, D, Lang string }

	FirstNames, Surnames, Domains, Agents, BotHello, BotReply, AgentOpen, GreetEN    []string
	SignEN, GreetDE, SignDE, GreetNL, SignNL, PhoneSig, ChatAskAgent, ChatThanks     []string
	HtmlOpenings, FollowUps, OooBodies, OooSubjects, BounceTo, SpamNames, SpamEmails []string

	Fills map[string][]string

	LoginTopic, DevicesTopic, LiveConnectTopic, LiveFreezeTopic, ClipsTopic           topic
	ThermoTopic, HnForgot, HnResetMail, HnLocked, HnNew2FA, HnEmailChanged, HnRemoved topic
	HnOnlyMe, HnRegion, HnWifi, HnBattery, HnFirewall, HnOldOS, HnCard                topic

	BgTopics []struct {
		W int
		T topic
	}
}

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
	for _, b := range texts.Businesses {
		addPeople(b.Kind, b.Org, b.Lang, b.Domain, b.Names...)
	}
	homes := texts.Homes
	// more households, built from name lists (fixed order, seeded pick)
	firstNames := texts.FirstNames
	surnames := texts.Surnames
	domains := texts.Domains
	seen := map[string]bool{}
	for len(seen) < 120 {
		n := pick(firstNames) + " " + pick(surnames)
		if seen[n] {
			continue
		}
		seen[n] = true
		homes = append(homes, struct{ N, D, Lang string }{n, pick(domains), "en"})
	}
	for i, h := range homes {
		sur := h.N[strings.LastIndex(h.N, " ")+1:]
		org := sur + " household"
		if h.Lang == "de" {
			org = "Familie " + sur
		} else if h.Lang == "nl" {
			org = "Familie " + sur
		}
		if i >= 42 { // the built households write as individuals, without an organisation
			org = ""
		}
		addPeople("home", org, h.Lang, h.D, h.N)
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

func fill(s string) string {
	for strings.Contains(s, "{") {
		i := strings.Index(s, "{")
		j := strings.Index(s[i:], "}")
		if j < 0 {
			break
		}
		key := s[i+1 : i+j]
		v, ok := texts.Fills[key]
		if !ok {
			break
		}
		s = s[:i] + pick(v) + s[i+j+1:]
	}
	return s
}

// ---------------------------------------------------------------- rendering

// body assembles an email/web/chat body from parts. parts[0] is the opening
// complaint; the rest follow.
func render(p person, src string, subject string, parts []string) string {
	f := first(p.name)
	for i := range parts {
		parts[i] = strings.ReplaceAll(fill(parts[i]), "{first}", f)
	}
	switch src {
	case "chat":
		ag := pick(texts.Agents)
		var b strings.Builder
		fmt.Fprintf(&b, "[Nestor] %s\n", pick(texts.BotHello))
		fmt.Fprintf(&b, "[%s] %s\n", p.name, parts[0])
		fmt.Fprintf(&b, "[Nestor] %s\n", pick(texts.BotReply))
		if len(parts) > 1 {
			fmt.Fprintf(&b, "[%s] %s\n", p.name, parts[1])
		} else {
			fmt.Fprintf(&b, "[%s] %s\n", p.name, pick(texts.ChatAskAgent))
		}
		fmt.Fprintf(&b, "Agent %s joined the chat\n", ag)
		fmt.Fprintf(&b, "[Agent %s] %s\n", ag, strings.ReplaceAll(pick(texts.AgentOpen), "{first}", f))
		if len(parts) > 2 {
			fmt.Fprintf(&b, "[%s] %s", p.name, strings.Join(parts[2:], " "))
		} else {
			fmt.Fprintf(&b, "[%s] %s", p.name, pick(texts.ChatThanks))
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
	greet, sign := texts.GreetEN, texts.SignEN
	if p.lang == "de" && isLang(parts, "de") {
		greet, sign = texts.GreetDE, texts.SignDE
	} else if p.lang == "nl" && isLang(parts, "nl") {
		greet, sign = texts.GreetNL, texts.SignNL
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
		b.WriteString("\n\n" + pick(texts.PhoneSig))
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
	b.WriteString(pick(texts.HtmlOpenings))
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
	Subjects, Opens, Details, Asks []string
	De, Nl                         []string // whole bodies in German / Dutch
	DeSubj, NlSubj                 []string
}

func (t topic) make(at time.Time, p person, label string, chat, web float64) *ticket {
	src := chooseSource(chat, web)
	if (p.lang == "de" && len(t.De) > 0 || p.lang == "nl" && len(t.Nl) > 0) && r.Float64() < 0.75 {
		body, subj := "", ""
		if p.lang == "de" {
			body, subj = pick(t.De), pick(t.DeSubj)
		} else {
			body, subj = pick(t.Nl), pick(t.NlSubj)
		}
		if src == "web" {
			src = "email"
		}
		return add(at, p, src, fill(subj), render(p, src, subj, []string{body}), label)
	}
	parts := []string{pickFor(t.Opens, p)}
	if len(t.Details) > 0 && r.Float64() < 0.7 {
		parts = append(parts, pickFor(t.Details, p))
	}
	if len(t.Asks) > 0 && r.Float64() < 0.65 {
		parts = append(parts, pick(t.Asks))
	}
	subj := fill(pick(t.Subjects))
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
	weekgen.ReadTexts(weekgen.TextsFile(), &texts)
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
	weekgen.Must(weekgen.WriteWeek(weekgen.Dir(), tickets, updates(), weekgen.Format{}))
	counts := map[string]int{}
	srcs := map[string]int{}
	for _, t := range tickets {
		counts[t.Label]++
		srcs[t.Source]++
	}
	weekgen.PrintCounts(os.Stderr, counts)
	fmt.Fprintln(os.Stderr, "by source:", srcs)
}

// ---------------------------------------------------------------- incidents

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
		t := texts.LoginTopic.make(at, p, "inc-login-outage", 0.24, 0.12)
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
		body := texts.FollowUps[idx%len(texts.FollowUps)] + "\n\n" + first(f.CustomerName) +
			"\n\nOn Wed, 13 Jan 2027 at " + f.at.Format("15:04") + ", " + f.CustomerName + " <" + f.CustomerEmail + "> wrote:\n" + quoted
		idx++
		ft.at, ft.Subject, ft.Body, ft.Source = at, subj, body, "email"
		tickets = append(tickets, ft)
	}
	// one subject-only ticket in the storm
	p := somebody(0)
	add(day(13, 18, 27).Add(14*time.Second), p, "email", "app wont log in cant see cameras", "", "inc-login-outage")
}

func genDevicesOffline() {
	start := day(11, 7, 5)
	w := []float64{5, 9, 11, 11, 10, 8, 7, 5, 4}
	for i := 0; i < 45; i++ {
		texts.DevicesTopic.make(spread(start, 90*time.Minute, w), somebody(0.3), "inc-devices-offline", 0.2, 0.12)
	}
}

func genLiveViewConnect() {
	start := day(12, 19, 5)
	w := []float64{4, 8, 10, 10, 9, 7, 5, 4, 3}
	for i := 0; i < 40; i++ {
		texts.LiveConnectTopic.make(spread(start, 90*time.Minute, w), somebody(0.12), "inc-liveview-connect", 0.22, 0.1)
	}
}

func genLiveViewFreeze() {
	start := day(15, 16, 10)
	w := []float64{6, 9, 10, 9, 8, 7, 5, 3}
	for i := 0; i < 30; i++ {
		texts.LiveFreezeTopic.make(spread(start, 110*time.Minute, w), somebody(0.1), "inc-liveview-freeze", 0.2, 0.1)
	}
}

func genClips() {
	start := day(16, 9, 30)
	w := []float64{4, 7, 9, 9, 8, 6, 4, 3}
	for i := 0; i < 26; i++ {
		texts.ClipsTopic.make(spread(start, 2*time.Hour, w), somebody(0.1), "inc-clips-unavailable", 0.2, 0.12)
	}
}

func genThermostat() {
	start := day(14, 5, 30)
	w := []float64{5, 8, 7, 4, 3, 2, 2, 2, 3, 3, 4, 6, 6, 5, 3, 2, 1}
	for i := 0; i < 25; i++ {
		texts.ThermoTopic.make(spread(start, 17*time.Hour, w), somebody(0.15), "inc-thermostat-schedule", 0.18, 0.15)
	}
}

// ---------------------------------------------------------------- hard negatives

func genHardNegatives() {
	loginish := []topic{texts.HnForgot, texts.HnForgot, texts.HnResetMail, texts.HnResetMail, texts.HnLocked, texts.HnLocked, texts.HnNew2FA, texts.HnEmailChanged, texts.HnRemoved, texts.HnOnlyMe, texts.HnRegion}
	// inside the storm window
	for i := 0; i < 30; i++ {
		t := loginish[r.Intn(len(loginish))]
		t.make(uniform(day(13, 17, 40), day(13, 19, 40)), somebody(0.05), "hard-negative", 0.22, 0.15)
	}
	// inside the other incident windows
	for i := 0; i < 3; i++ {
		texts.HnWifi.make(uniform(day(11, 7, 0), day(11, 8, 40)), somebody(0), "hard-negative", 0.2, 0.1)
	}
	for i := 0; i < 2; i++ {
		texts.HnBattery.make(uniform(day(11, 7, 0), day(11, 8, 40)), somebody(0), "hard-negative", 0.2, 0.1)
	}
	texts.HnFirewall.make(uniform(day(12, 19, 0), day(12, 20, 40)), somebody(0), "hard-negative", 0.2, 0.1)
	texts.HnBattery.make(uniform(day(12, 19, 0), day(12, 20, 40)), somebody(0), "hard-negative", 0.2, 0.1)
	texts.HnOldOS.make(uniform(day(12, 19, 0), day(12, 20, 40)), somebody(0), "hard-negative", 0.2, 0.1)
	texts.HnWifi.make(uniform(day(12, 19, 0), day(12, 20, 40)), somebody(0), "hard-negative", 0.2, 0.1)
	texts.HnFirewall.make(uniform(day(15, 16, 0), day(15, 18, 0)), somebody(0), "hard-negative", 0.2, 0.1)
	texts.HnOldOS.make(uniform(day(15, 16, 0), day(15, 18, 0)), somebody(0), "hard-negative", 0.2, 0.1)
	for i := 0; i < 3; i++ {
		texts.HnCard.make(uniform(day(16, 9, 20), day(16, 11, 40)), somebody(0), "hard-negative", 0.2, 0.1)
	}
	texts.HnWifi.make(uniform(day(14, 7, 0), day(14, 20, 0)), somebody(0), "hard-negative", 0.2, 0.1)
	// the rest of the week
	all := []topic{texts.HnForgot, texts.HnForgot, texts.HnResetMail, texts.HnLocked, texts.HnNew2FA, texts.HnNew2FA, texts.HnEmailChanged, texts.HnRemoved, texts.HnOnlyMe, texts.HnRegion,
		texts.HnWifi, texts.HnWifi, texts.HnBattery, texts.HnBattery, texts.HnFirewall, texts.HnOldOS, texts.HnCard, texts.HnCard}
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
	windows := map[string][2]time.Time{
		"login":        {day(13, 17, 45), day(13, 19, 35)},
		"devices":      {day(11, 7, 10), day(11, 8, 30)},
		"live-connect": {day(12, 19, 10), day(12, 20, 30)},
		"live-freeze":  {day(15, 16, 15), day(15, 17, 55)},
		"clips":        {day(16, 9, 35), day(16, 11, 25)},
		"thermostat":   {day(14, 7, 0), day(14, 21, 0)},
	}
	for _, l := range texts.LookAlikes {
		w := windows[l.Window]
		one(uniform(w[0], w[1]), l.Subj, l.Body, l.Src)
	}
}

// ---------------------------------------------------------------- background

func genBackground() {
	perDay := map[int]int{11: 66, 12: 64, 13: 60, 14: 62, 15: 58, 16: 62, 17: 48}
	tot := 0
	for _, t := range texts.BgTopics {
		tot += t.W
	}
	for d := 11; d <= 17; d++ {
		for i := 0; i < perDay[d]; i++ {
			x := r.Intn(tot)
			var tp topic
			for _, t := range texts.BgTopics {
				if x < t.W {
					tp = t.T
					break
				}
				x -= t.W
			}
			at := dayTime(d)
			// Saturday morning: more setup questions
			if d == 16 && at.Hour() >= 8 && at.Hour() < 13 && r.Float64() < 0.4 {
				tp = texts.BgTopics[0].T
			}
			bt := tp.make(at, somebody(0.1), "background", 0.24, 0.12)
			// some are replies to an earlier exchange
			if bt.Source == "email" && !strings.HasPrefix(bt.Body, "<") && r.Float64() < 0.08 {
				prev := at.Add(-time.Duration(20+r.Intn(60)) * time.Hour)
				bt.Subject = "Re: " + bt.Subject
				bt.Body += "\n\nOn " + prev.Format("Mon, 2 Jan 2006 at 15:04") + ", HomeNest Support <support@homenest.io> wrote:\n> Hi " +
					first(bt.CustomerName) + ",\n> Thanks for getting in touch. Could you tell us a little more so we can help?\n> Best wishes,\n> " + pick(texts.Agents) + ", HomeNest Support"
			}
		}
	}
	// out-of-office replies (four land right after the storm email went out)
	for i := 0; i < 12; i++ {
		p := somebody(0.45)
		at := dayTime(11 + r.Intn(7))
		subj := pick(texts.OooSubjects)
		if i < 4 {
			at = uniform(day(13, 20, 40), day(13, 21, 10))
			subj = "Automatic reply: HomeNest - sign-in problems resolved"
		}
		add(at, p, "email", subj, pick(texts.OooBodies), "background")
	}
	// bounces
	bounceTo := texts.BounceTo
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
		p := person{name: pick(texts.SpamNames), email: pick(texts.SpamEmails)}
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

	for _, x := range texts.Updates {
		u(x.Provider, x.ID, x.Status, x.Impact, day(x.At[0], x.At[1], x.At[2]), x.Title, x.Body, x.Kind, x.Label, x.Components...)
	}
	return us
}

// statusUpdate is one status-page update in texts.json; At is the day of
// January 2027, hour and minute, UTC.
type statusUpdate struct {
	Provider, ID, Status, Impact, Title, Body, Kind, Label string
	At                                                     [3]int
	Components                                             []string
}

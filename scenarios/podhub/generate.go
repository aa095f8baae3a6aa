//go:build ignore

// Command generate writes PodHub's labelled support week (Mon 12 – Sun 18
// Apr 2027, UTC): tickets.jsonl and updates.jsonl. Run it from this folder:
//
//	go run generate.go
//
// The draws come from one PCG source with a fixed seed, so every run writes
// the same bytes.
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

// texts holds the ticket texts, read from texts.json when main starts.
var texts struct {
	// Updates are the status-page updates; At is the day of the week
	// (0 = Monday), hour and minute, UTC.
	Updates []struct {
		Provider, Incident, ID, Status, Impact, Title, Body, Kind, Label string
		At                                                               [3]int
		Components                                                       []string
	}

	Orgs []struct{ Name, Domain string }

	Firsts, Lasts, Shows, BotHello, BotHandOver, CustomerFollow, AgentLines  []string
	OooTexts, AgentAsks, CustomerReplies, LoginSubjs, LoginBods, LoginFollow []string
	EmailSubjs, EmailBods, EmailFollow, StartSubjs, StartBods, StartFollow   []string
	QualSubjs, QualBods, QualFollow, DcSubjs, DcBods                         []string

	Topics []topic

	NonEnglish, SpamTexts, HardNeg, LoginForeign, LoginLookAlikes, EmailForeign []text
	EmailLookAlikes, StartForeign, StartLookAlikes, QualForeign, QualLookAlikes []text
	DoubleChargeLookAlikes                                                      []text

	DoubleChargeES, DoubleChargeDE text
}

var (
	r     = rand.New(rand.NewPCG(20270412, 0x90d4b))
	start = time.Date(2027, 4, 12, 0, 0, 0, 0, time.UTC)
)

type person struct{ name, email, org string }

type draft struct {
	at    time.Time
	t     weekgen.Ticket
	order int
}

var drafts []draft

// text is one way a customer might describe something: a subject and a body
// core. Either may be empty.
type text struct{ Subj, Body string }

// ---------------------------------------------------------------- people

var freeDomains = []string{"gmail.com", "outlook.com", "icloud.com", "proton.me", "yahoo.com", "hey.com", "gmx.de", "hotmail.fr", "fastmail.com", "uol.com.br"}

var staff []person
var solo []person

func makePeople() {
	used := map[string]bool{}
	for _, o := range texts.Orgs {
		n := weekgen.Between(r, 2, 4)
		for i := 0; i < n; i++ {
			f, l := weekgen.Pick(r, texts.Firsts), weekgen.Pick(r, texts.Lasts)
			local := strings.ToLower(f)
			if weekgen.Chance(r, 0.5) {
				local += "." + strings.ToLower(strings.ReplaceAll(l, "'", ""))
			}
			e := local + "@" + o.Domain
			if used[e] {
				continue
			}
			used[e] = true
			staff = append(staff, person{f + " " + l, e, o.Name})
		}
		if weekgen.Chance(r, 0.4) {
			staff = append(staff, person{o.Name + " Team", "hello@" + o.Domain, o.Name})
		}
	}
	for len(solo) < 190 {
		f, l := weekgen.Pick(r, texts.Firsts), weekgen.Pick(r, texts.Lasts)
		var local string
		switch r.IntN(4) {
		case 0:
			local = strings.ToLower(f) + "." + strings.ToLower(strings.ReplaceAll(l, "'", ""))
		case 1:
			local = strings.ToLower(f[:1]+strings.ReplaceAll(l, "'", "")) + fmt.Sprint(weekgen.Between(r, 1, 99))
		case 2:
			local = strings.ToLower(f) + "pods"
		default:
			local = strings.ToLower(f) + "." + strings.ToLower(l[:1]) + fmt.Sprint(weekgen.Between(r, 70, 99))
		}
		e := local + "@" + weekgen.Pick(r, freeDomains)
		if used[e] {
			continue
		}
		used[e] = true
		solo = append(solo, person{f + " " + l, e, ""})
	}
}

func anyone() person {
	if weekgen.Chance(r, 0.45) {
		return weekgen.Pick(r, staff)
	}
	return weekgen.Pick(r, solo)
}

// ---------------------------------------------------------------- fill-ins

func fillIn(s string) string {
	rep := strings.NewReplacer(
		"{show}", weekgen.Pick(r, texts.Shows),
		"{ep}", fmt.Sprint(weekgen.Between(r, 3, 240)),
		"{n}", fmt.Sprint(weekgen.Between(r, 2, 9)),
		"{min}", fmt.Sprint(weekgen.Between(r, 5, 45)),
		"{amt}", weekgen.Pick(r, []string{"19.00", "29.00", "9.99", "49.00", "4.99", "12.50"}),
		"{plan}", weekgen.Pick(r, []string{"Creator", "Creator Pro", "Network", "Starter"}),
		"{code}", fmt.Sprintf("%d", weekgen.Between(r, 1000, 9999)),
	)
	return rep.Replace(s)
}

// ---------------------------------------------------------------- rendering

var greetings = []string{"Hi,", "Hello PodHub team,", "Hi there,", "Hey,", "Good morning,", "Dear support,", "Hi support,", "Hello,", ""}
var closings = []string{"Thanks", "Thanks a lot", "Cheers", "Best", "Kind regards", "Thank you", "Regards", "Many thanks", "Appreciate it", ""}
var agents = []string{"Marta", "Devon", "Leila", "Jonas", "Aiko"}

func sign(p person) string {
	first := strings.Fields(p.name)[0]
	if p.org != "" && weekgen.Chance(r, 0.5) {
		return p.name + "\n" + p.org
	}
	return first
}

func plain(p person, core string) string {
	var b strings.Builder
	if g := weekgen.Pick(r, greetings); g != "" {
		b.WriteString(g + "\n\n")
	}
	b.WriteString(core)
	c := weekgen.Pick(r, closings)
	if c != "" {
		b.WriteString("\n\n" + c + ",\n" + sign(p))
	} else if weekgen.Chance(r, 0.5) {
		b.WriteString("\n\n" + sign(p))
	}
	return b.String()
}

func html(p person, core string) string {
	var b strings.Builder
	b.WriteString("<html><body>")
	if g := weekgen.Pick(r, greetings); g != "" {
		b.WriteString("<p>" + g + "</p>")
	}
	for _, para := range strings.Split(core, "\n\n") {
		b.WriteString("<p>" + strings.ReplaceAll(para, "\n", "<br>") + "</p>")
	}
	b.WriteString("<p>" + weekgen.Pick(r, []string{"Best regards", "Thanks", "Cheers"}) + ",<br>" + p.name)
	if p.org != "" {
		b.WriteString("<br><i>" + p.org + "</i>")
	}
	b.WriteString("</p><div style=\"color:#888;font-size:11px\">Sent from my phone</div></body></html>")
	return b.String()
}

func chat(p person, core string) string {
	first := strings.Fields(p.name)[0]
	var lines []string
	lines = append(lines, weekgen.Pick(r, texts.BotHello))
	for _, s := range strings.Split(core, "\n\n") {
		lines = append(lines, first+": "+strings.ReplaceAll(s, "\n", " "))
	}
	if weekgen.Chance(r, 0.7) {
		lines = append(lines, weekgen.Pick(r, texts.BotHandOver))
		a := weekgen.Pick(r, agents)
		lines = append(lines, "Agent "+a+": "+weekgen.Pick(r, texts.AgentLines))
		if weekgen.Chance(r, 0.6) {
			lines = append(lines, first+": "+fillIn(weekgen.Pick(r, texts.CustomerFollow)))
		}
	}
	return strings.Join(lines, "\n")
}

var webCats = []string{"Account & login", "Billing", "Publishing", "Studio", "Analytics", "Distribution", "Other"}

func webForm(p person, core, cat string) string {
	return "Category: " + cat + "\nShow: " + weekgen.Pick(r, texts.Shows) + "\nName: " + p.name + "\nMessage: " + strings.ReplaceAll(core, "\n\n", " ")
}

func quoted(p person, prev string, when time.Time, core string) string {
	return core + "\n\nOn " + when.Format("Mon, 2 Jan 2006 at 15:04") + ", " + p.name + " <" + p.email + "> wrote:\n> " + strings.ReplaceAll(prev, "\n", "\n> ")
}

// add renders one ticket in a style drawn from the mix and keeps it.
func add(at time.Time, p person, tx text, label, cat string, mix [6]float64) {
	subj := fillIn(tx.Subj)
	core := fillIn(tx.Body)
	t := weekgen.Ticket{ReceivedAt: at.Format(time.RFC3339), CustomerEmail: p.email, CustomerName: p.name, Org: p.org, Label: label}
	// mix: plain email, html email, chat, web, subject-only, body-only
	switch weekgen.Weighted(r, mix[:]) {
	case 0:
		t.Source, t.Subject, t.Body = "email", subj, plain(p, core)
	case 1:
		t.Source, t.Subject, t.Body = "email", subj, html(p, core)
	case 2:
		t.Source, t.Body = "chat", chat(p, core)
	case 3:
		t.Source, t.Subject, t.Body = "web", subj, webForm(p, core, cat)
	case 4:
		if subj == "" {
			subj = strings.SplitN(core, "\n", 2)[0]
		}
		t.Source, t.Subject = "email", subj
	default:
		t.Source, t.Body = "email", plain(p, core)
	}
	if t.Subject == "" && t.Body == "" {
		t.Subject = subj
	}
	drafts = append(drafts, draft{at: at, t: t, order: len(drafts)})
}

func addRaw(at time.Time, t weekgen.Ticket) {
	t.ReceivedAt = at.Format(time.RFC3339)
	drafts = append(drafts, draft{at: at, t: t, order: len(drafts)})
}

var normalMix = [6]float64{50, 10, 17, 10, 6, 7}

// ---------------------------------------------------------------- time

var dayW = []float64{1.4, 1.1, 1.05, 1.0, 0.9, 0.45, 0.4}
var hourW = []float64{0.15, 0.1, 0.1, 0.1, 0.15, 0.25, 0.5, 0.9, 1.4, 1.7, 1.7, 1.6, 1.4, 1.5, 1.6, 1.6, 1.5, 1.3, 1.1, 1.0, 0.8, 0.6, 0.4, 0.25}

func anyTime() time.Time {
	d := weekgen.Weighted(r, dayW)
	hw := append([]float64(nil), hourW...)
	if d == 0 {
		for h := 7; h <= 11; h++ {
			hw[h] *= 1.8
		}
	}
	h := weekgen.Weighted(r, hw)
	return weekgen.At(start, d, h, r.IntN(60)).Add(time.Duration(r.IntN(60)) * time.Second)
}

// burst draws a time between a and b, most likely near peak (triangular).
func burst(a, peak, b time.Time) time.Time {
	lo, mo, hi := 0.0, peak.Sub(a).Seconds(), b.Sub(a).Seconds()
	u := r.Float64()
	var x float64
	if u < (mo-lo)/(hi-lo) {
		x = lo + sqrt(u*(hi-lo)*(mo-lo))
	} else {
		x = hi - sqrt((1-u)*(hi-lo)*(hi-mo))
	}
	return a.Add(time.Duration(x) * time.Second).Truncate(time.Second)
}

func sqrt(x float64) float64 {
	if x <= 0 {
		return 0
	}
	z := x
	for i := 0; i < 60; i++ {
		z = (z + x/z) / 2
	}
	return z
}

func between(a, b time.Time) time.Time {
	return a.Add(time.Duration(r.Int64N(int64(b.Sub(a)/time.Second))) * time.Second)
}

func at(day, h, m int) time.Time { return weekgen.At(start, day, h, m) }

// ---------------------------------------------------------------- main

func main() {
	weekgen.ReadTexts(weekgen.TextsFile(), &texts)
	makePeople()
	background()
	hardNegatives()
	emailIncident()
	studioStartIncident()
	loginIncident()
	doubleChargeIncident()
	studioQualityIncident()

	sort.SliceStable(drafts, func(i, j int) bool {
		if !drafts[i].at.Equal(drafts[j].at) {
			return drafts[i].at.Before(drafts[j].at)
		}
		return drafts[i].order < drafts[j].order
	})
	tickets := make([]weekgen.Ticket, len(drafts))
	counts := map[string]int{}
	for i, d := range drafts {
		d.t.ID = fmt.Sprintf("PH-%d", 61400+i*3+r.IntN(3))
		tickets[i] = d.t
		counts[d.t.Label]++
	}
	weekgen.Must(weekgen.WriteWeek(weekgen.Dir(), tickets, updates(), weekgen.Format{}))
	weekgen.PrintCounts(os.Stdout, counts)
}

// ---------------------------------------------------------------- background

type topic struct {
	Cat   string
	Subjs []string
	Bods  []string
}

func background() {
	n := 0
	for n < 400 {
		tp := weekgen.Pick(r, texts.Topics)
		p := anyone()
		tx := text{weekgen.Pick(r, tp.Subjs), weekgen.Pick(r, tp.Bods)}
		t := anyTime()
		if weekgen.Chance(r, 0.08) {
			// a reply in an earlier thread
			prevAt := t.Add(-time.Duration(weekgen.Between(r, 3, 60)) * time.Hour)
			agent := weekgen.Pick(r, agents)
			prev := fillIn("Hi " + strings.Fields(p.name)[0] + ", thanks for reaching out. " + weekgen.Pick(r, texts.AgentAsks) + "\n" + agent + ", PodHub Support")
			reply := weekgen.Pick(r, texts.CustomerReplies)
			addRaw(t, weekgen.Ticket{Source: "email", Subject: "Re: " + fillIn(tx.Subj), Body: quoted(person{agent + " (PodHub Support)", "support@podhub.fm", ""}, prev, prevAt, fillIn(reply)), CustomerEmail: p.email, CustomerName: p.name, Org: p.org, Label: "background"})
		} else {
			add(t, p, tx, "background", tp.Cat, normalMix)
		}
		n++
	}
	for _, tx := range texts.NonEnglish {
		add(anyTime(), anyone(), tx, "background", "Other", [6]float64{60, 5, 10, 10, 0, 15})
	}
	for i := 0; i < 11; i++ {
		p := weekgen.Pick(r, staff)
		addRaw(anyTime(), weekgen.Ticket{Source: "email", Subject: weekgen.Pick(r, []string{"Automatic reply: ", "Out of office: ", "Abwesenheitsnotiz: ", "Auto: "}) + weekgen.Pick(r, []string{"Your PodHub invoice", "Re: Your ticket", "Your monthly payout statement", "New feature: transcripts"}), Body: weekgen.Pick(r, texts.OooTexts), CustomerEmail: p.email, CustomerName: p.name, Org: p.org, Label: "background"})
	}
	for i := 0; i < 5; i++ {
		p := anyone()
		dom := strings.SplitN(p.email, "@", 2)[1]
		addRaw(anyTime(), weekgen.Ticket{Source: "email", Subject: "Undelivered Mail Returned to Sender", Body: "This is the mail system at host mx." + dom + ".\n\nI'm sorry to have to inform you that your message could not be delivered to one or more recipients.\n\n<" + p.email + ">: host mx." + dom + " said: 550 5.1.1 User unknown (in reply to RCPT TO command)", CustomerEmail: "MAILER-DAEMON@mx." + dom, CustomerName: "Mail Delivery System", Label: "background"})
	}
	for i, tx := range texts.SpamTexts {
		addRaw(anyTime(), weekgen.Ticket{Source: "email", Subject: tx.Subj, Body: tx.Body, CustomerEmail: fmt.Sprintf("offers%d@promo-blast%d.biz", i+1, i+7), CustomerName: "Growth Team", Label: "background"})
	}
}

// ---------------------------------------------------------------- hard negatives

func hardNegatives() {
	mix := [6]float64{50, 8, 20, 10, 6, 6}
	// 30 inside Wednesday's login storm
	for i := 0; i < 30; i++ {
		add(between(at(2, 15, 10), at(2, 17, 25)), anyone(), weekgen.Pick(r, texts.HardNeg), "hard-negative", "Account & login", mix)
	}
	// 6 inside Monday's email delay
	for i := 0; i < 6; i++ {
		add(between(at(0, 14, 0), at(0, 15, 45)), anyone(), texts.HardNeg[weekgen.Between(r, 3, 5)], "hard-negative", "Account & login", mix)
	}
	// 3 beside the double charge, 3 beside each studio incident
	for i := 0; i < 3; i++ {
		add(between(at(3, 8, 0), at(4, 17, 0)), anyone(), texts.HardNeg[weekgen.Between(r, 16, 19)], "hard-negative", "Billing", mix)
		add(between(at(1, 9, 50), at(1, 11, 20)), anyone(), weekgen.Pick(r, texts.HardNeg), "hard-negative", "Account & login", mix)
		add(between(at(4, 13, 20), at(4, 14, 50)), anyone(), weekgen.Pick(r, texts.HardNeg), "hard-negative", "Account & login", mix)
	}
	// the rest spread over the week
	for i := 0; i < 49; i++ {
		add(anyTime(), anyone(), weekgen.Pick(r, texts.HardNeg), "hard-negative", "Account & login", mix)
	}
}

// ---------------------------------------------------------------- incidents

type sent struct {
	p    person
	at   time.Time
	body string
	subj string
}

func incident(label, cat string, n int, a, peak, b time.Time, subjs, bods []string, foreign []text, follow []string, mix [6]float64) {
	var firsts []sent
	for i := 0; i < n; i++ {
		if len(firsts) > 3 && follow != nil && weekgen.Chance(r, 0.1) {
			f := weekgen.Pick(r, firsts)
			t := f.at.Add(time.Duration(weekgen.Between(r, 8, 50)) * time.Minute)
			if t.After(b) {
				t = between(f.at, b)
			}
			core := fillIn(weekgen.Pick(r, follow))
			subj := "Re: " + f.subj
			if f.subj == "" {
				subj = "Re: (no subject)"
			}
			addRaw(t, weekgen.Ticket{Source: "email", Subject: subj, Body: quoted(f.p, f.body, f.at, core), CustomerEmail: f.p.email, CustomerName: f.p.name, Org: f.p.org, Label: label})
			continue
		}
		p := anyone()
		t := burst(a, peak, b)
		if len(foreign) > 0 && weekgen.Chance(r, 0.06) {
			add(t, p, weekgen.Pick(r, foreign), label, cat, [6]float64{70, 0, 10, 10, 0, 10})
			continue
		}
		tx := text{weekgen.Pick(r, subjs), weekgen.Pick(r, bods)}
		if weekgen.Chance(r, 0.25) {
			tx.Body += "\n\n" + weekgen.Pick(r, bods)
		}
		before := len(drafts)
		add(t, p, tx, label, cat, mix)
		d := drafts[before].t
		if d.Source == "email" && d.Body != "" {
			firsts = append(firsts, sent{p, t, d.Body, d.Subject})
		}
	}
}

func loginIncident() {
	incident("inc-login-outage", "Account & login", 132, at(2, 15, 12), at(2, 15, 58), at(2, 17, 26), texts.LoginSubjs, texts.LoginBods, texts.LoginForeign, texts.LoginFollow, [6]float64{45, 10, 20, 10, 8, 7})
	lookAlikes(at(2, 15, 15), at(2, 17, 20), "Account & login", texts.LoginLookAlikes, 10)
}

func lookAlikes(a, b time.Time, cat string, txs []text, n int) {
	for i := 0; i < n; i++ {
		add(between(a, b), anyone(), txs[i%len(txs)], "look-alike", cat, [6]float64{55, 10, 20, 10, 0, 5})
	}
}

func emailIncident() {
	incident("inc-email-delayed", "Other", 41, at(0, 14, 2), at(0, 14, 45), at(0, 15, 48), texts.EmailSubjs, texts.EmailBods, texts.EmailForeign, texts.EmailFollow, [6]float64{55, 12, 15, 10, 4, 4})
	lookAlikes(at(0, 14, 5), at(0, 15, 45), "Other", texts.EmailLookAlikes, 6)
}

func studioStartIncident() {
	incident("inc-studio-wont-start", "Studio", 44, at(1, 9, 55), at(1, 10, 20), at(1, 11, 22), texts.StartSubjs, texts.StartBods, texts.StartForeign, texts.StartFollow, [6]float64{45, 8, 27, 10, 5, 5})
	lookAlikes(at(1, 10, 0), at(1, 11, 20), "Studio", texts.StartLookAlikes, 8)
}

func studioQualityIncident() {
	incident("inc-studio-degraded", "Studio", 36, at(4, 13, 18), at(4, 13, 55), at(4, 14, 52), texts.QualSubjs, texts.QualBods, texts.QualForeign, texts.QualFollow, [6]float64{50, 8, 22, 10, 5, 5})
	lookAlikes(at(4, 13, 20), at(4, 14, 50), "Studio", texts.QualLookAlikes, 7)
}

func doubleChargeIncident() {
	for i := 0; i < 26; i++ {
		var t time.Time
		if weekgen.Chance(r, 0.65) {
			t = between(at(3, 6, 40), at(3, 21, 0))
		} else {
			t = between(at(4, 7, 0), at(4, 18, 30))
		}
		tx := text{weekgen.Pick(r, texts.DcSubjs), weekgen.Pick(r, texts.DcBods)}
		if i == 7 {
			tx = texts.DoubleChargeES
		}
		if i == 15 {
			tx = texts.DoubleChargeDE
		}
		add(t, anyone(), tx, "inc-double-charge", "Billing", [6]float64{55, 10, 15, 15, 2, 3})
	}
	lookAlikes(at(3, 8, 0), at(4, 17, 0), "Billing", texts.DoubleChargeLookAlikes, 5)
}

// ---------------------------------------------------------------- status pages

func u(provider, inc, id, status, impact string, t time.Time, title, body, kind string, comps []string, label string) weekgen.Update {
	return weekgen.Update{Provider: provider, ProviderIncidentID: inc, UpdateID: id, Status: status, Impact: impact, At: t.Format(time.RFC3339), Title: title, Body: body, Kind: kind, Components: comps, Label: label}
}

func updates() []weekgen.Update {
	var us []weekgen.Update
	for _, x := range texts.Updates {
		us = append(us, u(x.Provider, x.Incident, x.ID, x.Status, x.Impact, at(x.At[0], x.At[1], x.At[2]), x.Title, x.Body, x.Kind, x.Components, x.Label))
	}
	return us
}

//go:build ignore

// Command generate writes FleetFuel's labelled support week (Mon 12 – Sun 18
// Apr 2027, UTC): tickets.jsonl and updates.jsonl. Run it from this folder
// (go run generate.go); the PCG seed is fixed, so every run writes the same
// bytes.
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
	Updates []statusUpdate

	FirstNames, LastNames, Stations, Greetings, Closings, BotHello, BotHandoff     []string
	AgentChat, SignOffs, HtmlOpenings, AutoReplies, AgentQuotes, ReplyLines        []string
	AutoReplySubjects, BounceSubjects, SpamSubjects, QrChase, PumpChase, HangChase []string
	SmsChase                                                                       []string

	Fleets []fleet

	FormCats map[string]string

	BgPool, NonEnglish, HardNeg, HardNegStorm, LaQR, LaCard, LaApp, LaSMS, LaVAT []tp

	QrStart, PumpOutage, AppHang, SmsDelay, VatBug theme
}

var (
	r     = rand.New(rand.NewPCG(20270412, 7731))
	week0 = time.Date(2027, 4, 12, 0, 0, 0, 0, time.UTC)
)

type cust struct {
	name, email, org string
	manager          bool
}

type tk struct {
	weekgen.Ticket
	at time.Time
}

var tickets []tk

// ---------------------------------------------------------------- people

type fleet struct{ Org, Domain string }

var people []cust
var managers, drivers []cust

func buildPeople() {
	used := map[string]bool{}
	for _, f := range tx.Fleets {
		nm := weekgen.Between(r, 2, 3)
		nd := weekgen.Between(r, 7, 13)
		for i := 0; i < nm+nd; i++ {
			var fn, ln string
			for {
				fn, ln = weekgen.Pick(r, tx.FirstNames), weekgen.Pick(r, tx.LastNames)
				if !used[fn+ln+f.Org] {
					used[fn+ln+f.Org] = true
					break
				}
			}
			local := strings.ToLower(asciiish(fn) + "." + asciiish(ln))
			email := local + "@" + f.Domain
			if i >= nm && weekgen.Chance(r, 0.3) {
				email = strings.ToLower(asciiish(fn)+asciiish(ln)) + fmt.Sprint(weekgen.Between(r, 7, 99)) + "@" + weekgen.Pick(r, []string{"gmail.com", "outlook.com", "wp.pl", "gmx.de", "yahoo.es", "icloud.com"})
			}
			c := cust{name: fn + " " + ln, email: email, org: f.Org, manager: i < nm}
			if i == 0 && weekgen.Chance(r, 0.4) {
				c = cust{name: fn + " " + ln, email: "fleet@" + f.Domain, org: f.Org, manager: true}
			}
			people = append(people, c)
			if c.manager {
				managers = append(managers, c)
			} else {
				drivers = append(drivers, c)
			}
		}
	}
}

func asciiish(s string) string {
	return strings.NewReplacer("ü", "ue", "í", "i", "ń", "n", "ą", "a", "ó", "o", "É", "E", "é", "e", "ł", "l", "ś", "s", "ż", "z", "ę", "e").Replace(s)
}

func pickCust(role string) cust {
	switch role {
	case "m":
		return weekgen.Pick(r, managers)
	case "d":
		return weekgen.Pick(r, drivers)
	}
	if weekgen.Chance(r, 0.55) {
		return weekgen.Pick(r, drivers)
	}
	return weekgen.Pick(r, managers)
}

func first(c cust) string { return strings.Fields(c.name)[0] }

// ---------------------------------------------------------------- details

func reg() string {
	switch r.IntN(4) {
	case 0:
		return fmt.Sprintf("%c%c%d %c%c%c", 'A'+rune(r.IntN(26)), 'A'+rune(r.IntN(26)), weekgen.Between(r, 10, 74), 'A'+rune(r.IntN(26)), 'A'+rune(r.IntN(26)), 'A'+rune(r.IntN(26)))
	case 1:
		return fmt.Sprintf("HH-%c%c %d", 'A'+rune(r.IntN(26)), 'A'+rune(r.IntN(26)), weekgen.Between(r, 100, 9999))
	case 2:
		return fmt.Sprintf("WX %d%c%c", weekgen.Between(r, 1000, 9999), 'A'+rune(r.IntN(26)), 'A'+rune(r.IntN(26)))
	}
	return fmt.Sprintf("%d-%c%c-%d", weekgen.Between(r, 10, 99), 'A'+rune(r.IntN(26)), 'A'+rune(r.IntN(26)), weekgen.Between(r, 10, 99))
}

func fill(s string, c cust) string {
	if !strings.Contains(s, "{") {
		return s
	}
	rep := []string{
		"{first}", first(c),
		"{fleet}", c.org,
		"{station}", weekgen.Pick(r, tx.Stations),
		"{pump}", fmt.Sprint(weekgen.Between(r, 1, 16)),
		"{card4}", fmt.Sprintf("%04d", r.IntN(10000)),
		"{reg}", reg(),
		"{amt}", fmt.Sprintf("%d.%02d", weekgen.Between(r, 24, 420), r.IntN(100)),
		"{n}", fmt.Sprint(weekgen.Between(r, 2, 9)),
		"{mins}", fmt.Sprint(weekgen.Between(r, 5, 40)),
		"{inv}", fmt.Sprintf("INV-2027-%05d", weekgen.Between(r, 1200, 48000)),
		"{km}", fmt.Sprint(weekgen.Between(r, 41000, 388000)),
	}
	return strings.NewReplacer(rep...).Replace(s)
}

// ---------------------------------------------------------------- rendering

var agentNames = []string{"Priya (FleetFuel)", "Sam (FleetFuel)", "Joanna (FleetFuel)", "Mateo (FleetFuel)", "Ellie (FleetFuel)"}

const bot = "Nozzle (bot)"

func sentences(b string) []string {
	var out []string
	cur := ""
	for _, w := range strings.Fields(strings.ReplaceAll(b, "\n", " ")) {
		cur += w + " "
		if (strings.HasSuffix(w, ".") || strings.HasSuffix(w, "?") || strings.HasSuffix(w, "!")) && len(cur) > 25 {
			out = append(out, strings.TrimSpace(cur))
			cur = ""
		}
	}
	if strings.TrimSpace(cur) != "" {
		out = append(out, strings.TrimSpace(cur))
	}
	return out
}

func signoff(c cust) string {
	cl := weekgen.Pick(r, tx.Closings)
	sig := first(c)
	switch r.IntN(4) {
	case 0:
		sig = c.name
	case 1:
		sig = c.name + "\n" + c.org
	case 2:
		if c.manager {
			sig = c.name + "\n" + weekgen.Pick(r, []string{"Fleet Manager", "Transport Manager", "Accounts", "Operations", "Office Manager", "Fuhrparkleitung"}) + ", " + c.org
		}
	}
	if cl == "" {
		return sig
	}
	return cl + ",\n" + sig
}

func plainEmail(body string, c cust) string {
	g := weekgen.Pick(r, tx.Greetings)
	s := body + "\n\n" + signoff(c)
	if g != "" {
		s = g + "\n\n" + s
	}
	if weekgen.Chance(r, 0.12) {
		s += "\n\n" + weekgen.Pick(r, tx.SignOffs)
	}
	return s
}

func htmlEmail(body string, c cust) string {
	var b strings.Builder
	b.WriteString(weekgen.Pick(r, tx.HtmlOpenings))
	if g := weekgen.Pick(r, tx.Greetings); g != "" {
		b.WriteString("<p>" + g + "</p>")
	}
	for _, p := range strings.Split(body, "\n\n") {
		b.WriteString("<p>" + strings.ReplaceAll(p, "\n", "<br>") + "</p>")
	}
	b.WriteString("<p>" + strings.ReplaceAll(signoff(c), "\n", "<br>") + "</p>")
	if weekgen.Chance(r, 0.3) {
		b.WriteString("<p style=\"color:#888;font-size:9px\">This e-mail and any attachments are confidential and intended solely for the addressee.</p>")
	}
	if strings.HasPrefix(b.String(), "<div") {
		b.WriteString("</div>")
	} else {
		b.WriteString("</body></html>")
	}
	return b.String()
}

func chat(body string, c cust) string {
	lines := []string{bot + ": " + weekgen.Pick(r, tx.BotHello)}
	ss := sentences(body)
	for i, s := range ss {
		lines = append(lines, c.name+": "+s)
		if i == 0 && len(ss) > 2 {
			lines = append(lines, bot+": "+weekgen.Pick(r, tx.BotHandoff))
		}
	}
	if len(ss) <= 2 {
		lines = append(lines, bot+": "+weekgen.Pick(r, tx.BotHandoff))
	}
	if weekgen.Chance(r, 0.7) {
		lines = append(lines, weekgen.Pick(r, agentNames)+": "+fill(weekgen.Pick(r, tx.AgentChat), c))
	}
	return strings.Join(lines, "\n")
}

func webForm(body string, c cust, cat string) string {
	s := "Name: " + c.name + "\nCompany: " + c.org + "\nTopic: " + tx.FormCats[cat]
	if cat == "card" || cat == "app" {
		s += "\nCard ending: " + fmt.Sprintf("%04d", r.IntN(10000))
	}
	return s + "\nMessage:\n" + body
}

// add renders one ticket. how: "" picks a format at random from the mix.
func add(at time.Time, subj, body string, c cust, cat, label string) *tk {
	subj, body = fill(subj, c), fill(body, c)
	t := tk{at: at}
	t.ReceivedAt = at.Format(time.RFC3339)
	t.CustomerEmail, t.CustomerName, t.Org, t.Label = c.email, c.name, c.org, label
	switch weekgen.Weighted(r, []float64{50, 14, 16, 12, 4, 4}) {
	case 0:
		t.Source, t.Subject, t.Body = "email", subj, plainEmail(body, c)
	case 1:
		t.Source, t.Subject, t.Body = "email", subj, htmlEmail(body, c)
	case 2:
		t.Source, t.Subject, t.Body = "chat", "Chat with "+c.name, chat(body, c)
	case 3:
		t.Source, t.Subject, t.Body = "web", subj, webForm(body, c, cat)
	case 4:
		t.Source, t.Subject, t.Body = "email", subj, ""
		if subj == "" {
			t.Subject = strings.Join(strings.Fields(body)[:min(9, len(strings.Fields(body)))], " ")
		}
	case 5:
		t.Source, t.Subject, t.Body = "email", "", plainEmail(body, c)
	}
	if subj == "" && t.Source != "chat" {
		t.Subject = ""
		if t.Body == "" {
			t.Body = body
		}
	}
	tickets = append(tickets, t)
	return &tickets[len(tickets)-1]
}

func quote(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		out = append(out, "> "+l)
	}
	return strings.Join(out, "\n")
}

// stripTags turns an HTML body back into the plain text a mail client
// would quote.
func stripTags(s string) string {
	if !strings.HasPrefix(s, "<") {
		return s
	}
	s = strings.NewReplacer("<br>", "\n", "</p>", "\n\n").Replace(s)
	var b strings.Builder
	in := false
	for _, ch := range s {
		switch {
		case ch == '<':
			in = true
		case ch == '>':
			in = false
		case !in:
			b.WriteRune(ch)
		}
	}
	return strings.TrimSpace(b.String())
}

func dateLine(at time.Time, who string) string {
	return "On " + at.Format("Mon, 2 Jan 2006 at 15:04") + ", " + who + " wrote:"
}

// followUp adds a chaser from the same person quoting their first ticket.
func followUp(orig tk, at time.Time, texts []string) {
	c := cust{name: orig.CustomerName, email: orig.CustomerEmail, org: orig.Org}
	subj := orig.Subject
	if subj == "" || strings.HasPrefix(subj, "Chat with") {
		subj = "Following up"
	}
	b := fill(weekgen.Pick(r, texts), c)
	switch {
	case orig.Source == "chat":
		b += "\n\nI raised this in your chat " + fmt.Sprint(int(at.Sub(orig.at).Minutes())) + " minutes ago and nobody has come back to me."
	case orig.Body == "":
		b += "\n\n" + dateLine(orig.at, c.name+" <"+c.email+">") + "\n" + quote(orig.Subject)
	default:
		b += "\n\n" + dateLine(orig.at, c.name+" <"+c.email+">") + "\n" + quote(stripTags(orig.Body))
	}
	t := tk{at: at}
	t.ReceivedAt = at.Format(time.RFC3339)
	t.CustomerEmail, t.CustomerName, t.Org, t.Label = c.email, c.name, c.org, orig.Label
	t.Source, t.Subject, t.Body = "email", "Re: "+subj, b
	tickets = append(tickets, t)
}

// ---------------------------------------------------------------- time

// hour weights: quiet nights, a morning start for drivers, office hours
// for managers.
var hourW = []float64{0.5, 0.3, 0.3, 0.4, 1, 2.5, 4.5, 6, 8, 8.5, 8, 7.5, 6.5, 7, 7, 6.5, 5.5, 4.5, 3, 2.2, 1.6, 1.2, 0.9, 0.6}
var dayW = []float64{1.5, 1.15, 1.05, 1.0, 0.95, 0.4, 0.25}

func bgTime() time.Time {
	d := weekgen.Weighted(r, dayW)
	hw := hourW
	if d == 0 {
		hw = append([]float64(nil), hourW...)
		for h := 7; h <= 11; h++ {
			hw[h] *= 1.7
		}
	}
	if d >= 5 {
		hw = append([]float64(nil), hourW...)
		for h := 0; h < 9; h++ {
			hw[h] *= 0.5
		}
	}
	h := weekgen.Weighted(r, hw)
	return weekgen.At(week0, d, h, r.IntN(60)).Add(time.Duration(r.IntN(60)) * time.Second)
}

// tri draws a time in [a, b) from a triangle whose mode sits at fraction c.
func tri(a, b time.Time, c float64) time.Time {
	u := r.Float64()
	var x float64
	if u < c {
		x = math.Sqrt(u * c)
	} else {
		x = 1 - math.Sqrt((1-u)*(1-c))
	}
	d := time.Duration(float64(b.Sub(a)) * x)
	return a.Add(d).Truncate(time.Second)
}

func uni(a, b time.Time) time.Time {
	return a.Add(time.Duration(r.Int64N(int64(b.Sub(a))))).Truncate(time.Second)
}

// ---------------------------------------------------------------- texts

type tp struct {
	Subj, Body string
	Role       string
	Cat        string
}

// mix draws a subject and a body from separate pools of the same theme.
type theme struct {
	Subjs, Bodies []string
	Role          string
	Cat           string
}

func (th theme) draw() (string, string) {
	return weekgen.Pick(r, th.Subjs), weekgen.Pick(r, th.Bodies)
}

func main() {
	weekgen.ReadTexts(weekgen.TextsFile(), &tx)
	buildPeople()
	genBackground(440)
	genHardNegatives()
	genQRStart()
	genPumpOutage()
	genAppPayHang()
	genSMS()
	genVAT()
	genLookAlikes()

	sort.SliceStable(tickets, func(i, j int) bool { return tickets[i].at.Before(tickets[j].at) })
	out := make([]weekgen.Ticket, len(tickets))
	counts := map[string]int{}
	for i := range tickets {
		tickets[i].ID = fmt.Sprintf("FF-%06d", 318400+i)
		out[i] = tickets[i].Ticket
		counts[tickets[i].Label]++
	}
	ups := updates()
	weekgen.Must(weekgen.WriteWeek(weekgen.Dir(), out, ups, weekgen.Format{}))
	weekgen.PrintCounts(os.Stdout, counts)
	fmt.Printf("updates %d\n", len(ups))
}

// ---------------------------------------------------------------- background

func genBackground(n int) {
	for i := 0; i < n; i++ {
		at := bgTime()
		switch weekgen.Weighted(r, []float64{78, 5, 3.2, 1.6, 7, 1.2}) {
		case 0:
			t := weekgen.Pick(r, tx.BgPool)
			add(at, t.Subj, t.Body, pickCust(t.Role), t.Cat, "background")
		case 1:
			t := weekgen.Pick(r, tx.NonEnglish)
			c := pickCust(t.Role)
			add(at, t.Subj, t.Body, c, t.Cat, "background")
		case 2:
			c := weekgen.Pick(r, people)
			back := at.Add(time.Duration(weekgen.Between(r, 2, 12)) * 24 * time.Hour).Format("Monday 2 January")
			t := tk{at: at}
			t.ReceivedAt = at.Format(time.RFC3339)
			t.Source, t.CustomerEmail, t.CustomerName, t.Org, t.Label = "email", c.email, c.name, c.org, "background"
			t.Subject = weekgen.Pick(r, []string{"Automatic reply: ", "Out of Office: ", "Abwesenheitsnotiz: ", "Auto: "}) + weekgen.Pick(r, tx.AutoReplySubjects)
			t.Body = fmt.Sprintf(weekgen.Pick(r, tx.AutoReplies), back)
			tickets = append(tickets, t)
		case 3:
			c := weekgen.Pick(r, people)
			t := tk{at: at}
			t.ReceivedAt = at.Format(time.RFC3339)
			t.Source, t.CustomerEmail, t.CustomerName, t.Org, t.Label = "email", "mailer-daemon@"+strings.SplitN(c.email, "@", 2)[1], "Mail Delivery Subsystem", "", "background"
			t.Subject = weekgen.Pick(r, tx.BounceSubjects)
			t.Body = "This is the mail system at host mx1." + strings.SplitN(c.email, "@", 2)[1] + ".\n\nI'm sorry to have to inform you that your message could not be delivered to one or more recipients.\n\n<" + c.email + ">: host said: 550 5.1.1 mailbox unavailable"
			tickets = append(tickets, t)
		case 4:
			t := weekgen.Pick(r, tx.BgPool)
			c := pickCust(t.Role)
			subj := t.Subj
			if subj == "" {
				subj = "Your question"
			}
			aq := weekgen.Pick(r, tx.AgentQuotes)
			body := fill(weekgen.Pick(r, tx.ReplyLines), c) + "\n\n" + dateLine(at.Add(-time.Duration(weekgen.Between(r, 3, 70))*time.Hour), "FleetFuel Support <support@fleetfuel.example>") + "\n" + quote("Hi "+first(c)+",\n\n"+aq+"\n\nFleetFuel Support") + "\n" + quote(quote(fill(t.Body, c)))
			tt := tk{at: at}
			tt.ReceivedAt = at.Format(time.RFC3339)
			tt.Source, tt.CustomerEmail, tt.CustomerName, tt.Org, tt.Label = "email", c.email, c.name, c.org, "background"
			tt.Subject, tt.Body = "Re: "+fill(subj, c), body
			tickets = append(tickets, tt)
		case 5:
			t := tk{at: at}
			t.ReceivedAt = at.Format(time.RFC3339)
			t.Source, t.Label = "email", "background"
			t.CustomerEmail = weekgen.Pick(r, []string{"offers@fuelsavings-pro.example", "seo.growth@rankfast.example", "noreply@invoice-portal.example"})
			t.CustomerName = "Marketing"
			t.Subject = weekgen.Pick(r, tx.SpamSubjects)
			t.Body = "Dear business owner, we help companies like yours save money every month. Reply YES to receive a free audit. To unsubscribe reply STOP."
			tickets = append(tickets, t)
		}
	}
}

// ---------------------------------------------------------------- hard negatives

func genHardNegatives() {
	// spread over the week
	for i := 0; i < 55; i++ {
		t := weekgen.Pick(r, tx.HardNeg)
		add(bgTime(), t.Subj, t.Body, pickCust(t.Role), t.Cat, "hard-negative")
	}
	// inside the Wednesday pump outage
	a, b := weekgen.At(week0, 2, 7, 45), weekgen.At(week0, 2, 10, 5)
	for i := 0; i < 22; i++ {
		var t tp
		if weekgen.Chance(r, 0.55) {
			t = weekgen.Pick(r, tx.HardNegStorm)
		} else {
			t = weekgen.Pick(r, tx.HardNeg)
		}
		add(uni(a, b), t.Subj, t.Body, pickCust(t.Role), t.Cat, "hard-negative")
	}
	// inside Tuesday's QR window, Thursday's app-pay window and Friday's SMS window
	for _, w := range []struct {
		a, b time.Time
		n    int
	}{
		{weekgen.At(week0, 1, 6, 10), weekgen.At(week0, 1, 7, 40), 4},
		{weekgen.At(week0, 3, 16, 15), weekgen.At(week0, 3, 17, 50), 4},
		{weekgen.At(week0, 4, 11, 25), weekgen.At(week0, 4, 13, 15), 5},
	} {
		for i := 0; i < w.n; i++ {
			t := weekgen.Pick(r, tx.HardNeg)
			add(uni(w.a, w.b), t.Subj, t.Body, pickCust(t.Role), t.Cat, "hard-negative")
		}
	}
}

// ---------------------------------------------------------------- Tue: QR start error (forecourtlink)

func genIncident(th theme, n int, a, b time.Time, mode float64, label string, chaserP float64, chasers []string) {
	var firsts []int
	for i := 0; i < n; i++ {
		if len(firsts) > 3 && weekgen.Chance(r, chaserP) {
			o := tickets[weekgen.Pick(r, firsts)]
			at := o.at.Add(time.Duration(weekgen.Between(r, 8, 45)) * time.Minute)
			if at.After(b) {
				at = b.Add(-time.Duration(r.IntN(300)) * time.Second)
			}
			if at.Before(o.at) {
				at = o.at.Add(time.Minute)
			}
			followUp(o, at, chasers)
			continue
		}
		s, bd := th.draw()
		add(tri(a, b, mode), s, bd, pickCust(th.Role), th.Cat, label)
		firsts = append(firsts, len(tickets)-1)
	}
}

func genQRStart() {
	genIncident(tx.QrStart, 40, weekgen.At(week0, 1, 6, 11), weekgen.At(week0, 1, 7, 36), 0.3, "inc-qr-pump-start-error", 0.08, tx.QrChase)
}

// ---------------------------------------------------------------- Wed: card authorisation outage (chargerail)

func genPumpOutage() {
	a, b := weekgen.At(week0, 2, 7, 41), weekgen.At(week0, 2, 10, 5)
	genIncident(tx.PumpOutage, 130, a, b, 0.28, "inc-pump-card-outage", 0.1, tx.PumpChase)
}

// ---------------------------------------------------------------- Thu: app payment hangs mid-way (chargerail)

func genAppPayHang() {
	genIncident(tx.AppHang, 35, weekgen.At(week0, 3, 16, 14), weekgen.At(week0, 3, 17, 52), 0.4, "inc-app-pay-timeout", 0.08, tx.HangChase)
}

// ---------------------------------------------------------------- Fri: SMS delayed (signalpost)

func genSMS() {
	genIncident(tx.SmsDelay, 42, weekgen.At(week0, 4, 11, 26), weekgen.At(week0, 4, 13, 16), 0.35, "inc-sms-codes-delayed", 0.1, tx.SmsChase)
}

// ---------------------------------------------------------------- Mon–Tue: VAT report totals wrong (own bug)

func genVAT() {
	for i := 0; i < 26; i++ {
		var at time.Time
		if weekgen.Chance(r, 0.4) {
			at = weekgen.At(week0, 0, weekgen.Between(r, 13, 18), r.IntN(60))
		} else {
			at = weekgen.At(week0, 1, weekgen.Between(r, 7, 18), r.IntN(60))
		}
		at = at.Add(time.Duration(r.IntN(60)) * time.Second)
		s, b := tx.VatBug.draw()
		add(at, s, b, pickCust("m"), "report", "inc-vat-report-totals")
	}
}

// ---------------------------------------------------------------- look-alikes

func genLookAlikes() {
	for _, w := range []struct {
		pool []tp
		a, b time.Time
		n    int
	}{
		{tx.LaQR, weekgen.At(week0, 1, 6, 15), weekgen.At(week0, 1, 7, 35), 7},
		{tx.LaCard, weekgen.At(week0, 2, 7, 50), weekgen.At(week0, 2, 10, 0), 10},
		{tx.LaApp, weekgen.At(week0, 3, 16, 15), weekgen.At(week0, 3, 17, 50), 6},
		{tx.LaSMS, weekgen.At(week0, 4, 11, 30), weekgen.At(week0, 4, 13, 10), 6},
	} {
		perm := r.Perm(len(w.pool))
		for i := 0; i < w.n; i++ {
			t := w.pool[perm[i%len(perm)]]
			add(uni(w.a, w.b), t.Subj, t.Body, pickCust(t.Role), t.Cat, "look-alike")
		}
	}
	perm := r.Perm(len(tx.LaVAT))
	for i := 0; i < 6; i++ {
		t := tx.LaVAT[perm[i]]
		var at time.Time
		if i < 2 {
			at = weekgen.At(week0, 0, weekgen.Between(r, 14, 18), r.IntN(60))
		} else {
			at = weekgen.At(week0, 1, weekgen.Between(r, 8, 17), r.IntN(60))
		}
		add(at, t.Subj, t.Body, pickCust("m"), t.Cat, "look-alike")
	}
}

// ---------------------------------------------------------------- status pages

func updates() []weekgen.Update {
	var us []weekgen.Update
	n := 0
	u := func(prov, id, status, impact string, at time.Time, title, body, kind, label string, comps ...string) {
		n++
		us = append(us, weekgen.Update{Provider: prov, ProviderIncidentID: id, UpdateID: fmt.Sprintf("%s-u%02d", id, n), Status: status, Impact: impact, At: at.Format(time.RFC3339), Title: title, Body: body, Kind: kind, Components: comps, Label: label})
	}
	d := func(day, h, m int) time.Time { return weekgen.At(week0, day, h, m) }

	for _, x := range tx.Updates {
		u(x.Provider, x.ID, x.Status, x.Impact, d(x.At[0], x.At[1], x.At[2]), x.Title, x.Body, x.Kind, x.Label, x.Components...)
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

// Command generate writes the RentWheel labelled week (Mon 5 – Sun 11 Apr
// 2027, UTC): tickets.jsonl and updates.jsonl in this folder. Run it from
// the repository root with `go run ./scenarios/rentwheel/generate.go`.
// Seeded: rerunning it gives identical bytes.
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

var rng = rand.New(rand.NewPCG(20270405, 4242))

// ticket is a line of tickets.jsonl and the time it arrives.
type ticket struct {
	weekgen.Ticket
	at time.Time
}

type customer struct {
	name, email, org, lang string
	operator               bool
}

var base = time.Date(2027, 4, 5, 0, 0, 0, 0, time.UTC)

func at(day, h, m int) time.Time { return weekgen.At(base, day, h, m) }

func pick(xs []string) string { return weekgen.Pick(rng, xs) }

func chance(p float64) bool { return rng.Float64() < p }

var firsts = text[[]string]("firsts")
var lasts = []string{"Müller", "Schmidt", "Weber", "Fischer", "Wagner", "Becker", "Hoffmann", "Koch", "Richter", "Klein", "Dubois", "Moreau", "Laurent", "Girard", "Bernard", "García", "Fernández", "López", "Martín", "Rossi", "Bianchi", "Romano", "Colombo",
	"de Vries", "Jansen", "Bakker", "Visser", "Smit", "Brown", "Taylor", "Evans", "Walsh", "Patel", "Nowak", "Kowalski", "Yılmaz", "Demir", "Haddad", "Nielsen", "Hansen", "Larsen", "Andersson", "Costa", "Silva", "O'Neill", "Novák", "Horvat"}
var mailDomains = []string{"gmail.com", "gmx.de", "web.de", "outlook.com", "yahoo.fr", "orange.fr", "hotmail.com", "icloud.com", "ziggo.nl", "libero.it", "proton.me", "posteo.de", "t-online.de", "telefonica.net", "mail.dk"}

type orgDef struct {
	Name, Domain string
	Operator     bool
}

var orgs = text[[]orgDef]("orgs")

var customers []customer

func slug(s string) string {
	r := strings.NewReplacer("ü", "u", "ö", "o", "ä", "a", "é", "e", "í", "i", "ı", "i", "á", "a", "ó", "o", "ø", "o", "è", "e", "ç", "c", "ñ", "n", "'", "", " ", "")
	return strings.ToLower(r.Replace(s))
}

func makeCustomers() {
	seen := map[string]bool{}
	for len(customers) < 330 {
		f, l := pick(firsts), pick(lasts)
		c := customer{name: f + " " + l, lang: "en"}
		if chance(0.22) {
			o := orgs[rng.IntN(len(orgs))]
			c.org, c.operator = o.Name, o.Operator
			c.email = slug(f) + "." + slug(l) + "@" + o.Domain
		} else {
			sep := pick([]string{".", "", "_", "."})
			num := ""
			if chance(0.3) {
				num = fmt.Sprint(rng.IntN(99) + 1)
			}
			c.email = slug(f) + sep + slug(l) + num + "@" + pick(mailDomains)
		}
		switch {
		case strings.HasSuffix(c.email, ".de") || strings.HasSuffix(c.email, ".at"):
			c.lang = "de"
		case strings.HasSuffix(c.email, ".fr"):
			c.lang = "fr"
		case strings.HasSuffix(c.email, ".es") || strings.HasSuffix(c.email, "telefonica.net"):
			c.lang = "es"
		case strings.HasSuffix(c.email, ".nl"):
			c.lang = "nl"
		case strings.HasSuffix(c.email, ".it"):
			c.lang = "it"
		}
		if seen[c.email] {
			continue
		}
		seen[c.email] = true
		customers = append(customers, c)
	}
}

func anyCustomer() customer { return customers[rng.IntN(len(customers))] }

func operatorCustomer() customer {
	for {
		c := anyCustomer()
		if c.operator {
			return c
		}
	}
}

func consumer() customer {
	for {
		c := anyCustomer()
		if !c.operator {
			return c
		}
	}
}

var cities = []string{"Berlin", "Hamburg", "Munich", "Amsterdam", "Rotterdam", "Lyon", "Paris", "Madrid", "Milan", "Vienna", "Copenhagen"}
var streets = []string{"Torstraße", "Rue de la République", "Calle de Alcalá", "Via Tortona", "Witte de Withstraat", "Mariahilfer Straße", "Nørrebrogade", "Schanzenstraße", "Boulevard Voltaire", "Prinsengracht", "Leopoldstraße", "Kastanienallee", "the station car park", "the Lidl car park", "the airport P4 garage"}
var models = []string{"Fiat 500e", "VW ID.3", "Renault Zoe", "Toyota Yaris", "Peugeot 208", "Skoda Octavia", "Tesla Model 3", "Kia Niro", "VW Polo", "Opel Corsa-e", "Cupra Born", "MG4"}

func plate() string {
	letters := "ABCDEFGHKLMNPRSTVWXZ"
	return fmt.Sprintf("%c%c-%d%d%d-%c", letters[rng.IntN(20)], letters[rng.IntN(20)], rng.IntN(10), rng.IntN(10), rng.IntN(10), letters[rng.IntN(20)])
}

func bookingRef() string { return fmt.Sprintf("RW-%d", 480000+rng.IntN(99999)) }

func fill(s string) string {
	r := strings.NewReplacer("{plate}", plate(), "{ref}", bookingRef(), "{city}", pick(cities), "{street}", pick(streets), "{car}", pick(models),
		"{min}", fmt.Sprint(5+rng.IntN(40)), "{eur}", fmt.Sprintf("%d.%02d", 8+rng.IntN(120), rng.IntN(100)), "{n}", fmt.Sprint(2+rng.IntN(20)))
	return r.Replace(s)
}

// typos makes a text look typed in a hurry, sometimes.
func typos(s string, p float64) string {
	if !chance(p) {
		return s
	}
	swaps := [][2]string{{"the ", "teh "}, {"car", "cra"}, {"because", "becuase"}, {"receive", "recieve"}, {"please", "pls"}, {"you", "u"}, {"I'm", "im"}, {"don't", "dont"}, {"can't", "cant"}, {"won't", "wont"}, {". ", ".. "}}
	for i := 0; i < 1+rng.IntN(3); i++ {
		sw := swaps[rng.IntN(len(swaps))]
		s = strings.Replace(s, sw[0], sw[1], 1)
	}
	if chance(0.3) {
		s = strings.ToLower(s)
	}
	return s
}

var tickets []ticket

func add(t time.Time, label, source, subject, body string, c customer) *ticket {
	tickets = append(tickets, ticket{at: t, Ticket: weekgen.Ticket{ReceivedAt: t.Format(time.RFC3339), Subject: subject, Body: body, Source: source, CustomerEmail: c.email, CustomerName: c.name, Org: c.org, Label: label}})
	return &tickets[len(tickets)-1]
}

func firstName(c customer) string { return strings.Split(c.name, " ")[0] }

// msg is one piece of customer text: a subject and a few sentences.
type msg struct {
	Subject string
	Lines   []string
}

// render puts a message into one of the helpdesk's shapes and adds it.
func render(t time.Time, label string, c customer, m msg, shape string) {
	subj := fill(m.Subject)
	var lines []string
	for _, l := range m.Lines {
		lines = append(lines, fill(l))
	}
	text := strings.Join(lines, " ")
	switch shape {
	case "":
		r := rng.Float64()
		switch {
		case r < 0.50:
			shape = "email"
		case r < 0.60:
			shape = "html"
		case r < 0.82:
			shape = "chat"
		default:
			shape = "web"
		}
	}
	switch shape {
	case "email":
		greet := pick([]string{"Hi,", "Hello,", "Hi RentWheel,", "Hello support team,", "Dear RentWheel team,", "", "Hey,", "Hi team,"})
		sign := pick([]string{"Thanks,", "Regards,", "Best,", "Cheers,", "Thank you,", "", "Kind regards,"})
		body := text
		if greet != "" {
			body = greet + "\n\n" + body
		}
		if sign != "" {
			body += "\n\n" + sign + "\n" + pick([]string{c.name, firstName(c), firstName(c)})
		}
		if c.org != "" && chance(0.6) {
			body += "\n" + c.org
		}
		if chance(0.15) {
			body += "\n\nSent from my iPhone"
		}
		add(t, label, "email", subj, typos(body, 0.15), c)
	case "html":
		var b strings.Builder
		b.WriteString("<html><body><div dir=\"ltr\">")
		b.WriteString("<p>" + pick([]string{"Hello,", "Hi there,", "Dear Sir or Madam,", "Hi,"}) + "</p>")
		for _, l := range lines {
			b.WriteString("<p>" + l + "</p>")
		}
		b.WriteString("<p>" + pick([]string{"Best regards", "Thanks", "Kind regards"}) + "<br>" + c.name)
		if c.org != "" {
			b.WriteString("<br><b>" + c.org + "</b>")
		}
		b.WriteString("</p></div></body></html>")
		add(t, label, "email", subj, b.String(), c)
	case "chat":
		var b strings.Builder
		b.WriteString("Wheelie (bot): " + pick([]string{"Hi! I'm Wheelie, RentWheel's virtual assistant. What can I help you with today?", "Hello 👋 I'm Wheelie. Ask me anything about your trips, bookings or account.", "Hi, Wheelie here! How can I help?"}) + "\n")
		for i, l := range lines {
			b.WriteString("Customer: " + typos(l, 0.25) + "\n")
			if i == 0 && len(lines) > 1 {
				b.WriteString("Wheelie (bot): " + pick([]string{"I'm sorry to hear that. Could you tell me a bit more?", "Thanks. Let me look into that for you. Anything else I should know?", "I understand. Can you describe what you see in the app?"}) + "\n")
			}
		}
		b.WriteString("Wheelie (bot): " + pick([]string{"I'm handing you over to a human colleague.", "Let me connect you with our support team.", "One moment, I'm transferring you to an agent."}) + "\n")
		b.WriteString("Agent " + pick([]string{"Marlene", "Youssef", "Inge", "Bastien", "Rocío", "Pieter", "Alessia"}) + " joined the chat")
		chatSubj := pick([]string{"Chat with " + firstName(c), "Chat conversation", "", "Live chat: " + subj})
		add(t, label, "chat", chatSubj, b.String(), c)
	case "web":
		var b strings.Builder
		b.WriteString("Name: " + c.name + "\n")
		b.WriteString("Email: " + c.email + "\n")
		if chance(0.6) {
			b.WriteString("Booking reference: " + bookingRef() + "\n")
		}
		b.WriteString("Topic: " + pick([]string{"My trip", "Booking", "Account", "Payment", "Other", "Vehicle"}) + "\n")
		b.WriteString("Platform: " + pick([]string{"iOS", "Android", "Web", "iOS", "Android"}) + "\n")
		b.WriteString("Message: " + text)
		s := subj
		if chance(0.3) {
			s = "Contact form: " + subj
		}
		if chance(0.08) {
			s = ""
		}
		add(t, label, "web", s, b.String(), c)
	case "oneliner":
		if subj != "" && chance(0.5) {
			add(t, label, pick([]string{"email", "api"}), subj, "", c)
		} else {
			add(t, label, pick([]string{"email", "chat", "api"}), "", typos(text, 0.4), c)
		}
	}
}

// spread returns n times between start and end, denser near peakFrac of the window.
func spread(n int, start, end time.Time, peakFrac float64) []time.Time {
	d := end.Sub(start)
	var out []time.Time
	for i := 0; i < n; i++ {
		var f float64
		if chance(0.7) {
			// triangular around the peak
			u := rng.Float64()
			if u < peakFrac {
				f = peakFrac * sqrt(u/peakFrac)
			} else {
				f = 1 - (1-peakFrac)*sqrt((1-u)/(1-peakFrac))
			}
		} else {
			f = rng.Float64()
		}
		out = append(out, start.Add(time.Duration(f*float64(d))).Truncate(time.Second).Add(time.Duration(rng.IntN(60))*time.Second))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Before(out[j]) })
	out[0] = start
	return out
}

func sqrt(x float64) float64 {
	z := x
	if z == 0 {
		return 0
	}
	for i := 0; i < 30; i++ {
		z = (z + x/z) / 2
	}
	return z
}

// ---------------------------------------------------------------- incidents

// inc-unlock-outage: keyfleet's vehicle command cloud fails, Wed 7 Apr.
var unlockSubjects = text[[]string]("unlockSubjects")

var unlockSymptoms = text[[]string]("unlockSymptoms")

var unlockContext = text[[]string]("unlockContext")

var unlockPleas = text[[]string]("unlockPleas")

var unlockOperator = text[[]msg]("unlockOperator")

var unlockForeign = text[map[string][]msg]("unlockForeign")

var unlockLong = text[[]msg]("unlockLong")

var unlockOneLiners = text[[]msg]("unlockOneLiners")

func unlockMsg(c customer) (msg, string) {
	r := rng.Float64()
	switch {
	case c.operator:
		return unlockOperator[rng.IntN(len(unlockOperator))], pick([]string{"email", "html", "web"})
	case len(unlockForeign[c.lang]) > 0 && r < 0.45:
		f := unlockForeign[c.lang]
		return f[rng.IntN(len(f))], pick([]string{"email", "chat", "web"})
	case r < 0.12:
		return unlockLong[rng.IntN(len(unlockLong))], pick([]string{"email", "html"})
	case r < 0.22:
		return unlockOneLiners[rng.IntN(len(unlockOneLiners))], "oneliner"
	}
	lines := []string{pick(unlockSymptoms)}
	if x := pick(unlockContext); x != "" {
		lines = append(lines, x)
	}
	if x := pick(unlockPleas); x != "" {
		lines = append(lines, x)
	}
	return msg{pick(unlockSubjects), lines}, ""
}

var unlockFollow = []string{"Any update??", "still nothing. any update?", "Hello?? Still waiting next to the car", "2nd message - still can't get in", "Is anyone there? The car still won't open", "Any news? It's been {min} minutes", "Following up - still locked", "STILL LOCKED. Please answer.", "Tried again just now, still 'unlock failed'."}
var mapFollow = []string{"Any update? Map still empty", "Still no cars on the map", "Following up - is the map fixed yet?"}
var payFollow = []string{"Any update? Still can't pay", "Following up - booking still fails at payment", "Tried again, card still declined. News?"}

func incidentWindow(label string, n int, start, end time.Time, peak float64, gen func(c customer) (msg, string), pickC func() customer, nFollow int, followUps []string) {
	times := spread(n, start, end, peak)
	type rep struct {
		c      customer
		subj   string
		text   string
		source string
		t      time.Time
	}
	var reps []rep
	used := map[int]bool{}
	for i, t := range times {
		if i >= n-nFollow && len(reps) > 3 {
			// follow-up from an earlier reporter who wrote by email or form, quoting their first message
			var r rep
			found := false
			for try := 0; try < 500 && !found; try++ {
				k := rng.IntN(len(reps))
				r = reps[k]
				if used[k] || r.source == "chat" || r.subj == "" || !r.t.Before(t.Add(-8*time.Minute)) || (r.c.lang != "en" && !chance(0.3)) {
					continue
				}
				used[k] = true
				found = true
			}
			if found {
				s := fill(pick(followUps))
				body := s + "\n\n" + pick([]string{"On ", "On ", "-----Original message-----\nOn "}) + r.t.Format("Mon 2 Jan 2006 at 15:04") + ", " + r.c.name + " <" + r.c.email + "> wrote:\n> " + r.text
				subj := "Re: " + strings.TrimPrefix(r.subj, "Contact form: ")
				add(t, label, "email", subj, body, r.c)
				continue
			}
		}
		c := pickC()
		m, shape := gen(c)
		before := len(tickets)
		render(t, label, c, m, shape)
		first := m.Lines[0]
		if len(first) > 0 {
			first = fill(first)
		}
		reps = append(reps, rep{c, tickets[before].Subject, first, tickets[before].Source, t})
	}
}

// inc-map-blank: geomesh map tiles and geocoding fail, Mon 5 Apr morning.
var mapSubjects = []string{"Map is empty", "No cars on the map", "Map not loading", "App map grey", "Can't find any car", "map broken?", "Where are the cars?", "Address search not working",
	"App stuck on 'Locating…'", "Map shows nothing this morning", "No vehicles around me?", "Cars in the wrong place on map", "Can't see parking zones"}
var mapSymptoms = text[[]string]("mapSymptoms")
var mapContext = []string{"I need to get to work.", "Tried on my partner's phone too, same.", "I'm in {city}.", "Location is switched on.", "Reinstalled the app, no change.", "", "", "Is it just me?"}
var mapOperator = text[[]msg]("mapOperator")
var mapForeign = text[map[string][]msg]("mapForeign")

func mapMsg(c customer) (msg, string) {
	switch r := rng.Float64(); {
	case c.operator:
		return mapOperator[rng.IntN(len(mapOperator))], pick([]string{"email", "web"})
	case len(mapForeign[c.lang]) > 0 && r < 0.4:
		f := mapForeign[c.lang]
		return f[rng.IntN(len(f))], ""
	case r < 0.18:
		return msg{pick([]string{"map down", "no cars", "map???", ""}), []string{pick([]string{"map is empty", "the map doesnt load", "no cars on map", "map all grey this morning"})}}, "oneliner"
	}
	lines := []string{pick(mapSymptoms)}
	if x := pick(mapContext); x != "" {
		lines = append(lines, x)
	}
	return msg{pick(mapSubjects), lines}, ""
}

// inc-payment-declined: cardmint authorisations fail, Fri 9 Apr.
var paySubjects = []string{"Payment failed", "Card declined but it's fine", "Can't book - payment error", "3D Secure page not loading", "Error PAY-17", "Booking won't confirm", "Card rejected",
	"Can't add my card", "Apple Pay not working", "Payment keeps failing", "Why is my card declined?", "payment error when booking"}
var paySymptoms = text[[]string]("paySymptoms")
var payContext = []string{"My bank says they never received any request.", "I have plenty of money on the card.", "I need the car for an appointment.", "", "", "Is your payment system down?", "I tried {n} times now.", "Hope I wasn't charged {n} times."}
var payOperator = text[[]msg]("payOperator")
var payForeign = text[map[string][]msg]("payForeign")

func payMsg(c customer) (msg, string) {
	switch r := rng.Float64(); {
	case c.operator:
		return payOperator[rng.IntN(len(payOperator))], pick([]string{"email", "web", "html"})
	case len(payForeign[c.lang]) > 0 && r < 0.4:
		f := payForeign[c.lang]
		return f[rng.IntN(len(f))], ""
	case r < 0.18:
		return msg{pick([]string{"payment broken", "card declined?", "", "can't pay"}), []string{pick([]string{"payment fails every time", "card declined at booking, card is fine", "cant pay for booking", "PAY-17 error"})}}, "oneliner"
	}
	lines := []string{pick(paySymptoms)}
	if x := pick(payContext); x != "" {
		lines = append(lines, x)
	}
	return msg{pick(paySubjects), lines}, ""
}

// inc-midnight-pricing: our own bug, trips across midnight billed as two days.
var priceMsgs = text[[]msg]("priceMsgs")

// ---------------------------------------------------------- hard negatives

var hardNeg = text[[]msg]("hardNeg")

var hardNegUnlock = text[[]msg]("hardNegUnlock")

// ------------------------------------------------------------- look-alikes

var lookUnlock = text[[]msg]("lookUnlock")
var lookMap = text[[]msg]("lookMap")
var lookPay = text[[]msg]("lookPay")
var lookPrice = text[[]msg]("lookPrice")

// ------------------------------------------------------------- background

var bg = text[[]msg]("bg")

var autoReplies = text[[]msg]("autoReplies")

var bounces = text[[]msg]("bounces")

func withEmail(m msg, c customer) msg {
	out := msg{m.Subject, nil}
	for _, l := range m.Lines {
		out.Lines = append(out.Lines, strings.ReplaceAll(l, "{email}", c.email))
	}
	return out
}

var hourWeights = []int{1, 1, 0, 0, 0, 1, 3, 6, 8, 9, 9, 9, 8, 8, 8, 8, 9, 9, 8, 7, 6, 4, 3, 2}

func backgroundTime(day int) time.Time {
	total := 0
	for _, w := range hourWeights {
		total += w
	}
	x := rng.IntN(total)
	h := 0
	for ; h < 24; h++ {
		if x < hourWeights[h] {
			break
		}
		x -= hourWeights[h]
	}
	return at(day, h, rng.IntN(60)).Add(time.Duration(rng.IntN(60)) * time.Second)
}

func scatter(label string, list []msg, n int, start, end time.Time) {
	for i := 0; i < n; i++ {
		t := start.Add(time.Duration(rng.Int64N(int64(end.Sub(start))))).Truncate(time.Second)
		c := consumer()
		render(t, label, c, withEmail(list[rng.IntN(len(list))], c), "")
	}
}

// ---------------------------------------------------------------- updates

var updates []weekgen.Update

func upd(provider, incID, status, impact string, t time.Time, title, body, kind string, comps []string, label string) {
	updates = append(updates, weekgen.Update{Provider: provider, ProviderIncidentID: incID, UpdateID: fmt.Sprintf("%s-u%d", incID, len(updates)+1), Status: status, Impact: impact,
		At: t.Format(time.RFC3339), Title: title, Body: body, Kind: kind, Components: comps, Label: label})
}

// text decodes the table name of texts.json: the week's ticket texts, which
// this generator only draws from and puts together.
func text[T any](name string) T { return weekgen.Table[T](textsFile, name) }

// textsFile is in the folder main writes the week into, this file's.
var textsFile = weekgen.TextsFile()

func main() {
	makeCustomers()

	// Wed 7 Apr: keyfleet vehicle-command outage (the storm). Tickets from
	// 15:31 UTC; keyfleet posts at 15:54 (trails by 23 min).
	unlockStart, unlockEnd := at(2, 15, 31), at(2, 17, 38)
	incidentWindow("inc-unlock-outage", 138, unlockStart, unlockEnd, 0.35, unlockMsg, func() customer {
		if chance(0.1) {
			return operatorCustomer()
		}
		return anyCustomer()
	}, 12, unlockFollow)
	l := "inc-unlock-outage"
	comps := []string{"Vehicle Commands API", "Telematics Gateway EU"}
	upd("keyfleet", "kf-20270407-1", "investigating", "major", at(2, 15, 54), "Vehicle commands failing in EU region", "We are investigating elevated failure rates for remote lock/unlock commands to vehicles connected through our EU gateway.", "incident", comps, l)
	upd("keyfleet", "kf-20270407-1", "identified", "critical", at(2, 16, 27), "Vehicle commands failing in EU region", "A faulty configuration deployed to the EU telematics gateway is rejecting vehicle sessions. We are rolling it back.", "incident", comps, l)
	upd("keyfleet", "kf-20270407-1", "monitoring", "major", at(2, 17, 21), "Vehicle commands failing in EU region", "The rollback is complete and vehicles are reconnecting. Command success rates are recovering.", "incident", comps, l)
	upd("keyfleet", "kf-20270407-1", "resolved", "major", at(2, 18, 2), "Vehicle commands failing in EU region", "All vehicles have reconnected and remote commands are operating normally.", "incident", comps, l)

	// Mon 5 Apr: geomesh map tiles/geocoding, provider leads by 14 min.
	l = "inc-map-blank"
	comps = []string{"Map Tiles", "Geocoding API"}
	upd("geomesh", "gm-8812", "investigating", "major", at(0, 5, 52), "Map tiles and geocoding unavailable", "We are seeing errors serving vector map tiles and geocoding requests. Investigating.", "incident", comps, l)
	upd("geomesh", "gm-8812", "identified", "major", at(0, 6, 31), "Map tiles and geocoding unavailable", "The issue was traced to an expired certificate on our tile CDN origin. Replacing it now.", "incident", comps, l)
	upd("geomesh", "gm-8812", "resolved", "minor", at(0, 7, 44), "Map tiles and geocoding unavailable", "Map tiles and geocoding have been fully restored.", "incident", comps, l)
	incidentWindow(l, 44, at(0, 6, 6), at(0, 7, 33), 0.4, mapMsg, func() customer {
		if chance(0.08) {
			return operatorCustomer()
		}
		return anyCustomer()
	}, 4, mapFollow)

	// Fri 9 Apr: cardmint authorisation failures, first ticket 10:41, provider trails by 31 min.
	l = "inc-payment-declined"
	comps = []string{"Card Authorisation", "3-D Secure"}
	upd("cardmint", "cm-4410", "investigating", "major", at(4, 11, 12), "Increased authorisation failures", "Some merchants are seeing card authorisations declined or timing out. We are investigating.", "incident", comps, l)
	upd("cardmint", "cm-4410", "identified", "major", at(4, 11, 35), "Increased authorisation failures", "A degraded connection to one of our acquiring partners is causing authorisation and 3-D Secure failures. Traffic is being rerouted.", "incident", comps, l)
	upd("cardmint", "cm-4410", "monitoring", "minor", at(4, 12, 5), "Increased authorisation failures", "Traffic has been rerouted and authorisation rates are back to normal. Monitoring.", "incident", comps, l)
	upd("cardmint", "cm-4410", "resolved", "minor", at(4, 12, 48), "Increased authorisation failures", "This incident is resolved. Declined attempts were not charged.", "incident", comps, l)
	incidentWindow(l, 38, at(4, 10, 41), at(4, 12, 10), 0.45, payMsg, func() customer {
		if chance(0.08) {
			return operatorCustomer()
		}
		return anyCustomer()
	}, 3, payFollow)

	// Thu 8 Apr: our own pricing bug (trips across midnight billed as two days). No provider.
	for _, t := range spread(26, at(3, 5, 48), at(3, 21, 20), 0.2) {
		m := priceMsgs[rng.IntN(len(priceMsgs))]
		c := anyCustomer()
		for (m.Subject == "Zu viel berechnet" && c.lang != "de") || (strings.HasPrefix(m.Subject, "Montant") && c.lang != "fr") || (strings.HasPrefix(m.Subject, "Business") && c.org == "") {
			c = anyCustomer()
		}
		if m.Subject == "" {
			render(t, "inc-midnight-pricing", c, m, "oneliner")
		} else {
			render(t, "inc-midnight-pricing", c, m, "")
		}
	}

	// Tue 6 Apr: notifly SMS delays in Brazil and Mexico; RentWheel only sends to European numbers. No impact, no label.
	comps = []string{"SMS - Latin America"}
	upd("notifly", "nf-3391", "investigating", "minor", at(1, 13, 8), "Delayed SMS delivery to Brazil and Mexico", "We are seeing delays delivering SMS to some carriers in Brazil and Mexico.", "incident", comps, "")
	upd("notifly", "nf-3391", "identified", "minor", at(1, 13, 40), "Delayed SMS delivery to Brazil and Mexico", "An upstream carrier is throttling traffic. We are routing through an alternative carrier.", "incident", comps, "")
	upd("notifly", "nf-3391", "resolved", "minor", at(1, 14, 55), "Delayed SMS delivery to Brazil and Mexico", "SMS delivery to Brazil and Mexico is back to normal.", "incident", comps, "")

	// licensio scheduled maintenance Sat 10 Apr 01:00–02:30, announced Thu.
	comps = []string{"Document Verification API"}
	mt := "Scheduled maintenance: document verification database upgrade"
	upd("licensio", "lic-m-0410", "scheduled", "maintenance", at(3, 12, 0), mt, "On Saturday 10 April from 01:00 to 02:30 UTC we will upgrade our verification database. New verification requests will be queued and processed afterwards.", "maintenance", comps, "")
	upd("licensio", "lic-m-0410", "in_progress", "maintenance", at(5, 1, 0), mt, "Maintenance is in progress.", "maintenance", comps, "")
	upd("licensio", "lic-m-0410", "verifying", "maintenance", at(5, 2, 9), mt, "The upgrade is complete and we are verifying.", "maintenance", comps, "")
	upd("licensio", "lic-m-0410", "completed", "maintenance", at(5, 2, 27), mt, "Maintenance is complete. Queued requests have been processed.", "maintenance", comps, "")

	// hard negatives: inside the storm window, the map window, the payment window, and spread.
	for _, t := range spread(16, unlockStart.Add(4*time.Minute), unlockEnd, 0.4) {
		c := consumer()
		render(t, "hard-negative", c, withEmail(hardNegUnlock[rng.IntN(len(hardNegUnlock))], c), "")
	}
	scatter("hard-negative", hardNeg, 12, unlockStart, unlockEnd)
	scatter("hard-negative", hardNeg, 5, at(0, 6, 6), at(0, 7, 33))
	scatter("hard-negative", hardNeg, 5, at(4, 10, 41), at(4, 12, 10))
	for i := 0; i < 52; i++ {
		day := rng.IntN(7)
		c := consumer()
		m := hardNeg[rng.IntN(len(hardNeg))]
		if chance(0.2) {
			m = hardNegUnlock[rng.IntN(len(hardNegUnlock))]
		}
		render(backgroundTime(day), "hard-negative", c, withEmail(m, c), "")
	}

	// look-alikes inside incident windows.
	scatter("look-alike", lookUnlock, 14, unlockStart, unlockEnd)
	scatter("look-alike", lookMap, 6, at(0, 6, 6), at(0, 7, 33))
	scatter("look-alike", lookPay, 8, at(4, 10, 41), at(4, 12, 10))
	scatter("look-alike", lookPrice, 6, at(3, 6, 0), at(3, 21, 0))

	// background: ~66 a day, plus out-of-office replies and bounces.
	for day := 0; day < 7; day++ {
		n := 62 + rng.IntN(8)
		if day >= 5 {
			n -= 8
		}
		for i := 0; i < n; i++ {
			c := anyCustomer()
			m := bg[rng.IntN(len(bg))]
			if !c.operator && strings.HasPrefix(m.Subject, "Console") || !c.operator && strings.HasPrefix(m.Subject, "Fleet") || !c.operator && m.Subject == "Cleaning schedule" {
				m = bg[rng.IntN(20)]
			}
			render(backgroundTime(day), "background", c, m, "")
		}
	}
	for i := 0; i < 12; i++ {
		c := anyCustomer()
		m := autoReplies[rng.IntN(len(autoReplies))]
		add(backgroundTime(rng.IntN(7)), "background", "email", m.Subject, strings.Join(m.Lines, " "), c)
	}
	// four auto-replies to the "resolved" notice after the storm
	for i := 0; i < 4; i++ {
		c := anyCustomer()
		m := autoReplies[rng.IntN(len(autoReplies))]
		add(at(2, 18, 10+rng.IntN(30)), "background", "email", m.Subject, strings.Join(m.Lines, " "), c)
	}
	for i := 0; i < 7; i++ {
		c := anyCustomer()
		m := withEmail(bounces[rng.IntN(len(bounces))], c)
		b := add(backgroundTime(rng.IntN(7)), "background", "email", m.Subject, strings.Join(m.Lines, " "), c)
		b.CustomerEmail = "mailer-daemon@" + pick([]string{"mx.gmx.net", "googlemail.com", "outlook.com", "mail.orange.fr"})
		b.CustomerName = "Mail Delivery System"
		b.Org = ""
	}

	sort.SliceStable(tickets, func(i, j int) bool { return tickets[i].at.Before(tickets[j].at) })
	for i := range tickets {
		tickets[i].ID = fmt.Sprintf("RWT-%05d", 30100+i*3+rng.IntN(3))
	}
	sort.SliceStable(updates, func(i, j int) bool { return updates[i].At < updates[j].At })
	// Most customers are private drivers: a ticket without an org leaves the field out.
	weekgen.Must(weekgen.WriteWeek(weekgen.Dir(), tickets, updates, weekgen.Format{OmitEmptyOrg: true}))
	counts := map[string]int{}
	for _, t := range tickets {
		counts[t.Label]++
	}
	weekgen.PrintCounts(os.Stderr, counts)
}

// Command generate writes the RentWheel labelled week (Mon 5 – Sun 11 Apr
// 2027, UTC): tickets.jsonl and updates.jsonl in this folder. Run it from
// the repository root with `go run ./scenarios/rentwheel/generate.go`.
// Seeded: rerunning it gives identical bytes.
package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
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

var firsts = []string{"Lena", "Jonas", "Sophie", "Lukas", "Emma", "Noah", "Mia", "Finn", "Clara", "Paul", "Hannah", "Tim", "Julia", "Max", "Laura", "Ben", "Sara", "Elias", "Nina", "Felix",
	"Camille", "Louis", "Chloé", "Hugo", "Manon", "Théo", "Inès", "Lucas", "Marta", "Javier", "Lucía", "Pablo", "Carmen", "Diego", "Giulia", "Marco", "Chiara", "Luca", "Francesca",
	"Daan", "Sanne", "Bram", "Femke", "Ruben", "Anouk", "Oliver", "Amelia", "Harry", "Isla", "George", "Priya", "Tom", "Kasia", "Piotr", "Mehmet", "Aylin", "Omar", "Yasmin", "Erik", "Freja", "Mads", "Ingrid", "Rafael", "Beatriz"}
var lasts = []string{"Müller", "Schmidt", "Weber", "Fischer", "Wagner", "Becker", "Hoffmann", "Koch", "Richter", "Klein", "Dubois", "Moreau", "Laurent", "Girard", "Bernard", "García", "Fernández", "López", "Martín", "Rossi", "Bianchi", "Romano", "Colombo",
	"de Vries", "Jansen", "Bakker", "Visser", "Smit", "Brown", "Taylor", "Evans", "Walsh", "Patel", "Nowak", "Kowalski", "Yılmaz", "Demir", "Haddad", "Nielsen", "Hansen", "Larsen", "Andersson", "Costa", "Silva", "O'Neill", "Novák", "Horvat"}
var mailDomains = []string{"gmail.com", "gmx.de", "web.de", "outlook.com", "yahoo.fr", "orange.fr", "hotmail.com", "icloud.com", "ziggo.nl", "libero.it", "proton.me", "posteo.de", "t-online.de", "telefonica.net", "mail.dk"}

type orgDef struct {
	name, domain string
	operator     bool
}

var orgs = []orgDef{
	{"CityWheels Lyon", "citywheels-lyon.fr", true},
	{"Spree Fleet Partners", "spreefleet.de", true},
	{"Maas Mobility Rotterdam", "maasmobility.nl", true},
	{"Kastell Carpool Wien", "kastell-carpool.at", true},
	{"Øresund Drive", "oresunddrive.dk", true},
	{"Kestrel Architects", "kestrel-arch.co.uk", false},
	{"Lindqvist Consulting", "lindqvist.se", false},
	{"Brauer Logistik", "brauer-logistik.de", false},
	{"Atelier Fontaine", "atelier-fontaine.fr", false},
	{"Hotel Alameda", "hotelalameda.es", false},
	{"Van Loon Advocaten", "vanloon.nl", false},
	{"Studio Nove", "studionove.it", false},
	{"Greenbox Catering", "greenbox-catering.de", false},
	{"Nordlicht Film", "nordlichtfilm.de", false},
}

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
			c.org, c.operator = o.name, o.operator
			c.email = slug(f) + "." + slug(l) + "@" + o.domain
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
	subject string
	lines   []string
}

// render puts a message into one of the helpdesk's shapes and adds it.
func render(t time.Time, label string, c customer, m msg, shape string) {
	subj := fill(m.subject)
	var lines []string
	for _, l := range m.lines {
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
var unlockSubjects = []string{
	"Car won't unlock", "cant open the car!!!", "Unlock not working", "URGENT - locked out of the car I booked", "Digital key does nothing", "App says 'Unlock failed'",
	"Can't end my trip - car won't lock", "Vehicle unreachable error", "standing next to the car, it won't open", "unlock button spins forever", "Booking {ref}: car does not open",
	"Stuck at {street}", "Your app is broken", "Car not responding", "Trip running but car is locked??", "I'm being charged and can't get in", "Cannot lock {car}, trip won't end",
	"Error VK-504", "Key not working again", "Remote unlock failed x5", "car stays locked", "Help - can't get into the car", "Nothing happens when I press unlock",
}

var unlockSymptoms = []string{
	"I booked the {car} ({plate}) on {street} and when I tap Unlock the app shows 'Contacting vehicle…' for a minute and then 'Unlock failed, please try again'.",
	"The car won't open. I've tried the digital key about ten times, nothing happens, no click, no lights.",
	"I'm standing right next to {plate} and the app just says the vehicle is unreachable (VK-504).",
	"I finished my trip, parked in the zone, and the car will not lock. The app keeps saying 'Locking…' and then times out, so I can't end the trip.",
	"my rental started at the booking time but the car stays locked, so the minutes are ticking and I'm on the pavement",
	"The unlock button just spins. Tried closing the app, restarting the phone, same thing.",
	"Tried to end the rental, car won't lock, app says 'We couldn't reach your car'. I have a train to catch in {min} minutes.",
	"Pressed unlock, got 'Command timed out'. Walked around the car, tried again, still locked.",
	"The car doesn't respond to the app at all. Other cars around me don't either, I tried two of them.",
	"I can't get into the car I reserved. The reservation is about to expire and I'll lose it.",
	"The app shows the car is 'locked' and 'online' but pressing unlock does nothing at all.",
	"Got into the car fine this morning but now on the way back it won't unlock after my stop at the supermarket. My shopping is inside.",
	"It says 'Your key is being prepared' and never finishes.",
	"Locked my stuff in the car during a stopover and now the app can't open it again.",
}

var unlockContext = []string{
	"I have my two kids with me and it's getting cold.", "This is really urgent, I have a meeting at {city} airport.", "It's raining and I've been waiting {min} minutes.",
	"My friend is having the same problem with a different car.", "I'm on iPhone, latest app version.", "Android 14, app updated yesterday.", "I'm in {city}.",
	"I've got a dog in the car!!", "Please don't charge me for this time.", "I called the hotline but the line is busy.", "Tried wifi and mobile data.",
	"", "", "",
}

var unlockPleas = []string{
	"Can you open it remotely?", "What do I do now?", "Please help asap.", "Is there an outage?", "Please fix this, I need the car NOW.", "Can someone call me?",
	"Is something down on your side?", "Who pays for my taxi?", "Please end the trip on your side.", "Please respond.", "",
}

var unlockOperator = []msg{
	{"Fleet console: remote commands failing", []string{"All remote lock/unlock commands from the operator console are failing since about {min} minutes ago.", "The vehicles show 'last seen' timestamps that stop updating.", "Our customers are calling us. Is it on your side?"}},
	{"Whole fleet unreachable in console", []string{"Every car in our fleet shows as unreachable in the console.", "We can't send immobiliser or unlock commands.", "Please advise, we have {n} customers stuck."}},
	{"Telematics down?", []string{"Our service staff can't open cars for cleaning.", "The console returns 'Command rejected: vehicle gateway timeout' on every car."}},
	{"Operator escalation - whole fleet", []string{"Escalating: since this afternoon no vehicle in our fleet accepts remote commands.", "Trips cannot be started or ended, {n} open support calls on our side.", "Please give us an ETA."}},
	{"Console: vehicle status frozen", []string{"Fleet map shows all vehicles with status frozen, last heartbeat more than {min} min ago.", "Unlock from the console fails with a timeout."}},
}

var unlockForeign = map[string][]msg{"de": {
	{"Auto lässt sich nicht öffnen", []string{"Hallo, ich stehe vor dem Auto ({plate}) und die App sagt nur 'Entriegeln fehlgeschlagen'.", "Die Miete läuft schon. Bitte helfen Sie mir!"}},
	{"Entriegeln geht nicht", []string{"Seit 20 Minuten versuche ich das Auto zu öffnen, nichts passiert. Ist bei Ihnen etwas kaputt?"}},
	{"Fahrt kann nicht beendet werden", []string{"Das Auto schließt nicht ab, deshalb kann ich die Fahrt nicht beenden. Ich möchte dafür nicht bezahlen."}}},
	"fr": {{"La voiture ne s'ouvre pas", []string{"Bonjour, impossible de déverrouiller la voiture réservée rue de la République.", "L'application affiche 'Véhicule injoignable'. Merci de m'aider rapidement."}},
		{"Impossible de terminer la location", []string{"La voiture ne se verrouille pas, je ne peux pas terminer mon trajet. Le compteur tourne!"}}},
	"es": {{"El coche no se abre", []string{"Hola, el coche no se desbloquea desde la app. Dice 'error al desbloquear'.", "¿Hay algún problema general?"}}},
	"nl": {{"De auto gaat niet open", []string{"Ik sta bij de auto maar de app kan hem niet ontgrendelen. Foutmelding: voertuig niet bereikbaar. Wat nu?"}}},
	"it": {{"La macchina non si apre", []string{"Buonasera, l'app non riesce a sbloccare l'auto prenotata. Sono bloccata fuori, per favore aiutatemi."}}},
}

var unlockLong = []msg{
	{"Terrible experience tonight - {ref}", []string{"I want to complain about what happened this evening.", "I reserved the {car} on {street} on my way home, walked 10 minutes to it, and the app could not unlock it.", "First it said 'Contacting vehicle', then 'Unlock failed', then it asked me to move closer, which is ridiculous because I was leaning on the door.", "I tried a second RentWheel car around the corner and that one didn't open either.", "In the end I took a taxi for €{eur}. I expect that to be refunded and the reservation fee too."}},
	{"Trip can't be ended, still being billed", []string{"I parked {plate} in the return zone at {street} about {min} minutes ago.", "The app will not lock the car: 'Locking vehicle…' and then 'Something went wrong'.", "I can't walk away from an unlocked car with the key inside, so I'm sitting here while the meter runs.", "Please end the trip from your side and lock it, and don't bill me for this waiting time."}},
	{"Locked out mid-trip", []string{"I stopped at a pharmacy halfway through my trip and locked the car with the app.", "Now I can't unlock it again; my laptop bag and my daughter's school things are inside.", "The app says the car is unreachable. The car is right in front of me.", "Please help, I have to pick her up in half an hour."}},
	{"Unlock problem + hotline unreachable", []string{"Your app can't open the car and your phone line plays music for 20 minutes.", "Tapping unlock gives 'Command timed out' every time.", "Is there a wider problem with the cars today? My colleague says none of the cars at the office open either."}},
}

var unlockOneLiners = []msg{
	{"car wont open", []string{"car wont open"}},
	{"UNLOCK BROKEN", []string{"unlock broken again, seriously?"}},
	{"", []string{"the car does not unlock. fix it"}},
	{"locked out", []string{"locked out of {plate}"}},
	{"is rentwheel down?", []string{"is rentwheel down? no car opens"}},
	{"key not working", []string{"digital key not working"}},
	{"", []string{"cant lock the car cant end trip"}},
	{"???", []string{"app says vehicle unreachable?? im literally touching it"}},
}

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
		first := m.lines[0]
		if len(first) > 0 {
			first = fill(first)
		}
		reps = append(reps, rep{c, tickets[before].Subject, first, tickets[before].Source, t})
	}
}

// inc-map-blank: geomesh map tiles and geocoding fail, Mon 5 Apr morning.
var mapSubjects = []string{"Map is empty", "No cars on the map", "Map not loading", "App map grey", "Can't find any car", "map broken?", "Where are the cars?", "Address search not working",
	"App stuck on 'Locating…'", "Map shows nothing this morning", "No vehicles around me?", "Cars in the wrong place on map", "Can't see parking zones"}
var mapSymptoms = []string{
	"The map in the app is just grey squares this morning, I can't see a single car.",
	"No cars show up on the map. Normally there are {n} around my flat in {city}.",
	"The app is stuck on 'Locating…' and the map never loads.",
	"When I search for an address nothing comes up, the search just spins.",
	"The map loads but all the cars are shown somewhere in the middle of the sea / at 0,0.",
	"I can't see the return zones on the map so I don't know where I'm allowed to park.",
	"The map is blank and the list view says 'No vehicles nearby', but I can see two RentWheel cars from my window.",
	"Walking directions to the car don't load, just a white screen with the RentWheel logo.",
	"Map tiles won't load on the website or the app.",
}
var mapContext = []string{"I need to get to work.", "Tried on my partner's phone too, same.", "I'm in {city}.", "Location is switched on.", "Reinstalled the app, no change.", "", "", "Is it just me?"}
var mapOperator = []msg{
	{"Console fleet map blank", []string{"The fleet map in the operator console shows no tiles and no vehicle pins.", "Vehicle list still loads. Is the map provider down?"}},
	{"Geocoding errors in console", []string{"Address lookup in the console fails for every search ('Geocoding service unavailable').", "Our dispatchers can't locate cars for the morning cleaning round."}},
}
var mapForeign = map[string][]msg{
	"de": {{"Karte leer", []string{"Die Karte in der App ist komplett grau, keine Autos zu sehen. Was ist los?"}}},
	"fr": {{"Carte vide", []string{"Bonjour, la carte ne s'affiche plus, aucune voiture visible ce matin."}}},
	"nl": {{"Kaart laadt niet", []string{"De kaart blijft leeg en ik zie geen enkele auto in de buurt."}}},
	"it": {{"Mappa vuota", []string{"La mappa nell'app è grigia, non vedo nessuna auto intorno a me."}}},
}

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
var paySymptoms = []string{
	"When I try to book a car the payment step says 'Your card was declined' but my card works everywhere else, I just paid for lunch with it.",
	"I get 'Payment failed (PAY-17)' every time I try to reserve a car.",
	"The 3D Secure window opens and stays white, then the booking fails.",
	"I tried to add a new card and it says 'We couldn't verify this card'. Tried two different cards.",
	"Apple Pay pops up, I confirm, and then RentWheel says payment unsuccessful.",
	"Google Pay fails at checkout with a generic error.",
	"My booking won't confirm, it sits on 'Authorising payment…' and then goes back to the car screen.",
	"The pre-authorisation for the deposit fails, so I can't start the trip.",
	"Payment error on the website and in the app, tried Visa and Mastercard.",
}
var payContext = []string{"My bank says they never received any request.", "I have plenty of money on the card.", "I need the car for an appointment.", "", "", "Is your payment system down?", "I tried {n} times now.", "Hope I wasn't charged {n} times."}
var payOperator = []msg{
	{"Customers can't pay at our station", []string{"Our front desk is getting calls: nobody can complete a booking, all card payments fail at the authorisation step.", "Is there a known problem?"}},
	{"Deposit pre-auth failing", []string{"Deposit pre-authorisations are failing for all walk-in customers at our station.", "The console shows 'acquirer timeout'."}},
}
var payForeign = map[string][]msg{
	"de": {{"Zahlung fehlgeschlagen", []string{"Meine Karte wird abgelehnt, obwohl sie funktioniert. Ich kann kein Auto buchen."}}},
	"fr": {{"Paiement refusé", []string{"Ma carte est refusée à chaque réservation, pourtant elle fonctionne partout ailleurs."}}},
	"es": {{"Pago rechazado", []string{"No puedo reservar, el pago falla siempre con error PAY-17."}}},
}

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
var priceMsgs = []msg{
	{"Charged double for my trip", []string{"My trip last night from 23:20 to 00:35 cost €{eur}, that's twice the estimate the app showed.", "Please correct it."}},
	{"Receipt wrong - two day rates", []string{"The receipt for {ref} shows two day rates for a trip that lasted 3 hours overnight."}},
	{"Overcharged overnight rental", []string{"I rented from 22:00 to 01:00 and the price is exactly double what it said when I booked."}},
	{"Price doubled??", []string{"why is my trip price doubled? drove home after a party, crossed midnight, now it says €{eur}"}},
	{"Wrong trip price", []string{"The fare for my trip yesterday evening is wrong. The app showed about half of what I was charged.", "The trip ran past midnight if that matters."}},
	{"Billing error on night trip", []string{"Hello, your billing counted my night trip twice: once for Wednesday and once for Thursday. It's one trip."}},
	{"Trip cost", []string{"Just saw the receipt for my trip from the airport, 23:45 to 00:30, charged a full day twice. Please refund the difference."}},
	{"Zu viel berechnet", []string{"Meine Fahrt von 23:30 bis 0:20 Uhr wurde doppelt berechnet. Bitte korrigieren."}},
	{"Montant du trajet doublé", []string{"Le prix de mon trajet de nuit (avant et après minuit) est le double de l'estimation."}},
	{"Business account: overnight trips double billed", []string{"Several of our employees' trips that crossed midnight show doubled prices on today's statement.", "Can you check and send a corrected invoice?"}},
	{"", []string{"charged 2x for a 1h trip over midnight. refund pls"}},
	{"Overcharge", []string{"My receipt says day 1 + day 2 for a 50-minute trip that started at 23:40."}},
}

// ---------------------------------------------------------- hard negatives

var hardNeg = []msg{
	{"Forgot password", []string{"I forgot my password and can't log in to see my booking."}},
	{"Reset email never arrives", []string{"I requested a password reset three times, no email. Checked spam.", "My email is {email}."}},
	{"Account locked", []string{"It says my account is locked after too many attempts. I really need a car today."}},
	{"New phone - no login code", []string{"I got a new phone with a new number and the SMS code goes to my old number, so I can't log in."}},
	{"Can't log in", []string{"It says 'invalid credentials', I'm sure my password is right. Nobody else has this problem?"}},
	{"Card declined", []string{"My card is declined when I try to book. I haven't changed anything.", "(It might have expired last month, not sure.)"}},
	{"Payment not going through", []string{"My bank blocked the payment as suspicious, they say I have to confirm in their app, but the booking already failed."}},
	{"Licence verification still pending", []string{"I uploaded my driving licence two days ago and it still says 'Verification pending'. I can't book anything."}},
	{"Licence rejected", []string{"My licence verification got rejected, 'photo unreadable'. It's a perfectly normal photo."}},
	{"Only my account can't book", []string{"My husband can book fine on his account, but mine says 'Account restricted'. What happened?"}},
	{"Car won't unlock", []string{"The unlock button doesn't work for me. Oh wait, the app says Bluetooth is off, is that needed?"}},
	{"Unlock not working", []string{"Tried to unlock {plate}, got 'Move closer to the vehicle'. I'm about 30 metres away in a parking garage with no signal."}},
	{"App won't open", []string{"The app crashes at start. I'm on a 7-year-old Android phone, maybe too old?"}},
	{"Map doesn't show me", []string{"The map doesn't show where I am. I denied location access when I installed, how do I turn it back on?"}},
	{"Account blocked??", []string{"My account is blocked, the app says unpaid fine. I paid it last week!"}},
	{"No verification code", []string{"The 6-digit code never arrives by SMS. I'm abroad on a UK number."}},
	{"Can't sign in with Google", []string{"Sign in with Google says account not found. I think I registered with my work email originally."}},
	{"Deposit failed", []string{"The deposit authorisation failed. It's a prepaid card, is that allowed?"}},
	{"Booking button greyed out", []string{"I can't press Book on any car. It says 'Complete your profile' but I thought I did."}},
	{"Trip won't end", []string{"The app says I can't end the trip here. I'm outside the business area apparently?"}},
	{"Login loop", []string{"I keep getting logged out every time I open the app. Only me, my friend's app is fine."}},
	{"2FA lost", []string{"I wiped my phone and lost the authenticator app. How do I get back into my account?"}},
}

var hardNegUnlock = []msg{
	{"Car won't unlock!", []string{"I can't open {plate}. The app says 'Bluetooth required'. I switched it on and now it opened, sorry!"}},
	{"Unlock not working", []string{"Unlock doesn't work, the app asks me to log in again and I don't remember my password."}},
	{"Can't open car - account?", []string{"The app says my account is suspended, so I can't unlock the car I booked. Is this about the scratch report last week?"}},
	{"Unlock failed", []string{"Unlock failed: 'Reservation expired'. I was {min} minutes late, is it gone?"}},
	{"can't get in the car", []string{"it says my driving licence has expired so the key is disabled. I renewed it last month, how do I update it?"}},
	{"Payment hold - can't start trip", []string{"Can't start the trip, it says the deposit was declined. My card expired yesterday I think."}},
	{"Locked out of the app", []string{"Entered the wrong PIN 5 times and now the app is locked for 30 minutes. The car is right here!"}},
	{"Phone died", []string{"My phone battery is at 2% and I'm scared it dies during the trip. How do I lock the car without the phone?"}},
	{"Unlock problem", []string{"I'm trying to unlock a car that isn't mine, I mean I booked {plate} but I'm standing at a different RentWheel car. Oops. Sorry!"}},
	{"Reset link", []string{"Reset password link says expired. I clicked it straight away."}},
}

// ------------------------------------------------------------- look-alikes

var lookUnlock = []msg{
	{"Boot won't open", []string{"The doors unlock fine but the boot stays shut on {plate}, I can't put my suitcase in."}},
	{"App shows locked after unlocking", []string{"I unlocked the car and I'm driving, but the app still shows the padlock as closed. Will that mess up billing?"}},
	{"Only driver door unlocks", []string{"When I unlock {car} only the driver door opens, the passengers have to climb over."}},
	{"Car unlocked by itself", []string{"I ended my trip last night and this morning the car I used ({plate}) was standing unlocked. I'm worried I'll be blamed if something is stolen."}},
	{"Unlock button hidden", []string{"On my small phone the unlock button is hidden behind the bottom menu after the update, I have to rotate the phone to reach it."}},
	{"Horn beeps on unlock", []string{"Every time I unlock the car the horn beeps really loudly. Can I turn off the unlock sound?"}},
	{"Widget unlock gone", []string{"The home screen widget for quick unlock disappeared after the last update."}},
	{"Key card in car missing", []string{"Unlocked the car fine, but the fuel card that should be in the glovebox is missing."}},
}
var lookMap = []msg{
	{"Map in miles", []string{"My map shows distances in miles since yesterday, I'm in Germany. Where's the setting?"}},
	{"Car photo wrong", []string{"The car picture for {plate} shows a red Fiat but it's actually a white VW."}},
	{"Favourite spots gone", []string{"My saved favourite pickup spots disappeared from the map."}},
	{"Return zone wrong on {street}", []string{"The map shows {street} as a return zone but the signs there say residents only. I got a ticket."}},
	{"Map too dark", []string{"The map switched to dark mode and I can't read the street names. How do I switch back?"}},
}
var lookPay = []msg{
	{"Can't remove old card", []string{"I want to delete my old expired card from the wallet but the delete button does nothing."}},
	{"Promo code not applied", []string{"My SPRING15 code wasn't applied to today's booking."}},
	{"VAT number missing on receipt", []string{"The receipt email doesn't show our VAT number, can you add it?"}},
	{"Charged in wrong currency", []string{"My card statement shows the payment in DKK but I booked in Germany?"}},
	{"Receipt email not received for payment", []string{"I paid for the booking fine but the receipt never came to my inbox, can you resend it?"}},
}
var lookPrice = []msg{
	{"Student discount missing", []string{"My student discount wasn't applied to yesterday's trip."}},
	{"Parking fee on receipt", []string{"Why is there an airport fee on my receipt? I didn't go to the airport."}},
	{"Minute price higher than shown", []string{"The car said €0.29/min but I was charged €0.34. It was a daytime trip."}},
	{"Weekend package not applied", []string{"I booked the weekend package but got charged per hour."}},
}

// ------------------------------------------------------------- background

var bg = []msg{
	{"Invoice for March", []string{"Could you send me an invoice for all my trips in March? I need it for my expenses."}},
	{"Invoice with company address", []string{"Please re-issue invoice for {ref} with our company name and address, for accounting."}},
	{"Receipt for trip {ref}", []string{"I need a receipt for my trip on Saturday, it's not in the app."}},
	{"Parking fine received", []string{"I got a letter about a parking fine from {city} from February. Was that me? The car was {plate}."}},
	{"Speeding ticket admin fee", []string{"You charged me €{eur} admin fee for a speeding ticket. Why so much for forwarding a letter?"}},
	{"Toll charges", []string{"Are motorway tolls included in the price or do I pay them separately?"}},
	{"Damage report", []string{"There's a big scratch on the rear bumper of {plate}. It was there before my trip, I took photos. Where do I send them?"}},
	{"Dent already there", []string{"Just reporting a dent on the passenger door of the {car} at {street}, so I don't get blamed."}},
	{"Small accident", []string{"I hit a bollard while parking, slight damage to the bumper. What do I do now? Do I need a police report?"}},
	{"Left my phone charger", []string{"I think I left my phone charger in {plate} yesterday. Is there any way to get it back?"}},
	{"Lost item - child's toy", []string{"My daughter left her stuffed rabbit in the car this morning ({ref}). She is devastated. Please help!"}},
	{"Forgot sunglasses in car", []string{"Left sunglasses in the door pocket. Can the next driver or cleaning team keep them?"}},
	{"Where can I park?", []string{"Can I end my trip in a private garage or only on public streets in {city}?"}},
	{"Airport return", []string{"Can I leave the car at the airport? Is there an extra fee?"}},
	{"Opening hours", []string{"What are the opening hours of your service point in {city}?"}},
	{"Phone support hours", []string{"Is your phone support open on Sundays?"}},
	{"Change email address", []string{"I want to change the email on my account to a new one. How?"}},
	{"Delete my account", []string{"Please delete my account and all my data (GDPR).", "I moved abroad."}},
	{"Add business profile", []string{"How can I add a business profile so trips are billed to my company?"}},
	{"Feature request: child seats", []string{"It would be great if I could book a car with a child seat. Any plans?"}},
	{"Suggestion", []string{"Please add a dark mode to the app, it's very bright at night."}},
	{"Pets allowed?", []string{"Can I take my dog in the car if she's in a crate?"}},
	{"Dirty car", []string{"The car I took ({plate}) was really dirty inside, crumbs everywhere and it smelled of smoke. Please have it cleaned."}},
	{"Low fuel", []string{"The car had only 8% fuel. Do I have to refuel it? How does the fuel card work?"}},
	{"Charging an EV", []string{"How do I charge the {car}? Is the charge card in the car and who pays?"}},
	{"Extend my booking", []string{"Can I extend my booking by one day? It says the car is reserved after me."}},
	{"Insurance excess", []string{"What's the insurance excess if I have an accident? Can I reduce it?"}},
	{"Driving abroad", []string{"Am I allowed to drive to {city} in another country with the car?"}},
	{"Minimum age", []string{"My son is 19 and just got his licence. Can he use RentWheel?"}},
	{"Refund request", []string{"I cancelled my booking {ref} within 10 minutes, can I get the €{eur} back?"}},
	{"Referral bonus not credited", []string{"I invited a friend who completed a trip but I didn't get my bonus minutes."}},
	{"Thank you", []string{"Just wanted to say the support agent yesterday was super helpful. Thanks!"}},
	{"Question about subscription", []string{"What's the difference between RentWheel Plus and pay-as-you-go?"}},
	{"Cancel Plus subscription", []string{"Please cancel my RentWheel Plus at the end of this month."}},
	{"Car smelled of smoke", []string{"Someone smoked in {plate}. It's disgusting. Are you fining them?"}},
	{"Warning light on dashboard", []string{"An orange tyre pressure light came on during my trip in {car}. Is it safe to continue?"}},
	{"Fleet console: add staff user", []string{"How do I add a new staff member to the operator console with read-only access?"}},
	{"Console: export trips", []string{"Is there a way to export our monthly trips as CSV from the operator console?"}},
	{"Console: vehicle off-fleet", []string{"We need to take {plate} off the fleet for service next week. How do we mark it in the console?"}},
	{"Cleaning schedule", []string{"Can we change the cleaning round times for our {city} cars in the console?"}},
	{"Trip history", []string{"Where can I see my trip history from last year?"}},
	{"Booking for someone else", []string{"Can I book a car for my mother who doesn't have a smartphone?"}},
	{"Press enquiry", []string{"I'm a journalist writing about car sharing in {city}. Who can I talk to?"}},
	{"Job application", []string{"Are you hiring car cleaners in {city}?"}},
	{"Accessibility", []string{"Do you have any cars with automatic transmission and hand controls?"}},
	{"Long trip question", []string{"Is there a maximum number of km per day? I want to drive to the coast."}},
	{"Towed car", []string{"I parked in a legal spot yesterday but today the car was towed after I ended the trip. Will I be charged?"}},
}

var autoReplies = []msg{
	{"Automatic reply: Your RentWheel receipt", []string{"I'm out of the office until 12 April with limited access to email. For urgent matters please contact my colleague."}},
	{"Out of office", []string{"Thank you for your email. I am currently on leave and will reply when I'm back."}},
	{"Abwesenheitsnotiz", []string{"Vielen Dank für Ihre Nachricht. Ich bin bis einschließlich 9. April nicht im Büro."}},
	{"Réponse automatique : absent", []string{"Je suis absente du bureau jusqu'au lundi 12 avril."}},
	{"Autoreply: RentWheel Plus renewal", []string{"This mailbox is not monitored. Please use our website for enquiries."}},
}

var bounces = []msg{
	{"Undelivered Mail Returned to Sender", []string{"This is the mail system at host mx.example.net. I'm sorry to have to inform you that your message could not be delivered to one or more recipients. <{email}>: host mail.example.net said: 550 5.1.1 User unknown"}},
	{"Mail delivery failed: returning message to sender", []string{"A message that you sent could not be delivered to one or more of its recipients. This is a permanent error. {email}: mailbox is full"}},
	{"Delivery Status Notification (Failure)", []string{"Address not found. Your message wasn't delivered to {email} because the address couldn't be found."}},
}

func withEmail(m msg, c customer) msg {
	out := msg{m.subject, nil}
	for _, l := range m.lines {
		out.lines = append(out.lines, strings.ReplaceAll(l, "{email}", c.email))
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
		for (m.subject == "Zu viel berechnet" && c.lang != "de") || (strings.HasPrefix(m.subject, "Montant") && c.lang != "fr") || (strings.HasPrefix(m.subject, "Business") && c.org == "") {
			c = anyCustomer()
		}
		if m.subject == "" {
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
			if !c.operator && strings.HasPrefix(m.subject, "Console") || !c.operator && strings.HasPrefix(m.subject, "Fleet") || !c.operator && m.subject == "Cleaning schedule" {
				m = bg[rng.IntN(20)]
			}
			render(backgroundTime(day), "background", c, m, "")
		}
	}
	for i := 0; i < 12; i++ {
		c := anyCustomer()
		m := autoReplies[rng.IntN(len(autoReplies))]
		add(backgroundTime(rng.IntN(7)), "background", "email", m.subject, strings.Join(m.lines, " "), c)
	}
	// four auto-replies to the "resolved" notice after the storm
	for i := 0; i < 4; i++ {
		c := anyCustomer()
		m := autoReplies[rng.IntN(len(autoReplies))]
		add(at(2, 18, 10+rng.IntN(30)), "background", "email", m.subject, strings.Join(m.lines, " "), c)
	}
	for i := 0; i < 7; i++ {
		c := anyCustomer()
		m := withEmail(bounces[rng.IntN(len(bounces))], c)
		b := add(backgroundTime(rng.IntN(7)), "background", "email", m.subject, strings.Join(m.lines, " "), c)
		b.CustomerEmail = "mailer-daemon@" + pick([]string{"mx.gmx.net", "googlemail.com", "outlook.com", "mail.orange.fr"})
		b.CustomerName = "Mail Delivery System"
		b.Org = ""
	}

	sort.SliceStable(tickets, func(i, j int) bool { return tickets[i].at.Before(tickets[j].at) })
	for i := range tickets {
		tickets[i].ID = fmt.Sprintf("RWT-%05d", 30100+i*3+rng.IntN(3))
	}
	sort.SliceStable(updates, func(i, j int) bool { return updates[i].At < updates[j].At })
	dir := filepath.Join("scenarios", "rentwheel")
	if _, err := os.Stat(dir); err != nil {
		dir = "."
	}
	// Most customers are private drivers: a ticket without an org leaves the field out.
	must(weekgen.WriteWeek(dir, tickets, updates, weekgen.Format{OmitEmptyOrg: true}))
	counts := map[string]int{}
	for _, t := range tickets {
		counts[t.Label]++
	}
	fmt.Fprintln(os.Stderr, len(tickets), counts)
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

//go:build ignore

// Command generate writes FleetFuel's labelled support week (Mon 12 – Sun 18
// Apr 2027, UTC): tickets.jsonl and updates.jsonl. Run it from this folder
// (go run generate.go); the PCG seed is fixed, so every run writes the same
// bytes.
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

var firstNames = []string{"Gareth", "Wiebke", "Tomasz", "Aisling", "Dariusz", "Leonie", "Marek", "Sofía", "Craig", "Nadia", "Bartek", "Imogen", "Jürgen", "Paloma", "Declan", "Ewa", "Rhys", "Chantal", "Kasia", "Owen", "Mehmet", "Ingrid", "Lukas", "Fiona", "Radek", "Élodie", "Shaun", "Marta", "Piotr", "Hannah", "Dmitri", "Beatriz", "Kieran", "Agnieszka", "Stefan", "Yasmin", "Callum", "Renata", "Florian", "Tariq", "Mirela", "Niall", "Ola", "Hugo", "Bronwen", "Vasile", "Lotte", "Ruairí"}
var lastNames = []string{"Pryce", "Hollmann", "Nowicki", "Brennan", "Wójcik", "Baumgart", "Kowal", "Ortega", "McAllister", "Haddad", "Zieliński", "Ashworth", "Fenske", "Navarro", "Quigley", "Lis", "Vaughan", "Moreau", "Dąbrowska", "Tudor", "Yilmaz", "Lindqvist", "Brandt", "Gallacher", "Sikora", "Girard", "Doyle", "Kaczmarek", "Mazur", "Whitfield", "Orlov", "Ferreira", "Kearney", "Jasińska", "Albers", "Rahman", "Munro", "Popescu", "Vermeer", "Okafor"}

type fleet struct{ org, domain string }

var fleets = []fleet{
	{"Haulwise Logistics", "haulwise.co.uk"},
	{"Brückner Transporte GmbH", "brueckner-transporte.de"},
	{"Last Mile Lads", "lastmilelads.com"},
	{"Trans-Wisła Sp. z o.o.", "transwisla.pl"},
	{"Kestrel Couriers", "kestrelcouriers.co.uk"},
	{"Ruta Norte Distribución", "rutanorte.es"},
	{"Greenbox Grocery Delivery", "greenbox.delivery"},
	{"Atlantic Reefer Lines", "atlanticreefer.ie"},
	{"Vitesse Livraisons", "vitesse-livraisons.fr"},
	{"Pennine Parcel Co.", "pennineparcel.co.uk"},
	{"Nordkap Kühllogistik", "nordkap-kuehl.de"},
	{"Swiftvan Rentals & Delivery", "swiftvan.com"},
	{"Baltic Bridge Freight", "balticbridge.eu"},
	{"Oakridge Building Supplies", "oakridgebs.co.uk"},
	{"CityDrop Same-Day", "citydrop.io"},
	{"Hollis & Daughters Haulage", "hollishaulage.co.uk"},
	{"Meridian Pharma Logistics", "meridianpl.com"},
	{"Tagus Frota Lda", "tagusfrota.pt"},
	{"Dunmore Tipper Hire", "dunmoretippers.ie"},
	{"Polar Pizza Delivery Group", "polarpizza.eu"},
	{"Ridgeway Removals", "ridgewayremovals.co.uk"},
}

var people []cust
var managers, drivers []cust

func buildPeople() {
	used := map[string]bool{}
	for _, f := range fleets {
		nm := weekgen.Between(r, 2, 3)
		nd := weekgen.Between(r, 7, 13)
		for i := 0; i < nm+nd; i++ {
			var fn, ln string
			for {
				fn, ln = weekgen.Pick(r, firstNames), weekgen.Pick(r, lastNames)
				if !used[fn+ln+f.org] {
					used[fn+ln+f.org] = true
					break
				}
			}
			local := strings.ToLower(asciiish(fn) + "." + asciiish(ln))
			email := local + "@" + f.domain
			if i >= nm && weekgen.Chance(r, 0.3) {
				email = strings.ToLower(asciiish(fn)+asciiish(ln)) + fmt.Sprint(weekgen.Between(r, 7, 99)) + "@" + weekgen.Pick(r, []string{"gmail.com", "outlook.com", "wp.pl", "gmx.de", "yahoo.es", "icloud.com"})
			}
			c := cust{name: fn + " " + ln, email: email, org: f.org, manager: i < nm}
			if i == 0 && weekgen.Chance(r, 0.4) {
				c = cust{name: fn + " " + ln, email: "fleet@" + f.domain, org: f.org, manager: true}
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

func pickCust(role byte) cust {
	switch role {
	case 'm':
		return weekgen.Pick(r, managers)
	case 'd':
		return weekgen.Pick(r, drivers)
	}
	if weekgen.Chance(r, 0.55) {
		return weekgen.Pick(r, drivers)
	}
	return weekgen.Pick(r, managers)
}

func first(c cust) string { return strings.Fields(c.name)[0] }

// ---------------------------------------------------------------- details

var stations = []string{"Northgate Services", "Birchfield Truckstop", "Halden Road Forecourt", "Pinewood Services J14", "Orbit Fuel Dock Road", "Marsh Lane Filling Station", "Autohof Lindenkreuz", "Estación La Vega", "Stacja Paliw Przemysłowa 3", "Relais de la Porte Sud", "Kilbride Fuel Stop", "Harbour Gate Diesel", "Westmoor Services", "Eastfield HGV Island", "Aire de Montlouis", "Tankhof Nord"}

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
		"{station}", weekgen.Pick(r, stations),
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

var greetings = []string{"Hi,", "Hello,", "Hi team,", "Hello FleetFuel,", "Good morning,", "Hi there,", "Dear support,", "Hiya,", "", "", "To whom it may concern,", "Hey,"}
var closings = []string{"Thanks", "Thanks in advance", "Cheers", "Regards", "Kind regards", "Many thanks", "Thank you", "Best", "Ta", "", "Speak soon", "Appreciate the help"}

var agentNames = []string{"Priya (FleetFuel)", "Sam (FleetFuel)", "Joanna (FleetFuel)", "Mateo (FleetFuel)", "Ellie (FleetFuel)"}

const bot = "Nozzle (bot)"

var botHello = []string{
	"Hi! I'm Nozzle, FleetFuel's virtual assistant. What can I help you with today?",
	"Hello and welcome to FleetFuel support. I'm Nozzle, a bot. Tell me what's going on and I'll find the right person.",
	"Hey there, Nozzle here (automated). Please describe your question in a few words.",
}
var botHandoff = []string{
	"Thanks, I'm passing you to a member of the team now.",
	"I couldn't find an article for that. Connecting you to an agent...",
	"One moment please, a colleague will join this chat.",
}
var agentChat = []string{
	"Hi {first}, thanks for waiting. Let me take a look for you.",
	"Thanks {first}, I'm checking this now.",
	"Hello {first}, sorry about the trouble. Could you give me a minute while I look into it?",
	"Hi {first}! Got it, looking into this right away.",
}

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
	cl := weekgen.Pick(r, closings)
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
	g := weekgen.Pick(r, greetings)
	s := body + "\n\n" + signoff(c)
	if g != "" {
		s = g + "\n\n" + s
	}
	if weekgen.Chance(r, 0.12) {
		s += "\n\n" + weekgen.Pick(r, []string{"Sent from my iPhone", "Sent from Outlook for Android", "Von meinem Samsung Galaxy gesendet", "Get Outlook for iOS"})
	}
	return s
}

func htmlEmail(body string, c cust) string {
	var b strings.Builder
	b.WriteString(weekgen.Pick(r, []string{"<html><body>", "<html><head><meta charset=\"utf-8\"></head><body style=\"font-family:Calibri,sans-serif\">", "<div dir=\"ltr\">"}))
	if g := weekgen.Pick(r, greetings); g != "" {
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
	lines := []string{bot + ": " + weekgen.Pick(r, botHello)}
	ss := sentences(body)
	for i, s := range ss {
		lines = append(lines, c.name+": "+s)
		if i == 0 && len(ss) > 2 {
			lines = append(lines, bot+": "+weekgen.Pick(r, botHandoff))
		}
	}
	if len(ss) <= 2 {
		lines = append(lines, bot+": "+weekgen.Pick(r, botHandoff))
	}
	if weekgen.Chance(r, 0.7) {
		lines = append(lines, weekgen.Pick(r, agentNames)+": "+fill(weekgen.Pick(r, agentChat), c))
	}
	return strings.Join(lines, "\n")
}

var formCats = map[string]string{"login": "Login & account", "card": "Fuel card", "app": "Mobile app / pay at pump", "sms": "Notifications", "report": "Reports & exports", "billing": "Billing", "receipt": "Receipts", "telematics": "Integrations", "other": "Other", "limits": "Limits & approvals"}

func webForm(body string, c cust, cat string) string {
	s := "Name: " + c.name + "\nCompany: " + c.org + "\nTopic: " + formCats[cat]
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
	subj, body string
	role       byte
	cat        string
}

// mix draws a subject and a body from separate pools of the same theme.
type theme struct {
	subjs, bodies []string
	role          byte
	cat           string
}

func (th theme) draw() (string, string) {
	return weekgen.Pick(r, th.subjs), weekgen.Pick(r, th.bodies)
}

func main() {
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
	if err := weekgen.WriteWeek(".", out, ups, weekgen.Format{}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var keys []string
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("%-26s %4d\n", k, counts[k])
	}
	fmt.Printf("%-26s %4d\nupdates %d\n", "total", len(out), len(ups))
}

// ---------------------------------------------------------------- background

var bgPool = []tp{
	{"How do I add a new driver?", "We've taken on two new drivers starting Monday. What's the quickest way to add them and give each one a card? Do they need their own app login?", 'm', "other"},
	{"Adding drivers in bulk", "Is there a CSV import for drivers? I have 34 people to set up and doing them one by one in the dashboard will take all afternoon.", 'm', "other"},
	{"Order replacement card", "Card ending {card4} has snapped in half (don't ask). Can you send a replacement to the depot address please? Vehicle {reg}.", 'a', "card"},
	{"card for new van", "we got a new van reg {reg}, need a fuel card linked to it. same limits as the others", 'm', "card"},
	{"Change daily limit for one driver", "How do I raise the daily spend limit for one driver only? He's doing the long Scotland run this week and will need to fill up twice a day.", 'm', "limits"},
	{"Weekend limits", "Can we set cards so they simply don't work on Saturdays and Sundays? Our vans sit in the yard at weekends and I'd rather nobody used them.", 'm', "limits"},
	{"Restrict fuel type to diesel only", "A driver put premium unleaded into a diesel transit last month (cost us a fortune). Is it possible to lock cards to diesel + AdBlue?", 'm', "limits"},
	{"AdBlue not allowed?", "At {station} the attendant said my card isn't allowed AdBlue. Is that a setting my manager has to switch on? Diesel works fine.", 'd', "limits"},
	{"Exception approval - how long?", "When a driver asks for an exception over their limit, how long does the request stay open before it expires? We had one sit there overnight.", 'm', "limits"},
	{"Question about your monthly fee", "We're on the Fleet 25 plan. If we go to 30 vehicles mid-month, is the extra charged pro rata or from the next month?", 'm', "billing"},
	{"invoice {inv} query", "There's a line on {inv} called \"network surcharge\" that I don't recognise. What is it for and why is it on this month and not last?", 'm', "billing"},
	{"Direct debit date", "Could we move our direct debit from the 1st to the 15th of the month? Cash flow is a bit tight at the start of the month.", 'm', "billing"},
	{"Credit limit increase", "Our account credit limit is €25,000 and we're hitting it before the statement date now that we've grown. What do you need from us to review it?", 'm', "billing"},
	{"Request: copy of last year's statements", "Our accountant needs every monthly statement from 2026 as PDFs. Is there a way to download them in one go rather than twelve clicks?", 'm', "billing"},
	{"Company address changed", "We've moved premises. New address for invoices is Unit 7, Brookside Park. Do I change it myself or do you?", 'm', "billing"},
	{"VAT number on invoices", "Our VAT number is missing on the March invoice. Can you reissue it with the number included please? Our auditor is being strict.", 'm', "report"},
	{"Feature request: driver notes on transactions", "It would be really useful if drivers could add a short note to a fill-up (e.g. \"jerry can for the generator\"). Is that on the roadmap?", 'm', "other"},
	{"feature idea", "Would love a dark mode in the driver app, a lot of our lads fuel at night and the white screen is blinding", 'd', "app"},
	{"Suggestion: cheapest station nearby", "The station map shows price only for some stations. Could it sort by price on my route? I'd use it every day.", 'd', "app"},
	{"Request - export to Sage", "Do you have a direct export for Sage 50? Currently I'm reformatting the CSV by hand every month.", 'm', "report"},
	{"Can managers get a weekly summary email?", "I'd like a Monday-morning email with last week's spend per vehicle. Is there a setting or would this be a feature request?", 'm', "report"},
	{"Station locator shows closed station", "The app still lists {station} but it closed for refurbishment weeks ago. Sent a driver 20 miles out of his way.", 'd', "app"},
	{"Map pins wrong place", "The pin for {station} is about a kilometre off, on the other side of the motorway. Small thing, but drivers get confused.", 'd', "app"},
	{"Dashboard filter bug", "When I filter transactions by vehicle and then change the date range, the vehicle filter quietly resets to 'All'. Easy to miss. Chrome, Windows 11.", 'm', "other"},
	{"CSV dates in American format", "Exported transactions CSV has dates like 04/09/2027 which Excel reads as 9 April. Can we choose DD/MM or ISO?", 'm', "report"},
	{"App crashes when I open settings", "Android 14, Pixel 7. Every time I tap Settings in the driver app it closes. Everything else works. Reinstalled already.", 'd', "app"},
	{"app keeps asking for location", "Every time I open the app it asks to use my location even though I said always allow. iPhone 13.", 'd', "app"},
	{"Odometer reading missing for one truck", "Vehicle {reg} hasn't shown a telematics odometer reading since last Thursday. The others are fine. Tracker in the cab is lit up.", 'm', "telematics"},
	{"How does telematics sync work?", "We're about to connect our trackers. How often are odometer readings pulled, and what happens if a driver also types one in at the pump?", 'm', "telematics"},
	{"Mileage looks wrong", "Dashboard says {reg} did 4,800 km in a week. It did about 480. Is someone typing an extra zero at the pump or is it the tracker?", 'm', "telematics"},
	{"Disconnect old telematics provider", "We changed tracker supplier. How do I remove the old integration without losing historic mileage?", 'm', "telematics"},
	{"Receipt scan read the wrong total", "Scanned a receipt from {station}, total was {amt} but the app read it as something completely different. Can I edit it manually?", 'd', "receipt"},
	{"receipt upload for parking", "can i upload receipts for parking and tolls too or is it only fuel", 'd', "receipt"},
	{"Where do scanned receipts go?", "After a driver scans a receipt, where do I see it as a manager? I can't find it against the transaction.", 'm', "receipt"},
	{"Receipt photo blurry", "The app takes the photo before I've even held the phone still so every receipt comes out blurry. Can I turn off auto-capture?", 'd', "receipt"},
	{"Expense categories", "Can we add our own expense categories (e.g. 'Vehicle wash', 'Screenwash')? The fixed list doesn't fit us.", 'm', "receipt"},
	{"Thank you!", "Just wanted to say thanks to Joanna for sorting our card order so quickly last week. Really appreciated.", 'm', "other"},
	{"Thanks", "Sorted now, cheers for the help", 'a', "other"},
	{"API access", "We want to pull transactions into our own BI tool. Do you offer an API, and how do we get a key?", 'm', "other"},
	{"API rate limit", "Our integration gets HTTP 429 when we page through more than a few thousand transactions. What's the documented limit per minute?", 'm', "other"},
	{"Webhook for new transactions?", "Is there a webhook for each new fuel transaction, or do we need to poll?", 'm', "other"},
	{"Close our account", "We're selling the business at the end of the month. What do we need to do to close the FleetFuel account and cancel all cards?", 'm', "billing"},
	{"Cancel a card - driver left", "Driver Mark left us on Friday. Please cancel his card ending {card4}, or tell me how to do it myself.", 'm', "card"},
	{"GDPR request", "A former driver has asked for a copy of all personal data we hold on him, including fuel transactions. Can you help us export it?", 'm', "other"},
	{"Which stations accept the card in Poland?", "Sending a truck to Poznań next week. Is the card accepted at most stations in Poland, or only some networks?", 'm', "card"},
	{"Toll roads", "Can the fuel card be used for tolls in France or do we need a separate badge?", 'm', "card"},
	{"Manager permissions", "I want our office assistant to see transactions but NOT change limits. Is there a read-only role?", 'm', "other"},
	{"Two-factor for the whole company", "Can I make two-factor authentication mandatory for all our dashboard users?", 'm', "login"},
	{"Change the email on my login", "I'm changing my surname after getting married. How do I update the email address I log in with?", 'a', "login"},
	{"Where's the PDF invoice?", "The dashboard says invoice {inv} is ready but the download button just opens an empty tab. Tried Edge and Firefox.", 'm', "billing"},
	{"Report shows fuel in litres, want gallons", "Is there a setting to show volumes in gallons for our Irish fleet? The UK side is happy with litres.", 'm', "report"},
	{"Exception request not showing on my phone", "Drivers say they've sent exception requests but I only see them when I log into the web dashboard, not in the app. Is the manager app meant to show them?", 'm', "limits"},
	{"Driver PIN change", "How does a driver change their card PIN? One of ours wants something easier to remember.", 'm', "card"},
	{"Pricing for 80 vehicles", "We're evaluating fuel card providers for 80 vans across the UK and Ireland. Could someone from sales call me this week?", 'm', "billing"},
	{"Rebate on diesel", "Your website mentions a per-litre rebate at partner stations. Where do I see how much we've earned so far this year?", 'm', "billing"},
	{"Late payment fee", "We paid two days late because of a bank holiday and got a €40 fee. Is there any chance of that being waived this once?", 'm', "billing"},
	{"App in Polish?", "Czy aplikacja jest dostępna po polsku? Many of our drivers would be more comfortable.", 'm', "app"},
	{"Vehicle shown twice", "{reg} appears twice in the vehicle list, once with a space in the reg and once without. Can I merge them?", 'm', "other"},
	{"Can drivers see their own history?", "Is there a way for a driver to see only their own fill-ups in the app? Ours keep ringing the office to check.", 'm', "app"},
	{"Training session", "We have six new dispatchers. Do you run onboarding webinars for the manager dashboard?", 'm', "other"},
	{"Spending report per cost centre", "We split the fleet into three cost centres. Can reports be grouped by cost centre rather than by vehicle?", 'm', "report"},
	{"Car wash on card", "Can I enable car-wash purchases on the cards? Currently declined as non-fuel.", 'm', "limits"},
	{"Lost card", "I think I left my fuel card at {station} last night. Can it be frozen until I check with them?", 'd', "card"},
	{"Statement doesn't match our records", "Our March statement total is higher than the sum of transactions in the dashboard by about {amt}. Probably fees? Could you break it down?", 'm', "billing"},
	{"", "hi how do i get the app to remember my vehicle so i dont have to pick it every time", 'd', "app"},
	{"", "Could someone call me back about our contract renewal? Best on my mobile after 2pm.", 'm', "billing"},
	{"quick question", "Does the card work for electric charging too? We're trialling two e-vans.", 'm', "card"},
	{"EV charging on the card", "Are EV charge points part of your network yet? Two of our new vans are electric and the drivers are paying out of pocket.", 'm', "card"},
	{"Notification settings", "I'm getting an email for every single fill-up across 40 vans. Can I switch that to a daily digest?", 'm', "sms"},
	{"Stop texts to my personal number", "I get SMS alerts about limit changes but I'm not a manager any more. How do I stop them?", 'a', "sms"},
	{"Odometer prompt at pump", "Can we switch off the odometer prompt for vehicles that already have telematics? Drivers find it annoying.", 'm', "telematics"},
	{"Price per litre seems high", "We paid {amt} at {station} for what looks like a very high price per litre. Is that the pump price or are you adding a margin?", 'm', "billing"},
}

var nonEnglish = []tp{
	{"Frage zur Rechnung", "Guten Tag, auf der Rechnung {inv} ist eine Position \"Kartengebühr\" doppelt aufgeführt. Können Sie das bitte prüfen? Mit freundlichen Grüßen", 'm', "billing"},
	{"Neue Fahrerkarte bestellen", "Hallo, wir brauchen eine weitere Tankkarte für das Fahrzeug {reg}. Wie lange dauert die Lieferung nach Deutschland?", 'm', "card"},
	{"Tankkarte für AdBlue freischalten", "Wie kann ich AdBlue für alle Karten erlauben? Ich finde die Einstellung im Dashboard nicht.", 'm', "limits"},
	{"Kilometerstand", "Unsere Telematik überträgt den Kilometerstand für {reg} nicht mehr seit Montag. Die anderen Fahrzeuge gehen.", 'm', "telematics"},
	{"Consulta sobre factura", "Hola, necesito la factura de marzo con nuestro CIF correcto, el que aparece es el antiguo. ¿Me la pueden reenviar? Gracias.", 'm', "billing"},
	{"Añadir conductor", "Buenos días, ¿cómo doy de alta a un conductor nuevo en la app? No encuentro la opción.", 'm', "other"},
	{"Límite diario", "Hola, quiero subir el límite diario de la tarjeta {card4} a 300 euros solo esta semana. ¿Se puede?", 'm', "limits"},
	{"Question sur les reçus", "Bonjour, est-il possible de scanner les tickets de péage dans l'application, ou seulement les tickets carburant ? Merci d'avance.", 'd', "receipt"},
	{"Facture du mois de mars", "Bonjour, je ne trouve pas la facture de mars dans le tableau de bord. Pouvez-vous me l'envoyer par e-mail ? Cordialement", 'm', "billing"},
	{"Ajouter un véhicule", "Bonjour, comment associer une carte à un nouveau véhicule ? Immatriculation {reg}. Merci", 'm', "card"},
	{"Pytanie o fakturę", "Dzień dobry, na fakturze {inv} brakuje naszego NIP. Czy mogą Państwo wystawić korektę? Pozdrawiam", 'm', "billing"},
	{"Nowa karta paliwowa", "Cześć, potrzebuję nowej karty dla kierowcy, stara się zniszczyła. Numer auta {reg}.", 'd', "card"},
	{"Limit na weekend", "Dzień dobry, czy można zablokować tankowanie w weekendy dla wszystkich kart? Dziękuję.", 'm', "limits"},
	{"Aplikacja po polsku", "Czy planujecie polską wersję aplikacji? Kierowcy mają problem z angielskim.", 'm', "app"},
}

var autoReplies = []string{
	"I am out of the office until %s with limited access to email. For urgent fleet matters please contact the transport office on the main number.",
	"Thank you for your message. I'm currently on annual leave and will reply when I'm back on %s.",
	"Ich bin bis %s nicht im Büro. Ihre Nachricht wird nicht weitergeleitet. In dringenden Fällen wenden Sie sich bitte an die Zentrale.",
	"Automatic reply: I'm away until %s. Your email has been received and will be dealt with on my return.",
}

var agentQuotes = []string{
	"Hi, thanks for getting in touch. Could you send us the last four digits of the card and the vehicle registration so we can take a look?",
	"Hello, we've made the change you asked for. Please let us know if anything still looks off.",
	"Hi, could you attach a screenshot of what you're seeing? That will help us reproduce it.",
	"Thanks for the suggestion, we've passed it to the product team.",
}
var replyLines = []string{
	"Card is {card4}, van is {reg}.",
	"Still not right I'm afraid, same as before.",
	"Screenshot attached. It happens every time.",
	"Thanks, that's worked.",
	"Great, thank you. One more thing: can the same be done for our second depot?",
	"Sorry for the slow reply. Yes please go ahead.",
}

func genBackground(n int) {
	for i := 0; i < n; i++ {
		at := bgTime()
		switch weekgen.Weighted(r, []float64{78, 5, 3.2, 1.6, 7, 1.2}) {
		case 0:
			t := weekgen.Pick(r, bgPool)
			add(at, t.subj, t.body, pickCust(t.role), t.cat, "background")
		case 1:
			t := weekgen.Pick(r, nonEnglish)
			c := pickCust(t.role)
			add(at, t.subj, t.body, c, t.cat, "background")
		case 2:
			c := weekgen.Pick(r, people)
			back := at.Add(time.Duration(weekgen.Between(r, 2, 12)) * 24 * time.Hour).Format("Monday 2 January")
			t := tk{at: at}
			t.ReceivedAt = at.Format(time.RFC3339)
			t.Source, t.CustomerEmail, t.CustomerName, t.Org, t.Label = "email", c.email, c.name, c.org, "background"
			t.Subject = weekgen.Pick(r, []string{"Automatic reply: ", "Out of Office: ", "Abwesenheitsnotiz: ", "Auto: "}) + weekgen.Pick(r, []string{"Your FleetFuel statement is ready", "Re: Card order confirmation", "FleetFuel: exception request approved", "Your ticket has been updated"})
			t.Body = fmt.Sprintf(weekgen.Pick(r, autoReplies), back)
			tickets = append(tickets, t)
		case 3:
			c := weekgen.Pick(r, people)
			t := tk{at: at}
			t.ReceivedAt = at.Format(time.RFC3339)
			t.Source, t.CustomerEmail, t.CustomerName, t.Org, t.Label = "email", "mailer-daemon@"+strings.SplitN(c.email, "@", 2)[1], "Mail Delivery Subsystem", "", "background"
			t.Subject = weekgen.Pick(r, []string{"Undelivered Mail Returned to Sender", "Delivery Status Notification (Failure)", "Returned mail: see transcript for details"})
			t.Body = "This is the mail system at host mx1." + strings.SplitN(c.email, "@", 2)[1] + ".\n\nI'm sorry to have to inform you that your message could not be delivered to one or more recipients.\n\n<" + c.email + ">: host said: 550 5.1.1 mailbox unavailable"
			tickets = append(tickets, t)
		case 4:
			t := weekgen.Pick(r, bgPool)
			c := pickCust(t.role)
			subj := t.subj
			if subj == "" {
				subj = "Your question"
			}
			aq := weekgen.Pick(r, agentQuotes)
			body := fill(weekgen.Pick(r, replyLines), c) + "\n\n" + dateLine(at.Add(-time.Duration(weekgen.Between(r, 3, 70))*time.Hour), "FleetFuel Support <support@fleetfuel.example>") + "\n" + quote("Hi "+first(c)+",\n\n"+aq+"\n\nFleetFuel Support") + "\n" + quote(quote(fill(t.body, c)))
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
			t.Subject = weekgen.Pick(r, []string{"Cut your fleet fuel costs by 30% - guaranteed", "Your website ranking on Google", "Outstanding invoice attached - action needed"})
			t.Body = "Dear business owner, we help companies like yours save money every month. Reply YES to receive a free audit. To unsubscribe reply STOP."
			tickets = append(tickets, t)
		}
	}
}

// ---------------------------------------------------------------- hard negatives

var hardNeg = []tp{
	{"Can't log in", "I forgot my password for the dashboard and now I can't get in at all. Can you reset it for me?", 'm', "login"},
	{"password reset email never arrives", "I've clicked 'forgot password' three times now and nothing has come through, not even in junk. My address is the one I'm writing from.", 'a', "login"},
	{"Account locked!!", "It says my account is locked after too many attempts. I was sure I had the right password. Please unlock it, I need to approve a driver's exception.", 'm', "login"},
	{"Login broken", "Login is broken for me. It keeps saying invalid credentials. My colleague can log in fine on the same PC so it must be something on my account.", 'm', "login"},
	{"Lost phone - 2FA", "My phone was stolen at the weekend and the authenticator app was on it. I can't get past the code screen. How do I reset two-factor?", 'm', "login"},
	{"new phone no codes", "Got a new phone and didn't move the authenticator over. Now the dashboard wants a 6 digit code I can't get. Help", 'm', "login"},
	{"Wrong email on my account", "My login is still under my old company email which doesn't exist any more, so I never get the reset link. Can you change it to this address?", 'a', "login"},
	{"only me?", "Is it just me or is the app down? It won't let me sign in. Other drivers in the yard are using it without problems.", 'd', "login"},
	{"app not working", "app not working for me says user not found. i have used it for a year. did someone delete me?", 'd', "login"},
	{"Reset link expired", "The reset link says it has expired, but I only got it 20 minutes ago. I've asked for another one and the same thing happens.", 'a', "login"},
	{"Driver locked out", "One of my drivers has locked himself out of the driver app after getting the password wrong. Can you unlock user on card {card4}?", 'm', "login"},
	{"Card declined - blocked?", "My card ending {card4} was declined at {station} this morning. The attendant said it's blocked. I haven't done anything. Everyone else's card works.", 'd', "card"},
	{"Forgot my PIN", "I've forgotten the PIN for my fuel card. Tried twice and now I'm scared to try a third time. How do I get it?", 'd', "card"},
	{"card blocked after wrong PIN", "Typed the PIN wrong three times at the pump, now the card is blocked. Stuck at {station} with a quarter tank. Can it be unblocked remotely?", 'd', "card"},
	{"Card expired?", "My card was refused today, and I just noticed the date on it says 03/27. Did a new one get sent out? I never received it.", 'd', "card"},
	{"declined error", "Pump says DECLINED every time for card {card4}. Tried two different pumps. Van {reg}. The other driver's card worked straight after.", 'd', "card"},
	{"Card not working", "card not working, i reported it stolen last week then found it in my jacket. is it dead now?", 'd', "card"},
	{"Card refused - limit?", "My card got refused for {amt} at {station}. Manager says he lowered my limit by mistake yesterday. Can you check what it's set to?", 'd', "card"},
	{"Driver can't pay", "Driver on card {card4} is stuck at a station. It was declined. We put a stop on his card last month when he was off sick and I think nobody lifted it. Can you check?", 'm', "card"},
	{"Error when logging in", "Error 'account suspended' when I log in. I think our accounts dept forgot to pay the last invoice, but can you confirm?", 'm', "login"},
	{"Verification code goes to old number", "The login code is texted to my old mobile number which I no longer have. How can I change it without logging in?", 'a', "login"},
	{"dashboard down??", "dashboard down?? keeps bouncing me back to the login page. Update: cleared cookies and it works now, sorry!", 'm', "login"},
	{"New manager cannot access", "We added a new fleet manager last week but her invite email expired before she clicked it. Can you resend?", 'm', "login"},
	{"PIN letter never came", "New card arrived but no PIN letter. Can't fuel without it. Card {card4}.", 'd', "card"},
	{"QR scan fails - my phone only", "The QR scan at the pump doesn't do anything on my phone. Camera permission was off, I've turned it on and now it works. Ignore me!", 'd', "app"},
	{"App says session expired", "Every morning the app says session expired and makes me log in again. Just me, my mate's app stays logged in.", 'd', "login"},
	{"SMS code not arriving", "Not getting the text with the code. I'm abroad at the moment, could my network be blocking it?", 'a', "sms"},
	{"Left company, need access removed and re-added", "I moved from our Leeds depot to Dublin and now my login shows the wrong company and I can't see anything. Broken?", 'm', "login"},
}

var hardNegStorm = []tp{
	{"my card declined", "My card is being declined, but I think it's my own fault: I had a new card arrive yesterday and I'm still using the old one. Which one should work?", 'd', "card"},
	{"PIN", "forgot pin. at pump now. what do i do", 'd', "card"},
	{"Blocked card {card4}", "Card {card4} shows as blocked in the app with a padlock icon. Manager says he didn't touch it. Only this one card.", 'd', "card"},
	{"Card cancelled by mistake?", "I think my manager cancelled the wrong card when someone left. Mine is now dead and his still works. Can you swap that back?", 'd', "card"},
	{"can't log in to approve", "I've forgotten my password and I need to approve an exception for a driver. Reset link isn't coming. Quick please.", 'm', "login"},
	{"locked out", "Locked out after too many tries, have a driver waiting on me. Please unlock fleet manager login.", 'm', "login"},
	{"card swallowed", "The pump machine at {station} kept my card. It's out of order and the kiosk is closed. I need a new card sent.", 'd', "card"},
	{"Wrong PIN - help", "I keep getting wrong PIN and I'm sure it's right. Did it change when the card was reissued?", 'd', "card"},
}

func genHardNegatives() {
	// spread over the week
	for i := 0; i < 55; i++ {
		t := weekgen.Pick(r, hardNeg)
		add(bgTime(), t.subj, t.body, pickCust(t.role), t.cat, "hard-negative")
	}
	// inside the Wednesday pump outage
	a, b := weekgen.At(week0, 2, 7, 45), weekgen.At(week0, 2, 10, 5)
	for i := 0; i < 22; i++ {
		var t tp
		if weekgen.Chance(r, 0.55) {
			t = weekgen.Pick(r, hardNegStorm)
		} else {
			t = weekgen.Pick(r, hardNeg)
		}
		add(uni(a, b), t.subj, t.body, pickCust(t.role), t.cat, "hard-negative")
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
			t := weekgen.Pick(r, hardNeg)
			add(uni(w.a, w.b), t.subj, t.body, pickCust(t.role), t.cat, "hard-negative")
		}
	}
}

// ---------------------------------------------------------------- Tue: QR start error (forecourtlink)

var qrStart = theme{
	subjs: []string{"QR code won't scan at pump", "Can't start pump with app", "App error at pump", "Pay at pump not working", "QR scan error", "pump wont activate", "Pump not unlocking from app", "\"Pump could not be reserved\"", "ERROR scanning pump code", "App pay broken this morning", "Drivers can't start pumps via the app", "Problem paying in app at {station}", "QR payments failing", "", "Błąd przy skanowaniu QR"},
	bodies: []string{
		"Scanned the QR on pump {pump} at {station}, app thinks for a second then says \"Pump could not be reserved. Try again\". Tried four times. Had to drive off.",
		"The app won't start the pump. I scan the code, pick the pump and get an error straight away before anything happens. No fuel, no charge.",
		"Three of my drivers have phoned in the last 15 minutes, all saying the QR pay in the app gives an error at the very start. Physical cards work OK. What's going on?",
		"qr not working at {station}. error PUMP_RESERVE_FAILED. pump {pump}. tried another pump same thing",
		"Is app payment down? I get 'Station not responding' as soon as I scan. This is the second station this morning.",
		"Hi, app gives an error when I scan the pump QR code: 'We couldn't activate this pump'. Used my plastic card instead but I'm not supposed to.",
		"None of our drivers can activate pumps through the app this morning. They scan the QR and it fails immediately. Has something changed? We only issue virtual cards to half the fleet so those lads are stuck.",
		"Scan QR -> select pump {pump} -> red banner 'Pump unavailable'. The pump is definitely free, I'm standing at it.",
		"The in-app payment at the pump throws an error right after scanning. Tried restarting phone, reinstalling, mobile data and station wifi.",
		"Good morning. Our early shift reports that mobile pay at the pump is failing everywhere they go: {station} and two others. The error appears before the pump is even unlocked. Please advise urgently, we have deliveries from 7.",
		"I'm at pump {pump} and the app just says error. Queue building behind me. Not impressed.",
		"app says pump could not be reserved every time. happening to other drivers in our group chat too",
		"Skanuję kod QR na dystrybutorze i aplikacja od razu pokazuje błąd. Nie mogę zatankować. Stacja {station}.",
		"Mobile payments not starting. Driver {first} at {station}, van {reg}. Says it worked yesterday, today instant error on scan.",
		"We rely on QR pay for our agency drivers who don't get plastic cards. None of them can fuel right now. This is costing us.",
		"Tried to fill up, app crashes back to home screen after scanning the QR. No error code. Colleague says his shows 'pump could not be reserved'.",
	},
}

var qrChase = []string{
	"Any news on this? Still getting the same error.",
	"Still not working. Drivers are now paying with their own cards and I'll have to refund them.",
	"Hello?? Another driver just rang me with the same problem.",
	"Is there an ETA please?",
}

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
		add(tri(a, b, mode), s, bd, pickCust(th.role), th.cat, label)
		firsts = append(firsts, len(tickets)-1)
	}
}

func genQRStart() {
	genIncident(qrStart, 40, weekgen.At(week0, 1, 6, 11), weekgen.At(week0, 1, 7, 36), 0.3, "inc-qr-pump-start-error", 0.08, qrChase)
}

// ---------------------------------------------------------------- Wed: card authorisation outage (chargerail)

var pumpOutage = theme{
	subjs: []string{"Cards declined at the pump", "ALL CARDS DECLINED", "Fuel cards not working", "URGENT - drivers can't fuel", "card declined everywhere", "Is the card network down?", "Authorisation failed at {station}", "Pump terminal rejecting our cards", "Outage?", "cards refused", "Every card in the fleet declined this morning", "Drivers stranded - fuel card down", "Fuel card problem", "declined declined declined", "Terminal: 'contact card issuer'", "Karten werden abgelehnt", "Tarjetas rechazadas en la gasolinera", "Carte refusée à la pompe", "Karty odrzucane na stacji", "", "", "Can't pay for diesel", "What is going on with the cards??"},
	bodies: []string{
		"All our cards are being declined at the pump this morning. Five drivers at three different stations so far. Terminal says 'Authorisation failed'. Please fix ASAP, we have chilled deliveries going out.",
		"card declined at {station} pump {pump}. tried twice. other lads same",
		"Is there an outage? None of our fuel cards work. The pump reader says 'Declined - contact card issuer'.",
		"Driver {first} called: card declined for diesel at {station}, van {reg}. Then another driver at a different station, same message. Plenty of limit left on both.",
		"Every single card in our fleet is being refused. This is a disaster on a Wednesday morning. We have 22 vans that need fuel before 9.",
		"The pay-at-pump terminal keeps saying TRANSACTION NOT AUTHORISED. I've been here 20 minutes. Kiosk says it's not their end, other brands' cards are going through fine.",
		"Hi, I'm a driver for {fleet}. My fuel card was declined at the pump and then at the kiosk inside too. I'm nearly empty. What do I do?",
		"Cards are down. Drivers paying on personal cards. Who pays the fees for that? Need a status update please.",
		"Multiple drivers reporting card declines since about quarter to eight. Tried in-app payment as well, it gets to 'authorising' then says declined. Please confirm if this is a wider issue.",
		"The card doesn't work. Error at the pump: 'Card issuer unavailable (91)'.",
		"I'm at {station} with a 44 tonner and no fuel. Card refused three times. Sort it out.",
		"we're getting loads of declines on the fuel cards, is it your side? nothing changed on our limits",
		"Our whole fleet is grounded. Cards decline at the pump, app payment declines too. I can't even see anything wrong in the dashboard, all cards show active.",
		"Good morning, just to let you know several of our cards have been declined at different filling stations in the last half hour. Reason shown is 'authorisation not possible'. Could you check?",
		"Pump says card not accepted. This card worked yesterday evening at the same pump.",
		"Hallo, seit heute früh werden alle unsere Tankkarten an der Zapfsäule abgelehnt. Fehlermeldung: Autorisierung fehlgeschlagen. Bitte dringend prüfen!",
		"Hola, ninguna de nuestras tarjetas funciona en el surtidor esta mañana, sale 'denegada'. Tenemos los camiones parados. ¿Qué pasa?",
		"Bonjour, toutes nos cartes carburant sont refusées ce matin à la pompe (autorisation impossible). Nos chauffeurs sont bloqués. Merci de nous tenir informés.",
		"Dzień dobry, wszystkie nasze karty są odrzucane na dystrybutorach od rana. Kierowcy stoją na stacjach. Co się dzieje?",
		"DECLINED. again. 3rd station. this is ridiculous",
		"Hi, the card machine at the pump says 'Declined by issuer' for my FleetFuel card. My personal bank card works. Just letting you know.",
		"Hello, I manage 14 vehicles for {fleet}. Since roughly 07:45 not one fuel transaction has gone through. The transactions list in the dashboard shows them as 'declined - issuer timeout'. Can you confirm you're aware and give us an ETA?",
		"Fuel card payments appear to be failing across the board. Our drivers are in four different countries and all report the same thing.",
		"tried to pay for fuel, terminal just says error and 'try again later'. tried again later. same.",
		"Getting 'authorisation timeout' on the pump display. Queue of lorries behind me blowing their horns.",
		"Your cards have stopped working, please look into it urgently. We'll be asking for compensation if deliveries are missed.",
		"Can't pay at the pump with the card OR with the app. Both say declined. What's happening?",
		"Card rejected at {station}. The attendant said they've had several FleetFuel customers this morning with the same issue.",
	},
}

var pumpChase = []string{
	"Any update? Still declining.",
	"Still no fuel. It's been over an hour now.",
	"Following up on this - three more drivers stuck now.",
	"Hello?? Is anyone there? We need an answer.",
	"Still happening at {station}. Please call me.",
	"Noch immer keine Lösung? Die Fahrer warten.",
	"Is there a status page I can check? Cards still failing.",
}

func genPumpOutage() {
	a, b := weekgen.At(week0, 2, 7, 41), weekgen.At(week0, 2, 10, 5)
	genIncident(pumpOutage, 130, a, b, 0.28, "inc-pump-card-outage", 0.1, pumpChase)
}

// ---------------------------------------------------------------- Thu: app payment hangs mid-way (chargerail)

var appHang = theme{
	subjs: []string{"App payment stuck on 'finalising'", "Payment hangs after fuelling", "App spinning forever at pump", "pay in app times out", "Payment pending for ages", "Stuck at pump - app still processing", "App payment timed out but pump ran", "Don't know if I've paid", "timeout at checkout", "Mobile pay hanging", "", "Zahlung hängt in der App"},
	bodies: []string{
		"Scanned the QR fine, pump unlocked, I fuelled, hung up the nozzle and now the app has been on 'Finalising payment...' for 10 minutes. Can I leave?",
		"app stuck on processing payment after I filled up. spinner wont stop. attendant wont let me go",
		"Payment timed out in the app after fuelling ({amt}). It says 'Request timed out, please check your transactions'. Transactions list shows nothing. Did it go through?",
		"Two of our drivers this afternoon: pump starts OK via QR, fuel goes in, then the app hangs at the payment step and eventually errors with a timeout. They've had to pay again at the kiosk. Are we going to be charged twice?",
		"The app payment gets halfway and freezes. Pump {pump} at {station}. The start was fine, it's the end that doesn't complete.",
		"Is mobile payment slow right now? Everything works until the very end, then 'Payment pending' forever.",
		"After filling up the app says 'Something went wrong while completing your payment'. Station staff say the pump shows unpaid.",
		"Hi, I've been standing at {station} for 25 minutes because the app says payment is still processing. The station won't let me drive off. Please can someone confirm the payment?",
		"Timeouts on in-app payments since about 4pm. Start works, completion doesn't. Our drivers are losing a lot of time at the pumps.",
		"The payment step hangs and then I get 'Timed out'. Second time today. First fill this morning was fine.",
		"pump worked, fuel in, app frozen on the payment screen with the little wheel. what now",
		"Die Zahlung in der App bleibt nach dem Tanken bei 'Wird abgeschlossen' hängen und bricht dann mit Zeitüberschreitung ab.",
		"Please check: pay-at-pump completes the fuelling but the payment confirmation never arrives, the app times out after a couple of minutes. Happened to three drivers so far at different stations.",
		"I think I may have paid twice — app timed out so I paid at the kiosk with the plastic card, and now there's a pending {amt} in the app as well.",
	},
}

var hangChase = []string{
	"Any update on this? Another driver stuck at the pump.",
	"Still timing out.",
	"Can you at least tell me if the first payment went through?",
}

func genAppPayHang() {
	genIncident(appHang, 35, weekgen.At(week0, 3, 16, 14), weekgen.At(week0, 3, 17, 52), 0.4, "inc-app-pay-timeout", 0.08, hangChase)
}

// ---------------------------------------------------------------- Fri: SMS delayed (signalpost)

var smsDelay = theme{
	subjs: []string{"Verification code not arriving", "No SMS code", "Not receiving text messages", "Login code never comes", "SMS delayed", "Approval texts not coming through", "Where are the codes?", "2FA text not arriving - several users", "Codes arriving 30 min late", "No text for exception approval", "", "SMS-Code kommt nicht an", "Nie dochodzi SMS z kodem"},
	bodies: []string{
		"I'm trying to log in to the dashboard and the SMS code hasn't arrived. Requested it four times. Nothing.",
		"None of us in the office are getting the login text codes. Three people, three different networks.",
		"Drivers requested limit exceptions and I normally get a text to approve. Haven't had a single one since lunchtime. The requests are sitting in the dashboard.",
		"The 6-digit code just arrived, 35 minutes after I asked for it, and of course it had expired.",
		"no sms codes coming through. tried resend a bunch of times",
		"Are text messages down? My driver says he requested a one-time code in the app for the card PIN reveal and nothing came.",
		"Hello, SMS from FleetFuel seem to be delayed or not arriving at all today. Both my login code and the 'card frozen' alert I triggered as a test. Email alerts arrive fine.",
		"I got about five codes at once just now, all expired. Something's up with your texts.",
		"Kein SMS-Code für die Anmeldung. Mehrfach angefordert, nichts angekommen. Kollegen haben das gleiche Problem.",
		"Nie dostaję SMS z kodem logowania. Próbowałem kilka razy.",
		"Hi, I need to approve a driver's exception urgently but the approval SMS hasn't come, and I can't log into the dashboard because the 2FA text isn't coming either. Catch-22.",
		"Texts from you are not arriving. Tried on Vodafone and O2. Can you send the code by email instead?",
		"Our drivers use SMS to get a one-time PIN when they're on a new card. Nobody has received one since about half eleven.",
		"The app says 'We've sent you a code' but no text arrives. Please check your SMS provider.",
	},
}

var smsChase = []string{
	"Still no code. Anything?",
	"Any update? Still can't get in.",
	"Codes still not arriving.",
}

func genSMS() {
	genIncident(smsDelay, 42, weekgen.At(week0, 4, 11, 26), weekgen.At(week0, 4, 13, 16), 0.35, "inc-sms-codes-delayed", 0.1, smsChase)
}

// ---------------------------------------------------------------- Mon–Tue: VAT report totals wrong (own bug)

var vatBug = theme{
	subjs: []string{"VAT report totals wrong", "VAT export doesn't add up", "Quarterly VAT report - wrong figures", "VAT amount doubled?", "VAT report issue", "Problem with VAT export", "Mismatch between VAT report and invoices", "VAT summary incorrect", "Umsatzsteuer-Bericht falsch", "Informe de IVA con totales erróneos", ""},
	bodies: []string{
		"The VAT report I exported this afternoon shows input VAT of roughly twice what the invoices say for March. The line items look right but the totals at the bottom are way off.",
		"Our accountant has flagged that the VAT report total doesn't match the sum of the VAT column. Difference is {amt}. Can you check?",
		"Exported the Q1 VAT report (PDF and CSV) and the VAT totals are wrong. Net looks OK, VAT and gross are too high. Last quarter's export was fine.",
		"Hi, the VAT report seems to count transactions with fuel and AdBlue on the same receipt twice in the totals. Individual lines are correct.",
		"VAT export totals are wrong. Need this fixed before we file on Thursday.",
		"Is there a known problem with the VAT report? The totals row is higher than our invoices by quite a lot. I exported it twice to be sure.",
		"Der Umsatzsteuerbericht für März zeigt eine viel zu hohe Vorsteuer. Die einzelnen Buchungen stimmen, aber die Summe nicht.",
		"El informe de IVA de marzo suma más IVA del que aparece en las facturas. Las líneas están bien, el total no.",
		"Our bookkeeper says the VAT report grand total doesn't reconcile with the monthly invoice. It looks like some split transactions are counted twice. Please advise whether we can rely on it.",
		"vat report is broken, totals make no sense. net + vat doesn't equal gross on the summary",
		"Re-ran the VAT report for 1–31 March after your release notes mentioned VAT changes. Now the totals are off compared to the invoice by {amt}.",
	},
}

func genVAT() {
	for i := 0; i < 26; i++ {
		var at time.Time
		if weekgen.Chance(r, 0.4) {
			at = weekgen.At(week0, 0, weekgen.Between(r, 13, 18), r.IntN(60))
		} else {
			at = weekgen.At(week0, 1, weekgen.Between(r, 7, 18), r.IntN(60))
		}
		at = at.Add(time.Duration(r.IntN(60)) * time.Second)
		s, b := vatBug.draw()
		add(at, s, b, pickCust('m'), "report", "inc-vat-report-totals")
	}
}

// ---------------------------------------------------------------- look-alikes

var laQR = []tp{
	{"Station missing from app map", "{station} doesn't appear on the pay-at-pump map any more, though I fuelled there with the app last week. Is it still in the network?", 'd', "app"},
	{"App asks for odometer twice", "When I pay by QR the app asks for the odometer, then asks again after fuelling. Minor but annoying at 6am.", 'd', "app"},
	{"Wrong pump numbers in app", "At {station} the app offers pumps 1–8 but the forecourt has 12. Can't choose pump 11.", 'd', "app"},
	{"App won't let me pick vehicle", "In the app the vehicle list is empty so I can't start a payment. My manager moved me to a new van yesterday, probably that?", 'd', "app"},
	{"QR pay greyed out for me", "The 'Pay at pump' button is greyed out on my account. Other drivers have it. Did my manager switch it off?", 'd', "app"},
	{"Price in app differs from pump", "App showed 1.62 per litre, pump showed 1.59. Which one do we get charged?", 'd', "app"},
	{"App shows yesterday's fill twice", "My history in the app lists yesterday's fill-up twice. The card statement only once. Display bug?", 'd', "app"},
}

var laCard = []tp{
	{"Charged twice for one fill", "Yesterday's fill at {station} ({amt}) appears twice on card {card4} in the dashboard. Only fuelled once.", 'm', "card"},
	{"Pump receipt not printing", "The card goes through fine but the pump never prints a receipt at {station}. I need receipts for our expenses.", 'd', "card"},
	{"Car wash declined", "Diesel was fine but the car wash was declined on the same card. Is car wash blocked on our account?", 'd', "card"},
	{"Transaction missing in dashboard", "Driver fuelled at {station} last night, card worked, but the transaction isn't in the dashboard yet. How long does it take?", 'm', "card"},
	{"Wrong reg on new card", "New card arrived with the wrong registration embossed: says {reg}, should be a different van. Please reissue.", 'm', "card"},
	{"Contactless not working on my card", "Tapping my card doesn't work, I have to insert it and type the PIN. Is contactless supposed to work?", 'd', "card"},
	{"Declined at non-partner station", "My card was declined at a small independent garage out in the sticks. I guess they're not in your network?", 'd', "card"},
	{"Limit resets at wrong time", "Daily limits seem to reset at 1am rather than midnight. Driver fuelled at 00:30 and it counted against yesterday.", 'm', "limits"},
	{"Fuel price on transaction looks wrong", "Transaction for {reg} shows a price per litre about 10 cents higher than the pump price that day. Can you check?", 'm', "card"},
	{"Pump says 'see cashier'", "At {station} the outdoor terminal told me to see the cashier, and inside the card went through fine. Weird but sorted.", 'd', "card"},
}

var laApp = []tp{
	{"Receipt in app shows wrong station", "Paid in the app at {station} but the receipt in history names a different station 30 km away.", 'd', "app"},
	{"Odometer rejected in app", "The app won't accept my odometer reading, says it's lower than last time. It isn't, the previous one was typed wrong by someone.", 'd', "telematics"},
	{"No email receipt for app payment", "I used to get an email receipt after paying at the pump with the app. Haven't had any for a week. Payments themselves work.", 'd', "app"},
	{"Litres show 0 in app history", "App payment went through for {amt} but history shows 0.00 litres for it.", 'd', "app"},
	{"Pay at pump disabled for agency drivers?", "Our agency drivers don't see the pay-at-pump option at all. Is there a setting per driver group?", 'm', "app"},
	{"App logged me out after update", "Updated the app and it logged me out, had to sign in again. Payment then worked. Just FYI.", 'd', "app"},
}

var laSMS = []tp{
	{"Duplicate email alerts", "I'm getting every fill-up alert email twice since this morning. Texts are fine.", 'm', "sms"},
	{"SMS in German?", "The limit alert texts have started coming in German. I'm in Manchester. Can I change the language?", 'm', "sms"},
	{"Getting texts about someone else's card", "I received an SMS about card {card4}, which isn't mine. I think my number is on another driver's profile.", 'd', "sms"},
	{"Limit alert shows wrong amount", "Text said driver exceeded limit by 480 euros. Actual overspend was 48. Typo in the alert?", 'm', "sms"},
	{"Stop marketing texts", "Please stop the promotional texts about partner stations. I only want security codes.", 'd', "sms"},
	{"Weekly summary SMS at 3am", "The weekly summary text arrives at 3am and wakes me up. Can it be sent during the day?", 'm', "sms"},
}

var laVAT = []tp{
	{"CSV export columns shifted", "In the transactions CSV the 'litres' and 'price' columns are swapped from row 200 onwards. Totals not affected but the sheet is a mess.", 'm', "report"},
	{"Invoice PDF has no logo", "Our invoices now come without your logo and header. Accountant asked if they're genuine.", 'm', "billing"},
	{"Fuel report leaves out AdBlue", "The fuel consumption report doesn't include AdBlue purchases. Is that deliberate?", 'm', "report"},
	{"Full-year export times out", "Exporting all of 2026 transactions spins and then gives 'export failed'. One month at a time works.", 'm', "report"},
	{"Cost centre report blank", "The spend-by-cost-centre report is empty for our Dublin depot even though they fuelled all week.", 'm', "report"},
	{"Report currency wrong", "Our Polish entity's reports show amounts in EUR, but the invoices are in PLN. Can the report follow the invoice currency?", 'm', "report"},
}

func genLookAlikes() {
	for _, w := range []struct {
		pool []tp
		a, b time.Time
		n    int
	}{
		{laQR, weekgen.At(week0, 1, 6, 15), weekgen.At(week0, 1, 7, 35), 7},
		{laCard, weekgen.At(week0, 2, 7, 50), weekgen.At(week0, 2, 10, 0), 10},
		{laApp, weekgen.At(week0, 3, 16, 15), weekgen.At(week0, 3, 17, 50), 6},
		{laSMS, weekgen.At(week0, 4, 11, 30), weekgen.At(week0, 4, 13, 10), 6},
	} {
		perm := r.Perm(len(w.pool))
		for i := 0; i < w.n; i++ {
			t := w.pool[perm[i%len(perm)]]
			add(uni(w.a, w.b), t.subj, t.body, pickCust(t.role), t.cat, "look-alike")
		}
	}
	perm := r.Perm(len(laVAT))
	for i := 0; i < 6; i++ {
		t := laVAT[perm[i]]
		var at time.Time
		if i < 2 {
			at = weekgen.At(week0, 0, weekgen.Between(r, 14, 18), r.IntN(60))
		} else {
			at = weekgen.At(week0, 1, weekgen.Between(r, 8, 17), r.IntN(60))
		}
		add(at, t.subj, t.body, pickCust('m'), t.cat, "look-alike")
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

	// Tue: forecourtlink pump activation failures (page leads the tickets)
	t1 := "Pump activation requests failing at partner stations"
	l1 := "inc-qr-pump-start-error"
	u("forecourtlink", "fl-2291", "investigating", "major", d(1, 6, 2), t1, "We are investigating an increase in failed pump activation requests from mobile payment partners. Customers may be unable to start a pump by scanning its QR code.", "incident", l1, "Pump Activation API")
	u("forecourtlink", "fl-2291", "identified", "major", d(1, 6, 41), t1, "The issue has been identified as a certificate rotation on the station gateway cluster in the EU region. A fix is being rolled out.", "incident", l1, "Pump Activation API")
	u("forecourtlink", "fl-2291", "monitoring", "minor", d(1, 7, 26), t1, "The fix has been deployed and pump activation success rates are recovering. We are monitoring the results.", "incident", l1, "Pump Activation API")
	u("forecourtlink", "fl-2291", "resolved", "none", d(1, 8, 5), t1, "This incident has been resolved. Pump activations have been operating normally since 07:31 UTC.", "incident", l1, "Pump Activation API")

	// Wed: chargerail authorisation outage (page trails the tickets)
	t2 := "Card authorisations failing"
	l2 := "inc-pump-card-outage"
	u("chargerail", "cr-7312", "investigating", "critical", d(2, 8, 3), t2, "We are aware that a large share of card authorisation requests are being declined or timing out. Our engineers are investigating.", "incident", l2, "Authorisation", "Issuer Processing")
	u("chargerail", "cr-7312", "identified", "critical", d(2, 8, 37), t2, "We have identified a fault in a database failover in our primary authorisation data centre. Traffic is being moved to the secondary site.", "incident", l2, "Authorisation", "Issuer Processing")
	u("chargerail", "cr-7312", "monitoring", "major", d(2, 9, 36), t2, "Authorisation traffic has been moved and approval rates are returning to normal levels. We continue to monitor closely.", "incident", l2, "Authorisation", "Issuer Processing")
	u("chargerail", "cr-7312", "resolved", "none", d(2, 10, 20), t2, "This incident has been resolved. Authorisations have been processing normally since 09:58 UTC. A post-incident review will follow.", "incident", l2, "Authorisation", "Issuer Processing")

	// Thu: keyloop maintenance announced
	t5 := "Scheduled maintenance: identity database upgrade"
	u("keyloop", "kl-m-0417", "scheduled", "maintenance", d(3, 10, 0), t5, "We will upgrade our identity database on Saturday 17 April between 02:00 and 03:00 UTC. Sign-in and token refresh are expected to remain available; brief increases in latency are possible.", "maintenance", "", "Authentication", "Token Service")

	// Thu: chargerail capture latency
	t3 := "Elevated latency for payment completion requests"
	l3 := "inc-app-pay-timeout"
	u("chargerail", "cr-7340", "investigating", "minor", d(3, 16, 31), t3, "We are investigating elevated latency on capture and completion requests. Some card-not-present payments may time out after authorisation.", "incident", l3, "Capture")
	u("chargerail", "cr-7340", "identified", "major", d(3, 17, 2), t3, "The cause has been identified as a saturated message queue between authorisation and capture services. We are adding capacity.", "incident", l3, "Capture")
	u("chargerail", "cr-7340", "monitoring", "minor", d(3, 17, 45), t3, "Additional capacity is in place and completion latency is back within normal range. Payments that timed out have been completed or reversed automatically.", "incident", l3, "Capture")
	u("chargerail", "cr-7340", "resolved", "none", d(3, 18, 20), t3, "This incident has been resolved.", "incident", l3, "Capture")

	// Fri: signalpost SMS delays
	t4 := "Delayed SMS delivery to European carriers"
	l4 := "inc-sms-codes-delayed"
	u("signalpost", "sp-915", "investigating", "major", d(4, 11, 20), t4, "We are investigating delays in SMS delivery to several European mobile networks. Messages are being queued and may arrive late or not at all.", "incident", l4, "SMS", "Verify")
	u("signalpost", "sp-915", "identified", "major", d(4, 11, 58), t4, "An upstream aggregator is throttling traffic. We are rerouting messages through alternative routes.", "incident", l4, "SMS", "Verify")
	u("signalpost", "sp-915", "monitoring", "minor", d(4, 12, 50), t4, "Traffic has been rerouted and the queue is draining. Delivery times are returning to normal.", "incident", l4, "SMS", "Verify")
	u("signalpost", "sp-915", "resolved", "none", d(4, 13, 40), t4, "This incident has been resolved. All queued messages have been delivered or expired.", "incident", l4, "SMS", "Verify")

	// Fri: glyphscan incident with no customer impact
	t6 := "Increased processing times for receipt extraction (AP-Southeast)"
	u("glyphscan", "gs-448", "investigating", "minor", d(4, 15, 12), t6, "We are investigating increased processing times for document extraction jobs in the AP-Southeast region. Other regions are not affected.", "incident", "", "Extraction API (AP-Southeast)")
	u("glyphscan", "gs-448", "monitoring", "minor", d(4, 15, 50), t6, "A fix has been applied and processing times are improving. We are monitoring.", "incident", "", "Extraction API (AP-Southeast)")
	u("glyphscan", "gs-448", "resolved", "none", d(4, 16, 31), t6, "This incident has been resolved.", "incident", "", "Extraction API (AP-Southeast)")

	// Sat: keyloop maintenance runs
	u("keyloop", "kl-m-0417", "in_progress", "maintenance", d(5, 2, 0), t5, "Scheduled maintenance is currently in progress. We will provide updates as necessary.", "maintenance", "", "Authentication", "Token Service")
	u("keyloop", "kl-m-0417", "completed", "maintenance", d(5, 2, 47), t5, "The scheduled maintenance has been completed.", "maintenance", "", "Authentication", "Token Service")

	sort.SliceStable(us, func(i, j int) bool { return us[i].At < us[j].At })
	return us
}

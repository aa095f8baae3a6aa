//go:build ignore

// generate.go writes the ParcelPath scenario: one invented week (Mon 2 Nov –
// Sun 8 Nov 2026) at the support desk of ParcelPath, a B2B shipping API and
// dashboard that e-commerce merchants and 3PL warehouses use to quote rates,
// buy and print labels, receive tracking webhooks and validate addresses.
//
//	cd scenarios/parcelpath && go run generate.go
//
// Standard library and scenarios/internal/weekgen only; the seed is fixed, so
// reruns give identical bytes.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"sort"
	"strings"
	"time"

	"stormdesk/scenarios/internal/weekgen"
)

// Ticket is a line of tickets.jsonl and the time it arrives.
type Ticket struct {
	weekgen.Ticket
	at time.Time
}

var rng *rand.Rand

func pick[T any](xs []T) T  { return weekgen.Pick(rng, xs) }
func chance(p float64) bool { return weekgen.Chance(rng, p) }
func between(a, b int) int  { return weekgen.Between(rng, a, b) }

// bag hands out its items in shuffled order, reshuffling when empty, so that
// the same sentence does not come back until the others have been used.
type bag struct {
	items []string
	order []int
}

func newBag(items ...string) *bag { return &bag{items: items} }

// UnmarshalJSON reads a bag from texts.json: its items, or the name of
// another list there whose items it draws from.
func (b *bag) UnmarshalJSON(data []byte) error {
	var name string
	if json.Unmarshal(data, &name) == nil {
		b.items = text[[]string](name)
		return nil
	}
	return json.Unmarshal(data, &b.items)
}
func (b *bag) next() string {
	if len(b.order) == 0 {
		b.order = rng.Perm(len(b.items))
	}
	i := b.order[0]
	b.order = b.order[1:]
	return b.items[i]
}

var week0 = time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC) // Monday

func at(day, h, m int) time.Time { return weekgen.At(week0, day, h, m) }

// ---------------------------------------------------------------- customers

type Org struct {
	Name, Domain, Lang, Acct, Plan, Platform string
	Users                                    []*Person
}

type Person struct {
	First, Last, Email, Role, Phone string
	Sig                             int
	Org                             *Org
}

func (p *Person) Name() string { return p.First + " " + p.Last }

var firstNames = []string{"Marisol", "Deon", "Kaito", "Birgit", "Oluwaseun", "Callum", "Inês", "Theo", "Rosalind", "Farhan", "Joanna", "Matteo", "Priya", "Hendrik", "Aoife", "Luca", "Zainab", "Gideon", "Sunniva", "Ravi", "Colette", "Bram", "Yusuf", "Wren", "Tamsin", "Diego", "Hana", "Ezra", "Margot", "Kwame", "Lotte", "Ignacio", "Beatriz", "Noor", "Stellan", "Odette", "Jarrah", "Mei", "Anselm", "Philippa", "Raúl", "Saoirse", "Tobias", "Vesna", "Emeka", "Clémence", "Jonah", "Ilse", "Darnell", "Fenna", "Ximena", "Rupert", "Amara", "Koen", "Leilani", "Sven", "Paloma", "Nikhil", "Greta", "Marcus", "Chidi", "Elodie", "Finnian", "Rosa", "Jasper", "Anneke", "Tariq", "Maren", "Bruno", "Keisha"}
var lastNames = []string{"Okafor", "Lindqvist", "Moreau", "Achterberg", "Castellano", "Whitfield", "Nakamura", "Brennan", "Oyelaran", "Sauer", "Pereira", "Halloran", "Vasquez", "Dekker", "Ferreira", "Kowalczyk", "Tremblay", "Abernathy", "Haddad", "Visser", "Mbeki", "Laurent", "Gallagher", "Rossi", "Fischer", "Quintero", "Osei", "Bergstrom", "Duarte", "Pickering", "Nwosu", "Marchetti", "Van Leeuwen", "Sandoval", "Kimura", "Ashworth", "Delacroix", "Yilmaz", "Holt", "Carvalho", "Janssen", "McAllister", "Petrov", "Ibarra", "Strand", "Fairweather", "Bakker", "Roux", "Mendes", "Oduya"}

var orgNamesEn = []string{"Copperline Coffee Roasters", "Bramble & Bolt Hardware", "Northgate Fulfilment", "Tidewater Surf Supply", "Little Acre Seeds", "Quillhouse Stationery", "Redfern Cycle Parts", "Ozark Leatherworks", "Saltmarsh Candles", "Kinfolk Pet Provisions", "Gravelroad Outfitters", "Harbourlight Books", "Mapleridge Supplements", "Solstice Yoga Goods", "Brickyard Vinyl", "Foxglove Apothecary", "Ironwood Knives", "Patchwork & Pine", "Lumen Lighting Co", "Sparrow Baby Co", "Wildflower Tea Merchants", "Cobalt Cable Supply", "Stonebridge Ceramics", "Driftwood Home", "Pinnacle Climbing Gear", "Meridian 3PL", "Hopscotch Toys", "Velvet Fern Plants", "Crescent Moon Jewelry", "Grain & Grit Bakery Supply", "Bluewater Aquatics", "Thimble & Thread", "Summit Auto Parts", "Orchard Lane Preserves", "Lakeside Fly Fishing", "Atlas Print Shop", "Fieldnote Journals", "Ember Grill Co", "Kindred Skincare", "Paper Kite Games", "Boxwell Logistics", "Hearthstone Socks", "Westbrook Wine Club", "Cinder Block Fitness", "Marigold Spice Traders", "Riverbend Quilting", "Nimbus Drone Parts", "Oakhaven Furniture", "Swift Parcel 3PL", "Larkspur Bridal", "Goldenhour Cameras", "Twin Pines Maple", "Pebble Beach Swimwear", "Ridgeline Archery", "Canvas & Clay", "Juniper Dog Treats", "Moonbeam Sleep Co", "Coastline Kayaks", "Hollow Oak Guitars", "Peppercorn Kitchenware", "Silverleaf Herbal", "Tandem Bike Works", "Brightwater Filters", "Cloverfield Farm Store", "Sunday Morning Prints", "Baywind Sailing Supply", "Chestnut & Co Leather", "Highland Wool Mill", "Urban Sprout Kits", "Trailmark Maps"}
var orgNamesDe = []string{"Bergwerk Outdoor GmbH", "Kaffeerösterei Lindenhof", "Nordlicht Versand", "Holzmanufaktur Eibe", "Spielwaren Kranich"}
var orgNamesFr = []string{"Atelier Mistral", "La Boîte à Thé", "Savonnerie du Port"}
var orgNamesEs = []string{"Cerámica Almendro", "Tienda Bosque Verde"}
var orgNamesPt = []string{"Casa Oliveira Vinhos", "Loja Maré Alta"}
var orgNamesNl = []string{"Fietsonderdelen Dijkstra", "Kaaswinkel De Molen"}

var roles = []string{"Operations Manager", "Founder", "Co-founder", "Warehouse Lead", "Head of Fulfilment", "Customer Service", "E-commerce Manager", "Developer", "CTO", "Shipping Coordinator", "Owner", "Logistics Analyst", "Office Manager", "Backend Engineer"}
var plans = []string{"Starter", "Growth", "Growth", "Scale", "Enterprise"}
var platforms = []string{"Shopify", "WooCommerce", "BigCommerce", "Magento", "custom API", "Shopify", "custom API", "Squarespace"}

var orgs []*Org
var allPeople []*Person

func slug(s string) string {
	s = strings.ToLower(s)
	repl := strings.NewReplacer("&", "", "ä", "a", "ö", "o", "ü", "u", "é", "e", "è", "e", "â", "a", "à", "a", "í", "i", "ó", "o", "á", "a", "ã", "a", "ç", "c", "ê", "e", "ô", "o", " co", "", " gmbh", "", ".", "", "'", "")
	s = repl.Replace(s)
	var b strings.Builder
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func emailLocal(p *Person, style int) string {
	f, l := slug(p.First), slug(p.Last)
	switch style % 5 {
	case 0:
		return f
	case 1:
		return f + "." + l
	case 2:
		return f[:1] + l
	case 3:
		return f + l[:1]
	}
	return f + "_" + l
}

func buildCustomers() {
	tld := map[string][]string{"en": {".com", ".com", ".co.uk", ".com", ".io", ".ca", ".com.au", ".shop", ".ie"}, "de": {".de"}, "fr": {".fr"}, "es": {".es"}, "pt": {".pt", ".com.br"}, "nl": {".nl"}}
	add := func(names []string, lang string) {
		for _, n := range names {
			o := &Org{Name: n, Lang: lang, Plan: pick(plans), Platform: pick(platforms)}
			o.Domain = slug(n) + pick(tld[lang])
			o.Acct = fmt.Sprintf("acct_%c%c%05d", 'a'+rng.IntN(26), 'a'+rng.IntN(26), rng.IntN(99999))
			orgs = append(orgs, o)
		}
	}
	add(orgNamesEn, "en")
	add(orgNamesDe, "de")
	add(orgNamesFr, "fr")
	add(orgNamesEs, "es")
	add(orgNamesPt, "pt")
	add(orgNamesNl, "nl")
	used := map[string]bool{}
	for i, o := range orgs {
		n := 1 + rng.IntN(3)
		if i%11 == 0 {
			n = 5 + rng.IntN(6) // a few big accounts (3PLs, agencies)
		}
		style := rng.IntN(5)
		for k := 0; k < n; k++ {
			p := &Person{First: pick(firstNames), Last: pick(lastNames), Role: pick(roles), Sig: rng.IntN(7), Org: o}
			p.Phone = fmt.Sprintf("+%d %03d %03d %04d", pick([]int{1, 44, 49, 33, 34, 31, 61, 353}), rng.IntN(1000), rng.IntN(1000), rng.IntN(10000))
			p.Email = emailLocal(p, style) + "@" + o.Domain
			if chance(0.06) {
				p.Email = slug(p.First) + slug(p.Last) + fmt.Sprint(rng.IntN(90)+10) + "@" + pick([]string{"gmail.com", "outlook.com", "yahoo.com", "icloud.com", "hotmail.co.uk"})
			}
			if used[p.Email] {
				continue
			}
			used[p.Email] = true
			o.Users = append(o.Users, p)
			allPeople = append(allPeople, p)
		}
	}
}

func somebody() *Person { return pick(allPeople) }
func somebodyLang(lang string) *Person {
	var c []*Person
	for _, p := range allPeople {
		if p.Org.Lang == lang {
			c = append(c, p)
		}
	}
	return pick(c)
}
func somebodyEn() *Person { return somebodyLang("en") }

// ---------------------------------------------------------------- surface

var greetings = []string{"Hi,", "Hello,", "Hi team,", "Hey ParcelPath,", "Hi there,", "Good morning,", "Hello support,", "", "", "Hey,", "To whom it may concern,", "Hi all,", "Dear ParcelPath team,", "Afternoon,", "Yo,"}
var signoffs = []string{"Thanks,", "Thank you!", "Cheers,", "Best,", "Regards,", "Kind regards,", "thx", "Thanks in advance", "", "", "Best regards,", "TIA", "Many thanks,", "Appreciate it,"}

func signature(p *Person) string {
	switch p.Sig {
	case 0:
		return p.First
	case 1:
		return p.Name() + "\n" + p.Role + " | " + p.Org.Name + "\n" + p.Phone
	case 2:
		return p.First + "\n\nSent from my iPhone"
	case 3:
		return "-- \n" + p.Name() + " · " + p.Role + "\n" + p.Org.Name + " · www." + p.Org.Domain
	case 4:
		return p.Name() + "\n" + p.Org.Name + "\n\nCONFIDENTIALITY NOTICE: This email and any attachments are for the sole use of the intended recipient(s) and may contain confidential information. If you are not the intended recipient, please delete it and notify the sender."
	case 5:
		return p.First + " " + p.Last[:1] + ".\n\nGet Outlook for Android"
	}
	return p.Name() + "\n" + p.Role
}

func fmtClock(t time.Time) string { return t.Format("15:04") }

var kbArticles = []string{"“Troubleshooting label downloads”", "“Connecting your store”", "“API authentication basics”", "“Webhook retries explained”", "“Why are my rates different?”", "“Resetting your password”"}

func chatBody(p *Person, t time.Time, lines []string) string {
	c := t.Add(-time.Duration(between(2, 6)) * time.Minute)
	var b strings.Builder
	tick := func() string {
		c = c.Add(time.Duration(between(0, 1))*time.Minute + time.Duration(between(5, 50))*time.Second)
		return fmtClock(c)
	}
	switch rng.IntN(5) {
	case 0:
		fmt.Fprintf(&b, "[%s] Pathfinder (bot): Hi! I'm Pathfinder, ParcelPath's virtual assistant 📦 What can I help you with today?\n", tick())
		for _, l := range lines {
			fmt.Fprintf(&b, "[%s] %s: %s\n", tick(), p.First, l)
		}
		fmt.Fprintf(&b, "[%s] Pathfinder (bot): Thanks, %s. I'm passing this to our support team now.\n", tick(), p.First)
		fmt.Fprintf(&b, "[%s] System: %s joined the conversation", tick(), pick([]string{"Agent Nadia", "Agent Pieter", "Agent Lorenzo", "Agent Sam"}))
	case 1:
		b.WriteString("Pathfinder: 👋 Welcome to ParcelPath Support! Pick a topic: [Shipments] [Billing] [API & integrations] [Something else]\n")
		b.WriteString("Visitor: " + pick([]string{"Shipments", "API & integrations", "Something else", "Something else"}) + "\n")
		b.WriteString("Pathfinder: Got it. Tell me a little more and I'll route you to the right person.\n")
		for _, l := range lines {
			b.WriteString("Visitor: " + l + "\n")
		}
		b.WriteString("Pathfinder: An agent will reply shortly (average wait " + fmt.Sprint(between(3, 25)) + " min). You can close this window, we'll email you too.")
	case 2:
		fmt.Fprintf(&b, "Conversation started %s UTC\n———\nBOT    Hello and welcome to ParcelPath! Which email is on your account?\nCUSTOMER    %s\nBOT    Thanks! What seems to be the problem?\n", c.Format("2006-01-02 15:04"), p.Email)
		for _, l := range lines {
			b.WriteString("CUSTOMER    " + l + "\n")
		}
		b.WriteString("BOT    I've created a ticket for you.\n———\n" + pick([]string{"Visitor left the chat", "Chat ended by visitor", "Visitor closed the window"}))
	case 3:
		b.WriteString("(bot) Hey there! Ask me anything about shipping with ParcelPath.\n")
		for i, l := range lines {
			b.WriteString("(" + strings.ToLower(p.First) + ") " + l + "\n")
			if i == 0 {
				b.WriteString("(bot) These articles might help: " + pick(kbArticles) + ", " + pick(kbArticles) + "\n")
			}
		}
		b.WriteString("(" + strings.ToLower(p.First) + ") " + pick([]string{"no. human please", "that doesn't help", "agent", "talk to a person", "not helpful"}) + "\n(bot) No problem, handing you over to the team.")
	default:
		fmt.Fprintf(&b, "%s · Pathfinder\nHello! 😊 I'm the ParcelPath assistant. Type your question or choose an option below.\n\n", tick())
		for _, l := range lines {
			fmt.Fprintf(&b, "%s · %s\n%s\n\n", tick(), p.Name(), l)
		}
		fmt.Fprintf(&b, "%s · Pathfinder\nI couldn't find an answer to that. A member of the team will get back to you at %s.", tick(), p.Email)
	}
	return b.String()
}

func splitSentences(s string) []string {
	var out []string
	cur := ""
	for _, part := range strings.SplitAfter(s, ". ") {
		cur += part
		if len(cur) > 35 {
			out = append(out, strings.TrimSpace(cur))
			cur = ""
		}
	}
	if strings.TrimSpace(cur) != "" {
		out = append(out, strings.TrimSpace(cur))
	}
	if len(out) > 3 {
		out = []string{strings.Join(out[:len(out)-2], " "), out[len(out)-2], out[len(out)-1]}
	}
	return out
}

var topics = []string{"Labels & printing", "Rates", "Tracking & webhooks", "API", "Account & login", "Billing", "Addresses", "Other"}

func webBody(p *Person, text, topic string) string {
	if chance(0.5) {
		return fmt.Sprintf("Name: %s\nEmail: %s\nCompany: %s\nAccount ID: %s\nTopic: %s\n\nHow can we help?\n%s", p.Name(), p.Email, p.Org.Name, p.Org.Acct, topic, text)
	}
	return fmt.Sprintf("Full name: %s\nCompany name: %s\nPlatform: %s\nUrgency: %s\n\nDescription:\n%s\n\n---\nSubmitted via parcelpath.io/contact", p.Name(), p.Org.Name, p.Org.Platform, pick([]string{"Low", "Normal", "High", "Urgent", "Normal"}), text)
}

var pages = []string{"/shipments", "/shipments/batch", "/labels", "/rates/compare", "/settings/api-keys", "/settings/webhooks", "/billing/wallet", "/returns", "/pickups", "/addresses/book", "/integrations", "/login"}

func apiBody(p *Person, text, page string) string {
	if page == "" {
		page = pick(pages)
	}
	ua := pick([]string{"Chrome 130.0 / macOS 14.6", "Firefox 132.0 / Windows 11", "Edge 130.0 / Windows 10", "Safari 18.1 / macOS 15.1", "Chrome 129.0 / ChromeOS"})
	return fmt.Sprintf("%s\n\n— Sent with “Report a problem” —\nPage: app.parcelpath.io%s\nAccount: %s (%s plan)\nUser: %s\nBrowser: %s", text, page, p.Org.Acct, p.Org.Plan, p.Email, ua)
}

var earlierReplies = text[[]string]("earlierReplies")

func quoted(text string, style int, t time.Time, subj string) string {
	prev := pick(earlierReplies)
	pt := t.Add(-time.Duration(between(20, 400)) * time.Hour)
	var q []string
	for _, l := range strings.Split(prev, "\n") {
		q = append(q, "> "+l)
	}
	switch style {
	case 0:
		return fmt.Sprintf("%s\n\nOn %s, ParcelPath Support <support@parcelpath.io> wrote:\n%s", text, pt.Format("Mon, 2 Jan 2006 at 15:04"), strings.Join(q, "\n"))
	case 1:
		return fmt.Sprintf("%s\n\n-----Original Message-----\nFrom: ParcelPath Support <support@parcelpath.io>\nSent: %s\nTo: %s\nSubject: %s\n\n%s", text, pt.Format("Monday, January 2, 2006 3:04 PM"), "you", subj, prev)
	default:
		return fmt.Sprintf("%s\n\n> On %s, at %s, ParcelPath Support <support@parcelpath.io> wrote:\n> \n%s", text, pt.Format("2 Jan 2006"), pt.Format("15:04"), strings.Join(q, "\n"))
	}
}

func htmlize(s string) string {
	s = strings.ReplaceAll(s, "&", "&amp;")
	s = strings.ReplaceAll(s, "'", "&#39;")
	s = strings.ReplaceAll(s, "<", "&lt;")
	s = strings.ReplaceAll(s, ">", "&gt;")
	paras := strings.Split(s, "\n\n")
	var b strings.Builder
	if chance(0.5) {
		b.WriteString(`<div dir="ltr">`)
		for _, p := range paras {
			b.WriteString("<div>" + strings.ReplaceAll(p, "\n", "<br>") + "</div><div><br></div>")
		}
		b.WriteString("</div>")
	} else {
		b.WriteString(`<html><body style="font-family:Calibri,sans-serif;font-size:11pt">`)
		for _, p := range paras {
			b.WriteString("<p>" + strings.ReplaceAll(strings.ReplaceAll(p, "\n", "<br>\n"), "  ", "&nbsp; ") + "</p>\n")
		}
		b.WriteString("</body></html>")
	}
	return b.String()
}

func typos(s string) string {
	w := strings.Split(s, " ")
	n := between(1, 3)
	for k := 0; k < n; k++ {
		i := rng.IntN(len(w))
		r := []rune(w[i])
		if len(r) < 5 {
			continue
		}
		j := 1 + rng.IntN(len(r)-3)
		if chance(0.5) {
			r[j], r[j+1] = r[j+1], r[j]
		} else {
			r = append(r[:j], r[j+1:]...)
		}
		w[i] = string(r)
	}
	return strings.Join(w, " ")
}

var rambles = text[[]string]("rambles")

func ramble(core string) string {
	r := rng.Perm(len(rambles))
	return rambles[r[0]] + "\n\n" + rambles[r[1]] + "\n\n" + core + "\n\n" + rambles[r[2]] + "\n\n" + rambles[r[3]] + "\n\n" + rambles[r[4]]
}

type dressOpt struct {
	srcW     [4]float64 // email, web, chat, api
	topic    string
	page     string
	angryP   float64
	noSubjP  float64
	onlySubj float64
	longP    float64
	forward  string // optional forwarded shopper email
	foreign  bool   // the text carries its own greeting and closing
}

var defaultDress = dressOpt{srcW: [4]float64{0.5, 0.2, 0.18, 0.12}, topic: "Other", angryP: 0.02, noSubjP: 0.05, onlySubj: 0.03, longP: 0.016}

// dress turns what the customer wrote into a ticket as the helpdesk would receive it.
func dress(p *Person, t time.Time, subj, text, label string, o dressOpt) Ticket {
	tk := Ticket{at: t, Ticket: weekgen.Ticket{CustomerEmail: p.Email, CustomerName: p.Name(), Org: p.Org.Name, Label: label}}
	u := rng.Float64()
	src := "email"
	acc := 0.0
	for i, w := range o.srcW {
		acc += w
		if u < acc {
			src = []string{"email", "web", "chat", "api"}[i]
			break
		}
	}
	if o.forward != "" {
		src = "email"
	}
	if chance(o.longP) {
		text = ramble(text)
	}
	if chance(0.14) {
		text = typos(text)
	}
	if chance(0.07) {
		text = strings.ToLower(text)
		text = strings.TrimRight(text, ".")
	}
	angry := chance(o.angryP)
	if angry {
		text = strings.ToUpper(text) + pick([]string{"!!!", "!!", " ??!", "!!!!! 😡", "."})
		subj = strings.ToUpper(subj)
	}
	tk.Source = src
	switch src {
	case "chat":
		tk.Body = chatBody(p, t, splitSentences(text))
		if chance(0.6) {
			tk.Subject = pick([]string{"Chat with " + p.Name(), "New conversation from " + p.First, "Live chat", "Chat transcript"})
			if chance(0.4) {
				tk.Subject = subj
			}
		}
		return tk
	case "web":
		tk.Subject = subj
		tk.Body = webBody(p, text, o.topic)
		return tk
	case "api":
		tk.Subject = "[In-app] " + subj
		tk.Body = apiBody(p, text, o.page)
		return tk
	}
	// email
	tk.Subject = subj
	g := pick(greetings)
	body := text
	if o.foreign {
		g = ""
	}
	if g != "" {
		body = g + "\n\n" + body
	}
	if s := pick(signoffs); s != "" && !angry && !o.foreign {
		body += "\n\n" + s
	}
	body += "\n" + signature(p)
	if o.forward != "" {
		body += "\n\n" + o.forward
		if chance(0.5) {
			tk.Subject = "Fwd: " + subj
		}
	} else if chance(0.12) {
		st := rng.IntN(3)
		body = quoted(body, st, t, subj)
		tk.Subject = []string{"Re: ", "RE: ", "Re: "}[st] + subj
	}
	if chance(0.09) {
		body = htmlize(body)
	}
	tk.Body = body
	if chance(o.noSubjP) {
		tk.Subject = ""
	} else if chance(o.onlySubj) {
		tk.Body = ""
	}
	return tk
}

func forwardOf(shopper, shopperEmail, shopSubj, text string, t time.Time) string {
	st := t.Add(-time.Duration(between(10, 300)) * time.Minute)
	if chance(0.5) {
		return fmt.Sprintf("---------- Forwarded message ---------\nFrom: %s <%s>\nDate: %s\nSubject: %s\nTo: orders@ourshop\n\n%s", shopper, shopperEmail, st.Format("Mon, Jan 2, 2006 at 3:04 PM"), shopSubj, text)
	}
	return fmt.Sprintf("Begin forwarded message:\n\nFrom: %s <%s>\nSubject: %s\nDate: %s\n\n%s", shopper, shopperEmail, shopSubj, st.Format("2 January 2006 at 15:04:05 GMT"), text)
}

// ---------------------------------------------------------------- timing

// hourly weights of the everyday desk (UTC): Europe in the morning, North America into the evening.
var hourW = []float64{0.5, 0.35, 0.25, 0.2, 0.2, 0.3, 0.6, 1.4, 2.6, 3.4, 3.6, 3.4, 3.1, 3.3, 3.8, 4.0, 3.7, 3.1, 2.6, 2.1, 1.7, 1.3, 0.9, 0.7}

func dayTime(day int) time.Time {
	h := weekgen.Weighted(rng, hourW)
	return at(day, h, 0).Add(time.Duration(rng.IntN(3600)) * time.Second)
}

type pt struct{ min, w float64 }

// curveTimes draws n times from a piecewise-linear rate curve starting at start.
func curveTimes(start time.Time, n int, curve []pt) []time.Time {
	maxW := 0.0
	for _, c := range curve {
		maxW = math.Max(maxW, c.w)
	}
	end := curve[len(curve)-1].min
	rate := func(m float64) float64 {
		for i := 1; i < len(curve); i++ {
			if m <= curve[i].min {
				a, b := curve[i-1], curve[i]
				return a.w + (b.w-a.w)*(m-a.min)/(b.min-a.min)
			}
		}
		return 0
	}
	var out []time.Time
	out = append(out, start)
	for len(out) < n {
		m := rng.Float64() * end
		if rng.Float64()*maxW < rate(m) {
			out = append(out, start.Add(time.Duration(m*60)*time.Second+time.Duration(rng.IntN(60))*time.Second))
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Before(out[j]) })
	return out
}

// ---------------------------------------------------------------- incident content

type foreign struct{ Lang, Subj, Text string }

type symptom struct {
	Subjects, Cores, Details, Asks *bag
	Topic, Page                    string
	Foreign                        []foreign
	Shopper                        []foreign // forwarded shopper emails: subj, text (lang unused)
}

func (s *symptom) compose() (string, string) {
	parts := []string{s.Cores.next()}
	if chance(0.65) {
		parts = append(parts, s.Details.next())
	}
	if chance(0.55) {
		parts = append(parts, s.Asks.next())
	}
	sep := pick([]string{" ", " ", "\n\n", "\n"})
	return s.Subjects.next(), strings.Join(parts, sep)
}

var asksUrgent = text[[]string]("asksUrgent")

// Monday: StackHaven object storage degraded, label documents can't be fetched.
var symLabels = text[*symptom]("symLabels")

// Tuesday: FerroKey (identity) errors. Two symptoms: dashboard sign-in and API key authentication.
var symLogin = text[*symptom]("symLogin")

var symAPIAuth = text[*symptom]("symAPIAuth")

// Wednesday: HookRelay delivery backlog, ParcelPath's outgoing webhooks (tracking events) are late.
var symWebhooks = text[*symptom]("symWebhooks")

// Thursday: CarrierLink rate quotes time out; checkout shows no shipping options.
var symRates = text[*symptom]("symRates")

// Friday: ParcelPath's own release drops address line 2 on labels. No provider.
var symAddr = text[*symptom]("symAddr")

// Saturday: CarrierLink applies wrong surcharges; rate quotes come back far too high.
var symRatesHigh = text[*symptom]("symRatesHigh")

var followups = text[[]string]("followups")

// ---------------------------------------------------------------- background

type topic struct {
	Feature  string // for relabelling: a background ticket on an incident's feature inside its window is a look-alike
	Subjects []string
	Texts    []string
	Form     string
}

var bgTopics = text[[]topic]("bgTopics")

var bgOpeners = text[*bag]("bgOpeners")

var bgExtras = text[*bag]("bgExtras")

var bgForeign = text[[]foreign]("bgForeign")

func autoReply(p *Person, t time.Time) Ticket {
	var subj, body string
	back := t.Add(time.Duration(between(2, 10)) * 24 * time.Hour).Format("2 January")
	switch p.Org.Lang {
	case "de":
		subj = "Automatische Antwort: Ihre Anfrage bei ParcelPath"
		body = "Vielen Dank für Ihre Nachricht. Ich bin bis einschließlich " + back + " nicht im Büro und habe keinen Zugriff auf meine E-Mails. In dringenden Fällen wenden Sie sich bitte an info@" + p.Org.Domain + ".\n\nMit freundlichen Grüßen\n" + p.Name()
	case "fr":
		subj = "Réponse automatique : ParcelPath Support"
		body = "Bonjour, je suis absent(e) jusqu'au " + back + " inclus. Pour toute urgence, merci d'écrire à contact@" + p.Org.Domain + ".\n\nCordialement,\n" + p.Name()
	case "nl":
		subj = "Automatisch antwoord: Re: uw ticket"
		body = "Bedankt voor je bericht. Ik ben afwezig tot " + back + ". Voor dringende zaken: support@" + p.Org.Domain + "."
	default:
		subj = pick([]string{"Out of Office: Re: Your ParcelPath request", "Automatic reply: ParcelPath Support", "OOO until " + back, "Auto: Re: [ParcelPath] your ticket has been updated"})
		body = pick([]string{
			"Thank you for your email. I'm out of the office until " + back + " with limited access to email. For urgent shipping questions please contact ops@" + p.Org.Domain + ".",
			"Hi, I'm currently on annual leave and will be back on " + back + ". Your message will not be forwarded.",
			"This is an automatic reply. We have received your message and will respond within 2 business days.\n\n" + p.Org.Name + " Customer Care",
		})
	}
	return Ticket{at: t, Ticket: weekgen.Ticket{Subject: subj, Body: body, Source: "email", CustomerEmail: p.Email, CustomerName: p.Name(), Org: p.Org.Name, Label: "background"}}
}

func bounce(p *Person, t time.Time) Ticket {
	bad := "shipping@" + strings.Replace(p.Org.Domain, ".", "-old.", 1)
	switch rng.IntN(3) {
	case 0:
		return Ticket{at: t, Ticket: weekgen.Ticket{Subject: "Delivery Status Notification (Failure)", Body: "** Address not found **\n\nYour message wasn't delivered to " + bad + " because the address couldn't be found, or is unable to receive mail.\n\nThe response from the remote server was:\n550 5.1.1 The email account that you tried to reach does not exist.", Source: "email", CustomerEmail: "mailer-daemon@googlemail.com", CustomerName: "Mail Delivery Subsystem", Org: "", Label: "background"}}
	case 1:
		return Ticket{at: t, Ticket: weekgen.Ticket{Subject: "Undeliverable: Your ParcelPath ticket has been updated", Body: "Delivery has failed to these recipients or groups:\n\n" + bad + "\nThe email address you entered couldn't be found. Please check the recipient's email address and try to resend the message.\n\nDiagnostic information for administrators:\nRemote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'", Source: "email", CustomerEmail: "postmaster@" + p.Org.Domain, CustomerName: "Microsoft Outlook", Org: p.Org.Name, Label: "background"}}
	}
	return Ticket{at: t, Ticket: weekgen.Ticket{Subject: "Mail delivery failed: returning message to sender", Body: "This message was created automatically by mail delivery software.\n\nA message that you sent could not be delivered to one or more of its recipients. This is a permanent error. The following address(es) failed:\n\n  " + bad + "\n    host mx." + p.Org.Domain + " [203.0.113.24]\n    SMTP error from remote mail server after RCPT TO:<" + bad + ">:\n    550 No such user here", Source: "email", CustomerEmail: "mailer-daemon@mx.parcelpath.io", CustomerName: "Mail Delivery System", Org: "", Label: "background"}}
}

// ---------------------------------------------------------------- hard negatives and look-alikes

type indiv struct {
	Feature string
	Subj    []string
	Texts   []string
	Form    string
}

var hardNeg = text[[]indiv]("hardNeg")

var hardNegForeign = text[[]foreign]("hardNegForeign")

// look-alikes: same feature as an incident, inside its window, different problem.
var lookAlikes = text[map[string][]indiv]("lookAlikes")

// ---------------------------------------------------------------- building the week

var tickets []Ticket

type window struct {
	label, feature1, feature2 string
	a, b                      time.Time
}

var windows []window

func (w window) has(f string) bool { return f == w.feature1 || f == w.feature2 }

type incDef struct {
	label  string
	start  time.Time
	n      int
	curve  []pt
	syms   []*symptom
	symW   []float64
	follow int
	src    [4]float64
	angry  float64
	f1, f2 string
}

func buildIncident(d incDef, times []time.Time) {
	o := defaultDress
	o.srcW = d.src
	o.angryP = d.angry
	var first []Ticket
	foreignLeft := map[*symptom][]foreign{}
	for _, s := range d.syms {
		foreignLeft[s] = append([]foreign(nil), s.Foreign...)
	}
	nf := 0
	for _, s := range d.syms {
		nf += len(s.Foreign)
	}
	for _, t := range times {
		s := d.syms[0]
		if len(d.syms) > 1 {
			u := rng.Float64()
			for i, w := range d.symW {
				if u < w {
					s = d.syms[i]
					break
				}
				u -= w
			}
		}
		oo := o
		oo.topic, oo.page = s.Topic, s.Page
		if fl := foreignLeft[s]; len(fl) > 0 && chance(float64(nf)/float64(d.n)*1.6) {
			f := fl[0]
			foreignLeft[s] = fl[1:]
			p := somebodyLang(f.Lang)
			oo.srcW = [4]float64{0.7, 0.2, 0.1, 0}
			oo.angryP = 0
			oo.foreign = true
			first = append(first, dress(p, t, f.Subj, f.Text, d.label, oo))
			continue
		}
		subj, text := s.compose()
		p := somebody()
		if len(s.Shopper) > 0 && chance(0.14) {
			sh := pick(s.Shopper)
			oo.forward = forwardOf(pick(firstNames)+" "+pick(lastNames), slug(pick(firstNames))+fmt.Sprint(between(1, 99))+"@"+pick([]string{"gmail.com", "yahoo.com", "outlook.com", "web.de", "icloud.com"}), sh.Subj, sh.Text, t)
			text = pick([]string{"See below from one of our customers.", "Another one of these.", "Forwarding, this is the third customer today.", "FYI"}) + " " + text
		}
		first = append(first, dress(p, t, subj, text, d.label, oo))
	}
	tickets = append(tickets, first...)
	// follow-ups from people who already wrote
	end := times[len(times)-1]
	for k := 0; k < d.follow; k++ {
		src := first[between(0, len(first)*2/3)]
		if src.CustomerEmail == "" || strings.HasPrefix(src.Subject, "Re") {
			continue
		}
		t := src.at.Add(time.Duration(between(12, 55)) * time.Minute)
		if t.After(end) {
			t = end.Add(-time.Duration(between(1, 10)) * time.Minute)
		}
		body := pick(followups)
		if chance(0.3) {
			body += " " + pick([]string{"We're losing a lot of orders here.", "My boss is asking me every 5 minutes.", "Please reply.", "Thanks."})
		}
		subj := src.Subject
		if subj == "" {
			subj = "my earlier ticket"
		}
		ft := Ticket{at: t, Ticket: weekgen.Ticket{Subject: "Re: " + subj, Body: body, Source: "email", CustomerEmail: src.CustomerEmail, CustomerName: src.CustomerName, Org: src.Org, Label: d.label}}
		if chance(0.3) {
			ft.Body = quoted(body, rng.IntN(3), t, subj)
		}
		if chance(0.15) {
			ft.Subject = ""
		}
		tickets = append(tickets, ft)
	}
	windows = append(windows, window{d.label, d.f1, d.f2, times[0], end})
}

func inWindow(label string) window {
	for _, w := range windows {
		if w.label == label {
			return w
		}
	}
	panic(label)
}

func randIn(a, b time.Time) time.Time {
	return a.Add(time.Duration(rng.Int64N(int64(b.Sub(a)))))
}

func addIndiv(it indiv, t time.Time, label string) {
	o := defaultDress
	o.topic = it.Form
	o.longP = 0.02
	tickets = append(tickets, dress(somebody(), t, pick(it.Subj), pick(it.Texts), label, o))
}

func buildBackground(day, n int) {
	o := defaultDress
	foreignBag := bgForeign
	for k := 0; k < n; k++ {
		t := dayTime(day)
		p := somebody()
		switch {
		case chance(0.045):
			tickets = append(tickets, autoReply(p, t))
			continue
		case chance(0.02):
			tickets = append(tickets, bounce(p, t))
			continue
		case chance(0.025):
			f := pick(foreignBag)
			pp := somebodyLang(f.Lang)
			of := o
			of.foreign = true
			tickets = append(tickets, dress(pp, t, f.Subj, f.Text, "background", of))
			continue
		}
		tp := pick(bgTopics)
		// the wallet/billing provider's maintenance window (Wed 00:30–03:30) has no billing tickets
		if tp.Feature == "billing" && day == 2 && t.After(at(2, 0, 30)) && t.Before(at(2, 3, 30)) {
			k--
			continue
		}
		label := "background"
		for _, w := range windows {
			if w.has(tp.Feature) && !t.Before(w.a) && !t.After(w.b) {
				label = "look-alike"
			}
		}
		oo := o
		oo.topic = tp.Form
		text := pick(tp.Texts)
		if chance(0.3) {
			text = bgOpeners.next() + text
		}
		if chance(0.4) {
			text += pick([]string{" ", "\n\n"}) + bgExtras.next()
		}
		tickets = append(tickets, dress(p, t, pick(tp.Subjects), text, label, oo))
	}
}

// ---------------------------------------------------------------- providers

var updates []weekgen.Update

func up(provider, id, title, kind, label string, comps []string, seq int, status, impact string, t time.Time, body string) {
	updates = append(updates, weekgen.Update{Provider: provider, ProviderIncidentID: id, UpdateID: fmt.Sprintf("%s-u%d", id, seq), Status: status, Impact: impact,
		At: t.Format(time.RFC3339), Title: title, Body: body, Kind: kind, Components: comps, Label: label})
}

func buildUpdates() {
	{
		id, ti, c, l := "shv-inc-20261102-eu1", "Elevated error rates for object storage downloads (eu-central)", []string{"Object Storage (eu-central)", "Signed URLs"}, "inc-label-downloads"
		up("stackhaven", id, ti, "incident", l, c, 1, "investigating", "major", at(0, 12, 20), "We are investigating elevated 503 error rates for GET requests to object storage buckets in eu-central. Uploads are succeeding. Some downloads and signed-URL requests are failing or timing out.")
		up("stackhaven", id, ti, "incident", l, c, 2, "identified", "major", at(0, 13, 5), "The issue has been identified as an overloaded metadata tier following a capacity rebalancing operation. We are shedding background load and adding capacity. Objects are not at risk.")
		up("stackhaven", id, ti, "incident", l, c, 3, "monitoring", "minor", at(0, 14, 30), "Additional capacity is in place and GET error rates have returned to baseline. We are monitoring the recovery.")
		up("stackhaven", id, ti, "incident", l, c, 4, "resolved", "none", at(0, 15, 10), "This incident has been resolved. A post-incident review will be published within 5 business days.")
	}
	{
		id, ti, c := "cv-maint-0931", "Scheduled maintenance: payments ledger database upgrade", []string{"Payments API", "Ledger"}
		up("coinvault", id, ti, "maintenance", "", c, 1, "scheduled", "maintenance", at(0, 17, 0), "On Wednesday 4 November between 01:00 and 03:30 UTC we will upgrade the ledger database. Card authorisations continue to work; payouts and balance reports may be delayed by up to 30 minutes during the window.")
		up("coinvault", id, ti, "maintenance", "", c, 2, "in_progress", "maintenance", at(2, 1, 0), "Scheduled maintenance is in progress. We will provide updates as necessary.")
		up("coinvault", id, ti, "maintenance", "", c, 3, "verifying", "maintenance", at(2, 2, 40), "The upgrade is complete and we are verifying ledger consistency.")
		up("coinvault", id, ti, "maintenance", "", c, 4, "completed", "maintenance", at(2, 3, 5), "The scheduled maintenance has been completed.")
	}
	{
		id, ti, c, l := "FK-INC-4471", "Authentication API errors", []string{"Hosted Login", "Token API", "SSO Connections"}, "inc-auth-outage"
		up("ferrokey", id, ti, "incident", l, c, 1, "investigating", "major", at(1, 14, 22), "We are investigating elevated error rates on hosted login and the token endpoint. End users may be unable to sign in and machine-to-machine token requests may fail with 401 or 503.")
		up("ferrokey", id, ti, "incident", l, c, 2, "identified", "critical", at(1, 14, 50), "We have identified a faulty signing-key rotation in two regions that causes newly issued tokens to fail validation. We are rolling back the rotation.")
		up("ferrokey", id, ti, "incident", l, c, 3, "monitoring", "minor", at(1, 16, 0), "The rollback has completed in all regions and login and token success rates have recovered. Users who were signed out will need to sign in again. We are monitoring.")
		up("ferrokey", id, ti, "incident", l, c, 4, "resolved", "none", at(1, 16, 45), "This incident is resolved. Between 14:06 and 15:52 UTC a portion of logins and token requests failed.")
	}
	{
		id, ti, c, l := "hr-inc-77c1", "Delayed webhook deliveries", []string{"Delivery Workers (EU)", "Delivery Workers (US)"}, "inc-webhooks-delayed"
		up("hookrelay", id, ti, "incident", l, c, 1, "investigating", "major", at(2, 9, 40), "We are investigating delays in webhook delivery. Events are being accepted and queued but delivery attempts are not being made for a large share of endpoints.")
		up("hookrelay", id, ti, "incident", l, c, 2, "identified", "major", at(2, 10, 20), "A deadlock in the delivery scheduler stopped attempts for queued events. A fix is being deployed.")
		up("hookrelay", id, ti, "incident", l, c, 3, "monitoring", "minor", at(2, 11, 15), "The fix is deployed and delivery workers are processing the backlog. Receivers may see delayed, duplicated or out-of-order events over the next few hours. We are monitoring.")
		up("hookrelay", id, ti, "incident", l, c, 4, "monitoring", "minor", at(2, 12, 40), "Around 70% of the backlog has been delivered. New events are delivered in real time; older events continue to drain.")
		up("hookrelay", id, ti, "incident", l, c, 5, "resolved", "none", at(2, 13, 50), "The backlog has been fully processed and delivery latency is back to normal. This incident is resolved.")
	}
	{
		id, ti, c, l := "cl-2026-1105-a", "Rate quote timeouts for multiple carriers", []string{"Rating API", "UPS connector", "FedEx connector", "DHL connector"}, "inc-rates-timeout"
		up("carrierlink", id, ti, "incident", l, c, 1, "investigating", "minor", at(3, 13, 0), "We are investigating increased latency on the Rating API for some carrier connectors. Label purchase is not affected.")
		up("carrierlink", id, ti, "incident", l, c, 2, "identified", "major", at(3, 14, 35), "A degraded cache cluster is causing most rating requests to time out. We are failing over to a standby cluster.")
		up("carrierlink", id, ti, "incident", l, c, 3, "monitoring", "minor", at(3, 16, 10), "Failover is complete and rating latency is back to normal. We are monitoring.")
		up("carrierlink", id, ti, "incident", l, c, 4, "resolved", "none", at(3, 16, 50), "This incident has been resolved.")
	}
	{
		id, ti, c := "gm-inc-3390", "Elevated geocoding latency in ap-southeast-2", []string{"Geocoding API (ap-southeast-2)"}
		up("geomint", id, ti, "incident", "", c, 1, "investigating", "minor", at(4, 12, 10), "We are investigating elevated latency for geocoding and address verification requests served from ap-southeast-2. Other regions are not affected.")
		up("geomint", id, ti, "incident", "", c, 2, "identified", "minor", at(4, 12, 55), "A noisy neighbour on shared infrastructure in ap-southeast-2 has been identified and is being migrated.")
		up("geomint", id, ti, "incident", "", c, 3, "monitoring", "none", at(4, 13, 25), "Latency in ap-southeast-2 has returned to normal. Monitoring.")
		up("geomint", id, ti, "incident", "", c, 4, "resolved", "none", at(4, 13, 55), "Resolved.")
	}
	{
		id, ti, c, l := "cl-2026-1107-b", "Incorrect surcharges on rate quotes", []string{"Rating API", "Surcharge tables"}, "inc-rates-inflated"
		up("carrierlink", id, ti, "incident", l, c, 1, "investigating", "minor", at(5, 10, 5), "We are investigating reports that some rate quotes include unexpectedly high surcharges.")
		up("carrierlink", id, ti, "incident", l, c, 2, "identified", "major", at(5, 10, 50), "A surcharge table published on Friday at 17:00 UTC applied fuel and residential surcharges more than once for UPS, USPS and DPD quotes. We are reverting the table.")
		up("carrierlink", id, ti, "incident", l, c, 3, "monitoring", "minor", at(5, 12, 20), "The previous surcharge table is restored and quotes are correct again. Labels purchased at the inflated rate will be adjusted; details will follow.")
		up("carrierlink", id, ti, "incident", l, c, 4, "resolved", "none", at(5, 13, 30), "Resolved. Affected label purchases between Fri 17:00 and Sat 12:15 UTC will be re-rated automatically.")
	}
}

// ---------------------------------------------------------------- main

// text decodes the table name of texts.json: the week's ticket texts, which
// this generator only draws from and puts together.
func text[T any](name string) T { return weekgen.Table[T](textsFile, name) }

// textsFile is texts.json beside this file.
var textsFile = weekgen.TextsFile()

func main() {
	out := flag.String("out", ".", "folder to write tickets.jsonl and updates.jsonl into")
	seed := flag.Uint64("seed", 20261102, "random seed")
	flag.Parse()
	rng = rand.New(rand.NewPCG(*seed, 0x9a7c3e11))
	buildCustomers()

	incs := []incDef{
		{label: "inc-label-downloads", start: at(0, 12, 55), n: 60, follow: 5, syms: []*symptom{symLabels}, symW: []float64{1}, f1: "labels",
			curve: []pt{{0, 0.4}, {15, 1.2}, {40, 2.2}, {80, 2.0}, {100, 1.2}, {120, 0.4}, {128, 0.05}}, src: [4]float64{0.48, 0.18, 0.2, 0.14}, angry: 0.03},
		{label: "inc-auth-outage", start: at(1, 14, 10), n: 122, follow: 10, syms: []*symptom{symLogin, symAPIAuth}, symW: []float64{0.62, 0.38}, f1: "login", f2: "api_auth",
			curve: []pt{{0, 0.8}, {10, 3}, {30, 4.5}, {60, 4.5}, {95, 3}, {115, 1.5}, {130, 0.4}, {138, 0.05}}, src: [4]float64{0.45, 0.2, 0.25, 0.1}, angry: 0.05},
		{label: "inc-webhooks-delayed", start: at(2, 10, 5), n: 55, follow: 5, syms: []*symptom{symWebhooks}, symW: []float64{1}, f1: "webhooks",
			curve: []pt{{0, 0.3}, {30, 0.6}, {70, 1.0}, {80, 1.7}, {110, 2.5}, {140, 2.1}, {165, 0.8}, {190, 0.1}}, src: [4]float64{0.5, 0.2, 0.15, 0.15}, angry: 0.02},
		{label: "inc-rates-timeout", start: at(3, 14, 20), n: 46, follow: 4, syms: []*symptom{symRates}, symW: []float64{1}, f1: "rates",
			curve: []pt{{0, 0.6}, {15, 1.8}, {45, 2.2}, {80, 1.6}, {110, 0.8}, {128, 0.1}}, src: [4]float64{0.45, 0.2, 0.2, 0.15}, angry: 0.04},
		{label: "inc-rates-inflated", start: at(5, 9, 30), n: 26, follow: 2, syms: []*symptom{symRatesHigh}, symW: []float64{1}, f1: "rates",
			curve: []pt{{0, 0.5}, {40, 1}, {120, 1}, {180, 0.5}, {210, 0.1}}, src: [4]float64{0.55, 0.2, 0.15, 0.1}, angry: 0.02},
	}
	for _, d := range incs {
		buildIncident(d, curveTimes(d.start, d.n, d.curve))
	}
	// Friday: ParcelPath's own release drops address line 2 from labels; one report every 20–45 minutes.
	{
		var ts []time.Time
		t := at(4, 7, 40)
		for len(ts) < 25 {
			ts = append(ts, t)
			t = t.Add(time.Duration(between(20, 45))*time.Minute + time.Duration(rng.IntN(60))*time.Second)
		}
		d := incDef{label: "inc-address-line2", n: 25, syms: []*symptom{symAddr}, symW: []float64{1}, follow: 1, src: [4]float64{0.55, 0.2, 0.12, 0.13}, f1: "addresses"}
		buildIncident(d, ts)
	}
	sort.Slice(windows, func(i, j int) bool { return windows[i].a.Before(windows[j].a) })

	// look-alikes inside each incident's window
	for _, w := range windows {
		for _, it := range lookAlikes[w.label] {
			addIndiv(it, randIn(w.a, w.b), "look-alike")
		}
	}
	// hard negatives: many inside incident windows, the rest through the week
	inWin := map[string]int{"inc-label-downloads": 7, "inc-auth-outage": 18, "inc-webhooks-delayed": 6, "inc-rates-timeout": 5, "inc-address-line2": 4, "inc-rates-inflated": 3}
	for _, w := range windows {
		var near, other []indiv
		for _, h := range hardNeg {
			if w.has(h.Feature) {
				near = append(near, h)
			} else {
				other = append(other, h)
			}
		}
		for k := 0; k < inWin[w.label]; k++ {
			h := pick(other)
			if len(near) > 0 && chance(0.75) {
				h = pick(near)
			}
			addIndiv(h, randIn(w.a, w.b), "hard-negative")
		}
	}
	for k := 0; k < 36; k++ {
		addIndiv(pick(hardNeg), dayTime(rng.IntN(7)), "hard-negative")
	}
	for _, f := range hardNegForeign {
		o := defaultDress
		o.srcW = [4]float64{0.8, 0.2, 0, 0}
		o.foreign = true
		tickets = append(tickets, dress(somebodyLang(f.Lang), dayTime(rng.IntN(6)), f.Subj, f.Text, "hard-negative", o))
	}
	for day, n := range []int{72, 70, 68, 66, 62, 34, 30} {
		buildBackground(day, n)
	}
	buildUpdates()

	sort.SliceStable(tickets, func(i, j int) bool { return tickets[i].at.Before(tickets[j].at) })
	for i := range tickets {
		tickets[i].ID = fmt.Sprintf("PP-%d", 30500+i)
		tickets[i].ReceivedAt = tickets[i].at.Format(time.RFC3339)
	}
	// json.Marshal's spelling: <, > and & escaped.
	weekgen.Must(weekgen.WriteWeek(*out, tickets, updates, weekgen.Format{EscapeHTML: true}))

	// summary for the README
	count := map[string]int{}
	perDay := make([]int, 7)
	for _, t := range tickets {
		count[t.Label]++
		perDay[int(t.at.Sub(week0).Hours()/24)]++
	}
	weekgen.PrintCounts(os.Stdout, count)
	fmt.Printf("per day: %v\n", perDay)
	for _, w := range windows {
		fmt.Printf("%-24s %s .. %s\n", w.label, w.a.Format("Mon 15:04"), w.b.Format("Mon 15:04"))
	}
}

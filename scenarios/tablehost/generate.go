//go:build ignore

// generate.go writes the TableHost scenario: one invented week (Mon 7 Dec –
// Sun 13 Dec 2026) at the support desk of TableHost, a SaaS for restaurants:
// an online reservations widget, a host-stand tablet app, staff sign-in (SSO
// through an identity provider, PIN on the tablet), guest SMS confirmations
// and waitlist texts, deposits and no-show fees, a POS integration, menu and
// photo hosting, and email marketing.
//
//	cd scenarios/tablehost && go run generate.go
//
// Standard library and scenarios/internal/weekgen only; the seed is fixed, so
// reruns give identical bytes.
package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"stormdesk/scenarios/internal/weekgen"
)

var r = rand.New(rand.NewPCG(20261207, 4242))

var week0 = time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC) // Monday

func at(day, h, m int) time.Time { return weekgen.At(week0, day, h, m) }

func pick[T any](xs []T) T { return weekgen.Pick(r, xs) }

func chance(p float64) bool { return weekgen.Chance(r, p) }

// ---------- customers ----------

type Cust struct{ Name, Email, Org, Role string }

type orgDef struct {
	name, domain string
	people       []string
}

var orgs = []orgDef{
	{"Osteria Lupo Group", "osterialupo.com", []string{"Giulia Ferri|manager", "Marco Bellandi|owner", "Tess Harlow|host", "Dario Conti|chef"}},
	{"The Copper Ladle", "copperladle.co.uk", []string{"Hannah Briggs|manager", "Owen Pike|host", "Ruth Calloway|owner"}},
	{"Saffron & Salt", "saffronandsalt.com", []string{"Priya Raman|owner", "Kunal Shah|manager", "Mia Okafor|host"}},
	{"Brasserie Fontaine", "brasseriefontaine.fr", []string{"Claire Dubois|manager", "Julien Marchand|owner", "Inès Roy|host"}},
	{"Harbour Oyster Bar", "harbouroyster.ie", []string{"Declan Foley|owner", "Aoife Brennan|manager", "Sean Kiely|host"}},
	{"Nudelwerk Berlin", "nudelwerk.de", []string{"Jonas Krüger|manager", "Lea Hoffmann|host", "Stefan Albrecht|owner"}},
	{"Casa Marisol", "casamarisol.es", []string{"Lucía Navarro|owner", "Pablo Ortega|manager"}},
	{"Ember & Oak Steakhouse", "emberandoak.com", []string{"Derek Walsh|GM", "Kayla Jennings|host", "Tom Reyes|chef", "Nina Volkov|FOH manager"}},
	{"Little Fig Café", "littlefig.cafe", []string{"Sophie Lang|owner"}},
	{"Kamikaze Ramen Co", "kamikazeramen.com", []string{"Ken Watanabe|ops manager", "Ally Chen|host", "Brianna Moss|manager"}},
	{"The Gilded Pheasant", "gildedpheasant.co.uk", []string{"Edward Finch|owner", "Lottie Grey|reservations"}},
	{"Verde Kitchen", "verdekitchen.com", []string{"Ana Souza|manager", "Luke Barton|host"}},
	{"Bistro Nord", "bistronord.dk", []string{"Mette Larsen|manager", "Anders Holm|owner"}},
	{"Pinewood Tavern", "pinewoodtavern.com", []string{"Jake Morrow|owner", "Cassie Lund|host"}},
	{"Trattoria da Enzo", "trattoriadaenzo.it", []string{"Enzo Romano|owner", "Chiara Galli|manager"}},
	{"Blue Door Dining Group", "bluedoordining.com", []string{"Rachel Stein|director of ops", "Marcus Hale|IT", "Jen Ortiz|manager", "Phil Duarte|host", "Amara Diallo|manager"}},
	{"Smokestack BBQ", "smokestackbbq.com", []string{"Bubba Greene|owner", "Tara Nguyen|manager"}},
	{"Maison Lumière", "maisonlumiere.be", []string{"Élodie Peeters|manager", "Hugo Janssens|host"}},
	{"The Rusty Anchor", "rustyanchorpub.com", []string{"Gary Doyle|landlord", "Bex Turner|host"}},
	{"Sakura Garden", "sakuragarden.net", []string{"Yuki Tanaka|manager", "Ben Ito|owner"}},
	{"Olive & Vine", "oliveandvine.co", []string{"Helena Markou|owner", "Nick Pappas|host", "Zoe Kyriakou|manager"}},
	{"Fable Restaurant", "fablerestaurant.com", []string{"Grace Whitfield|GM", "Andre Lyons|sous chef"}},
	{"Mercado 22", "mercado22.mx", []string{"Diego Ramírez|gerente", "Valeria Cruz|host"}},
	{"Wildflower Bistro", "wildflowerbistro.com", []string{"Emma Rhodes|owner", "Sam Patel|manager"}},
	{"Northside Diner", "northsidediner.com", []string{"Lou Mancini|owner"}},
	{"Gasthaus zur Linde", "gasthaus-linde.at", []string{"Franz Huber|Wirt", "Katrin Moser|Service"}},
	{"Table Nine", "tablenine.nyc", []string{"Olivia Brandt|GM", "Chris Yoon|host", "Dana Feld|events"}},
	{"The Spice Route", "spiceroute.co.uk", []string{"Arjun Mehta|manager", "Farah Qureshi|host"}},
	{"Harvest Moon Group", "harvestmoongroup.com", []string{"Paul Kessler|COO", "Lindsey Park|manager", "Jordan Black|host", "Renee Fox|manager"}},
	{"Bodega Sur", "bodegasur.es", []string{"Marta Gil|encargada", "Iker Sanz|host"}},
	{"Pho Real", "phoreal.com", []string{"Linh Tran|owner", "Hieu Pham|host"}},
	{"Chez Margaux", "chezmargaux.fr", []string{"Margaux Petit|propriétaire", "Lucas Bernard|chef de rang"}},
	{"Granite & Grain", "graniteandgrain.com", []string{"Will Harper|manager", "Jess Dunn|host"}},
	{"Lemon Tree Kitchen", "lemontreekitchen.com.au", []string{"Chloe Nash|owner", "Ravi Singh|manager"}},
	{"Atlas Hotel Restaurants", "atlashotels.com", []string{"Victoria Ames|F&B director", "Tomás Ruiz|outlet manager", "Ivy Cole|host"}},
}

var freeMail = []string{"gmail.com", "outlook.com", "yahoo.com", "icloud.com", "hotmail.co.uk"}

func cust() Cust {
	o := pick(orgs)
	p := strings.Split(pick(o.people), "|")
	name := p[0]
	first := strings.ToLower(strings.Split(name, " ")[0])
	last := strings.ToLower(strings.Split(name, " ")[1])
	first = deaccent(first)
	last = deaccent(last)
	var email string
	switch r.IntN(6) {
	case 0:
		email = first + "." + last + "@" + pick(freeMail)
	case 1:
		email = first[:1] + last + "@" + o.domain
	default:
		email = first + "@" + o.domain
	}
	return Cust{name, email, o.name, p[1]}
}

// custFor picks the writer a text names (signature or restaurant), else anyone.
func custFor(text string) Cust {
	tail := text
	if len(tail) > 80 {
		tail = tail[len(tail)-80:]
	}
	for pass := 0; pass < 3; pass++ {
		for _, o := range orgs {
			for _, pp := range o.people {
				name := strings.Split(pp, "|")[0]
				fn := strings.Split(name, " ")[0]
				hit := false
				switch pass {
				case 0:
					hit = strings.Contains(text, name)
				case 1:
					hit = strings.Contains(text, o.name) || strings.Contains(text, o.domain)
				case 2:
					hit = strings.Contains(tail, fn)
				}
				if hit {
					return custOf(o, pp)
				}
			}
		}
	}
	return cust()
}

func custOf(o orgDef, person string) Cust {
	p := strings.Split(person, "|")
	f := deaccent(strings.ToLower(strings.Split(p[0], " ")[0]))
	return Cust{p[0], f + "@" + o.domain, o.name, p[1]}
}

func deaccent(s string) string {
	rep := strings.NewReplacer("é", "e", "è", "e", "ü", "ue", "ö", "oe", "í", "i", "á", "a", "ó", "o", "ñ", "n", "ç", "c", "É", "E", "ä", "ae")
	return rep.Replace(s)
}

func first(c Cust) string { return strings.Split(c.Name, " ")[0] }

// ---------- style transforms ----------

func typo(s string, p float64) string {
	words := strings.Split(s, " ")
	for i, w := range words {
		if len(w) > 4 && chance(p) && !strings.ContainsAny(w, "@/:") {
			b := []rune(w)
			j := 1 + r.IntN(len(b)-2)
			switch r.IntN(3) {
			case 0:
				b[j], b[j+1] = b[j+1], b[j]
			case 1:
				b = append(b[:j], b[j+1:]...)
			default:
				b = append(b[:j+1], b[j:]...)
			}
			words[i] = string(b)
		}
	}
	return strings.Join(words, " ")
}

func sloppy(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer(".", "", ",", "", "'", "", "!", "", "?", "").Replace(s)
	return typo(s, 0.08)
}

func sig(c Cust) string {
	switch r.IntN(7) {
	case 0:
		return "\n\n" + c.Name + "\n" + c.Role + ", " + c.Org
	case 1:
		return "\n\nThanks,\n" + first(c)
	case 2:
		return "\n\n-- \n" + c.Name + " | " + strings.Title(c.Role) + "\n" + c.Org + "\nT: +44 20 7" + fmt.Sprintf("%03d %04d", r.IntN(1000), r.IntN(10000)) + "\n\nThis email and any attachments are confidential and intended solely for the addressee."
	case 3:
		return "\n\nSent from my iPhone"
	case 4:
		return "\n\n" + first(c) + "\n" + c.Org
	case 5:
		return ""
	default:
		return "\n\nCheers\n" + first(c) + " (" + c.Role + ")"
	}
}

var agents = []string{"Marta", "Jamal", "Sinead", "Tobias", "Aiko", "Rafael"}

const botName = "Basil"

func sentences(s string) []string {
	s = strings.ReplaceAll(s, "\n", " ")
	var out []string
	cur := ""
	for _, part := range strings.SplitAfter(s, ". ") {
		cur += part
		if len(cur) > 40 {
			out = append(out, strings.TrimSpace(cur))
			cur = ""
		}
	}
	if strings.TrimSpace(cur) != "" {
		out = append(out, strings.TrimSpace(cur))
	}
	return out
}

func chat(t time.Time, c Cust, body string) string {
	var b strings.Builder
	ts := func(off int) string { return t.Add(time.Duration(-off) * time.Second).Format("15:04:05") }
	ss := sentences(body)
	n := 60 + 30*len(ss)
	fmt.Fprintf(&b, "Chat started %s UTC via tablehost.app/help\n", t.Add(time.Duration(-n)*time.Second).Format("2006-01-02 15:04"))
	fmt.Fprintf(&b, "[%s] %s (bot): Hi %s! I'm Basil, TableHost's assistant 🍽️ What can I help with %s?\n", ts(n), botName, first(c), map[bool]string{true: "tonight", false: "today"}[t.Hour() >= 17])
	n -= 20
	fmt.Fprintf(&b, "[%s] %s: %s\n", ts(n), c.Name, ss[0])
	n -= 15
	fmt.Fprintf(&b, "[%s] %s (bot): %s\n", ts(n), botName, pick([]string{
		"I found an article that might help: \"Troubleshooting sign-in\". Did this answer your question?",
		"Here are some articles: \"Getting started with the host tablet\", \"Managing reservations\". Was that helpful?",
		"Sorry to hear that! Could you tell me a bit more?",
		"I can help with that. Have you tried refreshing the page or restarting the app?"}))
	n -= 15
	fmt.Fprintf(&b, "[%s] %s: %s\n", ts(n), c.Name, pick([]string{"no", "agent", "human please", "talk to a person", "no that doesnt help", "yes i tried"}))
	n -= 10
	ag := pick(agents)
	fmt.Fprintf(&b, "[%s] System: Transferring you to a member of our support team…\n", ts(n))
	n -= 20
	fmt.Fprintf(&b, "[%s] %s (TableHost Support): Hi %s, %s here. Sorry for the wait, what's going on?\n", ts(n), ag, first(c), ag)
	for _, s := range ss[1:] {
		n -= 25
		fmt.Fprintf(&b, "[%s] %s: %s\n", ts(n), c.Name, s)
	}
	if len(ss) == 1 {
		n -= 20
		fmt.Fprintf(&b, "[%s] %s: %s\n", ts(n), c.Name, "that's it really")
	}
	fmt.Fprintf(&b, "[%s] %s (TableHost Support): Thanks, let me look into this and I'll open a ticket for you.", ts(0), ag)
	return b.String()
}

func html(c Cust, body string) string {
	var b strings.Builder
	b.WriteString("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"><style>p{margin:0}</style></head><body><div dir=\"ltr\">")
	for _, p := range strings.Split(body, "\n") {
		if strings.TrimSpace(p) == "" {
			b.WriteString("<div><br></div>")
		} else {
			b.WriteString("<div>" + strings.ReplaceAll(strings.ReplaceAll(p, "&", "&amp;"), "<", "&lt;") + "</div>")
		}
	}
	b.WriteString("<div><br></div><div style=\"color:#888;font-size:11px\"><b>" + c.Name + "</b><br>" + c.Org + "</div></div></body></html>")
	return b.String()
}

func webform(c Cust, subj, body string) string {
	return fmt.Sprintf("Submitted via Help Center form\n\nName: %s\nRestaurant: %s\nEmail: %s\nTopic: %s\nDescription:\n%s\n\nBrowser: %s",
		c.Name, c.Org, c.Email, pick([]string{"Technical issue", "Other", "Reservations", "Account & login", "Billing", "Host tablet"}), body,
		pick([]string{"Chrome 131 / Windows 11", "Safari 18 / iPadOS 18.1", "Safari / macOS", "Edge 131", "TableHost Host app 5.12.0 (iPad)", "Firefox 133"}))
}

// render picks a format for a ticket and returns subject, body, source.
func render(t time.Time, c Cust, subj, body string, mix int) (string, string, string) {
	x := r.IntN(100)
	switch {
	case x < 36:
		return subj, body + sig(c), "email"
	case x < 50:
		return subj, chat(t, c, body), "chat"
	case x < 62:
		return subj, html(c, body), "email"
	case x < 74:
		return subj, webform(c, subj, body), "web"
	case x < 80 && mix > 0:
		return subj, "", "email" // subject only
	case x < 86:
		return "", body, pick([]string{"email", "web"}) // body only
	case x < 92:
		return strings.ToLower(subj), sloppy(body), pick([]string{"email", "chat", "web"})
	default:
		return subj, typo(body, 0.05) + sig(c), "api"
	}
}

// ---------- time sampling ----------

var hourW = []float64{0.2, 0.1, 0.05, 0.05, 0.05, 0.1, 0.3, 0.5, 0.8, 1.1, 1.4, 1.8, 2.2, 2.0, 1.6, 1.7, 2.4, 3.0, 3.4, 3.2, 2.7, 2.0, 1.2, 0.6}
var dayW = []float64{0.8, 0.9, 0.95, 1.0, 1.35, 1.5, 1.2}

func bgTime() time.Time {
	tot := 0.0
	for d := 0; d < 7; d++ {
		for h := 0; h < 24; h++ {
			tot += dayW[d] * hourW[h]
		}
	}
	x := r.Float64() * tot
	for d := 0; d < 7; d++ {
		for h := 0; h < 24; h++ {
			x -= dayW[d] * hourW[h]
			if x <= 0 {
				return at(d, h, 0).Add(time.Duration(r.IntN(3600)) * time.Second)
			}
		}
	}
	return at(6, 23, 0)
}

// burst: start, duration in minutes; density rises fast, decays slowly.
func burstTime(start time.Time, mins int) time.Time {
	u := r.Float64()
	var f float64
	if u < 0.25 {
		f = r.Float64() * 0.15
	} else {
		f = 0.1 + (r.Float64()*r.Float64())*0.9
	}
	return start.Add(time.Duration(f*float64(mins)*60) * time.Second)
}

func within(start time.Time, mins int) time.Time {
	return start.Add(time.Duration(r.IntN(mins*60)) * time.Second)
}

// ---------- output ----------

var tickets []weekgen.Ticket

func add(t time.Time, label, subj, body string, c Cust, mix int) {
	s, b, src := render(t, c, subj, body, mix)
	if s == "" && b == "" {
		s = subj
	}
	tickets = append(tickets, weekgen.Ticket{ReceivedAt: t.Format(time.RFC3339), Subject: s, Body: b, Source: src, CustomerEmail: c.Email, CustomerName: c.Name, Org: c.Org, Label: label})
}

func addRaw(t time.Time, label, subj, body, src string, c Cust) {
	tickets = append(tickets, weekgen.Ticket{ReceivedAt: t.Format(time.RFC3339), Subject: subj, Body: body, Source: src, CustomerEmail: c.Email, CustomerName: c.Name, Org: c.Org, Label: label})
}

func main() {
	_, self, _, _ := runtime.Caller(0)
	dir := filepath.Dir(self)
	if _, err := os.Stat(filepath.Join(dir, "generate.go")); err != nil {
		dir = "."
	}
	updates := makeUpdates()
	genIncidents()
	genHardNegatives()
	genLookAlikes()
	genBackground()
	sort.SliceStable(tickets, func(i, j int) bool { return tickets[i].ReceivedAt < tickets[j].ReceivedAt })
	for i := range tickets {
		tickets[i].ID = fmt.Sprintf("TH-%05d", 48100+i)
	}
	must(weekgen.WriteWeek(dir, tickets, updates, weekgen.Format{}))
	counts := map[string]int{}
	for _, t := range tickets {
		counts[t.Label]++
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("%-22s %d\n", k, counts[k])
	}
	fmt.Printf("%-22s %d\n", "total", len(tickets))
}

// ---------- provider updates ----------

func makeUpdates() []weekgen.Update {
	var us []weekgen.Update
	n := 0
	u := func(prov, pid, status, impact string, t time.Time, title, body, kind, label string, comps ...string) {
		n++
		us = append(us, weekgen.Update{Provider: prov, ProviderIncidentID: pid, UpdateID: fmt.Sprintf("%s-%s-u%d", prov, pid, n), Status: status, Impact: impact, At: t.Format(time.RFC3339), Title: title, Body: body, Kind: kind, Components: comps, Label: label})
	}
	// Mon: pixelshelf, no customer impact (APAC edge, TableHost serves EU/US).
	u("pixelshelf", "ps-88213", "investigating", "minor", at(0, 14, 2), "Elevated latency for image transformations in ap-southeast", "We are investigating increased latency and intermittent 504s for on-the-fly image resizing requests served from our Singapore and Sydney edges.", "incident", "", "Image Transform API (APAC)")
	u("pixelshelf", "ps-88213", "identified", "minor", at(0, 14, 40), "Elevated latency for image transformations in ap-southeast", "A misbehaving cache node in SIN2 has been drained. Latency is recovering.", "incident", "", "Image Transform API (APAC)")
	u("pixelshelf", "ps-88213", "resolved", "minor", at(0, 15, 21), "Elevated latency for image transformations in ap-southeast", "Image transformation latency in APAC has been normal for 30 minutes. This incident is resolved.", "incident", "", "Image Transform API (APAC)")
	// Tue: tillbridge POS API, leading the customers.
	t := "Order and check sync delays via Partner API"
	u("tillbridge", "tb-2026-1208-a", "investigating", "major", at(1, 17, 18), t, "We are investigating elevated error rates (HTTP 503) and timeouts on the Partner API checks and orders endpoints. Partner integrations may see delayed or missing order data.", "incident", "inc-pos-sync", "Partner API", "Checks Sync")
	u("tillbridge", "tb-2026-1208-a", "identified", "major", at(1, 18, 12), t, "The issue has been traced to a database failover in our EU-West cluster. Webhooks for closed checks are being queued and will be delivered once the cluster is healthy.", "incident", "inc-pos-sync", "Partner API", "Checks Sync")
	u("tillbridge", "tb-2026-1208-a", "monitoring", "minor", at(1, 19, 34), t, "The cluster is healthy and the queued check webhooks are being replayed. Partners may see a backlog clear over the next 30–60 minutes.", "incident", "inc-pos-sync", "Partner API", "Checks Sync")
	u("tillbridge", "tb-2026-1208-a", "resolved", "minor", at(1, 20, 20), t, "All queued events have been delivered and the Partner API is operating normally.", "incident", "inc-pos-sync", "Partner API", "Checks Sync")
	// Wed: postlark maintenance announcement (window is Sunday night).
	m := "Scheduled maintenance: campaign scheduler database upgrade"
	u("postlark", "pl-maint-1213", "scheduled", "maintenance", at(2, 10, 0), m, "On Sunday 13 December 03:00–05:00 UTC we will upgrade the campaign scheduler database. Scheduled campaigns due in this window will be sent after it ends. Transactional email is not affected.", "maintenance", "", "Campaign Scheduler")
	// Thu: coinharbor payments.
	p := "Card authorisations failing for some merchants"
	u("coinharbor", "ch-inc-5521", "investigating", "major", at(3, 16, 24), p, "We are seeing an increased rate of failed card authorisations and 3-D Secure challenges not completing for merchants in the EU and UK. We are investigating.", "incident", "inc-deposits", "Card Payments", "3-D Secure")
	u("coinharbor", "ch-inc-5521", "identified", "major", at(3, 16, 57), p, "A certificate rotation on our 3-D Secure directory connector caused authentication requests to fail. We are rolling back.", "incident", "inc-deposits", "Card Payments", "3-D Secure")
	u("coinharbor", "ch-inc-5521", "monitoring", "minor", at(3, 17, 52), p, "The rollback is complete and authorisation success rates are returning to normal. Payment intents that failed during the incident will need to be retried by the customer.", "incident", "inc-deposits", "Card Payments", "3-D Secure")
	u("coinharbor", "ch-inc-5521", "resolved", "none", at(3, 18, 36), p, "This incident has been resolved.", "incident", "inc-deposits", "Card Payments", "3-D Secure")
	// Fri: keyloft identity outage, trailing customers by ~45 min.
	k := "Authentication failures for hosted login and token refresh"
	u("keyloft", "kl-20261211-01", "investigating", "critical", at(4, 18, 52), k, "We are investigating reports of failed sign-ins and token refresh errors affecting tenants in our EU and US-East regions.", "incident", "inc-idp-outage", "Hosted Login", "Token Service", "SAML/OIDC Federation")
	u("keyloft", "kl-20261211-01", "identified", "critical", at(4, 19, 26), k, "A configuration change to our session key store caused signature validation to fail for existing sessions and new sign-ins. A fix is being deployed.", "incident", "inc-idp-outage", "Hosted Login", "Token Service", "SAML/OIDC Federation")
	u("keyloft", "kl-20261211-01", "monitoring", "major", at(4, 20, 9), k, "The fix has been deployed to all regions. Sign-ins and token refresh are succeeding. Some users may need to sign in again.", "incident", "inc-idp-outage", "Hosted Login", "Token Service")
	u("keyloft", "kl-20261211-01", "resolved", "minor", at(4, 20, 47), k, "Authentication has been operating normally for 30 minutes. A post-incident report will follow.", "incident", "inc-idp-outage", "Hosted Login", "Token Service")
	// Sat: textwave SMS delays, trailing ~80 min.
	s := "Delayed SMS delivery to UK and EU mobile networks"
	u("textwave", "tw-7730", "investigating", "major", at(5, 13, 33), s, "Messages to several UK and EU carriers are being accepted but delivered with delays of up to 60 minutes. We are investigating with our upstream carrier partners.", "incident", "inc-sms-delay", "SMS Delivery (UK)", "SMS Delivery (EU)")
	u("textwave", "tw-7730", "monitoring", "minor", at(5, 14, 31), s, "Our carrier partner has resolved a routing issue. Queued messages are being delivered and new messages are sent without delay.", "incident", "inc-sms-delay", "SMS Delivery (UK)", "SMS Delivery (EU)")
	u("textwave", "tw-7730", "resolved", "none", at(5, 15, 12), s, "The message queue has fully drained. This incident is resolved.", "incident", "inc-sms-delay", "SMS Delivery (UK)", "SMS Delivery (EU)")
	// Sun: maintenance runs.
	u("postlark", "pl-maint-1213", "in_progress", "maintenance", at(6, 3, 0), m, "Maintenance is in progress.", "maintenance", "", "Campaign Scheduler")
	u("postlark", "pl-maint-1213", "completed", "maintenance", at(6, 4, 41), m, "Maintenance completed. Held campaigns are being sent now.", "maintenance", "", "Campaign Scheduler")
	sort.SliceStable(us, func(i, j int) bool { return us[i].At < us[j].At })
	return us
}

// ---------- incidents ----------

type kit struct {
	subj, open, sym, ctx, ask []string
}

func compose(k kit, c Cust) (string, string) {
	var parts []string
	if chance(0.6) {
		parts = append(parts, pick(k.open))
	}
	parts = append(parts, pick(k.sym))
	if chance(0.45) {
		parts = append(parts, pick(k.sym))
	}
	if chance(0.7) {
		parts = append(parts, pick(k.ctx))
	}
	if chance(0.75) {
		parts = append(parts, pick(k.ask))
	}
	seen := map[string]bool{}
	var out []string
	for _, p := range parts {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	sep := " "
	if chance(0.4) {
		sep = "\n\n"
	}
	body := strings.Join(out, sep)
	body = strings.ReplaceAll(body, "{org}", c.Org)
	return pick(k.subj), body
}

var idpKit = kit{
	subj: []string{"Can't log in", "URGENT - nobody can log in", "Login not working", "tablet logged out and won't sync", "Dashboard login fails", "Host stand down!!", "SSO error", "Sign in broken?", "All staff locked out of TableHost", "Tablet says session expired", "can't get into tablehost", "Is TableHost down?", "Outage?", "login loop", "iPad app: Unable to verify session", "Help - friday service and no reservations on the iPad", "Staff PIN not accepted, tablet not syncing", "Error signing in with company account", "authentication error", "Nothing loads after login", "Keeps kicking us out"},
	open: []string{"Hi team,", "Hello,", "Hey guys", "Urgent!", "Good evening,", "Not sure who to contact about this.", "We're in the middle of service.", "Help please.", "Hi there"},
	sym: []string{
		"None of us can log in to the dashboard, it just goes back to the sign-in page.",
		"The host tablet logged itself out and when we type the PIN it says \"Unable to verify session, please sign in again\".",
		"The iPad at the host stand stopped syncing about 20 minutes ago, new bookings from the website aren't showing up.",
		"When I click Sign in with SSO I get \"Authentication failed (error 502 from identity service)\".",
		"Login page spins forever and then says something went wrong.",
		"Tablet shows a red banner: Sync paused – session could not be refreshed.",
		"Three of my managers at different sites all tell me they can't get in, so it isn't just me.",
		"I've tried Chrome, Safari and the app. Same error everywhere.",
		"We were logged in fine at 6, then everyone got kicked out and now nobody can get back in.",
		"The PIN pad accepts the PIN then flashes and goes back to the login screen.",
		"Both tablets at the stand say 'offline – please sign in' even though the wifi is fine and Instagram loads.",
		"Error: invalid_token. Tried clearing cookies, didn't help.",
		"Our SSO login through the company account just errors out. Normal email login too.",
		"Floor plan on the tablet is frozen on the 6pm state, tables we seated since don't update.",
		"Reset password does nothing either, the page after it errors too.",
		"We can't see tonight's reservations at all — the dashboard won't let anyone in.",
		"I get 'Something went wrong while signing you in. Reference: kl-auth-5xx'.",
		"My colleague on the other site has the same problem so it's not our wifi.",
	},
	ctx: []string{
		"It's Friday night and we have 140 covers booked.",
		"We're working off a printout from this morning now.",
		"Guests are arriving and we have no idea who's booked.",
		"This is our busiest night of the week.",
		"We have a party of 22 at 8 and I can't see their notes or allergies.",
		"All three of our locations are affected.",
		"We had to start a paper waitlist.",
		"Walk-ins are queuing out the door and we can't see which tables are free.",
		"Nothing changed on our side, it was working an hour ago.",
		"Other apps on the iPad work fine.",
	},
	ask: []string{
		"Is there an outage? Please let us know ASAP.",
		"Please call me back on the restaurant number.",
		"How long will this take??",
		"Is this on your end?",
		"Can someone fix this urgently.",
		"Is there any way to see the bookings without logging in?",
		"Please advise.",
		"Any ETA?",
	},
}

var posKit = kit{
	subj: []string{"POS not syncing", "Checks not coming through from POS", "Covers not updating", "POS integration broken?", "Tillbridge sync error", "Spend per cover missing tonight", "Tables not closing automatically", "Orders not showing on reservations", "POS link down?", "Integration error: POS"},
	open: []string{"Hi,", "Hello support,", "Evening.", "Quick one -", "Hey,"},
	sym: []string{
		"Our POS checks aren't syncing to TableHost tonight, the tables stay 'seated' after the bill is paid.",
		"Covers and spend aren't coming through from the till, guest profiles show no visits today.",
		"The integrations page says 'POS connection error – last sync 17:26'.",
		"Tables don't auto-close when we settle the check anymore so the floor plan is wrong.",
		"Orders that the servers ring in don't show on the reservation like they normally do.",
		"The POS status dot on the tablet is amber and says 'waiting for POS'.",
		"Turn times look crazy because nothing is being marked as paid.",
		"I reconnected the Tillbridge integration and it says 503 service unavailable.",
		"Running the manual sync just spins.",
	},
	ctx: []string{
		"Hosts are having to clear tables by hand, it's slowing us right down.",
		"We rely on this to know when tables are free.",
		"Our other site has the same thing.",
		"It was fine at lunch.",
		"Nothing changed on the POS side as far as I know.",
	},
	ask: []string{"Is this a known issue?", "Can you check?", "Will the missing checks come through later?", "Please help.", "Any update appreciated."},
}

var smsKit = kit{
	subj: []string{"Waitlist texts delayed", "Guests not getting texts", "SMS late", "Table ready SMS takes ages", "Confirmation texts not arriving", "text messages slow", "Waitlist notifications not working", "SMS problem"},
	open: []string{"Hi,", "Hello,", "Hey", "Lunch rush here -", "Good afternoon,"},
	sym: []string{
		"Guests on the waitlist are getting the 'your table is ready' text 30-40 minutes late.",
		"We send the table-ready SMS and the guest gets it after they've already walked back in to ask.",
		"Booking confirmation texts aren't arriving, a few guests called to check their booking exists.",
		"The message log shows 'sent' but the guests say nothing came.",
		"Texts are arriving in a bunch, three at once, way after we sent them.",
		"Our waitlist is 25 parties deep and nobody is getting notified.",
		"One guest just got a text from this morning's reminder at 1pm.",
		"SMS status stuck on 'queued' for everything since about noon.",
	},
	ctx: []string{"It's Saturday lunch and we're packed.", "We had people leave because they thought we forgot them.", "We're shouting names across the street now.", "Happening at both sites.", "Guests are annoyed."},
	ask: []string{"Is it your side or the phone network?", "Please check.", "Any idea when it'll be back?", "Is something down?", "Can you look asap."},
}

var payKit = kit{
	subj: []string{"Deposits failing", "Guests can't pay deposit", "Card declined for every booking", "Payment error on widget", "No-show fee charge failed", "Deposit payment not working", "3D secure not loading", "Bookings stuck at payment"},
	open: []string{"Hi,", "Hello,", "Hi TableHost,", "Afternoon,", "Hey team"},
	sym: []string{
		"Guests trying to book for the tasting menu get 'Payment could not be completed' on the deposit step.",
		"Several guests have called saying their card was declined on our booking page, but the cards work everywhere else.",
		"The 3-D Secure window opens and then just goes blank, then the booking fails.",
		"Charging a no-show fee from the dashboard gives 'Payment provider error (authorisation failed)'.",
		"We've had 6 bookings abandoned at the deposit stage in the last hour.",
		"Our Christmas party deposits can't be taken, every attempt fails.",
		"Reservations with required deposit just aren't going through online.",
		"Taking a deposit over the phone in the dashboard fails with a generic error.",
	},
	ctx: []string{"We require deposits for groups of 8+.", "Christmas bookings are our busiest time.", "Our accountant says no payments since 4pm.", "Tried two different cards myself.", "Happening for our second venue too."},
	ask: []string{"Is your payment system down?", "Please fix ASAP, we're losing bookings.", "Should we turn off deposits for now?", "What should I tell guests?", "Any news?"},
}

var widgetKit = kit{
	subj: []string{"Widget says fully booked but we have tables", "No availability showing online", "Online bookings stopped?", "Booking page shows no times", "Fully booked?? we're empty", "reservation widget bug", "Guests can't find any slots"},
	open: []string{"Hi,", "Hello,", "Morning,", "Hey there", "Hi support"},
	sym: []string{
		"Our booking widget shows 'Fully booked' for tonight but the floor plan has 9 free tables.",
		"Online it says no availability for Saturday even though we only have 20 covers booked.",
		"A guest called to say the website shows nothing available all week. The dashboard shows plenty.",
		"The widget only offers 21:45 as a time, everything earlier says full.",
		"Since this morning we've had zero online bookings, normally we get 30 a day.",
		"When I test the widget myself it says we're fully booked. We are not.",
		"Availability on the widget doesn't match the tablet at all.",
	},
	ctx: []string{"We haven't changed any shift settings.", "It was fine yesterday.", "We're losing bookings to the place next door.", "I checked the table combinations, all look right.", "Two of our sites seem to have it, the third is fine."},
	ask: []string{"Can you look at our availability settings?", "Is there a bug?", "Please help.", "Could someone check today?", "Thanks in advance."},
}

type foreign struct{ subj, body string }

var idpForeign = []foreign{
	{"Anmeldung funktioniert nicht", "Hallo,\n\nseit ca. 18 Uhr können wir uns nicht mehr einloggen. Das Tablet am Empfang zeigt \"Sitzung konnte nicht überprüft werden\" und synchronisiert keine Reservierungen mehr. Freitagabend, volles Haus. Bitte dringend melden!\n\nGruß\nJonas"},
	{"Impossible de se connecter", "Bonjour,\n\npersonne ne peut se connecter au tableau de bord ce soir, et la tablette de l'accueil n'affiche plus les nouvelles réservations. Message: « Échec de l'authentification ». C'est chez vous ?\n\nMerci,\nClaire"},
	{"No podemos iniciar sesión", "Hola, desde hace media hora nadie del equipo puede entrar en TableHost. La tablet dice que la sesión ha caducado y no sincroniza. ¿Hay una caída? Es viernes por la noche y estamos llenos."},
	{"Login non funziona", "Buonasera, il tablet della sala non sincronizza più e non riusciamo ad accedere alla dashboard, né con SSO né con PIN. Potete verificare? Grazie, Chiara"},
}

var otherForeign = map[string][]foreign{
	"inc-sms-delay": {{"SMS kommen verspätet an", "Hallo, unsere Gäste auf der Warteliste bekommen die SMS \"Ihr Tisch ist bereit\" erst 30-40 Minuten später. Liegt das an euch?"}},
	"inc-deposits":  {{"Paiement des acomptes impossible", "Bonjour, depuis 16h nos clients ne peuvent plus payer l'acompte pour réserver le menu de Noël, la page 3-D Secure reste blanche. Pouvez-vous regarder ? Julien"}},
	"inc-pos-sync":  {{"La caja no sincroniza", "Hola, las cuentas de la caja no llegan a TableHost esta tarde, las mesas siguen como ocupadas después de pagar. ¿Es un problema conocido?"}},
}

func genKit(label string, k kit, start time.Time, mins, n int, followups int, foreign []foreign) {
	var firsts []weekgen.Ticket
	for i := 0; i < n; i++ {
		c := cust()
		t := burstTime(start, mins)
		if i < len(foreign) {
			c = custFor(foreign[i].body)
			addRaw(t, label, foreign[i].subj, foreign[i].body, pick([]string{"email", "web"}), c)
			continue
		}
		s, b := compose(k, c)
		add(t, label, s, b, c, 1)
		if len(firsts) < followups && chance(0.5) {
			firsts = append(firsts, tickets[len(tickets)-1])
		}
	}
	for _, f := range firsts {
		ft, _ := time.Parse(time.RFC3339, f.ReceivedAt)
		t := ft.Add(time.Duration(15+r.IntN(40)) * time.Minute)
		prev := f.Body
		if len(prev) > 400 {
			prev = prev[:400] + "…"
		}
		quoted := "> " + strings.ReplaceAll(prev, "\n", "\n> ")
		body := pick([]string{"Any update on this? Still down.", "still the same here. Please respond", "Following up — it's been half an hour, we're still stuck.", "Hello?? Nobody has replied.", "Still happening. Is there a status page I can check?", "Update: tried again, same problem."})
		body += "\n\nOn " + ft.Format("Mon, 2 Jan 2006 at 15:04") + ", " + f.CustomerName + " <" + f.CustomerEmail + "> wrote:\n" + quoted
		subj := f.Subject
		if subj == "" {
			subj = "follow up"
		}
		tickets = append(tickets, weekgen.Ticket{ReceivedAt: t.Format(time.RFC3339), Subject: "Re: " + subj, Body: body, Source: "email", CustomerEmail: f.CustomerEmail, CustomerName: f.CustomerName, Org: f.Org, Label: label})
	}
}

func genIncidents() {
	genKit("inc-idp-outage", idpKit, at(4, 18, 5), 125, 110, 10, idpForeign)
	genKit("inc-pos-sync", posKit, at(1, 17, 30), 135, 41, 4, otherForeign["inc-pos-sync"])
	genKit("inc-sms-delay", smsKit, at(5, 12, 10), 150, 32, 3, otherForeign["inc-sms-delay"])
	genKit("inc-deposits", payKit, at(3, 16, 0), 120, 36, 4, otherForeign["inc-deposits"])
	// own bug, slow: spread over Wednesday.
	for i := 0; i < 22; i++ {
		c := cust()
		t := within(at(2, 8, 30), 14*60)
		s, b := compose(widgetKit, c)
		add(t, "inc-widget-fully-booked", s, b, c, 1)
	}
	// A forwarded guest complaint in the POS-free idp window and widget bug.
	c := cust()
	addRaw(at(2, 19, 12), "inc-widget-fully-booked", "Fwd: Booking for Saturday", "Forwarding this from a regular, is the website broken?\n\n---------- Forwarded message ---------\nFrom: Peter Lindqvist <p.lindqvist@gmail.com>\nSubject: Booking for Saturday\n\nHi, I tried to book a table for 4 on Saturday on your website but it says you're completely full at every time. Is that right? Last week there were lots of tables.\n\nPeter", "email", c)
}

// ---------- hard negatives ----------

// Each is written once, in its own voice. w is where it lands:
// "idp", "pos", "sms", "pay", "widget" = inside that incident's window, "" = anywhere.
type hn struct{ w, subj, body string }

var hardNegs = []hn{
	{"idp", "forgot my PIN", "hi, I'm a new host and I forgot the 4 digit PIN my manager gave me on Monday. can you reset it or does it have to be her? she's off tonight"},
	{"idp", "Can't log in", "Hi, I can't log in - it says my password is wrong. I changed it last week and I think I'm typing the old one out of habit. Can you send me a reset link please? Email is this one."},
	{"idp", "reset link expired", "The password reset email came but when I click it it says 'This link has expired or has already been used'. I clicked it once on my phone earlier and then again on the laptop, maybe that's why? Can you send another."},
	{"idp", "Locked out", "I typed my password wrong too many times and now it says the account is locked for 30 minutes. Is there any way to unlock it quicker, we open in 20 minutes.\n\nDerek"},
	{"idp", "", "new phone, old one in a taxi somewhere. the login wants the 6-digit code from the authenticator app that was on the old phone. how do i get in now"},
	{"idp", "Login - only me?", "Everyone else on the team can log in fine tonight, it's only my account. It says 'user not found'. I got married in November and IT might have changed my email to my new surname? Old: k.jennings@ new: k.morrow@"},
	{"idp", "tablet not syncing", "Hiya, the tablet at the bar isn't syncing, the one at the front door is fine. I've just noticed someone put it in airplane mode (the little plane icon is on). Turned it off and it's catching up now. Sorry - you can close this!"},
	{"idp", "SSO stopped working for us", "Hello, our IT contractor moved us to a new Microsoft tenant this afternoon and since then the 'Sign in with company account' button gives an error about the application not being found in the directory. I assume we need to update something on our side – what details do you need from us?\n\nMarcus Hale\nIT, Blue Door Dining Group"},
	{"idp", "Re: staff access", "Following on from the phone call — Amara left the company last week and we removed her. Now Jen says SHE can't log in either, I think I deleted the wrong user by accident. Can you restore Jen's access? Sorry!"},
	{"idp", "password reset email not coming", "I requested the reset 3 times in the last 10 min and nothing arrived. Checked spam. Our email is run by the owner's cousin and it's been dodgy all week so it might be us, but could you reset it manually?"},
	{"idp", "Can't access dashboard", "Good evening. Our guest wifi was switched over to a new provider today and now the back office PC can't load the TableHost dashboard (the page just times out). My phone on 4G works fine. Does the new router need to allow something?"},
	{"idp", "PIN", "pin not working on the ipad. it's the new starter Lucy, did her profile get set up?? manager says she added her but Lucy doesn't show in the list"},
	{"idp", "Login issue", "Bonjour, j'ai oublié mon mot de passe et le lien de réinitialisation arrive sur l'ancienne adresse de Julien qui ne travaille plus ici. Pouvez-vous changer l'adresse e-mail du compte administrateur ? Merci, Margaux"},
	{"idp", "2FA codes", "The text message with my 2 factor login code isn't coming through. I'm in the basement walk-in where there's no signal, will go upstairs and try again actually. Ignore me!"},
	{"idp", "HELP", "I cant get in!!! it says \"incorrect email or password\" and I KNOW my password. Oh wait. I'm using my gmail not the work email. ok got it. thanks anyway lol"},
	{"idp", "card expired - account suspended?", "Hi, when I log in to the dashboard it says 'Your subscription is paused – update payment details'. I think the card on file expired at the end of November. The tablet is still showing bookings though. Where do I update the card?"},
	{"idp", "Tablet asks me to sign in again", "Our host tablet updated itself to the new app version this afternoon and now it wants the full manager email + password instead of the PIN. I'm the manager but I'm not in until Monday. Can the PIN still be used after an update or does someone have to sign in once?"},
	{"idp", "", "Hello, I am the owner and my manager has left and changed the password on the way out. I no longer have access to my own account. How do I prove I own the account so you can reset it?\n\nEdward Finch"},
	{"idp", "can't log in on the new laptop", "Works on my old laptop but on the new one the SSO login keeps looping back. I have a privacy extension that blocks third party cookies, is that it?"},
	{"idp", "Locked after PIN attempts", "one of the kids on the host stand hammered the pin pad and now the tablet says 'too many attempts, try again in 15 minutes'. is there a master override?"},
	{"idp", "Login email", "Hi - I'm trying to log in with frontdesk@ but that mailbox was shut down when we changed email providers. Everyone else has their own logins. Could you move the account to ops@ instead?"},
	{"idp", "Sign-in problem at our Leeds site only", "Only our Leeds site is affected: the tablet says no connection. Manchester and York are fine. Leeds had an electrician in today who may have unplugged the router... I'll check and get back to you."},
	{"sms", "guest didn't get text", "Hi, a guest says she never got her booking confirmation text. I checked and we have her number as 07700 9001 23 – missing a digit. Can we resend once I fix it, or do I have to rebook?"},
	{"sms", "SMS not sending", "Our texts stopped at 11:50. I've just seen a banner saying we've used our SMS bundle for the month. How do I top up?"},
	{"sms", "waitlist text", "a guest with a french mobile number isnt getting the waitlist texts, everyone else is. do you send to international numbers?"},
	{"sms", "Texts from the wrong name", "Guests are getting our texts but they come from 'TableHost' and not our restaurant name. It's always been like that I think, but my boss wants it changed. Can we set a sender name?"},
	{"sms", "", "One of our regulars replied STOP to a promo text by accident and now gets no confirmation SMS either. Can you undo that for her?"},
	{"pay", "Deposit failed", "Hi, one guest says her deposit failed 3 times. She's using a corporate card that her company blocks for online payments except with approved vendors. Is there a way to let her pay at the table instead?"},
	{"pay", "cant take no show fee", "Tried to charge a no show fee for table 14 last night and it says the card was cancelled. Guess they cancelled the card. Is there anything else we can do?"},
	{"pay", "Payments", "My own card is being declined when I try to pay the TableHost invoice. Bank says I hit the daily limit on the business card. Can I pay tomorrow without losing the account?"},
	{"pay", "deposit refund", "Hi! A guest cancelled within policy and wants her £50 deposit back. I can't find the refund button. Where is it?"},
	{"pos", "POS not syncing", "The POS link stopped on Monday after our IT guy changed the firewall on the till network. I think he blocked outbound connections. What ports/domains does the integration need?"},
	{"pos", "checks not linking", "Checks are syncing but they're not linking to reservations at table 40-45. We renamed those tables on the POS to 'Patio 1-6' yesterday. I suppose the names need to match?"},
	{"pos", "", "our pos company gave us a new API key yesterday and now the integration page says unauthorized. where do i paste the new one"},
	{"widget", "no availability on saturday", "The widget says fully booked on Saturday. ...ok never mind, I just remembered we blocked the whole of Saturday for the private hire. My mistake!"},
	{"widget", "Widget not showing lunch", "Hi, lunch slots don't appear on our widget. We only added lunch service yesterday — do I have to make a new shift or is it enough to change opening hours?"},
	{"widget", "fully booked?", "website widget only shows 'call us' for 9+ people. is that a setting? we can do big tables now"},
	{"", "Forgot password", "Hello, forgot my password, the reset email isn't arriving. My email is chef.andre@fablerestaurant.com - oh, wait, I see the problem, it's fablerestaurant not fable-restaurant. Trying again."},
	{"", "can't login", "cant login. says account disabled. i think my manager disabled me when i went on holiday??"},
	{"", "Need access", "Hello,\nI'm the new General Manager at Atlas Hotel Restaurants (Garden Room outlet). My predecessor's login still exists and I don't have one. Could you create me a user or tell me who can?\nThank you,\nTomás"},
	{"", "lost authenticator", "Dropped my phone in the fryer (don't ask). It had the 2FA app on it. Need to get into the dashboard to do the rota before tomorrow. Please help 🙏"},
	{"", "Password reset not working", "Dear Sir/Madam,\n\nI have tried to reset my password several times. The email arrives but the new password I choose is rejected with \"password does not meet requirements\". I have used 8 letters. What are the requirements?\n\nKind regards,\nLou Mancini\nNorthside Diner"},
	{"", "Locked out of account", "Account locked after failed logins. It was my son trying to log in on my iPad with his own stuff. Can you unlock it please.\nBubba"},
	{"", "login", "hi the host app logs me out every time I close it. my colleague stays logged in. is there a setting on my profile? 'keep me signed in' is ticked"},
	{"", "Tablet won't connect", "Our tablet says 'No internet connection' but it's on the wifi. It's the guest wifi which has the 'accept terms' page first. Should it be on the staff network instead?"},
	{"", "Re: Re: login issue", "Thanks for the reset, that worked for me, but now my deputy manager has the same thing - she's forgotten hers too. Can you do the same for nina@emberandoak.com?\n\n> On Tue, Marta (TableHost Support) wrote:\n> I've sent a fresh reset link to your address. Let me know if it doesn't arrive."},
	{"", "unable to sign in", "When I try to sign in it says my organisation requires SSO, but I don't have a company account – I'm a part-time host and only use the PIN normally. Did someone change the login setting?"},
	{"", "", "hello my pin doesnt work since i changed it. i think i changed it to 1234 but maybe 4321. can u see it?"},
	{"", "Wrong email on account", "My login uses my old personal hotmail which I no longer have the password to. Reset emails go there. Could you change it to my work email? I can verify by phone."},
	{"", "Login problems only on Safari", "Hi, login works in Chrome but on Safari it just reloads the login page. I'm on a pretty old Mac (High Sierra). Is that too old?"},
	{"", "Staff can't log into tablet", "Hi – after I changed the location's PIN policy to 6 digits this morning, the hosts' old 4-digit PINs don't work. Do they each need to set a new one? Nobody told me that would happen!"},
	{"", "access for new owner", "we sold the restaurant and I need to hand over the account. the new owner can't log in because everything is under my email. how does that work"},
	{"", "Invite link not working", "I was invited as a manager but the link in the invitation email says expired. It was sent 10 days ago, I was on holiday. Can it be resent?"},
	{"", "Tablet sync", "The host tablet stopped syncing. Looked closer — the date and time on the iPad are set to 2019 for some reason (battery died completely over the weekend). After fixing the clock it synced. Posting in case this helps someone else."},
	{"", "password", "Hello! I have been trying to log in for 10 minutes. I do not understand. My daughter set up the account. Is it her email or mine? Regards, Franz Huber, Gasthaus zur Linde"},
	{"", "Anmeldung", "Hallo, ich habe mein Passwort vergessen und die E-Mail zum Zurücksetzen kommt nicht an. Im Spam ist auch nichts. Unsere Firewall blockiert manchmal Mails von außerhalb – könnt ihr mir sagen, von welcher Adresse die E-Mail kommt? Danke, Katrin"},
	{"", "No puedo entrar", "Hola, me he olvidado de la contraseña y el enlace para restablecerla me llega a un correo antiguo. ¿Me podéis ayudar? Marta Gil, Bodega Sur"},
	{"", "Account bloccato", "Buongiorno, ho sbagliato la password troppe volte e ora l'account è bloccato. Potete sbloccarlo? Grazie, Enzo"},
	{"", "Locked", "locked out again. third time this month. is there a way to make the lockout less strict? my staff are not great with passwords"},
	{"", "texts not going out", "We're not getting any SMS confirmations sent since Tuesday. I just found our SMS add-on was removed when we downgraded the plan last week. Is that why? I didn't realise it was part of it."},
	{"", "guest SMS", "Hi, a guest complained that she got a reminder text for a booking she cancelled. She cancelled by phone though and the host didn't cancel in the system. My fault, just wanted to ask if we can send an apology text from TableHost?"},
	{"", "Deposit declined", "Guest's card keeps being declined for the deposit. She's American and her bank is blocking foreign transactions apparently. Can I mark her booking as confirmed without the deposit?"},
	{"", "2-step verification", "I have a new number and the login code goes to my old number. How can I change the phone number for 2 step verification if I can't log in?"},
	{"", "can't log in to the tablet app", "hi there. iPad says the app version is no longer supported please update. but the iPad is too old to update past iOS 15. do we need a new iPad??"},
	{"", "SSO", "Is SSO supposed to work with Google accounts? Our new manager uses gmail and gets 'your domain is not allowed for this organisation'. The other managers use our company domain."},
	{"", "login not working", "hey I'm getting 'too many requests, please wait' when logging in. I might have a script running from the office that logs in to download the report every minute... my nephew set it up. could that be it"},
	{"", "reset link goes nowhere", "The reset link in the email opens a blank page. I'm opening it in the Outlook app's built-in browser on my phone. Just tried copying it into Chrome and it worked. Thanks!"},
	{"", "Cannot login - urgent", "URGENT. Cannot log in. Need the numbers for tonight. Password not accepted. I am 100% sure it's right.\n\n---\nSorry, caps lock was on. All good."},
	{"", "tablet pin", "Is there a way to give our hosts their own PIN instead of all sharing one? One of them left on bad terms and I changed the shared PIN and now everyone's confused and nobody can get in."},
	{"", "login from abroad", "Hello, I'm travelling in Thailand and can't log in to check the restaurant's bookings – it says 'sign-in blocked: unusual location'. The team at home can log in fine. Is that a security setting I can change?"},
	{"", "Our WiFi", "Just a heads up in case we ring in a panic: our broadband is down today (provider's fault, engineer coming tomorrow). We're using a 4G hotspot for the tablet. Anything we should know about data usage?"},
	{"", "dashboard keeps logging me out", "I share the office computer with the chef and he logs in with his account to check covers, which logs me out. Can two people be logged in on the same computer?"},
	{"", "Email change", "I changed my email address in my profile and now I can't log in with either the old or the new one. Help"},
	{"", "Can't get verification email", "Signing up our second location and the verification email never came. Our domain's mail has been bouncing all morning (we're moving to a new host), so maybe that's it. Could you verify it manually?"},
	{"", "", "pls reset my password thank you - Bex, Rusty Anchor"},
	{"", "Login issue after name change", "Our restaurant changed name from 'Saffron House' to 'Saffron & Salt' and I updated our IT's SSO setup. Since then I get 'no matching organisation'. Probably something I did. What should the organisation identifier be?"},
	{"", "only one iPad not syncing", "We have 3 iPads, only one is not syncing. It shows the bookings from this morning only. It's the one in the back office which is really far from the router."},
	{"", "Can't see reservations", "My login works but I can't see the reservations tab, just the reports. I think my role was changed to 'Viewer'. Can the owner change it back? He says he doesn't know how."},
	{"", "sso failing", "Hi, our Okta admin says the SAML certificate for TableHost expired on our side yesterday. They've generated a new one. Where do we upload it? Nobody can sign in with SSO until then (PIN still works)."},
	{"", "forgot pin and password", "forgot both the pin and the password 🤦 new job new everything. the other host isn't here. what do I do"},
	{"", "Locked out after holiday", "Came back from 3 weeks away and my account says 'inactive – contact your administrator'. Is that automatic?"},
}

func genHardNegatives() {
	win := map[string][2]time.Time{
		"idp":    {at(4, 18, 0), at(4, 20, 15)},
		"pos":    {at(1, 17, 25), at(1, 19, 45)},
		"sms":    {at(5, 12, 0), at(5, 14, 40)},
		"pay":    {at(3, 15, 50), at(3, 18, 0)},
		"widget": {at(2, 8, 30), at(2, 22, 30)},
	}
	for _, h := range hardNegs {
		var t time.Time
		if w, ok := win[h.w]; ok {
			t = w[0].Add(time.Duration(r.Int64N(int64(w[1].Sub(w[0])))))
		} else {
			t = bgTime()
		}
		c := custFor(h.body)
		subj, body := h.subj, h.body
		src := pick([]string{"email", "email", "web", "chat", "api"})
		switch {
		case src == "chat" && body != "":
			body = chat(t, c, body)
		case src == "web" && body != "":
			body = webform(c, subj, body)
		case src == "email" && chance(0.3) && body != "":
			body = html(c, body)
		case chance(0.5) && body != "":
			body += sig(c)
		}
		addRaw(t, "hard-negative", subj, body, src, c)
	}
}

// ---------- look-alikes ----------

var lookAlikes = []hn{
	{"idp", "Login page logo broken", "Small thing: the login page shows a broken image where our logo should be, since we uploaded a new logo this afternoon. Logging in itself works."},
	{"idp", "Tablet shows wrong host name after PIN", "When Ally enters her PIN the tablet greets her as 'Ben'. Their PINs are different. It logs the seatings under Ben's name too. Has been like this since Wednesday."},
	{"idp", "dashboard logs out after 10 mins", "For about a week the dashboard logs me out after ~10 minutes idle. It used to stay signed in all shift. Logging back in is fine, just annoying."},
	{"idp", "Tablet floor plan shows yesterday's layout", "Logged into the tablet fine but the floor plan is the old one from before we moved tables for the Christmas party. The dashboard shows the new layout. Reservations are all there."},
	{"idp", "Login screen in German?", "Our host tablet's login screen has switched to German. The rest of the app is English. We are in Dublin! Can't find a language setting on the login screen."},
	{"idp", "Tablet sync: notes missing", "Bookings are syncing to the tablet but guest notes (allergies) are cut off after about 100 characters. Full note shows on the dashboard."},
	{"idp", "PIN pad layout", "The PIN pad on the new app update puts 0 at the top left instead of the bottom. Hosts keep typing the wrong PIN. Can we have the old layout back?"},
	{"idp", "Dashboard: reservation count wrong", "I'm logged in, everything loads, but the header says 58 covers tonight and the list adds up to 64. Which is right?"},
	{"idp", "SSO - two accounts merged?", "Logging in with SSO takes me into our sister restaurant's account instead of ours. Both are under the group, but I only want to see Ember & Oak. Was this always the case?"},
	{"idp", "Tablet: timer on table not resetting", "Signed in, syncing ok. But the seated timer on table 12 keeps counting from the previous party. Other tables reset fine."},
	{"pos", "POS: one item mapping wrong", "Checks are coming through but 'Tomahawk for 2' shows as 2 covers on the reservation instead of counting once. Only that item."},
	{"pos", "Spend per cover includes tips?", "Spend per cover on the guest profile looks high – it seems to include the tip from the POS. Is that intended? Sync itself is fine."},
	{"pos", "POS table names with spaces", "Tables called 'Bar 1' on the POS don't match 'Bar 1' in TableHost. Other tables sync fine. Maybe the space?"},
	{"pos", "Covers doubled for one party", "Party of 6 showed as 12 covers after the check closed, because they split the bill into two checks. Is there a way to merge?"},
	{"pos", "POS integration settings page typo", "On the POS integration settings page, the toggle says 'Auto-close tabels'. Just letting you know."},
	{"pos", "Refund on POS not reflected", "We refunded a check on the POS yesterday and the guest's spend in TableHost still shows the full amount."},
	{"sms", "SMS text cut off", "The waitlist text is being cut off after 'Your table at Olive & Vi' – the ampersand seems to break it. It arrives immediately, just truncated."},
	{"sms", "Reminder SMS wrong time", "A guest got a reminder saying 7:00 PM when the booking is 19:30. Only this one booking I think – it was edited twice."},
	{"sms", "waitlist text goes to previous guest", "we sent 'table ready' to party 'Murphy' and the text went to the Murphy from last week (same surname). both had profiles. the texts themselves arrive quickly"},
	{"sms", "Confirmation SMS in English for Spanish guests", "Guests who booked in the Spanish version of the widget get the confirmation text in English. Could that follow the booking language?"},
	{"sms", "SMS link broken", "The 'manage your booking' link in the confirmation SMS gives a 404 for a couple of guests. Texts arrive on time."},
	{"pay", "Deposit amount wrong for one booking", "Booking for 7 was charged a deposit for 10 people. I think because it was originally made for 10 and then reduced. Payment went through fine – just the wrong amount."},
	{"pay", "Deposit shows pending forever", "One guest's deposit from Monday still shows 'pending' on the reservation even though our payment report says it was captured."},
	{"pay", "Receipt email for deposit has wrong VAT", "The deposit receipt emails say VAT 20% but we're in Ireland (13.5% for food). Deposits themselves work."},
	{"pay", "No-show fee charged twice", "Guest says she was charged the no-show fee twice for the same booking on Tuesday. I only clicked once. Can you check booking #TH-88213?"},
	{"widget", "Widget colours wrong", "Our widget suddenly shows in bright blue instead of our green brand colour. Availability looks fine."},
	{"widget", "Widget time zone", "Our Lisbon location's widget shows times one hour ahead (looks like it's using Madrid time). Booking still works."},
	{"widget", "Widget: party size max 6", "The widget only lets guests pick up to 6 people since this morning. We set max party size 10 ages ago."},
	{"widget", "Widget shows closed on Christmas Eve", "Christmas Eve shows 'closed' on the widget but we open for dinner. Other days show availability correctly."},
	{"idp", "Dashboard: export button missing", "I'm logged in as the owner but the Export CSV button is gone from the reservations page. Was it moved?"},
}

func genLookAlikes() {
	win := map[string][2]time.Time{
		"idp":    {at(4, 18, 10), at(4, 20, 10)},
		"pos":    {at(1, 17, 35), at(1, 19, 40)},
		"sms":    {at(5, 12, 15), at(5, 14, 35)},
		"pay":    {at(3, 16, 5), at(3, 17, 55)},
		"widget": {at(2, 9, 0), at(2, 22, 0)},
	}
	for _, h := range lookAlikes {
		w := win[h.w]
		t := w[0].Add(time.Duration(r.Int64N(int64(w[1].Sub(w[0])))))
		c := custFor(h.body)
		add(t, "look-alike", h.subj, h.body, c, 0)
	}
}

// ---------- background ----------

var bg = []struct{ subj, body string }{
	{"How do I add a new table?", "Hi, we've added a new {n}-top by the window. How do I add it to the floor plan?"},
	{"Floor plan for terrace", "We open our terrace from next week. Can I have a second floor plan just for the terrace, or do I add it to the main one?"},
	{"combine tables", "How do we combine tables 4 and 5 for bigger parties so the widget offers them together?"},
	{"Reports: covers by day", "Where can I see a report of covers by day for last month? Owner wants it for the accountant."},
	{"No-show report", "Is there a report of no-shows per guest? We have a few repeat offenders."},
	{"Export guest list", "Can I export our guest list with emails to a spreadsheet? GDPR-wise is that ok?"},
	{"Invoice request", "Could you send me the invoice for {month}? I can't find it in the billing section."},
	{"VAT number on invoice", "Please add our VAT number to future invoices: {vat}. Thanks"},
	{"Change plan", "We'd like to go from the Starter plan to Pro for the SMS waitlist. What's the price difference and is it pro-rated?"},
	{"Cancel subscription for closed site", "We're closing our {city} site at the end of the month. How do I cancel just that location?"},
	{"Charged for an extra location?", "Our invoice this month has 3 locations but we only have 2. Can you check?"},
	{"Feature request: allergen tags", "Would love to have allergen tags (nuts, gluten, shellfish) as proper fields instead of free text notes. Our chefs print the list every night."},
	{"Feature request", "Can you add a way to set a minimum spend for certain tables on {day}s?"},
	{"Idea: waitlist on website", "It would be great if guests could join the waitlist from our website, not only at the door."},
	{"Dark mode for tablet?", "Any chance of a dark mode for the host app? The tablet is really bright in our dining room at night."},
	{"Google reservations", "How do we connect 'Reserve with Google' so people can book from our Google listing?"},
	{"Instagram booking button", "Can we add a Book button on our Instagram profile that goes to the TableHost widget?"},
	{"Embed widget on Wix", "Trying to embed the widget on our Wix site, the code snippet shows as text. What am I doing wrong?"},
	{"widget on wordpress", "our web designer asks for the widget code for wordpress, where do i find it"},
	{"Menu upload", "How do I upload our new winter menu PDF so it shows on the booking page?"},
	{"Photos", "Can we change the photos on our booking page? The current ones are from before the refurb."},
	{"Menu PDF is old", "The menu link on our booking page still shows the summer menu though I uploaded the new one yesterday. Maybe caching? It's been 24h."},
	{"Email campaign", "How do I send a Christmas email to all guests who visited in the last 6 months?"},
	{"Email marketing unsubscribe", "A guest says she unsubscribed from our emails but still got one. Can you check {email}?"},
	{"Campaign scheduling", "Can I schedule a newsletter for Sunday 9am? I don't see a time option."},
	{"Shift settings", "We're changing our hours: closed Mondays from January. Do I just edit the shift or is there a holiday setting?"},
	{"Christmas opening hours", "How do I block off Christmas Day and Boxing Day but keep Christmas Eve open with a set menu only?"},
	{"Private hire", "Can I mark the whole restaurant as closed for a private hire on the {date} without cancelling the 3 bookings already there?"},
	{"Set menu", "Is it possible to require guests to pick a set menu when booking for NYE?"},
	{"Gift vouchers", "Do you support gift vouchers? Guests keep asking at Christmas."},
	{"Duplicate guest profiles", "We have the same guest three times with slightly different names. How do I merge profiles?"},
	{"Guest tags", "How do I tag a guest as VIP so the hosts see it on the tablet?"},
	{"Add a user", "How do I add our new assistant manager as a user with access to reports but not billing?"},
	{"Remove old staff", "Can you remove these ex-staff: {name1}, {name2}. Or tell me how."},
	{"Turn times", "How do we set different turn times for lunch vs dinner?"},
	{"Pacing", "We keep getting 8 tables booked at 19:30 exactly. Can we limit how many bookings start at the same time?"},
	{"Large party enquiries", "Parties above 8 should send an enquiry instead of booking directly. Is that a setting?"},
	{"Deposit settings", "How do I set up a £10pp deposit for parties of 6 or more on Fridays and Saturdays only?"},
	{"Cancellation policy text", "Where can I edit the cancellation policy text guests see on the widget?"},
	{"Training", "We have 4 new hosts starting next week. Do you have a training video for the tablet app?"},
	{"Second tablet", "We bought a second iPad for the bar. How do I set it up for the same location?"},
	{"Printer", "Can the host app print a chit with the booking details to our kitchen printer?"},
	{"Booking confirmation email text", "Can I change the wording of the confirmation email? We want to add parking info."},
	{"API access", "Our developer asks if you have an API to pull reservations into our own BI tool. Docs link?"},
	{"Zapier", "Is there a Zapier integration?"},
	{"Accounting integration", "Can deposits be exported to our accounting software?"},
	{"Review request emails", "Can TableHost send guests a review request the day after their visit?"},
	{"Thank you!", "Just wanted to say thanks to {agent} for sorting our floor plan last week. Great service."},
	{"Re: your ticket", "Thanks, that worked! You can close this."},
	{"Question about contract", "When does our annual contract renew? I'd like to discuss pricing before then."},
	{"Partnership", "Hi, I run a food blog with 40k followers, interested in partnering with TableHost? Let me know."},
	{"Walk-in count", "How do we log walk-ins quickly on the tablet when it's busy? Currently takes too many taps."},
	{"Seating preferences", "Can guests request indoor/outdoor when booking?"},
	{"Booking source", "Where can I see which bookings came from Google vs our website vs phone?"},
	{"Time slots 15 min", "Can we change the booking intervals from 30 to 15 minutes?"},
	{"Language of widget", "Can the widget show in Italian for our Milan site?"},
	{"GDPR data request", "A guest has asked for all data we hold on them. How do I get that out of TableHost?"},
	{"Delete guest", "A guest asked to be deleted entirely. How?"},
	{"Covers forecast", "Is there a forecast feature for covers next week? Would help with staffing."},
	{"Tablet stand recommendation", "What iPad stand do other restaurants use at the host stand? Ours keeps getting knocked over."},
	{"Promo code for widget", "Can I create a promo code that gives a free glass of fizz when booking on the widget?"},
	{"Anfrage Rechnung", "Hallo, könnt ihr mir bitte die Rechnungen für Oktober und November als PDF schicken? Danke!"},
	{"Question plan de salle", "Bonjour, comment ajouter une deuxième salle au plan de salle ? Merci"},
	{"Pregunta sobre informes", "Hola, ¿dónde puedo ver el informe de cubiertos por semana?"},
	{"Domanda sui turni", "Ciao, come imposto due turni diversi per la cena del sabato? Grazie"},
}

func fill(s string, c Cust) string {
	rep := strings.NewReplacer(
		"{n}", fmt.Sprint(2+r.IntN(7)),
		"{month}", pick([]string{"October", "November", "September"}),
		"{vat}", fmt.Sprintf("GB%09d", r.IntN(1000000000)),
		"{city}", pick([]string{"Bristol", "Leeds", "Brighton", "Cork", "Lyon", "Hamburg", "Austin"}),
		"{day}", pick([]string{"Friday", "Saturday", "Sunday"}),
		"{date}", pick([]string{"19th", "20th", "22nd", "17th"}),
		"{email}", pick([]string{"j.murray@gmail.com", "annabel.k@outlook.com", "tomfrey@icloud.com"}),
		"{name1}", pick([]string{"Zach", "Holly", "Mo"}),
		"{name2}", pick([]string{"Ellie", "Raj", "Connor"}),
		"{agent}", pick(agents),
	)
	return rep.Replace(s)
}

var bgOpen = []string{"", "", "Hi,\n\n", "Hello,\n\n", "Hi team, ", "Morning! ", "Hey ", "Quick question: ", "Dear TableHost Support,\n\n"}

func genBackground() {
	for i := 0; i < 345; i++ {
		c := cust()
		t := bgTime()
		k := r.IntN(len(bg))
		b := bg[k]
		open := pick(bgOpen)
		if k >= len(bg)-4 { // already in German, French, Spanish or Italian
			open = ""
		}
		add(t, "background", fill(b.subj, c), open+fill(b.body, c), c, 1)
	}
	// auto-replies, bounces and noise.
	for i := 0; i < 14; i++ {
		c := cust()
		t := bgTime()
		ret := t.Add(time.Duration(24*(1+r.IntN(10))) * time.Hour).Format("Monday 2 January")
		addRaw(t, "background", "Automatic reply: "+pick([]string{"Your TableHost ticket", "Re: Your invoice", "TableHost: What's new in December", "Re: Christmas booking settings"}),
			pick([]string{"I am out of the office until " + ret + " with limited access to email. For urgent matters please call the restaurant.",
				"Thank you for your email. I'm on annual leave and will reply when I'm back. " + c.Org,
				"Grazie per la sua email. Sono fuori ufficio fino a " + ret + "."}), "email", c)
	}
	for i := 0; i < 9; i++ {
		t := bgTime()
		c := Cust{"Mail Delivery Subsystem", "mailer-daemon@" + pick([]string{"googlemail.com", "outlook.com", "mx.tablehost.app"}), "", ""}
		to := cust()
		addRaw(t, "background", pick([]string{"Undeliverable: Your TableHost reservation summary", "Delivery Status Notification (Failure)", "Mail delivery failed: returning message to sender"}),
			"This is an automatically generated Delivery Status Notification.\n\nDelivery to the following recipient failed permanently:\n\n     "+to.Email+"\n\nTechnical details of permanent failure:\n550 5.1.1 The email account that you tried to reach does not exist.\n\n----- Original message -----\nSubject: Your daily reservations summary – "+to.Org, "email", c)
	}
	for i := 0; i < 6; i++ {
		c := cust()
		subj, body := pick([]string{"", "?", "test", "hi"}), pick([]string{"", "test please ignore", "hello is anyone there", "sorry wrong button"})
		if subj == "" && body == "" {
			body = "hello?"
		}
		addRaw(bgTime(), "background", subj, body, pick([]string{"chat", "web"}), c)
	}
	for i := 0; i < 6; i++ {
		addRaw(bgTime(), "background", pick([]string{"Boost your restaurant's SEO today!", "Invoice #88321 overdue", "Partnership opportunity"}), "Dear Sir/Madam, we offer top quality services for restaurants. Reply for a free consultation.", "email", Cust{"Sales Team", "sales@" + pick([]string{"growfast-marketing.biz", "seo-restaurants.net", "leadsbox.io"}), "", ""})
	}
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

//go:build ignore

// generate.go writes the MeetBeam scenario: one invented week (Mon 9 – Sun 15
// March 2026, all times UTC) at the support desk of MeetBeam, a browser-based
// video meeting and screen-sharing tool for sales and customer-success teams.
//
//	cd /work/main && go run ./scenarios/meetbeam/generate.go
//
// It writes tickets.jsonl and updates.jsonl into -out. The random source is
// seeded, so rerunning gives byte-identical files.
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"sort"
	"strings"
	"time"

	"stormdesk/scenarios/internal/weekgen"
)

var rng = rand.New(rand.NewPCG(20260309, 71))

// noSubject is what a body-only ticket carries as its subject. The helpdesk
// stores "(no subject)" for mails and chats that had none, and stormdesk's
// intake refuses an empty subject ("subject: required"); set this to "" to
// write truly empty subjects once the intake accepts them.
const noSubject = "(no subject)"

func pick[T any](xs []T) T       { return weekgen.Pick(rng, xs) }
func chance(p float64) bool      { return weekgen.Chance(rng, p) }
func between(a, b int) int       { return weekgen.Between(rng, a, b) }
func at(day, h, m int) time.Time { return time.Date(2026, time.March, day, h, m, 0, 0, time.UTC) }

// deck hands out the items of a pool in shuffled order and only repeats an
// item once every other one was used, so texts stay distinct.
type deck struct {
	items []string
	order []int
	pos   int
}

var decks = map[string]*deck{}

func draw(name string, items []string) string {
	d := decks[name]
	if d == nil {
		d = &deck{items: items}
		decks[name] = d
	}
	if d.pos >= len(d.order) {
		d.order = rng.Perm(len(d.items))
		d.pos = 0
	}
	s := d.items[d.order[d.pos]]
	d.pos++
	return s
}

// drawN draws n distinct items from a deck (n is capped at the pool size).
func drawN(name string, items []string, n int) []string {
	if n > len(items) {
		n = len(items)
	}
	var out []string
	seen := map[string]bool{}
	for len(out) < n {
		s := draw(name, items)
		if seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	return out
}

// ---------------------------------------------------------------- customers

type Org struct {
	Name, Domain, Lang string
	Size               int
	Freelance          bool
}

type Customer struct {
	First, Last, Name, Email, Org, Lang, Title, Phone, Slug string
	Weight                                                  float64
}

var orgs = []Org{
	{"Brightlane Realty", "brightlanerealty.com", "en", 28, false},
	{"Corvane Freight", "corvanefreight.com", "en", 20, false},
	{"Halsey & Quint Insurance", "halseyquint.com", "en", 16, false},
	{"Tidewater Software", "tidewatersw.io", "en", 14, false},
	{"Orchard Peak Solar", "orchardpeaksolar.com", "en", 10, false},
	{"Mapleford Staffing", "maplefordstaffing.com", "en", 9, false},
	{"Hallberg Immobilien GmbH", "hallberg-immobilien.de", "de", 8, false},
	{"Krautwerk Software AG", "krautwerk.de", "de", 5, false},
	{"Nordlicht Versicherungsmakler", "nordlicht-makler.de", "de", 4, false},
	{"Solvéa Conseil", "solvea-conseil.fr", "fr", 6, false},
	{"Maison Berthier", "maisonberthier.fr", "fr", 3, false},
	{"Grupo Aralia", "grupoaralia.es", "es", 6, false},
	{"Cobalto Digital", "cobaltodigital.mx", "es", 4, false},
	{"Quarry Lane Analytics", "quarrylane.io", "en", 6, false},
	{"Bluefin Payroll", "bluefinpayroll.com", "en", 5, false},
	{"Stonebridge Dental Partners", "stonebridgedental.com", "en", 5, false},
	{"Westmark Equipment Leasing", "westmarkleasing.com", "en", 4, false},
	{"Ferncliff Health", "ferncliffhealth.org", "en", 6, false},
	{"Ironleaf Security", "ironleafsec.com", "en", 5, false},
	{"Copperline Telecom", "copperline.net", "en", 7, false},
	{"Sablewood Hotels", "sablewoodhotels.com", "en", 4, false},
	{"Greywater Robotics", "greywaterrobotics.com", "en", 5, false},
	{"Lumen & Finch Marketing", "lumenfinch.co", "en", 4, false},
	{"Harborview Capital", "harborviewcap.com", "en", 4, false},
	{"Ridgeback Logistics", "ridgebacklogistics.com", "en", 6, false},
	{"Pellucid Labs", "pellucidlabs.io", "en", 5, false},
	{"Verdant Loop Foods", "verdantloop.com", "en", 4, false},
	{"Amberline Insurance Brokers", "amberline.co.uk", "en", 6, false},
	{"Juniper Row Consulting", "juniperrow.com", "en", 2, false},
	{"Kestrel Forms", "kestrelforms.com", "en", 3, false},
	{"Nimbus Kitchenware", "nimbuskitchen.com", "en", 2, false},
	{"Oakhurst Legal", "oakhurstlegal.com", "en", 3, false},
	{"Palisade HR", "palisadehr.com", "en", 3, false},
	{"Redfern Print", "redfernprint.co.uk", "en", 2, false},
	{"Saltmarsh Studio", "saltmarsh.studio", "en", 2, false},
	{"Tallgrass Ventures", "tallgrassvc.com", "en", 2, false},
	{"Vireo Apps", "vireoapps.com", "en", 3, false},
	{"Wrenfield Recruiting", "wrenfield.com", "en", 3, false},
	{"Yarrow Health", "yarrowhealth.com", "en", 2, false},
	{"Zephyr Lane Events", "zephyrlane.events", "en", 2, false},
	{"Alder Point Fitness", "alderpointfitness.com", "en", 2, false},
	{"Birchmont Wealth", "birchmontwealth.com", "en", 3, false},
	{"Cinder Creek Outdoors", "cindercreek.com", "en", 2, false},
	{"Dovetail Revenue Consulting", "dovetailrev.com", "en", 2, false},
	{"Elmstead Tutors", "elmsteadtutors.co.uk", "en", 2, false},
	{"Foxglove Clinics", "foxgloveclinics.com", "en", 3, false},
	{"Gannet Marine", "gannetmarine.com", "en", 2, false},
	{"Heron Bay Travel", "heronbaytravel.com", "en", 2, false},
	{"Inkwell Agency", "inkwell.agency", "en", 3, false},
	{"Jasper Flats Solar", "jasperflats.com", "en", 2, false},
	{"Kiln Coffee Roasters", "kilncoffee.com", "en", 1, false},
	{"Larkspur Dental", "larkspurdental.com", "en", 2, false},
	{"Meridian Lift Services", "meridianlift.com", "en", 2, false},
	{"Northgate Accounting", "northgateacct.com", "en", 3, false},
	{"Otterbrook Insurance", "otterbrook.com", "en", 2, false},
	{"Pinewood Realty Group", "pinewoodrealty.com", "en", 3, false},
	{"Quayside Yachts", "quaysideyachts.com", "en", 1, false},
	{"Rookery Labs", "rookerylabs.com", "en", 2, false},
	{"Silverbirch Schools Trust", "silverbirch.org.uk", "en", 2, false},
	{"Thistle Data", "thistledata.co.uk", "en", 3, false},
	{"Upland Grain Co", "uplandgrain.com", "en", 1, false},
	{"Valewood Tiles", "valewoodtiles.com", "en", 2, false},
	{"Willowmere Homes", "willowmerehomes.com", "en", 2, false},
	{"Yellowpine Media", "yellowpine.media", "en", 2, false},
	{"Zinnia Florals", "zinniaflorals.com", "en", 1, false},
	{"Arbor & Vale Law", "arborvale.law", "en", 2, false},
	{"Bracken Hill Farms", "brackenhill.farm", "en", 1, false},
	{"Coldwater Creative", "coldwatercreative.com", "en", 2, false},
	{"Driftwood SaaS", "driftwoodsaas.com", "en", 3, false},
	{"Fairlight Optics", "fairlightoptics.com", "en", 2, false},
	{"Glenrock Capital", "glenrockcap.com", "en", 2, false},
	{"Hartwell Tutoring", "hartwelltutoring.com", "en", 1, false},
	{"Ivory Gate Events", "ivorygate.events", "en", 2, false},
	{"Kingsford Pools", "kingsfordpools.com", "en", 2, false},
	{"Lanternfish Games", "lanternfish.games", "en", 2, false},
	{"Mossgiel Distillers", "mossgiel.co.uk", "en", 1, false},
	{"Northshore Home Care", "northshorehomecare.com", "en", 3, false},
	{"Parkline Property Mgmt", "parklinepm.com", "en", 2, false},
	{"Quillstone Partners", "quillstone.com", "en", 2, false},
	{"Rivetside Manufacturing", "rivetside.com", "en", 3, false},
	{"Sunforge Energy", "sunforge.energy", "en", 2, false},
	{"Tamarack Benefits", "tamarackbenefits.com", "en", 3, false},
	{"Whitcombe Auctions", "whitcombe.co.uk", "en", 1, false},
	{"Clearwell Water Systems", "clearwellws.com", "en", 2, false},
	{"Emberly Candles", "emberly.shop", "en", 1, false},
	{"Finchley Medical Supply", "finchleymed.com", "en", 2, false},
}

var freelancers = []Org{
	{"Whitfield Coaching", "gmail.com", "en", 1, true},
	{"Okafor Sales Advisory", "gmail.com", "en", 1, true},
	{"Brennan Consulting", "outlook.com", "en", 1, true},
	{"Nakamura Design", "gmail.com", "en", 1, true},
	{"Lindqvist Growth", "proton.me", "en", 1, true},
	{"Harrington Executive Search", "gmail.com", "en", 1, true},
	{"Delgado Bookkeeping", "yahoo.com", "en", 1, true},
	{"Thornton Photography", "gmail.com", "en", 1, true},
	{"Sutherland Career Coaching", "icloud.com", "en", 1, true},
	{"Ellison Fractional CFO", "gmail.com", "en", 1, true},
	{"Vance Interiors", "outlook.com", "en", 1, true},
	{"Kowalski Translations", "gmail.com", "en", 1, true},
	{"Moreau Conseil", "gmail.com", "fr", 1, true},
	{"Becker Vertriebsberatung", "gmx.de", "de", 1, true},
	{"Romero Asesores", "gmail.com", "es", 1, true},
}

var firstEN = []string{"Dana", "Marcus", "Priyanka", "Jordan", "Aisha", "Tom", "Rachel", "Kenji", "Olivia", "Mateo", "Grace", "Liam", "Nadia", "Ethan", "Chloe", "Samuel", "Zoe", "Hannah", "Isaac", "Mei", "Noah", "Fatima", "Connor", "Lucy", "Andre", "Bianca", "Caleb", "Daria", "Elliot", "Farah", "Gavin", "Holly", "Ivan", "Jess", "Kwame", "Leah", "Malik", "Nora", "Owen", "Paige", "Quinn", "Rosa", "Sanjay", "Tessa", "Umar", "Valerie", "Wes", "Ximena", "Yusuf", "Zara", "Brooke", "Derek", "Erin", "Felix", "Gemma", "Hugo", "Imogen", "Jamal", "Kara", "Lewis", "Maya", "Nathan", "Ophelia", "Pete", "Renee", "Shaun", "Tara", "Vikram", "Whitney", "Amara", "Ben", "Cassie", "Diego", "Elena", "Frank", "Gloria", "Hector", "Iris", "Jonah", "Kelsey", "Logan", "Mariana", "Nikhil", "Abby", "Brandon", "Carmen", "Dmitri", "Esther", "Finn", "Georgia", "Harper", "Ian", "Jade", "Kyle", "Lena", "Marco", "Nia", "Oscar", "Phoebe", "Raj", "Sofia", "Trent", "Uma", "Vera", "Will", "Courtney", "Dwayne", "Meghan", "Ryan", "Stacy"}
var lastEN = []string{"Whitfield", "Okafor", "Brennan", "Castillo", "Nakamura", "Patel", "Lindqvist", "Morales", "Fitzgerald", "Adeyemi", "Harrington", "Kowalski", "Delgado", "Thornton", "Nguyen", "Rasmussen", "Oyelaran", "Sutherland", "Bianchi", "Chandra", "Mercer", "Haddad", "Ellison", "Quintero", "Vance", "Ostrowski", "Kim", "Abernathy", "Byrne", "Caldwell", "Eriksen", "Fenwick", "Gallagher", "Holloway", "Iqbal", "Jansen", "Kaur", "Langford", "McAllister", "Novak", "O'Connell", "Pruitt", "Reyes", "Sandoval", "Tanaka", "Underwood", "Varga", "Wexler", "Yamamoto", "Zielinski", "Ashby", "Blackwood", "Carrington", "Donnelly", "Easton", "Forsyth", "Gupta", "Hale", "Ingram", "Jovanovic", "Keane", "Lowry", "Mahoney", "Nash", "Osei", "Parrish", "Rowe", "Sato", "Tillman", "Upton", "Vasquez", "Whitaker", "Yates", "Ambrose", "Bishop", "Chen", "Dalton", "Esposito", "Flores", "Grant", "Hoang", "Ibarra", "Jensen", "Kearney", "Lopez", "Mendez", "Nolan", "Oakes", "Pike", "Rahman", "Shah", "Torres", "Vu", "Wong", "Murphy", "Schwartz", "Liu"}
var firstDE = []string{"Jonas", "Lea", "Felix", "Anna", "Lukas", "Katrin", "Matthias", "Sabine", "Tobias", "Julia", "Stefan", "Miriam", "Florian", "Christina", "Andreas", "Jana"}
var lastDE = []string{"Hoffmann", "Becker", "Schulz", "Wagner", "Krüger", "Neumann", "Zimmermann", "Braun", "Hartmann", "Lange", "Vogel", "Friedrich", "Schröder", "Keller", "Wolff", "Brandt"}
var firstFR = []string{"Camille", "Julien", "Élodie", "Antoine", "Manon", "Thomas", "Chloé", "Nicolas", "Léa", "Mathieu", "Sophie", "Guillaume"}
var lastFR = []string{"Lefebvre", "Moreau", "Girard", "Fontaine", "Rousseau", "Chevalier", "Garnier", "Lambert", "Bonnet", "Mercier", "Faure", "Roux"}
var firstES = []string{"Lucía", "Javier", "Carmen", "Alejandro", "Sofía", "Diego", "Paula", "Andrés", "Marta", "Sergio", "Valentina", "Pablo"}
var lastES = []string{"García", "Fernández", "Martínez", "Romero", "Navarro", "Ruiz", "Ortega", "Castro", "Herrera", "Vidal", "Iglesias", "Molina"}

var titles = []string{"Account Executive", "Senior Account Executive", "SDR", "Sales Development Rep", "Sales Manager", "Customer Success Manager", "Head of Sales", "RevOps Lead", "IT Administrator", "Office Manager", "VP Customer Success", "Solutions Consultant", "Founder", "Director of Sales", "Onboarding Specialist", "Regional Sales Lead", "Partner Manager", "Operations Lead", "Enterprise AE", "CS Team Lead"}

var customers []*Customer
var byOrg = map[string][]*Customer{}

func ascii(s string) string {
	r := strings.NewReplacer("é", "e", "É", "e", "è", "e", "ö", "oe", "ü", "ue", "ä", "ae", "ß", "ss", "í", "i", "á", "a", "ó", "o", "ñ", "n", "'", "")
	return strings.ToLower(r.Replace(s))
}

func slugify(s string) string {
	s = ascii(s)
	var b strings.Builder
	dash := false
	for _, c := range s {
		if (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') {
			b.WriteRune(c)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

func buildCustomers() {
	used := map[string]bool{}
	all := append(append([]Org{}, orgs...), freelancers...)
	for _, o := range all {
		fn, ln := firstEN, lastEN
		switch o.Lang {
		case "de":
			fn, ln = firstDE, lastDE
		case "fr":
			fn, ln = firstFR, lastFR
		case "es":
			fn, ln = firstES, lastES
		}
		style := rng.IntN(3)
		for i := 0; i < o.Size; i++ {
			var c *Customer
			for tries := 0; ; tries++ {
				f, l := pick(fn), pick(ln)
				if o.Freelance {
					// the org of a freelancer carries their surname
					words := strings.Fields(o.Name)
					l = words[0]
					if tries > 3 {
						l = pick(ln)
					}
				}
				var local string
				switch {
				case o.Freelance:
					local = ascii(f) + "." + ascii(l)
					if chance(0.5) {
						local = ascii(f) + ascii(l) + fmt.Sprint(between(7, 92))
					}
				case style == 0:
					local = ascii(f) + "." + ascii(l)
				case style == 1:
					local = ascii(f)[:1] + ascii(l)
				default:
					local = ascii(f)
					if o.Size > 4 {
						local = ascii(f) + "." + ascii(l)[:1]
					}
				}
				email := local + "@" + o.Domain
				if used[email] || used[f+" "+l] {
					continue
				}
				used[email], used[f+" "+l] = true, true
				c = &Customer{First: f, Last: l, Name: f + " " + l, Email: email, Org: o.Name, Lang: o.Lang,
					Title: pick(titles), Phone: fmt.Sprintf("+1 555 01%02d", between(0, 99)), Slug: slugify(o.Name), Weight: 1}
				if strings.HasSuffix(o.Domain, ".de") || o.Domain == "gmx.de" {
					c.Phone = fmt.Sprintf("+49 30 %d %04d", between(200, 899), between(0, 9999))
				} else if strings.HasSuffix(o.Domain, ".fr") || o.Lang == "fr" {
					c.Phone = fmt.Sprintf("+33 1 %02d %02d %02d %02d", between(10, 99), between(10, 99), between(10, 99), between(10, 99))
				} else if strings.HasSuffix(o.Domain, ".es") || strings.HasSuffix(o.Domain, ".mx") || o.Lang == "es" {
					c.Phone = fmt.Sprintf("+34 91 %03d %02d %02d", between(100, 999), between(10, 99), between(10, 99))
				} else if strings.HasSuffix(o.Domain, ".uk") {
					c.Phone = fmt.Sprintf("+44 20 7946 0%03d", between(0, 999))
				}
				break
			}
			customers = append(customers, c)
			byOrg[c.Org] = append(byOrg[c.Org], c)
		}
	}
}

// pickCustomer picks a reporter; bigOrgBias > 1 favours people in large orgs
// (many of them are hit at once by an outage).
func pickCustomer(bigOrgBias float64, lang string) *Customer {
	total := 0.0
	w := make([]float64, len(customers))
	for i, c := range customers {
		x := c.Weight
		if n := len(byOrg[c.Org]); n >= 8 {
			x *= bigOrgBias
		}
		if lang != "" && c.Lang != lang {
			x = 0
		}
		w[i] = x
		total += x
	}
	r := rng.Float64() * total
	for i, x := range w {
		r -= x
		if r < 0 {
			return customers[i]
		}
	}
	return customers[len(customers)-1]
}

// ---------------------------------------------------------------- messages

// msg is a ticket before it is rendered into a surface (mail, chat, form...).
type msg struct {
	at      time.Time
	label   string
	cust    *Customer
	subject string
	core    []string // the customer's own sentences
	foreign bool     // core is a complete non-English text with its own greeting
	long    bool     // pad with rambling context to 1,500+ characters
	raw     bool     // subject and body are final (auto-replies, bounces)
	body    string
	source  string // forced source, or "" to choose
	parent  *msg   // follow-up of this ticket
	cat     string // web-form topic
	id      string
	text    string // the rendered customer text, quoted by follow-ups
	// fromName/fromEmail/fromOrg override the reporter (bounces)
	fromName, fromEmail, fromOrg string
}

var msgs []*msg

func add(m *msg) *msg { msgs = append(msgs, m); return m }

// incText is the vocabulary of one symptom of an incident.
type incText struct {
	name string
	subj []string
	sym  []string
	ctx  []string
	ask  []string
}

// compose draws 1–2 symptom sentences, 0–2 context sentences and maybe an ask;
// it returns a subject that belongs to the first symptom, if it has one.
func (t incText) compose() (string, []string) {
	nsym := 1
	if chance(0.45) {
		nsym = 2
	}
	// sentences marked "~" lean on another one and never open a ticket
	var prim []string
	for _, x := range t.sym {
		if !strings.HasPrefix(x, "~") {
			prim = append(prim, x)
		}
	}
	out := []string{draw(t.name+".sym1", prim)}
	for nsym == 2 {
		x := draw(t.name+".sym2", t.sym)
		if x != out[0] {
			out = append(out, strings.TrimPrefix(x, "~"))
			break
		}
	}
	hint := ""
	for i := range out {
		subs, text := splitSubj(out[i])
		if i == 0 && subs != nil {
			hint = pick(subs)
		}
		out[i] = text
	}
	nctx := 0
	switch r := rng.Float64(); {
	case r < 0.35:
		nctx = 0
	case r < 0.8:
		nctx = 1
	default:
		nctx = 2
	}
	ctx := drawN(t.name+".ctx", t.ctx, nctx)
	if len(ctx) > 0 && chance(0.3) {
		out = append([]string{ctx[0]}, out...)
		ctx = ctx[1:]
	}
	out = append(out, ctx...)
	if len(t.ask) > 0 && chance(0.55) {
		out = append(out, draw(t.name+".ask", t.ask))
	}
	return hint, out
}

type foreignText struct{ lang, subj, body string }

// ---------------------------------------------------------------- shared incident phrases

var urgentCtx = []string{
	"I have a demo with a prospect in 20 minutes.",
	"We're in the last weeks of the quarter so the timing could not be worse.",
	"Our customer is literally waiting in the meeting right now.",
	"We have a dozen customer calls booked this afternoon.",
	"I've had to move two meetings already.",
	"My manager asked me to raise a ticket straight away.",
	"I'm a paying Business customer and this is not acceptable.",
	"We had to switch our last call to a plain phone call.",
	"Started about 20 minutes ago.",
	"Our whole pod is affected, not just me.",
	"We run every single sales call through MeetBeam.",
	"I have back-to-back calls until 6.",
}

// ---------------------------------------------------------------- inc 1: edgeharbor CDN, recordings (Mon)

const labelCDN = "inc-recordings-cdn-outage"

var cdnText = incText{
	name: "cdn",
	subj: []string{
		"Recordings won't play", "Recordings page broken",
		"recordings not loading", "Error playing back yesterday's call", "Playback error on all recordings", "Recording library not working?", "Can't access our call recordings", "Problem with recordings today", "Video recordings not playing back",
	},
	sym: []string{
		"When I open a recording it shows a spinner and then \"This video could not be loaded\".",
		"[Can't download recording - 503 error|503 when downloading mp4] The Download button takes me to a page that says 503 Service Unavailable.",
		"[Client can't open the recording link I sent|recording link shows error page] The link I sent my client to watch our demo recording now shows an error page for them.",
		"[Recording thumbnails gone + videos won't load] All the thumbnails on the Recordings tab are grey boxes and nothing plays.",
		"Playback starts, runs for two or three seconds and then stops with a network error.",
		"~It's every recording, old ones from last month and the ones from this morning.",
		"[Download fails at 0%] The mp4 download fails at 0% every time.",
		"The player says \"Failed to fetch media segment\" and gives up.",
		"I can see the list of recordings but none of them will play.",
		"Share-recording links give my prospects a blank page with \"upstream error\".",
		"~Even the short 5 minute clips won't load.",
		"~Downloading from the meeting summary page also fails.",
		"The recording page loads super slowly and then the video area just stays black.",
		"~Tried on Chrome and Safari and on my phone, same error on all of them.",
	},
	ctx: []string{
		"I need the recording for a deal review in an hour.",
		"Our managers use the recordings for coaching sessions this afternoon.",
		"I promised a prospect the recording of today's demo by end of day.",
		"Legal asked me for the recording of a call from last week.",
		"My colleagues have the same problem, so it's not my account.",
		"It worked this morning when I checked yesterday's call.",
		"We're doing our weekly call review with the whole team right now.",
		"Our customer's procurement team wants to rewatch the pricing walkthrough.",
	},
	ask: []string{"Is something down on your side?", "Is this a known issue?", "Any idea when this will be fixed?", "Can you check please?", "Please help."},
}

var cdnForeign = []foreignText{
	{"de", "Aufzeichnungen lassen sich nicht abspielen", "Hallo,\n\nseit etwa einer halben Stunde können wir keine Aufzeichnungen mehr abspielen oder herunterladen. Beim Download kommt \"503 Service Unavailable\", im Player dreht sich nur der Kreis. Betrifft alle Kollegen bei uns.\n\nViele Grüße"},
	{"es", "No se pueden ver las grabaciones", "Hola, ninguna grabación se reproduce desde hace un rato, ni las antiguas ni las de hoy. El enlace que mandé a un cliente también da error. ¿Está caído algo?\n\nGracias"},
}

var cdnFollow = []string{
	"Any update? Still can't play any recording.",
	"Following up, my client is still getting the error page on the shared link.",
	"Still broken here. Do you have an ETA?",
	"Quick update: thumbnails are back but playback still fails for me.",
}

// ---------------------------------------------------------------- inc 2: keyloom identity, login + share start (Tue)

const labelAuth = "inc-login-share-auth-outage"

var authLogin = incText{
	name: "authlogin",
	subj: []string{
		"Can't log in", "Login not working", "cant sign in to meetbeam", "URGENT - locked out of MeetBeam, demo in 20 min",
		"Sign-in page error", "Error when logging in: \"Something went wrong\"", "login broken??", "MeetBeam won't let me sign in",
		"Is MeetBeam down?", "Whole team can't access MeetBeam", "Can't get into my account", "login spinning forever", "Problem signing in",
		"unable to login - customer waiting", "Login issue", "Outage?", "Authentication error on login",
		"Is anyone else unable to log in?", "Sales team locked out",
		"cannot access app.meetbeam.io", "Login down", "Sign in failing after password", "can't log into meetbeam!!", "we are all logged out", "Login problems right now",
	},
	sym: []string{
		"I enter my email and password and it just spins, then says \"Something went wrong. Please try again.\"",
		"After the password step I get \"We couldn't sign you in right now\" and I'm back at the start.",
		"The sign-in page keeps timing out on me.",
		"[SSO login failing for everyone on our team|SSO not working since this afternoon] When I click \"Sign in with SSO\" I land on a blank white page and then get bounced back to the login screen.",
		"[Trouble logging in - error AUTH-503|Getting \"authentication service unavailable\"] Every login attempt ends with \"Authentication service unavailable (AUTH-503)\".",
		"Nobody on our team can log in. We tried Chrome, Edge and Firefox, same result everywhere.",
		"It worked fine this morning, now I can't get past the login page at all.",
		"[Sign in loop|Keep getting sent back to the login screen] I'm stuck in a redirect loop between app.meetbeam.io and the sign-in page.",
		"The Sign in button does nothing for about 30 seconds and then a red banner says something went wrong.",
		"I got logged out in the middle of prepping for a call and now it won't let me back in.",
		"The page at login.keyloom.net says \"Service temporarily unavailable\" when I try to sign in.",
		"~Tried incognito, cleared cookies, rebooted. Still can't log in.",
		"~The mobile app also says \"Unable to authenticate, try again later\".",
		"After entering my password it hangs on \"Verifying…\" forever.",
		"[SSO login broken, other apps fine] Our SSO works for every other app we use today, only MeetBeam fails after the redirect.",
		"[Log in fails with 504] I get a 504 Gateway Timeout on the login callback URL.",
		"It doesn't even get to the 2FA code screen, it errors right after the password.",
		"Login is either extremely slow or fails outright, maybe 1 in 5 attempts gets through.",
		"\"Continue with Google\" just shows an error page and sends me back.",
		"My session expired and now logging back in fails every time.",
		"Three of us in the office tried on different laptops and nobody can sign in.",
		"I reset my password to be safe, but logging in with the new one fails with exactly the same error.",
		"the login screen says invalid token and then nothing happens",
		"The error on sign in says \"upstream request timeout\".",
		"I can see the login page, I type everything correctly, and it throws me back with \"Please try again in a few minutes\".",
		"It's not a wrong password, the error is a generic server error and it happens to my manager too.",
		"I was signed in on my laptop but every page now says \"session invalid\" and sends me to log in again, which fails.",
		"~Our admin can't log in either, so we can't even check the workspace settings.",
	},
	ctx: append([]string{
		"This is affecting our whole SDR team, about 30 people.",
		"Is there a status page I can check?",
		"It's not just me, everyone in our Denver office has the same problem.",
		"Other sites load fine, so it's not our internet.",
		"Our IT guy checked and says it's on your side.",
		"Colleagues in London and Austin see the same thing.",
		"It's been like this since roughly 3pm UK time.",
		"I checked with two other teams in the building, same issue.",
		"We haven't changed anything in our SSO setup.",
	}, urgentCtx...),
	ask: []string{"Is this a known issue?", "Are you having an outage?", "Please advise ASAP.", "Can you tell me when this will be fixed?", "Is there a workaround in the meantime?", "Please let us know what's going on.", "Can someone call me back?", "Is MeetBeam down?", "What do we do?"},
}

var authShare = incText{
	name: "authshare",
	subj: []string{
		"Screen share won't start", "Share button gives an error",
		"Screenshare fails at start", "Unable to present in my meeting", "screen sharing broken right now??",
		"can't share my screen with a prospect", "SHARE NOT WORKING",
		"Presenting fails immediately", "Cannot start sharing - auth error",
		"Can't present", "screen share error in every meeting", "Sharing screen impossible right now",
		"Share won't start, logged in fine", "Urgent: can't share during demo",
	},
	sym: []string{
		"[Can't share screen - \"could not verify your session\"] I'm already in the meeting, but when I click Share screen I get \"We could not verify your session. Please sign in again.\"",
		"Clicking Present does nothing for a few seconds and then says \"Sharing could not be started\".",
		"The browser asks which window to share, I pick it, then MeetBeam throws an error and the share never starts.",
		"I'm still logged in, I can see my meetings, but starting a share fails with an authorization error.",
		"When I try to share it logs me out and asks me to sign in again, and that fails too.",
		"[Screen share error SHR-401] Screen sharing fails right at the start with error code SHR-401.",
		"My prospect can see my camera fine, but as soon as I try to share: error.",
		"[Share stuck on \"Starting…\"] The share button spins on \"Starting…\" and then gives up.",
		"[Error when starting screen share: session check failed] Retrying the share gives the same \"session check failed\" message every time.",
		"~It happens in every room, not just one meeting.",
		"We've had three demos in a row where nobody could present.",
		"Audio and video are fine, it's only screen share that won't start.",
		"~My colleague who is hosting can't share either, so it's not my account.",
		"I get a popup \"Your session could not be validated\" the moment I hit share.",
		"~Tried sharing a single tab and the entire screen, both fail instantly.",
		"The share starts for a split second, then a red bar says \"Not authorised to share in this room\".",
		"Guests can join the room but no one can start sharing, not even the host.",
	},
	ctx: append([]string{
		"I had to email the deck and talk them through it, very unprofessional.",
		"This is a renewal call with our biggest account.",
		"We rely on screen share for every single call.",
		"I rejoined the meeting twice, no change.",
		"Our onboarding sessions are all screen share, so CS is stuck too.",
		"Joining worked, it's only presenting that breaks.",
	}, urgentCtx...),
	ask: []string{"Is this a known issue?", "Is something broken on your side?", "Please fix asap.", "Is there a workaround?", "Can you look at this urgently?", "What's going on?"},
}

var authBoth = []string{
	"Half the team can't log in at all, and the ones who are still logged in can't start a screen share.",
	"First I couldn't share (session check failed), then I refreshed and now I can't even log in.",
	"Log in fails for new sessions and sharing fails for people who were already in meetings.",
	"My colleague can't sign in and I can't present — looks like the same thing.",
}

var authForeign = []foreignText{
	{"de", "Anmeldung nicht möglich", "Hallo,\n\nseit ca. 15:45 Uhr können sich mehrere Kollegen bei uns nicht mehr bei MeetBeam anmelden. Nach Eingabe des Passworts kommt nur \"Etwas ist schiefgelaufen\". Wir haben heute Nachmittag noch mehrere Kundentermine. Bitte um dringende Rückmeldung.\n\nViele Grüße"},
	{"de", "Bildschirmfreigabe startet nicht", "Hallo Support-Team,\n\nich bin eingeloggt, aber wenn ich meinen Bildschirm teilen will, erscheint \"Sitzung konnte nicht überprüft werden\". Der Kunde wartet im Meeting. Was ist da los?"},
	{"de", "Login über SSO geht nicht", "Guten Tag, der Login über SSO funktioniert seit einer halben Stunde bei niemandem im Vertrieb. Andere Tools gehen ganz normal. Liegt eine Störung vor?\n\nMfG"},
	{"fr", "Impossible de se connecter", "Bonjour,\n\nDepuis environ 16h aucun membre de notre équipe n'arrive à se connecter à MeetBeam. Le message « Une erreur s'est produite » s'affiche après le mot de passe. Pouvez-vous vérifier ?\n\nMerci d'avance"},
	{"fr", "Partage d'écran impossible", "Bonjour, le partage d'écran ne démarre plus : « Impossible de vérifier votre session ». J'ai un rendez-vous client dans 10 minutes ! Merci de me répondre rapidement."},
	{"es", "No puedo iniciar sesión", "Hola,\n\nno puedo entrar a MeetBeam desde hace media hora. Me sale \"Algo salió mal\" después de poner la contraseña. Mis compañeros tienen el mismo problema.\n\nSaludos"},
	{"es", "Error al compartir pantalla", "Buenas tardes, al intentar compartir pantalla aparece un error de autorización y la presentación no arranca. Estoy en una reunión con un cliente ahora mismo."},
}

var authFollow = []string{
	"Any update on this?",
	"Still can't log in. Any ETA?",
	"Hi again, it's been 40 minutes now. Any news?",
	"Following up — still broken for all of us.",
	"ANY UPDATE??",
	"Just checking if there's an ETA, I need to tell my manager something.",
	"Still getting the same error. We've now cancelled two client calls.",
	"I can log in now but sharing still fails.",
	"Is there anything we can do on our side while you fix it?",
	"Hello?? We're still locked out.",
	"Is there an official statement I can forward to my team?",
	"It worked for 5 minutes and now it's failing again.",
	"Update: my colleagues in Austin are still affected too.",
	"Can you at least confirm you are aware of this?",
	"still nothing. this is the third call I've lost today",
}

// ---------------------------------------------------------------- inc 3: postlark email delays (Wed)

const labelMail = "inc-invite-email-delay"

var mailText = incText{
	name: "mail",
	subj: []string{
		"Guests not receiving meeting invites", "Invite emails not arriving", "Calendar invite never received by client",
		"My client didn't get the join link", "Emails from MeetBeam delayed?", "Invites stuck?",
		"where are the meeting invitations", "External attendees not getting invites", "invitation emails very late",
		"Join link email never arrived", "Are your emails down?", "Prospect says no invite received",
	},
	sym: []string{
		"I scheduled a meeting an hour ago and none of the 4 guests got the invitation.",
		"The invite shows up in my own calendar but the external attendees never received anything.",
		"I resent the invite twice, still nothing on their side, and they checked spam.",
		"Invites I sent this morning only arrived now, almost two hours later.",
		"[New team members not getting workspace invitation|Workspace invites not arriving] We added 6 new reps to the workspace and not one of them has received the invitation email.",
		"[Password reset email not coming|No password reset email] I requested a password reset three times in the last hour and no email has come through.",
		"[No \"recording ready\" email today] Normally the \"your recording is ready\" email comes within minutes, today nothing at all.",
		"My prospect joined 40 minutes late because the email with the join link only reached them then.",
		"Our customers keep asking where the link is, I had to copy-paste it into a normal email.",
		"~[Meeting reminders not sent?] The reminder emails before meetings didn't go out either.",
		"~Guests at three different companies, so it's not their spam filter.",
		"Resending from the meeting page says \"Invitation sent\" but it never arrives.",
		"Some invites arrive, most don't, and the ones that do are really late.",
		"Even the invite I sent to my own personal address to test hasn't shown up after 30 minutes.",
	},
	ctx: []string{
		"Is there a delay with your emails? Several of my colleagues have the same issue.",
		"We have an onboarding webinar at 2pm with 20 external attendees.",
		"This is making us look disorganised in front of prospects.",
		"Our new hires can't start their training without the workspace invite.",
		"I checked the email address twice, it's correct.",
		"Nothing has changed on our side.",
		"It's happening for meetings booked through the scheduling page too.",
		"My colleagues in the CS team see the same thing.",
	},
	ask: []string{"Is something wrong with your email sending?", "Can you check the logs on your side?", "Is this a known issue?", "How long until this is fixed?", "Please advise."},
}

var mailForeign = []foreignText{
	{"de", "Einladungen kommen nicht an", "Hallo,\n\nunsere Gäste erhalten seit heute Vormittag keine Einladungs-E-Mails mehr von MeetBeam. Im eigenen Kalender ist der Termin da, aber die Kunden bekommen nichts (auch nicht im Spam). Können Sie das prüfen?\n\nDanke und Grüße"},
	{"es", "Los invitados no reciben la invitación", "Hola, hemos programado varias reuniones esta mañana y los invitados externos no reciben el correo con el enlace. Algunos llegan con más de una hora de retraso. ¿Hay algún problema con los correos?"},
}

var mailFollow = []string{
	"Any news? Guests still aren't getting the invites.",
	"Update: one invite finally arrived, 1h45 after I sent it. Others still missing.",
	"Still waiting on the workspace invites for our new reps, any update?",
	"Following up on this, still seeing delays.",
}

// ---------------------------------------------------------------- inc 4: relaywave media relay, share freeze (Thu)

const labelMedia = "inc-share-freeze-media"

var mediaText = incText{
	name: "media",
	subj: []string{
		"Screen share freezing", "Shared screen frozen for viewers", "Screenshare very laggy / choppy", "Call quality terrible right now", "Share keeps freezing mid-demo", "Video and screen share freezing", "My screen share stops updating after a minute",
		"DEMO RUINED - screen share froze", "Is there an issue with your media servers?", "Frozen screen share in every meeting", "Guests say my share is stuck", "video freezing for everyone", "Screen share goes black after a few seconds",
	},
	sym: []string{
		"The share starts fine, but after 20–30 seconds it freezes on the same frame for everyone else.",
		"[black screen when sharing|Participants see black screen] My prospect said they only saw a black screen, even though on my side it said I was sharing.",
		"[\"Reconnecting...\" banner over and over] It keeps showing \"Reconnecting…\" at the top and then the screen freezes.",
		"[Share lagging 10+ seconds|poor quality / pixelated share] The video is super pixelated and the share lags about 10 seconds behind.",
		"[Robotic audio and frozen video|Audio cutting out] Audio drops out every minute or so and sounds robotic.",
		"Everyone's camera froze at the same moment and the share went black.",
		"I stopped and restarted the share three times; it works for a bit and then freezes again.",
		"On my end everything looks normal, but the customer sees a frozen slide from 5 minutes ago.",
		"~Switched from wifi to ethernet, no difference.",
		"~It's happening on several calls across our team, not just one.",
		"The cursor moves on my screen but the viewers see a still image.",
		"Slides don't advance for the viewers.",
		"[Calls dropping and freezing] We keep getting dropped from the meeting and rejoined automatically.",
		"The share window turns grey, then black, for the attendees after about a minute.",
		"The network indicator shows red for everyone in the room.",
		"Guests in Germany and the Netherlands said the screen was frozen the whole time.",
		"Sharing a browser tab is a slideshow, maybe one frame every few seconds.",
		"Camera video is frozen for the other side but my audio still goes through, with big gaps.",
		"~My colleague in the same office has the same thing in her meeting right now.",
	},
	ctx: []string{
		"This was a live demo with a prospect we've been chasing for months.",
		"We're on a 500 Mbps fibre line, so it isn't our internet.",
		"It happened in two separate meetings back to back.",
		"Other video tools work fine on the same network.",
		"Several people on my team are reporting the same thing right now.",
		"I was presenting pricing and it froze on the agenda slide.",
		"The customer ended the call early because they couldn't see anything.",
		"Our CS team has onboarding sessions all afternoon.",
		"Restarting the browser didn't help.",
		"The connection indicator in the corner goes red.",
		"Our calls this morning were perfectly fine.",
		"We're a remote team, everyone is on different home networks, and all of us have it.",
	},
	ask: []string{"Is there an issue on your side?", "Are you aware of a problem with call quality?", "Is this a known issue right now?", "Please look into it urgently.", "What can we do?", "When will this be fixed?", "Is it us or you?"},
}

var mediaForeign = []foreignText{
	{"fr", "Partage d'écran figé", "Bonjour,\n\nPendant notre démo le partage d'écran se fige au bout de quelques secondes et nos clients voient un écran noir. Le son coupe aussi. Est-ce un problème général ?\n\nCordialement"},
	{"de", "Bildschirm friert ein", "Hallo,\n\ndie Bildschirmfreigabe friert bei unseren Kunden nach kurzer Zeit ein bzw. wird schwarz. Der Ton ist abgehackt. Betrifft mehrere Meetings gleichzeitig, nicht nur meins.\n\nGruß"},
	{"es", "La pantalla compartida se congela", "Hola, la pantalla compartida se queda congelada y los invitados ven todo negro. El audio se corta cada minuto. Nos pasa en todas las reuniones de esta tarde."},
}

var mediaFollow = []string{
	"Still freezing on my calls, any update?",
	"Any news? It's still pretty bad.",
	"Just had another call ruined, please update.",
	"Is it fixed? Your status page says monitoring but we're still seeing black screens.",
	"Still happening for my colleagues in Madrid.",
	"Following up on my earlier message — still choppy.",
	"A bit better now but the share still freezes every few minutes.",
}

// ---------------------------------------------------------------- inc 5: own bug, invite times off by one hour (Fri)

const labelTZ = "inc-calendar-timezone-bug"

var tzText = incText{
	name: "tz",
	subj: []string{
		"Calendar invite has the wrong time", "Meeting showing 1 hour off for my client", "Time zone bug in invites?",
		"wrong time on meeting invitation",
		"Invites off by an hour since today",
		"Daylight saving issue?", "time mismatch between my calendar and guest's",
		"customer got wrong meeting time",
	},
	sym: []string{
		"I booked a call for 9:00 am Eastern with a prospect in Berlin. Their invite says 15:00, it should be 14:00.",
		"My client in London got an invite for 2pm her time, but we agreed on 1pm (9am for me in New York).",
		"The meeting looks right in my calendar, only the copy the guest receives is an hour off.",
		"[ICS file has wrong time] Both the email and the .ics file show the wrong time for my guest in Amsterdam.",
		"I'm in Paris and invited a customer in Boston for 17:00 my time. His invite says 11:00, it should say 12:00.",
		"[Guest showed up an hour late|Invite says 4pm, we agreed 3pm] My guest showed up an hour late because the invitation told them 4pm instead of 3pm.",
		"[Booking page times are wrong|Scheduling link shows wrong slots] Our booking page is offering UK visitors slots that are an hour later than my actual availability.",
		"[Reminder email one hour early] The reminder went out an hour early, \"starting in 15 minutes\" when the meeting was 75 minutes away.",
		"~Meetings I scheduled earlier in the week are fine, only the ones I created today are off.",
		"A prospect in Dublin asked why I moved our meeting. I didn't, your invite just shows the wrong hour.",
		"I invited my own personal address to test, and the event there is one hour later than what I picked.",
		"~It seems to only affect guests in Europe, my US attendees get the right time.",
		"I'm in Seattle, meeting at 8:00 PT with someone in Munich. The invite told her 17:00, the correct time is 16:00.",
		"~Rescheduling doesn't fix it, the new invite is also an hour off.",
		"The time written in the email body looks right, but the calendar attachment adds an hour.",
		"Two of my EMEA customers missed calls today because of the wrong time in the invite.",
		"The \"Add to calendar\" button on the join page adds the meeting one hour off.",
		"~Could this be daylight saving? The US switched last weekend and Europe hasn't yet.",
		"I booked 10:30 ET with a partner in Lisbon; their calendar shows 15:30, it should be 14:30.",
		"Our Madrid office receives internal invites from the New York team an hour late.",
		"My guest in Stockholm joined an hour late and we lost the slot.",
		"[Round-robin booking times wrong] The round-robin booking link gives visitors a confirmation time that doesn't match the slot they picked.",
	},
	ctx: []string{
		"This started today as far as I can tell.",
		"The scheduling page looks slightly different since yesterday evening, maybe an update?",
		"I've double-checked my time zone in settings, it's correct (America/New_York).",
		"This is embarrassing in front of customers.",
		"For now I'm writing the time in both time zones in the description.",
		"A colleague on my team has the same problem.",
		"Our European prospects are a big part of our pipeline.",
	},
	ask: []string{"Is this a known bug?", "Can you fix this quickly?", "Is there a setting I'm missing?", "Please look into it.", "How do I make sure my guests get the correct time?"},
}

var tzForeign = []foreignText{
	{"fr", "Mauvaise heure dans l'invitation", "Bonjour,\n\nDepuis ce matin, les invitations envoyées par mes collègues de New York arrivent chez nous avec une heure de décalage (15h au lieu de 14h). Dans leur calendrier l'heure est correcte. Pouvez-vous corriger ?\n\nMerci"},
	{"de", "Falsche Uhrzeit in Einladung", "Hallo, die Einladung meines US-Kollegen zeigt bei mir 16:00 statt 15:00 an. Im Anhang (.ics) ist es ebenfalls falsch. Ist das ein bekannter Fehler?"},
}

// ---------------------------------------------------------------- background, hard negatives, look-alikes

// topic is one kind of everyday ticket. feat marks the product feature so that
// background tickets about a feature that is in an outage are not placed
// inside that outage (those are written as look-alikes instead).
type topic struct {
	name   string
	feat   string
	w      int
	subj   []string
	ask    []string
	detail []string
}

// splitSubj splits "[A|B] text" into its own subjects and the text.
func splitSubj(s string) ([]string, string) {
	if strings.HasPrefix(s, "[") {
		if i := strings.Index(s, "] "); i > 0 {
			return strings.Split(s[1:i], "|"), s[i+2:]
		}
	}
	return nil, s
}

func (t topic) compose() (string, []string) {
	subs, ask := splitSubj(draw(t.name+".ask", t.ask))
	subj := ""
	if subs != nil && chance(0.75) {
		subj = pick(subs)
	} else {
		subj = draw(t.name+".subj", t.subj)
	}
	out := []string{ask}
	if len(t.detail) > 0 {
		n := 0
		if r := rng.Float64(); r < 0.45 {
			n = 1
		} else if r < 0.7 {
			n = 2
		}
		d := drawN(t.name+".detail", t.detail, n)
		if len(d) > 0 && len(d[0]) > 30 && chance(0.2) {
			out = append([]string{d[0]}, out...)
			d = d[1:]
		}
		out = append(out, d...)
	}
	return subj, out
}

// An ask may start with "[Subject one|Subject two] ": those subjects belong to
// that ask and are preferred over the topic's generic subjects.
var bgTopics = []topic{
	{"double", "billing", 2,
		[]string{"Charged twice?", "Double charge on our card", "Two payments this month", "duplicate charge", "Why were we billed twice", "Billing error - two charges"},
		[]string{"We see two charges of {amt} on our company card on the same day.", "Our finance team spotted a duplicate payment for this month's subscription.", "I think we were billed twice, once on the 1st and again on the 3rd.", "There are two identical charges from MeetBeam on my statement.", "Our card was charged for the seats twice after I added two users."},
		[]string{"Can you refund one of them?", "Our workspace is {org}.", "I've attached a screenshot of the statement.", "Could you check and let me know?", "The last four digits of the card are {last4}."}},
	{"invoice", "billing", 3,
		[]string{"Invoice request", "Invoice question", "Billing question", "Invoices"},
		[]string{"[Need invoice for February|Missing invoice] Could you send us the invoice for February? I can't find it on the billing page.", "[Invoice with VAT number|VAT number missing on invoice] Our VAT number is missing from the last invoice, can you re-issue it?", "[Invoice address wrong|Can you re-issue invoice {inv}?] The billing address on invoice {inv} is our old office, please update it.", "[PO number on invoices] Our accounts payable team needs a PO number on every invoice, can you add PO-{po}?", "[Where are past invoices?] Where do I download past invoices?", "[Company name on invoice] We need the invoice to show our legal entity name, {org}, not my name.", "[Invoice recipient] Can invoices go to ap@{domain} instead of me?"},
		[]string{"Thanks!", "We need it for month-end close.", "Our accountant is chasing me for it.", "I'm the billing admin for our workspace."}},
	{"receipt", "billing", 2,
		[]string{"Receipt please", "Payment receipt for expenses", "receipt for last payment", "Copy of receipt"},
		[]string{"Could you send me a receipt for the last payment of {amt}? I need it for my expense report.", "I paid with my personal card and need a receipt to get reimbursed.", "Where can I find receipts for the monthly payments?", "Can you resend the receipt for March, I deleted the email by accident."},
		[]string{"Thanks a lot.", "It's for the Starter plan.", "My expense report is due Friday."}},
	{"card", "billing", 2,
		[]string{"Payment method", "Billing question", "Card on file"},
		[]string{"[Payment failed|Card expired] We got an email that our payment failed. Our card expired, how do I update it?", "[Update credit card|New company card] I need to change the card on file to our new company card.", "[Card declined notice|Renewal payment declined] Our renewal payment was declined, the bank says they blocked it as suspicious. Can you retry?", "[Pay by bank transfer?] How do I switch from card to paying by bank transfer?", "[Can't add new card] The billing page won't accept our new card, it says the postcode doesn't match."},
		[]string{"We don't want to lose access.", "Our plan renews next week.", "I'm not the owner of the workspace, can I still do this?"}},
	{"refund", "billing", 2,
		[]string{"Refund request", "Refund?", "Billing question"},
		[]string{"[Refund for unused seats|Pro-rated refund?] We removed 5 seats last week, are we getting a pro-rated refund?", "[Wrong plan - annual instead of monthly] We were charged for the annual plan but meant to pick monthly. Can you refund and switch us?", "[Charged after cancelling] I cancelled my trial but still got charged {amt}.", "[Charged for users who left] Two of our users left the company in February and we were still charged for them."},
		[]string{"Please let me know how long the refund takes.", "Workspace name: {org}."}},
	{"seats_add", "billing", 3,
		[]string{"Add seats", "Need more licenses", "Adding users to our plan", "More seats for new hires", "How to add seats", "Seat increase"},
		[]string{"We're hiring {n} new SDRs next week, how do I add seats?", "Can you add {n} seats to our workspace and bill us on the next invoice?", "I'm trying to invite a new colleague but it says we have no seats left.", "What's the price per additional seat on the Business plan?", "We need {n} more licences for the customer success team."},
		[]string{"Same billing details as before.", "They start on Monday.", "Is there a discount above 50 seats?", "Our workspace is {org}."}},
	{"seats_remove", "billing", 2,
		[]string{"Remove seats", "Reduce licences", "Downsize our plan", "Fewer seats from next month"},
		[]string{"Please reduce our plan by {n} seats, two reps have left and we're not replacing them yet.", "How do I remove unused seats so we don't pay for them?", "We're restructuring the team and need to go down by {n} seats from next month.", "I deactivated a user, but the seat still shows on our bill."},
		[]string{"Effective from the next billing cycle is fine.", "Thanks in advance.", "Let me know if you need anything from me."}},
	{"upgrade", "billing", 2,
		[]string{"Plan question", "Upgrade question", "Pricing question"},
		[]string{"[Upgrade to Business] We'd like to upgrade from Pro to Business, mainly for SSO and custom branding.", "[Difference between Pro and Business?] What's the difference between Pro and Business when it comes to recording storage?", "[Switch to annual billing] Can we switch to annual billing and get the discount mid-cycle?", "[Trial extension|Can we extend our trial?] Our trial ends tomorrow, could you extend it by a week? Our decision maker is travelling.", "[Upgrade mid-cycle] If we upgrade today, is the price pro-rated?"},
		[]string{"We're about {n} users.", "Please send me a quote.", "Our procurement needs a formal quote first.", "Happy to jump on a call."}},
	{"downgrade", "billing", 1,
		[]string{"Downgrade plan", "Move to Starter plan", "Cheaper plan?"},
		[]string{"We want to downgrade to the Starter plan at renewal, what do we lose?", "Budget cuts, we need to move to a cheaper plan. Will our recordings be deleted?", "Can we downgrade just a few users to free accounts?"},
		[]string{"Renewal is at the end of the month.", "Thanks for your help."}},
	{"howto_record", "recordings", 3,
		[]string{"Recording question", "Question about recordings", "Recordings"},
		[]string{"[How to record a meeting|Where is the record button?] How do I record a meeting? I can't find the button.", "[Auto-record all calls?] Is it possible to automatically record every meeting in my room?", "[Where are my recordings stored?|Recording retention] Where are recordings stored and how long do you keep them?", "[Recording retention|Auto-delete recordings] Can we set recordings to be deleted after 90 days for compliance?", "[Recording consent notice] Do participants get notified when I start recording?", "[Record screen only] Can I record only the shared screen without my camera?", "[Share a recording externally|Can guests see the recording?] How do I share a recording with someone who doesn't have a MeetBeam account?"},
		[]string{"We're on the Pro plan.", "Our legal team is asking.", "I looked in the help centre but couldn't find it.", "Thanks!"}},
	{"howto_room", "meetings", 3,
		[]string{"Meeting room question", "Quick question", "How do I...", "Question about rooms"},
		[]string{"[Personal room link|Change my meeting link] Can I change my personal room link from the random letters to my name?", "[Waiting room settings] How do I turn on the waiting room so guests don't walk into my previous call?", "[Co-host question|Make a colleague co-host] Is there a way to make a colleague co-host so they can admit guests?", "[Max participants?] What's the maximum number of participants on the Business plan?", "[Lock the meeting room] How do I lock the room once everyone has joined?", "[Guests joining from phone] Can guests join from their phone without installing anything?", "[Second room link] Can I have a second room link for internal team meetings?"},
		[]string{"Thanks in advance.", "I'm new to MeetBeam.", "We switched over last week.", "Sorry if this is in the docs somewhere."}},
	{"howto_brand", "meetings", 2,
		[]string{"Custom branding", "Branding question", "Join page branding"},
		[]string{"[Add our logo to the join page] How do we add our company logo to the page guests see when they join?", "[Remove MeetBeam branding] Is it possible to remove the MeetBeam logo from the waiting room on the Business plan?", "[Brand colours on join page] Can we use our brand colour for the buttons on the join page?", "[Custom waiting room message] Can we put a custom message on the waiting room page?"},
		[]string{"Our marketing team is asking.", "We're on Business.", "Thanks."}},
	{"howto_share", "screenshare", 2,
		[]string{"Screen sharing question", "Question about presenting", "How to share"},
		[]string{"[How to share with audio|Sharing a video with sound] How do I share a video with sound? The guests can't hear the audio from the video.", "[Share only one window?] Can I share just one application window instead of my whole screen?", "[Presenter notes question] How can I present slides without the audience seeing my speaker notes?", "[Share from iPad] Is it possible to share my screen from an iPad?", "[Two monitors - which one is shared?] I have two monitors, how do I choose which one to share?", "[Two people sharing at once?] Can two people share their screens at the same time?"},
		[]string{"I'm on a Mac.", "I'm using Chrome on Windows.", "I have a demo tomorrow and want to get it right.", "Thanks!"}},
	{"feature", "other", 3,
		[]string{"Feature request", "Suggestion", "Idea", "Product feedback"},
		[]string{"[Feature request: transcription|Call summaries?] Do you have plans for automatic transcription and call summaries?", "[Idea: automatic CRM logging] It would be great if MeetBeam could log calls to our CRM automatically.", "[Any plans for breakout rooms?] Any plans for breakout rooms? We'd use them for team trainings.", "[Dark mode please] Please add dark mode, staring at white all day is rough.", "[Request: polls] Would love the ability to run quick polls during webinars.", "[Annotation on shared screen] Could you add annotation tools so I can draw on the shared screen?", "[Remote control] Would be useful to let a guest take remote control of my screen.", "[Background blur] A simple background blur, without picking a virtual background, would be nice.", "[Recording view tracking] Please add a way to see which guest opened the recording link."},
		[]string{"Otherwise we love the product.", "This is the one thing our team keeps asking for.", "Happy to be a beta tester.", "Our old tool had this."}},
	{"crm", "integrations", 2,
		[]string{"Pipewell integration", "CRM integration question", "Integration help"},
		[]string{"[Pipewell integration not syncing|Meetings not showing in Pipewell] Since last week my meetings no longer show up in Pipewell, but my colleagues' do.", "[Map meetings to deals] How do I map MeetBeam meetings to deals in Pipewell?", "[Meetings logged twice in CRM] I reconnected the Pipewell integration and now every meeting is logged twice.", "[Disconnect CRM integration] How do we disconnect the CRM integration for a user who left?", "[Recording link in CRM] Can the integration log the recording link on the contact too?"},
		[]string{"I'm the admin for our workspace.", "Not urgent.", "We set it up last month.", "Screenshots attached."}},
	{"calendar_int", "calendar", 2,
		[]string{"Calendar integration question", "Calendar sync", "Calendar question"},
		[]string{"[Connect Outlook calendar] How do I connect my Outlook calendar so new meetings get a MeetBeam link automatically?", "[Two calendars?] Can I connect two calendars, work and personal?", "[Availability not syncing] My booking page shows me as free when I have a meeting in my calendar.", "[Stop adding links to every event] How do I stop MeetBeam from adding a link to every single event?", "[Outlook add-in?] Is there an add-in for Outlook?"},
		[]string{"Thanks!", "We use Google Workspace.", "We're on Microsoft 365.", "I followed the help article but got stuck at step 3."}},
	{"slack_api", "integrations", 2,
		[]string{"API question", "Integration question", "Developer question"},
		[]string{"[Slack notifications] Can MeetBeam post to a Slack channel when a prospect joins my room?", "[API access|Meeting data API] Do you have an API to pull meeting history into our data warehouse?", "[Webhook for new recordings] Is there a webhook when a new recording is ready?", "[Which plan has API access?] Which plan includes API access?", "[API rate limits] What are the rate limits on the API?"},
		[]string{"Our developer is asking.", "We want to build a small dashboard.", "Is there documentation?"}},
	{"export", "data", 2,
		[]string{"Data export", "Data request", "Export question"},
		[]string{"[Export meeting history] Is there a way to export our meeting history (who met whom, duration) as CSV?", "[GDPR data request|Subject access request] Under GDPR I'd like a copy of all personal data you hold about me.", "[Bulk download recordings] How can we download all our recordings at once before our plan ends?", "[Delete our data] We're closing an office, can you delete all data for that workspace?", "[Export webinar guest list] Can I export the guest list of last week's webinar?"},
		[]string{"Needed for our quarterly review.", "Please confirm once done.", "Thanks."}},
	{"account", "account", 3,
		[]string{"Account question", "Admin question", "User management", "Account change"},
		[]string{"[Change my email address|Change login email] I need to change my login email from my old alias to my new one.", "[Transfer workspace ownership] Our workspace owner left the company, can ownership be transferred to me?", "[Remove a user|Employee left - what to do with their account] How do I remove a user who has left and keep their recordings?", "[Rename workspace] Can we rename our workspace? It still shows our old brand name.", "[Change display name] How do I change the name guests see when I join a meeting?", "[Merge two accounts] I accidentally created two accounts, can you merge them?", "[Transfer recordings from leaver] Please transfer the recordings of {colleague} to me, they've left the company."},
		[]string{"I'm an admin.", "Their last day was Friday.", "Please let me know what you need to verify this.", "Thanks for the help."}},
	{"cancel", "billing", 2,
		[]string{"Cancel subscription", "Please cancel our account", "Do not renew", "Cancellation", "Closing our account"},
		[]string{"Please cancel our subscription at the end of the current period.", "We've decided to consolidate tools and won't renew in April.", "How do I cancel? I can't find it in the settings.", "We're closing the business, please cancel and delete our data.", "Please turn off auto-renewal for our workspace."},
		[]string{"Thanks for everything.", "Nothing wrong with the product, just budget.", "Please confirm in writing.", "Our renewal date is the 31st."}},
	{"singlebug", "video", 3,
		[]string{"Bug report", "Small issue", "Something odd", "Problem on my machine"},
		[]string{"[Mic not detected on Linux|Headset not detected] On my Ubuntu laptop MeetBeam doesn't detect my USB headset, other apps see it.", "[Camera permission on Safari] Safari keeps asking me for camera permission in every single meeting.", "[Extension conflict?|Join button not working] When my password manager extension is on, the join button doesn't react.", "[Echo from conference room] When we join from our conference room there's a terrible echo for the remote side.", "[UI text cut off in German] In the German interface some button labels are cut off on the settings page.", "[Notification sound too loud] The chime when someone enters the waiting room is way too loud and I can't find a volume setting.", "[Blurry virtual background] My virtual background looks very blurry and cuts off my ears, I have an older laptop.", "[Chat messages disappear] In-meeting chat messages disappear when I switch to gallery view.", "[Can't change speaker output] I can't switch the audio output to my headset in the meeting settings, it's greyed out."},
		[]string{"Just me, my colleagues don't have it.", "Not urgent, but annoying.", "I'm on the latest version of the browser.", "Happy to send logs.", "Started a few weeks ago."}},
	{"security", "other", 2,
		[]string{"Security review", "Compliance question", "Vendor review documents"},
		[]string{"[Security questionnaire] Our security team needs you to fill in a vendor questionnaire, who should I send it to?", "[DPA request] Can you send us your DPA to sign?", "[SOC 2 report] Do you have a SOC 2 Type II report we can review under NDA?", "[Subprocessor list] Where can we find your current list of subprocessors?", "[Data residency question|EU-only storage?] Can recordings be stored only in the EU?", "[Pen test summary] Could you share a summary of your latest penetration test?"},
		[]string{"This is blocking our renewal.", "Our procurement deadline is next Friday.", "Thanks in advance."}},
	{"sales", "other", 2,
		[]string{"Sales inquiry", "Question about pricing", "Inquiry"},
		[]string{"[Pricing for 200 users|Enterprise pricing] We're evaluating MeetBeam for about 200 users, can someone send enterprise pricing?", "[Partnership inquiry|Reseller question] We're an agency and would like to resell MeetBeam to our clients.", "[Nonprofit discount?] Do you offer a discount for registered charities?", "[Education pricing] Is there education pricing for schools?", "[Demo request] Could we book a demo for our sales leadership next week?"},
		[]string{"Thanks!", "Best time for us is Tuesday or Wednesday afternoon.", "We currently use a different tool."}},
	{"thanks", "other", 1,
		[]string{"Thank you!", "Thanks for the help", "Great support", "Solved, thanks"},
		[]string{"Just wanted to say thanks to Priya for sorting out our SSO setup so quickly.", "Works now, thanks a lot! You can close the ticket.", "Thanks for the quick answer yesterday, the recording export worked.", "All good now, appreciate the fast help."},
		nil},
	{"spam", "other", 1,
		[]string{"Quick question about your website", "Partnership opportunity", "Increase your leads by 300%", "Guest post request"},
		[]string{"Hi, I noticed your website could rank higher on search engines. We offer affordable SEO packages, can I send you a proposal?", "We help SaaS companies generate qualified leads with our outbound service. Do you have 15 minutes this week?", "I'd love to contribute a guest post to your blog about remote selling.", "We're a software development agency with 200+ engineers. Do you need extra capacity?"},
		nil},
	{"training", "other", 1,
		[]string{"Training session for our team", "Onboarding call", "Admin training?"},
		[]string{"We just rolled MeetBeam out to {n} people, could you run a short training session for them?", "Is there an onboarding call included with the Business plan?", "Do you have recorded training videos for new admins?"},
		[]string{"Next week would be ideal.", "Thanks!"}},
	{"mobile", "other", 1,
		[]string{"Mobile app question", "Mobile app"},
		[]string{"[iPhone app?] Is there a MeetBeam app for iPhone or do guests just use the browser?", "[Android app crashes] The Android app crashes when I rotate the phone during a call.", "[Record from mobile?] Can I start a recording from the mobile app?"},
		[]string{"Just me I think.", "Thanks."}},
}

// hard negatives: individual problems that read like an outage.
var hnTopics = []topic{
	{"forgot", "login", 3,
		[]string{"Forgot password", "can't remember my password", "password help", "Reset my password please", "locked out - forgot pw", "Login help", "I can't log in"},
		[]string{"I forgot my password and can't find where to reset it.", "Can you reset my password? I've tried every variation I can think of.", "I haven't logged in since January and have no idea what my password was.", "I must have saved the wrong password in my browser and now it says incorrect password.", "It keeps saying \"incorrect email or password\". I was sure it's the same password as always, apparently not.", "I can't log in, I think I changed my password last week and forgot the new one."},
		[]string{"My colleagues can log in fine.", "I need to get in before my 2pm call.", "I changed laptops last week and the saved passwords didn't come over.", "I think I might have used a different password when I signed up.", "Please hurry, I have calls all day."}},
	{"resetlink", "login", 2,
		[]string{"Reset link expired", "password reset link doesn't work", "Reset link says invalid", "reset link not working"},
		[]string{"The reset link says \"This link has expired or was already used\".", "I clicked the reset link from yesterday's email and it says it's invalid.", "I requested a reset this morning, clicked it after lunch, and it says expired.", "Every time I click the reset link it says token invalid. Our IT thinks our email security scanner opens the links before I do."},
		[]string{"Can you send a new one that lasts longer?", "Can you reset it from your side?", "I've tried three times now."}},
	{"oldemail", "login", 2,
		[]string{"Can't log in - email problem", "Login email wrong", "Account email issue"},
		[]string{"[Reset email going to old address] The reset email goes to my old address at my previous job, which I can't access anymore.", "[Typo in my email address|wrong email on account] I signed up with a typo in my email (jonh instead of john) and now I can't reset my password.", "[Company changed domain, can't log in] Our company changed domain last month and my login no longer works with the new address.", "[Which email is my account under?] I think my account is under my personal email, not my work one, and I don't know which password."},
		[]string{"Can you change it to {email}?", "My manager can confirm I work here.", "Everyone else migrated fine."}},
	{"locked", "login", 3,
		[]string{"Account locked", "Locked out after too many attempts", "Please unlock my account", "account is locked??"},
		[]string{"It says my account is locked after too many failed attempts.", "I tried my password too many times and now it says try again in 30 minutes.", "Locked out after a few wrong passwords, can you unlock me?", "My account got locked, I think someone else tried to log in with my email."},
		[]string{"I have a meeting in 15 minutes!", "I'm 100% sure the password is right now.", "Please unlock asap."}},
	{"twofa", "login", 3,
		[]string{"2FA problem", "Can't get past two-factor", "Reset two-factor authentication", "Locked out by 2FA"},
		[]string{"[New phone, lost 2FA|authenticator app reset] I got a new phone and my authenticator app didn't transfer, so I can't get past the 2FA step.", "[Lost my phone - can't log in] I lost my phone on a trip and can't get the two-factor code.", "[2FA code not working] The 2FA code is always \"invalid\"; my phone clock may be off.", "[No backup codes] I don't have my backup codes and I'm stuck at the 2FA screen.", "[Phone wiped - 2FA gone] My phone was wiped and the authenticator app is empty now."},
		[]string{"Can you disable 2FA on my account so I can set it up again?", "I can verify my identity however you need.", "My admin is on holiday."}},
	{"onlyme", "login", 3,
		[]string{"Only I can't log in", "Can't login - colleagues can", "Is MeetBeam down? can't log in", "Cannot access account", "login not working"},
		[]string{"Everyone else on my team can log in, it's just me getting an error.", "[Login works on phone but not laptop] Login works on my phone but not on my work laptop, it just reloads the page.", "Is MeetBeam down? I can't log in. (My colleague says it works for her.)", "I get \"something went wrong\" only in my work browser profile, in a guest profile it works.", "[Can't log in on VPN] I can't get in since I turned on our company VPN, everyone else in the office is fine."},
		[]string{"I've already cleared my cache.", "I'm on the same network as my colleagues.", "Help!"}},
	{"ssoown", "login", 3,
		[]string{"SSO broken for our workspace", "SSO login error", "SAML problem", "SSO not working"},
		[]string{"[SAML error after cert change] Our IT rotated the SAML signing certificate this morning and since then nobody at {org} can sign in with SSO.", "[Can't SSO after IdP migration] We migrated to a new identity provider yesterday and now SSO into MeetBeam fails with \"invalid signature\".", "[SSO: user not assigned] A new hire gets \"user is not assigned to this application\" when he tries SSO.", "[SSO audience mismatch error] SSO login fails with \"Audience mismatch\", we changed our entity ID last night.", "Since our admin changed the SSO settings, we all get redirected to an error page."},
		[]string{"Other apps on the new IdP work.", "Can you check what your side expects?", "Our IT admin is cc'd.", "Urgent please, whole team affected."}},
	{"deactivated", "login", 1,
		[]string{"Account deactivated?", "Says my account is disabled", "Can't log in - deactivated"},
		[]string{"When I log in it says my account has been deactivated by an administrator.", "I'm getting \"this account is disabled\" and I don't know why.", "It says \"no active seat for this account\" when I sign in."},
		[]string{"I still work here!", "Who do I talk to?"}},
	{"inviteexp", "invites", 2,
		[]string{"Invite not working", "Invitation problem", "Can't accept invite"},
		[]string{"[Workspace invitation expired|Invite link expired] The workspace invite my manager sent two weeks ago says it has expired.", "[Join link says meeting ended] My guest clicked the join link and got \"This meeting has ended\"; it was from last week's invite.", "[Invitation no longer valid] The invite link says \"invitation no longer valid\".", "[Accepted invite with wrong email] I accepted the invite with the wrong email and now it says already used."},
		[]string{"Can you resend it?", "Can you extend it?", "I start calls tomorrow."}},
	{"macperm", "screenshare", 2,
		[]string{"Screen share black screen (Mac)", "Share shows only wallpaper", "Can't share screen after macOS update", "Share shows black for guests"},
		[]string{"When I share, everyone sees a black screen or only my wallpaper. It started after I updated macOS.", "My share only shows the desktop background, none of the windows.", "Screen share is just black for everyone, my colleague on Windows can share fine."},
		[]string{"I'm on a MacBook Air.", "I restarted twice.", "Is it down?"}},
	{"firewall", "video", 2,
		[]string{"Video not connecting from office", "Stuck on connecting", "No audio/video at office", "Calls won't connect on company network"},
		[]string{"From our office network calls connect but nobody can see or hear me; from home it works perfectly.", "Since IT changed our firewall, MeetBeam hangs on \"Connecting to media…\".", "On the guest wifi it works, on our corporate network it never connects.", "Our new proxy seems to block something, the meeting stays on connecting."},
		[]string{"Which ports do we need to open?", "Is there a list of domains to whitelist?", "Our IT team is asking."}},
	{"camuse", "video", 1,
		[]string{"Camera not working", "Camera in use error", "webcam black"},
		[]string{"MeetBeam says the camera is in use by another application.", "My webcam shows black in MeetBeam but works in the camera app.", "Camera light is on but my video is black."},
		[]string{"Only on my laptop.", "Help!"}},
}

var hnForeign = []foreignText{
	{"de", "Passwort vergessen", "Hallo,\n\nich habe mein Passwort vergessen und der Link zum Zurücksetzen ist laut Meldung abgelaufen. Können Sie mir bitte einen neuen schicken?\n\nDanke"},
	{"fr", "Compte bloqué", "Bonjour, mon compte est bloqué après plusieurs tentatives de connexion. Pouvez-vous le débloquer ? Mes collègues n'ont pas de problème. Merci"},
	{"es", "Perdí mi teléfono (2FA)", "Hola, cambié de móvil y ya no tengo la app de autenticación, así que no puedo pasar el segundo paso. ¿Pueden desactivar el 2FA de mi cuenta?"},
}

// look-alikes: same feature as an incident, inside its window, different problem.
var laCDN = topic{"la.cdn", "recordings", 1,
	[]string{"Recording question", "Question about a recording"},
	[]string{"[Recording missing guest audio] Yesterday's recording only has my voice, the guest's audio is missing completely.", "[How to trim a recording] How do I cut the first five minutes off a recording before sharing it?", "[Recording cut at 60 minutes?] My recording stopped exactly at 60 minutes, is that a limit on the Starter plan?", "[Recording file names] Downloaded recordings have names like \"rec_8f2a…\", can they use the meeting title?", "[Rename a recording] Can I rename a recording in the library?"},
	[]string{"Playback itself works fine.", "Not urgent.", "Thanks."}}

var laAuth = topic{"la.auth", "login", 1,
	[]string{"Question", "Login page question", "Settings question"},
	[]string{"[Logo upload on login page fails] I'm trying to upload our logo for the branded sign-in page and it says \"file type not supported\" for a PNG.", "[How to enforce SSO] How do I enforce SSO for everyone in our workspace so nobody uses passwords?", "[Login page in wrong language] The login page shows in German although my browser and account are set to English.", "[Password policy settings] Where can I set password expiry rules for our users?", "[Tab audio missing when sharing] When I share a tab with a video, the prospect can't hear the video's audio. Sharing itself works.", "[Share only one tab?] Is it possible to share a single browser tab instead of the whole screen?", "[Share toolbar covers slides] When I share, the MeetBeam toolbar floats over my slides and covers the page numbers.", "[Remember me doesn't work] The \"remember me\" checkbox doesn't keep me signed in for more than a day."},
	[]string{"Not urgent.", "Everything else works.", "Thanks in advance."}}

var laMail = topic{"la.mail", "invites", 1,
	[]string{"Invitation email question", "Question about invites"},
	[]string{"[Customise invite email text] Can we change the text of the invitation email guests receive?", "[Invite sender name] Invites show \"MeetBeam\" as the sender name instead of mine, can I change that?", "[ICS attachment won't open] One guest says the .ics attachment won't open in her old desktop mail client.", "[Send invites from our domain] Can invitation emails be sent from our own domain instead of yours?"},
	[]string{"Not urgent.", "Our marketing team asked.", "Thanks."}}

var laMedia = topic{"la.media", "screenshare", 1,
	[]string{"Quick question", "Question about screen sharing", "Camera question"},
	[]string{"[Share only one window] How do I share only one window instead of my whole screen?", "[Webcam image mirrored] My webcam image is mirrored, text on my whiteboard shows backwards.", "[Virtual background flickers] The virtual background flickers around my hair and hands.", "[Wrong monitor shared] When I share, it always picks my second monitor instead of the laptop screen.", "[Remote control for guest?] Can a guest take control of my screen to click around?", "[Echo from conference room] There's echo whenever my colleague joins from the conference room speakerphone.", "[Pause screen share] Is there a way to pause the share without stopping it completely?", "[Viewers see my speaker notes] When I present my slides, viewers see my speaker notes instead of the slide."},
	[]string{"Otherwise calls are fine.", "Just a question.", "Thanks!"}}

var laTZ = topic{"la.tz", "calendar", 1,
	[]string{"Scheduling question", "Calendar question"},
	[]string{"[Change my time zone] How do I change the time zone on my profile? I moved from Denver to Chicago.", "[Outlook add-in duplicates] The Outlook add-in creates two events every time I add a MeetBeam link.", "[Show both time zones in invite?] Could invitations show the time in both my time zone and the guest's?", "[Booking page colours] Can I change the colours of my booking page to match our brand?", "[Reminder timing] Can the reminder email go out 5 minutes before instead of 15?"},
	[]string{"Thanks.", "Just a question.", "No rush."}}

// ---------------------------------------------------------------- rendering

var greetings = []string{"Hi,", "Hello,", "Hi there,", "Hello MeetBeam team,", "Hi support,", "Hey,", "Good afternoon,", "Good morning,", "To whom it may concern,", "Hi folks -", "Hi team,", "Dear MeetBeam Support,", "Hey guys,", "Hello support team,", "Hi MeetBeam,"}
var closings = []string{"Thanks", "Thanks,", "Thanks in advance,", "Cheers,", "Regards,", "Best,", "Best regards,", "thx", "Thank you,", "Kind regards,", "Many thanks,", "Appreciate the help,", "TIA", "Cheers"}
var mobileSigs = []string{"Sent from my iPhone", "Sent from my iPad", "Sent from my Galaxy", "Get Outlook for iOS", "Sent from Mail for Windows", "Sent from my mobile, please excuse typos"}
var emojis = []string{" 🙏", " 😡", " 😩", " 🙂", " 👍", " 😬", " 🤦", " 😅"}
var agents = []string{"Priya", "Tomás", "Lena", "Marta", "Owen"}

// rambling context for the few very long tickets
var rambleIntro = []string{
	"Some context first: we're a team of about 40 account executives and we run almost every first call and demo through MeetBeam.",
	"We moved over from another tool last autumn, mostly because joining is so much simpler for guests, and honestly it has been great.",
	"I'm not the admin for our workspace, that's {colleague}, but she's on holiday this week so I'm the one writing in.",
	"I know you probably get a lot of tickets so I've tried to include everything you might need.",
	"I'm writing this between calls so apologies if it's a bit all over the place.",
	"We're based in Chicago but half the team is remote, spread over four time zones.",
	"My team lead asked me to document everything properly, hence the long email.",
}
var rambleProblem = []string{
	"Our sales leadership tracks show rates closely and every missed or broken call is something I end up explaining in the Monday pipeline review.",
	"I've been through your help centre articles and tried the usual things: a different browser, restarting, even my phone's hotspot.",
	"For what it's worth, our IT department confirmed nothing has changed on our firewall or proxy this week.",
	"Our prospects are mostly in healthcare and not very technical, so anything that goes wrong on a call makes us look bad.",
	"If it helps, I'm on a 2023 MacBook Pro with the latest Chrome, and most of my team is on Windows laptops with Edge.",
	"We're also evaluating whether to roll MeetBeam out to our customer success team (another 25 seats), so this matters to us right now.",
	"Our renewal comes up in a couple of months and I'd like to be able to tell my boss that things like this get handled.",
	"Before MeetBeam we were sending dial-in numbers and PDFs around, so believe me, we don't want to go back.",
}
var rambleCalm = []string{
	"Our finance team is very particular about paperwork, which is why I'm asking in so much detail.",
	"We've been customers for about two years now and overall we're very happy.",
	"Just so you have the full picture, we merged two teams in January and are still cleaning up our tools and accounts.",
	"I tried to find the answer in the help centre, but the articles I found seem to describe the old interface.",
	"Our fiscal year starts in April, so I'm trying to get everything sorted before then.",
	"Last month we had a small issue with an invoice that your team sorted out really quickly, which is why I'm writing here again.",
	"We're also thinking about rolling MeetBeam out to our customer success team, another 25 seats or so.",
	"If there's a better channel for questions like this, please let me know for next time.",
}
var rambleClose = []string{
	"I'd really appreciate a call back if possible; my number is in my signature.",
	"Happy to jump on a call with one of your engineers if that would help.",
	"I also want to say your support has generally been very good, this isn't a complaint about the team.",
	"Thanks for reading all of this, I know it's a lot.",
}

var quotedThreads = []struct{ subj, body string }{
	{"Your MeetBeam invoice for February", "Hi {first},\n\nYour invoice {inv} for February is attached. Amount due: {amt}.\n\nThank you for using MeetBeam!\nThe MeetBeam team"},
	{"Re: Adding seats", "Hi {first},\n\nI've added the extra seats to your workspace, you should see them under Settings > Billing now.\n\nBest,\nMarta | MeetBeam Support"},
	{"Welcome to MeetBeam Business", "Welcome aboard, {first}! Here are three things to set up first:\n1. Your personal room link\n2. Your calendar connection\n3. Your branded join page\n\nThe MeetBeam team"},
	{"Re: Recording export", "Hi {first}, just checking in: did the export work for you? If so I'll close this ticket.\n\nCheers,\nTomás\nMeetBeam Support"},
	{"Your request has been solved", "Your request has been marked as solved. If you need anything else, just reply to this email and we'll pick it up.\n\nMeetBeam Support"},
	{"Re: SSO setup", "Hi {first}, thanks for sending the metadata. SSO is now enabled for {org}; users will be redirected to your identity provider on their next login.\n\nLena\nMeetBeam Support"},
	{"Your weekly MeetBeam summary", "This week your team held 48 meetings, shared screens for 31 hours and recorded 12 calls. Top host: {first}."},
	{"Re: Question about the calendar add-in", "Hi {first},\n\nGood question! The add-in works with desktop and web versions. Let me know if you run into anything.\n\nPriya\nMeetBeam Support"},
	{"Your trial is ending soon", "Hi {first}, your MeetBeam trial ends in 3 days. Pick a plan to keep your recordings and room links."},
	{"Re: Invoice address", "Hi {first}, done: future invoices will show the new address. The re-issued invoice is attached.\n\nOwen | MeetBeam Support"},
}

func fill(s string, c *Customer) string {
	col := pick(firstEN)
	if others := byOrg[c.Org]; len(others) > 1 {
		for {
			o := pick(others)
			if o != c {
				col = o.First
				break
			}
		}
	}
	r := strings.NewReplacer(
		"{first}", c.First,
		"{org}", c.Org,
		"{domain}", strings.SplitN(c.Email, "@", 2)[1],
		"{email}", c.Email,
		"{amt}", fmt.Sprintf("$%d.00", between(3, 60)*15),
		"{n}", fmt.Sprint(between(2, 12)),
		"{inv}", fmt.Sprintf("INV-2026-%05d", between(1000, 48000)),
		"{po}", fmt.Sprint(between(40000, 99999)),
		"{last4}", fmt.Sprintf("%04d", between(0, 9999)),
		"{colleague}", col,
	)
	return r.Replace(s)
}

// noise applies typos, lower case, dropped punctuation and emoji to a customer's text.
type noiseLevel struct{ lower, typo, nopunct, emoji, caps float64 }

var noiseIncident = noiseLevel{0.12, 0.28, 0.06, 0.05, 0.08}
var noiseCalm = noiseLevel{0.07, 0.15, 0.04, 0.03, 0.01}

func typo(s string) string {
	words := strings.Split(s, " ")
	for tries := 0; tries < 10; tries++ {
		i := rng.IntN(len(words))
		w := []rune(words[i])
		if len(w) < 5 || strings.ContainsAny(string(w), "\"@/{}<>") {
			continue
		}
		j := between(1, len(w)-3)
		switch rng.IntN(3) {
		case 0:
			w[j], w[j+1] = w[j+1], w[j]
		case 1:
			w = append(w[:j], w[j+1:]...)
		default:
			w = append(w[:j+1], w[j:]...)
		}
		words[i] = string(w)
		break
	}
	return strings.Join(words, " ")
}

func applyNoise(core []string, lvl noiseLevel) []string {
	out := append([]string{}, core...)
	if chance(lvl.typo) {
		for k := between(1, 3); k > 0; k-- {
			i := rng.IntN(len(out))
			out[i] = typo(out[i])
		}
	}
	if chance(lvl.nopunct) {
		for i := range out {
			out[i] = strings.NewReplacer(".", "", ",", "", "'", "", "’", "").Replace(out[i])
		}
	}
	if chance(lvl.lower) {
		for i := range out {
			out[i] = strings.ToLower(out[i])
		}
	}
	if chance(lvl.emoji) {
		i := rng.IntN(len(out))
		out[i] += pick(emojis)
	}
	return out
}

func paragraphs(core []string) string {
	if len(core) >= 3 && chance(0.5) {
		k := between(1, len(core)-1)
		return strings.Join(core[:k], " ") + "\n\n" + strings.Join(core[k:], " ")
	}
	if len(core) >= 2 && chance(0.15) {
		return strings.Join(core, "\n")
	}
	return strings.Join(core, " ")
}

func signature(c *Customer) string {
	switch r := rng.Float64(); {
	case r < 0.35:
		return ""
	case r < 0.55:
		return pick(mobileSigs)
	case r < 0.8:
		return fmt.Sprintf("-- \n%s | %s | %s\n%s", c.Name, c.Title, c.Org, c.Phone)
	default:
		return fmt.Sprintf("%s\n%s\n%s\n%s", c.Name, c.Title, c.Org, c.Phone)
	}
}

// letter wraps the customer's text into a mail: greeting, text, sign-off, signature.
func letter(m *msg, text string) string {
	c := m.cust
	var b strings.Builder
	if !m.foreign && chance(0.65) {
		b.WriteString(pick(greetings) + "\n\n")
	}
	b.WriteString(text)
	if !m.foreign {
		if chance(0.6) {
			name := c.First
			if chance(0.2) {
				name = c.Name
			} else if chance(0.1) {
				name = strings.ToUpper(c.First[:1])
			}
			b.WriteString("\n\n" + pick(closings) + "\n" + name)
		}
	} else if chance(0.7) {
		b.WriteString("\n" + c.First)
	}
	if s := signature(c); s != "" {
		b.WriteString("\n\n" + s)
	}
	return b.String()
}

func quote(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l == "" {
			lines[i] = ">"
		} else {
			lines[i] = "> " + l
		}
	}
	return strings.Join(lines, "\n")
}

func re(prefix, subj string) string {
	if strings.HasPrefix(strings.ToLower(subj), "re:") {
		return subj
	}
	return prefix + subj
}

func gmailDate(t time.Time) string   { return t.Format("Mon, 2 Jan 2006 at 15:04") }
func appleDate(t time.Time) string   { return t.Format("2 Jan 2006, at 15:04") }
func outlookDate(t time.Time) string { return t.Format("Monday, January 2, 2006 3:04 PM") }

func htmlEscape(s string) string {
	s = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
	if chance(0.5) {
		s = strings.ReplaceAll(s, "'", "&#39;")
	}
	if chance(0.4) {
		s = strings.ReplaceAll(s, ". ", ".&nbsp; ")
	}
	return s
}

func toHTML(letterText string) string {
	var b strings.Builder
	style := rng.IntN(3)
	switch style {
	case 0:
		b.WriteString("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head><body><div dir=\"ltr\">")
	case 1:
		b.WriteString("<html><body>")
	default:
		b.WriteString("<div style=\"font-family: Calibri, Arial, sans-serif; font-size: 11pt;\">")
	}
	for _, para := range strings.Split(letterText, "\n\n") {
		lines := strings.Split(para, "\n")
		for i := range lines {
			lines[i] = htmlEscape(lines[i])
		}
		if style == 0 {
			b.WriteString("<div>" + strings.Join(lines, "<br>") + "</div><div><br></div>")
		} else {
			b.WriteString("<p>" + strings.Join(lines, "<br>") + "</p>")
		}
	}
	switch style {
	case 0:
		b.WriteString("</div></body></html>")
	case 1:
		b.WriteString("</body></html>")
	default:
		b.WriteString("</div>")
	}
	return b.String()
}

func ackText(m *msg) string {
	return fmt.Sprintf("Thanks for contacting MeetBeam Support! We've received your request (%s) and a member of our team will get back to you as soon as possible.\n\n----\n%s", m.id, m.text)
}

// render turns a msg into a ticket in one of the surfaces of its source.
func render(m *msg) weekgen.Ticket {
	c := m.cust
	t := weekgen.Ticket{ID: m.id, ReceivedAt: m.at.Format(time.RFC3339), Label: m.label}
	if c != nil {
		t.CustomerEmail, t.CustomerName, t.Org = c.Email, c.Name, c.Org
	}
	if m.fromEmail != "" {
		t.CustomerEmail, t.CustomerName, t.Org = m.fromEmail, m.fromName, m.fromOrg
	}
	if m.raw {
		t.Subject, t.Body, t.Source = m.subject, m.body, "email"
		return t
	}
	lvl := noiseCalm
	if strings.HasPrefix(m.label, "inc-") {
		lvl = noiseIncident
	}
	core := m.core
	if !m.foreign {
		core = applyNoise(core, lvl)
	}
	if m.long {
		core = longify(m, core)
	}
	text := paragraphs(core)
	if m.foreign {
		text = m.core[0]
	}
	m.text = text
	subject := m.subject
	if !m.foreign && chance(lvl.caps) {
		subject = strings.ToUpper(subject)
		if !strings.HasSuffix(subject, "!") && !strings.HasSuffix(subject, "?") {
			subject += "!!!"
		}
		text = strings.ToUpper(text)
	} else if !m.foreign && chance(lvl.lower*0.7) {
		subject = strings.ToLower(subject)
	}

	src := m.source
	if src == "" {
		r := rng.Float64()
		switch {
		case m.long || m.foreign:
			src = "email"
			if r < 0.25 {
				src = "web"
			}
		case r < 0.5:
			src = "email"
		case r < 0.7:
			src = "chat"
		case r < 0.9:
			src = "web"
		default:
			src = "api"
		}
	}
	t.Source = src

	// follow-ups
	if m.parent != nil {
		p := m.parent
		switch src {
		case "chat":
			t.Subject = "Chat with " + c.Name
			t.Body = chatTranscript(m, []string{text}, true)
		default:
			t.Source = "email"
			t.Subject = "Re: " + p.subject
			if chance(0.3) {
				t.Subject = "RE: " + p.subject
			}
			body := text
			if chance(0.4) {
				body = letter(m, text)
			}
			switch rng.IntN(3) {
			case 0:
				body += fmt.Sprintf("\n\nOn %s, MeetBeam Support <support@meetbeam.io> wrote:\n\n%s", gmailDate(p.at.Add(time.Duration(between(1, 3))*time.Minute)), quote(ackText(p)))
			case 1:
				body += fmt.Sprintf("\n\n-----Original Message-----\nFrom: MeetBeam Support <support@meetbeam.io>\nSent: %s\nTo: %s <%s>\nSubject: [MeetBeam] %s\n\n%s", outlookDate(p.at.Add(time.Minute)), c.Name, c.Email, p.subject, ackText(p))
			default:
				body += fmt.Sprintf("\n\n> On %s, %s <%s> wrote:\n> \n%s", appleDate(p.at), c.Name, c.Email, quote(p.text))
			}
			t.Body = body
		}
		return t
	}

	switch src {
	case "chat":
		t.Subject = pick([]string{"Chat with " + c.Name, "Live chat: " + c.First, "New conversation", "Chat transcript", noSubject, subject})
		t.Body = chatTranscript(m, core, false)
	case "web":
		t.Subject = subject
		if chance(0.3) {
			t.Subject = "[Contact form] " + subject
		}
		if chance(0.55) {
			cat := m.cat
			switch {
			case cat != "":
			case strings.Contains(m.label, "calendar"):
				cat = "Integrations & calendar"
			case m.label == labelAuth && strings.Contains(strings.ToLower(text), "log"):
				cat = "Account & log-in"
			default:
				cat = pick([]string{"Technical problem", "Technical problem", "Something is not working"})
			}
			t.Body = fmt.Sprintf("Name: %s\nEmail: %s\nCompany: %s\nTopic: %s\nMessage:\n%s", c.Name, c.Email, c.Org, cat, text)
		} else {
			t.Body = letter(m, text)
		}
	case "api":
		t.Subject = subject
		if chance(0.5) {
			t.Subject = "In-app report: " + subject
		}
		browsers := []string{"Chrome 134.0 on macOS 15.3", "Chrome 134.0 on Windows 11", "Edge 134.0 on Windows 11", "Safari 18.3 on macOS 15.3", "Firefox 136.0 on Windows 10", "Chrome 133.0 on ChromeOS", "Safari on iOS 18.3", "MeetBeam Android 5.12.0"}
		pages := []string{"/m/rooms/" + slugify(c.Name), "/login", "/app/meetings", "/app/recordings", "/app/settings/billing", "/app/schedule", "/m/join", "/app/home"}
		page := pick(pages)
		t.Body = fmt.Sprintf("Submitted via in-app \"Report a problem\"\nWorkspace: %s (%s plan)\nUser: %s\nPage: %s\nBrowser: %s\nApp version: 2026.03.%d\n---\n%s", c.Slug, pick([]string{"Business", "Pro", "Starter", "Business", "Enterprise"}), c.Email, page, pick(browsers), between(1, 4), text)
	default: // email
		t.Subject = subject
		lt := letter(m, text)
		switch r := rng.Float64(); {
		case m.long || m.foreign:
			t.Body = lt
			if chance(0.3) {
				t.Body = toHTML(lt)
			}
		case r < 0.42:
			t.Body = lt
		case r < 0.62:
			t.Body = toHTML(lt)
		case r < 0.72:
			q := pick(quotedThreads)
			t.Subject = re("Re: ", q.subj)
			if chance(0.5) {
				t.Subject = subject
			}
			t.Body = fmt.Sprintf("%s\n\nOn %s, MeetBeam Support <support@meetbeam.io> wrote:\n\n%s", lt, gmailDate(m.at.Add(-time.Duration(between(30, 400))*time.Hour)), quote(fill(q.body, c)))
		case r < 0.8:
			q := pick(quotedThreads)
			t.Subject = re("RE: ", q.subj)
			if chance(0.5) {
				t.Subject = subject
			}
			sep := "-----Original Message-----"
			if chance(0.5) {
				sep = "________________________________"
			}
			t.Body = fmt.Sprintf("%s\n\n%s\nFrom: MeetBeam Support <support@meetbeam.io>\nSent: %s\nTo: %s <%s>\nSubject: %s\n\n%s", lt, sep, outlookDate(m.at.Add(-time.Duration(between(30, 400))*time.Hour)), c.Name, c.Email, q.subj, fill(q.body, c))
		case r < 0.86:
			q := pick(quotedThreads)
			t.Subject = re("Re: ", q.subj)
			if chance(0.6) {
				t.Subject = subject
			}
			t.Body = fmt.Sprintf("%s\n\nSent from my iPhone\n\n> On %s, MeetBeam Support <support@meetbeam.io> wrote:\n> \n%s", text, appleDate(m.at.Add(-time.Duration(between(30, 400))*time.Hour)), quote(fill(q.body, c)))
		default:
			// forwarded from a colleague
			col := c
			if others := byOrg[c.Org]; len(others) > 1 {
				for col == c {
					col = pick(others)
				}
			}
			if col == c {
				t.Body = lt
				break
			}
			intro := pick([]string{"FYI, see below. Can you help? This is happening to more of us.", "Forwarding from my colleague.", "Please see below from one of my reps.", "fwd - can someone look at this", "Hi, forwarding this on behalf of " + col.First + ".", "See below. Is this on your end?"})
			if m.label == "background" || m.label == "look-alike" {
				intro = pick([]string{"Forwarding from my colleague.", "Please see below from one of my reps.", "Hi, forwarding this on behalf of " + col.First + ".", "See below, can you help her out?"})
			}
			t.Subject = "Fwd: " + subject
			if chance(0.3) {
				t.Subject = "FW: " + subject
			}
			t.Body = fmt.Sprintf("%s\n\n---------- Forwarded message ---------\nFrom: %s <%s>\nDate: %s\nSubject: %s\nTo: %s <%s>\n\n%s", intro, col.Name, col.Email, gmailDate(m.at.Add(-time.Duration(between(3, 25))*time.Minute)), subject, c.Name, c.Email, text)
		}
	}
	if !m.foreign && !m.long && m.parent == nil && src != "chat" {
		r := rng.Float64()
		if r < 0.035 {
			t.Body = "" // subject-only
		} else if r < 0.075 {
			t.Subject = noSubject // body-only
		}
	}
	return t
}

var botOpeners = []string{
	"Hi there! I'm Beamy, MeetBeam's virtual assistant. How can I help today?",
	"Hi! 👋 I'm Beamy. What can I help you with?",
	"Hello! I'm Beamy, the MeetBeam assistant. Ask me anything or type \"agent\" to talk to a human.",
}
var botLines = []string{
	"Thanks! Anything else I should know?",
	"Got it. Can you add a few more details?",
	"Thanks. Is there anything else you'd like to add before I pass this on?",
	"Okay! Tell me a little more and I'll find the right person.",
}

// agent line and what the customer may answer to it
var agentLines = [][2]string{
	{"Hi {first}, thanks for waiting! Let me take a look.", "ok thanks|Thank you!|👍|thanks, waiting"},
	{"Thanks {first}. Which browser are you using?", "Chrome, latest version|Edge on Windows|Safari|chrome|Firefox"},
	{"Thanks for the details, I'm checking with the team now.", "ok|Thanks!|how long will it take?|ok, please keep me posted"},
	{"I've passed this to our team and will follow up by email.", "ok, please email me|thanks|Great, thank you"},
	{"Hi {first}, I'm looking into this for you right now.", "thanks|👍|Appreciate it"},
	{"Thanks, I've created a ticket so we can follow up by email.", "ok thanks|Thank you!|perfect"},
}

func chatTranscript(m *msg, core []string, followup bool) string {
	c := m.cust
	tm := m.at
	stamp := func() string { return tm.Format("15:04") }
	who := c.First
	if chance(0.3) {
		who = "Visitor"
	} else if chance(0.3) {
		who = "Customer"
	}
	var lines []string
	withTimes := chance(0.6)
	say := func(speaker, text string) {
		if withTimes {
			lines = append(lines, fmt.Sprintf("[%s] %s: %s", stamp(), speaker, text))
		} else {
			lines = append(lines, speaker+": "+text)
		}
		tm = tm.Add(time.Duration(between(10, 80)) * time.Second)
	}
	if !withTimes {
		lines = append(lines, "Conversation started "+m.at.Format("2 Jan 2006, 15:04")+" UTC", "")
	}
	say("Beamy", pick(botOpeners))
	if followup {
		say(who, core[0])
		say("Beamy", "I see you have an open request. I'll add this message to it and let the team know.")
		return strings.Join(lines, "\n")
	}
	if len(core) > 1 && len(strings.Join(core[1:], " ")) > 30 && chance(0.5) {
		say(who, core[0])
		say("Beamy", pick(botLines))
		say(who, strings.Join(core[1:], " "))
	} else {
		say(who, strings.Join(core, " "))
	}
	if chance(0.55) {
		say("Beamy", "Got it. I'm handing you over to a support agent now.")
		ag := pick(agents)
		al := pick(agentLines)
		say(ag+" (MeetBeam)", fill(al[0], c))
		if chance(0.5) {
			say(who, pick(strings.Split(al[1], "|")))
		}
	}
	return strings.Join(lines, "\n")
}

// longify wraps the core text in paragraphs of context until it is 1,500+ characters.
func longify(m *msg, core []string) []string {
	used := map[string]bool{}
	from := func(pool []string, n int) []string {
		var out []string
		for _, i := range rng.Perm(len(pool)) {
			if len(out) == n {
				break
			}
			if !used[pool[i]] {
				used[pool[i]] = true
				out = append(out, fill(pool[i], m.cust))
			}
		}
		return out
	}
	mid := rambleProblem
	if m.label == "background" {
		mid = rambleCalm
	}
	intro := from(rambleIntro, between(2, 3))
	extra := from(mid, between(3, 4))
	closing := from(rambleClose, 1)
	build := func() string {
		return strings.Join([]string{strings.Join(intro, " "), strings.Join(core, " "), strings.Join(extra, " "), strings.Join(closing, " ")}, "\n\n")
	}
	for len(build()) < 1550 {
		more := from(mid, 1)
		if len(more) == 0 {
			more = from(rambleIntro, 1)
		}
		if len(more) == 0 {
			break
		}
		extra = append(extra, more...)
	}
	return []string{build()}
}

var bgForeign = []foreignText{
	{"de", "Rechnung mit USt-IdNr.", "Hallo,\n\nbitte stellen Sie die Rechnung für Februar erneut aus, diesmal mit unserer USt-IdNr. Unsere Buchhaltung kann sie sonst nicht verbuchen.\n\nVielen Dank"},
	{"de", "Kündigung unseres Abos", "Guten Tag,\n\nhiermit kündigen wir unser MeetBeam-Abonnement fristgerecht zum Ende der Laufzeit. Bitte bestätigen Sie uns die Kündigung schriftlich.\n\nMit freundlichen Grüßen"},
	{"de", "Wie nehme ich ein Meeting auf?", "Hallo, wie kann ich ein Meeting aufzeichnen und wo finde ich danach die Aufnahme? Ich finde den Knopf nicht. Danke!"},
	{"fr", "Facture de février", "Bonjour,\n\nPourriez-vous nous envoyer la facture de février ? Notre service comptable ne la trouve pas dans l'espace facturation.\n\nBien cordialement"},
	{"fr", "Ajouter des licences", "Bonjour, nous souhaitons ajouter trois licences pour de nouveaux commerciaux qui arrivent lundi. Comment procéder ? Merci"},
	{"fr", "Logo sur la page d'accueil", "Bonjour, est-il possible d'ajouter le logo de notre cabinet sur la page que voient nos invités avant d'entrer dans la réunion ?"},
	{"es", "Cambio de plan", "Hola,\n\nqueremos pasar del plan Pro al plan Business para tener SSO. ¿Se prorratea el importe? Gracias."},
	{"es", "Exportar historial de reuniones", "Buenos días, ¿hay alguna forma de exportar el historial de reuniones del último trimestre en CSV? Lo necesitamos para un informe."},
}

var autoReplies = []struct{ subj, body string }{
	{"Automatic reply: Re: [MeetBeam Support] Update on your request", "Thank you for your email. I am out of the office until Monday 16 March with limited access to email. For anything urgent please contact {colleague}.\n\nBest regards,\n{name}"},
	{"Out of Office: Re: Known issue: sign-in and screen sharing problems", "I'm currently on parental leave and won't be checking email until April. Please reach out to sales-ops@{domain} instead."},
	{"Automatic reply: Re: Known issue: sign-in and screen sharing problems", "Thanks for your message. I'm at our regional sales kickoff this week and responses will be delayed. If this is about an active deal, please contact {colleague}."},
	{"Automatic reply: [MeetBeam Support] We're looking into it", "I am travelling with limited connectivity and will respond when I'm back online.\n\n{name}"},
	{"Abwesenheitsnotiz: Re: [MeetBeam Support] Update on your request", "Vielen Dank für Ihre Nachricht. Ich bin bis einschließlich 13.03.2026 nicht im Büro. In dringenden Fällen wenden Sie sich bitte an {colleague}.\n\nMit freundlichen Grüßen\n{name}"},
	{"Réponse automatique : Re: [MeetBeam Support] Votre demande", "Bonjour, je suis absente jusqu'au 16 mars. Pour toute urgence, merci de contacter {colleague}.\nCordialement,\n{name}"},
	{"Automatic reply: Your MeetBeam receipt", "I'm out of the office and will be back on Tuesday. Your email has not been forwarded."},
	{"Out of Office: Re: [MeetBeam Support] Re: Adding seats", "Hi, I'm out today (Friday) and back Monday. For billing questions email ap@{domain}."},
	{"Automatic reply: Re: Media quality issues this afternoon", "Thank you for reaching out. I'm in customer meetings all afternoon and will reply tomorrow morning."},
	{"Automatic reply: Re: [MeetBeam Support] We're looking into it", "This mailbox is not monitored. Please log a ticket with our IT service desk at it-help@{domain}."},
	{"Automatic reply: Re: Known issue: delayed invitation emails", "I'm on annual leave until 20 March. For urgent matters contact {colleague}."},
	{"Out of Office: [MeetBeam Support] Your request has been solved", "Thanks for your email! I'm away from my desk until Monday with no access to email."},
	{"Automatic reply: Re: Invoice INV-2026-03118", "Hello, our accounts payable team has received your email. We aim to process invoices within 10 working days. Please do not reply to this message."},
	{"Respuesta automática: Re: [MeetBeam Support] Update on your request", "Hola, estoy fuera de la oficina hasta el lunes 16 de marzo. Para asuntos urgentes contacte con {colleague}.\n\nUn saludo,\n{name}"},
}

func bounce(c *Customer, t time.Time) *msg {
	m := &msg{at: t, label: "background", raw: true, cust: c, fromOrg: c.Org}
	ref := pick([]string{"Re: [MeetBeam Support] Update on your request", "Re: Known issue: sign-in and screen sharing problems", "[MeetBeam Support] We're looking into it", "Your MeetBeam invoice for March", "Re: [MeetBeam Support] Your request has been solved", "Re: Seat changes for your workspace"})
	addr := ascii(pick(firstEN)) + "." + ascii(pick(lastEN)) + "@" + strings.SplitN(c.Email, "@", 2)[1]
	dom := strings.SplitN(c.Email, "@", 2)[1]
	free := strings.Contains("gmail.com outlook.com yahoo.com icloud.com proton.me gmx.de", dom)
	if free || chance(0.4) {
		m.fromName, m.fromEmail = "Mail Delivery Subsystem", "mailer-daemon@googlemail.com"
		m.subject = "Delivery Status Notification (Failure)"
		m.body = fmt.Sprintf("** Address not found **\n\nYour message wasn't delivered to %s because the address couldn't be found, or is unable to receive mail.\n\nLearn more at https://support.google.com/mail/?p=NoSuchUser\n\nThe response from the remote server was:\n550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces.\n\n----- Original message -----\nFrom: MeetBeam Support <support@meetbeam.io>\nSubject: %s", addr, ref)
	} else {
		m.fromName, m.fromEmail = "Microsoft Outlook", "postmaster@"+strings.SplitN(c.Email, "@", 2)[1]
		m.subject = "Undeliverable: " + ref
		m.body = fmt.Sprintf("Delivery has failed to these recipients or groups:\n\n%s\nThe email address you entered couldn't be found. Please check the recipient's email address and try to resend the message. If the problem continues, please contact your helpdesk.\n\nDiagnostic information for administrators:\n\nGenerating server: mail.%s\n\n%s\nRemote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'", addr, strings.SplitN(c.Email, "@", 2)[1], addr)
	}
	return m
}

func autoReply(c *Customer, t time.Time, i int) *msg {
	a := autoReplies[i%len(autoReplies)]
	body := strings.ReplaceAll(fill(a.body, c), "{name}", c.Name)
	return &msg{at: t, label: "background", raw: true, cust: c, subject: a.subj, body: body}
}

// ---------------------------------------------------------------- timing

// hourly weights of the everyday trickle (UTC; EU morning, EU+US afternoon peak).
var hourW = []float64{0.5, 0.4, 0.3, 0.25, 0.25, 0.35, 0.7, 1.4, 2.2, 2.6, 2.6, 2.4, 2.3, 2.9, 3.3, 3.4, 3.2, 2.8, 2.4, 2.1, 1.7, 1.3, 1.0, 0.7}

func rhythmTime() time.Time {
	total := 0.0
	w := make([]float64, 7*24)
	for d := 0; d < 7; d++ {
		f := 1.0
		if d >= 5 {
			f = 0.28
		}
		for h := 0; h < 24; h++ {
			w[d*24+h] = hourW[h] * f
			total += w[d*24+h]
		}
	}
	r := rng.Float64() * total
	for i, x := range w {
		r -= x
		if r < 0 {
			return at(9+i/24, i%24, 0).Add(time.Duration(rng.IntN(3600)) * time.Second)
		}
	}
	return at(15, 23, 0)
}

func uniformTime(from, to time.Time) time.Time {
	return from.Add(time.Duration(rng.Int64N(int64(to.Sub(from)/time.Second))) * time.Second)
}

// stormTimes draws n arrival times with a trapezoid density: rising from
// start to peakA, flat to peakB, falling to end. The first is at start.
func stormTimes(n int, start, peakA, peakB, end time.Time) []time.Time {
	dens := func(t time.Time) float64 {
		switch {
		case t.Before(peakA):
			return 0.08 + 0.92*float64(t.Sub(start))/float64(peakA.Sub(start))
		case t.Before(peakB):
			return 1
		default:
			return 0.05 + 0.95*float64(end.Sub(t))/float64(end.Sub(peakB))
		}
	}
	out := []time.Time{start.Add(time.Duration(between(0, 50)) * time.Second)}
	for len(out) < n {
		t := uniformTime(start.Add(time.Minute), end)
		if rng.Float64() < dens(t) {
			out = append(out, t)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Before(out[j]) })
	return out
}

type window struct {
	from, to time.Time
	feats    []string
}

// outage windows: background of the same feature is not placed inside them.
var windows = []window{
	{at(9, 13, 30), at(9, 15, 20), []string{"recordings"}},
	{at(10, 14, 20), at(10, 17, 40), []string{"login", "screenshare"}},
	{at(11, 10, 10), at(11, 13, 50), []string{"invites"}},
	{at(12, 15, 0), at(12, 18, 10), []string{"screenshare", "video", "audio"}},
	{at(13, 7, 0), at(14, 0, 0), []string{"calendar"}},
	{at(15, 0, 30), at(15, 3, 0), []string{"login"}}, // keyloom maintenance: nothing extra
}

func blocked(feat string, t time.Time) bool {
	for _, w := range windows {
		if t.Before(w.from) || !t.Before(w.to) {
			continue
		}
		for _, f := range w.feats {
			if f == feat {
				return true
			}
		}
	}
	return false
}

func pickTopic(ts []topic) topic {
	total := 0
	for _, t := range ts {
		total += t.w
	}
	r := rng.IntN(total)
	for _, t := range ts {
		r -= t.w
		if r < 0 {
			return t
		}
	}
	return ts[0]
}

// ---------------------------------------------------------------- incidents

type storm struct {
	label                    string
	n, follows               int
	start, peakA, peakB, end time.Time
	texts                    []incText
	shares                   []float64 // share of each text among English tickets
	foreign                  []foreignText
	nForeign, nLong          int
	follow                   []string
	bias                     float64
	mixed                    []string // optional sentences that name both symptoms
	nMixed                   int
}

func runStorm(s storm) {
	times := stormTimes(s.n-s.follows, s.start, s.peakA, s.peakB, s.end)
	kinds := make([]string, len(times))
	for i := range kinds {
		kinds[i] = "en"
	}
	perm := rng.Perm(len(times) - 1) // the first ticket stays a plain English one
	k := 0
	for j := 0; j < s.nForeign && j < len(s.foreign); j++ {
		kinds[perm[k]+1] = "foreign"
		k++
	}
	for j := 0; j < s.nMixed; j++ {
		kinds[perm[k]+1] = "mixed"
		k++
	}
	for j := 0; j < s.nLong; j++ {
		kinds[perm[k]+1] = "long"
		k++
	}
	fi := 0
	var base []*msg
	for i, t := range times {
		m := &msg{at: t, label: s.label}
		switch kinds[i] {
		case "foreign":
			f := s.foreign[fi]
			fi++
			m.cust = pickCustomer(s.bias, f.lang)
			m.subject, m.core, m.foreign = f.subj, []string{f.body}, true
		case "mixed":
			m.cust = pickCustomer(s.bias, "en")
			m.subject = draw(s.texts[0].name+".subj", s.texts[0].subj)
			m.core = append([]string{draw(s.label+".mixed", s.mixed)}, drawN(s.texts[0].name+".ctx", s.texts[0].ctx, 1)...)
			m.subject = draw(s.label+".mixsubj", []string{"Login AND screen share broken", "Can't log in / can't share", "MeetBeam not working - login + sharing", "Multiple problems right now"})
		default:
			m.cust = pickCustomer(s.bias, "en")
			for kinds[i] == "long" && len(byOrg[m.cust.Org]) < 4 {
				m.cust = pickCustomer(s.bias, "en")
			}
			r := rng.Float64()
			tx := s.texts[len(s.texts)-1]
			for j, sh := range s.shares {
				if r < sh {
					tx = s.texts[j]
					break
				}
				r -= sh
			}
			hint, core := tx.compose()
			m.subject, m.core = hint, core
			if hint == "" || chance(0.15) {
				m.subject = draw(tx.name+".subj", tx.subj)
			}
			m.long = kinds[i] == "long"
		}
		base = append(base, add(m))
	}
	// follow-ups from people who already wrote
	used := map[*msg]bool{}
	for j := 0; j < s.follows; j++ {
		for tries := 0; tries < 1000; tries++ {
			p := base[rng.IntN(len(base))]
			if used[p] || p.foreign || p.long {
				continue
			}
			t := p.at.Add(time.Duration(between(12, 55)) * time.Minute)
			if t.After(s.end) {
				continue
			}
			used[p] = true
			src := "email"
			if chance(0.25) {
				src = "chat"
			}
			add(&msg{at: t, label: s.label, cust: p.cust, subject: p.subject, core: []string{draw(s.label+".fup", s.follow)}, parent: p, source: src})
			break
		}
	}
}

// the slow trickle of the product's own bug: one ticket every 18–52 minutes.
func runTrickle() {
	// 24 gaps of 20–52 minutes, scaled so the day runs from 07:38 to about 21:50
	gaps := make([]float64, 24)
	sum := 0.0
	for i := range gaps {
		gaps[i] = float64(between(20, 52))
		sum += gaps[i]
	}
	t := at(13, 7, 38).Add(time.Duration(between(0, 59)) * time.Second)
	var base []*msg
	foreign := 0
	for i := 0; i < 25; i++ {
		m := &msg{at: t, label: labelTZ}
		switch {
		case (i == 9 || i == 17) && foreign < len(tzForeign):
			f := tzForeign[foreign]
			foreign++
			m.cust = pickCustomer(1, f.lang)
			m.subject, m.core, m.foreign = f.subj, []string{f.body}, true
		default:
			m.cust = pickCustomer(1, "en")
			for i == 13 && len(byOrg[m.cust.Org]) < 4 {
				m.cust = pickCustomer(1, "en")
			}
			hint, core := tzText.compose()
			m.subject, m.core = hint, core
			if hint == "" || chance(0.15) {
				m.subject = draw("tz.subj", tzText.subj)
			}
			m.long = i == 13
		}
		base = append(base, add(m))
		if i < len(gaps) {
			g := gaps[i] * 852 / sum
			t = t.Add(time.Duration(g*60)*time.Second + time.Duration(rng.IntN(60))*time.Second)
		}
	}
	p := base[6]
	add(&msg{at: p.at.Add(2*time.Hour + 50*time.Minute), label: labelTZ, cust: p.cust, subject: p.subject, parent: p, source: "email",
		core: []string{"Following up: it happened again with two more invites this afternoon, both one hour off for guests in the UK. Is there a fix yet?"}})
}

// ---------------------------------------------------------------- everyday tickets

func placeTopic(t topic, label string, at time.Time, long bool) {
	c := pickCustomer(1, "")
	for c.Lang != "en" && chance(0.5) {
		c = pickCustomer(1, "")
	}
	if long {
		for c.Lang != "en" || len(byOrg[c.Org]) < 4 {
			c = pickCustomer(1, "en")
		}
	}
	subj, core := t.compose()
	subj = fill(subj, c)
	for i := range core {
		core[i] = fill(core[i], c)
	}
	add(&msg{at: at, label: label, cust: c, subject: subj, core: core, long: long, cat: category(t)})
}

func category(t topic) string {
	switch {
	case t.name == "feature":
		return "Feature request"
	case t.name == "sales" || t.name == "spam":
		return "Sales & pricing"
	case t.feat == "billing":
		return "Billing"
	case t.feat == "login":
		return "Account & log-in"
	case t.feat == "account" || t.feat == "data":
		return "Account"
	case t.feat == "integrations" || t.feat == "calendar":
		return "Integrations & calendar"
	case strings.HasPrefix(t.name, "howto") || strings.HasPrefix(t.name, "la."):
		return pick([]string{"How do I...?", "Question"})
	case t.feat == "other":
		return pick([]string{"Other", "Question"})
	}
	return "Technical problem"
}

func placeForeign(f foreignText, label string, at time.Time) {
	c := pickCustomer(1, f.lang)
	add(&msg{at: at, label: label, cust: c, subject: f.subj, core: []string{f.body}, foreign: true})
}

func everyday() {
	// background: 378 written tickets + 14 auto-replies + 8 bounces = 400
	longAt := map[int]bool{40: true, 150: true, 260: true, 330: true}
	fi := 0
	for i := 0; i < 378; i++ {
		t := rhythmTime()
		if i%45 == 7 && fi < len(bgForeign) {
			placeForeign(bgForeign[fi], "background", t)
			fi++
			continue
		}
		tp := pickTopic(bgTopics)
		for blocked(tp.feat, t) || (longAt[i] && (tp.name == "spam" || tp.name == "thanks")) {
			tp = pickTopic(bgTopics)
		}
		placeTopic(tp, "background", t, longAt[i])
	}
	// auto-replies: several land while support is mass-replying during outages
	arTimes := []time.Time{
		at(10, 15, 21), at(10, 15, 34), at(10, 15, 52), at(10, 16, 7), at(10, 16, 40),
		at(12, 16, 28), at(12, 16, 57), at(12, 17, 19),
		at(11, 11, 36), at(11, 12, 4),
		at(9, 10, 12), at(13, 16, 45), at(14, 9, 30), at(12, 8, 55),
	}
	arIdx := []int{0, 1, 2, 2, 3, 8, 9, 0, 10, 3, 6, 7, 11, 12}
	for i, t := range arTimes {
		var c *Customer
		a := autoReplies[arIdx[i]]
		want := "en"
		if strings.HasPrefix(a.subj, "Abwesenheit") {
			want = "de"
		} else if strings.HasPrefix(a.subj, "Réponse") {
			want = "fr"
		} else if strings.HasPrefix(a.subj, "Respuesta") {
			want = "es"
		}
		c = pickCustomer(1.5, want)
		add(autoReply(c, t.Add(time.Duration(rng.IntN(60))*time.Second), arIdx[i]))
	}
	// the three non-English auto-replies
	add(autoReply(pickCustomer(1, "de"), at(10, 16, 18).Add(17*time.Second), 4))
	add(autoReply(pickCustomer(1, "fr"), at(11, 9, 2).Add(41*time.Second), 5))
	add(autoReply(pickCustomer(1, "es"), at(12, 11, 14).Add(9*time.Second), 13))
	for i := 0; i < 5; i++ {
		add(bounce(pickCustomer(1, ""), rhythmTime()))
	}

	// hard negatives: 54 spread over the week, 22 inside the log-in outage,
	// 6 inside the media outage, 3 inside the email delay = 85
	hnLogin := hnTopics[:8]
	for i := 0; i < 54; i++ {
		t := rhythmTime()
		if i < len(hnForeign) {
			placeForeign(hnForeign[i], "hard-negative", t)
			continue
		}
		tp := pickTopic(hnTopics)
		for blocked(tp.feat, t) || (tp.feat == "login" && t.After(at(15, 0, 30)) && t.Before(at(15, 3, 0))) {
			t = rhythmTime()
		}
		placeTopic(tp, "hard-negative", t, i == 30)
	}
	for i := 0; i < 22; i++ {
		placeTopic(pickTopic(hnLogin), "hard-negative", uniformTime(at(10, 14, 40), at(10, 17, 10)), false)
	}
	for i := 0; i < 6; i++ {
		placeTopic(pickTopic(hnTopics[9:]), "hard-negative", uniformTime(at(12, 15, 15), at(12, 17, 45)), false)
	}
	for i := 0; i < 3; i++ {
		placeTopic(hnTopics[8], "hard-negative", uniformTime(at(11, 10, 30), at(11, 13, 30)), false)
	}

	// look-alikes inside the windows of the incidents they resemble
	for i := 0; i < 4; i++ {
		placeTopic(laCDN, "look-alike", uniformTime(at(9, 13, 45), at(9, 15, 0)), false)
	}
	for i := 0; i < 8; i++ {
		placeTopic(laAuth, "look-alike", uniformTime(at(10, 14, 40), at(10, 17, 10)), false)
	}
	for i := 0; i < 4; i++ {
		placeTopic(laMail, "look-alike", uniformTime(at(11, 10, 30), at(11, 13, 30)), false)
	}
	for i := 0; i < 8; i++ {
		placeTopic(laMedia, "look-alike", uniformTime(at(12, 15, 15), at(12, 17, 45)), false)
	}
	for i := 0; i < 5; i++ {
		placeTopic(laTZ, "look-alike", uniformTime(at(13, 8, 0), at(13, 22, 0)), false)
	}
}

// ---------------------------------------------------------------- status pages

func updates() []weekgen.Update {
	ts := func(t time.Time) string { return t.Format(time.RFC3339) }
	var u []weekgen.Update
	inc := func(provider, id, title string, comps []string, label string, steps ...[4]string) {
		for i, s := range steps {
			t, _ := time.Parse(time.RFC3339, s[0])
			u = append(u, weekgen.Update{Provider: provider, ProviderIncidentID: id, UpdateID: fmt.Sprintf("%s-u%d", id, i+1),
				Status: s[1], Impact: s[2], At: ts(t), Title: title, Body: s[3], Kind: "incident", Components: comps, Label: label})
		}
	}
	inc("edgeharbor", "eh-7qk2m9vd", "Elevated 5xx errors on video-on-demand delivery", []string{"VOD delivery", "Origin shield (eu-central)", "Origin shield (us-east)"}, labelCDN,
		[4]string{"2026-03-09T13:56:00Z", "investigating", "major", "We are investigating elevated 5xx error rates for video-on-demand and large-object delivery from our North America and Europe edges. Customers may see failed or slow media requests. Next update within 30 minutes."},
		[4]string{"2026-03-09T14:22:00Z", "identified", "major", "The issue has been identified as a failure in the origin shield tier serving eu-central and us-east. Cache misses for media objects are returning 503. Engineers are failing traffic over to healthy shield nodes."},
		[4]string{"2026-03-09T14:48:00Z", "monitoring", "minor", "Traffic has been moved to healthy origin shield nodes and error rates have returned to normal levels. We are monitoring the results."},
		[4]string{"2026-03-09T15:41:00Z", "resolved", "minor", "This incident has been resolved. Between 13:31 and 14:46 UTC a subset of media requests served through the origin shield in eu-central and us-east returned 503 errors. A post-incident review will be published."},
	)
	inc("keyloom", "kl-8d3f1x0w", "Elevated authentication errors and latency", []string{"Authentication API", "Hosted Login", "Token Introspection", "SSO (SAML/OIDC)"}, labelAuth,
		[4]string{"2026-03-10T14:02:00Z", "investigating", "minor", "We are investigating elevated error rates and increased latency on the Authentication API in the US-1 and EU-1 regions. Some login requests may fail or take longer than usual."},
		[4]string{"2026-03-10T14:47:00Z", "investigating", "major", "Error rates have increased further. Customers may see failed logins, failed SSO callbacks and token validation (introspection) failures. Our engineers are actively investigating."},
		[4]string{"2026-03-10T15:08:00Z", "identified", "major", "We have identified the cause as resource exhaustion in the session store cluster backing US-1 and EU-1 following a configuration change. We are rolling back the change."},
		[4]string{"2026-03-10T15:44:00Z", "identified", "major", "The rollback is in progress. Error rates are slowly decreasing but remain elevated; customers may continue to see intermittent login and token validation failures."},
		[4]string{"2026-03-10T16:25:00Z", "monitoring", "minor", "A fix has been implemented and error rates have returned to baseline for most tenants. We are monitoring the results. Some end users may need to sign in again."},
		[4]string{"2026-03-10T17:48:00Z", "resolved", "major", "This incident has been resolved. From approximately 14:00 to 16:40 UTC a portion of authentication and token introspection requests in US-1 and EU-1 failed or timed out. We apologise for the disruption; a root cause analysis will be published within 5 business days."},
	)
	inc("postlark", "pl-0311-dlv", "Delayed delivery of outbound email", []string{"Outbound delivery", "SMTP relay", "Transactional API"}, labelMail,
		[4]string{"2026-03-11T09:18:00Z", "investigating", "minor", "We are investigating reports of delayed outbound message delivery for some accounts. Messages are being accepted by the API and queued; no messages have been lost."},
		[4]string{"2026-03-11T10:05:00Z", "identified", "major", "We have identified a degraded node in our us-east sending cluster that is slowing queue processing. Delivery delays are currently up to 45 minutes for affected accounts."},
		[4]string{"2026-03-11T11:12:00Z", "identified", "major", "Remediation is underway and the backlog is being processed. Some messages may be delivered with delays of up to 2 hours."},
		[4]string{"2026-03-11T12:10:00Z", "monitoring", "minor", "The backlog has been cleared and delivery times are back to normal. We are monitoring to make sure the queue stays healthy."},
		[4]string{"2026-03-11T13:55:00Z", "resolved", "major", "This incident has been resolved. Between 09:05 and 12:05 UTC outbound messages from a subset of accounts were delayed by up to 2 hours. All queued messages have been delivered."},
	)
	inc("relaywave", "rw-4471", "Degraded media relay performance in EU-West and US-East", []string{"TURN relay (EU-West)", "TURN relay (US-East)", "Media edge"}, labelMedia,
		[4]string{"2026-03-12T15:50:00Z", "investigating", "major", "We are investigating reports of packet loss and dropped relayed sessions in EU-West and US-East. Customers may experience frozen video, audio drop-outs and reconnects for TURN-relayed media."},
		[4]string{"2026-03-12T16:18:00Z", "identified", "major", "We have identified a faulty configuration push to a subset of TURN edge nodes that caused severe packet loss on relayed UDP and TCP traffic. We are rolling the configuration back."},
		[4]string{"2026-03-12T16:44:00Z", "monitoring", "minor", "The configuration has been rolled back on all affected edge nodes. New sessions should be healthy. We are monitoring the recovery."},
		[4]string{"2026-03-12T17:32:00Z", "monitoring", "minor", "Long-running sessions that were established on affected nodes may continue to see degraded quality until they reconnect. We continue to monitor."},
		[4]string{"2026-03-12T18:35:00Z", "resolved", "major", "This incident has been resolved. Between approximately 15:05 and 16:40 UTC relayed media sessions in EU-West and US-East experienced severe packet loss. We will publish a post-incident report."},
	)
	// no customer impact for MeetBeam: payouts are not used
	inc("tallypay", "tp-q91mz4", "Delayed payouts for merchants in Australia and Singapore", []string{"Payouts (APAC)"}, "",
		[4]string{"2026-03-12T09:05:00Z", "investigating", "minor", "We are investigating delays in payouts to bank accounts in Australia and Singapore. Card processing, subscriptions and invoicing are not affected."},
		[4]string{"2026-03-12T09:48:00Z", "identified", "minor", "The delay is caused by a slowdown at one of our banking partners in the region. Payouts are queued and will be sent once processing resumes."},
		[4]string{"2026-03-12T10:40:00Z", "monitoring", "minor", "Queued payouts are being processed. We are monitoring until all delayed payouts have been sent."},
		[4]string{"2026-03-12T11:38:00Z", "resolved", "minor", "All delayed APAC payouts have been sent. No other products were affected."},
	)
	inc("edgeharbor", "eh-3wz81kpa", "Increased processing times for Image Optimizer", []string{"Image Optimizer"}, "",
		[4]string{"2026-03-14T06:10:00Z", "investigating", "minor", "We are investigating increased processing times for on-the-fly image transformations. Cached images and all other delivery services are unaffected."},
		[4]string{"2026-03-14T06:55:00Z", "identified", "minor", "A saturated worker pool in the Image Optimizer service has been identified. Additional capacity is being added."},
		[4]string{"2026-03-14T07:30:00Z", "monitoring", "minor", "Processing times are back to normal. We are monitoring."},
		[4]string{"2026-03-14T08:05:00Z", "resolved", "minor", "This incident has been resolved."},
	)
	mnt := func(t, status, body string) weekgen.Update {
		tt, _ := time.Parse(time.RFC3339, t)
		return weekgen.Update{Provider: "keyloom", ProviderIncidentID: "kl-mnt-0315", UpdateID: "kl-mnt-0315-" + status, Status: status, Impact: "maintenance",
			At: ts(tt), Title: "Scheduled maintenance: EU-1 directory database upgrade", Body: body, Kind: "maintenance", Components: []string{"Directory (EU-1)"}}
	}
	u = append(u,
		mnt("2026-03-12T17:00:00Z", "scheduled", "We will upgrade the directory database in the EU-1 region on Sunday 15 March 2026 between 01:00 and 03:00 UTC. No downtime is expected; a small number of authentication requests may see increased latency for short periods."),
		mnt("2026-03-15T01:00:00Z", "in_progress", "Scheduled maintenance is currently in progress. We will provide updates as necessary."),
		mnt("2026-03-15T02:12:00Z", "verifying", "The upgrade has been applied. We are verifying that all services are operating normally."),
		mnt("2026-03-15T02:36:00Z", "completed", "The scheduled maintenance has been completed."),
	)
	sort.SliceStable(u, func(i, j int) bool { return u[i].At < u[j].At })
	return u
}

// ---------------------------------------------------------------- main

func main() {
	out := flag.String("out", "scenarios/meetbeam", "output folder")
	flag.Parse()

	buildCustomers()

	runStorm(storm{label: labelCDN, n: 30, follows: 2, start: at(9, 13, 42), peakA: at(9, 14, 5), peakB: at(9, 14, 25), end: at(9, 15, 5),
		texts: []incText{cdnText}, shares: []float64{1}, foreign: cdnForeign, nForeign: 2, follow: cdnFollow, bias: 1.3})
	runStorm(storm{label: labelAuth, n: 150, follows: 13, start: at(10, 14, 38), peakA: at(10, 15, 5), peakB: at(10, 15, 55), end: at(10, 17, 15),
		texts: []incText{authLogin, authShare}, shares: []float64{0.6, 0.4}, foreign: authForeign, nForeign: 7, nLong: 2,
		follow: authFollow, bias: 2.0, mixed: authBoth, nMixed: 4})
	runStorm(storm{label: labelMail, n: 40, follows: 4, start: at(11, 10, 23), peakA: at(11, 11, 0), peakB: at(11, 12, 0), end: at(11, 13, 35),
		texts: []incText{mailText}, shares: []float64{1}, foreign: mailForeign, nForeign: 2, follow: mailFollow, bias: 1.3})
	runStorm(storm{label: labelMedia, n: 62, follows: 6, start: at(12, 15, 12), peakA: at(12, 17, 2), peakB: at(12, 17, 12), end: at(12, 17, 52),
		texts: []incText{mediaText}, shares: []float64{1}, foreign: mediaForeign, nForeign: 3, nLong: 1, follow: mediaFollow, bias: 1.5})
	runTrickle()
	everyday()

	sort.SliceStable(msgs, func(i, j int) bool { return msgs[i].at.Before(msgs[j].at) })
	id := 58230
	for _, m := range msgs {
		id += between(1, 3)
		m.id = fmt.Sprintf("MB-%d", id)
	}
	var tickets []weekgen.Ticket
	for _, m := range msgs {
		tickets = append(tickets, render(m))
	}

	must(os.MkdirAll(*out, 0o755))
	must(weekgen.WriteWeek(*out, tickets, updates(), weekgen.Format{}))
	fmt.Printf("wrote %d tickets to %s\n", len(tickets), *out)
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

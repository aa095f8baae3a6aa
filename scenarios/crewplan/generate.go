//go:build ignore

// generate.go writes the crewplan scenario: one invented week (Mon 13 – Sun 19
// April 2026) at the support desk of CrewPlan, a scheduling and project-planning
// SaaS for field-service companies.
//
//	cd /work/main && go run ./scenarios/crewplan/generate.go
//
// Standard library and scenarios/internal/weekgen only, seeded math/rand/v2:
// rerunning gives identical bytes.
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"time"
	"unicode"

	"stormdesk/scenarios/internal/weekgen"
)

var rng = rand.New(rand.NewPCG(20260413, 0xC4E3B1A7))

func pick[T any](xs []T) T  { return weekgen.Pick(rng, xs) }
func chance(p float64) bool { return weekgen.Chance(rng, p) }
func between(a, b int) int  { return weekgen.Between(rng, a, b) }

// pickN returns n distinct elements of xs (n <= len(xs)).
func pickN(xs []string, n int) []string {
	idx := rng.Perm(len(xs))
	if n > len(xs) {
		n = len(xs)
	}
	out := make([]string, n)
	for i := 0; i < n; i++ {
		out[i] = xs[idx[i]]
	}
	return out
}

var weekStart = time.Date(2026, 4, 13, 0, 0, 0, 0, time.UTC) // Monday

// at returns day d (0 = Monday 13 April) at hh:mm UTC.
func at(d, hh, mm int) time.Time { return weekgen.At(weekStart, d, hh, mm) }

// ---------------------------------------------------------------- text noise

var keyNeighbours = map[rune]string{
	'a': "sq", 'e': "wr", 'i': "uo", 'o': "ip", 'n': "bm", 't': "ry", 's': "ad", 'r': "et", 'l': "k", 'c': "xv", 'd': "sf", 'h': "gj", 'u': "yi", 'm': "n", 'g': "fh",
}

func isPlainWord(w []rune) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// typos introduces n keyboard slips into s.
func typos(s string, n int) string {
	words := strings.Split(s, " ")
	for k := 0; k < n*3 && n > 0; k++ {
		i := rng.IntN(len(words))
		w := []rune(words[i])
		if len(w) < 4 || !isPlainWord(w) {
			continue
		}
		p := 1 + rng.IntN(len(w)-2)
		switch rng.IntN(4) {
		case 0:
			w[p], w[p+1] = w[p+1], w[p]
		case 1:
			w = append(w[:p:p], w[p+1:]...)
		case 2:
			w = append(w[:p+1:p+1], w[p:]...)
		case 3:
			if nb, ok := keyNeighbours[unicode.ToLower(w[p])]; ok {
				w[p] = []rune(nb)[rng.IntN(len([]rune(nb)))]
			} else {
				w[p], w[p+1] = w[p+1], w[p]
			}
		}
		words[i] = string(w)
		n--
	}
	return strings.Join(words, " ")
}

var sloppyRepl = []struct{ from, to string }{
	{"can't", "cant"}, {"don't", "dont"}, {"won't", "wont"}, {"doesn't", "doesnt"}, {"I'm", "im"}, {"isn't", "isnt"},
	{"it's", "its"}, {"didn't", "didnt"}, {"you", "u"}, {"please", "pls"}, {"thanks", "thx"}, {"because", "bc"},
}

// sloppy makes a message look typed in a hurry on a phone.
func sloppy(s string) string {
	s = strings.ToLower(s)
	for _, r := range sloppyRepl {
		if chance(0.6) {
			s = strings.ReplaceAll(s, strings.ToLower(r.from), r.to)
		}
	}
	if chance(0.5) {
		s = strings.NewReplacer(". ", " ", ".\n", "\n", ", ", " ").Replace(s)
		s = strings.TrimSuffix(s, ".")
	}
	return s
}

var emojis = []string{" 🙏", " 😡", " 😩", " 🙃", " 👍", " 😬", " 🤦‍♂️", " ??", " :(", " :-/"}

// noise applies realistic noise. anger in [0,1] raises the chance of caps.
func noise(text string, anger float64, lang string) string {
	if text == "" {
		return text
	}
	r := rng.Float64()
	switch {
	case r < 0.10:
		text = sloppy(text)
	case r < 0.14 && lang == "en":
		text = strings.ToLower(text)
	}
	if chance(0.28) {
		text = typos(text, between(1, 3))
	}
	if chance(anger*0.10) && len(text) < 400 {
		text = strings.ToUpper(text)
		if !strings.HasSuffix(text, "!") && chance(0.7) {
			text += strings.Repeat("!", between(2, 4))
		}
	}
	if chance(0.05) {
		text += pick(emojis)
	}
	return text
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	first := strings.Fields(s)[0]
	keep := []string{"I", "I'm", "I've", "I'd", "CrewPlan", "Outlook", "Google", "Microsoft", "SSO", "PDF", "F5", "Chrome", "Safari", "Android", "iPhone", "Monday", "Saturday", "Friday"}
	for _, k := range keep {
		if strings.HasPrefix(first, k) {
			return s
		}
	}
	if len(first) > 1 && strings.ToUpper(first) == first {
		return s
	}
	rs := []rune(s)
	rs[0] = unicode.ToLower(rs[0])
	return string(rs)
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	rs := []rune(s)
	rs[0] = unicode.ToUpper(rs[0])
	return string(rs)
}

// join glues sentences together, sometimes as one paragraph, sometimes as several.
func join(parts ...string) string {
	var out []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, strings.TrimSpace(p))
		}
	}
	if len(out) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(out[0])
	for _, p := range out[1:] {
		if chance(0.3) {
			b.WriteString("\n\n")
		} else if chance(0.08) {
			b.WriteString("\n")
		} else {
			b.WriteString(" ")
		}
		b.WriteString(p)
	}
	return b.String()
}

// lead prefixes a sentence with an optional opener ("Not sure if it's just us, but ...").
func lead(openers []string, s string) string {
	if len(openers) == 0 || !chance(0.35) {
		return s
	}
	o := pick(openers)
	if strings.HasSuffix(o, ":") {
		return o + " " + s
	}
	return o + " " + lowerFirst(s)
}

// ---------------------------------------------------------------- customers

type Org struct {
	Name   string
	Domain string // "" = people use webmail
	Size   int
	Lang   string
	Plan   string
	SSO    bool
	Style  int // email address pattern
	People []*Person
}

type Person struct {
	First, Last, Email, Role, Phone string
	Org                             *Org
}

func (p *Person) Name() string { return p.First + " " + p.Last }

var orgSpecs = []struct {
	name, domain string
	size         int
	lang, plan   string
	sso          bool
}{
	{"Tillman Facility Services", "tillmanfs.com", 30, "en", "Business", true},
	{"Keystone Mechanical Group", "keystonemech.com", 20, "en", "Business", true},
	{"Harbor & Vine Landscaping", "harborvine.com", 14, "en", "Pro", false},
	{"Redline Fire Protection", "redlinefire.com", 12, "en", "Business", true},
	{"BluePeak Solar", "bluepeaksolar.com", 10, "en", "Pro", false},
	{"Castillo Pest Control", "castillopest.com", 8, "en", "Pro", false},
	{"Northbank Plumbing & Heating", "northbankph.co.uk", 7, "en", "Pro", false},
	{"Brightline Electrical", "brightline-electric.com", 7, "en", "Pro", false},
	{"Summit Roofing Co", "summitroofingco.com", 6, "en", "Pro", false},
	{"Haverford HVAC", "haverfordhvac.com", 6, "en", "Business", true},
	{"Clearwater Pool Care", "clearwaterpools.net", 5, "en", "Starter", false},
	{"Ironclad Security Systems", "ironcladsec.com", 6, "en", "Business", true},
	{"Greenway Grounds", "greenwaygrounds.com", 5, "en", "Pro", false},
	{"Maple Leaf Home Services", "mapleleafhs.ca", 6, "en", "Pro", false},
	{"Atlas Elevator Service", "atlaselevator.com", 5, "en", "Business", true},
	{"Pioneer Appliance Repair", "pioneerappliance.com", 4, "en", "Starter", false},
	{"Coastal Cleaning Crew", "coastalcleaningcrew.com", 5, "en", "Pro", false},
	{"Westfield Water Treatment", "westfieldwater.com", 4, "en", "Pro", false},
	{"Granite State Garage Doors", "gsgaragedoors.com", 4, "en", "Starter", false},
	{"Meridian Medical Equipment Service", "meridianmes.com", 5, "en", "Business", true},
	{"Oakridge Tree Care", "oakridgetree.com", 4, "en", "Pro", false},
	{"Lakeshore Chimney & Vent", "lakeshorechimney.com", 3, "en", "Starter", false},
	{"Prairie Wind Turbine Services", "prairiewindts.com", 5, "en", "Business", false},
	{"Copperline Telecom Installers", "copperline.net", 6, "en", "Pro", false},
	{"Sterling Window Cleaning", "sterlingwindows.co.uk", 4, "en", "Starter", false},
	{"Trident Marine Electronics", "tridentmarine.com", 3, "en", "Pro", false},
	{"Evergreen Irrigation", "evergreenirrigation.com", 4, "en", "Pro", false},
	{"Patriot Fence & Deck", "patriotfence.com", 3, "en", "Starter", false},
	{"Union Street Locksmiths", "unionstreetlocks.com", 3, "en", "Starter", false},
	{"Hollis & Grant Property Maintenance", "hollisgrant.com", 6, "en", "Pro", false},
	{"Beacon Alarm Monitoring", "beaconalarm.com", 4, "en", "Business", true},
	{"Riverbend Septic", "riverbendseptic.com", 2, "en", "Starter", false},
	{"Crestview Painting", "crestviewpainting.com", 3, "en", "Starter", false},
	{"Apex Commercial Kitchens", "apexck.com", 4, "en", "Pro", false},
	{"Foxglove Gardens", "foxglovegardens.co.uk", 2, "en", "Starter", false},
	{"Delta Drain Services", "deltadrain.com", 3, "en", "Pro", false},
	{"Silverline Solar Install", "silverlinesolar.com.au", 4, "en", "Pro", false},
	{"Kingfisher Facilities", "kingfisherfm.co.uk", 5, "en", "Business", true},
	{"Harlow Handyman Services", "", 1, "en", "Starter", false},
	{"Dunlap Plumbing", "", 1, "en", "Starter", false},
	{"Mesa Mobile Mechanics", "mesamobilemech.com", 2, "en", "Starter", false},
	{"Whitfield Carpet Care", "", 2, "en", "Starter", false},
	{"Bayside Pressure Washing", "", 1, "en", "Starter", false},
	{"Trailhead Snow & Ice", "trailheadsnow.com", 3, "en", "Pro", false},
	{"Norwood Fire Sprinklers", "norwoodsprinklers.com", 3, "en", "Pro", false},
	{"Cobalt Network Cabling", "cobaltcabling.com", 3, "en", "Pro", false},
	{"Sunridge Home Health Equipment", "sunridgehhe.com", 3, "en", "Pro", false},
	{"Rosewood Interiors Install", "rosewoodinstall.com", 2, "en", "Starter", false},
	{"Big Sky Heating & Air", "bigskyheat.com", 4, "en", "Pro", false},
	{"Fairmont Vending Service", "fairmontvending.com", 3, "en", "Starter", false},
	{"Orchard Lane Pest Solutions", "orchardlanepest.com", 2, "en", "Starter", false},
	{"Quarry Hill Excavation", "quarryhillex.com", 3, "en", "Pro", false},
	{"Linden Glass & Glazing", "lindenglass.ie", 3, "en", "Pro", false},
	{"Waverly Generator Service", "waverlygen.com", 2, "en", "Pro", false},
	{"Hightower Signage", "hightowersigns.com", 2, "en", "Starter", false},
	{"Cedar Point Cleaning", "", 1, "en", "Starter", false},
	{"Stonegate Paving", "stonegatepaving.com", 2, "en", "Starter", false},
	{"Ridgeback Roof Repair", "", 1, "en", "Starter", false},
	{"Marlow Office Fit-Out", "marlowfitout.co.uk", 3, "en", "Pro", false},
	{"Zenith Lift Maintenance", "zenithlift.co.nz", 3, "en", "Pro", false},
	{"Clover Cleaning Co-op", "clovercoop.org", 4, "en", "Starter", false},
	{"Alder Street Electric", "alderstelectric.com", 2, "en", "Starter", false},
	{"Lighthouse Aquarium Maintenance", "", 1, "en", "Starter", false},
	{"Kessler Kältetechnik GmbH", "kessler-kaelte.de", 5, "de", "Pro", false},
	{"Elektro Vogt & Söhne", "elektro-vogt.de", 3, "de", "Starter", false},
	{"Haustechnik Brandl", "haustechnik-brandl.at", 3, "de", "Pro", false},
	{"Plomberie Marchand SARL", "plomberie-marchand.fr", 3, "fr", "Starter", false},
	{"Nettoyage Laurentides", "nettoyagelaurentides.ca", 4, "fr", "Pro", false},
	{"Climatización Ortega S.L.", "climaortega.es", 4, "es", "Pro", false},
	{"Servicios Técnicos Ruiz", "serviciosruiz.mx", 3, "es", "Starter", false},
}

var firstNamesEN = []string{"James", "Maria", "Robert", "Jennifer", "Michael", "Linda", "David", "Patricia", "Chris", "Jessica", "Daniel", "Sarah", "Matthew", "Karen", "Anthony", "Nancy", "Mark", "Lisa", "Donald", "Betty", "Steven", "Ashley", "Paul", "Kimberly", "Andrew", "Emily", "Joshua", "Donna", "Kevin", "Michelle", "Brian", "Carol", "George", "Amanda", "Tim", "Melissa", "Ron", "Deborah", "Jason", "Stephanie", "Ed", "Rebecca", "Jeff", "Sharon", "Ryan", "Laura", "Jacob", "Cynthia", "Gary", "Kathleen", "Nick", "Amy", "Eric", "Angela", "Jon", "Shirley", "Stephen", "Anna", "Larry", "Brenda", "Justin", "Pam", "Scott", "Emma", "Brandon", "Nicole", "Ben", "Helen", "Sam", "Samantha", "Greg", "Katie", "Frank", "Christine", "Alex", "Debbie", "Ray", "Rachel", "Pat", "Carolyn", "Jack", "Janet", "Dennis", "Catherine", "Jerry", "Maria", "Tyler", "Heather", "Aaron", "Diane", "Jose", "Ruth", "Adam", "Julie", "Nathan", "Olivia", "Henry", "Joyce", "Doug", "Virginia", "Zach", "Victoria", "Peter", "Kelly", "Kyle", "Lauren", "Noah", "Christina", "Ethan", "Joan", "Jeremy", "Evelyn", "Walter", "Judith", "Christian", "Megan", "Keith", "Andrea", "Roger", "Cheryl", "Terry", "Hannah", "Austin", "Jacqueline", "Sean", "Martha", "Gerald", "Gloria", "Carl", "Teresa", "Dylan", "Ann", "Harold", "Sara", "Jordan", "Madison", "Jesse", "Frances", "Bryan", "Kathryn", "Lawrence", "Janice", "Arthur", "Jean", "Gabriel", "Abigail", "Bruce", "Alice", "Logan", "Judy", "Billy", "Sophia", "Joe", "Grace", "Alan", "Denise", "Juan", "Amber", "Wayne", "Doris", "Elijah", "Marilyn", "Randy", "Danielle", "Roy", "Beverly", "Vincent", "Isabella", "Ralph", "Theresa", "Eugene", "Diana", "Russell", "Natalie", "Bobby", "Brittany", "Mason", "Charlotte", "Philip", "Marie", "Louis", "Kayla", "Priya", "Raj", "Mei", "Wei", "Tariq", "Aisha", "Kofi", "Ngozi", "Liam", "Siobhan", "Declan", "Aroha", "Mateo", "Lucia", "Dmitri", "Olga", "Hamid", "Fatima", "Kenji", "Yuki"}
var lastNamesEN = []string{"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins", "Reyes", "Stewart", "Morris", "Morales", "Murphy", "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper", "Peterson", "Bailey", "Reed", "Kelly", "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson", "Watson", "Brooks", "Chavez", "Wood", "James", "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes", "Price", "Alvarez", "Castillo", "Sanders", "Patel", "Myers", "Long", "Ross", "Foster", "Jimenez", "Powell", "Jenkins", "Perry", "Russell", "Sullivan", "Bell", "Coleman", "Butler", "Henderson", "Barnes", "Gonzales", "Fisher", "Vasquez", "Simmons", "Romero", "Jordan", "Patterson", "Alexander", "Hamilton", "Graham", "Reynolds", "Griffin", "Wallace", "Moreno", "West", "Cole", "Hayes", "Bryant", "Herrera", "Gibson", "Ellis", "Tran", "Medina", "Aguilar", "Stevens", "Murray", "Ford", "Castro", "Marshall", "Owens", "Harrison", "Fernandez", "McDonald", "Woods", "Washington", "Kennedy", "Wells", "Vargas", "Henry", "Chen", "Freeman", "Webb", "Tucker", "Guzman", "Burns", "Crawford", "Olson", "Simpson", "Porter", "Hunter", "Gordon", "Mendez", "Silva", "Shaw", "Snyder", "Mason", "Dixon", "Munoz", "Hunt", "Hicks", "Holmes", "Palmer", "Wagner", "Black", "Robertson", "Boyd", "Rose", "Stone", "Salazar", "Fox", "Warren", "Mills", "Meyer", "Rice", "Schmidt", "Garza", "Daniels", "Ferguson", "Nichols", "Stephens", "Soto", "Weaver", "Ryan", "Gardner", "Payne", "Grant", "Dunn", "Kelley", "Spencer", "Hawkins", "Arnold", "Pierce", "Hansen", "Peters", "Santos", "Hart", "Bradley", "Knight", "Elliott", "Cunningham", "Duncan", "Armstrong", "Hudson", "Carroll", "Lane", "Riley", "Andrews", "Ray", "Berry", "Perkins", "Hoffman", "Johnston", "Matthews", "Pena", "Richards", "Willis", "Carpenter", "Lawrence", "Sandoval", "O'Brien", "Okafor", "Mensah", "Kowalski", "Novak", "Haddad", "Sato", "Tanaka", "Singh", "Sharma", "Walsh", "Byrne", "Ngata"}
var firstNamesDE = []string{"Jonas", "Lukas", "Anna", "Katharina", "Stefan", "Thomas", "Sabine", "Markus", "Julia", "Andreas", "Petra", "Florian", "Monika", "Tobias", "Birgit"}
var lastNamesDE = []string{"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Wagner", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Neumann", "Zimmermann", "Krüger", "Hartmann"}
var firstNamesFR = []string{"Julien", "Camille", "Nicolas", "Sophie", "Mathieu", "Élodie", "Antoine", "Chloé", "Sébastien", "Isabelle", "Guillaume", "Nathalie"}
var lastNamesFR = []string{"Martin", "Bernard", "Dubois", "Moreau", "Laurent", "Lefebvre", "Girard", "Roux", "Fournier", "Gagnon", "Tremblay", "Côté", "Bouchard"}
var firstNamesES = []string{"Alejandro", "Lucía", "Javier", "Carmen", "Diego", "Sofía", "Miguel", "Elena", "Raúl", "Marta", "Andrés", "Paula", "Jorge"}
var lastNamesES = []string{"García", "Martínez", "López", "Sánchez", "Romero", "Navarro", "Torres", "Domínguez", "Vázquez", "Ramos", "Gil", "Molina", "Ortega", "Delgado"}

var rolesOwner = []string{"Owner", "Operations Manager", "General Manager", "Office Manager", "Managing Director", "Service Manager"}
var rolesStaff = []string{"Dispatcher", "Field Supervisor", "Service Coordinator", "Scheduling Lead", "Office Administrator", "IT Administrator", "Payroll & HR", "Field Technician", "Crew Lead", "Project Manager", "Customer Service", "Foreman", "Installer", "Account Manager", "Operations Coordinator"}

var orgs []*Org
var people []*Person

func asciiFold(s string) string {
	r := strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss", "é", "e", "è", "e", "ê", "e", "É", "E", "á", "a", "í", "i", "ó", "o", "ú", "u", "ñ", "n", "ô", "o", "Ö", "Oe", "Ü", "Ue", "Ä", "Ae", "'", "", "ç", "c")
	return r.Replace(s)
}

func buildCustomers() {
	usedEmail := map[string]bool{}
	for _, s := range orgSpecs {
		o := &Org{Name: s.name, Domain: s.domain, Size: s.size, Lang: s.lang, Plan: s.plan, SSO: s.sso, Style: rng.IntN(4)}
		fn, ln := firstNamesEN, lastNamesEN
		switch s.lang {
		case "de":
			fn, ln = firstNamesDE, lastNamesDE
		case "fr":
			fn, ln = firstNamesFR, lastNamesFR
		case "es":
			fn, ln = firstNamesES, lastNamesES
		}
		for i := 0; i < s.size; i++ {
			var p *Person
			for {
				f, l := pick(fn), pick(ln)
				if s.lang != "en" && chance(0.15) {
					f = pick(firstNamesEN)
				}
				lf, ll := strings.ToLower(asciiFold(f)), strings.ToLower(asciiFold(l))
				var email string
				if o.Domain == "" {
					trade := strings.ToLower(strings.Fields(s.name)[1])
					email = fmt.Sprintf("%s.%s.%s@%s", lf, ll, trade, pick([]string{"gmail.com", "outlook.com", "yahoo.com", "icloud.com"}))
				} else {
					switch o.Style {
					case 0:
						email = lf + "." + ll
					case 1:
						email = lf[:1] + ll
					case 2:
						email = lf
					default:
						email = lf + "_" + ll
					}
					email += "@" + o.Domain
				}
				if usedEmail[email] {
					continue
				}
				usedEmail[email] = true
				p = &Person{First: f, Last: l, Email: email, Org: o}
				break
			}
			if i == 0 {
				p.Role = pick(rolesOwner)
			} else {
				p.Role = pick(rolesStaff)
			}
			switch s.lang {
			case "de":
				p.Phone = fmt.Sprintf("+49 %d %d %04d", between(30, 89), between(555, 559), between(1000, 9999))
			case "fr":
				p.Phone = fmt.Sprintf("+33 1 55 %02d %02d %02d", between(10, 99), between(10, 99), between(10, 99))
			case "es":
				p.Phone = fmt.Sprintf("+34 91 555 %02d %02d", between(10, 99), between(10, 99))
			default:
				p.Phone = fmt.Sprintf("+1 (%d) 555-01%02d", between(201, 989), between(0, 99))
			}
			o.People = append(o.People, p)
			people = append(people, p)
		}
		orgs = append(orgs, o)
	}
}

// anyPerson picks a customer, weighted so that bigger orgs write more often
// (but not linearly: one big org does not drown the desk).
func anyPerson() *Person {
	if chance(0.55) {
		return pick(people)
	}
	o := pick(orgs)
	return pick(o.People)
}

func personWithLang(lang string) *Person {
	var c []*Person
	for _, p := range people {
		if p.Org.Lang == lang {
			c = append(c, p)
		}
	}
	return pick(c)
}

// ---------------------------------------------------------------- rendering

// Msg is what a customer wants to say, before it is dressed as an email,
// a chat, a web form or an in-app report.
type Msg struct {
	Subject string
	Text    string
	Lang    string
	Anger   float64
	Topic   string // for the chat bot's article suggestions: login, clockin, upload, calendar, board, timesheet, billing, account, general
	Bare    bool   // text is complete as is (auto-replies, bounces): no greeting, no noise
	Sources []int  // weights for email, chat, web, api; nil = default
	NoChat  bool
	// follow-up: quote the earlier ticket's acknowledgement
	FollowOf *Draft
	Fwd      *Person // a colleague whose message this person forwards
}

var greetings = map[string][]string{
	"en": {"Hi,", "Hello,", "Hi team,", "Hi CrewPlan support,", "Hey guys,", "Good morning,", "Good afternoon,", "Hi there,", "Hello support team,", "To whom it may concern,", "Hiya,", "Dear CrewPlan team,", "Hi all,", "Hello CrewPlan,", "Hey,", "Support,"},
	"de": {"Hallo,", "Guten Tag,", "Hallo zusammen,", "Sehr geehrte Damen und Herren,", "Moin,", "Hallo CrewPlan-Team,"},
	"fr": {"Bonjour,", "Bonjour à tous,", "Madame, Monsieur,", "Salut,", "Bonjour l'équipe CrewPlan,"},
	"es": {"Hola,", "Buenos días,", "Buenas tardes,", "Estimado equipo de soporte:", "Hola equipo,"},
}
var closings = map[string][]string{
	"en": {"Thanks", "Thanks,", "Thank you!", "Thanks in advance", "Cheers", "Regards,", "Kind regards,", "Best,", "Appreciate it", "thx", "TIA", "Thanks for your help,", "Many thanks", "Best regards,", "Thanks so much", "Rgds", "Thank you,"},
	"de": {"Viele Grüße", "Mit freundlichen Grüßen", "Danke und Gruß", "Beste Grüße", "LG", "Gruß"},
	"fr": {"Merci", "Cordialement,", "Bien à vous,", "Merci d'avance", "Bonne journée", "Merci de votre aide,"},
	"es": {"Gracias", "Saludos,", "Un saludo,", "Muchas gracias", "Quedo atento,", "Saludos cordiales,"},
}
var mobileSigs = map[string][]string{
	"en": {"Sent from my iPhone", "Sent from my iPhone", "Sent from my Galaxy", "Sent from my Samsung Galaxy smartphone.", "Get Outlook for Android", "Get Outlook for iOS", "Sent from Mail for Windows", "Sent from my Pixel"},
	"de": {"Von meinem iPhone gesendet", "Gesendet von Outlook für Android"},
	"fr": {"Envoyé de mon iPhone", "Envoyé depuis mon Galaxy"},
	"es": {"Enviado desde mi iPhone", "Enviado desde mi Samsung Galaxy"},
}
var disclaimers = []string{
	"CONFIDENTIALITY NOTICE: This e-mail message, including any attachments, is for the sole use of the intended recipient(s) and may contain confidential and privileged information. Any unauthorized review, use, disclosure or distribution is prohibited. If you are not the intended recipient, please contact the sender by reply e-mail and destroy all copies of the original message.",
	"This email and any files transmitted with it are confidential and intended solely for the use of the individual or entity to whom they are addressed.",
	"Please consider the environment before printing this email.",
	"We have moved! Our new depot address is 4410 Industrial Pkwy, Unit 7.",
}

func signOff(p *Person, lang string) string {
	var b strings.Builder
	b.WriteString(pick(closings[lang]))
	b.WriteString("\n")
	switch rng.IntN(5) {
	case 0:
		b.WriteString(p.First)
	case 1:
		b.WriteString(p.Name())
	case 2:
		b.WriteString(string([]rune(p.First)[0]))
	default:
		b.WriteString(p.First)
	}
	return b.String()
}

func signature(p *Person, lang string) string {
	r := rng.Float64()
	switch {
	case r < 0.18:
		return "\n\n" + pick(mobileSigs[lang])
	case r < 0.30:
		return fmt.Sprintf("\n\n-- \n%s | %s | %s\n%s", p.Name(), p.Role, p.Org.Name, p.Phone)
	case r < 0.40:
		web := ""
		if p.Org.Domain != "" {
			web = "\nwww." + p.Org.Domain
		}
		s := fmt.Sprintf("\n\n%s\n%s\n%s\nT: %s%s", p.Name(), p.Role, p.Org.Name, p.Phone, web)
		if chance(0.35) {
			s += "\n\n" + pick(disclaimers)
		}
		return s
	case r < 0.45:
		return fmt.Sprintf("\n\n%s\n%s", p.Org.Name, p.Phone)
	}
	return ""
}

const supportAddr = "CrewPlan Support <support@crewplan.io>"

var agentNames = []string{"Marisol", "Devon", "Priya", "Tomasz", "Hana", "Jamal", "Ingrid", "Leo", "Aoife", "Ravi"}

func quoteLines(s string) string {
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

// priorMail is an earlier message from CrewPlan the customer happens to reply to.
func priorMail(p *Person, t time.Time) (subject, body string, when time.Time) {
	when = t.Add(-time.Duration(between(60*20, 60*24*9)) * time.Minute)
	agent := pick(agentNames)
	n := between(46100, 48150)
	switch rng.IntN(7) {
	case 0:
		return fmt.Sprintf("Re: Adding seats [#%d]", n), fmt.Sprintf("Hi %s,\n\nThanks for getting in touch! I've added the extra seats to your workspace; they'll show up prorated on your next invoice.\n\nIs there anything else I can help with?\n\nBest,\n%s\nCrewPlan Support", p.First, agent), when
	case 1:
		return fmt.Sprintf("Your request #%d has been solved", n), fmt.Sprintf("Hi %s,\n\nYour request #%d has been marked as solved. If anything else comes up, simply reply to this email to reopen it.\n\nCrewPlan Support", p.First, n), when
	case 2:
		return fmt.Sprintf("Re: Recurring shifts question [#%d]", n), fmt.Sprintf("Hello %s,\n\nHere is the article on recurring shift templates: https://help.crewplan.io/articles/recurring-shift-templates\n\nLet us know how you get on!\n\n%s | CrewPlan Support", p.First, agent), when
	case 3:
		return "Your CrewPlan invoice for April 2026", fmt.Sprintf("Hi %s,\n\nYour invoice INV-2026-0%d is now available. Amount: $%d.00. It will be charged to the card on file.\n\nView invoice: https://app.crewplan.io/billing/invoices\n\nThe CrewPlan team", p.First, between(41000, 49999), between(6, 60)*12), when
	case 4:
		return fmt.Sprintf("Re: Quick question [#%d]", n), fmt.Sprintf("Hi %s, just checking in: were you able to sort out the export in the end? If not, I'm happy to jump on a call.\n\nCheers,\n%s", p.First, agent), when
	case 5:
		return "What's new in CrewPlan: April", "Hi there,\n\nThis month: shift templates now support split shifts, the mobile app got a faster job list, and you can finally pin comments on tasks.\n\nHappy scheduling,\nThe CrewPlan team", when
	default:
		return fmt.Sprintf("Re: Timesheet approvals [#%d]", n), fmt.Sprintf("Hi %s,\n\nManagers can approve timesheets in bulk from Timesheets > Pending: tick the boxes and hit Approve. Admins can also lock a pay period afterwards.\n\n%s\nCrewPlan Support", p.First, agent), when
	}
}

func gmailHeader(when time.Time, from string) string {
	return fmt.Sprintf("On %s, %s wrote:", when.Format("Mon, 2 Jan 2006 at 15:04"), from)
}

func outlookBlock(when time.Time, from, to, subject, body string) string {
	sep := "-----Original Message-----"
	if chance(0.4) {
		sep = "________________________________"
	}
	return fmt.Sprintf("%s\nFrom: %s\nSent: %s\nTo: %s\nSubject: %s\n\n%s", sep, from, when.Format("Monday, January 2, 2006 3:04 PM"), to, subject, body)
}

func appleHeader(when time.Time, from string) string {
	return fmt.Sprintf("On %s, %s wrote:", when.Format("2 Jan 2006, at 15:04"), from)
}

func toHTML(s string) string {
	esc := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "'", "&#39;", "\"", "&quot;")
	paras := strings.Split(s, "\n\n")
	var b strings.Builder
	switch rng.IntN(3) {
	case 0: // gmail-ish
		b.WriteString(`<div dir="ltr">`)
		for i, p := range paras {
			if i > 0 {
				b.WriteString("<div><br></div>")
			}
			b.WriteString("<div>" + strings.ReplaceAll(esc.Replace(p), "\n", "<br>") + "</div>")
		}
		b.WriteString("</div>")
		return "<html><body>" + b.String() + "</body></html>"
	case 1: // outlook-ish
		b.WriteString(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body lang="EN-US"><div class="WordSection1">`)
		for _, p := range paras {
			for _, l := range strings.Split(p, "\n") {
				b.WriteString(`<p class="MsoNormal">` + esc.Replace(l) + "<o:p></o:p></p>")
			}
			b.WriteString(`<p class="MsoNormal"><o:p>&nbsp;</o:p></p>`)
		}
		b.WriteString("</div></body></html>")
		return b.String()
	default:
		b.WriteString("<html><body>")
		for _, p := range paras {
			b.WriteString("<p>" + strings.ReplaceAll(esc.Replace(p), "\n", "<br>") + "</p>")
		}
		b.WriteString("<p>&nbsp;</p></body></html>")
		return b.String()
	}
}

var botArticles = map[string][]string{
	"login":     {"Troubleshooting sign-in problems", "Resetting your password", "Setting up SSO for your workspace"},
	"clockin":   {"Clocking in and out from the mobile app", "Why can't I clock in?", "Geofencing explained"},
	"upload":    {"Adding photos and files to a task", "Supported file types and size limits"},
	"calendar":  {"Connecting Google Calendar or Outlook", "Calendar sync FAQ", "Why are my shifts not in my calendar?"},
	"board":     {"Using the task board", "Live updates and the Reconnecting banner", "Board display mode for shop TVs"},
	"timesheet": {"How timesheet totals are calculated", "Unpaid breaks and overtime rules", "Exporting timesheets for payroll"},
	"billing":   {"How per-seat billing works", "Updating your payment method", "Downloading invoices"},
	"account":   {"Changing your workspace owner", "Managing users and roles", "Deleting your account"},
	"general":   {"Getting started with CrewPlan", "CrewPlan help center"},
}

// sentences splits text into rough sentences for chat lines.
func sentences(s string) []string {
	s = strings.ReplaceAll(s, "\n", " ")
	var out []string
	var cur strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		cur.WriteRune(r)
		if (r == '.' || r == '?' || r == '!') && (i+1 == len(rs) || rs[i+1] == ' ') {
			t := strings.TrimSpace(cur.String())
			if t != "" {
				out = append(out, t)
			}
			cur.Reset()
		}
	}
	if t := strings.TrimSpace(cur.String()); t != "" {
		out = append(out, t)
	}
	return out
}

func chatTranscript(m Msg, p *Person, t time.Time) (string, string) {
	ss := sentences(m.Text)
	if len(ss) == 0 {
		ss = []string{m.Text}
	}
	clock := t.Add(-time.Duration(between(4, 14)) * time.Minute)
	ts := func(add int) string {
		clock = clock.Add(time.Duration(add) * time.Minute)
		return clock.Format("15:04")
	}
	agent := pick(agentNames)
	style := rng.IntN(3)
	cust := "Customer"
	bot := "Bot"
	ag := "Agent (" + agent + ")"
	if style == 1 {
		cust = p.First
		bot = "Crewbie"
		ag = agent + " (CrewPlan)"
	} else if style == 2 {
		cust = p.Name()
		bot = "Crewbie (bot)"
		ag = agent
	}
	var b strings.Builder
	if chance(0.5) {
		fmt.Fprintf(&b, "Conversation started %s UTC\nVisitor: %s <%s>\n\n", clock.Format("2 Jan 2006 15:04"), p.Name(), p.Email)
	}
	hello := pick([]string{"Hi there! I'm Crewbie, how can I help?", "Hi there! I'm Crewbie, CrewPlan's virtual assistant 👋 How can I help you today?", "Hello! I'm Crewbie. Ask me anything about CrewPlan.", "Hi! I'm Crewbie. What can I help you with?"})
	if m.Lang == "de" {
		hello = "Hallo! Ich bin Crewbie, der virtuelle Assistent von CrewPlan. Wie kann ich helfen?"
	} else if m.Lang == "fr" {
		hello = "Bonjour ! Je suis Crewbie, l'assistant virtuel de CrewPlan. Comment puis-je vous aider ?"
	} else if m.Lang == "es" {
		hello = "¡Hola! Soy Crewbie, el asistente virtual de CrewPlan. ¿En qué puedo ayudarte?"
	}
	fmt.Fprintf(&b, "[%s] %s: %s\n", ts(0), bot, hello)
	nFirst := 1
	if len(ss) > 2 && chance(0.5) {
		nFirst = 2
	}
	fmt.Fprintf(&b, "[%s] %s: %s\n", ts(1), cust, strings.Join(ss[:nFirst], " "))
	topic := m.Topic
	if topic == "" {
		topic = "general"
	}
	arts := botArticles[topic]
	if m.Lang == "en" && chance(0.6) {
		fmt.Fprintf(&b, "[%s] %s: I found some articles that might help: \"%s\". Did that answer your question?\n", ts(0), bot, pick(arts))
		fmt.Fprintf(&b, "[%s] %s: %s\n", ts(1), cust, pick([]string{"no", "No", "nope", "not really", "No. talk to a person please", "agent", "human please", "That's not it", "no that doesnt help", "No, I need to speak to someone"}))
	}
	connect := map[string]string{"de": "Ich verbinde Sie mit einem Mitarbeiter aus unserem Team.", "fr": "Je vous mets en relation avec un membre de notre équipe.", "es": "Te paso con una persona de nuestro equipo."}[m.Lang]
	if connect != "" {
		fmt.Fprintf(&b, "[%s] %s: %s\n", ts(0), bot, connect)
	} else {
		fmt.Fprintf(&b, "[%s] %s: %s\n", ts(0), bot, pick([]string{"No problem, let me connect you with someone from our team. Current wait time is about " + fmt.Sprint(between(2, 12)) + " minutes.", "Connecting you to an agent…", "I'll pass you to a human teammate. Hang tight!"}))
	}
	fmt.Fprintf(&b, "[%s] %s: %s\n", ts(between(1, 6)), ag, pick([]string{"Hi " + p.First + ", thanks for waiting! Let me take a look.", "Hi " + p.First + ", I'm " + agent + ". Sorry for the wait, reading back through your messages now.", "Hello! Thanks for your patience. Can you tell me a bit more?", "Hi " + p.First + "! Give me a moment to check your workspace."}))
	closer := pick([]string{"Thanks, I'm creating a ticket for this so the team can follow up by email.", "Thanks for the details, I've passed this on and will update you by email.", "OK, let me dig into this. I'll follow up by email shortly."})
	switch topic {
	case "billing", "account", "general":
		if chance(0.5) {
			closer = pick([]string{"Thanks! I'll sort this out and confirm by email.", "Noted. Someone from our billing and accounts team will email you today.", "Happy to help. I'll send you the details by email in a moment."})
		}
	default:
		if chance(0.5) {
			closer = pick([]string{"Got it. I'm going to check with our engineers and get back to you here or by email.", "Thanks, I'm escalating this to our technical team now."})
		}
	}
	rest := ss[nFirst:]
	if len(rest) == 0 {
		filler := map[string][]string{"de": {"Das war's eigentlich.", "Mehr weiß ich auch nicht."}, "fr": {"C'est tout.", "Rien d'autre à ajouter."}, "es": {"Eso es todo.", "Nada más."}}[m.Lang]
		if filler == nil {
			filler = []string{"That's all really, it just doesn't work", "Nothing else to add", "see above", "thats it"}
		}
		rest = []string{pick(filler)}
	}
	for i, s := range rest {
		if i > 3 {
			break
		}
		fmt.Fprintf(&b, "[%s] %s: %s\n", ts(between(0, 2)), cust, s)
	}
	fmt.Fprintf(&b, "[%s] %s: %s", ts(1), ag, closer)
	subject := pick([]string{"Chat with " + p.Name(), "Chat transcript – " + p.Name(), "Crewbie conversation", "", "New chat conversation"})
	if chance(0.35) && m.Subject != "" {
		subject = m.Subject
	}
	return subject, b.String()
}

var webCategories = map[string]string{"login": "Account access", "clockin": "Mobile app", "upload": "Technical issue", "calendar": "Integrations", "board": "Technical issue", "timesheet": "Timesheets & payroll", "billing": "Billing", "account": "Account & users", "general": "Other"}

func webForm(m Msg, p *Person) (string, string) {
	cat := webCategories[m.Topic]
	if cat == "" {
		cat = "Other"
	}
	var b strings.Builder
	switch rng.IntN(3) {
	case 0:
		fmt.Fprintf(&b, "Name: %s\nEmail: %s\nCompany: %s\nPlan: %s\nCategory: %s\n\nMessage:\n%s\n\n---\nSubmitted via https://crewplan.io/support/contact", p.Name(), p.Email, p.Org.Name, p.Org.Plan, cat, m.Text)
	case 1:
		fmt.Fprintf(&b, "What can we help with? %s\nHow urgent is it? %s\nDescribe the problem:\n%s", cat, urgency(m.Anger), m.Text)
	default:
		b.WriteString(m.Text)
	}
	subject := m.Subject
	if subject == "" || chance(0.15) {
		subject = "Contact form: " + cat
	}
	return subject, b.String()
}

var iosVersions = []string{"26.3.1", "26.4", "26.2", "18.7.2", "26.3"}
var androidVersions = []string{"16", "15", "14", "13"}
var phones = []string{"Samsung Galaxy A54", "Samsung Galaxy S24", "Pixel 8a", "Motorola moto g 5G", "Samsung Galaxy XCover 7", "OnePlus 12R", "Pixel 9"}
var iphones = []string{"iPhone 13", "iPhone 15", "iPhone 12 mini", "iPhone 16 Pro", "iPhone SE (3rd gen)", "iPhone 14"}

func appReport(m Msg, p *Person) (string, string) {
	var b strings.Builder
	screen := map[string]string{"login": "Sign in", "clockin": "Clock In", "upload": "Task > Attachments", "calendar": "Settings > Calendar", "board": "Board", "timesheet": "Timesheets"}[m.Topic]
	if screen == "" {
		screen = pick([]string{"Home", "Schedule", "Settings", "Tasks"})
	}
	if chance(0.5) {
		fmt.Fprintf(&b, "Submitted from CrewPlan for iOS 5.14.%d (build 514%02d)\nDevice: %s, iOS %s\n", between(0, 2), between(10, 40), pick(iphones), pick(iosVersions))
	} else {
		fmt.Fprintf(&b, "Submitted from CrewPlan for Android 5.14.%d (build 514%02d)\nDevice: %s, Android %s\n", between(0, 2), between(10, 40), pick(phones), pick(androidVersions))
	}
	fmt.Fprintf(&b, "Workspace: %s (ws_%s)\nUser: %s\nScreen: %s\n\n--- message ---\n%s", p.Org.Name, randID(6), p.Email, screen, m.Text)
	subject := m.Subject
	if subject == "" || chance(0.4) {
		subject = pick([]string{"In-app problem report", "Problem report from mobile app", "Feedback from CrewPlan app", "In-app report: " + screen})
	}
	return subject, b.String()
}

func randID(n int) string {
	const al = "abcdefghijklmnopqrstuvwxyz0123456789"
	b := make([]byte, n)
	for i := range b {
		b[i] = al[rng.IntN(len(al))]
	}
	return string(b)
}

func chooseSource(w []int) string {
	if w == nil {
		w = []int{60, 15, 18, 7}
	}
	names := []string{"email", "chat", "web", "api"}
	tot := 0
	for _, x := range w {
		tot += x
	}
	r := rng.IntN(tot)
	for i, x := range w {
		if r < x {
			return names[i]
		}
		r -= x
	}
	return "email"
}

// render dresses a message and returns subject, body and source.
func render(d *Draft, m Msg) (string, string, string) {
	p := d.P
	lang := m.Lang
	if lang == "" {
		lang = "en"
	}
	if m.Bare {
		return m.Subject, m.Text, "email"
	}
	text := noise(m.Text, m.Anger, lang)
	subject := m.Subject
	if chance(m.Anger*0.12) && subject != "" {
		subject = strings.ToUpper(subject)
	} else if chance(0.12) {
		subject = strings.ToLower(subject)
	}
	m.Text = text
	src := chooseSource(m.Sources)
	if m.NoChat && src == "chat" {
		src = "email"
	}
	if m.FollowOf != nil || m.Fwd != nil {
		src = "email"
	}
	switch src {
	case "chat":
		s, b := chatTranscript(m, p, d.T)
		return s, b, "chat"
	case "web":
		s, b := webForm(m, p)
		return s, b, "web"
	case "api":
		s, b := appReport(m, p)
		return s, b, "api"
	}
	// email
	greet := ""
	if chance(0.8) {
		greet = pick(greetings[lang]) + "\n\n"
	}
	core := greet + text
	if chance(0.75) {
		core += "\n\n" + signOff(p, lang)
	}
	core += signature(p, lang)

	if m.FollowOf != nil {
		o := m.FollowOf
		ackAt := o.T.Add(time.Duration(between(1, 12)) * time.Minute)
		if !ackAt.Before(d.T) {
			ackAt = o.T.Add(time.Minute)
		}
		ack := fmt.Sprintf("Hi %s,\n\nThanks for contacting CrewPlan Support. We've received your request (#%s) \"%s\" and someone from our team will get back to you shortly.\n\nYou can add information by replying to this email.\n\nCrewPlan Support", p.First, strings.TrimPrefix(o.ID, "CP-"), o.Subject)
		if o.Subject == "" {
			ack = strings.Replace(ack, " \"\"", "", 1)
		}
		rsub := "Re: " + o.Subject
		if o.Subject == "" {
			rsub = "Re: Your CrewPlan request #" + strings.TrimPrefix(o.ID, "CP-")
		}
		if subject != "" && chance(0.3) {
			rsub = subject
		}
		switch rng.IntN(3) {
		case 0:
			return rsub, core + "\n\n" + gmailHeader(ackAt, supportAddr) + "\n" + quoteLines(ack), "email"
		case 1:
			return rsub, core + "\n\n" + outlookBlock(ackAt, supportAddr, fmt.Sprintf("%s <%s>", p.Name(), p.Email), "[CrewPlan] Re: "+o.Subject, ack), "email"
		default:
			return rsub, core + "\n\n" + appleHeader(ackAt, supportAddr) + "\n\n" + quoteLines(ack), "email"
		}
	}
	if m.Fwd != nil {
		c := m.Fwd
		sent := d.T.Add(-time.Duration(between(3, 40)) * time.Minute)
		intro := pick([]string{"FYI, see below from one of our techs. Can you help?", "Forwarding this from our crew lead.", "See below. This is happening to several of our guys.", "Please see the message below from my colleague.", "fwd from the field", "Can someone look at this? Forwarded from " + c.First + ".", ""})
		if lang == "de" {
			intro = pick([]string{"Zur Info, siehe unten.", "Weiterleitung von unserem Monteur, bitte prüfen."})
		}
		sub := m.Subject
		body := strings.TrimSpace(intro + "\n\n" + signOff(p, lang) + "\n\n---------- Forwarded message ---------\n" +
			fmt.Sprintf("From: %s <%s>\nDate: %s\nSubject: %s\nTo: %s <%s>\n\n", c.Name(), c.Email, sent.Format("Mon, 2 Jan 2006 at 15:04"), sub, p.Name(), p.Email) + text)
		return "Fwd: " + sub, body, "email"
	}
	r := rng.Float64()
	switch {
	case r < 0.09:
		return subject, toHTML(core), "email"
	case r < 0.15:
		ps, pb, when := priorMail(p, d.T)
		return "Re: " + strings.TrimPrefix(ps, "Re: "), core + "\n\n" + gmailHeader(when, supportAddr) + "\n" + quoteLines(pb), "email"
	case r < 0.20:
		ps, pb, when := priorMail(p, d.T)
		return "RE: " + strings.TrimPrefix(ps, "Re: "), core + "\n\n" + outlookBlock(when, supportAddr, fmt.Sprintf("%s <%s>", p.Name(), p.Email), ps, pb), "email"
	case r < 0.24:
		ps, pb, when := priorMail(p, d.T)
		return "Re: " + strings.TrimPrefix(ps, "Re: "), core + "\n\n" + appleHeader(when, supportAddr) + "\n\n" + quoteLines(pb), "email"
	case r < 0.29 && subject != "":
		return "", core, "email" // body-only: subject left empty
	case r < 0.33 && subject != "" && len(m.Text) < 140:
		return subject, "", "email" // subject-only
	case r < 0.43:
		return subject, text, "email" // bare, no greeting
	}
	return subject, core, "email"
}

func urgency(anger float64) string {
	if anger >= 0.3 {
		return pick([]string{"High", "Urgent – work is blocked", "Urgent – work is blocked", "Normal"})
	}
	return pick([]string{"Low", "Normal", "Normal", "High"})
}

// ---------------------------------------------------------------- drafts

type Draft struct {
	T       time.Time
	P       *Person
	Label   string
	Gen     func(d *Draft) Msg
	ID      string
	Subject string
	Body    string
	Source  string
}

func maybe(s string, p float64) string {
	if chance(p) {
		return s
	}
	return ""
}

// ---------------------------------------------------------------- incident wording

type incText struct {
	topic       string
	anger       float64
	sources     []int
	subjects    []string
	openers     []string
	symptoms    []string
	details     []string
	contexts    []string
	asks        []string
	shorts      []string
	followups   []string
	longs       []string            // "subject|body", each used at most once
	foreign     map[string][]string // lang -> "subject|body"
	usedLong    int
	plannedLong int
}

var genericAsks = []string{"Is this a known issue?", "Are you aware of this?", "Any ETA on a fix?", "Is it just us or is something down?", "Can someone look into this ASAP?", "Please advise.", "Is there a workaround we can use in the meantime?", "Can you check on your side?", "Is there an outage?", "Please call me back, number below.", "What should we do?", "Let me know what you find.", "Could you please look into it urgently.", "Is anyone else reporting this?", "Help!", "Please fix asap.", "Can you tell me what's going on?", "Is something down on your end?"}

func splitSB(s string) (string, string) {
	parts := strings.SplitN(s, "|", 2)
	return parts[0], parts[1]
}

func (it *incText) msg(p *Person) Msg {
	m := Msg{Lang: "en", Anger: it.anger, Topic: it.topic, Sources: it.sources}
	lang := p.Org.Lang
	if lang != "en" && len(it.foreign[lang]) > 0 && chance(0.85) {
		m.Subject, m.Text = splitSB(pick(it.foreign[lang]))
		m.Lang = lang
		return m
	}
	asks := append(append([]string{}, it.asks...), genericAsks...)
	r := rng.Float64()
	switch {
	case r < 0.15:
		m.Text = pick(it.shorts)
	case r < 0.50:
		m.Text = join(lead(it.openers, pick(it.symptoms)), maybe(pick(it.details), 0.5), pick(asks))
	case r < 0.88:
		s := pickN(it.symptoms, 2)
		m.Text = join(lead(it.openers, s[0]), maybe(s[1], 0.3), pick(it.details), pick(it.contexts), maybe(pick(asks), 0.7))
	default:
		s := pickN(it.symptoms, 2)
		d := pickN(it.details, 2)
		c := pickN(it.contexts, 2)
		m.Text = join(lead(it.openers, s[0]), d[0], s[1], d[1], c[0], c[1], pick(asks))
	}
	m.Subject = pick(it.subjects)
	m.Text = strings.ReplaceAll(m.Text, "{plan}", p.Org.Plan)
	return m
}

// longMsg is one of the few long, rambling reports (always email or web form).
func (it *incText) longMsg() Msg {
	m := Msg{Lang: "en", Anger: it.anger, Topic: it.topic, Sources: []int{75, 0, 25, 0}}
	m.Subject, m.Text = splitSB(it.longs[it.usedLong%len(it.longs)])
	it.usedLong++
	return m
}

func (it *incText) followup(p *Person, orig *Draft) Msg {
	m := Msg{Lang: "en", Anger: it.anger + 0.3, Topic: it.topic, FollowOf: orig}
	m.Text = pick(it.followups)
	if p.Org.Lang == "de" {
		m.Text, m.Lang = pick([]string{"Gibt es schon etwas Neues? Bei uns geht es immer noch nicht.", "Hallo, noch mal nachgefragt: Problem besteht weiterhin. Wann ist das behoben?"}), "de"
	} else if p.Org.Lang == "fr" {
		m.Text, m.Lang = pick([]string{"Des nouvelles ? Toujours le même problème chez nous.", "Je relance : ça ne marche toujours pas."}), "fr"
	} else if p.Org.Lang == "es" {
		m.Text, m.Lang = pick([]string{"¿Alguna novedad? Seguimos igual.", "Hola de nuevo, sigue sin funcionar. ¿Saben cuándo estará resuelto?"}), "es"
	}
	return m
}

var loginText = &incText{
	topic: "login", anger: 0.6, sources: []int{50, 22, 20, 8},
	subjects: []string{"Can't log in", "cannot log in to CrewPlan", "Login not working", "LOGIN DOWN??", "Is CrewPlan down?", "sign in error", "Error when signing in", "SSO login failing for whole team", "Nobody in the office can get in", "login page just spins", "\"Something went wrong\" on login", "Urgent - locked out of CrewPlan", "web app won't let us sign in", "single sign-on broken?", "can't access our account", "Sign-in issues right now", "Problem logging in", "dispatch can't log in", "whole company locked out", "outage?", "login broken", "Unable to sign in - error after password", "SSO redirect loop", "keeps saying session expired", "Can't get into CrewPlan", "Login failure AUTH-502", "URGENT: no one can log in", "Is there a login outage right now", "sign in fails on web and app", "we are locked out", "login problems", "Can't log into the dashboard", "Authentication error", "can not sign in!!!", "Log in issue", "Access problem", "CrewPlan login down for us", "error signing in with company SSO", "login screen error", "Getting logged out and can't get back in", "Is the site down", "everyone locked out of crewplan", "Sign in"},
	openers:  []string{"Not sure if it's just us, but", "As of about 15 minutes ago,", "Since just after lunch", "Heads up:", "Starting a little while ago", "For the last half hour", "Suddenly", "All of a sudden", "This afternoon", "Right now"},
	symptoms: []string{
		"When I try to log in I get 'Something went wrong, please try again' after entering my password.",
		"The login page just keeps spinning after I click Sign in.",
		"Our SSO button takes us to the sign-in screen and then bounces straight back with an error.",
		"None of our dispatchers can log into the web app.",
		"I enter my email and password and it says 'We couldn't sign you in right now'.",
		"I keep getting kicked back to the login screen.",
		"Nobody in our office can get into CrewPlan.",
		"I was logged out in the middle of building next week's schedule and now I can't get back in.",
		"The company SSO login fails with a page that says 'Authentication service unavailable'.",
		"It says my session expired, I log in again and it immediately says session expired again.",
		"Sign in with SSO gives a blank white page.",
		"It just says error, try again later.",
		"I can't get past the login screen on the desktop or in the browser.",
		"All of our managers are locked out.",
		"The mobile app and the website both show a login error.",
		"The login takes forever and then times out.",
		"I get a 502 error right after signing in.",
		"Our whole org is getting 'unable to verify credentials'.",
		"It asks me to sign in every time I click anything and then the sign in fails.",
		"The login screen loads but after submitting it shows 'AUTH-502 – please try again'.",
		"Can't log in, the page reloads and I'm back at the start.",
		"Every user in our workspace is getting an error when they try to sign in.",
		"SSO and normal email login both fail for us.",
		"I got logged out of CrewPlan for no reason and I can't log back in.",
		"The 'Sign in with your company account' button errors out every time.",
		"Login fails with 'Something went wrong' even though my password is correct.",
		"We're unable to access CrewPlan at all, the sign in just fails.",
		"The login page says 'We're having trouble signing you in'.",
		"When I log in, it spins for ages and then drops me back on the login form with no message.",
		"Our office and our techs are all locked out of CrewPlan.",
	},
	details: []string{
		"Tried Chrome, Edge and Firefox, same error on all of them.",
		"Incognito doesn't help, clearing cookies doesn't help.",
		"Password is definitely right, it's saved in our password manager and it worked this morning.",
		"Three of us have tried on different computers, none of us can sign in.",
		"The error page has 'ref AUTH-502' at the bottom.",
		"I already reset my password thinking it was me. Got the email, set a new one, still can't get in.",
		"Our admin account is affected too, so we can't even look at the settings.",
		"Same thing on my phone over 5G, so it's not our network.",
		"It worked once for a colleague after about ten tries, then logged her out again.",
		"The page sits on 'Signing you in…' for about a minute before failing.",
		"We use the SSO login and the normal email login as a backup, both fail.",
		"Our IT guy checked and says everything on our side is fine.",
		"Restarted the computer, no change.",
		"The login page itself loads fine, it's after I hit Sign in that it dies.",
		"Screenshot attached.",
		"The browser console shows a bunch of 502s, if that helps.",
		"The 'Forgot password' email arrives fine, but the new password doesn't work either.",
		"Tried from home and from the office.",
		"Nothing has changed on our end, no new firewall or anything.",
		"I even tried the old bookmarked link and the one from your website.",
	},
	contexts: []string{
		"We can't dispatch anyone without the board.",
		"Our office staff have been sitting idle for half an hour.",
		"We have a lot of jobs to assign this afternoon.",
		"Our customers are calling and we can't look up their appointments.",
		"Tomorrow's schedule isn't published yet and I need to get it out today.",
		"I have an emergency call-out I need to assign right now.",
		"This is costing us real money.",
		"We're a paying {plan} customer and this is our main tool.",
		"We pay for every seat on the {plan} plan and right now none of them work.",
		"We've never had this problem before.",
		"I have a client meeting in an hour and need the job history.",
		"Our whole operation runs on CrewPlan.",
		"We're in the middle of our busiest week of the season.",
	},
	asks: []string{"Is there a login outage?", "Is your login server down?", "Did you change something with sign in today?"},
	shorts: []string{
		"cant log in", "Is CrewPlan down? Can't log in.", "login broken for everyone here", "none of us can sign in, please help",
		"Getting an error on login. Whole team.", "CAN'T LOG IN", "Are you guys down?", "sign in not working since a few minutes",
		"login error AUTH-502", "SSO not working for us", "We are all locked out!", "is login down right now?",
		"Can't sign in, tried everything", "locked out of web app and mobile app", "error signing in. Urgent.",
	},
	followups: []string{
		"any update??", "Still can't log in. Any ETA?", "Hello?? It's been almost an hour.", "Following up on my ticket from earlier, we're still locked out.",
		"still broken here", "Is anyone looking at this? Still down.", "Please give us an update, we need to tell our customers something.",
		"Still the same error. Do you have an ETA?", "ANY UPDATE?? WE ARE STILL DOWN", "Just checking in - nothing has changed on our side, still can't get in.",
		"Our owner is asking me for an update, can you give me anything?", "Tried again just now, same error. What is going on?",
		"It worked for two minutes and now it's broken again.", "Still locked out. This is getting serious.",
	},
	longs: []string{
		"Login outage - entire dispatch team affected|I want to give you as much detail as I can because this is really hurting us today. We have three dispatchers and two schedulers in the office and starting about 40 minutes ago every single one of us got logged out of CrewPlan at more or less the same time. At first I thought it was our internet because we had a blip with the provider last week, so I had everyone restart, then I tried on my phone on cellular, then I tried my home laptop over a hotspot. Same thing every time: the login page loads, you put in your email, it goes to the company sign-in, you come back to CrewPlan and it says 'Something went wrong, please try again (AUTH-502)'. Our IT contractor checked our side and says our identity setup hasn't been touched in months, and the other cloud apps we use with the same company login are working fine, so it really looks like it's on your side. Meanwhile the techs in the field are calling in because the app logged them out too and now they can't clock in to their jobs, which means I am writing start times on a whiteboard like it's 1995. We have 22 jobs on the board this afternoon including two emergency no-heat calls for elderly customers, and I can't even see who is assigned to what. I don't want to be dramatic but if this goes on for the rest of the day it's a real problem for us. Could somebody please confirm whether you know about this and give me a rough idea of how long it'll take? Even a 'we're on it' would help because my boss keeps asking me. Also, will the clock-ins that were missed be fixable afterwards or do I have to enter all of them by hand? One more thing, and sorry for the essay: a couple of our crew leads have started creating their own workarounds, one is texting photos of paper timesheets to the office group chat and another has gone back to the old punch card in the shop, and I'd really like to tell everybody one clear thing instead of five different things. If you have a status page for this or an email list I can forward, please send me the link.",
		"Nobody can log in (long, sorry)|Hi, I'm the office manager at a mid-size HVAC company and I've been trying to get into CrewPlan for the last half hour. I'll explain everything I've tried so you don't have to ask. First I got logged out while editing a shift, which has happened before when my session times out, so I didn't think much of it. I logged back in and got an error. I tried again, same. I used the Forgot password link, the email came through within a minute, I set a new password, and it still says we couldn't sign you in right now. Then I asked two of the girls in the office and they are stuck too. I tried Chrome and Safari on the Mac and Edge on the front desk PC. I cleared cookies. I tried private browsing. I even turned the router off and on. Our owner tried on his iPad from his truck and he can't get in either. So that's five different people on three networks. I checked your status page and it says everything is operational, which honestly made me think it was us for a while, but I can't see what else it could be. We have a full afternoon of service calls and our techs rely on the app for their addresses. Please let me know what is going on and if there's any way around it. Thanks. Oh and in case it matters, we are on the Business plan with single sign-on through our company accounts, but two of the office girls don't use the company login, they use plain email and password, and they can't get in either, so I don't think it's the single sign-on part specifically. I also tried the mobile app on my own phone and it just bounced me to the sign-in page and gave the same error. I'll keep this window open and keep trying every few minutes, but please call the office if you need any details from us. We're here until six.",
	},
	foreign: map[string][]string{
		"de": {
			"Anmeldung nicht möglich|Seit ca. 20 Minuten kann sich bei uns niemand mehr in CrewPlan anmelden. Es kommt nur 'Etwas ist schiefgelaufen'. Ist bei Ihnen etwas gestört?",
			"Login geht nicht|Wir kommen weder im Browser noch in der App in CrewPlan rein. Passwort ist korrekt, haben es auch schon zurückgesetzt. Bitte um dringende Rückmeldung, die Disposition steht.",
			"Störung? Kein Login möglich|Alle Kollegen im Büro bekommen beim Anmelden eine Fehlermeldung (AUTH-502). Gestern ging noch alles. Gibt es eine Störung?",
			"Dringend: Anmeldung fehlgeschlagen|Beim Einloggen dreht sich nur das Rad und dann kommt eine Fehlerseite. Wir haben es an drei Rechnern probiert.",
		},
		"fr": {
			"Impossible de se connecter|Impossible de se connecter à CrewPlan depuis tout à l'heure, la page de connexion tourne dans le vide puis affiche une erreur. Est-ce un problème chez vous ?",
			"Problème de connexion urgent|Aucun de nos répartiteurs ne peut se connecter. Le message dit « Une erreur s'est produite ». Merci de nous tenir au courant.",
			"Connexion en panne ?|Bonjour, toute l'équipe est déconnectée et on ne peut plus se reconnecter, ni sur le web ni sur l'appli. On a vérifié les mots de passe.",
		},
		"es": {
			"No podemos iniciar sesión|No podemos iniciar sesión en CrewPlan, ni en la web ni en la app. Sale un error después de poner la contraseña. ¿Hay algún problema?",
			"Error al entrar en CrewPlan|Desde hace un rato nadie de la oficina puede entrar. Ya probamos con otro navegador y restablecimos la contraseña, sigue igual. Es urgente.",
			"¿CrewPlan caído?|Todo el equipo está bloqueado, la pantalla de inicio de sesión da error AUTH-502. Por favor avísennos cuando esté solucionado.",
		},
	},
}

var clockinText = &incText{
	topic: "clockin", anger: 0.5, sources: []int{40, 12, 13, 35},
	subjects: []string{"Techs can't clock in", "clock in not working", "App won't let crew start shift", "Clock-in error on mobile", "CLOCK IN BROKEN", "Crew stuck at job site, can't punch in", "Time clock down?", "'Session could not be verified' when clocking in", "mobile app clock-in fails", "Can't start shift in app", "clock in", "Field team unable to clock in/out", "Clock out not working either", "app logs me out when I clock in", "Crew can't punch in", "Problem with clocking in", "Mobile app: Start shift error", "can't clock in at job"},
	openers:  []string{"Urgent:", "For the last 30 minutes or so", "Since about 20 min ago", "Just now", "Not sure what changed but", "Today"},
	symptoms: []string{
		"Our field guys can't clock in from the app, it says 'We couldn't verify your session'.",
		"When techs hit Clock In the button spins for a while and then logs them out.",
		"The mobile app kicks them to the sign-in screen when they try to start their shift, and then signing in fails.",
		"Half my crew is standing at the job site and none of them can clock in.",
		"Clock In gives an error and the timer doesn't start.",
		"The app was already logged in, but tapping Start shift shows 'Authentication required'.",
		"We've got guys on the clock who can't clock out either.",
		"Clocking in worked for the morning crew but the afternoon crew can't.",
		"It says 'Session could not be verified, please sign in again', then signing in fails.",
		"The app shows a red banner 'Couldn't reach CrewPlan' when they tap Clock In.",
		"The clock-in screen loads and shows the job, but Start just errors out.",
		"I can't clock in to my shift, the app logs me out every time I press the button.",
		"Nobody on the afternoon shift has been able to clock in.",
		"My techs get 'Please sign in to continue' when they try to punch in.",
		"The time clock in the app is broken, it won't start the shift.",
		"Tried to clock out after finishing the job and it just logged me out of the app.",
	},
	details: []string{
		"Both iPhone and Android users are affected.",
		"Reinstalled the app on one phone, still can't clock in.",
		"Our supervisors can't approve the clock-ins either because they can't log into the web.",
		"Location is turned on and they're inside the geofence, so it's not that.",
		"It's every tech, not just one.",
		"Updated the app to the latest version, no change.",
		"Restarted the phone twice.",
		"They have signal, other apps work fine.",
		"The error pops up right after the Clock In button turns grey.",
		"One guy got in after a few tries but got logged out again a minute later.",
	},
	contexts: []string{
		"They're on a commercial site where we bill by the hour, so we need accurate start times.",
		"Payroll uses these clock-ins, so I need to know how to fix the missing hours afterwards.",
		"I've told everyone to text me their start time for now.",
		"The guys are calling me one after another.",
		"One of our foremen says he's been trying for 20 minutes.",
		"Our crews rely on clock-in for the geofenced payroll hours, this is a big problem.",
		"I told them to write their start times on paper for now.",
		"The customer on site wants to see the crew checked in before they start.",
	},
	asks: []string{"How do we record the hours in the meantime?", "Can we clock them in manually later?"},
	shorts: []string{"cant clock in", "Clock in not working for any of our techs", "app wont let me clock in", "CLOCK IN DOWN", "my crew cant punch in, help",
		"Clock-in fails with session error", "can't start my shift in the app", "Nobody can clock in!!", "clock out broken too"},
	followups: []string{"any update? guys still can't clock in", "Still can't clock in. What do we do about their hours?", "Hello? Crews still stuck.", "Following up - clock in still failing for the whole crew.", "any news on the clock in issue??"},
	longs: []string{
		"Clock in failing for whole crew + can't log in to fix it|So here's where we are. We have four crews out today, about 17 people. The morning guys clocked in fine around 7. After lunch the ones coming back on shift all got the same message in the app when they hit Clock In: 'We couldn't verify your session, please sign in again'. When they try to sign in again on the phone it fails. Two of my crew leads called me, I tried to log into the web to clock them in manually like I normally would, and I can't log in to the web either, I get an error page. So I can't even fix it from the office. I've told everybody to write their times down on the back of the work order and text me a photo, but it's going to be a mess to reconcile on Friday when we run payroll. One of our customers, a property management company, requires that our crew is checked in in CrewPlan before they start work because they get the notification, so that crew is literally sitting in the van waiting. Can you please tell me if this is on your end and what we should do about the missing clock-ins? Is there a way to bulk add them afterwards? Thank you, I know you're probably getting a lot of these. For context we're on the Pro plan with about 20 users, most of them on Android phones that the company provides, a few on their own iPhones, and it doesn't seem to matter which. I had one of the younger guys uninstall and reinstall the app to see if that would help, which was a mistake because now he can't even get to the job list, it just sits on the sign-in screen. So please don't suggest reinstalling! If there's anything we can do on our side to get at least the clock-ins working, tell me and I'll pass it on to the crews straight away.",
	},
	foreign: map[string][]string{
		"de": {"Einstempeln in der App geht nicht|Unsere Monteure können sich in der App nicht einstempeln. Es kommt 'Sitzung konnte nicht bestätigt werden' und dann werden sie abgemeldet.", "Zeiterfassung App Fehler|Die Kollegen auf der Baustelle können die Schicht nicht starten, die App meldet sie einfach ab."},
		"fr": {"Pointage impossible|Nos techniciens ne peuvent pas pointer dans l'application, ils sont déconnectés dès qu'ils appuient sur « Pointer »."},
		"es": {"No pueden fichar|Los técnicos no pueden fichar la entrada desde la app, les dice que la sesión no se pudo verificar y los saca.", "Error al fichar en la app|Ningún operario puede iniciar turno en la aplicación. ¿Qué hacemos con las horas?"},
	},
}

var calConnectText = &incText{
	topic: "calendar", anger: 0.25, sources: []int{55, 20, 18, 7},
	subjects: []string{"Can't connect Google Calendar", "Outlook calendar connection fails", "Calendar link error", "calendar sync setup not working", "Error connecting calendar", "'We couldn't connect your calendar'", "New hires can't link their calendars", "Reconnect calendar fails", "calendar integration error", "Google calendar won't connect", "Problem linking Outlook", "calendar connect broken?", "Unable to add calendar"},
	openers:  []string{"Since this afternoon", "Not sure if it's on your side, but", "Today", "For the last hour or so"},
	symptoms: []string{
		"When I click Connect Google Calendar and choose my account, it comes back to CrewPlan with 'We couldn't connect your calendar. Please try again later.'",
		"The Outlook calendar connection fails right after the Microsoft sign-in window closes.",
		"The Reconnect button under Settings > Calendar just spins.",
		"We onboarded four new techs today and none of them can link their calendars.",
		"I disconnected my calendar to fix a duplicate issue and now I can't connect it again.",
		"The error says 'Calendar provider returned an error (503)'.",
		"The popup opens, I approve access, and then it says authorization failed.",
		"Connecting a calendar fails every time with 'CAL-LINK-03'.",
		"My Google account picker comes up, I pick the work account, then I land on an error page.",
		"I can't add my Outlook calendar, it just says something went wrong.",
		"Calendar connection keeps failing at the last step.",
	},
	details: []string{
		"It worked for my colleague last week, but today it fails every time.",
		"Tried with a personal gmail as well, same error.",
		"Existing calendars still seem to sync, it's only connecting new ones.",
		"Tried different browsers, same result.",
		"I'm an admin on our Google account so it's not a permissions thing.",
		"Logged out and back in to CrewPlan first, didn't help.",
		"We allowed the CrewPlan app in our Google admin console months ago.",
	},
	contexts: []string{
		"The new guys start on Monday and I promised them their shifts would be in their phone calendar.",
		"Half our crew only looks at their phone calendar, so this matters to us.",
		"I'm setting up our whole team this week.",
		"It's not critical but it's holding up our onboarding.",
	},
	shorts:    []string{"google calendar wont connect", "Calendar connect error", "can't link outlook calendar - error", "Connect calendar button gives an error"},
	followups: []string{"Any update on the calendar connection issue?", "still can't connect the calendar, any news?", "Tried again, same error. Is this being worked on?"},
	foreign: map[string][]string{
		"fr": {"Connexion agenda impossible|Je n'arrive pas à connecter mon agenda Google à CrewPlan, j'ai le message « Impossible de connecter votre calendrier ». Nos nouveaux employés ont le même problème."},
		"de": {"Kalender verbinden schlägt fehl|Beim Verbinden des Outlook-Kalenders kommt nach der Microsoft-Anmeldung nur ein Fehler. Bestehende Kalender laufen weiter."},
	},
}

var calStaleText = &incText{
	topic: "calendar", anger: 0.35, sources: []int{55, 20, 15, 10},
	subjects: []string{"Shifts not showing in Google Calendar", "Calendar not syncing", "Outlook calendar out of date", "changed shifts not updating in calendar", "Calendar sync delay", "Cancelled shift still in calendar", "Employee calendars wrong today", "calendar not updating", "sync stopped?", "Schedule changes not reaching calendars"},
	openers:  []string{"Since this morning", "Today", "Weekend crew here,", "Not sure what's happening but"},
	symptoms: []string{
		"I changed Saturday's shifts this morning and none of the changes show up in the guys' Google calendars.",
		"A tech drove to a job that was cancelled because it was still in his Outlook calendar.",
		"The calendar settings page says 'Last synced 2 hours ago'.",
		"New shifts I assign don't appear in people's phone calendars.",
		"The connection still says Connected, it's just not updating.",
		"Deleted shifts are still sitting in the calendar.",
		"Sync seems to have stopped sometime this morning.",
		"I hit 'Sync now' several times and nothing changes.",
		"The shift times in Outlook are the old ones from before I edited them.",
		"Swapped two people's shifts and their calendars still show the old assignment.",
	},
	details: []string{
		"It says connected, no error anywhere.",
		"The schedule in CrewPlan itself is correct.",
		"This has always been instant before.",
		"Affects Google and Outlook users on our team.",
		"Disconnecting and reconnecting didn't help.",
	},
	contexts: []string{
		"We depend on the calendar because half the crew never opens the app.",
		"Saturday is our busiest day for residential calls.",
		"I had to phone everyone to tell them about the changes.",
		"We had an angry customer because nobody showed up.",
	},
	shorts:    []string{"calendar not syncing today", "shift changes not in google calendar", "Outlook calendar stuck, not updating", "calendar sync stopped"},
	followups: []string{"any update on calendar sync?", "Still not syncing. Should I tell the crew to stop using the calendar?", "Calendars still showing old shifts."},
	foreign: map[string][]string{
		"es": {"El calendario no se actualiza|Cambié los turnos de hoy y no aparecen en el calendario de Google de los técnicos. En CrewPlan está bien."},
	},
}

var uploadText = &incText{
	topic: "upload", anger: 0.35, sources: []int{45, 15, 15, 25},
	subjects: []string{"Photos won't upload", "upload failed on tasks", "Can't attach files to jobs", "Attachment upload error", "Upload stuck at 0%", "work order PDF won't attach", "Job photos not uploading from the app", "Error uploading attachments", "file upload broken?", "'Upload failed – tap to retry'", "Can't add before/after pictures", "uploads failing since this morning", "attachments not saving", "Upload problem", "Can't upload signed work order", "photo upload error 503"},
	openers:  []string{"Since this morning", "For the last hour", "Today", "Not sure if it's our wifi but", "Heads up:"},
	symptoms: []string{
		"Our techs take before and after photos on every job, and every upload fails with 'Upload failed – tap to retry'.",
		"Attaching a PDF to a task gets to about 90% and then errors out.",
		"The upload progress bar sits at 0% forever.",
		"Desktop drag-and-drop onto the task card shows a red 'Could not upload file' error.",
		"Signed work orders can't be attached, so we can't close jobs.",
		"The app says the photos are queued but they never go through.",
		"It fails on every file type, pdf, jpg, png.",
		"I get 'Upload failed (503)' when attaching anything.",
		"The photo shows a little red exclamation mark on the task.",
		"Uploading the insurance certificate to the client record fails.",
		"None of the photos from this morning's jobs have uploaded.",
		"I can't attach anything to tasks right now.",
		"File uploads time out after about a minute.",
	},
	details: []string{
		"I can open and download existing attachments fine, it's only new uploads.",
		"Tried small files too, even a 200 KB jpg fails.",
		"Tried wifi and 4G, same thing.",
		"Uploads worked fine yesterday.",
		"Happens on the web app and on the phone.",
		"The photos are still on the phones so nothing is lost, I hope.",
		"Tried a different browser and a different laptop.",
	},
	contexts: []string{
		"Our customer needs the signed completion form today and I can't attach it.",
		"Our inspection checklist requires a photo before you can tick it off, so the crews are stuck.",
		"Insurance jobs need photos attached before we can invoice.",
		"We have about 30 jobs today that all need photos.",
		"Our techs are getting frustrated and just want to move on to the next job.",
	},
	shorts:    []string{"uploads not working", "Cant upload photos to jobs", "attachment upload fails every time", "upload failed - tap to retry, over and over", "photos stuck uploading"},
	followups: []string{"Still can't upload photos, any update?", "any news on uploads? crews are waiting to close jobs", "Following up, attachments still failing here."},
	longs: []string{
		"Photo uploads failing for every crew - details inside|Morning. Our whole business model depends on photo evidence: we do insurance restoration work, and every job needs before, during and after photos attached to the task in CrewPlan before the adjuster will even look at it. Since first thing this morning not one photo has made it. The techs take the photo in the app, it shows up as a thumbnail with a spinning circle, and after a minute or so it turns into a red exclamation mark and says 'Upload failed – tap to retry'. Tapping retry does the same. We tried on wifi at the office and on cellular, on iPhones and on two Androids. On the web, dragging a PDF onto a task gets a red banner saying it couldn't upload. Opening old attachments is fine, so it isn't a login thing. I've told the crews not to delete anything from their phones. What I need to know: is this something on your side, and will the queued photos upload by themselves when it's fixed or do the techs need to retake or re-add them? We have an adjuster meeting this afternoon and I'd like to tell them something concrete. A bit more background in case it helps your engineers: we have twelve field staff, about half on iPhones and half on company Androids, and the app version on all of them is the current one from the store because we pushed the update on Monday. Our office connection is fibre and nothing else is having trouble uploading, we sent a 200 MB video to a client through another service twenty minutes ago without any problem. The failed uploads are all on the jobs created this week, but I also tried attaching a file to an old job from last month and that fails too, so it isn't tied to particular tasks.",
	},
	foreign: map[string][]string{
		"es": {"No se pueden subir fotos|Desde esta mañana no podemos subir fotos a las tareas, sale 'Error al subir – toca para reintentar'. Los archivos antiguos sí se abren.", "Error al adjuntar archivos|No podemos adjuntar los partes firmados en PDF, se queda cargando y falla."},
		"de": {"Fotos hochladen geht nicht|Unsere Techniker können keine Fotos an Aufträge anhängen, es kommt immer 'Upload fehlgeschlagen'."},
	},
}

var boardText = &incText{
	topic: "board", anger: 0.4, sources: []int{45, 25, 18, 12},
	subjects: []string{"Board not updating", "Task board not refreshing live", "Changes not showing for other users", "'Reconnecting…' banner on board", "Live updates broken", "dispatch board frozen", "have to refresh constantly", "board out of sync between dispatcher and techs", "real-time updates not working", "cards not moving for everyone", "status changes not appearing", "Board stuck", "job status not updating on board", "Board not live"},
	openers:  []string{"Since about an hour ago", "This afternoon", "Not sure what's going on, but", "For the past 30 minutes", "Weird one:"},
	symptoms: []string{
		"When I move a card to 'In progress' my colleagues don't see it unless they refresh the page.",
		"There's a yellow 'Reconnecting…' bar at the top of the board that never goes away.",
		"Techs mark jobs complete in the app and the dispatch board still shows them as open.",
		"The little green 'Live' dot next to the board name is grey.",
		"Comments on tasks only show up after a full reload.",
		"We had two dispatchers assign the same job because neither saw the other's change.",
		"F5 fixes it for a second but then it stops updating again.",
		"The mobile app board doesn't update when I reassign a job from the office.",
		"New tasks created by the office don't appear on the techs' phones until they kill the app.",
		"It's like the board is frozen in time.",
		"Drag and drop works, it just doesn't show up for anyone else.",
		"We run the board on a big TV in the shop and it's stuck.",
		"Status changes from the field aren't coming through to the board.",
		"The board doesn't refresh on its own anymore.",
	},
	details: []string{
		"Push notifications for new assignments also seem delayed.",
		"Happens in Chrome and in the desktop app.",
		"If I reload the page the data is correct, so nothing is lost.",
		"It's every board, not just one.",
		"Tried logging out and in, same.",
		"Our network is fine, everything else works.",
		"The banner says 'Reconnecting… changes may not appear until the connection is restored'.",
	},
	contexts: []string{
		"We dispatch entirely from the board so this is causing double bookings.",
		"The guys in the field think they have no jobs.",
		"We have 60 open tasks on the board this afternoon.",
		"I've had dispatch refreshing every 30 seconds, it's driving everyone nuts.",
		"A customer waited an hour because the tech never saw the reassignment.",
	},
	shorts:    []string{"board not updating live", "reconnecting banner won't go away", "Live board broken, need to refresh all the time", "task board frozen", "cards not updating for others"},
	followups: []string{"Any update? Board still not updating for us.", "Your status page says it's being monitored but our board still says reconnecting.", "still having to refresh every minute", "Is this fixed? Not for us.", "any news on the live updates?"},
	longs: []string{
		"Real-time board not updating, detailed report|Hi, reporting what we're seeing in as much detail as I can. We run two dispatchers on the main board and a wall TV in the shop that shows the board in display mode. Starting around mid-afternoon the TV stopped changing. At first we thought it was the TV, but then one of the dispatchers dragged a job into 'Assigned – Marcus' and the other dispatcher didn't see it and gave the same job to another tech. Both trucks drove to the same address. Since then we noticed the yellow 'Reconnecting…' banner at the top, and the 'Live' dot is grey. Reloading the page shows the right data for a moment and then it freezes again. In the mobile app the techs don't get the new jobs until they force-close it, and the status changes they make (on the way, on site, done) don't show up on our board until we reload. We have about 45 jobs left today and I've had to tell the dispatchers to reload before every single change and call techs to confirm, which is slow. No changes on our network today, and other websites work normally. Is there an incident on your side? And is it safe to keep working, i.e. is data being saved correctly even if it doesn't show live? Some more detail: our TV runs the board in a Chrome kiosk window on a little PC that never gets restarted, and the dispatchers use Chrome and Edge on Windows laptops. The techs are a mix of iPhones and Androids. It started for all of them at roughly the same time, so I really don't think it's a device thing. We also noticed that push notifications for new assignments arrive late, sometimes ten or fifteen minutes after the job was assigned, which might be related. I'll keep an eye on it and reply here if it changes.",
	},
	foreign: map[string][]string{
		"de": {"Einsatzboard aktualisiert sich nicht|Unser Einsatzboard aktualisiert sich nicht mehr automatisch, oben steht dauerhaft 'Verbindung wird wiederhergestellt…'. Änderungen sieht man erst nach dem Neuladen.", "Board hängt|Die Monteure sehen neue Aufträge in der App erst nach einem Neustart. Das Board im Büro bleibt stehen."},
		"fr": {"Tableau pas à jour|Le tableau des tâches ne se met plus à jour en direct, il faut recharger la page à chaque fois. Le bandeau « Reconnexion… » reste affiché."},
	},
}

var timesheetText = &incText{
	topic: "timesheet", anger: 0.3, sources: []int{65, 12, 18, 5},
	subjects: []string{"Timesheet hours wrong", "Breaks deducted twice", "Payroll export short hours", "timesheet totals don't add up", "Overtime calculation wrong this week?", "Hours missing from weekly timesheet", "Break time doubled on timesheets", "Timesheet export bug", "Wrong hours on timesheets", "timesheets incorrect after update", "Unpaid break being taken off twice"},
	openers:  []string{"Doing payroll this morning and", "Not sure if this is a bug but", "Quick one:", "Something is off:", "Since the update"},
	symptoms: []string{
		"Every timesheet this week is short by exactly the break length, like the 30 minute lunch is taken off twice.",
		"Clock in 7:00, clock out 15:30, 30 min break, should be 8h, the timesheet says 7.5h.",
		"The payroll CSV export shows fewer hours than the clock-in records.",
		"My employees are complaining their hours are short on the timesheet.",
		"It looks like the unpaid break is subtracted in the daily total and then again in the weekly total.",
		"The hours per shift on the schedule view are right, only the Timesheets page is off.",
		"Overtime isn't kicking in because the total is under 40 even though they worked 41.",
		"The weekly totals on the timesheets are about 2.5 hours less than they should be for everyone with a lunch break.",
		"The break column shows 1:00 for shifts that had a 30 minute break.",
		"Our payroll export doesn't match the timesheets we approved last week.",
	},
	details: []string{
		"It started after the update last night I think, last week's timesheets look fine.",
		"Only people with an unpaid break in their shift template are affected.",
		"Guys without a break are correct.",
		"I checked three employees by hand, all short by the same amount.",
		"Nothing changed in our break or overtime settings.",
		"The PDF and the CSV both show the wrong totals.",
	},
	contexts: []string{
		"We run payroll today, I need to know if the totals are wrong or not.",
		"I don't want to short anyone's pay.",
		"Payroll cut-off is 5pm.",
		"Our union rep is going to be all over this if pay is short.",
	},
	shorts:    []string{"timesheet hours wrong - breaks counted twice?", "payroll export is short hours", "Break deducted twice on timesheets"},
	followups: []string{"Any update on the break deduction problem? We need to run payroll by 5.", "Following up on the timesheet totals, can I trust the export yet?"},
	longs: []string{
		"Timesheet totals wrong - payroll today|I do payroll for a 30-person company and Friday is our payroll day. This morning I opened Timesheets to approve the week and straight away the totals looked low. I took three people at random and checked their clock-ins by hand. Example: Monday clock in 6:58, clock out 15:31, unpaid lunch 30 minutes. That's 8 hours 3 minutes worked after the break, CrewPlan daily total says 7:33. Tuesday similar. Across the week she's 2.5 hours short, which is exactly five lunch breaks. The schedule view shows the correct shift length, and when I open a single day the break is listed as 0:30, but the total underneath is still wrong, so it looks like the break is being subtracted twice somewhere. Someone on our team who doesn't have a break set (he's part-time, 4-hour shifts) is correct. I compared with last week's export and last week was fine, so it must be something new this week. I noticed the app updated overnight. I really need to know whether I can trust the export today or whether I should do the totals by hand, because our payroll provider needs the file by 3pm. If it's a known bug, please tell me whether it will be fixed on the timesheets already approved or if I need to unapprove everything and approve again. Also, and this is a smaller thing, I noticed the overtime column shows zero for two of our guys who definitely worked over 40 hours, which I assume is a knock-on effect of the same problem because the weekly totals are lower than they should be. I've attached a screenshot of one timesheet next to the raw clock-in list so you can see the difference. If it helps, our break rule is 30 minutes unpaid for any shift over 6 hours, and that setting hasn't been touched since we set up the account last year.",
	},
	foreign: map[string][]string{
		"es": {"Horas incorrectas en las hojas de horas|Las hojas de horas de esta semana restan dos veces el descanso de 30 minutos. Hoy tenemos que pasar la nómina."},
	},
}

// ---------------------------------------------------------------- hard negatives

type simplePool struct {
	topic    string
	anger    float64
	sources  []int
	subjects []string
	texts    []string
	extras   []string // optional extra sentences
	foreign  map[string][]string
}

func (sp *simplePool) msg(p *Person) Msg {
	m := Msg{Lang: "en", Topic: sp.topic, Anger: sp.anger, Sources: sp.sources}
	if l := p.Org.Lang; l != "en" && len(sp.foreign[l]) > 0 && chance(0.8) {
		m.Subject, m.Text = splitSB(pick(sp.foreign[l]))
		m.Lang = l
		return m
	}
	t := pick(sp.texts)
	if i := strings.Index(t, "|"); i >= 0 {
		m.Subject = pick(strings.Split(t[:i], ";"))
		t = t[i+1:]
	} else {
		m.Subject = pick(sp.subjects)
	}
	t = strings.NewReplacer("{email}", p.Email, "{first}", p.First, "{org}", p.Org.Name, "{domain}", orDefault(p.Org.Domain, "gmail.com")).Replace(t)
	if len(sp.extras) > 0 && chance(0.45) {
		t = join(t, pick(sp.extras))
	}
	m.Text = t
	return m
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

var hnExtras = []string{"I need to get in today.", "Please help, this is urgent.", "My manager is waiting on me.", "I have jobs to check for tomorrow.", "Thank you!", "Can you call me?", "I'm on the road so please reply by email.", "This is so frustrating.", "I'm the admin so nobody else can fix it."}

var hardNeg = []*simplePool{
	{topic: "login", anger: 0.2, subjects: []string{"Forgot password", "password reset", "I forgot my password", "Can't remember my login", "How do I reset my password?", "need new password", "can't log in", "Login help"},
		texts: []string{
			"I forgot my password and I can't find where to reset it in the app.",
			"I haven't logged in since the winter and can't remember my password. Can you reset it for me?",
			"I've been locked out because I forgot my password. My username is {email}.",
			"Can you send me a new password? I changed it last week and now I can't remember what to.",
			"How do I reset my password on the phone app? The website has a link but I don't see one in the app.",
			"I can't log in, I think I forgot my password. I need to see my shifts for tomorrow.",
			"Need my password reset please, the one I wrote down doesn't work anymore.",
			"Which email do I use for forgot password, my work one or my personal one?",
			"forgot my pasword again sorry. can u reset",
			"I can't log in. I think I'm using the wrong password, it's been a while. Please reset it for {email}.",
		}, extras: hnExtras,
		foreign: map[string][]string{"es": {"Olvidé mi contraseña|Hola, olvidé mi contraseña y no encuentro dónde restablecerla en la app. Mi correo es el de la empresa."}, "fr": {"Mot de passe oublié|J'ai oublié mon mot de passe, comment le réinitialiser depuis l'application ?"}}},
	{topic: "login", anger: 0.3, subjects: []string{"Password reset email not arriving", "no reset email", "Didn't get reset link", "reset password email missing", "Not receiving emails from CrewPlan", "Reset link never comes", "can't reset password"},
		texts: []string{
			"I've requested a password reset three times and nothing has arrived. Checked spam too.",
			"The reset email never comes. Is it going to {email}?",
			"Clicked forgot password an hour ago, still no email.",
			"I'm not getting the password reset emails. Our IT says they might be blocked by our mail filter?",
			"The reset link isn't arriving in my inbox, can you send it manually?",
			"I'm not receiving any emails from CrewPlan, including the reset link. My colleagues get theirs.",
			"Trying to reset my password but the email isn't coming through. I checked junk.",
			"Password reset email not received. Found it in quarantine last time, our mail server is fussy, can you whitelist something?",
		}, extras: hnExtras,
		foreign: map[string][]string{"fr": {"Pas reçu le mail de réinitialisation|Je n'ai pas reçu l'e-mail pour réinitialiser mon mot de passe, même dans les spams."}}},
	{topic: "login", anger: 0.2, subjects: []string{"Reset link expired", "password reset link not working", "link expired?", "Invalid reset link"},
		texts: []string{
			"The password reset link says 'This link has expired or has already been used'. I clicked it straight away.",
			"I clicked the reset link from yesterday's email and it says expired.",
			"The reset link keeps saying invalid token.",
			"The link in the email opens a page saying it is no longer valid. I requested it this morning.",
			"Our tech tried to reset his password from his work phone, and the link said expired. He says he clicked it the same minute.",
		}, extras: hnExtras},
	{topic: "login", anger: 0.5, subjects: []string{"Account locked", "Locked out", "LOCKED OUT", "Too many attempts", "please unlock my account", "can't log in - locked", "Locked out of CrewPlan"},
		texts: []string{
			"It says my account is locked after too many failed attempts. How long until I can try again?",
			"I typed the wrong password a few times and now I'm locked out. Can you unlock me?",
			"Locked out!! 'Too many sign-in attempts, try again in 30 minutes'. I don't have 30 minutes.",
			"One of our techs locked his account by trying old passwords. Can an admin unlock it?",
			"My account got locked. I think my kid was playing with my phone.",
			"ACCOUNT LOCKED. need access now, I'm the only dispatcher today",
			"I can't log in, it says account temporarily locked. I was trying different passwords because I forgot which one I used.",
			"Got the 'account locked for security reasons' message after a few wrong passwords on my new laptop.",
		}, extras: hnExtras,
		foreign: map[string][]string{"es": {"Cuenta bloqueada|Me equivoqué varias veces con la contraseña y ahora la cuenta está bloqueada. ¿Pueden desbloquearla? Es urgente."}, "de": {"Konto gesperrt|Mein Konto ist nach zu vielen Fehlversuchen gesperrt. Können Sie es bitte entsperren? Ich brauche heute noch Zugriff."}}},
	{topic: "login", anger: 0.3, subjects: []string{"Lost 2FA device", "2FA code not working", "New phone - can't get code", "Two-factor reset request", "Can't get past verification code", "authenticator lost", "2FA help"},
		texts: []string{
			"I got a new phone and my authenticator app didn't transfer. Now I can't get past the 6-digit code screen.",
			"Lost my phone on a job site yesterday, so no 2FA codes. How do I get back in?",
			"The 2FA text code goes to my old number, which I don't have anymore.",
			"My verification code is always 'invalid'. The time on my phone is right I think.",
			"New phone, can't log in because of the two-factor step. Can you reset it?",
			"Our owner set up 2FA on his old phone, which he traded in. He's the only admin. What do we do?",
			"I dropped my phone in a bucket of water (long story) and my two factor codes were on it.",
			"Where do I find my backup codes for two-step? I changed phones.",
		}, extras: hnExtras,
		foreign: map[string][]string{"de": {"Neues Handy, kein 2FA-Code|Ich habe ein neues Handy und die Authenticator-App ist weg. Jetzt komme ich nicht mehr in mein Konto. Können Sie die Zwei-Faktor-Anmeldung zurücksetzen?"}, "es": {"Código de verificación|Cambié de móvil y ya no recibo el código de verificación en dos pasos. ¿Me lo pueden restablecer?"}}},
	{topic: "login", anger: 0.25, subjects: []string{"Email address changed", "account not found", "Login with new email", "No account with that email", "Wrong email on account", "Update my login email"},
		texts: []string{
			"I changed my last name after getting married and IT changed my email, now CrewPlan doesn't recognise my new address.",
			"Our company switched domains to {domain} and our people can't log in with the new addresses. The old ones are gone.",
			"I'm trying to log in with my email but it says no account found.",
			"I think my account is under my old personal email. Can you move it to my work one?",
			"It says 'no account with that email'. I've been using CrewPlan for 2 years!",
			"My login was set up with a typo in my email address so I never get the reset mail. Can you fix it to {email}?",
		}, extras: hnExtras},
	{topic: "login", anger: 0.35, subjects: []string{"Can't log in", "only me can't log in", "Login not working for me", "Invalid password?", "can't sign in", "my login stopped working"},
		texts: []string{
			"I'm the only one in the office who can't log in, everyone else is fine.",
			"My colleague can log in on the same computer but I can't.",
			"Just me apparently. The rest of the crew can clock in but I get 'incorrect email or password'.",
			"Everyone else in our company can sign in, but for me it says invalid credentials. Did my account get deleted?",
			"Only my login is broken. Works for my boss.",
			"My browser keeps autofilling my old password and the login fails. How do I make it forget?",
			"Never mind my earlier message, I had caps lock on. Sorry!",
			"Can't sign in on my laptop but it works on my phone. Everyone else is fine.",
		}, extras: hnExtras},
	{topic: "login", anger: 0.2, sources: []int{80, 5, 15, 0}, subjects: []string{"SSO error after certificate change", "SSO not working for new users", "SAML issuer mismatch", "SSO configuration help", "Single sign-on: user not assigned", "SSO certificate expired"},
		texts: []string{
			"SSO error after certificate change;SSO broken after cert rotation|Our IT rotated the SAML signing certificate yesterday and now SSO fails for us with 'Invalid signature'. Where do we upload the new certificate?",
			"SSO not working for new user;Single sign-on: user not assigned|A new employee can't use SSO, he gets 'user is not assigned to this application' from our identity provider.",
			"SAML issuer mismatch;SSO after IdP migration|We moved to a new identity provider over the weekend. SSO login now gives 'Issuer mismatch'. What config do you need from us?",
			"SSO not working for new users|SSO works for everybody except the three people we added this week.",
			"SSO account not linked;SSO after domain change|After we changed our email domain our SSO users get 'account not linked'.",
			"SSO configuration help;New SSO metadata URL|Our SSO metadata URL changed. Can you update it on your side or do we do it in settings?",
			"SSO certificate expired;URGENT - SSO cert expired|Our IT admin let the SSO certificate expire (oops). Users get an error from our sign-in page. Can we temporarily allow password login?",
		}, extras: []string{"I'm the IT admin for {org}.", "Happy to jump on a call.", "Screenshots of our config attached."}},
	{topic: "account", anger: 0.15, subjects: []string{"Invite expired", "Invitation link not working", "New hire can't join", "Join link expired", "resend invite?"},
		texts: []string{
			"Our new tech says the invite link says expired. I sent it 2 weeks ago.",
			"I was invited to join CrewPlan by my manager but the link says the invitation is no longer valid.",
			"The invite link isn't working for our new hire, says expired. Can I resend?",
			"Got an invitation email, clicked it today and it says it expired.",
			"The invite says it was sent to the wrong address, can I change it?",
		}},
	{topic: "login", anger: 0.3, subjects: []string{"Account deactivated?", "says my account is disabled", "Can't log in - deactivated"},
		texts: []string{
			"The app says 'Your account has been deactivated. Contact your workspace admin.' I'm still employed lol",
			"One of my crew can't log in, it says deactivated. I may have removed his seat by mistake when I reduced seats.",
			"I'm getting 'account disabled' when I log in. Did my boss remove me?",
		}},
}

// ---------------------------------------------------------------- look-alikes

var lookAlike = map[string][]*simplePool{
	"inc-calendar-connect-fail": {
		{topic: "calendar", subjects: []string{"Two calendars for one user?", "calendar question"}, texts: []string{"Two calendars for one user?|How do I connect two calendars, my work one and my personal one, to the same CrewPlan user?", "calendar question;Google and Outlook both?|Can one person have both Google and Outlook connected? I only see one slot."}},
		{topic: "calendar", subjects: []string{"Shifts in wrong time zone in calendar", "calendar times off by hours"}, texts: []string{"Shifts in wrong time zone in calendar|My connected calendar works but shifts show up in UTC instead of Central. Is that a setting on my profile?", "calendar times off by an hour|Since I moved to our Denver branch my shifts in Google are an hour off. Colleagues are fine."}},
		{topic: "calendar", subjects: []string{"Apple Calendar support?", "iCal feed"}, texts: []string{"Apple Calendar support?|Is Apple Calendar supported? I only see Google and Outlook in the calendar settings.", "iCal feed?|Do you have an iCal subscription link instead of connecting an account?"}},
		{topic: "calendar", subjects: []string{"Colour of events in Google", "Disconnect calendar"}, texts: []string{"Colour of events in Google|Can I change the colour CrewPlan events get in Google Calendar?", "Disconnect calendar|I want to disconnect my calendar from CrewPlan, where is the button?"}},
	},
	"inc-sso-login-outage": {
		{topic: "login", subjects: []string{"Logo upload fails on login page", "Custom login page branding"}, texts: []string{"Logo upload fails on login page|Trying to upload our logo for the custom login page and it says 'image must be under 1 MB'. It's a 2 MB PNG, what size should it be?", "Custom login page branding|Our logo on the branded sign-in page looks stretched. Is there a recommended size?"}},
		{topic: "login", subjects: []string{"Enforce SSO for all users?", "Require SSO"}, texts: []string{"Enforce SSO for all users?|How do we make SSO mandatory for everybody in our workspace so people can't use a password?", "Require SSO for office staff|Can we turn off password login for the office staff but keep it for contractors?"}},
		{topic: "login", subjects: []string{"Old company name on login page", "Session timeout setting"}, texts: []string{"Old company name on login page|The sign-in page still shows our old company name from before the rebrand. Where do we change it?", "Session timeout setting|Can we set a longer session timeout? Our techs complain they have to sign in again every two weeks."}},
		{topic: "clockin", sources: []int{50, 10, 10, 30}, subjects: []string{"Clock in says outside job site", "geofence clock-in problem"}, texts: []string{"Clock in says outside job site|One of my techs gets 'You are outside the job site area' when clocking in, but he's standing in the customer's driveway. The pin on the job might be wrong?", "geofence clock-in problem|The clock-in geofence for the Oak Street job seems to be on the wrong side of town. Only that job."}},
		{topic: "clockin", sources: []int{50, 10, 10, 30}, subjects: []string{"Clock in for someone else?", "Clock-in button missing"}, texts: []string{"Clock in for someone else?|Is there a way to clock in a crew member who left his phone at home?", "Clock-in button missing|The Clock In button is missing for one tech today. His shift shows as draft, is that why?"}},
	},
	"inc-attachment-upload-fail": {
		{topic: "upload", subjects: []string{"File too large?", "upload size limit"}, texts: []string{"File too large?|I'm trying to attach a 400 MB drone video to a task and it says the file is too large. What's the limit?", "upload size limit|What is the maximum attachment size? Our site survey PDFs are big."}},
		{topic: "upload", subjects: []string{"HEIC photos no preview", "iPhone photos show grey"}, texts: []string{"iPhone photos show grey|Photos uploaded from iPhones show as a grey box instead of a preview. They open fine when downloaded.", "HEIC photos no preview|HEIC photos don't show a thumbnail on the task, only JPGs do."}},
		{topic: "upload", subjects: []string{"Delete an attachment", "Remove uploaded file"}, texts: []string{"Delete an attachment|How do I delete an attachment I uploaded to the wrong task?", "Remove uploaded file permanently|A tech uploaded a photo with a customer's face in it by mistake, how do we remove it for good?"}},
		{topic: "upload", subjects: []string{"Photos rotated sideways", "Upload a whole folder?"}, texts: []string{"Photos rotated sideways|Photos uploaded from one of our Android phones appear rotated sideways on the task.", "Upload a whole folder?|Can I upload a whole folder of files at once instead of one by one?"}},
	},
	"inc-board-live-updates": {
		{topic: "board", subjects: []string{"Turn off live cursors", "hide other users on board"}, texts: []string{"Turn off live cursors|How do I turn off the little avatars/cursors of other users moving around the board? It's distracting.", "hide other users on board|Can I hide who else is viewing the board?"}},
		{topic: "board", subjects: []string{"Column order reset", "Board columns changed"}, texts: []string{"Column order reset|After I renamed a column on our board the column order reset to the default. Can I get my old order back?", "Board column deleted|Someone deleted the 'Waiting on parts' column on our board, can you restore it?"}},
		{topic: "board", subjects: []string{"Can't drag cards on archived board", "Card colours wrong"}, texts: []string{"Can't drag cards on archived board|I can't drag cards on one of our boards, it says 'This board is archived'. How do I unarchive it?", "Card colours wrong|The card colours on our board don't match the job type colours anymore since I edited the job types."}},
		{topic: "board", subjects: []string{"TV display mode", "Board on shop TV logs out"}, texts: []string{"Board on shop TV logs out|Our board display on the shop TV asks to log in again every morning. Is there a kiosk mode that stays logged in?", "TV display mode|How do I make the board font bigger for the TV in the warehouse?"}},
	},
	"inc-timesheet-break-deduction": {
		{topic: "timesheet", subjects: []string{"Export timesheets in TallyBook format", "payroll export format"}, texts: []string{"Export timesheets in TallyBook format|How do I export timesheets in the format TallyBook payroll expects? The default CSV has the wrong columns.", "payroll export format|Can the timesheet export include job codes as a column?"}},
		{topic: "timesheet", subjects: []string{"Overtime rule for one employee", "daily overtime setting"}, texts: []string{"Overtime rule for one employee|One of our employees in California should get daily overtime after 8h, not weekly after 40. Where do I set that for just him?", "daily overtime setting|One employee's overtime starts at 8h a day instead of 40 a week. I think I set his contract wrong, how do I change it?"}},
		{topic: "timesheet", subjects: []string{"Manager can't see export button", "Employee editing timesheet"}, texts: []string{"Manager can't see export button|Our site manager can't see the Export button on Timesheets. What permission does she need?", "Employee editing timesheet|Can employees edit their own timesheet entries, or only managers?"}},
	},
	"inc-calendar-sync-stale": {
		{topic: "calendar", subjects: []string{"Sync only my shifts", "calendar shows whole team"}, texts: []string{"Sync only my shifts|My calendar shows everyone's shifts, not just mine. How do I sync only my own?", "calendar shows draft shifts|Can the calendar sync skip shifts that are still drafts?"}},
		{topic: "calendar", subjects: []string{"Job address in calendar event", "Outlook shows busy"}, texts: []string{"Job address in calendar event|Can the calendar event include the job address so my phone can navigate to it?", "Outlook shows busy|Outlook shows CrewPlan shifts as 'busy'. Can they be 'free' instead?"}},
	},
}

func lookAlikeMsg(label string, p *Person) Msg {
	sp := pick(lookAlike[label])
	return sp.msg(p)
}

const hnLongText = "I'm sorry this is long but I want to explain the whole thing so you don't think I'm an idiot. I'm the scheduler for our company and I use CrewPlan every single day. Last Thursday I got a new laptop from our IT company and they set up my browser again, and I think the password manager didn't come across, so on Monday I was typing what I thought was my password from memory. It didn't work, so I tried a couple of variations (the one with the exclamation mark at the end, the one with my daughter's birthday, you get the idea). After maybe five or six tries it said my account was locked for security reasons and to try again later. I waited, went to lunch, came back, and tried the forgot password link. The email arrived but by the time I clicked it (I was on the phone with a customer) it said the link had expired. I requested another one and that one worked and I set a new password, but now when I log in it asks for the 6-digit code from the authenticator app, and that app was on my old phone, which I handed back to the phone company last week because I got a new one at the same time as the laptop. So now I'm stuck at the code screen. Everyone else in the office can log in fine, it's really just me and my own mess. Our owner is the other admin but he's on a job site all day and doesn't really know the settings. Is there any way you can reset the two-factor on my account or send a code to my email instead? I can verify who I am however you need. Thank you so much and sorry again."

// ---------------------------------------------------------------- background

type bgTopic struct {
	weight int
	pool   *simplePool
}

var bgExtras = []string{"Thanks!", "No rush.", "Not urgent.", "Appreciate any help.", "We're on the Pro plan if that matters.", "Let me know if you need anything from me.", "I looked in the help center but couldn't find it.", "Happy to hop on a call if easier.", "Our account is under {org}.", "Thanks in advance for your help.", "Sorry if this has been asked before.", ""}

func slots(s string, p *Person) string {
	n := p.Org.Size*between(2, 4) + between(0, 5)
	return strings.NewReplacer(
		"{n}", fmt.Sprint(n+between(2, 6)), "{m}", fmt.Sprint(n),
		"{amt}", fmt.Sprintf("%d.00", n*12), "{amt2}", fmt.Sprintf("%d.00", (n+between(3, 9))*12),
		"{po}", fmt.Sprintf("PO-%d", between(20000, 89999)), "{inv}", fmt.Sprintf("INV-2026-0%d", between(41000, 49999)),
		"{vat}", fmt.Sprintf("GB%d", between(100000000, 999999999)), "{domain}", orDefault(p.Org.Domain, "gmail.com"),
		"{org}", p.Org.Name, "{first}", p.First, "{other}", pick(firstNamesEN)+" "+pick(lastNamesEN),
		"{email}", p.Email,
	).Replace(s)
}

var bgTopics = []bgTopic{
	{7, &simplePool{topic: "billing", subjects: []string{"Charged for users we removed", "Seat count on invoice", "Why are we paying for so many seats?", "Invoice shows more users than we have", "billing question - seats", "Prorated charge?", "Seasonal seats", "Do mobile-only users count as a seat?"},
		texts: []string{
			"Seat count on invoice;Charged for users we removed|Our April invoice charges us for {n} seats but we only have {m} active users. We deactivated a few guys in March.",
			"Charged for users we removed;Seasonal workers billing|I removed two seasonal workers last week. Will I still be charged for them this month?",
			"Prorated charge?;Unexpected charge|Why is there a prorated charge of ${amt} on our card? I don't remember adding anyone.",
			"Deactivated users and seats|Do deactivated users count towards our seats or do I have to delete them completely?",
			"Seasonal seats|We hire about 10 extra people every summer. Is there a way to add seats just for June to August?",
			"billing question - seats;Per-seat billing|Can you explain how the per-seat billing works when someone joins in the middle of the month?",
			"Do mobile-only users count as a seat?|Does a tech who only uses the mobile app count as a full seat?",
			"Invoice went up?;Why are we paying for so many seats?|Our invoice went from ${amt} to ${amt2} and nobody here added users. Can you check what happened?",
			"Seat removal timing;billing question|If I deactivate someone today, does the seat come off this month's bill or next month's?",
		}, extras: bgExtras,
		foreign: map[string][]string{"de": {"Frage zur Rechnung|Auf unserer Rechnung für April stehen mehr Lizenzen als wir aktive Nutzer haben. Können Sie das bitte prüfen?"}, "es": {"Consulta sobre la factura|En la factura de abril nos cobran más usuarios de los que tenemos activos. ¿Lo pueden revisar?"}}}},
	{6, &simplePool{topic: "billing", subjects: []string{"Need copies of invoices", "Invoice with PO number", "Receipt for March", "VAT number on invoices", "Invoices to accounts payable", "Tax exempt certificate", "Where are invoices?", "Invoice address wrong", "Pay by bank transfer?"},
		texts: []string{
			"Need copies of invoices;Invoices Jan-Mar|Can you send me copies of all invoices from January to March? Our accountant needs them.",
			"Invoice with PO number;PO number on invoice|Our accounts payable needs a PO number on the invoice: {po}. Can you reissue April's?",
			"VAT number on invoices;Add VAT ID to invoice|Please add our VAT number {vat} to our invoices going forward and re-issue the last one if possible.",
			"Invoices to accounts payable;Change billing email|Can invoices go to ap@{domain} instead of me?",
			"Tax exempt certificate;Sales tax exemption|We're a tax exempt non-profit. Where do I send our exemption certificate?",
			"Where are invoices?;download invoice|I can't find where to download invoices in the app.",
			"Invoice address wrong;Update billing address|The company address on invoice {inv} is our old one. Please update it to 4410 Industrial Pkwy, Unit 7.",
			"Pay by bank transfer?;ACH payment|Our finance team wants to pay by bank transfer instead of card. Is that possible on the annual plan?",
			"Resend invoice;Invoice went to wrong person|Could you resend invoice {inv}? It went to someone who left the company.",
		}, extras: bgExtras,
		foreign: map[string][]string{"de": {"Rechnung mit USt-IdNr.|Bitte stellen Sie unsere Rechnungen künftig mit unserer USt-IdNr. DE{m}48213 aus. Die letzte Rechnung bitte neu ausstellen."}, "fr": {"Facture avec numéro de TVA|Pourriez-vous ajouter notre numéro de TVA intracommunautaire sur nos factures ? Merci."}}}},
	{4, &simplePool{topic: "billing", subjects: []string{"Card declined", "Update payment method", "Payment failed email", "New company card", "Payment issue"},
		texts: []string{
			"Payment failed email;Card expired|Got an email saying our payment failed. The card expired, how do I update it?",
			"New company card;Update payment method|We have a new company credit card. Where do I change it in CrewPlan?",
			"Card declined;Please retry payment|Our card was declined because the bank flagged the charge as fraud. Can you retry the payment?",
			"Payment failed - account suspended?;Updated card|Is our account going to be suspended because the payment failed? I've updated the card now.",
			"Different card this month;Payment question|Can we pay this month with a different card?",
		}, extras: bgExtras}},
	{3, &simplePool{topic: "billing", subjects: []string{"Charged twice", "Refund request", "Double charge on our card", "Unrecognised charge", "Refund for wrong plan"},
		texts: []string{
			"Charged twice;Double charge on our card|We were charged twice for April, two charges of ${amt} on the same day. Please refund one of them.",
			"Refund for wrong plan;Upgraded by mistake|I accidentally upgraded to Business instead of Pro. Can you refund the difference?",
			"Refund request;Charged after cancelling|We cancelled in March but were still charged in April. Please refund.",
			"Unrecognised charge;What is this charge?|There's a charge from CrewPlan on our statement I don't recognise. Can you tell me what it's for?",
			"Paid twice - refund;Duplicate payment|Our bookkeeper says we paid invoice {inv} twice, once by card and once by transfer. Can you refund the transfer?",
		}, extras: bgExtras}},
	{6, &simplePool{topic: "billing", subjects: []string{"Upgrade to Business", "Downgrade plan", "Switch to annual billing", "Add seats", "Trial extension", "Non-profit discount?", "Pricing question", "Pro vs Business", "Upgrade mid month"},
		texts: []string{
			"Upgrade to Business;SSO plan upgrade|We want to upgrade to Business for the SSO feature. Will the price change immediately or at renewal?",
			"Switch to annual billing;Annual plan discount?|We'd like to switch from monthly to annual billing. Is there a discount?",
			"Downgrade plan;Downgrade to Starter|Please downgrade us to Starter, we don't use the reporting features.",
			"Add seats;more seats for summer|How do I add 5 more seats? We're hiring for the summer.",
			"Trial extension;Extend trial please|Our trial ends tomorrow and our owner is away until next week. Could you extend it by a week?",
			"Pro vs Business;Pricing question|What's the difference between Pro and Business apart from SSO?",
			"Non-profit discount?;Charity pricing|Do you offer discounts for non-profits? We're a community housing repair charity.",
			"Upgrade mid month;Prorated upgrade|If we upgrade mid-month, do we pay the difference for the rest of the month?",
			"Volume pricing?;Pricing for 25 users|We're growing from 8 to about 25 people this year. Is there volume pricing?",
			"Quote for 60 seats;Formal quote request|Can I get a quote for 60 seats on Business, paid annually? Our purchasing department needs a formal quote.",
		}, extras: bgExtras}},
	{14, &simplePool{topic: "general", subjects: []string{"Recurring shifts", "Copy last week's schedule", "Shift swap approval", "Time off requests", "Custom fields on tasks", "Checklist template", "Roles and permissions", "Hours per customer report", "Print schedule", "Employee availability", "Assign task to two people", "Job type colours", "Different time zones per team", "Import customers", "How to?", "Question about scheduling", "quick question"},
		texts: []string{
			"Recurring shifts;Biweekly shift|How do I set up a shift that repeats every other week?",
			"Recurring shifts and holidays;Public holidays|Can I make a recurring shift that skips public holidays?",
			"Copy last week's schedule;copy schedule|Is there a way to copy last week's schedule to next week?",
			"Copy schedule for one team|Can I copy the schedule for just one team instead of everybody?",
			"Shift swap approval;Shift swaps|How do techs request a shift swap, and can I require manager approval for it?",
			"Time off requests;Vacation requests in app|Where do employees request time off in the app?",
			"Limit time off per day|Can I limit how many people can be off on the same day?",
			"Custom fields on tasks;Gate code field|Can I add a custom field to tasks for the customer's gate code?",
			"Checklist template;Service checklist|How do I create a checklist template for our annual boiler service?",
			"Roles and permissions;Crew lead permissions|I want our crew leads to edit the schedule for their own team only. Which role do I give them?",
			"Hours per customer report;Reporting question|Is there a report that shows hours per job and per customer for the month?",
			"Print schedule;Printing the week|How do I print the weekly schedule so it fits on one page?",
			"Employee availability;Availability|Can employees set their availability so I don't schedule them on days they can't work?",
			"Assign task to two people;Two techs on one job|Can one task be assigned to two techs at the same time?",
			"Job type colours;Change colors|How do I change the colours of the job types on the schedule?",
			"Different time zones per team;Time zones|We opened a branch two time zones away. How do I set different time zones per team?",
			"Import customers;Customer import from Excel|Can I import our customer list from a spreadsheet?",
			"Geofence radius;Clock-in radius|How do I set the geofence radius for clock-in? 100 m is too small for our farm sites.",
			"Open shifts;Shift pickup|Is there a way to make an open shift that any qualified tech can pick up?",
			"Reassign a day's jobs;Sick call reassign|How do I move a whole day's jobs from one tech to another when someone calls in sick?",
			"Multi-day jobs;Scheduling a week-long job|What's the best way to schedule a multi-day job that needs the same crew all week?",
			"Certifications on schedule;Skills/certs|Can I see on the schedule who has which certifications, e.g. gas safe or working at heights?",
			"Lock published schedule|Is it possible to lock the schedule after it's published so crew leads can't change it?",
			"Second site address;Multiple addresses per customer|How do I add a customer's second site address?",
		}, extras: bgExtras,
		foreign: map[string][]string{"fr": {"Question planning|Comment copier le planning de la semaine dernière sur la semaine prochaine ?", "Demandes de congés|Où est-ce que les employés font leurs demandes de congés dans l'application ?"}, "de": {"Frage zu wiederkehrenden Schichten|Wie lege ich eine Schicht an, die sich alle zwei Wochen wiederholt?"}, "es": {"Pregunta sobre turnos|¿Cómo puedo asignar una tarea a dos técnicos a la vez?"}}}},
	{6, &simplePool{topic: "general", subjects: []string{"Feature request", "Suggestion", "Idea for the app", "Would love this feature", "Request: map view", "Dark mode?", "Gantt view", "Feature idea"},
		texts: []string{
			"Dark mode?;Feature request: dark mode|It would be great to have a dark mode in the mobile app for our night crews.",
			"Request: map view;Map of jobs|Feature request: a map view showing where all the jobs for the day are.",
			"Gantt view;Timeline view request|Please add a Gantt or timeline view for multi-day projects.",
			"Recurring tasks;Feature request|We'd love recurring tasks (not just shifts), e.g. monthly filter changes for the same customer.",
			"Spanish app?;Language request|Could you add Spanish to the mobile app? Half of our crew would prefer it.",
			"On-my-way texts;Feature idea|Would be nice if our customers could get a text when the tech is on the way.",
			"Suggestion;See coworkers on shift|Suggestion: let employees see who else is on their shift.",
			"Customer signature in app;Feature request|Please add a way to capture the customer's signature on the phone.",
			"Break button;Pause timer idea|Can you add a break button in the app so techs can pause their timer?",
			"Offline mode;No signal sites|It would help a lot if the mobile app worked offline and synced later. Some of our sites have no signal.",
			"Tablet layout;iPad version?|Any plans for a tablet layout? The phone layout looks silly on the iPads in our trucks.",
			"Default task duration;Feature request|Feature request: let us set a default task duration per job type.",
		}, extras: bgExtras,
		foreign: map[string][]string{"es": {"Sugerencia: app en español|¿Tienen pensado traducir la app móvil al español? La mitad de nuestros técnicos lo agradecería mucho."}, "de": {"Funktionswunsch: Kartenansicht|Eine Kartenansicht mit allen Aufträgen des Tages wäre für unsere Disposition sehr hilfreich."}}}},
	{6, &simplePool{topic: "general", subjects: []string{"TallyBook integration", "Hookline automation", "Quotewell integration?", "API pagination", "Webhooks", "API key", "API rate limit", "Integration question", "Sync customers from CRM"},
		texts: []string{
			"TallyBook integration;Payroll integration|Does CrewPlan integrate with TallyBook for payroll?",
			"Hookline automation;API key rotated - 401|Our Hookline automation gets a 401 since we rotated our API key. Where do I put the new one?",
			"Quotewell integration?;Quotes to tasks|Is there a Quotewell integration so accepted quotes become tasks automatically?",
			"Sync customers from CRM;API customers|Can we sync customers from our CRM through the API?",
			"API pagination;API only 100 results|The API only returns 100 tasks. How do I get the next page?",
			"Webhooks;Webhook for completed jobs|Which webhooks do you support? We want to know when a job is marked complete.",
			"API key;Can't find API settings|Where do I generate an API key? I'm an admin but don't see the option.",
			"API rate limit;429 errors from API|What's the rate limit on the API? We got some 429s during our nightly import.",
			"Team chat notifications;Integration question|Is there a way to post new task notifications into our team chat?",
			"API attachments;Integration question|We're building a customer portal. Can the API create tasks with attachments?",
		}, extras: bgExtras, sources: []int{70, 5, 15, 10}}},
	{5, &simplePool{topic: "general", subjects: []string{"Export all tasks", "Bulk download attachments", "GDPR request", "Data export", "Scheduled export", "Export to Excel", "Need our data"},
		texts: []string{
			"Export all tasks;Export to Excel|How do I export all tasks from last year to Excel?",
			"Bulk download attachments;Photos for legal case|We need all job photos for one customer for a legal dispute. Can we bulk download the attachments?",
			"GDPR request;Data subject request|An ex-employee asked for all the data we hold about him. How do we handle that in CrewPlan?",
			"Data export;Need our data|Before we decide whether to renew, I'd like a full export of our data.",
			"Scheduled export;Automatic timesheet export|Can I schedule a weekly export of timesheets to our shared drive?",
			"Export missing custom fields|The task export doesn't include custom fields. Is there a way to include them?",
			"Job history for audit;Report for one site|Our auditor wants a list of all jobs done at one site in 2025 with dates and techs.",
		}, extras: bgExtras}},
	{7, &simplePool{topic: "account", subjects: []string{"Transfer account ownership", "Company name change", "Delete a user", "Change a tech's email", "Merge two workspaces", "Make someone admin", "Change workspace time zone", "Change logo", "Account owner left"},
		texts: []string{
			"Transfer account ownership;Account owner left|Please transfer the account ownership from {other} to me. {other} has left the company.",
			"Company name change;New company name|We changed our company name. How do I update it in CrewPlan?",
			"Delete a user;Remove user fully|How do I delete a user completely? Deactivating leaves them in the reports.",
			"Change a tech's email;Update user email|One of our techs has a new email address. How do I update it without losing his history?",
			"Merge two workspaces;Acquisition - merge accounts|Can we merge two workspaces? We acquired another company that also uses CrewPlan.",
			"Make someone admin;Second admin|How can I make another person an admin?",
			"Change workspace time zone|Can you change our workspace time zone from Eastern to Central? The setting is greyed out for me.",
			"Change logo;Logo in app|How do I change the company logo that shows in the app?",
			"Admin access recovery;Account owner left|Our previous office manager set up the account with her personal email and she's gone. How do we get admin access back? We can show proof we're the company.",
			"Rename teams|Can I rename teams without messing up the schedule?",
		}, extras: bgExtras,
		foreign: map[string][]string{"de": {"Neuen Administrator anlegen|Wie kann ich einer Kollegin Administratorrechte geben? Unser bisheriger Admin hat das Unternehmen verlassen."}, "fr": {"Changement de nom de l'entreprise|Nous avons changé de raison sociale. Comment mettre à jour le nom dans CrewPlan et sur les factures ?"}}}},
	{4, &simplePool{topic: "account", anger: 0.1, subjects: []string{"Cancel subscription", "Please cancel our account", "Pause account for off-season", "How do I cancel?", "Cancellation", "Closing our account"},
		texts: []string{
			"Cancel subscription;Closing our account|We're closing the business at the end of the month. Please cancel our subscription.",
			"Please cancel our account;Cancellation|Please cancel our account. We're moving to the tool our new parent company uses.",
			"Pause account for off-season;Seasonal pause|Our work is very seasonal. Can we pause the account for the off-season instead of cancelling?",
			"Cancellation;cancel|Cancel please. Too expensive for a three person company at the moment.",
			"How do I cancel?|How do I cancel? I can't find it in settings.",
			"Non-renewal;Cancel at end of term|We'd like to cancel at the end of our annual term. Please confirm we won't be renewed.",
		}, extras: bgExtras,
		foreign: map[string][]string{"de": {"Kündigung|Hiermit kündigen wir unser CrewPlan-Abo zum nächstmöglichen Zeitpunkt. Bitte bestätigen Sie die Kündigung schriftlich."}, "es": {"Cancelar suscripción|Queremos cancelar la suscripción a final de mes. ¿Cómo descargamos antes nuestros datos?"}}}},
	{9, &simplePool{topic: "general", anger: 0.15, subjects: []string{"Checklist items duplicated", "Report blank", "Print cuts off Sunday", "App crashes on old phone", "Notifications missing on one phone", "Shifts under wrong name", "Search not finding customer", "Weird characters in PDF", "Due dates one day early", "Add task button not working", "Bug?", "Small bug", "Something odd"},
		texts: []string{
			"Checklist items duplicated;Bug on one task|One of our tasks has every checklist item listed twice. Only that one task, the others are fine.",
			"Report blank;Hours by customer report empty|The 'Hours by customer' report is blank for March for us. Other months are fine.",
			"Print cuts off Sunday;Printing bug|When I print the week view, Sunday gets cut off.",
			"App crashes on old phone;Android crash|The Android app crashes on open for one of our techs. He has a pretty old phone on Android 9.",
			"Notifications missing on one phone|Push notifications don't show up on one tech's Samsung. Everyone else gets them.",
			"Shifts under wrong name;Mobile app shows wrong name|On the mobile app one employee's shifts appear under another employee's name. On the web it's correct.",
			"Search not finding customer;Apostrophe search bug|Search on the Customers page doesn't find customers with an apostrophe in the name, like O'Brien.",
			"Weird characters in PDF;PDF accents broken|When I export the schedule to PDF, the accents in our Spanish job notes come out as weird characters.",
			"Due dates one day early;Date bug|Task due dates show one day early, only for me. I'm working from New Zealand this month.",
			"Add task button not working|The 'Add task' button does nothing on our old front desk PC. Works on my laptop.",
			"Totals row missing;Small bug|The totals row on the weekly schedule view is missing for one of our teams.",
			"Address keeps reverting;Bug?|One customer's address keeps reverting to the old one after I edit it.",
			"Profile photo won't save;Something odd|A tech's profile photo upload says 'something went wrong' every time. Just him, he's tried three photos.",
		}, extras: bgExtras}},
	{5, &simplePool{topic: "general", subjects: []string{"Supported phones", "Battery drain", "Techs see only their own jobs?", "Tablet app", "Location tracking after hours", "Mobile app question", "App store version"},
		texts: []string{
			"Supported phones;Old iPhone|Which phones are supported? One of the guys has an old iPhone 8.",
			"Battery drain;GPS battery|The app seems to drain the battery on some phones. Is it the GPS?",
			"Techs see only their own jobs?;Mobile app question|Can techs see only their own jobs in the app and not everybody's?",
			"Tablet app|Is there a tablet version for our trucks?",
			"Location tracking after hours;Privacy question|Does the app keep tracking location after people clock out? Our crew is asking, privacy concerns.",
			"App store;Can't find the app|Where do I download the app? I can't find it in the store under CrewPlan.",
			"App on two phones|Can a tech use the app on two phones, a work one and a personal one?",
		}, extras: bgExtras, sources: []int{55, 15, 15, 15},
		foreign: map[string][]string{"fr": {"Application sur tablette ?|Existe-t-il une version de l'application pour tablette ? Nos équipes ont des iPad dans les camions."}, "es": {"La app gasta mucha batería|Algunos técnicos dicen que la app les gasta mucha batería. ¿Es por el GPS?"}}}},
	{3, &simplePool{topic: "general", subjects: []string{"SOC 2 report", "Data location", "DPA", "IP allowlisting", "Security questionnaire"},
		texts: []string{
			"SOC 2 report;Security documentation|Our new enterprise customer requires a SOC 2 report from our vendors. Can you send yours?",
			"Data location;EU data residency|Where is our data stored? A client wants it to be in the EU.",
			"DPA;Data processing agreement|Can you sign our data processing agreement? Attached.",
			"IP allowlisting|Do you support IP allowlisting for the web app?",
			"Security questionnaire|We need to fill in a vendor security questionnaire for one of our clients. Who can help with that?",
		}, extras: bgExtras}},
	{3, &simplePool{topic: "general", subjects: []string{"Partnership opportunity", "Quick question about your website", "Reseller inquiry", "Guest post?", "Boost your rankings"},
		texts: []string{
			"Quick question about your website;Boost your rankings|Hi, I'm reaching out from RankRocket SEO. We noticed your site isn't ranking for 'field service scheduling' and we can fix that in 30 days. Free audit?",
			"Reseller inquiry;Partnership opportunity|We are a software reseller in Australia and would like to discuss a partnership for the ANZ market.",
			"Guest post?;Collaboration|Would you accept a guest post on your blog about workforce productivity? We don't charge.",
			"App development services;Partnership opportunity|Hello, we build custom mobile apps for a fraction of the cost. Can I send you our portfolio?",
		}, sources: []int{80, 0, 20, 0}}},
	{3, &simplePool{topic: "general", subjects: []string{"Thank you!", "Feedback", "Great update", "Thanks to Devon", "Some feedback on the new icons"},
		texts: []string{
			"Great update;Thank you!|Just wanted to say the new job list in the app is much faster. Good job!",
			"Thanks to Devon;Feedback|Devon helped us last week with our timesheet setup, please pass on our thanks.",
			"Some feedback on the new icons;Feedback|Overall we're very happy, but the new icons in the mobile app are confusing for some of our older techs.",
			"Thank you!;Feedback|Our crew loves the shift reminders. Thanks for building a product that actually works in the field.",
		}}},
	{4, &simplePool{topic: "general", subjects: []string{"Stop daily digest emails", "Too many notification emails", "Shift reminder emails", "Email notifications in Spanish", "Notification settings"},
		texts: []string{
			"Stop daily digest emails;Too many emails|How do I stop the daily digest emails? I only want the ones about my own jobs.",
			"Shift reminder emails;Notification settings|Can the shift reminder email be turned off for office staff only?",
			"Email notifications in Spanish|My techs would like the 'schedule published' email in Spanish. Is that possible?",
			"Too many notification emails;Notification settings|I get an email every time anyone comments on any task. How do I turn that off?",
			"Shift reminders;Notification settings|Can techs get a push reminder 30 minutes before their shift starts?",
		}, extras: bgExtras}},
	{3, &simplePool{topic: "general", subjects: []string{"Following up", "Any update on my question?", "Still waiting on a reply", "Re: my earlier email"},
		texts: []string{
			"Just following up on my question from Monday about our invoice, haven't heard back yet.",
			"Hi, any update on my earlier request about adding a second admin?",
			"I sent an email last week about exporting our data and didn't get an answer. Can someone take a look?",
			"Checking in on the ticket about the duplicated checklist items.",
		}}},
}

var bgLongs = []string{
	"Cancelling - some feedback|Hi, I wanted to let you know we'll be cancelling CrewPlan at the end of this month, and since your onboarding person asked for honest feedback when we signed up, here it is. We are a family business, my husband and his brother started it fifteen years ago doing mostly residential boiler and AC work, and we have grown to nine techs plus me and one other person in the office. We came to CrewPlan from paper and a shared spreadsheet, and honestly for the first six months it was a huge improvement: the techs like the app, the schedule is clear, the clock-in saves me hours at the end of the month. The reason we're leaving is nothing to do with CrewPlan not working. Our biggest commercial client, a property management company that gives us about a third of our work, has asked all their contractors to use their own work order system, and it does scheduling too, and frankly we can't afford to pay for two. I tried to see if we could keep CrewPlan just for the internal side but the double entry was going to kill us. A couple of things I would have loved if we were staying: a proper map view for the day, a way to see the customer's equipment history on the phone without opening three screens, and invoicing. If you ever add those we might be back. Could you confirm the cancellation date and tell me how to export our job history and photos before the account closes? I'd like to keep a copy for warranty claims. Thanks for everything, your support team has always been lovely.",
	"Long question about setting up teams and schedules|Hello, we're evaluating CrewPlan during the trial and I have a bunch of questions, sorry in advance for the length. We're a landscaping and grounds maintenance company with three divisions: residential maintenance (crews of 2–3 that visit the same properties weekly), commercial grounds (bigger crews, fixed contracts, mostly the same sites), and a small tree crew that does one-off jobs. Each division has its own manager who should only be able to change their own schedule, but our owner and I need to see everything. We also share equipment between divisions (a chipper and a mini excavator) and it would be great if the schedule could warn us when two crews have the same equipment booked on the same day. In summer we add about fifteen seasonal workers who need the app for clock-in but don't need to see anything else, and many of them don't have email addresses, only phone numbers. Questions: 1) can permissions be per team/division? 2) can equipment be scheduled as a resource? 3) can users log in with just a phone number? 4) how does billing work for seasonal staff, do we pay for the whole year? 5) can crews see the property notes (gate codes, dogs, etc.) offline? I've read most of the help center but couldn't find clear answers for 2 and 3. Also, 6) is there any way to attach the property maps we already have as PDFs to each property, so the crews can open them in the app? We currently keep them in a shared drive and the guys never look at them. If it's easier to do a call, I'm free most afternoons this week. Thanks!",
}

func bgMsg(p *Person) Msg {
	if chance(0.006) && len(bgLongs) > 0 {
		s := bgLongs[0]
		bgLongs = bgLongs[1:]
		sub, txt := splitSB(s)
		return Msg{Subject: sub, Text: txt, Lang: "en", Topic: "general", NoChat: true}
	}
	tot := 0
	for _, t := range bgTopics {
		tot += t.weight
	}
	r := rng.IntN(tot)
	for _, t := range bgTopics {
		if r < t.weight {
			m := t.pool.msg(p)
			if m.Lang == "en" && chance(0.08) {
				m.Subject = pick([]string{"Question", "Help", "CrewPlan question", "Support request", "quick question", "Need help", "Hi", "question about our account"})
			}
			m.Text = slots(m.Text, p)
			m.Subject = slots(m.Subject, p)
			return m
		}
		r -= t.weight
	}
	return Msg{}
}

// ---------------------------------------------------------------- auto-replies and bounces

func oooMsg(p *Person, t time.Time) Msg {
	subs := []string{"Your CrewPlan invoice for April 2026", "What's new in CrewPlan: April", fmt.Sprintf("Re: Your request #%d has been solved", between(46100, 48150)), "Next week's schedule has been published", "Your shift swap request was approved", fmt.Sprintf("[CrewPlan] Re: Question about seats [#%d]", between(46100, 48150))}
	prefix := pick([]string{"Automatic reply: ", "Out of Office: ", "Auto: ", "Abwesenheitsnotiz: ", "Réponse automatique : "})
	if p.Org.Lang == "en" {
		prefix = pick([]string{"Automatic reply: ", "Out of Office: ", "Auto: ", "Out of office re: "})
	} else if p.Org.Lang == "de" {
		prefix = pick([]string{"Abwesenheitsnotiz: ", "Automatische Antwort: "})
	} else if p.Org.Lang == "fr" {
		prefix = "Réponse automatique : "
	} else if p.Org.Lang == "es" {
		prefix = "Respuesta automática: "
	}
	back := t.Add(time.Duration(between(2, 12)) * 24 * time.Hour)
	colleague := "office@" + orDefault(p.Org.Domain, "gmail.com")
	var body string
	switch p.Org.Lang {
	case "de":
		body = fmt.Sprintf("Vielen Dank für Ihre Nachricht. Ich bin bis einschließlich %s nicht im Büro und habe keinen Zugriff auf meine E-Mails. In dringenden Fällen wenden Sie sich bitte an %s.\n\nMit freundlichen Grüßen\n%s", back.Format("02.01.2006"), colleague, p.Name())
	case "fr":
		body = fmt.Sprintf("Bonjour,\n\nJe suis absent(e) jusqu'au %s inclus. Pour toute urgence, merci de contacter %s.\n\nCordialement,\n%s", back.Format("02/01/2006"), colleague, p.Name())
	case "es":
		body = fmt.Sprintf("Gracias por su mensaje. Estaré fuera de la oficina hasta el %s. Para asuntos urgentes, escriba a %s.\n\n%s", back.Format("02/01/2006"), colleague, p.Name())
	default:
		body = pick([]string{
			fmt.Sprintf("Thank you for your email. I am out of the office until %s with limited access to email. For urgent scheduling matters please contact %s or call the office.", back.Format("Monday 2 January"), colleague),
			fmt.Sprintf("Hi,\n\nI'm currently on vacation and will be back on %s. If it's urgent, please reach out to %s.\n\nThanks,\n%s", back.Format("January 2"), colleague, p.First),
			"I'm on site all day with limited signal. I'll get back to you when I'm back in the office. For emergencies call the main line.",
			fmt.Sprintf("I am on parental leave until %s. Please direct all CrewPlan and scheduling questions to %s.", back.Add(40*24*time.Hour).Format("2 January 2006"), colleague),
		})
	}
	return Msg{Subject: prefix + pick(subs), Text: body, Bare: true}
}

var bouncePerson = &Person{First: "Mail Delivery", Last: "Subsystem", Email: "mailer-daemon@googlemail.com", Org: &Org{Name: ""}}
var postmasterPerson = &Person{First: "Microsoft", Last: "Outlook", Org: &Org{Name: ""}}

func bounceDraft(d *Draft) Msg {
	target := anyPerson()
	addr := strings.Replace(target.Email, "@", pick([]string{"1@", ".old@", "@", "@"}), 1)
	if !strings.Contains(addr, "1@") && !strings.Contains(addr, ".old@") {
		addr = "x" + addr
	}
	subj := pick([]string{"Re: Your request has been received", "Next week's schedule has been published", "You've been invited to join " + target.Org.Name + " on CrewPlan", "Reset your CrewPlan password", "Your CrewPlan invoice for April 2026"})
	if chance(0.55) {
		d.P = bouncePerson
		return Msg{Bare: true, Subject: "Delivery Status Notification (Failure)", Text: fmt.Sprintf("** Address not found **\n\nYour message wasn't delivered to %s because the address couldn't be found, or is unable to receive mail.\n\nLearn more here: https://support.google.com/mail/?p=NoSuchUser\n\nThe response was:\n\n550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces.\n\n----- Original message -----\n\nFrom: CrewPlan <noreply@crewplan.io>\nTo: %s\nSubject: %s\nDate: %s", addr, addr, subj, d.T.Add(-time.Minute).Format("Mon, 2 Jan 2006 15:04:05 -0700"))}
	}
	dom := orDefault(target.Org.Domain, "outlook.com")
	pm := *postmasterPerson
	pm.Email = "postmaster@" + dom
	d.P = &pm
	return Msg{Bare: true, Subject: "Undeliverable: " + subj, Text: fmt.Sprintf("Delivery has failed to these recipients or groups:\n\n%s\nThe email address you entered couldn't be found. Please check the recipient's email address and try to resend the message. If the problem continues, please contact your helpdesk.\n\nDiagnostic information for administrators:\n\nGenerating server: mail.%s\n\n%s\nRemote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'\n\nOriginal message headers:\n\nFrom: CrewPlan <noreply@crewplan.io>\nTo: <%s>\nSubject: %s\nDate: %s", addr, dom, addr, addr, subj, d.T.Add(-2*time.Minute).Format("Mon, 2 Jan 2006 15:04:05 +0000"))}
}

// ---------------------------------------------------------------- timing

type knot struct {
	min int
	w   float64
}

func interp(ks []knot, x float64) float64 {
	for i := 1; i < len(ks); i++ {
		a, b := ks[i-1], ks[i]
		if x <= float64(b.min) {
			f := (x - float64(a.min)) / float64(b.min-a.min)
			return a.w + f*(b.w-a.w)
		}
	}
	return ks[len(ks)-1].w
}

// sampleTimes draws n arrival times in [start, start+span] following the
// piecewise-linear intensity ks; the first is exactly start, the last is the end.
func sampleTimes(start time.Time, ks []knot, n int) []time.Time {
	span := ks[len(ks)-1].min
	wmax := 0.0
	for _, k := range ks {
		if k.w > wmax {
			wmax = k.w
		}
	}
	out := []time.Time{start.Add(time.Duration(between(0, 50)) * time.Second)}
	for len(out) < n-1 {
		x := rng.Float64() * float64(span)
		if rng.Float64()*wmax < interp(ks, x) {
			out = append(out, start.Add(time.Duration(x*60)*time.Second))
		}
	}
	out = append(out, start.Add(time.Duration(span)*time.Minute+time.Duration(between(0, 50))*time.Second))
	sort.Slice(out, func(i, j int) bool { return out[i].Before(out[j]) })
	return out
}

// hourly weight of the everyday desk (UTC; customers in North America and Europe)
var hourWeight = []float64{0.8, 0.6, 0.45, 0.35, 0.45, 0.8, 1.8, 3.2, 4.2, 4.6, 4.6, 4.4, 4.4, 5.2, 5.6, 5.6, 5.2, 4.6, 3.8, 3.2, 2.6, 2.0, 1.4, 1.0}

func dayFactor(d int) float64 {
	switch d {
	case 5:
		return 0.32 // Saturday
	case 6:
		return 0.24 // Sunday
	}
	return 1
}

// everydayTimes returns n times spread over the week with the desk's rhythm.
func everydayTimes(n int, avoid func(time.Time) bool) []time.Time {
	var cum []float64
	tot := 0.0
	for d := 0; d < 7; d++ {
		for h := 0; h < 24; h++ {
			tot += hourWeight[h] * dayFactor(d)
			cum = append(cum, tot)
		}
	}
	var out []time.Time
	for len(out) < n {
		r := rng.Float64() * tot
		i := sort.SearchFloat64s(cum, r)
		t := weekStart.Add(time.Duration(i)*time.Hour + time.Duration(rng.IntN(3600))*time.Second)
		if avoid != nil && avoid(t) {
			continue
		}
		out = append(out, t)
	}
	return out
}

// ---------------------------------------------------------------- week plan

type window struct{ from, to time.Time }

func (w window) has(t time.Time) bool { return !t.Before(w.from) && !t.After(w.to) }

var (
	winCalConnect = window{at(0, 14, 41), at(0, 16, 26)}
	winLogin      = window{at(1, 13, 47), at(1, 16, 6)}
	winUpload     = window{at(2, 9, 53), at(2, 12, 21)}
	winBoard      = window{at(3, 14, 22), at(3, 16, 53)}
	winTimesheet  = window{at(4, 7, 20), at(4, 21, 45)}
	winCalStale   = window{at(5, 10, 12), at(5, 13, 21)}
	winMaint      = window{at(6, 0, 45), at(6, 3, 15)}
)

var drafts []*Draft

func add(t time.Time, p *Person, label string, gen func(d *Draft) Msg) *Draft {
	d := &Draft{T: t.Truncate(time.Second), P: p, Label: label, Gen: gen}
	drafts = append(drafts, d)
	return d
}

// incidentPerson picks a reporter not yet used for this incident.
func incidentPerson(used map[*Person]bool) *Person {
	for {
		var p *Person
		if chance(0.6) {
			p = pick(people)
		} else {
			p = pick(pick(orgs).People)
		}
		if !used[p] {
			used[p] = true
			return p
		}
	}
}

func colleagueOf(p *Person) *Person {
	if len(p.Org.People) < 2 {
		return nil
	}
	for {
		c := pick(p.Org.People)
		if c != p {
			return c
		}
	}
}

type incPlan struct {
	label     string
	start     time.Time
	knots     []knot
	n         int
	followups int
	texts     []*incText
	share     []float64 // probability of each text
}

func planIncident(ip incPlan) {
	used := map[*Person]bool{}
	times := sampleTimes(ip.start, ip.knots, ip.n)
	var primaries []*Draft
	end := times[len(times)-1]
	for i, t := range times {
		it := ip.texts[0]
		if i > 0 && len(ip.texts) > 1 {
			r := rng.Float64()
			for k, s := range ip.share {
				if r < s {
					it = ip.texts[k]
					break
				}
				r -= s
			}
		}
		p := incidentPerson(used)
		var fwd *Person
		if it.topic == "clockin" && chance(0.18) {
			if c := colleagueOf(p); c != nil {
				fwd, p = p, c // the tech writes to the office, the office forwards to us
				used[p] = true
			}
		}
		it2, fwd2 := it, fwd
		long := false
		if fwd == nil && i >= 4 && it.plannedLong < len(it.longs) && chance(0.2) {
			long = true
			it.plannedLong++
		}
		d := add(t, p, ip.label, func(d *Draft) Msg {
			var m Msg
			if long {
				m = it2.longMsg()
			} else if fwd2 != nil {
				m = it2.msg(fwd2)
				m.Fwd = fwd2
			} else {
				m = it2.msg(d.P)
			}
			return m
		})
		primaries = append(primaries, d)
	}
	// follow-ups: "any update??" from people who already wrote
	done := map[*Draft]bool{}
	for k := 0; k < ip.followups; k++ {
		for tries := 0; tries < 50; tries++ {
			o := pick(primaries)
			if done[o] || o.T.Add(22*time.Minute).After(end) {
				continue
			}
			maxGap := int(end.Sub(o.T).Minutes())
			if maxGap > 75 {
				maxGap = 75
			}
			t := o.T.Add(time.Duration(between(20, maxGap))*time.Minute + time.Duration(rng.IntN(60))*time.Second)
			done[o] = true
			it := ip.texts[0]
			orig := o
			add(t, o.P, ip.label, func(d *Draft) Msg { return it.followup(d.P, orig) })
			break
		}
	}
}

func planWeek() {
	// Monday: Calbridge cannot complete new calendar connections.
	planIncident(incPlan{label: "inc-calendar-connect-fail", start: winCalConnect.from, n: 29, followups: 2,
		knots: []knot{{0, 2}, {30, 5}, {60, 5}, {90, 2}, {104, 1}}, texts: []*incText{calConnectText}})
	// Tuesday: Keyloom authentication outage: sign-in AND mobile clock-in.
	planIncident(incPlan{label: "inc-sso-login-outage", start: winLogin.from, n: 132, followups: 12,
		knots: []knot{{0, 2}, {20, 8}, {50, 10}, {80, 7}, {110, 3}, {138, 1}},
		texts: []*incText{loginText, clockinText}, share: []float64{0.64, 0.36}})
	// Wednesday: Stashbox upload errors (status page first).
	planIncident(incPlan{label: "inc-attachment-upload-fail", start: winUpload.from, n: 39, followups: 4,
		knots: []knot{{0, 2}, {30, 6}, {70, 6}, {110, 3}, {147, 1}}, texts: []*incText{uploadText}})
	// Thursday: Pulsewire websockets; tickets keep rising after "monitoring" at 15:58.
	planIncident(incPlan{label: "inc-board-live-updates", start: winBoard.from, n: 52, followups: 5,
		knots: []knot{{0, 1}, {28, 3}, {68, 5}, {98, 7}, {123, 7}, {138, 4}, {150, 1}}, texts: []*incText{boardText}})
	// Friday: CrewPlan's own release bug, a slow trickle all day.
	{
		used := map[*Person]bool{}
		t := winTimesheet.from
		var first []*Draft
		for !t.After(winTimesheet.to) {
			p := incidentPerson(used)
			gen := func(d *Draft) Msg { return timesheetText.msg(d.P) }
			if len(first) == 5 {
				gen = func(d *Draft) Msg { return timesheetText.longMsg() }
			}
			d := add(t.Add(time.Duration(rng.IntN(60))*time.Second), p, "inc-timesheet-break-deduction", gen)
			first = append(first, d)
			t = t.Add(time.Duration(between(20, 52)) * time.Minute)
		}
		o := first[3]
		add(o.T.Add(3*time.Hour+17*time.Minute), o.P, "inc-timesheet-break-deduction", func(d *Draft) Msg { return timesheetText.followup(d.P, o) })
	}
	// Saturday: Calbridge sync backlog (status page first).
	planIncident(incPlan{label: "inc-calendar-sync-stale", start: winCalStale.from, n: 21, followups: 2,
		knots: []knot{{0, 2}, {40, 5}, {100, 4}, {188, 1}}, texts: []*incText{calStaleText}})

	// look-alikes inside the windows
	las := []struct {
		label string
		w     window
		n     int
	}{
		{"inc-calendar-connect-fail", winCalConnect, 4}, {"inc-sso-login-outage", winLogin, 8}, {"inc-attachment-upload-fail", winUpload, 5},
		{"inc-board-live-updates", winBoard, 5}, {"inc-timesheet-break-deduction", winTimesheet, 4}, {"inc-calendar-sync-stale", winCalStale, 3},
	}
	for _, la := range las {
		for i := 0; i < la.n; i++ {
			span := la.w.to.Sub(la.w.from)
			t := la.w.from.Add(time.Duration(rng.Int64N(int64(span))))
			lbl := la.label
			add(t, anyPerson(), "look-alike", func(d *Draft) Msg { return lookAlikeMsg(lbl, d.P) })
		}
	}

	// hard negatives: many during the sign-in outage, the rest over the week
	hnGen := func(d *Draft) Msg { return pick(hardNeg).msg(d.P) }
	for i := 0; i < 26; i++ {
		span := winLogin.to.Sub(winLogin.from)
		add(winLogin.from.Add(time.Duration(rng.Int64N(int64(span)))), anyPerson(), "hard-negative", hnGen)
	}
	add(winLogin.from.Add(71*time.Minute), anyPerson(), "hard-negative", func(d *Draft) Msg {
		return Msg{Lang: "en", Topic: "login", Anger: 0.4, Sources: []int{100, 0, 0, 0}, Subject: "Locked out of my account - please read", Text: hnLongText}
	})
	for _, t := range everydayTimes(55, func(t time.Time) bool { return winMaint.has(t) || winLogin.has(t) }) {
		add(t, anyPerson(), "hard-negative", hnGen)
	}

	// everyday background with the desk's rhythm
	sum := 0.0
	for _, w := range hourWeight {
		sum += w
	}
	scale := 66.0 / sum
	for d := 0; d < 7; d++ {
		for h := 0; h < 24; h++ {
			rate := hourWeight[h] * dayFactor(d) * scale * (0.7 + 0.6*rng.Float64())
			n := int(rate)
			if rng.Float64() < rate-float64(n) {
				n++
			}
			for i := 0; i < n; i++ {
				t := at(d, h, 0).Add(time.Duration(rng.IntN(3600)) * time.Second)
				r := rng.Float64()
				switch {
				case r < 0.035:
					add(t, anyPerson(), "background", func(d *Draft) Msg { return oooMsg(d.P, d.T) })
				case r < 0.055:
					add(t, nil, "background", bounceDraft)
				default:
					add(t, anyPerson(), "background", func(d *Draft) Msg { return bgMsg(d.P) })
				}
			}
		}
	}
}

// ---------------------------------------------------------------- status pages

type upd struct {
	at                   time.Time
	status, impact, body string
}

type provInc struct {
	provider, title, kind, label string
	components                   []string
	updates                      []upd
}

func statusPages() []provInc {
	return []provInc{
		{provider: "calbridge", title: "Calendar connection failures for Google and Microsoft accounts", kind: "incident", label: "inc-calendar-connect-fail",
			components: []string{"OAuth Connect", "Account Linking API"},
			updates: []upd{
				{at(0, 14, 52), "investigating", "major", "We are investigating reports of failures when end users connect new Google or Microsoft 365 calendars through Calbridge. Existing connections and event sync do not appear to be affected. Next update within 30 minutes."},
				{at(0, 15, 31), "identified", "major", "We have identified the cause as an expired client signing credential used during the OAuth token exchange with upstream calendar providers. A replacement credential is being rolled out region by region."},
				{at(0, 16, 18), "monitoring", "minor", "The replacement credential has been deployed to all regions and connection success rates have returned to normal levels. We are monitoring."},
				{at(0, 16, 57), "resolved", "minor", "This incident has been resolved. Between 14:35 and 16:15 UTC a majority of new calendar connection attempts failed with an authorization error. Existing connections and event sync were not affected."},
			}},
		{provider: "keyloom", title: "Elevated authentication errors", kind: "incident", label: "inc-sso-login-outage",
			components: []string{"Authentication API", "Hosted Login", "Token Refresh", "SAML/OIDC Federation"},
			updates: []upd{
				{at(1, 14, 9), "investigating", "major", "We are investigating elevated error rates and latency affecting authentication requests in the US-1 and EU-1 regions. End users may be unable to sign in, and applications that refresh or validate sessions may sign users out. We will provide an update within 30 minutes."},
				{at(1, 14, 38), "identified", "critical", "The issue has been identified as a faulty configuration change to our session store cluster that causes token validation to fail for a large share of requests. We are rolling back the change."},
				{at(1, 15, 22), "monitoring", "major", "The rollback has completed and authentication error rates are decreasing. Some end users may continue to see intermittent failures while session caches repopulate. We are monitoring the recovery."},
				{at(1, 16, 41), "resolved", "major", "Authentication error rates have remained at normal levels for over an hour and this incident is resolved. Between approximately 13:40 and 15:55 UTC a significant portion of sign-in, token refresh and session validation requests failed. A post-incident review will be published within 5 business days."},
			}},
		{provider: "stashbox", title: "Elevated error rates for uploads in US-East", kind: "incident", label: "inc-attachment-upload-fail",
			components: []string{"Object Uploads (US-East)", "Multipart Upload API"},
			updates: []upd{
				{at(2, 9, 8), "investigating", "minor", "We are investigating increased error rates for PUT and multipart upload requests in the US-East region. Reads (GET) are not affected."},
				{at(2, 10, 21), "identified", "major", "We have identified a degraded storage node pool in US-East that is rejecting a portion of write requests with 503 errors. We are shifting write traffic to healthy pools."},
				{at(2, 11, 44), "monitoring", "minor", "Write traffic has been shifted and upload error rates are back to baseline. Clients retrying failed uploads should now succeed. We are monitoring."},
				{at(2, 12, 38), "resolved", "minor", "This incident has been resolved. From 08:55 to 11:40 UTC, up to 40% of upload requests in US-East failed with HTTP 503. No stored data was affected."},
			}},
		{provider: "pulsewire", title: "Degraded WebSocket connectivity", kind: "incident", label: "inc-board-live-updates",
			components: []string{"WebSocket Gateway (US)", "WebSocket Gateway (EU)", "Presence API"},
			updates: []upd{
				{at(3, 14, 31), "investigating", "major", "We're investigating increased WebSocket connection failures and dropped subscriptions. Publishing via the REST API is succeeding, but subscribers may not receive messages in real time."},
				{at(3, 15, 4), "identified", "major", "A certificate rotation on our edge load balancers caused a subset of long-lived WebSocket connections to drop, and reconnect attempts to fail. We are rolling out a fix."},
				{at(3, 15, 58), "monitoring", "minor", "A fix has been deployed to all edge nodes and new connections are succeeding. Clients that are in a reconnect back-off may take up to 60 minutes to reconnect on their own. We're monitoring."},
				{at(3, 17, 36), "resolved", "minor", "This incident has been resolved. Connection success rates and message delivery latency have been normal since 16:50 UTC."},
			}},
		{provider: "calbridge", title: "Delayed event synchronization to connected calendars", kind: "incident", label: "inc-calendar-sync-stale",
			components: []string{"Event Sync", "Change Notifications"},
			updates: []upd{
				{at(5, 9, 40), "investigating", "minor", "We are investigating delays in propagating event changes to connected Google and Microsoft 365 calendars. Changes are queued and will be delivered; no data has been lost."},
				{at(5, 10, 52), "identified", "major", "A failed deployment of our sync workers left a large backlog in the sync queue. We have rolled back and are scaling workers to drain the backlog. Current delay is approximately 3 hours."},
				{at(5, 12, 31), "monitoring", "minor", "The backlog has been drained and new changes are syncing within normal times. We are monitoring."},
				{at(5, 13, 42), "resolved", "none", "This incident has been resolved. Event changes made between 07:30 and 12:20 UTC were delivered late but have now been applied."},
			}},
		{provider: "stashbox", title: "Slow retrievals from Deep Archive tier in AP-South", kind: "incident",
			components: []string{"Deep Archive (AP-South)"},
			updates: []upd{
				{at(4, 3, 12), "investigating", "minor", "We are investigating slower than expected restore times for objects in the Deep Archive storage tier in the AP-South region. Standard and infrequent-access tiers are not affected."},
				{at(4, 4, 6), "identified", "minor", "Restore jobs in AP-South are queuing behind a large batch of internal maintenance restores. We are adding capacity to the restore fleet."},
				{at(4, 5, 31), "monitoring", "minor", "Restore times have returned to within the documented 12-hour window. We are monitoring."},
				{at(4, 6, 47), "resolved", "none", "This incident has been resolved. Only Deep Archive restores in AP-South were affected."},
			}},
		{provider: "postlark", title: "Scheduled maintenance: outbound SMTP relay upgrade", kind: "maintenance",
			components: []string{"SMTP Relay", "Transactional API"},
			updates: []upd{
				{at(3, 10, 0), "scheduled", "maintenance", "We will upgrade the database cluster behind our outbound SMTP relay on Sunday 19 April 2026 between 01:00 and 03:00 UTC. Email sending may be delayed by up to 5 minutes during the window; no messages will be lost. The REST API remains available throughout."},
				{at(6, 1, 0), "in_progress", "maintenance", "Scheduled maintenance is now in progress. Outbound messages may be delayed by a few minutes."},
				{at(6, 2, 34), "verifying", "maintenance", "The upgrade has been applied. We are verifying delivery rates and queue depth."},
				{at(6, 3, 4), "completed", "maintenance", "The scheduled maintenance has been completed. Delivery is operating normally."},
			}},
	}
}

// ---------------------------------------------------------------- main

func main() {
	out := flag.String("out", "scenarios/crewplan", "folder to write tickets.jsonl and updates.jsonl into")
	flag.Parse()

	buildCustomers()
	planWeek()

	idx := map[*Draft]int{}
	for i, d := range drafts {
		idx[d] = i
	}
	sort.SliceStable(drafts, func(i, j int) bool {
		if drafts[i].T.Equal(drafts[j].T) {
			return idx[drafts[i]] < idx[drafts[j]]
		}
		return drafts[i].T.Before(drafts[j].T)
	})
	for i, d := range drafts {
		d.ID = fmt.Sprintf("CP-%d", 48211+i)
	}
	seen := map[string]bool{}
	var rows []weekgen.Ticket
	counts := map[string]int{}
	for _, d := range drafts {
		var m Msg
		for try := 0; try < 8; try++ {
			m = d.Gen(d)
			key := d.Label + "\x00" + m.Subject + "\x00" + m.Text
			if !seen[key] || m.Bare {
				seen[key] = true
				break
			}
		}
		d.Subject, d.Body, d.Source = render(d, m)
		counts[d.Label]++
		rows = append(rows, weekgen.Ticket{ID: d.ID, ReceivedAt: d.T.Format(time.RFC3339), Subject: d.Subject, Body: d.Body, Source: d.Source,
			CustomerEmail: d.P.Email, CustomerName: d.P.Name(), Org: d.P.Org.Name, Label: d.Label})
	}

	var ups []weekgen.Update
	for _, pi := range statusPages() {
		pid := randID(12)
		for _, u := range pi.updates {
			ups = append(ups, weekgen.Update{Provider: pi.provider, ProviderIncidentID: pid, UpdateID: randID(12), Status: u.status, Impact: u.impact,
				At: u.at.Format(time.RFC3339), Title: pi.title, Body: u.body, Kind: pi.kind, Components: pi.components, Label: pi.label})
		}
	}
	sort.SliceStable(ups, func(i, j int) bool { return ups[i].At < ups[j].At })
	must(weekgen.WriteWeek(*out, rows, ups, weekgen.Format{}))

	labels := make([]string, 0, len(counts))
	for l := range counts {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	total := 0
	for _, l := range labels {
		fmt.Printf("%-32s %4d\n", l, counts[l])
		total += counts[l]
	}
	fmt.Printf("%-32s %4d\n", "total", total)
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

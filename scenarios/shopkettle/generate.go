//go:build ignore

// generate.go writes the ShopKettle scenario: one invented week (Mon 11 May –
// Sun 17 May 2026) at the support desk of ShopKettle, a hosted online-store
// builder, together with the status-page updates of its providers.
//
//	cd /work/main && go run ./scenarios/shopkettle/generate.go
//
// Standard library and scenarios/internal/weekgen only; the seed is fixed, so
// reruns give identical bytes.
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

// ---------------------------------------------------------------- types

// Ticket is a line of tickets.jsonl and the time it arrives.
type Ticket struct {
	weekgen.Ticket
	at time.Time
}

type Org struct {
	Name     string
	Domain   string
	Lang     string // en, de, fr, es
	Currency string // $, £, €
	Store    string
	Plan     string
	Weight   float64
	Users    []*Cust
}

type Cust struct {
	First, Last string
	Name        string
	Email       string
	Title       string
	Phone       string
	SigStyle    int
	Org         *Org
}

// a message the customer wrote, before it is dressed as email/chat/web/api
type Msg struct {
	Subject string
	Parts   []string // paragraphs / sentences written by the customer
	Lang    string
}

// ---------------------------------------------------------------- rng helpers

var rng = rand.New(rand.NewPCG(20260511, 0x5ec7e77e))

func pick[T any](xs []T) T  { return weekgen.Pick(rng, xs) }
func chance(p float64) bool { return weekgen.Chance(rng, p) }
func between(a, b int) int  { return weekgen.Between(rng, a, b) }

// deck deals items without repetition until exhausted, then reshuffles.
type deck struct {
	items []string
	order []int
	pos   int
}

func newDeck(items []string) *deck {
	d := &deck{items: items}
	d.shuffle()
	return d
}

func (d *deck) shuffle() {
	d.order = rng.Perm(len(d.items))
	d.pos = 0
}

func (d *deck) next() string {
	if d.pos >= len(d.order) {
		d.shuffle()
	}
	s := d.items[d.order[d.pos]]
	d.pos++
	return s
}

// ---------------------------------------------------------------- time

var (
	utc       = time.UTC
	weekStart = time.Date(2026, 5, 11, 0, 0, 0, 0, utc) // Monday
	weekEnd   = weekStart.AddDate(0, 0, 7)
)

func at(day, h, m int) time.Time { return weekgen.At(weekStart, day, h, m) }

// UTC hour weights: quiet nights, busy European afternoon / US morning.
var hourWeights = []float64{0.25, 0.18, 0.14, 0.12, 0.12, 0.2, 0.4, 0.8, 1.2, 1.5, 1.6, 1.6, 1.5, 1.6, 1.8, 1.9, 1.8, 1.6, 1.4, 1.2, 1.0, 0.8, 0.6, 0.4}

func sampleDayTime(day int) time.Time {
	h := weekgen.Weighted(rng, hourWeights)
	return at(day, h, 0).Add(time.Duration(rng.IntN(3600)) * time.Second)
}

// spreadDay places about n arrivals over a day, hour by hour in proportion to
// hourWeights (stratified, so no hour is accidentally empty at peak time).
func spreadDay(day, n int) []time.Time {
	total := 0.0
	for _, w := range hourWeights {
		total += w
	}
	var out []time.Time
	for h, w := range hourWeights {
		e := float64(n) * w / total
		k := int(e)
		if chance(e - float64(k)) {
			k++
		}
		for i := 0; i < k; i++ {
			out = append(out, at(day, h, 0).Add(time.Duration(rng.IntN(3600))*time.Second))
		}
	}
	return out
}

// curve: piecewise-linear intensity over minutes from start.
type pt struct{ min, w float64 }

func sampleCurve(start time.Time, pts []pt, n int) []time.Time {
	end := int(pts[len(pts)-1].min)
	cdf := make([]float64, end+1)
	acc := 0.0
	for m := 0; m <= end; m++ {
		fm := float64(m)
		w := 0.0
		for i := 0; i+1 < len(pts); i++ {
			if fm >= pts[i].min && fm <= pts[i+1].min {
				f := (fm - pts[i].min) / (pts[i+1].min - pts[i].min)
				w = pts[i].w + f*(pts[i+1].w-pts[i].w)
				break
			}
		}
		acc += w
		cdf[m] = acc
	}
	out := []time.Time{start.Add(time.Duration(rng.IntN(40)) * time.Second)}
	for len(out) < n {
		x := rng.Float64() * acc
		m := sort.SearchFloat64s(cdf, x)
		if m < 1 {
			m = 1
		}
		out = append(out, start.Add(time.Duration(m)*time.Minute+time.Duration(rng.IntN(60))*time.Second))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Before(out[j]) })
	return out
}

// ---------------------------------------------------------------- noise

func isWordy(w string) bool {
	if len(w) < 5 {
		return false
	}
	for _, r := range w {
		if !(r >= 'a' && r <= 'z') {
			return false
		}
	}
	return true
}

// typo introduces one to three keyboard slips into plain lower-case words.
func typo(s string) string {
	words := strings.Split(s, " ")
	n := between(1, 3)
	for k := 0; k < n; k++ {
		for try := 0; try < 8; try++ {
			i := rng.IntN(len(words))
			w := words[i]
			if !isWordy(w) {
				continue
			}
			b := []byte(w)
			j := 1 + rng.IntN(len(b)-2)
			switch rng.IntN(4) {
			case 0: // swap
				b[j], b[j+1] = b[j+1], b[j]
			case 1: // drop
				b = append(b[:j], b[j+1:]...)
			case 2: // double
				b = append(b[:j+1], b[j:]...)
			case 3: // neighbour key
				nb := map[byte]byte{'a': 's', 'e': 'r', 'i': 'o', 'o': 'p', 'n': 'm', 't': 'y', 's': 'd', 'r': 't', 'l': 'k', 'u': 'i'}
				if r, ok := nb[b[j]]; ok {
					b[j] = r
				} else {
					b[j], b[j+1] = b[j+1], b[j]
				}
			}
			words[i] = string(b)
			break
		}
	}
	return strings.Join(words, " ")
}

func stripPunct(s string) string {
	s = strings.ReplaceAll(s, ". ", " ")
	s = strings.ReplaceAll(s, ", ", " ")
	s = strings.ReplaceAll(s, "'", "")
	s = strings.TrimRight(s, ".")
	return s
}

var emojis = []string{" 🙏", " 😩", " 😡", " 🙂", " 😬", " 🤦‍♀️", " 😭", " 👍", " 🔥", " 😤", " 🤞"}

// noisy applies one realistic style to what a customer typed.
type style struct {
	typos, lower, nopunct, emoji, shout bool
}

func pickStyle(angry bool) style {
	st := style{}
	st.typos = chance(0.28)
	st.lower = chance(0.12)
	st.nopunct = chance(0.09)
	st.emoji = chance(0.07)
	st.shout = angry && chance(0.22)
	return st
}

func applyStyle(st style, parts []string) []string {
	out := make([]string, len(parts))
	for i, p := range parts {
		if st.typos && chance(0.6) {
			p = typo(p)
		}
		if st.lower {
			p = strings.ToLower(p)
		}
		if st.nopunct {
			p = stripPunct(p)
		}
		out[i] = p
	}
	if st.shout && len(out) > 0 {
		i := rng.IntN(len(out))
		out[i] = strings.ToUpper(out[i])
		if !strings.HasSuffix(out[i], "!") && !strings.HasSuffix(out[i], "?") {
			out[i] = strings.TrimRight(out[i], ".") + "!!"
		}
	}
	if st.emoji && len(out) > 0 {
		out[len(out)-1] += pick(emojis)
	}
	return out
}

// ---------------------------------------------------------------- customers

var orgPrefixes = []string{"Fernhill", "Blue Heron", "Copper Pot", "Little Wren", "Saltmarsh", "Oak & Ash", "Nettle", "Juniper Lane", "Paper Moth",
	"Wildwood", "Hollow Tree", "Brass Button", "Ember", "Foxglove", "Granite", "Honeycomb", "Ironbark", "Kestrel", "Lantern", "Marigold",
	"North Star", "Olive Grove", "Pebble", "Quill", "Riverbend", "Sable", "Thistle", "Upland", "Velvet Fern", "Willow", "Yarrow", "Zest",
	"Cinder", "Driftwood", "Elm Street", "Fable", "Gingham", "Hazel", "Indigo", "Jasper", "Kiln", "Larkspur", "Meadowlark", "Nook", "Orchard",
	"Pinecone", "Rook", "Sorrel", "Tidepool", "Umber", "Vale", "Wicker", "Bramble", "Cobalt", "Dapple", "Figtree", "Glasshouse", "Hearth", "Ivy Lane", "Moonbeam"}

var orgSuffixes = []string{"Candles", "Ceramics", "Tea Co.", "Bakery", "Knitwear", "Books", "Plants", "Pet Supply", "Soap Works", "Coffee Roasters",
	"Print Shop", "Vintage", "Jewellery", "Cycles", "Leather Goods", "Stationery", "Apothecary", "Toys", "Home Goods", "Outfitters",
	"Spice Co.", "Yarn Studio", "Records", "Goods", "Kitchen", "Florist", "Skincare", "Woodworks", "Textiles", "Supply Co."}

type fixedOrg struct {
	name, domain, lang, cur string
	users                   int
	weight                  float64
}

var fixedOrgs = []fixedOrg{
	{"Brightlane Studio", "brightlane.studio", "en", "$", 14, 7},
	{"Mossy Cup Tea Co.", "mossycup.co.uk", "en", "£", 8, 5},
	{"Northfield Outdoor Supply", "northfieldoutdoor.com", "en", "$", 9, 5},
	{"Harbour Street Books", "harbourstreetbooks.co.uk", "en", "£", 6, 3.5},
	{"Kaffeerösterei Lindner", "lindner-kaffee.de", "de", "€", 3, 1.0},
	{"Wollwerk Hamburg", "wollwerk-hamburg.de", "de", "€", 2, 0.7},
	{"Papeterie Sommer", "papeterie-sommer.de", "de", "€", 2, 0.7},
	{"Kräutergarten Maier", "kraeutergarten-maier.de", "de", "€", 1, 0.5},
	{"Atelier Lunaire", "atelierlunaire.fr", "fr", "€", 2, 0.7},
	{"La Petite Savonnerie", "lapetitesavonnerie.fr", "fr", "€", 2, 0.7},
	{"Maison Brume", "maisonbrume.fr", "fr", "€", 1, 0.5},
	{"Cerámica Olmo", "ceramicaolmo.es", "es", "€", 2, 0.7},
	{"Dulcería La Palma", "dulcerialapalma.es", "es", "€", 2, 0.7},
	{"Tienda Verde Sol", "verdesol.es", "es", "€", 1, 0.5},
}

var firstNames = []string{"Emma", "Liam", "Olivia", "Noah", "Ava", "Ethan", "Sophia", "Mason", "Isabella", "Lucas", "Mia", "Oliver", "Amelia", "Elijah",
	"Harper", "James", "Evelyn", "Benjamin", "Abigail", "Henry", "Ella", "Jack", "Chloe", "Owen", "Grace", "Samuel", "Zoe", "Daniel", "Nora",
	"Matthew", "Priya", "Arjun", "Aisha", "Omar", "Fatima", "Yusuf", "Mei", "Wei", "Hana", "Kenji", "Siobhan", "Declan", "Niamh", "Rhys",
	"Bethan", "Carys", "Tomasz", "Agnieszka", "Kwame", "Ama", "Chidi", "Ngozi", "Tariq", "Leila", "Rosa", "Diego", "Lucia", "Marco", "Giulia",
	"Freya", "Astrid", "Lars", "Ingrid", "Beatriz", "Joao", "Imogen", "Hattie", "Rupert", "Poppy", "Jasmine", "Tyrone", "Keisha", "Dwayne",
	"Shauna", "Caleb", "Maddie", "Brooke", "Tanner", "Kayla", "Hunter", "Lauren", "Megan", "Ruth", "Alan", "Denise", "Gary", "Sandra", "Paul"}

var lastNames = []string{"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Wilson", "Anderson", "Taylor", "Thomas",
	"Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark", "Lewis", "Walker", "Hall", "Young", "King", "Wright", "Scott",
	"Green", "Baker", "Adams", "Nelson", "Patel", "Shah", "Khan", "Ahmed", "Chen", "Wang", "Tanaka", "Sato", "O'Brien", "Murphy", "Kelly",
	"Evans", "Hughes", "Price", "Morgan", "Kowalski", "Nowak", "Mensah", "Okafor", "Adeyemi", "Haddad", "Rossi", "Ferrari", "Silva", "Costa",
	"Lindqvist", "Hansen", "Berg", "Fitzgerald", "Ashworth", "Pemberton", "Holloway", "Whitaker", "Barnes", "Fletcher", "Reid", "Sutherland",
	"Campbell", "MacLeod", "Doyle", "Quinn", "Byrne", "Ramos", "Ortega", "Nguyen", "Tran", "Kim", "Park", "Lee", "Cohen", "Levi", "Novak"}

var localNames = map[string][2][]string{
	"de": {{"Jonas", "Lena", "Felix", "Anna", "Lukas", "Sabine", "Matthias", "Katrin", "Tobias", "Julia"}, {"Lindner", "Müller", "Schmidt", "Becker", "Hoffmann", "Wagner", "Schäfer", "Maier", "Krüger", "Vogel"}},
	"fr": {{"Camille", "Julien", "Manon", "Thomas", "Léa", "Nicolas", "Chloé", "Antoine", "Élodie", "Mathieu"}, {"Martin", "Bernard", "Dubois", "Moreau", "Laurent", "Girard", "Roux", "Fournier", "Lefèvre", "Mercier"}},
	"es": {{"Lucía", "Javier", "Marta", "Pablo", "Carmen", "Alejandro", "Elena", "Sergio", "Paula", "Raúl"}, {"García", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Ruiz", "Díaz", "Moreno"}},
}

var titles = []string{"Owner", "Founder", "Co-founder", "Ops lead", "Operations", "Customer care", "Store manager", "Marketing", "Fulfilment",
	"Director", "Head of eCommerce", "Shop assistant", "Web & Social", "Maker & owner", "Bookkeeper"}

var freemail = []string{"gmail.com", "outlook.com", "yahoo.com", "icloud.com", "hotmail.co.uk", "proton.me", "aol.com"}

var orgs []*Org
var allCusts []*Cust

func asciiFold(s string) string {
	r := strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss", "é", "e", "è", "e", "É", "e", "á", "a", "í", "i", "ó", "o", "ú", "u", "ñ", "n", "'", "", "&", "and")
	return r.Replace(s)
}

func slug(s string) string {
	s = strings.ToLower(asciiFold(s))
	var b strings.Builder
	dash := false
	for _, r := range s {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.Trim(b.String(), "-")
}

func newCust(o *Org, lang string, used map[string]bool) *Cust {
	for {
		var f, l string
		if ln, ok := localNames[lang]; ok && chance(0.85) {
			f, l = pick(ln[0]), pick(ln[1])
		} else {
			f, l = pick(firstNames), pick(lastNames)
		}
		if used[f+" "+l] {
			continue
		}
		used[f+" "+l] = true
		c := &Cust{First: f, Last: l, Name: f + " " + l, Org: o, Title: pick(titles)}
		lf, ll := strings.ToLower(asciiFold(f)), strings.ToLower(asciiFold(l))
		switch {
		case len(o.Users) == 0 && chance(0.3):
			// small shops often use a freemail address
			c.Email = strings.ReplaceAll(slug(o.Name), "-", "") + "@" + pick(freemail)
		case chance(0.15):
			c.Email = fmt.Sprintf("%s.%s%d@%s", lf, ll, between(1, 99), pick(freemail))
		case chance(0.5):
			c.Email = lf + "." + ll + "@" + o.Domain
		case chance(0.5):
			c.Email = lf + "@" + o.Domain
		default:
			c.Email = lf[:1] + ll + "@" + o.Domain
		}
		switch o.Currency {
		case "£":
			c.Phone = fmt.Sprintf("+44 7%03d %06d", rng.IntN(1000), rng.IntN(1000000))
		case "€":
			c.Phone = map[string]string{"de": "+49 151 ", "fr": "+33 6 ", "es": "+34 6"}[lang] + fmt.Sprintf("%08d", rng.IntN(100000000))
		default:
			c.Phone = fmt.Sprintf("+1 (%03d) 555-%04d", 200+rng.IntN(700), rng.IntN(10000))
		}
		c.SigStyle = rng.IntN(7)
		return c
	}
}

func buildCustomers() {
	used := map[string]bool{}
	plans := []string{"Starter", "Growth", "Growth", "Pro"}
	for _, f := range fixedOrgs {
		o := &Org{Name: f.name, Domain: f.domain, Lang: f.lang, Currency: f.cur, Weight: f.weight, Plan: pick(plans)}
		o.Store = "www." + f.domain
		orgs = append(orgs, o)
		for i := 0; i < f.users; i++ {
			o.Users = append(o.Users, newCust(o, f.lang, used))
		}
	}
	// the agency manages client stores; its staff write about several of them
	seen := map[string]bool{}
	perm := rng.Perm(len(orgPrefixes) * len(orgSuffixes))
	tlds := []string{".com", ".com", ".com", ".co.uk", ".co", ".shop", ".ca", ".com.au", ".ie", ".co.nz"}
	for _, k := range perm {
		if len(orgs) >= 150 {
			break
		}
		p, s := orgPrefixes[k/len(orgSuffixes)], orgSuffixes[k%len(orgSuffixes)]
		if seen[p] {
			continue
		}
		seen[p] = true
		name := p + " " + s
		tld := pick(tlds)
		cur := "$"
		if tld == ".co.uk" || tld == ".ie" {
			cur = "£"
			if tld == ".ie" {
				cur = "€"
			}
		}
		dom := strings.ReplaceAll(slug(strings.TrimSuffix(name, ".")), "-", "") + tld
		o := &Org{Name: name, Domain: dom, Lang: "en", Currency: cur, Weight: 1, Plan: pick(plans)}
		if chance(0.55) {
			o.Store = "www." + dom
		} else {
			o.Store = slug(p) + ".shopkettle.store"
		}
		nu := 1
		switch x := rng.Float64(); {
		case x < 0.30:
			nu = 2
		case x < 0.40:
			nu = 3
		}
		for i := 0; i < nu; i++ {
			o.Users = append(o.Users, newCust(o, "en", used))
		}
		orgs = append(orgs, o)
	}
	// second batch of orgs: reuse prefixes with a different trade
	for _, k := range perm {
		if len(orgs) >= 250 {
			break
		}
		p, s := orgPrefixes[k/len(orgSuffixes)], orgSuffixes[k%len(orgSuffixes)]
		name := p + " " + s
		if seen[name] {
			continue
		}
		seen[name] = true
		dom := strings.ReplaceAll(slug(strings.TrimSuffix(name, ".")), "-", "") + ".com"
		o := &Org{Name: name, Domain: dom, Lang: "en", Currency: "$", Weight: 0.8, Plan: "Starter", Store: slug(name) + ".shopkettle.store"}
		o.Users = append(o.Users, newCust(o, "en", used))
		orgs = append(orgs, o)
	}
	for _, o := range orgs {
		allCusts = append(allCusts, o.Users...)
	}
}

func pickOrg(filter func(*Org) bool) *Org {
	total := 0.0
	for _, o := range orgs {
		if filter == nil || filter(o) {
			total += o.Weight
		}
	}
	x := rng.Float64() * total
	for _, o := range orgs {
		if filter != nil && !filter(o) {
			continue
		}
		if x < o.Weight {
			return o
		}
		x -= o.Weight
	}
	return orgs[len(orgs)-1]
}

// pickCust picks a reporter, avoiding those in avoid (e.g. already reported this incident).
func pickCust(avoid map[*Cust]bool, filter func(*Org) bool) *Cust {
	for try := 0; ; try++ {
		o := pickOrg(filter)
		c := pick(o.Users)
		if avoid != nil && avoid[c] && try <= 200 {
			continue
		}
		// people who already wrote this week are a little less likely to write again
		if try < 50 && !chance(1/(1+0.45*float64(custCount[c]))) {
			continue
		}
		return c
	}
}

func englishOrg(o *Org) bool { return o.Lang == "en" }

// ---------------------------------------------------------------- placeholders

type ctx struct {
	c     *Cust
	t     time.Time
	since time.Time // start of the trouble, for {ago}
}

var products = []string{"the lavender candle set", "our ceramic mugs", "a gift box", "the large tote", "a 250g bag of the house blend",
	"the linen apron", "two prints", "a sample pack", "the wool beanie", "our bestseller", "a pre-order item", "the starter kit",
	"a bundle", "the green teapot", "some notebooks", "a bike light", "the dog harness", "three bars of soap"}

var discountCodes = []string{"SPRING20", "WELCOME10", "MAY15", "FREESHIP50", "THANKYOU", "VIP25", "NEWSLETTER10", "BDAY15", "MOTHERSDAY", "LOYAL20", "FLASH30", "SUMMER10"}

func money(cur string, lo, hi int) string {
	v := between(lo*100, hi*100)
	if chance(0.5) {
		v = v / 100 * 100
	}
	if cur == "€" && chance(0.5) {
		return fmt.Sprintf("%d,%02d €", v/100, v%100)
	}
	return fmt.Sprintf("%s%d.%02d", cur, v/100, v%100)
}

func agoText(d time.Duration) string {
	m := int(d.Minutes())
	switch {
	case m < 12:
		return pick([]string{"a few minutes ago", "just now", "about 10 minutes ago"})
	case m < 25:
		return pick([]string{"about 15 minutes ago", "20 mins ago", "about twenty minutes ago"})
	case m < 45:
		return pick([]string{"about half an hour ago", "half an hour ago", "30 min ago"})
	case m < 80:
		return pick([]string{"about an hour ago", "an hour or so ago", "around an hour ago"})
	case m < 150:
		return pick([]string{"a couple of hours ago", "about 2 hours ago", "two hours ago"})
	default:
		return pick([]string{"this morning", "hours ago", "earlier today"})
	}
}

func durText(d time.Duration) string {
	m := int(d.Minutes())
	switch {
	case m < 12:
		return pick([]string{"10 minutes", "few minutes"})
	case m < 25:
		return pick([]string{"20 minutes", "quarter of an hour"})
	case m < 45:
		return pick([]string{"half an hour", "30 minutes", "half hour"})
	case m < 80:
		return pick([]string{"hour", "hour or so"})
	case m < 150:
		return pick([]string{"two hours", "couple of hours"})
	default:
		return pick([]string{"few hours", "three hours"})
	}
}

func fill(s string, x ctx) string {
	if !strings.Contains(s, "{") {
		return s
	}
	cur := x.c.Org.Currency
	minv := between(3, 8) * 10
	r := strings.NewReplacer(
		"{order2}", fmt.Sprintf("#%d", between(1040, 48200)),
		"{order}", fmt.Sprintf("#%d", between(1040, 48200)),
		"{store}", x.c.Org.Store,
		"{n}", fmt.Sprint(between(3, 24)),
		"{big}", fmt.Sprint(between(30, 220)),
		"{ago}", agoText(x.t.Sub(x.since)),
		"{dur}", durText(x.t.Sub(x.since)),
		"{amt}", money(cur, 18, 240),
		"{code}", pick(discountCodes),
		"{min}", fmt.Sprintf("%s%d", cur, minv),
		"{cart}", money(cur, minv+8, minv+90),
		"{plan}", x.c.Org.Plan,
		"{first}", x.c.First,
		"{org}", x.c.Org.Name,
		"{day}", x.t.Weekday().String(),
		"{product}", pick(products),
		"{staff}", pick([]string{"Sam", "my colleague", "my business partner", "our packer", "my husband", "my wife", "our VA", "Jo", "the warehouse guy"}),
		"{pct}", fmt.Sprint(between(2, 9)*5),
		"{email}", x.c.Email,
	)
	return r.Replace(s)
}

// ---------------------------------------------------------------- dressing

var supportAgents = []string{"Marta", "Jonah", "Priya", "Tomás", "Leila", "Sam K.", "Aoife", "Ben"}

const supportAddr = "ShopKettle Support <support@shopkettle.com>"

var openers = map[string][]string{
	"en": {"Hi,", "Hello,", "Hi there,", "Hi team,", "Hello ShopKettle,", "Hey,", "Good morning,", "Hi support,", "Dear ShopKettle Support,",
		"Hiya,", "Hi all,", "Hello support team,", "Hi folks,", "Morning,", "Afternoon all,", "Help!", "Hey guys,", "To whom it may concern,"},
	"de": {"Hallo,", "Hallo zusammen,", "Guten Tag,", "Hallo ShopKettle-Team,", "Moin,"},
	"fr": {"Bonjour,", "Bonjour à tous,", "Bonjour l'équipe,"},
	"es": {"Hola,", "Hola buenas,", "Buenos días,"},
}

var closings = map[string][]string{
	"en": {"Thanks", "Thanks,", "Thank you", "Many thanks,", "Cheers", "Cheers,", "Regards,", "Kind regards,", "Best,", "Best regards,", "thx",
		"Thanks in advance", "Thanks so much", "ty", "Appreciate it,", "Speak soon,", "Warm regards,", "All the best,"},
	"de": {"Viele Grüße", "Danke und Gruß", "Beste Grüße", "Mit freundlichen Grüßen"},
	"fr": {"Merci", "Cordialement,", "Bonne journée,", "Merci d'avance,"},
	"es": {"Gracias", "Un saludo,", "Saludos,", "Muchas gracias,"},
}

func signature(c *Cust) string {
	switch c.SigStyle {
	case 1:
		return fmt.Sprintf("-- \n%s | %s | %s\n%s", c.Name, c.Title, c.Org.Name, c.Phone)
	case 2:
		return fmt.Sprintf("%s\n%s\nhttps://%s", c.Name, c.Org.Name, c.Org.Store)
	case 3:
		return pick([]string{"Sent from my iPhone", "Sent from my iPhone", "Sent from my iPad"})
	case 4:
		return fmt.Sprintf("%s\n%s, %s\n%s", c.Name, c.Title, c.Org.Name, c.Phone)
	case 5:
		return fmt.Sprintf("%s\n%s · %s\n\nThis email and any files transmitted with it are confidential and intended solely for the use of the individual or entity to whom they are addressed.", c.Name, c.Org.Name, c.Phone)
	case 6:
		return pick([]string{"Get Outlook for iOS", "Get Outlook for Android", "Sent from my Galaxy", "Sent from Yahoo Mail for iPhone"})
	}
	return ""
}

// textBody assembles what the customer typed into a plain-text email body.
func textBody(c *Cust, lang string, parts []string, greet, signoff bool) string {
	var b strings.Builder
	if greet {
		b.WriteString(pick(openers[lang]))
		b.WriteString("\n\n")
	}
	// group the parts into one to three paragraphs
	para := between(1, 3)
	for i, p := range parts {
		if i > 0 {
			if len(p) > 300 || len(parts[i-1]) > 300 || (para > 1 && rng.IntN(len(parts)) < para) {
				b.WriteString("\n\n")
			} else {
				b.WriteString(" ")
			}
		}
		b.WriteString(p)
	}
	if signoff {
		b.WriteString("\n\n")
		b.WriteString(pick(closings[lang]))
		b.WriteString("\n")
		b.WriteString(c.First)
	}
	if sig := signature(c); sig != "" && chance(0.75) {
		b.WriteString("\n\n")
		b.WriteString(sig)
	}
	return b.String()
}

var htmlEsc = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "'", "&#39;", "\"", "&quot;")

// htmlify turns a plain body into the kind of HTML mail clients send.
func htmlify(plain string) string {
	var b strings.Builder
	if chance(0.5) {
		b.WriteString("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head><body>")
	} else {
		b.WriteString("<html><body style=\"font-family: Calibri, Arial, sans-serif; font-size: 11pt;\">")
	}
	useP := chance(0.5)
	for _, para := range strings.Split(plain, "\n\n") {
		lines := strings.Split(para, "\n")
		for i := range lines {
			lines[i] = htmlEsc.Replace(lines[i])
		}
		inner := strings.Join(lines, "<br>")
		if useP {
			b.WriteString("<p>" + inner + "</p>")
		} else {
			b.WriteString("<div dir=\"ltr\">" + inner + "</div><div>&nbsp;</div>")
		}
	}
	b.WriteString("</body></html>")
	s := b.String()
	if chance(0.5) {
		s = strings.Replace(s, ". ", ".&nbsp; ", 1)
	}
	return s
}

func quoteBlock(text string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if l == "" {
			lines[i] = ">"
		} else {
			lines[i] = "> " + l
		}
	}
	return strings.Join(lines, "\n")
}

// quoted appends an earlier message in Gmail, Outlook or Apple Mail style.
func quoted(top string, when time.Time, fromName, fromAddr, toName, toAddr, subject, earlier string) string {
	switch rng.IntN(3) {
	case 0: // Gmail
		return fmt.Sprintf("%s\n\nOn %s at %s, %s <%s> wrote:\n%s", top, when.Format("Mon, 2 Jan 2006"), when.Format("15:04"), fromName, fromAddr, quoteBlock(earlier))
	case 1: // Outlook
		return fmt.Sprintf("%s\n\n-----Original Message-----\nFrom: %s <%s>\nSent: %s\nTo: %s <%s>\nSubject: %s\n\n%s", top, fromName, fromAddr,
			when.Format("Monday, January 2, 2006 3:04 PM"), toName, toAddr, subject, earlier)
	default: // Apple Mail
		return fmt.Sprintf("%s\n\n> On %s, at %s, %s <%s> wrote:\n> \n%s", top, when.Format("2 Jan 2006"), when.Format("15:04"), fromName, fromAddr, quoteBlock(earlier))
	}
}

func forwarded(top string, when time.Time, fromName, fromAddr, toAddr, subject, text string) string {
	return fmt.Sprintf("%s\n\n---------- Forwarded message ---------\nFrom: %s <%s>\nDate: %s\nSubject: %s\nTo: <%s>\n\n%s", top, fromName, fromAddr,
		when.Format("Mon, 2 Jan 2006 at 15:04"), subject, toAddr, text)
}

var botGreetings = []string{
	"Hi there! I'm Kettlebot, ShopKettle's virtual assistant. How can I help today?",
	"Hi there! I'm Kettlebot 🫖 How can I help you with your store today?",
	"Hello! I'm Kettlebot. Ask me anything about ShopKettle, or type 'agent' to talk to a person.",
	"Hi! 👋 I'm Kettlebot, here to help. What can I do for you?",
}

type botMiddle struct {
	text    string
	fillers []string // what the customer types back; "CAT" = the menu choice for the topic; nil = nothing
}

var botMiddles = []botMiddle{
	{"Thanks! I found a few articles that might help:\n  • Troubleshooting your store\n  • Contacting support\nDid this answer your question?", []string{"no", "not really", "no that doesnt help", "No", "nope, need a person"}},
	{"I can help with that! Is this about: Orders, Payments, Shipping, Your plan, or Something else?", []string{"CAT"}},
	{"Got it. Could you tell me a bit more about what's happening?", nil},
	{"Thanks for the details. Let me find someone from the team for you.", nil},
	{"Sorry to hear that! I'm checking our help centre for you…", []string{"agent", "AGENT", "talk to a human please", "human", "ok"}},
}

func menuChoice(formTopic string) string {
	switch {
	case strings.Contains(formTopic, "Payment"):
		return pick([]string{"Payments", "payments"})
	case strings.Contains(formTopic, "Shipping"):
		return pick([]string{"Shipping", "shipping"})
	case strings.Contains(formTopic, "Billing"):
		return pick([]string{"Your plan", "your plan", "Payments"})
	case strings.Contains(formTopic, "Orders"):
		return pick([]string{"Orders", "orders"})
	}
	return pick([]string{"Something else", "something else", "none of those", "other"})
}

var agentLines = []string{
	"Hi {first}, thanks for waiting! Let me take a look.",
	"Hi {first}! I'm reading back through your messages now.",
	"Hello {first}, thanks for your patience. Can you confirm the store URL?",
	"Hi there, thanks for reaching out. One moment while I check your store.",
	"Hi {first}, sorry for the wait today. Looking into it now.",
}

var chatEnds = []string{"", "", "", "Visitor left the chat.", "Chat ended by visitor.", "Conversation closed by agent.", "{first} left the conversation."}

// chatBody builds a chat transcript around the customer's lines.
func chatBody(c *Cust, end time.Time, lines []string, formTopic string) string {
	n := len(lines)
	start := end.Add(-time.Duration(2+n*2+rng.IntN(6)) * time.Minute)
	t := start
	who := pick([]string{"Customer", "Customer", "Visitor", c.First})
	stamp := func() string {
		s := fmt.Sprintf("[%s] ", t.Format("15:04"))
		t = t.Add(time.Duration(20+rng.IntN(90)) * time.Second)
		return s
	}
	x := ctx{c: c, t: end}
	var b strings.Builder
	if chance(0.3) {
		b.WriteString(fmt.Sprintf("Conversation started %s UTC via storefront admin widget\n", start.Format("2 Jan 2006 15:04")))
	}
	b.WriteString(stamp() + "Bot: " + pick(botGreetings) + "\n")
	b.WriteString(stamp() + who + ": " + lines[0] + "\n")
	mid := pick(botMiddles)
	b.WriteString(stamp() + "Bot: " + mid.text + "\n")
	rest := lines[1:]
	if len(mid.fillers) > 0 {
		f := pick(mid.fillers)
		if f == "CAT" {
			f = menuChoice(formTopic)
		}
		b.WriteString(stamp() + who + ": " + f + "\n")
	}
	if chance(0.8) {
		agent := pick(supportAgents)
		b.WriteString(stamp() + "Bot: Connecting you with a member of our team. Typical wait: " + fmt.Sprint(between(2, 12)) + " min.\n")
		b.WriteString(stamp() + agent + " joined the conversation\n")
		b.WriteString(stamp() + "Agent (" + agent + "): " + fill(pick(agentLines), x) + "\n")
	}
	for _, l := range rest {
		b.WriteString(stamp() + who + ": " + l + "\n")
	}
	if e := pick(chatEnds); e != "" {
		b.WriteString(stamp() + fill(e, x) + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

var browsers = []string{"Chrome 124 / macOS 14", "Safari 17.4 / macOS", "Chrome 124 / Windows 11", "Edge 124 / Windows 10", "Firefox 125 / Ubuntu",
	"Safari / iPadOS 17", "Chrome Mobile / Android 14", "Safari / iOS 17.4"}

func apiBody(c *Cust, page, text string) string {
	return fmt.Sprintf("Submitted via: Admin › Help › Report a problem\nStore: %s\nPlan: %s\nPage: %s\nBrowser: %s\n\n%s", c.Org.Store, c.Org.Plan, page, pick(browsers), text)
}

func webBody(c *Cust, topic, text string) string {
	if chance(0.3) {
		return text
	}
	return fmt.Sprintf("Name: %s\nEmail: %s\nStore URL: %s\nWhat can we help with?: %s\n\nMessage:\n%s", c.Name, c.Email, c.Org.Store, topic, text)
}

func pickSource(w [4]float64) string {
	srcs := []string{"email", "web", "chat", "api"}
	return srcs[weekgen.Weighted(rng, w[:])]
}

// ---------------------------------------------------------------- incident text pools

type foreignMsg struct{ lang, subject, body string }

type incPool struct {
	subjects, symptoms, context, asks []string
	chatFirst                         []string // short first lines typed into chat
	late                              []string // lines written after the provider's fix started to land
	shopper                           []string // shopper complaints that merchants forward
	shopperSubj                       []string
	foreign                           []foreignMsg
	long                              []string
	page, formTopic                   string
}

var commonAsks = []string{
	"Can you check what's going on?", "Is this a known issue?", "Please advise asap.", "Is it just us?", "Is something down on your side?",
	"Any idea when this will be fixed?", "Please help.", "Could someone look at this urgently please.", "Is there a status page I can watch?",
	"Can you confirm whether it's us or you?", "What should I do in the meantime?", "Let me know if you need anything from me.",
}

var incFollowups = []string{
	"any update??", "Any update on this? Still happening.", "Still broken. It's been over an hour now.", "Hello?? Anyone there? Still not working.",
	"Following up on my message from earlier, still the same on our end.", "ANY UPDATE PLEASE", "Is there an ETA? We're losing sales.",
	"Still nothing. Can someone at least confirm you're aware?", "Chasing this up. Same problem, nothing has changed.",
	"Hi again, just checking whether there's any news. Still seeing it.", "second email about this. still broken",
	"Seems to be working again on our side now, can you confirm it's fixed?", "Still happening for us as of now. Please update.",
	"Can I get a reply please, this is urgent", "Any news? My phone won't stop ringing.",
}

var foreignFollowups = map[string][]string{
	"de": {"Gibt es schon Neuigkeiten? Bei uns geht es immer noch nicht.", "Hallo, noch einmal wegen meiner Anfrage von vorhin – das Problem besteht weiterhin."},
	"fr": {"Des nouvelles ? Toujours le même problème chez nous.", "Bonjour, je relance : rien n'a changé de notre côté."},
	"es": {"¿Alguna novedad? Seguimos igual.", "Hola de nuevo, sigue sin funcionar. ¿Sabéis algo?"},
}

var supportAck = "Thanks for contacting ShopKettle Support! This is an automatic confirmation that we've received your request. A member of our team will reply as soon as possible (usually within 4 hours on Growth and Pro plans).\n\nIn the meantime, our Help Centre may have the answer: https://help.shopkettle.com"

// ---- inc-order-emails: transactional email provider stalls, order emails not sent

var poolEmails = incPool{
	page: "/admin/settings/notifications/log", formTopic: "Orders & notifications",
	subjects: []string{"Order confirmation emails not sending", "customers not getting their order confirmations", "No order emails since this morning",
		"Not receiving new order notifications", "Shipping confirmation emails stuck?", "emails to customers not going out",
		"URGENT - customers say they never got a receipt", "Order confirmation not received", "Resend confirmation email does nothing",
		"Are emails down?", "Email log says queued for hours", "nobody is getting emails from my store", "Missing order notification emails",
		"customer complaint - no confirmation email", "Notification emails broken?", "Did something change with order emails today?",
		"No 'you have a new order' emails", "Order receipts not being delivered", "Shoppers asking if their order went through", "EMAILS NOT SENDING",
		"Problem with transactional emails", "email notifications", "Staff not getting order alerts", "confirmation emails",
		"Digital download emails not arriving", "Test email never arrives", "Orders coming in but no emails", "Customer emails stuck in queue",
		"Has email stopped working?", "No confirmations going out today"},
	symptoms: []string{
		"None of our customers have received an order confirmation email since this morning.",
		"We've had {n} orders today and I haven't had a single 'new order' notification in my inbox.",
		"Shoppers are emailing us asking whether their order actually went through because they never got a confirmation.",
		"I clicked 'Resend confirmation' on order {order} three times and the customer still has nothing, not even in spam.",
		"In Settings > Notifications > Email log every message from today just says Queued.",
		"The orders are showing up fine in the admin, it's only the emails that aren't going out.",
		"I placed a test order on my own store to check and the confirmation never arrived.",
		"Shipping confirmations aren't going out either - I marked {n} orders as fulfilled and the customers got nothing.",
		"the last order email I got was last night, nothing since",
		"Customers are paying but getting no receipt.",
		"I checked spam, promotions, everything. Nothing from the store today.",
		"The new order notification emails stopped. My staff rely on those to start packing.",
		"Three different customers have messaged asking for their receipt.",
		"'Send test email' in the template editor says sent, but it never arrives.",
		"We sell workshop tickets and the confirmation email IS the ticket, people are panicking.",
		"Abandoned cart emails and order confirmations both seem dead today.",
		"Our Gmail and Outlook addresses both get nothing from the shop.",
		"One customer placed the same order twice because she thought the first one failed, since no email came.",
		"The email log shows 'deferred' for everything after about 9.",
		"Nothing in the email log from today is marked Delivered.",
		"We do click and collect and customers need the confirmation to pick up, none are arriving.",
		"Download links for our digital products go out by email and nobody is getting them.",
		"Gift card emails are not arriving either - a customer bought one for her mum's birthday and it never came.",
		"the order comes through, the money comes through, no email. on every single order today",
		"Order {order} was placed {ago} and the customer still hasn't had the confirmation.",
		"My own copy of the order notification (BCC to the shop address) hasn't come through for any of today's orders.",
		"Customers are ringing the shop to ask if we got their order.",
		"The 'your order has shipped' emails are just sitting in the log as queued.",
		"I changed nothing, emails were fine yesterday.",
		"We got a flood of 'did my order go through?' messages on Instagram this morning.",
		"Even the password-protected wholesale order confirmations are not going out.",
		"Our pre-order customers normally get an email straight away and today nothing.",
		"None of the emails triggered by orders today have been sent as far as I can tell.",
		"The notification log has a little clock icon next to every email since this morning.",
	},
	context: []string{"This has been working fine for two years.", "We haven't changed anything in the notification settings.",
		"We're running a sale today so it's a lot of orders.", "My store is {store}.", "I already checked the sender address is still verified.",
		"I'm on the {plan} plan if that matters.", "I'm getting phone calls about it now.", "We haven't touched our DNS or domain settings.",
		"Tried a different browser, same thing.", "I've looked through the help centre and found nothing.", "It's a launch day for us so timing is awful.",
		"The orders themselves look normal.", "Payments are coming through fine.", "Our template hasn't been edited in months.",
		"I've had {n} customers contact me so far.", "My colleague is seeing the same in her account."},
	asks: []string{"Will the missing emails go out automatically once it's sorted or do I need to resend each one?",
		"Please let me know when it's fixed so I can tell customers.", "Is there a problem with your email sending?",
		"What should I tell customers who are asking?", "Can you push the stuck ones through?", "Is it on your end?"},
	chatFirst: []string{"hi, order confirmation emails arent sending", "are emails down?", "customers not getting confirmation emails",
		"none of my order emails are going out today", "hi my email log says queued on everything", "no new order notifications since this morning"},
	late: []string{"Emails have started coming through now but customers are getting them hours late and some got two at once.",
		"Looks like the confirmations from this morning all arrived in one go just now, customers are confused.",
		"Some of the queued emails went out but I'm not sure all of them did, can you check?",
		"The log now says delivered for most of them but three still say queued."},
	shopperSubj: []string{"Order confirmation?", "did my order go through", "No confirmation email", "Re: your order", "Order query"},
	shopper: []string{
		"Hi, I ordered {product} this morning but haven't received any confirmation email. Did it go through? The money has left my account.",
		"Hello, I placed an order earlier and nothing has come through by email, not even in junk. Can you confirm you have it?",
		"hi just checking my order went through as i got no email confirmation?? thanks",
		"Good morning, I bought a gift card but the email with the code never arrived. It's for a birthday tomorrow.",
		"Hi, I paid for the workshop booking but have no confirmation or ticket. Please advise.",
	},
	foreign: []foreignMsg{
		{"de", "Bestellbestätigungen kommen nicht an", "Hallo,\n\nseit heute Morgen bekommen unsere Kunden keine Bestellbestätigung per E-Mail mehr. Im E-Mail-Protokoll steht bei allen Nachrichten „In Warteschlange“. Wir bekommen auch selbst keine Benachrichtigung über neue Bestellungen.\n\nKönnen Sie das bitte prüfen?\n\nViele Grüße"},
		{"de", "Keine E-Mails an Kunden", "Guten Morgen, mehrere Kunden haben angerufen, weil sie keine Bestätigung erhalten haben. Ist bei euch der Mailversand gestört? Die Bestellungen selbst kommen ganz normal rein."},
		{"es", "No llegan los correos de confirmación", "Hola,\n\nnuestros clientes no están recibiendo el correo de confirmación del pedido desde esta mañana. He mirado en spam y nada. Los pedidos sí aparecen en el panel. ¿Podéis revisarlo?\n\nGracias"},
		{"fr", "Mails de confirmation de commande", "Bonjour, aucun e-mail de confirmation de commande n'est parti ce matin. Les commandes arrivent bien mais les clients ne reçoivent rien. Dans le journal des e-mails tout est « en file d'attente ». Merci de regarder."},
	},
	long: []string{"For context, we're a two-person business and we rely completely on the automatic emails. The confirmation email has the collection instructions, the care guide for the product and a discount for the next order, so when it doesn't go out the customer basically has no idea what happens next. This morning I got in, made a coffee, opened the admin and saw {n} orders from overnight, which is great, but then the first customer email I opened was someone asking whether their order had gone through. Then another one. Then a phone call. I went into the notification log and every single email since about nine has a little clock next to it and says queued. I have not changed the template since Christmas and our domain settings haven't been touched either, I checked with the person who set them up."},
}

// ---- inc-payments-checkout: payment gateway failures; symptom A checkout, symptom B plan renewals

var poolCheckout = incPool{
	page: "/checkout", formTopic: "Payments & checkout",
	subjects: []string{"Customers can't pay", "Checkout failing - 'payment could not be processed'", "URGENT: no one can check out",
		"Card payments failing on my store", "checkout broken??", "Payments not going through", "Payment error at checkout",
		"All card payments declined", "Is checkout down?", "CUSTOMERS CANNOT PAY", "No sales in the last hour", "Apple Pay failing too",
		"checkout spinning forever", "Orders stuck on payment pending", "payment gateway error", "Getting 'gateway_timeout' on checkout",
		"Lost sales - checkout not working", "Pay now button does nothing", "Payment failed for every customer", "Checkout issue",
		"Is there a payments outage?", "problem with payments", "customers getting card declined", "Store not taking payments",
		"checkout error on live store", "card payments down", "Can't complete test order", "Our launch is ruined - checkout failing",
		"Payment processing error", "Urgent - payments", "Checkout keeps erroring", "Shoppers say their cards are being rejected",
		"Nobody can buy anything", "Error processing payment", "help checkout not working", "payments failing since {day} afternoon"},
	symptoms: []string{
		"Customers are getting 'Your payment could not be processed. Please try again.' when they click Pay now.",
		"Every card payment on the store is failing right now.",
		"I tried a test order with my own card and it failed with 'Something went wrong processing your payment'.",
		"We had {n} abandoned checkouts in the last half hour and people are messaging us saying the payment won't go through.",
		"The checkout just spins after Pay now and then says the payment failed.",
		"Customers are being told their card was declined but their banks say nothing was even attempted.",
		"Apple Pay and Google Pay fail too, not just cards.",
		"The error on the checkout page says 'ref: gateway_timeout'.",
		"Orders are showing up in the admin as 'Payment pending' and then switching to 'Payment failed'.",
		"We haven't had a single successful order in the last {dur}.",
		"A customer tried 4 different cards, all rejected.",
		"Our normal {day} afternoon is about {n} orders an hour, we've had zero.",
		"Some payments go through on the second or third try but most just fail.",
		"My customer says she got charged but the order never appeared - or is it just a pending hold?",
		"the pay button greys out, spins for ages then 'payment failed, try again'",
		"Checkout worked fine earlier, stopped working {ago}.",
		"Every order in the last hour is marked as Payment failed in the orders list.",
		"It's not one customer - it's everyone, on mobile and desktop.",
		"We are doing a live TV shopping slot right now and NOBODY CAN PAY.",
		"Customers see a red banner at the payment step: 'We couldn't process your payment'.",
		"The card form loads fine, you type the card in, and then it errors after about 30 seconds.",
		"I have people in the shop queue on the phone telling me online checkout is broken.",
		"Our wholesale customers paying by card are getting errors too.",
		"In the order timeline it says 'Authorization failed: upstream timeout'.",
		"My test order with a card that definitely has money on it failed twice.",
		"Checkout gets to the 3D Secure step and then fails with a generic error.",
		"Both our stores are affected, not just one.",
		"The abandoned checkout list is filling up with people who tried to pay.",
		"Several customers tell us they got a decline message even though their bank shows no attempt.",
		"Payments worked intermittently - one went through {ago}, nothing since.",
		"the checkout page throws an error whenever anyone tries to pay by card",
		"We launched a new collection at 3 and the checkout broke almost immediately.",
		"Customer sent me a screenshot: 'Payment could not be processed (code 502)'.",
		"Orders with PayPal-style wallet payments and card payments both fail at the last step.",
		"It isn't our theme, I switched to the default theme and checkout still fails.",
		"We've lost probably {amt} in sales already.",
		"Customers who retry get the same error every time.",
		"None of the payment methods are working on checkout.",
		"Just watched a customer try to pay on the shop iPad and it timed out.",
		"Our regulars are texting me screenshots of the payment error.",
		"The last successful order came in {ago}, then nothing but failed payments.",
		"Tried a tiny test product for {amt}, declined. Tried again, declined.",
		"Card payments fail after a long wait, wallet payments fail straight away.",
		"The checkout says 'Something went wrong on our end. You have not been charged.'",
		"Every payment attempt shows up as 'Failed - processor error' in the order timeline.",
		"customers getting to the final step and then nothing. no order, no error, just spinning",
		"Shoppers with saved cards get the same failure as new customers.",
		"A few orders went through on a retry but most people give up after one try.",
		"I'm watching the live view: people reach payment and drop off.",
		"Failed payments on desktop and in the mobile app checkout.",
	},
	context: []string{"We haven't changed anything in payment settings.", "This is our busiest day of the month.", "Store is {store}.",
		"We're running an email campaign right now and it's sending people to a broken checkout.", "I'm on the {plan} plan.",
		"I tried Chrome, Safari and my phone.", "It's not our bank, our payouts page looks normal.", "The rest of the store works fine.",
		"Product pages, cart, everything else is fine. Only the payment step.", "We've had the same payment setup for 3 years.",
		"My developer says nothing changed on our end.", "Our Instagram ad is live and burning money.", "I'm at a market stall and can't check myself properly.",
		"Customers are messaging on WhatsApp about it.", "We're a small shop, this really hurts.", "Happened to {staff} as well when testing."},
	asks: []string{"Is the payment gateway down?", "Is this on your end or the payment provider's?", "How long will this take?",
		"Should I turn on manual payments in the meantime?", "Will the failed orders go through by themselves later?",
		"Can you tell me if customers were charged?", "Please fix asap!!", "Can someone call me?", "Do I need to do anything?"},
	chatFirst: []string{"hi customers cant pay", "checkout is broken", "is checkout down right now?", "payments failing on my store",
		"nobody can complete checkout", "urgent - card payments failing", "hello, payment error at checkout for all customers", "is there a payments outage"},
	late: []string{"Payments seem to be going through again now - can you confirm it's fixed and whether I need to contact the customers who failed?",
		"Orders are coming in again. What do I do about the {n} people whose payment failed earlier?",
		"Working again for us but a customer says she was charged twice when she retried, can you check?"},
	shopperSubj: []string{"Can't pay on your website", "Payment problem", "Your checkout isn't working", "order not going through", "Trying to order"},
	shopper: []string{
		"Hi, I've tried to buy {product} three times now and every time it says my payment couldn't be processed. My card works everywhere else. Can you help?",
		"Hello, your checkout keeps failing at the last step. I really want the order before the weekend, is there another way to pay?",
		"hi your website says payment failed when i try to pay with apple pay, is it broken?",
		"Good afternoon, I attempted to place an order and received an error message at payment. Please could you let me know if the order was received?",
		"Your site won't take my card. Tried two cards. Is it your end?",
	},
	foreign: []foreignMsg{
		{"de", "Zahlungen schlagen fehl – Kunden können nicht bezahlen", "Hallo ShopKettle-Team,\n\nseit ungefähr einer halben Stunde können unsere Kunden im Shop nicht mehr mit Karte bezahlen. Beim Klick auf „Jetzt bezahlen“ kommt nur „Die Zahlung konnte nicht verarbeitet werden“. Wir haben nichts an den Einstellungen geändert. Können Sie das bitte dringend prüfen?\n\nViele Grüße"},
		{"de", "Checkout kaputt??", "Hi, bei uns geht seit einer Weile keine einzige Bestellung durch, Kreditkarte und Apple Pay brechen beide ab. Ist das ein allgemeines Problem bei euch?"},
		{"fr", "Paiement impossible sur la boutique", "Bonjour,\n\ndepuis environ 30 minutes aucun client ne peut payer par carte sur notre boutique. Le message « Le paiement n'a pas pu être traité » s'affiche à chaque fois. Pouvez-vous regarder rapidement ?\n\nMerci"},
		{"es", "No se pueden hacer pagos en la tienda", "Hola, desde hace un rato ningún cliente puede completar la compra. Al pagar con tarjeta sale 'No se pudo procesar el pago'. ¿Tenéis algún problema? Estamos perdiendo ventas."},
		{"es", "error al pagar", "hola buenas, mis clientes me escriben por instagram que el pago no funciona, lo he probado yo y me da error tambien. ayuda por favor"},
	},
	long: []string{"Bit of background so you understand why I'm so stressed: we've spent the last six weeks building up to today's drop. We emailed our whole list of about 9,000 people at 3pm, we've got two influencers posting stories right now, and we paid for a slot in a newsletter that went out at the same time. Traffic is through the roof, the live view in the dashboard shows over a hundred people on the site, the add to cart numbers look amazing, and then at the payment step everything just dies. I have tried it myself on my laptop and on my phone with two different cards and got the same message both times. My business partner tried from her house with her card, same thing. I have had about fifteen DMs in the last half hour from people saying they can't pay and asking if the drop is cancelled. I honestly don't know what to tell them. If this is a problem on your side I need to know right now so I can at least post something on our socials and maybe push the launch back. If it's something we did then please tell me what, because as far as I know nobody has touched the settings."},
}

var poolRenewal = incPool{
	page: "/admin/settings/billing", formTopic: "Billing & plans",
	subjects: []string{"Plan payment failed?", "Got an email that my subscription payment failed", "Card declined for my ShopKettle plan - card is fine",
		"Why did my renewal fail", "Store will be paused??", "Billing says my payment method was declined", "Can't update card in billing",
		"Subscription renewal failed", "ShopKettle plan charge failed", "Payment failed notice", "Re: Action needed: payment for your ShopKettle plan failed",
		"billing error when saving new card", "Red banner in admin about failed payment", "renewal problem", "My plan payment won't go through",
		"Please don't pause my store", "Failed to charge my card?", "Monthly plan payment declined"},
	symptoms: []string{
		"I just got an email saying the payment for our {plan} plan failed and the store will be paused if it isn't paid.",
		"There's a red banner across the top of the admin saying 'Your payment method was declined'.",
		"The card on file is valid, I used it an hour ago, and my bank says no payment was attempted.",
		"I tried to update the card in Settings > Billing and it just says 'We couldn't save your card. Please try again'.",
		"Clicking 'Retry payment' on the billing page fails every time.",
		"Our monthly renewal was due today and it failed.",
		"I added a brand new card and that failed too.",
		"Billing page shows the invoice as 'Failed' with no reason.",
		"It says my subscription is past due, which is news to me.",
		"The renewal email says 'card declined' but my bank app shows nothing.",
		"Two of our stores got the failed payment email within ten minutes of each other.",
		"I can't even pay the invoice manually, the pay button errors.",
		"I'm worried the store will go offline - we can't afford that.",
		"the banner says we have 3 days to update payment or the store is paused",
		"Our card is a business Amex that has never had a problem.",
	},
	context: []string{"Card expires in 2028 so it's not that.", "We've been on ShopKettle for 4 years and never had this.", "I'm the account owner.",
		"My customers are also saying checkout is failing, not sure if related.", "Store: {store}.", "I'm on the {plan} plan, billed monthly.",
		"I spoke to my bank and they see no declined transaction."},
	asks: []string{"Please don't pause the store.", "Can you confirm our account is fine?", "How do I pay it?", "Is the billing system having issues?",
		"Can you retry the charge manually?", "Is this connected to the checkout problems?"},
	chatFirst: []string{"hi my plan payment failed but card is fine", "billing page says payment declined?", "got email my store will be paused",
		"cant update my card in billing"},
	late: []string{"The retry just worked, banner gone. Was this your side?"},
	foreign: []foreignMsg{
		{"de", "Abo-Zahlung fehlgeschlagen", "Guten Tag,\n\nich habe gerade eine E-Mail bekommen, dass die Zahlung für unseren ShopKettle-Tarif fehlgeschlagen ist und der Shop pausiert wird. Die Karte ist aber gültig und gedeckt, ich habe sie heute noch benutzt. Was ist da los?\n\nMit freundlichen Grüßen"},
		{"fr", "Échec du renouvellement de l'abonnement", "Bonjour, j'ai reçu un mail indiquant que le prélèvement de mon abonnement ShopKettle a échoué, alors que ma carte fonctionne parfaitement. En plus mes clientes me disent qu'elles ne peuvent plus payer. Est-ce que c'est lié ?"},
	},
}

var billingFailedMail = "Hi {first},\n\nWe couldn't process the payment for your ShopKettle {plan} plan.\n\nAmount due: {amt}\nReason: Your card was declined.\n\nTo keep your store online, please update your payment method within 3 days: https://admin.shopkettle.com/settings/billing\n\nThe ShopKettle team"

// ---- inc-cdn-images: CDN edge errors; symptom A storefront images, symptom B admin dashboard assets

var poolImages = incPool{
	page: "/products", formTopic: "Storefront & themes",
	subjects: []string{"Product images not loading", "All my pictures are gone from the store", "broken images on storefront", "Images missing on website",
		"Site looks broken - no photos", "IMAGES NOT SHOWING", "Homepage banner disappeared", "Product photos showing grey boxes",
		"images not loading on mobile or desktop", "Store images broken?", "Is the image server down?", "Photos not displaying",
		"Collection page has no images", "Customer says our site is broken", "Product images 503", "thumbnails missing everywhere",
		"images", "Pictures won't load", "Logo and images missing from store", "Why are my product images broken",
		"All product images show the broken image icon", "Images loading very slowly then failing", "Our store looks empty"},
	symptoms: []string{
		"None of the product images on our store are loading, just empty boxes with the little broken picture icon.",
		"Our homepage banner, logo and every product photo have vanished.",
		"If I open an image directly it says '503 Service Unavailable'.",
		"The images load on my phone on 4G but not on the shop wifi - or sometimes the other way round.",
		"Half the images load after a minute, the rest never do.",
		"Customers are emailing to ask if we've closed because the site looks empty.",
		"The collection pages are just a grid of grey squares.",
		"Right-click > open image gives an error page from the image server.",
		"Images were fine first thing, they broke {ago}.",
		"The product zoom doesn't work because the big image never loads.",
		"The store is technically up, you can add to cart, but there are no pictures so nobody is buying.",
		"Our logo is missing from the header and the favicon too.",
		"Even images I uploaded years ago are broken.",
		"In the image URL I can see it's trying to load from cdn.shopkettle-media.net and timing out.",
		"The product pages load but without any photos and the page layout jumps around.",
		"It's every product, not just new ones.",
		"Ad traffic is landing on product pages with no images. Great.",
		"Images are broken in the order confirmation emails too, just a red x.",
		"refreshed like 20 times, cleared cache, incognito, still no images",
		"A friend in another city checked and she sees the same broken images.",
		"Our lookbook page is completely blank now.",
		"Some images come back after a refresh, then break again.",
		"Our banner slideshow is just a grey rectangle now.",
		"Product pages show the alt text where the photo should be.",
		"Images in the product editor preview are broken too, so it's not just the storefront.",
		"I uploaded a new photo to test and the upload finished but it still shows as broken.",
		"The whole shop looks like it's from 1998, text and empty boxes.",
		"On mobile I get a few images, on desktop none at all.",
	},
	context: []string{"Haven't changed the theme in weeks.", "Store: {store}.", "We're on the {plan} plan.", "It's a photography-led brand so this is a disaster.",
		"Tried Chrome, Firefox and Safari.", "Cleared cache already.", "We've got a sale starting at lunch.", "I haven't touched anything.",
		"The text and prices are all there, just the images.", "Our custom domain still resolves fine."},
	asks: []string{"Is your image hosting down?", "Please tell me it's not something I did.", "When will images be back?", "Is it a CDN problem?"},
	chatFirst: []string{"hi, no images on my store", "product images not loading", "are images down?", "all my photos disappeared from the website",
		"hello my site has broken images everywhere"},
	late: []string{"Images came back for a few minutes and now they're broken again on our side.", "Still broken here even though a friend says she can see them now?",
		"Most images are back but a few products still show the broken icon."},
	shopperSubj: []string{"Your website", "Website not working?", "no pictures"},
	shopper: []string{"Hi, just letting you know your website isn't showing any pictures, I wanted to order but can't see what I'm buying!",
		"Hello, is your shop closing? All the product photos are gone.", "hi your site looks broken on my phone, no images at all"},
	foreign: []foreignMsg{
		{"fr", "Images qui ne s'affichent plus", "Bonjour, toutes les photos produits de notre boutique ont disparu, on ne voit que des carrés gris. Sur mobile comme sur ordinateur. Que se passe-t-il ?"},
		{"de", "Produktbilder weg", "Hallo,\n\nin unserem Shop werden keine Bilder mehr geladen, überall nur kaputte Bildsymbole. Das Admin-Backend sieht auch komisch aus, ganz ohne Layout. Bitte um Rückmeldung.\n\nDanke"},
		{"es", "Las imágenes no cargan", "Hola, las fotos de los productos no aparecen en la tienda, sale el icono de imagen rota. ¿Es cosa vuestra?"},
	},
	long: []string{"I'll give you the whole story because I've been going round in circles for forty minutes. I came in, opened the store on the big screen in the studio like I do every morning, and the homepage was just text. No banner, no logo, no product images. My first thought was that I'd somehow deleted the images, because I was tidying up the media library yesterday evening, so I spent a good twenty minutes checking the product editor - except the product editor was also half broken, I could see the product names but not the photos. Then I thought maybe it's my internet, so I turned off wifi on my phone and tried on mobile data, and the store loaded with maybe three images out of forty. Then I asked my sister to check from her house and she said the same. I tried incognito, cleared the cache, tried another browser, restarted the router, nothing. Then a customer emailed asking if we were closing down because the website looked empty, which is when I thought I'd better contact you."},
}

var poolAdmin = incPool{
	page: "/admin", formTopic: "Account & admin",
	subjects: []string{"Admin dashboard won't load", "Dashboard is a blank white page", "Admin broken - no styling", "can't get into the admin, stuck loading",
		"Admin panel not working", "Dashboard stuck on loading spinner", "Product editor won't open", "admin looks weird, just plain text",
		"Can't use admin", "Admin area broken?", "Dashboard not loading properly", "Orders page blank"},
	symptoms: []string{
		"The admin dashboard just shows a blank white page after I log in.",
		"The admin loads but with no styling at all, just a list of blue links on a white page.",
		"It's stuck on the loading kettle animation and never gets past it.",
		"I can log in fine, it's after that - the dashboard never finishes loading.",
		"The orders page is blank and the product editor won't open.",
		"Buttons in the admin do nothing, I think the scripts aren't loading.",
		"The browser console says failed to load resource, 503, for a bunch of .js and .css files.",
		"Some pages in the admin load, others are blank.",
		"I can't upload or edit anything because the editor never appears.",
		"The dashboard charts and the sidebar are missing.",
		"admin is unusable, everything is unstyled and nothing clicks",
	},
	context: []string{"Logged out and back in, same.", "Tried two computers.", "I need to fulfil orders this morning.", "My colleague sees the same thing.",
		"Store front is also missing images.", "Haven't installed any new apps."},
	asks:      []string{"Is the admin down?", "How am I supposed to process orders?", "Is there a workaround?"},
	chatFirst: []string{"admin dashboard wont load", "my dashboard is blank", "admin has no styling??", "stuck on loading in admin"},
	foreign: []foreignMsg{
		{"fr", "Tableau de bord inaccessible", "Bonjour, le tableau de bord admin reste une page blanche depuis ce matin, impossible d'ajouter des produits ou de voir les commandes. Merci de votre aide."},
	},
}

// ---- inc-label-purchase: shipping-label API fails to create labels

var poolLabels = incPool{
	page: "/admin/orders/fulfill", formTopic: "Shipping & fulfilment",
	subjects: []string{"Can't buy shipping labels", "Label creation failing", "Error: Unable to create label", "Shipping labels not working",
		"Bulk label purchase failed", "Carrier service unavailable error", "labels wont generate", "URGENT shipping labels - pickup at 5",
		"Can't print labels", "Shipping rates not loading in label screen", "Buy label button error", "label purchase error",
		"Unable to fulfil orders - label error", "Shipping label problem", "Labels down?", "Why can't I create labels today",
		"Rates unavailable when buying postage", "postage not working"},
	symptoms: []string{
		"Every time I click Buy label I get 'Unable to create label: carrier service unavailable'.",
		"Bulk buying labels for {n} orders failed on every single one.",
		"The rates box in the label screen just says 'No rates available' for every service.",
		"I've been trying to buy labels for the last {dur} and nothing works.",
		"It doesn't charge us anything, it just errors out.",
		"The label screen spins and then shows a red error.",
		"Our courier collects at 5 and I have {n} parcels with no labels.",
		"Labels worked fine this morning, the last one I bought was at lunchtime.",
		"Both the cheap service and express fail the same way.",
		"The error says 'carrier_unavailable' when I look at the details.",
		"I can't fulfil anything because we only ship with purchased labels.",
		"Even a single label for a small letter-size parcel fails.",
		"label screen gives error 503 whatever service I pick",
		"The rate quote at checkout also seems to be missing - customers only see the flat rate fallback.",
		"It fails for domestic and international.",
		"I tried from the mobile app as well, same error when buying a label.",
	},
	context: []string{"Parcel weights and dimensions are all filled in.", "Our return address hasn't changed.", "Store: {store}.",
		"We ship about {big} orders a day.", "Label balance is topped up.", "We didn't change any shipping settings.", "It's our dispatch day."},
	asks:      []string{"Is the label service down?", "Should I buy postage elsewhere today?", "When will it work again?", "Can you escalate this?"},
	chatFirst: []string{"cant buy shipping labels", "label creation failing", "getting carrier service unavailable when buying labels", "shipping labels down?"},
	late:      []string{"Labels working again now - what happened?", "Managed to buy some labels now but a couple still failed, retrying."},
	foreign: []foreignMsg{
		{"de", "Versandetiketten lassen sich nicht kaufen", "Hallo,\n\nbeim Erstellen von Versandetiketten bekomme ich immer „Unable to create label: carrier service unavailable“. Wir müssen heute noch 40 Pakete rausschicken, die Abholung kommt um 18 Uhr!\n\nGruß"},
		{"fr", "Impossible de créer des étiquettes d'expédition", "Bonjour, depuis cet après-midi impossible d'acheter des étiquettes, erreur « carrier service unavailable » à chaque fois. Nos colis doivent partir ce soir. Merci"},
	},
}

// ---- inc-tracking-stale: shipping-label API tracking events delayed

var poolTracking = incPool{
	page: "/admin/orders", formTopic: "Shipping & fulfilment",
	subjects: []string{"Tracking not updating", "Orders stuck on 'Label created'", "Customers say tracking number not found", "tracking page blank",
		"Tracking info not showing", "Parcels collected but still 'awaiting pickup'", "Order status not changing to shipped", "Tracking stuck since yesterday",
		"tracking problem", "Customers asking where their parcel is", "Tracking not syncing", "In transit status not updating"},
	symptoms: []string{
		"Parcels were collected yesterday but every order still says 'Label created' in the admin.",
		"Customers are clicking the tracking link on our store and it says no tracking information yet.",
		"The order status page hasn't moved to In transit for any orders since last night.",
		"I can see on the carrier's own site that the parcel has moved, but ShopKettle still shows nothing.",
		"None of the 'out for delivery' emails went out because the tracking never updated.",
		"The tracking timeline in the order is empty apart from 'label purchased'.",
		"We've had {n} customers ask where their order is this morning.",
		"It's all orders shipped since yesterday afternoon, not just one carrier.",
		"Tracking was updating fine until yesterday.",
		"The 'track your order' page just says 'We'll update this as soon as we hear from the carrier'.",
	},
	context: []string{"Labels print fine, it's just the tracking.", "Store: {store}.", "It's Saturday and I'm on my own in the shop.",
		"Weekend orders are our busiest.", "Nothing changed in our shipping setup."},
	asks:        []string{"Is tracking broken?", "Will it catch up by itself?", "What do I tell customers?"},
	chatFirst:   []string{"tracking not updating on my orders", "orders stuck on label created", "customers say tracking not found"},
	late:        []string{"Tracking seems to be updating now, lots of orders jumped to delivered at once."},
	shopperSubj: []string{"Where is my order?", "Tracking not working", "order status"},
	shopper: []string{"Hi, my tracking link just says no information yet but you said it was sent yesterday. Has it actually been posted?",
		"Hello, the tracking page on your site is empty for my order. Can you check?", "where is my parcel? tracking says nothing"},
	foreign: []foreignMsg{
		{"fr", "Suivi des colis bloqué", "Bonjour, le suivi de nos commandes ne se met plus à jour depuis hier. Tout reste sur « Étiquette créée » alors que les colis sont partis. Les clients nous écrivent. Merci de vérifier."},
	},
}

// ---- inc-discount-bug: ShopKettle's own release breaks minimum-spend discount codes

var poolDiscount = incPool{
	page: "/checkout", formTopic: "Discounts & promotions",
	subjects: []string{"Discount code not working", "Code says minimum not met but it is", "Customers can't use our discount code", "minimum spend discount broken",
		"Promo code rejected", "discount codes broken since today?", "Code {code} not applying", "Customer complaint - discount code", "Minimum order amount bug",
		"Coupon not accepted at checkout", "discount issue", "Our sale code stopped working", "Free shipping code rejected", "Code error 'requires a minimum order'",
		"Why is my discount code invalid"},
	symptoms: []string{
		"Our code {code} has a minimum order of {min} and customers with {cart} in their cart are being told 'This code requires a minimum order of {min}'.",
		"Discount codes with a minimum spend are rejected at checkout even when the basket is well over the minimum.",
		"I tested it myself with {cart} in the cart and got 'minimum not met'.",
		"Codes without a minimum still work, it's only the ones with a minimum order amount.",
		"A customer emailed a screenshot: cart {cart}, code {code}, message says the minimum is {min}.",
		"The free shipping code over {min} is being rejected for everyone.",
		"This started today - yesterday the same code worked fine.",
		"If I remove the minimum from the code it works, but then anyone can use it on a tiny order.",
		"It seems to compare against something other than the cart total - maybe before tax or only one item?",
		"Customers are abandoning checkout because the code we advertised doesn't work.",
		"the discount box goes red and says not valid for this cart, cart is way over the min",
		"The code works if the cart has only one product but not with two or more products.",
	},
	context: []string{"We sent the code to {big} newsletter subscribers this morning.", "Store: {store}.", "Code hasn't been edited since we created it.",
		"I've had {n} complaints so far.", "It's printed on flyers so I can't just change it.", "We haven't changed anything."},
	asks:        []string{"Did you change something in an update?", "Is this a bug?", "Please fix, customers are annoyed.", "Is there a workaround for today?"},
	chatFirst:   []string{"discount code says minimum not met but cart is over", "our promo code is rejected", "min spend discount not working"},
	shopperSubj: []string{"Discount code doesn't work", "code not working"},
	shopper: []string{"Hi, I'm trying to use the code from your newsletter but it says I haven't reached the minimum order, and I'm well over it. Can you help?",
		"Your discount code doesn't work, says minimum order not reached but my basket is way above?"},
	foreign: []foreignMsg{
		{"es", "Código de descuento no funciona", "Hola, desde hoy el código VERANO15 dice que no se cumple el pedido mínimo de 40 €, pero el carrito tiene 65 €. Los clientes se quejan. ¿Habéis cambiado algo?"},
		{"de", "Rabattcode wird abgelehnt", "Hallo, unser Code WILLKOMMEN10 (Mindestbestellwert 30 €) wird seit heute abgelehnt, obwohl der Warenkorb deutlich darüber liegt. Ohne Mindestbestellwert funktioniert er. Ist das ein Fehler bei euch?"},
	},
}

// ---------------------------------------------------------------- background topics

type Topic struct {
	key       string
	weight    float64
	formTopic string
	page      string
	subjects  []string
	core      []string
	extra     []string
	chat      []string // optional short chat openers
}

var bgTopics = []Topic{
	{key: "invoice", weight: 1.3, formTopic: "Billing & plans", page: "/admin/settings/billing",
		subjects: []string{"Invoice request", "invoice question", "Invoices", "Quick billing question"},
		core: []string{"Invoice for April?|Last month's invoice::Could you send me an invoice for last month's plan payment?",
			"Need a VAT invoice|VAT number on invoices::My accountant needs proper invoices with our VAT number on them.",
			"Where do I find my invoices?|Past invoices::Where can I download past invoices? I can only see the last one.",
			"Invoice address wrong|Update billing address::The invoice shows my old business address, can it be updated?",
			"Send invoices to bookkeeper|Invoice email::Can invoices be emailed to our bookkeeper automatically?",
			"Need invoices for my accountant|Invoices Jan-Apr::I need all invoices from January to April as PDFs for our tax return.",
			"Company number on invoice::Can you add our company registration number to the invoice?",
			"Invoice in wrong name|invoice should be in company name::The invoice is in my personal name but it should be the company."},
		extra: []string{"Our VAT number is GB{big}{big}{n}.", "Our bookkeeper is accounts@{store}.", "Thanks for your help.", "It's for the year end.", "No rush."}},
	{key: "charge-question", weight: 1.0, formTopic: "Billing & plans", page: "/admin/settings/billing",
		subjects: []string{"Question about a charge", "Billing question", "Query about my bill"},
		core: []string{"Bill higher this month|Why was my bill {amt}?::My bill this month is {amt}, usually it's less. What's the extra?",
			"What is this charge?|Unexpected charge on card::I see a charge from ShopKettle that I don't recognise, can you explain it?",
			"Transaction fees?|Are fees included in the plan?::Are transaction fees included in the plan price or charged separately?",
			"App charges on my bill::There are two lines on my invoice for apps I thought were free.",
			"Charged for the wrong plan|Still charged for {plan}::I was charged for the {plan} plan but I downgraded last week.",
			"Why transaction fees?::Why am I paying transaction fees if I use your payments?",
			"Charged early this month?::I got charged a few days earlier than usual this month, why?"},
		extra: []string{"Not a big deal, just want to understand.", "Please send a breakdown.", "I'm checking our expenses.", "Thanks!"}},
	{key: "refund", weight: 0.6, formTopic: "Billing & plans", page: "/admin/settings/billing",
		subjects: []string{"Refund request", "refund please", "Please refund last payment"},
		core: []string{"Charged after cancelling|Still charged after cancellation::I cancelled last month but was still charged {amt} this month. Can I get a refund?",
			"Refund for annual plan?|Wrong billing period::I accidentally upgraded to the annual plan instead of monthly, can it be refunded?",
			"Refund renewal - shop closed::We closed the shop at the start of the month, could you refund the renewal?",
			"Refund for app charge::I was charged for an app I uninstalled straight away."},
		extra: []string{"Happy to send screenshots.", "Card ending {n}{n}.", "Thanks for understanding."}},
	{key: "plan-change", weight: 1.3, formTopic: "Billing & plans", page: "/admin/settings/plan",
		subjects: []string{"Plan change", "pricing question", "Question about plans"},
		core: []string{"Difference between Growth and Pro?|Growth vs Pro::What's the actual difference between Growth and Pro? Is it just the staff accounts?",
			"Downgrade my plan|Downgrade to Starter::I'd like to downgrade to Starter from next month.",
			"Switch to annual billing::If I switch to annual billing now, do I get credit for the rest of this month?",
			"Can I pause my plan for winter?|Seasonal pause::Can I pause my plan over the winter when the shop is closed?",
			"What plan do I need for multiple staff?::We need 5 staff accounts, which plan does that?",
			"Pro plan card fees::Does the Pro plan include lower card fees?",
			"Move to monthly billing::How do I move to monthly billing?",
			"Downgrade - will I lose theme changes?::Do I lose my theme customisations if I downgrade?",
			"Charity discount?::Is there a discount for charities? We're a registered charity shop."},
		extra: []string{"We're a seasonal business.", "Just trying to cut costs a bit.", "We've grown a lot this year which is lovely.", "Thanks in advance."}},
	{key: "howto-products", weight: 1.6, formTopic: "Products & inventory", page: "/admin/products",
		subjects: []string{"How do I...", "product question", "Quick question", "Help with products"},
		core: []string{"How to add variants|Size and colour options::How do I add both size and colour as options on one product?",
			"bulk edit prices?|Change prices for a collection::Is there a way to change prices on all products in a collection at once?",
			"How do I add a size chart::Where do I put a size chart so it shows on every product page?",
			"Hide a product without deleting it::Can I hide a product from the store without deleting it?",
			"Set up pre-orders?::Can I take pre-orders for something that isn't in stock yet?",
			"How to add a product to two collections::How do I add the same product to two collections?",
			"Inventory tracking question|Stock per variant::I want to track stock for each variant separately, how?",
			"Duplicate a product::Is there a quick way to duplicate a product with all its variants?",
			"How to schedule a product launch::Can I schedule a product to go live at a certain time?",
			"Show a product as on sale|compare-at price::How do I set a compare-at price so it shows as on sale?",
			"Variant limit?::What's the maximum number of variants per product?",
			"Reorder products in a collection::How do I reorder products inside a collection?"},
		extra: []string{"I looked in the help centre but got a bit lost.", "Sorry if this is obvious!", "We have about {big} products.", "Screenshots welcome :)",
			"I'm new to this.", "Using the Nook theme."}},
	{key: "howto-shipping", weight: 1.2, formTopic: "Shipping & fulfilment", page: "/admin/settings/shipping",
		subjects: []string{"shipping question", "Shipping settings", "Question about shipping rates"},
		core: []string{"Free shipping over a certain amount::How do I offer free shipping over {min} but charge a flat rate below that?",
			"How to charge shipping by weight::Can I charge shipping based on weight instead of per order?",
			"Local delivery option?::Is there a local delivery option for customers within 10 miles?",
			"Stop shipping to some countries|International shipping zones::How do I stop shipping to certain countries?",
			"Click and collect setup::Can I set up click and collect from our shop?",
			"Different shipping for heavy items::One of our products is huge, can it have its own shipping rate?",
			"Handling fee::How do I add a handling fee to shipping?",
			"Weird shipping price for NI::Customers in Northern Ireland get a weird shipping price, where is that set?"},
		extra: []string{"Thanks!", "Currently everything is one flat rate.", "We're a small team so simpler is better."}},
	{key: "howto-theme", weight: 1.3, formTopic: "Storefront & themes", page: "/admin/themes/editor",
		subjects: []string{"Theme question", "Theme customisation question", "Help with my theme"},
		core: []string{"Change font on my theme|Heading font::How do I change the font for headings only?",
			"How to edit the footer::Where can I edit the text in the footer? It still says the demo text.",
			"Add Instagram feed to homepage::Can I add an Instagram feed to the homepage?",
			"Change button colour::How do I change the colour of the Add to cart button?",
			"Announcement bar::I want an announcement bar at the top for the sale, how?",
			"Edit the menu|How to add a page to the menu::How do I add a 'Wholesale' page to the main menu?",
			"Logo size on mobile::Can I make the logo bigger on mobile?",
			"Remove 'Powered by ShopKettle'::How do I remove 'Powered by ShopKettle' from the footer?",
			"Custom font?::Can I use a custom font file?"},
		extra: []string{"Not a coder!", "Using the Orchard theme.", "Thanks a lot.", "Store: {store}."}},
	{key: "domain", weight: 0.9, formTopic: "Domains", page: "/admin/settings/domains",
		subjects: []string{"domain question", "Custom domain", "Question about my domain"},
		core: []string{"Connect my domain|How to point domain to ShopKettle::I bought a domain from another registrar, how do I connect it to my store?",
			"Domain still pending|Domain verification pending::I only connected the domain yesterday and it still says 'pending verification' - how long does that normally take?",
			"Which DNS records?::Which DNS records do I need to add? The help article mentions an A record and a CNAME.",
			"Use a subdomain for the shop?::Can I use shop.mydomain.com instead of the main domain?",
			"Email with my domain?::Do you provide email addresses on my domain or do I need something else?",
			"Transfer domain::How do I transfer my domain to ShopKettle completely?",
			"Two domains one store?::Can I connect two domains to one store?"},
		extra: []string{"Domain is {store}.", "I'm not technical at all.", "The registrar's support wasn't much help.", "Thank you!"}},
	{key: "integrations", weight: 1.2, formTopic: "Apps & integrations", page: "/admin/apps",
		subjects: []string{"Integration question", "Apps question"},
		core: []string{"Connect to Mailmoth|Mailmoth integration?::Is there an integration with Mailmoth for our newsletter?",
			"LedgerLeaf integration|Sync orders to accounting::How do I sync orders to LedgerLeaf for bookkeeping?",
			"Google Analytics setup::Where do I paste our analytics measurement ID?",
			"Facebook pixel::How do I add the Facebook pixel to the store?",
			"Instagram shopping::Can I tag products in Instagram posts from ShopKettle?",
			"Does ShopKettle have an API?::Do you have a public API? Our developer wants to sync stock with our warehouse system.",
			"Point of sale|Selling at markets::Can I sell in person at markets and sync the stock?",
			"LedgerLeaf says reconnect required::The LedgerLeaf app shows 'reconnect required', how do I reconnect?"},
		extra: []string{"Thanks.", "We used to be on another platform where this was built in.", "Cheers."}},
	{key: "export", weight: 0.9, formTopic: "Data & privacy", page: "/admin/orders/export",
		subjects: []string{"export question", "Data question"},
		core: []string{"Export orders to CSV|Orders export::How can I export all orders from last year to a spreadsheet?",
			"Customer list export::Can I export our customer list with marketing consent?",
			"GDPR request from a customer|Delete customer data::A customer asked us to delete all their data, how do I do that in ShopKettle?",
			"Product CSV with stock::I need a CSV of all products with stock levels.",
			"How to get a sales report|Sales by product::Is there a sales-by-product report for the last quarter?",
			"Discount code in export::The order export doesn't include the discount code used, can it?",
			"Data access request::A customer wants a copy of all data we hold about them."},
		extra: []string{"For our accountant.", "We're doing a stocktake.", "Thanks in advance."}},
	{key: "account-change", weight: 1.0, formTopic: "Account & admin", page: "/admin/settings/account",
		subjects: []string{"Account question", "Account settings"},
		core: []string{"Change store owner|Transfer ownership::How do I transfer ownership of the store to my business partner?",
			"Add a staff member|Staff permissions::We need to add a new staff member who can only see orders.",
			"Remove a former employee::Please remove access for someone who left the company.",
			"Change account email|Change login email::I'd like to change the email I log in with.",
			"Staff and billing page::Can staff see the billing page? I'd rather they couldn't.",
			"Change business name|Rebrand::We've rebranded, how do I change the store name everywhere?",
			"Update store contact email::Where do I change the contact email that customers see?"},
		extra: []string{"I'm the owner on the account.", "Thanks.", "Happy to verify whatever you need."}},
	{key: "cancel", weight: 0.7, formTopic: "Billing & plans", page: "/admin/settings/plan",
		subjects: []string{"Cancel my account", "Cancellation", "Cancel subscription please"},
		core: []string{"Close my store|We're closing the business::We're closing the shop at the end of the month, how do I cancel?",
			"Cancel subscription please::Please cancel my subscription, I'm moving to selling at markets only.",
			"Close store but keep data::How do I close the store but keep my data for a while?",
			"What happens to my domain if I cancel?::If I cancel, what happens to my domain?",
			"Close account and delete data::Please close our account and delete our data."},
		extra: []string{"Thanks for everything.", "It's been a hard year.", "Nothing wrong with ShopKettle, just retiring.", "Can you confirm by email?"}},
	{key: "payouts", weight: 0.8, formTopic: "Payments & checkout", page: "/admin/payments/payouts",
		subjects: []string{"Payout question", "Question about payouts"},
		core: []string{"When do payouts arrive?::How long after an order do payouts land in my bank?",
			"Payout schedule|Weekly payouts?::Can I change the payout schedule to weekly?",
			"Change payout bank account::I need to change the bank account payouts go to.",
			"Payout amount doesn't match::The payout on Friday was less than the sales that day, what was deducted?",
			"Payouts to two accounts?::Can payouts go to two accounts?",
			"Payout a day late?::Last week's payout seems to be a day late, is that normal with a bank holiday?"},
		extra: []string{"Thanks.", "Just budgeting.", "New business account."}},
	{key: "feature-request", weight: 1.0, formTopic: "Feedback", page: "/admin",
		subjects: []string{"Suggestion", "Feature idea", "Feature request"},
		core: []string{"Feature request: wishlist::It would be great if customers could save items to a wishlist.",
			"Please add gift wrapping option::Any plans for a gift wrapping option at checkout?",
			"Multi-currency?::Do you plan to support showing prices in multiple currencies?",
			"Would love a loyalty program::A built-in loyalty points program would be amazing.",
			"Request: product bundles::Please add proper product bundles!",
			"Feature request - order notes::Could customers add a note to their order for delivery instructions?",
			"Dark mode please::Can you add dark mode to the admin? I work late.",
			"Bulk packing slips::I'd love a way to print packing slips in bulk with our logo."},
		extra: []string{"Love the platform otherwise.", "Other shop owners in my Facebook group want this too.", "Just a suggestion!", "Keep up the good work."}},
	{key: "import", weight: 0.7, formTopic: "Products & inventory", page: "/admin/products/import",
		subjects: []string{"Import question", "Product import"},
		core: []string{"CSV import errors|Import says invalid price::My product CSV import says 'row 14: invalid price' but the price looks fine.",
			"Importing from another platform::Can I import products from my old store's export file?",
			"Import created duplicates::The import created duplicate products, how do I undo it?",
			"Images didn't import::Images in my CSV didn't import, only the text did."},
		extra: []string{"File attached.", "There are {big} rows.", "Thanks."}},
	{key: "single-bug", weight: 1.2, formTopic: "Something isn't working", page: "/admin",
		subjects: []string{"Weird bug", "Bug?", "Something odd"},
		core: []string{"Variant price wrong on my product page::On one product the price doesn't change when you pick a different size.",
			"Theme editor lost my changes::I spent an hour in the theme editor and when I came back the changes were gone.",
			"Inventory showing negative::Stock for one of our mugs is showing -3, how is that possible?",
			"Sale badge won't go away::The sale badge still shows on a product I took off sale.",
			"Menu link goes to 404::One link in our main menu goes to a 404 page.",
			"Size dropdown broken on one product::The size dropdown on the linen apron shows the sizes twice.",
			"Reviews not showing::The reviews widget disappeared from our product pages.",
			"Gift card balance wrong::A customer's gift card shows {amt} left but she says she never used it.",
			"Order number skipped::Our order numbers jumped from {order} to a much higher number.",
			"Collection sort order ignored::One collection shows products sorted randomly even though I set 'best selling'."},
		extra: []string{"Only on this one product.", "Not urgent.", "Screenshot attached.", "Store: {store}.", "Thanks for looking."}},
	{key: "search-howto", weight: 0.4, formTopic: "Storefront & themes", page: "/admin/settings/search",
		subjects: []string{"Store search settings", "Search question"},
		core: []string{"Search synonyms::Can I add synonyms to the store search so 'mug' also finds 'cup'?",
			"Hide out of stock from search::Is there a way to hide out-of-stock products from search results?",
			"SKU in search results::Can search results show the product SKU too?"},
		extra: []string{"Just wondering.", "Not urgent."}},
	{key: "taxes", weight: 0.6, formTopic: "Billing & plans", page: "/admin/settings/taxes",
		subjects: []string{"Tax settings question", "Tax question"},
		core: []string{"Prices including VAT?|Charging VAT::Should my prices include VAT or should it be added at checkout?",
			"Sales tax for other states::Do I need to charge sales tax for customers in other states?",
			"Tax rate for books::How do I set a different tax rate for books?",
			"Show prices incl. tax for EU::Can I show prices including tax for EU customers?"},
		extra: []string{"Not asking for tax advice, just where the setting is.", "Thanks."}},
	{key: "sales-pitch", weight: 0.5, formTopic: "Other", page: "/",
		subjects: []string{"Partnership opportunity", "Quick question"},
		core: []string{"Boost your store's SEO|Increase your organic traffic::We help ecommerce platforms like yours increase organic traffic. Would you be open to a quick 15-minute call this week?",
			"Quick question about your app marketplace::We'd love to list our reviews app on your marketplace, who is the right person to talk to?",
			"Guest post opportunity::I run a blog for small business owners and would like to write a guest post about ShopKettle.",
			"Increase your conversion rate by 300%|AI chatbot in 48h::Our AI agency can build you a chatbot in 48 hours. Interested?"},
		extra: []string{"Looking forward to hearing from you.", "Best regards"}},
	{key: "thanks", weight: 0.7, formTopic: "Other", page: "/admin",
		subjects: []string{"Thank you!", "Thanks for the help", "All working now"},
		core: []string{"Thanks to Marta!::Just wanted to say thanks to Marta for sorting the domain thing yesterday.",
			"Re: sorted::That worked, thank you!", "All sorted::All sorted now, you can close this.",
			"Re: order export::Thanks for the quick reply, the export worked perfectly.", "Thank you!::Brilliant, thanks so much for your help."},
		extra: []string{"Have a great weekend.", ":)", "Really appreciate it."}},
	{key: "order-customer", weight: 1.0, formTopic: "Orders", page: "/admin/orders",
		subjects: []string{"Order question", "Question about an order"},
		core: []string{"Customer wants to change address|Edit an order after it's placed::A customer wants to change their delivery address after ordering, can I edit it?",
			"Partial refund|How to refund one item::How do I refund just one item from an order?",
			"Cancel an order quietly::Can I cancel order {order} and refund it without the customer being notified?",
			"Customer ordered the wrong size::Customer ordered the wrong size, can I swap the item in the order?",
			"Add item to existing order::How do I add an item to an existing order before it ships?",
			"Refund as store credit::Can I issue a refund as store credit instead of money back?"},
		extra: []string{"Order {order}.", "Thanks!", "Not urgent."}},
	{key: "marketing", weight: 0.8, formTopic: "Marketing", page: "/admin/marketing",
		subjects: []string{"Marketing question", "Question about promotions"},
		core: []string{"Set up a weekend sale|Automatic discount question::How do I create an automatic 20% off for one collection over the weekend?",
			"How do abandoned cart emails work?::Can I change when the abandoned cart email is sent?",
			"Newsletter signup popup::Is there a built-in newsletter signup popup?",
			"Buy 2 get 1 free offer::Can I do a 'buy 2 get 1 free' deal?",
			"Discount for first-time customers::Can a discount code be limited to first-time customers?"},
		extra: []string{"Sale starts next week.", "Thanks!"}},
}

// foreign-language background, written whole
var bgForeign = []foreignMsg{
	{"de", "Rechnung mit USt-IdNr.", "Hallo,\n\nkönnten Sie mir bitte die Rechnungen der letzten drei Monate mit unserer USt-IdNr. ausstellen? Unser Steuerberater braucht sie.\n\nViele Grüße"},
	{"de", "Eigene Domain verbinden", "Guten Tag, ich möchte unsere Domain mit dem Shop verbinden. Welche DNS-Einträge muss ich beim Anbieter setzen? Danke!"},
	{"de", "Tarif wechseln", "Hallo, wir möchten vom Growth- in den Starter-Tarif wechseln. Geht das zum Monatsende? Gruß"},
	{"de", "Frage zu Varianten", "Hallo zusammen, wie kann ich bei einem Produkt Größe UND Farbe als Varianten anlegen? Ich finde es nicht. Danke"},
	{"fr", "Résiliation de l'abonnement", "Bonjour,\n\nnous fermons la boutique fin mai. Comment résilier l'abonnement sans perdre nos données de commandes ?\n\nCordialement"},
	{"fr", "Export des commandes", "Bonjour, je dois exporter toutes les commandes de 2025 pour notre comptable. Où se trouve cette option ? Merci"},
	{"fr", "Frais de livraison gratuits", "Bonjour, comment proposer la livraison gratuite à partir de 50 € ? Merci d'avance."},
	{"es", "¿Cómo añado variantes de talla?", "Hola, tengo camisetas en varias tallas y colores y no sé cómo añadirlas como variantes. ¿Me podéis ayudar? Gracias"},
	{"es", "Cambio de plan", "Buenos días, quería saber la diferencia entre el plan Growth y el Pro. Somos tres personas en la tienda. Un saludo"},
	{"es", "Factura", "Hola, necesito la factura de abril con los datos fiscales de la empresa (CIF). ¿Dónde la descargo? Gracias"},
}

var autoReplies = []struct{ subj, body string }{
	{"Automatic reply: Re: [ShopKettle] Your request has been updated", "Thank you for your email. I am out of the office until Monday 18 May with limited access to email. For urgent order queries please contact {store} via the contact form.\n\nKind regards"},
	{"Out of Office: Re: Your ShopKettle invoice", "Hi, I'm away at a trade fair this week and will reply when I'm back. For anything urgent call {phone}."},
	{"Automatic reply: Re: Your conversation with ShopKettle", "I'm currently on annual leave and will return on 20 May. Your email will not be forwarded."},
	{"Abwesenheitsnotiz: Re: Ihre Anfrage bei ShopKettle", "Vielen Dank für Ihre Nachricht. Ich bin bis einschließlich 15.05. nicht im Büro und habe keinen Zugriff auf meine E-Mails."},
	{"Réponse automatique : Re: Votre demande ShopKettle", "Bonjour, je suis absente jusqu'au 19 mai. Pour toute urgence merci de contacter la boutique directement."},
	{"Auto: Thanks for your email!", "Thanks for getting in touch with {org}! We aim to reply within 2 working days. Orders placed before 2pm ship the same day."},
	{"Automatic reply: Re: [ShopKettle] Request received", "I am out of the office today. I will respond to your email as soon as possible on my return."},
}

var bounces = []struct{ from, name, subj, body string }{
	{"mailer-daemon@googlemail.com", "Mail Delivery Subsystem", "Delivery Status Notification (Failure)", "** Address not found **\n\nYour message wasn't delivered to {bad} because the address couldn't be found, or is unable to receive mail.\n\nThe response from the remote server was:\n550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces."},
	{"postmaster@outlook.com", "Microsoft Outlook", "Undeliverable: Re: [ShopKettle] Your request has been updated", "Delivery has failed to these recipients or groups:\n\n{bad}\nThe email address you entered couldn't be found. Please check the recipient's email address and try to resend the message.\n\nDiagnostic information for administrators:\nRemote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'"},
	{"MAILER-DAEMON@mx.{domain}", "Mail Delivery System", "Mail delivery failed: returning message to sender", "This message was created automatically by mail delivery software.\n\nA message that you sent could not be delivered to one or more of its recipients. This is a permanent error. The following address(es) failed:\n\n  {bad}\n    mailbox is full: retry timeout exceeded"},
}

// ---------------------------------------------------------------- hard negatives: individual problems that read like an outage

var hardTopics = []Topic{
	{key: "forgot-password", weight: 1.4, formTopic: "Account & admin", page: "/admin/login",
		subjects: []string{"Can't log in", "forgot my password", "Locked out of my store admin", "Password not working", "LOGIN NOT WORKING", "can't access my account",
			"Can't sign in!!", "login problem", "Password reset please", "I can't get into ShopKettle"},
		core: []string{"I can't log in - it keeps saying my password is incorrect. I'm pretty sure it's right but maybe I changed it.",
			"I've forgotten my password and I'm not sure which email the account is under.", "Login says 'Invalid email or password'. I haven't logged in for months.",
			"My password manager had the old password saved and now I don't know the new one.", "I'm locked out of the admin, I think I set a new password on my phone last week and forgot it.",
			"Can't log in to the store admin, says wrong password every time.", "can you reset my password, nothing i try works"},
		extra: []string{"My email is {email}.", "Please help, I need to ship orders today.", "It's probably me.", "Store: {store}.", "I've tried about 10 times."},
		chat:  []string{"i cant log in", "forgot my password", "login says wrong password"}},
	{key: "reset-not-arriving", weight: 1.0, formTopic: "Account & admin", page: "/admin/login",
		subjects: []string{"Password reset email not arriving", "No reset link", "Reset password email never comes", "Not getting the reset email"},
		core: []string{"I've requested a password reset three times and nothing has arrived. I think the account might be under my old work email which I can't access any more.",
			"The reset email isn't arriving. Found it - it was going to our old info@ address which forwards nowhere now.",
			"I asked for a reset link but it's not in my inbox or spam. Our company email filter quarantines anything with links, could that be it?",
			"Reset link never arrives. I might have signed up with my personal address, not the shop one."},
		extra: []string{"Can you check which email my account uses?", "Store: {store}.", "Thanks."}},
	{key: "reset-expired", weight: 0.8, formTopic: "Account & admin", page: "/admin/login",
		subjects: []string{"Reset link expired", "Password reset link doesn't work", "Link says expired", "reset link invalid"},
		core: []string{"I clicked the password reset link and it says 'This link has expired'. I only got it yesterday.",
			"The reset link says invalid token. I clicked it from an older email I think.", "Every reset link I click says expired - I've requested several, maybe only the latest one works?",
			"Reset page says the link has already been used."},
		extra: []string{"Can you send a fresh one?", "Thanks."}},
	{key: "locked", weight: 0.9, formTopic: "Account & admin", page: "/admin/login",
		subjects: []string{"Account locked", "Too many login attempts", "Locked out - says try again in 30 minutes", "Account temporarily locked??"},
		core: []string{"My account is locked after too many attempts. My staff member kept trying the old password on the shared login.",
			"It says 'Too many failed attempts, try again later'. How long do I have to wait?", "I got locked out after trying passwords, can you unlock it?",
			"Admin says account temporarily locked. I did try a few times, I admit."},
		extra: []string{"Need to get in urgently.", "Please unlock.", "Store {store}."}},
	{key: "2fa", weight: 1.1, formTopic: "Account & admin", page: "/admin/login/verify",
		subjects: []string{"Can't log in - verification code", "2 step verification problem", "Can't get past verification code"},
		core: []string{"New phone, can't get verification code|Lost 2FA after changing phone::I got a new phone and the authenticator app didn't transfer, so I can't get the 2FA code.",
			"Lost my phone - 2FA|Phone stolen, can't log in::My phone was stolen and I can't log in because of two-step verification.",
			"Authenticator app codes rejected|two-factor code not working::The codes from my authenticator app are rejected. My phone's clock might be wrong?",
			"SMS code goes to old number|Changed phone number::I changed my phone number and the SMS code goes to the old number.",
			"No backup codes, lost phone::I don't have my backup codes and I've lost my phone, how do I get in?",
			"2FA code invalid|verification code says invalid::2FA code says invalid every time, I'm typing it right. I did reinstall the authenticator app last week."},
		extra: []string{"I can verify my identity however you need.", "Store: {store}.", "This is really stressful."},
		chat:  []string{"cant get 2fa code, new phone", "lost my phone and cant log in", "verification code not working"}},
	{key: "only-me", weight: 0.8, formTopic: "Account & admin", page: "/admin",
		subjects: []string{"Admin won't load for me", "Only I can't log in", "Login loop", "Keeps sending me back to the login page"},
		core: []string{"I can't log in but my colleague can, on the same store. I just get sent back to the login page.",
			"Login goes round in a loop for me on Safari. Works on my business partner's laptop.", "It's only me, {staff} can get in fine. I've cleared cookies once.",
			"The admin keeps logging me out straight away. Only on my work laptop, which has a new VPN."},
		extra: []string{"Weird!", "Any ideas?", "Thanks."}},
	{key: "sso", weight: 0.6, formTopic: "Account & admin", page: "/admin/login",
		subjects: []string{"Sign in with Google not working", "Google login goes to wrong account", "SSO error", "Can't sign in with Google"},
		core: []string{"When I click 'Sign in with Google' it logs me into a different, empty store. I think I used another Google account.",
			"Sign in with Google says 'This account is not linked to a ShopKettle store'. I set up the shop with my old Google account.",
			"Our Google Workspace admin restricted third-party apps and now Sign in with Google shows 'access blocked'.",
			"Google login says access denied, our IT changed something in Workspace last week."},
		extra: []string{"How do I link the right account?", "Thanks."}},
	{key: "invite", weight: 0.7, formTopic: "Account & admin", page: "/admin/settings/staff",
		subjects: []string{"Staff invite expired", "New employee can't accept invite", "Invite link not working", "staff account invitation"},
		core: []string{"I invited a new staff member last week and the link now says the invitation has expired.",
			"Our new packer says the invite link doesn't work - she got it ten days ago.", "The staff invite went to a typo'd address, how do I resend it?",
			"Invitation link says 'invalid or expired'."},
		extra: []string{"Can I resend it?", "Thanks."}},
	{key: "wrong-email", weight: 0.6, formTopic: "Account & admin", page: "/admin/login",
		subjects: []string{"Which email is my account under?", "Can't log in - old email", "Account email no longer exists", "Login with old work email"},
		core: []string{"My account is under an email at my old job which I no longer have. How can I change it without logging in?",
			"I don't remember which email I signed up with, I've tried three.", "The email on the account was my ex-business partner's, she's left."},
		extra: []string{"I can prove I own the store.", "Store: {store}."}},
	{key: "renewal-own-card", weight: 0.8, formTopic: "Billing & plans", page: "/admin/settings/billing",
		subjects: []string{"Payment failed for my plan", "Plan payment declined", "Why is my store going to be paused?", "Billing failed"},
		core: []string{"I got a message that my plan payment failed. Oh - the card on file expired last month, that's probably it. How do I update it?",
			"Our plan payment was declined. We switched banks and the old card was cancelled.", "Billing failed - my bank blocked it as suspicious and sent me a text, I've approved it now. Can you retry?",
			"The payment for my plan failed because I froze my card after losing it. New card is coming."},
		extra: []string{"Sorry about that.", "Don't want the store paused.", "Thanks."}},
	{key: "store-paused", weight: 0.7, formTopic: "Storefront & themes", page: "/",
		subjects: []string{"MY STORE IS DOWN", "Store says unavailable", "Website offline!", "Customers can't see my shop", "store not loading - 'This store is unavailable'"},
		core: []string{"My store shows 'This store is unavailable' to customers! Oh, it says my trial ended - I thought I'd added a card.",
			"The website says the store is temporarily closed. I might have pressed 'pause store' when I was in the settings yesterday.",
			"My shop is offline and shows a password page. I set a password while I was redesigning and forgot to remove it.",
			"Store is down - it says unavailable. We didn't pay the last two invoices, I've just seen the emails."},
		extra: []string{"How do I get it back up fast?", "Store {store}.", "Please help!!"}},
	{key: "domain-own", weight: 0.6, formTopic: "Domains", page: "/admin/settings/domains",
		subjects: []string{"Site down??", "Domain not working", "Store not loading on my domain"},
		core: []string{"Website down after moving domain|Domain not working::Our website stopped working on our domain. I moved the domain to a new registrar yesterday, would that do it?",
			"Website showing 'not secure'|Connection not private on our store::Browser says 'Your connection is not private' on our store. I changed the DNS records this morning for our email.",
			"Domain shows parked page|Site replaced by registrar page::Our domain goes to a parked page from the registrar. I think the domain renewal lapsed?",
			"Store doesn't load without www::The www version works but the version without www doesn't. Our web guy edited DNS last night."},
		extra: []string{"Store also works on the shopkettle.store address.", "Thanks.", "I'm not technical."}},
	{key: "shopper-login", weight: 0.5, formTopic: "Account & admin", page: "/account/login",
		subjects: []string{"Customer can't log into their account", "Shopper locked out of account", "Customer login problem"},
		core: []string{"One of our customers can't log into her account on our store. She says reset email never arrives - she's spelled her email differently every time.",
			"A regular customer says his account login doesn't work. He might have checked out as a guest originally.",
			"Customer says 'account locked' when logging in on our store."},
		extra: []string{"What should I tell her?", "Can I reset it for them?"}},
}

var hardForeign = []foreignMsg{
	{"de", "Passwort vergessen", "Hallo, ich habe mein Passwort vergessen und die Rücksetz-Mail geht an meine alte Adresse, die es nicht mehr gibt. Wie komme ich wieder in den Shop? Danke"},
	{"fr", "Compte bloqué", "Bonjour, mon compte est bloqué après plusieurs tentatives de connexion. Pouvez-vous le débloquer ? Merci"},
	{"es", "No me llega el código de verificación", "Hola, he cambiado de móvil y no me llega el código de verificación en dos pasos. No puedo entrar al panel. ¿Qué hago?"},
}

// ---------------------------------------------------------------- look-alikes: same feature as an incident, inside its window, different problem

type lookAlike struct{ subj, body string }

var lookCheckout = []lookAlike{
	{"How do I turn on Apple Pay?", "Customers keep asking if we take Apple Pay. How do I switch it on at checkout? I can't find it in payment settings."},
	{"VAT added twice at checkout", "For customers in Ireland the checkout seems to add VAT on top of prices that already include VAT. Only for Irish addresses as far as I can tell. Can you check my tax settings?"},
	{"One customer's card declined", "A customer says her card was declined and the order shows 'Declined: insufficient_funds'. Is that something on our side or hers? It's just this one customer."},
	{"Checkout shows USD for Canadian customers", "A Canadian customer says the checkout is showing US dollars. Is there a way to show CAD? Not urgent."},
	{"Logo blurry on checkout page", "The logo on the checkout page looks blurry and stretched. Which size should I upload?"},
	{"Bank transfer option", "Can customers pay by bank transfer? A wholesale customer wants to. How do I add a manual payment method?"},
	{"No shipping options for Australia", "Australian customers get 'no shipping options available' at checkout. I probably haven't set a zone up, how do I add one?"},
	{"Gift message at checkout", "Is there a way to let customers add a gift message at checkout? It's for Mother's Day orders."},
	{"Make phone number optional at checkout", "Customers complain that phone number is required at checkout. Can I make it optional?"},
	{"High fraud risk order", "An order came in flagged 'High risk' with a billing country different from shipping. Should I fulfil it? How do you decide the risk?"},
}

var lookEmails = []lookAlike{
	{"Logo in confirmation email", "How do I change the logo in the order confirmation email? It's still our old one."},
	{"One customer never gets our emails", "One customer says she never gets our emails - I've just noticed her address is spelled 'gmial.com' on the order. Can I fix it and resend?"},
	{"Turn off review request emails", "How do I stop the 'leave a review' email going out a week after orders? Some customers find it annoying."},
	{"Personalise confirmation email", "The order confirmation says 'Hi there' instead of the customer's name. Can I change that in the template?"},
	{"BCC assistant on order notifications", "Can I add my assistant's email so she also gets new order notifications?"},
}

var lookImages = []lookAlike{
	{"Image upload fails - too large?", "I'm trying to upload photos straight from my iPhone (HEIC, about 25MB) and the uploader says 'file type not supported'. Do I need to convert them?"},
	{"Product image cropped on collection page", "On the collection page the product images are cropped so you can't see the top of the vases. Can I change the crop?"},
	{"Images blurry on mobile", "Our product images look blurry on mobile but fine on desktop. What resolution should they be?"},
	{"How to add alt text to images", "How do I add alt text to product images for accessibility?"},
	{"Can't add a video to a product", "I'd like to add a short video to a product page but it only accepts images. Is video supported?"},
	{"Wrong image on one product", "On the green teapot page the main image is the blue one, even though I set the green one as featured. Only this product."},
	{"Dashboard sales chart timezone", "The sales chart in the dashboard shows yesterday's orders under today. I think the timezone is wrong, where do I change it?"},
	{"Admin logs me out every hour", "The admin logs me out roughly every hour even when I'm working in it. Is there a setting for that?"},
}

var lookLabels = []lookAlike{
	{"Label prints too small", "Labels print tiny in the corner of the page on our thermal printer. Is there a 4x6 setting?"},
	{"Change return address on labels", "How do I change the return address printed on shipping labels? We moved unit."},
	{"Bought a label by mistake", "I bought a label twice for the same order. How do I void one and get the money back?"},
	{"Weights in kg instead of lbs", "The label screen shows weights in kg, I need lbs. Where's that setting?"},
	{"Customs form for international label", "Where do I fill in the customs description for an international label? First time shipping abroad."},
}

var lookTracking = []lookAlike{
	{"Customer gave wrong address - label bought", "A customer put the wrong house number and I've already bought and printed the label. Can I change the address on it?"},
	{"Add tracking number manually", "I posted a few parcels at the post office counter. How do I add those tracking numbers to the orders myself?"},
	{"Tracking link goes to wrong site", "On order {order} the tracking link goes to the wrong carrier's website. I think I picked the wrong carrier when I added it manually. Can I edit it?"},
}

var lookDiscount = []lookAlike{
	{"Free shipping code", "How do I make a discount code that only gives free shipping and nothing off the products?"},
	{"Code used more times than limit?", "Our one-time code {code} has been used 40 times, I think someone posted it on a coupon website. Can I make codes single-use per customer?"},
	{"Discount on sale items", "Can I stop discount codes applying to items that are already on sale?"},
	{"Customer forgot to enter code", "A customer forgot to enter her discount code. Can I refund the 10% difference on the order?"},
}

// ---------------------------------------------------------------- provider status pages

func buildUpdates() []weekgen.Update {
	ts := func(t time.Time) string { return t.Format(time.RFC3339) }
	var ups []weekgen.Update
	add := func(prov, inc, uid, status, impact string, t time.Time, title, body, kind string, comps []string, label string) {
		ups = append(ups, weekgen.Update{Provider: prov, ProviderIncidentID: inc, UpdateID: uid, Status: status, Impact: impact, At: ts(t), Title: title,
			Body: body, Kind: kind, Components: comps, Label: label})
	}

	// Mon: Postwick (transactional email) outbound queue stall. Posted 42 minutes BEFORE the first ticket.
	pwT := "Delayed delivery of outbound email"
	pwC := []string{"Sending API", "SMTP Relay", "Outbound Delivery (US)"}
	add("postwick", "pw-incident-5kq2r8", "pw-5kq2r8-1", "investigating", "major", at(0, 9, 8), pwT,
		"We are investigating increased delivery latency for messages sent via the Sending API and SMTP relay. Messages are being accepted (HTTP 202) but a large share remain queued and are not being delivered. We will provide an update within 30 minutes.", "incident", pwC, "inc-order-emails")
	add("postwick", "pw-incident-5kq2r8", "pw-5kq2r8-2", "identified", "major", at(0, 10, 4), pwT,
		"We have identified a fault in a storage cluster that backs our outbound queue in the us-east region. Messages are accepted and stored safely but are not being handed to our delivery workers. Engineers are failing over to a healthy cluster. No messages have been lost.", "incident", pwC, "inc-order-emails")
	add("postwick", "pw-incident-5kq2r8", "pw-5kq2r8-3", "monitoring", "minor", at(0, 11, 47), pwT,
		"Failover is complete and queued messages are being dispatched. Recipients may receive a burst of delayed messages while the backlog drains over the next hour. We are monitoring delivery rates.", "incident", pwC, "inc-order-emails")
	add("postwick", "pw-incident-5kq2r8", "pw-5kq2r8-4", "resolved", "minor", at(0, 13, 12), pwT,
		"The backlog has been fully processed and delivery latency has returned to normal. Between 08:51 and 11:40 UTC most messages submitted to the us-east region were delayed by up to 3 hours. We will publish a post-incident review within 5 business days.", "incident", pwC, "inc-order-emails")

	// Mon (posted) → Thu: EdgeHarbor scheduled DNS control-plane maintenance. No impact on ShopKettle.
	ehM := "Scheduled maintenance: DNS control plane upgrade"
	ehMC := []string{"DNS API", "DNS Dashboard"}
	add("edgeharbor", "ehs-maint-2291", "ehs-maint-2291-1", "scheduled", "maintenance", at(0, 16, 0), ehM,
		"We will be upgrading our DNS control plane on Thursday 14 May 2026 between 01:00 and 03:00 UTC. During this window, changes to DNS records made via the dashboard or API may take up to 10 minutes to propagate. Resolution of existing records and CDN traffic will not be affected.", "maintenance", ehMC, "")
	add("edgeharbor", "ehs-maint-2291", "ehs-maint-2291-2", "in_progress", "maintenance", at(3, 1, 0), ehM,
		"Scheduled maintenance is currently in progress. We will provide updates as necessary.", "maintenance", ehMC, "")
	add("edgeharbor", "ehs-maint-2291", "ehs-maint-2291-3", "verifying", "maintenance", at(3, 2, 36), ehM,
		"The upgrade has been applied to all regions. We are verifying record propagation times before closing this maintenance.", "maintenance", ehMC, "")
	add("edgeharbor", "ehs-maint-2291", "ehs-maint-2291-4", "completed", "maintenance", at(3, 3, 2), ehM,
		"The scheduled maintenance has been completed. DNS record changes are propagating normally.", "maintenance", ehMC, "")

	// Tue: PalomaPay card authorisation failures. Posted 19 minutes AFTER the first ticket.
	ppT := "Elevated error rates for card payments"
	ppC := []string{"Payments API", "Card Authorization", "Wallets", "Recurring Billing"}
	add("palomapay", "PP-INC-20260512-0147", "pp-0147-u1", "investigating", "major", at(1, 14, 21), ppT,
		"We're investigating elevated error rates and timeouts on card authorization requests made through the Payments API. Some transactions may fail with a gateway_timeout error. Wallet payments and recurring charges may also be affected.", "incident", ppC, "inc-payments-checkout")
	add("palomapay", "PP-INC-20260512-0147", "pp-0147-u2", "identified", "critical", at(1, 14, 58), ppT,
		"We have identified the issue as a failing network component between our API tier and card network connectivity in our EU and US regions. A fix is being implemented. Retried requests may succeed intermittently. We recommend merchants do not disable payment methods.", "incident", ppC, "inc-payments-checkout")
	add("palomapay", "PP-INC-20260512-0147", "pp-0147-u3", "monitoring", "major", at(1, 16, 5), ppT,
		"A fix has been deployed and authorization success rates are recovering across all regions. We are monitoring closely. Merchants may retry recurring charges that failed during the incident.", "incident", ppC, "inc-payments-checkout")
	add("palomapay", "PP-INC-20260512-0147", "pp-0147-u4", "resolved", "major", at(1, 17, 20), ppT,
		"This incident has been resolved. Between 13:55 and 16:10 UTC approximately 38% of card authorization requests and 41% of recurring charge attempts failed or timed out. Failed authorizations were not captured and customers were not charged. A root cause analysis will be shared with affected merchants.", "incident", ppC, "inc-payments-checkout")

	// Wed: EdgeHarbor CDN 5xx. Posted 21 minutes AFTER the first ticket; "monitoring" while tickets still rise.
	ehT := "Elevated 5xx errors at edge locations"
	ehC := []string{"CDN - Europe", "CDN - North America", "Image Optimization"}
	add("edgeharbor", "ehs-inc-8f31c0", "ehs-8f31c0-1", "investigating", "major", at(2, 10, 52), ehT,
		"We are investigating elevated 503 errors returned by a number of edge locations in Europe and North America. Cached and uncached assets may fail to load.", "incident", ehC, "inc-cdn-images")
	add("edgeharbor", "ehs-inc-8f31c0", "ehs-8f31c0-2", "identified", "major", at(2, 11, 10), ehT,
		"A configuration change deployed to part of our edge fleet at 10:18 UTC caused origin fetches to fail for a subset of customers' assets, including images served through Image Optimization. We are rolling the change back.", "incident", ehC, "inc-cdn-images")
	add("edgeharbor", "ehs-inc-8f31c0", "ehs-8f31c0-3", "monitoring", "minor", at(2, 11, 38), ehT,
		"The rollback has completed and error rates at edge locations are returning to normal. We are monitoring the results.", "incident", ehC, "inc-cdn-images")
	add("edgeharbor", "ehs-inc-8f31c0", "ehs-8f31c0-4", "monitoring", "major", at(2, 12, 31), ehT,
		"Some customers continue to receive cached error responses from European edge locations, where error pages were cached during the incident. We are purging the affected cache objects region by region. No action is required from customers.", "incident", ehC, "inc-cdn-images")
	add("edgeharbor", "ehs-inc-8f31c0", "ehs-8f31c0-5", "resolved", "major", at(2, 13, 40), ehT,
		"Cache purges are complete and all edge locations are serving content normally. Between 10:18 and 13:05 UTC a subset of requests for cached assets returned HTTP 503. We apologise for the disruption.", "incident", ehC, "inc-cdn-images")

	// Thu: LabelRail label purchase failures. Posted 26 minutes BEFORE the first ticket.
	lrT := "Label purchase failures"
	lrC := []string{"Labels API", "Rates API"}
	add("labelrail", "lr-inc-20260514-a", "lr-0514a-1", "investigating", "major", at(3, 15, 5), lrT,
		"We are investigating increased failures when purchasing labels through the Labels API. Affected requests return HTTP 503 with error code carrier_unavailable. Rate quotes may also fail.", "incident", lrC, "inc-label-purchase")
	add("labelrail", "lr-inc-20260514-a", "lr-0514a-2", "identified", "major", at(3, 15, 40), lrT,
		"The issue has been traced to an expired credential on an upstream carrier connection used by the label purchase service. We are rotating the credential across all regions.", "incident", lrC, "inc-label-purchase")
	add("labelrail", "lr-inc-20260514-a", "lr-0514a-3", "monitoring", "minor", at(3, 17, 5), lrT,
		"New credentials are deployed and label purchases are succeeding. We are monitoring error rates. Requests that failed can be safely retried; no postage was charged for failed purchases.", "incident", lrC, "inc-label-purchase")
	add("labelrail", "lr-inc-20260514-a", "lr-0514a-4", "resolved", "minor", at(3, 17, 45), lrT,
		"This incident has been resolved. Label purchase and rate quote error rates have been at normal levels for 40 minutes.", "incident", lrC, "inc-label-purchase")

	// Fri: SearchSprout indexing delay in a region ShopKettle does not use. No tickets.
	ssT := "Increased indexing latency in AP-Southeast"
	ssC := []string{"Indexing - AP Southeast (Singapore)"}
	add("searchsprout", "ss-inc-44710", "ss-44710-1", "investigating", "minor", at(4, 13, 2), ssT,
		"Customers with indexes hosted in the AP-Southeast (Singapore) region may see delays of up to 15 minutes before catalog updates appear in search results. Search queries are not affected. Other regions are not affected.", "incident", ssC, "")
	add("searchsprout", "ss-inc-44710", "ss-44710-2", "identified", "minor", at(4, 14, 10), ssT,
		"We have identified a slow disk on one indexing node in AP-Southeast and are moving its workload to healthy nodes.", "incident", ssC, "")
	add("searchsprout", "ss-inc-44710", "ss-44710-3", "monitoring", "none", at(4, 14, 41), ssT,
		"Indexing latency in AP-Southeast is back within normal levels. We are monitoring.", "incident", ssC, "")
	add("searchsprout", "ss-inc-44710", "ss-44710-4", "resolved", "none", at(4, 15, 25), ssT,
		"This incident has been resolved.", "incident", ssC, "")

	// Sat: LabelRail tracking events delayed. Posted 46 minutes AFTER the first ticket.
	lr2T := "Delayed tracking updates"
	lr2C := []string{"Tracking API", "Webhooks"}
	add("labelrail", "lr-inc-20260516-b", "lr-0516b-1", "investigating", "minor", at(5, 10, 58), lr2T,
		"Tracking events from several carriers are delayed. Tracker statuses and tracker.updated webhooks may lag by several hours. Label purchase is not affected.", "incident", lr2C, "inc-tracking-stale")
	add("labelrail", "lr-inc-20260516-b", "lr-0516b-2", "identified", "major", at(5, 11, 40), lr2T,
		"A database failover overnight left our tracking ingestion consumers stalled. Events received since approximately 17:30 UTC yesterday have not been processed. We are restarting the consumers and replaying the backlog.", "incident", lr2C, "inc-tracking-stale")
	add("labelrail", "lr-inc-20260516-b", "lr-0516b-3", "monitoring", "minor", at(5, 13, 30), lr2T,
		"Consumers have caught up and delayed webhooks are being delivered. Trackers may show several status changes at once. We are monitoring.", "incident", lr2C, "inc-tracking-stale")
	add("labelrail", "lr-inc-20260516-b", "lr-0516b-4", "resolved", "minor", at(5, 15, 10), lr2T,
		"This incident has been resolved. All delayed tracking events have been processed and webhooks delivered.", "incident", lr2C, "inc-tracking-stale")

	sort.SliceStable(ups, func(i, j int) bool { return ups[i].At < ups[j].At })
	return ups
}

// ---------------------------------------------------------------- building tickets

var tickets []*Ticket

type opts struct {
	label     string
	formTopic string
	page      string
	src       [4]float64
	angry     bool
	long      []string // rambling paragraphs available for a long body
	shopper   []string
	shopSubj  []string
	chatFirst *deck
}

var ramble = []string{
	"Some background: we're a small family business, it's me, my partner and a part-timer who helps with packing on Tuesdays and Thursdays. We moved over to ShopKettle about two years ago from a marketplace where the fees were eating us alive, and on the whole it's been great, which is why I'm a bit lost when something like this happens. I do the website, the photos, the social media and the accounts, so I'm not exactly a tech person, I just know enough to be dangerous.",
	"I should also say that I had a look through the help centre first and read two articles that looked relevant, and also searched the community forum, but the posts I found were either from years ago or about a slightly different thing. I also watched a video on YouTube from someone who uses ShopKettle but their admin looks different to mine so I'm not sure if it's an older version.",
	"To be honest, the timing is not ideal. We've just come out of our busiest period, we're trying to get the new range ready for next month, and I've been doing the admin stuff in the evenings after the kids are in bed, which is probably why I keep missing things. My partner thinks I should just hire someone to look after the website but we're not at that stage yet.",
	"In case it's relevant, we also use the LedgerLeaf app for the books and the Mailmoth app for newsletters, and we have a few products that are made to order, which is why some of them are set to 'continue selling when out of stock'. We have about 140 products in total, with maybe 400 variants all together because of the sizes and colours.",
	"I've been a customer since the very early days and I've always found your team really helpful, so please don't take this the wrong way, I just want to get to the bottom of it and get back to making things. If you need access to the store to look, you have my permission, and if it's easier to talk on the phone I'm around most of the day except between 3 and 4 when I do the school run.",
	"I also spoke to a friend who runs a shop on ShopKettle selling dog accessories and she said she's never seen this, which makes me think it's something to do with our setup, but I genuinely don't remember changing anything apart from adding a couple of new products on Sunday night and changing the banner picture for the spring collection.",
}

var custCount = map[*Cust]int{}

func newTicket(c *Cust, t time.Time, label, source, subj, body string) *Ticket {
	custCount[c]++
	tk := &Ticket{at: t, Ticket: weekgen.Ticket{Subject: subj, Body: body, Source: source, CustomerEmail: c.Email, CustomerName: c.Name, Org: c.Org.Name, Label: label}}
	tickets = append(tickets, tk)
	return tk
}

// compose dresses a customer's message for its source, with realistic noise.
func compose(c *Cust, t time.Time, m Msg, o opts) *Ticket {
	st := pickStyle(o.angry)
	parts := applyStyle(st, m.Parts)
	subj := m.Subject
	if st.lower && chance(0.5) {
		subj = strings.ToLower(subj)
	}
	if st.shout && chance(0.5) {
		subj = strings.ToUpper(subj)
	}
	if chance(0.06) && subj != "" {
		subj = typo(subj)
	}
	lang := m.Lang
	if lang == "" {
		lang = "en"
	}
	src := pickSource(o.src)
	switch src {
	case "chat":
		lines := parts
		if o.chatFirst != nil && chance(0.6) {
			lines = append([]string{applyStyle(st, []string{o.chatFirst.next()})[0]}, parts...)
		}
		if len(lines) > 4 {
			lines = lines[:4]
		}
		s := pick([]string{"Chat with " + c.Name, "Live chat – " + c.Name, "New conversation from " + c.First, "", "Chat: " + trunc(lines[0], 50)})
		return newTicket(c, t, o.label, "chat", s, chatBody(c, t, lines, o.formTopic))
	case "web":
		text := strings.Join(parts, " ")
		if chance(0.4) {
			text = pick(openers[lang]) + " " + text
		}
		if chance(0.2) {
			subj = "[Contact form] " + o.formTopic
		}
		return newTicket(c, t, o.label, "web", subj, webBody(c, o.formTopic, text))
	case "api":
		if chance(0.5) {
			subj = "In-app report: " + subj
		}
		return newTicket(c, t, o.label, "api", subj, apiBody(c, o.page, strings.Join(parts, " ")))
	}
	// email
	x := ctx{c: c, t: t}
	if len(o.long) > 0 && chance(0.05) {
		// a very long rambling body
		lead := pick(o.long)
		extra := []string{fill(lead, x)}
		for _, i := range rng.Perm(len(ramble)) {
			if len(strings.Join(extra, " ")) > 1500 {
				break
			}
			if ramble[i] != lead {
				extra = append(extra, ramble[i])
			}
		}
		parts = append(parts[:1:1], append(extra, parts[1:]...)...)
	}
	if len(o.shopper) > 0 && chance(0.12) {
		tops := []string{"See below - {n}th one of these today.", "FYI another one. What is going on?", "Forwarding this from a customer.", "Please see below.",
			"Got this from a customer just now.", "another customer complaint below", "Can you look at this? Customer email below."}
		top := fill(pick(tops), x)
		if len(parts) > 0 {
			top += "\n\n" + parts[0]
		}
		sh := fill(pick(o.shopper), x)
		shName := pick(firstNames) + " " + pick(lastNames)
		shAddr := strings.ToLower(strings.ReplaceAll(asciiFold(shName), " ", ".")) + "@" + pick(freemail)
		shSubj := pick(o.shopSubj)
		body := forwarded(top, t.Add(-time.Duration(between(5, 50))*time.Minute), shName, shAddr, "hello@"+c.Org.Domain, shSubj, sh)
		return newTicket(c, t, o.label, "email", "Fwd: "+shSubj, body)
	}
	body := textBody(c, lang, parts, chance(0.75), chance(0.7))
	switch {
	case chance(0.04) && subj != "":
		body = "" // subject-only
	case chance(0.04):
		subj = "" // body-only
	}
	if chance(0.035) && body != "" {
		// replying to an unrelated newsletter to reach a human
		nl := "ShopKettle May product update\n\nNew this month: gift card designs, a faster theme editor and bulk-edit for product tags. Read the full changelog: https://shopkettle.com/changelog\n\nYou're receiving this because you have a ShopKettle store. Unsubscribe: https://shopkettle.com/u"
		body = quoted(body, t.AddDate(0, 0, -between(2, 6)), "ShopKettle", "news@shopkettle.com", c.Name, c.Email, "What's new at ShopKettle – May", nl)
		subj = "Re: What's new at ShopKettle – May"
	}
	if chance(0.10) && body != "" {
		body = htmlify(body)
	}
	return newTicket(c, t, o.label, "email", subj, body)
}

func trunc(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// ---------------------------------------------------------------- incidents

type incDef struct {
	label     string
	start     time.Time
	curve     []pt
	n         int
	followups int
	pools     []*incPool
	poolW     []float64
	lateAfter time.Time
	angry     bool
	src       [4]float64
}

var poolUse = map[string]int{}

func incidentTimes(d incDef) []time.Time {
	return sampleCurve(d.start, d.curve, d.n-d.followups)
}

func buildIncident(d incDef, times []time.Time) []*Ticket {
	decks := func(get func(*incPool) []string) map[*incPool]*deck {
		m := map[*incPool]*deck{}
		for _, p := range d.pools {
			if xs := get(p); len(xs) > 0 {
				m[p] = newDeck(xs)
			}
		}
		return m
	}
	sym := decks(func(p *incPool) []string { return p.symptoms })
	ctxd := decks(func(p *incPool) []string { return p.context })
	ask := decks(func(p *incPool) []string { return append(append([]string{}, p.asks...), commonAsks...) })
	subj := decks(func(p *incPool) []string { return p.subjects })
	chat := decks(func(p *incPool) []string { return p.chatFirst })
	late := decks(func(p *incPool) []string { return p.late })
	usedForeign := map[string]bool{}
	reporters := map[*Cust]bool{}
	var out []*Ticket
	for _, t := range times {
		// which symptom
		p := d.pools[0]
		if len(d.pools) > 1 {
			tot := 0.0
			for _, w := range d.poolW {
				tot += w
			}
			x := rng.Float64() * tot
			for j, w := range d.poolW {
				if x < w {
					p = d.pools[j]
					break
				}
				x -= w
			}
		}
		c := pickCust(reporters, nil)
		reporters[c] = true
		poolUse[p.formTopic+" ("+d.label+")"]++
		x := ctx{c: c, t: t, since: d.start}
		o := opts{label: d.label, formTopic: p.formTopic, page: p.page, src: d.src, angry: d.angry, long: p.long, shopper: p.shopper, shopSubj: p.shopperSubj, chatFirst: chat[p]}
		// foreign-language reporters write in their language when a text exists
		if c.Org.Lang != "en" && chance(0.85) {
			var f *foreignMsg
			for k := range p.foreign {
				if p.foreign[k].lang == c.Org.Lang && !usedForeign[p.foreign[k].subject] {
					f = &p.foreign[k]
					break
				}
			}
			if f != nil {
				usedForeign[f.subject] = true
				src := "email"
				body := f.body
				if chance(0.3) {
					src = "web"
					body = webBody(c, p.formTopic, f.body)
				} else if sig := signature(c); sig != "" {
					body += "\n" + c.First + "\n\n" + sig
				}
				out = append(out, newTicket(c, t, d.label, src, f.subject, body))
				continue
			}
		}
		var parts []string
		s := fill(subj[p].next(), x)
		if !d.lateAfter.IsZero() && t.After(d.lateAfter) && late[p] != nil && chance(0.45) {
			parts = append(parts, fill(late[p].next(), x))
			s = pick([]string{"Update: ", "Re: ", "Re: ", "Follow-up: "}) + s
		} else {
			parts = append(parts, fill(sym[p].next(), x))
			if chance(0.55) {
				parts = append(parts, fill(sym[p].next(), x))
			}
		}
		for k := between(0, 2); k > 0; k-- {
			if ctxd[p] != nil && chance(0.7) {
				parts = append(parts, fill(ctxd[p].next(), x))
			}
		}
		if chance(0.65) {
			parts = append(parts, fill(ask[p].next(), x))
		}
		// plan renewals: many reply to the billing email they just received
		if p == &poolRenewal && chance(0.4) {
			top := textBody(c, "en", applyStyle(pickStyle(d.angry), parts), chance(0.5), chance(0.6))
			bill := fill(billingFailedMail, x)
			body := quoted(top, t.Add(-time.Duration(between(3, 40))*time.Minute), "ShopKettle Billing", "billing@shopkettle.com", c.Name, c.Email,
				"Action needed: payment for your ShopKettle plan failed", bill)
			out = append(out, newTicket(c, t, d.label, "email", "Re: Action needed: payment for your ShopKettle plan failed", body))
			continue
		}
		out = append(out, compose(c, t, Msg{Subject: s, Parts: parts}, o))
	}
	// follow-ups from earlier reporters: "any update??"
	fu := newDeck(incFollowups)
	cand := rng.Perm(len(out))
	made := 0
	last := times[len(times)-1]
	for _, k := range cand {
		if made >= d.followups {
			break
		}
		orig := out[k]
		if orig.Source == "api" || orig.at.Add(30*time.Minute).After(last) {
			continue
		}
		var c *Cust
		for _, cc := range allCusts {
			if cc.Email == orig.CustomerEmail {
				c = cc
				break
			}
		}
		t := orig.at.Add(time.Duration(between(20, 75)) * time.Minute)
		if t.After(last) {
			t = last.Add(-time.Duration(between(1, 10)) * time.Minute)
		}
		line := fu.next()
		for _, p := range d.pools {
			for _, f := range p.foreign {
				if f.subject == orig.Subject {
					line = pick(foreignFollowups[f.lang])
				}
			}
		}
		if orig.Source == "chat" {
			lines := []string{"hi again, I was on chat earlier about the same problem", line}
			out = append(out, newTicket(c, t, d.label, "chat", "Chat with "+c.Name, chatBody(c, t, lines, d.pools[0].formTopic)))
		} else {
			origText := orig.Body
			if strings.HasPrefix(origText, "<html>") || origText == "" {
				origText = orig.Subject
			}
			earlier := supportAck + "\n\n--- Your request ---\n" + trunc(origText, 600)
			subj := orig.Subject
			if subj == "" {
				subj = "Your request"
			}
			body := quoted(applyStyle(pickStyle(true), []string{line})[0]+"\n\n"+c.First, orig.at.Add(time.Minute), "ShopKettle Support", "support@shopkettle.com",
				c.Name, c.Email, "[ShopKettle] Request received: "+subj, earlier)
			out = append(out, newTicket(c, t, d.label, "email", "Re: [ShopKettle] Request received: "+subj, body))
		}
		made++
	}
	return out
}

// ---------------------------------------------------------------- background, hard negatives, look-alikes

type answer struct {
	text    string
	topics  string
	replies []string
}

var supportAnswers = []answer{
	{"Hi {first},\n\nThanks for reaching out! You'll find this under Settings in the left-hand menu. There's a step-by-step guide here: https://help.shopkettle.com/articles/{big}{n}\n\nLet me know if you get stuck!\n\n{agent}\nShopKettle Support",
		"howto-shipping howto-theme integrations export account-change marketing taxes search-howto domain",
		[]string{"Thanks, that worked!", "Still can't find it. Where exactly under Settings?", "I've tried that but the option isn't there for me. I'm on the {plan} plan, is that why?", "ok thanks", "Brilliant, all sorted. Thank you!"}},
	{"Hi {first},\n\nCould you send us a screenshot of what you're seeing, and the link to the page? That will help us look into it.\n\nThanks,\n{agent}\nShopKettle Support",
		"single-bug import order-customer",
		[]string{"Here's the screenshot you asked for. (attached)", "Screenshot attached, it's on https://{store} - second product on the page.", "It seems to have fixed itself now, sorry!", "Hmm, I can't make it happen now. I'll send one next time it does it."}},
	{"Hello {first},\n\nI've passed this over to our billing team, who will be in touch within one business day.\n\nBest,\n{agent}",
		"invoice charge-question refund payouts",
		[]string{"Thanks {agent}. How long does the billing team usually take?", "Any update from the billing team? It's been a couple of days.", "Thanks, I've received it now."}},
	{"Hi {first},\n\nThat isn't possible at the moment, but I've added your vote to the feature request - our product team reviews these every month.\n\nCheers,\n{agent}\nShopKettle Support",
		"feature-request marketing howto-products",
		[]string{"That's a shame. Any idea if it's on the roadmap this year?", "ok thanks", "Thanks - please do keep me posted."}},
	{"Hi {first},\n\nGood question! Yes, you can do this from the product editor: open the product, scroll to Variants, and click 'Add option'. Each option can have up to 100 values.\n\n{agent}",
		"howto-products",
		[]string{"Thanks, that worked!", "Sorry, one more question on this - does it also apply to products that are already published?", "That's not quite what I meant - I'd like it to happen automatically, not one by one."}},
	{"Hi {first},\n\nThanks for your patience. I've made that change on your account - it may take a few minutes to show.\n\nAll the best,\n{agent}\nShopKettle Support",
		"account-change plan-change cancel invoice",
		[]string{"Brilliant, all sorted. Thank you!", "Hmm, that didn't change anything on my end.", "Thanks! Can you also confirm the next invoice will reflect that?"}},
}

var bgFollowups = []string{"Just checking you got my email from earlier?", "Hi, following up on my question from this morning - no rush, just want to make sure it arrived.",
	"Did you see my message? Haven't heard back.", "Any news on my question below?", "bump :)"}

var bgSrc = [4]float64{0.5, 0.25, 0.15, 0.10}

type topicDecks struct {
	subj, core, extra, chat *deck
}

func topicDecksFor(ts []Topic) []topicDecks {
	out := make([]topicDecks, len(ts))
	for i, t := range ts {
		out[i].subj = newDeck(t.subjects)
		out[i].core = newDeck(t.core)
		out[i].extra = newDeck(t.extra)
		if len(t.chat) > 0 {
			out[i].chat = newDeck(t.chat)
		}
	}
	return out
}

func pickTopic(ts []Topic, allow func(Topic) bool) int {
	tot := 0.0
	for _, t := range ts {
		if allow == nil || allow(t) {
			tot += t.weight
		}
	}
	x := rng.Float64() * tot
	for i, t := range ts {
		if allow != nil && !allow(t) {
			continue
		}
		if x < t.weight {
			return i
		}
		x -= t.weight
	}
	return len(ts) - 1
}

func topicTicket(ts []Topic, dk []topicDecks, i int, c *Cust, t time.Time, label string) *Ticket {
	tp := ts[i]
	x := ctx{c: c, t: t, since: t}
	core := dk[i].core.next()
	subj := ""
	if k := strings.Index(core, "::"); k >= 0 {
		if chance(0.75) {
			subj = pick(strings.Split(core[:k], "|"))
		} else {
			subj = pick(tp.subjects)
		}
		core = core[k+2:]
	} else {
		subj = dk[i].subj.next()
	}
	subj = fill(subj, x)
	parts := []string{fill(core, x)}
	for k := between(0, 2); k > 0; k-- {
		if chance(0.6) {
			parts = append(parts, fill(dk[i].extra.next(), x))
		}
	}
	angry := label == "hard-negative"
	// a reply to an earlier answer from support
	var fits []answer
	for _, a := range supportAnswers {
		if strings.Contains(" "+a.topics+" ", " "+tp.key+" ") {
			fits = append(fits, a)
		}
	}
	if label == "background" && len(fits) > 0 && chance(0.15) {
		agent := pick(supportAgents)
		a := pick(fits)
		ans := strings.ReplaceAll(fill(a.text, x), "{agent}", agent)
		line := strings.ReplaceAll(fill(pick(a.replies), x), "{agent}", agent)
		top := textBody(c, "en", applyStyle(pickStyle(false), []string{line}), chance(0.3), chance(0.6))
		when := officeHours(t.Add(-time.Duration(between(40, 60*30)) * time.Minute))
		if !when.Before(t) {
			when = t.Add(-time.Duration(between(30, 90)) * time.Minute)
		}
		body := quoted(top, when, agent+" (ShopKettle Support)", "support@shopkettle.com", c.Name, c.Email, "Re: "+subj, ans)
		if chance(0.1) {
			body = htmlify(body)
		}
		return newTicket(c, t, label, "email", "Re: "+subj, body)
	}
	o := opts{label: label, formTopic: tp.formTopic, page: tp.page, src: bgSrc, angry: angry, long: nil}
	switch tp.key {
	case "thanks":
		o.src = [4]float64{1, 0, 0, 0}
	case "sales-pitch":
		o.src = [4]float64{0.7, 0.3, 0, 0}
	}
	if chance(0.5) {
		o.long = ramble
	}
	if dk[i].chat != nil {
		o.chatFirst = dk[i].chat
	}
	return compose(c, t, Msg{Subject: subj, Parts: parts}, o)
}

// officeHours moves a support agent's reply into the desk's staffed hours (07-22 UTC).
func officeHours(t time.Time) time.Time {
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, utc)
	switch h := t.Hour(); {
	case h < 7:
		return d.Add(-24*time.Hour + time.Duration(between(16*60, 21*60))*time.Minute)
	case h >= 22:
		return d.Add(time.Duration(between(19*60, 21*60+50)) * time.Minute)
	}
	return t
}

func foreignTicket(f foreignMsg, t time.Time, label string) *Ticket {
	c := pickCust(nil, func(o *Org) bool { return o.Lang == f.lang })
	body := f.body
	if sig := signature(c); sig != "" && chance(0.6) {
		body += "\n\n" + sig
	}
	src := "email"
	if chance(0.3) {
		src = "web"
		body = webBody(c, "—", f.body)
	}
	return newTicket(c, t, label, src, f.subject, body)
}

func autoReply(t time.Time) *Ticket {
	c := pickCust(nil, nil)
	a := pick(autoReplies)
	x := ctx{c: c, t: t}
	body := strings.ReplaceAll(fill(a.body, x), "{phone}", c.Phone)
	return newTicket(c, t, "background", "email", a.subj, body)
}

func bounce(t time.Time) *Ticket {
	c := pickCust(nil, nil)
	b := pick(bounces)
	bad := strings.Replace(c.Email, "@", ".old@", 1)
	if chance(0.5) {
		bad = "orders@" + c.Org.Domain
	}
	from := strings.ReplaceAll(b.from, "{domain}", c.Org.Domain)
	body := strings.ReplaceAll(b.body, "{bad}", bad)
	tk := &Ticket{at: t, Ticket: weekgen.Ticket{Subject: b.subj, Body: body, Source: "email", CustomerEmail: from, CustomerName: b.name, Org: "", Label: "background"}}
	tickets = append(tickets, tk)
	return tk
}

func lookTicket(l lookAlike, t time.Time, page, topic string) *Ticket {
	c := pickCust(nil, nil)
	x := ctx{c: c, t: t}
	parts := []string{fill(l.body, x)}
	if chance(0.4) {
		parts = append(parts, fill(pick([]string{"Thanks!", "Store: {store}.", "Not urgent.", "Cheers.", "Sorry if this is a silly question."}), x))
	}
	return compose(c, t, Msg{Subject: fill(l.subj, x), Parts: parts}, opts{label: "look-alike", formTopic: topic, page: page, src: bgSrc})
}

func uniformIn(a, b time.Time) time.Time {
	return a.Add(time.Duration(rng.Int64N(int64(b.Sub(a)/time.Second))) * time.Second)
}

// ---------------------------------------------------------------- main

func main() {
	out := flag.String("out", "scenarios/shopkettle", "folder to write tickets.jsonl and updates.jsonl into")
	flag.Parse()
	buildCustomers()

	incs := []incDef{
		{label: "inc-order-emails", start: at(0, 9, 50), n: 46, followups: 4, pools: []*incPool{&poolEmails}, poolW: []float64{1},
			curve:     []pt{{0, 0.3}, {20, 0.8}, {45, 1.4}, {90, 1.5}, {120, 1.0}, {150, 0.6}, {190, 0.3}, {210, 0.05}},
			lateAfter: at(0, 11, 55), src: [4]float64{0.55, 0.2, 0.15, 0.1}},
		{label: "inc-payments-checkout", start: at(1, 14, 2), n: 146, followups: 11, pools: []*incPool{&poolCheckout, &poolRenewal}, poolW: []float64{0.76, 0.24},
			curve:     []pt{{0, 0.5}, {10, 2}, {30, 4}, {60, 5}, {90, 4}, {120, 2.5}, {140, 1}, {160, 0.2}},
			lateAfter: at(1, 16, 8), angry: true, src: [4]float64{0.45, 0.2, 0.25, 0.1}},
		{label: "inc-cdn-images", start: at(2, 10, 31), n: 67, followups: 5, pools: []*incPool{&poolImages, &poolAdmin}, poolW: []float64{0.7, 0.3},
			curve:     []pt{{0, 0.3}, {15, 0.6}, {40, 0.9}, {67, 1.3}, {95, 2.5}, {105, 2.3}, {125, 0.9}, {145, 0.2}, {150, 0.05}},
			lateAfter: at(2, 11, 45), src: [4]float64{0.45, 0.2, 0.2, 0.15}},
		{label: "inc-label-purchase", start: at(3, 15, 31), n: 38, followups: 3, pools: []*incPool{&poolLabels}, poolW: []float64{1},
			curve:     []pt{{0, 0.5}, {20, 1.5}, {50, 2}, {90, 1.2}, {110, 0.4}, {115, 0.1}},
			lateAfter: at(3, 17, 6), angry: true, src: [4]float64{0.45, 0.2, 0.2, 0.15}},
		{label: "inc-tracking-stale", start: at(5, 10, 12), n: 22, followups: 2, pools: []*incPool{&poolTracking}, poolW: []float64{1},
			curve:     []pt{{0, 0.4}, {40, 1}, {120, 1}, {200, 0.5}, {260, 0.1}},
			lateAfter: at(5, 13, 35), src: [4]float64{0.5, 0.25, 0.15, 0.1}},
	}
	type window struct{ a, b time.Time }
	windows := map[string]window{}
	for _, d := range incs {
		times := incidentTimes(d)
		buildIncident(d, times)
		windows[d.label] = window{times[0], times[len(times)-1]}
	}
	// Fri: ShopKettle's own release breaks minimum-spend discount codes; a slow trickle all day, no provider.
	{
		d := incDef{label: "inc-discount-bug", start: at(4, 8, 10), n: 26, followups: 1, pools: []*incPool{&poolDiscount}, poolW: []float64{1}, src: [4]float64{0.5, 0.25, 0.15, 0.1}}
		var times []time.Time
		t := d.start.Add(time.Duration(rng.IntN(50)) * time.Second)
		for len(times) < d.n-d.followups {
			times = append(times, t)
			t = t.Add(time.Duration(between(20, 45))*time.Minute + time.Duration(rng.IntN(60))*time.Second)
		}
		buildIncident(d, times)
		windows[d.label] = window{times[0], times[len(times)-1]}
	}

	// background: the everyday trickle, every day, including during the incidents
	perDay := []int{80, 82, 80, 78, 74, 40, 36}
	bgDecks := topicDecksFor(bgTopics)
	maintA, maintB := at(3, 0, 45), at(3, 3, 15)
	fi := rng.Perm(len(bgForeign))
	fiPos := 0
	var bgList []*Ticket
	for day, n := range perDay {
		for _, t := range spreadDay(day, n) {
			var tk *Ticket
			switch r := rng.Float64(); {
			case r < 0.035:
				tk = autoReply(t)
			case r < 0.055:
				tk = bounce(t)
			case r < 0.075 && fiPos < len(fi):
				tk = foreignTicket(bgForeign[fi[fiPos]], t, "background")
				fiPos++
			default:
				inMaint := !t.Before(maintA) && t.Before(maintB)
				i := pickTopic(bgTopics, func(tp Topic) bool { return !(inMaint && tp.key == "domain") })
				tk = topicTicket(bgTopics, bgDecks, i, pickCust(nil, nil), t, "background")
			}
			bgList = append(bgList, tk)
		}
	}
	// a few background follow-ups ("did you get my email?")
	for made, tries := 0, 0; made < 9 && tries < 500; tries++ {
		orig := pick(bgList)
		if orig.Org == "" || orig.Source != "email" || orig.Subject == "" || strings.HasPrefix(orig.Subject, "Automatic") || strings.HasPrefix(orig.Subject, "Out of") {
			continue
		}
		t := orig.at.Add(time.Duration(between(90, 400)) * time.Minute)
		if !t.Before(weekEnd) {
			continue
		}
		var c *Cust
		for _, cc := range allCusts {
			if cc.Email == orig.CustomerEmail {
				c = cc
			}
		}
		if c == nil {
			continue
		}
		text := orig.Body
		if strings.HasPrefix(text, "<html>") || text == "" {
			text = orig.Subject
		}
		body := quoted(pick(bgFollowups)+"\n\n"+c.First, orig.at, c.Name, c.Email, "ShopKettle Support", "support@shopkettle.com", orig.Subject, trunc(text, 500))
		newTicket(c, t, "background", "email", "Re: "+orig.Subject, body)
		made++
	}

	// hard negatives: 30 inside incident windows, the rest spread across the week
	hdDecks := topicDecksFor(hardTopics)
	login := map[string]bool{"forgot-password": true, "reset-expired": true, "locked": true, "2fa": true, "only-me": true, "sso": true, "invite": true, "wrong-email": true, "reset-not-arriving": true, "shopper-login": true}
	byKey := func(k string) int {
		for i, t := range hardTopics {
			if t.key == k {
				return i
			}
		}
		panic(k)
	}
	loginExcept := func(ex ...string) func(Topic) bool {
		return func(tp Topic) bool {
			for _, e := range ex {
				if tp.key == e {
					return false
				}
			}
			return login[tp.key]
		}
	}
	placeHard := func(w window, fixed []string, nLogin int, allow func(Topic) bool) {
		for _, k := range fixed {
			topicTicket(hardTopics, hdDecks, byKey(k), pickCust(nil, nil), uniformIn(w.a, w.b), "hard-negative")
		}
		for i := 0; i < nLogin; i++ {
			topicTicket(hardTopics, hdDecks, pickTopic(hardTopics, allow), pickCust(nil, nil), uniformIn(w.a, w.b), "hard-negative")
		}
	}
	placeHard(windows["inc-payments-checkout"], []string{"renewal-own-card", "renewal-own-card", "renewal-own-card", "renewal-own-card", "store-paused", "store-paused"}, 8, loginExcept())
	placeHard(windows["inc-cdn-images"], []string{"domain-own", "domain-own", "store-paused", "only-me", "only-me"}, 5, loginExcept())
	placeHard(windows["inc-order-emails"], nil, 3, loginExcept("reset-not-arriving", "shopper-login", "invite"))
	placeHard(windows["inc-label-purchase"], nil, 2, loginExcept())
	placeHard(windows["inc-tracking-stale"], nil, 1, loginExcept())
	emailWin := windows["inc-order-emails"]
	for i := 0; i < 49; i++ {
		day := rng.IntN(7)
		if day >= 5 && chance(0.5) {
			day = rng.IntN(5)
		}
		t := sampleDayTime(day)
		inEmail := !t.Before(emailWin.a) && !t.After(emailWin.b.Add(time.Hour))
		i := pickTopic(hardTopics, func(tp Topic) bool {
			return !(inEmail && (tp.key == "reset-not-arriving" || tp.key == "shopper-login"))
		})
		topicTicket(hardTopics, hdDecks, i, pickCust(nil, nil), t, "hard-negative")
	}
	for _, f := range hardForeign {
		foreignTicket(f, sampleDayTime(rng.IntN(5)), "hard-negative")
	}

	// look-alikes, inside the window of the incident whose feature they share
	placeLook := func(ls []lookAlike, w window, page, topic string) {
		for _, l := range ls {
			lookTicket(l, uniformIn(w.a.Add(4*time.Minute), w.b), page, topic)
		}
	}
	placeLook(lookCheckout, windows["inc-payments-checkout"], "/checkout", "Payments & checkout")
	placeLook(lookEmails, windows["inc-order-emails"], "/admin/settings/notifications", "Orders & notifications")
	placeLook(lookImages, windows["inc-cdn-images"], "/admin/products", "Storefront & themes")
	placeLook(lookLabels, windows["inc-label-purchase"], "/admin/orders/fulfill", "Shipping & fulfilment")
	placeLook(lookTracking, windows["inc-tracking-stale"], "/admin/orders", "Shipping & fulfilment")
	placeLook(lookDiscount, windows["inc-discount-bug"], "/admin/discounts", "Discounts & promotions")

	// order, number, write
	sort.SliceStable(tickets, func(i, j int) bool { return tickets[i].at.Before(tickets[j].at) })
	for i, tk := range tickets {
		tk.ID = fmt.Sprintf("SK-%d", 48210+i)
		tk.ReceivedAt = tk.at.Format(time.RFC3339)
	}
	ups := buildUpdates()
	must(weekgen.WriteWeek(*out, tickets, ups, weekgen.Format{}))
	counts := map[string]int{}
	var labels []string
	for _, tk := range tickets {
		if counts[tk.Label] == 0 {
			labels = append(labels, tk.Label)
		}
		counts[tk.Label]++
	}
	sort.Strings(labels)
	for _, l := range labels {
		fmt.Fprintf(os.Stderr, "%-24s %4d\n", l, counts[l])
	}
	fmt.Fprintf(os.Stderr, "%-24s %4d tickets, %d updates, %d customers in %d orgs\n", "total", len(tickets), len(ups), len(allCusts), len(orgs))
	var pu []string
	for k := range poolUse {
		pu = append(pu, k)
	}
	sort.Strings(pu)
	for _, k := range pu {
		fmt.Fprintf(os.Stderr, "  symptom pool %-50s %d first reports\n", k, poolUse[k])
	}
	for _, d := range []string{"inc-order-emails", "inc-payments-checkout", "inc-cdn-images", "inc-label-purchase", "inc-discount-bug", "inc-tracking-stale"} {
		w := windows[d]
		fmt.Fprintf(os.Stderr, "%-24s %s .. %s\n", d, w.a.Format(time.RFC3339), w.b.Format(time.RFC3339))
	}
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

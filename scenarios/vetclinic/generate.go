// Command generate writes the PawPoint (vetclinic) labelled support week:
// tickets.jsonl and updates.jsonl. Run from the repository root with
// `go run ./scenarios/vetclinic/generate.go` (or from this folder with
// `go run generate.go`). Seeded: every run writes the same bytes.
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

// ticket is a line of tickets.jsonl and the time it arrives.
type ticket struct {
	weekgen.Ticket
	at time.Time
}

type person struct {
	name, email, org string
	staff            bool
}

var r = rand.New(rand.NewPCG(20270208, 0x9a75))

func pick[T any](xs []T) T { return weekgen.Pick(r, xs) }

var week0 = time.Date(2027, 2, 8, 0, 0, 0, 0, time.UTC)

func at(day, h, m int) time.Time { return weekgen.At(week0, day, h, m) }

// between returns a random instant in [a, b).
func between(a, b time.Time) time.Time {
	return a.Add(time.Duration(r.Int64N(int64(b.Sub(a)/time.Second))) * time.Second)
}

// peaked returns an instant in [a, b) concentrated towards the first third.
func peaked(a, b time.Time) time.Time {
	span := float64(b.Sub(a) / time.Second)
	x := (r.Float64() + r.Float64() + r.Float64()*0.6) / 2.6
	x = x*x*0.6 + x*0.4
	return a.Add(time.Duration(x*span) * time.Second)
}

var firstNames = []string{"Amelia", "Oliver", "Priya", "Tomasz", "Hannah", "Marcus", "Siobhan", "Daniel", "Fatima", "George", "Chloe", "Ravi", "Emily", "Lukas", "Sofia", "Jack", "Aisha", "Benedict", "Megan", "Carlos", "Ingrid", "Kwame", "Lucy", "Niamh", "Owen", "Rosa", "Samir", "Tara", "Vera", "Will", "Yusuf", "Zoe", "Beth", "Callum", "Dana", "Ewan", "Freya", "Gemma", "Hugo", "Imogen", "Jasmine", "Kieran", "Leah", "Matteo", "Nadia", "Paula", "Quentin", "Rhys", "Sanne", "Theo", "Ursula", "Violet", "Wendy", "Xander", "Yara", "Anke", "Bram", "Claire", "Diego", "Elif", "Pierre", "Marta", "Joost", "Helga", "Brenda", "Dwayne", "Kayla", "Tyler", "Maggie", "Hiro"}
var lastNames = []string{"Hughes", "Patel", "Novak", "O'Brien", "Fischer", "Okafor", "Reid", "Moreau", "Santos", "Kowalski", "Campbell", "Bakker", "Lindqvist", "Murphy", "Evans", "Garcia", "Brennan", "Ahmed", "Walsh", "Thornton", "de Vries", "Keller", "Russo", "Mensah", "Price", "Dubois", "Fernandez", "Gallagher", "Hart", "Jansen", "Lloyd", "MacLeod", "Nowak", "Parry", "Quinn", "Shah", "Turner", "Vogel", "Webb", "Young", "Abbott", "Carver", "Doyle", "Ellison", "Foster", "Grant", "Holt", "Ives", "Jorgensen", "Kerr"}

type clinic struct{ name, domain, lang string }

var clinics = []clinic{
	{"Riverside Veterinary Centre", "riversidevets.co.uk", "en"}, {"Oakfield Animal Hospital", "oakfieldanimal.com", "en"},
	{"Paws & Claws Vet Clinic", "pawsandclaws-vet.co.uk", "en"}, {"Meadowbank Vets", "meadowbankvets.co.uk", "en"},
	{"Harbourside Pet Surgery", "harboursidepets.ie", "en"}, {"Northgate Veterinary Group", "northgatevg.co.uk", "en"},
	{"Cedar Hill Animal Clinic", "cedarhillvet.com", "en"}, {"Lakeshore Veterinary", "lakeshorevet.com", "en"},
	{"Tierarztpraxis am Stadtpark", "tierarzt-stadtpark.de", "de"}, {"Dierenkliniek De Linde", "dierenkliniekdelinde.nl", "nl"},
	{"Clínica Veterinaria Sol", "clinicavetsol.es", "es"}, {"Clinique Vétérinaire des Tilleuls", "vet-tilleuls.fr", "fr"},
	{"Greenway Equine & Farm Vets", "greenwayequine.co.uk", "en"}, {"Maple Street Cat Clinic", "maplestreetcats.com", "en"},
	{"Brookside Vet Practice", "brooksidevet.co.uk", "en"}, {"Summit Pet Hospital", "summitpethospital.com", "en"},
	{"Willow Tree Vets", "willowtreevets.co.uk", "en"}, {"Coastline Animal Care", "coastlineanimalcare.com", "en"},
	{"Heather Moor Veterinary", "heathermoorvet.co.uk", "en"}, {"Bluebell Veterinary Surgery", "bluebellvets.ie", "en"},
	{"Pinecrest Animal Hospital", "pinecrestah.com", "en"}, {"Old Mill Vets", "oldmillvets.co.uk", "en"},
	{"Kingfisher Veterinary Clinic", "kingfishervet.co.uk", "en"}, {"Prairie View Vet", "prairieviewvet.com", "en"},
	{"Thistle Veterinary Practice", "thistlevets.scot", "en"}, {"Sunnyside Mobile Vet", "sunnysidemobilevet.com", "en"},
	{"Tierklinik Hofmann", "tierklinik-hofmann.de", "de"}, {"Ashgrove Exotics & Small Animal", "ashgroveexotics.co.uk", "en"},
	{"Copperfield Vet Hospital", "copperfieldvet.com", "en"}, {"Fernbrook Veterinary", "fernbrookvet.co.uk", "en"},
	{"Valley Farm Animal Practice", "valleyfarmvets.co.uk", "en"}, {"Dierenartsenpraktijk Zuid", "dapzuid.nl", "nl"},
	{"Seaview Cat & Dog Clinic", "seaviewvets.co.uk", "en"}, {"Redwood Emergency Vets", "redwoodervets.com", "en"},
	{"Hollybush Vets", "hollybushvets.co.uk", "en"}, {"Elmwood Animal Clinic", "elmwoodanimalclinic.com", "en"},
	{"Clínica Veterinaria Los Olivos", "vetlosolivos.es", "es"}, {"Orchard Lane Vets", "orchardlanevets.co.uk", "en"},
	{"Stonebridge Veterinary Hospital", "stonebridgevh.com", "en"}, {"Little Paws Clinic", "littlepawsclinic.ie", "en"},
}

var ownerDomains = []string{"gmail.com", "outlook.com", "yahoo.co.uk", "hotmail.com", "icloud.com", "btinternet.com", "gmx.de", "proton.me", "live.nl", "yahoo.com"}

var (
	staffByClinic = map[string][]person{}
	owners        []person
	allStaff      []person
	usedEmails    = map[string]bool{}
)

func slug(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer("'", "", " ", "", "é", "e", "í", "i").Replace(s)
	return s
}

func mkPeople() {
	for _, c := range clinics {
		n := 2 + r.IntN(5)
		for i := 0; i < n; i++ {
			f, l := pick(firstNames), pick(lastNames)
			var e string
			switch r.IntN(3) {
			case 0:
				e = slug(f) + "." + slug(l)
			case 1:
				e = slug(f)[:1] + slug(l)
			default:
				e = slug(f)
			}
			e += "@" + c.domain
			if usedEmails[e] {
				continue
			}
			usedEmails[e] = true
			p := person{f + " " + l, e, c.name, true}
			staffByClinic[c.name] = append(staffByClinic[c.name], p)
			allStaff = append(allStaff, p)
		}
		// a shared reception mailbox
		if r.IntN(2) == 0 {
			e := pick([]string{"reception", "frontdesk", "info", "admin"}) + "@" + c.domain
			if !usedEmails[e] {
				usedEmails[e] = true
				p := person{c.name + " Reception", e, c.name, true}
				staffByClinic[c.name] = append(staffByClinic[c.name], p)
				allStaff = append(allStaff, p)
			}
		}
	}
	for len(owners) < 190 {
		f, l := pick(firstNames), pick(lastNames)
		e := slug(f) + pick([]string{".", "_", ""}) + slug(l)
		if r.IntN(3) == 0 {
			e += fmt.Sprint(r.IntN(99))
		}
		e += "@" + pick(ownerDomains)
		if usedEmails[e] {
			continue
		}
		usedEmails[e] = true
		owners = append(owners, person{f + " " + l, e, "", false})
	}
}

func staff() person { return pick(allStaff) }
func owner() person { return pick(owners) }
func anyone(pStaff int) person {
	if r.IntN(100) < pStaff {
		return staff()
	}
	return owner()
}

func clinicLang(p person) string {
	for _, c := range clinics {
		if c.name == p.org {
			return c.lang
		}
	}
	return "en"
}

// typo mangles a text a little, sometimes.
func typo(s string) string {
	if r.IntN(4) != 0 {
		return s
	}
	b := []rune(s)
	for k := 0; k < 1+r.IntN(2); k++ {
		if len(b) < 6 {
			break
		}
		i := 1 + r.IntN(len(b)-3)
		if b[i] != ' ' && b[i+1] != ' ' {
			b[i], b[i+1] = b[i+1], b[i]
		}
	}
	s = string(b)
	switch r.IntN(5) {
	case 0:
		s = strings.ToLower(s)
	case 1:
		s = strings.ReplaceAll(s, "'", "")
	}
	return s
}

var greetings = []string{"Hi,", "Hello,", "Hi team,", "Hi there,", "Good morning,", "Hello PawPoint support,", "Dear support,", "Hey,", "", "", "To whom it may concern,"}
var closers = []string{"Thanks", "Thank you", "Many thanks", "Cheers", "Regards", "Kind regards", "Thanks in advance", "", "Best", "Ta"}

func sign(p person) string {
	first := strings.Fields(p.name)[0]
	if p.org != "" && r.IntN(2) == 0 {
		return first + "\n" + p.org
	}
	if r.IntN(3) == 0 {
		return p.name
	}
	return first
}

type built struct{ subject, body, source string }

// wrap renders a core text in one of several channels.
func wrap(p person, subject, core string, chatLines []string, formTopic string) built {
	core = typo(core)
	switch x := r.IntN(100); {
	case x < 50: // plain email
		var b strings.Builder
		if g := pick(greetings); g != "" {
			b.WriteString(g + "\n\n")
		}
		b.WriteString(core)
		if c := pick(closers); c != "" {
			b.WriteString("\n\n" + c + ",\n" + sign(p))
		} else if r.IntN(2) == 0 {
			b.WriteString("\n\n" + sign(p))
		}
		if r.IntN(6) == 0 {
			b.WriteString("\n\nSent from my iPhone")
		}
		return built{subject, b.String(), "email"}
	case x < 60: // html email
		g := pick(greetings)
		if g == "" {
			g = "Hi,"
		}
		paras := strings.Split(core, "\n")
		var b strings.Builder
		b.WriteString("<html><body><div dir=\"ltr\"><p>" + g + "</p>")
		for _, para := range paras {
			if strings.TrimSpace(para) != "" {
				b.WriteString("<p>" + para + "</p>")
			}
		}
		b.WriteString("<p>" + pick([]string{"Thanks", "Kind regards", "Best wishes", "Regards"}) + ",<br>" + strings.ReplaceAll(sign(p), "\n", "<br>") + "</p></div></body></html>")
		return built{subject, b.String(), "email"}
	case x < 78: // chat
		lines := chatLines
		if len(lines) == 0 {
			lines = []string{core}
		}
		var b strings.Builder
		b.WriteString(pick([]string{"[Bot] Hi! How can I help?", "[Bot] Hi! I'm Pip, PawPoint's helper. How can I help?", "[Bot] Hello! What can I help you with today?"}) + "\n")
		for i, l := range lines {
			b.WriteString("[Customer] " + typo(l) + "\n")
			if i == 0 && len(lines) > 1 {
				b.WriteString(pick([]string{"[Bot] Sorry to hear that. Can you tell me a bit more?", "[Bot] I can help with that. Could you describe what you see?", "[Bot] Thanks! Anything else I should know?"}) + "\n")
			}
		}
		if r.IntN(2) == 0 {
			b.WriteString("[Bot] I'll pass this to a member of the team.\n")
		}
		return built{pick([]string{"", "Chat with " + p.name, "Chat transcript"}), strings.TrimSpace(b.String()), "chat"}
	default: // web form
		var b strings.Builder
		b.WriteString("Name: " + p.name + "\n")
		b.WriteString("Email: " + p.email + "\n")
		if p.org != "" {
			b.WriteString("Clinic: " + p.org + "\n")
		} else {
			b.WriteString("I am a: Pet owner\n")
		}
		b.WriteString("Topic: " + formTopic + "\n")
		if r.IntN(2) == 0 {
			b.WriteString("Device: " + pick([]string{"Windows PC / Chrome", "Mac / Safari", "iPad app", "Android app", "iPhone app", "Windows / Edge"}) + "\n")
		}
		b.WriteString("Message: " + strings.ReplaceAll(core, "\n", " "))
		return built{"Web form: " + subject, b.String(), "web"}
	}
}

var tickets []ticket

func add(t time.Time, p person, b built, label string) {
	tickets = append(tickets, ticket{at: t, Ticket: weekgen.Ticket{Subject: b.subject, Body: b.body, Source: b.source, CustomerEmail: p.email, CustomerName: p.name, Org: p.org, Label: label}})
}

// item is a subject pool, core texts and optional chat lines for one kind of message.
type item struct {
	subjects []string
	cores    []string
	topic    string
	staff    int // percentage staff
}

// whoFor picks a reporter fitting the text: lines marked "O|" are written by
// pet owners, the rest by clinic staff (or owners when the item is for owners).
func whoFor(core string, staffPct int) (person, string) {
	if strings.HasPrefix(core, "L:") { // written in a clinic's own language
		lang, text := core[2:4], core[5:]
		for {
			if p := staff(); clinicLang(p) == lang {
				return p, text
			}
		}
	}
	if strings.HasPrefix(core, "O|") {
		return owner(), core[2:]
	}
	if staffPct <= 5 {
		return owner(), core
	}
	return staff(), core
}

func (it item) emit(t time.Time, label string, extras []string) person {
	raw := pick(it.cores)
	p, core := whoFor(raw, it.staff)
	if strings.HasPrefix(raw, "L:") {
		add(t, p, built{pick(it.subjects), core + "\n" + strings.Fields(p.name)[0], "email"}, label)
		return p
	}
	if len(extras) > 0 && r.IntN(2) == 0 {
		core += " " + pick(extras)
	}
	chat := []string{}
	if parts := strings.SplitN(core, ". ", 2); len(parts) == 2 && r.IntN(2) == 0 {
		chat = []string{parts[0] + ".", parts[1]}
	}
	add(t, p, wrap(p, pick(it.subjects), core, chat, it.topic), label)
	return p
}

func main() {
	mkPeople()
	genIncidents()
	genHardNegatives()
	genLookAlikes()
	genBackground()

	sort.SliceStable(tickets, func(i, j int) bool { return tickets[i].at.Before(tickets[j].at) })
	for i := range tickets {
		tickets[i].ID = fmt.Sprintf("PP-%05d", 30100+i)
		tickets[i].ReceivedAt = tickets[i].at.Format(time.RFC3339)
	}
	dir := "."
	if st, err := os.Stat(filepath.Join("scenarios", "vetclinic")); err == nil && st.IsDir() {
		dir = filepath.Join("scenarios", "vetclinic")
	}
	// json.Marshal's spelling (<, > and & escaped), and pet owners without an
	// org leave the field out.
	must(weekgen.WriteWeek(dir, tickets, updates(), weekgen.Format{EscapeHTML: true, OmitEmptyOrg: true}))
	counts := map[string]int{}
	for _, t := range tickets {
		counts[t.Label]++
	}
	keys := []string{}
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(os.Stderr, "%-28s %d\n", k, counts[k])
	}
	fmt.Fprintf(os.Stderr, "%-28s %d\n", "total", len(tickets))
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

// ---------------------------------------------------------------- incidents

var loginIt = item{
	subjects: []string{"Can't log in", "LOGIN DOWN??", "Unable to sign in - urgent", "PawPoint not letting anyone log in", "Outage?", "login error", "Logged out and can't get back in", "All staff locked out", "Sign-in not working", "is pawpoint down", "Urgent: no access to the schedule", "Problem signing in", "SSO failing", "cannot access account", "Login page just spins", "Nobody can get into PawPoint", "can't sign in to owner app", "sign in broken?", "Access problem - whole practice"},
	cores: []string{
		"None of us can log in to PawPoint this afternoon. The login page spins and then says 'Something went wrong, please try again'.",
		"Front desk can't sign in at all. We have a waiting room full of dogs and no access to the day's schedule.",
		"SSO sign-in fails with a 502 Bad Gateway right after I enter my password.",
		"Getting 'Unable to reach sign-in service' on the login screen on every computer in the clinic.",
		"I was logged out in the middle of writing up a consult and now I can't get back in. Lost my notes too probably.",
		"My session expired and now the Sign in button does nothing, just greys out for a second.",
		"Our vets can't open any patient records because nobody can log in. Is PawPoint down?",
		"O|Tried to log in to the owner app to book a check-up and it keeps saying 'Login failed, try again later'.",
		"The 'Sign in with Microsoft' button on the clinic login goes to a blank white page.",
		"After typing my password it sits on 'Verifying...' forever and then bounces me back to the login page.",
		"Whole team has been locked out since about 1pm. Tried Chrome, Edge and the iPad app, same everywhere.",
		"Is there an outage? Nobody at either of our branches can sign in.",
		"Login broken. We have surgeries starting at 2 and can't see the anaesthetic notes.",
		"Error AUTH_UPSTREAM_TIMEOUT when logging in. Three of us get the same.",
		"Can't get past the login screen, the page reloads itself every time.",
		"O|I can't sign in to the pet owner portal, and my sister who uses it for her cat can't either.",
		"Everyone in the practice got kicked out about 10 minutes ago and nobody can sign back in.",
		"The sign in page says 'We're having trouble signing you in' for all of our users.",
		"Locum vet started today and nobody can log in to show her the system, including me (practice manager).",
		"We can't check clients in, can't take payments, can't see anything. Login is just failing.",
		"Mobile app logged me out and now says 'Network error' when I try to sign in. Wi-Fi is fine, everything else works.",
		"PawPoint login not working for anyone here. Password is definitely right, we all use password managers.",
		"Got logged out on all three reception PCs at once and now the login page times out.",
		"O|Can't log into the owner app to see my dog's vaccination record, just get an error.",
	},
	topic: "Login / access",
	staff: 82,
}

var loginExtras = []string{
	"Cleared the cache and tried incognito, same thing.",
	"Restarted the PC twice.",
	"This is really urgent, we're running the clinic on paper.",
	"Please call the clinic asap.",
	"We have 40 appointments this afternoon.",
	"Other websites work fine so it's not our internet.",
	"Is there an ETA?",
	"Tried on my phone on 4G as well, no luck.",
	"Colleagues at our other site say the same.",
	"Started around 1:15 our time.",
}

var loginOneLiners = []string{"LOGIN DOWN", "cant log in!!!", "is it down?", "pawpoint down again??", "nobody can sign in", "sign in not working - help", "login error for whole clinic", "Can't log in. At all."}

var loginForeign = []struct{ lang, subj, body string }{
	{"de", "Anmeldung funktioniert nicht", "Seit ca. 14 Uhr kann sich in unserer Praxis niemand mehr bei PawPoint anmelden. Die Seite lädt lange und dann kommt eine Fehlermeldung. Bitte dringend um Hilfe."},
	{"de", "PawPoint Login gestört?", "Hallo, keiner von uns kann sich einloggen, weder am PC noch auf dem iPad. Ist das ein bekanntes Problem?"},
	{"es", "No puedo iniciar sesión", "Hola, ninguno de los veterinarios puede iniciar sesión en PawPoint, sale un error después de poner la contraseña. Tenemos la sala de espera llena."},
	{"es", "Error al entrar", "Buenas tardes, desde hace media hora no podemos entrar en PawPoint. ¿Hay alguna caída del servicio?"},
	{"fr", "Impossible de se connecter", "Bonjour, depuis cet après-midi impossible de se connecter à PawPoint, la page de connexion tourne dans le vide. Toute l'équipe est bloquée."},
	{"nl", "Inloggen lukt niet", "Hallo, niemand in de kliniek kan inloggen bij PawPoint, de pagina blijft laden en geeft dan een foutmelding. Graag snel hulp."},
	{"nl", "Storing inloggen?", "Is er een storing? Al onze medewerkers krijgen een fout bij het inloggen."},
}

var smsIt = item{
	subjects: []string{"Reminder texts not sending", "SMS not going out", "SMS reminders failed", "texts stuck in queue", "Clients not getting reminder texts", "No SMS today?", "URGENT sms down", "Text confirmations not coming in", "SMS delivery problem", "reminders by text not working"},
	cores: []string{
		"None of our appointment reminder texts have gone out this morning. The message log shows every one as 'Queued'.",
		"Clients are ringing to ask why they didn't get their reminder text for today. They normally get one first thing.",
		"SMS reminders all showing 'Failed - carrier error' since about 8 o'clock.",
		"We sent a batch of booster vaccination reminder texts and not a single one was delivered.",
		"Clients are replying Y to confirm by text but nothing is coming through. All of today's bookings still show unconfirmed.",
		"Text messages stuck on 'Sending'. I tried resending a few by hand, same result.",
		"Our SMS delivery report says 0 delivered out of 112 this morning.",
		"Two-way SMS inbox is completely empty today which never happens on a Monday.",
		"Are texts down? The booking confirmation SMS from the owner app isn't arriving for any client either.",
		"O|I booked Milo in for Wednesday through the app and never got the confirmation text with the code.",
		"O|Normally I get a text the morning of my dog's appointment. Nothing today, is it still on?",
		"Post-op check reminders didn't go out by SMS, had three no-shows already.",
		"SMS sending is failing for the whole practice, email reminders seem ok.",
	},
	topic: "Reminders / SMS",
	staff: 78,
}
var smsExtras = []string{"Email reminders are going out fine.", "Can you look into it?", "We rely on these to avoid no-shows.", "Happened at both branches.", "Nothing changed on our side."}

var payIt = item{
	subjects: []string{"Card payments failing", "Can't take payments", "payments down??", "Terminal declining everything", "Online payment not working", "Payment error at checkout", "Unable to process card", "Invoice payment fails", "Card reader problem - all cards", "pay online broken"},
	cores: []string{
		"Every card payment at reception is failing with 'Transaction failed - processor unavailable'.",
		"Card terminal keeps saying 'Declined - try again' for every client. We've tried five different cards.",
		"Clients can't pay their invoices online, the payment page errors straight after they enter card details.",
		"Checkout spins and then says 'Payment could not be processed'. There's a queue at the desk.",
		"O|I tried to pay the deposit for my dog's dental and it fails every time. My card works everywhere else.",
		"Pre-authorisations for our hospitalised patients are failing since about 4pm.",
		"Contactless and chip both failing on both readers.",
		"The payment links we sent today all open a page that says 'Something went wrong'.",
		"We're taking cash only at the moment because card payments through PawPoint just stopped working.",
		"O|Tried to pay my vet bill in the app and got 'error 503, payment service unavailable'.",
		"Payments stuck on 'Processing...' then time out. Happened to 6 clients in a row.",
	},
	topic: "Payments",
	staff: 75,
}
var payExtras = []string{"Is this on your side?", "Please advise asap.", "Clients are getting annoyed.", "Restarted the terminal, no change.", "Our internet is fine."}

var weightIt = item{
	subjects: []string{"Weights showing in lbs", "weight units wrong", "Dose calculator wrong weight - urgent", "Patient weight chart bug", "kg/lb mixup", "Weights wrong after update", "Weight history looks wrong", "clinical safety issue - weights"},
	cores: []string{
		"Since this morning all our patient weights show in lb instead of kg. A 24 kg Labrador is showing as 24 lb.",
		"The weight chart in the patient record has gone strange: the axis says lbs but the numbers are the kg values.",
		"The dose calculator is using the wrong weight. It suggested less than half the dose for a 30 kg dog. We caught it but this is dangerous.",
		"Weights entered today save as kg but show as pounds in the clinical notes.",
		"O|The app says my cat weighs 4.2 lb, she's 4.2 kg, the vet weighed her yesterday. Is she OK??",
		"Drug labels are printing with the wrong patient weight since the update.",
		"Did a setting change? Units on the weight history flipped to imperial but the numbers didn't convert.",
		"After this morning's update, weights on the consult screen are in lb. Our practice settings still say metric.",
		"Weight trend graph shows our diabetic cat suddenly losing half her weight, it's the units.",
	},
	topic: "Medical records",
	staff: 85,
}
var weightExtras = []string{"Please fix urgently, this affects drug doses.", "We've told the vets to double check every dose by hand.", "Is anyone else seeing this?", "Started after the 6.4 release notes popped up."}

func genIncidents() {
	// Mon: textwing SMS outage, 40 tickets 08:12-09:55.
	a, b := at(0, 8, 12), at(0, 9, 55)
	smsReporters := []person{}
	for i := 0; i < 37; i++ {
		t := peaked(a, b)
		if i == 0 {
			t = a
		}
		smsReporters = append(smsReporters, smsIt.emit(t, "inc-sms-reminders", smsExtras))
	}
	for i := 0; i < 3; i++ {
		p := smsReporters[r.IntN(20)]
		add(between(at(0, 9, 20), at(0, 10, 0)), p, built{"Re: " + pick(smsIt.subjects), pick([]string{"Any update on the texts? Still nothing going out.", "Hi again, SMS still failing here. Should we send reminders manually?", "still stuck in queue. any news?"}), "email"}, "inc-sms-reminders")
	}

	// Wed: keyhold login storm, 135 tickets 13:16-15:25.
	a, b = at(2, 13, 16), at(2, 15, 25)
	type first struct {
		p    person
		subj string
		core string
	}
	firsts := []first{}
	for i := 0; i < 110; i++ {
		t := peaked(a, b)
		if i == 0 {
			t = a
		}
		p, core := whoFor(pick(loginIt.cores), loginIt.staff)
		if r.IntN(2) == 0 {
			core += " " + pick(loginExtras)
		}
		subj := pick(loginIt.subjects)
		chat := []string{}
		if parts := strings.SplitN(core, ". ", 2); len(parts) == 2 && r.IntN(2) == 0 {
			chat = []string{parts[0] + ".", parts[1]}
		}
		add(t, p, wrap(p, subj, core, chat, loginIt.topic), "inc-login-outage")
		firsts = append(firsts, first{p, subj, core})
	}
	for i := 0; i < 8; i++ { // short angry one-liners, subject only or body only
		p := anyone(80)
		l := pick(loginOneLiners)
		if r.IntN(2) == 0 {
			add(peaked(a, b), p, built{l, "", "email"}, "inc-login-outage")
		} else {
			add(peaked(a, b), p, built{"", l, pick([]string{"chat", "email"})}, "inc-login-outage")
		}
	}
	for _, f := range loginForeign {
		var p person
		for tries := 0; tries < 200; tries++ {
			p = staff()
			if clinicLang(p) == f.lang {
				break
			}
		}
		add(peaked(a, b), p, built{f.subj, f.body, "email"}, "inc-login-outage")
	}
	for i := 0; i < 10; i++ { // follow-ups from earlier reporters
		f := firsts[r.IntN(50)]
		body := pick([]string{"Any update?? Still can't log in.", "Hello? It's been an hour. Still locked out.", "Still down for us. Can someone please reply.", "any news on this? the clinic is at a standstill", "Following up - still no access for any of our staff."})
		quoted := "> " + strings.ReplaceAll(f.core, "\n", "\n> ")
		add(between(at(2, 14, 10), b), f.p, built{"Re: " + f.subj, body + "\n\nOn Wed, 10 Feb 2027, " + f.p.name + " wrote:\n" + quoted, "email"}, "inc-login-outage")
	}

	// Thu: tillpay payment failures, 45 tickets 16:05-17:45.
	a, b = at(3, 16, 5), at(3, 17, 45)
	payReporters := []person{}
	for i := 0; i < 42; i++ {
		t := peaked(a, b)
		if i == 0 {
			t = a
		}
		payReporters = append(payReporters, payIt.emit(t, "inc-payments-failing", payExtras))
	}
	for i := 0; i < 3; i++ {
		p := payReporters[r.IntN(20)]
		add(between(at(3, 17, 0), b), p, built{"Re: " + pick(payIt.subjects), pick([]string{"Still can't take cards. Any update?", "update please - payments still failing", "Is there any news? We've had to let clients leave without paying."}), "email"}, "inc-payments-failing")
	}

	// Fri: our own bug, release 6.4.0 shows kg weights as lb. 25 tickets 06:41-20:50.
	days := []time.Time{}
	for i := 0; i < 25; i++ {
		var t time.Time
		switch {
		case i == 0:
			t = at(4, 6, 41)
		case i < 10:
			t = between(at(4, 7, 0), at(4, 10, 30))
		case i < 19:
			t = between(at(4, 10, 30), at(4, 16, 0))
		default:
			t = between(at(4, 16, 0), at(4, 20, 50))
		}
		days = append(days, t)
	}
	for _, t := range days {
		weightIt.emit(t, "inc-records-weight-units", weightExtras)
	}
}

// ---------------------------------------------------------------- hard negatives

var hardLogin = item{
	subjects: []string{"Can't log in", "Password reset not working", "Locked out of my account", "Login problem", "2FA help", "can't sign in", "Reset email never came", "Account locked", "Access issue", "Help - can't get into PawPoint"},
	cores: []string{
		"I forgot my password and I can't remember which email I used to sign up. Can you help me get back in?",
		"I've requested the password reset email three times and it never arrives. Checked spam. My colleagues got theirs fine when they reset last week.",
		"My account says it's locked after too many failed attempts. I kept typing my old password, sorry. Can you unlock it?",
		"Got a new phone at the weekend and didn't move the authenticator app over. Now I can't get past the 2FA code screen.",
		"I changed my work email when we rebranded and now the login says 'no account found' for the new address.",
		"It's only me. Everyone else in the clinic can log in but I get 'invalid email or password'.",
		"I left Riverside and joined a new practice, but when I log in it still takes me to my old clinic.",
		"The reset link in the email says 'expired' when I click it. I clicked it the next morning.",
		"Our receptionist's login stopped working, I think we deactivated her by mistake when updating her hours.",
		"O|I signed up for the owner app with an old Hotmail address I no longer have access to. How do I change it so I can log in?",
		"My 2FA codes go to my old mobile number which I don't have any more. Can't sign in.",
		"Can't log in on the new reception PC. It works on the old one. The new PC's clock seems to be wrong, not sure if that matters.",
		"O|I typed my email wrong when registering (gmial instead of gmail) and now I can't log in or reset.",
		"My account got locked while I was on holiday, says 'suspended - contact your practice admin'.",
		"Password reset email comes through but the new password keeps getting rejected as 'too weak'.",
		"Only my login doesn't work, the others at the desk are fine. I've not changed anything.",
	},
	topic: "Login / access",
	staff: 70,
}

var hardOther = []item{
	{subjects: []string{"Client not getting reminder texts", "SMS not arriving for one client", "reminder text problem"},
		cores: []string{
			"One of our clients says she never gets reminder texts. Everyone else does. Turns out we might have her old number on file?",
			"Client swears he never got the text reminder. Log says delivered to a number ending 0440, which isn't his.",
			"A client says our reminder texts stopped a month ago. She thinks she might have replied STOP by accident.",
			"O|I'm not receiving any appointment texts from my vet any more. Everyone else in my family does.",
			"Texts aren't arriving for one client whose number is a landline.",
		}, topic: "Reminders / SMS", staff: 70},
	{subjects: []string{"Payment declined", "Card declined at reception", "Subscription payment failed", "Card reader offline"},
		cores: []string{
			"A client's card was declined three times at the desk. Her bank says there's a hold on the card. Is there anything our side?",
			"We got an email saying our PawPoint subscription payment failed. I think the company card expired last month.",
			"Card reader says 'offline' since this morning. Our IT replaced the router yesterday, could that be it?",
			"O|My card got declined when paying my vet bill online. It's a new card, maybe I typed the expiry wrong?",
			"Our account shows 'read only - payment overdue'. The direct debit bounced because we changed banks.",
		}, topic: "Payments", staff: 70},
	{subjects: []string{"Emails going to spam", "Not getting emails", "appointment emails missing"},
		cores: []string{
			"A client says all our reminder emails land in her junk folder. Is there something we can do?",
			"O|I'm not getting any emails from my vet's PawPoint account. Just realised my inbox is full.",
			"One owner says she never receives our invoices by email, we have her address as @gmai.com.",
		}, topic: "Email", staff: 60},
}

func genHardNegatives() {
	// 30 inside the login storm window
	for i := 0; i < 30; i++ {
		hardLogin.emit(between(at(2, 13, 10), at(2, 15, 30)), "hard-negative", nil)
	}
	// 5 inside the SMS window, 5 inside payments window
	for i := 0; i < 5; i++ {
		if i < 3 {
			hardOther[0].emit(between(at(0, 8, 10), at(0, 10, 0)), "hard-negative", nil)
		} else {
			hardLogin.emit(between(at(0, 8, 10), at(0, 10, 0)), "hard-negative", nil)
		}
	}
	for i := 0; i < 5; i++ {
		hardOther[1].emit(between(at(3, 16, 0), at(3, 17, 50)), "hard-negative", nil)
	}
	// 50 spread through the week
	for i := 0; i < 50; i++ {
		t := bgTime(r.IntN(7))
		switch x := r.IntN(10); {
		case x < 5:
			hardLogin.emit(t, "hard-negative", nil)
		case x < 7:
			hardOther[0].emit(t, "hard-negative", nil)
		case x < 9:
			hardOther[1].emit(t, "hard-negative", nil)
		default:
			hardOther[2].emit(t, "hard-negative", nil)
		}
	}
}

// ---------------------------------------------------------------- look-alikes

var lookLogin = item{
	subjects: []string{"Wrong branch after login", "Remember me not working", "Login page issue", "After I sign in...", "sign in question", "Logout button missing", "Login screen bug"},
	cores: []string{
		"After logging in, the clinic switcher always defaults to our Northside branch even though I work at Southside.",
		"The 'Remember me' checkbox on the login page doesn't remember me, I have to type my email every day.",
		"The logo on the login page is stretched on my iPad, looks a bit unprofessional when clients see it.",
		"After I sign in the dashboard shows yesterday's date until I refresh.",
		"The sign-in page shows in Spanish on my laptop even though my language is set to English.",
		"The log out button has disappeared from the menu in the Android app.",
		"When I log in, the 'Welcome back' message shows my colleague's name, not mine.",
		"Logging in takes me to Settings instead of the calendar, can I change the start page?",
		"The password field on the login page won't let me paste from my password manager.",
		"Every time I sign in with Microsoft it asks me to pick a clinic again.",
		"My profile picture shows as a broken image after login.",
		"The auto-logout after 15 minutes is too short for consult rooms, can we make it longer?",
	},
	topic: "Login / access", staff: 90,
}
var lookSMS = item{
	subjects: []string{"Reminder text wording", "SMS template issue", "text reminder shows wrong info"},
	cores: []string{
		"Our reminder texts show the old clinic phone number, where do I change it?",
		"The SMS template cuts off the pet's name when it has an apostrophe, e.g. \"Mr Biscuit's\" becomes \"Mr Biscuit\".",
		"Reminder texts show the time in 24h format, clients find 14:30 confusing. Can it say 2:30pm?",
		"Some reminder texts say 'with Dr. Unassigned' when the vet isn't picked yet.",
		"The paw emoji in our SMS template comes out as a question mark on some phones.",
		"One client got the same reminder text twice last Thursday, is that a setting?",
		"The SMS credits counter on the billing page hasn't gone down all month, is it counting properly?",
	},
	topic: "Reminders / SMS", staff: 95,
}
var lookPay = item{
	subjects: []string{"Receipt shows wrong VAT", "Refund not showing", "Deposit amount wrong", "Card reader tip screen", "invoice rounding"},
	cores: []string{
		"The receipts from the card reader show VAT at 5% instead of 20% on food items.",
		"A refund we did last week isn't showing in the end-of-day payment report.",
		"Deposit for surgery bookings is showing £50 when we set it to £100 in settings.",
		"The tip screen keeps appearing on the card reader even though we turned tipping off.",
		"Invoices are 1p out between the total and the card payment, rounding issue?",
		"The payment link email still has our old logo.",
		"Card reader battery lasts only a couple of hours since last week's firmware update.",
	},
	topic: "Payments", staff: 95,
}
var lookRecords = item{
	subjects: []string{"Vaccination certificate PDF", "Lab results preview", "Records search", "Allergy badge missing", "chart legend overlaps"},
	cores: []string{
		"The vaccination certificate PDF cuts off the bottom margin, the vet's signature is missing.",
		"Lab result attachments won't preview in the patient record, we have to download them.",
		"Searching records by microchip number finds nothing, name search works.",
		"The red allergy badge isn't showing on the patient header for a cat with a penicillin allergy.",
		"On the body condition score chart the legend overlaps the last data point.",
		"Records from the practice we merged with show the wrong species icon (rabbit as dog).",
	},
	topic: "Medical records", staff: 95,
}

func genLookAlikes() {
	for i := 0; i < 12; i++ {
		lookLogin.emit(between(at(2, 13, 20), at(2, 15, 20)), "look-alike", nil)
	}
	for i := 0; i < 7; i++ {
		lookSMS.emit(between(at(0, 8, 15), at(0, 9, 55)), "look-alike", nil)
	}
	for i := 0; i < 7; i++ {
		lookPay.emit(between(at(3, 16, 5), at(3, 17, 45)), "look-alike", nil)
	}
	for i := 0; i < 6; i++ {
		lookRecords.emit(between(at(4, 7, 0), at(4, 20, 0)), "look-alike", nil)
	}
}

// ---------------------------------------------------------------- background

// bgTime draws an ordinary working-hours instant on a day (0 = Monday).
func bgTime(day int) time.Time {
	h := []int{7, 8, 8, 9, 9, 9, 10, 10, 10, 11, 11, 12, 13, 13, 14, 14, 15, 15, 16, 16, 17, 18, 19, 20, 21, 22, 23, 1, 2, 6}
	if day >= 5 {
		h = []int{8, 9, 9, 10, 10, 11, 11, 12, 13, 14, 15, 16, 18, 20}
	}
	return at(day, pick(h), 0).Add(time.Duration(r.IntN(3600)) * time.Second)
}

var background = []item{
	{subjects: []string{"Adding a new vet", "New staff member", "how do I add a user"}, cores: []string{
		"We have a new vet starting on Monday. How do I add her to the rota and give her a login?",
		"How do I add a veterinary nurse as a user without giving her access to the finance reports?",
		"Can a locum have a temporary login that expires after two weeks?"}, topic: "Account", staff: 100},
	{subjects: []string{"Opening hours for online booking", "Change booking hours", "Online booking question"}, cores: []string{
		"We're closing early on Fridays from next month. How do I change the hours clients can book online?",
		"Can we stop clients booking online for surgery slots and only allow consults?",
		"Is there a way to block out a bank holiday in online booking for all vets at once?",
		"Can we set a minimum notice period so people can't book online for 10 minutes from now?"}, topic: "Booking", staff: 100},
	{subjects: []string{"Reminder settings", "Change reminder timing", "Reminders 48h before?"}, cores: []string{
		"How do I change appointment reminders to go out 48 hours before instead of 24?",
		"Can we send vaccination reminders by email only and keep SMS for appointments?",
		"Where do I edit the wording of the booster reminder? It still mentions our old address.",
		"Is it possible to stop reminders for deceased patients automatically? We had an upsetting call.",
		"Can reminders be sent in Welsh for clients who prefer it?"}, topic: "Reminders", staff: 100},
	{subjects: []string{"Data export", "Export client list", "CSV export question"}, cores: []string{
		"How do I export our full client list with pets to CSV? Our accountant wants it.",
		"Can I export all consult notes for one patient as a PDF for a referral?",
		"We need a monthly export of invoices for our accounting software. Is there an automatic option?",
		"Is there an API to pull appointment data into our own reporting?"}, topic: "Data / export", staff: 100},
	{subjects: []string{"Feature request", "Suggestion", "Idea for PawPoint", "would be nice if..."}, cores: []string{
		"Would love a dark mode for the night shift, the screen is very bright in the ward at 3am.",
		"Feature request: let owners book for two pets in the same slot.",
		"Could you add a weight-loss programme template to the records?",
		"It would be great if the calendar could colour appointments by species.",
		"Please add a way to attach photos from the iPad camera directly to a consult.",
		"Can you add a waiting list for cancelled appointments?"}, topic: "Feedback", staff: 95},
	{subjects: []string{"Invoice for January", "VAT number on invoice", "Billing question", "Our PawPoint invoice"}, cores: []string{
		"Could you resend our January invoice? Our practice manager can't find it.",
		"Please add our VAT number to our PawPoint invoices going forward.",
		"We'd like to move from monthly to annual billing, is there a discount?",
		"We added two seats last month, why has the invoice gone up by three?",
		"Can the invoices go to accounts@ instead of my personal work email?"}, topic: "Billing", staff: 100},
	{subjects: []string{"Change of clinic name", "Adding a second branch", "Remove former employee", "Account changes"}, cores: []string{
		"We've rebranded, please can you change our clinic name on the booking page and emails?",
		"We're opening a second branch in April. How does pricing work and can both share clients?",
		"Please remove access for a nurse who left last week, I can't see the delete button.",
		"Can you transfer the account owner role from me to our new practice manager?"}, topic: "Account", staff: 100},
	{subjects: []string{"Cancel appointment", "Change my booking", "Booking for my dog", "appointment question"}, cores: []string{
		"How do I cancel my cat's appointment on Thursday? I can't see a cancel button in the app.",
		"Can I move my dog's booster to next week? The app only shows the current date.",
		"I booked the wrong vet by mistake, can you change it or should I call the clinic?",
		"Is there a way to add a note to my booking that my dog is nervous around other dogs?",
		"Can I book for my rabbit online or do exotics need a phone call?"}, topic: "Booking", staff: 5},
	{subjects: []string{"Adding another pet", "Update my details", "New address", "Pet passed away"}, cores: []string{
		"How do I add our new puppy to my account?",
		"I've moved house, how do I update my address in the owner app?",
		"Our old dog passed away last month. Can you remove him so we stop getting reminders? Thank you.",
		"My partner wants to be able to book for our dogs too. Can we share an account?",
		"How do I change my phone number in the app?"}, topic: "Account", staff: 0},
	{subjects: []string{"Invoice from my vet", "Refund question", "Receipt please", "Payment question"}, cores: []string{
		"Where can I find the invoice for my cat's spay? I need it for my pet insurance claim.",
		"I cancelled my appointment 3 days ahead but was still charged the deposit. Who do I ask for a refund?",
		"Can I pay my vet bill in instalments through the app?",
		"Could I get a receipt with the itemised treatment for my insurer?"}, topic: "Payments", staff: 0},
	{subjects: []string{"Video consult setup", "Telehealth question", "How do video appointments work"}, cores: []string{
		"How do we start offering video consults? Do the vets need a webcam or does the iPad work?",
		"Can owners join a video consult from a browser or do they need the app?",
		"O|My video appointment is tomorrow, is there a way to test my camera beforehand?",
		"Can we charge a different fee for video consults vs in-person?"}, topic: "Telehealth", staff: 60},
	{subjects: []string{"Lab integration", "Connecting our lab", "Integration question"}, cores: []string{
		"Does PawPoint integrate with in-house blood analysers so results go straight into records?",
		"Our external lab sends results by email. Can they be imported into the patient record?",
		"Is there an integration with insurance providers for direct claims?"}, topic: "Integrations", staff: 100},
	{subjects: []string{"Prescription labels", "Printing question", "Label printer"}, cores: []string{
		"How do I set up our label printer for prescription labels? It prints on two labels.",
		"Can the prescription label show the owner's surname only?",
		"Our consent forms print with a grey background, is that a setting?"}, topic: "Printing", staff: 100},
	{subjects: []string{"GDPR request", "Delete my data", "Data request"}, cores: []string{
		"O|Please delete all my personal data. I've moved abroad and no longer use the clinic.",
		"A client has asked for a copy of all data we hold on her. How do we produce that from PawPoint?",
		"Where is our data stored? Our insurers are asking for a data processing agreement."}, topic: "Privacy", staff: 60},
	{subjects: []string{"Training session", "Onboarding help", "Staff training"}, cores: []string{
		"Could we book a training session for our new reception team next week?",
		"Are there video tutorials for the stock control module?",
		"We go live on PawPoint on the 1st. Who is our onboarding contact?"}, topic: "Onboarding", staff: 100},
	{subjects: []string{"Stock control", "Inventory question", "Reorder levels"}, cores: []string{
		"How do I set reorder levels for vaccines so we get a warning?",
		"Stock count after our audit is off by a few boxes, can I adjust it without an invoice?",
		"Can stock be transferred between our two branches?"}, topic: "Stock", staff: 100},
	{subjects: []string{"Calendar view", "Rota question", "Diary settings"}, cores: []string{
		"Is there a week view that shows all vets side by side?",
		"How do I block an hour every day for surgeries?",
		"Can appointment length default to 15 minutes for nurse clinics and 20 for vets?",
		"The calendar starts at 6am, can it start at 8 so we don't scroll every time?"}, topic: "Calendar", staff: 100},
	{subjects: []string{"Thank you!", "Thanks for the help", "great support"}, cores: []string{
		"Just wanted to say thank you to Jess for sorting our reminders yesterday.",
		"Thanks, the export worked perfectly.",
		"All sorted now, thanks for the quick reply!"}, topic: "Feedback", staff: 80},
	{subjects: []string{"Turn off reminder emails", "Too many emails", "Notification settings"}, cores: []string{
		"O|How do I stop getting marketing emails from my vet but keep the appointment reminders?",
		"O|I get both a text and an email for every reminder. Can I just have the text?",
		"O|The app sends me a notification for every invoice, can I turn those off?"}, topic: "Reminders", staff: 0},
	{subjects: []string{"Microchip details", "Insurance details on record", "Pet details wrong"}, cores: []string{
		"O|My dog's date of birth is wrong in the app, she's 4 not 14! Can I fix it myself?",
		"O|How do I add my pet insurance policy number so the vet can claim directly?",
		"O|The app has my cat down as male, she is definitely female.",
		"O|Can I upload my dog's vaccination record from our previous vet?"}, topic: "Pet details", staff: 0},
	{subjects: []string{"Reports question", "End of day report", "Revenue report"}, cores: []string{
		"Is there a report showing revenue per vet per month?",
		"How do I see how many no-shows we had last quarter?",
		"The end of day report groups cash and card together, can they be split?",
		"Can I schedule the weekly report to be emailed to the partners?"}, topic: "Reports", staff: 100},
	{subjects: []string{"Consent forms", "Digital signatures", "Estimate for owner"}, cores: []string{
		"Can owners sign surgery consent forms on the iPad at reception?",
		"How do we send a treatment estimate to an owner for approval before the procedure?",
		"Can we add our own clause to the anaesthetic consent template?"}, topic: "Clinical", staff: 100},
	{subjects: []string{"iPad app question", "Mobile app", "App update"}, cores: []string{
		"Is the iPad app able to work offline on house calls?",
		"Does the Android app support tablets? It looks tiny on our Samsung tab.",
		"When will the new app version with the ward board be out?"}, topic: "Apps", staff: 100},
	{subjects: []string{"Pricing", "Plans", "Quote request"}, cores: []string{
		"We're a three-vet practice currently on paper. What would PawPoint cost us?",
		"Do you offer a discount for charities? We're a rescue centre with a small clinic.",
		"What's the difference between the Essentials and Practice plans?"}, topic: "Sales", staff: 70},
}

var bgExtras = []string{"No rush on this.", "We're on the Practice plan if that matters.", "Thanks for the help last time!", "Happy to jump on a call.", "I couldn't find it in the help centre.", "Sorry if this is a silly question.", "Our practice manager asked me to check.", "Just want to make sure before we change anything."}

var foreignBg = []item{
	{subjects: []string{"Frage zur Impferinnerung"}, cores: []string{"L:de|Guten Tag, wie können wir die Erinnerungen für Impfungen auf drei Tage vorher umstellen? Vielen Dank"}, topic: "Other", staff: 100},
	{subjects: []string{"Pregunta sobre facturas"}, cores: []string{"L:es|Hola, ¿cómo puedo descargar todas las facturas del mes pasado en un solo archivo? Gracias."}, topic: "Other", staff: 100},
	{subjects: []string{"Question sur les rappels"}, cores: []string{"L:fr|Bonjour, est-il possible d'envoyer les rappels de vaccins uniquement par e-mail ? Merci d'avance."}, topic: "Other", staff: 100},
	{subjects: []string{"Vraag over online afspraken"}, cores: []string{"L:nl|Hallo, kunnen klanten ook online een afspraak maken voor twee huisdieren tegelijk? Groeten"}, topic: "Other", staff: 100},
}

func genBackground() {
	perDay := []int{82, 80, 76, 80, 76, 50, 40}
	for day, n := range perDay {
		for i := 0; i < n; i++ {
			t := bgTime(day)
			switch x := r.IntN(100); {
			case x < 3: // out of office
				p := staff()
				add(t, p, built{"Automatic reply: " + pick([]string{"Your PawPoint ticket", "Re: your request", "PawPoint support"}), "I'm out of the office until " + pick([]string{"Monday", "the 15th", "next week", "Thursday"}) + " with limited access to email. For urgent matters please call the clinic.\n\n" + p.name, "email"}, "background")
			case x < 5: // bounce / spam
				if r.IntN(2) == 0 {
					add(t, person{"Mail Delivery Subsystem", "mailer-daemon@" + pick(clinics).domain, "", false}, built{"Undeliverable: Your appointment summary", "Delivery has failed to these recipients or groups. The recipient's mailbox is full and can't accept messages now.", "email"}, "background")
				} else {
					p := person{pick([]string{"SEO Growth Team", "Lisa from LeadBoost", "Vet Supplies Direct"}), pick([]string{"offers@leadboost.example", "sales@vetsuppliesdirect.example", "growth@seoranknow.example"}), "", false}
					add(t, p, built{pick([]string{"Grow your clinic by 300%", "Partnership opportunity", "Wholesale pricing on surgical gloves"}), "Hi, we help veterinary practices get more clients with our proven marketing system. Can we book 15 minutes this week?", "email"}, "background")
				}
			case x < 7:
				pick(foreignBg).emit(t, "background", nil)
			default:
				pick(background).emit(t, "background", bgExtras)
			}
		}
	}
}

// ---------------------------------------------------------------- status updates

func ts(t time.Time) string { return t.Format(time.RFC3339) }

func updates() []weekgen.Update {
	u := []weekgen.Update{}
	inc := func(prov, id, title, label string, comps []string, steps ...any) {
		for i := 0; i+3 < len(steps)+1; i += 4 {
			uid := fmt.Sprintf("%s-u%d", id, i/4+1)
			kind := "incident"
			st := steps[i].(string)
			if st == "scheduled" || st == "in_progress" || st == "verifying" || st == "completed" {
				kind = "maintenance"
			}
			u = append(u, weekgen.Update{Provider: prov, ProviderIncidentID: id, UpdateID: uid, Status: st, Impact: steps[i+1].(string), At: ts(steps[i+2].(time.Time)), Title: title, Body: steps[i+3].(string), Kind: kind, Components: comps, Label: label})
		}
	}
	// Mon: textwing SMS delivery failures (trails the first ticket by 29 min).
	inc("textwing", "tw-40871", "Outbound SMS delivery failures in UK and EU", "inc-sms-reminders", []string{"Outbound SMS", "Inbound SMS"},
		"investigating", "major", at(0, 8, 41), "We are investigating failures sending outbound SMS to UK and EU numbers. Messages may be queued or fail with a carrier error.",
		"identified", "major", at(0, 9, 6), "A faulty configuration pushed to our EU carrier gateway is rejecting messages. Inbound messages are also delayed. We are rolling back.",
		"monitoring", "minor", at(0, 9, 44), "The rollback is complete and queued messages are being delivered. Inbound replies are catching up.",
		"resolved", "none", at(0, 10, 22), "Outbound and inbound SMS are operating normally. Messages queued during the incident have been delivered or failed permanently; failed messages can be retried.")
	// Tue: vidvet recording processing delays in APAC: no PawPoint impact.
	inc("vidvet", "vv-2291", "Delayed processing of call recordings in Asia Pacific", "", []string{"Recordings (APAC)"},
		"investigating", "minor", at(1, 3, 12), "Call recordings in the ap-southeast region are taking longer than usual to become available. Live calls are not affected.",
		"monitoring", "minor", at(1, 3, 58), "We have added processing capacity and the backlog is clearing.",
		"resolved", "none", at(1, 4, 31), "Recording processing in Asia Pacific is back to normal. Live video calls were not affected at any time.")
	// Wed: keyhold authentication outage (leads the first ticket by 18 min).
	inc("keyhold", "kh-7734", "Authentication requests failing", "inc-login-outage", []string{"Authentication API", "Hosted login", "Enterprise SSO"},
		"investigating", "major", at(2, 12, 58), "We are seeing elevated error rates on authentication requests in the EU region. Users may be unable to sign in.",
		"identified", "critical", at(2, 13, 39), "The issue has been identified as a failed database failover in our EU session store. Sign-ins and session refreshes are failing. We are working on recovery.",
		"monitoring", "major", at(2, 14, 52), "Recovery is complete and sign-in success rates are returning to normal. Some users may need to sign in again.",
		"resolved", "none", at(2, 15, 41), "Authentication is operating normally. Sessions issued during the incident have been invalidated; users may need to sign in again.")
	// Thu: postlark announces Saturday maintenance.
	inc("postlark", "pl-m-118", "Scheduled maintenance: mail transfer agent upgrade (EU)", "", []string{"SMTP relay (EU)"},
		"scheduled", "maintenance", at(3, 10, 0), "On Saturday 13 February from 01:00 to 02:30 UTC we will upgrade our EU mail transfer agents. Messages may be delayed by a few minutes; no mail will be lost.",
		"in_progress", "maintenance", at(5, 1, 0), "The scheduled maintenance is in progress.",
		"verifying", "maintenance", at(5, 2, 18), "The upgrade is complete and we are verifying delivery.",
		"completed", "maintenance", at(5, 2, 34), "The scheduled maintenance has been completed.")
	// Thu: tillpay card processing failures (trails the first ticket by 33 min).
	inc("tillpay", "tp-5502", "Card payment processing errors", "inc-payments-failing", []string{"Card-present payments", "Online payments", "Payment links"},
		"investigating", "major", at(3, 16, 38), "We are investigating increased errors for card payments, both in person and online. Some payments return 'processor unavailable'.",
		"identified", "major", at(3, 17, 3), "An upstream acquiring partner is timing out. We are routing traffic to a secondary acquirer.",
		"monitoring", "minor", at(3, 17, 29), "Payments are succeeding again via the secondary route. We are monitoring.",
		"resolved", "none", at(3, 18, 4), "Card processing has been stable for 30 minutes. Failed payments were not charged and can be retried.")
	return u
}

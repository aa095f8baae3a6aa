//go:build ignore

// Command generate writes PodHub's labelled support week (Mon 12 – Sun 18
// Apr 2027, UTC): tickets.jsonl and updates.jsonl. Run it from this folder:
//
//	go run generate.go
//
// The draws come from one PCG source with a fixed seed, so every run writes
// the same bytes.
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

var (
	r     = rand.New(rand.NewPCG(20270412, 0x90d4b))
	start = time.Date(2027, 4, 12, 0, 0, 0, 0, time.UTC)
)

type person struct{ name, email, org string }

type draft struct {
	at    time.Time
	t     weekgen.Ticket
	order int
}

var drafts []draft

// text is one way a customer might describe something: a subject and a body
// core. Either may be empty.
type text struct{ subj, body string }

// ---------------------------------------------------------------- people

var orgs = []struct{ name, domain string }{
	{"Lantern Audio Network", "lanternaudio.net"},
	{"Deep Cut Media", "deepcutmedia.co"},
	{"Saltmarsh Stories", "saltmarshstories.com"},
	{"The Overnight Signal", "overnightsignal.fm"},
	{"Brightwater Podcast Co.", "brightwaterpods.com"},
	{"Kiezfunk Berlin", "kiezfunk.de"},
	{"Voces del Sur", "vocesdelsur.es"},
	{"Quill & Cable", "quillandcable.com"},
	{"Tandem Talk Studios", "tandemtalk.studio"},
	{"Northbound Radio Collective", "northboundradio.org"},
	{"Mic Drop Academy", "micdropacademy.com"},
	{"Amber Hour Productions", "amberhour.tv"},
	{"Ondes Libres", "ondeslibres.fr"},
	{"Foghorn Pods", "foghornpods.co.uk"},
	{"Third Rail Audio", "thirdrailaudio.com"},
	{"Clearfield Church Media", "clearfieldchurch.org"},
	{"Startline Sports Talk", "startlinesports.com"},
	{"Papercut True Crime", "papercutcrime.com"},
	{"Rooftop Comedy Pods", "rooftopcomedy.net"},
	{"Luz e Som Podcasts", "luzesom.com.br"},
	{"Hollow Oak Audio", "hollowoak.audio"},
	{"Sidequest Gaming Pod", "sidequestpod.gg"},
}

var firsts = []string{"Amara", "Ben", "Chiara", "Dmitri", "Elena", "Finn", "Grace", "Hugo", "Ines", "Jonah", "Keiko", "Liam", "Maya", "Nico", "Olu", "Priya", "Quentin", "Rosa", "Sam", "Tariq", "Uma", "Viktor", "Wren", "Ximena", "Yusuf", "Zoe", "Aisling", "Bruno", "Camille", "Darnell", "Esther", "Felipe", "Greta", "Hamid", "Isla", "Jasper", "Lena", "Marco", "Nadia", "Owen", "Paula", "Rafael", "Sofia", "Theo", "Valentina", "Will", "Yara", "Kofi", "Mirela", "Tom"}
var lasts = []string{"Okafor", "Lindqvist", "Moreau", "Petrov", "Garcia", "Brennan", "Nakamura", "Schulz", "Costa", "Haddad", "Whitfield", "Ramos", "Kowalski", "Dubois", "Mensah", "Iyer", "Fischer", "O'Neill", "Santos", "Varga", "Holm", "Abadi", "Reyes", "Clarke", "Bauer", "Lopes", "Novak", "Ferreira", "Ahmed", "Keane", "Marsh", "Tanaka", "Vidal", "Strand", "Mbeki", "Rossi", "Quinn", "Baptiste", "Eriksen", "Hale"}
var freeDomains = []string{"gmail.com", "outlook.com", "icloud.com", "proton.me", "yahoo.com", "hey.com", "gmx.de", "hotmail.fr", "fastmail.com", "uol.com.br"}

var staff []person
var solo []person

func makePeople() {
	used := map[string]bool{}
	for _, o := range orgs {
		n := weekgen.Between(r, 2, 4)
		for i := 0; i < n; i++ {
			f, l := weekgen.Pick(r, firsts), weekgen.Pick(r, lasts)
			local := strings.ToLower(f)
			if weekgen.Chance(r, 0.5) {
				local += "." + strings.ToLower(strings.ReplaceAll(l, "'", ""))
			}
			e := local + "@" + o.domain
			if used[e] {
				continue
			}
			used[e] = true
			staff = append(staff, person{f + " " + l, e, o.name})
		}
		if weekgen.Chance(r, 0.4) {
			staff = append(staff, person{o.name + " Team", "hello@" + o.domain, o.name})
		}
	}
	for len(solo) < 190 {
		f, l := weekgen.Pick(r, firsts), weekgen.Pick(r, lasts)
		var local string
		switch r.IntN(4) {
		case 0:
			local = strings.ToLower(f) + "." + strings.ToLower(strings.ReplaceAll(l, "'", ""))
		case 1:
			local = strings.ToLower(f[:1]+strings.ReplaceAll(l, "'", "")) + fmt.Sprint(weekgen.Between(r, 1, 99))
		case 2:
			local = strings.ToLower(f) + "pods"
		default:
			local = strings.ToLower(f) + "." + strings.ToLower(l[:1]) + fmt.Sprint(weekgen.Between(r, 70, 99))
		}
		e := local + "@" + weekgen.Pick(r, freeDomains)
		if used[e] {
			continue
		}
		used[e] = true
		solo = append(solo, person{f + " " + l, e, ""})
	}
}

func anyone() person {
	if weekgen.Chance(r, 0.45) {
		return weekgen.Pick(r, staff)
	}
	return weekgen.Pick(r, solo)
}

// ---------------------------------------------------------------- fill-ins

var shows = []string{"Half Past Curious", "The Long Shift", "Small Town Ledger", "Green Room Gossip", "Night Bus Tales", "Byte Sized", "Second Serve", "Root & Branch", "Kitchen Table Money", "The Cold Case Files", "Unfinished Maps", "Fieldnotes", "Mornings with Moss", "Offbeat Economics", "The Quiet Hour", "Level Select", "Tide Tables", "Raised Voices"}

func fillIn(s string) string {
	rep := strings.NewReplacer(
		"{show}", weekgen.Pick(r, shows),
		"{ep}", fmt.Sprint(weekgen.Between(r, 3, 240)),
		"{n}", fmt.Sprint(weekgen.Between(r, 2, 9)),
		"{min}", fmt.Sprint(weekgen.Between(r, 5, 45)),
		"{amt}", weekgen.Pick(r, []string{"19.00", "29.00", "9.99", "49.00", "4.99", "12.50"}),
		"{plan}", weekgen.Pick(r, []string{"Creator", "Creator Pro", "Network", "Starter"}),
		"{code}", fmt.Sprintf("%d", weekgen.Between(r, 1000, 9999)),
	)
	return rep.Replace(s)
}

// ---------------------------------------------------------------- rendering

var greetings = []string{"Hi,", "Hello PodHub team,", "Hi there,", "Hey,", "Good morning,", "Dear support,", "Hi support,", "Hello,", ""}
var closings = []string{"Thanks", "Thanks a lot", "Cheers", "Best", "Kind regards", "Thank you", "Regards", "Many thanks", "Appreciate it", ""}
var agents = []string{"Marta", "Devon", "Leila", "Jonas", "Aiko"}

func sign(p person) string {
	first := strings.Fields(p.name)[0]
	if p.org != "" && weekgen.Chance(r, 0.5) {
		return p.name + "\n" + p.org
	}
	return first
}

func plain(p person, core string) string {
	var b strings.Builder
	if g := weekgen.Pick(r, greetings); g != "" {
		b.WriteString(g + "\n\n")
	}
	b.WriteString(core)
	c := weekgen.Pick(r, closings)
	if c != "" {
		b.WriteString("\n\n" + c + ",\n" + sign(p))
	} else if weekgen.Chance(r, 0.5) {
		b.WriteString("\n\n" + sign(p))
	}
	return b.String()
}

func html(p person, core string) string {
	var b strings.Builder
	b.WriteString("<html><body>")
	if g := weekgen.Pick(r, greetings); g != "" {
		b.WriteString("<p>" + g + "</p>")
	}
	for _, para := range strings.Split(core, "\n\n") {
		b.WriteString("<p>" + strings.ReplaceAll(para, "\n", "<br>") + "</p>")
	}
	b.WriteString("<p>" + weekgen.Pick(r, []string{"Best regards", "Thanks", "Cheers"}) + ",<br>" + p.name)
	if p.org != "" {
		b.WriteString("<br><i>" + p.org + "</i>")
	}
	b.WriteString("</p><div style=\"color:#888;font-size:11px\">Sent from my phone</div></body></html>")
	return b.String()
}

var botHello = []string{
	"Cue (bot): Hi, I'm Cue, PodHub's helper. Ask me anything about your show.",
	"Cue (bot): Hey! Cue here. What's going on with your podcast today?",
	"Cue (bot): Welcome to PodHub support. Tell me briefly what you need and I'll find the right person.",
}
var botHandOver = []string{
	"Cue (bot): I'll pass you to someone from the team.",
	"Cue (bot): Connecting you to a human agent now.",
	"Cue (bot): Sorry, I couldn't find an answer. One moment while I get a colleague.",
}
var customerFollow = []string{"ok thanks", "ok", "any idea?", "please hurry, we're recording today", "thanks, I'll wait", "is it just me?", "right", "sure, the show is {show}", "yes it's the main account", "cool"}
var agentLines = []string{
	"Thanks for waiting, I'm looking into this now.",
	"Thanks for the details. Could you tell me which show this is about?",
	"I'm sorry about that. Let me check a couple of things.",
	"Got it, I've noted this and will follow up by email.",
	"Thanks! I'm checking with the team and will get back to you shortly.",
}

func chat(p person, core string) string {
	first := strings.Fields(p.name)[0]
	var lines []string
	lines = append(lines, weekgen.Pick(r, botHello))
	for _, s := range strings.Split(core, "\n\n") {
		lines = append(lines, first+": "+strings.ReplaceAll(s, "\n", " "))
	}
	if weekgen.Chance(r, 0.7) {
		lines = append(lines, weekgen.Pick(r, botHandOver))
		a := weekgen.Pick(r, agents)
		lines = append(lines, "Agent "+a+": "+weekgen.Pick(r, agentLines))
		if weekgen.Chance(r, 0.6) {
			lines = append(lines, first+": "+fillIn(weekgen.Pick(r, customerFollow)))
		}
	}
	return strings.Join(lines, "\n")
}

var webCats = []string{"Account & login", "Billing", "Publishing", "Studio", "Analytics", "Distribution", "Other"}

func webForm(p person, core, cat string) string {
	return "Category: " + cat + "\nShow: " + weekgen.Pick(r, shows) + "\nName: " + p.name + "\nMessage: " + strings.ReplaceAll(core, "\n\n", " ")
}

func quoted(p person, prev string, when time.Time, core string) string {
	return core + "\n\nOn " + when.Format("Mon, 2 Jan 2006 at 15:04") + ", " + p.name + " <" + p.email + "> wrote:\n> " + strings.ReplaceAll(prev, "\n", "\n> ")
}

// add renders one ticket in a style drawn from the mix and keeps it.
func add(at time.Time, p person, tx text, label, cat string, mix [6]float64) {
	subj := fillIn(tx.subj)
	core := fillIn(tx.body)
	t := weekgen.Ticket{ReceivedAt: at.Format(time.RFC3339), CustomerEmail: p.email, CustomerName: p.name, Org: p.org, Label: label}
	// mix: plain email, html email, chat, web, subject-only, body-only
	switch weekgen.Weighted(r, mix[:]) {
	case 0:
		t.Source, t.Subject, t.Body = "email", subj, plain(p, core)
	case 1:
		t.Source, t.Subject, t.Body = "email", subj, html(p, core)
	case 2:
		t.Source, t.Body = "chat", chat(p, core)
	case 3:
		t.Source, t.Subject, t.Body = "web", subj, webForm(p, core, cat)
	case 4:
		if subj == "" {
			subj = strings.SplitN(core, "\n", 2)[0]
		}
		t.Source, t.Subject = "email", subj
	default:
		t.Source, t.Body = "email", plain(p, core)
	}
	if t.Subject == "" && t.Body == "" {
		t.Subject = subj
	}
	drafts = append(drafts, draft{at: at, t: t, order: len(drafts)})
}

func addRaw(at time.Time, t weekgen.Ticket) {
	t.ReceivedAt = at.Format(time.RFC3339)
	drafts = append(drafts, draft{at: at, t: t, order: len(drafts)})
}

var normalMix = [6]float64{50, 10, 17, 10, 6, 7}

// ---------------------------------------------------------------- time

var dayW = []float64{1.4, 1.1, 1.05, 1.0, 0.9, 0.45, 0.4}
var hourW = []float64{0.15, 0.1, 0.1, 0.1, 0.15, 0.25, 0.5, 0.9, 1.4, 1.7, 1.7, 1.6, 1.4, 1.5, 1.6, 1.6, 1.5, 1.3, 1.1, 1.0, 0.8, 0.6, 0.4, 0.25}

func anyTime() time.Time {
	d := weekgen.Weighted(r, dayW)
	hw := append([]float64(nil), hourW...)
	if d == 0 {
		for h := 7; h <= 11; h++ {
			hw[h] *= 1.8
		}
	}
	h := weekgen.Weighted(r, hw)
	return weekgen.At(start, d, h, r.IntN(60)).Add(time.Duration(r.IntN(60)) * time.Second)
}

// burst draws a time between a and b, most likely near peak (triangular).
func burst(a, peak, b time.Time) time.Time {
	lo, mo, hi := 0.0, peak.Sub(a).Seconds(), b.Sub(a).Seconds()
	u := r.Float64()
	var x float64
	if u < (mo-lo)/(hi-lo) {
		x = lo + sqrt(u*(hi-lo)*(mo-lo))
	} else {
		x = hi - sqrt((1-u)*(hi-lo)*(hi-mo))
	}
	return a.Add(time.Duration(x) * time.Second).Truncate(time.Second)
}

func sqrt(x float64) float64 {
	if x <= 0 {
		return 0
	}
	z := x
	for i := 0; i < 60; i++ {
		z = (z + x/z) / 2
	}
	return z
}

func between(a, b time.Time) time.Time {
	return a.Add(time.Duration(r.Int64N(int64(b.Sub(a)/time.Second))) * time.Second)
}

func at(day, h, m int) time.Time { return weekgen.At(start, day, h, m) }

// ---------------------------------------------------------------- main

func main() {
	makePeople()
	background()
	hardNegatives()
	emailIncident()
	studioStartIncident()
	loginIncident()
	doubleChargeIncident()
	studioQualityIncident()

	sort.SliceStable(drafts, func(i, j int) bool {
		if !drafts[i].at.Equal(drafts[j].at) {
			return drafts[i].at.Before(drafts[j].at)
		}
		return drafts[i].order < drafts[j].order
	})
	tickets := make([]weekgen.Ticket, len(drafts))
	counts := map[string]int{}
	for i, d := range drafts {
		d.t.ID = fmt.Sprintf("PH-%d", 61400+i*3+r.IntN(3))
		tickets[i] = d.t
		counts[d.t.Label]++
	}
	if err := weekgen.WriteWeek(".", tickets, updates(), weekgen.Format{}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var labels []string
	for l := range counts {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	for _, l := range labels {
		fmt.Printf("%-24s %4d\n", l, counts[l])
	}
	fmt.Printf("%-24s %4d\n", "total", len(tickets))
}

// ---------------------------------------------------------------- background

type topic struct {
	cat   string
	subjs []string
	bods  []string
}

var topics = []topic{
	{"Publishing", []string{"Scheduling an episode for a specific time zone", "Release time question", "episode went out at the wrong hour?", "How do scheduled releases work"},
		[]string{"I scheduled episode {ep} of {show} for 6am but I'm not sure if that's my local time or UTC. Where do I set the time zone for the show?",
			"Our episodes are supposed to drop at 7:00 Eastern on Tuesdays. Last week it went live at 11:00. I think the schedule was set in UTC by my co-host. Can I change the default time zone for the whole show so this doesn't happen again?",
			"Quick one: if I schedule an episode and then edit the description before it goes live, does it keep the schedule or publish immediately?"}},
	{"Distribution", []string{"Apple Podcasts still showing old episode", "New episode not on Apple yet", "Spotify hasn't picked up episode {ep}", "feed refresh"},
		[]string{"We published episode {ep} about three hours ago. It's on our PodHub page and in the RSS feed, but Apple Podcasts still shows the previous one. Is there a way to force a refresh?",
			"Spotify is a day behind on {show}. Feed validator says everything is fine. How often do the directories pull from you?",
			"The new episode is in my feed but not in Overcast/Pocket Casts. Do I need to do anything on my side?"}},
	{"Distribution", []string{"Submitting to Spotify and Amazon Music", "How do I get my show on YouTube Music?", "Directory submission help"},
		[]string{"Just launched {show}, first 3 episodes are up. What's the easiest way to get it onto Spotify, Amazon and YouTube Music? Do you submit for me or do I use the feed URL?",
			"I can't find the 'distribute' button you mention in the getting started guide. Where is it in the new dashboard?",
			"Does PodHub submit to Podcast Index automatically or do I have to do that myself?"}},
	{"Billing", []string{"Upgrade to {plan}", "Changing plan mid-month", "Downgrade question", "Which plan do I need?"},
		[]string{"If I upgrade from Starter to {plan} today, is the price prorated or do I pay the full month again?",
			"We've grown to five shows under one account. Does the Network plan include separate analytics per show, and can each host have their own login?",
			"I'd like to go back to the cheaper plan at the end of my billing period. Will my older episodes stay online if I go over the storage limit?"}},
	{"Billing", []string{"Invoice with VAT number", "Need invoices for Q1", "Receipt for accounting", "Company name on invoice"},
		[]string{"Could you add our VAT number to the invoices from January to March? Our accountant needs them for the quarterly return.",
			"Where can I download all invoices for the year in one go? Clicking each one separately is painful.",
			"Our company changed its name. Can the invoices from now on show the new name and address? Old ones can stay as they are."}},
	{"Payouts", []string{"When is the monthly payout?", "Payout for March", "Payout timing", "premium earnings payout"},
		[]string{"My premium subscriber earnings for March say 'pending'. When do payouts usually land in the bank account?",
			"Is the payout threshold still 50 in my currency? I'm at 46 and wondering if it rolls over.",
			"Hi, first payout ever for {show}! The statement says it was sent but my bank shows nothing yet. How many business days is normal?"}},
	{"Payouts", []string{"Change bank account for payouts", "Update payout details", "New IBAN"},
		[]string{"We switched banks. How do I update the IBAN for payouts? I don't want the April payout going to the closed account.",
			"Need to change the payout recipient from my personal account to our LLC. Is there a form for tax details too?"}},
	{"Analytics", []string{"Downloads don't match Spotify", "Analytics question", "Why are my numbers lower than last month?", "Listener numbers"},
		[]string{"Spotify for Podcasters says 1,200 plays for episode {ep}, your dashboard says 870 downloads. Which one is right, and why the difference?",
			"Our downloads dropped about 20% this month across all episodes. Did something change in how you count them (IAB filtering?) or is it really us?",
			"Is there a way to see listeners by city, not just country? A sponsor is asking."}},
	{"Analytics", []string{"Export analytics to CSV", "Analytics export for sponsor", "monthly report"},
		[]string{"Can I schedule a monthly CSV of downloads per episode to be emailed to me? I send it to our sponsor every month.",
			"The analytics export only covers 90 days. Is there a way to get everything since we started in 2024?"}},
	{"Other", []string{"Feature request: chapters", "Feature request: video episodes", "Idea: transcript editing", "Feature request", "suggestion"},
		[]string{"Would love chapter markers with images, like some apps show. Is that on the roadmap?",
			"Any plans for video podcasts? Half our audience is asking for the video version on Spotify.",
			"The automatic transcripts are great but I'd like to fix speaker names before they go public. Could you add an edit step?",
			"Feature request: let me reorder episodes within a season manually instead of by release date."}},
	{"Publishing", []string{"Artwork looks cropped", "Episode artwork not showing", "cover art problem", "Show art rejected by Apple"},
		[]string{"The square cover I uploaded looks cut off at the edges on the episode page. It's 3000x3000 JPG. Am I doing something wrong?",
			"Apple rejected our artwork for being under 1400px but I uploaded a 3000px file. Could it be the PNG with transparency?",
			"The episode-specific artwork doesn't show up in Apple, only the show cover. Is that an Apple limitation?"}},
	{"Publishing", []string{"Upload stuck on large WAV", "Upload problem", "file won't upload", "Upload stops at 99%"},
		[]string{"I'm trying to upload a 1.8 GB WAV for episode {ep} and it stops at 99% every time. MP3 of the same episode works fine. Is there a size limit?",
			"The uploader keeps timing out on my hotel wifi. Can I upload from a Dropbox link instead?",
			"My upload from the mobile app finished but the episode says 'processing' for an hour now. Is it normal for a 2h episode?"}},
	{"Publishing", []string{"Description formatting lost", "Show notes lose links", "Line breaks in episode notes"},
		[]string{"When I paste my show notes from Google Docs, the links disappear in Apple Podcasts. Which formatting do you support?",
			"Bulleted lists in the episode description look fine in the editor but become one long line in Spotify."}},
	{"Publishing", []string{"Private episode link", "Unlisted episode for a sponsor", "Share episode before release"},
		[]string{"Can I share an episode with a guest for approval before it's published, without it appearing in the feed?",
			"Is there such a thing as an unlisted episode? We want to send a bonus interview only to our sponsor."}},
	{"Other", []string{"Custom domain for show website", "DNS settings for podcast site", "Website question"},
		[]string{"I want the show website on listen.ourshow.com instead of the podhub subdomain. What CNAME should I add?",
			"Connected our domain yesterday, SSL still says 'pending'. How long does that usually take?"}},
	{"Distribution", []string{"Moving our show to PodHub", "Import from another host", "301 redirect of feed"},
		[]string{"We're moving {show} from our old host. We have 180 episodes. Does the importer keep the original publish dates and GUIDs so listeners don't get everything again?",
			"I imported the show and set the redirect at the old host. How do I check that Apple has picked up the new feed URL?"}},
	{"Billing", []string{"Setting up premium subscriptions", "Listener subscription pricing", "Premium tiers", "Bonus content for supporters"},
		[]string{"We want to offer an ad-free feed for 4.99/month and a second tier with bonus episodes. Can both exist on one show?",
			"Can I give existing supporters from Patreon free access to the premium feed for a few months while we migrate?",
			"How much do you take from premium subscriptions, and is VAT handled for listeners in the EU?"}},
	{"Billing", []string{"Cancel my premium subscription", "How do I unsubscribe from a show?", "Stop subscription", "cancel"},
		[]string{"I'm a listener, subscribed to {show} premium. How do I cancel? I can't find it in the app.",
			"Hello, I want to cancel the supporter subscription I took out in February. Thanks.",
			"I bought premium for a show but I listen in Apple Podcasts. How do I add the private feed there?"}},
	{"Account & login", []string{"Add a co-host to the account", "Team member permissions", "Give editor access", "seats"},
		[]string{"How do I give my editor access to upload and schedule episodes but not see payouts?",
			"We want each of our four hosts to have their own login. How many seats are in the Network plan?",
			"Removed a former producer from the team but she still appears in the member list. Is that a display thing?"}},
	{"Account & login", []string{"Delete my account and data", "GDPR data export", "Data request"},
		[]string{"Under GDPR I'd like a copy of all personal data you hold about me, including listener analytics linked to my account.",
			"Please delete my account and all episodes. The show has ended. Do I need to cancel the plan first?"}},
	{"Publishing", []string{"Dynamic ad insertion", "Ad markers", "Sponsor ads in back catalog", "Pre-roll question"},
		[]string{"Can I insert a pre-roll into all episodes older than 30 days without re-uploading them?",
			"The mid-roll marker I placed at 22:10 plays at 22:40 in the final file. Am I misunderstanding the timing?"}},
	{"Studio", []string{"How many guests in the studio?", "Separate tracks in studio", "Studio recording question", "Studio tips"},
		[]string{"How many remote guests can join a studio session on the {plan} plan? And does each get their own track?",
			"Does the browser studio record locally on each guest's computer, or only the stream? Trying to explain to a guest why it uploads at the end.",
			"Is there a way to send a guest a studio link that works for a whole week, not just one session?"}},
	{"Studio", []string{"Studio recording export formats", "Download studio tracks", "Studio file formats"},
		[]string{"After a studio session, where do I find the separate WAV tracks? I only see a mixed MP3.",
			"Can the studio record at 48 kHz? Our editor wants that for the post workflow."}},
	{"Other", []string{"Embed player on our website", "Player embed", "Embed code for WordPress"},
		[]string{"The embed player shows only the latest episode. Can I embed a playlist of a season?",
			"Is there a WordPress plugin or should I just paste the iframe?"}},
	{"Other", []string{"Thank you!", "Great support", "Love the new dashboard", "Just a thank you"},
		[]string{"Just wanted to say thanks to Devon for sorting out our feed redirect last week. Huge help.",
			"The new analytics page is so much clearer. Keep it up!",
			"We hit 100 episodes this week and PodHub has been with us since episode 1. Thank you all."}},
	{"Publishing", []string{"Explicit flag", "Trailer and bonus episode types", "Season numbers"},
		[]string{"How do I mark one episode as explicit without marking the whole show?",
			"What's the difference between a bonus and a trailer episode type in Apple? Which one should I use for a teaser?",
			"Season numbers aren't showing in Spotify even though I set them."}},
	{"Analytics", []string{"API access for our dashboard", "Partner API question", "API rate limits"},
		[]string{"We pull download stats into our own dashboard with your API. Are the numbers final after 24 hours or do they change later?",
			"What's the rate limit on the analytics API? Our nightly job gets a 429 sometimes when we loop over all 300 episodes."}},
	{"Studio", []string{"Studio echo with one guest", "Guest audio quiet in studio", "Studio sound check"},
		[]string{"One guest always has an echo in our sessions; she uses laptop speakers. Any setting on our side, or should she just wear headphones?",
			"Is there a sound-check step in the studio where guests can test their mic before we start?"}},
}

var nonEnglish = []text{
	{"Frage zur Auszahlung", "Hallo, wann wird die Auszahlung für März überwiesen? In meinem Dashboard steht noch 'ausstehend'. Danke!"},
	{"Rechnung mit USt-IdNr.", "Guten Tag, könnten Sie unsere Umsatzsteuer-ID auf den Rechnungen ergänzen? Wir brauchen das für die Buchhaltung."},
	{"Episodio programado", "Hola, programé el episodio {ep} para las 8:00 pero no sé si es hora de España o UTC. ¿Dónde se cambia la zona horaria?"},
	{"Cambiar de plan", "Buenas, quiero pasar al plan {plan}. ¿Se cobra la diferencia o el mes completo? Gracias."},
	{"Question sur les statistiques", "Bonjour, les chiffres d'écoute sur Spotify ne correspondent pas aux vôtres. Pourquoi une telle différence ? Merci."},
	{"Ajouter un co-animateur", "Bonjour, comment donner accès à mon co-animateur pour qu'il puisse publier des épisodes ? Cordialement."},
	{"Dúvida sobre assinatura premium", "Olá! Quero criar uma assinatura premium para os ouvintes do {show}. Vocês cuidam dos impostos? Obrigado."},
	{"Pagamento dos ganhos", "Oi, quando cai o pagamento de março? Ainda aparece como pendente. Abraço."},
	{"", "Hallo zusammen, wie kann ich ein Episodenbild für eine einzelne Folge hochladen? Ich finde die Option nicht."},
	{"Importar podcast", "Hola, estamos migrando nuestro podcast desde otra plataforma. ¿Se mantienen las fechas de publicación originales?"},
}

var oooTexts = []string{
	"I'm out of the office until Monday 19 April with limited access to email. For anything urgent about the show please contact our producer.",
	"Thanks for your message. I'm on parental leave until June. Your email will not be forwarded.",
	"Automatic reply: I am travelling this week and will reply when I'm back. Für dringende Anliegen bitte an das Team schreiben.",
	"This mailbox is not monitored on weekends. We'll get back to you on the next business day.",
	"Je suis absente jusqu'au 20 avril. Merci de votre patience.",
	"Hi! I'm recording on location until Thursday and reading emails once a day at most.",
}

var spamTexts = []text{
	{"Grow your podcast to 100k listeners FAST", "Dear podcaster, our proven promotion service guarantees 100,000 new listeners in 30 days. Reply YES for a free audit."},
	{"Partnership opportunity", "Hello, we are an SEO agency and noticed your website could rank higher. Can we schedule a 15 minute call?"},
	{"Your invoice #883201 is ready", "Please open the attached document to view your invoice. Click here to confirm your details."},
}

func background() {
	n := 0
	for n < 400 {
		tp := weekgen.Pick(r, topics)
		p := anyone()
		tx := text{weekgen.Pick(r, tp.subjs), weekgen.Pick(r, tp.bods)}
		t := anyTime()
		if weekgen.Chance(r, 0.08) {
			// a reply in an earlier thread
			prevAt := t.Add(-time.Duration(weekgen.Between(r, 3, 60)) * time.Hour)
			agent := weekgen.Pick(r, agents)
			prev := fillIn("Hi " + strings.Fields(p.name)[0] + ", thanks for reaching out. " + weekgen.Pick(r, []string{
				"Could you send us the episode link so we can take a look?",
				"This should be possible from Settings > Show. Let us know if it works.",
				"I've forwarded this to our billing team.",
				"We'll add your vote to the feature request.",
			}) + "\n" + agent + ", PodHub Support")
			reply := weekgen.Pick(r, []string{"Thanks, that worked!", "Here is the episode: {show}, number {ep}, published yesterday.", "Still not sorted, unfortunately. Could you check again?", "Great, thank you for the quick answer.", "Any news on this?"})
			addRaw(t, weekgen.Ticket{Source: "email", Subject: "Re: " + fillIn(tx.subj), Body: quoted(person{agent + " (PodHub Support)", "support@podhub.fm", ""}, prev, prevAt, fillIn(reply)), CustomerEmail: p.email, CustomerName: p.name, Org: p.org, Label: "background"})
		} else {
			add(t, p, tx, "background", tp.cat, normalMix)
		}
		n++
	}
	for _, tx := range nonEnglish {
		add(anyTime(), anyone(), tx, "background", "Other", [6]float64{60, 5, 10, 10, 0, 15})
	}
	for i := 0; i < 11; i++ {
		p := weekgen.Pick(r, staff)
		addRaw(anyTime(), weekgen.Ticket{Source: "email", Subject: weekgen.Pick(r, []string{"Automatic reply: ", "Out of office: ", "Abwesenheitsnotiz: ", "Auto: "}) + weekgen.Pick(r, []string{"Your PodHub invoice", "Re: Your ticket", "Your monthly payout statement", "New feature: transcripts"}), Body: weekgen.Pick(r, oooTexts), CustomerEmail: p.email, CustomerName: p.name, Org: p.org, Label: "background"})
	}
	for i := 0; i < 5; i++ {
		p := anyone()
		dom := strings.SplitN(p.email, "@", 2)[1]
		addRaw(anyTime(), weekgen.Ticket{Source: "email", Subject: "Undelivered Mail Returned to Sender", Body: "This is the mail system at host mx." + dom + ".\n\nI'm sorry to have to inform you that your message could not be delivered to one or more recipients.\n\n<" + p.email + ">: host mx." + dom + " said: 550 5.1.1 User unknown (in reply to RCPT TO command)", CustomerEmail: "MAILER-DAEMON@mx." + dom, CustomerName: "Mail Delivery System", Label: "background"})
	}
	for i, tx := range spamTexts {
		addRaw(anyTime(), weekgen.Ticket{Source: "email", Subject: tx.subj, Body: tx.body, CustomerEmail: fmt.Sprintf("offers%d@promo-blast%d.biz", i+1, i+7), CustomerName: "Growth Team", Label: "background"})
	}
}

// ---------------------------------------------------------------- hard negatives

var hardNeg = []text{
	{"Forgot my password", "I can't remember my password and I need to publish episode {ep} today. How do I get back in?"},
	{"password", "forgot it again, sorry. can you reset it for me? the email on the account is this one"},
	{"Login not working", "My login is not working. I think I changed the password last week on my laptop and now my phone has the old one saved. Help?"},
	{"Reset link never arrives", "I've clicked 'forgot password' three times and nothing arrives. My colleagues get their emails from you fine. Could our company filter be eating yours? Can you check what address my account uses?"},
	{"No reset email", "Reset email doesn't come. Checked spam. Is my account even still under this address? I might have used my old uni email to sign up."},
	{"Reset link expired", "The reset link says 'expired or already used'. I opened it on my phone first and then on my laptop, maybe that's why?"},
	{"Account locked!!", "It says my account is locked after too many failed attempts. I was typing the wrong password obviously. How long until I can try again?"},
	{"Locked out", "PodHub is down for me, says 'account temporarily locked'. I think my co-host tried my login a few times with the old password."},
	{"Lost phone with authenticator", "My phone was stolen on the train and the authenticator app was on it. I can't get past the 2FA code screen. What do you need from me to verify it's me?"},
	{"2FA codes not accepted", "The 6-digit code from my authenticator is rejected every time. I got a new phone and moved the apps over. Is the old setup tied to the old phone?"},
	{"New phone, no 2FA", "Switched phones over the weekend and forgot to move the 2FA. Completely locked out of my own show now. This is broken."},
	{"Wrong email on account", "I signed up with my work address and I've now left that job, so I can't receive anything there. Can you move the account to this address?"},
	{"Only me can't log in", "Everyone else on our team can log in, only my account says 'invalid credentials'. Nothing changed on my end as far as I know."},
	{"login error just for me", "Getting an error on login but my co-host is in right now without problems. So I guess it's my account? Used the same browser as always."},
	{"Can't log in with Google anymore", "I used to sign in with Google but I deleted that Google account last month. Now I can't get into PodHub at all. The show is still there, right?"},
	{"Email change confirmation", "I changed the account email to a typo (gmial instead of gmail) and now the confirmation goes nowhere. Can you fix it manually?"},
	{"Card declined", "My card was declined when renewing {plan}. The bank says there's no block. Other payments work. Why is yours failing?"},
	{"Payment failed", "Payment not working, it says 'card declined'. It's a new card, maybe the old one is still saved? Where do I update it?"},
	{"subscription payment error", "Trying to buy premium for {show} and it keeps saying payment failed. My bank sent me an SMS asking to confirm a purchase, I didn't answer it in time."},
	{"Renewal failed - card expired", "Got an email that my renewal failed. I guess the card on file expired in March. Will my episodes go offline?"},
	{"My account is broken", "I log in and it says I have no shows. I'm pretty sure I'm logged into the wrong account, I have two with different emails. How do I merge them?"},
	{"Verification code not coming", "The SMS code goes to my old number, which I don't have anymore. How can I change it without logging in?"},
	{"Login down?", "Is login down? I keep getting 'incorrect password'. ...ok never mind, caps lock was on. Sorry!"},
	{"Cannot access account", "My account was deactivated? I didn't pay the last two invoices because of a bank switch, is that the reason?"},
	{"Invite link not working", "My co-host sent me a team invite but when I click it, it says it's invalid. She sent it two weeks ago, maybe it expired?"},
	{"", "hi i cannot sign in at all, says user not found. i think my husband set up the account under his email. can you check under my name?"},
	{"Zugang gesperrt", "Hallo, mein Konto ist nach mehreren falschen Passworteingaben gesperrt. Wie kann ich es entsperren? Danke."},
	{"No puedo entrar", "Hola, olvidé mi contraseña y el correo de recuperación no llega. ¿Pueden comprobar si mi cuenta usa otra dirección?"},
	{"Mot de passe oublié", "Bonjour, j'ai perdu mon téléphone avec l'application d'authentification. Comment récupérer mon compte ?"},
	{"Não consigo acessar", "Oi, meu cartão foi recusado na renovação e agora a conta está bloqueada. Já troquei de cartão, o que faço?"},
}

func hardNegatives() {
	mix := [6]float64{50, 8, 20, 10, 6, 6}
	// 30 inside Wednesday's login storm
	for i := 0; i < 30; i++ {
		add(between(at(2, 15, 10), at(2, 17, 25)), anyone(), weekgen.Pick(r, hardNeg), "hard-negative", "Account & login", mix)
	}
	// 6 inside Monday's email delay
	for i := 0; i < 6; i++ {
		add(between(at(0, 14, 0), at(0, 15, 45)), anyone(), hardNeg[weekgen.Between(r, 3, 5)], "hard-negative", "Account & login", mix)
	}
	// 3 beside the double charge, 3 beside each studio incident
	for i := 0; i < 3; i++ {
		add(between(at(3, 8, 0), at(4, 17, 0)), anyone(), hardNeg[weekgen.Between(r, 16, 19)], "hard-negative", "Billing", mix)
		add(between(at(1, 9, 50), at(1, 11, 20)), anyone(), weekgen.Pick(r, hardNeg), "hard-negative", "Account & login", mix)
		add(between(at(4, 13, 20), at(4, 14, 50)), anyone(), weekgen.Pick(r, hardNeg), "hard-negative", "Account & login", mix)
	}
	// the rest spread over the week
	for i := 0; i < 49; i++ {
		add(anyTime(), anyone(), weekgen.Pick(r, hardNeg), "hard-negative", "Account & login", mix)
	}
}

// ---------------------------------------------------------------- incidents

type sent struct {
	p    person
	at   time.Time
	body string
	subj string
}

func incident(label, cat string, n int, a, peak, b time.Time, subjs, bods []string, foreign []text, follow []string, mix [6]float64) {
	var firsts []sent
	for i := 0; i < n; i++ {
		if len(firsts) > 3 && follow != nil && weekgen.Chance(r, 0.1) {
			f := weekgen.Pick(r, firsts)
			t := f.at.Add(time.Duration(weekgen.Between(r, 8, 50)) * time.Minute)
			if t.After(b) {
				t = between(f.at, b)
			}
			core := fillIn(weekgen.Pick(r, follow))
			subj := "Re: " + f.subj
			if f.subj == "" {
				subj = "Re: (no subject)"
			}
			addRaw(t, weekgen.Ticket{Source: "email", Subject: subj, Body: quoted(f.p, f.body, f.at, core), CustomerEmail: f.p.email, CustomerName: f.p.name, Org: f.p.org, Label: label})
			continue
		}
		p := anyone()
		t := burst(a, peak, b)
		if len(foreign) > 0 && weekgen.Chance(r, 0.06) {
			add(t, p, weekgen.Pick(r, foreign), label, cat, [6]float64{70, 0, 10, 10, 0, 10})
			continue
		}
		tx := text{weekgen.Pick(r, subjs), weekgen.Pick(r, bods)}
		if weekgen.Chance(r, 0.25) {
			tx.body += "\n\n" + weekgen.Pick(r, bods)
		}
		before := len(drafts)
		add(t, p, tx, label, cat, mix)
		d := drafts[before].t
		if d.Source == "email" && d.Body != "" {
			firsts = append(firsts, sent{p, t, d.Body, d.Subject})
		}
	}
}

var loginSubjs = []string{"Can't log in", "Login broken?", "LOGIN DOWN", "Unable to sign in to PodHub", "sign in not working", "Login page just spins", "Error when logging in", "Is PodHub down?", "Whole team locked out", "Cannot access dashboard", "URGENT: can't get into account, episode due", "Sign in with Google fails", "logged out and can't get back in", "login error 503", "Something wrong with login?", "Login keeps failing", "Can't sign in on web or app", "", "Problem signing in", "help - login", "Dashboard inaccessible", "Getting an error at sign-in"}
var loginBods = []string{
	"I can't log in. The page just spins after I enter my password and then shows 'Something went wrong, please try again'.",
	"Nobody on our team can sign in right now. We tried three browsers and two networks.",
	"Sign in with Google opens the popup, I pick my account, then it comes back to the login page with an error. Worked fine this morning.",
	"I got logged out in the middle of editing show notes and now it won't let me back in. Error code AUTH-503.",
	"Is login down? I'm getting a 503 on the sign-in page.",
	"login is broken. tried password reset too, the reset page errors out as well.",
	"We have an episode scheduled to go out in an hour and I need to change the audio file. I can't get into the dashboard at all. Please help ASAP.",
	"The app says 'Unable to verify your session' and throws me back to the welcome screen.",
	"After entering the 2FA code it just hangs on 'Verifying…' forever.",
	"My co-host and I are both locked out. We're in different countries, so it's not our wifi.",
	"Can't sign in. Tried incognito, cleared cookies, different laptop. Same error every time.",
	"Our guest is waiting in the studio lobby but I can't log in to start the session.",
	"Sign-in form returns 'Service temporarily unavailable'. Is there an outage?",
	"Every login attempt fails with a generic error. My colleagues on other accounts have the same problem.",
	"Logged out on my phone and desktop at the same time, now neither will sign me back in.",
	"I can't log into PodHub. Is there an issue on your side? Nothing on your status page yet.",
	"Login's been failing for 20 minutes now. Error: 'We couldn't reach the sign-in service'.",
	"The mobile app and the website both refuse to log me in. Password is definitely correct, I use a password manager.",
	"hi, can't login. page white then error. thanks",
	"Apple sign-in fails too, not just email and password.",
	"Anyone else? Our whole network (6 shows) can't log in to publish today's episodes.",
	"Sign in timing out. I've got a sponsor read to upload before 5pm.",
	"Can't get past the login screen, just get a red banner saying 'Error, try again later'.",
	"We're a team of four and none of us can access PodHub right now.",
}
var loginFollow = []string{
	"Any update? Still can't get in.",
	"Still down for us, 40 minutes now.",
	"Following up, it's still failing. Our release is overdue.",
	"Hello? Is anyone looking at this?",
	"Still broken here. Colleagues too.",
	"Tried again just now, same error.",
}
var loginForeign = []text{
	{"Anmeldung funktioniert nicht", "Hallo, ich kann mich seit einer halben Stunde nicht mehr anmelden. Es kommt nur eine Fehlermeldung. Kollegen haben das gleiche Problem."},
	{"No puedo iniciar sesión", "Hola, ni yo ni mi equipo podemos iniciar sesión en PodHub. Sale un error y vuelve a la página de inicio. ¿Hay una caída?"},
	{"Impossible de se connecter", "Bonjour, impossible de me connecter depuis 16h, j'ai un message d'erreur à chaque essai. Mes collègues aussi."},
	{"Não consigo fazer login", "Olá, não consigo fazer login no PodHub, dá erro toda vez. Tenho episódio para publicar hoje!"},
}

func loginIncident() {
	incident("inc-login-outage", "Account & login", 132, at(2, 15, 12), at(2, 15, 58), at(2, 17, 26), loginSubjs, loginBods, loginForeign, loginFollow, [6]float64{45, 10, 20, 10, 8, 7})
	lookAlikes(at(2, 15, 15), at(2, 17, 20), "Account & login", []text{
		{"Wrong show after login", "When I log in it opens my old show instead of {show}. Can I change the default?"},
		{"Profile picture", "My profile picture shows someone else's photo after I log in. Weird, the account is right otherwise."},
		{"Remember me doesn't stick", "I tick 'remember me' but have to log in every morning on my work laptop. Our IT clears cookies at night, could that be it?"},
		{"Login page in Spanish", "Your sign-in page shows up in Spanish for me even though my browser is in English."},
		{"Sign-in asks for 2FA every time", "I get the 2FA prompt every single time I sign in, although I chose 'trust this device'."},
		{"Team SSO", "We'd like to set up single sign-on for our team with our company directory. Is that available on Network?"},
		{"Dark mode resets on login", "Every time I sign in the dashboard switches back to light mode."},
		{"Session timeout too short", "I get signed out after 30 minutes of editing show notes. Could the timeout be longer?"},
		{"Login email shows old name", "The 'new sign-in' email still addresses me by my old name. Where do I change it?"},
		{"Password rules", "Your password form rejects my password with a space in it. Is that intended?"},
	}, 10)
}

func lookAlikes(a, b time.Time, cat string, txs []text, n int) {
	for i := 0; i < n; i++ {
		add(between(a, b), anyone(), txs[i%len(txs)], "look-alike", cat, [6]float64{55, 10, 20, 10, 0, 5})
	}
}

var emailSubjs = []string{"Guest invite emails not arriving", "Emails from PodHub delayed?", "Premium welcome emails missing", "No confirmation email", "Listeners didn't get the new episode email", "invite not received", "Are your emails down?", "Co-host invitation never arrived", "Verification email not coming", "Subscribers asking for their private feed link", "", "Studio invite emails stuck"}
var emailBods = []string{
	"I've sent studio invites to two guests for tonight's recording and neither has received the email. Tried twice, different email providers (Gmail and Outlook).",
	"Three new premium subscribers wrote to us that they never got the welcome email with their private RSS link. They paid an hour ago.",
	"Our 'new episode' email to subscribers was supposed to go out at 14:00. Nobody has received it, including my own test address.",
	"I invited a new co-host to the team. She's checked spam, nothing. Invited myself on a second address as a test: also nothing.",
	"Are emails from PodHub delayed today? None of the notifications I trigger arrive.",
	"The verification email for my new account hasn't come after 30 minutes. Resent it four times.",
	"Listeners are messaging us on Instagram saying they paid for premium and got no email. What's happening?",
	"Guest says she never got the studio link email. I copied the link manually for now, but the rest of the guests this week rely on the email.",
	"password reset email not arriving, and my colleague is seeing the same thing with his invite email. So I guess it's not just us?",
	"Your system emails seem to be stuck. Payout statement, invite, receipts: nothing since early afternoon.",
	"none of the emails from your side are arriving. not spam, not promotions, nothing",
	"The episode release notification email hasn't gone out for {show}. The episode itself is live.",
}
var emailFollow = []string{"One of them just arrived now, 50 minutes late. Others still missing.", "Still nothing, any news?", "Update: still no emails here."}
var emailForeign = []text{
	{"E-Mails kommen nicht an", "Hallo, unsere Gäste bekommen keine Einladungs-E-Mails fürs Studio. Auch die Willkommensmails für Abonnenten fehlen."},
	{"Los correos no llegan", "Hola, los suscriptores premium no reciben el correo de bienvenida con el enlace del feed privado. ¿Hay algún problema?"},
}

func emailIncident() {
	incident("inc-email-delayed", "Other", 41, at(0, 14, 2), at(0, 14, 45), at(0, 15, 48), emailSubjs, emailBods, emailForeign, emailFollow, [6]float64{55, 12, 15, 10, 4, 4})
	lookAlikes(at(0, 14, 5), at(0, 15, 45), "Other", []text{
		{"Unsubscribe link", "The unsubscribe link in your newsletter takes me to a login page. I just want to stop the marketing emails."},
		{"Episode email looks broken in Outlook", "Our 'new episode' email arrives fine but the cover image is huge in Outlook desktop and the button is cut off."},
		{"Emails in German", "All your notification emails reach me in German, but I'm in Austria and would prefer English. Where is that set?"},
		{"Sender name on listener emails", "Can the release emails to our subscribers come from our show name instead of 'PodHub'?"},
		{"Too many emails", "I get an email for every single comment on every episode. Can I get a daily summary instead?"},
		{"Typo in my invite email", "I sent a studio invite to the wrong address, typo in the domain. How do I cancel it?"},
	}, 6)
}

var startSubjs = []string{"Studio won't start", "Can't start recording session", "Guests can't join studio", "Studio stuck on connecting", "Live studio error", "Error starting studio session", "Studio down?", "Recording session won't open", "URGENT guest waiting, studio not loading", "Unable to join session", "", "studio broken", "Start recording does nothing"}
var startBods = []string{
	"The studio is stuck on 'Connecting to studio…' and never gets past it. My guest sees the same.",
	"We click Start recording and nothing happens, then after a minute an error pops up: 'Could not establish session (RTC-1006)'.",
	"Guests get 'Unable to join this session' when they open the invite link. Tried with three different guests.",
	"I have a guest from Australia waiting who stayed up late for this. The studio room won't open at all. Please help.",
	"Is the live studio down? Nobody can get into the session room.",
	"studio page loads, green room loads, but the moment we hit 'go live' it fails with a connection error.",
	"Tried Chrome and Firefox, wired connection, still 'Session could not be created'.",
	"Our recording was booked for 10:00, it's 10:25 and we still can't start the session. Is something wrong on your end?",
	"The studio keeps saying 'reconnecting' before we even begin. Never connects.",
	"We can't start a studio session from any of our accounts. Three hosts, three cities.",
	"Both my guests are stuck in the lobby with a spinning wheel. I see them listed but can't bring them in.",
	"error when starting studio. screenshot attached. please advise",
}
var startFollow = []string{"Still the same, guest has given up and left.", "Any ETA? We have another session at noon.", "Still can't start, tried again."}
var startForeign = []text{
	{"Studio startet nicht", "Hallo, das Aufnahmestudio bleibt bei 'Verbinden…' hängen. Unsere Gäste kommen nicht rein."},
	{"Le studio ne démarre pas", "Bonjour, impossible de lancer une session dans le studio, nos invités restent bloqués à la connexion."},
}

func studioStartIncident() {
	incident("inc-studio-wont-start", "Studio", 44, at(1, 9, 55), at(1, 10, 20), at(1, 11, 22), startSubjs, startBods, startForeign, startFollow, [6]float64{45, 8, 27, 10, 5, 5})
	lookAlikes(at(1, 10, 0), at(1, 11, 20), "Studio", []text{
		{"Microphone blocked in studio", "The studio says 'no microphone found'. I think I clicked 'block' on the browser permission popup. How do I undo that?"},
		{"Safari support for studio?", "My guest uses an old iPad with Safari 14 and the studio tells him the browser isn't supported. Which versions work?"},
		{"Guest link for wrong date", "I sent my guest the invite for next week's session by mistake. Can I move the guest to today's room?"},
		{"Studio background noise", "My recordings from the studio have a fan noise in the background. Is there noise reduction?"},
		{"Studio renamed", "I renamed my studio room and now the old invite link shows 'room not found'. Do I need to resend?"},
		{"Studio max guests", "I tried to add a 6th guest and it says the room is full. Is 5 the limit on Creator?"},
		{"Studio camera", "My webcam isn't listed in the studio device list, but the mic is. It works in other apps."},
		{"Studio recordings missing from last week", "Can't find the separate tracks from last Thursday's session in my library."},
	}, 8)
}

var qualSubjs = []string{"Studio audio breaking up", "Guest froze mid-recording", "Robotic audio in studio", "Studio lagging badly", "Recording keeps dropping", "Audio delay in live session", "Studio quality terrible today", "Guest disconnected halfway", "", "Lost part of our interview", "Choppy audio", "Video freezing in studio"}
var qualBods = []string{
	"We started fine but about ten minutes in my guest's voice went robotic and then cut out completely. She reconnected and it happened again.",
	"Video froze for everyone after a few minutes, audio carried on with a two-second delay. Had to stop the interview.",
	"The studio kept dropping us and reconnecting every few minutes. Each time we lost a chunk of the recording.",
	"Massive lag today, we're talking over each other because of the delay. Never had this before.",
	"Guest's screen went black mid-recording and his audio turned into a crackling mess.",
	"Our recording started normally then everyone's audio got choppy. Network on our side is fine, speed test is great.",
	"we lost about 20 minutes of a one-off interview because the session kept freezing. really not happy.",
	"Recording in progress, audio stuttering for all three participants. Is anything going on with the studio?",
	"The session doesn't fail to start, it's after a while that it goes bad: freezes, then the guest drops.",
	"Both guests in Europe dropped out at the same moment, then came back sounding like underwater.",
	"Echoing and delay for everyone after the first few minutes. We restarted twice.",
}
var qualFollow = []string{"Tried again and it broke up again after 5 minutes.", "Is the recording from earlier recoverable?", "Still bad, we postponed the guest."}
var qualForeign = []text{
	{"Audio entrecortado en el estudio", "Hola, a los diez minutos de grabar el audio del invitado se vuelve robótico y se congela la imagen. Ya nos pasó dos veces hoy."},
	{"Áudio travando no estúdio", "Olá, a gravação começa bem mas depois de alguns minutos o áudio trava e o convidado cai."},
}

func studioQualityIncident() {
	incident("inc-studio-degraded", "Studio", 36, at(4, 13, 18), at(4, 13, 55), at(4, 14, 52), qualSubjs, qualBods, qualForeign, qualFollow, [6]float64{50, 8, 22, 10, 5, 5})
	lookAlikes(at(4, 13, 20), at(4, 14, 50), "Studio", []text{
		{"Guest on hotel wifi", "One guest's audio was bad the whole session. He admitted he was on the hotel's free wifi in the lobby. Can he re-record his track?"},
		{"Bluetooth headset sounds muffled", "My guest's AirPods sound like a phone call in the studio recording. Any tip?"},
		{"Guest track missing", "One guest closed the tab right after we ended and her separate track is missing. Is it lost?"},
		{"Noise suppression too strong", "Noise suppression cuts off the ends of my words. Can I turn it off just for me?"},
		{"Studio recording name", "All my studio recordings are named 'Untitled session'. Can they use the episode title?"},
		{"Studio volume levels", "My co-host is much louder than me in the mixed file. Is there auto-levelling?"},
		{"Studio tab crashed on my laptop", "My Chrome crashed during the session (I had 40 tabs open, my fault). Did the studio keep my local recording?"},
	}, 7)
}

var dcSubjs = []string{"Charged twice", "Double charge for {plan} renewal", "Two payments taken this month", "Billed twice??", "Duplicate charge on my card", "Premium subscription charged twice", "Refund for duplicate payment", "Why two charges?", ""}
var dcBods = []string{
	"My card was charged {amt} twice this morning for the {plan} renewal. Same amount, a few minutes apart. Please refund one.",
	"Bank statement shows two identical PodHub charges on 15 April. I only have one account and one plan.",
	"I'm a listener. My premium subscription to {show} renewed and I see two payments of {amt}. Can you fix that?",
	"Got two receipts for the same renewal. Is that just a duplicate email or did you actually take the money twice? My bank says twice.",
	"Our finance team flagged a duplicate charge from PodHub for the Network plan. Please advise.",
	"charged 2x for this month. please refund the extra one",
	"Several of our premium listeners say they were billed twice this month. We've had four messages today about it.",
	"Two charges of {amt} on my credit card, both 'PodHub renewal'. First time this happened in two years.",
	"Looks like the subscription renewal went through twice. Not a huge amount but I'd like it back.",
}

func doubleChargeIncident() {
	for i := 0; i < 26; i++ {
		var t time.Time
		if weekgen.Chance(r, 0.65) {
			t = between(at(3, 6, 40), at(3, 21, 0))
		} else {
			t = between(at(4, 7, 0), at(4, 18, 30))
		}
		tx := text{weekgen.Pick(r, dcSubjs), weekgen.Pick(r, dcBods)}
		if i == 7 {
			tx = text{"Doble cargo", "Hola, me han cobrado dos veces la renovación del plan {plan}, {amt} cada una. ¿Me pueden devolver una?"}
		}
		if i == 15 {
			tx = text{"Doppelte Abbuchung", "Guten Tag, die Verlängerung meines Abos wurde zweimal abgebucht. Bitte erstatten Sie eine Zahlung."}
		}
		add(t, anyone(), tx, "inc-double-charge", "Billing", [6]float64{55, 10, 15, 15, 2, 3})
	}
	lookAlikes(at(3, 8, 0), at(4, 17, 0), "Billing", []text{
		{"VAT on my invoice", "The April invoice added 21% VAT although we entered our EU VAT number. Should be reverse charge."},
		{"Charged in USD not EUR", "My renewal was charged in dollars, I'd prefer euros. Can I change the billing currency?"},
		{"Coupon not applied", "I used the LAUNCH20 code when I signed up but the renewal was full price. Was it only for the first month?"},
		{"Refund still not on my card", "You confirmed a refund five days ago for my cancelled plan and it's still not on my statement."},
		{"Receipt shows old company name", "The receipt for this month's renewal has our old company name. Can you reissue it?"},
	}, 5)
}

// ---------------------------------------------------------------- status pages

func u(provider, inc, id, status, impact string, t time.Time, title, body, kind string, comps []string, label string) weekgen.Update {
	return weekgen.Update{Provider: provider, ProviderIncidentID: inc, UpdateID: id, Status: status, Impact: impact, At: t.Format(time.RFC3339), Title: title, Body: body, Kind: kind, Components: comps, Label: label}
}

func updates() []weekgen.Update {
	const mail = "Elevated delivery latency for outbound email"
	const rtc1 = "Errors creating new realtime sessions"
	const idf = "Authentication API unavailable"
	const rtc2 = "Degraded media quality in EU relays"
	const edge = "Increased latency for origin fetches in Asia-Pacific"
	const mnt = "Scheduled maintenance: card vault database upgrade"
	return []weekgen.Update{
		u("postwren", "pw-88213", "pw-88213-1", "investigating", "major", at(0, 14, 31), mail, "We are investigating delays in outbound message delivery. Messages are being accepted but queued. Delivery to all recipient domains is affected.", "incident", []string{"SMTP relay", "Transactional API"}, "inc-email-delayed"),
		u("postwren", "pw-88213", "pw-88213-2", "identified", "major", at(0, 14, 58), mail, "The issue has been identified as a saturated queue cluster in our us-east region following a configuration change. We are rolling back the change and adding capacity.", "incident", []string{"SMTP relay", "Transactional API"}, "inc-email-delayed"),
		u("postwren", "pw-88213", "pw-88213-3", "monitoring", "minor", at(0, 15, 40), mail, "The rollback is complete and queued messages are being delivered. Some recipients may receive messages up to 90 minutes late. We are monitoring.", "incident", []string{"SMTP relay", "Transactional API"}, "inc-email-delayed"),
		u("postwren", "pw-88213", "pw-88213-4", "resolved", "none", at(0, 16, 25), mail, "The backlog has been fully drained and delivery times are back to normal. This incident is resolved.", "incident", []string{"SMTP relay", "Transactional API"}, "inc-email-delayed"),

		u("relaycast", "rc-3391", "rc-3391-1", "investigating", "major", at(1, 9, 48), rtc1, "We are investigating elevated error rates when creating new rooms and sessions via the signalling service. Existing sessions are not affected.", "incident", []string{"Signalling", "Rooms API"}, "inc-studio-wont-start"),
		u("relaycast", "rc-3391", "rc-3391-2", "identified", "major", at(1, 10, 22), rtc1, "We have identified a failed certificate rotation on the signalling load balancers. A fix is being deployed.", "incident", []string{"Signalling", "Rooms API"}, "inc-studio-wont-start"),
		u("relaycast", "rc-3391", "rc-3391-3", "monitoring", "minor", at(1, 11, 6), rtc1, "The fix has been deployed and session creation is succeeding again. We are monitoring error rates.", "incident", []string{"Signalling", "Rooms API"}, "inc-studio-wont-start"),
		u("relaycast", "rc-3391", "rc-3391-4", "resolved", "none", at(1, 11, 52), rtc1, "Session creation has been stable for 45 minutes. This incident has been resolved.", "incident", []string{"Signalling", "Rooms API"}, "inc-studio-wont-start"),

		u("idforge", "idf-7702", "idf-7702-1", "investigating", "critical", at(2, 15, 34), idf, "We are investigating failures on the authentication API. Users of customer applications may be unable to sign in, including via social and enterprise connections.", "incident", []string{"Authentication API", "Social connections", "MFA"}, "inc-login-outage"),
		u("idforge", "idf-7702", "idf-7702-2", "identified", "critical", at(2, 16, 5), idf, "The cause has been identified as an exhausted connection pool on the primary session database after a failover. We are restoring service region by region.", "incident", []string{"Authentication API", "Social connections", "MFA"}, "inc-login-outage"),
		u("idforge", "idf-7702", "idf-7702-3", "monitoring", "minor", at(2, 16, 52), idf, "Sign-ins are succeeding in all regions. Some users may need to sign in again. We continue to monitor.", "incident", []string{"Authentication API", "Social connections", "MFA"}, "inc-login-outage"),
		u("idforge", "idf-7702", "idf-7702-4", "resolved", "none", at(2, 17, 40), idf, "Authentication has been operating normally since 16:45 UTC. A post-incident report will follow.", "incident", []string{"Authentication API", "Social connections", "MFA"}, "inc-login-outage"),

		u("relaycast", "rc-3404", "rc-3404-1", "investigating", "major", at(4, 13, 37), rtc2, "We are investigating reports of packet loss, frozen video and audio artefacts in ongoing sessions routed through our Frankfurt and Amsterdam media relays.", "incident", []string{"Media relay (EU)", "TURN"}, "inc-studio-degraded"),
		u("relaycast", "rc-3404", "rc-3404-2", "identified", "major", at(4, 14, 4), rtc2, "An upstream network provider is dropping traffic on one of our EU transit links. We are rerouting media traffic away from the affected link.", "incident", []string{"Media relay (EU)", "TURN"}, "inc-studio-degraded"),
		u("relaycast", "rc-3404", "rc-3404-3", "monitoring", "minor", at(4, 14, 41), rtc2, "Traffic has been rerouted and packet loss is back to normal levels. Sessions that reconnect should see normal quality. Monitoring.", "incident", []string{"Media relay (EU)", "TURN"}, "inc-studio-degraded"),
		u("relaycast", "rc-3404", "rc-3404-4", "resolved", "none", at(4, 15, 30), rtc2, "Media quality in the EU region has been normal for 45 minutes. This incident is resolved.", "incident", []string{"Media relay (EU)", "TURN"}, "inc-studio-degraded"),

		u("tillstone", "ts-m-0418", "ts-m-0418-1", "scheduled", "maintenance", at(4, 16, 0), mnt, "We will upgrade the card vault database on 18 April between 02:00 and 03:30 UTC. Card payments and payouts will continue to work; dashboard exports may be briefly unavailable.", "maintenance", []string{"Card vault", "Dashboard"}, ""),
		u("edgetide", "et-5120", "et-5120-1", "investigating", "minor", at(5, 3, 12), edge, "We are investigating increased latency on origin fetches for cache misses served from Singapore and Sydney. Cached content is unaffected.", "incident", []string{"Edge network (APAC)"}, ""),
		u("edgetide", "et-5120", "et-5120-2", "identified", "minor", at(5, 3, 49), edge, "A routing change at a peering partner is sending origin traffic on a longer path. We have asked the partner to revert it.", "incident", []string{"Edge network (APAC)"}, ""),
		u("edgetide", "et-5120", "et-5120-3", "resolved", "none", at(5, 5, 5), edge, "Origin fetch latency is back to normal. This incident is resolved.", "incident", []string{"Edge network (APAC)"}, ""),
		u("tillstone", "ts-m-0418", "ts-m-0418-2", "in_progress", "maintenance", at(6, 2, 0), mnt, "The scheduled maintenance is in progress.", "maintenance", []string{"Card vault", "Dashboard"}, ""),
		u("tillstone", "ts-m-0418", "ts-m-0418-3", "completed", "maintenance", at(6, 3, 22), mnt, "The maintenance has been completed successfully. All systems are operating normally.", "maintenance", []string{"Card vault", "Dashboard"}, ""),
	}
}

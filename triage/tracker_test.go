package triage

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// loginIncident returns an engine and a tracker holding incident #7, a
// log-in storm of five reports from customers a to e starting at t0.
func loginIncident() (*Engine, *Tracker, time.Time) {
	return loginIncidentWith(DefaultTrackerConfig())
}

// loginIncidentWith is loginIncident with the tracker's configuration.
func loginIncidentWith(cfg TrackerConfig) (*Engine, *Tracker, time.Time) {
	e := New(DefaultConfig())
	tr := NewTracker(e, cfg)
	t0 := time.Date(2026, 3, 10, 15, 0, 0, 0, time.UTC)
	storm := []string{"Can't log in, the login page shows an error", "login fails with an error since 3pm", "cannot log in at all, error on the login page",
		"login error for all of us", "the login page errors when I log in"}
	live := Live{ID: 7, Start: t0, Shapes: map[int64]bool{}}
	for i, text := range storm {
		id := int64(i + 1)
		e.Assign(Ticket{ID: id, Text: text, Customer: string(rune('a' + i)), At: t0.Add(time.Duration(i) * time.Minute)})
		live.Members = append(live.Members, id)
		live.Shapes[id] = true
		live.LastJoin = t0.Add(time.Duration(i) * time.Minute)
	}
	tr.LoadLive([]Live{live})
	return e, tr, t0
}

// TestKeptOutSaysWhy: a ticket kept out of an open incident records the
// real reason: another topic than the incident's, or an individual
// problem with the similarity it would have needed.
func TestKeptOutSaysWhy(t *testing.T) {
	e, tr, t0 := loginIncident()
	observe := func(id int64, text string) Decision {
		a := e.Assign(Ticket{ID: id, Text: text, Customer: "z", At: t0.Add(10 * time.Minute)})
		return tr.Observe(id, a)
	}
	if d := observe(10, "the login page shows an error when I log in"); d.Incident != 7 {
		t.Fatalf("a report like the storm's: %+v", d)
	}
	if d := observe(11, "My top-up failed with an error on the top up page"); d.Incident != 0 ||
		!strings.HasPrefix(d.Reason, "kept out: about topup, not what incident #7 is about (login)") {
		t.Errorf("another topic: %+v", d)
	}
	d := observe(12, "I forgot my password and now the login page shows an error")
	var need float64
	if i := strings.Index(d.Reason, "needs "); i >= 0 {
		fmt.Sscanf(d.Reason[i+len("needs "):], "%f", &need)
	}
	if d.Incident != 0 || !strings.HasPrefix(d.Reason, "kept out: individual account problem: forgot password (similarity") || need < DefaultTrackerConfig().IndividualThreshold {
		t.Errorf("an individual problem (needs at least %.2f): %+v", DefaultTrackerConfig().IndividualThreshold, d)
	}
}

// TestStormNotOldNewsForgottenPasswords: a day of individual log-in
// problems ("I forgot my password and can't log in") does not make a
// log-in storm look usual: a burst is measured against the reports that
// came before it, and forgotten passwords are not reports. The storm
// opens an incident by its 5th report.
func TestStormNotOldNewsForgottenPasswords(t *testing.T) {
	e := New(DefaultConfig())
	tr := NewTracker(e, DefaultTrackerConfig())
	t0 := time.Date(2026, 3, 10, 8, 0, 0, 0, time.UTC)
	id := int64(0)
	observe := func(text, customer string, at time.Time) Decision {
		id++
		return tr.Observe(id, e.Assign(Ticket{ID: id, Text: text, Customer: customer, At: at}))
	}
	everyday := []string{"How do I export my invoices to CSV?", "Can I change the billing address on my plan?",
		"Where do I find the API documentation?", "Please add a dark mode", "How do I add a new team member?"}
	forgot := []string{"I forgot my password and now the login page shows an error", "forgot my password, login page error when I log in",
		"I can't log in, the login page errors, I forgot the password", "login page error: I forgot my password, please reset it"}
	for i := 0; i < 60; i++ {
		at := t0.Add(time.Duration(i) * 8 * time.Minute)
		if d := observe(everyday[i%len(everyday)], fmt.Sprintf("e%d@x.example", i), at); d.Open != nil {
			t.Fatalf("an everyday question opened an incident: %+v", d)
		}
		if d := observe(forgot[i%len(forgot)], fmt.Sprintf("f%d@x.example", i), at.Add(time.Minute)); d.Open != nil {
			t.Fatalf("a forgotten password opened an incident: %+v", d)
		}
	}
	storm := []string{"Login page shows error 500 since a few minutes", "can't log in, the login page errors out",
		"login fails with error 500 for our whole team", "the login page is broken, error 500", "error 500 when logging in"}
	at := t0.Add(9 * time.Hour)
	for i, text := range storm {
		d := observe(text, fmt.Sprintf("s%d@x.example", i), at.Add(time.Duration(i)*3*time.Minute))
		if d.Open != nil {
			t.Logf("opened at report %d: %s", i+1, d.Open.Why)
			return
		}
	}
	t.Fatal("a log-in storm after a day of forgotten passwords opened nothing by its 5th report")
}

// TestQuestionGrade: a question in a ticket whose words read like a
// shared problem is a plain report; the same question in a ticket that
// reads like the writer's own problem stays doubtful, and so does every
// question with the model's cuts turned off.
func TestQuestionGrade(t *testing.T) {
	e := New(DefaultConfig())
	e.Assign(Ticket{ID: 1, Text: "Login broken\nThe login page fails with error 500 again today, still broken. What can we do?", At: time.Now()})
	e.Assign(Ticket{ID: 2, Text: "my account\nhow do i see my account settings? thank you", At: time.Now()})
	shared, own := e.tickets[1], e.tickets[2]
	if shared.msg.Grade() != Doubtful || own.msg.Grade() != Doubtful {
		t.Fatalf("cue grades %v and %v, want both doubtful (a question)", shared.msg.Grade(), own.msg.Grade())
	}
	tr := NewTracker(e, DefaultTrackerConfig())
	if g := tr.grade(shared); g != Report {
		t.Errorf("shared problem with a question (model %.2f): grade %v, want a report", shared.indiv, g)
	}
	if g := tr.grade(own); g == Report {
		t.Errorf("own problem with a question (model %.2f): a report, want doubtful or more", own.indiv)
	}
	off := DefaultTrackerConfig()
	off.IndivWeak = 0
	if g := NewTracker(e, off).grade(shared); g != Doubtful {
		t.Errorf("with the model's cuts off: grade %v, want doubtful", g)
	}
}

// TestStormTakesSharedProblems: while an incident's reports pour in, a
// report the individual model reads as a shared problem joins on a modest
// likeness even when it names none of the incident's features ("the app
// won't let me in"), as long as what it says is mostly what the storm's
// reports say; a ticket about something else that shares only the
// complaint ("keeps failing with an error") stays out, and so does the
// shared-problem report with StormShared off.
func TestStormTakesSharedProblems(t *testing.T) {
	t0 := time.Date(2026, 3, 10, 15, 0, 0, 0, time.UTC)
	storm := []string{"Can't log in, the app just spins and then says try again later", "login spins forever in the app, try again later",
		"cannot log in at all, the app spins and won't let me in", "log in broken: the app spins, then try again later",
		"the app spins on log in and won't let me in", "log in fails, app spinning, says try again later",
		"our whole team can't log in, the app spins", "log in spinning in the app since 3pm"}
	run := func(cfg TrackerConfig, text string) Decision {
		e := New(DefaultConfig())
		tr := NewTracker(e, cfg)
		live := Live{ID: 7, Start: t0, Features: []string{"login"}, Shapes: map[int64]bool{}}
		for i, s := range storm {
			id := int64(i + 1)
			at := t0.Add(time.Duration(i) * 2 * time.Minute)
			e.Assign(Ticket{ID: id, Text: s, Customer: fmt.Sprintf("c%d", i), At: at})
			live.Members = append(live.Members, id)
			live.Shapes[id] = true
			live.LastJoin = at
		}
		tr.LoadLive([]Live{live})
		a := e.Assign(Ticket{ID: 100, Text: text, Customer: "z", At: t0.Add(17 * time.Minute)})
		return tr.Observe(100, a)
	}
	// A ticket naming no topic needs TopiclessThreshold, less the storm
	// bonus; both are set so that only the rule under test can let the
	// report in.
	cfg := DefaultTrackerConfig()
	cfg.TopiclessThreshold, cfg.StormBonus = 0.95, 0
	shared := "it spins then says try again later"
	if d := run(cfg, shared); d.Incident != 7 || !strings.HasPrefix(d.Reason, "reads like a shared problem") {
		t.Errorf("a shared-problem report without the feature's words during the storm: %+v", d)
	}
	off := cfg
	off.StormShared = 0
	if d := run(off, shared); d.Incident == 7 {
		t.Errorf("with StormShared off it joined: %+v", d)
	}
	if d := run(cfg, "my transfer to my sister keeps failing with an error, I tried again later and it still fails"); d.Incident != 0 {
		t.Errorf("a ticket about something else, alike only in its complaint, joined: %+v", d)
	}
	// A writer owning a mistake of their own is not taken in by the
	// storm, whatever the model reads; the same words without it are.
	if d := run(cfg, "it spins then says try again later, my bad"); d.Incident != 0 || !strings.Contains(d.Reason, "own mistake") {
		t.Errorf("a report owning its own mistake joined on the storm: %+v", d)
	}
	if d := run(cfg, "it spins then says try again later, so bad"); d.Incident != 7 {
		t.Errorf("the same report without owning a mistake: %+v", d)
	}
}

// TestStormOnAFreshDesk: a storm in a desk's first hour (a dozen everyday
// tickets before it) opens an incident by its 6th report: the prior on a
// topic's usual share is the young desk's guard, not a ticket count.
func TestStormOnAFreshDesk(t *testing.T) {
	e := New(DefaultConfig())
	tr := NewTracker(e, DefaultTrackerConfig())
	t0 := time.Date(2026, 3, 9, 7, 0, 0, 0, time.UTC)
	id := int64(0)
	observe := func(text, customer string, at time.Time) Decision {
		id++
		return tr.Observe(id, e.Assign(Ticket{ID: id, Text: text, Customer: customer, At: at}))
	}
	everyday := []string{"How do I export my invoices to CSV?", "Can I change the billing address on my plan?",
		"Where do I find the API documentation?", "Please add a dark mode", "How do I add a new team member?",
		"What are your opening hours?"}
	for i := 0; i < 12; i++ {
		if d := observe(everyday[i%len(everyday)], fmt.Sprintf("e%d@x.example", i), t0.Add(time.Duration(i)*2*time.Minute)); d.Open != nil {
			t.Fatalf("an everyday question opened an incident: %+v", d)
		}
	}
	storm := []string{"The clock-in says I am not at my workplace, but I am on site", "clock in refused: 'you are not at your workplace'",
		"whole team can't clock in, it says we're not at the workplace", "not at your workplace error when I clock in at the site",
		"clock-in location check failing for everyone at our site", "it says I'm not at my workplace when clocking in"}
	at := t0.Add(25 * time.Minute)
	for i, text := range storm {
		if d := observe(text, fmt.Sprintf("s%d@x.example", i), at.Add(time.Duration(i)*2*time.Minute)); d.Open != nil {
			t.Logf("opened at report %d: %s", i+1, d.Open.Why)
			return
		}
	}
	t.Fatal("a storm in a fresh desk's first hour opened nothing by its 6th report")
}

// TestProviderTakesTopicItExplains: a report alike in words to an
// incident of the product's own, but naming a topic that incident is not
// about and that a live provider incident backs, joins the provider's
// incident; one about the first incident's topic alone stays with it.
func TestProviderTakesTopicItExplains(t *testing.T) {
	t0 := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	e := New(DefaultConfig())
	tr := NewTracker(e, DefaultTrackerConfig())
	own := Live{ID: 7, Start: t0, Features: []string{"upload"}, Shapes: map[int64]bool{}}
	for i, s := range []string{"uploading my file fails at 99%, the upload just errors", "upload fails at 99 percent with an error",
		"my upload errors out at 99%", "the file upload fails near the end with an error", "upload stuck at 99% then fails"} {
		id := int64(i + 1)
		at := t0.Add(time.Duration(i) * 3 * time.Minute)
		e.Assign(Ticket{ID: id, Text: s, Customer: fmt.Sprintf("c%d", i), At: at})
		own.Members = append(own.Members, id)
		own.Shapes[id] = true
		own.LastJoin = at
	}
	provider := Live{ID: 8, Start: t0.Add(10 * time.Minute), Features: []string{"video"}, UpstreamLive: true}
	tr.LoadLive([]Live{own, provider})
	at := t0.Add(20 * time.Minute)
	if d := tr.Observe(100, e.Assign(Ticket{ID: 100, Text: "the video upload fails at 99%, the upload just errors", Customer: "v", At: at})); d.Incident != 8 {
		t.Errorf("a report about video (the provider's) and uploads joined %d, want 8: %+v", d.Incident, d)
	}
	if d := tr.Observe(101, e.Assign(Ticket{ID: 101, Text: "uploading my file fails at 99%, the upload errors", Customer: "w", At: at.Add(time.Minute)})); d.Incident != 7 {
		t.Errorf("a report about uploads alone joined %d, want 7: %+v", d.Incident, d)
	}
}

// TestSureIndividualIsNoEvidence: reports the individual model is all but
// sure describe the writer's own problem do not confirm an upstream
// watch; the same reports, read as shared, do.
func TestSureIndividualIsNoEvidence(t *testing.T) {
	for _, indiv := range []float32{0.99, 0.2} {
		e := New(DefaultConfig())
		cfg := DefaultTrackerConfig()
		tr := NewTracker(e, cfg)
		t0 := time.Date(2026, 3, 10, 15, 0, 0, 0, time.UTC)
		tr.LoadLive([]Live{{ID: 9, Watching: true, Start: t0, Features: []string{"login"}, UpstreamLive: true, Shapes: map[int64]bool{}}})
		var d Decision
		for i, text := range []string{"I can't log in", "login fails for me", "cannot log in to my account", "log in broken"} {
			id := int64(i + 1)
			a := e.Assign(Ticket{ID: id, Text: text, Customer: string(rune('a' + i)), At: t0.Add(time.Duration(i) * time.Minute)})
			e.tickets[id].indiv = indiv // what the model would say of a writer's own problem, or of a shared one
			if d = tr.Observe(id, a); d.Incident != 0 {
				break
			}
		}
		confirmed := d.Incident == 9
		if want := indiv < 0.5; confirmed != want {
			t.Errorf("model %.2f: watch confirmed %v, want %v (%+v)", indiv, confirmed, want, d)
		}
	}
}

// TestIndividualFoundsNothing: a report the individual model grades as
// the writer's own problem counts toward the burst but does not found the
// incident; judged like any other ticket, it stays out unless it reads
// almost exactly like the founders.
func TestIndividualFoundsNothing(t *testing.T) {
	for _, indiv := range []float32{0.95, 0.1} {
		e := New(DefaultConfig())
		tr := NewTracker(e, DefaultTrackerConfig())
		t0 := time.Date(2026, 3, 10, 15, 0, 0, 0, time.UTC)
		tr.LoadLive([]Live{{ID: 9, Watching: true, Start: t0, Features: []string{"login"}, UpstreamLive: true, Shapes: map[int64]bool{}}})
		texts := []string{"the login page just spins on my old tablet since this morning", "I can't log in", "login fails with an error", "cannot log in, error on the login page"}
		var d Decision
		for i, text := range texts {
			id := int64(i + 1)
			a := e.Assign(Ticket{ID: id, Text: text, Customer: string(rune('a' + i)), At: t0.Add(time.Duration(i) * time.Minute)})
			if id == 1 {
				e.tickets[id].indiv = indiv
			}
			if d = tr.Observe(id, a); d.Incident != 0 {
				break
			}
		}
		if d.Incident != 9 || d.Open == nil {
			t.Fatalf("model %.2f: the watch was not confirmed: %+v", indiv, d)
		}
		founded := slices.ContainsFunc(d.Open.Members, func(m Member) bool { return m.Ticket == 1 })
		if want := indiv < 0.5; founded != want {
			t.Errorf("model %.2f: ticket 1 among the incident's members %v, want %v (%+v)", indiv, founded, want, d.Open.Members)
		}
	}
}

// TestFollowUpStaysOnTopic: a customer already in an incident who writes
// again with a follow-up ("any update?") joins it however little the words
// match; the same customer's next ticket about another topic, however it
// opens ("hi again"), is judged on its own and stays out.
func TestFollowUpStaysOnTopic(t *testing.T) {
	e, tr, t0 := loginIncident()
	observe := func(id int64, text string, after time.Duration) Decision {
		a := e.Assign(Ticket{ID: id, Text: text, Customer: "a", At: t0.Add(after)})
		return tr.Observe(id, a)
	}
	if d := observe(20, "Any update? Still waiting to hear back from you.", 20*time.Minute); d.Incident != 7 ||
		!strings.HasPrefix(d.Reason, "a follow-up from a customer already in the incident") {
		t.Errorf("a follow-up: %+v", d)
	}
	if d := observe(21, "Hi again, following up: my top-up failed on the top up page, was I charged?", 30*time.Minute); d.Incident != 0 {
		t.Errorf("the same customer about another topic joined: %+v", d)
	}
}

// TestUpstreamBar: while its provider's incident is live, a report about
// the feature it backs joins on less likeness than the incident's own
// reports need, but not on the feature word alone: UpstreamThreshold is
// the bar.
func TestUpstreamBar(t *testing.T) {
	t0 := time.Date(2026, 3, 10, 15, 0, 0, 0, time.UTC)
	report := "login says error 0x88 in the desktop client"
	var sim float64
	for _, bar := range []float64{0.05, 0.95} {
		e := New(DefaultConfig())
		cfg := DefaultTrackerConfig()
		cfg.UpstreamThreshold = bar
		tr := NewTracker(e, cfg)
		live := Live{ID: 8, Start: t0, Features: []string{"login"}, UpstreamLive: true, Shapes: map[int64]bool{}}
		for i, text := range []string{"the sign-in page spins forever", "sign-in page keeps spinning", "stuck on the spinning sign-in page"} {
			id := int64(i + 1)
			at := t0.Add(time.Duration(i) * 10 * time.Minute)
			e.Assign(Ticket{ID: id, Text: text, Customer: string(rune('a' + i)), At: at})
			live.Members = append(live.Members, id)
			live.Shapes[id] = true
			live.LastJoin = at
		}
		tr.LoadLive([]Live{live})
		d := tr.Observe(10, e.Assign(Ticket{ID: 10, Text: report, Customer: "z", At: t0.Add(40 * time.Minute)}))
		sim = d.Similarity
		if joined := d.Incident == 8; joined != (bar < 0.5) {
			t.Errorf("bar %.2f: joined %v (%+v)", bar, joined, d)
		}
	}
	if sim >= DefaultTrackerConfig().JoinThreshold {
		t.Errorf("the report is too alike (%.2f) to test the provider's bar", sim)
	}
}

// TestCatchUp: a report worded unlike an incident's founders is kept out
// when it comes; once reports like it have joined and grown the profile,
// it is judged again and joins (and says so). A forgotten password in
// the same minutes stays out; with CatchUp off the early report stays
// out too.
func TestCatchUp(t *testing.T) {
	for _, on := range []bool{true, false} {
		cfg := DefaultTrackerConfig()
		if !on {
			cfg.CatchUp = 0
		}
		e, tr, t0 := loginIncidentWith(cfg)
		observe := func(id int64, text, customer string, after time.Duration) Decision {
			return tr.Observe(id, e.Assign(Ticket{ID: id, Text: text, Customer: customer, At: t0.Add(after)}))
		}
		early := "SSO keeps bouncing me back to the start page in a redirect loop"
		if d := observe(20, early, "x", 40*time.Minute); d.Incident != 0 {
			t.Fatalf("the early report joined when it came: %+v", d)
		}
		if d := observe(21, "I forgot my password and the SSO start page loops", "y", 41*time.Minute); d.Incident != 0 {
			t.Fatalf("a forgotten password joined: %+v", d)
		}
		var caught []Member
		for i, text := range []string{"Can't log in: SSO keeps bouncing me back to the start page, a redirect loop on the login page",
			"login error: SSO redirect loop, it keeps bouncing me back to the start page"} {
			d := observe(int64(22+i), text, fmt.Sprintf("z%d", i), time.Duration(42+i)*time.Minute)
			if d.Incident != 7 {
				t.Fatalf("on=%v: report %d like the storm's and the early one's did not join: %+v", on, i, d)
			}
			if d.Open != nil {
				caught = append(caught, d.Open.Members...)
			}
		}
		got := slices.ContainsFunc(caught, func(m Member) bool { return m.Ticket == 20 })
		if got != on {
			t.Errorf("CatchUp on=%v: early report caught up = %v (%+v)", on, got, caught)
		}
		if slices.ContainsFunc(caught, func(m Member) bool { return m.Ticket == 21 }) {
			t.Errorf("the forgotten password was caught up: %+v", caught)
		}
		if on && got && (!strings.HasPrefix(caught[0].Reason, CaughtUpReason) || Shaping(caught[0].Reason)) {
			// A caught-up member does not shape the profile, live or
			// reloaded after a restart (desk rebuilds Shapes from the
			// reasons).
			t.Errorf("reason %q: shaping %v", caught[0].Reason, Shaping(caught[0].Reason))
		}
	}
}

// TestSaysItWorks: a ticket that says what an incident is about works
// ("I can log in fine, but...") is held to the bar of one that names none
// of its topics, and says so; a report of it failing still joins.
func TestSaysItWorks(t *testing.T) {
	e, tr, t0 := loginIncident()
	observe := func(id int64, text string) Decision {
		return tr.Observe(id, e.Assign(Ticket{ID: id, Text: text, Customer: fmt.Sprint("z", id), At: t0.Add(10 * time.Minute)}))
	}
	d := observe(10, "I can log in fine, but the login page shows an error banner about my old name")
	var sim float64
	if i := strings.Index(d.Reason, "(similarity "); i >= 0 {
		fmt.Sscanf(d.Reason[i+len("(similarity "):], "%f", &sim)
	}
	if d.Incident != 0 || !strings.HasPrefix(d.Reason, "kept out: says login works") || sim < DefaultTrackerConfig().JoinThreshold {
		t.Errorf("says log-in works, similarity %.2f (the plain bar is %.2f): %+v", sim, DefaultTrackerConfig().JoinThreshold, d)
	}
	if d := observe(11, "I can't log in, the login page shows an error banner about my old name"); d.Incident != 7 {
		t.Errorf("a report of log-in failing: %+v", d)
	}
}

// TestSaysItWorksOfOneTopic: a ticket that says one of an incident's
// topics works but reports another of them failing is a report of it.
func TestSaysItWorksOfOneTopic(t *testing.T) {
	e := New(DefaultConfig())
	tr := NewTracker(e, DefaultTrackerConfig())
	t0 := time.Date(2026, 3, 10, 15, 0, 0, 0, time.UTC)
	live := Live{ID: 7, Start: t0, Shapes: map[int64]bool{}}
	for i, text := range []string{"can't log in, the 2FA code never arrives", "login 2FA code not arriving, can't log in",
		"the 2FA code doesn't come so I cannot log in", "no 2FA code, stuck at login", "can't log in: 2FA code never arrives"} {
		id := int64(i + 1)
		e.Assign(Ticket{ID: id, Text: text, Customer: fmt.Sprint("c", i), At: t0.Add(time.Duration(i) * time.Minute)})
		live.Members = append(live.Members, id)
		live.Shapes[id] = true
		live.LastJoin = t0.Add(time.Duration(i) * time.Minute)
	}
	tr.LoadLive([]Live{live})
	e.Assign(Ticket{ID: 10, Text: "I can log in fine with Face ID, but when I pay the 2FA code never arrives", Customer: "z", At: t0.Add(10 * time.Minute)})
	e.Assign(Ticket{ID: 11, Text: "I can log in fine with Face ID, but my profile picture is gone", Customer: "y", At: t0.Add(11 * time.Minute)})
	l := tr.live[0]
	if r := e.tickets[10]; !slices.Contains(r.working, "login") || tr.saysWorks(l, r) {
		t.Errorf("log-in works, 2FA codes fail: working %v, concepts %v, incident's %v: held as saying it works", r.working, r.concepts, l.prof.features())
	}
	if r := e.tickets[11]; !tr.saysWorks(l, r) {
		t.Errorf("log-in works, a picture is gone: working %v, concepts %v, incident's %v: not held", r.working, r.concepts, l.prof.features())
	}
}

package triage

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"
)

// The Tracker decides, ticket by ticket, which incident a ticket belongs
// to. Clusters say what tickets are about and bursts say when a topic
// rises above its usual share; membership is decided for each ticket at
// its own time, against what the incident's reporters describe:
//
//   - A ticket joins an open incident when it is close to the incident's
//     symptom profile (the centroid of its members and its best-matching
//     members) and arrived no earlier than a short lead before the
//     incident began. Clusters live for days; membership does not follow
//     them: a topic cluster never drags its history into an incident.
//   - An individual account problem (forgot password, locked out, lost
//     2FA device...) joins only when it reads almost exactly like the
//     incident's reports; otherwise it is kept out, and why is recorded.
//     Cue phrases say so (cues.txt), and so does the individual model
//     (individual.go), which weighs all of a ticket's words: the more it
//     leans that way, the higher the bar.
//   - While an incident's reports pour in (StormReports within
//     StormWindow), a report about a feature they name joins at a lower
//     similarity, as while its provider is down; so does a report the
//     individual model reads as clearly shared (StormShared) that names
//     no feature, if most of its words are the storm's (StormCover).
//   - Automatic replies and bounces never join.
//   - While a provider incident that backs a feature is live, a report
//     about that feature joins the incident tied to it at a lower
//     similarity: the provider's outage is the evidence that the reports
//     share a cause, even when their symptoms differ (log-in fails, and
//     a screen share that checks the log-in at start fails too).
//   - An incident stops absorbing when it is quiet, and shortly after it
//     is resolved or its provider resolved.
//
// An incident opens from a burst (the core of the burst's tickets, plus
// the recent tickets like them) or when reports confirm an upstream watch.
// A burst that reads like an open incident joins it instead of opening a
// second one.
//
// The Tracker is pure: no I/O, no clock; its incidents come from Load
// (the store's state) and its time from the tickets.
type Tracker struct {
	cfg   TrackerConfig
	e     *Engine
	live  []*liveIncident
	provs int64 // provisional ids of incidents opened since Load: -1, -2, ...
	// recent are the tickets of the last TrackerConfig.Recent not in any
	// incident, oldest first: the seeds of a burst and the candidates for
	// joining an incident that opens after them.
	recent []recentTicket
	alike  map[int64]bool // neighbours' scratch (see Observe)
}

// TrackerConfig holds the tracker's thresholds.
type TrackerConfig struct {
	// JoinThreshold is the similarity to an incident's profile a report
	// needs to join it.
	JoinThreshold float64
	// IndividualThreshold is the same for a ticket that describes an
	// individual account problem, DoubtfulThreshold for one with a weak
	// cue (a question, "not urgent").
	IndividualThreshold float64
	DoubtfulThreshold   float64
	// FeatureThreshold is the similarity a report about one of an
	// incident's features needs to join it while the incident's reports
	// pour in (see StormReports). UpstreamThreshold is the same while
	// only its provider's incident is live: that alone says less (on
	// eleven tuning weeks, 24 reports and 19 look-alikes, hard negatives
	// and everyday tickets joined at 0.18; at 0.24, 10 fewer of the
	// latter, no F1 lost; on the six held-out weeks, 7 fewer, F1
	// 0.895 → 0.897).
	FeatureThreshold  float64
	UpstreamThreshold float64
	// BurstJoinThreshold is how close a burst's core must be to an open
	// incident's profile to join it rather than open another incident.
	BurstJoinThreshold float64
	// Cohesion is the least mean pairwise similarity of a burst's core
	// for it to open an incident.
	Cohesion float64
	// TopiclessThreshold is the least similarity a ticket that names no
	// topic needs to join an incident whose reports name one.
	TopiclessThreshold float64
	// CollectiveThreshold is the similarity a report that says others
	// are affected ("none of us can log in", "is it down?") needs to join
	// an incident about what it names.
	CollectiveThreshold float64
	// CoreThreshold is how close to the burst's centroid a burst ticket
	// must be to seed the incident.
	CoreThreshold float64
	// Lead is how long before an incident's start a ticket may have
	// arrived and still belong to it.
	Lead time.Duration
	// QuietClose is how long without a new member an incident keeps
	// absorbing.
	QuietClose time.Duration
	// ConfirmReports reports from ConfirmCustomers customers within
	// ConfirmWindow about a watched feature confirm an upstream watch.
	ConfirmReports, ConfirmCustomers int
	ConfirmWindow                    time.Duration
	// Recent is how long unassigned tickets are remembered (the history
	// a neighbourhood burst is measured against).
	Recent time.Duration
	// NeighbourThreshold is how alike two reports must be to count as
	// neighbours in a neighbourhood burst; 0 turns those off.
	NeighbourThreshold float64
	// NeighbourScan bounds how many recent tickets a neighbourhood burst
	// looks at.
	NeighbourScan int
	// NeighbourDense is the same as NeighbourThreshold on the whole
	// vector, the sparse part and the dense block: two reports are
	// neighbours when either says they are alike. The dense block knows
	// that "froze", "stuck" and "black screen" are alike where the words
	// are not. 0 turns it off.
	NeighbourDense float64
	// NeighbourDenseFloor: the dense block is compared only when the
	// words are at least this alike (a cheap filter: pairs with almost
	// no word in common are rarely alike in meaning either).
	NeighbourDenseFloor float64
	// Exemplars is how many of an incident's first members make its
	// profile (their centroid and the members themselves).
	Exemplars int
	// Grace is how long after its resolution (or its provider's) an
	// incident still takes reports: "it did not work earlier".
	Grace time.Duration
	// StormBonus lowers the bar to join an incident whose reports arrive
	// much faster than the desk's other tickets within StormWindow (see
	// stormBonus).
	StormBonus    float64
	StormOddsBits float64
	StormWindow   time.Duration
	// FollowUp is how long after a customer's report to an incident
	// their next ticket may be a follow-up of it, one that says so ("any
	// update?", "still not working").
	FollowUp time.Duration
	// IndivWeak and IndivStrong: a ticket the individual model (see
	// individual.go) gives at least IndivWeak gets no storm bonus and
	// does not join on a storm's evidence alone; at least IndivStrong, it
	// is graded as if a weak cue said so (DoubtfulThreshold, and no
	// lower bar of any kind). 0 turns each off; with IndivWeak off, a
	// question is always Doubtful (with it on, a question in a ticket the
	// model gives less than ½ is a plain report).
	IndivWeak, IndivStrong float64
	// IndivShift raises the bar for a ticket the model leans on by
	// IndivShift·(p−½) for p > ½, on every path (the storm's, the
	// provider's, others-affected): a continuous version of the cuts.
	IndivShift float64
	// IndivEvidence: a report the individual model gives at least this
	// is no evidence of an outage: it counts toward no burst and
	// confirms no upstream watch (it may still join an incident it reads
	// like). 0 turns it off. Chosen leave-one-week-out on the tuning
	// weeks: at 0.9 (IndivStrong) ledgerleaf lost recall (F1 0.86 →
	// 0.80) and wagewise gained a false alarm; 0.95 was mixed; 0.98 only
	// gained (a hard negative, a background ticket, a look-alike).
	IndivEvidence float64
	// StormReports: while an incident took at least this many reports
	// within StormWindow, a report about the features its reports name
	// joins it at FeatureThreshold, as while its provider's incident is
	// live: the storm is the evidence. 0 turns it off.
	StormReports int
	// StormShared: while an incident's reports pour in (see
	// StormReports), a ticket the individual model gives less than
	// StormShared (it reads as a shared problem, whatever its cue words
	// say) joins at FeatureThreshold even when it names none of the
	// incident's features ("the app won't let me in", "no puedo
	// entrar"). A ticket naming no topic at all qualifies only when at
	// least StormCover of its weight is on words the incident's reports
	// use: "my transfer keeps failing" shares the complaint, not the
	// storm (a login storm inside a surge of banking questions pulled 29
	// of them in at 0.3 and none at 0.4; 0.6 leaves room). 0 turns it off.
	StormShared float64
	StormCover  float64
	// CatchUp: while an incident's profile is still forming (fewer than
	// Exemplars shaping members, or always when Exemplars is 0), each report that shapes it has the
	// tickets of the last CatchUp that were kept out judged again against
	// the grown profile, by the same bars (not before the incident's
	// start less Lead). The first reports of an outage are often worded
	// unlike its founders ("el coche no se desbloquea" beside "remote
	// commands failing"); they join once a report like them has. 0 turns
	// it off.
	CatchUp time.Duration
}

// DefaultTrackerConfig returns the documented defaults.
func DefaultTrackerConfig() TrackerConfig {
	return TrackerConfig{
		JoinThreshold:       0.30,
		IndividualThreshold: 0.75,
		DoubtfulThreshold:   0.45,
		FeatureThreshold:    0.18,
		UpstreamThreshold:   0.24,
		BurstJoinThreshold:  0.25,
		Cohesion:            0.15,
		CollectiveThreshold: 0.12,
		TopiclessThreshold:  0.40,
		CoreThreshold:       0.25,
		Lead:                30 * time.Minute,
		QuietClose:          4 * time.Hour,
		ConfirmReports:      3,
		ConfirmCustomers:    3,
		ConfirmWindow:       45 * time.Minute,
		Recent:              48 * time.Hour,
		NeighbourThreshold:  0.17,
		NeighbourScan:       1000,
		NeighbourDense:      0.35,
		NeighbourDenseFloor: 0.12,
		Exemplars:           48,
		Grace:               time.Hour,
		StormBonus:          0.12,
		StormOddsBits:       3,
		StormWindow:         30 * time.Minute,
		FollowUp:            6 * time.Hour,
		IndivWeak:           0.7,
		IndivStrong:         0.9,
		StormReports:        6,
		IndivShift:          0.3,
		IndivEvidence:       0.98,
		StormShared:         0.3,
		StormCover:          0.6,
		CatchUp:             30 * time.Minute,
	}
}

// Live is an open incident (or upstream watch) as the store holds it.
type Live struct {
	ID int64
	// Watching is true for an upstream watch no report or probe has
	// confirmed yet.
	Watching bool
	// Start is when the incident began: its first member's arrival, or
	// its upstream incident's start.
	Start time.Time
	// Features are the product features it is about; UpstreamLive says a
	// provider incident tied to it is still unresolved.
	Features     []string
	UpstreamLive bool
	// Until, when set, is when it stops absorbing (its resolution, or its
	// provider's, plus a grace period).
	Until time.Time
	// Members are its tickets; LastJoin when the last one joined; Shapes
	// the members that shape its profile (see Shaping).
	Members  []int64
	LastJoin time.Time
	Shapes   map[int64]bool
}

// MatchedReason starts the reason of a ticket that joined an incident for
// reading like its reports; CaughtUpReason one that joined on a second
// look, once the incident's profile had grown (see CatchUp).
const (
	MatchedReason  = "matched the incident's reports"
	CaughtUpReason = "came shortly before; matched the incident's reports as they grew"
)

// Shaping reports whether a member that joined for reason shapes its
// incident's profile: the founders (a burst's core, a watch's evidence),
// the tickets that read like them, and the reports that joined on their
// own evidence (others affected, the provider's live incident on their
// feature). A follow-up or a ticket taken in after the fact only because
// it resembled the founders, or the grown profile (CatchUp), does not.
func Shaping(reason string) bool {
	for _, p := range []string{"a follow-up", "arrived before the incident opened", CaughtUpReason, "linked by", "unlinked by"} {
		if strings.HasPrefix(reason, p) {
			return false
		}
	}
	return reason != ""
}

// Decision is what the tracker decided for one ticket.
type Decision struct {
	// Incident is the incident the ticket joins: a stored id, or a
	// provisional (negative) id of one opened in this batch; 0 for none.
	Incident int64
	// Open is set when this ticket opens an incident (or confirms a
	// watch); Incident is then its provisional id.
	Open *Opening
	// Reason says why the ticket joined, or why a ticket that looked like
	// an incident was kept out.
	Reason     string
	Similarity float64
}

// Opening describes an incident to open.
type Opening struct {
	// Join is true when the tickets join the open incident of the
	// decision instead of opening one (a burst that is more of it).
	Join bool
	// Watch is the upstream watch the reports confirm (0: a new incident).
	Watch int64
	// Cluster is the burst's cluster (0 when a watch was confirmed).
	Cluster int64
	// Members are the earlier tickets that join at opening, oldest first
	// (the ticket that opened it is not among them).
	Members []Member
	// Why is a sentence for the timeline and the alert.
	Why string
}

// Member is a ticket that joins an incident, and why.
type Member struct {
	Ticket     int64
	Reason     string
	Similarity float64
}

type liveIncident struct {
	Live
	prof     profile
	evidence []recentTicket // watch: the reports that confirm it (scratch)
	// customers maps each member's customer to their latest report's
	// time; arrivals are the members' arrival times, sorted.
	customers map[string]time.Time
	arrivals  []time.Time
}

type recentTicket struct {
	id       int64
	at       time.Time
	customer string
	report   bool
	cluster  int64
}

// profile is what an incident's reporters describe: the centroid of their
// vectors and some of the vectors themselves (the first members and the
// latest), so that an incident with two symptoms matches both.
type profile struct {
	sum  svec
	norm float64
	ex   []svec
	// concepts counts the lexicon concepts the members name; n the
	// members added.
	concepts map[string]int
	n        int
}

// features are the concepts at least a fifth of the members (and two of
// them) name, sorted: what the incident is about, as its reporters say.
func (p *profile) features() []string {
	var out []string
	for c, k := range p.concepts {
		if k >= 2 && 5*k >= p.n {
			out = append(out, c)
		}
	}
	sort.Strings(out)
	return out
}

// A profile is made of the incident's first keep members and then stops
// changing: what the first reporters described is what the incident is.
// A profile that followed every member would drift, one look-alike at a
// time, toward whatever joined last, and in a surge of everyday questions
// an incident could swallow them all.
func (p *profile) add(v svec, concepts []string, keep int) {
	if keep > 0 && p.n >= keep {
		return
	}
	p.n++
	if len(concepts) > 0 && p.concepts == nil {
		p.concepts = map[string]int{}
	}
	for _, c := range concepts {
		p.concepts[c]++
	}
	if len(v) == 0 {
		return
	}
	p.sum = addScaled(p.sum, v, 1)
	p.norm = math.Sqrt(norm2(p.sum))
	// A near copy of an exemplar adds nothing to what the incident's
	// reports say, and would let one wording stand for three.
	for _, x := range p.ex {
		if dot(v, x) > 0.9 {
			return
		}
	}
	p.ex = append(p.ex, v)
}

// similarity is the larger of the cosine to the centroid and the mean of
// the three best cosines to the exemplars (the best one with fewer).
func (p *profile) similarity(v svec) float64 {
	if len(v) == 0 || p.norm == 0 {
		return 0
	}
	s := dot(v, p.sum) / p.norm
	var best [3]float64
	for _, x := range p.ex {
		d := dot(v, x)
		switch {
		case d > best[0]:
			best[0], best[1], best[2] = d, best[0], best[1]
		case d > best[1]:
			best[1], best[2] = d, best[1]
		case d > best[2]:
			best[2] = d
		}
	}
	k := min(len(p.ex), 3)
	if k > 0 {
		m := 0.0
		for _, d := range best[:k] {
			m += d
		}
		s = math.Max(s, m/float64(k))
	}
	return s
}

// NewTracker returns a tracker deciding membership over e's tickets.
func NewTracker(e *Engine, cfg TrackerConfig) *Tracker {
	return &Tracker{e: e, cfg: cfg}
}

// Config returns the tracker's configuration.
func (tr *Tracker) Config() TrackerConfig { return tr.cfg }

// LoadLive replaces the tracker's incidents with the store's: the open
// ones and those within their grace period.
func (tr *Tracker) LoadLive(live []Live) {
	// An incident whose members only grew since the last load keeps its
	// profile and takes in the new members: most batches add a ticket or
	// two to a storm of hundreds.
	prev := map[int64]*liveIncident{}
	for _, l := range tr.live {
		if l.ID > 0 {
			prev[l.ID] = l
		}
	}
	tr.live = tr.live[:0]
	tr.provs = 0
	for _, l := range live {
		li := &liveIncident{Live: l}
		li.Members = nil
		var had map[int64]bool
		if p := prev[l.ID]; p != nil && len(p.Members) <= len(l.Members) {
			had = make(map[int64]bool, len(p.Members))
			for _, id := range p.Members {
				had[id] = true
			}
			n := 0
			for _, id := range l.Members {
				if had[id] {
					n++
				}
			}
			if n == len(p.Members) {
				li.prof, li.customers, li.arrivals = p.prof, p.customers, p.arrivals
				li.Members = slices.Clone(p.Members)
			} else {
				had = nil
			}
		}
		for _, id := range l.Members {
			if had[id] {
				continue
			}
			if r := tr.e.tickets[id]; r != nil {
				tr.join(li, r, r.at, l.Shapes[id])
			} else {
				li.Members = append(li.Members, id)
			}
		}
		li.LastJoin = l.LastJoin
		tr.live = append(tr.live, li)
	}
}

// LoadRecent replaces the tracker's recent tickets in no incident with
// ids. Tickets the engine no longer holds are skipped.
func (tr *Tracker) LoadRecent(recent []int64) {
	tr.recent = tr.recent[:0]
	for _, id := range recent {
		if r := tr.e.tickets[id]; r != nil && !r.noise {
			tr.recent = append(tr.recent, recentTicket{id: id, at: r.at, customer: r.customer, report: tr.evidence(r), cluster: r.cluster})
		}
	}
	sort.SliceStable(tr.recent, func(i, j int) bool { return tr.recent[i].at.Before(tr.recent[j].at) })
}

// Bind gives the incident opened under provisional id prov its stored id.
func (tr *Tracker) Bind(prov, id int64) {
	for _, l := range tr.live {
		if l.ID == prov {
			l.ID = id
		}
	}
}

// Features returns what the reporters of incident id say it is about:
// the concepts at least a fifth of its members name (nil for an incident
// the tracker does not hold).
func (tr *Tracker) Features(id int64) []string {
	for _, l := range tr.live {
		if l.ID == id {
			return l.prof.features()
		}
	}
	return nil
}

// absorbing reports whether l still takes tickets that arrive at at.
func (tr *Tracker) absorbing(l *liveIncident, at time.Time) bool {
	if !l.Until.IsZero() && at.After(l.Until) {
		return false
	}
	if l.Watching {
		return true
	}
	last := l.LastJoin
	if last.IsZero() {
		last = l.Start
	}
	return at.Sub(last) <= tr.cfg.QuietClose || l.UpstreamLive
}

// Observe decides for ticket id, just assigned by the engine with a, at
// its arrival time.
func (tr *Tracker) Observe(id int64, a Assignment) Decision {
	r := tr.e.tickets[id]
	if r == nil {
		return Decision{}
	}
	at := r.at
	tr.forget(at)
	if r.noise {
		return Decision{Reason: r.msg.Why()}
	}
	rt := recentTicket{id: id, at: at, customer: r.customer, report: tr.evidence(r), cluster: r.cluster}

	// 1. An open incident the ticket reads like.
	best, bestSim, how, note := tr.bestIncident(r, at)
	if best != nil {
		forming := Shaping(how) && (tr.cfg.Exemplars <= 0 || best.prof.n < tr.cfg.Exemplars)
		tr.join(best, r, at, Shaping(how))
		d := Decision{Incident: best.ID, Reason: how, Similarity: bestSim}
		if forming {
			if ms := tr.catchUp(best, at); len(ms) > 0 {
				d.Open = &Opening{Join: true, Why: how, Members: ms}
			}
		}
		return d
	}
	var out string
	if bestSim >= tr.cfg.JoinThreshold/2 {
		out = note
	}

	// 2. Reports that confirm an upstream watch.
	if rt.report {
		if w := tr.confirms(r, rt); w != nil {
			return tr.open(w, r, rt, 0, w.evidence, fmt.Sprintf("%d reports from %d customers about %s confirm the upstream watch",
				len(w.evidence), customers(w.evidence), strings.Join(intersect(w.Features, r.concepts), ", ")))
		}
	}

	// 3. A burst: of the ticket's cluster, or of reports about one of the
	// product's features.
	if rt.report && (a.Candidate || a.Feature != "") && !tr.suppressed(r) {
		var seeds []recentTicket
		window := a.Window
		if a.Candidate {
			from := rt.at.Add(-a.Window)
			for _, x := range tr.recent {
				if x.cluster == rt.cluster && x.report && !x.at.Before(from) {
					seeds = append(seeds, x)
				}
			}
		} else {
			window = a.FeatureWindow
			from := rt.at.Add(-window)
			for _, x := range tr.recent {
				if xr := tr.e.tickets[x.id]; xr != nil && x.report && !x.at.Before(from) && slices.Contains(xr.concepts, a.Feature) && !tr.suppressed(xr) {
					seeds = append(seeds, x)
				}
			}
		}
		if d, ok := tr.burst(r, rt, seeds, window, a.ClusterID); ok {
			return d
		}
		// No incident in it (yet): the cluster or feature may burst
		// again as it grows.
		tr.e.rearm(a)
	}
	// 4. A burst around this very report: its look-alikes of the last
	// BurstWindow (a storm) or SlowWindow (a slow burn worded many ways),
	// against how often reports like it came before.
	if rt.report && tr.cfg.NeighbourThreshold > 0 && !tr.suppressed(r) {
		// The windows overlap: one dot product per ticket. The map is
		// the tracker's, cleared for each report, so that a hot stream
		// does not allocate one per report.
		if tr.alike == nil {
			tr.alike = map[int64]bool{}
		}
		clear(tr.alike)
		alike := tr.alike
		for _, w := range tr.e.cfg.windows() {
			if seeds, ok := tr.neighbours(r, rt, w, alike); ok {
				if d, ok := tr.burst(r, rt, seeds, w.span, a.ClusterID); ok {
					return d
				}
			}
		}
	}
	tr.recent = append(tr.recent, rt)
	return Decision{Reason: out}
}

// onTopic keeps the core of a burst on its topic: when a third or more
// of it (r included) names a topic (login, screenshare, checkout), a
// member that names only other topics goes, and one that names none stays
// only if it is close to the centroid (TopiclessThreshold). A burst of
// "can't log in" inside a surge of banking questions is seeded by the
// log-in reports, not by "my transfer failed".
func (tr *Tracker) onTopic(core []recentTicket, r *ticketRec, centroid svec, norm float64) []recentTicket {
	count := map[string]int{}
	all := append([]*ticketRec{r}, nil...)
	for _, x := range core {
		if xr := tr.e.tickets[x.id]; xr != nil {
			all = append(all, xr)
		}
	}
	for _, xr := range all {
		for _, t := range topics(xr.concepts) {
			count[t]++
		}
	}
	var dominant []string
	for t, n := range count {
		if 3*n >= len(all) {
			dominant = append(dominant, t)
		}
	}
	if len(dominant) == 0 {
		return core
	}
	out := core[:0]
	for _, x := range core {
		xr := tr.e.tickets[x.id]
		if xr == nil {
			continue
		}
		mine := topics(xr.concepts)
		switch {
		case len(mine) > 0 && len(intersect(mine, dominant)) == 0:
		case len(mine) == 0 && dot(xr.sparse(), centroid)/norm < tr.cfg.TopiclessThreshold:
		default:
			out = append(out, x)
		}
	}
	return out
}

// dominantTopics are the topics (see topics) that at least a third of
// the tickets xs name.
func dominantTopics(xs []recentTicket, tickets map[int64]*ticketRec) []string {
	count := map[string]int{}
	for _, x := range xs {
		if xr := tickets[x.id]; xr != nil {
			for _, t := range sortedUnique(topics(xr.concepts)) {
				count[t]++
			}
		}
	}
	var out []string
	for t, n := range count {
		if 3*n >= len(xs) {
			out = append(out, t)
		}
	}
	slices.Sort(out)
	return out
}

// otherTopic reports whether r names topics (product features and other
// things, not states such as "failed" or "pending") and incident l's
// reports or features name topics too, but none of the same.
func (tr *Tracker) otherTopic(l *liveIncident, r *ticketRec) bool {
	mine := topics(r.concepts)
	if len(mine) == 0 {
		return false
	}
	theirs := topics(append(l.prof.features(), l.Features...))
	return len(theirs) > 0 && len(intersect(mine, theirs)) == 0
}

// topicless reports whether r names no topic while incident l's reports
// do.
func (tr *Tracker) topicless(l *liveIncident, r *ticketRec) bool {
	return len(topics(r.concepts)) == 0 && len(topics(append(l.prof.features(), l.Features...))) > 0
}

// need is the similarity to an incident's profile r needs to join it.
func (tr *Tracker) need(r *ticketRec) float64 {
	switch tr.grade(r) {
	case Individual:
		return tr.cfg.IndividualThreshold
	case Doubtful:
		return tr.cfg.DoubtfulThreshold
	}
	return tr.cfg.JoinThreshold
}

// plainNeed is the similarity to incident l's profile r needs before
// any evidence lowers the bar: its grade's (see need), and at least
// TopiclessThreshold when r names no topic while l's reports do ("my
// transfer failed": alike words such as "failed" or "error" are not
// enough).
func (tr *Tracker) plainNeed(l *liveIncident, r *ticketRec) float64 {
	need := tr.need(r)
	if tr.topicless(l, r) || tr.saysWorks(l, r) {
		need = math.Max(need, tr.cfg.TopiclessThreshold)
	}
	return need
}

// saysWorks reports whether r says that what incident l is about works
// and names nothing else l is about ("unlocked the car fine, but the
// fuel card is missing" beside an unlock outage, but not "I can log in
// fine, it's the SMS code for payments that never comes" beside an
// incident about log-in and SMS codes): it is held to the bar of a
// ticket that names no topic of l's, and no topic it says works lowers
// the bar (storm, provider).
func (tr *Tracker) saysWorks(l *liveIncident, r *ticketRec) bool {
	if len(r.working) == 0 {
		return false
	}
	theirs := topics(append(l.prof.features(), l.Features...))
	if len(intersect(r.working, theirs)) == 0 {
		return false
	}
	for _, c := range intersect(topics(r.concepts), theirs) {
		if !slices.Contains(r.working, c) {
			return false
		}
	}
	return true
}

// indivShift is how much the bar rises for a ticket the individual model
// leans on: IndivShift·(p−½) for p > ½, on every path.
func (tr *Tracker) indivShift(r *ticketRec) float64 {
	if p := float64(r.indiv); tr.cfg.IndivShift > 0 && p > 0.5 {
		return tr.cfg.IndivShift * (p - 0.5)
	}
	return 0
}

// grade is r's message grade, raised by the individual model: what the
// cues say, or what the model reads in the ticket's words when it is
// surer.
func (tr *Tracker) grade(r *ticketRec) Grade {
	g := r.msg.Grade()
	if tr.cfg.IndivStrong > 0 && float64(r.indiv) >= tr.cfg.IndivStrong {
		g = max(g, Doubtful)
	}
	if g == Doubtful && tr.cfg.IndivWeak > 0 && sharedQuestion(r.msg, r.indiv) {
		g = Report
	}
	return g
}

// evidence reports whether r counts toward bursts and confirms upstream
// watches: a report (see ticketRec.report) that the individual model is
// not all but sure is the writer's own problem (IndivEvidence).
func (tr *Tracker) evidence(r *ticketRec) bool {
	return r.report && !(tr.cfg.IndivEvidence > 0 && float64(r.indiv) >= tr.cfg.IndivEvidence)
}

// leansIndividual reports whether the individual model leans toward r
// being a problem of the writer's own (IndivWeak): not enough to keep it
// out, enough to deny it the storm's lower bar.
func (tr *Tracker) leansIndividual(r *ticketRec) bool {
	return tr.cfg.IndivWeak > 0 && float64(r.indiv) >= tr.cfg.IndivWeak
}

// why says why r reads like an individual problem ("" when it does not).
func (tr *Tracker) why(r *ticketRec) string {
	if w := r.msg.Why(); w != "" {
		return w
	}
	if tr.grade(r) > Report {
		return fmt.Sprintf("reads like an individual problem: its words (model %.2f)", r.indiv)
	}
	return ""
}

// suppressed reports whether r's cluster was marked "not an incident":
// its tickets are the trickle an operator told triage to leave alone, and
// they start no burst of any kind.
func (tr *Tracker) suppressed(r *ticketRec) bool {
	c := tr.e.clusters[tr.e.resolve(r.cluster)]
	return c != nil && c.suppressed
}

// bestIncident returns the open incident r joins, its similarity and the
// reason; with none, the best similarity seen and why r was kept out of
// the incident it was seen with.
func (tr *Tracker) bestIncident(r *ticketRec, at time.Time) (*liveIncident, float64, string, string) {
	var best *liveIncident
	var note string
	bestSim, seen := -1.0, 0.0
	how := ""
	var up *liveIncident // the best live provider incident about r's topics
	var upSim float64
	var upHow string
	individual := tr.grade(r) > Report
	for _, l := range tr.live {
		if l.Watching || !tr.absorbing(l, at) || at.Before(l.Start.Add(-tr.cfg.Lead)) {
			continue
		}
		s := l.prof.similarity(r.sparse())
		nearest := s > seen
		if nearest {
			seen = s
		}
		need := tr.plainNeed(l, r)
		reason := fmt.Sprintf(MatchedReason+": similarity %.2f", s)
		if last, ok := l.customers[r.customer]; ok && r.customer != "" && !r.msg.IsIndividual() && at.Sub(last) <= tr.cfg.FollowUp &&
			r.msg.FollowUp && s > bestSim && !tr.otherTopic(l, r) {
			// The customer already reported this incident, and this reads
			// as a follow-up ("any update?", "still not working"): it
			// belongs with the first report. A customer's next ticket about
			// something else ("hi again, are sandbox labels charged?")
			// does not.
			best, bestSim, how = l, s, fmt.Sprintf("a follow-up from a customer already in the incident: similarity %.2f", s)
			continue
		}
		if tr.otherTopic(l, r) {
			// "My top-up failed" is not "log-in fails", however alike the
			// words: it names a topic the incident's reports do not.
			if nearest {
				note = fmt.Sprintf("kept out: about %s, not what incident #%d is about (%s): similarity %.2f",
					strings.Join(topics(r.concepts), ", "), l.ID, strings.Join(topics(append(l.prof.features(), l.Features...)), ", "), s)
			}
			continue
		}
		if !individual && !tr.leansIndividual(r) {
			// A question or a one-customer problem gets no storm bonus: it
			// is the kind of ticket that comes during a storm too.
			need -= tr.stormBonus(l, at)
		}
		works := tr.saysWorks(l, r)
		switch f := intersect(append(l.prof.features(), l.Features...), r.concepts); {
		case works:
			// It says what the incident is about works: no feature bar
			// (see saysWorks).
		case s >= need || individual || len(f) == 0 && !r.msg.outage():
		case len(r.msg.Collective) > 0 && s >= tr.cfg.CollectiveThreshold:
			// An outage-style report ("none of us can sign in", "is it
			// down?") about what the incident is about, during it.
			need = tr.cfg.CollectiveThreshold
			reason = fmt.Sprintf("says others are affected too, about %s, during the incident: similarity %.2f", strings.Join(append(f, r.msg.Collective...), ", "), s)
		case len(f) > 0 && !individual && !tr.leansIndividual(r) && tr.storming(l, at) && len(topics(f)) > 0:
			need = tr.cfg.FeatureThreshold
			reason = fmt.Sprintf("about %s while the incident's reports are arriving fast: similarity %.2f", strings.Join(f, ", "), s)
		case l.UpstreamLive && len(f) > 0:
			// While the provider's incident is live, a report about the
			// features it backs needs less likeness: the outage is the
			// evidence that the reports share a cause, even when their
			// symptoms differ. An incident with no report yet (a watch a
			// probe confirmed) takes the first ones on that alone.
			need = tr.cfg.UpstreamThreshold
			if l.prof.norm == 0 {
				need = 0
			}
			reason = fmt.Sprintf("about %s while its provider's incident is live: similarity %.2f", strings.Join(f, ", "), s)
		}
		if s < need && !works && s >= tr.cfg.FeatureThreshold && float64(r.indiv) < tr.cfg.StormShared && !r.msg.ownsMistake() && (!tr.topicless(l, r) || covered(r.sparse(), l.prof.sum) >= tr.cfg.StormCover) && tr.storming(l, at) {
			need = tr.cfg.FeatureThreshold
			reason = fmt.Sprintf("reads like a shared problem (model %.2f) while the incident's reports are arriving fast: similarity %.2f", r.indiv, s)
		}
		need += tr.indivShift(r)
		if s >= need && s > bestSim {
			best, bestSim, how = l, s, reason
		}
		if s >= need && l.UpstreamLive && len(topics(intersect(l.Features, r.concepts))) > 0 && (up == nil || s > upSim) {
			up, upSim, upHow = l, s, reason
		}
		if nearest && s < need {
			if works {
				note = fmt.Sprintf("kept out: says %s works (similarity %.2f to incident #%d, needs %.2f)",
					strings.Join(intersect(r.working, topics(append(l.prof.features(), l.Features...))), ", "), s, l.ID, need)
			} else if why := tr.why(r); why != "" {
				note = fmt.Sprintf("kept out: %s (similarity %.2f to incident #%d, needs %.2f)", why, s, l.ID, need)
			} else {
				note = fmt.Sprintf("not like incident #%d's reports: similarity %.2f, below %.2f", l.ID, s, need)
			}
		}
	}
	if best == nil {
		return nil, seen, "", note
	}
	if up != nil && up != best {
		// Alike in words to one incident, but naming a topic it is not
		// about that a live provider incident explains: the provider's.
		mine := sortedUnique(topics(r.concepts))
		if len(intersect(mine, topics(append(best.prof.features(), best.Features...)))) < len(mine) {
			best, bestSim, how = up, upSim, upHow
		}
	}
	if len(r.concepts) > 0 {
		how += " (" + strings.Join(r.concepts, ", ") + ")"
	}
	return best, bestSim, how, ""
}

// shapes, when true, lets r shape the incident's profile: the founders
// and the tickets that joined for reading like them do; tickets taken in
// on other evidence (a follow-up, a provider's live incident, arriving
// before the incident opened, a second look) do not, so that the profile
// never drifts toward what only resembles it.
func (tr *Tracker) join(l *liveIncident, r *ticketRec, at time.Time, shapes bool) {
	if !r.member {
		r.member = true
		if !r.noise {
			tr.e.rate.forget(r.at)
		}
	}
	l.Members = append(l.Members, r.id)
	if shapes {
		l.prof.add(r.sparse(), r.concepts, tr.cfg.Exemplars)
	}
	if at.After(l.LastJoin) {
		l.LastJoin = at
	}
	if r.customer != "" {
		if l.customers == nil {
			l.customers = map[string]time.Time{}
		}
		if r.at.After(l.customers[r.customer]) {
			l.customers[r.customer] = r.at
		}
	}
	i := sort.Search(len(l.arrivals), func(i int) bool { return l.arrivals[i].After(r.at) })
	l.arrivals = slices.Insert(l.arrivals, i, r.at)
}

// catchUp judges again, against l's grown profile, the recent reports of
// the last CatchUp (since l's start less Lead) that joined nothing, by
// the bars a ticket meets when it arrives: its grade's, higher when it
// names no topic, never across topics. Those that pass join l (they do
// not shape it) and leave the recent list.
func (tr *Tracker) catchUp(l *liveIncident, at time.Time) []Member {
	if tr.cfg.CatchUp <= 0 {
		return nil
	}
	from := at.Add(-tr.cfg.CatchUp)
	if s := l.Start.Add(-tr.cfg.Lead); s.After(from) {
		from = s
	}
	var out []Member
	// recent is in arrival order: only its tail is in the window.
	i0 := tr.windowIndex(from)
	keep := tr.recent[:i0]
	for _, x := range tr.recent[i0:] {
		xr := tr.e.tickets[x.id]
		if xr == nil || xr.noise || tr.suppressed(xr) || tr.grade(xr) > Report || tr.leansIndividual(xr) || tr.otherTopic(l, xr) {
			keep = append(keep, x)
			continue
		}
		s := l.prof.similarity(xr.sparse())
		if s < tr.plainNeed(l, xr)+tr.indivShift(xr) {
			keep = append(keep, x)
			continue
		}
		tr.join(l, xr, at, false)
		out = append(out, Member{Ticket: x.id, Reason: fmt.Sprintf(CaughtUpReason+": similarity %.2f", s), Similarity: s})
	}
	tr.recent = keep
	return out
}

// storming reports whether l took at least StormReports reports within
// StormWindow before at.
func (tr *Tracker) storming(l *liveIncident, at time.Time) bool {
	if tr.cfg.StormReports <= 0 {
		return false
	}
	from := at.Add(-tr.cfg.StormWindow)
	return len(l.arrivals)-sort.Search(len(l.arrivals), func(i int) bool { return !l.arrivals[i].Before(from) }) >= tr.cfg.StormReports
}

// stormBonus is how much lower the bar to join l is at time at: while
// l's reports arrive much faster than the desk's other tickets, a report
// that reads somewhat like them most likely is one of them (the prior odds
// of membership are the ratio of the two rates). It grows with the log of
// that ratio, up to StormBonus at 8 to 1.
func (tr *Tracker) stormBonus(l *liveIncident, at time.Time) float64 {
	if tr.cfg.StormBonus == 0 {
		return 0
	}
	from := at.Add(-tr.cfg.StormWindow)
	in := len(l.arrivals) - sort.Search(len(l.arrivals), func(i int) bool { return !l.arrivals[i].Before(from) })
	out := len(tr.recent) - sort.Search(len(tr.recent), func(i int) bool { return !tr.recent[i].at.Before(from) })
	odds := float64(in+1) / float64(out+1)
	if odds <= 1 {
		return 0
	}
	return tr.cfg.StormBonus * math.Min(1, math.Log2(odds)/tr.cfg.StormOddsBits)
}

// confirms returns the first watch r confirms: r and the recent reports
// about its features make enough reports from enough customers.
func (tr *Tracker) confirms(r *ticketRec, rt recentTicket) *liveIncident {
	for _, l := range tr.live {
		if !l.Watching || !tr.absorbing(l, rt.at) || rt.at.Before(l.Start.Add(-tr.cfg.Lead)) || len(intersect(l.Features, r.concepts)) == 0 {
			continue
		}
		// The evidence: the reports about the watched features within
		// ConfirmWindow, including those that came before the provider
		// said anything (its status page may trail the customers).
		from := rt.at.Add(-tr.cfg.ConfirmWindow)
		if s := l.Start.Add(-tr.cfg.Lead); s.After(from) {
			from = s
		}
		l.evidence = l.evidence[:0]
		for _, x := range tr.recent {
			if xr := tr.e.tickets[x.id]; xr != nil && x.report && !x.at.Before(from) && len(intersect(l.Features, xr.concepts)) > 0 {
				l.evidence = append(l.evidence, x)
			}
		}
		l.evidence = append(l.evidence, rt)
		if len(l.evidence) >= tr.cfg.ConfirmReports && customers(l.evidence) >= tr.cfg.ConfirmCustomers {
			return l
		}
	}
	return nil
}

// burst opens an incident from a burst (of a cluster, or of reports about
// a feature): the core of its recent reports seeds the profile, and the
// recent tickets like them join. A burst that reads like an open incident
// joins it instead.
func (tr *Tracker) burst(r *ticketRec, rt recentTicket, seeds []recentTicket, window time.Duration, cluster int64) (Decision, bool) {
	var centroid svec
	for _, x := range append(seeds, rt) {
		if v := tr.vec(x.id); len(v) > 0 {
			centroid = addScaled(centroid, v, 1)
		}
	}
	norm := math.Sqrt(norm2(centroid))
	if norm == 0 {
		return Decision{}, false
	}
	var core []recentTicket
	for _, x := range seeds {
		if dot(tr.vec(x.id), centroid)/norm >= tr.cfg.CoreThreshold {
			core = append(core, x)
		}
	}
	core = tr.onTopic(core, r, centroid, norm)
	if dot(r.sparse(), centroid)/norm < tr.cfg.CoreThreshold || len(core)+1 < tr.e.cfg.BurstMinReports/2+1 {
		return Decision{}, false
	}
	if !tr.novel(centroid, norm, tr.e.windowStart(rt.at, window, tr.e.cfg.Warmup), len(core)+1) {
		return Decision{}, false
	}
	var coreSum svec
	for _, x := range append(core, rt) {
		coreSum = addScaled(coreSum, tr.vec(x.id), 1)
	}
	// The reports of one problem describe it alike; a burst of a broad
	// topic (plan questions, how-tos) is a mixture whose members are
	// only loosely alike: its mean pairwise similarity is low.
	k := float64(len(core) + 1)
	cohesion := (norm2(coreSum) - k) / (k * (k - 1))
	if cohesion < tr.cfg.Cohesion {
		return Decision{}, false
	}
	why := fmt.Sprintf("%d look-alike reports from %d customers in %s, far above their usual share of the desk's tickets",
		len(core)+1, customers(append(core, rt)), roundWindow(window))
	// A burst that reads like an open incident, or that is about the
	// features of one whose provider's incident is live, is more of it
	// (a second symptom of the same outage): its core joins that one.
	var concepts []string
	for _, x := range append(core, rt) {
		if xr := tr.e.tickets[x.id]; xr != nil {
			concepts = append(concepts, xr.concepts...)
		}
	}
	var into, upstream *liveIncident
	best := 0.0
	var how, upstreamHow string
	dominant := dominantTopics(append(core, rt), tr.e.tickets)
	for _, l := range tr.live {
		if !tr.absorbing(l, rt.at) || rt.at.Before(l.Start.Add(-tr.cfg.Lead)) {
			continue
		}
		if l.Watching {
			// A burst about the features a provider reports trouble with
			// confirms its watch.
			if f := intersect(l.Features, concepts); len(f) > 0 && into == nil {
				return tr.open(l, r, rt, cluster, core, fmt.Sprintf("%s, about %s: they confirm the upstream watch", why, strings.Join(f, ", "))), true
			}
			continue
		}
		if l.prof.norm == 0 {
			continue
		}
		s := dot(centroid, l.prof.sum) / (norm * l.prof.norm)
		if f := intersect(l.Features, concepts); upstream == nil && l.UpstreamLive && len(f) > 0 {
			upstream, upstreamHow = l, fmt.Sprintf("a burst of reports about %s while its provider's incident is live", strings.Join(f, ", "))
		}
		if s >= tr.cfg.BurstJoinThreshold && s > best {
			into, best, how = l, s, fmt.Sprintf("a burst of reports like the incident's: similarity %.2f", s)
		}
	}
	// A burst alike in words to one incident but about a topic that
	// incident is not about, and that a live provider incident explains
	// ("clock-in shows the wrong place" beside an incident about overtime
	// on timesheets, while the maps provider is down), is the provider's.
	if upstream != nil && (into == nil || into != upstream && len(intersect(upstream.Features, dominant)) > 0 &&
		len(dominant) > len(intersect(dominant, topics(append(into.prof.features(), into.Features...))))) {
		into, how = upstream, upstreamHow
	}
	if into != nil {
		if tr.holdsOut(into, r) {
			// r would not join into alone: the burst is left to the
			// next report of it.
			return Decision{}, false
		}
		return tr.joinGroup(into, r, rt, core, how+" ("+why+")"), true
	}
	return tr.open(nil, r, rt, cluster, core, why), true
}

// holdsOut reports whether a burst's report x stays out of the open
// incident l its burst reads like: x says what l is about works ("the
// doors unlock fine but the boot stays shut"), or a cue reads it as a
// problem of the writer's own ("locked out after too many attempts"). The
// burst's likeness is evidence for the reports that share it, not for the
// trickle that came with them: alone, x would be held to its own bar. (Holding out the tickets only the
// individual model reads as the writer's own too kept real SMS-code
// reports out of ledgerleaf's outage when the model had not seen that
// week: leave-one-week-out F1 0.8855 → 0.8818.)
func (tr *Tracker) holdsOut(l *liveIncident, x *ticketRec) bool {
	return tr.saysWorks(l, x) || x.msg.Grade() > Report
}

// joinGroup adds a burst's core and r to the open incident l, less the
// reports it holds out (see holdsOut).
func (tr *Tracker) joinGroup(l *liveIncident, r *ticketRec, rt recentTicket, core []recentTicket, reason string) Decision {
	in := map[int64]bool{}
	op := &Opening{Join: true, Why: reason}
	for _, x := range core {
		if in[x.id] || tr.holdsOut(l, tr.e.tickets[x.id]) {
			continue
		}
		in[x.id] = true
		tr.join(l, tr.e.tickets[x.id], x.at, true)
		op.Members = append(op.Members, Member{Ticket: x.id, Reason: reason})
	}
	tr.join(l, r, rt.at, true)
	keep := tr.recent[:0]
	for _, x := range tr.recent {
		if !in[x.id] {
			keep = append(keep, x)
		}
	}
	tr.recent = keep
	return Decision{Incident: l.ID, Open: op, Reason: reason}
}

// open starts an incident (or confirms watch w) with r and seeds as its
// first members, then takes in the recent tickets that read like them.
func (tr *Tracker) open(w *liveIncident, r *ticketRec, rt recentTicket, cluster int64, seeds []recentTicket, why string) Decision {
	l := w
	if l == nil {
		tr.provs--
		l = &liveIncident{Live: Live{ID: tr.provs, Start: rt.at}}
		tr.live = append(tr.live, l)
	} else {
		l.Watching = false
	}
	op := &Opening{Cluster: cluster, Why: why}
	if w != nil {
		op.Watch = w.ID
	}
	in := map[int64]bool{rt.id: true}
	reason := "seeded the incident: " + why
	for _, x := range seeds {
		if x.id == rt.id || in[x.id] {
			continue
		}
		if xr := tr.e.tickets[x.id]; tr.cfg.IndivStrong > 0 && float64(xr.indiv) >= tr.cfg.IndivStrong {
			// A report the model grades as the writer's own problem
			// founds nothing: it is judged below like any recent
			// ticket, at the bar for one (on the tuning weeks, left out
			// of the model's training in turn, this only kept hard
			// negatives and background out).
			continue
		}
		in[x.id] = true
		if x.at.Before(l.Start) {
			l.Start = x.at
		}
		tr.join(l, tr.e.tickets[x.id], x.at, true)
		op.Members = append(op.Members, Member{Ticket: x.id, Reason: reason})
	}
	tr.join(l, r, rt.at, true)
	// The recent tickets like the seeds, from any cluster, join too: the
	// first reports came before the burst was certain. They are judged
	// against the founders' profile, most alike first, and there are at
	// most as many of them as founders: an incident is not born twice its
	// own size from tickets nobody thought alike when they came.
	from := l.Start.Add(-tr.cfg.Lead)
	type cand struct {
		x recentTicket
		s float64
	}
	var cands []cand
	for _, x := range tr.recent {
		if xr := tr.e.tickets[x.id]; xr != nil && !in[x.id] && !x.at.Before(from) {
			if s := l.prof.similarity(xr.sparse()); s >= tr.need(xr) && !tr.otherTopic(l, xr) {
				cands = append(cands, cand{x, s})
			}
		}
	}
	slices.SortStableFunc(cands, func(a, b cand) int { return cmp.Compare(b.s, a.s) })
	cands = cands[:min(len(cands), len(in))]
	for _, c := range cands {
		in[c.x.id] = true
		tr.join(l, tr.e.tickets[c.x.id], c.x.at, false)
		op.Members = append(op.Members, Member{Ticket: c.x.id, Reason: fmt.Sprintf("arrived before the incident opened; matched its reports: similarity %.2f", c.s), Similarity: c.s})
	}
	keep := tr.recent[:0]
	for _, x := range tr.recent {
		if !in[x.id] {
			keep = append(keep, x)
		}
	}
	tr.recent = keep
	sort.SliceStable(op.Members, func(i, j int) bool {
		return tr.e.tickets[op.Members[i].Ticket].at.Before(tr.e.tickets[op.Members[j].Ticket].at)
	})
	l.evidence = nil
	return Decision{Incident: l.ID, Open: op, Reason: reason, Similarity: 1}
}

func (tr *Tracker) vec(id int64) svec {
	if r := tr.e.tickets[id]; r != nil {
		return r.sparse()
	}
	return nil
}

// neighbours returns the reports of the burst window that read like r
// when there are enough of them, from enough customers, far more than
// reports like r came in the history the tracker remembers (its Recent
// period): a burst that no cluster or feature caught, because its
// reports are worded too differently to share one.
//
// The tracker looks at the NeighbourScan most recent tickets of the
// window and as many before it at most, so that a surge of thousands
// costs a bounded amount per ticket; the share of reports like this one
// in each is tested as a cluster's share is (see burst.go), and only once
// the desk has history (Config.Warmup tickets before the window). memo
// keeps, by ticket id, whether a ticket is like r, across windows.
func (tr *Tracker) neighbours(r *ticketRec, rt recentTicket, w burstWindow, memo map[int64]bool) ([]recentTicket, bool) {
	start := tr.windowIndex(tr.e.windowStart(rt.at, w.span, w.warmup))
	var near []recentTicket
	sampled := 0
	mine := r.sparse()
	dense := tr.cfg.NeighbourDense > 0 && len(r.vec) > int(r.ns)
	alike := func(x recentTicket) bool {
		if !x.report {
			return false
		}
		like, ok := memo[x.id]
		if !ok {
			if xr := tr.e.tickets[x.id]; xr != nil && !tr.suppressed(xr) {
				s := dotMerge(mine, xr.sparse()) // both sparse: no dense block to look for
				like = s >= tr.cfg.NeighbourThreshold ||
					dense && s >= tr.cfg.NeighbourDenseFloor && len(xr.vec)-int(xr.ns) == len(r.vec)-int(r.ns) && s+denseDot(r.vec[r.ns:], xr.vec[xr.ns:]) >= tr.cfg.NeighbourDense
			}
			memo[x.id] = like
		}
		return like
	}
	for i := len(tr.recent) - 1; i >= start && sampled < tr.cfg.NeighbourScan; i-- {
		sampled++
		if alike(tr.recent[i]) {
			near = append(near, tr.recent[i])
		}
	}
	if len(near)+1 < w.minReports || customers(append(near, rt)) < w.minCustomers {
		return nil, false
	}
	like, before := 0, 0
	for i := start - 1; i >= 0 && before < tr.cfg.NeighbourScan; i-- {
		before++
		if alike(tr.recent[i]) {
			like++
		}
	}
	if before < w.warmup {
		return nil, false
	}
	return near, tr.risesBy(w.factor, len(near)+1, sampled+1, like, before)
}

// novel checks a burst against the tickets the tracker remembers,
// whatever cluster they landed in: the share of tickets like the burst's
// core (by similarity to its centroid) before the window, against its
// share in the window. Clusters are born and merge as tickets come (most
// of all in a surge on a fresh service), so a cluster's own history can
// miss that its topic was always there; this cannot. With too little
// history to tell (fewer than Config.Warmup tickets), the burst stands.
func (tr *Tracker) novel(centroid svec, norm float64, from time.Time, n int) bool {
	cfg := &tr.e.cfg
	start := tr.windowIndex(from)
	inWindow := len(tr.recent) - start
	like, before := 0, 0
	for i := start - 1; i >= 0 && before < tr.cfg.NeighbourScan; i-- {
		before++
		// Only reports count, as only reports make a burst: the forgotten
		// passwords of last week do not make today's log-in storm old news.
		if x := tr.recent[i]; x.report {
			if v := tr.vec(x.id); len(v) > 0 && dot(v, centroid)/norm >= tr.cfg.CoreThreshold {
				like++
			}
		}
	}
	if before < cfg.Warmup {
		return true
	}
	return tr.rises(n, inWindow+1, like, before)
}

// windowIndex is the index of the first recent ticket at or after from.
func (tr *Tracker) windowIndex(from time.Time) int {
	return sort.Search(len(tr.recent), func(i int) bool { return !tr.recent[i].at.Before(from) })
}

// rises tests whether n of total tickets in a window is far more than the
// like of before tickets in the history before it predict (the share
// test of burst.go, with the share's uncertainty).
func (tr *Tracker) rises(n, total, like, before int) bool {
	return tr.risesBy(tr.e.cfg.BurstFactor, n, total, like, before)
}

// risesBy is rises with the given factor.
func (tr *Tracker) risesBy(factor float64, n, total, like, before int) bool {
	cfg := &tr.e.cfg
	share := (float64(like) + cfg.PriorWeight*cfg.PriorShare) / (float64(before) + cfg.PriorWeight)
	share += math.Sqrt(share * (1 - share) / (float64(before) + cfg.PriorWeight))
	expected := share * float64(total)
	return float64(n) >= factor*expected && poissonTail(n, expected) <= cfg.Significance
}

// forget drops recent tickets older than Recent before at.
func (tr *Tracker) forget(at time.Time) {
	cut := 0
	for cut < len(tr.recent) && at.Sub(tr.recent[cut].at) > tr.cfg.Recent {
		cut++
	}
	if cut > 0 {
		tr.recent = append(tr.recent[:0], tr.recent[cut:]...)
	}
}

func customers(ts []recentTicket) int {
	seen := map[string]bool{}
	n := 0
	for _, t := range ts {
		if t.customer == "" {
			n++
		} else if !seen[t.customer] {
			seen[t.customer] = true
			n++
		}
	}
	return n
}

func intersect(a, b []string) []string {
	var out []string
	for _, x := range a {
		if slices.Contains(b, x) && !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

func roundWindow(d time.Duration) string {
	if d >= time.Hour && d%time.Hour == 0 {
		return fmt.Sprintf("%d hours", int(d/time.Hour))
	}
	return fmt.Sprintf("%d minutes", int(d/time.Minute))
}

// covered is the share of v's weight (squared) on the features sum has:
// how much of what a ticket says its incident's reports say too.
func covered(v, sum svec) float64 {
	var in, all float64
	j := 0
	for _, e := range v {
		w := float64(e.W) * float64(e.W)
		all += w
		for j < len(sum) && sum[j].H < e.H {
			j++
		}
		if j < len(sum) && sum[j].H == e.H {
			in += w
		}
	}
	if all == 0 {
		return 0
	}
	return in / all
}

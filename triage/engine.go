package triage

import (
	htmlpkg "html"
	"math"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Ticket is one support message. Text is the subject and body joined by a
// newline. At is the only time the engine uses for this ticket.
type Ticket struct {
	ID       int64
	Text     string
	Customer string
	At       time.Time
}

// Assignment is the engine's decision for one ticket.
type Assignment struct {
	ClusterID  int64
	Similarity float64 // cosine similarity to the cluster it joined (1 for a new cluster)
	NewCluster bool
	// Candidate is true on the ticket that makes the cluster an incident
	// candidate (a burst); once per cluster and Config.ReArm.
	Candidate bool
	Label     string
	// Window is the burst window whose rule made the cluster a candidate
	// (BurstWindow or SlowWindow); zero when Candidate is false.
	Window time.Duration
	// Message is what the ticket says besides its words: noise, and
	// individual or collective cues.
	Message Message
	// Concepts are the canonical lexicon tokens of the ticket (the
	// product features and states it names), sorted.
	Concepts []string
	// Feature is set on the ticket that makes reports about one of the
	// product's features burst (see observeFeatures); FeatureWindow is the
	// window whose rule fired.
	Feature       string
	FeatureWindow time.Duration
}

// ClusterInfo describes one active cluster.
type ClusterInfo struct {
	ID          int64
	Size        int
	Customers   int // distinct customers; a ticket without a customer counts as its own
	Label       string
	TopTerms    []string
	FirstSeen   time.Time
	LastSeen    time.Time
	Candidate   bool
	CandidateAt time.Time
	Suppressed  bool
}

// MergeEvent reports that Refine folded cluster From into cluster Into.
type MergeEvent struct {
	From, Into int64
	Similarity float64
	// Reason is "converged" (centroids met), "small" (a tiny cluster was
	// dissolved into its nearest neighbour) or "reassigned" (its tickets
	// all moved to better clusters).
	Reason string
}

// Engine clusters tickets online. It is not safe for concurrent use; the
// caller serialises calls (one engine per stream of tickets).
type Engine struct {
	cfg  Config
	norm *normalizer
	ext  extractor
	df   *docFreq

	clusters map[int64]*cluster
	slots    []*cluster
	states   []slotState // by slot, beside slots
	free     []int32
	idx      index

	tickets map[int64]*ticketRec

	exemplars []*exemplar // by slot; nil when free
	exFree    []int32
	exIdx     index
	exSeq     int64

	aliases  map[int64]int64          // merged-away cluster -> the cluster it went into
	cannot   map[[2]int64]bool        // operator said: never merge these two
	surface  map[string]string        // stem -> first surface form seen, for top terms
	rate     deskRate                 // every ticket that is not noise, for burst shares
	dense    denseSum                 // scratch for rebuilding centroids
	features map[string]*featureState // the product's features, for feature bursts
	seen     map[string]struct{}
	nextID   int64
	emptyID  int64    // cluster of tickets without features, 0 if none
	topBuf   []scored // scratch for candidate selection
	sumBuf   svec     // scratch for centroid updates
	queryBuf svec     // scratch for queryOf
	touch    uint32   // sink for the loads that warm candidate centroids
	dotTab   dotTable // scratch: the ticket, scored against its candidates

	vecs      *WordVectors // the dense block's word vectors; nil when off
	denseBuf  []float32    // scratch: a ticket's dense vector
	denseHash []uint32     // the block's hashes, increasing
	denseDims []int        // the dimension of each
	unit      float64      // sqrt(1-DenseWeight): see vscale
	learn     *vecLearner  // the desk's co-occurrence counts; nil unless VectorRefit
	rowOf     []int32      // learner word id -> row in vecs, -1 if unknown
	rowBuf    []int32      // scratch: a ticket's rows in vecs
	indivBuf  []uint64     // scratch for the individual model
}

type cluster struct {
	id   int64
	slot int32 // -1 for the cluster of empty tickets

	sum       svec    // sum of member vectors (pruned to MaxCentroidTerms)
	norm      float64 // ||sum||
	keySum    svec    // sum of members' weighted retrieval keys
	indexed   svec    // keys entered in the index, with their weights
	indexedAt int     // size when last indexed

	members   []int64
	customers map[string]int // named customer -> tickets
	anonymous int            // tickets without a customer
	terms     map[string]int

	first, last time.Time
	lastNs      int64 // last.UnixNano(), for the hot activity check
	candidate   bool
	candidateAt time.Time
	suppressed  bool
	reports     int // members that are reports (see ticketRec.report)

	label       string
	labelTicket int64

	burst burstState
}

// slotState mirrors, by slot, what the candidate search checks of an
// indexed cluster, so that it does not load the structs of the many
// clusters that lose. syncSlot keeps it up to date.
type slotState struct {
	id         int64 // 0 for a free slot
	lastNs     int64
	suppressed bool
}

// syncSlot copies c's id, last activity and suppression to its slot state.
func (e *Engine) syncSlot(c *cluster) {
	if c.slot >= 0 {
		e.states[c.slot] = slotState{id: c.id, lastNs: c.lastNs, suppressed: c.suppressed}
	}
}

type ticketRec struct {
	id       int64
	cluster  int64
	raw      svec
	vec      svec  // unit sparse vector, then the dense block if any (see withDense)
	ns       int32 // the sparse part's length: vec[:ns]
	rawKeys  svec
	keys     svec // retrieval keys weighted by IDF, unit length
	terms    []string
	subject  string
	customer string
	at       time.Time
	pinned   bool // placed by an operator; Refine leaves it alone
	msg      Message
	concepts []string
	working  []string // topics the ticket says work (see normalizer.working)
	words    []int32  // the dense block's words, as learner ids (with VectorRefit)
	// indiv is the individual model's probability that the ticket
	// describes a problem of the writer's own (see individual.go).
	indiv float32
	// noise: not a report at all (an auto-reply, a bounce); report: a
	// report that counts toward bursts (not noise, not an individual
	// account problem, not a how-to question); member: the tracker put it in an incident, and
	// it no longer counts in the desk's usual rate.
	noise, report, member bool
}

// sparse is the ticket's sparse vector, without the dense block: what the
// tracker's thresholds were tuned on.
func (r *ticketRec) sparse() svec { return r.vec[:r.ns] }

// exemplar is an operator-taught example: tickets similar to vec belong in
// cluster.
type exemplar struct {
	vec     svec
	keys    svec
	indexed svec
	cluster int64
	seq     int64 // creation order, to forget the oldest first
}

// New returns an engine for cfg. It panics if cfg is invalid, so call
// cfg.Validate first when cfg comes from outside.
func New(cfg Config) *Engine {
	if err := cfg.Validate(); err != nil {
		panic(err)
	}
	lex := defaultLexicon()
	if cfg.NoLexicon {
		lex = nil
	}
	if cfg.LexiconExtra != "" {
		var err error
		if lex, err = ParseLexicon(cfg.LexiconExtra, lex); err != nil {
			panic(err) // Validate parsed it already.
		}
	}
	nz := newNormalizer(lex, cfg.MaxTextBytes)
	nz.noStem = cfg.NoStemming
	nz.cues = cueLexicon()
	e := &Engine{
		cfg:      cfg,
		norm:     nz,
		ext:      extractor{cfg: cfg, mask: 1<<cfg.HashBits - 1},
		df:       newDocFreq(cfg.HashBits, cfg.DFHalfLife),
		clusters: make(map[int64]*cluster),
		idx:      newIndex(),
		tickets:  make(map[int64]*ticketRec),
		exIdx:    newIndex(),
		aliases:  make(map[int64]int64),
		cannot:   make(map[[2]int64]bool),
		surface:  make(map[string]string),
	}
	e.stopPrior()
	if cfg.DenseWeight > 0 {
		e.vecs = ShippedVectors()
		e.denseBuf = make([]float32, e.vecs.Dims())
		e.denseHash, e.denseDims = denseOrder(e.vecs.Dims())
		e.unit = math.Sqrt(1 - cfg.DenseWeight)
		e.df.room = e.vecs.Dims()
		if cfg.VectorRefit > 0 {
			e.learn = newVecLearner(e.vecs)
			e.syncRows()
		}
	}
	if len(cfg.Features) > 0 {
		e.features = make(map[string]*featureState, len(cfg.Features))
		for _, f := range cfg.Features {
			e.features[f] = &featureState{}
		}
	}
	return e
}

// Config returns the engine's configuration.
func (e *Engine) Config() Config { return e.cfg }

// Assign places t in a cluster. It is deterministic: the same tickets in the
// same order give the same assignments. A ticket whose ID was seen before
// replaces the earlier one.
func (e *Engine) Assign(t Ticket) Assignment {
	if old, ok := e.tickets[t.ID]; ok {
		e.detach(old)
		delete(e.tickets, t.ID)
	}
	toks := e.norm.tokens(t.Text)
	msg := inspect(t.Text, e.norm.found, e.norm.buf, toks)
	cleaned := e.norm.buf
	raw, keys := e.ext.raw(toks)
	if len(raw) > 0 {
		e.df.observe(raw, keys)
	}
	vec, kvec := e.df.weighBoth(raw, keys)
	ns := int32(len(vec))
	var words []int32
	switch {
	case e.learn != nil:
		words = e.learnWords(toks)
		vec = e.withDense(vec, e.denseBuf, e.denseOf(words))
	case e.vecs != nil:
		vec = e.withDense(vec, e.denseBuf, e.vecs.sentence(toks, e.denseBuf))
	}
	rec := &ticketRec{
		id: t.ID, raw: raw, vec: vec, ns: ns, rawKeys: keys, keys: kvec,
		customer: t.Customer, at: t.At, subject: headline(t.Text), terms: e.termsOf(toks),
		msg: msg, noise: msg.Noise != "", report: msg.Grade() == Report, concepts: conceptsOf(toks), words: words,
	}
	if m := shippedIndividual(); m != nil && !rec.noise {
		var p float64
		e.indivBuf, p = m.probToks(toks, e.indivBuf)
		rec.indiv = float32(p)
		rec.report = countsAsReport(msg, rec.indiv)
	}
	// Last: it tokenizes clauses again, which reuses toks' buffers.
	rec.working = e.norm.working(cleaned)
	e.tickets[t.ID] = rec

	var c *cluster
	sim := 1.0
	isNew := false
	if len(rec.vec) == 0 {
		c = e.clusters[e.emptyID]
		if c == nil || !e.active(c, t.At) {
			c = e.newCluster(t.At, false)
			c.label = "(no text)"
			e.emptyID = c.id
			isNew = true
		}
	} else {
		best, bestSim := e.nearest(rec.vec, rec.keys, t.At, 0)
		if ex, exSim := e.nearestExemplar(rec.vec, rec.keys, t.At); ex != nil && exSim >= e.cfg.Threshold && exSim >= bestSim {
			best, bestSim = ex, exSim
		}
		if best != nil && bestSim >= e.cfg.Threshold {
			c, sim = best, bestSim
		} else {
			c = e.newCluster(t.At, true)
			isNew = true
		}
	}
	e.attach(rec, c)
	window := e.observeBurst(c, rec)
	feature, fwindow := e.observeFeatures(rec)
	if c.slot >= 0 && (isNew || isPow2(len(c.members))) {
		e.relabel(c)
	}
	return Assignment{ClusterID: c.id, Similarity: sim, NewCluster: isNew, Candidate: window > 0, Window: window, Label: c.label, Message: msg, Concepts: rec.concepts,
		Feature: feature, FeatureWindow: fwindow}
}

func isPow2(n int) bool { return n > 0 && n&(n-1) == 0 && n <= 1024 }

// subjectOf returns the first non-empty line of text, whitespace collapsed
// and cut to 80 runes, as a human label. Invalid UTF-8 is dropped and a
// line starting with '>' (a quote) is skipped.
// headline is what a ticket is labelled by: its first line, unless that
// line is HTML markup or a chat-bot's greeting (a ticket with no subject
// whose body is an HTML email or a chat transcript), when it is the first
// line of the text a reader sees, or of the customer's own lines.
func headline(text string) string {
	s := subjectOf(text)
	html := strings.HasPrefix(s, "<")
	if _, _, spoken := speakerLine(s); !html && !spoken {
		return s
	}
	if html {
		text = stripHTML(text)
		if strings.IndexByte(text, '&') >= 0 {
			text = htmlpkg.UnescapeString(text)
		}
	}
	if h := subjectOf(stripTranscript(text)); h != "" {
		return h
	}
	return s
}

func subjectOf(text string) string {
	if len(text) > 4096 {
		text = text[:4096]
	}
	var buf [512]byte
	for text != "" {
		line, rest, _ := strings.Cut(text, "\n")
		text = rest
		// Collapse the line's whitespace into b, stopping after 81 runes:
		// only whether there are more than 80 matters.
		b := buf[:0]
		runes := 0
		space := false
		for i := 0; i < len(line) && runes <= 80; {
			c := line[i]
			if c < utf8.RuneSelf {
				i++
				if c == ' ' || '\t' <= c && c <= '\r' {
					space = len(b) > 0
					continue
				}
				if space {
					b = append(b, ' ')
					runes++
					space = false
				}
				b = append(b, c)
				runes++
				continue
			}
			r, size := utf8.DecodeRuneInString(line[i:])
			i += size
			switch {
			case r == utf8.RuneError && size == 1:
				// Invalid UTF-8 is dropped.
			case unicode.IsSpace(r):
				space = len(b) > 0
			default:
				if space {
					b = append(b, ' ')
					runes++
					space = false
				}
				b = utf8.AppendRune(b, r)
				runes++
			}
		}
		if len(b) == 0 || b[0] == '>' {
			continue
		}
		if runes > 80 {
			k := 0
			for n := 0; n < 79; n++ {
				_, size := utf8.DecodeRune(b[k:])
				k += size
			}
			return string(b[:k]) + "…"
		}
		return string(b)
	}
	return ""
}

// termsOf returns the ticket's content words (stems and canonical tokens)
// for top-term labels, and remembers a surface form for each.
func (e *Engine) termsOf(toks []token) []string {
	n := 0
	for _, t := range toks {
		if isTerm(t) {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]string, 0, n)
	for _, t := range toks {
		if !isTerm(t) {
			continue
		}
		if _, ok := e.surface[t.Text]; !ok && len(e.surface) < stemCacheMax {
			e.surface[t.Text] = t.Surface
		}
		out = append(out, t.Text)
	}
	return out
}

func isTerm(t token) bool {
	return !t.stop && !strings.HasPrefix(t.Text, "_") && t.Text != TokNot
}

// active reports whether c still accepts tickets at time now.
func (e *Engine) active(c *cluster, now time.Time) bool {
	quiet := e.cfg.QuietTime
	if c.suppressed {
		quiet = e.cfg.SuppressedQuietTime
	}
	return now.Sub(c.last) <= quiet
}

type scored struct {
	slot  int32
	id    int64
	score float64
}

// better orders by score descending, then by cluster id ascending, so every
// choice is independent of map and posting-list order.
func better(a, b scored) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	return a.id < b.id
}

// topCandidates keeps the k best of the visited slots.
type topCandidates struct {
	k    int
	list []scored
}

func (t *topCandidates) offer(s scored) {
	if len(t.list) == t.k && !better(s, t.list[len(t.list)-1]) {
		return
	}
	// The list is short: find the place from the end.
	i := len(t.list)
	for i > 0 && better(s, t.list[i-1]) {
		i--
	}
	if len(t.list) < t.k {
		t.list = append(t.list, scored{})
	}
	copy(t.list[i+1:], t.list[i:])
	t.list[i] = s
}

// queryOf returns the QueryTerms strongest retrieval keys of k, in a
// buffer that the next call reuses.
func (e *Engine) queryOf(k svec) svec {
	e.queryBuf = topKInto(e.queryBuf[:0], k, e.cfg.QueryTerms)
	return e.queryBuf
}

// nearest returns the active cluster most similar to unit vector v (whose
// retrieval keys are keys), skipping cluster skip, and that cosine
// similarity.
func (e *Engine) nearest(v, keys svec, now time.Time, skip int64) (*cluster, float64) {
	cut := now.Add(-e.cfg.QuietTime).UnixNano()
	cutSuppressed := now.Add(-e.cfg.SuppressedQuietTime).UnixNano()
	top := topCandidates{k: e.cfg.Candidates, list: e.topBuf[:0]}
	e.idx.accumulate(e.queryOf(keys), e.cfg.MaxPostings)
	// The partial scores are cleared as they are read.
	for _, slot := range e.idx.touched {
		score := float64(e.idx.acc[slot])
		e.idx.acc[slot] = 0
		if len(top.list) == top.k && score < top.list[top.k-1].score {
			continue
		}
		st := &e.states[slot]
		if st.id == 0 || st.id == skip {
			continue
		}
		if last := st.lastNs; last < cut && (!st.suppressed || last < cutSuppressed) {
			continue
		}
		top.offer(scored{slot: slot, id: st.id, score: score})
	}
	e.idx.touched = e.idx.touched[:0]
	e.topBuf = top.list
	// The candidates' centroids are mostly not in cache: load them all
	// before scoring, so that the misses overlap instead of coming one
	// after another (the loads are independent; the scoring is not).
	var sums [16]svec
	if len(top.list) <= len(sums)/2 {
		for i, s := range top.list {
			c := e.slots[s.slot]
			sums[2*i], sums[2*i+1] = c.sum, c.keySum
		}
		var touch uint32
		for _, sum := range sums[:2*len(top.list)] {
			for i := 0; i < len(sum); i += 8 { // one entry per 64-byte line
				touch += sum[i].H
			}
		}
		e.touch = touch
	}
	var best *cluster
	bestSim := -1.0
	// The dense block is scored apart: its coordinates sit at the same
	// places at the end of the ticket's vector and of every centroid that
	// has one, so a plain loop beats looking each one up in dotTab.
	vs := e.vscale(v)
	head, tail := v, svec(nil)
	if vs != 1 {
		head, tail = splitDense(v)
	}
	if len(top.list) > 0 {
		e.dotTab.load(head)
	}
	for _, s := range top.list {
		c := e.slots[s.slot]
		sum := c.sum
		var d float64
		if tail != nil {
			var ct svec
			if n := len(sum) - len(tail); n >= 0 && sum[n].H == tail[0].H {
				sum, ct = sum[:n], sum[n:]
				d = denseDot(tail, ct)
			} else {
				sum, ct = splitDense(sum)
				d = dot(tail, ct)
			}
		}
		sim := (e.dotTab.dot(sum) + d) / c.norm * vs
		if sim > bestSim || (sim == bestSim && c.id < best.id) {
			best, bestSim = c, sim
		}
	}
	return best, bestSim
}

// denseDot is the dot product of two dense blocks with the same
// coordinates in the same order (len(b) ≥ len(a)), in float32 with four
// running sums: it runs for every candidate of every ticket.
func denseDot(a, b svec) float64 {
	b = b[:len(a)]
	var s0, s1, s2, s3 float32
	i := 0
	for ; i+4 <= len(a); i += 4 {
		x, y := a[i:i+4:i+4], b[i:i+4:i+4]
		s0 += x[0].W * y[0].W
		s1 += x[1].W * y[1].W
		s2 += x[2].W * y[2].W
		s3 += x[3].W * y[3].W
	}
	for ; i < len(a); i++ {
		s0 += a[i].W * b[i].W
	}
	return float64((s0 + s1) + (s2 + s3))
}

// nearestExemplar returns the cluster of the operator-taught exemplar most
// similar to v, if any.
func (e *Engine) nearestExemplar(v, keys svec, now time.Time) (*cluster, float64) {
	if len(e.exemplars) == len(e.exFree) {
		return nil, 0
	}
	top := topCandidates{k: e.cfg.Candidates}
	e.exIdx.query(e.queryOf(keys), 0, func(slot int32, score float32) {
		// Ties go to the oldest exemplar: ids are creation order, which a
		// restored engine keeps (slots it may not).
		top.offer(scored{slot: slot, id: e.exemplars[slot].seq, score: float64(score)})
	})
	var best *cluster
	bestSim := -1.0
	for _, s := range top.list {
		ex := e.exemplars[s.slot]
		c := e.clusters[e.resolve(ex.cluster)]
		if c == nil || !e.active(c, now) {
			continue
		}
		sim := dot(v, ex.vec) * e.vscale(v)
		if sim > bestSim || (sim == bestSim && c.id < best.id) {
			best, bestSim = c, sim
		}
	}
	return best, bestSim
}

// resolve follows merge aliases to the surviving cluster id.
func (e *Engine) resolve(id int64) int64 {
	for i := 0; i < 64; i++ {
		next, ok := e.aliases[id]
		if !ok {
			return id
		}
		id = next
	}
	return id
}

func (e *Engine) newCluster(at time.Time, indexed bool) *cluster {
	e.nextID++
	c := &cluster{id: e.nextID, slot: -1, first: at, last: at, lastNs: at.UnixNano(),
		customers: make(map[string]int), terms: make(map[string]int)}
	if indexed {
		if n := len(e.free); n > 0 {
			c.slot = e.free[n-1]
			e.free = e.free[:n-1]
			e.slots[c.slot] = c
		} else {
			c.slot = int32(len(e.slots))
			e.slots = append(e.slots, c)
			e.states = append(e.states, slotState{})
		}
		e.syncSlot(c)
	}
	e.clusters[c.id] = c
	return c
}

// customerKey counts a ticket without a customer as its own customer.
func customerKey(r *ticketRec) string {
	if r.customer != "" {
		return r.customer
	}
	return "\x00#" + itoa(r.id)
}

// addCustomer and dropCustomer keep a cluster's distinct-customer count;
// tickets without a customer are only counted (each is its own customer).
func (c *cluster) addCustomer(r *ticketRec, n int) {
	if r.customer == "" {
		c.anonymous += n
		return
	}
	if c.customers[r.customer] += n; c.customers[r.customer] <= 0 {
		delete(c.customers, r.customer)
	}
}

func (c *cluster) distinctCustomers() int { return len(c.customers) + c.anonymous }

func itoa(v int64) string {
	var b [20]byte
	i := len(b)
	neg := v < 0
	u := uint64(v)
	if neg {
		u = uint64(-v)
	}
	for {
		i--
		b[i] = byte('0' + u%10)
		u /= 10
		if u == 0 {
			break
		}
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// attach adds rec to c and updates its centroid and index entry.
func (e *Engine) attach(rec *ticketRec, c *cluster) {
	e.addMember(c, rec)
	if c.slot < 0 {
		return
	}
	c.sum = addInPlace(c.sum, rec.vec, &e.sumBuf)
	c.keySum = addInPlace(c.keySum, rec.keys, &e.sumBuf)
	e.afterSumChange(c, false)
}

// detach removes rec from its cluster; an emptied cluster is deleted.
func (e *Engine) detach(rec *ticketRec) {
	c := e.clusters[rec.cluster]
	if c == nil {
		return
	}
	e.removeMember(c, rec)
	if len(c.members) == 0 {
		e.deleteCluster(c)
		return
	}
	if c.slot >= 0 {
		c.sum = addScaled(c.sum, rec.vec, -1)
		c.keySum = addScaled(c.keySum, rec.keys, -1)
		e.afterSumChange(c, true)
	}
	if c.labelTicket == rec.id {
		e.relabel(c)
	}
}

// afterSumChange prunes the centroid, refreshes its norm and, when the
// cluster grew enough since it was last indexed (or force), re-indexes it.
func (e *Engine) afterSumChange(c *cluster, force bool) {
	if m := e.cfg.MaxCentroidTerms; m > 0 && len(c.sum) > 2*m {
		c.sum = prune(c.sum, m)
	}
	c.norm = math.Sqrt(norm2(c.sum))
	n := len(c.members)
	if force || c.indexed == nil || n >= 2*c.indexedAt || n-c.indexedAt >= 16 {
		e.reindex(c)
	}
}

func (e *Engine) reindex(c *cluster) {
	if c.indexed != nil {
		e.idx.remove(c.slot)
	}
	c.indexed = topK(c.keySum, e.cfg.IndexTerms)
	if n := math.Sqrt(norm2(c.keySum)); n > 0 {
		inv := float32(1 / n)
		for i := range c.indexed {
			c.indexed[i].W *= inv
		}
	}
	c.indexedAt = len(c.members)
	e.idx.add(c.slot, c.indexed)
}

func (e *Engine) deleteCluster(c *cluster) {
	if c.slot >= 0 {
		if c.indexed != nil {
			e.idx.remove(c.slot)
		}
		e.slots[c.slot] = nil
		e.states[c.slot] = slotState{}
		e.free = append(e.free, c.slot)
	}
	if c.id == e.emptyID {
		e.emptyID = 0
	}
	delete(e.clusters, c.id)
}

// relabel picks the member closest to the centroid (among the label holder
// and the 16 most recent members) as the cluster's label.
func (e *Engine) relabel(c *cluster) {
	if c.slot < 0 || len(c.members) == 0 {
		return
	}
	cands := c.members
	if len(cands) > 16 {
		cands = cands[len(cands)-16:]
	}
	// The label is the eligible ticket most similar to the centroid (ties
	// to the lower id), whatever the order they are looked at in: gather
	// them first, so that a lone one needs no similarity.
	var buf [17]*ticketRec
	elig := buf[:0]
	if id := c.labelTicket; id != 0 {
		if r := e.tickets[id]; r != nil && r.cluster == c.id && r.subject != "" {
			elig = append(elig, r)
		}
	}
	for _, id := range cands {
		if len(elig) > 0 && elig[0].id == id {
			continue // the label holder, already in
		}
		if r := e.tickets[id]; r != nil && r.subject != "" {
			elig = append(elig, r)
		}
	}
	if len(elig) == 0 {
		return
	}
	best := elig[0]
	if len(elig) > 1 {
		bestSim := dot(best.vec, c.sum)
		for _, r := range elig[1:] {
			if s := dot(r.vec, c.sum); s > bestSim || (s == bestSim && r.id < best.id) {
				best, bestSim = r, s
			}
		}
	}
	c.labelTicket = best.id
	c.label = best.subject
}

// ClusterOf returns the cluster that ticket id currently belongs to.
func (e *Engine) ClusterOf(ticketID int64) (int64, bool) {
	r, ok := e.tickets[ticketID]
	if !ok {
		return 0, false
	}
	return r.cluster, true
}

// Cluster describes cluster id (following merges to the surviving cluster).
func (e *Engine) Cluster(id int64) (ClusterInfo, bool) {
	c, ok := e.clusters[e.resolve(id)]
	if !ok {
		return ClusterInfo{}, false
	}
	return e.info(c), true
}

// Clusters describes all clusters, largest first (ties by id).
func (e *Engine) Clusters() []ClusterInfo {
	out := make([]ClusterInfo, 0, len(e.clusters))
	for _, c := range e.clusters {
		out = append(out, e.info(c))
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Size != out[j].Size {
			return out[i].Size > out[j].Size
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// Len returns the number of active clusters and tickets held.
func (e *Engine) Len() (clusters, tickets int) { return len(e.clusters), len(e.tickets) }

func (e *Engine) info(c *cluster) ClusterInfo {
	return ClusterInfo{
		ID: c.id, Size: len(c.members), Customers: c.distinctCustomers(), Label: c.label,
		TopTerms: e.topTerms(c, 5), FirstSeen: c.first, LastSeen: c.last,
		Candidate: c.candidate, CandidateAt: c.candidateAt, Suppressed: c.suppressed,
	}
}

func (e *Engine) topTerms(c *cluster, k int) []string {
	type tc struct {
		t string
		n int
	}
	all := make([]tc, 0, len(c.terms))
	for t, n := range c.terms {
		all = append(all, tc{t, n})
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].n != all[j].n {
			return all[i].n > all[j].n
		}
		return all[i].t < all[j].t
	})
	if len(all) > k {
		all = all[:k]
	}
	out := make([]string, len(all))
	for i, x := range all {
		out[i] = x.t
		if s, ok := e.surface[x.t]; ok {
			out[i] = s
		}
	}
	return out
}

// sortedClusterIDs returns the ids of all clusters in ascending order.
func (e *Engine) sortedClusterIDs() []int64 {
	ids := make([]int64, 0, len(e.clusters))
	for id := range e.clusters {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	return ids
}

// stopPrior counts Config.StopwordPrior pseudo-documents made of every
// stop word when stop words give character n-grams, so that those n-grams
// start with the low IDF they get anyway once real tickets have come in.
// The additions are whole numbers, so their order does not matter.
func (e *Engine) stopPrior() {
	prior := e.cfg.StopwordPrior
	if !e.cfg.CharStopwords || e.cfg.CharWeight == 0 || prior == 0 {
		return
	}
	x := &e.ext
	x.buf = x.buf[:0]
	for w := range stopwords {
		x.charGrams(w)
	}
	slices.Sort(x.buf)
	x.buf = slices.Compact(x.buf)
	for _, f := range x.buf {
		e.df.df[f>>2] += prior
	}
	e.df.n += prior
	x.buf = x.buf[:0]
}

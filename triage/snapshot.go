package triage

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"hash/fnv"
	"maps"
	"math"
	"slices"
	"sort"
	"time"
)

// snapshotVersion changes whenever the snapshot layout does.
const snapshotVersion = 3

// The snapshot types mirror the engine's state with exported fields so
// encoding/gob can carry them. Maps are written as sorted slices, so the
// same state always encodes to the same bytes.
type snapState struct {
	Version    int
	ConfigHash uint64
	DFIndex    []uint32
	DFValue    []float64
	DFN, DFInc float64
	NextID     int64
	EmptyID    int64
	ExSeq      int64
	Clusters   []snapCluster
	Tickets    []snapTicket
	Exemplars  []snapExemplar
	Aliases    [][2]int64
	Cannot     [][2]int64
	Surface    [][2]string
	RateTotal  int
	RateRecent []time.Time
	RateFirst  []time.Time
	Features   []snapFeature
	Learn      *snapLearn
}

// snapLearn is the dense block's learner (see veclearn.go) and, once it
// has refitted, the vectors in use.
type snapLearn struct {
	Words       []string
	Uni         []float64
	PairKeys    []uint64
	PairVals    []float64
	PendingLens []int32
	Pending     []int32
	Fits        int
	Vectors     []byte
}

type snapFeature struct {
	Name      string
	Reports   int
	Recent    []snapArrival
	Candidate bool
	At        time.Time
}

type snapCluster struct {
	ID64               int64
	Slot               int32
	Sum, KeySum, Index svec
	IndexedAt          int
	Members            []int64
	Customers          []snapCount
	Anonymous          int
	Terms              []snapCount
	First, Last        time.Time
	Candidate          bool
	CandidateAt        time.Time
	Suppressed         bool
	Label              string
	LabelTicket        int64
	Recent             []snapArrival
	Reports            int
}

type snapCount struct {
	Key string
	N   int
}

type snapArrival struct {
	At       time.Time
	Customer string
}

type snapTicket struct {
	ID, Cluster             int64
	Raw, Vec, RawKeys, Keys svec
	Terms                   []string
	Subject, Customer       string
	At                      time.Time
	Pinned                  bool
	Noise                   string
	Individual, Collective  []string
	Concepts                []string
	Working                 []string // topics it says work (absent from snapshots before it: none)
	Indiv                   float32  // the individual model's probability
	Member                  bool
	Words                   []int32 // the dense block's words (learner ids)
}

type snapExemplar struct {
	Slot      int32
	Vec, Keys svec
	Indexed   svec
	Cluster   int64
	Seq       int64
}

// configHash fingerprints the parts of cfg that shape the state, so a
// snapshot is not restored under a different feature space or lexicon.
func configHash(cfg Config) uint64 {
	h := fnv.New64a()
	fmt.Fprintf(h, "%d|%v|%v|%v|%v|%d|%d|%v|%v|%v|%s|%d|%q", cfg.HashBits, cfg.WordWeight, cfg.BigramWeight,
		cfg.CharWeight, cfg.ConceptWeight, cfg.CharMin, cfg.CharMax, cfg.CharStopwords, cfg.NoStemming, cfg.NoLexicon,
		cfg.LexiconExtra, cfg.MaxTextBytes, cfg.Features)
	if cfg.CharStopwords {
		// The prior only shapes the state with stop-word n-grams; leaving
		// it out otherwise keeps earlier snapshots usable.
		fmt.Fprintf(h, "|%v", cfg.StopwordPrior)
	}
	if cfg.DenseWeight > 0 {
		// The dense block shapes every vector: its weight and the vectors.
		fmt.Fprintf(h, "|dense %v %x", cfg.DenseWeight, shippedSum())
	}
	return h.Sum64()
}

func sortedCounts(m map[string]int) []snapCount {
	out := make([]snapCount, 0, len(m))
	for k, v := range m {
		out = append(out, snapCount{k, v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

// Snapshot encodes the engine's whole state. Restore with the same Config
// gives an engine that assigns every later ticket exactly as this one
// would. It is an alternative to replaying stored tickets after a restart.
func (e *Engine) Snapshot() ([]byte, error) {
	s := snapState{Version: snapshotVersion, ConfigHash: configHash(e.cfg),
		DFN: e.df.n, DFInc: e.df.inc, NextID: e.nextID, EmptyID: e.emptyID, ExSeq: e.exSeq}
	for i, v := range e.df.df {
		if v != 0 {
			s.DFIndex = append(s.DFIndex, uint32(i))
			s.DFValue = append(s.DFValue, v)
		}
	}
	for _, id := range e.sortedClusterIDs() {
		c := e.clusters[id]
		sc := snapCluster{ID64: c.id, Slot: c.slot, Sum: c.sum, KeySum: c.keySum, Index: c.indexed,
			IndexedAt: c.indexedAt, Members: c.members, Customers: sortedCounts(c.customers),
			Anonymous: c.anonymous, Terms: sortedCounts(c.terms), First: c.first, Last: c.last,
			Candidate: c.candidate, CandidateAt: c.candidateAt, Suppressed: c.suppressed,
			Label: c.label, LabelTicket: c.labelTicket, Reports: c.reports}
		for _, a := range c.burst.recent {
			sc.Recent = append(sc.Recent, snapArrival{a.at, a.customer})
		}
		s.Clusters = append(s.Clusters, sc)
		for _, tid := range c.members {
			r := e.tickets[tid]
			s.Tickets = append(s.Tickets, snapTicket{ID: r.id, Cluster: r.cluster, Raw: r.raw, Vec: r.vec,
				RawKeys: r.rawKeys, Keys: r.keys, Terms: r.terms, Subject: r.subject,
				Customer: r.customer, At: r.at, Pinned: r.pinned, Noise: r.msg.Noise, Individual: r.msg.Individual, Collective: r.msg.Collective, Concepts: r.concepts, Working: r.working, Member: r.member, Indiv: r.indiv, Words: r.words})
		}
	}
	for slot, ex := range e.exemplars {
		if ex != nil {
			s.Exemplars = append(s.Exemplars, snapExemplar{Slot: int32(slot), Vec: ex.vec, Keys: ex.keys,
				Indexed: ex.indexed, Cluster: ex.cluster, Seq: ex.seq})
		}
	}
	for k, v := range e.aliases {
		s.Aliases = append(s.Aliases, [2]int64{k, v})
	}
	sort.Slice(s.Aliases, func(i, j int) bool { return s.Aliases[i][0] < s.Aliases[j][0] })
	for k := range e.cannot {
		s.Cannot = append(s.Cannot, k)
	}
	sort.Slice(s.Cannot, func(i, j int) bool {
		if s.Cannot[i][0] != s.Cannot[j][0] {
			return s.Cannot[i][0] < s.Cannot[j][0]
		}
		return s.Cannot[i][1] < s.Cannot[j][1]
	})
	for k, v := range e.surface {
		s.Surface = append(s.Surface, [2]string{k, v})
	}
	sort.Slice(s.Surface, func(i, j int) bool { return s.Surface[i][0] < s.Surface[j][0] })
	s.RateTotal, s.RateRecent, s.RateFirst = e.rate.total, e.rate.recent, e.rate.first
	for _, name := range e.cfg.Features {
		st := e.features[name]
		if st == nil {
			continue
		}
		sf := snapFeature{Name: name, Reports: st.reports, Candidate: st.candidate, At: st.at}
		for _, a := range st.recent {
			sf.Recent = append(sf.Recent, snapArrival{a.at, a.customer})
		}
		s.Features = append(s.Features, sf)
	}
	if refitted := e.vecs != nil && e.vecs != ShippedVectors(); e.learn != nil || refitted {
		sl := &snapLearn{}
		if l := e.learn; l != nil {
			sl.Words, sl.Uni, sl.Fits = l.words, l.uni, l.fits
			sl.PairKeys = slices.Sorted(maps.Keys(l.pairs))
			for _, k := range sl.PairKeys {
				sl.PairVals = append(sl.PairVals, l.pairs[k])
			}
			for _, ws := range l.pending {
				sl.PendingLens = append(sl.PendingLens, int32(len(ws)))
				sl.Pending = append(sl.Pending, ws...)
			}
		}
		if refitted {
			var err error
			if sl.Vectors, err = e.vecs.MarshalBinary(); err != nil {
				return nil, fmt.Errorf("triage: snapshot: %w", err)
			}
		}
		s.Learn = sl
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(&s); err != nil {
		return nil, fmt.Errorf("triage: snapshot: %w", err)
	}
	return buf.Bytes(), nil
}

// Restore rebuilds an engine from a Snapshot taken under the same Config
// (the parts that shape features must match).
func Restore(cfg Config, data []byte) (*Engine, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	var s snapState
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&s); err != nil {
		return nil, fmt.Errorf("triage: restore: %w", err)
	}
	if s.Version != snapshotVersion {
		return nil, fmt.Errorf("triage: restore: snapshot version %d, want %d", s.Version, snapshotVersion)
	}
	if s.ConfigHash != configHash(cfg) {
		return nil, fmt.Errorf("triage: restore: snapshot was taken with a different feature configuration")
	}
	if len(s.DFIndex) != len(s.DFValue) {
		return nil, fmt.Errorf("triage: restore: corrupt document frequencies")
	}
	e := New(cfg)
	if err := e.restoreLearn(s.Learn); err != nil {
		return nil, err
	}
	for i, h := range s.DFIndex {
		if int(h) >= len(e.df.df) {
			return nil, fmt.Errorf("triage: restore: feature %d outside the hashed space", h)
		}
		e.df.df[h] = s.DFValue[i]
	}
	e.df.n, e.df.inc = s.DFN, s.DFInc
	e.nextID, e.emptyID, e.exSeq = s.NextID, s.EmptyID, s.ExSeq
	for _, t := range s.Tickets {
		e.tickets[t.ID] = &ticketRec{id: t.ID, cluster: t.Cluster, raw: t.Raw, vec: t.Vec, ns: sparseLen(t.Vec), rawKeys: t.RawKeys,
			keys: t.Keys, terms: t.Terms, subject: t.Subject, customer: t.Customer, at: t.At, pinned: t.Pinned,
			msg: Message{Noise: t.Noise, Individual: t.Individual, Collective: t.Collective}, concepts: t.Concepts, working: t.Working, indiv: t.Indiv, words: t.Words}
		r := e.tickets[t.ID]
		if e.learn == nil {
			r.words = nil
		}
		for _, id := range r.words {
			if e.learn != nil && int(id) >= len(e.learn.words) {
				return nil, fmt.Errorf("triage: restore: ticket %d names unknown word %d", t.ID, id)
			}
		}
		r.noise, r.report, r.member = r.msg.Noise != "", r.msg.Grade() == Report, t.Member
	}
	for _, sc := range s.Clusters {
		c := &cluster{id: sc.ID64, slot: sc.Slot, sum: sc.Sum, keySum: sc.KeySum, indexed: sc.Index,
			indexedAt: sc.IndexedAt, members: sc.Members, customers: map[string]int{}, anonymous: sc.Anonymous,
			terms: map[string]int{}, first: sc.First, last: sc.Last, lastNs: sc.Last.UnixNano(),
			candidate: sc.Candidate, candidateAt: sc.CandidateAt, suppressed: sc.Suppressed,
			label: sc.Label, labelTicket: sc.LabelTicket, reports: sc.Reports}
		c.norm = math.Sqrt(norm2(c.sum))
		for _, kv := range sc.Customers {
			c.customers[kv.Key] = kv.N
		}
		for _, kv := range sc.Terms {
			c.terms[kv.Key] = kv.N
		}
		for _, a := range sc.Recent {
			c.burst.recent = append(c.burst.recent, arrival{a.At, a.Customer})
		}
		for _, tid := range c.members {
			if e.tickets[tid] == nil {
				return nil, fmt.Errorf("triage: restore: cluster %d lists unknown ticket %d", c.id, tid)
			}
		}
		e.clusters[c.id] = c
		if c.slot >= 0 {
			for int(c.slot) >= len(e.slots) {
				e.slots = append(e.slots, nil)
				e.states = append(e.states, slotState{})
			}
			if e.slots[c.slot] != nil {
				return nil, fmt.Errorf("triage: restore: two clusters in slot %d", c.slot)
			}
			e.slots[c.slot] = c
			e.syncSlot(c)
			e.idx.add(c.slot, c.indexed)
		}
	}
	// Free slots in ascending order reproduce neither the original free
	// list nor its order, but slots only name clusters internally: every
	// choice is made on cluster ids, so assignments do not depend on them.
	for i := len(e.slots) - 1; i >= 0; i-- {
		if e.slots[i] == nil {
			e.free = append(e.free, int32(i))
		}
	}
	for _, x := range s.Exemplars {
		for int(x.Slot) >= len(e.exemplars) {
			e.exemplars = append(e.exemplars, nil)
		}
		ex := &exemplar{vec: x.Vec, keys: x.Keys, indexed: x.Indexed, cluster: x.Cluster, seq: x.Seq}
		e.exemplars[x.Slot] = ex
		e.exIdx.add(x.Slot, ex.indexed)
	}
	for i := len(e.exemplars) - 1; i >= 0; i-- {
		if e.exemplars[i] == nil {
			e.exFree = append(e.exFree, int32(i))
		}
	}
	for _, a := range s.Aliases {
		e.aliases[a[0]] = a[1]
	}
	for _, k := range s.Cannot {
		e.cannot[k] = true
	}
	for _, kv := range s.Surface {
		e.surface[kv[0]] = kv[1]
	}
	e.rate = deskRate{total: s.RateTotal, recent: s.RateRecent, first: s.RateFirst}
	for _, sf := range s.Features {
		st := e.features[sf.Name]
		if st == nil {
			return nil, fmt.Errorf("triage: restore: the snapshot counts feature %q, which the configuration does not have", sf.Name)
		}
		st.reports, st.candidate, st.at = sf.Reports, sf.Candidate, sf.At
		for _, a := range sf.Recent {
			st.recent = append(st.recent, arrival{a.At, a.Customer})
		}
	}
	return e, nil
}

// restoreLearn puts back the vectors in use and, when this engine learns,
// the learner. A snapshot taken without the learner leaves it to start
// afresh; one restored by an engine that does not learn keeps the vectors
// its tickets' dense blocks were computed with.
func (e *Engine) restoreLearn(sl *snapLearn) error {
	if e.vecs == nil || sl == nil {
		return nil
	}
	bad := func(what string) error { return fmt.Errorf("triage: restore: word vector learner: %s", what) }
	if len(sl.Vectors) > 0 {
		v, err := UnmarshalWordVectors(sl.Vectors)
		if err != nil {
			return bad(err.Error())
		}
		if v.Dims() != e.vecs.Dims() {
			return bad("vectors of another dimension")
		}
		e.vecs = v
	}
	if e.learn == nil {
		return nil
	}
	if len(sl.Uni) != len(sl.Words) || len(sl.PairKeys) != len(sl.PairVals) || len(sl.Words) > maxLearnWords {
		return bad("corrupt counts")
	}
	l := &vecLearner{ids: make(map[string]int32, len(sl.Words)), words: sl.Words, uni: sl.Uni,
		pairs: make(map[uint64]float64, len(sl.PairKeys)), fits: sl.Fits}
	for i, w := range sl.Words {
		l.ids[w] = int32(i)
	}
	n := uint64(len(sl.Words))
	for i, k := range sl.PairKeys {
		if k>>32 >= n || uint64(uint32(k)) >= n {
			return bad("a pair names an unknown word")
		}
		l.pairs[k] = sl.PairVals[i]
	}
	at := 0
	for _, m := range sl.PendingLens {
		if m < 0 || at+int(m) > len(sl.Pending) {
			return bad("corrupt pending words")
		}
		ws := sl.Pending[at : at+int(m) : at+int(m)]
		for _, id := range ws {
			if id >= int32(n) {
				return bad("a pending ticket names an unknown word")
			}
		}
		l.pending = append(l.pending, ws)
		at += int(m)
	}
	e.learn, e.rowOf = l, nil
	e.syncRows()
	return nil
}

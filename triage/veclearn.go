package triage

import (
	"cmp"
	"maps"
	"math"
	"slices"
)

// The dense block learns the desk's own vocabulary (issue 19): the engine
// keeps co-occurrence counts of the words of the tickets it sees, and, at
// the maintenance pass (Refit, beside Refine) once VectorRefit new
// tickets have come, refits the word vectors on the shipped counts and
// the desk's together, as if the desk's tickets had been part of the
// training text:
//
//  1. counts: each ticket's words (the same normalised words the shipped
//     vectors were trained on) are interned to ids and kept with the
//     ticket; at a refit, the words of the tickets since the last one are
//     counted as TrainVectors counts them (window 5 each side, a pair at
//     distance d counts 1/d), into counts that halve every VectorHalfLife
//     tickets and are bounded (maxLearnPairs);
//  2. refit: the shipped counts (wordcounts.bin, written with the shipped
//     vectors by the same generator) plus VectorDeskWeight times the
//     desk's, over the words seen at least twice in all; positive PMI and
//     the same seeded randomized SVD as the shipped vectors; SIF weights
//     from the joint word counts;
//  3. alignment: an SVD's axes are arbitrary, so the new vectors are
//     rotated onto the vectors in use over the words both know
//     (orthogonal Procrustes, see procrustes), which
//     keeps centroids and exemplars built before the refit comparable;
//     the common component stays the one in use;
//  4. every held ticket's dense block is recomputed from its words and
//     the centroids rebuilt (exemplars keep theirs: the alignment keeps
//     them comparable).
//
// The counts, the pending words and the vectors in use are part of the
// snapshot, so Restore(Snapshot()) continues exactly, and two engines fed
// the same tickets in the same order and refitted at the same points hold
// the same vectors. Operator corrections add co-occurrences: a merge pairs
// the two clusters' top words, a move pairs the ticket's words with its
// new cluster's top words (correctionWeight each), so the next refit pulls
// them together. "Not an incident" cannot push words apart in a PPMI model
// (there are no negative counts); it keeps working through the suppressed
// cluster's exemplar.

const (
	// maxLearnWords bounds the desk's interned vocabulary (the shipped
	// words are interned first); past it, a new word is neither
	// learned nor embedded.
	maxLearnWords = 200_000
	// maxLearnPairs bounds the co-occurrence counts; past it the weakest
	// are dropped at the next refit.
	maxLearnPairs = 1_000_000
	// correctionWeight is what an operator's merge or move adds to each
	// pair of words it brings together (a pair of adjacent words in one
	// ticket counts 1).
	correctionWeight = 2.0
	// correctionWords is how many top words of a cluster a correction
	// pairs.
	correctionWords = 8
)

// vecLearner holds the desk's own co-occurrence counts.
type vecLearner struct {
	ids     map[string]int32
	words   []string
	uni     []float64          // decayed count by word id
	pairs   map[uint64]float64 // a<<32|b with a < b, decayed, symmetric
	pending [][]int32          // words of the tickets since the last refit
	fits    int
}

func newVecLearner(shipped *WordVectors) *vecLearner {
	l := &vecLearner{ids: make(map[string]int32, shipped.Len()), pairs: make(map[uint64]float64)}
	for _, w := range shipped.words {
		l.intern(w)
	}
	return l
}

// intern returns w's id, adding it if there is room, or -1.
func (l *vecLearner) intern(w string) int32 {
	if id, ok := l.ids[w]; ok {
		return id
	}
	if len(l.words) >= maxLearnWords {
		return -1
	}
	id := int32(len(l.words))
	l.ids[w] = id
	l.words = append(l.words, w)
	l.uni = append(l.uni, 0)
	return id
}

// addPair adds x to the co-occurrence of words a and b.
func (l *vecLearner) addPair(a, b int32, x float64) {
	if a < 0 || b < 0 || a == b {
		return
	}
	if a > b {
		a, b = b, a
	}
	l.pairs[uint64(a)<<32|uint64(uint32(b))] += x
}

// count adds the pending tickets' words to the counts, after decaying the
// counts by the number of tickets they stand for.
func (l *vecLearner) count(window, halfLife int) {
	if halfLife > 0 && len(l.pending) > 0 {
		f := math.Exp2(-float64(len(l.pending)) / float64(halfLife))
		for i := range l.uni {
			l.uni[i] *= f
		}
		for k, x := range l.pairs {
			if x *= f; x < 1e-3 {
				delete(l.pairs, k)
			} else {
				l.pairs[k] = x
			}
		}
	}
	for _, ws := range l.pending {
		for i, a := range ws {
			if a < 0 {
				continue
			}
			l.uni[a]++
			for d := 1; d <= window && i+d < len(ws); d++ {
				l.addPair(a, ws[i+d], 1/float64(d))
			}
		}
	}
	if len(l.pairs) > maxLearnPairs {
		type kv struct {
			k uint64
			x float64
		}
		all := make([]kv, 0, len(l.pairs))
		for k, x := range l.pairs {
			all = append(all, kv{k, x})
		}
		slices.SortFunc(all, func(a, b kv) int {
			if c := cmp.Compare(b.x, a.x); c != 0 {
				return c
			}
			return cmp.Compare(a.k, b.k)
		})
		for _, p := range all[maxLearnPairs:] {
			delete(l.pairs, p.k)
		}
	}
}

// unitRow is word i's vector from the SVD (u as columns, s the singular
// values, weighted by s^eig), L2-normalised.
func unitRow(u [][]float64, s []float64, i int, eig float64) []float64 {
	vec := make([]float64, len(u))
	var nn float64
	for k := range vec {
		vec[k] = u[k][i] * math.Pow(s[k], eig)
		nn += vec[k] * vec[k]
	}
	if nn = math.Sqrt(nn); nn > 0 {
		for k := range vec {
			vec[k] /= nn
		}
	}
	return vec
}

// ppmi is the positive PMI matrix, in compressed rows, of the symmetric
// co-occurrence counts co over n words (keys a<<32|b, both directions),
// with contexts smoothed by the exponent cds.
//
//go:norace
func ppmi(n int, co map[uint64]float64, cds float64) *csr {
	keys := make([]uint64, 0, len(co))
	for k := range co {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	row := make([]float64, n)
	col := make([]float64, n)
	for _, k := range keys {
		x := co[k]
		row[k>>32] += x
		col[uint32(k)] += x
	}
	var colA float64
	for i := range col {
		col[i] = math.Pow(col[i], cds)
		colA += col[i]
	}
	m := &csr{n: n, ptr: make([]int32, n+1)}
	for _, k := range keys {
		r, c := int(k>>32), int(uint32(k))
		if pmi := math.Log(co[k] * colA / (row[r] * col[c])); pmi > 0 {
			m.ptr[r+1]++
			m.col = append(m.col, int32(c))
			m.val = append(m.val, pmi)
		}
	}
	for i := 0; i < n; i++ {
		m.ptr[i+1] += m.ptr[i]
	}
	return m
}

// procrustes returns the d×d orthogonal matrix R (row-major) minimising
// Σ‖a_i·R − b_i‖² over the pairs of rows: R = M(MᵀM)^-½ with M = Σ a_iᵀb_i,
// which is UVᵀ for M = UΣVᵀ. Directions M does not see (eigenvalues of
// MᵀM near zero) are left out. It reports false when M is degenerate.
//
//go:norace
func procrustes(a, b [][]float64, d int) ([]float64, bool) {
	m := make([]float64, d*d)
	for i := range a {
		for p := 0; p < d; p++ {
			x := a[i][p]
			if x == 0 {
				continue
			}
			row := m[p*d : (p+1)*d]
			for q, y := range b[i] {
				row[q] += x * y
			}
		}
	}
	mtm := make([]float64, d*d)
	for p := 0; p < d; p++ {
		for q := p; q < d; q++ {
			var s float64
			for k := 0; k < d; k++ {
				s += m[k*d+p] * m[k*d+q]
			}
			mtm[p*d+q], mtm[q*d+p] = s, s
		}
	}
	vals, vecs := jacobiEigen(mtm, d)
	top := slices.Max(vals)
	if !(top > 0) {
		return nil, false
	}
	// (MᵀM)^-½ = V diag(λ^-½) Vᵀ.
	inv := make([]float64, d*d)
	for e, lam := range vals {
		if lam <= top*1e-10 {
			continue
		}
		w := 1 / math.Sqrt(lam)
		for p := 0; p < d; p++ {
			vp := vecs[p*d+e] * w
			if vp == 0 {
				continue
			}
			for q := 0; q < d; q++ {
				inv[p*d+q] += vp * vecs[q*d+e]
			}
		}
	}
	r := make([]float64, d*d)
	for p := 0; p < d; p++ {
		for k := 0; k < d; k++ {
			x := m[p*d+k]
			if x == 0 {
				continue
			}
			for q := 0; q < d; q++ {
				r[p*d+q] += x * inv[k*d+q]
			}
		}
	}
	return r, true
}

// principal returns the leading eigenvector of the symmetric d×d matrix
// cov by power iteration; false when cov is zero (the start vector is
// returned then).
func principal(cov []float64, d int) ([]float64, bool) {
	pc := make([]float64, d)
	for k := range pc {
		pc[k] = 1 / math.Sqrt(float64(d))
	}
	next := make([]float64, d)
	for it := 0; it < 200; it++ {
		var nn float64
		for a := 0; a < d; a++ {
			var x float64
			for b := 0; b < d; b++ {
				x += cov[a*d+b] * pc[b]
			}
			next[a] = x
			nn += x * x
		}
		nn = math.Sqrt(nn)
		if nn == 0 {
			return pc, it > 0
		}
		for a := range pc {
			pc[a] = next[a] / nn
		}
	}
	return pc, true
}

// addOuter adds x·xᵀ to the row-major square matrix cov.
func addOuter(cov []float64, x []float32) {
	d := len(x)
	for a := 0; a < d; a++ {
		xa := float64(x[a])
		for b := 0; b < d; b++ {
			cov[a*d+b] += xa * float64(x[b])
		}
	}
}

// appendWord adds word w with the unit vector vec and SIF weight weight,
// quantised to int8 with a scale per word.
func (v *WordVectors) appendWord(w string, vec []float64, weight float64) {
	var mx float64
	for _, x := range vec {
		mx = max(mx, math.Abs(x))
	}
	v.words = append(v.words, w)
	v.weight = append(v.weight, float32(weight))
	sc := mx / 127
	if mx == 0 {
		sc = 0
	}
	v.scale = append(v.scale, float32(sc))
	for _, x := range vec {
		q := int8(0)
		if sc > 0 {
			q = int8(math.Round(x / sc))
		}
		v.data = append(v.data, q)
	}
}

// unitRow is word j's stored vector, dequantised, before the SIF weight.
func (v *WordVectors) unitRow(j int) []float64 {
	out := make([]float64, v.dims)
	sc := float64(v.scale[j])
	for k := range out {
		out[k] = sc * float64(v.data[j*v.dims+k])
	}
	return out
}

// learnWords interns toks' vector words and queues them for the next
// refit; it returns them as learner ids.
func (e *Engine) learnWords(toks []token) []int32 {
	n := 0
	for _, t := range toks {
		if vecWord(t) {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	ws := make([]int32, 0, n)
	for _, t := range toks {
		if vecWord(t) {
			ws = append(ws, e.learn.intern(t.Text))
		}
	}
	e.learn.pending = append(e.learn.pending, ws)
	return ws
}

// denseOf writes the dense vector of words (learner ids) into e.denseBuf
// and reports whether any is known to the vectors in use.
func (e *Engine) denseOf(words []int32) bool {
	if len(e.rowOf) < len(e.learn.words) {
		e.syncRows()
	}
	rows := e.rowBuf[:0]
	for _, id := range words {
		if id >= 0 {
			rows = append(rows, e.rowOf[id])
		}
	}
	e.rowBuf = rows
	return e.vecs.sentenceRows(rows, e.denseBuf)
}

// syncRows maps the learner's words to rows of the vectors in use: from
// scratch after a refit, else for the words interned since.
func (e *Engine) syncRows() {
	for id := len(e.rowOf); id < len(e.learn.words); id++ {
		row := int32(-1)
		if j, ok := e.vecs.index[e.learn.words[id]]; ok {
			row = j
		}
		e.rowOf = append(e.rowOf, row)
	}
}

// A Refit is one refit of the word vectors in three steps, so that a
// service can run the costly middle one without holding up its tickets:
// PrepareRefit (under the caller's serialisation, like Assign: it counts
// the pending words and copies what the fit needs), Compute (on its own:
// the joint SVD and the rotation, seconds on a large vocabulary; it reads
// nothing the engine changes), ApplyRefit (serialised again: the new
// vectors in, every held ticket re-embedded, centroids rebuilt). Tickets
// assigned between Prepare and Apply are re-embedded like the others;
// their words wait for the next refit.
type Refit struct {
	e   *Engine
	wc  *wordCounts
	old *WordVectors
	opt TrainOptions
	out *WordVectors
}

// PrepareRefit starts a refit when VectorRefit tickets came since the
// last one; nil when none is due.
func (e *Engine) PrepareRefit() *Refit {
	if e.learn == nil || len(e.learn.pending) < e.cfg.VectorRefit {
		return nil
	}
	opt := DefaultTrainOptions()
	e.learn.count(opt.Window, e.cfg.VectorHalfLife)
	e.learn.pending = nil
	wc := e.jointCounts(opt)
	if wc == nil {
		return nil
	}
	return &Refit{e: e, wc: wc, old: e.vecs, opt: opt}
}

// Compute fits the vectors. It is safe to run while the engine assigns
// tickets.
func (r *Refit) Compute() { r.out = r.wc.refit(r.old, r.opt) }

// ApplyRefit puts a computed refit's vectors in use, re-embeds every held
// ticket and rebuilds every centroid. It reports whether it did: a refit
// of another engine (one rebuilt meanwhile), or one whose alignment
// failed, changes nothing.
func (e *Engine) ApplyRefit(r *Refit) bool {
	if r == nil || r.e != e || r.out == nil || e.vecs != r.old {
		return false
	}
	e.learn.fits++
	e.vecs = r.out
	e.rowOf = e.rowOf[:0]
	e.syncRows()
	for _, id := range slices.Sorted(maps.Keys(e.tickets)) {
		t := e.tickets[id]
		if t.ns == 0 || t.words == nil {
			continue
		}
		t.vec = e.withDense(t.vec[:t.ns], e.denseBuf, e.denseOf(t.words))
	}
	for _, id := range e.sortedClusterIDs() {
		if c := e.clusters[id]; c.slot >= 0 {
			e.rebuild(c)
		}
	}
	return true
}

// Refit is the three steps at once: the refit, when one is due (see
// VectorRefit), done in place. It reports whether the vectors changed.
// Call it beside Refine (the maintenance pass), before it.
func (e *Engine) Refit() bool {
	r := e.PrepareRefit()
	if r == nil {
		return false
	}
	r.Compute()
	return e.ApplyRefit(r)
}

// learnTogether adds correctionWeight to every pair of words from a and
// b (an operator said they belong together); the next refit sees it.
func (e *Engine) learnTogether(a, b []string) {
	if e.learn == nil {
		return
	}
	for _, x := range a {
		ia := e.learn.intern(x)
		for _, y := range b {
			e.learn.addPair(ia, e.learn.intern(y), correctionWeight)
		}
	}
}

// topWords returns c's k most frequent terms (ties by word).
func topWords(c *cluster, k int) []string {
	ws := slices.Collect(maps.Keys(c.terms))
	slices.SortFunc(ws, func(a, b string) int {
		if d := cmp.Compare(c.terms[b], c.terms[a]); d != 0 {
			return d
		}
		return cmp.Compare(a, b)
	})
	return ws[:min(k, len(ws))]
}

// jointCounts returns the shipped counts plus the desk's (weighed by
// VectorDeskWeight), over the words seen at least opt.MinCount times in
// all; nil without shipped counts.
func (e *Engine) jointCounts(opt TrainOptions) *wordCounts {
	base, err := shippedCounts()
	if err != nil || base == nil {
		return nil
	}
	l, lam := e.learn, e.cfg.VectorDeskWeight
	joint := make(map[string]float64, len(base.words)+len(l.words))
	for i, w := range base.words {
		joint[w] = base.count[i]
	}
	total := base.total
	for id, n := range l.uni {
		if n > 0 {
			joint[l.words[id]] += lam * n
			total += lam * n
		}
	}
	wc := &wordCounts{total: total, pairs: make(map[uint64]float64, 2*len(base.pairs))}
	for w, n := range joint {
		if n >= float64(opt.MinCount) && len(w) <= 255 {
			wc.words = append(wc.words, w)
		}
	}
	slices.SortFunc(wc.words, func(a, b string) int {
		if c := cmp.Compare(joint[b], joint[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	if len(wc.words) > opt.MaxVocab {
		wc.words = wc.words[:opt.MaxVocab]
	}
	wc.index = make(map[string]int32, len(wc.words))
	wc.count = make([]float64, len(wc.words))
	for i, w := range wc.words {
		wc.index[w] = int32(i)
		wc.count[i] = joint[w]
	}
	add := func(a, b string, x float64) {
		i, okA := wc.index[a]
		j, okB := wc.index[b]
		if okA && okB {
			wc.pairs[uint64(i)<<32|uint64(uint32(j))] += x
			wc.pairs[uint64(j)<<32|uint64(uint32(i))] += x
		}
	}
	for k, x := range base.pairs {
		if a, b := k>>32, uint32(k); a < uint64(b) {
			add(base.words[a], base.words[b], x)
		}
	}
	for k, x := range l.pairs {
		add(l.words[k>>32], l.words[uint32(k)], lam*x)
	}
	return wc
}

// refit fits vectors on c and rotates them onto old (see the top of this
// file); nil when the alignment cannot be made.
func (c *wordCounts) refit(old *WordVectors, opt TrainOptions) *WordVectors {
	rows := c.fit(opt)
	var a, b [][]float64
	for i, w := range c.words {
		if j, ok := old.index[w]; ok {
			a = append(a, rows[i])
			b = append(b, old.unitRow(int(j)))
		}
	}
	d := old.dims
	if len(a) < d {
		return nil
	}
	r, ok := procrustes(a, b, d)
	if !ok {
		return nil
	}
	nv := &WordVectors{dims: d, index: c.index, pc: slices.Clone(old.pc)}
	out := make([]float64, d)
	for i, row := range rows {
		clear(out)
		for p, x := range row {
			if x != 0 {
				for q, y := range r[p*d : (p+1)*d] {
					out[q] += x * y
				}
			}
		}
		var nn float64
		for _, x := range out {
			nn += x * x
		}
		if nn = math.Sqrt(nn); nn > 0 {
			for k := range out {
				out[k] /= nn
			}
		}
		nv.appendWord(c.words[i], out, c.weight(i, opt.SIF))
	}
	nv.dequantise()
	return nv
}

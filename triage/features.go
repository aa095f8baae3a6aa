package triage

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
)

// entry is one coordinate of a sparse vector.
type entry struct {
	H uint32
	W float32
}

// svec is a sparse vector sorted by H with unique H.
type svec []entry

// Feature family seeds keep unigrams, bigrams and character n-grams apart in
// the shared hashed space.
const (
	seedWord    uint32 = 0x9e3779b9
	seedBigram  uint32 = 0x85ebca6b
	seedChar    uint32 = 0xc2b2ae35
	seedConcept uint32 = 0x27d4eb2f
)

// stopwords are dropped from word features (they still separate n-grams).
// Negation ("not") is deliberately absent so "can log in" and "can't log in"
// differ.
var stopwords = map[string]bool{}

func init() {
	for _, w := range []string{"a", "about", "above", "after", "again", "all", "am", "an",
		"and", "any", "are", "as", "at", "be", "because", "been", "before",
		"being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
		"does", "doing", "down", "during", "each", "few", "for", "from",
		"further", "had", "has", "have", "having", "he", "her", "here", "hers",
		"herself", "him", "himself", "his", "i", "if", "in", "into", "is",
		"it", "its", "itself", "just", "me", "more", "most", "my", "myself",
		"of", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "own",
		"s", "same", "she", "should", "so", "some", "such", "t", "than", "that", "the", "their",
		"theirs", "them", "themselves", "then", "there", "these", "they",
		"this", "those", "through", "to", "too", "until", "very", "was", "we", "were",
		"which", "while", "who", "whom", "will", "would", "with", "you", "your", "yours", "yourself",
		"yourselves", "please", "hi", "hello", "hey", "thanks", "thank", "u", "im", "ive", "id",
		"may", "might", "must", "shall", "also", "get", "got", "want", "need", "like", "know",
		"let", "help", "one", "yes", "ok", "okay", "yeah", "well", "oh", "um", "uh"} {
		stopwords[w] = true
	}
}

func fnvAdd(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

func mix(h uint32) uint32 {
	h ^= h >> 16
	h *= 0x7feb352d
	h ^= h >> 15
	h *= 0x846ca68b
	h ^= h >> 16
	return h
}

// extractor turns tokens into raw term frequencies per hashed feature.
type extractor struct {
	cfg  Config
	mask uint32
	buf  []uint32 // scratch: hashed features with family tag in the low bits
	tmp  []uint32 // scratch for sorting buf
	cnt  []int32  // scratch for sorting buf
	keys svec     // scratch: retrieval keys
	out  svec     // scratch: features
	rb   []rune
}

// feat packs a hashed feature and its family (0 word, 1 bigram, 2 char,
// 3 concept) into one sortable word. HashBits is at most 26, so it fits.
func feat(h uint32, family uint32) uint32 { return h<<2 | family }

// raw returns the ticket's raw feature weights: for each hashed feature,
// family weight x (1 + ln tf). IDF is applied later, so it can be
// recomputed as document frequencies evolve.
//
// It also returns the ticket's retrieval keys: its content words (hashed
// like word unigrams, weight 1), which the inverted index uses to find
// candidate clusters whatever the feature families' weights.
//
// Both share one fresh allocation of their exact size (the ticket keeps
// them); raw's capacity ends where keys begin.
func (x *extractor) raw(toks []token) (raw, keys svec) {
	x.buf = x.buf[:0]
	ks := x.keys[:0]
	var prev string
	for _, t := range toks {
		w := t.Text
		if t.stop {
			if x.cfg.CharStopwords && x.cfg.CharWeight > 0 {
				x.charGrams(w)
			}
			continue
		}
		ks = append(ks, entry{H: mix(fnvAdd(seedWord, w)) & x.mask, W: 1})
		if t.Canon && x.cfg.ConceptWeight > 0 {
			x.buf = append(x.buf, feat(mix(fnvAdd(seedConcept, w))&x.mask, 3))
		}
		if x.cfg.WordWeight > 0 {
			x.buf = append(x.buf, feat(mix(fnvAdd(seedWord, w))&x.mask, 0))
		}
		if x.cfg.BigramWeight > 0 && prev != "" {
			h := fnvAdd(fnvAdd(seedBigram, prev), " ")
			x.buf = append(x.buf, feat(mix(fnvAdd(h, w))&x.mask, 1))
		}
		prev = w
		if x.cfg.CharWeight > 0 {
			x.charGrams(w)
		}
	}
	if len(ks) == 0 && x.cfg.CharStopwords {
		// Only stop words: they are the text's retrieval keys, or the
		// text could never find its cluster.
		for _, t := range toks {
			ks = append(ks, entry{H: mix(fnvAdd(seedWord, t.Text)) & x.mask, W: 1})
		}
	}
	if len(ks) > 0 {
		slices.SortFunc(ks, func(a, b entry) int { return cmp.Compare(a.H, b.H) })
		ks = slices.CompactFunc(ks, func(a, b entry) bool { return a.H == b.H })
	}
	x.keys = ks
	fs := x.out[:0]
	if len(x.buf) > 0 {
		// Each entry is (hash << 2 | family): one sort groups equal
		// features, and a hash shared by two families (a collision) stays
		// together.
		x.sortBuf()
		weights := [4]float32{float32(x.cfg.WordWeight), float32(x.cfg.BigramWeight), float32(x.cfg.CharWeight), float32(x.cfg.ConceptWeight)}
		buf := x.buf
		for i := 0; i < len(buf); {
			j := i + 1
			for j < len(buf) && buf[j] == buf[i] {
				j++
			}
			h := buf[i] >> 2
			w := weights[buf[i]&3] * sublinearTF(j-i)
			if n := len(fs); n > 0 && fs[n-1].H == h {
				fs[n-1].W += w
			} else {
				fs = append(fs, entry{H: h, W: w})
			}
			i = j
		}
		x.out = fs
	}
	if len(fs)+len(ks) == 0 {
		return nil, nil
	}
	block := make(svec, len(fs)+len(ks))
	if len(fs) > 0 {
		raw = block[:len(fs):len(fs)]
		copy(raw, fs)
	}
	if len(ks) > 0 {
		keys = block[len(fs):]
		copy(keys, ks)
	}
	return raw, keys
}

// sortBuf sorts x.buf. The features are hashes, spread evenly over
// [0, 2^(HashBits+2)), so a distribution into about len(buf) buckets by
// their top bits followed by an insertion sort is linear on average; should
// the insertion sort need too many moves (inputs made to collide), it hands
// over to slices.Sort.
func (x *extractor) sortBuf() {
	a := x.buf
	n := len(a)
	if n <= 32 {
		slices.Sort(a)
		return
	}
	width := uint(bits.Len32(x.mask)) + 2
	lb := uint(bits.Len(uint(n - 1)))
	if lb > width {
		lb = width
	}
	shift := width - lb
	nb := 1 << lb
	if cap(x.cnt) < nb+1 {
		x.cnt = make([]int32, nb+1)
	}
	cnt := x.cnt[:nb+1]
	clear(cnt)
	for _, v := range a {
		cnt[v>>shift+1]++
	}
	for i := 1; i <= nb; i++ {
		cnt[i] += cnt[i-1]
	}
	if cap(x.tmp) < n {
		x.tmp = make([]uint32, n, cap(a))
	}
	t := x.tmp[:n]
	for _, v := range a {
		b := v >> shift
		t[cnt[b]] = v
		cnt[b]++
	}
	budget := 4*n + 64
	for i := 1; i < n; i++ {
		v := t[i]
		j := i
		for j > 0 && t[j-1] > v {
			t[j] = t[j-1]
			j--
		}
		t[j] = v
		if budget -= i - j; budget < 0 {
			slices.Sort(t)
			break
		}
	}
	x.buf, x.tmp = t, a
}

// charGrams appends the character n-grams of " w " (word-bounded).
func (x *extractor) charGrams(w string) {
	x.rb = append(x.rb[:0], ' ')
	for _, r := range w {
		x.rb = append(x.rb, r)
	}
	x.rb = append(x.rb, ' ')
	rb := x.rb
	for n := x.cfg.CharMin; n <= x.cfg.CharMax; n++ {
		if n > len(rb) {
			break
		}
		for i := 0; i+n <= len(rb); i++ {
			h := seedChar ^ uint32(n)
			for _, r := range rb[i : i+n] {
				h ^= uint32(r)
				h *= 16777619
			}
			x.buf = append(x.buf, feat(mix(h)&x.mask, 2))
		}
		if n >= len(rb) {
			break
		}
	}
}

// docFreq holds document frequencies learned online with exponential
// decay. Counts are stored inflated by inc (which grows by a constant
// factor per document) so decay costs O(1) per document.
type docFreq struct {
	df     []float64
	n      float64 // inflated document count
	inc    float64 // weight of the next document
	growth float64
	room   int // spare capacity weighBoth leaves after a vector (the dense block's)
}

func newDocFreq(bits, halfLife int) *docFreq {
	return &docFreq{df: make([]float64, 1<<bits), inc: 1, growth: math.Pow(2, 1/float64(halfLife))}
}

// observe counts one document with features v and retrieval keys k
// (a hash in both counts once).
func (d *docFreq) observe(v, k svec) {
	// The features first, in a loop without data-dependent branches, so
	// that the table's cache misses overlap; then the few keys that are
	// not also features.
	df, inc := d.df, d.inc
	for _, e := range v {
		df[e.H] += inc
	}
	i := 0
	for _, e := range k {
		for i < len(v) && v[i].H < e.H {
			i++
		}
		if i < len(v) && v[i].H == e.H {
			continue // counted as a feature
		}
		df[e.H] += inc
	}
	d.n += d.inc
	d.inc *= d.growth
	if d.inc > 1e100 {
		s := 1 / d.inc
		for i, f := range d.df {
			if f != 0 {
				d.df[i] = f * s
			}
		}
		d.n *= s
		d.inc = 1
	}
}

// weigh applies IDF to raw weights and L2-normalises. The IDF is
// scikit-learn's smoothed one, ln((1+N)/(1+df)) + 1, on decayed counts,
// with ln(1+N) computed once per vector.
func (d *docFreq) weigh(raw svec) svec {
	if len(raw) == 0 {
		return nil
	}
	return d.weighInto(make(svec, len(raw)), raw)
}

// weighBoth weighs a ticket's features and its retrieval keys like weigh,
// into one allocation, with room for the dense block after the features.
func (d *docFreq) weighBoth(raw, keys svec) (vec, kvec svec) {
	n := len(raw)
	if n+len(keys) == 0 {
		return nil, nil
	}
	r := 0
	if n > 0 {
		r = d.room
	}
	block := make(svec, n+r+len(keys))
	if n > 0 {
		vec = d.weighInto(block[:n:n+r], raw)
	}
	if len(keys) > 0 {
		kvec = d.weighInto(block[n+r:], keys)
	}
	return vec, kvec
}

// weighInto is weigh writing into out, which has raw's length.
func (d *docFreq) weighInto(out, raw svec) svec {
	var ss float64
	s := 1 / d.inc
	lnN := math.Log(1 + d.n*s)
	for i, e := range raw {
		w := float64(e.W) * (lnN - math.Log(1+d.df[e.H]*s) + 1)
		out[i] = entry{H: e.H, W: float32(w)}
		ss += w * w
	}
	if ss == 0 {
		return nil
	}
	inv := float32(1 / math.Sqrt(ss))
	for i := range out {
		out[i].W *= inv
	}
	return out
}

// dot returns the inner product of two sorted sparse vectors. It merges
// when the lengths are alike and gallops (exponential then binary search)
// through the longer one when it is much longer, as a big centroid is
// against one ticket. Both add the products in increasing H order, so they
// give the same result.
func dot(a, b svec) float64 {
	if at, bt := blockOf(a), blockOf(b); at > 0 && bt > 0 {
		return dotMerge(a[:at], b[:bt]) + denseDot(a[at:], b[bt:])
	}
	return dotMerge(a, b)
}

// blockOf returns where v's dense block starts when v ends with a whole
// one (see withDense), else 0. Every dense block has the same
// coordinates, so two blocks are added or multiplied place by place.
func blockOf(v svec) int {
	if i := len(v) - blockDims; blockDims > 0 && i > 0 && v[i].H == blockFirst {
		return i
	}
	return 0
}

// dotMerge is dot over sorted coordinates.
func dotMerge(a, b svec) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 0 {
		return 0
	}
	var s float64
	if len(b) > 4*len(a) {
		lo := 0
		for _, e := range a {
			// Gallop from lo to bracket e.H, then binary search.
			step := 1
			hi := lo
			for hi < len(b) && b[hi].H < e.H {
				lo = hi + 1
				hi += step
				step <<= 1
			}
			if hi > len(b) {
				hi = len(b)
			}
			for lo < hi {
				m := int(uint(lo+hi) >> 1)
				if b[m].H < e.H {
					lo = m + 1
				} else {
					hi = m
				}
			}
			if lo == len(b) {
				break
			}
			if b[lo].H == e.H {
				s += float64(e.W) * float64(b[lo].W)
				lo++
			}
		}
		return s
	}
	i, j := 0, 0
	ah, bh := a[0].H, b[0].H
	for {
		switch {
		case ah < bh:
			i++
			if i == len(a) {
				return s
			}
			ah = a[i].H
		case ah > bh:
			j++
			if j == len(b) {
				return s
			}
			bh = b[j].H
		default:
			s += float64(a[i].W) * float64(b[j].W)
			i++
			j++
			if i == len(a) || j == len(b) {
				return s
			}
			ah, bh = a[i].H, b[j].H
		}
	}
}

// dotTable scores one sparse vector (a ticket) against several others (its
// candidate centroids) faster than dot, whose merge branches the processor
// cannot predict. A 4096-bit bitmap of the vector's hashes filters the
// other's coordinates without branches; the few that pass are looked up in
// a small open-addressing table. The matched products are added in
// increasing H order, as dot adds them, so the result is dot's, bit for bit.
type dotTable struct {
	bits [64]uint64 // bit H%4096 is set for every coordinate of the vector
	keys []uint32   // H+1 of the coordinate in a cell, 0 when empty
	vals []float32
	mask uint32
	hits []int32 // scratch: positions that pass the bitmap
}

// load makes t hold v.
func (t *dotTable) load(v svec) {
	t.bits = [64]uint64{}
	n := 16 // cells: at most a quarter full
	for n < 4*len(v) {
		n <<= 1
	}
	if cap(t.keys) < n {
		t.keys = make([]uint32, n)
		t.vals = make([]float32, n)
	} else {
		t.keys = t.keys[:n]
		t.vals = t.vals[:n]
		clear(t.keys)
	}
	t.mask = uint32(n - 1)
	for _, e := range v {
		// H is a mixed hash: its low bits are uniform.
		t.bits[e.H>>6&63] |= 1 << (e.H & 63)
		i := e.H & t.mask
		for t.keys[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.keys[i] = e.H + 1
		t.vals[i] = e.W
	}
}

// dot returns dot(v, b) for the vector v that t holds.
func (t *dotTable) dot(b svec) float64 {
	if cap(t.hits) < len(b) {
		t.hits = make([]int32, len(b)+len(b)/4)
	}
	hits := t.hits[:len(b)]
	n := 0
	for j, e := range b {
		// Branch-free: record j, and keep it only if its bit is set.
		hits[n] = int32(j)
		n += int(t.bits[e.H>>6&63] >> (e.H & 63) & 1)
	}
	keys, vals, mask := t.keys, t.vals, t.mask
	var s float64
	for _, j := range hits[:n] {
		e := b[j]
		for i := e.H & mask; ; i = (i + 1) & mask {
			k := keys[i]
			if k == e.H+1 {
				s += float64(vals[i]) * float64(e.W)
				break
			}
			if k == 0 {
				break // a false positive of the bitmap
			}
		}
	}
	return s
}

// addScaled returns a + f*b (sorted union), keeping positive coordinates
// and every coordinate of the dense block (whose weights are signed).
func addScaled(a, b svec, f float32) svec {
	out := make(svec, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j >= len(b) || (i < len(a) && a[i].H < b[j].H):
			out = append(out, a[i])
			i++
		case i >= len(a) || a[i].H > b[j].H:
			if w := f * b[j].W; w > 1e-6 || b[j].H >= denseBase {
				out = append(out, entry{H: b[j].H, W: w})
			}
			j++
		default:
			// Centroids are sums of non-negative vectors; what cancels
			// (or goes negative after pruning) is dropped.
			if w := a[i].W + f*b[j].W; w > 1e-6 || a[i].H >= denseBase {
				out = append(out, entry{H: a[i].H, W: w})
			}
			i++
			j++
		}
	}
	return out
}

func norm2(v svec) float64 {
	var s float64
	for _, e := range v {
		s += float64(e.W) * float64(e.W)
	}
	return s
}

// topK returns the k strongest coordinates of v (by weight, ties by lower
// H), strongest first. It keeps a sorted buffer of k entries, so most
// coordinates cost one comparison.
func topK(v svec, k int) svec {
	if len(v) == 0 {
		return nil
	}
	return topKInto(make(svec, 0, min(len(v), k)), v, k)
}

// topKInto is topK appending to out, which must be empty.
func topKInto(out, v svec, k int) svec {
	if len(v) <= k {
		out = append(out, v...)
		slices.SortFunc(out, strongerFirst)
		return out
	}
	for _, e := range v {
		if len(out) == k && strongerFirst(e, out[k-1]) >= 0 {
			continue
		}
		i, _ := slices.BinarySearchFunc(out, e, strongerFirst)
		if len(out) < k {
			out = append(out, entry{})
		}
		copy(out[i+1:], out[i:])
		out[i] = e
	}
	return out
}

// prune keeps the k strongest coordinates of v, sorted by H.
//
// The dense block's coordinates (the tail, see withDense) are all kept
// and do not count toward k: they are few and carry signed weights.
func prune(v svec, k int) svec {
	head, tail := splitDense(v)
	if k <= 0 || len(head) <= k {
		return v
	}
	t := topK(head, k)
	slices.SortFunc(t, func(a, b entry) int { return cmp.Compare(a.H, b.H) })
	return append(t, tail...)
}

// strongerFirst orders entries by weight descending, then by H ascending.
func strongerFirst(a, b entry) int {
	if a.W != b.W {
		if a.W > b.W {
			return -1
		}
		return 1
	}
	return cmp.Compare(a.H, b.H)
}

// addInPlace returns a + b like addScaled(a, b, 1) but reuses a's backing
// array when it has room. The sum is merged into *scratch and copied back,
// which is cheaper than counting the new coordinates first. Centroids grow
// by one ticket at a time and mostly gain few new coordinates, so this
// saves an allocation per assignment.
func addInPlace(a, b svec, scratch *svec) svec {
	if len(b) == 0 {
		return a
	}
	n := len(a) + len(b)
	if cap(*scratch) < n {
		*scratch = make(svec, n+n/4)
	}
	t := (*scratch)[:n]
	// The dense blocks are added place by place after the merge.
	var at, bt svec
	if i, j := blockOf(a), blockOf(b); i > 0 && j > 0 {
		a, at, b, bt = a[:i], a[i:], b[:j], b[j:]
	}
	i, k := 0, 0
	for _, y := range b {
		for i < len(a) && a[i].H < y.H {
			t[k] = a[i]
			i++
			k++
		}
		if i < len(a) && a[i].H == y.H {
			t[k] = entry{H: y.H, W: a[i].W + y.W}
			i++
		} else {
			t[k] = y
		}
		k++
	}
	k += copy(t[k:], a[i:])
	if at != nil {
		block := t[k : k+len(at)]
		for j, x := range at {
			block[j] = entry{H: x.H, W: x.W + bt[j].W}
		}
		k += len(at)
		a = a[:len(a)+len(at)] // a's block is still behind its head
	}
	if k > cap(a) {
		a = make(svec, k, k+k/4+8)
	}
	a = a[:k]
	copy(a, t[:k])
	return a
}

// sublinearTable holds 1 + ln(tf) for small tf, the common case.
var sublinearTable = func() (t [32]float32) {
	for i := 1; i < len(t); i++ {
		t[i] = 1 + float32(math.Log(float64(i)))
	}
	return t
}()

// sublinearTF is scikit-learn's sublinear_tf weight, 1 + ln(tf).
func sublinearTF(tf int) float32 {
	if tf < len(sublinearTable) {
		return sublinearTable[tf]
	}
	return 1 + float32(math.Log(float64(tf)))
}

package triage

// posting says that the cluster (or exemplar) in slot has weight w on a
// feature.
type posting struct {
	slot int32
	w    float32
}

// index is an inverted index from hashed retrieval keys (content words) to
// slots. Only each entry's strongest keys are indexed, so a query touches a
// small share of the clusters; candidates are then scored exactly.
type index struct {
	post    map[uint32][]posting
	acc     []float32 // partial scores by slot, all zero between queries
	touched []int32
	lists   [][]posting // scratch for accumulate
	// at lists, by slot, where the slot's postings are, so that remove
	// needs no search through long posting lists.
	at [][]postingRef
}

// postingRef locates one posting: list h, position i (-1 once removed).
type postingRef struct {
	h uint32
	i int32
}

func newIndex() index { return index{post: make(map[uint32][]posting)} }

// add indexes feats for slot.
func (x *index) add(slot int32, feats svec) {
	for int(slot) >= len(x.acc) {
		x.acc = append(x.acc, 0)
		x.at = append(x.at, nil)
	}
	for _, e := range feats {
		list := x.post[e.H]
		x.at[slot] = append(x.at[slot], postingRef{h: e.H, i: int32(len(list))})
		x.post[e.H] = append(list, posting{slot: slot, w: e.W})
	}
}

// remove drops all of slot's postings. Order within a posting list is not
// preserved and does not matter: the score of one slot gets at most one
// term per query feature, added in query order.
func (x *index) remove(slot int32) {
	if int(slot) >= len(x.at) {
		return
	}
	refs := x.at[slot]
	for r := range refs {
		ref := &refs[r]
		list := x.post[ref.h]
		last := int32(len(list) - 1)
		if ref.i != last {
			// The last posting moves into the hole: update its reference.
			moved := list[last]
			list[ref.i] = moved
			for k, m := range x.at[moved.slot] {
				if m.h == ref.h && m.i == last {
					x.at[moved.slot][k].i = ref.i
					break
				}
			}
		}
		ref.i = -1
		list = list[:last]
		if len(list) == 0 {
			delete(x.post, ref.h)
		} else {
			x.post[ref.h] = list
		}
	}
	x.at[slot] = refs[:0]
}

// query accumulates partial scores of q's features (q in query order) and
// calls visit for every touched slot, then clears the accumulator. Posting
// lists longer than maxPost are skipped: such features (the "card" of a
// card-issuing bank) are shared by too many clusters to narrow the search,
// and skipping them bounds the cost per query whatever the number of
// clusters. Which lists are skipped depends only on the index contents, so
// the result stays deterministic.
//
// When every matching list was skipped, the shortest of them is scanned, so
// a ticket made only of very common words still finds its cluster.
func (x *index) query(q svec, maxPost int, visit func(slot int32, score float32)) {
	x.accumulate(q, maxPost)
	for _, s := range x.touched {
		visit(s, x.acc[s])
		x.acc[s] = 0
	}
	x.touched = x.touched[:0]
}

// accumulate is query without the callback: it leaves the partial scores
// in acc for the slots in touched. The caller must then zero acc for the
// touched slots and empty touched (Engine.nearest does so as it reads
// them).
func (x *index) accumulate(q svec, maxPost int) {
	// Look all the lists up first: the lookups are independent, so their
	// cache misses overlap, which they would not between scans.
	lists := x.lists[:0]
	for _, e := range q {
		lists = append(lists, x.post[e.H])
	}
	var skippedW float32
	var skippedList []posting
	for k, e := range q {
		list := lists[k]
		if maxPost > 0 && len(list) > maxPost {
			if skippedList == nil || len(list) < len(skippedList) {
				skippedW, skippedList = e.W, list
			}
			continue
		}
		x.scan(e.W, list)
	}
	if len(x.touched) == 0 && skippedList != nil {
		x.scan(skippedW, skippedList)
	}
	clear(lists) // hold no posting arrays
	x.lists = lists[:0]
}

func (x *index) scan(w float32, list []posting) {
	for _, p := range list {
		if x.acc[p.slot] == 0 {
			x.touched = append(x.touched, p.slot)
		}
		x.acc[p.slot] += w * p.w
	}
}

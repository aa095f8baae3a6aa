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
}

func newIndex() index { return index{post: make(map[uint32][]posting)} }

// add indexes feats for slot.
func (x *index) add(slot int32, feats svec) {
	for int(slot) >= len(x.acc) {
		x.acc = append(x.acc, 0)
	}
	for _, e := range feats {
		x.post[e.H] = append(x.post[e.H], posting{slot: slot, w: e.W})
	}
}

// remove drops slot from the postings of feats. Order within a posting
// list is not preserved and does not matter: the score of one slot gets at
// most one term per query feature, added in query order.
func (x *index) remove(slot int32, feats svec) {
	for _, e := range feats {
		list := x.post[e.H]
		for i := range list {
			if list[i].slot == slot {
				list[i] = list[len(list)-1]
				list = list[:len(list)-1]
				break
			}
		}
		if len(list) == 0 {
			delete(x.post, e.H)
		} else {
			x.post[e.H] = list
		}
	}
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
// in acc for the slots in touched. The caller must call reset afterwards.
func (x *index) accumulate(q svec, maxPost int) {
	var skippedW float32
	var skippedList []posting
	for _, e := range q {
		list := x.post[e.H]
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
}

// reset clears the accumulator after accumulate.
func (x *index) reset() {
	for _, s := range x.touched {
		x.acc[s] = 0
	}
	x.touched = x.touched[:0]
}

func (x *index) scan(w float32, list []posting) {
	for _, p := range list {
		if x.acc[p.slot] == 0 {
			x.touched = append(x.touched, p.slot)
		}
		x.acc[p.slot] += w * p.w
	}
}

package triage

import (
	"math"
	"slices"
	"sort"
	"time"
)

// Refine is the periodic clean-up pass over the clusters active at now:
//
//  1. every ticket's vector is recomputed with the current document
//     frequencies (early tickets were weighted with little evidence) and
//     the centroids are rebuilt from them;
//  2. up to RefineIterations sweeps move each ticket (except those placed
//     by an operator) to the centroid it is now most similar to;
//  3. clusters whose average-link similarity is at least MergeThreshold
//     are merged, most similar pairs first, never across an operator's
//     "keep apart" or between a suppressed and an unsuppressed cluster;
//  4. clusters of at most SmallCluster tickets that have been quiet for a
//     whole BurstWindow are dissolved into their nearest neighbours when the
//     similarity is at least SmallThreshold.
//
// It returns the clusters that disappeared and where they went. Individual
// tickets may change cluster; ClusterOf tells where a ticket is now.
func (e *Engine) Refine(now time.Time) []MergeEvent {
	var events []MergeEvent
	e.recompute(now)
	for it := 0; it < e.cfg.RefineIterations; it++ {
		moved, ev := e.reassign(now, func(c *cluster) bool { return true }, 0)
		events = append(events, ev...)
		if moved == 0 {
			break
		}
	}
	events = append(events, e.mergeConverged(now)...)
	_, ev := e.reassign(now, func(c *cluster) bool {
		return len(c.members) <= e.cfg.SmallCluster && now.Sub(c.last) >= e.cfg.BurstWindow
	}, e.cfg.SmallThreshold)
	for i := range ev {
		ev[i].Reason = "small"
	}
	events = append(events, ev...)
	for _, c := range e.activeClusters(now) {
		e.relabel(c)
	}
	return events
}

// activeClusters returns the indexed clusters active at now, by id.
func (e *Engine) activeClusters(now time.Time) []*cluster {
	var out []*cluster
	for _, id := range e.sortedClusterIDs() {
		c := e.clusters[id]
		if c.slot >= 0 && e.active(c, now) {
			out = append(out, c)
		}
	}
	return out
}

// recompute re-weighs every ticket of the active clusters with the current
// document frequencies and rebuilds their centroids.
func (e *Engine) recompute(now time.Time) {
	for _, c := range e.activeClusters(now) {
		for _, id := range c.members {
			r := e.tickets[id]
			var sparse svec
			sparse, r.keys = e.df.weighBoth(r.raw, r.rawKeys)
			r.vec, r.ns = e.reweigh(r.vec, sparse), int32(len(sparse))
		}
		e.rebuild(c)
	}
}

// rebuild recomputes c's centroid exactly from its members: their
// coordinates are added into a dense scratch array and gathered once,
// then the centroid is pruned once (adding member by member and pruning
// on the way cost a copy of the centroid per member).
func (e *Engine) rebuild(c *cluster) {
	c.sum = e.dense.sum(e, c.members, func(r *ticketRec) svec { return r.vec })
	c.keySum = e.dense.sum(e, c.members, func(r *ticketRec) svec { return r.keys })
	if m := e.cfg.MaxCentroidTerms; m > 0 && len(c.sum) > m {
		c.sum = prune(c.sum, m)
	}
	e.afterSumChange(c, true)
}

// denseSum is a scratch accumulator over the hashed feature space.
type denseSum struct {
	w       []float32
	touched []uint32
}

// sum adds up the vectors of of the tickets ids, in member order, and
// returns the sum as a sparse vector sorted by H.
func (d *denseSum) sum(e *Engine, ids []int64, of func(*ticketRec) svec) svec {
	if d.w == nil {
		d.w = make([]float32, 1<<e.cfg.HashBits)
	}
	d.touched = d.touched[:0]
	var tail svec // the dense block, added up in its own fixed order
	for _, id := range ids {
		head, dense := splitDense(of(e.tickets[id]))
		if len(dense) > 0 {
			switch {
			case tail == nil:
				tail = slices.Clone(dense)
			case len(tail) == len(dense) && tail[0].H == dense[0].H:
				// Every ticket's block has the same coordinates.
				for k := range tail {
					tail[k].W += dense[k].W
				}
			default:
				tail = addScaled(tail, dense, 1)
			}
		}
		for _, x := range head {
			if d.w[x.H] == 0 {
				d.touched = append(d.touched, x.H)
			}
			d.w[x.H] += x.W
		}
	}
	slices.Sort(d.touched)
	out := make(svec, 0, len(d.touched))
	for _, h := range d.touched {
		if w := d.w[h]; w > 1e-6 {
			out = append(out, entry{H: h, W: w})
		}
		d.w[h] = 0
	}
	return append(out, tail...)
}

type plannedMove struct {
	rec  *ticketRec
	to   *cluster
	from int64
	sim  float64
}

// reassign moves every unpinned ticket of the clusters selected by which to
// the most similar other active cluster when that is more similar than its
// own cluster and at least minSim. Moves are planned against fixed
// centroids and then applied, like a k-means step. It returns the number of
// moves and the clusters emptied by them.
func (e *Engine) reassign(now time.Time, which func(*cluster) bool, minSim float64) (int, []MergeEvent) {
	var plan []plannedMove
	for _, c := range e.activeClusters(now) {
		if !which(c) {
			continue
		}
		for _, id := range c.members {
			r := e.tickets[id]
			if r.pinned || len(r.vec) == 0 {
				continue
			}
			own := 0.0
			if c.norm > 0 && minSim == 0 {
				own = dot(r.vec, c.sum) / c.norm * e.vscale(r.vec)
			}
			best, sim := e.nearest(r.vec, r.keys, now, c.id)
			if best == nil || sim <= own || sim < minSim {
				continue
			}
			if e.cannot[pairKey(c.id, best.id)] || best.suppressed != c.suppressed {
				continue
			}
			if minSim > 0 && which(best) {
				continue // Dissolve into established clusters, not into other small ones.
			}
			plan = append(plan, plannedMove{rec: r, to: best, from: c.id, sim: sim})
		}
	}
	if len(plan) == 0 {
		return 0, nil
	}
	// Apply: membership first, then rebuild the touched centroids once.
	touched := map[int64]*cluster{}
	gone := map[int64]map[int64]int{} // emptied cluster -> receiving cluster -> tickets
	simOf := map[int64]float64{}
	for _, m := range plan {
		from := e.clusters[m.from]
		e.removeMember(from, m.rec)
		e.addMember(m.to, m.rec)
		touched[m.to.id] = m.to
		if gone[m.from] == nil {
			gone[m.from] = map[int64]int{}
		}
		gone[m.from][m.to.id]++
		simOf[m.from] = math.Max(simOf[m.from], m.sim)
		touched[m.from] = from
	}
	var events []MergeEvent
	ids := make([]int64, 0, len(touched))
	for id := range touched {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, id := range ids {
		c := touched[id]
		if len(c.members) == 0 {
			into, most := int64(0), 0
			for to, n := range gone[id] {
				if n > most || (n == most && to < into) {
					into, most = to, n
				}
			}
			into = e.resolve(into)
			if t := e.clusters[into]; t != nil {
				if c.candidate && !t.candidate {
					t.candidate, t.candidateAt = true, c.candidateAt
				}
				mergeBurst(&t.burst, &c.burst)
			}
			e.deleteCluster(c)
			e.aliases[id] = into
			events = append(events, MergeEvent{From: id, Into: into, Similarity: simOf[id], Reason: "reassigned"})
			continue
		}
	}
	for _, id := range ids {
		if c := e.clusters[id]; c != nil {
			e.rebuild(c)
		}
	}
	return len(plan), events
}

// removeMember and addMember change membership bookkeeping without
// touching the centroid (the caller rebuilds it).
func (e *Engine) removeMember(c *cluster, r *ticketRec) {
	for i, id := range c.members {
		if id == r.id {
			c.members = append(c.members[:i], c.members[i+1:]...)
			break
		}
	}
	c.addCustomer(r, -1)
	if r.report {
		c.reports--
	}
	for _, t := range r.terms {
		if c.terms[t]--; c.terms[t] <= 0 {
			delete(c.terms, t)
		}
	}
}

func (e *Engine) addMember(c *cluster, r *ticketRec) {
	r.cluster = c.id
	c.members = append(c.members, r.id)
	c.addCustomer(r, 1)
	if r.report {
		c.reports++
	}
	for _, t := range r.terms {
		c.terms[t]++
	}
	if r.at.Before(c.first) {
		c.first = r.at
	}
	if r.at.After(c.last) {
		c.last, c.lastNs = r.at, r.at.UnixNano()
		e.syncSlot(c)
	}
}

// avgLink is the mean pairwise cosine between the members of a and b
// (their centroids are sums of unit vectors).
func (e *Engine) avgLink(a, b *cluster) float64 {
	// With the dense block a ticket vector has length 1/unit (see
	// withDense): unit² makes the mean dot product a mean cosine.
	s := dot(a.sum, b.sum) / float64(len(a.members)*len(b.members))
	if e.vecs != nil {
		s *= e.unit * e.unit
	}
	return s
}

type pair struct {
	a, b *cluster
	sim  float64
}

// mergeConverged merges clusters whose average-link similarity reaches
// MergeThreshold, best pairs first, in rounds until none is left.
func (e *Engine) mergeConverged(now time.Time) []MergeEvent {
	var events []MergeEvent
	for round := 0; round < 50; round++ {
		var pairs []pair
		for _, a := range e.activeClusters(now) {
			if a.norm == 0 {
				continue
			}
			q := e.queryOf(a.indexed)
			top := topCandidates{k: 4 * e.cfg.Candidates}
			e.idx.query(q, e.cfg.MaxPostings, func(slot int32, score float32) {
				b := e.slots[slot]
				if b == nil || b.id <= a.id || !e.active(b, now) {
					return
				}
				top.offer(scored{slot: slot, id: b.id, score: float64(score)})
			})
			for _, s := range top.list {
				b := e.slots[s.slot]
				if e.cannot[pairKey(a.id, b.id)] || a.suppressed != b.suppressed {
					continue
				}
				if sim := e.avgLink(a, b); sim >= e.cfg.MergeThreshold {
					pairs = append(pairs, pair{a, b, sim})
				}
			}
		}
		if len(pairs) == 0 {
			break
		}
		sort.Slice(pairs, func(i, j int) bool {
			if pairs[i].sim != pairs[j].sim {
				return pairs[i].sim > pairs[j].sim
			}
			if pairs[i].a.id != pairs[j].a.id {
				return pairs[i].a.id < pairs[j].a.id
			}
			return pairs[i].b.id < pairs[j].b.id
		})
		done := map[int64]bool{}
		for _, p := range pairs {
			if done[p.a.id] || done[p.b.id] {
				continue
			}
			done[p.a.id], done[p.b.id] = true, true
			from, into := p.b, p.a
			if len(from.members) > len(into.members) {
				from, into = into, from
			}
			e.absorb(from, into)
			events = append(events, MergeEvent{From: from.id, Into: into.id, Similarity: p.sim, Reason: "converged"})
		}
	}
	return events
}

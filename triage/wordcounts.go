package triage

import (
	"encoding/binary"
	"errors"
	"math"
	"slices"
	"sync"
)

// wordCounts are the statistics word vectors are fitted on: a vocabulary
// with its counts and the weighted co-occurrences of its words.
type wordCounts struct {
	words []string           // by decreasing count, ties by word
	index map[string]int32   // word -> position (set by jointCounts)
	count []float64          // occurrences of each word
	total float64            // every vector word counted, those left out of words included
	pairs map[uint64]float64 // a<<32|b -> co-occurrence weight, both directions
}

// fit returns the unit vector of each word: positive PMI, then the
// randomized SVD (see TrainVectors).
func (c *wordCounts) fit(opt TrainOptions) [][]float64 {
	u, s := randomizedSVD(ppmi(len(c.words), c.pairs, opt.CDS), opt.Dims, opt.Oversample, opt.PowerIter, opt.Seed)
	rows := make([][]float64, len(c.words))
	for i := range rows {
		rows[i] = unitRow(u, s, i, opt.Eig)
	}
	return rows
}

// weight is word i's SIF weight a/(a+p(w)).
func (c *wordCounts) weight(i int, a float64) float64 {
	return a / (a + c.count[i]/c.total)
}

const countsMagic = "SDCNT1\n"

// pairUnit: a pair at distance d counts 1/d for d ≤ 5, so every weight is
// a whole number of sixtieths and is stored as one.
const pairUnit = 60

// marshal encodes the counts: the magic, the number of words, the total
// (float64 bits), each word (length byte, bytes, count as a uvarint),
// the number of pairs a < b, then each pair in increasing order of a·n+b
// as the uvarint difference from the previous one and its weight in
// sixtieths (uvarint). Counts are whole numbers here (trained on texts).
func (c *wordCounts) marshal() []byte {
	out := []byte(countsMagic)
	n := uint64(len(c.words))
	out = binary.LittleEndian.AppendUint32(out, uint32(n))
	out = binary.LittleEndian.AppendUint64(out, math.Float64bits(c.total))
	for i, w := range c.words {
		out = append(out, byte(len(w)))
		out = append(out, w...)
		out = binary.AppendUvarint(out, uint64(math.Round(c.count[i])))
	}
	var keys []uint64
	for k := range c.pairs {
		if a, b := k>>32, uint64(uint32(k)); a < b {
			keys = append(keys, a*n+b)
		}
	}
	slices.Sort(keys)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(keys)))
	prev := uint64(0)
	for _, k := range keys {
		a, b := k/n, k%n
		out = binary.AppendUvarint(out, k-prev)
		out = binary.AppendUvarint(out, uint64(math.Round(c.pairs[a<<32|b]*pairUnit)))
		prev = k
	}
	return out
}

var errCounts = errors.New("triage: word counts: malformed data")

// unmarshalCounts decodes what marshal encoded.
func unmarshalCounts(b []byte) (*wordCounts, error) {
	if len(b) < len(countsMagic)+12 || string(b[:len(countsMagic)]) != countsMagic {
		return nil, errCounts
	}
	b = b[len(countsMagic):]
	n := uint64(binary.LittleEndian.Uint32(b))
	total := math.Float64frombits(binary.LittleEndian.Uint64(b[4:]))
	b = b[12:]
	if n > 1<<22 || !(total >= 0) {
		return nil, errCounts
	}
	c := &wordCounts{words: make([]string, 0, n), count: make([]float64, 0, n), total: total}
	uv := func() (uint64, error) {
		x, k := binary.Uvarint(b)
		if k <= 0 {
			return 0, errCounts
		}
		b = b[k:]
		return x, nil
	}
	for range n {
		if len(b) < 1 || len(b) < 1+int(b[0]) {
			return nil, errCounts
		}
		c.words = append(c.words, string(b[1:1+b[0]]))
		b = b[1+int(b[0]):]
		x, err := uv()
		if err != nil {
			return nil, err
		}
		c.count = append(c.count, float64(x))
	}
	if len(b) < 4 {
		return nil, errCounts
	}
	m := binary.LittleEndian.Uint32(b)
	b = b[4:]
	if uint64(m) > n*n {
		return nil, errCounts
	}
	c.pairs = make(map[uint64]float64, 2*m)
	k := uint64(0)
	for i := range m {
		d, err := uv()
		if err != nil {
			return nil, err
		}
		if i > 0 && d == 0 || k+d < k {
			return nil, errCounts
		}
		k += d
		a, bb := k/n, k%n
		if a >= bb || a >= n {
			return nil, errCounts
		}
		x, err := uv()
		if err != nil {
			return nil, err
		}
		w := float64(x) / pairUnit
		c.pairs[a<<32|bb], c.pairs[bb<<32|a] = w, w
	}
	if len(b) != 0 {
		return nil, errCounts
	}
	return c, nil
}

var shippedCounts = sync.OnceValues(func() (*wordCounts, error) { return unmarshalCounts(shippedCountsFile) })

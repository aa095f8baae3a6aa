package triage

import (
	"cmp"
	"crypto/sha256"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
)

// The shipped word vectors are trained by a committed, seeded generator from
// public text the project ships (see internal/genvectors and
// wordvectors.txt, which records its inputs and the file's checksum).
//
//go:generate go run ./internal/genvectors -data ../../shared/data -scenarios ../scenarios -out wordvectors.bin -counts wordcounts.bin -manifest wordvectors.txt

//go:embed wordvectors.bin
var shippedVectors []byte

// The co-occurrence counts the shipped vectors were fitted on, for refits
// (see veclearn.go), written by the same generator.
//
//go:embed wordcounts.bin
var shippedCountsFile []byte

// WordVectors are word embeddings over the normalised words of the engine
// (stems and canonical lexicon tokens), with what is needed to turn a
// ticket's words into one dense vector: a SIF weight per word (a/(a+p(w)),
// Arora et al. 2017) and the training corpus's first principal component,
// which is removed from every ticket's vector.
type WordVectors struct {
	dims   int
	index  map[string]int32
	words  []string
	weight []float32 // SIF weight by word
	scale  []float32 // int8 -> float scale by word
	data   []int8    // len(words) * dims
	pc     []float32 // unit common component, len dims
	// rows are data dequantised and multiplied by the SIF weight, once,
	// so that a ticket's vector is a plain sum of rows.
	rows []float32
}

// Dims is the dimension of the vectors.
func (v *WordVectors) Dims() int { return v.dims }

// Len is the number of words.
func (v *WordVectors) Len() int { return len(v.words) }

const vecMagic = "SDVEC1\n"

// MarshalBinary encodes the vectors in the format ShippedVectors reads
// (little-endian; words in training order).
func (v *WordVectors) MarshalBinary() ([]byte, error) {
	out := []byte(vecMagic)
	out = binary.LittleEndian.AppendUint32(out, uint32(v.dims))
	out = binary.LittleEndian.AppendUint32(out, uint32(len(v.words)))
	for _, x := range v.pc {
		out = binary.LittleEndian.AppendUint32(out, math.Float32bits(x))
	}
	for i, w := range v.words {
		if len(w) > 255 {
			return nil, fmt.Errorf("triage: word vectors: word too long: %q", w)
		}
		out = append(out, byte(len(w)))
		out = append(out, w...)
		out = binary.LittleEndian.AppendUint32(out, math.Float32bits(v.weight[i]))
		out = binary.LittleEndian.AppendUint32(out, math.Float32bits(v.scale[i]))
		for _, q := range v.data[i*v.dims : (i+1)*v.dims] {
			out = append(out, byte(q))
		}
	}
	return out, nil
}

var errVectors = errors.New("triage: word vectors: malformed data")

// UnmarshalWordVectors decodes what MarshalBinary encoded.
func UnmarshalWordVectors(b []byte) (*WordVectors, error) {
	if !strings.HasPrefix(string(b), vecMagic) {
		return nil, errVectors
	}
	b = b[len(vecMagic):]
	u32 := func() (uint32, error) {
		if len(b) < 4 {
			return 0, errVectors
		}
		x := binary.LittleEndian.Uint32(b)
		b = b[4:]
		return x, nil
	}
	d, err := u32()
	if err != nil || d == 0 || d > 1024 {
		return nil, errVectors
	}
	n, err := u32()
	if err != nil || n > 1<<22 {
		return nil, errVectors
	}
	v := &WordVectors{dims: int(d), index: make(map[string]int32, n), words: make([]string, 0, n),
		weight: make([]float32, 0, n), scale: make([]float32, 0, n), data: make([]int8, 0, int(n)*int(d)),
		pc: make([]float32, d)}
	for i := range v.pc {
		x, err := u32()
		if err != nil {
			return nil, err
		}
		v.pc[i] = math.Float32frombits(x)
	}
	for i := 0; i < int(n); i++ {
		if len(b) < 1 || len(b) < 1+int(b[0])+8+int(d) {
			return nil, errVectors
		}
		w := string(b[1 : 1+b[0]])
		b = b[1+int(b[0]):]
		wt, _ := u32()
		sc, _ := u32()
		v.index[w] = int32(i)
		v.words = append(v.words, w)
		v.weight = append(v.weight, math.Float32frombits(wt))
		v.scale = append(v.scale, math.Float32frombits(sc))
		for _, q := range b[:d] {
			v.data = append(v.data, int8(q))
		}
		b = b[d:]
	}
	if len(b) != 0 {
		return nil, errVectors
	}
	v.dequantise()
	return v, nil
}

var shippedSum = sync.OnceValue(func() [32]byte { return sha256.Sum256(shippedVectors) })

var shipped = sync.OnceValues(func() (*WordVectors, error) { return UnmarshalWordVectors(shippedVectors) })

// ShippedVectors returns the word vectors embedded in the binary.
func ShippedVectors() *WordVectors {
	v, err := shipped()
	if err != nil {
		panic(err) // the embedded file is checked by TestShippedVectors
	}
	return v
}

// addRow adds row to out (len(out) ≥ len(row)), four at a time: it runs
// for every known word of every ticket.
func addRow(out, row []float32) {
	out = out[:len(row)]
	k := 0
	for ; k+4 <= len(row); k += 4 {
		o, r := out[k:k+4:k+4], row[k:k+4:k+4]
		o[0] += r[0]
		o[1] += r[1]
		o[2] += r[2]
		o[3] += r[3]
	}
	for ; k < len(row); k++ {
		out[k] += row[k]
	}
}

// dequantise fills rows. Vectors are decoded once (ShippedVectors) or
// trained, before any engine uses them, so this runs before sharing.
func (v *WordVectors) dequantise() {
	rows := make([]float32, len(v.data))
	for i := range v.words {
		w := v.weight[i] * v.scale[i]
		for k := 0; k < v.dims; k++ {
			rows[i*v.dims+k] = w * float32(v.data[i*v.dims+k])
		}
	}
	v.rows = rows
}

// vecWord reports whether a token takes part in the word vectors: content
// words, canonical tokens and the collapsed negation.
func vecWord(t token) bool {
	return !t.stop && !strings.HasPrefix(t.Text, "_") || t.Text == TokNot
}

// sentence writes into out (len Dims) the SIF-weighted mean of the vectors
// of toks' known words, with the common component removed, L2-normalised.
// It reports false when no word is known.
func (v *WordVectors) sentence(toks []token, out []float32) bool {
	var buf [64]int32
	rows := buf[:0]
	for _, t := range toks {
		if vecWord(t) {
			if i, ok := v.index[t.Text]; ok {
				rows = append(rows, i)
			}
		}
	}
	return v.sentenceRows(rows, out)
}

// sentenceRows is sentence over the rows of the known words (-1 for an
// unknown word).
func (v *WordVectors) sentenceRows(rows []int32, out []float32) bool {
	clear(out)
	any := false
	if v.rows == nil {
		v.dequantise()
	}
	out = out[:v.dims]
	for _, i := range rows {
		if i < 0 {
			continue
		}
		any = true
		addRow(out, v.rows[int(i)*v.dims:int(i+1)*v.dims])
	}
	if !any {
		return false
	}
	var p float32
	for k, x := range out {
		p += x * v.pc[k]
	}
	var n float64
	for k := range out {
		out[k] -= p * v.pc[k]
		n += float64(out[k]) * float64(out[k])
	}
	if n == 0 {
		return false
	}
	inv := float32(1 / math.Sqrt(n))
	for k := range out {
		out[k] *= inv
	}
	return true
}

// denseBase marks the dense block's coordinates: their hashes have the top
// four bits set, above every hashed feature (HashBits ≤ 26), so the block
// is the tail of a ticket's sorted vector. Dimension k has hash
// denseBase | (k·0x9E3779B1 mod 2^28): a bijection whose low bits are
// spread like the features' hashes, as dotTable's bitmap and open
// addressing expect.
const denseBase uint32 = 0xF000_0000

// blockDims and blockFirst are the shape of the shipped vectors' dense
// block (its length and first hash), read once at start-up so that dot
// and addInPlace can tell a whole block at a glance (blockOf).
var blockDims, blockFirst = func() (int, uint32) {
	b := shippedVectors
	if len(b) < len(vecMagic)+4 || !strings.HasPrefix(string(b), vecMagic) {
		return 0, 0
	}
	d := int(binary.LittleEndian.Uint32(b[len(vecMagic):]))
	if d <= 0 || d > 1024 {
		return 0, 0
	}
	hs, _ := denseOrder(d)
	return d, hs[0]
}()

// denseOrder returns the hashes of dims dimensions in increasing order and
// the dimension of each.
func denseOrder(dims int) ([]uint32, []int) {
	hs := make([]uint32, dims)
	ks := make([]int, dims)
	for k := range hs {
		hs[k] = denseBase | uint32(k)*0x9E3779B1&0x0FFF_FFFF
		ks[k] = k
	}
	slices.SortFunc(ks, func(a, b int) int { return cmp.Compare(hs[a], hs[b]) })
	sorted := make([]uint32, dims)
	for j, k := range ks {
		sorted[j] = hs[k]
	}
	return sorted, ks
}

// splitDense splits a vector into its hashed features and its dense block.
func splitDense(v svec) (head, tail svec) {
	i := len(v)
	for i > 0 && v[i-1].H >= denseBase {
		i--
	}
	return v[:i], v[i:]
}

// sparseLen is the length of v's sparse part.
func sparseLen(v svec) int32 {
	head, _ := splitDense(v)
	return int32(len(head))
}

// withDense returns the ticket vector: the unit sparse vector, unchanged,
// followed by the unit dense vector scaled by sqrt(w/(1-w)) for w =
// DenseWeight. Its length is 1/sqrt(1-w), and its cosine with another
// ticket's vector is (1-w)·sparse + w·dense; the engine multiplies its
// dot products by vscale to get cosines. Keeping the sparse part as it was
// lets the tracker read a ticket's sparse vector as the head of this one
// (ticketRec.sparse), with the similarities its thresholds were tuned on.
// Without a dense part (no known word) the sparse vector is returned as
// is, and so is an empty one.
func (e *Engine) withDense(sparse svec, dense []float32, has bool) svec {
	if !has || len(sparse) == 0 {
		return sparse
	}
	w := e.cfg.DenseWeight
	out := sparse // weighBoth left room for the block: no copy
	if cap(out)-len(out) < len(dense) {
		out = make(svec, len(sparse), len(sparse)+len(dense))
		copy(out, sparse)
	}
	d := float32(math.Sqrt(w / (1 - w)))
	n := len(out)
	out = out[:n+len(e.denseDims)]
	block, hs := out[n:], e.denseHash[:len(e.denseDims)]
	for j, k := range e.denseDims {
		block[j] = entry{H: hs[j], W: dense[k] * d}
	}
	return out
}

// vscale is 1/|v| for a ticket vector v: sqrt(1-DenseWeight) when it has
// a dense block, else 1.
func (e *Engine) vscale(v svec) float64 {
	if e.vecs != nil && len(v) > 0 && v[len(v)-1].H >= denseBase {
		return e.unit
	}
	return 1
}

// reweigh replaces the sparse part of a ticket vector by sparse (weighed
// again), keeping its dense block.
func (e *Engine) reweigh(old, sparse svec) svec {
	_, tail := splitDense(old)
	if len(tail) == 0 || len(sparse) == 0 {
		return sparse
	}
	out := sparse
	if cap(out)-len(out) < len(tail) {
		out = make(svec, len(sparse), len(sparse)+len(tail))
		copy(out, sparse)
	}
	return append(out, tail...)
}

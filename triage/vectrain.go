package triage

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
)

// TrainOptions are the settings of TrainVectors.
type TrainOptions struct {
	Dims       int     // dimensions kept from the SVD
	Window     int     // co-occurrence window, each side; a pair at distance d counts 1/d
	MinCount   int     // words seen fewer times are left out
	MaxVocab   int     // at most this many words, the most frequent
	CDS        float64 // context-distribution smoothing exponent (0.75)
	Eig        float64 // singular-value weighting exponent (0.5)
	SIF        float64 // SIF parameter a
	Oversample int     // extra random directions of the randomized SVD
	PowerIter  int     // power iterations of the randomized SVD
	Seed       uint64
}

// DefaultTrainOptions are the settings the shipped vectors were made with.
func DefaultTrainOptions() TrainOptions {
	return TrainOptions{Dims: 128, Window: 5, MinCount: 2, MaxVocab: 30000, CDS: 0.75, Eig: 0,
		SIF: 1e-3, Oversample: 32, PowerIter: 3, Seed: 19}
}

// TrainVectors learns word vectors from texts, without labels: positive
// pointwise mutual information of the normalised words co-occurring within
// opt.Window (weighted by 1/distance, contexts smoothed by opt.CDS), reduced
// to opt.Dims by a seeded randomized SVD (Halko et al. 2011), rows
// normalised and quantised to int8; then the SIF weights and the corpus's
// first principal component of the ticket vectors. The result depends only
// on texts, opt and the normaliser (deterministic).
func TrainVectors(texts []string, opt TrainOptions) *WordVectors {
	v, _ := trainVectors(texts, opt)
	return v
}

// TrainVectorsAndCounts is TrainVectors that also returns the counts the
// vectors were fitted on, encoded (see WordCounts): the shipped counts
// let the engine refit vectors on them and the desk's own tickets.
func TrainVectorsAndCounts(texts []string, opt TrainOptions) (*WordVectors, []byte) {
	v, c := trainVectors(texts, opt)
	return v, c.marshal()
}

func trainVectors(texts []string, opt TrainOptions) (*WordVectors, *wordCounts) {
	nz := newNormalizer(defaultLexicon(), DefaultConfig().MaxTextBytes)
	nz.cues = cueLexicon()
	docs := make([][]string, 0, len(texts))
	count := map[string]int{}
	for _, t := range texts {
		var ws []string
		for _, tk := range nz.tokens(t) {
			if vecWord(tk) {
				ws = append(ws, tk.Text)
				count[tk.Text]++
			}
		}
		docs = append(docs, ws)
	}
	type wc struct {
		w string
		n int
	}
	var vocab []wc
	total := 0
	for w, n := range count {
		total += n
		if n >= opt.MinCount && len(w) <= 255 {
			vocab = append(vocab, wc{w, n})
		}
	}
	slices.SortFunc(vocab, func(a, b wc) int {
		if a.n != b.n {
			return cmp.Compare(b.n, a.n)
		}
		return cmp.Compare(a.w, b.w)
	})
	if len(vocab) > opt.MaxVocab {
		vocab = vocab[:opt.MaxVocab]
	}
	n := len(vocab)
	wcs := &wordCounts{words: make([]string, n), count: make([]float64, n), total: float64(total), pairs: map[uint64]float64{}}
	index := make(map[string]int32, n)
	for i, x := range vocab {
		index[x.w] = int32(i)
		wcs.words[i], wcs.count[i] = x.w, float64(x.n)
	}

	// Co-occurrences, symmetric, weighted by 1/distance.
	co := wcs.pairs
	for _, ws := range docs {
		ids := make([]int32, len(ws))
		for i, w := range ws {
			if j, ok := index[w]; ok {
				ids[i] = j
			} else {
				ids[i] = -1
			}
		}
		for i, a := range ids {
			if a < 0 {
				continue
			}
			for d := 1; d <= opt.Window && i+d < len(ids); d++ {
				b := ids[i+d]
				if b < 0 {
					continue
				}
				w := 1 / float64(d)
				co[uint64(a)<<32|uint64(uint32(b))] += w
				co[uint64(b)<<32|uint64(uint32(a))] += w
			}
		}
	}
	v := &WordVectors{dims: opt.Dims, index: index, pc: make([]float32, opt.Dims)}
	for i, row := range wcs.fit(opt) {
		v.appendWord(wcs.words[i], row, wcs.weight(i, opt.SIF))
	}
	v.dequantise()

	// The common component: the first principal direction (uncentred, as
	// in SIF) of the training texts' weighted means, by power iteration.
	d := opt.Dims
	cov := make([]float64, d*d)
	out := make([]float32, d)
	for _, t := range texts {
		if v.mean(nz.tokens(t), out) {
			addOuter(cov, out)
		}
	}
	pc, _ := principal(cov, d)
	for k := range pc {
		v.pc[k] = float32(pc[k])
	}
	return v, wcs
}

// mean is sentence without the common component removed nor normalising.
func (v *WordVectors) mean(toks []token, out []float32) bool {
	if v.rows == nil {
		v.dequantise()
	}
	pc := v.pc
	v.pc = make([]float32, v.dims)
	ok := v.sentence(toks, out)
	v.pc = pc
	return ok
}

// csr is a sparse square matrix in compressed rows.
//
// The numeric kernels (csr.mul, orthonormalise, randomizedSVD, jacobiEigen
// here, ppmi and procrustes in veclearn.go) work on memory no other
// goroutine sees, and carry //go:norace so that the race detector does not
// instrument them: instrumented, one refit of the word vectors took 5–10
// times longer and this package's race-enabled tests several minutes.
type csr struct {
	n   int
	ptr []int32
	col []int32
	val []float64
}

// mul returns m·x (or mᵀ·x) for x given as columns (x[j] has length n).
// It works on row-major copies, so the inner loop runs over contiguous
// memory; every output element adds the same terms in the same order as
// the plain column loop, so the results are bit for bit the same.
//
//go:norace
func (m *csr) mul(x [][]float64, transpose bool) [][]float64 {
	l := len(x)
	in := make([]float64, m.n*l)
	for j, col := range x {
		for i, v := range col {
			in[i*l+j] = v
		}
	}
	acc := make([]float64, m.n*l)
	for r := 0; r < m.n; r++ {
		for p := m.ptr[r]; p < m.ptr[r+1]; p++ {
			c, a := int(m.col[p]), m.val[p]
			src, dst := in[c*l:(c+1)*l], acc[r*l:(r+1)*l]
			if transpose {
				src, dst = in[r*l:(r+1)*l], acc[c*l:(c+1)*l]
			}
			for j, v := range src {
				dst[j] += a * v
			}
		}
	}
	out := make([][]float64, l)
	for j := range out {
		out[j] = make([]float64, m.n)
		for i := range out[j] {
			out[j][i] = acc[i*l+j]
		}
	}
	return out
}

// orthonormalise makes the columns orthonormal in place (modified
// Gram-Schmidt, twice for stability).
//
//go:norace
func orthonormalise(q [][]float64) {
	for pass := 0; pass < 2; pass++ {
		for j := range q {
			for i := 0; i < j; i++ {
				var p float64
				for k := range q[j] {
					p += q[i][k] * q[j][k]
				}
				for k := range q[j] {
					q[j][k] -= p * q[i][k]
				}
			}
			var nn float64
			for _, x := range q[j] {
				nn += x * x
			}
			nn = math.Sqrt(nn)
			for k := range q[j] {
				if nn > 1e-300 {
					q[j][k] /= nn
				} else {
					q[j][k] = 0
				}
			}
		}
	}
}

// randomizedSVD returns the k leading left singular vectors (as columns)
// of m and their singular values.
//
//go:norace
func randomizedSVD(m *csr, k, over, iters int, seed uint64) ([][]float64, []float64) {
	l := k + over
	rng := rand.New(rand.NewPCG(seed, seed^0x5eed))
	omega := make([][]float64, l)
	for j := range omega {
		omega[j] = make([]float64, m.n)
		for i := range omega[j] {
			omega[j][i] = rng.NormFloat64()
		}
	}
	y := m.mul(omega, false)
	orthonormalise(y)
	for it := 0; it < iters; it++ {
		z := m.mul(y, true)
		orthonormalise(z)
		y = m.mul(z, false)
		orthonormalise(y)
	}
	// B = Qᵀ M (l × n): row j of B is Mᵀ q_j.
	b := m.mul(y, true)
	// BBᵀ (l × l), symmetric.
	g := make([]float64, l*l)
	for i := 0; i < l; i++ {
		for j := i; j < l; j++ {
			var p float64
			for t := range b[i] {
				p += b[i][t] * b[j][t]
			}
			g[i*l+j], g[j*l+i] = p, p
		}
	}
	vals, vecs := jacobiEigen(g, l)
	order := make([]int, l)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(vals[b], vals[a]) })
	u := make([][]float64, k)
	s := make([]float64, k)
	for c := 0; c < k; c++ {
		e := order[c]
		s[c] = math.Sqrt(max(vals[e], 0))
		u[c] = make([]float64, m.n)
		for j := 0; j < l; j++ {
			w := vecs[j*l+e]
			for i := range u[c] {
				u[c][i] += w * y[j][i]
			}
		}
	}
	return u, s
}

// jacobiEigen returns the eigenvalues and eigenvectors (as columns of a
// row-major n×n matrix) of the symmetric matrix a (cyclic Jacobi).
//
//go:norace
func jacobiEigen(a []float64, n int) ([]float64, []float64) {
	a = slices.Clone(a)
	v := make([]float64, n*n)
	for i := 0; i < n; i++ {
		v[i*n+i] = 1
	}
	for sweep := 0; sweep < 100; sweep++ {
		var off float64
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				off += a[i*n+j] * a[i*n+j]
			}
		}
		if off < 1e-22 {
			break
		}
		for p := 0; p < n; p++ {
			for q := p + 1; q < n; q++ {
				apq := a[p*n+q]
				if math.Abs(apq) < 1e-300 {
					continue
				}
				theta := (a[q*n+q] - a[p*n+p]) / (2 * apq)
				t := 1 / (math.Abs(theta) + math.Sqrt(theta*theta+1))
				if theta < 0 {
					t = -t
				}
				c := 1 / math.Sqrt(t*t+1)
				s := t * c
				for k := 0; k < n; k++ {
					akp, akq := a[k*n+p], a[k*n+q]
					a[k*n+p] = c*akp - s*akq
					a[k*n+q] = s*akp + c*akq
				}
				for k := 0; k < n; k++ {
					apk, aqk := a[p*n+k], a[q*n+k]
					a[p*n+k] = c*apk - s*aqk
					a[q*n+k] = s*apk + c*aqk
				}
				for k := 0; k < n; k++ {
					vkp, vkq := v[k*n+p], v[k*n+q]
					v[k*n+p] = c*vkp - s*vkq
					v[k*n+q] = s*vkp + c*vkq
				}
			}
		}
	}
	vals := make([]float64, n)
	for i := range vals {
		vals[i] = a[i*n+i]
	}
	return vals, v
}

package eval

// MaxAssignment returns the largest total weight of a one-to-one matching
// between the rows and columns of a non-negative integer matrix (rows and
// columns may differ in number). It is the Hungarian algorithm (the
// O(n^2 m) shortest augmenting path form with potentials) run on costs
// max - w.
func MaxAssignment(w [][]int) int {
	rows := len(w)
	if rows == 0 {
		return 0
	}
	cols := len(w[0])
	if cols == 0 {
		return 0
	}
	// The algorithm below wants rows <= cols; transpose if needed.
	if rows > cols {
		t := make([][]int, cols)
		for j := range t {
			t[j] = make([]int, rows)
			for i := 0; i < rows; i++ {
				t[j][i] = w[i][j]
			}
		}
		w, rows, cols = t, cols, rows
	}
	maxW := 0
	for _, r := range w {
		for _, v := range r {
			if v > maxW {
				maxW = v
			}
		}
	}
	const inf = int64(1) << 62
	// 1-based arrays as in the classic formulation.
	u := make([]int64, rows+1)
	v := make([]int64, cols+1)
	p := make([]int, cols+1) // p[j] = row matched to column j
	way := make([]int, cols+1)
	minv := make([]int64, cols+1)
	used := make([]bool, cols+1)
	for i := 1; i <= rows; i++ {
		p[0] = i
		j0 := 0
		for j := range minv {
			minv[j] = inf
			used[j] = false
		}
		for {
			used[j0] = true
			i0 := p[j0]
			delta := inf
			j1 := 0
			for j := 1; j <= cols; j++ {
				if used[j] {
					continue
				}
				cur := int64(maxW-w[i0-1][j-1]) - u[i0] - v[j]
				if cur < minv[j] {
					minv[j] = cur
					way[j] = j0
				}
				if minv[j] < delta {
					delta = minv[j]
					j1 = j
				}
			}
			for j := 0; j <= cols; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
			if p[j0] == 0 {
				break
			}
		}
		for {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
			if j0 == 0 {
				break
			}
		}
	}
	total := 0
	for j := 1; j <= cols; j++ {
		if p[j] != 0 {
			total += w[p[j]-1][j-1]
		}
	}
	return total
}

package eval

// Shuffle permutes rows in place with a fixed-seed generator (SplitMix64
// driving a Fisher-Yates shuffle), so an order is reproducible across Go
// versions and platforms.
func Shuffle[T any](rows []T, seed uint64) {
	s := seed
	next := func() uint64 {
		s += 0x9e3779b97f4a7c15
		z := s
		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
		z = (z ^ (z >> 27)) * 0x94d049bb133111eb
		return z ^ (z >> 31)
	}
	for i := len(rows) - 1; i > 0; i-- {
		j := int(next() % uint64(i+1))
		rows[i], rows[j] = rows[j], rows[i]
	}
}

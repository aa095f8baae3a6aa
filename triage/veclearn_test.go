package triage

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"math"
	"os"
	"testing"
	"time"
)

// TestShippedCounts: the embedded counts decode, encode back to the same
// bytes, cover the shipped vectors' words, and are the ones the manifest
// records.
func TestShippedCounts(t *testing.T) {
	c, err := shippedCounts()
	if err != nil {
		t.Fatal(err)
	}
	v := ShippedVectors()
	if len(c.words) != v.Len() {
		t.Fatalf("counts over %d words, vectors over %d", len(c.words), v.Len())
	}
	for i, w := range c.words {
		if v.words[i] != w {
			t.Fatalf("word %d: counts %q, vectors %q", i, w, v.words[i])
		}
	}
	if !bytes.Equal(c.marshal(), shippedCountsFile) {
		t.Error("the shipped counts do not encode back to the same bytes")
	}
	m, err := os.ReadFile("wordvectors.txt")
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("sha256 %x", sha256.Sum256(shippedCountsFile)); !bytes.Contains(m, []byte(want)) {
		t.Errorf("wordvectors.txt does not record the embedded counts' checksum (%s): run go generate ./triage", want)
	}
	for _, n := range []int{0, 5, len(countsMagic) + 12, len(shippedCountsFile) / 2, len(shippedCountsFile) - 1} {
		if _, err := unmarshalCounts(shippedCountsFile[:n]); err == nil {
			t.Errorf("decoded the counts cut at %d bytes", n)
		}
	}
}

func FuzzUnmarshalCounts(f *testing.F) {
	f.Add(shippedCountsFile[:400])
	small := (&wordCounts{words: []string{"a", "b", "c"}, count: []float64{3, 2, 2}, total: 9,
		pairs: map[uint64]float64{0<<32 | 1: 1.5, 1<<32 | 0: 1.5, 1<<32 | 2: 0.2, 2<<32 | 1: 0.2}}).marshal()
	f.Add(small)
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := unmarshalCounts(b)
		if err != nil {
			return
		}
		if len(c.count) != len(c.words) {
			t.Fatal("decoded counts out of step with words")
		}
		for k := range c.pairs {
			if int(k>>32) >= len(c.words) || int(uint32(k)) >= len(c.words) {
				t.Fatalf("pair %x outside the vocabulary", k)
			}
		}
	})
}

// TestRefitWithoutDeskIsShipped: refitting on the shipped counts alone,
// then rotating onto the shipped vectors, gives the shipped vectors back
// (the SVD's axes are arbitrary: without the rotation the rows would not
// be comparable at all).
func TestRefitWithoutDeskIsShipped(t *testing.T) {
	cfg := DefaultConfig()
	cfg.VectorRefit = 1
	e := New(cfg)
	opt := DefaultTrainOptions()
	nv := e.jointCounts(opt).refit(e.vecs, opt)
	if nv == nil {
		t.Fatal("no refit")
	}
	old := ShippedVectors()
	var sum float64
	for j, w := range old.words {
		i, ok := nv.index[w]
		if !ok {
			t.Fatalf("the refit lost %q", w)
		}
		sum += dot64(nv.unitRow(int(i)), old.unitRow(j))
	}
	if mean := sum / float64(old.Len()); mean < 0.99 {
		t.Errorf("mean cosine of a word's refitted and shipped vectors %.4f, want ≥ 0.99", mean)
	}
}

func dot64(a, b []float64) float64 {
	var s float64
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

// TestRefitLearnsDeskWords: a word the shipped vectors never saw, used by
// the desk where others say "log in", is learned as a login word.
func TestRefitLearnsDeskWords(t *testing.T) {
	cfg := DefaultConfig()
	cfg.VectorRefit = 500
	e := New(cfg)
	say := func(s string) []float32 {
		out := make([]float32, e.vecs.Dims())
		words := e.learnWords(e.norm.tokens(s))
		e.learn.pending = e.learn.pending[:len(e.learn.pending)-1] // a probe, not a ticket
		if !e.denseOf(words) {
			return nil
		}
		copy(out, e.denseBuf)
		return out
	}
	stem := e.norm.tokens("zorbly")[0].Text
	if _, ok := e.vecs.index[stem]; ok {
		t.Fatal("the shipped vectors know the made-up word")
	}
	templates := []string{"I cannot %s to my account since this morning", "%s keeps failing with an error",
		"unable to %s on the app", "the %s page is broken, I cannot get in", "%s not working for our team today"}
	other := []string{"please refund the duplicate charge on my invoice", "my card payment was declined twice",
		"how do I export my report to a spreadsheet", "the mobile app crashes when I upload a photo"}
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	for i := 0; i < 600; i++ {
		text := other[i%len(other)]
		switch i % 3 {
		case 0:
			text = fmt.Sprintf(templates[i%len(templates)], "zorbly")
		case 1:
			text = fmt.Sprintf(templates[i%len(templates)], "log in")
		}
		e.Assign(Ticket{ID: int64(i + 1), Text: text, Customer: fmt.Sprint("c", i), At: at.Add(time.Duration(i) * time.Minute)})
	}
	if w := e.learn.pending; len(w) != 600 {
		t.Fatalf("%d tickets pending, want 600", len(w))
	}
	e.Refit()
	e.Refine(at.Add(11 * time.Hour))
	if e.learn.fits != 1 || len(e.learn.pending) != 0 {
		t.Fatalf("fits %d, pending %d after Refine", e.learn.fits, len(e.learn.pending))
	}
	if _, ok := e.vecs.index[stem]; !ok {
		t.Fatal("the refit did not learn the desk's word")
	}
	z, l, r := say("zorbly"), say("log in"), say("refund")
	if z == nil || l == nil || r == nil {
		t.Fatal("a probe has no known word")
	}
	cos := func(a, b []float32) float64 {
		var s float64
		for i := range a {
			s += float64(a[i]) * float64(b[i])
		}
		return s
	}
	if zl, zr := cos(z, l), cos(z, r); zl < 0.3 || zl <= zr+0.2 {
		t.Errorf("zorbly ~ log in %.3f, zorbly ~ refund %.3f", zl, zr)
	}
	// Every held ticket's dense block was recomputed with the new vectors.
	for id, rec := range e.tickets {
		if rec.ns == 0 {
			continue
		}
		want := make([]float32, e.vecs.Dims())
		if !e.denseOf(rec.words) {
			continue
		}
		copy(want, e.denseBuf)
		_, tail := splitDense(rec.vec)
		d := float32(math.Sqrt(cfg.DenseWeight / (1 - cfg.DenseWeight)))
		for j, k := range e.denseDims {
			if math.Abs(float64(tail[j].W-want[k]*d)) > 1e-6 {
				t.Fatalf("ticket %d keeps a dense block from the old vectors", id)
			}
		}
	}
}

// TestRestoreKeepsRefittedVectors: an engine restored from a snapshot
// taken after a refit uses the refitted vectors, learning or not.
func TestRestoreKeepsRefittedVectors(t *testing.T) {
	cfg := DefaultConfig()
	cfg.VectorRefit = 50
	e := New(cfg)
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	for i := 0; i < 60; i++ {
		e.Assign(Ticket{ID: int64(i + 1), Text: fmt.Sprintf("the zorbly widget fails on step %d", i%7), At: at})
	}
	e.Refit()
	e.Refine(at)
	stem := e.norm.tokens("zorbly")[0].Text
	if _, ok := e.vecs.index[stem]; !ok || e.learn.fits != 1 {
		t.Fatal("no refit")
	}
	data, err := e.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	off := cfg
	off.VectorRefit = 0
	for name, c := range map[string]Config{"learning": cfg, "not learning": off} {
		r, err := Restore(c, data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if _, ok := r.vecs.index[stem]; !ok {
			t.Errorf("%s: restored with the shipped vectors", name)
		}
		if again, _ := r.Snapshot(); string(again) != string(data) && name == "learning" {
			t.Errorf("%s: the restored engine encodes to another snapshot", name)
		}
	}
}

// TestCorrectionsTeachWords: an operator's merge pairs the two clusters'
// words in the counts the next refit reads.
func TestCorrectionsTeachWords(t *testing.T) {
	cfg := DefaultConfig()
	e := New(cfg)
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	a := e.Assign(Ticket{ID: 1, Text: "the zorbly widget is broken", At: at})
	b := e.Assign(Ticket{ID: 2, Text: "refund my invoice please", At: at})
	if a.ClusterID == b.ClusterID {
		t.Fatal("test tickets in one cluster")
	}
	z, ok := e.learn.ids[e.norm.tokens("zorbly")[0].Text]
	r, ok2 := e.learn.ids[e.norm.tokens("refund")[0].Text]
	if !ok || !ok2 {
		t.Fatal("the tickets' words were not interned")
	}
	key := uint64(min(z, r))<<32 | uint64(max(z, r))
	if e.learn.pairs[key] != 0 {
		t.Fatal("pair counted before the correction")
	}
	if err := e.Merge(b.ClusterID, a.ClusterID); err != nil {
		t.Fatal(err)
	}
	if got := e.learn.pairs[key]; got != correctionWeight {
		t.Errorf("merge added %v to zorbly~refund, want %v", got, correctionWeight)
	}
}

// TestRefitWhileAssigning: a refit's costly step runs while the engine
// assigns tickets (race-tested in make test); applied afterwards, the new
// vectors embed every ticket, those that came meanwhile included, and a
// refit prepared by another engine changes nothing.
func TestRefitWhileAssigning(t *testing.T) {
	cfg := DefaultConfig()
	cfg.VectorRefit = 100
	e := New(cfg)
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	texts := []string{"the zorbly widget fails to load", "cannot log in to the zorbly portal", "refund my invoice please", "export to csv is broken"}
	for i := 0; i < 150; i++ {
		e.Assign(Ticket{ID: int64(i + 1), Text: texts[i%len(texts)], At: at})
	}
	r := e.PrepareRefit()
	if r == nil || len(e.learn.pending) != 0 {
		t.Fatal("no refit prepared, or the pending words not taken")
	}
	done := make(chan struct{})
	go func() { r.Compute(); close(done) }()
	for i := 150; i < 200; i++ {
		e.Assign(Ticket{ID: int64(i + 1), Text: texts[i%len(texts)], At: at})
	}
	<-done
	other := New(cfg)
	if other.ApplyRefit(r) {
		t.Error("another engine applied this engine's refit")
	}
	old := e.vecs
	if !e.ApplyRefit(r) || e.vecs == old {
		t.Fatal("the refit was not applied")
	}
	if e.ApplyRefit(r) {
		t.Error("a refit applied twice")
	}
	want := make([]float32, e.vecs.Dims())
	d := float32(math.Sqrt(cfg.DenseWeight / (1 - cfg.DenseWeight)))
	for _, id := range []int64{1, 199} {
		rec := e.tickets[id]
		if !e.denseOf(rec.words) {
			t.Fatalf("ticket %d has no known word", id)
		}
		copy(want, e.denseBuf)
		_, tail := splitDense(rec.vec)
		for j, k := range e.denseDims {
			if math.Abs(float64(tail[j].W-want[k]*d)) > 1e-6 {
				t.Fatalf("ticket %d keeps a dense block from the old vectors", id)
			}
		}
	}
}

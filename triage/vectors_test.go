package triage

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestShippedVectors: the embedded file decodes, has the manifest's
// checksum, and its vectors say what they were trained to say.
func TestShippedVectors(t *testing.T) {
	v, err := UnmarshalWordVectors(shippedVectors)
	if err != nil {
		t.Fatal(err)
	}
	if v.Dims() < 100 || v.Len() < 1000 {
		t.Fatalf("shipped vectors: %d words of %d dims", v.Len(), v.Dims())
	}
	m, err := os.ReadFile("wordvectors.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("output sha256 %x", sha256.Sum256(shippedVectors))
	if !bytes.Contains(m, []byte(want)) {
		t.Errorf("wordvectors.txt does not record the embedded file's checksum (%s): run go generate ./triage", want)
	}
	allowed := []string{"shared/data/banking77/train.csv", "shared/data/bitext_customer_service/train.csv",
		"shared/data/dstc11_intent_clustering/development.test-utterances.jsonl",
		"scenarios/ledgerleaf/", "scenarios/meetbeam/", "scenarios/shopkettle/"}
	sc := bufio.NewScanner(bytes.NewReader(m))
	inputs := 0
	for sc.Scan() {
		path, ok := strings.CutPrefix(sc.Text(), "input ")
		if !ok {
			continue
		}
		inputs++
		if !slices.ContainsFunc(allowed, func(a string) bool { return strings.HasPrefix(path, a) }) {
			t.Errorf("trained on a text that is neither a train/development split nor a tuning week: %s", sc.Text())
		}
	}
	if inputs != len(allowed) {
		t.Errorf("the manifest lists %d inputs, want %d", inputs, len(allowed))
	}
	b, err := v.MarshalBinary()
	if err != nil || !bytes.Equal(b, shippedVectors) {
		t.Error("the shipped vectors do not encode back to the same bytes")
	}
	if _, err := UnmarshalWordVectors(shippedVectors[:len(shippedVectors)-1]); err == nil {
		t.Error("decoded a truncated file")
	}

	// Sentences about the same thing in other words are closer than
	// sentences about different things.
	nz := newNormalizer(defaultLexicon(), 8<<10)
	sent := func(s string) []float32 {
		out := make([]float32, v.Dims())
		if !v.sentence(nz.tokens(s), out) {
			t.Fatalf("no known word in %q", s)
		}
		return out
	}
	cos := func(a, b []float32) float64 {
		var s float64
		for i := range a {
			s += float64(a[i]) * float64(b[i])
		}
		return s
	}
	topup, addMoney, card := sent("how do I top up my account"), sent("I want to add money to my balance"), sent("my new card has not arrived yet")
	if a, b := cos(topup, addMoney), cos(topup, card); a <= b {
		t.Errorf("top up ~ add money %.3f, top up ~ card arrival %.3f", a, b)
	}
}

// TestTrainVectorsDeterministic: the same texts give the same bytes.
func TestTrainVectorsDeterministic(t *testing.T) {
	var texts []string
	for i := 0; i < 300; i++ {
		texts = append(texts, outage[i%len(outage)], passwordTrickle[i%len(passwordTrickle)],
			"refund my duplicate charge please", "the invoice shows a wrong amount")
	}
	opt := DefaultTrainOptions()
	opt.Dims, opt.Oversample = 8, 4
	a, _ := TrainVectors(texts, opt).MarshalBinary()
	b, _ := TrainVectors(texts, opt).MarshalBinary()
	if !bytes.Equal(a, b) {
		t.Fatal("training twice gave different vectors")
	}
	v, err := UnmarshalWordVectors(a)
	if err != nil || v.Len() == 0 || v.Dims() != 8 {
		t.Fatalf("trained %v words, err %v", v, err)
	}
}

func TestJacobiEigen(t *testing.T) {
	a := []float64{4, 1, 2, 1, 3, 0, 2, 0, 5}
	vals, vecs := jacobiEigen(a, 3)
	for e := 0; e < 3; e++ {
		for i := 0; i < 3; i++ {
			var av float64
			for j := 0; j < 3; j++ {
				av += a[i*3+j] * vecs[j*3+e]
			}
			if math.Abs(av-vals[e]*vecs[i*3+e]) > 1e-9 {
				t.Fatalf("eigenpair %d: A·v != λ·v", e)
			}
		}
	}
}

// TestDenseBlock: with the block on, a ticket vector is the scaled sparse
// vector and the dense tail, of unit length, and survives Refine's
// re-weighing; with it off, vectors have no tail.
func TestDenseBlock(t *testing.T) {
	cfg := DefaultConfig()
	cfg.DenseWeight = 0.4
	e := New(cfg)
	e.Assign(Ticket{ID: 1, Text: "I cannot log in to my account", At: t0})
	e.Assign(Ticket{ID: 2, Text: "sign in fails for everyone", At: t0.Add(time.Minute)})
	for _, id := range []int64{1, 2} {
		v := e.tickets[id].vec
		head, tail := splitDense(v)
		if len(tail) != e.vecs.Dims() || len(head) == 0 {
			t.Fatalf("ticket %d: %d sparse and %d dense coordinates", id, len(head), len(tail))
		}
		if n := norm2(head); math.Abs(n-1) > 1e-4 || len(head) != len(e.tickets[id].sparse()) {
			t.Errorf("ticket %d: sparse part |s|² = %v, %d long, sparse() %d long", id, n, len(head), len(e.tickets[id].sparse()))
		}
		if n, want := norm2(tail), cfg.DenseWeight/(1-cfg.DenseWeight); math.Abs(n-want) > 1e-4 {
			t.Errorf("ticket %d: dense part |d|² = %v, want %v", id, n, want)
		}
	}
	e.Refine(t0.Add(time.Hour))
	if _, tail := splitDense(e.tickets[1].vec); len(tail) != e.vecs.Dims() {
		t.Error("Refine dropped the dense block")
	}
	cfg.DenseWeight = 0
	e = New(cfg)
	e.Assign(Ticket{ID: 1, Text: "I cannot log in to my account", At: t0})
	if _, tail := splitDense(e.tickets[1].vec); len(tail) != 0 {
		t.Error("dense coordinates with the block off")
	}
}

// TestBlockArithmetic: dot and addInPlace add dense blocks place by place;
// the result matches the plain merge over sorted coordinates.
func TestBlockArithmetic(t *testing.T) {
	cfg := DefaultConfig()
	cfg.DenseWeight = 0.3
	e := New(cfg)
	e.Assign(Ticket{ID: 1, Text: "my card payment was declined at the shop", At: t0})
	e.Assign(Ticket{ID: 2, Text: "card declined when paying online", At: t0})
	a, b := e.tickets[1].vec, e.tickets[2].vec
	if blockOf(a) == 0 || blockOf(b) == 0 {
		t.Fatal("ticket vectors without a whole dense block")
	}
	if got, want := dot(a, b), dotMerge(a, b); math.Abs(got-want) > 1e-5 {
		t.Errorf("dot %v, merge %v", got, want)
	}
	var scratch svec
	sum := addInPlace(slices.Clone(a), b, &scratch)
	if want := addScaled(a, b, 1); !slices.Equal(sum, want) {
		t.Errorf("addInPlace with blocks differs from addScaled:\n%v\n%v", sum, want)
	}
}

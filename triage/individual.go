package triage

import (
	"bufio"
	_ "embed"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// The individual model is a logistic regression over a ticket's words
// and word pairs that estimates how likely the ticket describes a problem
// of the writer's own (a forgotten password, a new phone, a card they
// froze, one order's bug) rather than a report of a problem many share.
// It backs up cues.txt, whose phrases are one author's: the model learns
// which words go with which kind of ticket from labelled weeks, so it
// also weighs wordings no cue lists ("the code never comes to my new
// number", "it keeps telling me my details are wrong").
//
// It is trained by `go generate ./triage` (internal/genindividual) from
// the tuning weeks' labels only and embedded as individual.txt: one
// "weight<TAB>feature" line a feature, the bias first.
//
//go:generate go run ./internal/genindividual -scenarios ../scenarios -out individual.txt

//go:embed individual.txt
var individualText string

// IndividualModel is a trained individual-problem model.
type IndividualModel struct {
	Bias    float64
	Weights map[string]float64

	hashOnce sync.Once
	hashed   map[uint64]float64 // Weights by featureHash, for probToks
}

var (
	indivOnce  sync.Once
	indivModel *IndividualModel
)

// shippedIndividual returns the embedded model (nil when none is shipped).
func shippedIndividual() *IndividualModel {
	indivOnce.Do(func() {
		if strings.TrimSpace(individualText) == "" {
			return
		}
		m, err := ParseIndividualModel(individualText)
		if err != nil {
			panic(err) // individual.txt is covered by tests
		}
		indivModel = m
	})
	return indivModel
}

// UseIndividualModel replaces the shipped individual model, process-wide,
// with one written by IndividualModel.Format. It is for experiments only
// (a leave-one-week-out replay, see internal/genindividual -without) and
// must be called before any engine assigns a ticket.
func UseIndividualModel(text string) error {
	m, err := ParseIndividualModel(text)
	if err != nil {
		return err
	}
	indivOnce.Do(func() {})
	indivModel = m
	return nil
}

// ParseIndividualModel reads a model written by IndividualModel.Format.
func ParseIndividualModel(text string) (*IndividualModel, error) {
	m := &IndividualModel{Weights: map[string]float64{}}
	sc := bufio.NewScanner(strings.NewReader(text))
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		w, f, ok := strings.Cut(s, "\t")
		if !ok {
			return nil, fmt.Errorf("individual model line %d: want weight<TAB>feature", line)
		}
		x, err := strconv.ParseFloat(w, 64)
		if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, fmt.Errorf("individual model line %d: bad weight %q", line, w)
		}
		if f == "<bias>" {
			m.Bias = x
		} else {
			m.Weights[f] = x
		}
	}
	return m, sc.Err()
}

// Format writes m, features sorted, weights rounded to 4 decimals.
func (m *IndividualModel) Format(header string) string {
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimSpace(header), "\n") {
		b.WriteString("# " + l + "\n")
	}
	fmt.Fprintf(&b, "%.4f\t<bias>\n", m.Bias)
	keys := make([]string, 0, len(m.Weights))
	for k, w := range m.Weights {
		if math.Abs(w) >= 5e-5 {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(&b, "%.4f\t%s\n", m.Weights[k], k)
	}
	return b.String()
}

// Prob is the model's probability that a ticket with features fs (see
// IndividualFeatures) describes an individual problem.
func (m *IndividualModel) Prob(fs []string) float64 {
	z := m.Bias
	for _, f := range fs {
		z += m.Weights[f]
	}
	return 1 / (1 + math.Exp(-z))
}

// probToks is Prob(indivFeatures(toks)) without building the features'
// strings: each word and word pair is hashed as it would be spelled,
// and the hashes looked up once each. The engine scores every ticket.
func (m *IndividualModel) probToks(toks []token, scratch []uint64) ([]uint64, float64) {
	m.hashOnce.Do(func() {
		m.hashed = make(map[uint64]float64, len(m.Weights))
		for f, w := range m.Weights {
			m.hashed[featureHash(f)] += w
		}
	})
	hs := scratch[:0]
	indivWalk(toks, func(w string) { hs = append(hs, featureHash(w)) },
		func(a, b string) { hs = append(hs, pairHash(a, b)) })
	slices.Sort(hs)
	hs = slices.Compact(hs)
	z := m.Bias
	for _, h := range hs {
		z += m.hashed[h]
	}
	return hs, 1 / (1 + math.Exp(-z))
}

// featureHash is FNV-1a of a feature's spelling; pairHash of "a b"
// without building it.
func featureHash(s string) uint64 { return fnvAdd64(14695981039346656037, s) }

func pairHash(a, b string) uint64 {
	h := fnvAdd64(14695981039346656037, a)
	h ^= ' '
	h *= 1099511628211
	return fnvAdd64(h, b)
}

func fnvAdd64(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// indivFeatures are the words and adjacent word pairs of toks, without
// duplicates. A lexicon topic (login, checkout, a desk's own feature
// names) is "@" in pairs and no word of its own: what a ticket is about
// differs from desk to desk and says nothing about whose problem it is;
// "not @" (can't log in, can't check out) does.
func indivFeatures(toks []token) []string {
	out := make([]string, 0, 2*len(toks))
	indivWalk(toks, func(w string) { out = append(out, w) }, func(a, b string) { out = append(out, a+" "+b) })
	slices.Sort(out)
	return slices.Compact(out)
}

// indivWalk calls word for each word of toks and pair for each adjacent
// pair, a topic standing as "@" (see indivFeatures): the one walk behind
// the model's features, spelled (training) or hashed (scoring).
func indivWalk(toks []token, word func(string), pair func(a, b string)) {
	prev := ""
	for _, t := range toks {
		w := t.Text
		if w == "" {
			continue
		}
		if t.Canon && !stateConcepts[w] {
			w = "@"
		} else {
			word(w)
		}
		if prev != "" {
			pair(prev, w)
		}
		prev = w
	}
}

// IndividualFeatures returns the model's features of a ticket, read with
// the default lexicon as the engine reads it (customer's words only).
func IndividualFeatures(subject, body string) []string {
	n := newNormalizer(defaultLexicon(), DefaultConfig().MaxTextBytes)
	return indivFeatures(n.tokens(subject + "\n" + body))
}

// IndividualExample is one labelled ticket for TrainIndividual.
type IndividualExample struct {
	Features   []string
	Individual bool
}

// IndividualTrainOptions are the training settings.
type IndividualTrainOptions struct {
	MinCount   int     // features seen in fewer examples are dropped
	L2         float64 // ridge penalty per example
	Iterations int     // full-batch gradient steps
	Rate       float64
}

// DefaultIndividualTrainOptions are the shipped model's settings.
func DefaultIndividualTrainOptions() IndividualTrainOptions {
	return IndividualTrainOptions{MinCount: 2, L2: 1e-3, Iterations: 400, Rate: 0.5}
}

// TrainIndividual fits a logistic regression, the two classes weighted
// equally, by full-batch gradient descent from zero: deterministic.
func TrainIndividual(ex []IndividualExample, opt IndividualTrainOptions) *IndividualModel {
	count := map[string]int{}
	for _, e := range ex {
		for _, f := range e.Features {
			count[f]++
		}
	}
	var names []string
	for f, c := range count {
		if c >= opt.MinCount {
			names = append(names, f)
		}
	}
	sort.Strings(names)
	id := make(map[string]int, len(names))
	for i, f := range names {
		id[f] = i
	}
	rows := make([][]int, len(ex))
	var pos, neg float64
	for i, e := range ex {
		for _, f := range e.Features {
			if j, ok := id[f]; ok {
				rows[i] = append(rows[i], j)
			}
		}
		if e.Individual {
			pos++
		} else {
			neg++
		}
	}
	if pos == 0 || neg == 0 {
		return &IndividualModel{Weights: map[string]float64{}}
	}
	wPos, wNeg := 0.5/pos, 0.5/neg // each class weighs one half
	w := make([]float64, len(names))
	g := make([]float64, len(names))
	var b float64
	for it := 0; it < opt.Iterations; it++ {
		clear(g)
		gb := 0.0
		for i, e := range ex {
			z := b
			for _, j := range rows[i] {
				z += w[j]
			}
			p := 1 / (1 + math.Exp(-z))
			y, cw := 0.0, wNeg
			if e.Individual {
				y, cw = 1, wPos
			}
			d := cw * (p - y)
			gb += d
			for _, j := range rows[i] {
				g[j] += d
			}
		}
		b -= opt.Rate * gb
		for j := range w {
			w[j] -= opt.Rate * (g[j] + opt.L2*w[j])
		}
	}
	m := &IndividualModel{Bias: b, Weights: make(map[string]float64, len(names))}
	for j, f := range names {
		m.Weights[f] = w[j]
	}
	return m
}

// sharedQuestion reports whether m, whose only cue is a question ("What
// can we do?", "Can you check?"), reads as a report all the same: the
// individual model reads its words (indiv) as a shared problem. On the
// tuning weeks such tickets were incident reports 33 times in 34 and
// never a hard negative or a look-alike. Without the shipped model a
// question stays a question.
func sharedQuestion(m Message, indiv float32) bool {
	return m.Noise == "" && indiv < 0.5 && len(m.Individual) == 1 && m.Individual[0] == "question" && len(m.Collective) == 0 && shippedIndividual() != nil
}

// countsAsReport reports whether a ticket with message m, which the
// individual model gives indiv, counts toward bursts: a plain report, or
// a question that reads as a shared problem (sharedQuestion) and says
// something is wrong ("the schedule is an hour out since the update, how
// do I fix it?"). "Can someone explain my payslip?" on payday says
// nothing is wrong, and a hundred of them are no storm.
func countsAsReport(m Message, indiv float32) bool {
	return m.Grade() == Report || m.Trouble && sharedQuestion(m, indiv)
}

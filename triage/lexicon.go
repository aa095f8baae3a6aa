package triage

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"
)

//go:embed lexicon.txt
var defaultLexiconText string

// DefaultLexicon returns the text of the embedded default lexicon, in the
// format that ParseLexicon and Config.LexiconExtra accept.
func DefaultLexicon() string { return defaultLexiconText }

// Lexicon maps phrases (sequences of normalised tokens) to canonical tokens.
// A Lexicon is immutable once built and safe for concurrent use.
type Lexicon struct {
	// byFirst maps a phrase's first token to its phrases, longest first.
	byFirst map[string][]phrase
	size    int
}

type phrase struct {
	toks  []string
	canon string
}

var (
	defaultLexOnce sync.Once
	defaultLex     *Lexicon
)

func defaultLexicon() *Lexicon {
	defaultLexOnce.Do(func() {
		l, err := ParseLexicon(defaultLexiconText, nil)
		if err != nil {
			panic(err) // The embedded file is covered by tests.
		}
		defaultLex = l
	})
	return defaultLex
}

// ParseLexicon parses lexicon text ("canonical: phrase, phrase" lines, '#'
// comments) on top of base, which may be nil. Phrases are normalised with
// the same pipeline as tickets (without a lexicon), so they match inflected
// forms. Errors name the line.
func ParseLexicon(text string, base *Lexicon) (*Lexicon, error) {
	l := &Lexicon{byFirst: map[string][]phrase{}}
	if base != nil {
		for k, v := range base.byFirst {
			l.byFirst[k] = append([]phrase(nil), v...)
		}
		l.size = base.size
	}
	n := newNormalizer(nil, 0)
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		canon, rest, ok := strings.Cut(line, ":")
		canon = strings.TrimSpace(canon)
		if !ok || !validCanon(canon) {
			return nil, fmt.Errorf("triage: lexicon line %d: want \"canonical: phrase, ...\" with a lower-case [a-z0-9_] canonical token, got %q", i+1, line)
		}
		for _, p := range strings.Split(rest, ",") {
			p = strings.TrimSpace(p)
			if p == "" {
				continue
			}
			toks := n.tokens(p)
			if len(toks) == 0 {
				return nil, fmt.Errorf("triage: lexicon line %d: phrase %q has no words", i+1, p)
			}
			ph := phrase{canon: canon, toks: make([]string, len(toks))}
			for j, t := range toks {
				ph.toks[j] = t.Text
			}
			l.add(ph)
		}
	}
	for k := range l.byFirst {
		ps := l.byFirst[k]
		sort.SliceStable(ps, func(a, b int) bool { return len(ps[a].toks) > len(ps[b].toks) })
	}
	return l, nil
}

func (l *Lexicon) add(ph phrase) {
	list := l.byFirst[ph.toks[0]]
	for i, old := range list {
		if equalStrings(old.toks, ph.toks) {
			list[i] = ph // A later definition overrides an earlier one.
			return
		}
	}
	l.byFirst[ph.toks[0]] = append(list, ph)
	l.size++
}

// Len returns the number of phrases in the lexicon.
func (l *Lexicon) Len() int { return l.size }

func validCanon(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// matchAt returns the length of the longest phrase matching toks at i,
// 0 for none.
func (l *Lexicon) matchAt(toks []token, i int) int {
	for _, ph := range l.byFirst[toks[i].Text] {
		if i+len(ph.toks) > len(toks) {
			continue
		}
		ok := true
		for j := 1; j < len(ph.toks); j++ {
			if toks[i+j].Text != ph.toks[j] {
				ok = false
				break
			}
		}
		if ok {
			return len(ph.toks)
		}
	}
	return 0
}

// wordCanon is the canonical token of the one-word phrase w, "" for none.
func (l *Lexicon) wordCanon(w string) string {
	for _, ph := range l.byFirst[w] {
		if len(ph.toks) == 1 {
			return ph.canon
		}
	}
	return ""
}

// apply replaces the longest matching phrase at each position by its
// canonical token.
func (l *Lexicon) apply(toks []token) []token {
	// Matches only ever shorten the slice, so rewrite it in place.
	out := toks[:0]
	for i := 0; i < len(toks); {
		matched := false
		for _, ph := range l.byFirst[toks[i].Text] {
			if i+len(ph.toks) > len(toks) {
				continue
			}
			ok := true
			for j := 1; j < len(ph.toks); j++ {
				if toks[i+j].Text != ph.toks[j] {
					ok = false
					break
				}
			}
			if ok {
				surface := toks[i].Surface
				if len(ph.toks) > 1 {
					surface = ph.canon
				}
				out = append(out, token{Text: ph.canon, Surface: surface, Canon: true, stop: stopwords[ph.canon]})
				i += len(ph.toks)
				matched = true
				break
			}
		}
		if !matched {
			out = append(out, toks[i])
			i++
		}
	}
	return out
}

func sortedUnique(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	sort.Strings(s)
	out := s[:1]
	for _, v := range s[1:] {
		if v != out[len(out)-1] {
			out = append(out, v)
		}
	}
	return out
}

// stateConcepts are the lexicon's canonical tokens for the state of
// something (a payment pending, a login failed) rather than for what it
// is about: every other concept names a topic.
var stateConcepts = map[string]bool{"pending": true, "failed": true, "unrecognised": true, "duplicate": true, "reverted": true,
	"declined": true, "outage": true, "crash": true, "cancel": true, "frozen": true, "choppy": true}

// topics keeps the concepts that name a topic.
func topics(concepts []string) []string {
	var out []string
	for _, c := range concepts {
		if !stateConcepts[c] {
			out = append(out, c)
		}
	}
	return out
}

// scan appends to out the canonical token of the longest phrase matching
// at each position of toks, without changing toks. A phrase negated by
// one of the two words before it ("it's not a wrong password") does not
// count.
func (l *Lexicon) scan(toks []token, out []string) []string {
	for i := 0; i < len(toks); {
		step := 1
		if i > 0 && toks[i-1].neg == negNot || i > 1 && toks[i-2].neg == negNot {
			i++
			continue
		}
		for _, ph := range l.byFirst[toks[i].Text] {
			if i+len(ph.toks) > len(toks) {
				continue
			}
			ok := true
			for j := 1; j < len(ph.toks); j++ {
				if toks[i+j].Text != ph.toks[j] {
					ok = false
					break
				}
			}
			if ok {
				out = append(out, ph.canon)
				step = len(ph.toks)
				break
			}
		}
		i += step
	}
	return out
}

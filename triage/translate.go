package triage

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
)

// A desk's vocabulary (the lexicon, the product's features:) is written
// in one language, its customers write in several: "Zahlung
// fehlgeschlagen" and "no me llega el código" are the same reports as
// "payment failed" and "the code never arrives". Before the lexicon, the
// everyday support words of German, French and Spanish become the English
// words (stems) the vocabulary is written in (translate.txt).

//go:embed translate.txt
var translateText string

// translation maps a normalised foreign word to an English stem.
type translation map[string]token

var (
	translateOnce sync.Once
	translateMap  translation
)

func translations() translation {
	translateOnce.Do(func() {
		t, err := parseTranslations(translateText)
		if err != nil {
			panic(err) // translate.txt is covered by tests
		}
		translateMap = t
	})
	return translateMap
}

func parseTranslations(text string) (translation, error) {
	t := translation{}
	n := newNormalizer(nil, 0)
	one := func(w string) (token, error) {
		toks := n.tokens(w)
		if len(toks) != 1 {
			return token{}, fmt.Errorf("%q is not one word", w)
		}
		return toks[0], nil
	}
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		en, rest, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("triage: translate line %d: want \"english: word, ...\"", i+1)
		}
		to, err := one(strings.TrimSpace(en))
		if err != nil {
			return nil, fmt.Errorf("triage: translate line %d: %w", i+1, err)
		}
		for _, w := range strings.Split(rest, ",") {
			if w = strings.TrimSpace(w); w == "" {
				continue
			}
			from, err := one(w)
			if err != nil {
				return nil, fmt.Errorf("triage: translate line %d: %w", i+1, err)
			}
			if from.Text != to.Text {
				t[from.Text] = to
			}
		}
	}
	return t, nil
}

// apply translates toks in place, leaving alone the words of a phrase of
// several words of lex matching at their place (the lexicon's own
// multilingual phrases, "bildschirm teilen", win) and the words lex maps
// to another meaning than their translation.
func (t translation) apply(toks []token, lex *Lexicon) {
	for i := 0; i < len(toks); i++ {
		k := lex.matchAt(toks, i)
		if k > 1 {
			i += k - 1
			continue
		}
		if to, ok := t[toks[i].Text]; ok {
			if k == 1 && lex.wordCanon(toks[i].Text) != lex.wordCanon(to.Text) {
				// A word the lexicon already reads ("audio") keeps its
				// meaning unless its translation means the same to it
				// ("fehlgeschlagen" and "fail" are both "failed").
				continue
			}
			surface := toks[i].Surface
			toks[i] = to
			toks[i].Surface = surface
		}
	}
}

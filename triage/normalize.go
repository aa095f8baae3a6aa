package triage

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Placeholder tokens that replace volatile parts of a ticket.
const (
	TokURL    = "_url_"
	TokEmail  = "_email_"
	TokNumber = "_num_"
	TokID     = "_id_"
	TokNot    = "not"
)

// token is one normalised word: Text is what features are built from (a
// stem, a placeholder or a canonical lexicon token) and Surface is the
// folded word as written, kept for human-readable top terms.
type token struct {
	Text    string
	Surface string
	Canon   bool // Text is a canonical lexicon token
}

// normalizer turns raw ticket text into tokens. It is not safe for
// concurrent use: it caches stems and owns a case folder.
type normalizer struct {
	lex       *Lexicon
	noStem    bool
	maxBytes  int
	fold      cases.Caser
	stemCache map[string]string
}

const stemCacheMax = 200_000

func newNormalizer(lex *Lexicon, maxBytes int) *normalizer {
	return &normalizer{lex: lex, maxBytes: maxBytes, fold: cases.Fold(), stemCache: make(map[string]string, 1024)}
}

// Normalize returns the normalised token texts of text using the default
// lexicon and DefaultConfig().MaxTextBytes. It is meant for inspection and
// tests; the Engine uses its own configured normaliser.
func Normalize(text string) []string {
	n := newNormalizer(defaultLexicon(), DefaultConfig().MaxTextBytes)
	toks := n.tokens(text)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

// Concepts returns the canonical lexicon tokens present in text, sorted and
// without duplicates, using the default lexicon. For example "can't sign in
// or share my screen" gives ["login", "screenshare"].
func Concepts(text string) []string {
	n := newNormalizer(defaultLexicon(), DefaultConfig().MaxTextBytes)
	return conceptsOf(n.tokens(text))
}

func conceptsOf(toks []token) []string {
	var out []string
	for _, t := range toks {
		if t.Canon {
			out = append(out, t.Text)
		}
	}
	return sortedUnique(out)
}

// clean applies the text-level steps: bounded prefix, UTF-8 repair, HTML,
// quoted replies and signatures, NFKC and case folding.
func (n *normalizer) clean(text string) string {
	if n.maxBytes > 0 && len(text) > n.maxBytes {
		cut := n.maxBytes
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, " ")
	}
	if strings.IndexByte(text, '<') >= 0 {
		text = stripHTML(text)
	}
	if strings.IndexByte(text, '&') >= 0 {
		text = html.UnescapeString(text)
	}
	text = stripQuotes(text)
	if isASCII(text) {
		return strings.ToLower(text)
	}
	text = norm.NFKC.String(text)
	text = n.fold.String(text)
	// Typographic apostrophes become ASCII so "can’t" is a contraction.
	return strings.Map(func(r rune) rune {
		switch r {
		case '\u2019', '\u2018', '\u02bc', '`', '\u00b4':
			return '\''
		}
		return r
	}, text)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// stripHTML removes tags (and the contents of script and style elements).
// Block-level tags become newlines so quoted-reply detection still sees
// lines. A '<' that does not open a tag is kept.
func stripHTML(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c != '<' || i+1 >= len(s) {
			b.WriteByte(c)
			i++
			continue
		}
		nx := s[i+1]
		if !(nx == '/' || nx == '!' || (nx|0x20 >= 'a' && nx|0x20 <= 'z')) {
			b.WriteByte(c)
			i++
			continue
		}
		end := strings.IndexByte(s[i:], '>')
		if end < 0 {
			b.WriteByte(c)
			i++
			continue
		}
		tag := strings.ToLower(s[i+1 : i+end])
		i += end + 1
		name := strings.TrimLeft(tag, "/!")
		if k := strings.IndexAny(name, " \t\r\n/"); k >= 0 {
			name = name[:k]
		}
		switch name {
		case "script", "style":
			if tag[0] != '/' {
				closeTag := "</" + name
				if k := strings.Index(strings.ToLower(s[i:]), closeTag); k >= 0 {
					i += k
				} else {
					i = len(s)
				}
			}
		case "br", "p", "div", "li", "tr", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6":
			b.WriteByte('\n')
		default:
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// closings are lines that start a signature block when they stand alone.
var closings = map[string]bool{
	"thanks": true, "thank you": true, "thanks in advance": true, "many thanks": true,
	"regards": true, "best regards": true, "kind regards": true, "warm regards": true,
	"best": true, "cheers": true, "sincerely": true, "yours sincerely": true, "yours truly": true,
	"best wishes": true, "thx": true, "ty": true,
}

// stripQuotes drops quoted reply lines ("> ..."), everything from a reply
// header ("On Tue, ... wrote:", "-----Original Message-----") on, and a
// trailing signature ("-- ", "Sent from my ...", a lone closing such as
// "Kind regards,"). If nothing is left the original text is kept, so a
// ticket that is only a forwarded quote still has content.
func stripQuotes(s string) string {
	if strings.IndexByte(s, '\n') < 0 && strings.IndexByte(s, '\r') < 0 && !strings.HasPrefix(strings.TrimSpace(s), ">") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	lines := strings.Split(s, "\n")
	kept := make([]string, 0, len(lines))
	content := false
	for i, line := range lines {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, ">") {
			continue
		}
		low := strings.ToLower(t)
		if strings.HasPrefix(low, "-----original message") || strings.HasPrefix(low, "________________") {
			break
		}
		if strings.HasPrefix(low, "on ") && (strings.HasSuffix(low, "wrote:") ||
			(i+1 < len(lines) && strings.HasSuffix(strings.ToLower(strings.TrimSpace(lines[i+1])), "wrote:"))) {
			break
		}
		if content && (t == "--" || line == "-- " || strings.HasPrefix(low, "sent from my ") ||
			closings[strings.TrimRight(low, ",.! ")]) {
			break
		}
		if t != "" {
			content = true
		}
		kept = append(kept, line)
	}
	if !content {
		return s
	}
	return strings.Join(kept, "\n")
}

// negations are whole words that mean "not".
var negations = map[string]bool{
	"not": true, "no": true, "never": true, "cannot": true, "cant": true, "can't": true,
	"wont": true, "won't": true, "dont": true, "doesnt": true, "didnt": true, "isnt": true,
	"wasnt": true, "arent": true, "werent": true, "couldnt": true, "wouldnt": true,
	"shouldnt": true, "havent": true, "hasnt": true, "hadnt": true, "aint": true,
	"unable": true, "neither": true, "nor": true,
}

// tokens runs the whole pipeline on text.
func (n *normalizer) tokens(text string) []token {
	text = n.clean(text)
	raw := make([]token, 0, 32)
	for start, i := -1, 0; i <= len(text); {
		r, size := rune(' '), 1
		if i < len(text) {
			if r = rune(text[i]); r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(text[i:])
			}
		}
		space := r == ' ' || r == '\n' || r == '\t' || r == '\r' || (r >= utf8.RuneSelf && unicode.IsSpace(r))
		switch {
		case space && start >= 0:
			raw = n.chunkTokens(text[start:i], raw)
			start = -1
		case !space && start < 0:
			start = i
		}
		i += size
	}
	// Negation: "unable to", "not able to" and "can not" collapse to one
	// "not"; the dropped words are stop words anyway.
	out := raw[:0]
	for i := 0; i < len(raw); i++ {
		t := raw[i]
		if t.Text == TokNot {
			if len(out) > 0 && out[len(out)-1].Text == TokNot {
				continue
			}
			// "not able to" -> "not".
			if i+1 < len(raw) && raw[i+1].Text == "able" {
				i++
				if i+1 < len(raw) && raw[i+1].Text == "to" {
					i++
				}
			}
		}
		out = append(out, t)
	}
	raw = out
	for i := range raw {
		if !n.noStem && !raw[i].Canon && isLowerASCIIWord(raw[i].Text) {
			raw[i].Text = n.stem(raw[i].Text)
		}
	}
	if n.lex != nil {
		raw = n.lex.apply(raw)
	}
	return raw
}

func isLowerASCIIWord(s string) bool {
	if len(s) < 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

func (n *normalizer) stem(w string) string {
	if s, ok := n.stemCache[w]; ok {
		return s
	}
	s := english.Stem(w, false)
	if len(n.stemCache) < stemCacheMax {
		n.stemCache[w] = s
	}
	return s
}

// isSoloRune reports runes that form a word on their own: ideographs and
// kana (scripts written without spaces) and symbols such as emoji.
func isSoloRune(r rune) bool {
	if r < 0x80 {
		return false
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai) ||
		unicode.Is(unicode.So, r)
}

func isWordRune(r rune) bool {
	if r < 0x80 {
		return r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// chunkTokens splits one whitespace-delimited chunk into tokens, replacing
// URLs, emails, numbers and ids by placeholders and expanding contractions.
func (n *normalizer) chunkTokens(chunk string, out []token) []token {
	if strings.Contains(chunk, "://") || strings.HasPrefix(strings.TrimLeft(chunk, "(<[\"'"), "www.") {
		return append(out, token{Text: TokURL, Surface: TokURL})
	}
	if at := strings.IndexByte(chunk, '@'); at > 0 && strings.IndexByte(chunk[at:], '.') > 1 {
		return append(out, token{Text: TokEmail, Surface: TokEmail})
	}
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		out = n.word(strings.Trim(chunk[start:end], "'"), out)
		start = -1
	}
	for i, r := range chunk {
		switch {
		case isSoloRune(r):
			flush(i)
			s := string(r)
			out = append(out, token{Text: s, Surface: s})
		case isWordRune(r):
			if start < 0 {
				start = i
			}
		case r == '\'' && start >= 0:
			// Apostrophe inside a word: part of a contraction.
		case (r == '.' || r == ',') && start >= 0 && i+1 < len(chunk) &&
			chunk[i+1] >= '0' && chunk[i+1] <= '9' && chunk[i-1] >= '0' && chunk[i-1] <= '9':
			// Decimal or thousands separator inside a number.
		default:
			flush(i)
		}
	}
	flush(len(chunk))
	return out
}

// word classifies one word and appends its tokens.
func (n *normalizer) word(w string, out []token) []token {
	if w == "" {
		return out
	}
	digits, letters := 0, 0
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case unicode.IsLetter(r):
			letters++
		}
	}
	if digits > 0 {
		switch {
		case letters == 0:
			return append(out, token{Text: TokNumber, Surface: TokNumber})
		case len(w) >= 5:
			return append(out, token{Text: TokID, Surface: TokID})
		}
		return append(out, token{Text: w, Surface: w})
	}
	if negations[w] {
		return append(out, token{Text: TokNot, Surface: w})
	}
	if k := strings.IndexByte(w, '\''); k >= 0 {
		base, suf := w[:k], w[k+1:]
		switch {
		case suf == "t" && strings.HasSuffix(base, "n"):
			// "isn't" -> "not"; the auxiliary is a stop word.
			return append(out, token{Text: TokNot, Surface: w})
		case suf == "s" || suf == "re" || suf == "ve" || suf == "ll" || suf == "d" || suf == "m":
			if base == "" {
				return out
			}
			return append(out, token{Text: base, Surface: base})
		}
		w = strings.ReplaceAll(w, "'", "")
	}
	return append(out, token{Text: w, Surface: w})
}

package triage

import (
	"bytes"
	"html"
	"slices"
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
	Canon   bool    // Text is a canonical lexicon token
	stop    bool    // Text is a stop word
	neg     negRole // the word before stemming, for negation collapsing
}

// negRole marks the words that negation collapsing looks at, as they were
// before stemming ("able" stems to "abl").
type negRole uint8

const (
	negNone negRole = iota
	negNot          // TokNot, which every negation word becomes
	negAble         // "able"
	negTo           // "to"
)

func negRoleOf(text string) negRole {
	switch text {
	case TokNot:
		return negNot
	case "able":
		return negAble
	case "to":
		return negTo
	}
	return negNone
}

// newToken returns the token for text and surface, its flags filled in.
func newToken(text, surface string) token {
	return token{Text: text, Surface: surface, stop: stopwords[text], neg: negRoleOf(text)}
}

// Placeholder tokens for whole chunks; placeholders are neither stop
// words nor negations.
var (
	urlToken   = token{Text: TokURL, Surface: TokURL}
	emailToken = token{Text: TokEmail, Surface: TokEmail}
)

// normalizer turns raw ticket text into tokens. It is not safe for
// concurrent use: it caches analysed words and reuses its buffers, so the
// tokens it returns are only valid until its next call.
type normalizer struct {
	lex      *Lexicon
	noStem   bool // set before the first call
	maxBytes int
	fold     cases.Caser

	// words caches the analysis (classification, contraction, stem) of
	// words without digits, by the word as written after folding: the
	// same word always gives the same token, so a hit skips the
	// classification, the stemmer and the allocations. It is cleared when
	// it reaches stemCacheMax entries.
	words map[string]cachedWord
	buf   []byte  // the cleaned text
	toks  []token // the returned tokens
	// cues, when set, is scanned for on each text before the lexicon
	// applies; what it found is in found, valid until the next call.
	cues  *Lexicon
	found []string
}

type cachedWord struct {
	tok  token
	emit bool // false when the word gives no token
}

const stemCacheMax = 200_000

func newNormalizer(lex *Lexicon, maxBytes int) *normalizer {
	return &normalizer{lex: lex, maxBytes: maxBytes, fold: cases.Fold(), words: make(map[string]cachedWord, 1024)}
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

// fineWords are the words workingAt reads as "it works".
var fineWords = []string{"fine", "ok", "okay", "correctly", "quickly", "on time"}

// working returns the topics the cleaned text of a ticket (n.clean's
// result) says work, sorted and without duplicates: "unlocked the car
// fine, but the fuel card is missing", "texts arrive on time". Each
// clause (up to a stop, a comma or "but") that has a word for fine is
// read on its own (see workingAt); most tickets have none and cost a
// scan.
func (n *normalizer) working(cleaned []byte) []string {
	has := false
	for _, w := range fineWords {
		if bytes.Contains(cleaned, []byte(w)) {
			has = true
			break
		}
	}
	if !has {
		return nil
	}
	var out []string
	text := strings.ReplaceAll(string(cleaned), " but ", ". ")
	for _, clause := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune(".,;:!?\n", r) }) {
		if !slices.ContainsFunc(fineWords, func(w string) bool { return strings.Contains(clause, w) }) {
			continue
		}
		toks := n.tokens(clause)
		for i, t := range toks {
			if t.Canon && !stateConcepts[t.Text] && workingAt(toks, i) {
				out = append(out, t.Text)
			}
		}
	}
	return sortedUnique(out)
}

// workingAt reports whether the topic toks[i] (one clause's tokens) is
// said to work: a word for fine ("fine", "ok", "correctly", "quickly",
// "on time") follows it within four words, with no negation or other
// lexicon token between. Not when a past tense ("worked fine", "was
// fine") or a time after ("fine until this morning") says it worked
// once, when a negation just before the topic says it fails ("can't log
// in"), when "else" or "other" moves the praise to something else, or
// when a first step is what went fine ("the share starts fine, but after
// a minute it freezes"): look-alikes say it of what the incident beside
// them is about ("the doors unlock fine but the boot stays shut"), and
// incident reports mostly of another feature than the one failing
// ("logged in fine, but share won't start").
func workingAt(toks []token, i int) bool {
	for j := i - 1; j >= 0; j-- {
		if toks[j].stop {
			continue
		}
		if toks[j].Text == TokNot {
			return false // "can't log in, everything else is fine"
		}
		break
	}
	for j := i + 1; j < len(toks) && j <= i+4; j++ {
		u := toks[j]
		if u.Text == TokNot || u.Canon {
			return false
		}
		switch u.Surface {
		case "else", "other", "others":
			return false // "login, everything else is fine"
		case "start", "starts", "started", "begin", "begins", "join", "joins", "joined", "connect", "connects", "connected", "launch", "launches":
			return false // "the share starts fine, but after a minute it freezes"
		case "was", "were", "worked", "used", "had", "did", "went":
			if u.Surface == "went" && j+1 < len(toks) && toks[j+1].Surface == "through" {
				continue // "the payment went through fine" says it works
			}
			return false
		}
		fine := false
		switch u.Surface {
		case "fine", "ok", "okay", "correctly", "quickly":
			fine = true
		case "time":
			fine = toks[j-1].Surface == "on"
		}
		if !fine {
			continue
		}
		for k := j + 1; k < len(toks) && k <= j+3; k++ {
			switch toks[k].Surface {
			case "until", "till", "yesterday", "before", "earlier", "previously", "last", "ago":
				return false
			}
		}
		return true
	}
	return false
}

// clean applies the text-level steps: bounded prefix, UTF-8 repair, HTML,
// quoted replies and signatures, NFKC and case folding. The result is in
// n.buf, valid until the next call.
func (n *normalizer) clean(text string) []byte {
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
	text = stripTranscript(text)
	text = stripForm(text)
	text = stripQuotes(text)
	if isASCII(text) {
		// ASCII needs neither NFKC nor full case folding: lower-casing
		// A-Z is what both do to it.
		b := n.buf[:0]
		for i := 0; i < len(text); i++ {
			c := text[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
		}
		n.buf = b
		return b
	}
	text = norm.NFKC.String(text)
	text = n.fold.String(text)
	// Typographic apostrophes become ASCII so "can’t" is a contraction.
	text = strings.Map(func(r rune) rune {
		switch r {
		case '\u2019', '\u2018', '\u02bc', '`', '\u00b4':
			return '\''
		}
		return r
	}, text)
	n.buf = append(n.buf[:0], text...)
	return n.buf
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
	forwarded := false
	for i, line := range lines {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, ">") {
			continue
		}
		low := strings.ToLower(t)
		if strings.Contains(low, "forwarded message") || strings.HasPrefix(low, "begin forwarded message") {
			// A forwarded message: its headers go, its words stay.
			forwarded = true
			continue
		}
		if isHeaderLine(low) && (i+1 < len(lines) && isHeaderLine(strings.ToLower(strings.TrimSpace(lines[i+1]))) || i > 0 && isHeaderLine(strings.ToLower(strings.TrimSpace(lines[i-1])))) {
			if !forwarded && content {
				break // "From: … Sent: …": the reply's quoted original starts here
			}
			continue
		}
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

// headerNames start the header lines of a quoted or forwarded mail, in
// the languages mail clients write them in.
var headerNames = []string{"from:", "sent:", "date:", "to:", "cc:", "subject:", "von:", "gesendet:", "an:", "betreff:", "datum:",
	"de :", "de:", "envoyé :", "envoyé:", "à :", "objet :", "objet:", "para:", "enviado:", "asunto:", "fecha:"}

func isHeaderLine(low string) bool {
	for _, h := range headerNames {
		if strings.HasPrefix(low, h) {
			return true
		}
	}
	return false
}

// negations are whole words that mean "not".
var negations = map[string]bool{
	"not": true, "no": true, "never": true, "cannot": true, "cant": true, "can't": true,
	"wont": true, "won't": true, "dont": true, "doesnt": true, "didnt": true, "isnt": true,
	"wasnt": true, "arent": true, "werent": true, "couldnt": true, "wouldnt": true,
	"shouldnt": true, "havent": true, "hasnt": true, "hadnt": true, "aint": true,
	"unable": true, "neither": true, "nor": true,
}

// tokens runs the whole pipeline on text. The result is only valid until
// the next call.
func (n *normalizer) tokens(text string) []token {
	buf := n.clean(text)
	raw := n.toks[:0]
	for start, i := -1, 0; i <= len(buf); {
		r, size := rune(' '), 1
		if i < len(buf) {
			if r = rune(buf[i]); r >= utf8.RuneSelf {
				r, size = utf8.DecodeRune(buf[i:])
			}
		}
		space := r == ' ' || r == '\n' || r == '\t' || r == '\r' || (r >= utf8.RuneSelf && unicode.IsSpace(r))
		switch {
		case space && start >= 0:
			raw = n.chunkTokens(buf[start:i], raw)
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
		if t.neg == negNot {
			if len(out) > 0 && out[len(out)-1].neg == negNot {
				continue
			}
			// "not able to" -> "not".
			if i+1 < len(raw) && raw[i+1].neg == negAble {
				i++
				if i+1 < len(raw) && raw[i+1].neg == negTo {
					i++
				}
			}
		}
		out = append(out, t)
	}
	raw = out
	if n.cues != nil {
		n.found = n.cues.scan(raw, n.found[:0])
	}
	if n.lex != nil {
		translations().apply(raw, n.lex)
		raw = n.lex.apply(raw)
	}
	n.toks = raw
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

// finish stems t (stemming is a function of the token's text alone, so it
// can be done before negation collapsing, which looks at t.neg) and fills
// in its stop-word flag.
func (n *normalizer) finish(t token) token {
	t.neg = negRoleOf(t.Text)
	if !n.noStem && !t.Canon && isLowerASCIIWord(t.Text) {
		t.Text = english.Stem(t.Text, false)
	}
	t.stop = stopwords[t.Text]
	return t
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
func (n *normalizer) chunkTokens(chunk []byte, out []token) []token {
	if bytes.Contains(chunk, []byte("://")) || bytes.HasPrefix(trimOpeners(chunk), []byte("www.")) {
		return append(out, urlToken)
	}
	if at := bytes.IndexByte(chunk, '@'); at > 0 && bytes.IndexByte(chunk[at:], '.') > 1 {
		return append(out, emailToken)
	}
	start := -1
	for i := 0; i < len(chunk); {
		r, size := rune(chunk[i]), 1
		if r < utf8.RuneSelf && isWordRune(r) {
			// The common case, first.
			if start < 0 {
				start = i
			}
			i++
			continue
		}
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(chunk[i:])
		}
		switch {
		case isSoloRune(r):
			if start >= 0 {
				out = n.word(chunk[start:i], out)
				start = -1
			}
			s := string(r)
			out = append(out, newToken(s, s))
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
			if start >= 0 {
				out = n.word(chunk[start:i], out)
				start = -1
			}
		}
		i += size
	}
	if start >= 0 {
		out = n.word(chunk[start:], out)
	}
	return out
}

// trimOpeners drops the brackets and quotes that may precede a URL.
func trimOpeners(b []byte) []byte {
	for len(b) > 0 {
		switch b[0] {
		case '(', '<', '[', '"', '\'':
			b = b[1:]
		default:
			return b
		}
	}
	return b
}

// word appends the tokens of one word (apostrophes around it are
// dropped). Words without digits are analysed once and cached.
func (n *normalizer) word(w []byte, out []token) []token {
	for len(w) > 0 && w[0] == '\'' {
		w = w[1:]
	}
	for len(w) > 0 && w[len(w)-1] == '\'' {
		w = w[:len(w)-1]
	}
	if len(w) == 0 {
		return out
	}
	if hasDigit(w) {
		// Numbers and ids (placeholders) and short alphanumerics: not
		// cached, so order and reference numbers do not fill the cache.
		return n.analyse(string(w), out)
	}
	if c, ok := n.words[string(w)]; ok {
		if c.emit {
			out = append(out, c.tok)
		}
		return out
	}
	ws := string(w)
	k := len(out)
	out = n.analyse(ws, out)
	if len(n.words) >= stemCacheMax {
		clear(n.words)
	}
	c := cachedWord{emit: len(out) > k}
	if c.emit {
		c.tok = out[k]
	}
	n.words[ws] = c
	return out
}

func hasDigit(w []byte) bool {
	for _, c := range w {
		if '0' <= c && c <= '9' {
			return true
		}
	}
	return false
}

// analyse classifies one word and appends its (at most one) finished token.
func (n *normalizer) analyse(w string, out []token) []token {
	k := len(out)
	out = classify(w, out)
	for i := k; i < len(out); i++ {
		out[i] = n.finish(out[i])
	}
	return out
}

// classify classifies one word and appends its tokens.
func classify(w string, out []token) []token {
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

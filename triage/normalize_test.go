package triage

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNegationKept(t *testing.T) {
	can := Normalize("I can log in")
	for _, neg := range []string{"I can't log in", "I cannot log in", "I cant log in", "I can’t log in",
		"I am unable to log in", "I can not log in", "I'm not able to log in"} {
		got := Normalize(neg)
		if reflect.DeepEqual(got, can) {
			t.Errorf("%q normalises like %q: %v", neg, "I can log in", got)
		}
		if !slices.Contains(got, TokNot) || !slices.Contains(got, "login") {
			t.Errorf("%q: want one negation and login, got %v", neg, got)
		}
		n := 0
		for _, tok := range got {
			if tok == TokNot {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%q: %d negation tokens in %v, want 1", neg, n, got)
		}
	}
}

func TestLexicon(t *testing.T) {
	cases := map[string]string{
		"log in": "login", "Login": "login", "signing in": "login", "sign-on": "login", "signin": "login",
		"SSO": "login", "authenticate": "login", "screen share": "screenshare", "ScreenShare": "screenshare",
		"sharing my screen": "screenshare", "top-up": "topup", "2FA": "twofactor",
	}
	for in, want := range cases {
		if got := Normalize("the " + in + " fails"); !slices.Contains(got, want) {
			t.Errorf("%q: tokens %v lack %q", in, got, want)
		}
	}
	if got := Concepts("Can't sign in, and sharing my screen spins. SSO error!"); !reflect.DeepEqual(got, []string{"login", "screenshare"}) {
		t.Errorf("Concepts = %v", got)
	}
	if got := Concepts("the weather is nice"); got != nil {
		t.Errorf("Concepts of unrelated text = %v", got)
	}
}

func TestLexiconExtra(t *testing.T) {
	cfg := DefaultConfig()
	cfg.LexiconExtra = "invoice: bill, billing statement\nkyc: know your customer"
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	e := New(cfg)
	if got := e.norm.tokens("my billing statement is wrong, Know Your Customer check"); !hasText(got, "invoice") || !hasText(got, "kyc") {
		t.Errorf("extra lexicon not applied: %v", got)
	}
	if !hasText(e.norm.tokens("sign in"), "login") {
		t.Error("default lexicon lost when extending")
	}
	cfg.LexiconExtra = "Bad Canon: x"
	if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), "LexiconExtra") || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("bad lexicon error = %v", err)
	}
}

func hasText(toks []token, s string) bool {
	for _, t := range toks {
		if t.Text == s {
			return true
		}
	}
	return false
}

func TestStripping(t *testing.T) {
	in := "Subject: login broken\nI cannot sign in since this morning.\n\n" +
		"Kind regards,\nJane Doe\nACME Corp\n\n" +
		"On Tue, 5 Mar 2024 at 10:00, Support <support@example.com> wrote:\n> Have you tried turning it off and on again? zebra\n"
	got := Normalize(in)
	for _, bad := range []string{"zebra", "jane", "acm", "tri"} {
		if slices.Contains(got, bad) {
			t.Errorf("quoted reply or signature leaked %q: %v", bad, got)
		}
	}
	if !slices.Contains(got, "login") {
		t.Errorf("body lost: %v", got)
	}
	html := "<html><style>p{color:red}</style><p>Screen <b>share</b> won&#39;t start</p><script>alert('x')</script></html>"
	got = Normalize(html)
	if !slices.Contains(got, "screenshare") || slices.Contains(got, "alert") || slices.Contains(got, "color") {
		t.Errorf("HTML not stripped: %v", got)
	}
	if !slices.Contains(got, TokNot) {
		t.Errorf("entity not decoded into a negation: %v", got)
	}
	// Only a quote: keep it rather than lose everything.
	if got := Normalize("> login broken"); !slices.Contains(got, "login") {
		t.Errorf("quote-only ticket lost its text: %v", got)
	}
}

func TestPlaceholders(t *testing.T) {
	got := Normalize("See https://status.example.com/x?y=1 or www.example.org, mail bob@example.com, order 12345 costs 3.50, ref AB12CD34")
	for _, want := range []string{TokURL, TokEmail, TokNumber, TokID} {
		if !slices.Contains(got, want) {
			t.Errorf("missing %s in %v", want, got)
		}
	}
	for _, bad := range []string{"status", "bob", "12345", "ab12cd34"} {
		if slices.Contains(got, bad) {
			t.Errorf("%q should be a placeholder: %v", bad, got)
		}
	}
}

func TestNormalizeNFKCAndFolding(t *testing.T) {
	if a, b := Normalize("ＬＯＧＩＮ ｆａｉｌｓ"), Normalize("login fails"); !reflect.DeepEqual(a, b) {
		t.Errorf("fullwidth %v != ascii %v", a, b)
	}
	if a, b := Normalize("STRASSE"), Normalize("straße"); !reflect.DeepEqual(a, b) {
		t.Errorf("case folding: %v != %v", a, b)
	}
}

func TestBadInputs(t *testing.T) {
	huge := strings.Repeat("login broken ", 1<<20/13+1)
	for name, in := range map[string]string{
		"empty": "", "spaces": " \n\t ", "invalid utf8": "log\xffin \xc3\x28 fails", "emoji": "🔥🔥😡",
		"chinese": "无法登录账户", "russian": "не могу войти", "huge": huge, "nul": "a\x00b",
		"lone tag": "<", "unclosed tag": "<p login", "only punctuation": "?!...---",
	} {
		a, b := Normalize(in), Normalize(in)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: not deterministic", name)
		}
		for _, tok := range a {
			if tok == "" || !utf8.ValidString(tok) {
				t.Errorf("%s: bad token %q", name, tok)
			}
		}
	}
	if n := len(Normalize(huge)); n > DefaultConfig().MaxTextBytes {
		t.Errorf("huge body gave %d tokens; the prefix bound did not apply", n)
	}
	if got := Normalize("🔥🔥😡"); len(got) != 3 {
		t.Errorf("emoji should be tokens: %v", got)
	}
}

// FuzzNormalize checks that any input normalises without panicking, the
// same way twice, to valid non-empty tokens, and that assigning it works.
// The seed corpus is in testdata/fuzz/FuzzNormalize.
var fuzzWarm = newNormalizer(defaultLexicon(), DefaultConfig().MaxTextBytes)

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"", "can't log in", "<p>hi</p>", "On Mon wrote:\n> x", "\xff\xfe", "🔥", "無法登入", "logged in fine, but, share won't start", "texts arrive on time.", "ok"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a := Normalize(s)
		b := Normalize(s)
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("not deterministic: %v vs %v", a, b)
		}
		for _, tok := range a {
			if tok == "" || !utf8.ValidString(tok) {
				t.Fatalf("bad token %q", tok)
			}
		}
		// A normaliser that has seen other texts (its word cache warm)
		// agrees with a fresh one.
		warm := fuzzWarm.tokens(s)
		for i, tok := range warm {
			if i >= len(a) || tok.Text != a[i] {
				t.Fatalf("warm normaliser gives %v, fresh %v", warm, a)
			}
		}
		if len(warm) != len(a) {
			t.Fatalf("warm normaliser gives %v, fresh %v", warm, a)
		}
		e := New(DefaultConfig())
		x := e.Assign(Ticket{ID: 1, Text: s})
		y := e.Assign(Ticket{ID: 2, Text: s})
		if x.ClusterID != y.ClusterID {
			t.Fatalf("the same text twice went to clusters %d and %d", x.ClusterID, y.ClusterID)
		}
		_ = Concepts(s)
	})
}

// TestWordCache checks that the normaliser's word cache changes nothing: a
// long-lived normaliser (warm cache) and a fresh one per text (cold cache)
// give the same tokens, flags included.
func TestWordCache(t *testing.T) {
	texts := []string{"I can't log in", "can't CAN'T cant Cannot", "I'm not able to sign in, unable to pay",
		"Refunds refunded refunding", "Über naïve café", "order 12345 ref AB12CD 4th 1,234.56",
		"'quoted' ''' rock'n'roll dogs'", "日本語 😀 ok", "screen sharing my screen", "to able not able to"}
	if rows, err := loadDataMaybe("banking77_test"); err == nil {
		for _, r := range rows[:500] {
			texts = append(texts, r.Text)
		}
	}
	warm := newNormalizer(defaultLexicon(), DefaultConfig().MaxTextBytes)
	for round := 0; round < 2; round++ {
		for _, s := range texts {
			got := slices.Clone(warm.tokens(s))
			want := newNormalizer(defaultLexicon(), DefaultConfig().MaxTextBytes).tokens(s)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%q: warm cache %v, cold %v", s, got, want)
			}
			for _, tok := range got {
				if tok.stop != stopwords[tok.Text] {
					t.Fatalf("%q: token %q has stop=%v", s, tok.Text, tok.stop)
				}
			}
		}
	}
}

// TestWorking: the topics a ticket says work, clause by clause.
func TestWorking(t *testing.T) {
	lex, err := ParseLexicon("unlock: unlock, unlock the car\nsms: texts, sms\n", defaultLexicon())
	if err != nil {
		t.Fatal(err)
	}
	n := newNormalizer(lex, 8<<10)
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Unlocked the car fine, but the fuel card is missing.", []string{"unlock"}},
		{"The link in the SMS is a 404. Texts arrive on time.", []string{"sms"}},
		{"Share won't start, logged in fine", []string{"login"}},
		{"Everyone else can log in fine, it's only me", []string{"login"}},
		{"I cannot share my screen but video is fine", []string{"video"}},
		{"Login worked fine until this morning, now it fails", nil},
		{"login was fine yesterday but now I can't log in", nil},
		{"I can't log in. Everything else is fine", nil},
		{"Mobile app says 'Network error' when I try to sign in. Wi-Fi is fine, everything else works.", nil},
		{"The share starts fine, but after a minute it freezes", nil},
		{"No cars show up on the map. Normally there are 9 around", nil},
		{"can't log in", nil},
	} {
		n.tokens(c.text)
		if got := n.working(append([]byte(nil), n.buf...)); !slices.Equal(got, c.want) {
			t.Errorf("%q: working %v, want %v", c.text, got, c.want)
		}
	}
}

package triage

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

var t0 = time.Date(2024, 3, 5, 9, 0, 0, 0, time.UTC)

var outage = []string{
	"Can't log in", "unable to sign in since this morning", "login page broken",
	"I cannot log in to my account", "sign in fails with an error", "can't login!!",
	"Login not working", "cannot sign in", "log in broken for me", "unable to log in",
}

var passwordTrickle = []string{
	"I forgot my password, how do I reset it?", "forgot my password, reset link please",
	"how can I reset my password", "forgot password", "need to reset my password",
}

var billingTrickle = []string{
	"How do I change my billing address?", "change the billing address on invoices",
	"where do I update my billing address", "billing address is outdated, please change it", "new billing address for our invoices",
}

func TestConfigValidate(t *testing.T) {
	if err := DefaultConfig().Validate(); err != nil {
		t.Fatalf("defaults invalid: %v", err)
	}
	for field, mutate := range map[string]func(*Config){
		"Threshold":         func(c *Config) { c.Threshold = 0 },
		"Candidates":        func(c *Config) { c.Candidates = 0 },
		"HashBits":          func(c *Config) { c.HashBits = 40 },
		"CharMin":           func(c *Config) { c.CharMin, c.CharMax = 5, 3 },
		"QuietTime":         func(c *Config) { c.QuietTime = 0 },
		"BurstMinCustomers": func(c *Config) { c.BurstMinCustomers = 100 },
		"BurstFactor":       func(c *Config) { c.BurstFactor = 0.5 },
		"MergeThreshold":    func(c *Config) { c.MergeThreshold = 2 },
		"MaxCentroidTerms":  func(c *Config) { c.MaxCentroidTerms = 3 },
		"WordWeight":        func(c *Config) { c.WordWeight, c.BigramWeight, c.CharWeight = 0, 0, 0 },
		"StopwordPrior":     func(c *Config) { c.StopwordPrior = -1 },
	} {
		c := DefaultConfig()
		mutate(&c)
		err := c.Validate()
		if err == nil || !strings.Contains(err.Error(), field) || !strings.HasPrefix(err.Error(), "triage: ") {
			t.Errorf("%s: error %v should name the field", field, err)
		}
	}
}

// TestStopwordGrams checks the CharStopwords option: with the prior, the
// outage's login reports still form one cluster and a text of stop words
// only finds its own cluster again; without the prior, stop-word n-grams
// outweigh content in a young engine and split the login reports.
func TestStopwordGrams(t *testing.T) {
	clusters := func(prior float64) (int, bool) {
		// The prior is about the hashed features: without the dense
		// block, which keeps the login reports together on its own.
		cfg := SparseConfig()
		cfg.CharStopwords, cfg.StopwordPrior = true, prior
		e := New(cfg)
		ids := map[int64]bool{}
		for i, txt := range outage {
			ids[e.Assign(Ticket{ID: int64(i + 1), Text: txt, At: t0}).ClusterID] = true
		}
		a := e.Assign(Ticket{ID: 100, Text: "can you help me", At: t0})
		b := e.Assign(Ticket{ID: 101, Text: "can you help me", At: t0})
		return len(ids), a.ClusterID == b.ClusterID
	}
	if n, same := clusters(5); n != 1 || !same {
		t.Errorf("prior 5: %d login clusters (want 1), stop-word-only text found its cluster again: %v", n, same)
	}
	if n, _ := clusters(0); n == 1 {
		t.Error("prior 0: the login reports stayed together; the prior is no longer needed and this test should change")
	}
}

func TestLookAlikesJoinOneCluster(t *testing.T) {
	e := New(DefaultConfig())
	ids := map[int64]int{}
	for i, txt := range outage {
		a := e.Assign(Ticket{ID: int64(i + 1), Text: txt, Customer: fmt.Sprint("c", i), At: t0.Add(time.Duration(i) * time.Minute)})
		ids[a.ClusterID]++
	}
	best := 0
	for _, n := range ids {
		best = max(best, n)
	}
	if best < 8 {
		t.Errorf("outage reports spread over clusters %v; want one cluster with at least 8 of 10", ids)
	}
	p := e.Assign(Ticket{ID: 100, Text: "I forgot my password, how do I reset it?", At: t0.Add(time.Hour)})
	if ids[p.ClusterID] >= 8 {
		t.Errorf("a password reset joined the outage cluster")
	}
}

// history gives e a desk's everyday history before t0: varied questions,
// so that bursts have something to be measured against (a fresh engine
// tells no burst before DefaultConfig().Warmup tickets).
func history(e *Engine, n int) {
	topics := []string{"billing address", "export to CSV", "dark mode", "invoice copy", "seat count", "calendar invite", "API key",
		"mobile app font", "data retention", "team roles", "language setting", "VAT number"}
	for i := 0; i < n; i++ {
		e.Assign(Ticket{ID: int64(900000 + i), Text: fmt.Sprintf("question about %s number %d", topics[i%len(topics)], i),
			Customer: fmt.Sprint("h", i), At: t0.Add(-time.Duration(n-i) * 10 * time.Minute)})
	}
}

func TestBurstCandidateExactlyOnce(t *testing.T) {
	e := New(DefaultConfig())
	history(e, 60)
	cands := 0
	var candCluster int64
	for i := 0; i < 30; i++ {
		a := e.Assign(Ticket{ID: int64(i + 1), Text: outage[i%len(outage)], Customer: fmt.Sprint("cust", i),
			At: t0.Add(time.Duration(i) * 30 * time.Second)})
		if a.Candidate {
			cands++
			candCluster = a.ClusterID
			if i+1 < e.cfg.BurstMinReports {
				t.Errorf("candidate after %d reports, before BurstMinReports", i+1)
			}
		}
	}
	if cands != 1 {
		t.Fatalf("Candidate was true %d times, want exactly once", cands)
	}
	info, ok := e.Cluster(candCluster)
	if !ok || !info.Candidate || info.CandidateAt.IsZero() {
		t.Errorf("cluster info %+v", info)
	}
}

func TestBurstNeedsDistinctCustomers(t *testing.T) {
	e := New(DefaultConfig())
	for i := 0; i < 30; i++ {
		a := e.Assign(Ticket{ID: int64(i + 1), Text: outage[i%len(outage)], Customer: fmt.Sprint("c", i%3),
			At: t0.Add(time.Duration(i) * 30 * time.Second)})
		if a.Candidate {
			t.Fatalf("three customers repeating themselves made a burst at ticket %d", i+1)
		}
	}
}

// A daily trickle never pages, even on a busy day (one every ten
// minutes, many customers), once its share of the desk is known.
func TestTrickleNeverPages(t *testing.T) {
	e := New(DefaultConfig())
	at := t0
	for i := 0; i < 3*24*6; i++ {
		a := e.Assign(Ticket{ID: int64(i + 1), Text: billingTrickle[i%len(billingTrickle)], Customer: fmt.Sprint("c", i), At: at})
		if a.Candidate {
			t.Fatalf("trickle became a candidate at ticket %d (%s)", i+1, at)
		}
		// Other questions arrive beside it, three for each of its.
		for j := 0; j < 3; j++ {
			e.Assign(Ticket{ID: int64(100000 + 3*i + j), Text: fmt.Sprintf("question %d about feature %d of the product", i, i*3+j), Customer: fmt.Sprint("o", i), At: at.Add(time.Duration(j+1) * 2 * time.Minute)})
		}
		at = at.Add(10 * time.Minute)
	}
	// A real burst of the same topic, well above its share, does page.
	paged := false
	for i := 0; i < 40; i++ {
		a := e.Assign(Ticket{ID: int64(10000 + i), Text: billingTrickle[i%len(billingTrickle)], Customer: fmt.Sprint("b", i), At: at})
		paged = paged || a.Candidate
		at = at.Add(20 * time.Second)
	}
	if !paged {
		t.Error("a burst of 40 reports in 13 minutes over a 6/hour baseline did not page")
	}
}

// Individual account problems are the everyday trickle: even a burst of
// "forgot my password" is not evidence of an outage.
func TestIndividualProblemsNeverPage(t *testing.T) {
	e := New(DefaultConfig())
	at := t0
	for i := 0; i < 60; i++ {
		a := e.Assign(Ticket{ID: int64(i + 1), Text: passwordTrickle[i%len(passwordTrickle)], Customer: fmt.Sprint("c", i), At: at})
		if a.Candidate {
			t.Fatalf("trickle became a candidate at ticket %d (%s)", i+1, at)
		}
		at = at.Add(10 * time.Minute)
	}
	for i := 0; i < 40; i++ {
		if a := e.Assign(Ticket{ID: int64(10000 + i), Text: passwordTrickle[i%len(passwordTrickle)], Customer: fmt.Sprint("b", i), At: at}); a.Candidate {
			t.Fatalf("a burst of forgotten passwords paged at ticket %d", i+1)
		}
		at = at.Add(20 * time.Second)
	}
}

func outageEngine(t *testing.T) (*Engine, int64) {
	t.Helper()
	e := New(DefaultConfig())
	var id int64
	for i, txt := range outage[:5] {
		id = e.Assign(Ticket{ID: int64(i + 1), Text: txt, At: t0}).ClusterID
	}
	return e, id
}

func TestMergeCorrection(t *testing.T) {
	e, login := outageEngine(t)
	s := e.Assign(Ticket{ID: 50, Text: "screen share won't start", At: t0})
	if s.ClusterID == login {
		t.Fatal("screen share joined login cluster; test needs two clusters")
	}
	if err := e.Merge(s.ClusterID, login); err != nil {
		t.Fatal(err)
	}
	if info, ok := e.Cluster(s.ClusterID); !ok || info.ID != login || info.Size != 6 {
		t.Errorf("merged-away id resolves to %+v", info)
	}
	a := e.Assign(Ticket{ID: 51, Text: "screenshare does not start", At: t0.Add(time.Minute)})
	if a.ClusterID != login {
		t.Errorf("after the merge a screen share ticket went to %d, want %d", a.ClusterID, login)
	}
	if err := e.Merge(login, login); !errors.Is(err, ErrInvalid) {
		t.Errorf("self merge: %v", err)
	}
	if err := e.Merge(999, login); !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "999") {
		t.Errorf("unknown cluster: %v", err)
	}
}

func TestMoveCorrection(t *testing.T) {
	e, login := outageEngine(t)
	other := e.Assign(Ticket{ID: 60, Text: "billing invoice is wrong this month", At: t0})
	// The operator says "login link in the invoice email is wrong" is a
	// billing matter.
	odd := e.Assign(Ticket{ID: 61, Text: "login link broken in invoice email", At: t0})
	if err := e.Move(61, other.ClusterID); err != nil {
		t.Fatal(err)
	}
	if c, _ := e.ClusterOf(61); c != other.ClusterID {
		t.Fatalf("ticket is in %d after the move", c)
	}
	again := e.Assign(Ticket{ID: 62, Text: "login link broken in invoice email", At: t0.Add(time.Minute)})
	if again.ClusterID != other.ClusterID {
		t.Errorf("a ticket like the moved one went to %d, want %d (was %d)", again.ClusterID, other.ClusterID, odd.ClusterID)
	}
	// Refine does not undo the operator's move.
	e.Refine(t0.Add(time.Hour))
	if c, _ := e.ClusterOf(61); c != e.mustResolve(other.ClusterID) {
		t.Errorf("refine moved a pinned ticket to %d", c)
	}
	if err := e.Move(12345, login); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown ticket: %v", err)
	}
}

func (e *Engine) mustResolve(id int64) int64 { return e.resolve(id) }

func TestSuppress(t *testing.T) {
	e := New(DefaultConfig())
	first := e.Assign(Ticket{ID: 1, Text: passwordTrickle[0], Customer: "a", At: t0})
	if err := e.Suppress(first.ClusterID); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 40; i++ {
		a := e.Assign(Ticket{ID: int64(i + 2), Text: passwordTrickle[i%len(passwordTrickle)], Customer: fmt.Sprint("c", i),
			At: t0.Add(time.Duration(i) * 10 * time.Second)})
		if a.Candidate {
			t.Fatal("suppressed cluster became a candidate")
		}
		if a.ClusterID != first.ClusterID {
			t.Errorf("ticket %d left the suppressed cluster for %d", i+2, a.ClusterID)
		}
	}
	// Suppressed clusters outlive QuietTime.
	if got := e.Expire(t0.Add(e.cfg.QuietTime * 2)); len(got) != 0 {
		t.Errorf("suppressed cluster expired early: %v", got)
	}
	if err := e.Suppress(777); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown cluster: %v", err)
	}
}

func TestExpire(t *testing.T) {
	e, login := outageEngine(t)
	pw := e.Assign(Ticket{ID: 90, Text: passwordTrickle[0], At: t0.Add(30 * time.Hour)})
	got := e.Expire(t0.Add(49 * time.Hour))
	if !reflect.DeepEqual(got, []int64{login}) {
		t.Fatalf("Expire = %v, want [%d]", got, login)
	}
	if _, ok := e.Cluster(login); ok {
		t.Error("expired cluster still listed")
	}
	if _, ok := e.Cluster(pw.ClusterID); !ok {
		t.Error("active cluster expired")
	}
	a := e.Assign(Ticket{ID: 91, Text: outage[0], At: t0.Add(50 * time.Hour)})
	if !a.NewCluster || a.ClusterID == login {
		t.Errorf("after expiry a login ticket should open a new cluster: %+v", a)
	}
	// Without Expire being called, a stale cluster is still not joined.
	e2, login2 := outageEngine(t)
	if a := e2.Assign(Ticket{ID: 99, Text: outage[0], At: t0.Add(72 * time.Hour)}); a.ClusterID == login2 {
		t.Error("joined a cluster quiet for longer than QuietTime")
	}
}

func TestRefineMergesConverged(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Threshold = 0.95 // every ticket its own cluster online
	cfg.MergeThreshold = 0.3
	e := New(cfg)
	for i, txt := range outage {
		e.Assign(Ticket{ID: int64(i + 1), Text: txt, At: t0})
	}
	before, _ := e.Len()
	ev := e.Refine(t0.Add(time.Hour))
	after, _ := e.Len()
	if len(ev) == 0 || after >= before {
		t.Fatalf("refine merged nothing: %d -> %d clusters, events %v", before, after, ev)
	}
	for _, m := range ev {
		if _, ok := e.Cluster(m.From); !ok {
			t.Errorf("merge event %+v: From does not resolve", m)
		}
	}
}

func TestEmptyAndOddTickets(t *testing.T) {
	e := New(DefaultConfig())
	a := e.Assign(Ticket{ID: 1, Text: "", At: t0})
	b := e.Assign(Ticket{ID: 2, Text: "  \n ", At: t0})
	if a.ClusterID != b.ClusterID || !a.NewCluster || b.NewCluster || a.Label != "(no text)" {
		t.Errorf("empty tickets: %+v %+v", a, b)
	}
	for i, txt := range []string{"🔥🔥🔥", "\xff\xfe\xfd", strings.Repeat("x", 1<<20), "无法登录", "не могу войти", "<<<>>>"} {
		x := e.Assign(Ticket{ID: int64(10 + i), Text: txt, At: t0})
		y := e.Assign(Ticket{ID: int64(100 + i), Text: txt, At: t0})
		if x.ClusterID != y.ClusterID {
			t.Errorf("%.20q twice: clusters %d and %d", txt, x.ClusterID, y.ClusterID)
		}
	}
	// Re-assigning a known ticket id replaces it.
	e.Assign(Ticket{ID: 1, Text: "login broken", At: t0})
	if c, _ := e.ClusterOf(1); c == a.ClusterID {
		t.Error("re-assigned ticket kept its old cluster")
	}
}

func TestClusterInfo(t *testing.T) {
	e, login := outageEngine(t)
	info, ok := e.Cluster(login)
	if !ok || info.Size != 5 || info.Customers != 5 || info.Label == "" || len(info.TopTerms) == 0 {
		t.Fatalf("info %+v", info)
	}
	if info.TopTerms[0] != "login" {
		t.Errorf("top terms %v, want login first", info.TopTerms)
	}
	if all := e.Clusters(); len(all) == 0 || all[0].ID != login {
		t.Errorf("Clusters() = %+v", all)
	}
}

// subjectRef is the straightforward definition of subjectOf, which the
// engine implements in one pass.
func subjectRef(text string) string {
	if len(text) > 4096 {
		text = text[:4096]
	}
	for text != "" {
		line, rest, _ := strings.Cut(text, "\n")
		text = rest
		line = strings.ToValidUTF8(line, "")
		line = strings.Join(strings.FieldsFunc(line, unicode.IsSpace), " ")
		if line == "" || strings.HasPrefix(line, ">") {
			continue
		}
		if utf8.RuneCountInString(line) > 80 {
			r := []rune(line)
			line = string(r[:79]) + "…"
		}
		return line
	}
	return ""
}

func TestSubjectOf(t *testing.T) {
	for _, s := range []string{"", " \t ", "Card declined\nbody", "\n\n  > quoted\n  Real   subject \r\n",
		strings.Repeat("word ", 30), strings.Repeat("é", 80), strings.Repeat("é", 81), strings.Repeat("ab ", 27),
		strings.Repeat("a", 78) + " \u00a0 b", "bad\xff\xfeutf8 \xe2\x82 x", "a\u2028b\u3000c\u0085d", strings.Repeat("x", 5000) + "é",
		"日本語のテキスト " + strings.Repeat("日本", 40)} {
		if got, want := subjectOf(s), subjectRef(s); got != want {
			t.Errorf("subjectOf(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzSubjectOf(f *testing.F) {
	f.Add("Card declined\nbody")
	f.Add(strings.Repeat("é ", 50))
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := subjectOf(s), subjectRef(s); got != want {
			t.Fatalf("subjectOf(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestHeadline: a cluster is labelled by what the customer wrote, not by
// the chat bot's greeting or an HTML email's markup.
func TestHeadline(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"Login broken\nThe login page fails", "Login broken"},
		{"[WageBot] Welcome to WageWise support. How can I help?\n[María García] No puedo fichar, la app dice que no estoy\n[WageBot] Thanks! An agent will be with you shortly.",
			"No puedo fichar, la app dice que no estoy"},
		{"<html><body><p>Staff at Galway can&#39;t clock in</p><p>Thanks</p></body></html>", "Staff at Galway can't clock in"},
	} {
		if got := headline(tc.text); got != tc.want {
			t.Errorf("headline(%.30q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

package triagecmd

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const sample = `text,label,when,customer
"Can't log in
since this morning",login,2024-03-05T09:00:00Z,a
unable to sign in,login,2024-03-05T09:01:00Z,b
login page broken,login,2024-03-05T09:02:00Z,c
cannot sign in to my account,login,2024-03-05T09:03:00Z,d
I forgot my password,password,2024-03-05T10:00:00Z,e
how do I reset my password,password,2024-03-05T11:00:00Z,f
`

func runCLI(args ...string) (string, string, error) {
	var out, errb bytes.Buffer
	err := Main(context.Background(), args, &out, &errb)
	return out.String(), errb.String(), err
}

func TestEval(t *testing.T) {
	p := write(t, "t.csv", sample)
	out, _, err := runCLI("eval", p, "--text", "text", "--label", "label", "--time", "when", "--customer", "customer")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"ARI", "NMI", "ACC", "homogeneity", "completeness", "clusters", "tickets_per_s", "peak_heap_mib"} {
		if !strings.Contains(out, "\n"+name+": ") {
			t.Errorf("eval output lacks %q:\n%s", name, out)
		}
	}
	if !strings.Contains(out, "ARI: 1.0000") {
		t.Errorf("two obvious intents should be recovered exactly:\n%s", out)
	}
	// Flags after or before FILE, and --shuffle.
	if _, _, err := runCLI("eval", "--shuffle", "3", p); err != nil {
		t.Fatal(err)
	}
	// Without the dense block, and a --set that applies after --dense.
	for _, args := range [][]string{{"--dense=false"}, {"--dense=true", "--set", "DenseWeight=0.5"}} {
		out, _, err := runCLI(append([]string{"eval", p, "--text", "text", "--label", "label"}, args...)...)
		if err != nil || !strings.Contains(out, "ARI: 1.0000") {
			t.Errorf("eval %v: %v\n%s", args, err, out)
		}
	}
	if _, _, err := runCLI("eval", p, "--dense=false", "--set", "DenseWeight=1"); err == nil {
		t.Error("eval accepted DenseWeight=1")
	}
}

func TestClusterListing(t *testing.T) {
	p := write(t, "t.jsonl", `{"body":"Can't log in","who":"a"}
{"body":"unable to sign in","who":"b"}
{"body":"screen share won't start","who":"c"}
`)
	out, _, err := runCLI(p, "--customer", "who")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "2 clusters, 3 tickets") || !strings.Contains(out, "Can't log in") {
		t.Errorf("listing:\n%s", out)
	}
}

func TestErrors(t *testing.T) {
	bad := write(t, "bad.csv", "text,label\n\"unterminated,x\n")
	badTime := write(t, "time.csv", "text,label,when\nhi,a,yesterday\n")
	cases := []struct {
		args []string
		want string
	}{
		{nil, "exactly one FILE"},
		{[]string{"eval"}, "exactly one FILE"},
		{[]string{"eval", "a.csv", "b.csv"}, "exactly one FILE"},
		{[]string{"eval", filepath.Join(t.TempDir(), "nope.csv")}, "nope.csv"},
		{[]string{"eval", bad}, "bad.csv:"},
		{[]string{"eval", badTime, "--time", "when"}, `time.csv:2: column "when"`},
		{[]string{"eval", badTime, "--text", "body"}, `no text column "body"`},
		{[]string{"eval", badTime, "--set", "Threshold=2"}, "Threshold"},
		{[]string{"eval", badTime, "--set", "Nope=1"}, "no field"},
		{[]string{"eval", badTime, "--bogus"}, "bogus"},
	}
	for _, c := range cases {
		_, _, err := runCLI(c.args...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: error %v, want it to mention %q", c.args, err, c.want)
		}
	}
	if _, _, err := runCLI("eval", "--bogus", "x.csv"); !errors.Is(err, ErrUsage) {
		t.Errorf("bad flag is not a usage error: %v", err)
	}
}

func TestHelp(t *testing.T) {
	// Help is printed once, to stdout, in the one usage style.
	for _, args := range [][]string{{"-h"}, {"--help"}, {"eval", "-h"}, {"eval", "--help"}} {
		out, errOut, err := runCLI(args...)
		if err != nil || errOut != "" || strings.Count(out, "Usage: stormdesk triage") != 1 || !strings.Contains(out, "\nFlags:\n") || !strings.Contains(out, "-label") {
			t.Errorf("%v: %v\nstdout %q\nstderr %q", args, err, out, errOut)
		}
	}
	// A missing file is said as such, not as a failure of eval.
	_, _, err := runCLI(filepath.Join(t.TempDir(), "nope.csv"))
	if err == nil || !strings.HasPrefix(err.Error(), "triage: open ") || strings.Contains(err.Error(), "eval") {
		t.Errorf("missing file: %v, want triage: open …", err)
	}
}

func TestListingColumns(t *testing.T) {
	if got := topTerms([]string{"exchange", "exchange", "rate", "internationalisation", "card"}); got != "exchange rate international… card" {
		t.Errorf("topTerms: %q", got)
	}
	// Without times every row arrives at once: no cluster is said to be a
	// candidate; with them the column says yes or no.
	p := write(t, "t.csv", sample)
	out, _, err := runCLI(p, "--text", "text")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, " yes ") || !strings.Contains(out, "give --time COL") {
		t.Errorf("untimed listing:\n%s", out)
	}
	out, _, err = runCLI(p, "--text", "text", "--time", "when", "--customer", "customer")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, " no ") && !strings.Contains(out, " yes ") {
		t.Errorf("timed listing has no candidate column:\n%s", out)
	}
	// Every line has its label in the same column.
	lines := strings.Split(strings.TrimSpace(out), "\n")
	col := strings.Index(lines[1], "label")
	for _, l := range lines[2:] {
		if len([]rune(l)) < col || strings.HasPrefix(string([]rune(l)[col-2:col]), "  ") == false {
			t.Errorf("label column not aligned at %d:\n%s", col, out)
			break
		}
	}
}

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
		{nil, "missing FILE"},
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
	out, _, err := runCLI("-h")
	if err != nil || !strings.Contains(out, "stormdesk triage eval FILE") {
		t.Errorf("-h: %v\n%s", err, out)
	}
	_, errOut, err := runCLI("eval", "-h")
	if err != nil || !strings.Contains(errOut, "--label") && !strings.Contains(errOut, "-label") {
		t.Errorf("eval -h: %v\n%s", err, errOut)
	}
}

package eval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadCSVQuotedNewlines(t *testing.T) {
	in := "text,category,when\n\"line one\nline two\",a,2024-01-01T10:00:00Z\nplain,b,1704103200\n"
	rows, err := ReadCSV(strings.NewReader(in), "x.csv", Columns{Time: "when"}, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].Text != "line one\nline two" || rows[0].Label != "a" || rows[1].Label != "b" {
		t.Fatalf("rows %+v", rows)
	}
	if rows[1].Line != 4 || !rows[1].HasTime || rows[1].At.Unix() != 1704103200 {
		t.Errorf("row 2 line/time: %+v", rows[1])
	}
}

func TestReadErrorsNamePlace(t *testing.T) {
	cases := []struct {
		name, in string
		cols     Columns
		want     string
	}{
		{"x.csv", "text,label\n\"unterminated,a\n", Columns{}, "x.csv:"},
		{"x.csv", "body,label\nhi,a\n", Columns{Text: "text"}, `no text column "text"`},
		{"x.csv", "text,label,t\nhi,a,yesterday\n", Columns{Time: "t"}, `x.csv:2: column "t"`},
		{"x.csv", "text\nhi\n", Columns{}, "no label column"},
		{"y.jsonl", "{\"text\":\"a\",\"label\":\"b\"}\n{bad json}\n", Columns{}, "y.jsonl:2:"},
		{"y.jsonl", "{\"text\":\"a\",\"label\":\"b\"}\n{\"label\":\"b\"}\n", Columns{}, `y.jsonl:2: field "text" missing`},
	}
	for _, c := range cases {
		var err error
		if strings.HasSuffix(c.name, ".csv") {
			_, err = ReadCSV(strings.NewReader(c.in), c.name, c.cols, true)
		} else {
			_, err = ReadJSONL(strings.NewReader(c.in), c.name, c.cols, true)
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want it to mention %q", c.in, err, c.want)
		}
	}
}

func TestLoadFileJSONL(t *testing.T) {
	p := filepath.Join(t.TempDir(), "d.jsonl")
	os.WriteFile(p, []byte("{\"utterance\":\"hi\",\"intent\":\"greet\",\"n\":3}\n\n{\"utterance\":\"bye\",\"intent\":\"leave\"}\n"), 0o644)
	rows, err := LoadFile(p, Columns{}, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[1].Text != "bye" || rows[1].Label != "leave" || rows[1].Line != 3 {
		t.Fatalf("rows %+v", rows)
	}
	if _, err := LoadFile(filepath.Join(t.TempDir(), "missing.csv"), Columns{}, false); err == nil {
		t.Error("missing file not reported")
	}
}

// TestDatasets checks the shared data sets load with the documented sizes.
func TestDatasets(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "data")
	want := map[string][2]int{
		"banking77_test": {3080, 77}, "banking77_train": {10003, 77},
		"bitext_test": {810, 27}, "dstc11_development": {913, 22},
	}
	for name, w := range want {
		rows, err := LoadDataset(dir, name)
		if err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("data set %s required in CI: %v", name, err)
			}
			t.Skipf("SKIPPING: data set %s not available: %v", name, err)
		}
		labels := map[string]bool{}
		for _, r := range rows {
			labels[r.Label] = true
		}
		if len(rows) != w[0] || len(labels) != w[1] {
			t.Errorf("%s: %d rows, %d labels; want %d, %d", name, len(rows), len(labels), w[0], w[1])
		}
	}
}

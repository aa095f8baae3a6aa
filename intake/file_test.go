package intake_test

import (
	"bytes"
	"io"
	"testing"

	"stormdesk/intake"
)

// FuzzImportRows runs arbitrary files through both import readers: no
// panic, line numbers never go backwards, and the reader always ends.
func FuzzImportRows(f *testing.F) {
	f.Add([]byte("subject,body\nCan't log in,\"multi\nline\"\n"), true)
	f.Add([]byte("subject\n\"unterminated\n"), true)
	f.Add([]byte("a,b\n1\n"), true)
	f.Add([]byte(`{"subject":"x"}`+"\n\n{\n"), false)
	f.Add([]byte("\xff\xfe\n"), false)
	f.Fuzz(func(t *testing.T, data []byte, isCSV bool) {
		format := map[bool]string{true: "csv", false: "jsonl"}[isCSV]
		next, err := intake.Rows(bytes.NewReader(data), format, io.Discard)
		if err != nil {
			return
		}
		last := 0
		for i := 0; ; i++ {
			if i > len(data)+2 {
				t.Fatalf("more rows than bytes: the reader does not end")
			}
			_, line, _, fatal := next()
			if fatal != nil {
				return
			}
			if line < last {
				t.Fatalf("line %d after line %d", line, last)
			}
			last = line
		}
	})
}

package main

import (
	"bytes"
	"io"
	"testing"
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
		var next rowSource
		if isCSV {
			var err error
			if next, err = csvRows(bytes.NewReader(data), io.Discard); err != nil {
				return
			}
		} else {
			next = jsonlRows(bytes.NewReader(data))
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

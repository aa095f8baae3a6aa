package intake_test

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"stormdesk"
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
		walkRows(t, len(data), next, nil)
	})
}

// walkRows reads every row next yields and checks what holds for any
// import reader: it ends (no more rows than the input has bytes) and its
// line numbers never go backwards. check, when set, sees every row.
func walkRows[T any](t *testing.T, size int, next func() (T, int, error, error), check func(row T, line int, rowErr error)) {
	last := 0
	for i := 0; ; i++ {
		if i > size+2 {
			t.Fatalf("more rows than bytes: the reader does not end")
		}
		row, line, rowErr, fatal := next()
		if fatal != nil {
			return
		}
		if line < last {
			t.Fatalf("line %d after line %d", line, last)
		}
		last = line
		if check != nil {
			check(row, line, rowErr)
		}
	}
}

// TestImportTagsAndChannel: a CSV tags cell is split on commas (a tag
// keeps its inner spaces), "via" names the channel column; a JSON Lines
// row carries them as POST /api/v1/tickets does.
func TestImportTagsAndChannel(t *testing.T) {
	for _, tc := range []struct {
		format, data string
	}{
		{"csv", "subject,Tags,via\nLogin broken,\" sso , VIP Customer,,login \",Web\n"},
		{"jsonl", `{"subject":"Login broken","tags":["sso","VIP Customer","login"],"channel":"Web"}` + "\n"},
	} {
		next, err := intake.Rows(strings.NewReader(tc.data), tc.format, io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		in, _, rowErr, fatal := next()
		if rowErr != nil || fatal != nil {
			t.Fatalf("%s: %v %v", tc.format, rowErr, fatal)
		}
		tk, err := in.Ticket()
		if err != nil {
			t.Fatal(err)
		}
		tk.Normalize()
		if got := fmt.Sprintf("%q %q", tk.Tags, tk.Channel); got != `["sso" "VIP Customer" "login"] "web"` {
			t.Errorf("%s: tags and channel %s", tc.format, got)
		}
	}
	if _, err := intake.DecodeTicketJSON([]byte(`{"subject":"x","tags":"sso login"}`)); err == nil || stormdesk.ErrorMessage(err) != "tags: want an array, got JSON string" {
		t.Errorf("tags as a string: %v, want an error naming tags", err)
	}
}

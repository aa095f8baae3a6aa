// Package golden compares test output with testdata/NAME.golden files, the
// chat adapters' one way of pinning what they send.
package golden

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// Check compares got with testdata/name.golden, rewriting the file when
// update is set. JSON is compared indented, without HTML escaping, so a
// diff of the file reads.
func Check(t testing.TB, name string, got []byte, update bool) {
	t.Helper()
	var v any
	if err := json.Unmarshal(got, &v); err == nil {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		_ = enc.Encode(v)
		got = b.Bytes()
	}
	path := filepath.Join("testdata", name+".golden")
	if update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from %s (go test -update rewrites it):\n%s", name, path, got)
	}
}

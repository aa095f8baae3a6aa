package triage

import (
	"os"
	"path/filepath"
	"testing"

	"stormdesk/triage/eval"
)

// dataDir is shared/data beside the repository: ../../shared/data from this
// package's directory.
var dataDir = filepath.Join("..", "..", "shared", "data")

// loadData loads a named data set, skipping loudly when the data is absent
// and failing when CI=true (CI must have the data).
func loadData(tb testing.TB, name string) []eval.Row {
	tb.Helper()
	rows, err := eval.LoadDataset(dataDir, name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("data set %s is required in CI: %v", name, err)
		}
		tb.Skipf("SKIPPING: data set %s not available (%v); quality figures NOT checked", name, err)
	}
	return rows
}

// loadDataMaybe loads a data set for tests that can run without it.
func loadDataMaybe(name string) ([]eval.Row, error) {
	return eval.LoadDataset(dataDir, name)
}

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestConfigCheckStatusPage: config check reads the status page's
// section with the rest of the file, and reports a component whose
// feature nobody knows with its line.
func TestConfigCheckStatusPage(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.yaml")
	os.WriteFile(good, []byte(`features:
  billing: [invoice, charged twice]
status_page:
  name: Acme status
  components:
    - {name: Login, features: [login]}
    - {name: Billing, features: [billing]}
`), 0o644)
	if code, out, errs := runCLI(t, nil, "config", "check", good); code != 0 ||
		!strings.Contains(out, "ok: 0 dependencies, 0 probes, 2 status page components") || !strings.Contains(out, "component Billing (billing): features billing") {
		t.Fatalf("good: %d %s %s", code, out, errs)
	}
	only := filepath.Join(dir, "only.yaml")
	os.WriteFile(only, []byte("status_page:\n  components:\n    - {name: Screen sharing, features: [screenshare]}\n"), 0o644)
	if code, out, errs := runCLI(t, nil, "config", "check", only); code != 0 || !strings.Contains(out, "1 status page components") {
		t.Fatalf("only a status page: %d %s %s", code, out, errs)
	}
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("status_page:\n  components:\n    - {name: Payroll, features: [payroll], logo: x}\nprobes:\n  - name: x\n"), 0o644)
	code, _, errs := runCLI(t, nil, "config", "check", bad)
	// Every problem is reported, each with its line: the rest of the
	// file keeps its line numbers.
	if code != 1 || !strings.Contains(errs, bad+`:3: status_page.components[0].logo: unknown field`) || !strings.Contains(errs, bad+":5: probes[0].url: required") ||
		!strings.Contains(errs, "3 problem(s)") {
		t.Fatalf("bad: %d %s", code, errs)
	}
	os.WriteFile(bad, []byte("status_page:\n  components:\n    - {name: Payroll, features: [payroll]}\n"), 0o644)
	if code, _, errs := runCLI(t, nil, "config", "check", bad); code != 1 || !strings.Contains(errs, bad+`:3: status_page.components[0].features[0]: "payroll" is a feature neither`) {
		t.Fatalf("unknown feature: %d %s", code, errs)
	}
}

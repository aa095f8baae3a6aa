package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadOnlyCommandsCreateNoStore: run in an empty folder, the commands
// that only read the store say there is none and leave the folder empty;
// against a store that exists they read it and do not migrate it.
func TestReadOnlyCommandsCreateNoStore(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir) // the default store is ./stormdesk.db
	for _, args := range [][]string{
		{"export", "1"},
		{"export", "1", "--format", "html"},
		{"notify", "preview", "1"},
		{"upstream", "status"},
	} {
		code, _, errs := runCLI(t, nil, args...)
		if code != 1 || !strings.Contains(errs, "no store at ./stormdesk.db") || !strings.Contains(errs, "stormdesk migrate") {
			t.Errorf("%v in an empty folder: exit %d, %q; want exit 1 and no store at ./stormdesk.db", args, code, errs)
		}
		if left, _ := os.ReadDir(dir); len(left) > 0 {
			t.Fatalf("%v left %v behind in an empty folder", args, left)
		}
	}

	// A file that is not a store is not made into one.
	other := filepath.Join(dir, "notes.db")
	os.WriteFile(other, nil, 0o644)
	code, _, errs := runCLI(t, []string{"STORMDESK_DATABASE_URL=sqlite:" + other}, "export", "1")
	if code != 1 || !strings.Contains(errs, "holds no stormdesk store") {
		t.Errorf("export against an empty file: exit %d, %q", code, errs)
	}

	// A migrated store is read: the incident is missing, the store is not.
	if code, _, errs := runCLI(t, nil, "migrate"); code != 0 {
		t.Fatalf("migrate: %d %s", code, errs)
	}
	code, _, errs = runCLI(t, nil, "export", "1")
	if code != 1 || !strings.Contains(errs, "incident 1 not found") {
		t.Errorf("export of a missing incident: exit %d, %q", code, errs)
	}
}

// TestHelpIsOneStyle: every command answers --help once, on standard
// output, in the same shape, and exits 0; none of them does its work.
func TestHelpIsOneStyle(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, cmd := range [][]string{
		{"serve"}, {"migrate"}, {"export"}, {"tickets", "import"}, {"customers", "import"}, {"notify", "preview"},
		{"demo"}, {"replay"}, {"triage"}, {"triage", "eval"}, {"upstream", "status"}, {"upstream", "poll"},
		{"upstream", "read"}, {"config", "check"}, {"discord", "register"}, {"version"},
	} {
		for _, h := range []string{"--help", "-h"} {
			code, out, errs := runCLI(t, nil, append(append([]string(nil), cmd...), h)...)
			want := "Usage: stormdesk " + strings.Join(cmd, " ")
			if code != 0 || errs != "" || strings.Count(out, "Usage: ") != 1 || !strings.HasPrefix(out, want) {
				t.Errorf("%v %s: exit %d\nstdout %q\nstderr %q\nwant exit 0 and one %q on stdout", cmd, h, code, out, errs, want)
			}
		}
	}
	if left, _ := os.ReadDir("."); len(left) > 0 {
		t.Errorf("--help left %v behind", left)
	}
	// A wrong flag: the usage once, on stderr, exit 2.
	code, out, errs := runCLI(t, nil, "upstream", "read", "--bogus")
	if code != 2 || out != "" || strings.Count(errs, "Usage: stormdesk upstream read") != 1 || !strings.Contains(errs, "stormdesk: upstream read: flag provided but not defined: -bogus") {
		t.Errorf("upstream read --bogus: exit %d\nstdout %q\nstderr %q", code, out, errs)
	}
}

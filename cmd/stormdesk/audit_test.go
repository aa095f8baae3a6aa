package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAuditCommand runs `stormdesk audit` on a store that has polled
// GitHub's status page once (an open incident backing "deploys"), and
// checks its refusals of bad flags, each naming what is wrong.
func TestAuditCommand(t *testing.T) {
	summary, err := os.ReadFile("../../upstream/testdata/feeds/githubstatus_summary.json")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(summary)
	}))
	defer srv.Close()
	dir := t.TempDir()
	cfg := filepath.Join(dir, "stormdesk.yaml")
	os.WriteFile(cfg, []byte("dependencies:\n  - name: github\n    feed: {kind: statuspage, url: "+srv.URL+"/api/v2/summary.json}\n    features: [deploys]\n"), 0o644)
	db := "STORMDESK_DATABASE_URL=sqlite:" + filepath.Join(dir, "a.db")
	env := []string{db, "STORMDESK_CONFIG=" + cfg}
	if code, out, errs := runCLI(t, env, "upstream", "poll", "github"); code != 0 {
		t.Fatalf("poll: %d %s %s", code, out, errs)
	}

	for _, c := range []struct {
		args []string
		says string
	}{
		{[]string{"audit", "--since", "90x"}, `--since: "90x" is not a span like 90d, 2w or 36h`},
		{[]string{"audit", "--since", "-5d"}, "must be a positive span"},
		{[]string{"audit", "--format", "pdf"}, `--format: format: "pdf" is not one of md, html, json, csv`},
		{[]string{"audit", "extra"}, "audit: takes no arguments"},
	} {
		if code, _, errs := runCLI(t, env, c.args...); code != 2 || !strings.Contains(errs, c.says) {
			t.Errorf("%v: exit %d, %s; want 2 saying %q", c.args, code, errs, c.says)
		}
	}
	if code, _, errs := runCLI(t, []string{db}, "audit"); code != 2 || !strings.Contains(errs, "no dependencies configured: set STORMDESK_CONFIG") {
		t.Errorf("without a configuration: %d %s", code, errs)
	}
	if code, out, _ := runCLI(t, env, "audit", "--help"); code != 0 || !strings.Contains(out, "time-to-know") {
		t.Errorf("help: %d %s", code, out)
	}

	code, out, errs := runCLI(t, env, "audit", "--since", "2000-01-01")
	if code != 0 || !strings.Contains(out, "| github | 1 (") || !strings.Contains(out, "**deploys depends only on github; no synthetic probe configured**") {
		t.Fatalf("markdown: %d %s\n%s", code, errs, out)
	}
	file := filepath.Join(dir, "audit.json")
	if code, _, errs := runCLI(t, env, "audit", "--since", "2000-01-01", "--format", "json", "-o", file); code != 0 || !strings.Contains(errs, "wrote "+file) {
		t.Fatalf("json to a file: %d %s", code, errs)
	}
	var rep struct {
		Schema    string `json:"schema"`
		Providers []struct {
			Name      string `json:"name"`
			Seen      int    `json:"incidents_seen"`
			Incidents []struct {
				Incidents []int64 `json:"incidents"`
			} `json:"incidents"`
		} `json:"providers"`
	}
	data, _ := os.ReadFile(file)
	if err := json.Unmarshal(data, &rep); err != nil || rep.Schema != "stormdesk.audit/v1" || len(rep.Providers) != 1 || rep.Providers[0].Seen != 1 ||
		len(rep.Providers[0].Incidents[0].Incidents) != 1 {
		t.Fatalf("json: %v\n%s", err, data)
	}
}

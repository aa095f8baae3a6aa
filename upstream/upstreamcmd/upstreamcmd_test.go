package upstreamcmd

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func read(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := Read(context.Background(), args, &out, &errb)
	return out.String(), errb.String(), err
}

func TestReadFile(t *testing.T) {
	out, _, err := read(t, "../testdata/feeds/githubstatus_summary.json")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	// A page line, one incident, seven updates.
	if len(lines) != 9 {
		t.Fatalf("%d lines:\n%s", len(lines), out)
	}
	var types []string
	for _, l := range lines {
		var v struct {
			Type       string `json:"type"`
			IncidentID string `json:"incident_id"`
		}
		if err := json.Unmarshal([]byte(l), &v); err != nil {
			t.Fatalf("%s: %v", l, err)
		}
		types = append(types, v.Type)
	}
	if strings.Join(types, ",") != "page,incident,update,update,update,update,update,update,update" {
		t.Errorf("types %v", types)
	}
	if !strings.Contains(lines[1], `"id":"ljwdk6qml8z8"`) || strings.Contains(lines[1], `"updates"`) {
		t.Errorf("incident line %s", lines[1])
	}
}

func TestReadKindAfterFile(t *testing.T) {
	out, _, err := read(t, "../testdata/feeds/githubstatus_history.rss", "--kind", "rss")
	if err != nil || !strings.HasPrefix(out, `{"type":"page","page":{"name":"GitHub Status - Incident History"`) {
		t.Fatalf("%v\n%s", err, out)
	}
	_, _, err = read(t, "--kind", "statuspage", "../testdata/feeds/githubstatus_history.rss")
	if err == nil || !strings.Contains(err.Error(), "got XML, not JSON") {
		t.Errorf("%v", err)
	}
}

func TestReadURL(t *testing.T) {
	body, _ := os.ReadFile("../testdata/feeds/twilio_summary.json")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write(body) }))
	defer srv.Close()
	out, _, err := read(t, srv.URL+"/api/v2/summary.json", "--components")
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out, `"type":"component"`); n != 73 {
		t.Errorf("%d component lines", n)
	}
	if n := strings.Count(out, `"type":"maintenance"`); n != 9 {
		t.Errorf("%d maintenance lines", n)
	}
}

func TestReadStdin(t *testing.T) {
	old := stdin
	defer func() { stdin = old }()
	stdin = strings.NewReader(`{"status":"ok","date_created":"2020-07-30T15:12:34-07:00","date_updated":"2020-07-30T15:12:34-07:00","active_incidents":[]}`)
	out, _, err := read(t, "-")
	if err != nil || !strings.Contains(out, `"kind":"slack"`) {
		t.Fatalf("%v %s", err, out)
	}
}

func TestReadUsage(t *testing.T) {
	out, _, err := read(t, "-h")
	if err != nil || !strings.Contains(out, "Usage: stormdesk upstream read FILE|URL") {
		t.Errorf("%v %q", err, out)
	}
	for _, args := range [][]string{{}, {"a", "b"}, {"--kind", "jsn", "x"}, {"--nope", "x"}} {
		if _, _, err := read(t, args...); !errors.Is(err, ErrUsage) {
			t.Errorf("%v: %v is not a usage error", args, err)
		}
	}
	if _, _, err := read(t, "testdata/missing.json"); err == nil || errors.Is(err, ErrUsage) {
		t.Errorf("missing file: %v", err)
	}
}

func TestCheckConfig(t *testing.T) {
	var out, errb bytes.Buffer
	if err := CheckConfig([]string{"../testdata/stormdesk.example.yaml"}, &out, &errb); err != nil {
		t.Fatalf("%v\n%s", err, errb.String())
	}
	if !strings.Contains(out.String(), "ok: 2 dependencies, 1 probes") || !strings.Contains(out.String(), "dependency auth0: statuspage") {
		t.Errorf("%s", out.String())
	}
	bad := t.TempDir() + "/bad.yaml"
	os.WriteFile(bad, []byte("dependencies:\n  - name: auth0\n    feed: {kind: jsn, url: 'https://x.example'}\n    features: [login]\nprobes:\n  - name: p\n"), 0o600)
	out.Reset()
	errb.Reset()
	err := CheckConfig([]string{bad}, &out, &errb)
	if err == nil || !strings.Contains(err.Error(), "3 problem(s)") {
		t.Fatalf("%v", err)
	}
	if !strings.Contains(errb.String(), bad+`:3: dependencies[0].feed.kind: "jsn" is not statuspage, rss, atom, `) || !strings.Contains(errb.String(), bad+":6: probes[0].url: required") {
		t.Errorf("%s", errb.String())
	}
	if err := CheckConfig([]string{"-h"}, &out, &errb); err != nil {
		t.Error(err)
	}
	if err := CheckConfig(nil, &out, &errb); !errors.Is(err, ErrUsage) {
		t.Error(err)
	}
}

// TestReadKindAuto reads every provider fixture with --kind auto, the
// default spelled out.
func TestReadKindAuto(t *testing.T) {
	files, _ := filepath.Glob("../testdata/providers/*.json")
	if len(files) == 0 {
		t.Fatal("no provider fixtures")
	}
	for _, f := range files {
		out, _, err := read(t, f, "--kind", "auto")
		if err != nil || !strings.HasPrefix(out, `{"type":"page"`) {
			t.Errorf("%s: %v\n%s", f, err, out)
		}
	}
}

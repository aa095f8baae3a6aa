package upstream

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestExampleConfig(t *testing.T) {
	cfg, err := LoadConfigFile("testdata/stormdesk.example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Dependencies) != 2 || len(cfg.Probes) != 1 {
		t.Fatalf("%+v", cfg)
	}
	a := cfg.Dependencies[0]
	if a.Name != "auth0" || a.Feed.Kind != KindStatuspage || strings.Join(a.Features, ",") != "login,screenshare" || a.Interval != time.Minute || a.Timeout != 10*time.Second || len(a.Components) != 2 || a.Line != 4 {
		t.Errorf("%+v", a)
	}
	g := cfg.Dependencies[1]
	if g.Name != "github" || g.Feed.Kind != KindRSS || g.Interval != 5*time.Minute || g.Timeout != DefaultTimeout {
		t.Errorf("%+v", g)
	}
	p := cfg.Probes[0]
	if p.Name != "login" || p.Method != "POST" || p.Headers["Content-Type"] != "application/json" || p.ExpectStatus != 200 || p.ExpectBody != `"ok"` || p.Failures != 3 || p.Interval != 30*time.Second || p.Timeout != 5*time.Second || p.Body != `{"probe": true}` {
		t.Errorf("%+v", p)
	}
}

func TestConfigDefaults(t *testing.T) {
	cfg, err := LoadConfig(strings.NewReader(`
probes:
  - name: home
    url: https://app.example.com/
    features: [dashboard]
dependencies:
  - name: slack
    feed: {kind: slack, url: "https://slack-status.com/api/v2.0.0/current"}
    features: [notifications]
`), "d.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p := cfg.Probes[0]
	if p.Method != "GET" || p.Interval != DefaultInterval || p.Timeout != DefaultProbeTimeout || p.Failures != DefaultFailures || p.ExpectStatus != 200 {
		t.Errorf("%+v", p)
	}
	if d := cfg.Dependencies[0]; d.Interval != DefaultInterval || d.Timeout != DefaultTimeout {
		t.Errorf("%+v", d)
	}
}

// TestConfigKindAuto: "kind: auto" leaves the kind empty, which Parse
// reads as "tell it from the payload".
func TestConfigKindAuto(t *testing.T) {
	cfg, err := LoadConfig(strings.NewReader(`
dependencies:
  - name: gitlab
    feed: {kind: auto, url: "https://status.gitlab.com/1.0/status/5b36dc6502d06804c08349f7"}
    features: [git]
`), "a.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if k := cfg.Dependencies[0].Feed.Kind; k != "" {
		t.Errorf("kind %q, want empty (detected per payload)", k)
	}
}

func TestConfigErrors(t *testing.T) {
	const good = `dependencies:
  - name: auth0
    feed:
      kind: statuspage
      url: https://status.auth0.com/api/v2/summary.json
    features: [login]
`
	for _, tc := range []struct {
		name, yaml string
		want       []string
	}{
		{"bad kind", strings.Replace(good, "statuspage", "jsn", 1),
			[]string{`c.yaml:4: dependencies[0].feed.kind: "jsn" is not statuspage, rss, atom, `}},
		{"unknown field", good + "    colour: blue\n",
			[]string{"c.yaml:7: dependencies[0].colour: unknown field (known: components, features, feed, interval, keywords, name, timeout)"}},
		{"unknown top", good + "probs: []\n",
			[]string{"c.yaml:7: probs: unknown field (known: dependencies, features, probes)"}},
		{"bad duration", good + "    interval: soon\n",
			[]string{`c.yaml:7: dependencies[0].interval: "soon" is not a duration (like 30s or 2m)`}},
		{"too fast", good + "    interval: 1s\n",
			[]string{"c.yaml:7: dependencies[0].interval: 1s is shorter than the minimum 5s"}},
		{"timeout over interval", good + "    interval: 10s\n    timeout: 20s\n",
			[]string{"c.yaml:8: dependencies[0].timeout: 20s is longer than the interval 10s"}},
		{"bad feature", strings.Replace(good, "[login]", "[login, Screen Share]", 1),
			[]string{`c.yaml:6: dependencies[0].features[1]: "Screen Share" is not a feature token`}},
		{"missing", "dependencies:\n  - name: x\n",
			[]string{"c.yaml:2: dependencies[0].feed: required", "c.yaml:2: dependencies[0].features: required"}},
		{"missing kind and url", "dependencies:\n  - name: x\n    feed: {}\n    features: [a]\n",
			[]string{"c.yaml:3: dependencies[0].feed.kind: required", "c.yaml:3: dependencies[0].feed.url: required"}},
		{"bad url", strings.Replace(good, "https://status.auth0.com/api/v2/summary.json", "ftp://u:secret@x/y?k=v", 1),
			[]string{"c.yaml:5: dependencies[0].feed.url: ftp://x/y?… is not an http or https URL"}},
		{"duplicate name", good + strings.TrimPrefix(good, "dependencies:\n"),
			[]string{`c.yaml:7: dependencies[1].name: "auth0" is already the name of dependencies[0]`}},
		{"repeated key", good + "    features: [x]\n",
			[]string{"c.yaml:7: dependencies[0].features: given twice"}},
		{"wrong type", "dependencies: {a: 1}\n",
			[]string{"c.yaml:1: dependencies: want a list, got a mapping"}},
		{"bad name", strings.Replace(good, "auth0", "Auth Zero", 1),
			[]string{`c.yaml:2: dependencies[0].name: "Auth Zero" is not a lower-case name`}},
		{"probe problems", "probes:\n  - name: p\n    url: https://x.example\n    method: FETCH\n    expect_status: 99\n    failures: 0\n    headers: {\"Bad Header\": x}\n    features: [login]\n",
			[]string{`c.yaml:4: probes[0].method: "FETCH" is not one of`, "c.yaml:5: probes[0].expect_status: 99 is not an HTTP status", "c.yaml:6: probes[0].failures: 0 is not between 1 and 100", "c.yaml:7: probes[0].headers.Bad Header: not a valid header name"}},
		{"probe missing", "probes:\n  - name: p\n", []string{"c.yaml:2: probes[0].url: required", "c.yaml:2: probes[0].features: required"}},
		{"not a number", "probes:\n  - name: p\n    url: https://x.example\n    failures: many\n    features: [a]\n", []string{`c.yaml:4: probes[0].failures: "many" is not a whole number`}},
		{"invalid yaml", "dependencies:\n  - name: [\n", []string{"c.yaml:2: invalid YAML: did not find expected node content"}},
		// yaml.v3 numbers its parser's lines from 0: each of these was
		// reported one line early.
		{"unclosed flow sequence", "dependencies:\n  - name: auth0\n    feed: {kind: statuspage, url: https://status.example.com/api/v2/summary.json}\nprobes:\n  - name: login\n    url: https://app.example.com/health\n    interval: 30s\n    features: [login\n    failures: 3\n",
			[]string{"c.yaml:8: invalid YAML: did not find expected ',' or ']'"}},
		{"unclosed flow mapping", "dependencies:\n  - name: a\n    feed: {kind: rss\n    interval: 60s\n", []string{"c.yaml:3: invalid YAML: did not find expected ',' or '}'"}},
		{"bad indentation", "dependencies:\n  - name: a\n    interval: 60s\n   features: [x]\n", []string{"c.yaml:2: invalid YAML: did not find expected '-' indicator"}},
		{"scanner error", "dependencies:\n  - name: a\n    features: x: y\n", []string{"c.yaml:3: invalid YAML: mapping values are not allowed in this context"}},
		{"empty", "", []string{"c.yaml: empty: want dependencies, probes and/or features"}},
		{"nothing", "dependencies: []\n", []string{"c.yaml:1: no dependencies, no probes and no features"}},
		{"alias", "base: &b {name: x}\n", []string{"c.yaml:1: base: unknown field"}},
		{"alias used", "dependencies:\n  - &d {name: x, feed: {kind: rss, url: 'https://x.example'}, features: [a]}\n  - *d\n", []string{"c.yaml:3: dependencies[1]: YAML aliases are not supported here"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := LoadConfig(strings.NewReader(tc.yaml), "c.yaml")
			if err == nil {
				t.Fatal("no error")
			}
			var ce *ConfigError
			if !errors.As(err, &ce) {
				t.Errorf("%T is not a *ConfigError", err)
			}
			lines := strings.Split(err.Error(), "\n")
			if len(lines) != len(tc.want) {
				t.Fatalf("got %d errors:\n%s\nwant %d", len(lines), err, len(tc.want))
			}
			for i, w := range tc.want {
				if !strings.HasPrefix(lines[i], w) {
					t.Errorf("got  %s\nwant %s…", lines[i], w)
				}
			}
			if strings.Contains(err.Error(), "secret") {
				t.Error("credentials in message")
			}
		})
	}
}

package upstream

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// maxSeed keeps seeds small: the fuzzer minimises every input that finds
// new coverage, which is slow on the 66 KB Twilio capture.
const maxSeed = 8 << 10

func addFiles(f *testing.F, patterns ...string) {
	for _, p := range patterns {
		files, _ := filepath.Glob(filepath.Join("testdata", p))
		for _, name := range files {
			data := readFixture(f, strings.TrimPrefix(name, "testdata/"))
			if len(data) <= maxSeed {
				f.Add(data)
			}
		}
	}
}

// checkSnapshot holds for every snapshot Parse accepts: times in UTC,
// events with keys, and no change when diffed against itself.
func checkSnapshot(t *testing.T, s *Snapshot) {
	allUTC(t, s)
	for _, e := range Events(s, "fuzz") {
		if e.DedupKey == "" || e.Kind == "" {
			t.Fatalf("event without key or kind: %+v", e)
		}
	}
	if d := Diff(s, s, "fuzz"); len(d) != 0 {
		t.Fatalf("self diff: %+v", d)
	}
}

func FuzzParseStatuspage(f *testing.F) {
	addFiles(f, "feeds/*.json")
	f.Add([]byte(`{"incidents":[{"id":1,"created_at":"2024-01-01T00:00:00"}]}`))
	f.Add([]byte(`{"page":{"time_zone":"Nowhere/Else"},"components":[{"id":"a","status":"MAJOROUTAGE"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, k := range []Kind{KindStatuspage, KindSlack, KindHeroku, ""} {
			s, err := Parse(data, k)
			if err != nil {
				if Reason(err) != "unreadable" {
					t.Fatalf("%v is not unreadable", err)
				}
				continue
			}
			checkSnapshot(t, s)
		}
	})
}

func FuzzParseFeed(f *testing.F) {
	addFiles(f, "*.rss", "*.atom")
	// The first two items of the GitHub capture.
	rss := string(readFixture(f, "feeds/githubstatus_history.rss"))
	if i := nthIndex(rss, "<item>", 3); i > 0 {
		f.Add([]byte(rss[:i] + "</channel></rss>"))
	}
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>Resolved: x</title></entry></feed>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, k := range []Kind{KindRSS, KindAtom} {
			s, err := Parse(data, k)
			if err != nil {
				if Reason(err) != "unreadable" {
					t.Fatalf("%v is not unreadable", err)
				}
				continue
			}
			checkSnapshot(t, s)
		}
		// The paragraph splitter and date reader see raw input too.
		for _, p := range splitParas(string(data)) {
			parseSmallDate(p.small, time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))
		}
		HTMLText(string(data))
	})
}

func FuzzLoadConfig(f *testing.F) {
	addFiles(f, "*.yaml")
	f.Add([]byte("dependencies:\n  - name: x\n    feed: {kind: jsn}\n"))
	f.Add([]byte("probes:\n  - {name: p, url: 'http://127.0.0.1/', headers: {a: b}, failures: 2, features: [a]}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := LoadConfig(strings.NewReader(string(data)), "f.yaml")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.yaml") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		for _, d := range cfg.Dependencies {
			if d.Name == "" || d.Feed.URL == "" || len(d.Features) == 0 || d.Interval < MinInterval || d.Timeout <= 0 {
				t.Fatalf("accepted %+v", d)
			}
		}
		for _, p := range cfg.Probes {
			if p.Name == "" || p.URL == "" || p.Failures < 1 || p.ExpectStatus < 100 || p.Interval < MinInterval {
				t.Fatalf("accepted %+v", p)
			}
		}
	})
}

func nthIndex(s, sub string, n int) int {
	off := 0
	for ; n > 0; n-- {
		i := strings.Index(s[off:], sub)
		if i < 0 {
			return -1
		}
		if n == 1 {
			return off + i
		}
		off += i + len(sub)
	}
	return -1
}

// fuzzKind fuzzes the parser of one kind, and detection, from the fixtures
// matching pattern and a few hand-made seeds.
func fuzzKind(f *testing.F, kind Kind, pattern string, seeds ...string) {
	addFiles(f, pattern)
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, k := range []Kind{kind, ""} {
			s, err := Parse(data, k)
			if err != nil {
				if Reason(err) != "unreadable" {
					t.Fatalf("%v is not unreadable", err)
				}
				continue
			}
			checkSnapshot(t, s)
		}
	})
}

func FuzzParseStatusIO(f *testing.F) {
	fuzzKind(f, KindStatusIO, "providers/statusio_*.json",
		`{"result":{"incidents":[{"_id":"a","messages":[{"state":100,"status":500,"datetime":"2024-01-01T00:00:00"},{"state":200,"status":500,"datetime":"2024-01-01T00:00:00"}]}]}}`,
		`{"result":{"status_overall":{"status_code":600},"status":[{"id":1,"status_code":300,"containers":[{"id":1,"status_code":100}]}]}}`)
}

func FuzzParseGCP(f *testing.F) {
	fuzzKind(f, KindGCP, "providers/gcp_*.json",
		`[{"id":"a","most_recent_update":{"when":"2024-01-01T00:00:00Z","status":"AVAILABLE"}},{"id":"a","end":"2024-01-01"}]`,
		`[{"id":1,"service_key":"k","severity":"HIGH","updates":[{"created":"2024-01-01 00:00:00"},{"created":"2024-01-01 00:00:00"}]}]`)
}

func FuzzParseAWS(f *testing.F) {
	fuzzKind(f, KindAWS, "providers/aws_*.json",
		`{"current":[{"service":"a","date":1,"status":3,"description":"x<span class=\"yellowfg\">Dec 31 11:59 PM PST</span>y<span class=\"yellowfg\">1:00 AM PDT</span>z"}],"archive":[{"service":"a","date":"1","status":"0"}]}`)
}

func FuzzParseInstatus(f *testing.F) {
	fuzzKind(f, KindInstatus, "providers/instatus_*.json",
		`{"page":{"status":"UP"},"activeIncidents":[{"url":"https://x/incident/a","impact":"MINOROUTAGE"},{"id":"a"}],"activeMaintenances":[{"id":"m","start":"2024-01-01","duration":5}]}`,
		`[{"id":"c","group":{"id":"g"},"incidents":[{"id":"i","status":"RESOLVED","updates":[{"id":"u","started":"2024-01-01T00:00:00Z"}]}]},{"id":"d","incidents":[{"id":"i"}]}]`)
}

func FuzzParseCachet(f *testing.F) {
	fuzzKind(f, KindCachet, "providers/cachet_*.json",
		`{"meta":{"pagination":{}},"data":[{"id":1,"status_name":"x","status":"2","group_id":3},{"id":1,"link":"","status":4},{"id":2,"message":"m","status":0,"scheduled_at":"2015-08-08 02:00:00","created_at":"2015-08-01 00:00:00","updates":[{"id":1,"status":4}]}]}`)
}

func FuzzParseBetterStack(f *testing.F) {
	fuzzKind(f, KindBetterStack, "providers/betterstack_*.json",
		`{"data":{"type":"status_page","attributes":{"timezone":"Europe/Paris","updated_at":"2025-01-01 10:00"}},"included":[{"id":"u","type":"status_update","attributes":{"published_at":"2025-01-01 09:00"}},{"id":"r","type":"status_report","attributes":{"report_type":"maintenance","starts_at":"2025-01-01 09:00"},"relationships":{"status_updates":{"data":[{"id":"u"},{"id":"u"}]}}},{"id":"r","type":"status_report"}]}`)
}

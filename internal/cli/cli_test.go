package cli

import (
	"bytes"
	"errors"
	"flag"
	"strings"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	mk := func() *flag.FlagSet {
		fs := NewFlagSet("upstream read", "upstream read FILE [--kind K]", "Prints what stormdesk reads.")
		fs.String("kind", "", "payload `format`")
		return fs
	}
	var out, errb bytes.Buffer
	// Help: once, on stdout, in the one style.
	if err := Parse(mk(), []string{"--help"}, &out, &errb); !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("--help: %v", err)
	}
	want := "Usage: stormdesk upstream read FILE [--kind K]\n\nPrints what stormdesk reads.\n\nFlags:\n  -kind format\n    \tpayload format\n"
	if out.String() != want || errb.Len() != 0 {
		t.Fatalf("--help printed\nstdout %q\nstderr %q\nwant stdout %q", out.String(), errb.String(), want)
	}
	// A bad flag: the usage once, on stderr, and an error that says why.
	out.Reset()
	err := Parse(mk(), []string{"--bogus"}, &out, &errb)
	if !errors.Is(err, ErrUsage) || !strings.Contains(err.Error(), "upstream read: flag provided but not defined: -bogus") ||
		out.Len() != 0 || strings.Count(errb.String(), "Usage:") != 1 {
		t.Fatalf("bad flag: %v\nstdout %q\nstderr %q", err, out.String(), errb.String())
	}
	// A flag set without flags says no "Flags:".
	out.Reset()
	Parse(NewFlagSet("version", "version", "Prints the version."), []string{"-h"}, &out, &errb)
	if out.String() != "Usage: stormdesk version\n\nPrints the version.\n" {
		t.Fatalf("version -h: %q", out.String())
	}
	if !IsHelp([]string{"x", "-h"}) || IsHelp([]string{"--", "-h"}) || IsHelp([]string{"x"}) {
		t.Fatal("IsHelp")
	}
}

// TestOneArg: flags before or after the one argument; none or two is a
// usage error naming what was wanted.
func TestOneArg(t *testing.T) {
	for _, tc := range []struct {
		args      []string
		want, err string
	}{
		{[]string{"--kind", "rss", "feed.xml"}, "feed.xml", ""},
		{[]string{"feed.xml", "--kind", "rss"}, "feed.xml", ""},
		{nil, "", "want exactly one FILE, got 0"},
		{[]string{"a", "--kind", "rss", "b"}, "", "want exactly one FILE, got 2"},
	} {
		fs := NewFlagSet("upstream read", "upstream read FILE [--kind K]", "Prints what stormdesk reads.")
		kind := fs.String("kind", "", "payload `format`")
		var out, errb bytes.Buffer
		got, err := OneArg(fs, tc.args, &out, &errb, "FILE")
		switch {
		case tc.err == "" && (err != nil || got != tc.want || *kind != "rss"):
			t.Errorf("%q: %q, kind %q, %v; want %q, kind rss", tc.args, got, *kind, err, tc.want)
		case tc.err != "" && (!errors.Is(err, ErrUsage) || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%q: %v, want a usage error with %q", tc.args, err, tc.err)
		}
	}
}

func TestProgress(t *testing.T) {
	var b bytes.Buffer
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	p := NewProgress(&b, "importing t.csv", "rows", 1000)
	p.now = func() time.Time { return now }
	p.Update(500, 10)
	if b.Len() != 0 {
		t.Fatalf("a progress line on a buffer, which is no terminal: %q", b.String())
	}
	p.Force(true)
	p.start = now
	now = now.Add(time.Second)
	p.Update(500, 10)
	if got := b.String(); !strings.Contains(got, "importing t.csv [===============               ]  50% 10 rows, 10 rows/s") {
		t.Fatalf("half way: %q", got)
	}
	now = now.Add(50 * time.Millisecond)
	p.Update(600, 12) // within 100 ms of the last: not drawn
	if strings.Contains(b.String(), "12 rows") {
		t.Fatalf("redrawn within 100 ms: %q", b.String())
	}
	p.Done(20)
	got := b.String()
	if !strings.Contains(got, "[==============================] 100% 20 rows") || !strings.HasSuffix(got, "\r") ||
		!strings.HasSuffix(strings.TrimRight(got, "\r "), "rows/s") {
		t.Fatalf("done: %q, want the line at 100%% then cleared", got)
	}
	n := b.Len()
	p.Done(20)
	p.Update(1000, 20)
	if b.Len() != n {
		t.Fatal("drawn after Done")
	}
}

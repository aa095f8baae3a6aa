// Package chromium runs headless Chromium for the tests that check a page
// in a real browser: the post-mortem HTML export's chart (templates) and
// the public status page (httpserver). It takes screenshots and dumps the
// DOM after the page's scripts ran; both are one process per call, with no
// DevTools connection, so the tests need nothing but the browser.
package chromium

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// Find finds a headless-capable Chromium: Debian's chromium package
// installs /usr/bin/chromium, other systems call it chromium-browser.
// Outside CI a missing browser skips the test loudly; in CI (CI=true, as
// .ci/run sets) it fails, so the check cannot silently stop running. what
// says what goes unchecked without it.
func Find(t testing.TB, what string) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := "no chromium or chromium-browser on PATH (Debian: apt-get install -y chromium); " + what + " is NOT being checked in a browser"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip("SKIPPING CHROMIUM TEST: " + msg)
	return ""
}

// FileURL writes html to a file of the test's temporary directory and
// returns its file:// URL.
func FileURL(t testing.TB, html string) string {
	t.Helper()
	page := filepath.Join(t.TempDir(), "page.html")
	if err := os.WriteFile(page, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	return "file://" + filepath.ToSlash(page)
}

// MinWindowWidth is the narrowest window headless Chromium lays a page
// out in: asked for a narrower one (--window-size=390,…), it still lays
// the page out 500 px wide and shows the left part of it. A phone's
// viewport only exists in a frame: see Framed.
const MinWindowWidth = 500

// Framed writes a page that shows html in a frame of exactly w×h CSS
// pixels at its top left corner, and runs script (unless "") in the
// outer page, and returns its file:// URL. The frame is the page's
// viewport (its media queries see w), whatever the window's least width;
// a screenshot of a window w px wide shows the frame and nothing else.
// The frame's document has the outer page's origin (srcdoc), so script
// can measure it: document.getElementById("page").contentDocument.
func Framed(t testing.TB, page string, w, h int, script string) string {
	t.Helper()
	var b bytes.Buffer
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><style>html,body{margin:0;padding:0;overflow:hidden}iframe{display:block;border:0;width:%dpx;height:%dpx}</style></head><body>", w, h)
	fmt.Fprintf(&b, "<iframe id=\"page\" srcdoc=\"%s\"></iframe>", html.EscapeString(page))
	if script != "" {
		fmt.Fprintf(&b, "<script>%s</script>", script)
	}
	b.WriteString("</body></html>\n")
	return FileURL(t, b.String())
}

// run opens url in headless Chromium in a window of w×h CSS pixels with
// the extra flags and returns what the browser wrote to stdout.
func run(t testing.TB, browser, url string, w, h int, flags ...string) []byte {
	t.Helper()
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	// The background-networking, component-update, sync and QUIC flags
	// keep Chromium from reaching for the network, which CI does not have.
	args := append([]string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + filepath.Join(dir, "profile"), "--hide-scrollbars", fmt.Sprintf("--window-size=%d,%d", w, h),
	}, flags...)
	cmd := exec.CommandContext(ctx, browser, append(args, url)...)
	// Chromium writes nothing under the real home directory either.
	home := filepath.Join(dir, "home")
	cmd.Env = append(os.Environ(), "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"), "XDG_CACHE_HOME="+filepath.Join(home, ".cache"))
	cmd.WaitDelay = 10 * time.Second
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		t.Fatalf("chromium did not finish within 60 s:\n%s", stderr.Bytes())
	}
	if err != nil {
		t.Fatalf("chromium: %v\n%s", err, stderr.Bytes())
	}
	t.Logf("chromium took %v", time.Since(start).Round(time.Millisecond))
	return stdout.Bytes()
}

// Screenshot renders url in headless Chromium in a window of w×h CSS
// pixels and returns the PNG's bytes and the decoded image.
func Screenshot(t testing.TB, browser, url string, w, h int) ([]byte, image.Image) {
	t.Helper()
	shot := filepath.Join(t.TempDir(), "shot.png")
	run(t, browser, url, w, h, "--screenshot="+shot)
	b, err := os.ReadFile(shot)
	if err != nil {
		t.Fatalf("chromium wrote no screenshot: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	return b, img
}

// DumpDOM loads url in headless Chromium in a window of w×h CSS pixels,
// lets its scripts run (in virtual time, so a slow machine waits no
// longer) and returns the document as it then is. A test measures the
// page in the browser by adding a script that writes what it measured
// into the document.
func DumpDOM(t testing.TB, browser, url string, w, h int) string {
	t.Helper()
	return string(run(t, browser, url, w, h, "--virtual-time-budget=5000", "--dump-dom"))
}

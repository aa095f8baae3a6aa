package templates

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// chromium finds a headless-capable Chromium: Debian's chromium package
// installs /usr/bin/chromium, other systems call it chromium-browser.
// Outside CI a missing browser skips the test loudly; in CI (CI=true, as
// .ci/run sets) it fails, so the check cannot silently stop running.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := "no chromium or chromium-browser on PATH (Debian: apt-get install -y chromium); the HTML export's chart is NOT being checked in a browser"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip("SKIPPING CHROMIUM TEST: " + msg)
	return ""
}

// screenshot renders html in headless Chromium at 1000×900 CSS pixels and
// returns the PNG's bytes and the decoded image.
func screenshot(t *testing.T, browser, html string) ([]byte, image.Image) {
	t.Helper()
	dir := t.TempDir()
	page := filepath.Join(dir, "export.html")
	if err := os.WriteFile(page, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(dir, "shot.png")
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	// The background-networking, component-update, sync and QUIC flags
	// keep Chromium from reaching for the network, which CI does not have.
	cmd := exec.CommandContext(ctx, browser,
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--hide-scrollbars", "--window-size=1000,900",
		"--screenshot="+shot, "file://"+filepath.ToSlash(page))
	// Chromium writes nothing under the real home directory either.
	home := filepath.Join(dir, "home")
	cmd.Env = append(os.Environ(), "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"), "XDG_CACHE_HOME="+filepath.Join(home, ".cache"))
	cmd.WaitDelay = 10 * time.Second
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		t.Fatalf("chromium did not finish within 60 s:\n%s", out.Bytes())
	}
	if err != nil {
		t.Fatalf("chromium: %v\n%s", err, out.Bytes())
	}
	t.Logf("chromium took %v", time.Since(start).Round(time.Millisecond))
	b, err := os.ReadFile(shot)
	if err != nil {
		t.Fatalf("chromium wrote no screenshot: %v\n%s", err, out.Bytes())
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	return b, img
}

type rgb struct{ r, g, b float64 }

func hexColour(s string) rgb {
	var r, g, b uint8
	if _, err := fmt.Sscanf(s, "#%02x%02x%02x", &r, &g, &b); err != nil {
		panic(s)
	}
	return rgb{float64(r), float64(g), float64(b)}
}

// ink reports whether p is colour c laid over the white page with an
// opacity of at least minAlpha: a point on the line from white to c, within
// a few levels. That matches a solid fill, a fill drawn with opacity (the
// bands are at 0.85) and the anti-aliased edge of a thin line alike, and
// no other colour of the page.
func ink(p, c rgb, minAlpha float64) bool {
	const tol = 12.0 // per channel, in 0–255 levels
	d := rgb{255 - c.r, 255 - c.g, 255 - c.b}
	w := rgb{255 - p.r, 255 - p.g, 255 - p.b}
	alpha := (w.r*d.r + w.g*d.g + w.b*d.b) / (d.r*d.r + d.g*d.g + d.b*d.b)
	if alpha < minAlpha || alpha > 1.05 {
		return false
	}
	return abs(w.r-alpha*d.r) <= tol && abs(w.g-alpha*d.g) <= tol && abs(w.b-alpha*d.b) <= tol
}

func abs(f float64) float64 { return max(f, -f) }

// figure is what the screenshot shows of each of the chart's colours.
type figure struct {
	name  string
	fill  rgb
	alpha float64 // least opacity that counts
	n     int
	box   image.Rectangle // bounding box of the matching pixels
}

// chartFigures counts, in img, the pixels of the bar colour, of the three
// upstream band colours and of the notification markers' green, and the
// pixels that are not the page's white.
func chartFigures(img image.Image) (figs map[string]*figure, painted int) {
	list := []*figure{
		{name: "bar", fill: hexColour("#3b6ea8"), alpha: 0.9},
		{name: "band red", fill: hexColour("#d9534f"), alpha: 0.6},
		{name: "band orange", fill: hexColour("#f0883e"), alpha: 0.6},
		{name: "band yellow", fill: hexColour("#e3b341"), alpha: 0.6},
		{name: "marker green", fill: hexColour("#2e7d32"), alpha: 0.3},
	}
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			p := rgb{float64(r >> 8), float64(g >> 8), float64(b >> 8)}
			if p.r < 250 || p.g < 250 || p.b < 250 {
				painted++
			}
			for _, f := range list {
				if ink(p, f.fill, f.alpha) {
					f.n++
					f.box = f.box.Union(image.Rect(x, y, x+1, y+1))
					break
				}
			}
		}
	}
	figs = map[string]*figure{}
	for _, f := range list {
		figs[f.name] = f
	}
	return figs, painted
}

func logFigures(t *testing.T, what string, figs map[string]*figure, painted int, size image.Point) {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%dx%d): %d non-white pixels", what, size.X, size.Y, painted)
	for _, name := range []string{"bar", "band red", "band orange", "band yellow", "marker green"} {
		f := figs[name]
		fmt.Fprintf(&b, "; %s %d", name, f.n)
		if f.n > 0 {
			fmt.Fprintf(&b, " in %v", f.box)
		}
	}
	t.Log(b.String())
}

// TestHTMLChartRendersInChromium renders the reference outage's HTML
// export in headless Chromium and checks, in the screenshot, that the
// chart is drawn: blue report bars, the upstream band in red (investigating)
// and orange (identified) above them, and the green notification markers.
// The same page without its <svg> must show none of these colours, so the
// check fails if the chart stops being drawn. With -update the screenshot
// is kept as testdata/chromium-reference-outage.png for the README.
func TestHTMLChartRendersInChromium(t *testing.T) {
	browser := chromium(t)
	html := string(renderReference(t, "html"))

	i := strings.Index(html, `<svg id="chart"`)
	j := strings.Index(html[max(i, 0):], "</svg>")
	if i < 0 || j < 0 {
		t.Fatalf("the HTML export has no <svg id=\"chart\"> … </svg>")
	}
	noChart := html[:i] + html[i+j+len("</svg>"):]

	shot, img := screenshot(t, browser, html)
	figs, painted := chartFigures(img)
	size := img.Bounds().Size()
	logFigures(t, "with chart", figs, painted, size)

	if *update {
		path := filepath.Join("testdata", "chromium-reference-outage.png")
		if err := os.WriteFile(path, shot, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", path)
	}

	// The page is not blank: text and chart cover a few percent of it.
	if total := size.X * size.Y; painted < total/50 {
		t.Errorf("the screenshot is (nearly) blank: %d of %d pixels are not white", painted, total)
	}
	// The reference outage has bars of 1 to 3 reports, about 4 px wide and
	// up to 200 px tall; 15:13–16:35 investigating (red) and 16:35–18:35
	// identified (orange) upstream; no "monitoring" update, so no yellow;
	// notifications at 17:03 and 09:01 (green dashed lines).
	for _, want := range []struct {
		name  string
		least int
	}{{"bar", 200}, {"band red", 100}, {"band orange", 100}, {"marker green", 50}} {
		if f := figs[want.name]; f.n <= want.least {
			t.Errorf("%s: %d pixels of %v in the screenshot, want more than %d", want.name, f.n, f.fill, want.least)
		}
	}
	if n := figs["band yellow"].n; n > 20 {
		t.Errorf("band yellow: %d pixels, but the reference outage never reports monitoring upstream", n)
	}
	// The band runs along the top of the chart, above the bars.
	bar, red, orange := figs["bar"].box, figs["band red"].box, figs["band orange"].box
	if !bar.Empty() && !red.Empty() && !orange.Empty() && (red.Max.Y > bar.Min.Y || orange.Max.Y > bar.Min.Y || red.Min.X >= orange.Min.X) {
		t.Errorf("the band is not above the bars, red before orange: bars %v, red %v, orange %v", bar, red, orange)
	}

	// Without the chart the same colours are (almost) absent, which shows
	// that the counts above measure the chart and nothing else on the page.
	_, img = screenshot(t, browser, noChart)
	figs, painted = chartFigures(img)
	logFigures(t, "without chart", figs, painted, img.Bounds().Size())
	for _, name := range []string{"bar", "band red", "band orange", "band yellow", "marker green"} {
		if f := figs[name]; f.n > 20 {
			t.Errorf("without the chart, %s still matches %d pixels in %v: the colour test does not isolate the chart", name, f.n, f.box)
		}
	}
}

package templates

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"stormdesk/internal/chromium"
)

// chartColours are the colours the chart paints, each with the least
// opacity that counts as it (the bands are drawn at 0.85).
var chartColours = []chromium.Figure{
	{Name: "bar", Fill: chromium.Hex("#3b6ea8"), Alpha: 0.9},
	{Name: "band red", Fill: chromium.Hex("#d9534f"), Alpha: 0.6},
	{Name: "band orange", Fill: chromium.Hex("#f0883e"), Alpha: 0.6},
	{Name: "band yellow", Fill: chromium.Hex("#e3b341"), Alpha: 0.6},
	{Name: "alert purple", Fill: chromium.Hex("#8250df"), Alpha: 0.3},
	{Name: "email green", Fill: chromium.Hex("#2e7d32"), Alpha: 0.3},
}

// chartFigures counts, in img, the pixels of each of chartColours, and
// the pixels that are not the page's white.
func chartFigures(img image.Image) (map[string]*chromium.Figure, int) {
	return chromium.Figures(img, chartColours)
}

func logFigures(t *testing.T, what string, figs map[string]*chromium.Figure, painted int, size image.Point) {
	t.Helper()
	chromium.LogFigures(t, what, chartColours, figs, painted, size)
}

// chartOrigin is the top left corner of the upstream band, which starts
// the chart: positions relative to it do not move when the text above the
// chart wraps differently in another font.
func chartOrigin(figs map[string]*chromium.Figure) image.Point {
	return figs["band red"].Box.Union(figs["band orange"].Box).Min
}

// compareToGolden checks the chart's figures in got against those in the
// golden screenshot: each colour's pixel count within 35% and its box,
// relative to the chart's origin, within 16 pixels. Text is never
// compared, so other fonts (or font versions) pass; a chart drawn
// elsewhere, in other proportions, or without one of its parts fails.
func compareToGolden(t *testing.T, name string, got map[string]*chromium.Figure, golden image.Image) {
	t.Helper()
	want, _ := chartFigures(golden)
	chromium.CompareFigures(t, name, chartColours, got, want, chartOrigin(got), chartOrigin(want), 16, 16)
}

// TestHTMLChartRendersInChromium renders the reference outage's HTML
// export in headless Chromium on a desktop (1200 px) and a phone (390 px)
// and checks, in each screenshot, that the chart is drawn: blue report
// bars, the upstream band in red (investigating) and orange (identified)
// above them, stormdesk's alert in purple and the first email in green;
// no yellow, since no monitoring band is drawn. The same page without
// its chart must show none of the chart's colours, so the check fails if
// the chart stops being drawn. Each screenshot is compared with its
// golden copy in docs/ (the README shows the desktop one) by the position
// and size of each colour, not pixel by pixel, so fonts may differ; -update
// rewrites them.
func TestHTMLChartRendersInChromium(t *testing.T) {
	browser := chromium.Find(t, "the HTML export's chart")
	html := string(renderReference(t, "html"))

	i := strings.Index(html, "<figure>")
	j := strings.Index(html[max(i, 0):], "</figure>")
	if i < 0 || j < 0 || !strings.Contains(html, `<svg id="chart"`) {
		t.Fatalf("the HTML export has no <figure> with <svg id=\"chart\">")
	}
	noChart := html[:i] + html[i+j+len("</figure>"):]
	// The legend's swatches have the chart's colours; the checks of the
	// chart's shape look at the page without them.
	noSwatches := strings.Replace(html, "</style>", "  .swatch { visibility: hidden; }\n</style>", 1)

	for _, view := range []struct {
		name string
		w, h int
		// least bar height in screen pixels: the chart is drawn at a
		// readable size (on a phone it scrolls sideways rather than shrink)
		barH int
		// what the window shows of the chart: on a phone the first email
		// (17:04) is further right, a sideways scroll away
		visible []string
	}{
		{"desktop", 1200, 1400, 150, []string{"bar", "band red", "band orange", "alert purple", "email green"}},
		{"phone", 390, 1700, 100, []string{"bar", "band red", "band orange", "alert purple"}},
	} {
		t.Run(view.name, func(t *testing.T) {
			shot, img := chromium.Screenshot(t, browser, chromium.FileURL(t, html), view.w, view.h)
			figs, painted := chartFigures(img)
			size := img.Bounds().Size()
			logFigures(t, "with chart", figs, painted, size)

			path := filepath.Join("..", "docs", fmt.Sprintf("postmortem-%d.png", view.w))
			if *update {
				if err := os.WriteFile(path, shot, 0o644); err != nil {
					t.Fatal(err)
				}
				t.Logf("wrote %s", path)
			}

			if total := size.X * size.Y; painted < total/50 {
				t.Errorf("the screenshot is (nearly) blank: %d of %d pixels are not white", painted, total)
			}
			golden, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (go test ./templates -run Chromium -update writes it)", err)
			}
			gimg, err := png.Decode(bytes.NewReader(golden))
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			compareToGolden(t, view.name, figs, gimg)

			_, img = chromium.Screenshot(t, browser, chromium.FileURL(t, noSwatches), view.w, view.h)
			figs, painted = chartFigures(img)
			logFigures(t, "without the legend's swatches", figs, painted, size)
			least := map[string]int{"bar": 200, "band red": 100, "band orange": 100, "alert purple": 30, "email green": 20}
			for _, name := range view.visible {
				if f := figs[name]; f.N <= least[name] {
					t.Errorf("%s: %d pixels of %v in the screenshot, want more than %d", name, f.N, f.Fill, least[name])
				}
			}
			if n := figs["band yellow"].N; n > 20 {
				t.Errorf("band yellow: %d pixels, but the reference outage never reports monitoring upstream", n)
			}
			bar, red, orange := figs["bar"].Box, figs["band red"].Box, figs["band orange"].Box
			if !bar.Empty() && !red.Empty() && !orange.Empty() && (red.Max.Y > bar.Min.Y || orange.Max.Y > bar.Min.Y || red.Min.X >= orange.Min.X) {
				t.Errorf("the band is not above the bars, red before orange: bars %v, red %v, orange %v", bar, red, orange)
			}
			if h := bar.Dy(); h < view.barH {
				t.Errorf("the bars are %d px tall, want at least %d: the chart is drawn too small to read", h, view.barH)
			}
			if bar.Max.X > size.X || red.Min.X < 0 {
				t.Errorf("the chart starts outside the window: bars %v, band %v", bar, red)
			}

			// Without the chart the same colours are (almost) absent, which
			// shows that the counts above measure the chart. (stormdesk's
			// alert is also purple in the time-to-know block, so purple is
			// not counted here.)
			_, img = chromium.Screenshot(t, browser, chromium.FileURL(t, noChart), view.w, view.h)
			figs, painted = chartFigures(img)
			logFigures(t, "without chart", figs, painted, img.Bounds().Size())
			for _, name := range []string{"bar", "band red", "band orange", "band yellow", "email green"} {
				if f := figs[name]; f.N > 20 {
					t.Errorf("without the chart, %s still matches %d pixels in %v: the colour test does not isolate the chart", name, f.N, f.Box)
				}
			}
		})
	}
}

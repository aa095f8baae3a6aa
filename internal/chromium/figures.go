package chromium

import (
	"fmt"
	"image"
	"strings"
	"testing"
)

// A screenshot is compared with its golden copy by what it shows of a
// few colours (where and how much of each), never pixel by pixel: text
// is not compared, so other fonts (or font versions) pass, while a
// figure drawn elsewhere, in other proportions, or missing fails.

// RGB is a colour in 0–255 levels.
type RGB struct{ R, G, B float64 }

// Hex reads "#rrggbb"; it panics on anything else (the colours are the
// tests' own constants).
func Hex(s string) RGB {
	var r, g, b uint8
	if _, err := fmt.Sscanf(s, "#%02x%02x%02x", &r, &g, &b); err != nil {
		panic(s)
	}
	return RGB{float64(r), float64(g), float64(b)}
}

// Ink reports whether p is colour c laid over the white page with an
// opacity of at least minAlpha: a point on the line from white to c, within
// a few levels. That matches a solid fill, a fill drawn with opacity and
// the anti-aliased edge of a thin line alike, and no other colour of the
// page.
func Ink(p, c RGB, minAlpha float64) bool {
	const tol = 12.0 // per channel, in 0–255 levels
	d := RGB{255 - c.R, 255 - c.G, 255 - c.B}
	w := RGB{255 - p.R, 255 - p.G, 255 - p.B}
	alpha := (w.R*d.R + w.G*d.G + w.B*d.B) / (d.R*d.R + d.G*d.G + d.B*d.B)
	if alpha < minAlpha || alpha > 1.05 {
		return false
	}
	return abs(w.R-alpha*d.R) <= tol && abs(w.G-alpha*d.G) <= tol && abs(w.B-alpha*d.B) <= tol
}

func abs(f float64) float64 { return max(f, -f) }

// Figure is what a screenshot shows of one colour.
type Figure struct {
	Name  string
	Fill  RGB
	Alpha float64 // least opacity that counts
	// N is the number of matching pixels, Box their bounding box.
	N   int
	Box image.Rectangle
}

// Figures counts, in img, the pixels of each of colours (a pixel counts
// for the first that matches), and the pixels that are not white.
func Figures(img image.Image, colours []Figure) (figs map[string]*Figure, painted int) {
	list := make([]*Figure, len(colours))
	for i, c := range colours {
		f := c
		list[i] = &f
	}
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			p := RGB{float64(r >> 8), float64(g >> 8), float64(b >> 8)}
			if p.R < 250 || p.G < 250 || p.B < 250 {
				painted++
			}
			for _, f := range list {
				if Ink(p, f.Fill, f.Alpha) {
					f.N++
					f.Box = f.Box.Union(image.Rect(x, y, x+1, y+1))
					break
				}
			}
		}
	}
	figs = map[string]*Figure{}
	for _, f := range list {
		figs[f.Name] = f
	}
	return figs, painted
}

// LogFigures logs figs, in the order of colours.
func LogFigures(t testing.TB, what string, colours []Figure, figs map[string]*Figure, painted int, size image.Point) {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%dx%d): %d non-white pixels", what, size.X, size.Y, painted)
	for _, c := range colours {
		f := figs[c.Name]
		fmt.Fprintf(&b, "; %s %d", c.Name, f.N)
		if f.N > 0 {
			fmt.Fprintf(&b, " in %v", f.Box)
		}
	}
	t.Log(b.String())
}

// CompareFigures checks the figures got against those of the golden
// screenshot, want: each colour's pixel count within 35% and its box,
// relative to og in got and ow in want (a point that does not move when
// text wraps differently in another font), within tolX pixels across and
// tolY down.
func CompareFigures(t testing.TB, name string, colours []Figure, got, want map[string]*Figure, og, ow image.Point, tolX, tolY int) {
	t.Helper()
	for _, c := range colours {
		g, w := got[c.Name], want[c.Name]
		if (g.N == 0) != (w.N == 0) || abs(float64(g.N-w.N)) > 0.35*float64(max(w.N, 20)) {
			t.Errorf("%s: %s has %d pixels, the golden screenshot %d", name, c.Name, g.N, w.N)
			continue
		}
		if g.N == 0 {
			continue
		}
		gb, wb := g.Box.Sub(og), w.Box.Sub(ow)
		dx := []int{gb.Min.X - wb.Min.X, gb.Max.X - wb.Max.X}
		dy := []int{gb.Min.Y - wb.Min.Y, gb.Max.Y - wb.Max.Y}
		if max(dx[0], -dx[0], dx[1], -dx[1]) > tolX || max(dy[0], -dy[0], dy[1], -dy[1]) > tolY {
			t.Errorf("%s: %s is at %v from the origin, in the golden screenshot at %v", name, c.Name, gb, wb)
		}
	}
}

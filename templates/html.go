package templates

import (
	"fmt"
	"iter"
	"math"
	"strings"
	"time"
)

// The chart's geometry, in SVG user units. From the top: the upstream
// band, the lanes of marker labels, the plot, the time axis.
const (
	chartW, padL, padR = 900.0, 44.0, 16.0
	bandY, bandH       = 6.0, 16.0
	laneH              = 15.0 // one row of marker labels
	plotH              = 170.0
	// charW is the width of one character of a marker label (11 px
	// system-ui) with some room to spare, so that labels laid out by this
	// estimate do not touch in any common font.
	charW    = 6.4
	labelGap = 16.0
)

// The page's palette: bars in the page's blue, upstream states in
// Statuspage's colours, each kind of marker in its own colour.
const (
	colourBar  = "#3b6ea8"
	colourGrid = "#eaeef2"
	colourAxis = "#d0d7de"
)

// markerColours is the colour of each kind of marker: the signals before
// any customer wrote in are warm, stormdesk's alert purple, people's
// actions grey and green.
var markerColours = map[string]string{
	MilestoneAlert:      "#8250df",
	MilestoneUpstream:   "#cf222e",
	MilestoneProbe:      "#bc4c00",
	MilestoneReport:     "#1f2328",
	MilestoneAck:        "#0550ae",
	MilestoneEmail:      "#2e7d32",
	MilestoneResolution: "#116329",
	"status_change":     "#59636e",
}

type svgRect struct {
	X, Y, W, H float64
	Fill       string
	Title      string
}

type svgText struct {
	X, Y   float64
	Text   string
	Anchor string
}

// svgMarker is a labelled marker: a dashed line from its label down to
// the plot's floor.
type svgMarker struct {
	X, Y1, Y2 float64
	Colour    string
	Title     string
	Label     svgText
}

// legendItem is one entry of the legend under the chart: only what the
// chart draws.
type legendItem struct {
	Shape  string // "bar", "band" or "line"
	Colour string
	Text   string
}

type htmlView struct {
	*Export
	Lines    iter.Seq[Line]
	W, H     float64
	Plot     svgRect // the plot area
	Bars     []svgRect
	Bands    []svgRect
	Markers  []svgMarker
	XTicks   []svgText
	YTicks   []svgText
	Grid     []float64 // y of each horizontal grid line
	Legend   []legendItem
	Empty    bool
	BarWidth string
}

// bandColour follows Statuspage's palette for incident states.
func bandColour(status string) string {
	switch status {
	case "investigating", "major_outage", "critical", "major":
		return "#d9534f"
	case "identified", "partial_outage":
		return "#f0883e"
	case "monitoring", "degraded_performance", "minor":
		return "#e3b341"
	case "under_maintenance", "maintenance":
		return "#5b8def"
	}
	return "#9e9e9e"
}

// yScale picks round y ticks for a tallest bar of ymax: a step of 1, 2, 5,
// 10, 20, 50… so that at most four steps reach ymax; it returns the step
// and the axis top (a multiple of the step).
func yScale(ymax int) (step, top int) {
	step = 1
	for m := 1; ; m *= 10 {
		for _, s := range []int{1, 2, 5} {
			if step = s * m; (ymax+step-1)/step <= 4 {
				return step, max((ymax+step-1)/step, 1) * step
			}
		}
	}
}

// label is a marker label laid out: its marker line at x, its lane (0
// sits just above the plot, higher lanes above that) and its horizontal
// extent [x0, x1].
type label struct {
	x, x0, x1 float64
	lane      int
	anchor    string
}

// layLabels puts each marker's label (markers in time order at xs, texts
// of the given widths) into a lane, on the right of its line or, with no
// room there, on its left. Labels in one lane never touch. A marker's
// line runs from its label down through the lanes below it, so the
// layout also avoids, where it can, a line crossing another label: it
// takes the lowest lane and side that crosses nothing, else the lowest
// where the label fits (the labels' white halo then keeps the text
// readable where a line passes behind it).
func layLabels(xs, widths []float64) []label {
	var out []label
	for i, x := range xs {
		w := widths[i]
		var fallback *label
		var chosen *label
		for lane := 0; lane <= len(out) && chosen == nil; lane++ {
			for _, anchor := range []string{"start", "end"} {
				c := label{x: x, x0: x, x1: x + 3 + w, lane: lane, anchor: anchor}
				if anchor == "end" {
					c.x0, c.x1 = x-3-w, x
				}
				if c.x0 < 2 || c.x1 > chartW-2 {
					continue
				}
				fits, crosses := true, false
				for _, p := range out {
					switch {
					case p.lane == lane && c.x0 < p.x1+labelGap && p.x0 < c.x1+labelGap:
						fits = false
					case p.lane < lane && p.x0-2 <= x && x <= p.x1+2:
						crosses = true // this line through a label below
					case p.lane > lane && c.x0-2 <= p.x && p.x <= c.x1+2:
						crosses = true // a line from above through this label
					}
				}
				for _, fx := range xs[i+1:] {
					if c.x0-2 <= fx && fx <= c.x1+2 {
						crosses = true // a later marker's line would cross it
					}
				}
				if !fits {
					continue
				}
				if !crosses {
					chosen = &c
					break
				}
				if fallback == nil {
					fallback = &c
				}
			}
		}
		if chosen == nil {
			chosen = fallback
		}
		if chosen == nil { // wider than the chart: on the right, in a lane of its own
			chosen = &label{x: x, x0: x, x1: x + 3 + w, lane: len(out), anchor: "start"}
		}
		out = append(out, *chosen)
	}
	return out
}

func newHTMLView(x *Export) htmlView {
	v := htmlView{Export: x, Lines: days(x.Entries), W: chartW}
	c := x.Chart
	n := len(c.Buckets)
	if n == 0 {
		v.Empty = true
		return v
	}
	span := time.Duration(n) * c.width
	plotW := chartW - padL - padR
	xOf := func(t time.Time) float64 {
		f := float64(t.Sub(c.Start)) / float64(span)
		return padL + min(max(f, 0), 1)*plotW
	}

	// Marker labels first: how many lanes they need sets where the plot
	// starts.
	var xs, widths []float64
	var texts []string
	for _, m := range c.Markers {
		text := m.At.UTC().Format("15:04") + " " + m.Label
		xs = append(xs, xOf(m.At))
		widths = append(widths, float64(len([]rune(text)))*charW)
		texts = append(texts, text)
	}
	labels := layLabels(xs, widths)
	lanes := 0
	for _, l := range labels {
		lanes = max(lanes, l.lane+1)
	}
	plotTop := bandY + bandH + 8 + float64(lanes)*laneH + 4
	plotBottom := plotTop + plotH
	v.H = plotBottom + 24
	v.Plot = svgRect{X: padL, Y: plotTop, W: plotW, H: plotH}

	ymax := 0
	for _, b := range c.Buckets {
		ymax = max(ymax, b)
	}
	step, top := yScale(ymax)
	yOf := func(n int) float64 { return plotBottom - plotH*float64(n)/float64(top) }
	for t := 0; t <= top; t += step {
		v.Grid = append(v.Grid, round1(yOf(t)))
		v.YTicks = append(v.YTicks, svgText{X: padL - 6, Y: round1(yOf(t) + 4), Text: fmt.Sprint(t), Anchor: "end"})
	}
	bw := plotW / float64(n)
	for i, b := range c.Buckets {
		if b == 0 {
			continue
		}
		at := c.Start.Add(time.Duration(i) * c.width)
		v.Bars = append(v.Bars, svgRect{X: padL + float64(i)*bw + 0.5, Y: yOf(b), W: max(bw-1, 0.5), H: plotBottom - yOf(b), Fill: colourBar,
			Title: fmt.Sprintf("%s–%s UTC: %s", at.Format("15:04"), at.Add(c.width).Format("15:04"), Count(b, "report", "reports"))})
	}
	if len(v.Bars) > 0 {
		v.Legend = append(v.Legend, legendItem{"bar", colourBar, "customer reports per " + c.BucketWidth})
	}
	seen := map[string]bool{}
	for _, b := range c.Bands {
		x1, x2 := xOf(b.Start), xOf(b.End)
		v.Bands = append(v.Bands, svgRect{X: x1, Y: bandY, W: max(x2-x1, 1), H: bandH, Fill: bandColour(b.Status),
			Title: fmt.Sprintf("%s: %s, %s–%s UTC", b.Provider, b.Status, b.Start.UTC().Format("15:04"), b.End.UTC().Format("15:04"))})
		if key := b.Provider + ": " + b.Status; !seen[key] {
			seen[key] = true
			v.Legend = append(v.Legend, legendItem{"band", bandColour(b.Status), key + " (provider's status page)"})
		}
	}
	for i, l := range labels {
		m := c.Markers[i]
		colour := markerColours[m.Kind]
		if colour == "" {
			colour = markerColours["status_change"]
		}
		laneY := plotTop - 4 - float64(l.lane)*laneH
		text := svgText{X: l.x + 3, Y: round1(laneY - 3), Text: texts[i], Anchor: l.anchor}
		if l.anchor == "end" {
			text.X = l.x - 3
		}
		text.X = round1(text.X)
		v.Markers = append(v.Markers, svgMarker{X: round1(l.x), Y1: round1(laneY), Y2: plotBottom, Colour: colour,
			Title: m.At.UTC().Format("15:04 UTC") + ": " + m.Label, Label: text})
	}
	if len(v.Markers) > 0 {
		v.Legend = append(v.Legend, legendItem{"line", markerColours["status_change"], "dashed lines: milestones and status changes, as labelled"})
	}

	// Time labels on round boundaries, at most about eight of them; a
	// label at midnight names the day.
	end := c.Start.Add(span)
	tick := 24 * time.Hour
	for _, s := range []time.Duration{5 * time.Minute, 10 * time.Minute, 15 * time.Minute, 30 * time.Minute, time.Hour, 2 * time.Hour, 3 * time.Hour, 6 * time.Hour, 12 * time.Hour} {
		if span/s <= 8 {
			tick = s
			break
		}
	}
	for at := c.Start.Truncate(tick); !at.After(end); at = at.Add(tick) {
		if at.Before(c.Start) {
			continue
		}
		label := at.UTC().Format("15:04")
		if label == "00:00" {
			label = at.UTC().Format("Jan 2")
		}
		v.XTicks = append(v.XTicks, svgText{X: round1(xOf(at)), Y: plotBottom + 16, Text: label, Anchor: "middle"})
	}
	for _, r := range [][]svgRect{v.Bars, v.Bands} {
		for i := range r {
			r[i].X, r[i].Y, r[i].W, r[i].H = round1(r[i].X), round1(r[i].Y), round1(r[i].W), round1(r[i].H)
		}
	}
	v.Plot.Y, v.H = round1(v.Plot.Y), round1(v.H)
	v.BarWidth = strings.TrimSpace(c.BucketWidth)
	return v
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }

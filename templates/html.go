package templates

import (
	"fmt"
	"iter"
	"math"
	"time"
)

// The chart's geometry, in SVG user units.
const (
	chartW, chartH = 900.0, 260.0
	padL, padR     = 40.0, 10.0
	bandH          = 18.0
	plotTop        = 34.0
	plotBottom     = 230.0
)

type svgRect struct {
	X, Y, W, H float64
	Fill       string
	Title      string
}

type svgLine struct {
	X, Y1, Y2 float64
	Stroke    string
	Title     string
}

type svgText struct {
	X, Y float64
	Text string
}

type htmlView struct {
	*Export
	Lines  iter.Seq[Line]
	W, H   float64
	Bars   []svgRect
	Bands  []svgRect
	Lines2 []svgLine
	Ticks  []svgText
	YMax   int
	Legend []svgRect
	Empty  bool
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

func newHTMLView(x *Export) htmlView {
	v := htmlView{Export: x, Lines: days(x.Entries), W: chartW, H: chartH}
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
	for _, b := range c.Buckets {
		v.YMax = max(v.YMax, b)
	}
	bw := plotW / float64(n)
	for i, b := range c.Buckets {
		if b == 0 {
			continue
		}
		h := (plotBottom - plotTop) * float64(b) / float64(max(v.YMax, 1))
		at := c.Start.Add(time.Duration(i) * c.width)
		v.Bars = append(v.Bars, svgRect{X: padL + float64(i)*bw + 0.5, Y: plotBottom - h, W: max(bw-1, 0.5), H: h, Fill: "#3b6ea8",
			Title: fmt.Sprintf("%s–%s UTC: %d reports", at.Format("15:04"), at.Add(c.width).Format("15:04"), b)})
	}
	for _, b := range c.Bands {
		x1, x2 := xOf(b.Start), xOf(b.End)
		v.Bands = append(v.Bands, svgRect{X: x1, Y: 8, W: max(x2-x1, 1), H: bandH, Fill: bandColour(b.Status),
			Title: fmt.Sprintf("%s: %s, %s–%s UTC", b.Provider, b.Status, b.Start.UTC().Format("15:04"), b.End.UTC().Format("15:04"))})
	}
	for _, m := range c.Markers {
		colour := "#444"
		if m.Kind == "notification" {
			colour = "#2e7d32"
		}
		v.Lines2 = append(v.Lines2, svgLine{X: xOf(m.At), Y1: plotTop - 4, Y2: plotBottom, Stroke: colour, Title: m.At.UTC().Format("15:04") + " " + m.Label})
	}
	// Time labels on round boundaries, at most about eight of them; a
	// label at midnight names the day.
	end := c.Start.Add(span)
	step := 24 * time.Hour
	for _, s := range []time.Duration{5 * time.Minute, 10 * time.Minute, 15 * time.Minute, 30 * time.Minute, time.Hour, 2 * time.Hour, 3 * time.Hour, 6 * time.Hour, 12 * time.Hour} {
		if span/s <= 8 {
			step = s
			break
		}
	}
	for at := c.Start.Truncate(step); !at.After(end); at = at.Add(step) {
		if at.Before(c.Start) {
			continue
		}
		label := at.UTC().Format("15:04")
		if label == "00:00" {
			label = at.UTC().Format("Jan 2")
		}
		v.Ticks = append(v.Ticks, svgText{X: xOf(at), Y: plotBottom + 16, Text: label})
	}
	for _, r := range [][]svgRect{v.Bars, v.Bands} {
		for i := range r {
			r[i].X, r[i].Y, r[i].W, r[i].H = round1(r[i].X), round1(r[i].Y), round1(r[i].W), round1(r[i].H)
		}
	}
	for i := range v.Lines2 {
		v.Lines2[i].X = round1(v.Lines2[i].X)
	}
	for i := range v.Ticks {
		v.Ticks[i].X = round1(v.Ticks[i].X)
	}
	return v
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }

package cli

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/term"
)

// Progress is the one progress line of every long command (imports,
// triage, replays): a bar, the percentage, the count of items and their
// rate, redrawn at most ten times a second. It draws only on a terminal
// (or when forced); in a file or a pipe it writes nothing. Done draws it
// at 100% and then clears the line, so the command's own output starts
// on a clean line.
type Progress struct {
	w     io.Writer
	label string
	unit  string
	total int64
	on    bool
	start time.Time
	last  time.Time
	width int // of the last line drawn, to clear it
	now   func() time.Time
}

// NewProgress returns a progress line on w for a job of total (bytes, rows,
// tickets...) whose items are called unit ("rows", "tickets"). It draws
// when w is a terminal.
func NewProgress(w io.Writer, label, unit string, total int64) *Progress {
	f, ok := w.(*os.File)
	return &Progress{w: w, label: label, unit: unit, total: total, on: ok && term.IsTerminal(int(f.Fd())), start: time.Now(), now: time.Now}
}

// Force makes the line draw (on) or stay silent (off) whatever w is.
func (p *Progress) Force(on bool) *Progress { p.on = on; return p }

// Update reports done of the total and items counted so far.
func (p *Progress) Update(done, items int64) {
	if !p.on {
		return
	}
	if now := p.now(); now.Sub(p.last) >= 100*time.Millisecond {
		p.last = now
		p.draw(done, items)
	}
}

// Done draws the line complete (100%) with the final count, then clears
// it. Calling it again does nothing.
func (p *Progress) Done(items int64) {
	if !p.on {
		return
	}
	p.draw(p.total, items)
	fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", p.width))
	p.on = false
}

func (p *Progress) draw(done, items int64) {
	const bar = 30
	frac := 1.0
	if p.total > 0 {
		frac = min(max(float64(done)/float64(p.total), 0), 1)
	}
	fill := int(frac * bar)
	rate := float64(items) / max(p.now().Sub(p.start).Seconds(), 1e-3)
	line := fmt.Sprintf("%s [%s%s] %3.0f%% %d %s, %.0f %s/s", p.label, strings.Repeat("=", fill), strings.Repeat(" ", bar-fill),
		frac*100, items, p.unit, rate, p.unit)
	pad := max(p.width-len(line), 0)
	p.width = max(p.width, len(line))
	fmt.Fprintf(p.w, "\r%s%s", line, strings.Repeat(" ", pad))
}

// Active reports whether the line draws: a command that also writes
// progress lines of its own writes them only when it does not.
func (p *Progress) Active() bool { return p.on }

package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"golang.org/x/term"
)

// progress draws a one-line progress bar on a terminal and stays silent
// when the output is a file or a pipe.
type progress struct {
	w     io.Writer
	label string
	total int64
	start time.Time
	last  time.Time
	tty   bool
}

func newProgress(w io.Writer, label string, total int64) *progress {
	f, ok := w.(*os.File)
	return &progress{w: w, label: label, total: total, start: time.Now(), tty: ok && term.IsTerminal(int(f.Fd()))}
}

func (p *progress) update(done int64, rows int) {
	if !p.tty || time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	p.draw(done, rows)
}

func (p *progress) draw(done int64, rows int) {
	const width = 30
	frac := 0.0
	if p.total > 0 {
		frac = min(float64(done)/float64(p.total), 1)
	}
	bar := make([]byte, width)
	for i := range bar {
		if float64(i) < frac*width {
			bar[i] = '='
		} else {
			bar[i] = ' '
		}
	}
	rate := float64(rows) / max(time.Since(p.start).Seconds(), 1e-3)
	fmt.Fprintf(p.w, "\r%s [%s] %3.0f%% %d rows %.0f rows/s", p.label, bar, frac*100, rows, rate)
}

func (p *progress) done(done int64, rows int) {
	if !p.tty {
		return
	}
	p.draw(done, rows)
	fmt.Fprintln(p.w)
}

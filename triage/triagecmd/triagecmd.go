// Package triagecmd implements the "stormdesk triage" subcommands:
//
//	stormdesk triage FILE [flags]                      print the clusters
//	stormdesk triage eval FILE --text COL --label COL  score against labels
//
// main calls Main with the arguments after the word "triage".
package triagecmd

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	iofs "io/fs"
	"os"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"time"

	"stormdesk/internal/cli"
	"stormdesk/triage"
	"stormdesk/triage/eval"
)

// ErrUsage is returned (wrapped) for bad command lines; the message says
// what is wrong. It is internal/cli's, which every command shares.
var ErrUsage = cli.ErrUsage

const (
	synopsisClusters = "triage FILE [flags]"
	aboutClusters    = `Clusters the tickets in FILE (CSV with a header row, or JSON Lines) and
prints the clusters, largest first, with sizes, top terms and labels.
Rows without a time column arrive within one burst window, in file order:
give --time to see which clusters would have been incident candidates.
Use --shuffle SEED for files sorted by label. stormdesk triage eval FILE
scores the clusters against labels (see stormdesk triage eval --help).`
	synopsisEval = "triage eval FILE --text COL --label COL [flags]"
	aboutEval    = `Clusters FILE and scores the clusters against the gold labels: ARI, NMI,
clustering accuracy (Hungarian matching), homogeneity, completeness,
number of clusters, tickets/s and peak memory, one "name: value" a line.
Rows without a time column arrive within one burst window, in file order;
use --shuffle SEED for files sorted by label.`
)

type options struct {
	text, label, timeCol, customer string
	shuffle                        int64
	sets                           multiFlag
	limit                          int
	top                            int
	noRefine, dense                bool
	refineEvery                    int
	progress                       string
}

type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

func newFlagSet(o *options, isEval bool) *flag.FlagSet {
	fs := cli.NewFlagSet("triage", synopsisClusters, aboutClusters)
	if isEval {
		fs = cli.NewFlagSet("triage eval", synopsisEval, aboutEval)
	}
	fs.StringVar(&o.text, "text", "", "text `column` (default: text, utterance, body, message or subject)")
	fs.StringVar(&o.label, "label", "", "gold label `column` (default: label, category or intent)")
	fs.StringVar(&o.timeCol, "time", "", "arrival time `column` (RFC 3339, \"2006-01-02 15:04:05\" or Unix seconds)")
	fs.StringVar(&o.customer, "customer", "", "customer `column` (distinct customers for burst detection)")
	fs.Int64Var(&o.shuffle, "shuffle", -1, "shuffle rows with this `seed` before clustering (for label-sorted files)")
	fs.Var(&o.sets, "set", "override a triage.Config `field=value` (repeatable), e.g. --set Threshold=0.35")
	fs.BoolVar(&o.dense, "dense", triage.DefaultConfig().DenseWeight > 0, "use the dense block of shipped word vectors, with its tuned thresholds (false: the hashed features alone); --set applies after")
	fs.IntVar(&o.limit, "limit", 0, "use only the first `n` rows (after shuffling)")
	fs.BoolVar(&o.noRefine, "no-refine", false, "skip the final Refine pass (online pass only)")
	fs.IntVar(&o.refineEvery, "refine-every", 0, "also run Refine after every `n` tickets, as the service's maintenance job does while tickets arrive (0: only at the end)")
	fs.StringVar(&o.progress, "progress", "auto", "progress on stderr: auto (when stderr is a terminal), always or never")
	if !isEval {
		fs.IntVar(&o.top, "top", 50, "print at most `n` clusters (0: all)")
	}
	return fs
}

// Main runs "stormdesk triage ARGS..." (args exclude the word "triage").
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && args[0] == "eval" {
		return run(ctx, args[1:], stdout, stderr, true)
	}
	return run(ctx, args, stdout, stderr, false)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer, isEval bool) error {
	var o options
	fs := newFlagSet(&o, isEval)
	file, err := cli.OneArg(fs, args, stdout, stderr, "FILE")
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	switch o.progress {
	case "auto", "always", "never":
	default:
		return cli.Usagef(fs, "--progress %q: want auto, always or never", o.progress)
	}
	cfg := triage.SparseConfig()
	if o.dense {
		cfg = triage.DenseConfig()
	}
	for _, s := range o.sets {
		if err := setField(&cfg, s); err != nil {
			return err
		}
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	rows, err := eval.LoadFile(file, eval.Columns{Text: o.text, Label: o.label, Time: o.timeCol, Customer: o.customer}, isEval)
	if err != nil {
		// A file that cannot be opened is said as such ("triage: open
		// x.csv: no such file or directory"), not as a failure of eval.
		var pe *iofs.PathError
		if errors.As(err, &pe) {
			return fmt.Errorf("triage: %w", pe)
		}
		return fmt.Errorf("triage: %w", err)
	}
	if len(rows) == 0 {
		return fmt.Errorf("triage: %s: no rows", file)
	}
	if o.shuffle >= 0 {
		eval.Shuffle(rows, uint64(o.shuffle))
	}
	if o.limit > 0 && o.limit < len(rows) {
		rows = rows[:o.limit]
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	opt := RunOptions{NoRefine: o.noRefine, RefineEvery: o.refineEvery}
	bar := cli.NewProgress(stderr, "triage", "tickets", int64(len(rows)))
	if o.progress != "auto" {
		bar.Force(o.progress == "always")
	}
	opt.Progress = func(done, total int) { bar.Update(int64(done), int64(done)) }
	res, err := Run(cfg, rows, opt)
	bar.Done(int64(len(rows)))
	if err != nil {
		return fmt.Errorf("triage: %w", err)
	}
	if isEval {
		return printEval(stdout, file, rows, res)
	}
	return printClusters(stdout, res, o.top, rows[0].HasTime)
}

func printEval(w io.Writer, file string, rows []eval.Row, res RunResult) error {
	s := res.Scores
	ew := &errWriter{w: w}
	ew.printf("file: %s\n", file)
	ew.printf("tickets: %d\n", len(rows))
	ew.printf("labels: %d\n", s.Labels)
	ew.printf("ARI: %.4f\n", s.ARI)
	ew.printf("NMI: %.4f\n", s.NMI)
	ew.printf("ACC: %.4f\n", s.ACC)
	ew.printf("homogeneity: %.4f\n", s.Homogeneity)
	ew.printf("completeness: %.4f\n", s.Completeness)
	ew.printf("clusters: %d\n", s.Clusters)
	ew.printf("singletons: %d\n", s.Singletons)
	ew.printf("tickets_per_s: %.0f\n", res.TicketsPerSec)
	ew.printf("assign_s: %.3f\n", res.AssignSeconds)
	ew.printf("refine_s: %.3f\n", res.RefineSeconds)
	ew.printf("peak_heap_mib: %.1f\n", float64(res.PeakHeapBytes)/(1<<20))
	if rss := peakRSS(); rss > 0 {
		ew.printf("peak_rss_mib: %.1f\n", float64(rss)/(1<<20))
	}
	ew.printf("heap_bytes_per_ticket: %.0f\n", res.HeapPerTicket)
	return ew.err
}

// topTermsWidth is the width of the listing's top-terms column; maxTerm
// is the longest a term is shown.
const (
	topTermsWidth = 36
	maxTerm       = 14
)

// topTerms shows a cluster's top terms in one column: each once (the
// engine's terms can repeat when several features show as one word), a
// long one shortened, as many as fit.
func topTerms(terms []string) string {
	var out []string
	seen := map[string]bool{}
	width := 0
	for _, t := range terms {
		if seen[t] {
			continue
		}
		seen[t] = true
		if r := []rune(t); len(r) > maxTerm {
			t = string(r[:maxTerm-1]) + "…"
		}
		if n := len([]rune(t)); width+n+len(out) > topTermsWidth {
			break
		} else {
			width += n
		}
		out = append(out, t)
	}
	return strings.Join(out, " ")
}

// printClusters lists the clusters. Whether a cluster was an incident
// candidate depends on when its tickets came, so without a time column
// (every row at once) the column says "-" for all.
func printClusters(w io.Writer, res RunResult, top int, timed bool) error {
	ew := &errWriter{w: w}
	cl := res.Engine.Clusters()
	ew.printf("%d clusters, %d tickets, %.0f tickets/s\n", len(cl), len(res.Pred), res.TicketsPerSec)
	ew.printf("%8s %6s %9s %-10s  %-*s  %s\n", "cluster", "size", "customers", "candidate", topTermsWidth, "top terms", "label")
	for i, c := range cl {
		if top > 0 && i >= top {
			ew.printf("... %d more\n", len(cl)-top)
			break
		}
		cand := "-"
		switch {
		case c.Suppressed:
			cand = "suppressed"
		case !timed:
		case c.Candidate:
			cand = "yes"
		default:
			cand = "no"
		}
		terms := topTerms(c.TopTerms)
		ew.printf("%8d %6d %9d %-10s  %s%s  %s\n", c.ID, c.Size, c.Customers, cand, terms,
			strings.Repeat(" ", max(topTermsWidth-len([]rune(terms)), 0)), c.Label)
	}
	if !timed && len(cl) > 0 {
		ew.printf("(candidate: give --time COL; without times every row arrives at once)\n")
	}
	return ew.err
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, a ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, a...)
	}
}

// peakRSS reads the process's peak resident set size (Linux), or 0.
func peakRSS() uint64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			f := strings.Fields(v)
			if len(f) >= 1 {
				kb, _ := strconv.ParseUint(f[0], 10, 64)
				return kb << 10
			}
		}
	}
	_ = runtime.GOOS
	return 0
}

// setField applies one "Field=value" override to cfg.
func setField(cfg *triage.Config, kv string) error {
	k, v, ok := strings.Cut(kv, "=")
	if !ok {
		return fmt.Errorf("%w: --set %q: want Field=value", ErrUsage, kv)
	}
	f := reflect.ValueOf(cfg).Elem().FieldByName(strings.TrimSpace(k))
	if !f.IsValid() {
		return fmt.Errorf("%w: --set %q: triage.Config has no field %q", ErrUsage, kv, k)
	}
	v = strings.TrimSpace(v)
	bad := func(err error) error { return fmt.Errorf("%w: --set %s: %v", ErrUsage, k, err) }
	switch f.Interface().(type) {
	case time.Duration:
		d, err := time.ParseDuration(v)
		if err != nil {
			return bad(err)
		}
		f.SetInt(int64(d))
	case float64:
		x, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return bad(err)
		}
		f.SetFloat(x)
	case int:
		x, err := strconv.Atoi(v)
		if err != nil {
			return bad(err)
		}
		f.SetInt(int64(x))
	case bool:
		x, err := strconv.ParseBool(v)
		if err != nil {
			return bad(err)
		}
		f.SetBool(x)
	case string:
		f.SetString(v)
	default:
		return fmt.Errorf("%w: --set %s: unsupported field type", ErrUsage, k)
	}
	return nil
}

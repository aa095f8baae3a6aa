package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"stormdesk"
	"stormdesk/desk"
	"stormdesk/intake"
	"stormdesk/internal/cli"
)

// importBatch is how many good rows go into one store transaction.
const importBatch = 500

type importStats struct {
	rows, created, duplicates, bad int
}

func cmdImport(ctx context.Context, args []string, e *env) error {
	fs := newFlags(e, "tickets import", `tickets import FILE [--format csv|jsonl] [--source SOURCE] [--database URL]

Imports tickets from a CSV file (a header row naming columns such as
subject, body, customer_email, customer_name, organisation, external_id,
source, received_at, tags (comma-separated), channel) or a JSON Lines file (one ticket object a line, the
shape of POST /api/v1/tickets). Bad rows are reported by line number and
skipped; good rows are kept. Re-importing the same file stores nothing twice
when rows carry an external_id. A row without a subject takes the first
line of its body as subject.`)
	format := fs.String("format", "", "csv or jsonl (default: from the file name)")
	source := fs.String("source", stormdesk.SourceImport, "source for rows that name none")
	db := fs.String("database", "", "database URL (overrides STORMDESK_DATABASE_URL)")
	if err := parse(e, fs, reorder(args)); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return &usageError{"tickets import: want exactly one FILE"}
	}
	path := fs.Arg(0)
	if *format == "" {
		switch strings.ToLower(filepath.Ext(path)) {
		case ".csv":
			*format = "csv"
		case ".jsonl", ".ndjson", ".json":
			*format = "jsonl"
		default:
			return &usageError{fmt.Sprintf("tickets import: cannot tell the format of %q from its name: pass --format csv or --format jsonl", path)}
		}
	}
	if *format != "csv" && *format != "jsonl" {
		return &usageError{fmt.Sprintf("tickets import: --format %q is not csv or jsonl", *format)}
	}
	in, err := openImport(ctx, e, "tickets import", path, *db)
	if err != nil {
		return err
	}
	defer in.close()
	d, prog, cr := in.desk, in.prog, in.reader
	st, err := importTickets(ctx, d, cr, *format, *source, e.stderr, func(rows int) { prog.Update(cr.n, int64(rows)) })
	prog.Done(int64(st.rows))
	fmt.Fprintf(e.stdout, "%d rows read: %d tickets imported, %d already stored, %d bad rows skipped\n", st.rows, st.created, st.duplicates, st.bad)
	if err != nil {
		return err
	}
	if st.bad > 0 {
		return fmt.Errorf("tickets import: %d bad rows skipped (listed above); the good rows were imported", st.bad)
	}
	return nil
}

// reorder moves flags before positional arguments, so that
// "import FILE --format csv" works like "import --format csv FILE".
func reorder(args []string) []string {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if strings.HasPrefix(a, "-") && a != "-" {
			flags = append(flags, a)
			if !strings.Contains(a, "=") && i+1 < len(args) && !strings.HasPrefix(args[i+1], "-") {
				flags = append(flags, args[i+1])
				i++
			}
			continue
		}
		pos = append(pos, a)
	}
	return append(flags, pos...)
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func importTickets(ctx context.Context, d *desk.Service, r io.Reader, format, source string, report io.Writer, tick func(rows int)) (importStats, error) {
	var st importStats
	next, err := intake.Rows(r, format, report)
	if err != nil {
		return st, err
	}
	var batch []*stormdesk.Ticket
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		created, err := d.IngestTickets(ctx, batch)
		if err != nil {
			return fmt.Errorf("tickets import: store %d rows: %w", len(batch), err)
		}
		for _, c := range created {
			if c {
				st.created++
			} else {
				st.duplicates++
			}
		}
		batch = batch[:0]
		return nil
	}
	for {
		in, line, rowErr, fatal := next()
		if fatal == io.EOF {
			break
		}
		if fatal != nil {
			_ = flush()
			return st, fatal
		}
		st.rows++
		if st.rows%1000 == 0 {
			tick(st.rows)
		}
		var t *stormdesk.Ticket
		if rowErr == nil {
			if in.Source == "" {
				in.Source = source
			}
			if strings.TrimSpace(in.Subject) == "" {
				in.Subject = intake.FirstLine(in.Body, 120)
			}
			t, rowErr = in.Ticket()
		}
		if rowErr == nil {
			rowErr = d.PrepareTicket(t)
		}
		if rowErr != nil {
			st.bad++
			fmt.Fprintf(report, "line %d: %s\n", line, describe(rowErr))
			continue
		}
		batch = append(batch, t)
		if len(batch) == importBatch {
			if err := flush(); err != nil {
				return st, err
			}
		}
		if err := ctx.Err(); err != nil {
			return st, err
		}
	}
	return st, flush()
}

// importRun is what both imports open: the file (counted, for progress),
// the store and the desk over it, and the progress bar.
type importRun struct {
	desk   *desk.Service
	prog   *cli.Progress
	reader *countingReader
	close  func()
}

func openImport(ctx context.Context, e *env, what, path, db string) (*importRun, error) {
	c, err := loadConfig(e, map[string]*string{"STORMDESK_DATABASE_URL": &db})
	if err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	var size int64
	if st, err := f.Stat(); err == nil {
		size = st.Size()
	}
	store, err := openStore(ctx, c)
	if err != nil {
		f.Close()
		return nil, err
	}
	comps, err := pageComponents(c)
	if err != nil {
		store.Close()
		f.Close()
		return nil, err
	}
	d, err := desk.New(ctx, store, desk.Options{Components: comps})
	if err != nil {
		store.Close()
		f.Close()
		return nil, err
	}
	return &importRun{desk: d, prog: cli.NewProgress(e.stderr, "importing "+filepath.Base(path), "rows", size), reader: &countingReader{r: f},
		close: func() { store.Close(); f.Close() }}, nil
}

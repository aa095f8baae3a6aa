package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"stormdesk"
	"stormdesk/desk"
	"stormdesk/httpserver"
	"stormdesk/internal/cli"
)

// importBatch is how many good rows go into one store transaction.
const importBatch = 500

// csvColumns maps accepted CSV header names (lower-cased) to ticket fields.
var csvColumns = map[string]string{
	"source": "source", "external_id": "external_id", "id": "external_id",
	"customer_email": "customer_email", "email": "customer_email",
	"customer_name": "customer_name", "name": "customer_name",
	"organisation": "organisation", "organization": "organisation",
	"subject": "subject", "title": "subject",
	"body": "body", "description": "body", "message": "body", "text": "body",
	"received_at": "received_at", "created_at": "received_at", "time": "received_at",
}

type importStats struct {
	rows, created, duplicates, bad int
}

func cmdImport(ctx context.Context, args []string, e *env) error {
	fs := newFlags(e, "tickets import", `tickets import FILE [--format csv|jsonl] [--source SOURCE] [--database URL]

Imports tickets from a CSV file (a header row naming columns such as
subject, body, customer_email, customer_name, organisation, external_id,
source, received_at) or a JSON Lines file (one ticket object a line, the
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

// rowSource yields rows as ticket inputs with their line numbers. A row
// error names the line; a fatal error stops the import.
type rowSource func() (in httpserver.TicketInput, line int, rowErr, fatal error)

func importTickets(ctx context.Context, d *desk.Service, r io.Reader, format, source string, report io.Writer, tick func(rows int)) (importStats, error) {
	var st importStats
	var next rowSource
	var err error
	if format == "csv" {
		next, err = csvRows(r, report)
	} else {
		next = jsonlRows(r)
	}
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
				in.Subject = firstLine(in.Body, 120)
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

func firstLine(s string, max int) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len(s) > max {
		// Cut on a rune boundary.
		for max > 0 && (s[max]&0xC0) == 0x80 {
			max--
		}
		s = s[:max]
	}
	return strings.TrimSpace(s)
}

func csvRows(r io.Reader, report io.Writer) (rowSource, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		if err == io.EOF {
			return nil, fmt.Errorf("tickets import: the CSV file is empty (want a header row)")
		}
		return nil, fmt.Errorf("tickets import: header row: %w", err)
	}
	fields := make([]string, len(header))
	var ignored []string
	have := map[string]bool{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if f, ok := csvColumns[h]; ok && !have[f] {
			fields[i], have[f] = f, true
		} else {
			ignored = append(ignored, header[i])
		}
	}
	if !have["subject"] && !have["body"] {
		return nil, fmt.Errorf("tickets import: the CSV header %q has no subject or body column", strings.Join(header, ","))
	}
	if len(ignored) > 0 {
		fmt.Fprintf(report, "ignoring unknown CSV columns: %s\n", strings.Join(ignored, ", "))
	}
	return func() (httpserver.TicketInput, int, error, error) {
		var in httpserver.TicketInput
		rec, err := cr.Read()
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				// A broken quote can swallow the rest of the file; report
				// it and stop rather than guess where the next row starts.
				return in, pe.StartLine, nil, fmt.Errorf("tickets import: line %d: %v", pe.StartLine, pe.Err)
			}
			return in, 0, nil, err
		}
		// FieldPos is only defined after a successful Read.
		line, _ := cr.FieldPos(0)
		if len(rec) != len(header) {
			return in, line, stormdesk.Errorf(stormdesk.EINVALID, "row has %d fields, the header has %d", len(rec), len(header)), nil
		}
		for i, v := range rec {
			switch fields[i] {
			case "source":
				in.Source = v
			case "external_id":
				in.ExternalID = v
			case "customer_email":
				in.CustomerEmail = v
			case "customer_name":
				in.CustomerName = v
			case "organisation":
				in.Organisation = v
			case "subject":
				in.Subject = v
			case "body":
				in.Body = v
			case "received_at":
				in.ReceivedAt = v
			}
		}
		return in, line, nil, nil
	}, nil
}

// maxJSONLLine bounds one JSON Lines row; a ticket body is at most 1 MiB.
const maxJSONLLine = 4 << 20

func jsonlRows(r io.Reader) rowSource {
	br := bufio.NewReaderSize(r, 64<<10)
	line := 0
	return func() (httpserver.TicketInput, int, error, error) {
		for {
			line++
			b, tooLong, err := readLine(br, maxJSONLLine)
			if err == io.EOF && len(b) == 0 && !tooLong {
				return httpserver.TicketInput{}, line, nil, io.EOF
			}
			if err != nil && err != io.EOF {
				return httpserver.TicketInput{}, line, nil, fmt.Errorf("tickets import: line %d: %w", line, err)
			}
			if tooLong {
				return httpserver.TicketInput{}, line, stormdesk.Errorf(stormdesk.EINVALID, "line longer than %d bytes", maxJSONLLine), nil
			}
			if len(bytes.TrimSpace(b)) == 0 {
				if err == io.EOF {
					return httpserver.TicketInput{}, line, nil, io.EOF
				}
				continue
			}
			in, derr := httpserver.DecodeTicketJSON(b)
			return in, line, derr, nil
		}
	}
}

// readLine reads one line of at most max bytes; a longer line is consumed
// and reported as too long.
func readLine(br *bufio.Reader, max int) (line []byte, tooLong bool, err error) {
	for {
		chunk, isPrefix, err := br.ReadLine()
		if len(line)+len(chunk) > max {
			tooLong = true
		} else {
			line = append(line, chunk...)
		}
		if err != nil || !isPrefix {
			return line, tooLong, err
		}
	}
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
	d, err := desk.New(ctx, store, desk.Options{})
	if err != nil {
		store.Close()
		f.Close()
		return nil, err
	}
	return &importRun{desk: d, prog: cli.NewProgress(e.stderr, "importing "+filepath.Base(path), "rows", size), reader: &countingReader{r: f},
		close: func() { store.Close(); f.Close() }}, nil
}

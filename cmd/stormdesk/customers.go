package main

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"stormdesk"
	"stormdesk/desk"
)

func cmdCustomers(ctx context.Context, args []string, e *env) error {
	if len(args) == 0 || args[0] != "import" {
		fmt.Fprint(e.stderr, "Usage: stormdesk customers import FILE.csv\n")
		return &usageError{"customers: want the subcommand import"}
	}
	fs := newFlags(e, "customers import", `customers import FILE.csv [--database URL]

Imports customers and their subscriptions from a CSV file with a header row:
email (required), name, organisation, features (the product features they
subscribe to, separated by ; or spaces, e.g. "login;screenshare"), and
unsubscribed (true/false/yes/no/1/0: an opted-out customer is never
emailed). Bad rows are reported by line number and skipped; good rows are
kept. Re-importing updates names and adds subscriptions.`)
	db := fs.String("database", "", "database URL (overrides STORMDESK_DATABASE_URL)")
	if err := parse(e, fs, reorder(args[1:])); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return &usageError{"customers import: want exactly one FILE"}
	}
	path := fs.Arg(0)
	in, err := openImport(ctx, e, "customers import", path, *db)
	if err != nil {
		return err
	}
	defer in.close()
	d, prog, cr := in.desk, in.prog, in.reader
	rows, good, bad, err := importCustomers(ctx, d, cr, e.stderr, func(n int) { prog.Update(cr.n, int64(n)) })
	prog.Done(int64(rows))
	fmt.Fprintf(e.stdout, "%d rows read: %d customers imported, %d bad rows skipped\n", rows, good, bad)
	if err != nil {
		return err
	}
	if bad > 0 {
		return fmt.Errorf("customers import: %d bad rows skipped (listed above); the good rows were imported", bad)
	}
	return nil
}

func importCustomers(ctx context.Context, d *desk.Service, r io.Reader, report io.Writer, tick func(int)) (rows, good, bad int, err error) {
	next, err := customerRows(r)
	if err != nil {
		return 0, 0, 0, err
	}
	var batch []*desk.CustomerRow
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if err := d.ImportCustomers(ctx, batch); err != nil {
			return err
		}
		good += len(batch)
		batch = batch[:0]
		return nil
	}
	for {
		row, line, rowErr, fatal := next()
		if fatal == io.EOF {
			break
		}
		if fatal != nil {
			_ = flush()
			return rows, good, bad, fatal
		}
		rows++
		if rows%1000 == 0 {
			tick(rows)
		}
		if rowErr != nil {
			bad++
			fmt.Fprintf(report, "line %d: %s\n", line, describe(rowErr))
			continue
		}
		batch = append(batch, row)
		if len(batch) == importBatch {
			if err := flush(); err != nil {
				return rows, good, bad, err
			}
		}
	}
	return rows, good, bad, flush()
}

// customerRows reads the header of a customers CSV file and returns
// what yields its rows, one per call: the prepared row, or the row's
// error (EINVALID, naming the field), with the row's line. fatal is
// io.EOF after the last row, or what makes the rest of the file
// unreadable (a broken quote).
func customerRows(r io.Reader) (next func() (row *desk.CustomerRow, line int, rowErr, fatal error), err error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err == io.EOF {
		return nil, fmt.Errorf("customers import: the CSV file is empty (want a header row)")
	} else if err != nil {
		return nil, fmt.Errorf("customers import: header row: %w", err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	if _, ok := col["email"]; !ok {
		return nil, fmt.Errorf("customers import: the CSV header %q has no email column", strings.Join(header, ","))
	}
	get := func(rec []string, name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return rec[i]
		}
		return ""
	}
	return func() (*desk.CustomerRow, int, error, error) {
		rec, err := cr.Read()
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, pe.StartLine, nil, fmt.Errorf("customers import: line %d: %w", pe.StartLine, pe.Err)
			}
			return nil, 0, nil, err
		}
		line, _ := cr.FieldPos(0)
		row := &desk.CustomerRow{Customer: stormdesk.Customer{Email: get(rec, "email"), Name: get(rec, "name"), Organisation: get(rec, "organisation") + get(rec, "organization")},
			Features: strings.FieldsFunc(get(rec, "features"), func(r rune) bool { return r == ';' || r == ' ' || r == ',' || r == '|' })}
		if err := desk.PrepareCustomer(row); err != nil {
			return nil, line, err, nil
		}
		switch u := strings.ToLower(strings.TrimSpace(get(rec, "unsubscribed"))); u {
		case "", "false", "no", "0":
		case "true", "yes", "1":
			row.Unsubscribed = true
		default:
			return nil, line, stormdesk.Errorf(stormdesk.EINVALID, "unsubscribed: %q is not true or false", u), nil
		}
		return row, line, nil, nil
	}, nil
}

package main

import (
	"context"
	"fmt"
	"io"

	"stormdesk"
	"stormdesk/desk"
	"stormdesk/intake"
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
	next, err := intake.CustomerRows(r)
	if err != nil {
		return 0, 0, 0, err
	}
	var batch []*stormdesk.CustomerImport
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
		if rowErr == nil {
			rowErr = d.CheckCustomerImport(row)
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

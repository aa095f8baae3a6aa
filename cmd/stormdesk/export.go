package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

func cmdExport(ctx context.Context, args []string, e *env) error {
	fs := newFlags(e, "export", `export ID [--format md|html|json|csv] [-o FILE] [--database URL]

Writes incident ID's post-mortem: a summary and its full timeline (UTC).
md follows the shape of a hand-written post-mortem; html is one
self-contained file with a chart of reports and upstream status; json
follows the schema stormdesk.export/v1; csv has one row per timeline entry.`)
	format := fs.String("format", "md", "md, html, json or csv")
	out := fs.String("o", "", "write to FILE instead of standard output")
	db := fs.String("database", "", "database URL (overrides STORMDESK_DATABASE_URL)")
	if err := parse(e, fs, reorder(args)); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return &usageError{"export: want exactly one incident ID"}
	}
	id, d, closeStore, err := openIncidentDesk(ctx, e, "export", fs.Arg(0), *db)
	if err != nil {
		return err
	}
	defer closeStore()
	return writeOutput(e, *out, ".stormdesk-export-*", func(w io.Writer) error { return d.Export(ctx, id, *format, w) })
}

// writeOutput runs write to standard output, or to the file out: written
// beside it and renamed, so that a failure never leaves a truncated file
// where a good one was.
func writeOutput(e *env, out, pattern string, write func(io.Writer) error) error {
	if out == "" {
		return write(e.stdout)
	}
	tmp, err := os.CreateTemp(filepath.Dir(out), pattern)
	if err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	if err := os.Rename(tmp.Name(), out); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	fmt.Fprintf(e.stderr, "wrote %s\n", out)
	return nil
}

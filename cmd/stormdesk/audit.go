package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"stormdesk"
	"stormdesk/audit"
	"stormdesk/desk"
	"stormdesk/templates"
)

// auditProgressAfter is how long the audit may read the store before it
// says so on stderr: a long history on a busy Postgres takes a while.
const auditProgressAfter = 2 * time.Second

func cmdAudit(ctx context.Context, args []string, e *env) error {
	fs := newFlags(e, "audit", `audit [--since 90d] [--format md|html|json|csv] [-o FILE] [--config FILE] [--database URL]

Audits the product's dependence on each provider configured in
STORMDESK_CONFIG, from the history the store holds: the provider's
incidents seen (by impact), minutes of trouble, how many became customer
incidents, customer-visible minutes, tickets and customers affected,
features affected, the median and worst time-to-know (provider's first
update -> stormdesk's alert -> first ticket), and the features that hang
on one provider with no synthetic probe guarding them.
--since is a span back from now (90d, 2w, 36h) or a date (2026-03-01).
md and html are for people (html draws a chart per provider); json
follows the schema stormdesk.audit/v1; csv has one row per provider.`)
	sinceFlag := fs.String("since", "90d", "how far back: a span (90d, 2w, 36h) or a date (2026-03-01)")
	format := fs.String("format", "md", "md, html, json or csv")
	out := fs.String("o", "", "write to FILE instead of standard output")
	cfgFile := fs.String("config", "", "the dependencies and probes file (overrides STORMDESK_CONFIG)")
	db := fs.String("database", "", "database URL (overrides STORMDESK_DATABASE_URL)")
	if err := parse(e, fs, reorder(args)); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return &usageError{fmt.Sprintf("audit: takes no arguments, got %q", fs.Args())}
	}
	// Both checked before the store is opened: a typo costs nothing.
	f, err := templates.ParseFormat(*format)
	if err != nil {
		return &usageError{"audit: --format: " + stormdesk.ErrorMessage(err)}
	}
	since, err := audit.ParseSince(*sinceFlag, time.Now())
	if err != nil {
		return &usageError{"audit: --" + stormdesk.ErrorMessage(err)}
	}
	c, err := loadConfig(e, map[string]*string{"STORMDESK_DATABASE_URL": db, "STORMDESK_CONFIG": cfgFile})
	if err != nil {
		return err
	}
	up, err := loadUpstream(c)
	if err != nil {
		return err
	}
	if up == nil || len(up.Config.Dependencies) == 0 {
		return &usageError{"audit: no dependencies configured: set STORMDESK_CONFIG (or --config) to the file that lists them"}
	}
	store, err := openExistingStore(ctx, c)
	if err != nil {
		return err
	}
	defer store.Close()
	d, err := desk.New(ctx, store, desk.Options{ProductName: c.ProductName, Upstream: up})
	if err != nil {
		return err
	}
	slow := time.AfterFunc(auditProgressAfter, func() {
		fmt.Fprintf(e.stderr, "auditing %d providers since %s: reading the stored history…\n", len(up.Config.Dependencies), since.UTC().Format("2006-01-02 15:04 UTC"))
	})
	defer slow.Stop()
	return writeOutput(e, *out, ".stormdesk-audit-*", func(w io.Writer) error { return d.Audit(ctx, since, f, w) })
}

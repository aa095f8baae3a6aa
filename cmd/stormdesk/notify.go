package main

import (
	"context"
	"fmt"
)

func cmdNotify(ctx context.Context, args []string, e *env) error {
	if len(args) == 0 || args[0] != "preview" {
		fmt.Fprint(e.stderr, "Usage: stormdesk notify preview ID [TEMPLATE]\n")
		return &usageError{"notify: want the subcommand preview"}
	}
	fs := newFlags(e, "notify preview", `notify preview ID [TEMPLATE] [--database URL]

Renders the customer email about incident ID (TEMPLATE: acknowledged,
update or resolved; default: the one for its state) and counts who would
get it: its reporters and the subscribers of its features, without
unsubscribed or bounced addresses. Nothing is sent.`)
	db := fs.String("database", "", "database URL (overrides STORMDESK_DATABASE_URL)")
	if err := parse(e, fs, reorder(args[1:])); err != nil {
		return err
	}
	if fs.NArg() < 1 || fs.NArg() > 2 {
		fs.Usage()
		return &usageError{"notify preview: want an incident ID and optionally a TEMPLATE"}
	}
	id, d, closeStore, err := openIncidentDesk(ctx, e, "notify preview", fs.Arg(0), *db)
	if err != nil {
		return err
	}
	defer closeStore()
	p, err := d.PreviewNotification(ctx, id, fs.Arg(1))
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "template: %s\nrecipients: %d\nsubject: %s\n\n%s", p.Template, p.Recipients, p.Subject, p.Sample)
	return nil
}

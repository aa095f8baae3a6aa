package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"stormdesk"
	"stormdesk/connectors/zendesk"
	"stormdesk/desk"
	"stormdesk/internal/cli"
)

func cmdConnectors(ctx context.Context, args []string, e *env) error {
	if len(args) < 2 || args[0] != "zendesk" || args[1] != "import" {
		fmt.Fprint(e.stderr, "Usage: stormdesk connectors zendesk import --since DURATION|TIME [flags]\n")
		return &usageError{"connectors: want the subcommand zendesk import"}
	}
	return cmdZendeskImport(ctx, args[2:], e)
}

type backfillStats struct {
	pages, read, created, stored, skipped int
}

func cmdZendeskImport(ctx context.Context, args []string, e *env) error {
	fs := newFlags(e, "connectors zendesk import", `connectors zendesk import --since DURATION|TIME [--database URL]

Backfills tickets from Zendesk's Incremental Ticket Export (cursor-based):
every ticket created or changed since --since (a duration back from now,
such as 2h, or an RFC 3339 time), so a desk can turn stormdesk on in the
middle of an outage. Tickets are stored as the Zendesk webhook stores them
(source zendesk, external id = the Zendesk ticket id): a re-run, or the
webhook posting a ticket already imported, stores nothing twice. Waits out
Zendesk's rate limit (429, Retry-After). Needs STORMDESK_ZENDESK_SUBDOMAIN
and STORMDESK_ZENDESK_EMAIL with STORMDESK_ZENDESK_API_TOKEN, or
STORMDESK_ZENDESK_OAUTH_TOKEN.`)
	sinceFlag := fs.String("since", "", "import tickets changed since this long ago (2h) or this RFC 3339 time (required)")
	db := fs.String("database", "", "database URL (overrides STORMDESK_DATABASE_URL)")
	if err := parse(e, fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return asUsage(cli.Usagef(fs, "takes no arguments"))
	}
	now := time.Now()
	since, err := parseSince(*sinceFlag, now)
	if err != nil {
		return asUsage(cli.Usagef(fs, "%v", err))
	}
	c, err := loadConfig(e, map[string]*string{"STORMDESK_DATABASE_URL": db})
	if err != nil {
		return err
	}
	z := c.Connectors
	base := z.ZendeskAPI()
	if base == "" {
		return fmt.Errorf("connectors zendesk import: set STORMDESK_ZENDESK_SUBDOMAIN (acme for acme.zendesk.com)")
	}
	if z.ZendeskAPIToken == "" && z.ZendeskOAuthToken == "" {
		return fmt.Errorf("connectors zendesk import: set STORMDESK_ZENDESK_EMAIL and STORMDESK_ZENDESK_API_TOKEN, or STORMDESK_ZENDESK_OAUTH_TOKEN")
	}
	store, err := openStore(ctx, c)
	if err != nil {
		return err
	}
	defer store.Close()
	d, err := desk.New(ctx, store, desk.Options{ProductName: c.ProductName})
	if err != nil {
		return err
	}
	prog := cli.NewProgress(e.stderr, "importing from Zendesk", "tickets", int64(now.Sub(since).Seconds()))
	client := &zendesk.Client{BaseURL: base, Email: z.ZendeskEmail, APIToken: z.ZendeskAPIToken, OAuthToken: z.ZendeskOAuthToken,
		Waited: func(status int, wait time.Duration) {
			if !prog.Active() {
				fmt.Fprintf(e.stderr, "zendesk answered %d: waiting %s before retrying\n", status, wait)
			}
		}}
	st, err := backfillZendesk(ctx, d, client, since, func(st backfillStats, at time.Time) {
		if prog.Active() {
			prog.Update(int64(at.Sub(since).Seconds()), int64(st.read))
			return
		}
		fmt.Fprintf(e.stderr, "page %d: %d tickets read, %d created, %d already stored\n", st.pages, st.read, st.created, st.stored)
	}, func(id string, err error) {
		fmt.Fprintf(e.stderr, "zendesk ticket %s: %s (skipped)\n", id, describe(err))
	})
	prog.Done(int64(st.read))
	fmt.Fprintf(e.stdout, "%d pages, %d tickets read since %s: %d imported, %d already stored, %d skipped\n",
		st.pages, st.read, since.UTC().Format(time.RFC3339), st.created, st.stored, st.skipped)
	if err != nil {
		return fmt.Errorf("connectors zendesk import: %w (what was read is stored; re-run to finish)", err)
	}
	return nil
}

// parseSince reads --since: a positive duration back from now, or an RFC
// 3339 time in the past.
func parseSince(s string, now time.Time) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, fmt.Errorf("--since is required (such as 2h, or 2026-01-02T15:04:05Z)")
	}
	if d, err := time.ParseDuration(s); err == nil {
		if d <= 0 {
			return time.Time{}, fmt.Errorf("--since %s: want a positive duration", s)
		}
		return now.Add(-d), nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("--since %q is neither a duration (2h, 90m) nor an RFC 3339 time", s)
	}
	if !t.Before(now) {
		return time.Time{}, fmt.Errorf("--since %s is not in the past", s)
	}
	return t, nil
}

// backfillZendesk pages through the export and ingests each ticket through
// the webhook's use case (Desk.IngestTicket), idempotent on (source,
// external id). tick is told after each page, with the newest change time
// seen; bad is told of each ticket that is skipped.
func backfillZendesk(ctx context.Context, d *desk.Service, c *zendesk.Client, since time.Time,
	tick func(backfillStats, time.Time), bad func(id string, err error)) (backfillStats, error) {
	var st backfillStats
	at := since
	err := c.Export(ctx, since, func(p *zendesk.ExportPage) error {
		st.pages++
		st.read += len(p.Tickets)
		for _, t := range p.Tickets {
			if ts := time.Unix(t.GeneratedTimestamp, 0); ts.After(at) {
				at = ts
			}
		}
		tickets, refused := p.StormdeskTickets()
		st.skipped += len(p.Tickets) - len(tickets) - len(refused) // deleted
		for id, err := range refused {
			st.skipped++
			bad(id, err)
		}
		for _, t := range tickets {
			if !t.ReceivedAt.IsZero() && t.ReceivedAt.After(d.Now().Add(desk.MaxFutureSkew)) {
				t.ReceivedAt = time.Time{} // as the webhook: stamped on arrival
			}
			created, err := d.IngestTicket(ctx, t)
			switch {
			case err == nil && created:
				st.created++
			case err == nil:
				st.stored++
			case stormdesk.ErrorCode(err) != stormdesk.EINVALID:
				return err
			default:
				st.skipped++
				bad(t.ExternalID, err)
			}
		}
		tick(st, at)
		return nil
	})
	return st, err
}

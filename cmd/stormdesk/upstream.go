package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"stormdesk"
	"stormdesk/app"
	"stormdesk/config"
	"stormdesk/desk"
	"stormdesk/internal/cli"
	"stormdesk/upstream"
	"stormdesk/upstream/upstreamcmd"
)

// loadUpstream reads STORMDESK_CONFIG, or returns nil when it is not set.
func loadUpstream(c config.Config) (*desk.Upstream, error) {
	if c.ConfigFile == "" {
		return nil, nil
	}
	f, err := app.LoadConfigFile(c.ConfigFile, upstream.LoadOptions{})
	if err != nil {
		return nil, fmt.Errorf("STORMDESK_CONFIG: %w", err)
	}
	cfg := f.Upstream
	if cfg == nil {
		return nil, nil
	}
	return &desk.Upstream{
		Config:      cfg,
		Fetcher:     &upstream.Fetcher{UserAgent: "stormdesk/" + version},
		ProbeClient: &http.Client{Timeout: 60 * time.Second},
	}, nil
}

func cmdConfig(args []string, e *env) error {
	if len(args) == 0 || args[0] != "check" {
		fmt.Fprint(e.stderr, "Usage: stormdesk config check FILE\n")
		return &usageError{"config: want the subcommand check"}
	}
	if slices.ContainsFunc(args[1:], func(a string) bool { return a == "-h" || a == "-help" || a == "--help" }) {
		return asUsage(checkConfig(args[1:], e.stdout, e.stderr))
	}
	if err := checkConfig(args[1:], e.stdout, e.stderr); err != nil {
		return asUsage(err)
	}
	return checkEnv(e)
}

// checkEnv reports, after the file, what the environment turns on that
// the file does not say: the helpdesk write-back. A variable the
// environment gets wrong is a problem of the check.
func checkEnv(e *env) error {
	c, err := config.Load(e.environ)
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return fmt.Errorf("config check: the environment: %w", err)
	}
	if z := c.Connectors; z.ZendeskWriteBack() {
		auth := "OAuth token"
		if z.ZendeskAPIToken != "" {
			auth = "API token of " + z.ZendeskEmail
		}
		fmt.Fprintf(e.stdout, "  zendesk write-back: on, to %s (%s)\n", z.ZendeskAPI(), auth)
	} else {
		fmt.Fprintln(e.stdout, "  zendesk write-back: off (set STORMDESK_ZENDESK_SUBDOMAIN and STORMDESK_ZENDESK_EMAIL with STORMDESK_ZENDESK_API_TOKEN, or STORMDESK_ZENDESK_OAUTH_TOKEN)")
	}
	if z := c.Connectors; z.IntercomWriteBack() {
		fmt.Fprintf(e.stdout, "  intercom write-back: on, to %s as admin %s\n", z.IntercomAPIURL, z.IntercomAdminID)
	} else {
		fmt.Fprintln(e.stdout, "  intercom write-back: off (set STORMDESK_INTERCOM_ACCESS_TOKEN and STORMDESK_INTERCOM_ADMIN_ID)")
	}
	if z := c.Connectors; z.HelpScoutWriteBack() {
		auth := "the app " + z.HelpScoutAppID + "'s client credentials"
		if z.HelpScoutAccessToken != "" {
			auth = "an access token, not renewed"
		}
		fmt.Fprintf(e.stdout, "  helpscout write-back: on, to %s (%s)\n", z.HelpScoutAPIURL, auth)
	} else {
		fmt.Fprintln(e.stdout, "  helpscout write-back: off (set STORMDESK_HELPSCOUT_APP_ID and STORMDESK_HELPSCOUT_APP_SECRET, or STORMDESK_HELPSCOUT_ACCESS_TOKEN, with STORMDESK_HELPSCOUT_WEBHOOK_SECRET)")
	}
	return nil
}

// checkConfig implements `stormdesk config check FILE`: the whole file,
// status page included, one line per problem on stderr, or a summary.
// A file without a status_page section is checked by upstreamcmd, as
// before.
func checkConfig(args []string, stdout, stderr io.Writer) error {
	fs := cli.NewFlagSet("config check", "config check FILE", `Validates a STORMDESK_CONFIG file (dependencies, probes, features and the
status page) and reports every problem with its line and field.`)
	if err := cli.Parse(fs, args, stdout, stderr); errors.Is(err, flag.ErrHelp) {
		return nil
	} else if err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return cli.Usagef(fs, "want exactly one FILE, got %d", fs.NArg())
	}
	file := fs.Arg(0)
	data, err := os.ReadFile(file)
	if err == nil {
		if sp, _, serr := config.SplitStatusPage(data, file); serr == nil && sp == nil {
			return upstreamcmd.CheckConfig(args, stdout, stderr)
		}
	}
	f, err := app.LoadConfigFile(file, upstream.LoadOptions{})
	if err != nil {
		problems := app.Problems(err)
		for _, p := range problems {
			fmt.Fprintln(stderr, p)
		}
		return fmt.Errorf("config check: %s: %d problem(s)", file, len(problems))
	}
	up := f.Upstream
	if up == nil {
		up = &upstream.Config{}
	}
	fmt.Fprintf(stdout, "%s: ok: %d dependencies, %d probes, %d status page components\n", file, len(up.Dependencies), len(up.Probes), len(f.StatusPage.Components))
	for _, d := range up.Dependencies {
		fmt.Fprintf(stdout, "  dependency %s: %s %s every %s, features %s\n", d.Name, d.Feed.Kind, upstream.RedactURL(d.Feed.URL), d.Interval, strings.Join(d.Features, ", "))
	}
	for _, p := range up.Probes {
		fmt.Fprintf(stdout, "  probe %s: %s %s every %s, failing after %d, features %s\n", p.Name, p.Method, upstream.RedactURL(p.URL), p.Interval, p.Failures, strings.Join(p.Features, ", "))
	}
	for _, c := range f.StatusPage.Components {
		fmt.Fprintf(stdout, "  component %s (%s): features %s\n", c.Name, c.ID, strings.Join(c.Features, ", "))
	}
	if len(f.StatusPage.Components) > 0 {
		fmt.Fprintf(stdout, "  status page publishing: %s\n", f.StatusPage.Publish)
	}
	for _, m := range f.StatusPage.Maintenances {
		fmt.Fprintf(stdout, "  maintenance %s: %s to %s UTC, components %s\n", m.Name, m.Start.Format("2006-01-02 15:04"), m.End.Format("2006-01-02 15:04"), strings.Join(m.Components, ", "))
	}
	return nil
}

// asUsage turns the usage errors of internal/cli (and so of the library
// commands, whose ErrUsage is cli's) into ours (exit 2).
func asUsage(err error) error {
	if errors.Is(err, cli.ErrUsage) {
		return &usageError{strings.TrimPrefix(err.Error(), cli.ErrUsage.Error()+": ")}
	}
	return err
}

func cmdUpstream(ctx context.Context, args []string, e *env) error {
	if len(args) == 0 {
		fmt.Fprint(e.stderr, upstreamUsage)
		return &usageError{"upstream: want a subcommand"}
	}
	switch args[0] {
	case "read":
		return asUsage(upstreamcmd.Read(ctx, args[1:], e.stdout, e.stderr))
	case "status":
		return cmdUpstreamStatus(ctx, args[1:], e)
	case "poll":
		return cmdUpstreamPoll(ctx, args[1:], e)
	case "-h", "--help", "help":
		fmt.Fprint(e.stdout, upstreamUsage)
		return nil
	}
	fmt.Fprint(e.stderr, upstreamUsage)
	return &usageError{fmt.Sprintf("upstream: unknown subcommand %q", args[0])}
}

const upstreamUsage = `Usage:
  stormdesk upstream status          each watched feed and probe: last poll, state, failures
  stormdesk upstream poll NAME       poll one dependency's feed now (STORMDESK_CONFIG)
  stormdesk upstream read FILE|URL   print the incidents and updates one payload holds, as JSON lines
`

func cmdUpstreamStatus(ctx context.Context, args []string, e *env) error {
	fs := newFlags(e, "upstream status", "upstream status [--database URL]")
	db := fs.String("database", "", "database URL (overrides STORMDESK_DATABASE_URL)")
	if err := parse(e, fs, args); err != nil {
		return err
	}
	c, err := loadConfig(e, map[string]*string{"STORMDESK_DATABASE_URL": db})
	if err != nil {
		return err
	}
	store, err := openExistingStore(ctx, c)
	if err != nil {
		return err
	}
	defer store.Close()
	d, err := desk.New(ctx, store, desk.Options{})
	if err != nil {
		return err
	}
	states, err := d.WatchStates(ctx)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tKIND\tSTATE\tLAST POLL (UTC)\tLAST OK (UTC)\tFAILURES\tLATENCY\tOPEN UPSTREAM INCIDENTS\tREASON")
	for _, st := range states {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\t%d ms\t%s\t%s\n", st.Name, st.Kind, st.State, stamp(st.LastPollAt), stamp(st.LastOKAt),
			st.Failures, st.LatencyMS, openIncidents(st), st.Reason)
	}
	if len(states) == 0 {
		fmt.Fprintln(tw, "(nothing polled yet: set STORMDESK_CONFIG and run stormdesk serve, or stormdesk upstream poll NAME)")
	}
	return tw.Flush()
}

// openIncidents names the unresolved incidents in a feed's last payload.
func openIncidents(st *stormdesk.WatchState) string {
	var snap upstream.Snapshot
	if st.Kind == "probe" || json.Unmarshal(st.Snapshot, &snap) != nil {
		return "-"
	}
	var open []string
	for _, in := range snap.Incidents {
		if !in.Maintenance && !in.Resolved() {
			open = append(open, fmt.Sprintf("%q (%s)", in.Title, in.Status))
		}
	}
	if len(open) == 0 {
		return "none"
	}
	return strings.Join(open, "; ")
}

func stamp(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.UTC().Format("2006-01-02 15:04:05")
}

func cmdUpstreamPoll(ctx context.Context, args []string, e *env) error {
	fs := newFlags(e, "upstream poll", "upstream poll NAME [--database URL]")
	db := fs.String("database", "", "database URL (overrides STORMDESK_DATABASE_URL)")
	if err := parse(e, fs, reorder(args)); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return &usageError{"upstream poll: want exactly one dependency NAME"}
	}
	c, err := loadConfig(e, map[string]*string{"STORMDESK_DATABASE_URL": db})
	if err != nil {
		return err
	}
	u, err := loadUpstream(c)
	if err != nil {
		return err
	}
	if u == nil {
		return &usageError{"upstream poll: STORMDESK_CONFIG is not set: name the YAML file of dependencies"}
	}
	store, err := openStore(ctx, c)
	if err != nil {
		return err
	}
	defer store.Close()
	d, err := desk.New(ctx, store, desk.Options{Upstream: u})
	if err != nil {
		return err
	}
	st, err := d.PollFeed(ctx, fs.Arg(0), true)
	if st != nil {
		fmt.Fprintf(e.stdout, "%s: %s (%d ms)%s\n", st.Name, st.State, st.LatencyMS, map[bool]string{true: ": " + st.Reason, false: ""}[st.Reason != ""])
	}
	return err
}

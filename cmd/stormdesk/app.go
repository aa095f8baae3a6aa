package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"stormdesk"
	"stormdesk/app"
	"stormdesk/config"
	"stormdesk/desk"
	"stormdesk/internal/cli"
	"stormdesk/store/postgres"
	"stormdesk/store/sqlite"
	"stormdesk/store/sqlstore"
	"stormdesk/triage/triagecmd"
	"stormdesk/upstream"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

const usage = `stormdesk: support-desk incident notifier bot and ticket triage service.

Usage:
  stormdesk <command> [flags]

Commands:
  serve            run the HTTP service (intake API, health, metrics)
  migrate          apply database migrations and print the schema version
  tickets import   import tickets from a CSV or JSON Lines file
  customers import load customers and their subscriptions from a CSV file
  connectors zendesk import --since 2h
                   backfill tickets from Zendesk's incremental export
  notify preview   render an incident's customer email and count its audience
  export ID        write an incident's post-mortem (md, html, json, csv)
  audit            audit the dependence on each provider: outages, customer
                   impact, time-to-know, features with one provider and no probe
  triage FILE      cluster a CSV or JSONL file of tickets and print the clusters
  triage eval FILE score clustering against labels (ARI, NMI, accuracy, ...)
  upstream ...     status, poll NAME, read FILE|URL: the watched status feeds
  discord register register the /incident command with Discord
  config check F   validate a STORMDESK_CONFIG file: dependencies, probes, status page
  demo             replay the reference outage end to end with local stand-ins
  replay           run a week of tickets and status updates through the service
                   in virtual time and score it against labels
  version          print the version
  help env         list every environment variable with its default

Run 'stormdesk <command> --help' for a command's flags.
Configuration comes from STORMDESK_* environment variables; flags override them.
`

// env is the process environment plus its standard streams, so that tests
// run the real program in-process.
type env struct {
	environ        []string
	stdin          io.Reader
	stdout, stderr io.Writer
	// ready, when set, is told the address the server listens on.
	ready func(addr string)
}

// usageError is an error in the command line: it prints the command's help.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func run(ctx context.Context, args []string, environ []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runEnv(ctx, args, &env{environ: environ, stdin: stdin, stdout: stdout, stderr: stderr})
}

func runEnv(ctx context.Context, args []string, e *env) int {
	err := dispatch(ctx, args, e)
	var ue *usageError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(e.stderr, "stormdesk: %s\n", ue.msg)
		return 2
	}
	fmt.Fprintf(e.stderr, "stormdesk: %s\n", describe(err))
	return 1
}

// describe turns an error into one line for the terminal: the message of
// an application error, the full chain otherwise.
func describe(err error) string {
	var ce *config.Error
	if errors.As(err, &ce) {
		return ce.Error()
	}
	if c := stormdesk.ErrorCode(err); c != stormdesk.EINTERNAL {
		return stormdesk.ErrorMessage(err)
	}
	return err.Error()
}

func dispatch(ctx context.Context, args []string, e *env) error {
	if len(args) == 0 {
		fmt.Fprint(e.stderr, usage)
		return &usageError{"no command given"}
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "-h", "--help", "-help":
		fmt.Fprint(e.stdout, usage)
		return nil
	case "help":
		if len(rest) > 0 && rest[0] == "env" {
			printEnv(e.stdout)
			return nil
		}
		fmt.Fprint(e.stdout, usage)
		return nil
	case "version", "--version":
		fs := newFlags(e, "version", "version\n\nPrints stormdesk's version.")
		if err := parse(e, fs, rest); err != nil {
			return err
		}
		if fs.NArg() > 0 {
			return asUsage(cli.Usagef(fs, "takes no arguments"))
		}
		fmt.Fprintf(e.stdout, "stormdesk %s\n", version)
		return nil
	case "tickets":
		if len(rest) == 0 || rest[0] != "import" {
			fmt.Fprint(e.stderr, "Usage: stormdesk tickets import FILE [flags]\n")
			return &usageError{"tickets: want the subcommand import"}
		}
		return cmdImport(ctx, rest[1:], e)
	}
	if run, ok := commands[cmd]; ok {
		return run(ctx, rest, e)
	}
	fmt.Fprint(e.stderr, usage)
	return &usageError{fmt.Sprintf("unknown command %q", cmd)}
}

// commands are the subcommands that take the rest of the command line as
// their own; help, version and tickets import are dispatch's.
var commands = map[string]func(ctx context.Context, args []string, e *env) error{
	"serve":      cmdServe,
	"migrate":    cmdMigrate,
	"export":     cmdExport,
	"audit":      cmdAudit,
	"customers":  cmdCustomers,
	"connectors": cmdConnectors,
	"discord":    cmdDiscord,
	"demo":       cmdDemo,
	"replay":     cmdReplay,
	"notify":     cmdNotify,
	"upstream":   cmdUpstream,
	"triage": func(ctx context.Context, args []string, e *env) error {
		return asUsage(triagecmd.Main(ctx, args, e.stdout, e.stderr))
	},
	"config": func(_ context.Context, args []string, e *env) error { return cmdConfig(args, e) },
}

func printEnv(w io.Writer) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "VARIABLE\tDEFAULT\tMEANING")
	for _, v := range config.Vars {
		d := v.Default
		if d == "" {
			d = "(none)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", v.Name, d, v.Help)
	}
	tw.Flush()
}

// newFlags returns a FlagSet in the one usage style of every command
// (internal/cli): synopsis is the command line, then, after a blank line,
// what it does.
func newFlags(e *env, name, synopsis string) *flag.FlagSet {
	line, description, _ := strings.Cut(synopsis, "\n\n")
	fs := cli.NewFlagSet(name, line, description)
	fs.SetOutput(e.stderr)
	return fs
}

// parse parses flags: help goes once to stdout (exit 0), a flag error
// prints the usage to stderr and becomes a usage error (exit 2).
func parse(e *env, fs *flag.FlagSet, args []string) error {
	err := cli.Parse(fs, args, e.stdout, e.stderr)
	if errors.Is(err, cli.ErrUsage) {
		return asUsage(err)
	}
	return err
}

// loadConfig reads the environment and applies flag overrides.
func loadConfig(e *env, overrides map[string]*string) (config.Config, error) {
	environ := append([]string(nil), e.environ...)
	for name, v := range overrides {
		if v != nil && *v != "" {
			environ = append(environ, name+"="+*v)
		}
	}
	return config.Load(environ)
}

func newLogger(c config.Config, w io.Writer) *slog.Logger {
	opts := &slog.HandlerOptions{Level: c.LogLevel}
	if c.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// openStore opens and migrates the configured store.
func openStore(ctx context.Context, c config.Config) (stormdesk.Store, error) {
	s, _, _, err := app.OpenStore(ctx, c)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// openExistingStore opens the configured store for a command that reads
// it (export, notify preview, upstream status): it never creates a
// database nor migrates one, so running such a command in the wrong
// folder or against the wrong URL leaves nothing behind and says so.
func openExistingStore(ctx context.Context, c config.Config) (stormdesk.Store, error) {
	backend, target, err := config.ParseDatabaseURL(c.DatabaseURL)
	if err != nil {
		return nil, err
	}
	var db sqlstore.DB
	var d sqlstore.Dialect
	if backend == "postgres" {
		pdb, err := postgres.OpenDB(ctx, target)
		if err != nil {
			return nil, err
		}
		db, d = pdb, postgres.Dialect()
	} else {
		if _, err := os.Stat(target); errors.Is(err, fs.ErrNotExist) {
			return nil, stormdesk.Errorf(stormdesk.ENOTFOUND,
				"no store at %s: `stormdesk serve` or `stormdesk migrate` creates one; set STORMDESK_DATABASE_URL or --database to use another", target)
		}
		sdb, err := sqlite.OpenDB(target)
		if err != nil {
			return nil, err
		}
		db, d = sdb, sqlite.Dialect()
	}
	if err := checkSchema(ctx, db, d, backend, target); err != nil {
		db.Close()
		return nil, err
	}
	return sqlstore.New(db, d), nil
}

// checkSchema says whether db holds a store at the schema this binary
// writes, without changing it.
func checkSchema(ctx context.Context, db sqlstore.DB, d sqlstore.Dialect, backend, target string) error {
	where := target
	if backend == "postgres" {
		where = "the PostgreSQL database of STORMDESK_DATABASE_URL"
	}
	c, err := db.Begin(ctx, true)
	if err != nil {
		return fmt.Errorf("%s: %w", backend, err)
	}
	defer c.Rollback(context.WithoutCancel(ctx))
	var version int
	if err := c.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&version); err != nil {
		return stormdesk.Errorf(stormdesk.ENOTFOUND, "%s holds no stormdesk store (no schema_migrations table): `stormdesk migrate` creates one", where)
	}
	switch {
	case version < d.Latest():
		return stormdesk.Errorf(stormdesk.ECONFLICT, "the store in %s is at schema version %d, this stormdesk reads version %d: run `stormdesk migrate` first", where, version, d.Latest())
	case version > d.Latest():
		return stormdesk.Errorf(stormdesk.ECONFLICT, "the store in %s is at schema version %d, newer than this stormdesk knows (%d): upgrade stormdesk", where, version, d.Latest())
	}
	return nil
}

func cmdMigrate(ctx context.Context, args []string, e *env) error {
	fs := newFlags(e, "migrate", "migrate [--database URL]")
	db := fs.String("database", "", "database URL (overrides STORMDESK_DATABASE_URL)")
	if err := parse(e, fs, args); err != nil {
		return err
	}
	c, err := loadConfig(e, map[string]*string{"STORMDESK_DATABASE_URL": db})
	if err != nil {
		return err
	}
	backend, target, _ := config.ParseDatabaseURL(c.DatabaseURL)
	var from, to int
	switch backend {
	case "postgres":
		d, err := postgres.OpenDB(ctx, target)
		if err != nil {
			return err
		}
		defer d.Close()
		from, to, err = migrateDB(ctx, d, postgres.Dialect())
		if err != nil {
			return err
		}
	default:
		d, err := sqlite.OpenDB(target)
		if err != nil {
			return err
		}
		defer d.Close()
		from, to, err = migrateDB(ctx, d, sqlite.Dialect())
		if err != nil {
			return err
		}
	}
	if from == to {
		fmt.Fprintf(e.stdout, "%s schema is up to date at version %d\n", backend, to)
	} else {
		fmt.Fprintf(e.stdout, "%s schema migrated from version %d to %d\n", backend, from, to)
	}
	return nil
}

func migrateDB(ctx context.Context, db sqlstore.DB, d sqlstore.Dialect) (from, to int, err error) {
	return sqlstore.Migrate(ctx, db, d, time.Now())
}

// openIncidentDesk parses an incident ID argument, then opens the
// configured store, which must exist, and a desk over it: what commands about one incident
// share. close releases the store.
func openIncidentDesk(ctx context.Context, e *env, what, arg, db string) (id int64, d *desk.Service, close func(), err error) {
	id, err = strconv.ParseInt(arg, 10, 64)
	if err != nil || id <= 0 {
		return 0, nil, nil, &usageError{fmt.Sprintf("%s: %q is not an incident ID", what, arg)}
	}
	c, err := loadConfig(e, map[string]*string{"STORMDESK_DATABASE_URL": &db})
	if err != nil {
		return 0, nil, nil, err
	}
	store, err := openExistingStore(ctx, c)
	if err != nil {
		return 0, nil, nil, err
	}
	comps, err := pageComponents(c)
	if err != nil {
		store.Close()
		return 0, nil, nil, err
	}
	if d, err = desk.New(ctx, store, desk.Options{ProductName: c.ProductName, Components: comps}); err != nil {
		store.Close()
		return 0, nil, nil, err
	}
	return id, d, func() { store.Close() }, nil
}

// pageComponents are the status page's components in STORMDESK_CONFIG
// (none without the file): an incident's audience takes in their
// subscribers, and an import checks the component:ID it names.
func pageComponents(c config.Config) ([]stormdesk.Component, error) {
	if c.ConfigFile == "" {
		return nil, nil
	}
	f, err := app.LoadConfigFile(c.ConfigFile, upstream.LoadOptions{})
	if err != nil {
		return nil, fmt.Errorf("STORMDESK_CONFIG: %w", err)
	}
	return app.StatusPageConfig(c, f.StatusPage).Components, nil
}

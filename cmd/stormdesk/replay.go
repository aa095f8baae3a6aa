package main

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"stormdesk/app"
	"stormdesk/internal/cli"
	"stormdesk/replay"
	"stormdesk/upstream"
)

// listFlag is a flag that may be given several times, each value also
// split at commas.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(v string) error {
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			*l = append(*l, s)
		}
	}
	return nil
}

func cmdReplay(ctx context.Context, args []string, e *env) error {
	fs := newFlags(e, "replay", `replay --tickets TICKETS.jsonl [--upstream UPDATES.jsonl] [--config STORMDESK_CONFIG.yaml]
                 [--label FIELD] [--background VALUE]... [--json] [--out DIR]

Runs tickets and providers' status updates through the same code as serve
(intake API, triage and its periodic maintenance, feed polling, upstream
correlation, incident opening, alerts to a Slack stand-in, customer email
through the outbox to a SendGrid stand-in) on a temporary embedded store,
in virtual time: each ticket enters at its received_at, each update is read
at the first feed poll after its "at", scheduled jobs fire at their virtual
times. A week replays in seconds; nothing is sent anywhere.

TICKETS.jsonl: one JSON object a line: id (required, unique), received_at
(RFC 3339, required), subject, body, source, customer_email, customer_name,
org (or organisation). Other fields are ignored.

UPDATES.jsonl: one status update a line: provider (a dependency of the
config), provider_incident_id, update_id, status (investigating, identified,
monitoring, resolved; maintenances: scheduled, in_progress, verifying,
completed), impact (none, minor, major, critical, maintenance), at, title,
body, kind (incident or maintenance), components. They are served to the
real feed reader as a Statuspage summary.json that changes over time.

--config is the STORMDESK_CONFIG file serve reads (dependencies and their
features, probes, the product's features: vocabulary); feeds may be left out.

--label FIELD names the field holding each ticket's true incident (and, on
updates, the incident label a provider incident explains). It is read ONLY
for scoring and never reaches the service: shuffling the labels changes the
scores, never what the service did. "background" (and each --background
value) means "belongs to no incident". With labels the summary adds pairwise
precision, recall and F1, ARI (background as singletons), per-label recall,
purity and time to open, background pulled into incidents, false alarms and
wrong upstream links.`)
	ticketsPath := fs.String("tickets", "", "tickets, JSON Lines (required)")
	updatesPath := fs.String("upstream", "", "providers' status updates, JSON Lines")
	configPath := fs.String("config", "", "STORMDESK_CONFIG file: dependencies, probes, features")
	label := fs.String("label", "", "field holding the true label, read only for scoring")
	var background listFlag
	fs.Var(&background, "background", "label value meaning no incident, besides \"background\" (repeatable)")
	asJSON := fs.Bool("json", false, "print one JSON document: tickets, incidents, alerts, emails, scores")
	out := fs.String("out", "", "folder to write each incident's post-mortem (Markdown and HTML) into")
	name := fs.String("name", "", "title for the summary (default: the tickets file)")
	var scenarios listFlag
	fs.Var(&scenarios, "scenario", "a scenario folder (tickets.jsonl, updates.jsonl, stormdesk.yaml): replay it, labels in \"label\"; repeat for a table of scores")
	if err := parse(e, fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return &usageError{"replay: unexpected argument " + fs.Arg(0) + " (files are given with --tickets and --upstream)"}
	}
	if len(scenarios) > 0 {
		if *ticketsPath != "" || *updatesPath != "" || *configPath != "" {
			return &usageError{"replay: --scenario reads its folder's files; leave out --tickets, --upstream and --config"}
		}
		return replayScenarios(ctx, scenarios, cmp.Or(*label, "label"), background, *asJSON, e)
	}
	if *ticketsPath == "" {
		fs.Usage()
		return &usageError{"replay: --tickets is required"}
	}
	in := &replay.Input{Name: *name}
	if in.Name == "" {
		in.Name = *ticketsPath
	}
	var err error
	if in.Tickets, err = replay.ReadTicketsFile(*ticketsPath, *label); err != nil {
		return err
	}
	if *updatesPath != "" {
		if in.Updates, err = replay.ReadUpdatesFile(*updatesPath, *label); err != nil {
			return err
		}
	}
	if *configPath != "" {
		// The service's own STORMDESK_CONFIG file may be replayed: its
		// status page section is read and left aside.
		f, err := app.LoadConfigFile(*configPath, upstream.LoadOptions{FeedOptional: true})
		if err != nil {
			return err
		}
		in.Config = f.Upstream
	}
	if err := in.Check(); err != nil {
		return err
	}
	bar := cli.NewProgress(e.stderr, "replay", "tickets", int64(len(in.Tickets)))
	res, err := replay.Run(ctx, in, replay.Options{Background: background, Out: *out,
		Progress: func(done, total int) { bar.Update(int64(done), int64(done)) }})
	if err != nil {
		return err
	}
	bar.Done(int64(len(in.Tickets)))
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	res.Print(e.stdout)
	for _, f := range res.Files {
		e.stdout.Write([]byte("wrote " + f + "\n"))
	}
	return nil
}

// replayScenarios replays each scenario folder and prints one table of
// scores (or, with asJSON, the scores of each).
func replayScenarios(ctx context.Context, dirs []string, label string, background []string, asJSON bool, e *env) error {
	if len(background) == 0 {
		background = []string{"hard-negative", "look-alike"}
	}
	inputs := make([]*replay.Input, len(dirs))
	for i, dir := range dirs {
		in := &replay.Input{Name: filepath.Base(filepath.Clean(dir))}
		var err error
		if in.Tickets, err = replay.ReadTicketsFile(filepath.Join(dir, "tickets.jsonl"), label); err != nil {
			return err
		}
		if p := filepath.Join(dir, "updates.jsonl"); exists(p) {
			if in.Updates, err = replay.ReadUpdatesFile(p, label); err != nil {
				return err
			}
		}
		if p := filepath.Join(dir, "stormdesk.yaml"); exists(p) {
			if in.Config, err = upstream.LoadConfigFileWith(p, upstream.LoadOptions{FeedOptional: true}); err != nil {
				return err
			}
		}
		if err := in.Check(); err != nil {
			return err
		}
		inputs[i] = in
	}
	// Each replay runs on its own temporary store: they run side by side,
	// one per core.
	rows := make([]replay.Row, len(inputs))
	errs := make([]error, len(inputs))
	all := map[string]*replay.Scores{}
	var mu sync.Mutex
	sem := make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))
	var wg sync.WaitGroup
	for i, in := range inputs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			mu.Lock()
			fmt.Fprintf(e.stderr, "replaying %s (%d tickets)\n", in.Name, len(in.Tickets))
			mu.Unlock()
			res, err := replay.Run(ctx, in, replay.Options{Background: background})
			switch {
			case err != nil:
				errs[i] = fmt.Errorf("%s: %w", in.Name, err)
			case res.Scores == nil:
				errs[i] = fmt.Errorf("%s: no ticket carries a %q label", in.Name, label)
			default:
				mu.Lock()
				all[in.Name] = res.Scores
				mu.Unlock()
				rows[i] = replay.RowOf(in.Name, res)
			}
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	if asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(all)
	}
	replay.PrintTable(e.stdout, rows)
	return nil
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

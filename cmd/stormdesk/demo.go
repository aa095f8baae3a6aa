package main

import (
	"context"
	"encoding/json"

	"stormdesk/demo"
)

func cmdDemo(ctx context.Context, args []string, e *env) error {
	fs := newFlags(e, "demo", `demo [--scenario FILE] [--out DIR] [--json]

Replays an incident through stormdesk's real code paths in virtual time,
with local stand-ins for the provider's status page, a login check, Slack
(slack-go's slacktest) and SendGrid: nothing to sign up for. Without
--scenario it replays the reference outage (a login provider down for two
hours). It prints when stormdesk raised the alert against when the first
ticket came, how well the tickets were grouped, the emails sent, and writes
timeline.md and timeline.html to DIR.`)
	scenario := fs.String("scenario", "", "scenario YAML file (default: the reference outage)")
	out := fs.String("out", "demo-out", "folder for timeline.md and timeline.html")
	asJSON := fs.Bool("json", false, "print the summary as JSON")
	if err := parse(e, fs, args); err != nil {
		return err
	}
	sc, err := demo.Load(*scenario)
	if err != nil {
		return err
	}
	s, err := demo.Run(ctx, sc, *out, nil)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(s)
	}
	s.Print(e.stdout)
	return nil
}

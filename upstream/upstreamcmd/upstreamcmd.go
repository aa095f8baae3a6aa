// Package upstreamcmd implements the command-line entry points of the
// upstream package: `stormdesk upstream read` and `stormdesk config check`.
// main only wires them in.
package upstreamcmd

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"stormdesk/internal/cli"
	"stormdesk/upstream"
)

// ErrUsage marks errors in the command line itself; main answers them with
// exit status 2. It is internal/cli's, which every command shares.
var ErrUsage = cli.ErrUsage

// fetchTimeout bounds the one request `upstream read URL` makes.
const fetchTimeout = 30 * time.Second

// Line is one JSON line that `upstream read` prints. Type is "page",
// "incident", "update" or "component"; the other fields are set as
// they apply.
type Line struct {
	Type       string              `json:"type"`
	Page       *pageLine           `json:"page,omitempty"`
	Incident   *incidentLine       `json:"incident,omitempty"`
	Update     *updateLine         `json:"update,omitempty"`
	Component  *upstream.Component `json:"component,omitempty"`
	IncidentID string              `json:"incident_id,omitempty"`
}

type pageLine struct {
	upstream.Page
	Kind           upstream.Kind `json:"kind"`
	Indicator      string        `json:"indicator,omitempty"`
	Description    string        `json:"description,omitempty"`
	UpdatedAt      time.Time     `json:"updated_at,omitzero"`
	UnresolvedOnly bool          `json:"unresolved_only,omitempty"`
	Components     int           `json:"components"`
	Incidents      int           `json:"incidents"`
	Maintenances   int           `json:"maintenances"`
}

// incidentLine is an incident without its updates, which get lines of
// their own.
type incidentLine struct {
	upstream.Incident
	Updates []upstream.Update `json:"updates,omitempty"`
}

type updateLine struct {
	upstream.Update
}

// Read implements `stormdesk upstream read FILE|URL [--kind K]`.
func Read(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := cli.NewFlagSet("upstream read", "upstream read FILE|URL [--kind K] [--components]", `Prints, as JSON lines, what stormdesk reads in one status payload: a page
line, then each incident or maintenance followed by its updates (newest
first). FILE may be - for standard input. The kind is detected from the
content unless given.`)
	kindFlag := fs.String("kind", "auto", "payload format: "+upstream.KindList()+", or auto to detect it from the content")
	withComponents := fs.Bool("components", false, "also print one line per component")
	src, err := cli.OneArg(fs, args, stdout, stderr, "FILE|URL")
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	var kind upstream.Kind
	if *kindFlag != "" && *kindFlag != "auto" {
		if kind, err = upstream.ParseKind(*kindFlag); err != nil {
			return fmt.Errorf("%w: %w", ErrUsage, err)
		}
	}
	data, contentType, err := load(ctx, src, stdin)
	if err != nil {
		return err
	}
	if kind == "" {
		if kind, err = upstream.DetectKind(data, contentType); err != nil {
			return err
		}
	}
	snap, err := upstream.Parse(data, kind)
	if err != nil {
		return err
	}
	if !snap.UnresolvedOnly && upstream.UnresolvedOnlyURL(src) {
		snap.UnresolvedOnly = true
	}
	return writeLines(stdout, snap, *withComponents)
}

// stdin is replaced in tests.
var stdin io.Reader = os.Stdin

func load(ctx context.Context, src string, in io.Reader) ([]byte, string, error) {
	if strings.HasPrefix(src, "http://") || strings.HasPrefix(src, "https://") {
		ctx, cancel := context.WithTimeout(ctx, fetchTimeout)
		defer cancel()
		f := &upstream.Fetcher{UserAgent: "stormdesk-upstream-read"}
		res, err := f.Fetch(ctx, src, upstream.Validators{})
		if err != nil {
			return nil, "", err
		}
		return res.Body, res.ContentType, nil
	}
	var r io.Reader = in
	if src != "-" {
		fh, err := os.Open(src)
		if err != nil {
			return nil, "", fmt.Errorf("upstream read: %w", err)
		}
		defer fh.Close()
		r = fh
	}
	data, err := io.ReadAll(io.LimitReader(r, upstream.DefaultMaxBytes+1))
	if err != nil {
		return nil, "", fmt.Errorf("upstream read: %w", err)
	}
	if len(data) > upstream.DefaultMaxBytes {
		return nil, "", fmt.Errorf("upstream read: %s: %w: over the %d-byte cap", src, upstream.ErrTooLarge, upstream.DefaultMaxBytes)
	}
	return data, "", nil
}

func writeLines(w io.Writer, s *upstream.Snapshot, withComponents bool) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	pl := &pageLine{Page: s.Page, Kind: s.Kind, Indicator: s.Indicator, Description: s.Description,
		UpdatedAt: s.UpdatedAt, UnresolvedOnly: s.UnresolvedOnly, Components: len(s.Components)}
	for _, in := range s.Incidents {
		if in.Maintenance {
			pl.Maintenances++
		} else {
			pl.Incidents++
		}
	}
	if err := enc.Encode(Line{Type: "page", Page: pl}); err != nil {
		return fmt.Errorf("upstream read: %w", err)
	}
	if withComponents {
		for i := range s.Components {
			if err := enc.Encode(Line{Type: "component", Component: &s.Components[i]}); err != nil {
				return fmt.Errorf("upstream read: %w", err)
			}
		}
	}
	for _, in := range s.Incidents {
		ups := in.Updates
		in.Updates = nil
		typ := "incident"
		if in.Maintenance {
			typ = "maintenance"
		}
		if err := enc.Encode(Line{Type: typ, Incident: &incidentLine{Incident: in}}); err != nil {
			return fmt.Errorf("upstream read: %w", err)
		}
		for _, u := range ups {
			if err := enc.Encode(Line{Type: "update", IncidentID: in.ID, Update: &updateLine{u}}); err != nil {
				return fmt.Errorf("upstream read: %w", err)
			}
		}
	}
	return nil
}

// CheckConfig implements `stormdesk config check FILE`: it prints one line
// per problem to stderr and returns an error when there is any, or prints a
// short summary to stdout.
func CheckConfig(args []string, stdout, stderr io.Writer) error {
	fs := cli.NewFlagSet("config check", "config check FILE", `Validates a dependencies-and-probes file (the one STORMDESK_CONFIG names)
and reports every problem with its line and field.`)
	file, err := cli.OneArg(fs, args, stdout, stderr, "FILE")
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	cfg, err := upstream.LoadConfigFile(file)
	if err != nil {
		n := 0
		var joined interface{ Unwrap() []error }
		if errors.As(err, &joined) {
			for _, e := range joined.Unwrap() {
				fmt.Fprintln(stderr, e)
				n++
			}
		} else {
			fmt.Fprintln(stderr, err)
			n = 1
		}
		return fmt.Errorf("config check: %s: %d problem(s)", file, n)
	}
	fmt.Fprintf(stdout, "%s: ok: %d dependencies, %d probes\n", file, len(cfg.Dependencies), len(cfg.Probes))
	for _, d := range cfg.Dependencies {
		fmt.Fprintf(stdout, "  dependency %s: %s %s every %s, features %s\n", d.Name, cmp.Or(string(d.Feed.Kind), "auto"), upstream.RedactURL(d.Feed.URL), d.Interval, strings.Join(d.Features, ", "))
	}
	for _, p := range cfg.Probes {
		fmt.Fprintf(stdout, "  probe %s: %s %s every %s, failing after %d, features %s\n", p.Name, p.Method, upstream.RedactURL(p.URL), p.Interval, p.Failures, strings.Join(p.Features, ", "))
	}
	return nil
}

// Package cli is what every stormdesk command shares on the terminal: one
// way to parse flags and print a command's usage, and one progress line.
// cmd/stormdesk and the packages that implement subcommands
// (triage/triagecmd, upstream/upstreamcmd) all use it, so that --help,
// a wrong flag and a long run look the same everywhere.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// ErrUsage marks an error in the command line itself: the command's usage
// has been printed to standard error, and main exits with status 2.
var ErrUsage = errors.New("usage")

// NewFlagSet returns a flag set for "stormdesk SYNOPSIS" whose usage is, in
// every command:
//
//	Usage: stormdesk SYNOPSIS
//
//	DESCRIPTION
//
//	Flags:
//	  -flag ...
//
// name (such as "triage eval") prefixes the errors Parse returns.
func NewFlagSet(name, synopsis, description string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "Usage: stormdesk %s\n", synopsis)
		if d := strings.TrimSpace(description); d != "" {
			fmt.Fprintf(w, "\n%s\n", d)
		}
		n := 0
		fs.VisitAll(func(*flag.Flag) { n++ })
		if n > 0 {
			fmt.Fprintf(w, "\nFlags:\n")
			fs.PrintDefaults()
		}
	}
	return fs
}

// Parse parses args into fs. Asked for help (-h, -help, --help), it prints
// the usage once, to stdout, and returns flag.ErrHelp (main exits 0); on a
// bad flag it prints the usage to stderr and returns an error wrapping
// ErrUsage that says what was wrong. Afterwards fs writes to stderr, so a
// later fs.Usage() (a missing argument) goes there.
func Parse(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) error {
	fs.SetOutput(io.Discard) // the flag package would print the usage itself
	err := fs.Parse(args)
	fs.SetOutput(stderr)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, flag.ErrHelp):
		fs.SetOutput(stdout)
		fs.Usage()
		fs.SetOutput(stderr)
		return flag.ErrHelp
	}
	fs.Usage()
	return fmt.Errorf("%w: %s: %v", ErrUsage, fs.Name(), err)
}

// OneArg parses args into fs, with the flags before or after the one
// positional argument it returns; what names that argument in the error
// when there is not exactly one ("FILE"). Help and bad flags go as in
// Parse.
func OneArg(fs *flag.FlagSet, args []string, stdout, stderr io.Writer, what string) (string, error) {
	var pos []string
	for {
		if err := Parse(fs, args, stdout, stderr); err != nil {
			return "", err
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
	if len(pos) != 1 {
		return "", Usagef(fs, "want exactly one %s, got %d", what, len(pos))
	}
	return pos[0], nil
}

// Usagef prints fs's usage to stderr and returns an error wrapping ErrUsage
// with the message: for a command line whose flags parsed but whose
// arguments are wrong.
func Usagef(fs *flag.FlagSet, format string, args ...any) error {
	fs.Usage()
	return fmt.Errorf("%w: %s: %s", ErrUsage, fs.Name(), fmt.Sprintf(format, args...))
}

// IsHelp reports whether args ask for help: what a command without flags
// checks before doing anything.
func IsHelp(args []string) bool {
	for _, a := range args {
		switch a {
		case "-h", "-help", "--help":
			return true
		case "--":
			return false
		}
	}
	return false
}

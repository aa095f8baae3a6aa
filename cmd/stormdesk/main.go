// Command stormdesk is the support-desk incident bot: `stormdesk serve`
// runs the service; the other subcommands migrate, import, triage and
// inspect. main only hands the process's arguments and environment to run,
// so tests can run the whole program.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Environ(), os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

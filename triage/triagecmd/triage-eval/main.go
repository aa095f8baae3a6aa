// Command triage-eval runs "stormdesk triage ..." on its own, for
// scripts/bench-triage.sh and for working on the triage engine without
// building the whole service: triage-eval eval FILE --text COL --label COL.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"stormdesk/triage/triagecmd"
)

func main() {
	if err := triagecmd.Main(context.Background(), os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, err)
		if errors.Is(err, triagecmd.ErrUsage) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

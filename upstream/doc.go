// Package upstream reads the status pages of the services stormdesk depends
// on and turns them into upstream events.
//
// The pieces are kept apart so that each can be tested on its own:
//
//   - Parse and DetectKind turn one payload (Atlassian Statuspage v2 JSON,
//     Statuspage-style RSS 2.0 and Atom histories, and the status APIs of
//     Slack, Heroku, status.io, Google Cloud, AWS, Instatus, Cachet and
//     Better Stack; see Kinds) into a Snapshot, with every time in UTC and
//     Statuspage's vocabulary of statuses and impacts.
//   - Diff and Events compare snapshots and return only real changes, each
//     with a DedupKey that stays the same across restarts and re-polls.
//   - Fetcher performs one conditional GET with a size cap and typed errors;
//     Backoff spaces out retries.
//   - RunProbe performs one synthetic HTTP check and ProbeTracker turns a
//     series of results into "probe failing" and "probe recovered" signals.
//   - LoadConfig reads and validates the dependencies and probes file.
//
// Nothing here reads the clock to make a decision: times come from the
// provider's payload or are passed in. Only Fetch and RunProbe measure
// latency, through an injectable clock.
package upstream

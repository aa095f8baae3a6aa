// Package triage groups look-alike support tickets into clusters online and
// flags a topic as an incident candidate when its share of the desk's
// reports bursts above its usual share; the Tracker decides, ticket by
// ticket, which incident a ticket belongs to.
//
// The package is pure: it performs no I/O and never reads the clock. Every
// time it reasons about comes from Ticket.At or from the now argument of
// Expire and Refine, so replaying the same tickets in the same order through
// a fresh Engine gives the same assignments.
//
// The pipeline for one ticket is:
//
//  1. Normalisation (Normalize): a bounded prefix of the text, invalid UTF-8
//     repaired, HTML, quoted replies and signatures stripped, Unicode NFKC and
//     case folding, URLs, emails, numbers and ids replaced by placeholders,
//     contractions expanded with negation kept as one "not" token, Snowball
//     English stemming and a domain lexicon mapping phrases to canonical
//     tokens ("sign in", "SSO", "log on" all become "login").
//  2. Representation: sparse TF-IDF over character n-grams (word unigrams,
//     bigrams and lexicon concepts are further, weighted families) hashed
//     into a fixed space, with document frequencies learned online with
//     exponential decay, so no training corpus is needed.
//  3. Online clustering: an inverted index over the clusters' strongest
//     content words proposes candidate clusters; the ticket joins the most similar
//     active cluster if the cosine similarity clears Config.Threshold, else it
//     starts a new one. Refine periodically recomputes centroids with the
//     current document frequencies, reassigns stray tickets, merges
//     clusters whose average-link similarity converged and dissolves tiny
//     clusters into their neighbours.
//  4. Burst detection: a topic (a cluster, a product feature named in
//     reports, or a report's recent look-alikes) becomes an incident
//     candidate when it has at least BurstMinReports reports from
//     BurstMinCustomers customers within BurstWindow (or the Slow*
//     equivalents over hours) and its share of all the desk's reports is
//     well above its usual share (a factor and a Poisson significance), so
//     a surge that lifts every topic at once pages nobody.
//  5. Membership (Tracker): each ticket is judged once, at its time
//     (and once more within CatchUp if a young incident's profile grows
//     toward it), against the symptom profile of each open incident, with the
//     message's cues (individual problem, many affected, follow-up, not a
//     report) raising or lowering the bar; see docs/triage.md.
//
// Figures, defaults and what was measured to choose them are in README.md
// beside this file.
//
// Operator corrections (Merge, Move, Suppress) are remembered as exemplars
// that steer later assignments.
package triage

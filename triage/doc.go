// Package triage groups look-alike support tickets into clusters online and
// flags a cluster as an incident candidate when it bursts above its own
// normal rate.
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
//  4. Burst detection: a cluster becomes an incident candidate once when it
//     has at least BurstMinReports reports from BurstMinCustomers distinct
//     customers within BurstWindow and that count is well above the
//     cluster's own baseline (an EWMA of its past hourly counts, or its
//     long-run rate).
//
// Figures, defaults and what was measured to choose them are in README.md
// beside this file.
//
// Operator corrections (Merge, Move, Suppress) are remembered as exemplars
// that steer later assignments.
package triage

package triage

import (
	"fmt"
	"math"
	"slices"
	"time"
)

// Config holds every tunable of the engine. Start from DefaultConfig and
// change fields; Validate reports the first bad field by name.
//
// The clustering defaults were chosen on training and development splits
// only (BANKING77 train, Bitext train, DSTC11 development), never on the test
// splits that the README reports.
type Config struct {
	// Threshold is the cosine similarity a ticket needs with a cluster's
	// centroid to join it; below it the ticket starts a new cluster.
	Threshold float64
	// Candidates is how many clusters, proposed by the inverted index, are
	// scored exactly for each ticket.
	Candidates int
	// QueryTerms is how many of a ticket's content words (the strongest by
	// IDF first) are looked up in the inverted index.
	QueryTerms int
	// IndexTerms is how many of a cluster's strongest content words are
	// entered into the inverted index.
	IndexTerms int
	// MaxPostings makes the candidate search skip words whose posting
	// list is longer than this (words shared by that many clusters do not
	// narrow the search); it bounds the cost per ticket. When every word of
	// a ticket is skipped, the shortest list is scanned. Zero means no
	// limit.
	MaxPostings int
	// MaxCentroidTerms bounds a centroid's features (the weakest are
	// dropped), which bounds memory and scoring cost for big clusters.
	// Zero means unbounded.
	MaxCentroidTerms int

	// HashBits sets the hashed feature space to 2^HashBits dimensions.
	HashBits int
	// MaxTextBytes bounds the prefix of a ticket's text that is analysed.
	MaxTextBytes int
	// WordWeight, BigramWeight and CharWeight scale the three feature
	// families (word unigrams, word bigrams, character n-grams) before the
	// vector is L2-normalised. A zero weight disables the family.
	WordWeight, BigramWeight, CharWeight float64
	// ConceptWeight adds one feature per canonical lexicon token (a
	// curated signal such as "login" or "pending") on top of its character
	// n-grams. Zero disables it.
	ConceptWeight float64
	// CharMin and CharMax are the character n-gram lengths, taken inside
	// word boundaries (like scikit-learn's char_wb analyser).
	CharMin, CharMax int
	// CharStopwords takes character n-grams from stop words too (as
	// scikit-learn's char_wb does); otherwise only content words give
	// character n-grams. A text of stop words only then uses them as its
	// retrieval keys.
	CharStopwords bool
	// StopwordPrior is how many pseudo-documents made of every stop word
	// the document frequencies start with (with CharStopwords), so that
	// stop-word n-grams do not outweigh content while the engine has seen
	// few tickets. Zero disables it.
	StopwordPrior float64
	// NoStemming turns Snowball stemming off.
	NoStemming bool
	// DFHalfLife is the number of tickets after which an old document
	// frequency counts half, so the vocabulary's weights follow drift.
	DFHalfLife int
	// NoLexicon disables the embedded default lexicon (LexiconExtra still
	// applies).
	NoLexicon bool
	// LexiconExtra adds or overrides lexicon entries, in the same
	// "canonical: phrase, phrase" format as DefaultLexicon().
	LexiconExtra string

	// QuietTime is how long a cluster may go without a ticket before it is
	// no longer joined and Expire drops it.
	QuietTime time.Duration
	// SuppressedQuietTime is QuietTime for clusters marked "not an
	// incident", which are kept much longer so the trickle keeps landing
	// there.
	SuppressedQuietTime time.Duration

	// RefineIterations is the number of reassignment sweeps Refine makes
	// over the tickets of active clusters (0 disables reassignment).
	RefineIterations int
	// MergeThreshold is the average-link similarity (mean pairwise cosine
	// between the two clusters' tickets) above which Refine merges two
	// clusters.
	MergeThreshold float64
	// SmallCluster is the size at or below which Refine dissolves a cluster
	// into its nearest neighbour, when the ticket's similarity to that
	// neighbour is at least SmallThreshold.
	SmallCluster   int
	SmallThreshold float64

	// BurstWindow, BurstMinReports and BurstMinCustomers are a storm's
	// absolute criteria: at least BurstMinReports reports from at least
	// BurstMinCustomers distinct customers within BurstWindow.
	BurstWindow       time.Duration
	BurstMinReports   int
	BurstMinCustomers int
	// BurstFactor is the relative criterion: the cluster's count within
	// the window must be at least BurstFactor times its usual share of the
	// desk's reports times the desk's reports in the window (see burst.go).
	BurstFactor float64
	// SlowWindow, SlowMinReports, SlowMinCustomers and SlowFactor are the
	// same criteria for a slow burn over a longer window.
	SlowWindow       time.Duration
	SlowMinReports   int
	SlowMinCustomers int
	SlowFactor       float64
	SlowWarmup       int
	// Warmup is how many tickets the desk must have seen before a storm
	// can be told (SlowWarmup for a slow burn). 0 by default: the prior
	// (PriorShare, PriorWeight) already asks a young desk's topic for a
	// large share before it pages, which a uniform surge never gives (a
	// 20,000-ticket BANKING77 surge on a fresh desk opens nothing without
	// a warm-up), while a storm in a fresh desk's first hour (wagewise's
	// geofence outage, 07:23 on its first morning) opened at its 18th
	// report with 20 and opens at its 5th without.
	Warmup int
	// Significance is the largest chance, under the topic's usual rate,
	// of seeing a window's count for it to be a burst (see burst.go).
	Significance float64
	// PriorShare and PriorWeight are the prior of a topic's usual share:
	// PriorWeight pseudo-reports at share PriorShare. They decide how much
	// history the engine needs before a modest burst pages (the warm-up).
	PriorShare  float64
	PriorWeight float64
	// ReArm is how long after a cluster became a candidate it can become
	// one again.
	ReArm time.Duration

	// Features are the product's features as lexicon tokens (login,
	// screenshare, checkout...): reports naming one are also counted per
	// feature, so that a storm worded in many ways is seen as one (see
	// observeFeatures). DefaultConfig lists the built-in ones; a
	// service adds its configuration's.
	Features []string

	// DenseWeight is the weight of the dense block (the shipped word
	// vectors' SIF-weighted mean of a ticket's words, see vectors.go) in
	// every similarity: a ticket's vector is its hashed features scaled by
	// sqrt(1-DenseWeight) followed by its dense vector scaled by
	// sqrt(DenseWeight), so a cosine is (1-w)·sparse + w·dense. Zero
	// disables the block.
	DenseWeight float64
	// VectorRefit is how many new tickets make Refine refit the dense
	// block's word vectors on the shipped counts and the desk's own
	// tickets (see veclearn.go); 0 keeps the shipped vectors.
	VectorRefit int
	// VectorDeskWeight is what one of the desk's tickets counts in a
	// refit against one text of the shipped corpus.
	VectorDeskWeight float64
	// VectorHalfLife is how many tickets halve the desk's co-occurrence
	// counts, so the vocabulary follows the desk.
	VectorHalfLife int

	// Tracker holds the thresholds of incident membership (see Tracker).
	Tracker TrackerConfig
}

// BuiltinFeatures are the product-feature tokens of the default lexicon.
var BuiltinFeatures = []string{"login", "logout", "password", "twofactor", "screenshare", "video", "audio", "notification", "upload", "download"}

// DefaultConfig returns the documented defaults: DenseConfig, the hashed
// features below plus the dense block of shipped word vectors.
//
// Features: character 3-5-grams within word boundaries, sublinear tf, one
// extra feature (weight 0.3) per canonical lexicon token, no word unigram
// or bigram features (measured: no gain), hashed into 2^20 dimensions, from
// the first 8 KiB of text, with document frequencies halving every 50,000
// tickets. Stop words give no n-grams: CharStopwords (with StopwordPrior
// 5) clusters a little better, ARI +0.006 to +0.038 on the train and
// development splits and +0.009 to +0.016 on the test splits (means over
// 5 orders), but costs 28 % more CPU per ticket at 10,000 clusters.
//
// Clustering (SparseConfig; DenseConfig changes the join and merge
// thresholds): a ticket joins the best of 5 exactly scored candidates at
// cosine similarity 0.20 or more; candidates come from an inverted index
// of each centroid's 16 strongest content words (64 query words at most,
// lists longer than 200 skipped); centroids keep their 300 strongest
// features. Clusters expire after 48 h of quiet (30 days when suppressed).
// Refine makes 3 reassignment sweeps, merges at an average-link similarity
// of 0.15 and dissolves clusters of at most 2 tickets into a neighbour at
// similarity 0.15 or more.
//
// Bursts: at least 8 reports from 5 distinct customers within 30 minutes,
// and at least 4 times the cluster's baseline (the larger of the EWMA, span
// 24, of its hourly counts and its long-run hourly rate) scaled to the
// window.
func DefaultConfig() Config {
	return DenseConfig()
}

// DenseConfig is SparseConfig with the dense block on (see vectors.go), at
// the weight and clustering thresholds chosen for it on the training and
// development splits: similarities mix (1-w)·sparse + w·dense, and dense
// cosines run higher than sparse ones, so a ticket needs more to join a
// cluster and clusters more to merge. The tracker's membership thresholds
// are unchanged: it reads the sparse part only.
func DenseConfig() Config {
	c := SparseConfig()
	c.DenseWeight = 0.3
	c.VectorRefit = 500
	c.VectorDeskWeight = 1
	c.VectorHalfLife = 100_000
	c.Threshold = 0.30
	c.MergeThreshold = 0.25
	c.SmallThreshold = 0.25
	return c
}

// SparseConfig is the engine on its hashed features alone, as tuned before
// the dense block.
func SparseConfig() Config {
	return Config{
		Threshold:        0.20,
		Candidates:       5,
		QueryTerms:       64,
		IndexTerms:       16,
		MaxPostings:      200,
		MaxCentroidTerms: 300,

		HashBits:      20,
		MaxTextBytes:  8 << 10,
		WordWeight:    0,
		BigramWeight:  0,
		CharWeight:    1.0,
		ConceptWeight: 0.3,
		CharMin:       3,
		CharMax:       5,
		StopwordPrior: 5,
		DFHalfLife:    50_000,

		QuietTime:           48 * time.Hour,
		SuppressedQuietTime: 30 * 24 * time.Hour,

		RefineIterations: 3,
		MergeThreshold:   0.15,
		SmallCluster:     2,
		SmallThreshold:   0.15,

		BurstWindow:       30 * time.Minute,
		BurstMinReports:   4,
		BurstMinCustomers: 4,
		BurstFactor:       3,
		SlowWindow:        6 * time.Hour,
		SlowMinReports:    5,
		SlowMinCustomers:  5,
		SlowFactor:        4,
		SlowWarmup:        100,
		Warmup:            0,
		Significance:      1e-3,
		PriorShare:        0.05,
		PriorWeight:       20,
		ReArm:             12 * time.Hour,

		Features: slices.Clone(BuiltinFeatures),
		Tracker:  DefaultTrackerConfig(),
	}
}

// Validate reports the first invalid field by name.
func (c Config) Validate() error {
	bad := func(field string, why string) error {
		return fmt.Errorf("triage: config %s: %s", field, why)
	}
	switch {
	case !(c.Threshold > 0 && c.Threshold <= 1):
		return bad("Threshold", fmt.Sprintf("must be in (0, 1], got %v", c.Threshold))
	case c.Candidates < 1:
		return bad("Candidates", fmt.Sprintf("must be at least 1, got %d", c.Candidates))
	case c.QueryTerms < 1:
		return bad("QueryTerms", fmt.Sprintf("must be at least 1, got %d", c.QueryTerms))
	case c.IndexTerms < 1:
		return bad("IndexTerms", fmt.Sprintf("must be at least 1, got %d", c.IndexTerms))
	case c.MaxPostings < 0:
		return bad("MaxPostings", "must not be negative")
	case c.MaxCentroidTerms != 0 && c.MaxCentroidTerms < c.IndexTerms:
		return bad("MaxCentroidTerms", fmt.Sprintf("must be 0 or at least IndexTerms (%d), got %d", c.IndexTerms, c.MaxCentroidTerms))
	case c.HashBits < 10 || c.HashBits > 26:
		return bad("HashBits", fmt.Sprintf("must be in [10, 26], got %d", c.HashBits))
	case c.MaxTextBytes < 64:
		return bad("MaxTextBytes", fmt.Sprintf("must be at least 64, got %d", c.MaxTextBytes))
	case c.WordWeight < 0:
		return bad("WordWeight", "must not be negative")
	case c.BigramWeight < 0:
		return bad("BigramWeight", "must not be negative")
	case c.ConceptWeight < 0:
		return bad("ConceptWeight", "must not be negative")
	case c.CharWeight < 0:
		return bad("CharWeight", "must not be negative")
	case c.WordWeight+c.BigramWeight+c.CharWeight == 0:
		return bad("WordWeight", "at least one of WordWeight, BigramWeight, CharWeight must be positive")
	case c.CharWeight > 0 && (c.CharMin < 1 || c.CharMax < c.CharMin || c.CharMax > 8):
		return bad("CharMin", fmt.Sprintf("want 1 <= CharMin <= CharMax <= 8, got %d..%d", c.CharMin, c.CharMax))
	case c.StopwordPrior < 0 || math.IsNaN(c.StopwordPrior) || math.IsInf(c.StopwordPrior, 0):
		return bad("StopwordPrior", fmt.Sprintf("must be a number of at least 0, got %v", c.StopwordPrior))
	case c.DFHalfLife < 1:
		return bad("DFHalfLife", fmt.Sprintf("must be at least 1, got %d", c.DFHalfLife))
	case c.QuietTime <= 0:
		return bad("QuietTime", "must be positive")
	case c.SuppressedQuietTime < c.QuietTime:
		return bad("SuppressedQuietTime", "must be at least QuietTime")
	case c.RefineIterations < 0:
		return bad("RefineIterations", "must not be negative")
	case !(c.MergeThreshold > 0 && c.MergeThreshold <= 1):
		return bad("MergeThreshold", fmt.Sprintf("must be in (0, 1], got %v", c.MergeThreshold))
	case c.SmallCluster < 0:
		return bad("SmallCluster", "must not be negative")
	case !(c.SmallThreshold > 0 && c.SmallThreshold <= 1):
		return bad("SmallThreshold", fmt.Sprintf("must be in (0, 1], got %v", c.SmallThreshold))
	case c.BurstWindow <= 0:
		return bad("BurstWindow", "must be positive")
	case c.BurstMinReports < 1:
		return bad("BurstMinReports", "must be at least 1")
	case c.BurstMinCustomers < 1 || c.BurstMinCustomers > c.BurstMinReports:
		return bad("BurstMinCustomers", "must be in [1, BurstMinReports]")
	case !(c.BurstFactor >= 1):
		return bad("BurstFactor", "must be at least 1")
	case c.SlowWindow < c.BurstWindow:
		return bad("SlowWindow", "must be at least BurstWindow")
	case c.SlowMinReports < 1:
		return bad("SlowMinReports", "must be at least 1")
	case c.SlowMinCustomers < 1 || c.SlowMinCustomers > c.SlowMinReports:
		return bad("SlowMinCustomers", "must be in [1, SlowMinReports]")
	case !(c.SlowFactor >= 1):
		return bad("SlowFactor", "must be at least 1")
	case c.SlowWarmup < 0:
		return bad("SlowWarmup", "must not be negative")
	case c.Warmup < 0:
		return bad("Warmup", "must not be negative")
	case !(c.Significance > 0 && c.Significance < 1):
		return bad("Significance", fmt.Sprintf("must be in (0, 1), got %v", c.Significance))
	case !(c.PriorShare > 0 && c.PriorShare <= 1):
		return bad("PriorShare", fmt.Sprintf("must be in (0, 1], got %v", c.PriorShare))
	case !(c.PriorWeight > 0) || math.IsInf(c.PriorWeight, 0):
		return bad("PriorWeight", "must be positive")
	case c.ReArm <= 0:
		return bad("ReArm", "must be positive")
	case !(c.DenseWeight >= 0 && c.DenseWeight < 1):
		return bad("DenseWeight", fmt.Sprintf("must be in [0, 1), got %v", c.DenseWeight))
	case c.VectorRefit < 0:
		return bad("VectorRefit", fmt.Sprintf("must not be negative, got %d", c.VectorRefit))
	case !(c.VectorDeskWeight >= 0 && c.VectorDeskWeight <= 1000):
		return bad("VectorDeskWeight", fmt.Sprintf("must be in [0, 1000], got %v", c.VectorDeskWeight))
	case c.VectorRefit > 0 && c.VectorHalfLife < 1:
		return bad("VectorHalfLife", fmt.Sprintf("must be at least 1 when VectorRefit is set, got %d", c.VectorHalfLife))
	}
	if c.LexiconExtra != "" {
		if _, err := ParseLexicon(c.LexiconExtra, nil); err != nil {
			return fmt.Errorf("triage: config LexiconExtra: %w", err)
		}
	}
	return nil
}

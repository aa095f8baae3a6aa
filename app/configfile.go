package app

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"stormdesk/config"
	"stormdesk/triage"
	"stormdesk/upstream"
)

// ConfigFile is what a STORMDESK_CONFIG file holds: the dependencies,
// probes and features upstream reads, and the status page's section.
type ConfigFile struct {
	// Upstream is nil when the file has nothing but a status page.
	Upstream   *upstream.Config
	StatusPage *config.StatusPage
}

// LoadConfigFile reads and validates a STORMDESK_CONFIG file whole: the
// status_page section (config.SplitStatusPage) and the rest
// (upstream.LoadConfigWith, with its line numbers unchanged), then checks
// that every component names a feature triage or the file knows. Every
// problem is reported, joined in one error.
func LoadConfigFile(path string, opt upstream.LoadOptions) (*ConfigFile, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	sp, rest, spErr := config.SplitStatusPage(data, path)
	f := &ConfigFile{StatusPage: sp}
	if spErr != nil && rest == nil {
		return nil, spErr
	}
	if rest != nil || sp == nil {
		if f.Upstream, err = upstream.LoadConfigWith(bytes.NewReader(rest), path, opt); err != nil || spErr != nil {
			return nil, errors.Join(spErr, err)
		}
	}
	if err := sp.CheckFeatures(path, f.KnownFeatures()); err != nil {
		return nil, err
	}
	return f, nil
}

// KnownFeatures lists the features triage knows (built in, and those the
// file's features, dependencies and probes add), as lexicon tokens.
func (f *ConfigFile) KnownFeatures() []string {
	known := slices.Clone(triage.BuiltinFeatures)
	if f.Upstream != nil {
		for _, n := range f.Upstream.FeatureNames() {
			if n = strings.ReplaceAll(n, "-", "_"); !slices.Contains(known, n) {
				known = append(known, n)
			}
		}
	}
	return known
}

// Problems splits a LoadConfigFile error into its problems, one per line
// of `config check`'s output.
func Problems(err error) []error {
	joined, ok := err.(interface{ Unwrap() []error })
	if !ok {
		return []error{err}
	}
	var out []error
	for _, e := range joined.Unwrap() {
		out = append(out, Problems(e)...)
	}
	return out
}

package upstream

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Defaults applied to fields a configuration leaves out.
const (
	DefaultInterval      = 60 * time.Second
	DefaultTimeout       = 10 * time.Second
	DefaultProbeTimeout  = 10 * time.Second
	DefaultFailures      = 3
	DefaultExpectStatus  = http.StatusOK
	MinInterval          = 5 * time.Second
	maxConfigBytes       = 1 << 20
	defaultProbeMethod   = http.MethodGet
	maxConfigListEntries = 1000
)

// Config lists the upstream services stormdesk watches.
type Config struct {
	Dependencies []Dependency
	Probes       []Probe
	// Features is the product's own vocabulary: each feature token with
	// the phrases customers use for it, in file order. It extends the
	// triage lexicon, and dependencies and probes may name its features.
	Features []Feature
}

// Feature is one product feature and the phrases that mean it.
type Feature struct {
	Name    string
	Phrases []string
	Line    int
}

// Lexicon renders the features in the triage lexicon's format
// ("name: phrase, phrase" lines). A feature a dependency or probe names
// without defining it gets its own name as its one phrase, so that a
// ticket saying "billing" is about billing.
func (c *Config) Lexicon() string {
	if c == nil {
		return ""
	}
	var b strings.Builder
	defined := map[string]bool{}
	for _, f := range c.Features {
		defined[f.Name] = true
		b.WriteString(f.Name + ": " + strings.Join(f.Phrases, ", ") + "\n")
	}
	var named []string
	for _, d := range c.Dependencies {
		named = append(named, d.Features...)
	}
	for _, p := range c.Probes {
		named = append(named, p.Features...)
	}
	for _, n := range named {
		canon := strings.ReplaceAll(n, "-", "_")
		if !defined[canon] {
			defined[canon] = true
			b.WriteString(canon + ": " + strings.ReplaceAll(n, "-", " ") + "\n")
		}
	}
	return b.String()
}

// FeatureNames lists the features the configuration defines or names.
func (c *Config) FeatureNames() []string {
	var out []string
	add := func(n string) {
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	for _, f := range c.Features {
		add(f.Name)
	}
	for _, d := range c.Dependencies {
		for _, f := range d.Features {
			add(f)
		}
	}
	for _, p := range c.Probes {
		for _, f := range p.Features {
			add(f)
		}
	}
	return out
}

// Dependency is a service the product relies on, watched through its
// status feed.
type Dependency struct {
	// Name identifies the provider in events and dedup keys: lower-case,
	// like "auth0".
	Name string
	Feed Feed
	// Components names the components of interest (by name or id); empty
	// means all.
	Components []string
	// Features are the product features the dependency backs, as lexicon
	// tokens ("login", "screenshare").
	Features []string
	// Keywords are extra words that tie tickets to this dependency.
	Keywords []string
	Interval time.Duration
	Timeout  time.Duration
	// Line is where the entry starts in the file.
	Line int
}

// Feed says where and in which format a provider publishes its status.
type Feed struct {
	Kind Kind
	URL  string
}

// Probe is a synthetic HTTP check of the product itself.
type Probe struct {
	ProbeConfig
	Interval time.Duration
	// Failures is how many consecutive failures make the probe count as
	// failing.
	Failures int
	// Features are the product features the probe guards.
	Features []string
	Line     int
}

// ConfigError is one problem in a configuration file, located by line and
// field: "stormdesk.yaml:12: dependencies[0].feed.kind: …".
type ConfigError struct {
	File  string
	Line  int
	Field string
	Msg   string
}

// Error implements error.
func (e *ConfigError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		b.WriteString(":" + strconv.Itoa(e.Line))
	}
	b.WriteString(": ")
	if e.Field != "" {
		b.WriteString(e.Field + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// LoadConfigFile reads and validates the configuration file at path.
func LoadConfigFile(path string) (*Config, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("upstream: config: %w", err)
	}
	defer f.Close()
	return LoadConfig(f, path)
}

// LoadConfigFileWith is LoadConfigFile with options.
func LoadConfigFileWith(path string, opt LoadOptions) (*Config, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("upstream: config: %w", err)
	}
	defer f.Close()
	return LoadConfigWith(f, path, opt)
}

// LoadConfig reads a YAML configuration strictly: unknown fields, wrong
// types and invalid values are all reported, each naming the line and the
// field, joined in one error (errors.As finds each *ConfigError). name is
// the file name used in messages. Defaults fill what is left out.
func LoadConfig(r io.Reader, name string) (*Config, error) {
	return LoadConfigWith(r, name, LoadOptions{})
}

// LoadOptions relax what LoadConfig requires.
type LoadOptions struct {
	// FeedOptional accepts dependencies without a feed: a replay serves
	// their status updates itself.
	FeedOptional bool
}

// LoadConfigWith is LoadConfig with options.
func LoadConfigWith(r io.Reader, name string, opt LoadOptions) (*Config, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxConfigBytes+1))
	if err != nil {
		return nil, fmt.Errorf("upstream: config: read %s: %w", name, err)
	}
	p := &cfgParser{file: name, feedOptional: opt.FeedOptional}
	if len(data) > maxConfigBytes {
		return nil, p.fail(0, "", "larger than %d bytes", maxConfigBytes)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, p.yamlErr(err, data)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 || doc.Content[0].Kind == yaml.ScalarNode && doc.Content[0].Tag == "!!null" {
		return nil, p.fail(0, "", "empty: want dependencies, probes and/or features")
	}
	cfg := &Config{}
	p.mapping(doc.Content[0], "", map[string]func(*yaml.Node, string){
		"dependencies": func(n *yaml.Node, path string) {
			p.list(n, path, func(n *yaml.Node, path string) { cfg.Dependencies = append(cfg.Dependencies, p.dependency(n, path)) })
		},
		"probes": func(n *yaml.Node, path string) {
			p.list(n, path, func(n *yaml.Node, path string) { cfg.Probes = append(cfg.Probes, p.probe(n, path)) })
		},
		"features": func(n *yaml.Node, path string) { cfg.Features = p.vocabulary(n, path) },
	})
	if len(p.errs) == 0 && len(cfg.Dependencies) == 0 && len(cfg.Probes) == 0 && len(cfg.Features) == 0 {
		p.add(doc.Content[0].Line, "", "no dependencies, no probes and no features")
	}
	p.unique(cfg)
	if len(p.errs) > 0 {
		return nil, errors.Join(p.errs...)
	}
	return cfg, nil
}

// cfgParser walks the YAML node tree, which keeps line numbers, and
// collects every error instead of stopping at the first.
type cfgParser struct {
	file         string
	errs         []error
	feedOptional bool
}

func (p *cfgParser) add(line int, field, format string, args ...any) {
	p.errs = append(p.errs, &ConfigError{File: p.file, Line: line, Field: field, Msg: fmt.Sprintf(format, args...)})
}

func (p *cfgParser) fail(line int, field, format string, args ...any) error {
	return &ConfigError{File: p.file, Line: line, Field: field, Msg: fmt.Sprintf(format, args...)}
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlParserProblems are the problems yaml.v3's parser (as opposed to its
// scanner) reports. yaml.v3 numbers lines from 0 in those and from 1 in
// the scanner's (its decode.go adds 1 for scanner errors only), so an
// unclosed "[login" on line 8 comes as "line 7": these get the 1 back.
var yamlParserProblems = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected <stream-start>":   true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"found duplicate %TAG directive":         true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}

// yamlErr locates a YAML syntax error in data by line.
func (p *cfgParser) yamlErr(err error, data []byte) error {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		if yamlParserProblems[m[2]] {
			n++
		}
		// A problem found at the end of the input is on its last line,
		// not on the empty one after the final newline.
		n = min(n, max(bytes.Count(bytes.TrimRight(data, "\n"), []byte("\n"))+1, 1))
		return p.fail(n, "", "invalid YAML: %s", m[2])
	}
	problem := strings.TrimPrefix(msg, "yaml: ")
	if yamlParserProblems[problem] {
		// yaml.v3 leaves out "line 0": the first line.
		return p.fail(1, "", "invalid YAML: %s", problem)
	}
	return p.fail(0, "", "invalid YAML: %s", problem)
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	return "a " + strings.TrimPrefix(n.ShortTag(), "!!")
}

// usable rejects aliases, which would let a small file expand into a huge
// configuration, and reports wrong node kinds.
func (p *cfgParser) usable(n *yaml.Node, path string, want yaml.Kind, what string) bool {
	if n.Kind == yaml.AliasNode {
		p.add(n.Line, path, "YAML aliases are not supported here")
		return false
	}
	if n.Kind != want {
		p.add(n.Line, path, "want %s, got %s", what, kindName(n))
		return false
	}
	return true
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// mapping visits the known fields of a mapping and reports unknown and
// repeated ones.
func (p *cfgParser) mapping(n *yaml.Node, path string, fields map[string]func(*yaml.Node, string)) {
	if !p.usable(n, path, yaml.MappingNode, "a mapping") {
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := k.Value
		field := join(path, key)
		f, ok := fields[key]
		switch {
		case k.Kind != yaml.ScalarNode:
			p.add(k.Line, path, "keys must be plain words")
		case !ok:
			known := make([]string, 0, len(fields))
			for name := range fields {
				known = append(known, name)
			}
			slices.Sort(known)
			p.add(k.Line, field, "unknown field (known: %s)", strings.Join(known, ", "))
		case seen[key]:
			p.add(k.Line, field, "given twice")
		default:
			seen[key] = true
			f(v, field)
		}
	}
}

func (p *cfgParser) list(n *yaml.Node, path string, each func(*yaml.Node, string)) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return
	}
	if !p.usable(n, path, yaml.SequenceNode, "a list") {
		return
	}
	if len(n.Content) > maxConfigListEntries {
		p.add(n.Line, path, "more than %d entries", maxConfigListEntries)
		return
	}
	for i, c := range n.Content {
		each(c, fmt.Sprintf("%s[%d]", path, i))
	}
}

func (p *cfgParser) str(n *yaml.Node, path string) string {
	if !p.usable(n, path, yaml.ScalarNode, "a string") {
		return ""
	}
	if n.Tag == "!!null" {
		return ""
	}
	return strings.TrimSpace(n.Value)
}

func (p *cfgParser) strList(n *yaml.Node, path string) []string {
	var out []string
	p.list(n, path, func(c *yaml.Node, cpath string) {
		s := p.str(c, cpath)
		if s == "" && c.Kind == yaml.ScalarNode {
			p.add(c.Line, cpath, "empty")
			return
		}
		if slices.Contains(out, s) {
			p.add(c.Line, cpath, "%q is listed twice", s)
			return
		}
		out = append(out, s)
	})
	return out
}

func (p *cfgParser) duration(n *yaml.Node, path string) time.Duration {
	s := p.str(n, path)
	if s == "" {
		return 0
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		p.add(n.Line, path, "%q is not a duration (like 30s or 2m)", s)
		return 0
	}
	if d <= 0 {
		p.add(n.Line, path, "%s is not positive", s)
	}
	return d
}

func (p *cfgParser) integer(n *yaml.Node, path string) (int, bool) {
	s := p.str(n, path)
	v, err := strconv.Atoi(s)
	if err != nil {
		if n.Kind == yaml.ScalarNode {
			p.add(n.Line, path, "%q is not a whole number", s)
		}
		return 0, false
	}
	return v, true
}

// nameRE is the shape of dependency and probe names, which appear in
// dedup keys and chat commands.
var nameRE = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,62}$`)

// featureRE is the shape of a lexicon token: lower-case words joined by
// hyphens or underscores.
var featureRE = regexp.MustCompile(`^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$`)

func (p *cfgParser) name(n *yaml.Node, path string) string {
	s := p.str(n, path)
	if s != "" && !nameRE.MatchString(s) {
		p.add(n.Line, path, "%q is not a lower-case name (letters, digits, '.', '_' or '-')", s)
	}
	return s
}

func (p *cfgParser) features(n *yaml.Node, path string) []string {
	fs := p.strList(n, path)
	for i, f := range fs {
		if !featureRE.MatchString(f) {
			line := n.Line
			if i < len(n.Content) {
				line = n.Content[i].Line
			}
			p.add(line, fmt.Sprintf("%s[%d]", path, i), "%q is not a feature token (lower-case words, like login or screen-share)", f)
		}
	}
	return fs
}

func (p *cfgParser) httpURL(n *yaml.Node, path string) string {
	s := p.str(n, path)
	if s == "" {
		return ""
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		p.add(n.Line, path, "%s is not an http or https URL", RedactURL(s))
	}
	return s
}

func (p *cfgParser) dependency(n *yaml.Node, path string) Dependency {
	d := Dependency{Line: n.Line}
	lines := map[string]int{}
	feedLine, auto := 0, false
	p.mapping(n, path, map[string]func(*yaml.Node, string){
		"name": func(v *yaml.Node, f string) { d.Name = p.name(v, f) },
		"feed": func(v *yaml.Node, f string) {
			feedLine = v.Line
			p.mapping(v, f, map[string]func(*yaml.Node, string){
				"kind": func(v *yaml.Node, f string) {
					s := p.str(v, f)
					if strings.EqualFold(strings.TrimSpace(s), "auto") {
						// Told from each payload, as `upstream read --kind auto`.
						d.Feed.Kind, auto = "", true
						return
					}
					k, err := ParseKind(s)
					if err != nil {
						p.add(v.Line, f, "%q is not %s, or auto", s, KindList())
					}
					d.Feed.Kind = k
				},
				"url": func(v *yaml.Node, f string) { d.Feed.URL = p.httpURL(v, f) },
			})
		},
		"components": func(v *yaml.Node, f string) { d.Components = p.strList(v, f) },
		"features":   func(v *yaml.Node, f string) { d.Features = p.features(v, f) },
		"keywords":   func(v *yaml.Node, f string) { d.Keywords = p.strList(v, f) },
		"interval":   func(v *yaml.Node, f string) { d.Interval, lines["interval"] = p.duration(v, f), v.Line },
		"timeout":    func(v *yaml.Node, f string) { d.Timeout, lines["timeout"] = p.duration(v, f), v.Line },
	})
	if n.Kind != yaml.MappingNode {
		return d
	}
	d.Interval = cmpOrDur(d.Interval, DefaultInterval)
	d.Timeout = cmpOrDur(d.Timeout, DefaultTimeout)
	if d.Name == "" && !p.has(join(path, "name")) {
		p.add(n.Line, join(path, "name"), "required")
	}
	switch {
	case feedLine == 0 && p.feedOptional:
	case feedLine == 0:
		p.add(n.Line, join(path, "feed"), "required (kind and url)")
	case d.Feed.Kind == "" && !auto && !p.has(join(path, "feed.kind")):
		p.add(feedLine, join(path, "feed.kind"), "required: %s", KindList())
	}
	if feedLine != 0 && d.Feed.URL == "" && !p.has(join(path, "feed.url")) {
		p.add(feedLine, join(path, "feed.url"), "required")
	}
	if len(d.Features) == 0 && !p.has(join(path, "features")) {
		p.add(n.Line, join(path, "features"), "required: the product features this dependency backs")
	}
	p.timing(n.Line, lines, path, d.Interval, d.Timeout)
	return d
}

// has reports whether an error was already recorded for field, so that a
// bad value is not also reported as missing.
func (p *cfgParser) has(field string) bool {
	for _, e := range p.errs {
		var ce *ConfigError
		if errors.As(e, &ce) && strings.HasPrefix(ce.Field, field) {
			return true
		}
	}
	return false
}

// timing checks an entry's interval and timeout; lines holds where each
// was given (0 when it was defaulted).
func (p *cfgParser) timing(line int, lines map[string]int, path string, interval, timeout time.Duration) {
	at := func(field string) int { return cmp.Or(lines[field], line) }
	switch {
	case interval > 0 && interval < MinInterval:
		p.add(at("interval"), join(path, "interval"), "%s is shorter than the minimum %s", interval, MinInterval)
	case timeout > 0 && interval > 0 && timeout > interval:
		p.add(at("timeout"), join(path, "timeout"), "%s is longer than the interval %s", timeout, interval)
	}
}

var probeMethods = []string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}

// headerNameRE is the token syntax of RFC 9110 field names.
var headerNameRE = regexp.MustCompile("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")

func (p *cfgParser) probe(n *yaml.Node, path string) Probe {
	pr := Probe{Line: n.Line}
	lines := map[string]int{}
	p.mapping(n, path, map[string]func(*yaml.Node, string){
		"name": func(v *yaml.Node, f string) { pr.Name = p.name(v, f) },
		"url":  func(v *yaml.Node, f string) { pr.URL = p.httpURL(v, f) },
		"method": func(v *yaml.Node, f string) {
			pr.Method = strings.ToUpper(p.str(v, f))
			if pr.Method != "" && !slices.Contains(probeMethods, pr.Method) {
				p.add(v.Line, f, "%q is not one of %s", pr.Method, strings.Join(probeMethods, ", "))
			}
		},
		"headers": func(v *yaml.Node, f string) {
			if !p.usable(v, f, yaml.MappingNode, "a mapping of header names to values") {
				return
			}
			pr.Headers = map[string]string{}
			for i := 0; i+1 < len(v.Content); i += 2 {
				k, val := v.Content[i], v.Content[i+1]
				field := join(f, k.Value)
				if !headerNameRE.MatchString(k.Value) {
					p.add(k.Line, field, "not a valid header name")
					continue
				}
				s := p.str(val, field)
				if strings.ContainsAny(s, "\r\n") {
					p.add(val.Line, field, "header values cannot span lines")
					continue
				}
				pr.Headers[k.Value] = s
			}
		},
		"body": func(v *yaml.Node, f string) {
			if p.usable(v, f, yaml.ScalarNode, "a string") {
				pr.Body = v.Value
			}
		},
		"expect_status": func(v *yaml.Node, f string) {
			var ok bool
			if pr.ExpectStatus, ok = p.integer(v, f); ok && (pr.ExpectStatus < 100 || pr.ExpectStatus > 599) {
				p.add(v.Line, f, "%d is not an HTTP status", pr.ExpectStatus)
			}
		},
		"expect_body": func(v *yaml.Node, f string) {
			if p.usable(v, f, yaml.ScalarNode, "a string") {
				pr.ExpectBody = v.Value
			}
		},
		"interval": func(v *yaml.Node, f string) { pr.Interval, lines["interval"] = p.duration(v, f), v.Line },
		"timeout":  func(v *yaml.Node, f string) { pr.Timeout, lines["timeout"] = p.duration(v, f), v.Line },
		"failures": func(v *yaml.Node, f string) {
			var ok bool
			if pr.Failures, ok = p.integer(v, f); ok && (pr.Failures < 1 || pr.Failures > 100) {
				p.add(v.Line, f, "%d is not between 1 and 100", pr.Failures)
			}
		},
		"features": func(v *yaml.Node, f string) { pr.Features = p.features(v, f) },
	})
	if n.Kind != yaml.MappingNode {
		return pr
	}
	pr.Method = cmpOr(pr.Method, defaultProbeMethod)
	pr.Interval = cmpOrDur(pr.Interval, DefaultInterval)
	pr.Timeout = cmpOrDur(pr.Timeout, DefaultProbeTimeout)
	if pr.ExpectStatus == 0 {
		pr.ExpectStatus = DefaultExpectStatus
	}
	if pr.Failures == 0 {
		pr.Failures = DefaultFailures
	}
	if pr.Name == "" && !p.has(join(path, "name")) {
		p.add(n.Line, join(path, "name"), "required")
	}
	if pr.URL == "" && !p.has(join(path, "url")) {
		p.add(n.Line, join(path, "url"), "required")
	}
	if len(pr.Features) == 0 && !p.has(join(path, "features")) {
		p.add(n.Line, join(path, "features"), "required: the product features this probe guards")
	}
	p.timing(n.Line, lines, path, pr.Interval, pr.Timeout)
	return pr
}

// vocabularyRE is the shape of a feature defined in the features map:
// a triage lexicon token.
var vocabularyRE = regexp.MustCompile(`^[a-z][a-z0-9_]{0,62}$`)

// vocabulary reads the features map: feature name -> phrases.
func (p *cfgParser) vocabulary(n *yaml.Node, path string) []Feature {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if !p.usable(n, path, yaml.MappingNode, "a mapping of feature names to lists of phrases, like {billing: [invoice, charged twice]}") {
		return nil
	}
	var out []Feature
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		field := join(path, k.Value)
		switch {
		case k.Kind != yaml.ScalarNode:
			p.add(k.Line, path, "keys must be plain words")
			continue
		case !vocabularyRE.MatchString(k.Value):
			p.add(k.Line, field, "%q is not a feature name (lower-case letters, digits and '_', starting with a letter)", k.Value)
			continue
		case seen[k.Value]:
			p.add(k.Line, field, "given twice")
			continue
		}
		seen[k.Value] = true
		phrases := p.strList(v, field)
		for j, ph := range phrases {
			line := v.Line
			if j < len(v.Content) {
				line = v.Content[j].Line
			}
			if strings.ContainsAny(ph, ",:#\n") {
				p.add(line, fmt.Sprintf("%s[%d]", field, j), "%q: a phrase cannot hold ',', ':', '#' or a line break (list each phrase on its own)", ph)
			}
		}
		if len(phrases) == 0 && !p.has(field) {
			p.add(k.Line, field, "no phrases: list what customers say for it, like [invoice, charged twice]")
		}
		out = append(out, Feature{Name: k.Value, Phrases: phrases, Line: k.Line})
	}
	return out
}

// unique reports names used twice.
func (p *cfgParser) unique(cfg *Config) {
	seen := map[string]int{}
	for i, d := range cfg.Dependencies {
		if d.Name == "" {
			continue
		}
		if j, dup := seen[d.Name]; dup {
			p.add(d.Line, fmt.Sprintf("dependencies[%d].name", i), "%q is already the name of dependencies[%d]", d.Name, j)
			continue
		}
		seen[d.Name] = i
	}
	seen = map[string]int{}
	for i, pr := range cfg.Probes {
		if pr.Name == "" {
			continue
		}
		if j, dup := seen[pr.Name]; dup {
			p.add(pr.Line, fmt.Sprintf("probes[%d].name", i), "%q is already the name of probes[%d]", pr.Name, j)
			continue
		}
		seen[pr.Name] = i
	}
}

func cmpOrDur(a, b time.Duration) time.Duration {
	if a != 0 {
		return a
	}
	return b
}

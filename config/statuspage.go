package config

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// StatusPage is the public status page: the status_page section of the
// STORMDESK_CONFIG file. Without a section the page still answers, with
// the overall state only and the default name and colours.
type StatusPage struct {
	// Name is the page's title ("Acme status"); default: the product
	// name followed by "status".
	Name string
	// URL is the page's public address, for links in the feeds and the
	// Statuspage JSON; default STORMDESK_PUBLIC_URL + "/status".
	URL string
	// LogoURL is an http(s) image shown in the header ("" for none).
	LogoURL string
	// Colours of the header; checked for contrast (WCAG AA, 4.5:1).
	Colours Colours
	// Components are the parts of the product customers see, in page
	// order, each mapped to the features triage and the dependencies know.
	Components []Component
	// Maintenances are windows of planned work announced from the file.
	Maintenances []Maintenance
	// Publish is the publication policy: PublishManual (the default:
	// only `/incident publish` or the API put an incident on the page)
	// or PublishAcknowledged (an incident is published, under its default
	// public title, when an operator acknowledges it).
	Publish string
}

// Publication policies (status_page.publish).
const (
	PublishManual       = "manual"
	PublishAcknowledged = "acknowledged"
)

// Maintenance is a scheduled maintenance from the file: stored at start
// under the key "config:" + its name's id, so that a restart updates it
// rather than adding another.
type Maintenance struct {
	Name string
	Text string
	// Components are the ids of the components it affects.
	Components []string
	Start, End time.Time
	// AlertAbove is how many customer reports the window absorbs before
	// a storm alerts ops anyway (0: the default).
	AlertAbove int
	Line       int
}

// Key is the maintenance's stable key in the store.
func (m Maintenance) Key() string { return "config:" + ComponentID(m.Name) }

// Colours brand the page's header. Component states have fixed colours
// chosen for contrast, and always a text label beside them.
type Colours struct {
	// Brand is the header's background, Text its text: #rrggbb.
	Brand, Text string
}

// Default header colours: dark slate on which white text reads at 14:1.
const (
	DefaultBrandColour = "#1f2937"
	DefaultTextColour  = "#ffffff"
)

// Component is one part of the product on the status page.
type Component struct {
	// Name is shown on the page ("Screen sharing").
	Name string
	// ID is the component's stable id in the JSON and in chat commands:
	// the name in lower case with hyphens ("screen-sharing").
	ID          string
	Description string
	// Features are the lexicon tokens whose incidents affect it.
	Features []string
	// Line is where the entry starts in the file.
	Line int
}

// StatusPageError is one problem in the status_page section, located by
// line and field like the dependencies' errors.
type StatusPageError struct {
	File  string
	Line  int
	Field string
	Msg   string
}

func (e *StatusPageError) Error() string {
	return fmt.Sprintf("%s:%d: %s: %s", e.File, e.Line, e.Field, e.Msg)
}

const maxComponents = 100

var (
	hexColour   = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)
	featureTok  = regexp.MustCompile(`^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$`)
	nonSlugRune = regexp.MustCompile(`[^a-z0-9]+`)
)

// ComponentID is the id a component name gets: lower case, runs of other
// characters turned into one hyphen ("Screen sharing" → "screen-sharing").
func ComponentID(name string) string {
	return strings.Trim(nonSlugRune.ReplaceAllString(strings.ToLower(name), "-"), "-")
}

// SplitStatusPage takes the top-level status_page section out of a
// STORMDESK_CONFIG file. It returns the section, validated (nil when the
// file has none), and the rest of the file with the section's lines
// blanked, so that the dependencies' parser reads the rest with its line
// numbers unchanged; rest is nil when nothing but the section is in the
// file. name is the file name used in errors, which are joined (errors.As
// finds each *StatusPageError); a section with errors still gives the
// rest, so that its problems can be reported too.
func SplitStatusPage(data []byte, name string) (sp *StatusPage, rest []byte, err error) {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		// Not ours to report: the dependencies' parser words YAML errors.
		return nil, data, nil
	}
	top := doc.Content[0]
	at := -1
	for i := 0; i+1 < len(top.Content); i += 2 {
		if top.Content[i].Value == "status_page" {
			if at >= 0 {
				return nil, nil, &StatusPageError{name, top.Content[i].Line, "status_page", "given twice"}
			}
			at = i
		}
	}
	if at < 0 {
		return nil, data, nil
	}
	p := &spParser{file: name}
	sp = p.page(top.Content[at+1])
	if len(p.errs) > 0 {
		sp, err = nil, errors.Join(p.errs...)
	}
	if len(top.Content) == 2 {
		return sp, nil, err
	}
	// The section runs from its key's line to the line before the next
	// top-level key (or the end of the file).
	lines := bytes.SplitAfter(data, []byte("\n"))
	first, end := top.Content[at].Line, len(lines)+1
	if at+2 < len(top.Content) {
		end = top.Content[at+2].Line
	}
	if first == end || top.Style&yaml.FlowStyle != 0 {
		return nil, nil, &StatusPageError{name, first, "status_page", "write the file in block style (each top-level section on its own lines)"}
	}
	for l := first; l < end && l <= len(lines); l++ {
		if strings.HasSuffix(string(lines[l-1]), "\n") {
			lines[l-1] = []byte("\n")
		} else {
			lines[l-1] = nil
		}
	}
	return sp, bytes.Join(lines, nil), err
}

// CheckFeatures reports components that name a feature neither triage nor
// the dependencies know: their incidents would never reach the component.
func (sp *StatusPage) CheckFeatures(file string, known []string) error {
	if sp == nil {
		return nil
	}
	var errs []error
	for i, c := range sp.Components {
		for j, f := range c.Features {
			if !slices.Contains(known, strings.ReplaceAll(f, "-", "_")) && !slices.Contains(known, f) {
				errs = append(errs, &StatusPageError{file, c.Line, fmt.Sprintf("status_page.components[%d].features[%d]", i, j),
					fmt.Sprintf("%q is a feature neither triage nor the dependencies know (known: %s)", f, strings.Join(known, ", "))})
			}
		}
	}
	return errors.Join(errs...)
}

// Component returns the component whose name or id is s (any case), or
// false.
func (sp *StatusPage) Component(s string) (Component, bool) {
	if sp == nil {
		return Component{}, false
	}
	for _, c := range sp.Components {
		if strings.EqualFold(c.Name, s) || c.ID == ComponentID(s) {
			return c, true
		}
	}
	return Component{}, false
}

type spParser struct {
	file string
	errs []error
}

func (p *spParser) add(line int, field, format string, args ...any) {
	p.errs = append(p.errs, &StatusPageError{p.file, line, field, fmt.Sprintf(format, args...)})
}

// fields visits a mapping's known keys and reports unknown, repeated and
// non-scalar ones.
func (p *spParser) fields(n *yaml.Node, path string, known map[string]func(*yaml.Node, string)) bool {
	if n.Kind != yaml.MappingNode {
		p.add(n.Line, path, "want a mapping")
		return false
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		field := path + "." + k.Value
		f, ok := known[k.Value]
		switch {
		case !ok:
			names := make([]string, 0, len(known))
			for n := range known {
				names = append(names, n)
			}
			slices.Sort(names)
			p.add(k.Line, field, "unknown field (known: %s)", strings.Join(names, ", "))
		case seen[k.Value]:
			p.add(k.Line, field, "given twice")
		default:
			seen[k.Value] = true
			f(v, field)
		}
	}
	return true
}

func (p *spParser) str(n *yaml.Node, path string, max int) string {
	if n.Kind != yaml.ScalarNode {
		p.add(n.Line, path, "want a string")
		return ""
	}
	s := strings.TrimSpace(n.Value)
	switch {
	case n.Tag == "!!null":
		return ""
	case !utf8.ValidString(s) || strings.ContainsAny(s, "\x00\r\n"):
		p.add(n.Line, path, "must be one line of text")
	case len(s) > max:
		p.add(n.Line, path, "longer than %d bytes", max)
	}
	return s
}

func (p *spParser) httpURL(n *yaml.Node, path string) string {
	s := p.str(n, path, 2000)
	if s == "" {
		return ""
	}
	if u, err := url.Parse(s); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
		p.add(n.Line, path, "%q is not an http or https URL", s)
	}
	return s
}

// colour reads a #rrggbb colour into *dst, leaving the default there
// when the field is empty or wrong.
func (p *spParser) colour(n *yaml.Node, path string, dst *string) {
	s := p.str(n, path, 7)
	switch {
	case s == "":
	case !hexColour.MatchString(s):
		p.add(n.Line, path, "%q is not a colour like #1f2937", s)
	default:
		*dst = strings.ToLower(s)
	}
}

func (p *spParser) page(n *yaml.Node) *StatusPage {
	sp := &StatusPage{Colours: Colours{DefaultBrandColour, DefaultTextColour}}
	const path = "status_page"
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return sp
	}
	colourLine := n.Line
	var maint *yaml.Node // read once the components are known
	p.fields(n, path, map[string]func(*yaml.Node, string){
		"name":     func(v *yaml.Node, f string) { sp.Name = p.str(v, f, 200) },
		"url":      func(v *yaml.Node, f string) { sp.URL = strings.TrimRight(p.httpURL(v, f), "/") },
		"logo_url": func(v *yaml.Node, f string) { sp.LogoURL = p.httpURL(v, f) },
		"colours": func(v *yaml.Node, f string) {
			colourLine = v.Line
			p.fields(v, f, map[string]func(*yaml.Node, string){
				"brand": func(v *yaml.Node, f string) { p.colour(v, f, &sp.Colours.Brand) },
				"text":  func(v *yaml.Node, f string) { p.colour(v, f, &sp.Colours.Text) },
			})
		},
		"components":   func(v *yaml.Node, f string) { sp.Components = p.components(v, f) },
		"maintenances": func(v *yaml.Node, f string) { maint = v },
		"publish": func(v *yaml.Node, f string) {
			switch sp.Publish = p.str(v, f, 20); sp.Publish {
			case PublishManual, PublishAcknowledged:
			default:
				p.add(v.Line, f, "want %s (only operators publish) or %s (published when acknowledged), got %q", PublishManual, PublishAcknowledged, sp.Publish)
			}
		},
	})
	if sp.Publish == "" {
		sp.Publish = PublishManual
	}
	if maint != nil {
		sp.Maintenances = p.maintenances(maint, path+".maintenances", sp)
	}
	if r := ContrastRatio(sp.Colours.Brand, sp.Colours.Text); r < 4.5 {
		p.add(colourLine, path+".colours", "text %s on brand %s has a contrast of %.1f:1, below the 4.5:1 that makes it readable (WCAG AA)",
			sp.Colours.Text, sp.Colours.Brand, r)
	}
	return sp
}

func (p *spParser) components(n *yaml.Node, path string) []Component {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		p.add(n.Line, path, "want a list of components like {name: Login, features: [login]}")
		return nil
	}
	if len(n.Content) > maxComponents {
		p.add(n.Line, path, "more than %d components", maxComponents)
		return nil
	}
	var out []Component
	ids := map[string]int{}
	for i, c := range n.Content {
		field := fmt.Sprintf("%s[%d]", path, i)
		comp := Component{Line: c.Line}
		if !p.fields(c, field, map[string]func(*yaml.Node, string){
			"name":        func(v *yaml.Node, f string) { comp.Name = p.str(v, f, 100) },
			"description": func(v *yaml.Node, f string) { comp.Description = p.str(v, f, 500) },
			"features": func(v *yaml.Node, f string) {
				if v.Kind != yaml.SequenceNode {
					p.add(v.Line, f, "want a list of feature tokens like [login]")
					return
				}
				for j, e := range v.Content {
					s := p.str(e, fmt.Sprintf("%s[%d]", f, j), 64)
					switch {
					case s == "" || !featureTok.MatchString(s):
						p.add(e.Line, fmt.Sprintf("%s[%d]", f, j), "%q is not a feature token (lower-case words, like login or screen-share)", s)
					case slices.Contains(comp.Features, s):
						p.add(e.Line, fmt.Sprintf("%s[%d]", f, j), "%q is listed twice", s)
					default:
						comp.Features = append(comp.Features, s)
					}
				}
			},
		}) {
			continue
		}
		comp.ID = ComponentID(comp.Name)
		switch {
		case comp.Name == "":
			p.add(c.Line, field+".name", "required")
		case comp.ID == "":
			p.add(c.Line, field+".name", "%q needs at least one letter or digit", comp.Name)
		default:
			if j, dup := ids[comp.ID]; dup {
				p.add(c.Line, field+".name", "%q is already the name of components[%d]", comp.Name, j)
			}
			ids[comp.ID] = i
		}
		if len(comp.Features) == 0 && !p.has(field+".features") {
			p.add(c.Line, field+".features", "required: the product features whose incidents affect this component")
		}
		out = append(out, comp)
	}
	return out
}

func (p *spParser) has(field string) bool {
	for _, e := range p.errs {
		var se *StatusPageError
		if errors.As(e, &se) && strings.HasPrefix(se.Field, field) {
			return true
		}
	}
	return false
}

// ContrastRatio is the WCAG 2 contrast ratio of two #rrggbb colours,
// from 1 (none) to 21 (black on white); 1 when either is not such a
// colour.
func ContrastRatio(a, b string) float64 {
	if !hexColour.MatchString(a) || !hexColour.MatchString(b) {
		return 1
	}
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(hex string) float64 {
	var c [3]float64
	for i := range c {
		v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		s := float64(v) / 255
		if s <= 0.03928 {
			c[i] = s / 12.92
		} else {
			c[i] = math.Pow((s+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
}

func (p *spParser) time(n *yaml.Node, path string) time.Time {
	s := p.str(n, path, 40)
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04", "2006-01-02 15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC()
		}
	}
	p.add(n.Line, path, "%q is not a time like 2026-12-05T02:00:00Z (UTC unless an offset is given)", s)
	return time.Time{}
}

func (p *spParser) maintenances(n *yaml.Node, path string, sp *StatusPage) []Maintenance {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		p.add(n.Line, path, "want a list of maintenances like {name: Database upgrade, components: [Login], start: ..., end: ...}")
		return nil
	}
	var out []Maintenance
	keys := map[string]int{}
	for i, c := range n.Content {
		field := fmt.Sprintf("%s[%d]", path, i)
		m := Maintenance{Line: c.Line}
		if !p.fields(c, field, map[string]func(*yaml.Node, string){
			"name":  func(v *yaml.Node, f string) { m.Name = p.str(v, f, 200) },
			"text":  func(v *yaml.Node, f string) { m.Text = p.str(v, f, 2000) },
			"start": func(v *yaml.Node, f string) { m.Start = p.time(v, f) },
			"end":   func(v *yaml.Node, f string) { m.End = p.time(v, f) },
			"alert_above": func(v *yaml.Node, f string) {
				k, err := strconv.Atoi(p.str(v, f, 10))
				if err != nil || k < 1 {
					p.add(v.Line, f, "want a count of reports of at least 1")
				}
				m.AlertAbove = k
			},
			"components": func(v *yaml.Node, f string) {
				if v.Kind != yaml.SequenceNode {
					p.add(v.Line, f, "want a list of the page's components, like [Login]")
					return
				}
				for j, e := range v.Content {
					name := p.str(e, fmt.Sprintf("%s[%d]", f, j), 100)
					comp, ok := sp.Component(name)
					if !ok {
						var ids []string
						for _, c := range sp.Components {
							ids = append(ids, c.ID)
						}
						p.add(e.Line, fmt.Sprintf("%s[%d]", f, j), "%q is not a component of the page (%s)", name, strings.Join(ids, ", "))
						continue
					}
					if !slices.Contains(m.Components, comp.ID) {
						m.Components = append(m.Components, comp.ID)
					}
				}
			},
		}) {
			continue
		}
		switch {
		case m.Name == "" || ComponentID(m.Name) == "":
			p.add(c.Line, field+".name", "required (with at least one letter or digit)")
		default:
			if j, dup := keys[m.Key()]; dup {
				p.add(c.Line, field+".name", "%q is already the name of maintenances[%d]", m.Name, j)
			}
			keys[m.Key()] = i
		}
		if len(m.Components) == 0 && !p.has(field+".components") {
			p.add(c.Line, field+".components", "required: the components the work affects")
		}
		switch {
		case m.Start.IsZero() && !p.has(field+".start"):
			p.add(c.Line, field+".start", "required")
		case m.End.IsZero() && !p.has(field+".end"):
			p.add(c.Line, field+".end", "required")
		case !m.Start.IsZero() && !m.End.IsZero() && !m.End.After(m.Start):
			p.add(c.Line, field+".end", "%s is not after the start %s", m.End.Format(time.RFC3339), m.Start.Format(time.RFC3339))
		}
		out = append(out, m)
	}
	return out
}

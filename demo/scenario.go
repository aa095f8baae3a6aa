// Package demo replays an incident scenario through stormdesk's real code
// paths, in virtual time, with local stand-ins that speak the real wire
// formats: a Statuspage-style status page, a synthetic-check target,
// slack-go's slacktest server for the ops channel, and a fake SendGrid.
package demo

import (
	"bufio"
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

//go:embed scenarios/*.yaml
var scenarios embed.FS

// DefaultScenario is the reference outage.
const DefaultScenario = "scenarios/auth-outage.yaml"

// Scenario is a readable description of an incident to replay.
type Scenario struct {
	Name  string `yaml:"name"`
	Day   string `yaml:"day"`
	Start string `yaml:"start"`
	End   string `yaml:"end"`

	Provider struct {
		Name     string   `yaml:"name"`
		Features []string `yaml:"features"`
		Incident string   `yaml:"incident"`
	} `yaml:"provider"`
	Upstream []UpstreamSpec `yaml:"upstream"`
	Probe    struct {
		Name         string   `yaml:"name"`
		Features     []string `yaml:"features"`
		FailingFrom  string   `yaml:"failing_from"`
		FailingUntil string   `yaml:"failing_until"`
	} `yaml:"probe"`
	Tickets []TicketSpec `yaml:"tickets"`
	// TicketsFile names a JSON Lines file of more tickets (one TicketSpec
	// object a line, same fields), relative to the scenario file, for
	// scenarios with thousands of tickets.
	TicketsFile string `yaml:"tickets_file"`
	// UpstreamFile likewise names a JSON Lines file of more upstream
	// updates ({"at","status","text"} a line).
	UpstreamFile string `yaml:"upstream_file"`
	Background   struct {
		Every     string   `yaml:"every"`
		Customers int      `yaml:"customers"`
		Subjects  []string `yaml:"subjects"`
	} `yaml:"background"`
	Actions []struct {
		At      string `yaml:"at"`
		User    string `yaml:"user"`
		Command string `yaml:"command"`
	} `yaml:"actions"`

	day time.Time
}

// TicketSpec is one customer ticket of a scenario.
type TicketSpec struct {
	At       string `yaml:"at" json:"at"`
	Customer string `yaml:"customer" json:"customer"`
	Subject  string `yaml:"subject" json:"subject"`
	Body     string `yaml:"body" json:"body"`
	// Label is the incident the ticket truly belongs to, or "background".
	Label string `yaml:"label" json:"label"`
	at    time.Time
}

// UpstreamSpec is one update on the provider's status page.
type UpstreamSpec struct {
	At     string `yaml:"at" json:"at"`
	Status string `yaml:"status" json:"status"`
	Text   string `yaml:"text" json:"text"`
}

// readJSONL appends the objects of a JSON Lines file to *out, naming the
// line of a bad one.
func readJSONL[T any](path string, out *[]T) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 4<<20)
	for line := 1; sc.Scan(); line++ {
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var v T
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&v); err != nil {
			return fmt.Errorf("%s:%d: %v", filepath.Base(path), line, err)
		}
		*out = append(*out, v)
	}
	return sc.Err()
}

// Load reads a scenario file ("" for the embedded reference outage).
func Load(path string) (*Scenario, error) {
	var data []byte
	var err error
	name := path
	if path == "" {
		name = DefaultScenario
		data, err = scenarios.ReadFile(DefaultScenario)
	} else {
		data, err = os.ReadFile(path)
	}
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	var s Scenario
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&s); err != nil && err != io.EOF {
		return nil, fmt.Errorf("demo: %s: %w", filepath.Base(name), err)
	}
	dir := filepath.Dir(name)
	if s.TicketsFile != "" {
		if err := readJSONL(filepath.Join(dir, s.TicketsFile), &s.Tickets); err != nil {
			return nil, fmt.Errorf("demo: tickets_file: %w", err)
		}
	}
	if s.UpstreamFile != "" {
		if err := readJSONL(filepath.Join(dir, s.UpstreamFile), &s.Upstream); err != nil {
			return nil, fmt.Errorf("demo: upstream_file: %w", err)
		}
	}
	if err := s.prepare(); err != nil {
		return nil, fmt.Errorf("demo: %s: %w", filepath.Base(name), err)
	}
	return &s, nil
}

// at turns "15:13" into a time on the scenario's day.
func (s *Scenario) at(field, hhmm string) (time.Time, error) {
	t, err := time.Parse("15:04", hhmm)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s: %q is not a time such as 15:13", field, hhmm)
	}
	return s.day.Add(time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute), nil
}

func (s *Scenario) prepare() error {
	var err error
	if s.day, err = time.Parse("2006-01-02", s.Day); err != nil {
		return fmt.Errorf("day: %q is not a date such as 2018-11-28", s.Day)
	}
	if s.Provider.Name == "" || len(s.Provider.Features) == 0 {
		return fmt.Errorf("provider: name and features are required")
	}
	for i := range s.Tickets {
		tk := &s.Tickets[i]
		if tk.at, err = s.at(fmt.Sprintf("tickets[%d].at", i), tk.At); err != nil {
			return err
		}
		if tk.Subject == "" {
			return fmt.Errorf("tickets[%d].subject: required", i)
		}
		if tk.Label == "" {
			tk.Label = "background"
		}
	}
	start, err := s.at("start", s.Start)
	if err != nil {
		return err
	}
	end, err := s.at("end", s.End)
	if err != nil {
		return err
	}
	if !end.After(start) {
		return fmt.Errorf("end: must be after start")
	}
	// The background trickle, generated evenly and deterministically.
	if len(s.Background.Subjects) > 0 {
		every, err := time.ParseDuration(s.Background.Every)
		if err != nil || every <= 0 {
			return fmt.Errorf("background.every: %q is not a duration such as 11m", s.Background.Every)
		}
		n := max(s.Background.Customers, 1)
		i := 0
		for t := start.Add(every / 2); t.Before(end); t = t.Add(every) {
			s.Tickets = append(s.Tickets, TicketSpec{at: t, At: t.Format("15:04"), Customer: fmt.Sprintf("customer%02d@example.com", i%n),
				Subject: s.Background.Subjects[i%len(s.Background.Subjects)], Label: "background"})
			i++
		}
	}
	sort.SliceStable(s.Tickets, func(i, j int) bool { return s.Tickets[i].at.Before(s.Tickets[j].at) })
	for i, u := range s.Upstream {
		if _, err := s.at(fmt.Sprintf("upstream[%d].at", i), u.At); err != nil {
			return err
		}
		switch u.Status {
		case "investigating", "identified", "monitoring", "resolved":
		default:
			return fmt.Errorf("upstream[%d].status: %q is not investigating, identified, monitoring or resolved", i, u.Status)
		}
	}
	for i, a := range s.Actions {
		if _, err := s.at(fmt.Sprintf("actions[%d].at", i), a.At); err != nil {
			return err
		}
		if a.User == "" || strings.TrimSpace(a.Command) == "" {
			return fmt.Errorf("actions[%d]: user and command are required", i)
		}
	}
	return nil
}

package config

import (
	"errors"
	"strings"
	"testing"
)

const pageYAML = `dependencies:
  - name: auth0
    feed: {kind: statuspage, url: https://status.auth0.com/api/v2/summary.json}
    features: [login]
status_page:
  name: Acme status
  logo_url: https://acme.example/logo.png
  colours: {brand: "#0b3d91", text: "#ffffff"}
  components:
    - name: Login
      features: [login]
    - name: Screen sharing
      description: Sharing your screen in a call
      features: [screenshare]
probes:
  - name: login
    url: https://acme.example/login
    features: [login]
`

// TestSplitStatusPage: the section is read and validated, and the rest
// keeps its line numbers for the dependencies' parser.
func TestSplitStatusPage(t *testing.T) {
	sp, rest, err := SplitStatusPage([]byte(pageYAML), "s.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if sp.Name != "Acme status" || sp.LogoURL != "https://acme.example/logo.png" || sp.Colours != (Colours{"#0b3d91", "#ffffff"}) {
		t.Fatalf("page: %+v", sp)
	}
	if len(sp.Components) != 2 || sp.Components[1].ID != "screen-sharing" || sp.Components[1].Features[0] != "screenshare" ||
		sp.Components[1].Description != "Sharing your screen in a call" || sp.Components[0].Line != 10 {
		t.Fatalf("components: %+v", sp.Components)
	}
	lines := strings.Split(string(rest), "\n")
	if len(lines) != len(strings.Split(pageYAML, "\n")) || lines[14] != "probes:" || strings.Contains(string(rest), "status_page") || lines[5] != "" {
		t.Fatalf("rest:\n%s", rest)
	}
	if c, ok := sp.Component("SCREEN SHARING"); !ok || c.ID != "screen-sharing" {
		t.Fatalf("by name: %+v %v", c, ok)
	}
	if c, ok := sp.Component("screen-sharing"); !ok || c.Name != "Screen sharing" {
		t.Fatalf("by id: %+v %v", c, ok)
	}
	if err := sp.CheckFeatures("s.yaml", []string{"login"}); err == nil || !strings.Contains(err.Error(), `s.yaml:12: status_page.components[1].features[0]: "screenshare" is a feature neither`) {
		t.Fatalf("unknown feature: %v", err)
	}
	if err := sp.CheckFeatures("s.yaml", []string{"login", "screenshare"}); err != nil {
		t.Fatal(err)
	}

	// Without a section: the file is untouched and there is no page.
	sp, rest, err = SplitStatusPage([]byte("probes: []\n"), "s.yaml")
	if sp != nil || string(rest) != "probes: []\n" || err != nil {
		t.Fatalf("no section: %v %q %v", sp, rest, err)
	}
	// Only a section: nothing left for the dependencies' parser.
	sp, rest, err = SplitStatusPage([]byte("status_page:\n  name: X\n"), "s.yaml")
	if sp == nil || rest != nil || err != nil || sp.Colours.Brand != DefaultBrandColour || len(sp.Components) != 0 {
		t.Fatalf("only a section: %v %q %v", sp, rest, err)
	}
}

func TestStatusPageErrorsNameLineAndField(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"status_page:\n  title: X\n", "s.yaml:2: status_page.title: unknown field (known: colours, components, logo_url, maintenances, name, publish, url)"},
		{"status_page:\n  publish: always\n", `s.yaml:2: status_page.publish: want manual (only operators publish) or acknowledged (published when acknowledged), got "always"`},
		{"status_page:\n  logo_url: ftp://x/logo.png\n", "s.yaml:2: status_page.logo_url: \"ftp://x/logo.png\" is not an http or https URL"},
		{"status_page:\n  colours: {brand: red}\n", "s.yaml:2: status_page.colours.brand: \"red\" is not a colour"},
		{"status_page:\n  colours: {brand: \"#ffffff\", text: \"#eeeeee\"}\n", "status_page.colours: text #eeeeee on brand #ffffff has a contrast of 1.2:1"},
		{"status_page:\n  components:\n    - name: Login\n", "s.yaml:3: status_page.components[0].features: required"},
		{"status_page:\n  components: [{name: Login, features: [login]}]\n  maintenances:\n    - {name: DB, components: [Billing], start: 2026-12-05T02:00:00Z, end: 2026-12-05T03:00:00Z}\n",
			`s.yaml:4: status_page.maintenances[0].components[0]: "Billing" is not a component of the page (login)`},
		{"status_page:\n  components: [{name: Login, features: [login]}]\n  maintenances:\n    - {name: DB, components: [Login], start: 2026-12-05T03:00:00Z, end: 2026-12-05T02:00:00Z}\n",
			"s.yaml:4: status_page.maintenances[0].end: 2026-12-05T02:00:00Z is not after the start"},
		{"status_page:\n  components: [{name: Login, features: [login]}]\n  maintenances:\n    - {name: DB, components: [Login], start: tomorrow, end: 2026-12-05T02:00:00Z}\n",
			`s.yaml:4: status_page.maintenances[0].start: "tomorrow" is not a time`},
		{"status_page:\n  components: [{name: Login, features: [login]}]\n  maintenances:\n    - {name: DB, components: [Login], start: 2026-12-05T02:00:00Z}\n",
			"s.yaml:4: status_page.maintenances[0].end: required"},
		{"status_page:\n  components: [{name: Login, features: [login]}]\n  maintenances:\n    - {name: DB, components: [Login], start: 2026-12-05T02:00:00Z, end: 2026-12-05T03:00:00Z, alert_above: 0}\n",
			"s.yaml:4: status_page.maintenances[0].alert_above: want a count of reports of at least 1"},
		{"status_page:\n  components:\n    - features: [login]\n", "s.yaml:3: status_page.components[0].name: required"},
		{"status_page:\n  components:\n    - {name: Login, features: [Log In]}\n", `status_page.components[0].features[0]: "Log In" is not a feature token`},
		{"status_page:\n  components:\n    - {name: Login, features: [login]}\n    - {name: LOGIN, features: [login]}\n", `s.yaml:4: status_page.components[1].name: "LOGIN" is already the name of components[0]`},
		{"status_page:\n  components: Login\n", "status_page.components: want a list"},
		{"{status_page: {name: X}, probes: []}\n", "write the file in block style"},
		{"status_page:\n  name: X\nstatus_page:\n  name: Y\n", "s.yaml:3: status_page: given twice"},
	} {
		_, _, err := SplitStatusPage([]byte(tc.yaml), "s.yaml")
		var se *StatusPageError
		if err == nil || !strings.Contains(err.Error(), tc.want) || !errors.As(err, &se) {
			t.Errorf("%q: got %v, want %q", tc.yaml, err, tc.want)
		}
	}
}

// TestStatusPagePublish: the publication policy is manual unless the file
// says acknowledged.
func TestStatusPagePublish(t *testing.T) {
	for yaml, want := range map[string]string{
		"status_page:\n  name: X\n":                          PublishManual,
		"status_page:\n  publish: manual\n":                  PublishManual,
		"status_page:\n  publish: acknowledged\n":            PublishAcknowledged,
		"status_page:\n  name: X\n  publish: acknowledged\n": PublishAcknowledged,
	} {
		sp, _, err := SplitStatusPage([]byte(yaml), "s.yaml")
		if err != nil || sp.Publish != want {
			t.Errorf("%q: %+v %v, want %s", yaml, sp, err, want)
		}
	}
}

func TestContrastRatio(t *testing.T) {
	if r := ContrastRatio("#000000", "#ffffff"); r < 20.9 || r > 21.1 {
		t.Fatalf("black on white: %v", r)
	}
	if r := ContrastRatio(DefaultBrandColour, DefaultTextColour); r < 7 {
		t.Fatalf("the default header is not readable: %v", r)
	}
}

// TestStatusPageMaintenances: a maintenance names the page's components
// by name or id (each once), its window in UTC or with an offset, and
// gets a key from its name.
func TestStatusPageMaintenances(t *testing.T) {
	y := `status_page:
  components:
    - {name: Login, features: [login]}
    - {name: Screen sharing, features: [screenshare]}
  maintenances:
    - name: Database upgrade
      text: Sign-in may pause.
      components: [screen-sharing, Login, login]
      start: 2026-12-05T03:00:00+01:00
      end: 2026-12-05 04:30
      alert_above: 40
`
	sp, _, err := SplitStatusPage([]byte(y), "s.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(sp.Maintenances) != 1 {
		t.Fatalf("maintenances: %+v", sp.Maintenances)
	}
	m := sp.Maintenances[0]
	if m.Key() != "config:database-upgrade" || m.Text != "Sign-in may pause." || strings.Join(m.Components, ",") != "screen-sharing,login" ||
		m.Start.Format("2006-01-02T15:04Z07:00") != "2026-12-05T02:00Z" || m.End.Format("2006-01-02T15:04Z07:00") != "2026-12-05T04:30Z" || m.AlertAbove != 40 || m.Line != 6 {
		t.Fatalf("maintenance: %+v", m)
	}
}

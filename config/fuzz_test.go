package config

import (
	"bytes"
	"testing"
)

// FuzzSplitStatusPage: any file is either refused with an error or
// split into a valid section and a rest with as many lines as the file,
// and never panics.
func FuzzSplitStatusPage(f *testing.F) {
	f.Add([]byte(pageYAML))
	f.Add([]byte("status_page:\n  name: X\n"))
	f.Add([]byte("status_page:\n  colours: {brand: \"#000000\", text: \"#000000\"}\n"))
	f.Add([]byte("{status_page: {}, probes: []}"))
	f.Add([]byte("status_page: &a\n  name: X\nprobes: *a\n"))
	f.Add([]byte("status_page:\n  components: [{name: Login, features: [login]}]\n  maintenances:\n    - {name: DB, components: [Login], start: 2026-12-05T02:00:00Z, end: 2026-12-05 03:00, alert_above: 3}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sp, rest, err := SplitStatusPage(data, "f.yaml")
		if err != nil {
			return
		}
		if rest != nil && bytes.Count(rest, []byte("\n")) != bytes.Count(data, []byte("\n")) {
			t.Fatalf("rest has %d lines, the file %d", bytes.Count(rest, []byte("\n")), bytes.Count(data, []byte("\n")))
		}
		if sp == nil {
			return
		}
		if ContrastRatio(sp.Colours.Brand, sp.Colours.Text) < 4.5 {
			t.Fatalf("accepted colours %s on %s", sp.Colours.Text, sp.Colours.Brand)
		}
		for _, c := range sp.Components {
			if c.Name == "" || c.ID == "" || len(c.Features) == 0 {
				t.Fatalf("accepted component %+v", c)
			}
		}
	})
}

package weekgen

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestWriteJSONLFormats pins the three spellings the weeks use, since a
// change here would change committed scenario files.
func TestWriteJSONLFormats(t *testing.T) {
	ticket := Ticket{ID: "T-1", ReceivedAt: "2026-11-02T09:00:00Z", Subject: "a <b> & c", Body: "x", Source: "email", CustomerEmail: "e@x", CustomerName: "N"}
	update := Update{Provider: "p", ProviderIncidentID: "i", UpdateID: "u", Status: "resolved", Impact: "minor", At: "2026-11-02T10:00:00Z", Title: "t", Body: "b"}
	cases := []struct {
		name   string
		format Format
		want   string
	}{
		{"zero", Format{},
			`{"id":"T-1","received_at":"2026-11-02T09:00:00Z","subject":"a <b> & c","body":"x","source":"email","customer_email":"e@x","customer_name":"N","org":"","label":""}` + "\n" +
				`{"provider":"p","provider_incident_id":"i","update_id":"u","status":"resolved","impact":"minor","at":"2026-11-02T10:00:00Z","title":"t","body":"b","kind":""}` + "\n"},
		{"escaped, org and kind left out", Format{EscapeHTML: true, OmitEmptyOrg: true, OmitEmptyKind: true},
			`{"id":"T-1","received_at":"2026-11-02T09:00:00Z","subject":"a \u003cb\u003e \u0026 c","body":"x","source":"email","customer_email":"e@x","customer_name":"N","label":""}` + "\n" +
				`{"provider":"p","provider_incident_id":"i","update_id":"u","status":"resolved","impact":"minor","at":"2026-11-02T10:00:00Z","title":"t","body":"b"}` + "\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := WriteJSONL(filepath.Join(dir, "t"), []Ticket{ticket}, c.format); err != nil {
				t.Fatal(err)
			}
			if err := WriteJSONL(filepath.Join(dir, "u"), []*Update{&update}, c.format); err != nil {
				t.Fatal(err)
			}
			tb, _ := os.ReadFile(filepath.Join(dir, "t"))
			ub, _ := os.ReadFile(filepath.Join(dir, "u"))
			if got := string(tb) + string(ub); got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

// TestOmitEmptyOrgKeepsText checks that a text spelling the field does not
// lose it: inside a string the quotes are escaped.
func TestOmitEmptyOrgKeepsText(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t")
	body := `,"org":""`
	if err := WriteJSONL(path, []Ticket{{Body: body, Org: "Acme"}}, Format{OmitEmptyOrg: true}); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	want := `{"id":"","received_at":"","subject":"","body":",\"org\":\"\"","source":"","customer_email":"","customer_name":"","org":"Acme","label":""}` + "\n"
	if string(got) != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// TestDrawsMatchTheRand checks that the helpers make the same draws as the
// calls the generators made before they shared them.
func TestDrawsMatchTheRand(t *testing.T) {
	a, b := rand.New(rand.NewPCG(1, 2)), rand.New(rand.NewPCG(1, 2))
	xs := []string{"a", "b", "c", "d", "e"}
	for range 100 {
		if Pick(a, xs) != xs[b.IntN(len(xs))] || Chance(a, 0.3) != (b.Float64() < 0.3) || Between(a, 3, 9) != 3+b.IntN(7) {
			t.Fatal("a helper drew differently from the direct call")
		}
	}
}

func TestAt(t *testing.T) {
	week0 := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
	if got, want := At(week0, 3, 14, 5), time.Date(2026, 11, 5, 14, 5, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("At = %v, want %v", got, want)
	}
}

// TestWeighted checks Weighted against the loop the generators wrote out,
// draw for draw, and that a zero weight is never drawn.
func TestWeighted(t *testing.T) {
	ws := []float64{0.5, 0, 2, 1.25, 0, 0.1}
	a, b := rand.New(rand.NewPCG(3, 4)), rand.New(rand.NewPCG(3, 4))
	for range 1000 {
		got := Weighted(a, ws)
		tot := 0.0
		for _, w := range ws {
			tot += w
		}
		x, want := b.Float64()*tot, 0
		for i, w := range ws {
			if x < w {
				want = i
				break
			}
			x -= w
		}
		if got != want {
			t.Fatalf("Weighted = %d, the written-out loop drew %d", got, want)
		}
		if ws[got] == 0 {
			t.Fatalf("drew index %d, whose weight is 0", got)
		}
	}
}

func TestReadTexts(t *testing.T) {
	file := filepath.Join(t.TempDir(), "texts.json")
	if err := os.WriteFile(file, []byte(`{"names":["Ann","Bo"],"n":2}`), 0o644); err != nil {
		t.Fatal(err)
	}
	var tx struct {
		Names []string
		N     int
	}
	ReadTexts(file, &tx)
	if len(tx.Names) != 2 || tx.Names[1] != "Bo" || tx.N != 2 {
		t.Fatalf("got %+v", tx)
	}
	defer func() {
		if recover() == nil {
			t.Fatal("a missing file did not panic")
		}
	}()
	ReadTexts(filepath.Join(t.TempDir(), "none.json"), &tx)
}

// TestDir checks that Dir and TextsFile name the caller's folder, this test's, and not
// weekgen.go's: both are here, so the test compares with the caller's path.
func TestDir(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if got := Dir(); got != wd {
		t.Fatalf("Dir() = %q, want %q", got, wd)
	}
	if got, want := TextsFile(), filepath.Join(wd, "texts.json"); got != want {
		t.Fatalf("TextsFile() = %q, want %q", got, want)
	}
}

func TestPrintCounts(t *testing.T) {
	var b bytes.Buffer
	PrintCounts(&b, map[string]int{"inc-login": 12, "background": 140, "x": 3})
	want := "" +
		"background  140\n" +
		"inc-login    12\n" +
		"x             3\n" +
		"total       155\n"
	if b.String() != want {
		t.Fatalf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestMust(t *testing.T) {
	var out bytes.Buffer
	code := -1
	stderr, exit = &out, func(c int) { code = c }
	defer func() { stderr, exit = os.Stderr, os.Exit }()

	Must(nil)
	if code != -1 || out.Len() != 0 {
		t.Fatalf("Must(nil) exited %d, wrote %q", code, out.String())
	}
	Must(errors.New("weekgen: disk full"))
	if code != 1 || out.String() != "weekgen: disk full\n" {
		t.Fatalf("Must(err) exited %d, wrote %q", code, out.String())
	}
}

func TestStatusUpdates(t *testing.T) {
	got := StatusUpdates([]StatusIncident{
		{Provider: "a", ID: "A-1", Title: "Down", Impact: "major", Kind: "incident", Label: "inc-a", Posts: []StatusPost{
			{Status: "investigating", At: "2027-01-01T10:00:00Z", Body: "looking"},
			{Status: "resolved", At: "2027-01-01T12:00:00Z", Body: "fixed"},
		}},
		{Provider: "b", ID: "B-7", Title: "Slow", Impact: "minor", Kind: "maintenance", Components: []string{"api"}, Posts: []StatusPost{
			{Status: "scheduled", At: "2027-01-01T11:00:00Z", Body: "soon"},
		}},
	})
	want := []string{"A-1-u1 investigating 10:00 inc-a", "B-7-u1 scheduled 11:00 ", "A-1-u2 resolved 12:00 inc-a"}
	if len(got) != len(want) {
		t.Fatalf("%d updates, want %d: %+v", len(got), len(want), got)
	}
	for i, u := range got {
		if s := fmt.Sprintf("%s %s %s %s", u.UpdateID, u.Status, u.At[11:16], u.Label); s != want[i] {
			t.Errorf("update %d: %q, want %q", i, s, want[i])
		}
	}
	if got[1].Kind != "maintenance" || len(got[1].Components) != 1 || got[0].Title != "Down" || got[2].Impact != "major" {
		t.Errorf("fields not carried over: %+v", got)
	}
}

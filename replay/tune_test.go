package replay

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"stormdesk/triage"
	"stormdesk/upstream"
)

func loadScenario(t *testing.T, dir string) *Input {
	in := &Input{Name: dir}
	var err error
	if in.Tickets, err = ReadTicketsFile("../scenarios/"+dir+"/tickets.jsonl", "label"); err != nil {
		t.Fatal(err)
	}
	if in.Updates, err = ReadUpdatesFile("../scenarios/"+dir+"/updates.jsonl", "label"); err != nil {
		t.Fatal(err)
	}
	if in.Config, err = upstream.LoadConfigFileWith("../scenarios/"+dir+"/stormdesk.yaml", upstream.LoadOptions{FeedOptional: true}); err != nil {
		t.Fatal(err)
	}
	return in
}

// TestTune is the tuning harness, not a check: it runs only when asked,
// replays the named scenarios with triage settings overridden by the
// TUNE JSON (fields of triage.Config, e.g. {"Tracker":{"JoinThreshold":0.3}})
// and prints the scores table (TUNE_DUMP=DIR also writes each result):
//
//	TUNE_SCENARIOS=meetbeam,shopkettle,ledgerleaf TUNE='{...}' go test ./replay -run TestTune -v
//
// Tune on the scenarios you may read; keep one held out (crewplan).
// TUNE_INDIVIDUAL=FILE replays with that individual model instead of the
// shipped one: with a model trained without the week replayed
// (genindividual -without WEEK), the week is scored as an unseen one.
func TestTune(t *testing.T) {
	names := os.Getenv("TUNE_SCENARIOS")
	if names == "" {
		t.Skip()
	}
	cfg := triage.DefaultConfig()
	if js := os.Getenv("TUNE"); js != "" {
		if err := json.Unmarshal([]byte(js), &cfg); err != nil {
			t.Fatal(err)
		}
	}
	if path := os.Getenv("TUNE_INDIVIDUAL"); path != "" {
		// A model trained without the week replayed (genindividual
		// -without): a leave-one-week-out replay.
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := triage.UseIndividualModel(string(b)); err != nil {
			t.Fatal(err)
		}
	}
	var mu sync.Mutex
	var rows []Row
	var wg sync.WaitGroup
	results := map[string]*Result{}
	for _, n := range strings.Split(names, ",") {
		wg.Add(1)
		go func() {
			defer wg.Done()
			in := loadScenario(t, n)
			res, err := Run(context.Background(), in, Options{Background: []string{"hard-negative", "look-alike"}, Triage: &cfg})
			if err != nil {
				t.Error(err)
				return
			}
			mu.Lock()
			rows = append(rows, RowOf(n, res))
			results[n] = res
			mu.Unlock()
		}()
	}
	wg.Wait()
	PrintTable(os.Stdout, rows)
	if d := os.Getenv("TUNE_DUMP"); d != "" {
		for n, res := range results {
			b, _ := json.MarshalIndent(res, "", " ")
			os.WriteFile(fmt.Sprintf("%s/%s.json", d, n), b, 0o644)
		}
	}
}

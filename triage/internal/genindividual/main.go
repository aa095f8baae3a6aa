// Command genindividual trains the individual-problem model embedded in
// package triage (individual.txt) from the labels of the tuning weeks of
// the scenario library, and writes it with a header naming its inputs'
// SHA-256, so that anyone can rebuild the same file: run
// `go generate ./triage` from the repository.
//
// Examples: every hard-negative and look-alike ticket (an individual
// problem) against every ticket of a real incident (a shared one), from
// scenarios/{clinicq,homenest,ledgerleaf,learnloop,meetbeam,shopkettle,wagewise}. The held-out weeks
// (crewplan, parcelpath, tablehost, any added later) are never read.
//
// With -cv it trains on all tuning weeks but one and scores the one left
// out, for each in turn, and writes nothing. With -without WEEK it writes
// a model trained on the other tuning weeks, for a leave-one-week-out
// replay of WEEK (see replay's TestTune, TUNE_INDIVIDUAL): thresholds
// tuned on weeks the shipped model was trained on would be tuned on
// scores better than an unseen week gets.
package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"stormdesk/triage"
)

// tuningWeeks are the scenario weeks whose labels may be read.
var tuningWeeks = []string{"clinicq", "homenest", "ledgerleaf", "learnloop", "meetbeam", "shopkettle", "wagewise"}

type week struct {
	name string
	sum  [32]byte
	ex   []triage.IndividualExample
}

func main() {
	scen := flag.String("scenarios", "../scenarios", "the scenario library")
	out := flag.String("out", "individual.txt", "output file")
	cv := flag.Bool("cv", false, "leave one week out and report, write nothing")
	without := flag.String("without", "", "leave this tuning week out of the training (leave-one-week-out replays)")
	opts := flag.String("opts", "", "JSON overriding fields of triage.DefaultIndividualTrainOptions (experiments only)")
	only := flag.String("weeks", "", "comma-separated weeks to train on instead of the tuning weeks (experiments only; never a held-out week)")
	flag.Parse()
	if *only != "" {
		tuningWeeks = strings.Split(*only, ",")
	}
	opt := triage.DefaultIndividualTrainOptions()
	if *opts != "" {
		if err := json.Unmarshal([]byte(*opts), &opt); err != nil {
			fail(fmt.Errorf("-opts: %w", err))
		}
	}
	var weeks []week
	for _, name := range tuningWeeks {
		if name == *without {
			continue
		}
		w, err := load(filepath.Join(*scen, name, "tickets.jsonl"))
		if err != nil {
			fail(err)
		}
		w.name = name
		weeks = append(weeks, w)
	}
	if *cv {
		for i, w := range weeks {
			var train []triage.IndividualExample
			for j, o := range weeks {
				if j != i {
					train = append(train, o.ex...)
				}
			}
			m := triage.TrainIndividual(train, opt)
			report(w, m)
		}
		return
	}
	var all []triage.IndividualExample
	header := "Individual-problem model for package triage, written by internal/genindividual (go generate ./triage).\nTrained on the labels of the tuning weeks only (held-out weeks never read):"
	if *without != "" {
		header += "\nExperiment: " + *without + " left out."
	}
	for _, w := range weeks {
		all = append(all, w.ex...)
		header += fmt.Sprintf("\n  scenarios/%s/tickets.jsonl sha256 %x (%d examples)", w.name, w.sum, len(w.ex))
	}
	header += fmt.Sprintf("\nOptions: %+v", opt)
	m := triage.TrainIndividual(all, opt)
	if err := os.WriteFile(*out, []byte(m.Format(header)), 0o644); err != nil {
		fail(err)
	}
}

func load(path string) (week, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return week{}, err
	}
	w := week{sum: sha256.Sum256(data)}
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for n := 1; sc.Scan(); n++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var t struct{ Subject, Body, Label string }
		if err := json.Unmarshal(sc.Bytes(), &t); err != nil {
			return week{}, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		var indiv bool
		switch {
		case t.Label == "hard-negative" || t.Label == "look-alike":
			indiv = true
		case strings.HasPrefix(t.Label, "inc-"):
		default:
			continue
		}
		w.ex = append(w.ex, triage.IndividualExample{Features: triage.IndividualFeatures(t.Subject, t.Body), Individual: indiv})
	}
	return w, sc.Err()
}

// report prints, for the week left out, the AUC and the share of each
// class above a few probability cuts.
func report(w week, m *triage.IndividualModel) {
	type sp struct {
		p   float64
		ind bool
	}
	var s []sp
	var np, nn int
	for _, e := range w.ex {
		s = append(s, sp{m.Prob(e.Features), e.Individual})
		if e.Individual {
			np++
		} else {
			nn++
		}
	}
	sort.Slice(s, func(i, j int) bool { return s[i].p < s[j].p })
	rank, auc := 0.0, 0.0
	for i, x := range s {
		if x.ind {
			auc += float64(i) - rank
			rank++
		}
	}
	auc /= float64(np * nn)
	fmt.Printf("%-11s AUC %.3f", w.name, auc)
	for _, cut := range []float64{0.5, 0.7, 0.9} {
		ip, in := 0, 0
		for _, x := range s {
			if x.p >= cut {
				if x.ind {
					ip++
				} else {
					in++
				}
			}
		}
		fmt.Printf(" | p>=%.1f: individual %3.0f%% incident %3.0f%%", cut, 100*float64(ip)/float64(np), 100*float64(in)/float64(nn))
	}
	fmt.Println()
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "genindividual:", err)
	os.Exit(1)
}

// Command genvectors trains the word vectors embedded in package triage
// (wordvectors.bin) from public text the project ships, and writes a
// manifest (wordvectors.txt) with the inputs' and the output's SHA-256, so
// that anyone can rebuild the same file: run `go generate ./triage` from
// the repository, with the shared data beside it (../shared/data).
//
// Inputs, never a test split: BANKING77 train, Bitext customer-service
// train, DSTC11 intent-clustering development utterances (labels unused),
// and the subject and body of every ticket of the three tuning weeks
// (scenarios/{ledgerleaf,meetbeam,shopkettle}); the held-out weeks
// (crewplan, parcelpath, any later one) are never read.
package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"stormdesk/triage"
	"stormdesk/triage/eval"
)

// tuningWeeks are the scenario weeks that may be read: the ones triage
// was tuned on. Every other week (crewplan, parcelpath, any added later)
// is held out and never opened.
var tuningWeeks = []string{"ledgerleaf", "meetbeam", "shopkettle"}

type input struct {
	path, license string
	texts         []string
}

// licenses are those of the data sets, from their SOURCE.md.
var licenses = map[string]string{
	"banking77_train":    "CC BY 4.0; BANKING77, Casanueva et al. 2020, PolyAI (attribution)",
	"bitext_train":       "CDLA-Sharing-1.0 (share-alike covers the data, not results computed from it); Bitext",
	"dstc11_development": "CDLA-Permissive-2.0; DSTC11 Track 2 intent clustering, Amazon",
}

func main() {
	data := flag.String("data", "../../shared/data", "the shared data directory")
	scen := flag.String("scenarios", "../scenarios", "the scenario library")
	out := flag.String("out", "wordvectors.bin", "output file")
	counts := flag.String("counts", "wordcounts.bin", "output file of the counts the vectors were fitted on")
	manifest := flag.String("manifest", "wordvectors.txt", "manifest file")
	opts := flag.String("opts", "", "JSON overriding fields of triage.DefaultTrainOptions (for experiments; the shipped file uses none)")
	flag.Parse()
	opt := triage.DefaultTrainOptions()
	if *opts != "" {
		if err := json.Unmarshal([]byte(*opts), &opt); err != nil {
			fmt.Fprintln(os.Stderr, "genvectors: -opts:", err)
			os.Exit(2)
		}
	}
	if err := run(*data, *scen, *out, *counts, *manifest, opt); err != nil {
		fmt.Fprintln(os.Stderr, "genvectors:", err)
		os.Exit(1)
	}
}

func run(data, scen, out, countsOut, manifest string, opt triage.TrainOptions) error {
	var ins []input
	for _, name := range []string{"banking77_train", "bitext_train", "dstc11_development"} {
		d := eval.Datasets[name]
		if strings.Contains(d.Path, "test.csv") && !strings.Contains(d.Path, "test-utterances") {
			return fmt.Errorf("%s is a test split", d.Path)
		}
		rows, err := eval.LoadDataset(data, name)
		if err != nil {
			return err
		}
		in := input{path: filepath.ToSlash(filepath.Join("shared/data", d.Path)), license: licenses[name]}
		for _, r := range rows {
			in.texts = append(in.texts, r.Text)
		}
		ins = append(ins, in)
	}
	for _, week := range tuningWeeks {
		texts, err := tickets(filepath.Join(scen, week, "tickets.jsonl"))
		if err != nil {
			return err
		}
		ins = append(ins, input{path: "scenarios/" + week + "/tickets.jsonl", license: "this repository's", texts: texts})
	}
	var all []string
	for _, in := range ins {
		all = append(all, in.texts...)
	}
	v, counts := triage.TrainVectorsAndCounts(all, opt)
	b, err := v.MarshalBinary()
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, b, 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(countsOut, counts, 0o644); err != nil {
		return err
	}
	var m strings.Builder
	fmt.Fprintf(&m, "# wordvectors.bin: written by `go generate ./triage` (internal/genvectors); do not edit.\n")
	fmt.Fprintf(&m, "options %+v\n", opt)
	fmt.Fprintf(&m, "words %d dims %d bytes %d\n", v.Len(), v.Dims(), len(b))
	for _, in := range ins {
		h := sha256.New()
		for _, t := range in.texts {
			h.Write([]byte(t))
			h.Write([]byte{0})
		}
		fmt.Fprintf(&m, "input %s texts %d sha256-of-texts %x license %s\n", in.path, len(in.texts), h.Sum(nil), in.license)
	}
	fmt.Fprintf(&m, "output sha256 %x\n", sha256.Sum256(b))
	fmt.Fprintf(&m, "counts %s bytes %d sha256 %x\n", filepath.Base(countsOut), len(counts), sha256.Sum256(counts))
	return os.WriteFile(manifest, []byte(m.String()), 0o644)
}

// tickets reads a scenario's tickets as subject + "\n" + body; labels are
// not read.
func tickets(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var t struct{ Subject, Body string }
		if err := json.Unmarshal(sc.Bytes(), &t); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		out = append(out, t.Subject+"\n"+t.Body)
	}
	return out, sc.Err()
}

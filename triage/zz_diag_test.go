package triage

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

func TestZZDiag(t *testing.T) {
	w := os.Getenv("ZZ_WEEK")
	ids := strings.Split(os.Getenv("ZZ_IDS"), ",")
	if w == "" {
		t.Skip()
	}
	f, _ := os.Open("../scenarios/" + w + "/tickets.jsonl")
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	e := New(DefaultConfig())
	for sc.Scan() {
		var tk struct{ ID, Subject, Body, Label string }
		json.Unmarshal(sc.Bytes(), &tk)
		want := false
		for _, id := range ids {
			if id == tk.ID || id == "ALL:"+tk.Label {
				want = true
			}
		}
		if !want {
			continue
		}
		text := tk.Subject + "\n" + tk.Body
		toks := e.norm.tokens(text)
		m := inspect(text, e.norm.found, e.norm.buf, toks)
		var p float64
		if mm := shippedIndividual(); mm != nil {
			_, p = mm.probToks(toks, nil)
		}
		t.Logf("%s %-13s grade=%d indiv=%.2f ind=%v col=%v trouble=%v | %.110s", tk.ID, tk.Label, m.Grade(), p, m.Individual, m.Collective, m.Trouble, strings.ReplaceAll(text, "\n", " // "))
	}
}

//go:build ignore

// check.go validates the ShopKettle scenario files and prints the numbers
// quoted in README.md:  cd /work/main && go run ./scenarios/shopkettle/check.go
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"stormdesk/scenarios/internal/weekgen"
)

// ticket and update are the generator's lines, with their times parsed.
type ticket struct {
	weekgen.Ticket
	t time.Time
}

type update struct {
	weekgen.Update
	t time.Time
}

var fails int

func fail(f string, a ...any) {
	fails++
	fmt.Printf("FAIL: "+f+"\n", a...)
}

func main() {
	dir := "scenarios/shopkettle"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	start := time.Date(2026, 5, 11, 0, 0, 0, 0, time.UTC)
	end := start.AddDate(0, 0, 7)

	// providers from stormdesk.yaml
	provs := map[string]bool{}
	y, err := os.ReadFile(filepath.Join(dir, "stormdesk.yaml"))
	if err != nil {
		panic(err)
	}
	for _, l := range strings.Split(string(y), "\n") {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, "- name:") {
			f := strings.Fields(strings.TrimPrefix(l, "- name:"))
			provs[f[0]] = true
		}
	}

	var ts []*ticket
	ids := map[string]bool{}
	f, _ := os.Open(filepath.Join(dir, "tickets.jsonl"))
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		var t ticket
		if err := json.Unmarshal(sc.Bytes(), &t); err != nil {
			fail("tickets line %d: %v", n, err)
			continue
		}
		if t.ID == "" || t.ReceivedAt == "" || t.Label == "" || t.Source == "" || t.CustomerEmail == "" {
			fail("ticket line %d missing a field", n)
		}
		if t.Subject == "" && t.Body == "" {
			fail("ticket %s has neither subject nor body", t.ID)
		}
		if ids[t.ID] {
			fail("duplicate id %s", t.ID)
		}
		ids[t.ID] = true
		t.t, err = time.Parse(time.RFC3339, t.ReceivedAt)
		if err != nil || t.t.Before(start) || !t.t.Before(end) {
			fail("ticket %s time %q outside the week", t.ID, t.ReceivedAt)
		}
		switch {
		case strings.HasPrefix(t.Label, "inc-"), t.Label == "background", t.Label == "hard-negative", t.Label == "look-alike":
		default:
			fail("ticket %s bad label %q", t.ID, t.Label)
		}
		switch t.Source {
		case "email", "chat", "web", "api":
		default:
			fail("ticket %s bad source %q", t.ID, t.Source)
		}
		ts = append(ts, &t)
	}
	sort.SliceStable(ts, func(i, j int) bool { return ts[i].t.Before(ts[j].t) })

	var ups []*update
	uids := map[string]bool{}
	f2, _ := os.Open(filepath.Join(dir, "updates.jsonl"))
	sc = bufio.NewScanner(f2)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n = 0
	for sc.Scan() {
		n++
		var u update
		if err := json.Unmarshal(sc.Bytes(), &u); err != nil {
			fail("updates line %d: %v", n, err)
			continue
		}
		if u.Provider == "" || u.ProviderIncidentID == "" || u.UpdateID == "" {
			fail("update line %d missing a required field", n)
		}
		if !provs[u.Provider] {
			fail("update %s: provider %s not in stormdesk.yaml", u.UpdateID, u.Provider)
		}
		if uids[u.UpdateID] {
			fail("duplicate update id %s", u.UpdateID)
		}
		uids[u.UpdateID] = true
		u.t, err = time.Parse(time.RFC3339, u.At)
		if err != nil || u.t.Before(start) || !u.t.Before(end) {
			fail("update %s time %q outside the week", u.UpdateID, u.At)
		}
		ok := map[string]bool{"investigating": true, "identified": true, "monitoring": true, "resolved": true}
		if u.Kind == "maintenance" {
			ok = map[string]bool{"scheduled": true, "in_progress": true, "verifying": true, "completed": true}
			if u.Impact != "maintenance" || u.Label != "" {
				fail("maintenance update %s must have impact maintenance and no label", u.UpdateID)
			}
		}
		if !ok[u.Status] {
			fail("update %s bad status %q for kind %q", u.UpdateID, u.Status, u.Kind)
		}
		switch u.Impact {
		case "none", "minor", "major", "critical", "maintenance":
		default:
			fail("update %s bad impact %q", u.UpdateID, u.Impact)
		}
		ups = append(ups, &u)
	}

	// counts per label
	counts := map[string]int{}
	var labels []string
	for _, t := range ts {
		if counts[t.Label] == 0 {
			labels = append(labels, t.Label)
		}
		counts[t.Label]++
	}
	sort.Strings(labels)
	fmt.Println("| label | tickets |\n| --- | ---: |")
	neg := 0
	for _, l := range labels {
		fmt.Printf("| `%s` | %d |\n", l, counts[l])
		if !strings.HasPrefix(l, "inc-") {
			neg += counts[l]
		}
	}
	fmt.Printf("| **total** | **%d** |\n\n", len(ts))
	fmt.Printf("background + hard-negative + look-alike: %d (%.1f%%)\n", neg, 100*float64(neg)/float64(len(ts)))

	// incident windows and provider timing
	first, last := map[string]time.Time{}, map[string]time.Time{}
	for _, t := range ts {
		if !strings.HasPrefix(t.Label, "inc-") {
			continue
		}
		if _, ok := first[t.Label]; !ok {
			first[t.Label] = t.t
		}
		last[t.Label] = t.t
	}
	explained := map[string]bool{}
	byInc := map[string][]*update{}
	var incIDs []string
	for _, u := range ups {
		if _, ok := byInc[u.ProviderIncidentID]; !ok {
			incIDs = append(incIDs, u.ProviderIncidentID)
		}
		byInc[u.ProviderIncidentID] = append(byInc[u.ProviderIncidentID], u)
	}
	fmt.Println()
	for _, id := range incIDs {
		us := byInc[id]
		lab := us[0].Label
		for _, u := range us {
			if u.Label != lab {
				fail("provider incident %s has mixed labels", id)
			}
		}
		if lab == "" {
			fmt.Printf("%-12s %-22s no label (%s, %s): %d updates %s .. %s\n", us[0].Provider, id, us[0].Kind, us[0].Impact, len(us), us[0].At, us[len(us)-1].At)
			continue
		}
		if counts[lab] == 0 {
			fail("provider incident %s label %s has no tickets", id, lab)
			continue
		}
		explained[lab] = true
		lead := first[lab].Sub(us[0].t)
		rel := "LEADS first ticket by"
		if lead < 0 {
			rel = "TRAILS first ticket by"
			lead = -lead
		}
		fmt.Printf("%-12s %-22s -> %-22s first post %s %s %v; tickets %s .. %s\n", us[0].Provider, id, lab, us[0].At[11:16], rel, lead.Round(time.Minute),
			first[lab].Format("Mon 15:04"), last[lab].Format("15:04"))
		for _, u := range us {
			if u.Status == "monitoring" {
				after := 0
				for _, t := range ts {
					if t.Label == lab && t.t.After(u.t) {
						after++
					}
				}
				fmt.Printf("    monitoring at %s: %d tickets still arrive after it, last %v later\n", u.At[11:16], after, last[lab].Sub(u.t).Round(time.Minute))
				break
			}
		}
	}
	for _, l := range labels {
		if strings.HasPrefix(l, "inc-") && !explained[l] {
			fmt.Printf("%-12s %-22s -> %-22s no provider (own bug); tickets %s .. %s\n", "-", "-", l, first[l].Format("Mon 15:04"), last[l].Format("15:04"))
		}
	}

	// negatives inside incident windows
	in := map[string]int{}
	for _, t := range ts {
		if t.Label != "hard-negative" && t.Label != "look-alike" {
			continue
		}
		for l := range first {
			if !t.t.Before(first[l]) && !t.t.After(last[l]) {
				in[t.Label]++
				break
			}
		}
	}
	fmt.Printf("\nhard-negative inside an incident window: %d of %d; look-alike inside: %d of %d\n", in["hard-negative"], counts["hard-negative"], in["look-alike"], counts["look-alike"])

	// surface statistics
	custs, orgs := map[string]bool{}, map[string]int{}
	src := map[string]int{}
	var html, long, chats, gmail, outlook, apple, fwd, auto, bounce, subjOnly, bodyOnly, foreign, followups int
	distinct := map[string]map[string]bool{}
	for _, t := range ts {
		custs[t.CustomerEmail] = true
		if t.Org != "" {
			orgs[t.Org]++
		}
		src[t.Source]++
		b := t.Body
		if strings.HasPrefix(b, "<html>") {
			html++
		}
		if len(b) >= 1500 {
			long++
		}
		if strings.Contains(b, "Bot: ") {
			chats++
		}
		if strings.Contains(b, "> wrote:\n> ") || strings.Contains(b, "> wrote:\n>") && strings.Contains(b, "\nOn ") {
			gmail++
		}
		if strings.Contains(b, "-----Original Message-----") {
			outlook++
		}
		if strings.Contains(b, "\n> On ") {
			apple++
		}
		if strings.Contains(b, "---------- Forwarded message") {
			fwd++
		}
		if strings.Contains(t.Subject, "Automatic reply") || strings.Contains(t.Subject, "Out of Office") || strings.Contains(t.Subject, "Abwesenheit") || strings.Contains(t.Subject, "Réponse automatique") || strings.HasPrefix(t.Subject, "Auto:") {
			auto++
		}
		if t.Org == "" {
			bounce++
		}
		if b == "" {
			subjOnly++
		}
		if t.Subject == "" {
			bodyOnly++
		}
		for _, w := range []string{" Hallo", "Bonjour", "Hola", "Guten", "Buenos"} {
			if strings.Contains(" "+b, w) || strings.Contains(" "+t.Subject, w) {
				foreign++
				break
			}
		}
		if strings.Contains(t.Subject, "Request received:") {
			followups++
		}
		if strings.HasPrefix(t.Label, "inc-") {
			if distinct[t.Label] == nil {
				distinct[t.Label] = map[string]bool{}
			}
			distinct[t.Label][t.Subject+"\x00"+b] = true
		}
	}
	big := 0
	for _, c := range orgs {
		if c >= 15 {
			big++
		}
	}
	fmt.Printf("customers %d, orgs %d (%d with 15+ tickets), sources %v\n", len(custs), len(orgs), big, src)
	fmt.Printf("html %d, 1500+ chars %d, chat transcripts %d, outlook quotes %d, apple quotes %d, forwarded %d, auto-replies %d, bounces %d, subject-only %d, body-only %d, non-English ~%d, incident follow-ups %d\n",
		html, long, chats, outlook, apple, fwd, auto, bounce, subjOnly, bodyOnly, foreign, followups)
	for _, l := range labels {
		if d := distinct[l]; d != nil {
			fmt.Printf("%s: %d distinct texts of %d\n", l, len(d), counts[l])
		}
	}
	if fails > 0 {
		fmt.Printf("\n%d problems\n", fails)
		os.Exit(1)
	}
	fmt.Println("\nall checks passed")
}

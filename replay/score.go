package replay

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Scores compare what the service did with the labels.
type Scores struct {
	Tickets int `json:"tickets"`
	// Pairwise precision, recall and F1 over ticket pairs: a pair is
	// together in truth when both carry the same incident label, and in
	// the service when both are in the same incident.
	Precision float64 `json:"pairwise_precision"`
	Recall    float64 `json:"pairwise_recall"`
	F1        float64 `json:"pairwise_f1"`
	// ARI is the adjusted Rand index where every background or
	// unassigned ticket is its own singleton.
	ARI    float64       `json:"ari"`
	Labels []LabelScore  `json:"labels"`
	Pulled []PulledScore `json:"background"`
	// FalseAlarms are incidents that hold no ticket of any incident
	// label: empty ones, and ones made only of background.
	FalseAlarms []int64 `json:"false_alarms"`
	// EmptyIncidents opened with no ticket at all (a subset of
	// FalseAlarms).
	EmptyIncidents []int64 `json:"empty_incidents"`
	// MixedIncidents hold tickets of two or more incident labels.
	MixedIncidents []int64 `json:"mixed_incidents"`
	// WrongLinks are links from an incident to a provider incident that
	// explains another label or none.
	WrongLinks []string `json:"wrong_links"`
}

// LabelScore is how one real incident was grouped.
type LabelScore struct {
	Label   string `json:"label"`
	Tickets int    `json:"tickets"`
	// Main is the incident holding most of the label's tickets (0: none
	// holds any).
	Main int64 `json:"incident"`
	// Recall is the share of the label's tickets in Main; Purity the
	// share of Main's tickets that carry the label.
	Recall float64 `json:"recall"`
	Purity float64 `json:"purity"`
	// Incidents counts the incidents the label's tickets are spread over.
	Incidents int `json:"incidents"`
	// OpenedAfterFirst is minutes from the label's first ticket to when
	// Main was opened (negative: opened before it).
	OpenedAfterFirst *float64 `json:"opened_minutes_after_first_ticket"`
	// OpenedAtReport is how many of the label's tickets had arrived when
	// Main was opened (0: before any).
	OpenedAtReport *int `json:"opened_at_report"`
	// AlertedAfterFirst is minutes from the label's first ticket to the
	// first alert about Main: its upstream watch's, or its opening.
	AlertedAfterFirst *float64 `json:"alerted_minutes_after_first_ticket"`
	// Upstream lists the provider incidents that explain the label;
	// Linked whether Main is linked to all of them.
	Upstream []string `json:"upstream"`
	Linked   bool     `json:"linked"`
}

// PulledScore counts the tickets of one background label that ended in
// an incident.
type PulledScore struct {
	Label   string   `json:"label"`
	Tickets int      `json:"tickets"`
	Pulled  int      `json:"pulled_into_incidents"`
	IDs     []string `json:"ids"`
	// Late counts those that joined more than an hour after arriving.
	Late int `json:"joined_more_than_an_hour_late"`
}

// isBackground reports whether a label means "no incident".
func isBackground(label string, background []string) bool {
	return label == "" || label == "background" || slices.Contains(background, label)
}

// Score scores a result against the tickets' and updates' labels; nil
// when no ticket carries a label.
func Score(res *Result, tickets []Ticket, updates []Update, background []string) *Scores {
	labelled := false
	for _, t := range tickets {
		if t.Label != "" {
			labelled = true
			break
		}
	}
	if !labelled {
		return nil
	}
	s := &Scores{Tickets: len(tickets), Labels: []LabelScore{}, Pulled: []PulledScore{}, FalseAlarms: []int64{}, EmptyIncidents: []int64{},
		MixedIncidents: []int64{}, WrongLinks: []string{}}
	label := make([]string, len(tickets))
	pred := make([]int64, len(tickets))
	for i, t := range tickets {
		label[i] = t.Label
		if isBackground(t.Label, background) {
			label[i] = ""
		}
		if in := res.Tickets[i].Incident; in != nil {
			pred[i] = *in
		}
	}
	s.Precision, s.Recall, s.F1, s.ARI = pairScores(label, pred)

	// Per label.
	byLabel := map[string][]int{}
	var labels []string
	for i, l := range label {
		if l == "" {
			continue
		}
		if byLabel[l] == nil {
			labels = append(labels, l)
		}
		byLabel[l] = append(byLabel[l], i)
	}
	incByID := map[int64]*IncidentResult{}
	sizes := map[int64]int{}
	for i := range res.Incidents {
		incByID[res.Incidents[i].ID] = &res.Incidents[i]
	}
	for _, p := range pred {
		if p != 0 {
			sizes[p]++
		}
	}
	explains := map[string][]string{} // label -> provider/incident keys
	keyLabel := map[string]string{}
	for _, u := range updates {
		k := u.Provider + "/" + u.IncidentID
		if _, seen := keyLabel[k]; seen {
			if u.Label != "" {
				keyLabel[k] = u.Label
			}
			continue
		}
		keyLabel[k] = u.Label
	}
	for k, l := range keyLabel {
		if l != "" {
			explains[l] = append(explains[l], k)
		}
	}
	for _, l := range labels {
		idx := byLabel[l]
		ls := LabelScore{Label: l, Tickets: len(idx), Upstream: []string{}}
		count := map[int64]int{}
		for _, i := range idx {
			if pred[i] != 0 {
				count[pred[i]]++
			}
		}
		ls.Incidents = len(count)
		for id, n := range count {
			if n > count[ls.Main] || n == count[ls.Main] && (ls.Main == 0 || id < ls.Main) {
				ls.Main = id
			}
		}
		if ls.Main != 0 {
			ls.Recall = float64(count[ls.Main]) / float64(len(idx))
			ls.Purity = float64(count[ls.Main]) / float64(sizes[ls.Main])
			if inc := incByID[ls.Main]; inc != nil {
				first := tickets[idx[0]].ReceivedAt
				m := inc.OpenedAt.Sub(first).Minutes()
				ls.OpenedAfterFirst = &m
				alert := inc.OpenedAt
				if inc.WatchedAt != nil && inc.WatchedAt.Before(alert) {
					alert = *inc.WatchedAt
				}
				am := alert.Sub(first).Minutes()
				ls.AlertedAfterFirst = &am
				n := 0
				for _, i := range idx {
					if !tickets[i].ReceivedAt.After(inc.OpenedAt) {
						n++
					}
				}
				ls.OpenedAtReport = &n
			}
		}
		keys := explains[l]
		sort.Strings(keys)
		for _, k := range keys {
			_, id, _ := strings.Cut(k, "/")
			ls.Upstream = append(ls.Upstream, id)
		}
		if len(keys) > 0 && ls.Main != 0 {
			ls.Linked = true
			for _, k := range keys {
				if !slices.Contains(incByID[ls.Main].upstreamKeys, k) {
					ls.Linked = false
				}
			}
		}
		s.Labels = append(s.Labels, ls)
	}

	// Background pulled in, per background label.
	pulled := map[string]*PulledScore{}
	var bgOrder []string
	for i, t := range tickets {
		if label[i] != "" {
			continue
		}
		l := t.Label
		if l == "" {
			l = "background"
		}
		p := pulled[l]
		if p == nil {
			p = &PulledScore{Label: l, IDs: []string{}}
			pulled[l] = p
			bgOrder = append(bgOrder, l)
		}
		p.Tickets++
		if pred[i] != 0 {
			p.Pulled++
			p.IDs = append(p.IDs, t.ID)
			if j := res.Tickets[i].JoinedAt; j != nil && j.Sub(t.ReceivedAt) > time.Hour {
				p.Late++
			}
		}
	}
	sort.Strings(bgOrder)
	for _, l := range bgOrder {
		s.Pulled = append(s.Pulled, *pulled[l])
	}

	// Incidents: false alarms, mixtures, wrong links.
	labelsIn := map[int64]map[string]int{}
	for i, p := range pred {
		if p == 0 || label[i] == "" {
			continue
		}
		if labelsIn[p] == nil {
			labelsIn[p] = map[string]int{}
		}
		labelsIn[p][label[i]]++
	}
	for _, inc := range res.Incidents {
		if inc.MergedInto != 0 {
			continue
		}
		if len(labelsIn[inc.ID]) == 0 {
			s.FalseAlarms = append(s.FalseAlarms, inc.ID)
			if sizes[inc.ID] == 0 {
				s.EmptyIncidents = append(s.EmptyIncidents, inc.ID)
			}
		}
		if len(labelsIn[inc.ID]) > 1 {
			s.MixedIncidents = append(s.MixedIncidents, inc.ID)
		}
		// The incident's own label: the one most of its labelled
		// tickets carry.
		own, best := "", 0
		for l, n := range labelsIn[inc.ID] {
			if n > best || n == best && l < own {
				own, best = l, n
			}
		}
		for _, k := range inc.upstreamKeys {
			if l := keyLabel[k]; l == "" || l != own {
				s.WrongLinks = append(s.WrongLinks, k+" -> incident "+strconv.FormatInt(inc.ID, 10))
			}
		}
	}
	return s
}

// pairScores computes pairwise precision, recall and F1 and the adjusted
// Rand index from the contingency table of truth (label, "" = singleton)
// and prediction (incident, 0 = singleton), in time linear in the tickets.
func pairScores(label []string, pred []int64) (p, r, f, ari float64) {
	n := len(label)
	type cell struct {
		l string
		p int64
	}
	cells := map[cell]int{}
	rows := map[string]int{}
	cols := map[int64]int{}
	for i := range label {
		if label[i] != "" {
			rows[label[i]]++
		}
		if pred[i] != 0 {
			cols[pred[i]]++
		}
		if label[i] != "" && pred[i] != 0 {
			cells[cell{label[i], pred[i]}]++
		}
	}
	c2 := func(k int) float64 { return float64(k) * float64(k-1) / 2 }
	var tp, truePairs, predPairs float64
	for _, k := range cells {
		tp += c2(k)
	}
	for _, k := range rows {
		truePairs += c2(k)
	}
	for _, k := range cols {
		predPairs += c2(k)
	}
	if predPairs > 0 {
		p = tp / predPairs
	}
	if truePairs > 0 {
		r = tp / truePairs
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	// Singletons add no pairs, so the sums above are the ARI's too.
	total := c2(n)
	if total == 0 {
		return p, r, f, 1
	}
	expected := truePairs * predPairs / total
	maxIndex := (truePairs + predPairs) / 2
	if maxIndex == expected {
		ari = 1
		if tp != expected {
			ari = 0
		}
		return p, r, f, ari
	}
	ari = (tp - expected) / (maxIndex - expected)
	return p, r, f, ari
}

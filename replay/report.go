package replay

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
)

// Print writes the result for a person: the incidents opened, the alerts,
// the emails, and with labels the scores.
func (r *Result) Print(w io.Writer) {
	tickets, inIncidents := len(r.Tickets), 0
	for _, t := range r.Tickets {
		if t.Incident != nil {
			inIncidents++
		}
	}
	if r.Name != "" {
		fmt.Fprintf(w, "stormdesk replay: %s\n", r.Name)
	}
	fmt.Fprintf(w, "%d tickets from %s to %s; %d in incidents; %d incidents opened; %d upstream watches; %d alerts posted; %d customer emails\n\n",
		tickets, r.Start.Format("2006-01-02 15:04"), r.End.Format("2006-01-02 15:04 MST"), inIncidents, r.openCount(), len(r.Watches), len(r.Alerts), len(r.Emails))
	if len(r.Incidents) > 0 {
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "INCIDENT\tOPENED\tBY\tTICKETS\tSTATUS\tUPSTREAM\tTITLE")
		for _, inc := range r.Incidents {
			status := inc.Status
			if inc.MergedInto != 0 {
				status = fmt.Sprintf("merged into #%d", inc.MergedInto)
			}
			fmt.Fprintf(tw, "#%d\t%s\t%s\t%d\t%s\t%s\t%s\n", inc.ID, inc.OpenedAt.Format("Mon 15:04"), inc.OpenedBy, inc.Tickets, status,
				dash(strings.Join(inc.Upstream, ",")), clip(inc.Title, 60))
		}
		tw.Flush()
		fmt.Fprintln(w)
	}
	if len(r.Watches) > 0 {
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "WATCH\tOPENED\tCONFIRMED\tCLOSED\tUPSTREAM\tTITLE")
		for _, wr := range r.Watches {
			conf, closed := "-", "-"
			if wr.ConfirmedAt != nil {
				conf = fmt.Sprintf("%s (incident #%d)", wr.ConfirmedAt.Format("Mon 15:04"), *wr.Incident)
			}
			if wr.ClosedAt != nil {
				closed = wr.ClosedAt.Format("Mon 15:04")
			}
			fmt.Fprintf(tw, "#%d\t%s\t%s\t%s\t%s\t%s\n", wr.ID, wr.OpenedAt.Format("Mon 15:04"), conf, closed, dash(strings.Join(wr.Upstream, ",")), clip(wr.Title, 60))
		}
		tw.Flush()
		fmt.Fprintln(w)
	}
	if s := r.Scores; s != nil {
		s.Print(w)
	}
}

func (r *Result) openCount() int {
	n := 0
	for _, inc := range r.Incidents {
		if inc.MergedInto == 0 {
			n++
		}
	}
	return n
}

// Print writes the scores as a small report.
func (s *Scores) Print(w io.Writer) {
	fmt.Fprintf(w, "pairwise precision %.2f  recall %.2f  F1 %.2f  ARI %.2f\n\n", s.Precision, s.Recall, s.F1, s.ARI)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "LABEL\tTICKETS\tINCIDENT\tRECALL\tPURITY\tSPREAD\tOPENED\tAT REPORT\tUPSTREAM")
	for _, l := range s.Labels {
		main, opened, at := "-", "-", "-"
		if l.Main != 0 {
			main = fmt.Sprintf("#%d", l.Main)
		}
		if l.OpenedAfterFirst != nil {
			opened = fmtMinutes(*l.OpenedAfterFirst)
		}
		if l.OpenedAtReport != nil {
			at = fmt.Sprint(*l.OpenedAtReport)
		}
		up := "-"
		if len(l.Upstream) > 0 {
			up = strings.Join(l.Upstream, ",")
			if l.Linked {
				up += " linked"
			} else {
				up += " NOT linked"
			}
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%.2f\t%.2f\t%d\t%s\t%s\t%s\n", l.Label, l.Tickets, main, l.Recall, l.Purity, l.Incidents, opened, at, up)
	}
	tw.Flush()
	fmt.Fprintln(w)
	for _, p := range s.Pulled {
		pct := 0.0
		if p.Tickets > 0 {
			pct = 100 * float64(p.Pulled) / float64(p.Tickets)
		}
		fmt.Fprintf(w, "%s: %d of %d pulled into incidents (%.1f%%), %d of them more than an hour after arriving\n", p.Label, p.Pulled, p.Tickets, pct, p.Late)
	}
	fmt.Fprintf(w, "false alarms (no incident ticket): %s; opened empty: %s\n", ids(s.FalseAlarms), ids(s.EmptyIncidents))
	fmt.Fprintf(w, "incidents mixing real incidents: %s\n", ids(s.MixedIncidents))
	if len(s.WrongLinks) == 0 {
		fmt.Fprintln(w, "wrong upstream links: none")
	} else {
		fmt.Fprintf(w, "wrong upstream links: %s\n", strings.Join(s.WrongLinks, "; "))
	}
}

func fmtMinutes(m float64) string {
	d := time.Duration(m * float64(time.Minute)).Round(time.Minute)
	if d < 0 {
		return "-" + (-d).String()
	}
	return "+" + d.String()
}

func ids(l []int64) string {
	if len(l) == 0 {
		return "none"
	}
	parts := make([]string, len(l))
	for i, id := range l {
		parts[i] = fmt.Sprintf("#%d", id)
	}
	return strings.Join(parts, ", ")
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func clip(s string, n int) string {
	if len([]rune(s)) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

// Row is one scenario's line in a table of scores.
type Row struct {
	Name                                 string
	Tickets                              int
	Precision, Recall, F1, ARI           float64
	Background, HardNegative, LookAlike  [2]int // pulled, of
	Incidents, FalseAlarms, Empty, Mixed int
	Labels                               []LabelScore
	WrongLinks                           int
	Seconds                              float64
}

// RowOf summarises a scored result.
func RowOf(name string, r *Result) Row {
	s := r.Scores
	row := Row{Name: name, Tickets: s.Tickets, Precision: s.Precision, Recall: s.Recall, F1: s.F1, ARI: s.ARI, Incidents: r.openCount(),
		FalseAlarms: len(s.FalseAlarms), Empty: len(s.EmptyIncidents), Mixed: len(s.MixedIncidents), Labels: s.Labels, WrongLinks: len(s.WrongLinks), Seconds: r.WallSeconds}
	for _, p := range s.Pulled {
		switch p.Label {
		case "hard-negative":
			row.HardNegative = [2]int{p.Pulled, p.Tickets}
		case "look-alike":
			row.LookAlike = [2]int{p.Pulled, p.Tickets}
		default:
			row.Background[0] += p.Pulled
			row.Background[1] += p.Tickets
		}
	}
	return row
}

// PrintTable writes rows as a Markdown table, then each scenario's labels.
func PrintTable(w io.Writer, rows []Row) {
	pct := func(x [2]int) string {
		if x[1] == 0 {
			return "-"
		}
		return fmt.Sprintf("%d/%d (%.1f%%)", x[0], x[1], 100*float64(x[0])/float64(x[1]))
	}
	fmt.Fprintln(w, "| scenario | tickets | P | R | F1 | ARI | background in incidents | hard negatives in | look-alikes in | incidents | false alarms (empty) | mixed | wrong links | s |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, r := range rows {
		fmt.Fprintf(w, "| %s | %d | %.2f | %.2f | %.2f | %.2f | %s | %s | %s | %d | %d (%d) | %d | %d | %.1f |\n", r.Name, r.Tickets, r.Precision, r.Recall, r.F1, r.ARI,
			pct(r.Background), pct(r.HardNegative), pct(r.LookAlike), r.Incidents, r.FalseAlarms, r.Empty, r.Mixed, r.WrongLinks, r.Seconds)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| scenario | label | tickets | recall | purity | incidents | alerted (after first ticket) | opened | at report | upstream |")
	fmt.Fprintln(w, "|---|---|---:|---:|---:|---:|---:|---:|---:|---|")
	for _, r := range rows {
		for _, l := range r.Labels {
			alerted, opened, at := "never", "never", "-"
			if l.OpenedAfterFirst != nil {
				opened = fmtMinutes(*l.OpenedAfterFirst)
			}
			if l.AlertedAfterFirst != nil {
				alerted = fmtMinutes(*l.AlertedAfterFirst)
			}
			if l.OpenedAtReport != nil {
				at = fmt.Sprint(*l.OpenedAtReport)
			}
			up := "-"
			if len(l.Upstream) > 0 {
				up = "not linked"
				if l.Linked {
					up = "linked"
				}
			}
			fmt.Fprintf(w, "| %s | %s | %d | %.2f | %.2f | %d | %s | %s | %s | %s |\n", r.Name, l.Label, l.Tickets, l.Recall, l.Purity, l.Incidents, alerted, opened, at, up)
		}
	}
}

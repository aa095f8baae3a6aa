package audit

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"stormdesk"
)

// Render writes the report in format: md, html, json or csv (as parsed by
// templates.ParseFormat). JSON carries everything (schema
// stormdesk.audit/v1); CSV is one row per provider; Markdown and HTML are
// for people.
func Render(w io.Writer, format string, r *Report) error {
	var err error
	switch format {
	case "json":
		err = renderJSON(w, r)
	case "csv":
		err = renderCSV(w, r)
	case "md":
		err = renderMarkdown(w, r)
	case "html":
		err = page.Execute(w, r)
	default:
		return stormdesk.Errorf(stormdesk.EINVALID, "format: %q is not one of md, html, json, csv", format)
	}
	if err != nil {
		return fmt.Errorf("audit: render %s: %w", format, err)
	}
	return nil
}

func renderJSON(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		Schema string `json:"schema"`
		*Report
	}{"stormdesk.audit/v1", r})
}

// csvHeader names the CSV columns.
var csvHeader = []string{"provider", "backs", "incidents_seen", "by_impact", "maintenances", "trouble_minutes", "became_customer_incidents",
	"customer_visible_minutes", "tickets", "distinct_customers", "features_affected",
	"provider_to_alert_median_min", "provider_to_alert_worst_min", "alert_to_first_ticket_median_min", "alert_to_first_ticket_worst_min",
	"provider_to_first_ticket_median_min", "provider_to_first_ticket_worst_min", "single_provider_features_unprobed"}

func renderCSV(w io.Writer, r *Report) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for _, p := range r.Providers {
		var unprobed []string
		for _, sp := range r.SinglePoints {
			if sp.Provider == p.Name && !sp.Guarded() {
				unprobed = append(unprobed, sp.Feature)
			}
		}
		row := []string{p.Name, strings.Join(p.Backs, " "), strconv.Itoa(p.Seen), impactsText(p.ByImpact), strconv.Itoa(p.Maintenance),
			num(p.TroubleMinutes), strconv.Itoa(p.Became), num(p.CustomerMinutes), strconv.Itoa(p.Tickets), strconv.Itoa(p.Customers),
			strings.Join(p.Features, " "),
			numPtr(p.ProviderToAlert.Median), numPtr(p.ProviderToAlert.Worst), numPtr(p.AlertToReport.Median), numPtr(p.AlertToReport.Worst),
			numPtr(p.ProviderToReport.Median), numPtr(p.ProviderToReport.Worst), strings.Join(unprobed, " ")}
		for i, c := range row {
			row[i] = inert(c)
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// inert keeps a spreadsheet from reading a cell as a formula (provider
// titles and names come from configuration and feeds).
func inert(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		if _, err := strconv.ParseFloat(s, 64); err != nil {
			return "'" + s
		}
	}
	return s
}

// num writes minutes to the hundredth: seconds are the feeds' precision.
func num(v float64) string { return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64) }

func numPtr(v *float64) string {
	if v == nil {
		return ""
	}
	return num(*v)
}

func impactsText(cs []Count) string {
	var parts []string
	for _, c := range cs {
		parts = append(parts, fmt.Sprintf("%d %s", c.Count, c.Impact))
	}
	return strings.Join(parts, ", ")
}

// minutes writes a gap or a length in minutes for people: "36 min",
// "-14 min", "2 h 05 min".
func minutes(v float64) string {
	neg := v < 0
	if neg {
		v = -v
	}
	m := int(v + 0.5)
	s := fmt.Sprintf("%d min", m)
	if m >= 120 {
		s = fmt.Sprintf("%d h %02d min", m/60, m%60)
	}
	if neg {
		s = "-" + s
	}
	return s
}

func minutesPtr(v *float64) string {
	if v == nil {
		return "–"
	}
	return minutes(*v)
}

func gapText(g Gap) string {
	if g.N == 0 {
		return "–"
	}
	if g.N == 1 {
		return minutes(*g.Median) + " (one incident)"
	}
	return fmt.Sprintf("median %s, worst %s (n=%d)", minutes(*g.Median), minutes(*g.Worst), g.N)
}

func clock(t *time.Time) string {
	if t == nil {
		return "–"
	}
	return t.UTC().Format("2006-01-02 15:04")
}

// mdCell escapes what would break a Markdown table or link out of it.
func mdCell(s string) string {
	r := strings.NewReplacer("|", `\|`, "\n", " ", "\r", " ", "<", "&lt;", ">", "&gt;", "[", `\[`, "]", `\]`, "`", "\\`")
	return r.Replace(s)
}

func renderMarkdown(w io.Writer, r *Report) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Dependency audit\n\n%s to %s UTC. Minutes count overlapping outages once. Time-to-know gaps are over the provider incidents that became customer incidents; a negative gap means the later moment came first.\n\n",
		r.Since.UTC().Format("2006-01-02 15:04"), r.Until.UTC().Format("2006-01-02 15:04"))
	b.WriteString("| provider | incidents seen | trouble | became customer incidents | customer-visible | tickets | customers | features affected | provider → alert | alert → first ticket | provider → first ticket |\n")
	b.WriteString("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- | --- | --- |\n")
	for _, p := range r.Providers {
		seen := strconv.Itoa(p.Seen)
		if len(p.ByImpact) > 0 {
			seen += " (" + impactsText(p.ByImpact) + ")"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %d | %s | %d | %d | %s | %s | %s | %s |\n", mdCell(p.Name), seen, minutes(p.TroubleMinutes), p.Became,
			minutes(p.CustomerMinutes), p.Tickets, p.Customers, mdCell(dash(strings.Join(p.Features, ", "))),
			gapText(p.ProviderToAlert), gapText(p.AlertToReport), gapText(p.ProviderToReport))
	}
	b.WriteString("\n## Features that hang on one provider\n\n")
	if len(r.SinglePoints) == 0 {
		b.WriteString("None: every feature a provider backs has a second one.\n")
	}
	for _, sp := range r.SinglePoints {
		mark := "- **" + mdCell(sp.Text) + "**\n"
		if sp.Guarded() {
			mark = "- " + mdCell(sp.Text) + "\n"
		}
		b.WriteString(mark)
	}
	for _, p := range r.Providers {
		if len(p.Incidents) == 0 && p.Maintenance == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n## %s\n\n", mdCell(p.Name))
		if p.Maintenance > 0 {
			fmt.Fprintf(&b, "%d scheduled maintenance(s), not counted as incidents.\n\n", p.Maintenance)
		}
		if len(p.Incidents) == 0 {
			continue
		}
		b.WriteString("| provider incident | impact | first update | resolved | trouble | stormdesk incidents | stormdesk alert | first ticket | provider → alert | alert → first ticket |\n")
		b.WriteString("| --- | --- | --- | --- | ---: | --- | --- | --- | ---: | ---: |\n")
		for _, u := range p.Incidents {
			var ids []string
			for _, id := range u.Incidents {
				ids = append(ids, "#"+strconv.FormatInt(id, 10))
			}
			start := u.Start
			fmt.Fprintf(&b, "| %s %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", mdCell(u.ID), mdCell(quote(u.Title)), mdCell(u.Impact), clock(&start), clock(u.End),
				minutes(u.Minutes), dash(strings.Join(ids, ", ")), clock(u.Alert), clock(u.FirstTicket), minutesPtr(u.ProviderToAlert), minutesPtr(u.AlertToReport))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func quote(s string) string {
	if s == "" {
		return ""
	}
	return "“" + s + "”"
}

func dash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

package statuspage

import (
	"encoding/xml"
	"html"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"stormdesk"
)

// The incident history as RSS 2.0 and Atom, in the shape Statuspage
// publishes at /history.rss and /history.atom: one item per incident and
// per scheduled maintenance, newest first, whose HTML body lists its
// updates newest first, each as
// <p><small>DATE</small><br><strong>Status</strong> - body</p>. A
// maintenance's item is Statuspage's too: its body opens with
// <p><strong>THIS IS A SCHEDULED EVENT ...</strong></p> (the window), its
// updates are Scheduled, In progress and Completed, its date is the
// window's start (which may be ahead), and in RSS it carries
// <maintenanceEndDate>. Feed readers show it as it is; stormdesk's own
// reader takes each update's time, status and body back out of it, and
// knows a maintenance from an incident.

type rssDoc struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title       string    `xml:"title"`
	Link        string    `xml:"link"`
	Description string    `xml:"description"`
	PubDate     string    `xml:"pubDate"`
	Items       []rssItem `xml:"item"`
}

type rssItem struct {
	Title       string `xml:"title"`
	Description string `xml:"description"`
	PubDate     string `xml:"pubDate"`
	Link        string `xml:"link"`
	GUID        string `xml:"guid"`
	// MaintenanceEndDate is the end of a maintenance's window (not
	// namespaced, as Statuspage writes it).
	MaintenanceEndDate string `xml:"maintenanceEndDate,omitempty"`
}

type atomDoc struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	ID      string      `xml:"id"`
	Links   []atomLink  `xml:"link"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
	Href string `xml:"href,attr"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	ID        string      `xml:"id"`
	Published string      `xml:"published"`
	Updated   string      `xml:"updated"`
	Link      atomLink    `xml:"link"`
	Title     string      `xml:"title"`
	Content   atomContent `xml:"content"`
}

type atomContent struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

// updatesHTML is an incident's updates, newest first, in Statuspage's
// feed markup. Every body is escaped: an operator's text is never markup.
func updatesHTML(v Incident) string {
	var b strings.Builder
	for i := len(v.Updates) - 1; i >= 0; i-- {
		u := v.Updates[i]
		updateHTML(&b, u.At, statusLabel(string(u.Status)), u.Body)
	}
	return b.String()
}

// updateHTML is one update in Statuspage's feed markup.
func updateHTML(b *strings.Builder, at time.Time, label, body string) {
	at = at.UTC()
	b.WriteString("<p><small>" + at.Format("Jan") + " <var data-var='date'>" + strconv.Itoa(at.Day()) + "</var>, " +
		strconv.Itoa(at.Year()) + ", <var data-var='time'>" + at.Format("15:04") + "</var> UTC</small><br><strong>" +
		html.EscapeString(label) + "</strong> - " +
		strings.ReplaceAll(html.EscapeString(body), "\n", "<br />") + "</p>")
}

// maintenanceHTML is a maintenance's window and its updates, newest
// first, in Statuspage's feed markup.
func maintenanceHTML(m Maintenance) string {
	var b strings.Builder
	from, until := m.ScheduledFor.UTC(), m.ScheduledUntil.UTC()
	b.WriteString("<p><strong>THIS IS A SCHEDULED EVENT " + from.Format("Jan") + " <var data-var='date'>" + strconv.Itoa(from.Day()) +
		"</var>, <var data-var='time'>" + from.Format("15:04") + "</var> - ")
	if until.YearDay() != from.YearDay() || until.Year() != from.Year() {
		b.WriteString(until.Format("Jan") + " <var data-var='date'>" + strconv.Itoa(until.Day()) + "</var>, ")
	}
	b.WriteString("<var data-var='time'>" + until.Format("15:04") + "</var> UTC</strong></p>")
	for i := len(m.Updates) - 1; i >= 0; i-- {
		u := m.Updates[i]
		updateHTML(&b, u.At, maintenanceLabel(u.Status), u.Body)
	}
	return b.String()
}

// maintenanceLabel is a maintenance status as Statuspage labels it.
func maintenanceLabel(s string) string {
	if s == stormdesk.MaintenanceInProgress {
		return "In progress"
	}
	return statusLabel(s)
}

// feedItem is one item of the history: an incident or a maintenance,
// with the time it is dated by (an incident's publication, a
// maintenance's start) to put them in one order, newest first.
type feedItem struct {
	at        time.Time
	incident  *Incident
	maintains *Maintenance
}

func (p *Page) feedItems() []feedItem {
	var out []feedItem
	for i := range p.Incidents {
		out = append(out, feedItem{at: p.Incidents[i].CreatedAt, incident: &p.Incidents[i]})
	}
	for i := range p.Maintenances {
		out = append(out, feedItem{at: p.Maintenances[i].ScheduledFor, maintains: &p.Maintenances[i]})
	}
	slices.SortStableFunc(out, func(a, b feedItem) int { return b.at.Compare(a.at) })
	return out
}

// statusLabel is a status as the page shows it: "Investigating".
func statusLabel(s string) string {
	if s == "" {
		return ""
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// WriteRSS writes the history as RSS 2.0.
func (p *Page) WriteRSS(w io.Writer) error {
	doc := rssDoc{Version: "2.0", Channel: rssChannel{Title: p.Name + " - Incident History", Link: p.URL, Description: p.Name,
		PubDate: p.UpdatedAt.UTC().Format(time.RFC1123Z)}}
	for _, it := range p.feedItems() {
		if v := it.incident; v != nil {
			doc.Channel.Items = append(doc.Channel.Items, rssItem{Title: v.Name, Description: updatesHTML(*v),
				PubDate: v.CreatedAt.UTC().Format(time.RFC1123Z), Link: p.IncidentURL(v.ID), GUID: p.IncidentURL(v.ID)})
			continue
		}
		m := it.maintains
		doc.Channel.Items = append(doc.Channel.Items, rssItem{Title: m.Name, Description: maintenanceHTML(*m),
			PubDate: m.ScheduledFor.UTC().Format(time.RFC1123Z), Link: p.MaintenanceURL(m.ID), GUID: p.MaintenanceURL(m.ID),
			MaintenanceEndDate: m.ScheduledUntil.UTC().Format(time.RFC1123Z)})
	}
	return writeXML(w, doc)
}

// WriteAtom writes the history as Atom.
func (p *Page) WriteAtom(w io.Writer) error {
	doc := atomDoc{Lang: "en", ID: p.tag("/history"), Title: p.Name + " - Incident History", Updated: p.UpdatedAt.UTC().Format(time.RFC3339),
		Author: atomAuthor{Name: p.Name},
		Links: []atomLink{{Rel: "alternate", Type: "text/html", Href: p.URL},
			{Rel: "self", Type: "application/atom+xml", Href: strings.TrimSuffix(p.URL, "/status") + "/history.atom"}}}
	for _, it := range p.feedItems() {
		if v := it.incident; v != nil {
			doc.Entries = append(doc.Entries, atomEntry{ID: p.tag("/incidents/" + strconv.FormatInt(v.ID, 10)),
				Published: v.CreatedAt.UTC().Format(time.RFC3339), Updated: v.UpdatedAt.UTC().Format(time.RFC3339),
				Link: atomLink{Rel: "alternate", Type: "text/html", Href: p.IncidentURL(v.ID)}, Title: v.Name,
				Content: atomContent{Type: "html", Body: updatesHTML(*v)}})
			continue
		}
		// For a maintenance, published is the window's start (as
		// Statuspage's), which may be later than updated.
		m := it.maintains
		doc.Entries = append(doc.Entries, atomEntry{ID: p.tag("/maintenances/" + strconv.FormatInt(m.ID, 10)),
			Published: m.ScheduledFor.UTC().Format(time.RFC3339), Updated: m.UpdatedAt.UTC().Format(time.RFC3339),
			Link: atomLink{Rel: "alternate", Type: "text/html", Href: p.MaintenanceURL(m.ID)}, Title: m.Name,
			Content: atomContent{Type: "html", Body: maintenanceHTML(*m)}})
	}
	return writeXML(w, doc)
}

// tag is an Atom id (RFC 4151) under the page's host.
func (p *Page) tag(path string) string {
	host := p.URL
	if i := strings.Index(host, "://"); i >= 0 {
		host = host[i+3:]
	}
	host, _, _ = strings.Cut(host, "/")
	if host == "" {
		host = "stormdesk.invalid"
	}
	return "tag:" + host + ",2026:" + path
}

func writeXML(w io.Writer, doc any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

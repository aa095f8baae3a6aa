package templates

import (
	"bytes"
	"fmt"
	htmltemplate "html/template"
	"maps"
	"strings"
	texttemplate "text/template"

	"stormdesk"
)

// Customer email templates, one per moment of an incident that customers
// hear about.
const (
	EmailAcknowledged = "acknowledged"
	EmailUpdate       = "update"
	EmailResolved     = "resolved"
)

// EmailTemplates lists every customer email template name.
var EmailTemplates = []string{EmailAcknowledged, EmailUpdate, EmailResolved}

// EmailData fills a customer email. The sender and footer come from
// configuration; Message is what the operator wrote.
type EmailData struct {
	Incident    *stormdesk.Incident
	Message     string
	ProductName string
	FromName    string
	// UnsubscribeURL is usually a placeholder (notify.UnsubscribeTag) that
	// the provider replaces with each recipient's own link, so a message is
	// rendered once for all its recipients.
	UnsubscribeURL string
	Footer         string
	StatusPageURL  string
}

// emailView is what the templates see: the data and what is computed
// from it, so the templates hold no logic beyond layout.
type emailView struct {
	EmailData
	Affected   string
	Status     string
	Paragraphs []string
	Lasted     string
}

type emailSet struct {
	name string
	text *texttemplate.Template
	html *htmltemplate.Template
}

// parseSet parses email_NAME.txt.tmpl and .html.tmpl from files/, each
// after the same-kind files of layouts (email_layout, if any).
func parseSet(name string, layouts ...string) emailSet {
	txt, html := []string{}, []string{}
	for _, f := range append(layouts, "email_"+name) {
		txt, html = append(txt, "files/"+f+".txt.tmpl"), append(html, "files/"+f+".html.tmpl")
	}
	return emailSet{name: name,
		text: texttemplate.Must(texttemplate.New("").Funcs(maps.Clone(funcs)).ParseFS(files, txt...)),
		html: htmltemplate.Must(htmltemplate.New("").Funcs(maps.Clone(funcs)).ParseFS(files, html...)),
	}
}

// render executes the set's subject, text and html templates on v. The
// subject is made one line, whatever the data holds: a newline in a
// subject would start a new mail header.
func (set emailSet) render(v any) (subject, text, html string, err error) {
	var sb, tb, hb bytes.Buffer
	if err := set.text.ExecuteTemplate(&sb, "subject", v); err != nil {
		return "", "", "", fmt.Errorf("templates: email %s subject: %w", set.name, err)
	}
	if err := set.text.ExecuteTemplate(&tb, "email", v); err != nil {
		return "", "", "", fmt.Errorf("templates: email %s text: %w", set.name, err)
	}
	if err := set.html.ExecuteTemplate(&hb, "email", v); err != nil {
		return "", "", "", fmt.Errorf("templates: email %s html: %w", set.name, err)
	}
	return strings.Join(strings.Fields(sb.String()), " "), tb.String(), hb.String(), nil
}

var emailSets = func() map[string]emailSet {
	m := map[string]emailSet{}
	for _, name := range EmailTemplates {
		m[name] = parseSet(name, "email_layout")
	}
	return m
}()

var statusLabels = map[stormdesk.Status]string{
	stormdesk.StatusTriage:        "Investigating",
	stormdesk.StatusInvestigating: "Investigating",
	stormdesk.StatusIdentified:    "Cause identified, fix in progress",
	stormdesk.StatusMonitoring:    "Fix applied, monitoring",
	stormdesk.StatusResolved:      "Resolved",
}

// RenderEmail renders one customer email: a one-line subject, a plain-text
// body and an HTML body. Errors are EINVALID and name the field.
func RenderEmail(name string, data EmailData) (subject, text, html string, err error) {
	set, ok := emailSets[name]
	if !ok {
		return "", "", "", stormdesk.Errorf(stormdesk.EINVALID, "template: %q is not one of %s", name, strings.Join(EmailTemplates, ", "))
	}
	inc := data.Incident
	switch {
	case inc == nil:
		return "", "", "", stormdesk.Errorf(stormdesk.EINVALID, "incident: required")
	case strings.TrimSpace(inc.Title) == "":
		return "", "", "", stormdesk.Errorf(stormdesk.EINVALID, "incident.title: required")
	case name == EmailUpdate && strings.TrimSpace(data.Message) == "":
		return "", "", "", stormdesk.Errorf(stormdesk.EINVALID, "message: required for an update")
	case data.UnsubscribeURL == "":
		return "", "", "", stormdesk.Errorf(stormdesk.EINVALID, "unsubscribe_url: required")
	}
	v := emailView{EmailData: data, Affected: affected(inc.Features), Status: statusLabels[inc.Status],
		Paragraphs: paragraphs(data.Message)}
	if v.Status == "" {
		v.Status = string(inc.Status)
	}
	if inc.ResolvedAt != nil && inc.ResolvedAt.After(inc.CreatedAt) && !inc.CreatedAt.IsZero() {
		v.Lasted = Duration(inc.ResolvedAt.Sub(inc.CreatedAt))
	}
	return set.render(v)
}

// affected names the features in words: "login", "login and billing",
// "login, billing and exports".
func affected(features []string) string {
	var fs []string
	for _, f := range features {
		if f = strings.TrimSpace(f); f != "" {
			fs = append(fs, f)
		}
	}
	switch len(fs) {
	case 0:
		return "some of our services"
	case 1:
		return fs[0]
	}
	return strings.Join(fs[:len(fs)-1], ", ") + " and " + fs[len(fs)-1]
}

// paragraphs splits an operator's message on blank lines, normalising line
// ends, so the HTML part shows the paragraphs the text part has.
func paragraphs(msg string) []string {
	msg = strings.ReplaceAll(strings.ReplaceAll(msg, "\r\n", "\n"), "\r", "\n")
	var out []string
	for _, p := range strings.Split(msg, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

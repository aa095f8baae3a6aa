package templates

import (
	"bytes"
	"fmt"
	htmltemplate "html/template"
	"maps"
	"strings"
	texttemplate "text/template"
	"time"

	"stormdesk"
)

// EmailMaintenance is the template of the emails that tell a status page
// component's subscribers about a scheduled maintenance: when it is
// scheduled, when it starts and when it ends.
const EmailMaintenance = "maintenance"

// MaintenanceData fills a maintenance email. Phase is the maintenance
// timeline's kind: scheduled, started or ended.
type MaintenanceData struct {
	ProductName    string
	Phase          string
	Title, Text    string
	Components     []string
	StartsAt       time.Time
	EndsAt         time.Time
	StatusPageURL  string
	UnsubscribeURL string
	FromName       string
	Footer         string
}

var maintenanceSet = emailSet{
	text: texttemplate.Must(texttemplate.New("").Funcs(maps.Clone(funcs)).ParseFS(files, "files/email_maintenance.txt.tmpl")),
	html: htmltemplate.Must(htmltemplate.New("").Funcs(maps.Clone(funcs)).ParseFS(files, "files/email_maintenance.html.tmpl")),
}

// RenderMaintenance renders a maintenance email: subject, text and HTML.
func RenderMaintenance(d MaintenanceData) (subject, text, html string, err error) {
	v := struct {
		MaintenanceData
		Heading, Lead, Components string
	}{MaintenanceData: d, Components: affected(d.Components)}
	switch d.Phase {
	case stormdesk.MaintenanceKindScheduled:
		v.Heading, v.Lead = "Scheduled maintenance", "We have scheduled maintenance that affects "+v.Components+"."
	case stormdesk.MaintenanceKindStarted:
		v.Heading, v.Lead = "Maintenance in progress", "The scheduled maintenance of "+v.Components+" has begun."
	case stormdesk.MaintenanceKindEnded:
		v.Heading, v.Lead = "Maintenance completed", "The scheduled maintenance of "+v.Components+" has been completed."
	default:
		return "", "", "", stormdesk.Errorf(stormdesk.EINVALID, "phase: %q is not scheduled, started or ended", d.Phase)
	}
	if d.UnsubscribeURL == "" {
		return "", "", "", stormdesk.Errorf(stormdesk.EINVALID, "unsubscribe_url: required")
	}
	var sb, tb, hb bytes.Buffer
	if err := maintenanceSet.text.ExecuteTemplate(&sb, "subject", v); err != nil {
		return "", "", "", fmt.Errorf("templates: maintenance subject: %w", err)
	}
	if err := maintenanceSet.text.ExecuteTemplate(&tb, "email", v); err != nil {
		return "", "", "", fmt.Errorf("templates: maintenance text: %w", err)
	}
	if err := maintenanceSet.html.ExecuteTemplate(&hb, "email", v); err != nil {
		return "", "", "", fmt.Errorf("templates: maintenance html: %w", err)
	}
	return strings.Join(strings.Fields(sb.String()), " "), tb.String(), hb.String(), nil
}

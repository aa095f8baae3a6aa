package templates

import (
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

var maintenanceSet = parseSet("maintenance")

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
	return maintenanceSet.render(v)
}

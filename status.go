package stormdesk

import (
	"strings"
	"time"
)

// ComponentStatus is the state of a component on the public status page,
// in the words of Atlassian's Statuspage API so that its readers
// understand ours.
type ComponentStatus string

// Component states, best first.
const (
	ComponentOperational      ComponentStatus = "operational"
	ComponentDegraded         ComponentStatus = "degraded_performance"
	ComponentPartialOutage    ComponentStatus = "partial_outage"
	ComponentMajorOutage      ComponentStatus = "major_outage"
	ComponentUnderMaintenance ComponentStatus = "under_maintenance"
)

// ComponentStatuses lists every state, best first.
var ComponentStatuses = []ComponentStatus{ComponentOperational, ComponentDegraded, ComponentPartialOutage, ComponentMajorOutage, ComponentUnderMaintenance}

// Label is the state in words, for the page: never colour alone.
func (c ComponentStatus) Label() string {
	switch c {
	case ComponentDegraded:
		return "Degraded performance"
	case ComponentPartialOutage:
		return "Partial outage"
	case ComponentMajorOutage:
		return "Major outage"
	case ComponentUnderMaintenance:
		return "Under maintenance"
	}
	return "Operational"
}

// Worse reports whether c is a worse state than d. Maintenance ranks
// below any outage (it is planned) and above degraded performance.
func (c ComponentStatus) Worse(d ComponentStatus) bool { return c.rank() > d.rank() }

func (c ComponentStatus) rank() int {
	switch c {
	case ComponentDegraded:
		return 1
	case ComponentUnderMaintenance:
		return 2
	case ComponentPartialOutage:
		return 3
	case ComponentMajorOutage:
		return 4
	}
	return 0
}

// ParseComponentStatus reads an operator's state: the API's words or the
// short ones (degraded, partial, major, maintenance). "auto" (and "")
// gives the empty status: the override is lifted and the component
// follows its incidents again.
func ParseComponentStatus(s string) (ComponentStatus, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "auto", "":
		return "", nil
	case "operational", "ok":
		return ComponentOperational, nil
	case "degraded", "degraded_performance":
		return ComponentDegraded, nil
	case "partial", "partial_outage":
		return ComponentPartialOutage, nil
	case "major", "major_outage", "outage":
		return ComponentMajorOutage, nil
	case "maintenance", "under_maintenance":
		return ComponentUnderMaintenance, nil
	}
	return "", Errorf(EINVALID, "component state: %q is not one of operational, degraded, partial, major, maintenance or auto", s)
}

// Outage is the state an open incident of this severity puts the
// components it affects in: critical → major outage, major → partial
// outage, minor → degraded performance.
func (s Severity) Outage() ComponentStatus {
	switch s {
	case SeverityCritical:
		return ComponentMajorOutage
	case SeverityMajor:
		return ComponentPartialOutage
	}
	return ComponentDegraded
}

// ComponentImpact is how a published incident of severity sev in status
// st shows on the components it affects: its severity's outage, at most
// degraded performance while it is monitored (a fix is in), and nothing
// once resolved.
func ComponentImpact(sev Severity, st Status) ComponentStatus {
	switch st {
	case StatusResolved:
		return ComponentOperational
	case StatusMonitoring:
		if sev.Outage().Worse(ComponentDegraded) {
			return ComponentDegraded
		}
	}
	return sev.Outage()
}

// Component is one part of the product on the public status page, mapped
// to the features whose incidents affect it.
type Component struct {
	// ID is stable: the name in lower case with hyphens.
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Description string   `json:"description,omitempty"`
	Features    []string `json:"features"`
}

// Affects reports whether an incident about features touches c.
func (c Component) Affects(features []string) bool {
	for _, f := range features {
		for _, g := range c.Features {
			if f == g || strings.ReplaceAll(f, "-", "_") == strings.ReplaceAll(g, "-", "_") {
				return true
			}
		}
	}
	return false
}

// SubscriptionKey is what a subscription to the component is stored
// under among the feature subscriptions (Subscription.Feature): no
// feature name holds a colon, so the two never meet. An incident's
// audience takes in the subscribers of every component it affects.
func (c Component) SubscriptionKey() string { return ComponentKeyPrefix + c.ID }

// ComponentKeyPrefix starts the subscription key of a component.
const ComponentKeyPrefix = "component:"

// ComponentOverride is an operator's manual state for a component; it
// wins over its incidents until lifted.
type ComponentOverride struct {
	Component string          `json:"component"`
	Status    ComponentStatus `json:"status"`
	Actor     string          `json:"actor"`
	At        time.Time       `json:"at"`
}

// PublicUpdate is one customer-facing update of a published incident:
// the status it moved to and the text meant for customers (the message
// given with a status change, or the status's standard sentence). Notes,
// ticket text and anything else on the timeline never become one.
type PublicUpdate struct {
	ID     int64     `json:"id"`
	Status Status    `json:"status"`
	Body   string    `json:"body"`
	At     time.Time `json:"at"`
}

// PublicIncident is a published incident with its customer-facing
// updates, oldest first.
type PublicIncident struct {
	Incident *Incident
	Updates  []PublicUpdate
}

// PublicStatusText is the standard customer sentence for a status, used
// when a change carried no message of its own (Statuspage's defaults).
func PublicStatusText(s Status) string {
	switch s {
	case StatusIdentified:
		return "The issue has been identified and a fix is being implemented."
	case StatusMonitoring:
		return "A fix has been implemented and we are monitoring the results."
	case StatusResolved:
		return "This incident has been resolved."
	}
	return "We are investigating this issue."
}

// Publishable refuses to publish an incident that is merged, not yet
// acknowledged by a person, or already published.
func (i *Incident) Publishable() error {
	if err := i.Changeable("publish"); err != nil {
		return err
	}
	switch {
	case i.AcknowledgedAt == nil || i.Watching():
		return Errorf(ECONFLICT, "incident %d is not acknowledged: acknowledge it before publishing it", i.ID)
	case i.PublishedAt != nil:
		return Errorf(ECONFLICT, "incident %d was already published at %s UTC", i.ID, i.PublishedAt.Format("15:04"))
	}
	return nil
}

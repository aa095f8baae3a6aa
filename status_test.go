package stormdesk

import "testing"

func TestComponentImpact(t *testing.T) {
	for _, tc := range []struct {
		sev  Severity
		st   Status
		want ComponentStatus
	}{
		{SeverityCritical, StatusInvestigating, ComponentMajorOutage},
		{SeverityMajor, StatusIdentified, ComponentPartialOutage},
		{SeverityMinor, StatusInvestigating, ComponentDegraded},
		{SeverityCritical, StatusMonitoring, ComponentDegraded},
		{SeverityMinor, StatusMonitoring, ComponentDegraded},
		{SeverityCritical, StatusResolved, ComponentOperational},
	} {
		if got := ComponentImpact(tc.sev, tc.st); got != tc.want {
			t.Errorf("%s %s: %s, want %s", tc.sev, tc.st, got, tc.want)
		}
	}
	if !ComponentMajorOutage.Worse(ComponentUnderMaintenance) || !ComponentUnderMaintenance.Worse(ComponentDegraded) || ComponentOperational.Worse(ComponentDegraded) {
		t.Error("state order")
	}
	for in, want := range map[string]ComponentStatus{"degraded": ComponentDegraded, "PARTIAL": ComponentPartialOutage, "major_outage": ComponentMajorOutage,
		"maintenance": ComponentUnderMaintenance, "auto": "", "operational": ComponentOperational} {
		if got, err := ParseComponentStatus(in); err != nil || got != want {
			t.Errorf("%q: %q %v", in, got, err)
		}
	}
	if _, err := ParseComponentStatus("broken"); ErrorCode(err) != EINVALID {
		t.Errorf("broken: %v", err)
	}
}

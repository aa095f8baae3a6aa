package upstream

import "slices"

// Helpers shared by the readers of the providers' own formats (statusio.go,
// gcp.go, aws.go, instatus.go, betterstack.go, cachet.go).

// impactRank orders incident impacts from none to critical.
func impactRank(impact string) int {
	return slices.Index([]string{"none", "minor", "major", "critical"}, impact)
}

// firstOfEachID keeps the first incident of each id. A payload that lists
// one id twice would otherwise make Diff compare the two copies with each
// other and report changes on every poll; the first is the newest in every
// format that repeats ids.
func firstOfEachID(list []Incident) []Incident {
	seen := make(map[string]bool, len(list))
	return slices.DeleteFunc(list, func(in Incident) bool {
		dup := seen[in.ID]
		seen[in.ID] = true
		return dup
	})
}

// componentImpact reads a component status as an incident's impact, the
// way Statuspage computes one from the components an incident affects.
func componentImpact(status string) string {
	switch status {
	case ComponentOperational:
		return "none"
	case ComponentDegradedPerformance:
		return "minor"
	case ComponentPartialOutage:
		return "major"
	case ComponentMajorOutage:
		return "critical"
	case ComponentUnderMaintenance:
		return "maintenance"
	}
	return ""
}

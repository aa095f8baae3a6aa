package desk

import (
	"context"
)

// The triage worker is a loop every replica runs (schedule.Loop): at once
// when this process stores tickets (TriageWake fires, and the worker waits
// TriageDebounce so that the tickets of a busy moment go into one
// transaction), and every poll interval for tickets stored by other
// processes (an import, another replica). Only the leader triages.

// TriageWake fires when this process stored tickets; nil without triage.
func (s *Service) TriageWake() <-chan struct{} {
	if s.tri == nil {
		return nil
	}
	return s.tri.kick
}

// TriageRound is one turn of the triage worker: if this replica leads, it
// triages every stored ticket triage has not seen (TriagePending).
func (s *Service) TriageRound(ctx context.Context) error {
	if s.tri == nil || !s.lead(ctx) {
		return nil
	}
	_, err := s.TriagePending(ctx)
	return err
}

package notifytest

import "testing"

func TestMemoryOutboxContract(t *testing.T) {
	RunOutboxContract(t, func(*testing.T) Store { return NewMemory() })
}

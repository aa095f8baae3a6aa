package standin

import (
	"testing"
	"time"
)

func TestFaults(t *testing.T) {
	var f Faults
	if f.Deleted("7") {
		t.Fatal("the zero Faults has a deleted conversation")
	}
	if _, ok := f.Limited(); ok {
		t.Fatal("the zero Faults limits a request")
	}
	f.Delete("7")
	if !f.Deleted("7") || f.Deleted("8") {
		t.Fatal("Delete(7) did not delete 7 alone")
	}
	f.RateLimitNext(2, 3*time.Second)
	f.RateLimitNext(1, time.Minute)
	var got []time.Duration
	for {
		wait, ok := f.Limited()
		if !ok {
			break
		}
		got = append(got, wait)
	}
	if len(got) != 3 || got[0] != 3*time.Second || got[1] != 3*time.Second || got[2] != time.Minute {
		t.Fatalf("waits %v, want [3s 3s 1m0s]", got)
	}
}

func TestCalls(t *testing.T) {
	var c Calls[int]
	c.Add(1)
	c.Add(2)
	all := c.All()
	all[0] = 9
	if got := c.All(); len(got) != 2 || got[0] != 1 || got[1] != 2 {
		t.Fatalf("All() = %v, want [1 2] (a copy)", got)
	}
}

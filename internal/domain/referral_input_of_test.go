package domain

import (
	"testing"
	"time"
)

func TestInputOfRoundTrips(t *testing.T) {
	r, errs := validInput().Parse(env)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	back, errs := InputOf(r, env.London).Parse(env)
	if len(errs) > 0 {
		t.Fatalf("InputOf did not parse back: %v", errs)
	}
	if back != r {
		t.Fatalf("round trip changed the referral:\n got %+v\nwant %+v", back, r)
	}
}

func TestInputOfKeepsAmbiguousAndNoneExact(t *testing.T) {
	// 01:30 BST on the day the clocks go back happens twice in London.
	r := Referral{ReceivedAt: time.Date(2026, 10, 25, 0, 30, 0, 0, time.UTC), PriorityGroup: NoPriorityGroup}
	in := InputOf(r, env.London)
	if in.ReceivedAt != "2026-10-25T00:30:00Z" || in.PriorityGroup != "none" {
		t.Fatalf("got received %q, group %q", in.ReceivedAt, in.PriorityGroup)
	}
}

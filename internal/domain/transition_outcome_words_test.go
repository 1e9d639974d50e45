package domain

import (
	"testing"

	"caseload/internal/ident"
)

func TestTransitionOutcomeDescribe(t *testing.T) {
	tests := []struct {
		name string
		o    TransitionOutcome
		want string
	}{
		{"nothing", TransitionOutcome{Point: PointRelease}, "nothing recorded"},
		{"at acceptance", TransitionOutcome{MAPPALevel: MAPPALevel2, RoSH: RoSHHigh}, "MAPPA level 2; RoSH High"},
		{"GP with a day", TransitionOutcome{GPRegistered: Yes, GPRegisteredOn: ident.MustDate(2027, 3, 3)}, "GP registered on 3 Mar 2027"},
		{"GP without a day", TransitionOutcome{GPRegistered: Yes}, "GP registered"},
		{"no GP", TransitionOutcome{GPRegistered: No, Accommodation: AccommodationAP}, "not registered with a GP; accommodation: approved premises"},
		{"links", TransitionOutcome{MentalHealth: LinkReferred, PhysicalHealth: LinkDeclined}, "community mental health referred; physical health declined"},
		{"at discharge", TransitionOutcome{Recalled: No, MAPPALevel: MAPPALevelNone, SubstanceUse: LinkEngaged},
			"substance use engaged; not recalled; not MAPPA managed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.o.Describe(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestStandingOutcomes(t *testing.T) {
	got := StandingOutcomes([]TransitionOutcome{{ID: 1, Point: PointRelease}, {ID: 2, Point: PointAcceptance}, {ID: 3, Point: PointRelease}})
	if len(got) != 2 || got[PointRelease].ID != 3 || got[PointAcceptance].ID != 2 {
		t.Errorf("got %v", got)
	}
}

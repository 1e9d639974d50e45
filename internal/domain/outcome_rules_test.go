package domain

import (
	"strings"
	"testing"

	"caseload/internal/ident"
)

func TestCheckTransitionOutcome(t *testing.T) {
	d := ident.MustDate
	today := d(2026, 12, 3)
	tests := []struct {
		name    string
		o       TransitionOutcome
		refused string
	}{
		{"release: GP, accommodation, links", TransitionOutcome{Point: PointRelease, GPRegistered: Yes, GPRegisteredOn: d(2026, 11, 30),
			Accommodation: AccommodationAP, MentalHealth: LinkReferred}, ""},
		{"acceptance: MAPPA and RoSH", TransitionOutcome{Point: PointAcceptance, MAPPALevel: MAPPALevel2, RoSH: RoSHVeryHigh}, ""},
		{"discharge: recalled and the rest", TransitionOutcome{Point: PointDischarge, Recalled: No, MAPPALevel: MAPPALevelNone,
			RoSH: RoSHHigh, SubstanceUse: LinkEngaged, Accommodation: AccommodationSettled}, ""},
		{"GP is recorded at release only", TransitionOutcome{Point: PointDischarge, GPRegistered: Yes}, "GP registration is not recorded at discharge"},
		{"recall at discharge only", TransitionOutcome{Point: PointRelease, Recalled: Yes}, "recall is not recorded at release"},
		{"MAPPA not at release", TransitionOutcome{Point: PointRelease, MAPPALevel: MAPPALevel1}, "MAPPA level is not recorded at release"},
		{"links not at acceptance", TransitionOutcome{Point: PointAcceptance, PhysicalHealth: LinkDeclined}, "the links with services is not recorded at acceptance"},
		{"six months is not an outcome point", TransitionOutcome{Point: PointSixMonths, Accommodation: AccommodationSettled}, "not \"six-months\""},
		{"nothing", TransitionOutcome{Point: PointRelease}, "nothing is recorded"},
		{"a day without yes", TransitionOutcome{Point: PointRelease, GPRegistered: No, GPRegisteredOn: d(2026, 11, 30)}, "needs registered: yes"},
		{"a day after today", TransitionOutcome{Point: PointRelease, GPRegistered: Yes, GPRegisteredOn: d(2026, 12, 4)}, "cannot be after today"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckTransitionOutcome(tt.o, today)
			if tt.refused == "" && err != nil || tt.refused != "" && (err == nil || !strings.Contains(err.Error(), tt.refused)) {
				t.Errorf("err = %v, want %q", err, tt.refused)
			}
		})
	}
}

func TestGPByRelease(t *testing.T) {
	d := ident.MustDate
	release := d(2026, 11, 30)
	tests := []struct {
		o    TransitionOutcome
		want bool
	}{
		{TransitionOutcome{GPRegistered: Yes, GPRegisteredOn: d(2026, 11, 30)}, true},
		{TransitionOutcome{GPRegistered: Yes, GPRegisteredOn: d(2026, 12, 1)}, false},
		{TransitionOutcome{GPRegistered: Yes}, true},
		{TransitionOutcome{GPRegistered: No}, false},
		{TransitionOutcome{}, false},
	}
	for _, tt := range tests {
		if got := GPByRelease(tt.o, release); got != tt.want {
			t.Errorf("GPByRelease(%+v) = %v", tt.o, got)
		}
	}
}

func TestCheckRiskJudgement(t *testing.T) {
	d := ident.MustDate
	today := d(2026, 12, 3)
	ok := RiskJudgement{CasePrioritisation: RiskHigh, SeriousHarm: RiskHigh, ImminentViolence: RiskModerate,
		AssessedOn: d(2026, 11, 20), Assessor: "Dr Test", ReviewOn: d(2027, 5, 20)}
	tests := []struct {
		name    string
		edit    func(*RiskJudgement)
		refused string
	}{
		{"whole", func(*RiskJudgement) {}, ""},
		{"no review day is allowed", func(j *RiskJudgement) { j.ReviewOn = ident.Date{} }, ""},
		{"a rating missing", func(j *RiskJudgement) { j.ImminentViolence = "" }, "rate imminent violence"},
		{"a rating not one", func(j *RiskJudgement) { j.SeriousHarm = "very-high" }, "rate serious physical harm"},
		{"no day", func(j *RiskJudgement) { j.AssessedOn = ident.Date{} }, "give the day"},
		{"after today", func(j *RiskJudgement) { j.AssessedOn = d(2026, 12, 4) }, "after today"},
		{"no assessor", func(j *RiskJudgement) { j.Assessor = "  " }, "who assessed"},
		{"review on the day", func(j *RiskJudgement) { j.ReviewOn = j.AssessedOn }, "review must be after"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			j := ok
			tt.edit(&j)
			err := CheckRiskJudgement(j, today)
			if tt.refused == "" && err != nil || tt.refused != "" && (err == nil || !strings.Contains(err.Error(), tt.refused)) {
				t.Errorf("err = %v, want %q", err, tt.refused)
			}
		})
	}
	a, b := ok, ok
	b.Formulation = "changed"
	if RiskJudgementHash(a) == RiskJudgementHash(b) {
		t.Error("the signature does not cover the formulation")
	}
}

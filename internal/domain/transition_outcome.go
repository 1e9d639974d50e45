package domain

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"caseload/internal/ident"
)

// TransitionOutcome is how a case stood at one time point of its transition to the
// community (docs/RULES.md, "Outcomes of the transition"): at acceptance its MAPPA
// level and RoSH; at release GP registration, accommodation and the links with
// community services; at discharge the links, whether recalled, MAPPA level and RoSH.
// Each is recorded, never changed: a later record at the same point is the one that
// stands, and the earlier stays in the history. Empty means not recorded.
type TransitionOutcome struct {
	ID             int64
	CaseID         int64
	Point          TimePoint
	GPRegistered   YesNo
	GPRegisteredOn ident.Date
	Accommodation  Accommodation
	MentalHealth   ServiceLink // community mental health
	SubstanceUse   ServiceLink
	PhysicalHealth ServiceLink
	Recalled       YesNo
	MAPPALevel     MAPPALevel
	RoSH           RoSH
	RecordedBy     int64
	RecordedByName string
	RecordedAt     time.Time
}

// Accommodation is where a person lives on release.
type Accommodation string

// The kinds of accommodation, as stored.
const (
	AccommodationSettled   Accommodation = "settled"
	AccommodationTemporary Accommodation = "temporary"
	AccommodationAP        Accommodation = "approved-premises"
	AccommodationNFA       Accommodation = "no-fixed-abode"
)

// Accommodations lists them in the order forms offer them.
var Accommodations = []Accommodation{AccommodationSettled, AccommodationTemporary, AccommodationAP, AccommodationNFA}

// Words are the accommodation as said.
func (a Accommodation) Words() string {
	switch a {
	case AccommodationAP:
		return "approved premises"
	case AccommodationNFA:
		return "no fixed abode"
	case "":
		return "not recorded"
	}
	return string(a)
}

// ServiceLink is how far a person is linked with a community service.
type ServiceLink string

// The links, as stored, in the order they go.
const (
	LinkReferred ServiceLink = "referred"
	LinkAccepted ServiceLink = "accepted"
	LinkEngaged  ServiceLink = "engaged"
	LinkDeclined ServiceLink = "declined"
)

// ServiceLinks lists them in the order forms offer them.
var ServiceLinks = []ServiceLink{LinkReferred, LinkAccepted, LinkEngaged, LinkDeclined}

// MAPPALevel is the level of MAPPA management, or not MAPPA managed.
type MAPPALevel string

// The levels, as stored.
const (
	MAPPALevel1    MAPPALevel = "1"
	MAPPALevel2    MAPPALevel = "2"
	MAPPALevel3    MAPPALevel = "3"
	MAPPALevelNone MAPPALevel = "not-mappa"
)

// MAPPALevels lists them in the order forms offer them.
var MAPPALevels = []MAPPALevel{MAPPALevel1, MAPPALevel2, MAPPALevel3, MAPPALevelNone}

// Words are the level as said: "level 2", "not MAPPA managed".
func (l MAPPALevel) Words() string {
	switch l {
	case MAPPALevelNone:
		return "not MAPPA managed"
	case "":
		return "not recorded"
	}
	return "level " + string(l)
}

// OutcomePoints are the time points a transition outcome is recorded at.
var OutcomePoints = []TimePoint{PointAcceptance, PointRelease, PointDischarge}

// ErrOutcome marks a transition outcome refused by its rules.
var ErrOutcome = errors.New("transition outcome refused")

// CheckTransitionOutcome refuses an outcome at a point it is not recorded at, an
// answer recorded at a point it does not belong to, a GP registration day without a
// yes or after today, and one with nothing recorded.
func CheckTransitionOutcome(o TransitionOutcome, today ident.Date) error {
	fields := []struct {
		name   string
		given  bool
		points []TimePoint
	}{
		{"GP registration", o.GPRegistered != "" || !o.GPRegisteredOn.IsZero(), []TimePoint{PointRelease}},
		{"accommodation", o.Accommodation != "", []TimePoint{PointRelease, PointDischarge}},
		{"the links with services", o.MentalHealth != "" || o.SubstanceUse != "" || o.PhysicalHealth != "", []TimePoint{PointRelease, PointDischarge}},
		{"recall", o.Recalled != "", []TimePoint{PointDischarge}},
		{"MAPPA level", o.MAPPALevel != "", []TimePoint{PointAcceptance, PointDischarge}},
		{"RoSH", o.RoSH != "", []TimePoint{PointAcceptance, PointDischarge}},
	}
	if !slices.Contains(OutcomePoints, o.Point) {
		return fmt.Errorf("%w: outcomes are recorded at acceptance, release or discharge, not %q", ErrOutcome, o.Point)
	}
	given := false
	for _, f := range fields {
		if f.given && !slices.Contains(f.points, o.Point) {
			return fmt.Errorf("%w: %s is not recorded %s", ErrOutcome, f.name, o.Point.Words())
		}
		given = given || f.given
	}
	switch {
	case !given:
		return fmt.Errorf("%w: nothing is recorded", ErrOutcome)
	case !o.GPRegisteredOn.IsZero() && o.GPRegistered != Yes:
		return fmt.Errorf("%w: a day of GP registration needs registered: yes", ErrOutcome)
	case o.GPRegisteredOn.After(today):
		return fmt.Errorf("%w: the GP registration cannot be after today", ErrOutcome)
	}
	return nil
}

// GPByRelease reports whether the outcome at release says the person was registered
// with a GP by release day: a yes with no day, or a day on or before the release.
func GPByRelease(o TransitionOutcome, release ident.Date) bool {
	if o.GPRegistered != Yes {
		return false
	}
	return o.GPRegisteredOn.IsZero() || release.IsZero() || !o.GPRegisteredOn.After(release)
}

package domain

import (
	"errors"
	"strings"
	"time"
)

// ReferralInput is a referral as people type it or a spreadsheet holds it: one string a
// field, named as the columns of the import CSV. The new-referral form and the importer
// both fill one in and call Parse, so the rules are checked in one place.
type ReferralInput struct {
	ReceivedAt          string
	Source              string
	ReferrerName        string
	ReferrerOrg         string
	ReferrerEmail       string
	GivenName           string
	FamilyName          string
	DateOfBirth         string
	NHSNumber           string
	PrisonNumber        string
	PNCID               string
	CRN                 string
	CurrentPrison       string
	ExpectedReleaseDate string
	ReleaseDateType     string
	RoSH                string
	PriorityGroup       string
	ComplexHealthNeeds  string
	ResettlementArea    string
	ApprovedPremises    string
	ReferralReason      string
}

// FieldError names the field a problem is in, by its column name.
type FieldError struct {
	Field string
	Err   error
}

func (e FieldError) Error() string { return e.Field + ": " + e.Err.Error() }
func (e FieldError) Unwrap() error { return e.Err }

// FieldErrors is every problem found in one input, in field order.
type FieldErrors []FieldError

func (fe FieldErrors) Error() string {
	msgs := make([]string, len(fe))
	for i, e := range fe {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "; ")
}

// ParseEnv is what parsing needs from outside: the instant it happens (dates of birth and
// receipt cannot be in the future; short PNC years resolve against it) and the zone that
// local times are read in.
type ParseEnv struct {
	Now    time.Time
	London *time.Location
}

// Parse checks every field and returns the referral, or every problem found. The
// referral's status, receipt and entry times are set; its ID is not.
func (in ReferralInput) Parse(env ParseEnv) (Referral, FieldErrors) {
	r := Referral{Status: StatusReceived, EnteredAt: env.Now.UTC()}
	var errs FieldErrors
	for _, f := range ReferralFields {
		if err := f.apply(*f.value(&in), &r, env); err != nil {
			errs = append(errs, FieldError{Field: f.Name, Err: err})
		}
	}
	return r, errs
}

// Check validates one field's value on its own, as a form does when the field is left.
func (f ReferralField) Check(v string, env ParseEnv) error {
	var r Referral
	return f.apply(v, &r, env)
}

// Value points at the field's string in an input, for forms that bind to it.
func (f ReferralField) Value(in *ReferralInput) *string { return f.value(in) }

// FieldByName finds a field by its column name.
func FieldByName(name string) (ReferralField, bool) {
	for _, f := range ReferralFields {
		if f.Name == name {
			return f, true
		}
	}
	return ReferralField{}, false
}

var errRequired = errors.New("is required")

package domain

import (
	"errors"
	"fmt"
	"net/mail"
	"strings"
	"unicode"
	"unicode/utf8"

	"caseload/internal/ident"
)

// ReferralField is one field of a referral: its column name, the label a form shows, and
// how its text becomes part of a Referral.
type ReferralField struct {
	Name     string // the import column, e.g. "nhs_number"
	Label    string // e.g. "NHS number"
	Required bool
	Hint     string // what is expected, for forms and help
	value    func(*ReferralInput) *string
	apply    func(v string, r *Referral, env ParseEnv) error
}

// ReferralFields lists every field in the order of the import header.
var ReferralFields = []ReferralField{
	{"received_at", "Received", true, "when it reached the service: YYYY-MM-DD HH:MM (London) or RFC 3339",
		func(in *ReferralInput) *string { return &in.ReceivedAt }, applyReceivedAt},
	{"source", "Source", true, "probation, nsd-ct, reconnect, opd, channel, self or other",
		func(in *ReferralInput) *string { return &in.Source }, func(v string, r *Referral, _ ParseEnv) (err error) {
			if strings.TrimSpace(v) == "" {
				return errRequired
			}
			r.Source, err = ParseSource(v)
			return err
		}},
	{"referrer_name", "Referrer", false, "the person who made the referral",
		func(in *ReferralInput) *string { return &in.ReferrerName }, text(200, func(r *Referral) *string { return &r.Referrer.Name })},
	{"referrer_org", "Referrer's organisation", false, "e.g. Probation Service, Preston",
		func(in *ReferralInput) *string { return &in.ReferrerOrg }, text(200, func(r *Referral) *string { return &r.Referrer.Org })},
	{"referrer_email", "Referrer's email", false, "name@example.gov.uk",
		func(in *ReferralInput) *string { return &in.ReferrerEmail }, applyEmail},
	{"given_name", "Given name", true, "as the person gives it",
		func(in *ReferralInput) *string { return &in.GivenName }, required(text(200, func(r *Referral) *string { return &r.Person.GivenName }))},
	{"family_name", "Family name", true, "as the person gives it",
		func(in *ReferralInput) *string { return &in.FamilyName }, required(text(200, func(r *Referral) *string { return &r.Person.FamilyName }))},
	{"date_of_birth", "Date of birth", false, "YYYY-MM-DD or DD/MM/YYYY",
		func(in *ReferralInput) *string { return &in.DateOfBirth }, applyDateOfBirth},
	{"nhs_number", "NHS number", false, "10 digits, e.g. 999 000 0018",
		func(in *ReferralInput) *string { return &in.NHSNumber }, func(v string, r *Referral, _ ParseEnv) (err error) {
			r.Person.NHSNumber, err = optional(v, ident.ParseNHSNumber)
			return err
		}},
	{"prison_number", "Prison number", false, "NOMIS number, e.g. A1234BC",
		func(in *ReferralInput) *string { return &in.PrisonNumber }, func(v string, r *Referral, _ ParseEnv) (err error) {
			r.Person.PrisonNumber, err = optional(v, ident.ParsePrisonNumber)
			return err
		}},
	{"pnc_id", "PNC ID", false, "e.g. 2001/0123456F or 98/42L",
		func(in *ReferralInput) *string { return &in.PNCID }, func(v string, r *Referral, env ParseEnv) (err error) {
			r.Person.PNCID, err = optional(v, func(s string) (ident.PNCID, error) { return ident.ParsePNCID(s, env.Now) })
			return err
		}},
	{"crn", "CRN", false, "nDelius case reference, e.g. X123456",
		func(in *ReferralInput) *string { return &in.CRN }, func(v string, r *Referral, _ ParseEnv) (err error) {
			r.Person.CRN, err = optional(v, ident.ParseCRN)
			return err
		}},
	{"current_prison", "Current prison", false, "e.g. HMP Preston",
		func(in *ReferralInput) *string { return &in.CurrentPrison }, text(200, func(r *Referral) *string { return &r.CurrentPrison })},
	{"expected_release_date", "Expected release", false, "YYYY-MM-DD or DD/MM/YYYY",
		func(in *ReferralInput) *string { return &in.ExpectedReleaseDate }, func(v string, r *Referral, _ ParseEnv) (err error) {
			r.ExpectedRelease, err = optional(v, ident.ParseDate)
			return err
		}},
	{"release_date_type", "Release date type", false, "confirmed, CRD, ARD, PED, HDCED, HDCAD, APD, PRRD or other",
		func(in *ReferralInput) *string { return &in.ReleaseDateType }, func(v string, r *Referral, _ ParseEnv) (err error) {
			r.ReleaseDateType, err = ParseReleaseDateType(v)
			return err
		}},
	{"rosh", "RoSH to others", false, "low, medium, high or very-high",
		func(in *ReferralInput) *string { return &in.RoSH }, func(v string, r *Referral, _ ParseEnv) (err error) {
			r.RoSH, err = ParseRoSH(v)
			return err
		}},
	{"priority_group", "Priority group", false, "1, 2, 3 or none",
		func(in *ReferralInput) *string { return &in.PriorityGroup }, applyPriorityGroup},
	{"complex_health_needs", "Complex health needs", false, "yes or no",
		func(in *ReferralInput) *string { return &in.ComplexHealthNeeds }, yesNo(func(r *Referral) *YesNo { return &r.ComplexHealthNeeds })},
	{"resettlement_area", "Resettlement area", false, "the local authority, e.g. Preston",
		func(in *ReferralInput) *string { return &in.ResettlementArea }, text(100, func(r *Referral) *string { return &r.ResettlementArea })},
	{"approved_premises", "Approved Premises", false, "yes or no",
		func(in *ReferralInput) *string { return &in.ApprovedPremises }, yesNo(func(r *Referral) *YesNo { return &r.ApprovedPremises })},
	{"referral_reason", "Reason for referral", false, "free text",
		func(in *ReferralInput) *string { return &in.ReferralReason }, multiline(64<<10, func(r *Referral) *string { return &r.Reason })},
}

func applyReceivedAt(v string, r *Referral, env ParseEnv) error {
	if strings.TrimSpace(v) == "" {
		return errRequired
	}
	t, err := ident.ParseLocalTime(v, env.London)
	if err != nil {
		return err
	}
	if t.After(env.Now) {
		return fmt.Errorf("%s is in the future: give the time the referral reached the service", strings.TrimSpace(v))
	}
	r.ReceivedAt = t
	return nil
}

func applyDateOfBirth(v string, r *Referral, env ParseEnv) error {
	d, err := optional(v, ident.ParseDate)
	if err != nil {
		return err
	}
	if !d.IsZero() && d.After(ident.DateOf(env.Now.In(env.London))) {
		return fmt.Errorf("date of birth %s is in the future", d)
	}
	r.Person.DateOfBirth = d
	return nil
}

func applyEmail(v string, r *Referral, _ ParseEnv) error {
	v = strings.TrimSpace(v)
	if v == "" {
		r.Referrer.Email = ""
		return nil
	}
	a, err := mail.ParseAddress(v)
	if err != nil || a.Address != v {
		return fmt.Errorf("%q is not an email address: expected name@example.gov.uk", v)
	}
	r.Referrer.Email = v
	return nil
}

func applyPriorityGroup(v string, r *Referral, _ ParseEnv) error {
	switch strings.TrimSpace(v) {
	case "":
		r.PriorityGroup = 0
	case "1", "2", "3":
		r.PriorityGroup = int(strings.TrimSpace(v)[0] - '0')
	case "none", "None", "NONE":
		r.PriorityGroup = NoPriorityGroup
	default:
		return fmt.Errorf("%q is not a priority group: use 1, 2 or 3, none if no group applies, or leave blank if not yet determined", v)
	}
	return nil
}

func yesNo(field func(*Referral) *YesNo) func(string, *Referral, ParseEnv) error {
	return func(v string, r *Referral, _ ParseEnv) error {
		switch strings.ToLower(strings.TrimSpace(v)) {
		case "":
			*field(r) = ""
		case "yes", "y":
			*field(r) = Yes
		case "no", "n":
			*field(r) = No
		default:
			return fmt.Errorf("%q is not yes or no: leave blank if not known", v)
		}
		return nil
	}
}

// text is a one-line field: trimmed, no control characters, at most max characters.
func text(max int, field func(*Referral) *string) func(string, *Referral, ParseEnv) error {
	return func(v string, r *Referral, _ ParseEnv) error {
		v = strings.TrimSpace(v)
		if err := plain(v, max, false); err != nil {
			return err
		}
		*field(r) = v
		return nil
	}
}

// multiline is free text that may hold line breaks and tabs.
func multiline(max int, field func(*Referral) *string) func(string, *Referral, ParseEnv) error {
	return func(v string, r *Referral, _ ParseEnv) error {
		v = strings.TrimSpace(strings.ReplaceAll(v, "\r\n", "\n"))
		if err := plain(v, max, true); err != nil {
			return err
		}
		*field(r) = v
		return nil
	}
}

func required(apply func(string, *Referral, ParseEnv) error) func(string, *Referral, ParseEnv) error {
	return func(v string, r *Referral, env ParseEnv) error {
		if strings.TrimSpace(v) == "" {
			return errRequired
		}
		return apply(v, r, env)
	}
}

var errControl = errors.New("contains a control character; retype it without pasting hidden characters")

func plain(v string, max int, lines bool) error {
	if !utf8.ValidString(v) {
		return errors.New("is not valid UTF-8 text")
	}
	if n := utf8.RuneCountInString(v); n > max {
		return fmt.Errorf("is %d characters long; at most %d are allowed", n, max)
	}
	for _, c := range v {
		if lines && (c == '\n' || c == '\t') {
			continue
		}
		if unicode.IsControl(c) {
			return errControl
		}
	}
	return nil
}

// optional parses a non-blank value and returns the zero value for a blank one.
func optional[T any](v string, parse func(string) (T, error)) (T, error) {
	var zero T
	if strings.TrimSpace(v) == "" {
		return zero, nil
	}
	return parse(v)
}

package store

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// checkReferral fills in what the store defaults and checks every value against what the
// schema holds, so that a bad value is refused with its field named instead of as an
// anonymous CHECK failure. The domain parsers are the real gate (they tell the person
// what to type); this catches callers that build a Referral by hand, such as the demo
// generator and tests.
//
// Defaults: an empty Status is StatusReceived, and a zero EnteredAt is at, the time of
// the change. Times are stored to the second.
func checkReferral(r *domain.Referral, at time.Time) *ReferralError {
	if r.Status == "" {
		r.Status = domain.StatusReceived
	}
	if r.EnteredAt.IsZero() {
		r.EnteredAt = at
	}
	p := &r.Person
	checks := []struct {
		field string
		why   string
	}{
		{"received_at", instantProblem(r.ReceivedAt)},
		{"source", oneOf(r.Source, domain.Sources, false)},
		{"given_name", required(p.GivenName)},
		{"family_name", required(p.FamilyName)},
		{"date_of_birth", dateProblem(p.DateOfBirth)},
		{"nhs_number", canonicalProblem(p.NHSNumber, ident.ParseNHSNumber)},
		{"prison_number", canonicalProblem(p.PrisonNumber, ident.ParsePrisonNumber)},
		{"pnc_id", canonicalProblem(p.PNCID, func(s string) (ident.PNCID, error) { return ident.ParsePNCID(s, at) })},
		{"crn", canonicalProblem(p.CRN, ident.ParseCRN)},
		{"expected_release_date", dateProblem(r.ExpectedRelease)},
		{"release_date_type", oneOf(r.ReleaseDateType, domain.ReleaseDateTypes, true)},
		{"rosh", oneOf(r.RoSH, domain.RoSHLevels, true)},
		{"priority_group", priorityProblem(r.PriorityGroup)},
		{"complex_health_needs", oneOf(r.ComplexHealthNeeds, yesNo, true)},
		{"approved_premises", oneOf(r.ApprovedPremises, yesNo, true)},
		{"entered_at", instantProblem(r.EnteredAt)},
		{"status", oneOf(r.Status, domain.Statuses, false)},
	}
	for _, c := range checks {
		if c.why != "" {
			return badField(c.field, ErrInvalid, "%s %s", label(c.field), c.why)
		}
	}
	if !r.ScreenedAt.IsZero() {
		if why := instantProblem(r.ScreenedAt); why != "" {
			return badField("screened_at", ErrInvalid, "screened_at %s", why)
		}
	}
	return nil
}

var yesNo = []domain.YesNo{domain.Yes, domain.No}

// oneOf checks an enumeration against the domain's list of codes; the empty code means
// "not known" where optional says that is allowed.
func oneOf[T ~string](v T, codes []T, optional bool) string {
	if v == "" && optional || slices.Contains(codes, v) {
		return ""
	}
	if v == "" {
		return "is missing"
	}
	parts := make([]string, len(codes))
	for i, c := range codes {
		parts[i] = string(c)
	}
	return fmt.Sprintf("%q is not one of %s", string(v), strings.Join(parts, ", "))
}

func required(s string) string {
	if strings.TrimSpace(s) == "" {
		return "is missing"
	}
	return ""
}

// dateProblem catches impossible dates ({2027 2 30}) built without ident.ParseDate.
func dateProblem(d ident.Date) string {
	if d.IsZero() {
		return ""
	}
	if got, err := ident.ParseDate(d.String()); err != nil || got != d {
		return fmt.Sprintf("%04d-%02d-%02d is not a real date", d.Year, int(d.Month), d.Day)
	}
	return ""
}

// canonicalProblem requires an identifier to be exactly what its parser returns: the
// NHS number's uniqueness and the test-range flag depend on one spelling of it.
func canonicalProblem[T ~string](v T, parse func(string) (T, error)) string {
	if v == "" {
		return ""
	}
	got, err := parse(string(v))
	if err != nil {
		return fmt.Sprintf("%q is not valid: %v", string(v), err)
	}
	if got != v {
		return fmt.Sprintf("%q is not in canonical form (%s)", string(v), string(got))
	}
	return ""
}

func priorityProblem(g int) string {
	if g < domain.NoPriorityGroup || g > 3 {
		return fmt.Sprintf("%d is not a priority group: 1, 2 or 3, %d when none applies, or 0 while not determined", g, domain.NoPriorityGroup)
	}
	return ""
}

// label is the field's name as forms show it, or its column name for the fields that
// no form has (status, entered_at, screened_at).
func label(field string) string {
	if f, ok := domain.FieldByName(field); ok {
		return f.Label
	}
	return field
}

func badField(field string, kind error, format string, args ...any) *ReferralError {
	return &ReferralError{Field: field, Err: newError(kind, "", format, args...)}
}

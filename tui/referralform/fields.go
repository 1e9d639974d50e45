package referralform

import (
	"errors"
	"strings"

	"charm.land/huh/v2"

	"caseload/internal/domain"
)

// page is one group of the form: a heading and the fields on it, by column name.
type page struct {
	title  string
	fields []string
}

// pages groups the fields as a referral form reads: who, the referral itself, then the
// facts that decide eligibility.
var pages = []page{
	{"Person", []string{"given_name", "family_name", "date_of_birth", "nhs_number", "prison_number", "pnc_id", "crn"}},
	{"Referral", []string{"received_at", "source", "referrer_name", "referrer_org", "referrer_email", "referral_reason"}},
	{"Release, risk and needs", []string{"current_prison", "expected_release_date", "release_date_type", "rosh",
		"priority_group", "complex_health_needs", "resettlement_area", "approved_premises"}},
}

// choices are the fields picked from a closed list rather than typed; "" is the
// "not known" choice where blank is allowed.
func choices(name string) []huh.Option[string] {
	unknown := huh.NewOption("not known", "")
	switch name {
	case "source":
		opts := []huh.Option[string]{}
		for _, s := range domain.Sources {
			opts = append(opts, huh.NewOption(string(s)+": "+s.Label(), string(s)))
		}
		return opts
	case "rosh":
		opts := []huh.Option[string]{unknown}
		for _, r := range domain.RoSHLevels {
			opts = append(opts, huh.NewOption(r.Label(), string(r)))
		}
		return opts
	case "release_date_type":
		opts := []huh.Option[string]{unknown}
		for _, t := range domain.ReleaseDateTypes {
			opts = append(opts, huh.NewOption(string(t), string(t)))
		}
		return opts
	case "priority_group":
		opts := []huh.Option[string]{huh.NewOption("not yet determined", "")}
		for g := 1; g <= 3; g++ {
			v := string(rune('0' + g))
			opts = append(opts, huh.NewOption(v+": "+domain.PriorityGroupName(g), v))
		}
		return append(opts, huh.NewOption("none of the three applies", "none"))
	case "complex_health_needs", "approved_premises":
		return []huh.Option[string]{unknown, huh.NewOption("yes", "yes"), huh.NewOption("no", "no")}
	}
	return nil
}

// sentence turns a field's error into what the form shows: the domain's messages name
// the value; the bare ones ("is required") need the field's label in front.
func sentence(f domain.ReferralField, err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	if strings.HasPrefix(msg, "is ") || strings.HasPrefix(msg, "contains ") {
		msg = f.Label + " " + msg
	}
	if !strings.Contains(msg, "expected") && !strings.Contains(msg, "use ") && f.Hint != "" && !f.Required {
		msg += " (expected: " + f.Hint + ")"
	}
	return errors.New(msg)
}

// Package decidedat is the "decided at" field the screening and consultation forms
// share: when the decision was made, in London time, prefilled with now, and why it is
// entered later when it was made earlier (docs/RULES.md, "When a decision was made").
package decidedat

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/huh/v2"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/tui/common"
)

// layout is how the field shows a London time; ident.ParseLocalTime reads it back.
const layout = "2006-01-02 15:04"

// Value is what is typed, outliving any rebuild of the form.
type Value struct {
	typed, prefill, reason string
}

// Prefill sets the field to now, as the form opens.
func (v *Value) Prefill(com common.Common) {
	v.prefill = com.Clock.Now().In(com.London).Format(layout)
	v.typed = v.prefill
}

// Time is the decision time typed: zero (made as it is entered) while the prefill is
// left as it was, so a form left open a while is not taken as decided earlier.
func (v *Value) Time(com common.Common) (domain.DecisionTime, error) {
	if strings.TrimSpace(v.typed) == v.prefill {
		return domain.DecisionTime{Reason: v.reason}, nil
	}
	t, err := ident.ParseLocalTime(v.typed, com.London)
	if err != nil {
		return domain.DecisionTime{}, err
	}
	return domain.DecisionTime{At: t, Reason: v.reason}, nil
}

// Day is the London date of the decision, for a form that records the meeting's day.
func (v *Value) Day(com common.Common) (ident.Date, error) {
	t, err := ident.ParseLocalTime(v.typed, com.London)
	if err != nil {
		return ident.Date{}, err
	}
	return ident.DateOf(t.In(com.London)), nil
}

// check is the rule on what is typed for referral r now; which field shows a refusal
// follows its field (domain.FieldOf), never its wording. A time that cannot be read is
// the decision time's.
func (v *Value) check(com common.Common, r domain.Referral) error {
	made, err := v.Time(com)
	if err != nil || made.At.IsZero() {
		return err
	}
	return domain.CheckDecidedAt(r.ReceivedAt, made.At, com.Clock.Now(), made.Reason)
}

// Field is the "Decided at" input.
func (v *Value) Field(com common.Common, r domain.Referral) *huh.Input {
	return huh.NewInput().Title("Decided at * (London time, up to 14 days back): ").Value(&v.typed).Inline(true).
		Validate(func(string) error {
			if err := v.check(com, r); err != nil && domain.FieldOf(err) != domain.FieldLateReason {
				return errors.New(capital(err.Error()))
			}
			return nil
		})
}

// ReasonField is "Why entered later", required when the decision was made earlier.
func (v *Value) ReasonField(com common.Common, r domain.Referral) *huh.Input {
	return huh.NewInput().Title("Why entered later: ").Value(&v.reason).CharLimit(500).Inline(true).
		Placeholder("(needed when decided more than an hour ago)").
		Validate(func(string) error {
			if err := v.check(com, r); domain.FieldOf(err) == domain.FieldLateReason {
				return errors.New(capital(err.Error()))
			}
			return nil
		})
}

func capital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

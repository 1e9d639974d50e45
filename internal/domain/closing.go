package domain

import (
	"errors"
	"fmt"
	"strings"
	"unicode"

	"caseload/internal/ident"
)

// ClosingReason is why a case ends (docs/RULES.md, "Closing a case"). The codes are a
// contract of the headless lists (`closing_reason`).
type ClosingReason string

// The reasons a case ends.
const (
	ClosedCompleted   ClosingReason = "completed"   // support completed
	ClosedDisengaged  ClosingReason = "disengaged"  // the person disengaged
	ClosedTransferred ClosingReason = "transferred" // to another service, named
	ClosedRecalled    ClosingReason = "recalled"    // recalled, not expected back within the pathway
	ClosedMovedAway   ClosingReason = "moved-away"  // moved out of Lancashire and Cumbria
	ClosedDied        ClosingReason = "died"        // with the date of death
	ClosedOther       ClosingReason = "other"       // with words
)

// ClosingReasons lists every reason in the order a form offers them.
var ClosingReasons = []ClosingReason{ClosedCompleted, ClosedDisengaged, ClosedTransferred, ClosedRecalled,
	ClosedMovedAway, ClosedDied, ClosedOther}

// Label is the reason in words, for a form and a timeline.
func (r ClosingReason) Label() string {
	switch r {
	case ClosedCompleted:
		return "support completed"
	case ClosedDisengaged:
		return "disengaged"
	case ClosedTransferred:
		return "transferred to another service"
	case ClosedRecalled:
		return "recalled to custody, not expected back within the pathway"
	case ClosedMovedAway:
		return "moved out of Lancashire and Cumbria"
	case ClosedDied:
		return "died"
	case ClosedOther:
		return "other"
	}
	return string(r)
}

// ParseClosingReason reads a reason's code; anything else is refused in a sentence that
// lists them.
func ParseClosingReason(s string) (ClosingReason, error) {
	r := ClosingReason(strings.ToLower(strings.TrimSpace(s)))
	for _, ok := range ClosingReasons {
		if r == ok {
			return r, nil
		}
	}
	codes := make([]string, len(ClosingReasons))
	for i, c := range ClosingReasons {
		codes[i] = string(c)
	}
	return "", fmt.Errorf("%q is not a reason for closing a case: use %s", s, strings.Join(codes, ", "))
}

// CaseClosure is a case's end as a clinician records it.
type CaseClosure struct {
	On     ident.Date // the day the case closed
	Reason ClosingReason
	// TransferredTo names the service, for ClosedTransferred; Words say why, for
	// ClosedOther; DiedOn is the date of death, for ClosedDied.
	TransferredTo string
	Words         string
	DiedOn        ident.Date
}

// The closing form's fields, for refusals shown under the field they are about.
const (
	FieldClosedOn      Field = "closed_on"
	FieldClosingReason Field = "closing_reason"
	FieldTransferredTo Field = "transferred_to"
	FieldClosingWords  Field = "closing_words"
	FieldDiedOn        Field = "died_on"
)

// ErrClosing marks a closure refused by its rules.
var ErrClosing = errors.New("the case cannot be closed so")

// maxClosingText bounds the service's name and the words of "other".
const maxClosingText = 500

// Check refuses a closure its rules do not allow, naming the field: no day, a day
// before the case opened or after today (London), a reason not known, a transfer
// without the service, "other" without words, a death without its date or dated after
// the closing day, and control characters in what was typed. opened is the day the
// case opened.
func (c CaseClosure) Check(opened, today ident.Date) error {
	refuse := func(f Field, format string, args ...any) error {
		return fieldErr(f, fmt.Errorf("%w: "+format, append([]any{ErrClosing}, args...)...))
	}
	switch {
	case c.On.IsZero():
		return refuse(FieldClosedOn, "give the day the case closed")
	case c.On.After(today):
		return refuse(FieldClosedOn, "%s is after today: a case closes on a day that has come", c.On.Medium())
	case !opened.IsZero() && c.On.Before(opened):
		return refuse(FieldClosedOn, "%s is before the case opened (%s)", c.On.Medium(), opened.Medium())
	}
	if _, err := ParseClosingReason(string(c.Reason)); err != nil {
		return fieldErr(FieldClosingReason, fmt.Errorf("%w: %v", ErrClosing, err))
	}
	for _, t := range []struct {
		f    Field
		text string
	}{{FieldTransferredTo, c.TransferredTo}, {FieldClosingWords, c.Words}} {
		if strings.ContainsFunc(t.text, unicode.IsControl) {
			return refuse(t.f, "it holds a line break or a control character: keep it to one line")
		}
		if len(t.text) > maxClosingText {
			return refuse(t.f, "keep it under %d characters; the discharge summary holds the rest", maxClosingText)
		}
	}
	switch c.Reason {
	case ClosedTransferred:
		if strings.TrimSpace(c.TransferredTo) == "" {
			return refuse(FieldTransferredTo, "name the service the person was transferred to")
		}
	case ClosedOther:
		if strings.TrimSpace(c.Words) == "" {
			return refuse(FieldClosingWords, "say in words why the case closed")
		}
	case ClosedDied:
		switch {
		case c.DiedOn.IsZero():
			return refuse(FieldDiedOn, "give the date of death")
		case c.DiedOn.After(c.On):
			return refuse(FieldDiedOn, "the date of death (%s) is after the case closed (%s)", c.DiedOn.Medium(), c.On.Medium())
		case !opened.IsZero() && c.DiedOn.Before(opened):
			return refuse(FieldDiedOn, "the date of death (%s) is before the case opened (%s)", c.DiedOn.Medium(), opened.Medium())
		}
	}
	if c.Reason != ClosedDied && !c.DiedOn.IsZero() {
		return refuse(FieldDiedOn, "a date of death goes only with the reason died")
	}
	return nil
}

// Says is the closure's reason in words with what it names: "transferred to Mersey
// Care NHS FT", "died on 9 Oct 2026", "other: sentence quashed on appeal".
func (c CaseClosure) Says() string {
	switch {
	case c.Reason == ClosedTransferred && c.TransferredTo != "":
		return "transferred to " + c.TransferredTo
	case c.Reason == ClosedDied && !c.DiedOn.IsZero():
		return "died on " + c.DiedOn.Medium()
	case c.Reason == ClosedOther && c.Words != "":
		return "other: " + c.Words
	}
	return c.Reason.Label()
}

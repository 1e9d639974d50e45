package domain

import "errors"

// Field names the field of a decision a refusal is about, so a form shows it under that
// field by what it is, never by matching its words (docs/RULES.md, "Decisions' field
// errors").
type Field string

// The fields of the screening decision (and the decision time the consultation shares).
const (
	FieldOutcome    Field = "outcome"
	FieldReason     Field = "reason"
	FieldDecidedAt  Field = "decided_at"
	FieldLateReason Field = "late_reason"
)

// FieldRefusal is a decision refused for one of its fields: the field, and the error
// whose message is the sentence to show, alone (FieldError, an import's, names its column
// first). errors.Is and errors.As reach the error and the rule it wraps.
type FieldRefusal struct {
	Field Field
	Err   error
}

func (e *FieldRefusal) Error() string { return e.Err.Error() }

// Unwrap is the refusal itself.
func (e *FieldRefusal) Unwrap() error { return e.Err }

// FieldOf is the field err refuses, or "" when it is about no one field (a referral
// already decided elsewhere, say).
func FieldOf(err error) Field {
	var fe *FieldRefusal
	if errors.As(err, &fe) {
		return fe.Field
	}
	return ""
}

func fieldErr(f Field, err error) error { return &FieldRefusal{Field: f, Err: err} }

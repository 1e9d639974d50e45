package domain

import (
	"fmt"
	"time"
)

// DuplicateAnswer is a clinician's answer to "possibly the same person as …"
// (docs/RULES.md, "Possible duplicates").
type DuplicateAnswer string

const (
	// DuplicateSame: one person; the referral joins the person already held.
	DuplicateSame DuplicateAnswer = "same"
	// DuplicateNotSame: two people; the question is not asked again for the referral.
	DuplicateNotSame DuplicateAnswer = "not-same"
)

// DuplicateAnswers are the answers, as stored.
var DuplicateAnswers = []DuplicateAnswer{DuplicateSame, DuplicateNotSame}

// Label is the answer as the view says it.
func (a DuplicateAnswer) Label() string {
	switch a {
	case DuplicateSame:
		return "the same person"
	case DuplicateNotSame:
		return "not the same person"
	}
	return "not answered"
}

// DuplicateAnswered is the answer given for a referral, who gave it (an audit actor)
// and when; zero while the question is open.
type DuplicateAnswered struct {
	Answer DuplicateAnswer
	By     string
	At     time.Time
}

// DuplicateOpen reports whether the referral still asks whether its person is someone
// already held: a possible duplicate that nobody has answered.
func (r Referral) DuplicateOpen() bool {
	return r.PossibleDuplicateOf != 0 && r.Duplicate.Answer == ""
}

// IdentifierFill is one identifier the person held lacks, taken from the other record
// when the two are joined: Field is the people column (nhs_number, prison_number,
// pnc_id, crn), Value its canonical text.
type IdentifierFill struct {
	Field string
	Value string
}

// IdentifierClash refuses joining two records that hold different values of one
// identifier: they are two people, or one of the numbers is wrong.
type IdentifierClash struct {
	Field       string // the people column
	Held, Other string // the values, as people write them
}

func (c *IdentifierClash) Error() string {
	return fmt.Sprintf("not joined: the person held has %s %s and this referral's person %s; "+
		"they are two people, or one number is wrong: correct it before joining them",
		identifierLabel(c.Field), c.Held, c.Other)
}

// JoinIdentifiers is the rule for joining other (a referral's person) to held, the
// person already recorded (docs/RULES.md, "Possible duplicates"): each identifier held
// lacks and other has is filled from other; one held has is never overwritten; the
// same value on both is left alone; a different value on both is a clash, refused
// (the first in the order NHS number, prison number, PNC ID, CRN), since each names
// one person and joining records on a wrong number is a clinical safety hazard.
func JoinIdentifiers(held, other Person) ([]IdentifierFill, error) {
	var fills []IdentifierFill
	for _, id := range []struct {
		field               string
		held, other         string
		heldText, otherText string
	}{
		{"nhs_number", string(held.NHSNumber), string(other.NHSNumber), held.NHSNumber.String(), other.NHSNumber.String()},
		{"prison_number", string(held.PrisonNumber), string(other.PrisonNumber), string(held.PrisonNumber), string(other.PrisonNumber)},
		{"pnc_id", string(held.PNCID), string(other.PNCID), string(held.PNCID), string(other.PNCID)},
		{"crn", string(held.CRN), string(other.CRN), string(held.CRN), string(other.CRN)},
	} {
		switch {
		case id.other == "" || id.other == id.held:
		case id.held == "":
			fills = append(fills, IdentifierFill{Field: id.field, Value: id.other})
		default:
			return nil, &IdentifierClash{Field: id.field, Held: id.heldText, Other: id.otherText}
		}
	}
	return fills, nil
}

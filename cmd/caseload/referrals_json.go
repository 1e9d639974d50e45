package main

import (
	"strconv"
	"unicode/utf8"
)

// appendReferral appends r as encoding/json writes it compact with "<", ">" and "&" as
// typed (the field order of referralJSON, null for a nil pointer), without reflection:
// referrals list writes 100,000 of them. TestReferralEncoderIsEncodingJSON holds the two
// byte for byte.
func appendReferral(b []byte, r *referralJSON) []byte {
	b = append(b, `{"id":`...)
	b = strconv.AppendInt(b, r.ID, 10)
	b = appendField(b, "given_name", r.GivenName)
	b = appendField(b, "family_name", r.FamilyName)
	b = appendField(b, "source", r.Source)
	b = appendField(b, "status", r.Status)
	b = appendField(b, "received_at", r.ReceivedAt)
	b = appendField(b, "screening_due_at", r.ScreeningDueAt)
	b = append(b, `,"screening_clock":{"state":`...)
	b = appendJSONString(b, r.ScreeningClock.State)
	b = appendField(b, "text", r.ScreeningClock.Text)
	b = append(b, `,"soon":`...)
	b = strconv.AppendBool(b, r.ScreeningClock.Soon)
	b = append(b, '}')
	b = appendNullable(b, "screened_at", r.ScreenedAt)
	b = appendNullable(b, "screening_entered_at", r.ScreeningEnteredAt)
	b = appendField(b, "entered_at", r.EnteredAt)
	b = appendNullable(b, "nhs_number", r.NHSNumber)
	b = appendNullable(b, "prison_number", r.PrisonNumber)
	b = appendNullable(b, "crn", r.CRN)
	b = appendNullable(b, "pnc_id", r.PNCID)
	b = appendNullable(b, "date_of_birth", r.DateOfBirth)
	b = appendNullable(b, "expected_release_date", r.ExpectedReleaseDate)
	b = appendNullable(b, "release_date_type", r.ReleaseDateType)
	b = appendNullable(b, "rosh", r.RoSH)
	b = append(b, `,"priority_group":`...)
	if r.PriorityGroup == nil {
		b = append(b, "null"...)
	} else {
		b = strconv.AppendInt(b, int64(*r.PriorityGroup), 10)
	}
	b = appendNullable(b, "resettlement_area", r.ResettlementArea)
	b = appendNullable(b, "resettlement_authority", r.ResettlementAuthority)
	b = append(b, `,"possible_duplicate_of":`...)
	if r.PossibleDuplicateOf == nil {
		b = append(b, "null"...)
	} else {
		b = strconv.AppendInt(b, *r.PossibleDuplicateOf, 10)
	}
	b = appendNullable(b, "duplicate_answer", r.DuplicateAnswer)
	b = append(b, `,"eligibility":{"verdict":`...)
	b = appendJSONString(b, r.Eligibility.Verdict)
	b = appendNullable(b, "window_opens_on", r.Eligibility.WindowOpensOn)
	b = append(b, `,"rules":`...)
	if r.Eligibility.Rules == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, rule := range r.Eligibility.Rules {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"id":`...)
			b = appendJSONString(b, rule.ID)
			b = appendField(b, "result", rule.Result)
			b = appendField(b, "reason", rule.Reason)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	b = append(b, '}')
	b = appendField(b, "screening_deadline_rule", r.ScreeningDeadlineRule)
	b = appendNullableBool(b, "within_48h", r.Within48h)
	b = appendNullableBool(b, "within_deadline", r.WithinDeadline)
	return append(b, '}')
}

// appendField appends ,"name":"value"; names are the contract's own, plain ASCII.
func appendField(b []byte, name, v string) []byte {
	b = append(b, ',', '"')
	b = append(b, name...)
	b = append(b, '"', ':')
	return appendJSONString(b, v)
}

func appendNullable(b []byte, name string, v *string) []byte {
	if v == nil {
		b = append(b, ',', '"')
		b = append(b, name...)
		return append(b, `":null`...)
	}
	return appendField(b, name, *v)
}

func appendNullableBool(b []byte, name string, v *bool) []byte {
	b = append(b, ',', '"')
	b = append(b, name...)
	b = append(b, '"', ':')
	if v == nil {
		return append(b, "null"...)
	}
	return strconv.AppendBool(b, *v)
}

// appendJSONString appends s quoted as encoding/json quotes it without HTML escaping:
// '"' and '\' escaped, control characters as \b \f \n \r \t or \u00XX, invalid UTF-8
// as \ufffd, and U+2028 and U+2029 (line and paragraph separators, which end a line in
// JavaScript) as \u2028 and \u2029; everything else, "<", ">", "&", emoji and
// right-to-left letters included, as it is.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

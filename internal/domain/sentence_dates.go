package domain

import (
	"fmt"
	"slices"
	"strings"
)

// The sentence dates that are never a release: the ends of the licence, the sentence and
// of top-up supervision (docs/RULES.md, "Sentence dates"). They are held and shown as
// milestones so that a team member sees when supervision ends; they never anchor the
// pathway or the six-month window.
const (
	ReleaseLED   ReleaseDateType = "LED"   // licence expiry
	ReleaseSED   ReleaseDateType = "SED"   // sentence expiry
	ReleaseSLED  ReleaseDateType = "SLED"  // sentence and licence expiry, on the same day
	ReleaseTUSED ReleaseDateType = "TUSED" // top-up supervision expiry
)

// SentenceDateKinds lists every kind of date a case can hold, in the order the case view
// and the release form show them. A referral carries one release date and offers only
// ReleaseDateTypes; a case holds any of these, one date a kind.
var SentenceDateKinds = append(slices.Clone(ReleaseDateTypes), ReleaseLED, ReleaseSED, ReleaseSLED, ReleaseTUSED)

// EndsSupervision reports whether k is one of the expiry dates, which are never a release.
func EndsSupervision(k ReleaseDateType) bool {
	switch k {
	case ReleaseLED, ReleaseSED, ReleaseSLED, ReleaseTUSED:
		return true
	}
	return false
}

// ParseSentenceDateKind reads a kind of sentence date case-insensitively; blank means not
// stated (the slot of a date whose kind the referral did not give).
func ParseSentenceDateKind(v string) (ReleaseDateType, error) {
	s := strings.TrimSpace(v)
	if s == "" {
		return "", nil
	}
	for _, k := range SentenceDateKinds {
		if strings.EqualFold(s, string(k)) {
			return k, nil
		}
	}
	return "", fmt.Errorf("%q is not a kind of sentence date: use one of %s", v, joinCodes(SentenceDateKinds))
}

// SentenceDates are the dates a case holds, at most one of each kind (the kind not
// stated is a kind of its own), each with whether the prison has confirmed it, in the
// order of SentenceDateKinds. The zero value holds nothing: the release date is unknown.
type SentenceDates []ReleaseDate

// Of returns the date held of kind k: its Date is zero when none is held.
func (s SentenceDates) Of(k ReleaseDateType) ReleaseDate {
	for _, d := range s {
		if d.Kind == k {
			return d
		}
	}
	return ReleaseDate{Kind: k}
}

// Set returns the dates with d held for its kind, replacing what was held; a d with no
// date removes the kind. s itself is not modified.
func (s SentenceDates) Set(d ReleaseDate) SentenceDates {
	out := slices.DeleteFunc(slices.Clone(s), func(x ReleaseDate) bool { return x.Kind == d.Kind })
	if d.Date.IsZero() {
		if len(out) == 0 {
			return nil
		}
		return out
	}
	if d.Kind == ReleaseConfirmed {
		d.Confirmed = true // the kind says it: keep the flag saying it too
	}
	out = append(out, d)
	slices.SortStableFunc(out, func(a, b ReleaseDate) int { return kindOrder(a.Kind) - kindOrder(b.Kind) })
	return out
}

// kindOrder places a kind in SentenceDateKinds, the kind not stated first.
func kindOrder(k ReleaseDateType) int {
	if k == "" {
		return -1
	}
	return slices.Index(SentenceDateKinds, k)
}

// Describe lists the dates held for people, each as ReleaseDate.Describe words it:
// "CRD Wednesday 6 January 2027; LED Monday 3 July 2028". "unknown" when none is held.
func (s SentenceDates) Describe(date func(d ReleaseDate) string) string {
	if len(s) == 0 {
		return "unknown"
	}
	parts := make([]string, len(s))
	for i, d := range s {
		parts[i] = date(d)
	}
	return strings.Join(parts, "; ")
}

// SentenceDateColumn is the cases import column that holds a kind of date: "crd" for a
// CRD, and the older expected_release_date for the kinds that have no column of their
// own (not stated, confirmed, other).
func SentenceDateColumn(k ReleaseDateType) string {
	switch k {
	case "", ReleaseConfirmed, ReleaseOther:
		return "expected_release_date"
	}
	return strings.ToLower(string(k))
}

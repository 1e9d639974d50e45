package domain

import (
	"fmt"
	"strings"
)

// ReleaseDateType says what kind of date a recorded release date is (docs/RULES.md, "Release dates and the countdown"). The
// app never calculates release dates; it records the one partners give and its kind.
type ReleaseDateType string

// The release date kinds a referral can carry. The empty type means not stated.
const (
	ReleaseConfirmed ReleaseDateType = "confirmed"
	ReleaseCRD       ReleaseDateType = "CRD"
	ReleaseARD       ReleaseDateType = "ARD"
	ReleasePED       ReleaseDateType = "PED"
	ReleaseHDCED     ReleaseDateType = "HDCED"
	ReleaseHDCAD     ReleaseDateType = "HDCAD"
	ReleaseAPD       ReleaseDateType = "APD"
	ReleasePRRD      ReleaseDateType = "PRRD"
	ReleaseOther     ReleaseDateType = "other"
)

// ReleaseDateTypes lists the kinds in the order forms offer them.
var ReleaseDateTypes = []ReleaseDateType{ReleaseConfirmed, ReleaseCRD, ReleaseARD, ReleasePED,
	ReleaseHDCED, ReleaseHDCAD, ReleaseAPD, ReleasePRRD, ReleaseOther}

// ParseReleaseDateType reads a kind case-insensitively; blank means not stated.
func ParseReleaseDateType(v string) (ReleaseDateType, error) {
	s := strings.TrimSpace(v)
	if s == "" {
		return "", nil
	}
	for _, t := range ReleaseDateTypes {
		if strings.EqualFold(s, string(t)) {
			return t, nil
		}
	}
	return "", fmt.Errorf("%q is not a release date type: use one of %s", v, joinCodes(ReleaseDateTypes))
}

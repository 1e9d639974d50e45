package domain

import (
	"fmt"
	"strings"
)

// RoSH is the OASys Risk of Serious Harm to others: the highest current community
// rating. Risk to self is a different thing and never recorded here.
type RoSH string

// The RoSH levels. The empty RoSH means no current rating is recorded.
const (
	RoSHLow      RoSH = "low"
	RoSHMedium   RoSH = "medium"
	RoSHHigh     RoSH = "high"
	RoSHVeryHigh RoSH = "very-high"
)

// RoSHLevels lists the levels from lowest to highest.
var RoSHLevels = []RoSH{RoSHLow, RoSHMedium, RoSHHigh, RoSHVeryHigh}

// Label is the level as written in OASys reports.
func (r RoSH) Label() string {
	switch r {
	case RoSHLow:
		return "Low"
	case RoSHMedium:
		return "Medium"
	case RoSHHigh:
		return "High"
	case RoSHVeryHigh:
		return "Very High"
	}
	return "not recorded"
}

// ParseRoSH reads a level; blank means not recorded. "very high" and "very_high" are
// accepted because that is how OASys exports and people write it.
func ParseRoSH(v string) (RoSH, error) {
	s := strings.ToLower(strings.TrimSpace(v))
	s = strings.NewReplacer(" ", "-", "_", "-").Replace(s)
	if s == "" {
		return "", nil
	}
	for _, l := range RoSHLevels {
		if RoSH(s) == l {
			return l, nil
		}
	}
	return "", fmt.Errorf("%q is not a RoSH level: use one of %s", v, joinCodes(RoSHLevels))
}

package domain

import (
	"fmt"
	"strings"
)

// Source is who made a referral. Only five partners may refer; self and other exist so
// that every contact can be recorded and then declined with a reason.
type Source string

// The referral sources of docs/RULES.md, "Referral sources".
const (
	SourceProbation Source = "probation"
	SourceNSDCT     Source = "nsd-ct"
	SourceReconnect Source = "reconnect"
	SourceOPD       Source = "opd"
	SourceChannel   Source = "channel"
	SourceSelf      Source = "self"
	SourceOther     Source = "other"
)

// Sources lists every code in the order forms offer them: accepted referrers first.
var Sources = []Source{SourceProbation, SourceNSDCT, SourceReconnect, SourceOPD, SourceChannel, SourceSelf, SourceOther}

var sourceLabels = map[Source]string{
	SourceProbation: "HMPPS Probation Service",
	SourceNSDCT:     "National security / counter terrorism",
	SourceReconnect: "RECONNECT",
	SourceOPD:       "Offender Personality Disorder pathway",
	SourceChannel:   "Channel panel",
	SourceSelf:      "Self-referral",
	SourceOther:     "Other",
}

// Label is the name a clinician reads.
func (s Source) Label() string {
	if l, ok := sourceLabels[s]; ok {
		return l
	}
	return string(s)
}

// Accepted reports whether the service takes referrals from this source.
func (s Source) Accepted() bool {
	switch s {
	case SourceProbation, SourceNSDCT, SourceReconnect, SourceOPD, SourceChannel:
		return true
	}
	return false
}

// ParseSource reads a source code, case-insensitively.
func ParseSource(v string) (Source, error) {
	s := Source(strings.ToLower(strings.TrimSpace(v)))
	if _, ok := sourceLabels[s]; ok {
		return s, nil
	}
	return "", fmt.Errorf("%q is not a referral source: use one of %s", v, joinCodes(Sources))
}

func joinCodes[T ~string](codes []T) string {
	parts := make([]string, len(codes))
	for i, c := range codes {
		parts[i] = string(c)
	}
	return strings.Join(parts, ", ")
}

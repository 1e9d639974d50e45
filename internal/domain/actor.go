package domain

import (
	"strconv"
	"strings"
	"time"
)

// ActorName is who an audit actor is, for people: "clinician:3" is the clinician's name
// (from byID; "clinician 3" when unknown), "demo:Dr X" and "os:alice" the name after the
// prefix. The stored actor stays as it is: it is what the audit log proves.
func ActorName(actor string, byID func(int64) (string, bool)) string {
	kind, rest, ok := strings.Cut(actor, ":")
	if !ok || rest == "" {
		return actor
	}
	if kind == "clinician" {
		id, err := strconv.ParseInt(rest, 10, 64)
		if err != nil {
			return actor
		}
		if byID != nil {
			if name, ok := byID(id); ok {
				return name
			}
		}
		return "clinician " + rest
	}
	return rest
}

// Change is who last changed a record and when, as the audit recorded it: By is a
// clinician's name where the team knows them, else the actor as domain.ActorName words it.
type Change struct {
	By     string
	At     time.Time
	Action string // "referral.screened", ...
}

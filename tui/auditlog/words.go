package auditlog

import (
	"encoding/json"
	"fmt"
	"strings"

	"caseload/internal/domain"
)

// doneWords is what each action did, in the service's words; an action not listed is
// shown as stored, its dots and dashes as spaces, so nothing is hidden for want of words.
var doneWords = map[string]string{
	"referral.added":              "added the referral",
	"referral.corrected":          "corrected the referral",
	"referral.screened":           "screened the referral",
	"referral.consulted":          "recorded the consultation",
	"referral.withdrawn":          "withdrew the referral",
	"referral.duplicate-answered": "answered same person?",
	"referral.viewed":             "opened the referral",
	"case.opened":                 "opened the case (accepted)",
	"case.imported":               "imported the case",
	"case.viewed":                 "opened the case",
	"note.draft_saved":            "saved a note draft",
	"note.signed":                 "signed the note",
	"note.addendum_signed":        "signed an addendum",
	"note.viewed":                 "opened the note",
	"formulation.draft_saved":     "saved a formulation draft",
	"formulation.signed":          "signed the formulation",
	"release.changed":             "changed a release date",
	"release.actual":              "recorded the release",
	"release.recalled":            "recorded a recall",
	"release.re-released":         "recorded a re-release",
	"forum.involvement":           "changed a forum standing",
	"clinician.added":             "added the clinician",
	"clinician.bound":             "linked an account",
	"clinician.unbound":           "unlinked an account",
	"clinician.deactivated":       "deactivated the clinician",
	"clinician.key_added":         "added an SSH key",
	"clinician.key_revoked":       "revoked an SSH key",
	"setting.changed":             "changed a setting",
	"database.created":            "created the database",
	"database.sealed":             "sealed the rows",
	"database.verified":           "verified the database",
	"database.backed_up":          "backed up the database",
	"search.opened":               "opened a search result",
}

// what is an entry's action in words, with the detail a lead needs for the few whose
// action alone says too little: a search's words, a session's key and address.
func what(l domain.AuditLine) string {
	switch l.Action {
	case "search.run":
		var d struct {
			Query   string `json:"query"`
			Results int    `json:"results"`
		}
		_ = json.Unmarshal([]byte(l.Detail), &d)
		return fmt.Sprintf("searched “%s” (%d found)", d.Query, d.Results)
	case "session.started", "session.ended":
		var d struct {
			Fingerprint string `json:"fingerprint"`
			Address     string `json:"address"`
			Reason      string `json:"reason"`
		}
		_ = json.Unmarshal([]byte(l.Detail), &d)
		verb := "started a session"
		if l.Action == "session.ended" {
			verb = "ended a session"
			if d.Reason != "" {
				verb += " (" + d.Reason + ")"
			}
		}
		return verb + " from " + d.Address + " with " + d.Fingerprint
	}
	if w, ok := doneWords[l.Action]; ok {
		return w
	}
	return strings.NewReplacer(".", " ", "_", " ", "-", " ").Replace(l.Action)
}

// which is the record an entry is about: whose and which, as far as the log knows.
func which(l domain.AuditLine) string {
	var rec string
	switch l.Entity {
	case "database", "search":
		return ""
	default:
		rec = fmt.Sprintf("%s %d", l.Entity, l.EntityID)
	}
	if l.Person != "" {
		return l.Person + " · " + rec
	}
	return rec
}

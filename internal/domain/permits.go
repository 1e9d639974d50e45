package domain

import "strings"

// permission is who may make one kind of change, named by the audit action that
// records it: an exact action, or a family ("referral." matches every referral.*).
type permission struct {
	action string
	what   string // the change, as the refusal says it: "change clinical records"
	who    []Access
}

var (
	everyClinical = []Access{AccessLead, AccessClinician}
	leadOnly      = []Access{AccessLead}
	leadOrAdmin   = []Access{AccessLead, AccessAdmin}
)

// permissions is the table of docs/RULES.md, "Roles". Exact actions come before the
// family they belong to: the first match decides. An action no row matches is refused
// to everyone, so a new kind of change is nobody's until someone decides whose it is
// (TestPermitsDecidesEveryAction).
var permissions = []permission{
	// A whole caseload imported is the team's allocation, which the lead manages.
	{"case.imported", "import cases (allocation)", leadOnly},
	// Bringing back a case that has left every list is the lead's decision (docs/RULES.md,
	// "Closing a case"); closing and handing over are the case's clinician's too (the
	// store holds a handover to the case's own clinician or a lead).
	{"case.reopened", "reopen a closed case", leadOnly},
	// A subject access request and a person's whole record are the lead's to answer,
	// as a retention decision is (docs/RULES.md, "Subject access" and "Retention").
	{"access_request.", "record subject access requests", leadOnly},
	{"person.exported", "export a person's whole record", leadOnly},
	// The evaluation's extract leaves the team, pseudonymised: the lead's to send
	// (docs/RULES.md, "Reports").
	{"report.extracted", "write the evaluation's extract", leadOnly},
	{"retention.", "record a retention decision", leadOnly},
	// An item's wording is entered once for the service from its licensed copy
	// (docs/RULES.md, "Outcome measures").
	{"measure.wording_set", "enter a measure's wording", leadOnly},
	{"referral.", "change clinical records", everyClinical},
	{"case.", "open or change clinical records", everyClinical},
	{"note.", "change clinical records", everyClinical},
	{"formulation.", "change clinical records", everyClinical},
	{"forum.", "change clinical records", everyClinical},
	{"release.", "change clinical records", everyClinical},
	{"measure.", "change clinical records", everyClinical},
	{"outcome.", "change clinical records", everyClinical},
	{"risk_judgement.", "change clinical records", everyClinical},
	// Keys are how people reach the server: IT looks after them with the lead.
	{"clinician.key_added", "add a key", leadOrAdmin},
	{"clinician.key_revoked", "revoke a key", leadOrAdmin},
	{"clinician.", "manage the team", leadOnly},
	{"database.verified", "record a verify", leadOrAdmin},
	{"database.backed_up", "record a backup", leadOrAdmin},
	{"setting.", "change the service's settings", leadOnly},
	// A search reads clinical records; a session's start and end is everyone's.
	{"search.", "search clinical records", everyClinical},
	{"session.", "open a session", []Access{AccessLead, AccessClinician, AccessAdmin}},
}

func permissionFor(action string) (permission, bool) {
	for _, p := range permissions {
		if action == p.action || (strings.HasSuffix(p.action, ".") && strings.HasPrefix(action, p.action)) {
			return p, true
		}
	}
	return permission{}, false
}

// Permits reports whether a member of the team with access a may make the change the
// audit records as action (docs/RULES.md, "Roles"). Only an active member is asked
// about: a deactivated one may make no change at all.
func Permits(a Access, action string) bool {
	p, ok := permissionFor(action)
	if !ok {
		return false
	}
	for _, who := range p.who {
		if who == a {
			return true
		}
	}
	return false
}

// Decided reports whether the table says whose action is: false for an action nobody
// has decided about (and that everyone is therefore refused).
func Decided(action string) bool {
	_, ok := permissionFor(action)
	return ok
}

// Refusal is the sentence for name, whose access is a, refused action: who they are,
// what they may not do, and who may.
func Refusal(name string, a Access, action string) string {
	p, ok := permissionFor(action)
	if !ok {
		return name + " (" + string(a) + ") may not make a change caseload has not assigned to anyone (" + action + ")."
	}
	who := make([]string, len(p.who))
	for i, w := range p.who {
		who[i] = article(w)
	}
	if len(who) == 1 {
		return name + " (" + string(a) + ") may not " + p.what + ": only " + who[0] + " may."
	}
	return name + " (" + string(a) + ") may not " + p.what + ": " + strings.Join(who, " or ") + " may."
}

func article(a Access) string {
	if a == AccessAdmin {
		return "an " + string(a)
	}
	return "a " + string(a)
}

package domain

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"caseload/internal/ident"
)

// Forum is a multi-agency risk forum a case can be involved in (docs/RULES.md, "Risk forums").
type Forum string

// The forums, as stored.
const (
	ForumMAPPA   Forum = "MAPPA"
	ForumMARAC   Forum = "MARAC"
	ForumChannel Forum = "CHANNEL"
)

// Forums lists them in the order screens show them.
var Forums = []Forum{ForumMAPPA, ForumMARAC, ForumChannel}

// Label is the forum's name as people say it.
func (f Forum) Label() string {
	switch f {
	case ForumMAPPA:
		return "MAPPA"
	case ForumMARAC:
		return "MARAC"
	case ForumChannel:
		return "Channel Panel"
	}
	return string(f)
}

// MAPPACategory is a case's MAPPA category (docs/RULES.md, "Risk forums"): 1-3, not MAPPA, or unknown.
type MAPPACategory string

// The MAPPA categories, as stored.
const (
	MAPPACategory1   MAPPACategory = "1"
	MAPPACategory2   MAPPACategory = "2"
	MAPPACategory3   MAPPACategory = "3"
	MAPPANotMAPPA    MAPPACategory = "not_mappa"
	MAPPACategoryUnk MAPPACategory = "unknown"
)

// MAPPACategories lists them in the order forms offer them.
var MAPPACategories = []MAPPACategory{MAPPACategory1, MAPPACategory2, MAPPACategory3, MAPPANotMAPPA, MAPPACategoryUnk}

// ForumInvolvement is a case's standing with one forum: for MAPPA its category and level
// (1-3; 0 when not MAPPA or not known), for MARAC and Channel Panel that the person is
// being discussed there. AsAt is the day the partners gave it; Active is false once the
// forum has closed its involvement (kept, not deleted, so the history reads true).
type ForumInvolvement struct {
	CaseID   int64
	Forum    Forum
	Category MAPPACategory // MAPPA only
	Level    int           // MAPPA only: 1..3, or 0
	AsAt     ident.Date
	Active   bool
	Note     string // e.g. the MARAC area or the Channel case reference
}

// Describe is the involvement in words: "MAPPA category 2, level 2 (as at 3 Nov 2026)".
func (v ForumInvolvement) Describe() string {
	var s string
	switch {
	case v.Forum != ForumMAPPA:
		s = v.Forum.Label()
	case v.Category == MAPPANotMAPPA:
		s = "Not MAPPA"
	case v.Category == MAPPACategoryUnk || v.Category == "":
		s = "MAPPA category unknown"
	default:
		s = "MAPPA category " + string(v.Category)
	}
	if v.Forum == ForumMAPPA && v.Level > 0 {
		s += fmt.Sprintf(", level %d", v.Level)
	}
	if !v.Active {
		s += ", closed"
	}
	if !v.AsAt.IsZero() {
		s += " (as at " + v.AsAt.Medium() + ")"
	}
	return s
}

// Validate checks an involvement before it is stored.
func (v ForumInvolvement) Validate() error {
	if !slices.Contains(Forums, v.Forum) {
		return fmt.Errorf("%q is not a forum: use one of %s", v.Forum, joinCodes(Forums))
	}
	if v.Forum != ForumMAPPA {
		if v.Category != "" || v.Level != 0 {
			return fmt.Errorf("only MAPPA has a category and level")
		}
		return nil
	}
	if !slices.Contains(MAPPACategories, v.Category) {
		return fmt.Errorf("%q is not a MAPPA category: use one of %s", v.Category, joinCodes(MAPPACategories))
	}
	if v.Level < 0 || v.Level > 3 {
		return fmt.Errorf("MAPPA level %d: use 1, 2 or 3 (or none)", v.Level)
	}
	if v.Category == MAPPANotMAPPA && v.Level != 0 {
		return fmt.Errorf("a person who is not MAPPA has no MAPPA level")
	}
	return nil
}

// MeetingKind is the kind of a forum meeting (docs/RULES.md, "Risk forums", "informs or attends").
type MeetingKind string

// The meeting kinds, as stored.
const (
	MeetingMAPPAL2 MeetingKind = "MAPPA_L2"
	MeetingMAPPAL3 MeetingKind = "MAPPA_L3"
	MeetingMARAC   MeetingKind = "MARAC"
	MeetingChannel MeetingKind = "CHANNEL"
	MeetingOther   MeetingKind = "OTHER"
)

// MeetingKinds lists them in the order forms offer them.
var MeetingKinds = []MeetingKind{MeetingMAPPAL2, MeetingMAPPAL3, MeetingMARAC, MeetingChannel, MeetingOther}

// Label is the meeting kind as people say it: "MAPPA level 2".
func (k MeetingKind) Label() string {
	switch k {
	case MeetingMAPPAL2:
		return "MAPPA level 2"
	case MeetingMAPPAL3:
		return "MAPPA level 3"
	case MeetingMARAC:
		return "MARAC"
	case MeetingChannel:
		return "Channel Panel"
	case MeetingOther:
		return "Other meeting"
	}
	return string(k)
}

// ForumRole is the service's part in a meeting: it attends, or it informs (sends a
// written contribution). Once the meeting has passed, invited-not-attended records a
// meeting the service was asked to but could not attend.
type ForumRole string

// The roles, as stored.
const (
	RoleAttends            ForumRole = "attends"
	RoleInforms            ForumRole = "informs"
	RoleInvitedNotAttended ForumRole = "invited_not_attended"
)

// ForumRoles lists them in the order forms offer them.
var ForumRoles = []ForumRole{RoleAttends, RoleInforms, RoleInvitedNotAttended}

// Label is the role in words.
func (r ForumRole) Label() string {
	switch r {
	case RoleAttends:
		return "attends"
	case RoleInforms:
		return "informs (written contribution)"
	case RoleInvitedNotAttended:
		return "invited, did not attend"
	}
	return string(r)
}

// ForumAction is one thing the service agreed to do at a meeting, with its due date
// (zero when none was set).
type ForumAction struct {
	Text string
	Due  ident.Date
}

// ForumMeeting is one meeting of a risk forum about a case: when, who chairs it (or the
// lead agency), the service's role, when its report is due, who from the team goes or
// writes, what the service shared and on what legal basis, and afterwards the outcome
// and the service's actions. Other agencies' minutes are referenced, never copied.
type ForumMeeting struct {
	ID         int64
	CaseID     int64
	Kind       MeetingKind
	Date       ident.Date
	Chair      string // chair or lead agency
	Role       ForumRole
	ReportDue  ident.Date // zero when no report is asked for
	ReportSent ident.Date // the day the service's report went; zero until then
	Team       string     // who from the team attends or writes
	Shared     string     // what the service shared (the minimum necessary)
	LegalBasis string
	Outcome    string
	Actions    []ForumAction
	RecordedBy string
	RecordedAt time.Time
	UpdatedAt  time.Time // zero until changed after it was recorded
}

// Validate checks a meeting before it is stored: the kind, the date, the role, and a
// report due no later than the meeting.
func (m ForumMeeting) Validate() error {
	if !slices.Contains(MeetingKinds, m.Kind) {
		return fmt.Errorf("%q is not a kind of meeting: use one of %s", m.Kind, joinCodes(MeetingKinds))
	}
	if m.Date.IsZero() {
		return fmt.Errorf("the meeting date is required")
	}
	if !slices.Contains(ForumRoles, m.Role) {
		return fmt.Errorf("%q is not a role: use one of %s", m.Role, joinCodes(ForumRoles))
	}
	if !m.ReportDue.IsZero() && m.ReportDue.After(m.Date) {
		return fmt.Errorf("the report is due %s, after the meeting on %s: a report is due by the meeting", m.ReportDue.Medium(), m.Date.Medium())
	}
	if !m.ReportSent.IsZero() && m.ReportDue.IsZero() {
		return fmt.Errorf("a report was sent on %s but none is due: give the report due date too", m.ReportSent.Medium())
	}
	for i, a := range m.Actions {
		if strings.TrimSpace(a.Text) == "" {
			return fmt.Errorf("action %d says nothing", i+1)
		}
	}
	return nil
}

// ReportOutstanding reports whether the meeting still waits for the service's report:
// one is due and none has been sent.
func (m ForumMeeting) ReportOutstanding() bool { return !m.ReportDue.IsZero() && m.ReportSent.IsZero() }

// ForumMeetingOn is a meeting as the forums screen and the home screen list it: with the
// person and the clinician who holds the case.
type ForumMeetingOn struct {
	Meeting   ForumMeeting
	Person    string
	Clinician string // the allocated clinician's name, "" when unallocated
	ClinID    int64  // the allocated clinician's id, 0 when unallocated
}

// ParseActions reads a meeting's actions from text, one a line. A line may start with
// its due date (YYYY-MM-DD or DD/MM/YYYY) followed by the action; blank lines are
// skipped. "2026-12-04 send the updated risk formulation to the COM".
func ParseActions(text string) ([]ForumAction, error) {
	var out []ForumAction
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		a := ForumAction{Text: line}
		// The date may be followed by a tab as well as a space: text pasted from a
		// table or a minute keeps its tabs.
		first, rest := line, ""
		if cut := strings.IndexFunc(line, unicode.IsSpace); cut >= 0 {
			first, rest = line[:cut], line[cut:]
		}
		if looksLikeDate(first) {
			if rest == "" {
				return nil, fmt.Errorf("action on line %d: a due date with nothing to do", i+1)
			}
			d, err := ident.ParseDate(first)
			if err != nil {
				return nil, fmt.Errorf("action on line %d: %w", i+1, err)
			}
			a = ForumAction{Text: strings.TrimSpace(rest), Due: d}
		}
		out = append(out, a)
	}
	return out, nil
}

// FormatActions is the inverse of ParseActions, for editing.
func FormatActions(as []ForumAction) string {
	lines := make([]string, len(as))
	for i, a := range as {
		lines[i] = a.Text
		if !a.Due.IsZero() {
			lines[i] = a.Due.String() + " " + a.Text
		}
	}
	return strings.Join(lines, "\n")
}

// looksLikeDate reports whether a word is meant as a date: the shape of one of
// ParseDate's forms, a one-digit day or month allowed. So a typo such as 2026-12-4 is
// refused with ParseDate's reason rather than silently starting the action's text, while
// a telephone number (0161-496-0000) or a reference (2026/12345) may start an action.
func looksLikeDate(w string) bool {
	shape := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return '9'
		}
		return r
	}, w)
	return slices.Contains(dateShapes, shape)
}

var dateShapes = []string{"9999-99-99", "9999-9-99", "9999-99-9", "9999-9-9", "99/99/9999", "9/99/9999", "99/9/9999", "9/9/9999"}

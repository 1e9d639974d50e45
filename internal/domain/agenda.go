package domain

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"caseload/internal/ident"
)

// AgendaSection is one part of what is due, in the order the home screen reads.
type AgendaSection int

// The sections, in the order they are shown.
const (
	// AgendaUnconfirmed heads the screen: a release date has passed with no release
	// recorded, so the pathway counts nothing until the case's clinician records it.
	AgendaUnconfirmed AgendaSection = iota
	AgendaScreening
	AgendaConsultations
	AgendaReleases
	AgendaForums
	// AgendaMeasures are the outcome measures due on the reader's own cases
	// (docs/RULES.md, "When to measure").
	AgendaMeasures
	AgendaDischarges
	AgendaDrafts
	// AgendaAllocation is a lead's only: open cases nobody holds, and those whose
	// clinician has been deactivated (docs/RULES.md, "Caseload sizes").
	AgendaAllocation
	// AgendaAccessRequests is a lead's only: subject access requests not yet answered,
	// with the days left (docs/RULES.md, "Subject access requests on Today").
	AgendaAccessRequests
	// AgendaSafety is a lead's only: the last good backup and the last verify
	// (docs/RULES.md, "Backup and verify on Today"). Last while all is well; it heads
	// the rest when it warns (Agenda.Sections).
	AgendaSafety
)

// AgendaSections lists every section in order.
var AgendaSections = []AgendaSection{AgendaUnconfirmed, AgendaScreening, AgendaConsultations, AgendaReleases,
	AgendaForums, AgendaMeasures, AgendaDischarges, AgendaDrafts, AgendaAllocation,
	AgendaAccessRequests, AgendaSafety}

// ReleaseSoonDays is how far ahead releases and discharges are counted as due: far
// enough to arrange the first appointments after release, or the discharge meeting.
const ReleaseSoonDays = 30

// ForumWeekDays is how far ahead forum reports and meetings are shown.
const ForumWeekDays = 7

// Heading is the section's heading on the home screen.
func (s AgendaSection) Heading() string {
	return s.pick("Releases to confirm", "Referrals awaiting screening", "Consultations to hold", "Releases in the next 30 days",
		"Forum reports due and meetings this week", "Measures due", "Discharges due", "Your unsigned drafts",
		"Cases needing a clinician", "Subject access requests", "Backup and verify")
}

// Nothing is the section named in the line that lists what is not due; "" for a section
// that is a problem when it has lines, not a routine to say is clear.
func (s AgendaSection) Nothing() string {
	return s.pick("", "screening", "consultations", "releases", "forums", "measures", "discharges", "drafts", "", "", "")
}

// pick is the word of the section, one given for each in AgendaSections order; "" for
// a section that does not exist, rather than a panic.
func (s AgendaSection) pick(words ...string) string {
	if s < 0 || int(s) >= len(words) {
		return ""
	}
	return words[s]
}

// Count is the section in the summary line: "3 to screen (1 overdue)".
func (s AgendaSection) Count(n, urgent int) string {
	var w string
	switch s {
	case AgendaUnconfirmed:
		return plural(n, "release") + " to confirm" // every one is overdue: no need to say so twice
	case AgendaScreening:
		w = fmt.Sprintf("%d to screen", n)
	case AgendaConsultations:
		w = plural(n, "consultation")
	case AgendaReleases:
		w = plural(n, "release") + " in 30 days"
	case AgendaForums:
		w = plural(n, "forum date")
	case AgendaMeasures:
		w = plural(n, "measure") + " due"
	case AgendaDischarges:
		w = plural(n, "discharge") + " due"
	case AgendaDrafts:
		w = plural(n, "unsigned draft")
	case AgendaAllocation:
		w = plural(n, "case") + " needing a clinician"
	case AgendaAccessRequests:
		w = plural(n, "subject access request")
	case AgendaSafety: // always both lines: what counts is what needs doing
		if urgent == 0 {
			return "backup and verify ok"
		}
		return "backup and verify: " + plural(urgent, "warning")
	}
	if urgent > 0 {
		w += fmt.Sprintf(" (%d overdue)", urgent)
	}
	return w
}

// Brief is Count for a narrow screen, overdue marked as the lines mark it:
// "3 to screen (⚠1)".
func (s AgendaSection) Brief(n, urgent int) string {
	if s == AgendaUnconfirmed {
		urgent = 0 // every one is overdue
	}
	if s == AgendaSafety {
		if urgent == 0 {
			return "safety ok"
		}
		return fmt.Sprintf("safety (⚠%d)", urgent)
	}
	w := s.pick("to confirm", "to screen", "to consult", "releases", "forum", "measures", "discharges", "drafts", "to allocate", "SARs")
	if n == 1 {
		w = strings.TrimSuffix(w, "s")
	}
	w = fmt.Sprintf("%d %s", n, w)
	if urgent > 0 {
		w += fmt.Sprintf(" (⚠%d)", urgent)
	}
	return w
}

// What an agenda line opens.
const (
	OpenReferral    = "referral"    // ID is the referral
	OpenCase        = "case"        // ID is the case; Tab the tab to open on
	OpenNote        = "note"        // ID is the draft note, CaseID its case
	OpenFormulation = "formulation" // ID is the draft version, CaseID its case
	OpenAdvice      = "advice"      // no record: Check names the safety check to run
	// OpenAccessRequest is a subject access request (ID): a lead's requests screen
	// extends or answers it.
	OpenAccessRequest = "access-request"
)

// AgendaTarget is what a line of the agenda opens.
type AgendaTarget struct {
	Kind   string
	ID     int64
	CaseID int64 // the case a note, formulation or case line belongs to
	Tab    string
	Check  string // OpenAdvice: SafetyVerify or SafetyBackup
	Why    string // OpenAdvice: why the last check failed, whole (its line may be cut)
}

// AgendaItem is one line of what is due, worded once when the agenda is built.
type AgendaItem struct {
	Section AgendaSection
	Text    string // who and what: "Ada Testperson: MAPPA level 2 report"
	When    string // the clock or date words: "overdue by 3h 10m", "release in 12 days, ..."
	Mine    bool   // on a case allocated to the reader, or the reader's own draft
	Urgent  bool   // overdue
	Open    AgendaTarget
}

// Agenda is what is due at one instant, every section's items in section order.
type Agenda struct {
	Now   time.Time
	Today ident.Date
	Items []AgendaItem
	// More counts, by section, the team's lines that were not read to build Items
	// (the queue holds them): the section's count is its items plus these.
	More map[AgendaSection]int
	// MoreUrgent counts, of those, the overdue ones.
	MoreUrgent map[AgendaSection]int
}

// AgendaFacts is what the home screen's agenda is built from, read in one go.
type AgendaFacts struct {
	Unscreened        []Referral       // clocks still running: the most urgent, or all
	UnscreenedTotal   int              // how many run in all (0: len(Unscreened))
	UnscreenedOverdue int              // how many of them are overdue (with UnscreenedTotal)
	ToConsult         []Referral       // screened in, no decision yet: the longest waiting, or all
	ToConsultTotal    int              // how many there are in all (0: len(ToConsult))
	Cases             []CaseOnPathway  // open cases
	Meetings          []ForumMeetingOn // meetings or reports due around today
	Drafts            []Note           // the reader's unsigned notes
	FormulationDrafts []Formulation    // the reader's unsigned formulation versions
	// Names is the person's name by case id for drafts on cases no longer open.
	Names map[int64]string
	// Safety is the latest verify and backup, read for a lead only.
	Safety SafetyChecks
	// Clinicians is the team, read for a lead only: whose open cases need a new
	// clinician because theirs has been deactivated.
	Clinicians []Clinician
	// AccessRequests are the subject access requests not yet answered, read for a lead
	// only.
	AccessRequests []AccessRequestOn
	ReaderIsLead   bool
	// MeasuresTaken are the measures recorded at a time point on the reader's open
	// cases; MeasurePoints the service's time points (the setting).
	MeasuresTaken []MeasureTaken
	MeasurePoints []TimePoint
}

// BuildAgenda works out what is due for clinician me and the team at now: each
// section's rule and order is in its own function below. Today is the London date.
// The items are in the order of a.Sections().
func BuildAgenda(f AgendaFacts, me int64, now time.Time) Agenda {
	a := Agenda{Now: now, Today: ident.DateOf(now.In(london()))}
	a.Items = slices.Concat(unconfirmedItems(f.Cases, me, a.Today), screeningItems(f.Unscreened, now), consultationItems(f.ToConsult, a.Today),
		releaseItems(f.Cases, me, a.Today), forumItems(f.Meetings, me, a.Today), measureItems(f, me, a.Today),
		dischargeItems(f.Cases, me, a.Today), draftItems(f, me, now), allocationItems(f, a.Today),
		accessRequestItems(f, a.Today))
	if safety := safetyItems(f.Safety, f.ReaderIsLead, now); warns(safety) {
		a.Items = slices.Concat(safety, a.Items)
	} else {
		a.Items = slices.Concat(a.Items, safety)
	}
	if more := f.ToConsultTotal - len(f.ToConsult); more > 0 {
		a.more(AgendaConsultations, more, 0)
	}
	if more := f.UnscreenedTotal - len(f.Unscreened); more > 0 {
		read := 0
		for _, it := range a.Items {
			if it.Section == AgendaScreening && it.Urgent {
				read++
			}
		}
		a.more(AgendaScreening, more, max(f.UnscreenedOverdue-read, 0))
	}
	return a
}

// more counts n lines of section not read, urgent of them overdue.
func (a *Agenda) more(section AgendaSection, n, urgent int) {
	if a.More == nil {
		a.More, a.MoreUrgent = map[AgendaSection]int{}, map[AgendaSection]int{}
	}
	a.More[section], a.MoreUrgent[section] = n, urgent
}

// Sections is the order the agenda's sections are shown in: AgendaSections, except that
// a lead's safety section heads the rest when it warns, so a failed or missing backup is
// seen first, on a small screen and in the summary, not below the day's work.
func (a Agenda) Sections() []AgendaSection {
	for _, it := range a.Items {
		if it.Section == AgendaSafety && it.Urgent {
			return append([]AgendaSection{AgendaSafety}, AgendaSections[:len(AgendaSections)-1]...)
		}
	}
	return AgendaSections
}

// warns reports whether any of items is overdue.
func warns(items []AgendaItem) bool {
	return slices.ContainsFunc(items, func(it AgendaItem) bool { return it.Urgent })
}

// byName orders people by family then given name, folded as search folds them.
func byName(a, b Person) int {
	return cmp.Or(cmp.Compare(FoldForSearch(a.FamilyName), FoldForSearch(b.FamilyName)),
		cmp.Compare(FoldForSearch(a.GivenName), FoldForSearch(b.GivenName)))
}

// nameOf is the person's name, never blank: a blank line could not be told apart.
func nameOf(p Person) string {
	if n := p.Name(); n != "" {
		return n
	}
	return "(no name recorded)"
}

// plural is "1 release" or "3 releases".
func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// inDays is "today, Tue 24 Nov 2026", "tomorrow, ..." or "in 12 days, ...".
func inDays(n int, d ident.Date) string {
	switch n {
	case 0:
		return "today, " + dayDate(d)
	case 1:
		return "tomorrow, " + dayDate(d)
	}
	return "in " + dayCount(n) + ", " + dayDate(d)
}

// dayDate is a date with its weekday, short enough to share a line with a name:
// "Tue 24 Nov 2026".
func dayDate(d ident.Date) string { return d.Weekday().String()[:3] + " " + d.Medium() }

// daysAgo is "today", "yesterday" or "3 days ago".
func daysAgo(n int) string {
	switch {
	case n <= 0:
		return "today"
	case n == 1:
		return "yesterday"
	}
	return dayCount(n) + " ago"
}

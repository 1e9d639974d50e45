package common

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
)

// TickMsg carries the time to screens: View never reads a clock, so clocks on screen
// move when this arrives (once a minute).
type TickMsg struct{ Now time.Time }

// OpenReferralMsg asks the root to open one referral's detail.
type OpenReferralMsg struct{ ID int64 }

// NewReferralMsg asks the root to open the new-referral form.
type NewReferralMsg struct{}

// BackMsg asks the root to close the current screen and return to the one below.
type BackMsg struct{}

// ReferralChangedMsg tells every screen that a referral was added or changed, so lists
// and views reload it.
type ReferralChangedMsg struct{ ID int64 }

// ErrorMsg is a failure to show a person in the status line, as one sentence.
type ErrorMsg struct{ Err error }

// InfoMsg is a passing message for the status line.
type InfoMsg struct{ Text string }

// Tick returns the command that delivers the next TickMsg after d, reading the app's
// clock (not the machine's) so a pinned clock stays pinned.
func Tick(c Common, d time.Duration) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return TickMsg{Now: c.Clock.Now()} })
}

// Cmd wraps a message as a command.
func Cmd(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

// Back is the command that returns to the previous screen.
func Back() tea.Msg { return BackMsg{} }

// EditReferralMsg asks the root to open the correction form for a referral.
type EditReferralMsg struct{ Referral domain.Referral }

// ScreenReferralMsg asks the root to open the screening decision for a referral.
type ScreenReferralMsg struct{ Referral domain.Referral }

// ConsultMsg asks the root to open the consultation record for a referral, with the
// clinicians a case can be allocated to.
type ConsultMsg struct {
	Referral   domain.Referral
	Clinicians []domain.Clinician
}

// WithdrawMsg asks the root to open the withdrawal of a referral.
type WithdrawMsg struct{ Referral domain.Referral }

// OpenCaseloadMsg asks the root to open the list of open cases: everyone's, or when
// Held, only those ClinicianID holds (0: those nobody holds), named Clinician.
type OpenCaseloadMsg struct {
	Held        bool
	ClinicianID int64
	Clinician   string
}

// OpenCaseMsg asks the root to open a case, on one of its tabs.
type OpenCaseMsg struct {
	CaseID int64
	Tab    string // "", "summary", "pathway", "forums", "formulation", "notes" or "timeline"
}

// OpenNoteMsg asks the root to open one note with its addenda.
type OpenNoteMsg struct{ NoteID int64 }

// EditNoteMsg asks the root to open the note editor: on a draft, or on a new note of a
// case when Note.ID is 0.
type EditNoteMsg struct{ Note domain.Note }

// EditFormulationMsg asks the root to open the formulation editor on a case's draft,
// starting one from the latest signed version when there is none.
type EditFormulationMsg struct{ CaseID int64 }

// OpenSearchMsg asks the root to open the search across notes and formulations.
type OpenSearchMsg struct{}

// CaseChangedMsg tells every screen that a case's record changed (a note or the
// formulation saved or signed), so they reload it.
type CaseChangedMsg struct{ CaseID int64 }

// OpenHomeMsg asks the root to go back to the home screen (what is due), closing every
// screen above it.
type OpenHomeMsg struct{}

// OpenQueueMsg asks the root to open the referral queue.
type OpenQueueMsg struct{}

// OpenCountdownsMsg asks the root to open the release countdowns of every open case.
type OpenCountdownsMsg struct{}

// OpenForumsMsg asks the root to open the forum meetings of the coming weeks.
type OpenForumsMsg struct{}

// ChangeReleaseMsg asks the root to open the release form of a case: a new expected
// release date with its reason, or the actual release, a recall or a re-release.
type ChangeReleaseMsg struct {
	CaseID  int64
	Person  string
	Release domain.CaseRelease // the facts as the case view last read them
}

// EditForumMeetingMsg asks the root to open the meeting form: a new meeting of a case
// when Meeting.ID is 0, else the outcome and actions of one already recorded.
type EditForumMeetingMsg struct {
	Person  string
	Meeting domain.ForumMeeting
}

// EditInvolvementMsg asks the root to open the form of a case's standing with a forum
// (MAPPA category and level, MARAC or Channel Panel).
type EditInvolvementMsg struct {
	Person      string
	Involvement domain.ForumInvolvement
}

// DataChangedMsg is broadcast to every screen when another process (a colleague's
// session, a headless import) has committed a change to the database since this app
// last looked. Lists and views reload what they show, keeping the cursor, the filter
// and the scroll position; an open form is never reloaded under the typist, but says
// so when its own record changed.
type DataChangedMsg struct{}

// FlushedMsg is what a Flusher's command returns once the typing it held is saved (Err
// nil) or could not be (Err says why, as one sentence).
type FlushedMsg struct{ Err error }

// OpenReportsMsg asks the root to open the Reports screen, which everyone may read.
type OpenReportsMsg struct{}

// OpenTeamMsg asks the root to open the Team screen, which only a lead may see.
type OpenTeamMsg struct{}

// OpenAuditLogMsg asks the root to open the audit log, which only a lead may read.
type OpenAuditLogMsg struct{}

package tui

import (
	"errors"

	tea "charm.land/bubbletea/v2"

	"caseload/tui/accessform"
	"caseload/tui/caseload"
	"caseload/tui/caseview"
	"caseload/tui/closedcases"
	"caseload/tui/closing"
	"caseload/tui/common"
	"caseload/tui/consultation"
	"caseload/tui/countdowns"
	"caseload/tui/formulationeditor"
	"caseload/tui/forummeeting"
	"caseload/tui/forums"
	"caseload/tui/handover"
	"caseload/tui/involvement"
	"caseload/tui/measureform"
	"caseload/tui/note"
	"caseload/tui/noteeditor"
	"caseload/tui/queue"
	"caseload/tui/referral"
	"caseload/tui/referralform"
	"caseload/tui/releaseform"
	"caseload/tui/reopen"
	"caseload/tui/reports"
	"caseload/tui/riskform"
	"caseload/tui/screening"
	"caseload/tui/search"
	"caseload/tui/settings"
	"caseload/tui/transitionform"
	"caseload/tui/withdrawal"
)

// opened is the screen a request to open one names, or nil.
func (a *App) opened(msg tea.Msg) common.Screen {
	switch msg := msg.(type) {
	case common.OpenReferralMsg:
		return referral.New(a.com, a.svc, msg.ID)
	case common.OpenCaseloadMsg:
		if msg.Held {
			return caseload.Held(a.com, a.svc, msg.ClinicianID, msg.Clinician)
		}
		return caseload.New(a.com, a.svc)
	case common.OpenQueueMsg:
		return queue.New(a.com, a.svc)
	case common.OpenCountdownsMsg:
		return countdowns.New(a.com, a.svc)
	case common.OpenForumsMsg:
		return forums.New(a.com, a.svc)
	case common.ChangeReleaseMsg:
		return releaseform.New(a.com, a.svc, msg.CaseID, msg.Person, msg.Release)
	case common.EditForumMeetingMsg:
		return forummeeting.New(a.com, a.svc, msg.Person, msg.Meeting)
	case common.EditInvolvementMsg:
		return involvement.New(a.com, a.svc, msg.Person, msg.Involvement)
	case common.OpenCaseMsg:
		return caseview.New(a.com, a.svc, msg.CaseID, msg.Tab)
	case common.OpenNoteMsg:
		return note.New(a.com, a.svc, msg.NoteID)
	case common.EditNoteMsg:
		return noteeditor.New(a.com, a.svc, msg.Note)
	case common.EditFormulationMsg:
		return formulationeditor.New(a.com, a.svc, msg.CaseID)
	case common.OpenClosedCasesMsg:
		return closedcases.New(a.com, a.svc)
	case common.CloseCaseMsg:
		return closing.New(a.com, a.svc, msg.CaseID, msg.Person, msg.OpenedAt)
	case common.HandOverMsg:
		return handover.New(a.com, a.svc, msg.CaseID, msg.Person, msg.From)
	case common.ReopenCaseMsg:
		return reopen.New(a.com, a.svc, msg.CaseID, msg.Person, msg.Closing)
	case common.RecordMeasureMsg:
		return measureform.New(a.com, a.svc, msg)
	case common.RecordTransitionOutcomeMsg:
		return transitionform.New(a.com, a.svc, msg)
	case common.RecordRiskJudgementMsg:
		return riskform.New(a.com, a.svc, msg.CaseID, msg.Person, msg.Latest)
	case note.AddendumMsg:
		return note.NewAddendum(a.com, a.svc, msg.Note)
	case common.OpenSearchMsg:
		return search.New(a.com, a.svc)
	case common.OpenSettingsMsg:
		return settings.New(a.com, a.svc, a.com.ConfigPath)
	case common.OpenReportsMsg:
		return reports.New(a.com, a.svc)
	case common.NewReferralMsg:
		return referralform.New(a.com, a.svc)
	case common.EditReferralMsg:
		return referralform.Edit(a.com, a.svc, msg.Referral)
	case common.ScreenReferralMsg:
		return screening.New(a.com, a.svc, msg.Referral)
	case common.ConsultMsg:
		return consultation.New(a.com, a.svc, msg.Referral, msg.Clinicians)
	case common.WithdrawMsg:
		return withdrawal.New(a.com, a.svc, msg.Referral)
	case common.RecordAccessRequestMsg:
		return accessform.Record(a.com, a.svc, msg.People)
	case common.ExtendAccessRequestMsg:
		return accessform.Extend(a.com, a.svc, msg.Request)
	case common.AnswerAccessRequestMsg:
		return accessform.Answer(a.com, a.svc, msg.Request)
	}
	return nil
}

// forLead opens a screen only a lead may see (the Team screen, the audit log, the subject
// access requests) and refuses anyone else with the sentence refusal: Today shows their
// keys only to a lead, and the root does not rely on that (docs/RULES.md, "Roles",
// "Caseload sizes", "What is audited", "Subject access"). The store refuses their
// reads and writes too.
func (a *App) forLead(hold int, refusal string, screen func() common.Screen) tea.Cmd {
	if !a.com.Me.Leads() {
		a.status = errorStatus(errors.New(refusal))
		return nil
	}
	return a.push(screen(), hold)
}

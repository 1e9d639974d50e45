package caseview

import (
	"errors"
	"fmt"
	"unicode"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/confirm"
)

type signedMsg struct {
	text string
	err  error
}

// action handles the keys that act on the record, by tab.
func (m *Model) action(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	if cmd, ok := m.endingAction(msg); ok {
		return cmd
	}
	switch m.tab {
	case TabSummary:
		// The question of a possible duplicate is answered in its referral's view, where
		// both people are shown side by side.
		if r := m.rec.summary.Referral; key.Matches(msg, k.Duplicate) && r.DuplicateOpen() {
			return common.Cmd(common.OpenReferralMsg{ID: r.ID})
		}
	case TabPathway:
		if key.Matches(msg, k.Release) {
			return common.Cmd(common.ChangeReleaseMsg{CaseID: m.caseID,
				Person: m.rec.summary.Referral.Person.Name(), Release: m.rec.release})
		}
	case TabForums:
		return m.forumAction(msg)
	case TabOutcomes:
		return m.outcomeAction(msg)
	case TabNotes:
		switch {
		case key.Matches(msg, k.Open) && m.cursor < m.noteCount():
			return common.Cmd(common.OpenNoteMsg{NoteID: m.rec.notes[m.noteAt(m.cursor)].ID})
		case key.Matches(msg, k.New):
			return common.Cmd(common.EditNoteMsg{Note: domain.Note{CaseID: m.caseID}})
		}
	case TabFormulation:
		switch {
		case key.Matches(msg, k.Edit):
			return common.Cmd(common.EditFormulationMsg{CaseID: m.caseID})
		case key.Matches(msg, k.Sign):
			return m.askToSign()
		case key.Matches(msg, k.History):
			m.history, m.compare, m.cursor, m.offset = !m.history, false, 0, 0
		case key.Matches(msg, k.Mark) && m.history:
			m.marked = m.cursor
			if m.marked == -1 || m.marked >= len(m.rec.formulations) {
				m.marked = -1
			}
		case key.Matches(msg, k.Compare) && m.history:
			switch {
			case m.marked >= 0 && m.marked != m.cursor:
				m.startCompare(m.marked, m.cursor)
			case m.cursor+1 < len(m.rec.formulations):
				m.marked = -1
				m.startCompare(m.cursor+1, m.cursor)
			default:
				return common.Cmd(common.InfoMsg{Text: "The first version has nothing before it: mark another version (space) to compare with."})
			}
		case key.Matches(msg, k.Open) && m.history:
			m.history, m.offset = false, 0 // shows the selected version
		}
	}
	return nil
}

// startCompare works out the changes between two versions (by index, newest first) once,
// so drawing and scrolling the compare cost no diffing.
func (m *Model) startCompare(i, j int) {
	fs := m.rec.formulations
	m.older, m.newer = fs[max(i, j)], fs[min(i, j)]
	m.changes = domain.CompareFormulations(m.older, m.newer)
	m.compare, m.offset = true, 0
}

// askToSign opens the confirmation for the case's formulation draft, naming exactly
// what will be signed, or says why there is nothing to sign.
func (m *Model) askToSign() tea.Cmd {
	d, ok := m.rec.draft()
	if !ok {
		return common.Cmd(common.InfoMsg{Text: "There is no draft to sign: press e to start one."})
	}
	if err := d.CheckForSigning(m.com.Me.ID); err != nil {
		return common.Cmd(common.InfoMsg{Text: sentence(err)})
	}
	filled := len(domain.FormulationSections) - len(d.Empty())
	dialog, arm := confirm.New(m.com, fmt.Sprintf("Sign formulation version %d for %s?", d.Version, m.rec.summary.Referral.Person.Name()),
		fmt.Sprintf("%d of %d sections written, last saved %s. Once signed it cannot be changed; a change starts version %d.",
			filled, len(domain.FormulationSections), common.MediumTime(d.UpdatedAt, m.com.London), d.Version+1))
	dialog.Subject = d // the revision shown is the one signed
	m.dialog = dialog
	return arm
}

func (m *Model) answered(r confirm.Result) tea.Cmd {
	if m.dialog == nil || r.Dialog != m.dialog {
		return nil
	}
	m.dialog = nil
	if !r.Confirmed {
		return common.Cmd(common.InfoMsg{Text: "Not signed."})
	}
	d, ok := r.Dialog.Subject.(domain.Formulation)
	if !ok {
		return nil
	}
	ctx, src, me, clk, loc, caseID := m.com.Ctx, m.src, m.com.Me.ID, m.com.Clock, m.com.London, m.caseID
	return func() tea.Msg {
		// The revision the dialog described: the store refuses it if the draft was saved
		// since (docs/HAZARDS.md, "signed text not seen"), and the case is read again so
		// the next s shows the newer draft.
		f, err := src.SignFormulation(ctx, me, clk.Now(), d.ID, d.Revision)
		if changedElsewhere(err) {
			return tea.BatchMsg{common.Cmd(signedMsg{err: err}), common.Cmd(common.CaseChangedMsg{CaseID: caseID})}
		}
		if err != nil {
			return signedMsg{err: err}
		}
		return signedMsg{text: fmt.Sprintf("Formulation version %d signed at %s; its signature is in the audit log.",
			f.Version, common.MediumTime(f.SignedAt, loc))}
	}
}

// changedElsewhere reports a signing refused because the draft was saved or signed
// since it was read (the store's StaleError, read without importing the store).
func changedElsewhere(err error) bool {
	var s interface{ Changer() string }
	return errors.As(err, &s) || errors.Is(err, domain.ErrSigned)
}

// sentence is an error as a sentence for the status line: capitalised, with a stop.
func sentence(err error) string {
	r := []rune(err.Error())
	if len(r) == 0 {
		return ""
	}
	r[0] = unicode.ToUpper(r[0])
	return string(r) + "."
}

// Package formulationeditor is where a clinician writes the case formulation: the five
// Ps, the risk formulation, the person's strengths and goals, and the plan, one section
// at a time. The draft saves itself whenever typing pauses and when the editor closes.
// A signed version is never edited: editing starts the draft of the next version.
package formulationeditor

import (
	"context"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
)

// Source is what the editor needs from the store.
type Source interface {
	Formulations(ctx context.Context, caseID int64) ([]domain.Formulation, error)
	SaveFormulationDraft(ctx context.Context, clinicianID int64, at time.Time, f domain.Formulation) (domain.Formulation, error)
}

// SaveAfter is the pause in typing after which the draft saves itself.
const SaveAfter = 2 * time.Second

// Model is the formulation editor.
type Model struct {
	com    common.Common
	src    Source
	caseID int64
	keys   KeyMap

	draft   domain.Formulation // as last saved, or as started (ID 0)
	texts   map[domain.SectionID]string
	section int // index into domain.FormulationSections
	area    textarea.Model
	loaded  bool

	width, height int
	edits, saved  int
	saving        bool
	closing       bool
	problem       string
}

// KeyMap is the editor's keys.
type KeyMap struct {
	NextSection, PrevSection, SaveNow, Close key.Binding
}

// New opens the editor on the case's draft, starting one when there is none.
func New(com common.Common, src Source, caseID int64) *Model {
	a := textarea.New()
	a.ShowLineNumbers = false
	a.CharLimit, a.MaxHeight, a.MaxWidth = 0, 0, 0
	return &Model{com: com, src: src, caseID: caseID, area: a, texts: map[domain.SectionID]string{}, keys: KeyMap{
		NextSection: key.NewBinding(key.WithKeys("tab", "ctrl+n"), key.WithHelp("tab", "next section")),
		PrevSection: key.NewBinding(key.WithKeys("shift+tab", "ctrl+p"), key.WithHelp("shift+tab", "previous section")),
		SaveNow:     key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save now")),
		Close:       key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "save and close")),
	}}
}

type loadedMsg struct {
	draft domain.Formulation
	err   error
}

// Init finds the draft to edit: the case's own, or the next version of the latest
// signed one (or version 1), not saved until something is typed.
func (m *Model) Init() tea.Cmd {
	ctx, src, caseID, me, now := m.com.Ctx, m.src, m.caseID, m.com.Me.ID, m.com.Clock.Now()
	return func() tea.Msg {
		fs, err := src.Formulations(ctx, caseID)
		if err != nil {
			return loadedMsg{err: err}
		}
		if len(fs) == 0 {
			return loadedMsg{draft: domain.Formulation{CaseID: caseID, Version: 1, AuthorID: me,
				Sections: map[domain.SectionID]string{}, CreatedAt: now, UpdatedAt: now}}
		}
		latest := fs[0] // newest first
		if !latest.Signed() {
			if latest.AuthorID != me {
				return loadedMsg{err: errDraftOfAnother}
			}
			return loadedMsg{draft: latest}
		}
		return loadedMsg{draft: latest.NextDraft(me, now)}
	}
}

// Title names the screen.
func (m *Model) Title() string {
	if !m.loaded {
		return "Formulation"
	}
	return "Formulation · draft version " + itoa(m.draft.Version)
}

// Capturing is true: the editor takes text.
func (m *Model) Capturing() bool { return true }

// Package formulationeditor is where a clinician writes the case formulation: the five
// Ps, the risk formulation, the person's strengths and goals, and the plan, one section
// at a time. The draft saves itself whenever typing pauses, when the editor closes and
// when the app flushes before exit (component/autosave). A signed version is never
// edited: editing starts the draft of the next version. A draft saved or signed in
// another window meanwhile is never overwritten: the editor says who and when and
// offers the choices.
package formulationeditor

import (
	"context"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/autosave"
)

// Source is what the editor needs from the store. SaveNoteDraft keeps the text as a
// note draft in the one case where it can be kept nowhere else: leaving while the
// case's one formulation draft is held by another window.
type Source interface {
	Formulations(ctx context.Context, caseID int64) ([]domain.Formulation, error)
	SaveFormulationDraft(ctx context.Context, clinicianID int64, at time.Time, f domain.Formulation) (domain.Formulation, error)
	SaveNoteDraft(ctx context.Context, clinicianID int64, at time.Time, n domain.Note) (domain.Note, error)
}

// SaveAfter is the pause in typing after which the draft saves itself.
const SaveAfter = autosave.SaveAfter

// Model is the formulation editor.
type Model struct {
	com    common.Common
	src    Source
	caseID int64
	keys   KeyMap
	ckeys  autosave.ConflictKeys
	auto   *autosave.Model[domain.Formulation]

	draft   domain.Formulation // as last saved, or as started (ID 0)
	texts   map[domain.SectionID]string
	section int // index into domain.FormulationSections
	area    textarea.Model
	loaded  bool

	width, height int
	problem       string
	leaving       bool // esc asked to close: a save refused now keeps the text elsewhere
	// conflict is set when the draft was saved or signed elsewhere: the text stays,
	// saving waits for the person's choice; theirs is the latest version as stored.
	conflict *autosave.Conflict
	theirs   domain.Formulation
	heard    autosave.Heard // the section last spoken on arrival (speech.go)
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
	m := &Model{com: com, src: src, caseID: caseID, area: a, texts: map[domain.SectionID]string{}, ckeys: autosave.NewConflictKeys(), keys: KeyMap{
		NextSection: key.NewBinding(key.WithKeys("tab", "ctrl+n"), key.WithHelp("tab", "next section")),
		PrevSection: key.NewBinding(key.WithKeys("shift+tab", "ctrl+p"), key.WithHelp("shift+tab", "previous section")),
		SaveNow:     key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save now")),
		Close:       key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "save and close")),
	}}
	m.auto = autosave.New(autosave.Spec[domain.Formulation]{Typed: m.typed, Rebase: rebase, Write: m.write,
		Keep: func(ctx context.Context, typed domain.Formulation) error {
			_, err := m.keepElsewhere(ctx, typed)
			return err
		}, Ctx: com.Ctx}, domain.Formulation{})
	return m
}

// typed is the formulation as typed: the sections, on no identity yet.
func (m *Model) typed() domain.Formulation {
	f := domain.Formulation{CaseID: m.caseID, Sections: make(map[domain.SectionID]string, len(m.texts))}
	for k, v := range m.texts {
		f.Sections[k] = v
	}
	return f
}

// rebase puts what is typed on the draft as stored (or, not stored yet, on the version
// it will start, so the store can refuse it if that version was signed elsewhere).
func rebase(typed, base domain.Formulation) domain.Formulation {
	typed.ID, typed.Revision, typed.Version, typed.SupersedesID = base.ID, base.Revision, base.Version, base.SupersedesID
	return typed
}

// write is the store's save, with its own context (see noteeditor's write).
func (m *Model) write(ctx context.Context, f domain.Formulation) (domain.Formulation, error) {
	return m.src.SaveFormulationDraft(ctx, m.com.Me.ID, m.com.Clock.Now(), f)
}

// Flush saves what is typed now, for the root before the app exits (common.Flusher).
// In conflict the text is kept (keepNow), never saved over the other.
func (m *Model) Flush() tea.Cmd {
	if m.conflict == nil {
		return m.auto.Flush()
	}
	if !m.auto.Unsaved() {
		return nil
	}
	keep := m.keepNow()
	return func() tea.Msg {
		_, err := keep()
		return common.FlushedMsg{Err: err}
	}
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
			if domain.CheckDraftEdit(latest.AuthorID, me, false) != nil {
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

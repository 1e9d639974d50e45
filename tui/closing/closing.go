// Package closing is the closing form of a case: the day, the reason (and, as the reason
// needs, the service transferred to, the words or the date of death) and the discharge
// summary, written like a note and signed to close the case (docs/RULES.md, "Closing a
// case"). The draft saves itself whenever typing pauses, on close and when the app
// flushes before exit (component/autosave); signing is confirmed as a note's is
// (component/confirm), and a refusal is shown under the field it names.
package closing

import (
	"context"
	"errors"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/autosave"
	"caseload/tui/component/confirm"
)

// Source is what the form needs from the store. SaveNoteDraft keeps the text as a note
// draft where it can be kept nowhere else: the case's one discharge draft changed or
// signed in another window.
type Source interface {
	DischargeDraft(ctx context.Context, caseID int64) (domain.DischargeSummary, bool, error)
	SaveDischargeDraft(ctx context.Context, clinicianID int64, at time.Time, d domain.DischargeSummary) (domain.DischargeSummary, error)
	CloseCase(ctx context.Context, clinicianID int64, at time.Time, id int64, revision int) (domain.DischargeSummary, error)
	SaveNoteDraft(ctx context.Context, clinicianID int64, at time.Time, n domain.Note) (domain.Note, error)
}

// Model is the closing form.
type Model struct {
	com    common.Common
	src    Source
	keys   KeyMap
	ckeys  autosave.ConflictKeys
	caseID int64
	person string
	opened time.Time
	auto   *autosave.Model[domain.DischargeSummary]
	loaded bool

	closedOn, transferred, words, diedOn textinput.Model
	reason                               int // index into domain.ClosingReasons; -1 none chosen
	parts                                map[domain.SectionID]string
	part                                 int // the part in the text area, by index
	area                                 textarea.Model
	focus                                int // a field (fieldOn…, partField+i)

	width, height int
	problem       string                  // a save or a signing refused for no one field
	refusals      map[domain.Field]string // refusals shown under their field
	conflict      *autosave.Conflict
	theirs        domain.DischargeSummary
	dialog        *confirm.Model
	signing       bool           // ctrl+g waits for the save under way, then asks
	leaving       bool           // esc asked to close: a refused save keeps the text as a note
	heard         autosave.Heard // the field last spoken on arrival (speech.go)
}

// KeyMap is the form's keys.
type KeyMap struct {
	Next, Prev, Choose, SaveNow, Sign, Close key.Binding
}

func defaultKeys() KeyMap {
	return KeyMap{
		Next:    key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next field")),
		Prev:    key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous field")),
		Choose:  key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", "reason")),
		SaveNow: key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save now")),
		Sign:    key.NewBinding(key.WithKeys("ctrl+g"), key.WithHelp("ctrl+g", "sign and close the case")),
		Close:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "save and leave")),
	}
}

// New opens the closing form of case caseID (person's), which opened at opened.
func New(com common.Common, src Source, caseID int64, person string, opened time.Time) *Model {
	a := textarea.New()
	a.ShowLineNumbers = false
	a.CharLimit, a.MaxHeight, a.MaxWidth = 0, 0, 0
	m := &Model{com: com, src: src, keys: defaultKeys(), ckeys: autosave.NewConflictKeys(), caseID: caseID,
		person: person, opened: opened, area: a, reason: -1, refusals: map[domain.Field]string{}}
	m.auto = autosave.New(autosave.Spec[domain.DischargeSummary]{Typed: m.typed, Rebase: rebase, Write: m.write,
		Keep: m.keepAsNote, Ctx: com.Ctx}, domain.DischargeSummary{})
	return m
}

// rebase puts what is typed on the draft as stored.
func rebase(typed, base domain.DischargeSummary) domain.DischargeSummary {
	typed.ID, typed.Revision = base.ID, base.Revision
	return typed
}

func (m *Model) write(ctx context.Context, d domain.DischargeSummary) (domain.DischargeSummary, error) {
	return m.src.SaveDischargeDraft(ctx, m.com.Me.ID, m.com.Clock.Now(), d)
}

// keepAsNote stores typed as a note draft of the case: the discharge draft it was typed
// on is another window's now, or signed. It reads only values fixed when the form was
// made, so it may run after the program has stopped.
func (m *Model) keepAsNote(ctx context.Context, typed domain.DischargeSummary) error {
	text := "Discharge summary text kept when the case's discharge summary was changed in another window:\n\n" + summaryText(typed)
	_, err := m.src.SaveNoteDraft(ctx, m.com.Me.ID, m.com.Clock.Now(), domain.Note{CaseID: m.caseID, Text: text})
	return err
}

var errDraftOfAnother = errors.New("another clinician is writing this case's discharge summary; drafts belong to their author, so only they can go on with it or close the case")

type loadedMsg struct {
	draft domain.DischargeSummary
	found bool
	err   error
}

// Init reads the case's draft; with none, the form starts one on today, saved once
// something is typed.
func (m *Model) Init() tea.Cmd {
	ctx, src, caseID, me := m.com.Ctx, m.src, m.caseID, m.com.Me.ID
	return func() tea.Msg {
		d, ok, err := src.DischargeDraft(ctx, caseID)
		if err == nil && ok && d.AuthorID != me {
			err = errDraftOfAnother
		}
		return loadedMsg{draft: d, found: ok, err: err}
	}
}

// Title names the screen.
func (m *Model) Title() string { return "Closing the case · " + m.person }

// Capturing is true: the form takes text.
func (m *Model) Capturing() bool { return true }

// Flush saves what is typed now, for the root before the app exits (common.Flusher);
// in conflict the text is kept as a note draft, never saved over the other.
func (m *Model) Flush() tea.Cmd {
	if m.conflict == nil {
		return m.auto.Flush()
	}
	if !m.auto.Unsaved() {
		return nil
	}
	typed, ctx := m.typed(), m.com.Ctx
	return func() tea.Msg { return common.FlushedMsg{Err: m.keepAsNote(ctx, typed)} }
}

// Package note shows one clinical note as it stands in the record, with its addenda
// under it. From here its author signs a draft, and anyone adds a signed addendum to a
// signed note; a signed note itself never changes.
package note

import (
	"context"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/confirm"
)

// Source is what the view needs from the store.
type Source interface {
	Note(ctx context.Context, id int64) (domain.Note, error)
	Clinicians(ctx context.Context) ([]domain.Clinician, error)
	SignNote(ctx context.Context, clinicianID int64, at time.Time, id int64, revision int) (domain.Note, error)
	common.ViewRecorder
}

// KeyMap is the view's keys.
type KeyMap struct {
	Up, Down, Back, Edit, Sign, Addendum key.Binding
}

// Model shows one note.
type Model struct {
	com    common.Common
	src    Source
	id     int64
	keys   KeyMap
	vp     viewport.Model
	width  int
	height int

	note   domain.Note
	names  map[int64]string
	loaded bool
	dialog *confirm.Model
	// signing is the revision the open dialog asks to sign; resign is a notice to show
	// when the dialog opens again on the newer text after a refused signing.
	signing int
	resign  string
	textAt  int // the first line of the note's text, under its header
}

type loadedMsg struct {
	note  domain.Note
	names map[int64]string
	err   error
}

type signedMsg struct {
	note domain.Note
	err  error
}

// New builds the view of note id.
func New(com common.Common, src Source, id int64) *Model {
	return &Model{com: com, src: src, id: id, vp: viewport.New(), keys: KeyMap{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j", "space"), key.WithHelp("↓/j", "down")),
		Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Edit:     key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit draft")),
		Sign:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sign")),
		Addendum: key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "addendum")),
	}}
}

// Init loads the note, and keeps in the audit that it was opened.
func (m *Model) Init() tea.Cmd {
	ctx, src, id := m.com.Ctx, m.src, m.id
	return tea.Batch(m.com.Viewed(src, "note", id), func() tea.Msg {
		n, err := src.Note(ctx, id)
		if err != nil {
			return loadedMsg{err: err}
		}
		cs, err := src.Clinicians(ctx)
		names := map[int64]string{}
		for _, c := range cs {
			names[c.ID] = c.Name + ", " + c.Role
		}
		return loadedMsg{note: n, names: names, err: err}
	})
}

// Title names the screen.
func (m *Model) Title() string {
	if !m.loaded {
		return "Note"
	}
	return fmt.Sprintf("Note · %s · %s", m.note.Type.Label(), common.MediumTime(m.note.ContactAt, m.com.London))
}

// Capturing is false.
func (m *Model) Capturing() bool { return false }

// SetSize re-lays the note.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.vp.SetWidth(w)
	m.layout()
	m.refresh()
}

// layout gives the note the height the signing dialog leaves it: the dialog is shown
// under the note, never over it, so the clinician reads what they are signing.
func (m *Model) layout() {
	h := m.height
	if m.dialog != nil {
		h -= m.dialogHeight() + 1 // and a rule between
	}
	m.vp.SetHeight(max(h, 0))
}

func (m *Model) dialogHeight() int {
	return strings.Count(m.dialog.View(m.width), "\n") + 1
}

func (m *Model) refresh() {
	if m.loaded && m.width > 0 {
		m.vp.SetContentLines(m.lines())
	}
}

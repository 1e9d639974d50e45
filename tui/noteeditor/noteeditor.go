// Package noteeditor is where a clinician writes a clinical note: the type of contact,
// when it happened (not when it is written), how long, who was present, and the text.
// The draft saves itself whenever typing pauses and when the editor closes, so a closed
// terminal or a crash loses at most the last couple of seconds.
package noteeditor

import (
	"context"
	"strconv"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
)

// Saver is what the editor needs from the store.
type Saver interface {
	SaveNoteDraft(ctx context.Context, clinicianID int64, at time.Time, n domain.Note) (domain.Note, error)
}

// SaveAfter is the pause in typing after which the draft saves itself.
const SaveAfter = 2 * time.Second

// The fields, in tab order.
const (
	fieldType = iota
	fieldContact
	fieldDuration
	fieldPresent
	fieldText
	fields
)

// Model is the note editor.
type Model struct {
	com   common.Common
	saver Saver
	keys  KeyMap
	note  domain.Note // as last saved (ID 0 until the first save)

	typ      int // index into domain.NoteTypes
	contact  textinput.Model
	duration textinput.Model
	present  textinput.Model
	text     textarea.Model
	focus    int

	width, height int
	edits         int    // bumped on every change, so a stale save timer does nothing
	saved         int    // the edit count last saved
	saving        bool   // a save is under way
	problem       string // why the last save or the contact time was refused
	closing       bool   // leave once the pending save lands
}

// KeyMap is the editor's keys.
type KeyMap struct {
	Next, Prev, Choose, SaveNow, Close key.Binding
}

func defaultKeys() KeyMap {
	return KeyMap{
		Next:    key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next field")),
		Prev:    key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous field")),
		Choose:  key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", "type")),
		SaveNow: key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save now")),
		Close:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "save and close")),
	}
}

// New opens the editor on draft n, or on a new note of n.CaseID when n.ID is 0.
func New(com common.Common, saver Saver, n domain.Note) *Model {
	m := &Model{com: com, saver: saver, keys: defaultKeys(), note: n}
	if n.ID == 0 {
		n.ContactAt, n.Type = com.Clock.Now(), domain.NoteFaceToFace
		m.note = n
	}
	for i, t := range domain.NoteTypes {
		if t == n.Type {
			m.typ = i
		}
	}
	m.contact = input(n.ContactAt.In(com.London).Format("2006-01-02 15:04"), 16)
	m.duration = input("", 4)
	if n.DurationMinutes > 0 {
		m.duration.SetValue(strconv.Itoa(n.DurationMinutes))
	}
	m.present = input(n.Present, 500)
	m.text = textarea.New()
	m.text.ShowLineNumbers = false
	m.text.CharLimit, m.text.MaxHeight, m.text.MaxWidth = 0, 0, 0 // a note may be long
	m.text.Placeholder = "What happened, in the person's own words where you can."
	m.text.SetValue(n.Text)
	m.focus = fieldText
	if n.ID == 0 {
		m.focus = fieldType
	}
	return m
}

func input(v string, limit int) textinput.Model {
	t := textinput.New()
	t.Prompt = ""
	t.CharLimit = limit
	t.SetValue(v)
	return t
}

// Init focuses the first field.
func (m *Model) Init() tea.Cmd { return m.refocus() }

// Title names the screen.
func (m *Model) Title() string {
	if m.note.ID == 0 {
		return "New note"
	}
	return "Note draft"
}

// Capturing is true: the editor takes text.
func (m *Model) Capturing() bool { return true }

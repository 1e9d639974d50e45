// Package noteeditor is where a clinician writes a clinical note: the type of contact,
// when it happened (not when it is written), how long, who was present, and the text.
// The draft saves itself whenever typing pauses, when the editor closes and when the app
// flushes before exit (component/autosave). A draft saved or signed in another window
// meanwhile is never overwritten: the editor says who and when and offers the choices.
package noteeditor

import (
	"context"
	"strconv"
	"time"
	"unicode"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/autosave"
)

// Saver is what the editor needs from the store: saving, and reading the draft as
// stored when another window changed it.
type Saver interface {
	SaveNoteDraft(ctx context.Context, clinicianID int64, at time.Time, n domain.Note) (domain.Note, error)
	Note(ctx context.Context, id int64) (domain.Note, error)
}

// SaveAfter is the pause in typing after which the draft saves itself.
const SaveAfter = autosave.SaveAfter

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
	com    common.Common
	saver  Saver
	keys   KeyMap
	ckeys  autosave.ConflictKeys
	caseID int64
	note   domain.Note // what the fields were filled from
	auto   *autosave.Model[domain.Note]

	typ      int // index into domain.NoteTypes
	contact  textinput.Model
	duration textinput.Model
	present  textinput.Model
	text     textarea.Model
	focus    int

	width, height int
	problem       string // why the last save or the contact time was refused
	// conflict is set when the draft was saved or signed elsewhere: the text stays,
	// saving waits for the person's choice.
	conflict *autosave.Conflict
	keptNew  bool           // the text went to a new draft: the note under is not it
	theirs   domain.Note    // the draft as stored now, once read in a conflict
	heard    autosave.Heard // the field last spoken on arrival (speech.go)
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
	m := &Model{com: com, saver: saver, keys: defaultKeys(), ckeys: autosave.NewConflictKeys(), caseID: n.CaseID}
	var base domain.Note // a new note is not stored until the first save
	if n.ID == 0 {
		n.ContactAt, n.Type = com.Clock.Now(), domain.NoteFaceToFace
	} else {
		base = n
	}
	m.auto = autosave.New(autosave.Spec[domain.Note]{Typed: m.draft, Rebase: rebase, Write: m.write,
		Keep: m.keep, Ctx: com.Ctx}, base)
	m.fill(n)
	m.focus = fieldText
	if n.ID == 0 {
		m.focus = fieldType
	}
	return m
}

// fill puts note n in the fields.
func (m *Model) fill(n domain.Note) {
	m.note = n
	for i, t := range domain.NoteTypes {
		if t == n.Type {
			m.typ = i
		}
	}
	m.contact = input(n.ContactAt.In(m.com.London).Format("2006-01-02 15:04"), 16)
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
	m.SetSize(m.width, m.height)
}

// rebase puts what is typed on the identity and revision of the draft as stored.
func rebase(typed, base domain.Note) domain.Note {
	typed.ID, typed.Revision = base.ID, base.Revision
	return typed
}

// write is the store's save.
func (m *Model) write(ctx context.Context, n domain.Note) (domain.Note, error) {
	return m.saver.SaveNoteDraft(ctx, m.com.Me.ID, m.com.Clock.Now(), n)
}

// keep saves typed as a new draft of the case: the app is stopping and the draft it was
// typed on was saved or signed elsewhere a moment ago.
func (m *Model) keep(ctx context.Context, typed domain.Note) error {
	typed.ID, typed.Revision = 0, 0
	_, err := m.write(ctx, typed)
	return err
}

// typesText reports a key that would type a character: on the Type field, it goes to
// the note instead. A clinician who starts writing at once (the usual case, since the
// type and time default to face to face, now) loses nothing, and ←/→ still choose the
// type: the order of the fields, and every other key on them, stay as they were.
func typesText(msg tea.KeyPressMsg) bool {
	r := []rune(msg.Text)
	return len(r) > 0 && unicode.IsPrint(r[0]) && msg.Mod&^tea.ModShift == 0
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
	if m.auto.Base().ID == 0 {
		return "New note"
	}
	return "Note draft"
}

// Capturing is true: the editor takes text.
func (m *Model) Capturing() bool { return true }

// Flush saves what is typed now, for the root before the app exits (common.Flusher).
// In conflict, the text is kept as a new draft, never saved over the other.
func (m *Model) Flush() tea.Cmd {
	if m.conflict != nil {
		if !m.auto.Unsaved() && !m.auto.Saving() {
			return nil // all it typed is stored: a new draft would copy the other's text
		}
		m.auto.Reset(domain.Note{CaseID: m.caseID})
	}
	return m.auto.Flush()
}

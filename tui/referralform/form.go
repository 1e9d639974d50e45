// Package newreferral is the form in which a clinician logs a new referral. Each field is
// checked as it is left, with the same rules the importer uses; the referral is saved
// only when the whole form is valid, and nothing typed is lost when it is not.
package newreferral

import (
	"context"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
)

// Saver is what the form needs from the store.
type Saver interface {
	AddReferral(ctx context.Context, actor string, at time.Time, r domain.Referral) (int64, error)
}

// KeyMap is the form's own keys; huh moves between fields.
type KeyMap struct {
	Next, Prev, Cancel key.Binding
}

func defaultKeys() KeyMap {
	return KeyMap{
		Next:   key.NewBinding(key.WithKeys("enter", "tab"), key.WithHelp("enter/tab", "next field")),
		Prev:   key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous field")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc esc", "discard")),
	}
}

// Model is the new-referral form.
type Model struct {
	com   common.Common
	saver Saver
	// input holds what was typed; the huh form is bound to it and can be rebuilt around
	// it, so a refused save loses nothing.
	input  *domain.ReferralInput
	form   *huh.Form
	keys   KeyMap
	width  int
	height int

	problems   []string // why the last save was refused
	saving     bool
	discarding bool // esc pressed once; a second esc discards
}

type submitMsg struct{}

type savedMsg struct {
	id  int64
	err error
}

// New builds an empty form with the received time set to now, London time, since most
// referrals are logged as they arrive.
func New(com common.Common, saver Saver) *Model {
	in := &domain.ReferralInput{ReceivedAt: com.Clock.Now().In(com.London).Format("2006-01-02 15:04")}
	m := &Model{com: com, saver: saver, input: in, keys: defaultKeys()}
	m.form = m.build()
	return m
}

// Init focuses the first field.
func (m *Model) Init() tea.Cmd { return m.form.Init() }

// Title names the screen.
func (m *Model) Title() string { return "New referral" }

// Capturing is always true: every printable key is typing.
func (m *Model) Capturing() bool { return true }

// SetSize gives the form the room left under its heading and problems.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.form.WithWidth(max(w, 1)).WithHeight(max(h-m.chromeHeight(), 1))
}

// Update applies a message.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case submitMsg:
		return m, m.submit()
	case savedMsg:
		m.saving = false
		if msg.err != nil {
			m.refuse([]string{msg.err.Error()})
			return m, m.form.Init()
		}
		name := m.input.GivenName + " " + m.input.FamilyName
		return m, tea.Batch(
			common.Cmd(common.ReferralSavedMsg{ID: msg.id}),
			common.Cmd(common.InfoMsg{Text: "Referral for " + name + " saved; its 48-hour clock is running."}),
			common.Back)
	case tea.KeyPressMsg:
		if m.saving {
			return m, nil // keystrokes during the save must not reach a finished form
		}
		if key.Matches(msg, m.keys.Cancel) {
			if m.discarding {
				return m, common.Back
			}
			m.discarding = true
			m.SetSize(m.width, m.height)
			return m, nil
		}
		if m.discarding {
			m.discarding = false
			m.SetSize(m.width, m.height)
		}
	}
	fm, cmd := m.form.Update(msg)
	if f, ok := fm.(*huh.Form); ok {
		m.form = f
	}
	return m, cmd
}

// submit checks the whole referral once more, as the importer would, and saves it.
func (m *Model) submit() tea.Cmd {
	env := domain.ParseEnv{Now: m.com.Clock.Now(), London: m.com.London}
	ref, errs := m.input.Parse(env)
	if len(errs) > 0 {
		var msgs []string
		for _, e := range errs {
			f, _ := domain.FieldByName(e.Field)
			msgs = append(msgs, sentence(f, e.Err).Error())
		}
		m.refuse(msgs)
		return m.form.Init()
	}
	m.saving = true
	ctx, saver, actor := m.com.Ctx, m.saver, m.com.Actor
	return func() tea.Msg {
		id, err := saver.AddReferral(ctx, actor, env.Now, ref)
		return savedMsg{id: id, err: err}
	}
}

// refuse keeps the typed values and reopens the form with the reasons shown above it.
func (m *Model) refuse(problems []string) {
	m.problems = problems
	m.form = m.build()
	m.SetSize(m.width, m.height)
}

// ShortHelp lists the focused field's own keys (a choice is made with ←/→) and the
// form's.
func (m *Model) ShortHelp() []key.Binding {
	var out []key.Binding
	for _, b := range m.form.KeyBinds() {
		if b.Enabled() && b.Help().Key != "" {
			out = append(out, b)
		}
	}
	return append(out, m.keys.Cancel)
}

// FullHelp lists every key.
func (m *Model) FullHelp() [][]key.Binding {
	return [][]key.Binding{{m.keys.Next, m.keys.Prev}, {m.keys.Cancel}}
}

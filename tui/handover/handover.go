// Package handover is the form that passes an open case to another clinician with a
// signed handover note (docs/RULES.md, "Handover"): the active clinicians, each with
// their open cases against the caseload cap; the note; and, when the one chosen already
// holds the cap, a warning and the reason the allocation needs. Handing over is
// confirmed as signing is (component/confirm); a refusal keeps everything typed.
package handover

import (
	"context"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/tui/common"
	"caseload/tui/component/confirm"
)

// Source is what the form needs from the store.
type Source interface {
	TeamLoad(ctx context.Context, today ident.Date) ([]domain.ClinicianLoad, error)
	HandOver(ctx context.Context, byID int64, at time.Time, h domain.Handover, seenFrom int64) (domain.Handover, error)
}

// The fields, in tab order; the reason is shown (and reached) only over the cap.
const (
	fieldWho = iota
	fieldNote
	fieldReason
)

// Model is the handover form.
type Model struct {
	com    common.Common
	src    Source
	keys   KeyMap
	caseID int64
	person string
	from   domain.Clinician // the case's clinician as the case view showed them

	loads  []domain.ClinicianLoad // the clinicians the case can go to
	cursor int
	note   textarea.Model
	reason textinput.Model
	focus  int
	loaded bool

	width, height int
	problem       string
	refusals      map[int]string // by field
	dialog        *confirm.Model
	heard         heard // the field last spoken on arrival (speech.go)
}

// KeyMap is the form's keys.
type KeyMap struct {
	Up, Down, Next, Prev, Sign, Back key.Binding
}

func defaultKeys() KeyMap {
	return KeyMap{
		Up:   key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", "previous clinician")),
		Down: key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", "next clinician")),
		Next: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next field")),
		Prev: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous field")),
		Sign: key.NewBinding(key.WithKeys("ctrl+g"), key.WithHelp("ctrl+g", "sign and hand over")),
		Back: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "leave, handing nothing over")),
	}
}

// New opens the handover of case caseID (person's), held by from (zero: by no one).
func New(com common.Common, src Source, caseID int64, person string, from domain.Clinician) *Model {
	n := textarea.New()
	n.ShowLineNumbers = false
	n.CharLimit, n.MaxHeight, n.MaxWidth = 0, 0, 0
	n.Placeholder = "What the new clinician needs to know: where the work stands, risks, who is involved, what is due."
	r := textinput.New()
	r.Prompt = ""
	r.CharLimit = 500
	r.Placeholder = "why one more case is right for them now"
	return &Model{com: com, src: src, keys: defaultKeys(), caseID: caseID, person: person, from: from,
		note: n, reason: r, refusals: map[int]string{}}
}

type loadedMsg struct {
	loads []domain.ClinicianLoad
	err   error
}

// Init reads the team's load today (London).
func (m *Model) Init() tea.Cmd {
	ctx, src := m.com.Ctx, m.src
	today := ident.DateOf(m.com.Clock.Now().In(m.com.London))
	return func() tea.Msg {
		l, err := src.TeamLoad(ctx, today)
		return loadedMsg{loads: l, err: err}
	}
}

// choices keeps the clinicians a case can go to: active, holding cases (not IT), and
// not the one who holds it now.
func (m *Model) choices(all []domain.ClinicianLoad) []domain.ClinicianLoad {
	var out []domain.ClinicianLoad
	for _, l := range all {
		c := l.Clinician
		if c.ID != 0 && c.Active && c.Access != domain.AccessAdmin && c.ID != m.from.ID {
			out = append(out, l)
		}
	}
	return out
}

// chosen is the clinician under the cursor.
func (m *Model) chosen() (domain.ClinicianLoad, bool) {
	if m.cursor < 0 || m.cursor >= len(m.loads) {
		return domain.ClinicianLoad{}, false
	}
	return m.loads[m.cursor], true
}

// overCap reports whether the clinician chosen already holds the cap, so the handover
// needs a reason.
func (m *Model) overCap() bool {
	l, ok := m.chosen()
	return ok && l.AtCap()
}

// Title names the screen.
func (m *Model) Title() string { return "Hand over · " + m.person }

// Capturing is true: the form takes text.
func (m *Model) Capturing() bool { return true }

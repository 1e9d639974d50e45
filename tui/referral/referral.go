// Package referral is the view of one referral as a team reads it in a meeting: the
// eligibility verdict at the top, the facts beside the checklist that explains it, then
// the decisions taken. From here a clinician corrects the facts, screens the referral,
// records the consultation or withdraws it.
package referral

import (
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/list"
)

// Model shows one referral.
type Model struct {
	com    common.Common
	src    Source
	id     int64
	keys   KeyMap
	vp     viewport.Model
	width  int
	height int

	rec       record
	checklist domain.Eligibility
	now       time.Time
	loaded    bool
	loads     list.Loads    // one load at a time, however often the data changes
	ask       *duplicateAsk // "possibly the same person?" while it is open
}

// New builds the view of referral id; Init loads it.
func New(com common.Common, src Source, id int64) *Model {
	return &Model{com: com, src: src, id: id, keys: DefaultKeyMap(), vp: viewport.New()}
}

// Init loads the referral, and keeps in the audit that it was opened.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(m.loads.Ask(m.load), m.com.Viewed(m.src, "referral", m.id))
}

// Title names the screen after the person, so the header says whose record is open.
func (m *Model) Title() string {
	if !m.loaded {
		return "Referral"
	}
	return "Referral · " + m.rec.ref.Person.Name()
}

// Capturing is false: the view takes no text.
func (m *Model) Capturing() bool { return false }

// SetSize re-lays the view for a new size.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.vp.SetWidth(w)
	m.vp.SetHeight(max(h-headerLines, 0))
	m.refresh()
}

// Update applies a message.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		switch {
		case msg.err != nil && !m.loaded:
			return m, m.loads.Land(tea.Batch(common.Cmd(common.ErrorMsg{Err: msg.err}), common.Back), m.load)
		case msg.err != nil: // a reload: what was read before stays on screen
			return m, m.loads.Land(common.Cmd(common.ErrorMsg{Err: msg.err}), m.load)
		}
		m.rec, m.now, m.loaded = msg.rec, msg.now, true
		m.checklist = domain.CheckEligibility(m.rec.ref, m.now)
		m.refresh() // keeps the scroll
		return m, m.loads.Land(m.reread(), m.load)
	case duplicateArmedMsg:
		if msg.ask == m.ask {
			m.ask.armed = true
		}
	case duplicateAnsweredMsg:
		if msg.err != nil {
			return m, common.Cmd(common.ErrorMsg{Err: msg.err})
		}
		return m, common.Cmd(common.InfoMsg{Text: msg.text})
	case common.ReferralChangedMsg:
		if msg.ID == m.id {
			return m, m.loads.Ask(m.load)
		}
	case common.DataChangedMsg:
		// A colleague's decision or correction in another process; the referral as read
		// before shows until the new read lands.
		return m, m.loads.Ask(m.load)
	case common.TickMsg:
		m.now = msg.Now
		m.checklist = domain.CheckEligibility(m.rec.ref, m.now)
		m.refresh()
	case tea.KeyPressMsg:
		if m.ask != nil {
			return m, m.askKey(msg)
		}
		return m, m.key(msg)
	}
	return m, nil
}

func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Back):
		return common.Back
	case key.Matches(msg, m.keys.Up):
		m.vp.ScrollUp(1)
	case key.Matches(msg, m.keys.Down):
		m.vp.ScrollDown(1)
	case key.Matches(msg, m.keys.PageUp):
		m.vp.PageUp()
	case key.Matches(msg, m.keys.PageDown):
		m.vp.PageDown()
	case !m.loaded:
	case key.Matches(msg, m.keys.Edit):
		return common.Cmd(common.EditReferralMsg{Referral: m.rec.ref})
	case key.Matches(msg, m.keys.Screen):
		return m.act("screen", common.ScreenReferralMsg{Referral: m.rec.ref})
	case key.Matches(msg, m.keys.Consult):
		return m.act("consult", common.ConsultMsg{Referral: m.rec.ref, Clinicians: m.rec.clinicians})
	case key.Matches(msg, m.keys.Withdraw):
		return m.act("withdraw", common.WithdrawMsg{Referral: m.rec.ref})
	case key.Matches(msg, m.keys.Duplicate):
		if why := whyNot("duplicate", m.rec.ref); why != "" {
			return common.Cmd(common.InfoMsg{Text: why})
		}
		return m.askDuplicate()
	}
	return nil
}

// act opens a decision, or says why it cannot be taken now.
func (m *Model) act(action string, open tea.Msg) tea.Cmd {
	if why := whyNot(action, m.rec.ref); why != "" {
		return common.Cmd(common.InfoMsg{Text: why})
	}
	return common.Cmd(open)
}

// ShortHelp lists the keys for the footer: only the actions open to this referral.
func (m *Model) ShortHelp() []key.Binding {
	if m.ask != nil {
		if m.ask.clash != nil {
			return []key.Binding{notSameKey, notNowKey}
		}
		return []key.Binding{sameKey, notSameKey, notNowKey}
	}
	keys := []key.Binding{m.keys.Down, m.keys.Back, m.keys.Edit}
	for _, a := range []struct {
		name string
		b    key.Binding
	}{{"duplicate", m.keys.Duplicate}, {"screen", m.keys.Screen}, {"consult", m.keys.Consult}, {"withdraw", m.keys.Withdraw}} {
		if m.loaded && whyNot(a.name, m.rec.ref) == "" {
			keys = append(keys, a.b)
		}
	}
	return keys
}

// FullHelp lists every key, those this referral does not allow now disabled
// (whynot.go): help leaves them out, the palette says why.
func (m *Model) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{m.keys.Up, m.keys.Down, m.keys.PageUp, m.keys.PageDown, m.keys.Back},
		{m.keys.Edit, m.live("screen", m.keys.Screen), m.live("consult", m.keys.Consult),
			m.live("withdraw", m.keys.Withdraw), m.live("duplicate", m.keys.Duplicate)},
	}
}

package settings

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/config"
	"caseload/tui/common"
)

// Update applies a message.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		return m, m.loadedIn(msg)
	case savedMsg:
		m.saving = false
		if msg.err != nil {
			// A refusal (a colleague changed it first) shows the value as it is now.
			return m, tea.Batch(common.Cmd(common.ErrorMsg{Err: msg.err}), m.load())
		}
		changed := common.SettingsChangedMsg{Theme: m.personal.Theme, LockMinutes: m.personal.IdleLockMinutes}
		return m, tea.Batch(common.Cmd(common.InfoMsg{Text: msg.said}), common.Cmd(changed), m.load())
	case common.DataChangedMsg:
		if !m.saving {
			return m, m.load()
		}
	case tea.KeyPressMsg:
		return m, m.press(msg)
	}
	return m, nil
}

// loadedIn keeps what was read; a line chosen but not saved stays chosen.
func (m *Model) loadedIn(msg loadedMsg) tea.Cmd {
	m.loaded = true
	if msg.err != nil {
		return common.Cmd(common.ErrorMsg{Err: msg.err})
	}
	type choice struct{ chosen, saved string }
	pending := map[string]choice{}
	for _, r := range m.rows {
		if r.chosen != r.saved {
			pending[r.key] = choice{r.chosen, r.saved}
		}
	}
	m.service, m.personal, m.problems = msg.service, msg.personal, msg.problems
	m.buildRows()
	var dropped []string
	for i, r := range m.rows {
		p, ok := pending[r.key]
		switch {
		case !ok:
		case p.saved != r.saved:
			// Changed elsewhere since it was shown: the choice was made against a
			// value no longer there, so it is dropped and said, never saved over it.
			dropped = append(dropped, fmt.Sprintf("%s was changed elsewhere to %s; your choice was not saved", r.label, m.shown(r, r.saved)))
		case slices.Contains(r.values, p.chosen) && r.readOnly == "":
			m.rows[i].chosen = p.chosen
		}
	}
	if len(dropped) > 0 {
		return common.Cmd(common.InfoMsg{Text: strings.Join(dropped, "; ") + "."})
	}
	return nil
}

func (m *Model) press(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Back):
		return common.Cmd(common.BackMsg{})
	case !m.loaded || len(m.rows) == 0:
		return nil
	case key.Matches(msg, m.keys.Up):
		m.cursor = max(m.cursor-1, 0)
	case key.Matches(msg, m.keys.Down):
		m.cursor = min(m.cursor+1, len(m.rows)-1)
	case key.Matches(msg, m.keys.Prev):
		return m.step(-1)
	case key.Matches(msg, m.keys.Next):
		return m.step(1)
	case key.Matches(msg, m.keys.Save):
		return m.save()
	}
	return nil
}

// step moves the line's chosen value on by d, round the values.
func (m *Model) step(d int) tea.Cmd {
	r := &m.rows[m.cursor]
	if r.readOnly != "" {
		return common.Cmd(common.InfoMsg{Text: r.label + " cannot be changed here: " + r.readOnly + "."})
	}
	i := slices.Index(r.values, r.chosen)
	r.chosen = r.values[(i+d+len(r.values))%len(r.values)]
	return nil
}

// save writes the line under the cursor: to config.toml, or to the database if it still
// holds what was shown.
func (m *Model) save() tea.Cmd {
	r := m.rows[m.cursor]
	if r.readOnly != "" {
		return common.Cmd(common.InfoMsg{Text: r.label + " cannot be changed here: " + r.readOnly + "."})
	}
	if r.chosen == r.saved {
		return common.Cmd(common.InfoMsg{Text: r.label + " is already " + m.shown(r, r.saved) + "."})
	}
	m.saving = true
	if r.service {
		ctx, src, com := m.com.Ctx, m.src, m.com
		return func() tea.Msg {
			_, err := src.SetSettingSeen(ctx, com.Actor, com.Clock.Now(), r.key, r.saved, r.chosen)
			return savedMsg{err: err, said: fmt.Sprintf("%s is now %s for everyone.", r.key, r.chosen)}
		}
	}
	path := m.path
	said := fmt.Sprintf("%s is now %s, saved in %s.", r.label, m.shown(r, r.chosen), path)
	m.personal = m.personalFrom(r) // the theme and lock the root is told of once saved
	return func() tea.Msg {
		// The file as it is now, with only this line's choice changed: another
		// session's save, or an edit by hand, since the screen read it is kept.
		now, _ := config.Load(path)
		if err := config.Save(path, withChoice(now, r)); err != nil {
			return savedMsg{err: err}
		}
		return savedMsg{said: said}
	}
}

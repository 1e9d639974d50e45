package settings

import (
	"fmt"
	"slices"
	"strconv"

	"caseload/internal/config"
	"caseload/internal/domain"
)

// row is one setting on the screen: its values, the one saved and the one chosen.
type row struct {
	service bool // the service's, in the database; else the person's, in config.toml
	key     string
	label   string
	values  []string
	saved   string
	chosen  string
	// readOnly says why it cannot be changed here, or "".
	readOnly string
}

// lockChoices are the idle-lock minutes a person may pick: "0" is the service's.
var lockChoices = []string{"0", "1", "2", "5", "10", "15", "20", "30"}

// buildRows lays the settings out: the person's first, then the service's.
func (m *Model) buildRows() {
	p := m.personal
	lock := strconv.Itoa(p.IdleLockMinutes)
	if !slices.Contains(lockChoices, lock) {
		lock = "0"
	}
	yours := ""
	if m.path == "" {
		yours = "in team mode your settings are the server's defaults and are not saved"
	}
	m.rows = []row{
		{key: "theme", label: "Theme", values: config.Themes, saved: p.Theme},
		{key: "mouse", label: "Mouse", values: []string{"off", "on"}, saved: onOff(p.Mouse)},
		{key: "idle-lock-minutes", label: "Idle lock", values: lockChoices, saved: lock},
		{key: "accessible", label: "Accessible mode", values: []string{"off", "on"}, saved: onOff(p.Accessible)},
	}
	for i := range m.rows {
		m.rows[i].readOnly = yours
	}
	for _, s := range m.service {
		r := row{service: true, key: s.Key, label: s.Key, values: s.Values, saved: s.Value}
		if !slices.Contains(r.values, r.saved) {
			r.values = append([]string{r.saved}, r.values...)
		}
		if !m.com.Me.Leads() {
			r.readOnly = "only a lead can change the service's settings; ask yours"
		}
		m.rows = append(m.rows, r)
	}
	for i := range m.rows {
		m.rows[i].chosen = m.rows[i].saved
	}
	m.cursor = min(m.cursor, len(m.rows)-1)
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}

// shown is a row's value as the screen says it.
func (m *Model) shown(r row, v string) string {
	if r.key == "idle-lock-minutes" && !r.service {
		if v == "0" {
			return fmt.Sprintf("the service's (%d min)", m.serviceLock())
		}
		return v + " min"
	}
	return v
}

// note is what a row's chosen value means, said beside it.
func (m *Model) note(r row) string {
	if r.readOnly != "" {
		return r.readOnly
	}
	if r.service {
		for _, s := range m.service {
			if s.Key == r.key {
				return s.About
			}
		}
		return ""
	}
	switch r.key {
	case "theme":
		if m.com.Look.NoColour {
			return "NO_COLOR is set: no colour, whichever theme"
		}
		return map[string]string{
			config.ThemeAuto:         "dark or light, as the terminal's background",
			config.ThemeDark:         "for a dark background",
			config.ThemeLight:        "for a light background",
			config.ThemeHighContrast: "black or white text, nothing faint",
			config.ThemeNoColour:     "no colour at all; bold and reverse only",
		}[r.chosen]
	case "mouse":
		return "from the next start; on stops the terminal's own copying of text"
	case "accessible":
		return "from the next start: sentences for a screen reader"
	case "idle-lock-minutes":
		if n, _ := strconv.Atoi(r.chosen); n >= m.serviceLock() {
			return fmt.Sprintf("the service's %d minutes apply: yours can only be shorter", m.serviceLock())
		}
		return "yours can only be shorter than the service's"
	}
	return ""
}

// serviceLock is the service's idle-lock minutes as read.
func (m *Model) serviceLock() int { return domain.IdleLockMinutes(m.service) }

// personalFrom is the person's settings with row r's chosen value.
func (m *Model) personalFrom(r row) config.Settings { return withChoice(m.personal, r) }

// withChoice is p with row r's choice, and nothing else, changed.
func withChoice(p config.Settings, r row) config.Settings {
	switch r.key {
	case "theme":
		p.Theme = r.chosen
	case "mouse":
		p.Mouse = r.chosen == "on"
	case "accessible":
		p.Accessible = r.chosen == "on"
	case "idle-lock-minutes":
		p.IdleLockMinutes, _ = strconv.Atoi(r.chosen)
	}
	return p
}

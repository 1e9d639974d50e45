package common

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// Theme is every style the screens use, by role rather than colour, so that no screen
// holds a colour literal and the whole app follows a light or dark background. Colour is
// never the only signal: each role that carries meaning is paired with words or a mark
// where it is used.
type Theme struct {
	Dark     bool
	Title    lipgloss.Style
	Header   lipgloss.Style // column headings
	Muted    lipgloss.Style
	Selected lipgloss.Style // the row under the cursor
	Overdue  lipgloss.Style
	DueSoon  lipgloss.Style
	Due      lipgloss.Style
	Stopped  lipgloss.Style
	Pass     lipgloss.Style
	Fail     lipgloss.Style
	Unknown  lipgloss.Style
	Error    lipgloss.Style
	Info     lipgloss.Style
	Badge    lipgloss.Style // small inverse tags such as TEST
	Label    lipgloss.Style // field names in detail views
	Section  lipgloss.Style // section headings in detail views
}

// NewTheme builds the theme for a dark or light background.
func NewTheme(dark bool) *Theme {
	pick := lipgloss.LightDark(dark)
	c := func(light, darkc string) color.Color { return pick(lipgloss.Color(light), lipgloss.Color(darkc)) }
	red, amber, green, blue := c("#b3261e", "#ff6b6b"), c("#8a5a00", "#ffb454"), c("#1e6b30", "#7bd88f"), c("#1f4e99", "#7aa2f7")
	muted, text := c("#6b6b6b", "#8b8b8b"), c("#1a1a1a", "#e6e6e6")
	return &Theme{
		Dark:     dark,
		Title:    lipgloss.NewStyle().Bold(true).Foreground(blue),
		Header:   lipgloss.NewStyle().Bold(true).Foreground(text),
		Muted:    lipgloss.NewStyle().Foreground(muted),
		Selected: lipgloss.NewStyle().Reverse(true),
		Overdue:  lipgloss.NewStyle().Bold(true).Foreground(red),
		DueSoon:  lipgloss.NewStyle().Foreground(amber),
		Due:      lipgloss.NewStyle().Foreground(text),
		Stopped:  lipgloss.NewStyle().Foreground(muted),
		Pass:     lipgloss.NewStyle().Foreground(green),
		Fail:     lipgloss.NewStyle().Bold(true).Foreground(red),
		Unknown:  lipgloss.NewStyle().Foreground(amber),
		Error:    lipgloss.NewStyle().Bold(true).Foreground(red),
		Info:     lipgloss.NewStyle().Foreground(green),
		Badge:    lipgloss.NewStyle().Reverse(true).Padding(0, 1),
		Label:    lipgloss.NewStyle().Foreground(muted),
		Section:  lipgloss.NewStyle().Bold(true).Underline(true).Foreground(blue),
	}
}

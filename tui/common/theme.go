package common

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
)

// Theme is every style the screens use, by role rather than colour, so that no screen
// holds a colour literal and the whole app follows the person's theme (config.toml,
// "theme"). Colour is never the only signal: each role that carries meaning is paired
// with words or a mark where it is used, so the no-colour theme (and NO_COLOR) loses
// nothing but colour.
type Theme struct {
	// Name is the theme drawn: dark, light, high-contrast or no-colour (Themes).
	Name string
	// Dark is whether the background is dark (high-contrast draws for either).
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
	// Placeholder is an empty field's example: never drawn like a value (the forms'
	// placeholders also say "e.g.").
	Placeholder lipgloss.Style
	// Help is the footer's and the help screen's keys and words.
	Help help.Styles
}

// The themes drawn (docs/CONFIG.md, "theme"); "auto" is not one: it picks dark or light.
const (
	ThemeDark         = "dark"
	ThemeLight        = "light"
	ThemeHighContrast = "high-contrast"
	ThemeNoColour     = "no-colour"
)

// NewTheme builds the dark or light theme for a dark or light background.
func NewTheme(dark bool) *Theme {
	pick := lipgloss.LightDark(dark)
	c := func(light, darkc string) color.Color { return pick(lipgloss.Color(light), lipgloss.Color(darkc)) }
	t := coloured(dark, palette{
		red: c("#b3261e", "#ff6b6b"), amber: c("#8a5a00", "#ffb454"), green: c("#1e6b30", "#7bd88f"),
		blue: c("#1f4e99", "#7aa2f7"), muted: c("#6b6b6b", "#8b8b8b"), text: c("#1a1a1a", "#e6e6e6"),
	})
	t.Name = ThemeLight
	if dark {
		t.Name = ThemeDark
	}
	return t
}

// HighContrast is the theme at the strongest contrast the background allows: text in
// black or white, the colours at their most saturated, nothing faint or grey (muted
// text is plain text), the footer's keys bold.
func HighContrast(dark bool) *Theme {
	pick := lipgloss.LightDark(dark)
	c := func(light, darkc string) color.Color { return pick(lipgloss.Color(light), lipgloss.Color(darkc)) }
	text := c("#000000", "#ffffff")
	t := coloured(dark, palette{
		red: c("#9e0000", "#ff8080"), amber: c("#5c3b00", "#ffd75f"), green: c("#004d00", "#87ff87"),
		blue: c("#002b80", "#87d7ff"), muted: text, text: text,
	})
	t.Name = ThemeHighContrast
	t.Title = t.Title.Underline(true)
	t.Help = plainHelp()
	return t
}

// NoColour is the theme with no colour at all: bold, underline and reverse carry what
// colour would, beside the words and marks that always carry it. NO_COLOR chooses it.
func NoColour(dark bool) *Theme {
	bold := lipgloss.NewStyle().Bold(true)
	plain := lipgloss.NewStyle()
	return &Theme{
		Name: ThemeNoColour, Dark: dark,
		Title: bold, Header: bold, Muted: plain, Selected: plain.Reverse(true),
		Overdue: bold, DueSoon: plain, Due: plain, Stopped: plain, Pass: plain, Fail: bold, Unknown: plain,
		Error: bold, Info: plain, Badge: plain.Reverse(true).Padding(0, 1), Label: plain,
		Section: bold.Underline(true), Placeholder: plain.Italic(true), Help: plainHelp(),
	}
}

// palette is the colours a coloured theme is built from.
type palette struct{ red, amber, green, blue, muted, text color.Color }

func coloured(dark bool, p palette) *Theme {
	return &Theme{
		Dark:        dark,
		Title:       lipgloss.NewStyle().Bold(true).Foreground(p.blue),
		Header:      lipgloss.NewStyle().Bold(true).Foreground(p.text),
		Muted:       lipgloss.NewStyle().Foreground(p.muted),
		Selected:    lipgloss.NewStyle().Reverse(true),
		Overdue:     lipgloss.NewStyle().Bold(true).Foreground(p.red),
		DueSoon:     lipgloss.NewStyle().Foreground(p.amber),
		Due:         lipgloss.NewStyle().Foreground(p.text),
		Stopped:     lipgloss.NewStyle().Foreground(p.muted),
		Pass:        lipgloss.NewStyle().Foreground(p.green),
		Fail:        lipgloss.NewStyle().Bold(true).Foreground(p.red),
		Unknown:     lipgloss.NewStyle().Foreground(p.amber),
		Error:       lipgloss.NewStyle().Bold(true).Foreground(p.red),
		Info:        lipgloss.NewStyle().Foreground(p.green),
		Badge:       lipgloss.NewStyle().Reverse(true).Padding(0, 1),
		Label:       lipgloss.NewStyle().Foreground(p.muted),
		Section:     lipgloss.NewStyle().Bold(true).Underline(true).Foreground(p.blue),
		Placeholder: lipgloss.NewStyle().Italic(true).Foreground(p.muted),
		Help:        readableHelp(p),
	}
}

// readableHelp is the footer in a coloured theme: keys in the text's colour, bold, and
// their words in the muted colour, which keeps at least 4.5:1 against its background
// (bubbles' default greys, #4e4e4e on black and #b2b2b2 on white, are near 2:1).
func readableHelp(p palette) help.Styles {
	key, words := lipgloss.NewStyle().Bold(true).Foreground(p.text), lipgloss.NewStyle().Foreground(p.muted)
	return help.Styles{
		Ellipsis: words, ShortKey: key, ShortDesc: words, ShortSeparator: words,
		FullKey: key, FullDesc: words, FullSeparator: words,
	}
}

// plainHelp is the footer with nothing faint: keys bold, words plain, in the terminal's
// own colours.
func plainHelp() help.Styles {
	bold, plain := lipgloss.NewStyle().Bold(true), lipgloss.NewStyle()
	return help.Styles{
		Ellipsis: plain, ShortKey: bold, ShortDesc: plain, ShortSeparator: plain,
		FullKey: bold, FullDesc: plain, FullSeparator: plain,
	}
}

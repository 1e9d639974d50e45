package form

import (
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"

	"caseload/tui/common"
)

// huhTheme is huh's base theme drawn in the app's theme, with a mark wherever colour
// alone would say something (docs/CONFIG.md, "theme"), so the no-colour theme and
// NO_COLOR lose nothing:
//   - the chosen answer of a yes/no ("Record / Not yet") is "● Record" in reverse
//     and the other "○ Not yet";
//   - the field in focus has the thick bar ┃ down its left and its title in bold;
//   - the option under the cursor has "> " before it;
//   - a placeholder is in italics (and says "e.g." where it is an example).
//
// It reads t each time huh draws, so a theme redrawn in place (the terminal's answer,
// the Settings screen) reaches forms already open.
func huhTheme(t *common.Theme) huh.Theme {
	return huh.ThemeFunc(func(isDark bool) *huh.Styles {
		s := huh.ThemeBase(isDark)
		button := lipgloss.NewStyle().Padding(0, 1).MarginRight(1)
		chosen := button.Reverse(true).Bold(true).SetString("●")
		other := button.SetString("○")
		for _, f := range []*huh.FieldStyles{&s.Focused, &s.Blurred} {
			f.FocusedButton, f.BlurredButton = chosen, other
			f.TextInput.Placeholder = t.Placeholder
			f.ErrorMessage = t.Error.SetString(" *")
			f.ErrorIndicator = t.Error.SetString(" *")
			f.Description = t.Muted
			f.SelectedPrefix = lipgloss.NewStyle().SetString("[x] ")
		}
		s.Focused.Title = t.Header
		return s
	})
}

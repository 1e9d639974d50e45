package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
)

// KeySection is one screen's keys, grouped as its help groups them.
type KeySection struct {
	Where string
	Keys  [][]key.Binding
}

// KeyTable renders sections as the README's Markdown key table: one row a screen, each
// key with what it does. It is made from the keymaps that drive help and the palette,
// so the README cannot drift from them (TestREADMEKeyTable). Unlike help, which lists
// only what works at that moment, it keeps a disabled key (a referral's consultation
// before it is screened in): the README says what each screen can do.
func KeyTable(sections []KeySection) string {
	var b strings.Builder
	b.WriteString("| where | keys |\n|---|---|\n")
	for _, s := range sections {
		var keys []string
		for _, g := range s.Keys {
			for _, k := range g {
				if k.Help().Key == "" {
					continue
				}
				keys = append(keys, "`"+k.Help().Key+"` "+cell(k.Help().Desc))
			}
		}
		if len(keys) == 0 {
			continue
		}
		b.WriteString("| " + cell(s.Where) + " | " + strings.Join(keys, " · ") + " |\n")
	}
	return b.String()
}

// cell escapes what would end a Markdown table cell.
func cell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

// globalKeys is the root's keys as a section of the key table: those help lists on every
// screen, and quit on Today.
func (a *App) globalKeys() KeySection {
	return KeySection{Where: "everywhere but while typing in a form or editor", Keys: [][]key.Binding{
		{a.keys.Help, a.keys.Palette, a.keys.Search, a.keys.ForceQuit, a.keys.Quit},
	}}
}

// lockedKeys is the one key of the locked app (lock.go).
func (a *App) lockedKeys() KeySection {
	return KeySection{Where: "locked (after idle-lock-minutes without a key)", Keys: [][]key.Binding{{a.keys.Unlock}}}
}

package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/tui/common"
	"caseload/tui/home"
	"caseload/tui/palette"
)

// place is somewhere in the app the palette goes to. The places are this one table:
// a new screen reachable from Today is one row more.
type place struct {
	name string
	// key is the place's key: on Today (home's keymap) unless global says it works
	// everywhere (the root's); nil when it has none.
	key    func(home.KeyMap, KeyMap) key.Binding
	global bool
	open   tea.Msg // what the root is asked, as Today's key asks it
	lead   bool    // a lead's screen: the root refuses it to anyone else
}

var places = []place{
	{name: "Today", open: common.OpenHomeMsg{}},
	{name: "Referral queue", key: func(h home.KeyMap, _ KeyMap) key.Binding { return h.Queue }, open: common.OpenQueueMsg{}},
	{name: "Caseload", key: func(h home.KeyMap, _ KeyMap) key.Binding { return h.Caseload }, open: common.OpenCaseloadMsg{}},
	{name: "Release countdowns", key: func(h home.KeyMap, _ KeyMap) key.Binding { return h.Countdowns }, open: common.OpenCountdownsMsg{}},
	{name: "Forums", key: func(h home.KeyMap, _ KeyMap) key.Binding { return h.Forums }, open: common.OpenForumsMsg{}},
	{name: "New referral", key: func(h home.KeyMap, _ KeyMap) key.Binding { return h.New }, open: common.NewReferralMsg{}},
	{name: "Reports", key: func(h home.KeyMap, _ KeyMap) key.Binding { return h.Reports }, open: common.OpenReportsMsg{}},
	{name: "Settings", key: func(h home.KeyMap, _ KeyMap) key.Binding { return h.Settings }, open: common.OpenSettingsMsg{}},
	{name: "Search notes", key: func(_ home.KeyMap, r KeyMap) key.Binding { return r.Search }, global: true, open: common.OpenSearchMsg{}},
	{name: "Team's caseloads", key: func(h home.KeyMap, _ KeyMap) key.Binding { return h.Team }, open: common.OpenTeamMsg{}, lead: true},
	{name: "Audit log", key: func(h home.KeyMap, _ KeyMap) key.Binding { return h.AuditLog }, open: common.OpenAuditLogMsg{}, lead: true},
	{name: "Subject access requests", key: func(h home.KeyMap, _ KeyMap) key.Binding { return h.Requests }, open: common.OpenAccessRequestsMsg{}, lead: true},
}

// paletteChoice is what one palette item does: a key pressed on the screen on top, or a
// place opened.
type paletteChoice struct {
	press string
	open  tea.Msg
}

// notNow is why a disabled key does nothing when its screen does not say.
const notNow = "not possible on this screen right now"

// openPalette opens the palette over the screen on top, with that screen's actions (the
// bindings its help lists, the root's global keys with them) and every place.
func (a *App) openPalette() {
	items, do := a.paletteItems()
	a.palette = palette.New(a.com.Theme, items)
	a.palette.SetSize(a.contentSize())
	a.paletteOn = a.stack[len(a.stack)-1].id
	a.paletteDo = do
}

// paletteOpen reports whether the palette is open over the screen it was opened on: a
// screen closing or opening under it (a command's result) closes it.
func (a *App) paletteOpen() bool {
	return a.palette != nil && a.paletteOn == a.stack[len(a.stack)-1].id
}

// paletteItems lists the actions of the screen on top, then the places.
func (a *App) paletteItems() ([]palette.Item, []paletteChoice) {
	var items []palette.Item
	var do []paletteChoice
	seen := map[string]bool{}
	actionKeys := map[string]bool{}
	why, _ := a.top().(common.Explainer)
	for _, g := range a.fullHelp() {
		for _, b := range g {
			h := b.Help()
			if h.Key == "" || len(b.Keys()) == 0 || seen[h.Key+"\x00"+h.Desc] || key.Matches(common.Press(b.Keys()[0]), a.keys.Palette) {
				continue
			}
			seen[h.Key+"\x00"+h.Desc] = true
			actionKeys[h.Key] = true
			it := palette.Item{Key: h.Key, Desc: h.Desc}
			if !b.Enabled() {
				it.Why = notNow
				if why != nil && why.WhyNot(b) != "" {
					it.Why = why.WhyNot(b)
				}
			}
			items = append(items, it)
			do = append(do, paletteChoice{press: b.Keys()[0]})
		}
	}
	if Administers(a.com.Me) {
		return items, do // IT's admin opens no other screen (roles.go)
	}
	onToday := len(a.stack) == 1
	hk, rk := home.DefaultKeyMap(), a.keys
	for _, p := range places {
		it := palette.Item{Desc: "Go to " + p.name}
		if onToday && p.open == (common.OpenHomeMsg{}) {
			continue // here already
		}
		if p.key != nil {
			k := p.key(hk, rk).Help().Key
			if onToday && actionKeys[k] {
				continue // Today's own action with this key is listed already
			}
			if p.global || onToday {
				it.Key = k
			} else {
				it.Hint = k + " on Today"
			}
		}
		if p.lead && !a.com.Me.Leads() {
			it.Why = "a lead's screen"
		}
		items = append(items, it)
		do = append(do, paletteChoice{open: p.open})
	}
	return items, do
}

// paletteKey is a key while the palette is open: enter runs the chosen item as if its
// key were typed on the screen, or opens its place; esc closes.
func (a *App) paletteKey(msg tea.KeyPressMsg, hold int) tea.Cmd {
	chosen, done := a.palette.Update(msg)
	if !done {
		return nil
	}
	a.palette = nil
	if chosen < 0 {
		return nil
	}
	c := a.paletteDo[chosen]
	if c.open != nil {
		return a.handle(c.open, 0, hold)
	}
	return a.key(common.Press(c.press), hold)
}

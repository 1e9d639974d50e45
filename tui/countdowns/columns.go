package countdowns

import "caseload/tui/component/list"

const (
	colName      = "name"
	colClinician = "clinician"
	colCountdown = "countdown"
	colBar       = "bar"
)

// The widths the layout works with. The bar is a cell a month at its narrowest; the
// countdown's words run to about 60 cells ("release in 120 days, Wednesday 24 March
// 2027 (HDC approved)") and are cut short before any column is dropped for them.
const (
	nameWant     = 22
	nameMost     = 28 // beyond this the name gives its room to the words and the bar
	nameLeast    = 10 // below this the name alone is shown
	countdownMin = 18 // "release in 120 days"
	countdownMax = 64
	barMin       = 18
	barMax       = 36
)

// layout chooses the columns that fit width and their widths; it runs on resize and
// when mine is toggled, not on every frame. The countdown's words stay longest, since
// they say everything the bar draws; the bar goes before them and the clinician first
// (showing only mine, the clinician would be the reader on every row, so it is left
// out). Where the terminal is wide, the words get their full length, then the bar.
func layout(width int, mine bool) []list.Column {
	fixed := []list.Column{
		{ID: colClinician, Heading: "Clinician", Width: 18, Keep: 1},
		{ID: colCountdown, Heading: "Countdown", Width: 36, Keep: 3},
		{ID: colBar, Heading: "Pathway", Width: barMin, Keep: 2},
	}
	if mine {
		fixed = fixed[1:]
	}
	cols := list.Layout(width, list.Spec{
		Name:     list.Column{ID: colName, Heading: "Person"},
		NameWant: nameWant,
		Fixed:    fixed,
		MinKept:  1,
	})
	room := width - list.Marker
	for _, c := range cols[1:] {
		room -= list.Gap + c.Width
	}
	// The countdown is the most kept column, so Layout always keeps it.
	words := &cols[1]
	for i := range cols {
		if cols[i].ID == colCountdown {
			words = &cols[i]
		}
	}
	if room < nameWant { // narrow: the words give way to the name, down to their least
		give := min(nameWant-room, words.Width-countdownMin)
		words.Width -= give
		room += give
	}
	if room < nameLeast {
		return list.Layout(width, list.Spec{Name: list.Column{ID: colName, Heading: "Person"}})
	}
	if room > nameMost { // wide: the words first, then the bar, then the name
		spare := room - nameMost
		grow := min(spare, countdownMax-words.Width)
		words.Width += grow
		spare -= grow
		for i := range cols {
			if cols[i].ID == colBar {
				grow = min(spare, barMax-cols[i].Width)
				cols[i].Width += grow
				spare -= grow
			}
		}
		room = nameMost + spare
	}
	cols[0].Width = room
	return cols
}

// columnWidth is the width of the column with this id, or 0 when it is not shown.
func columnWidth(cols []list.Column, id string) int {
	for _, c := range cols {
		if c.ID == id {
			return c.Width
		}
	}
	return 0
}

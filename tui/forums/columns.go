package forums

import (
	"slices"

	"caseload/tui/component/list"
)

const (
	colWhen   = "when"
	colKind   = "kind"
	colPerson = "person"
	colRole   = "role"
	colReport = "report"
	colTeam   = "team"
	colChair  = "chair"
)

// order is the reading order of the columns: the date leads, as in a diary.
var order = []string{colWhen, colKind, colPerson, colRole, colReport, colTeam, colChair}

// layout chooses the columns that fit width and their widths; it runs on resize, not on
// every frame. The date stays however narrow the screen, then the forum and the report
// (an overdue report is the screen's reason to be opened); the chair and the team give
// way first, and the foot line gives what the selected meeting's columns leave out.
func layout(width int, s list.Spec) []list.Column {
	cols := list.Layout(width, s)
	// Layout puts the flexible column first; the person reads best after the date and
	// the forum.
	slices.SortStableFunc(cols, func(a, b list.Column) int {
		return slices.Index(order, a.ID) - slices.Index(order, b.ID)
	})
	return cols
}

// columns is the screen's columns at their least widths; each grows to its longest
// value when there is room (docs/RULES.md, "Columns").
var columns = list.Spec{
	Name:     list.Column{ID: colPerson, Heading: "Person"},
	NameWant: 16,
	Fixed: []list.Column{
		{ID: colWhen, Heading: "Date", Width: 10, Keep: 9},
		{ID: colKind, Heading: "Forum", Width: 13, Keep: 8},
		{ID: colRole, Heading: "Role", Width: 7, Keep: 6},
		// "⚠ report overdue by 12 days" whole: cut, it would lose how long.
		{ID: colReport, Heading: "Report", Width: 27, Keep: 7},
		{ID: colTeam, Heading: "Team", Width: 16, Keep: 5},
		{ID: colChair, Heading: "Chair", Width: 16, Keep: 4},
	},
	MinKept: 1,
}

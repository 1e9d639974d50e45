package caseload

import "caseload/tui/component/list"

const (
	colName        = "name"
	colClinician   = "clinician"
	colFormulation = "formulation"
	colContact     = "contact"
	colDrafts      = "drafts"
	colRelease     = "release"
)

// layout chooses the columns that fit width and their widths; it runs on resize and
// when mine is toggled, not on every frame. The name takes what is left and gives way
// last: it is how the right person is picked. Where the formulation stands and when the
// person was last seen are what a caseload review asks first, so they stay longest.
// Showing only mine, the clinician column would repeat the reader's own name on every
// row, so it is left out and its room goes to the rest.
func layout(width int, mine bool) []list.Column {
	fixed := []list.Column{
		{ID: colClinician, Heading: "Clinician", Width: 18, Keep: 5},
		{ID: colFormulation, Heading: "Formulation", Width: 21, Keep: 6},
		{ID: colContact, Heading: "Last contact", Width: 12, Keep: 4},
		{ID: colDrafts, Heading: "Drafts", Width: 6, Keep: 2},
		{ID: colRelease, Heading: "Release", Width: 11, Keep: 3},
	}
	if mine {
		fixed = fixed[1:]
	}
	return list.Layout(width, list.Spec{
		Name:     list.Column{ID: colName, Heading: "Person"},
		NameWant: 22,
		Fixed:    fixed,
	})
}

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

// columns is the list's columns at their least widths; each grows to its longest value
// when there is room (docs/RULES.md, "Columns"). The name takes what is left up to its
// longest and gives way last: it is how the right person is picked. Where the
// formulation stands and when the person was last seen are what a caseload review asks
// first, so they stay longest. Showing only one clinician's cases, the clinician column
// would repeat the same name on every row, so it is left out and its room goes to the rest.
func columns(mine bool) list.Spec {
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
	return list.Spec{Name: list.Column{ID: colName, Heading: "Person"}, NameWant: 22, Fixed: fixed}
}

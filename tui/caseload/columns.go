package caseload

// column is one column of the list: its heading, its width once laid out, and how
// willingly it gives way when the terminal is narrow (lower drops first).
type column struct {
	id      string
	heading string
	width   int
	keep    int // priority: the higher, the longer it stays
}

const (
	colName        = "name"
	colClinician   = "clinician"
	colFormulation = "formulation"
	colContact     = "contact"
	colDrafts      = "drafts"
	colRelease     = "release"

	marker   = 2 // "› " before the selected row, so selection is not colour alone
	gap      = 1
	nameWant = 22
)

// layout chooses the columns that fit width and their widths; it runs on resize and
// when mine is toggled, not on every frame. The name takes what is left and gives way
// last: it is how the right person is picked. Where the formulation stands and when the
// person was last seen are what a caseload review asks first, so they stay longest.
// Showing only mine, the clinician column would repeat the reader's own name on every
// row, so it is left out and its room goes to the rest.
func layout(width int, mine bool) []column {
	fixed := []column{
		{id: colFormulation, heading: "Formulation", width: 21, keep: 6},
		{id: colClinician, heading: "Clinician", width: 18, keep: 5},
		{id: colContact, heading: "Last contact", width: 12, keep: 4},
		{id: colRelease, heading: "Release", width: 11, keep: 3},
		{id: colDrafts, heading: "Drafts", width: 6, keep: 2},
	}
	if mine {
		fixed = append(fixed[:1], fixed[2:]...)
	}
	for len(fixed) > 0 {
		used := marker + nameWant
		for _, c := range fixed {
			used += gap + c.width
		}
		if used <= width {
			break
		}
		drop := 0
		for i, c := range fixed {
			if c.keep < fixed[drop].keep {
				drop = i
			}
		}
		fixed = append(fixed[:drop], fixed[drop+1:]...)
	}
	name := width - marker
	for _, c := range fixed {
		name -= gap + c.width
	}
	cols := []column{{id: colName, heading: "Person", width: max(name, 1)}}
	// Shown in reading order, whatever order they were dropped in.
	for _, id := range []string{colClinician, colFormulation, colContact, colDrafts, colRelease} {
		for _, c := range fixed {
			if c.id == id {
				cols = append(cols, c)
			}
		}
	}
	return cols
}

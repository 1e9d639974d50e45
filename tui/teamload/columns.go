package teamload

import "caseload/tui/component/list"

const (
	colName      = "name"
	colOpen      = "open"
	colPhase     = "phase" // + the phase's index in domain.LoadPhases
	colDrafts    = "drafts"
	colReports   = "reports"
	colStanding  = "standing"
	nameWant     = 16
	standingCell = 19 // "⚠ over the cap by 12", "⚠ left: hand over"
)

// phaseHeadings are the phases' headings, short enough for a column of numbers; the
// foot names each in full for the row under the cursor.
var phaseHeadings = [5]string{"Before", "Pre-rel", "Post-rel", "Disch due", "Unknown"}

// phaseKeep is how long each phase's column stays as the screen narrows: discharge due
// and pre-release are what a lead plans by first; release unknown, last.
var phaseKeep = [5]int{5, 7, 6, 8, 2}

// columns is the screen's columns: the open count against the cap stays however narrow;
// its standing next; then discharge due, pre-release, post-release, before the window,
// reports, drafts, release unknown (the foot says them all for the row under the
// cursor). Each grows to its longest value when there is room.
func columns() list.Spec {
	fixed := []list.Column{{ID: colOpen, Heading: "Open", Width: 7, Keep: 10}}
	for i, h := range phaseHeadings {
		fixed = append(fixed, list.Column{ID: colPhase + string(rune('0'+i)), Heading: h, Width: max(len(h), 3), Keep: phaseKeep[i]})
	}
	fixed = append(fixed,
		list.Column{ID: colDrafts, Heading: "Drafts", Width: 6, Keep: 3},
		list.Column{ID: colReports, Heading: "Reports", Width: 7, Keep: 4},
		list.Column{ID: colStanding, Heading: "", Width: standingCell, Keep: 9})
	return list.Spec{Name: list.Column{ID: colName, Heading: "Clinician"}, NameWant: nameWant,
		Fixed: fixed, MinKept: 1}
}

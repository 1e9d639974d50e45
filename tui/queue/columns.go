package queue

// column is one column of the queue: its heading, its width once laid out, and how
// willingly it gives way when the terminal is narrow (lower drops first).
type column struct {
	id      string
	heading string
	width   int
	keep    int // priority: the higher, the longer it stays
}

const (
	colName     = "name"
	colNHS      = "nhs"
	colSource   = "source"
	colReceived = "received"
	colClock    = "clock"
	colStatus   = "status"
	colVerdict  = "verdict"

	marker   = 2 // "› " before the selected row, so selection is not colour alone
	gap      = 1
	nameMin  = 12
	nameWant = 22
)

// layout chooses the columns that fit width and their widths. The name takes what is
// left; the least needed columns go first when the terminal is narrow. It runs on
// resize, not on every frame.
func layout(width int) []column {
	fixed := []column{
		{id: colClock, heading: "Screening clock", width: 22, keep: 6},
		{id: colStatus, heading: "Status", width: 15, keep: 5},
		{id: colVerdict, heading: "Eligibility", width: 14, keep: 4},
		{id: colSource, heading: "Source", width: 9, keep: 3},
		{id: colReceived, heading: "Received", width: 12, keep: 2},
		{id: colNHS, heading: "NHS number", width: 12, keep: 1},
	}
	for {
		used := marker + nameMin
		for _, c := range fixed {
			used += gap + c.width
		}
		// Every column but the clock must leave the name a good width: the name is how
		// the right person is picked, so it gives way last.
		if used-nameMin+nameWant <= width || len(fixed) == 1 && used <= width {
			break
		}
		if len(fixed) == 1 {
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
	for _, id := range []string{colNHS, colSource, colReceived, colClock, colStatus, colVerdict} {
		for _, c := range fixed {
			if c.id == id {
				cols = append(cols, c)
			}
		}
	}
	return cols
}

package queue

import "caseload/tui/component/list"

const (
	colName     = "name"
	colNHS      = "nhs"
	colSource   = "source"
	colReceived = "received"
	colClock    = "clock"
	colStatus   = "status"
	colVerdict  = "verdict"
)

// The clock's widths: wide fits every clock in its long words ("due in 30h 00m (bank
// hol)", "decided in 48h 30m (late)"); narrow is what is left at 80 columns beside the
// name, the status and the eligibility, and fits every clock in its short words.
const (
	clockWide   = 25
	clockNarrow = 24
)

// columns is the queue's columns in reading order. The clock is needed most: it stays
// however narrow the terminal, and every other column must leave the name a good width,
// since the name is how the right person is picked.
var columns = list.Spec{
	Name:     list.Column{ID: colName, Heading: "Person"},
	NameWant: 22,
	Fixed: []list.Column{
		{ID: colNHS, Heading: "NHS number", Width: 12, Keep: 1},
		{ID: colSource, Heading: "Source", Width: 9, Keep: 3},
		{ID: colReceived, Heading: "Received", Width: 12, Keep: 2},
		{ID: colClock, Heading: "Screening clock", Width: clockWide, Keep: 6},
		{ID: colStatus, Heading: "Status", Width: 15, Keep: 5},
		{ID: colVerdict, Heading: "Eligibility", Width: 14, Keep: 4},
	},
	MinKept: 1,
}

// layout chooses the columns that fit width and their widths, from s: the columns with
// what the rows were measured to want. It runs on resize and when rows arrive, not on
// every frame. Where the wide clock would cost a column (eligibility, at 80), the clock
// takes its narrow width and short words instead.
func layout(width int, s list.Spec) []list.Column {
	cols := list.Layout(width, s)
	narrow := s
	narrow.Fixed = append([]list.Column(nil), s.Fixed...)
	for i := range narrow.Fixed {
		if narrow.Fixed[i].ID == colClock {
			narrow.Fixed[i].Width, narrow.Fixed[i].Want = clockNarrow, clockNarrow
		}
	}
	if n := list.Layout(width, narrow); len(n) > len(cols) {
		return n
	}
	return cols
}

// narrowClock says whether the clock column is too narrow for its long words.
func narrowClock(cols []list.Column) bool {
	for _, c := range cols {
		if c.ID == colClock {
			return c.Width < clockWide
		}
	}
	return false
}

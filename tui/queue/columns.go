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
		{ID: colClock, Heading: "Screening clock", Width: 25, Keep: 6},
		{ID: colStatus, Heading: "Status", Width: 15, Keep: 5},
		{ID: colVerdict, Heading: "Eligibility", Width: 14, Keep: 4},
	},
	MinKept: 1,
}

// layout chooses the columns that fit width and their widths. It runs on resize, not on
// every frame.
func layout(width int) []list.Column { return list.Layout(width, columns) }

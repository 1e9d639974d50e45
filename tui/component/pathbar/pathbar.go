// Package pathbar draws a case's 18-month pathway as one line of plain runes: the six
// months of engagement in custody, the release, the twelve months of support after it,
// and where today falls. Meaning is in the runes alone, so it reads the same without
// colour; a screen may colour the whole bar, never one part of its meaning.
package pathbar

import (
	"strings"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/tui/common"
)

// The runes of the bar. Passed and to come differ in shape, not only weight, so the
// bar still reads on a terminal whose font draws light and heavy lines alike.
const (
	Passed   = '━' // pathway time already gone
	ToCome   = '·' // pathway time still to come
	Release  = '┃' // the day of release: custody to its left, the community to its right
	Today    = '●' // today, on the pathway
	NotYet   = '◂' // today is before engagement starts, left of the bar
	PastEnd  = '▸' // today is after the discharge was due, right of the bar
	Recalled = 'R' // today, back in custody after a recall
)

// unknownWords stand where the bar would be when no release date is known.
const unknownWords = "release date unknown"

// unconfirmedWords stand where the bar would be when the release date has passed with no
// release recorded: a bar would count months that may not have started.
const unconfirmedWords = "release not confirmed"

// Bar is p on today drawn in exactly width cells. With no release date known there is
// no bar at all, only the words: a bar drawn from a guess would look like a plan. The
// positions are proportional to the days from engagement to the discharge, so a
// deferred release (a custody part longer than six months) shows as longer.
func Bar(p domain.Pathway, today ident.Date, width int) string {
	if width <= 0 {
		return ""
	}
	end := p.DischargeDue
	if p.Phase == domain.PhaseRecalled && end.IsZero() && !p.ReleaseDate.IsZero() {
		// The clock is paused, so nothing is due; the bar still shows where the recall
		// fell on the twelve months as they would have run.
		end = domain.AddMonthsClamped(p.ReleaseDate, domain.PostReleaseMonths)
	}
	if p.ReleaseDate.IsZero() || p.EngagementFrom.IsZero() || end.IsZero() {
		words := unknownWords
		switch p.Phase {
		case domain.PhaseRecalled:
			words = "recalled"
		case domain.PhaseReleaseUnconfirmed:
			words = unconfirmedWords
		}
		return common.Fit(words, width)
	}
	total := max(p.EngagementFrom.DaysUntil(end), 1)
	at := func(d ident.Date) int {
		return cellOf(p.EngagementFrom.DaysUntil(d), total, width)
	}
	now, mark := at(today), Today
	switch {
	case p.Phase == domain.PhaseRecalled:
		mark = Recalled
	case p.Phase == domain.PhaseBeforeWindow || today.Before(p.EngagementFrom):
		now, mark = 0, NotYet
	case p.Phase == domain.PhaseDischargeOverdue || today.After(end):
		now, mark = width-1, PastEnd
	}
	rel := at(p.ReleaseDate)
	// Today never hides the release mark when they round to the same cell: before the
	// release today stands to its left, after it to its right, so a bar two weeks
	// before release never looks like one two weeks after. Only on the day itself, or
	// with no room either side, is the release mark given up to today.
	if now == rel && today != p.ReleaseDate && width > 1 {
		switch {
		case today.Before(p.ReleaseDate) && rel > 0:
			now = rel - 1
		case today.After(p.ReleaseDate) && rel < width-1:
			now = rel + 1
		}
	}
	cells := make([]rune, width)
	for i := range cells {
		cells[i] = ToCome
		if i < now || mark == PastEnd {
			cells[i] = Passed
		}
	}
	cells[rel] = Release
	cells[now] = mark
	return string(cells)
}

// cellOf is the cell a day days after engagement falls in, of width cells over total
// days, rounded so six months of eighteen in eighteen cells is the seventh cell.
func cellOf(days, total, width int) int {
	c := (2*days*width + total) / (2 * total)
	return min(max(c, 0), width-1)
}

// Legend says what the runes mean, for the foot of a screen or its help.
func Legend() string {
	return strings.Join([]string{
		string(Passed) + " passed",
		string(ToCome) + " to come",
		string(Release) + " release",
		string(Today) + " today",
		string(NotYet) + " before engagement",
		string(PastEnd) + " past discharge",
		string(Recalled) + " recalled",
	}, "  ")
}

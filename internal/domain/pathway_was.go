package domain

import "caseload/internal/ident"

// WasShownDays is how long a changed release date is shown beside the new one
// (docs/RULES.md, "Release dates and the countdown": "was {old}" for 14 days).
const WasShownDays = 14

// approvedWords is the note docs/RULES.md, "Release dates and the countdown" adds to an anchor the Parole Board or the
// governor has approved: "(parole approved)" for an APD, "(HDC approved)" for an HDCAD.
func approvedWords(d ReleaseDate) string {
	switch d.Kind {
	case ReleaseAPD:
		return " (parole approved)"
	case ReleaseHDCAD:
		return " (HDC approved)"
	}
	return ""
}

// wasWords is " (was Monday 7 December 2026)" while the latest change that moved the
// release (as ReleaseOn picks it) is less than WasShownDays old on today and moved it
// from a known date, so that a team member who remembers the old date sees at once that
// it moved. A change to a date that is not the release (an LED, an HDCED beside a CRD)
// moves nothing and says nothing. It is "" once the person is out: the actual date is
// what counts then.
func wasWords(r CaseRelease, moves []move, today ident.Date) string {
	if !r.Actual.IsZero() {
		return ""
	}
	for _, m := range moves {
		if m.on.After(today) || m.on.DaysUntil(today) >= WasShownDays {
			break
		}
		if !m.from.IsZero() && m.from != m.to {
			return " (was " + m.from.Long() + ")"
		}
	}
	return ""
}

// move is what one change in History did to the release, as ReleaseOn picks it just
// before and just after the change, a PED counted even once passed: a parole refused
// after the PED moves the earliest release from the PED that was to the next one.
type move struct {
	on       ident.Date // the London day the change was made
	from, to ident.Date
}

// moves replays History backwards from the dates held now: the newest change first.
// Changes with no time (never stored so) are skipped.
func (r CaseRelease) moves() []move {
	out := make([]move, 0, len(r.History))
	after := r.Dates
	for i := len(r.History) - 1; i >= 0; i-- {
		ch := r.History[i]
		before := after.Set(ReleaseDate{Kind: ch.To.Kind}).Set(ch.From)
		if !ch.At.IsZero() {
			on := ident.DateOf(ch.At.In(london()))
			out = append(out, move{on: on,
				from: ReleaseOn(ident.Date{}, before, ident.Date{}).Date, to: ReleaseOn(ident.Date{}, after, ident.Date{}).Date})
		}
		after = before
	}
	return out
}

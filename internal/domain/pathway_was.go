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

// wasWords is " (was Monday 7 December 2026)" while the latest change of the expected
// release date is less than WasShownDays old on today and moved it from a known date,
// so that a team member who remembers the old date sees at once that it moved. It is ""
// once the person is out: the actual date is what counts then.
func wasWords(r CaseRelease, today ident.Date) string {
	if len(r.History) == 0 || !r.Actual.IsZero() {
		return ""
	}
	last := r.History[len(r.History)-1]
	if last.From.Date.IsZero() || last.From.Date == last.To.Date || last.At.IsZero() {
		return ""
	}
	changed := ident.DateOf(last.At.In(london()))
	if changed.After(today) || changed.DaysUntil(today) >= WasShownDays {
		return ""
	}
	return " (was " + last.From.Date.Long() + ")"
}

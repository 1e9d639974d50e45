package caseload

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// dateLayout is how the list shows a day: fixed width, so the columns stay straight.
const dateLayout = "02 Jan 2006"

// row is one open case as the list shows it, with every cell worked out when the data
// arrives, never while drawing.
type row struct {
	caseID      int64
	clinicianID int64
	name        string
	clinician   string
	formulation string
	signed      bool // the formulation's latest version is signed
	contact     string
	drafts      int
	release     string
	// sortKey is the folded name, so Łukasz sorts with the Ls and O'Neill with the Os.
	sortKey string
	// haystack is what the filter searches: the name, the identifiers and the
	// clinician, folded as domain.FoldForSearch folds what is typed.
	haystack string
}

// buildRows prepares and sorts the rows as they stand on today. It runs inside the load
// command, off the UI goroutine.
func buildRows(cases []domain.CaseSummary, loc *time.Location, today ident.Date) []row {
	rows := make([]row, len(cases))
	for i, s := range cases {
		p := s.Referral.Person
		f, signed := formulationText(s, loc)
		rows[i] = row{
			caseID:      s.Case.ID,
			clinicianID: s.Case.AllocatedClinicianID,
			name:        p.Name(),
			clinician:   cmp.Or(s.Clinician.Name, "unallocated"),
			formulation: f,
			signed:      signed,
			contact:     dayOr(s.LastContact, loc, "none"),
			drafts:      s.Drafts,
			release:     "not known",
			sortKey:     domain.FoldForSearch(p.Name()),
			haystack: domain.FoldForSearch(strings.Join([]string{p.Name(), p.NHSNumber.String(),
				string(p.NHSNumber), string(p.PrisonNumber), string(p.PNCID), string(p.CRN),
				s.Clinician.Name}, "\x00")),
		}
		// The case's own release facts (changes since the referral included): the
		// actual release once recorded, else the date that is the release today
		// (docs/RULES.md, "Which date is the release").
		if d := domain.ReleaseOn(s.Release.Actual, s.Release.Dates, today).Date; !d.IsZero() {
			// A release date is a calendar day, not an instant: no zone to convert.
			rows[i].release = d.In(time.UTC).Format(dateLayout)
		}
	}
	slices.SortFunc(rows, func(a, b row) int {
		return cmp.Or(strings.Compare(a.sortKey, b.sortKey), cmp.Compare(a.caseID, b.caseID))
	})
	return rows
}

// formulationText says where the formulation stands: "v2 signed 12 Nov 2026", "v3 draft"
// or "none yet", and whether the latest version is signed.
func formulationText(s domain.CaseSummary, loc *time.Location) (string, bool) {
	switch {
	case s.FormulationVersion == 0:
		return "none yet", false
	case latestSigned(s):
		return fmt.Sprintf("v%d signed %s", s.FormulationVersion, s.FormulationSignedAt.In(loc).Format(dateLayout)), true
	}
	return fmt.Sprintf("v%d draft", s.FormulationVersion), false
}

// latestSigned reports whether the latest formulation version is signed: the store
// leaves FormulationSignedAt zero while the latest version is a draft.
func latestSigned(s domain.CaseSummary) bool { return !s.FormulationSignedAt.IsZero() }

func dayOr(t time.Time, loc *time.Location, none string) string {
	if t.IsZero() {
		return none
	}
	return t.In(loc).Format(dateLayout)
}

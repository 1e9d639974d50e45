// Package casecsv reads the cases import file: the cases the team already holds when it
// starts using caseload, one a row, under a header naming Columns in any order. Each row
// is checked with the referral field rules for the columns the two imports share and with
// domain.ImportedCase.Check for the rest, and every problem is reported at once, naming
// its line and column, so that a file can be fixed in one pass and is either imported
// whole or not at all.
package casecsv

import (
	"fmt"
	"io"

	"caseload/internal/csvfile"
	"caseload/internal/domain"
	"caseload/internal/ident"
)

// Row is one case read from the file, with the line its record starts on so that a
// later problem (a conflict found by the store) can still point at the file.
type Row struct {
	Line int
	Case domain.ImportedCase
}

// LineError is one problem in the file: "line N: column: what is wrong". It is the
// shared csvfile type, so both imports print their problems the same way.
type LineError = csvfile.LineError

// Columns lists the columns of the cases import file, in the order the help gives them.
// A file may hold them in any order, but must hold every one.
var Columns = []string{
	"given_name", "family_name", "date_of_birth", "nhs_number", "prison_number", "crn",
	"allocated_clinician", "accepted_on", "expected_release_date", "release_date_type",
	"actual_release_date", "recalled_on", "mappa_category", "mappa_level", "resettlement_area",
}

// referralColumns are the columns the case file shares with the referrals import: they
// are read by the referral field rules themselves (domain.ReferralFields), so a value the
// one import accepts the other accepts too, with the same words when it does not.
var referralColumns = []string{
	"given_name", "family_name", "date_of_birth", "nhs_number", "prison_number", "crn",
	"expected_release_date", "release_date_type", "resettlement_area",
}

// Read reads every row of r. Clinicians are named in the file and resolved against
// clinicians (only active ones can hold a case). It returns the cases of the rows that
// are right and a LineError for every problem, in line order; a caller that imports all
// or nothing writes only when there are none. A header problem stops the reading, since
// no row can be read without knowing its columns.
func Read(r io.Reader, env domain.ParseEnv, clinicians []domain.Clinician) ([]Row, []LineError) {
	p := newParser(env, clinicians)
	seen := map[ident.NHSNumber]int{} // NHS number -> the line it was first on
	var rows []Row
	errs := csvfile.Read(r, Columns, func(line int, rec, cols []string) []LineError {
		c, rowErrs := p.row(line, rec, cols)
		// One open case a person: a second row for the same NHS number is a mistake in
		// the file (the store would refuse it too, but could not say which lines).
		if nhs := c.Person.NHSNumber; nhs != "" {
			if first, ok := seen[nhs]; ok {
				rowErrs = append(rowErrs, LineError{Line: line, Column: "nhs_number",
					Msg: fmt.Sprintf("%s is also on line %d: a person has one open case, so give each person one row", nhs, first)})
				sortByColumn(rowErrs)
			} else {
				seen[nhs] = line
			}
		}
		if len(rowErrs) == 0 {
			rows = append(rows, Row{Line: line, Case: c})
		}
		return rowErrs
	})
	return rows, errs
}

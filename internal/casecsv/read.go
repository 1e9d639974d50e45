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
	"slices"

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

// Columns lists the columns every cases import file holds, in the order the help gives
// them. A file may hold them in any order, but must hold every one.
var Columns = []string{
	"given_name", "family_name", "date_of_birth", "nhs_number", "prison_number", "crn",
	"allocated_clinician", "accepted_on",
	"actual_release_date", "recalled_on", "mappa_category", "mappa_level", "resettlement_area",
}

// OptionalColumns are the sentence dates (docs/RULES.md, "Sentence dates"): a file may
// hold any of them. The first two are the older pair, one date and its kind, which keep
// working; then one column a kind of date (crd, ped, led, ...), and confirmed_dates, the
// kinds whose dates the prison has confirmed ("CRD HDCAD").
var OptionalColumns = append([]string{"expected_release_date", "release_date_type"}, append(KindColumns(), "confirmed_dates")...)

// columnOrder is every column in the order problems are reported: the required ones
// with the sentence dates after accepted_on, where the older pair always stood.
var columnOrder = func() []string {
	at := slices.Index(Columns, "accepted_on") + 1
	return slices.Concat(Columns[:at], OptionalColumns, Columns[at:])
}()

// KindColumns are the columns of the kinds of date that have one of their own, in the
// order of the kinds: the cases import reads them and `cases list --format csv` writes
// them.
func KindColumns() []string {
	var cols []string
	for _, k := range domain.SentenceDateKinds {
		if c := domain.SentenceDateColumn(k); c != "expected_release_date" {
			cols = append(cols, c)
		}
	}
	return cols
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
	}, OptionalColumns...)
	return rows, errs
}

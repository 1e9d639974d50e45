// Package referralcsv reads the referrals import file: a CSV whose header names the
// columns of domain.ReferralFields, one referral a row. It checks every row with the same
// rules as the new-referral form (domain.ReferralInput.Parse) and reports every problem
// at once, each naming the line and column, so that a file can be fixed in one pass and
// is either imported whole or not at all.
package referralcsv

import (
	"io"

	"caseload/internal/csvfile"
	"caseload/internal/domain"
)

// Row is one referral read from the file, with the line its record starts on so that a
// later problem (a duplicate found by the store) can still point at the file.
type Row struct {
	Line     int
	Referral domain.Referral
}

// LineError is one problem in the file: "line N: column: what is wrong". It is the
// shared csvfile type, so both imports print their problems the same way.
type LineError = csvfile.LineError

// Read reads every row of r. It returns the referrals of the rows that are right and a
// LineError for every problem; a caller that imports all or nothing writes only when
// there are no errors. A header problem stops the reading, since no row can be read
// without knowing its columns.
func Read(r io.Reader, env domain.ParseEnv) ([]Row, []LineError) {
	var rows []Row
	errs := csvfile.Read(r, columnNames(), func(line int, rec, cols []string) []LineError {
		ref, errs := parseRow(line, rec, cols, env)
		if len(errs) == 0 {
			rows = append(rows, Row{Line: line, Referral: ref})
		}
		return errs
	})
	return rows, errs
}

// columnNames lists the columns of the file: every referral field, in the form's order.
func columnNames() []string {
	names := make([]string, len(domain.ReferralFields))
	for i, f := range domain.ReferralFields {
		names[i] = f.Name
	}
	return names
}

// parseRow fills a ReferralInput from the record and parses it. Text that is not UTF-8
// (a file saved as Windows-1252), or that shows a letter lost on the way (a `?` in a
// name, U+FFFD anywhere), is refused before parsing, naming the column, because the
// field rules would otherwise report it in confusing ways or accept it.
func parseRow(line int, rec []string, cols []string, env domain.ParseEnv) (domain.Referral, []LineError) {
	var in domain.ReferralInput
	var errs []LineError
	for i, name := range cols {
		if msg := csvfile.FieldProblem(name, rec[i]); msg != "" {
			errs = append(errs, LineError{Line: line, Column: name, Msg: msg})
			continue
		}
		f, _ := domain.FieldByName(name) // csvfile passes only names from columnNames
		*f.Value(&in) = rec[i]
	}
	if len(errs) > 0 {
		return domain.Referral{}, errs
	}
	ref, fieldErrs := in.Parse(env)
	for _, fe := range fieldErrs {
		errs = append(errs, LineError{Line: line, Column: fe.Field, Msg: fe.Err.Error()})
	}
	return ref, errs
}

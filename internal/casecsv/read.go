// Package casecsv reads the cases import file: the cases the team already holds when it
// starts using caseload, one a row, under a header naming Columns in any order. Each row
// is checked with the referral field rules for the columns the two imports share and with
// domain.ImportedCase.Check for the rest, and every problem is reported at once, naming
// its line and column, so that a file can be fixed in one pass and is either imported
// whole or not at all.
package casecsv

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/internal/referralcsv"
)

// Row is one case read from the file, with the line its record starts on so that a
// later problem (a conflict found by the store) can still point at the file.
type Row struct {
	Line int
	Case domain.ImportedCase
}

// LineError is one problem in the file: "line N: column: what is wrong". It is the
// referrals import's type, so both imports print their problems the same way.
type LineError = referralcsv.LineError

// bom is the UTF-8 byte order mark that Excel writes at the start of "CSV UTF-8" files.
var bom = []byte("\uFEFF")

// Read reads every row of r. Clinicians are named in the file and resolved against
// clinicians (only active ones can hold a case). It returns the cases of the rows that
// are right and a LineError for every problem, in line order; a caller that imports all
// or nothing writes only when there are none. A header problem stops the reading, since
// no row can be read without knowing its columns.
func Read(r io.Reader, env domain.ParseEnv, clinicians []domain.Clinician) ([]Row, []LineError) {
	br := bufio.NewReader(r)
	if b, err := br.Peek(len(bom)); err == nil && bytes.Equal(b, bom) {
		_, _ = br.Discard(len(bom))
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1 // counted here, to say how many fields a line has and needs
	cr.ReuseRecord = true

	header, err := cr.Read()
	if err != nil {
		return nil, []LineError{headerReadError(err)}
	}
	line, _ := cr.FieldPos(0)
	cols, errs := columns(header, line)
	if len(errs) > 0 {
		return nil, errs
	}

	p := newParser(env, clinicians)
	seen := map[ident.NHSNumber]int{} // NHS number -> the line it was first on
	var rows []Row
	lastLine := line
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return rows, errs
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			errs = append(errs, LineError{Line: pe.StartLine, Msg: quoteProblem(pe.Err)})
			lastLine = pe.StartLine
			continue // the reader has moved past the broken record
		}
		if err != nil {
			return rows, append(errs, LineError{Line: lastLine + 1, Msg: "cannot read the file: " + err.Error()})
		}
		line, _ := cr.FieldPos(0)
		lastLine = line
		if blank(rec) {
			continue
		}
		if len(rec) != len(cols) {
			errs = append(errs, LineError{Line: line, Msg: fmt.Sprintf("wrong number of fields: %d, want %d", len(rec), len(cols))})
			continue
		}
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
		if len(rowErrs) > 0 {
			errs = append(errs, rowErrs...)
			continue
		}
		rows = append(rows, Row{Line: line, Case: c})
	}
}

// blank reports whether every field is empty or spaces: spreadsheets save rows that were
// once used as ",,,,", and those are as empty as a blank line.
func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

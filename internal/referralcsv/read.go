// Package referralcsv reads the referrals import file: a CSV whose header names the
// columns of domain.ReferralFields, one referral a row. It checks every row with the same
// rules as the new-referral form (domain.ReferralInput.Parse) and reports every problem
// at once, each naming the line and column, so that a file can be fixed in one pass and
// is either imported whole or not at all.
package referralcsv

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"caseload/internal/domain"
)

// Row is one referral read from the file, with the line its record starts on so that a
// later problem (a duplicate found by the store) can still point at the file.
type Row struct {
	Line     int
	Referral domain.Referral
}

// LineError is one problem in the file. Column is the column's name, or "" when the
// problem is with the whole line.
type LineError struct {
	Line   int
	Column string
	Msg    string
}

func (e LineError) Error() string {
	if e.Column == "" {
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return fmt.Sprintf("line %d: %s: %s", e.Line, e.Column, e.Msg)
}

// bom is the UTF-8 byte order mark that Excel writes at the start of "CSV UTF-8" files.
var bom = []byte("\uFEFF")

// Read reads every row of r. It returns the referrals of the rows that are right and a
// LineError for every problem; a caller that imports all or nothing writes only when
// there are no errors. A header problem stops the reading, since no row can be read
// without knowing its columns.
func Read(r io.Reader, env domain.ParseEnv) ([]Row, []LineError) {
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
		ref, rowErrs := parseRow(line, rec, cols, env)
		if len(rowErrs) > 0 {
			errs = append(errs, rowErrs...)
			continue
		}
		rows = append(rows, Row{Line: line, Referral: ref})
	}
}

// parseRow fills a ReferralInput from the record and parses it. Text that is not UTF-8
// (a file saved as Windows-1252) is refused before parsing, naming the column, because
// the field rules would otherwise report it in confusing ways.
func parseRow(line int, rec []string, cols []domain.ReferralField, env domain.ParseEnv) (domain.Referral, []LineError) {
	var in domain.ReferralInput
	var errs []LineError
	for i, f := range cols {
		if !utf8.ValidString(rec[i]) {
			errs = append(errs, LineError{Line: line, Column: f.Name, Msg: notUTF8})
			continue
		}
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

const notUTF8 = "is not valid UTF-8 text: save the file as CSV UTF-8"

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

// quoteProblem says in plain words what the csv package found wrong with quotation marks.
func quoteProblem(err error) string {
	switch {
	case errors.Is(err, csv.ErrBareQuote):
		return `a quotation mark (") inside a field that does not start with one: put the whole field in quotation marks and double the one inside ("")`
	case errors.Is(err, csv.ErrQuote):
		return `a field in quotation marks is not closed, or has text after its closing quotation mark`
	}
	return err.Error()
}

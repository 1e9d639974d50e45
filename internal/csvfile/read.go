// Package csvfile is the reading both import files share (referrals and cases): the
// byte order mark, the header matched to a fixed set of columns, the record loop, and
// problems worded for the person fixing the file, each naming its line. It knows nothing
// of what a row means; each import parses its own rows, so the two files report the
// same mistakes in the same words.
package csvfile

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

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

// RowFunc parses one record. line is the line the record starts on; rec[i] is the value
// of column cols[i], a name from the known list, lower case, in the file's order. It
// returns the row's problems, or none when the row is right (and keeps the row itself).
type RowFunc func(line int, rec []string, cols []string) []LineError

// bom is the UTF-8 byte order mark that Excel writes at the start of "CSV UTF-8" files.
var bom = []byte("\uFEFF")

// Read reads r as a CSV whose header names every column of known, in any order, and
// calls row for every record that is not blank and has one field a column. It returns a
// LineError for every problem, in line order, and nil when there are none. A header
// problem stops the reading, since no row can be read without knowing its columns.
//
// A file that is not UTF-8 text is refused with one sentence saying so, at the line of
// its first such byte, besides the problem of each field it spoils: the fields alone
// would not tell the person fixing it that the whole file needs saving again.
//
// A column of optional may be in the header or not; row sees only the columns the file
// holds.
func Read(r io.Reader, known []string, row RowFunc, optional ...string) []LineError {
	data, err := io.ReadAll(r) // import files are a team's caseload: small
	if err != nil {
		return []LineError{{Line: 1, Msg: "cannot read the file: " + err.Error()}}
	}
	data = bytes.TrimPrefix(data, bom)
	errs := readRecords(data, known, optional, row)
	if enc, bad := encodingProblem(data); bad {
		at, _ := slices.BinarySearchFunc(errs, enc.Line, func(e LineError, line int) int { return e.Line - line })
		errs = slices.Insert(errs, at, enc)
	}
	return errs
}

// readRecords is Read on a file already in memory, without its byte order mark.
func readRecords(data []byte, known, optional []string, row RowFunc) []LineError {
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1 // counted here, to say how many fields a line has and needs
	cr.ReuseRecord = true

	header, err := cr.Read()
	if err != nil {
		return []LineError{headerReadError(err, known)}
	}
	line, _ := cr.FieldPos(0)
	cols, errs := columns(header, line, known, optional)
	if len(errs) > 0 {
		return errs
	}

	lastLine := line
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return errs
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			errs = append(errs, LineError{Line: pe.StartLine, Msg: quoteProblem(pe.Err)})
			lastLine = pe.StartLine
			continue // the reader has moved past the broken record
		}
		if err != nil {
			return append(errs, LineError{Line: lastLine + 1, Msg: "cannot read the file: " + err.Error()})
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
		errs = append(errs, row(line, rec, cols)...)
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

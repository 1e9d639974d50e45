package csvfile

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// columns maps each header cell to its column of known or optional, in file order. Names
// are matched ignoring case and surrounding spaces, since spreadsheets and people vary in
// both. Every unknown, duplicated and missing column (of known: an optional one may be
// left out) is reported, not just the first. line is the header's line: 1, unless blank
// lines come before it.
func columns(header []string, line int, known, optional []string) ([]string, []LineError) {
	cols := make([]string, len(header))
	at := map[string]int{} // column name -> 1-based position where first seen
	var errs []LineError
	for i, cell := range header {
		name := strings.ToLower(strings.TrimSpace(cell))
		switch {
		case name == "":
			errs = append(errs, LineError{Line: line, Msg: fmt.Sprintf("column %d has no name in the header", i+1)})
		case !slices.Contains(known, name) && !slices.Contains(optional, name):
			errs = append(errs, LineError{Line: line, Msg: fmt.Sprintf("unknown column %q", strings.TrimSpace(cell))})
		case at[name] > 0:
			errs = append(errs, LineError{Line: line, Msg: fmt.Sprintf("column %q appears twice, as columns %d and %d", name, at[name], i+1)})
		default:
			at[name] = i + 1
			cols[i] = name
		}
	}
	for _, c := range known {
		if at[c] == 0 {
			errs = append(errs, LineError{Line: line, Msg: fmt.Sprintf("missing column %q", c)})
		}
	}
	return cols, errs
}

// headerReadError explains why no header could be read.
func headerReadError(err error, known []string) LineError {
	var pe *csv.ParseError
	switch {
	case errors.Is(err, io.EOF):
		return LineError{Line: 1, Msg: "no header: the file is empty; its first line must name the columns: " + strings.Join(known, ",")}
	case errors.As(err, &pe):
		return LineError{Line: pe.StartLine, Msg: "header: " + quoteProblem(pe.Err)}
	}
	return LineError{Line: 1, Msg: "cannot read the file: " + err.Error()}
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

package referralcsv

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"caseload/internal/domain"
)

// columnNames lists the expected header, for messages.
func columnNames() string {
	names := make([]string, len(domain.ReferralFields))
	for i, f := range domain.ReferralFields {
		names[i] = f.Name
	}
	return strings.Join(names, ",")
}

// columns maps each header cell to its field, in file order. Names are matched ignoring
// case and surrounding spaces, since spreadsheets and people vary in both. Every unknown,
// duplicated and missing column is reported, not just the first. line is the header's
// line: 1, unless blank lines come before it.
func columns(header []string, line int) ([]domain.ReferralField, []LineError) {
	cols := make([]domain.ReferralField, len(header))
	at := map[string]int{} // column name -> 1-based position where first seen
	var errs []LineError
	for i, cell := range header {
		name := strings.ToLower(strings.TrimSpace(cell))
		f, ok := domain.FieldByName(name)
		switch {
		case name == "":
			errs = append(errs, LineError{Line: line, Msg: fmt.Sprintf("column %d has no name in the header", i+1)})
		case !ok:
			errs = append(errs, LineError{Line: line, Msg: fmt.Sprintf("unknown column %q", strings.TrimSpace(cell))})
		case at[name] > 0:
			errs = append(errs, LineError{Line: line, Msg: fmt.Sprintf("column %q appears twice, as columns %d and %d", name, at[name], i+1)})
		default:
			at[name] = i + 1
			cols[i] = f
		}
	}
	for _, f := range domain.ReferralFields {
		if at[f.Name] == 0 {
			errs = append(errs, LineError{Line: line, Msg: fmt.Sprintf("missing column %q", f.Name)})
		}
	}
	return cols, errs
}

// headerReadError explains why no header could be read.
func headerReadError(err error) LineError {
	var pe *csv.ParseError
	switch {
	case errors.Is(err, io.EOF):
		return LineError{Line: 1, Msg: "no header: the file is empty; its first line must name the columns: " + columnNames()}
	case errors.As(err, &pe):
		return LineError{Line: pe.StartLine, Msg: "header: " + quoteProblem(pe.Err)}
	}
	return LineError{Line: 1, Msg: "cannot read the file: " + err.Error()}
}

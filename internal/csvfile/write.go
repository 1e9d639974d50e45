package csvfile

import (
	"encoding/csv"
	"io"
	"slices"
)

// SafeCell makes a cell safe to open in a spreadsheet: a cell that begins with =, +, -,
// @, a tab or a carriage return is prefixed with a single quotation mark, so that a
// family name like =HYPERLINK(...) is shown as text and never run as a formula. This is
// the advice of OWASP's "CSV Injection" page; the rule is in docs/RULES.md, "CSV files".
func SafeCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// Writer writes a CSV that the app makes: every cell goes through SafeCell except in the
// columns named as the app's own numbers and dates, where a negative number of days must
// stay a number. Even there a cell is written as is only when it looks like a number or
// a date, so a column wrongly named can never let a formula through.
type Writer struct {
	cw      *csv.Writer
	numeric []bool // by column: the app's own number or date
}

// NewWriter writes header to w and returns a Writer for its rows. numeric names the
// columns that hold the app's own numbers and dates.
func NewWriter(w io.Writer, header []string, numeric ...string) *Writer {
	cw := csv.NewWriter(w)
	kinds := make([]bool, len(header))
	for i, h := range header {
		kinds[i] = slices.Contains(numeric, h)
	}
	_ = cw.Write(header) // an error is kept by the csv.Writer and returned by Flush
	return &Writer{cw: cw, numeric: kinds}
}

// Write writes one row, made safe.
func (w *Writer) Write(rec []string) error {
	out := make([]string, len(rec))
	for i, s := range rec {
		if i < len(w.numeric) && w.numeric[i] && numberOrDate(s) {
			out[i] = s
			continue
		}
		out[i] = SafeCell(s)
	}
	return w.cw.Write(out)
}

// Flush writes what is buffered and returns the first error of any write.
func (w *Writer) Flush() error {
	w.cw.Flush()
	return w.cw.Error()
}

// numberOrDate reports whether s is made only of what the app's numbers and dates are
// made of (digits, and - + : . / T Z), beginning with a digit or a minus and a digit:
// -3, 2026-11-10, 2026-11-10T09:00:00Z.
func numberOrDate(s string) bool {
	t := s
	if len(t) > 0 && t[0] == '-' {
		t = t[1:]
	}
	if t == "" || t[0] < '0' || t[0] > '9' {
		return false
	}
	for i := range len(t) {
		switch c := t[i]; {
		case c >= '0' && c <= '9', c == '-', c == '+', c == ':', c == '.', c == '/', c == 'T', c == 'Z':
		default:
			return false
		}
	}
	return true
}

package casecsv

import (
	"bytes"
	"os"
	"slices"

	"caseload/internal/domain"
	"strings"
	"testing"
	"unicode/utf8"

	"caseload/internal/ident"
)

// FuzzRead checks that no file makes Read panic, and that what it returns is consistent:
// every record becomes either a row or problems, never both, rows in line order, and no
// row breaks a rule the store relies on.
func FuzzRead(f *testing.F) {
	f.Add([]byte(file(false, nil, goodRow(), with("recalled_on", "2026-05-01"))))
	f.Add([]byte("\uFEFF" + file(true, nil, goodRow(), with("mappa_category", "", "mappa_level", "2"))))
	f.Add([]byte(""))
	f.Add([]byte("given_name\n\"a\nb\"\"c\",d\n"))
	f.Add([]byte(file(false, nil) + "\"unterminated\n"))
	f.Add([]byte(file(false, nil, goodRow(), with("family_name", "?Brien"), with("given_name", "Se\uFFFDn"))))
	f.Add([]byte(file(false, nil, goodRow(), with("family_name", "O\xd3Brien"))))
	full := slices.Concat(Columns, OptionalColumns)
	f.Add([]byte(file(false, full, with("ped", "2027-02-01", "crd", "01/06/2027", "confirmed_dates", "crd; PED"),
		with("nhs_number", "", "led", "2028-02-30", "confirmed_dates", "LED soon"))))
	for _, name := range []string{"testdata/cases.csv", "testdata/cases_bad.csv"} {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	today := ident.DateOf(env.Now.In(env.London))
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, errs := Read(bytes.NewReader(data), env, team)
		errLines := map[int]bool{}
		for _, e := range errs {
			if e.Line < 1 || !strings.HasPrefix(e.Error(), "line ") || e.Msg == "" {
				t.Fatalf("malformed error %#v", e)
			}
			errLines[e.Line] = true
		}
		last := 0
		seen := map[ident.NHSNumber]bool{}
		for _, r := range rows {
			c := r.Case
			if r.Line <= last || c.Line != r.Line {
				t.Fatalf("row lines out of order or mislabelled: %d (case %d) after %d", r.Line, c.Line, last)
			}
			last = r.Line
			if errLines[r.Line] {
				t.Fatalf("line %d is both a row and an error", r.Line)
			}
			if len(c.Check(today)) > 0 || c.Person.GivenName == "" || c.AcceptedOn.IsZero() {
				t.Fatalf("row %d let a bad case through: %+v", r.Line, c)
			}
			// One date a kind, each a real day, in the kinds' order, as the store holds them.
			if !slices.Equal(c.Release.Dates, sortedDates(c.Release.Dates)) || slices.ContainsFunc(c.Release.Dates,
				func(d domain.ReleaseDate) bool { return d.Date.IsZero() }) {
				t.Fatalf("row %d holds dates the store would not: %+v", r.Line, c.Release.Dates)
			}
			if p := c.Person; strings.ContainsAny(p.GivenName+p.FamilyName, "?\uFFFD") ||
				!utf8.ValidString(p.GivenName+p.FamilyName) {
				t.Fatalf("row %d kept a lost letter: %+v", r.Line, p)
			}
			if c.ClinicianID != 0 && c.ClinicianID != 1 && c.ClinicianID != 2 {
				t.Fatalf("row %d allocated to clinician %d, who is not active", r.Line, c.ClinicianID)
			}
			if n := c.Person.NHSNumber; n != "" {
				if seen[n] {
					t.Fatalf("NHS number %s on two rows", n)
				}
				seen[n] = true
			}
		}
		if !utf8.Valid(data) && len(errs) == 0 {
			t.Fatalf("a file that is not UTF-8 was read without a problem")
		}
		if len(rows) > 0 && bytes.Count(data, []byte("\n")) < len(rows) {
			t.Fatalf("%d rows from %d lines", len(rows), bytes.Count(data, []byte("\n")))
		}
	})
}

// sortedDates rebuilds ds one date at a time, as a case's dates are held.
func sortedDates(ds domain.SentenceDates) domain.SentenceDates {
	var out domain.SentenceDates
	for _, d := range ds {
		out = out.Set(d)
	}
	return out
}

package csvfile

import (
	"strings"
	"testing"
)

func TestFieldProblem(t *testing.T) {
	lost := "a letter looks lost (`?`): save the file as CSV UTF-8"
	tests := []struct{ column, value, want string }{
		{"family_name", "Ó Briain", ""},
		{"family_name", "? Briain", lost},
		{"given_name", "Zo?", lost},
		{"referrer_name", "Se?n", lost},
		{"current_prison", "HMP ?", lost},
		{"resettlement_area", "Barrow?", lost},
		{"allocated_clinician", "Dr ?", lost},
		{"referral_reason", "Is he ready?", ""}, // free text may ask a question
		{"referrer_org", "Why Not? Trust", ""},  // an organisation's name may too
		{"referral_reason", "caf\uFFFD", "a letter looks lost (`\uFFFD`): save the file as CSV UTF-8"},
		{"nhs_number", "999\uFFFD", "a letter looks lost (`\uFFFD`): save the file as CSV UTF-8"},
		{"family_name", "O\xd3Brien", NotUTF8},
		{"referral_reason", "\xff", NotUTF8},
	}
	for _, tt := range tests {
		if got := FieldProblem(tt.column, tt.value); got != tt.want {
			t.Errorf("FieldProblem(%s, %q) = %q, want %q", tt.column, tt.value, got, tt.want)
		}
	}
}

// A file that is not UTF-8 is refused once, at the line of its first bad byte, among
// the problems of its fields in line order.
func TestReadRefusesAFileNotUTF8(t *testing.T) {
	in := "a,b\nx,y\n\"multi\nline\",ok\nO\xd3Brien,z\nq\xff,r\n"
	errs := Read(strings.NewReader(in), []string{"a", "b"}, func(line int, rec, cols []string) []LineError {
		var errs []LineError
		for i, c := range cols {
			if p := FieldProblem(c, rec[i]); p != "" {
				errs = append(errs, LineError{Line: line, Column: c, Msg: p})
			}
		}
		return errs
	})
	var got []string
	for _, e := range errs {
		got = append(got, e.Error())
	}
	want := []string{"line 5: " + FileNotUTF8, "line 5: a: " + NotUTF8, "line 6: a: " + NotUTF8}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

package referralcsv

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzRead checks that no file makes Read panic, and that what it returns is consistent:
// every record becomes either a row or errors, never both, in line order.
func FuzzRead(f *testing.F) {
	f.Add([]byte(file(false, nil, goodRow(), with("nhs_number", "999 000 0017"))))
	f.Add([]byte("\uFEFF" + file(true, nil, goodRow())))
	f.Add([]byte(""))
	f.Add([]byte("received_at\n\"a\nb\"\"c\",d\n"))
	f.Add([]byte(file(false, nil) + "\"unterminated\n"))
	f.Add([]byte(file(false, nil, goodRow(), with("family_name", "?Brien"), with("given_name", "Se\uFFFDn"))))
	f.Add([]byte(file(false, nil, goodRow(), with("family_name", "O\xd3Brien"))))
	f.Add([]byte("received_at\xff\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, errs := Read(bytes.NewReader(data), env)
		errLines := map[int]bool{}
		for _, e := range errs {
			if e.Line < 1 || !strings.HasPrefix(e.Error(), "line ") || e.Msg == "" {
				t.Fatalf("malformed error %#v", e)
			}
			errLines[e.Line] = true
		}
		last := 0
		for _, r := range rows {
			if r.Line <= last {
				t.Fatalf("row lines out of order: %d after %d", r.Line, last)
			}
			last = r.Line
			if errLines[r.Line] {
				t.Fatalf("line %d is both a row and an error", r.Line)
			}
			if p := r.Referral.Person; strings.ContainsAny(p.GivenName+p.FamilyName, "?\uFFFD") ||
				!utf8.ValidString(p.GivenName+p.FamilyName+r.Referral.Reason) {
				t.Fatalf("row %d kept a lost letter: %+v", r.Line, p)
			}
			if r.Referral.ReceivedAt.After(env.Now) || r.Referral.Person.GivenName == "" {
				t.Fatalf("row %d let a bad referral through: %+v", r.Line, r.Referral)
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

package ident

import "testing"

func TestParseCRN(t *testing.T) {
	valid := map[string]CRN{
		"X123456":   "X123456",
		"Z654321":   "Z654321",
		" x123456 ": "X123456",
		"X 123456":  "X123456", // spaces and hyphens as separators (issue 11, finding 7)
		"X123-456":  "X123456",
	}
	for in, want := range valid {
		got, err := ParseCRN(in)
		if err != nil || got != want {
			t.Errorf("ParseCRN(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"X12345", "12345X", "X1234567", "XX23456", "", "X123--456", "X123456-", "X123.456"} {
		got, err := ParseCRN(in)
		if got != "" {
			t.Errorf("ParseCRN(%q) = %q, want empty on error", in, got)
		}
		checkErr(t, in, err, ErrFormat, "is not in the form X123456: one letter then six digits")
	}
	_, err := ParseCRN("X12345")
	checkErr(t, "X12345", err, ErrFormat, `CRN "X12345" is not`)
}

func FuzzParseCRN(f *testing.F) {
	for _, s := range []string{"X123456", "z654321", "X12345", "12345X", "", "X-123 456", "-X123456"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCRN(s)
		if err != nil {
			return
		}
		d, err := ParseCRN(string(c))
		if err != nil || d != c {
			t.Fatalf("ParseCRN(%q) = %q, but re-parsing gives %q, %v", s, c, d, err)
		}
	})
}

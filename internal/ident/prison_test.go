package ident

import "testing"

func TestParsePrisonNumber(t *testing.T) {
	valid := map[string]PrisonNumber{
		"A1234BC":     "A1234BC",
		"G5555ZZ":     "G5555ZZ",
		" a1234bc \n": "A1234BC",
		"g5555Zz":     "G5555ZZ",
		"A 1234 BC":   "A1234BC", // spaces and hyphens as separators (issue 11, finding 7)
		"A-1234-BC":   "A1234BC",
		"a1234 bc":    "A1234BC",
	}
	for in, want := range valid {
		got, err := ParsePrisonNumber(in)
		if err != nil || got != want {
			t.Errorf("ParsePrisonNumber(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	invalid := []string{
		"AB1234C", "A1234B", "A1234BCD", "1234ABC", "A12345C", "", "a1234bſ", "A1234B\u212a",
		"A1234--BC", "-A1234BC", "A1234BC-", "A1234/BC",
	}
	for _, in := range invalid {
		got, err := ParsePrisonNumber(in)
		if got != "" {
			t.Errorf("ParsePrisonNumber(%q) = %q, want empty on error", in, got)
		}
		checkErr(t, in, err, ErrFormat, "is not in the form A1234BC")
	}
	_, err := ParsePrisonNumber(" AB1234C ")
	checkErr(t, "AB1234C", err, ErrFormat, `prison number "AB1234C" is not in the form A1234BC: one letter, four digits, then two letters`)
}

func FuzzParsePrisonNumber(f *testing.F) {
	for _, s := range []string{"A1234BC", "g5555zz", "AB1234C", "A1234B", "", "A 1234-BC", "A1234--BC"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePrisonNumber(s)
		if err != nil {
			return
		}
		q, err := ParsePrisonNumber(string(p))
		if err != nil || q != p {
			t.Fatalf("ParsePrisonNumber(%q) = %q, but re-parsing gives %q, %v", s, p, q, err)
		}
	})
}

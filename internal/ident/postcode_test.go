package ident

import "testing"

func TestParsePostcode(t *testing.T) {
	valid := map[string]Postcode{
		"LA9 9ZZ":      "LA9 9ZZ",
		"CA28 9ZZ":     "CA28 9ZZ",
		"la99zz":       "LA9 9ZZ",
		"  ca28   9zz": "CA28 9ZZ",
		"L A 9 9 Z Z":  "LA9 9ZZ",
		"pr1\t1aa":     "PR1 1AA",
		"M1 1AE":       "M1 1AE",
		"EC1A 1BB":     "EC1A 1BB",
		"W1A 0AX":      "W1A 0AX",
		"gir0aa":       "GIR 0AA",
	}
	for in, want := range valid {
		got, err := ParsePostcode(in)
		if err != nil || got != want {
			t.Errorf("ParsePostcode(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	invalid := []struct {
		in  string
		msg string
	}{
		{"QA1 1AA", `postcode "QA1 1AA" is not a valid UK postcode`}, // Q never first
		{"VA1 1AA", "not a valid UK postcode"},
		{"XA1 1AA", "not a valid UK postcode"},
		{"AI1 1AA", "not a valid UK postcode"}, // I never second
		{"PR1 1CI", "not a valid UK postcode"}, // C and I never inward
		{"PR1 1AK", "not a valid UK postcode"},
		{"LA1", `postcode "LA1" is too short`},
		{"LA1 1", "too short"},
		{"LA99 9ZZZ", "too long"},
		{"LA9-9ZZ", "not a valid UK postcode"},
		{"", "no postcode given"},
		{" \t ", "no postcode given"},
	}
	for _, tt := range invalid {
		got, err := ParsePostcode(tt.in)
		if got != "" {
			t.Errorf("ParsePostcode(%q) = %q, want empty on error", tt.in, got)
		}
		checkErr(t, tt.in, err, ErrFormat, tt.msg)
	}
}

func FuzzParsePostcode(f *testing.F) {
	for _, s := range []string{"LA9 9ZZ", "ca289zz", "QA1 1AA", "PR1 1CI", "LA1", "GIR 0AA", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePostcode(s)
		if err != nil {
			return
		}
		q, err := ParsePostcode(string(p))
		if err != nil || q != p {
			t.Fatalf("ParsePostcode(%q) = %q, but re-parsing gives %q, %v", s, p, q, err)
		}
	})
}

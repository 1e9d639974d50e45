package ident

import "testing"

func TestParseNHSNumber(t *testing.T) {
	valid := []struct {
		in   string
		want NHSNumber
		show string
	}{
		{"999 000 0018", "9990000018", "999 000 0018"},
		{"9990000018", "9990000018", "999 000 0018"},
		{"  999 765 4323\t", "9997654323", "999 765 4323"},
		{"999 345 6780", "9993456780", "999 345 6780"}, // c = 11, so check digit 0
		{"99 90 00 00 18", "9990000018", "999 000 0018"},
		{"999\u00a0000\u00a00018", "9990000018", "999 000 0018"}, // pasted non-breaking spaces
		{"0000000000", "0000000000", "000 000 0000"},             // passes the checksum, never issued
		{"1111111111", "1111111111", "111 111 1111"},
		// Hyphens are separators like spaces (issue 11, finding 7).
		{"999-000-0018", "9990000018", "999 000 0018"},
		{"999 - 000 - 0018", "9990000018", "999 000 0018"},
		{"999-000 0018", "9990000018", "999 000 0018"},
		{"9-9-9-0-0-0-0-0-1-8", "9990000018", "999 000 0018"},
	}
	for _, tt := range valid {
		got, err := ParseNHSNumber(tt.in)
		if err != nil || got != tt.want || got.String() != tt.show {
			t.Errorf("ParseNHSNumber(%q) = %q (%q), %v; want %q (%q)", tt.in, got, got.String(), err, tt.want, tt.show)
		}
	}
	invalid := []struct {
		in   string
		kind error
		msg  []string
	}{
		{"999 000 0017", ErrCheckDigit, []string{"NHS number 999 000 0017 fails the modulus 11 check: the last digit should be 8"}},
		{"999 123 4560", ErrCheckDigit, []string{"999 123 4560 cannot be valid", "whatever the last digit is"}}, // c = 10
		{"987 654 4321", ErrCheckDigit, []string{"the last digit should be 2"}},
		{"99900000180", ErrFormat, []string{`"99900000180" has 11 digits: it should have 10`}},
		{"999 000 001", ErrFormat, []string{"has 9 digits"}},
		{"999-000-0017", ErrCheckDigit, []string{"the last digit should be 8"}}, // hyphens keep the check digit rule
		{"999--000-0018", ErrFormat, []string{`contains '-'`}},                  // two together are not a separator
		{"-999 000 0018", ErrFormat, []string{`contains '-'`}},
		{"999 000 0018-", ErrFormat, []string{`contains '-'`}},
		{"999.000.0018", ErrFormat, []string{`contains '.'`}},
		{"999_000_0018", ErrFormat, []string{`contains '_'`}},
		{"999–000–0018", ErrFormat, []string{`contains '–'`}}, // an en dash is not a hyphen
		{"999 OOO 0018", ErrFormat, []string{`contains 'O'`}},
		{"abc", ErrFormat, []string{`contains 'a'`}},
		{"", ErrFormat, []string{"no NHS number given"}},
		{"   ", ErrFormat, []string{"no NHS number given"}},
		{"９９９０００００１８", ErrFormat, []string{"contains '９'"}}, // full-width digits are not ASCII
	}
	for _, tt := range invalid {
		got, err := ParseNHSNumber(tt.in)
		if got != "" {
			t.Errorf("ParseNHSNumber(%q) = %q, want empty on error", tt.in, got)
		}
		checkErr(t, tt.in, err, tt.kind, tt.msg...)
	}
}

func TestNHSNumberString(t *testing.T) {
	for in, want := range map[NHSNumber]string{"": "", "9990000018": "999 000 0018", "123": "123"} {
		if got := in.String(); got != want {
			t.Errorf("NHSNumber(%q).String() = %q, want %q", in, got, want)
		}
	}
}

func TestNHSNumberIsTestRange(t *testing.T) {
	tests := []struct {
		n    NHSNumber
		want bool
	}{
		{"9990000000", true},
		{"9990000018", true},
		{"9999999999", true},
		{"9989999999", false},
		{"4010232137", false},
		{"999", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := tt.n.IsTestRange(); got != tt.want {
			t.Errorf("%q.IsTestRange() = %v, want %v", tt.n, got, tt.want)
		}
	}
}

func FuzzParseNHSNumber(f *testing.F) {
	for _, s := range []string{"999 000 0018", "9993456780", "999 123 4560", "99900000180", "", "\u00a0", "999-000-0018", "999--000-0018", "-9990000018", "999 - 000 - 0018"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseNHSNumber(s)
		if err != nil {
			return
		}
		for _, again := range []string{string(n), n.String()} {
			m, err := ParseNHSNumber(again)
			if err != nil || m != n {
				t.Fatalf("ParseNHSNumber(%q) = %q, but re-parsing %q gives %q, %v", s, n, again, m, err)
			}
		}
	})
}

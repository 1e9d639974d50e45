package ident

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	valid := []struct {
		in   string
		want Date
	}{
		{"2027-02-28", MustDate(2027, time.February, 28)},
		{" 2027-02-28\n", MustDate(2027, time.February, 28)},
		{"28/02/2027", MustDate(2027, time.February, 28)},
		{"6/1/2027", MustDate(2027, time.January, 6)},
		{"06/01/2027", MustDate(2027, time.January, 6)},
		{"13/01/2027", MustDate(2027, time.January, 13)}, // day first, never month first
		{"02/03/2027", MustDate(2027, time.March, 2)},
		{"29/02/2028", MustDate(2028, time.February, 29)},
		{"2028-02-29", MustDate(2028, time.February, 29)},
		{"29/02/2000", MustDate(2000, time.February, 29)}, // divisible by 400: leap
		{"31/01/2027", MustDate(2027, time.January, 31)},
		{"30/04/2027", MustDate(2027, time.April, 30)},
		{"31/12/2027", MustDate(2027, time.December, 31)},
		{"1900-01-01", MustDate(1900, time.January, 1)},
		{"31/12/2200", MustDate(2200, time.December, 31)},
		{"2026-03-29", MustDate(2026, time.March, 29)},
		{"2026-10-25", MustDate(2026, time.October, 25)},
	}
	for _, tt := range valid {
		got, err := ParseDate(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	invalid := []struct{ in, msg string }{
		{"31/02/2027", "date 31/02/2027 does not exist: February 2027 has 28 days"},
		{"29/02/2027", "date 29/02/2027 does not exist: February 2027 has 28 days"},
		{"29/02/2100", "February 2100 has 28 days"}, // divisible by 100 but not 400: not leap
		{"2027-02-29", "date 2027-02-29 does not exist: February 2027 has 28 days"},
		{"31/04/2027", "April 2027 has 30 days"},
		{"2027-13-01", "date 2027-13-01 does not exist: there is no month 13"},
		{"2027-00-10", "there is no month 0"},
		{"31/13/2027", "there is no month 13"},
		{"00/01/2027", "there is no day 0"},
		{"2027-01-00", "there is no day 0"},
		{"32/01/2027", "January 2027 has 31 days"},
		{"02/31/2027", `"02/31/2027" is not a date: use YYYY-MM-DD or DD/MM/YYYY (month-first dates are not accepted)`},
		{"01/13/2027", "(month-first dates are not accepted)"},
		{"1899-12-31", "date 1899-12-31 is out of range: only years 1900 to 2200 are accepted"},
		{"01/01/2201", "only years 1900 to 2200"},
		{"2027-2-28", `"2027-2-28" is not a date: use YYYY-MM-DD or DD/MM/YYYY`},
		{"2027/02/28", "is not a date"},
		{"28-02-2027", "is not a date"},
		{"28/02/27", "is not a date"},
		{"28/2/2027/1", "is not a date"},
		{"28.02.2027", "is not a date"},
		{"tomorrow", `"tomorrow" is not a date`},
		{"28/02/2027 10:00", "is not a date"},
		{"", "no date given: use YYYY-MM-DD or DD/MM/YYYY"},
	}
	for _, tt := range invalid {
		got, err := ParseDate(tt.in)
		if !got.IsZero() {
			t.Errorf("ParseDate(%q) = %v, want the zero Date on error", tt.in, got)
		}
		checkErr(t, tt.in, err, ErrDate, tt.msg)
	}
}

func TestDateText(t *testing.T) {
	d := MustDate(2027, time.February, 28)
	b, err := d.MarshalText()
	if err != nil || string(b) != "2027-02-28" {
		t.Errorf("MarshalText = %q, %v", b, err)
	}
	if b, _ := (Date{}).MarshalText(); len(b) != 0 {
		t.Errorf("zero MarshalText = %q, want empty", b)
	}
	var got Date
	if err := got.UnmarshalText([]byte("2028-02-29")); err != nil || got != MustDate(2028, time.February, 29) {
		t.Errorf("UnmarshalText = %v, %v", got, err)
	}
	if err := got.UnmarshalText(nil); err != nil || !got.IsZero() {
		t.Errorf("UnmarshalText(empty) = %v, %v; want zero", got, err)
	}
	for in, msg := range map[string]string{
		"28/02/2027":  `stored date "28/02/2027" is not in the form YYYY-MM-DD`,
		"2027-02-29":  "February 2027 has 28 days",
		"1899-12-31":  "out of range",
		" 2027-02-28": "is not in the form",
	} {
		got := MustDate(2000, time.January, 1)
		err := got.UnmarshalText([]byte(in))
		checkErr(t, in, err, ErrDate, msg)
		if got != MustDate(2000, time.January, 1) {
			t.Errorf("UnmarshalText(%q) changed the Date to %v on error", in, got)
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2027-02-28", "6/1/2027", "31/02/2027", "02/31/2027", "29/02/2000", "1899-12-31", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		if d.IsZero() {
			t.Fatalf("ParseDate(%q) returned the zero Date with no error", s)
		}
		e, err := ParseDate(d.String())
		if err != nil || e != d {
			t.Fatalf("ParseDate(%q) = %v, but re-parsing gives %v, %v", s, d, e, err)
		}
		b, _ := d.MarshalText()
		var u Date
		if err := u.UnmarshalText(b); err != nil || u != d {
			t.Fatalf("UnmarshalText(MarshalText(%v)) = %v, %v", d, u, err)
		}
	})
}

func FuzzDateUnmarshalText(f *testing.F) {
	for _, s := range []string{"2027-02-28", "", "2027-02-29", "28/02/2027"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var d Date
		if err := d.UnmarshalText([]byte(s)); err != nil {
			return
		}
		b, _ := d.MarshalText()
		if string(b) != s {
			t.Fatalf("UnmarshalText(%q) then MarshalText gives %q", s, b)
		}
	})
}

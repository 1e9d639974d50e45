package ident

import (
	"testing"
	"time"
)

func TestParsePNCID(t *testing.T) {
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	valid := []struct {
		in   string
		want PNCID
	}{
		{"2001/0123456F", "2001/0123456F"},
		{"1998/0000042L", "1998/0000042L"},
		{"98/42L", "1998/0000042L"},
		{"9842L", "1998/0000042L"},
		{"98/0000042L", "1998/0000042L"},
		{"980000042L", "1998/0000042L"},   // 10 characters without a slash: short form
		{"20010123456F", "2001/0123456F"}, // 12 characters without a slash: long form
		{"01/123456F", "2001/0123456F"},
		{"01123456F", "2001/0123456F"},
		{" 2001/0123456f ", "2001/0123456F"},
		{"1998/42L", "1998/0000042L"},
		{"99/1234567B", "1999/1234567B"},
		{"2001/0123456 F", "2001/0123456F"}, // spaces as separators (issue 11, finding 7)
		{"2001 / 0123 456F", "2001/0123456F"},
	}
	for _, tt := range valid {
		got, err := ParsePNCID(tt.in, now)
		if err != nil || got != tt.want || got.String() != string(tt.want) {
			t.Errorf("ParsePNCID(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	invalid := []struct {
		in   string
		kind error
		msg  string
	}{
		{"2001/0123456X", ErrCheckDigit, `PNC ID "2001/0123456X" has the wrong check letter: for 2001/0123456 it should be F`},
		{"1998/0000042M", ErrCheckDigit, "it should be L"},
		{"98/42M", ErrCheckDigit, "for 1998/0000042 it should be L"},
		{"2001/0123456I", ErrCheckDigit, "it should be F"},
		{"2001/01234567F", ErrFormat, "is not in the right form: it should be a 2- or 4-digit year"}, // 8-digit serial
		{"2001123456F", ErrFormat, `PNC ID "2001123456F" is ambiguous without a slash`},
		{"201/123F", ErrFormat, "is not in the right form: it should be a 2- or 4-digit year"},
		{"2001/F", ErrFormat, "is not in the right form: it should be a 2- or 4-digit year"},
		{"2001/0123456", ErrFormat, "does not end in a check letter"},
		{"2001-0123456F", ErrFormat, "is not in the right form"}, // a hyphen is not read as the slash
		{"2001/012345-F", ErrFormat, "is not in the right form: it should be a 2- or 4-digit year"},
		{"200101234567F", ErrFormat, "is not in the right form: it should be a 2- or 4-digit year"},
		{"98L", ErrFormat, "is not in the right form: it should be a 2- or 4-digit year"},
		{"98/42/L", ErrFormat, "is not in the right form: it should be a 2- or 4-digit year"},
		{"", ErrFormat, "is not in the right form: it should be a 2- or 4-digit year"},
	}
	for _, tt := range invalid {
		got, err := ParsePNCID(tt.in, now)
		if got != "" {
			t.Errorf("ParsePNCID(%q) = %q, want empty on error", tt.in, got)
		}
		checkErr(t, tt.in, err, tt.kind, tt.msg)
	}
}

// A two-digit year at or below now's two-digit year is this century, else the last.
func TestParsePNCIDShortYear(t *testing.T) {
	tests := []struct {
		in   string
		now  time.Time
		want PNCID
	}{
		{"26/1W", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), "2026/0000001W"},
		{"27/1L", time.Date(2026, 12, 31, 23, 59, 0, 0, time.UTC), "1927/0000001L"},
		{"27/1L", time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), "2027/0000001L"},
		{"00/1A", time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), "2000/0000001A"},
		{"261W", time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), "2026/0000001W"},
		{"271L", time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), "1927/0000001L"},
	}
	for _, tt := range tests {
		got, err := ParsePNCID(tt.in, tt.now)
		if err != nil || got != tt.want {
			t.Errorf("ParsePNCID(%q, %v) = %q, %v; want %q", tt.in, tt.now, got, err, tt.want)
		}
	}
}

func FuzzParsePNCID(f *testing.F) {
	for _, s := range []string{"2001/0123456F", "98/42L", "9842L", "20010123456F", "2001123456F", "2001/01234567F", "", "2001 / 0123456 F", "2001-0123456F"} {
		f.Add(s, int64(2026))
	}
	f.Fuzz(func(t *testing.T, s string, year int64) {
		now := time.Date(int(year%300)+1900, 6, 1, 0, 0, 0, 0, time.UTC)
		p, err := ParsePNCID(s, now)
		if err != nil {
			return
		}
		q, err := ParsePNCID(p.String(), now)
		if err != nil || q != p {
			t.Fatalf("ParsePNCID(%q) = %q, but re-parsing gives %q, %v", s, p, q, err)
		}
	})
}

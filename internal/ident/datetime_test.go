package ident

import (
	"testing"
	"time"

	_ "time/tzdata"
)

func utc(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, time.UTC)
}

func TestParseLocalTime(t *testing.T) {
	loc := london(t)
	valid := []struct {
		in   string
		want time.Time
	}{
		{"2026-11-20T09:15:00Z", utc(2026, 11, 20, 9, 15)},
		{"2026-11-20T09:15:00+01:00", utc(2026, 11, 20, 8, 15)},
		{"2026-11-20t09:15:00z", utc(2026, 11, 20, 9, 15)},
		{"2026-11-20T09:15:00.5Z", utc(2026, 11, 20, 9, 15).Add(500 * time.Millisecond)},
		{"2026-11-20 09:15", utc(2026, 11, 20, 9, 15)}, // GMT
		{"20/11/2026 09:15", utc(2026, 11, 20, 9, 15)},
		{"2026-06-01 09:15", utc(2026, 6, 1, 8, 15)}, // BST
		{" 1/6/2026  9:15 ", utc(2026, 6, 1, 8, 15)},
		{"2026-03-28 10:00", utc(2026, 3, 28, 10, 0)}, // DOMAIN 7.2: received, GMT
		{"2026-03-30 11:00", utc(2026, 3, 30, 10, 0)}, // ... due 48 h later, BST
		{"2026-10-24 10:00", utc(2026, 10, 24, 9, 0)}, // received, BST
		{"2026-10-26 09:00", utc(2026, 10, 26, 9, 0)}, // ... due 48 h later, GMT
		{"2026-03-29 00:59", utc(2026, 3, 29, 0, 59)}, // last minute of GMT
		{"2026-03-29 02:00", utc(2026, 3, 29, 1, 0)},  // first minute of BST
		{"2026-10-25 00:59", utc(2026, 10, 24, 23, 59)},
		{"2026-10-25 02:00", utc(2026, 10, 25, 2, 0)},
		{"2026-10-25T01:30:00+01:00", utc(2026, 10, 25, 0, 30)}, // the overlap, disambiguated
		{"2026-10-25T01:30:00+00:00", utc(2026, 10, 25, 1, 30)},
		{"2026-03-29T01:30:00Z", utc(2026, 3, 29, 1, 30)},
	}
	for _, tt := range valid {
		got, err := ParseLocalTime(tt.in, loc)
		if err != nil || !got.Equal(tt.want) || got.Location() != time.UTC {
			t.Errorf("ParseLocalTime(%q) = %v, %v; want %v in UTC", tt.in, got, err, tt.want)
		}
	}
	invalid := []struct {
		in   string
		kind error
		msg  string
	}{
		{"2026-03-29 01:30", ErrLocalTime, "2026-03-29 01:30 does not exist in London (the clocks went forward from GMT to BST): check the time, or give the offset, e.g. 2026-03-29T01:30:00+00:00"},
		{"29/03/2026 01:00", ErrLocalTime, "2026-03-29 01:00 does not exist in London"},
		{"2026-03-29 01:59", ErrLocalTime, "does not exist"},
		{"2025-03-30 01:30", ErrLocalTime, "does not exist"},
		{"2027-03-28 01:30", ErrLocalTime, "does not exist"},
		{"2026-10-25 01:30", ErrLocalTime, "2026-10-25 01:30 happens twice in London (BST then GMT): give the offset, e.g. 2026-10-25T01:30:00+01:00"},
		{"25/10/2026 01:00", ErrLocalTime, "2026-10-25 01:00 happens twice"},
		{"2026-10-25 01:59", ErrLocalTime, "happens twice"},
		{"2025-10-26 01:30", ErrLocalTime, "happens twice"},
		{"2027-10-31 01:30", ErrLocalTime, "happens twice"},
		{"", ErrFormat, "no time given: use YYYY-MM-DD HH:MM or DD/MM/YYYY HH:MM for London time, or give an offset"},
		{"2026-11-20", ErrFormat, `"2026-11-20" is not a time`},
		{"2026-11-20T09:15:00", ErrFormat, "give an offset, e.g. 2026-11-20T09:15:00Z"},
		{"2026-11-20T09:15Z", ErrFormat, "is not a time"},
		{"2026-11-20 09:15 BST", ErrFormat, "is not a time"},
		{"2026-11-20 9.15", ErrFormat, "is not a time"},
		{"2026-11-20 09:5", ErrFormat, "is not a time"},
		{"2026-11-20 24:00", ErrFormat, "time 24:00 does not exist: hours run 00 to 23 and minutes 00 to 59"},
		{"2026-11-20 09:60", ErrFormat, "time 09:60 does not exist"},
		{"31/02/2027 09:00", ErrDate, "date 31/02/2027 does not exist: February 2027 has 28 days"},
		{"02/31/2027 09:00", ErrDate, "month-first dates are not accepted"},
		{"2026-02-30T09:15:00Z", ErrDate, "date 2026-02-30 does not exist: February 2026 has 28 days"},
		{"1899-12-31T12:00:00Z", ErrDate, `time "1899-12-31T12:00:00Z" is out of range: only years 1900 to 2200 are accepted`},
		{"1900-01-01T00:30:00+01:00", ErrDate, "out of range"},
		{"1899-12-31 12:00", ErrDate, "only years 1900 to 2200"},
	}
	for _, tt := range invalid {
		got, err := ParseLocalTime(tt.in, loc)
		if !got.IsZero() {
			t.Errorf("ParseLocalTime(%q) = %v, want the zero time on error", tt.in, got)
		}
		checkErr(t, tt.in, err, tt.kind, tt.msg)
	}
}

// The 48-hour screening clock is added to UTC instants, so the parsed pair
// must be exactly 48 h apart even though their wall clocks differ by an hour.
func TestParseLocalTimeAcrossChangeover(t *testing.T) {
	loc := london(t)
	for _, pair := range [][2]string{{"2026-03-28 10:00", "2026-03-30 11:00"}, {"2026-10-24 10:00", "2026-10-26 09:00"}} {
		a, errA := ParseLocalTime(pair[0], loc)
		b, errB := ParseLocalTime(pair[1], loc)
		if errA != nil || errB != nil || b.Sub(a) != 48*time.Hour {
			t.Errorf("%s to %s = %v (%v, %v), want 48h", pair[0], pair[1], b.Sub(a), errA, errB)
		}
	}
}

func TestParseLocalTimeOtherZones(t *testing.T) {
	if got, err := ParseLocalTime("2026-03-29 01:30", time.UTC); err != nil || !got.Equal(utc(2026, 3, 29, 1, 30)) {
		t.Errorf("UTC: %v, %v", got, err)
	}
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	_, err = ParseLocalTime("2026-03-08 02:30", ny)
	checkErr(t, "New York gap", err, ErrLocalTime, "does not exist in New York (the clocks went forward from EST to EDT)", "-05:00")
	_, err = ParseLocalTime("2026-11-01 01:30", ny)
	checkErr(t, "New York overlap", err, ErrLocalTime, "happens twice in New York (EDT then EST)", "2026-11-01T01:30:00-04:00")
	// Paris was 9 min 21 s ahead of UTC in 1900, so this instant is in 1899 UTC
	// and would not parse again from its stored form.
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	got, err := ParseLocalTime("1900-01-01 00:05", paris)
	checkErr(t, "Paris 1900", err, ErrDate, `time "1900-01-01 00:05" is out of range`)
	if !got.IsZero() {
		t.Errorf("Paris 1900 = %v, want the zero time on error", got)
	}
}

func FuzzParseLocalTime(f *testing.F) {
	for _, s := range []string{"2026-11-20T09:15:00Z", "2026-11-20T09:15:00+01:00", "2026-11-20 09:15", "20/11/2026 09:15",
		"2026-03-29 01:30", "2026-10-25 01:30", "1900-01-01T00:00:00+01:00", "2200-12-31T23:59:59-12:00", ""} {
		f.Add(s)
	}
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseLocalTime(s, loc)
		if err != nil {
			return
		}
		if v.Location() != time.UTC {
			t.Fatalf("ParseLocalTime(%q) = %v, not in UTC", s, v)
		}
		out := v.Format(time.RFC3339Nano)
		w, err := ParseLocalTime(out, loc)
		if err != nil || !w.Equal(v) {
			t.Fatalf("ParseLocalTime(%q) = %v, but re-parsing %q gives %v, %v", s, v, out, w, err)
		}
	})
}

package csvfile

import (
	"bytes"
	"encoding/csv"
	"testing"
)

func TestSafeCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Brennan", "Brennan"},
		{"=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"},
		{"+44 1234", "'+44 1234"},
		{"-3", "'-3"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tcmd", "'\tcmd"},
		{"\rcmd", "'\rcmd"},
		{" =1", " =1"}, // not at the start: a spreadsheet reads it as text
		{"O'Neill", "O'Neill"},
		{"'=1", "'=1"}, // already quoted: left as typed, shown as typed
	}
	for _, tt := range tests {
		if got := SafeCell(tt.in); got != tt.want {
			t.Errorf("SafeCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Every column round-trips: text comes back with the quotation mark in front only when
// it began with a formula character; the app's numbers and dates come back as written.
func TestWriterRoundTrip(t *testing.T) {
	header := []string{"id", "family_name", "days", "date"}
	rows := [][]string{
		{"1", "=HYPERLINK(\"x\")", "-3", "2026-11-10"},
		{"2", "Brennan", "12", "2026-11-10T09:00:00Z"},
		{"3", "-", "", ""},
		{"4", "@x", "=1+1", "+2026"}, // a formula in a numeric column is still made safe
	}
	want := [][]string{
		{"1", "'=HYPERLINK(\"x\")", "-3", "2026-11-10"},
		{"2", "Brennan", "12", "2026-11-10T09:00:00Z"},
		{"3", "'-", "", ""},
		{"4", "'@x", "'=1+1", "'+2026"},
	}
	var b bytes.Buffer
	w := NewWriter(&b, header, "id", "days", "date")
	for _, r := range rows {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	got, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want)+1 {
		t.Fatalf("%d records, want %d", len(got), len(want)+1)
	}
	for i, rec := range want {
		for j, cell := range rec {
			if got[i+1][j] != cell {
				t.Errorf("row %d column %s = %q, want %q", i+1, header[j], got[i+1][j], cell)
			}
		}
	}
}

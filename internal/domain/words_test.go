package domain

import "testing"

func TestCount(t *testing.T) {
	tests := []struct {
		n         int
		one, many string
		want      string
	}{
		{0, "note", "notes", "0 notes"},
		{1, "note", "notes", "1 note"},
		{2, "note", "notes", "2 notes"},
		{1, "addendum", "addenda", "1 addendum"},
		{5, "addendum", "addenda", "5 addenda"},
		{1, "match", "matches", "1 match"},
		{-1, "day", "days", "-1 day"},
	}
	for _, tt := range tests {
		if got := Count(tt.n, tt.one, tt.many); got != tt.want {
			t.Errorf("Count(%d, %q, %q) = %q, want %q", tt.n, tt.one, tt.many, got, tt.want)
		}
	}
}

func TestContactWords(t *testing.T) {
	for label, want := range map[string]string{
		"face to face":      "face to face contact",
		"attempted contact": "attempted contact",
		"MDT":               "MDT contact",
	} {
		if got := ContactWords(label); got != want {
			t.Errorf("ContactWords(%q) = %q, want %q", label, got, want)
		}
	}
}

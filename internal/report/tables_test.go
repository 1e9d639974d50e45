package report

import (
	"slices"
	"testing"
)

func TestShown(t *testing.T) {
	tests := []struct {
		n        int
		suppress bool
		want     string
	}{
		{0, false, "0"}, {4, false, "4"}, {0, true, "<5"}, {4, true, "<5"}, {5, true, "5"}, {123, true, "123"},
	}
	for _, tt := range tests {
		if got := Shown(tt.n, tt.suppress); got != tt.want {
			t.Errorf("Shown(%d, %v) = %q, want %q", tt.n, tt.suppress, got, tt.want)
		}
	}
	figures := []struct {
		f        *float64
		base     int
		suppress bool
		want     string
	}{
		{nil, 0, false, ""}, {fig(50), 2, false, "50"}, {fig(50), 2, true, "suppressed"}, {fig(66.7), 6, true, "66.7"}, {nil, 9, true, ""},
	}
	for _, tt := range figures {
		if got := ShownFigure(tt.f, tt.base, tt.suppress); got != tt.want {
			t.Errorf("ShownFigure(%v, %d, %v) = %q, want %q", tt.f, tt.base, tt.suppress, got, tt.want)
		}
	}
}

// Every table has a row of cells a column; suppressed, no count below 5 shows, and
// the same report unsuppressed shows them.
func TestTablesSuppress(t *testing.T) {
	r := Build(Facts{Referrals: []Referral{{ReceivedAt: at(t, "2026-10-02T09:00:00Z"), Source: "probation"}}},
		day("2026-10-01"), day("2026-11-30"))
	names := []string{}
	for _, suppress := range []bool{false, true} {
		ones := 0
		for _, tb := range Tables(r, suppress) {
			if !suppress {
				names = append(names, tb.Name)
			}
			for _, row := range tb.Rows {
				if len(row) != len(tb.Columns) {
					t.Errorf("%s: row %v has %d cells for %d columns", tb.Name, row, len(row), len(tb.Columns))
				}
				if slices.Contains(row[1:], "1") { // the first column is a key (priority group 1)
					ones++
				}
			}
		}
		if suppress != (ones == 0) {
			t.Errorf("suppress %v: %d cells say 1", suppress, ones)
		}
	}
	want := []string{"summary", "referrals_by_source", "referrals_by_priority_group", "referrals_by_month",
		"screening_by_month", "screened_out_reasons", "caseload_by_month", "releases_by_month", "recalls_by_month",
		"discharges_by_reason", "outcomes_by_measure"}
	if !slices.Equal(names, want) {
		t.Errorf("tables %v, want %v", names, want)
	}
}

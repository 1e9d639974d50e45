package casecsv

import (
	"slices"
	"strings"
	"testing"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// The sentence-date columns (docs/RULES.md, "Sentence dates"): one a kind, the older
// pair beside them, and confirmed_dates; each problem on the column to correct.
func TestReadSentenceDates(t *testing.T) {
	d := ident.MustDate
	header := slices.Concat(Columns, OptionalColumns)
	tests := []struct {
		name  string
		kv    []string
		dates domain.SentenceDates
		want  string // the one problem, or "" for none
	}{
		{"the older pair alone", nil, domain.SentenceDates{{Date: d(2026, 6, 1), Kind: domain.ReleaseCRD}}, ""},
		{"an extended sentence", []string{"expected_release_date", "", "release_date_type", "",
			"ped", "2027-02-01", "crd", "01/06/2027", "sed", "2029-06-01", "confirmed_dates", "crd"},
			domain.SentenceDates{{Date: d(2027, 6, 1), Kind: domain.ReleaseCRD, Confirmed: true},
				{Date: d(2027, 2, 1), Kind: domain.ReleasePED}, {Date: d(2029, 6, 1), Kind: domain.ReleaseSED}}, ""},
		{"every kind with a column", []string{"crd", "2026-06-01", "ard", "2026-06-02", "ped", "2026-06-03", "hdced", "2026-06-04",
			"hdcad", "2026-06-05", "apd", "2026-06-06", "prrd", "2026-06-07", "led", "2026-06-08", "sed", "2026-06-09",
			"sled", "2026-06-10", "tused", "2026-06-11", "confirmed_dates", "HDCAD; led"},
			domain.SentenceDates{{Date: d(2026, 6, 1), Kind: domain.ReleaseCRD}, {Date: d(2026, 6, 2), Kind: domain.ReleaseARD},
				{Date: d(2026, 6, 3), Kind: domain.ReleasePED}, {Date: d(2026, 6, 4), Kind: domain.ReleaseHDCED},
				{Date: d(2026, 6, 5), Kind: domain.ReleaseHDCAD, Confirmed: true}, {Date: d(2026, 6, 6), Kind: domain.ReleaseAPD},
				{Date: d(2026, 6, 7), Kind: domain.ReleasePRRD}, {Date: d(2026, 6, 8), Kind: domain.ReleaseLED, Confirmed: true},
				{Date: d(2026, 6, 9), Kind: domain.ReleaseSED}, {Date: d(2026, 6, 10), Kind: domain.ReleaseSLED},
				{Date: d(2026, 6, 11), Kind: domain.ReleaseTUSED}}, ""},
		{"the same date in both", []string{"crd", "2026-06-01"}, domain.SentenceDates{{Date: d(2026, 6, 1), Kind: domain.ReleaseCRD}}, ""},
		{"two dates for one kind", []string{"crd", "2026-07-01"}, nil,
			"line 2: expected_release_date: is 2026-06-01, a CRD, but crd is 2026-07-01: give each date once"},
		{"confirmed with no date", []string{"confirmed_dates", "PED"}, nil,
			"line 2: confirmed_dates: names PED as confirmed, but no PED date is given: give it in ped"},
		{"confirmed names no kind", []string{"confirmed_dates", "CRD soon"}, nil,
			`line 2: confirmed_dates: "soon" is not a kind of sentence date: use one of confirmed, CRD, ARD, PED, HDCED, HDCAD, APD, PRRD, other, LED, SED, SLED, TUSED`},
		{"a date that does not exist", []string{"led", "31/02/2029"}, nil,
			"line 2: led: date 31/02/2029 does not exist: February 2029 has 28 days"},
		{"an expiry date in the older pair", []string{"release_date_type", "LED"}, nil,
			`line 2: release_date_type: "LED" is not a release date type: use one of confirmed, CRD, ARD, PED, HDCED, HDCAD, APD, PRRD, other`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, errs := Read(strings.NewReader(file(false, header, with(tt.kv...))), env, team)
			got := messages(errs)
			if tt.want != "" {
				if !slices.Equal(got, []string{tt.want}) || len(rows) != 0 {
					t.Fatalf("rows %d, problems %q, want %q", len(rows), got, tt.want)
				}
				return
			}
			if len(errs) > 0 || len(rows) != 1 {
				t.Fatalf("rows %d, problems %q", len(rows), got)
			}
			if ds := rows[0].Case.Release.Dates; !slices.Equal(ds, tt.dates) {
				t.Errorf("dates %+v, want %+v", ds, tt.dates)
			}
		})
	}
}

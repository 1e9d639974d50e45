package casecsv

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"time"

	"caseload/internal/clock"
	"caseload/internal/domain"
)

// env pins parsing to a known instant (24 Nov 2026): tests never depend on today's date.
var env = domain.ParseEnv{Now: time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC), London: clock.London()}

// team is the clinicians the file may name: two active, one who has left.
var team = []domain.Clinician{
	{ID: 1, Name: "Dr Tom Halliwell", Role: "clinical psychologist", Active: true},
	{ID: 2, Name: "Sanjay Mistry", Role: "assistant psychologist", Active: true},
	{ID: 3, Name: "Dr Ruth Ashworth", Role: "clinical psychologist", Active: false},
}

// goodRow is one valid case, by column name (fictional person, test-range NHS number).
func goodRow() map[string]string {
	return map[string]string{
		"given_name": "Siobhán", "family_name": "O'Connor", "date_of_birth": "17/05/1990",
		"nhs_number": "999 000 0018", "prison_number": "a1234bc", "crn": "X123456",
		"allocated_clinician": "Dr Tom Halliwell", "accepted_on": "2026-03-02",
		"expected_release_date": "2026-06-01", "release_date_type": "CRD",
		"actual_release_date": "2026-05-29", "recalled_on": "2026-09-14",
		"mappa_category": "2", "mappa_level": "1", "resettlement_area": "Blackburn with Darwen",
	}
}

// with returns goodRow changed by alternating column, value pairs.
func with(kv ...string) map[string]string {
	row := goodRow()
	for i := 0; i+1 < len(kv); i += 2 {
		row[kv[i]] = kv[i+1]
	}
	return row
}

// legacyColumns is the header of the files teams made before the sentence dates had
// columns of their own: every required column and the older pair.
var legacyColumns = slices.Concat(Columns, []string{"expected_release_date", "release_date_type"})

// file writes a CSV with the given header (nil: legacyColumns) and rows, quoting as a
// spreadsheet would.
func file(crlf bool, header []string, rows ...map[string]string) string {
	if header == nil {
		header = legacyColumns
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.UseCRLF = crlf
	_ = w.Write(header)
	for _, row := range rows {
		rec := make([]string, len(header))
		for i, h := range header {
			rec[i] = row[strings.ToLower(strings.TrimSpace(h))]
		}
		_ = w.Write(rec)
	}
	w.Flush()
	return b.String()
}

// messages renders problems as the command prints them.
func messages(errs []LineError) []string {
	out := make([]string, len(errs))
	for i, e := range errs {
		out[i] = e.Error()
	}
	return out
}

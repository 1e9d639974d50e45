package referralcsv

import (
	"bytes"
	"encoding/csv"
	"strings"
	"time"

	"caseload/internal/clock"
	"caseload/internal/domain"
)

// env pins parsing to a known instant: tests never depend on today's date.
var env = domain.ParseEnv{Now: time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC), London: clock.London()}

// goodRow is one valid referral, by column name. Values with commas, quotation marks
// and line breaks are there to be quoted by the writer.
func goodRow() map[string]string {
	return map[string]string{
		"received_at": "2026-11-23 14:05", "source": "probation", "referrer_name": "Rachel Dunmore",
		"referrer_org": "Probation Service, Preston", "referrer_email": "rachel.dunmore@example.org",
		"given_name": "Siobhán", "family_name": "O'Connor", "date_of_birth": "1990-05-17",
		"nhs_number": "999 000 0018", "prison_number": "A1234BC", "pnc_id": "2001/0123456F", "crn": "X123456",
		"current_prison": "HMP Preston", "expected_release_date": "2027-03-31", "release_date_type": "CRD",
		"rosh": "high", "priority_group": "3", "complex_health_needs": "yes", "resettlement_area": "Preston",
		"approved_premises": "no", "referral_reason": "Asked for by the COM, \"urgent\".\nSecond line.",
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

// file writes a CSV with the given header (nil: the standard one) and rows, quoting as a
// spreadsheet would.
func file(crlf bool, header []string, rows ...map[string]string) string {
	if header == nil {
		for _, f := range domain.ReferralFields {
			header = append(header, f.Name)
		}
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

package casecsv

import (
	"fmt"
	"strings"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// sentenceDates reads a row's sentence dates (docs/RULES.md, "Sentence dates"): the
// older expected_release_date of release_date_type's kind (legacy, already read by the
// referral rules), one column a kind, and confirmed_dates naming the kinds the prison
// has confirmed. A kind given twice with two dates, or confirmed with no date, is
// reported on the column to correct.
func (p *parser) sentenceDates(vals map[string]string, failed map[string]bool, fail func(string, string), legacy domain.ReleaseDate) domain.SentenceDates {
	dates := domain.SentenceDates(nil).Set(legacy)
	for _, k := range domain.SentenceDateKinds {
		col := domain.SentenceDateColumn(k)
		v := strings.TrimSpace(vals[col])
		if col == "expected_release_date" || v == "" || failed[col] {
			continue
		}
		d, err := ident.ParseDate(v)
		if err != nil {
			fail(col, err.Error())
			continue
		}
		if held := dates.Of(k); !held.Date.IsZero() && held.Date != d {
			fail("expected_release_date", fmt.Sprintf("is %s, a %s, but %s is %s: give each date once", held.Date, k, col, d))
			continue
		}
		dates = dates.Set(domain.ReleaseDate{Date: d, Kind: k})
	}
	v := vals["confirmed_dates"]
	if failed["confirmed_dates"] {
		return dates
	}
	for _, word := range strings.FieldsFunc(v, func(r rune) bool { return r == ' ' || r == ';' || r == ',' || r == '/' }) {
		k, err := domain.ParseSentenceDateKind(word)
		if err != nil {
			fail("confirmed_dates", err.Error())
			continue
		}
		d := dates.Of(k)
		if d.Date.IsZero() {
			fail("confirmed_dates", fmt.Sprintf("names %s as confirmed, but no %s date is given: give it in %s", k, k, domain.SentenceDateColumn(k)))
			continue
		}
		d.Confirmed = true
		dates = dates.Set(d)
	}
	return dates
}

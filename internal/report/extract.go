package report

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// KeySize is the length in bytes of the key the extract's pseudonyms are made with.
const KeySize = 32

// Pseudonym is a person's id in the extract: HMAC-SHA256 of "person:" and their id
// under the service's key, in hex. The same person has the same pseudonym in every
// extract made with the same key, so an evaluation can link a site's extracts over
// time; without the key it cannot be turned back into the id, nor made from a guess.
func Pseudonym(key []byte, personID int64) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte("person:" + strconv.FormatInt(personID, 10)))
	return hex.EncodeToString(m.Sum(nil))
}

// ExtractPeople are the people referred in the period (a referral received on a London
// day in it), each by the last referral they had in it: the rows of the extract.
func ExtractPeople(f Facts, from, to ident.Date) []Referral {
	last := map[int64]int{}
	var order []int64
	for i, r := range f.Referrals {
		if !within(londonDay(r.ReceivedAt), from, to) {
			continue
		}
		j, seen := last[r.PersonID]
		if !seen {
			order = append(order, r.PersonID)
		}
		if !seen || !r.ReceivedAt.Before(f.Referrals[j].ReceivedAt) {
			last[r.PersonID] = i
		}
	}
	out := make([]Referral, len(order))
	for i, id := range order {
		out[i] = f.Referrals[last[id]]
	}
	return out
}

// AgeBand is a person's age on a day in the bands the extract gives instead of a date
// of birth: under-18, 18-24, 25-34, 35-44, 45-54, 55-64, 65+, or "" when the date of
// birth is not known.
func AgeBand(born, on ident.Date) string {
	if born.IsZero() || on.IsZero() {
		return ""
	}
	age := on.Year - born.Year
	if on.Month < born.Month || on.Month == born.Month && on.Day < born.Day {
		age--
	}
	switch {
	case age < 18:
		return "under-18"
	case age < 25:
		return "18-24"
	case age < 35:
		return "25-34"
	case age < 45:
		return "35-44"
	case age < 55:
		return "45-54"
	case age < 65:
		return "55-64"
	}
	return "65+"
}

// ExtractColumns are the extract's columns (docs/EXTRACT.md, column by column): the
// fixed ones, then six for each measure in domain.Measures' order. A contract: only
// ever appended.
func ExtractColumns() []string {
	cols := slices.Clone(extractFixed)
	for _, d := range domain.Measures() {
		for _, c := range measureColumns {
			cols = append(cols, d.ID+"_"+c)
		}
	}
	return cols
}

var extractFixed = []string{"person", "referrals_in_period", "referral_month", "source", "priority_group", "age_band",
	"screening_outcome", "screening_month", "screened_within_48h", "screened_out_reason",
	"consultation_outcome", "consultation_month", "days_to_consultation", "withdrawn_month",
	"case_opened_month", "phase_at_period_end", "released_month", "recalled_month", "re_released_month",
	"closed_month", "closing_reason",
	"gp_registered_by_release", "accommodation_on_release", "mental_health_on_release", "substance_use_on_release",
	"physical_health_on_release", "mappa_level_at_acceptance", "rosh_at_acceptance",
	"accommodation_at_discharge", "mental_health_at_discharge", "substance_use_at_discharge",
	"physical_health_at_discharge", "recalled_by_discharge", "mappa_level_at_discharge", "rosh_at_discharge"}

var measureColumns = []string{"baseline", "baseline_month", "latest", "latest_month", "change", "reliable_change"}

// ExtractNumeric are the columns that hold the extract's own numbers and months.
func ExtractNumeric() []string {
	cols := []string{"referrals_in_period", "referral_month", "priority_group", "screening_month", "consultation_month",
		"days_to_consultation", "withdrawn_month", "case_opened_month", "released_month", "recalled_month",
		"re_released_month", "closed_month", "mappa_level_at_acceptance", "mappa_level_at_discharge"}
	for _, d := range domain.Measures() {
		for _, c := range []string{"baseline", "baseline_month", "latest", "latest_month", "change"} {
			cols = append(cols, d.ID+"_"+c)
		}
	}
	return cols
}

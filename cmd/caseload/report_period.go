package main

import (
	"caseload/internal/ident"
)

// reportPeriod reads --from and --to as London days (ident.ParseDate: YYYY-MM-DD, or
// DD/MM/YYYY), each refused in one sentence naming the flag, and a period that ends
// before it starts.
func reportPeriod(from, to string) (ident.Date, ident.Date, error) {
	if from == "" || to == "" {
		return ident.Date{}, ident.Date{}, usage("report needs the period: --from DATE --to DATE, e.g. --from 2026-04-01 --to 2027-03-31")
	}
	f, err := ident.ParseDate(from)
	if err != nil {
		return ident.Date{}, ident.Date{}, usage("--from: %v", err)
	}
	t, err := ident.ParseDate(to)
	if err != nil {
		return ident.Date{}, ident.Date{}, usage("--to: %v", err)
	}
	if t.Before(f) {
		return ident.Date{}, ident.Date{}, usage("--to %s is before --from %s: the period runs from its first day to its last", t, f)
	}
	return f, t, nil
}

package report

import (
	"encoding/json"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// at reads an RFC 3339 instant written in a test table.
func at(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// day reads a YYYY-MM-DD written in a test table.
func day(s string) ident.Date {
	var d ident.Date
	if err := d.UnmarshalText([]byte(s)); err != nil {
		panic(err)
	}
	return d
}

// screened is a referral received at received and screened with outcome at decided.
func screened(t *testing.T, received, decided string, o domain.ScreeningOutcome, failed domain.RuleID) Referral {
	r := Referral{ReceivedAt: at(t, received)}
	if decided != "" {
		r.Screening = &ScreeningDecision{Outcome: o, DecidedAt: at(t, decided), FailedRule: failed}
	}
	return r
}

// fig is a figure written in a test table; -1 stands for nil (nothing to measure).
func fig(v float64) *float64 {
	if v == -1 {
		return nil
	}
	return &v
}

// same compares as JSON, so a nil figure and a pointer compare by what they say.
func same(t *testing.T, what string, got, want any) {
	t.Helper()
	g, _ := json.Marshal(got)
	w, _ := json.Marshal(want)
	if string(g) != string(w) {
		t.Errorf("%s:\n got %s\nwant %s", what, g, w)
	}
}

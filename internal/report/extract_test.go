package report

import (
	"slices"
	"strings"
	"testing"

	"caseload/internal/domain"
)

// The pseudonym is HMAC-SHA256 of "person:ID" under the key: checked against Python's
// hmac.new(bytes(range(32)), b"person:42", hashlib.sha256).hexdigest(). Another key or
// another person gives another pseudonym.
func TestPseudonym(t *testing.T) {
	key := make([]byte, KeySize)
	for i := range key {
		key[i] = byte(i)
	}
	if got := Pseudonym(key, 42); got != "6c30e7a23df4ea5e84f27cb0df9a970737bd2ebbb71e01ee92da51230a598d27" {
		t.Errorf("Pseudonym = %s", got)
	}
	other := slices.Clone(key)
	other[0] = 1
	if Pseudonym(other, 42) == Pseudonym(key, 42) || Pseudonym(key, 43) == Pseudonym(key, 42) {
		t.Error("a pseudonym does not depend on both the key and the person")
	}
}

func TestAgeBand(t *testing.T) {
	tests := []struct{ born, on, want string }{
		{"", "2026-10-01", ""},
		{"2008-10-02", "2026-10-01", "under-18"}, // 18 tomorrow
		{"2008-10-01", "2026-10-01", "18-24"},    // 18 today
		{"2001-10-02", "2026-10-01", "18-24"},    // 24
		{"2001-10-01", "2026-10-01", "25-34"},
		{"1982-03-14", "2026-10-01", "35-44"}, // 44
		{"1972-01-01", "2026-10-01", "45-54"},
		{"1962-01-01", "2026-10-01", "55-64"},
		{"1961-10-01", "2026-10-01", "65+"},
		{"2000-02-29", "2026-02-28", "25-34"}, // 26 on 1 March: 25 still
	}
	for _, tt := range tests {
		if got := AgeBand(day(tt.born), day(tt.on)); got != tt.want {
			t.Errorf("AgeBand(%s, %s) = %q, want %q", tt.born, tt.on, got, tt.want)
		}
	}
}

// One person referred twice in October (the later referral describes them), accepted,
// released, scored twice on CORE-10; another screened out; a third referred in
// September only, who is not in the extract.
func TestExtractRows(t *testing.T) {
	key := make([]byte, KeySize)
	first := Referral{ID: 1, PersonID: 10, ReceivedAt: at(t, "2026-10-02T09:00:00Z"), Source: domain.SourceOPD}
	second := Referral{ID: 2, PersonID: 10, ReceivedAt: at(t, "2026-10-05T09:00:00Z"), Source: domain.SourceProbation,
		PriorityGroup: 3, DateOfBirth: day("1990-06-01"),
		Screening:     &ScreeningDecision{Outcome: domain.ScreenedIn, DecidedAt: at(t, "2026-10-06T08:00:00Z")},
		Consultations: []ConsultationDecision{{MeetingDate: day("2026-10-19"), Outcome: domain.ConsultAccepted}}}
	out := Referral{ID: 3, PersonID: 11, ReceivedAt: at(t, "2026-10-31T23:30:00Z"), Source: domain.SourceSelf,
		Screening: &ScreeningDecision{Outcome: domain.ScreenedOut, DecidedAt: at(t, "2026-11-03T09:00:00Z"), FailedRule: domain.RuleSource}}
	september := Referral{ID: 4, PersonID: 12, ReceivedAt: at(t, "2026-09-30T09:00:00Z")}
	f := Facts{
		Referrals: []Referral{first, second, out, september},
		Cases: []Case{{ID: 5, ReferralID: 2, PersonID: 10, OpenedAt: at(t, "2026-10-19T15:00:00Z"),
			Release: domain.CaseRelease{Actual: day("2026-11-02"), RecalledOn: day("2027-01-10")}}},
		Transitions: []domain.TransitionOutcome{{CaseID: 5, Point: domain.PointRelease, GPRegistered: domain.Yes,
			Accommodation: domain.AccommodationAP}},
		Scores: []domain.MeasureScore{score(1, 5, "core-10", "2026-10-20", 20), score(2, 5, "core-10", "2026-11-20", 12)},
	}
	cols := ExtractColumns()
	rows := ExtractRows(f, day("2026-10-01"), day("2026-11-30"), key)
	if len(rows) != 2 {
		t.Fatalf("%d rows, want 2 (people 10 and 11)", len(rows))
	}
	cell := func(row []string, col string) string { return row[slices.Index(cols, col)] }
	for _, row := range rows {
		if len(row) != len(cols) {
			t.Fatalf("row of %d cells, want %d", len(row), len(cols))
		}
		if strings.Contains(strings.Join(row, ","), "1990") {
			t.Errorf("row %v holds the date of birth", row)
		}
	}
	a, b := rows[0], rows[1]
	want := map[string]string{"person": Pseudonym(key, 10), "referrals_in_period": "2", "referral_month": "2026-10",
		"source": "probation", "priority_group": "3", "age_band": "35-44", "screening_outcome": "in",
		"screening_month": "2026-10", "screened_within_48h": "yes", "consultation_outcome": "accepted",
		"days_to_consultation": "14", "case_opened_month": "2026-10", "phase_at_period_end": "post-release",
		"released_month": "2026-11", "recalled_month": "", "gp_registered_by_release": "yes",
		"accommodation_on_release": "approved-premises", "core-10_baseline": "20", "core-10_latest": "12",
		"core-10_change": "-8", "core-10_reliable_change": "improved", "core-10_latest_month": "2026-11"}
	for col, w := range want {
		if got := cell(a, col); got != w {
			t.Errorf("person 10 %s = %q, want %q", col, got, w)
		}
	}
	want = map[string]string{"person": Pseudonym(key, 11), "referral_month": "2026-10", "screening_outcome": "out",
		"screening_month": "2026-11", "screened_within_48h": "no", "screened_out_reason": "source",
		"case_opened_month": "", "age_band": "", "core-10_baseline": ""}
	for col, w := range want {
		if got := cell(b, col); got != w {
			t.Errorf("person 11 %s = %q, want %q", col, got, w)
		}
	}
}

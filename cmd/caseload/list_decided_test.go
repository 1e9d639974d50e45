package main

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/store"
)

// A referral received Friday 09:00, screened in Friday's meeting at 16:00 and typed on
// Monday: screened_at is Friday 16:00 (when it was made), screening_entered_at Monday,
// and the clock says it was decided within the 48 hours (docs/RULES.md, "When a decision
// was made").
func TestListScreenedAtIsWhenMade(t *testing.T) {
	db := tempDB(t)
	must(t, caseload(t, nil, "init", "--db", db))
	// testNow is Tuesday 24 Nov 2026; the referral came on Friday 20th at 09:00.
	must(t, caseload(t, nil, "referrals", "import", "--db", db,
		writeFile(t, "in.csv", importHeader+importRow("Zoë", "Whitworth-Hale", "999 000 0018", "2026-11-20 09:00"))))
	made := time.Date(2026, 11, 20, 16, 0, 0, 0, time.UTC)
	entered := time.Date(2026, 11, 23, 9, 15, 0, 0, time.UTC)
	screenIn(t, db, "Whitworth-Hale", entered, domain.DecisionTime{At: made, Reason: "decided in Friday's screening meeting"})
	r := must(t, caseload(t, nil, "referrals", "list", "--db", db, "--format", "json"))
	var list []struct {
		ScreenedAt         *string `json:"screened_at"`
		ScreeningEnteredAt *string `json:"screening_entered_at"`
		Clock              struct {
			Text string `json:"text"`
		} `json:"screening_clock"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 {
		t.Fatalf("%d referrals", len(list))
	}
	got := list[0]
	if got.ScreenedAt == nil || *got.ScreenedAt != "2026-11-20T16:00:00Z" {
		t.Errorf("screened_at %v, want 2026-11-20T16:00:00Z", got.ScreenedAt)
	}
	if got.ScreeningEnteredAt == nil || *got.ScreeningEnteredAt != "2026-11-23T09:15:00Z" {
		t.Errorf("screening_entered_at %v, want 2026-11-23T09:15:00Z", got.ScreeningEnteredAt)
	}
	if got.Clock.Text != "decided in 7h" {
		t.Errorf("clock %q, want decided in 7h", got.Clock.Text)
	}
}

// An unscreened referral has null for both.
func TestListScreeningEnteredAtNullUntilScreened(t *testing.T) {
	db := tempDB(t)
	must(t, caseload(t, nil, "init", "--db", db))
	must(t, caseload(t, nil, "referrals", "import", "--db", db,
		writeFile(t, "in.csv", importHeader+importRow("Zoë", "Whitworth-Hale", "999 000 0018", "2026-11-20 09:00"))))
	r := must(t, caseload(t, nil, "referrals", "list", "--db", db, "--format", "json"))
	var list []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil {
		t.Fatal(err)
	}
	if v, ok := list[0]["screening_entered_at"]; !ok || v != nil {
		t.Errorf("screening_entered_at = %v (present %v), want null", v, ok)
	}
}

// screenIn screens in the referral of family name family in db, entered at entered and
// made at made, through the store: no headless command screens.
func screenIn(t *testing.T, db, family string, entered time.Time, made domain.DecisionTime) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	rs, err := st.Referrals(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if r.Person.FamilyName == family {
			if _, err := st.ScreenReferralAt(ctx, "os:tester", entered, r.ID, domain.ScreenedIn, "", made); err != nil {
				t.Fatal(err)
			}
			return
		}
	}
	t.Fatalf("no referral for %s", family)
}

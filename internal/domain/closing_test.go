package domain

import (
	"errors"
	"strings"
	"testing"

	"caseload/internal/ident"
)

func TestCaseClosureCheck(t *testing.T) {
	d := ident.MustDate
	opened, today := d(2026, 1, 12), d(2026, 12, 3)
	for _, tt := range []struct {
		name  string
		c     CaseClosure
		field Field // "" when allowed
		words string
	}{
		{"support completed today", CaseClosure{On: today, Reason: ClosedCompleted}, "", ""},
		{"on the day it opened", CaseClosure{On: opened, Reason: ClosedDisengaged}, "", ""},
		{"no day", CaseClosure{Reason: ClosedCompleted}, FieldClosedOn, "give the day"},
		{"tomorrow", CaseClosure{On: today.AddDays(1), Reason: ClosedCompleted}, FieldClosedOn, "after today"},
		{"before it opened", CaseClosure{On: opened.AddDays(-1), Reason: ClosedCompleted}, FieldClosedOn, "before the case opened"},
		{"no reason", CaseClosure{On: today}, FieldClosingReason, "not a reason"},
		{"an unknown reason", CaseClosure{On: today, Reason: "finished"}, FieldClosingReason, "use completed, disengaged"},
		{"transferred, named", CaseClosure{On: today, Reason: ClosedTransferred, TransferredTo: "Mersey Care forensic CMHT"}, "", ""},
		{"transferred, unnamed", CaseClosure{On: today, Reason: ClosedTransferred, TransferredTo: "  "}, FieldTransferredTo, "name the service"},
		{"other, with words", CaseClosure{On: today, Reason: ClosedOther, Words: "joined another pilot"}, "", ""},
		{"other, without words", CaseClosure{On: today, Reason: ClosedOther}, FieldClosingWords, "say in words"},
		{"other, a pasted line break", CaseClosure{On: today, Reason: ClosedOther, Words: "joined\nanother"}, FieldClosingWords, "one line"},
		{"a service name too long", CaseClosure{On: today, Reason: ClosedTransferred, TransferredTo: strings.Repeat("x", 501)}, FieldTransferredTo, "under 500"},
		{"died, with the date", CaseClosure{On: today, Reason: ClosedDied, DiedOn: today.AddDays(-3)}, "", ""},
		{"died, no date", CaseClosure{On: today, Reason: ClosedDied}, FieldDiedOn, "date of death"},
		{"died after it closed", CaseClosure{On: today.AddDays(-5), Reason: ClosedDied, DiedOn: today}, FieldDiedOn, "after the case closed"},
		{"died before it opened", CaseClosure{On: today, Reason: ClosedDied, DiedOn: opened.AddDays(-1)}, FieldDiedOn, "before the case opened"},
		{"a date of death with another reason", CaseClosure{On: today, Reason: ClosedRecalled, DiedOn: today}, FieldDiedOn, "only with the reason died"},
		{"moved away", CaseClosure{On: today, Reason: ClosedMovedAway}, "", ""},
	} {
		err := tt.c.Check(opened, today)
		if tt.field == "" {
			if err != nil {
				t.Errorf("%s: refused: %v", tt.name, err)
			}
			continue
		}
		if err == nil || FieldOf(err) != tt.field || !errors.Is(err, ErrClosing) || !strings.Contains(err.Error(), tt.words) {
			t.Errorf("%s: %v (field %q); want refused at %s saying %q", tt.name, err, FieldOf(err), tt.field, tt.words)
		}
	}
}

func TestParseClosingReason(t *testing.T) {
	for _, r := range ClosingReasons {
		got, err := ParseClosingReason(" " + strings.ToUpper(string(r)) + " ")
		if err != nil || got != r {
			t.Errorf("%s: %q, %v", r, got, err)
		}
		if r.Label() == "" {
			t.Errorf("%s has no words", r)
		}
	}
	if _, err := ParseClosingReason("discharged"); err == nil {
		t.Error("an unknown reason was read")
	}
}

// The retention review: 20 years after the closing day, or 10 after death when sooner;
// 29 February lands on 1 March in a year without it.
func TestRetentionReviewOn(t *testing.T) {
	d := ident.MustDate
	r := MentalHealthRetention
	for _, tt := range []struct {
		name string
		c    CaseClosure
		want ident.Date
	}{
		{"support completed", CaseClosure{On: d(2026, 12, 3), Reason: ClosedCompleted}, d(2046, 12, 3)},
		{"closed on 29 February, twenty years on is a leap year", CaseClosure{On: d(2028, 2, 29), Reason: ClosedCompleted}, d(2048, 2, 29)},
		{"closed on 29 February, ten years after death is not", CaseClosure{On: d(2028, 2, 29), Reason: ClosedDied, DiedOn: d(2028, 2, 29)}, d(2038, 3, 1)},
		{"died: ten years after death is sooner", CaseClosure{On: d(2027, 1, 10), Reason: ClosedDied, DiedOn: d(2027, 1, 2)}, d(2037, 1, 2)},
		{"a date of death on another reason is not read", CaseClosure{On: d(2027, 1, 10), Reason: ClosedCompleted, DiedOn: d(2027, 1, 2)}, d(2047, 1, 10)},
		{"not closed", CaseClosure{}, ident.Date{}},
	} {
		if got := RetentionReviewOn(tt.c, r); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}
	c := CaseClosure{On: d(2026, 12, 3), Reason: ClosedCompleted}
	for _, tt := range []struct {
		today ident.Date
		want  bool
	}{{d(2046, 12, 2), false}, {d(2046, 12, 3), true}, {d(2050, 1, 1), true}} {
		if got := RetentionPassed(c, r, tt.today); got != tt.want {
			t.Errorf("passed on %s: %v, want %v", tt.today, got, tt.want)
		}
	}
	if RetentionPassed(CaseClosure{}, r, d(2100, 1, 1)) {
		t.Error("an open case's retention passed")
	}
	if r.Confirmed || !strings.Contains(r.Source, "Records Management Code of Practice 2021") {
		t.Errorf("the rule must name its source and stay unconfirmed until the service confirms it: %+v", r)
	}
}

func TestCheckReopen(t *testing.T) {
	lead := Clinician{Name: "Dr Amara Okonkwo-Reid", Active: true, Access: AccessLead}
	for _, tt := range []struct {
		name   string
		by     Clinician
		reason string
		words  string
	}{
		{"a lead, with a reason", lead, "released again on licence", ""},
		{"a lead, no reason", lead, "  ", "without a reason"},
		{"a clinician", Clinician{Name: "Dr Tom Halliwell", Active: true, Access: AccessClinician}, "back", "only a lead"},
		{"IT", Clinician{Name: "Ivy Okafor", Active: true, Access: AccessAdmin}, "back", "only a lead"},
		{"a deactivated lead", Clinician{Name: "Dr Former Lead", Access: AccessLead}, "back", "only a lead"},
	} {
		err := CheckReopen(tt.by, tt.reason)
		if tt.words == "" {
			if err != nil {
				t.Errorf("%s: %v", tt.name, err)
			}
			continue
		}
		if err == nil || !errors.Is(err, ErrReopen) || !strings.Contains(err.Error(), tt.words) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.words)
		}
	}
}

func TestOverCap(t *testing.T) {
	for _, tt := range []struct {
		open, cap int
		want      bool
	}{{0, 8, false}, {7, 8, false}, {8, 8, true}, {12, 8, true}, {3, 0, false}, {3, -1, false}, {1, 1, true}} {
		if got := OverCap(tt.open, tt.cap); got != tt.want {
			t.Errorf("OverCap(%d, %d) = %v, want %v", tt.open, tt.cap, got, tt.want)
		}
	}
}

// FuzzParseClosingReason: whatever is typed, a known reason or a sentence, never a panic;
// what is read is one of the reasons.
func FuzzParseClosingReason(f *testing.F) {
	for _, s := range []string{"completed", " Died ", "moved-away", "", "transferred\x00", "ölüm"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := ParseClosingReason(s)
		if err != nil {
			if r != "" {
				t.Errorf("%q: refused but read %q", s, r)
			}
			return
		}
		known := false
		for _, k := range ClosingReasons {
			known = known || k == r
		}
		if !known {
			t.Errorf("%q read as %q, not a reason", s, r)
		}
	})
}

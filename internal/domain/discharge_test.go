package domain

import (
	"errors"
	"testing"
	"time"

	"caseload/internal/ident"
)

func TestDischargeCheckForClosing(t *testing.T) {
	opened := time.Date(2025, 6, 2, 9, 0, 0, 0, time.UTC)
	now := time.Date(2026, 12, 3, 23, 30, 0, 0, time.UTC) // 23:30 in London, in winter
	whole := DischargeSummary{ID: 4, CaseID: 2, AuthorID: 7, Parts: map[SectionID]string{},
		Closure: CaseClosure{On: ident.MustDate(2026, 12, 3), Reason: ClosedCompleted}}
	for _, p := range DischargeParts {
		whole.Parts[p.ID] = "written"
	}
	with := func(edit func(*DischargeSummary)) DischargeSummary {
		d := whole
		d.Parts = map[SectionID]string{}
		for k, v := range whole.Parts {
			d.Parts[k] = v
		}
		edit(&d)
		return d
	}
	for _, tc := range []struct {
		name   string
		d      DischargeSummary
		signer int64
		field  Field // "" for a refusal of no field; "-" for none
	}{
		{"whole", whole, 7, "-"},
		{"another signer", whole, 8, ""},
		{"signed already", with(func(d *DischargeSummary) { d.SignedAt = now }), 7, ""},
		{"a part empty", with(func(d *DischargeSummary) { d.Parts["told"] = " " }), 7, "told"},
		{"closed tomorrow", with(func(d *DischargeSummary) { d.Closure.On = ident.MustDate(2026, 12, 4) }), 7, FieldClosedOn},
		{"no reason", with(func(d *DischargeSummary) { d.Closure.Reason = "" }), 7, FieldClosingReason},
	} {
		err := tc.d.CheckForClosing(tc.signer, opened, now)
		var fr *FieldRefusal
		switch {
		case tc.field == "-" && err != nil:
			t.Errorf("%s: %v, want none", tc.name, err)
		case tc.field == "-":
		case err == nil:
			t.Errorf("%s: no refusal", tc.name)
		case tc.field != "" && (!errors.As(err, &fr) || fr.Field != tc.field):
			t.Errorf("%s: %v, want a refusal of %s", tc.name, err, tc.field)
		}
	}
	if DischargeHash(whole) == DischargeHash(with(func(d *DischargeSummary) { d.Parts["risk"] = "changed" })) {
		t.Error("the hash does not cover the parts")
	}
	if DischargeHash(whole) == DischargeHash(with(func(d *DischargeSummary) { d.Closure.Reason = ClosedOther })) {
		t.Error("the hash does not cover the closure")
	}
}

func TestCaseClosureSays(t *testing.T) {
	for _, tc := range []struct {
		c    CaseClosure
		want string
	}{
		{CaseClosure{Reason: ClosedCompleted}, "support completed"},
		{CaseClosure{Reason: ClosedTransferred, TransferredTo: "Mersey Care"}, "transferred to Mersey Care"},
		{CaseClosure{Reason: ClosedDied, DiedOn: ident.MustDate(2026, 10, 9)}, "died on 9 Oct 2026"},
		{CaseClosure{Reason: ClosedOther, Words: "quashed"}, "other: quashed"},
		{CaseClosure{Reason: ClosedOther}, "other"},
	} {
		if got := tc.c.Says(); got != tc.want {
			t.Errorf("Says(%+v) = %q, want %q", tc.c, got, tc.want)
		}
	}
}

func TestTeamLoadPhases(t *testing.T) {
	today := ident.MustDate(2026, 12, 3)
	for _, tc := range []struct {
		name string
		p    Pathway
		want LoadPhase
	}{
		{"before the window", Pathway{Phase: PhaseBeforeWindow}, LoadBeforeWindow},
		{"pre-release", Pathway{Phase: PhasePreRelease}, LoadPreRelease},
		{"post-release, discharge far", Pathway{Phase: PhasePostRelease, DischargeDue: today.AddDays(31)}, LoadPostRelease},
		{"post-release, discharge in 30 days", Pathway{Phase: PhasePostRelease, DischargeDue: today.AddDays(30)}, LoadDischargeDue},
		{"discharge overdue", Pathway{Phase: PhaseDischargeOverdue}, LoadDischargeDue},
		{"recalled", Pathway{Phase: PhaseRecalled}, LoadReleaseOther},
		{"unknown", Pathway{Phase: PhaseReleaseUnknown}, LoadReleaseOther},
	} {
		if got := LoadPhaseOf(tc.p, today); got != tc.want {
			t.Errorf("%s: LoadPhaseOf = %s, want %s", tc.name, got, tc.want)
		}
	}
}

func TestCaseloadCapSetting(t *testing.T) {
	for _, tc := range []struct {
		value string
		want  int
	}{{"", DefaultCaseloadCap}, {"12", 12}, {"3", DefaultCaseloadCap}, {"eight", DefaultCaseloadCap}} {
		if got := CaseloadCap([]Setting{{Key: SettingCaseloadCap, Value: tc.value}}); got != tc.want {
			t.Errorf("CaseloadCap(%q) = %d, want %d", tc.value, got, tc.want)
		}
	}
}

package tui

import (
	"context"
	"strings"
	"testing"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// Accepting a referral for a clinician at the caseload cap is refused with who, how
// many and the cap; the form then asks why, keeps everything typed, and records the
// case with the reason.
func TestConsultationPastTheCapAsksWhy(t *testing.T) {
	st, d, id := oneReferral(t, eligibleReferral(), 100, 30)
	ctx := context.Background()
	if _, err := st.SetSetting(ctx, "test", testNow, domain.SettingCaseloadCap, "4"); err != nil {
		t.Fatal(err)
	}
	held := make([]domain.ImportedCase, 4)
	for i := range held {
		held[i] = domain.ImportedCase{ClinicianID: 1, AcceptedOn: ident.MustDate(2026, 6, 1),
			Person: domain.Person{GivenName: "Held", FamilyName: string(rune('A' + i)), DateOfBirth: ident.MustDate(1980, 1, 1+i)}}
	}
	if _, err := st.ImportCases(ctx, "test", testNow, held); err != nil {
		t.Fatal(err)
	}
	d.Keys("s enter enter enter enter y")
	d.Keys("c enter")
	d.Type("Sam Carter, COM, Probation Service").Keys("enter")
	d.Keys("enter")
	d.Type("Meets every criterion.").Keys("enter enter")
	d.Keys("enter") // the first clinician, who holds the cap
	d.Keys("y")
	if !strings.Contains(d.Screen(), "holds 4 open cases and the cap is 4") || !strings.Contains(d.Screen(), "past the caseload cap") {
		t.Fatalf("the refusal does not say so or ask why:\n%s", d.Screen())
	}
	if _, ok, _ := st.CaseForReferral(ctx, id); ok {
		t.Fatal("a case opened past the cap without a reason")
	}
	d.Type("The only clinician who has worked with her before").Keys("enter")
	d.Keys("y")
	kase, ok, err := st.CaseForReferral(ctx, id)
	if err != nil || !ok || kase.AllocatedClinicianID != 1 {
		t.Fatalf("no case opened with the reason (%v):\n%s", err, d.Screen())
	}
}

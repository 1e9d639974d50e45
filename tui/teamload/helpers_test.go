package teamload

import (
	"context"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/testdb"
	"caseload/store"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// testNow is a Tuesday morning in winter, so London is on GMT.
var testNow = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

const (
	amara = "Dr Amara Okonkwo-Reid" // the demo's lead
	tom   = "Dr Tom Halliwell"
)

// The store is the screen's source as it is, with no adapter between them.
var _ Source = (*store.Store)(nil)

// drive shows the Team screen of st to me at w×h, loaded.
func drive(t testing.TB, st *store.Store, me domain.Clinician, w, h int) (*tuitest.Driver, *tuitest.Host) {
	t.Helper()
	return tuitest.Open(t, newScreen(st, me)(), w, h)
}

// newScreen makes the Team screen of st as me sees it, afresh each call.
func newScreen(st *store.Store, me domain.Clinician) func() common.Screen {
	return func() common.Screen { return New(tuitest.Session(testNow, me), st) }
}

// busyTeam is the demo with the caseload cap at 4, one of Sanjay's cases handed over
// to Tom (who held 4) with a reason, and Beth deactivated while she holds her cases:
// a clinician over the cap, one who has left holding cases, and the case nobody holds.
func busyTeam(t testing.TB) *store.Store {
	t.Helper()
	ctx := context.Background()
	st := testdb.Demo(t, testNow)
	if _, err := st.SetSetting(ctx, "os:test", testNow, domain.SettingCaseloadCap, "4"); err != nil {
		t.Fatal(err)
	}
	sanjay := testdb.Clinician(t, st, "Sanjay Mistry")
	cases, err := st.CasesOnPathway(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		if c.ClinicianID == sanjay.ID {
			h := domain.Handover{CaseID: c.CaseID, To: testdb.Clinician(t, st, tom).ID, Note: "Sanjay's placement ends.",
				OverCapReason: "Tom knows him from custody."}
			if _, err := st.HandOver(ctx, testdb.Clinician(t, st, amara).ID, testNow, h, sanjay.ID); err != nil {
				t.Fatal(err)
			}
			break
		}
	}
	if err := st.DeactivateClinician(ctx, "os:test", testNow, testdb.Clinician(t, st, "Beth Armitage").ID); err != nil {
		t.Fatal(err)
	}
	return st
}

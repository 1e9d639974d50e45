package caseview

import (
	"context"
	"strings"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/testdb"
	"caseload/store"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// Finding 2 for the formulation: the tab shows revision 1 of the draft, another window
// saves revision 2, and y signs nothing: the store refuses the revision the dialog
// described, and the draft stays a draft holding the other window's text.
func TestFormulationSigningSignsTheRevisionShown(t *testing.T) {
	now := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	c := testdb.OneCase(t, now)
	ctx := context.Background()
	f, err := c.Store.SaveFormulationDraft(ctx, c.Clinician.ID, now, domain.Formulation{CaseID: c.ID,
		Sections: map[domain.SectionID]string{"plan": "Shown."}})
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(ctx, c.Store.Path(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	com := tuitest.Session(now, c.Clinician)
	com.ArmAfter = 0 // the driver skips timers: the dialog arms at once
	d, h := tuitest.Open(t, New(com, st, c.ID, TabFormulation), 100, 30)
	d.Keys("s")
	f.Sections["plan"] = "Written in the other window."
	if _, err := c.Store.SaveFormulationDraft(ctx, c.Clinician.ID, now.Add(time.Minute), f); err != nil {
		t.Fatal(err)
	}
	d.Keys("y")
	fs, err := c.Store.Formulations(ctx, c.ID)
	if err != nil || len(fs) != 1 || fs[0].Signed() || fs[0].Text("plan") != "Written in the other window." {
		t.Fatalf("after y: %+v, %v", fs, err)
	}
	said := false
	for _, m := range h.Sent {
		if e, ok := m.(common.ErrorMsg); ok && strings.Contains(e.Err.Error(), "saved a newer version of this draft") {
			said = true
		}
	}
	if !said {
		t.Fatalf("the refusal was not said: %#v", h.Sent)
	}
	d.Keys("s y") // read again: now the newer revision is the one shown and signed
	if fs, _ := c.Store.Formulations(ctx, c.ID); !fs[0].Signed() {
		t.Fatalf("signing the revision on screen: %+v", fs[0])
	}
}

package teamload

import (
	"context"
	"strings"
	"testing"

	"caseload/internal/domain"
	"caseload/internal/testdb"
	"caseload/tui/common"
)

// A case handed over in another session shows when the data changes, with the cursor
// still on the clinician it was on.
func TestHandoverElsewhereShowsInPlace(t *testing.T) {
	st := testdb.Demo(t, testNow)
	other := testdb.Another(t, st)
	lead, niamh := testdb.Clinician(t, st, amara), testdb.Clinician(t, st, "Dr Niamh Ó Dálaigh")
	d, h := drive(t, st, lead, 120, 40)
	m := h.Screen.(*Model)
	d.Keys("j j") // Beth, Amara, Niamh
	if m.selected().id != niamh.ID || !strings.Contains(rowOf(d.Screen(), "Dr Niamh"), "3 of 8") {
		t.Fatalf("cursor on %+v:\n%s", m.selected(), d.Screen())
	}
	cases, err := st.CasesOnPathway(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		if c.ClinicianID == 0 { // the case nobody holds goes to Niamh
			h := domain.Handover{CaseID: c.CaseID, To: niamh.ID, Note: "Niamh knows the AP."}
			if _, err := other.HandOver(context.Background(), lead.ID, testNow, h, 0); err != nil {
				t.Fatal(err)
			}
		}
	}
	d.Send(common.DataChangedMsg{})
	if m.selected().id != niamh.ID || !strings.Contains(rowOf(d.Screen(), "Dr Niamh"), "4 of 8") ||
		rowOf(d.Screen(), "unallocated") != "" {
		t.Errorf("the handover does not show, or the cursor moved off Niamh:\n%s", d.Screen())
	}
}

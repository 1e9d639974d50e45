package releaseform

import (
	"context"
	"strings"
	"testing"
	"time"

	"caseload/internal/clock"
	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/internal/testdb"
	"caseload/tui/common"
)

// A colleague changes the expected release date while the form is open: the form is not
// reloaded under the typist, it says who changed it and when, and that the save will be
// refused; the typing stays.
func TestColleaguesChangeIsShown(t *testing.T) {
	st, c := openCase(t, domain.PhasePreRelease)
	d, _ := drive(t, st, c, 120, 30)
	d.Keys("enter enter")
	d.Type("01/03/2027")
	d.Send(common.DataChangedMsg{})
	if strings.Contains(d.Screen(), "Changed by") {
		t.Fatalf("a change is claimed where there was none:\n%s", d.Screen())
	}
	niamh := testdb.Clinician(t, st, "Dr Niamh Ó Dálaigh")
	at := testNow.Add(-30 * time.Minute)
	k := startingKind(c.Release, ident.DateOf(testNow.In(clock.London()))) // the date the form is on
	to := domain.ReleaseDate{Date: ident.MustDate(2027, 2, 1), Kind: k}
	if _, err := testdb.Another(t, st).ChangeRelease(context.Background(), "clinician:"+itoa(niamh.ID), at, c.CaseID, to, "Recalculated by the OMU."); err != nil {
		t.Fatal(err)
	}
	d.Send(common.DataChangedMsg{})
	flat := strings.Join(strings.Fields(d.Screen()), " ")
	if !strings.Contains(flat, "Changed by Dr Niamh Ó Dálaigh at 08:30 since you opened this form: a change of the "+
		domain.SentenceDateName(k)+" will be refused; esc esc to leave and reopen.") {
		t.Errorf("the colleague's change is not shown:\n%s", d.Screen())
	}
	if !strings.Contains(d.Screen(), "01/03/2027") {
		t.Errorf("the typing was not kept:\n%s", d.Screen())
	}
}

// A colleague records a recall while the form is open: the event's recorder and time
// are named, and since an event is checked against the facts as they then stand, the
// advice is to reopen and look before saving.
func TestColleaguesRecallIsShown(t *testing.T) {
	st, c := openCase(t, domain.PhasePostRelease)
	d, _ := drive(t, st, c, 120, 30)
	d.Keys("down down enter")
	niamh := testdb.Clinician(t, st, "Dr Niamh Ó Dálaigh")
	if err := testdb.Another(t, st).RecordRecall(context.Background(), "clinician:"+itoa(niamh.ID), testNow.Add(-10*time.Minute), c.CaseID, ident.DateOf(testNow), "Breach of licence."); err != nil {
		t.Fatal(err)
	}
	d.Send(common.DataChangedMsg{})
	flat := strings.Join(strings.Fields(d.Screen()), " ")
	if !strings.Contains(flat, "Changed by Dr Niamh Ó Dálaigh at 08:50 since you opened this form: esc esc to leave and reopen it before you save.") {
		t.Errorf("the colleague's recall is not shown:\n%s", d.Screen())
	}
}

// A save refused because a colleague changed the same date keeps the day typed, says
// what the date now is, and takes the facts as they are now: the second save, made
// knowing it, records over it. Nothing typed is lost on the way.
func TestRefusedOverAColleagueSavesAgainOnPurpose(t *testing.T) {
	st, c := openCase(t, domain.PhasePreRelease)
	k := startingKind(c.Release, ident.DateOf(testNow.In(clock.London())))
	d, h := drive(t, st, c, 120, 30)
	d.Keys("enter enter").Type("20/08/2027").Keys("enter enter").Type("From the POM's email.")
	theirs := domain.ReleaseDate{Date: ident.MustDate(2027, 8, 13), Kind: k}
	if _, err := testdb.Another(t, st).ChangeRelease(context.Background(), "clinician:1", testNow, c.CaseID, theirs, "From NOMIS."); err != nil {
		t.Fatal(err)
	}
	d.Keys("enter")
	flat := strings.Join(strings.Fields(d.Screen()), " ")
	if !strings.Contains(flat, "it is now 13 Aug 2027 ("+string(k)+"). Your day is kept: save again to record it over that") ||
		!strings.Contains(flat, "20/08/2027") || !strings.Contains(flat, "From the POM's email.") || saved(h) {
		t.Fatalf("the refusal does not say what the date now is, or lost the typing:\n%s", d.Screen())
	}
	if !strings.Contains(flat, "Sentence dates: 13 Aug 2027 ("+string(k)+")") {
		t.Errorf("the intro still shows the date the form opened on:\n%s", d.Screen())
	}
	d.Keys("enter")
	if !saved(h) {
		t.Fatalf("the second save, made knowing theirs, was refused:\n%s", d.Screen())
	}
	r, err := st.CaseRelease(context.Background(), c.CaseID)
	if err != nil || r.Dates.Of(k).Date != ident.MustDate(2027, 8, 20) {
		t.Fatalf("%s is %+v (%v), want 2027-08-20", k, r.Dates.Of(k), err)
	}
	if last := r.History[len(r.History)-1]; last.From.Date != theirs.Date || last.Reason != "From the POM's email." {
		t.Errorf("the history does not show theirs replaced: %+v", last)
	}
}

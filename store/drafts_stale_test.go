package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"caseload/internal/domain"
)

// secondHandle opens the file of s again, as a second window or process would.
func secondHandle(t *testing.T, s *Store) *Store {
	t.Helper()
	other, err := Open(context.Background(), s.path, Options{})
	if err != nil {
		t.Fatalf("opening %s a second time: %v", s.path, err)
	}
	t.Cleanup(func() { _ = other.Close() })
	return other
}

// stale fails unless err is a refusal naming who changed the draft, to which revision.
func stale(t *testing.T, what string, err error, kind error, by string, rev int, signed bool) *StaleError {
	t.Helper()
	var se *StaleError
	switch {
	case !errors.Is(err, kind):
		t.Fatalf("%s: %v, want %v", what, err, kind)
	case !errors.As(err, &se):
		t.Fatalf("%s: %v carries no *StaleError", what, err)
	case se.By != by || se.Revision != rev || se.Signed != signed:
		t.Fatalf("%s: %+v, want by %s, revision %d, signed %v", what, se, by, rev, signed)
	}
	return se
}

// Finding 1 (lost update): two windows read revision 1 of one draft and each saves; the
// second save is refused, names who saved first and when in London time, and the first
// window's text is what the draft holds.
func TestTwoWindowsSavingOneNoteDraft(t *testing.T) {
	ctx := context.Background()
	a := newStore(t)
	ali := mustClinician(t, a, "Dr Amira Shah", true)
	caseID := openCase(t, a, ali, 0)
	n := mustSave(t, a, ali, draft(caseID, "Opened in both windows."))
	if n.Revision != 1 {
		t.Fatalf("a new draft has revision %d, want 1", n.Revision)
	}
	b := secondHandle(t, a)
	inA, inB := n, n
	inA.Text, inB.Text = "Typed in window A.", "Typed in window B."
	savedA, err := a.SaveNoteDraft(ctx, ali, t0.Add(5*time.Minute), inA) // 09:05 UTC, 09:05 London in November
	if err != nil || savedA.Revision != 2 {
		t.Fatalf("first save = revision %d, %v", savedA.Revision, err)
	}
	audit := count(t, a, "audit")
	_, err = b.SaveNoteDraft(ctx, ali, t0.Add(6*time.Minute), inB)
	se := stale(t, "the second save from revision 1", err, ErrStale, "Dr Amira Shah", 2, false)
	if want := "Dr Amira Shah saved a newer version of this draft at 09:05"; err.Error() != want || se.Tried != 1 {
		t.Errorf("refusal says %q (tried %d), want %q", err, se.Tried, want)
	}
	got, err := b.Note(ctx, n.ID)
	if err != nil || got.Text != "Typed in window A." || got.Revision != 2 {
		t.Fatalf("the draft holds %q at revision %d (%v)", got.Text, got.Revision, err)
	}
	if c := count(t, a, "audit"); c != audit {
		t.Errorf("a refused save wrote %d audit entries", c-audit)
	}
	// Saving over it is a choice made from the latest revision, and counts on from it.
	inB.Revision = got.Revision
	if over, err := b.SaveNoteDraft(ctx, ali, t0.Add(7*time.Minute), inB); err != nil || over.Revision != 3 || over.Text != inB.Text {
		t.Fatalf("saving over from the latest revision = %+v, %v", over, err)
	}
	mustVerify(t, a)
}

// Finding 2 (signing text never on screen): window A shows revision 1; window B saves
// revision 2; A's signing of revision 1 is refused and the note stays a draft holding
// B's text. Signing what is now on screen (revision 2) works.
func TestSigningAnOlderRevisionIsRefused(t *testing.T) {
	ctx := context.Background()
	a := newStore(t)
	ali := mustClinician(t, a, "Dr Amira Shah", true)
	caseID := openCase(t, a, ali, 0)
	shown := mustSave(t, a, ali, draft(caseID, "What A read."))
	b := secondHandle(t, a)
	edited := shown
	edited.Text = "What B wrote after."
	if _, err := b.SaveNoteDraft(ctx, ali, t0.Add(time.Minute), edited); err != nil {
		t.Fatal(err)
	}
	_, err := a.SignNote(ctx, ali, t0.Add(2*time.Minute), shown.ID, shown.Revision)
	stale(t, "signing revision 1", err, ErrStale, "Dr Amira Shah", 2, false)
	now, err := a.Note(ctx, shown.ID)
	if err != nil || now.Signed() || now.Text != "What B wrote after." {
		t.Fatalf("after the refused signing: %+v, %v", now, err)
	}
	signed, err := a.SignNote(ctx, ali, t0.Add(3*time.Minute), now.ID, now.Revision)
	if err != nil || signed.Text != "What B wrote after." || signed.Revision != 2 {
		t.Fatalf("signing the revision on screen = %+v, %v", signed, err)
	}
	if d := lastDetail(t, a, "note", now.ID, "note.signed"); d["revision"] != float64(2) {
		t.Errorf("note.signed detail = %v, want the revision signed", d)
	}
	// Finding 3's cause: the other window's save now meets a signed note, and is told who
	// signed it and when, unwrapping to the signing rule.
	edited.Revision = 2
	_, err = b.SaveNoteDraft(ctx, ali, t0.Add(4*time.Minute), edited)
	stale(t, "saving a note signed elsewhere", err, ErrConflict, "Dr Amira Shah", 2, true)
	if !errors.Is(err, domain.ErrSigned) || err.Error() != "this note was signed by Dr Amira Shah at 09:03: signed records cannot be changed" {
		t.Errorf("refusal = %q", err)
	}
	mustVerify(t, a)
}

// The same for the formulation: two saves from one revision, a signing from an old
// one, a second draft started in another window, and a draft of a version that another
// window signed meanwhile.
func TestTwoWindowsOnOneFormulation(t *testing.T) {
	ctx := context.Background()
	a := newStore(t)
	ali := mustClinician(t, a, "Dr Amira Shah", true)
	caseID := openCase(t, a, ali, 0)
	b := secondHandle(t, a)
	sections := func(plan string) map[domain.SectionID]string { return map[domain.SectionID]string{"plan": plan} }
	v1, err := a.SaveFormulationDraft(ctx, ali, t0, domain.Formulation{CaseID: caseID, Version: 1, Sections: sections("A")})
	if err != nil || v1.Revision != 1 {
		t.Fatalf("v1 = %+v, %v", v1, err)
	}
	// Window B had also started version 1 before A's first save reached the file.
	_, err = b.SaveFormulationDraft(ctx, ali, t0, domain.Formulation{CaseID: caseID, Version: 1, Sections: sections("B")})
	stale(t, "a second draft of version 1 in another window", err, ErrStale, "Dr Amira Shah", 1, false)

	inA, inB := v1, v1
	inA.Sections, inB.Sections = sections("A, more"), sections("B, more")
	if _, err := a.SaveFormulationDraft(ctx, ali, t0.Add(time.Minute), inA); err != nil {
		t.Fatal(err)
	}
	_, err = b.SaveFormulationDraft(ctx, ali, t0.Add(2*time.Minute), inB)
	stale(t, "the second save from revision 1", err, ErrStale, "Dr Amira Shah", 2, false)
	_, err = b.SignFormulation(ctx, ali, t0.Add(2*time.Minute), v1.ID, v1.Revision)
	stale(t, "signing revision 1", err, ErrStale, "Dr Amira Shah", 2, false)
	fs, err := b.Formulations(ctx, caseID)
	if err != nil || len(fs) != 1 || fs[0].Signed() || fs[0].Text("plan") != "A, more" {
		t.Fatalf("after the refusals: %+v, %v", fs, err)
	}
	signed, err := a.SignFormulation(ctx, ali, t0.Add(3*time.Minute), fs[0].ID, fs[0].Revision)
	if err != nil {
		t.Fatal(err)
	}
	// B's editor still holds version 1: saving it meets the signature.
	inB.Revision = 2
	_, err = b.SaveFormulationDraft(ctx, ali, t0.Add(4*time.Minute), inB)
	stale(t, "saving a version signed elsewhere", err, ErrConflict, "Dr Amira Shah", 2, true)
	// Two windows each start version 2 from the signed version 1; one signs it; the other
	// may not turn its text silently into version 3 over what it never saw.
	next := signed.NextDraft(ali, t0)
	v2, err := a.SaveFormulationDraft(ctx, ali, t0.Add(5*time.Minute), next)
	if err == nil {
		_, err = a.SignFormulation(ctx, ali, t0.Add(6*time.Minute), v2.ID, v2.Revision)
	}
	if err != nil {
		t.Fatal(err)
	}
	_, err = b.SaveFormulationDraft(ctx, ali, t0.Add(7*time.Minute), next)
	se := stale(t, "a draft of a version signed since", err, ErrConflict, "Dr Amira Shah", 1, true)
	if se.Version != 2 || !errors.Is(err, domain.ErrSigned) {
		t.Errorf("refusal names version %d (%v)", se.Version, err)
	}
	// Keeping that text as a new draft is the next version, on purpose.
	keep := v2.NextDraft(ali, t0)
	keep.Sections = next.Sections
	if v3, err := b.SaveFormulationDraft(ctx, ali, t0.Add(8*time.Minute), keep); err != nil || v3.Version != 3 {
		t.Fatalf("keeping the text as version 3 = %+v, %v", v3, err)
	}
	mustVerify(t, a)
}

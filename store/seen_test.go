package store

import (
	"context"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// Two people change a case's release date from forms opened on the same facts: the
// second is refused, not recorded over the first unseen.
func TestChangeReleaseSeenRefusesALostUpdate(t *testing.T) {
	ctx := context.Background()
	s, caseID := releaseCase(t)
	opened := domain.ReleaseDate{} // both forms opened on an unknown date
	first := domain.ReleaseDate{Date: ident.MustDate(2027, 1, 6), Kind: domain.ReleaseHDCAD, Confirmed: true}
	if _, err := s.ChangeReleaseSeen(ctx, "os:alice", t0, caseID, opened, first, "HDC approved"); err != nil {
		t.Fatal(err)
	}
	second := domain.ReleaseDate{Date: ident.MustDate(2027, 4, 6), Kind: domain.ReleaseHDCAD}
	_, err := s.ChangeReleaseSeen(ctx, "os:bob", t0.Add(time.Minute), caseID, opened, second, "HDC postponed")
	wantErr(t, "a change over one not seen", err, "changed by someone else", ErrConflict)
	r, err := s.CaseRelease(ctx, caseID)
	if err != nil || r.Dates.Of(first.Kind) != first || len(r.History) != 1 {
		t.Fatalf("after the refusal: %+v, %v; want the first change only", r, err)
	}
	if _, err := s.ChangeReleaseSeen(ctx, "os:bob", t0.Add(time.Minute), caseID, first, second, "HDC postponed"); err != nil {
		t.Errorf("reopened on what is there, the change is refused: %v", err)
	}
	// Each date is seen on its own: an LED recorded from a form opened before the HDCAD
	// changed does not overwrite anything, so it is not refused.
	led := domain.ReleaseDate{Date: ident.MustDate(2029, 4, 6), Kind: domain.ReleaseLED}
	if _, err := s.ChangeReleaseSeen(ctx, "os:alice", t0.Add(2*time.Minute), caseID, opened, led, "From NOMIS"); err != nil {
		t.Errorf("a date of another kind was refused: %v", err)
	}
}

// The same for a case's standing with a forum, new or recorded.
func TestSetInvolvementSeenRefusesALostUpdate(t *testing.T) {
	ctx := context.Background()
	s, caseID := forumCase(t)
	bare := domain.ForumInvolvement{CaseID: caseID, Forum: domain.ForumMAPPA}
	level1 := domain.ForumInvolvement{CaseID: caseID, Forum: domain.ForumMAPPA, Category: domain.MAPPACategory2, Level: 1, Active: true}
	level2 := level1
	level2.Level = 2
	if err := s.SetInvolvementSeen(ctx, "os:alice", t0, bare, level1); err != nil {
		t.Fatal(err)
	}
	err := s.SetInvolvementSeen(ctx, "os:bob", t0, bare, level2)
	wantErr(t, "a new standing over one not seen", err, "changed by someone else", ErrConflict)
	if err := s.SetInvolvementSeen(ctx, "os:bob", t0, level1, level2); err != nil {
		t.Fatal(err)
	}
	closed := level1
	closed.Active = false
	err = s.SetInvolvementSeen(ctx, "os:alice", t0, level1, closed)
	wantErr(t, "closing over a level not seen", err, "changed by someone else", ErrConflict)
	f, err := s.CaseForums(ctx, caseID)
	if v, ok := f.Involved(domain.ForumMAPPA); err != nil || !ok || v != level2 {
		t.Errorf("standing %+v (%v), want level 2 kept", v, err)
	}
}

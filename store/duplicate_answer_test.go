package store

import (
	"context"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

var dupDOB = ident.MustDate(1990, time.February, 3)

// twoBrennans holds Aoife Brennan and adds a referral for another Brennan born the same
// day with nothing shared, edited by edit: a possible duplicate. It returns the referral
// as a view would show it and the person held.
func twoBrennans(t *testing.T, s *Store, held domain.Person, edit func(*domain.Person)) (domain.Referral, domain.Person) {
	t.Helper()
	ctx := context.Background()
	first := minimalReferral()
	first.Person = held
	mustAdd(t, s, first)
	r := minimalReferral()
	r.Person = domain.Person{GivenName: "Eve", FamilyName: "Brennan", DateOfBirth: dupDOB}
	edit(&r.Person)
	id, m, err := s.AddReferralMatched(ctx, "test", t0, r)
	if err != nil || m.Kind != domain.MatchPossible {
		t.Fatalf("second referral: %+v, %v", m, err)
	}
	got, err := s.Referral(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	h, err := s.Person(ctx, got.PossibleDuplicateOf)
	if err != nil {
		t.Fatal(err)
	}
	return got, h
}

func aoife() domain.Person {
	return domain.Person{GivenName: "Aoife", FamilyName: "Brennan", DateOfBirth: dupDOB, PrisonNumber: "A1234BC"}
}

// "Same person": the referral joins the person held, who gains the identifiers they
// lacked; the referral's own person, referred to by nothing else, is removed; the audit
// says all of it; the question is answered. docs/RULES.md, "Possible duplicates".
func TestAnswerDuplicateSame(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	pnc := testPNC(t, 42)
	r, held := twoBrennans(t, s, aoife(), func(p *domain.Person) { p.NHSNumber, p.PNCID = testNHS(3), pnc })
	people := count(t, s, "people")
	if err := s.AnswerDuplicate(ctx, "os:alice", t0.Add(time.Hour), r.ID, domain.DuplicateSame, r.Person, held); err != nil {
		t.Fatal(err)
	}
	got, err := s.Referral(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := held
	want.NHSNumber, want.PNCID = testNHS(3), pnc // filled; the prison number kept
	if got.Person != want {
		t.Errorf("the referral's person is %+v, want %+v", got.Person, want)
	}
	if got.PossibleDuplicateOf != held.ID || got.DuplicateOpen() ||
		got.Duplicate != (domain.DuplicateAnswered{Answer: domain.DuplicateSame, By: "os:alice", At: t0.Add(time.Hour)}) {
		t.Errorf("answer %+v, possible duplicate of %d", got.Duplicate, got.PossibleDuplicateOf)
	}
	if n := count(t, s, "people"); n != people-1 {
		t.Errorf("%d people, want %d: the person the referral came in under is not removed", n, people-1)
	}
	if _, err := s.Person(ctx, r.Person.ID); err == nil {
		t.Errorf("person %d is still held", r.Person.ID)
	}
	d := lastDetail(t, s, "referral", r.ID, "referral.duplicate-answered")
	filled, _ := d["filled"].([]any)
	removed, _ := d["person_removed"].(map[string]any)
	if d["answer"] != "same" || d["person_id"] != float64(r.Person.ID) || d["held_person_id"] != float64(held.ID) ||
		len(filled) != 2 || removed["given_name"] != "Eve" || removed["nhs_number"] != string(testNHS(3)) {
		t.Errorf("audit detail %v", d)
	}
	// Answered, the question is not asked again; a second answer is refused.
	err = s.AnswerDuplicate(ctx, "os:bob", t0.Add(2*time.Hour), r.ID, domain.DuplicateNotSame, got.Person, want)
	wantErr(t, "answering twice", err, "already answered the same person", ErrConflict)
	mustVerify(t, s)
}

// "Not the same person" records only the answer: both people stay as they were.
func TestAnswerDuplicateNotSame(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	r, held := twoBrennans(t, s, aoife(), func(p *domain.Person) { p.NHSNumber = testNHS(3) })
	if !r.DuplicateOpen() {
		t.Fatal("a possible duplicate does not ask")
	}
	people := count(t, s, "people")
	if err := s.AnswerDuplicate(ctx, "clinician:1", t0, r.ID, domain.DuplicateNotSame, r.Person, held); err == nil {
		t.Fatal("an unknown clinician answered") // clinician 1 does not exist
	}
	if err := s.AnswerDuplicate(ctx, "os:alice", t0, r.ID, domain.DuplicateNotSame, r.Person, held); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Referral(ctx, r.ID)
	h, _ := s.Person(ctx, held.ID)
	if got.Person != r.Person || h != held || count(t, s, "people") != people {
		t.Errorf("people changed: %+v, %+v", got.Person, h)
	}
	if got.DuplicateOpen() || got.Duplicate.Answer != domain.DuplicateNotSame || got.Duplicate.By != "os:alice" || !got.Duplicate.At.Equal(t0) {
		t.Errorf("answer %+v", got.Duplicate)
	}
	if d := lastDetail(t, s, "referral", r.ID, "referral.duplicate-answered"); d["answer"] != "not-same" || d["filled"] != nil || d["person_removed"] != nil {
		t.Errorf("audit detail %v", d)
	}
	mustVerify(t, s)
	// The schema holds the rule too: an answer only where there was a question, and
	// always with who and when.
	refusedSQL(t, s, "CHECK constraint failed",
		"UPDATE referrals SET duplicate_answer = 'maybe' WHERE id = 2",
		"UPDATE referrals SET duplicate_answered_by = NULL WHERE id = 2",
		"UPDATE referrals SET duplicate_answer = 'same', duplicate_answered_by = 'os:x', duplicate_answered_at = '2026-11-24T09:00:00Z' WHERE id = 1")
}

// Answers that cannot be recorded are refused with a sentence, and change nothing.
func TestAnswerDuplicateRefused(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name    string
		held    func(*domain.Person)
		other   func(*domain.Person)
		answer  domain.DuplicateAnswer
		saysPre string
		kind    error
	}{
		{"two NHS numbers", func(p *domain.Person) { p.NHSNumber = testNHS(1) }, func(p *domain.Person) { p.NHSNumber = testNHS(3) },
			domain.DuplicateSame, "not joined: the person held has NHS number " + testNHS(1).String(), ErrConflict},
		{"two prison numbers", func(*domain.Person) {}, func(p *domain.Person) { p.PrisonNumber = "B7654CD" },
			domain.DuplicateSame, "the person held has prison number A1234BC and this referral's person B7654CD", ErrConflict},
		{"no such answer", func(*domain.Person) {}, func(*domain.Person) {}, "maybe", `"maybe" is not an answer`, ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			h := aoife()
			tt.held(&h)
			r, held := twoBrennans(t, s, h, tt.other)
			audit := count(t, s, "audit")
			err := s.AnswerDuplicate(ctx, "os:alice", t0, r.ID, tt.answer, r.Person, held)
			wantErr(t, tt.name, err, tt.saysPre, tt.kind)
			got, _ := s.Referral(ctx, r.ID)
			if got.Person != r.Person || got.DuplicateOpen() != true || count(t, s, "audit") != audit {
				t.Errorf("changed: %+v, audit %d was %d", got, count(t, s, "audit"), audit)
			}
		})
	}
	s := newStore(t)
	id := mustAdd(t, s, minimalReferral())
	err := s.AnswerDuplicate(ctx, "os:alice", t0, id, domain.DuplicateSame, domain.Person{}, domain.Person{})
	wantErr(t, "no possible duplicate", err, "is not a possible duplicate", ErrInvalid)
}

// Two sessions on one file: a person corrected in one after the other showed the
// question is not joined on what was shown; answered in one, the other's answer is
// refused.
func TestAnswerDuplicateSeen(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	r, held := twoBrennans(t, s, aoife(), func(*domain.Person) {})
	other, err := Open(ctx, s.Path(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = other.Close() })
	// A colleague corrects the person held's date of birth.
	was, _ := other.Referral(ctx, 1)
	fixed := was
	fixed.Person.DateOfBirth = ident.MustDate(1991, time.February, 3)
	if err := other.UpdateReferral(ctx, "os:bob", t0, was, fixed); err != nil {
		t.Fatal(err)
	}
	err = s.AnswerDuplicate(ctx, "os:alice", t0, r.ID, domain.DuplicateSame, r.Person, held)
	wantErr(t, "the person held changed", err, "Aoife Brennan's details changed since they were shown", ErrConflict)
	// And the referral's own person.
	was, _ = other.Referral(ctx, r.ID)
	fixed = was
	fixed.Person.GivenName = "Evie"
	if err := other.UpdateReferral(ctx, "os:bob", t0, was, fixed); err != nil {
		t.Fatal(err)
	}
	held, _ = s.Person(ctx, held.ID)
	err = s.AnswerDuplicate(ctx, "os:alice", t0, r.ID, domain.DuplicateNotSame, r.Person, held)
	wantErr(t, "the referral's person changed", err, "Evie Brennan's details changed", ErrConflict)
	// Both read again: one answers, the other is refused.
	now, _ := s.Referral(ctx, r.ID)
	if err := other.AnswerDuplicate(ctx, "os:bob", t0, r.ID, domain.DuplicateNotSame, now.Person, held); err != nil {
		t.Fatal(err)
	}
	err = s.AnswerDuplicate(ctx, "os:alice", t0, r.ID, domain.DuplicateSame, now.Person, held)
	wantErr(t, "answered elsewhere", err, "bob already answered not the same person", ErrConflict)
}

// A person something else still refers to is kept: here a later referral joined them
// on their NHS number. Their NHS number then cannot move to the person held, since one
// NHS number is one person; without one, the join goes ahead and the person stays.
func TestAnswerDuplicateKeepsAPersonStillReferredTo(t *testing.T) {
	ctx := context.Background()
	for _, nhs := range []ident.NHSNumber{testNHS(3), ""} {
		s := newStore(t)
		r, held := twoBrennans(t, s, aoife(), func(p *domain.Person) { p.NHSNumber, p.CRN = nhs, "X123456" })
		again := minimalReferral()
		again.Person = r.Person
		again.Person.ID = 0
		if nhs == "" {
			again.Person.DateOfBirth = ident.Date{} // joined by nothing but an id: added by hand below
		}
		later := mustAdd(t, s, again)
		if nhs == "" {
			if _, err := s.db.Exec("UPDATE referrals SET person_id = ? WHERE id = ?", r.Person.ID, later); err != nil {
				t.Fatal(err)
			}
		}
		err := s.AnswerDuplicate(ctx, "os:alice", t0, r.ID, domain.DuplicateSame, r.Person, held)
		if nhs != "" {
			wantErr(t, "an NHS number held twice", err, "Eve Brennan's NHS number "+nhs.String()+" is also on referral 3", ErrConflict)
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if p, err := s.Person(ctx, r.Person.ID); err != nil || p != r.Person {
			t.Errorf("the person still referred to: %+v, %v", p, err)
		}
		if h, _ := s.Person(ctx, held.ID); h.CRN != "X123456" {
			t.Errorf("the CRN is not filled: %+v", h)
		}
		if d := lastDetail(t, s, "referral", r.ID, "referral.duplicate-answered"); d["person_removed"] != nil {
			t.Errorf("audit says removed: %v", d)
		}
	}
}

// A referral already accepted moves with its case: search finds its notes under the
// person held, and the file verifies (a case's person is its referral's).
func TestAnswerDuplicateMovesTheCase(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	first := minimalReferral()
	first.Person = aoife()
	mustAdd(t, s, first)
	clinician := mustClinician(t, s, "Dr Amira Shah", true)
	caseID := openCaseWith(t, s, clinician, 0, func(r *domain.Referral) {
		r.Person = domain.Person{GivenName: "Eve", FamilyName: "Brennan", DateOfBirth: dupDOB, NHSNumber: testNHS(3)}
	})
	signedNote(t, s, clinician, caseID, "Talked through the move to supported housing in Lancaster.")
	c, err := s.Case(ctx, caseID)
	if err != nil {
		t.Fatal(err)
	}
	r, _ := s.Referral(ctx, c.ReferralID)
	held, _ := s.Person(ctx, r.PossibleDuplicateOf)
	if err := s.AnswerDuplicate(ctx, "os:alice", t0, r.ID, domain.DuplicateSame, r.Person, held); err != nil {
		t.Fatal(err)
	}
	if c, _ := s.Case(ctx, caseID); c.PersonID != held.ID {
		t.Errorf("the case is about person %d, want %d", c.PersonID, held.ID)
	}
	found, err := s.Search(ctx, clinician, "lancaster housing", 0)
	if err != nil || len(found) != 1 || found[0].Person != "Aoife Brennan" {
		t.Errorf("search: %+v, %v", found, err)
	}
	mustVerify(t, s)
}

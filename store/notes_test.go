package store

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"

	"caseload/internal/domain"
)

func TestNoteDraftSaveSign(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	ali, bea := mustClinician(t, s, "Dr Ali", true), mustClinician(t, s, "Bea Nurse", true)
	caseID := openCase(t, s, ali, 0)

	n := mustSave(t, s, ali, draft(caseID, "First words."))
	if n.ID == 0 || n.AuthorID != ali || n.Signed() || !n.CreatedAt.Equal(t0) || n.Text != "First words." {
		t.Fatalf("draft = %+v", n)
	}
	n.Text = "First words, then more."
	later := t0.Add(90 * time.Second)
	n2, err := s.SaveNoteDraft(ctx, ali, later, n)
	if err != nil || n2.ID != n.ID || n2.Text != n.Text || !n2.CreatedAt.Equal(t0) || !n2.UpdatedAt.Equal(later) {
		t.Fatalf("update = %+v, %v", n2, err)
	}
	if c := count(t, s, "notes"); c != 1 {
		t.Fatalf("%d notes after an update", c)
	}
	if d := lastDetail(t, s, "note", n.ID, "note.draft_saved"); d["note_id"] != float64(n.ID) || d["created"] != false || len(d) != 3 {
		t.Errorf("note.draft_saved detail = %v", d)
	}

	// A draft is its author's alone.
	_, err = s.SaveNoteDraft(ctx, bea, later, n)
	wantErr(t, "another's draft", err, "only its author", ErrConflict)
	_, err = s.SignNote(ctx, bea, later, n.ID, n.Revision)
	wantErr(t, "signing another's draft", err, "only the author", ErrInvalid)
	for viewer, want := range map[int64]int{ali: 1, bea: 0} {
		if ns, err := s.Notes(ctx, caseID, viewer); err != nil || len(ns) != want {
			t.Errorf("Notes for %d = %d notes, %v; want %d", viewer, len(ns), err, want)
		}
		if ds, err := s.Drafts(ctx, viewer); err != nil || len(ds) != want {
			t.Errorf("Drafts of %d = %d, %v; want %d", viewer, len(ds), err, want)
		}
	}

	signedAt := t0.Add(2 * time.Minute)
	signed, err := s.SignNote(ctx, ali, signedAt, n.ID, n2.Revision)
	if err != nil || !signed.SignedAt.Equal(signedAt) || signed.Hash != domain.SignedNoteHash(signed) || len(signed.Hash) != 64 {
		t.Fatalf("SignNote = %+v, %v", signed, err)
	}
	if d := lastDetail(t, s, "note", n.ID, "note.signed"); d["hash"] != signed.Hash || d["case_id"] != float64(caseID) {
		t.Errorf("note.signed detail = %v", d)
	}
	if got, err := s.Note(ctx, n.ID); err != nil || !reflect.DeepEqual(got, signed) {
		t.Errorf("Note = %+v, %v\nwant %+v", got, err, signed)
	}
	if ns, err := s.Notes(ctx, caseID, bea); err != nil || len(ns) != 1 || !reflect.DeepEqual(ns[0], signed) {
		t.Errorf("Notes for another clinician = %+v, %v", ns, err)
	}

	// Signed is final: for the store, and for SQL behind its back.
	_, err = s.SignNote(ctx, ali, later, n.ID, n.Revision)
	wantErr(t, "signing twice", err, "signed", ErrConflict, domain.ErrSigned)
	_, err = s.SaveNoteDraft(ctx, ali, later, signed)
	wantErr(t, "saving a signed note", err, "signed", ErrConflict, domain.ErrSigned)
	id := fmt.Sprint(n.ID)
	refusedSQL(t, s, "signed notes cannot be changed",
		"UPDATE notes SET text = 'rewritten' WHERE id = "+id,
		"UPDATE notes SET signed_at = NULL, hash = NULL WHERE id = "+id)
	refusedSQL(t, s, "signed notes cannot be deleted", "DELETE FROM notes WHERE id = "+id, "DELETE FROM notes")
	if got, _ := s.Note(ctx, n.ID); !reflect.DeepEqual(got, signed) {
		t.Errorf("the signed note changed: %+v", got)
	}
	mustVerify(t, s)
}

func TestNoteRefusals(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	ali, gone := mustClinician(t, s, "Dr Ali", true), mustClinician(t, s, "Left", false)
	caseID := openCase(t, s, ali, 0)
	audit := count(t, s, "audit")

	bad := func(edit func(*domain.Note)) domain.Note {
		n := draft(caseID, "Text.")
		edit(&n)
		return n
	}
	for _, tt := range []struct {
		name string
		note domain.Note
		by   int64
		says string
		kind error
	}{
		{"unknown type", bad(func(n *domain.Note) { n.Type = "pigeon" }), ali, `"pigeon" is not one of face-to-face`, ErrInvalid},
		{"negative duration", bad(func(n *domain.Note) { n.DurationMinutes = -5 }), ali, "negative", ErrInvalid},
		{"invalid UTF-8", bad(func(n *domain.Note) { n.Text = "ok \xff\xfe" }), ali, "not valid UTF-8", ErrInvalid},
		{"NUL", bad(func(n *domain.Note) { n.Present = "a\x00b" }), ali, "who was present contains a NUL", ErrInvalid},
		{"too long", bad(func(n *domain.Note) { n.Text = string(make([]byte, MaxTextBytes+1)) }), ali, "over the limit of 1 MiB", ErrInvalid},
		{"year 0001 contact", bad(func(n *domain.Note) { n.ContactAt = time.Date(1, 1, 1, 0, 0, 1, 0, time.UTC) }), ali, "out of range", ErrInvalid},
		{"no such case", bad(func(n *domain.Note) { n.CaseID = 999 }), ali, "case 999 does not exist", ErrNotFound},
		{"no such note", bad(func(n *domain.Note) { n.ID = 999 }), ali, "note 999 does not exist", ErrNotFound},
		{"deactivated", draft(caseID, "x"), gone, "deactivated", ErrConflict},
		{"no such clinician", draft(caseID, "x"), 999, "clinician 999 does not exist", ErrNotFound},
	} {
		_, err := s.SaveNoteDraft(ctx, tt.by, t0, tt.note)
		wantErr(t, tt.name, err, tt.says, tt.kind)
	}
	if c := count(t, s, "audit"); c != audit {
		t.Errorf("refused saves wrote %d audit entries", c-audit)
	}

	// An incomplete draft saves; signing asks for what is missing, in the domain's words.
	for _, tt := range []struct {
		name string
		edit func(*domain.Note)
		says string
	}{
		{"no type", func(n *domain.Note) { n.Type = "" }, "choose the type of contact"},
		{"no contact time", func(n *domain.Note) { n.ContactAt = time.Time{} }, "give the date and time"},
		{"contact in the future", func(n *domain.Note) { n.ContactAt = t0.Add(time.Hour) }, "in the future"},
		{"blank", func(n *domain.Note) { n.Text = " \n\t " }, "the note is empty"},
	} {
		n := draft(caseID, "Text.")
		tt.edit(&n)
		n = mustSave(t, s, ali, n)
		_, err := s.SignNote(ctx, ali, t0, n.ID, n.Revision)
		wantErr(t, tt.name, err, tt.says, ErrInvalid)
	}
	// Every type the domain offers is one the schema holds.
	for _, typ := range domain.NoteTypes {
		n := draft(caseID, "Text.")
		n.Type = typ
		mustSave(t, s, ali, n)
	}
	mustVerify(t, s)
}

func TestAddenda(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	ali, bea := mustClinician(t, s, "Dr Ali", true), mustClinician(t, s, "Bea Nurse", true)
	caseID := openCase(t, s, ali, 0)
	n := signedNote(t, s, ali, caseID, "Met in the visits hall.")

	at := t0.Add(time.Hour)
	a1, err := s.AddAddendum(ctx, bea, at, domain.Addendum{NoteID: n.ID, Kind: domain.AddendumCorrection, Text: "It was the library."})
	if err != nil || a1.ID == 0 || a1.AuthorID != bea || !a1.SignedAt.Equal(at) || a1.Hash != domain.AddendumHash(a1) {
		t.Fatalf("AddAddendum = %+v, %v", a1, err)
	}
	if d := lastDetail(t, s, "note", n.ID, "note.addendum_signed"); d["addendum_id"] != float64(a1.ID) || d["hash"] != a1.Hash || d["kind"] != "correction" {
		t.Errorf("note.addendum_signed detail = %v", d)
	}
	a2, err := s.AddAddendum(ctx, ali, at.Add(time.Hour), domain.Addendum{NoteID: n.ID, Kind: domain.AddendumLaterInfo, Text: "Probation confirmed."})
	if err != nil {
		t.Fatal(err)
	}
	want := []domain.Addendum{a1, a2}
	if got, err := s.Note(ctx, n.ID); err != nil || !reflect.DeepEqual(got.Addenda, want) {
		t.Errorf("Note addenda = %+v, %v", got.Addenda, err)
	}
	if ns, err := s.Notes(ctx, caseID, bea); err != nil || len(ns) != 1 || !reflect.DeepEqual(ns[0].Addenda, want) {
		t.Errorf("Notes addenda = %+v, %v", ns, err)
	}

	d := mustSave(t, s, ali, draft(caseID, "A draft."))
	for _, tt := range []struct {
		name string
		a    domain.Addendum
		says string
		kind error
	}{
		{"on a draft", domain.Addendum{NoteID: d.ID, Kind: domain.AddendumCorrection, Text: "x"}, "sign the note first", ErrInvalid},
		{"no kind", domain.Addendum{NoteID: n.ID, Text: "x"}, "correction or later information", ErrInvalid},
		{"empty", domain.Addendum{NoteID: n.ID, Kind: domain.AddendumCorrection, Text: "  "}, "the addendum is empty", ErrInvalid},
		{"no such note", domain.Addendum{NoteID: 999, Kind: domain.AddendumCorrection, Text: "x"}, "note 999 does not exist", ErrNotFound},
		{"invalid UTF-8", domain.Addendum{NoteID: n.ID, Kind: domain.AddendumCorrection, Text: "\xc3"}, "UTF-8", ErrInvalid},
	} {
		_, err := s.AddAddendum(ctx, ali, at, tt.a)
		wantErr(t, tt.name, err, tt.says, tt.kind)
	}
	refusedSQL(t, s, "signed addenda cannot be changed", "UPDATE addenda SET text = 'x'", "UPDATE addenda SET note_id = note_id")
	refusedSQL(t, s, "signed addenda cannot be deleted", "DELETE FROM addenda")
	refusedSQL(t, s, "addenda are added to signed notes only", fmt.Sprintf(`INSERT INTO addenda
		(note_id, author_id, kind, text, signed_at, hash) VALUES (%d, %d, 'correction', 'x', '2026-11-24T09:00:00Z', '%064d')`, d.ID, ali, 0))
	mustVerify(t, s)
}

// Notes read newest contact first, with the viewer's undated drafts on top.
func TestNotesOrder(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	ali := mustClinician(t, s, "Dr Ali", true)
	caseID := openCase(t, s, ali, 0)
	var want []int64
	for i, hours := range []int{-30, -5, -50} {
		n := draft(caseID, fmt.Sprint("note ", i))
		n.ContactAt = t0.Add(time.Duration(hours) * time.Hour)
		want = append(want, mustSave(t, s, ali, n).ID)
	}
	undated := draft(caseID, "still being written")
	undated.ContactAt = time.Time{}
	first := mustSave(t, s, ali, undated).ID
	want = []int64{first, want[1], want[0], want[2]}
	ns, err := s.Notes(ctx, caseID, ali)
	if err != nil {
		t.Fatal(err)
	}
	var got []int64
	for _, n := range ns {
		got = append(got, n.ID)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
}

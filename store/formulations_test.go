package store

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"caseload/internal/domain"
)

func TestFormulationVersions(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	ali, bea := mustClinician(t, s, "Dr Ali", true), mustClinician(t, s, "Bea Nurse", true)
	caseID := openCase(t, s, ali, 0)

	v1, err := s.SaveFormulationDraft(ctx, ali, t0, domain.Formulation{CaseID: caseID,
		Sections: map[domain.SectionID]string{"presenting": "Low mood & <anger>.", "plan": ""}})
	if err != nil || v1.Version != 1 || v1.SupersedesID != 0 || v1.AuthorID != ali || v1.Signed() ||
		!reflect.DeepEqual(v1.Sections, map[domain.SectionID]string{"presenting": "Low mood & <anger>."}) {
		t.Fatalf("v1 = %+v, %v", v1, err)
	}
	v1.Sections["protective"] = "Sister visits."
	if v1, err = s.SaveFormulationDraft(ctx, ali, t0.Add(time.Minute), v1); err != nil || v1.Text("protective") != "Sister visits." {
		t.Fatalf("update = %+v, %v", v1, err)
	}
	if d := lastDetail(t, s, "formulation", v1.ID, "formulation.draft_saved"); d["version"] != float64(1) || d["case_id"] != float64(caseID) {
		t.Errorf("formulation.draft_saved detail = %v", d)
	}

	// One draft per case, its author's alone.
	_, err = s.SaveFormulationDraft(ctx, bea, t0, domain.Formulation{CaseID: caseID, Sections: map[domain.SectionID]string{"plan": "x"}})
	wantErr(t, "a second draft", err, "already has a formulation draft (version 1", ErrConflict)
	_, err = s.SaveFormulationDraft(ctx, bea, t0, v1)
	wantErr(t, "another's draft", err, "only its author", ErrConflict)
	_, err = s.SignFormulation(ctx, bea, t0, v1.ID, v1.Revision)
	wantErr(t, "signing another's draft", err, "only the author", ErrInvalid)

	signedAt := t0.Add(2 * time.Minute)
	v1, err = s.SignFormulation(ctx, ali, signedAt, v1.ID, v1.Revision)
	if err != nil || !v1.SignedAt.Equal(signedAt) || v1.Hash != domain.FormulationHash(v1) {
		t.Fatalf("SignFormulation = %+v, %v", v1, err)
	}
	if d := lastDetail(t, s, "formulation", v1.ID, "formulation.signed"); d["hash"] != v1.Hash {
		t.Errorf("formulation.signed detail = %v", d)
	}
	_, err = s.SaveFormulationDraft(ctx, ali, signedAt, v1)
	wantErr(t, "changing a signed version", err, "version 1 was signed", ErrConflict, domain.ErrSigned)
	_, err = s.SignFormulation(ctx, ali, signedAt, v1.ID, v1.Revision)
	wantErr(t, "signing twice", err, "signed", ErrConflict, domain.ErrSigned)
	id := fmt.Sprint(v1.ID)
	refusedSQL(t, s, "signed formulation versions cannot be changed",
		"UPDATE formulations SET sections = '{}' WHERE id = "+id, "UPDATE formulations SET signed_at = NULL, hash = NULL")
	refusedSQL(t, s, "signed formulation versions cannot be deleted", "DELETE FROM formulations")

	// Changing it is a new version that supersedes it, by whoever takes it on.
	next := v1.NextDraft(bea, t0)
	next.Sections["plan"] = "Weekly sessions."
	v2, err := s.SaveFormulationDraft(ctx, bea, t0.Add(time.Hour), next)
	if err != nil || v2.Version != 2 || v2.SupersedesID != v1.ID || v2.AuthorID != bea || v2.Text("presenting") != v1.Text("presenting") {
		t.Fatalf("v2 = %+v, %v", v2, err)
	}
	refusedSQL(t, s, "UNIQUE constraint failed: formulations.case_id", fmt.Sprintf(`INSERT INTO formulations (case_id,
		version, supersedes_id, author_id, sections, created_at, updated_at)
		VALUES (%d, 3, %d, %d, '{}', '2026-11-24T09:00:00Z', '2026-11-24T09:00:00Z')`, caseID, v1.ID, ali))
	if v2, err = s.SignFormulation(ctx, bea, t0.Add(2*time.Hour), v2.ID, v2.Revision); err != nil {
		t.Fatal(err)
	}
	history, err := s.Formulations(ctx, caseID)
	if err != nil || !reflect.DeepEqual(history, []domain.Formulation{v2, v1}) {
		t.Errorf("Formulations = %+v, %v\nwant %+v", history, err, []domain.Formulation{v2, v1})
	}
	mustVerify(t, s)
}

func TestFormulationRefusals(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	ali := mustClinician(t, s, "Dr Ali", true)
	caseID := openCase(t, s, ali, 0)
	for _, tt := range []struct {
		name     string
		sections map[domain.SectionID]string
		caseID   int64
		says     string
		kind     error
	}{
		{"unknown section", map[domain.SectionID]string{"pigeons": "x"}, caseID, `"pigeons" is not a section`, ErrInvalid},
		{"invalid UTF-8", map[domain.SectionID]string{"plan": "\xff"}, caseID, "the section Plan is not valid UTF-8", ErrInvalid},
		{"too long", map[domain.SectionID]string{"plan": strings.Repeat("x", MaxTextBytes+1)}, caseID, "over the limit", ErrInvalid},
		{"no such case", nil, 999, "case 999 does not exist", ErrNotFound},
	} {
		_, err := s.SaveFormulationDraft(ctx, ali, t0, domain.Formulation{CaseID: tt.caseID, Sections: tt.sections})
		wantErr(t, tt.name, err, tt.says, tt.kind)
	}
	empty, err := s.SaveFormulationDraft(ctx, ali, t0, domain.Formulation{CaseID: caseID})
	if err != nil || empty.Sections == nil {
		t.Fatalf("empty draft = %+v, %v", empty, err)
	}
	_, err = s.SignFormulation(ctx, ali, t0, empty.ID, empty.Revision)
	wantErr(t, "signing an empty formulation", err, "the formulation is empty", ErrInvalid)
	refusedSQL(t, s, "each formulation section is text", "UPDATE formulations SET sections = '{\"plan\": 3}'")
	refusedSQL(t, s, "a formulation version stays with its case", "UPDATE formulations SET author_id = author_id + 1")
}

// A note of a full mebibyte, in several scripts and with lines far wider than a screen,
// comes back byte for byte, signed and searchable.
//
// Not under the race detector: verify rebuilds the search index of two megabytes of text
// to compare it, a minute in the race detector's pure-Go SQLite, with nothing shared to
// race on. make test runs it without.
func TestNoteLargeTextRoundTrip(t *testing.T) {
	if raceDetector {
		t.Skip("not under the race detector: make test runs it without")
	}
	ctx := context.Background()
	s := newStore(t)
	ali := mustClinician(t, s, "Dr Ali", true)
	caseID := openCase(t, s, ali, 0)
	pieces := []string{
		"Session notes 😀👍🏽 with emoji, ZWJ 👩\u200d👩\u200d👧 and flags 🇬🇧. ",
		"قال إنه ينام جيدا الآن والحمد لله. ",            // right to left
		"Mixed ltr العربية rtl \u200fmark\u200e here. ",  // with RLM and LRM marks
		strings.Repeat("long-line-without-breaks ", 400), // a 10,000-byte line
		"\n\r\n\ttabs, \"quotes\", 'apostrophes', \\backslashes\\, [brackets] and NEAR(words) * - :\n",
		"Ελληνικά, кириллица, 中文, हिन्दी, Siobhán Ó Súilleabháin.\n",
	}
	var b strings.Builder
	for i := 0; b.Len()+len(pieces[i%len(pieces)]) <= MaxTextBytes; i++ {
		b.WriteString(pieces[i%len(pieces)])
	}
	for b.Len() < MaxTextBytes {
		b.WriteByte('.')
	}
	text := b.String()
	if len(text) != MaxTextBytes {
		t.Fatalf("built %d bytes", len(text))
	}
	n := signedNote(t, s, ali, caseID, text)
	got, err := s.Note(ctx, n.ID)
	if err != nil || got.Text != text {
		t.Fatalf("Note: %v; text intact: %v", err, got.Text == text)
	}
	if ns, err := s.Notes(ctx, caseID, ali); err != nil || len(ns) != 1 || ns[0].Text != text {
		t.Fatalf("Notes: %v", err)
	}
	a, err := s.AddAddendum(ctx, ali, t0.Add(time.Hour), domain.Addendum{NoteID: n.ID, Kind: domain.AddendumLaterInfo, Text: text})
	if err != nil || a.Text != text {
		t.Fatalf("AddAddendum: %v", err)
	}
	for _, q := range []string{"ينام", "siobhan", "👍🏽 flags"} {
		if rs, err := s.Search(ctx, ali, q, 5); err != nil || len(rs) != 2 {
			t.Errorf("Search %q = %d results, %v", q, len(rs), err)
		}
	}
	mustVerify(t, s)
}

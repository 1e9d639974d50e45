package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	"caseload/internal/domain"
)

// A signed record edited behind the app's back (its trigger dropped) is found by
// Verify, which names it; so is one edited and given a freshly computed hash, by the
// audit entry written when it was signed.
func TestVerifyFindsChangedSignedRecords(t *testing.T) {
	ctx := context.Background()
	type record struct{ note, addendum, formulation, caseID int64 }
	setup := func(t *testing.T) (*Store, record) {
		s := newStore(t)
		ali := mustClinician(t, s, "Dr Ali", true)
		caseID := openCase(t, s, ali, 0)
		signedNote(t, s, ali, caseID, "An earlier note, untouched.")
		n := signedNote(t, s, ali, caseID, "Discussed the plan for release.")
		a, err := s.AddAddendum(ctx, ali, t0.Add(time.Hour), domain.Addendum{NoteID: n.ID, Kind: domain.AddendumCorrection, Text: "It was Tuesday."})
		if err != nil {
			t.Fatal(err)
		}
		f := signedFormulation(t, s, ali, caseID, map[domain.SectionID]string{"plan": "Weekly sessions."})
		mustVerify(t, s)
		return s, record{n.ID, a.ID, f.ID, caseID}
	}
	for _, tt := range []struct {
		name    string
		tamper  func(r record) []string
		problem func(r record) string
	}{
		{"note text", func(r record) []string {
			return []string{"DROP TRIGGER notes_signed_no_update", fmt.Sprintf("UPDATE notes SET text = 'Discussed nothing.' WHERE id = %d", r.note)}
		}, func(r record) string {
			return fmt.Sprintf("note %d: signed content no longer matches its signature", r.note)
		}},
		{"note contact time", func(r record) []string {
			return []string{"DROP TRIGGER notes_signed_no_update", fmt.Sprintf("UPDATE notes SET contact_at = '2026-11-01T10:00:00Z' WHERE id = %d", r.note)}
		}, func(r record) string { return fmt.Sprintf("note %d: signed content no longer matches", r.note) }},
		{"addendum", func(r record) []string {
			return []string{"DROP TRIGGER addenda_no_update", fmt.Sprintf("UPDATE addenda SET kind = 'later-information' WHERE id = %d", r.addendum)}
		}, func(r record) string {
			return fmt.Sprintf("addendum %d (on note %d): signed content no longer matches its signature", r.addendum, r.note)
		}},
		{"formulation", func(r record) []string {
			return []string{"DROP TRIGGER formulations_signed_no_update",
				fmt.Sprintf(`UPDATE formulations SET sections = json_set(sections, '$.plan', 'Nothing.') WHERE id = %d`, r.formulation)}
		}, func(r record) string {
			return fmt.Sprintf("formulation %d (case %d, version 1): signed content no longer matches its signature", r.formulation, r.caseID)
		}},
		{"note re-hashed", func(r record) []string {
			return []string{"DROP TRIGGER notes_signed_no_update", forgeNote(domain.Note{ID: r.note, CaseID: r.caseID, Text: "forged"})}
		}, func(r record) string {
			return fmt.Sprintf("note %d: its signature is not the one the audit recorded", r.note)
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s, r := setup(t)
			for _, q := range tt.tamper(r) {
				if _, err := s.db.Exec(q); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			mustFind(t, s, tt.problem(r))
		})
	}
}

// forgeNote rewrites a signed note as if re-signed: the content changed and its hash
// recomputed, as anyone with the file and domain/signature.go could. The author stays
// clinician 1, the first added.
func forgeNote(n domain.Note) string {
	n.AuthorID, n.Type = 1, domain.NoteTelephone
	n.ContactAt, n.SignedAt = t0.Add(-time.Hour), t0
	return fmt.Sprintf(`UPDATE notes SET author_id = %d, type = '%s', contact_at = '%s', duration_minutes = 0, present = NULL,
		text = '%s', signed_at = '%s', hash = '%s' WHERE id = %d`, n.AuthorID, n.Type, formatTime(n.ContactAt), n.Text,
		formatTime(n.SignedAt), domain.SignedNoteHash(n), n.ID)
}

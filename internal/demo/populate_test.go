package demo

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/store"
)

// The store is what Populate fills.
var _ Recorder = (*store.Store)(nil)

// Populate through the real store: the case records are there, pass the store's rules
// and its verification, and nothing is dated after now.
func TestPopulateWritesTheCaseRecords(t *testing.T) {
	for _, at := range []time.Time{now, time.Date(2027, 7, 15, 12, 0, 0, 0, time.UTC)} {
		t.Run(at.Format(time.RFC3339), func(t *testing.T) {
			ctx := context.Background()
			st, err := store.Create(ctx, filepath.Join(t.TempDir(), "caseload.db"), at)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			got, err := Populate(ctx, st, "os:test", at)
			if err != nil {
				t.Fatal(err)
			}
			if err := st.Verify(ctx); err != nil {
				t.Fatalf("verify: %v", err)
			}
			clinicians, err := st.Clinicians(ctx)
			if err != nil {
				t.Fatal(err)
			}
			sums, err := st.CaseSummaries(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(sums) != got.Cases+got.Imported || got.Cases < 4 || got.Imported < 7 {
				t.Fatalf("%d open cases, Populate says %d opened and %d imported", len(sums), got.Cases, got.Imported)
			}
			after := func(what string, when time.Time) {
				t.Helper()
				if when.After(at) {
					t.Errorf("%s at %s, after now", what, when.Format(time.RFC3339))
				}
			}
			var notes, addenda, versions, drafts, stale, withAddenda int
			var revised, draftVersion bool
			for _, s := range sums {
				name := s.Referral.Person.Name()
				after(name+"'s case opened", s.Case.OpenedAt)
				if s.Referral.Reason == domain.ImportedReferralReason {
					continue // held before caseload: its record is in the team's old files
				}
				fs, err := st.Formulations(ctx, s.Case.ID)
				if err != nil {
					t.Fatal(err)
				}
				if len(fs) == 0 || s.FormulationVersion != fs[0].Version {
					t.Errorf("%s: %d formulation versions, summary says version %d", name, len(fs), s.FormulationVersion)
				}
				versions += len(fs)
				byVersion := map[int]domain.Formulation{}
				for _, f := range fs {
					byVersion[f.Version] = f
					after(name+"'s formulation updated", f.UpdatedAt)
					after(name+"'s formulation signed", f.SignedAt)
					if f.CreatedAt.Before(s.Case.OpenedAt) {
						t.Errorf("%s: formulation version %d before the case opened", name, f.Version)
					}
					if !f.Signed() {
						drafts++
						draftVersion = true
					}
				}
				if v1, v2 := byVersion[1], byVersion[2]; v1.Signed() && v2.Signed() && v2.SupersedesID == v1.ID {
					changed := 0
					for _, c := range domain.CompareFormulations(v1, v2) {
						if c.Changed {
							changed++
						}
					}
					revised = revised || changed >= 3
				}
				// Everyone's notes: the signed ones, and each clinician's own drafts.
				seen := map[int64]domain.Note{}
				for _, c := range clinicians {
					ns, err := st.Notes(ctx, s.Case.ID, c.ID)
					if err != nil {
						t.Fatal(err)
					}
					for _, n := range ns {
						seen[n.ID] = n
					}
				}
				if len(seen) < 4 {
					t.Errorf("%s: %d notes, want at least 4", name, len(seen))
				}
				notes += len(seen)
				for _, n := range seen {
					after(name+"'s note updated", n.UpdatedAt)
					after(name+"'s note signed", n.SignedAt)
					if !n.ContactAt.After(s.Case.OpenedAt) || n.ContactAt.After(n.CreatedAt) {
						t.Errorf("%s: note %d contact at %s, case opened %s, note started %s", name, n.ID,
							n.ContactAt.Format(time.RFC3339), s.Case.OpenedAt.Format(time.RFC3339), n.CreatedAt.Format(time.RFC3339))
					}
					if !n.Signed() {
						drafts++
						if n.StaleDraft(at) {
							stale++
						}
					}
					if len(n.Addenda) > 0 {
						withAddenda++
					}
					for _, a := range n.Addenda {
						addenda++
						after(name+"'s addendum", a.SignedAt)
						if !a.SignedAt.After(n.SignedAt) {
							t.Errorf("%s: addendum %d signed before its note", name, a.ID)
						}
					}
				}
				entries, err := st.AuditEntries(ctx, "case", s.Case.ID)
				if err != nil {
					t.Fatal(err)
				}
				for _, e := range entries {
					after(name+"'s audit entry "+e.Action, e.At)
				}
			}
			if notes != got.Notes || addenda != got.Addenda || versions != got.Formulations || drafts != got.Drafts {
				t.Errorf("the store holds %d notes, %d addenda, %d versions, %d drafts; Populate says %+v",
					notes, addenda, versions, drafts, got)
			}
			if withAddenda < 2 || stale < 1 || !revised || !draftVersion {
				t.Errorf("notes with addenda %d, stale drafts %d, versions 1 and 2 signed and different %v, a draft version %v",
					withAddenda, stale, revised, draftVersion)
			}
			noteDrafts := 0
			for _, c := range clinicians {
				ds, err := st.Drafts(ctx, c.ID)
				if err != nil {
					t.Fatal(err)
				}
				noteDrafts += len(ds)
			}
			if noteDrafts < 2 {
				t.Errorf("%d draft notes, want at least 2", noteDrafts)
			}
		})
	}
}

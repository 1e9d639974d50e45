package tui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"caseload/internal/clock"
	"caseload/internal/demo"
	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/store"
	"caseload/tui/caseview"
	"caseload/tui/common"
)

// BenchmarkOpenCase2000Notes is opening a case that holds 2,000 signed notes until its
// first frame on the notes tab: the load (with its viewed audit entry), then Update and
// View. Target: under 30 ms.
func BenchmarkOpenCase2000Notes(b *testing.B) {
	ctx := context.Background()
	st, err := store.Create(ctx, filepath.Join(b.TempDir(), "notes.db"), testNow.Add(-400*24*time.Hour))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	start := testNow.Add(-400 * 24 * time.Hour)
	for _, c := range demo.Clinicians() {
		if _, err := st.AddClinician(ctx, "bench", start, c); err != nil {
			b.Fatal(err)
		}
	}
	r := eligibleReferral()
	r.ReceivedAt, r.EnteredAt = start.Add(time.Hour), start.Add(2*time.Hour)
	r.ExpectedRelease = ident.DateOf(start.AddDate(0, 3, 0))
	refID, err := st.AddReferral(ctx, "bench", r.EnteredAt, r)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := st.ScreenReferral(ctx, "bench", start.Add(3*time.Hour), refID, domain.ScreenedIn, ""); err != nil {
		b.Fatal(err)
	}
	_, caseID, err := st.RecordConsultation(ctx, "bench", start.Add(24*time.Hour), domain.Consultation{ReferralID: refID,
		MeetingDate: ident.DateOf(start.Add(24 * time.Hour)), Outcome: domain.ConsultAccepted, Rationale: "Bench.",
		Attendees: []domain.Attendee{{Name: "Sam Carter", Role: "COM"}}, AllocatedClinicianID: 1})
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat("We talked about the week, sleep and the plan for the AP move. ", 8)
	for i := range 2000 {
		at := start.Add(48*time.Hour + time.Duration(i)*4*time.Hour)
		n, err := st.SaveNoteDraft(ctx, 1, at, domain.Note{CaseID: caseID, AuthorID: 1, Type: domain.NoteTypes[i%len(domain.NoteTypes)],
			ContactAt: at.Add(-time.Hour), DurationMinutes: 45, Present: "the person", Text: fmt.Sprintf("Note %d. %s", i, text)})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := st.SignNote(ctx, 1, at.Add(time.Minute), n.ID, n.Revision); err != nil {
			b.Fatal(err)
		}
	}
	cs, _ := st.Clinicians(ctx)
	com := common.NewCommon(ctx, clock.Fixed(testNow), "bench").AsClinician(cs[0])
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		m := caseview.New(com, st, caseID, caseview.TabNotes)
		m.SetSize(120, 37)
		m.Update(m.Init()())
		if !strings.Contains(m.View(), "2000 notes") {
			b.Fatal("first frame lacks the notes")
		}
	}
}

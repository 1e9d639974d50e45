package search

import (
	"context"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/internal/testdb"
	"caseload/store"
	"caseload/tui/tuitest"
)

// testNow is a Tuesday morning in winter, so London is on GMT.
var testNow = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

// The store is the search's source as it is, with no adapter between them.
var _ Source = (*store.Store)(nil)

// records is what the fixture wrote, for the tests to find again.
type records struct {
	st                          *store.Store
	me, other                   domain.Clinician
	myNote, otherNote           domain.Note
	addendum                    domain.Addendum
	formulationCase             int64
	otherDraftWord, myDraftWord string
}

// fixture is the demo with notes: Tom is signed in; Niamh wrote a signed note, an
// unsigned draft and a signed formulation; Tom a signed note, a draft and an addendum to
// Niamh's note. "allotment" is in each signed record.
func fixture(t testing.TB) records {
	t.Helper()
	ctx := context.Background()
	st := testdb.Demo(t, testNow)
	r := records{st: st, otherDraftWord: "zebrafish", myDraftWord: "kestrels"}
	cs, err := st.Clinicians(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		switch c.Name {
		case "Dr Tom Halliwell":
			r.me = c
		case "Dr Niamh Ó Dálaigh":
			r.other = c
		}
	}
	sums, err := st.CaseSummaries(ctx)
	if err != nil {
		t.Fatal(err)
	}
	caseOf := func(c domain.Clinician) int64 {
		for _, s := range sums {
			// A case opened from a referral here, not one imported from the old records.
			if s.Case.AllocatedClinicianID == c.ID && s.Referral.Reason != domain.ImportedReferralReason {
				return s.Case.ID
			}
		}
		t.Fatalf("%s holds no case", c.Name)
		return 0
	}
	mine, theirs := caseOf(r.me), caseOf(r.other)
	day := 24 * time.Hour
	r.otherNote = note(t, st, r.other.ID, theirs, testNow.Add(-3*day),
		"Discussed relapse prevention and the allotment project with his probation officer.", true)
	r.myNote = note(t, st, r.me.ID, mine, testNow.Add(-2*day), "Talked about the allotment and his sister's visit.", true)
	note(t, st, r.other.ID, theirs, testNow.Add(-day), "Unsigned thoughts about zebrafish.", false)
	note(t, st, r.me.ID, mine, testNow.Add(-time.Hour), "Draft: he spoke of the kestrels at the allotment.", false)
	if r.addendum, err = st.AddAddendum(ctx, r.me.ID, testNow.Add(-day), domain.Addendum{NoteID: r.otherNote.ID,
		Kind: domain.AddendumLaterInfo, Text: "The allotment place is confirmed."}); err != nil {
		t.Fatal(err)
	}
	f, err := st.SaveFormulationDraft(ctx, r.other.ID, testNow.Add(-4*day), domain.Formulation{CaseID: theirs,
		Sections: map[domain.SectionID]string{"presenting": "Anxious about losing the allotment tenancy."}})
	if err == nil {
		_, err = st.SignFormulation(ctx, r.other.ID, testNow.Add(-4*day), f.ID, f.Revision)
	}
	if err != nil {
		t.Fatal(err)
	}
	r.formulationCase = theirs
	return r
}

func note(t testing.TB, st *store.Store, who, caseID int64, contact time.Time, text string, sign bool) domain.Note {
	t.Helper()
	ctx := context.Background()
	n, err := st.SaveNoteDraft(ctx, who, contact, domain.Note{CaseID: caseID, Type: domain.NoteInCustody,
		ContactAt: contact, DurationMinutes: 45, Text: text})
	if err == nil && sign {
		n, err = st.SignNote(ctx, who, contact, n.ID, n.Revision)
	}
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// searcher drives the search screen for the signed-in clinician.
type searcher struct {
	*tuitest.Driver
	host *tuitest.Host
}

func drive(t testing.TB, r records, w, h int) searcher {
	t.Helper()
	d, hst := tuitest.Open(t, New(tuitest.Session(testNow, r.me), r.st), w, h)
	return searcher{d, hst}
}

// search types q and lets the typing pause: the driver never sleeps, so the pause
// the timer would deliver is sent here, for the latest edit.
func (s searcher) search(q string) searcher {
	s.Type(q)
	s.Send(pausedMsg{m: s.model(), seq: s.model().seq})
	return s
}

func (s searcher) model() *Model { return s.host.Screen.(*Model) }

// enter is the message enter sends on the selected result.
func (s searcher) enter(t *testing.T) tea.Msg {
	t.Helper()
	msg := s.host.Sends(t, "enter")
	b, ok := msg.(tea.BatchMsg)
	if !ok {
		return msg
	}
	// The message to the root, and the audit's keeping of which result was opened
	// (which gives none): run both, as the program would.
	var out tea.Msg
	for _, c := range b {
		if c == nil {
			continue
		}
		if m := c(); m != nil && out == nil {
			out = m
		}
	}
	return out
}

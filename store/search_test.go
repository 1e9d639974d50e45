package store

import (
	"context"
	"strings"
	"testing"
	"time"

	"caseload/internal/domain"
)

func TestSearchRanksAndMarks(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	ali := mustClinician(t, s, "Dr Ali", true)
	caseA, caseB := openCase(t, s, ali, 0), openCase(t, s, ali, 1)
	once := signedNote(t, s, ali, caseA, "He spoke about his sleep and the hostel, and his brother visiting.")
	twice := signedNote(t, s, ali, caseB, "He spoke about sleep, then about sleep again, and his brother.")
	signedNote(t, s, ali, caseA, "Nothing relevant in this one at all.")

	rs, err := s.Search(ctx, ali, "Sleep", 10)
	if err != nil || len(rs) != 2 {
		t.Fatalf("Search = %+v, %v", rs, err)
	}
	if rs[0].ID != twice.ID || rs[1].ID != once.ID {
		t.Errorf("ranked %d then %d, want the note with the word twice (%d) first", rs[0].ID, rs[1].ID, twice.ID)
	}
	r := rs[0]
	if r.Kind != "note" || r.CaseID != caseB || r.Person != "Siobhán Testperson" || !r.Signed || !r.When.Equal(twice.ContactAt) || r.NoteID != 0 {
		t.Errorf("result = %+v", r)
	}
	if want := "He spoke about [sleep], then about [sleep] again, and his brother."; r.Snippet != want {
		t.Errorf("snippet %q, want %q", r.Snippet, want)
	}
	// Every word must match; accents and case are forgiven both ways.
	if rs, _ := s.Search(ctx, ali, "sleep HOSTEL", 10); len(rs) != 1 || rs[0].ID != once.ID {
		t.Errorf("two words = %+v", rs)
	}
	signedNote(t, s, ali, caseA, "Saw Siobhán's key worker.")
	if rs, _ := s.Search(ctx, ali, "siobhan", 10); len(rs) != 1 || !strings.Contains(rs[0].Snippet, "[Siobhán]") {
		t.Errorf("siobhan = %+v", rs)
	}
	if rs, _ := s.Search(ctx, ali, "sleep", 1); len(rs) != 1 || rs[0].ID != twice.ID {
		t.Errorf("limit 1 = %+v", rs)
	}
}

// What people type is words, never FTS5 syntax: nothing they type is an error.
func TestSearchQuotesWhatIsTyped(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	ali := mustClinician(t, s, "Dr Ali", true)
	caseID := openCase(t, s, ali, 0)
	n := signedNote(t, s, ali, caseID, `Said "self-harm" thoughts had eased; O'Neill (COM) agreed: review in 2 weeks.`)
	for _, q := range []string{`"`, `*`, `NEAR(`, `-`, `:`, `""`, `"sleep`, `sleep"`, `sle*ep`, `NEAR(sleep review, 5)`,
		`text:review`, `-review`, `review -self`, `AND`, `OR review`, `NOT`, `(`, `)`, `^review`, `{text}: review`,
		`review*`, `'`, `\`, "\x00", "\xff\xfe", "", "   \t\n", "😀", strings.Repeat("review ", 200)} {
		if _, err := s.Search(ctx, ali, q, 10); err != nil {
			t.Errorf("Search(%q): %v", q, err)
		}
	}
	for q, want := range map[string]int{
		"":                  0,
		"- : * ( )":         0,
		`"review"`:          1,
		`self-harm`:         1, // the phrase self harm
		`harm-self`:         0,
		`o'neill`:           1,
		`ONeill`:            0, // the tokenizer split it; the caseload filter is what forgives this
		`(COM) review:`:     1,
		`NEAR(review eased`: 0, // near is a word like any other
		`eased; review:`:    1,
		`review absent`:     0,
	} {
		rs, err := s.Search(ctx, ali, q, 10)
		if err != nil || len(rs) != want || want == 1 && rs[0].ID != n.ID {
			t.Errorf("Search(%q) = %+v, %v; want %d", q, rs, err, want)
		}
	}
}

// Drafts are found only for their author; addenda and formulations are found too.
func TestSearchDraftsAndKinds(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	ali, bea := mustClinician(t, s, "Dr Ali", true), mustClinician(t, s, "Bea Nurse", true)
	caseID := openCase(t, s, ali, 0)
	draftNote := mustSave(t, s, ali, draft(caseID, "Zebra crossing incident, draft."))
	signed := signedNote(t, s, ali, caseID, "Walked to the shop.")
	a, err := s.AddAddendum(ctx, bea, t0.Add(time.Hour), domain.Addendum{NoteID: signed.ID, Kind: domain.AddendumLaterInfo, Text: "The zebra crossing was closed."})
	if err != nil {
		t.Fatal(err)
	}
	f, err := s.SaveFormulationDraft(ctx, ali, t0, domain.Formulation{CaseID: caseID,
		Sections: map[domain.SectionID]string{"precipitating": "Crossing the zebra road.", "plan": "Escorted leave"}})
	if err != nil {
		t.Fatal(err)
	}
	kinds := func(rs []SearchResult) map[string]SearchResult {
		m := map[string]SearchResult{}
		for _, r := range rs {
			m[r.Kind] = r
		}
		return m
	}
	rs, err := s.Search(ctx, bea, "zebra crossing", 10)
	if got := kinds(rs); err != nil || len(rs) != 1 || got["addendum"].ID != a.ID {
		t.Fatalf("bea sees %+v, %v; want only the signed addendum", rs, err)
	}
	rs, err = s.Search(ctx, ali, "zebra crossing", 10)
	got := kinds(rs)
	if err != nil || len(rs) != 3 {
		t.Fatalf("ali sees %+v, %v", rs, err)
	}
	if r := got["note"]; r.ID != draftNote.ID || r.Signed || r.CaseID != caseID {
		t.Errorf("draft note result = %+v", r)
	}
	if r := got["addendum"]; r.NoteID != signed.ID || !r.Signed || !r.When.Equal(a.SignedAt) || r.Snippet != "The [zebra] [crossing] was closed." {
		t.Errorf("addendum result = %+v", r)
	}
	if r := got["formulation"]; r.ID != f.ID || r.Signed || !r.When.Equal(f.UpdatedAt) || !strings.Contains(r.Snippet, "[Crossing] the [zebra]") {
		t.Errorf("formulation result = %+v", r)
	}
	// Signing makes them everyone's; editing a draft re-indexes it.
	if _, err := s.SignFormulation(ctx, ali, t0.Add(time.Minute), f.ID, f.Revision); err != nil {
		t.Fatal(err)
	}
	draftNote.Text = "Giraffe now."
	if _, err := s.SaveNoteDraft(ctx, ali, t0.Add(time.Minute), draftNote); err != nil {
		t.Fatal(err)
	}
	if rs, _ := s.Search(ctx, bea, "zebra", 10); len(kinds(rs)) != 2 || !kinds(rs)["formulation"].Signed {
		t.Errorf("after signing, bea sees %+v", rs)
	}
	if rs, _ := s.Search(ctx, ali, "giraffe", 10); len(rs) != 1 || rs[0].ID != draftNote.ID {
		t.Errorf("edited draft = %+v", rs)
	}
	if rs, _ := s.Search(ctx, ali, "escorted", 10); len(rs) != 1 || rs[0].Kind != "formulation" {
		t.Errorf("plan section = %+v", rs)
	}
	if rs, _ := s.Search(ctx, ali, "plan precipitating", 10); len(rs) != 0 {
		t.Errorf("section names were indexed: %+v", rs)
	}
}

// A query matching more notes than the window is ranked among the newest: the best
// note of all, written first, gives way to the best of the newest searchWindow.
func TestSearchRanksTheNewestWhenBroad(t *testing.T) {
	ctx := context.Background()
	for _, tt := range []struct {
		matches     int
		oldestFirst bool
	}{{searchWindow, true}, {searchWindow + 1, false}} {
		s := newStore(t)
		ali := mustClinician(t, s, "Dr Ali", true)
		caseID := openCase(t, s, ali, 0)
		oldest := signedNote(t, s, ali, caseID, "Parole parole parole parole.")
		seedSignedNotes(t, s, ali, []int64{caseID}, tt.matches-2, 40, " parole")
		newest := signedNote(t, s, ali, caseID, "Parole parole parole.")
		rs, err := s.Search(ctx, ali, "parole", 3)
		if err != nil || len(rs) != 3 {
			t.Fatalf("%d matches: %+v, %v", tt.matches, rs, err)
		}
		want := newest.ID
		if tt.oldestFirst {
			want = oldest.ID
		}
		if rs[0].ID != want || !tt.oldestFirst && (rs[1].ID == oldest.ID || rs[2].ID == oldest.ID) {
			t.Errorf("%d matches: ranked %d, %d, %d; want %d first", tt.matches, rs[0].ID, rs[1].ID, rs[2].ID, want)
		}
	}
}

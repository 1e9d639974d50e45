package demo

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"caseload/internal/clock"
	"caseload/internal/domain"
	"caseload/internal/ident"
)

// noteLife is one demo note as CaseRecords writes it.
type noteLife struct {
	referral int
	author   int
	draft    domain.Note // as last saved
	saves    []time.Time
	signed   time.Time
	signer   int
	addenda  []Entry
}

// versionLife is one formulation version as CaseRecords writes it.
type versionLife struct {
	author   int
	saves    []time.Time
	sections map[domain.SectionID]string
	signed   time.Time
}

// caseLife gathers a case's record from CaseRecords(at).
type caseLife struct {
	notes    []int // Entry.Note numbers, in order
	versions []*versionLife
}

// checkRecords checks CaseRecords(at) against the domain's rules and the demo's
// promises, stopping t at the first problem, and returns the notes and
// cases for more checks.
func checkRecords(t *testing.T, at time.Time) (map[int]*noteLife, map[int]*caseLife) {
	t.Helper()
	london := clock.London()
	rs := Referrals(at)
	opened := map[int]time.Time{}
	for _, a := range Decisions(at) {
		if a.Kind == ActionConsult && a.Consultation.Outcome == domain.ConsultAccepted {
			opened[a.Referral] = a.At
		}
	}
	entries := CaseRecords(at)
	notes := map[int]*noteLife{}
	cases := map[int]*caseLife{}
	var prev time.Time
	for k, e := range entries {
		where := fmt.Sprintf("at %s, entry %d (%s by %s for %s, at %s)", at.Format(time.RFC3339), k, e.Kind,
			Clinicians()[e.By].Name, rs[e.Referral].Person.Name(), e.At.Format(time.RFC3339))
		o, ok := opened[e.Referral]
		switch {
		case !ok:
			t.Fatalf("%s: no case was opened for this referral", where)
		case !e.At.After(o):
			t.Fatalf("%s: not after the case opened at %s", where, o.Format(time.RFC3339))
		case !e.At.Before(at):
			t.Fatalf("%s: not before now", where)
		case e.At.Before(prev):
			t.Fatalf("%s: out of time order", where)
		case e.At.Second() != 0 || e.At.Nanosecond() != 0:
			t.Fatalf("%s: not on a whole minute", where)
		}
		prev = e.At
		c := cases[e.Referral]
		if c == nil {
			c = &caseLife{}
			cases[e.Referral] = c
		}
		n := notes[e.Note]
		switch e.Kind {
		case EntryNote:
			if n == nil {
				n = &noteLife{referral: e.Referral, author: e.By}
				notes[e.Note] = n
				c.notes = append(c.notes, e.Note)
			}
			switch {
			case n.author != e.By:
				t.Fatalf("%s: saves another clinician's draft", where)
			case n.referral != e.Referral:
				t.Fatalf("%s: note %d moved case", where, e.Note)
			case !n.signed.IsZero():
				t.Fatalf("%s: saves a signed note", where)
			case len(n.saves) > 0 && !e.At.After(n.saves[len(n.saves)-1]):
				t.Fatalf("%s: saved again no later than before", where)
			case !e.At.After(e.Draft.ContactAt.Add(time.Duration(e.Draft.DurationMinutes) * time.Minute)):
				t.Fatalf("%s: written before the contact ended (%s)", where, e.Draft.ContactAt.Format(time.RFC3339))
			case !e.Draft.Type.Valid() || e.Draft.DurationMinutes <= 0 || strings.TrimSpace(e.Draft.Present) == "":
				t.Fatalf("%s: type %q, %d minutes, present %q", where, e.Draft.Type, e.Draft.DurationMinutes, e.Draft.Present)
			case strings.ContainsAny(e.Draft.Text+e.Draft.Present, "{}"):
				t.Fatalf("%s: a placeholder is left: %q", where, e.Draft.Present+" "+e.Draft.Text)
			}
			n.draft = e.Draft
			n.draft.AuthorID = int64(e.By)
			n.saves = append(n.saves, e.At)
			if len(n.saves) == 1 {
				n.draft.CreatedAt = e.At
			}
		case EntrySignNote:
			if n == nil {
				t.Fatalf("%s: signs a note never started", where)
			}
			if err := n.draft.CheckForSigning(int64(e.By), e.At); err != nil {
				t.Fatalf("%s: %v", where, err)
			}
			if !e.At.After(n.saves[len(n.saves)-1]) {
				t.Fatalf("%s: signed before it was last saved", where)
			}
			n.signed, n.signer = e.At, e.By
			n.draft.SignedAt = e.At
		case EntryAddendum:
			if n == nil {
				t.Fatalf("%s: an addendum to a note never started", where)
			}
			if err := domain.CheckAddendum(n.draft, e.Addendum); err != nil {
				t.Fatalf("%s: %v", where, err)
			}
			if len(n.addenda) > 0 && !e.At.After(n.addenda[len(n.addenda)-1].At) {
				t.Fatalf("%s: addenda out of order", where)
			}
			n.addenda = append(n.addenda, e)
		case EntryFormulation:
			switch {
			case e.Version == len(c.versions)+1:
				if e.Version > 1 && c.versions[e.Version-2].signed.IsZero() {
					t.Fatalf("%s: version %d started while version %d is a draft", where, e.Version, e.Version-1)
				}
				c.versions = append(c.versions, &versionLife{author: e.By})
			case e.Version != len(c.versions):
				t.Fatalf("%s: saves version %d, the latest is %d", where, e.Version, len(c.versions))
			}
			v := c.versions[e.Version-1]
			if v.author != e.By || !v.signed.IsZero() {
				t.Fatalf("%s: saves version %d by %d, signed %v", where, e.Version, v.author, v.signed)
			}
			for id := range e.Sections {
				if _, ok := domain.SectionByID(id); !ok {
					t.Fatalf("%s: no section %q", where, id)
				}
			}
			v.saves, v.sections = append(v.saves, e.At), e.Sections
		case EntrySignFormulation:
			if e.Version < 1 || e.Version > len(c.versions) {
				t.Fatalf("%s: signs version %d of %d", where, e.Version, len(c.versions))
			}
			v := c.versions[e.Version-1]
			f := domain.Formulation{Version: e.Version, AuthorID: int64(v.author), Sections: v.sections}
			if err := f.CheckForSigning(int64(e.By)); err != nil {
				t.Fatalf("%s: %v", where, err)
			}
			v.signed = e.At
		default:
			t.Fatalf("%s: unknown kind", where)
		}
	}
	// Every case opened has its record; contacts are in order within it, and in
	// custody only before the person's release.
	for ref := range opened {
		c := cases[ref]
		name := rs[ref].Person.Name()
		if c == nil || len(c.versions) == 0 || len(c.notes) < 4 || len(c.notes) > 10 {
			t.Fatalf("at %s: %s's case has no record, no formulation, or not 4 to 10 notes", at.Format(time.RFC3339), name)
		}
		for i, k := range c.notes {
			n := notes[k]
			if i > 0 && !n.draft.ContactAt.After(notes[c.notes[i-1]].draft.ContactAt) {
				t.Fatalf("at %s: %s's note %d is not after the one before", at.Format(time.RFC3339), name, i)
			}
			release := rs[ref].ExpectedRelease
			if n.draft.Type == domain.NoteInCustody && !release.IsZero() && !ident.DateOf(n.draft.ContactAt.In(london)).Before(release) {
				t.Fatalf("at %s: %s seen in custody on %s, released %s", at.Format(time.RFC3339), name,
					n.draft.ContactAt.In(london).Format(time.DateOnly), release)
			}
		}
	}
	return notes, cases
}

// The record holds what the demo promises whatever now is: every hour of the day,
// every day of the week, across the clock changes and a leap day.
func TestCaseRecordsAtAnyTime(t *testing.T) {
	nows := []time.Time{now,
		time.Date(2027, 7, 15, 12, 0, 0, 0, time.UTC),
		time.Date(2027, 3, 28, 0, 30, 0, 0, time.UTC),
		time.Date(2027, 3, 29, 8, 59, 0, 0, time.UTC),
		time.Date(2026, 10, 25, 1, 30, 0, 0, time.UTC),
		time.Date(2026, 10, 26, 23, 59, 0, 0, time.UTC),
		time.Date(2028, 2, 29, 23, 59, 0, 0, time.UTC),
	}
	for at := now; at.Before(now.AddDate(1, 0, 0)); at = at.Add(7*time.Hour + 13*time.Minute) {
		nows = append(nows, at)
	}
	london := clock.London()
	for _, at := range nows {
		notes, _ := checkRecords(t, at)
		var stale, late int
		drafters := map[int]bool{}
		for _, n := range notes {
			switch {
			case n.signed.IsZero():
				drafters[n.author] = true
				if n.draft.StaleDraft(at) {
					stale++
				}
			case n.draft.LateEntry():
				late++
			}
		}
		fresh := len(drafters) - stale
		// Drafts started since the last working day are fresh from Tuesday to Friday;
		// on a Monday morning or at a weekend, Friday's have waited over a day.
		switch wd := at.In(london).Weekday(); {
		case len(drafters) < 2 || stale < 1:
			t.Fatalf("at %s: %d clinicians with drafts, %d stale", at.Format(time.RFC3339), len(drafters), stale)
		case wd >= time.Tuesday && wd <= time.Friday && stale != 1:
			t.Fatalf("at %s (%s): %d stale drafts, %d fresh, want one stale", at.Format(time.RFC3339), wd, stale, fresh)
		case late != 1:
			t.Fatalf("at %s: %d late entries, want one", at.Format(time.RFC3339), late)
		}
	}
}

// At the pinned clock, the record shows each thing the case screens need to show.
func TestCaseRecordsShowEverything(t *testing.T) {
	notes, cases := checkRecords(t, now)
	types := map[domain.NoteType]bool{}
	var corrections, laterInfo, signed, drafts int
	var mixed bool
	for _, n := range notes {
		types[n.draft.Type] = true
		if n.signed.IsZero() {
			drafts++
		} else {
			signed++
		}
		for _, a := range n.addenda {
			switch {
			case a.Addendum.Kind == domain.AddendumCorrection && a.By == n.author:
				corrections++
			case a.Addendum.Kind == domain.AddendumLaterInfo && a.By != n.author:
				laterInfo++
			}
		}
		text := n.draft.Text
		long := slices.ContainsFunc(strings.Split(text, "\n"), func(l string) bool { return len([]rune(l)) > 300 })
		emoji := strings.ContainsFunc(text, func(r rune) bool { return r >= 0x1F300 && r <= 0x1FAFF })
		arabic := strings.ContainsFunc(text, func(r rune) bool { return unicode.Is(unicode.Arabic, r) })
		mixed = mixed || long && emoji && arabic
	}
	for _, want := range []domain.NoteType{domain.NoteFaceToFace, domain.NoteInCustody, domain.NoteTelephone, domain.NoteVideo,
		domain.NoteProfessionals, domain.NoteMDT, domain.NoteRiskForum, domain.NoteAttemptedContact} {
		if !types[want] {
			t.Errorf("no note of type %s", want)
		}
	}
	if corrections != 1 || laterInfo != 1 {
		t.Errorf("%d corrections by the author, %d later information by someone else; want one each", corrections, laterInfo)
	}
	if drafts < 2 || drafts > 3 || signed < 20 {
		t.Errorf("%d drafts, %d signed notes", drafts, signed)
	}
	if !mixed {
		t.Error("no note holds emoji, an Arabic phrase and a long line together")
	}

	var revised, draftOnly, laterDraft, someEmpty int
	for ref, c := range cases {
		vs := c.versions
		for _, v := range vs {
			if len(v.sections) < len(domain.FormulationSections) {
				someEmpty++
			}
		}
		switch {
		case len(vs) == 1 && vs[0].signed.IsZero():
			draftOnly++
		case len(vs) >= 2 && !vs[0].signed.IsZero() && !vs[1].signed.IsZero():
			changed := 0
			for _, s := range domain.FormulationSections {
				if vs[0].sections[s.ID] != vs[1].sections[s.ID] {
					changed++
				}
			}
			if changed < 3 {
				t.Errorf("%s: versions 1 and 2 differ in %d sections", Referrals(now)[ref].Person.Name(), changed)
			}
			revised++
			if len(vs) == 3 && vs[2].signed.IsZero() && vs[2].author == int(allocated(ref)) {
				laterDraft++
			}
		}
		for _, v := range vs[:len(vs)-1] {
			if v.signed.IsZero() {
				t.Errorf("%s: a draft version is not the latest", Referrals(now)[ref].Person.Name())
			}
		}
		if !vs[0].signed.IsZero() && now.Sub(vs[0].signed) < 14*24*time.Hour {
			t.Errorf("%s: version 1 signed only %v ago", Referrals(now)[ref].Person.Name(), now.Sub(vs[0].signed))
		}
	}
	if revised != 2 || draftOnly != 1 || laterDraft != 1 || someEmpty < 4 {
		t.Errorf("cases with v1 and v2 signed: %d; with only a draft v1: %d; with a draft v3 by the allocated clinician: %d; versions with empty sections: %d",
			revised, draftOnly, laterDraft, someEmpty)
	}
}

// allocated is who holds the case referral ref's accepted consultation opened.
func allocated(ref int) int {
	for _, a := range Decisions(now) {
		if a.Referral == ref && a.Clinician >= 0 {
			return a.Clinician
		}
	}
	return -1
}

func TestCaseRecordsAreDeterministic(t *testing.T) {
	a, b := CaseRecords(now), CaseRecords(now)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two calls with the same now differ")
	}
	// Each entry has its own sections: changing one changes no other, nor the next call.
	for _, e := range a {
		if e.Sections != nil {
			maps.DeleteFunc(e.Sections, func(domain.SectionID, string) bool { return true })
		}
	}
	if !reflect.DeepEqual(b, CaseRecords(now)) {
		t.Fatal("changing what CaseRecords returned changed the demo")
	}
}

// Every case record story belongs to a case the stories open.
func TestCaseRecordsBelongToOpenedCases(t *testing.T) {
	for name := range caseRecords {
		st, ok := stories[name]
		if !ok || !slices.ContainsFunc(st, func(s step) bool { return s.consult == domain.ConsultAccepted }) {
			t.Errorf("a case record for %q, whose story opens no case", name)
		}
	}
	for name, st := range stories {
		if slices.ContainsFunc(st, func(s step) bool { return s.consult == domain.ConsultAccepted }) {
			if _, ok := caseRecords[name]; !ok {
				t.Errorf("%s's case has no record", name)
			}
		}
	}
}

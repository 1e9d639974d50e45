package closing

import (
	"context"
	"strings"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/internal/testdb"
	"caseload/store"
	"caseload/tui/caseload"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// testNow is a Tuesday morning in winter, so London is on GMT.
var testNow = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

var _ Source = (*store.Store)(nil)

// form opens the closing form of OneCase's case for its clinician.
func form(t testing.TB, w, h int) (testdb.Case, *Model, *tuitest.Driver, *tuitest.Host) {
	t.Helper()
	c := testdb.OneCase(t, testNow)
	m, d, hst := open(t, c)
	return c, m, d, hst
}

func open(t testing.TB, c testdb.Case) (*Model, *tuitest.Driver, *tuitest.Host) {
	t.Helper()
	com := tuitest.Session(testNow, c.Clinician)
	com.ArmAfter = 0 // the driver skips timers: the dialog arms at once
	m := New(com, c.Store, c.ID, c.Person, testNow.Add(-time.Hour))
	d, h := tuitest.Open(t, m, 100, 30)
	return m, d, h
}

// writeAll chooses transferred, names the service and writes every part, from the
// reason field where a new form opens.
func writeAll(d *tuitest.Driver) {
	d.Keys("right right right tab").Type("Forensic CMHT, Blackburn")
	for _, p := range domain.DischargeParts {
		d.Keys("tab").Type(p.Title + " written.")
	}
}

// Closing signs the summary as saved and closes the case, which leaves the caseload
// list (its default view) and says so to the screens under the form.
func TestClosingFormSignsAndClosesTheCase(t *testing.T) {
	c, _, d, h := form(t, 100, 30)
	com := tuitest.Session(testNow, c.Clinician)
	list, _ := tuitest.Open(t, caseload.New(com, c.Store), 100, 30)
	if !strings.Contains(list.Screen(), c.Person) {
		t.Fatalf("the open case is not on the caseload list:\n%s", list.Screen())
	}
	writeAll(d)
	d.Keys("ctrl+g")
	if s := d.Screen(); !strings.Contains(s, "Sign the discharge summary and close the case of Aoife Brennan?") ||
		!strings.Contains(s, "transferred to Forensic CMHT, Blackburn") {
		t.Fatalf("no confirmation:\n%s", s)
	}
	d.Keys("y")
	ctx := context.Background()
	got, err := c.Store.DischargeSummaries(ctx, c.ID)
	if err != nil || len(got) != 1 || got[0].Closure.Reason != domain.ClosedTransferred ||
		got[0].Closure.On != ident.DateOf(testNow) || got[0].Part("told") != "Who was told written." {
		t.Fatalf("signed summaries %+v, %v", got, err)
	}
	h.WantTold(t, common.CaseChangedMsg{CaseID: c.ID}, common.BackMsg{})
	list.Send(common.CaseChangedMsg{CaseID: c.ID})
	if strings.Contains(list.Screen(), c.Person) {
		t.Fatalf("the closed case is still on the caseload list:\n%s", list.Screen())
	}
}

// n in the confirmation closes nothing and keeps the form as written.
func TestClosingNotConfirmedClosesNothing(t *testing.T) {
	c, m, d, _ := form(t, 100, 30)
	writeAll(d)
	d.Keys("ctrl+g n")
	if s, _ := c.Store.DischargeSummaries(context.Background(), c.ID); len(s) != 0 {
		t.Fatalf("closed after n: %+v", s)
	}
	if m.parts["told"] != "Who was told written." || m.dialog != nil {
		t.Fatalf("the form lost its text or kept its dialog: %+v", m.parts)
	}
}

// Each refusal of the rules of closing is shown under the field it names, the focus
// goes there, nothing is closed and nothing typed is lost.
func TestClosingRefusedUnderItsField(t *testing.T) {
	for _, c := range []struct {
		name, keys, typed string
		field             domain.Field
		want              string
	}{
		{"no reason", "", "", domain.FieldClosingReason, "not a reason for closing"},
		{"day after today", "shift+tab ctrl+u", "2026-11-25", domain.FieldClosedOn, "is after today"},
		{"day before opening", "shift+tab ctrl+u", "2026-11-01", domain.FieldClosedOn, "before the case opened"},
		{"transfer unnamed", "right right right", "", domain.FieldTransferredTo, "name the service"},
		{"other without words", "left", "", domain.FieldClosingWords, "say in words"},
		{"death undated", "left left", "", domain.FieldDiedOn, "give the date of death"},
		{"part empty", "right", "", "risk", "Risk at discharge is empty"},
	} {
		t.Run(c.name, func(t *testing.T) {
			cs, m, d, _ := form(t, 100, 30)
			d.Keys(c.keys).Type(c.typed)
			for _, p := range domain.DischargeParts {
				if p.ID != "risk" || c.field != "risk" {
					m.parts[p.ID] = p.Title + " kept."
				}
			}
			d.Keys("ctrl+g")
			if got := m.refusals[c.field]; !strings.Contains(got, c.want) {
				t.Fatalf("under %s: %q, want %q (all %v)\n%s", c.field, got, c.want, m.refusals, d.Screen())
			}
			if m.focus != fieldOf(c.field) || m.dialog != nil {
				t.Errorf("focus %d, want %d; dialog %v", m.focus, fieldOf(c.field), m.dialog != nil)
			}
			if !strings.Contains(d.Screen(), c.want) {
				t.Errorf("the refusal is not on screen:\n%s", d.Screen())
			}
			if s, _ := cs.Store.DischargeSummaries(context.Background(), cs.ID); len(s) != 0 || m.parts["work_done"] != "The work done kept." {
				t.Errorf("closed %v, or the text lost: %q", s, m.parts["work_done"])
			}
		})
	}
}

// The draft saves as typed and is found again: leaving and coming back opens the case's
// draft, as written.
func TestClosingDraftKeptAndReopened(t *testing.T) {
	c, _, d, h := form(t, 100, 30)
	d.Keys("right tab").Type("Twelve sessions.")
	d.Keys("esc")
	h.WantTold(t, common.CaseChangedMsg{CaseID: c.ID}, common.BackMsg{})
	dr, ok, err := c.Store.DischargeDraft(context.Background(), c.ID)
	if err != nil || !ok || dr.Part("work_done") != "Twelve sessions." || dr.Closure.Reason != domain.ClosedCompleted {
		t.Fatalf("draft %+v %v %v", dr, ok, err)
	}
	m, d2, _ := open(t, c)
	if m.auto.Base().ID != dr.ID || !strings.Contains(d2.Screen(), "Twelve sessions.") || !strings.Contains(d2.Screen(), "support completed") {
		t.Fatalf("the draft did not come back:\n%s", d2.Screen())
	}
}

// A draft saved in another window while this form holds it: the next save is refused,
// the form says who and when, keeps its text, and saves nothing over the other.
func TestClosingConflictKeepsTheText(t *testing.T) {
	c, m, d, _ := form(t, 100, 30)
	d.Keys("right tab").Type("Mine.")
	d.Keys("ctrl+s")
	other := testdb.Another(t, c.Store)
	theirs := m.auto.Base()
	theirs.Parts = map[domain.SectionID]string{"work_done": "Theirs."}
	if _, err := other.SaveDischargeDraft(context.Background(), c.Clinician.ID, testNow.Add(time.Minute), theirs); err != nil {
		t.Fatal(err)
	}
	d.Type(" More of mine.")
	d.Keys("ctrl+s")
	if m.conflict == nil || !strings.Contains(d.Screen(), "saved a newer version of this discharge summary") {
		t.Fatalf("no conflict shown:\n%s", d.Screen())
	}
	if m.parts["work_done"] != "Mine. More of mine." {
		t.Errorf("typed text lost: %q", m.parts["work_done"])
	}
	if dr, _, _ := c.Store.DischargeDraft(context.Background(), c.ID); dr.Part("work_done") != "Theirs." {
		t.Errorf("saved over the other: %q", dr.Part("work_done"))
	}
	d.Keys("ctrl+k") // keep mine as a note draft
	ns, err := c.Store.Notes(context.Background(), c.ID, c.Clinician.ID)
	if err != nil || len(ns) != 1 || !strings.Contains(ns[0].Text, "Mine. More of mine.") {
		t.Fatalf("kept as a note: %+v %v", ns, err)
	}
}

// Another clinician's draft is theirs: the form says so and closes.
func TestClosingDraftOfAnother(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	ctx := context.Background()
	beth := domain.Clinician{Name: "Beth Armitage", Role: "nurse", Active: true}
	var err error
	if beth.ID, err = c.Store.AddClinician(ctx, "test", testNow, beth); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Store.SaveDischargeDraft(ctx, beth.ID, testNow, domain.DischargeSummary{CaseID: c.ID}); err != nil {
		t.Fatal(err)
	}
	_, _, h := open(t, c)
	if len(h.Sent) < 2 || !strings.Contains(h.Sent[0].(common.ErrorMsg).Err.Error(), "another clinician is writing") {
		t.Fatalf("sent %#v", h.Sent)
	}
}

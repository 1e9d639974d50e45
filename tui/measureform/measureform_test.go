package measureform

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/internal/testdb"
	"caseload/store"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// testNow is a Tuesday morning in winter, so London is on GMT.
var testNow = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

// The store saves the form as it is, with no adapter between them.
var _ Saver = (*store.Store)(nil)

// drive opens the measure form on o as c's clinician, at w×h, confirmations armed at
// once.
func drive(t *testing.T, c testdb.Case, o common.RecordMeasureMsg, w, h int) (*tuitest.Driver, *tuitest.Host) {
	t.Helper()
	com := tuitest.Session(testNow, c.Clinician)
	com.ArmAfter = 0
	o.CaseID, o.Person = c.ID, c.Person
	return tuitest.Open(t, New(com, c.Store, o), w, h)
}

func scores(t *testing.T, c testdb.Case) []domain.MeasureScore {
	t.Helper()
	got, err := c.Store.MeasureScores(context.Background(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// flat is a screen as one line of words, so a check does not depend on where it wraps.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

func told(h *tuitest.Host) []tea.Msg {
	var out []tea.Msg
	for _, msg := range h.Seen {
		switch msg.(type) {
		case common.CaseChangedMsg, common.InfoMsg:
			out = append(out, msg)
		}
	}
	return out
}

// A CORE-10 entered item by item shows its score, band and clinical range as each
// item is typed, and the measure's refusal while too few are answered; saving asks
// for the signature, naming what is signed, and records it signed by the clinician.
func TestCORE10ItemByItem(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	d, h := drive(t, c, common.RecordMeasureMsg{Measure: "core-10", Point: domain.PointAcceptance}, 80, 24)
	s := d.Screen()
	for _, want := range []string{"CORE-10 at acceptance, taken 24 Nov 2026", "© CORE System Trust: https://www.coresystemtrust.org.uk/copyright.pdf",
		"Not scored yet: CORE-10 is scored with at most 1 item unanswered: 10 are."} {
		if !strings.Contains(flat(s), want) {
			t.Fatalf("the form does not say %q:\n%s", want, s)
		}
	}
	d.Keys("enter enter enter") // the measure, the time point and today stand
	for i, v := range []string{"3", "2", "4", "1", "2", "3", "2", "1", "2"} {
		d.Type(v).Keys("enter")
		if i == 7 && !strings.Contains(flat(d.Screen()), "Not scored yet: CORE-10 is scored with at most 1 item unanswered: 2 are.") {
			t.Fatalf("after 8 items:\n%s", d.Screen())
		}
	}
	// Nine answered of ten: pro-rated, 20 × 10 / 9 = 22.2.
	if s := d.Screen(); !strings.Contains(flat(s), "Score 22.2 (0 to 40), pro-rated from the items answered · band moderate-to-severe · in the clinical range (cut-off 11)") {
		t.Fatalf("the live score after nine items:\n%s", s)
	}
	d.Type("4")
	if s := d.Screen(); !strings.Contains(flat(s), "Score 24 (0 to 40) · band moderate-to-severe") {
		t.Fatalf("the live score does not follow the key typed:\n%s", s)
	}
	d.Keys("enter")
	s = d.Screen()
	for _, want := range []string{"Sign the CORE-10 at acceptance for Aoife Brennan?", "Taken on 24 Nov 2026. Score 24 (0 to 40)",
		"Signed as Dr Tom Halliwell when saved", "y sign"} {
		if !strings.Contains(flat(s), want) {
			t.Fatalf("the confirmation does not say %q:\n%s", want, s)
		}
	}
	if len(scores(t, c)) != 0 {
		t.Fatal("recorded before the confirmation")
	}
	d.Keys("y")
	got := scores(t, c)
	if len(got) != 1 || got[0].Total() != 24 || got[0].RecordedBy != c.Clinician.ID || got[0].Point != domain.PointAcceptance ||
		got[0].TakenOn != ident.DateOf(testNow) || got[0].Hash == "" {
		t.Fatalf("recorded %+v", got)
	}
	msgs := told(h)
	if len(msgs) != 2 || msgs[0] != (common.CaseChangedMsg{CaseID: c.ID}) ||
		msgs[1] != (common.InfoMsg{Text: "CORE-10 at acceptance signed: 24, moderate-to-severe, taken 24 Nov 2026."}) {
		t.Errorf("told %v", msgs)
	}
}

// An item is asked by its number and, where the service entered it from its licensed
// copy, its wording; the form shows the wording it is given (the store's, read by the
// case view) and no other.
func TestItemWordingTheServiceEntered(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	lead := testdb.Lead(t, c, "Dr Amara Okonkwo-Reid", testNow)
	ctx := context.Background()
	if err := c.Store.SetMeasureWordings(ctx, "clinician:"+strconv.FormatInt(lead.ID, 10), testNow, "core-10",
		map[int]string{2: "Wording of item two (fictional)"}); err != nil {
		t.Fatal(err)
	}
	wordings, err := c.Store.MeasureWordings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	d, _ := drive(t, c, common.RecordMeasureMsg{Measure: "core-10", Wordings: wordings}, 100, 30)
	d.Keys("enter enter enter")
	s := d.Screen()
	if !strings.Contains(s, "Item 2 · Wording of item two (fictional) >") || !strings.Contains(s, "Item 1 >") || !strings.Contains(s, "Item 3 >") {
		t.Fatalf("the items are not asked by number and wording:\n%s", s)
	}
}

package caseview

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/internal/testdb"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// ended is OneCase's case handed over by Tom to Beth Armitage half an hour before
// testNow, then closed by Beth at testNow as transferred, with a lead, Dr Amara
// Okonkwo-Reid, in the team.
type ended struct {
	testdb.Case
	beth, lead domain.Clinician
}

func endedCase(t testing.TB) ended {
	t.Helper()
	c := testdb.OneCase(t, testNow)
	ctx := context.Background()
	e := ended{Case: c, beth: domain.Clinician{Name: "Beth Armitage", Role: "nurse", Active: true, Access: domain.AccessClinician},
		lead: domain.Clinician{Name: "Dr Amara Okonkwo-Reid", Role: "lead", Active: true, Access: domain.AccessLead}}
	var err error
	for _, who := range []*domain.Clinician{&e.beth, &e.lead} {
		if who.ID, err = c.Store.AddClinician(ctx, "test", testNow, *who); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := c.Store.HandOver(ctx, c.Clinician.ID, testNow.Add(-30*time.Minute),
		domain.Handover{CaseID: c.ID, To: e.beth.ID, Note: "Beth knows the family; release plans agreed with the COM."}, c.Clinician.ID); err != nil {
		t.Fatal(err)
	}
	d := domain.DischargeSummary{CaseID: c.ID, Closure: domain.CaseClosure{On: ident.DateOf(testNow), Reason: domain.ClosedTransferred,
		TransferredTo: "Forensic CMHT, Blackburn"}, Parts: map[domain.SectionID]string{
		"work_done":   "Eleven sessions of schema-focused work in custody and after release; a relapse prevention plan written with her.",
		"formulation": "Risk understood as rising with isolation and alcohol; both now addressed.",
		"risk":        "Medium: managed by the CMHT's plan and weekly contact with the COM.",
		"services":    "GP at Fishergate; Forensic CMHT, Blackburn; Inspire substance use service.",
		"told":        "GP by letter on 23 November; COM Sam Carter by phone; Aoife herself in person.",
	}}
	if d, err = c.Store.SaveDischargeDraft(ctx, e.beth.ID, testNow, d); err == nil {
		_, err = c.Store.CloseCase(ctx, e.beth.ID, testNow, d.ID, d.Revision)
	}
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func (e ended) view(t testing.TB, me domain.Clinician, tab string, w, h int) (*Model, *tuitest.Driver, *tuitest.Host) {
	t.Helper()
	com := tuitest.Session(testNow.Add(time.Hour), me)
	m := New(com, e.Store, e.ID, tab)
	d, hst := tuitest.Open(t, m, w, h)
	return m, d, hst
}

// The discharge summary as a closed case shows it, under the closed banner.
func TestGoldenDischargeSummary(t *testing.T) {
	e := endedCase(t)
	for _, s := range []tuitest.Size{{80, 24}, {120, 40}} {
		t.Run(tuitest.SizeName(s[0], s[1]), func(t *testing.T) {
			_, d, _ := e.view(t, e.beth, TabDischarge, s[0], s[1])
			screen := d.Screen()
			tuitest.AssertFitsAtMost(t, screen, s[0], s[1])
			golden.RequireEqual(t, screen)
		})
	}
}

// A closed case says so above every tab, stays readable, and its timeline has the
// handover and the closing.
func TestClosedCaseBannerAndTimeline(t *testing.T) {
	e := endedCase(t)
	_, d, _ := e.view(t, e.beth, TabSummary, 120, 40)
	for _, tab := range []string{"1", "2", "3", "4", "5", "6", "7"} {
		d.Keys(tab)
		if !strings.Contains(d.Screen(), "CLOSED on 24 Nov 2026: transferred to Forensic CMHT, Blackburn") {
			t.Fatalf("tab %s has no closed banner:\n%s", tab, d.Screen())
		}
	}
	d.Keys("4")
	for _, want := range []string{"Case closed by Beth Armitage on 24 Nov 2026: transferred",
		"Handed over from Dr Tom Halliwell to Beth Armitage by Dr Tom Halliwell\n                   Beth knows the family",
		"Case opened, held by Dr Tom Halliwell"} {
		if !strings.Contains(d.Screen(), want) {
			t.Errorf("timeline lacks %q:\n%s", want, d.Screen())
		}
	}
}

// The keys of a case's end ask the root for the right form, each only where it applies:
// c on an open case, o on a closed one by a lead, a by a lead or the case's clinician.
func TestEndingKeys(t *testing.T) {
	e := endedCase(t)
	open := testdb.OneCase(t, testNow)
	stranger := domain.Clinician{Name: "Someone Else", Access: domain.AccessClinician, Active: true}
	var err error
	if stranger.ID, err = open.Store.AddClinician(context.Background(), "test", testNow, stranger); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name   string
		st     func() *Model
		key    string
		want   string // the message's type, or the info's words
		wantIn string
	}{
		{"close an open case", func() *Model { return New(tuitest.Session(testNow, open.Clinician), open.Store, open.ID, "") }, "c", "common.CloseCaseMsg", ""},
		{"hand over, own case", func() *Model { return New(tuitest.Session(testNow, open.Clinician), open.Store, open.ID, "") }, "a", "common.HandOverMsg", ""},
		{"hand over, not theirs", func() *Model { return New(tuitest.Session(testNow, stranger), open.Store, open.ID, "") }, "a", "common.InfoMsg", "Only a lead or the case's own clinician"},
		{"reopen an open case", func() *Model { return New(tuitest.Session(testNow, open.Clinician), open.Store, open.ID, "") }, "o", "common.InfoMsg", "This case is open"},
		{"close a closed case", func() *Model { m, _, _ := e.view(t, e.lead, "", 80, 24); return m }, "c", "common.InfoMsg", "closed already"},
		{"reopen, not a lead", func() *Model { m, _, _ := e.view(t, e.beth, "", 80, 24); return m }, "o", "common.InfoMsg", "Only a lead may reopen"},
		{"reopen, a lead", func() *Model { m, _, _ := e.view(t, e.lead, "", 80, 24); return m }, "o", "common.ReopenCaseMsg", ""},
		{"hand over a closed case", func() *Model { m, _, _ := e.view(t, e.lead, "", 80, 24); return m }, "a", "common.InfoMsg", "A closed case is not handed over"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, h := tuitest.Open(t, c.st(), 80, 24)
			msg := h.Sends(t, c.key)
			if got := typeName(msg); got != c.want {
				t.Fatalf("%s sent %s %#v, want %s", c.key, got, msg, c.want)
			}
			if i, ok := msg.(common.InfoMsg); ok && !strings.Contains(i.Text, c.wantIn) {
				t.Errorf("said %q, want %q", i.Text, c.wantIn)
			}
		})
	}
}

func typeName(v any) string { return typeOf(v) }

func typeOf(v any) string { return fmt.Sprintf("%T", v) }

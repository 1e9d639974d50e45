package tui

import (
	"context"
	"strings"
	"testing"

	"caseload/internal/domain"
	"caseload/internal/testdb"
	"caseload/store"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// adminApp is the app of IT's admin on the demo, on the store's view for them, as the
// server runs it; and the store.
func adminApp(t *testing.T) (*App, *store.Store) {
	t.Helper()
	ctx := context.Background()
	st := testdb.Demo(t, testNow)
	if _, err := st.AddClinician(ctx, "os:root", testNow, domain.Clinician{Name: "Ivy Okafor", Role: "IT",
		Access: domain.AccessAdmin, Active: true, OSUser: "test"}); err != nil {
		t.Fatal(err)
	}
	ivy := testdb.Clinician(t, st, "Ivy Okafor")
	app := New(tuitest.Session(testNow, ivy), st.As(ivy), "test")
	app.StopTicking()
	return app, st
}

// An admin's session opens on the admin screen, and the root opens nothing else for it:
// each request to open a record, a list or the search (ctrl+f too) opens nothing and
// says why in the status line (docs/RULES.md, "Roles").
func TestAdminSessionOpensNoRecord(t *testing.T) {
	app, st := adminApp(t)
	cases, err := st.Cases(context.Background())
	if err != nil || len(cases) == 0 {
		t.Fatalf("demo cases: %v, %v", cases, err)
	}
	d := tuitest.New(t, app, 100, 30)
	if s := d.Screen(); !strings.Contains(s, "Server") || !strings.Contains(s, "no clinical records") {
		t.Fatalf("an admin's first screen is not the admin screen:\n%s", s)
	}
	const why = "Ivy Okafor is IT (admin), who cannot open clinical records"
	for _, c := range []struct {
		name string
		send func(*tuitest.Driver)
	}{
		{"a referral", func(d *tuitest.Driver) { d.Send(common.OpenReferralMsg{ID: cases[0].ReferralID}) }},
		{"a case", func(d *tuitest.Driver) { d.Send(common.OpenCaseMsg{CaseID: cases[0].ID}) }},
		{"the search", func(d *tuitest.Driver) { d.Send(common.OpenSearchMsg{}) }},
		{"ctrl+f", func(d *tuitest.Driver) { d.Keys("ctrl+f") }},
		{"the queue", func(d *tuitest.Driver) { d.Send(common.OpenQueueMsg{}) }},
		{"the caseload", func(d *tuitest.Driver) { d.Send(common.OpenCaseloadMsg{}) }},
		{"the countdowns", func(d *tuitest.Driver) { d.Send(common.OpenCountdownsMsg{}) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			d.Keys("down") // a key clears the last status
			c.send(d)
			s := d.Screen()
			if len(app.stack) != 1 || !strings.Contains(app.top().Title(), "Server") {
				t.Errorf("opened %q", app.top().Title())
			}
			if !strings.Contains(s, why) {
				t.Errorf("status does not say why:\n%s", s)
			}
		})
	}
	p, err := st.Person(context.Background(), cases[0].PersonID)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(d.Screen(), p.FamilyName) {
		t.Errorf("a person's name is on the admin's screen:\n%s", d.Screen())
	}
}

// A clinician's session is not refused: the same request opens the case.
func TestClinicianSessionOpensRecords(t *testing.T) {
	st := testdb.Demo(t, testNow)
	cases, err := st.Cases(context.Background())
	if err != nil || len(cases) == 0 {
		t.Fatal(err)
	}
	app := newApp(t, st)
	d := tuitest.New(t, app, 100, 30)
	d.Send(common.OpenCaseMsg{CaseID: cases[0].ID})
	if len(app.stack) != 2 {
		t.Errorf("the case did not open:\n%s", d.Screen())
	}
}

package auditlog

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"caseload/internal/clock"
	"caseload/internal/domain"
	"caseload/internal/testdb"
	"caseload/store"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// testNow is a Tuesday morning in winter, so London is on GMT.
var testNow = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

// The store is the screen's source as it is, with no adapter between them.
var _ Source = (*store.Store)(nil)

// logged is the demo with a morning's reading on top: Tom opens a referral and a case,
// searches and opens a note from it; Niamh opens the same referral the evening before.
type logged struct {
	st        *store.Store
	lead, tom domain.Clinician
	referral  store.CaseSummary
}

func fixture(t testing.TB) logged {
	t.Helper()
	ctx := context.Background()
	st := testdb.Demo(t, testNow)
	l := logged{st: st, lead: testdb.Clinician(t, st, "Dr Amara Okonkwo-Reid"), tom: testdb.Clinician(t, st, "Dr Tom Halliwell")}
	l.lead.Access = domain.AccessLead
	niamh := testdb.Clinician(t, st, "Dr Niamh Ó Dálaigh")
	sums, err := st.CaseSummaries(ctx)
	if err != nil || len(sums) == 0 {
		t.Fatalf("%d cases, %v", len(sums), err)
	}
	l.referral = sums[0]
	tom, ni := "clinician:"+itoa(l.tom.ID), "clinician:"+itoa(niamh.ID)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(st.RecordViewed(ctx, ni, testNow.Add(-14*time.Hour), "referral", l.referral.Referral.ID))
	must(st.RecordViewed(ctx, tom, testNow.Add(-30*time.Minute), "referral", l.referral.Referral.ID))
	must(st.RecordViewed(ctx, tom, testNow.Add(-29*time.Minute), "case", l.referral.Case.ID))
	search, err := st.RecordSearch(ctx, tom, testNow.Add(-20*time.Minute), "hostel", 2)
	must(err)
	notes, err := st.Notes(ctx, l.referral.Case.ID, l.tom.ID)
	must(err)
	if len(notes) > 0 {
		must(st.RecordSearchOpened(ctx, tom, testNow.Add(-19*time.Minute), search, "note", notes[0].ID, 0))
	}
	must(st.RecordSession(ctx, tom, testNow.Add(-10*time.Minute), store.ActionSessionStarted,
		store.SessionDetail{ClinicianID: l.tom.ID, Fingerprint: "SHA256:kX3v", Address: "192.0.2.7:50122", Width: 120, Height: 40}))
	return l
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// open shows the log to the lead at w×h.
func (l logged) open(t testing.TB, w, h int) (*tuitest.Driver, *Model, *tuitest.Host) {
	t.Helper()
	m := New(tuitest.Session(testNow, l.lead), l.st)
	d, host := tuitest.Open(t, m, w, h)
	return d, m, host
}

func TestAuditLogGolden(t *testing.T) {
	l := fixture(t)
	tuitest.Golden(t, tuitest.AssertFits, func() common.Screen { return New(tuitest.Session(testNow, l.lead), l.st) },
		[]tuitest.Size{{80, 24}, {120, 40}})
}

// Filtered by person the log holds only entries about that person's records; by
// clinician only theirs; by day only that London day's; x clears them all.
func TestAuditLogFilters(t *testing.T) {
	l := fixture(t)
	d, m, _ := l.open(t, 120, 40)
	all := len(m.lines)
	person := l.referral.Referral.Person
	d.Keys("p").Type(strings.ToLower(person.FamilyName)).Keys("enter")
	if len(m.lines) == 0 || len(m.lines) >= all {
		t.Fatalf("by person: %d of %d entries", len(m.lines), all)
	}
	for _, e := range m.lines {
		if !strings.Contains(e.Person, person.FamilyName) {
			t.Errorf("by person %s: entry %d %s is about %q", person.FamilyName, e.ID, e.Action, e.Person)
		}
	}
	if !strings.Contains(d.Screen(), "Entries person “"+strings.ToLower(person.FamilyName)+"”") {
		t.Errorf("the summary does not name the filter:\n%s", d.Screen())
	}
	d.Keys("c").Type("halliwell").Keys("enter")
	if len(m.lines) < 2 {
		t.Errorf("by person and Tom: %d entries, want at least his views of the referral and the case", len(m.lines))
	}
	for _, e := range m.lines {
		if e.By != "Dr Tom Halliwell" || !strings.Contains(e.Person, person.FamilyName) {
			t.Errorf("by person and Tom: entry %d %s by %s about %q", e.ID, e.Action, e.By, e.Person)
		}
	}
	d.Keys("x c").Type("halliwell").Keys("enter d").Type("23/11/2026").Keys("enter")
	if len(m.lines) == 0 {
		t.Fatal("Tom on 23 Nov: nothing; the demo has him writing that afternoon")
	}
	for _, e := range m.lines {
		if day := e.At.In(clock.London()).Format("2006-01-02"); day != "2026-11-23" || e.By != "Dr Tom Halliwell" {
			t.Errorf("Tom on 23 Nov: an entry by %s of %s", e.By, day)
		}
	}
	d.Keys("x")
	if len(m.lines) != all {
		t.Errorf("cleared: %d entries, want %d", len(m.lines), all)
	}
}

// A day or clinician that cannot be read is said in one sentence, and the typing stays.
func TestAuditLogRefusesWhatItCannotRead(t *testing.T) {
	l := fixture(t)
	for _, tt := range []struct{ key, typed, want string }{
		{"d", "11/31/2026", "month-first dates are not accepted"},
		{"d", "yesterday", "is not a date"},
		{"c", "Nobody", `no clinician of the team is called "Nobody"`},
		{"c", "dr", "type more of the name"},
	} {
		d, m, host := l.open(t, 80, 24)
		d.Keys(tt.key).Type(tt.typed).Keys("enter")
		var said string
		for _, s := range host.Sent {
			if e, ok := s.(common.ErrorMsg); ok {
				said = e.Err.Error()
			}
		}
		if !strings.Contains(said, tt.want) || m.asking == "" || m.input.Value() != tt.typed {
			t.Errorf("%s %q: said %q, still asking %q with %q", tt.key, tt.typed, said, m.asking, m.input.Value())
		}
	}
}

// The log is read a page at a time as the cursor nears the end: never all of it, and
// every entry once.
func TestAuditLogPages(t *testing.T) {
	l := fixture(t)
	m := New(tuitest.Session(testNow, l.lead), l.st)
	m.page = 10
	d, _ := tuitest.Open(t, m, 80, 12) // 9 entries on screen: the first page fills it
	if len(m.lines) != 10 || !m.more {
		t.Fatalf("first read %d entries, more %v; want a page of 10", len(m.lines), m.more)
	}
	d.Keys("pgdown")
	if len(m.lines) != 20 {
		t.Fatalf("after a page down %d entries held; want the next page read", len(m.lines))
	}
	seen := map[int64]bool{}
	for i, e := range m.lines {
		if seen[e.ID] || (i > 0 && e.ID >= m.lines[i-1].ID) {
			t.Fatalf("entry %d twice or out of order", e.ID)
		}
		seen[e.ID] = true
	}
}

// A colleague's new entry shows at the top when the data changes, and the cursor stays
// on the entry it was on.
func TestAuditLogShowsNewEntriesKeepingTheCursor(t *testing.T) {
	l := fixture(t)
	d, m, _ := l.open(t, 120, 40)
	d.Keys("j j")
	at := m.lines[m.win.Cursor].ID
	if err := l.st.RecordViewed(context.Background(), "clinician:"+itoa(l.tom.ID), testNow, "case", l.referral.Case.ID); err != nil {
		t.Fatal(err)
	}
	d.Send(common.DataChangedMsg{})
	if m.lines[0].ID <= at || m.lines[0].Action != "case.viewed" {
		t.Fatalf("the new entry is not at the top: %+v", m.lines[0])
	}
	if m.lines[m.win.Cursor].ID != at {
		t.Errorf("the cursor moved from entry %d to %d", at, m.lines[m.win.Cursor].ID)
	}
}

// The frame fits the window at every size, with a filter being typed too.
func TestAuditLogFitsEverySize(t *testing.T) {
	l := fixture(t)
	tuitest.EverySize(t, map[string]string{"list": "", "typing": "p", "moved": "G", "find": "/ v i e w", "kept find": "/ v enter G"},
		[]tuitest.Size{{20, 5}, {40, 8}, {79, 20}, {100, 30}, {200, 60}},
		func() common.Screen { return New(tuitest.Session(testNow, l.lead), l.st) }, tuitest.AssertFits)
}

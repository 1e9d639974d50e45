package forums

import (
	"context"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/store"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// testNow is a Tuesday morning in winter, so London is on GMT: this week is w/c Mon 23
// Nov 2026 and the four weeks end on Mon 21 Dec.
var testNow = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

const tom = "Dr Tom Halliwell"

// The store is the screen's source as it is, with no adapter between them.
var _ Source = (*store.Store)(nil)

// drive shows the forums of st to me at w×h, loaded.
func drive(t testing.TB, st *store.Store, me domain.Clinician, w, h int) (*tuitest.Driver, *tuitest.Host) {
	t.Helper()
	return tuitest.Open(t, newScreen(st, me)(), w, h)
}

// newScreen makes the forums of st as me sees it, afresh each call.
func newScreen(st *store.Store, me domain.Clinician) func() common.Screen {
	return func() common.Screen { return New(tuitest.Session(testNow, me), st) }
}

func day(m time.Month, d int) ident.Date {
	y := 2026
	if m == time.January {
		y = 2027
	}
	return ident.MustDate(y, m, d)
}

// booked is what addMeetings put in the database, by name.
type booked struct {
	tomsCase, othersCase     int64
	tomsPerson, othersPerson string
	// Inside the four weeks, or with the report due inside them.
	today, marac, mappa, channel, later int64
	// Not to show.
	held, sixWeeks int64
}

// addMeetings books the meetings the tests read: two on a case of mine and one on
// another's inside the four weeks, one after them whose report falls inside, and two
// that must not show (held yesterday; six weeks away with its report after the four
// weeks).
func addMeetings(t testing.TB, st *store.Store, me domain.Clinician) booked {
	t.Helper()
	var b booked
	sums, err := st.CaseSummaries(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sums {
		switch {
		case s.Case.AllocatedClinicianID == me.ID && b.tomsCase == 0:
			b.tomsCase, b.tomsPerson = s.Case.ID, s.Referral.Person.Name()
		case s.Case.AllocatedClinicianID != me.ID && s.Case.AllocatedClinicianID != 0 && b.othersCase == 0:
			b.othersCase, b.othersPerson = s.Case.ID, s.Referral.Person.Name()
		}
	}
	if b.tomsCase == 0 || b.othersCase == 0 {
		t.Fatalf("the demo has no case of %s's and one of another's", me.Name)
	}
	b.marac = record(t, st, domain.ForumMeeting{CaseID: b.tomsCase, Kind: domain.MeetingMARAC, Date: day(time.November, 26),
		Role: domain.RoleInforms, ReportDue: day(time.November, 22), Chair: "Police (DI Shah)", Team: "Dr Tom Halliwell"})
	b.today = record(t, st, domain.ForumMeeting{CaseID: b.tomsCase, Kind: domain.MeetingMAPPAL3, Date: day(time.November, 24),
		Role: domain.RoleAttends, ReportDue: day(time.November, 24), Chair: "Probation", Team: "Tom, Sam"})
	b.mappa = record(t, st, domain.ForumMeeting{CaseID: b.othersCase, Kind: domain.MeetingMAPPAL2, Date: day(time.December, 3),
		Role: domain.RoleAttends, ReportDue: day(time.November, 30), Chair: "Probation (Jo Reid)", Team: "Dr Niamh Ó Dálaigh"})
	b.channel = record(t, st, domain.ForumMeeting{CaseID: b.tomsCase, Kind: domain.MeetingChannel, Date: day(time.December, 16),
		Role: domain.RoleAttends, Chair: "Local authority"})
	b.later = record(t, st, domain.ForumMeeting{CaseID: b.othersCase, Kind: domain.MeetingOther, Date: day(time.December, 29),
		Role: domain.RoleInforms, ReportDue: day(time.December, 18), Chair: "Youth Offending Team", Team: "Sam Okafor"})
	b.held = record(t, st, domain.ForumMeeting{CaseID: b.othersCase, Kind: domain.MeetingMARAC, Date: day(time.November, 23),
		Role: domain.RoleAttends, ReportDue: day(time.November, 20), Outcome: "Safety plan agreed."})
	b.sixWeeks = record(t, st, domain.ForumMeeting{CaseID: b.tomsCase, Kind: domain.MeetingMAPPAL2, Date: day(time.January, 5),
		Role: domain.RoleInforms, ReportDue: day(time.December, 29)})
	return b
}

func record(t testing.TB, st *store.Store, m domain.ForumMeeting) int64 {
	t.Helper()
	id, err := st.RecordForumMeeting(context.Background(), "os:test", testNow.Add(-time.Hour), m)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// shownIDs is the meetings the screen lists, by id. The demo books meetings of its
// own, so tests look for theirs rather than count rows.
func shownIDs(h *tuitest.Host) map[int64]bool {
	m := h.Screen.(*Model)
	ids := map[int64]bool{}
	for _, ri := range m.list.Shown() {
		ids[m.list.Rows()[ri].on.Meeting.ID] = true
	}
	return ids
}

// rowOf is the listed row of meeting id, or nil.
func rowOf(h *tuitest.Host, id int64) *row {
	m := h.Screen.(*Model)
	for _, ri := range m.list.Shown() {
		if m.list.Rows()[ri].on.Meeting.ID == id {
			return &m.list.Rows()[ri]
		}
	}
	return nil
}

// moveTo puts the cursor on meeting id with the down key, as a person would.
func moveTo(t testing.TB, d *tuitest.Driver, h *tuitest.Host, id int64) {
	t.Helper()
	m := h.Screen.(*Model)
	for range m.list.Shown() {
		if m.selectedID() == id {
			return
		}
		d.Keys("j")
	}
	t.Fatalf("meeting %d is not listed:\n%s", id, d.Screen())
}

// selectedID is the meeting under the cursor, 0 when none shows.
func (m *Model) selectedID() int64 {
	if r := m.list.Selected(); r != nil {
		return r.on.Meeting.ID
	}
	return 0
}

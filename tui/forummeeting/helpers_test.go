package forummeeting

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"caseload/internal/clock"
	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/store"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// testNow is a Tuesday morning in winter, so London is on GMT.
var testNow = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

// The store is the form's saver as it is, with no adapter between them.
var _ Saver = (*store.Store)(nil)

// host stands in for the root and keeps every message that reaches it, so a test can
// see what the form told the other screens.
type host struct {
	inner *tuitest.Host
	seen  []tea.Msg
}

func (h *host) Init() tea.Cmd { return h.inner.Init() }

func (h *host) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	h.seen = append(h.seen, msg)
	_, cmd := h.inner.Update(msg)
	return h, cmd
}

func (h *host) View() tea.View { return h.inner.View() }

// fixture is a database holding one open case of a fictional person, made through the
// store's own decisions, and the session of the clinician who holds it.
type fixture struct {
	st     *store.Store
	com    common.Common
	caseID int64
	person string
}

func newFixture(t testing.TB) fixture {
	t.Helper()
	ctx := context.Background()
	st, err := store.Create(ctx, filepath.Join(t.TempDir(), "caseload.db"), testNow)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	me := domain.Clinician{Name: "Dr Tom Halliwell", Role: "clinical psychologist", Active: true}
	if me.ID, err = st.AddClinician(ctx, "test", testNow, me); err != nil {
		t.Fatal(err)
	}
	r := domain.Referral{
		Person: domain.Person{GivenName: "Aoife", FamilyName: "Brennan", DateOfBirth: ident.MustDate(1988, 5, 17),
			NHSNumber: "9990000018", PrisonNumber: "A1234BC", CRN: "X123456"},
		Source: domain.SourceProbation, CurrentPrison: "HMP Preston", ExpectedRelease: ident.MustDate(2027, 3, 1),
		ReleaseDateType: domain.ReleaseCRD, RoSH: domain.RoSHHigh, PriorityGroup: 3, ComplexHealthNeeds: domain.Yes,
		ResettlementArea: "Preston", ApprovedPremises: domain.No, ReceivedAt: testNow.Add(-72 * time.Hour),
	}
	id, err := st.AddReferral(ctx, "test", testNow.Add(-71*time.Hour), r)
	if err == nil {
		_, err = st.ScreenReferral(ctx, "test", testNow.Add(-70*time.Hour), id, domain.ScreenedIn, "")
	}
	var caseID int64
	if err == nil {
		_, caseID, err = st.RecordConsultation(ctx, "test", testNow.Add(-time.Hour), domain.Consultation{
			ReferralID: id, MeetingDate: ident.DateOf(testNow), Outcome: domain.ConsultAccepted,
			Attendees: []domain.Attendee{{Name: "Sam Carter", Role: "COM", Agency: "Probation Service"}},
			Rationale: "Meets every criterion.", AllocatedClinicianID: me.ID})
	}
	if err != nil {
		t.Fatal(err)
	}
	com := common.NewCommon(ctx, clock.Fixed(testNow), "os:test").AsClinician(me)
	return fixture{st: st, com: com, caseID: caseID, person: r.Person.Name()}
}

// open drives the meeting form on m at w x h.
func (f fixture) open(t testing.TB, m domain.ForumMeeting, w, h int) (*tuitest.Driver, *host) {
	t.Helper()
	hst := &host{inner: &tuitest.Host{Screen: New(f.com, f.st, f.person, m)}}
	return tuitest.New(t, hst, w, h), hst
}

// assertFits fails when a line is wider than w or there are more than h lines.
func assertFits(t *testing.T, screen string, w, h int) {
	t.Helper()
	lines := strings.Split(screen, "\n")
	if len(lines) > h {
		t.Errorf("%d lines, want at most %d", len(lines), h)
	}
	for i, l := range lines {
		if n := ansi.StringWidth(l); n > w {
			t.Errorf("line %d is %d cells wide, want at most %d: %q", i+1, n, w, l)
		}
	}
}

// wantTold fails unless each of msgs reached the root, in this order.
func (h *host) wantTold(t *testing.T, msgs ...tea.Msg) {
	t.Helper()
	i := 0
	for _, m := range h.seen {
		if i < len(msgs) && m == msgs[i] {
			i++
		}
	}
	if i < len(msgs) {
		t.Errorf("the form did not send %#v (in order %v)", msgs[i], msgs)
	}
}

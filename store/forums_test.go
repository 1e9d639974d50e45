package store

import (
	"context"
	"strings"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// forumCase is a new store with one open case held by Dr Jo Lead.
func forumCase(t *testing.T) (*Store, int64) {
	t.Helper()
	s := newStore(t)
	return s, openCase(t, s, mustClinician(t, s, "Dr Jo Lead", true), 0)
}

// mappaMeeting is a MAPPA level 2 meeting of caseID on day with a report due a week
// before and two actions.
func mappaMeeting(caseID int64, day ident.Date) domain.ForumMeeting {
	return domain.ForumMeeting{CaseID: caseID, Kind: domain.MeetingMAPPAL2, Date: day, Role: domain.RoleAttends,
		Chair: "DI Sam Rowe, Lancashire Police", ReportDue: day.AddDays(-7), Team: "Dr Jo Lead",
		Shared: "Engagement since release; the current formulation's risk scenarios.", LegalBasis: "CJA 2003 s.325 duty to co-operate",
		Actions: []domain.ForumAction{{Text: "Send the updated formulation to the COM", Due: day.AddDays(3)}, {Text: "Book a joint visit"}}}
}

func mustRecord(t *testing.T, s *Store, m domain.ForumMeeting) int64 {
	t.Helper()
	id, err := s.RecordForumMeeting(context.Background(), "os:alice", t0, m)
	if err != nil {
		t.Fatalf("RecordForumMeeting: %v", err)
	}
	return id
}

// auditOf is the details of a case's audit entries with this action, oldest first.
func auditOf(t *testing.T, s *Store, caseID int64, action string) []string {
	t.Helper()
	es, err := s.AuditEntries(context.Background(), "case", caseID)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		if e.Action == action {
			out = append(out, withoutSeals(e.Detail))
		}
	}
	return out
}

func TestSetInvolvementKeepsTheChangeInTheAudit(t *testing.T) {
	ctx := context.Background()
	s, caseID := forumCase(t)
	asAt := ident.MustDate(2026, 11, 3)
	channel := domain.ForumInvolvement{CaseID: caseID, Forum: domain.ForumChannel, Active: true, Note: "  CH-2026-0042 "}
	mappa := domain.ForumInvolvement{CaseID: caseID, Forum: domain.ForumMAPPA, Category: domain.MAPPACategory2, Level: 1, AsAt: asAt, Active: true}
	for _, v := range []domain.ForumInvolvement{channel, mappa} {
		if err := s.SetInvolvement(ctx, "os:alice", t0, v); err != nil {
			t.Fatal(err)
		}
	}
	mappa.Level = 2
	if err := s.SetInvolvement(ctx, "os:bob", t0.Add(time.Hour), mappa); err != nil {
		t.Fatal(err)
	}
	f, err := s.CaseForums(ctx, caseID)
	if err != nil {
		t.Fatal(err)
	}
	channel.Note = "CH-2026-0042"
	if len(f.Involvements) != 2 || f.Involvements[0] != mappa || f.Involvements[1] != channel {
		t.Fatalf("Involvements = %+v, want MAPPA level 2 then Channel", f.Involvements)
	}
	got := auditOf(t, s, caseID, "forum.involvement")
	want := []string{
		`{"case_id":1,"forum":"CHANNEL","from":null,"to":{"category":null,"level":null,"as_at":null,"active":true,"note":"CH-2026-0042"}}`,
		`{"case_id":1,"forum":"MAPPA","from":null,"to":{"category":"2","level":1,"as_at":"2026-11-03","active":true,"note":null}}`,
		`{"case_id":1,"forum":"MAPPA","from":{"category":"2","level":1,"as_at":"2026-11-03","active":true,"note":null},"to":{"category":"2","level":2,"as_at":"2026-11-03","active":true,"note":null}}`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("forum.involvement audit =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	mustVerify(t, s)
}

func TestSetInvolvementRefusals(t *testing.T) {
	ctx := context.Background()
	s, caseID := forumCase(t)
	mappa := domain.ForumInvolvement{CaseID: caseID, Forum: domain.ForumMAPPA, Category: domain.MAPPACategory1, Active: true}
	if err := s.SetInvolvement(ctx, "os:alice", t0, mappa); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		change func(*domain.ForumInvolvement)
		text   string
		kind   error
	}{
		{"nothing to change", func(*domain.ForumInvolvement) {}, "nothing to change", ErrInvalid},
		{"not MAPPA with a level", func(v *domain.ForumInvolvement) { v.Category, v.Level = domain.MAPPANotMAPPA, 2 }, "no MAPPA level", ErrInvalid},
		{"MARAC with a level", func(v *domain.ForumInvolvement) { v.Forum, v.Category, v.Level = domain.ForumMARAC, "", 1 }, "only MAPPA", ErrInvalid},
		{"no such forum", func(v *domain.ForumInvolvement) { v.Forum = "MAPPS" }, "not a forum", ErrInvalid},
		{"an impossible date", func(v *domain.ForumInvolvement) { v.AsAt = ident.Date{Year: 2027, Month: 2, Day: 30} }, "not a real date", ErrInvalid},
		{"no such case", func(v *domain.ForumInvolvement) { v.CaseID = 99 }, "case 99 does not exist", ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := mappa
			tt.change(&v)
			wantErr(t, tt.name, s.SetInvolvement(ctx, "os:alice", t0, v), tt.text, tt.kind)
		})
	}
	if n := len(auditOf(t, s, caseID, "forum.involvement")); n != 1 {
		t.Errorf("%d forum.involvement entries, want only the first", n)
	}
}

func TestRecordForumMeetingWithActions(t *testing.T) {
	ctx := context.Background()
	s, caseID := forumCase(t)
	day := ident.MustDate(2026, 12, 8)
	later := mustRecord(t, s, mappaMeeting(caseID, day.AddDays(7)))
	m := mappaMeeting(caseID, day)
	m.Chair = "  " + m.Chair + "\n"
	first := mustRecord(t, s, m)
	marac := domain.ForumMeeting{CaseID: caseID, Kind: domain.MeetingMARAC, Date: day, Role: domain.RoleInforms}
	sameDay := mustRecord(t, s, marac)

	f, err := s.CaseForums(ctx, caseID)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Meetings) != 3 || f.Meetings[0].ID != first || f.Meetings[1].ID != sameDay || f.Meetings[2].ID != later {
		t.Fatalf("meetings %+v, want %d, %d, %d by date then id", f.Meetings, first, sameDay, later)
	}
	got, want := f.Meetings[0], mappaMeeting(caseID, day)
	if got.Chair != want.Chair || got.ReportDue != want.ReportDue || got.Shared != want.Shared || got.LegalBasis != want.LegalBasis ||
		got.Kind != want.Kind || got.Role != want.Role || got.Team != want.Team || got.Outcome != "" {
		t.Errorf("meeting read back as %+v, want %+v", got, want)
	}
	if domain.FormatActions(got.Actions) != domain.FormatActions(want.Actions) {
		t.Errorf("actions %+v, want %+v", got.Actions, want.Actions)
	}
	if got.RecordedBy != "os:alice" || !got.RecordedAt.Equal(t0) || !got.UpdatedAt.IsZero() {
		t.Errorf("recorded by %q at %v, updated %v", got.RecordedBy, got.RecordedAt, got.UpdatedAt)
	}
	if f.Meetings[1].Actions != nil || f.Meetings[1].ReportDue != (ident.Date{}) {
		t.Errorf("MARAC meeting %+v, want no actions and no report", f.Meetings[1])
	}
	if next, ok := f.Next(ident.DateOf(t0)); !ok || next.ID != first {
		t.Errorf("Next = %d, %v; want %d", next.ID, ok, first)
	}
	entries := auditOf(t, s, caseID, "forum.meeting.recorded")
	if len(entries) != 3 || entries[1] != `{"case_id":1,"meeting_id":2,"kind":"MAPPA_L2","date":"2026-12-08","role":"attends"}` {
		t.Errorf("forum.meeting.recorded audit = %q", entries)
	}
	if strings.Contains(strings.Join(entries, ""), "formulation") {
		t.Error("the audit holds what was shared; it should hold ids and codes")
	}
	mustVerify(t, s)
}

func TestRecordForumMeetingRefusals(t *testing.T) {
	ctx := context.Background()
	s, caseID := forumCase(t)
	day := ident.MustDate(2026, 12, 8)
	tests := []struct {
		name   string
		change func(*domain.ForumMeeting)
		text   string
		kind   error
	}{
		{"no kind", func(m *domain.ForumMeeting) { m.Kind = "" }, "not a kind of meeting", ErrInvalid},
		{"no date", func(m *domain.ForumMeeting) { m.Date = ident.Date{} }, "date is required", ErrInvalid},
		{"an impossible date", func(m *domain.ForumMeeting) { m.Date = ident.Date{Year: 2027, Month: 2, Day: 30} }, "not a real date", ErrInvalid},
		{"no role", func(m *domain.ForumMeeting) { m.Role = "attended" }, "not a role", ErrInvalid},
		{"report due after the meeting", func(m *domain.ForumMeeting) { m.ReportDue = m.Date.AddDays(1) }, "a report is due by the meeting", ErrInvalid},
		{"an empty action", func(m *domain.ForumMeeting) { m.Actions[1].Text = "  " }, "action 2 says nothing", ErrInvalid},
		{"a NUL in what was shared", func(m *domain.ForumMeeting) { m.Shared = "a\x00b" }, "shared contains a NUL", ErrInvalid},
		{"no such case", func(m *domain.ForumMeeting) { m.CaseID = 99 }, "case 99 does not exist", ErrNotFound},
		{"already recorded", func(m *domain.ForumMeeting) { m.ID = 4 }, "already recorded", ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := mappaMeeting(caseID, day)
			tt.change(&m)
			_, err := s.RecordForumMeeting(ctx, "os:alice", t0, m)
			wantErr(t, tt.name, err, tt.text, tt.kind)
		})
	}
	_, err := s.RecordForumMeeting(ctx, " ", t0, mappaMeeting(caseID, day))
	wantErr(t, "no actor", err, "cannot go in the audit", ErrInvalid)
	if n := count(t, s, "forum_meetings") + count(t, s, "forum_actions"); n != 0 {
		t.Errorf("%d rows written by refused meetings", n)
	}
	mustVerify(t, s)
}

// The meeting, its actions and its audit entry are one transaction: an audit that
// cannot be written takes the meeting with it.
func TestForumMeetingAndItsAuditAreOneTransaction(t *testing.T) {
	ctx := context.Background()
	s, caseID := forumCase(t)
	if _, err := s.db.Exec(`CREATE TEMP TRIGGER audit_fails BEFORE INSERT ON main.audit
		WHEN NEW.action = 'forum.meeting.recorded' BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END`); err != nil {
		t.Fatal(err)
	}
	_, err := s.RecordForumMeeting(ctx, "os:alice", t0, mappaMeeting(caseID, ident.MustDate(2026, 12, 8)))
	wantErr(t, "audit refused", err, "audit unavailable")
	if n := count(t, s, "forum_meetings") + count(t, s, "forum_actions"); n != 0 {
		t.Errorf("%d rows kept without their audit entry", n)
	}
	mustVerify(t, s)
}

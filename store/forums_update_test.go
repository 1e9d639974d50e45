package store

import (
	"context"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// recorded is a MAPPA meeting recorded on a new case, read back as a form would open it.
func recorded(t *testing.T) (*Store, domain.ForumMeeting) {
	t.Helper()
	s, caseID := forumCase(t)
	id := mustRecord(t, s, mappaMeeting(caseID, ident.MustDate(2026, 12, 8)))
	m, err := s.forumMeeting(context.Background(), s.db, id)
	if err != nil {
		t.Fatal(err)
	}
	return s, m
}

// After the meeting its outcome and actions are added; the audit keeps the old and new
// value of each field that changed, and only those.
func TestUpdateForumMeetingAuditsWhatChanged(t *testing.T) {
	ctx := context.Background()
	s, was := recorded(t)
	m := was
	m.Outcome = "Level 2 continues; review in 12 weeks."
	m.Actions = []domain.ForumAction{{Text: "Send the updated formulation to the COM", Due: ident.MustDate(2026, 12, 11)}}
	later := t0.Add(15*24*time.Hour + 2*time.Hour) // 9 December, the day after the meeting
	if err := s.UpdateForumMeeting(ctx, "os:bob", later, was, m); err != nil {
		t.Fatal(err)
	}
	got, err := s.forumMeeting(ctx, s.db, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Outcome != m.Outcome || domain.FormatActions(got.Actions) != domain.FormatActions(m.Actions) {
		t.Errorf("meeting now %+v", got)
	}
	if got.RecordedBy != "os:alice" || !got.RecordedAt.Equal(t0) || !got.UpdatedAt.Equal(later) {
		t.Errorf("recorded by %q at %v, updated at %v; want os:alice at %v, updated at %v",
			got.RecordedBy, got.RecordedAt, got.UpdatedAt, t0, later)
	}
	entries := auditOf(t, s, m.CaseID, "forum.meeting.changed")
	want := `{"case_id":1,"meeting_id":1,"changes":[` +
		`{"field":"outcome","old":null,"new":"Level 2 continues; review in 12 weeks."},` +
		`{"field":"actions","old":"2026-12-11 Send the updated formulation to the COM\nBook a joint visit",` +
		`"new":"2026-12-11 Send the updated formulation to the COM"}]}`
	if len(entries) != 1 || entries[0] != want {
		t.Errorf("forum.meeting.changed audit = %q\nwant %q", entries, want)
	}
	mustVerify(t, s)
}

// Two people editing one meeting: the second to save is refused, not allowed to put
// back what the first changed.
func TestUpdateForumMeetingRefusesALostUpdate(t *testing.T) {
	ctx := context.Background()
	s, was := recorded(t)
	first, second := was, was
	first.Outcome = "Level 2 continues."
	second.Team = "Dr Jo Lead; Ms Priya Shah"
	held := t0.Add(15 * 24 * time.Hour) // 9 December: the meeting has been held
	if err := s.UpdateForumMeeting(ctx, "os:alice", held.Add(time.Hour), was, first); err != nil {
		t.Fatal(err)
	}
	err := s.UpdateForumMeeting(ctx, "os:bob", held.Add(2*time.Hour), was, second)
	wantErr(t, "second save", err, "changed by someone else since you opened it (outcome): reopen it", ErrConflict)
	got, _ := s.forumMeeting(ctx, s.db, was.ID)
	if got.Outcome != first.Outcome || got.Team != was.Team {
		t.Errorf("meeting now %+v, want the first change only", got)
	}
	if n := len(auditOf(t, s, was.CaseID, "forum.meeting.changed")); n != 1 {
		t.Errorf("%d forum.meeting.changed entries, want 1", n)
	}
	mustVerify(t, s)
}

func TestUpdateForumMeetingRefusals(t *testing.T) {
	ctx := context.Background()
	s, was := recorded(t)
	other := openCase(t, s, mustClinician(t, s, "Dr Ali Khan", true), 1)
	tests := []struct {
		name   string
		change func(w, m *domain.ForumMeeting)
		text   string
		kind   error
	}{
		{"nothing to change", func(_, _ *domain.ForumMeeting) {}, "nothing to change", ErrInvalid},
		{"only space added", func(_, m *domain.ForumMeeting) { m.Chair += "  " }, "nothing to change", ErrInvalid},
		{"report due after the meeting", func(_, m *domain.ForumMeeting) { m.Date = m.ReportDue.AddDays(-1) }, "after the meeting", ErrInvalid},
		{"to another case", func(_, m *domain.ForumMeeting) { m.CaseID = other }, "cannot move to another case", ErrInvalid},
		{"a new meeting", func(w, m *domain.ForumMeeting) { w.ID, m.ID = 0, 0 }, "no recorded meeting", ErrInvalid},
		{"opened as another", func(w, _ *domain.ForumMeeting) { w.ID = 7 }, "opened as meeting 7", ErrInvalid},
		{"no such meeting", func(w, m *domain.ForumMeeting) { w.ID, m.ID = 7, 7 }, "forum meeting 7 does not exist", ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, m := was, was
			tt.change(&w, &m)
			wantErr(t, tt.name, s.UpdateForumMeeting(ctx, "os:alice", t0, w, m), tt.text, tt.kind)
		})
	}
	if n := len(auditOf(t, s, was.CaseID, "forum.meeting.changed")); n != 0 {
		t.Errorf("%d forum.meeting.changed entries from refused changes", n)
	}
	mustVerify(t, s)
}

// An outcome is what happened: before the meeting is held it is refused.
func TestOutcomeOnlyOnceTheMeetingIsHeld(t *testing.T) {
	ctx := context.Background()
	s, was := recorded(t)
	m := was
	m.Outcome = "Report received."
	err := s.UpdateForumMeeting(ctx, "os:bob", t0, was, m)
	wantErr(t, "an outcome before the meeting", err, "record its outcome once it has been held", ErrInvalid)
	onTheDay := time.Date(2026, 12, 8, 16, 0, 0, 0, time.UTC)
	if err := s.UpdateForumMeeting(ctx, "os:bob", onTheDay, was, m); err != nil {
		t.Errorf("an outcome on the day of the meeting: %v", err)
	}
}

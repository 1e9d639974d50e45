package store

import (
	"context"
	"testing"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// A report's sent date is kept, changed with an audit entry like any field, and a sent
// date without a due date is refused by the rules and by the schema.
func TestForumReportSent(t *testing.T) {
	ctx := context.Background()
	s, caseID := forumCase(t)
	m := mappaMeeting(caseID, ident.MustDate(2026, 12, 8))
	m.ID = mustRecord(t, s, m)
	f, err := s.CaseForums(ctx, caseID)
	if err != nil || len(f.Meetings) != 1 || !f.Meetings[0].ReportOutstanding() {
		t.Fatalf("a new meeting's report is not outstanding: %+v, %v", f.Meetings, err)
	}
	was := f.Meetings[0]
	sent := was
	sent.ReportSent = ident.MustDate(2026, 12, 1)
	if err := s.UpdateForumMeeting(ctx, "os:bob", t0, was, sent); err != nil {
		t.Fatal(err)
	}
	f, err = s.CaseForums(ctx, caseID)
	if err != nil || f.Meetings[0].ReportSent != sent.ReportSent || f.Meetings[0].ReportOutstanding() {
		t.Fatalf("after sending: %+v, %v", f.Meetings, err)
	}
	if a := auditOf(t, s, caseID, "forum.meeting.changed"); len(a) != 1 {
		t.Errorf("forum.meeting.changed entries: %v", a)
	}
	noDue := domain.ForumMeeting{CaseID: caseID, Kind: domain.MeetingMARAC, Date: ident.MustDate(2026, 12, 9),
		Role: domain.RoleInforms, ReportSent: ident.MustDate(2026, 12, 1)}
	if _, err := s.RecordForumMeeting(ctx, "os:alice", t0, noDue); err == nil {
		t.Error("a report sent but never due was recorded")
	}
	refusedSQL(t, s, "CHECK constraint failed", "UPDATE forum_meetings SET report_due = NULL")
}
